#include "engine/indicator_sums.h"

#include <algorithm>
#include <cmath>

namespace journey::engine::internal {
namespace {

constexpr double kScale = 4294967296.0;  // 2^32: fixed-point units of the sums (Acc::Of)

double Median(std::vector<float> v) {
  if (v.empty()) return 0;
  const size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(mid), v.end());
  const double hi = v[mid];
  if (v.size() % 2) return hi;
  const double lo = *std::max_element(v.begin(), v.begin() + static_cast<long>(mid));
  return (lo + hi) / 2;
}

}  // namespace

void Acc::AddValue(float value, int sign) {
  if (sign > 0) {
    values.push_back(value);
    return;
  }
  // Remove one value equal to it (a NaN finds a NaN).
  for (size_t k = 0; k < values.size(); ++k) {
    if (values[k] == value || (std::isnan(values[k]) && std::isnan(value))) {
      values[k] = values.back();
      values.pop_back();
      return;
    }
  }
}

void Acc::Absorb(const Acc& o, bool median) {
  cases += o.cases;
  numerator += o.numerator;
  sum += o.sum;
  not_numbers += o.not_numbers;
  if (median) values.insert(values.end(), o.values.begin(), o.values.end());
}

double Acc::Sum() const {
  if (not_numbers) return NAN;
  return static_cast<double>(sum) / kScale;
}

Cell CellSums::MakeCell(const IndicatorInfo& info, const Acc& a,
                        const std::optional<double>& population) {
  Cell c;
  c.cases = static_cast<uint32_t>(a.cases);
  const double num = static_cast<double>(a.numerator), n = static_cast<double>(a.cases);
  switch (info.unit) {
    case Unit::kPercent:
      c.numerator = num;
      c.denominator = n;
      if (a.cases) c.value = 100.0 * num / n;
      break;
    case Unit::kRatePer10k:
      c.numerator = num;
      if (population && *population > 0) {
        c.denominator = *population;
        c.value = 10000.0 * num / *population;
      }
      break;
    case Unit::kCount:
      c.numerator = num;
      c.denominator = n;
      c.value = num;
      break;
    case Unit::kMeanDays:
    case Unit::kMean:
      c.numerator = a.Sum();
      c.denominator = n;
      if (a.cases) c.value = a.Sum() / n;
      break;
    case Unit::kMedianDays:
      c.numerator = a.Sum();
      c.denominator = n;
      if (a.cases) c.value = Median(a.values);
      break;
  }
  return c;
}

CellSums::CellSums(const std::vector<const IndicatorDef*>& indicators,
                   const std::vector<const DimensionDef*>& dimensions, size_t periods, bool memo)
    : indicators_(&indicators), dims_(dimensions), np_(periods), memo_on_(memo) {
  const size_t n = indicators.size(), nd = dims_.size();
  for (const IndicatorDef* d : indicators) median_.push_back(d->info.unit == Unit::kMedianDays);
  totals_.assign(n, std::vector<Acc>(np_));
  groups_.assign(n, std::vector<std::vector<Acc>>(nd));
  slot_of_.resize(nd);
  key_of_.resize(nd);
  memo_.resize(kMemo);
  memo_keys_.resize(kMemo * nd);
  memo_slots_.resize(kMemo * nd);
}

void CellSums::BeginChild(const Context& ctx, const ChildView* v) {
  ctx_ = &ctx;
  child_ = v;
  if (++stamp_ == 0) {  // wrapped: forget every entry
    for (Memo& m : memo_) m.stamp = 0;
    stamp_ = 1;
  }
}

uint32_t CellSums::SlotOf(size_t d, int32_t key) {
  auto [it, added] = slot_of_[d].try_emplace(key, static_cast<uint32_t>(key_of_[d].size()));
  if (added) key_of_[d].push_back(key);
  return it->second;
}

void CellSums::KeyAndAdd(size_t i, const Case& c, std::vector<int32_t>* keys) {
  const bool median = median_[i];
  const Acc::Value val = Acc::Of(c);
  totals_[i][c.period].Add(c.numerator, val, 1, median);
  const size_t nd = dims_.size();
  if (nd == 0) return;
  const uint32_t h = (static_cast<uint32_t>(c.day) * 2654435761u) ^
                     (static_cast<uint32_t>(c.worker) * 40503u) ^ (c.category * 97u);
  const size_t e = (h ^ (h >> 15)) & (kMemo - 1);
  Memo& m = memo_[e];
  if (!memo_on_ || m.stamp != stamp_ || m.day != c.day || m.worker != c.worker ||
      m.category != c.category) {
    m = Memo{stamp_, c.day, c.worker, c.category};
    const DimensionInput in{*ctx_, child_, c, (*indicators_)[i]->info};
    for (size_t d = 0; d < nd; ++d) {
      const int32_t k = dims_[d]->key(in);
      memo_keys_[e * nd + d] = k;
      memo_slots_[e * nd + d] = SlotOf(d, k);
    }
  }
  for (size_t d = 0; d < nd; ++d) {
    keys->push_back(memo_keys_[e * nd + d]);
    std::vector<Acc>& g = groups_[i][d];
    const size_t at = memo_slots_[e * nd + d] * np_ + c.period;
    if (at >= g.size()) g.resize(std::max(at + 1, g.size() * 2));
    g[at].Add(c.numerator, val, 1, median);
  }
}

void CellSums::Add(size_t i, const Case& c, const int32_t* keys, int sign) {
  const bool median = median_[i];
  const Acc::Value val = Acc::Of(c);
  totals_[i][c.period].Add(c.numerator, val, sign, median);
  for (size_t d = 0; d < dims_.size(); ++d) {
    std::vector<Acc>& g = groups_[i][d];
    const size_t at = SlotOf(d, keys[d]) * np_ + c.period;
    if (at >= g.size()) g.resize(std::max(at + 1, g.size() * 2));
    g[at].Add(c.numerator, val, sign, median);
  }
}

void CellSums::Absorb(const CellSums& o) {
  for (size_t i = 0; i < totals_.size(); ++i) {
    for (size_t p = 0; p < np_; ++p) totals_[i][p].Absorb(o.totals_[i][p], median_[i]);
    for (size_t d = 0; d < dims_.size(); ++d) {
      const std::vector<Acc>& from = o.groups_[i][d];
      std::vector<Acc>& to = groups_[i][d];
      for (size_t at = 0; at < from.size(); ++at) {
        if (from[at].cases == 0 && from[at].not_numbers == 0) continue;
        const size_t slot = SlotOf(d, o.key_of_[d][at / np_]) * np_ + at % np_;
        if (slot >= to.size()) to.resize(std::max(slot + 1, to.size() * 2));
        to[slot].Absorb(from[at], median_[i]);
      }
    }
  }
}

std::vector<Cell> CellSums::Cells(size_t i, const Population* population) const {
  const IndicatorInfo& info = (*indicators_)[i]->info;
  std::vector<Cell> cells;
  const std::optional<double> total_pop =
      population ? std::optional<double>(population->Total()) : std::nullopt;
  for (size_t p = 0; p < np_; ++p) {
    Cell c = MakeCell(info, totals_[i][p], total_pop);
    c.indicator = static_cast<uint32_t>(i);
    c.period = static_cast<uint16_t>(p);
    cells.push_back(std::move(c));
  }
  for (size_t d = 0; d < dims_.size(); ++d) {
    const DimensionDef& dim = *dims_[d];
    if (dim.applies && !dim.applies(info)) continue;
    const std::vector<Acc>& g = groups_[i][d];
    for (size_t at = 0; at < g.size(); ++at) {
      if (g[at].cases == 0) continue;
      const int32_t key = key_of_[d][at / np_];
      std::optional<double> pop;
      if (population && dim.population) pop = dim.population(*population, key);
      Cell c = MakeCell(info, g[at], pop);
      c.indicator = static_cast<uint32_t>(i);
      c.period = static_cast<uint16_t>(at % np_);
      c.dimension = static_cast<int16_t>(d);
      c.key = key;
      cells.push_back(std::move(c));
    }
  }
  std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) {
    return std::tie(a.period, a.dimension, a.key) < std::tie(b.period, b.dimension, b.key);
  });
  return cells;
}

const Acc* CellSums::Find(size_t i, size_t period, int dimension, int32_t key) const {
  if (dimension < 0) return &totals_[i][period];
  const size_t d = static_cast<size_t>(dimension);
  auto it = slot_of_[d].find(key);
  if (it == slot_of_[d].end()) return nullptr;
  const size_t at = it->second * np_ + period;
  return at < groups_[i][d].size() ? &groups_[i][d][at] : nullptr;
}

}  // namespace journey::engine::internal
