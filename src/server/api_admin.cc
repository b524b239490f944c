// Drafts (any signed-in user's own unsent forms), and administration: accounts, grants to
// restricted records, and the audit log.
#include <fmt/format.h>

#include <algorithm>

#include "server/api_util.h"
#include "server/app.h"

namespace journey::server {

using nlohmann::json;

namespace {

constexpr size_t kDraftLimit = 256 * 1024;

Result<std::string> DraftKey(const Request& req) {
  std::string_view k = req.Param("key");
  const bool ok = !k.empty() && k.size() <= 200 && std::all_of(k.begin(), k.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
           c == ':';
  });
  if (!ok) {
    return Err(InvalidArgument(fmt::format(
        "draft key \"{}\": use 1 to 200 of letters, digits, '-', '_', '.' and ':'", k)));
  }
  return std::string(k);
}

// "2026-11-23" or "2026-11-23T10:00:00Z" as microseconds since the epoch.
Result<int64_t> InstantParam(std::string_view name, std::string_view v) {
  auto d = Date::ParseIso(v.substr(0, 10));
  if (!d || (v.size() != 10 && v.size() != 20)) {
    return Err(InvalidArgument(
        fmt::format("{} value \"{}\": use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ", name, v)));
  }
  int64_t us = static_cast<int64_t>(d->days()) * 86400000000LL;
  if (v.size() == 20) {
    int h = 0, m = 0, s = 0;
    if (std::sscanf(std::string(v.substr(11)).c_str(), "%2d:%2d:%2dZ", &h, &m, &s) != 3 || h > 23 ||
        m > 59 || s > 59) {
      return Err(
          InvalidArgument(fmt::format("{} value \"{}\": the time is not HH:MM:SS", name, v)));
    }
    us += (h * 3600LL + m * 60 + s) * 1000000LL;
  }
  return us;
}

}  // namespace

Response App::ListDrafts(Call& c) {
  auto q = db_->Prepare("SELECT key, saved_at_us FROM app_draft WHERE user_id = $1 ORDER BY key");
  if (!q) return ErrorResponse(q.error());
  q->BindInt(1, c.user->id);
  json items = json::array();
  for (;;) {
    auto row = q->Step();
    if (!row) return ErrorResponse(row.error());
    if (!*row) break;
    items.push_back({{"key", q->Text(0)}, {"saved_at", IsoInstantUs(q->Int(1))}});
  }
  return Json(200, json{{"items", items}});
}

Response App::GetDraft(Call& c) {
  auto key = DraftKey(c.req);
  if (!key) return ErrorResponse(key.error());
  auto q = db_->Prepare("SELECT text, saved_at_us FROM app_draft WHERE user_id = $1 AND key = $2");
  if (!q) return ErrorResponse(q.error());
  q->BindInt(1, c.user->id);
  q->BindText(2, *key);
  auto row = q->Step();
  if (!row) return ErrorResponse(row.error());
  if (!*row) return ErrorResponse(NotFound(fmt::format("no draft \"{}\"", *key)));
  return Json(200,
              json{{"key", *key}, {"text", q->Text(0)}, {"saved_at", IsoInstantUs(q->Int(1))}});
}

Response App::PutDraft(Call& c) {
  auto key = DraftKey(c.req);
  if (!key) return ErrorResponse(key.error());
  auto body = JsonBody(c.req);
  if (!body) return ErrorResponse(body.error());
  auto text = JsonString(*body, "text", true);
  if (!text) return ErrorResponse(text.error());
  if (text->size() > kDraftLimit) {
    return ErrorResponse(
        InvalidArgument(fmt::format("field text: a draft may hold at most {} bytes", kDraftLimit)));
  }
  auto q = db_->Prepare(
      "INSERT INTO app_draft (user_id, key, text, saved_at_us) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (user_id, key) DO UPDATE SET text = excluded.text, "
      "saved_at_us = excluded.saved_at_us");
  if (!q) return ErrorResponse(q.error());
  const int64_t now = clock_.NowMicros();
  q->BindInt(1, c.user->id);
  q->BindText(2, *key);
  q->BindText(3, *text);
  q->BindInt(4, now);
  Status st = q->Run();
  if (!st.ok()) return ErrorResponse(st);
  return Json(200, json{{"key", *key}, {"saved_at", IsoInstantUs(now)}});
}

Response App::DeleteDraft(Call& c) {
  auto key = DraftKey(c.req);
  if (!key) return ErrorResponse(key.error());
  auto q = db_->Prepare("DELETE FROM app_draft WHERE user_id = $1 AND key = $2");
  if (!q) return ErrorResponse(q.error());
  q->BindInt(1, c.user->id);
  q->BindText(2, *key);
  Status st = q->Run();
  if (!st.ok()) return ErrorResponse(st);
  Response r;
  r.status = 204;
  return r;
}

Response App::ListUsers(Call& c) {
  json items = json::array();
  for (const User* u : auth_->Users()) {
    json j = UserJson(*u, directory_);
    j["active"] = u->active;
    items.push_back(std::move(j));
  }
  return Json(200, json{{"items", items}});
}

Response App::CreateUser(Call& c) {
  auto body = JsonBody(c.req);
  if (!body) return ErrorResponse(body.error());
  Auth::NewUser n;
  for (auto [name, out] : {std::pair{"username", &n.username}, std::pair{"name", &n.name},
                           std::pair{"role", &n.role}, std::pair{"password", &n.password}}) {
    auto v = JsonString(*body, name, true);
    if (!v) return ErrorResponse(v.error());
    *out = std::move(*v);
  }
  for (auto [name, out] :
       {std::pair{"worker_id", &n.worker_id}, std::pair{"team_id", &n.team_id}}) {
    auto it = body->find(name);
    if (it == body->end() || it->is_null()) continue;
    if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > INT32_MAX) {
      return ErrorResponse(InvalidArgument(fmt::format("field {}: must be a whole number", name)));
    }
    *out = static_cast<int32_t>(it->get<int64_t>());
  }
  if (n.worker_id && !directory_.Worker(n.worker_id)) {
    return ErrorResponse(
        InvalidArgument(fmt::format("field worker_id value {}: no such worker", n.worker_id)));
  }
  if (n.team_id && !directory_.Team(n.team_id)) {
    return ErrorResponse(
        InvalidArgument(fmt::format("field team_id value {}: no such team", n.team_id)));
  }
  auto exp = JsonString(*body, "expires_at", false);
  if (!exp) return ErrorResponse(exp.error());
  if (!exp->empty()) {
    auto us = InstantParam("field expires_at", *exp);
    if (!us) return ErrorResponse(us.error());
    n.expires_at_us = *us;
  }
  auto id = auth_->CreateUser(n);
  if (!id) return ErrorResponse(id.error());
  (void)audit_->Append(AuditEntry{0, 0, c.user->id, c.user->username,
                                  std::string(RoleName(c.user->role)), "user_created", 0, "", *id,
                                  "", c.req.remote, 201});
  return Json(201, json{{"id", *id}});
}

Response App::ListGrants(Call& c) {
  json items = json::array();
  for (const Grant& g : grants_) {
    items.push_back(
        {{"id", g.id},
         {"user_id", g.user_id},
         {"child_id", g.child_id},
         {"reason", g.reason},
         {"granted_by", g.granted_by},
         {"granted_at", IsoInstantUs(g.granted_at_us)},
         {"expires_at", g.expires_at_us ? json(IsoInstantUs(g.expires_at_us)) : json(nullptr)}});
  }
  return Json(200, json{{"items", items}});
}

Response App::CreateGrant(Call& c) {
  auto body = JsonBody(c.req);
  if (!body) return ErrorResponse(body.error());
  Grant g;
  for (auto [name, out] : {std::pair{"user_id", &g.user_id}, std::pair{"child_id", &g.child_id}}) {
    auto it = body->find(name);
    if (it == body->end() || !it->is_number_integer() || it->get<int64_t>() <= 0) {
      return ErrorResponse(
          InvalidArgument(fmt::format("field {}: required, a positive whole number", name)));
    }
    *out = it->get<int64_t>();
  }
  if (!auth_->FindUser(g.user_id)) {
    return ErrorResponse(
        InvalidArgument(fmt::format("field user_id value {}: no such user", g.user_id)));
  }
  const ChildEntry* ch = directory_.Child(g.child_id);
  if (!ch || !ch->restricted) {
    return ErrorResponse(InvalidArgument(fmt::format(
        "field child_id value {}: not a restricted record (only those need a grant)", g.child_id)));
  }
  auto reason = JsonString(*body, "reason", true);
  if (!reason) return ErrorResponse(reason.error());
  if (reason->size() < 3)
    return ErrorResponse(InvalidArgument("field reason: say why the access is needed"));
  g.reason = *reason;
  auto days = body->find("days");
  if (days != body->end() && !days->is_null()) {
    if (!days->is_number_integer() || days->get<int64_t>() < 1 || days->get<int64_t>() > 366) {
      return ErrorResponse(InvalidArgument("field days: a whole number from 1 to 366"));
    }
    g.expires_at_us = clock_.NowMicros() + days->get<int64_t>() * 86400000000LL;
  }
  g.granted_by = c.user->id;
  auto id = AddGrant(g);
  if (!id) return ErrorResponse(id.error());
  (void)audit_->Append(AuditEntry{0, 0, c.user->id, c.user->username,
                                  std::string(RoleName(c.user->role)), "grant", g.child_id, "", *id,
                                  g.reason, c.req.remote, 201});
  return Json(201, json{{"id", *id}});
}

Response App::Audit(Call& c) {
  AuditQuery q;
  q.username = std::string(c.req.Query("user"));
  q.action = std::string(c.req.Query("action"));
  auto child = QueryInt(c.req, "child_id", 0, 0, INT64_MAX);
  if (!child) return ErrorResponse(child.error());
  q.child_id = *child;
  auto limit = QueryInt(c.req, "limit", 100, 1, 1000);
  if (!limit) return ErrorResponse(limit.error());
  q.limit = static_cast<int>(*limit);
  auto before = QueryInt(c.req, "before_id", 0, 0, INT64_MAX);
  if (!before) return ErrorResponse(before.error());
  q.before_id = *before;
  for (auto [name, out, add_day] :
       {std::tuple{"from", &q.from_us, false}, std::tuple{"to", &q.to_us, true}}) {
    if (!c.req.HasQuery(name) || c.req.Query(name).empty()) continue;
    auto us = InstantParam(fmt::format("query parameter {}", name), c.req.Query(name));
    if (!us) return ErrorResponse(us.error());
    // "to" a date includes the whole of that day.
    *out = *us + (add_day && c.req.Query(name).size() == 10 ? 86400000000LL : 0);
  }
  auto entries = audit_->Search(q);
  if (!entries) return ErrorResponse(entries.error());
  json items = json::array();
  for (const AuditEntry& e : *entries) {
    items.push_back({{"id", e.id},
                     {"at", IsoInstantUs(e.at_us)},
                     {"user", e.username},
                     {"role", e.role},
                     {"action", e.action},
                     {"child_id", e.child_id},
                     {"kind", e.kind},
                     {"record_id", e.record_id},
                     {"reason", e.reason},
                     {"origin", e.origin},
                     {"status", e.status}});
  }
  return Json(200, json{{"items", items}});
}

}  // namespace journey::server
