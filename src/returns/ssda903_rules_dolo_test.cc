// The DoLo rules (700-710, from 2026/27): for each, a failing and a passing case at its
// boundary, on full tables. Collection year 2026/27: 1 April 2026 to 31 March 2027.
#include <gtest/gtest.h>

#include "returns/ssda903_rules_testing.h"

namespace journey::returns {
namespace {

using testing::FindingsOf;
using testing::Row;
using testing::TableRows;
using testing::V;

Row Order(std::string start, std::string end = "", std::string child = "C1") {
  return {{"CHILD", child}, {"DOB", "10/05/2012"}, {"DOLO_START", start}, {"DOLO_END", end}};
}
TableRows DoLo(std::vector<Row> rows) { return {"DoLo", std::move(rows)}; }
Row Ep(std::string decom, std::string place, std::string dec = "", std::string rec = "") {
  return {{"CHILD", "C1"},  {"DECOM", decom},          {"RNE", "S"}, {"LS", "C2"}, {"CIN", "N1"},
          {"PLACE", place}, {"PLACE_PROVIDER", "PR1"}, {"DEC", dec}, {"REC", rec}};
}

TEST(Rules903DoLo, OnlyFrom2026_27) {
  // The table itself is refused before 2026/27, so its rules cannot run earlier.
  int before = 0, from = 0;
  for (const Rule* r : RulesFor(2026)) before += r->code >= "700" && r->code <= "710";
  for (const Rule* r : RulesFor(2027)) from += r->code >= "700" && r->code <= "710";
  EXPECT_EQ(before, 0);
  EXPECT_EQ(from, 11);
}

TEST(Rules903DoLo, DateRules700To704) {
  EXPECT_EQ(FindingsOf("700", 2027, {DoLo({Order("01/05/2026")})}), V{});
  EXPECT_EQ(FindingsOf("700", 2027, {DoLo({Order("")})}), V{"DoLo 2 DOLO_START"});
  EXPECT_EQ(FindingsOf("701", 2027, {DoLo({Order("01/05/2026", "31/06/2026")})}),
            V{"DoLo 2 DOLO_END"});
  EXPECT_EQ(FindingsOf("702", 2027, {DoLo({Order("01/05/2026", "02/05/2026")})}), V{});
  EXPECT_EQ(FindingsOf("702", 2027, {DoLo({Order("01/05/2026", "01/05/2026")})}),
            V{"DoLo 2 DOLO_END"});
  EXPECT_EQ(FindingsOf("703", 2027, {DoLo({Order("31/03/2027")})}), V{});
  EXPECT_EQ(FindingsOf("703", 2027, {DoLo({Order("01/04/2027")})}), V{"DoLo 2 DOLO_START"});
  EXPECT_EQ(FindingsOf("704", 2027, {DoLo({Order("01/01/2026", "01/04/2026")})}), V{});
  EXPECT_EQ(FindingsOf("704", 2027, {DoLo({Order("01/01/2026", "31/03/2026")})}),
            V{"DoLo 2 DOLO_END"});
  EXPECT_EQ(FindingsOf("708", 2027, {DoLo({Order("11/05/2012")})}), V{});
  EXPECT_EQ(FindingsOf("708", 2027, {DoLo({Order("10/05/2012")})}), V{"DoLo 2 DOLO_START"});
}

TEST(Rules903DoLo, Rule705NoOverlap) {
  EXPECT_EQ(
      FindingsOf("705", 2027, {DoLo({Order("01/05/2026", "01/06/2026"), Order("01/06/2026")})}),
      V{});
  EXPECT_EQ(
      FindingsOf("705", 2027, {DoLo({Order("01/05/2026", "02/06/2026"), Order("01/06/2026")})}),
      V{"DoLo 3 DOLO_START"});
  EXPECT_EQ(FindingsOf("705", 2027, {DoLo({Order("01/06/2026"), Order("01/05/2026")})}),
            V{"DoLo 2 DOLO_START"});
}

TEST(Rules903DoLo, Rule706CarriedFromLastYear) {
  // 2025/26 had no DoLo table; the rule compares two years that both have it.
  Read903 last = testing::ReadTables({DoLo({Order("01/02/2027")})}, 2028);
  EXPECT_EQ(FindingsOf("706", 2028, {DoLo({Order("01/02/2027", "01/05/2027")})}, &last), V{});
  EXPECT_EQ(FindingsOf("706", 2028, {DoLo({Order("02/02/2027", "01/05/2027")})}, &last),
            V{"DoLo 2 DOLO_START"});
}

TEST(Rules903DoLo, Rule707NoOpenOrderAfterCare) {
  const TableRows left = {"Episodes", {Ep("01/05/2026", "K2", "01/09/2026", "E13")}};
  EXPECT_EQ(FindingsOf("707", 2027, {left, DoLo({Order("01/05/2026", "01/09/2026")})}), V{});
  EXPECT_EQ(FindingsOf("707", 2027, {left, DoLo({Order("01/05/2026")})}), V{"DoLo 2 DOLO_END"});
  const TableRows still = {"Episodes", {Ep("01/05/2026", "K2")}};
  EXPECT_EQ(FindingsOf("707", 2027, {still, DoLo({Order("01/05/2026")})}), V{});
}

TEST(Rules903DoLo, Rules709And710Placements) {
  auto eps = [](std::string place) {
    return TableRows{"Episodes", {Ep("01/05/2026", place, "01/09/2026", "E13")}};
  };
  const TableRows order = DoLo({Order("01/06/2026", "01/08/2026")});
  EXPECT_EQ(FindingsOf("709", 2027, {eps("Z12"), order}), V{});
  EXPECT_EQ(FindingsOf("709", 2027, {eps("U1"), order}), V{"DoLo 2 DOLO_START"});
  EXPECT_EQ(FindingsOf("710", 2027, {eps("U1"), order}), V{});
  EXPECT_EQ(FindingsOf("710", 2027, {eps("K1"), order}), V{"DoLo 2 DOLO_START"});
  // An order ending the day before the episode began does not overlap it.
  EXPECT_EQ(FindingsOf("710", 2027, {eps("K1"), DoLo({Order("01/03/2026", "30/04/2026")})}), V{});
}

}  // namespace
}  // namespace journey::returns
