// The PostgreSQL side of db::Connection, over libpq. Parameters go as text (the server
// infers their types from the statement), results come back as text and are parsed here,
// so the store's code and SQL are the same as for SQLite. What differs is written down in
// docs/decisions/0004-postgresql.md.
#include <fmt/format.h>
#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <unordered_map>
#include <vector>

#include "store/db.h"

namespace journey::db {
namespace {

constexpr unsigned kTimestampOid = 1114;  // pg_type.oid of "timestamp without time zone"
// The advisory lock every writing transaction takes: one writer at a time, as SQLite's
// BEGIN IMMEDIATE gives (the store reads the next free id inside the transaction).
constexpr int64_t kWriterLock = 0x4a6f75726e6579;  // "Journey"

Status PgError(const PGresult* res, PGconn* conn, std::string_view what, std::string_view sql) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string text = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  std::string msg = fmt::format("{}: {} (PostgreSQL {})", what, text, state ? state : "-");
  if (!sql.empty()) msg += fmt::format(" in: {}", sql.substr(0, 200));
  const std::string_view s = state ? state : "";
  if (s.substr(0, 2) == "23") return AlreadyExists(std::move(msg));  // integrity violation
  if (s == "40001" || s == "40P01" || s == "55P03") return Aborted(std::move(msg));
  return Internal(std::move(msg));
}

// The highest $n in the SQL (Journey's SQL has no '$' inside literals).
int ParamCount(std::string_view sql) {
  int most = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] != '$') continue;
    int n = 0;
    auto [p, ec] = std::from_chars(sql.data() + i + 1, sql.data() + sql.size(), n);
    if (ec == std::errc() && n > most) most = n;
  }
  return most;
}

class PgConnection;

class PgStatement final : public StatementImpl {
 public:
  PgStatement(PgConnection* c, std::string name, std::string sql);
  ~PgStatement() override;

  void BindNull(int n) override { null_[static_cast<size_t>(n - 1)] = true; }
  void BindInt(int n, int64_t v) override { Set(n, fmt::format("{}", v)); }
  void BindDouble(int n, double v) override { Set(n, fmt::format("{:.17g}", v)); }
  // libpq needs NUL-terminated text, so the value is always copied.
  void BindText(int n, std::string_view v, bool) override { Set(n, std::string(v)); }

  Result<bool> Step() override;
  void Reset() override {
    if (res_) PQclear(res_);
    res_ = nullptr;
    row_ = -1;
  }
  bool IsNull(int col) const override { return PQgetisnull(res_, row_, col); }
  int64_t Int(int col) const override {
    const char* p = PQgetvalue(res_, row_, col);
    int64_t v = 0;
    std::from_chars(p, p + PQgetlength(res_, row_, col), v);
    return v;
  }
  double Double(int col) const override {
    return std::strtod(PQgetvalue(res_, row_, col), nullptr);
  }
  std::string_view Text(int col) const override {
    std::string_view v(PQgetvalue(res_, row_, col),
                       static_cast<size_t>(PQgetlength(res_, row_, col)));
    // PostgreSQL writes a timestamp "2024-01-02 09:30:00"; Journey reads "2024-01-02T09:30:00".
    if (PQftype(res_, col) == kTimestampOid && v.size() > 10 && v[10] == ' ') {
      std::string& b = text_[static_cast<size_t>(col)];
      b.assign(v);
      b[10] = 'T';
      return b;
    }
    return v;
  }
  int column_count() const override { return res_ ? PQnfields(res_) : 0; }

 private:
  void Set(int n, std::string v) {
    values_[static_cast<size_t>(n - 1)] = std::move(v);
    null_[static_cast<size_t>(n - 1)] = false;
  }
  PgConnection* c_;
  std::string name_, sql_;
  std::vector<std::string> values_;
  std::vector<bool> null_;
  PGresult* res_ = nullptr;
  int row_ = -1;
  mutable std::unordered_map<size_t, std::string> text_;
};

class PgConnection final : public Connection {
 public:
  PgConnection(PGconn* conn, std::string shown) : Connection(std::move(shown)), conn_(conn) {}
  ~PgConnection() override {
    closing_ = true;
    cache_.clear();
    PQfinish(conn_);
  }
  PGconn* conn() const { return conn_; }
  bool closing() const { return closing_; }
  void set_changes(int64_t n) { changes_ = n; }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Status Exec(std::string_view sql) override {
    PGresult* res = PQexec(conn_, std::string(sql).c_str());
    const ExecStatusType st = PQresultStatus(res);
    Status out = Status::Ok();
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
      out = PgError(res, conn_, "SQL failed", sql);
    PQclear(res);
    return out;
  }

  Result<Statement> Prepare(std::string_view sql) override {
    std::string name = fmt::format("j{}", ++statements_);
    PGresult* res = PQprepare(conn_, name.c_str(), std::string(sql).c_str(), 0, nullptr);
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
      Status st = PgError(res, conn_, "cannot prepare", sql);
      PQclear(res);
      return Err(st);
    }
    PQclear(res);
    return Statement(std::make_unique<PgStatement>(this, std::move(name), std::string(sql)));
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

  Status Begin() override {
    return Exec(fmt::format("BEGIN; SELECT pg_advisory_xact_lock({})", kWriterLock));
  }
  Status Commit() override { return Exec("COMMIT"); }
  Status Rollback() override {
    if (!in_transaction()) return Status::Ok();
    return Exec("ROLLBACK");
  }
  bool in_transaction() const override {
    const PGTransactionStatusType t = PQtransactionStatus(conn_);
    return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
  }
  Status SetForeignKeys(bool) override { return Status::Ok(); }

  Status CopyIn(std::string_view table, std::string_view columns, std::string_view rows) override {
    const std::string sql = fmt::format("COPY {} ({}) FROM STDIN", table, columns);
    PGresult* res = PQexec(conn_, sql.c_str());
    if (PQresultStatus(res) != PGRES_COPY_IN) {
      Status st = PgError(res, conn_, "cannot start COPY", sql);
      PQclear(res);
      return st;
    }
    PQclear(res);
    // Sent in pieces: PQputCopyData takes an int length.
    constexpr size_t kPiece = size_t{1} << 20;
    bool sent = true;
    for (size_t at = 0; sent && at < rows.size(); at += kPiece) {
      const size_t n = std::min(kPiece, rows.size() - at);
      sent = PQputCopyData(conn_, rows.data() + at, static_cast<int>(n)) == 1;
    }
    // Ending the COPY (with an error message if sending failed) is needed either way for
    // the connection to leave COPY mode; the server then reports how the COPY ended.
    const bool ended = PQputCopyEnd(conn_, sent ? nullptr : "sending failed") == 1;
    Status out = sent && ended ? Status::Ok() : PgError(nullptr, conn_, "COPY failed", sql);
    while ((res = PQgetResult(conn_)) != nullptr) {
      if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        if (out.ok()) out = PgError(res, conn_, "COPY failed", sql);
      } else {
        const char* n = PQcmdTuples(res);
        changes_ = *n ? std::atoll(n) : 0;
      }
      PQclear(res);
    }
    return out;
  }
  int64_t changes() const override { return changes_; }

 private:
  PGconn* conn_;
  bool closing_ = false;
  int64_t statements_ = 0;
  int64_t changes_ = 0;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

PgStatement::PgStatement(PgConnection* c, std::string name, std::string sql)
    : c_(c), name_(std::move(name)), sql_(std::move(sql)) {
  const int n = ParamCount(sql_);
  values_.resize(static_cast<size_t>(n));
  null_.assign(static_cast<size_t>(n), true);
}

PgStatement::~PgStatement() {
  Reset();
  if (!c_->closing()) (void)c_->Exec(fmt::format("DEALLOCATE {}", name_));
}

Result<bool> PgStatement::Step() {
  if (!res_) {
    std::vector<const char*> params(values_.size());
    for (size_t i = 0; i < values_.size(); ++i) params[i] = null_[i] ? nullptr : values_[i].c_str();
    res_ = PQexecPrepared(c_->conn(), name_.c_str(), static_cast<int>(params.size()), params.data(),
                          nullptr, nullptr, 0);
    const ExecStatusType st = PQresultStatus(res_);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      Status e = PgError(res_, c_->conn(), "statement failed", sql_);
      Reset();
      return Err(e);
    }
    const char* n = PQcmdTuples(res_);
    c_->set_changes(*n ? std::atoll(n) : 0);
  }
  ++row_;
  return row_ < PQntuples(res_);
}

void DiscardNotice(void*, const char*) {}

// The URL as it may be shown: any password removed.
std::string Shown(const std::string& url) {
  const size_t scheme = url.find("://");
  const size_t at = url.find('@', scheme == std::string::npos ? 0 : scheme + 3);
  if (scheme == std::string::npos || at == std::string::npos) return url;
  const size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + url.substr(at);
}

}  // namespace

std::string Connection::Shown(const std::string& where) {
  return IsPostgresUrl(where) ? db::Shown(where) : where;
}

Result<std::unique_ptr<Connection>> Connection::OpenPostgres(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (!conn || PQstatus(conn) != CONNECTION_OK) {
    std::string why = conn ? PQerrorMessage(conn) : "out of memory";
    while (!why.empty() && why.back() == '\n') why.pop_back();
    if (conn) PQfinish(conn);
    return Err(
        Status{StatusCode::kUnavailable, fmt::format("cannot connect to {}: {}", Shown(url), why)});
  }
  PQsetNoticeProcessor(conn, DiscardNotice, nullptr);
  std::unique_ptr<Connection> c(new PgConnection(conn, Shown(url)));
  JOURNEY_RETURN_IF_ERROR(c->Exec("SET datestyle = ISO; SET client_min_messages = warning"));
  return c;
}

}  // namespace journey::db
