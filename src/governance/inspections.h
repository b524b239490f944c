// Inspections, their judgements and recommendations, and the improvement plan, read from the
// store as a whole; and the loading of an inspection history written as journey text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "store/store.h"

namespace journey::engine {
class Projection;
class Timescales;
}  // namespace journey::engine

namespace journey::governance {

// Writes the records about no child in a journey text (inspections, judgements,
// recommendations, improvement actions, ...) in one transaction, all or nothing. The text's
// ids are local to it: each record gets a fresh id in the store, and references between
// the text's records follow. A text with records about a child is refused.
Result<int64_t> LoadOrganisationText(store::Store& store, const store::Actor& actor,
                                     std::string_view text, std::string_view file_name);

// Loads data/ofsted_history.journey (the five reports in ../shared/reference/ofsted/) unless
// the store already holds an inspection from the same report. Returns the records written
// (0 when it was already there).
Result<int64_t> LoadOfstedHistory(store::Store& store, const store::Actor& actor);

struct JudgementView {
  std::string area, area_label;    // code, and the framework's words for it
  std::string grade, grade_label;  // code, and the framework's words for it
  int rank = 0;                    // 4 best .. 1 worst, the same axis for every framework
};

struct RecommendationView {
  int64_t id = 0;
  std::string type, area, text, reference;
  std::optional<int64_t> number;
  int actions = 0, actions_done = 0;
};

struct InspectionView {
  int64_t id = 0;
  std::string framework, framework_label, council, title, summary, source;
  Date start_date;
  std::optional<Date> end_date, published_date;
  std::vector<JudgementView> judgements;            // in the framework's order of areas
  std::vector<RecommendationView> recommendations;  // by number, then id
};

// Every inspection, oldest first.
Result<std::vector<InspectionView>> ReadInspections(store::Store& store);

// One improvement-plan action as at a date, with its measure read from the engine.
struct ActionView {
  int64_t id = 0;
  std::optional<int64_t> recommendation_id;
  std::string title, status, indicator, target_direction;
  std::optional<int64_t> owner_id;
  Date start_date;
  std::optional<Date> due_date, completed_date;
  bool overdue = false;  // not done or dropped, and its due date before the as-at date
  int64_t days_overdue = 0;
  std::optional<double> target, value;  // value: the indicator over the 12 months to as-at
  std::string measure_note;             // why there is no value, or "on target" / "off target"
  bool off_target = false;
};

Result<std::vector<ActionView>> ReadImprovementPlan(store::Store& store,
                                                    const engine::Projection& projection,
                                                    const engine::Timescales& timescales,
                                                    Date as_at);

}  // namespace journey::governance
