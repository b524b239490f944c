// SSDA903 rules on the Header table. Sources: the DfE's SSDA903 validation rules as
// implemented by lac_validator (DATA-SPECS.md §12), rule by rule; messages in our words.
#include <fmt/format.h>

#include "returns/ssda903_rule_kit.h"
#include "returns/ssda903_spec.h"

namespace journey::returns {
namespace {

// 171: MC_DOB, when given, is a real date.
Rule Rule171() { return DateRule("171", "Header", "MC_DOB", "DfE 903 rule 171"); }

// 168: UPN is a unique pupil number (a letter other than I, O or S, then 12 digits, or 11
// digits and a letter) or one of the codes for an unknown UPN, UN1-UN5.
bool UpnShape(const std::string& v) {
  if (v.size() == 3) return v[0] == 'U' && v[1] == 'N' && v[2] >= '1' && v[2] <= '5';
  if (v.size() != 13) return false;
  const char first = v[0];
  if (first < 'A' || first > 'Z' || first == 'I' || first == 'O' || first == 'S') return false;
  for (size_t i = 1; i < 12; ++i)
    if (v[i] < '0' || v[i] > '9') return false;
  const char last = v[12];
  return (last >= '0' && last <= '9') || (last >= 'A' && last <= 'Z');
}
Rule Rule168() {
  return RowRule("168", Severity::kError, "Header", "UPN",
                 "Header UPN is a pupil number or UN1-UN5", "DfE 903 rule 168",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   const std::string& v = t.Get(i, "UPN");
                   if (v.empty() || UpnShape(v)) return "";
                   return "is not a unique pupil number (a letter other than I, O or S, then 12 "
                          "digits or 11 digits and a letter); when it is not known, give UN1-UN5";
                 });
}

// 174: a boy has no mother's child's date of birth (MOTHER and MC_DOB are for girls). The
// male code is the year's (1 to 2023/24, M from 2024/25: data/ssda903_values.csv).
Rule Rule174() {
  return RowRule("174", Severity::kError, "Header", "MC_DOB", "Header MC_DOB is blank for a boy",
                 "DfE 903 rule 174",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "MC_DOB").empty()) return "";
                   auto sex = Ssda903Spec::Default().FromReturn("SEX", t.Get(i, "SEX"), ctx.year());
                   if (!sex || *sex != "M") return "";
                   return "is given for a child whose SEX is male; the mother's child's date of "
                          "birth is only for girls who are mothers";
                 });
}

}  // namespace

std::vector<RuleEntry> HeaderRules() { return {{Rule168, 2023}, {Rule171, 2023}, {Rule174, 2023}}; }

}  // namespace journey::returns
