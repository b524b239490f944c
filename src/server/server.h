// `journey serve` and `journey demo`'s server: opens the App over a database, listens, and
// serves until SIGINT or SIGTERM, then finishes the requests in flight and writes what the
// App keeps in memory.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "server/app.h"
#include "server/http_server.h"

namespace journey::server {

struct ServeOptions {
  AppOptions app;
  HttpOptions http;
  bool demo_users = false;  // create (if absent) and print a demo account for each role
};

Status Serve(const ServeOptions& options, const Clock& clock, std::ostream& out);

struct DemoAccount {
  std::string username, password, role, who;
};
// Creates one account per role for the demo (if not there already), tied to suitable
// workers of the generated council, and a grant for the team manager to one restricted
// child of their team. Returns the sign-ins to print. Synthetic data only.
Result<std::vector<DemoAccount>> EnsureDemoAccounts(App& app, const Clock& clock);

}  // namespace journey::server
