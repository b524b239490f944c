#include "server/directory.h"

#include <algorithm>

#include "model/kinds.h"

namespace journey::server {
namespace {

using engine::kNoDay;
using model::Kind;

// Kinds whose presence means the child has been known to children's social care.
constexpr Kind kKnownKinds[] = {Kind::kContact, Kind::kReferral, Kind::kAllocation,
                                Kind::kClaPeriod, Kind::kEarlyHelpEpisode};

const std::vector<int32_t> kNone;

bool Within(int32_t d, int32_t start, int32_t end) {
  return start != kNoDay && start <= d && (end == kNoDay || d <= end);
}

// Open on `today`: a row of `kind` whose [start, end] (inclusive, end open) holds today.
bool OpenOn(const engine::ChildView& v, Kind kind, std::string_view start, std::string_view end,
            int32_t today) {
  const engine::KindTable& t = v.table(kind);
  const int s = model::FieldOf(kind, start), e = model::FieldOf(kind, end);
  const engine::RowRange r = v.of(kind);
  for (uint32_t i = r.begin; i < r.end; ++i)
    if (Within(today, t.Day(s, i), t.Day(e, i))) return true;
  return false;
}

std::string PersonName(const model::Record& p) {
  std::string first = p.GetString("first_name").value_or("");
  std::string last = p.GetString("last_name").value_or("");
  if (first.empty()) return last;
  return last.empty() ? first : first + " " + last;
}

int32_t DayOr(std::optional<Date> d) { return d ? d->days() : kNoDay; }

std::vector<Allocation> CurrentAllocations(const std::vector<model::Record>& allocs,
                                           int32_t today) {
  std::vector<Allocation> out;
  for (const model::Record& a : allocs) {
    if (!Within(today, DayOr(a.GetDate("start_date")), DayOr(a.GetDate("end_date")))) continue;
    out.push_back(Allocation{static_cast<int32_t>(a.GetInt("worker_id").value_or(0)),
                             static_cast<int32_t>(a.GetInt("team_id").value_or(0)),
                             a.GetString("role").value_or("")});
  }
  return out;
}

void Erase(std::vector<int32_t>& v, int32_t x) {
  v.erase(std::remove(v.begin(), v.end(), x), v.end());
}

}  // namespace

Status Directory::Load(store::Store& store, const engine::Projection& p, Date today) {
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kTeam, [&](const model::Record& r) {
    TeamEntry t;
    t.id = static_cast<int32_t>(r.id);
    t.name = r.GetString("name").value_or("");
    t.service = r.GetString("service").value_or("");
    t.parent = static_cast<int32_t>(r.GetInt("parent_team_id").value_or(0));
    team_index_[t.id] = teams_.size();
    teams_.push_back(std::move(t));
    return Status::Ok();
  }));
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kWorker, [&](const model::Record& r) {
    WorkerEntry w;
    w.id = static_cast<int32_t>(r.id);
    w.name = r.GetString("name").value_or("");
    w.role = r.GetString("role").value_or("");
    w.team = static_cast<int32_t>(r.GetInt("team_id").value_or(0));
    workers_[w.id] = std::move(w);
    return Status::Ok();
  }));
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kPerson, [&](const model::Record& r) {
    ChildEntry c;
    c.id = static_cast<int32_t>(r.id);
    c.name = PersonName(r);
    c.la_child_id = r.GetString("la_child_id").value_or("");
    c.birth_day = DayOr(r.GetDate("birth_date"));
    children_[c.id] = std::move(c);
    return Status::Ok();
  }));
  for (Kind k : kKnownKinds) {
    p.table(k).ForEachRun([&](int32_t child, engine::RowRange) {
      auto it = children_.find(child);
      if (it != children_.end()) it->second.known = true;
    });
  }
  for (const model::KindDef& d : model::AllKinds()) {
    if (!d.restricted) continue;
    p.table(d.kind).ForEachRun([&](int32_t child, engine::RowRange) {
      auto it = children_.find(child);
      if (it != children_.end()) it->second.restricted = true;
    });
  }
  // Current allocations, from the projection (dates and references are projected).
  const engine::KindTable& a = p.table(Kind::kAllocation);
  const int f_worker = model::FieldOf(Kind::kAllocation, "worker_id"),
            f_team = model::FieldOf(Kind::kAllocation, "team_id"),
            f_role = model::FieldOf(Kind::kAllocation, "role"),
            f_start = model::FieldOf(Kind::kAllocation, "start_date"),
            f_end = model::FieldOf(Kind::kAllocation, "end_date");
  a.ForEachRun([&](int32_t child, engine::RowRange r) {
    auto it = children_.find(child);
    if (it == children_.end()) return;
    for (uint32_t i = r.begin; i < r.end; ++i) {
      if (!Within(today.days(), a.Day(f_start, i), a.Day(f_end, i))) continue;
      it->second.current.push_back(Allocation{a.Ref(f_worker, i), a.Ref(f_team, i),
                                              std::string(a.CodeText(f_role, a.Code(f_role, i)))});
    }
  });
  for (auto& [id, c] : children_) {
    if (c.known) known_.push_back(id);
    for (const Allocation& al : c.current) {
      if (al.worker) of_worker_[al.worker].push_back(id);
      if (al.team) of_team_[al.team].push_back(id);
    }
  }
  std::sort(known_.begin(), known_.end());
  for (auto& [w, v] : of_worker_) std::sort(v.begin(), v.end());
  for (auto& [t, v] : of_team_) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  return Status::Ok();
}

void Directory::Unlink(const ChildEntry& e) {
  for (const Allocation& al : e.current) {
    if (al.worker) Erase(of_worker_[al.worker], e.id);
    if (al.team) Erase(of_team_[al.team], e.id);
  }
}

void Directory::SetChild(ChildEntry e) {
  auto it = children_.find(e.id);
  if (it != children_.end()) Unlink(it->second);
  const bool was_known = it != children_.end() && it->second.known;
  for (const Allocation& al : e.current) {
    auto add = [&](std::vector<int32_t>& v) {
      auto pos = std::lower_bound(v.begin(), v.end(), e.id);
      if (pos == v.end() || *pos != e.id) v.insert(pos, e.id);
    };
    if (al.worker) add(of_worker_[al.worker]);
    if (al.team) add(of_team_[al.team]);
  }
  if (e.known && !was_known)
    known_.insert(std::lower_bound(known_.begin(), known_.end(), e.id), e.id);
  if (!e.known && was_known) Erase(known_, e.id);
  const int32_t id = e.id;
  children_[id] = std::move(e);
}

void Directory::Refresh(const model::ChildRecords& child, Date today) {
  ChildEntry e;
  e.id = static_cast<int32_t>(child.child_id);
  const auto& persons = child.of(Kind::kPerson);
  if (!persons.empty()) {
    e.name = PersonName(persons[0]);
    e.la_child_id = persons[0].GetString("la_child_id").value_or("");
    e.birth_day = DayOr(persons[0].GetDate("birth_date"));
  }
  for (Kind k : kKnownKinds) e.known = e.known || !child.of(k).empty();
  for (const model::KindDef& d : model::AllKinds())
    if (d.restricted && !child.of(d.kind).empty()) e.restricted = true;
  e.current = CurrentAllocations(child.of(Kind::kAllocation), today.days());
  SetChild(std::move(e));
}

const ChildEntry* Directory::Child(int64_t id) const {
  auto it = children_.find(static_cast<int32_t>(id));
  return it == children_.end() ? nullptr : &it->second;
}
const WorkerEntry* Directory::Worker(int64_t id) const {
  auto it = workers_.find(static_cast<int32_t>(id));
  return it == workers_.end() ? nullptr : &it->second;
}
const TeamEntry* Directory::Team(int64_t id) const {
  auto it = team_index_.find(static_cast<int32_t>(id));
  return it == team_index_.end() ? nullptr : &teams_[it->second];
}
std::vector<const WorkerEntry*> Directory::Workers() const {
  std::vector<const WorkerEntry*> out;
  for (const auto& [id, w] : workers_) out.push_back(&w);
  std::sort(out.begin(), out.end(),
            [](const WorkerEntry* a, const WorkerEntry* b) { return a->id < b->id; });
  return out;
}

const std::vector<int32_t>& Directory::OfWorker(int32_t worker) const {
  auto it = of_worker_.find(worker);
  return it == of_worker_.end() ? kNone : it->second;
}
const std::vector<int32_t>& Directory::OfTeam(int32_t team) const {
  auto it = of_team_.find(team);
  return it == of_team_.end() ? kNone : it->second;
}

std::string_view Directory::LegalStatus(const engine::ChildView& v, Date today) {
  const int32_t d = today.days();
  if (OpenOn(v, Kind::kClaPeriod, "start_date", "end_date", d)) return "looked_after";
  if (OpenOn(v, Kind::kCpPlan, "start_date", "end_date", d)) return "child_protection";
  if (OpenOn(v, Kind::kPathwayPlan, "start_date", "end_date", d) ||
      OpenOn(v, Kind::kStayingPut, "start_date", "end_date", d))
    return "care_leaver";
  if (OpenOn(v, Kind::kReferral, "referral_date", "closure_date", d)) return "child_in_need";
  return "closed";
}

}  // namespace journey::server
