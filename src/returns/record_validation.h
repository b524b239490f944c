// Validation against the record: the DfE's rules for each return run over what the record
// would produce for a collection year, before any return is made (issue 4, item 4).
//
// Each return is one entry of RecordChecks(): its name and how to run its rules from a
// store. The SSDA903 entry exports the year (and the year before, for the rules that
// compare years) exactly as `journey export 903` would, reads the tables back as the
// validator reads files, and runs `Validate903`, so a finding names the table and line the
// file would have. The CIN census joins by adding its entry beside it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "returns/findings.h"
#include "store/store.h"

namespace journey::returns {

struct RecordValidation {
  std::string name;  // "SSDA903"
  std::vector<Finding> findings;
  std::vector<NotRun> not_run;
  int rules_run = 0;
};

struct RecordCheck {
  std::string name;
  std::function<Result<RecordValidation>(store::Store&, int year)> run;
};

// Every return whose rules can run against the record.
const std::vector<RecordCheck>& RecordChecks();

// The SSDA903 rules over the record's 903 for `year`.
Result<RecordValidation> Validate903Record(store::Store& store, int year);

}  // namespace journey::returns
