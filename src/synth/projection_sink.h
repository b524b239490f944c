// A generator sink that builds the engine's projection as the children stream in (for
// benchmarks and tests at scale: no store, no record kept after its child).
#pragma once

#include "engine/projection_builder.h"
#include "synth/generator.h"

namespace journey::synth {

class ProjectionSink final : public Sink {
 public:
  Status Organisation(model::Record r) override { return builder.Organisation(r); }
  Status Child(model::ChildRecords c) override { return builder.Child(c); }
  engine::ProjectionBuilder builder;
};

}  // namespace journey::synth
