// Fuzz target: the CIN census XML reader, the import builder (no store) and the rules.
// Properties: never crashes; every problem names the file; a file that reads cleanly writes
// back to XML that reads cleanly again.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "returns/cin_import.h"
#include "returns/cin_rules.h"
#include "returns/cin_xml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace journey::returns;
  InputFile f{"f.xml", std::string(reinterpret_cast<const char*>(data), size)};
  CinRead read = ReadCinXml(f);
  for (const Problem& p : read.problems)
    if (p.file != "f.xml") std::abort();
  if (!read.ok()) return 0;
  ImportPlan plan = BuildCinImport({read.message}, 2026, StoreView{});
  for (const Problem& p : plan.problems)
    if (p.file != "f.xml") std::abort();
  ValidateCin(read.message, 2026, CinReference{"990"});
  CinRead again = ReadCinXml(InputFile{"g.xml", CinXml(read.message, 2026)});
  if (!again.ok()) std::abort();
  return 0;
}
