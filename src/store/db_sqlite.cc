#include <sqlite3.h>

#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "store/db.h"

namespace journey::db {

namespace {
Status SqlError(sqlite3* db, std::string_view what, std::string_view sql) {
  const int code = sqlite3_extended_errcode(db);
  std::string msg = fmt::format("{}: {} (SQLite {})", what, sqlite3_errmsg(db), code);
  if (!sql.empty()) msg += fmt::format(" in: {}", sql.substr(0, 200));
  if ((code & 0xff) == SQLITE_CONSTRAINT) return AlreadyExists(std::move(msg));
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) return Aborted(std::move(msg));
  return Internal(std::move(msg));
}
}  // namespace

struct Connection::Cache {
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements;
};

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, std::string sql)
    : db_(db), stmt_(stmt), sql_(std::move(sql)) {}
Statement::Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_), sql_(std::move(o.sql_)) {
  o.stmt_ = nullptr;
}
Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    if (stmt_) sqlite3_finalize(stmt_);
    db_ = o.db_;
    stmt_ = o.stmt_;
    sql_ = std::move(o.sql_);
    o.stmt_ = nullptr;
  }
  return *this;
}
Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

int Statement::Index(int n) const {
  // $1..$n appear in order in Journey's SQL, so SQLite numbers them 1..n as PostgreSQL does.
  return n;
}

void Statement::BindNull(int n) { sqlite3_bind_null(stmt_, Index(n)); }
void Statement::BindInt(int n, int64_t v) { sqlite3_bind_int64(stmt_, Index(n), v); }
void Statement::BindDouble(int n, double v) { sqlite3_bind_double(stmt_, Index(n), v); }
void Statement::BindText(int n, std::string_view v) {
  sqlite3_bind_text(stmt_, Index(n), v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

void Statement::BindTextNoCopy(int n, std::string_view v) {
  sqlite3_bind_text(stmt_, Index(n), v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status st = SqlError(db_, "statement failed", sql_);
  sqlite3_reset(stmt_);
  return Err(st);
}

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

void Statement::Reset() { sqlite3_reset(stmt_); }
bool Statement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
int64_t Statement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::Double(int col) const { return sqlite3_column_double(stmt_, col); }
std::string_view Statement::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (!p) return {};
  return std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}
int Statement::column_count() const { return sqlite3_column_count(stmt_); }

Connection::Connection(sqlite3* db, std::string path)
    : db_(db), path_(std::move(path)), cache_(std::make_unique<Cache>()) {}

Connection::~Connection() {
  cache_.reset();  // finalize statements before closing
  sqlite3_close(db_);
}

Result<std::unique_ptr<Connection>> Connection::OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = fmt::format("cannot open database {}: {}", path,
                                  db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return Err(Internal(msg));
  }
  sqlite3_busy_timeout(db, 5000);
  std::unique_ptr<Connection> c(new Connection(db, path));
  JOURNEY_RETURN_IF_ERROR(c->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
      "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;"));
  return c;
}

Status Connection::Exec(std::string_view sql) {
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

Result<Statement> Connection::Prepare(std::string_view sql) {
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
  return Statement(db_, stmt, std::string(sql));
}

Result<Statement*> Connection::Cached(const std::string& sql) {
  auto it = cache_->statements.find(sql);
  if (it != cache_->statements.end()) {
    it->second->Reset();
    return it->second.get();
  }
  JOURNEY_ASSIGN_OR_RETURN(Statement st, Prepare(sql));
  auto owned = std::make_unique<Statement>(std::move(st));
  Statement* raw = owned.get();
  cache_->statements.emplace(sql, std::move(owned));
  return raw;
}

Status Connection::Begin() { return Exec("BEGIN IMMEDIATE"); }
Status Connection::Commit() { return Exec("COMMIT"); }
Status Connection::Rollback() {
  if (sqlite3_get_autocommit(db_)) return Status::Ok();
  return Exec("ROLLBACK");
}
bool Connection::in_transaction() const { return !sqlite3_get_autocommit(db_); }
int64_t Connection::changes() const { return sqlite3_changes64(db_); }

}  // namespace journey::db
