// The rules of OC2 and OC3: for each, a failing and a passing case at its boundary, on full
// tables (every column present). Collection year 2025/26: 1 April 2025 to 31 March 2026.
#include <gtest/gtest.h>

#include "returns/ssda903_rules_testing.h"

namespace journey::returns {
namespace {

using testing::FindingsOf;
using testing::LookedAfter;
using testing::Row;
using testing::TableRows;
using testing::V;

// An OC2 row for C1 born `dob` with the health items complete.
Row Oc2(std::string dob, Row extra = {}) {
  Row r = {{"CHILD", "C1"},
           {"DOB", dob},
           {"CONVICTED", "0"},
           {"HEALTH_CHECK", "1"},
           {"IMMUNISATIONS", "1"},
           {"TEETH_CHECK", "1"},
           {"HEALTH_ASSESSMENT", "1"},
           {"SUBSTANCE_MISUSE", "0"}};
  for (auto& [k, v] : extra) r[k] = v;
  return r;
}
// The same child, but they started care in the year (not looked after for 12 months).
std::vector<TableRows> Recent(const std::string& dob, std::vector<Row> oc2) {
  auto t = LookedAfter(dob, std::move(oc2));
  t[1].rows[0]["DECOM"] = "02/04/2025";
  return t;
}

TEST(Rules903Oc3, Rule153AllOrNothing) {
  auto oc3 = [](std::string activ) {
    return TableRows{"OC3",
                     {{{"CHILD", "C1"},
                       {"DOB", "10/05/2008"},
                       {"IN_TOUCH", "YES"},
                       {"ACTIV", activ},
                       {"ACCOM", "U1"}}}};
  };
  EXPECT_EQ(FindingsOf("153", 2026, {oc3("F2")}), V{});
  EXPECT_EQ(FindingsOf("153", 2026, {oc3("")}), V{"OC3 2 IN_TOUCH"});
}

TEST(Rules903Oc2, InterventionRules158_159_192_193) {
  const std::string dob = "10/05/2012";
  auto f = [&](std::string rule, Row r) {
    return FindingsOf(rule, 2026, LookedAfter(dob, {Oc2(dob, r)}));
  };
  EXPECT_EQ(f("158", {{"SUBSTANCE_MISUSE", "1"}, {"INTERVENTION_RECEIVED", "1"}}), V{});
  EXPECT_EQ(
      f("158",
        {{"SUBSTANCE_MISUSE", "1"}, {"INTERVENTION_RECEIVED", "1"}, {"INTERVENTION_OFFERED", "1"}}),
      V{"OC2 2 INTERVENTION_OFFERED"});
  EXPECT_EQ(
      f("159",
        {{"SUBSTANCE_MISUSE", "1"}, {"INTERVENTION_RECEIVED", "0"}, {"INTERVENTION_OFFERED", "0"}}),
      V{});
  EXPECT_EQ(f("159", {{"SUBSTANCE_MISUSE", "1"}, {"INTERVENTION_RECEIVED", "0"}}),
            V{"OC2 2 INTERVENTION_OFFERED"});
  EXPECT_EQ(f("192", {{"SUBSTANCE_MISUSE", "1"}, {"INTERVENTION_RECEIVED", "0"}}), V{});
  EXPECT_EQ(f("192", {{"SUBSTANCE_MISUSE", "1"}}), V{"OC2 2 INTERVENTION_RECEIVED"});
  EXPECT_EQ(f("193", {{"SUBSTANCE_MISUSE", "0"}}), V{});
  EXPECT_EQ(f("193", {{"SUBSTANCE_MISUSE", "0"}, {"INTERVENTION_OFFERED", "1"}}),
            V{"OC2 2 SUBSTANCE_MISUSE"});
}

TEST(Rules903Oc2, ValueRules180_181_182_197a) {
  const std::string dob = "10/05/2012";
  auto f = [&](std::string rule, Row r) {
    return FindingsOf(rule, 2026, LookedAfter(dob, {Oc2(dob, r)}));
  };
  EXPECT_EQ(f("180", {{"SDQ_SCORE", "40"}}), V{});
  EXPECT_EQ(f("180", {{"SDQ_SCORE", "0"}}), V{});
  EXPECT_EQ(f("180", {{"SDQ_SCORE", "41"}}), V{"OC2 2 SDQ_SCORE"});
  EXPECT_EQ(f("180", {{"SDQ_SCORE", "-1"}}), V{"OC2 2 SDQ_SCORE"});
  EXPECT_EQ(f("181", {{"CONVICTED", "1"}}), V{});
  EXPECT_EQ(f("181", {{"TEETH_CHECK", "Y"}}), V{"OC2 2 TEETH_CHECK"});
  EXPECT_EQ(f("182", {}), V{});
  EXPECT_EQ(f("182", {{"TEETH_CHECK", ""}}), V{"OC2 2 IMMUNISATIONS"});
  // Every item blank is allowed by 182 (191 asks for them when looked after 12 months).
  EXPECT_EQ(f("182", {{"CONVICTED", ""},
                      {"HEALTH_CHECK", ""},
                      {"IMMUNISATIONS", ""},
                      {"TEETH_CHECK", ""},
                      {"HEALTH_ASSESSMENT", ""},
                      {"SUBSTANCE_MISUSE", ""}}),
            V{});
  EXPECT_EQ(f("197a", {{"SDQ_SCORE", "12"}}), V{});
  EXPECT_EQ(f("197a", {{"SDQ_SCORE", "12"}, {"SDQ_REASON", "SDQ2"}}), V{"OC2 2 SDQ_REASON"});
}

TEST(Rules903Oc2, AgeRules188And189) {
  // 4 on 31 March 2026: born 31/03/2022. Under 4: born 01/04/2022.
  auto f = [](std::string rule, std::string dob) {
    return FindingsOf(rule, 2026, LookedAfter(dob, {Oc2(dob, {{"SDQ_SCORE", "10"}})}));
  };
  EXPECT_EQ(f("188", "31/03/2022"), V{});
  EXPECT_EQ(f("188", "01/04/2022"), V{"OC2 2 SDQ_SCORE"});
  // 17 on 1 April 2025: born 01/04/2008. Under 17: born 02/04/2008.
  EXPECT_EQ(f("189", "02/04/2008"), V{});
  EXPECT_EQ(f("189", "01/04/2008"), V{"OC2 2 SDQ_SCORE"});
}

TEST(Rules903Oc2, ContinuousCareRules185_190_198) {
  const std::string dob = "10/05/2012";
  EXPECT_EQ(FindingsOf("185", 2026, LookedAfter(dob, {Oc2(dob, {{"SDQ_SCORE", "10"}})})), V{});
  EXPECT_EQ(FindingsOf("185", 2026, Recent(dob, {Oc2(dob, {{"SDQ_SCORE", "10"}})})),
            V{"OC2 2 SDQ_SCORE"});
  EXPECT_EQ(FindingsOf("198", 2026, Recent(dob, {Oc2(dob, {{"SDQ_REASON", "SDQ2"}})})),
            V{"OC2 2 SDQ_REASON"});
  EXPECT_EQ(FindingsOf("190", 2026, LookedAfter(dob, {Oc2(dob)})), V{});
  EXPECT_EQ(FindingsOf("190", 2026, Recent(dob, {Oc2(dob)})), V{"OC2 2 CONVICTED"});
  // Starting care on 1 April itself keeps the 12 months (only a start after 1 April breaks).
  auto t = Recent(dob, {Oc2(dob)});
  t[1].rows[0]["DECOM"] = "01/04/2025";
  EXPECT_EQ(FindingsOf("190", 2026, t), V{});
  // Leaving care on 31 March does not break it; leaving on 30 March does.
  t = LookedAfter(dob, {Oc2(dob)});
  t[1].rows[0]["DEC"] = "31/03/2026";
  t[1].rows[0]["REC"] = "E13";
  EXPECT_EQ(FindingsOf("190", 2026, t), V{});
  t[1].rows[0]["DEC"] = "30/03/2026";
  EXPECT_EQ(FindingsOf("190", 2026, t), V{"OC2 2 CONVICTED"});
}

TEST(Rules903Oc2, Rule191CompleteForTwelveMonths) {
  const std::string dob = "10/05/2012";
  EXPECT_EQ(FindingsOf("191", 2026, LookedAfter(dob, {Oc2(dob)})), V{});
  EXPECT_EQ(FindingsOf("191", 2026, LookedAfter(dob, {Oc2(dob, {{"TEETH_CHECK", ""}})})),
            V{"OC2 2 TEETH_CHECK"});
  // No OC2 row at all: found at the child's first episode.
  auto t = LookedAfter(dob, {Oc2(dob)});
  t[2].rows[0]["CHILD"] = "C2";
  EXPECT_EQ(FindingsOf("191", 2026, t), (V{"Episodes 2 CHILD"}));
}

TEST(Rules903Oc2, SdqRules157_186_197B) {
  // 4 on 1 April 2025: born 01/04/2021; 16 on 31 March 2026: born 31/03/2010.
  auto f = [](std::string rule, std::string dob, Row r) {
    return FindingsOf(rule, 2026, LookedAfter(dob, {Oc2(dob, r)}));
  };
  EXPECT_EQ(f("157", "01/04/2021", {{"SDQ_REASON", "SDQ1"}}), V{"OC2 2 SDQ_REASON"});
  EXPECT_EQ(f("157", "02/04/2021", {{"SDQ_REASON", "SDQ1"}}), V{});
  EXPECT_EQ(f("157", "31/03/2010", {{"SDQ_REASON", "SDQ1"}}), V{"OC2 2 SDQ_REASON"});
  EXPECT_EQ(f("157", "30/03/2010", {{"SDQ_REASON", "SDQ1"}}), V{});
  EXPECT_EQ(f("157", "01/04/2015", {{"SDQ_REASON", "SDQ2"}}), V{});
  // 186: under 17 on 31 March 2026 means born after 31/03/2009.
  EXPECT_EQ(f("186", "01/04/2009", {}), V{"OC2 2 SDQ_SCORE"});
  EXPECT_EQ(f("186", "31/03/2009", {}), V{});
  EXPECT_EQ(f("186", "01/04/2015", {{"SDQ_REASON", "SDQ3"}}), V{});
  // 197B: turning 4 or 17 in the year, neither score nor reason.
  EXPECT_EQ(f("197B", "01/04/2021", {}), V{"OC2 2 SDQ_REASON"});
  EXPECT_EQ(f("197B", "31/03/2021", {}), V{});
  EXPECT_EQ(f("197B", "31/03/2009", {}), V{"OC2 2 SDQ_REASON"});
  EXPECT_EQ(f("197B", "31/03/2009", {{"SDQ_SCORE", "12"}}), V{});
}

TEST(Rules903Oc2, Rule187NoAdoptionOrCareLeaverData) {
  const std::string dob = "10/05/2012";
  auto t = LookedAfter(dob, {Oc2(dob)});
  t.push_back({"AD1", {{{"CHILD", "C9"}, {"DOB", dob}}}});
  t.push_back({"OC3", {{{"CHILD", "C1"}, {"DOB", dob}}}});
  EXPECT_EQ(FindingsOf("187", 2026, t), V{});
  t.back().rows[0]["IN_TOUCH"] = "YES";
  EXPECT_EQ(FindingsOf("187", 2026, t), V{"OC3 2 IN_TOUCH"});
}

}  // namespace
}  // namespace journey::returns
