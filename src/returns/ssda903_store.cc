// The SSDA903 export and import against a store.
#include <fmt/format.h>

#include <map>
#include <set>
#include <unordered_map>

#include "returns/import_apply.h"
#include "returns/ssda903_build.h"
#include "returns/ssda903_export.h"
#include "returns/ssda903_import.h"
#include "store/record_span.h"

namespace journey::returns {

using model::ChildRecords;
using model::Kind;
using model::Record;

Result<Return903> Export903(store::Store& store, int year) {
  const Date start = CollectionYearStart(year), end = CollectionYearEnd(year);
  // The children the return may include: looked after in the year (903-INC-1), or with a
  // care leaver's circumstances recorded near a birthday in it (903-INC-2).
  std::set<int64_t> children;
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kClaEpisode, [&](const Record& e) {
    auto s = e.GetDate("start_date");
    auto d = e.GetDate("end_date");
    if (s && *s <= end && (!d || *d >= start)) children.insert(e.child_id);
    return Status::Ok();
  }));
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kCareLeaverStatus, [&](const Record& r) {
    auto d = r.GetDate("status_date");
    if (d && *d >= start.AddMonths(-3) && *d <= end.AddMonths(1)) children.insert(r.child_id);
    return Status::Ok();
  }));
  std::map<std::pair<Kind, int64_t>, std::optional<Record>> cache;
  Status lookup_error;
  auto lookup = [&](Kind k, int64_t id) -> std::optional<Record> {
    auto it = cache.find({k, id});
    if (it != cache.end()) return it->second;
    auto r = store.Get(k, id);
    if (!r) {
      lookup_error = r.error();
      return std::nullopt;
    }
    cache[{k, id}] = *r;
    return *r;
  };
  // The kinds the return reads, a scan each (cheaper than loading every kind of each
  // child: a 2,000-child return reads ~16 of the record's ~60 kinds).
  static constexpr Kind kKinds[] = {
      Kind::kRelationship,     Kind::kImmigrationStatus,   Kind::kAllocation,
      Kind::kClaPeriod,        Kind::kPlacement,           Kind::kClaEpisode,
      Kind::kClaReview,        Kind::kHealthAssessment,    Kind::kSdq,
      Kind::kImmunisation,     Kind::kSubstanceMisuse,     Kind::kConviction,
      Kind::kMissingEpisode,   Kind::kPreviousPermanence,  Kind::kAdoption,
      Kind::kCareLeaverStatus, Kind::kDeprivationOfLiberty};
  std::unordered_map<int64_t, ChildRecords> records;
  for (int64_t child : children) {
    JOURNEY_ASSIGN_OR_RETURN(std::optional<Record> person, store.Get(Kind::kPerson, child));
    if (!person) continue;
    ChildRecords& c = records[child];
    c.child_id = child;
    c.of(Kind::kPerson).push_back(std::move(*person));
  }
  for (Kind k : kKinds) {
    JOURNEY_RETURN_IF_ERROR(store.Scan(k, [&](const Record& r) {
      auto it = records.find(r.child_id);
      if (it != records.end()) it->second.of(k).push_back(r);
      return Status::Ok();
    }));
  }
  Ssda903Exporter ex(year, lookup);
  for (int64_t child : children) {
    auto it = records.find(child);
    if (it == records.end()) continue;
    ex.AddChild(it->second);
    JOURNEY_RETURN_IF_ERROR(lookup_error);
  }
  return ex.Finish();
}

Result<ImportReport> Import903(store::Store& store, int year, const std::vector<InputFile>& files,
                               const store::Actor& actor) {
  ImportReport rep;
  Read903 read = ReadFiles(files, year);
  // What the store holds: its people by CHILD, its workers by registration number.
  std::unordered_map<std::string, int64_t> people, workers;
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kPerson, [&](const Record& r) {
    if (auto id = r.GetString("la_child_id")) people.emplace(*id, r.id);
    return Status::Ok();
  }));
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kWorker, [&](const Record& r) {
    if (auto n = r.GetString("swe_number")) workers.emplace(*n, r.id);
    return Status::Ok();
  }));
  Status load_error;
  StoreView view;
  view.child = [&](const std::string& child) -> std::optional<ChildRecords> {
    auto it = people.find(child);
    if (it == people.end()) return std::nullopt;
    auto c = store.LoadChild(it->second);
    if (!c) {
      load_error = c.error();
      return std::nullopt;
    }
    return *c;
  };
  view.worker = [&](const std::string& swe) -> std::optional<int64_t> {
    auto it = workers.find(swe);
    return it == workers.end() ? std::nullopt : std::optional<int64_t>(it->second);
  };
  ImportPlan plan = BuildImport(read, year, view);
  JOURNEY_RETURN_IF_ERROR(load_error);
  rep.episodes_replaced = plan.dropped_episodes;
  JOURNEY_ASSIGN_OR_RETURN(store::RecordSpan span, store::ReadRecordSpan(store));
  JOURNEY_RETURN_IF_ERROR(ApplyImport(store, plan, people.empty(), actor, rep));
  if (!rep.problems.empty()) return rep;  // nothing was written
  // The record now starts no later than this return's year. A store built from returns
  // alone also ends with its latest year; one kept live (records but no end) stays live.
  std::optional<Date> last;
  if (people.empty() || span.last) last = CollectionYearEnd(year);
  JOURNEY_RETURN_IF_ERROR(store::WidenRecordSpan(store, CollectionYearStart(year), last));
  return rep;
}

}  // namespace journey::returns
