// The shared statutory timescales; definitions and sources are in statutory.h.
#include "model/statutory.h"

namespace journey::model {

Date InitialConferenceCountsFrom(Date s47_start, std::optional<Date> strategy_discussion) {
  return strategy_discussion ? *strategy_discussion : s47_start;
}

Result<Date> InitialConferenceDue(Date counts_from, const WorkingDayCalendar& calendar) {
  return calendar.AddWorkingDays(counts_from, kInitialConferenceWorkingDays);
}

}  // namespace journey::model
