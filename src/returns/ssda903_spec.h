// The SSDA903 return's shape, as data: which tables a collection year has and their exact
// columns (data/ssda903_tables.csv), and how a value on the record is written in the
// return in a given year (data/ssda903_values.csv, e.g. SEX M -> 1 up to 2023/24, M from
// 2024/25). Next year's changes are a data change. Source: DATA-SPECS.md sections 5, 12.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace journey::returns {

struct TableSpec {
  std::string name;                  // "Episodes"
  std::vector<std::string> columns;  // in the DfE's order
  int from_year = 0;                 // first collection year with the table (0 = always)
  int to_year = 0;                   // last (0 = still)
  bool In(int year) const {
    return (from_year == 0 || year >= from_year) && (to_year == 0 || year <= to_year);
  }
  int Column(std::string_view column) const;  // index, or -1
};

struct ValueMapping {
  std::string column, journey, ret;
  int from_year = 0, to_year = 0;
};

class Ssda903Spec {
 public:
  static Result<Ssda903Spec> FromCsv(std::string_view tables_csv, std::string_view values_csv);
  // The embedded data files.
  static const Ssda903Spec& Default();

  // Every table the return knows, in the DfE's order.
  const std::vector<TableSpec>& tables() const { return tables_; }
  // The tables of a collection year (2026 = 2025/26).
  std::vector<const TableSpec*> TablesIn(int year) const;
  const TableSpec* Find(std::string_view name) const;

  // The return's value for a record value in `column` in `year`; the value itself when the
  // column has no mapping; nullopt when the column is mapped but this value has no return
  // value that year (e.g. SEX U before 2024/25).
  std::optional<std::string> ToReturn(std::string_view column, std::string_view value,
                                      int year) const;
  // The reverse; nullopt when `value` is not a return value of the column that year.
  std::optional<std::string> FromReturn(std::string_view column, std::string_view value,
                                        int year) const;
  // The return values a mapped column allows in `year`, for messages ("M, F, U").
  std::string AllowedIn(std::string_view column, int year) const;

 private:
  bool Mapped(std::string_view column) const;
  std::vector<TableSpec> tables_;
  std::vector<ValueMapping> values_;
};

}  // namespace journey::returns
