// SSDA903 rules on who may have care leaver (OC3) data and other tables' rows, checked
// against the child's episodes; and the Missing and Reviews rules that look across tables.
// Sources: the DfE's SSDA903 validation rules (lac2022_23 onwards) as implemented by
// lac_validator (DATA-SPECS.md §12), rule by rule; messages in our words.
#include <fmt/format.h>

#include <unordered_set>

#include "returns/ssda903_rule_kit.h"

namespace journey::returns {
namespace {

bool Oc3Given(const ReadTable& t, size_t i) {
  return !t.Get(i, "IN_TOUCH").empty() || !t.Get(i, "ACTIV").empty() || !t.Get(i, "ACCOM").empty();
}

// An OC3 rule: `bad(ctx, oc3, row, episodes)` returns the message for an OC3 row with data
// (IN_TOUCH, ACTIV or ACCOM given), or "". `episodes` is this year's table (may be null
// when `needs_episodes` is false).
Rule Oc3Rule(
    std::string code, std::string summary, unsigned needs, bool needs_episodes,
    std::function<std::string(const RuleContext&, const ReadTable&, size_t, const ReadTable*)>
        bad) {
  Rule r{code, Severity::kError, std::move(summary), "DfE 903 rule " + code, nullptr};
  r.needs = needs;
  r.check = [needs_episodes, bad](const Rule& self, const RuleContext& ctx) {
    const ReadTable* oc3 = ctx.Table("OC3");
    const ReadTable* eps = ctx.Table("Episodes");
    if (!oc3 || (needs_episodes && !eps)) return;
    for (size_t i = 0; i < oc3->rows.size(); ++i) {
      if (!Oc3Given(*oc3, i)) continue;
      if (std::string m = bad(ctx, *oc3, i, eps); !m.empty())
        ctx.Find(self, *oc3, i, "IN_TOUCH", std::move(m));
    }
  };
  return r;
}

// 391: care leaver data only for a young person 17 or over by 31 March.
Rule Rule391() {
  return Oc3Rule(
      "391", "OC3 data only for a young person 17 or over by 31 March", kNeedsNothing, false,
      [](const RuleContext& ctx, const ReadTable& t, size_t i, const ReadTable*) -> std::string {
        auto dob = ctx.DateAt(t, i, "DOB");
        if (!dob || dob->AddYears(17) <= ctx.end()) return "";
        return fmt::format(
            "care leaver data is given, but the young person is not "
            "17 until {}",
            dob->AddYears(17).ToDmy());
      });
}

// 1000: no care leaver data for a child who died in care (an episode ending E2, this year
// or, when given, last year).
Rule Rule1000() {
  return Oc3Rule(
      "1000", "No OC3 data for a child who died in care", kNeedsNothing, true,
      [](const RuleContext& ctx, const ReadTable& t, size_t i, const ReadTable* eps) {
        const Child903& child = ctx.ChildOf(t, i);
        for (const ReadTable* e : {eps, ctx.PreviousTable("Episodes")}) {
          if (!e) continue;
          for (size_t r : e == eps ? ctx.RowsOf(*e, child) : ctx.ChildRows(*e, *child.id))
            if (e->Get(r, "REC") == "E2")
              return std::string(
                  "care leaver data is given for a child recorded as having died in care (REC "
                  "E2)");
        }
        return std::string();
      });
}

// 1002: care leaver data only for a child with episodes this year or last (needs last
// year's return).
Rule Rule1002() {
  return Oc3Rule(
      "1002", "OC3 data only for a child with episodes this year or last", kNeedsPreviousYear, true,
      [](const RuleContext& ctx, const ReadTable& t, size_t i, const ReadTable* eps) {
        const Child903& child = ctx.ChildOf(t, i);
        const ReadTable* last = ctx.PreviousTable("Episodes");
        if (!last || !ctx.RowsOf(*eps, child).empty() || !ctx.ChildRows(*last, *child.id).empty())
          return std::string();
        return std::string(
            "care leaver data is given, but the child has no episode of care in this "
            "return or last year's");
      });
}

// 1007: no care leaver data for a young person 17 or 18 at 31 March who was looked after on
// their latest birthday (an episode from DECOM on or before it to DEC after it, or open).
Rule Rule1007() {
  return Oc3Rule("1007", "No OC3 data for a 17 or 18 year old looked after on their birthday",
                 kNeedsNothing, true,
                 [](const RuleContext& ctx, const ReadTable& t, size_t i, const ReadTable* eps) {
                   auto dob = ctx.DateAt(t, i, "DOB");
                   if (!dob || dob->AddYears(17) > ctx.end() || dob->AddYears(19) <= ctx.end())
                     return std::string();
                   const Date birthday = dob->AddYears(dob->AddYears(18) <= ctx.end() ? 18 : 17);
                   for (size_t r : ctx.RowsOf(*eps, ctx.ChildOf(t, i))) {
                     auto decom = ctx.DateAt(*eps, r, "DECOM");
                     auto dec = ctx.DateAt(*eps, r, "DEC");
                     const bool open = eps->Get(r, "DEC").empty();
                     if (decom && *decom <= birthday && (open || (dec && *dec > birthday)))
                       return fmt::format(
                           "care leaver data is given, but the young person was still "
                           "looked after on their birthday ({}, episode line {})",
                           birthday.ToDmy(), eps->lines[r]);
                   }
                   return std::string();
                 });
}

// 1010: a child whose last episode last year was still open at 31 March and who has no
// episode this year has no care leaver data (the episodes are missing; needs last year's
// return).
Rule Rule1010() {
  return Oc3Rule("1010", "OC3 data with no episodes this year after one open at last year's end",
                 kNeedsPreviousYear, true,
                 [](const RuleContext& ctx, const ReadTable& t, size_t i, const ReadTable* eps) {
                   const Child903& child = ctx.ChildOf(t, i);
                   const ReadTable* last = ctx.PreviousTable("Episodes");
                   if (!last || !ctx.RowsOf(*eps, child).empty()) return std::string();
                   std::optional<Date> latest;
                   bool open = false;
                   for (size_t r : ctx.ChildRows(*last, *child.id))
                     if (auto d = ctx.DateAt(*last, r, "DECOM"); d && (!latest || *d >= *latest)) {
                       latest = d;
                       open = last->Get(r, "DEC").empty();
                     }
                   if (!open) return std::string();
                   return std::string(
                       "care leaver data is given, but last year's return left the child in care "
                       "at 31 March and this year's has no episode for them");
                 });
}

// 1011: no care leaver data for a child whose latest episode ended with care passing to
// another council (REC E3).
Rule Rule1011() {
  return Oc3Rule(
      "1011", "No OC3 data when care passed to another council (final REC E3)", kNeedsNothing, true,
      [](const RuleContext& ctx, const ReadTable& t, size_t i, const ReadTable* eps) {
        // The latest dated episode (unreadable DECOMs sort last and are skipped).
        const std::span<const size_t> rows = ctx.ChildOf(t, i).episodes;
        auto it = rows.rbegin();
        while (it != rows.rend() && !ctx.DateAt(*eps, *it, "DECOM")) ++it;
        if (it == rows.rend() || eps->Get(*it, "REC") != "E3") return std::string();
        return std::string(
            "care leaver data is given, but the child's care passed to another council (REC "
            "E3): that council returns it");
      });
}

// 1014: no care leaver data for a UASC child whose episodes do not reach into the year
// (UASC information is not for care leavers). The UASC row is the finding.
Rule Rule1014() {
  Rule r{"1014", Severity::kError, "UASC: not for a care leaver with no episode in the year",
         "DfE 903 rule 1014", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* uasc = ctx.Table("UASC");
    const ReadTable* eps = ctx.Table("Episodes");
    const ReadTable* oc3 = ctx.Table("OC3");
    if (!uasc || !eps || !oc3) return;
    for (size_t i = 0; i < uasc->rows.size(); ++i) {
      const Child903& child = ctx.ChildOf(*uasc, i);
      const std::span<const size_t> rows = ctx.RowsOf(*eps, child);
      if (rows.empty()) continue;
      bool in_year = false;
      for (size_t e : rows) {
        auto decom = ctx.DateAt(*eps, e, "DECOM");
        auto dec = ctx.DateAt(*eps, e, "DEC");
        in_year |= decom && *decom <= ctx.end() &&
                   (eps->Get(e, "DEC").empty() || (dec && *dec >= ctx.start()));
      }
      if (in_year) continue;
      for (size_t o : ctx.RowsOf(*oc3, child))
        if (Oc3Given(*oc3, o)) {
          ctx.Find(self, *uasc, i, "DUC",
                   fmt::format("UASC information is given for a care leaver (OC3 line {}) with "
                               "no episode in the year; it is only for children looked after",
                               oc3->lines[o]));
          break;
        }
    }
  };
  return r;
}

// 1012: the other tables hold only children with episodes this year (a care leaver with
// no episode has Header and OC3 rows only).
Rule Rule1012() {
  Rule r{"1012", Severity::kError, "Only OC3 data for children with no episodes in the year",
         "DfE 903 rule 1012", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* eps = ctx.Table("Episodes");
    if (!eps) return;
    for (const char* name : {"PlacedAdoption", "Missing", "Reviews", "AD1", "PrevPerm", "OC2"}) {
      const ReadTable* t = ctx.Table(name);
      if (!t) continue;
      for (size_t i = 0; i < t->rows.size(); ++i)
        if (ctx.RowsOf(*eps, ctx.ChildOf(*t, i)).empty())
          ctx.Find(self, *t, i, "CHILD",
                   fmt::format("has no episode in this return: {} is only for children looked "
                               "after in the year",
                               name));
    }
  };
  return r;
}

// 344 and 345: ACTIV and ACCOM agree with IN_TOUCH. A young person who has died (DIED) or
// returned home for six months or more (RHOM) has both 0 (not applicable); one the council
// is in touch with (YES) has neither 0.
Rule Rule344() {
  return RowRule(
      "344", Severity::kError, "OC3", "ACTIV",
      "OC3 ACTIV and ACCOM are 0 for a young person who died or returned home", "DfE 903 rule 344",
      [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
        const std::string& touch = t.Get(i, "IN_TOUCH");
        if (touch != "DIED" && touch != "RHOM") return "";
        if (t.Get(i, "ACTIV") == "0" && t.Get(i, "ACCOM") == "0") return "";
        return fmt::format("IN_TOUCH is {}, so ACTIV and ACCOM are both 0 (not applicable)", touch);
      });
}
Rule Rule345() {
  return RowRule("345", Severity::kError, "OC3", "ACTIV",
                 "OC3 ACTIV and ACCOM are not 0 for a young person the council is in touch with",
                 "DfE 903 rule 345",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "IN_TOUCH") != "YES") return "";
                   if (t.Get(i, "ACTIV") != "0" && t.Get(i, "ACCOM") != "0") return "";
                   return "IN_TOUCH is YES, so the young person's activity and accommodation "
                          "are known: ACTIV and ACCOM are not 0";
                 });
}

}  // namespace

std::vector<RuleEntry> CareLeaverRules() {
  return {{Rule391, 2023},  {Rule1000, 2023}, {Rule1002, 2023}, {Rule1007, 2023}, {Rule1010, 2023},
          {Rule1011, 2023}, {Rule1012, 2023}, {Rule1014, 2023}, {Rule344, 2023},  {Rule345, 2023}};
}

}  // namespace journey::returns
