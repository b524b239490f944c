// Children in need indicators: the rate, plans and visits. Definitions in
// docs/INDICATORS.md ("Children in need").
#include "engine/indicator.h"
#include "model/kinds.h"

namespace journey::engine {
namespace {

using K = Kind;
int Of(K k, std::string_view f) { return model::FieldOf(k, f); }

// The first row of `kind` open on `day` (start on or before it, end empty or after it, as
// the DfE counts episodes open at 31 March), or -1.
int64_t OpenRow(const ChildView& v, K kind, int f_start, int f_end, int32_t day, int f_skip = -1) {
  const KindTable& t = v.table(kind);
  const RowRange rows = v.of(kind);
  for (uint32_t i = rows.begin; i < rows.end; ++i) {
    if (f_skip >= 0 && t.IsTrue(f_skip, i)) continue;
    const int32_t s = t.Day(f_start, i), e = t.Day(f_end, i);
    if (s != kNoDay && s <= day && (e == kNoDay || e > day)) return i;
  }
  return -1;
}

}  // namespace

void RegisterChildInNeedIndicators(IndicatorRegistry& r) {
  r.Add(SimpleIndicator(
      IndicatorInfo{
          .id = "cin_per_10k",
          .title = "Children in need at the end of the period, per 10,000 children",
          .area = "cin",
          .unit = Unit::kRatePer10k,
          .period_rule = PeriodRule::kAtEnd,
          .numerator = "children with a referral open on the period's last day (referral_date "
                       "on or before it, closure_date empty or after it; referrals with no "
                       "further action (nfa) are not episodes of need); each child once, "
                       "including those on protection plans and looked after",
          .denominator = "children aged 0-17 in the population",
          .source = "DfE, Characteristics of children in need: methodology (children in need "
                    "at 31 March, an episode open on the day)",
          .differs = "Some councils count only children with an open child in need plan, or "
                     "leave out those looked after.",
          .record_kind = K::kReferral,
          .higher_is_better = false},
      {K::kReferral}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        static const int f_start = Of(K::kReferral, "referral_date"),
                         f_end = Of(K::kReferral, "closure_date"), f_nfa = Of(K::kReferral, "nfa");
        for (size_t p = 0; p < ctx.periods.size(); ++p) {
          const int64_t row =
              OpenRow(v, K::kReferral, f_start, f_end, ctx.periods[p].end.days(), f_nfa);
          if (row >= 0) out.Stock(p, v.table(K::kReferral).id(static_cast<uint32_t>(row)), true);
        }
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{
          .id = "cin_plans_per_10k",
          .title = "Children with a child in need plan at the end of the period, per 10,000 "
                   "children",
          .area = "cin",
          .unit = Unit::kRatePer10k,
          .period_rule = PeriodRule::kAtEnd,
          .numerator = "children with a child in need plan open on the period's last day "
                       "(start_date on or before it, end_date empty or after it), each once",
          .denominator = "children aged 0-17 in the population",
          .source = "DfE CIN census, CINPlanDates; Annex A List 6",
          .differs = "",
          .record_kind = K::kCinPlan,
          .higher_is_better = false},
      {K::kCinPlan}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        static const int f_start = Of(K::kCinPlan, "start_date"),
                         f_end = Of(K::kCinPlan, "end_date");
        for (size_t p = 0; p < ctx.periods.size(); ++p) {
          const int64_t row = OpenRow(v, K::kCinPlan, f_start, f_end, ctx.periods[p].end.days());
          if (row >= 0) out.Stock(p, v.table(K::kCinPlan).id(static_cast<uint32_t>(row)), true);
        }
      }));

  r.Add(TimelinessIndicator(
      IndicatorInfo{
          .id = "cin_visits_on_time",
          .title = "Visits to children on a child in need plan due in the period made on time",
          .area = "cin",
          .unit = Unit::kPercent,
          .period_rule = PeriodRule::kInPeriod,
          .numerator = "those made on or before the CIN_VISIT due date (local: every 20 "
                       "working days by default)",
          .denominator = "visits that fell due in the period and by the as-at date, made or not",
          .source = "local policy (no statutory frequency for children in need); rule "
                    "CIN_VISIT",
          .differs = "Councils often count the children whose last visit is within the "
                     "timescale on a day; Journey counts every visit that fell due.",
          .record_kind = K::kCinPlan},
      Rule::kCinVisit, Timeliness::kDueInPeriod));
}

}  // namespace journey::engine
