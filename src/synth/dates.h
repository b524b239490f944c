// Date helpers for the generator: working days on the England and Wales calendar, and a
// far-future "never" for periods still open.
#pragma once

#include "base/date.h"
#include "model/record.h"

namespace journey::synth {

using model::DateTime;

constexpr Date kNever = Date::FromDays(1 << 30);

inline DateTime At(Date d, int minute_of_day) {
  return DateTime::FromDateAndMinutes(d, minute_of_day);
}

// Working-day arithmetic on the England and Wales calendar; outside the years it covers
// (only for events long before any history the generator keeps) five working days a week.
Date AddWd(Date d, int n);
int WdBetween(Date from, Date to);
Date NextWorkingDay(Date d);  // d itself when it is a working day

inline Date Min(Date a, Date b) { return a < b ? a : b; }
inline Date Max(Date a, Date b) { return a < b ? b : a; }

}  // namespace journey::synth
