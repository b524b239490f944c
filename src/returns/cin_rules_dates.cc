// CIN census rules on the order of dates within an episode and the census period.
#include <fmt/format.h>

#include "returns/cin_rules_impl.h"

namespace journey::returns::cin_rules {
namespace {

// A date that, when given, must fall within the census period (first day to reference
// date, both included).
CinRule InPeriod(
    std::string code, std::string what, std::string path, std::string field,
    std::function<void(const CinDetails&, const std::function<void(const Leaf&)>&)> each) {
  std::string summary = fmt::format("{} falls within the census year", what);
  return Error(std::move(code), std::move(summary), "DfE CIN rule " + code,
               [=](const CinRule& self, const CinRuleContext& ctx) {
                 EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                   each(d, [&](const Leaf& l) {
                     const D at = Dt(l);
                     if (at && (*at < ctx.start() || *at > ctx.reference_date()))
                       ctx.Find(
                           self, &c, path, l, field,
                           fmt::format("{} is outside the census year {} to {}; a date "
                                       "after it is not yet known, one before it belongs "
                                       "to an earlier census",
                                       what, ctx.start().ToIso(), ctx.reference_date().ToIso()));
                   });
                 });
               });
}

}  // namespace

std::vector<CinRule> DatesRules2023() {
  std::vector<CinRule> r;
  // 8606: a referral is no more than 280 days (40 weeks) before the child's birth or
  // expected birth.
  r.push_back(Error(
      "8606", "Referral no more than 280 days before birth", "DfE CIN rule 8606",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
          const D ref = Dt(d.referral_date);
          if (!ref) return;
          for (const Leaf* b : {&c.birth, &c.expected_birth}) {
            const D born = Dt(*b);
            if (born && *ref < born->AddDays(-280)) {
              ctx.Find(self, &c, kDetails + "/CINreferralDate", d.referral_date, "CINreferralDate",
                       fmt::format("the referral is more than 40 weeks (280 days) before the "
                                   "child's {}birth on {}; check both dates",
                                   b == &c.birth ? "" : "expected ", born->ToIso()));
              break;
            }
          }
        });
      }));
  // 8608: an assessment is not authorised before it started.
  r.push_back(Error("8608", "Assessment authorised on or after its start", "DfE CIN rule 8608",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        for (const CinAssessment& a : d.assessments) {
                          const D s = Dt(a.start), e = Dt(a.authorised);
                          if (s && e && *e < *s)
                            ctx.Find(self, &c, kAssess + "/AssessmentAuthorisationDate",
                                     a.authorised, "AssessmentAuthorisationDate",
                                     fmt::format("the assessment is authorised before it started "
                                                 "on {}; authorisation is on or after the start",
                                                 s->ToIso()));
                        }
                      });
                    }));
  // 8610: a referral that led to further action (ReferralNFA false or 0) has a primary need.
  r.push_back(Error("8610", "PrimaryNeedCode given when the referral led to action",
                    "DfE CIN rule 8610", [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        if (IsFalse(d.nfa) && d.primary_need.empty())
                          ctx.FindAt(self, &c, kDetails, d.line, "PrimaryNeedCode",
                                     "the referral led to further action (ReferralNFA is false) "
                                     "but has no PrimaryNeedCode; give the category of need N0-N9");
                      });
                    }));
  // 8614: factors are given only for an authorised (completed) assessment.
  r.push_back(Error("8614", "Assessment factors only on a completed assessment",
                    "DfE CIN rule 8614", [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        for (const CinAssessment& a : d.assessments)
                          if (a.authorised.empty() && !a.factors.empty())
                            ctx.Find(self, &c,
                                     kAssess + "/FactorsIdentifiedAtAssessment/AssessmentFactors",
                                     a.factors.front(), "AssessmentFactors",
                                     "factors are recorded when an assessment is completed, but "
                                     "this one has no AssessmentAuthorisationDate");
                      });
                    }));
  // 8615: an enquiry with an initial conference has a start on or before the conference.
  r.push_back(Error("8615", "Section 47 start given and not after its initial conference",
                    "DfE CIN rule 8615", [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        for (const CinSection47& s : d.section47s) {
                          const D st = Dt(s.start), cf = Dt(s.icpc_date);
                          if (!cf) continue;
                          if (!st)
                            ctx.FindAt(self, &c, kS47, s.line, "S47ActualStartDate",
                                       "the enquiry has an initial conference but no start date");
                          else if (*st > *cf)
                            ctx.Find(self, &c, kS47 + "/S47ActualStartDate", s.start,
                                     "S47ActualStartDate",
                                     fmt::format("the enquiry starts after its initial conference "
                                                 "on {}; it starts on or before it",
                                                 cf->ToIso()));
                        }
                      });
                    }));
  // 8620: a closure date falls within the census year.
  r.push_back(InPeriod(
      "8620", "the CIN closure", kDetails + "/CINclosureDate", "CINclosureDate",
      [](const CinDetails& d, const std::function<void(const Leaf&)>& f) { f(d.closure_date); }));
  // 8630: an episode does not close before its referral.
  r.push_back(Error("8630", "CIN closure on or after the referral", "DfE CIN rule 8630",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        const D s = Dt(d.referral_date), e = Dt(d.closure_date);
                        if (s && e && *e < *s)
                          ctx.Find(self, &c, kDetails + "/CINclosureDate", d.closure_date,
                                   "CINclosureDate",
                                   fmt::format("the episode closes before its referral on {}; "
                                               "it closes on or after it",
                                               s->ToIso()));
                      });
                    }));
  // 8696: an assessment's authorisation falls within the census year.
  r.push_back(InPeriod("8696", "the assessment's authorisation",
                       kAssess + "/AssessmentAuthorisationDate", "AssessmentAuthorisationDate",
                       [](const CinDetails& d, const std::function<void(const Leaf&)>& f) {
                         for (const CinAssessment& a : d.assessments) f(a.authorised);
                       }));
  // 8790: NONE is a child's only Disability when given.
  r.push_back(Error("8790", "Disability NONE stands alone", "DfE CIN rule 8790",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachChild(ctx, [&](const CinChild& c) {
                        bool none = false;
                        for (const Leaf& l : c.disabilities) none |= l.v == "NONE";
                        if (!none) return;
                        for (const Leaf& l : c.disabilities)
                          if (l.v != "NONE")
                            ctx.Find(self, &c, P("ChildCharacteristics/Disabilities/Disability"), l,
                                     "Disability",
                                     "the child's disabilities include NONE as well as this one; "
                                     "give NONE only when there is no other");
                      });
                    }));
  // 8810: a reason for closure comes with a closure date.
  r.push_back(Error("8810", "ReasonForClosure only with a CINclosureDate", "DfE CIN rule 8810",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        if (!d.closure_reason.empty() && d.closure_date.empty())
                          ctx.Find(self, &c, kDetails + "/ReasonForClosure", d.closure_reason,
                                   "ReasonForClosure",
                                   "the episode has a reason for closure but no closure date; "
                                   "give both, or neither while it is open");
                      });
                    }));
  // 8815: a child has at most one open episode (no closure date) that is not an NFA referral.
  r.push_back(Error("8815", "At most one open episode a child", "DfE CIN rule 8815",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachChild(ctx, [&](const CinChild& c) {
                        int open = 0;
                        for (const CinDetails& d : c.details)
                          open += d.closure_date.empty() && IsFalse(d.nfa);
                        if (open < 2) return;
                        for (const CinDetails& d : c.details)
                          if (d.closure_date.empty() && IsFalse(d.nfa))
                            ctx.FindAt(self, &c, kDetails + "/CINclosureDate", d.line,
                                       "CINclosureDate",
                                       fmt::format("the child has {} open episodes that led to "
                                                   "action; close all but the current one",
                                                   open));
                      });
                    }));
  // 8794: no disability code twice for a child.
  r.push_back(Error("8794", "No disability code twice", "DfE CIN rule 8794",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachChild(ctx, [&](const CinChild& c) {
                        for (size_t i = 0; i < c.disabilities.size(); ++i)
                          for (size_t j = 0; j < c.disabilities.size(); ++j)
                            if (i != j && !c.disabilities[i].empty() &&
                                c.disabilities[i].v == c.disabilities[j].v) {
                              ctx.Find(self, &c, P("ChildCharacteristics/Disabilities/Disability"),
                                       c.disabilities[i], "Disability",
                                       "this disability is given more than once; give each once");
                              break;
                            }
                      });
                    }));
  // 8805: a closure date comes with a reason for closure.
  r.push_back(Error("8805", "CINclosureDate comes with a ReasonForClosure", "DfE CIN rule 8805",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        if (!d.closure_date.empty() && d.closure_reason.empty())
                          ctx.Find(self, &c, kDetails + "/CINclosureDate", d.closure_date,
                                   "CINclosureDate",
                                   "the episode closed but has no ReasonForClosure; give RC1-RC9");
                      });
                    }));
  // 8816: an open episode that led to action is the child's latest referral.
  r.push_back(Error("8816", "An open episode is the child's latest", "DfE CIN rule 8816",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachChild(ctx, [&](const CinChild& c) {
                        D latest;
                        for (const CinDetails& d : c.details)
                          if (const D r = Dt(d.referral_date); r && (!latest || *r > *latest))
                            latest = r;
                        for (const CinDetails& d : c.details) {
                          const D r = Dt(d.referral_date);
                          if (r && d.closure_date.empty() && IsFalse(d.nfa) && *r != *latest)
                            ctx.Find(self, &c, kDetails + "/CINreferralDate", d.referral_date,
                                     "CINreferralDate",
                                     fmt::format("this episode is still open but the child was "
                                                 "referred again on {}; close it, or it is the "
                                                 "latest",
                                                 latest->ToIso()));
                        }
                      });
                    }));
  // 8831: an NFA referral has no assessment, enquiry or initial conference.
  r.push_back(Error("8831", "No activity on an NFA referral", "DfE CIN rule 8831",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        if (!IsTrue(d.nfa)) return;
                        bool activity = !d.icpc_date.empty();
                        for (const CinAssessment& a : d.assessments)
                          activity |= !a.start.empty() || !a.authorised.empty();
                        for (const CinSection47& s : d.section47s) activity |= !s.start.empty();
                        if (activity)
                          ctx.Find(self, &c, kDetails + "/ReferralNFA", d.nfa, "ReferralNFA",
                                   "the referral is marked no further action but has an "
                                   "assessment, enquiry or initial conference; it is not NFA, or "
                                   "the activity belongs to another episode");
                      });
                    }));
  // 8832: an NFA referral has no protection plan.
  r.push_back(Error("8832", "No protection plan on an NFA referral", "DfE CIN rule 8832",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        if (IsTrue(d.nfa) && !d.protection_plans.empty())
                          ctx.FindAt(self, &c, kCpp, d.protection_plans.front().line,
                                     "ChildProtectionPlans",
                                     "a protection plan is recorded on a referral marked no "
                                     "further action");
                      });
                    }));
  // 8839: within one episode, at most one enquiry awaits an initial conference (no
  // DateOfInitialCPC and ICPCnotRequired not true).
  r.push_back(Error("8839", "At most one enquiry of an episode awaits its conference",
                    "DfE CIN rule 8839", [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        std::vector<const CinSection47*> open;
                        for (const CinSection47& s : d.section47s)
                          if (s.icpc_date.empty() && !IsTrue(s.icpc_not_required))
                            open.push_back(&s);
                        if (open.size() < 2) return;
                        for (const CinSection47* s : open)
                          ctx.FindAt(self, &c, kS47, s->line, "DateOfInitialCPC",
                                     fmt::format("{} enquiries of this episode await an initial "
                                                 "conference; give the conference date, or mark "
                                                 "ICPCnotRequired, on all but one",
                                                 open.size()));
                      });
                    }));
  // 8840: a protection plan does not start and end the same day.
  r.push_back(Error("8840", "A protection plan does not end the day it starts", "DfE CIN rule 8840",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        for (const CinProtectionPlan& p : d.protection_plans)
                          if (!p.start.empty() && p.start.v == p.end.v)
                            ctx.Find(self, &c, kCpp + "/CPPendDate", p.end, "CPPendDate",
                                     "the plan ends the day it starts; a plan lasts at least a "
                                     "day, or there was none");
                      });
                    }));
  // 8841: a plan's reviews are after its start (not the same day).
  r.push_back(Error("8841", "Reviews after the plan's start", "DfE CIN rule 8841",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        for (const CinProtectionPlan& p : d.protection_plans) {
                          const D s = Dt(p.start);
                          if (!s) continue;
                          for (const Leaf& r : p.reviews)
                            if (const D at = Dt(r); at && *at <= *s)
                              ctx.Find(self, &c, kCpp + "/Reviews/CPPreviewDate", r,
                                       "CPPreviewDate",
                                       fmt::format("the review is on or before the plan's start "
                                                   "on {}; reviews come after it",
                                                   s->ToIso()));
                        }
                      });
                    }));
  // 8867: a closed episode's assessments are all authorised (completed).
  r.push_back(Error("8867", "A closed episode's assessments are completed", "DfE CIN rule 8867",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        if (d.closure_date.empty()) return;
                        for (const CinAssessment& a : d.assessments)
                          if (a.authorised.empty())
                            ctx.FindAt(self, &c, kAssess + "/AssessmentAuthorisationDate", a.line,
                                       "AssessmentAuthorisationDate",
                                       fmt::format("the episode closed on {} but this assessment "
                                                   "has no authorisation date; complete it by "
                                                   "the closure",
                                                   d.closure_date.v));
                      });
                    }));
  // 8868: a closed episode's enquiries each have an initial conference date or say none was
  // needed.
  r.push_back(Error("8868", "A closed episode's enquiries are concluded", "DfE CIN rule 8868",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        if (d.closure_date.empty()) return;
                        for (const CinSection47& s : d.section47s)
                          if (s.icpc_date.empty() && !IsTrue(s.icpc_not_required))
                            ctx.FindAt(self, &c, kS47 + "/DateOfInitialCPC", s.line,
                                       "DateOfInitialCPC",
                                       fmt::format("the episode closed on {} but this enquiry has "
                                                   "neither an initial conference date nor "
                                                   "ICPCnotRequired true",
                                                   d.closure_date.v));
                      });
                    }));
  // 8875: an enquiry's initial conference is not on a Saturday or Sunday.
  r.push_back(Error(
      "8875", "Initial conference not at a weekend", "DfE CIN rule 8875",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
          for (const CinSection47& s : d.section47s)
            if (const D at = Dt(s.icpc_date);
                at && (at->weekday() == Weekday::kSaturday || at->weekday() == Weekday::kSunday))
              ctx.Find(self, &c, kS47 + "/DateOfInitialCPC", s.icpc_date, "DateOfInitialCPC",
                       "the initial conference is dated a Saturday or Sunday; "
                       "check the date it was held");
        });
      }));
  // 8890: within one episode, no enquiry starts while another is ongoing: on or between
  // another's start and its initial conference, or (none held, and one not ruled out) its
  // start and the reference date.
  r.push_back(Error("8890", "No enquiry starts while another is ongoing", "DfE CIN rule 8890",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        for (size_t i = 0; i < d.section47s.size(); ++i) {
                          const D st = Dt(d.section47s[i].start);
                          if (!st) continue;
                          for (size_t j = 0; j < d.section47s.size(); ++j) {
                            const CinSection47& o = d.section47s[j];
                            const D os = Dt(o.start);
                            if (i == j || !os || *st < *os) continue;
                            D until = Dt(o.icpc_date);
                            if (!until && !IsTrue(o.icpc_not_required))
                              until = ctx.reference_date();
                            if (!until || *st > *until || (*st == *os && i < j)) continue;
                            ctx.Find(self, &c, kS47 + "/S47ActualStartDate", d.section47s[i].start,
                                     "S47ActualStartDate",
                                     fmt::format("this enquiry starts while the enquiry begun on "
                                                 "{} is ongoing (to {}); one enquiry at a time",
                                                 os->ToIso(), until->ToIso()));
                            break;
                          }
                        }
                      });
                    }));
  // 8915: a protection plan does not start after the child's death.
  r.push_back(Error("8915", "No protection plan starts after the child's death",
                    "DfE CIN rule 8915", [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        const D died = Dt(c.death);
                        if (!died) return;
                        for (const CinProtectionPlan& p : d.protection_plans)
                          if (const D s = Dt(p.start); s && *s > *died)
                            ctx.Find(self, &c, kCpp + "/CPPstartDate", p.start, "CPPstartDate",
                                     fmt::format("the plan starts after the child's death on {}; "
                                                 "check both dates",
                                                 died->ToIso()));
                      });
                    }));
  // 8925: a protection plan does not end before it starts.
  r.push_back(Error("8925", "A protection plan ends on or after its start", "DfE CIN rule 8925",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        for (const CinProtectionPlan& p : d.protection_plans) {
                          const D s = Dt(p.start), e = Dt(p.end);
                          if (s && e && *e < *s)
                            ctx.Find(
                                self, &c, kCpp + "/CPPendDate", p.end, "CPPendDate",
                                fmt::format("the plan ends before it starts on {}", s->ToIso()));
                        }
                      });
                    }));
  // 8930: a protection plan's end falls within the census year.
  r.push_back(InPeriod("8930", "the protection plan's end", kCpp + "/CPPendDate", "CPPendDate",
                       [](const CinDetails& d, const std::function<void(const Leaf&)>& f) {
                         for (const CinProtectionPlan& p : d.protection_plans) f(p.end);
                       }));
  // 8935: a child has at most one open protection plan (no end date).
  r.push_back(Error("8935", "At most one open protection plan a child", "DfE CIN rule 8935",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachChild(ctx, [&](const CinChild& c) {
                        std::vector<const CinProtectionPlan*> open;
                        for (const CinDetails& d : c.details)
                          for (const CinProtectionPlan& p : d.protection_plans)
                            if (p.end.empty()) open.push_back(&p);
                        if (open.size() < 2) return;
                        for (const CinProtectionPlan* p : open)
                          ctx.FindAt(self, &c, kCpp + "/CPPendDate", p->line, "CPPendDate",
                                     fmt::format("the child has {} protection plans with no end "
                                                 "date; end all but the current one",
                                                 open.size()));
                      });
                    }));
  // 8940: a child's protection plans do not overlap: no plan starts on or between another's
  // start and its end (or the reference date when it has none).
  r.push_back(Error(
      "8940", "A child's protection plans do not overlap", "DfE CIN rule 8940",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachChild(ctx, [&](const CinChild& c) {
          std::vector<const CinProtectionPlan*> plans;
          for (const CinDetails& d : c.details)
            for (const CinProtectionPlan& p : d.protection_plans) plans.push_back(&p);
          for (size_t i = 0; i < plans.size(); ++i) {
            const D s = Dt(plans[i]->start);
            if (!s) continue;
            for (size_t j = 0; j < plans.size(); ++j) {
              const D os = Dt(plans[j]->start);
              if (i == j || !os || *s < *os || (*s == *os && i < j)) continue;
              const D oe = plans[j]->end.empty() ? D(ctx.reference_date()) : Dt(plans[j]->end);
              if (!oe || *s > *oe) continue;
              ctx.Find(self, &c, kCpp + "/CPPstartDate", plans[i]->start, "CPPstartDate",
                       fmt::format("this plan starts within the plan of {} to {}; "
                                   "a child has one plan at a time",
                                   os->ToIso(), oe->ToIso()));
              break;
            }
          }
        });
      }));
  // 8920: a protection plan does not end after the child's death.
  r.push_back(Error("8920", "No protection plan ends after the child's death", "DfE CIN rule 8920",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        const D died = Dt(c.death);
                        if (!died) return;
                        for (const CinProtectionPlan& p : d.protection_plans)
                          if (const D e = Dt(p.end); e && *e > *died)
                            ctx.Find(self, &c, kCpp + "/CPPendDate", p.end, "CPPendDate",
                                     fmt::format("the plan ends after the child's death on {}; "
                                                 "it ends on or before it",
                                                 died->ToIso()));
                      });
                    }));
  // 4000: an NFA referral has no CIN plan.
  r.push_back(Error("4000", "No CIN plan on an NFA referral", "DfE CIN rule 4000",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        if (IsTrue(d.nfa) && !d.plans.empty())
                          ctx.FindAt(self, &c, kPlans, d.plans.front().line, "CINPlanDates",
                                     "a CIN plan is recorded on a referral marked no further "
                                     "action");
                      });
                    }));
  // 4004: within one episode, at most one CIN plan has no end date.
  r.push_back(Error("4004", "At most one open CIN plan an episode", "DfE CIN rule 4004",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        size_t open = 0;
                        for (const CinPlanDates& p : d.plans) open += p.end.empty();
                        if (open < 2) return;
                        for (const CinPlanDates& p : d.plans)
                          if (p.end.empty())
                            ctx.FindAt(self, &c, kPlans + "/CINPlanEndDate", p.line,
                                       "CINPlanEndDate",
                                       fmt::format("the episode has {} CIN plans with no end "
                                                   "date; end all but the current one",
                                                   open));
                      });
                    }));
  // 4015: a CIN plan does not start before its episode's referral.
  r.push_back(Error("4015", "CIN plan starts on or after the referral", "DfE CIN rule 4015",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        const D ref = Dt(d.referral_date);
                        for (const CinPlanDates& p : d.plans)
                          if (const D s = Dt(p.start); ref && s && *s < *ref)
                            ctx.Find(self, &c, kPlans + "/CINPlanStartDate", p.start,
                                     "CINPlanStartDate",
                                     fmt::format("the CIN plan starts before the episode's "
                                                 "referral on {}",
                                                 ref->ToIso()));
                      });
                    }));
  // 4016: a CIN plan does not start while a protection plan is open: on or after the
  // protection plan's start and before its end (or by the reference date when it has none).
  // Starting the day a protection plan ends is allowed.
  r.push_back(Error("4016", "No CIN plan starts during a protection plan", "DfE CIN rule 4016",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachChild(ctx, [&](const CinChild& c) {
                        for (const CinDetails& d : c.details)
                          for (const CinPlanDates& p : d.plans) {
                            const D s = Dt(p.start);
                            if (!s) continue;
                            for (const CinDetails& e : c.details)
                              for (const CinProtectionPlan& cp : e.protection_plans) {
                                const D cs = Dt(cp.start), ce = Dt(cp.end);
                                if (!cs || *s < *cs) continue;
                                if (ce ? *s < *ce : *s <= ctx.reference_date()) {
                                  ctx.Find(self, &c, kPlans + "/CINPlanStartDate", p.start,
                                           "CINPlanStartDate",
                                           fmt::format("the CIN plan starts while the child is "
                                                       "on the protection plan begun {}; a CIN "
                                                       "plan follows a protection plan's end",
                                                       cs->ToIso()));
                                  goto next_plan;
                                }
                              }
                          next_plan:;
                          }
                      });
                    }));
  // 8715: an enquiry's initial conference falls within the census year.
  r.push_back(InPeriod("8715", "the initial conference", kS47 + "/DateOfInitialCPC",
                       "DateOfInitialCPC",
                       [](const CinDetails& d, const std::function<void(const Leaf&)>& f) {
                         for (const CinSection47& s : d.section47s) f(s.icpc_date);
                       }));
  // 8720: a protection plan has a start date, on or before the reference date.
  r.push_back(Error("8720", "CPPstartDate given and not after the reference date",
                    "DfE CIN rule 8720", [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        for (const CinProtectionPlan& p : d.protection_plans) {
                          const D s = Dt(p.start);
                          if (!s)
                            ctx.FindAt(self, &c, kCpp, p.line, "CPPstartDate",
                                       "the protection plan has no start date");
                          else if (*s > ctx.reference_date())
                            ctx.Find(self, &c, kCpp + "/CPPstartDate", p.start, "CPPstartDate",
                                     fmt::format("the plan starts after the reference date {}; "
                                                 "it belongs to the next census",
                                                 ctx.reference_date().ToIso()));
                        }
                      });
                    }));
  // 8730: a protection plan gives NumberOfPreviousCPP, a whole number from 0.
  r.push_back(Error("8730", "NumberOfPreviousCPP given, 0 or more", "DfE CIN rule 8730",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                        for (const CinProtectionPlan& p : d.protection_plans) {
                          const std::string& v = p.previous_plans.v;
                          const bool ok = !v.empty() && v.size() <= 3 &&
                                          v.find_first_not_of("0123456789") == std::string::npos;
                          if (!ok)
                            ctx.FindAt(self, &c, kCpp + "/NumberOfPreviousCPP",
                                       p.previous_plans.line ? p.previous_plans.line : p.line,
                                       "NumberOfPreviousCPP",
                                       v.empty()
                                           ? "the plan does not say how many earlier plans "
                                             "the child had; give 0 or more"
                                           : "\"" + v + "\" is not a whole number of 0 or more");
                        }
                      });
                    }));
  // 8740: an enquiry with no initial conference by the reference date, where one was not
  // ruled out (ICPCnotRequired false), starts within the census year.
  r.push_back(
      Error("8740", "An enquiry still awaiting its conference starts in the year",
            "DfE CIN rule 8740", [](const CinRule& self, const CinRuleContext& ctx) {
              EachDetails(ctx, [&](const CinChild& c, const CinDetails& d) {
                for (const CinSection47& s : d.section47s) {
                  const D st = Dt(s.start);
                  if (!s.icpc_date.empty() || !IsFalse(s.icpc_not_required) || !st) continue;
                  if (*st < ctx.start() || *st > ctx.reference_date())
                    ctx.Find(self, &c, kS47 + "/S47ActualStartDate", s.start, "S47ActualStartDate",
                             fmt::format("the enquiry has held no initial conference and "
                                         "one is needed, so it is this year's: it starts "
                                         "between {} and {}",
                                         ctx.start().ToIso(), ctx.reference_date().ToIso()));
                }
              });
            }));
  return r;
}

}  // namespace journey::returns::cin_rules
