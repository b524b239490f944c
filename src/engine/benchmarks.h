// Benchmarks: published figures (England, a region, a council's statistical neighbours,
// other councils) to set beside a council's own indicator figures, as inspectors and
// boards read them. docs/BENCHMARKING.md describes the files and the rules.
//
// Reference data is CSV (data/benchmarks_*.csv): one published figure a row, with its
// indicator id (from the indicator registry), area, period, value, unit, whether it is a
// value, a threshold or a target, and the source it was quoted from. Councils, their
// regions (data/councils.csv) and statistical neighbours (data/statistical_neighbours.csv)
// are data files too. Every parser error names the file, row, column, value and what is
// allowed.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"

namespace journey::engine {

enum class AreaType { kEngland, kRegion, kNeighbours, kLocalAuthority };
std::string_view AreaTypeName(AreaType t);  // "england", "region", ...

enum class Figure { kValue, kThreshold, kTarget };

struct ReferenceValue {
  std::string indicator;  // an indicator id
  std::string area_code;  // E92000001 (England), an ONS region code, SN-<la> or a DfE LA code
  std::string area_name;
  AreaType area_type = AreaType::kEngland;
  Date start, end;     // the period, both days included
  std::string period;  // as written: "2014-15", "2015", "2011-04-01..2014-03-31"
  double value = 0;
  std::string unit;  // the indicator's unit name ("percent", "per_10k", ...)
  Figure figure = Figure::kValue;
  std::string source;  // the publication and paragraph or page
  std::string note;
  std::string file;  // where it was read: file and row, for messages
  int row = 0;
};

struct Council {
  std::string code, name, region_code, region_name;
  std::vector<std::string> neighbours;  // DfE LA codes, in rank order
};

// Parses a period: "2014-15" (a DfE collection or financial year, 1 April to 31 March),
// "2015" (a calendar year) or "YYYY-MM-DD..YYYY-MM-DD".
Result<std::pair<Date, Date>> ParseReferencePeriod(std::string_view text);

// Which indicator ids exist, and their unit names (the registry, or a test's own).
struct IndicatorCheck {
  std::function<std::optional<std::string>(std::string_view id)> unit_of;
};

class Benchmarks {
 public:
  // The embedded data files: the councils, their neighbours and every
  // data/benchmarks_*.csv except the pending file, checked against the registry.
  static const Benchmarks& Default();

  // Adds the rows of one reference CSV. With `check`, every indicator must be registered
  // and its unit must match; without, any id is taken (data not yet tied to an indicator).
  // All or nothing: on error nothing is added.
  Status AddReference(std::string_view text, std::string_view file, const IndicatorCheck* check);
  Status AddCouncils(std::string_view councils_csv, std::string_view file);
  Status AddNeighbours(std::string_view neighbours_csv, std::string_view file);

  const Council* FindCouncil(std::string_view la_code) const;
  const std::vector<ReferenceValue>& values() const { return values_; }

  // For one indicator, council and period: England, the council's region, its
  // statistical-neighbour group (the published average) and each neighbour, each the
  // published value for exactly that period or, failing that, the latest one ending
  // before the period ends (the figure a report would quote; its own period says which).
  struct Comparison {
    std::optional<ReferenceValue> england, region, neighbours_average;
    // Each neighbour in rank order, with its value when one is published.
    std::vector<std::pair<Council, std::optional<ReferenceValue>>> neighbours;
    // Published thresholds and targets for the indicator (England), latest first.
    std::vector<ReferenceValue> thresholds;
  };
  Result<Comparison> Compare(std::string_view indicator, std::string_view la_code, Date start,
                             Date end) const;

 private:
  std::optional<ReferenceValue> Best(std::string_view indicator, std::string_view area, Date start,
                                     Date end) const;
  std::vector<ReferenceValue> values_;
  std::map<std::string, Council, std::less<>> councils_;
};

// The registry's indicators and units, for AddReference.
IndicatorCheck RegisteredIndicators();
// The embedded data files (what Default() holds), or the first error in them.
Result<Benchmarks> LoadEmbeddedBenchmarks();

// The code of a council's statistical-neighbour group in reference data: "SN-928".
std::string NeighbourGroupCode(std::string_view la_code);

}  // namespace journey::engine
