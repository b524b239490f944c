// Fuzz target: the SSDA903 reference list loaders (the council codes). Properties: never
// crashes; a failed load names the file and keeps nothing; a loaded list holds only
// three-digit codes.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "returns/ssda903_reference.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  journey::returns::Reference903 ref;
  journey::Status s = journey::returns::LoadLaCodes(text, "la_codes.csv", ref);
  if (!s.ok()) {
    if (s.message().find("la_codes.csv") == std::string::npos) std::abort();
    if (ref.has_la_codes || !ref.la_codes.empty()) std::abort();
    return 0;
  }
  for (const auto& [code, name] : ref.la_codes)
    if (code.size() != 3) std::abort();
  return 0;
}
