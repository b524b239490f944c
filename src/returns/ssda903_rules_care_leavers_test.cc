// Rules on care leaver data and rows of other tables against the episodes
// (ssda903_rules_care_leavers.cc), and the Missing and respite rules of
// ssda903_rules_other.cc: for each, a failing and a passing case at its boundary.
#include <gtest/gtest.h>

#include "returns/ssda903_rules_testing.h"

namespace journey::returns {
namespace {

using testing::FindingsOf;
using testing::Row;
using testing::TableRows;
using testing::V;

TableRows Header(std::string dob, Row extra = {}) {
  Row r = {{"CHILD", "C1"},    {"SEX", "F"},   {"DOB", dob},
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
TableRows Oc3(std::string dob, std::string in_touch = "YES") {
  return {
      "OC3",
      {{{"CHILD", "C1"}, {"DOB", dob}, {"IN_TOUCH", in_touch}, {"ACTIV", "F1"}, {"ACCOM", "B1"}}}};
}
TableRows Episodes(std::vector<Row> rows) { return {"Episodes", std::move(rows)}; }

TEST(Rules903CareLeavers, Rule391SeventeenByTheYearEnd) {
  EXPECT_EQ(FindingsOf("391", 2026, {Header("31/03/2009"), Oc3("31/03/2009")}), V{});
  EXPECT_EQ(FindingsOf("391", 2026, {Header("01/04/2009"), Oc3("01/04/2009")}),
            V{"OC3 2 IN_TOUCH"});
  EXPECT_EQ(FindingsOf("391", 2026, {Header("01/04/2009"), Oc3("01/04/2009", "")}).size(), 1u);
}

TEST(Rules903CareLeavers, Rules1000And1011HowCareEnded) {
  const auto died = Episodes({Ep("01/05/2024", "01/06/2025", "E2")});
  EXPECT_EQ(FindingsOf("1000", 2026, {Header("01/05/2007"), died, Oc3("01/05/2007")}),
            V{"OC3 2 IN_TOUCH"});
  const auto left = Episodes({Ep("01/05/2024", "01/06/2025", "E4A")});
  EXPECT_EQ(FindingsOf("1000", 2026, {Header("01/05/2007"), left, Oc3("01/05/2007")}), V{});
  // 1011 looks at the latest episode only.
  const auto moved = Episodes(
      {Ep("01/05/2024", "01/06/2024", "X1"), Ep("01/06/2024", "01/06/2025", "E3", {{"RNE", "P"}})});
  EXPECT_EQ(FindingsOf("1011", 2026, {Header("01/05/2007"), moved, Oc3("01/05/2007")}),
            V{"OC3 2 IN_TOUCH"});
  const auto back =
      Episodes({Ep("01/05/2024", "01/06/2024", "E3"), Ep("01/07/2024", "01/06/2025", "E4A")});
  EXPECT_EQ(FindingsOf("1011", 2026, {Header("01/05/2007"), back, Oc3("01/05/2007")}), V{});
}

TEST(Rules903CareLeavers, Rule1007LookedAfterOnTheBirthday) {
  // 18 on 01/05/2025, looked after until 01/05/2025: not after the birthday.
  const auto until = [](std::string dec) {
    return Episodes({Ep("01/05/2020", dec, dec.empty() ? "" : "E4A")});
  };
  EXPECT_EQ(
      FindingsOf("1007", 2026, {Header("01/05/2007"), until("01/05/2025"), Oc3("01/05/2007")}),
      V{});
  EXPECT_EQ(
      FindingsOf("1007", 2026, {Header("01/05/2007"), until("02/05/2025"), Oc3("01/05/2007")}),
      V{"OC3 2 IN_TOUCH"});
  EXPECT_EQ(FindingsOf("1007", 2026, {Header("01/05/2007"), until(""), Oc3("01/05/2007")}),
            V{"OC3 2 IN_TOUCH"});
  // 19 by 31 March: out of the rule's ages.
  EXPECT_EQ(FindingsOf("1007", 2026, {Header("31/03/2007"), until(""), Oc3("31/03/2007")}), V{});
}

TEST(Rules903CareLeavers, Rules1002And1010NeedLastYear) {
  const TableRows h = Header("01/05/2007");
  const auto none = Episodes({{{"CHILD", "C2"},
                               {"DECOM", "01/05/2025"},
                               {"RNE", "S"},
                               {"LS", "C2"},
                               {"CIN", "N1"},
                               {"PLACE", "U1"},
                               {"PLACE_PROVIDER", "PR1"}}});
  Read903 empty = testing::ReadTables({h, none}, 2025);
  EXPECT_EQ(FindingsOf("1002", 2026, {h, none, Oc3("01/05/2007")}, &empty), V{"OC3 2 IN_TOUCH"});
  Read903 had = testing::ReadTables({h, Episodes({Ep("01/05/2023", "01/06/2024", "E4A")})}, 2025);
  EXPECT_EQ(FindingsOf("1002", 2026, {h, none, Oc3("01/05/2007")}, &had), V{});
  EXPECT_EQ(FindingsOf("1010", 2026, {h, none, Oc3("01/05/2007")}, &had), V{});
  Read903 open = testing::ReadTables({h, Episodes({Ep("01/05/2023")})}, 2025);
  EXPECT_EQ(FindingsOf("1010", 2026, {h, none, Oc3("01/05/2007")}, &open), V{"OC3 2 IN_TOUCH"});
}

TEST(Rules903CareLeavers, Rule1012OtherTablesNeedEpisodes) {
  const TableRows missing = {
      "Missing",
      {{{"CHILD", "C1"}, {"DOB", "01/05/2012"}, {"MISSING", "M"}, {"MIS_START", "01/06/2025"}}}};
  EXPECT_EQ(FindingsOf("1012", 2026, {Header("01/05/2012"), Episodes({Ep("01/05/2025")}), missing}),
            V{});
  EXPECT_EQ(
      FindingsOf("1012", 2026,
                 {Header("01/05/2012"),
                  Episodes({{{"CHILD", "C2"}, {"DECOM", "01/05/2025"}, {"RNE", "S"}}}), missing}),
      V{"Missing 2 CHILD"});
}

TEST(Rules903CareLeavers, Rule1014UascNotForCareLeavers) {
  const TableRows uasc = {
      "UASC", {{{"CHILD", "C1"}, {"SEX", "F"}, {"DOB", "01/05/2007"}, {"DUC", "01/05/2025"}}}};
  const auto before = Episodes({Ep("01/05/2023", "31/03/2025", "E4A")});
  EXPECT_EQ(FindingsOf("1014", 2026, {Header("01/05/2007"), before, uasc, Oc3("01/05/2007")}),
            V{"UASC 2 DUC"});
  const auto first_day = Episodes({Ep("01/05/2023", "01/04/2025", "E4A")});
  EXPECT_EQ(FindingsOf("1014", 2026, {Header("01/05/2007"), first_day, uasc, Oc3("01/05/2007")}),
            V{});
}

TEST(Rules903Other, Rules1004And1005MissingDates) {
  auto m = [](std::string start, std::string end) {
    TableRows t = {"Missing",
                   {{{"CHILD", "C1"},
                     {"DOB", "01/05/2012"},
                     {"MISSING", "M"},
                     {"MIS_START", start},
                     {"MIS_END", end}}}};
    return std::vector<TableRows>{Header("01/05/2012"), Episodes({Ep("01/05/2025")}), t};
  };
  EXPECT_EQ(FindingsOf("1004", 2026, m("29/02/2024", "")), V{});
  EXPECT_EQ(FindingsOf("1004", 2026, m("", "")), V{"Missing 2 MIS_START"});
  EXPECT_EQ(FindingsOf("1004", 2026, m("29/02/2025", "")), V{"Missing 2 MIS_START"});
  EXPECT_EQ(FindingsOf("1005", 2026, m("01/06/2025", "")), V{});
  EXPECT_EQ(FindingsOf("1005", 2026, m("01/06/2025", "31/06/2025")), V{"Missing 2 MIS_END"});
}

TEST(Rules903Other, Rule399RespiteOnly) {
  const TableRows reviews = {
      "Reviews",
      {{{"CHILD", "C1"}, {"DOB", "01/05/2012"}, {"REVIEW", "01/07/2025"}, {"REVIEW_CODE", "PN1"}}}};
  const auto respite = Episodes({Ep("01/06/2025", "05/06/2025", "E13", {{"LS", "V3"}})});
  EXPECT_EQ(FindingsOf("399", 2026, {Header("01/05/2012", {{"MOTHER", ""}}), respite, reviews}),
            (V{"Episodes 2 LS", "Reviews 2 REVIEW"}));
  EXPECT_EQ(
      FindingsOf("399", 2026, {Header("01/05/2012", {{"MOTHER", ""}}), respite, {"Reviews", {}}}),
      V{});
  // One episode under another status: the rule does not apply.
  const auto mixed = Episodes({Ep("01/06/2025", "05/06/2025", "E13", {{"LS", "V3"}}),
                               Ep("01/07/2025", "", "", {{"LS", "C2"}})});
  EXPECT_EQ(FindingsOf("399", 2026, {Header("01/05/2012"), mixed, reviews}), V{});
}

}  // namespace
}  // namespace journey::returns
