// The SSDA903 rules implemented so far, and the year-by-year sets. Sources: the DfE's
// validation rules as summarised in DATA-SPECS.md §12 ("code lists embedded in the rules")
// and Appendix A (codes in force in lac2026_27); lac_validator is the reference
// implementation whose findings ours must match.
#include "returns/ssda903_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <unordered_map>

#include "base/date.h"
#include "model/codes.h"
#include "returns/ssda903_rule_kit.h"
#include "returns/ssda903_spec.h"

namespace journey::returns {

// ---- rule shapes ----

// A field that must hold a code of a Journey code list valid in the collection year (a
// blank is for the rules on required fields).
Rule CodeRule(std::string code, std::string table, std::string field, std::string list,
              std::string source, std::vector<std::string> only) {
  Rule r{std::move(code), Severity::kError, fmt::format("{} {} is a valid code", table, field),
         std::move(source), nullptr};
  r.check = [=](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table(table);
    if (!t) return;
    const Date on = CollectionYearEnd(ctx.year());
    const int c = t->spec->Column(field);
    // A column holds few distinct codes: each is checked once.
    std::unordered_map<std::string_view, bool> known;
    for (size_t i = 0; c >= 0 && i < t->rows.size(); ++i) {
      const std::string& v = t->rows[i][static_cast<size_t>(c)];
      if (v.empty()) continue;
      auto [it, fresh] = known.try_emplace(v, true);
      if (fresh) {
        const bool listed = only.empty() || std::find(only.begin(), only.end(), v) != only.end();
        const bool coded = list.empty() || model::CodeLists::Default().Check(list, v, on).ok();
        it->second = listed && coded;
      }
      if (!it->second) {
        const model::CodeList* cl = model::CodeLists::Default().Find(list);
        ctx.Find(self, *t, i, field,
                 fmt::format("is not a {} code in {}/{:02}; allowed: {}", field, ctx.year() - 1,
                             ctx.year() % 100,
                             only.empty() ? (cl ? cl->AllowedIn(ctx.year()) : std::string())
                                          : fmt::format("{}", fmt::join(only, ", "))));
      }
    }
  };
  return r;
}

// A date field that must be a real date written dd/mm/yyyy (when given). Unreadable dates
// are findings, never blanks.
Rule DateRule(std::string code, std::string table, std::string field, std::string source,
              bool required) {
  Rule r{std::move(code), Severity::kError,
         fmt::format("{} {} is a real date, dd/mm/yyyy{}", table, field,
                     required ? ", and given" : ""),
         std::move(source), nullptr};
  r.check = [=](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table(table);
    if (!t) return;
    for (size_t i = 0; i < t->rows.size(); ++i) {
      const std::string& v = t->Get(i, field);
      if (v.empty()) {
        if (required) ctx.Find(self, *t, i, field, "is blank; give the date as dd/mm/yyyy");
        continue;
      }
      if (!ctx.BadDate(*t, i, field)) continue;
      auto d = Date::ParseDmy(v);
      ctx.Find(self, *t, i, field, "is not a real date written dd/mm/yyyy: " + d.error().message());
    }
  };
  return r;
}

Rule RowRule(std::string code, Severity severity, std::string table, std::string field,
             std::string summary, std::string source,
             std::function<std::string(const RuleContext&, const ReadTable&, size_t)> bad) {
  Rule r{std::move(code), severity, std::move(summary), std::move(source), nullptr};
  r.check = [table, field, bad](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table(table);
    if (!t) return;
    for (size_t i = 0; i < t->rows.size(); ++i)
      if (std::string m = bad(ctx, *t, i); !m.empty()) ctx.Find(self, *t, i, field, std::move(m));
  };
  return r;
}

Rule NotAfterTheYear(std::string code, std::string table, std::string field) {
  const std::string summary = fmt::format("{} {} not after 31 March", table, field);
  return RowRule(code, Severity::kError, table, field, summary, "DfE 903 rule " + code,
                 [field](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   auto d = ctx.DateAt(t, i, field);
                   if (!d || *d <= ctx.end()) return "";
                   return fmt::format("is after the collection year ended ({})", ctx.end().ToDmy());
                 });
}

Rule InTheYear(std::string code, std::string table, std::string field) {
  const std::string summary = fmt::format("{} {} in the collection year", table, field);
  return RowRule(code, Severity::kError, table, field, summary, "DfE 903 rule " + code,
                 [field](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   auto d = ctx.DateAt(t, i, field);
                   if (!d || (*d >= ctx.start() && *d <= ctx.end())) return "";
                   return fmt::format("is outside the collection year ({} to {})",
                                      ctx.start().ToDmy(), ctx.end().ToDmy());
                 });
}

Rule NotTheSameDay(std::string code, std::string table, std::string from, std::string to,
                   std::string what) {
  const std::string summary = fmt::format("{} {} is not the same day as {}", table, to, from);
  return RowRule(code, Severity::kError, table, to, summary, "DfE 903 rule " + code,
                 [from, to, what](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   const std::string& began = t.Get(i, from);
                   if (began.empty() || began != t.Get(i, to)) return "";
                   return fmt::format("is the day {} began ({}): it lasts at least a day", what,
                                      from);
                 });
}

Rule PairRule(
    std::string code, std::string field, std::string summary,
    std::function<std::string(const RuleContext&, const ReadTable&, size_t, size_t)> bad) {
  Rule r{code, Severity::kError, std::move(summary), "DfE 903 rule " + code, nullptr};
  r.check = [field, bad](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("Episodes");
    if (!t) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      const std::span<const size_t> eps = child->dated;
      for (size_t k = 1; k < eps.size(); ++k)
        if (std::string m = bad(ctx, *t, eps[k - 1], eps[k]); !m.empty())
          ctx.Find(self, *t, eps[k], field, std::move(m));
    }
  };
  return r;
}

std::string YearName(int year) { return fmt::format("{}/{:02}", year - 1, year % 100); }

namespace {

// ---- the rules ----

// 101 (DATA-SPECS.md §12: SEX M, F, U from 2024/25; 1, 2 in 2022/23-2023/24): Header SEX is
// a code of the year. The codes per year are data (data/ssda903_values.csv).
Rule Rule101() {
  Rule r{"101", Severity::kError, "Header SEX is a code of the year",
         "DfE 903 rule 101; DATA-SPECS.md §12", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const Ssda903Spec& spec = Ssda903Spec::Default();
    ctx.Rows("Header", [&](size_t i) {
      const ReadTable& t = *ctx.Table("Header");
      const std::string& v = t.Get(i, "SEX");
      if (!spec.FromReturn("SEX", v, ctx.year()))
        ctx.Find(self, t, i, "SEX",
                 fmt::format("is not a SEX code in {}/{:02}; allowed: {}", ctx.year() - 1,
                             ctx.year() % 100, spec.AllowedIn("SEX", ctx.year())));
    });
  };
  return r;
}

// 102: Header DOB is a real date (lac_validator 102: "Date of birth is not a valid date").
Rule Rule102() { return DateRule("102", "Header", "DOB", "DfE 903 rule 102"); }
// 103: ETHNIC is a DfE ethnicity code (DATA-SPECS.md §12 rule 103).
Rule Rule103() {
  return CodeRule("103", "Header", "ETHNIC", "ethnicity", "DfE 903 rule 103; DATA-SPECS.md §12");
}
// 143: RNE is S, P, L, T, U or B.
Rule Rule143() {
  return CodeRule("143", "Episodes", "RNE", "rne", "DfE 903 rule 143; DATA-SPECS.md §12");
}
// 144: LS is a legal status code.
Rule Rule144() {
  return CodeRule("144", "Episodes", "LS", "legal_status", "DfE 903 rule 144; DATA-SPECS.md §12");
}
// 145: CIN is N1-N8 (the 903 does not take N0 or N9, which the CIN census does).
Rule Rule145() {
  return CodeRule("145", "Episodes", "CIN", "primary_need", "DfE 903 rule 145; DATA-SPECS.md §12",
                  {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"});
}
// 146: PLACE is a placement type of the year (2025/26: Z11-Z14 and K3 replace Z1, H5, P2).
Rule Rule146() {
  return CodeRule("146", "Episodes", "PLACE", "placement_type",
                  "DfE 903 rule 146; DATA-SPECS.md §12 (2025/26 list)");
}
// 149: REC is a reason episode ceased.
Rule Rule149() {
  return CodeRule("149", "Episodes", "REC", "reason_ceased", "DfE 903 rule 149; DATA-SPECS.md §12");
}
// 167: REVIEW_CODE is PN0-PN7.
Rule Rule167() {
  return CodeRule("167", "Reviews", "REVIEW_CODE", "participation",
                  "DfE 903 rule 167; DATA-SPECS.md §12");
}
// SW13STG1 (SocialWorker table, from 2023/24): SW_REASON is a reason for a change of worker.
Rule RuleSw13() {
  return CodeRule("SW13STG1", "SWEpisodes", "SW_REASON", "sw_reason",
                  "DfE 903 rule SW13STG1 (2023/24 on); DATA-SPECS.md §12");
}

// The other code rules of DATA-SPECS.md §12 ("code lists embedded in the rules"). Where the
// DfE's list differs from Journey's code list (ACTIV and ACCOM accept 0), it is given here.
Rule Rule114() {
  return CodeRule("114", "AD1", "FOSTER_CARE", "", "DfE 903 rule 114; DATA-SPECS.md §12",
                  {"0", "1"});
}
Rule Rule120() {
  return CodeRule("120", "PlacedAdoption", "REASON_PLACED_CEASED", "reason_placed_ceased",
                  "DfE 903 rule 120; DATA-SPECS.md §12");
}
Rule Rule131() {
  return CodeRule("131", "OC3", "IN_TOUCH", "in_touch", "DfE 903 rule 131; DATA-SPECS.md §12");
}
Rule Rule132() {
  return CodeRule("132", "OC3", "ACTIV", "", "DfE 903 rule 132; DATA-SPECS.md §12",
                  {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"});
}
Rule Rule133() {
  return CodeRule("133", "OC3", "ACCOM", "", "DfE 903 rule 133; DATA-SPECS.md §12",
                  {"B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1",
                   "H2", "K1", "K2", "R1", "R2", "S2", "T1", "T2", "U1", "U2", "V1",
                   "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0"});
}
Rule Rule165() {
  return CodeRule("165", "Header", "MOTHER", "", "DfE 903 rule 165; DATA-SPECS.md §12", {"0", "1"});
}
Rule Rule175() {
  return CodeRule("175", "AD1", "NB_ADOPTR", "", "DfE 903 rule 175; DATA-SPECS.md §12", {"1", "2"});
}
Rule Rule176() {
  return CodeRule("176", "AD1", "SEX_ADOPTR", "sex_adoptr", "DfE 903 rule 176; DATA-SPECS.md §12");
}
Rule Rule177() {
  return CodeRule("177", "AD1", "LS_ADOPTR", "ls_adoptr", "DfE 903 rule 177; DATA-SPECS.md §12");
}
Rule Rule178() {
  return CodeRule("178", "Episodes", "PLACE_PROVIDER", "placement_provider",
                  "DfE 903 rule 178; DATA-SPECS.md §12");
}
Rule Rule196() {
  return CodeRule("196", "OC2", "SDQ_REASON", "sdq_reason", "DfE 903 rule 196; DATA-SPECS.md §12");
}
Rule Rule631() {
  return CodeRule("631", "PrevPerm", "PREV_PERM", "previous_permanence",
                  "DfE 903 rule 631; DATA-SPECS.md §12");
}
Rule Rule1006() {
  return CodeRule("1006", "Missing", "MISSING", "missing_type",
                  "DfE 903 rule 1006; DATA-SPECS.md §12");
}
Rule Rule1009() {
  return CodeRule("1009", "Episodes", "REASON_PLACE_CHANGE", "reason_place_change",
                  "DfE 903 rule 1009; DATA-SPECS.md §12");
}
// SW02STG1 (SocialWorker table, from 2023/24): SW_ID is a Social Work England number
// (starting SW) or a placeholder starting XX.
Rule RuleSw02() {
  Rule r{"SW02STG1", Severity::kError, "SWEpisodes SW_ID starts SW or XX",
         "DfE 903 rule SW02STG1; DATA-SPECS.md §12", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("SWEpisodes");
    if (!t) return;
    for (size_t i = 0; i < t->rows.size(); ++i) {
      const std::string& v = t->Get(i, "SW_ID");
      if (v.rfind("SW", 0) != 0 && v.rfind("XX", 0) != 0)
        ctx.Find(self, *t, i, "SW_ID",
                 "must be the worker's Social Work England number (SW...) or, where there is "
                 "none, a placeholder starting XX");
    }
  };
  return r;
}

// ---- the years ----

// The code rules above, from 2022/23 (the first year Journey supports); the SocialWorker
// table's from 2023/24.
std::vector<RuleEntry> CodeRules() {
  std::vector<RuleEntry> out;
  for (auto make : {Rule101, Rule102, Rule103, Rule114, Rule120, Rule131,  Rule132, Rule133,
                    Rule143, Rule144, Rule145, Rule146, Rule149, Rule165,  Rule167, Rule175,
                    Rule176, Rule177, Rule178, Rule196, Rule631, Rule1006, Rule1009})
    out.push_back({make, 2023});
  out.push_back({RuleSw02, 2024});
  out.push_back({RuleSw13, 2024});
  return out;
}

std::vector<RuleEntry> AllEntries() {
  std::vector<RuleEntry> all = CodeRules();
  for (auto list : {HeaderRules, EpisodeRules, AdoptionRules, OutcomeRules, OtherTableRules,
                    DoLoRules, EpisodeDateRules, PlacementRules, CareLeaverRules, ChangeRules,
                    ReferenceRules, SocialWorkerRules})
    for (const RuleEntry& e : list()) all.push_back(e);
  return all;
}

std::string NeedsText(unsigned needs) {
  std::vector<std::string> what;
  if (needs & kNeedsPreviousYear) what.push_back("last year's return");
  if (needs & kNeedsProviders) what.push_back("Ofsted's provider lists");
  if (needs & kNeedsPostcodes) what.push_back("the postcode lookup");
  if (needs & kNeedsLaCodes) what.push_back("the list of council codes");
  return fmt::format("needs {}, which was not given", fmt::join(what, " and "));
}

}  // namespace

std::vector<const Rule*> RulesFor(int year) {
  static std::mutex mu;
  static std::map<int, std::vector<Rule>> cache;  // built once per year asked for
  static std::map<int, std::vector<const Rule*>> ptrs;
  std::lock_guard<std::mutex> lock(mu);
  auto it = ptrs.find(year);
  if (it != ptrs.end()) return it->second;
  std::map<std::string, Rule> in_force;
  for (const RuleEntry& e : AllEntries()) {
    if (e.from_year > year || (e.to_year && e.to_year < year)) continue;
    Rule r = e.make();
    r.from_year = e.from_year;
    r.to_year = e.to_year;
    in_force.insert_or_assign(r.code, std::move(r));
  }
  std::vector<Rule>& rules = cache[year];
  for (auto& [code, r] : in_force) rules.push_back(std::move(r));
  std::vector<const Rule*>& out = ptrs[year];
  for (const Rule& r : rules) out.push_back(&r);
  return out;
}

Validation903 Validate903(const Read903& read, int year, const Validate903Options& options) {
  RuleContext ctx(year, read, options.previous, options.reference);
  Validation903 out;
  for (const Rule* r : RulesFor(year)) {
    unsigned missing = r->needs;
    if (options.previous) missing &= ~unsigned{kNeedsPreviousYear};
    if (options.reference && options.reference->has_la_codes) missing &= ~unsigned{kNeedsLaCodes};
    if (missing) {
      out.not_run.push_back({r->code, NeedsText(missing)});
      continue;
    }
    r->check(*r, ctx);
  }
  out.findings = std::move(ctx.findings());
  return out;
}

std::vector<Finding> Validate903(const Read903& read, int year) {
  return Validate903(read, year, Validate903Options{}).findings;
}

}  // namespace journey::returns
