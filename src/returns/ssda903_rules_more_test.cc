// Rules compared with last year's return, and the second batch of Header, Episodes, AD1,
// UASC and OC3 rules: for each, a failing and a passing case at its boundary, on full tables.
#include <gtest/gtest.h>

#include "returns/ssda903_rules_testing.h"

namespace journey::returns {
namespace {

using testing::FindingsOf;
using testing::Row;
using testing::TableRows;
using testing::V;

TableRows Header(Row extra = {}) {
  Row r = {{"CHILD", "C1"},          {"SEX", "F"},   {"DOB", "10/05/2010"}, {"ETHNIC", "WBRI"},
           {"UPN", "A12345678901B"}, {"MOTHER", "0"}};
  for (auto& [k, v] : extra) r[k] = v;
  return {"Header", {r}};
}
Row Ep(std::string decom, Row extra = {}) {
  Row r = {{"CHILD", "C1"}, {"DECOM", decom},         {"RNE", "S"}, {"LS", "C2"}, {"CIN", "N1"},
           {"PLACE", "U1"}, {"PLACE_PROVIDER", "PR1"}};
  for (auto& [k, v] : extra) r[k] = v;
  return r;
}
TableRows Episodes(std::vector<Row> rows) { return {"Episodes", std::move(rows)}; }

// Last year's (2024/25) Header for C1, with SEX in that year's codes.
Read903 LastYear(Row extra = {}) {
  return testing::ReadTables({Header(extra), Episodes({Ep("01/05/2024")})}, 2025);
}

TEST(Rules903AcrossYears, NotRunWithoutLastYearsReturn) {
  Read903 read = testing::ReadTables({Header()}, 2026);
  Validation903 v = Validate903(read, 2026, Validate903Options{});
  V codes;
  for (const NotRun& n : v.not_run) codes.push_back(n.rule);
  EXPECT_EQ(codes, (V{"1002", "1010", "202", "203", "204", "207", "208", "502", "503A", "503B",
                      "503C", "503D", "503E", "503F", "633"}));
  EXPECT_NE(v.not_run[0].reason.find("last year's return"), std::string::npos);
  Read903 last = LastYear();
  Validate903Options with;
  with.previous = &last;
  // Only the rule needing the council codes (--reference) is left.
  const auto left = Validate903(read, 2026, with).not_run;
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].rule, "633");
}

TEST(Rules903AcrossYears, Rules202To204SexDobEthnicity) {
  Read903 same = LastYear();
  EXPECT_EQ(FindingsOf("202", 2026, {Header()}, &same), V{});
  Read903 male = LastYear({{"SEX", "M"}});
  EXPECT_EQ(FindingsOf("202", 2026, {Header()}, &male), V{"Header 2 SEX"});
  // 2023/24 wrote 2 for female; 2024/25 writes F: the same sex.
  Read903 coded = testing::ReadTables({Header({{"SEX", "2"}})}, 2024);
  EXPECT_EQ(FindingsOf("202", 2025, {Header()}, &coded), V{});
  Read903 dob = LastYear({{"DOB", "11/05/2010"}});
  EXPECT_EQ(FindingsOf("203", 2026, {Header()}, &dob), V{"Header 2 DOB"});
  EXPECT_EQ(FindingsOf("203", 2026, {Header()}, &same), V{});
  Read903 eth = LastYear({{"ETHNIC", "WIRI"}});
  EXPECT_EQ(FindingsOf("204", 2026, {Header()}, &eth), V{"Header 2 ETHNIC"});
}

TEST(Rules903AcrossYears, Rule207MotherStaysAMother) {
  Read903 mother = LastYear({{"MOTHER", "1"}, {"MC_DOB", "01/01/2024"}});
  const TableRows eps = Episodes({Ep("01/05/2024")});
  EXPECT_EQ(
      FindingsOf("207", 2026, {Header({{"MOTHER", "1"}, {"MC_DOB", "01/01/2024"}}), eps}, &mother),
      V{});
  EXPECT_EQ(FindingsOf("207", 2026, {Header(), eps}, &mother), V{"Header 2 MOTHER"});
  // Without episodes this year the rule does not apply.
  EXPECT_EQ(FindingsOf("207", 2026, {Header()}, &mother), V{});
}

TEST(Rules903AcrossYears, Rule208UpnChanges) {
  auto f = [](std::string before, std::string now) {
    Read903 last = LastYear({{"UPN", before}});
    return FindingsOf("208", 2026, {Header({{"UPN", now}})}, &last);
  };
  EXPECT_EQ(f("A12345678901B", "A12345678901B"), V{});
  EXPECT_EQ(f("A12345678901B", "B12345678901B"), V{"Header 2 UPN"});
  EXPECT_EQ(f("UN1", "UN3"), V{});                // unknown, reason now given
  EXPECT_EQ(f("UN3", "UN1"), V{"Header 2 UPN"});  // not the other way
  EXPECT_EQ(f("UN2", "A12345678901B"), V{});      // unknown becomes known
  EXPECT_EQ(f("A12345678901B", "UN2"), V{"Header 2 UPN"});
}

TEST(Rules903Header, Rule209And210UnknownUpnCodes) {
  // School age: 4 by 31/08/2024 for 2025/26, so born by 31/08/2020.
  EXPECT_EQ(FindingsOf("209", 2026, {Header({{"UPN", "UN1"}, {"DOB", "31/08/2020"}})}),
            V{"Header 2 UPN"});
  EXPECT_EQ(FindingsOf("209", 2026, {Header({{"UPN", "UN1"}, {"DOB", "01/09/2020"}})}), V{});
  // UN4 with an episode from 24 March 2026.
  EXPECT_EQ(FindingsOf("210", 2026, {Header({{"UPN", "UN4"}}), Episodes({Ep("24/03/2026")})}),
            V{"Header 2 UPN"});
  EXPECT_EQ(FindingsOf("210", 2026, {Header({{"UPN", "UN4"}}), Episodes({Ep("23/03/2026")})}), V{});
}

TEST(Rules903Header, Rule301And302BirthDates) {
  EXPECT_EQ(FindingsOf("301", 2026, {Header({{"DOB", "31/03/2026"}})}), V{});
  EXPECT_EQ(FindingsOf("301", 2026, {Header({{"DOB", "01/04/2026"}})}), V{"Header 2 DOB"});
  EXPECT_EQ(FindingsOf("302", 2026, {Header(), Episodes({Ep("10/05/2010")})}), V{});
  EXPECT_EQ(FindingsOf("302", 2026, {Header(), Episodes({Ep("09/05/2010")})}),
            V{"Episodes 2 DECOM"});
}

TEST(Rules903Episodes, Rule213ProviderNotRequired) {
  EXPECT_EQ(FindingsOf("213", 2026, {Episodes({Ep("01/05/2025", {{"PLACE", "T1"}})})}),
            V{"Episodes 2 PLACE_PROVIDER"});
  EXPECT_EQ(FindingsOf("213", 2026,
                       {Episodes({Ep("01/05/2025", {{"PLACE", "T1"}, {"PLACE_PROVIDER", ""}})})}),
            V{});
  // Z11-Z14 from 2025/26 only.
  EXPECT_EQ(FindingsOf("213", 2026, {Episodes({Ep("01/05/2025", {{"PLACE", "Z12"}})})}),
            V{"Episodes 2 PLACE_PROVIDER"});
  EXPECT_EQ(FindingsOf("213", 2025, {Episodes({Ep("01/05/2024", {{"PLACE", "Z12"}})})}), V{});
}

TEST(Rules903Episodes, Rule214And217) {
  EXPECT_EQ(FindingsOf("214", 2026, {Episodes({Ep("01/05/2025", {{"LS", "V3"}})})}), V{});
  EXPECT_EQ(FindingsOf("214", 2026, {Episodes({Ep("01/05/2025", {{"LS", "V3"}, {"URN", "SC1"}})})}),
            V{"Episodes 2 PL_POST"});
  EXPECT_EQ(
      FindingsOf("217", 2026, {Episodes({Ep("01/05/2025", {{"PLACE", "A3"}, {"RNE", "U"}})})}),
      V{});
  EXPECT_EQ(
      FindingsOf("217", 2026, {Episodes({Ep("01/05/2025", {{"PLACE", "A5"}, {"RNE", "P"}})})}),
      V{"Episodes 2 RNE"});
  EXPECT_EQ(
      FindingsOf("217", 2016, {Episodes({Ep("31/03/2015", {{"PLACE", "A5"}, {"RNE", "P"}})})}),
      V{});
}

TEST(Rules903Episodes, Rule225And226ReasonsForChange) {
  const Row first = Ep("01/05/2025", {{"DEC", "01/06/2025"}, {"REC", "X1"}});
  EXPECT_EQ(FindingsOf("225", 2026, {Episodes({first, Ep("01/06/2025", {{"RNE", "P"}})})}),
            V{"Episodes 2 REASON_PLACE_CHANGE"});
  Row given = first;
  given["REASON_PLACE_CHANGE"] = "CARPL";
  EXPECT_EQ(FindingsOf("225", 2026, {Episodes({given, Ep("01/06/2025", {{"RNE", "P"}})})}), V{});
  // A change of legal status only (RNE L) needs no reason.
  EXPECT_EQ(FindingsOf("225", 2026, {Episodes({first, Ep("01/06/2025", {{"RNE", "L"}})})}), V{});
  // 226: moving into a temporary placement gives no reason.
  EXPECT_EQ(
      FindingsOf("226", 2026,
                 {Episodes({given, Ep("01/06/2025",
                                      {{"RNE", "T"}, {"PLACE", "T1"}, {"PLACE_PROVIDER", ""}})})}),
      V{"Episodes 3 REASON_PLACE_CHANGE"});
  EXPECT_EQ(
      FindingsOf("226", 2026,
                 {Episodes({first, Ep("01/06/2025",
                                      {{"RNE", "T"}, {"PLACE", "T1"}, {"PLACE_PROVIDER", ""}})})}),
      V{});
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

TEST(Rules903Adoption, Rules331_333_334) {
  auto placed = [](std::string decom) {
    return Episodes(
        {Ep("01/05/2024", {{"DEC", decom}, {"REC", "X1"}}),
         Ep(decom, {{"RNE", "P"}, {"PLACE", "A4"}, {"DEC", "01/01/2026"}, {"REC", "E11"}})});
  };
  EXPECT_EQ(FindingsOf("331", 2026, {Ad1({}), placed("01/06/2025")}), V{});
  EXPECT_EQ(FindingsOf("331", 2026, {Ad1({}), placed("31/05/2025")}), V{"AD1 2 DATE_MATCH"});
  EXPECT_EQ(FindingsOf("333", 2026, {Ad1({{"DATE_INT", "01/06/2025"}})}), V{});
  EXPECT_EQ(FindingsOf("333", 2026, {Ad1({{"DATE_INT", "02/06/2025"}})}), V{"AD1 2 DATE_INT"});
  EXPECT_EQ(FindingsOf("333", 2026, {Ad1({{"DATE_INT", ""}})}), V{"AD1 2 DATE_INT"});
  EXPECT_EQ(FindingsOf("334", 2026, {Ad1({}), Episodes({Ep("01/05/2025")})}), V{});
  EXPECT_EQ(FindingsOf("334", 2026, {Ad1({}), Episodes({Ep("02/05/2025")})}), V{"AD1 2 DATE_INT"});
}

TEST(Rules903Other, Rule304UascEndsBy18) {
  auto uasc = [](std::string duc) {
    return TableRows{"UASC",
                     {{{"CHILD", "C1"}, {"SEX", "F"}, {"DOB", "10/05/2008"}, {"DUC", duc}}}};
  };
  EXPECT_EQ(FindingsOf("304", 2026, {uasc("10/05/2026")}), V{});
  EXPECT_EQ(FindingsOf("304", 2026, {uasc("11/05/2026")}), V{"UASC 2 DUC"});
}

TEST(Rules903Oc3, Rule215NoOc2ItemsForCareLeavers) {
  const TableRows oc3 = {"OC3",
                         {{{"CHILD", "C1"},
                           {"DOB", "10/05/2008"},
                           {"IN_TOUCH", "YES"},
                           {"ACTIV", "F2"},
                           {"ACCOM", "U1"}}}};
  TableRows oc2 = {"OC2", {{{"CHILD", "C1"}, {"DOB", "10/05/2008"}}}};
  EXPECT_EQ(FindingsOf("215", 2026, {oc3, oc2}), V{});
  oc2.rows[0]["CONVICTED"] = "0";
  EXPECT_EQ(FindingsOf("215", 2026, {oc3, oc2}), V{"OC3 2 IN_TOUCH"});
}

}  // namespace
}  // namespace journey::returns
