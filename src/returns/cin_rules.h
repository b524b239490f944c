// Validation of a CIN census by the DfE's rules, keyed by the DfE's rule code and collection
// year, in the same shape as the SSDA903's (ssda903_rules.h): each year's set inherits the
// previous year's and adds, replaces (same code) or removes rules, as the DfE's yearly
// changes do (cin_rules.cc, Years()). Findings are the shared returns::Finding, located by
// element path, line, field and child. docs/RULES.md lists every code and its state.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "returns/cin_message.h"
#include "returns/findings.h"

namespace journey::returns {

// Reference data some rules need; a rule whose data is not given is reported "not run".
struct CinReference {
  std::string la_code;  // the council's 3-digit code (`--la`): Header LEA
};

struct CinRule;

// What a rule sees: the message as read (every value a string), the census period and the
// reference data, with helpers to read dates and to record findings.
class CinRuleContext {
 public:
  CinRuleContext(const CinMessage& m, int year, const CinReference& ref);
  const CinMessage& message() const { return m_; }
  int year() const { return year_; }
  const CinReference& reference() const { return ref_; }
  // The census period: the day after the ReferenceDate a year before, to the ReferenceDate
  // (the header's when it is a real date, else 31 March of the collection year).
  Date start() const { return start_; }
  Date reference_date() const { return reference_date_; }
  // A leaf's date, or nullopt when empty or unreadable (rule XSD reports unreadable ones).
  static std::optional<Date> D(const Leaf& l);

  // Records a finding of `rule` on a leaf of a child (`child` may be null for the header).
  void Find(const CinRule& rule, const CinChild* child, std::string path, const Leaf& leaf,
            std::string field, std::string message) const;
  // A finding on an element as a whole (no single value), at its line.
  void FindAt(const CinRule& rule, const CinChild* child, std::string path, int line,
              std::string field, std::string message) const;
  std::vector<Finding>& findings() const { return findings_; }

 private:
  const CinMessage& m_;
  int year_;
  const CinReference& ref_;
  Date start_, reference_date_;
  mutable std::vector<Finding> findings_;
};

struct CinRule {
  std::string code;  // the DfE's code, e.g. "8606" or "8525Q"
  Severity severity;
  std::string summary;  // one line, our words
  std::string source;   // where the rule comes from
  // The reference data the rule needs, when any ("la_code"); without it the rule is not run.
  std::string needs;
  std::function<void(const CinRule&, const CinRuleContext&)> check;
};

// The rules in force in a collection year (2026 = 2025/26), sorted by code.
std::vector<const CinRule*> CinRulesFor(int year);

struct CinValidation {
  std::vector<Finding> findings;  // in rule order, then by line
  std::vector<NotRun> not_run;
};

// Runs the year's rules over a message. Rule "XSD" (Journey's own) reports each place the
// file breaks data/cin_census.xsd when `xml` is given (e.g. a date that is not real).
CinValidation ValidateCin(const CinMessage& m, int year, const CinReference& ref,
                          std::string_view xml = {});

}  // namespace journey::returns
