// `journey schema`: prints the store's schema as the record descriptions have it now.
// A developer adding a field writes the difference as the next numbered migration in
// src/store/migrations/; store_test checks the migrated schema matches the descriptions.
// `--markdown` prints the record reference committed as docs/record.md.
#include "cli/command.h"
#include "model/describe.h"
#include "store/schema.h"

namespace journey::cli {

void RegisterSchemaCommand(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("schema", "Print the SQL schema derived from the record kinds");
  auto markdown = std::make_shared<bool>(false);
  cmd->add_flag("--markdown", *markdown, "print the record reference (docs/record.md) instead");
  cmd->callback([&ctx, markdown] {
    *ctx.out << (*markdown ? model::KindsMarkdown() : store::FullSchemaSql());
  });
}

}  // namespace journey::cli
