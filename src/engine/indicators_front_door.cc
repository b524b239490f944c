// Front door indicators: contacts, referrals, re-referrals, decisions within one working day,
// early help assessments. Definitions in docs/INDICATORS.md ("Front door").
#include "engine/indicator.h"
#include "model/kinds.h"

namespace journey::engine {
namespace {

using K = Kind;
int Of(K k, std::string_view f) { return model::FieldOf(k, f); }
int32_t DayOfMinutes(int32_t minutes) {
  return minutes == kNoInt ? kNoDay : model::DateTime{minutes}.date().days();
}

}  // namespace

void RegisterFrontDoorIndicators(IndicatorRegistry& r) {
  r.Add(SimpleIndicator(
      IndicatorInfo{
          .id = "contacts_per_10k",
          .title = "Contacts received in the period, per 10,000 children",
          .area = "front_door",
          .unit = Unit::kRatePer10k,
          .period_rule = PeriodRule::kInPeriod,
          .numerator = "contacts whose contact_at falls in the period (each contact once)",
          .denominator = "children aged 0-17 in the population",
          .source = "Annex A List 1 (Ofsted, 2023); no DfE statistic",
          .differs = "Some councils count contacts about the same child on the same day once; "
                     "Journey counts each recorded contact.",
          .record_kind = K::kContact,
          .category_kind = K::kContact,
          .category_field = "outcome",
          .higher_is_better = false},
      {K::kContact}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        static const int f_at = Of(K::kContact, "contact_at"), f_out = Of(K::kContact, "outcome");
        const KindTable& t = v.table(K::kContact);
        const RowRange rows = v.of(K::kContact);
        for (uint32_t i = rows.begin; i < rows.end; ++i)
          out.Flow(DayOfMinutes(t.Minutes(f_at, i)), t.id(i), true, 0, t.Code(f_out, i));
        (void)ctx;
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "contacts_to_referral",
                    .title = "Contacts in the period that led to a referral",
                    .area = "front_door",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator = "those whose outcome is REFERRAL, or that a referral names as its "
                                 "contact (referral.contact_id)",
                    .denominator = "contacts whose contact_at falls in the period",
                    .source = "Annex A List 1 and List 3 (Ofsted, 2023); no DfE statistic",
                    .differs =
                        "Councils often report referrals / contacts (two counts); Journey follows "
                        "each contact to its own outcome, so the share is of contacts.",
                    .record_kind = K::kContact,
                    .category_kind = K::kContact,
                    .category_field = "outcome"},
      {K::kContact, K::kReferral}, [](const Context&, const ChildView& v, Emitter& out) {
        static const int f_at = Of(K::kContact, "contact_at"), f_out = Of(K::kContact, "outcome"),
                         f_ref_contact = Of(K::kReferral, "contact_id");
        const KindTable& t = v.table(K::kContact);
        const KindTable& ref = v.table(K::kReferral);
        static const uint16_t referral = t.CodeValue(f_out, "REFERRAL");
        const RowRange rows = v.of(K::kContact), refs = v.of(K::kReferral);
        for (uint32_t i = rows.begin; i < rows.end; ++i) {
          bool led = t.Code(f_out, i) == referral;
          for (uint32_t j = refs.begin; !led && j < refs.end; ++j)
            led = ref.Ref(f_ref_contact, j) == t.id(i);
          out.Flow(DayOfMinutes(t.Minutes(f_at, i)), t.id(i), led, 0, t.Code(f_out, i));
        }
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{
          .id = "referrals_per_10k",
          .title = "Referrals in the period, per 10,000 children",
          .area = "front_door",
          .unit = Unit::kRatePer10k,
          .period_rule = PeriodRule::kInPeriod,
          .numerator = "referrals whose referral_date (CIN CINreferralDate) falls in the period",
          .denominator = "children aged 0-17 in the population",
          .source = "DfE, Characteristics of children in need: methodology (referrals in the "
                    "year, rate per 10,000 children aged under 18)",
          .differs = "",
          .record_kind = K::kReferral,
          .category_kind = K::kReferral,
          .category_field = "source",
          .higher_is_better = false},
      {K::kReferral}, [](const Context&, const ChildView& v, Emitter& out) {
        static const int f_date = Of(K::kReferral, "referral_date"),
                         f_source = Of(K::kReferral, "source");
        const KindTable& t = v.table(K::kReferral);
        const RowRange rows = v.of(K::kReferral);
        for (uint32_t i = rows.begin; i < rows.end; ++i)
          out.Flow(t.Day(f_date, i), t.id(i), true, 0, t.Code(f_source, i));
      }));

  r.Add(SimpleIndicator(
      IndicatorInfo{
          .id = "rereferrals_12m",
          .title = "Referrals in the period within 12 months of a previous referral",
          .area = "front_door",
          .unit = Unit::kPercent,
          .period_rule = PeriodRule::kInPeriod,
          .numerator = "those with an earlier referral of the same child dated on or after the "
                       "same day 12 months before (and before this referral's date)",
          .denominator = "referrals whose referral_date falls in the period",
          .source = "DfE, Characteristics of children in need: methodology (re-referrals "
                    "within 12 months of a previous referral)",
          .differs = "Two referrals of a child on the same day are one referral and not a "
                     "re-referral of each other; some councils' systems count the second.",
          .record_kind = K::kReferral,
          .higher_is_better = false},
      {K::kReferral}, [](const Context&, const ChildView& v, Emitter& out) {
        static const int f_date = Of(K::kReferral, "referral_date");
        const KindTable& t = v.table(K::kReferral);
        const RowRange rows = v.of(K::kReferral);
        for (uint32_t i = rows.begin; i < rows.end; ++i) {
          const int32_t d = t.Day(f_date, i);
          if (d == kNoDay) continue;
          const int32_t from = Date::FromDays(d).AddMonths(-12).days();
          bool again = false;
          for (uint32_t j = rows.begin; j < rows.end && !again; ++j) {
            const int32_t e = t.Day(f_date, j);
            again = e != kNoDay && e < d && e >= from;
          }
          out.Flow(d, t.id(i), again);
        }
      }));

  r.Add(TimelinessIndicator(
      IndicatorInfo{
          .id = "referral_decisions_within_1wd",
          .title = "Referrals received in the period decided within 1 working day",
          .area = "front_door",
          .unit = Unit::kPercent,
          .period_rule = PeriodRule::kInPeriod,
          .numerator = "those whose decision_at is on or before the REFERRAL_DECISION_1WD due "
                       "date (the working day after receipt)",
          .denominator = "referrals whose decision fell due in the period (received_at, else "
                         "referral_date, + 1 working day), decided or not",
          .source = "Working Together to Safeguard Children 2023, chapter 2 (decision within "
                    "one working day); rule REFERRAL_DECISION_1WD",
          .differs = "Councils often measure contacts rather than referrals, and in hours "
                     "(24) rather than working days.",
          .record_kind = K::kReferral},
      Rule::kReferralDecision, Timeliness::kDueInPeriod));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "early_help_assessments",
                    .title = "Early help assessments started in the period",
                    .area = "front_door",
                    .unit = Unit::kCount,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator = "early help assessments whose start_date falls in the period",
                    .denominator = "(a count)",
                    .source = "Annex A List 2 (Ofsted, 2023); no DfE statistic",
                    .differs = "",
                    .record_kind = K::kEarlyHelpAssessment},
      {K::kEarlyHelpAssessment}, [](const Context&, const ChildView& v, Emitter& out) {
        static const int f_start = Of(K::kEarlyHelpAssessment, "start_date");
        const KindTable& t = v.table(K::kEarlyHelpAssessment);
        const RowRange rows = v.of(K::kEarlyHelpAssessment);
        for (uint32_t i = rows.begin; i < rows.end; ++i) out.Flow(t.Day(f_start, i), t.id(i), true);
      }));
}

}  // namespace journey::engine
