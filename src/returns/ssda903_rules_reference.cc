// SSDA903 rules that need reference data besides the return (Validate903Options::reference;
// `journey validate 903 --reference DIR`). Each declares what it needs, and is reported as
// not run when that was not given. Sources: the DfE's SSDA903 validation rules as
// implemented by lac_validator (DATA-SPECS.md §12); messages in our words.
#include <fmt/format.h>

#include "returns/ssda903_rule_kit.h"

namespace journey::returns {
namespace {

// 633: LA_PERM, when given, is a council code of the list given, or WAL, SCO, NUK or NIR for
// a permanence arranged in Wales, Scotland, Northern Ireland or outside the UK.
// (lac_validator carries its own list of codes; ours is the user's, so a new or merged
// council is a data change, not a code change.)
Rule Rule633() {
  Rule r = RowRule(
      "633", Severity::kError, "PrevPerm", "LA_PERM",
      "PrevPerm LA_PERM is a council code or WAL, SCO, NUK, NIR", "DfE 903 rule 633",
      [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
        const std::string& v = t.Get(i, "LA_PERM");
        if (v.empty() || v == "WAL" || v == "SCO" || v == "NUK" || v == "NIR") return "";
        if (ctx.reference()->la_codes.count(v)) return "";
        return "is not a council code of the list given (--reference), nor WAL, SCO, NUK or "
               "NIR for a council outside England";
      });
  r.needs = kNeedsLaCodes;
  return r;
}

}  // namespace

std::vector<RuleEntry> ReferenceRules() { return {{Rule633, 2023}}; }

}  // namespace journey::returns
