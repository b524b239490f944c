// CIN census rules on what an episode holds and when: the referral and birth against the
// reference date, the NFA flag, nothing after closure, nothing on a case closed after
// assessment with no further action, and protection plans that begin at a conference
// (cin2022_23, unchanged to cin2025_26). Each rule's check is the DfE's (as the
// DfE-commissioned CIN validator reads it), in our words beside the code.
#include <fmt/format.h>

#include "returns/cin_rules_impl.h"

namespace journey::returns::cin_rules {
namespace {

// 8565: a dated item of the episode that is after its closure.
struct After {
  std::string path, field;
  const Leaf* leaf;
};

}  // namespace

std::vector<CinRule> ActivityRules2023() {
  std::vector<CinRule> r;
  // 2885: a protection plan that starts within the census year starts on the day of an
  // initial conference of its episode: a Section47 DateOfInitialCPC, or the episode's own
  // DateOfInitialCPC (for a conference with no enquiry in the message).
  r.push_back(Error(
      "2885", "A protection plan starts on the day of its episode's initial conference",
      "DfE CIN rule 2885", [](const CinRule& self, const CinRuleContext& ctx) {
        EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
          for (const CinProtectionPlan& cp : d.protection_plans) {
            const D st = Dt(cp.start);
            if (!st || *st < ctx.start() || *st > ctx.reference_date()) continue;
            bool met = Dt(d.icpc_date) == st;
            for (const CinSection47& s : d.section47s) met |= Dt(s.icpc_date) == st;
            if (!met)
              ctx.Find(self, &c, kCpp + "/CPPstartDate", cp.start, "CPPstartDate",
                       "the protection plan does not start on the day of an initial conference "
                       "of its episode (DateOfInitialCPC); a plan begins at the conference "
                       "that decides on it");
          }
        });
      }));
  // 2990: an episode closed RC8 (case closed after assessment, no further action) has no
  // Section47, ChildProtectionPlans or CINPlanDates element and no DateOfInitialCPC.
  r.push_back(Error(
      "2990", "Nothing recorded on a case closed after assessment with no further action (RC8)",
      "DfE CIN rule 2990", [](const CinRule& self, const CinRuleContext& ctx) {
        EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
          if (d.closure_reason.v != "RC8") return;
          std::string what = !d.section47s.empty()         ? "a section 47 enquiry"
                             : !d.protection_plans.empty() ? "a protection plan"
                             : !d.plans.empty()            ? "a CIN plan"
                             : !d.icpc_date.empty()        ? "an initial conference date"
                                                           : "";
          if (!what.empty())
            ctx.Find(self, &c, kDetails + "/ReasonForClosure", d.closure_reason, "ReasonForClosure",
                     fmt::format("the episode was closed after assessment with no further "
                                 "action (RC8) but has {}; change the reason or the activity",
                                 what));
        });
      }));
  // 8520: PersonBirthDate, when given, is on or before the reference date.
  r.push_back(Error("8520", "The child's birth is on or before the reference date",
                    "DfE CIN rule 8520", [](const CinRule& self, const CinRuleContext& ctx) {
                      EachChild(ctx, [&](const CinChild& c) {
                        if (const D b = Dt(c.birth); b && *b > ctx.reference_date())
                          ctx.Find(self, &c, kIds + "/PersonBirthDate", c.birth, "PersonBirthDate",
                                   fmt::format("the birth date is after the reference date {}; "
                                               "a child not yet born has ExpectedPersonBirthDate",
                                               ctx.reference_date().ToIso()));
                      });
                    }));
  // 8565: a closed episode has nothing dated after its closure: assessment start and
  // authorisation, enquiry start and conference, the episode's conference, protection plan
  // end, CIN plan start and end.
  r.push_back(Error(
      "8565", "Nothing in an episode after its closure", "DfE CIN rule 8565",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
          const D closed = Dt(d.closure_date);
          if (!closed) return;
          std::vector<After> items = {
              {kDetails + "/DateOfInitialCPC", "DateOfInitialCPC", &d.icpc_date}};
          for (const CinAssessment& a : d.assessments) {
            items.push_back(
                {kAssess + "/AssessmentActualStartDate", "AssessmentActualStartDate", &a.start});
            items.push_back({kAssess + "/AssessmentAuthorisationDate",
                             "AssessmentAuthorisationDate", &a.authorised});
          }
          for (const CinSection47& s : d.section47s) {
            items.push_back({kS47 + "/S47ActualStartDate", "S47ActualStartDate", &s.start});
            items.push_back({kS47 + "/DateOfInitialCPC", "DateOfInitialCPC", &s.icpc_date});
          }
          for (const CinProtectionPlan& cp : d.protection_plans)
            items.push_back({kCpp + "/CPPendDate", "CPPendDate", &cp.end});
          for (const CinPlanDates& p : d.plans) {
            items.push_back({kPlans + "/CINPlanStartDate", "CINPlanStartDate", &p.start});
            items.push_back({kPlans + "/CINPlanEndDate", "CINPlanEndDate", &p.end});
          }
          for (const After& i : items)
            if (const D at = Dt(*i.leaf); at && *at > *closed)
              ctx.Find(self, &c, i.path, *i.leaf, i.field,
                       fmt::format("{} is after the episode closed on {}; activity ends by the "
                                   "closure",
                                   i.field, closed->ToIso()));
        });
      }));
  // 8568: ReferralNFA is given, and is 1, 0, true or false.
  r.push_back(Error("8568", "ReferralNFA is given: 1, 0, true or false", "DfE CIN rule 8568",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        if (IsTrue(d.nfa) || IsFalse(d.nfa)) return;
                        const char* why =
                            "it says whether the referral led to no further action; allowed: "
                            "1, 0, true, false";
                        if (d.nfa.empty())
                          ctx.FindAt(self, &c, kDetails, d.line, "ReferralNFA",
                                     fmt::format("ReferralNFA is missing; {}", why));
                        else
                          ctx.Find(self, &c, kDetails + "/ReferralNFA", d.nfa, "ReferralNFA",
                                   fmt::format("ReferralNFA is not a flag; {}", why));
                      });
                    }));
  // 8600: CINreferralDate is given, on or before the reference date.
  r.push_back(Error("8600", "A referral date is given, on or before the reference date",
                    "DfE CIN rule 8600", [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        const D at = Dt(d.referral_date);
                        if (d.referral_date.empty())
                          ctx.FindAt(self, &c, kDetails, d.line, "CINreferralDate",
                                     "the episode has no CINreferralDate; give the day the "
                                     "referral was received");
                        else if (at && *at > ctx.reference_date())
                          ctx.Find(self, &c, kDetails + "/CINreferralDate", d.referral_date,
                                   "CINreferralDate",
                                   fmt::format("the referral is after the reference date {}",
                                               ctx.reference_date().ToIso()));
                      });
                    }));
  // 8736: an assessment not yet authorised started within the census year.
  r.push_back(Error(
      "8736", "An assessment not yet completed started within the census year", "DfE CIN rule 8736",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
          for (const CinAssessment& a : d.assessments) {
            const D st = Dt(a.start);
            if (!a.authorised.empty() || !st) continue;
            if (*st < ctx.start() || *st > ctx.reference_date())
              ctx.Find(self, &c, kAssess + "/AssessmentActualStartDate", a.start,
                       "AssessmentActualStartDate",
                       fmt::format("the assessment has no AssessmentAuthorisationDate and starts "
                                   "outside the census year {} to {}",
                                   ctx.start().ToIso(), ctx.reference_date().ToIso()));
          }
        });
      }));
  // 8772: a child whose UPN is unknown for reason UN7 (referral with no further action)
  // has only referrals with ReferralNFA true or 1.
  r.push_back(
      Error("8772", "UPNunknown UN7 only when every referral led to no further action",
            "DfE CIN rule 8772", [](const CinRule& self, const CinRuleContext& ctx) {
              EachChild(ctx, [&](const CinChild& c) {
                if (c.upn_unknown.v != "UN7") return;
                for (const CinDetails& d : c.details)
                  if (!IsTrue(d.nfa)) {
                    ctx.Find(self, &c, kIds + "/UPNunknown", c.upn_unknown, "UPNunknown",
                             fmt::format("UN7 says the referral led to no further action, but the "
                                         "referral of {} did (ReferralNFA is not true)",
                                         d.referral_date.v));
                    break;
                  }
              });
            }));
  return r;
}

}  // namespace journey::returns::cin_rules
