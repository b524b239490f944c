// `journey export 903 --xml`, then `import 903` and `validate 903` of the XML file, run as a
// user would: the XML form loads into the same record as the CSVs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli_testing.h"

namespace {

using journey::cli::testing::Journey;
using journey::cli::testing::Slurp;
using Outcome = journey::cli::testing::Outcome;

TEST(Cli903Xml, TheXmlFormLoadsAsTheCsvsDo) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("journey_cli903xml_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string d = dir.string();
  ASSERT_EQ(Journey("generate --children 1500 --years 2 --seed 7 --db " + d + "/a.db").exit_code,
            0);
  Outcome ex = Journey("export 903 --xml --db " + d + "/a.db --year 2026 --out " + d + "/first");
  ASSERT_EQ(ex.exit_code, 0) << ex.out;
  EXPECT_NE(ex.out.find("SSDA903.xml"), std::string::npos) << ex.out;
  const std::string xml = d + "/first/SSDA903.xml";
  ASSERT_TRUE(std::filesystem::exists(xml));

  Outcome val = Journey("validate 903 --year 2026 " + xml);
  EXPECT_NE(val.out.find("rules run"), std::string::npos) << val.out;
  EXPECT_EQ(val.out.find("file problem"), std::string::npos) << val.out;

  Outcome im = Journey("import 903 --db " + d + "/b.db --year 2026 " + xml);
  ASSERT_EQ(im.exit_code, 0) << im.out;
  ASSERT_EQ(Journey("export 903 --db " + d + "/b.db --year 2026 --out " + d + "/again").exit_code,
            0);
  // Every table the XML form holds comes back byte for byte (SWEpisodes is not in it).
  for (const auto& f : std::filesystem::directory_iterator(d + "/first")) {
    const std::string name = f.path().filename().string();
    if (name == "SSDA903.xml" || name == "SWEpisodes.csv") continue;
    EXPECT_EQ(Slurp(f.path()), Slurp(dir / "again" / name)) << name;
  }

  // XML beside CSVs is refused, naming the file.
  Outcome mixed =
      Journey("import 903 --db " + d + "/c.db --year 2026 " + xml + " " + d + "/first/Header.csv");
  EXPECT_EQ(mixed.exit_code, 1);
  EXPECT_NE(mixed.out.find("SSDA903.xml: is XML"), std::string::npos) << mixed.out;
  std::filesystem::remove_all(dir);
}

}  // namespace
