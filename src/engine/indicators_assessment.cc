// Assessment indicators: timeliness, duration, outcomes, pre-birth assessments.
// Definitions in docs/INDICATORS.md ("Assessment").
#include "engine/indicator.h"
#include "model/kinds.h"

namespace journey::engine {
namespace {

using K = Kind;
int Of(K k, std::string_view f) { return model::FieldOf(k, f); }

struct AssessmentFields {
  int start = Of(K::kAssessment, "start_date"), auth = Of(K::kAssessment, "authorised_date"),
      outcome = Of(K::kAssessment, "outcome"), pre_birth = Of(K::kAssessment, "pre_birth");
};
const AssessmentFields& AF() {
  static const AssessmentFields f;
  return f;
}

// Calls fn(row, authorised day) for each assessment authorised (completed) in the periods.
template <typename F>
void Completed(const Context& ctx, const ChildView& v, F&& fn) {
  const KindTable& t = v.table(K::kAssessment);
  const RowRange rows = v.of(K::kAssessment);
  for (uint32_t i = rows.begin; i < rows.end; ++i) {
    const int32_t d = t.Day(AF().auth, i);
    if (d != kNoDay && d >= ctx.first_day && d <= ctx.last_day) fn(t, i, d);
  }
}

// Working days from start to authorisation of each assessment completed in the periods
// (the mean and the median read the same cases).
void Durations(const Context& ctx, const ChildView& v, Emitter& out) {
  Completed(ctx, v, [&](const KindTable& t, uint32_t i, int32_t d) {
    const int32_t wd = WorkingDaysBetween(ctx, t.Day(AF().start, i), d);
    if (wd >= 0) out.Flow(d, t.id(i), true, static_cast<float>(wd));
  });
}

}  // namespace

void RegisterAssessmentIndicators(IndicatorRegistry& r) {
  r.Add(TimelinessIndicator(
      IndicatorInfo{
          .id = "assessments_within_45wd",
          .title = "Assessments completed in the period within 45 working days",
          .area = "assessment",
          .unit = Unit::kPercent,
          .period_rule = PeriodRule::kInPeriod,
          .numerator = "those authorised on or before the ASSESSMENT_45WD due date (45 working "
                       "days from the referral by default)",
          .denominator = "assessments whose authorised_date falls in the period",
          .source = "Working Together to Safeguard Children 2023 (45 working days from the "
                    "point of referral); DfE CIN statistics count from the assessment's start "
                    "(setting assessment_from_referral=false); rule ASSESSMENT_45WD",
          .differs = "The DfE and most councils count from the assessment's start date, which "
                     "gives a higher figure; Journey's default follows Working Together.",
          .record_kind = K::kAssessment},
      Rule::kAssessment, Timeliness::kMetInPeriod));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "assessment_mean_working_days",
                    .title = "Average working days from an assessment's start to its authorisation",
                    .area = "assessment",
                    .unit = Unit::kMeanDays,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator =
                        "the sum of working days (England and Wales calendar) from start_date to "
                        "authorised_date",
                    .denominator = "assessments whose authorised_date falls in the period",
                    .source = "DfE, Characteristics of children in need: methodology (duration of "
                              "assessments, in working days from start to authorisation)",
                    .differs = "Some councils report calendar days or the median; "
                               "assessment_median_working_days gives the median.",
                    .record_kind = K::kAssessment,
                    .higher_is_better = false},
      {K::kAssessment}, Durations));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "assessment_median_working_days",
                    .title = "Median working days from an assessment's start to its authorisation",
                    .area = "assessment",
                    .unit = Unit::kMedianDays,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator = "the median of working days from start_date to authorised_date",
                    .denominator = "assessments whose authorised_date falls in the period",
                    .source = "DfE, Characteristics of children in need: methodology (the DfE "
                              "publishes the median duration)",
                    .differs = "",
                    .record_kind = K::kAssessment,
                    .higher_is_better = false},
      {K::kAssessment}, Durations));

  r.Add(SimpleIndicator(
      IndicatorInfo{
          .id = "assessments_nfa",
          .title = "Assessments completed in the period that ended in no further action",
          .area = "assessment",
          .unit = Unit::kPercent,
          .period_rule = PeriodRule::kInPeriod,
          .numerator = "those whose outcome is NFA",
          .denominator = "assessments whose authorised_date falls in the period",
          .source = "DfE, Characteristics of children in need: methodology (assessments with "
                    "no further action); Annex A List 4",
          .differs = "The CIN census reads 'no further action' from the assessment factors "
                     "(21 'no factors identified') in some years; Journey reads the outcome.",
          .record_kind = K::kAssessment,
          .category_kind = K::kAssessment,
          .category_field = "outcome",
          .higher_is_better = false},
      {K::kAssessment}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        static const uint16_t nfa = v.table(K::kAssessment).CodeValue(AF().outcome, "NFA");
        Completed(ctx, v, [&](const KindTable& t, uint32_t i, int32_t d) {
          const uint16_t o = t.Code(AF().outcome, i);
          out.Flow(d, t.id(i), o == nfa, 0, o);
        });
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{
          .id = "pre_birth_assessments_on_time",
          .title = "Pre-birth assessments completed in the period before the birth",
          .area = "assessment",
          .unit = Unit::kPercent,
          .period_rule = PeriodRule::kInPeriod,
          .numerator = "those authorised before the child's birth date (or, for a child still "
                       "unborn, on or before the expected birth date)",
          .denominator = "assessments marked pre_birth whose authorised_date falls in the period",
          .source = "local: pre-birth protocols (e.g. Tees, Leicestershire) ask for the "
                    "assessment to be complete before the birth; no DfE statistic",
          .differs = "Many protocols set an earlier point (e.g. by 32 weeks of pregnancy); the "
                     "record holds no date of conception, so Journey measures against the birth.",
          .record_kind = K::kAssessment},
      {K::kAssessment}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        static const int f_birth = Of(K::kPerson, "birth_date"),
                         f_expected = Of(K::kPerson, "expected_birth_date");
        const RowRange person = v.of(K::kPerson);
        if (person.empty()) return;
        const KindTable& p = v.table(K::kPerson);
        const int32_t birth = p.Day(f_birth, person.begin);
        const int32_t expected = p.Day(f_expected, person.begin);
        Completed(ctx, v, [&](const KindTable& t, uint32_t i, int32_t d) {
          if (!t.IsTrue(AF().pre_birth, i)) return;
          const bool on_time = birth != kNoDay ? d < birth : expected != kNoDay && d <= expected;
          out.Flow(d, t.id(i), on_time);
        });
      }));
}

}  // namespace journey::engine
