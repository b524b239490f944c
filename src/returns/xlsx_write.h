// A thin writer of .xlsx workbooks over libxlsxwriter, shared by the Annex A export and
// the findings workbook: sheets of a header row and rows of text, whole numbers and dates
// (real date cells, shown dd/mm/yyyy).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"

namespace journey::returns {

class XlsxWriter {
 public:
  // `stamp` is written as the workbook's creation time, so the same content gives the same
  // bytes. `streaming` writes each row as it comes (constant memory; strings inline)
  // rather than keeping the sheet in memory (strings shared).
  static Result<std::unique_ptr<XlsxWriter>> Create(const std::string& path, Date stamp,
                                                    bool streaming);
  ~XlsxWriter();

  // A new sheet with a bold header row; following writes go to it, from row 2.
  Status AddSheet(std::string_view name, const std::vector<std::string>& headers);
  void Text(int col, std::string_view text);
  void Number(int col, double n);
  void Day(int col, Date d);
  void EndRow() { ++row_; }
  // Writes the file; nothing is on disk before this.
  Status Close();

 private:
  XlsxWriter() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  uint32_t row_ = 0;
  std::string path_;
};

// Excel's serial day number of a date (days since 30 December 1899, the 1900 date system).
inline double ExcelSerial(Date d) { return d.days() + 25569.0; }

}  // namespace journey::returns
