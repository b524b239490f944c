// Fuzz target: loading a population file (`journey report --population`). Property: never
// crashes; an accepted table has 36 cells that add up to its total.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "engine/population.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto p = journey::engine::Population::FromCsv(text, "fuzz.csv");
  if (!p) return 0;
  double sum = 0;
  for (int a = 0; a < journey::engine::Population::kAges; ++a) sum += p->At(a, 0) + p->At(a, 1);
  if (sum != p->Total() || p->Total() <= 0) std::abort();
  return 0;
}
