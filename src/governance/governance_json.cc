#include "governance/governance_json.h"

namespace journey::governance {

using nlohmann::json;

namespace {

json Iso(const std::optional<Date>& d) { return d ? json(d->ToIso()) : json(nullptr); }
template <typename T>
json Opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

}  // namespace

json InspectionsJson(const std::vector<InspectionView>& history) {
  json doc = json::array();
  for (const InspectionView& i : history) {
    json js = json::array(), rs = json::array();
    for (const JudgementView& j : i.judgements)
      js.push_back({{"area", j.area},
                    {"area_label", j.area_label},
                    {"grade", j.grade},
                    {"grade_label", j.grade_label},
                    {"rank", j.rank}});
    for (const RecommendationView& r : i.recommendations)
      rs.push_back({{"id", r.id},
                    {"type", r.type},
                    {"number", Opt(r.number)},
                    {"area", r.area},
                    {"text", r.text},
                    {"reference", r.reference},
                    {"actions", r.actions},
                    {"actions_done", r.actions_done}});
    doc.push_back({{"id", i.id},
                   {"framework", i.framework},
                   {"framework_label", i.framework_label},
                   {"council", i.council},
                   {"title", i.title},
                   {"start_date", i.start_date.ToIso()},
                   {"end_date", Iso(i.end_date)},
                   {"published_date", Iso(i.published_date)},
                   {"summary", i.summary},
                   {"source", i.source},
                   {"judgements", js},
                   {"recommendations", rs}});
  }
  return doc;
}

static json ActionJson(const ActionView& x) {
  return json{{"id", x.id},
              {"recommendation_id", Opt(x.recommendation_id)},
              {"title", x.title},
              {"owner_id", Opt(x.owner_id)},
              {"owner", x.owner_name},
              {"start_date", x.start_date.ToIso()},
              {"due_date", Iso(x.due_date)},
              {"completed_date", Iso(x.completed_date)},
              {"status", x.status},
              {"status_label", x.status_label},
              {"evidence", x.evidence},
              {"overdue", x.overdue},
              {"days_overdue", x.days_overdue},
              {"indicator", x.indicator},
              {"indicator_title", x.indicator_title},
              {"target", Opt(x.target)},
              {"target_direction", x.target_direction},
              {"value", Opt(x.value)},
              {"off_target", x.off_target},
              {"measure", x.measure_note}};
}

json PlanJson(const std::vector<ActionView>& plan, Date as_at) {
  json rows = json::array();
  int overdue = 0, off = 0;
  for (const ActionView& x : plan) {
    overdue += x.overdue;
    off += x.off_target;
    rows.push_back(ActionJson(x));
  }
  return json{
      {"as_at", as_at.ToIso()}, {"overdue", overdue}, {"off_target", off}, {"actions", rows}};
}

}  // namespace journey::governance
