// Due and overdue work as at a date: for a worker, a team or the whole council, the open
// obligations (not met, episode still open) that are overdue, and those due within the
// next N days. What a social worker opens each morning; a manager's exception report.
//
// A DueIndex holds every open obligation as at its date, grouped by the worker responsible.
// After a write, Refresh(child) recomputes that child alone.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "engine/projection.h"
#include "engine/timescales.h"

namespace journey::engine {

enum class DueScope { kWorker, kTeam, kCouncil };

struct DueItem {
  Obligation obligation;
  // Calendar days from the as-at date to the due date: negative when overdue (-3: three
  // days overdue), 0 when due today.
  int32_t days_to_due = 0;
  bool overdue() const { return days_to_due < 0; }
};

struct DueQuery {
  DueScope scope = DueScope::kCouncil;
  int32_t id = 0;  // the worker or team; unused for the council
  // Open obligations due within this many days of the as-at date are listed beside the
  // overdue ones (0: due today; negative: overdue only).
  int within_days = 7;
};

class DueIndex {
 public:
  // Computes every open obligation as at `as_at` (both must outlive the index).
  DueIndex(const Projection& projection, const Timescales& timescales, Date as_at);

  Date as_at() const { return as_at_; }
  size_t open_obligations() const { return open_; }

  // After Projection::ReplaceChild(child) (or ReplaceOrganisation: child 0).
  void Refresh(int32_t child);

  // Overdue first (most overdue first), then by due date; ties by child and rule.
  std::vector<DueItem> List(const DueQuery& q) const;

  // Every worker with an open obligation.
  std::vector<int32_t> Workers() const;

 private:
  void Compute(int32_t child, const ChildView& view);
  void Unlink(int32_t child);
  void Collect(const std::vector<Obligation>& obs, const DueQuery& q,
               std::vector<DueItem>* out) const;

  const Projection& projection_;
  const Timescales& timescales_;
  Date as_at_;
  size_t open_ = 0;
  std::vector<Obligation> scratch_;
  // Open obligations by responsible worker (0: unallocated), in no set order. A child's
  // obligations all share one worker (the child's allocation), recorded in child_worker_;
  // child 0's (workers' supervision) are spread over the workers.
  std::unordered_map<int32_t, std::vector<Obligation>> by_worker_;
  // The worker holding each child's obligations: (child, worker) pairs in child order as
  // first computed, and a small map for children refreshed since (hashing every child on
  // the first computation costs more than the rules).
  std::vector<std::pair<int32_t, int32_t>> child_worker_;
  std::unordered_map<int32_t, int32_t> refreshed_worker_;
  bool building_ = true;
};

}  // namespace journey::engine
