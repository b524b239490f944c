// The sums behind indicator cells, shared by the full computation (indicator_report.cc) and
// the live figures kept up to date after each write (live_report.h). Internal to the engine.
//
// Why a class of its own: both paths must give exactly the same cells. Sums are kept so that
// their order does not matter (counts as integers, values in fixed point), so the cells are
// the same whether the children were summed on one thread or two, in one pass or as a
// child's old cases leaving and its new ones joining.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "engine/indicator.h"
#include "engine/indicator_report.h"

namespace journey::engine::internal {

// Cases summed into one cell. Values are held in fixed point (units of 2^-32, in 128 bits):
// integer additions are exact and associative, so adding and removing cases in any order
// leaves exactly the sum of the cases present. (A float's value below 2^-32 would be cut;
// no indicator emits one: values are days, weeks, scores and counts.)
struct Acc {
  int64_t cases = 0;
  int64_t numerator = 0;
  __int128 sum = 0;
  int64_t not_numbers = 0;    // NaN values: the sum is NaN while any is present
  std::vector<float> values;  // medians only (in no order)

  // A case's value in the sums' units (computed once per case, not once per cell).
  struct Value {
    __int128 fixed = 0;
    bool not_number = false;
    float value = 0;
  };
  static Value Of(const Case& c) {
    Value v;
    v.value = c.value;
    if (c.value != c.value) {  // NaN
      v.not_number = true;
    } else if (c.value > -2147483648.0f && c.value < 2147483648.0f) {
      // Exact: a float times a power of two is exact in a double; truncation to an
      // integer gives the same whichever way round the cases come.
      v.fixed = static_cast<int64_t>(static_cast<double>(c.value) * 4294967296.0);
    } else {
      v.fixed = static_cast<__int128>(static_cast<double>(c.value) * 4294967296.0);
    }
    return v;
  }
  void Add(bool in_numerator, const Value& v, int sign, bool median) {
    cases += sign;
    numerator += in_numerator ? sign : 0;
    if (v.not_number)
      not_numbers += sign;
    else
      sum += sign * v.fixed;
    if (median) AddValue(v.value, sign);
  }
  void AddValue(float value, int sign);
  void Absorb(const Acc& other, bool median);
  double Sum() const;
};

// Gives cases their dimension keys and sums them, per indicator, period and group.
class CellSums {
 public:
  // `memo`: keys of a child's cases computed once per distinct (day, worker, category).
  CellSums(const std::vector<const IndicatorDef*>& indicators,
           const std::vector<const DimensionDef*>& dimensions, size_t periods, bool memo = true);

  size_t dimensions() const { return dims_.size(); }

  // A new child (or, with null, the cases about no child): keys computed from here are
  // memoised for this child only.
  void BeginChild(const Context& ctx, const ChildView* v);
  // The keys of case `c` of indicator `i` (one per dimension) appended to *keys, and the
  // case added to the sums.
  void KeyAndAdd(size_t i, const Case& c, std::vector<int32_t>* keys);
  // Adds (sign +1) or removes (-1) a case whose keys are known.
  void Add(size_t i, const Case& c, const int32_t* keys, int sign);

  // Adds another share's sums to these.
  void Absorb(const CellSums& other);

  // The cells of indicator `i`: each period's total, then each applying dimension's
  // groups with at least one case, sorted by (period, dimension, key). Labels are not set.
  std::vector<Cell> Cells(size_t i, const Population* population) const;

  // The sums of one cell (for live updates): the total (dimension -1) or a group.
  const Acc* Find(size_t i, size_t period, int dimension, int32_t key) const;
  // Makes the cell's figures (numerator, denominator, value, cases) from its sums.
  static Cell MakeCell(const IndicatorInfo& info, const Acc& a,
                       const std::optional<double>& population);

 private:
  uint32_t SlotOf(size_t d, int32_t key);

  struct Memo {
    uint32_t stamp = 0;
    int32_t day = 0, worker = 0;
    uint16_t category = 0;
  };
  const std::vector<const IndicatorDef*>* indicators_;
  std::vector<const DimensionDef*> dims_;
  size_t np_;
  std::vector<bool> median_;                           // per indicator
  std::vector<std::vector<Acc>> totals_;               // per indicator: per period
  std::vector<std::vector<std::vector<Acc>>> groups_;  // per indicator, dimension: slot*np+period
  std::vector<std::unordered_map<int32_t, uint32_t>> slot_of_;  // per dimension: key -> slot
  std::vector<std::vector<int32_t>> key_of_;                    // per dimension: slot -> key
  // Per child: keys and slots by (day, worker, category), in a small table reset by stamp.
  static constexpr size_t kMemo = 256;
  std::vector<Memo> memo_;
  std::vector<int32_t> memo_keys_;
  std::vector<uint32_t> memo_slots_;
  uint32_t stamp_ = 0;
  bool memo_on_ = true;
  const Context* ctx_ = nullptr;
  const ChildView* child_ = nullptr;
};

}  // namespace journey::engine::internal
