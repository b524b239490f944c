#include "server/server.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace journey::server {

namespace {

// The worker of a role holding the most current cases (ties: the lowest id), optionally in
// a given team.
const WorkerEntry* Busiest(const Directory& d, std::initializer_list<std::string_view> roles,
                           int32_t team = 0) {
  const WorkerEntry* best = nullptr;
  size_t most = 0;
  for (const WorkerEntry* w : d.Workers()) {
    if (std::find(roles.begin(), roles.end(), w->role) == roles.end()) continue;
    if (team && w->team != team) continue;
    const size_t n = d.OfWorker(w->id).size();
    if (!best || n > most) best = w, most = n;
  }
  return best;
}

}  // namespace

Result<std::vector<DemoAccount>> EnsureDemoAccounts(App& app, const Clock& clock) {
  const Directory& d = app.directory();
  const WorkerEntry* sw = Busiest(d, {"SW", "SENIOR_SW", "ASYE"});
  const int32_t team = sw ? sw->team : 0;
  const WorkerEntry* tm = Busiest(d, {"TEAM_MANAGER"}, team);
  if (!tm) tm = Busiest(d, {"TEAM_MANAGER"});
  const WorkerEntry* pa = Busiest(d, {"PA"});
  const WorkerEntry* iro = Busiest(d, {"IRO"});
  const WorkerEntry* analyst = Busiest(d, {"ANALYST"});
  const WorkerEntry* leader = Busiest(d, {"DIRECTOR", "SERVICE_MANAGER"});
  struct Want {
    std::string_view username, role;
    const WorkerEntry* w;
    int64_t expires_days;
  };
  const Want wants[] = {
      {"sw", "social_worker", sw, 0},
      {"pa", "personal_adviser", pa, 0},
      {"manager", "team_manager", tm, 0},
      {"iro", "reviewing_officer", iro, 0},
      {"analyst", "performance_analyst", analyst, 0},
      {"director", "senior_leader", leader, 0},
      {"admin", "administrator", nullptr, 0},
      {"inspector", "inspector", nullptr, 30},
  };
  std::vector<DemoAccount> out;
  int64_t new_manager = 0;
  for (const Want& w : wants) {
    // Demo passwords are printed on purpose: the data is synthetic and the server is on
    // the loopback address unless --bind says otherwise.
    DemoAccount a{std::string(w.username), fmt::format("journey-demo-{}", w.username),
                  std::string(w.role), w.w ? w.w->name : std::string("(no caseload)")};
    if (!app.auth().FindUsername(a.username)) {
      Auth::NewUser n;
      n.username = a.username;
      n.name = w.w ? w.w->name : fmt::format("Demo {}", w.role);
      n.role = a.role;
      n.password = a.password;
      n.worker_id = w.w ? w.w->id : 0;
      n.team_id = w.w ? w.w->team : 0;
      if (w.expires_days) n.expires_at_us = clock.NowMicros() + w.expires_days * 86400000000LL;
      auto uid = app.auth().CreateUser(n);
      if (!uid) return Err(uid.error());
      if (w.role == "team_manager") new_manager = *uid;
    }
    out.push_back(std::move(a));
  }
  // The demo manager may open one restricted record of their team, to show the flow; the
  // grant is the demo administrator's.
  const User* admin = app.auth().FindUsername("admin");
  if (new_manager && tm && admin) {
    for (int32_t child : d.OfTeam(tm->team)) {
      const ChildEntry* c = d.Child(child);
      if (!c || !c->restricted) continue;
      Grant g;
      g.user_id = new_manager;
      g.child_id = child;
      g.reason = "demo: adoption case held in the team";
      g.granted_by = admin->id;
      auto gid = app.AddGrant(g);
      if (!gid) return Err(gid.error());
      break;
    }
  }
  return out;
}

Status Serve(const ServeOptions& options, const Clock& clock, std::ostream& out) {
  JOURNEY_ASSIGN_OR_RETURN(std::unique_ptr<App> app, App::Open(options.app, clock));
  std::vector<DemoAccount> demo;
  if (options.demo_users) {
    JOURNEY_ASSIGN_OR_RETURN(demo, EnsureDemoAccounts(*app, clock));
  }
  HttpOptions http = options.http;
  http.handle_signals = true;
  JOURNEY_ASSIGN_OR_RETURN(std::unique_ptr<HttpServer> server,
                           HttpServer::Listen(http, [&app](Request& r) { return app->Handle(r); }));
  out << fmt::format("Journey is serving {} on http://{}:{}/ (Ctrl-C to stop)\n", app->where(),
                     http.bind, server->port());
  if (!demo.empty()) {
    out << "\nDemo sign-ins (synthetic data):\n";
    for (const DemoAccount& a : demo) {
      out << fmt::format("  {:<20} username {:<10} password {:<26} {}\n", a.role, a.username,
                         a.password, a.who);
    }
  }
  out.flush();
  server->Run();
  app->Shutdown();
  out << "Stopped: every request in flight was answered.\n";
  return Status::Ok();
}

}  // namespace journey::server
