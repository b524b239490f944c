#include "synth/generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <thread>

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
  if (first.size() != 3 ||
      !std::all_of(first.begin(), first.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return Err(InvalidArgument(fmt::format(
        "la_code \"{}\" is not a 3-digit council code (use 990-999, which the DfE does not use)",
        first)));
  }
  const int base = std::stoi(first);
  int code = base + k;
  if (code > 999) {
    code = 400 + (code - 1000);  // 400-799: no council has a code there
    if (code > 799)
      return Err(InvalidArgument(fmt::format("too many councils for codes from {}", first)));
  }
  return fmt::format("{:03}", code);
}

}  // namespace

Result<std::vector<Council>> PlanCouncils(const Options& opt) {
  if (opt.children < 1)
    return Err(InvalidArgument(fmt::format("children {} must be at least 1", opt.children)));
  if (opt.years < 1 || opt.years > 30)
    return Err(InvalidArgument(fmt::format("years {} must be from 1 to 30", opt.years)));
  if (opt.councils < 1 || opt.councils > opt.children || opt.councils > 500)
    return Err(InvalidArgument(fmt::format(
        "councils {} must be from 1 to 500 and no more than the children", opt.councils)));
  if (opt.as_at < Date::FromYmd(2000, 1, 1) || opt.as_at > Date::FromYmd(2040, 12, 31))
    return Err(
        InvalidArgument(fmt::format("as-at date {} must be from 2000-01-01 to 2040-12-31 (the "
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
    c.history_start = HistoryStart(opt);
    c.cohort_start = opt.as_at.AddYears(-std::max(18 + opt.years, 22)).AddDays(1);
    c.seed = opt.seed;
    // A steady population: as many born each year as there are children in a year of age.
    const double births_per_day = static_cast<double>(c.population) / (18 * year);
    c.born = std::llround(births_per_day * static_cast<double>(c.as_at - c.cohort_start));
    c.arrivals_start = c.history_start.AddYears(-5);
    c.arrivals =
        std::llround(static_cast<double>(c.population) / 10000.0 * P().uasc_arrivals_per_10k *
                     static_cast<double>(c.as_at - c.arrivals_start) / year);
    out.push_back(std::move(c));
  }
  return out;
}

Status CheckOptions(const Options& opt) {
  auto plan = PlanCouncils(opt);
  return plan ? Status::Ok() : plan.error();
}

namespace {

// Children are simulated in batches: in parallel (each child depends only on the seed and
// its index), then numbered and handed to the sink in order on the calling thread.
constexpr int64_t kBatch = 256;

Status GenerateChildren(const Council& c, const Workforce& w, int threads, IdCounters& ids,
                        Sink& sink) {
  const int64_t total = c.born + c.arrivals;
  std::vector<Group> groups(static_cast<size_t>(std::max<int64_t>(1, std::min(kBatch, total))));
  std::vector<model::ChildRecords> out;
  const int64_t batch = threads <= 1 ? 1 : kBatch;  // one at a time keeps memory hot
  for (int64_t first = 0; first < total; first += batch) {
    const int64_t n = std::min(batch, total - first);
    auto simulate = [&](int64_t j) {
      const int64_t i = first + j;
      const bool arrival = i >= c.born;
      Life life(c, w, arrival ? i - c.born : i, arrival);
      life.Run();
      Group& g = groups[static_cast<size_t>(j)];
      g.people.clear();
      if (!life.people().front().empty()) Decide(c, life.people(), &g);
    };
    if (threads <= 1) {
      for (int64_t j = 0; j < n; ++j) simulate(j);
    } else {
      std::vector<std::thread> pool;
      for (int t = 1; t < threads; ++t)
        pool.emplace_back([&, t] {
          for (int64_t j = t; j < n; j += threads) simulate(j);
        });
      for (int64_t j = 0; j < n; j += threads) simulate(j);
      for (std::thread& th : pool) th.join();
    }
    for (int64_t j = 0; j < n; ++j) {
      Group& g = groups[static_cast<size_t>(j)];
      if (g.empty()) continue;
      out.clear();
      Renumber(g, ids, &out);
      for (model::ChildRecords& child : out) JOURNEY_RETURN_IF_ERROR(sink.Child(std::move(child)));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Summary> Generate(const Options& opt, Sink& sink) {
  JOURNEY_ASSIGN_OR_RETURN(std::vector<Council> councils, PlanCouncils(opt));
  Summary summary;
  CountingSink counter(sink, summary);
  IdCounters ids;
  const int threads = opt.threads > 0
                          ? opt.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (const Council& c : councils) {
    const Workforce w = Workforce::Plan(c, ids);
    JOURNEY_RETURN_IF_ERROR(w.Emit(c, counter, ids));
    JOURNEY_RETURN_IF_ERROR(GenerateChildren(c, w, threads, ids, counter));
  }
  return summary;
}

}  // namespace journey::synth
