// `journey demo`: a synthetic council to explore. Generates the default council into
// journey.db (unless it is already there), says what it holds, then serves the web
// application over it with a demo sign-in for each role (unless --no-serve).
#include <fmt/format.h>

#include <filesystem>

#include "cli/command.h"
#include "governance/inspections.h"
#include "server/server.h"
#include "store/store.h"
#include "synth/load.h"

namespace journey::cli {

void AddServeOptions(CLI::App* cmd, server::ServeOptions& o);  // serve_command.cc

namespace {

struct DemoArgs {
  std::string db = "journey.db";
  int64_t children = 160000;
  int years = 6;
  uint64_t seed = 1;
  bool no_serve = false;
  server::ServeOptions serve;
};

// Counts the records of `kind` whose `end_field` is empty: what is open now.
Result<int64_t> CountOpen(store::Store& s, model::Kind kind, std::string_view end_field) {
  const int f = model::FieldOf(kind, end_field);
  int64_t n = 0;
  JOURNEY_RETURN_IF_ERROR(s.Scan(kind, [&](const model::Record& r) {
    if (model::IsNull(r.Get(f))) ++n;
    return Status::Ok();
  }));
  return n;
}

Status Summarise(const DemoArgs& a, CommandContext& ctx) {
  std::ostream& out = *ctx.out;
  const bool existed = std::filesystem::exists(a.db);
  JOURNEY_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s,
                           store::OpenSqliteStore(a.db, *ctx.clock));
  JOURNEY_ASSIGN_OR_RETURN(int64_t people, s->Count(model::Kind::kPerson));
  if (people == 0) {
    synth::Options opt;
    opt.children = a.children;
    opt.years = a.years;
    opt.seed = a.seed;
    opt.as_at = ctx.clock->Today();
    out << fmt::format(
        "Generating a synthetic council of {} children with {} years of history "
        "into {} ...\n",
        opt.children, opt.years, a.db);
    out.flush();
    JOURNEY_ASSIGN_OR_RETURN(synth::LoadReport rep, synth::GenerateIntoStore(opt, *s));
    out << fmt::format("Wrote {} records in {:.1f} s ({:.0f} records/s).\n", rep.summary.records,
                       rep.seconds, rep.summary.records / std::max(rep.seconds, 1e-9));
    JOURNEY_ASSIGN_OR_RETURN(people, s->Count(model::Kind::kPerson));
  } else {
    out << fmt::format("Using the council already in {}{}.\n", a.db,
                       existed ? "" : " (just created)");
  }
  // The demo council's inspection history: the five Ofsted reports, entered as data.
  JOURNEY_ASSIGN_OR_RETURN(
      int64_t history,
      governance::LoadOfstedHistory(*s, store::Actor{"journey demo", "", "command line"}));
  if (history > 0)
    out << fmt::format("Loaded the inspection history (five Ofsted reports, {} records).\n",
                       history);
  JOURNEY_ASSIGN_OR_RETURN(auto as_at, s->GetMeta("generator.as_at"));
  JOURNEY_ASSIGN_OR_RETURN(int64_t referrals, s->Count(model::Kind::kReferral));
  JOURNEY_ASSIGN_OR_RETURN(int64_t assessments, s->Count(model::Kind::kAssessment));
  JOURNEY_ASSIGN_OR_RETURN(int64_t contacts, s->Count(model::Kind::kContact));
  JOURNEY_ASSIGN_OR_RETURN(int64_t workers, s->Count(model::Kind::kWorker));
  JOURNEY_ASSIGN_OR_RETURN(int64_t cla_open, CountOpen(*s, model::Kind::kClaPeriod, "end_date"));
  JOURNEY_ASSIGN_OR_RETURN(int64_t cp_open, CountOpen(*s, model::Kind::kCpPlan, "end_date"));
  JOURNEY_ASSIGN_OR_RETURN(int64_t cin_open, CountOpen(*s, model::Kind::kReferral, "closure_date"));
  out << fmt::format(
      "\nThe council in {} (history to {}):\n"
      "  people on record          {:>9}\n"
      "  staff                     {:>9}\n"
      "  contacts                  {:>9}\n"
      "  referrals                 {:>9}\n"
      "  assessments               {:>9}\n"
      "  open child in need cases  {:>9}\n"
      "  on a protection plan now  {:>9}\n"
      "  looked after now          {:>9}\n",
      a.db, as_at.value_or("?"), people, workers, contacts, referrals, assessments, cin_open,
      cp_open, cla_open);
  out << fmt::format(
      "\nNext: `journey stats --db {0}` for every kind and the rates against England's;\n"
      "      `journey calendar --from 2026-12-23 --add 3` for working days.\n",
      a.db);
  return Status::Ok();
}

Status RunDemo(DemoArgs& a, CommandContext& ctx) {
  JOURNEY_RETURN_IF_ERROR(Summarise(a, ctx));  // the store is closed again before serving
  if (a.no_serve) return Status::Ok();
  *ctx.out << "\n";
  a.serve.app.db_path = a.db;
  a.serve.demo_users = true;
  return server::Serve(a.serve, *ctx.clock, *ctx.out);
}

}  // namespace

void RegisterDemoCommand(CLI::App& app, CommandContext& ctx) {
  auto args = std::make_shared<DemoArgs>();
  auto* cmd = app.add_subcommand("demo", "Generate (if needed) and show a synthetic council");
  cmd->add_option("--db", args->db, "database file")->capture_default_str();
  cmd->add_option("--children", args->children, "child population when generating")
      ->capture_default_str();
  cmd->add_option("--years", args->years, "years of history when generating")
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "generator seed")->capture_default_str();
  cmd->add_flag("--no-serve", args->no_serve, "generate and summarise only; do not serve");
  AddServeOptions(cmd, args->serve);
  cmd->callback([args, &ctx] {
    Status st = RunDemo(*args, ctx);
    if (!st.ok()) {
      *ctx.err << "journey demo: " << st.message() << "\n";
      ctx.exit_code = 2;
    }
  });
}

}  // namespace journey::cli
