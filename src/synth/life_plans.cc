// Protection and child in need plans with their conferences, core groups, reviews and
// visits; early help episodes.
#include <algorithm>

#include "synth/life.h"

namespace journey::synth {
namespace {

constexpr Weighted kCategory[] = {{"NEG", 50}, {"EMO", 38}, {"PHY", 6}, {"SAB", 4}, {"MUL", 2}};

}  // namespace

Date Life::CpPlan(int64_t referral, int64_t icpc, Date start) {
  if (start >= adult_.AddDays(-7)) return start;  // a young person of 18 has no plan
  ++cp_plans_;
  phases_.push_back({disabled_ ? Service::kDisability : Service::kCpCin, start});
  Date end =
      start.AddDays(20 + static_cast<int>(rng_.LogNormal(P().cp_plan_median, P().cp_plan_sigma)));
  const bool unborn = start < birth_;
  bool to_care = rng_.Chance(unborn ? P().prebirth_care_at_birth
                                    : P().cp_to_care * (Age(start) < 1 ? 2.5 : 1.0));
  if (unborn && to_care) end = birth_.AddDays(rng_.Between(0, 6));
  std::string_view reason = "RISK_REDUCED";
  closure_ = "RC7";
  if (end >= adult_) {
    end = adult_;
    reason = "AGE";
    to_care = false;
  } else if (to_care) {
    reason = "CLA";
    if (end < birth_) end = birth_.AddDays(rng_.Between(0, 6));
  } else if (rng_.Chance(0.04)) {
    reason = "MOVED";
    closure_ = "RC5";
  }
  const std::string_view category = rng_.Pick(kCategory);
  Rec p = b().Add(Kind::kCpPlan);
  p.Ref(SF(CpPlan, referral_id), referral)
      .Day(SF(CpPlan, start_date), start)
      .Day(SF(CpPlan, end_date), end)
      .Code(SF(CpPlan, initial_category), category)
      .Code(SF(CpPlan, latest_category), rng_.Chance(0.92) ? category : rng_.Pick(kCategory))
      .Code(SF(CpPlan, end_reason), reason)
      .Flag(SF(CpPlan, other_la), false);
  if (icpc) p.Ref(SF(CpPlan, icpc_id), icpc);
  const int64_t plan = p.id();
  // Review conferences: the first within 3 months of the initial conference, then at most
  // every 6 months (Working Together); a few are late. The last ends the plan.
  Date prev = start;
  for (int k = 0;; ++k) {
    const Date due = prev.AddMonths(k == 0 ? 3 : 6);
    const Date d = NextWorkingDay(rng_.Chance(P().cp_review_late)
                                      ? due.AddDays(rng_.Between(1, 45))
                                      : due.AddDays(-rng_.Between(3, k == 0 ? 30 : 50)));
    if (d >= end) break;
    if (Recorded(d.AddDays(200))) {
      Holder chair = w_.Allocate(Service::kIro, d, rng_);
      Rec c = b().Add(Kind::kCpConference);
      c.Code(SF(CpConference, conference_type), "REVIEW")
          .Ref(SF(CpConference, referral_id), referral)
          .Ref(SF(CpConference, cp_plan_id), plan)
          .Day(SF(CpConference, conference_date), d)
          .Code(SF(CpConference, outcome), "PLAN_CONTINUES")
          .Flag(SF(CpConference, parents_attended), rng_.Chance(0.75))
          .Code(SF(CpConference, child_participation), Age(d) < 4 ? "PN0" : "PN5")
          .Flag(SF(CpConference, police_attended), rng_.Chance(0.45))
          .Flag(SF(CpConference, health_attended), rng_.Chance(0.6))
          .Flag(SF(CpConference, education_attended), rng_.Chance(Age(d) >= 4 ? 0.6 : 0.1));
      if (chair.found()) c.Ref(SF(CpConference, chair_id), chair.worker_id);
    }
    prev = d;
  }
  if (reason == "RISK_REDUCED") {
    const Holder chair = w_.Allocate(Service::kIro, end, rng_);
    Rec last = b().Add(Kind::kCpConference);
    if (chair.found()) last.Ref(SF(CpConference, chair_id), chair.worker_id);
    last.Code(SF(CpConference, conference_type), "REVIEW")
        .Ref(SF(CpConference, referral_id), referral)
        .Ref(SF(CpConference, cp_plan_id), plan)
        .Day(SF(CpConference, conference_date), end)
        .Code(SF(CpConference, outcome), "PLAN_ENDED")
        .Flag(SF(CpConference, parents_attended), rng_.Chance(0.75))
        .Code(SF(CpConference, child_participation), Age(end) < 4 ? "PN0" : "PN1");
  }
  // Core groups: the first within 10 working days of the conference, then about monthly.
  Date g =
      AddWd(start, rng_.Chance(P().core_group_late) ? rng_.Between(11, 22) : rng_.Between(3, 10));
  if (g < c_.history_start.AddDays(-60)) g = c_.history_start.AddDays(-rng_.Between(0, 40));
  for (; g <= end && g <= c_.as_at;
       g = NextWorkingDay(
           g.AddDays(rng_.Chance(0.15) ? rng_.Between(43, 80) : rng_.Between(24, 42)))) {
    if (g < start) continue;
    b().Add(Kind::kCoreGroup)
        .Ref(SF(CoreGroup, cp_plan_id), plan)
        .Day(SF(CoreGroup, meeting_date), g)
        .Flag(SF(CoreGroup, parents_attended), rng_.Chance(0.7));
  }
  // Visits at least every 10 working days (a common local standard).
  Visits("CP", SF(Visit, cp_plan_id), plan, Max(start, birth_), end, 14, 5);
  if (rng_.Chance(0.02)) {
    const Date raised = start.AddDays(rng_.Between(30, std::max(31, end - start)));
    if (raised < end) {
      b().Add(Kind::kIroEscalation)
          .Ref(SF(IroEscalation, cp_plan_id), plan)
          .Day(SF(IroEscalation, raised_date), raised)
          .Code(SF(IroEscalation, stage),
                rng_.Pick({{"INFORMAL", 60}, {"STAGE1", 30}, {"STAGE2", 10}}))
          .Text(SF(IroEscalation, issue), "Drift in the protection plan: actions not completed")
          .Day(SF(IroEscalation, responded_date), raised.AddDays(rng_.Between(2, 25)))
          .Day(SF(IroEscalation, resolved_date), raised.AddDays(rng_.Between(10, 90)));
    }
  }
  if (to_care) return Care(end, CareRoute::kFromPlan);
  if (reason == "RISK_REDUCED" && rng_.Chance(P().cp_step_down)) return CinPlan(referral, end, 1);
  return end;
}

Date Life::CinPlan(int64_t referral, Date start, int depth) {
  if (start >= adult_) return start;
  phases_.push_back({disabled_ ? Service::kDisability : Service::kCpCin, start});
  const Date end = Min(adult_, start.AddDays(30 + static_cast<int>(rng_.LogNormal(
                                                      P().cin_plan_median, P().cin_plan_sigma))));
  closure_ = end == adult_ ? rng_.Pick({{"RC6", 30}, {"RC7", 70}}) : "RC7";
  Rec p = b().Add(Kind::kCinPlan);
  p.Ref(SF(CinPlan, referral_id), referral)
      .Day(SF(CinPlan, start_date), start)
      .Day(SF(CinPlan, end_date), end);
  const int64_t plan = p.id();
  // Reviews about every 3 months (a common local standard; no national timescale).
  for (Date d = start.AddMonths(3);;) {
    const Date held =
        NextWorkingDay(rng_.Chance(P().review_late) ? d.AddDays(rng_.Between(1, 40))
                                                    : d.AddDays(-rng_.Between(0, 14)));
    if (held > end) break;
    if (Recorded(held)) {
      b().Add(Kind::kCinPlanReview)
          .Ref(SF(CinPlanReview, cin_plan_id), plan)
          .Day(SF(CinPlanReview, review_date), held);
    }
    d = held.AddMonths(3);
  }
  Visits("CIN", SF(Visit, cin_plan_id), plan, start, end, 30, 10);
  if (end >= adult_) return end;
  if (depth < 2 && rng_.Chance(P().cin_escalate)) return Protection(referral, end, depth + 1);
  if (rng_.Chance(P().cin_to_care)) return Care(end, CareRoute::kAccommodated);
  return end;
}

void Life::Visits(std::string_view type, int field, int64_t parent, Date from, Date to,
                  int interval, int first_within, const std::vector<Assigned>* who) {
  const Date last = Min(to, c_.as_at);
  Date d = from.AddDays(rng_.Chance(P().visit_late)
                            ? rng_.Between(first_within + 1, first_within * 3 + 7)
                            : rng_.Between(0, first_within));
  // Long before the history nothing is kept: skip ahead to just before it.
  if (d < c_.history_start.AddDays(-2 * interval))
    d = c_.history_start.AddDays(-rng_.Between(1, interval));
  for (; d <= last;) {
    if (d >= from && d >= birth_) {
      const int age = Age(d);
      Rec v = b().Add(Kind::kVisit);
      const bool seen = rng_.Chance(0.95);
      v.Code(SF(Visit, visit_type), type)
          .Day(SF(Visit, visit_date), d)
          .Flag(SF(Visit, seen), seen)
          .Flag(SF(Visit, seen_alone), seen && age >= 5 && rng_.Chance(0.65))
          .Flag(SF(Visit, bedroom_seen), seen && type != "CARE_LEAVER" && rng_.Chance(0.5));
      if (field >= 0) v.Ref(field, parent);
      if (who) {
        for (const Assigned& a : *who)
          if (a.from <= d && d < a.until) v.Ref(SF(Visit, worker_id), a.worker);
      }
    }
    const int step = rng_.Chance(P().visit_late) ? interval + rng_.Between(1, interval)
                                                 : interval - rng_.Between(0, interval / 3);
    d = d.AddDays(std::max(1, step));
  }
}

Date Life::EarlyHelp(Date start, bool* step_up) {
  const Date end = start.AddDays(30 + static_cast<int>(rng_.LogNormal(140, 0.5)));
  const std::string_view reason = rng_.Pick(
      {{"NEEDS_MET", 55}, {"STEP_UP", 10}, {"DISENGAGED", 22}, {"MOVED", 5}, {"OTHER", 8}});
  *step_up = reason == "STEP_UP";
  if (end < c_.history_start) return end;
  std::vector<Assigned> eh;
  Allocations({{Service::kEarlyHelp, start}}, end, "EHW", &eh);
  Rec e = b().Add(Kind::kEarlyHelpEpisode);
  e.Day(SF(EarlyHelpEpisode, start_date), start)
      .Day(SF(EarlyHelpEpisode, end_date), end)
      .Code(SF(EarlyHelpEpisode, end_reason), reason)
      .Text(SF(EarlyHelpEpisode, lead_agency), std::string(rng_.Pick({{"Early help service", 45},
                                                                      {"School", 30},
                                                                      {"Health visiting", 10},
                                                                      {"Family hub", 10},
                                                                      {"Voluntary sector", 5}})));
  if (!eh.empty())
    e.Ref(SF(EarlyHelpEpisode, worker_id), eh.front().worker)
        .Ref(SF(EarlyHelpEpisode, team_id), eh.front().team);
  const Date a_start = start.AddDays(rng_.Between(3, 25));
  if (a_start < end) {
    Rec a = b().Add(Kind::kEarlyHelpAssessment);
    a.Ref(SF(EarlyHelpAssessment, episode_id), e.id())
        .Day(SF(EarlyHelpAssessment, start_date), a_start);
    if (rng_.Chance(0.85))
      a.Day(SF(EarlyHelpAssessment, completed_date),
            Min(end, a_start.AddDays(rng_.Between(7, 45))));
    if (!eh.empty()) a.Ref(SF(EarlyHelpAssessment, worker_id), eh.front().worker);
  }
  return end;
}

}  // namespace journey::synth
