// Validation of an SSDA903 return by the DfE's rules, keyed by the DfE's rule code and
// collection year. Each year's rule set inherits the previous year's and adds, replaces or
// removes rules, as the DfE's yearly changes do (ssda903_rules.cc, kYears). Each rule is
// written once, with its code and source beside it; docs/RULES.md lists every code and its
// state. Messages are in our own words: what is wrong and what would be right.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
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

// One child of this year's return, found once for every rule (RuleContext::Children): the
// child's CHILD, date of birth and episodes in DECOM order. RuleContext::RowsOf gives the
// child's rows of any of this year's tables. No rule looks a child up by CHILD per row, nor
// copies and sorts a child's episodes again.
struct Child903 {
  uint32_t index = 0;  // in RuleContext::Children()
  const std::string* id = nullptr;
  std::optional<Date> dob;           // the first readable Header DOB (none without a Header)
  std::span<const size_t> episodes;  // Episodes rows by DECOM (unreadable DECOMs last, in
                                     // file order)
  std::span<const size_t> dated;     // the first of `episodes`: those with a readable DECOM
};

// What a rule sees: the year's tables as read (every cell a string), with dates parsed
// once per column on first use, and the children found once on first use.
class RuleContext {
 public:
  RuleContext(int year, const Read903& read, const Read903* previous = nullptr,
              const Reference903* reference = nullptr);
  ~RuleContext();
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

  // Every child of this year's tables, each once.
  const std::vector<Child903>& Children() const;
  // The child of a row of one of this year's tables.
  const Child903& ChildOf(const ReadTable& t, size_t row) const;
  // The children of one of this year's tables, in the order first seen in it.
  const std::vector<const Child903*>& ChildrenOf(const ReadTable& t) const;
  // A child's rows of one of this year's tables, in file order (empty when none).
  std::span<const size_t> RowsOf(const ReadTable& t, const Child903& child) const;
  // The rows of a table of this year's or last year's return for the child with this CHILD,
  // in file order (empty when none): one lookup by CHILD, for comparing the years.
  std::span<const size_t> ChildRows(const ReadTable& t, const std::string& child) const;
  // Looked after continuously through the year (lac_validator CONTINUOUSLY_LOOKED_AFTER):
  // an episode open at some time in the year, none starting care (RNE S) after 1 April,
  // none ending care (REC other than X1) from 1 April to before 31 March, none under V3/V4
  // open in the year. False when there are no Episodes.
  bool ContinuouslyLookedAfter(const Child903& child) const;

 private:
  class Children903;  // the index of one return's children (ssda903_rule_context.cc)
  const Children903& Index() const;
  const Children903& PreviousIndex() const;
  const std::vector<int32_t>& DateColumn(const ReadTable& t, std::string_view column) const;
  int year_;
  const Read903& read_;
  const Read903* previous_;
  const Reference903* reference_;
  mutable std::vector<Finding> findings_;
  // Parsed date columns by table (this year's, then last year's) and column; a column is
  // parsed when first read (empty until then, and for a table with no rows).
  mutable std::vector<std::vector<std::vector<int32_t>>> dates_;
  mutable std::unique_ptr<Children903> index_, previous_index_;
  mutable std::vector<int8_t> cla_;  // ContinuouslyLookedAfter by child: -1 not yet known
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
