// `journey export 903`, `import 903` and `validate 903` run as a user would.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/cli_testing.h"

namespace {

using journey::cli::testing::Journey;
using Outcome = journey::cli::testing::Outcome;

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

TEST(Cli903, GeneratedCouncilRoundTripsThroughTheReturn) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("journey_cli903_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string d = dir.string();
  ASSERT_EQ(Journey("generate --children 3000 --years 3 --seed 5 --db " + d + "/a.db").exit_code,
            0);
  Outcome ex = Journey("export 903 --db " + d + "/a.db --year 2026 --out " + d + "/first");
  ASSERT_EQ(ex.exit_code, 0) << ex.out;
  EXPECT_NE(ex.out.find("Episodes.csv"), std::string::npos) << ex.out;
  Outcome im = Journey("import 903 --db " + d + "/b.db --year 2026 " + d + "/first/*.csv");
  ASSERT_EQ(im.exit_code, 0) << im.out;
  ASSERT_EQ(Journey("export 903 --db " + d + "/b.db --year 2026 --out " + d + "/again").exit_code,
            0);
  for (const auto& f : std::filesystem::directory_iterator(d + "/first"))
    EXPECT_EQ(Slurp(f.path()), Slurp(dir / "again" / f.path().filename())) << f.path();

  // A bad file: every problem printed, nothing written, exit 1.
  std::ofstream(d + "/bad.csv") << "CHILD,DECOM,RNE\nX,31/02/2025,S\n";
  Outcome bad = Journey("import 903 --db " + d + "/c.db --year 2026 " + d + "/bad.csv");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("bad.csv line 1: the columns (CHILD, DECOM, RNE)"), std::string::npos)
      << bad.out;
  EXPECT_NE(bad.out.find("nothing was written"), std::string::npos) << bad.out;

  Outcome val = Journey("validate 903 --year 2025 --out " + d + "/v " + d + "/first/*.csv");
  EXPECT_NE(val.out.find("rules run"), std::string::npos) << val.out;
  EXPECT_TRUE(std::filesystem::exists(d + "/v/findings.csv"));
  // Rule 633 waits for the council codes: not run without them, run with --reference.
  EXPECT_NE(val.out.find("not run: 633"), std::string::npos) << val.out;
  Outcome ref = Journey("validate 903 --year 2025 --reference " JOURNEY_SOURCE_DIR
                        "/src/returns/testdata/reference " +
                        d + "/first/*.csv");
  EXPECT_EQ(ref.out.find("not run: 633"), std::string::npos) << ref.out;
  EXPECT_NE(ref.out.find("rules run"), std::string::npos) << ref.out;
  Outcome no_ref = Journey("validate 903 --year 2025 --reference " + d + " " + d + "/first/*.csv");
  EXPECT_NE(no_ref.exit_code, 0);
  EXPECT_NE(no_ref.out.find("la_codes.csv"), std::string::npos) << no_ref.out;
  std::filesystem::remove_all(dir);
}

}  // namespace
