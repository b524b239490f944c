// db::Connection: the thin adapter between Journey's store and its SQL engine, SQLite
// (embedded, a file) or PostgreSQL (a server, by URL). SQL text is written once with
// $1..$n placeholders, which both accept; what differs between the two is confined to
// the two implementations (db_sqlite.cc, db_postgres.cc), the only files that include
// <sqlite3.h> or <libpq-fe.h>. docs/decisions/0004-postgresql.md says what differs and how.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace journey::db {

enum class Dialect { kSqlite, kPostgres };

// One engine's statement; Statement forwards to it.
class StatementImpl {
 public:
  virtual ~StatementImpl() = default;
  virtual void BindNull(int n) = 0;
  virtual void BindInt(int n, int64_t v) = 0;
  virtual void BindDouble(int n, double v) = 0;
  virtual void BindText(int n, std::string_view v, bool copy) = 0;
  virtual Result<bool> Step() = 0;
  virtual void Reset() = 0;
  virtual bool IsNull(int col) const = 0;
  virtual int64_t Int(int col) const = 0;
  virtual double Double(int col) const = 0;
  virtual std::string_view Text(int col) const = 0;
  virtual int column_count() const = 0;
};

class Statement {
 public:
  explicit Statement(std::unique_ptr<StatementImpl> impl) : impl_(std::move(impl)) {}
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;

  // Parameters are numbered as in the SQL: $1, $2, ...
  void BindNull(int n) { impl_->BindNull(n); }
  void BindInt(int n, int64_t v) { impl_->BindInt(n, v); }
  void BindDouble(int n, double v) { impl_->BindDouble(n, v); }
  void BindText(int n, std::string_view v) { impl_->BindText(n, v, true); }  // copied
  // Not copied: `v` must stay alive and unchanged until the statement is Reset.
  void BindTextNoCopy(int n, std::string_view v) { impl_->BindText(n, v, false); }

  // Runs one step: true when a row is ready, false when done.
  Result<bool> Step() { return impl_->Step(); }
  // Runs to completion, discarding rows.
  Status Run();
  void Reset() { impl_->Reset(); }  // keeps bindings; ready to run again

  bool IsNull(int col) const { return impl_->IsNull(col); }
  int64_t Int(int col) const { return impl_->Int(col); }
  double Double(int col) const { return impl_->Double(col); }
  std::string_view Text(int col) const { return impl_->Text(col); }  // until the next Step/Reset
  int column_count() const { return impl_->column_count(); }

 private:
  std::unique_ptr<StatementImpl> impl_;
};

class Connection {
 public:
  // Opens (creating if absent) an SQLite file in WAL mode with foreign keys on.
  static Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path);
  // Connects to a PostgreSQL server: "postgresql://user@host:port/database".
  static Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url);
  // Either, by the form of `where`: a postgresql:// or postgres:// URL, else a file path.
  static bool IsPostgresUrl(std::string_view where);
  static Result<std::unique_ptr<Connection>> Open(const std::string& where);
  // `where` as it may be shown in a message: a URL without its password, a file as given.
  static std::string Shown(const std::string& where);

  virtual ~Connection() = default;

  virtual Dialect dialect() const = 0;
  virtual Status Exec(std::string_view sql) = 0;  // one or more statements, no parameters
  virtual Result<Statement> Prepare(std::string_view sql) = 0;
  // A prepared statement kept for the connection's life, keyed by its SQL text.
  virtual Result<Statement*> Cached(const std::string& sql) = 0;

  // Begins a write transaction that excludes other writers from its start (SQLite: BEGIN
  // IMMEDIATE; PostgreSQL: BEGIN and a transaction-scoped advisory lock), so that reads
  // made inside it (the next free id) stay true until it commits.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;  // no-op outside a transaction
  virtual bool in_transaction() const = 0;

  // Turns the per-row foreign-key check off (a bulk load) or back on; PostgreSQL keeps its
  // constraints (turning them off needs a superuser), so there it does nothing.
  virtual Status SetForeignKeys(bool on) = 0;

  // Appends `rows` to `table` in one round trip: PostgreSQL's COPY table (columns) FROM STDIN,
  // the rows in COPY's text format (record_codec's AppendCopyRow). The bulk path uses it on
  // PostgreSQL, where an INSERT per row is a round trip per row; SQLite runs in process and
  // has no COPY, so there it is FailedPrecondition and the bulk path binds an INSERT.
  virtual Status CopyIn(std::string_view table, std::string_view columns,
                        std::string_view rows) = 0;

  virtual int64_t changes() const = 0;
  // The file, or the URL without any password.
  const std::string& path() const { return path_; }

 protected:
  explicit Connection(std::string path) : path_(std::move(path)) {}

 private:
  std::string path_;
};

}  // namespace journey::db
