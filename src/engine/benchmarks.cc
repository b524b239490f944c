#include "engine/benchmarks.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <span>

#include "base/csv.h"

namespace journey::engine {
namespace {

constexpr std::string_view kReferenceColumns[] = {
    "indicator", "area_code", "area_name", "area_type", "period",
    "value",     "unit",      "figure",    "source",    "note"};

// One cell of a data file, for messages that name the file, row, column and value.
struct Cell {
  std::string_view file;
  int row;
  std::string_view column;
  std::string_view value;
  Status Bad(std::string_view allowed) const {
    return InvalidArgument(fmt::format("{} row {}, column {}: \"{}\" is not allowed ({})", file,
                                       row, column, value, allowed));
  }
};

// The columns a file must have, in any order; returns their indices.
Result<std::vector<int>> Columns(const CsvTable& t, std::span<const std::string_view> names,
                                 std::string_view file) {
  std::vector<int> idx;
  for (std::string_view n : names) {
    const int i = t.ColumnIndex(n);
    if (i < 0) {
      return Err(InvalidArgument(fmt::format("{}: the header has no column \"{}\" (needed: {})",
                                             file, n, fmt::join(names, ","))));
    }
    idx.push_back(i);
  }
  return idx;
}

bool IsIdentifier(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool IsAreaCode(std::string_view s) {
  if (s.empty() || s.size() > 16) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool IsLaCode(std::string_view s) {
  return s.size() == 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<int> ParseYear(std::string_view s) {
  int y = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), y);
  if (ec != std::errc() || p != s.data() + s.size() || s.size() != 4 || y < 1900 || y > 2100)
    return Err(InvalidArgument("not a year"));
  return y;
}

}  // namespace

std::string_view AreaTypeName(AreaType t) {
  switch (t) {
    case AreaType::kEngland:
      return "england";
    case AreaType::kRegion:
      return "region";
    case AreaType::kNeighbours:
      return "statistical_neighbours";
    case AreaType::kLocalAuthority:
      return "local_authority";
  }
  return "";
}

std::string NeighbourGroupCode(std::string_view la_code) { return fmt::format("SN-{}", la_code); }

Result<std::pair<Date, Date>> ParseReferencePeriod(std::string_view text) {
  const auto bad = [&] {
    return Err(InvalidArgument(fmt::format(
        "\"{}\" is not a period (allowed: 2014-15 for 1 April 2014 to 31 March 2015, 2015 for "
        "a calendar year, or 2011-04-01..2014-03-31)",
        text)));
  };
  if (const size_t dots = text.find(".."); dots != std::string_view::npos) {
    auto a = Date::ParseIso(text.substr(0, dots)), b = Date::ParseIso(text.substr(dots + 2));
    if (!a || !b || *b < *a) return bad();
    return std::make_pair(*a, *b);
  }
  if (text.size() == 7 && text[4] == '-') {
    auto y = ParseYear(text.substr(0, 4));
    if (!y) return bad();
    // The second year's last two digits must follow the first's.
    if (text.substr(5) != fmt::format("{:02}", (*y + 1) % 100)) return bad();
    return std::make_pair(Date::FromYmd(*y, 4, 1), Date::FromYmd(*y + 1, 3, 31));
  }
  auto y = ParseYear(text);
  if (!y) return bad();
  return std::make_pair(Date::FromYmd(*y, 1, 1), Date::FromYmd(*y, 12, 31));
}

Status Benchmarks::AddReference(std::string_view text, std::string_view file,
                                const IndicatorCheck* check) {
  JOURNEY_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(text, file));
  JOURNEY_ASSIGN_OR_RETURN(std::vector<int> col, Columns(t, kReferenceColumns, file));
  std::vector<ReferenceValue> rows;
  for (const CsvRow& r : t.rows) {
    auto cell = [&](int k) {
      return Cell{file, r.line, kReferenceColumns[k], r.fields[static_cast<size_t>(col[k])]};
    };
    ReferenceValue v;
    v.file = std::string(file);
    v.row = r.line;
    v.indicator = std::string(cell(0).value);
    if (!IsIdentifier(v.indicator))
      return cell(0).Bad("an indicator id: lower-case letters, digits and _");
    std::optional<std::string> unit;
    if (check) {
      unit = check->unit_of(v.indicator);
      if (!unit) return cell(0).Bad("the id of a registered indicator (docs/INDICATORS.md)");
    }
    v.area_code = std::string(cell(1).value);
    if (!IsAreaCode(v.area_code))
      return cell(1).Bad("an area code: E92000001, an ONS region code, SN-<LA> or a DfE LA code");
    v.area_name = std::string(cell(2).value);
    if (v.area_name.empty() || v.area_name.size() > 120)
      return cell(2).Bad("a name, 1-120 characters");
    const std::string_view type = cell(3).value;
    if (type == "england") {
      v.area_type = AreaType::kEngland;
    } else if (type == "region") {
      v.area_type = AreaType::kRegion;
    } else if (type == "statistical_neighbours") {
      v.area_type = AreaType::kNeighbours;
    } else if (type == "local_authority") {
      v.area_type = AreaType::kLocalAuthority;
    } else {
      return cell(3).Bad("england, region, statistical_neighbours or local_authority");
    }
    if (v.area_type == AreaType::kEngland && v.area_code != "E92000001")
      return cell(1).Bad("E92000001 for england");
    if (v.area_type == AreaType::kNeighbours && v.area_code.rfind("SN-", 0) != 0)
      return cell(1).Bad("SN-<LA code> for statistical_neighbours");
    if (v.area_type == AreaType::kLocalAuthority && !IsLaCode(v.area_code))
      return cell(1).Bad("a three-digit DfE LA code for local_authority");
    v.period = std::string(cell(4).value);
    auto period = ParseReferencePeriod(v.period);
    if (!period)
      return InvalidArgument(
          fmt::format("{} row {}, column period: {}", file, r.line, period.error().message()));
    std::tie(v.start, v.end) = *period;
    const std::string_view value = cell(5).value;
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v.value);
    if (value.empty() || ec != std::errc() || p != value.data() + value.size() ||
        !std::isfinite(v.value) || v.value < 0)
      return cell(5).Bad("a number of zero or more, with a point for decimals: 42.9");
    v.unit = std::string(cell(6).value);
    if (unit && v.unit != *unit)
      return cell(6).Bad(fmt::format("{}, the unit of indicator {}", *unit, v.indicator));
    static constexpr std::string_view kUnits[] = {"percent",   "per_10k",     "count",
                                                  "mean_days", "median_days", "mean"};
    if (std::find(std::begin(kUnits), std::end(kUnits), v.unit) == std::end(kUnits))
      return cell(6).Bad("percent, per_10k, count, mean_days, median_days or mean");
    if (v.unit == "percent" && v.value > 100) return cell(5).Bad("a percentage from 0 to 100");
    const std::string_view figure = cell(7).value;
    if (figure == "value") {
      v.figure = Figure::kValue;
    } else if (figure == "threshold") {
      v.figure = Figure::kThreshold;
    } else if (figure == "target") {
      v.figure = Figure::kTarget;
    } else {
      return cell(7).Bad("value, threshold or target");
    }
    v.source = std::string(cell(8).value);
    if (v.source.size() < 8) return cell(8).Bad("the publication and its paragraph or page");
    v.note = std::string(cell(9).value);
    for (const ReferenceValue& o : rows)
      if (o.indicator == v.indicator && o.area_code == v.area_code && o.period == v.period &&
          o.figure == v.figure)
        return cell(0).Bad(fmt::format("one {} a period: row {} already gives {} {} for {}", figure,
                                       o.row, v.indicator, v.area_code, v.period));
    rows.push_back(std::move(v));
  }
  values_.insert(values_.end(), rows.begin(), rows.end());
  return Status::Ok();
}

Status Benchmarks::AddCouncils(std::string_view text, std::string_view file) {
  static constexpr std::string_view kCols[] = {"la_code", "la_name", "region_code", "region_name",
                                               "source"};
  JOURNEY_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(text, file));
  JOURNEY_ASSIGN_OR_RETURN(std::vector<int> col, Columns(t, kCols, file));
  std::map<std::string, Council, std::less<>> add;
  for (const CsvRow& r : t.rows) {
    auto f = [&](int k) { return r.fields[static_cast<size_t>(col[k])]; };
    Cell code{file, r.line, kCols[0], f(0)};
    if (!IsLaCode(f(0))) return code.Bad("a three-digit DfE LA code");
    if (add.count(f(0)) || councils_.count(f(0))) return code.Bad("a code not already listed");
    if (f(1).empty()) return Cell{file, r.line, kCols[1], f(1)}.Bad("the council's name");
    if (!IsAreaCode(f(2))) return Cell{file, r.line, kCols[2], f(2)}.Bad("an ONS region code");
    add[f(0)] = Council{f(0), f(1), f(2), f(3), {}};
  }
  councils_.merge(add);
  return Status::Ok();
}

Status Benchmarks::AddNeighbours(std::string_view text, std::string_view file) {
  static constexpr std::string_view kCols[] = {"la_code", "rank", "neighbour_code", "source"};
  JOURNEY_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(text, file));
  JOURNEY_ASSIGN_OR_RETURN(std::vector<int> col, Columns(t, kCols, file));
  std::map<std::string, std::vector<std::pair<int, std::string>>> lists;
  for (const CsvRow& r : t.rows) {
    auto f = [&](int k) { return r.fields[static_cast<size_t>(col[k])]; };
    for (int k : {0, 2})
      if (!councils_.count(f(k)))
        return Cell{file, r.line, kCols[k], f(k)}.Bad("a council listed in data/councils.csv");
    int rank = 0;
    const std::string& rs = f(1);
    auto [p, ec] = std::from_chars(rs.data(), rs.data() + rs.size(), rank);
    if (ec != std::errc() || p != rs.data() + rs.size() || rank < 1 || rank > 20)
      return Cell{file, r.line, kCols[1], rs}.Bad("a whole number from 1 to 20");
    if (f(0) == f(2)) return Cell{file, r.line, kCols[2], f(2)}.Bad("another council");
    for (const auto& [k, n] : lists[f(0)])
      if (k == rank || n == f(2))
        return Cell{file, r.line, kCols[1], rs}.Bad("each rank and neighbour once per council");
    lists[f(0)].emplace_back(rank, f(2));
  }
  for (auto& [code, list] : lists) {
    std::sort(list.begin(), list.end());
    Council& c = councils_.find(code)->second;
    c.neighbours.clear();
    for (auto& [rank, n] : list) c.neighbours.push_back(n);
  }
  return Status::Ok();
}

const Council* Benchmarks::FindCouncil(std::string_view la_code) const {
  auto it = councils_.find(la_code);
  return it == councils_.end() ? nullptr : &it->second;
}

std::optional<ReferenceValue> Benchmarks::Best(std::string_view indicator, std::string_view area,
                                               Date start, Date end) const {
  const ReferenceValue* best = nullptr;
  for (const ReferenceValue& v : values_) {
    if (v.figure != Figure::kValue || v.indicator != indicator || v.area_code != area ||
        v.end > end)
      continue;
    const bool exact = v.start == start && v.end == end;
    if (exact) return v;
    if (!best || v.end > best->end || (v.end == best->end && v.start > best->start)) best = &v;
  }
  return best ? std::optional<ReferenceValue>(*best) : std::nullopt;
}

Result<Benchmarks::Comparison> Benchmarks::Compare(std::string_view indicator,
                                                   std::string_view la_code, Date start,
                                                   Date end) const {
  const Council* c = FindCouncil(la_code);
  if (!c) {
    return Err(NotFound(fmt::format(
        "council \"{}\" is not in data/councils.csv (add its DfE LA code, name and region)",
        la_code)));
  }
  Comparison out;
  out.england = Best(indicator, "E92000001", start, end);
  out.region = Best(indicator, c->region_code, start, end);
  out.neighbours_average = Best(indicator, NeighbourGroupCode(la_code), start, end);
  for (const std::string& n : c->neighbours)
    out.neighbours.emplace_back(*FindCouncil(n), Best(indicator, n, start, end));
  for (const ReferenceValue& v : values_)
    if (v.figure != Figure::kValue && v.indicator == indicator) out.thresholds.push_back(v);
  std::sort(out.thresholds.begin(), out.thresholds.end(),
            [](const ReferenceValue& a, const ReferenceValue& b) { return a.end > b.end; });
  return out;
}

}  // namespace journey::engine
