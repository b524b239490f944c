// CIN census rules on what an episode holds and when (cin_rules_activity.cc): a failing
// and a passing case at each rule's boundary, on the full message of cin_test_util.h (C1's
// episode is open, its enquiry's conference and protection plan's start are 2025-07-15;
// C2's referral of 2025-12-01 led to no further action and was closed RC7 that day).
#include <gtest/gtest.h>

#include "returns/cin_rules.h"
#include "returns/cin_test_util.h"

namespace journey::returns {
namespace {

using testing::Ep;
using testing::FullMessage;
using testing::N;
using testing::Nfa;
using testing::V;


TEST(CinRulesActivity, Rule2885PlanStartsAtAConference) {
  CinMessage m = FullMessage();
  EXPECT_EQ(N("2885", m), 0u);
  Ep(m).protection_plans[0].start = V("2025-07-16");  // the day after the conference
  EXPECT_EQ(N("2885", m), 1u);
  Ep(m).icpc_date = V("2025-07-16");  // a conference the episode itself records
  EXPECT_EQ(N("2885", m), 0u);
  Ep(m).icpc_date = V("");
  Ep(m).protection_plans[0].start = V("2025-03-31");  // before the census year: not checked
  EXPECT_EQ(N("2885", m), 0u);
}

TEST(CinRulesActivity, Rule2990NothingOnAnRc8Case) {
  CinMessage m = FullMessage();
  Nfa(m).closure_reason = V("RC8");
  EXPECT_EQ(N("2990", m), 0u);
  Nfa(m).plans.push_back({0, V("2025-12-01"), V("2025-12-01")});
  EXPECT_EQ(N("2990", m), 1u);
  Nfa(m).closure_reason = V("RC9");  // another reason: not this rule's concern
  EXPECT_EQ(N("2990", m), 0u);
}

TEST(CinRulesActivity, Rule8520BornByTheReferenceDate) {
  CinMessage m = FullMessage();
  m.children[0].birth = V("2026-03-31");
  EXPECT_EQ(N("8520", m), 0u);
  m.children[0].birth = V("2026-04-01");
  EXPECT_EQ(N("8520", m), 1u);
}

TEST(CinRulesActivity, Rule8565NothingAfterClosure) {
  CinMessage m = FullMessage();
  Ep(m).closure_date = V("2025-07-15");  // the latest date of the episode
  Ep(m).closure_reason = V("RC1");
  EXPECT_EQ(N("8565", m), 0u);
  Ep(m).closure_date = V("2025-07-14");  // the day before the conference
  EXPECT_EQ(N("8565", m), 1u);
  // Before the CIN plan's end and the enquiry's start (2025-07-01) too: three findings.
  Ep(m).closure_date = V("2025-06-30");
  EXPECT_EQ(N("8565", m), 3u);
}

TEST(CinRulesActivity, Rule8568NfaFlag) {
  CinMessage m = FullMessage();
  for (const char* ok : {"1", "0", "true", "false"}) {
    Ep(m).nfa = V(ok);
    EXPECT_EQ(N("8568", m), 0u) << ok;
  }
  Ep(m).nfa = V("2");
  EXPECT_EQ(N("8568", m), 1u);
  Ep(m).nfa = V("");
  EXPECT_EQ(N("8568", m), 1u);
}

TEST(CinRulesActivity, Rule8600ReferralGivenByTheReferenceDate) {
  CinMessage m = FullMessage();
  Nfa(m).referral_date = V("2026-03-31");
  EXPECT_EQ(N("8600", m), 0u);
  Nfa(m).referral_date = V("2026-04-01");
  EXPECT_EQ(N("8600", m), 1u);
  Nfa(m).referral_date = V("");
  EXPECT_EQ(N("8600", m), 1u);
}

TEST(CinRulesActivity, Rule8736UncompletedAssessmentStartsInTheYear) {
  CinMessage m = FullMessage();
  Ep(m).assessments[0].authorised = V("");
  Ep(m).assessments[0].factors.clear();
  Ep(m).assessments[0].start = V("2025-04-01");  // the first day of the census year
  EXPECT_EQ(N("8736", m), 0u);
  Ep(m).assessments[0].start = V("2025-03-31");
  EXPECT_EQ(N("8736", m), 1u);
  Ep(m).assessments[0].authorised = V("2025-06-10");  // completed: not this rule's concern
  EXPECT_EQ(N("8736", m), 0u);
}

TEST(CinRulesActivity, Rule8772Un7OnlyForNoFurtherAction) {
  CinMessage m = FullMessage();
  m.children[1].upn_unknown = V("UN7");
  EXPECT_EQ(N("8772", m), 0u);  // C2's one referral led to no further action
  Nfa(m).nfa = V("0");
  EXPECT_EQ(N("8772", m), 1u);
}

}  // namespace
}  // namespace journey::returns
