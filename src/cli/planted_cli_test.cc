// `journey generate --plant-errors`: every planted SSDA903 error is found by `journey
// validate 903`, naming the right rule and child, and the same council unplanted has none
// of them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "base/csv.h"
#include "cli/cli_testing.h"

namespace {

using journey::cli::testing::Journey;
using Pairs = std::set<std::pair<std::string, std::string>>;  // (rule, child)

std::string Slurp(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// (rule, child) of each row of a CSV with those columns.
Pairs RuleChild(const std::string& path) {
  auto csv = journey::ParseCsv(Slurp(path), path);
  EXPECT_TRUE(csv) << path;
  Pairs out;
  if (!csv) return out;
  const int rule = csv->ColumnIndex("rule"), child = csv->ColumnIndex("child");
  for (const auto& r : csv->rows) out.insert({r.fields[rule], r.fields[child]});
  return out;
}

// Generates, exports 2025/26 and validates; returns the findings' (rule, child).
Pairs Findings(const std::string& dir, const std::string& extra) {
  const std::string db = dir + "/c.db";
  auto gen = Journey("generate --children 20000 --years 4 --seed 3 --db " + db + " " + extra);
  EXPECT_EQ(gen.exit_code, 0) << gen.out;
  auto ex = Journey("export 903 --db " + db + " --year 2026 --out " + dir + "/903");
  EXPECT_EQ(ex.exit_code, 0) << ex.out;
  Journey("validate 903 --year 2026 --out " + dir + "/v " + dir + "/903/*.csv");
  return RuleChild(dir + "/v/findings.csv");
}

TEST(CliPlanted, ValidatorFindsEveryPlantedErrorAndNoOther) {
  const auto root =
      std::filesystem::temp_directory_path() / ("journey_planted_" + std::to_string(::getpid()));
  std::filesystem::remove_all(root);
  const std::string clean = (root / "clean").string(), planted = (root / "planted").string();
  std::filesystem::create_directories(clean);
  std::filesystem::create_directories(planted);

  const Pairs before = Findings(clean, "");
  const Pairs after = Findings(planted, "--plant-errors 6 --planted " + planted + "/list.csv");
  const Pairs plants = RuleChild(planted + "/list.csv");
  ASSERT_EQ(plants.size(), 6u);
  std::set<std::string> rules;
  for (const auto& [rule, child] : plants) rules.insert(rule);
  EXPECT_EQ(rules, (std::set<std::string>{"119", "168", "184"}));

  // Each planted error is found, with its rule and child.
  for (const auto& p : plants) EXPECT_TRUE(after.count(p)) << p.first << " " << p.second;
  // The unplanted council has none of the planted rules' findings.
  for (const auto& [rule, child] : before) EXPECT_FALSE(rules.count(rule)) << rule << " " << child;
  // And planting changed nothing else: the new findings are exactly the planted ones, and
  // for an adoption decision dated before birth (184) also rule 1003's (before care began),
  // which such a date breaks too.
  Pairs added, expected = plants;
  for (const auto& p : after)
    if (!before.count(p)) added.insert(p);
  for (const auto& [rule, child] : plants)
    if (rule == "184") expected.insert({"1003", child});
  EXPECT_EQ(added, expected);
  std::filesystem::remove_all(root);
}

}  // namespace
