// The write half of every return's import (SSDA903, CIN census): each child's record as it
// would be is checked as the store will check it, then everything is written in one
// transaction, or nothing is. A return's reader and builder produce an ImportPlan; this
// applies it.
#pragma once

#include <string>
#include <unordered_map>

#include "returns/ssda903_build.h"
#include "returns/ssda903_import.h"
#include "store/store.h"

namespace journey::returns {

// New records carry negative placeholder ids; checking (here, and the Annex A import's
// re-export) uses large positive stand-ins that rise in the order the placeholders were
// made, as the ids the store gives will.
int64_t StandInId(int64_t id);
void StandInIds(model::Record& r);  // the record's id, child and references

// The children on record by their la_child_id, for a builder's StoreView: each child is
// loaded when the builder asks; a failed load is kept in `error`. `store` must outlive it.
struct StoreChildren {
  std::unordered_map<std::string, int64_t> people;
  Status error;
  StoreView view;
};
Status LookUpChildren(store::Store& store, StoreChildren& out);

// Moves plan.problems into rep.problems and adds each child that the record's own rules
// would refuse (naming the child and `ImportChild::where`). With no problem, writes the plan:
// the bulk path when the store held no people and no child of the plan is on record, one
// Store::Write of what changed otherwise. Fills rep's counts.
Status ApplyImport(store::Store& store, ImportPlan& plan, bool store_had_no_people,
                   const store::Actor& actor, ImportReport& rep);

}  // namespace journey::returns
