#include "returns/ssda903_export.h"

#include <gtest/gtest.h>

#include "returns/ssda903_test_util.h"

namespace journey::returns {
namespace {

using testing::Csv;
using testing::TempStore;

class Export903Test : public ::testing::Test {
 protected:
  void SetUp() override { store_.LoadText(testing::Council()); }
  Return903 Export(int year) {
    auto r = Export903(*store_, year);
    EXPECT_TRUE(r) << r.error().ToString();
    return r ? *r : Return903{};
  }
  TempStore store_;
};

TEST_F(Export903Test, TablesOfTheYearInOrder) {
  Return903 r = Export(2026);
  std::vector<std::string> names;
  for (const Table903& t : r.tables) names.push_back(t.spec->name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"Header", "Episodes", "Reviews", "UASC", "OC2", "OC3", "AD1",
                                      "PlacedAdoption", "PrevPerm", "Missing", "SWEpisodes"}));
  // SWEpisodes began in 2023/24; DoLo begins in 2026/27.
  EXPECT_EQ(Export(2023).Find("SWEpisodes"), nullptr);
  EXPECT_NE(Export(2027).Find("DoLo"), nullptr);
}

TEST_F(Export903Test, HeaderHasEveryChildOfTheReturnAndNoOther) {
  // C5 ceased before the year; C4 is a care leaver (OC3) only; B9 is C1's baby.
  EXPECT_EQ(Csv(Export(2026), "Header"),
            "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
            "C1,F,10/05/2010,WBRI,A123456789012,1,01/12/2025\n"
            "C2,M,15/01/2009,BAFR,UN2,,\n"
            "C3,F,02/02/2020,MWBC,UN1,0,\n"
            "C4,M,20/06/2007,WBRI,B123456789012,,\n");
}

TEST_F(Export903Test, SexIsCodedByTheYearsCodeList) {
  // 1 and 2 up to 2023/24 (data/ssda903_values.csv); C1 was not yet a mother then.
  EXPECT_EQ(Csv(Export(2024), "Header"),
            "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
            "C1,2,10/05/2010,WBRI,A123456789012,0,\n"
            "C3,2,02/02/2020,MWBC,UN1,0,\n"
            "C4,1,20/06/2007,WBRI,B123456789012,,\n"
            "C5,1,01/01/2012,WBRI,UN1,,\n");
}

TEST_F(Export903Test, EpisodesOpenDuringTheYearWithOpenOnesBlankAtTheEnd) {
  EXPECT_EQ(Csv(Export(2026), "Episodes"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
            "PL_POST,URN\n"
            "C1,01/02/2024,P,C1,N1,U4,PR4,01/09/2025,X1,,AB9 9ZZ,AB3 4EF,SC123456\n"
            "C1,01/09/2025,L,C2,N1,U4,PR4,,,,AB9 9ZZ,AB3 4EF,SC123456\n"
            "C2,03/05/2025,S,V2,N8,K2,PR4,20/11/2025,E4A,,,ZZ1 1ZZ,SC999999\n"
            "C3,01/03/2024,B,E1,N1,A6,PR1,10/10/2025,E11,,,AB7 8IJ,\n");
  // In 2024/25 C1's second episode was still open at 31 March 2025: DEC and REC blank.
  EXPECT_EQ(Csv(Export(2025), "Episodes"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
            "PL_POST,URN\n"
            "C1,01/02/2024,P,C1,N1,U4,PR4,,,,AB9 9ZZ,AB3 4EF,SC123456\n"
            "C3,01/03/2024,B,E1,N1,A6,PR1,,,,,AB7 8IJ,\n"
            "C4,01/03/2022,S,V2,N4,U6,PR4,01/07/2024,E5,,,,\n"
            "C5,01/01/2023,S,V2,N1,U6,PR1,01/05/2024,E4A,,,,\n");
}

TEST_F(Export903Test, TheOtherTables) {
  Return903 r = Export(2026);
  EXPECT_EQ(Csv(r, "Reviews"),
            "CHILD,DOB,REVIEW,REVIEW_CODE\n"
            "C1,10/05/2010,15/09/2025,PN1\nC1,10/05/2010,10/03/2026,PN2\n");
  EXPECT_EQ(Csv(r, "UASC"), "CHILD,SEX,DOB,DUC\nC2,M,15/01/2009,15/01/2027\n");
  // OC2: only C1 was looked after continuously for 12 months at 31 March 2026. The optician
  // check counts for nothing; immunisations were up to date on the latest record.
  EXPECT_EQ(Csv(r, "OC2"),
            "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,"
            "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n"
            "C1,10/05/2010,14,,0,1,1,1,0,0,,\n");
  EXPECT_EQ(Csv(r, "OC3"), "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC4,20/06/2007,YES,F2,U1\n");
  EXPECT_EQ(Csv(r, "AD1"),
            "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n"
            "C3,02/02/2020,01/05/2023,01/12/2023,0,2,MF,L11\n");
  EXPECT_EQ(Csv(r, "PlacedAdoption"),
            "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n"
            "C3,02/02/2020,01/05/2023,,\n");
  EXPECT_EQ(Csv(r, "PrevPerm"), "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC2,15/01/2009,Z1,,\n");
  EXPECT_EQ(Csv(r, "Missing"),
            "CHILD,DOB,MISSING,MIS_START,MIS_END\nC2,15/01/2009,M,01/07/2025,02/07/2025\n");
  EXPECT_EQ(Csv(r, "SWEpisodes"),
            "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n"
            "C1,10/05/2010,SW123456,01/01/2024,,FCONTA\n");
}

TEST_F(Export903Test, Oc3WindowIsThreeMonthsBeforeToOneMonthAfterTheBirthday) {
  // C4's status of 1 July 2025 is 11 days after the 18th birthday: inside the window.
  EXPECT_NE(Csv(Export(2026), "OC3").find("C4,"), std::string::npos);
  // Their 17th birthday (20 June 2024) had no status near it: no OC3 row in 2024/25.
  EXPECT_EQ(Csv(Export(2025), "OC3"), "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n");
}

TEST_F(Export903Test, WritesOneFilePerTable) {
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("journey_903_out_" + std::to_string(::getpid())))
          .string();
  ASSERT_TRUE(WriteReturn(Export(2026), dir).ok());
  EXPECT_EQ(testing::ReadText(dir + "/Episodes.csv"), Csv(Export(2026), "Episodes"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace journey::returns
