#include "returns/ssda903_read.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/csv.h"
#include "returns/ssda903_xml.h"

namespace journey::returns {

std::string Problem::ToString() const {
  std::string out = file;
  if (line > 0) out += fmt::format(" line {}", line);
  if (!column.empty()) out += fmt::format(", column {}", column);
  if (!column.empty() || !value.empty()) out += fmt::format(", value \"{}\"", value);
  return out + ": " + message;
}

const std::string& ReadTable::Get(size_t row, std::string_view column) const {
  static const std::string kEmpty;
  const int i = spec->Column(column);
  return i < 0 ? kEmpty : rows[row][static_cast<size_t>(i)];
}

namespace {

std::string Join(const std::vector<std::string>& v) {
  return fmt::format("{}", fmt::join(v, ", "));
}

// The table whose columns are closest to `found`, and how they differ, for the message.
std::string Closest(const std::set<std::string>& found, const std::vector<const TableSpec*>& ts) {
  const TableSpec* best = nullptr;
  size_t best_common = 0;
  for (const TableSpec* t : ts) {
    size_t common = 0;
    for (const std::string& c : t->columns) common += found.count(c);
    if (common > best_common) best = t, best_common = common;
  }
  if (!best) return "";
  std::vector<std::string> missing, extra;
  for (const std::string& c : best->columns)
    if (!found.count(c)) missing.push_back(c);
  std::set<std::string> want(best->columns.begin(), best->columns.end());
  for (const std::string& c : found)
    if (!want.count(c)) extra.push_back(c);
  std::string out = fmt::format("; closest is {} ({})", best->name, Join(best->columns));
  if (!missing.empty()) out += fmt::format(", missing {}", Join(missing));
  if (!extra.empty()) out += fmt::format(", not expected {}", Join(extra));
  return out;
}

}  // namespace

Read903 ReadFiles(const std::vector<InputFile>& files, int year, const Ssda903Spec& spec) {
  Read903 out;
  // The XML form (ssda903_xml.h) is one file holding every table, as the DfE's tools take it.
  for (const InputFile& f : files)
    if (LooksLikeXml(f.text)) {
      if (files.size() == 1)
        ReadXml903(f, year, spec, out);
      else
        out.problems.push_back(Problem{f.name, 0, "", "",
                                       "is XML, which holds every table: give one XML file or "
                                       "CSV files, not both and not two XML files"});
      return out;
    }
  const std::vector<const TableSpec*> in_year = spec.TablesIn(year);
  std::vector<std::string> seen_in(spec.tables().size());
  for (const InputFile& f : files) {
    auto csv = ParseCsv(f.text, f.name);
    if (!csv) {
      // ParseCsv's message already names the file and line.
      out.problems.push_back(Problem{f.name, 0, "", "", csv.error().message()});
      continue;
    }
    std::set<std::string> found(csv->header.begin(), csv->header.end());
    if (found.size() != csv->header.size()) {
      out.problems.push_back(
          Problem{f.name, 1, "", "",
                  fmt::format("a column appears twice in the header ({})", Join(csv->header))});
      continue;
    }
    const TableSpec* match = nullptr;
    for (const TableSpec& t : spec.tables())
      if (std::set<std::string>(t.columns.begin(), t.columns.end()) == found) match = &t;
    if (!match) {
      out.problems.push_back(
          Problem{f.name, 1, "", "",
                  fmt::format("the columns ({}) are not those of any SSDA903 table of {}/{:02}{}",
                              Join(csv->header), year - 1, year % 100, Closest(found, in_year))});
      continue;
    }
    if (!match->In(year)) {
      out.problems.push_back(Problem{
          f.name, 1, "", "",
          fmt::format("table {} is not collected in {}/{:02} (only from {}/{:02}{})", match->name,
                      year - 1, year % 100, match->from_year - 1, match->from_year % 100,
                      match->to_year
                          ? fmt::format(" to {}/{:02}", match->to_year - 1, match->to_year % 100)
                          : "")});
      continue;
    }
    const size_t ti = static_cast<size_t>(match - spec.tables().data());
    if (!seen_in[ti].empty()) {
      out.problems.push_back(
          Problem{f.name, 0, "", "",
                  fmt::format("is table {}, which {} already gave: give each table once",
                              match->name, seen_in[ti])});
      continue;
    }
    seen_in[ti] = f.name;
    ReadTable t;
    t.spec = match;
    t.file = f.name;
    std::vector<size_t> from(match->columns.size());
    for (size_t c = 0; c < match->columns.size(); ++c)
      from[c] = static_cast<size_t>(csv->ColumnIndex(match->columns[c]));
    t.rows.reserve(csv->rows.size());
    for (CsvRow& r : csv->rows) {
      std::vector<std::string> row(from.size());
      for (size_t c = 0; c < from.size(); ++c) row[c] = std::move(r.fields[from[c]]);
      t.rows.push_back(std::move(row));
      t.lines.push_back(r.line);
    }
    out.tables.push_back(std::move(t));
  }
  return out;
}

}  // namespace journey::returns
