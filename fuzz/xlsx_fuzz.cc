// Fuzz target: the XLSX reader and the Annex A workbook reader (no store). The input is a
// whole .xlsx file. Properties: never crashes or hangs; a refused file always says why,
// naming the file.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "returns/annex_a_read.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  journey::returns::XlsxLimits limits;
  limits.max_part_bytes = 8u << 20;  // keep each run small: a bomb is refused at 8 MB
  limits.max_total_bytes = 16u << 20;
  auto read = journey::returns::ReadAnnexAWorkbook(bytes, "fuzz.xlsx",
                                                   journey::returns::AnnexASpec::Default(), limits);
  for (const auto& p : read.problems)
    if (p.file != "fuzz.xlsx" || p.message.empty()) std::abort();
  return 0;
}
