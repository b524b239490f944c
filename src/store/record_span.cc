#include "store/record_span.h"

#include <fmt/format.h>

namespace journey::store {
namespace {

Result<std::optional<Date>> ReadDate(Store& store, const char* key) {
  JOURNEY_ASSIGN_OR_RETURN(std::optional<std::string> v, store.GetMeta(key));
  if (!v) return std::optional<Date>();
  Result<Date> d = Date::ParseIso(*v);
  if (!d) {
    return Err(FailedPrecondition(
        fmt::format("journey_meta {}: \"{}\" is not a date (allowed: YYYY-MM-DD)", key, *v)));
  }
  return std::optional<Date>(*d);
}

}  // namespace

Result<RecordSpan> ReadRecordSpan(Store& store) {
  RecordSpan s;
  JOURNEY_ASSIGN_OR_RETURN(s.horizon, ReadDate(store, kHorizonKey));
  JOURNEY_ASSIGN_OR_RETURN(s.last, ReadDate(store, kRecordEndKey));
  return s;
}

Status WidenRecordSpan(Store& store, Date first, std::optional<Date> last) {
  JOURNEY_ASSIGN_OR_RETURN(RecordSpan s, ReadRecordSpan(store));
  if (!s.horizon || first < *s.horizon)
    JOURNEY_RETURN_IF_ERROR(store.SetMeta(kHorizonKey, first.ToIso()));
  if (last && (!s.last || *s.last < *last))
    JOURNEY_RETURN_IF_ERROR(store.SetMeta(kRecordEndKey, last->ToIso()));
  return Status::Ok();
}

Status SetHorizon(Store& store, Date horizon) {
  return store.SetMeta(kHorizonKey, horizon.ToIso());
}

}  // namespace journey::store
