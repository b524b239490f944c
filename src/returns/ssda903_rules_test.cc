// Each rule: a failing and a passing case at its boundary, on full tables.
#include "returns/ssda903_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

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
  auto has = [](const V& v, const std::string& c) {
    return std::find(v.begin(), v.end(), c) != v.end();
  };
  const V first = codes(2023);
  EXPECT_TRUE(has(first, "101") && has(first, "631") && has(first, "142"));
  EXPECT_FALSE(has(first, "SW02STG1"));  // the SocialWorker table came in 2023/24
  const V then = codes(2024);
  EXPECT_EQ(then.size(), first.size() + 9);  // SW02, SW04-SW10 and SW13
  for (const std::string& c : first) EXPECT_TRUE(has(then, c)) << c;
  EXPECT_TRUE(has(then, "SW02STG1") && has(then, "SW13STG1") && has(then, "SW10STG2"));
  const V next = codes(2025);  // 2024/25 adds SW01aSTG1 and SW01bSTG1
  EXPECT_EQ(next.size(), then.size() + 2);
  EXPECT_TRUE(has(next, "SW01aSTG1") && has(next, "SW01bSTG1") && !has(then, "SW01aSTG1"));
  EXPECT_EQ(codes(2026), next);
  EXPECT_TRUE(codes(2022).empty());  // before the first year Journey supports
  for (const Rule* r : RulesFor(2026)) EXPECT_LE(r->from_year, 2026) << r->code;
}

TEST(Rules903, ACleanReturnHasNoFindings) {
  EXPECT_EQ(Findings(2026, "C1,F,10/05/2010,WBRI,UN2,0,", kEp), V{});
}

TEST(Rules903, Rule101SexCodesChangedIn2024_25) {
  EXPECT_EQ(Findings(2024, "C1,1,10/05/2010,WBRI,UN2,,"), V{});
  EXPECT_EQ(Findings(2024, "C1,M,10/05/2010,WBRI,UN2,,"), V{"101 SEX M"});
  EXPECT_EQ(Findings(2025, "C1,M,10/05/2010,WBRI,UN2,,"), V{});
  EXPECT_EQ(Findings(2025, "C1,1,10/05/2010,WBRI,UN2,,"), V{"101 SEX 1"});
  EXPECT_EQ(Findings(2026, "C1,,10/05/2010,WBRI,UN2,,"), V{"101 SEX "});
}

TEST(Rules903, Rule102UnreadableDatesAreFindings) {
  EXPECT_EQ(Findings(2026, "C1,F,29/02/2024,WBRI,UN2,0,"), V{});
  EXPECT_EQ(Findings(2026, "C1,F,29/02/2025,WBRI,UN2,0,"), V{"102 DOB 29/02/2025"});
  EXPECT_EQ(Findings(2026, "C1,F,2010-05-10,WBRI,UN2,0,"), V{"102 DOB 2010-05-10"});
}

TEST(Rules903, Rule103Ethnicity) {
  EXPECT_EQ(Findings(2026, "C1,F,10/05/2010,WROM,UN2,0,"), V{});
  EXPECT_EQ(Findings(2026, "C1,F,10/05/2010,WBRX,UN2,0,"), V{"103 ETHNIC WBRX"});
}

TEST(Rules903, EpisodeCodes143To149) {
  const std::string h = "C1,F,10/05/2010,WBRI,UN2,0,";
  // A first episode in the year must also start care (357): from before the year, only 143.
  EXPECT_EQ(Findings(2026, h, "C1,01/05/2025,X,V2,N1,U6,PR1,,,,,,"), (V{"143 RNE X", "357 RNE X"}));
  EXPECT_EQ(Findings(2026, h, "C1,01/05/2024,X,V2,N1,U6,PR1,,,,,,"), V{"143 RNE X"});
  EXPECT_EQ(Findings(2026, h, "C1,01/05/2025,S,V1,N1,U6,PR1,,,,,,"), V{"144 LS V1"});
  // The 903 takes N1-N8: not N0 or N9, which the CIN census does.
  EXPECT_EQ(Findings(2026, h, "C1,01/05/2025,S,V2,N8,U6,PR1,,,,,,"), V{});
  EXPECT_EQ(Findings(2026, h, "C1,01/05/2025,S,V2,N9,U6,PR1,,,,,,"), V{"145 CIN N9"});
  EXPECT_EQ(Findings(2026, h, "C1,01/05/2025,S,V2,N1,U6,PR1,01/06/2025,E4C,,,,"), V{"149 REC E4C"});
}

TEST(Rules903, Rule146PlacementTypesOfTheYear) {
  const std::string h = "C1,F,10/05/2010,WBRI,UN2,0,";
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

// The findings of `year`'s rules over one table given as header and row.
V TableFindings(int year, const std::string& cols, const std::string& row) {
  V out;
  for (const Finding& f : Validate903(ReadFiles({{"t.csv", cols + "\n" + row + "\n"}}, year), year))
    out.push_back(f.rule + " " + f.field + " " + f.value);
  return out;
}

TEST(Rules903, CodeRulesOfTheOtherTables) {
  const std::string oc3 = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM";
  EXPECT_EQ(TableFindings(2026, oc3, "C1,01/01/2007,YES,F2,U1"), V{});
  EXPECT_EQ(TableFindings(2026, oc3, "C1,01/01/2007,MAYBE,0,0"), V{"131 IN_TOUCH MAYBE"});
  // F3 ended in 2016; S (no fixed abode) is never suitable, so S1 is no code.
  EXPECT_EQ(TableFindings(2026, oc3, "C1,01/01/2007,YES,F3,S1"),
            (V{"132 ACTIV F3", "133 ACCOM S1"}));
  const std::string ad1 =
      "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR";
  EXPECT_EQ(TableFindings(2026, ad1, "C1,01/01/2020,01/01/2024,01/06/2024,1,2,MF,L11"), V{});
  EXPECT_EQ(TableFindings(2026, ad1, "C1,01/01/2020,01/01/2024,01/06/2024,2,3,FM,L1"),
            (V{"114 FOSTER_CARE 2", "175 NB_ADOPTR 3", "176 SEX_ADOPTR FM", "177 LS_ADOPTR L1"}));
  EXPECT_EQ(TableFindings(2026, "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED",
                          "C1,01/01/2020,01/01/2024,01/06/2024,RD5"),
            V{"120 REASON_PLACED_CEASED RD5"});
  EXPECT_EQ(TableFindings(2026, "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM", "C1,01/01/2020,Z2,,"),
            V{"631 PREV_PERM Z2"});
  EXPECT_EQ(
      TableFindings(2026, "CHILD,DOB,MISSING,MIS_START,MIS_END", "C1,01/01/2020,X,01/05/2025,"),
      V{"1006 MISSING X"});
  EXPECT_EQ(TableFindings(2026, "CHILD,DOB,REVIEW,REVIEW_CODE", "C1,01/01/2020,01/05/2025,PN8"),
            V{"167 REVIEW_CODE PN8"});
  EXPECT_EQ(TableFindings(2026, std::string(kEpisodeCols, std::strlen(kEpisodeCols) - 1),
                          "C1,01/05/2025,S,V2,N1,U6,PR6,01/06/2025,E4A,MOVED,,,"),
            (V{"1009 REASON_PLACE_CHANGE MOVED", "178 PLACE_PROVIDER PR6"}));
  EXPECT_EQ(TableFindings(2026, std::string(kHeaderCols, std::strlen(kHeaderCols) - 1),
                          "C1,F,01/01/2010,WBRI,UN2,2,"),
            V{"165 MOTHER 2"});
  const std::string oc2 =
      "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,"
      "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED";
  EXPECT_EQ(TableFindings(2026, oc2, "C1,01/01/2015,,SDQ5,0,1,1,1,0,0,,"), V{});
  EXPECT_EQ(TableFindings(2026, oc2, "C1,01/01/2015,,SDQ6,0,1,1,1,0,0,,"),
            V{"196 SDQ_REASON SDQ6"});
}

TEST(Rules903, RuleSw02SocialWorkerIds) {
  const std::string sw = "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON";
  EXPECT_EQ(TableFindings(2026, sw, "C1,01/01/2015,SW123,01/05/2025,,MANAGE"), V{});
  EXPECT_EQ(TableFindings(2026, sw, "C1,01/01/2015,XX1,01/05/2025,,MANAGE"), V{});
  EXPECT_EQ(TableFindings(2026, sw, "C1,01/01/2015,AB123,01/05/2025,,MANAGE"),
            V{"SW02STG1 SW_ID AB123"});
}

TEST(Rules903, FindingsNameTableRowFieldAndChild) {
  Read903 read = ReadFiles({{"h.csv", std::string(kHeaderCols) + "C1,F,10/05/2010,WBRI,UN2,0,\n"
                                                                 "C7,F,31/02/2011,WBRI,UN2,0,\n"}},
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
