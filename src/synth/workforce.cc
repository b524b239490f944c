#include "synth/workforce.h"

#include <algorithm>
#include <cmath>

#include "synth/builder.h"
#include "synth/names.h"

namespace journey::synth {
namespace {

// How many case-holding posts each service has: the open cases expected per 10,000
// children (measured from the generator's own journeys) over a caseload per worker. The
// caseloads sit inside the 15-30 a council reports (the 2016 Northamptonshire report: "many
// caseloads are too high at between 25 and 30"); random allocation spreads them around it.
struct Sizing {
  Service service;
  std::string_view name;
  std::string_view code;  // team_service code
  double cases_per_10k;   // open allocated cases per 10,000 children
  double caseload;        // cases per worker the council staffs for
  double agency_hires;    // share of appointments that are agency staff
  int min_posts;
};

// An agency worker stays about 10 months, a permanent one about 4.5 years, so the agency
// share of staff in post at any time is about 0.9a / (0.9a + 4.5(1-a)) for a share a of
// hires: 0.55 of hires gives about 20% of staff (CSWW 2023-24: 17.6% agency).
constexpr Sizing kSizing[] = {
    {Service::kFrontDoor, "Front Door and MASH", "FRONT_DOOR", 12, 20, 0.45, 2},
    {Service::kAssessment, "Assessment", "ASSESSMENT", 70, 18, 0.62, 2},
    {Service::kCpCin, "Child Protection and Children in Need", "CP_CIN", 140, 19, 0.62, 2},
    {Service::kLac, "Children in Care", "LAC", 60, 16, 0.55, 2},
    {Service::kLeavingCare, "Leaving Care", "LEAVING_CARE", 40, 21, 0.45, 1},
    {Service::kAdoption, "Adoption", "ADOPTION", 4, 12, 0.3, 1},
    {Service::kFostering, "Fostering", "FOSTERING", 5, 15, 0.3, 1},
    {Service::kDisability, "Children with Disabilities", "DISABILITY", 24, 20, 0.45, 1},
    {Service::kEarlyHelp, "Early Help", "EARLY_HELP", 90, 22, 0.2, 1},
    {Service::kIro, "Independent Reviewing", "IRO", 110, 60, 0.35, 1},
    {Service::kQa, "Quality Assurance and Performance", "QA", 4, 20, 0.2, 1},
    {Service::kManagement, "Directorate", "MANAGEMENT", 3, 20, 0.2, 1},
};
constexpr int kPostsPerTeam = 7;

// A post's holders from before the workforce epoch to as_at: appointments in turn, with
// vacancies between some of them.
Post PlanPost(Date epoch, Date as_at, double agency_hires, bool manager, IdCounters& ids,
              Rng& rng) {
  Post p;
  Date t = epoch.AddDays(-static_cast<int>(rng.Below(6 * 365)));
  while (t <= as_at) {
    Tenure h;
    h.agency = !manager && rng.Chance(agency_hires);
    const double mean_days = h.agency ? 300 : (manager ? 2200 : 1650);
    h.worker_id = ids.Next(Kind::kWorker);
    h.start = t;
    const Date end = t.AddDays(30 + static_cast<int>(rng.Exponential(mean_days)));
    h.end = end > as_at ? kNever : end;
    p.holders.push_back(h);
    if (h.end == kNever) break;
    t = end.AddDays(rng.Chance(0.5) ? 0 : rng.Between(7, 75));
  }
  return p;
}

}  // namespace

std::string_view ServiceCode(Service s) {
  for (const Sizing& z : kSizing)
    if (z.service == s) return z.code;
  return "MANAGEMENT";
}

std::string_view ServiceName(Service s) {
  for (const Sizing& z : kSizing)
    if (z.service == s) return z.name;
  return "Team";
}

Household PlanHousehold(const Council& c, int64_t i, int64_t first_id) {
  Rng r = Rng::For(c.seed, kStreamHouseholds + 1000 * static_cast<uint64_t>(c.index + 1),
                   static_cast<uint64_t>(i));
  const Date from = c.history_start.AddYears(-4);
  Household h;
  h.id = first_id + i;
  h.enquiry = from.AddDays(static_cast<int>(r.Below(c.as_at - from)));
  h.approval = r.Chance(0.25) ? kNever : h.enquiry.AddDays(150 + static_cast<int>(r.Below(120)));
  return h;
}

Workforce Workforce::Plan(const Council& c, IdCounters& ids) {
  Workforce w;
  w.seed_ = c.seed;
  w.council_ = c.index;
  Rng rng = Rng::For(c.seed, kStreamWorkforce, static_cast<uint64_t>(c.index));
  const Date epoch = c.history_start.AddYears(-2);
  const double tens = static_cast<double>(c.population) / 10000.0;
  for (const Sizing& s : kSizing) {
    const int posts =
        std::max(s.min_posts, static_cast<int>(std::lround(tens * s.cases_per_10k / s.caseload)));
    const int teams = (posts + kPostsPerTeam - 1) / kPostsPerTeam;
    for (int t = 0; t < teams; ++t) {
      Team team;
      team.id = ids.Next(Kind::kTeam);
      team.service = s.service;
      const int n = posts / teams + (t < posts % teams ? 1 : 0);
      for (int i = 0; i < n; ++i)
        team.posts.push_back(PlanPost(epoch, c.as_at, s.agency_hires, false, ids, rng));
      team.manager = PlanPost(epoch, c.as_at, 0, true, ids, rng);
      w.by_service_[static_cast<size_t>(s.service)].push_back(static_cast<int>(w.teams_.size()));
      w.teams_.push_back(std::move(team));
    }
  }
  // Adopter households: about one approval for each adoption (some adopt siblings, some
  // twice), and a third more enquiries that withdraw, from four years before the history.
  const double years = static_cast<double>(c.as_at - c.history_start.AddYears(-4)) / 365.25;
  const int64_t n = std::max<int64_t>(4, std::llround(tens * 3.4 * years));
  w.first_household_id_ = ids.Take(Kind::kAdopterHousehold, n);
  w.household_count_ = n;
  for (int64_t i = 0; i < n; ++i) {
    Household h = PlanHousehold(c, i, w.first_household_id_);
    if (h.approval <= c.as_at) w.households_.push_back(h);
  }
  std::sort(w.households_.begin(), w.households_.end(),
            [](const Household& a, const Household& b) { return a.approval < b.approval; });
  return w;
}

Holder Workforce::HolderAt(int team, int post, Date on) const {
  const Team& t = teams_[static_cast<size_t>(team)];
  const Post& p = post < 0 ? t.manager : t.posts[static_cast<size_t>(post)];
  auto it = std::upper_bound(p.holders.begin(), p.holders.end(), on,
                             [](Date d, const Tenure& h) { return d < h.start; });
  // `it` is the first holder starting after `on`; the one before may still be in post.
  if (it != p.holders.begin() && on < std::prev(it)->end) --it;
  if (it == p.holders.end()) return Holder{};
  Holder h;
  h.worker_id = it->worker_id;
  h.team_id = t.id;
  h.from = Max(on, it->start);
  h.until = it->end;
  h.team = team;
  h.post = post;
  h.tenure = static_cast<int>(it - p.holders.begin());
  if (post >= 0) {
    Holder m = HolderAt(team, -1, h.from);
    h.manager_id = m.worker_id;
  }
  return h;
}

Holder Workforce::Allocate(Service service, Date on, Rng& rng) const {
  const auto& teams = by_service_[static_cast<size_t>(service)];
  if (teams.empty()) return Holder{};
  const int team = teams[static_cast<size_t>(rng.Below(static_cast<int64_t>(teams.size())))];
  const auto& posts = teams_[static_cast<size_t>(team)].posts;
  if (posts.empty()) return Holder{};
  return HolderAt(team, static_cast<int>(rng.Below(static_cast<int64_t>(posts.size()))), on);
}

Holder Workforce::Next(const Holder& h) const {
  if (!h.found() || h.until == kNever) return Holder{};
  return HolderAt(h.team, h.post, h.until);
}

Holder Workforce::Manager(Service service, Date on, Rng& rng) const {
  const auto& teams = by_service_[static_cast<size_t>(service)];
  if (teams.empty()) return Holder{};
  const int team = teams[static_cast<size_t>(rng.Below(static_cast<int64_t>(teams.size())))];
  return HolderAt(team, -1, on);
}

int64_t Workforce::PickHousehold(Date match, Rng& rng) const {
  if (households_.empty()) return 0;
  auto it = std::upper_bound(households_.begin(), households_.end(), match,
                             [](Date d, const Household& h) { return d < h.approval; });
  const int64_t approved = it - households_.begin();  // households approved by `match`
  if (approved == 0) return households_.front().id;
  // Most matches are with families approved in the last year or two.
  const int64_t window = std::min<int64_t>(approved, std::max<int64_t>(3, approved / 4));
  return households_[static_cast<size_t>(approved - 1 - rng.Below(window))].id;
}

int64_t Workforce::front_door_team() const {
  const auto& t = by_service_[static_cast<size_t>(Service::kFrontDoor)];
  return t.empty() ? 0 : teams_[static_cast<size_t>(t.front())].id;
}

}  // namespace journey::synth
