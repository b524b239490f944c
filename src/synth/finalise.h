// From a simulated life to the records a council would hold: what happened before the
// history begins is dropped (unless still open then), what would happen after `as_at` is
// cut off (open periods stay open), references are closed over what remains, and every
// record gets its council-wide id.
#pragma once

#include <vector>

#include "model/validate.h"
#include "synth/builder.h"
#include "synth/council.h"

namespace journey::synth {

// Finalises one group of people simulated together (a child and any baby of hers),
// appending to `out` one ChildRecords for each person who has anything on record.
void Finalise(const Council& c, std::vector<ChildBuilder>& people, IdCounters& ids,
              std::vector<model::ChildRecords>* out);

}  // namespace journey::synth
