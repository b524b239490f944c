// From a simulated life to the records a council would hold: what happened before the
// history begins is dropped (unless still open then), what would happen after `as_at` is
// cut off (open periods stay open), references are closed over what remains, and every
// record gets its council-wide id.
#pragma once

#include <array>
#include <span>
#include <vector>

#include "model/validate.h"
#include "synth/builder.h"
#include "synth/council.h"

namespace journey::synth {

// Which of a person's records are kept: one flag per record, kinds in order.
struct Keep {
  std::array<uint32_t, model::kKindCount + 1> offset{};
  std::vector<uint8_t> flag;
  bool emitted = false;
  uint8_t& at(int k, size_t i) { return flag[offset[static_cast<size_t>(k)] + i]; }
  bool of(Kind k, int64_t local_id) const {
    return flag[offset[static_cast<size_t>(k)] + static_cast<size_t>(local_id - 1)] != 0;
  }
};

// The people simulated together (a child and any baby of hers), their records taken from
// the builders, and what is kept of each.
struct Group {
  std::vector<model::ChildRecords> people;
  std::vector<Keep> keep;
  bool empty() const { return people.empty(); }
};

// First phase, on any thread: cuts each person's records to the history and closes their
// references. Depends on nothing but the group, so groups can be decided in parallel.
void Decide(const Council& c, std::span<ChildBuilder> people, Group* out);

// Second phase, in the order of generation: gives the kept records their ids (from `ids`,
// so it must run in order) and rewrites references. Appends one ChildRecords for each
// person with anything on record.
void Renumber(Group& group, IdCounters& ids, std::vector<model::ChildRecords>* out);

}  // namespace journey::synth
