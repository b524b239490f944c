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

// ---- compared with last year's return (run only when it is given) ----

// A Header rule comparing each child's row with last year's row for the same CHILD.
// `bad(ctx, now, i, last, j)` returns the message, or "" when the rows agree.
Rule AcrossYears(std::string code, std::string field, std::string summary,
                 std::function<std::string(const RuleContext&, const ReadTable&, size_t,
                                           const ReadTable&, size_t)>
                     bad) {
  Rule r{code, Severity::kError, std::move(summary), "DfE 903 rule " + code, nullptr};
  r.needs = kNeedsPreviousYear;
  r.check = [field, bad](const Rule& self, const RuleContext& ctx) {
    const ReadTable* now = ctx.Table("Header");
    const ReadTable* last = ctx.PreviousTable("Header");
    if (!now || !last) return;
    for (size_t i = 0; i < now->rows.size(); ++i) {
      const auto& before = ctx.ChildRows(*last, now->rows[i][0]);
      if (before.empty()) continue;
      if (std::string m = bad(ctx, *now, i, *last, before.front()); !m.empty())
        ctx.Find(self, *now, i, field, std::move(m));
    }
  };
  return r;
}

// 202: SEX agrees with last year's. The codes changed in 2024/25 (1/2 to M/F), so each
// year's value is read by that year's codes before comparing.
Rule Rule202() {
  return AcrossYears("202", "SEX", "Header SEX agrees with last year's return",
                     [](const RuleContext& ctx, const ReadTable& now, size_t i,
                        const ReadTable& last, size_t j) -> std::string {
                       const Ssda903Spec& spec = Ssda903Spec::Default();
                       const std::string& a = now.Get(i, "SEX");
                       const std::string& b = last.Get(j, "SEX");
                       auto ra = spec.FromReturn("SEX", a, ctx.year());
                       auto rb = spec.FromReturn("SEX", b, ctx.year() - 1);
                       if ((ra && rb) ? *ra == *rb : a == b) return "";
                       return fmt::format(
                           "differs from last year's return (\"{}\"); a child's sex as recorded "
                           "does not change between returns without correction",
                           b);
                     });
}

// 203: DOB agrees with last year's.
Rule Rule203() {
  return AcrossYears("203", "DOB", "Header DOB agrees with last year's return",
                     [](const RuleContext& ctx, const ReadTable& now, size_t i,
                        const ReadTable& last, size_t j) -> std::string {
                       auto a = ctx.DateAt(now, i, "DOB");
                       auto b = ctx.DateAt(last, j, "DOB");
                       if (a && b ? *a == *b : now.Get(i, "DOB") == last.Get(j, "DOB")) return "";
                       return fmt::format("differs from last year's return (\"{}\")",
                                          last.Get(j, "DOB"));
                     });
}

// 204: ETHNIC agrees with last year's.
Rule Rule204() {
  return AcrossYears("204", "ETHNIC", "Header ETHNIC agrees with last year's return",
                     [](const RuleContext&, const ReadTable& now, size_t i, const ReadTable& last,
                        size_t j) -> std::string {
                       if (now.Get(i, "ETHNIC") == last.Get(j, "ETHNIC")) return "";
                       return fmt::format("differs from last year's return (\"{}\")",
                                          last.Get(j, "ETHNIC"));
                     });
}

// 207: a child who was a mother (MOTHER 1) last year still is, when she has episodes this
// year.
Rule Rule207() {
  return AcrossYears("207", "MOTHER", "Header MOTHER stays 1 once it was",
                     [](const RuleContext& ctx, const ReadTable& now, size_t i,
                        const ReadTable& last, size_t j) -> std::string {
                       if (last.Get(j, "MOTHER") != "1" || now.Get(i, "MOTHER") == "1") return "";
                       const ReadTable* ep = ctx.Table("Episodes");
                       if (!ep || ctx.RowsOf(*ep, ctx.ChildOf(now, i)).empty()) return "";
                       return "was 1 in last year's return: a mother stays a mother";
                     });
}

// 208: UPN agrees with last year's, except an unknown one becoming known, UN1 (or blank)
// becoming UN2-UN5, or blank becoming UN1.
Rule Rule208() {
  return AcrossYears("208", "UPN", "Header UPN agrees with last year's return",
                     [](const RuleContext&, const ReadTable& now, size_t i, const ReadTable& last,
                        size_t j) -> std::string {
                       const std::string& a = now.Get(i, "UPN");
                       const std::string& b = last.Get(j, "UPN");
                       if (a == b) return "";
                       auto unknown = [](const std::string& v) {
                         return v.size() == 3 && v[0] == 'U' && v[1] == 'N' && v[2] >= '1' &&
                                v[2] <= '5';
                       };
                       if ((b.empty() || b == "UN1") && unknown(a) && a != "UN1") return "";
                       if (b.empty() && a == "UN1") return "";
                       if ((b.empty() || unknown(b)) && !a.empty() && !unknown(a))
                         return "";  // now known
                       return fmt::format("differs from last year's return (\"{}\")", b);
                     });
}

// ---- this year's ----

// 209: a child of school age (4 by 31 August of the year before the collection year began)
// does not have UN1 (never had a UPN: not of school age).
Rule Rule209() {
  return RowRule("209", Severity::kError, "Header", "UPN",
                 "Header UPN is not UN1 for a child of school age", "DfE 903 rule 209",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "UPN") != "UN1") return "";
                   auto dob = ctx.DateAt(t, i, "DOB");
                   const Date ref = Date::FromYmd(ctx.start().year() - 1, 8, 31);
                   if (!dob || dob->AddYears(4) > ref) return "";
                   return fmt::format(
                       "is UN1 (never had a UPN), but the child was 4 by {}: of "
                       "school age",
                       ref.ToDmy());
                 });
}

// 210: UN4 (UPN not yet obtained: looked after for a week or less at 31 March) is wrong for
// a child with an episode beginning on or after 24 March.
Rule Rule210() {
  return RowRule("210", Severity::kError, "Header", "UPN",
                 "Header UPN is not UN4 for a child with an episode from 24 March",
                 "DfE 903 rule 210",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "UPN") != "UN4") return "";
                   const ReadTable* ep = ctx.Table("Episodes");
                   if (!ep) return "";
                   const Date ref = Date::FromYmd(ctx.end().year(), 3, 24);
                   for (size_t e : ctx.RowsOf(*ep, ctx.ChildOf(t, i)))
                     if (auto d = ctx.DateAt(*ep, e, "DECOM"); d && *d >= ref)
                       return fmt::format(
                           "is UN4, but the child has an episode beginning {} "
                           "(on or after {})",
                           d->ToDmy(), ref.ToDmy());
                   return "";
                 });
}

// 301: DOB is not after 31 March of the collection year.
Rule Rule301() {
  return RowRule("301", Severity::kError, "Header", "DOB", "Header DOB not after the year ended",
                 "DfE 903 rule 301",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   auto dob = ctx.DateAt(t, i, "DOB");
                   if (!dob || *dob <= ctx.end()) return "";
                   return fmt::format("is after the collection year ended ({})", ctx.end().ToDmy());
                 });
}

// 302: the child's first episode (earliest DECOM) does not begin before they were born.
Rule Rule302() {
  Rule r{"302", Severity::kError, "Episodes: the first episode is not before the child's birth",
         "DfE 903 rule 302", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* ep = ctx.Table("Episodes");
    if (!ep || !ctx.Table("Header")) return;
    for (const Child903* child : ctx.ChildrenOf(*ep)) {
      const size_t first = child->episodes.front();
      auto decom = ctx.DateAt(*ep, first, "DECOM");
      const std::optional<Date>& dob = child->dob;
      if (decom && dob && *decom < *dob)
        ctx.Find(self, *ep, first, "DECOM",
                 fmt::format("is before the child was born ({}, Header DOB)", dob->ToDmy()));
    }
  };
  return r;
}

// 442: a child with an episode under a legal status other than respite (V3, V4) has a UPN
// (a pupil number, or UN1-UN5 saying why there is none).
Rule Rule442() {
  return RowRule("442", Severity::kError, "Header", "UPN",
                 "Header UPN given for a child looked after other than on respite",
                 "DfE 903 rule 442",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (!t.Get(i, "UPN").empty()) return "";
                   const ReadTable* ep = ctx.Table("Episodes");
                   if (!ep) return "";
                   for (size_t e : ctx.RowsOf(*ep, ctx.ChildOf(t, i))) {
                     const std::string& ls = ep->Get(e, "LS");
                     if (ls != "V3" && ls != "V4")
                       return fmt::format(
                           "is blank, but the child is looked after (LS {}, Episodes line {}): "
                           "give the UPN, or UN1-UN5 for why there is none",
                           ls.empty() ? "blank" : ls, ep->lines[e]);
                   }
                   return "";
                 });
}

// 393: a girl looked after other than on respite (an episode under a legal status other than
// V3, V4) has MOTHER given (0 or 1). The female code is the year's (2 to 2023/24, F from
// 2024/25: data/ssda903_values.csv).
Rule Rule393() {
  return RowRule("393", Severity::kError, "Header", "MOTHER",
                 "Header MOTHER given for a girl looked after other than on respite",
                 "DfE 903 rule 393",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (!t.Get(i, "MOTHER").empty()) return "";
                   auto sex = Ssda903Spec::Default().FromReturn("SEX", t.Get(i, "SEX"), ctx.year());
                   const ReadTable* ep = ctx.Table("Episodes");
                   if (!sex || *sex != "F" || !ep) return "";
                   for (size_t e : ctx.RowsOf(*ep, ctx.ChildOf(t, i))) {
                     const std::string& ls = ep->Get(e, "LS");
                     if (ls != "V3" && ls != "V4")
                       return fmt::format(
                           "is blank for a girl who is looked after (Episodes line {}): give 1 "
                           "if she is a mother, 0 if not",
                           ep->lines[e]);
                   }
                   return "";
                 });
}

}  // namespace

std::vector<RuleEntry> HeaderRules() {
  return {{Rule168, 2023}, {Rule171, 2023}, {Rule174, 2023}, {Rule202, 2023}, {Rule203, 2023},
          {Rule204, 2023}, {Rule207, 2023}, {Rule208, 2023}, {Rule209, 2023}, {Rule210, 2023},
          {Rule301, 2023}, {Rule302, 2023}, {Rule442, 2023}, {Rule393, 2023}};
}

}  // namespace journey::returns
