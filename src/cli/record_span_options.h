// What `journey due` and `journey report` share about the record's span
// (store/record_span.h): which horizon applies, given the --horizon option, and the day to
// look from when no --as-at is given. One place, so both commands read the record alike.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/status.h"
#include "store/record_span.h"

namespace journey::cli {

// The horizon to apply: the store's, unless --horizon gives a date (YYYY-MM-DD or
// dd/mm/yyyy) or "none" (no horizon: every duty and period counts, the record's gaps too).
Result<std::optional<Date>> HorizonOption(const store::RecordSpan& span, const std::string& option);

// The as-at day when none is given: the record's last day when it stops before today
// (store::DefaultAsAt). Says so on `err`, prefixed by the command ("journey due"), when that
// day is not today, so a reader knows why the figures stop there.
Date DefaultAsAtNoted(const store::RecordSpan& span, Date today, std::string_view command,
                      std::string_view db, std::ostream& err);

}  // namespace journey::cli
