// Statutory timescales that more than one layer needs (the engine's due dates and the DfE
// returns' own target dates), defined once here so that the two can never disagree.
//
// The engine's rule table (engine/timescales.cc) names each rule and its source for the
// due and overdue lists; where a return carries the same date (the CIN census's
// InitialCPCtarget), both call the definition below.
#pragma once

#include <optional>

#include "base/calendar.h"
#include "base/date.h"
#include "base/status.h"

namespace journey::model {

// The initial child protection conference: "within 15 working days of the strategy
// discussion, or the strategy discussion at which section 47 enquiries were initiated if
// more than one has been held" (Working Together to Safeguard Children 2023, chapter 4,
// "Initial child protection conferences"; the same in the 2018 edition, chapter 1 para 74
// and its flow chart 3). The CIN census's InitialCPCtarget (N00109) is this date ("the
// date that is 15 working days after the strategy discussion at which section 47
// enquiries were initiated", CIN census guide).
inline constexpr int kInitialConferenceWorkingDays = 15;

// The day the timescale counts from: the strategy discussion that began the enquiry when
// the record links one, else the enquiry's start, which the record defines as the
// discussion's date (S47ActualStartDate).
Date InitialConferenceCountsFrom(Date s47_start, std::optional<Date> strategy_discussion);

// The due date: 15 working days after `counts_from` in `calendar` (England and Wales bank
// holidays unless a council loads its own). OutOfRange, naming the date, when it is
// outside the calendar's years: no date is guessed (a census target outside 1990-2040
// is not a date a real enquiry has).
Result<Date> InitialConferenceDue(
    Date counts_from, const WorkingDayCalendar& calendar = WorkingDayCalendar::EnglandAndWales());

}  // namespace journey::model
