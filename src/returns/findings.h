// Findings of validation, shared by every return (SSDA903, CIN census, and those to come):
// one type, and one way of writing them out (summary by rule and by child, CSV, JSON), so
// `journey validate 903|cin` and validation against the record all report alike.
//
// A finding is located by `table` and `line` in `file`: for a CSV return the table and the
// file line of the row; for an XML return the element's path (e.g.
// "Message/Children/Child/CINdetails/Assessments") and the line of the element.
#pragma once

#include <string>
#include <vector>

namespace journey::returns {

enum class Severity { kError, kQuery };

struct Finding {
  std::string rule;  // the DfE's code, e.g. "103" or "8606"
  Severity severity = Severity::kError;
  std::string table, file;  // table (CSV) or element path (XML); the file
  int line = 0;             // the file line of the row or element
  std::string field, child, value;
  std::string message;
  std::string ToString() const;  // "Episodes.csv line 3 (child C1), LS "V9": [144] ..."
};

// A rule the validator could not run, and why (reference data the user did not give, a
// previous year's return not supplied). Never a silent pass.
struct NotRun {
  std::string rule;
  std::string reason;
};

const char* SeverityName(Severity s);  // "error" or "query"

// The summary a user reads first: totals, then counts by rule and by child.
std::string FindingsSummary(const std::vector<Finding>& findings,
                            const std::vector<NotRun>& not_run);
// One row per finding: rule, severity, table, file, line, child, field, value, message.
std::string FindingsCsv(const std::vector<Finding>& findings);
// {"findings": [...], "not_run": [...]} with the same fields as the CSV.
std::string FindingsJson(const std::vector<Finding>& findings, const std::vector<NotRun>& not_run);

}  // namespace journey::returns
