#include "returns/ssda903_spec.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>

#include "base/csv.h"
#include "base/embedded.h"

namespace journey::returns {
namespace {

Result<int> ParseYear(std::string_view text, std::string_view file, int line) {
  if (text.empty()) return 0;
  int y = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      return Err(InvalidArgument(fmt::format(
          "{} line {}: year \"{}\" must be a collection year such as 2026", file, line, text)));
    }
    y = y * 10 + (c - '0');
  }
  return y;
}

Result<CsvTable> Need(std::string_view text, std::string_view file,
                      const std::vector<std::string>& header) {
  JOURNEY_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(text, file));
  if (t.header != header) {
    return Err(InvalidArgument(fmt::format("{}: header must be {}", file, fmt::join(header, ","))));
  }
  return t;
}

}  // namespace

// Every rule reads its cells by column name, so this runs for nearly every cell a rule
// reads: the length and first letter rule out most columns before any string compare.
int TableSpec::Column(std::string_view column) const {
  if (column.empty()) return -1;
  for (size_t i = 0; i < columns.size(); ++i) {
    const std::string& c = columns[i];
    if (c.size() == column.size() && c[0] == column[0] && c == column) return static_cast<int>(i);
  }
  return -1;
}

Result<Ssda903Spec> Ssda903Spec::FromCsv(std::string_view tables_csv, std::string_view values_csv) {
  constexpr std::string_view kTables = "data/ssda903_tables.csv";
  constexpr std::string_view kValues = "data/ssda903_values.csv";
  Ssda903Spec spec;
  JOURNEY_ASSIGN_OR_RETURN(
      CsvTable t,
      Need(tables_csv, kTables, {"table", "columns", "from_year", "to_year", "source"}));
  for (const CsvRow& row : t.rows) {
    TableSpec ts;
    ts.name = row.fields[0];
    std::string_view cols = row.fields[1];
    while (!cols.empty()) {
      size_t sp = cols.find(' ');
      std::string_view c = cols.substr(0, sp);
      if (!c.empty()) ts.columns.emplace_back(c);
      cols = sp == std::string_view::npos ? std::string_view() : cols.substr(sp + 1);
    }
    JOURNEY_ASSIGN_OR_RETURN(ts.from_year, ParseYear(row.fields[2], kTables, row.line));
    JOURNEY_ASSIGN_OR_RETURN(ts.to_year, ParseYear(row.fields[3], kTables, row.line));
    if (ts.columns.empty() || ts.columns[0] != "CHILD") {
      return Err(InvalidArgument(fmt::format("{} line {}: table {}'s first column must be CHILD",
                                             kTables, row.line, ts.name)));
    }
    spec.tables_.push_back(std::move(ts));
  }
  JOURNEY_ASSIGN_OR_RETURN(
      CsvTable v,
      Need(values_csv, kValues, {"column", "journey", "return", "from_year", "to_year", "source"}));
  for (const CsvRow& row : v.rows) {
    ValueMapping m{row.fields[0], row.fields[1], row.fields[2]};
    JOURNEY_ASSIGN_OR_RETURN(m.from_year, ParseYear(row.fields[3], kValues, row.line));
    JOURNEY_ASSIGN_OR_RETURN(m.to_year, ParseYear(row.fields[4], kValues, row.line));
    spec.values_.push_back(std::move(m));
  }
  return spec;
}

const Ssda903Spec& Ssda903Spec::Default() {
  static const Ssda903Spec spec = [] {
    auto t = embedded::Find("data/ssda903_tables.csv");
    auto v = embedded::Find("data/ssda903_values.csv");
    if (!t || !v) {
      std::fprintf(stderr, "data/ssda903_*.csv are not embedded in this build\n");
      std::abort();
    }
    auto s = FromCsv(*t, *v);
    if (!s) {
      std::fprintf(stderr, "%s\n", s.error().ToString().c_str());
      std::abort();
    }
    return std::move(*s);
  }();
  return spec;
}

std::vector<const TableSpec*> Ssda903Spec::TablesIn(int year) const {
  std::vector<const TableSpec*> out;
  for (const TableSpec& t : tables_)
    if (t.In(year)) out.push_back(&t);
  return out;
}

const TableSpec* Ssda903Spec::Find(std::string_view name) const {
  for (const TableSpec& t : tables_)
    if (t.name == name) return &t;
  return nullptr;
}

bool Ssda903Spec::Mapped(std::string_view column) const {
  for (const ValueMapping& m : values_)
    if (m.column == column) return true;
  return false;
}

static bool InYear(const ValueMapping& m, int year) {
  return (m.from_year == 0 || year >= m.from_year) && (m.to_year == 0 || year <= m.to_year);
}

std::optional<std::string> Ssda903Spec::ToReturn(std::string_view column, std::string_view value,
                                                 int year) const {
  if (!Mapped(column)) return std::string(value);
  for (const ValueMapping& m : values_)
    if (m.column == column && m.journey == value && InYear(m, year)) return m.ret;
  return std::nullopt;
}

std::optional<std::string> Ssda903Spec::FromReturn(std::string_view column, std::string_view value,
                                                   int year) const {
  if (!Mapped(column)) return std::string(value);
  for (const ValueMapping& m : values_)
    if (m.column == column && m.ret == value && InYear(m, year)) return m.journey;
  return std::nullopt;
}

std::string Ssda903Spec::AllowedIn(std::string_view column, int year) const {
  std::vector<std::string_view> v;
  for (const ValueMapping& m : values_)
    if (m.column == column && InYear(m, year)) v.push_back(m.ret);
  return fmt::format("{}", fmt::join(v, ", "));
}

}  // namespace journey::returns
