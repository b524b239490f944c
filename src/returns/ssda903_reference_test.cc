// Reference data for the SSDA903 rules: the council codes loader (its errors name file,
// line, column and value) and rule 633, which runs only when the list is given.
#include "returns/ssda903_reference.h"

#include <gtest/gtest.h>

#include "returns/ssda903_rules_testing.h"

namespace journey::returns {
namespace {

using testing::Row;
using testing::TableRows;
using testing::V;

TEST(Reference903, LaCodesFromEitherHeader) {
  Reference903 ref;
  ASSERT_TRUE(LoadLaCodes("URN,LA (code),LA (name)\n1,201,City\n2,201,City\n3,202,Borough\n",
                          "gias.csv", ref)
                  .ok());
  EXPECT_EQ(ref.la_codes.size(), 2u);
  EXPECT_EQ(ref.la_codes.at("202"), "Borough");
  ASSERT_TRUE(LoadLaCodes("la code\n999\n", "list.csv", ref).ok());
  EXPECT_TRUE(ref.has_la_codes);
  EXPECT_EQ(ref.la_codes.size(), 3u);
}

TEST(Reference903, LaCodesErrorsNameFileLineAndValue) {
  Reference903 ref;
  Status s = LoadLaCodes("Code,Name\n201,City\n", "x.csv", ref);
  EXPECT_NE(s.message().find("x.csv: no council code column"), std::string::npos) << s.message();
  s = LoadLaCodes("LA code\n201\n20A\n", "y.csv", ref);
  EXPECT_NE(s.message().find("y.csv line 3: LA code \"20A\""), std::string::npos) << s.message();
  s = LoadLaCodes("LA code\n", "z.csv", ref);
  EXPECT_FALSE(s.ok());
  EXPECT_FALSE(ref.has_la_codes);  // nothing is kept from a file that failed
  EXPECT_FALSE(LoadLaCodes("LA code\n\"201\n", "q.csv", ref).ok());
}

TEST(Reference903, DirectoryHoldsTheLists) {
  auto ref = LoadReference903(JOURNEY_SOURCE_DIR "/src/returns/testdata/reference");
  ASSERT_TRUE(ref.has_value()) << ref.error().message();
  EXPECT_EQ(ref->la_codes.size(), 3u);
  auto none = LoadReference903(JOURNEY_SOURCE_DIR "/src/returns");
  ASSERT_FALSE(none.has_value());
  EXPECT_NE(none.error().message().find("la_codes.csv"), std::string::npos);
  EXPECT_FALSE(LoadReference903("/no/such/dir").has_value());
}

TEST(Reference903, Rule633NeedsTheCouncilCodes) {
  auto perm = [](std::string la) {
    return TableRows{"PrevPerm",
                     {{{"CHILD", "C1"},
                       {"DOB", "01/05/2015"},
                       {"PREV_PERM", "P1"},
                       {"LA_PERM", la},
                       {"DATE_PERM", "01/05/2020"}}}};
  };
  // Without the list the rule is not run, never passed.
  Read903 read = testing::ReadTables({perm("203")}, 2026);
  Validation903 without = Validate903(read, 2026, Validate903Options{});
  bool listed = false;
  for (const NotRun& n : without.not_run)
    if (n.rule == "633") listed = n.reason.find("council codes") != std::string::npos;
  EXPECT_TRUE(listed);
  Reference903 ref;
  ASSERT_TRUE(LoadLaCodes("LA code\n201\n202\n", "la.csv", ref).ok());
  auto findings = [&](std::string la) {
    Read903 r = testing::ReadTables({perm(la)}, 2026);
    Validate903Options o;
    o.reference = &ref;
    Validation903 v = Validate903(r, 2026, o);
    V out;
    for (const NotRun& n : v.not_run) EXPECT_NE(n.rule, "633");
    for (const Finding& f : v.findings)
      if (f.rule == "633") out.push_back(f.field + " " + f.value);
    return out;
  };
  EXPECT_EQ(findings("202"), V{});
  EXPECT_EQ(findings("WAL"), V{});
  EXPECT_EQ(findings(""), V{});
  EXPECT_EQ(findings("203"), V{"LA_PERM 203"});
  EXPECT_EQ(findings("WLS"), V{"LA_PERM WLS"});
}

}  // namespace
}  // namespace journey::returns
