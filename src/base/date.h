// Date: a calendar day as a count of days since 1970-01-01 (proleptic Gregorian).
// Cheap to copy, compare and subtract; the engine stores dates as these day numbers.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace journey {

enum class Weekday { kMonday = 0, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

struct YearMonthDay {
  int year;
  int month;  // 1..12
  int day;    // 1..31
};

class Date {
 public:
  constexpr Date() = default;
  static constexpr Date FromDays(int32_t days) { return Date(days); }
  // Requires a valid date (checked by IsValidYmd in debug builds); use Parse* for input.
  static Date FromYmd(int year, int month, int day);

  // ISO 8601 calendar date: "YYYY-MM-DD" exactly (4-digit year 1800..2200).
  static Result<Date> ParseIso(std::string_view text);
  // The DfE returns' form: "dd/mm/yyyy" exactly (two-digit day and month, four-digit year).
  static Result<Date> ParseDmy(std::string_view text);
  // Either form, told apart by the separator.
  static Result<Date> Parse(std::string_view text);

  constexpr int32_t days() const { return days_; }
  YearMonthDay ToYmd() const;
  int year() const { return ToYmd().year; }
  Weekday weekday() const;

  std::string ToIso() const;  // YYYY-MM-DD
  // Writes YYYY-MM-DD (10 characters, no terminator) to out: the fast path for bulk writes.
  void WriteIso(char* out) const;
  std::string ToDmy() const;  // dd/mm/yyyy

  Date AddDays(int32_t n) const { return Date(days_ + n); }
  // Calendar months: the same day-of-month n months on, clamped to the month's last day
  // (31 Jan + 1 month = 28/29 Feb). This is how "within 3 months" is read in Journey.
  Date AddMonths(int n) const;
  Date AddYears(int n) const { return AddMonths(12 * n); }

  friend constexpr auto operator<=>(Date a, Date b) = default;
  friend constexpr int32_t operator-(Date a, Date b) { return a.days_ - b.days_; }

 private:
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
bool IsValidYmd(int year, int month, int day);

// Whole years of age on `on` for someone born on `birth`. A 29 February birthday falls
// on 1 March in common years (the usual reading in England and Wales).
// Returns a negative number when `on` is before `birth` (an unborn child).
int AgeInYears(Date birth, Date on);

// The DfE collection year containing `d`: 1 April to 31 March, named by the year in
// which it ends (2026 = 2025-04-01 .. 2026-03-31), as the DfE's tools name it.
int CollectionYearOf(Date d);
Date CollectionYearStart(int collection_year);  // 1 April of collection_year - 1
Date CollectionYearEnd(int collection_year);    // 31 March of collection_year

}  // namespace journey
