// Writing findings out: the same for every return.
#include "returns/findings.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "base/csv.h"

namespace journey::returns {

std::string Finding::ToString() const {
  return fmt::format("{} line {} (child {}), {} \"{}\": [{}{}] {}", file, line, child, field, value,
                     rule, severity == Severity::kQuery ? " query" : "", message);
}

const char* SeverityName(Severity s) { return s == Severity::kError ? "error" : "query"; }

std::string FindingsSummary(const std::vector<Finding>& findings,
                            const std::vector<NotRun>& not_run) {
  std::map<std::string, std::pair<int, int>> by_rule;  // rule -> (findings, children)
  std::map<std::string, std::map<std::string, int>> children_of_rule;
  std::map<std::string, int> by_child;
  int errors = 0;
  for (const Finding& f : findings) {
    ++by_rule[f.rule].first;
    ++children_of_rule[f.rule][f.child];
    ++by_child[f.child];
    errors += f.severity == Severity::kError;
  }
  std::string out = fmt::format("{} findings ({} errors, {} queries) for {} children\n",
                                findings.size(), errors, findings.size() - errors, by_child.size());
  if (!by_rule.empty()) out += "By rule:\n";
  for (auto& [rule, n] : by_rule)
    out += fmt::format("  {:<10} {:>6} findings, {:>6} children\n", rule, n.first,
                       children_of_rule[rule].size());
  if (!by_child.empty()) out += "By child:\n";
  for (const auto& [child, n] : by_child)
    out += fmt::format("  {:<20} {:>6}\n", child.empty() ? "(no child)" : child, n);
  for (const NotRun& n : not_run) out += fmt::format("  not run: {}: {}\n", n.rule, n.reason);
  return out;
}

std::string FindingsCsv(const std::vector<Finding>& findings) {
  std::string out =
      CsvLine({"rule", "severity", "table", "file", "line", "child", "field", "value", "message"});
  for (const Finding& f : findings)
    out += CsvLine({f.rule, SeverityName(f.severity), f.table, f.file, std::to_string(f.line),
                    f.child, f.field, f.value, f.message});
  return out;
}

std::string FindingsJson(const std::vector<Finding>& findings, const std::vector<NotRun>& not_run) {
  nlohmann::json j;
  j["findings"] = nlohmann::json::array();
  for (const Finding& f : findings)
    j["findings"].push_back({{"rule", f.rule},
                             {"severity", SeverityName(f.severity)},
                             {"table", f.table},
                             {"file", f.file},
                             {"line", f.line},
                             {"child", f.child},
                             {"field", f.field},
                             {"value", f.value},
                             {"message", f.message}});
  j["not_run"] = nlohmann::json::array();
  for (const NotRun& n : not_run) j["not_run"].push_back({{"rule", n.rule}, {"reason", n.reason}});
  // Invalid UTF-8 in a value (a bad file) is replaced, never a throw.
  return j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace journey::returns
