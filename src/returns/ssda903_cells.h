// Reading one cell of an SSDA903 row into a typed value, noting a problem (file, line,
// column, value, what is allowed) when it does not fit. Internal to the importer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "returns/ssda903_read.h"

namespace journey::returns {

class Cells {
 public:
  Cells(const ReadTable& t, size_t row, std::vector<Problem>& problems)
      : t_(t), row_(row), problems_(problems) {}
  const std::string& operator[](std::string_view column) const { return t_.Get(row_, column); }
  std::string Where() const;  // "Episodes.csv line 3"
  int line() const { return t_.lines[row_]; }
  const std::string& file() const { return t_.file; }
  void Bad(std::string_view column, std::string message) const;
  // dd/mm/yyyy; blank is nullopt (a problem when required).
  std::optional<Date> Day(std::string_view column, bool required = false) const;
  // A code of `list` valid on `on` (any year when absent); blank is "" (a problem when
  // required); a bad code is a problem and "".
  std::string Code(std::string_view column, std::string_view list, std::optional<Date> on,
                   bool required = false) const;
  // 0 or 1; blank is nullopt.
  std::optional<bool> Flag(std::string_view column) const;
  std::optional<int64_t> Int(std::string_view column, int64_t lo, int64_t hi) const;

 private:
  const ReadTable& t_;
  size_t row_;
  std::vector<Problem>& problems_;
};

}  // namespace journey::returns
