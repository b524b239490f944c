// The findings of a validation written out, the same for every return and for validation
// against the record: DIR/findings.csv, DIR/findings.json and DIR/findings.xlsx.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "returns/findings.h"

namespace journey::returns {

// A workbook of four sheets: Findings (the CSV's columns), By rule (findings and children
// per rule, with its severity), By child (findings per child) and Not run (rule, reason).
Status WriteFindingsXlsx(const std::vector<Finding>& findings, const std::vector<NotRun>& not_run,
                         const std::string& path);

// findings.csv, findings.json and findings.xlsx in `dir`, which is created.
Status WriteFindingsFiles(const std::vector<Finding>& findings, const std::vector<NotRun>& not_run,
                          const std::string& dir);

}  // namespace journey::returns
