// The timescale rules of a looked-after child and a care leaver (docs/TIMESCALES.md; sources
// in timescales.cc's table).
#include <algorithm>

#include "engine/rules_eval.h"

namespace journey::engine::rules_internal {

// ---- looked after ----
void Eval::LookedAfter() {
  const KindTable& per = T(K::kClaPeriod);
  const KindTable& cpl = T(K::kCarePlan);
  const KindTable& rv = T(K::kClaReview);
  const KindTable& ha = T(K::kHealthAssessment);
  const KindTable& pep = T(K::kPep);
  const int32_t birth = Birth();
  for (uint32_t i = R(K::kClaPeriod).begin; i < R(K::kClaPeriod).end; ++i) {
    const int32_t id = per.id(i), start = per.Day(f_.per_start, i), end = per.Day(f_.per_end, i);

    int32_t plan = kNoDay;
    for (uint32_t j = R(K::kCarePlan).begin; On(Rule::kCarePlan) && j < R(K::kCarePlan).end; ++j) {
      const int32_t d = cpl.Day(f_.cpl_start, j);
      if (cpl.Ref(f_.cpl_period, j) == id && (plan == kNoDay || d < plan)) plan = d;
    }
    Emit(Rule::kCarePlan, K::kClaPeriod, id, start, Wd(start, 10), plan, end);

    events_.clear();
    for (uint32_t j = R(K::kClaReview).begin; On(Rule::kClaReview) && j < R(K::kClaReview).end; ++j)
      if (rv.Ref(f_.rv_period, j) == id) events_.push_back(rv.Day(f_.rv_date, j));
    // A period that began before the record's horizon: when its first review fell due
    // before the horizon, the first review on record is a later one (6 months to the next).
    int reviews = start < horizon_ && Wd(start, 20) < horizon_ ? 1 : 0;
    Chain(Rule::kClaReview, K::kClaPeriod, id, start, Wd(start, 20), end,
          [&](int32_t e) { return AddMonths(e, ++reviews == 1 ? 3 : 6); });

    // Health: the initial assessment, then reviews 6-monthly under 5 and yearly from 5
    // (age on the day of the last assessment; 6-monthly when the birth date is unknown).
    int32_t iha = kNoDay;
    events_.clear();
    const bool health = On(Rule::kInitialHealth) || On(Rule::kReviewHealth);
    for (uint32_t j = R(K::kHealthAssessment).begin; health && j < R(K::kHealthAssessment).end;
         ++j) {
      const int32_t d = ha.Day(f_.ha_date, j);
      if (!Within(d, start, end)) continue;
      const uint16_t type = ha.Code(f_.ha_type, j);
      if (type == c_.iha && iha == kNoDay)
        iha = d;
      else if (type == c_.rha)
        events_.push_back(d);
    }
    Emit(Rule::kInitialHealth, K::kClaPeriod, id, start, Wd(start, 20), iha, end);
    auto next_health = [&](int32_t e) {
      const bool under5 =
          birth == kNoDay || AgeInYears(Date::FromDays(birth), Date::FromDays(e)) < 5;
      return AddMonths(e, under5 ? 6 : 12);
    };
    if (iha == kNoDay && start < horizon_ && !events_.empty()) {
      // The initial assessment is before the record's horizon: the chain of reviews runs
      // from the first review on record.
      std::sort(events_.begin(), events_.end());
      iha = events_.front();
      events_.erase(events_.begin());
    }
    if (iha != kNoDay)
      Chain(Rule::kReviewHealth, K::kClaPeriod, id, iha, next_health(iha), end, next_health);

    // Education: children of the configured ages when they became looked after.
    const int age = birth == kNoDay ? -1 : AgeInYears(Date::FromDays(birth), Date::FromDays(start));
    if ((On(Rule::kPepInitial) || On(Rule::kPepReview)) && age >= cfg_.pep_min_age &&
        age <= cfg_.pep_max_age) {
      int32_t first = kNoDay;
      events_.clear();
      for (uint32_t j = R(K::kPep).begin; j < R(K::kPep).end; ++j) {
        const int32_t d = pep.Day(f_.pep_date, j);
        if (!Within(d, start, end)) continue;
        if (first == kNoDay)
          first = d;
        else
          events_.push_back(d);
      }
      Emit(Rule::kPepInitial, K::kClaPeriod, id, start, Wd(start, cfg_.pep_initial_working_days),
           first, end);
      const int m = cfg_.pep_review_months;
      if (first != kNoDay)
        Chain(Rule::kPepReview, K::kClaPeriod, id, first, AddMonths(first, m), end,
              [&](int32_t e) { return AddMonths(e, m); });
    }

    if (On(Rule::kClaVisit)) ClaVisits(id, end);
  }
  if (On(Rule::kClaVisit)) ShortBreakVisits();
}

// ---- statutory visits (CPPCR 2010 reg 28; reg 48 for short breaks) ----
//
// Reg 28(2): within one week of the start of any placement, then at intervals of not more
// than six weeks in its first year, then not more than three months where the placement is
// intended to last until 18 (a long-term foster placement since the 2015 amendment), else
// six weeks. Reg 28(4): a child under an interim care order living with a parent: weekly
// until the first review, then at most four weeks. Reg 28(5): a child under a care order
// living with a parent: within one week of the making of the care order, then at most six
// weeks. Reg 48(3)(c): short breaks, below. docs/TIMESCALES.md, "Statutory visits".

// The legal status of the period's episode covering `day` (the later one on a change day).
uint16_t Eval::LegalStatusOn(int32_t period, int32_t day) const {
  const KindTable& ep = T(K::kClaEpisode);
  uint16_t status = 0;
  int32_t from = kNoDay;
  for (uint32_t i = R(K::kClaEpisode).begin; i < R(K::kClaEpisode).end; ++i) {
    const int32_t s = ep.Day(f_.ep_start, i);
    if (ep.Ref(f_.ep_period, i) != period || !Within(day, s, ep.Day(f_.ep_end, i))) continue;
    if (from == kNoDay || s >= from) from = s, status = ep.Code(f_.ep_status, i);
  }
  return status;
}

bool Eval::ShortBreak(uint32_t j) const {
  const KindTable& pl = T(K::kPlacement);
  const uint16_t ls = LegalStatusOn(pl.Ref(f_.pl_period, j), pl.Day(f_.pl_start, j));
  return ls != 0 && (ls == c_.ls_short_break_episodes || ls == c_.ls_short_break_agreement);
}

void Eval::ClaVisits(int32_t period, int32_t period_end) {
  const KindTable& pl = T(K::kPlacement);
  const KindTable& vis = T(K::kVisit);
  const KindTable& ep = T(K::kClaEpisode);
  // The first review of the period (reg 28(4) visits weekly until it) and the day a
  // long-term foster plan was agreed (the 3-monthly interval needs it).
  int32_t first_review = kNoDay, lt_plan = kNoDay;
  const KindTable& rv = T(K::kClaReview);
  for (uint32_t k = R(K::kClaReview).begin; k < R(K::kClaReview).end; ++k)
    if (rv.Ref(f_.rv_period, k) == period)
      first_review = Earliest(first_review, rv.Day(f_.rv_date, k));
  const KindTable& cpl = T(K::kCarePlan);
  for (uint32_t k = R(K::kCarePlan).begin; k < R(K::kCarePlan).end; ++k) {
    const uint16_t plan = cpl.Code(f_.cpl_plan, k);
    if (cpl.Ref(f_.cpl_period, k) == period && plan != 0 &&
        (plan == c_.plan_lt_foster || plan == c_.plan_lt_relative))
      lt_plan = Earliest(lt_plan, cpl.Day(f_.cpl_start, k));
  }
  for (uint32_t j = R(K::kPlacement).begin; j < R(K::kPlacement).end; ++j) {
    if (pl.Ref(f_.pl_period, j) != period || ShortBreak(j)) continue;
    const int32_t ps = pl.Day(f_.pl_start, j);
    const int32_t pe = pl.Day(f_.pl_end, j) == kNoDay ? period_end : pl.Day(f_.pl_end, j);
    const uint16_t type = pl.Code(f_.pl_type, j);
    const bool at_home = type == c_.at_home;
    // Long-term: intended to last to 18 (the placement says so, or its 903 code is long-term
    // fostering), from the day it was agreed: the placement's start, or a later long-term
    // plan's.
    const bool long_term =
        pl.IsTrue(f_.pl_long, j) || type == c_.lt_relative || type == c_.lt_foster;
    const int32_t agreed = lt_plan != kNoDay && lt_plan > ps ? lt_plan : ps;
    const int32_t year_on = AddMonths(ps, 12);
    auto next = [&](int32_t e) -> int32_t {
      const uint16_t ls = at_home ? LegalStatusOn(period, e) : 0;
      if (ls != 0 && ls == c_.ls_ico)  // 28(4): weekly until the first review, then 4-weekly
        return e + (first_review != kNoDay && first_review <= e ? 28 : 7);
      if (ls != 0 && ls == c_.ls_care_order) return e + 42;  // 28(5)(b)
      // 28(2)(b)-(c): six weeks while the next visit falls in the first year; after it,
      // three months once agreed long-term.
      if (long_term && e >= agreed && e + 42 > year_on) return AddMonths(e, 3);
      return e + 42;
    };
    // A care order made while the child lives at home restarts the clock (28(5)(a)): the
    // placement's chain is cut at each such episode's start.
    int32_t seg_start = ps;
    K seg_kind = K::kPlacement;
    int32_t seg_id = pl.id(j);
    for (;;) {
      int32_t cut = kNoDay, cut_id = 0;
      for (uint32_t k = R(K::kClaEpisode).begin; at_home && k < R(K::kClaEpisode).end; ++k) {
        const int32_t s = ep.Day(f_.ep_start, k);
        if (ep.Ref(f_.ep_period, k) != period || s <= seg_start || (pe != kNoDay && s > pe) ||
            ep.Code(f_.ep_status, k) != c_.ls_care_order ||
            LegalStatusOn(period, s - 1) == c_.ls_care_order)
          continue;
        if (cut == kNoDay || s < cut) cut = s, cut_id = ep.id(k);
      }
      const int32_t seg_end = cut == kNoDay ? pe : cut;
      events_.clear();
      for (uint32_t k = R(K::kVisit).begin; k < R(K::kVisit).end; ++k) {
        const int32_t d = vis.Day(f_.v_date, k);
        if (vis.Code(f_.v_type, k) == c_.visit_cla && vis.Bool(f_.v_seen, k) != 0 &&
            Within(d, seg_start, cut == kNoDay ? pe : cut - 1))
          events_.push_back(d);
      }
      Chain(Rule::kClaVisit, seg_kind, seg_id, seg_start, seg_start + 7, seg_end, next);
      if (cut == kNoDay) break;
      seg_start = cut, seg_kind = K::kClaEpisode, seg_id = cut_id;
    }
  }
}

// Short breaks (reg 48: a child not in care placed for a series of short breaks, 903 legal
// status V3 or V4). Reg 28(2) gives way to visits on days the child is placed, the first
// within three months of the start of the first placement, then at most six months apart
// (reg 48(3)(c)). One series per child: every short-break placement, visits counted only on
// days placed. A series with no break for six months is taken to have ended with its last
// break (Journey's reading: nothing on record says an arrangement ended).
void Eval::ShortBreakVisits() {
  const KindTable& pl = T(K::kPlacement);
  const KindTable& per = T(K::kClaPeriod);
  const KindTable& vis = T(K::kVisit);
  int32_t first = kNoDay, first_id = 0, last_end = kNoDay;
  bool open = false;
  std::vector<std::pair<int32_t, int32_t>> days;  // each break's [start, end]
  for (uint32_t j = R(K::kPlacement).begin; j < R(K::kPlacement).end; ++j) {
    if (!ShortBreak(j)) continue;
    const int32_t s = pl.Day(f_.pl_start, j);
    if (s > as_at_) continue;  // not known as at the date
    int32_t e = pl.Day(f_.pl_end, j);
    for (uint32_t k = R(K::kClaPeriod).begin; e == kNoDay && k < R(K::kClaPeriod).end; ++k)
      if (per.id(k) == pl.Ref(f_.pl_period, j)) e = per.Day(f_.per_end, k);
    if (first == kNoDay || s < first) first = s, first_id = pl.id(j);
    if (e == kNoDay || e > as_at_) open = true;
    if (e != kNoDay) last_end = std::max(last_end, e);
    days.emplace_back(s, e);
  }
  if (first == kNoDay) return;
  events_.clear();
  for (uint32_t k = R(K::kVisit).begin; k < R(K::kVisit).end; ++k) {
    const int32_t d = vis.Day(f_.v_date, k);
    if (vis.Code(f_.v_type, k) != c_.visit_cla || vis.Bool(f_.v_seen, k) == 0) continue;
    for (const auto& [s, e] : days)
      if (Within(d, s, e)) {
        events_.push_back(d);
        break;
      }
  }
  const int32_t end = open || as_at_ <= AddMonths(last_end, 6) ? kNoDay : last_end;
  Chain(Rule::kClaVisit, K::kPlacement, first_id, first, AddMonths(first, 3), end,
        [](int32_t e) { return AddMonths(e, 6); });
}

// ---- care leavers ----
void Eval::Leaving() {
  const int32_t birth = Birth();
  const KindTable& per = T(K::kClaPeriod);
  const KindTable& pp = T(K::kPathwayPlan);
  if (birth != kNoDay) {
    const int32_t sixteen = AddMonths(birth, 16 * 12);
    for (uint32_t i = R(K::kClaPeriod).begin; i < R(K::kClaPeriod).end; ++i) {
      if (!Within(sixteen, per.Day(f_.per_start, i), per.Day(f_.per_end, i))) continue;
      int32_t met = kNoDay;
      for (uint32_t j = R(K::kPathwayPlan).begin; j < R(K::kPathwayPlan).end; ++j)
        if (met == kNoDay || pp.Day(f_.pp_start, j) < met) met = pp.Day(f_.pp_start, j);
      Emit(Rule::kNeedsAssessment16, K::kClaPeriod, per.id(i), sixteen, AddMonths(sixteen, 3), met,
           kNoDay);
    }
  }
  const KindTable& ppr = T(K::kPathwayPlanReview);
  for (uint32_t i = R(K::kPathwayPlan).begin; i < R(K::kPathwayPlan).end; ++i) {
    const int32_t start = pp.Day(f_.pp_start, i);
    events_.clear();
    for (uint32_t j = R(K::kPathwayPlanReview).begin; j < R(K::kPathwayPlanReview).end; ++j)
      if (ppr.Ref(f_.ppr_plan, j) == pp.id(i)) events_.push_back(ppr.Day(f_.ppr_date, j));
    Chain(Rule::kPathwayReview, K::kPathwayPlan, pp.id(i), start, AddMonths(start, 6),
          pp.Day(f_.pp_end, i), [](int32_t e) { return AddMonths(e, 6); });
  }
}

}  // namespace journey::engine::rules_internal
