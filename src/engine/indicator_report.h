// Computing indicators: for the chosen indicators, periods and dimensions, the cells
// (a figure per indicator, period and group) and the cases behind them (drill-down).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/indicator.h"
#include "engine/population.h"

namespace journey::engine {

struct ReportRequest {
  std::vector<std::string> indicators;     // ids; empty: every registered indicator
  std::vector<std::string> dimensions;     // breakdowns, by dimension id; the total is always given
  std::vector<Period> periods;             // at least one
  Date as_at;                              // nothing dated after it is seen
  const Population* population = nullptr;  // for rates; without it rates have no value
  // Threads sharing the children (the figures are the same whatever the number): 0 for
  // one per core when there are enough children to be worth it.
  int threads = 0;
  // Tests only: the straightforward computation, on one thread, every indicator called for
  // every child and every case keyed on its own (the fast path skips an indicator for a
  // child with no row of its kinds and keys a child's cases once per distinct date).
  bool straightforward = false;
};

struct Cell {
  uint32_t indicator = 0;       // index into ReportResult::indicators
  uint16_t period = 0;          // index into ReportResult::periods
  int16_t dimension = -1;       // index into ReportResult::dimensions; -1: the total
  int32_t key = 0;              // the group (0: not known)
  std::string label;            // the group's label ("" for the total)
  double numerator = 0;         // cases in the numerator (means: the sum of the values)
  double denominator = 0;       // cases (rates: the population of the group)
  std::optional<double> value;  // none: no denominator (a rate by team; an empty group)
  uint32_t cases = 0;
};

struct ReportResult {
  std::vector<const IndicatorDef*> indicators;
  std::vector<const DimensionDef*> dimensions;
  std::vector<Period> periods;
  Date as_at;
  std::vector<Cell> cells;  // by indicator, period, total first, then each dimension by key
  // Per indicator: its cases, and each case's key in each dimension (cases x dimensions).
  std::vector<std::vector<Case>> cases;
  std::vector<std::vector<int32_t>> keys;

  const Cell* Total(size_t indicator, size_t period) const;
  // The children behind a cell (ascending, each once); `numerator_only` for the
  // numerator's. Cases about no child are not listed (see DrillDownRecords).
  std::vector<int32_t> DrillDown(const Cell& cell, bool numerator_only = false) const;
  // The records behind a cell (the indicator's record kind).
  std::vector<int32_t> DrillDownRecords(const Cell& cell, bool numerator_only = false) const;
};

Result<ReportResult> ComputeIndicators(const Projection& projection, const Timescales& timescales,
                                       const ReportRequest& request);

// Periods for a trend ending on `as_at`: "weekly" (the last 13 weeks of 7 days, the last
// ending on the as-at date), "monthly" (the last 12 calendar months, the last cut at the
// as-at date), "yearly" (the last 6 DfE collection years, 1 April to 31 March, the last
// cut at the as-at date).
Result<std::vector<Period>> TrendPeriods(std::string_view trend, Date as_at);
// The collection year (1 April - 31 March) containing `d`, cut at `d`.
Period YearTo(Date d);

}  // namespace journey::engine
