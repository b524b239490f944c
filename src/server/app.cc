#include "server/app.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "server/api_util.h"
#include "store/store_connection.h"

namespace journey::server {

using nlohmann::json;

namespace {

// Content-Security-Policy: scripts and styles only from this server (no inline script, no
// eval), no framing (clickjacking), no plug-ins, forms post only here.
constexpr std::string_view kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

std::string LowerCode(StatusCode c) {
  std::string s(StatusCodeName(c));
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::optional<int64_t> ParseId(std::string_view s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

}  // namespace

Response JsonResponse(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response ApiError(int http_status, std::string_view code, std::string message) {
  return JsonResponse(http_status,
                      json{{"error", {{"code", code}, {"message", std::move(message)}}}}.dump());
}

Response ErrorResponse(const Status& s) {
  json e{{"code", LowerCode(s.code())}, {"message", s.message()}};
  return JsonResponse(HttpStatusFor(s.code()), json{{"error", e}}.dump());
}

App::App(const AppOptions& options, const Clock& clock) : opt_(options), clock_(clock) {}
App::~App() = default;

Result<std::unique_ptr<App>> App::Open(const AppOptions& options, const Clock& clock) {
  std::unique_ptr<App> app(new App(options, clock));
  JOURNEY_RETURN_IF_ERROR(app->Init());
  return app;
}

void App::AddRoute(std::string method, std::string pattern, uint32_t permission, Fn fn) {
  const bool child = pattern.rfind("/api/children/{id}", 0) == 0;
  router_.Add(std::move(method), std::move(pattern));
  routes_.push_back(RouteDef{permission, child, fn});
}

Status App::Init() {
  // A file or a postgresql:// URL: the server's own SQL is portable (decision 0004).
  JOURNEY_ASSIGN_OR_RETURN(store_, store::OpenStore(opt_.db_path, clock_));
  db_ = store::ConnectionOf(*store_);
  if (!db_) return Internal("the server needs a store over SQL (SQLite or PostgreSQL)");
  JOURNEY_ASSIGN_OR_RETURN(checkpointer_, WalCheckpointer::Start(*db_, opt_.db_path));
  auth_ = std::make_unique<Auth>(*db_, clock_, opt_.auth);
  JOURNEY_RETURN_IF_ERROR(auth_->Load());
  audit_ = std::make_unique<AuditLog>(*db_, clock_);
  JOURNEY_ASSIGN_OR_RETURN(projection_, engine::Projection::Load(*store_));
  JOURNEY_RETURN_IF_ERROR(directory_.Load(*store_, projection_, clock_.Today()));
  static_.SetRoot(opt_.static_dir);
  JOURNEY_RETURN_IF_ERROR(reports_.Load(*store_));
  {
    JOURNEY_ASSIGN_OR_RETURN(
        db::Statement q, db_->Prepare("SELECT id, user_id, child_id, reason, granted_by, "
                                      "granted_at_us, COALESCE(expires_at_us, 0) FROM app_grant"));
    for (;;) {
      JOURNEY_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      grants_.push_back(Grant{q.Int(0), q.Int(1), q.Int(2), std::string(q.Text(3)), q.Int(4),
                              q.Int(5), q.Int(6)});
    }
  }
  // The routing table: who may call what is written here and nowhere else.
  AddRoute("POST", "/api/session", kSignedIn, &App::SignIn);
  AddRoute("GET", "/api/session", kSignedIn, &App::GetSession);
  AddRoute("DELETE", "/api/session", kSignedIn, &App::SignOut);
  AddRoute("GET", "/api/me/work", kMyWork, &App::MyWork);
  AddRoute("GET", "/api/children", kReadChildren, &App::Children);
  AddRoute("GET", "/api/children/{id}", kReadChildren, &App::ChildSummary);
  AddRoute("GET", "/api/children/{id}/chronology", kReadChildren, &App::Chronology);
  AddRoute("POST", "/api/children/{id}/records", kWriteRecords, &App::CreateRecord);
  AddRoute("GET", "/api/children/{id}/records/{kind}/{record_id}", kReadChildren, &App::GetRecord);
  AddRoute("PUT", "/api/children/{id}/records/{kind}/{record_id}", kWriteRecords,
           &App::ChangeRecord);
  AddRoute("GET", "/api/children/{id}/records/{kind}/{record_id}/history", kReadChildren,
           &App::RecordHistory);
  AddRoute("GET", "/api/kinds", kSignedIn, &App::Kinds);
  AddRoute("GET", "/api/drafts", kSignedIn, &App::ListDrafts);
  AddRoute("GET", "/api/drafts/{key}", kSignedIn, &App::GetDraft);
  AddRoute("PUT", "/api/drafts/{key}", kSignedIn, &App::PutDraft);
  AddRoute("DELETE", "/api/drafts/{key}", kSignedIn, &App::DeleteDraft);
  AddRoute("GET", "/api/team/caseloads", kTeam, &App::Caseloads);
  AddRoute("GET", "/api/team/exceptions", kTeam, &App::Exceptions);
  AddRoute("GET", "/api/teams", kSignedIn, &App::Teams);
  AddRoute("GET", "/api/users", kUsers, &App::ListUsers);
  AddRoute("POST", "/api/users", kUsers, &App::CreateUser);
  AddRoute("GET", "/api/grants", kGrants, &App::ListGrants);
  AddRoute("POST", "/api/grants", kGrants, &App::CreateGrant);
  AddRoute("GET", "/api/audit", kAudit, &App::Audit);
  AddRoute("GET", "/api/indicators", kReport, &App::IndicatorList);
  AddRoute("GET", "/api/report", kReport, &App::Report);
  AddRoute("GET", "/api/report/drill", kReport, &App::ReportDrill);
  return Status::Ok();
}

void App::Shutdown() {
  (void)audit_->CommitAll();
  auth_->Persist();
}

const engine::DueIndex& App::Due() {
  const Date today = clock_.Today();
  if (!due_ || due_->as_at() != today)
    due_ = std::make_unique<engine::DueIndex>(projection_, timescales_, today);
  return *due_;
}

Status App::AfterWrite(int64_t child_id) {
  JOURNEY_ASSIGN_OR_RETURN(model::ChildRecords cr, store_->LoadChild(child_id));
  JOURNEY_RETURN_IF_ERROR(projection_.ReplaceChild(cr));
  if (due_) due_->Refresh(static_cast<int32_t>(child_id));
  directory_.Refresh(cr, clock_.Today());
  reports_.Invalidate();
  summaries_.erase(child_id);
  return Status::Ok();
}

bool App::CanSee(const User& u, const ChildEntry& c) const {
  if (!c.known) return false;
  if (Can(u.role, kAllChildren)) return true;
  for (const Allocation& a : c.current) {
    if (u.worker_id && a.worker == u.worker_id) return true;
    if (u.team_id && a.team == u.team_id) return true;
  }
  return false;
}

bool App::HasGrant(const User& u, int64_t child) const {
  const int64_t now = clock_.NowMicros();
  return std::any_of(grants_.begin(), grants_.end(), [&](const Grant& g) {
    return g.user_id == u.id && g.child_id == child &&
           (g.expires_at_us == 0 || g.expires_at_us > now);
  });
}

Status App::CheckChild(Call& call, const RouteDef& route) {
  auto id = ParseId(call.req.Param("id"));
  if (!id) {
    return InvalidArgument(
        fmt::format("child id \"{}\" is not a positive whole number", call.req.Param("id")));
  }
  call.child_id = *id;
  const ChildEntry* c = directory_.Child(*id);
  // Not found and not allowed look the same to someone who may not see the child, so the
  // API does not confirm which ids exist.
  if (!c || !CanSee(*call.user, *c)) {
    return PermissionDenied(fmt::format("child {} is not one you may see", *id));
  }
  if (c->restricted) {
    call.reason = std::string(call.req.Query("reason"));
    if (!HasGrant(*call.user, *id)) {
      return PermissionDenied(fmt::format(
          "child {}'s record is restricted: it needs a grant from an administrator", *id));
    }
    if (call.reason.size() < 3) {
      return Status(StatusCode::kPermissionDenied,
                    fmt::format("child {}'s record is restricted: give the reason for opening "
                                "it (?reason=)",
                                *id));
    }
  }
  return Status::Ok();
}

std::string App::SessionCookie(const std::string& id, int64_t max_age_s) const {
  return fmt::format("journey_session={}; Path=/; HttpOnly; SameSite=Strict{}{}", id,
                     opt_.secure_cookies ? "; Secure" : "",
                     max_age_s >= 0 ? fmt::format("; Max-Age={}", max_age_s) : "");
}

void App::AddSecurityHeaders(Response& res) const {
  res.SetHeader("Content-Security-Policy", std::string(kCsp));
  res.SetHeader("X-Content-Type-Options", "nosniff");
  res.SetHeader("Referrer-Policy", "no-referrer");
  res.SetHeader("X-Frame-Options", "DENY");
  res.SetHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (opt_.secure_cookies) res.SetHeader("Strict-Transport-Security", "max-age=31536000");
}

Response App::Handle(Request& req) {
  Response res;
  if (req.path.rfind("/api/", 0) == 0 || req.path == "/api") {
    Call call{req};
    res = Api(req, call);
    Decorate(res, true, call.session);
  } else {
    res = static_.Serve(req);
    Decorate(res, false, nullptr);
  }
  return res;
}

void App::Decorate(Response& res, bool api, const Session* session) {
  if (res.offload) {
    // The answer is made later, by `then` (a sign-in, which sets its own session header).
    res.offload->then = [this, api, then = std::move(res.offload->then)](bool ok) {
      Response r = then(ok);
      Decorate(r, api, nullptr);
      return r;
    };
    return;
  }
  if (api) {
    res.SetHeader("Cache-Control", "no-store");
    if (session)
      res.SetHeader("X-Session-Idle-Expires", IsoInstantUs(auth_->IdleExpiresAt(*session)));
  }
  AddSecurityHeaders(res);
}

// A read that cannot be recorded is not served: the log must be complete.
Response App::AuditUnavailable() {
  return ErrorResponse(Status(StatusCode::kUnavailable, "the audit log cannot be written"));
}

Response App::Api(Request& req, Call& call) {
  Router::Match m = router_.Find(req.method, req.path);
  if (m.index < 0) {
    if (m.path_known) {
      return ApiError(405, "method_not_allowed",
                      fmt::format("{} is not allowed on {}", req.method, req.path));
    }
    return ErrorResponse(NotFound(fmt::format("no API at {}", req.path)));
  }
  req.params = std::move(m.params);
  const RouteDef& route = routes_[static_cast<size_t>(m.index)];
  const bool sign_in = route.fn == &App::SignIn;
  if (!sign_in) {
    call.session = auth_->Authenticate(req.Cookie("journey_session"));
    if (!call.session) {
      Response r = ErrorResponse(
          Status(StatusCode::kUnauthenticated, "sign in first (no session, or it has expired)"));
      return r;
    }
    call.user = auth_->FindUser(call.session->user_id);
  }
  if (req.method != "GET") {
    if (!sign_in && !auth_->CsrfMatches(*call.session, req.Header("x-csrf-token"))) {
      return ApiError(403, "csrf",
                      "the X-CSRF-Token header is missing or does not match the session's token");
    }
    std::string_view ct = req.Header("content-type");
    if (!req.body.empty() && ct.substr(0, 16) != "application/json") {
      return ApiError(415, "unsupported_media_type",
                      fmt::format("Content-Type \"{}\": send the body as application/json", ct));
    }
  }
  if (call.user && !Can(call.user->role, route.permission)) {
    audit_
        ->Append(AuditEntry{0, 0, call.user->id, call.user->username,
                            std::string(RoleName(call.user->role)), "refused", 0, "", 0, "",
                            req.remote, 403})
        .ok();
    return ErrorResponse(PermissionDenied(
        fmt::format("a {} may not {} {}", RoleName(call.user->role), req.method, req.path)));
  }
  if (route.child_scoped) {
    Status st = CheckChild(call, route);
    if (!st.ok()) {
      if (call.child_id) {
        (void)audit_->Append(AuditEntry{0, 0, call.user->id, call.user->username,
                                        std::string(RoleName(call.user->role)), "refused",
                                        call.child_id, "", 0, call.reason, req.remote, 403});
      }
      Response r = ErrorResponse(st);
      const ChildEntry* c = directory_.Child(call.child_id);
      if (c && c->restricted && CanSee(*call.user, *c) &&
          st.code() == StatusCode::kPermissionDenied) {
        json body = json::parse(r.body);
        body["error"]["reason_required"] = true;
        r.body = body.dump();
      }
      return r;
    }
  }
  Response res = (this->*route.fn)(call);
  if (route.child_scoped && call.child_id) {
    AuditEntry e;
    e.user_id = call.user->id;
    e.username = call.user->username;
    e.role = std::string(RoleName(call.user->role));
    e.action = !call.audit_action.empty() ? call.audit_action
               : req.method == "GET"      ? "read"
                                          : "change";
    e.child_id = call.child_id;
    e.kind = call.audit_kind;
    e.record_id = call.audit_record;
    e.reason = call.reason;
    e.origin = req.remote;
    e.status = res.status;
    if (req.method != "GET") {
      // A change is recorded at once: the record is already written.
      if (!audit_->Append(std::move(e)).ok()) return AuditUnavailable();
    } else {
      // A read is recorded with the other reads answered in the same turn of the server's
      // loop, in one transaction, just before the answer is written (Response::before_send).
      res.before_send = [this, batch = audit_->Defer(std::move(e))](Response& r) {
        if (!audit_->Commit(*batch).ok()) {
          r = AuditUnavailable();
          Decorate(r, true, nullptr);
        }
      };
    }
  }
  return res;
}

Result<int64_t> App::AddGrant(const Grant& g) {
  JOURNEY_ASSIGN_OR_RETURN(
      db::Statement ins,
      db_->Prepare("INSERT INTO app_grant (user_id, child_id, reason, granted_by, granted_at_us, "
                   "expires_at_us) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"));
  ins.BindInt(1, g.user_id);
  ins.BindInt(2, g.child_id);
  ins.BindText(3, g.reason);
  ins.BindInt(4, g.granted_by);
  ins.BindInt(5, clock_.NowMicros());
  if (g.expires_at_us)
    ins.BindInt(6, g.expires_at_us);
  else
    ins.BindNull(6);
  JOURNEY_ASSIGN_OR_RETURN(bool row, ins.Step());
  if (!row) return Err(Internal("no id returned for the grant"));
  Grant copy = g;
  copy.id = ins.Int(0);
  copy.granted_at_us = clock_.NowMicros();
  grants_.push_back(copy);
  return copy.id;
}

}  // namespace journey::server
