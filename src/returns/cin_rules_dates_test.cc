// CIN census rules on dates, closures, NFA referrals, disabilities and protection plans: a
// failing and a passing case at each rule's boundary, on the full message.
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


TEST(CinRulesDates, Rule8606ReferralAtMost280DaysBeforeBirth) {
  CinMessage m = FullMessage();
  // C2 is expected 2026-05-01: 280 days before is 2025-07-25.
  Nfa(m).referral_date = V("2025-07-25");
  Nfa(m).closure_date = V("2025-07-25");
  EXPECT_EQ(N("8606", m), 0u);
  Nfa(m).referral_date = V("2025-07-24");
  EXPECT_EQ(N("8606", m), 1u);
}

TEST(CinRulesDates, Rule8608AuthorisedNotBeforeStart) {
  CinMessage m = FullMessage();
  Ep(m).assessments[0].authorised = V("2025-05-02");  // the start day
  EXPECT_EQ(N("8608", m), 0u);
  Ep(m).assessments[0].authorised = V("2025-05-01");
  EXPECT_EQ(N("8608", m), 1u);
}

TEST(CinRulesDates, Rule8610NeedCodeWhenActionFollowed) {
  CinMessage m = FullMessage();
  Nfa(m).primary_need = V("");  // NFA true: not needed
  EXPECT_EQ(N("8610", m), 0u);
  Ep(m).primary_need = V("");
  EXPECT_EQ(N("8610", m), 1u);
}

TEST(CinRulesDates, Rule8614FactorsOnlyWhenAuthorised) {
  CinMessage m = FullMessage();
  EXPECT_EQ(N("8614", m), 0u);
  Ep(m).assessments[0].authorised = V("");
  EXPECT_EQ(N("8614", m), 1u);
}

TEST(CinRulesDates, Rule8615EnquiryStartsByItsConference) {
  CinMessage m = FullMessage();
  Ep(m).section47s[0].start = V("2025-07-15");  // the conference's day
  EXPECT_EQ(N("8615", m), 0u);
  Ep(m).section47s[0].start = V("2025-07-16");
  EXPECT_EQ(N("8615", m), 1u);
}

TEST(CinRulesDates, CensusYearRules8620And8696And8715) {
  CinMessage m = FullMessage();
  Ep(m).closure_date = V("2025-04-01");  // first day of the year
  Ep(m).closure_reason = V("RC1");
  Ep(m).assessments[0].authorised = V("2026-03-31");  // last day
  Ep(m).section47s[0].icpc_date = V("2026-03-31");
  EXPECT_EQ(N("8620", m), 0u);
  EXPECT_EQ(N("8696", m), 0u);
  EXPECT_EQ(N("8715", m), 0u);
  Ep(m).closure_date = V("2025-03-31");
  Ep(m).assessments[0].authorised = V("2026-04-01");
  Ep(m).section47s[0].icpc_date = V("2026-04-01");
  EXPECT_EQ(N("8620", m), 1u);
  EXPECT_EQ(N("8696", m), 1u);
  EXPECT_EQ(N("8715", m), 1u);
}

TEST(CinRulesDates, Rule8630ClosureNotBeforeReferral) {
  CinMessage m = FullMessage();
  Nfa(m).closure_date = V("2025-12-01");  // the referral's day
  EXPECT_EQ(N("8630", m), 0u);
  Nfa(m).closure_date = V("2025-11-30");
  EXPECT_EQ(N("8630", m), 1u);
}

TEST(CinRulesDates, Rule8720PlanStartsByTheReferenceDate) {
  CinMessage m = FullMessage();
  Ep(m).protection_plans[0].start = V("2026-03-31");
  EXPECT_EQ(N("8720", m), 0u);
  Ep(m).protection_plans[0].start = V("2026-04-01");
  EXPECT_EQ(N("8720", m), 1u);
}

TEST(CinRulesDates, Rule8730PreviousPlans) {
  CinMessage m = FullMessage();
  Ep(m).protection_plans[0].previous_plans = V("12");
  EXPECT_EQ(N("8730", m), 0u);
  Ep(m).protection_plans[0].previous_plans = V("");
  EXPECT_EQ(N("8730", m), 1u);
  Ep(m).protection_plans[0].previous_plans = V("-1");
  EXPECT_EQ(N("8730", m), 1u);
}

TEST(CinRulesDates, Rule8740EnquiryAwaitingConferenceStartsInYear) {
  CinMessage m = FullMessage();
  CinSection47& s = Ep(m).section47s[0];
  s.icpc_date = V("");
  s.start = V("2025-04-01");
  Ep(m).protection_plans.clear();
  EXPECT_EQ(N("8740", m), 0u);
  s.start = V("2025-03-31");
  EXPECT_EQ(N("8740", m), 1u);
  s.icpc_not_required = V("true");  // none needed: not this rule's
  EXPECT_EQ(N("8740", m), 0u);
}

TEST(CinRulesDates, Rule8790NoneStandsAlone) {
  CinMessage m = FullMessage();
  m.children[0].disabilities = {V("NONE")};
  EXPECT_EQ(N("8790", m), 0u);
  m.children[0].disabilities = {V("NONE"), V("MOB")};
  EXPECT_EQ(N("8790", m), 1u);
}

TEST(CinRulesDates, Rule8794NoDisabilityTwice) {
  CinMessage m = FullMessage();
  m.children[0].disabilities = {V("MOB"), V("HAND")};
  EXPECT_EQ(N("8794", m), 0u);
  m.children[0].disabilities = {V("MOB"), V("MOB")};
  EXPECT_EQ(N("8794", m), 2u);
}

TEST(CinRulesDates, Rules8805And8810ClosureAndReasonTogether) {
  CinMessage m = FullMessage();
  EXPECT_EQ(N("8805", m) + N("8810", m), 0u);
  Nfa(m).closure_reason = V("");
  EXPECT_EQ(N("8805", m), 1u);
  m = FullMessage();
  Ep(m).closure_reason = V("RC1");  // open episode with a reason
  EXPECT_EQ(N("8810", m), 1u);
}

TEST(CinRulesDates, Rules8815And8816OpenEpisodes) {
  CinMessage m = FullMessage();
  CinDetails later = Nfa(m);
  later.referral_date = V("2026-01-10");
  later.closure_date = V("");
  later.closure_reason = V("");
  later.nfa = V("false");
  Ep(m).closure_date = V("");
  m.children[0].details.push_back(later);  // two open episodes with action
  EXPECT_EQ(N("8815", m), 2u);
  EXPECT_EQ(N("8816", m), 1u);               // the first is not the latest
  m.children[0].details[1].nfa = V("true");  // the later one is an NFA referral
  EXPECT_EQ(N("8815", m), 0u);
}

TEST(CinRulesDates, Rules8831And8832NothingOnAnNfaReferral) {
  CinMessage m = FullMessage();
  EXPECT_EQ(N("8831", m) + N("8832", m), 0u);
  CinAssessment a;
  a.start = V("2025-12-01");
  Nfa(m).assessments.push_back(a);
  EXPECT_EQ(N("8831", m), 1u);
  m = FullMessage();
  Nfa(m).protection_plans.push_back(Ep(m).protection_plans[0]);
  EXPECT_EQ(N("8832", m), 1u);
}

TEST(CinRulesDates, Rule8839OneEnquiryAwaitingConference) {
  CinMessage m = FullMessage();
  CinSection47 s = Ep(m).section47s[0];
  s.icpc_date = V("");
  s.start = V("2025-08-01");
  Ep(m).section47s.push_back(s);
  EXPECT_EQ(N("8839", m), 0u);  // one awaiting
  Ep(m).section47s.push_back(s);
  EXPECT_EQ(N("8839", m), 2u);
  Ep(m).section47s[2].icpc_not_required = V("1");
  EXPECT_EQ(N("8839", m), 0u);
}

TEST(CinRulesDates, Rules8840And8841PlanDays) {
  CinMessage m = FullMessage();
  Ep(m).protection_plans[0].end = V("2025-07-16");
  Ep(m).protection_plans[0].reviews = {V("2025-07-16")};
  EXPECT_EQ(N("8840", m) + N("8841", m), 0u);
  Ep(m).protection_plans[0].end = V("2025-07-15");
  Ep(m).protection_plans[0].reviews = {V("2025-07-15")};
  EXPECT_EQ(N("8840", m), 1u);
  EXPECT_EQ(N("8841", m), 1u);
}

TEST(CinRulesDates, Rules8867And8868ClosedEpisodesConcluded) {
  CinMessage m = FullMessage();
  Ep(m).closure_date = V("2026-03-31");
  Ep(m).closure_reason = V("RC1");
  EXPECT_EQ(N("8867", m) + N("8868", m), 0u);
  Ep(m).assessments[0].authorised = V("");
  Ep(m).assessments[0].factors.clear();
  Ep(m).section47s[0].icpc_date = V("");
  EXPECT_EQ(N("8867", m), 1u);
  EXPECT_EQ(N("8868", m), 1u);
  Ep(m).section47s[0].icpc_not_required = V("true");
  EXPECT_EQ(N("8868", m), 0u);
}

TEST(CinRulesDates, Rule8875ConferenceOnAWeekday) {
  CinMessage m = FullMessage();
  Ep(m).section47s[0].icpc_date = V("2025-07-18");  // a Friday
  EXPECT_EQ(N("8875", m), 0u);
  Ep(m).section47s[0].icpc_date = V("2025-07-19");  // a Saturday
  EXPECT_EQ(N("8875", m), 1u);
}

TEST(CinRulesDates, Rule8890OneEnquiryAtATime) {
  CinMessage m = FullMessage();  // enquiry 2025-07-01 to its conference 2025-07-15
  CinSection47 s = Ep(m).section47s[0];
  s.start = V("2025-07-16");
  s.icpc_date = V("2025-07-30");
  Ep(m).section47s.push_back(s);
  EXPECT_EQ(N("8890", m), 0u);
  Ep(m).section47s[1].start = V("2025-07-15");  // the other's conference day
  EXPECT_EQ(N("8890", m), 1u);
}

TEST(CinRulesDates, Rule8915NoPlanAfterDeath) {
  CinMessage m = FullMessage();
  m.children[0].death = V("2025-07-15");  // the plan's start day
  EXPECT_EQ(N("8915", m), 0u);
  m.children[0].death = V("2025-07-14");
  EXPECT_EQ(N("8915", m), 1u);
}

TEST(CinRulesDates, Rules8925And8930PlanEnd) {
  CinMessage m = FullMessage();
  Ep(m).protection_plans[0].end = V("2026-03-31");  // last day of the year
  EXPECT_EQ(N("8925", m) + N("8930", m), 0u);
  Ep(m).protection_plans[0].end = V("2026-04-01");
  EXPECT_EQ(N("8930", m), 1u);
  Ep(m).protection_plans[0].end = V("2025-07-14");  // the day before the start
  EXPECT_EQ(N("8925", m), 1u);
}

TEST(CinRulesDates, Rules8935And8940OnePlanAtATime) {
  CinMessage m = FullMessage();
  CinProtectionPlan next = Ep(m).protection_plans[0];
  Ep(m).protection_plans[0].end = V("2025-09-01");
  next.start = V("2025-09-02");
  next.reviews.clear();
  Ep(m).protection_plans.push_back(next);
  EXPECT_EQ(N("8935", m) + N("8940", m), 0u);
  Ep(m).protection_plans[1].start = V("2025-09-01");  // the other's last day
  EXPECT_EQ(N("8940", m), 1u);
  Ep(m).protection_plans[0].end = V("");
  EXPECT_EQ(N("8935", m), 2u);
}

TEST(CinRulesDates, Rule8920NoPlanEndsAfterDeath) {
  CinMessage m = FullMessage();
  Ep(m).protection_plans[0].end = V("2025-09-01");
  m.children[0].death = V("2025-09-01");
  EXPECT_EQ(N("8920", m), 0u);
  m.children[0].death = V("2025-08-31");
  EXPECT_EQ(N("8920", m), 1u);
}

TEST(CinRulesDates, CinPlanRules4000And4015And4016) {
  CinMessage m = FullMessage();  // plan 2025-06-11 to 2025-07-01; protection plan from 07-15
  EXPECT_EQ(N("4000", m) + N("4015", m) + N("4016", m), 0u);
  Ep(m).plans[0].start = V("2025-05-01");  // the referral's day
  EXPECT_EQ(N("4015", m), 0u);
  Ep(m).plans[0].start = V("2025-04-30");
  EXPECT_EQ(N("4015", m), 1u);
  m = FullMessage();
  Ep(m).protection_plans[0].end = V("2025-09-01");
  Ep(m).plans.push_back({0, V("2025-09-01"), V("")});  // the day the protection plan ends
  EXPECT_EQ(N("4016", m), 0u);
  Ep(m).plans[1].start = V("2025-08-31");
  EXPECT_EQ(N("4016", m), 1u);
  m = FullMessage();
  Nfa(m).plans.push_back({0, V("2025-12-01"), V("")});
  EXPECT_EQ(N("4000", m), 1u);
}

TEST(CinRulesDates, Rule4004OneOpenCinPlanAnEpisode) {
  CinMessage m = FullMessage();
  Ep(m).plans.push_back({0, V("2025-07-02"), V("")});  // one open, one ended
  EXPECT_EQ(N("4004", m), 0u);
  Ep(m).plans[0].end = V("");
  EXPECT_EQ(N("4004", m), 2u);
}

}  // namespace
}  // namespace journey::returns
