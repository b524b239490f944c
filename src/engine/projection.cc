#include "engine/projection.h"

#include <fmt/format.h>

#include <cmath>
#include <numeric>

#include "model/codes.h"

namespace journey::engine {
namespace {

using model::FieldType;
using model::Record;
using model::Value;

Result<int32_t> ToInt32(int64_t v, const Record& r, std::string_view what) {
  if (v < std::numeric_limits<int32_t>::min() + 1 || v > std::numeric_limits<int32_t>::max()) {
    return Err(
        OutOfRange(fmt::format("{}: {} {} is outside what the engine holds (-2^31 to "
                               "2^31-1)",
                               r.Label(), what, v)));
  }
  return static_cast<int32_t>(v);
}

// The value a record sorts by within its run: its date field (day number, or minutes for a
// date-time, scaled to compare across both), empty dates first.
int64_t SortKey(const Record& r, int field) {
  if (field < 0) return 0;
  const Value& v = r.Get(field);
  if (const Date* d = std::get_if<Date>(&v)) return int64_t{d->days()} * 1440;
  if (const auto* t = std::get_if<model::DateTime>(&v)) return t->minutes;
  return std::numeric_limits<int64_t>::min();
}

}  // namespace

KindTable::KindTable(Kind kind) : kind_(kind) {
  const model::KindDef& def = model::Def(kind);
  columns_.resize(def.fields.size());
  for (size_t i = 0; i < def.fields.size(); ++i) {
    const model::FieldDef& f = def.fields[i];
    Column& c = columns_[i];
    c.type = f.type;
    if (f.type == FieldType::kCode) {
      c.code_text.push_back("");
      if (const model::CodeList* list = model::CodeLists::Default().Find(f.code_list)) {
        for (const model::CodeEntry& e : list->entries()) {
          c.code_index.emplace(e.code, static_cast<uint16_t>(c.code_text.size()));
          c.code_text.push_back(e.code);
        }
      }
    }
  }
  if (def.date_index >= 0) {
    FieldType t = def.field(def.date_index).type;
    if (t == FieldType::kDate || t == FieldType::kDateTime) sort_field_ = def.date_index;
  }
}

size_t KindTable::Bytes() const {
  // Capacities, not sizes: the headroom left for updates is memory held too.
  size_t b = ids_.capacity() * sizeof(int32_t) + runs_.capacity() * sizeof(Run) +
             overlay_.size() * (sizeof(Run) + sizeof(int32_t) + 2 * sizeof(void*));
  for (const Column& c : columns_) {
    b += c.i32.capacity() * 4 + c.u16.capacity() * 2 + c.i8.capacity() + c.f32.capacity() * 4;
  }
  return b;
}

RowRange KindTable::RowsOf(int32_t child) const {
  if (!overlay_.empty()) {
    auto it = overlay_.find(child);
    if (it != overlay_.end()) return {it->second.begin, it->second.begin + it->second.count};
  }
  auto it = std::lower_bound(runs_.begin(), runs_.end(), child,
                             [](const Run& r, int32_t c) { return r.child < c; });
  if (it == runs_.end() || it->child != child) return {};
  return {it->begin, it->begin + it->count};
}

uint16_t KindTable::CodeValue(int field, std::string_view code) const {
  const Column& c = col(field);
  auto it = c.code_index.find(std::string(code));
  return it == c.code_index.end() ? 0 : it->second;
}

std::string_view KindTable::CodeText(int field, uint16_t value) const {
  const Column& c = col(field);
  return value < c.code_text.size() ? c.code_text[value] : std::string_view();
}

Status KindTable::AppendRow(const Record& r) {
  JOURNEY_ASSIGN_OR_RETURN(int32_t id, ToInt32(r.id, r, "id"));
  ids_.push_back(id);
  const model::KindDef& def = model::Def(kind_);
  for (size_t i = 0; i < columns_.size(); ++i) {
    Column& c = columns_[i];
    const Value& v = i < r.values.size() ? r.values[i] : Value{};
    const bool null = model::IsNull(v);
    switch (c.type) {
      case FieldType::kText:
        break;  // not projected
      case FieldType::kDate:
        c.i32.push_back(null ? kNoDay : std::get<Date>(v).days());
        break;
      case FieldType::kDateTime: {
        if (null) {
          c.i32.push_back(kNoInt);
          break;
        }
        JOURNEY_ASSIGN_OR_RETURN(
            int32_t m, ToInt32(std::get<model::DateTime>(v).minutes, r, def.fields[i].name));
        c.i32.push_back(m);
        break;
      }
      case FieldType::kInt:
      case FieldType::kRef: {
        if (null) {
          c.i32.push_back(c.type == FieldType::kRef ? 0 : kNoInt);
          break;
        }
        JOURNEY_ASSIGN_OR_RETURN(int32_t x, ToInt32(std::get<int64_t>(v), r, def.fields[i].name));
        c.i32.push_back(x);
        break;
      }
      case FieldType::kBool:
        c.i8.push_back(null ? -1 : std::get<bool>(v) ? 1 : 0);
        break;
      case FieldType::kDecimal:
        c.f32.push_back(null ? NAN : static_cast<float>(std::get<double>(v)));
        break;
      case FieldType::kCode: {
        if (null) {
          c.u16.push_back(0);
          break;
        }
        const std::string& code = std::get<std::string>(v);
        auto it = c.code_index.find(code);
        if (it == c.code_index.end()) {
          // Undo the partial row so the table stays rectangular.
          ids_.pop_back();
          for (size_t j = 0; j < i; ++j) {
            Column& p = columns_[j];
            switch (p.type) {
              case FieldType::kText:
                break;
              case FieldType::kCode:
                p.u16.pop_back();
                break;
              case FieldType::kBool:
                p.i8.pop_back();
                break;
              case FieldType::kDecimal:
                p.f32.pop_back();
                break;
              default:
                p.i32.pop_back();
            }
          }
          return InvalidArgument(fmt::format("{}: field {}: \"{}\" is not in code list {}",
                                             r.Label(), def.fields[i].name, code,
                                             def.fields[i].code_list));
        }
        c.u16.push_back(it->second);
        break;
      }
    }
  }
  return Status::Ok();
}

Status KindTable::AppendRun(int32_t child, std::vector<const Record*>& recs, bool loaded) {
  std::stable_sort(recs.begin(), recs.end(), [&](const Record* a, const Record* b) {
    int64_t ka = SortKey(*a, sort_field_), kb = SortKey(*b, sort_field_);
    return ka != kb ? ka < kb : a->id < b->id;
  });
  const uint32_t begin = static_cast<uint32_t>(ids_.size());
  for (const Record* r : recs) JOURNEY_RETURN_IF_ERROR(AppendRow(*r));
  const uint32_t count = static_cast<uint32_t>(recs.size());
  live_rows_ += count;
  if (loaded) {
    if (child == 0 && !runs_.empty() && runs_.front().child > 0) {
      // Records about no child after the children (a streamed build): their run still
      // comes first, wherever its rows are.
      if (count) runs_.insert(runs_.begin(), Run{0, begin, count});
      return Status::Ok();
    }
    if (!runs_.empty() && runs_.back().child >= child) {
      return Internal(
          fmt::format("{}: child {} loaded out of order", model::KindName(kind_), child));
    }
    if (count) runs_.push_back(Run{child, begin, count});
  } else {
    Replace(child, begin, count);
  }
  return Status::Ok();
}

void KindTable::Replace(int32_t child, uint32_t begin, uint32_t count) {
  auto it = overlay_.find(child);
  if (it != overlay_.end()) {
    live_rows_ -= it->second.count;
    it->second = Run{child, begin, count};
    return;
  }
  auto base = std::lower_bound(runs_.begin(), runs_.end(), child,
                               [](const Run& r, int32_t c) { return r.child < c; });
  if (base != runs_.end() && base->child == child) {
    live_rows_ -= base->count;
    base->count = 0;  // tombstone: the rows stay until compaction
  }
  overlay_.emplace(child, Run{child, begin, count});
}

void KindTable::Compact() {
  std::vector<Run> all;
  all.reserve(runs_.size() + overlay_.size());
  ForEachRun([&](int32_t child, RowRange r) { all.push_back(Run{child, r.begin, r.size()}); });
  std::sort(all.begin(), all.end(), [](const Run& a, const Run& b) { return a.child < b.child; });
  std::vector<int32_t> ids;
  ids.reserve(live_rows_);
  std::vector<Column> cols = columns_;
  for (Column& c : cols) {
    c.i32.clear();
    c.u16.clear();
    c.i8.clear();
    c.f32.clear();
  }
  std::vector<Run> runs;
  runs.reserve(all.size());
  for (const Run& r : all) {
    runs.push_back(Run{r.child, static_cast<uint32_t>(ids.size()), r.count});
    ids.insert(ids.end(), ids_.begin() + r.begin, ids_.begin() + r.begin + r.count);
    for (size_t i = 0; i < cols.size(); ++i) {
      const Column& from = columns_[i];
      Column& to = cols[i];
      auto copy = [&](auto& dst, const auto& src) {
        if (!src.empty())
          dst.insert(dst.end(), src.begin() + r.begin, src.begin() + r.begin + r.count);
      };
      copy(to.i32, from.i32);
      copy(to.u16, from.u16);
      copy(to.i8, from.i8);
      copy(to.f32, from.f32);
    }
  }
  ids_ = std::move(ids);
  columns_ = std::move(cols);
  runs_ = std::move(runs);
  overlay_.clear();
  FitWithHeadroom();
}

void KindTable::FitWithHeadroom() {
  // Appending to a full column copies it whole (milliseconds for a large table): leave room
  // for a sixteenth more rows, so updates rarely meet a reallocation before a compaction.
  const size_t room = ids_.size() + ids_.size() / 16 + 256;
  auto fit = [&](auto& v) {
    if (v.empty()) return;  // a column of another width, or an empty table
    std::remove_reference_t<decltype(v)> w;
    w.reserve(room);
    w.assign(v.begin(), v.end());
    v.swap(w);
  };
  fit(ids_);
  runs_.shrink_to_fit();
  for (Column& c : columns_) {
    fit(c.i32);
    fit(c.u16);
    fit(c.i8);
    fit(c.f32);
  }
}

Projection::Projection() {
  tables_.reserve(model::kKindCount);
  for (int k = 0; k < model::kKindCount; ++k) tables_.emplace_back(static_cast<Kind>(k));
}

Result<Projection> Projection::Load(store::Store& store) {
  Projection p;
  for (int k = 0; k < model::kKindCount; ++k) {
    KindTable& t = p.tables_[static_cast<size_t>(k)];
    std::vector<Record> pending;
    std::vector<const Record*> ptrs;
    int64_t child = -1;
    auto flush = [&]() -> Status {
      if (pending.empty()) return Status::Ok();
      ptrs.clear();
      for (const Record& r : pending) ptrs.push_back(&r);
      Status s = t.AppendRun(static_cast<int32_t>(child), ptrs, /*loaded=*/true);
      pending.clear();
      return s;
    };
    JOURNEY_RETURN_IF_ERROR(store.Scan(static_cast<Kind>(k), [&](const Record& r) -> Status {
      if (r.child_id != child) {
        JOURNEY_RETURN_IF_ERROR(flush());
        JOURNEY_ASSIGN_OR_RETURN(int32_t c, ToInt32(r.child_id, r, "child"));
        child = c;
      }
      pending.push_back(r);
      return Status::Ok();
    }));
    JOURNEY_RETURN_IF_ERROR(flush());
    t.FitWithHeadroom();
  }
  JOURNEY_RETURN_IF_ERROR(p.LoadOrganisationIndex());
  return p;
}

Result<Projection> Projection::FromText(const model::JourneyText& text) {
  Projection p;
  std::vector<const Record*> ptrs;
  for (int k = 0; k < model::kKindCount; ++k) {
    ptrs.clear();
    for (const Record& r : text.organisation)
      if (r.kind == static_cast<Kind>(k)) ptrs.push_back(&r);
    if (!ptrs.empty())
      JOURNEY_RETURN_IF_ERROR(p.tables_[static_cast<size_t>(k)].AppendRun(0, ptrs, true));
  }
  // One pass over the children (std::map: ascending id); each table gets its runs in order.
  for (const auto& [id, child] : text.children) {
    for (int k = 0; k < model::kKindCount; ++k) {
      const std::vector<Record>& recs = child.of(static_cast<Kind>(k));
      if (recs.empty()) continue;
      ptrs.clear();
      for (const Record& r : recs) ptrs.push_back(&r);
      JOURNEY_ASSIGN_OR_RETURN(int32_t c, ToInt32(id, *ptrs[0], "child"));
      JOURNEY_RETURN_IF_ERROR(p.tables_[static_cast<size_t>(k)].AppendRun(c, ptrs, true));
    }
  }
  for (KindTable& t : p.tables_) t.FitWithHeadroom();
  JOURNEY_RETURN_IF_ERROR(p.LoadOrganisationIndex());
  return p;
}

Status Projection::ReplaceChild(const model::ChildRecords& child) {
  if (child.child_id <= 0 || child.child_id > std::numeric_limits<int32_t>::max()) {
    return InvalidArgument(fmt::format(
        "replacing a child in the projection: child id {} must be 1 to 2^31-1", child.child_id));
  }
  const int32_t c = static_cast<int32_t>(child.child_id);
  std::vector<const Record*> ptrs;
  for (int k = 0; k < model::kKindCount; ++k) {
    KindTable& t = tables_[static_cast<size_t>(k)];
    ptrs.clear();
    for (const Record& r : child.of(static_cast<Kind>(k))) ptrs.push_back(&r);
    if (ptrs.empty() && t.RowsOf(c).empty()) continue;  // nothing before, nothing now
    JOURNEY_RETURN_IF_ERROR(t.AppendRun(c, ptrs, /*loaded=*/false));
  }
  replaced_.insert(c);
  return Status::Ok();
}

Status Projection::ReplaceOrganisation(Kind kind, const std::vector<Record>& records) {
  std::vector<const Record*> ptrs;
  for (const Record& r : records) ptrs.push_back(&r);
  JOURNEY_RETURN_IF_ERROR(tables_[static_cast<size_t>(kind)].AppendRun(0, ptrs, false));
  replaced_.insert(0);
  if (kind == Kind::kWorker) return LoadOrganisationIndex();
  return Status::Ok();
}

void Projection::CompactIfWorthIt() {
  bool any_overlay = false;
  for (KindTable& t : tables_) {
    // Amortised: a compaction copies the table once per (rows / 8) rows replaced.
    if (t.dead_rows() > 64 && t.dead_rows() > t.live_rows() / 8) t.Compact();
    any_overlay = any_overlay || !t.overlay_.empty();
  }
  if (!any_overlay) replaced_.clear();
}

void Projection::CompactAll() {
  for (KindTable& t : tables_)
    if (t.dead_rows() > 0 || !t.overlay_.empty()) t.Compact();
  replaced_.clear();
}

ChildView Projection::View(int32_t child) const {
  ChildView v;
  v.child = child;
  v.tables = &tables_;
  for (int k = 0; k < model::kKindCount; ++k)
    v.rows[k] = tables_[static_cast<size_t>(k)].RowsOf(child);
  return v;
}

std::vector<int32_t> Projection::SplitChildren(size_t n) const {
  std::vector<int32_t> ids;
  ids.reserve(table(Kind::kPerson).live_rows());
  table(Kind::kPerson).ForEachRun([&](int32_t child, RowRange) {
    if (child != 0) ids.push_back(child);
  });
  if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
  std::vector<int32_t> bounds = {1};
  for (size_t i = 1; i < n; ++i) {
    const size_t at = ids.size() * i / n;
    bounds.push_back(at < ids.size() ? std::max(ids[at], bounds.back()) : bounds.back());
  }
  bounds.push_back(std::numeric_limits<int32_t>::max());
  return bounds;
}

Status Projection::LoadOrganisationIndex() {
  worker_team_.clear();
  const KindTable& w = table(Kind::kWorker);
  const int team = model::FieldOf(Kind::kWorker, "team_id");
  w.ForEachRun([&](int32_t, RowRange r) {
    for (uint32_t i = r.begin; i < r.end; ++i) worker_team_[w.id(i)] = w.Ref(team, i);
  });
  return Status::Ok();
}

int32_t Projection::WorkerTeam(int32_t worker) const {
  auto it = worker_team_.find(worker);
  return it == worker_team_.end() ? 0 : it->second;
}

ProjectionStats Projection::Stats() const {
  ProjectionStats s;
  for (const KindTable& t : tables_) {
    s.records += t.live_rows();
    s.dead += t.dead_rows();
    s.bytes += t.Bytes();
  }
  return s;
}

}  // namespace journey::engine
