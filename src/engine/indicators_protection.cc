// Protection indicators: section 47 enquiries, initial conferences, protection plans and
// their reviews and visits. Definitions in docs/INDICATORS.md ("Protection").
#include "engine/indicator.h"
#include "model/kinds.h"

namespace journey::engine {
namespace {

using K = Kind;
int Of(K k, std::string_view f) { return model::FieldOf(k, f); }

struct PF {
  int s47_start = Of(K::kSection47Enquiry, "start_date"),
      s47_end = Of(K::kSection47Enquiry, "end_date"),
      s47_outcome = Of(K::kSection47Enquiry, "outcome");
  int cc_type = Of(K::kCpConference, "conference_type"), cc_s47 = Of(K::kCpConference, "s47_id"),
      cc_date = Of(K::kCpConference, "conference_date"),
      cc_parents = Of(K::kCpConference, "parents_attended"),
      cc_police = Of(K::kCpConference, "police_attended"),
      cc_health = Of(K::kCpConference, "health_attended"),
      cc_education = Of(K::kCpConference, "education_attended");
  int cp_start = Of(K::kCpPlan, "start_date"), cp_end = Of(K::kCpPlan, "end_date"),
      cp_category = Of(K::kCpPlan, "initial_category");
};
const PF& F() {
  static const PF f;
  return f;
}

// Calls fn(table, row, day) for each row of `kind` whose date `field` is in the periods.
template <typename Fn>
void Dated(const Context& ctx, const ChildView& v, K kind, int field, Fn&& fn) {
  const KindTable& t = v.table(kind);
  const RowRange rows = v.of(kind);
  for (uint32_t i = rows.begin; i < rows.end; ++i) {
    const int32_t d = t.Day(field, i);
    if (d != kNoDay && d >= ctx.first_day && d <= ctx.last_day) fn(t, i, d);
  }
}

// Calls fn(table, row, day) for each initial conference held in the periods.
template <typename Fn>
void InitialConferences(const Context& ctx, const ChildView& v, Fn&& fn) {
  static const uint16_t initial =
      ctx.projection->table(K::kCpConference).CodeValue(F().cc_type, "INITIAL");
  Dated(ctx, v, K::kCpConference, F().cc_date, [&](const KindTable& t, uint32_t i, int32_t d) {
    if (t.Code(F().cc_type, i) == initial) fn(t, i, d);
  });
}

IndicatorInfo Info(std::string_view id, std::string_view title, Unit unit, PeriodRule rule,
                   std::string_view numerator, std::string_view denominator,
                   std::string_view source, std::string_view differs, K record,
                   bool higher_is_better = true) {
  IndicatorInfo i{.id = id,
                  .title = title,
                  .area = "protection",
                  .unit = unit,
                  .period_rule = rule,
                  .numerator = numerator,
                  .denominator = denominator,
                  .source = source,
                  .differs = differs,
                  .record_kind = record};
  i.higher_is_better = higher_is_better;
  return i;
}

IndicatorInfo WithCategory(IndicatorInfo i, K kind, std::string_view field) {
  i.category_kind = kind;
  i.category_field = field;
  return i;
}

constexpr std::string_view kChildren = "children aged 0-17 in the population";
constexpr std::string_view kCinMethod = "DfE, Characteristics of children in need: methodology";

}  // namespace

void RegisterProtectionIndicators(IndicatorRegistry& r) {
  r.Add(SimpleIndicator(
      Info("s47_per_10k", "Section 47 enquiries started in the period, per 10,000 children",
           Unit::kRatePer10k, PeriodRule::kInPeriod,
           "section 47 enquiries whose start_date (CIN S47ActualStartDate) falls in the period",
           kChildren, kCinMethod, "", K::kSection47Enquiry, false),
      {K::kSection47Enquiry}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        Dated(ctx, v, K::kSection47Enquiry, F().s47_start,
              [&](const KindTable& t, uint32_t i, int32_t d) { out.Flow(d, t.id(i), true); });
      }));

  r.Add(SimpleIndicator(
      Info("s47_to_icpc",
           "Section 47 enquiries completed in the period that led to an initial "
           "conference",
           Unit::kPercent, PeriodRule::kInPeriod,
           "those whose outcome is ICPC or that an initial conference names (s47_id)",
           "section 47 enquiries whose end_date falls in the period",
           "DfE, Characteristics of children in need (section 47 enquiries and initial "
           "conferences); Annex A List 5",
           "The DfE publishes initial conferences and enquiries as two counts in the year; "
           "Journey follows each enquiry to its own outcome.",
           K::kSection47Enquiry),
      {K::kSection47Enquiry, K::kCpConference},
      [](const Context& ctx, const ChildView& v, Emitter& out) {
        static const uint16_t icpc =
            ctx.projection->table(K::kSection47Enquiry).CodeValue(F().s47_outcome, "ICPC");
        const KindTable& cc = v.table(K::kCpConference);
        const RowRange ccs = v.of(K::kCpConference);
        Dated(ctx, v, K::kSection47Enquiry, F().s47_end,
              [&](const KindTable& t, uint32_t i, int32_t d) {
                bool led = t.Code(F().s47_outcome, i) == icpc;
                for (uint32_t j = ccs.begin; !led && j < ccs.end; ++j)
                  led = cc.Ref(F().cc_s47, j) == t.id(i);
                out.Flow(d, t.id(i), led);
              });
      }));

  r.Add(SimpleIndicator(
      Info("s47_nfa", "Section 47 enquiries completed in the period with no further action",
           Unit::kPercent, PeriodRule::kInPeriod, "those whose outcome is NFA",
           "section 47 enquiries whose end_date falls in the period",
           "Annex A List 5 (Ofsted, 2023); no DfE statistic", "", K::kSection47Enquiry, false),
      {K::kSection47Enquiry}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        static const uint16_t nfa =
            ctx.projection->table(K::kSection47Enquiry).CodeValue(F().s47_outcome, "NFA");
        Dated(ctx, v, K::kSection47Enquiry, F().s47_end,
              [&](const KindTable& t, uint32_t i, int32_t d) {
                out.Flow(d, t.id(i), t.Code(F().s47_outcome, i) == nfa);
              });
      }));

  r.Add(SimpleIndicator(
      Info("icpc_per_10k",
           "Initial child protection conferences held in the period, per "
           "10,000 children",
           Unit::kRatePer10k, PeriodRule::kInPeriod,
           "conferences of type INITIAL whose conference_date (CIN DateOfInitialCPC) falls in "
           "the period",
           kChildren, kCinMethod, "", K::kCpConference, false),
      {K::kCpConference}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        InitialConferences(
            ctx, v, [&](const KindTable& t, uint32_t i, int32_t d) { out.Flow(d, t.id(i), true); });
      }));

  r.Add(TimelinessIndicator(
      Info("icpc_within_15wd",
           "Initial conferences held in the period within 15 working days "
           "of the strategy discussion",
           Unit::kPercent, PeriodRule::kInPeriod,
           "those held on or before the ICPC_15WD due date (15 working days from the strategy "
           "discussion that began the enquiry, else the enquiry's start)",
           "section 47 enquiries whose initial conference was held in the period (enquiries "
           "marked icpc_not_required are not counted)",
           "Working Together to Safeguard Children 2023; DfE, Characteristics of children in "
           "need: methodology (initial conferences within 15 working days of the strategy "
           "discussion); rule ICPC_15WD",
           "Some councils count from the enquiry's start rather than the strategy discussion "
           "when they differ.",
           K::kSection47Enquiry),
      Rule::kInitialConference, Timeliness::kMetInPeriod));

  r.Add(SimpleIndicator(
      WithCategory(
          Info("cp_plans_per_10k",
               "Children on a protection plan at the end of the period, "
               "per 10,000 children",
               Unit::kRatePer10k, PeriodRule::kAtEnd,
               "protection plans open on the period's last day (start_date on or before it, "
               "end_date empty or after it: a plan ending on the day is not counted, as the "
               "DfE counts at 31 March); category: the initial category of abuse",
               kChildren, kCinMethod,
               "A child with two overlapping plans (a transfer-in) counts twice; the DfE "
               "counts children.",
               K::kCpPlan, false),
          K::kCpPlan, "initial_category"),
      {K::kCpPlan}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kCpPlan);
        const RowRange rows = v.of(K::kCpPlan);
        for (size_t p = 0; p < ctx.periods.size(); ++p) {
          const int32_t end = ctx.periods[p].end.days();
          for (uint32_t i = rows.begin; i < rows.end; ++i) {
            const int32_t e = t.Day(F().cp_end, i);
            if (t.Day(F().cp_start, i) <= end && (e == kNoDay || e > end))
              out.Stock(p, t.id(i), true, 0, t.Code(F().cp_category, i));
          }
        }
      }));

  r.Add(SimpleIndicator(
      WithCategory(Info("cp_plans_started_per_10k",
                        "Protection plans started in the period, per 10,000 children",
                        Unit::kRatePer10k, PeriodRule::kInPeriod,
                        "protection plans whose start_date (CIN CPPstartDate) falls in the "
                        "period; category: the initial category of abuse",
                        kChildren, kCinMethod, "", K::kCpPlan, false),
                   K::kCpPlan, "initial_category"),
      {K::kCpPlan}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        Dated(ctx, v, K::kCpPlan, F().cp_start, [&](const KindTable& t, uint32_t i, int32_t d) {
          out.Flow(d, t.id(i), true, 0, t.Code(F().cp_category, i));
        });
      }));

  r.Add(SimpleIndicator(
      Info("cp_second_plans",
           "Protection plans started in the period that are a second or "
           "subsequent plan",
           Unit::kPercent, PeriodRule::kInPeriod,
           "those whose child had an earlier plan (any start_date before this plan's, ever, "
           "in this council's record)",
           "protection plans whose start_date falls in the period", kCinMethod,
           "Some councils count only a previous plan within two years; the DfE counts ever, as "
           "Journey does.",
           K::kCpPlan, false),
      {K::kCpPlan}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        const RowRange rows = v.of(K::kCpPlan);
        Dated(ctx, v, K::kCpPlan, F().cp_start, [&](const KindTable& t, uint32_t i, int32_t d) {
          bool again = false;
          for (uint32_t j = rows.begin; j < rows.end && !again; ++j) {
            const int32_t s = t.Day(F().cp_start, j);
            again = s != kNoDay && s < d;
          }
          out.Flow(d, t.id(i), again);
        });
      }));

  r.Add(SimpleIndicator(
      Info("cp_plans_2y", "Protection plans ended in the period that had lasted 2 years or more",
           Unit::kPercent, PeriodRule::kInPeriod,
           "those whose end_date is on or after the same day two years after the start_date",
           "protection plans whose end_date (CIN CPPendDate) falls in the period", kCinMethod, "",
           K::kCpPlan, false),
      {K::kCpPlan}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        Dated(ctx, v, K::kCpPlan, F().cp_end, [&](const KindTable& t, uint32_t i, int32_t d) {
          const int32_t s = t.Day(F().cp_start, i);
          out.Flow(d, t.id(i), s != kNoDay && d >= Date::FromDays(s).AddYears(2).days());
        });
      }));

  r.Add(TimelinessIndicator(
      Info("cp_reviews_on_time", "Protection plan reviews due in the period held on time",
           Unit::kPercent, PeriodRule::kInPeriod,
           "those held on or before the CP_REVIEW due date (3 months after the initial "
           "conference, then every 6 months)",
           "review conferences that fell due in the period and by the as-at date, held or not "
           "(a plan that ended before a review fell due has none)",
           "Working Together to Safeguard Children 2023; rule CP_REVIEW",
           "The DfE measures children on a plan for 3 months or more at 31 March whose "
           "reviews were all on time (a child-level figure); Journey counts each review that "
           "fell due, so a late review counts once.",
           K::kCpConference),
      Rule::kCpReview, Timeliness::kDueInPeriod));

  r.Add(TimelinessIndicator(
      Info("cp_visits_on_time",
           "Visits to children on a protection plan due in the period made "
           "on time",
           Unit::kPercent, PeriodRule::kInPeriod,
           "those made (child seen) on or before the CP_VISIT due date (local: every 10 "
           "working days by default)",
           "visits that fell due in the period and by the as-at date, made or not",
           "local policy (Working Together 2023 leaves the frequency to the plan); rule "
           "CP_VISIT",
           "Councils often count the children whose last visit is within the timescale on a "
           "day; Journey counts every visit that fell due.",
           K::kCpPlan),
      Rule::kCpVisit, Timeliness::kDueInPeriod));

  r.Add(SimpleIndicator(
      Info("icpc_parents_attended",
           "Initial conferences held in the period that a parent "
           "attended",
           Unit::kPercent, PeriodRule::kInPeriod, "those with parents_attended true",
           "initial conferences whose conference_date falls in the period",
           "Working Together to Safeguard Children 2023 (parents' participation); no DfE "
           "statistic",
           "", K::kCpConference),
      {K::kCpConference}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        InitialConferences(ctx, v, [&](const KindTable& t, uint32_t i, int32_t d) {
          out.Flow(d, t.id(i), t.IsTrue(F().cc_parents, i));
        });
      }));

  r.Add(SimpleIndicator(
      Info("icpc_agencies_attended",
           "Initial conferences held in the period attended by police, "
           "health and education",
           Unit::kPercent, PeriodRule::kInPeriod,
           "those with police_attended, health_attended and education_attended all true",
           "initial conferences whose conference_date falls in the period",
           "Working Together to Safeguard Children 2023 (the three safeguarding partners and "
           "schools); no DfE statistic",
           "Councils often report each agency's attendance separately.", K::kCpConference),
      {K::kCpConference}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        InitialConferences(ctx, v, [&](const KindTable& t, uint32_t i, int32_t d) {
          out.Flow(d, t.id(i),
                   t.IsTrue(F().cc_police, i) && t.IsTrue(F().cc_health, i) &&
                       t.IsTrue(F().cc_education, i));
        });
      }));
}

}  // namespace journey::engine
