// Indicator reports the server has computed, kept until the next write. The projection is
// held in memory and updated child by child after every write (App::AfterWrite); a report
// over it (every indicator, twelve months) still costs a pass over every child, about half
// a second of CPU for the default council, so the Performance page's requests would queue
// behind one another on the server's thread if each recomputed. A report is therefore
// computed once per distinct request (as-at date, periods, indicators, breakdowns) and
// served from here until any write to a child makes every kept report stale (the next
// request recomputes). A handful are kept, the least recently used dropped first.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "engine/indicator_report.h"
#include "engine/population.h"
#include "engine/projection.h"
#include "engine/timescales.h"
#include "store/store.h"

namespace journey::server {

class ReportCache {
 public:
  // The council's code and child population, from the store's meta (a generated council
  // records both; without a population, rates per 10,000 have no value).
  Status Load(store::Store& store);

  // The report for `req` (whose population is set here), computed or kept.
  Result<std::shared_ptr<const engine::ReportResult>> Get(const engine::Projection& projection,
                                                          const engine::Timescales& timescales,
                                                          engine::ReportRequest req);
  // The JSON answer written from a kept report, by request target: the same for every role
  // that may see figures, so a repeated request costs a lookup, not a serialisation.
  const std::string* Body(const std::string& target) const;
  void PutBody(std::string target, std::string body);
  // After a write: every kept report is stale.
  void Invalidate() {
    entries_.clear();
    bodies_.clear();
  }

  const std::string& la_code() const { return la_code_; }
  size_t computed() const { return computed_; }  // for tests: how many were computed

 private:
  static constexpr size_t kKeep = 8;
  std::list<std::pair<std::string, std::shared_ptr<const engine::ReportResult>>> entries_;
  std::list<std::pair<std::string, std::string>> bodies_;
  std::optional<engine::Population> population_;
  std::string la_code_;
  size_t computed_ = 0;
};

}  // namespace journey::server
