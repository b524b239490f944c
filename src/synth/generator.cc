#include "synth/generator.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "synth/finalise.h"
#include "synth/life.h"
#include "synth/params.h"
#include "synth/workforce.h"

namespace journey::synth {
namespace {

// Counts what passes through on its way to the caller's sink.
class CountingSink final : public Sink {
 public:
  CountingSink(Sink& next, Summary& s) : next_(next), s_(s) {}
  Status Organisation(model::Record r) override {
    ++s_.records;
    ++s_.by_kind[static_cast<size_t>(r.kind)];
    return next_.Organisation(std::move(r));
  }
  Status Child(model::ChildRecords c) override {
    for (int k = 0; k < model::kKindCount; ++k) {
      const int64_t n = static_cast<int64_t>(c.by_kind[static_cast<size_t>(k)].size());
      s_.by_kind[static_cast<size_t>(k)] += n;
      s_.records += n;
    }
    return next_.Child(std::move(c));
  }

 private:
  Sink& next_;
  Summary& s_;
};

Result<std::string> CouncilCode(const std::string& first, int k) {
  if (first.size() != 3 || !std::all_of(first.begin(), first.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return Err(InvalidArgument(fmt::format(
        "la_code \"{}\" is not a 3-digit council code (use 990-999, which the DfE does not use)", first)));
  }
  const int base = std::stoi(first);
  int code = base + k;
  if (code > 999) {
    code = 400 + (code - 1000);  // 400-799: no council has a code there
    if (code > 799) return Err(InvalidArgument(fmt::format("too many councils for codes from {}", first)));
  }
  return fmt::format("{:03}", code);
}

}  // namespace

Result<std::vector<Council>> PlanCouncils(const Options& opt) {
  if (opt.children < 1) return Err(InvalidArgument(fmt::format("children {} must be at least 1", opt.children)));
  if (opt.years < 1 || opt.years > 30)
    return Err(InvalidArgument(fmt::format("years {} must be from 1 to 30", opt.years)));
  if (opt.councils < 1 || opt.councils > opt.children || opt.councils > 500)
    return Err(InvalidArgument(fmt::format("councils {} must be from 1 to 500 and no more than the children",
                                           opt.councils)));
  if (opt.as_at < Date::FromYmd(2000, 1, 1) || opt.as_at > Date::FromYmd(2040, 12, 31))
    return Err(InvalidArgument(fmt::format("as-at date {} must be from 2000-01-01 to 2040-12-31 (the "
                                           "working-day calendar's years)",
                                           opt.as_at.ToIso())));
  std::vector<Council> out;
  const double year = 365.2425;
  for (int k = 0; k < opt.councils; ++k) {
    Council c;
    c.index = k;
    JOURNEY_ASSIGN_OR_RETURN(c.la_code, CouncilCode(opt.la_code, k));
    c.population = opt.children / opt.councils + (k < opt.children % opt.councils ? 1 : 0);
    c.as_at = opt.as_at;
    c.history_start = opt.as_at.AddYears(-opt.years).AddDays(1);
    c.cohort_start = opt.as_at.AddYears(-std::max(18 + opt.years, 22)).AddDays(1);
    c.seed = opt.seed;
    // A steady population: as many born each year as there are children in a year of age.
    const double births_per_day = static_cast<double>(c.population) / (18 * year);
    c.born = std::llround(births_per_day * static_cast<double>(c.as_at - c.cohort_start));
    c.arrivals_start = c.history_start.AddYears(-5);
    c.arrivals = std::llround(static_cast<double>(c.population) / 10000.0 * P().uasc_arrivals_per_10k *
                              static_cast<double>(c.as_at - c.arrivals_start) / year);
    out.push_back(std::move(c));
  }
  return out;
}

Status CheckOptions(const Options& opt) {
  auto plan = PlanCouncils(opt);
  return plan ? Status::Ok() : plan.error();
}

Result<Summary> Generate(const Options& opt, Sink& sink) {
  JOURNEY_ASSIGN_OR_RETURN(std::vector<Council> councils, PlanCouncils(opt));
  Summary summary;
  CountingSink counter(sink, summary);
  IdCounters ids;
  std::vector<model::ChildRecords> out;
  for (const Council& c : councils) {
    const Workforce w = Workforce::Plan(c, ids);
    JOURNEY_RETURN_IF_ERROR(w.Emit(c, counter, ids));
    const int64_t total = c.born + c.arrivals;
    for (int64_t i = 0; i < total; ++i) {
      const bool arrival = i >= c.born;
      Life life(c, w, arrival ? i - c.born : i, arrival);
      life.Run();
      if (life.people().front().records().size() == 0) continue;  // nothing on record
      out.clear();
      Finalise(c, life.people(), ids, &out);
      for (model::ChildRecords& child : out) JOURNEY_RETURN_IF_ERROR(counter.Child(std::move(child)));
    }
  }
  return summary;
}

}  // namespace journey::synth
