// The span of days a store's record covers: its horizon (the first day from which the
// record is complete: a council's go-live date, the start of its first imported return
// year, or a synthetic council's history start) and, for a record that stops (a generated
// council, imported returns), its last day. Kept as two journey_meta keys so that every
// reader (the due list, indicators, the CLI) agrees on them.
//
// Why it matters: a record that begins part-way through a child's journey lacks the events
// that met earlier duties (the initial health assessment of a period of care that began
// years before go-live). docs/TIMESCALES.md, "The record's horizon".
#pragma once

#include <optional>

#include "base/date.h"
#include "base/status.h"
#include "store/store.h"

namespace journey::store {

inline constexpr char kHorizonKey[] = "record.horizon";  // ISO date
inline constexpr char kRecordEndKey[] = "record.as_at";  // ISO date

struct RecordSpan {
  std::optional<Date> horizon;  // none: the record is complete from its first event
  std::optional<Date> last;     // none: the record is live (kept up to today)
};

// Reads both keys; a malformed value is an error naming the key and the value.
Result<RecordSpan> ReadRecordSpan(Store& store);

// Widens the span to cover [first, last]: the horizon moves earlier, never later, and the
// last day later, never earlier (a second import of an earlier year widens the record).
// Without `last`, only the horizon moves (a live record that stays live).
Status WidenRecordSpan(Store& store, Date first, std::optional<Date> last);

// Sets the horizon outright (a council's go-live date).
Status SetHorizon(Store& store, Date horizon);

// The day to look from when none is given: today, unless the record stops before today
// (a council generated to 31 March, or built from returns), when it is the record's last
// day: as at today everything after that day would look overdue.
inline Date DefaultAsAt(const RecordSpan& span, Date today) {
  return span.last && *span.last < today ? *span.last : today;
}

}  // namespace journey::store
