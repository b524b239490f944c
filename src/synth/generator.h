// Synthetic councils: a deterministic generator of realistic children's journeys, for
// development, tests, the demo and benchmarks. Same options, same data, on any machine.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "model/record.h"
#include "model/validate.h"

namespace journey::synth {

struct Options {
  int64_t children = 160000;  // child population (0-17) of the council(s)
  int years = 6;              // years of history, ending on `as_at`
  uint64_t seed = 1;
  Date as_at = Date::FromYmd(2026, 3, 31);  // the last day of history
  int councils = 1;                         // >1 splits the population into that many councils
  std::string la_code = "990";  // first council's code (synthetic: 990 upward is unused by DfE)
  // Threads simulating children: 1 (the default) runs on the calling thread; 0 means one
  // per core. The records, their order and their ids are the same whatever the number,
  // and the sink is only ever called from the calling thread.
  int threads = 1;
};

// The first day of the generated history: records are made only for what happens in the
// years ending on `as_at`, so this is the generated record's horizon (store/record_span.h).
inline Date HistoryStart(const Options& opt) { return opt.as_at.AddYears(-opt.years).AddDays(1); }

// Receives the generated records: for each council, its organisation records (teams,
// workers, adopter households, staff supervision, allegations about no child on record)
// first, then one child at a time with their whole journey (a baby follows her mother).
class Sink {
 public:
  virtual ~Sink() = default;
  virtual Status Organisation(model::Record r) = 0;
  virtual Status Child(model::ChildRecords c) = 0;
};

// Keeps everything it is given, in order (tests and benchmarks).
class MemorySink final : public Sink {
 public:
  Status Organisation(model::Record r) override {
    org.push_back(std::move(r));
    return Status::Ok();
  }
  Status Child(model::ChildRecords c) override {
    children.push_back(std::move(c));
    return Status::Ok();
  }
  std::vector<model::Record> org;
  std::vector<model::ChildRecords> children;
};

struct Summary {
  int64_t records = 0;
  std::vector<int64_t> by_kind = std::vector<int64_t>(model::kKindCount);
};

// Checks the options without generating anything: InvalidArgument naming the option at fault.
Status CheckOptions(const Options& opt);

// Generates the council(s) described by `opt` into `sink`: for each council its
// organisation records, then its children one at a time. Ids are assigned here, unique per
// kind across the run, from 1; each child's id is its person id. Deterministic: the same
// options give the same records in the same order.
Result<Summary> Generate(const Options& opt, Sink& sink);

}  // namespace journey::synth
