// The SSDA903 return for a collection year, derived from the record by the return's own
// inclusion rules. Each rule, with its source, is written beside its code in
// ssda903_export.cc and listed in docs/returns/ssda903.md.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/validate.h"
#include "returns/ssda903_spec.h"
#include "store/store.h"

namespace journey::returns {

struct Table903 {
  const TableSpec* spec = nullptr;
  std::vector<std::vector<std::string>> rows;  // one string per column of spec
};

struct Return903 {
  int year = 0;                    // collection year: 2026 = 2025/26
  std::vector<Table903> tables;    // the year's tables, in the DfE's order
  std::vector<std::string> notes;  // what the record could not supply (no personal data)
  const Table903* Find(std::string_view name) const;
};

// How the exporter reaches records outside a child's journey (workers for SW_ID, adopter
// households for AD1, a mother's child for MC_DOB).
using RecordLookup = std::function<std::optional<model::Record>(model::Kind, int64_t)>;

class Ssda903Exporter {
 public:
  Ssda903Exporter(int year, RecordLookup lookup, const Ssda903Spec& spec = Ssda903Spec::Default());
  // Adds the rows of one child (every kind of their record); a child the return does not
  // include adds nothing.
  void AddChild(const model::ChildRecords& child);
  // The tables, each sorted by CHILD and then by its date column.
  Return903 Finish();

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

// The return from a store: finds the children it includes (looked after during the year,
// or care leavers with a birthday in it) and exports each.
Result<Return903> Export903(store::Store& store, int year);

// One table as CSV text: the header and rows, dates dd/mm/yyyy, "\n" line ends.
std::string TableCsv(const Table903& table);
// Writes each table to DIR/<Table>.csv (e.g. Episodes.csv), creating DIR.
Status WriteReturn(const Return903& ret, const std::string& dir);

}  // namespace journey::returns
