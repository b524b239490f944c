// SSDA903 rules on the Episodes table. Sources: the DfE's SSDA903 validation rules as
// implemented by lac_validator (DATA-SPECS.md §12), rule by rule; messages in our words.
#include <fmt/format.h>

#include <algorithm>

#include "returns/ssda903_rule_kit.h"

namespace journey::returns {
namespace {

bool Adopted(const std::string& rec) { return rec == "E11" || rec == "E12"; }

// 141: DECOM, when given, is a real date.
Rule Rule141() { return DateRule("141", "Episodes", "DECOM", "DfE 903 rule 141"); }
// 147: DEC, when given, is a real date.
Rule Rule147() { return DateRule("147", "Episodes", "DEC", "DfE 903 rule 147"); }

// 142: every episode of a child but the latest (by DECOM) has ended: DEC and REC given.
// Episodes whose DECOM cannot be read are left to rule 141.
Rule Rule142() {
  Rule r{"142", Severity::kError, "Episodes: each episode but the child's latest has DEC and REC",
         "DfE 903 rule 142", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("Episodes");
    if (!t) return;
    for (const auto& [child, rows] : ctx.ByChild(*t)) {
      std::vector<size_t> dated;
      for (size_t r : ctx.EpisodesByDecom(child))
        if (ctx.DateAt(*t, r, "DECOM")) dated.push_back(r);
      for (size_t k = 0; k + 1 < dated.size(); ++k) {
        const size_t r = dated[k];
        if (t->Get(r, "DEC").empty() || t->Get(r, "REC").empty())
          ctx.Find(self, *t, r, t->Get(r, "DEC").empty() ? "DEC" : "REC",
                   "a later episode begins, so this one must have ended: give DEC and REC");
      }
    }
  };
  return r;
}

// 148: DEC and REC are both given or both blank.
Rule Rule148() {
  return RowRule("148", Severity::kError, "Episodes", "REC",
                 "Episodes DEC and REC are both given or both blank", "DfE 903 rule 148",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   const bool dec = !t.Get(i, "DEC").empty(), rec = !t.Get(i, "REC").empty();
                   if (dec == rec) return "";
                   return dec ? "is blank but DEC is given: an episode that ended needs its reason"
                              : "is given but DEC is blank: give the date the episode ended, or "
                                "leave both blank while it continues";
                 });
}

// 199: a child adopted from care (an episode ending E11 or E12) has no later episode and
// no second adoption. Last year's episodes count too when given (lac_validator reads them
// when present; the rule runs without them on this year's alone).
Rule Rule199() {
  Rule r{"199", Severity::kError, "Episodes: no episode after the child was adopted from care",
         "DfE 903 rule 199", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("Episodes");
    if (!t) return;
    const ReadTable* last = ctx.PreviousTable("Episodes");
    for (const auto& [child, rows] : ctx.ByChild(*t)) {
      // (DECOM, adopted, row in this year's table or -1 for last year's)
      std::vector<std::tuple<Date, bool, long>> eps;
      for (size_t r : rows)
        if (auto d = ctx.DateAt(*t, r, "DECOM"))
          eps.emplace_back(*d, Adopted(t->Get(r, "REC")), static_cast<long>(r));
      if (last)
        for (size_t r : ctx.ChildRows(*last, child))
          if (auto d = ctx.DateAt(*last, r, "DECOM"))
            eps.emplace_back(*d, Adopted(last->Get(r, "REC")), -1);
      std::stable_sort(eps.begin(), eps.end(), [](const auto& a, const auto& b) {
        return std::get<0>(a) < std::get<0>(b);
      });
      int adoptions = 0;
      for (const auto& [decom, adopted, row] : eps) {
        adoptions += adopted;
        const bool first_adoption = adopted && adoptions == 1;
        if (adoptions > 0 && !first_adoption && row >= 0)
          ctx.Find(self, *t, static_cast<size_t>(row), "DECOM",
                   "the child was adopted from care (REC E11 or E12) in an earlier episode; a "
                   "child adopted from care cannot have a later episode");
      }
    }
  };
  return r;
}

}  // namespace

std::vector<RuleEntry> EpisodeRules() {
  return {{Rule141, 2023}, {Rule142, 2023}, {Rule147, 2023}, {Rule148, 2023}, {Rule199, 2023}};
}

}  // namespace journey::returns
