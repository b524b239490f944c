// A small RFC 4180 CSV reader and writer, used for every CSV Journey reads or writes
// (bank holidays, code lists, SSDA903 tables, imports).
//
// Reading: the first record is the header; every later record must have as many fields
// as the header. Quoted fields may hold commas, doubled quotes ("") and line breaks.
// Lines may end in CRLF or LF. A UTF-8 byte-order mark is skipped and blank lines at the
// end of the file are ignored. A UTF-16 file (a UTF-16 byte-order mark, or NUL bytes) is
// refused: save it as "CSV UTF-8". A quote inside an unquoted field, text after a closing
// quote and an unterminated quote are refused. Every error names the file and line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace journey {

struct CsvRow {
  int line;  // 1-based line of the file on which the record starts (the header is line 1)
  std::vector<std::string> fields;
};

struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
  // The index of the header column called `name` (exact match), or -1 if absent.
  int ColumnIndex(std::string_view name) const;
};

// `file_name` is used only in error messages.
Result<CsvTable> ParseCsv(std::string_view text, std::string_view file_name);

// The field as it must be written in a CSV file: unchanged unless it holds a comma, a
// quote, CR or LF, in which case it is quoted and its quotes doubled.
std::string CsvEscape(std::string_view field);
// The fields escaped, joined with commas, ending "\n".
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace journey
