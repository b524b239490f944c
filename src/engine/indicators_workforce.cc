// Workforce and practice indicators: caseloads, agency staff, turnover, changes of social
// worker, supervision, audits and complaints. Definitions in docs/INDICATORS.md
// ("Workforce and practice").
#include <algorithm>
#include <unordered_map>

#include "engine/indicator.h"
#include "model/kinds.h"

namespace journey::engine {
namespace {

using K = Kind;
int Of(K k, std::string_view f) { return model::FieldOf(k, f); }

struct WF {
  int al_worker = Of(K::kAllocation, "worker_id"), al_role = Of(K::kAllocation, "role"),
      al_start = Of(K::kAllocation, "start_date"), al_end = Of(K::kAllocation, "end_date");
  int w_role = Of(K::kWorker, "role"), w_agency = Of(K::kWorker, "agency"),
      w_start = Of(K::kWorker, "start_date"), w_end = Of(K::kWorker, "end_date");
  int au_date = Of(K::kCaseAudit, "audit_date"), au_grade = Of(K::kCaseAudit, "grade"),
      au_moderated = Of(K::kCaseAudit, "moderated_grade");
  int co_received = Of(K::kComplaint, "received_date"),
      co_complainant = Of(K::kComplaint, "complainant");
};
const WF& F() {
  static const WF f;
  return f;
}

uint16_t SocialWorkerRole(const Context& ctx) {
  static const uint16_t sw = ctx.projection->table(K::kAllocation).CodeValue(F().al_role, "SW");
  return sw;
}

// The distinct workers allocated to the child as social worker on any day of [from, to].
void SocialWorkers(const Context& ctx, const ChildView& v, int32_t from, int32_t to,
                   std::vector<int32_t>* out) {
  out->clear();
  const KindTable& a = v.table(K::kAllocation);
  const RowRange rows = v.of(K::kAllocation);
  for (uint32_t i = rows.begin; i < rows.end; ++i) {
    if (a.Code(F().al_role, i) != SocialWorkerRole(ctx)) continue;
    const int32_t s = a.Day(F().al_start, i), e = a.Day(F().al_end, i);
    if (s == kNoDay || s > to || (e != kNoDay && e < from)) continue;
    const int32_t w = a.Ref(F().al_worker, i);
    if (std::find(out->begin(), out->end(), w) == out->end()) out->push_back(w);
  }
}

// The organisation's worker rows by id.
std::unordered_map<int32_t, uint32_t> WorkerRows(const Context& ctx) {
  std::unordered_map<int32_t, uint32_t> rows;
  const KindTable& w = ctx.projection->table(K::kWorker);
  const RowRange r = w.RowsOf(0);
  for (uint32_t i = r.begin; i < r.end; ++i) rows[w.id(i)] = i;
  return rows;
}

// Children allocated to each social worker on each period's last day.
class CaseHolders : public IndicatorImpl {
 public:
  std::vector<Kind> Kinds() const override { return {K::kAllocation}; }
  void Child(const Context& ctx, const ChildView& v, Emitter&) override {
    if (counts_.empty()) counts_.resize(ctx.periods.size());
    for (size_t p = 0; p < ctx.periods.size(); ++p) {
      const int32_t end = ctx.periods[p].end.days();
      SocialWorkers(ctx, v, end, end, &workers_);
      for (int32_t w : workers_) counts_[p][w]++;
    }
  }
  void Absorb(IndicatorImpl& other) override {
    const auto& o = static_cast<const CaseHolders&>(other).counts_;
    if (counts_.empty()) counts_.resize(o.size());
    for (size_t p = 0; p < o.size(); ++p)
      for (const auto& [w, n] : o[p]) counts_[p][w] += n;
  }

 protected:
  std::vector<std::unordered_map<int32_t, int32_t>> counts_;  // per period: worker -> children
  std::vector<int32_t> workers_;
};

class Caseloads : public CaseHolders {
 public:
  void Finish(const Context& ctx, Emitter& out) override {
    for (size_t p = 0; p < counts_.size(); ++p)
      for (const auto& [w, n] : counts_[p])
        out.Worker(p, w, w, ctx.periods[p].end.days(), true, static_cast<float>(n));
  }
};

class AgencyShare : public CaseHolders {
 public:
  void Finish(const Context& ctx, Emitter& out) override {
    const auto rows = WorkerRows(ctx);
    const KindTable& t = ctx.projection->table(K::kWorker);
    for (size_t p = 0; p < counts_.size(); ++p)
      for (const auto& [w, n] : counts_[p]) {
        auto it = rows.find(w);
        const bool agency = it != rows.end() && t.IsTrue(F().w_agency, it->second);
        out.Worker(p, w, w, ctx.periods[p].end.days(), agency);
      }
  }
};

// Roles counted in the social work workforce (the CSWW census's children and family social
// workers): not personal advisers, early help workers, analysts or directors.
bool SocialWorkRole(const KindTable& t, uint16_t role) {
  const std::string_view r = t.CodeText(F().w_role, role);
  return r == "SW" || r == "SENIOR_SW" || r == "ASYE" || r == "TEAM_MANAGER" ||
         r == "SERVICE_MANAGER" || r == "IRO";
}

class Turnover : public IndicatorImpl {
 public:
  std::vector<Kind> Kinds() const override { return {}; }
  void Child(const Context&, const ChildView&, Emitter&) override {}
  void Finish(const Context& ctx, Emitter& out) override {
    const KindTable& t = ctx.projection->table(K::kWorker);
    const RowRange r = t.RowsOf(0);
    for (size_t p = 0; p < ctx.periods.size(); ++p) {
      const int32_t from = ctx.periods[p].start.days(), to = ctx.periods[p].end.days();
      for (uint32_t i = r.begin; i < r.end; ++i) {
        if (!SocialWorkRole(t, t.Code(F().w_role, i))) continue;
        const int32_t s = t.Day(F().w_start, i), e = t.Day(F().w_end, i);
        if (s == kNoDay || s > to || (e != kNoDay && e < from)) continue;
        out.Worker(p, t.id(i), t.id(i), to, e != kNoDay && e <= to);
      }
    }
  }
};

// Complaints received in the period, about a child or about no child.
class Complaints : public IndicatorImpl {
 public:
  std::vector<Kind> Kinds() const override { return {K::kComplaint}; }
  void Child(const Context&, const ChildView& v, Emitter& out) override {
    const KindTable& t = v.table(K::kComplaint);
    const RowRange rows = v.of(K::kComplaint);
    for (uint32_t i = rows.begin; i < rows.end; ++i)
      out.Flow(t.Day(F().co_received, i), t.id(i), true, 0, t.Code(F().co_complainant, i));
  }
  void Finish(const Context& ctx, Emitter& out) override {
    const KindTable& t = ctx.projection->table(K::kComplaint);
    const RowRange rows = t.RowsOf(0);
    for (uint32_t i = rows.begin; i < rows.end; ++i) {
      const int32_t d = t.Day(F().co_received, i);
      ctx.PeriodsOf(d, [&](size_t p) {
        out.Worker(p, 0, t.id(i), d, true, 0, t.Code(F().co_complainant, i));
      });
    }
  }
};

template <typename T>
IndicatorDef Def(IndicatorInfo info) {
  return IndicatorDef{info, [] { return std::make_unique<T>(); }};
}

}  // namespace

void RegisterWorkforceIndicators(IndicatorRegistry& r) {
  r.Add(Def<Caseloads>(IndicatorInfo{
      .id = "caseload_per_worker",
      .title = "Children per case-holding social worker at the end of the period",
      .area = "workforce",
      .unit = Unit::kMean,
      .period_rule = PeriodRule::kAtEnd,
      .numerator = "children with a social worker (SW) allocation open on the period's last "
                   "day, summed over the workers (a child counts for each worker allocated)",
      .denominator = "workers with at least one such child",
      .source = "DfE, Children's social work workforce: methodology (average caseload: cases "
                "/ case-holding FTE)",
      .differs = "The DfE divides by full-time equivalents at 30 September; Journey divides "
                 "by case-holding workers, whatever their hours, on the period's last day.",
      .record_kind = K::kWorker,
      .higher_is_better = false}));

  r.Add(Def<AgencyShare>(IndicatorInfo{
      .id = "agency_share",
      .title = "Case-holding social workers at the end of the period who are agency staff",
      .area = "workforce",
      .unit = Unit::kPercent,
      .period_rule = PeriodRule::kAtEnd,
      .numerator = "those whose worker record says agency",
      .denominator = "workers with at least one child allocated to them as social worker on "
                     "the period's last day",
      .source = "DfE, Children's social work workforce: methodology (agency workers as a share "
                "of FTE at 30 September)",
      .differs = "The DfE counts every children and family social worker by FTE, case-holding "
                 "or not; Journey counts case holders by head.",
      .record_kind = K::kWorker,
      .higher_is_better = false}));

  r.Add(Def<Turnover>(IndicatorInfo{
      .id = "worker_turnover",
      .title = "Social workers in post during the period who left in it",
      .area = "workforce",
      .unit = Unit::kPercent,
      .period_rule = PeriodRule::kInPeriod,
      .numerator = "those whose end_date falls in the period",
      .denominator = "workers in social work roles (SW, SENIOR_SW, ASYE, TEAM_MANAGER, "
                     "SERVICE_MANAGER, IRO) in post on any day of the period",
      .source = "DfE, Children's social work workforce: methodology (turnover: leavers in the "
                "year / FTE at 30 September)",
      .differs = "The DfE divides leavers by the FTE in post at the year's end, which can "
                 "exceed 100% of a shrinking team; Journey's share of everyone in post in the "
                 "period cannot. Give a 12-month period for the usual figure.",
      .record_kind = K::kWorker,
      .higher_is_better = false}));

  r.Add(SimpleIndicator(
      IndicatorInfo{
          .id = "three_plus_social_workers_12m",
          .title = "Children with a social worker at the end of the period who had 3 or more "
                   "social workers in the 12 months to it",
          .area = "workforce",
          .unit = Unit::kPercent,
          .period_rule = PeriodRule::kAtEnd,
          .numerator = "those with 3 or more different workers allocated as social worker "
                       "(SW) on some day of the 12 months ending on the period's last day",
          .denominator = "children with a social worker allocation open on the period's last "
                         "day",
          .source = "Ofsted inspections (ILACS) ask for it; Annex A Lists 6-8 (allocated "
                    "worker history); no DfE statistic",
          .differs = "Some councils count changes of worker (so 3 workers is 2 changes); "
                     "Journey counts workers.",
          .record_kind = K::kPerson,
          .higher_is_better = false},
      {K::kAllocation}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        std::vector<int32_t> workers;
        for (size_t p = 0; p < ctx.periods.size(); ++p) {
          const int32_t end = ctx.periods[p].end.days();
          SocialWorkers(ctx, v, end, end, &workers);
          if (workers.empty()) continue;
          const int32_t from = Date::FromDays(end).AddMonths(-12).days() + 1;
          SocialWorkers(ctx, v, from, end, &workers);
          out.Stock(p, v.child, workers.size() >= 3);
        }
      }));

  r.Add(TimelinessIndicator(
      IndicatorInfo{
          .id = "supervision_on_time",
          .title = "Supervisions of workers due in the period held on time",
          .area = "workforce",
          .unit = Unit::kPercent,
          .period_rule = PeriodRule::kInPeriod,
          .numerator = "those held on or before the SUPERVISION due date (local: every 20 "
                       "working days by default)",
          .denominator = "supervisions that fell due in the period and by the as-at date, of "
                         "workers in post on the as-at date",
          .source = "local policy (Social Work England standards; the employer standards); "
                    "rule SUPERVISION",
          .differs = "",
          .record_kind = K::kWorker},
      Rule::kSupervision, Timeliness::kDueInPeriod));

  r.Add(SimpleIndicator(
      IndicatorInfo{.id = "audits_good_or_better",
                    .title = "Case audits in the period graded good or outstanding",
                    .area = "workforce",
                    .unit = Unit::kPercent,
                    .period_rule = PeriodRule::kInPeriod,
                    .numerator =
                        "those whose grade (the moderated grade when there is one) is GOOD or "
                        "OUTSTANDING",
                    .denominator = "case audits whose audit_date falls in the period",
                    .source = "local quality assurance; Ofsted ILACS framework (grades)",
                    .differs = "Some councils report the auditor's grade before moderation.",
                    .record_kind = K::kCaseAudit,
                    .category_kind = K::kCaseAudit,
                    .category_field = "grade"},
      {K::kCaseAudit}, [](const Context& ctx, const ChildView& v, Emitter& out) {
        const KindTable& t = v.table(K::kCaseAudit);
        static const uint16_t
            good = ctx.projection->table(K::kCaseAudit).CodeValue(F().au_grade, "GOOD"),
            outstanding =
                ctx.projection->table(K::kCaseAudit).CodeValue(F().au_grade, "OUTSTANDING");
        const RowRange rows = v.of(K::kCaseAudit);
        for (uint32_t i = rows.begin; i < rows.end; ++i) {
          uint16_t g = t.Code(F().au_moderated, i);
          if (g == 0) g = t.Code(F().au_grade, i);
          out.Flow(t.Day(F().au_date, i), t.id(i), g == good || g == outstanding, 0, g);
        }
      }));

  r.Add(Def<Complaints>(IndicatorInfo{
      .id = "complaints_received",
      .title = "Complaints received in the period (by children and by adults: category)",
      .area = "workforce",
      .unit = Unit::kCount,
      .period_rule = PeriodRule::kInPeriod,
      .numerator = "complaints whose received_date falls in the period, about a child or not",
      .denominator = "(a count)",
      .source = "Children Act 1989 Representations Procedure (England) Regulations 2006; the "
                "annual complaints report",
      .differs = "",
      .record_kind = K::kComplaint,
      .category_kind = K::kComplaint,
      .category_field = "complainant",
      .higher_is_better = false}));

  r.Add(TimelinessIndicator(
      IndicatorInfo{
          .id = "complaint_stages_on_time",
          .title = "Complaint stage responses due in the period sent on time",
          .area = "workforce",
          .unit = Unit::kPercent,
          .period_rule = PeriodRule::kInPeriod,
          .numerator = "those whose responded_date is on or before the COMPLAINT_STAGE due date",
          .denominator = "complaint stages whose response fell due in the period and by the "
                         "as-at date",
          .source = "Children Act 1989 Representations Procedure (England) Regulations 2006; "
                    "rule COMPLAINT_STAGE",
          .differs = "Councils often allow the extended stage 1 timescale (20 working days) "
                     "when agreed; the rule's default applies.",
          .record_kind = K::kComplaintStage},
      Rule::kComplaintStage, Timeliness::kDueInPeriod));
}

}  // namespace journey::engine
