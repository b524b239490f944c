// Fuzz target: date and date-time parsing. Properties: never crashes; whatever parses
// formats back to text that parses to the same value.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/date.h"
#include "model/record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto d = journey::Date::Parse(text)) {
    auto iso = journey::Date::ParseIso(d->ToIso());
    auto dmy = journey::Date::ParseDmy(d->ToDmy());
    if (!iso || !dmy || *iso != *d || *dmy != *d) std::abort();
  }
  if (auto t = journey::model::DateTime::ParseIso(text)) {
    auto again = journey::model::DateTime::ParseIso(t->ToIso());
    if (!again || *again != *t) std::abort();
  }
  return 0;
}
