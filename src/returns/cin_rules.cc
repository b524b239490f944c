// The CIN census rule framework and the year-by-year sets. The rules themselves are in
// cin_rules_*.cc, grouped by the part of the message they check; each is written once,
// with its DfE code, its source and the DfE's own wording of the check in our words beside
// it. Sources: the DfE's CIN census validation rules (cin2025_26: the 109 codes of
// DATA-SPECS.md Appendix A), as implemented by the DfE-commissioned CIN validator (the
// reference whose findings ours should match), and DATA-SPECS.md §12 2.3 for code lists.
#include "returns/cin_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "returns/cin_rules_impl.h"
#include "returns/cin_xsd.h"

namespace journey::returns {

CinRuleContext::CinRuleContext(const CinMessage& m, int year, const CinReference& ref)
    : m_(m), year_(year), ref_(ref) {
  reference_date_ = CollectionYearEnd(year);
  if (auto d = D(m.header.reference_date)) reference_date_ = *d;
  // The census period: the day after the reference date a year before (DfE: 1 April).
  start_ = reference_date_.AddYears(-1).AddDays(1);
}

std::optional<Date> CinRuleContext::D(const Leaf& l) {
  if (l.v.empty()) return std::nullopt;
  auto d = Date::ParseIso(l.v);
  if (!d) return std::nullopt;
  return *d;
}

void CinRuleContext::Find(const CinRule& rule, const CinChild* child, std::string path,
                          const Leaf& leaf, std::string field, std::string message) const {
  findings_.push_back(Finding{rule.code, rule.severity, std::move(path), m_.file,
                              leaf.line ? leaf.line : (child ? child->line : 0), std::move(field),
                              child ? child->la_child_id.v : std::string(), leaf.v,
                              std::move(message)});
}

void CinRuleContext::FindAt(const CinRule& rule, const CinChild* child, std::string path, int line,
                            std::string field, std::string message) const {
  findings_.push_back(Finding{rule.code, rule.severity, std::move(path), m_.file, line,
                              std::move(field), child ? child->la_child_id.v : std::string(), "",
                              std::move(message)});
}

namespace {

// Each year's changes to the year before: rules added (or replaced, by code) and removed.
struct YearChanges {
  int year;
  std::vector<std::vector<CinRule> (*)()> add;
  std::vector<std::string> remove;
};

const std::vector<YearChanges>& Years() {
  using namespace cin_rules;
  static const std::vector<YearChanges> kYears = {
      // 2022/23: the first year Journey supports.
      {2023,
       {HeaderRules2023, ChildRules2023, DetailsRules2023, PartsRules2023, DatesRules2023,
        PlanRules2023, ActivityRules2023, QueryRules2023, WideRules2023},
       {}},
      // 2023/24 and 2024/25: Sex replaces GenderCurrent (4180, 8750), UPNunknown gains UN8-UN10
      // (8770Q), assessment factors 18A and 19A become queries (8945Q, 8950Q), LAchildID's
      // length and characters are checked (1570, 1580).
      {2025, {ChildRules2025, PartsRules2025}, {}},
  };
  return kYears;
}

}  // namespace

std::vector<const CinRule*> CinRulesFor(int year) {
  static std::mutex mu;
  static std::map<int, std::vector<CinRule>> cache;  // built once per year asked for
  static std::map<int, std::vector<const CinRule*>> ptrs;
  std::lock_guard<std::mutex> lock(mu);
  auto it = ptrs.find(year);
  if (it != ptrs.end()) return it->second;
  std::map<std::string, CinRule> in_force;
  for (const YearChanges& y : Years()) {
    if (y.year > year) break;
    for (const std::string& code : y.remove) in_force.erase(code);
    for (auto make : y.add)
      for (CinRule& r : make()) in_force.insert_or_assign(r.code, std::move(r));
  }
  std::vector<CinRule>& rules = cache[year];
  for (auto& [code, r] : in_force) rules.push_back(std::move(r));
  std::vector<const CinRule*>& out = ptrs[year];
  for (const CinRule& r : rules) out.push_back(&r);
  return out;
}

CinValidation ValidateCin(const CinMessage& m, int year, const CinReference& ref,
                          std::string_view xml) {
  CinValidation out;
  CinRuleContext ctx(m, year, ref);
  for (const CinRule* r : CinRulesFor(year)) {
    if (r->needs == "la_code" && ref.la_code.empty()) {
      out.not_run.push_back(
          {r->code, "needs the council's code: give --la CODE (the 3-digit DfE code)"});
      continue;
    }
    if (!r->needs.empty() && r->needs != "la_code") {
      out.not_run.push_back({r->code, "needs " + r->needs + ", which was not given"});
      continue;
    }
    const size_t before = ctx.findings().size();
    r->check(*r, ctx);
    std::stable_sort(ctx.findings().begin() + static_cast<ptrdiff_t>(before), ctx.findings().end(),
                     [](const Finding& a, const Finding& b) { return a.line < b.line; });
  }
  if (!xml.empty()) {
    // Journey's own check (not a DfE code): the file against data/cin_census.xsd, so that a
    // date that is not real or a value of the wrong type is a finding, never a blank.
    for (const std::string& e : CheckCinXsd(xml)) {
      int line = 0;
      std::sscanf(e.c_str(), "line %d", &line);
      ctx.findings().push_back(Finding{"XSD", Severity::kError, "Message", m.file, line, "", "", "",
                                       e + " (data/cin_census.xsd)"});
    }
  }
  out.findings = std::move(ctx.findings());
  return out;
}

}  // namespace journey::returns
