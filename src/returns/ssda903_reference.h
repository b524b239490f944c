// Reference data some SSDA903 rules need beyond the return itself, loaded from the files the
// user gives (`journey validate 903 --reference DIR`). Rules needing data that was not given
// are reported as not run, never passed (Rule::needs).
//
// Today: the list of council codes (DfE three-digit local authority codes, as in Get
// Information about Schools' extracts, column "LA (code)", or a list with "LA code"). Still
// to load: Ofsted's registered provider lists (URN rules) and the postcode directory
// (placement council and distance rules).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "base/status.h"

namespace journey::returns {

struct Reference903 {
  // DfE three-digit council code to its name ("" when the file gives none).
  std::map<std::string, std::string> la_codes;
  bool has_la_codes = false;
};

// Adds the councils of a CSV file to `ref`. The header must have a column "LA (code)" or "LA
// code" (any case); "LA (name)" or "LA name" is read when present. Each code is three digits;
// a row repeating a code (an extract with a row per school) is allowed. Every error names the
// file, line, column and value.
Status LoadLaCodes(std::string_view text, std::string_view file, Reference903& ref);

// Reads the reference files found in `dir`: la_codes.csv. A directory with none of them is
// an error (naming the files looked for), as is a file that does not load.
Result<Reference903> LoadReference903(const std::string& dir);

}  // namespace journey::returns
