// Test helpers for the returns layer: temporary stores and the sample council.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "base/clock.h"
#include "model/journey_text.h"
#include "returns/ssda903_export.h"
#include "store/store.h"

namespace journey::returns::testing {

inline std::string ReadText(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

class TempStore {
 public:
  TempStore() : clock_(Date::FromYmd(2026, 5, 1)) {
    path_ = (std::filesystem::temp_directory_path() /
             ("journey_returns_test_" + std::to_string(::getpid()) + "_" +
              std::to_string(counter_++) + ".db"))
                .string();
    Remove();
    auto s = store::OpenSqliteStore(path_, clock_);
    EXPECT_TRUE(s) << s.error().ToString();
    store_ = std::move(*s);
  }
  ~TempStore() {
    store_.reset();
    Remove();
  }
  store::Store& operator*() { return *store_; }
  store::Store* operator->() { return store_.get(); }

  // Loads a journey text file (ids as written) through the bulk path.
  void LoadText(const std::string& text) {
    auto j = model::ParseJourneyText(text, "council.journey");
    ASSERT_TRUE(j) << j.error().ToString();
    auto bulk = store_->BeginBulk(store::Actor{"test", "", ""});
    ASSERT_TRUE(bulk);
    for (auto& r : j->organisation) ASSERT_TRUE((*bulk)->Add(r).ok());
    for (auto& [id, c] : j->children) {
      Status st = (*bulk)->AddChild(c);
      ASSERT_TRUE(st.ok()) << st.ToString();
    }
    ASSERT_TRUE((*bulk)->Commit().ok());
  }

 private:
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  static inline int counter_ = 0;
  FixedClock clock_;
  std::string path_;
  std::unique_ptr<store::Store> store_;
};

inline std::string Council() {
  return ReadText(std::string(JOURNEY_SOURCE_DIR) + "/src/returns/testdata/council.journey");
}

inline std::string Csv(const Return903& r, std::string_view table) {
  const Table903* t = r.Find(table);
  return t ? TableCsv(*t) : "(no table " + std::string(table) + ")";
}

}  // namespace journey::returns::testing
