// Generating a synthetic council straight into a store, through the bulk path.
#pragma once

#include "store/store.h"
#include "synth/generator.h"

namespace journey::synth {

struct LoadReport {
  Summary summary;
  double seconds = 0;
};

// Generates the council(s) of `opt` into `store` in one all-or-nothing bulk load, and
// records the options in the store's meta (generator.*). Refuses a store that already
// holds people.
// With a `planter`, the children pass through it first (synth/plant.h: known errors).
class Planter;
Result<LoadReport> GenerateIntoStore(const Options& opt, store::Store& store,
                                     Planter* planter = nullptr);

}  // namespace journey::synth
