// SSDA903 rules on the SWEpisodes table (a child's social workers, collected from 2023/24):
// each episode complete and dated in the year, and a child's episodes following one another
// without gaps or overlaps. Sources: the DfE's SSDA903 validation rules (lac2023_24 onwards,
// the SW codes) as implemented by lac_validator, rule by rule; messages in our words.
// Unreadable dates are SW04STG1's and SW05STG1's findings; the other rules skip them.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "returns/ssda903_rule_kit.h"

namespace journey::returns {
namespace {

constexpr int kSocialWorkers = 2024;  // 2023/24, the first year with SWEpisodes

// 1 April 2023, from which the reason for a change of worker is collected (SW01aSTG1,
// SW01bSTG1).
Date ReasonsFrom() { return Date::FromYmd(2023, 4, 1); }

// SW01aSTG1 (from 2024/25): an episode begun before 1 April 2023 gives SW_ID; every episode
// gives SW_DECOM.
Rule RuleSw01a() {
  return RowRule("SW01aSTG1", Severity::kError, "SWEpisodes", "SW_DECOM",
                 "SWEpisodes: SW_DECOM given, and SW_ID for an episode from before April 2023",
                 "DfE 903 rule SW01aSTG1 (2024/25 on)",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "SW_DECOM").empty())
                     return "is blank: give the date the social worker's episode began";
                   auto decom = ctx.DateAt(t, i, "SW_DECOM");
                   if (!decom || *decom >= ReasonsFrom() || !t.Get(i, "SW_ID").empty()) return "";
                   return fmt::format(
                       "is {}, and the episode's SW_ID is blank: give the social worker's "
                       "number",
                       decom->ToDmy());
                 });
}

// SW01bSTG1 (from 2024/25): an episode begun on or after 1 April 2023 gives SW_ID and
// SW_REASON; every episode gives SW_DECOM.
Rule RuleSw01b() {
  return RowRule(
      "SW01bSTG1", Severity::kError, "SWEpisodes", "SW_DECOM",
      "SWEpisodes: SW_DECOM given, and SW_ID and SW_REASON for an episode from April 2023",
      "DfE 903 rule SW01bSTG1 (2024/25 on)",
      [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
        if (t.Get(i, "SW_DECOM").empty())
          return "is blank: give the date the social worker's episode began";
        auto decom = ctx.DateAt(t, i, "SW_DECOM");
        if (!decom || *decom < ReasonsFrom()) return "";
        const bool id = !t.Get(i, "SW_ID").empty(), reason = !t.Get(i, "SW_REASON").empty();
        if (id && reason) return "";
        return fmt::format("is {} (on or after 1 April 2023), and {} blank: give {}",
                           decom->ToDmy(),
                           !id && !reason ? "SW_ID and SW_REASON are"
                           : !id          ? "SW_ID is"
                                          : "SW_REASON is",
                           !id && !reason ? "both" : "it");
      });
}

// SW04STG1: SW_DECOM is a real date, and given. (lac_validator also takes dates masked
// with ZZ, which the DfE's specification does not describe; they are findings here.)
Rule RuleSw04() {
  return DateRule("SW04STG1", "SWEpisodes", "SW_DECOM", "DfE 903 rule SW04STG1", true);
}
// SW05STG1: SW_DEC, when given, is a real date.
Rule RuleSw05() { return DateRule("SW05STG1", "SWEpisodes", "SW_DEC", "DfE 903 rule SW05STG1"); }

// SW06STG2: SW_DECOM is not after 31 March of the collection year.
Rule RuleSw06() { return NotAfterTheYear("SW06STG2", "SWEpisodes", "SW_DECOM"); }
// SW07STG2: SW_DEC, when given, is in the collection year (1 April to 31 March).
Rule RuleSw07() { return InTheYear("SW07STG2", "SWEpisodes", "SW_DEC"); }
// SW09STG2: a social worker's episode lasts at least a day (SW_DEC is not SW_DECOM).
Rule RuleSw09() {
  return NotTheSameDay("SW09STG2", "SWEpisodes", "SW_DECOM", "SW_DEC",
                       "the social worker's episode");
}

// A child's social worker episodes with a readable SW_DECOM, by SW_DECOM and then SW_DEC
// (an open episode after a closed one that began the same day), ties in file order.
std::vector<size_t> ByStart(const RuleContext& ctx, const ReadTable& t, const Child903& child) {
  std::vector<size_t> rows;
  for (size_t r : ctx.RowsOf(t, child))
    if (ctx.DateAt(t, r, "SW_DECOM")) rows.push_back(r);
  auto end = [&](size_t r) {
    auto d = ctx.DateAt(t, r, "SW_DEC");
    return d ? *d - Date::FromDays(0) : INT32_MAX;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) {
    const Date da = *ctx.DateAt(t, a, "SW_DECOM"), db = *ctx.DateAt(t, b, "SW_DECOM");
    return da != db ? da < db : end(a) < end(b);
  });
  return rows;
}

// SW08STG2: every social worker episode of a child but the latest (by SW_DECOM) has ended.
Rule RuleSw08() {
  Rule r{"SW08STG2", Severity::kError, "SWEpisodes: each episode but the child's latest has SW_DEC",
         "DfE 903 rule SW08STG2", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("SWEpisodes");
    if (!t) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      const std::vector<size_t> rows = ByStart(ctx, *t, *child);
      for (size_t k = 0; k + 1 < rows.size(); ++k)
        if (t->Get(rows[k], "SW_DEC").empty())
          ctx.Find(
              self, *t, rows[k], "SW_DEC",
              fmt::format("is blank, but the child's next social worker episode began on {} "
                          "(line {}): give the date this one ended",
                          ctx.DateAt(*t, rows[k + 1], "SW_DECOM")->ToDmy(), t->lines[rows[k + 1]]));
    }
  };
  return r;
}

// SW10STG2: each of a child's social worker episodes after the first begins within 7 days
// of the day the one before ended (SW_DEC - 7 <= SW_DECOM <= SW_DEC + 7). From 2024/25 an
// episode whose reason is first contact or re-referral (FCONTA) may begin any time later.
// (An episode before an open one is SW08STG2's finding; lac_validator reports it here too.)
Rule Sw10(bool first_contact_exempt, std::string source) {
  Rule r{"SW10STG2", Severity::kError,
         "SWEpisodes: an episode begins within 7 days of the last one's end", std::move(source),
         nullptr};
  r.check = [first_contact_exempt](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("SWEpisodes");
    if (!t) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      const std::vector<size_t> rows = ByStart(ctx, *t, *child);
      for (size_t k = 1; k < rows.size(); ++k) {
        const size_t now = rows[k];
        if (first_contact_exempt && t->Get(now, "SW_REASON") == "FCONTA") continue;
        auto ended = ctx.DateAt(*t, rows[k - 1], "SW_DEC");
        if (!ended) continue;
        const Date began = *ctx.DateAt(*t, now, "SW_DECOM");
        if (began >= ended->AddDays(-7) && began <= ended->AddDays(7)) continue;
        ctx.Find(self, *t, now, "SW_DECOM",
                 fmt::format("is {} days {} the child's previous social worker episode ended "
                             "({}, line {}); the next begins within 7 days of it",
                             std::abs(began - *ended), began < *ended ? "before" : "after",
                             ended->ToDmy(), t->lines[rows[k - 1]]));
      }
    }
  };
  return r;
}
Rule RuleSw10Until2024() { return Sw10(false, "DfE 903 rule SW10STG2 (2023/24)"); }
Rule RuleSw10() { return Sw10(true, "DfE 903 rule SW10STG2 (2024/25 on: FCONTA exempt)"); }

}  // namespace

std::vector<RuleEntry> SocialWorkerRules() {
  return {{RuleSw01a, 2025},
          {RuleSw01b, 2025},
          {RuleSw04, kSocialWorkers},
          {RuleSw05, kSocialWorkers},
          {RuleSw06, kSocialWorkers},
          {RuleSw07, kSocialWorkers},
          {RuleSw08, kSocialWorkers},
          {RuleSw09, kSocialWorkers},
          {RuleSw10Until2024, kSocialWorkers, 2024},
          {RuleSw10, 2025}};
}

}  // namespace journey::returns
