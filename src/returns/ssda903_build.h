// Building the record from SSDA903 rows: per child, the records the return describes,
// merged with what the store already holds for that child, so that a council's several
// years load into one continuous history. How children, episodes and the other tables are
// matched across years is written in docs/returns/ssda903.md ("Import").
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/validate.h"
#include "returns/ssda903_read.h"

namespace journey::returns {

struct ImportChild {
  std::string child;                        // CHILD (la_child_id)
  model::ChildRecords want;                 // the child's record after the import
  std::optional<model::ChildRecords> have;  // the record before, when the child was on it
  std::string where;                        // the Header row, for messages
};

struct ImportPlan {
  std::vector<ImportChild> children;
  std::vector<model::Record> organisation;  // new workers and adopter households
  std::vector<Problem> problems;
  int64_t dropped_episodes = 0;  // episodes on record in the year that the files replace
};

// What the builder needs to know of the store.
struct StoreView {
  // The child's current record, by CHILD; nullopt when not on record.
  std::function<std::optional<model::ChildRecords>(const std::string&)> child;
  // The worker with this Social Work England number, if any.
  std::function<std::optional<int64_t>(const std::string&)> worker;
};

// New records get negative placeholder ids, unique across kinds.
ImportPlan BuildImport(const Read903& read, int year, const StoreView& view,
                       const Ssda903Spec& spec = Ssda903Spec::Default());

}  // namespace journey::returns
