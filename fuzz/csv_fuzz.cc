// Fuzz target: the CSV reader. Properties: never crashes; a table it accepts, written back
// with CsvLine, reads back to the same header and fields.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto t = journey::ParseCsv(text, "fuzz.csv");
  if (!t) {
    if (t.error().message().find("fuzz.csv") == std::string::npos) std::abort();
    return 0;
  }
  std::string out = journey::CsvLine(t->header);
  for (const auto& r : t->rows) out += journey::CsvLine(r.fields);
  auto back = journey::ParseCsv(out, "again.csv");
  if (!back || back->header != t->header || back->rows.size() != t->rows.size()) std::abort();
  for (size_t i = 0; i < t->rows.size(); ++i)
    if (back->rows[i].fields != t->rows[i].fields) std::abort();
  return 0;
}
