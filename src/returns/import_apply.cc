// Applying an import plan to a store, all or nothing (shared by every return's import).
#include "returns/import_apply.h"

#include <fmt/format.h>

#include <set>
#include <unordered_map>

namespace journey::returns {

using model::ChildRecords;
using model::Kind;
using model::Record;

int64_t StandInId(int64_t id) { return id < 0 ? (int64_t{1} << 50) - id : id; }

void StandInIds(Record& r) {
  r.id = StandInId(r.id);
  r.child_id = StandInId(r.child_id);
  const model::KindDef& d = model::Def(r.kind);
  for (size_t f = 0; f < d.fields.size(); ++f)
    if (d.fields[f].type == model::FieldType::kRef)
      if (auto* v = std::get_if<int64_t>(&r.values[f])) *v = StandInId(*v);
}

Status LookUpChildren(store::Store& store, StoreChildren& out) {
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kPerson, [&](const Record& r) {
    if (auto id = r.GetString("la_child_id")) out.people.emplace(*id, r.id);
    return Status::Ok();
  }));
  out.view.child = [&store, &out](const std::string& child) -> std::optional<ChildRecords> {
    auto it = out.people.find(child);
    if (it == out.people.end()) return std::nullopt;
    auto c = store.LoadChild(it->second);
    if (!c) {
      out.error = c.error();
      return std::nullopt;
    }
    return *c;
  };
  return Status::Ok();
}

namespace {

// Each record's own fields, then the child's cross-record rules, as the store will check
// them; a refusal becomes a problem naming the child and their Header row.
void Check(const ImportChild& ic, std::vector<Problem>& problems) {
  ChildRecords c = ic.want;
  c.child_id = StandInId(c.child_id);
  for (auto& recs : c.by_kind)
    for (Record& r : recs) {
      StandInIds(r);
      if (Status st = model::ValidateRecord(r); !st.ok()) {
        problems.push_back(
            Problem{ic.where, 0, "", "", fmt::format("child {}: {}", ic.child, st.message())});
        return;
      }
    }
  if (Status st = model::ValidateChild(c); !st.ok())
    problems.push_back(
        Problem{ic.where, 0, "", "", fmt::format("child {}: {}", ic.child, st.message())});
}

bool Same(const Record& a, const Record& b) { return a.values == b.values; }

// A fresh store: every record is new, so the bulk path takes them with ids of our own.
Status LoadBulk(store::Store& store, ImportPlan& plan, const store::Actor& actor,
                ImportReport& rep) {
  std::vector<int64_t> next(model::kKindCount, 0);
  for (const model::KindDef& d : model::AllKinds()) {
    if (d.child_link == model::ChildLink::kRequired) continue;
    JOURNEY_RETURN_IF_ERROR(store.Scan(d.kind, [&](const Record& r) {
      next[static_cast<size_t>(d.kind)] = std::max(next[static_cast<size_t>(d.kind)], r.id);
      return Status::Ok();
    }));
  }
  std::unordered_map<int64_t, int64_t> ids;  // placeholder -> id (placeholders are unique)
  auto assign = [&](Record& r) {
    if (r.id < 0) ids[r.id] = ++next[static_cast<size_t>(r.kind)];
  };
  for (Record& r : plan.organisation) assign(r);
  for (ImportChild& ic : plan.children)
    for (auto& recs : ic.want.by_kind)
      for (Record& r : recs) assign(r);
  auto remap = [&](Record& r) {
    if (r.id < 0) r.id = ids.at(r.id);
    if (r.child_id < 0) r.child_id = ids.at(r.child_id);
    const model::KindDef& d = model::Def(r.kind);
    for (size_t f = 0; f < d.fields.size(); ++f)
      if (d.fields[f].type == model::FieldType::kRef)
        if (auto* v = std::get_if<int64_t>(&r.values[f]); v && *v < 0) *v = ids.at(*v);
  };
  JOURNEY_ASSIGN_OR_RETURN(auto bulk, store.BeginBulk(actor));
  for (Record& r : plan.organisation) {
    remap(r);
    JOURNEY_RETURN_IF_ERROR(bulk->Add(std::move(r)));
  }
  for (ImportChild& ic : plan.children) {
    ic.want.child_id = ids.at(ic.want.child_id);
    for (auto& recs : ic.want.by_kind)
      for (Record& r : recs) remap(r);
    ++rep.children_added;
    JOURNEY_RETURN_IF_ERROR(bulk->AddChild(std::move(ic.want)));
  }
  rep.records_written = bulk->records();
  return bulk->Commit();
}

// A store with children already on record: one write of what changed.
Status LoadChanges(store::Store& store, ImportPlan& plan, const store::Actor& actor,
                   ImportReport& rep) {
  store::WriteBatch batch;
  for (Record& r : plan.organisation) batch.Put(std::move(r));
  for (ImportChild& ic : plan.children) {
    const size_t before = batch.size();
    std::set<std::pair<Kind, int64_t>> kept;
    for (const auto& recs : ic.want.by_kind) {
      for (const Record& r : recs) {
        if (r.id < 0) {
          batch.Put(r);
          continue;
        }
        kept.insert({r.kind, r.id});
        const Record* old = ic.have ? ic.have->Find(r.kind, r.id) : nullptr;
        if (!old || !Same(*old, r)) batch.Put(r);
      }
    }
    if (ic.have) {
      for (const auto& recs : ic.have->by_kind)
        for (const Record& r : recs)
          if (!kept.count({r.kind, r.id})) batch.Delete(r.kind, r.id);
      if (batch.size() > before) ++rep.children_updated;
    } else {
      ++rep.children_added;
    }
  }
  rep.records_written = static_cast<int64_t>(batch.size());
  if (batch.empty()) return Status::Ok();
  auto w = store.Write(actor, batch);
  return w ? Status::Ok() : w.error();
}

}  // namespace

Status ApplyImport(store::Store& store, ImportPlan& plan, bool store_had_no_people,
                   const store::Actor& actor, ImportReport& rep) {
  rep.problems = std::move(plan.problems);
  if (rep.problems.empty()) {
    for (const ImportChild& ic : plan.children) Check(ic, rep.problems);
    for (Record r : plan.organisation)
      if (StandInIds(r); !model::ValidateRecord(r).ok())
        rep.problems.push_back(Problem{"", 0, "", "", model::ValidateRecord(r).message()});
  }
  if (!rep.problems.empty()) return Status::Ok();
  bool fresh = store_had_no_people;
  for (const ImportChild& ic : plan.children) fresh &= !ic.have;
  return fresh ? LoadBulk(store, plan, actor, rep) : LoadChanges(store, plan, actor, rep);
}

}  // namespace journey::returns
