// Each `journey` subcommand lives in its own file and registers itself on the app.
// A command's callback sets ctx.exit_code; output goes to ctx.out / ctx.err so tests
// can run commands in-process.
#pragma once

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "base/clock.h"

namespace journey::cli {

struct CommandContext {
  std::ostream* out = &std::cout;
  std::ostream* err = &std::cerr;
  const Clock* clock = nullptr;
  int exit_code = 0;
};

void RegisterCalendarCommand(CLI::App& app, CommandContext& ctx);
void RegisterGenerateCommand(CLI::App& app, CommandContext& ctx);
void RegisterStatsCommand(CLI::App& app, CommandContext& ctx);
void RegisterDemoCommand(CLI::App& app, CommandContext& ctx);
void RegisterSchemaCommand(CLI::App& app, CommandContext& ctx);
void RegisterDueCommand(CLI::App& app, CommandContext& ctx);
void RegisterGovernanceCommand(CLI::App& app, CommandContext& ctx);
void RegisterHorizonCommand(CLI::App& app, CommandContext& ctx);
void RegisterReportCommand(CLI::App& app, CommandContext& ctx);
void RegisterReturnsCommands(CLI::App& app, CommandContext& ctx);  // export, import
void RegisterAnnexACommands(CLI::App& app, CommandContext& ctx);   // export/import annex-a
void RegisterAnnexAImportCommand(CLI::App& app, CommandContext& ctx);  // by the one above
void RegisterValidateRecordCommand(CLI::App& app, CommandContext& ctx);  // validate --db
void RegisterCinCommands(CLI::App& app, CommandContext& ctx);  // after RegisterReturnsCommands
void RegisterServeCommand(CLI::App& app, CommandContext& ctx);

}  // namespace journey::cli
