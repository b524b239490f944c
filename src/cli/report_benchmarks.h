// `journey report`'s benchmark columns: England, the council's region and its statistical
// neighbours beside each of the council's indicator figures (engine/benchmarks.h,
// data/benchmarks_*.csv; docs/BENCHMARKING.md). For each indicator and period the published
// figure for exactly that period is shown or, failing that, the latest one ending before
// the period ends, with its own period beside it (Benchmarks::Compare's rule).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "engine/benchmarks.h"
#include "engine/indicator.h"

namespace journey::cli {

class ReportBenchmarks {
 public:
  // For the council with DfE LA code `la_code` (data/councils.csv). `given` says whether the
  // code came from --la (an unknown code is then an error naming it) or from the store's
  // record (an unknown code then means no columns, and note() says why).
  static Result<ReportBenchmarks> For(std::string_view la_code, bool given);

  const engine::Council* council() const { return council_; }
  // Why there are no columns ("" when there are).
  const std::string& note() const { return note_; }

  // The comparison for one indicator and period; none without a council.
  std::optional<engine::Benchmarks::Comparison> Compare(std::string_view indicator, Date start,
                                                        Date end) const;

  // "England 24.0 (2014-15); East Midlands -; neighbours -": "" when nothing is published.
  std::string Text(const std::optional<engine::Benchmarks::Comparison>& c, engine::Unit unit) const;
  // england, england_period, region, region_period, neighbours, neighbours_period.
  static const std::vector<std::string>& CsvHeader();
  std::vector<std::string> Csv(const std::optional<engine::Benchmarks::Comparison>& c,
                               engine::Unit unit) const;
  // {"england": {...} or null, "region": ..., "neighbours": ..., "neighbour_councils": [...]}.
  nlohmann::json Json(const engine::Benchmarks::Comparison& c) const;
  // {"code", "name", "region_code", "region_name", "neighbours": [...]}, or null.
  nlohmann::json CouncilJson() const;

 private:
  const engine::Council* council_ = nullptr;
  std::string note_;
};

}  // namespace journey::cli
