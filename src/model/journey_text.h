// The journey text form: a readable way to write records by hand, for golden tests,
// examples and small fixtures. One record per line:
//
//   # a comment
//   worker 7 name="Ann Example" role=SW start_date=2020-01-06
//   person 1 la_child_id=C1 birth_date=2015-03-02 sex=F
//   referral 1 child=1 referral_date=2024-01-05 source=2A worker_id=7
//   assessment 1 child=1 referral_id=1 start_date=2024-01-08 authorised_date=2024-03-08
//
// The first word is the kind, the second the record's id; then field=value pairs, with
// `child=N` for the child a record belongs to. Values follow the field's type: dates
// YYYY-MM-DD (or dd/mm/yyyy), date-times YYYY-MM-DDTHH:MM, booleans true/false (or
// yes/no, Y/N, 1/0), numbers, codes and text; a value with spaces is written in double
// quotes ("" for a quote inside). A field left out is empty.
//
// Parsing checks the form and each value's type; the records' own rules are for
// model::ValidateRecord and ValidateChild. Errors name the file, line, field and value.
#pragma once

#include <map>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/record.h"
#include "model/validate.h"

namespace journey::model {

struct JourneyText {
  std::vector<Record> organisation;        // records not about a child, in file order
  std::map<int64_t, ChildRecords> children;  // by child id
};

Result<JourneyText> ParseJourneyText(std::string_view text, std::string_view file_name);

// Parses one value for a field of the given type (shared with importers).
Result<Value> ParseFieldValue(const FieldDef& field, std::string_view text);

}  // namespace journey::model
