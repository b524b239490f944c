// Fuzz target: the migrations' dialect step (store::MigrationSql), which lexes and rewrites a
// migration's SQL for PostgreSQL. Properties: never crashes; SQLite gets the text unchanged;
// a refusal names the migration.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "store/migration_dialect.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using journey::db::Dialect;
  std::string_view sql(reinterpret_cast<const char*>(data), size);
  auto lite = journey::store::MigrationSql(Dialect::kSqlite, "0099_fuzz.sql", sql);
  if (!lite || *lite != sql) std::abort();
  auto pg = journey::store::MigrationSql(Dialect::kPostgres, "0099_fuzz.sql", sql);
  if (!pg && pg.error().message().rfind("migration 0099_fuzz.sql: ", 0) != 0) std::abort();
  return 0;
}
