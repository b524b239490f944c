// SSDA903 rules on the DoLo table (deprivation of liberty orders, from 2026/27: rules 700 to
// 710). Sources: the DfE's SSDA903 2026/27 validation rules as implemented by lac_validator
// (lac2026_27), rule by rule; messages in our words.
#include <fmt/format.h>

#include <algorithm>

#include "returns/ssda903_rule_kit.h"

namespace journey::returns {
namespace {

constexpr int kFrom = 2027;  // 2026/27, the first year with the DoLo table

// 700: DOLO_START is a real date, and given.
Rule Rule700() { return DateRule("700", "DoLo", "DOLO_START", "DfE 903 rule 700", true); }
// 701: DOLO_END, when given, is a real date.
Rule Rule701() { return DateRule("701", "DoLo", "DOLO_END", "DfE 903 rule 701"); }

// 702: DOLO_END is after DOLO_START.
Rule Rule702() {
  return RowRule("702", Severity::kError, "DoLo", "DOLO_END", "DoLo DOLO_END after DOLO_START",
                 "DfE 903 rule 702",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   auto s = ctx.DateAt(t, i, "DOLO_START"), e = ctx.DateAt(t, i, "DOLO_END");
                   if (!s || !e || *e > *s) return "";
                   return fmt::format("is not after DOLO_START ({})", s->ToDmy());
                 });
}

// 703: DOLO_START is not after 31 March.
Rule Rule703() { return NotAfterTheYear("703", "DoLo", "DOLO_START"); }

// 704: DOLO_END, when given, is in the collection year.
Rule Rule704() { return InTheYear("704", "DoLo", "DOLO_END"); }

// 705: a child's orders do not overlap: each begins after the one before it (by DOLO_END,
// an open one last) has ended.
Rule Rule705() {
  Rule r{"705", Severity::kError, "DoLo: an order does not begin while another is open",
         "DfE 903 rule 705", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("DoLo");
    if (!t) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      std::vector<size_t> dated;
      for (size_t r : ctx.RowsOf(*t, *child))
        if (ctx.DateAt(*t, r, "DOLO_START")) dated.push_back(r);
      std::stable_sort(dated.begin(), dated.end(), [&](size_t a, size_t b) {
        return *ctx.DateAt(*t, a, "DOLO_START") < *ctx.DateAt(*t, b, "DOLO_START");
      });
      for (size_t k = 1; k < dated.size(); ++k) {
        const size_t before = dated[k - 1], now = dated[k];
        auto ended = ctx.DateAt(*t, before, "DOLO_END");
        if (!ended || *ctx.DateAt(*t, now, "DOLO_START") < *ended)
          ctx.Find(self, *t, now, "DOLO_START",
                   fmt::format("begins while the order starting {} (line {}) is {}",
                               ctx.DateAt(*t, before, "DOLO_START")->ToDmy(), t->lines[before],
                               ended ? "still in force" : "open"));
      }
    }
  };
  return r;
}

// 706: an order open at the end of last year's return is in this year's, with the same
// DOLO_START. Needs last year's return.
Rule Rule706() {
  Rule r{"706", Severity::kError, "DoLo: last year's open orders carry into this year",
         "DfE 903 rule 706", nullptr};
  r.needs = kNeedsPreviousYear;
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* last = ctx.PreviousTable("DoLo");
    if (!last) return;
    const ReadTable* now = ctx.Table("DoLo");
    for (size_t j = 0; j < last->rows.size(); ++j) {
      if (!last->Get(j, "DOLO_END").empty()) continue;
      bool carried = false;
      if (now)
        for (size_t i : ctx.ChildRows(*now, last->rows[j][0]))
          carried |= now->Get(i, "DOLO_START") == last->Get(j, "DOLO_START");
      if (!carried)
        ctx.Find(self, *last, j, "DOLO_START",
                 "this order was open at the end of last year's return but is not in this "
                 "year's with the same DOLO_START");
    }
  };
  return r;
}

// 707: a child who has ceased to be looked after (latest episode ended, not by X1) has no
// open order. (lac_validator also checks that orders fall inside a period of care; we take
// the rule's own words.)
Rule Rule707() {
  Rule r{"707", Severity::kError, "DoLo: no open order once the child left care",
         "DfE 903 rule 707", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("DoLo");
    const ReadTable* ep = ctx.Table("Episodes");
    if (!t || !ep) return;
    for (size_t i = 0; i < t->rows.size(); ++i) {
      if (!t->Get(i, "DOLO_END").empty()) continue;
      const std::span<const size_t> eps = ctx.ChildOf(*t, i).episodes;
      if (eps.empty()) continue;
      const size_t last = eps.back();
      auto dec = ctx.DateAt(*ep, last, "DEC");
      if (dec && ep->Get(last, "REC") != "X1")
        ctx.Find(self, *t, i, "DOLO_END",
                 fmt::format("is blank, but the child ceased to be looked after on {} "
                             "(Episodes line {}): give the date the order ended",
                             dec->ToDmy(), ep->lines[last]));
    }
  };
  return r;
}

// 708: DOLO_START is after the child's date of birth (DoLo DOB).
Rule Rule708() {
  return RowRule("708", Severity::kError, "DoLo", "DOLO_START", "DoLo DOLO_START after birth",
                 "DfE 903 rule 708",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   auto s = ctx.DateAt(t, i, "DOLO_START"), dob = ctx.DateAt(t, i, "DOB");
                   if (!s || !dob || *s > *dob) return "";
                   return fmt::format("is not after the child's birth ({})", dob->ToDmy());
                 });
}

// The episodes of the child overlapping an order with both dates.
template <typename Fn>
void Overlapping(const RuleContext& ctx, const ReadTable& t, size_t i, bool open_episodes, Fn fn) {
  const ReadTable* ep = ctx.Table("Episodes");
  auto s = ctx.DateAt(t, i, "DOLO_START"), e = ctx.DateAt(t, i, "DOLO_END");
  if (!ep || !s || !e) return;
  for (size_t k : ctx.RowsOf(*ep, ctx.ChildOf(t, i))) {
    auto decom = ctx.DateAt(*ep, k, "DECOM"), dec = ctx.DateAt(*ep, k, "DEC");
    if (!decom || *e < *decom) continue;
    if (dec ? *s > *dec : !open_episodes) continue;
    fn(*ep, k);
  }
}

// 709 (query): while an order is in force the child is placed in K2, Z12 or Z13. (Only
// episodes with an end date are compared, as lac_validator does.)
Rule Rule709() {
  return RowRule("709", Severity::kQuery, "DoLo", "DOLO_START",
                 "DoLo: placements during an order are K2, Z12 or Z13", "DfE 903 rule 709",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   std::string found;
                   Overlapping(ctx, t, i, false, [&](const ReadTable& ep, size_t k) {
                     const std::string& p = ep.Get(k, "PLACE");
                     if (found.empty() && p != "K2" && p != "Z12" && p != "Z13")
                       found = fmt::format(
                           "the child is placed in {} (Episodes line {}) while "
                           "the order is in force; expected K2, Z12 or Z13",
                           p, ep.lines[k]);
                   });
                   return found;
                 });
}

// 710: while an order is in force the child is not placed in K1 (secure children's home),
// P1 (with parents), R5 (young offender institution) or K3 (supported accommodation).
Rule Rule710() {
  return RowRule("710", Severity::kError, "DoLo", "DOLO_START",
                 "DoLo: no placement in K1, P1, R5 or K3 during an order", "DfE 903 rule 710",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   std::string found;
                   Overlapping(ctx, t, i, true, [&](const ReadTable& ep, size_t k) {
                     const std::string& p = ep.Get(k, "PLACE");
                     if (found.empty() && (p == "K1" || p == "P1" || p == "R5" || p == "K3"))
                       found = fmt::format(
                           "the child is placed in {} (Episodes line {}) while "
                           "the order is in force; a deprivation of liberty "
                           "order is not for that placement",
                           p, ep.lines[k]);
                   });
                   return found;
                 });
}

}  // namespace

std::vector<RuleEntry> DoLoRules() {
  return {{Rule700, kFrom}, {Rule701, kFrom}, {Rule702, kFrom}, {Rule703, kFrom},
          {Rule704, kFrom}, {Rule705, kFrom}, {Rule706, kFrom}, {Rule707, kFrom},
          {Rule708, kFrom}, {Rule709, kFrom}, {Rule710, kFrom}};
}

}  // namespace journey::returns
