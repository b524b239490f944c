// `journey governance`: the council's inspections and improvement plan (issue 6).
//
//   journey governance load --db journey.db [FILE]     the demo history, or a journey text
//   journey governance history --db journey.db [--json]
//   journey governance plan --db journey.db [--as-at D] [--json]
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/input_files.h"
#include "engine/projection.h"
#include "engine/timescales.h"
#include "governance/inspections.h"
#include "store/record_span.h"
#include "store/store.h"

namespace journey::cli {
namespace {

struct GovernanceArgs {
  std::string db, file, as_at;
  bool json = false;
};

std::string Iso(const std::optional<Date>& d) { return d ? d->ToIso() : ""; }

Result<std::unique_ptr<store::Store>> OpenExisting(const std::string& db, const Clock& clock) {
  if (!store::IsDatabaseUrl(db) && !std::filesystem::exists(db)) {
    return Err(NotFound(fmt::format("--db {}: no such database file", db)));
  }
  return store::OpenStore(db, clock);
}

Status RunLoad(const GovernanceArgs& a, CommandContext& ctx) {
  JOURNEY_ASSIGN_OR_RETURN(auto s, store::OpenStore(a.db, *ctx.clock));
  const store::Actor actor{"journey governance load", "", "command line"};
  int64_t n = 0;
  if (a.file.empty()) {
    JOURNEY_ASSIGN_OR_RETURN(n, governance::LoadOfstedHistory(*s, actor));
    if (n == 0) {
      *ctx.out << "The inspection history is already loaded.\n";
      return Status::Ok();
    }
  } else {
    JOURNEY_ASSIGN_OR_RETURN(std::string text, ReadInputFile(a.file));
    JOURNEY_ASSIGN_OR_RETURN(n, governance::LoadOrganisationText(*s, actor, text, a.file));
  }
  *ctx.out << fmt::format("Loaded {} records.\n", n);
  return Status::Ok();
}

Status RunHistory(const GovernanceArgs& a, CommandContext& ctx) {
  JOURNEY_ASSIGN_OR_RETURN(auto s, OpenExisting(a.db, *ctx.clock));
  JOURNEY_ASSIGN_OR_RETURN(auto history, governance::ReadInspections(*s));
  std::ostream& out = *ctx.out;
  if (a.json) {
    nlohmann::json doc = nlohmann::json::array();
    for (const auto& i : history) {
      nlohmann::json js = nlohmann::json::array(), rs = nlohmann::json::array();
      for (const auto& j : i.judgements)
        js.push_back({{"area", j.area},
                      {"area_label", j.area_label},
                      {"grade", j.grade},
                      {"grade_label", j.grade_label},
                      {"rank", j.rank}});
      for (const auto& r : i.recommendations)
        rs.push_back({{"id", r.id},
                      {"type", r.type},
                      {"number", r.number ? nlohmann::json(*r.number) : nullptr},
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
    out << doc.dump(2) << "\n";
    return Status::Ok();
  }
  if (history.empty()) {
    out << "No inspections recorded (journey governance load --db FILE loads the demo "
           "history).\n";
    return Status::Ok();
  }
  for (const auto& i : history) {
    out << fmt::format("{}  {} — {}\n  {}\n", i.start_date.ToIso(), i.council, i.framework_label,
                       i.title);
    if (i.judgements.empty()) out << "  (no graded judgements)\n";
    for (const auto& j : i.judgements)
      out << fmt::format("    {:<62} {}\n", j.area_label, j.grade_label);
    if (!i.recommendations.empty()) {
      size_t with_actions = 0;
      for (const auto& r : i.recommendations) with_actions += r.actions > 0;
      out << fmt::format("  {} recommendations or areas for development, {} with actions\n",
                         i.recommendations.size(), with_actions);
    }
    out << "\n";
  }
  return Status::Ok();
}

Status RunPlan(const GovernanceArgs& a, CommandContext& ctx) {
  JOURNEY_ASSIGN_OR_RETURN(auto s, OpenExisting(a.db, *ctx.clock));
  std::optional<Date> given;
  if (!a.as_at.empty()) {
    auto d = Date::Parse(a.as_at);
    if (!d) return d.error().WithContext("--as-at: ");
    given = *d;
  }
  JOURNEY_ASSIGN_OR_RETURN(store::RecordSpan span, store::ReadRecordSpan(*s));
  const Date as_at = given.value_or(store::DefaultAsAt(span, ctx.clock->Today()));
  JOURNEY_ASSIGN_OR_RETURN(engine::Projection p, engine::Projection::Load(*s));
  engine::Timescales ts;
  JOURNEY_ASSIGN_OR_RETURN(auto plan, governance::ReadImprovementPlan(*s, p, ts, as_at));
  std::ostream& out = *ctx.out;
  if (a.json) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& x : plan) {
      rows.push_back({{"id", x.id},
                      {"title", x.title},
                      {"status", x.status},
                      {"due_date", Iso(x.due_date)},
                      {"overdue", x.overdue},
                      {"days_overdue", x.days_overdue},
                      {"indicator", x.indicator},
                      {"target", x.target ? nlohmann::json(*x.target) : nullptr},
                      {"value", x.value ? nlohmann::json(*x.value) : nullptr},
                      {"off_target", x.off_target},
                      {"measure", x.measure_note}});
    }
    out << nlohmann::json{{"as_at", as_at.ToIso()}, {"actions", rows}}.dump(2) << "\n";
    return Status::Ok();
  }
  size_t overdue = 0, off = 0;
  for (const auto& x : plan) {
    overdue += x.overdue;
    off += x.off_target;
  }
  out << fmt::format("Improvement plan as at {}: {} actions, {} overdue, {} measures off target.\n",
                     as_at.ToIso(), plan.size(), overdue, off);
  for (const auto& x : plan) {
    std::string measure;
    if (!x.indicator.empty())
      measure = x.value ? fmt::format("  {} = {:.1f}{} ({})", x.indicator, *x.value,
                                      x.target ? fmt::format(", target {:g}", *x.target) : "",
                                      x.measure_note)
                        : fmt::format("  {}: {}", x.indicator, x.measure_note);
    out << fmt::format("  {:<10} {:<11} {:<60}{}{}\n", Iso(x.due_date), x.status, x.title,
                       x.overdue ? fmt::format("  OVERDUE {} days", x.days_overdue) : "", measure);
  }
  return Status::Ok();
}

}  // namespace

void RegisterGovernanceCommand(CLI::App& app, CommandContext& ctx) {
  CLI::App* g = app.add_subcommand(
      "governance", "Inspections, their judgements and recommendations, and the improvement plan");
  g->require_subcommand(1);
  auto a = std::make_shared<GovernanceArgs>();
  auto run = [&ctx](Status st, const char* what) {
    if (!st.ok()) {
      *ctx.err << "journey governance " << what << ": " << st.ToString() << "\n";
      ctx.exit_code = 1;
    }
  };
  CLI::App* load = g->add_subcommand(
      "load", "Load inspection records from a journey text (default: the demo council's history)");
  load->add_option("--db", a->db, "the database")->required();
  load->add_option("file", a->file, "a journey text of inspections, judgements, recommendations");
  load->callback([a, &ctx, run] { run(RunLoad(*a, ctx), "load"); });
  CLI::App* history =
      g->add_subcommand("history", "Every inspection and its judgements, oldest first");
  history->add_option("--db", a->db, "the database")->required();
  history->add_flag("--json", a->json, "JSON instead of a table");
  history->callback([a, &ctx, run] { run(RunHistory(*a, ctx), "history"); });
  CLI::App* plan = g->add_subcommand(
      "plan", "The improvement plan: actions, overdue ones, and each measure's live value");
  plan->add_option("--db", a->db, "the database")->required();
  plan->add_option("--as-at", a->as_at, "the date (default: the record's last day)");
  plan->add_flag("--json", a->json, "JSON instead of a table");
  plan->callback([a, &ctx, run] { run(RunPlan(*a, ctx), "plan"); });
}

}  // namespace journey::cli
