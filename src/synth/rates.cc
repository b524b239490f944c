#include "synth/rates.h"

#include <algorithm>
#include <climits>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "synth/dates.h"
#include "synth/rates_impl.h"

namespace journey::synth {
namespace {

using model::Kind;
using model::Record;

int32_t DayOr(const Record& r, int field, int32_t none) {
  const model::Value& v = r.Get(field);
  if (auto* d = std::get_if<Date>(&v)) return d->days();
  if (auto* t = std::get_if<DateTime>(&v)) return t->date().days();
  return none;
}
int64_t RefOr0(const Record& r, int field) {
  const model::Value& v = r.Get(field);
  if (auto* i = std::get_if<int64_t>(&v)) return *i;
  return 0;
}
std::string CodeOf(const Record& r, int field) {
  const model::Value& v = r.Get(field);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  return {};
}
bool FlagOf(const Record& r, int field) {
  const model::Value& v = r.Get(field);
  auto* b = std::get_if<bool>(&v);
  return b && *b;
}
int F(Kind k, std::string_view name) { return model::FieldOf(k, name); }

template <typename T>
T& At(std::vector<T>& v, int64_t id) {
  if (static_cast<size_t>(id) >= v.size()) v.resize(static_cast<size_t>(id) + 1);
  return v[static_cast<size_t>(id)];
}

}  // namespace

RateCollector::RateCollector(Date as_at, int64_t population)
    : as_at_(as_at), population_(population), impl_(std::make_shared<Impl>()) {
  // The last complete collection year ending on or before as_at.
  const int cy =
      CollectionYearOf(as_at) - (as_at == CollectionYearEnd(CollectionYearOf(as_at)) ? 0 : 1);
  year_start_ = CollectionYearStart(cy);
  year_end_ = CollectionYearEnd(cy);
}

void RateCollector::Add(const Record& r) {
  Impl& m = *impl_;
  switch (r.kind) {
    case Kind::kPerson:
      At(m.birth, r.id) = DayOr(r, F(Kind::kPerson, "birth_date"), INT32_MIN);
      break;
    case Kind::kContact:
      m.contacts.push_back(DayOr(r, F(Kind::kContact, "contact_at"), 0));
      break;
    case Kind::kReferral:
      At(m.referrals, r.id) = {r.child_id, DayOr(r, F(Kind::kReferral, "referral_date"), 0),
                               DayOr(r, F(Kind::kReferral, "closure_date"), kOpen),
                               FlagOf(r, F(Kind::kReferral, "nfa"))};
      break;
    case Kind::kAssessment:
      m.assessments.push_back({RefOr0(r, F(Kind::kAssessment, "referral_id")),
                               DayOr(r, F(Kind::kAssessment, "authorised_date"), kOpen)});
      break;
    case Kind::kStrategyDiscussion:
      At(m.strategy, r.id) = DayOr(r, F(Kind::kStrategyDiscussion, "discussion_date"), 0);
      break;
    case Kind::kSection47Enquiry:
      At(m.s47, r.id) = {RefOr0(r, F(Kind::kSection47Enquiry, "strategy_discussion_id")),
                         DayOr(r, F(Kind::kSection47Enquiry, "start_date"), 0)};
      break;
    case Kind::kCpConference:
      if (CodeOf(r, F(Kind::kCpConference, "conference_type")) == "INITIAL")
        m.icpc.push_back({RefOr0(r, F(Kind::kCpConference, "s47_id")),
                          DayOr(r, F(Kind::kCpConference, "conference_date"), 0)});
      break;
    case Kind::kCpPlan:
      m.plans.push_back({r.child_id, DayOr(r, F(Kind::kCpPlan, "start_date"), 0),
                         DayOr(r, F(Kind::kCpPlan, "end_date"), kOpen),
                         CodeOf(r, F(Kind::kCpPlan, "latest_category"))});
      break;
    case Kind::kClaPeriod:
      At(m.periods, r.id) = {r.child_id, DayOr(r, F(Kind::kClaPeriod, "start_date"), 0),
                             DayOr(r, F(Kind::kClaPeriod, "end_date"), kOpen)};
      break;
    case Kind::kClaEpisode:
      m.episodes.push_back({RefOr0(r, F(Kind::kClaEpisode, "cla_period_id")),
                            RefOr0(r, F(Kind::kClaEpisode, "placement_id")),
                            DayOr(r, F(Kind::kClaEpisode, "start_date"), 0),
                            DayOr(r, F(Kind::kClaEpisode, "end_date"), kOpen),
                            CodeOf(r, F(Kind::kClaEpisode, "legal_status")),
                            CodeOf(r, F(Kind::kClaEpisode, "rec"))});
      break;
    case Kind::kPlacement:
      At(m.placement, r.id) = CodeOf(r, F(Kind::kPlacement, "placement_type"));
      break;
    case Kind::kImmigrationStatus:
      if (CodeOf(r, F(Kind::kImmigrationStatus, "status")) == "UASC")
        m.uasc.push_back({r.child_id, DayOr(r, F(Kind::kImmigrationStatus, "start_date"), 0),
                          DayOr(r, F(Kind::kImmigrationStatus, "end_date"), kOpen)});
      break;
    case Kind::kCareLeaverStatus: {
      const std::string act = CodeOf(r, F(Kind::kCareLeaverStatus, "activity"));
      m.leavers.push_back({r.child_id, DayOr(r, F(Kind::kCareLeaverStatus, "status_date"), 0),
                           CodeOf(r, F(Kind::kCareLeaverStatus, "in_touch")) == "YES",
                           FlagOf(r, F(Kind::kCareLeaverStatus, "accommodation_suitable")),
                           !act.empty() && (act[0] == 'F' || act[0] == 'P')});
      break;
    }
    case Kind::kMissingEpisode: {
      const model::Value& e = r.Get(F(Kind::kMissingEpisode, "end_at"));
      const auto* end = std::get_if<DateTime>(&e);
      At(m.missing, r.id) = {r.child_id, RefOr0(r, F(Kind::kMissingEpisode, "cla_period_id")),
                             DayOr(r, F(Kind::kMissingEpisode, "start_at"), 0),
                             end ? end->minutes : -1};
      break;
    }
    case Kind::kReturnInterview: {
      const model::Value& c = r.Get(F(Kind::kReturnInterview, "completed_at"));
      const auto* done = std::get_if<DateTime>(&c);
      m.interviews.push_back({RefOr0(r, F(Kind::kReturnInterview, "missing_episode_id")),
                              FlagOf(r, F(Kind::kReturnInterview, "offered")),
                              done ? done->minutes : -1});
      break;
    }
    case Kind::kWorker: {
      const std::string role = CodeOf(r, F(Kind::kWorker, "role"));
      At(m.workers, r.id) = {DayOr(r, F(Kind::kWorker, "start_date"), 0),
                             DayOr(r, F(Kind::kWorker, "end_date"), kOpen),
                             FlagOf(r, F(Kind::kWorker, "agency")),
                             role == "SW" || role == "SENIOR_SW" || role == "ASYE"};
      break;
    }
    case Kind::kAllocation:
      if (CodeOf(r, F(Kind::kAllocation, "role")) == "SW")
        m.allocations.push_back({r.child_id, RefOr0(r, F(Kind::kAllocation, "worker_id")),
                                 DayOr(r, F(Kind::kAllocation, "start_date"), 0),
                                 DayOr(r, F(Kind::kAllocation, "end_date"), kOpen)});
      break;
    default:
      break;
  }
}

}  // namespace journey::synth
