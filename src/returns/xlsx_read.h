// Reading .xlsx workbooks (Office Open XML spreadsheets) with libzip and pugixml: the
// sheets in workbook order, each as its rows of cells. Handles shared strings, inline
// strings, formula results, numbers, booleans, and tells date-formatted numbers (date
// serials) from plain ones by the cell's style. Untrusted input: a file that is not a zip,
// a truncated zip, a zip that is not a workbook, malformed XML, or a part that expands
// beyond the limits (a zip bomb) is refused with a message naming the file and the part.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace journey::returns {

struct XlsxCell {
  enum class Type { kText, kNumber, kBool, kError };
  int col = 0;  // 0-based column
  Type type = Type::kText;
  std::string text;                // text, or the number as written in the file
  double number = 0;               // kNumber, kBool (0 or 1)
  bool date = false;               // a number in a date format: an Excel date serial
  std::string Ref(int row) const;  // "B3"
};

struct XlsxRow {
  int number = 0;               // 1-based, as in the file
  std::vector<XlsxCell> cells;  // non-empty cells, in column order
};

struct XlsxSheet {
  std::string name;
  std::vector<XlsxRow> rows;
};

struct XlsxLimits {
  size_t max_part_bytes = size_t{256} << 20;   // one part (sheet, shared strings) expanded
  size_t max_total_bytes = size_t{512} << 20;  // all parts read, expanded
  size_t max_cells = 20'000'000;
};

// `file` names the workbook in messages.
Result<std::vector<XlsxSheet>> ReadXlsx(std::string_view bytes, std::string_view file,
                                        const XlsxLimits& limits = {});

// "A" -> 0, "AB" -> 27; -1 when `letters` is not a column name.
int XlsxColumn(std::string_view letters);
std::string XlsxColumnName(int col);

}  // namespace journey::returns
