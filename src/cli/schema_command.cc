// `journey schema`: prints the store's schema as the record descriptions have it now.
// A developer adding a field writes the difference as the next numbered migration in
// src/store/migrations/; store_test checks the migrated schema matches the descriptions.
#include "cli/command.h"
#include "store/schema.h"

namespace journey::cli {

void RegisterSchemaCommand(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("schema", "Print the SQL schema derived from the record kinds");
  cmd->callback([&ctx] { *ctx.out << store::FullSchemaSql(); });
}

}  // namespace journey::cli
