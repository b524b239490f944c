#include "returns/record_validation.h"

#include "returns/ssda903_export.h"
#include "returns/ssda903_read.h"
#include "returns/ssda903_rules.h"

namespace journey::returns {
namespace {

// A return as the files `journey export 903` would write, ready to be read back.
std::vector<InputFile> AsFiles(const Return903& ret) {
  std::vector<InputFile> files;
  for (const Table903& t : ret.tables) files.push_back({t.spec->name + ".csv", TableCsv(t)});
  return files;
}

}  // namespace

Result<RecordValidation> Validate903Record(store::Store& store, int year) {
  JOURNEY_ASSIGN_OR_RETURN(Return903 now, Export903(store, year));
  JOURNEY_ASSIGN_OR_RETURN(Return903 before, Export903(store, year - 1));
  const Read903 read = ReadFiles(AsFiles(now), year);
  const Read903 last = ReadFiles(AsFiles(before), year - 1);
  RecordValidation out;
  out.name = "SSDA903";
  // What the exporter writes, the reader must take; a problem here is a defect of ours,
  // reported as such rather than as a finding about the child.
  for (const Read903* r : {&read, &last})
    if (!r->problems.empty())
      return Err(Internal("the record's own 903 export could not be read back: " +
                          r->problems.front().ToString()));
  Validate903Options options;
  options.previous = &last;  // the record knows last year: the cross-year rules run
  Validation903 v = Validate903(read, year, options);
  out.findings = std::move(v.findings);
  out.not_run = std::move(v.not_run);
  out.rules_run = static_cast<int>(RulesFor(year).size() - out.not_run.size());
  return out;
}

const std::vector<RecordCheck>& RecordChecks() {
  static const std::vector<RecordCheck> checks = {
      {"SSDA903", Validate903Record},
      // The CIN census joins here: {"CIN", ValidateCinRecord}.
  };
  return checks;
}

}  // namespace journey::returns
