// The SQLite side of db::Connection.
#include <fmt/format.h>
#include <sqlite3.h>

#include <unordered_map>
#include <vector>

#include "store/db.h"

namespace journey::db {

namespace {
Status SqlError(sqlite3* db, std::string_view what, std::string_view sql) {
  const int code = sqlite3_extended_errcode(db);
  std::string msg = fmt::format("{}: {} (SQLite {})", what, sqlite3_errmsg(db), code);
  if (!sql.empty()) msg += fmt::format(" in: {}", sql.substr(0, 200));
  if ((code & 0xff) == SQLITE_CONSTRAINT) return AlreadyExists(std::move(msg));
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
    return Aborted(std::move(msg));
  return Internal(std::move(msg));
}

class SqliteStatement final : public StatementImpl {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, std::string sql)
      : db_(db), stmt_(stmt), sql_(std::move(sql)) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  // $1..$n appear in order in Journey's SQL, so SQLite numbers them 1..n as PostgreSQL does.
  void BindNull(int n) override { sqlite3_bind_null(stmt_, n); }
  void BindInt(int n, int64_t v) override { sqlite3_bind_int64(stmt_, n, v); }
  void BindDouble(int n, double v) override { sqlite3_bind_double(stmt_, n, v); }
  void BindText(int n, std::string_view v, bool copy) override {
    sqlite3_bind_text(stmt_, n, v.data(), static_cast<int>(v.size()),
                      copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
  }
  Result<bool> Step() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Status st = SqlError(db_, "statement failed", sql_);
    sqlite3_reset(stmt_);
    return Err(st);
  }
  void Reset() override { sqlite3_reset(stmt_); }
  bool IsNull(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  int64_t Int(int col) const override { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const override { return sqlite3_column_double(stmt_, col); }
  std::string_view Text(int col) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    if (!p) return {};
    return std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
  }
  int column_count() const override { return sqlite3_column_count(stmt_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::string sql_;
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(sqlite3* db, std::string path) : Connection(std::move(path)), db_(db) {}
  ~SqliteConnection() override {
    cache_.clear();  // finalize statements before closing
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Status Exec(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      Status st = SqlError(db_, "SQL failed", sql);
      sqlite3_free(err);
      return st;
    }
    return Status::Ok();
  }

  Result<Statement> Prepare(std::string_view sql) override {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return Err(SqlError(db_, "cannot prepare", sql));
    // SQLite numbers $n parameters by first appearance, and Statement binds $n as the n-th:
    // SQL whose $2 came before $1 would bind silently wrong, so it is refused here.
    for (int i = 1, n = sqlite3_bind_parameter_count(stmt); i <= n; ++i) {
      const char* name = sqlite3_bind_parameter_name(stmt, i);
      if (name == nullptr || name != "$" + std::to_string(i)) {
        sqlite3_finalize(stmt);
        return Err(InvalidArgument(fmt::format(
            "SQL parameter {} is {}: parameters must be $1..$n, each first used in that order "
            "(SQL: {})",
            i, name ? name : "?", sql)));
      }
    }
    return Statement(std::make_unique<SqliteStatement>(db_, stmt, std::string(sql)));
  }

  Result<Statement*> Cached(const std::string& sql) override {
    auto it = cache_.find(sql);
    if (it != cache_.end()) {
      it->second->Reset();
      return it->second.get();
    }
    JOURNEY_ASSIGN_OR_RETURN(Statement st, Prepare(sql));
    auto owned = std::make_unique<Statement>(std::move(st));
    Statement* raw = owned.get();
    cache_.emplace(sql, std::move(owned));
    return raw;
  }

  Status Begin() override { return Exec("BEGIN IMMEDIATE"); }
  Status Commit() override { return Exec("COMMIT"); }
  Status Rollback() override {
    if (sqlite3_get_autocommit(db_)) return Status::Ok();
    return Exec("ROLLBACK");
  }
  bool in_transaction() const override { return !sqlite3_get_autocommit(db_); }
  // SQLite ignores the pragma inside a transaction: call it outside one.
  Status SetForeignKeys(bool on) override {
    return Exec(on ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF");
  }
  Status CopyIn(std::string_view table, std::string_view, std::string_view) override {
    return FailedPrecondition(fmt::format("COPY into {}: SQLite has no COPY", table));
  }
  int64_t changes() const override { return sqlite3_changes64(db_); }

 private:
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

}  // namespace

Status Statement::Run() {
  for (;;) {
    auto r = Step();
    if (!r) {
      Reset();
      return r.error();
    }
    if (!*r) break;
  }
  Reset();
  return Status::Ok();
}

bool Connection::IsPostgresUrl(std::string_view where) {
  return where.rfind("postgresql://", 0) == 0 || where.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& where) {
  return IsPostgresUrl(where) ? OpenPostgres(where) : OpenSqlite(where);
}

Result<std::unique_ptr<Connection>> Connection::OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg =
        fmt::format("cannot open database {}: {}", path, db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return Err(Internal(msg));
  }
  sqlite3_busy_timeout(db, 5000);
  std::unique_ptr<Connection> c(new SqliteConnection(db, path));
  JOURNEY_RETURN_IF_ERROR(
      c->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
              "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;"));
  return c;
}

}  // namespace journey::db
