// A council's workforce and adopters: teams, the posts in them and the succession of staff
// who hold each post (permanent and agency, with turnover and vacancies), and adopter
// households. Built before any child, from the council's own random stream, so a child's
// journey can look up who held a case on a date without depending on any other child.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "synth/council.h"
#include "synth/dates.h"
#include "synth/generator.h"
#include "synth/rng.h"

namespace journey::synth {

enum class Service : uint8_t {
  kFrontDoor,
  kAssessment,
  kCpCin,
  kLac,
  kLeavingCare,
  kAdoption,
  kFostering,
  kDisability,
  kEarlyHelp,
  kIro,
  kQa,
  kManagement,
  kCount
};
constexpr int kServiceCount = static_cast<int>(Service::kCount);

struct Tenure {
  int64_t worker_id = 0;
  Date start;
  Date end = kNever;  // the day after the last day in post; kNever if still there
  bool agency = false;
};

struct Post {
  std::vector<Tenure> holders;  // in order, with gaps where the post was vacant
};

struct Team {
  int64_t id = 0;
  Service service = Service::kManagement;
  std::vector<Post> posts;  // case-holding posts
  Post manager;
};

// Who holds a case, from when until when (`until` is when that worker leaves the post).
struct Holder {
  int64_t worker_id = 0;
  int64_t team_id = 0;
  int64_t manager_id = 0;
  Date from;
  Date until = kNever;
  int team = -1, post = -1, tenure = -1;
  bool found() const { return worker_id != 0; }
};

struct Household {
  int64_t id = 0;
  Date enquiry;
  Date approval;  // kNever when withdrawn before approval
};

std::string_view ServiceCode(Service s);  // the team_service code
std::string_view ServiceName(Service s);  // a team name stem

// Adopter household i of a council: its enquiry and (unless it withdrew) approval date.
Household PlanHousehold(const Council& c, int64_t i, int64_t first_id);

class Workforce {
 public:
  // Plans the council's teams and staff, and its adopter households, taking their ids.
  static Workforce Plan(const Council& council, IdCounters& ids);

  // The organisation records: teams, staff, adopter households, staff supervision, and
  // allegations about people who work with children that concern no child on record.
  Status Emit(const Council& council, Sink& sink, IdCounters& ids) const;

  // The holder of a case allocated in `service` on `on`: a post chosen at random, and the
  // worker in it then (or, if it is vacant, the next to arrive). Not found when the service
  // has no post.
  Holder Allocate(Service service, Date on, Rng& rng) const;
  // The next holder of the same post after h leaves it.
  Holder Next(const Holder& h) const;
  // A team manager in `service` on `on` (for oversight and supervision).
  Holder Manager(Service service, Date on, Rng& rng) const;
  // An adopter household approved before `match` (the most recent few years preferred).
  int64_t PickHousehold(Date match, Rng& rng) const;
  int64_t front_door_team() const;

 private:
  Holder HolderAt(int team, int post, Date on) const;
  std::vector<Team> teams_;
  std::vector<std::vector<int>> by_service_ = std::vector<std::vector<int>>(kServiceCount);
  std::vector<Household> households_;  // approved ones, by approval date
  uint64_t seed_ = 0;
  int council_ = 0;
  int64_t first_household_id_ = 0, household_count_ = 0;
  Status EmitTeamsAndStaff(const Council& c, Sink& sink) const;
  Status EmitHouseholds(const Council& c, Sink& sink) const;
  Status EmitStaffSupervision(const Council& c, Sink& sink, IdCounters& ids) const;
  Status EmitAllegations(const Council& c, Sink& sink, IdCounters& ids) const;
};

}  // namespace journey::synth
