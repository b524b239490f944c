// CIN census queries (and their kin) on the child's dates, open work at the reference date,
// and closures: the DfE asks the council to check these, or to say why they stand
// (cin2022_23, unchanged to cin2025_26). Each rule's check is the DfE's (as the
// DfE-commissioned CIN validator reads it), in our words beside the code.
#include <fmt/format.h>

#include "base/calendar.h"
#include "model/statutory.h"
#include "returns/cin_rules_impl.h"

namespace journey::returns::cin_rules {
namespace {

// `n` working days before `d` (England and Wales); nullopt outside the calendar's years.
D WorkingDaysBefore(Date d, int n) {
  auto r = WorkingDayCalendar::EnglandAndWales().AddWorkingDays(d, -n);
  return r ? D(*r) : std::nullopt;
}

}  // namespace

std::vector<CinRule> QueryRules2023() {
  std::vector<CinRule> r;
  // 8530Q: an expected birth falls between 30 days before and 9 months after the reference
  // date (March to December of the year the census ends).
  r.push_back(Query(
      "8530Q", "An expected birth falls 30 days before to 9 months after the reference date",
      "DfE CIN rule 8530Q", [](const CinRule& self, const CinRuleContext& ctx) {
        const Date lo = ctx.reference_date().AddDays(-30), hi = ctx.reference_date().AddMonths(9);
        EachChild(ctx, [&](const CinChild& c) {
          if (const D e = Dt(c.expected_birth); e && (*e < lo || *e > hi))
            ctx.Find(self, &c, kIds + "/ExpectedPersonBirthDate", c.expected_birth,
                     "ExpectedPersonBirthDate",
                     fmt::format("the expected birth is outside {} to {}; check it, or give "
                                 "PersonBirthDate if the child has been born",
                                 lo.ToIso(), hi.ToIso()));
        });
      }));
  // 8535Q: a child's death is not before their birth.
  r.push_back(Query("8535Q", "A child's death is not before their birth", "DfE CIN rule 8535Q",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachChild(ctx, [&](const CinChild& c) {
                        const D died = Dt(c.death), born = Dt(c.birth);
                        if (died && born && *died < *born)
                          ctx.Find(
                              self, &c, kIds + "/PersonDeathDate", c.death, "PersonDeathDate",
                              fmt::format("the death is before the birth on {}", born->ToIso()));
                      });
                    }));
  // 8545Q: a child's death, when given, falls within the census year.
  r.push_back(Query("8545Q", "A child's death falls within the census year", "DfE CIN rule 8545Q",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachChild(ctx, [&](const CinChild& c) {
                        const D died = Dt(c.death);
                        if (died && (*died < ctx.start() || *died > ctx.reference_date()))
                          ctx.Find(self, &c, kIds + "/PersonDeathDate", c.death, "PersonDeathDate",
                                   fmt::format("the death is outside the census year {} to {}",
                                               ctx.start().ToIso(), ctx.reference_date().ToIso()));
                      });
                    }));
  // 8555Q: no referral after the child's death.
  r.push_back(Query(
      "8555Q", "No referral after the child's death", "DfE CIN rule 8555Q",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
          const D died = Dt(c.death), at = Dt(d.referral_date);
          if (died && at && *at > *died)
            ctx.Find(self, &c, kDetails + "/CINreferralDate", d.referral_date, "CINreferralDate",
                     fmt::format("the referral is after the child's death on {}", died->ToIso()));
        });
      }));
  // 8569Q: a referral received before the working day before the census year began is not
  // a no-further-action referral (such a referral would have closed in an earlier census).
  r.push_back(Query(
      "8569Q", "An NFA referral is not from before the working day before the census year",
      "DfE CIN rule 8569Q", [](const CinRule& self, const CinRuleContext& ctx) {
        const D cut = WorkingDaysBefore(ctx.start(), 1);
        if (!cut) return;
        EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
          if (const D at = Dt(d.referral_date); at && *at < *cut && IsTrue(d.nfa))
            ctx.Find(self, &c, kDetails + "/ReferralNFA", d.nfa, "ReferralNFA",
                     fmt::format("the referral of {} is before {} (the working day before the "
                                 "census year) yet marked no further action; it belongs to an "
                                 "earlier census",
                                 at->ToIso(), cut->ToIso()));
        });
      }));
  // 8585Q: an episode closed because the child died (RC2) goes with a date of death.
  r.push_back(Query("8585Q", "Closed as died (RC2) with a date of death", "DfE CIN rule 8585Q",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        if (d.closure_reason.v == "RC2" && !Dt(c.death))
                          ctx.Find(self, &c, kDetails + "/ReasonForClosure", d.closure_reason,
                                   "ReasonForClosure",
                                   "the episode closed because the child died (RC2) but the "
                                   "child has no PersonDeathDate");
                      });
                    }));
  // 8670Q: an assessment not yet authorised started no more than 45 working days before the
  // reference date (the assessment timescale, Working Together).
  r.push_back(Query(
      "8670Q", "An unauthorised assessment started within 45 working days of the reference date",
      "DfE CIN rule 8670Q", [](const CinRule& self, const CinRuleContext& ctx) {
        const D cut = WorkingDaysBefore(ctx.reference_date(), 45);
        if (!cut) return;
        EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
          for (const CinAssessment& a : d.assessments)
            if (const D st = Dt(a.start); st && a.authorised.empty() && *st < *cut)
              ctx.Find(self, &c, kAssess + "/AssessmentActualStartDate", a.start,
                       "AssessmentActualStartDate",
                       fmt::format("the assessment started before {} (45 working days before "
                                   "the reference date) and has no AssessmentAuthorisationDate",
                                   cut->ToIso()));
        });
      }));
  // 8675Q: an enquiry whose initial conference fell due by the reference date (15 working
  // days from its start: model/statutory.h) has a conference date or ICPCnotRequired.
  r.push_back(Query(
      "8675Q", "An enquiry whose conference fell due has a conference date", "DfE CIN rule 8675Q",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
          for (const CinSection47& s : d.section47s) {
            const D st = Dt(s.start);
            if (!st || !s.icpc_date.empty() || IsTrue(s.icpc_not_required)) continue;
            const Result<Date> due = model::InitialConferenceDue(*st);
            if (due && *due < ctx.reference_date())
              ctx.Find(self, &c, kS47 + "/S47ActualStartDate", s.start, "S47ActualStartDate",
                       fmt::format("the enquiry's initial conference was due by {} but there is "
                                   "no DateOfInitialCPC (nor ICPCnotRequired)",
                                   due->ToIso()));
          }
        });
      }));
  // 8825Q: an episode closed after assessment (RC8, or RC9 referred to early help) has an
  // assessment.
  r.push_back(Query("8825Q", "Closed after assessment (RC8, RC9) with an assessment",
                    "DfE CIN rule 8825Q", [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        const std::string& why = d.closure_reason.v;
                        if ((why == "RC8" || why == "RC9") && d.assessments.empty())
                          ctx.Find(self, &c, kDetails + "/ReasonForClosure", d.closure_reason,
                                   "ReasonForClosure",
                                   fmt::format("the episode closed after assessment ({}) but "
                                               "has no assessment",
                                               why));
                      });
                    }));
  // 8842Q: a protection plan review has its date.
  r.push_back(Query("8842Q", "A review has a date", "DfE CIN rule 8842Q",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        for (const CinProtectionPlan& cp : d.protection_plans)
                          for (const Leaf& rv : cp.reviews)
                            if (rv.empty())
                              ctx.Find(self, &c, kCpp + "/Reviews/CPPreviewDate", rv,
                                       "CPPreviewDate", "the review has no date");
                      });
                    }));
  // 8863Q: within an episode, no assessment starts while another is ongoing: on or after
  // its start and on or before its authorisation (the reference date when not authorised).
  r.push_back(Query(
      "8863Q", "No assessment starts while another is ongoing", "DfE CIN rule 8863Q",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
          for (size_t i = 0; i < d.assessments.size(); ++i) {
            const D st = Dt(d.assessments[i].start);
            if (!st) continue;
            for (size_t j = 0; j < d.assessments.size(); ++j) {
              const CinAssessment& o = d.assessments[j];
              const D os = Dt(o.start);
              if (i == j || !os || *st < *os || (*st == *os && i < j)) continue;
              const D until = o.authorised.empty() ? D(ctx.reference_date()) : Dt(o.authorised);
              if (!until || *st > *until) continue;
              ctx.Find(self, &c, kAssess + "/AssessmentActualStartDate", d.assessments[i].start,
                       "AssessmentActualStartDate",
                       fmt::format("this assessment starts while the one begun on {} is "
                                   "ongoing (to {})",
                                   os->ToIso(), until->ToIso()));
              break;
            }
          }
        });
      }));
  // 8870Q: an initial conference's target date is not a Saturday or Sunday.
  r.push_back(Query(
      "8870Q", "An initial conference's target is not at a weekend", "DfE CIN rule 8870Q",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
          for (const CinSection47& s : d.section47s)
            if (const D t = Dt(s.icpc_target);
                t && (t->weekday() == Weekday::kSaturday || t->weekday() == Weekday::kSunday))
              ctx.Find(self, &c, kS47 + "/InitialCPCtarget", s.icpc_target, "InitialCPCtarget",
                       "the target date for the initial conference is a weekend; "
                       "it is 15 working days after the strategy discussion");
        });
      }));
  return r;
}

}  // namespace journey::returns::cin_rules
