// The governance views as JSON, one form for the command line (--json) and the server's
// API (GET /api/governance/...), so the two cannot drift apart.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "governance/inspections.h"

namespace journey::governance {

// [{id, framework, framework_label, council, title, start_date, end_date, published_date,
//   summary, source, judgements: [{area, area_label, grade, grade_label, rank}],
//   recommendations: [{id, type, number, area, text, reference, actions, actions_done}]}]
nlohmann::json InspectionsJson(const std::vector<InspectionView>& history);

// {as_at, actions: [...], overdue, off_target}: each action with its owner, dates, status,
// evidence, and its measure (indicator, title, value, target, direction, note).
nlohmann::json PlanJson(const std::vector<ActionView>& plan, Date as_at);

}  // namespace journey::governance
