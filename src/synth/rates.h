// What a synthetic council should look like, and how it does: the published figures for
// England the generator is calibrated to (each with its source, all approximate), and the
// same figures measured from a council's records, for `journey stats` and the tests.
//
// Flows (referrals, starts, adoptions, ...) are counted over the last complete DfE
// collection year (1 April to 31 March) ending on or before the as-at date; stocks (on a
// plan, looked after, ...) on its last day; rates are per 10,000 children in the population.
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "model/record.h"

namespace journey::synth {

struct Target {
  std::string_view key;
  std::string_view label;
  double value;           // the published figure (approximate), or 0 when informational
  std::string_view unit;  // "per 10k", "%", "episodes", "cases"
  double tolerance;       // how far the generated figure may be from it at the default size
  bool relative;          // tolerance as a fraction of `value` (else in the unit itself)
  std::string_view source;
};

std::span<const Target> Targets();

struct RateRow {
  const Target* target;
  double value = 0;
  double numerator = 0, denominator = 0;
  bool within() const;  // within the target's tolerance (true when informational)
};

// Collects the facts the rates need from records of any kind, in any order (as a store
// scan or the generator delivers them), then computes every rate.
class RateCollector {
 public:
  RateCollector(Date as_at, int64_t population);
  void Add(const model::Record& r);
  std::vector<RateRow> Compute() const;
  Date year_start() const { return year_start_; }
  Date year_end() const { return year_end_; }

 private:
  struct Impl;
  Date year_start_, year_end_, as_at_;
  int64_t population_;
  std::shared_ptr<Impl> impl_;
};

}  // namespace journey::synth
