// Validation of an SSDA903 return by the DfE's rules, keyed by the DfE's rule code and
// collection year. Each year's rule set inherits the previous year's and adds, replaces or
// removes rules, as the DfE's yearly changes do (ssda903_rules.cc, kYears). Each rule is
// written once, with its code and source beside it; docs/RULES.md lists every code and its
// state. Messages are in our own words: what is wrong and what would be right.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "returns/findings.h"
#include "returns/ssda903_read.h"
#include "returns/ssda903_reference.h"

namespace journey::returns {

// Severity and Finding are shared by every return (returns/findings.h).

struct Rule;

// What the user gave besides this year's files. A rule that needs something not given is
// reported as not run, never silently passed.
struct Validate903Options {
  const Read903* previous = nullptr;        // last year's return, for the cross-year rules
  const Reference903* reference = nullptr;  // council codes and other reference lists
};

// What a rule needs beyond this year's files.
enum Needs : unsigned {
  kNeedsNothing = 0,
  kNeedsPreviousYear = 1,  // last year's return
  kNeedsProviders = 2,     // Ofsted's registered provider lists (URN rules)
  kNeedsPostcodes = 4,     // postcode to council and distance lookup
  kNeedsLaCodes = 8,       // the list of council codes
};

// What a rule sees: the year's tables as read (every cell a string), with dates parsed
// once per column on first use and rows grouped by child on first use.
class RuleContext {
 public:
  RuleContext(int year, const Read903& read, const Read903* previous = nullptr,
              const Reference903* reference = nullptr)
      : year_(year), read_(read), previous_(previous), reference_(reference) {}
  int year() const { return year_; }
  Date start() const { return CollectionYearStart(year_); }  // 1 April
  Date end() const { return CollectionYearEnd(year_); }      // 31 March
  const ReadTable* Table(std::string_view name) const;
  // Last year's table (nullptr when last year's return or that table was not given).
  const ReadTable* PreviousTable(std::string_view name) const;
  // The reference data given (nullptr when none); a rule reads only what its `needs` name.
  const Reference903* reference() const { return reference_; }
  // Runs `fn(row)` over each row of a table (none when the table was not given).
  void Rows(std::string_view table, const std::function<void(size_t)>& fn) const;
  // Records a finding of `rule` at a row and field of a table.
  void Find(const Rule& rule, const ReadTable& t, size_t row, std::string_view field,
            std::string message) const;
  std::vector<Finding>& findings() const { return findings_; }

  // A date cell: nullopt when blank or unreadable (unreadable dates are the date rules'
  // findings; other rules skip them).
  std::optional<Date> DateAt(const ReadTable& t, size_t row, std::string_view column) const;
  // True when the cell holds something that is not a real dd/mm/yyyy date.
  bool BadDate(const ReadTable& t, size_t row, std::string_view column) const;
  // The rows of a table for one child, in file order (empty when none).
  const std::vector<size_t>& ChildRows(const ReadTable& t, const std::string& child) const;
  // Each child of a table and their rows, in the order first seen.
  const std::vector<std::pair<std::string, std::vector<size_t>>>& ByChild(const ReadTable& t) const;
  // A child's episodes sorted by DECOM (unreadable DECOMs last, in file order).
  std::vector<size_t> EpisodesByDecom(const std::string& child) const;
  // Looked after continuously through the year (lac_validator CONTINUOUSLY_LOOKED_AFTER):
  // an episode open at some time in the year, none starting care (RNE S) after 1 April,
  // none ending care (REC other than X1) from 1 April to before 31 March, none under V3/V4
  // open in the year. False when there are no Episodes.
  bool ContinuouslyLookedAfter(const std::string& child) const;

 private:
  struct Grouped {
    std::vector<std::pair<std::string, std::vector<size_t>>> children;
    std::unordered_map<std::string, size_t> index;
  };
  const std::vector<int32_t>& DateColumn(const ReadTable& t, std::string_view column) const;
  int year_;
  const Read903& read_;
  const Read903* previous_;
  const Reference903* reference_;
  mutable std::vector<Finding> findings_;
  mutable std::map<std::pair<const ReadTable*, int>, std::vector<int32_t>> dates_;
  mutable std::map<const ReadTable*, Grouped> grouped_;
  mutable std::unordered_map<std::string, bool> cla_;
};

struct Rule {
  std::string code;
  Severity severity;
  std::string summary;  // one line, our words
  std::string source;   // where the rule comes from
  std::function<void(const Rule&, const RuleContext&)> check;
  unsigned needs = kNeedsNothing;
  int from_year = 0, to_year = 0;  // the collection years in force (set by the registry)
};

struct Validation903 {
  std::vector<Finding> findings;
  std::vector<NotRun> not_run;  // rules in force whose data was not given
};

// The rules in force in a collection year (2026 = 2025/26), sorted by code.
std::vector<const Rule*> RulesFor(int year);

// Runs the year's rules over the tables; findings in rule order, then by file and line.
std::vector<Finding> Validate903(const Read903& read, int year);
// The same, with last year's return and reference data when given; rules needing what was
// not given are listed as not run.
Validation903 Validate903(const Read903& read, int year, const Validate903Options& options);

}  // namespace journey::returns
