// Care leavers (in touch, suitable accommodation, education, employment or training,
// staying put, pathway plans, personal advisers, bed and breakfast), private fostering and
// homeless 16-17 year olds. Definitions in docs/INDICATORS.md (areas `care_leavers` and
// `private_fostering`); golden tests in testdata/indicators/leaving_care.txt.
#include "engine/indicators_cla_common.h"
#include "model/kinds.h"

namespace journey::engine {
namespace {

using K = Kind;
using cla::F;

struct LeavingFields {
  int st_date = model::FieldOf(K::kCareLeaverStatus, "status_date"),
      st_touch = model::FieldOf(K::kCareLeaverStatus, "in_touch"),
      st_accom = model::FieldOf(K::kCareLeaverStatus, "accommodation"),
      st_suitable = model::FieldOf(K::kCareLeaverStatus, "accommodation_suitable"),
      st_activity = model::FieldOf(K::kCareLeaverStatus, "activity");
  int sp_start = model::FieldOf(K::kStayingPut, "start_date"),
      sp_end = model::FieldOf(K::kStayingPut, "end_date");
  int pp_start = model::FieldOf(K::kPathwayPlan, "start_date"),
      pp_end = model::FieldOf(K::kPathwayPlan, "end_date");
  int pf_notified = model::FieldOf(K::kPrivateFostering, "notification_date"),
      pf_assessed = model::FieldOf(K::kPrivateFostering, "assessment_completed_date");
  int hl_presented = model::FieldOf(K::kHomelessAssessment, "presented_date"),
      hl_accom = model::FieldOf(K::kHomelessAssessment, "accommodation"),
      hl_nights = model::FieldOf(K::kHomelessAssessment, "nights_bed_and_breakfast");
};
const LeavingFields& L() {
  static const LeavingFields f;
  return f;
}

bool Open(int32_t d, int32_t start, int32_t end) {
  return start != kNoDay && start <= d && (end == kNoDay || end > d);
}

// Each care leaver status (903 OC3, recorded around each birthday) dated in the period when
// the young person was aged lo..hi on its date: a case in the numerator when `num` says so.
template <typename Num>
auto Statuses(int lo, int hi, Num num) {
  return [lo, hi, num](const Context& ctx, const ChildView& v, Emitter& out) {
    const KindTable& t = v.table(K::kCareLeaverStatus);
    for (uint32_t i = v.of(K::kCareLeaverStatus).begin; i < v.of(K::kCareLeaverStatus).end; ++i) {
      const int32_t d = t.Day(L().st_date, i), age = cla::Age(v, d);
      if (age == kNoInt || age < lo || age > hi) continue;
      out.Flow(d, t.id(i), num(ctx, t, i));
    }
  };
}

IndicatorInfo Leaver(std::string_view id, std::string_view title, std::string_view numerator,
                     std::string_view denominator, std::string_view source,
                     std::string_view differs = "", bool higher_is_better = true) {
  return IndicatorInfo{.id = id,
                       .title = title,
                       .area = "care_leavers",
                       .unit = Unit::kPercent,
                       .period_rule = PeriodRule::kInPeriod,
                       .numerator = numerator,
                       .denominator = denominator,
                       .source = source,
                       .differs = differs,
                       .record_kind = K::kCareLeaverStatus,
                       .higher_is_better = higher_is_better};
}

constexpr std::string_view kOc3 =
    "DfE, Children looked after in England including adoptions (care leavers; SSDA903 OC3, "
    "recorded around the young person's birthday)";

// Education, employment or training: every 903 ACTIV code but the G (not in education,
// employment or training) ones.
bool Eet(const KindTable& t, uint32_t i) {
  const std::string_view a = t.CodeText(L().st_activity, t.Code(L().st_activity, i));
  return !a.empty() && (a[0] == 'F' || a[0] == 'P');
}

}  // namespace

void RegisterLeavingCareIndicators(IndicatorRegistry& r) {
  constexpr std::string_view k1921 =
      "care leaver statuses dated in the period of young people aged 19-21 on that date";
  constexpr std::string_view k1718 =
      "care leaver statuses dated in the period of young people aged 17-18 on that date";
  const std::vector<Kind> kinds = {K::kPerson, K::kCareLeaverStatus};
  r.Add(SimpleIndicator(
      Leaver("care_leavers_in_touch", "Care leavers aged 19-21 in touch with the council",
             "those with in_touch YES", k1921, kOc3),
      kinds, Statuses(19, 21, [](const Context&, const KindTable& t, uint32_t i) {
        return t.CodeText(L().st_touch, t.Code(L().st_touch, i)) == "YES";
      })));
  r.Add(SimpleIndicator(
      Leaver("care_leavers_suitable_accommodation",
             "Care leavers aged 19-21 in suitable accommodation",
             "those with accommodation_suitable true (903 ACCOM suitability 1)", k1921, kOc3,
             "Young people not in touch have no suitability recorded and count as not suitable, "
             "as in the DfE's tables."),
      kinds, Statuses(19, 21, [](const Context&, const KindTable& t, uint32_t i) {
        return t.IsTrue(L().st_suitable, i);
      })));
  r.Add(SimpleIndicator(
      Leaver("care_leavers_eet_17_18",
             "Care leavers aged 17-18 in education, employment or training",
             "those whose activity is F1-F5 or P1-P5 (not G4-G6 or unknown)", k1718, kOc3),
      kinds,
      Statuses(17, 18, [](const Context&, const KindTable& t, uint32_t i) { return Eet(t, i); })));
  r.Add(SimpleIndicator(
      Leaver("care_leavers_eet_19_21",
             "Care leavers aged 19-21 in education, employment or training",
             "those whose activity is F1-F5 or P1-P5 (not G4-G6 or unknown)", k1921, kOc3),
      kinds,
      Statuses(19, 21, [](const Context&, const KindTable& t, uint32_t i) { return Eet(t, i); })));
  r.Add(SimpleIndicator(
      Leaver("care_leavers_bed_and_breakfast", "Care leavers aged 17-21 in bed and breakfast",
             "those whose accommodation is W (bed and breakfast)",
             "care leaver statuses dated in the period of young people aged 17-21 on that date",
             kOc3, "", false),
      kinds, Statuses(17, 21, [](const Context&, const KindTable& t, uint32_t i) {
        return t.CodeText(L().st_accom, t.Code(L().st_accom, i)) == "W";
      })));

  IndicatorInfo staying = Leaver(
      "care_leavers_staying_put",
      "Young people in a staying put arrangement at the end of the "
      "period",
      "young people with a staying_put arrangement open on the period's last day", "(a count)",
      "Children and Families Act 2014 s98 (Children Act 1989 s23CZA, staying put); DfE "
      "CLA statistics (care leavers staying put)");
  staying.unit = Unit::kCount;
  staying.period_rule = PeriodRule::kAtEnd;
  staying.record_kind = K::kStayingPut;
  r.Add(SimpleIndicator(
      staying, {K::kStayingPut}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kStayingPut);
        for (size_t p = 0; p < ctx.periods.size(); ++p)
          for (uint32_t i = v.of(K::kStayingPut).begin; i < v.of(K::kStayingPut).end; ++i)
            if (Open(ctx.periods[p].end.days(), t.Day(L().sp_start, i), t.Day(L().sp_end, i)))
              out.Stock(p, t.id(i), true);
      }));

  // Pathway plans open at the period's end, up to date when no PATHWAY_REVIEW obligation
  // is overdue as at that day (the rule, computed as at each period's end).
  IndicatorInfo pathway = Leaver(
      "pathway_plans_up_to_date",
      "Pathway plans open at the end of the period that are up to "
      "date",
      "those with no review overdue that day (rule PATHWAY_REVIEW: 6 months from the plan's "
      "start, then 6 months after each review)",
      "pathway plans open on the period's last day of young people aged 16-21 then",
      "Care Leavers (England) Regulations 2010, reg 7 (review at least every six months); rule "
      "PATHWAY_REVIEW");
  pathway.period_rule = PeriodRule::kAtEnd;
  pathway.record_kind = K::kPathwayPlan;
  r.Add(SimpleIndicator(pathway, Timescales::KindsFor({Rule::kPathwayReview}),
                        [](const Context& ctx, const ChildView& v, Emitter& out) {
                          const KindTable& t = v.table(K::kPathwayPlan);
                          std::vector<Obligation> obs;
                          for (size_t p = 0; p < ctx.periods.size(); ++p) {
                            const int32_t d = ctx.periods[p].end.days(), age = cla::Age(v, d);
                            if (age == kNoInt || age < 16 || age > 21) continue;
                            obs.clear();
                            ctx.timescales->ForChild(*ctx.projection, v, Date::FromDays(d), &obs,
                                                     false, {Rule::kPathwayReview});
                            for (uint32_t i = v.of(K::kPathwayPlan).begin;
                                 i < v.of(K::kPathwayPlan).end; ++i) {
                              if (!Open(d, t.Day(L().pp_start, i), t.Day(L().pp_end, i))) continue;
                              bool overdue = false;
                              for (const Obligation& o : obs)
                                overdue |= o.from_id == t.id(i) && o.is_open() && o.due < d;
                              out.Stock(p, t.id(i), !overdue);
                            }
                          }
                        }));

  IndicatorInfo pa =
      Leaver("care_leavers_with_pa",
             "Care leavers aged 18-21 with a personal adviser at the end of "
             "the period",
             "those with an allocation of role PA open that day",
             "young people aged 18-21 on the period's last day with a pathway plan open then",
             "Children (Leaving Care) Act 2000; Children Act 1989 s23CA (a personal adviser to 21, "
             "or 25 on request)");
  pa.period_rule = PeriodRule::kAtEnd;
  pa.record_kind = K::kPathwayPlan;
  r.Add(SimpleIndicator(
      pa, {K::kPerson, K::kAllocation, K::kPathwayPlan},
      [](const Context& ctx, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kPathwayPlan);
        const KindTable& al = v.table(K::kAllocation);
        const uint16_t role_pa = cla::C(*ctx.projection).pa;
        for (size_t p = 0; p < ctx.periods.size(); ++p) {
          const int32_t d = ctx.periods[p].end.days(), age = cla::Age(v, d);
          if (age == kNoInt || age < 18 || age > 21) continue;
          int64_t plan = cla::kNone;
          for (uint32_t i = v.of(K::kPathwayPlan).begin; i < v.of(K::kPathwayPlan).end; ++i)
            if (Open(d, t.Day(L().pp_start, i), t.Day(L().pp_end, i))) plan = i;
          if (plan == cla::kNone) continue;
          bool has = false;
          for (uint32_t i = v.of(K::kAllocation).begin; i < v.of(K::kAllocation).end; ++i)
            has |= al.Code(F().al_role, i) == role_pa &&
                   Open(d, al.Day(F().al_start, i), al.Day(F().al_end, i));
          out.Stock(p, t.id(static_cast<uint32_t>(plan)), has);
        }
      }));
}

void RegisterPrivateFosteringIndicators(IndicatorRegistry& r) {
  auto info = [](std::string_view id, std::string_view title, Unit unit, std::string_view numerator,
                 std::string_view denominator, std::string_view source, std::string_view differs,
                 Kind record, bool higher_is_better = true) {
    return IndicatorInfo{.id = id,
                         .title = title,
                         .area = "private_fostering",
                         .unit = unit,
                         .period_rule = PeriodRule::kInPeriod,
                         .numerator = numerator,
                         .denominator = denominator,
                         .source = source,
                         .differs = differs,
                         .record_kind = record,
                         .higher_is_better = higher_is_better};
  };
  r.Add(SimpleIndicator(
      info("private_fostering_notifications",
           "Private fostering arrangements notified in the "
           "period",
           Unit::kCount,
           "private fostering arrangements whose notification_date falls in the "
           "period",
           "(a count)",
           "Children (Private Arrangements for Fostering) Regulations 2005; DfE private "
           "fostering statistics (notifications received)",
           "", K::kPrivateFostering),
      {K::kPrivateFostering}, [](const Context&, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kPrivateFostering);
        for (uint32_t i = v.of(K::kPrivateFostering).begin; i < v.of(K::kPrivateFostering).end; ++i)
          out.Flow(t.Day(L().pf_notified, i), t.id(i), true);
      }));
  r.Add(TimelinessIndicator(
      info("private_fostering_visits_on_time",
           "Private fostering visits due in the period made "
           "on time",
           Unit::kPercent,
           "those met on or before the PF_VISIT due date (7 working days from "
           "notification, then 6-weekly in the first year, 12-weekly after)",
           "private fostering visits that fell due in the period and by the as-at date",
           "Children (Private Arrangements for Fostering) Regulations 2005, regs 4 and 8; rule "
           "PF_VISIT",
           "", K::kPrivateFostering),
      Rule::kPrivateFosteringVisit, Timeliness::kDueInPeriod));
  // No regulation sets a deadline for the assessment of the arrangement; 42 working days
  // (the time councils commonly give it, in line with the former core assessment) is
  // local and unverified, held here only.
  r.Add(SimpleIndicator(
      info("private_fostering_assessments_on_time",
           "Private fostering assessments completed in the period within 42 working days of "
           "notification",
           Unit::kPercent, "those completed within 42 working days of the notification",
           "arrangements whose assessment_completed_date falls in the period",
           "Local practice (no statutory timescale; 42 working days is common) - unverified",
           "Councils set their own timescale; 42 working days is Journey's default.",
           K::kPrivateFostering),
      {K::kPrivateFostering}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kPrivateFostering);
        for (uint32_t i = v.of(K::kPrivateFostering).begin; i < v.of(K::kPrivateFostering).end;
             ++i) {
          const int32_t n = t.Day(L().pf_notified, i), done = t.Day(L().pf_assessed, i);
          const int32_t wd = WorkingDaysBetween(ctx, n, done);
          if (done != kNoDay) out.Flow(done, t.id(i), wd >= 0 && wd <= 42);
        }
      }));
  r.Add(SimpleIndicator(
      info("homeless_16_17_presented",
           "16 and 17 year olds presenting as homeless in the "
           "period",
           Unit::kCount, "homeless assessments whose presented_date falls in the period",
           "(a count)",
           "Prevention of homelessness and provision of accommodation for 16 and 17 year old "
           "young people, joint guidance (MHCLG and DfE, 2018)",
           "", K::kHomelessAssessment, false),
      {K::kHomelessAssessment}, [](const Context&, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kHomelessAssessment);
        for (uint32_t i = v.of(K::kHomelessAssessment).begin; i < v.of(K::kHomelessAssessment).end;
             ++i)
          out.Flow(t.Day(L().hl_presented, i), t.id(i), true);
      }));
  r.Add(SimpleIndicator(
      info("homeless_16_17_bed_and_breakfast",
           "16 and 17 year olds presenting as homeless in the period placed in bed and breakfast",
           Unit::kPercent, "those with accommodation BNB or any nights_bed_and_breakfast",
           "homeless assessments whose presented_date falls in the period",
           "Joint guidance 2018 (bed and breakfast is never suitable for 16 and 17 year olds, "
           "even in an emergency)",
           "", K::kHomelessAssessment, false),
      {K::kHomelessAssessment}, [](const Context&, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kHomelessAssessment);
        for (uint32_t i = v.of(K::kHomelessAssessment).begin; i < v.of(K::kHomelessAssessment).end;
             ++i) {
          const int nights = t.Int(L().hl_nights, i);
          const bool bnb = t.CodeText(L().hl_accom, t.Code(L().hl_accom, i)) == "BNB" ||
                           (nights != kNoInt && nights > 0);
          out.Flow(t.Day(L().hl_presented, i), t.id(i), bnb);
        }
      }));
}

}  // namespace journey::engine
