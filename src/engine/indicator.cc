// The indicator registry and what every indicator file shares.
#include "engine/indicator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "model/kinds.h"

namespace journey::engine {

#define JOURNEY_INDICATOR_AREA(Name) void Register##Name(IndicatorRegistry& r);
#include "engine/indicator_areas.inc"
#undef JOURNEY_INDICATOR_AREA

std::string_view UnitName(Unit u) {
  switch (u) {
    case Unit::kPercent:
      return "percent";
    case Unit::kRatePer10k:
      return "per_10k";
    case Unit::kCount:
      return "count";
    case Unit::kMeanDays:
      return "mean_days";
    case Unit::kMedianDays:
      return "median_days";
    case Unit::kMean:
      return "mean";
  }
  return "?";
}

namespace {

bool IsSnakeCase(std::string_view id) {
  if (id.empty() || !(id[0] >= 'a' && id[0] <= 'z')) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return id.back() != '_';
}

[[noreturn]] void Die(std::string_view what, std::string_view id) {
  std::fprintf(stderr, "indicator registry: %.*s \"%.*s\"\n", static_cast<int>(what.size()),
               what.data(), static_cast<int>(id.size()), id.data());
  std::abort();
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

// Registration mistakes are programming errors found by the first test that runs: abort
// with the id rather than carry on with two definitions of one figure.
void IndicatorRegistry::Add(IndicatorDef def) {
  if (!IsSnakeCase(def.info.id)) Die("id is not snake_case", def.info.id);
  if (Find(def.info.id) || FindDimension(def.info.id)) Die("id registered twice", def.info.id);
  if (def.info.title.empty() || def.info.numerator.empty() || def.info.source.empty())
    Die("needs a title, numerator and source", def.info.id);
  indicators_.push_back(std::move(def));
}

void IndicatorRegistry::AddDimension(DimensionDef def) {
  if (!IsSnakeCase(def.id)) Die("dimension id is not snake_case", def.id);
  if (FindDimension(def.id)) Die("dimension registered twice", def.id);
  dimensions_.push_back(std::move(def));
}

const IndicatorDef* IndicatorRegistry::Find(std::string_view id) const {
  for (const IndicatorDef& d : indicators_)
    if (d.info.id == id) return &d;
  return nullptr;
}

const DimensionDef* IndicatorRegistry::FindDimension(std::string_view id) const {
  for (const DimensionDef& d : dimensions_)
    if (d.id == id) return &d;
  return nullptr;
}

std::vector<std::string_view> IndicatorRegistry::Closest(std::string_view id, size_t n) const {
  std::vector<std::pair<size_t, std::string_view>> scored;
  for (const IndicatorDef& d : indicators_) {
    size_t score = EditDistance(id, d.info.id);
    // A fragment of an id ("rereferral") is close to the ids containing it.
    if (id.size() >= 3 && d.info.id.find(id) != std::string_view::npos) score = 0;
    scored.emplace_back(score, d.info.id);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string_view> out;
  for (size_t i = 0; i < scored.size() && out.size() < n; ++i) out.push_back(scored[i].second);
  return out;
}

const IndicatorRegistry& Indicators() {
  static const IndicatorRegistry registry = [] {
    IndicatorRegistry r;
#define JOURNEY_INDICATOR_AREA(Name) Register##Name(r);
#include "engine/indicator_areas.inc"
#undef JOURNEY_INDICATOR_AREA
    return r;
  }();
  return registry;
}

const std::vector<Obligation>& Context::Obligations(const ChildView& v) const {
  if (obligations_child != v.child) {
    obligations.clear();
    timescales->ForChild(*projection, v, as_at, &obligations, false, rules);
    obligations_child = v.child;
  }
  return obligations;
}

const std::vector<Obligation>& Context::OrganisationObligations() const {
  if (!organisation_done) {
    timescales->ForOrganisation(*projection, as_at, &organisation);
    organisation_done = true;
  }
  return organisation;
}

void Emitter::Flow(int32_t day, int32_t record, bool numerator, float value, uint16_t category) {
  ctx_->PeriodsOf(day, [&](size_t p) {
    cases_->push_back(
        Case{child_, record, day, 0, value, static_cast<uint16_t>(p), category, numerator});
  });
}

void Emitter::Stock(size_t period, int32_t record, bool numerator, float value, uint16_t category) {
  cases_->push_back(Case{child_, record, ctx_->periods[period].end.days(), 0, value,
                         static_cast<uint16_t>(period), category, numerator});
}

void Emitter::At(size_t period, int32_t day, int32_t record, bool numerator, float value,
                 uint16_t category) {
  cases_->push_back(
      Case{child_, record, day, 0, value, static_cast<uint16_t>(period), category, numerator});
}

void Emitter::Worker(size_t period, int32_t worker, int32_t record, int32_t day, bool numerator,
                     float value, uint16_t category) {
  cases_->push_back(
      Case{0, record, day, worker, value, static_cast<uint16_t>(period), category, numerator});
}

namespace {
class TimelinessImpl : public IndicatorImpl {
 public:
  TimelinessImpl(Rule rule, Timeliness how) : rule_(rule), how_(how) {}
  std::vector<Kind> Kinds() const override { return Timescales::KindsFor({rule_}); }
  RuleSet Rules() const override { return {rule_}; }
  void Child(const Context& ctx, const ChildView& v, Emitter& out) override {
    for (const Obligation& o : ctx.Obligations(v))
      if (o.rule == rule_) Emit(ctx, o, out, false);
  }
  void Finish(const Context& ctx, Emitter& out) override {
    // Duties towards no child (a worker's supervision, an adult's complaint).
    for (const Obligation& o : ctx.OrganisationObligations())
      if (o.rule == rule_) Emit(ctx, o, out, true);
  }

 private:
  void Emit(const Context& ctx, const Obligation& o, Emitter& out, bool organisation) {
    const bool on_time = o.met != kNoDay && o.met <= o.due;
    const int32_t day = how_ == Timeliness::kMetInPeriod ? o.met : o.due;
    if (day == kNoDay || day > ctx.as_at.days()) return;
    // Due on or after the as-at date and not met: not late yet (it can still be met that
    // day), so neither on time nor late.
    if (how_ == Timeliness::kDueInPeriod && o.met == kNoDay && o.due >= ctx.as_at.days()) return;
    ctx.PeriodsOf(day, [&](size_t p) {
      if (organisation)
        out.Worker(p, o.worker, o.from_id, day, on_time);
      else
        out.At(p, day, o.from_id, on_time);
    });
  }
  Rule rule_;
  Timeliness how_;
};
}  // namespace

IndicatorDef TimelinessIndicator(IndicatorInfo info, Rule rule, Timeliness how) {
  return IndicatorDef{info, [rule, how] { return std::make_unique<TimelinessImpl>(rule, how); }};
}

bool OpenOn(int32_t day, int32_t start, int32_t end) {
  return start != kNoDay && start <= day && (end == kNoDay || end >= day);
}

int32_t WorkingDaysBetween(const Context& ctx, int32_t from, int32_t to) {
  if (from == kNoDay || to == kNoDay) return -1;
  auto n = ctx.timescales->calendar().WorkingDaysBetween(Date::FromDays(from), Date::FromDays(to));
  return n ? *n : -1;
}

void AllocatedOn(const Context& ctx, const ChildView& v, int32_t day, int32_t* worker,
                 int32_t* team) {
  static const int f_worker = model::FieldOf(Kind::kAllocation, "worker_id"),
                   f_team = model::FieldOf(Kind::kAllocation, "team_id"),
                   f_role = model::FieldOf(Kind::kAllocation, "role"),
                   f_start = model::FieldOf(Kind::kAllocation, "start_date"),
                   f_end = model::FieldOf(Kind::kAllocation, "end_date");
  const KindTable& a = v.table(Kind::kAllocation);
  static const uint16_t sw = a.CodeValue(f_role, "SW"), pa = a.CodeValue(f_role, "PA");
  *worker = *team = 0;
  int best = 0;
  const RowRange r = v.of(Kind::kAllocation);
  for (uint32_t i = r.begin; i < r.end; ++i) {
    if (!OpenOn(day, a.Day(f_start, i), a.Day(f_end, i))) continue;
    const uint16_t role = a.Code(f_role, i);
    const int rank = role == sw ? 3 : role == pa ? 2 : 1;
    if (rank <= best) continue;
    best = rank;
    *worker = a.Ref(f_worker, i);
    *team = a.Ref(f_team, i);
  }
  if (*worker && !*team) *team = ctx.projection->WorkerTeam(*worker);
}

int32_t AgeOn(const ChildView& v, int32_t day) {
  static const int f_birth = model::FieldOf(Kind::kPerson, "birth_date"),
                   f_expected = model::FieldOf(Kind::kPerson, "expected_birth_date");
  const RowRange r = v.of(Kind::kPerson);
  if (r.empty() || day == kNoDay) return kNoInt;
  const KindTable& p = v.table(Kind::kPerson);
  const int32_t birth = p.Day(f_birth, r.begin);
  if (birth == kNoDay) return p.Day(f_expected, r.begin) != kNoDay ? -1 : kNoInt;
  if (birth > day) return -1;
  return AgeInYears(Date::FromDays(birth), Date::FromDays(day));
}

}  // namespace journey::engine
