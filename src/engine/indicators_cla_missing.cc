// Children looked after who go missing, return home interviews, reviewing officers'
// escalations and independent visitors. Definitions in docs/INDICATORS.md (area
// `looked_after`); golden tests in testdata/indicators/cla_missing.txt.
#include "engine/indicators_cla_common.h"
#include "model/kinds.h"

namespace journey::engine {
namespace {

using K = Kind;
using cla::C;
using cla::F;
using cla::kNone;

int32_t DayOfMinutes(int32_t minutes) {
  return minutes == kNoInt ? kNoDay : model::DateTime{minutes}.date().days();
}

// Calls fn(row, start day) for each missing (M) episode that began while the child was
// looked after.
template <typename Fn>
void MissingWhileLookedAfter(const Context& ctx, const ChildView& v, Fn&& fn) {
  const KindTable& t = v.table(K::kMissingEpisode);
  for (uint32_t i = v.of(K::kMissingEpisode).begin; i < v.of(K::kMissingEpisode).end; ++i) {
    if (t.Code(F().me_type, i) != C(*ctx.projection).missing) continue;
    const int32_t d = DayOfMinutes(t.Minutes(F().me_start, i));
    if (d != kNoDay && cla::PeriodOn(v, d) != kNone) fn(i, d);
  }
}

// Whether a return interview was offered for missing episode `episode`.
bool Offered(const ChildView& v, int32_t episode) {
  const KindTable& t = v.table(K::kReturnInterview);
  for (uint32_t i = v.of(K::kReturnInterview).begin; i < v.of(K::kReturnInterview).end; ++i)
    if (t.Ref(F().ri_episode, i) == episode && t.IsTrue(F().ri_offered, i)) return true;
  return false;
}

// A stock of children looked after on each period's last day with `fn` true of them.
template <typename Fn>
auto CountAtEnd(Fn fn) {
  return [fn](const Context& ctx, const ChildView& v, Emitter& out) {
    for (size_t p = 0; p < ctx.periods.size(); ++p) {
      const int32_t d = ctx.periods[p].end.days();
      if (!cla::LookedAfterOn(*ctx.projection, v, d)) continue;
      const int64_t row = fn(v, d);
      if (row != kNone)
        out.Stock(p, v.table(K::kIndependentVisitor).id(static_cast<uint32_t>(row)), true);
    }
  };
}

}  // namespace

void RegisterLookedAfterMissingIndicators(IndicatorRegistry& r) {
  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_missing_children",
                    .title = "Children looked after in the period who went missing",
                    .area = "looked_after",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator = "those with a missing episode (903 MISSING M, not 'away' A) "
                                 "starting in the period while looked after",
                    .denominator = "children looked after at any time in the period",
                    .source = "DfE, Children looked after in England including adoptions "
                              "(children who had a missing incident during the year); SSDA903 "
                              "Missing",
                    .differs = "",
                    .record_kind = K::kPerson,
                    .higher_is_better = false},
      {K::kClaPeriod, K::kMissingEpisode},
      [](const Context& ctx, const ChildView& v, Emitter& out) {
        const KindTable& per = v.table(K::kClaPeriod);
        for (size_t p = 0; p < ctx.periods.size(); ++p) {
          const int32_t a = ctx.periods[p].start.days(), b = ctx.periods[p].end.days();
          bool looked_after = false, missing = false;
          for (uint32_t i = v.of(K::kClaPeriod).begin; i < v.of(K::kClaPeriod).end; ++i) {
            const int32_t s = per.Day(F().per_start, i), e = per.Day(F().per_end, i);
            looked_after |= s != kNoDay && s <= b && (e == kNoDay || e > a);
          }
          if (!looked_after) continue;
          MissingWhileLookedAfter(ctx, v,
                                  [&](uint32_t, int32_t d) { missing |= d >= a && d <= b; });
          out.Stock(p, v.child, missing);
        }
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_missing_episodes",
                    .title = "Missing episodes of children looked after that started in the "
                             "period",
                    .area = "looked_after",
                    .unit = Unit::kCount,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator = "missing episodes (M) starting in the period while the child "
                                 "was looked after",
                    .denominator = "(a count)",
                    .source = "DfE, Children looked after in England including adoptions "
                              "(missing incidents); SSDA903 Missing",
                    .differs = "Episodes 'away from placement without authorisation' (A) are "
                               "not counted; the DfE publishes them apart.",
                    .record_kind = K::kMissingEpisode,
                    .higher_is_better = false},
      {K::kClaPeriod, K::kMissingEpisode},
      [](const Context& ctx, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kMissingEpisode);
        MissingWhileLookedAfter(ctx, v, [&](uint32_t i, int32_t d) { out.Flow(d, t.id(i), true); });
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "return_interviews_offered",
                    .title = "Missing episodes ended in the period after which a return "
                             "interview was offered",
                    .area = "looked_after",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator = "those with a return interview with offered true",
                    .denominator = "missing and away episodes of any child whose end_at (the "
                                   "return) falls in the period",
                    .source = "Statutory guidance on children who run away or go missing from "
                              "home or care, 2014 (an independent return interview offered)",
                    .differs = "",
                    .record_kind = K::kMissingEpisode},
      {K::kMissingEpisode, K::kReturnInterview},
      [](const Context&, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kMissingEpisode);
        for (uint32_t i = v.of(K::kMissingEpisode).begin; i < v.of(K::kMissingEpisode).end; ++i)
          out.Flow(DayOfMinutes(t.Minutes(F().me_end, i)), t.id(i), Offered(v, t.id(i)));
      }));

  // The deadline is rule RETURN_INTERVIEW_72H's: its obligations, for the episodes with an
  // interview offered.
  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "return_interviews_within_72h",
                    .title = "Return interviews offered after episodes ended in the period that "
                             "were held within 72 hours",
                    .area = "looked_after",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator = "those held (or declined) on or before the "
                                 "RETURN_INTERVIEW_72H due day",
                    .denominator = "episodes ended in the period (any child) with an interview "
                                   "offered, whose 72 hours had run by the as-at date or that "
                                   "were met",
                    .source = "Statutory guidance on children who run away or go missing from "
                              "home or care, 2014 (within 72 hours of return); rule "
                              "RETURN_INTERVIEW_72H",
                    .differs = "As the 2016 Northamptonshire report measured it (of interviews "
                               "offered); some councils divide by all episodes.",
                    .record_kind = K::kMissingEpisode},
      Timescales::KindsFor({Rule::kReturnInterview}),
      [](const Context& ctx, const ChildView& v, Emitter& out) {
        for (const Obligation& o : ctx.Obligations(v)) {
          if (o.rule != Rule::kReturnInterview || !Offered(v, o.from_id)) continue;
          if (!o.is_met() && o.due >= ctx.as_at.days()) continue;  // 72 hours not yet run
          out.Flow(o.start, o.from_id, o.is_met() && o.met <= o.due);
        }
      },
      {Rule::kReturnInterview}));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "iro_escalations",
                    .title = "Escalations by reviewing officers about looked-after children "
                             "raised in the period",
                    .area = "looked_after",
                    .unit = Unit::kCount,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator = "IRO escalations with a period of care (cla_period_id) whose "
                                 "raised_date falls in the period",
                    .denominator = "(a count)",
                    .source = "IRO Handbook 2010, chapter 6 (dispute resolution); no DfE "
                              "statistic",
                    .differs = "",
                    .record_kind = K::kIroEscalation,
                    .category_kind = K::kIroEscalation,
                    .category_field = "stage"},
      {K::kIroEscalation}, [](const Context&, const ChildView& v, Emitter& out) {
        static const int f_stage = model::FieldOf(K::kIroEscalation, "stage");
        const KindTable& t = v.table(K::kIroEscalation);
        for (uint32_t i = v.of(K::kIroEscalation).begin; i < v.of(K::kIroEscalation).end; ++i)
          if (t.Ref(F().iro_period, i) != 0)
            out.Flow(t.Day(F().iro_raised, i), t.id(i), true, 0, t.Code(f_stage, i));
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "iro_escalation_mean_days",
                    .title = "Average days from raising to resolving reviewing officers' "
                             "escalations resolved in the period",
                    .area = "looked_after",
                    .unit = Unit::kMeanDays,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator = "calendar days from raised_date to resolved_date",
                    .denominator = "IRO escalations about looked-after children whose "
                                   "resolved_date falls in the period",
                    .source = "IRO Handbook 2010, chapter 6 (dispute resolution); no DfE "
                              "statistic",
                    .differs = "",
                    .record_kind = K::kIroEscalation,
                    .higher_is_better = false},
      {K::kIroEscalation}, [](const Context&, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kIroEscalation);
        for (uint32_t i = v.of(K::kIroEscalation).begin; i < v.of(K::kIroEscalation).end; ++i) {
          const int32_t raised = t.Day(F().iro_raised, i), done = t.Day(F().iro_resolved, i);
          if (t.Ref(F().iro_period, i) == 0 || raised == kNoDay || done == kNoDay) continue;
          out.Flow(done, t.id(i), true, static_cast<float>(done - raised));
        }
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "independent_visitors_matched",
                    .title = "Children looked after at the end of the period matched with an "
                             "independent visitor",
                    .area = "looked_after",
                    .unit = Unit::kCount,
                    .period_rule = PeriodRule::kAtEnd,
                    .numerator = "children looked after that day with an independent visitor "
                                 "matched on or before it and not ended",
                    .denominator = "(a count)",
                    .source = "Children Act 1989 s23ZB; Care Planning, Placement and Case "
                              "Review (England) Regulations 2010; no DfE statistic",
                    .differs = "",
                    .record_kind = K::kIndependentVisitor},
      {K::kClaPeriod, K::kClaEpisode, K::kIndependentVisitor},
      CountAtEnd([](const ChildView& v, int32_t d) -> int64_t {
        const KindTable& t = v.table(K::kIndependentVisitor);
        for (uint32_t i = v.of(K::kIndependentVisitor).begin; i < v.of(K::kIndependentVisitor).end;
             ++i) {
          const int32_t m = t.Day(F().iv_matched, i), e = t.Day(F().iv_end, i);
          if (m != kNoDay && m <= d && (e == kNoDay || e > d)) return i;
        }
        return kNone;
      })));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "independent_visitors_waiting",
                    .title = "Children looked after at the end of the period waiting for an "
                             "independent visitor",
                    .area = "looked_after",
                    .unit = Unit::kCount,
                    .period_rule = PeriodRule::kAtEnd,
                    .numerator = "children looked after that day with a request made on or "
                                 "before it, not matched by then and not ended",
                    .denominator = "(a count)",
                    .source = "Children Act 1989 s23ZB; no DfE statistic (the 2016 "
                              "Northamptonshire report: 18 matched, 28 waiting)",
                    .differs = "",
                    .record_kind = K::kIndependentVisitor,
                    .higher_is_better = false},
      {K::kClaPeriod, K::kClaEpisode, K::kIndependentVisitor},
      CountAtEnd([](const ChildView& v, int32_t d) -> int64_t {
        const KindTable& t = v.table(K::kIndependentVisitor);
        for (uint32_t i = v.of(K::kIndependentVisitor).begin; i < v.of(K::kIndependentVisitor).end;
             ++i) {
          const int32_t q = t.Day(F().iv_requested, i), m = t.Day(F().iv_matched, i),
                        e = t.Day(F().iv_end, i);
          if (q != kNoDay && q <= d && (m == kNoDay || m > d) && (e == kNoDay || e > d)) return i;
        }
        return kNone;
      })));
}

}  // namespace journey::engine
