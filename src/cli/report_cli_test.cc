// `journey report` run as a user would: outputs, breakdowns, trends, and its errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_testing.h"

namespace journey::cli {
namespace {

using testing::Journey;

class ReportCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = (std::filesystem::temp_directory_path() /
           ("journey_report_test_" + std::to_string(::getpid()) + ".db"))
              .string();
    auto g = Journey("generate --children 3000 --years 2 --seed 5 --db " + db_);
    ASSERT_EQ(g.exit_code, 0) << g.out;
  }
  static void TearDownTestSuite() {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + s);
  }
  static std::string db_;
};
std::string ReportCli::db_;

TEST_F(ReportCli, TableCsvAndJson) {
  auto t = Journey("report --db " + db_ + " --as-at 2026-03-31 --indicators rereferrals_12m");
  EXPECT_EQ(t.exit_code, 0) << t.out;
  EXPECT_NE(t.out.find("rereferrals_12m (percent)"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("2025-26"), std::string::npos) << t.out;

  auto c = Journey("report --db " + db_ +
                   " --as-at 2026-03-31 --indicators referrals_per_10k --by age_band,sex "
                   "--format csv --children");
  EXPECT_EQ(c.exit_code, 0) << c.out;
  EXPECT_EQ(c.out.rfind("indicator,unit,period,period_start,period_end,as_at,before_horizon,"
                        "breakdown,group,value,numerator,denominator,cases,england,"
                        "england_period,region,region_period,neighbours,neighbours_period,"
                        "children\n",
                        0),
            0u)
      << c.out;
  EXPECT_NE(c.out.find(",age_band,10-15,"), std::string::npos) << c.out;
  EXPECT_NE(c.out.find(",sex,F,"), std::string::npos) << c.out;

  auto j = Journey("report --db " + db_ +
                   " --as-at 2026-03-31 --area protection --trend monthly --format json");
  ASSERT_EQ(j.exit_code, 0) << j.out;
  auto doc = nlohmann::json::parse(j.out);
  EXPECT_EQ(doc["periods"].size(), 12u);
  EXPECT_EQ(doc["periods"][11]["label"], "2026-03");
  EXPECT_GT(doc["cells"].size(), 12u);
}

TEST_F(ReportCli, ClearErrors) {
  auto unknown = Journey("report --db " + db_ + " --indicators rereferals_12m");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.out.find("\"rereferals_12m\" is not an indicator (the closest: "
                             "rereferrals_12m"),
            std::string::npos)
      << unknown.out;
  auto bad_date = Journey("report --db " + db_ + " --as-at 2026-02-30");
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_NE(bad_date.out.find("--as-at: "), std::string::npos) << bad_date.out;
  EXPECT_NE(bad_date.out.find("2026-02-30"), std::string::npos) << bad_date.out;
  auto empty = Journey("report --db " + db_ + " --from 2026-03-31 --to 2026-03-01");
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.out.find("is empty: it ends before it starts"), std::string::npos) << empty.out;
  auto future =
      Journey("report --db " + db_ + " --from 2026-04-01 --to 2026-06-30 --as-at 2026-03-31");
  EXPECT_EQ(future.exit_code, 2);
  EXPECT_NE(future.out.find("starts after the as-at date"), std::string::npos) << future.out;
  auto by = Journey("report --db " + db_ + " --by colour");
  EXPECT_EQ(by.exit_code, 1);
  EXPECT_NE(by.out.find("\"colour\" is not a breakdown (allowed: team, worker"), std::string::npos)
      << by.out;
  auto trend = Journey("report --db " + db_ + " --trend daily");
  EXPECT_EQ(trend.exit_code, 2);
  EXPECT_NE(trend.out.find("allowed: weekly, monthly, yearly"), std::string::npos) << trend.out;
  auto nodb = Journey("report --db /nonexistent/x.db");
  EXPECT_EQ(nodb.exit_code, 1);
  EXPECT_NE(nodb.out.find("no such database file"), std::string::npos) << nodb.out;
}

TEST_F(ReportCli, PopulationFile) {
  const std::string path = db_ + ".population.csv";
  {
    std::ofstream f(path);
    f << "age,sex,count\n";
    for (int age = 0; age < 18; ++age) f << age << ",M,500\n" << age << ",F,500\n";
  }
  auto r = Journey(
      "report --db " + db_ +
      " --as-at 2026-03-31 --indicators referrals_per_10k --format json --population " + path);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["cells"][0]["denominator"], 18000);
  {
    std::ofstream f(path);
    f << "age,sex,count\n0,M,500\n0,X,10\n";
  }
  auto bad = Journey("report --db " + db_ + " --population " + path);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.out.find("line 3: sex \"X\" is not allowed (M or F)"), std::string::npos)
      << bad.out;
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace journey::cli
