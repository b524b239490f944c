// A team's caseloads and exception report (team managers for their own team; senior
// leaders for any), and the list of teams.
#include <fmt/format.h>

#include <map>

#include "server/api_util.h"
#include "server/app.h"

namespace journey::server {

using nlohmann::json;

Result<int32_t> App::TeamFor(Call& c) {
  // A team manager sees their own team; a senior leader chooses (the team_id parameter).
  if (!Can(c.user->role, kAllChildren)) {
    if (c.req.HasQuery("team_id") && c.req.Query("team_id") != std::to_string(c.user->team_id)) {
      return Err(PermissionDenied("a team manager sees their own team only"));
    }
    return c.user->team_id;
  }
  JOURNEY_ASSIGN_OR_RETURN(int64_t t, QueryInt(c.req, "team_id", c.user->team_id, 1, INT32_MAX));
  if (!directory_.Team(t)) {
    return Err(NotFound(fmt::format("query parameter team_id value \"{}\": no such team", t)));
  }
  return static_cast<int32_t>(t);
}

Response App::Caseloads(Call& c) {
  auto team = TeamFor(c);
  if (!team) return ErrorResponse(team.error());
  const engine::DueIndex& due = Due();
  const TeamEntry* t = directory_.Team(*team);
  // Workers of the team, and anyone holding a case allocated to the team.
  std::map<int32_t, int> children;
  for (int32_t child : directory_.OfTeam(*team)) {
    const ChildEntry* ch = directory_.Child(child);
    if (!ch) continue;
    for (const Allocation& a : ch->current)
      if (a.team == *team && a.worker) ++children[a.worker];
  }
  json workers = json::array();
  for (const auto& [wid, n] : children) {
    const WorkerEntry* w = directory_.Worker(wid);
    engine::DueQuery q;
    q.scope = engine::DueScope::kWorker;
    q.id = wid;
    q.within_days = 14;
    int overdue = 0, soon = 0;
    for (const engine::DueItem& i : due.List(q)) (i.overdue() ? overdue : soon)++;
    workers.push_back({{"id", wid},
                       {"name", w ? w->name : ""},
                       {"role", w ? w->role : ""},
                       {"children", n},
                       {"overdue", overdue},
                       {"due_soon", soon}});
  }
  return Json(200, json{{"team", {{"id", *team}, {"name", t ? t->name : ""}}},
                        {"as_at", due.as_at().ToIso()},
                        {"workers", workers}});
}

Response App::Exceptions(Call& c) {
  auto team = TeamFor(c);
  if (!team) return ErrorResponse(team.error());
  auto as_at = QueryDate(c.req, "as_at", clock_.Today());
  if (!as_at) return ErrorResponse(as_at.error());
  std::unique_ptr<engine::DueIndex> other;
  const engine::DueIndex* idx;
  if (*as_at == clock_.Today()) {
    idx = &Due();
  } else {
    other = std::make_unique<engine::DueIndex>(projection_, timescales_, *as_at);
    idx = other.get();
  }
  engine::DueQuery q;
  q.scope = engine::DueScope::kTeam;
  q.id = *team;
  q.within_days = -1;  // overdue only
  json items = json::array();
  for (const engine::DueItem& i : idx->List(q)) {
    const engine::Obligation& o = i.obligation;
    const ChildEntry* ch = directory_.Child(o.child);
    const WorkerEntry* w = directory_.Worker(o.worker);
    const engine::RuleInfo& info = engine::Info(o.rule);
    const bool hide = ch && ch->restricted && !HasGrant(*c.user, o.child);
    items.push_back({{"child_id", o.child},
                     {"child_name", !ch    ? ""
                                    : hide ? "(restricted record)"
                                           : ch->name},
                     {"rule", info.code},
                     {"rule_title", info.title},
                     {"due", DayIso(o.due)},
                     {"days_overdue", -i.days_to_due},
                     {"worker_id", o.worker},
                     {"worker_name", w ? w->name : ""},
                     {"team_id", o.team}});
  }
  const TeamEntry* t = directory_.Team(*team);
  return Json(200, json{{"team", {{"id", *team}, {"name", t ? t->name : ""}}},
                        {"as_at", as_at->ToIso()},
                        {"items", items}});
}

Response App::Teams(Call& c) {
  json items = json::array();
  for (const TeamEntry& t : directory_.Teams()) {
    items.push_back(
        {{"id", t.id}, {"name", t.name}, {"service", t.service}, {"parent_team_id", t.parent}});
  }
  return Json(200, json{{"items", items}});
}

}  // namespace journey::server
