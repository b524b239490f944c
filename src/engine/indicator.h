// Indicators: every performance figure the inspections and reports cite, each defined once
// (id, title, unit, numerator, denominator, period rule, source, and where it differs from
// common council practice), computed from the projection for any period and as-at date,
// broken down by pluggable dimensions, trended, and drilled down to the child.
//
// How it works (docs/INDICATORS.md, "Framework"): one pass over every child. Each
// indicator looks at one child's rows and emits *cases*: one per record it counts (a
// referral, an assessment, a plan open at the period's end, a visit that fell due ...),
// saying which period the case belongs to, whether it is in the numerator, and a value for
// means and medians. Dimensions then give each case a group (team, age band, ...), and
// cells are sums over cases. Drill-down is the list of cases behind a cell. Nothing is
// specific to an indicator after it has emitted its cases.
//
// Adding an indicator (or a dimension) in a file of its own: see src/engine/README.md.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "engine/projection.h"
#include "engine/timescales.h"

namespace journey::engine {

class Population;

enum class Unit : uint8_t {
  kPercent,     // numerator cases / all cases, x 100
  kRatePer10k,  // numerator cases per 10,000 children in the population (0-17)
  kCount,       // numerator cases
  kMeanDays,    // mean of the cases' values (days or working days, as the title says)
  kMedianDays,  // median of the cases' values
  kMean,        // mean of the cases' values (not days: caseloads, scores)
};
std::string_view UnitName(Unit u);  // "percent", "per_10k", "count", "mean_days", ...

enum class PeriodRule : uint8_t {
  kInPeriod,  // events dated within the period (flows)
  kAtEnd,     // the state on the period's last day (stocks)
};

// A period [start, end] (inclusive). The as-at date says what is known: nothing dated
// after it is seen, and a period ending after it is cut at it.
struct Period {
  Date start, end;
  std::string label;  // "2025-26", "2026-03", "w/c 2026-01-05", ...
};

// One thing counted by an indicator.
struct Case {
  int32_t child = 0;       // 0: a case about no child (a worker, a complaint by an adult)
  int32_t record = 0;      // id of the record counted, of the indicator's record kind
  int32_t day = kNoDay;    // the date that places it (event day, or the period's end)
  int32_t worker = 0;      // for cases about workers: the worker (else from allocations)
  float value = 0;         // for means and medians
  uint16_t period = 0;     // index into the computation's periods
  uint16_t category = 0;   // code of the indicator's category field (0: none)
  bool numerator = false;  // in the numerator (percent, count, rate)
};

struct Context;
class Emitter;

// What each indicator is: all of it public (CSV, JSON, the API and the reference data use
// `id`), documented once here and in docs/INDICATORS.md.
struct IndicatorInfo {
  std::string_view id;     // snake_case, stable: e.g. "assessments_within_45wd"
  std::string_view title;  // what it measures, in a sentence fragment
  std::string_view area;   // "front_door", "assessment", "protection", "cin", "workforce", ...
  Unit unit;
  PeriodRule period_rule;
  std::string_view numerator;
  std::string_view denominator;   // for rates: "children aged 0-17 in the population"
  std::string_view source;        // DfE methodology, statistical release, guidance
  std::string_view differs = {};  // where common council practice counts otherwise ("" none)
  Kind record_kind;               // the kind of Case::record (drill-down)
  // Optional category (e.g. category of abuse): the field whose code Case::category holds;
  // the "category" dimension groups by it.
  Kind category_kind = Kind::kPerson;
  std::string_view category_field = {};
  bool higher_is_better = true;  // for display only
};

// An indicator's computation. A fresh object per computation (it may keep state between
// children, e.g. counts per worker, and emit cases about no child in Finish).
class IndicatorImpl {
 public:
  virtual ~IndicatorImpl() = default;
  // The kinds Child() reads (person and allocation are always given).
  virtual std::vector<Kind> Kinds() const = 0;
  virtual void Child(const Context& ctx, const ChildView& v, Emitter& out) = 0;
  virtual void Finish(const Context& /*ctx*/, Emitter& /*out*/) {}
  // The timescale rules whose obligations Child() reads through Context::Obligations: only
  // the rules some indicator of a computation declares are computed (none by default).
  virtual RuleSet Rules() const { return {}; }
  // The children may be split into shares computed on several threads, each share by its
  // own object of the indicator; before Finish the runner hands every other share's object
  // to the first one's Absorb. An indicator keeping state across children for Finish must
  // add `other`'s state to its own here (the others are then discarded). The test
  // comparing one share with two (indicator_parallel_test.cc) catches one that does not.
  virtual void Absorb(IndicatorImpl& /*other*/) {}
};

struct IndicatorDef {
  IndicatorInfo info;
  std::function<std::unique_ptr<IndicatorImpl>()> make;
};

// A dimension groups cases: key 0 is "not known / not applicable" for every dimension.
// A key may read only the child's rows and the case's day, worker and category (not its
// record or value, nor the indicator): the runner computes each child's keys once per
// distinct (day, worker, category) and gives them to every case that shares them.
struct DimensionInput {
  const Context& ctx;
  const ChildView* child;  // null for cases about no child
  const Case& c;
  const IndicatorInfo& indicator;
};
struct DimensionDef {
  std::string_view id;      // "team", "age_band", ... (public, like indicator ids)
  std::string_view title;   // "Team (allocated at the date)"
  std::vector<Kind> kinds;  // kinds its Key reads
  std::function<int32_t(const DimensionInput&)> key;
  std::function<std::string(const Context&, const IndicatorInfo&, int32_t key)> label;
  // For rates: the population of a group (nullopt: the dimension has no population, e.g.
  // team, and a rate by it shows counts only).
  std::function<std::optional<double>(const Population&, int32_t key)> population;
  // Whether the dimension applies to an indicator (none: to every one); an indicator it does
  // not apply to gets no cells for it.
  std::function<bool(const IndicatorInfo&)> applies = nullptr;
};

// Everything registered: the built-in areas and any other file listed in
// indicator_areas.inc. Ids are unique (checked when the registry is built).
class IndicatorRegistry {
 public:
  void Add(IndicatorDef def);
  void AddDimension(DimensionDef def);
  std::span<const IndicatorDef> indicators() const { return indicators_; }
  std::span<const DimensionDef> dimensions() const { return dimensions_; }
  const IndicatorDef* Find(std::string_view id) const;
  const DimensionDef* FindDimension(std::string_view id) const;
  // Up to `n` ids nearest to `id` (edit distance, then shared prefix): for error messages.
  std::vector<std::string_view> Closest(std::string_view id, size_t n = 3) const;

 private:
  std::vector<IndicatorDef> indicators_;
  std::vector<DimensionDef> dimensions_;
};

const IndicatorRegistry& Indicators();

// Helper for an indicator with no state: `fn` is called for each child. `rules`: the
// timescale rules whose obligations `fn` reads (Context::Obligations), if any.
template <typename Fn>
IndicatorDef SimpleIndicator(IndicatorInfo info, std::vector<Kind> kinds, Fn fn,
                             RuleSet rules = {}) {
  struct Impl : IndicatorImpl {
    std::vector<Kind> kinds;
    Fn fn;
    RuleSet rules;
    Impl(std::vector<Kind> k, Fn f, RuleSet r) : kinds(std::move(k)), fn(std::move(f)), rules(r) {}
    std::vector<Kind> Kinds() const override { return kinds; }
    RuleSet Rules() const override { return rules; }
    void Child(const Context& ctx, const ChildView& v, Emitter& out) override { fn(ctx, v, out); }
  };
  return IndicatorDef{info,
                      [kinds, fn, rules] { return std::make_unique<Impl>(kinds, fn, rules); }};
}

// What an indicator sees while computing.
struct Context {
  const Projection* projection = nullptr;
  const Timescales* timescales = nullptr;
  Date as_at;
  std::vector<Period> periods;  // each already cut at the as-at date
  int32_t first_day = 0;        // earliest period start
  int32_t last_day = 0;         // latest period end

  // The periods containing `day` (flows): calls fn(period index).
  template <typename F>
  void PeriodsOf(int32_t day, F&& fn) const {
    if (day == kNoDay || day < first_day || day > last_day) return;
    for (size_t i = 0; i < periods.size(); ++i)
      if (day >= periods[i].start.days() && day <= periods[i].end.days()) fn(i);
  }
  // The child's obligations as at the as-at date (computed once per child, on first use).
  // Only the rules the computation's indicators declare (IndicatorImpl::Rules) are
  // computed; an indicator that calls it declares its rules (their kinds are given).
  const std::vector<Obligation>& Obligations(const ChildView& v) const;
  RuleSet rules;  // the union of the indicators' Rules()

  // Obligations towards no child (workers' supervision, adults' complaints), computed once.
  const std::vector<Obligation>& OrganisationObligations() const;

  // Caches: the last child's obligations, and the organisation's.
  mutable int32_t obligations_child = -1;
  mutable std::vector<Obligation> obligations;
  mutable bool organisation_done = false;
  mutable std::vector<Obligation> organisation;
};

// Where an indicator puts its cases.
class Emitter {
 public:
  // A flow: a case dated `day`, placed in every period containing it.
  void Flow(int32_t day, int32_t record, bool numerator, float value = 0, uint16_t category = 0);
  // A stock: a case in period `period` (dated at its end).
  void Stock(size_t period, int32_t record, bool numerator, float value = 0, uint16_t category = 0);
  // A case in period `period` dated `day` (when the indicator places it itself).
  void At(size_t period, int32_t day, int32_t record, bool numerator, float value = 0,
          uint16_t category = 0);
  // A case about no child (workers, adults' complaints), for Finish or per child.
  void Worker(size_t period, int32_t worker, int32_t record, int32_t day, bool numerator,
              float value = 0, uint16_t category = 0);

  // For the runner: where the next cases go and whose they are.
  void Bind(const Context* ctx, int32_t child, std::vector<Case>* cases) {
    ctx_ = ctx;
    child_ = child;
    cases_ = cases;
  }

 private:
  const Context* ctx_ = nullptr;
  int32_t child_ = 0;
  std::vector<Case>* cases_ = nullptr;
};

// An indicator of timeliness read from a timescale rule's obligations (so the deadline is
// defined once, in the rule): a case per obligation, in the numerator when met on or
// before its due date.
enum class Timeliness : uint8_t {
  kMetInPeriod,  // obligations met in the period (the DfE's "completed in the year")
  kDueInPeriod,  // obligations that fell due in the period (met, late, lapsed or overdue)
};
IndicatorDef TimelinessIndicator(IndicatorInfo info, Rule rule, Timeliness how);

// Helpers shared by the indicator files.
bool OpenOn(int32_t day, int32_t start, int32_t end);  // start <= day <= end (end empty: open)
int32_t WorkingDaysBetween(const Context& ctx, int32_t from, int32_t to);  // -1 if unknown
// The child's worker and team allocated on `day`: a social worker first, else a personal
// adviser, else any allocation (as the timescale rules choose the responsible worker);
// the team from the allocation, else the worker's team. Both 0 when none.
void AllocatedOn(const Context& ctx, const ChildView& v, int32_t day, int32_t* worker,
                 int32_t* team);
// Age in whole years on `day`; kNoInt when the birth date is not known; negative when
// unborn on that day.
int32_t AgeOn(const ChildView& v, int32_t day);

}  // namespace journey::engine
