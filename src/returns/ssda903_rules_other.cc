// SSDA903 rules on the Reviews, UASC, PrevPerm, Missing, SWEpisodes and DoLo tables.
// Sources: the DfE's SSDA903 validation rules as implemented by lac_validator
// (DATA-SPECS.md §12), rule by rule; messages in our words.
#include <fmt/format.h>

#include "returns/ssda903_rule_kit.h"

namespace journey::returns {
namespace {

// 104: DUC, when given, is a real date not before 1 April of the collection year.
Rule Rule104() {
  return RowRule("104", Severity::kError, "UASC", "DUC",
                 "UASC DUC is a real date in or after the collection year", "DfE 903 rule 104",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (ctx.BadDate(t, i, "DUC")) return "is not a real date written dd/mm/yyyy";
                   auto d = ctx.DateAt(t, i, "DUC");
                   if (!d || *d >= ctx.start()) return "";
                   return fmt::format(
                       "is before the collection year began ({}); a status that "
                       "ceased earlier is not returned",
                       ctx.start().ToDmy());
                 });
}

// 166: REVIEW is a real date, and given.
Rule Rule166() { return DateRule("166", "Reviews", "REVIEW", "DfE 903 rule 166", true); }

// 304: DUC is not after the child's 18th birthday (UASC DOB).
Rule Rule304() {
  return RowRule("304", Severity::kError, "UASC", "DUC", "UASC DUC on or before the 18th birthday",
                 "DfE 903 rule 304",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   auto duc = ctx.DateAt(t, i, "DUC");
                   auto dob = ctx.DateAt(t, i, "DOB");
                   if (!duc || !dob || *duc <= dob->AddYears(18)) return "";
                   return fmt::format(
                       "is after the child's 18th birthday ({}); UASC status "
                       "ends by then",
                       dob->AddYears(18).ToDmy());
                 });
}

}  // namespace

std::vector<RuleEntry> OtherTableRules() {
  return {{Rule104, 2023}, {Rule166, 2023}, {Rule304, 2023}};
}

}  // namespace journey::returns
