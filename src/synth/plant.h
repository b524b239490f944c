// Planted errors: known SSDA903 validation errors put into a generated council's record, so
// that a test (and a council trying Journey) can check the validator finds each one, naming
// the right rule and child. Kept apart from the generator: a Sink that wraps another, alters
// a few children on their way through, and lists what it planted.
#pragma once

#include <string>
#include <vector>

#include "synth/generator.h"

namespace journey::synth {

struct Planted {
  std::string rule;   // the DfE's 903 rule code the export will break
  std::string child;  // la_child_id (903 CHILD)
  std::string what;   // what was altered, for people reading the list
};

class Planter final : public Sink {
 public:
  // Plants up to `count` errors into children who appear in the SSDA903 return of
  // `collection_year` (2026 = 2025/26), one per child, the kinds planted least so far
  // first (plant.cc lists them); every other record passes through unaltered. A plant that would
  // make the child's record break the record's own rules (model::ValidateChild) is not made.
  Planter(int count, int collection_year) : count_(count), year_(collection_year) {}
  void SetInner(Sink* inner) { inner_ = inner; }

  Status Organisation(model::Record r) override { return inner_->Organisation(std::move(r)); }
  Status Child(model::ChildRecords c) override;

  const std::vector<Planted>& planted() const { return planted_; }
  // The list as CSV: rule,child,what.
  std::string Csv() const;

 private:
  bool Plant(model::ChildRecords& c, size_t kind);
  Sink* inner_ = nullptr;
  int count_, year_;
  std::vector<Planted> planted_;
};

}  // namespace journey::synth
