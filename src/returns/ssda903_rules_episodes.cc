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
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      const std::span<const size_t> dated = child->dated;
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
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      // (DECOM, adopted, row in this year's table or -1 for last year's)
      std::vector<std::tuple<Date, bool, long>> eps;
      for (size_t r : ctx.RowsOf(*t, *child))
        if (auto d = ctx.DateAt(*t, r, "DECOM"))
          eps.emplace_back(*d, Adopted(t->Get(r, "REC")), static_cast<long>(r));
      if (last)
        for (size_t r : ctx.ChildRows(*last, *child->id))
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

bool Temporary(const std::string& place) { return TemporaryPlacement(place); }

// 213: no PLACE_PROVIDER for placements that have none: T0-T4, and from 2025/26 the Z11-Z14
// placements (lac_validator lac2025_26).
Rule Rule213Until2025() {
  return RowRule("213", Severity::kError, "Episodes", "PLACE_PROVIDER",
                 "Episodes PLACE_PROVIDER blank for T0-T4", "DfE 903 rule 213",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   if (!Temporary(t.Get(i, "PLACE")) || t.Get(i, "PLACE_PROVIDER").empty())
                     return "";
                   return "must be blank for a temporary placement (PLACE T0-T4)";
                 });
}
Rule Rule213() {
  return RowRule(
      "213", Severity::kError, "Episodes", "PLACE_PROVIDER",
      "Episodes PLACE_PROVIDER blank for T0-T4 and Z11-Z14", "DfE 903 rule 213 (2025/26)",
      [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
        const std::string& p = t.Get(i, "PLACE");
        const bool none = Temporary(p) || p == "Z11" || p == "Z12" || p == "Z13" || p == "Z14";
        if (!none || t.Get(i, "PLACE_PROVIDER").empty()) return "";
        return fmt::format("must be blank for PLACE {}, which has no provider", p);
      });
}

// 214: no PL_POST or URN under a short-break legal status (V3, V4).
Rule Rule214() {
  return RowRule("214", Severity::kError, "Episodes", "PL_POST",
                 "Episodes PL_POST and URN blank under V3/V4", "DfE 903 rule 214",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   const std::string& ls = t.Get(i, "LS");
                   if (ls != "V3" && ls != "V4") return "";
                   if (t.Get(i, "PL_POST").empty() && t.Get(i, "URN").empty()) return "";
                   return "PL_POST and URN must be blank for short breaks (LS V3, V4)";
                 });
}

// 217: an episode placed for adoption with current foster carers (A3, A5) from 1 April 2015
// begins with RNE S, T or U.
Rule Rule217() {
  return RowRule("217", Severity::kError, "Episodes", "RNE",
                 "Episodes A3/A5 placements begin with RNE S, T or U", "DfE 903 rule 217",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   const std::string& p = t.Get(i, "PLACE");
                   if (p != "A3" && p != "A5") return "";
                   auto d = ctx.DateAt(t, i, "DECOM");
                   if (!d || *d < Date::FromYmd(2015, 4, 1)) return "";
                   const std::string& rne = t.Get(i, "RNE");
                   if (rne == "S" || rne == "T" || rne == "U") return "";
                   return "a placement for adoption with the current foster carers (A3, A5) "
                          "begins an episode with RNE S, T or U";
                 });
}

// 225: an episode ending X1 where the next begins a change of placement (RNE P, B, T or U)
// and neither is temporary (T0-T4) gives REASON_PLACE_CHANGE.
Rule Rule225() {
  Rule r{"225", Severity::kError, "Episodes: a reason is given for each change of placement",
         "DfE 903 rule 225", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("Episodes");
    if (!t) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      const std::span<const size_t> eps = child->episodes;
      for (size_t k = 0; k + 1 < eps.size(); ++k) {
        const size_t a = eps[k], b = eps[k + 1];
        const std::string& rne = t->Get(b, "RNE");
        if (t->Get(a, "REC") == "X1" && t->Get(a, "REASON_PLACE_CHANGE").empty() &&
            !Temporary(t->Get(a, "PLACE")) && !Temporary(t->Get(b, "PLACE")) &&
            (rne == "P" || rne == "B" || rne == "T" || rne == "U"))
          ctx.Find(self, *t, a, "REASON_PLACE_CHANGE",
                   fmt::format("is blank, but the placement changes at the next episode (RNE "
                               "{}, line {}): give the reason",
                               rne, t->lines[b]));
      }
    }
  };
  return r;
}

// 226: a temporary placement (T0-T4) has no REASON_PLACE_CHANGE, nor has the episode before
// it (a move into a temporary placement is not a change of placement).
Rule Rule226() {
  Rule r{"226", Severity::kError, "Episodes: no reason for change into or of a temporary placement",
         "DfE 903 rule 226", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("Episodes");
    if (!t) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      const std::span<const size_t> eps = child->episodes;
      for (size_t k = 0; k < eps.size(); ++k) {
        const size_t e = eps[k];
        if (!Temporary(t->Get(e, "PLACE"))) continue;
        const bool own = !t->Get(e, "REASON_PLACE_CHANGE").empty();
        const bool before = k > 0 && !t->Get(eps[k - 1], "REASON_PLACE_CHANGE").empty();
        if (own || before)
          ctx.Find(self, *t, e, "REASON_PLACE_CHANGE",
                   own ? "must be blank for a temporary placement (T0-T4)"
                       : "the episode before this temporary placement (T0-T4) gives a reason "
                         "for a change of placement; leave it blank");
      }
    }
  };
  return r;
}

// 501: an episode does not begin before the one before it (by DECOM) ended.
Rule Rule501() {
  return PairRule("501", "DECOM", "Episodes: an episode begins after the one before ended",
                  [](const RuleContext& ctx, const ReadTable& t, size_t prev, size_t next) {
                    auto dec = ctx.DateAt(t, prev, "DEC");
                    const Date decom = *ctx.DateAt(t, next, "DECOM");
                    if (!dec || decom >= *dec) return std::string();
                    return fmt::format("is before the episode before (line {}) ended ({})",
                                       t.lines[prev], dec->ToDmy());
                  });
}

// 502: a child whose episode was open at the end of last year's return begins this year's
// with that episode: the child's first DECOM this year is that episode's DECOM (needs last
// year's return).
Rule Rule502() {
  Rule r{"502", Severity::kError, "Episodes: this year begins with last year's open episode",
         "DfE 903 rule 502", nullptr};
  r.needs = kNeedsPreviousYear;
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("Episodes");
    const ReadTable* last = ctx.PreviousTable("Episodes");
    if (!t || !last) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      if (child->dated.empty()) continue;
      const size_t first = child->dated.front();
      const Date decom = *ctx.DateAt(*t, first, "DECOM");
      for (size_t r : ctx.ChildRows(*last, *child->id)) {
        auto open_from = ctx.DateAt(*last, r, "DECOM");
        if (!last->Get(r, "DEC").empty() || !open_from || *open_from == decom) continue;
        ctx.Find(self, *t, first, "DECOM",
                 fmt::format("is the child's first episode this year, but last year's return "
                             "ended with an episode open from {} ({} line {}): this year's "
                             "episodes begin with it",
                             open_from->ToDmy(), last->file, last->lines[r]));
        break;
      }
    }
  };
  return r;
}

// 503A-503F: the child's first episode this year is the episode left open at the end of last
// year's return, carried on: when last year's latest episode (by DECOM) has no DEC, this
// year's first has the same RNE (A), LS (B), CIN (C), PLACE (D), PLACE_PROVIDER (E) and URN
// (F). Needs last year's return. In 2025/26, the year the DfE replaced H5 and P2 by K3 and Z1
// by Z11-Z14, a placement carried on under its new code agrees (lac_validator lets K3 and H5
// pass that year).
bool Recoded(const std::string& before, const std::string& now, int year) {
  if (year != 2026) return false;
  if (before == "H5" || before == "P2") return now == "K3";
  return before == "Z1" && (now == "Z11" || now == "Z12" || now == "Z13" || now == "Z14");
}
Rule SameAsLastYearsOpenEpisode(std::string code, std::string field, std::string what) {
  Rule r{code, Severity::kError,
         fmt::format("Episodes: the first {} this year is that of last year's open episode", field),
         "DfE 903 rule " + code, nullptr};
  r.needs = kNeedsPreviousYear;
  r.check = [field, what](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("Episodes");
    const ReadTable* last = ctx.PreviousTable("Episodes");
    if (!t || !last) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      if (child->dated.empty()) continue;
      std::optional<size_t> latest;
      std::optional<Date> latest_decom;
      for (size_t r : ctx.ChildRows(*last, *child->id))
        if (auto d = ctx.DateAt(*last, r, "DECOM"); d && (!latest_decom || *d > *latest_decom))
          latest = r, latest_decom = d;
      if (!latest || !last->Get(*latest, "DEC").empty()) continue;
      const size_t first = child->dated.front();
      const std::string& before = last->Get(*latest, field);
      const std::string& now = t->Get(first, field);
      if (now == before || (field == "PLACE" && Recoded(before, now, ctx.year()))) continue;
      ctx.Find(self, *t, first, field,
               fmt::format("differs from the {} of the episode open at the end of last year's "
                           "return (\"{}\", {} line {}), which this first episode carries on",
                           what, before, last->file, last->lines[*latest]));
    }
  };
  return r;
}
Rule Rule503A() { return SameAsLastYearsOpenEpisode("503A", "RNE", "reason for new episode"); }
Rule Rule503B() { return SameAsLastYearsOpenEpisode("503B", "LS", "legal status"); }
Rule Rule503C() { return SameAsLastYearsOpenEpisode("503C", "CIN", "category of need"); }
Rule Rule503D() { return SameAsLastYearsOpenEpisode("503D", "PLACE", "placement type"); }
Rule Rule503E() {
  return SameAsLastYearsOpenEpisode("503E", "PLACE_PROVIDER", "placement provider");
}
Rule Rule503F() { return SameAsLastYearsOpenEpisode("503F", "URN", "Ofsted URN"); }

}  // namespace

std::vector<RuleEntry> EpisodeRules() {
  return {{Rule141, 2023},  {Rule142, 2023},  {Rule147, 2023},
          {Rule148, 2023},  {Rule199, 2023},  {Rule213Until2025, 2023, 2025},
          {Rule213, 2026},  {Rule214, 2023},  {Rule217, 2023},
          {Rule225, 2023},  {Rule226, 2023},  {Rule501, 2023},
          {Rule502, 2023},  {Rule503A, 2023}, {Rule503B, 2023},
          {Rule503C, 2023}, {Rule503D, 2023}, {Rule503E, 2023},
          {Rule503F, 2023}};
}

}  // namespace journey::returns
