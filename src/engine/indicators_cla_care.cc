// The care of children looked after: reviews, statutory visits, health, education, going
// missing and return interviews, reviewing officers' escalations, independent visitors.
// Timeliness figures read the timescale rules (docs/TIMESCALES.md), so each deadline lives
// in its rule. Definitions in docs/INDICATORS.md (area `looked_after`); golden tests in
// testdata/indicators/cla_care.txt.
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

IndicatorInfo Timely(std::string_view id, std::string_view title, std::string_view numerator,
                     std::string_view denominator, std::string_view source,
                     std::string_view differs, Kind record) {
  return IndicatorInfo{.id = id,
                       .title = title,
                       .area = "looked_after",
                       .unit = Unit::kPercent,
                       .period_rule = PeriodRule::kInPeriod,
                       .numerator = numerator,
                       .denominator = denominator,
                       .source = source,
                       .differs = differs,
                       .record_kind = record};
}

// The OC2 cohort on day d: looked after then, and continuously for the 12 months before
// (the period of care open on d started on or before d less 12 months).
bool Oc2Cohort(const Context& ctx, const ChildView& v, int32_t d) {
  if (!cla::LookedAfterOn(*ctx.projection, v, d)) return false;
  const uint32_t per = static_cast<uint32_t>(cla::PeriodOn(v, d));
  return v.table(K::kClaPeriod).Day(F().per_start, per) <= Date::FromDays(d).AddMonths(-12).days();
}

constexpr std::string_view kOc2 =
    "children looked after on the period's last day who had been looked after continuously for "
    "the 12 months before it";

// The child's first row of `kind` dated in (d less 12 months, d] by `field`, or kNone;
// `latest` for the last one instead.
int64_t InYearTo(const ChildView& v, K kind, int field, int32_t d, bool latest, uint16_t type = 0,
                 int type_field = -1) {
  const KindTable& t = v.table(kind);
  const int32_t from = Date::FromDays(d).AddMonths(-12).days();
  int64_t found = kNone;
  for (uint32_t i = v.of(kind).begin; i < v.of(kind).end; ++i) {
    const int32_t x = t.Day(field, i);
    if (x == kNoDay || x <= from || x > d) continue;
    if (type_field >= 0 && t.Code(type_field, i) != type) continue;
    found = i;
    if (!latest) break;
  }
  return found;
}

void RegisterTimeliness(IndicatorRegistry& r) {
  r.Add(TimelinessIndicator(
      Timely("cla_reviews_on_time", "Looked-after reviews held in the period on time",
             "those held on or before the CLA_REVIEW due date (20 working days from the start "
             "of care, then 3 months, then 6 months after the review before)",
             "reviews of a period of care held in the period",
             "Care Planning, Placement and Case Review (England) Regulations 2010, reg 33; rule "
             "CLA_REVIEW; former NI 66",
             "NI 66 counted children whose every review in the year was on time; Journey counts "
             "reviews.",
             K::kClaPeriod),
      Rule::kClaReview, Timeliness::kMetInPeriod));
  r.Add(TimelinessIndicator(
      Timely("cla_visits_on_time", "Statutory visits due in the period made on time",
             "those met by a visit (type CLA, child seen) on or before the CLA_VISIT due date",
             "statutory visits that fell due in the period and by the as-at date, made or not",
             "Care Planning, Placement and Case Review (England) Regulations 2010, reg 28; rule "
             "CLA_VISIT",
             "Councils often report the share of children whose visits are all up to date on a "
             "day; Journey counts each visit that fell due.",
             K::kPlacement),
      Rule::kClaVisit, Timeliness::kDueInPeriod));
  r.Add(TimelinessIndicator(
      Timely("cla_iha_on_time", "Initial health assessments due in the period done on time",
             "those done on or before the IHA_20WD due date (20 working days from the start of "
             "care)",
             "initial health assessments that fell due in the period and by the as-at date",
             "Promoting the health and well-being of looked-after children, statutory guidance "
             "2015; rule IHA_20WD",
             "Health partners often count from the health service's request rather than from "
             "the start of care.",
             K::kClaPeriod),
      Rule::kInitialHealth, Timeliness::kDueInPeriod));
  r.Add(TimelinessIndicator(
      Timely("cla_rha_on_time", "Review health assessments due in the period done on time",
             "those done on or before the RHA due date (6 months apart under 5, 12 from 5)",
             "review health assessments that fell due in the period and by the as-at date",
             "Promoting the health and well-being of looked-after children, statutory guidance "
             "2015; rule RHA",
             "", K::kClaPeriod),
      Rule::kReviewHealth, Timeliness::kDueInPeriod));
  r.Add(TimelinessIndicator(
      Timely("cla_pep_initial_on_time",
             "Initial personal education plans due in the period "
             "made on time",
             "those made on or before the PEP_INITIAL due date (10 working days from the start "
             "of care, a local setting)",
             "initial PEPs that fell due in the period and by the as-at date (children of "
             "school age and in early years, as the rule's ages say)",
             "Promoting the education of looked-after and previously looked-after children, "
             "statutory guidance 2018; rule PEP_INITIAL",
             "", K::kClaPeriod),
      Rule::kPepInitial, Timeliness::kDueInPeriod));
  r.Add(TimelinessIndicator(
      Timely("cla_pep_reviews_on_time", "PEP reviews due in the period held on time",
             "those held on or before the PEP_REVIEW due date (termly, read as 4 months)",
             "PEP reviews that fell due in the period and by the as-at date",
             "Promoting the education of looked-after and previously looked-after children, "
             "statutory guidance 2018; rule PEP_REVIEW",
             "Virtual schools count PEPs per school term; Journey's term is 4 months.",
             K::kClaPeriod),
      Rule::kPepReview, Timeliness::kDueInPeriod));
}

}  // namespace

void RegisterLookedAfterCareIndicators(IndicatorRegistry& r) {
  RegisterTimeliness(r);

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_review_participation",
                    .title = "Looked-after reviews in the period in which the child took part",
                    .area = "looked_after",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator = "those with participation PN1-PN6 (the child attended or "
                                 "conveyed their views)",
                    .denominator = "reviews held in the period, less those of children under 4 "
                                   "(PN0); a review with no code counts as not taking part",
                    .source = "DfE, SSDA903 guide: REVIEW_CODE (participation in reviews)",
                    .differs = "",
                    .record_kind = K::kClaReview,
                    .category_kind = K::kClaReview,
                    .category_field = "participation"},
      {K::kClaReview}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kClaReview);
        const cla::Codes& c = C(*ctx.projection);
        for (uint32_t i = v.of(K::kClaReview).begin; i < v.of(K::kClaReview).end; ++i) {
          const uint16_t pn = t.Code(F().rv_part, i);
          if (pn != 0 && pn == c.pn0) continue;
          out.Flow(t.Day(F().rv_date, i), t.id(i), pn != 0 && pn != c.pn7, 0, pn);
        }
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_visits_seen_alone",
                    .title = "Statutory visits in the period at which the child was seen alone",
                    .area = "looked_after",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator = "those with seen_alone true",
                    .denominator = "visits of type CLA in the period at which the child was seen "
                                   "(seen not false)",
                    .source = "Care Planning, Placement and Case Review (England) Regulations "
                              "2010, reg 28(3) (the child seen alone unless they refuse or "
                              "the worker judges it inappropriate)",
                    .differs = "",
                    .record_kind = K::kVisit},
      {K::kVisit}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kVisit);
        for (uint32_t i = v.of(K::kVisit).begin; i < v.of(K::kVisit).end; ++i) {
          if (t.Code(F().v_type, i) != C(*ctx.projection).visit_cla || t.Bool(F().v_seen, i) == 0)
            continue;
          out.Flow(t.Day(F().v_date, i), t.id(i), t.IsTrue(F().v_alone, i));
        }
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_dental_checks",
                    .title = "Children looked after for 12 months whose teeth were checked by a "
                             "dentist in the year",
                    .area = "looked_after",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kAtEnd,
                    .numerator = "those with a DENTAL health assessment in the 12 months to the "
                                 "period's last day",
                    .denominator = kOc2,
                    .source = "DfE, Outcomes for children looked after (SSDA903 OC2: teeth "
                              "checked by a dentist)",
                    .differs = "",
                    .record_kind = K::kClaPeriod},
      {K::kClaPeriod, K::kClaEpisode, K::kHealthAssessment},
      [](const Context& ctx, const ChildView& v, Emitter& out) {
        for (size_t p = 0; p < ctx.periods.size(); ++p) {
          const int32_t d = ctx.periods[p].end.days();
          if (!Oc2Cohort(ctx, v, d)) continue;
          const bool checked = InYearTo(v, K::kHealthAssessment, F().ha_date, d, false,
                                        C(*ctx.projection).dental, F().ha_type) != kNone;
          const uint32_t per = static_cast<uint32_t>(cla::PeriodOn(v, d));
          out.Stock(p, v.table(K::kClaPeriod).id(per), checked);
        }
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_sdq_completed",
                    .title = "Children aged 5-16 looked after for 12 months with a strengths "
                             "and difficulties questionnaire in the year",
                    .area = "looked_after",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kAtEnd,
                    .numerator = "those with an SDQ with a score in the 12 months to the "
                                 "period's last day",
                    .denominator = "children aged 5-16 on the period's last day among those "
                                   "looked after then and continuously for the 12 months before",
                    .source = "DfE, Outcomes for children looked after (SSDA903 OC2 SDQ_SCORE, "
                              "children aged 5 to 16)",
                    .differs = "",
                    .record_kind = K::kClaPeriod},
      {K::kPerson, K::kClaPeriod, K::kClaEpisode, K::kSdq},
      [](const Context& ctx, const ChildView& v, Emitter& out) {
        for (size_t p = 0; p < ctx.periods.size(); ++p) {
          const int32_t d = ctx.periods[p].end.days(), age = cla::Age(v, d);
          if (age == kNoInt || age < 5 || age > 16 || !Oc2Cohort(ctx, v, d)) continue;
          bool scored = false;
          const KindTable& t = v.table(K::kSdq);
          const int32_t from = Date::FromDays(d).AddMonths(-12).days();
          for (uint32_t i = v.of(K::kSdq).begin; i < v.of(K::kSdq).end; ++i) {
            const int32_t x = t.Day(F().sdq_date, i);
            scored |= x != kNoDay && x > from && x <= d && t.Int(F().sdq_score, i) != kNoInt;
          }
          const uint32_t per = static_cast<uint32_t>(cla::PeriodOn(v, d));
          out.Stock(p, v.table(K::kClaPeriod).id(per), scored);
        }
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_sdq_mean_score",
                    .title = "Average SDQ total difficulties score of children aged 5-16 looked "
                             "after for 12 months",
                    .area = "looked_after",
                    .unit = Unit::kMean,
                    .period_rule = PeriodRule::kAtEnd,
                    .numerator = "the latest SDQ score (0-40) in the 12 months to the period's "
                                 "last day",
                    .denominator = "children aged 5-16 in the OC2 cohort (looked after on the "
                                   "last day and for the 12 months before) with such a score",
                    .source = "DfE, Outcomes for children looked after (average SDQ score; "
                              "14-16 borderline, 17 or more a cause for concern)",
                    .differs = "",
                    .record_kind = K::kSdq,
                    .higher_is_better = false},
      {K::kPerson, K::kClaPeriod, K::kClaEpisode, K::kSdq},
      [](const Context& ctx, const ChildView& v, Emitter& out) {
        for (size_t p = 0; p < ctx.periods.size(); ++p) {
          const int32_t d = ctx.periods[p].end.days(), age = cla::Age(v, d);
          if (age == kNoInt || age < 5 || age > 16 || !Oc2Cohort(ctx, v, d)) continue;
          const KindTable& t = v.table(K::kSdq);
          const int32_t from = Date::FromDays(d).AddMonths(-12).days();
          int64_t latest = kNone;
          for (uint32_t i = v.of(K::kSdq).begin; i < v.of(K::kSdq).end; ++i) {
            const int32_t x = t.Day(F().sdq_date, i);
            if (x != kNoDay && x > from && x <= d && t.Int(F().sdq_score, i) != kNoInt) latest = i;
          }
          if (latest == kNone) continue;
          const uint32_t i = static_cast<uint32_t>(latest);
          out.Stock(p, t.id(i), true, static_cast<float>(t.Int(F().sdq_score, i)));
        }
      }));
}

}  // namespace journey::engine
