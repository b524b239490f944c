#include "cli/record_span_options.h"

#include <fmt/format.h>

#include "store/db.h"

namespace journey::cli {

Result<std::optional<Date>> HorizonOption(const store::RecordSpan& span,
                                          const std::string& option) {
  if (option.empty()) return span.horizon;
  if (option == "none") return std::optional<Date>();
  auto d = Date::Parse(option);
  if (!d) return Err(d.error().WithContext("--horizon (a date, or none): "));
  return std::optional<Date>(*d);
}

Date DefaultAsAtNoted(const store::RecordSpan& span, Date today, std::string_view command,
                      std::string_view db, std::ostream& err) {
  const Date as_at = store::DefaultAsAt(span, today);
  if (as_at != today) {
    err << fmt::format(
        "{}: as at {}, the last day of the record in {} (give --as-at for another "
        "day)\n",
        command, as_at.ToIso(), db);
  }
  return as_at;
}

}  // namespace journey::cli
