// The England and Wales working-day calendar: Monday to Friday, less bank holidays.
//
// Bank holidays come from a data file (data/bank_holidays_england_wales.csv, embedded in
// the binary; a council can load an extended copy when a new holiday is announced). The
// calendar covers the whole years the file covers; asking about a date outside them is an
// OutOfRange error, never a silent guess.
//
// Working-day arithmetic runs in constant time from two precomputed tables over the
// covered range: a prefix count of working days, and the working days in order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"

namespace journey {

struct BankHoliday {
  Date date;
  std::string name;
};

class WorkingDayCalendar {
 public:
  // Parses the CSV form: header "date,name", then one "YYYY-MM-DD,Name" per line.
  // Errors name the file, line, field and value.
  static Result<WorkingDayCalendar> FromCsv(std::string_view csv_text,
                                            std::string_view file_name);
  static Result<WorkingDayCalendar> FromFile(const std::string& path);
  // The embedded England and Wales calendar (1990 to 2040).
  static const WorkingDayCalendar& EnglandAndWales();

  Date first_covered() const;  // 1 January of the first year in the file
  Date last_covered() const;   // 31 December of the last year in the file
  bool Covers(Date d) const;

  // Both are false for a date outside the covered range (check Covers(), or use the
  // Result-returning functions below, which say so).
  bool IsBankHoliday(Date d) const;
  bool IsWorkingDay(Date d) const;  // weekday and not a bank holiday
  const std::vector<BankHoliday>& holidays() const;

  // The date n working days after `from` (n >= 0), counting from the next working day:
  // AddWorkingDays(Fri, 1) = Mon. `from` itself need not be a working day. n = 0 gives
  // `from` unchanged. Negative n counts backwards symmetrically.
  Result<Date> AddWorkingDays(Date from, int n) const;

  // Working days d with from < d <= to (so WorkingDaysBetween(x, AddWorkingDays(x, n)) == n).
  // When to < from, it counts backwards the same way, from (exclusive) to `to` (inclusive):
  // minus the working days d with to <= d < from, so the identity holds for negative n too.
  // Both dates must be covered (OutOfRange otherwise).
  Result<int> WorkingDaysBetween(Date from, Date to) const;

  // The first working day on or after d.
  Result<Date> NextWorkingDayOnOrAfter(Date d) const;

 private:
  WorkingDayCalendar() = default;
  Status CheckCovered(Date d) const;  // OutOfRange naming d and the covered range
  std::vector<BankHoliday> holidays_;
  int32_t first_day_ = 0;                // day number of first_covered()
  std::vector<int32_t> cumulative_;      // cumulative_[i]: working days in [first, first+i)
  std::vector<int32_t> working_days_;    // day numbers of working days, ascending
  std::vector<uint8_t> holiday_flag_;    // per covered day
};

}  // namespace journey
