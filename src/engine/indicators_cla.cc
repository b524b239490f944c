// Children looked after: how many, starting and ceasing, legal status, placements (type,
// distance, stability), unaccompanied children; and the breakdowns by legal status,
// placement type and placement inside or outside the council. Reviews, visits, health,
// education, missing and IROs are in indicators_cla_care.cc. Definitions in
// docs/INDICATORS.md (area `looked_after`); golden tests in testdata/indicators/cla*.txt.
#include <fmt/format.h>

#include "engine/indicators_cla_common.h"
#include "model/kinds.h"

namespace journey::engine {
namespace {

using K = Kind;
using cla::C;
using cla::F;
using cla::kNone;

// Calls fn(period index, its last day) for each period: stocks are counted on that day.
template <typename Fn>
void AtEnds(const Context& ctx, Fn&& fn) {
  for (size_t p = 0; p < ctx.periods.size(); ++p) fn(p, ctx.periods[p].end.days());
}

std::vector<Kind> With(std::vector<Kind> more) {
  std::vector<Kind> k = cla::CareKinds();
  k.insert(k.end(), more.begin(), more.end());
  return k;
}

constexpr std::string_view kAtEnd =
    "children looked after on the period's last day (a period of care open, not on short "
    "breaks V3/V4)";

// A stock of children looked after on each period's last day: `num` says whether the child
// is in the numerator and the category to give the case (its record is the period of care).
template <typename Num>
auto LookedAfterStock(Num num) {
  return [num](const Context& ctx, const ChildView& v, Emitter& out) {
    AtEnds(ctx, [&](size_t p, int32_t d) {
      if (!cla::LookedAfterOn(*ctx.projection, v, d)) return;
      const int64_t per = cla::PeriodOn(v, d);
      uint16_t category = 0;
      const bool in = num(ctx, v, d, &category);
      out.Stock(p, v.table(K::kClaPeriod).id(static_cast<uint32_t>(per)), in, 0, category);
    });
  };
}

// The code of `field` on the row of `kind` open on `d` (0 when none).
uint16_t EpisodeCode(const ChildView& v, int32_t d, int field) {
  const int64_t e = cla::EpisodeOn(v, d);
  return e == kNone ? 0 : v.table(K::kClaEpisode).Code(field, static_cast<uint32_t>(e));
}

void RegisterDimensions(IndicatorRegistry& r) {
  // Each looked-after breakdown reads the child's care on the case's date.
  r.AddDimension(DimensionDef{
      "legal_status", "Legal status on the case's date (903 LS of the episode open then)",
      cla::CareKinds(),
      [](const DimensionInput& in) -> int32_t {
        return in.child ? EpisodeCode(*in.child, in.c.day, F().ep_ls) : 0;
      },
      [](const Context& ctx, const IndicatorInfo&, int32_t key) {
        return key ? std::string(ctx.projection->table(K::kClaEpisode)
                                     .CodeText(F().ep_ls, static_cast<uint16_t>(key)))
                   : std::string("not looked after");
      },
      nullptr});
  r.AddDimension(DimensionDef{
      "placement_type", "Placement type on the case's date (903 PLACE of the placement open then)",
      cla::CareKinds(),
      [](const DimensionInput& in) -> int32_t {
        if (!in.child) return 0;
        const int64_t pl = cla::PlacementOn(*in.child, in.c.day);
        return pl == kNone
                   ? 0
                   : in.child->table(K::kPlacement).Code(F().pl_type, static_cast<uint32_t>(pl));
      },
      [](const Context& ctx, const IndicatorInfo&, int32_t key) {
        return key ? std::string(ctx.projection->table(K::kPlacement)
                                     .CodeText(F().pl_type, static_cast<uint16_t>(key)))
                   : std::string("not placed");
      },
      nullptr});
  r.AddDimension(DimensionDef{
      "placement_location", "Placement inside or outside the council's area on the case's date",
      cla::CareKinds(),
      [](const DimensionInput& in) -> int32_t {
        if (!in.child) return 0;
        const int64_t pl = cla::PlacementOn(*in.child, in.c.day);
        if (pl == kNone) return 0;
        const int8_t inside =
            in.child->table(K::kPlacement).Bool(F().pl_inside, static_cast<uint32_t>(pl));
        return inside == 1 ? 1 : inside == 0 ? 2 : 3;
      },
      [](const Context&, const IndicatorInfo&, int32_t key) -> std::string {
        static const char* const kLabels[] = {"not placed", "inside the council",
                                              "outside the council", "not recorded"};
        return key >= 0 && key <= 3 ? kLabels[key] : "not placed";
      },
      nullptr});
}

}  // namespace

void RegisterLookedAfterIndicators(IndicatorRegistry& r) {
  RegisterDimensions(r);

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_per_10k",
                    .title = "Children looked after at the end of the period, per 10,000 children",
                    .area = "looked_after",
                    .unit = Unit::kRatePer10k,
                    .period_rule = PeriodRule::kAtEnd,
                    .numerator = kAtEnd,
                    .denominator = "children aged 0-17 in the population",
                    .source = "DfE, Children looked after in England including adoptions "
                              "(children looked after at 31 March, rate per 10,000 children "
                              "aged under 18); SSDA903",
                    .differs = "",
                    .record_kind = K::kClaPeriod,
                    .higher_is_better = false},
      With({}),
      LookedAfterStock([](const Context&, const ChildView&, int32_t, uint16_t*) { return true; })));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_started",
                    .title = "Periods of care that started in the period",
                    .area = "looked_after",
                    .unit = Unit::kCount,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator = "periods of care whose start_date falls in the period",
                    .denominator = "(a count)",
                    .source = "DfE, Children looked after in England including adoptions: "
                              "methodology (started to be looked after); SSDA903",
                    .differs = "The DfE counts children who started in the year; a child who "
                               "started twice in a year counts twice here.",
                    .record_kind = K::kClaPeriod},
      With({}), [](const Context&, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kClaPeriod);
        for (uint32_t i = v.of(K::kClaPeriod).begin; i < v.of(K::kClaPeriod).end; ++i)
          out.Flow(t.Day(F().per_start, i), t.id(i), true);
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_ceased",
                    .title = "Periods of care that ended in the period",
                    .area = "looked_after",
                    .unit = Unit::kCount,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator = "periods of care whose end_date falls in the period, by the "
                                 "reason the last episode ceased (903 REC)",
                    .denominator = "(a count)",
                    .source = "DfE, Children looked after in England including adoptions: "
                              "methodology (ceased to be looked after, by reason); SSDA903 REC",
                    .differs = "",
                    .record_kind = K::kClaPeriod,
                    .category_kind = K::kClaEpisode,
                    .category_field = "rec"},
      With({}), [](const Context&, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kClaPeriod);
        const KindTable& ep = v.table(K::kClaEpisode);
        for (uint32_t i = v.of(K::kClaPeriod).begin; i < v.of(K::kClaPeriod).end; ++i) {
          const int32_t end = t.Day(F().per_end, i);
          if (end == kNoDay) continue;
          uint16_t rec = 0;  // the reason on the period's last episode
          for (uint32_t j = v.of(K::kClaEpisode).begin; j < v.of(K::kClaEpisode).end; ++j)
            if (ep.Ref(F().ep_period, j) == t.id(i) && ep.Code(F().ep_rec, j) != 0)
              rec = ep.Code(F().ep_rec, j);
          out.Flow(end, t.id(i), true, 0, rec);
        }
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_section20",
                    .title = "Children looked after at the end of the period accommodated "
                             "under section 20",
                    .area = "looked_after",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kAtEnd,
                    .numerator = "those whose episode open that day has legal status V2 (single "
                                 "period of accommodation under section 20)",
                    .denominator = kAtEnd,
                    .source = "DfE, Children looked after in England including adoptions "
                              "(legal status at 31 March); SSDA903 LS",
                    .differs = "",
                    .record_kind = K::kClaPeriod,
                    .category_kind = K::kClaEpisode,
                    .category_field = "legal_status",
                    .higher_is_better = false},
      With({}),
      LookedAfterStock([](const Context& ctx, const ChildView& v, int32_t d, uint16_t* cat) {
        *cat = EpisodeCode(v, d, F().ep_ls);
        return *cat != 0 && *cat == C(*ctx.projection).v2;
      })));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_in_foster_care",
                    .title = "Children looked after at the end of the period in foster care",
                    .area = "looked_after",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kAtEnd,
                    .numerator = "those whose placement open that day is foster care (903 PLACE "
                                 "U1-U6); the category gives every placement type",
                    .denominator = kAtEnd,
                    .source = "DfE, Children looked after in England including adoptions "
                              "(placement at 31 March); SSDA903 PLACE",
                    .differs = "",
                    .record_kind = K::kClaPeriod,
                    .category_kind = K::kPlacement,
                    .category_field = "placement_type"},
      With({}),
      LookedAfterStock([](const Context& ctx, const ChildView& v, int32_t d, uint16_t* cat) {
        const int64_t pl = cla::PlacementOn(v, d);
        if (pl == kNone) return false;
        *cat = v.table(K::kPlacement).Code(F().pl_type, static_cast<uint32_t>(pl));
        return C(*ctx.projection).Foster(*cat);
      })));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_placed_outside_council",
                    .title = "Children looked after at the end of the period placed outside "
                             "the council's area",
                    .area = "looked_after",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kAtEnd,
                    .numerator = "those whose placement open that day has inside_la false",
                    .denominator = kAtEnd,
                    .source = "DfE, Children looked after in England including adoptions "
                              "(placed inside or outside the council boundary); SSDA903 PL_LA",
                    .differs = "A placement whose location is not recorded is not counted as "
                               "outside.",
                    .record_kind = K::kClaPeriod,
                    .higher_is_better = false},
      With({}), LookedAfterStock([](const Context&, const ChildView& v, int32_t d, uint16_t*) {
        const int64_t pl = cla::PlacementOn(v, d);
        return pl != kNone &&
               v.table(K::kPlacement).Bool(F().pl_inside, static_cast<uint32_t>(pl)) == 0;
      })));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_placed_outside_over_20_miles",
                    .title = "Children looked after at the end of the period placed outside "
                             "the council and more than 20 miles from home",
                    .area = "looked_after",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kAtEnd,
                    .numerator = "those whose placement open that day has inside_la false and "
                                 "distance_miles over 20 (999.9, unknown, is not over 20)",
                    .denominator = kAtEnd,
                    .source = "DfE, Children looked after in England including adoptions "
                              "(placed outside the council boundary and more than 20 miles from "
                              "home); SSDA903 PL_DISTANCE",
                    .differs = "",
                    .record_kind = K::kClaPeriod,
                    .higher_is_better = false},
      With({}), LookedAfterStock([](const Context&, const ChildView& v, int32_t d, uint16_t*) {
        const int64_t pl = cla::PlacementOn(v, d);
        if (pl == kNone) return false;
        const KindTable& t = v.table(K::kPlacement);
        const float miles = t.Dec(F().pl_miles, static_cast<uint32_t>(pl));
        return t.Bool(F().pl_inside, static_cast<uint32_t>(pl)) == 0 && miles > 20.0f &&
               miles < 999.85f;
      })));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_placements_3_or_more",
                    .title = "Children looked after at the end of the period who had 3 or more "
                             "placements in the period (short-term stability)",
                    .area = "looked_after",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kAtEnd,
                    .numerator = "those with 3 or more placements in progress at some time in "
                                 "the period (starting on or before its last day and not ending "
                                 "before its first)",
                    .denominator = kAtEnd,
                    .source = "DfE, Children looked after in England including adoptions "
                              "(placement stability: three or more placements during the "
                              "year); former NI 62",
                    .differs = "The DfE leaves out some temporary placements (T codes) and "
                               "counts only placements in the year; Journey counts every "
                               "placement record in progress in the period.",
                    .record_kind = K::kClaPeriod,
                    .higher_is_better = false},
      With({}), [](const Context& ctx, const ChildView& v, Emitter& out) {
        const KindTable& pl = v.table(K::kPlacement);
        for (size_t p = 0; p < ctx.periods.size(); ++p) {
          const int32_t a = ctx.periods[p].start.days(), b = ctx.periods[p].end.days();
          if (!cla::LookedAfterOn(*ctx.projection, v, b)) continue;
          int n = 0;
          for (uint32_t i = v.of(K::kPlacement).begin; i < v.of(K::kPlacement).end; ++i) {
            const int32_t s = pl.Day(F().pl_start, i), e = pl.Day(F().pl_end, i);
            n += s != kNoDay && s <= b && (e == kNoDay || e >= a);
          }
          const int64_t per = cla::PeriodOn(v, b);
          out.Stock(p, v.table(K::kClaPeriod).id(static_cast<uint32_t>(per)), n >= 3);
        }
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_long_term_stability",
                    .title = "Children under 16 looked after for 2.5 years or more who have "
                             "been in the same placement for 2 years (long-term stability)",
                    .area = "looked_after",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kAtEnd,
                    .numerator = "those whose placement open that day started 2 years or more "
                                 "before it",
                    .denominator = "children looked after on the period's last day, aged under "
                                   "16 then, whose period of care started 2.5 years (30 months) "
                                   "or more before it",
                    .source = "DfE, Children looked after in England including adoptions "
                              "(long-term placement stability); former NI 63",
                    .differs = "The DfE also counts a child placed for adoption whose adoptive "
                               "placement and the placement before it together make 2 years; "
                               "Journey does not yet.",
                    .record_kind = K::kClaPeriod},
      With({K::kPerson}), [](const Context& ctx, const ChildView& v, Emitter& out) {
        AtEnds(ctx, [&](size_t p, int32_t d) {
          if (!cla::LookedAfterOn(*ctx.projection, v, d)) return;
          const int32_t age = cla::Age(v, d);
          if (age == kNoInt || age >= 16) return;
          const uint32_t per = static_cast<uint32_t>(cla::PeriodOn(v, d));
          const Date day = Date::FromDays(d);
          if (v.table(K::kClaPeriod).Day(F().per_start, per) > day.AddMonths(-30).days()) return;
          const int64_t pl = cla::PlacementOn(v, d);
          const bool same =
              pl != kNone && v.table(K::kPlacement).Day(F().pl_start, static_cast<uint32_t>(pl)) <=
                                 day.AddMonths(-24).days();
          out.Stock(p, v.table(K::kClaPeriod).id(per), same);
        });
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "cla_uasc",
                    .title = "Children looked after at the end of the period who are "
                             "unaccompanied asylum-seeking children",
                    .area = "looked_after",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kAtEnd,
                    .numerator = "those with an immigration status UASC open that day",
                    .denominator = kAtEnd,
                    .source = "DfE, Children looked after in England including adoptions "
                              "(unaccompanied asylum-seeking children); SSDA903 UASC",
                    .differs = "",
                    .record_kind = K::kClaPeriod},
      With({K::kImmigrationStatus}),
      LookedAfterStock([](const Context& ctx, const ChildView& v, int32_t d, uint16_t*) {
        const KindTable& t = v.table(K::kImmigrationStatus);
        for (uint32_t i = v.of(K::kImmigrationStatus).begin; i < v.of(K::kImmigrationStatus).end;
             ++i) {
          const int32_t s = t.Day(F().im_start, i), e = t.Day(F().im_end, i);
          if (t.Code(F().im_status, i) == C(*ctx.projection).uasc && s != kNoDay && s <= d &&
              (e == kNoDay || e > d))
            return true;
        }
        return false;
      })));
}

}  // namespace journey::engine
