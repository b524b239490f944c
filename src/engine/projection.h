// The engine's in-memory columnar projection of the store.
//
// Per record kind, one table of fixed-width columns (after DuckDB's vectors): dates as
// int32 day numbers, date-times as int32 minutes, codes as uint16 (1 + the index in the
// field's code list), references and whole numbers as int32, booleans as int8, decimals
// as float. Free text is not projected: no rule or indicator counts words.
//
// Rows are grouped in runs, one run per (child, kind), each run sorted by the kind's date
// field and then id. Runs loaded together (from a store scan or a compaction) are in child
// order and found by binary search. Replacing one child after a write appends the child's
// new rows at the end of each table and turns the old run into a tombstone (count 0):
// nothing is shifted and nothing else is reloaded. CompactIfWorthIt() re-sorts a table and
// drops its tombstones when they are worth it; the owner calls it off the write path.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "model/journey_text.h"
#include "model/record.h"
#include "model/validate.h"
#include "store/store.h"

namespace journey::engine {

using model::Kind;

inline constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();  // empty date
inline constexpr int32_t kNoInt = std::numeric_limits<int32_t>::min();  // empty int/datetime

// A half-open range of rows in one table.
struct RowRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin == end; }
  uint32_t size() const { return end - begin; }
};

class KindTable {
 public:
  explicit KindTable(Kind kind);

  Kind kind() const { return kind_; }
  uint32_t live_rows() const { return live_rows_; }
  uint32_t dead_rows() const { return static_cast<uint32_t>(ids_.size()) - live_rows_; }
  size_t Bytes() const;  // memory held by rows and runs (capacities, headroom included)

  // The rows of one child (child 0: the records about no child, e.g. workers).
  RowRange RowsOf(int32_t child) const;

  int32_t id(uint32_t row) const { return ids_[row]; }
  // Typed reads by field index (model::FieldOf). Empty values: kNoDay, kNoInt, code 0,
  // bool -1, ref 0, decimal NaN.
  int32_t Day(int field, uint32_t row) const { return col(field).i32[row]; }
  int32_t Minutes(int field, uint32_t row) const { return col(field).i32[row]; }
  int32_t Ref(int field, uint32_t row) const { return col(field).i32[row]; }
  int32_t Int(int field, uint32_t row) const { return col(field).i32[row]; }
  uint16_t Code(int field, uint32_t row) const { return col(field).u16[row]; }
  int8_t Bool(int field, uint32_t row) const { return col(field).i8[row]; }
  float Dec(int field, uint32_t row) const { return col(field).f32[row]; }
  bool IsTrue(int field, uint32_t row) const { return Bool(field, row) == 1; }

  // The code value for a field's code (e.g. visit_type "CP"); 0 when not in the list.
  uint16_t CodeValue(int field, std::string_view code) const;
  std::string_view CodeText(int field, uint16_t value) const;  // "" for 0

  // Calls fn(child, RowRange) for every live run: loaded runs in child order first, then
  // replaced children (in no set order).
  template <typename F>
  void ForEachRun(F&& fn) const {
    for (const Run& r : runs_)
      if (r.count) fn(r.child, RowRange{r.begin, r.begin + r.count});
    for (const auto& [child, r] : overlay_)
      if (r.count) fn(child, RowRange{r.begin, r.begin + r.count});
  }

 private:
  friend class Projection;
  friend class ProjectionBuilder;
  struct Column {
    model::FieldType type;
    std::vector<int32_t> i32;
    std::vector<uint16_t> u16;
    std::vector<int8_t> i8;
    std::vector<float> f32;
    std::unordered_map<std::string, uint16_t> code_index;  // code -> value
    std::vector<std::string_view> code_text;               // value -> code
  };
  struct Run {
    int32_t child;
    uint32_t begin;
    uint32_t count;
  };
  const Column& col(int field) const { return columns_[static_cast<size_t>(field)]; }

  // Appends one child's records as a new run (sorted here); `loaded` runs must come in
  // ascending child order, except child 0's (records about no child), which may come last.
  Status AppendRun(int32_t child, std::vector<const model::Record*>& recs, bool loaded);
  Status AppendRow(const model::Record& r);
  void Replace(int32_t child, uint32_t begin, uint32_t count);
  void Compact();
  void FitWithHeadroom();  // capacity: the rows plus room for updates before growing

  Kind kind_;
  int sort_field_ = -1;  // the kind's date field, when it is a date or date-time
  std::vector<Column> columns_;
  std::vector<int32_t> ids_;
  std::vector<Run> runs_;                     // loaded runs, ascending child
  std::unordered_map<int32_t, Run> overlay_;  // replaced children
  uint32_t live_rows_ = 0;
};

// One child's rows in every table, as handed to rules.
struct ChildView {
  int32_t child = 0;
  const std::vector<KindTable>* tables = nullptr;
  RowRange rows[model::kKindCount];
  const KindTable& table(Kind k) const { return (*tables)[static_cast<size_t>(k)]; }
  RowRange of(Kind k) const { return rows[static_cast<size_t>(k)]; }
};

struct ProjectionStats {
  uint64_t records = 0;  // live rows
  uint64_t dead = 0;     // tombstoned rows awaiting compaction
  uint64_t bytes = 0;
  double BytesPerRecord() const { return records ? static_cast<double>(bytes) / records : 0; }
};

class Projection {
 public:
  Projection();

  // Streams every kind from the store (Store::Scan) into the tables.
  static Result<Projection> Load(store::Store& store);
  // From parsed journey text (golden tests, fixtures).
  static Result<Projection> FromText(const model::JourneyText& text);

  // After a write: replaces one child's rows in every kind with `child`'s current records
  // (as Store::LoadChild returns them). Other children are untouched.
  Status ReplaceChild(const model::ChildRecords& child);
  // Replaces the records about no child (workers, teams, ...) of one kind.
  Status ReplaceOrganisation(Kind kind, const std::vector<model::Record>& records);

  const KindTable& table(Kind k) const { return tables_[static_cast<size_t>(k)]; }
  const std::vector<KindTable>& tables() const { return tables_; }

  // The view of one child (binary search per kind; for one child after a write).
  ChildView View(int32_t child) const;
  // Every person in ascending id order, with their rows in the kinds `kinds` (others left
  // empty): a merge over the tables' runs, no per-child search.
  template <typename F>
  void ForEachChild(const std::vector<Kind>& kinds, F&& fn) const {
    ForEachChildIn(kinds, 1, std::numeric_limits<int32_t>::max(), fn);
  }
  // The same for the people with ids in [from, to] only (a share of the children for one
  // thread: each share is visited in ascending order, independently of the others).
  template <typename F>
  void ForEachChildIn(const std::vector<Kind>& kinds, int32_t from, int32_t to, F&& fn) const;
  // Person ids splitting the people into `n` shares of about equal size: n + 1 bounds,
  // share i being [bounds[i], bounds[i + 1] - 1].
  std::vector<int32_t> SplitChildren(size_t n) const;

  // The team of a worker (worker.team_id), 0 when unknown.
  int32_t WorkerTeam(int32_t worker) const;

  ProjectionStats Stats() const;

  // Compacts tables whose tombstones exceed an eighth of their rows. Not run on the write
  // path (compacting the largest table takes tens of milliseconds at council scale, which
  // would break the sub-millisecond update): the owner calls it when idle.
  void CompactIfWorthIt();
  // Compacts every table that has tombstones (tests; a quiet moment).
  void CompactAll();

 private:
  friend class ProjectionBuilder;
  Status LoadOrganisationIndex();
  std::vector<KindTable> tables_;
  std::unordered_set<int32_t> replaced_;  // children with rows in some table's overlay
  std::unordered_map<int32_t, int32_t> worker_team_;
};

template <typename F>
void Projection::ForEachChildIn(const std::vector<Kind>& kinds, int32_t from, int32_t to,
                                F&& fn) const {
  const KindTable& persons = table(Kind::kPerson);
  std::vector<int32_t> ids;
  ids.reserve(persons.live_rows());
  persons.ForEachRun([&](int32_t child, RowRange) {
    if (child != 0 && child >= from && child <= to) ids.push_back(child);
  });
  // Loaded runs come in ascending order, replaced children after them in none.
  if (!persons.overlay_.empty()) std::sort(ids.begin(), ids.end());
  std::vector<Kind> used;  // kinds with rows: the others stay empty in every view
  for (Kind k : kinds)
    if (!table(k).ids_.empty()) used.push_back(k);
  // Each cursor starts at the share's first run (a binary search, not a walk from 0).
  std::vector<size_t> cursor(used.size(), 0);
  for (size_t k = 0; k < used.size(); ++k) {
    const std::vector<KindTable::Run>& runs = table(used[k]).runs_;
    cursor[k] = static_cast<size_t>(
        std::lower_bound(runs.begin(), runs.end(), from,
                         [](const KindTable::Run& r, int32_t c) { return r.child < c; }) -
        runs.begin());
  }
  ChildView v;
  v.tables = &tables_;
  for (int32_t child : ids) {
    v.child = child;
    const bool replaced = !replaced_.empty() && replaced_.count(child) > 0;
    for (size_t k = 0; k < used.size(); ++k) {
      const KindTable& t = table(used[k]);
      RowRange r;
      if (replaced) {
        auto it = t.overlay_.find(child);
        if (it != t.overlay_.end()) {
          r = RowRange{it->second.begin, it->second.begin + it->second.count};
          v.rows[static_cast<size_t>(used[k])] = r;
          continue;
        }
      }
      size_t& c = cursor[k];
      while (c < t.runs_.size() && t.runs_[c].child < child) ++c;
      if (c < t.runs_.size() && t.runs_[c].child == child)
        r = RowRange{t.runs_[c].begin, t.runs_[c].begin + t.runs_[c].count};
      v.rows[static_cast<size_t>(used[k])] = r;
    }
    fn(static_cast<const ChildView&>(v));
  }
}

}  // namespace journey::engine
