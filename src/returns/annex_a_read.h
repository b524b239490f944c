// Reading an Annex A workbook: each sheet recognised as a list by its header row (any
// sheet name, any column order; headers compared ignoring case, spacing and curly quotes,
// with the other spellings the template data lists), and every cell checked against its
// column: dates (date cells, date serials, or dd/mm/yyyy text, and real), whole numbers,
// labels of the column's set. Nothing here writes; every problem is collected, naming the
// file, sheet, row, column, value and what is allowed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "returns/annex_a_export.h"
#include "returns/xlsx_read.h"

namespace journey::returns {

struct AnnexAProblem {
  std::string file, sheet;
  int row = 0;         // the sheet's row number; 0 for the whole file or sheet
  std::string column;  // header, empty when not about one column
  std::string value;
  std::string message;
  std::string ToString() const;
};

struct AnnexARead {
  AnnexA lists;            // Lists 1 to 11 in order; a list not in the workbook has no rows
  std::vector<int> found;  // the list numbers the workbook held
  std::vector<AnnexAProblem> problems;
  std::vector<std::string> notes;  // sheets skipped, required cells left blank
};

AnnexARead ReadAnnexAWorkbook(std::string_view bytes, std::string_view file,
                              const AnnexASpec& spec = AnnexASpec::Default(),
                              const XlsxLimits& limits = {});

// The date of an Excel serial day number (1900 date system), or nullopt outside 1 March
// 1900 to 31 December 9999 (serials before 61 count Excel's phantom 29 February 1900).
std::optional<Date> FromExcelSerial(double serial);

}  // namespace journey::returns
