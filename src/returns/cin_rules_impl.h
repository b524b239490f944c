// Inside the CIN census rules: the shapes rules share and the rule sets of each year.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "returns/cin_rules.h"
#include "returns/cin_xml.h"

namespace journey::returns::cin_rules {

using D = std::optional<Date>;
inline D Dt(const Leaf& l) { return CinRuleContext::D(l); }
inline bool IsTrue(const Leaf& l) { return l.v == "true" || l.v == "1"; }
inline bool IsFalse(const Leaf& l) { return l.v == "false" || l.v == "0"; }

// Element paths for findings.
inline std::string P(std::string_view rest) {
  return std::string(kChildPath) + "/" + std::string(rest);
}
inline const std::string kDetails = P("CINdetails");
inline const std::string kAssess = P("CINdetails/Assessments");
inline const std::string kPlans = P("CINdetails/CINPlanDates");
inline const std::string kS47 = P("CINdetails/Section47");
inline const std::string kCpp = P("CINdetails/ChildProtectionPlans");
inline const std::string kIds = P("ChildIdentifiers");

inline CinRule Error(std::string code, std::string summary, std::string source,
                     std::function<void(const CinRule&, const CinRuleContext&)> check,
                     std::string needs = {}) {
  return CinRule{std::move(code),   Severity::kError, std::move(summary),
                 std::move(source), std::move(needs), std::move(check)};
}
inline CinRule Query(std::string code, std::string summary, std::string source,
                     std::function<void(const CinRule&, const CinRuleContext&)> check,
                     std::string needs = {}) {
  return CinRule{std::move(code),   Severity::kQuery, std::move(summary),
                 std::move(source), std::move(needs), std::move(check)};
}

// Walks every child, every episode, and each part of each episode.
template <typename F>
void EachChild(const CinRuleContext& ctx, F&& f) {
  for (const CinChild& c : ctx.message().children) f(c);
}
template <typename F>
void EachDetails(const CinRuleContext& ctx, F&& f) {
  for (const CinChild& c : ctx.message().children)
    for (const CinDetails& d : c.details) f(c, d);
}

// The leaves a code rule checks: (child, path, leaf) for each.
using LeafFn = std::function<void(const CinChild&, const std::string&, const Leaf&)>;
using Leaves = std::function<void(const CinRuleContext&, const LeafFn&)>;

// A value that must be one of `allowed` when present (a blank is for the rules on required
// values). `what` names the value in messages.
CinRule CodeRule(std::string code, Severity severity, std::string what, Leaves leaves,
                 std::vector<std::string> allowed, std::string source);

// The rule sets (cin_rules_*.cc): the rules added or replaced in each year.
std::vector<CinRule> HeaderRules2023();
std::vector<CinRule> ChildRules2023();
std::vector<CinRule> ChildRules2025();
std::vector<CinRule> DetailsRules2023();
std::vector<CinRule> PartsRules2023();
std::vector<CinRule> DatesRules2023();
std::vector<CinRule> PartsRules2025();
std::vector<CinRule> PlanRules2023();      // cin_rules_plans.cc
std::vector<CinRule> ActivityRules2023();  // cin_rules_activity.cc
std::vector<CinRule> QueryRules2023();     // cin_rules_queries.cc
std::vector<CinRule> WideRules2023();      // cin_rules_wide.cc

}  // namespace journey::returns::cin_rules
