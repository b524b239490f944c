// SSDA903 rules on the AD1 and PlacedAdoption tables. Sources: the DfE's SSDA903
// validation rules as implemented by lac_validator (DATA-SPECS.md §12), rule by rule;
// messages in our words.
#include <fmt/format.h>

#include "returns/ssda903_rule_kit.h"

namespace journey::returns {
namespace {

const char* const kAd1Fields[] = {"DATE_INT",  "DATE_MATCH", "FOSTER_CARE",
                                  "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"};

Rule Rule112() { return DateRule("112", "AD1", "DATE_INT", "DfE 903 rule 112"); }
Rule Rule113() { return DateRule("113", "AD1", "DATE_MATCH", "DfE 903 rule 113"); }
Rule Rule115() { return DateRule("115", "PlacedAdoption", "DATE_PLACED", "DfE 903 rule 115"); }
Rule Rule116() {
  return DateRule("116", "PlacedAdoption", "DATE_PLACED_CEASED", "DfE 903 rule 116");
}

// 117: DATE_PLACED and DATE_PLACED_CEASED are not after 31 March, nor after the DEC of the
// child's latest episode that did not end with X1. As lac_validator does, only children with
// episodes are checked.
Rule Rule117() {
  Rule r{"117", Severity::kError,
         "PlacedAdoption dates are not after 31 March or after the child left care",
         "DfE 903 rule 117", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* pa = ctx.Table("PlacedAdoption");
    const ReadTable* ep = ctx.Table("Episodes");
    if (!pa || !ep) return;
    for (size_t i = 0; i < pa->rows.size(); ++i) {
      std::optional<size_t> latest;
      for (size_t e : ctx.ChildOf(*pa, i).episodes)
        if (ctx.DateAt(*ep, e, "DECOM") && ep->Get(e, "REC") != "X1") latest = e;
      if (!latest) continue;
      const auto dec = ctx.DateAt(*ep, *latest, "DEC");
      for (const char* f : {"DATE_PLACED", "DATE_PLACED_CEASED"}) {
        const auto d = ctx.DateAt(*pa, i, f);
        if (!d) continue;
        if (*d > ctx.end())
          ctx.Find(self, *pa, i, f,
                   fmt::format("is after the end of the collection year ({})", ctx.end().ToDmy()));
        else if (dec && *d > *dec)
          ctx.Find(
              self, *pa, i, f,
              fmt::format("is after the child ceased to be looked after ({}, Episodes line {})",
                          dec->ToDmy(), ep->lines[*latest]));
      }
    }
  };
  return r;
}

// 118: DATE_PLACED_CEASED is not before 1 April, nor before the DECOM of the child's earliest
// episode under a legal status other than V3/V4 (short breaks). Only children with such
// episodes are checked, as lac_validator does.
Rule Rule118() {
  Rule r{"118", Severity::kError,
         "PlacedAdoption DATE_PLACED_CEASED is in the year and after care began",
         "DfE 903 rule 118", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* pa = ctx.Table("PlacedAdoption");
    const ReadTable* ep = ctx.Table("Episodes");
    if (!pa || !ep) return;
    for (size_t i = 0; i < pa->rows.size(); ++i) {
      const auto ceased = ctx.DateAt(*pa, i, "DATE_PLACED_CEASED");
      if (!ceased) continue;
      std::optional<Date> first;
      for (size_t e : ctx.ChildOf(*pa, i).episodes) {
        const std::string& ls = ep->Get(e, "LS");
        if (ls == "V3" || ls == "V4") continue;
        if (auto d = ctx.DateAt(*ep, e, "DECOM")) {
          first = d;
          break;
        }
      }
      if (!first) continue;
      if (*ceased < ctx.start())
        ctx.Find(self, *pa, i, "DATE_PLACED_CEASED",
                 fmt::format("is before the collection year began ({})", ctx.start().ToDmy()));
      else if (*ceased < *first)
        ctx.Find(
            self, *pa, i, "DATE_PLACED_CEASED",
            fmt::format("is before the child's first episode of care began ({})", first->ToDmy()));
    }
  };
  return r;
}

// 119: DATE_PLACED_CEASED and REASON_PLACED_CEASED are both given or both blank.
Rule Rule119() {
  return RowRule("119", Severity::kError, "PlacedAdoption", "REASON_PLACED_CEASED",
                 "PlacedAdoption DATE_PLACED_CEASED and REASON_PLACED_CEASED go together",
                 "DfE 903 rule 119",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   const bool d = !t.Get(i, "DATE_PLACED_CEASED").empty();
                   const bool r = !t.Get(i, "REASON_PLACED_CEASED").empty();
                   if (d == r) return "";
                   return d ? "is blank but DATE_PLACED_CEASED is given: give the reason the "
                              "decision was reversed"
                            : "is given but DATE_PLACED_CEASED is blank: give the date the "
                              "decision was reversed";
                 });
}

// 151: the AD1 items are all given or all blank.
Rule Rule151() {
  return RowRule(
      "151", Severity::kError, "AD1", "DATE_INT", "AD1 items are all given or all blank",
      "DfE 903 rule 151", [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
        std::vector<std::string> blank;
        for (const char* f : kAd1Fields)
          if (t.Get(i, f).empty()) blank.push_back(f);
        if (blank.empty() || blank.size() == std::size(kAd1Fields)) return "";
        return fmt::format("the adoption items must all be given or all blank; blank: {}",
                           fmt::join(blank, ", "));
      });
}

// 184: DATE_PLACED is not before the child's date of birth (Header DOB).
Rule Rule184() {
  return RowRule("184", Severity::kError, "PlacedAdoption", "DATE_PLACED",
                 "PlacedAdoption DATE_PLACED is not before the child's birth", "DfE 903 rule 184",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   const auto placed = ctx.DateAt(t, i, "DATE_PLACED");
                   const std::optional<Date>& dob = ctx.ChildOf(t, i).dob;
                   if (!placed || !dob || *placed >= *dob) return "";
                   return fmt::format("is before the child was born ({}, Header DOB)",
                                      dob->ToDmy());
                 });
}

// 134: a child with adoption data (AD1) has no care leaver data (OC3) too.
Rule Rule134() {
  Rule r{"134", Severity::kError, "AD1: no adoption data for a child in the OC3 cohort",
         "DfE 903 rule 134", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* ad1 = ctx.Table("AD1");
    const ReadTable* oc3 = ctx.Table("OC3");
    if (!ad1 || !oc3) return;
    for (size_t i = 0; i < ad1->rows.size(); ++i) {
      bool any = false;
      for (const char* f : kAd1Fields) any |= !ad1->Get(i, f).empty();
      if (!any) continue;
      for (size_t o : ctx.RowsOf(*oc3, ctx.ChildOf(*ad1, i)))
        if (!oc3->Get(o, "IN_TOUCH").empty() || !oc3->Get(o, "ACTIV").empty() ||
            !oc3->Get(o, "ACCOM").empty()) {
          ctx.Find(self, *ad1, i, "DATE_INT",
                   fmt::format("the child also has care leaver data (OC3, {} line {}); adoption "
                               "data is not for care leavers",
                               oc3->file, oc3->lines[o]));
          break;
        }
    }
  };
  return r;
}

// 331: DATE_MATCH is not after the DECOM of an episode that ended in adoption (E11, E12):
// matched before placed.
Rule Rule331() {
  Rule r{"331", Severity::kError, "AD1 DATE_MATCH not after the adoption placement began",
         "DfE 903 rule 331", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* ad1 = ctx.Table("AD1");
    const ReadTable* ep = ctx.Table("Episodes");
    if (!ad1 || !ep) return;
    for (size_t i = 0; i < ad1->rows.size(); ++i) {
      auto match = ctx.DateAt(*ad1, i, "DATE_MATCH");
      if (!match) continue;
      for (size_t e : ctx.RowsOf(*ep, ctx.ChildOf(*ad1, i))) {
        const std::string& rec = ep->Get(e, "REC");
        auto decom = ctx.DateAt(*ep, e, "DECOM");
        if ((rec == "E11" || rec == "E12") && decom && *match > *decom) {
          ctx.Find(self, *ad1, i, "DATE_MATCH",
                   fmt::format("is after the adoptive placement began ({}, Episodes line {}): "
                               "a child is matched before being placed",
                               decom->ToDmy(), ep->lines[e]));
          break;
        }
      }
    }
  };
  return r;
}

// 333: with DATE_MATCH given, DATE_INT is given and not after it.
Rule Rule333() {
  return RowRule(
      "333", Severity::kError, "AD1", "DATE_INT", "AD1 DATE_INT on or before DATE_MATCH",
      "DfE 903 rule 333", [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
        auto match = ctx.DateAt(t, i, "DATE_MATCH");
        if (!match) return "";
        auto decided = ctx.DateAt(t, i, "DATE_INT");
        if (t.Get(i, "DATE_INT").empty())
          return "is blank but DATE_MATCH is given: give the date of the decision";
        if (!decided || *decided <= *match) return "";
        return fmt::format("is after DATE_MATCH ({}): the decision comes first", match->ToDmy());
      });
}

// 334: DATE_INT is not before the DECOM of the child's latest episode starting a period of
// care (RNE S).
Rule Rule334() {
  Rule r{"334", Severity::kError, "AD1 DATE_INT not before the latest period of care began",
         "DfE 903 rule 334", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* ad1 = ctx.Table("AD1");
    const ReadTable* ep = ctx.Table("Episodes");
    if (!ad1 || !ep) return;
    for (size_t i = 0; i < ad1->rows.size(); ++i) {
      auto decided = ctx.DateAt(*ad1, i, "DATE_INT");
      if (!decided) continue;
      std::optional<Date> began;
      for (size_t e : ctx.RowsOf(*ep, ctx.ChildOf(*ad1, i)))
        if (ep->Get(e, "RNE") == "S")
          if (auto d = ctx.DateAt(*ep, e, "DECOM"); d && (!began || *d > *began)) began = d;
      if (began && *decided < *began)
        ctx.Find(
            self, *ad1, i, "DATE_INT",
            fmt::format("is before the child's latest period of care began ({})", began->ToDmy()));
    }
  };
  return r;
}

// 1003: the decision that the child should be placed for adoption (PlacedAdoption
// DATE_PLACED) is not before the child's first period of care began (the DECOM of the
// earliest episode with RNE S).
Rule Rule1003() {
  Rule r{"1003", Severity::kError, "PlacedAdoption DATE_PLACED not before care first began",
         "DfE 903 rule 1003", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* pa = ctx.Table("PlacedAdoption");
    const ReadTable* ep = ctx.Table("Episodes");
    if (!pa || !ep) return;
    for (size_t i = 0; i < pa->rows.size(); ++i) {
      const auto placed = ctx.DateAt(*pa, i, "DATE_PLACED");
      if (!placed) continue;
      for (size_t e : ctx.ChildOf(*pa, i).episodes) {
        const auto decom = ctx.DateAt(*ep, e, "DECOM");
        if (!decom || ep->Get(e, "RNE") != "S") continue;
        if (*placed < *decom)
          ctx.Find(self, *pa, i, "DATE_PLACED",
                   fmt::format("is before the child's first period of care began ({}, Episodes "
                               "line {}): the decision comes while the child is looked after",
                               decom->ToDmy(), ep->lines[e]));
        break;
      }
    }
  };
  return r;
}

// 335: an adoption (REC E1, E11, E12) from a placement with the current foster carers (A2,
// A3, A5) has AD1 FOSTER_CARE 1, and one from a placement with others (A1, A4, A6) has
// FOSTER_CARE 0. (A1, A2 and E1 are earlier years' codes, kept as lac_validator keeps them.)
Rule Rule335() {
  Rule r{"335", Severity::kError, "AD1 FOSTER_CARE agrees with the adoptive placement",
         "DfE 903 rule 335", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* ad1 = ctx.Table("AD1");
    const ReadTable* ep = ctx.Table("Episodes");
    if (!ad1 || !ep) return;
    for (size_t i = 0; i < ad1->rows.size(); ++i) {
      const std::string& foster = ad1->Get(i, "FOSTER_CARE");
      if (foster != "0" && foster != "1") continue;
      for (size_t e : ctx.RowsOf(*ep, ctx.ChildOf(*ad1, i))) {
        const std::string& rec = ep->Get(e, "REC");
        if (rec != "E1" && rec != "E11" && rec != "E12") continue;
        const std::string& p = ep->Get(e, "PLACE");
        const bool with_carers = p == "A2" || p == "A3" || p == "A5";
        const bool with_others = p == "A1" || p == "A4" || p == "A6";
        if ((with_carers && foster == "0") || (with_others && foster == "1")) {
          ctx.Find(self, *ad1, i, "FOSTER_CARE",
                   fmt::format("is {}, but the child was adopted (REC {}, Episodes line {}) from a "
                               "placement {} (PLACE {})",
                               foster, rec, ep->lines[e],
                               with_carers ? "with the current foster carers"
                                           : "with other than the current foster carers",
                               p));
          break;
        }
      }
    }
  };
  return r;
}

// 336: a child placed for adoption with the current foster carers (A3, A5) comes from a
// foster or adoptive placement (A3-A6, U1-U6) in the episode before. (lac_validator tests
// A3 and A4; the rule's words and its sense, "with current foster carer", say A3 and A5.)
Rule Rule336() {
  return PairRule("336", "PLACE",
                  "Episodes: placed for adoption with the foster carers (A3, A5) after fostering",
                  [](const RuleContext&, const ReadTable& t, size_t prev, size_t next) {
                    const std::string& p = t.Get(next, "PLACE");
                    if (p != "A3" && p != "A5") return std::string();
                    const std::string& before = t.Get(prev, "PLACE");
                    const bool fostered =
                        before.size() == 2 &&
                        ((before[0] == 'A' && before[1] >= '3' && before[1] <= '6') ||
                         (before[0] == 'U' && before[1] >= '1' && before[1] <= '6'));
                    if (fostered) return std::string();
                    return fmt::format(
                        "is {} (placed for adoption with the current foster carers), but the "
                        "episode before (line {}) is not a foster placement (PLACE {})",
                        p, t.lines[prev], before.empty() ? "blank" : before);
                  });
}

}  // namespace

std::vector<RuleEntry> AdoptionRules() {
  return {{Rule112, 2023}, {Rule113, 2023}, {Rule115, 2023}, {Rule116, 2023},
          {Rule117, 2023}, {Rule118, 2023}, {Rule119, 2023}, {Rule134, 2023},
          {Rule151, 2023}, {Rule184, 2023}, {Rule331, 2023}, {Rule333, 2023},
          {Rule334, 2023}, {Rule335, 2023}, {Rule336, 2023}, {Rule1003, 2023}};
}

}  // namespace journey::returns
