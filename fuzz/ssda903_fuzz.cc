// Fuzz target: the SSDA903 reader and import builder (no store). The input is one or two
// CSV files, split at the first blank line. Properties: never crashes; every problem names
// a file.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "returns/ssda903_build.h"
#include "returns/ssda903_read.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<journey::returns::InputFile> files;
  const size_t split = text.find("\n\n");
  files.push_back({"a.csv", std::string(text.substr(0, split))});
  if (split != std::string_view::npos)
    files.push_back({"b.csv", std::string(text.substr(split + 2))});
  auto read = journey::returns::ReadFiles(files, 2026);
  auto plan = journey::returns::BuildImport(read, 2026, journey::returns::StoreView{});
  for (const auto& p : plan.problems)
    if (p.file.empty()) std::abort();
  return 0;
}
