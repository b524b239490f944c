// Fuzz target: loading a code-list file. Property: never crashes; every error names the file.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "model/codes.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto lists = journey::model::CodeLists::FromCsv(text, "fuzz.csv");
  if (!lists && lists.error().message().find("fuzz.csv") == std::string::npos) std::abort();
  return 0;
}
