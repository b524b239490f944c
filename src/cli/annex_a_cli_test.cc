// `journey export annex-a` and `journey validate --db` run as a user would.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "base/csv.h"
#include "cli/cli_testing.h"

namespace journey::cli {
namespace {

using testing::Journey;
using testing::Outcome;

std::string Slurp(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

class AnnexACli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (std::filesystem::temp_directory_path() /
            ("journey_annexa_cli_" + std::to_string(::getpid())))
               .string();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    Outcome gen = Journey("generate --children 3000 --years 4 --seed 2 --db " + dir_ + "/c.db");
    ASSERT_EQ(gen.exit_code, 0) << gen.out;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
};

TEST_F(AnnexACli, ExportWritesTheWorkbookAndACsvPerList) {
  Outcome ex =
      Journey("export annex-a --db " + dir_ + "/c.db --date 2026-03-31 --out " + dir_ + "/aa");
  ASSERT_EQ(ex.exit_code, 0) << ex.out;
  EXPECT_NE(ex.out.find("List 11"), std::string::npos) << ex.out;
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/aa/Annex_A.xlsx"));
  for (int n = 1; n <= 11; ++n)
    EXPECT_TRUE(std::filesystem::exists(dir_ + "/aa/List " + std::to_string(n) + ".csv")) << n;

  // The workbook reads back as the same lists: its CSVs as read equal the export's.
  Outcome back = Journey("validate annex-a --out " + dir_ + "/back " + dir_ + "/aa/Annex_A.xlsx");
  ASSERT_EQ(back.exit_code, 0) << back.out;
  for (int n = 1; n <= 11; ++n) {
    const std::string f = "/List " + std::to_string(n) + ".csv";
    EXPECT_EQ(Slurp(dir_ + "/aa" + f), Slurp(dir_ + "/back" + f)) << f;
  }
  // A file that is not a workbook: named, refused.
  std::ofstream(dir_ + "/not.xlsx") << "Child Unique ID,Gender\n";
  Outcome not_book = Journey("validate annex-a " + dir_ + "/not.xlsx");
  EXPECT_EQ(not_book.exit_code, 1);
  EXPECT_NE(not_book.out.find("not.xlsx: not a workbook"), std::string::npos) << not_book.out;

  Outcome bad = Journey("export annex-a --db " + dir_ + "/c.db --date 31/02/2026 --out " + dir_);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("--date \"31/02/2026\""), std::string::npos) << bad.out;
}

TEST_F(AnnexACli, ValidateTheRecordBeforeAnyReturnIsMade) {
  Outcome v = Journey("validate --db " + dir_ + "/c.db --year 2026 --out " + dir_ + "/v");
  EXPECT_LE(v.exit_code, 1) << v.out;  // 1 when the record would give errors
  EXPECT_NE(v.out.find("SSDA903 2025/26 from the record:"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("findings ("), std::string::npos) << v.out;
  for (const char* f : {"findings.csv", "findings.json", "findings.xlsx"})
    EXPECT_TRUE(std::filesystem::exists(dir_ + "/v/" + f)) << f;
  // The same findings as validating the files the export writes.
  Journey("export 903 --db " + dir_ + "/c.db --year 2026 --out " + dir_ + "/903");
  Journey("export 903 --db " + dir_ + "/c.db --year 2025 --out " + dir_ + "/903prev");
  Outcome files = Journey("validate 903 --year 2026 --out " + dir_ + "/vf " + dir_ +
                          "/903/*.csv --previous " + dir_ + "/903prev/*.csv");
  EXPECT_EQ(files.exit_code, v.exit_code) << files.out;
  EXPECT_EQ(Slurp(dir_ + "/v/findings.csv"), Slurp(dir_ + "/vf/findings.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/vf/findings.xlsx"));

  Outcome none = Journey("validate");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.out.find("give --db PATH --year Y"), std::string::npos) << none.out;
}

// (rule, child) of each row of a findings or planted-errors CSV.
std::set<std::pair<std::string, std::string>> RuleChild(const std::string& path) {
  std::set<std::pair<std::string, std::string>> out;
  auto csv = ParseCsv(Slurp(path), path);
  EXPECT_TRUE(csv) << path;
  if (!csv) return out;
  const int rule = csv->ColumnIndex("rule"), child = csv->ColumnIndex("child");
  for (const auto& r : csv->rows) out.insert({r.fields[rule], r.fields[child]});
  return out;
}

// Errors planted in the record are found by validating the record itself, before any
// return is made, each naming its rule and child.
TEST(ValidateRecordCli, FindsEveryPlantedErrorInTheRecord) {
  const std::string dir = (std::filesystem::temp_directory_path() /
                           ("journey_validate_db_" + std::to_string(::getpid())))
                              .string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  Outcome gen = Journey("generate --children 20000 --years 4 --seed 3 --db " + dir +
                        "/c.db --plant-errors 6 --planted " + dir + "/planted.csv");
  ASSERT_EQ(gen.exit_code, 0) << gen.out;
  Outcome v = Journey("validate --db " + dir + "/c.db --year 2026 --out " + dir + "/v");
  EXPECT_EQ(v.exit_code, 1) << v.out;
  const auto found = RuleChild(dir + "/v/findings.csv");
  const auto planted = RuleChild(dir + "/planted.csv");
  ASSERT_EQ(planted.size(), 6u);
  for (const auto& p : planted) EXPECT_TRUE(found.count(p)) << p.first << " " << p.second;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace journey::cli
