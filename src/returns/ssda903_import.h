// `journey import 903`: SSDA903 CSV files into the store, all or nothing. Every problem is
// reported (file, line, column, value, what is allowed) and nothing is written if there is
// any. A child already on record is matched by CHILD and their record extended; see
// docs/returns/ssda903.md for how each table is matched across years.
#pragma once

#include <string>
#include <vector>

#include "returns/ssda903_read.h"
#include "store/store.h"

namespace journey::returns {

struct ImportReport {
  std::vector<Problem> problems;  // when not empty, nothing was written
  int64_t children_added = 0;     // new to the store (a mother's child counts)
  int64_t children_updated = 0;   // already on record, and changed
  int64_t records_written = 0;    // records added, changed or removed
  int64_t episodes_replaced = 0;  // episodes on record in the year that the files replaced
};

Result<ImportReport> Import903(store::Store& store, int year, const std::vector<InputFile>& files,
                               const store::Actor& actor);

}  // namespace journey::returns
