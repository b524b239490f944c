// The SSDA903 rules implemented so far, and the year-by-year sets. Sources: the DfE's
// validation rules as summarised in DATA-SPECS.md §12 ("code lists embedded in the rules")
// and Appendix A (codes in force in lac2026_27); lac_validator is the reference
// implementation whose findings ours must match.
#include "returns/ssda903_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "base/date.h"
#include "model/codes.h"
#include "returns/ssda903_spec.h"

namespace journey::returns {

std::string Finding::ToString() const {
  return fmt::format("{} line {} (child {}), {} \"{}\": [{}{}] {}", file, line, child, field, value,
                     rule, severity == Severity::kQuery ? " query" : "", message);
}

const ReadTable* RuleContext::Table(std::string_view name) const {
  for (const ReadTable& t : read_.tables)
    if (t.spec->name == name) return &t;
  return nullptr;
}

void RuleContext::Rows(std::string_view table, const std::function<void(size_t)>& fn) const {
  if (const ReadTable* t = Table(table))
    for (size_t i = 0; i < t->rows.size(); ++i) fn(i);
}

void RuleContext::Find(const Rule& rule, const ReadTable& t, size_t row, std::string_view field,
                       std::string message) const {
  findings_.push_back(Finding{rule.code, rule.severity, t.spec->name, t.file, t.lines[row],
                              std::string(field), t.rows[row][0], t.Get(row, field),
                              std::move(message)});
}

namespace {

// ---- rule shapes ----

// A field that must hold a code of a Journey code list valid in the collection year (a
// blank is for the rules on required fields).
Rule CodeRule(std::string code, std::string table, std::string field, std::string list,
              std::string source, std::vector<std::string> only = {}) {
  Rule r{std::move(code), Severity::kError, fmt::format("{} {} is a valid code", table, field),
         std::move(source), nullptr};
  r.check = [=](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table(table);
    if (!t) return;
    const Date on = CollectionYearEnd(ctx.year());
    for (size_t i = 0; i < t->rows.size(); ++i) {
      const std::string& v = t->Get(i, field);
      if (v.empty()) continue;
      const bool listed = only.empty() || std::find(only.begin(), only.end(), v) != only.end();
      Status st = model::CodeLists::Default().Check(list, v, on);
      if (!listed || !st.ok()) {
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
Rule DateRule(std::string code, std::string table, std::string field, std::string source) {
  Rule r{std::move(code), Severity::kError,
         fmt::format("{} {} is a real date, dd/mm/yyyy", table, field), std::move(source), nullptr};
  r.check = [=](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table(table);
    if (!t) return;
    for (size_t i = 0; i < t->rows.size(); ++i) {
      const std::string& v = t->Get(i, field);
      if (v.empty()) continue;
      if (auto d = Date::ParseDmy(v); !d)
        ctx.Find(self, *t, i, field,
                 "is not a real date written dd/mm/yyyy: " + d.error().message());
    }
  };
  return r;
}

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

// ---- the years ----

// Each year's changes to the year before: rules added (or replaced, by code) and removed.
struct YearChanges {
  int year;
  std::vector<Rule (*)()> add;
  std::vector<std::string> remove;
};

const std::vector<YearChanges>& Years() {
  static const std::vector<YearChanges> kYears = {
      // 2022/23: the first year Journey supports.
      {2023, {Rule101, Rule102, Rule103, Rule143, Rule144, Rule145, Rule146, Rule149, Rule167}, {}},
      // 2023/24: the SocialWorker table and its rules.
      {2024, {RuleSw13}, {}},
  };
  return kYears;
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
  for (const YearChanges& y : Years()) {
    if (y.year > year) break;
    for (const std::string& code : y.remove) in_force.erase(code);
    for (auto make : y.add) {
      Rule r = make();
      in_force.insert_or_assign(r.code, std::move(r));
    }
  }
  std::vector<Rule>& rules = cache[year];
  for (auto& [code, r] : in_force) rules.push_back(std::move(r));
  std::vector<const Rule*>& out = ptrs[year];
  for (const Rule& r : rules) out.push_back(&r);
  return out;
}

std::vector<Finding> Validate903(const Read903& read, int year) {
  RuleContext ctx(year, read);
  for (const Rule* r : RulesFor(year)) r->check(*r, ctx);
  return std::move(ctx.findings());
}

}  // namespace journey::returns
