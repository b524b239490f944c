// What the server keeps in memory about people and the workforce, to answer "who may see
// this child" and to list children without going to the database: each child's name and
// identifiers (the projection holds no text), current allocations (worker and team),
// whether the record is restricted, and the names of workers and teams.
//
// Built once at start-up from the store and the projection; after a write, Refresh(child)
// updates that child alone (as Projection::ReplaceChild and DueIndex::Refresh do).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "engine/projection.h"
#include "store/store.h"

namespace journey::server {

struct Allocation {
  int32_t worker = 0;
  int32_t team = 0;
  std::string role;  // allocation_role: SW, PA, IRO, EHW
};

struct ChildEntry {
  int32_t id = 0;
  std::string name;
  std::string la_child_id;
  int32_t birth_day = engine::kNoDay;
  bool restricted = false;          // has a record of a restricted kind (e.g. an adoption)
  bool known = false;               // has been known to children's social care
  std::vector<Allocation> current;  // allocations current today
};

struct WorkerEntry {
  int32_t id = 0;
  std::string name;
  std::string role;  // worker_role code
  int32_t team = 0;
};

struct TeamEntry {
  int32_t id = 0;
  std::string name;
  std::string service;
  int32_t parent = 0;
};

class Directory {
 public:
  Status Load(store::Store& store, const engine::Projection& p, Date today);
  // After a write to one child (their current records, as Store::LoadChild returns them).
  void Refresh(const model::ChildRecords& child, Date today);

  const ChildEntry* Child(int64_t id) const;
  const WorkerEntry* Worker(int64_t id) const;
  const TeamEntry* Team(int64_t id) const;
  const std::vector<TeamEntry>& Teams() const { return teams_; }
  std::vector<const WorkerEntry*> Workers() const;  // ascending id

  // Children known to social care, ascending id.
  const std::vector<int32_t>& KnownChildren() const { return known_; }
  // Children with a current allocation to the worker / the team.
  const std::vector<int32_t>& OfWorker(int32_t worker) const;
  const std::vector<int32_t>& OfTeam(int32_t team) const;

  // Legal status as at `today`, from the projection: looked_after, child_protection,
  // care_leaver, child_in_need or closed.
  static std::string_view LegalStatus(const engine::ChildView& v, Date today);

 private:
  void SetChild(ChildEntry e);
  void Unlink(const ChildEntry& e);

  std::unordered_map<int32_t, ChildEntry> children_;
  std::vector<int32_t> known_;
  std::unordered_map<int32_t, WorkerEntry> workers_;
  std::vector<TeamEntry> teams_;
  std::unordered_map<int32_t, size_t> team_index_;
  std::unordered_map<int32_t, std::vector<int32_t>> of_worker_, of_team_;
};

}  // namespace journey::server
