// The workforce's own records: teams, staff, adopter households, staff supervision and
// allegations that concern no child on record.
#include <fmt/format.h>

#include "synth/builder.h"
#include "synth/names.h"
#include "synth/workforce.h"

namespace journey::synth {
namespace {

std::string_view Role(Service s, bool manager, Rng& rng) {
  if (manager) return s == Service::kManagement ? "DIRECTOR" : "TEAM_MANAGER";
  switch (s) {
    case Service::kLeavingCare:
      return "PA";
    case Service::kEarlyHelp:
      return "EH_WORKER";
    case Service::kIro:
      return "IRO";
    case Service::kQa:
      return "ANALYST";
    case Service::kManagement:
      return "SERVICE_MANAGER";
    default:
      return rng.Pick({{"SW", 60}, {"SENIOR_SW", 25}, {"ASYE", 15}});
  }
}

bool Registered(std::string_view role) {
  return role != "EH_WORKER" && role != "ANALYST" && role != "PA";
}

Record WorkerRecord(const Council& c, const Tenure& h, int64_t team_id, Service s, bool manager) {
  Rng rng = Rng::For(c.seed, kStreamWorkforce + 7, static_cast<uint64_t>(h.worker_id));
  const std::string_view role = Role(s, manager, rng);
  const bool female = rng.Chance(0.82);  // the social work workforce is about 82% women
  OrgRec w(Kind::kWorker, h.worker_id);
  w.Text(SF(Worker, name), FirstName(rng, female) + " " + LastName(rng))
      .Code(SF(Worker, role), role)
      .Ref(SF(Worker, team_id), team_id)
      .Flag(SF(Worker, agency), h.agency)
      .Dec(SF(Worker, fte), rng.Chance(0.85) ? 1.0 : (rng.Chance(0.5) ? 0.8 : 0.6))
      .Day(SF(Worker, start_date), h.start);
  if (Registered(role))
    w.Text(SF(Worker, swe_number), fmt::format("SW{:06}", 10000 + rng.Below(990000)));
  if (h.end != kNever) {
    w.Day(SF(Worker, end_date), h.end.AddDays(-1));
    // CSWW reasons for leaving: most resign; agency staff move on ("other").
    w.Code(
        SF(Worker, leaving_reason),
        h.agency
            ? "8"
            : rng.Pick({{"1", 70}, {"5", 8}, {"7", 10}, {"2", 2}, {"4", 3}, {"8", 5}, {"9", 2}}));
  }
  return w.Take();
}

}  // namespace

Status Workforce::Emit(const Council& c, Sink& sink, IdCounters& ids) const {
  JOURNEY_RETURN_IF_ERROR(EmitTeamsAndStaff(c, sink));
  JOURNEY_RETURN_IF_ERROR(EmitHouseholds(c, sink));
  JOURNEY_RETURN_IF_ERROR(EmitStaffSupervision(c, sink, ids));
  return EmitAllegations(c, sink, ids);
}

Status Workforce::EmitTeamsAndStaff(const Council& c, Sink& sink) const {
  const auto& mgmt = by_service_[static_cast<size_t>(Service::kManagement)];
  const int64_t top = mgmt.empty() ? 0 : teams_[static_cast<size_t>(mgmt.front())].id;
  std::vector<int> number(kServiceCount, 0);
  for (const Team& t : teams_) {
    const int n = ++number[static_cast<size_t>(t.service)];
    const size_t count = by_service_[static_cast<size_t>(t.service)].size();
    OrgRec r(Kind::kTeam, t.id);
    r.Text(SF(Team, name), count > 1 ? fmt::format("{} {}", ServiceName(t.service), n)
                                     : std::string(ServiceName(t.service)))
        .Text(SF(Team, la_code), c.la_code)
        .Code(SF(Team, service), ServiceCode(t.service))
        .Day(SF(Team, start_date), c.history_start.AddYears(-10));
    if (t.id != top && top != 0) r.Ref(SF(Team, parent_team_id), top);
    JOURNEY_RETURN_IF_ERROR(sink.Organisation(r.Take()));
  }
  for (const Team& t : teams_) {
    for (const Tenure& h : t.manager.holders)
      JOURNEY_RETURN_IF_ERROR(sink.Organisation(WorkerRecord(c, h, t.id, t.service, true)));
    for (const Post& p : t.posts)
      for (const Tenure& h : p.holders)
        JOURNEY_RETURN_IF_ERROR(sink.Organisation(WorkerRecord(c, h, t.id, t.service, false)));
  }
  return Status::Ok();
}

Status Workforce::EmitHouseholds(const Council& c, Sink& sink) const {
  for (int64_t i = 0; i < household_count_; ++i) {
    const Household h = PlanHousehold(c, i, first_household_id_);
    Rng rng = Rng::For(c.seed, kStreamHouseholds + 7, static_cast<uint64_t>(h.id));
    OrgRec r(Kind::kAdopterHousehold, h.id);
    r.Text(SF(AdopterHousehold, family_ref), fmt::format("AF{}-{:05}", c.la_code, i + 1))
        .Text(SF(AdopterHousehold, la_code), c.la_code)
        .Day(SF(AdopterHousehold, enquiry_date), h.enquiry);
    const Date stage1 = h.enquiry.AddDays(rng.Between(20, 60));
    const Date stage2 = stage1.AddDays(rng.Between(50, 80));
    const Date end = h.approval != kNever ? h.approval : stage1.AddDays(rng.Between(30, 150));
    if (stage1 <= c.as_at && stage1 < end) r.Day(SF(AdopterHousehold, stage1_date), stage1);
    if (stage2 <= c.as_at && stage2 < end) r.Day(SF(AdopterHousehold, stage2_date), stage2);
    if (end <= c.as_at) {
      r.Day(h.approval != kNever ? SF(AdopterHousehold, approval_date)
                                 : SF(AdopterHousehold, withdrawn_date),
            end);
    }
    // 903 AD1: about 70% couples (most different-gender married), 30% single adopters.
    const std::string_view sex =
        rng.Pick({{"MF", 58}, {"FF", 8}, {"MM", 6}, {"F1", 25}, {"M1", 3}});
    const bool single = sex.size() == 2 && sex[1] == '1';
    std::string_view ls = "L0";
    if (!single) {
      ls = sex == "MF" ? rng.Pick({{"L11", 80}, {"L3", 20}})
                       : rng.Pick({{"L12", 55}, {"L2", 30}, {"L4", 15}});
    }
    r.Code(SF(AdopterHousehold, sex_adoptr), sex)
        .Code(SF(AdopterHousehold, ls_adoptr), ls)
        .Int(SF(AdopterHousehold, number_adopters), single ? 1 : 2);
    JOURNEY_RETURN_IF_ERROR(sink.Organisation(r.Take()));
  }
  return Status::Ok();
}

// Monthly supervision of case-holding staff by their team manager, with the gaps
// inspectors find ("in many cases there were gaps or the supervision was poor").
Status Workforce::EmitStaffSupervision(const Council& c, Sink& sink, IdCounters& ids) const {
  Rng rng = Rng::For(c.seed, kStreamOrgEvents, static_cast<uint64_t>(c.index));
  for (size_t ti = 0; ti < teams_.size(); ++ti) {
    const Team& t = teams_[ti];
    if (t.service == Service::kManagement) continue;
    for (size_t pi = 0; pi < t.posts.size(); ++pi) {
      for (const Tenure& h : t.posts[pi].holders) {
        Date d = Max(h.start, c.history_start).AddDays(rng.Between(10, 35));
        const Date last = Min(h.end.AddDays(-1), c.as_at);
        const bool poor = rng.Chance(0.2);  // a worker whose supervision often lapses
        for (; d <= last; d = d.AddDays(poor ? rng.Between(25, 95) : rng.Between(21, 42))) {
          const Date day = NextWorkingDay(d);
          if (day > last) break;
          Holder m = HolderAt(static_cast<int>(ti), -1, day);
          if (!m.found() || m.from != day) continue;  // no manager in post that day
          OrgRec s(Kind::kSupervision, ids.Next(Kind::kSupervision));
          s.Code(SF(Supervision, supervision_type), "STAFF")
              .Ref(SF(Supervision, worker_id), h.worker_id)
              .Ref(SF(Supervision, supervisor_id), m.worker_id)
              .Day(SF(Supervision, supervision_date), day)
              .Flag(SF(Supervision, reflection), rng.Chance(poor ? 0.3 : 0.7))
              .Flag(SF(Supervision, challenge), rng.Chance(poor ? 0.2 : 0.5))
              .Flag(SF(Supervision, decisions), rng.Chance(poor ? 0.5 : 0.9));
          JOURNEY_RETURN_IF_ERROR(sink.Organisation(s.Take()));
        }
      }
    }
  }
  return Status::Ok();
}

// Allegations against people who work with children (the designated officer's work),
// about 14 a year per 10,000 children, most concerning no child on the council's record.
Status Workforce::EmitAllegations(const Council& c, Sink& sink, IdCounters& ids) const {
  Rng rng = Rng::For(c.seed, kStreamOrgEvents + 1, static_cast<uint64_t>(c.index));
  const double per_day = static_cast<double>(c.population) / 10000.0 * 14.0 / 365.25;
  for (Date d = c.history_start; d <= c.as_at;) {
    d = d.AddDays(1 + static_cast<int>(rng.Exponential(1.0 / per_day)));
    if (d > c.as_at) break;
    OrgRec a(Kind::kAllegation, ids.Next(Kind::kAllegation));
    a.Day(SF(Allegation, received_date), d)
        .Text(SF(Allegation, role_of_person), std::string(rng.Pick({{"Teacher", 30},
                                                                    {"Teaching assistant", 12},
                                                                    {"Foster carer", 10},
                                                                    {"Residential care worker", 10},
                                                                    {"Sports coach", 8},
                                                                    {"Nursery worker", 10},
                                                                    {"Youth worker", 6},
                                                                    {"Health worker", 6},
                                                                    {"Faith leader", 3},
                                                                    {"Other", 5}})));
    const Date concluded = d.AddDays(static_cast<int>(rng.LogNormal(45, 0.8)));
    if (concluded <= c.as_at) {
      a.Day(SF(Allegation, concluded_date), concluded)
          .Code(SF(Allegation, outcome), rng.Pick({{"SUBSTANTIATED", 30},
                                                   {"UNSUBSTANTIATED", 35},
                                                   {"UNFOUNDED", 25},
                                                   {"FALSE", 7},
                                                   {"MALICIOUS", 3}}));
    }
    JOURNEY_RETURN_IF_ERROR(sink.Organisation(a.Take()));
  }
  return Status::Ok();
}

}  // namespace journey::synth
