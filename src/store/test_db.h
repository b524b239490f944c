// For tests: a fresh, empty database for one test, in SQLite (a temporary file) or in
// PostgreSQL (a new database on the test server that CTest starts: scripts/pg_test_server,
// fixture "pg"; its URL is in <build>/pg/url). Removed when the test ends.
#pragma once

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "store/db.h"

namespace journey::store::testing {

inline std::string_view DialectName(db::Dialect d) {
  return d == db::Dialect::kSqlite ? "SQLite" : "PostgreSQL";
}

// The test server's URL (its maintenance database), or "" when no server was started.
inline std::string TestServerUrl() {
  std::ifstream in(std::string(JOURNEY_BINARY_DIR) + "/pg/url");
  std::string url;
  std::getline(in, url);
  return url;
}

class TestDb {
 public:
  explicit TestDb(db::Dialect d) : dialect_(d) {
    const int n = counter_++;
    if (d == db::Dialect::kSqlite) {
      where_ = (std::filesystem::temp_directory_path() /
                fmt::format("journey_test_{}_{}.db", ::getpid(), n))
                   .string();
      RemoveFiles();
      return;
    }
    server_ = TestServerUrl();
    if (server_.empty()) {
      error_ =
          "no PostgreSQL test server: run the tests with ctest (fixture pg), or start "
          "one with scripts/pg_test_server start build/pg";
      return;
    }
    name_ = fmt::format("journey_test_{}_{}", ::getpid(), n);
    auto admin = db::Connection::OpenPostgres(server_);
    if (!admin) {
      error_ = admin.error().ToString();
      return;
    }
    (void)(*admin)->Exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name_));
    Status s = (*admin)->Exec(fmt::format("CREATE DATABASE {}", name_));
    if (!s.ok()) error_ = s.ToString();
    where_ = server_.substr(0, server_.rfind('/') + 1) + name_;
  }
  ~TestDb() {
    if (dialect_ == db::Dialect::kSqlite) {
      RemoveFiles();
    } else if (!name_.empty()) {
      if (auto admin = db::Connection::OpenPostgres(server_))
        (void)(*admin)->Exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name_));
    }
  }
  TestDb(const TestDb&) = delete;
  TestDb& operator=(const TestDb&) = delete;

  // A file path or a postgresql:// URL: what OpenStore and --db take.
  const std::string& where() const { return where_; }
  // Why the database could not be made ("" when it was).
  const std::string& error() const { return error_; }
  Result<std::unique_ptr<db::Connection>> Connect() const {
    return dialect_ == db::Dialect::kSqlite ? db::Connection::OpenSqlite(where_)
                                            : db::Connection::OpenPostgres(where_);
  }

 private:
  void RemoveFiles() {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(where_ + s);
  }
  db::Dialect dialect_;
  std::string where_, server_, name_, error_;
  static inline int counter_ = 0;
};

}  // namespace journey::store::testing
