// CIN census rules on each CIN episode (CINdetails) and its parts: assessments, CIN plans,
// section 47 enquiries and child protection plans.
#include <fmt/format.h>

#include <map>

#include "returns/cin_rules_impl.h"

namespace journey::returns::cin_rules {
namespace {

Leaves DetailsLeaf(Leaf CinDetails::*field, std::string path) {
  return [field, path](const CinRuleContext& ctx, const LeafFn& f) {
    EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) { f(c, path, d.*field); });
  };
}
Leaves CppLeaf(Leaf CinProtectionPlan::*field, std::string path) {
  return [field, path](const CinRuleContext& ctx, const LeafFn& f) {
    EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
      for (const CinProtectionPlan& p : d.protection_plans) f(c, path, p.*field);
    });
  };
}
Leaves Factors() {
  return [](const CinRuleContext& ctx, const LeafFn& f) {
    EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
      for (const CinAssessment& a : d.assessments)
        for (const Leaf& l : a.factors)
          f(c, kAssess + "/FactorsIdentifiedAtAssessment/AssessmentFactors", l);
    });
  };
}

const std::vector<std::string> kFactors2023 = {
    "1A",  "1B",  "1C",  "2A",  "2B",  "2C",  "3A",  "3B",  "3C",  "4A",  "4B",
    "4C",  "5A",  "5B",  "5C",  "6A",  "6B",  "6C",  "7A",  "8B",  "8C",  "8D",
    "8E",  "8F",  "9A",  "10A", "11A", "12A", "13A", "14A", "15A", "16A", "17A",
    "18A", "18B", "18C", "19A", "19B", "19C", "20",  "21",  "22A", "23A", "24A"};

// A date of a part that must not be before the episode's referral date.
CinRule NotBeforeReferral(
    std::string code, std::string what, std::string path, std::string field,
    std::function<void(const CinDetails&, const std::function<void(const Leaf&)>&)> each) {
  std::string summary = fmt::format("{} is not before the referral date", what);
  return Error(std::move(code), std::move(summary), "DfE CIN rule " + code,
               [=](const CinRule& self, const CinRuleContext& ctx) {
                 EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                   const D ref = Dt(d.referral_date);
                   if (!ref) return;
                   each(d, [&](const Leaf& l) {
                     const D at = Dt(l);
                     if (at && *at < *ref)
                       ctx.Find(self, &c, path, l, field,
                                fmt::format("{} is before the episode's referral on {}; it is on "
                                            "or after the referral",
                                            what, ref->ToIso()));
                   });
                 });
               });
}

}  // namespace

std::vector<CinRule> DetailsRules2023() {
  std::vector<CinRule> r;
  // 8866: ReferralSource is a DfE referral source code.
  r.push_back(CodeRule("8866", Severity::kError, "ReferralSource",
                       DetailsLeaf(&CinDetails::source, kDetails + "/ReferralSource"),
                       {"1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E",
                        "3F", "4",  "5A", "5B", "5C", "5D", "6",  "7",  "8",  "9",  "10"},
                       "DfE CIN rule 8866; DATA-SPECS.md §12 2.3"));
  // 8650: PrimaryNeedCode is N0-N9.
  r.push_back(CodeRule("8650", Severity::kError, "PrimaryNeedCode",
                       DetailsLeaf(&CinDetails::primary_need, kDetails + "/PrimaryNeedCode"),
                       {"N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"},
                       "DfE CIN rule 8650; DATA-SPECS.md §12 2.3"));
  // 8640: ReasonForClosure is RC1-RC9.
  r.push_back(CodeRule("8640", Severity::kError, "ReasonForClosure",
                       DetailsLeaf(&CinDetails::closure_reason, kDetails + "/ReasonForClosure"),
                       {"RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"},
                       "DfE CIN rule 8640; DATA-SPECS.md §12 2.3"));
  // 8820 (DfE CIN rule 8820): episodes of one child do not overlap: no episode's referral
  // date falls within another episode (from its referral to its closure, or to the
  // reference date when it is open and not NFA). One may begin the day another closes.
  r.push_back(Error(
      "8820", "A child's CIN episodes do not overlap", "DfE CIN rule 8820",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachChild(ctx, [&](const CinChild& c) {
          for (size_t i = 0; i < c.details.size(); ++i) {
            const D start = Dt(c.details[i].referral_date);
            if (!start) continue;
            for (size_t j = 0; j < c.details.size(); ++j) {
              if (i == j) continue;
              const CinDetails& o = c.details[j];
              const D os = Dt(o.referral_date), oe = Dt(o.closure_date);
              if (!os || *start < *os) continue;
              // The DfE's note allows a referral on the day another closes (the reference
              // validator counts that day as an overlap; we follow the rule's text).
              const bool within =
                  oe ? *start < *oe : (IsFalse(o.nfa) && *start <= ctx.reference_date());
              // Two episodes starting the same day: report the later one in the file only.
              if (within && !(*start == *os && i < j)) {
                ctx.Find(self, &c, kDetails + "/CINreferralDate", c.details[i].referral_date,
                         "CINreferralDate",
                         fmt::format("this episode begins within the child's episode referred "
                                     "on {} ({}); close one before the next begins (the same "
                                     "day is allowed)",
                                     os->ToIso(), oe ? "closed " + oe->ToIso() : "still open"));
                break;
              }
            }
          }
        });
      }));
  return r;
}

std::vector<CinRule> PartsRules2023() {
  std::vector<CinRule> r;
  // 8905 and 8910: the categories of abuse are NEG, PHY, SAB, EMO or MUL.
  const std::vector<std::string> kCategories = {"NEG", "PHY", "SAB", "EMO", "MUL"};
  r.push_back(
      CodeRule("8905", Severity::kError, "InitialCategoryOfAbuse",
               CppLeaf(&CinProtectionPlan::initial_category, kCpp + "/InitialCategoryOfAbuse"),
               kCategories, "DfE CIN rule 8905; DATA-SPECS.md §12 2.3"));
  r.push_back(
      CodeRule("8910", Severity::kError, "LatestCategoryOfAbuse",
               CppLeaf(&CinProtectionPlan::latest_category, kCpp + "/LatestCategoryOfAbuse"),
               kCategories, "DfE CIN rule 8910; DATA-SPECS.md §12 2.3"));
  // 8897Q: each AssessmentFactors is a factor code of the year.
  r.push_back(CodeRule("8897Q", Severity::kQuery, "AssessmentFactors", Factors(), kFactors2023,
                       "DfE CIN rule 8897Q; DATA-SPECS.md §12 2.3"));
  // 8869: factor 21 (no factors identified) is the assessment's only factor.
  r.push_back(Error("8869", "Assessment factor 21 stands alone", "DfE CIN rule 8869",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        for (const CinAssessment& a : d.assessments) {
                          bool none = false;
                          for (const Leaf& f : a.factors) none |= f.v == "21";
                          if (!none) continue;
                          for (const Leaf& f : a.factors)
                            if (f.v != "21")
                              ctx.Find(self, &c,
                                       kAssess + "/FactorsIdentifiedAtAssessment/AssessmentFactors",
                                       f, "AssessmentFactors",
                                       "factor 21 says no factors were identified, so no other "
                                       "factor may be given with it");
                        }
                      });
                    }));
  // 1103: an assessment does not start before its episode's referral.
  r.push_back(NotBeforeReferral("1103", "the assessment's start",
                                kAssess + "/AssessmentActualStartDate", "AssessmentActualStartDate",
                                [](const CinDetails& d, const std::function<void(const Leaf&)>& f) {
                                  for (const CinAssessment& a : d.assessments) f(a.start);
                                }));
  // 1104: an enquiry's initial conference is not before its episode's referral.
  r.push_back(NotBeforeReferral("1104", "the initial conference", kS47 + "/DateOfInitialCPC",
                                "DateOfInitialCPC",
                                [](const CinDetails& d, const std::function<void(const Leaf&)>& f) {
                                  for (const CinSection47& s : d.section47s) f(s.icpc_date);
                                }));
  // 1105: a protection plan does not start before its episode's referral.
  r.push_back(NotBeforeReferral("1105", "the protection plan's start", kCpp + "/CPPstartDate",
                                "CPPstartDate",
                                [](const CinDetails& d, const std::function<void(const Leaf&)>& f) {
                                  for (const CinProtectionPlan& p : d.protection_plans) f(p.start);
                                }));
  // 2883 (council level): protection plans starting in the census period are no more than
  // the initial conferences held in it (CINdetails and Section47 DateOfInitialCPC).
  r.push_back(Error(
      "2883", "No more protection plans start than initial conferences are held",
      "DfE CIN rule 2883", [](const CinRule& self, const CinRuleContext& ctx) {
        auto in = [&](const Leaf& l) {
          const D d = Dt(l);
          return d && *d >= ctx.start() && *d <= ctx.reference_date();
        };
        int plans = 0, conferences = 0;
        EachDetails(ctx, [&](const CinChild&, const CinDetails& d) {
          conferences += in(d.icpc_date);
          for (const CinSection47& s : d.section47s) conferences += in(s.icpc_date);
          for (const CinProtectionPlan& p : d.protection_plans) plans += in(p.start);
        });
        if (plans > conferences)
          ctx.FindAt(self, nullptr, "Message/Children", 0, "CPPstartDate",
                     fmt::format("{} protection plans start in the census period but only {} "
                                 "initial conferences are recorded in it; each plan follows a "
                                 "conference",
                                 plans, conferences));
      }));
  // 2884: an initial conference is recorded once: not both on the episode and on one of the
  // child's enquiries with the same date.
  r.push_back(Error(
      "2884", "An initial conference is recorded at one level only", "DfE CIN rule 2884",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachChild(ctx, [&](const CinChild& c) {
          for (const CinDetails& d : c.details)
            for (const CinDetails& e : c.details)
              for (const CinSection47& s : e.section47s)
                if (!d.icpc_date.empty() && d.icpc_date.v == s.icpc_date.v)
                  ctx.Find(self, &c, kS47 + "/DateOfInitialCPC", s.icpc_date, "DateOfInitialCPC",
                           "this initial conference is also recorded on the CIN episode; record "
                           "it on the section 47 enquiry only");
        });
      }));
  return r;
}

std::vector<CinRule> PartsRules2025() {
  std::vector<CinRule> r;
  // 8945Q and 8950Q (2024/25 on, DATA-SPECS.md §12 2.3): factors 18A and 19A are no longer
  // expected: 18B/18C and 19B/19C say which kind of exploitation.
  for (auto [code, factor, instead] :
       {std::tuple{"8945Q", "18A", "18B or 18C"}, std::tuple{"8950Q", "19A", "19B or 19C"}}) {
    std::string f = factor, in = instead;
    r.push_back(
        Query(code, fmt::format("Assessment factor {} is not used", f),
              fmt::format("DfE CIN rule {} (2024/25 on)", code),
              [f, in](const CinRule& self, const CinRuleContext& ctx) {
                Factors()(ctx, [&](const CinChild& c, const std::string& path, const Leaf& l) {
                  if (l.v == f)
                    ctx.Find(self, &c, path, l, "AssessmentFactors",
                             fmt::format("factor {} is no longer used; record {} instead", f, in));
                });
              }));
  }
  return r;
}

}  // namespace journey::returns::cin_rules
