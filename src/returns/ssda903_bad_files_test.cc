// Bad SSDA903 files: each gives a clear message naming the file, row and column, and the
// store is left as it was.
#include <gtest/gtest.h>

#include <cstring>

#include "returns/ssda903_import.h"
#include "returns/ssda903_test_util.h"

namespace journey::returns {
namespace {

using testing::TempStore;

const char kHeader[] =
    "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
    "C1,F,10/05/2010,WBRI,UN1,0,\n";
const char kEpisodes[] =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
    "URN\n"
    "C1,01/05/2025,S,V2,N1,U6,PR1,,,,,,\n";

// Imports into an empty store; returns the problems, one a line, and checks that nothing
// was written.
std::string Refused(std::vector<InputFile> files, int year = 2026) {
  TempStore s;
  auto rep = Import903(*s, year, files, store::Actor{"test", "", ""});
  EXPECT_TRUE(rep) << rep.error().ToString();
  if (!rep) return "";
  EXPECT_FALSE(rep->problems.empty()) << "expected the files to be refused";
  EXPECT_EQ(s->Count(model::Kind::kPerson).value_or(-1), 0) << "something was written";
  std::string out;
  for (const Problem& p : rep->problems) out += p.ToString() + "\n";
  return out;
}

TEST(Bad903Files, GoodFilesLoad) {
  TempStore s;
  auto rep =
      Import903(*s, 2026, {{"h.csv", kHeader}, {"e.csv", kEpisodes}}, store::Actor{"test", "", ""});
  ASSERT_TRUE(rep);
  EXPECT_TRUE(rep->problems.empty());
  EXPECT_EQ(s->Count(model::Kind::kClaEpisode).value_or(0), 1);
}

TEST(Bad903Files, ColumnsOfNoTableAreRefusedNamingFoundAndExpected) {
  EXPECT_EQ(
      Refused({{"h.csv", kHeader}, {"eps.csv", "CHILD,DECOM,RNE,LS,FOO\nC1,01/05/2025,S,V2,x\n"}}),
      "eps.csv line 1: the columns (CHILD, DECOM, RNE, LS, FOO) are not those of any "
      "SSDA903 table of 2025/26; closest is Episodes (CHILD, DECOM, RNE, LS, CIN, PLACE, "
      "PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN), missing "
      "CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN, "
      "not expected FOO\n");
}

TEST(Bad903Files, ColumnOrderAndFileNamesDoNotMatter) {
  TempStore s;
  auto rep =
      Import903(*s, 2026,
                {{"a.csv", "MC_DOB,MOTHER,UPN,ETHNIC,DOB,SEX,CHILD\n,0,UN1,WBRI,10/05/2010,F,C1\n"},
                 {"b.txt", kEpisodes}},
                {"test"});
  ASSERT_TRUE(rep);
  EXPECT_TRUE(rep->problems.empty());
}

TEST(Bad903Files, ATableNotCollectedThatYear) {
  EXPECT_EQ(Refused({{"sw.csv", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n"}}, 2023),
            "sw.csv line 1: table SWEpisodes is not collected in 2022/23 (only from 2023/24)\n");
}

TEST(Bad903Files, Utf16IsRefused) {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string(kHeader)) utf16 += std::string{c, '\0'};
  const std::string msg = Refused({{"header16.csv", utf16}});
  EXPECT_NE(msg.find("header16.csv"), std::string::npos) << msg;
  EXPECT_NE(msg.find("UTF-16"), std::string::npos) << msg;
}

TEST(Bad903Files, ANonExistentDateIsNamedWithItsRowAndColumn) {
  std::string eps = kEpisodes;
  eps.replace(eps.find("01/05/2025"), 10, "31/02/2025");
  const std::string msg = Refused({{"h.csv", kHeader}, {"e.csv", eps}});
  EXPECT_EQ(msg.rfind("e.csv line 2, column DECOM, value \"31/02/2025\": ", 0), 0u) << msg;
  EXPECT_NE(msg.find("February"), std::string::npos) << msg;
}

TEST(Bad903Files, RaggedRowsAreRefused) {
  const std::string msg =
      Refused({{"h.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,F,10/05/2010,WBRI\n"}});
  EXPECT_NE(msg.find("h.csv line 2"), std::string::npos) << msg;
}

TEST(Bad903Files, EveryProblemIsReportedNotJustTheFirst) {
  std::string eps = std::string(kEpisodes) + "C1,01/06/2025,P,V9,N1,U6,PR1,,,,,,\n";
  const std::string msg = Refused({{"h.csv", kHeader}, {"e.csv", eps}});
  // A bad legal status, and an episode that does not follow on from the one before.
  EXPECT_NE(msg.find("e.csv line 3, column LS, value \"V9\""), std::string::npos) << msg;
  EXPECT_NE(msg.find("must end that day with REC X1"), std::string::npos) << msg;
}

TEST(Bad903Files, AChildMissingFromTheHeader) {
  EXPECT_EQ(Refused({{"e.csv", kEpisodes}}),
            "e.csv line 2, column CHILD, value \"C1\": child C1 is in Episodes but not in the "
            "Header table\n");
}

TEST(Bad903Files, ACodeNotValidThatYear) {
  std::string eps = kEpisodes;
  eps.replace(eps.find("U6"), 2, "Z1");  // Z1 ended in 2024/25; Z11-Z14 replaced it
  EXPECT_NE(Refused({{"h.csv", kHeader}, {"e.csv", eps}}).find("column PLACE, value \"Z1\""),
            std::string::npos);
}

TEST(Bad903Files, APlacementKeepsTheCodesOfTheYearItBegan) {
  // H5 ended with 2024/25; a placement begun then continues into 2025/26 through a change
  // of legal status only (RNE L), and is still H5.
  const std::string eps = std::string(kEpisodes, std::strchr(kEpisodes, '\n') + 1) +
                          "C1,01/06/2024,P,V2,N1,H5,PR4,01/06/2025,X1,,,,\n"
                          "C1,01/06/2025,L,C2,N1,H5,PR4,,,,,,\n";
  TempStore s;
  auto rep =
      Import903(*s, 2026, {{"h.csv", kHeader}, {"e.csv", eps}}, store::Actor{"test", "", ""});
  ASSERT_TRUE(rep);
  for (const Problem& p : rep->problems) ADD_FAILURE() << p.ToString();
  // A placement that begins in 2025/26 cannot be H5.
  EXPECT_NE(Refused({{"h.csv", kHeader},
                     {"e.csv", std::string(kEpisodes, std::strchr(kEpisodes, '\n') + 1) +
                                   "C1,01/06/2025,S,V2,N1,H5,PR4,,,,,,\n"}})
                .find("column PLACE, value \"H5\""),
            std::string::npos);
}

TEST(Bad903Files, SexCodedForAnotherYear) {
  std::string h = kHeader;
  h.replace(h.find(",F,"), 3, ",2,");
  EXPECT_EQ(Refused({{"h.csv", h}, {"e.csv", kEpisodes}}),
            "h.csv line 2, column SEX, value \"2\": is not a code of SEX in 2025/26 (allowed: M, "
            "F, U)\n");
}

}  // namespace
}  // namespace journey::returns
