// What happens during a period of care: the permanence plan, reviews, statutory visits,
// health, education, going missing, and the rest of a looked-after child's record.
#include <fmt/format.h>

#include <algorithm>

#include "synth/life.h"

namespace journey::synth {
namespace {

std::string_view FirstPlan(CarePlanKind k, int age, Rng& rng) {
  switch (k) {
    case CarePlanKind::kReturn:
      return rng.Pick({{"RETURN1M", 25}, {"RETURN6M", 45}, {"RETURNEV", 30}});
    case CarePlanKind::kAdopt:
      return rng.Chance(0.6) ? "RETURNEV" : "ADOPTION";
    case CarePlanKind::kSgo:
      return "LTRELFR";
    case CarePlanKind::kUnaccompanied:
      return age >= 16 ? "SUPPLIV" : "LTFOST18";
    case CarePlanKind::kRemand:
      return "OTHERPLN";
    default:
      return age >= 15 ? rng.Pick({{"SUPPLIV", 40}, {"LTFOST18", 40}, {"RESPLMT", 20}})
                       : rng.Pick({{"LTFOST18", 70}, {"RETURNEV", 20}, {"RESPLMT", 10}});
  }
}

}  // namespace

void Life::CareRecords(const CareTimeline& t, int64_t period,
                       const std::vector<int64_t>& placements) {
  const int age = Age(t.start);
  // The permanence plan, and its change at the adoption decision or the final order.
  const std::string_view first = FirstPlan(t.plan, age, rng_);
  Date change = t.end;
  std::string_view later;
  if (t.plan == CarePlanKind::kAdopt && first != "ADOPTION")
    change = t.decision, later = "ADOPTION";
  if (t.plan == CarePlanKind::kLongTerm && t.proceedings && first == "RETURNEV")
    change = t.final_hearing, later = "LTFOST18";
  if (change <= t.start || change >= t.end) change = t.end;
  b().Add(Kind::kCarePlan)
      .Ref(SF(CarePlan, cla_period_id), period)
      .Day(SF(CarePlan, start_date), t.start)
      .Day(SF(CarePlan, end_date), change)
      .Code(SF(CarePlan, plan), first);
  if (change < t.end) {
    b().Add(Kind::kCarePlan)
        .Ref(SF(CarePlan, cla_period_id), period)
        .Day(SF(CarePlan, start_date), change)
        .Day(SF(CarePlan, end_date), t.end)
        .Code(SF(CarePlan, plan), later);
  }
  std::vector<Assigned> iro;
  Allocations({{Service::kIro, t.start}}, t.end, "IRO", &iro);
  Reviews(t, period, iro);
  // Statutory visits (Care Planning Regulations 2010, reg 28): within a week of each
  // placement, then at most 6-weekly; 3-monthly in a long-term placement after a year.
  for (size_t i = 0; i < t.places.size(); ++i) {
    const Date from = t.places[i].day;
    const Date to = i + 1 < t.places.size() ? t.places[i + 1].day : t.end;
    const bool settled =
        (t.places[i].kind == "L" || t.places[i].kind == "M") && from - t.start > 365;
    Visits("CLA", SF(Visit, cla_period_id), period, from, to, settled ? 80 : 40, 7);
  }
  (void)placements;
  Health(t);
  Education(t);
  Missing(t, period);
  const std::string_view prev = adopted_or_sgo_
                                    ? rng_.Pick({{"P1", 50}, {"P2", 40}, {"P3", 10}})
                                    : rng_.Pick({{"Z1", 92}, {"P4", 4}, {"P3", 2}, {"P2", 2}});
  Rec pp = b().Add(Kind::kPreviousPermanence);
  pp.Code(SF(PreviousPermanence, prev_perm), prev)
      .Day(SF(PreviousPermanence, recorded_date), t.start);
  if (prev != "Z1" && prev != "P4") {
    pp.Text(SF(PreviousPermanence, la_perm), c_.la_code)
        .Text(SF(PreviousPermanence, date_perm),
              rng_.Chance(0.7) ? t.start.AddDays(-rng_.Between(300, 3000)).ToDmy()
                               : fmt::format("zz/zz/{}", t.start.year() - rng_.Between(1, 8)));
  }
  Proceedings(t);
  if (t.plan == CarePlanKind::kAdopt) AdoptionRecord(t, period);
  // A family member or friend assessed as carer (regulation 24 temporary approval first).
  for (const PlacementSpec& p : t.places) {
    if (p.kind != "K") continue;
    const Date done =
        p.day.AddDays(rng_.Chance(0.3) ? rng_.Between(113, 220) : rng_.Between(60, 112));
    b().Add(Kind::kConnectedPersonAssessment)
        .Day(SF(ConnectedPersonAssessment, start_date), p.day)
        .Day(SF(ConnectedPersonAssessment, completed_date), done)
        .Flag(SF(ConnectedPersonAssessment, temporary_approval), rng_.Chance(0.8))
        .Code(SF(ConnectedPersonAssessment, outcome),
              t.plan == CarePlanKind::kSgo
                  ? "SGO"
                  : rng_.Pick({{"APPROVED", 75}, {"NOT_APPROVED", 15}, {"WITHDRAWN", 10}}));
    break;
  }
  const double years = static_cast<double>(t.end - t.start) / 365.25;
  if (rng_.Chance(std::min(0.5, 0.03 * years))) {
    const Date raised = t.start.AddDays(rng_.Between(30, std::max(31, t.end - t.start)));
    if (raised < t.end) {
      Rec e = b().Add(Kind::kIroEscalation);
      e.Ref(SF(IroEscalation, cla_period_id), period)
          .Day(SF(IroEscalation, raised_date), raised)
          .Code(SF(IroEscalation, stage), rng_.Pick({{"INFORMAL", 55},
                                                     {"STAGE1", 25},
                                                     {"STAGE2", 12},
                                                     {"STAGE3", 5},
                                                     {"STAGE4", 2},
                                                     {"CAFCASS", 1}}))
          .Text(SF(IroEscalation, issue),
                std::string(rng_.Pick({{"Delay in the permanence plan", 40},
                                       {"Placement not meeting needs", 25},
                                       {"Statutory visits overdue", 20},
                                       {"Health assessment overdue", 15}})))
          .Day(SF(IroEscalation, responded_date), raised.AddDays(rng_.Between(1, 30)));
      if (rng_.Chance(0.8))
        e.Day(SF(IroEscalation, resolved_date), raised.AddDays(rng_.Between(14, 150)));
      for (const Assigned& a : iro)
        if (a.from <= raised && raised < a.until) e.Ref(SF(IroEscalation, raised_by_id), a.worker);
    }
  }
  if (years > 1 && rng_.Chance(0.08)) {
    const Date asked = t.start.AddDays(rng_.Between(60, 360));
    Rec v = b().Add(Kind::kIndependentVisitor);
    v.Day(SF(IndependentVisitor, requested_date), asked);
    if (rng_.Chance(0.7))
      v.Day(SF(IndependentVisitor, matched_date), asked.AddDays(rng_.Between(30, 240)));
    v.Day(SF(IndependentVisitor, end_date), t.end);
  }
  if (age >= 5 && rng_.Chance(0.12)) {
    const Date asked = t.start.AddDays(rng_.Between(5, 200));
    if (asked < t.end) {
      b().Add(Kind::kAdvocacy)
          .Day(SF(Advocacy, requested_date), asked)
          .Day(SF(Advocacy, start_date), asked.AddDays(rng_.Between(3, 30)))
          .Day(SF(Advocacy, end_date), asked.AddDays(rng_.Between(60, 300)));
    }
  }
  if ((t.plan == CarePlanKind::kAdopt ||
       (t.plan == CarePlanKind::kLongTerm && age < 10 && rng_.Chance(0.3)))) {
    const Date from = t.placed.days() ? t.placed : t.start.AddDays(rng_.Between(100, 400));
    Rec l = b().Add(Kind::kLifeStoryWork);
    l.Day(SF(LifeStoryWork, start_date), from);
    if (rng_.Chance(0.6))
      l.Day(SF(LifeStoryWork, completed_date), from.AddDays(rng_.Between(60, 500)));
  }
  const int end_age = Age(t.end);
  if (end_age >= 11 && years > 1) {
    if (rng_.Chance(0.05)) {
      b().Add(Kind::kSubstanceMisuse)
          .Day(SF(SubstanceMisuse, identified_date), t.end.AddDays(-rng_.Between(10, 300)))
          .Flag(SF(SubstanceMisuse, intervention_offered), rng_.Chance(0.85))
          .Flag(SF(SubstanceMisuse, intervention_received), rng_.Chance(0.55));
    }
    if (rng_.Chance(0.03 * std::min(4.0, years))) {
      b().Add(Kind::kConviction)
          .Day(SF(Conviction, offence_date), t.end.AddDays(-rng_.Between(10, 360)))
          .Text(SF(Conviction, offence),
                std::string(rng_.Pick({{"Theft", 30},
                                       {"Criminal damage", 25},
                                       {"Assault", 25},
                                       {"Possession of a controlled drug", 15},
                                       {"Other", 5}})));
    }
  }
  // Some young women in or leaving care become mothers (903 MOTHER).
  if (female_ && end_age >= 15 && !mother_ && rng_.Chance(P().mother_chance)) {
    const Date from = Max(t.start, birth_.AddYears(15));
    if (from < t.end) Baby(from.AddDays(static_cast<int>(rng_.Below(t.end - from))));
  }
}

// Looked-after reviews (Care Planning Regulations 2010, reg 33): within 20 working days of
// becoming looked after, then within 3 months, then at most every 6 months.
void Life::Reviews(const CareTimeline& t, int64_t period, const std::vector<Assigned>& iro) {
  Date d = rng_.Chance(P().review_late) ? AddWd(t.start, rng_.Between(21, 40))
                                        : AddWd(t.start, rng_.Between(8, 20));
  for (int k = 0; d <= t.end; ++k) {
    if (Recorded(d)) {
      Rec r = b().Add(Kind::kClaReview);
      r.Ref(SF(ClaReview, cla_period_id), period).Day(SF(ClaReview, review_date), d);
      const int age = Age(d);
      r.Code(SF(ClaReview, participation), age < 4 ? "PN0"
                                                   : rng_.Pick({{"PN1", 45},
                                                                {"PN2", 8},
                                                                {"PN3", 6},
                                                                {"PN4", 5},
                                                                {"PN5", 12},
                                                                {"PN6", 14},
                                                                {"PN7", 10}}));
      for (const Assigned& a : iro)
        if (a.from <= d && d < a.until) r.Ref(SF(ClaReview, iro_id), a.worker);
    }
    const Date due = d.AddMonths(k == 0 ? 3 : 6);
    d = NextWorkingDay(rng_.Chance(P().review_late) ? due.AddDays(rng_.Between(1, 45))
                                                    : due.AddDays(-rng_.Between(5, 30)));
  }
}

// Initial health assessment (due before the first review, 20 working days), review health
// assessments (6-monthly under 5, yearly from 5), dental checks, SDQs and immunisations
// (903 OC2) for children looked after a year or more.
void Life::Health(const CareTimeline& t) {
  const Date from = c_.history_start.AddDays(-400);
  if (t.end < from) return;
  auto add = [&](std::string_view type, Date d, std::string_view status) {
    if (d > t.end || d < from) return;
    b().Add(Kind::kHealthAssessment)
        .Code(SF(HealthAssessment, assessment_type), type)
        .Day(SF(HealthAssessment, assessment_date), d)
        .Code(SF(HealthAssessment, status), status);
  };
  Date ha = t.start;
  if (WdBetween(t.start, t.end) > 20) {
    const double r = rng_.Uniform();
    if (r > 0.07) {
      ha = AddWd(t.start, r < 0.07 + P().iha_late ? rng_.Between(21, 70) : rng_.Between(5, 20));
      add("INITIAL", ha, "COMPLETED");
    }
  }
  for (Date d = ha;;) {
    const int months = Age(d) < 5 ? 6 : 12;
    d = d.AddMonths(months).AddDays(rng_.Chance(0.12) ? rng_.Between(1, 90) : -rng_.Between(0, 25));
    if (d > t.end) break;
    add("REVIEW", d, Age(d) >= 12 && rng_.Chance(0.05) ? "REFUSED" : "COMPLETED");
  }
  for (Date d = t.start.AddDays(rng_.Between(60, 300)); d <= t.end;
       d = d.AddDays(rng_.Between(300, 460))) {
    if (rng_.Chance(0.8)) add("DENTAL", d, "COMPLETED");
    if (Age(d) >= 4 && rng_.Chance(0.3))
      add("OPTICIAN", d.AddDays(rng_.Between(0, 60)), "COMPLETED");
  }
  for (Date d = t.start.AddYears(1); d <= t.end; d = d.AddYears(1)) {
    if (d < from) continue;
    const int age = Age(d);
    // The collection year (1 April to 31 March) holding the anniversary.
    const Date year_start = Date::FromYmd(d.ToYmd().month >= 4 ? d.year() : d.year() - 1, 4, 1);
    const Date year_end = year_start.AddYears(1).AddDays(-1);
    if (age >= 4 && age <= 16) {
      Rec s = b().Add(Kind::kSdq);
      // Up to two months before the anniversary, but not back into the previous collection
      // year: the year's OC2 row needs its SDQ (903 rules 186, 197B).
      s.Day(SF(Sdq, sdq_date), std::max(year_start, d.AddDays(-rng_.Between(0, 60))));
      if (rng_.Chance(0.78))
        s.Int(SF(Sdq, score), std::clamp(static_cast<int>(rng_.LogNormal(13, 0.5)), 0, 40));
      else
        s.Code(SF(Sdq, reason),
               rng_.Pick({{"SDQ2", 25}, {"SDQ3", 15}, {"SDQ4", 40}, {"SDQ5", 20}}));
    } else {
      // No questionnaire under 4 or over 16. In the year the child turns 4 or 17 the return
      // still needs a reason (SDQ1, 903 rule 197B); in other years nothing (rules 188, 189;
      // a 17th birthday on 1 April itself already counts as 17 that year).
      const Date fourth = birth_.AddYears(4), seventeenth = birth_.AddYears(17);
      if ((fourth >= year_start && fourth <= year_end) ||
          (seventeenth > year_start && seventeenth <= year_end))
        b().Add(Kind::kSdq).Day(SF(Sdq, sdq_date), d).Code(SF(Sdq, reason), "SDQ1");
    }
    b().Add(Kind::kImmunisation)
        .Day(SF(Immunisation, recorded_date), d)
        .Flag(SF(Immunisation, up_to_date), rng_.Chance(0.84));
  }
}

// Personal education plans: initiated within 10 working days (some councils use 20), then
// reviewed each term.
void Life::Education(const CareTimeline& t) {
  const Date school_age = birth_.AddYears(3);
  Date first = Max(t.start, school_age);
  if (first >= t.end || t.end < c_.history_start) return;
  const double r = rng_.Uniform();
  Date d = AddWd(first, r < 0.7 ? rng_.Between(2, 10)
                                : (r < 0.9 ? rng_.Between(11, 20) : rng_.Between(21, 60)));
  for (bool initial = true; d <= t.end && d <= c_.as_at; initial = false) {
    if (d >= c_.history_start.AddDays(-200)) {
      b().Add(Kind::kPep)
          .Day(SF(Pep, pep_date), d)
          .Code(SF(Pep, pep_type), initial ? "INITIAL" : "REVIEW")
          .Text(SF(Pep, school_urn), fmt::format("{}", 100000 + rng_.Below(900000)))
          .Code(SF(Pep, quality), rng_.Pick({{"GOOD", 60}, {"RI", 30}, {"INADEQUATE", 10}}));
    }
    d = d.AddDays(rng_.Chance(0.15) ? rng_.Between(130, 200) : rng_.Between(90, 125));
  }
}

// Going missing: about one looked-after child in nine a year, mostly teenagers in
// children's homes, often many times; return home interviews offered for most episodes,
// within 72 hours for fewer (DfE 2023-24; Missing People).
void Life::Missing(const CareTimeline& t, int64_t period) {
  const Date from = Max(Max(t.start, birth_.AddYears(11)), c_.history_start.AddDays(-365));
  const Date to = Min(t.end, c_.as_at);
  bool screened = false;
  for (Date y = from; y < to; y = y.AddDays(365)) {
    const Date slice_end = Min(y.AddDays(365), to);
    std::string_view kind = t.places.front().kind;
    for (const PlacementSpec& p : t.places)
      if (p.day <= y) kind = p.kind;
    const double p = kind == "R"
                         ? P().missing_rate_resi
                         : (kind == "S" || kind == "I" || kind == "Y" ? P().missing_rate_other
                                                                      : P().missing_rate_foster);
    if (!rng_.Chance(p * (Age(y) >= 13 ? 1.0 : 0.4))) continue;
    const int n = 1 + rng_.Poisson(rng_.LogNormal(P().missing_episodes_mean * 0.6, 1.0));
    std::vector<Date> days;
    for (int i = 0; i < n; ++i)
      days.push_back(y.AddDays(static_cast<int>(rng_.Below(std::max(1, slice_end - y)))));
    std::sort(days.begin(), days.end());
    int64_t last_end = 0;
    for (Date d : days) {
      const int64_t start_min = int64_t{d.days()} * 1440 + rng_.Between(15 * 60, 23 * 60 + 59);
      if (start_min <= last_end) continue;
      const int64_t end_min = start_min + 30 + static_cast<int64_t>(rng_.LogNormal(14 * 60, 1.0));
      last_end = end_min;
      const bool m = rng_.Chance(0.75);
      Rec e = b().Add(Kind::kMissingEpisode);
      e.Code(SF(MissingEpisode, missing_type), m ? "M" : "A")
          .At(SF(MissingEpisode, start_at), DateTime{start_min})
          .At(SF(MissingEpisode, end_at), DateTime{end_min})
          .Flag(SF(MissingEpisode, reported_to_police), rng_.Chance(m ? 0.92 : 0.35))
          .Ref(SF(MissingEpisode, cla_period_id), period);
      if (DateTime{end_min}.date() > c_.as_at.AddDays(-3)) continue;  // interview not yet due
      Rec ri = b().Add(Kind::kReturnInterview);
      ri.Ref(SF(ReturnInterview, missing_episode_id), e.id());
      if (!rng_.Chance(P().rhi_offered)) {
        ri.Flag(SF(ReturnInterview, offered), false).Code(SF(ReturnInterview, accepted), "NA");
        continue;
      }
      ri.Flag(SF(ReturnInterview, offered), true)
          .At(SF(ReturnInterview, offered_at), DateTime{end_min + rng_.Between(60, 36 * 60)});
      const bool accepted = rng_.Chance(0.86);
      ri.Code(SF(ReturnInterview, accepted), accepted ? "Y" : "N");
      if (accepted) {
        const bool in_time = rng_.Chance(P().rhi_in_72h / 0.86);
        const int64_t held = end_min + (in_time ? rng_.Between(37 * 60, 71 * 60)
                                                : rng_.Between(73 * 60, 12 * 24 * 60));
        if (DateTime{held}.date() <= c_.as_at)
          ri.At(SF(ReturnInterview, completed_at), DateTime{held});
      }
    }
    if (!screened) {
      screened = true;
      b().Add(Kind::kExploitationRisk)
          .Day(SF(ExploitationRisk, screened_date), days.front())
          .Code(SF(ExploitationRisk, risk_type), rng_.Chance(female_ ? 0.7 : 0.3) ? "CSE" : "CCE")
          .Code(SF(ExploitationRisk, level),
                rng_.Pick({{"LOW", 40}, {"MEDIUM", 40}, {"HIGH", 20}}));
    }
  }
}

}  // namespace journey::synth
