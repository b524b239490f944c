// The `journey` command.
#include <CLI/CLI.hpp>

#include "base/clock.h"
#include "cli/command.h"

int main(int argc, char** argv) {
  journey::SystemClock clock;
  journey::cli::CommandContext ctx;
  ctx.clock = &clock;

  CLI::App app{"Journey: the child's journey through children's services, recorded, timed and counted."};
  app.require_subcommand(1);
  journey::cli::RegisterDemoCommand(app, ctx);
  journey::cli::RegisterGenerateCommand(app, ctx);
  journey::cli::RegisterStatsCommand(app, ctx);
  journey::cli::RegisterCalendarCommand(app, ctx);
  journey::cli::RegisterSchemaCommand(app, ctx);
  journey::cli::RegisterDueCommand(app, ctx);
  journey::cli::RegisterGovernanceCommand(app, ctx);
  journey::cli::RegisterHorizonCommand(app, ctx);
  journey::cli::RegisterReportCommand(app, ctx);
  journey::cli::RegisterReturnsCommands(app, ctx);
  journey::cli::RegisterAnnexACommands(app, ctx);  // after the returns: adds to their groups
  journey::cli::RegisterValidateRecordCommand(app, ctx);  // `validate --db`, beside `validate 903`
  journey::cli::RegisterCinCommands(app, ctx);
  journey::cli::RegisterServeCommand(app, ctx);

  CLI11_PARSE(app, argc, argv);
  return ctx.exit_code;
}
