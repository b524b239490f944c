// Fuzz target: the SSDA903 XML reader (returns/ssda903_xml.h) and the import builder behind
// it (no store). The input is one XML file. Properties: never crashes; every problem names
// the file and a line within it; every row read has the columns of its table.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "returns/ssda903_build.h"
#include "returns/ssda903_read.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto read = journey::returns::ReadFiles({{"903.xml", text}}, 2026);
  const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const auto& p : read.problems)
    if (p.file != "903.xml" || p.line < 0 || p.line > lines) std::abort();
  for (const auto& t : read.tables)
    for (const auto& row : t.rows)
      if (row.size() != t.spec->columns.size()) std::abort();
  auto plan = journey::returns::BuildImport(read, 2026, journey::returns::StoreView{});
  for (const auto& p : plan.problems)
    if (p.file.empty()) std::abort();
  return 0;
}
