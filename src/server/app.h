// The application behind `journey serve`: the JSON API under /api/ and the front end's
// files. One place decides, on every request and before any handler runs, who is asking
// (the session), whether their role may call the route (roles.h), whether they may see the
// child the path names (need-to-know, restricted records) and whether a write carries the
// session's CSRF token; and one place writes the audit entry for every read and change of a
// child's record (App::Handle in app.cc). Handlers (api_*.cc) only do their work.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "engine/due.h"
#include "engine/projection.h"
#include "engine/timescales.h"
#include "server/audit.h"
#include "server/auth.h"
#include "server/checkpointer.h"
#include "server/directory.h"
#include "server/http.h"
#include "server/report_cache.h"
#include "server/roles.h"
#include "server/router.h"
#include "server/static_files.h"
#include "store/db.h"
#include "store/store.h"

namespace journey::server {

struct AppOptions {
  std::string db_path;  // a file, or a postgresql:// URL
  std::string static_dir = "web/dist";
  bool secure_cookies = false;  // add Secure to the cookie (behind TLS)
  AuthOptions auth;
};

// One request's context, as the handlers see it.
struct Call {
  Request& req;
  const User* user = nullptr;
  const Session* session = nullptr;
  int64_t child_id = 0;  // for routes under /api/children/{id}
  std::string reason;    // given to open a restricted record
  // Filled by handlers that touch a record, for the audit entry.
  std::string audit_action;
  std::string audit_kind;
  int64_t audit_record = 0;
};

struct Grant {
  int64_t id = 0;
  int64_t user_id = 0;
  int64_t child_id = 0;
  std::string reason;
  int64_t granted_by = 0;
  int64_t granted_at_us = 0;
  int64_t expires_at_us = 0;  // 0: no end
};

class App {
 public:
  static Result<std::unique_ptr<App>> Open(const AppOptions& options, const Clock& clock);
  ~App();

  Response Handle(Request& req);
  // Every API route, (method, pattern), for the test against docs/api/openapi.yaml.
  std::vector<std::pair<std::string, std::string>> Routes() const { return router_.Routes(); }
  void Shutdown();  // writes what is kept in memory (sessions' last activity)

  Auth& auth() { return *auth_; }
  store::Store& store() { return *store_; }
  // The database as it may be shown: the file, or the URL without its password.
  const std::string& where() const { return db_->path(); }
  const Directory& directory() const { return directory_; }
  const ReportCache& reports() const { return reports_; }
  // Grants access to a restricted child's record (administrators, and the demo set-up).
  Result<int64_t> AddGrant(const Grant& g);

 private:
  using Fn = Response (App::*)(Call&);
  struct RouteDef {
    uint32_t permission;
    bool child_scoped;  // the path names a child: need-to-know and audit apply
    Fn fn;
  };

  App(const AppOptions& options, const Clock& clock);
  Status Init();
  void AddRoute(std::string method, std::string pattern, uint32_t permission, Fn fn);
  Response Api(Request& req, Call& call);
  Status CheckChild(Call& call, const RouteDef& route);
  bool CanSee(const User& u, const ChildEntry& c) const;
  bool HasGrant(const User& u, int64_t child) const;
  const engine::DueIndex& Due();
  Status AfterWrite(int64_t child_id);
  void AddSecurityHeaders(Response& res) const;
  static Response AuditUnavailable();
  std::string SessionCookie(const std::string& id, int64_t max_age_s) const;

  // Handlers (api_session.cc, api_children.cc, api_team.cc, api_admin.cc).
  Response SignIn(Call& c);
  Response GetSession(Call& c);
  Response SignOut(Call& c);
  Response MyWork(Call& c);
  Response Children(Call& c);
  Response ChildSummary(Call& c);
  Response Chronology(Call& c);
  Response GetRecord(Call& c);
  Response RecordHistory(Call& c);
  Response CreateRecord(Call& c);
  Response ChangeRecord(Call& c);
  Response Kinds(Call& c);
  Response ListDrafts(Call& c);
  Response GetDraft(Call& c);
  Response PutDraft(Call& c);
  Response DeleteDraft(Call& c);
  Response Caseloads(Call& c);
  Response Exceptions(Call& c);
  Response Teams(Call& c);
  Response ListUsers(Call& c);
  Response CreateUser(Call& c);
  Response ListGrants(Call& c);
  Response CreateGrant(Call& c);
  Response Audit(Call& c);
  // api_report.cc: the indicators, the scorecard and its breakdowns, the drill-down.
  Response IndicatorList(Call& c);
  Response Report(Call& c);
  Response ReportDrill(Call& c);
  Result<engine::ReportRequest> ReportRequestOf(const Request& req, bool breakdown);

  Response SessionBody(const User& u, const Session& s) const;
  Response SignInAnswer(const Auth::PendingSignIn& p, bool had_cookie, const SignInResult& r);
  // Adds the headers every response carries (and an API response's); for a response whose
  // answer comes later from an offload, to that answer.
  void Decorate(Response& res, bool api, const Session* session);
  Result<int32_t> TeamFor(Call& c);

  AppOptions opt_;
  const Clock& clock_;
  std::unique_ptr<store::Store> store_;
  // The server's own tables (accounts, sessions, grants, drafts, the audit log): the store's
  // connection, so that writing them keeps the store's page cache (store::ConnectionOf).
  db::Connection* db_ = nullptr;
  std::unique_ptr<WalCheckpointer> checkpointer_;  // SQLite: checkpoints off this thread
  std::unique_ptr<Auth> auth_;
  std::unique_ptr<AuditLog> audit_;
  engine::Projection projection_;
  engine::Timescales timescales_;
  std::unique_ptr<engine::DueIndex> due_;
  Directory directory_;
  StaticFiles static_;
  Router router_;
  std::vector<RouteDef> routes_;
  std::vector<Grant> grants_;
  // Children's summaries as answered, until a write to the child or a new day (api_children.cc).
  static constexpr size_t kKeptSummaries = 20000;
  std::unordered_map<int64_t, std::string> summaries_;
  Date summary_day_;
  ReportCache reports_;  // computed reports, until the next write
  uint64_t export_seq_ = 0;
};

// A JSON error response: {"error": {"code", "message"[, "fields"]}} with the code's status.
Response ErrorResponse(const Status& s);
Response JsonResponse(int status, std::string body);
Response ApiError(int http_status, std::string_view code, std::string message);

}  // namespace journey::server
