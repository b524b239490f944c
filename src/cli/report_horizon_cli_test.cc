// `journey report` beside the published figures (England, region, statistical neighbours)
// and within the record's span: the day it looks from by default, and periods before the
// record's horizon flagged or, asked for outright, refused (boundaries: the day before the
// horizon, the day of, the day after).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_testing.h"

namespace journey::cli {
namespace {

using testing::Journey;

// Generated to 2026-03-31 with two years of history: the record's horizon is 2024-04-01.
class ReportSpan : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = (std::filesystem::temp_directory_path() /
           ("journey_report_span_" + std::to_string(::getpid()) + ".db"))
              .string();
    auto g = Journey("generate --children 1500 --years 2 --seed 3 --as-at 2026-03-31 --db " + db_);
    ASSERT_EQ(g.exit_code, 0) << g.out;
  }
  static void TearDownTestSuite() {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + s);
  }
  static std::string Report(const std::string& args) { return "report --db " + db_ + " " + args; }
  static std::string db_;
};
std::string ReportSpan::db_;

// The CSV line of an indicator's whole-council figure (no breakdown) for a period label.
std::string Line(const std::string& csv, const std::string& indicator, const std::string& period) {
  std::istringstream in(csv);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) f.push_back(cell);
    if (f.size() > 7 && f[0] == indicator && f[2] == period && f[7].empty()) return line;
  }
  return "";
}

TEST_F(ReportSpan, EachFigureBesideEnglandRegionAndNeighbours) {
  // England's re-referral rate for 2014-15 (the 2016 Northamptonshire report, paragraph 23)
  // is the latest published before the period ends, so it is quoted with its own year.
  auto t = Journey(Report("--as-at 2026-03-31 --indicators rereferrals_12m"));
  ASSERT_EQ(t.exit_code, 0) << t.out;
  EXPECT_NE(t.out.find("Beside each figure: England, Synthetic region and Synthetic council "
                       "990's statistical neighbours"),
            std::string::npos)
      << t.out;
  EXPECT_NE(t.out.find("England 24.0 (2014-15); Synthetic region -; neighbours -"),
            std::string::npos)
      << t.out;

  auto c = Journey(Report("--as-at 2026-03-31 --indicators rereferrals_12m --by sex --format csv"));
  ASSERT_EQ(c.exit_code, 0) << c.out;
  EXPECT_NE(Line(c.out, "rereferrals_12m", "2025-26").find(",24.0,2014-15,,,,"), std::string::npos)
      << c.out;
  // Breakdown rows carry no benchmark: the published figures are for the whole council.
  EXPECT_NE(c.out.find(",sex,F,"), std::string::npos) << c.out;
  std::istringstream rows(c.out);
  for (std::string row; std::getline(rows, row);)
    if (row.find(",sex,") != std::string::npos) {
      EXPECT_EQ(row.find("2014-15"), std::string::npos) << row;
    }

  auto j = Journey(Report(
      "--as-at 2026-03-31 --indicators rereferrals_12m,cp_plans_per_10k --la 928 --format json"));
  ASSERT_EQ(j.exit_code, 0) << j.out;
  auto doc = nlohmann::json::parse(j.out);
  EXPECT_EQ(doc["council"]["code"], "928");
  EXPECT_EQ(doc["council"]["region_name"], "East Midlands");
  int seen = 0;
  for (const auto& cell : doc["cells"]) {
    if (cell["breakdown"] != "") continue;
    ++seen;
    const auto& b = cell["benchmarks"];
    EXPECT_TRUE(b["region"].is_null());  // nothing published for the East Midlands
    EXPECT_TRUE(b["neighbour_councils"].is_array());
    if (cell["indicator"] == "cp_plans_per_10k") {
      EXPECT_EQ(b["england"]["value"], 42.9);
      EXPECT_EQ(b["neighbours"]["value"], 41.3);  // the 2016 report, paragraph 25
      EXPECT_EQ(b["neighbours"]["period"], "2014-15");
    } else {
      EXPECT_EQ(b["england"]["value"], 24.0);
      EXPECT_TRUE(b["neighbours"].is_null());
    }
  }
  EXPECT_EQ(seen, 2);
  auto t928 = Journey(Report("--as-at 2026-03-31 --indicators cp_plans_per_10k --la 928"));
  EXPECT_NE(t928.out.find("England 42.9 (2014-15); East Midlands -; neighbours 41.3 (2014-15)"),
            std::string::npos)
      << t928.out;

  // An indicator nothing is published for shows no columns, and a council not in
  // data/councils.csv given outright is refused by name.
  auto none = Journey(Report("--as-at 2026-03-31 --indicators referrals_per_10k"));
  ASSERT_EQ(none.exit_code, 0) << none.out;
  EXPECT_EQ(none.out.find("England "), std::string::npos) << none.out;
  auto bad = Journey(Report("--la 123"));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("--la 123: council \"123\" is not in data/councils.csv"),
            std::string::npos)
      << bad.out;
}

TEST_F(ReportSpan, LooksFromTheRecordsLastDayAndSaysSo) {
  auto r = Journey(Report("--indicators rereferrals_12m"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("journey report: as at 2026-03-31, the last day of the record"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("As at 2026-03-31;"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("The record is complete from 2024-04-01.\n"), std::string::npos) << r.out;
}

TEST_F(ReportSpan, PeriodsBeforeTheHorizonAreFlagged) {
  auto c =
      Journey(Report("--as-at 2026-03-31 --indicators rereferrals_12m --trend yearly "
                     "--format csv"));
  ASSERT_EQ(c.exit_code, 0) << c.out;
  // 2023-24 ends the day before the horizon; 2024-25 starts on it.
  EXPECT_NE(Line(c.out, "rereferrals_12m", "2023-24").find(",2026-03-31,true,"), std::string::npos)
      << c.out;
  EXPECT_NE(Line(c.out, "rereferrals_12m", "2024-25").find(",2026-03-31,false,"), std::string::npos)
      << c.out;
  auto t = Journey(Report("--as-at 2026-03-31 --indicators rereferrals_12m --trend yearly"));
  ASSERT_EQ(t.exit_code, 0) << t.out;
  EXPECT_NE(t.out.find("periods marked * begin earlier"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("2023-24 *"), std::string::npos) << t.out;
  EXPECT_EQ(t.out.find("2024-25 *"), std::string::npos) << t.out;
  auto j =
      Journey(Report("--as-at 2026-03-31 --indicators rereferrals_12m --trend yearly "
                     "--format json"));
  ASSERT_EQ(j.exit_code, 0) << j.out;
  auto doc = nlohmann::json::parse(j.out);
  EXPECT_EQ(doc["horizon"], "2024-04-01");
  EXPECT_EQ(doc["periods"][3]["label"], "2023-24");
  EXPECT_EQ(doc["periods"][3]["before_horizon"], true);
  EXPECT_EQ(doc["periods"][4]["before_horizon"], false);
}

TEST_F(ReportSpan, APeriodAskedForBeforeTheHorizonIsRefused) {
  const std::string to = " --to 2025-03-31 --indicators rereferrals_12m";
  auto before = Journey(Report("--from 2024-03-31" + to));  // the day before the horizon
  EXPECT_EQ(before.exit_code, 2) << before.out;
  EXPECT_NE(before.out.find("--from 2024-03-31: the record in " + db_ +
                            " is complete only from 2024-04-01 (its horizon)"),
            std::string::npos)
      << before.out;
  EXPECT_NE(before.out.find("give --from 2024-04-01 or later, or --horizon none"),
            std::string::npos);
  EXPECT_EQ(Journey(Report("--from 2024-04-01" + to)).exit_code, 0);  // the day of
  EXPECT_EQ(Journey(Report("--from 2024-04-02" + to)).exit_code, 0);  // the day after
  auto anyway = Journey(Report("--from 2024-03-31 --horizon none" + to));
  EXPECT_EQ(anyway.exit_code, 0) << anyway.out;
  EXPECT_EQ(anyway.out.find("The record is complete from"), std::string::npos) << anyway.out;
  auto own = Journey(Report("--from 2024-03-31 --horizon 2024-01-01" + to));
  EXPECT_EQ(own.exit_code, 0) << own.out;
  EXPECT_NE(own.out.find("The record is complete from 2024-01-01"), std::string::npos);
  auto bad = Journey(Report("--horizon soon"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.out.find("--horizon (a date, or none): "), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace journey::cli
