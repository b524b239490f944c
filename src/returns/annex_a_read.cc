#include "returns/annex_a_read.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace journey::returns {
namespace {

constexpr size_t kMaxProblems = 1000;  // beyond this, a count: the file is wrong throughout

struct Reader {
  const AnnexASpec& spec;
  std::string file;
  AnnexARead& out;

  void Problem(const std::string& sheet, int row, std::string column, std::string value,
               std::string message) {
    if (out.problems.size() < kMaxProblems)
      out.problems.push_back(
          {file, sheet, row, std::move(column), std::move(value), std::move(message)});
    else
      ++dropped;
  }
  size_t dropped = 0;
  std::map<std::string, int> blank_required;  // "List 9: Allocated Team" -> rows

  // Which column of `list` a header names, or -1.
  static int ColumnOf(const AnnexAList& list, const std::string& norm) {
    for (size_t i = 0; i < list.columns.size(); ++i) {
      const AnnexAColumn& c = list.columns[i];
      if (NormaliseHeader(c.header) == norm) return static_cast<int>(i);
      for (const std::string& a : c.aliases)
        if (NormaliseHeader(a) == norm) return static_cast<int>(i);
    }
    return -1;
  }

  void Sheet(const XlsxSheet& s);
  AnnexACell Cell(const XlsxSheet& s, int row, const AnnexAColumn& col, const XlsxCell& cell);
};

std::string Shown(const XlsxCell& c) { return c.text; }

void Reader::Sheet(const XlsxSheet& s) {
  if (s.rows.empty()) {
    out.notes.push_back(fmt::format("sheet \"{}\" is empty; skipped", s.name));
    return;
  }
  const XlsxRow& head = s.rows.front();
  std::vector<std::string> headers;  // normalised, by cell
  for (const XlsxCell& c : head.cells) headers.push_back(NormaliseHeader(c.text));
  // The list whose columns the header row names: all of them and nothing else. Otherwise
  // the closest (most headers in common) is named in the problem.
  const AnnexAList* best = nullptr;
  int best_hits = 0;
  for (const AnnexAList& l : spec.lists()) {
    int hits = 0;
    for (const std::string& h : headers) hits += ColumnOf(l, h) >= 0;
    if (hits > best_hits ||
        (hits == best_hits && best && hits == static_cast<int>(headers.size()) &&
         l.columns.size() == headers.size() && best->columns.size() != headers.size())) {
      best = &l;
      best_hits = hits;
    }
  }
  if (!best || best_hits == 0) {
    out.notes.push_back(
        fmt::format("sheet \"{}\": its first row names no Annex A column; skipped", s.name));
    return;
  }
  std::vector<int> col_of(head.cells.size(), -1);
  std::set<int> present;
  std::vector<std::string> unexpected, repeated, missing;
  for (size_t i = 0; i < head.cells.size(); ++i) {
    const int c = ColumnOf(*best, headers[i]);
    if (c < 0)
      unexpected.push_back(head.cells[i].text);
    else if (!present.insert(c).second)
      repeated.push_back(head.cells[i].text);
    col_of[i] = c;
  }
  for (size_t c = 0; c < best->columns.size(); ++c)
    if (!present.count(static_cast<int>(c))) missing.push_back(best->columns[c].header);
  if (!unexpected.empty() || !repeated.empty() || !missing.empty()) {
    std::string why;
    if (!missing.empty()) why += fmt::format("; missing: \"{}\"", fmt::join(missing, "\", \""));
    if (!unexpected.empty())
      why += fmt::format("; not {} columns: \"{}\"", best->sheet, fmt::join(unexpected, "\", \""));
    if (!repeated.empty())
      why += fmt::format("; given twice: \"{}\"", fmt::join(repeated, "\", \""));
    Problem(s.name, head.number, "", "",
            fmt::format("the headers are not those of any Annex A list; the closest is {} ({} of "
                        "its {} columns){}",
                        best->sheet, best_hits, best->columns.size(), why));
    return;
  }
  if (std::find(out.found.begin(), out.found.end(), best->number) != out.found.end()) {
    Problem(s.name, head.number, "", "",
            fmt::format("a second sheet with the columns of {}: give each list once", best->sheet));
    return;
  }
  out.found.push_back(best->number);
  // Map workbook columns (by letter) to the list's columns.
  std::map<int, int> by_letter;
  for (size_t i = 0; i < head.cells.size(); ++i) by_letter[head.cells[i].col] = col_of[i];
  AnnexASheet& sheet = out.lists.lists[static_cast<size_t>(best->number - 1)];
  sheet.read_from = s.name;
  for (size_t r = 1; r < s.rows.size(); ++r) {
    const XlsxRow& xr = s.rows[r];
    AnnexARow row(best->columns.size());
    for (const XlsxCell& c : xr.cells) {
      auto it = by_letter.find(c.col);
      if (it == by_letter.end()) {
        Problem(s.name, xr.number, XlsxColumnName(c.col), Shown(c),
                "a value in a column with no header; every value must be under one of the "
                "list's headers");
        continue;
      }
      row[static_cast<size_t>(it->second)] =
          Cell(s, xr.number, best->columns[static_cast<size_t>(it->second)], c);
    }
    // Blank where the template asks for a value: the record may not hold it (the export
    // leaves such cells blank too), so this is noted, not refused; except the identifier,
    // without which the row means nothing.
    for (size_t c = 0; c < row.size(); ++c) {
      const AnnexAColumn& col = best->columns[c];
      if (col.may_be_blank || !std::holds_alternative<std::monostate>(row[c])) continue;
      if (c == 0)
        Problem(s.name, xr.number, col.header, "", "the identifier must not be blank");
      else
        ++blank_required[best->sheet + ": " + col.header];
    }
    sheet.rows.push_back(std::move(row));
    sheet.lines.push_back(xr.number);
  }
}

AnnexACell Reader::Cell(const XlsxSheet& s, int row, const AnnexAColumn& col, const XlsxCell& c) {
  using T = XlsxCell::Type;
  if (c.type == T::kError) {
    Problem(s.name, row, col.header, c.text, "an error value (a formula that failed)");
    return {};
  }
  switch (col.type) {
    case AnnexACellType::kDate: {
      if (c.type == T::kNumber) {
        if (auto d = FromExcelSerial(c.number)) return *d;
        Problem(s.name, row, col.header, c.text,
                "a date serial outside 01/03/1900 to 31/12/9999; give a date, dd/mm/yyyy");
        return {};
      }
      auto d = Date::ParseDmy(c.text);
      if (!d) d = Date::ParseIso(c.text);
      if (d) return *d;
      Problem(s.name, row, col.header, c.text,
              "not a real date; give a date cell or dd/mm/yyyy (e.g. 28/02/2025)");
      return {};
    }
    case AnnexACellType::kInt: {
      double n = c.number;
      bool ok = c.type == T::kNumber;
      if (c.type == T::kText) {
        ok = !c.text.empty() && c.text.size() < 10 &&
             std::all_of(c.text.begin(), c.text.end(),
                         [](char ch) { return ch >= '0' && ch <= '9'; });
        if (ok) n = std::stod(c.text);
      }
      if (ok && n >= 0 && n <= 1e9 && std::floor(n) == n) return static_cast<int64_t>(n);
      Problem(s.name, row, col.header, c.text, "not a whole number of 0 or more");
      return {};
    }
    case AnnexACellType::kLabel: {
      if (auto code = spec.Code(col.labels, c.text))
        return std::string(*spec.Label(col.labels, *code));
      Problem(s.name, row, col.header, c.text,
              fmt::format("not a label of this column; allowed: {}", spec.Allowed(col.labels)));
      return {};
    }
    case AnnexACellType::kText:
      return c.text;
  }
  return {};
}

}  // namespace

std::string AnnexAProblem::ToString() const {
  std::string where = file;
  if (!sheet.empty()) where += fmt::format(", sheet \"{}\"", sheet);
  if (row) where += fmt::format(" row {}", row);
  if (!column.empty()) where += fmt::format(", column \"{}\"", column);
  if (!column.empty() || !value.empty()) where += fmt::format(", value \"{}\"", value);
  return where + ": " + message;
}

std::optional<Date> FromExcelSerial(double serial) {
  // Whole days only (a time of day is dropped); 61 is 1 March 1900, 2958465 is 31/12/9999.
  const double day = std::floor(serial);
  if (!(day >= 61 && day <= 2958465)) return std::nullopt;
  return Date::FromDays(static_cast<int32_t>(day) - 25569);
}

AnnexARead ReadAnnexAWorkbook(std::string_view bytes, std::string_view file, const AnnexASpec& spec,
                              const XlsxLimits& limits) {
  AnnexARead out;
  for (const AnnexAList& l : spec.lists()) out.lists.lists.push_back(AnnexASheet{&l, {}});
  auto book = ReadXlsx(bytes, file, limits);
  if (!book) {
    out.problems.push_back({std::string(file), "", 0, "", "", book.error().message()});
    return out;
  }
  Reader r{spec, std::string(file), out};
  for (const XlsxSheet& s : *book) r.Sheet(s);
  for (AnnexASheet& s : out.lists.lists) {
    // Sorted as the export sorts, each row keeping its number in the sheet.
    std::vector<size_t> order(s.rows.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return s.rows[a] < s.rows[b]; });
    std::vector<AnnexARow> rows;
    std::vector<int> lines;
    for (size_t i : order) {
      rows.push_back(std::move(s.rows[i]));
      lines.push_back(s.lines[i]);
    }
    s.rows = std::move(rows);
    s.lines = std::move(lines);
  }
  for (const auto& [where, n] : r.blank_required)
    out.notes.push_back(fmt::format("{}: blank in {} row{} (the template asks for a value)", where,
                                    n, n == 1 ? "" : "s"));
  if (r.dropped)
    out.problems.push_back(
        {std::string(file), "", 0, "", "", fmt::format("and {} more problems", r.dropped)});
  if (out.found.empty() && out.problems.empty())
    out.problems.push_back(
        {std::string(file), "", 0, "", "", "no sheet has the headers of an Annex A list"});
  return out;
}

}  // namespace journey::returns
