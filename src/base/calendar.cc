#include "base/calendar.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "base/csv.h"
#include "base/embedded.h"

namespace journey {
namespace {

constexpr std::string_view kEnglandAndWalesFile = "data/bank_holidays_england_wales.csv";

constexpr const char* kWeekdayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                         "Friday", "Saturday", "Sunday"};

bool IsWeekend(Date d) { return d.weekday() >= Weekday::kSaturday; }

std::string Where(std::string_view file_name, int line, std::string_view field) {
  std::string s(file_name);
  s += " line ";
  s += std::to_string(line);
  if (!field.empty()) {
    s += ", field \"";
    s += field;
    s += '"';
  }
  s += ": ";
  return s;
}

std::string JoinHeader(const std::vector<std::string>& header) {
  std::string s;
  for (size_t i = 0; i < header.size(); ++i) {
    if (i > 0) s += ',';
    s += header[i];
  }
  return s;
}

struct ParsedHoliday {
  Date date;
  int line;
  std::string name;
};

}  // namespace

Result<WorkingDayCalendar> WorkingDayCalendar::FromCsv(std::string_view csv_text,
                                                       std::string_view file_name) {
  JOURNEY_ASSIGN_OR_RETURN(CsvTable table, ParseCsv(csv_text, file_name));
  const int date_col = table.ColumnIndex("date");
  const int name_col = table.ColumnIndex("name");
  if (date_col < 0 || name_col < 0) {
    return Err(InvalidArgument(Where(file_name, 1, "") +
                               "the header must name the columns \"date\" and \"name\" "
                               "(\"date,name\"), but it is \"" +
                               JoinHeader(table.header) + "\""));
  }
  if (table.rows.empty()) {
    return Err(InvalidArgument(std::string(file_name) +
                               " has no bank holidays: after the header \"date,name\" it needs "
                               "one \"YYYY-MM-DD,Name\" line for each holiday"));
  }

  std::vector<ParsedHoliday> parsed;
  parsed.reserve(table.rows.size());
  for (CsvRow& row : table.rows) {
    const std::string& date_text = row.fields[date_col];
    Result<Date> date = Date::ParseIso(date_text);
    if (!date) return Err(date.error().WithContext(Where(file_name, row.line, "date")));
    if (IsWeekend(*date)) {
      return Err(InvalidArgument(
          Where(file_name, row.line, "date") + date_text + " is a " +
          kWeekdayNames[static_cast<int>(date->weekday())] +
          "; a bank holiday is always a weekday (when a holiday falls at a weekend, list "
          "the substitute weekday instead)"));
    }
    if (row.fields[name_col].empty()) {
      return Err(InvalidArgument(Where(file_name, row.line, "name") +
                                 "the name is empty; give the holiday's name, e.g. "
                                 "\"Christmas Day\""));
    }
    parsed.push_back({*date, row.line, std::move(row.fields[name_col])});
  }
  std::stable_sort(parsed.begin(), parsed.end(),
                   [](const ParsedHoliday& a, const ParsedHoliday& b) { return a.date < b.date; });
  for (size_t i = 1; i < parsed.size(); ++i) {
    if (parsed[i].date == parsed[i - 1].date) {
      const ParsedHoliday& later = parsed[i].line > parsed[i - 1].line ? parsed[i] : parsed[i - 1];
      const ParsedHoliday& earlier =
          parsed[i].line > parsed[i - 1].line ? parsed[i - 1] : parsed[i];
      return Err(InvalidArgument(Where(file_name, later.line, "date") + later.date.ToIso() +
                                 " is listed twice (also on line " + std::to_string(earlier.line) +
                                 "); list each date once"));
    }
  }

  // Every year of the covered range must have its holidays: a gap means a truncated file,
  // and would make every deadline in that year silently too early.
  const int first_year = parsed.front().date.year();
  const int last_year = parsed.back().date.year();
  {
    int expected_year = first_year;
    for (const ParsedHoliday& h : parsed) {
      const int y = h.date.year();
      if (y > expected_year) {
        return Err(InvalidArgument(std::string(file_name) + " lists no bank holidays in " +
                                   std::to_string(expected_year) + ", but covers " +
                                   std::to_string(first_year) + " to " + std::to_string(last_year) +
                                   "; every year in that range needs its holidays"));
      }
      if (y == expected_year) ++expected_year;
    }
  }

  WorkingDayCalendar cal;
  cal.first_day_ = Date::FromYmd(first_year, 1, 1).days();
  const int32_t last_day = Date::FromYmd(last_year, 12, 31).days();
  const size_t n = static_cast<size_t>(last_day - cal.first_day_ + 1);
  cal.holiday_flag_.assign(n, 0);
  cal.holidays_.reserve(parsed.size());
  for (ParsedHoliday& h : parsed) {
    cal.holiday_flag_[h.date.days() - cal.first_day_] = 1;
    cal.holidays_.push_back({h.date, std::move(h.name)});
  }
  cal.cumulative_.resize(n + 1);
  cal.working_days_.reserve(n * 5 / 7 + 1);
  cal.cumulative_[0] = 0;
  for (size_t i = 0; i < n; ++i) {
    const int32_t day = cal.first_day_ + static_cast<int32_t>(i);
    const bool working = !cal.holiday_flag_[i] && !IsWeekend(Date::FromDays(day));
    if (working) cal.working_days_.push_back(day);
    cal.cumulative_[i + 1] = cal.cumulative_[i] + (working ? 1 : 0);
  }
  return cal;
}

Result<WorkingDayCalendar> WorkingDayCalendar::FromFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Err(
        NotFound("cannot open the bank-holiday file \"" + path + "\": " + std::strerror(errno)));
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    return Err(InvalidArgument("cannot read the bank-holiday file \"" + path + "\""));
  }
  return FromCsv(buf.str(), path);
}

const WorkingDayCalendar& WorkingDayCalendar::EnglandAndWales() {
  // Built once (thread-safe static initialisation) and never destroyed, so it stays valid
  // for other statics' destructors. A broken embedded file is a build error, not bad input.
  static const WorkingDayCalendar* const calendar = [] {
    const std::optional<std::string_view> text = embedded::Find(kEnglandAndWalesFile);
    if (!text) {
      std::fprintf(stderr, "journey: fatal: %.*s is not embedded in this binary\n",
                   static_cast<int>(kEnglandAndWalesFile.size()), kEnglandAndWalesFile.data());
      std::abort();
    }
    Result<WorkingDayCalendar> cal = FromCsv(*text, kEnglandAndWalesFile);
    if (!cal) {
      std::fprintf(stderr, "journey: fatal: the embedded bank-holiday file is malformed: %s\n",
                   cal.error().ToString().c_str());
      std::abort();
    }
    return new WorkingDayCalendar(std::move(*cal));
  }();
  return *calendar;
}

Date WorkingDayCalendar::first_covered() const { return Date::FromDays(first_day_); }

Date WorkingDayCalendar::last_covered() const {
  return Date::FromDays(first_day_ + static_cast<int32_t>(holiday_flag_.size()) - 1);
}

bool WorkingDayCalendar::Covers(Date d) const {
  return d.days() >= first_day_ &&
         d.days() - first_day_ < static_cast<int32_t>(holiday_flag_.size());
}

bool WorkingDayCalendar::IsBankHoliday(Date d) const {
  return Covers(d) && holiday_flag_[d.days() - first_day_] != 0;
}

bool WorkingDayCalendar::IsWorkingDay(Date d) const {
  if (!Covers(d)) return false;
  const size_t i = static_cast<size_t>(d.days() - first_day_);
  return cumulative_[i + 1] != cumulative_[i];
}

const std::vector<BankHoliday>& WorkingDayCalendar::holidays() const { return holidays_; }

Status WorkingDayCalendar::CheckCovered(Date d) const {
  if (Covers(d)) return Status::Ok();
  return OutOfRange("date " + d.ToIso() + " is outside the working-day calendar, which covers " +
                    first_covered().ToIso() + " to " + last_covered().ToIso() +
                    "; load a bank-holiday file that covers it");
}

Result<Date> WorkingDayCalendar::AddWorkingDays(Date from, int n) const {
  JOURNEY_RETURN_IF_ERROR(CheckCovered(from));
  const size_t i = static_cast<size_t>(from.days() - first_day_);
  // Working days before `from`, and on or before it: indexes into working_days_.
  const int64_t before = cumulative_[i];
  const int64_t through = cumulative_[i + 1];
  if (n == 0) return from;
  const int64_t k = n > 0 ? through + n - 1 : before + n;
  if (k < 0 || k >= static_cast<int64_t>(working_days_.size())) {
    return Err(OutOfRange(
        std::string(n > 0 ? "adding " : "subtracting ") +
        std::to_string(n > 0 ? static_cast<int64_t>(n) : -static_cast<int64_t>(n)) +
        " working days " + (n > 0 ? "to " : "from ") + from.ToIso() +
        " goes outside the working-day calendar, which covers " + first_covered().ToIso() + " to " +
        last_covered().ToIso() + "; load a bank-holiday file that covers it"));
  }
  return Date::FromDays(working_days_[static_cast<size_t>(k)]);
}

Result<int> WorkingDayCalendar::WorkingDaysBetween(Date from, Date to) const {
  JOURNEY_RETURN_IF_ERROR(CheckCovered(from));
  JOURNEY_RETURN_IF_ERROR(CheckCovered(to));
  const size_t f = static_cast<size_t>(from.days() - first_day_);
  const size_t t = static_cast<size_t>(to.days() - first_day_);
  if (from <= to) return cumulative_[t + 1] - cumulative_[f + 1];  // from < d <= to
  return -(cumulative_[f] - cumulative_[t]);                       // to <= d < from
}

Result<Date> WorkingDayCalendar::NextWorkingDayOnOrAfter(Date d) const {
  JOURNEY_RETURN_IF_ERROR(CheckCovered(d));
  const size_t k = static_cast<size_t>(cumulative_[d.days() - first_day_]);
  if (k >= working_days_.size()) {
    return Err(OutOfRange("there is no working day on or after " + d.ToIso() +
                          " within the working-day calendar, which ends on " +
                          last_covered().ToIso() + "; load a bank-holiday file that covers it"));
  }
  return Date::FromDays(working_days_[k]);
}

}  // namespace journey
