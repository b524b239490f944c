// `journey due` on a generated council: the day it looks from by default, and the record's
// horizon (no duty whose clock started before the generated history is listed).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "cli/cli_testing.h"

namespace {

using journey::cli::testing::Journey;

class DueHorizon : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = (std::filesystem::temp_directory_path() /
           ("journey_due_horizon_" + std::to_string(::getpid()) + ".db"))
              .string();
    auto g = Journey("generate --children 3000 --years 2 --seed 5 --as-at 2025-03-31 --db " + db_);
    ASSERT_EQ(g.exit_code, 0) << g.out;
  }
  static void TearDownTestSuite() {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + s);
  }
  static std::string db_;
};
std::string DueHorizon::db_;

// The earliest clock start in a `due --format csv` listing (column 8), or "" if none.
std::string EarliestStart(const std::string& csv) {
  std::istringstream in(csv);
  std::string line, earliest;
  while (std::getline(in, line)) {
    if (line.rfind("overdue,", 0) != 0 && line.rfind("due,", 0) != 0) continue;
    std::istringstream cells(line);
    std::string cell;
    for (int i = 0; i < 8 && std::getline(cells, cell, ','); ++i) {
    }
    if (earliest.empty() || cell < earliest) earliest = cell;
  }
  return earliest;
}

TEST_F(DueHorizon, ItRecordsTheGeneratedSpan) {
  auto r = Journey("horizon --db " + db_);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "horizon 2023-04-01\nlast day 2025-03-31\n");
}

TEST_F(DueHorizon, DefaultsToTheRecordsLastDayAndSaysSo) {
  auto r = Journey("due --db " + db_ + " --council --within -1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("journey due: as at 2025-03-31, the last day of the record"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("As at 2025-03-31:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("The record is complete from 2023-04-01"), std::string::npos) << r.out;
}

TEST_F(DueHorizon, ListsNoDutyWhoseClockStartedBeforeTheHorizon) {
  auto r = Journey("due --db " + db_ + " --council --within 30 --as-at 2025-03-31 --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string earliest = EarliestStart(r.out);
  ASSERT_FALSE(earliest.empty()) << r.out.substr(0, 2000);
  EXPECT_GE(earliest, "2023-04-01");
  // Without the horizon, duties from before the generated history come back.
  auto all = Journey("due --db " + db_ +
                     " --council --within 30 --as-at 2025-03-31 --format csv --horizon none");
  ASSERT_EQ(all.exit_code, 0) << all.out;
  EXPECT_LT(EarliestStart(all.out), "2023-04-01");
  auto bad = Journey("due --db " + db_ + " --council --horizon 2025-02-30");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.out.find("--horizon"), std::string::npos) << bad.out;
}

TEST_F(DueHorizon, AGoLiveDateCanBeSet) {
  const std::string copy = db_ + ".golive";
  std::filesystem::copy_file(db_, copy, std::filesystem::copy_options::overwrite_existing);
  auto set = Journey("horizon --db " + copy + " --set 2024-04-01");
  EXPECT_EQ(set.exit_code, 0) << set.out;
  EXPECT_EQ(set.out, "horizon 2024-04-01\nlast day 2025-03-31\n");
  auto bad = Journey("horizon --db " + copy + " --set 2024-13-01");
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  std::filesystem::remove(copy);
}

}  // namespace
