// `journey due`: what is due and overdue as at a date, for a worker, a team or the whole
// council (the engine's DueIndex over a projection loaded from the store).
//
//   journey due --db journey.db --worker 7 --as-at 2026-03-31 --within 14
//   journey due --db journey.db --council --format csv
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/command.h"
#include "cli/record_span_options.h"
#include "engine/due.h"
#include "engine/projection.h"
#include "engine/timescales.h"
#include "store/record_span.h"
#include "store/store.h"

namespace journey::cli {
namespace {

struct DueArgs {
  std::string db;
  int64_t worker = 0;
  int64_t team = 0;
  bool council = false;
  std::string as_at;
  std::string horizon;  // empty: the store's; "none": no horizon
  int within = 7;
  std::string format = "table";
};

std::string Day(int32_t d) { return d == engine::kNoDay ? "" : Date::FromDays(d).ToIso(); }

Status CheckExists(store::Store& s, model::Kind kind, int64_t id, std::string_view option) {
  JOURNEY_ASSIGN_OR_RETURN(auto r, s.Get(kind, id));
  if (!r) {
    return NotFound(
        fmt::format("{} {}: there is no {} {} in the store (give the id of a current "
                    "{})",
                    option, id, model::KindName(kind), id, model::KindName(kind)));
  }
  return Status::Ok();
}

Status RunDue(const DueArgs& a, CommandContext& ctx) {
  const int scopes = (a.worker != 0) + (a.team != 0) + (a.council ? 1 : 0);
  if (scopes != 1) {
    return InvalidArgument("give exactly one of --worker ID, --team ID or --council");
  }
  if (a.format != "table" && a.format != "csv" && a.format != "json") {
    return InvalidArgument(
        fmt::format("--format \"{}\" is not a format (allowed: table, csv, json)", a.format));
  }
  if (a.within < -1 || a.within > 3660) {
    return InvalidArgument(fmt::format(
        "--within {} is out of range (allowed: 0 to 3660 days, or -1 for overdue only)", a.within));
  }
  std::optional<Date> given_as_at;
  if (!a.as_at.empty()) {
    auto d = Date::Parse(a.as_at);
    if (!d) return d.error().WithContext("--as-at: ");
    given_as_at = *d;
  }
  auto opened = store::OpenStore(a.db, *ctx.clock, /*must_exist=*/true);
  if (!opened) return opened.error().WithContext("--db ");
  std::unique_ptr<store::Store> s = std::move(*opened);
  JOURNEY_ASSIGN_OR_RETURN(store::RecordSpan span, store::ReadRecordSpan(*s));
  engine::TimescaleConfig config;
  JOURNEY_ASSIGN_OR_RETURN(config.horizon, HorizonOption(span, a.horizon));
  const Date as_at =
      given_as_at ? *given_as_at
                  : DefaultAsAtNoted(span, ctx.clock->Today(), "journey due", a.db, *ctx.err);
  engine::DueQuery q;
  q.within_days = a.within;
  if (a.worker) {
    JOURNEY_RETURN_IF_ERROR(CheckExists(*s, model::Kind::kWorker, a.worker, "--worker"));
    q.scope = engine::DueScope::kWorker;
    q.id = static_cast<int32_t>(a.worker);
  } else if (a.team) {
    JOURNEY_RETURN_IF_ERROR(CheckExists(*s, model::Kind::kTeam, a.team, "--team"));
    q.scope = engine::DueScope::kTeam;
    q.id = static_cast<int32_t>(a.team);
  }
  JOURNEY_ASSIGN_OR_RETURN(engine::Projection p, engine::Projection::Load(*s));
  engine::Timescales ts(config);
  engine::DueIndex index(p, ts, as_at);
  const std::vector<engine::DueItem> items = index.List(q);

  std::ostream& out = *ctx.out;
  if (a.format == "json") {
    nlohmann::json rows = nlohmann::json::array();
    for (const engine::DueItem& i : items) {
      const engine::Obligation& o = i.obligation;
      const engine::RuleInfo& info = engine::Info(o.rule);
      rows.push_back({{"status", i.overdue() ? "overdue" : "due"},
                      {"days", i.overdue() ? -i.days_to_due : i.days_to_due},
                      {"due", Day(o.due)},
                      {"rule", info.code},
                      {"what", info.title},
                      {"child", o.child},
                      {"from", fmt::format("{} {}", model::KindName(o.from_kind), o.from_id)},
                      {"clock_started", Day(o.start)},
                      {"worker", o.worker},
                      {"team", o.team}});
    }
    nlohmann::json doc{{"as_at", as_at.ToIso()}, {"within_days", a.within}, {"items", rows}};
    doc["horizon"] = config.horizon ? nlohmann::json(config.horizon->ToIso()) : nullptr;
    out << doc.dump(2) << "\n";
    return Status::Ok();
  }
  if (a.format == "csv") {
    out << "status,days,due,rule,child,from_kind,from_id,clock_started,worker,team\n";
    for (const engine::DueItem& i : items) {
      const engine::Obligation& o = i.obligation;
      out << fmt::format("{},{},{},{},{},{},{},{},{},{}\n", i.overdue() ? "overdue" : "due",
                         i.overdue() ? -i.days_to_due : i.days_to_due, Day(o.due),
                         engine::Info(o.rule).code, o.child, model::KindName(o.from_kind),
                         o.from_id, Day(o.start), o.worker, o.team);
    }
    return Status::Ok();
  }
  size_t overdue = 0;
  for (const engine::DueItem& i : items) overdue += i.overdue();
  out << fmt::format("As at {}: {} overdue, {} due within {} days.\n", as_at.ToIso(), overdue,
                     items.size() - overdue, std::max(a.within, 0));
  if (config.horizon) {
    out << fmt::format(
        "The record is complete from {}: duties whose clock started earlier are "
        "not listed.\n",
        config.horizon->ToIso());
  }
  if (items.empty()) return Status::Ok();
  out << fmt::format("{:<8} {:>5}  {:<10}  {:<22} {:>8}  {:<26} {:>7} {:>6}\n", "status", "days",
                     "due", "rule", "child", "clock started by", "worker", "team");
  for (const engine::DueItem& i : items) {
    const engine::Obligation& o = i.obligation;
    out << fmt::format(
        "{:<8} {:>5}  {:<10}  {:<22} {:>8}  {:<26} {:>7} {:>6}\n", i.overdue() ? "overdue" : "due",
        i.overdue() ? -i.days_to_due : i.days_to_due, Day(o.due), engine::Info(o.rule).code,
        o.child, fmt::format("{} {}", model::KindName(o.from_kind), o.from_id), o.worker, o.team);
  }
  return Status::Ok();
}

}  // namespace

void RegisterDueCommand(CLI::App& app, CommandContext& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "due", "Due and overdue work as at a date, for a worker, a team or the council");
  auto a = std::make_shared<DueArgs>();
  cmd->add_option("--db", a->db, "database file, or postgresql://user@host:port/db")->required();
  cmd->add_option("--worker", a->worker, "a worker's id: their caseload's due work");
  cmd->add_option("--team", a->team, "a team's id");
  cmd->add_flag("--council", a->council, "the whole council");
  cmd->add_option("--as-at", a->as_at,
                  "the date to look from, YYYY-MM-DD or dd/mm/yyyy (default today, or the "
                  "record's last day when it ends before today)");
  cmd->add_option("--horizon", a->horizon,
                  "list no duty whose clock started before this date (default the record's "
                  "horizon; none: no horizon)");
  cmd->add_option("--within", a->within,
                  "also list what falls due within this many days (default 7; -1: overdue only)");
  cmd->add_option("--format", a->format, "table, csv or json (default table)");
  cmd->callback([a, &ctx] {
    Status s = RunDue(*a, ctx);
    if (!s.ok()) {
      *ctx.err << "journey due: " << s.message() << "\n";
      ctx.exit_code = s.code() == StatusCode::kInvalidArgument ? 2 : 1;
    }
  });
}

}  // namespace journey::cli
