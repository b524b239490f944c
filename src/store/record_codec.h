// Moving records between model::Record and SQL rows: the column lists, binding a record's
// values as parameters and reading them back. One place, used by every SQL path.
#pragma once

#include <string>

#include "model/record.h"
#include "store/db.h"

namespace journey::store {

// "id, version, tx, superseded_tx, deleted, child_id, f1, ..., fn"
const std::string& InsertColumns(model::Kind kind);
// "INSERT INTO kind (...) VALUES ($1, ..., $n)"
const std::string& InsertSql(model::Kind kind);
// "id, version, tx, deleted, child_id, f1, ..., fn": what ReadRecord expects, from column 0.
const std::string& SelectColumns(model::Kind kind);

// Binds a record for InsertSql. Text is bound without copying: run the statement while
// `r` is alive and unchanged.
void BindForInsert(db::Statement& st, const model::Record& r, int32_t version, int64_t tx,
                   bool deleted);
// Appends a record as one row of PostgreSQL's COPY text format, in InsertColumns order:
// the bulk path's rows on PostgreSQL (values as BindForInsert gives them, so both paths
// store the same). Fields are tab-separated, a null is \N, and backslash, tab, newline and
// carriage return in text are escaped.
void AppendCopyRow(std::string& out, const model::Record& r, int32_t version, int64_t tx,
                   bool deleted);
// Reads a row selected with SelectColumns.
Result<model::Record> ReadRecord(const db::Statement& st, model::Kind kind);

}  // namespace journey::store
