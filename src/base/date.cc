#include "base/date.h"

#include <cassert>
#include <cstdio>

namespace journey {
namespace {

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2200;

constexpr const char* kMonthNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};

// Floor division for the era arithmetic below (C++ division truncates towards zero).
constexpr int64_t FloorDiv(int64_t a, int64_t b) { return (a >= 0 ? a : a - (b - 1)) / b; }

// Days since 1970-01-01 for a proleptic Gregorian date. Works in 400-year eras (146097
// days each) counted from 0000-03-01, so that 29 February falls at the end of a year and
// the day of the year follows from the month by a linear formula.
int32_t DaysFromCivil(int year, int month, int day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = FloorDiv(y, 400);
  const int64_t year_of_era = y - era * 400;                            // 0..399
  const int64_t shifted_month = month > 2 ? month - 3 : month + 9;      // March = 0
  const int64_t day_of_year = (153 * shifted_month + 2) / 5 + day - 1;  // 0..365
  const int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // 0..146096
  // 719468 = days from 0000-03-01 to 1970-01-01.
  return static_cast<int32_t>(era * 146097 + day_of_era - 719468);
}

YearMonthDay CivilFromDays(int32_t days) {
  const int64_t z = static_cast<int64_t>(days) + 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t day_of_era = z - era * 146097;  // 0..146096
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // 0..365
  const int64_t shifted_month = (5 * day_of_year + 2) / 153;                   // March = 0
  const int day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  const int month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `width` ASCII digits at text[pos]; -1 if any is not a digit.
int ReadDigits(std::string_view text, size_t pos, size_t width) {
  int v = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (!IsDigit(text[i])) return -1;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

std::string Quoted(std::string_view text) {
  std::string s;
  s.reserve(text.size() + 2);
  s += '"';
  s.append(text);
  s += '"';
  return s;
}

// The year, month and day have been read; checks they name a real date in range.
Result<Date> Validate(std::string_view text, int year, int month, int day, std::string_view form) {
  const std::string expected = " (expected " + std::string(form) + ")";
  if (month < 1 || month > 12) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", month);
    return Err(InvalidArgument("date " + Quoted(text) + " is not a real date: there is no month " +
                               buf + expected));
  }
  if (day < 1) {
    return Err(InvalidArgument("date " + Quoted(text) + " is not a real date: there is no day 00" +
                               expected));
  }
  if (day > DaysInMonth(year, month)) {
    std::string why;
    if (month == 2 && day == 29) {
      why = std::to_string(year) + " is not a leap year, so February has 28 days";
    } else {
      why = std::string(kMonthNames[month - 1]) + " has " +
            std::to_string(DaysInMonth(year, month)) + " days";
    }
    return Err(InvalidArgument("date " + Quoted(text) + " is not a real date: " + why + expected));
  }
  if (year < kMinYear || year > kMaxYear) {
    return Err(OutOfRange("date " + Quoted(text) + " is outside the years Journey accepts (" +
                          std::to_string(kMinYear) + " to " + std::to_string(kMaxYear) + ")"));
  }
  return Date::FromYmd(year, month, day);
}

Status BadForm(std::string_view text, std::string_view form) {
  if (text.empty()) {
    return InvalidArgument("date is empty (expected " + std::string(form) + ")");
  }
  return InvalidArgument("date " + Quoted(text) + " is not in the form " + std::string(form));
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

bool IsValidYmd(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

Date Date::FromYmd(int year, int month, int day) {
  assert(IsValidYmd(year, month, day));
  return Date(DaysFromCivil(year, month, day));
}

Result<Date> Date::ParseIso(std::string_view text) {
  constexpr std::string_view kForm = "YYYY-MM-DD";
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return Err(BadForm(text, kForm));
  const int year = ReadDigits(text, 0, 4);
  const int month = ReadDigits(text, 5, 2);
  const int day = ReadDigits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return Err(BadForm(text, kForm));
  return Validate(text, year, month, day, kForm);
}

Result<Date> Date::ParseDmy(std::string_view text) {
  constexpr std::string_view kForm = "dd/mm/yyyy";
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return Err(BadForm(text, kForm));
  const int day = ReadDigits(text, 0, 2);
  const int month = ReadDigits(text, 3, 2);
  const int year = ReadDigits(text, 6, 4);
  if (year < 0 || month < 0 || day < 0) return Err(BadForm(text, kForm));
  return Validate(text, year, month, day, kForm);
}

Result<Date> Date::Parse(std::string_view text) {
  if (text.size() > 4 && text[4] == '-') return ParseIso(text);
  if (text.size() > 2 && text[2] == '/') return ParseDmy(text);
  return Err(BadForm(text, "YYYY-MM-DD or dd/mm/yyyy"));
}

YearMonthDay Date::ToYmd() const { return CivilFromDays(days_); }

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  int r = (days_ % 7 + 3) % 7;
  if (r < 0) r += 7;
  return static_cast<Weekday>(r);
}

void Date::WriteIso(char* out) const {
  const YearMonthDay ymd = ToYmd();
  const int y = ymd.year;  // 1800..2200 for every date Journey accepts; four digits always
  out[0] = static_cast<char>('0' + y / 1000 % 10);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + ymd.month / 10);
  out[6] = static_cast<char>('0' + ymd.month % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + ymd.day / 10);
  out[9] = static_cast<char>('0' + ymd.day % 10);
}

std::string Date::ToIso() const {
  std::string s(10, '0');
  WriteIso(s.data());
  return s;
}

std::string Date::ToDmy() const {
  const YearMonthDay ymd = ToYmd();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", ymd.day, ymd.month, ymd.year);
  return buf;
}

Date Date::AddMonths(int n) const {
  const YearMonthDay ymd = ToYmd();
  const int64_t months = static_cast<int64_t>(ymd.year) * 12 + (ymd.month - 1) + n;
  const int year = static_cast<int>(FloorDiv(months, 12));
  const int month = static_cast<int>(months - static_cast<int64_t>(year) * 12) + 1;
  const int last = DaysInMonth(year, month);
  return FromYmd(year, month, ymd.day < last ? ymd.day : last);
}

int AgeInYears(Date birth, Date on) {
  const YearMonthDay b = birth.ToYmd();
  const YearMonthDay o = on.ToYmd();
  int age = o.year - b.year;
  // Comparing (month, day) pairs gives the 29 February rule for free: in a common year
  // no date equals (2, 29), so the birthday is first reached on (3, 1).
  if (o.month < b.month || (o.month == b.month && o.day < b.day)) --age;
  return age;
}

int CollectionYearOf(Date d) {
  const YearMonthDay ymd = d.ToYmd();
  return ymd.month >= 4 ? ymd.year + 1 : ymd.year;
}

Date CollectionYearStart(int collection_year) { return Date::FromYmd(collection_year - 1, 4, 1); }

Date CollectionYearEnd(int collection_year) { return Date::FromYmd(collection_year, 3, 31); }

}  // namespace journey
