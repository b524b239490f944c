// Rules on legal statuses and placements over time (ssda903_rules_placements.cc): for each,
// a failing and a passing case at its boundary, on full tables.
#include <gtest/gtest.h>

#include <cstdio>

#include "returns/ssda903_rules_testing.h"

namespace journey::returns {
namespace {

using testing::FindingsOf;
using testing::Row;
using testing::TableRows;
using testing::V;

Row Ep(std::string decom, std::string dec, std::string rec, Row extra = {}) {
  Row r = {{"CHILD", "C1"}, {"DECOM", decom},          {"RNE", "S"}, {"LS", "C2"}, {"CIN", "N1"},
           {"PLACE", "U1"}, {"PLACE_PROVIDER", "PR1"}, {"DEC", dec}, {"REC", rec}};
  for (auto& [k, v] : extra) r[k] = v;
  return r;
}
// "dd/mm/2025" for a day of a month of 2025.
std::string DayOf(int day, int month) {
  char b[11];
  std::snprintf(b, sizeof b, "%02d/%02d/2025", day, month);
  return b;
}
V Of(const std::string& rule, std::vector<Row> eps) {
  TableRows header = {"Header",
                      {{{"CHILD", "C1"},
                        {"SEX", "F"},
                        {"DOB", "10/05/2010"},
                        {"ETHNIC", "WBRI"},
                        {"UPN", "UN1"},
                        {"MOTHER", "0"}}}};
  return FindingsOf(rule, 2026, {header, {"Episodes", std::move(eps)}});
}

TEST(Rules903Placements, Rule361PoliceProtection72Hours) {
  EXPECT_EQ(Of("361", {Ep("01/06/2025", "04/06/2025", "E4A", {{"LS", "L1"}})}), V{});
  EXPECT_EQ(Of("361", {Ep("01/06/2025", "05/06/2025", "E4A", {{"LS", "L1"}})}), V{"Episodes 2 LS"});
  // Two L1 episodes one after the other are one spell: 2 + 2 days.
  EXPECT_EQ(Of("361", {Ep("01/06/2025", "03/06/2025", "X1", {{"LS", "L1"}}),
                       Ep("03/06/2025", "05/06/2025", "E4A", {{"LS", "L1"}, {"RNE", "P"}})}),
            (V{"Episodes 2 LS", "Episodes 3 LS"}));
  // Open at 31 March counts to 31 March.
  EXPECT_EQ(Of("361", {Ep("28/03/2026", "", "", {{"LS", "L1"}})}), V{});
  EXPECT_EQ(Of("361", {Ep("27/03/2026", "", "", {{"LS", "L1"}})}), V{"Episodes 2 LS"});
}

TEST(Rules903Placements, Rules362To364OrderLimits) {
  EXPECT_EQ(Of("362", {Ep("01/06/2025", "22/06/2025", "E4A", {{"LS", "L2"}})}), V{});
  EXPECT_EQ(Of("362", {Ep("01/06/2025", "23/06/2025", "E4A", {{"LS", "L2"}})}), V{"Episodes 2 LS"});
  EXPECT_EQ(Of("363", {Ep("01/06/2025", "08/06/2025", "E4A", {{"LS", "L3"}})}), V{});
  EXPECT_EQ(Of("363", {Ep("01/06/2025", "09/06/2025", "E4A", {{"LS", "L3"}})}), V{"Episodes 2 LS"});
  EXPECT_EQ(Of("364", {Ep("01/06/2025", "22/06/2025", "E4A", {{"LS", "J2"}})}), V{});
  EXPECT_EQ(Of("364", {Ep("01/06/2025", "23/06/2025", "E4A", {{"LS", "J2"}})}), V{"Episodes 2 LS"});
  // A break between two spells: each is measured alone.
  EXPECT_EQ(Of("364", {Ep("01/06/2025", "15/06/2025", "E4A", {{"LS", "J2"}}),
                       Ep("16/06/2025", "30/06/2025", "E4A", {{"LS", "J2"}})}),
            V{});
}

TEST(Rules903Placements, Rules365To367Respite) {
  EXPECT_EQ(Of("365", {Ep("01/06/2025", "18/06/2025", "E13", {{"LS", "V3"}})}), V{});
  EXPECT_EQ(Of("365", {Ep("01/06/2025", "19/06/2025", "E13", {{"LS", "V3"}})}),
            V{"Episodes 2 DEC"});
  EXPECT_EQ(Of("366", {Ep("01/06/2025", "05/06/2025", "E13", {{"LS", "V3"}})}), V{});
  EXPECT_EQ(Of("366", {Ep("01/06/2025", "05/06/2025", "E13", {{"LS", "V3"}, {"RNE", "P"}})}),
            V{"Episodes 2 RNE"});
  // Five stays of 15 days = 75: allowed; a sixth day more is not.
  std::vector<Row> stays;
  for (int m = 5; m <= 9; ++m)
    stays.push_back(Ep(DayOf(1, m), DayOf(16, m), "E13", {{"LS", "V3"}}));
  EXPECT_EQ(Of("367", stays), V{});
  stays.back()["DEC"] = "17/09/2025";
  EXPECT_EQ(Of("367", stays).size(), 5u);
}

TEST(Rules903Placements, Rules375To379Temporary) {
  auto t = [](std::string place, std::string dec) {
    return Of(
        place == "T1"   ? "375"
        : place == "T3" ? "376"
                        : "379",
        {Ep("01/06/2025", dec, "X1", {{"PLACE", place}, {"RNE", "P"}, {"PLACE_PROVIDER", ""}})});
  };
  EXPECT_EQ(t("T1", "13/07/2025"), V{});
  EXPECT_EQ(t("T1", "14/07/2025"), V{"Episodes 2 DEC"});
  EXPECT_EQ(t("T3", "22/06/2025"), V{});
  EXPECT_EQ(t("T3", "23/06/2025"), V{"Episodes 2 DEC"});
  EXPECT_EQ(t("T4", "08/06/2025"), V{});
  EXPECT_EQ(t("T4", "09/06/2025"), V{"Episodes 2 DEC"});
  std::vector<Row> t3;
  for (int m = 5; m <= 7; ++m)
    t3.push_back(Ep(DayOf(1, m), DayOf(3, m), "X1", {{"PLACE", "T3"}, {"RNE", "P"}}));
  EXPECT_EQ(Of("377", t3).size(), 3u);
  t3.pop_back();
  EXPECT_EQ(Of("377", t3), V{});
}

TEST(Rules903Placements, Rules378_380_381_384Combinations) {
  EXPECT_EQ(Of("378", {Ep("01/06/2025", "", "", {{"PLACE", "P1"}, {"LS", "C2"}})}), V{});
  EXPECT_EQ(Of("378", {Ep("01/06/2025", "", "", {{"PLACE", "P1"}, {"LS", "V2"}})}),
            V{"Episodes 2 PLACE"});
  EXPECT_EQ(Of("380", {Ep("01/06/2025", "", "", {{"PLACE", "T0"}, {"RNE", "B"}})}), V{});
  EXPECT_EQ(Of("380", {Ep("01/06/2025", "", "", {{"PLACE", "T0"}, {"RNE", "S"}})}),
            V{"Episodes 2 RNE"});
  EXPECT_EQ(Of("381", {Ep("01/06/2025", "03/06/2025", "X1", {{"PLACE", "T2"}})}), V{});
  EXPECT_EQ(Of("381", {Ep("01/06/2025", "03/06/2025", "E4A", {{"PLACE", "T2"}})}),
            V{"Episodes 2 REC"});
  EXPECT_EQ(Of("384", {Ep("01/06/2025", "03/06/2025", "E13", {{"LS", "V3"}, {"PLACE", "U3"}})}),
            V{});
  EXPECT_EQ(Of("384", {Ep("01/06/2025", "03/06/2025", "E13", {{"LS", "V4"}, {"PLACE", "U4"}})}),
            V{"Episodes 2 PLACE"});
}

TEST(Rules903Placements, Rules390And398) {
  EXPECT_EQ(Of("390", {Ep("01/06/2025", "03/09/2025", "E11", {{"PLACE", "A5"}})}), V{});
  EXPECT_EQ(Of("390", {Ep("01/06/2025", "03/09/2025", "E12", {{"PLACE", "U1"}})}),
            V{"Episodes 2 PLACE"});
  EXPECT_EQ(Of("398", {Ep("01/06/2025", "03/06/2025", "E13", {{"LS", "V4"}})}), V{});
  EXPECT_EQ(
      Of("398", {Ep("01/06/2025", "03/06/2025", "E13", {{"LS", "V4"}, {"HOME_POST", "AB1 2CD"}})}),
      V{"Episodes 2 HOME_POST"});
}

}  // namespace
}  // namespace journey::returns
