// Each CIN census rule: a failing and a passing case at its boundary, on a full message
// (cin_test_util.h) read back from XML.
#include "returns/cin_rules.h"

#include <gtest/gtest.h>

#include <cstring>
#include <functional>

#include "returns/cin_test_util.h"

namespace journey::returns {
namespace {

using testing::FullMessage;
using testing::Reread;
using testing::V;

// The findings of one rule on the message (after a trip through XML, for lines).
std::vector<Finding> Of(const std::string& rule, const CinMessage& m, int year = 2026,
                        CinReference ref = {}) {
  std::vector<Finding> out;
  for (Finding& f : ValidateCin(Reread(m, year), year, ref).findings)
    if (f.rule == rule) out.push_back(std::move(f));
  return out;
}
CinDetails& Ep(CinMessage& m) { return m.children[0].details[0]; }

TEST(CinRules, FullMessageHasNoFindings) {
  for (int year : {2024, 2026}) {
    CinMessage m = FullMessage(year);
    if (year == 2024) {  // 2023-07-15 is a Saturday (rule 8875): the Friday before
      m.children[0].details[0].section47s[0].icpc_date = V("2023-07-14");
      m.children[0].details[0].protection_plans[0].start = V("2023-07-14");
    }
    CinValidation v = ValidateCin(Reread(m, year), year, {});
    for (const Finding& f : v.findings) ADD_FAILURE() << year << ": " << f.ToString();
    ASSERT_EQ(v.not_run.size(), 1u);
    EXPECT_EQ(v.not_run[0].rule, "1530");
  }
}

TEST(CinRules, FindingsAreLocated) {
  CinMessage m = FullMessage();
  Ep(m).source = V("1Z");
  auto f = Of("8866", m);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].child, "C1");
  EXPECT_EQ(f[0].field, "ReferralSource");
  EXPECT_EQ(f[0].value, "1Z");
  EXPECT_EQ(f[0].table, "Message/Children/Child/CINdetails/ReferralSource");
  EXPECT_EQ(f[0].file, "cin.xml");
  EXPECT_GT(f[0].line, 20);
  EXPECT_NE(f[0].message.find("allowed: 1A"), std::string::npos) << f[0].message;
}

TEST(CinRules, Rule100ReferenceDate) {
  CinMessage m = FullMessage();
  m.header.reference_date = V("2026-03-30");
  EXPECT_EQ(Of("100", m).size(), 1u);
  m.header.reference_date = V("2026-03-31");
  EXPECT_TRUE(Of("100", m).empty());
  m.header.reference_date = V("2025-03-31");  // last year's
  EXPECT_EQ(Of("100", m).size(), 1u);
}

TEST(CinRules, CodeRules) {
  struct Case {
    const char* rule;
    std::function<void(CinMessage&, const char*)> set;
    const char* good;
    const char* bad;
  };
  const std::vector<Case> cases = {
      {"4220", [](CinMessage& m, const char* v) { m.children[0].ethnicity = V(v); }, "WROM", "WBR"},
      {"8540", [](CinMessage& m, const char* v) { m.children[0].disabilities = {V(v)}; }, "DDA",
       "DEAF"},
      {"8770Q", [](CinMessage& m, const char* v) { m.children[1].upn_unknown = V(v); }, "UN7",
       "UN8"},
      {"8866", [](CinMessage& m, const char* v) { Ep(m).source = V(v); }, "10", "11"},
      {"8650", [](CinMessage& m, const char* v) { Ep(m).primary_need = V(v); }, "N9", "N10"},
      {"8640",
       [](CinMessage& m, const char* v) {
         Ep(m).closure_date = V("2026-03-31");
         Ep(m).closure_reason = V(v);
       },
       "RC9", "RC10"},
      {"8905",
       [](CinMessage& m, const char* v) { Ep(m).protection_plans[0].initial_category = V(v); },
       "MUL", "SEX"},
      {"8910",
       [](CinMessage& m, const char* v) { Ep(m).protection_plans[0].latest_category = V(v); },
       "EMO", "EMOT"},
      {"8897Q", [](CinMessage& m, const char* v) { Ep(m).assessments[0].factors = {V(v)}; }, "24A",
       "25A"},
      {"4180", [](CinMessage& m, const char* v) { m.children[0].sex = V(v); }, "M", "1"},
  };
  for (const Case& c : cases) {
    CinMessage m = FullMessage();
    c.set(m, c.good);
    EXPECT_TRUE(Of(c.rule, m).empty()) << c.rule << " " << c.good;
    c.set(m, c.bad);
    auto f = Of(c.rule, m);
    ASSERT_EQ(f.size(), 1u) << c.rule << " " << c.bad;
    EXPECT_EQ(f[0].value, c.bad);
    EXPECT_EQ(f[0].severity,
              c.rule[std::strlen(c.rule) - 1] == 'Q' ? Severity::kQuery : Severity::kError);
  }
}

TEST(CinRules, Rule4180GenderCurrentBefore2024_25) {
  CinMessage m = FullMessage(2024);
  m.children[0].sex = V("9");
  EXPECT_TRUE(Of("4180", m, 2024).empty());
  m.children[0].sex = V("M");  // a 2024/25 code, not yet in 2023/24
  EXPECT_EQ(Of("4180", m, 2024).size(), 1u);
}

TEST(CinRules, UpnRules) {
  CinMessage m = FullMessage();
  EXPECT_TRUE(Of("1510", m).empty());
  m.children[0].upn = V("F990123456789");  // wrong check letter (E is right)
  EXPECT_EQ(Of("1510", m).size(), 1u);
  m.children[0].upn = V("E99012345678X");  // 1550: X is allowed, so 1510 checks it
  EXPECT_TRUE(Of("1550", m).empty());
  m.children[0].upn = V("E99012345678I");  // I is not
  EXPECT_EQ(Of("1550", m).size(), 1u);
  m.children[0].upn = V("E9901234567A9");  // 1540: character 12 a letter
  EXPECT_EQ(Of("1540", m).size(), 1u);
  m.children[0].upn = V("E990123456789");
  EXPECT_TRUE(Of("1540", m).empty());
  // 1560Q: a letter at 13 is a temporary UPN. Its check letter counts the letter's place.
  m.children[0].upn = V("X99012345678A");  // A counts 0: sum 510-117 = 393, mod 23 = 2: C
  EXPECT_EQ(Of("1560Q", m).size(), 1u);
  EXPECT_EQ(Of("1510", m).size(), 1u);
  m.children[0].upn = V("C99012345678A");
  EXPECT_TRUE(Of("1510", m).empty());
  // 1520: two children with one UPN.
  m = FullMessage();
  m.children[1].upn = m.children[0].upn;
  m.children[1].upn_unknown = V("");
  EXPECT_EQ(Of("1520", m).size(), 2u);
}

TEST(CinRules, ChildIdRules) {
  CinMessage m = FullMessage();
  m.children[1].la_child_id = V("C1");
  EXPECT_EQ(Of("8510", m).size(), 2u);
  m.children[1].la_child_id = V("");
  EXPECT_EQ(Of("8500", m).size(), 1u);
  m.children[1].la_child_id = V(std::string(20, 'A'));
  EXPECT_TRUE(Of("1570", m).empty());
  m.children[1].la_child_id = V(std::string(21, 'A'));
  EXPECT_EQ(Of("1570", m).size(), 1u);
  EXPECT_TRUE(Of("1570", m, 2024).empty());  // from 2024/25
  m.children[1].la_child_id = V("C-2");
  EXPECT_EQ(Of("1580", m).size(), 1u);
  m.children[1].la_child_id = V("C2");
  EXPECT_TRUE(Of("1580", m).empty());
  m.children[1].details.clear();
  EXPECT_EQ(Of("8590", m).size(), 1u);
}

TEST(CinRules, DatesNotBeforeTheReferral) {
  CinMessage m = FullMessage();
  // Boundary: the same day as the referral passes, the day before fails.
  Ep(m).assessments[0].start = V("2025-05-01");
  EXPECT_TRUE(Of("1103", m).empty());
  Ep(m).assessments[0].start = V("2025-04-30");
  EXPECT_EQ(Of("1103", m).size(), 1u);
  Ep(m).section47s[0].icpc_date = V("2025-05-01");
  EXPECT_TRUE(Of("1104", m).empty());
  Ep(m).section47s[0].icpc_date = V("2025-04-30");
  EXPECT_EQ(Of("1104", m).size(), 1u);
  Ep(m).protection_plans[0].start = V("2025-05-01");
  EXPECT_TRUE(Of("1105", m).empty());
  Ep(m).protection_plans[0].start = V("2025-04-30");
  EXPECT_EQ(Of("1105", m).size(), 1u);
}

TEST(CinRules, Rule2883MorePlansThanConferences) {
  CinMessage m = FullMessage();
  EXPECT_TRUE(Of("2883", m).empty());               // one plan, one conference
  Ep(m).section47s[0].icpc_date = V("2025-03-31");  // the day before the period
  auto f = Of("2883", m);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].child, "");
  Ep(m).section47s[0].icpc_date = V("");
  Ep(m).icpc_date = V("2025-04-01");  // on the episode instead, first day of the period
  EXPECT_TRUE(Of("2883", m).empty());
}

TEST(CinRules, Rule2884ConferenceAtOneLevel) {
  CinMessage m = FullMessage();
  Ep(m).icpc_date = V("2025-07-16");
  EXPECT_TRUE(Of("2884", m).empty());
  Ep(m).icpc_date = V("2025-07-15");  // the enquiry's
  EXPECT_EQ(Of("2884", m).size(), 1u);
}

TEST(CinRules, Rule8820EpisodesDoNotOverlap) {
  CinMessage m = FullMessage();
  Ep(m).closure_date = V("2025-09-01");
  Ep(m).closure_reason = V("RC1");
  CinDetails next = Ep(m);
  next.assessments.clear();
  next.plans.clear();
  next.section47s.clear();
  next.protection_plans.clear();
  next.closure_date = V("");
  next.closure_reason = V("");
  next.referral_date = V("2025-09-01");  // the day the first closed: allowed
  m.children[0].details.push_back(next);
  EXPECT_TRUE(Of("8820", m).empty());
  m.children[0].details[0].closure_date = V("2025-09-02");  // overlaps by a day
  auto f = Of("8820", m);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value, "2025-09-01");
}

TEST(CinRules, Rule8869Factor21Alone) {
  CinMessage m = FullMessage();
  Ep(m).assessments[0].factors = {V("21")};
  EXPECT_TRUE(Of("8869", m).empty());
  Ep(m).assessments[0].factors = {V("21"), V("3B")};
  EXPECT_EQ(Of("8869", m).size(), 1u);
}

TEST(CinRules, Factors18AAnd19AQueriedFrom2024_25) {
  CinMessage m = FullMessage();
  Ep(m).assessments[0].factors = {V("18A"), V("19A")};
  EXPECT_EQ(Of("8945Q", m).size(), 1u);
  EXPECT_EQ(Of("8950Q", m).size(), 1u);
  Ep(m).assessments[0].factors = {V("18B"), V("19C")};
  EXPECT_TRUE(Of("8945Q", m).empty());
  EXPECT_TRUE(Of("8950Q", m).empty());
  Ep(m).assessments[0].factors = {V("18A")};
  EXPECT_TRUE(Of("8945Q", FullMessage(2024), 2024).empty());
}

TEST(CinRules, BirthDates8525QAnd8750) {
  CinMessage m = FullMessage();
  m.children[1].birth = V("2026-03-01");  // both given
  EXPECT_EQ(Of("8525Q", m).size(), 1u);
  m.children[1].birth = V("");
  EXPECT_TRUE(Of("8525Q", m).empty());
  m.children[1].expected_birth = V("");  // neither
  EXPECT_EQ(Of("8525Q", m).size(), 1u);
  m = FullMessage();
  EXPECT_TRUE(Of("8750", m).empty());
  m.children[1].sex = V("F");  // unborn, sex F
  EXPECT_EQ(Of("8750", m).size(), 1u);
}

TEST(CinRules, YearsInheritAndReplace) {
  auto codes = [](int year) {
    std::vector<std::string> c;
    for (const CinRule* r : CinRulesFor(year)) c.push_back(r->code);
    return c;
  };
  auto has = [&](int year, const std::string& code) {
    auto c = codes(year);
    return std::find(c.begin(), c.end(), code) != c.end();
  };
  EXPECT_TRUE(has(2024, "4180"));
  EXPECT_FALSE(has(2024, "1570"));
  EXPECT_TRUE(has(2026, "1570"));
  EXPECT_TRUE(has(2026, "8945Q"));
  EXPECT_EQ(codes(2025), codes(2026));  // 2025/26 keeps 2024/25's set
}

TEST(CinRules, XsdFindingForADateThatIsNotReal) {
  CinMessage m = FullMessage();
  Ep(m).referral_date = V("2025-02-31");
  const std::string xml = CinXml(m, 2026);
  CinValidation v = ValidateCin(ReadCinXml({"cin.xml", xml}).message, 2026, {}, xml);
  int xsd = 0;
  for (const Finding& f : v.findings) xsd += f.rule == "XSD";
  EXPECT_EQ(xsd, 1);
}

}  // namespace
}  // namespace journey::returns
