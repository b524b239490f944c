// The council's governance (issue 6) for those who see the figures (kReport: analysts,
// managers, senior leaders, inspectors): the inspection history with its judgements and
// recommendations, and the improvement plan with each action's measure read live from the
// engine. None of it is about a child, so no need-to-know check applies.
#include "governance/governance_json.h"
#include "governance/inspections.h"
#include "server/api_util.h"
#include "server/app.h"

namespace journey::server {

Response App::GovernanceInspections(Call& /*c*/) {
  auto history = governance::ReadInspections(*store_);
  if (!history) return ErrorResponse(history.error());
  return Json(200, nlohmann::json{{"items", governance::InspectionsJson(*history)}});
}

Response App::GovernancePlan(Call& c) {
  auto as_at = QueryDate(c.req, "as_at", clock_.Today());
  if (!as_at) return ErrorResponse(as_at.error());
  auto plan = governance::ReadImprovementPlan(*store_, projection_, timescales_, *as_at);
  if (!plan) return ErrorResponse(plan.error());
  return Json(200, governance::PlanJson(*plan, *as_at));
}

}  // namespace journey::server
