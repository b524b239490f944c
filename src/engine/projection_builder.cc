#include "engine/projection_builder.h"

#include <fmt/format.h>

namespace journey::engine {

Status ProjectionBuilder::Organisation(const model::Record& r) {
  organisation_.push_back(r);
  return Status::Ok();
}

Status ProjectionBuilder::Child(const model::ChildRecords& child) {
  if (child.child_id <= 0 || child.child_id > std::numeric_limits<int32_t>::max()) {
    return InvalidArgument(
        fmt::format("building the projection: child id {} must be 1 to 2^31-1", child.child_id));
  }
  const int32_t c = static_cast<int32_t>(child.child_id);
  for (int k = 0; k < model::kKindCount; ++k) {
    const std::vector<model::Record>& recs = child.of(static_cast<Kind>(k));
    if (recs.empty()) continue;
    ptrs_.clear();
    for (const model::Record& r : recs) ptrs_.push_back(&r);
    JOURNEY_RETURN_IF_ERROR(p_.tables_[static_cast<size_t>(k)].AppendRun(c, ptrs_, true));
  }
  return Status::Ok();
}

Result<Projection> ProjectionBuilder::Finish() && {
  for (int k = 0; k < model::kKindCount; ++k) {
    ptrs_.clear();
    for (const model::Record& r : organisation_)
      if (r.kind == static_cast<Kind>(k)) ptrs_.push_back(&r);
    if (!ptrs_.empty())
      JOURNEY_RETURN_IF_ERROR(p_.tables_[static_cast<size_t>(k)].AppendRun(0, ptrs_, true));
  }
  organisation_.clear();
  for (KindTable& t : p_.tables_) t.FitWithHeadroom();
  JOURNEY_RETURN_IF_ERROR(p_.LoadOrganisationIndex());
  return std::move(p_);
}

}  // namespace journey::engine
