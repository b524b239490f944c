// The store's schema: one table per record kind, holding every version of every record.
//
//   <kind>(row_id, id, version, tx, superseded_tx, deleted, child_id, <fields...>)
//
// A write never overwrites a version: it marks the current one superseded by its
// transaction and inserts the next. The current version of a record is the row with
// superseded_tx IS NULL; a deleted record's current version has deleted = 1. Who wrote each
// version, when and why is in journey_tx.
//
// The schema is created and changed only by numbered migrations (migrations/NNNN_*.sql,
// embedded in the binary and applied in order on open). KindTableSql() derives a kind's
// table from its description; it is how a migration's SQL is first written (`journey
// schema`), and a test checks that the migrated schema still matches the descriptions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/kinds.h"

namespace journey::store {

struct Migration {
  int version;
  std::string name;
  std::string_view sql;
};

// The migrations, in order (from the embedded src/store/migrations/*.sql).
std::vector<Migration> Migrations();

// The SQL column type of a field type.
std::string_view SqlType(model::FieldType t);

// CREATE TABLE and its indexes for one kind, as the current descriptions have it.
std::string KindTableSql(const model::KindDef& def);
// The whole schema as the current descriptions have it (bookkeeping tables and every kind).
std::string FullSchemaSql();

}  // namespace journey::store
