// The rules of Header, Episodes, AD1, PlacedAdoption, UASC and Reviews: for each, a failing
// and a passing case at its boundary, on full tables (every column present).
#include <gtest/gtest.h>

#include "returns/ssda903_rules_testing.h"

namespace journey::returns {
namespace {

using testing::FindingsOf;
using testing::Row;
using testing::TableRows;
using testing::V;

TableRows Header(Row extra = {}) {
  Row r = {{"CHILD", "C1"},    {"SEX", "F"},   {"DOB", "10/05/2010"},
           {"ETHNIC", "WBRI"}, {"UPN", "UN1"}, {"MOTHER", "0"}};
  for (auto& [k, v] : extra) r[k] = v;
  return {"Header", {r}};
}
Row Ep(std::string decom, std::string dec = "", std::string rec = "", Row extra = {}) {
  Row r = {{"CHILD", "C1"}, {"DECOM", decom},          {"RNE", "S"}, {"LS", "C2"}, {"CIN", "N1"},
           {"PLACE", "U1"}, {"PLACE_PROVIDER", "PR1"}, {"DEC", dec}, {"REC", rec}};
  for (auto& [k, v] : extra) r[k] = v;
  return r;
}

TEST(Rules903Header, Rule168Upn) {
  EXPECT_EQ(FindingsOf("168", 2026, {Header({{"UPN", "A12345678901B"}})}), V{});
  EXPECT_EQ(FindingsOf("168", 2026, {Header({{"UPN", "UN5"}})}), V{});
  EXPECT_EQ(FindingsOf("168", 2026, {Header({{"UPN", "UN6"}})}), V{"Header 2 UPN"});
  // I, O and S are not first letters; 12 characters is one short.
  EXPECT_EQ(FindingsOf("168", 2026, {Header({{"UPN", "S123456789012"}})}), V{"Header 2 UPN"});
  EXPECT_EQ(FindingsOf("168", 2026, {Header({{"UPN", "A12345678901"}})}), V{"Header 2 UPN"});
}

TEST(Rules903Header, Rule171And174MothersChild) {
  EXPECT_EQ(FindingsOf("171", 2026, {Header({{"MOTHER", "1"}, {"MC_DOB", "29/02/2024"}})}), V{});
  EXPECT_EQ(FindingsOf("171", 2026, {Header({{"MOTHER", "1"}, {"MC_DOB", "29/02/2025"}})}),
            V{"Header 2 MC_DOB"});
  EXPECT_EQ(FindingsOf("174", 2026, {Header({{"MC_DOB", "01/01/2025"}})}), V{});
  EXPECT_EQ(
      FindingsOf("174", 2026, {Header({{"SEX", "M"}, {"MOTHER", ""}, {"MC_DOB", "01/01/2025"}})}),
      V{"Header 2 MC_DOB"});
  // Up to 2023/24 the male code is 1.
  EXPECT_EQ(
      FindingsOf("174", 2024, {Header({{"SEX", "1"}, {"MOTHER", ""}, {"MC_DOB", "01/01/2023"}})}),
      V{"Header 2 MC_DOB"});
  EXPECT_EQ(FindingsOf("174", 2024, {Header({{"SEX", "2"}, {"MC_DOB", "01/01/2023"}})}), V{});
}

TEST(Rules903Episodes, Rule141And147Dates) {
  EXPECT_EQ(FindingsOf("141", 2026, {Header(), {"Episodes", {Ep("31/03/2026")}}}), V{});
  EXPECT_EQ(FindingsOf("141", 2026, {Header(), {"Episodes", {Ep("31/04/2025")}}}),
            V{"Episodes 2 DECOM"});
  EXPECT_EQ(
      FindingsOf("147", 2026, {Header(), {"Episodes", {Ep("01/04/2025", "29/02/2028", "E4A")}}}),
      V{});
  EXPECT_EQ(
      FindingsOf("147", 2026, {Header(), {"Episodes", {Ep("01/04/2025", "29/02/2027", "E4A")}}}),
      V{"Episodes 2 DEC"});
}

TEST(Rules903Episodes, Rule142EarlierEpisodesHaveEnded) {
  const Row later = Ep("02/06/2025", "", "", {{"RNE", "P"}});
  EXPECT_EQ(FindingsOf("142", 2026,
                       {Header(), {"Episodes", {Ep("01/05/2025", "02/06/2025", "X1"), later}}}),
            V{});
  // The earlier episode has no REC; file order does not matter, DECOM does.
  EXPECT_EQ(FindingsOf("142", 2026,
                       {Header(), {"Episodes", {later, Ep("01/05/2025", "02/06/2025", "")}}}),
            V{"Episodes 3 REC"});
  // The latest may stay open.
  EXPECT_EQ(FindingsOf("142", 2026, {Header(), {"Episodes", {Ep("01/05/2025")}}}), V{});
}

TEST(Rules903Episodes, Rule148DecAndRecTogether) {
  EXPECT_EQ(
      FindingsOf("148", 2026, {Header(), {"Episodes", {Ep("01/05/2025", "02/06/2025", "E13")}}}),
      V{});
  EXPECT_EQ(FindingsOf("148", 2026, {Header(), {"Episodes", {Ep("01/05/2025", "02/06/2025", "")}}}),
            V{"Episodes 2 REC"});
  EXPECT_EQ(FindingsOf("148", 2026, {Header(), {"Episodes", {Ep("01/05/2025", "", "E13")}}}),
            V{"Episodes 2 REC"});
}

TEST(Rules903Episodes, Rule199NothingAfterAdoption) {
  const Row adopted = Ep("01/05/2025", "01/06/2025", "E11");
  EXPECT_EQ(FindingsOf("199", 2026, {Header(), {"Episodes", {adopted}}}), V{});
  EXPECT_EQ(FindingsOf("199", 2026, {Header(), {"Episodes", {adopted, Ep("02/06/2025")}}}),
            V{"Episodes 3 DECOM"});
  // An episode before the adoption is fine.
  EXPECT_EQ(FindingsOf("199", 2026,
                       {Header(), {"Episodes", {Ep("01/04/2025", "01/05/2025", "X1"), adopted}}}),
            V{});
  // Last year's adoption counts when last year's return is given.
  Read903 last =
      testing::ReadTables({Header(), {"Episodes", {Ep("01/05/2024", "01/06/2024", "E12")}}}, 2025);
  EXPECT_EQ(FindingsOf("199", 2026, {Header(), {"Episodes", {Ep("02/06/2025")}}}, &last),
            V{"Episodes 2 DECOM"});
  EXPECT_EQ(FindingsOf("199", 2026, {Header(), {"Episodes", {Ep("02/06/2025")}}}), V{});
}

TableRows Ad1(Row r) {
  Row base = {{"CHILD", "C1"},
              {"DOB", "10/05/2020"},
              {"DATE_INT", "01/05/2025"},
              {"DATE_MATCH", "01/06/2025"},
              {"FOSTER_CARE", "1"},
              {"NB_ADOPTR", "2"},
              {"SEX_ADOPTR", "MF"},
              {"LS_ADOPTR", "L11"}};
  for (auto& [k, v] : r) base[k] = v;
  return {"AD1", {base}};
}
TableRows Placed(Row r) {
  Row base = {{"CHILD", "C1"}, {"DOB", "10/05/2010"}, {"DATE_PLACED", "01/05/2025"}};
  for (auto& [k, v] : r) base[k] = v;
  return {"PlacedAdoption", {base}};
}

TEST(Rules903Adoption, DateRules112To116) {
  EXPECT_EQ(FindingsOf("112", 2026, {Ad1({})}), V{});
  EXPECT_EQ(FindingsOf("112", 2026, {Ad1({{"DATE_INT", "1/5/25"}})}), V{"AD1 2 DATE_INT"});
  EXPECT_EQ(FindingsOf("113", 2026, {Ad1({{"DATE_MATCH", "32/05/2025"}})}), V{"AD1 2 DATE_MATCH"});
  EXPECT_EQ(FindingsOf("115", 2026, {Placed({})}), V{});
  EXPECT_EQ(FindingsOf("115", 2026, {Placed({{"DATE_PLACED", "2025-05-01"}})}),
            V{"PlacedAdoption 2 DATE_PLACED"});
  EXPECT_EQ(FindingsOf("116", 2026, {Placed({{"DATE_PLACED_CEASED", "00/01/2026"}})}),
            V{"PlacedAdoption 2 DATE_PLACED_CEASED"});
}

TEST(Rules903Adoption, Rule117NotAfterTheYearOrLeavingCare) {
  const TableRows eps = {"Episodes", {Ep("01/05/2020", "01/08/2025", "E11")}};
  EXPECT_EQ(FindingsOf("117", 2026, {Header(), eps, Placed({{"DATE_PLACED", "01/08/2025"}})}), V{});
  EXPECT_EQ(FindingsOf("117", 2026, {Header(), eps, Placed({{"DATE_PLACED", "02/08/2025"}})}),
            V{"PlacedAdoption 2 DATE_PLACED"});
  const TableRows open = {"Episodes", {Ep("01/05/2020")}};
  EXPECT_EQ(FindingsOf("117", 2026, {Header(), open, Placed({{"DATE_PLACED", "31/03/2026"}})}),
            V{});
  EXPECT_EQ(FindingsOf("117", 2026, {Header(), open, Placed({{"DATE_PLACED", "01/04/2026"}})}),
            V{"PlacedAdoption 2 DATE_PLACED"});
}

TEST(Rules903Adoption, Rule118CeasedInTheYearAndAfterCareBegan) {
  const TableRows eps = {"Episodes", {Ep("01/05/2025")}};
  auto ceased = [](std::string d) {
    return Placed({{"DATE_PLACED", "01/05/2025"},
                   {"DATE_PLACED_CEASED", d},
                   {"REASON_PLACED_CEASED", "RD1"}});
  };
  EXPECT_EQ(FindingsOf("118", 2026, {Header(), eps, ceased("01/05/2025")}), V{});
  EXPECT_EQ(FindingsOf("118", 2026, {Header(), eps, ceased("30/04/2025")}),
            V{"PlacedAdoption 2 DATE_PLACED_CEASED"});
  const TableRows earlier = {"Episodes", {Ep("01/05/2020")}};
  EXPECT_EQ(FindingsOf("118", 2026, {Header(), earlier, ceased("01/04/2025")}), V{});
  EXPECT_EQ(FindingsOf("118", 2026, {Header(), earlier, ceased("31/03/2025")}),
            V{"PlacedAdoption 2 DATE_PLACED_CEASED"});
}

TEST(Rules903Adoption, Rule119And151AllOrNothing) {
  EXPECT_EQ(
      FindingsOf("119", 2026,
                 {Placed({{"DATE_PLACED_CEASED", "01/06/2025"}, {"REASON_PLACED_CEASED", "RD1"}})}),
      V{});
  EXPECT_EQ(FindingsOf("119", 2026, {Placed({{"DATE_PLACED_CEASED", "01/06/2025"}})}),
            V{"PlacedAdoption 2 REASON_PLACED_CEASED"});
  EXPECT_EQ(FindingsOf("151", 2026, {Ad1({})}), V{});
  EXPECT_EQ(FindingsOf("151", 2026, {Ad1({{"LS_ADOPTR", ""}})}), V{"AD1 2 DATE_INT"});
}

TEST(Rules903Adoption, Rule184NotBeforeBirth) {
  EXPECT_EQ(FindingsOf("184", 2026, {Header(), Placed({{"DATE_PLACED", "10/05/2010"}})}), V{});
  EXPECT_EQ(FindingsOf("184", 2026, {Header(), Placed({{"DATE_PLACED", "09/05/2010"}})}),
            V{"PlacedAdoption 2 DATE_PLACED"});
}

TEST(Rules903Adoption, Rule134NotBothAdoptionAndCareLeaver) {
  const TableRows oc3 = {"OC3",
                         {{{"CHILD", "C1"},
                           {"DOB", "10/05/2008"},
                           {"IN_TOUCH", "YES"},
                           {"ACTIV", "F2"},
                           {"ACCOM", "U1"}}}};
  const TableRows other = {"OC3",
                           {{{"CHILD", "C2"},
                             {"DOB", "10/05/2008"},
                             {"IN_TOUCH", "YES"},
                             {"ACTIV", "F2"},
                             {"ACCOM", "U1"}}}};
  EXPECT_EQ(FindingsOf("134", 2026, {Ad1({}), other}), V{});
  EXPECT_EQ(FindingsOf("134", 2026, {Ad1({}), oc3}), V{"AD1 2 DATE_INT"});
}

TEST(Rules903Other, Rule104And166) {
  auto uasc = [](std::string duc) {
    return TableRows{"UASC",
                     {{{"CHILD", "C1"}, {"SEX", "F"}, {"DOB", "10/05/2008"}, {"DUC", duc}}}};
  };
  EXPECT_EQ(FindingsOf("104", 2026, {uasc("01/04/2025")}), V{});
  EXPECT_EQ(FindingsOf("104", 2026, {uasc("31/03/2025")}), V{"UASC 2 DUC"});
  EXPECT_EQ(FindingsOf("104", 2026, {uasc("31/09/2025")}), V{"UASC 2 DUC"});
  auto review = [](std::string d) {
    return TableRows{
        "Reviews",
        {{{"CHILD", "C1"}, {"DOB", "10/05/2008"}, {"REVIEW", d}, {"REVIEW_CODE", "PN1"}}}};
  };
  EXPECT_EQ(FindingsOf("166", 2026, {review("01/05/2025")}), V{});
  EXPECT_EQ(FindingsOf("166", 2026, {review("")}), V{"Reviews 2 REVIEW"});
  EXPECT_EQ(FindingsOf("166", 2026, {review("01/13/2025")}), V{"Reviews 2 REVIEW"});
}

}  // namespace
}  // namespace journey::returns
