// Fuzz target: loading a bank-holiday file. Property: never crashes; an accepted
// calendar answers working-day questions over its whole range consistently.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/calendar.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto cal = journey::WorkingDayCalendar::FromCsv(text, "fuzz.csv");
  if (!cal) return 0;
  const journey::Date first = cal->first_covered();
  auto later = cal->AddWorkingDays(first, 10);
  if (later) {
    auto n = cal->WorkingDaysBetween(first, *later);
    if (!n || *n != 10) std::abort();
  }
  return 0;
}
