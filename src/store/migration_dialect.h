// The dialect step of the migrations: every migration in src/store/migrations is written once,
// in SQLite's spelling (what `journey schema` writes and what the embedded default runs), and
// MigrationSql gives the text each engine executes. For SQLite it is the file unchanged; for
// PostgreSQL a handful of constructs are rewritten, token by token (never inside a string
// literal or a comment). docs/decisions/0004-postgresql.md lists them and why.
//
// A plain CREATE TABLE / CREATE INDEX needs nothing from its author; a construct that has no
// translation (a trigger with any body other than one RAISE) is refused with a message that
// names the migration, the statement and what is translated, so the store tests fail on
// PostgreSQL before such a migration lands.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "store/db.h"

namespace journey::store {

// `name` is the migration's file name, for messages.
Result<std::string> MigrationSql(db::Dialect dialect, std::string_view name, std::string_view sql);

}  // namespace journey::store
