// Reading SSDA903 CSV files: each file is recognised as a table by its exact set of
// columns (any file name, any column order), as the DfE's validator does (DATA-SPECS.md
// s12). Nothing here writes; problems are collected, each naming the file, the line, the
// column, the value and what is allowed.
#pragma once

#include <string>
#include <vector>

#include "returns/ssda903_spec.h"

namespace journey::returns {

struct Problem {
  std::string file;
  int line = 0;        // 0 when the problem is with the whole file
  std::string column;  // empty when not about one column
  std::string value;
  std::string message;
  std::string ToString() const;  // "Episodes.csv line 3, column DEC, value "31/02/2025": ..."
};

struct InputFile {
  std::string name;  // for messages only
  std::string text;
};

// A recognised table: its rows with the fields in the spec's column order.
struct ReadTable {
  const TableSpec* spec = nullptr;
  std::string file;
  std::vector<int> lines;  // the file line of each row
  std::vector<std::vector<std::string>> rows;
  const std::string& Get(size_t row, std::string_view column) const;
};

struct Read903 {
  std::vector<ReadTable> tables;
  std::vector<Problem> problems;
};

// Recognises each file as one of `year`'s tables. A file whose columns match no table, or
// a table not collected that year, or a table given twice, is a problem.
Read903 ReadFiles(const std::vector<InputFile>& files, int year,
                  const Ssda903Spec& spec = Ssda903Spec::Default());

}  // namespace journey::returns
