// One synthetic council: its code, its child population, the span of its history, and
// the ids the generator hands out (unique per kind across every council of a run).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "model/kinds.h"
#include "synth/generator.h"

namespace journey::synth {

// Streams of the random number generator (see Rng::For): one per purpose, so adding a
// purpose never changes what another draws.
enum Stream : uint64_t {
  kStreamWorkforce = 1,
  kStreamHouseholds = 2,
  kStreamOrgEvents = 3,
  kStreamChildren = 100,     // + council index
  kStreamArrivals = 100000,  // + council index: unaccompanied children arriving
};

struct Council {
  int index = 0;
  std::string la_code;
  int64_t population = 0;  // children aged 0-17 on as_at
  Date as_at;              // the last day of history
  Date history_start;      // as_at less the years of history, plus a day
  Date cohort_start;       // the earliest birth simulated (care leavers to 21 included)
  int64_t born = 0;        // children simulated from birth
  int64_t arrivals = 0;    // unaccompanied asylum-seeking children simulated from arrival
  Date arrivals_start;     // the earliest arrival simulated
  uint64_t seed = 0;
};

// The councils of a run: the population split evenly, codes from opt.la_code upward
// (skipping past 999 into 400-799, a range the DfE has never used for a council).
Result<std::vector<Council>> PlanCouncils(const Options& opt);

class IdCounters {
 public:
  IdCounters() { next_.fill(1); }
  int64_t Next(model::Kind k) { return next_[static_cast<size_t>(k)]++; }
  // Reserves n consecutive ids, returning the first.
  int64_t Take(model::Kind k, int64_t n) {
    const int64_t first = next_[static_cast<size_t>(k)];
    next_[static_cast<size_t>(k)] += n;
    return first;
  }

 private:
  std::array<int64_t, model::kKindCount> next_;
};

}  // namespace journey::synth
