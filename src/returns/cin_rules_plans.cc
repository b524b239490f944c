// CIN census rules on CIN plans and how they sit beside protection plans, the enquiry and
// the child's death (cin2022_23, unchanged to cin2025_26). Each rule's check is the DfE's
// (as the DfE-commissioned CIN validator reads it), in our words beside the code.
#include <fmt/format.h>

#include "returns/cin_rules_impl.h"

namespace journey::returns::cin_rules {
namespace {

const std::string kPlanStart = kPlans + "/CINPlanStartDate";
const std::string kPlanEnd = kPlans + "/CINPlanEndDate";

// Calls f(child, episode, plan) for every CIN plan of the message.
template <typename F>
void EachPlan(const CinRuleContext& ctx, F&& f) {
  EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
    for (const CinPlanDates& p : d.plans) f(c, d, p);
  });
}

// True when `day` falls in the plan: from its start to the day before its end, or to the
// reference date when it is open (a plan's last day may be the first day of what follows).
bool WithinPlan(const CinRuleContext& ctx, const CinPlanDates& p, Date day) {
  const D s = Dt(p.start), e = Dt(p.end);
  if (!s || day < *s) return false;
  return e ? day < *e : day <= ctx.reference_date();
}

// 4008 and 4009Q: a CIN plan date on or before the child's death.
CinRule NotAfterDeath(std::string code, bool end) {
  const char* what = end ? "end" : "start";
  auto check = [end, what](const CinRule& self, const CinRuleContext& ctx) {
    EachPlan(ctx, [&](const CinChild& c, const CinDetails&, const CinPlanDates& p) {
      const Leaf& l = end ? p.end : p.start;
      const D died = Dt(c.death), at = Dt(l);
      if (died && at && *at > *died)
        ctx.Find(self, &c, end ? kPlanEnd : kPlanStart, l,
                 end ? "CINPlanEndDate" : "CINPlanStartDate",
                 fmt::format("the CIN plan's {} is after the child's death on {}; it is on or "
                             "before PersonDeathDate",
                             what, died->ToIso()));
    });
  };
  std::string summary = fmt::format("A CIN plan's {} is not after the child's death", what);
  return end ? Query(code, summary, "DfE CIN rule " + code, check)
             : Error(code, summary, "DfE CIN rule " + code, check);
}

}  // namespace

std::vector<CinRule> PlanRules2023() {
  std::vector<CinRule> r;
  // 2889: where given, S47ActualStartDate is on or after the episode's CINreferralDate.
  r.push_back(Error("2889", "A section 47 enquiry starts on or after the referral",
                    "DfE CIN rule 2889", [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        const D ref = Dt(d.referral_date);
                        for (const CinSection47& s : d.section47s)
                          if (const D st = Dt(s.start); ref && st && *st < *ref)
                            ctx.Find(self, &c, kS47 + "/S47ActualStartDate", s.start,
                                     "S47ActualStartDate",
                                     fmt::format("the enquiry starts before the episode's "
                                                 "referral on {}; it starts on or after it",
                                                 ref->ToIso()));
                      });
                    }));
  // 2991Q: an episode with a Section47 element also has an Assessments element.
  r.push_back(Query("2991Q", "An episode with a section 47 enquiry has an assessment: query",
                    "DfE CIN rule 2991Q", [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        if (!d.section47s.empty() && d.assessments.empty())
                          ctx.FindAt(self, &c, kDetails, d.line, "Assessments",
                                     "the episode has a section 47 enquiry but no assessment; "
                                     "check that the assessment is recorded, or say why not");
                      });
                    }));
  // 4001: within an episode, an open protection plan (no CPPendDate) and an open CIN plan
  // (no CINPlanEndDate) are not both present.
  r.push_back(Error(
      "4001", "No open CIN plan beside an open protection plan in an episode", "DfE CIN rule 4001",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
          bool open_cpp = false;
          for (const CinProtectionPlan& cp : d.protection_plans) open_cpp |= cp.end.empty();
          if (!open_cpp) return;
          for (const CinPlanDates& p : d.plans)
            if (p.end.empty())
              ctx.FindAt(self, &c, kPlans, p.line, "CINPlanEndDate",
                         "the CIN plan is open (no CINPlanEndDate) while the episode's "
                         "protection plan is open too; a CIN plan ends when a protection plan "
                         "starts");
        });
      }));
  // 4003: within an episode, no protection plan review falls in a CIN plan (its start to
  // the day before its end, or to the reference date when open), unless the review is the
  // day the protection plan ended.
  r.push_back(
      Error("4003", "No protection plan review while a CIN plan is open", "DfE CIN rule 4003",
            [](const CinRule& self, const CinRuleContext& ctx) {
              EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                for (const CinProtectionPlan& cp : d.protection_plans)
                  for (const Leaf& rv : cp.reviews) {
                    const D at = Dt(rv), ended = Dt(cp.end);
                    if (!at || (ended && *at == *ended)) continue;
                    for (const CinPlanDates& p : d.plans)
                      if (WithinPlan(ctx, p, *at)) {
                        ctx.Find(self, &c, kCpp + "/Reviews/CPPreviewDate", rv, "CPPreviewDate",
                                 fmt::format("the review is held while the CIN plan that started "
                                             "on {} is open; the two plans do not run together",
                                             p.start.v));
                        break;
                      }
                  }
              });
            }));
  r.push_back(NotAfterDeath("4008", false));
  r.push_back(NotAfterDeath("4009Q", true));
  // 4010: a CINPlanDates element has a CINPlanStartDate, on or before the reference date.
  r.push_back(
      Error("4010", "A CIN plan has a start date by the reference date", "DfE CIN rule 4010",
            [](const CinRule& self, const CinRuleContext& ctx) {
              EachPlan(ctx, [&](const CinChild& c, const CinDetails&, const CinPlanDates& p) {
                const D s = Dt(p.start);
                if (p.start.empty())
                  ctx.FindAt(self, &c, kPlans, p.line, "CINPlanStartDate",
                             "the CIN plan has no CINPlanStartDate; give the day it began");
                else if (s && *s > ctx.reference_date())
                  ctx.Find(self, &c, kPlanStart, p.start, "CINPlanStartDate",
                           fmt::format("the CIN plan starts after the reference date {}",
                                       ctx.reference_date().ToIso()));
              });
            }));
  // 4011: where given, CINPlanEndDate is on or after CINPlanStartDate.
  r.push_back(
      Error("4011", "A CIN plan ends on or after its start", "DfE CIN rule 4011",
            [](const CinRule& self, const CinRuleContext& ctx) {
              EachPlan(ctx, [&](const CinChild& c, const CinDetails&, const CinPlanDates& p) {
                const D s = Dt(p.start), e = Dt(p.end);
                if (s && e && *e < *s)
                  ctx.Find(self, &c, kPlanEnd, p.end, "CINPlanEndDate",
                           fmt::format("the CIN plan ends before it started on {}", s->ToIso()));
              });
            }));
  // 4012Q: a CIN plan does not start and end on the same day.
  r.push_back(Query("4012Q", "A CIN plan does not start and end the same day: query",
                    "DfE CIN rule 4012Q", [](const CinRule& self, const CinRuleContext& ctx) {
                      EachPlan(
                          ctx, [&](const CinChild& c, const CinDetails&, const CinPlanDates& p) {
                            const D s = Dt(p.start), e = Dt(p.end);
                            if (s && e && *e == *s)
                              ctx.Find(self, &c, kPlanEnd, p.end, "CINPlanEndDate",
                                       "the CIN plan starts and ends on the same day; check both "
                                       "dates");
                          });
                    }));
  // 4013: where given, CINPlanEndDate falls within the census year.
  r.push_back(
      Error("4013", "A CIN plan's end falls within the census year", "DfE CIN rule 4013",
            [](const CinRule& self, const CinRuleContext& ctx) {
              EachPlan(ctx, [&](const CinChild& c, const CinDetails&, const CinPlanDates& p) {
                const D e = Dt(p.end);
                if (e && (*e < ctx.start() || *e > ctx.reference_date()))
                  ctx.Find(self, &c, kPlanEnd, p.end, "CINPlanEndDate",
                           fmt::format("the CIN plan's end is outside the census year "
                                       "{} to {}",
                                       ctx.start().ToIso(), ctx.reference_date().ToIso()));
              });
            }));
  // 4014: no CIN plan of a child starts within another of the child's CIN plans: on or
  // after its start and on or before its end (the reference date when it is open).
  r.push_back(
      Error("4014", "A child's CIN plans do not overlap", "DfE CIN rule 4014",
            [](const CinRule& self, const CinRuleContext& ctx) {
              EachChild(ctx, [&](const CinChild& c) {
                std::vector<const CinPlanDates*> plans;
                for (const CinDetails& d : c.details)
                  for (const CinPlanDates& p : d.plans) plans.push_back(&p);
                for (const CinPlanDates* p : plans) {
                  const D s = Dt(p->start);
                  if (!s) continue;
                  for (const CinPlanDates* o : plans) {
                    const D os = Dt(o->start), oe = Dt(o->end);
                    if (o == p || !os || *s < *os) continue;
                    if (o->end.empty() ? *s <= ctx.reference_date() : (oe && *s <= *oe)) {
                      ctx.Find(self, &c, kPlanStart, p->start, "CINPlanStartDate",
                               fmt::format("the CIN plan starts within the child's CIN plan that "
                                           "started on {}{}; one begins after the other ends",
                                           os->ToIso(), o->end.empty() ? " and is open" : ""));
                      break;
                    }
                  }
                }
              });
            }));
  // 4017: no protection plan of a child starts within one of the child's CIN plans (from
  // its start to the day before its end, or to the reference date when it is open): a
  // protection plan may start the day a CIN plan ends.
  r.push_back(
      Error("4017", "No protection plan starts while a CIN plan is open", "DfE CIN rule 4017",
            [](const CinRule& self, const CinRuleContext& ctx) {
              EachChild(ctx, [&](const CinChild& c) {
                auto open_plan = [&](Date at) -> const CinPlanDates* {
                  for (const CinDetails& e : c.details)
                    for (const CinPlanDates& p : e.plans)
                      if (WithinPlan(ctx, p, at)) return &p;
                  return nullptr;
                };
                for (const CinDetails& d : c.details)
                  for (const CinProtectionPlan& cp : d.protection_plans) {
                    const D at = Dt(cp.start);
                    if (const CinPlanDates* p = at ? open_plan(*at) : nullptr)
                      ctx.Find(self, &c, kCpp + "/CPPstartDate", cp.start, "CPPstartDate",
                               fmt::format("the protection plan starts while the CIN plan that "
                                           "started on {} is open; the CIN plan ends on or before "
                                           "the day the protection plan starts",
                                           p->start.v));
                  }
              });
            }));
  return r;
}

}  // namespace journey::returns::cin_rules
