// The CIN census for a collection year, derived from the record by the census's own
// inclusion rules (CIN-INC-n, written beside the code in cin_export.cc and listed in
// docs/returns/cin.md), and written as the DfE's XML message (cin_xml.h).
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "model/validate.h"
#include "returns/cin_message.h"
#include "store/store.h"

namespace journey::returns {

class CinExporter {
 public:
  // `la_code` is the council's 3-digit code (Header LEA).
  CinExporter(int year, std::string la_code);
  // Adds one child (the person and their referrals, assessments, factors, plans,
  // enquiries, conferences, disabilities and identifiers); a child without a child in need
  // episode open in the year adds nothing.
  void AddChild(const model::ChildRecords& child);
  // The message: children sorted by LAchildID, each part by its date.
  CinMessage Finish();

 private:
  int year_;
  std::string la_code_;
  std::vector<CinChild> children_;
};

// The kinds the census reads.
const std::vector<model::Kind>& CinKinds();

// The census from a store: the children with a referral open in the year. Header LEA is the
// council code the included children's records carry (the commonest, should they differ).
Result<CinMessage> ExportCin(store::Store& store, int year);

}  // namespace journey::returns
