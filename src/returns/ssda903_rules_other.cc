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

// 1004: MIS_START is a real date, and given.
Rule Rule1004() { return DateRule("1004", "Missing", "MIS_START", "DfE 903 rule 1004", true); }
// 1005: MIS_END, when given, is a real date.
Rule Rule1005() { return DateRule("1005", "Missing", "MIS_END", "DfE 903 rule 1005"); }

// 399: a child whose every episode is respite (V3, V4) has no MOTHER and no reviews: each
// episode, the Header's MOTHER and each Reviews row is a finding.
Rule Rule399() {
  Rule r{"399", Severity::kError, "No MOTHER or reviews for a child only ever on respite",
         "DfE 903 rule 399", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* eps = ctx.Table("Episodes");
    const ReadTable* header = ctx.Table("Header");
    const ReadTable* reviews = ctx.Table("Reviews");
    if (!eps || !header || !reviews) return;
    for (const Child903* child : ctx.ChildrenOf(*eps)) {
      const std::span<const size_t> rows = ctx.RowsOf(*eps, *child);
      bool respite_only = true;
      for (size_t e : rows) {
        const std::string& ls = eps->Get(e, "LS");
        respite_only &= ls == "V3" || ls == "V4";
      }
      if (!respite_only) continue;
      std::vector<size_t> mother, revs;
      for (size_t h : ctx.RowsOf(*header, *child))
        if (!header->Get(h, "MOTHER").empty()) mother.push_back(h);
      for (size_t v : ctx.RowsOf(*reviews, *child))
        if (!reviews->Get(v, "REVIEW").empty() || !reviews->Get(v, "REVIEW_CODE").empty())
          revs.push_back(v);
      if (mother.empty() && revs.empty()) continue;
      const char* why =
          "the child has only respite episodes (LS V3, V4), which have no MOTHER "
          "or looked-after reviews";
      for (size_t e : rows) ctx.Find(self, *eps, e, "LS", why);
      for (size_t h : mother) ctx.Find(self, *header, h, "MOTHER", why);
      for (size_t v : revs) ctx.Find(self, *reviews, v, "REVIEW", why);
    }
  };
  return r;
}

}  // namespace

std::vector<RuleEntry> OtherTableRules() {
  return {{Rule104, 2023}, {Rule166, 2023},  {Rule304, 2023},
          {Rule399, 2023}, {Rule1004, 2023}, {Rule1005, 2023}};
}

}  // namespace journey::returns
