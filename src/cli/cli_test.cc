// Runs the built `journey` program as a user would and checks what it prints.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "cli/cli_testing.h"

namespace {

using journey::cli::testing::Journey;
using Outcome = journey::cli::testing::Outcome;

std::string TempPath(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() /
           ("journey_cli_test_" + std::to_string(::getpid()) + "_" + name);
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + s);
  return p.string();
}

TEST(Cli, CalendarAddsWorkingDaysOverChristmas) {
  Outcome r = Journey("calendar --from 2022-12-22 --add 2");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "2022-12-28\n");
}

TEST(Cli, CalendarCountsWorkingDays) {
  Outcome r = Journey("calendar --from 20/11/2023 --to 25/01/2024");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "45\n");
}

TEST(Cli, CalendarRefusesABadDate) {
  Outcome r = Journey("calendar --from 2023-02-29 --add 1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("\"2023-02-29\""), std::string::npos) << r.out;
}

TEST(Cli, SchemaPrintsTheTables) {
  Outcome r = Journey("schema");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("CREATE TABLE cla_episode ("), std::string::npos);
}

TEST(Cli, DemoGeneratesOnceThenReuses) {
  const std::string db = TempPath("demo.db");
  Outcome first = Journey("demo --no-serve --db " + db + " --children 3000 --years 2");
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("Generating a synthetic council of 3000 children"), std::string::npos)
      << first.out;
  EXPECT_NE(first.out.find("looked after now"), std::string::npos);
  EXPECT_NE(first.out.find("Loaded the inspection history (five Ofsted reports, 77 records)"),
            std::string::npos)
      << first.out;
  Outcome again = Journey("demo --no-serve --db " + db);
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("Using the council already in"), std::string::npos) << again.out;
  EXPECT_EQ(again.out.find("Generating"), std::string::npos);
  EXPECT_EQ(again.out.find("Loaded the inspection history"), std::string::npos);
  Outcome history = Journey("governance history --db " + db);
  EXPECT_NE(history.out.find("Single inspection framework"), std::string::npos) << history.out;
}

TEST(Cli, GenerateRefusesAnExistingCouncil) {
  const std::string db = TempPath("gen.db");
  Outcome first = Journey("generate --children 2000 --years 1 --seed 3 --db " + db);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  Outcome again = Journey("generate --children 2000 --years 1 --seed 3 --db " + db);
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.out.find("already"), std::string::npos) << again.out;
  Outcome stats = Journey("stats --db " + db);
  EXPECT_EQ(stats.exit_code, 0) << stats.out;
  EXPECT_NE(stats.out.find("cla_episode"), std::string::npos) << stats.out;
}

}  // namespace

namespace {

TEST(Cli, DueListsOverdueWorkAndRefusesBadOptions) {
  const std::string db = TempPath("due.db");
  auto g = Journey("generate --children 3000 --years 2 --seed 3 --db " + db);
  ASSERT_EQ(g.exit_code, 0) << g.out;
  auto r = Journey("due --db " + db + " --council --as-at 2026-03-31 --format csv");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(
      r.out.rfind("status,days,due,rule,child,from_kind,from_id,clock_started,worker,team\n", 0),
      0u)
      << r.out;
  auto both = Journey("due --db " + db + " --council --worker 1");
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.out.find("give exactly one of --worker ID, --team ID or --council"),
            std::string::npos)
      << both.out;
  auto unknown = Journey("due --db " + db + " --worker 999999");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.out.find("--worker 999999: there is no worker 999999"), std::string::npos)
      << unknown.out;
  auto bad_date = Journey("due --db " + db + " --council --as-at 31/02/2026");
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_NE(bad_date.out.find("\"31/02/2026\""), std::string::npos) << bad_date.out;
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db + s);
}

}  // namespace
