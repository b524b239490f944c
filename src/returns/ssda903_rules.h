// Validation of an SSDA903 return by the DfE's rules, keyed by the DfE's rule code and
// collection year. Each year's rule set inherits the previous year's and adds, replaces or
// removes rules, as the DfE's yearly changes do (ssda903_rules.cc, kYears). Each rule is
// written once, with its code and source beside it; docs/RULES.md lists every code and its
// state. Messages are in our own words: what is wrong and what would be right.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "returns/findings.h"
#include "returns/ssda903_read.h"

namespace journey::returns {

// Severity and Finding are shared by every return (returns/findings.h).

struct Rule;

// What a rule sees: the year's tables as read (every cell a string, dates unparsed).
class RuleContext {
 public:
  RuleContext(int year, const Read903& read) : year_(year), read_(read) {}
  int year() const { return year_; }
  const ReadTable* Table(std::string_view name) const;
  // Runs `fn(row)` over each row of a table (none when the table was not given).
  void Rows(std::string_view table, const std::function<void(size_t)>& fn) const;
  // Records a finding of `rule` at a row and field of a table.
  void Find(const Rule& rule, const ReadTable& t, size_t row, std::string_view field,
            std::string message) const;
  std::vector<Finding>& findings() const { return findings_; }

 private:
  int year_;
  const Read903& read_;
  mutable std::vector<Finding> findings_;
};

struct Rule {
  std::string code;
  Severity severity;
  std::string summary;  // one line, our words
  std::string source;   // where the rule comes from
  std::function<void(const Rule&, const RuleContext&)> check;
};

// The rules in force in a collection year (2026 = 2025/26), sorted by code.
std::vector<const Rule*> RulesFor(int year);

// Runs the year's rules over the tables; findings in rule order, then by file and line.
std::vector<Finding> Validate903(const Read903& read, int year);

}  // namespace journey::returns
