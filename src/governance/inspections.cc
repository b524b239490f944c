#include "governance/inspections.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/embedded.h"
#include "engine/indicator_report.h"
#include "model/codes.h"
#include "model/frameworks.h"
#include "model/journey_text.h"

namespace journey::governance {

using model::Kind;
using model::Record;

namespace {

// Local ids become placeholders (-id) so references inside the text follow the records.
Status ToPlaceholders(Record& r) {
  if (r.id <= 0) {
    return InvalidArgument(fmt::format("{}: ids in the text must be positive", r.Label()));
  }
  r.id = -r.id;
  const model::KindDef& d = model::Def(r.kind);
  for (size_t f = 0; f < d.fields.size(); ++f) {
    if (d.fields[f].type != model::FieldType::kRef) continue;
    if (model::Def(d.fields[f].ref_kind).child_link != model::ChildLink::kNone) continue;
    if (auto* id = std::get_if<int64_t>(&r.values[f])) *id = -*id;
  }
  return Status::Ok();
}

std::string Label(std::string_view list, const std::string& code) {
  const model::CodeList* cl = model::CodeLists::Default().Find(list);
  const model::CodeEntry* e = cl ? cl->Find(code) : nullptr;
  return e ? e->label : code;
}

}  // namespace

Result<int64_t> LoadOrganisationText(store::Store& store, const store::Actor& actor,
                                     std::string_view text, std::string_view file_name) {
  JOURNEY_ASSIGN_OR_RETURN(model::JourneyText parsed, model::ParseJourneyText(text, file_name));
  if (!parsed.children.empty()) {
    return Err(InvalidArgument(fmt::format(
        "{}: holds records about child {}; only records about no child (inspections, "
        "judgements, recommendations, improvement actions, workers, teams) can be loaded here",
        file_name, parsed.children.begin()->first)));
  }
  store::WriteBatch batch;
  for (Record& r : parsed.organisation) {
    JOURNEY_RETURN_IF_ERROR(ToPlaceholders(r));
    batch.Put(std::move(r));
  }
  if (batch.empty()) return int64_t{0};
  JOURNEY_ASSIGN_OR_RETURN(store::WriteResult written, store.Write(actor, batch));
  return static_cast<int64_t>(written.ids.size());
}

Result<int64_t> LoadOfstedHistory(store::Store& store, const store::Actor& actor) {
  constexpr std::string_view kPath = "data/ofsted_history.journey";
  const std::optional<std::string_view> text = embedded::Find(kPath);
  if (!text) return Err(Internal(fmt::format("{} is not embedded in this build", kPath)));
  // Loaded once: the reports' file names mark their inspections.
  bool present = false;
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kInspection, [&](const Record& r) {
    const std::optional<std::string> source = r.GetString("source");
    if (source && source->ends_with("-assessment.txt")) present = true;
    if (source && source->ends_with("-lscb-review.txt")) present = true;
    return Status::Ok();
  }));
  if (present) return int64_t{0};
  return LoadOrganisationText(store, actor, *text, kPath);
}

Result<std::vector<InspectionView>> ReadInspections(store::Store& store) {
  const model::Frameworks& fw = model::Frameworks::Default();
  std::map<int64_t, InspectionView> by_id;
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kInspection, [&](const Record& r) {
    InspectionView v;
    v.id = r.id;
    v.framework = r.GetString("framework").value_or("");
    v.framework_label = Label("inspection_framework", v.framework);
    v.council = r.GetString("council").value_or("");
    v.title = r.GetString("title").value_or("");
    v.summary = r.GetString("summary").value_or("");
    v.source = r.GetString("source").value_or("");
    v.start_date = r.GetDate("start_date").value_or(Date());
    v.end_date = r.GetDate("end_date");
    v.published_date = r.GetDate("published_date");
    by_id.emplace(r.id, std::move(v));
    return Status::Ok();
  }));
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kJudgement, [&](const Record& r) {
    auto it = by_id.find(r.GetInt("inspection_id").value_or(0));
    if (it == by_id.end()) return Status::Ok();
    JudgementView j;
    j.area = r.GetString("area").value_or("");
    j.grade = r.GetString("grade").value_or("");
    const model::FrameworkEntry* area = fw.Area(it->second.framework, j.area);
    const model::FrameworkEntry* grade = fw.Grade(it->second.framework, j.grade);
    j.area_label = area ? area->label : j.area;
    j.grade_label = grade ? grade->label : j.grade;
    j.rank = grade ? grade->rank : 0;
    it->second.judgements.push_back(std::move(j));
    return Status::Ok();
  }));
  std::map<int64_t, std::pair<int, int>> actions;  // recommendation -> (all, done)
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kImprovementAction, [&](const Record& r) {
    if (auto rec = r.GetInt("recommendation_id")) {
      auto& [all, done] = actions[*rec];
      ++all;
      if (r.GetString("status").value_or("") == "DONE") ++done;
    }
    return Status::Ok();
  }));
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kRecommendation, [&](const Record& r) {
    auto it = by_id.find(r.GetInt("inspection_id").value_or(0));
    if (it == by_id.end()) return Status::Ok();
    RecommendationView v;
    v.id = r.id;
    v.type = r.GetString("type").value_or("");
    v.area = r.GetString("area").value_or("");
    v.text = r.GetString("text").value_or("");
    v.reference = r.GetString("reference").value_or("");
    v.number = r.GetInt("number");
    if (auto a = actions.find(r.id); a != actions.end()) {
      v.actions = a->second.first;
      v.actions_done = a->second.second;
    }
    it->second.recommendations.push_back(std::move(v));
    return Status::Ok();
  }));
  std::vector<InspectionView> out;
  for (auto& [id, v] : by_id) {
    // Judgements in the order the framework lists its areas.
    auto area_order = [&](const JudgementView& j) { return fw.AreaOrder(v.framework, j.area); };
    std::stable_sort(v.judgements.begin(), v.judgements.end(),
                     [&](const auto& a, const auto& b) { return area_order(a) < area_order(b); });
    std::stable_sort(v.recommendations.begin(), v.recommendations.end(),
                     [](const auto& a, const auto& b) {
                       return std::pair(a.number.value_or(INT64_MAX), a.id) <
                              std::pair(b.number.value_or(INT64_MAX), b.id);
                     });
    out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.start_date < b.start_date; });
  return out;
}

Result<std::vector<ActionView>> ReadImprovementPlan(store::Store& store,
                                                    const engine::Projection& projection,
                                                    const engine::Timescales& timescales,
                                                    Date as_at) {
  std::vector<ActionView> out;
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kImprovementAction, [&](const Record& r) {
    ActionView a;
    a.id = r.id;
    a.recommendation_id = r.GetInt("recommendation_id");
    a.title = r.GetString("title").value_or("");
    a.status = r.GetString("status").value_or("");
    a.indicator = r.GetString("indicator").value_or("");
    a.target_direction = r.GetString("target_direction").value_or("");
    a.owner_id = r.GetInt("owner_id");
    a.start_date = r.GetDate("start_date").value_or(Date());
    a.due_date = r.GetDate("due_date");
    a.completed_date = r.GetDate("completed_date");
    if (auto* t = std::get_if<double>(&r.Get("target"))) a.target = *t;
    const bool closed = a.status == "DONE" || a.status == "DROPPED";
    if (!closed && a.due_date && *a.due_date < as_at) {
      a.overdue = true;
      a.days_overdue = as_at.days() - a.due_date->days();
    }
    out.push_back(std::move(a));
    return Status::Ok();
  }));
  // The measures: each linked indicator over the 12 months to the as-at date, computed once.
  std::vector<std::string> ids;
  for (const ActionView& a : out) {
    if (a.indicator.empty()) continue;
    if (!engine::Indicators().Find(a.indicator)) continue;
    if (std::find(ids.begin(), ids.end(), a.indicator) == ids.end()) ids.push_back(a.indicator);
  }
  std::map<std::string, std::optional<double>> values;
  if (!ids.empty()) {
    engine::ReportRequest req;
    req.indicators = ids;
    req.as_at = as_at;
    // The 12 calendar months ending on the as-at date (1 April to 31 March for 31 March).
    req.periods.push_back(
        engine::Period{as_at.AddMonths(-12).AddDays(1), as_at, "12 months to " + as_at.ToIso()});
    JOURNEY_ASSIGN_OR_RETURN(engine::ReportResult report,
                             engine::ComputeIndicators(projection, timescales, req));
    for (size_t i = 0; i < report.indicators.size(); ++i) {
      const engine::Cell* total = report.Total(i, 0);
      values[ids[i]] = total ? total->value : std::nullopt;
    }
  }
  for (ActionView& a : out) {
    if (a.indicator.empty()) continue;
    if (!engine::Indicators().Find(a.indicator)) {
      a.measure_note = fmt::format("no indicator \"{}\" (see docs/INDICATORS.md)", a.indicator);
      continue;
    }
    a.value = values[a.indicator];
    if (a.target_direction.empty())  // the indicator's own sense of better
      a.target_direction =
          engine::Indicators().Find(a.indicator)->info.higher_is_better ? "HIGHER" : "LOWER";
    if (!a.value) {
      a.measure_note = "no value for the period (nothing to count)";
    } else if (a.target) {
      a.off_target = a.target_direction == "LOWER" ? *a.value > *a.target : *a.value < *a.target;
      a.measure_note = a.off_target ? "off target" : "on target";
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const ActionView& x, const ActionView& y) {
    return std::pair(!x.overdue, x.due_date.value_or(Date::FromDays(INT32_MAX))) <
           std::pair(!y.overdue, y.due_date.value_or(Date::FromDays(INT32_MAX)));
  });
  return out;
}

}  // namespace journey::governance
