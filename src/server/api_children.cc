// The child's record: the list of children a user may see, a child's summary and
// chronology, one record and its history, and recording (new records and changes). Need-
// to-know and the audit entry are handled before and after these, in App::Api.
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "model/codes.h"
#include "server/api_util.h"
#include "server/app.h"
#include "server/record_json.h"

namespace journey::server {

using model::Kind;
using nlohmann::json;

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "case_note" -> "Case note".
std::string Title(std::string_view kind) {
  std::string t(kind);
  for (char& c : t)
    if (c == '_') c = ' ';
  if (!t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return t;
}

// The main allocation: a social worker's first, then a personal adviser's, then any.
const Allocation* MainAllocation(const ChildEntry& c) {
  const Allocation* best = nullptr;
  int rank = 0;
  for (const Allocation& a : c.current) {
    const int r = a.role == "SW" ? 3 : a.role == "PA" ? 2 : 1;
    if (r > rank) rank = r, best = &a;
  }
  return best;
}

std::optional<Date> RecordDate(const model::Record& r) {
  const model::KindDef& d = model::Def(r.kind);
  if (d.date_index < 0) return std::nullopt;
  const model::Value& v = r.Get(d.date_index);
  if (const Date* dd = std::get_if<Date>(&v)) return *dd;
  if (const model::DateTime* t = std::get_if<model::DateTime>(&v)) return t->date();
  return std::nullopt;
}

bool OpenOn(const model::Record& r, Date today) {
  const model::KindDef& d = model::Def(r.kind);
  if (d.start_index < 0) return false;
  const Date* s = std::get_if<Date>(&r.Get(d.start_index));
  if (!s || *s > today) return false;
  if (d.end_index < 0) return true;
  const Date* e = std::get_if<Date>(&r.Get(d.end_index));
  return !e || *e >= today;
}

// The per-field form of a validation refusal: the model's messages name the field as
// "field <name> value ..." (validate.cc), which is turned into {field, message}.
Response WriteError(const Status& s, std::vector<FieldError> fields) {
  static const std::regex kField(R"(field ([a-z_0-9]+)\b)");
  std::smatch m;
  if (fields.empty() && std::regex_search(s.message(), m, kField))
    fields.push_back({m[1].str(), s.message()});
  Response r = ErrorResponse(s);
  if (!fields.empty()) {
    json body = json::parse(r.body);
    json f = json::array();
    for (const FieldError& e : fields) f.push_back({{"field", e.field}, {"message", e.message}});
    body["error"]["fields"] = f;
    r.body = body.dump();
  }
  return r;
}

Result<Kind> KindParam(const Request& req) {
  auto k = model::KindByName(req.Param("kind"));
  if (!k || model::Def(*k).child_link == model::ChildLink::kNone) {
    return Err(NotFound(
        fmt::format("\"{}\" is not a kind of record on a child's journey", req.Param("kind"))));
  }
  return *k;
}

Result<int64_t> RecordIdParam(const Request& req) {
  const std::string s(req.Param("record_id"));
  char* end = nullptr;
  const long long v = std::strtoll(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || v <= 0) {
    return Err(InvalidArgument(fmt::format("record id \"{}\" is not a positive whole number", s)));
  }
  return static_cast<int64_t>(v);
}

}  // namespace

Response App::MyWork(Call& c) {
  auto as_at = QueryDate(c.req, "as_at", clock_.Today());
  if (!as_at) return ErrorResponse(as_at.error());
  auto days = QueryInt(c.req, "days", 14, -1, 366);
  if (!days) return ErrorResponse(days.error());
  // Today's index is kept up to date after every write; another date is computed for the
  // request (a whole council in well under a second).
  std::unique_ptr<engine::DueIndex> other;
  const engine::DueIndex* idx;
  if (*as_at == clock_.Today()) {
    idx = &Due();
  } else {
    other = std::make_unique<engine::DueIndex>(projection_, timescales_, *as_at);
    idx = other.get();
  }
  engine::DueQuery q;
  q.scope = engine::DueScope::kWorker;
  q.id = c.user->worker_id;
  q.within_days = static_cast<int>(*days);
  json items = json::array();
  if (c.user->worker_id) {
    for (const engine::DueItem& i : idx->List(q)) {
      const engine::Obligation& o = i.obligation;
      const ChildEntry* ch = directory_.Child(o.child);
      const engine::RuleInfo& info = engine::Info(o.rule);
      const bool hide = ch && ch->restricted && !HasGrant(*c.user, o.child);
      items.push_back({{"child_id", o.child},
                       {"child_name", !ch    ? ""
                                      : hide ? "(restricted record)"
                                             : ch->name},
                       {"rule", info.code},
                       {"rule_title", info.title},
                       {"due", DayIso(o.due)},
                       {"days_overdue", -i.days_to_due},
                       {"worker_id", o.worker},
                       {"team_id", o.team}});
    }
  }
  return Json(200, json{{"as_at", as_at->ToIso()}, {"items", items}});
}

Response App::Children(Call& c) {
  auto limit = QueryInt(c.req, "limit", 50, 1, 500);
  if (!limit) return ErrorResponse(limit.error());
  auto offset = QueryInt(c.req, "offset", 0, 0, 100000000);
  if (!offset) return ErrorResponse(offset.error());
  std::vector<int32_t> merged;
  const std::vector<int32_t>* ids;
  if (Can(c.user->role, kAllChildren)) {
    ids = &directory_.KnownChildren();
  } else {
    const auto& a = directory_.OfWorker(c.user->worker_id);
    const auto& b = directory_.OfTeam(c.user->team_id);
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(merged));
    ids = &merged;
  }
  const std::string q = Lower(c.req.Query("q"));
  json items = json::array();
  int64_t total = 0;
  const Date today = clock_.Today();
  for (int32_t id : *ids) {
    const ChildEntry* ch = directory_.Child(id);
    if (!ch || !ch->known) continue;
    const bool hide = ch->restricted && !HasGrant(*c.user, id);
    if (!q.empty()) {
      const bool match = (!hide && Lower(ch->name).find(q) != std::string::npos) ||
                         Lower(ch->la_child_id) == q || std::to_string(id) == q;
      if (!match) continue;
    }
    ++total;
    if (total <= *offset || static_cast<int64_t>(items.size()) >= *limit) continue;
    const Allocation* a = MainAllocation(*ch);
    const WorkerEntry* w = a ? directory_.Worker(a->worker) : nullptr;
    const TeamEntry* t = a ? directory_.Team(a->team) : nullptr;
    items.push_back({{"id", id},
                     {"name", hide ? "(restricted record)" : ch->name},
                     {"date_of_birth", hide ? "" : DayIso(ch->birth_day)},
                     {"legal_status", Directory::LegalStatus(projection_.View(id), today)},
                     {"worker_name", w ? w->name : ""},
                     {"team_name", t ? t->name : ""},
                     {"restricted", ch->restricted}});
  }
  return Json(200, json{{"items", items}, {"total", total}});
}

Response App::ChildSummary(Call& c) {
  // The summary depends only on the child's records and today's date: kept per child until
  // a write to the child (AfterWrite) or the day changes, so reading a child's record again
  // costs no database reads (the audit entry is still written for every request).
  const Date today = clock_.Today();
  if (summary_day_ != today) {
    summaries_.clear();
    summary_day_ = today;
  }
  if (auto hit = summaries_.find(c.child_id); hit != summaries_.end())
    return JsonResponse(200, hit->second);
  auto cr = store_->LoadChild(c.child_id);
  if (!cr) return ErrorResponse(cr.error());
  const ChildEntry* ch = directory_.Child(c.child_id);
  json out;
  out["id"] = c.child_id;
  const auto& persons = cr->of(Kind::kPerson);
  const model::Record* p = persons.empty() ? nullptr : &persons[0];
  out["name"] = ch ? ch->name : "";
  out["la_child_id"] = p ? p->GetString("la_child_id").value_or("") : "";
  out["date_of_birth"] = ch ? DayIso(ch->birth_day) : "";
  out["sex"] = p ? p->GetString("sex").value_or("") : "";
  out["ethnicity"] = p ? p->GetString("ethnicity").value_or("") : "";
  out["legal_status"] =
      Directory::LegalStatus(projection_.View(static_cast<int32_t>(c.child_id)), today);
  out["restricted"] = ch && ch->restricted;
  // The plan in force: protection, child in need, care (permanence) or pathway.
  json plan = nullptr;
  for (Kind k : {Kind::kCpPlan, Kind::kCarePlan, Kind::kCinPlan, Kind::kPathwayPlan}) {
    for (const model::Record& r : cr->of(k)) {
      if (!OpenOn(r, today)) continue;
      plan = {{"kind", model::KindName(k)},
              {"id", r.id},
              {"start_date", r.GetDate("start_date") ? r.GetDate("start_date")->ToIso() : ""}};
      if (k == Kind::kCarePlan) plan["plan"] = r.GetString("plan").value_or("");
      break;
    }
    if (!plan.is_null()) break;
  }
  out["plan"] = plan;
  json placement = nullptr;
  for (const model::Record& r : cr->of(Kind::kPlacement)) {
    if (!OpenOn(r, today)) continue;
    placement = {{"id", r.id},
                 {"start_date", r.GetDate("start_date")->ToIso()},
                 {"placement_type", r.GetString("placement_type").value_or("")},
                 {"provider", r.GetString("provider").value_or("")}};
  }
  out["placement"] = placement;
  const Allocation* a = ch ? MainAllocation(*ch) : nullptr;
  const WorkerEntry* w = a ? directory_.Worker(a->worker) : nullptr;
  const TeamEntry* t = a ? directory_.Team(a->team) : nullptr;
  out["worker"] = w ? json{{"id", w->id}, {"name", w->name}} : json(nullptr);
  out["team"] = t ? json{{"id", t->id}, {"name", t->name}} : json(nullptr);
  json alerts = json::array();
  if (ch && ch->restricted) alerts.push_back("Restricted record: every opening is audited");
  for (const model::Record& r : cr->of(Kind::kMissingEpisode))
    if (model::IsNull(r.Get("end_at"))) alerts.push_back("Missing now");
  for (const model::Record& r : cr->of(Kind::kExploitationRisk)) {
    auto d = r.GetDate("screened_date");
    if (d && d->days() > today.days() - 365 && r.GetString("level").value_or("") == "HIGH")
      alerts.push_back(
          fmt::format("High exploitation risk ({})", r.GetString("risk_type").value_or("")));
  }
  if (!a && out["legal_status"] != "closed") alerts.push_back("No allocated worker");
  out["alerts"] = alerts;
  std::vector<engine::Obligation> obs;
  timescales_.ForChild(projection_, projection_.View(static_cast<int32_t>(c.child_id)), today, &obs,
                       /*open_only=*/true);
  int overdue = 0, soon = 0;
  for (const engine::Obligation& o : obs) {
    if (o.due < today.days())
      ++overdue;
    else if (o.due <= today.days() + 14)
      ++soon;
  }
  out["overdue"] = overdue;
  out["due_soon"] = soon;
  Response res = Json(200, out);
  if (summaries_.size() >= kKeptSummaries) summaries_.clear();
  summaries_.emplace(c.child_id, res.body);
  return res;
}

Response App::Chronology(Call& c) {
  auto cr = store_->LoadChild(c.child_id);
  if (!cr) return ErrorResponse(cr.error());
  struct Item {
    int32_t day;
    Kind kind;
    int64_t id;
    const model::Record* r;
  };
  std::vector<Item> items;
  for (const model::KindDef& d : model::AllKinds()) {
    if (d.kind == Kind::kPerson) continue;
    for (const model::Record& r : cr->of(d.kind)) {
      auto day = RecordDate(r);
      items.push_back(Item{day ? day->days() : engine::kNoDay, d.kind, r.id, &r});
    }
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (a.day != b.day) return a.day > b.day;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.id > b.id;
  });
  json out = json::array();
  for (const Item& i : items) {
    const model::KindDef& d = model::Def(i.kind);
    std::string details;
    int shown = 0;
    for (size_t f = 0; f < d.fields.size() && shown < 4; ++f) {
      const model::FieldDef& fd = d.fields[f];
      if (static_cast<int>(f) == d.date_index || fd.type == model::FieldType::kRef) continue;
      const model::Value& v = i.r->values[f];
      if (model::IsNull(v)) continue;
      std::string text = model::ValueToString(v);
      if (text.size() > 200) text = text.substr(0, 200) + "...";
      details += fmt::format("{}{}: {}", shown ? "; " : "", fd.name, text);
      ++shown;
    }
    out.push_back({{"kind", d.name},
                   {"id", i.id},
                   {"date", DayIso(i.day)},
                   {"title", Title(d.name)},
                   {"details", details},
                   {"version", i.r->version}});
  }
  return Json(200, json{{"items", out}});
}

Response App::GetRecord(Call& c) {
  auto kind = KindParam(c.req);
  if (!kind) return ErrorResponse(kind.error());
  auto id = RecordIdParam(c.req);
  if (!id) return ErrorResponse(id.error());
  c.audit_kind = std::string(model::KindName(*kind));
  c.audit_record = *id;
  auto r = store_->Get(*kind, *id);
  if (!r) return ErrorResponse(r.error());
  if (!*r || (*r)->child_id != c.child_id) {
    return ErrorResponse(
        NotFound(fmt::format("child {} has no {} {}", c.child_id, model::KindName(*kind), *id)));
  }
  return Json(200, RecordToJson(**r));
}

Response App::RecordHistory(Call& c) {
  auto kind = KindParam(c.req);
  if (!kind) return ErrorResponse(kind.error());
  auto id = RecordIdParam(c.req);
  if (!id) return ErrorResponse(id.error());
  c.audit_kind = std::string(model::KindName(*kind));
  c.audit_record = *id;
  auto versions = store_->History(*kind, *id);
  if (!versions) return ErrorResponse(versions.error());
  if (versions->empty() || versions->front().child_id != c.child_id) {
    return ErrorResponse(
        NotFound(fmt::format("child {} has no {} {}", c.child_id, model::KindName(*kind), *id)));
  }
  json items = json::array();
  for (const model::Record& v : *versions) {
    json j = RecordToJson(v);
    j["deleted"] = v.deleted;
    j["tx"] = v.tx;
    auto tx = store_->Transaction(v.tx);
    if (tx) {
      j["by"] = tx->actor;
      j["at"] = IsoInstantUs(tx->at_micros);
      j["reason"] = tx->reason;
    }
    items.push_back(std::move(j));
  }
  return Json(200, json{{"items", items}});
}

Response App::CreateRecord(Call& c) {
  c.audit_action = "create";
  auto body = JsonBody(c.req);
  if (!body) return ErrorResponse(body.error());
  auto kind_name = JsonString(*body, "kind", true);
  if (!kind_name) return WriteError(kind_name.error(), {{"kind", kind_name.error().message()}});
  auto kind = model::KindByName(*kind_name);
  if (!kind || model::Def(*kind).child_link == model::ChildLink::kNone) {
    Status s = InvalidArgument(fmt::format(
        "field kind value \"{}\": not a kind of record on a child's journey", *kind_name));
    return WriteError(s, {{"kind", s.message()}});
  }
  c.audit_kind = *kind_name;
  model::Record r(*kind);
  r.child_id = c.child_id;
  auto fields = body->find("fields");
  std::vector<FieldError> errors =
      FieldsFromJson(fields == body->end() ? json::object() : *fields, &r);
  if (!errors.empty()) {
    Status s = InvalidArgument(fmt::format("{} field(s) need correcting", errors.size()));
    return WriteError(s, std::move(errors));
  }
  store::WriteBatch b;
  b.Put(std::move(r));
  auto res = store_->Write(store::Actor{c.user->username, c.reason, c.req.remote}, b);
  if (!res) return WriteError(res.error(), {});
  c.audit_record = res->ids.at(0);
  Status st = AfterWrite(c.child_id);
  if (!st.ok()) return ErrorResponse(st);
  return Json(201, json{{"id", res->ids.at(0)}, {"version", 1}});
}

Response App::ChangeRecord(Call& c) {
  c.audit_action = "change";
  auto kind = KindParam(c.req);
  if (!kind) return ErrorResponse(kind.error());
  auto id = RecordIdParam(c.req);
  if (!id) return ErrorResponse(id.error());
  c.audit_kind = std::string(model::KindName(*kind));
  c.audit_record = *id;
  auto body = JsonBody(c.req);
  if (!body) return ErrorResponse(body.error());
  auto version = body->find("version");
  if (version == body->end() || !version->is_number_integer()) {
    Status s = InvalidArgument("field version: give the version you changed (a whole number)");
    return WriteError(s, {{"version", s.message()}});
  }
  auto current = store_->Get(*kind, *id);
  if (!current) return ErrorResponse(current.error());
  if (!*current || (*current)->child_id != c.child_id) {
    return ErrorResponse(
        NotFound(fmt::format("child {} has no {} {}", c.child_id, model::KindName(*kind), *id)));
  }
  model::Record r = **current;
  if (r.version != version->get<int64_t>()) {
    return ErrorResponse(Aborted(fmt::format(
        "{} {} has changed since you opened it (you had version {}, it is now version {}): "
        "reload it, then make your change again",
        model::KindName(*kind), *id, version->get<int64_t>(), r.version)));
  }
  auto fields = body->find("fields");
  std::vector<FieldError> errors =
      FieldsFromJson(fields == body->end() ? json::object() : *fields, &r);
  if (!errors.empty()) {
    Status s = InvalidArgument(fmt::format("{} field(s) need correcting", errors.size()));
    return WriteError(s, std::move(errors));
  }
  store::WriteBatch b;
  b.Put(r);
  auto res = store_->Write(store::Actor{c.user->username, c.reason, c.req.remote}, b);
  if (!res) return WriteError(res.error(), {});
  Status st = AfterWrite(c.child_id);
  if (!st.ok()) return ErrorResponse(st);
  return Json(200, json{{"id", *id}, {"version", r.version + 1}});
}

Response App::Kinds(Call& c) {
  static const std::string body = [] {
    const model::CodeLists& codes = model::CodeLists::Default();
    json kinds = json::array();
    for (const model::KindDef& d : model::AllKinds()) {
      json fields = json::array();
      for (const model::FieldDef& f : d.fields) {
        json jf{{"name", f.name},
                {"type", model::FieldTypeName(f.type)},
                {"required", f.required},
                {"doc", f.doc}};
        if (f.type == model::FieldType::kText)
          jf["max_length"] = f.max_length ? f.max_length : 1000;
        if (f.type == model::FieldType::kRef) jf["ref_kind"] = model::KindName(f.ref_kind);
        if (f.type == model::FieldType::kCode) {
          json list = json::array();
          if (const model::CodeList* cl = codes.Find(f.code_list)) {
            for (const model::CodeEntry& e : cl->entries()) {
              // With the collection years it is valid in (0: open), so a form offers only
              // the codes valid on the record's date.
              list.push_back({{"code", e.code},
                              {"label", e.label},
                              {"from_year", e.from_year},
                              {"to_year", e.to_year}});
            }
          }
          jf["codes"] = list;
        }
        fields.push_back(std::move(jf));
      }
      const char* link = d.child_link == model::ChildLink::kNone       ? "none"
                         : d.child_link == model::ChildLink::kRequired ? "required"
                                                                       : "optional";
      kinds.push_back({{"name", d.name},
                       {"doc", d.doc},
                       {"restricted", d.restricted},
                       {"child_link", link},
                       {"date_field", d.date_field},
                       {"fields", fields}});
    }
    return json{{"kinds", kinds}}.dump();
  }();
  return JsonResponse(200, body);
}

}  // namespace journey::server
