#include "engine/due.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace journey::engine {
namespace {
constexpr int32_t kGone = std::numeric_limits<int32_t>::min();  // refreshed since
}  // namespace

DueIndex::DueIndex(const Projection& projection, const Timescales& timescales, Date as_at)
    : projection_(projection), timescales_(timescales), as_at_(as_at) {
  projection_.ForEachChild(Timescales::Kinds(), [&](const ChildView& v) { Compute(v.child, v); });
  building_ = false;
  Compute(0, projection_.View(0));
}

void DueIndex::Compute(int32_t child, const ChildView& view) {
  scratch_.clear();
  if (child == 0) {
    timescales_.ForOrganisation(projection_, as_at_, &scratch_);
  } else {
    timescales_.ForChild(projection_, view, as_at_, &scratch_, /*open_only=*/true);
  }
  std::vector<Obligation>* list = nullptr;
  int32_t list_worker = 0;
  for (const Obligation& o : scratch_) {
    if (!o.is_open()) continue;
    if (!list || o.worker != list_worker) {
      list = &by_worker_[o.worker];
      list_worker = o.worker;
    }
    list->push_back(o);
    ++open_;
  }
  if (child == 0 || !list) return;
  if (building_) {
    child_worker_.emplace_back(child, list_worker);  // ForEachChild: ascending children
  } else {
    refreshed_worker_[child] = list_worker;
  }
}

void DueIndex::Unlink(int32_t child) {
  auto drop = [&](std::vector<Obligation>& v) {
    const size_t before = v.size();
    v.erase(
        std::remove_if(v.begin(), v.end(), [&](const Obligation& o) { return o.child == child; }),
        v.end());
    open_ -= before - v.size();
  };
  if (child == 0) {
    for (auto& [w, v] : by_worker_) drop(v);
    return;
  }
  auto it = refreshed_worker_.find(child);
  if (it != refreshed_worker_.end()) {
    drop(by_worker_[it->second]);
    refreshed_worker_.erase(it);
    return;
  }
  auto first = std::lower_bound(child_worker_.begin(), child_worker_.end(),
                                std::make_pair(child, std::numeric_limits<int32_t>::min()));
  if (first == child_worker_.end() || first->first != child || first->second == kGone) return;
  drop(by_worker_[first->second]);
  first->second = kGone;
}

void DueIndex::Refresh(int32_t child) {
  Unlink(child);
  Compute(child, projection_.View(child));
}

void DueIndex::Collect(const std::vector<Obligation>& obs, const DueQuery& q,
                       std::vector<DueItem>* out) const {
  for (const Obligation& o : obs) {
    if (q.scope == DueScope::kWorker && o.worker != q.id) continue;
    if (q.scope == DueScope::kTeam && o.team != q.id) continue;
    const int32_t days = o.due - as_at_.days();
    if (days > q.within_days && days >= 0) continue;
    out->push_back(DueItem{o, days});
  }
}

std::vector<DueItem> DueIndex::List(const DueQuery& q) const {
  std::vector<DueItem> out;
  if (q.scope == DueScope::kWorker) {
    auto it = by_worker_.find(q.id);
    if (it != by_worker_.end()) Collect(it->second, q, &out);
  } else {
    for (const auto& [worker, obs] : by_worker_) Collect(obs, q, &out);
  }
  std::sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) {
    return std::tie(a.days_to_due, a.obligation.child, a.obligation.rule, a.obligation.from_id) <
           std::tie(b.days_to_due, b.obligation.child, b.obligation.rule, b.obligation.from_id);
  });
  return out;
}

std::vector<int32_t> DueIndex::Workers() const {
  std::vector<int32_t> out;
  for (const auto& [w, obs] : by_worker_)
    if (w != 0 && !obs.empty()) out.push_back(w);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace journey::engine
