// Court and permanence: care proceedings within 26 weeks, special guardianship, adoptions
// and the adoption scorecard (A1, A2, A10), adopters approved, children waiting with a
// placement order, disruptions, fostering for adoption. Definitions in docs/INDICATORS.md
// (area `permanence`); golden tests in testdata/indicators/permanence.txt.
#include "engine/indicators_cla_common.h"
#include "model/kinds.h"

namespace journey::engine {
namespace {

using K = Kind;
using cla::C;
using cla::F;
using cla::kNone;

struct AdoptionFields {
  int period = model::FieldOf(K::kAdoption, "cla_period_id"),
      order = model::FieldOf(K::kAdoption, "placement_order_date"),
      match = model::FieldOf(K::kAdoption, "match_date"),
      placed = model::FieldOf(K::kAdoption, "placed_date"),
      adopted = model::FieldOf(K::kAdoption, "order_date"),
      reversed = model::FieldOf(K::kAdoption, "reversed_date"),
      foster_carer = model::FieldOf(K::kAdoption, "foster_carer"),
      ffa = model::FieldOf(K::kAdoption, "fostering_to_adopt"),
      disrupted = model::FieldOf(K::kAdoption, "disruption_date");
  int pr_issue = model::FieldOf(K::kCareProceedings, "issue_date"),
      pr_final = model::FieldOf(K::kCareProceedings, "final_order_date");
  int ah_approved = model::FieldOf(K::kAdopterHousehold, "approval_date");
};
const AdoptionFields& A() {
  static const AdoptionFields f;
  return f;
}

// The start of the adoption's period of care (when the child entered care), or kNoDay.
int32_t EnteredCare(const ChildView& v, uint32_t adoption) {
  const int32_t period = v.table(K::kAdoption).Ref(A().period, adoption);
  const KindTable& per = v.table(K::kClaPeriod);
  for (uint32_t i = v.of(K::kClaPeriod).begin; period && i < v.of(K::kClaPeriod).end; ++i)
    if (per.id(i) == period) return per.Day(F().per_start, i);
  return kNoDay;
}

// A10's moving-in date: for a child adopted by their foster carer, the start of the
// placement just before the adoptive one (open on the day placed for adoption), when it
// ended that day: the foster placement with the carers who adopted. Otherwise the day
// placed. (The carer itself, free text, is not projected.)
int32_t MovedIn(const ChildView& v, uint32_t adoption) {
  const KindTable& ad = v.table(K::kAdoption);
  const int32_t placed = ad.Day(A().placed, adoption);
  if (placed == kNoDay || !ad.IsTrue(A().foster_carer, adoption)) return placed;
  const int64_t at = cla::PlacementOn(v, placed);
  if (at == kNone) return placed;
  const KindTable& pl = v.table(K::kPlacement);
  const int32_t start = pl.Day(F().pl_start, static_cast<uint32_t>(at));
  for (uint32_t i = v.of(K::kPlacement).begin; i < v.of(K::kPlacement).end; ++i)
    if (pl.Day(F().pl_end, i) == start && pl.Day(F().pl_start, i) < start)
      return pl.Day(F().pl_start, i);
  return start;
}

// Adoptions whose adoption order falls in the period: fn(row, order day).
template <typename Fn>
void Adopted(const ChildView& v, Fn&& fn) {
  const KindTable& ad = v.table(K::kAdoption);
  for (uint32_t i = v.of(K::kAdoption).begin; i < v.of(K::kAdoption).end; ++i) {
    const int32_t d = ad.Day(A().adopted, i);
    if (d != kNoDay) fn(i, d);
  }
}

IndicatorInfo Perm(std::string_view id, std::string_view title, Unit unit, PeriodRule rule,
                   std::string_view numerator, std::string_view denominator,
                   std::string_view source, std::string_view differs, Kind record,
                   bool higher_is_better = true) {
  return IndicatorInfo{.id = id,
                       .title = title,
                       .area = "permanence",
                       .unit = unit,
                       .period_rule = rule,
                       .numerator = numerator,
                       .denominator = denominator,
                       .source = source,
                       .differs = differs,
                       .record_kind = record,
                       .higher_is_better = higher_is_better};
}

constexpr std::string_view kScorecard =
    "DfE, Adoption and special guardianship leadership board scorecard (formerly the "
    "adoption scorecard)";

// Adopter households approved in the period: records about no child, read in Finish.
class AdoptersApproved : public IndicatorImpl {
 public:
  std::vector<Kind> Kinds() const override { return {}; }
  void Child(const Context&, const ChildView&, Emitter&) override {}
  void Finish(const Context& ctx, Emitter& out) override {
    const KindTable& t = ctx.projection->table(K::kAdopterHousehold);
    const RowRange rows = t.RowsOf(0);
    for (uint32_t i = rows.begin; i < rows.end; ++i) {
      const int32_t d = t.Day(A().ah_approved, i);
      if (d == kNoDay || d > ctx.as_at.days()) continue;
      ctx.PeriodsOf(d, [&](size_t p) { out.Worker(p, 0, t.id(i), d, true); });
    }
  }
};

}  // namespace

void RegisterPermanenceIndicators(IndicatorRegistry& r) {
  r.Add(TimelinessIndicator(
      Perm("proceedings_within_26w", "Care proceedings concluded in the period within 26 weeks",
           Unit::kPercent, PeriodRule::kInPeriod,
           "those with the final order on or before the PROCEEDINGS_26W due date (182 days from "
           "issue)",
           "care proceedings whose final_order_date falls in the period",
           "Children Act 1989 s32(1)(a)(ii) (as amended by the Children and Families Act 2014); "
           "rule PROCEEDINGS_26W",
           "Cafcass and the courts count by case (siblings together); Journey counts each "
           "child's proceedings.",
           K::kCareProceedings),
      Rule::kCareProceedings, Timeliness::kMetInPeriod));

  r.Add(SimpleIndicator(
      Perm("proceedings_mean_weeks",
           "Average duration in weeks of care proceedings concluded "
           "in the period",
           Unit::kMean, PeriodRule::kInPeriod,
           "calendar days from issue_date to "
           "final_order_date, divided by 7",
           "care proceedings whose final_order_date falls in the period",
           "Children Act 1989 s32 (26 weeks); Cafcass and MoJ family court statistics "
           "(average duration of care cases, in weeks)",
           "", K::kCareProceedings, false),
      {K::kCareProceedings}, [](const Context&, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kCareProceedings);
        for (uint32_t i = v.of(K::kCareProceedings).begin; i < v.of(K::kCareProceedings).end; ++i) {
          const int32_t issue = t.Day(A().pr_issue, i), done = t.Day(A().pr_final, i);
          if (issue != kNoDay && done != kNoDay)
            out.Flow(done, t.id(i), true, static_cast<float>(done - issue) / 7.0f);
        }
      }));

  // Ceased care on a special guardianship order or adopted (903 REC on the last episode).
  auto ceased_with = [](bool adopted) {
    return [adopted](const Context& ctx, const ChildView& v, Emitter& out) {
      const KindTable& ep = v.table(K::kClaEpisode);
      const cla::Codes& c = C(*ctx.projection);
      for (uint32_t i = v.of(K::kClaEpisode).begin; i < v.of(K::kClaEpisode).end; ++i) {
        const uint16_t rec = ep.Code(F().ep_rec, i);
        const bool hit =
            adopted ? rec == c.rec_e11 || rec == c.rec_e12
                    : rec == c.rec_e45 || rec == c.rec_e46 || rec == c.rec_e47 || rec == c.rec_e48;
        if (rec != 0 && hit) out.Flow(ep.Day(F().ep_end, i), ep.id(i), true, 0, rec);
      }
    };
  };
  IndicatorInfo sgo =
      Perm("cla_ceased_sgo",
           "Children who ceased to be looked after in the period on a special "
           "guardianship order",
           Unit::kCount, PeriodRule::kInPeriod,
           "903 episodes ending in the period with reason E45-E48 (special guardianship order)",
           "(a count)",
           "DfE, Children looked after in England including adoptions (ceased on a special "
           "guardianship order); SSDA903 REC",
           "Special guardianship orders made for children who were not looked after are not "
           "counted.",
           K::kClaEpisode);
  sgo.category_kind = K::kClaEpisode;
  sgo.category_field = "rec";
  r.Add(SimpleIndicator(sgo, {K::kClaEpisode}, ceased_with(false)));
  IndicatorInfo adopted =
      Perm("cla_adopted", "Children adopted in the period (ceased to be looked after adopted)",
           Unit::kCount, PeriodRule::kInPeriod,
           "903 episodes ending in the period with reason E11 or E12 (adopted)", "(a count)",
           "DfE, Children looked after in England including adoptions (looked-after children "
           "adopted); SSDA903 REC",
           "", K::kClaEpisode);
  adopted.category_kind = K::kClaEpisode;
  adopted.category_field = "rec";
  r.Add(SimpleIndicator(adopted, {K::kClaEpisode}, ceased_with(true)));

  r.Add(TimelinessIndicator(
      Perm("adoption_a1_within_426d",
           "Children placed for adoption in the period within 426 "
           "days of entering care",
           Unit::kPercent, PeriodRule::kInPeriod,
           "those placed on or before the ADOPTION_A1 due date (426 days, the scorecard's A1 "
           "threshold)",
           "adoptions whose placed_date falls in the period",
           "DfE adoption scorecard, A1 threshold (426 days); rule ADOPTION_A1",
           "The scorecard averages over three years of children adopted; this counts each "
           "placement in the period.",
           K::kAdoption),
      Rule::kAdoptionA1, Timeliness::kMetInPeriod));
  r.Add(TimelinessIndicator(
      Perm("adoption_a2_within_121d",
           "Matches in the period within 121 days of the placement "
           "order",
           Unit::kPercent, PeriodRule::kInPeriod,
           "those matched on or before the ADOPTION_A2 due date (121 days, the scorecard's A2 "
           "threshold)",
           "adoptions whose match_date falls in the period, with a placement order",
           "DfE adoption scorecard, A2 threshold (121 days); rule ADOPTION_A2",
           "The scorecard averages over three years of children adopted.", K::kAdoption),
      Rule::kAdoptionA2, Timeliness::kMetInPeriod));

  r.Add(SimpleIndicator(
      Perm("adoption_a1_mean_days",
           "A1: average days from entering care to moving in with the "
           "adoptive family, for children adopted in the period",
           Unit::kMeanDays, PeriodRule::kInPeriod,
           "calendar days from the start of the adoption's period of care to placed_date",
           "adoptions whose adoption order (order_date) falls in the period, placed and with a "
           "period of care",
           kScorecard, "The scorecard reports a three-year average.", K::kAdoption, false),
      {K::kAdoption, K::kClaPeriod}, [](const Context&, const ChildView& v, Emitter& out) {
        const KindTable& ad = v.table(K::kAdoption);
        Adopted(v, [&](uint32_t i, int32_t d) {
          const int32_t in = EnteredCare(v, i), placed = ad.Day(A().placed, i);
          if (in != kNoDay && placed != kNoDay)
            out.Flow(d, ad.id(i), true, static_cast<float>(placed - in));
        });
      }));
  r.Add(SimpleIndicator(
      Perm("adoption_a10_mean_days",
           "A10: average days from entering care to moving in with "
           "the adoptive family, adjusted for foster carer adoptions",
           Unit::kMeanDays, PeriodRule::kInPeriod,
           "calendar days from the start of the period of care to placed_date, or, when adopted "
           "by the foster carer, to the start of the placement that ended the day the adoptive "
           "placement began",
           "adoptions whose order_date falls in the period, placed and with a period of care",
           kScorecard,
           "The carer is not projected (free text), so the foster carers who adopted are read "
           "as the placement just before the adoptive one; the scorecard reports a three-year "
           "average.",
           K::kAdoption, false),
      {K::kAdoption, K::kClaPeriod, K::kPlacement},
      [](const Context&, const ChildView& v, Emitter& out) {
        const KindTable& ad = v.table(K::kAdoption);
        Adopted(v, [&](uint32_t i, int32_t d) {
          const int32_t in = EnteredCare(v, i), moved = MovedIn(v, i);
          if (in != kNoDay && moved != kNoDay)
            out.Flow(d, ad.id(i), true, static_cast<float>(moved - in));
        });
      }));
  r.Add(SimpleIndicator(
      Perm("adoption_a2_mean_days",
           "A2: average days from the placement order to the match, "
           "for children adopted in the period",
           Unit::kMeanDays, PeriodRule::kInPeriod,
           "calendar days from placement_order_date to match_date",
           "adoptions whose order_date falls in the period, with both dates", kScorecard,
           "The scorecard reports a three-year average.", K::kAdoption, false),
      {K::kAdoption}, [](const Context&, const ChildView& v, Emitter& out) {
        const KindTable& ad = v.table(K::kAdoption);
        Adopted(v, [&](uint32_t i, int32_t d) {
          const int32_t order = ad.Day(A().order, i), match = ad.Day(A().match, i);
          if (order != kNoDay && match != kNoDay)
            out.Flow(d, ad.id(i), true, static_cast<float>(match - order));
        });
      }));

  r.Add(IndicatorDef{
      Perm("adopters_approved", "Adopter households approved in the period", Unit::kCount,
           PeriodRule::kInPeriod, "adopter households whose approval_date falls in the period",
           "(a count)", "Annex A List 11 (Ofsted, 2023); DfE/ASGLB adoption data",
           "Councils in a regional adoption agency count the agency's approvals.",
           K::kAdopterHousehold),
      [] { return std::make_unique<AdoptersApproved>(); }});

  r.Add(SimpleIndicator(
      Perm("children_waiting_placement_order",
           "Children with a placement order at the end of "
           "the period not yet placed for adoption",
           Unit::kCount, PeriodRule::kAtEnd,
           "adoptions with placement_order_date on or before the period's last day, not placed "
           "and not reversed by then",
           "(a count)", "Annex A List 10 (Ofsted, 2023); ASGLB scorecard (children waiting)", "",
           K::kAdoption, false),
      {K::kAdoption}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        const KindTable& ad = v.table(K::kAdoption);
        for (size_t p = 0; p < ctx.periods.size(); ++p) {
          const int32_t d = ctx.periods[p].end.days();
          for (uint32_t i = v.of(K::kAdoption).begin; i < v.of(K::kAdoption).end; ++i) {
            const int32_t o = ad.Day(A().order, i), pl = ad.Day(A().placed, i),
                          rv = ad.Day(A().reversed, i);
            if (o != kNoDay && o <= d && (pl == kNoDay || pl > d) && (rv == kNoDay || rv > d))
              out.Stock(p, ad.id(i), true);
          }
        }
      }));

  auto flow_on = [](int field, int flag) {
    return [field, flag](const Context&, const ChildView& v, Emitter& out) {
      const KindTable& ad = v.table(K::kAdoption);
      for (uint32_t i = v.of(K::kAdoption).begin; i < v.of(K::kAdoption).end; ++i)
        if (flag < 0 || ad.IsTrue(flag, i)) out.Flow(ad.Day(field, i), ad.id(i), true);
    };
  };
  r.Add(SimpleIndicator(
      Perm("adoption_disruptions", "Adoptive placements that disrupted in the period", Unit::kCount,
           PeriodRule::kInPeriod, "adoptions whose disruption_date falls in the period",
           "(a count)", "Annex A List 10 (Ofsted, 2023: adoption disruptions); no DfE statistic",
           "", K::kAdoption, false),
      {K::kAdoption}, flow_on(A().disrupted, -1)));
  r.Add(SimpleIndicator(
      Perm("fostering_to_adopt_placements",
           "Fostering for adoption placements made in the "
           "period",
           Unit::kCount, PeriodRule::kInPeriod,
           "adoptions with fostering_to_adopt true whose placed_date falls in the period",
           "(a count)",
           "Children and Families Act 2014 s2 (Children Act 1989 s22C(9A)); ASGLB data", "",
           K::kAdoption),
      {K::kAdoption}, flow_on(A().placed, A().ffa)));
}

}  // namespace journey::engine
