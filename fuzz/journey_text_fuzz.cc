// Fuzz target: the journey text form. Property: never crashes; every error names the file.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "model/journey_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto j = journey::model::ParseJourneyText(text, "fuzz.txt");
  if (!j && j.error().message().find("fuzz.txt") == std::string::npos) std::abort();
  if (j) {
    // As the store does: the child's rules run only on records whose fields are valid.
    for (const auto& [id, child] : j->children) {
      bool fields_ok = true;
      for (const auto& recs : child.by_kind)
        for (const auto& r : recs) fields_ok = fields_ok && journey::model::ValidateRecord(r).ok();
      if (fields_ok) (void)journey::model::ValidateChild(child);
    }
  }
  return 0;
}
