// db::Connection: the thin adapter between Journey's store and its SQL engine. SQL text is
// written once with $1..$n placeholders, which SQLite and PostgreSQL both accept, so a
// PostgreSQL connection can stand behind the same calls. Only this adapter and
// db_sqlite.cc include <sqlite3.h>.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace journey::db {

class Statement {
 public:
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  ~Statement();

  // Parameters are numbered as in the SQL: $1, $2, ...
  void BindNull(int n);
  void BindInt(int n, int64_t v);
  void BindDouble(int n, double v);
  void BindText(int n, std::string_view v);  // copied: the view may die before Step
  // Not copied: `v` must stay alive and unchanged until the statement is Reset.
  void BindTextNoCopy(int n, std::string_view v);

  // Runs one step: true when a row is ready, false when done.
  Result<bool> Step();
  // Runs to completion, discarding rows.
  Status Run();
  void Reset();  // keeps bindings; ready to run again

  bool IsNull(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string_view Text(int col) const;  // valid until the next Step or Reset
  int column_count() const;

 private:
  friend class Connection;
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::string sql);
  int Index(int n) const;
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::string sql_;
};

class Connection {
 public:
  // Opens (creating if absent) an SQLite file in WAL mode with foreign keys on.
  static Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path);
  ~Connection();

  Status Exec(std::string_view sql);  // one or more statements, no parameters
  Result<Statement> Prepare(std::string_view sql);
  // A prepared statement kept for the connection's life, keyed by its SQL text.
  Result<Statement*> Cached(const std::string& sql);

  Status Begin();  // BEGIN IMMEDIATE: takes the write lock at once
  Status Commit();
  Status Rollback();
  bool in_transaction() const;

  int64_t changes() const;
  const std::string& path() const { return path_; }

 private:
  Connection(sqlite3* db, std::string path);
  struct Cache;
  sqlite3* db_;
  std::string path_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace journey::db
