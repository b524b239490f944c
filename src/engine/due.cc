#include "engine/due.h"

#include <algorithm>
#include <tuple>

namespace journey::engine {

DueIndex::DueIndex(const Projection& projection, const Timescales& timescales, Date as_at)
    : projection_(projection), timescales_(timescales), as_at_(as_at) {
  projection_.ForEachChild(Timescales::Kinds(),
                           [&](const ChildView& v) { Compute(v.child, v); });
  Refresh(0);
}

void DueIndex::Compute(int32_t child, const ChildView& view) {
  scratch_.clear();
  if (child == 0) {
    timescales_.ForOrganisation(projection_, as_at_, &scratch_);
  } else {
    timescales_.ForChild(projection_, view, as_at_, &scratch_);
  }
  std::vector<Obligation> open;
  for (const Obligation& o : scratch_)
    if (o.is_open()) open.push_back(o);
  if (open.empty()) return;
  open_ += open.size();
  by_child_[child] = std::move(open);
  Link(child);
}

void DueIndex::Link(int32_t child) {
  for (const Obligation& o : by_child_[child]) {
    worker_children_[o.worker].insert(child);
    team_children_[o.team].insert(child);
  }
}

void DueIndex::Unlink(int32_t child) {
  auto it = by_child_.find(child);
  if (it == by_child_.end()) return;
  for (const Obligation& o : it->second) {
    auto w = worker_children_.find(o.worker);
    if (w != worker_children_.end()) w->second.erase(child);
    auto t = team_children_.find(o.team);
    if (t != team_children_.end()) t->second.erase(child);
  }
  open_ -= it->second.size();
  by_child_.erase(it);
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
  if (q.scope == DueScope::kCouncil) {
    for (const auto& [child, obs] : by_child_) Collect(obs, q, &out);
  } else {
    const auto& index = q.scope == DueScope::kWorker ? worker_children_ : team_children_;
    auto it = index.find(q.id);
    if (it != index.end()) {
      for (int32_t child : it->second) Collect(by_child_.at(child), q, &out);
    }
  }
  std::sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) {
    return std::tie(a.days_to_due, a.obligation.child, a.obligation.rule, a.obligation.from_id) <
           std::tie(b.days_to_due, b.obligation.child, b.obligation.rule, b.obligation.from_id);
  });
  return out;
}

std::vector<int32_t> DueIndex::Workers() const {
  std::vector<int32_t> out;
  for (const auto& [w, children] : worker_children_)
    if (w != 0 && !children.empty()) out.push_back(w);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace journey::engine
