// CIN census queries on the child's dates, open work at the reference date and closures
// (cin_rules_queries.cc): a failing and a passing case at each rule's boundary, on the full
// message of cin_test_util.h (reference date 2026-03-31; C1 born 2015-06-01, referred
// 2025-05-01, assessed 2025-05-02 to 2025-06-10; C2 an NFA referral of 2025-12-01).
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

TEST(CinRulesQueries, Rule8530QExpectedBirthNearTheReferenceDate) {
  CinMessage m = FullMessage();
  CinChild& unborn = m.children[1];
  for (const char* ok : {"2026-03-01", "2026-12-31"}) {  // 30 days before; 9 months after
    unborn.expected_birth = V(ok);
    EXPECT_EQ(N("8530Q", m), 0u) << ok;
  }
  for (const char* bad : {"2026-02-28", "2027-01-01"}) {
    unborn.expected_birth = V(bad);
    EXPECT_EQ(N("8530Q", m), 1u) << bad;
  }
}

TEST(CinRulesQueries, Rules8535QAnd8545QAnd8555QTheChildsDeath) {
  CinMessage m = FullMessage();
  CinChild& c = m.children[0];
  c.death = V("2025-05-01");  // the referral's day
  EXPECT_EQ(N("8555Q", m), 0u);
  EXPECT_EQ(N("8545Q", m), 0u);
  c.death = V("2025-04-30");
  EXPECT_EQ(N("8555Q", m), 1u);
  c.death = V("2025-04-01");  // the census year's first day
  EXPECT_EQ(N("8545Q", m), 0u);
  c.death = V("2025-03-31");
  EXPECT_EQ(N("8545Q", m), 1u);
  c.death = V("2026-04-01");
  EXPECT_EQ(N("8545Q", m), 1u);
  c.death = V("2015-06-01");  // the birthday
  EXPECT_EQ(N("8535Q", m), 0u);
  c.death = V("2015-05-31");
  EXPECT_EQ(N("8535Q", m), 1u);
}

TEST(CinRulesQueries, Rule8569QNfaReferralBeforeTheWorkingDayBeforeTheYear) {
  CinMessage m = FullMessage();
  // 2025/26 begins Tue 1 April 2025: the working day before is Mon 31 March.
  Nfa(m).referral_date = V("2025-03-31");
  EXPECT_EQ(N("8569Q", m), 0u);
  Nfa(m).referral_date = V("2025-03-30");
  EXPECT_EQ(N("8569Q", m), 1u);
  Nfa(m).nfa = V("false");  // led to action: not this rule's concern
  EXPECT_EQ(N("8569Q", m), 0u);
  // 2024/25 begins on Easter Monday 1 April 2024: the working day before is Thu 28 March
  // (Good Friday 29 March is a bank holiday).
  CinMessage e = FullMessage(2025);
  Nfa(e).referral_date = V("2024-03-28");
  EXPECT_EQ(N("8569Q", e, 2025), 0u);
  Nfa(e).referral_date = V("2024-03-27");
  EXPECT_EQ(N("8569Q", e, 2025), 1u);
}

TEST(CinRulesQueries, Rule8585QDiedWithADateOfDeath) {
  CinMessage m = FullMessage();
  Ep(m).closure_date = V("2026-03-01");
  Ep(m).closure_reason = V("RC2");
  EXPECT_EQ(N("8585Q", m), 1u);
  m.children[0].death = V("2026-03-01");
  EXPECT_EQ(N("8585Q", m), 0u);
}

TEST(CinRulesQueries, Rule8670QOpenAssessmentWithin45WorkingDays) {
  CinMessage m = FullMessage();
  CinAssessment& a = Ep(m).assessments[0];
  a.authorised = V("");
  a.factors.clear();
  // 45 working days before Tue 31 March 2026 (no bank holiday between) is Tue 27 January.
  a.start = V("2026-01-27");
  EXPECT_EQ(N("8670Q", m), 0u);
  a.start = V("2026-01-26");
  EXPECT_EQ(N("8670Q", m), 1u);
}

TEST(CinRulesQueries, Rule8675QConferenceDueByTheReferenceDate) {
  CinMessage m = FullMessage();
  CinSection47& s = Ep(m).section47s[0];
  s.icpc_date = V("");
  // From Tue 10 March 2026 the conference falls due on Tue 31 March, the reference date.
  s.start = V("2026-03-10");
  EXPECT_EQ(N("8675Q", m), 0u);
  s.start = V("2026-03-09");  // due Mon 30 March, before the reference date
  EXPECT_EQ(N("8675Q", m), 1u);
  s.icpc_not_required = V("true");
  EXPECT_EQ(N("8675Q", m), 0u);
}

TEST(CinRulesQueries, Rule8825QClosedAfterAssessmentHasOne) {
  CinMessage m = FullMessage();
  EXPECT_EQ(N("8825Q", m), 0u);  // C2's NFA referral closed RC7
  Nfa(m).closure_reason = V("RC8");
  EXPECT_EQ(N("8825Q", m), 1u);
  Nfa(m).closure_reason = V("RC9");
  EXPECT_EQ(N("8825Q", m), 1u);
  Ep(m).closure_date = V("2026-03-01");  // C1's episode has its assessment
  Ep(m).closure_reason = V("RC9");
  EXPECT_EQ(N("8825Q", m), 1u);
}

TEST(CinRulesQueries, Rule8842QReviewWithoutADate) {
  // An empty value is not written as XML, so the message is checked as built.
  CinMessage m = FullMessage();
  auto count = [&] {
    size_t n = 0;
    for (const Finding& f : ValidateCin(m, 2026, {}).findings) n += f.rule == "8842Q";
    return n;
  };
  EXPECT_EQ(count(), 0u);
  Ep(m).protection_plans[0].reviews.push_back(V(""));
  EXPECT_EQ(count(), 1u);
}

TEST(CinRulesQueries, Rule8863QOneAssessmentAtATime) {
  CinMessage m = FullMessage();
  CinAssessment later = Ep(m).assessments[0];
  later.start = V("2025-06-11");  // the day after the first was authorised
  later.authorised = V("2025-07-01");
  Ep(m).assessments.push_back(later);
  EXPECT_EQ(N("8863Q", m), 0u);
  Ep(m).assessments[1].start = V("2025-06-10");  // the day it was authorised
  EXPECT_EQ(N("8863Q", m), 1u);
  Ep(m).assessments[0].authorised = V("");  // open to the reference date
  Ep(m).assessments[0].factors.clear();
  Ep(m).assessments[1].start = V("2026-03-31");
  EXPECT_EQ(N("8863Q", m), 1u);
}

TEST(CinRulesQueries, Rule8870QTargetNotAtAWeekend) {
  CinMessage m = FullMessage();
  CinSection47& s = Ep(m).section47s[0];
  for (const char* weekday : {"2025-07-18", "2025-07-21"}) {  // Friday, Monday
    s.icpc_target = V(weekday);
    EXPECT_EQ(N("8870Q", m), 0u) << weekday;
  }
  for (const char* weekend : {"2025-07-19", "2025-07-20"}) {
    s.icpc_target = V(weekend);
    EXPECT_EQ(N("8870Q", m), 1u) << weekend;
  }
}

}  // namespace
}  // namespace journey::returns
