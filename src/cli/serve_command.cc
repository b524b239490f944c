// `journey serve`: the web application over a database (src/server).
//
//   journey serve --db journey.db --port 8080 [--bind 127.0.0.1] [--static-dir web/dist]
#include <fmt/format.h>

#include <filesystem>

#include "cli/command.h"
#include "server/server.h"
#include "store/store.h"

namespace journey::cli {

void AddServeOptions(CLI::App* cmd, server::ServeOptions& o) {
  cmd->add_option("--port", o.http.port, "TCP port (0: any free port)")->capture_default_str();
  cmd->add_option("--bind", o.http.bind, "address to listen on")->capture_default_str();
  cmd->add_option("--static-dir", o.app.static_dir, "the built front end")->capture_default_str();
  cmd->add_flag("--secure-cookies", o.app.secure_cookies,
                "mark the session cookie Secure (when served over HTTPS by a proxy)");
  cmd->add_option("--idle-minutes", o.app.auth.idle_timeout_s,
                  "minutes of inactivity before a session ends")
      ->transform([](std::string v) { return std::to_string(std::stoll(v) * 60); })
      ->check(CLI::PositiveNumber);
}

void RegisterServeCommand(CLI::App& app, CommandContext& ctx) {
  auto o = std::make_shared<server::ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the web application and its JSON API");
  cmd->add_option("--db", o->app.db_path, "database file or postgresql:// URL")->required();
  AddServeOptions(cmd, *o);
  cmd->add_flag("--demo-users", o->demo_users, "create and print a demo sign-in for each role");
  cmd->callback([o, &ctx] {
    Status st = store::IsDatabaseUrl(o->app.db_path) || std::filesystem::exists(o->app.db_path)
                    ? server::Serve(*o, *ctx.clock, *ctx.out)
                    : NotFound(fmt::format("--db {}: no such database file (make one with "
                                           "`journey generate` or `journey demo`)",
                                           o->app.db_path));
    if (!st.ok()) {
      *ctx.err << "journey serve: " << st.message() << "\n";
      ctx.exit_code = 2;
    }
  });
}

}  // namespace journey::cli
