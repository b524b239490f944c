// Each rule: a failing and a passing case at its boundary, on full tables.
#include "returns/ssda903_rules.h"

#include <gtest/gtest.h>

namespace journey::returns {
namespace {

const char kHeaderCols[] = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
const char kEpisodeCols[] =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
    "URN\n";

// The findings of `year`'s rules over a Header row and an Episodes row, as "code field value".
std::vector<std::string> Findings(int year, const std::string& header_row,
                                  const std::string& episode_row = "") {
  std::vector<InputFile> files = {{"Header.csv", kHeaderCols + header_row + "\n"}};
  if (!episode_row.empty()) files.push_back({"Episodes.csv", kEpisodeCols + episode_row + "\n"});
  Read903 read = ReadFiles(files, year);
  EXPECT_TRUE(read.problems.empty());
  std::vector<std::string> out;
  for (const Finding& f : Validate903(read, year))
    out.push_back(f.rule + " " + f.field + " " + f.value);
  return out;
}

using V = std::vector<std::string>;
const std::string kEp = "C1,01/05/2025,S,V2,N1,U6,PR1,,,,,,";

TEST(Rules903, EachYearInheritsThePreviousAndAdds) {
  auto codes = [](int year) {
    V out;
    for (const Rule* r : RulesFor(year)) out.push_back(r->code);
    return out;
  };
  EXPECT_EQ(codes(2023), (V{"101", "102", "103", "143", "144", "145", "146", "149", "167"}));
  EXPECT_EQ(codes(2024),
            (V{"101", "102", "103", "143", "144", "145", "146", "149", "167", "SW13STG1"}));
  EXPECT_EQ(codes(2026), codes(2024));
  EXPECT_TRUE(codes(2022).empty());  // before the first year Journey supports
}

TEST(Rules903, ACleanReturnHasNoFindings) {
  EXPECT_EQ(Findings(2026, "C1,F,10/05/2010,WBRI,UN1,0,", kEp), V{});
}

TEST(Rules903, Rule101SexCodesChangedIn2024_25) {
  EXPECT_EQ(Findings(2024, "C1,1,10/05/2010,WBRI,UN1,,"), V{});
  EXPECT_EQ(Findings(2024, "C1,M,10/05/2010,WBRI,UN1,,"), V{"101 SEX M"});
  EXPECT_EQ(Findings(2025, "C1,M,10/05/2010,WBRI,UN1,,"), V{});
  EXPECT_EQ(Findings(2025, "C1,1,10/05/2010,WBRI,UN1,,"), V{"101 SEX 1"});
  EXPECT_EQ(Findings(2026, "C1,,10/05/2010,WBRI,UN1,,"), V{"101 SEX "});
}

TEST(Rules903, Rule102UnreadableDatesAreFindings) {
  EXPECT_EQ(Findings(2026, "C1,F,29/02/2024,WBRI,UN1,0,"), V{});
  EXPECT_EQ(Findings(2026, "C1,F,29/02/2025,WBRI,UN1,0,"), V{"102 DOB 29/02/2025"});
  EXPECT_EQ(Findings(2026, "C1,F,2010-05-10,WBRI,UN1,0,"), V{"102 DOB 2010-05-10"});
}

TEST(Rules903, Rule103Ethnicity) {
  EXPECT_EQ(Findings(2026, "C1,F,10/05/2010,WROM,UN1,0,"), V{});
  EXPECT_EQ(Findings(2026, "C1,F,10/05/2010,WBRX,UN1,0,"), V{"103 ETHNIC WBRX"});
}

TEST(Rules903, EpisodeCodes143To149) {
  const std::string h = "C1,F,10/05/2010,WBRI,UN1,0,";
  EXPECT_EQ(Findings(2026, h, "C1,01/05/2025,X,V2,N1,U6,PR1,,,,,,"), V{"143 RNE X"});
  EXPECT_EQ(Findings(2026, h, "C1,01/05/2025,S,V1,N1,U6,PR1,,,,,,"), V{"144 LS V1"});
  // The 903 takes N1-N8: not N0 or N9, which the CIN census does.
  EXPECT_EQ(Findings(2026, h, "C1,01/05/2025,S,V2,N8,U6,PR1,,,,,,"), V{});
  EXPECT_EQ(Findings(2026, h, "C1,01/05/2025,S,V2,N9,U6,PR1,,,,,,"), V{"145 CIN N9"});
  EXPECT_EQ(Findings(2026, h, "C1,01/05/2025,S,V2,N1,U6,PR1,01/06/2025,E4C,,,,"), V{"149 REC E4C"});
}

TEST(Rules903, Rule146PlacementTypesOfTheYear) {
  const std::string h = "C1,F,10/05/2010,WBRI,UN1,0,";
  // Z1 until 2024/25; Z11-Z14 from 2025/26.
  EXPECT_EQ(Findings(2025, h, "C1,01/05/2024,S,V2,N1,Z1,,,,,,,"), V{});
  EXPECT_EQ(Findings(2026, h, "C1,01/05/2025,S,V2,N1,Z1,,,,,,,"), V{"146 PLACE Z1"});
  EXPECT_EQ(Findings(2025, h, "C1,01/05/2024,S,V2,N1,Z11,,,,,,,"), V{"146 PLACE Z11"});
  EXPECT_EQ(Findings(2026, h, "C1,01/05/2025,S,V2,N1,Z11,,,,,,,"), V{});
}

TEST(Rules903, RuleSw13OnlyFrom2023_24) {
  std::vector<InputFile> files = {
      {"sw.csv",
       "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,10/05/2010,SW1,01/05/2025,,BORED\n"}};
  auto found = Validate903(ReadFiles(files, 2026), 2026);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].ToString(),
            "sw.csv line 2 (child C1), SW_REASON \"BORED\": [SW13STG1] is not a SW_REASON code in "
            "2025/26; allowed: MANAGE, FCONTA, LEFTRL, ORGRST, TSPROC, ABSENC, CHCHAN, PCCHAN, "
            "SWDIED, OTHERS");
}

TEST(Rules903, FindingsNameTableRowFieldAndChild) {
  Read903 read = ReadFiles({{"h.csv", std::string(kHeaderCols) + "C1,F,10/05/2010,WBRI,UN1,0,\n"
                                                                 "C7,F,31/02/2011,WBRI,UN1,0,\n"}},
                           2026);
  auto found = Validate903(read, 2026);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].table, "Header");
  EXPECT_EQ(found[0].line, 3);
  EXPECT_EQ(found[0].child, "C7");
  EXPECT_EQ(found[0].field, "DOB");
  EXPECT_EQ(found[0].ToString().substr(0, 40), "h.csv line 3 (child C7), DOB \"31/02/2011");
}

}  // namespace
}  // namespace journey::returns
