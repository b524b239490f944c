// CIN census rules over the return as a whole (the council's share of children with no sex
// recorded, its use of the disability codes), and the last rules on assessments and on a
// child's age (cin2022_23, unchanged to cin2025_26). Each rule's check is the DfE's (as the
// DfE-commissioned CIN validator reads it), in our words beside the code. A rule on the
// whole return is reported once, on the message's Header.
#include <fmt/format.h>

#include <set>

#include "returns/cin_rules_impl.h"

namespace journey::returns::cin_rules {

std::vector<CinRule> WideRules2023() {
  std::vector<CinRule> r;
  // 2886Q: at most 2% of the children (not counting the unborn) have no sex recorded
  // (missing, or GenderCurrent 0 "not known" before 2024/25).
  r.push_back(Query(
      "2886Q", "At most 2% of the children have no sex recorded: query", "DfE CIN rule 2886Q",
      [](const CinRule& self, const CinRuleContext& ctx) {
        size_t all = 0, none = 0;
        EachChild(ctx, [&](const CinChild& c) {
          ++all;
          none += c.expected_birth.empty() && (c.sex.empty() || c.sex.v == "0");
        });
        if (all && none * 50 > all)
          ctx.FindAt(self, nullptr, "Message/Header", ctx.message().header.year.line,
                     SexElement(ctx.year()),
                     fmt::format("{} of the return's {} children ({:.1f}%) have no sex recorded "
                                 "(the unborn not counted); more than 2% is queried",
                                 none, all, 100.0 * static_cast<double>(none) / all));
      }));
  // 2887Q: the return uses more than 7 different disability codes (NONE not counted).
  // 2888Q: some child has more than one disability code (NONE not counted), when any child
  // has one.
  r.push_back(Query(
      "2887Q", "More than 7 different disability codes are used: query", "DfE CIN rule 2887Q",
      [](const CinRule& self, const CinRuleContext& ctx) {
        std::set<std::string> codes;
        EachChild(ctx, [&](const CinChild& c) {
          for (const Leaf& d : c.disabilities)
            if (!d.empty() && d.v != "NONE") codes.insert(d.v);
        });
        if (codes.size() <= 7)
          ctx.FindAt(self, nullptr, "Message/Header", ctx.message().header.year.line, "Disability",
                     fmt::format("the return uses {} different disability codes (NONE not "
                                 "counted); fewer than 8 is queried: check that every child's "
                                 "disabilities are recorded",
                                 codes.size()));
      }));
  r.push_back(Query(
      "2888Q", "Some child has more than one disability code: query", "DfE CIN rule 2888Q",
      [](const CinRule& self, const CinRuleContext& ctx) {
        size_t most = 0;
        EachChild(ctx, [&](const CinChild& c) {
          size_t n = 0;
          for (const Leaf& d : c.disabilities) n += !d.empty() && d.v != "NONE";
          most = std::max(most, n);
        });
        if (most == 1)
          ctx.FindAt(self, nullptr, "Message/Header", ctx.message().header.year.line, "Disability",
                     "every disabled child has one disability code; record each of a child's "
                     "disabilities where there are several");
      }));
  // 8775Q: a child born more than 25 years before the reference date has no episode open
  // (or closed) after their 25th birthday.
  r.push_back(Query(
      "8775Q", "No episode runs past the child's 25th birthday: query", "DfE CIN rule 8775Q",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachChild(ctx, [&](const CinChild& c) {
          const D born = Dt(c.birth);
          if (!born || *born >= ctx.reference_date().AddYears(-25)) return;
          const Date twenty_five = born->AddYears(25);
          for (const CinDetails& d : c.details) {
            const D closed = Dt(d.closure_date);
            if (!closed || *closed > twenty_five) {
              ctx.Find(self, &c, kIds + "/PersonBirthDate", c.birth, "PersonBirthDate",
                       fmt::format("the child was 25 on {} and has an episode {} after it; check "
                                   "the birth date",
                                   twenty_five.ToIso(), closed ? "closed" : "open"));
              break;
            }
          }
        });
      }));
  // 8873Q: an episode whose one assessment found no factors (21) closed after assessment
  // (RC8, or RC9 referred to early help).
  r.push_back(Query(
      "8873Q", "One assessment with factor 21: closed RC8 or RC9: query", "DfE CIN rule 8873Q",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
          if (d.assessments.size() != 1) return;
          bool none_found = false;
          for (const Leaf& f : d.assessments[0].factors) none_found |= f.v == "21";
          const std::string& why = d.closure_reason.v;
          if (none_found && why != "RC8" && why != "RC9")
            ctx.FindAt(self, &c, kDetails, d.line, "ReasonForClosure",
                       fmt::format("the episode's one assessment found no factors (21) but its "
                                   "reason for closure is {}; RC8 or RC9 is expected",
                                   why.empty() ? "not given" : why));
        });
      }));
  // 8896: within an episode, at most one assessment is open (no authorisation date).
  r.push_back(Error("8896", "At most one open assessment in an episode", "DfE CIN rule 8896",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        size_t open = 0;
                        for (const CinAssessment& a : d.assessments)
                          if (a.authorised.empty() && ++open == 2)
                            ctx.FindAt(self, &c, kAssess, a.line, "AssessmentAuthorisationDate",
                                       "the episode has two or more assessments with no "
                                       "AssessmentAuthorisationDate; at most one is open");
                      });
                    }));
  // 8898: no factor code appears twice on one assessment.
  r.push_back(Error("8898", "No factor code twice on an assessment", "DfE CIN rule 8898",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        for (const CinAssessment& a : d.assessments) {
                          std::set<std::string> seen;
                          for (const Leaf& f : a.factors)
                            if (!f.empty() && !seen.insert(f.v).second)
                              ctx.Find(self, &c,
                                       kAssess + "/FactorsIdentifiedAtAssessment/AssessmentFactors",
                                       f, "AssessmentFactors",
                                       fmt::format("factor {} is given twice on the assessment; "
                                                   "give each factor once",
                                                   f.v));
                        }
                      });
                    }));
  return r;
}

}  // namespace journey::returns::cin_rules
