// Rules on changes between episodes and on date- and age-bound codes
// (ssda903_rules_changes.cc): for each, a failing and a passing case at its boundary.
#include <gtest/gtest.h>

#include "returns/ssda903_rules_testing.h"

namespace journey::returns {
namespace {

using testing::FindingsOf;
using testing::Row;
using testing::TableRows;
using testing::V;

TableRows Header() {
  return {"Header",
          {{{"CHILD", "C1"},
            {"SEX", "F"},
            {"DOB", "29/02/2012"},
            {"ETHNIC", "WBRI"},
            {"UPN", "UN1"},
            {"MOTHER", "0"}}}};
}
Row Ep(std::string decom, std::string dec, std::string rec, Row extra = {}) {
  Row r = {{"CHILD", "C1"}, {"DECOM", decom},      {"RNE", "S"},
           {"LS", "C2"},    {"CIN", "N1"},         {"PLACE", "U1"},
           {"DEC", dec},    {"REC", rec},          {"PLACE_PROVIDER", "PR1"},
           {"URN", "SC1"},  {"PL_POST", "AB1 2CD"}};
  for (auto& [k, v] : extra) r[k] = v;
  return r;
}
V Of(const std::string& rule, std::vector<Row> eps) {
  return FindingsOf(rule, 2026, {Header(), {"Episodes", std::move(eps)}});
}

TEST(Rules903Changes, Rule431NewPeriodAfterTheLastEnded) {
  EXPECT_EQ(Of("431", {Ep("01/05/2025", "01/06/2025", "E4A"), Ep("02/06/2025", "", "")}), V{});
  EXPECT_EQ(Of("431", {Ep("01/05/2025", "01/06/2025", "E4A"), Ep("01/06/2025", "", "")}),
            V{"Episodes 3 RNE"});
}

TEST(Rules903Changes, Rules433And434Continuations) {
  const Row first = Ep("01/05/2025", "01/06/2025", "X1");
  EXPECT_EQ(Of("433", {first, Ep("01/06/2025", "", "", {{"RNE", "P"}, {"URN", "SC2"}})}), V{});
  EXPECT_EQ(Of("433", {first, Ep("02/06/2025", "", "", {{"RNE", "P"}, {"URN", "SC2"}})}),
            V{"Episodes 3 RNE"});
  EXPECT_EQ(Of("434", {first, Ep("01/06/2025", "", "", {{"RNE", "L"}, {"LS", "C1"}})}), V{});
  EXPECT_EQ(Of("434", {first, Ep("01/06/2025", "", "", {{"RNE", "L"}})}), V{"Episodes 3 RNE"});
  EXPECT_EQ(
      Of("434", {first, Ep("01/06/2025", "", "", {{"RNE", "L"}, {"LS", "C1"}, {"URN", "SC2"}})}),
      V{"Episodes 3 RNE"});
}

TEST(Rules903Changes, Rule437NothingAfterDeathOrAdulthood) {
  EXPECT_EQ(Of("437", {Ep("01/05/2025", "01/06/2025", "E4A"), Ep("02/06/2025", "", "")}), V{});
  EXPECT_EQ(Of("437", {Ep("01/05/2025", "01/06/2025", "E15"), Ep("02/06/2025", "", "")}),
            V{"Episodes 3 REC"});
}

TEST(Rules903Changes, Rule436BothChanged) {
  const Row first = Ep("01/05/2025", "01/06/2025", "X1");
  EXPECT_EQ(
      Of("436", {first, Ep("01/06/2025", "", "", {{"RNE", "B"}, {"LS", "C1"}, {"URN", "SC2"}})}),
      V{});
  // Only the legal status changed: that is RNE L.
  EXPECT_EQ(Of("436", {first, Ep("01/06/2025", "", "", {{"RNE", "B"}, {"LS", "C1"}})}),
            V{"Episodes 3 RNE"});
  // Only the placement changed: that is RNE P.
  EXPECT_EQ(Of("436", {first, Ep("01/06/2025", "", "", {{"RNE", "U"}, {"PL_POST", "AB9 9ZZ"}})}),
            V{"Episodes 3 RNE"});
}

TEST(Rules903Changes, Rules440And441ParticipationByAge) {
  // Born 15/03/2021: 4 on 15/03/2025; a review that day may use either code.
  auto review = [](std::string date, std::string code) {
    TableRows t = {
        "Reviews",
        {{{"CHILD", "C1"}, {"DOB", "15/03/2021"}, {"REVIEW", date}, {"REVIEW_CODE", code}}}};
    return FindingsOf(code == "PN0" ? "440" : "441", 2026, {Header(), t});
  };
  EXPECT_EQ(review("15/03/2025", "PN0"), V{});
  EXPECT_EQ(review("16/03/2025", "PN0"), V{"Reviews 2 REVIEW_CODE"});
  EXPECT_EQ(review("15/03/2025", "PN1"), V{});
  EXPECT_EQ(review("14/03/2025", "PN7"), V{"Reviews 2 REVIEW_CODE"});
}

TEST(Rules903Changes, Rule446E1FromDecember2005) {
  EXPECT_EQ(Of("446", {Ep("01/12/2005", "", "", {{"LS", "E1"}})}), V{});
  EXPECT_EQ(Of("446", {Ep("30/11/2005", "", "", {{"LS", "E1"}})}), V{"Episodes 2 LS"});
}

}  // namespace
}  // namespace journey::returns
