// Builds a projection from records streamed one child at a time (the synthetic generator at
// England's scale), keeping no record once it is in the columns: memory is the columns' and
// one child's records, never the whole record as generic values.
#pragma once

#include <vector>

#include "engine/projection.h"
#include "model/record.h"

namespace journey::engine {

class ProjectionBuilder {
 public:
  // Records about no child (teams, workers, ...): at any time, before or after children.
  Status Organisation(const model::Record& r);
  // One child's whole record; children come in ascending id order.
  Status Child(const model::ChildRecords& child);
  // The projection, its columns trimmed to their rows plus the headroom for updates.
  Result<Projection> Finish() &&;

 private:
  Projection p_;
  std::vector<model::Record> organisation_;  // few: appended as child 0's runs at the end
  std::vector<const model::Record*> ptrs_;
};

}  // namespace journey::engine
