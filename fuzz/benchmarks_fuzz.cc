// Fuzz target: the benchmark reference-data loader (engine/benchmarks.h). Properties:
// never crashes; a refused file adds nothing and its error names the file; an accepted one
// adds one value a row, each with a period that ends on or after it starts.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/benchmarks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  journey::engine::Benchmarks b;
  const journey::engine::IndicatorCheck check{
      [](std::string_view id) -> std::optional<std::string> {
        if (id.size() % 2) return std::nullopt;  // half the ids "registered"
        return std::string("percent");
      }};
  journey::Status s = b.AddReference(text, "fuzz.csv", size % 3 ? &check : nullptr);
  if (!s.ok()) {
    if (!b.values().empty() || s.message().find("fuzz.csv") == std::string::npos) std::abort();
    return 0;
  }
  for (const auto& v : b.values())
    if (v.end < v.start || v.source.empty() || v.value < 0) std::abort();
  journey::Status c = b.AddCouncils(text, "councils.csv");
  if (!c.ok() && c.message().find("councils.csv") == std::string::npos) std::abort();
  return 0;
}
