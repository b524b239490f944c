// RuleContext (ssda903_rules.h): what every SSDA903 rule reads. The tables are as read;
// dates are parsed once per column, and the children are found once per return (this year's
// on first use, last year's when a rule compares the years). England's return (about 80,000
// children, 133 rules in 2025/26) made per-row lookups by CHILD and per-rule copies and
// sorts of each child's episodes the larger part of validation (BENCHMARKS.md, SSDA903).
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "returns/ssda903_rules.h"

namespace journey::returns {

namespace {

constexpr int32_t kBlankDate = INT32_MIN, kBadDate = INT32_MIN + 1;

// The position of `t` among the return's tables, or -1 when it is not one of them.
long Place(const Read903& read, const ReadTable& t) {
  const ReadTable* first = read.tables.data();
  if (&t < first || &t >= first + read.tables.size()) return -1;
  return &t - first;
}

}  // namespace

// Every row of one return's tables grouped by CHILD (each table's first column): for each
// table, the child of each row, and the rows grouped by child (file order within a child)
// with where each child's group starts.
class RuleContext::Children903 {
 public:
  struct Table {
    std::vector<uint32_t> child_of;  // by row
    std::vector<size_t> rows;        // grouped by child
    std::vector<uint32_t> start;     // child c's rows are rows[start[c]] to rows[start[c + 1]]
    std::vector<uint32_t> order;     // the table's children, in the order first seen
  };

  explicit Children903(const Read903& read) : read_(read), tables_(read.tables.size()) {
    size_t all_rows = 0;
    for (const ReadTable& t : read.tables) all_rows += t.rows.size();
    by_id_.reserve(all_rows);
    for (size_t k = 0; k < read.tables.size(); ++k) {
      const ReadTable& t = read.tables[k];
      std::vector<uint32_t>& child_of = tables_[k].child_of;
      child_of.resize(t.rows.size());
      for (size_t i = 0; i < t.rows.size(); ++i) {
        const std::string& id = t.rows[i][0];
        auto [it, fresh] = by_id_.try_emplace(id, static_cast<uint32_t>(ids_.size()));
        if (fresh) ids_.push_back(&id);
        child_of[i] = it->second;
      }
    }
    // Each table's rows grouped by child (a counting sort, so file order within a child).
    const size_t n = ids_.size();
    std::vector<char> seen;
    for (Table& tb : tables_) {
      tb.start.assign(n + 1, 0);
      for (uint32_t c : tb.child_of) ++tb.start[c + 1];
      for (size_t c = 0; c < n; ++c) tb.start[c + 1] += tb.start[c];
      std::vector<uint32_t> next(tb.start.begin(), tb.start.end() - 1);
      tb.rows.resize(tb.child_of.size());
      seen.assign(n, 0);
      for (size_t i = 0; i < tb.child_of.size(); ++i) {
        const uint32_t c = tb.child_of[i];
        tb.rows[next[c]++] = i;
        if (!seen[c]) seen[c] = 1, tb.order.push_back(c);
      }
    }
  }

  size_t size() const { return ids_.size(); }
  const std::string& Id(uint32_t c) const { return *ids_[c]; }
  const Table& table(size_t k) const { return tables_[k]; }
  long TableIndex(const ReadTable& t) const { return Place(read_, t); }
  std::span<const size_t> Rows(size_t k, uint32_t c) const {
    const Table& tb = tables_[k];
    return {tb.rows.data() + tb.start[c], tb.rows.data() + tb.start[c + 1]};
  }
  // The child with this CHILD (nullopt when none of the tables has it).
  std::optional<uint32_t> Find(std::string_view id) const {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return std::nullopt;
    return it->second;
  }

  // This year's only: each child's Child903, the Episodes rows sorted by DECOM within each
  // child, and each table's children as pointers.
  std::vector<Child903> children;
  std::vector<size_t> episodes_by_decom;
  std::vector<std::vector<const Child903*>> order;

 private:
  const Read903& read_;
  std::vector<const std::string*> ids_;
  std::unordered_map<std::string_view, uint32_t> by_id_;
  std::vector<Table> tables_;
};

RuleContext::RuleContext(int year, const Read903& read, const Read903* previous,
                         const Reference903* reference)
    : year_(year), read_(read), previous_(previous), reference_(reference) {}
RuleContext::~RuleContext() = default;

const ReadTable* RuleContext::Table(std::string_view name) const {
  for (const ReadTable& t : read_.tables)
    if (t.spec->name == name) return &t;
  return nullptr;
}

const ReadTable* RuleContext::PreviousTable(std::string_view name) const {
  if (!previous_) return nullptr;
  for (const ReadTable& t : previous_->tables)
    if (t.spec->name == name) return &t;
  return nullptr;
}

const std::vector<int32_t>& RuleContext::DateColumn(const ReadTable& t,
                                                    std::string_view column) const {
  static const std::vector<int32_t> kNone;
  // The table's place: this year's tables first, then last year's.
  long slot = Place(read_, t);
  if (slot < 0 && previous_ && (slot = Place(*previous_, t)) >= 0)
    slot += static_cast<long>(read_.tables.size());
  if (slot < 0) return kNone;
  const int c = t.spec->Column(column);
  if (c < 0 || t.rows.empty()) return kNone;
  if (dates_.empty())
    dates_.resize(read_.tables.size() + (previous_ ? previous_->tables.size() : 0));
  std::vector<std::vector<int32_t>>& columns = dates_[static_cast<size_t>(slot)];
  if (columns.empty()) columns.resize(t.spec->columns.size());
  std::vector<int32_t>& dates = columns[static_cast<size_t>(c)];
  if (dates.empty()) {
    dates.resize(t.rows.size(), kBlankDate);
    for (size_t i = 0; i < t.rows.size(); ++i) {
      const std::string& v = t.rows[i][static_cast<size_t>(c)];
      if (v.empty()) continue;
      auto d = Date::ParseDmy(v);
      dates[i] = d ? *d - Date::FromDays(0) : kBadDate;
    }
  }
  return dates;
}

std::optional<Date> RuleContext::DateAt(const ReadTable& t, size_t row,
                                        std::string_view column) const {
  const std::vector<int32_t>& dates = DateColumn(t, column);
  const int32_t d = row < dates.size() ? dates[row] : kBlankDate;
  if (d == kBlankDate || d == kBadDate) return std::nullopt;
  return Date::FromDays(d);
}

bool RuleContext::BadDate(const ReadTable& t, size_t row, std::string_view column) const {
  const std::vector<int32_t>& dates = DateColumn(t, column);
  return row < dates.size() && dates[row] == kBadDate;
}

const RuleContext::Children903& RuleContext::Index() const {
  if (index_) return *index_;
  index_ = std::make_unique<Children903>(read_);
  Children903& ix = *index_;
  const ReadTable* header = Table("Header");
  const ReadTable* episodes = Table("Episodes");
  const long h = header ? ix.TableIndex(*header) : -1;
  const long e = episodes ? ix.TableIndex(*episodes) : -1;
  // Episodes by DECOM within each child; an unreadable or blank DECOM sorts last (the date
  // rules report it), ties and those in file order.
  if (e >= 0) {
    ix.episodes_by_decom = ix.table(e).rows;
    const std::vector<int32_t>& decom = DateColumn(*episodes, "DECOM");
    auto key = [&](size_t r) {
      const int32_t d = r < decom.size() ? decom[r] : kBlankDate;
      return d == kBlankDate || d == kBadDate ? INT32_MAX : d;
    };
    const std::vector<uint32_t>& start = ix.table(e).start;
    for (size_t c = 0; c < ix.size(); ++c)
      if (start[c + 1] - start[c] > 1)
        std::stable_sort(ix.episodes_by_decom.begin() + start[c],
                         ix.episodes_by_decom.begin() + start[c + 1],
                         [&](size_t a, size_t b) { return key(a) < key(b); });
  }
  ix.children.resize(ix.size());
  for (uint32_t c = 0; c < ix.size(); ++c) {
    Child903& child = ix.children[c];
    child.index = c;
    child.id = &ix.Id(c);
    if (h >= 0)
      for (size_t r : ix.Rows(h, c))
        if ((child.dob = DateAt(*header, r, "DOB"))) break;
    if (e >= 0) {
      const std::vector<uint32_t>& start = ix.table(e).start;
      child.episodes = {ix.episodes_by_decom.data() + start[c],
                        ix.episodes_by_decom.data() + start[c + 1]};
      size_t dated = 0;
      while (dated < child.episodes.size() && DateAt(*episodes, child.episodes[dated], "DECOM"))
        ++dated;
      child.dated = child.episodes.first(dated);
    }
  }
  ix.order.resize(read_.tables.size());
  for (size_t k = 0; k < read_.tables.size(); ++k)
    for (uint32_t c : ix.table(k).order) ix.order[k].push_back(&ix.children[c]);
  cla_.assign(ix.size(), -1);
  return ix;
}

const RuleContext::Children903& RuleContext::PreviousIndex() const {
  if (!previous_index_) previous_index_ = std::make_unique<Children903>(*previous_);
  return *previous_index_;
}

const std::vector<Child903>& RuleContext::Children() const { return Index().children; }

const Child903& RuleContext::ChildOf(const ReadTable& t, size_t row) const {
  const Children903& ix = Index();
  return ix.children[ix.table(ix.TableIndex(t)).child_of[row]];
}

const std::vector<const Child903*>& RuleContext::ChildrenOf(const ReadTable& t) const {
  const Children903& ix = Index();
  return ix.order[ix.TableIndex(t)];
}

std::span<const size_t> RuleContext::RowsOf(const ReadTable& t, const Child903& child) const {
  const Children903& ix = Index();
  return ix.Rows(ix.TableIndex(t), child.index);
}

std::span<const size_t> RuleContext::ChildRows(const ReadTable& t, const std::string& child) const {
  const Children903* ix = &Index();
  long k = ix->TableIndex(t);
  if (k < 0 && previous_) {
    ix = &PreviousIndex();
    k = ix->TableIndex(t);
  }
  if (k < 0) return {};
  auto c = ix->Find(child);
  return c ? ix->Rows(k, *c) : std::span<const size_t>();
}

// CONTINUOUSLY_LOOKED_AFTER as the DfE's 2021-22 validation rules define it (lac_validator
// utils.py, the version taking the collection end).
bool RuleContext::ContinuouslyLookedAfter(const Child903& child) const {
  Index();
  int8_t& known = cla_[child.index];
  if (known >= 0) return known;
  const ReadTable* t = Table("Episodes");
  bool during = false, broken = false;
  if (t)
    for (size_t r : RowsOf(*t, child)) {
      const auto decom = DateAt(*t, r, "DECOM");
      const auto dec = DateAt(*t, r, "DEC");
      const bool open_in_year = decom && *decom <= end() && (!dec || *dec >= start());
      during |= open_in_year;
      if (t->Get(r, "RNE") == "S" && decom && *decom > start() && *decom <= end()) broken = true;
      if (t->Get(r, "REC") != "X1" && dec && *dec >= start() && *dec < end()) broken = true;
      const std::string& ls = t->Get(r, "LS");
      if ((ls == "V3" || ls == "V4") && open_in_year) broken = true;
    }
  known = during && !broken;
  return known;
}

void RuleContext::Rows(std::string_view table, const std::function<void(size_t)>& fn) const {
  if (const ReadTable* t = Table(table))
    for (size_t i = 0; i < t->rows.size(); ++i) fn(i);
}

void RuleContext::Find(const Rule& rule, const ReadTable& t, size_t row, std::string_view field,
                       std::string message) const {
  findings_.push_back(Finding{rule.code, rule.severity, t.spec->name, t.file, t.lines[row],
                              std::string(field), t.rows[row][0], t.Get(row, field),
                              std::move(message)});
}

}  // namespace journey::returns
