// `journey governance`: the history loads once, reads back, and a plan file with a grade off
// its framework's scale is refused with the rule, the field and the value, writing nothing.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "cli/cli_testing.h"

namespace journey::cli {
namespace {

using testing::Journey;

class GovernanceCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("governance_cli_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "g.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(GovernanceCli, LoadHistoryPlan) {
  auto first = Journey("governance load --db " + db_);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_EQ(first.out, "Loaded 77 records.\n");
  auto again = Journey("governance load --db " + db_);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out, "The inspection history is already loaded.\n");

  auto history = Journey("governance history --db " + db_);
  ASSERT_EQ(history.exit_code, 0) << history.out;
  EXPECT_NE(history.out.find("2016-02-08  Northamptonshire County Council"), std::string::npos);
  EXPECT_NE(history.out.find("Performs adequately (2)"), std::string::npos);

  const std::string plan = (dir_ / "plan.journey").string();
  std::ofstream(plan) << "inspection 1 framework=ILACS council=Test start_date=2019-11-04 "
                         "title=\"ILACS 2019\"\n"
                         "judgement 1 inspection_id=1 area=OVERALL grade=3\n";
  auto bad = Journey("governance load --db " + db_ + " " + plan);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("field grade value \"3\": not a grade on the ILACS framework's scale"),
            std::string::npos)
      << bad.out;
  auto json = Journey("governance history --json --db " + db_);
  EXPECT_EQ(json.out.find("ILACS 2019"), std::string::npos) << "a refused load wrote nothing";

  auto none = Journey("governance plan --db " + db_ + " --as-at 2026-03-31");
  ASSERT_EQ(none.exit_code, 0) << none.out;
  EXPECT_EQ(none.out,
            "Improvement plan as at 2026-03-31: 0 actions, 0 overdue, 0 measures off target.\n");
  auto missing = Journey("governance history --db " + (dir_ / "nope.db").string());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.out.find("no such database file"), std::string::npos);
}

}  // namespace
}  // namespace journey::cli
