// CIN census rules on the header and on each child's identifiers and characteristics.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "returns/cin_rules_impl.h"

namespace journey::returns::cin_rules {

CinRule CodeRule(std::string code, Severity severity, std::string what, Leaves leaves,
                 std::vector<std::string> allowed, std::string source) {
  std::string summary = fmt::format("{} is a valid code", what);
  auto check = [what, leaves, allowed](const CinRule& self, const CinRuleContext& ctx) {
    leaves(ctx, [&](const CinChild& c, const std::string& path, const Leaf& l) {
      if (l.empty() || std::find(allowed.begin(), allowed.end(), l.v) != allowed.end()) return;
      const auto slash = path.rfind('/');
      ctx.Find(
          self, &c, path, l, path.substr(slash + 1),
          fmt::format("\"{}\" is not a {} code; allowed: {}", l.v, what, fmt::join(allowed, ", ")));
    });
  };
  return CinRule{std::move(code),   severity, std::move(summary),
                 std::move(source), "",       std::move(check)};
}

namespace {

// ---- UPN (the DfE's common basic data set rules for unique pupil numbers) ----

constexpr std::string_view kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";
bool Digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
// Character 13 is a digit, or a letter of the check-letter alphabet (a temporary UPN).
bool Char13Valid(char c) {
  return (c >= '0' && c <= '9') || kUpnLetters.find(c) != std::string_view::npos;
}

// The UPNs a rule reads: UPN and FormerUPN of each child.
template <typename F>
void EachUpn(const CinRuleContext& ctx, F&& f) {
  EachChild(ctx, [&](const CinChild& c) {
    if (!c.upn.empty()) f(c, P("ChildIdentifiers/UPN"), "UPN", c.upn);
    if (!c.former_upn.empty()) f(c, P("ChildIdentifiers/FormerUPN"), "FormerUPN", c.former_upn);
  });
}

// 1510 (DfE CBDS UPN check): character 1 is the check letter: the sum of characters 2-13,
// each times its position (a letter at 13 counting as its place in the check alphabet),
// mod 23, read as a letter of ABCDEFGHJKLMNPQRTUVWXYZ. Checked when the rest is well formed
// (1540 and 1550 report the rest).
CinRule Rule1510() {
  return Error(
      "1510", "UPN check letter (character 1) is right", "DfE CIN rule 1510; DATA-SPECS.md §12 2.3",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachUpn(
            ctx, [&](const CinChild& c, const std::string& path, const char* field, const Leaf& l) {
              const std::string& u = l.v;
              if (u.size() != 13 || !Digits(u.substr(1, 11)) || !Char13Valid(u[12])) return;
              int sum = 0;
              for (size_t i = 1; i < 12; ++i) sum += (u[i] - '0') * static_cast<int>(i + 1);
              const char last = u[12];
              sum += 13 * (last >= '0' && last <= '9' ? last - '0'
                                                      : static_cast<int>(kUpnLetters.find(last)));
              const char want = kUpnLetters[static_cast<size_t>(sum % 23)];
              if (u[0] != want)
                ctx.Find(self, &c, path, l, field,
                         fmt::format("the check letter (character 1) should be {} for the "
                                     "digits that follow; the UPN is mistyped",
                                     want));
            });
      });
}

// 1520: no two children share a UPN.
CinRule Rule1520() {
  return Error("1520", "No two children have the same UPN", "DfE CIN rule 1520",
               [](const CinRule& self, const CinRuleContext& ctx) {
                 std::map<std::string, int> n;
                 EachChild(ctx, [&](const CinChild& c) {
                   if (!c.upn.empty()) ++n[c.upn.v];
                 });
                 EachChild(ctx, [&](const CinChild& c) {
                   if (!c.upn.empty() && n[c.upn.v] > 1)
                     ctx.Find(self, &c, P("ChildIdentifiers/UPN"), c.upn, "UPN",
                              fmt::format("{} children have this UPN; each child's is their own",
                                          n[c.upn.v]));
                 });
               });
}

// 1530: characters 2-4 are a council's code. Needs the list of council codes (not given:
// not run).
CinRule Rule1530() {
  return Error(
      "1530", "UPN characters 2-4 are a council's code", "DfE CIN rule 1530",
      [](const CinRule&, const CinRuleContext&) {}, "the list of council codes");
}

// 1540: characters 5-12 are digits.
CinRule Rule1540() {
  return Error("1540", "UPN characters 5-12 are digits", "DfE CIN rule 1540",
               [](const CinRule& self, const CinRuleContext& ctx) {
                 EachUpn(ctx, [&](const CinChild& c, const std::string& path, const char* field,
                                  const Leaf& l) {
                   if (l.v.size() == 13 && !Digits(l.v.substr(4, 8)))
                     ctx.Find(self, &c, path, l, field,
                              "characters 5 to 12 of a UPN are digits (the school and serial)");
                 });
               });
}

// 1550: character 13 is a digit or a letter of the check alphabet (no I, O or S).
CinRule Rule1550() {
  return Error("1550", "UPN character 13 is a digit or an allowed letter", "DfE CIN rule 1550",
               [](const CinRule& self, const CinRuleContext& ctx) {
                 EachUpn(ctx, [&](const CinChild& c, const std::string& path, const char* field,
                                  const Leaf& l) {
                   if (l.v.size() == 13 && !Char13Valid(l.v[12]))
                     ctx.Find(self, &c, path, l, field,
                              "character 13 of a UPN is a digit, or a letter A-Z other than I, "
                              "O and S");
                 });
               });
}

// 1560Q: a letter at character 13 marks a temporary UPN: ask for the permanent one.
CinRule Rule1560Q() {
  return Query("1560Q", "UPN is not a temporary one", "DfE CIN rule 1560Q",
               [](const CinRule& self, const CinRuleContext& ctx) {
                 EachUpn(ctx, [&](const CinChild& c, const std::string& path, const char* field,
                                  const Leaf& l) {
                   if (l.v.size() == 13 && l.v[12] >= 'A' && l.v[12] <= 'Z')
                     ctx.Find(self, &c, path, l, field,
                              "a letter at character 13 marks a temporary UPN; give the "
                              "child's permanent UPN if they have one");
                 });
               });
}

// 8500: every child has an LAchildID.
CinRule Rule8500() {
  return Error("8500", "LAchildID is given", "DfE CIN rule 8500",
               [](const CinRule& self, const CinRuleContext& ctx) {
                 EachChild(ctx, [&](const CinChild& c) {
                   if (c.la_child_id.empty())
                     ctx.FindAt(self, &c, kIds, c.line, "LAchildID",
                                "the child has no LAchildID; every child needs the council's "
                                "identifier");
                 });
               });
}

// 8510: LAchildID is unique in the return.
CinRule Rule8510() {
  return Error("8510", "No two children have the same LAchildID", "DfE CIN rule 8510",
               [](const CinRule& self, const CinRuleContext& ctx) {
                 std::map<std::string, int> n;
                 EachChild(ctx, [&](const CinChild& c) { ++n[c.la_child_id.v]; });
                 EachChild(ctx, [&](const CinChild& c) {
                   if (!c.la_child_id.empty() && n[c.la_child_id.v] > 1)
                     ctx.Find(self, &c, P("ChildIdentifiers/LAchildID"), c.la_child_id, "LAchildID",
                              fmt::format("{} children have this LAchildID; each child appears "
                                          "once, with all their episodes",
                                          n[c.la_child_id.v]));
                 });
               });
}

// 8590: every child has at least one CIN episode (CINdetails).
CinRule Rule8590() {
  return Error("8590", "Each child has a CIN episode", "DfE CIN rule 8590",
               [](const CinRule& self, const CinRuleContext& ctx) {
                 EachChild(ctx, [&](const CinChild& c) {
                   if (c.details.empty())
                     ctx.FindAt(self, &c, P(""), c.line, "CINdetails",
                                "the child has no CINdetails; a child is in the census for an "
                                "episode of need, so give it or leave the child out");
                 });
               });
}

// 8525Q: a child has a date of birth or an expected date of birth, not both and not
// neither.
CinRule Rule8525Q() {
  return Query(
      "8525Q", "Either PersonBirthDate or ExpectedPersonBirthDate, not both", "DfE CIN rule 8525Q",
      [](const CinRule& self, const CinRuleContext& ctx) {
        EachChild(ctx, [&](const CinChild& c) {
          if (c.birth.empty() == c.expected_birth.empty())
            ctx.FindAt(self, &c, kIds, c.birth.line ? c.birth.line : c.line, "PersonBirthDate",
                       c.birth.empty() ? "the child has neither a date of birth nor an expected "
                                         "one; give the date of birth, or the expected date for "
                                         "an unborn child"
                                       : "the child has both a date of birth and an expected one; "
                                         "once born, give the date of birth only");
        });
      });
}

// 8750: an unborn child (an expected date of birth and no date of birth) has sex U (from
// 2024/25; GenderCurrent 0, not known, before).
CinRule Rule8750(const char* unborn_code) {
  std::string code = unborn_code;
  return Error("8750", fmt::format("An unborn child's sex is {}", code), "DfE CIN rule 8750",
               [code](const CinRule& self, const CinRuleContext& ctx) {
                 EachChild(ctx, [&](const CinChild& c) {
                   if (c.birth.empty() && !c.expected_birth.empty() && c.sex.v != code)
                     ctx.Find(self, &c,
                              P(std::string("ChildIdentifiers/") + SexElement(ctx.year())), c.sex,
                              SexElement(ctx.year()),
                              fmt::format("the child is not yet born; the census records an "
                                          "unborn child's sex as {}",
                                          code));
                 });
               });
}

Leaves ChildLeaf(Leaf CinChild::*field, std::string path) {
  return [field, path](const CinRuleContext& ctx, const LeafFn& f) {
    EachChild(ctx, [&](const CinChild& c) { f(c, path, c.*field); });
  };
}

}  // namespace

// 100: the ReferenceDate is 31 March of the collection year (DATA-SPECS.md §12 2.3).
std::vector<CinRule> HeaderRules2023() {
  std::vector<CinRule> r;
  r.push_back(Error("100", "Header ReferenceDate is 31 March of the collection year",
                    "DfE CIN rule 100; DATA-SPECS.md §12 2.3",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      const CinHeader& h = ctx.message().header;
                      const std::string want = CollectionYearEnd(ctx.year()).ToIso();
                      if (h.reference_date.v != want)
                        ctx.Find(self, nullptr, "Message/Header/CollectionDetails/ReferenceDate",
                                 h.reference_date, "ReferenceDate",
                                 fmt::format("the {}/{:02} census's ReferenceDate is {}",
                                             ctx.year() - 1, ctx.year() % 100, want));
                    }));
  return r;
}

std::vector<CinRule> ChildRules2023() {
  std::vector<CinRule> r;
  for (auto make : {Rule1510, Rule1520, Rule1530, Rule1540, Rule1550, Rule1560Q, Rule8500, Rule8510,
                    Rule8525Q, Rule8590})
    r.push_back(make());
  r.push_back(Rule8750("0"));
  // 4220 (DATA-SPECS.md §12 2.3): Ethnicity is a DfE ethnicity code.
  r.push_back(
      CodeRule("4220", Severity::kError, "Ethnicity",
               ChildLeaf(&CinChild::ethnicity, P("ChildCharacteristics/Ethnicity")),
               {"ABAN", "AIND", "AOTH", "APKN", "BAFR", "BCRB", "BOTH", "CHNE", "MOTH", "MWAS",
                "MWBA", "MWBC", "NOBT", "OOTH", "REFU", "WBRI", "WIRI", "WIRT", "WOTH", "WROM"},
               "DfE CIN rule 4220; DATA-SPECS.md §12 2.3"));
  // 8540: each Disability is a DfE disability code.
  r.push_back(CodeRule(
      "8540", Severity::kError, "Disability",
      [](const CinRuleContext& ctx, const LeafFn& f) {
        EachChild(ctx, [&](const CinChild& c) {
          for (const Leaf& l : c.disabilities)
            f(c, P("ChildCharacteristics/Disabilities/Disability"), l);
        });
      },
      {"NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"},
      "DfE CIN rule 8540; DATA-SPECS.md §12 2.3"));
  // 8770Q: UPNunknown is UN1-UN7.
  r.push_back(CodeRule("8770Q", Severity::kQuery, "UPNunknown",
                       ChildLeaf(&CinChild::upn_unknown, P("ChildIdentifiers/UPNunknown")),
                       {"UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7"},
                       "DfE CIN rule 8770Q; DATA-SPECS.md §12 2.3"));
  // 4180 before 2024/25: GenderCurrent is 1 (male), 2 (female), 0 (not known) or 9 (not
  // specified).
  r.push_back(CodeRule("4180", Severity::kError, "GenderCurrent",
                       ChildLeaf(&CinChild::sex, P("ChildIdentifiers/GenderCurrent")),
                       {"0", "1", "2", "9"}, "DfE CIN rule 4180 (to 2023/24)"));
  return r;
}

std::vector<CinRule> ChildRules2025() {
  std::vector<CinRule> r;
  r.push_back(Rule8750("U"));
  // 4180 from 2024/25 (DATA-SPECS.md §12 2.3): Sex is M, F or U.
  r.push_back(CodeRule("4180", Severity::kError, "Sex",
                       ChildLeaf(&CinChild::sex, P("ChildIdentifiers/Sex")), {"M", "F", "U"},
                       "DfE CIN rule 4180 (2024/25 on); DATA-SPECS.md §12 2.3"));
  // 1570 (2024/25 on; DATA-SPECS.md §12 2.3): LAchildID has at most 20 characters.
  r.push_back(Error("1570", "LAchildID has at most 20 characters",
                    "DfE CIN rule 1570 (2024/25 on); DATA-SPECS.md §12 2.3",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachChild(ctx, [&](const CinChild& c) {
                        if (c.la_child_id.v.size() > 20)
                          ctx.Find(self, &c, P("ChildIdentifiers/LAchildID"), c.la_child_id,
                                   "LAchildID",
                                   fmt::format("has {} characters; an LAchildID has at most 20",
                                               c.la_child_id.v.size()));
                      });
                    }));
  // 1580 (2024/25 on; DATA-SPECS.md §12 2.3): LAchildID holds only letters and digits.
  r.push_back(Error("1580", "LAchildID holds only letters and digits",
                    "DfE CIN rule 1580 (2024/25 on); DATA-SPECS.md §12 2.3",
                    [](const CinRule& self, const CinRuleContext& ctx) {
                      EachChild(ctx, [&](const CinChild& c) {
                        const std::string& v = c.la_child_id.v;
                        if (!std::all_of(v.begin(), v.end(),
                                         [](unsigned char ch) { return std::isalnum(ch) != 0; }))
                          ctx.Find(self, &c, P("ChildIdentifiers/LAchildID"), c.la_child_id,
                                   "LAchildID",
                                   "holds a character that is not a letter or digit (a space, "
                                   "hyphen or symbol); use letters and digits only");
                      });
                    }));
  return r;
}

}  // namespace journey::returns::cin_rules
