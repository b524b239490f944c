// `journey export cin`, `import cin` and `validate cin` run as a user would.
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

class CliCin : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() / ("journey_clicin_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    d_ = dir_.string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string d_;
};

TEST_F(CliCin, GeneratedCouncilRoundTripsAndHasNoErrors) {
  ASSERT_EQ(Journey("generate --children 3000 --years 3 --seed 5 --db " + d_ + "/a.db").exit_code,
            0);
  for (int year : {2025, 2026}) {
    const std::string y = std::to_string(year);
    Outcome ex =
        Journey("export cin --db " + d_ + "/a.db --year " + y + " --out " + d_ + "/first" + y);
    ASSERT_EQ(ex.exit_code, 0) << ex.out;
    const std::string file = d_ + "/first" + y + "/CIN_census.xml";
    // Our own council's census: no errors by the year's rules (and none against the XSD).
    Outcome val = Journey("validate cin --year " + y + " --la 990 --out " + d_ + "/v " + file);
    EXPECT_EQ(val.exit_code, 0) << val.out;
    EXPECT_NE(val.out.find("0 errors"), std::string::npos) << val.out;
    EXPECT_TRUE(std::filesystem::exists(d_ + "/v/findings.csv"));
    EXPECT_TRUE(std::filesystem::exists(d_ + "/v/findings.json"));
    EXPECT_TRUE(std::filesystem::exists(d_ + "/v/findings.xlsx"));
  }
  // Both years into one empty store, then each year out again: byte-identical.
  Outcome im =
      Journey("import cin --db " + d_ + "/b.db --year 2025 " + d_ + "/first2025/CIN_census.xml");
  ASSERT_EQ(im.exit_code, 0) << im.out;
  im = Journey("import cin --db " + d_ + "/b.db --year 2026 " + d_ + "/first2026/CIN_census.xml");
  ASSERT_EQ(im.exit_code, 0) << im.out;
  for (const char* y : {"2025", "2026"}) {
    ASSERT_EQ(Journey(std::string("export cin --db ") + d_ + "/b.db --year " + y + " --out " + d_ +
                      "/again" + y)
                  .exit_code,
              0);
    const std::string a = Slurp(d_ + "/first" + y + "/CIN_census.xml"),
                      b = Slurp(d_ + "/again" + y + "/CIN_census.xml");
    size_t at = 0;
    while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
    EXPECT_TRUE(a == b) << y << ": first difference at byte " << at << ": "
                        << a.substr(at > 300 ? at - 300 : 0, 400) << "\n---\n"
                        << b.substr(at > 300 ? at - 300 : 0, 400);
  }
  // Loading a year again writes nothing.
  im = Journey("import cin --db " + d_ + "/b.db --year 2026 " + d_ + "/first2026/CIN_census.xml");
  EXPECT_NE(im.out.find("0 records written"), std::string::npos) << im.out;
}

TEST_F(CliCin, BadFileWritesNothing) {
  std::ofstream(d_ + "/bad.xml")
      << "<?xml version=\"1.0\"?>\n<Message><Header><CollectionDetails><Collection>CIN</Collection>"
         "<Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header>\n"
         "<Children><Child><ChildIdentifiers><LAchildID>A1</LAchildID></ChildIdentifiers>\n"
         "<CINdetails><CINreferralDate>2025-02-31</CINreferralDate><ReferralNFA>0</ReferralNFA>"
         "</CINdetails></Child></Children></Message>\n";
  Outcome bad = Journey("import cin --db " + d_ + "/c.db --year 2026 " + d_ + "/bad.xml");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("bad.xml line 4"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("CINreferralDate"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("2025-02-31"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("nothing was written"), std::string::npos) << bad.out;
  Outcome ex = Journey("export cin --db " + d_ + "/c.db --year 2026 --out " + d_ + "/o");
  EXPECT_NE(Slurp(d_ + "/o/CIN_census.xml").find("<Children />"), std::string::npos);
  // A huge file is refused before it is read.
  std::filesystem::resize_file(d_ + "/bad.xml", (uintmax_t{300} << 20));
  bad = Journey("import cin --db " + d_ + "/c.db --year 2026 " + d_ + "/bad.xml");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("the largest accepted is 256 MB"), std::string::npos) << bad.out;
}

}  // namespace
