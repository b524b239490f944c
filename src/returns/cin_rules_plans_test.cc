// CIN census rules on CIN plans beside protection plans, enquiries and the child's death
// (cin_rules_plans.cc): a failing and a passing case at each rule's boundary, on the full
// message of cin_test_util.h (C1's CIN plan runs 2025-06-11 to 2025-07-01, its enquiry
// starts 2025-07-01, its protection plan starts 2025-07-15 and is open, reviewed
// 2025-10-14).
#include <gtest/gtest.h>

#include "returns/cin_rules.h"
#include "returns/cin_test_util.h"

namespace journey::returns {
namespace {

using testing::Ep;
using testing::FullMessage;
using testing::N;
using testing::V;

CinPlanDates& Plan(CinMessage& m) { return Ep(m).plans[0]; }

TEST(CinRulesPlans, Rule2889EnquiryNotBeforeReferral) {
  CinMessage m = FullMessage();
  Ep(m).section47s[0].start = V("2025-05-01");  // the referral's day
  EXPECT_EQ(N("2889", m), 0u);
  Ep(m).section47s[0].start = V("2025-04-30");
  EXPECT_EQ(N("2889", m), 1u);
}

TEST(CinRulesPlans, Rule2991QEnquiryWithoutAssessment) {
  CinMessage m = FullMessage();
  EXPECT_EQ(N("2991Q", m), 0u);
  Ep(m).assessments.clear();
  EXPECT_EQ(N("2991Q", m), 1u);
  Ep(m).section47s.clear();  // no enquiry: no question
  EXPECT_EQ(N("2991Q", m), 0u);
}

TEST(CinRulesPlans, Rule4001NoTwoOpenPlans) {
  CinMessage m = FullMessage();
  EXPECT_EQ(N("4001", m), 0u);  // the CIN plan ended
  Plan(m).end = V("");
  EXPECT_EQ(N("4001", m), 1u);
  Ep(m).protection_plans[0].end = V("2026-03-31");  // the protection plan ended
  EXPECT_EQ(N("4001", m), 0u);
}

TEST(CinRulesPlans, Rule4003NoReviewDuringACinPlan) {
  CinMessage m = FullMessage();
  Plan(m).end = V("2025-10-14");  // ends the day of the review: the review is after it
  EXPECT_EQ(N("4003", m), 0u);
  Plan(m).end = V("2025-10-15");
  EXPECT_EQ(N("4003", m), 1u);
  Ep(m).protection_plans[0].end = V("2025-10-14");  // the review that ended the plan
  EXPECT_EQ(N("4003", m), 0u);
  Ep(m).protection_plans[0].end = V("");
  Plan(m).end = V("");  // open to the reference date
  EXPECT_EQ(N("4003", m), 1u);
}

TEST(CinRulesPlans, Rules4008And4009QNotAfterDeath) {
  CinMessage m = FullMessage();
  m.children[0].death = V("2025-07-01");  // the plan's last day
  EXPECT_EQ(N("4008", m), 0u);
  EXPECT_EQ(N("4009Q", m), 0u);
  m.children[0].death = V("2025-06-30");
  EXPECT_EQ(N("4008", m), 0u);
  EXPECT_EQ(N("4009Q", m), 1u);
  m.children[0].death = V("2025-06-11");  // the plan's first day
  EXPECT_EQ(N("4008", m), 0u);
  m.children[0].death = V("2025-06-10");
  EXPECT_EQ(N("4008", m), 1u);
}

TEST(CinRulesPlans, Rule4010StartGivenByTheReferenceDate) {
  CinMessage m = FullMessage();
  Plan(m) = {0, V("2026-03-31"), V("")};  // the reference date itself
  EXPECT_EQ(N("4010", m), 0u);
  Plan(m).start = V("2026-04-01");
  EXPECT_EQ(N("4010", m), 1u);
  Plan(m).start = V("");
  EXPECT_EQ(N("4010", m), 1u);
}

TEST(CinRulesPlans, Rules4011And4012QEndAgainstStart) {
  CinMessage m = FullMessage();
  Plan(m).end = V("2025-06-12");  // the day after the start
  EXPECT_EQ(N("4011", m), 0u);
  EXPECT_EQ(N("4012Q", m), 0u);
  Plan(m).end = V("2025-06-11");  // the same day: a query, not an error
  EXPECT_EQ(N("4011", m), 0u);
  EXPECT_EQ(N("4012Q", m), 1u);
  Plan(m).end = V("2025-06-10");
  EXPECT_EQ(N("4011", m), 1u);
  EXPECT_EQ(N("4012Q", m), 0u);
}

TEST(CinRulesPlans, Rule4013EndWithinTheCensusYear) {
  CinMessage m = FullMessage();
  Plan(m) = {0, V("2025-03-01"), V("2025-04-01")};  // the first day of the year
  EXPECT_EQ(N("4013", m), 0u);
  Plan(m).end = V("2025-03-31");
  EXPECT_EQ(N("4013", m), 1u);
  Plan(m).end = V("2026-03-31");  // the last day
  EXPECT_EQ(N("4013", m), 0u);
  Plan(m).end = V("2026-04-01");
  EXPECT_EQ(N("4013", m), 1u);
}

TEST(CinRulesPlans, Rule4014PlansDoNotOverlap) {
  CinMessage m = FullMessage();
  Ep(m).plans.push_back({0, V("2025-07-02"), V("2025-07-10")});  // the day after the first ends
  EXPECT_EQ(N("4014", m), 0u);
  Ep(m).plans[1].start = V("2025-07-01");  // the day the first ends
  EXPECT_EQ(N("4014", m), 1u);
  // An open plan runs to the reference date: a later plan starting in it overlaps.
  Ep(m).plans[0] = {0, V("2025-06-11"), V("")};
  Ep(m).plans[1] = {0, V("2026-03-31"), V("")};
  EXPECT_EQ(N("4014", m), 1u);
}

TEST(CinRulesPlans, Rule4017NoProtectionPlanStartsInACinPlan) {
  CinMessage m = FullMessage();
  Plan(m).end = V("2025-07-15");  // ends the day the protection plan starts
  EXPECT_EQ(N("4017", m), 0u);
  Plan(m).end = V("2025-07-16");
  EXPECT_EQ(N("4017", m), 1u);
  Plan(m).end = V("");  // open
  EXPECT_EQ(N("4017", m), 1u);
  Plan(m) = {0, V("2025-07-16"), V("")};  // begins after the protection plan started
  EXPECT_EQ(N("4017", m), 0u);
}

}  // namespace
}  // namespace journey::returns
