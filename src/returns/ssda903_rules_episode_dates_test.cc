// Rules on episode dates, ages and continuity (ssda903_rules_episode_dates.cc): for each, a
// failing and a passing case at its boundary, on full tables.
#include <gtest/gtest.h>

#include "returns/ssda903_rules_testing.h"

namespace journey::returns {
namespace {

using testing::FindingsOf;
using testing::Row;
using testing::TableRows;
using testing::V;

TableRows Header(std::string dob = "10/05/2010") {
  return {"Header",
          {{{"CHILD", "C1"},
            {"SEX", "F"},
            {"DOB", dob},
            {"ETHNIC", "WBRI"},
            {"UPN", "UN1"},
            {"MOTHER", "0"}}}};
}
Row Ep(std::string decom, std::string dec = "", std::string rec = "", Row extra = {}) {
  Row r = {{"CHILD", "C1"}, {"DECOM", decom},          {"RNE", "S"}, {"LS", "C2"}, {"CIN", "N1"},
           {"PLACE", "U1"}, {"PLACE_PROVIDER", "PR1"}, {"DEC", dec}, {"REC", rec}};
  for (auto& [k, v] : extra) r[k] = v;
  return r;
}
V Of(const std::string& rule, std::vector<Row> eps, std::string dob = "10/05/2010") {
  return FindingsOf(rule, 2026, {Header(dob), {"Episodes", std::move(eps)}});
}

TEST(Rules903EpisodeDates, Rule351Over21) {
  // 21 on 1 April 2025 itself is not over 21; a day older is.
  EXPECT_EQ(FindingsOf("351", 2026, {Header("01/04/2004")}), V{});
  EXPECT_EQ(FindingsOf("351", 2026, {Header("31/03/2004")}), V{"Header 2 DOB"});
}

TEST(Rules903EpisodeDates, Rule352StartsAt18) {
  EXPECT_EQ(Of("352", {Ep("09/05/2028")}), V{});
  EXPECT_EQ(Of("352", {Ep("10/05/2028")}), V{"Episodes 2 DECOM"});
  EXPECT_EQ(Of("352", {Ep("10/05/2028", "", "", {{"RNE", "L"}})}), V{});
}

TEST(Rules903EpisodeDates, Rules354And385NotAfterTheYear) {
  EXPECT_EQ(Of("354", {Ep("31/03/2026")}), V{});
  EXPECT_EQ(Of("354", {Ep("01/04/2026")}), V{"Episodes 2 DECOM"});
  EXPECT_EQ(Of("385", {Ep("01/05/2025", "31/03/2026", "E4A")}), V{});
  EXPECT_EQ(Of("385", {Ep("01/05/2025", "01/04/2026", "E4A")}), V{"Episodes 2 DEC"});
}

TEST(Rules903EpisodeDates, Rules355And356DecAgainstDecom) {
  EXPECT_EQ(Of("355", {Ep("01/05/2025", "02/05/2025", "E4A")}), V{});
  EXPECT_EQ(Of("355", {Ep("01/05/2025", "01/05/2025", "E4A")}), V{"Episodes 2 DEC"});
  EXPECT_EQ(Of("356", {Ep("01/05/2025", "01/05/2025", "E4A")}), V{});
  EXPECT_EQ(Of("356", {Ep("01/05/2025", "30/04/2025", "E4A")}), V{"Episodes 2 DEC"});
}

TEST(Rules903EpisodeDates, Rule357FirstEpisodeStartsCare) {
  EXPECT_EQ(Of("357", {Ep("01/04/2025")}), V{});
  EXPECT_EQ(Of("357", {Ep("01/04/2025", "", "", {{"RNE", "P"}})}), V{"Episodes 2 RNE"});
  // A first episode before the year may continue a period begun earlier.
  EXPECT_EQ(Of("357", {Ep("31/03/2025", "", "", {{"RNE", "P"}})}), V{});
  // Only the first: a later RNE P is a change of placement.
  EXPECT_EQ(
      Of("357", {Ep("01/05/2025", "01/06/2025", "X1"), Ep("01/06/2025", "", "", {{"RNE", "P"}})}),
      V{});
}

TEST(Rules903EpisodeDates, Rule358YouthJusticeOver10) {
  EXPECT_EQ(Of("358", {Ep("11/05/2020", "", "", {{"LS", "J1"}})}, "10/05/2010"), V{});
  EXPECT_EQ(Of("358", {Ep("10/05/2020", "", "", {{"LS", "J2"}})}, "10/05/2010"),
            V{"Episodes 2 LS"});
}

TEST(Rules903EpisodeDates, Rule359Over18OnlyV2InK2) {
  // 18 on 30 March 2026: still looked after at 31 March.
  EXPECT_EQ(Of("359", {Ep("01/05/2025")}, "30/03/2008"), V{"Episodes 2 LS"});
  EXPECT_EQ(Of("359", {Ep("01/05/2025", "", "", {{"LS", "V2"}, {"PLACE", "K2"}})}, "30/03/2008"),
            V{});
  // 18 on 31 March itself is not yet over.
  EXPECT_EQ(Of("359", {Ep("01/05/2025")}, "31/03/2008"), V{});
  EXPECT_EQ(Of("359", {Ep("01/05/2025", "29/03/2026", "E4A")}, "30/03/2008"), V{});
}

TEST(Rules903EpisodeDates, Rules386And387AgesAtLeaving) {
  EXPECT_EQ(Of("386", {Ep("01/05/2025", "09/05/2028", "E11")}, "10/05/2010"), V{});
  EXPECT_EQ(Of("386", {Ep("01/05/2025", "31/03/2026", "E12")}, "31/03/2008"), V{"Episodes 2 REC"});
  EXPECT_EQ(Of("387", {Ep("01/05/2025", "10/05/2025", "E5")}, "10/05/2011"), V{});
  EXPECT_EQ(Of("387", {Ep("01/05/2025", "09/05/2025", "E6")}, "10/05/2011"), V{"Episodes 2 REC"});
}

TEST(Rules903EpisodeDates, Rule389AdultCareFrom16) {
  EXPECT_EQ(Of("389", {Ep("01/05/2025", "10/05/2025", "E7")}, "10/05/2009"), V{});
  EXPECT_EQ(Of("389", {Ep("01/05/2025", "09/05/2025", "E7")}, "10/05/2009"), V{"Episodes 2 REC"});
}

TEST(Rules903EpisodeDates, Rule388X1ExactlyWhenTheNextBegins) {
  EXPECT_EQ(
      Of("388", {Ep("01/05/2025", "01/06/2025", "X1"), Ep("01/06/2025", "", "", {{"RNE", "P"}})}),
      V{});
  // The next begins a day later: not X1's shape.
  EXPECT_EQ(Of("388", {Ep("01/05/2025", "01/06/2025", "X1"), Ep("02/06/2025")}),
            V{"Episodes 2 REC"});
  // Left care the day the next begins: should have been X1.
  EXPECT_EQ(Of("388", {Ep("01/05/2025", "01/06/2025", "E4A"), Ep("01/06/2025")}),
            V{"Episodes 2 REC"});
  // The last episode does not end X1.
  EXPECT_EQ(Of("388", {Ep("01/05/2025", "01/06/2025", "X1")}), V{"Episodes 2 REC"});
  EXPECT_EQ(Of("388", {Ep("01/05/2025", "01/06/2025", "E4A")}), V{});
}

}  // namespace
}  // namespace journey::returns
