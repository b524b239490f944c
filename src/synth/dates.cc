#include "synth/dates.h"

#include "base/calendar.h"

namespace journey::synth {
namespace {

const WorkingDayCalendar& Cal() { return WorkingDayCalendar::EnglandAndWales(); }

}  // namespace

Date AddWd(Date d, int n) {
  const WorkingDayCalendar& cal = Cal();
  if (cal.Covers(d)) {
    Result<Date> r = cal.AddWorkingDays(d, n);
    if (r) return *r;
  }
  return d.AddDays(n / 5 * 7 + n % 5);
}

int WdBetween(Date from, Date to) {
  const WorkingDayCalendar& cal = Cal();
  if (cal.Covers(from) && cal.Covers(to)) {
    Result<int> r = cal.WorkingDaysBetween(from, to);
    if (r) return *r;
  }
  return (to - from) * 5 / 7;
}

Date NextWorkingDay(Date d) {
  const WorkingDayCalendar& cal = Cal();
  if (cal.Covers(d)) {
    Result<Date> r = cal.NextWorkingDayOnOrAfter(d);
    if (r) return *r;
  }
  return d;
}

}  // namespace journey::synth
