// CIN census rules over the whole return and the last ones on assessments and age
// (cin_rules_wide.cc): a failing and a passing case at each rule's boundary, on the full
// message of cin_test_util.h (C1 has eight disability codes; reference date 2026-03-31).
#include <gtest/gtest.h>

#include "returns/cin_rules.h"
#include "returns/cin_test_util.h"

namespace journey::returns {
namespace {

using testing::Ep;
using testing::FullMessage;
using testing::N;
using testing::V;

TEST(CinRulesWide, Rule2886QAtMostTwoPercentWithoutSex) {
  CinMessage m = FullMessage();
  for (int i = 0; i < 48; ++i) {  // 50 children
    CinChild copy = m.children[0];
    copy.la_child_id = V("K" + std::to_string(i));
    m.children.push_back(copy);
  }
  m.children[2].sex = V("");  // 1 of 50: 2%, not more
  EXPECT_EQ(N("2886Q", m), 0u);
  m.children.pop_back();  // 1 of 49
  EXPECT_EQ(N("2886Q", m), 1u);
  m.children[2].expected_birth = V("2026-05-01");  // the unborn are not counted
  EXPECT_EQ(N("2886Q", m), 0u);
}

TEST(CinRulesWide, Rules2887QAnd2888QDisabilityCodes) {
  CinMessage m = FullMessage();
  EXPECT_EQ(N("2887Q", m), 0u);           // eight codes
  EXPECT_EQ(N("2888Q", m), 0u);           // C1 has several
  m.children[0].disabilities.pop_back();  // seven
  EXPECT_EQ(N("2887Q", m), 1u);
  m.children[0].disabilities = {V("MOB")};  // every disabled child has one code
  EXPECT_EQ(N("2888Q", m), 1u);
  m.children[0].disabilities = {V("NONE")};  // no disabled child: nothing to say
  EXPECT_EQ(N("2888Q", m), 0u);
}

TEST(CinRulesWide, Rule8775QNoEpisodePastTwentyFive) {
  CinMessage m = FullMessage();
  m.children[0].birth = V("2001-03-31");  // 25 on the reference date itself
  EXPECT_EQ(N("8775Q", m), 0u);
  m.children[0].birth = V("2001-03-30");  // 25 the day before, with an open episode
  EXPECT_EQ(N("8775Q", m), 1u);
  Ep(m).closure_date = V("2026-03-30");  // closed on the 25th birthday
  Ep(m).closure_reason = V("RC7");
  EXPECT_EQ(N("8775Q", m), 0u);
  Ep(m).closure_date = V("2026-03-31");
  EXPECT_EQ(N("8775Q", m), 1u);
}

TEST(CinRulesWide, Rule8873QNoFactorsClosesAfterAssessment) {
  CinMessage m = FullMessage();
  Ep(m).assessments[0].factors = {V("21")};
  EXPECT_EQ(N("8873Q", m), 1u);  // open, no reason
  Ep(m).closure_date = V("2026-03-01");
  Ep(m).closure_reason = V("RC8");
  EXPECT_EQ(N("8873Q", m), 0u);
  Ep(m).closure_reason = V("RC7");
  EXPECT_EQ(N("8873Q", m), 1u);
  Ep(m).assessments.push_back(Ep(m).assessments[0]);  // two assessments: not this rule's
  EXPECT_EQ(N("8873Q", m), 0u);
}

TEST(CinRulesWide, Rule8896OneOpenAssessment) {
  CinMessage m = FullMessage();
  CinAssessment open = Ep(m).assessments[0];
  open.authorised = V("");
  open.factors.clear();
  open.start = V("2026-03-01");
  Ep(m).assessments.push_back(open);  // one open, one authorised
  EXPECT_EQ(N("8896", m), 0u);
  Ep(m).assessments.push_back(open);
  EXPECT_EQ(N("8896", m), 1u);
}

TEST(CinRulesWide, Rule8898FactorOnce) {
  CinMessage m = FullMessage();
  EXPECT_EQ(N("8898", m), 0u);
  Ep(m).assessments[0].factors = {V("3B"), V("4B"), V("3B")};
  EXPECT_EQ(N("8898", m), 1u);
}

}  // namespace
}  // namespace journey::returns
