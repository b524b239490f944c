// Validation of the record: each record's own fields, and the rules that hold across the
// records of one child's journey. The store runs both inside every write, so a refused
// write changes nothing. Every refusal names the record, the field, the value and the rule.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "base/status.h"
#include "model/codes.h"
#include "model/record.h"

namespace journey::model {

// Field checks: presence of required fields, value types, text lengths, numeric ranges,
// codes valid in the collection year of the record's date, and a period's end not before
// its start.
Status ValidateRecord(const Record& r, const CodeLists& codes = CodeLists::Default());

// All current records of one child, by kind (including the person record itself).
struct ChildRecords {
  int64_t child_id = 0;
  std::vector<std::vector<Record>> by_kind = std::vector<std::vector<Record>>(kKindCount);

  std::vector<Record>& of(Kind k) { return by_kind[static_cast<size_t>(k)]; }
  const std::vector<Record>& of(Kind k) const { return by_kind[static_cast<size_t>(k)]; }
  const Record* Find(Kind k, int64_t id) const;
  size_t size() const;
};

// Cross-record rules within one child's journey. Expects every record to have passed
// ValidateRecord (as the store ensures): the rules rely on required fields being present. Rule codes (JR-...) are Journey's own;
// each rule's source is written beside it in validate.cc.
Status ValidateChild(const ChildRecords& child);

// The current version of a record as a write would leave it (from the write's own batch,
// else the store); nullopt when there is none.
using RecordLookup = std::function<Result<std::optional<Record>>(Kind, int64_t)>;

// Cross-record rules between records about no child, run by the store on every write of
// such a record (after its references are known to exist):
//   JR-GOV-1  a judgement's area and grade are ones its inspection's framework uses
//             (data/inspection_frameworks.csv; model/frameworks.h);
//   JR-GOV-2  a recommendation's area, when given, is one its inspection's framework judges.
Status ValidateOrganisation(const Record& r, const RecordLookup& lookup);

}  // namespace journey::model
