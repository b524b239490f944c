// `journey generate`: writes a synthetic council (or several) into a new database.
//
//   journey generate --children 160000 --years 6 --seed 1 --db council.db
//   journey generate --children 12000000 --councils 150 --db england.db
//
// The same options give the same data on any machine (see docs/synth.md). The history ends
// on --as-at (default 31 March 2026, so a run does not depend on today's date).
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "store/store.h"
#include "synth/load.h"
#include "synth/plant.h"

namespace journey::cli {
namespace {

struct GenerateArgs {
  std::string db;
  int64_t children = synth::Options{}.children;
  int years = synth::Options{}.years;
  uint64_t seed = synth::Options{}.seed;
  std::string as_at = synth::Options{}.as_at.ToIso();
  int councils = 1;
  std::string la_code = synth::Options{}.la_code;
  int plant_errors = 0;      // known SSDA903 errors to plant (synth/plant.h)
  int plant_year = 2026;     // the collection year they are planted for
  std::string planted = "";  // where the list of what was planted goes (rule,child,what)
};

// Refuses a database that already holds records: a generated council is written whole,
// and mixing two would make neither what its options say.
Status CheckEmpty(store::Store& s, const std::string& path) {
  int64_t total = 0;
  for (int k = 0; k < model::kKindCount; ++k) {
    JOURNEY_ASSIGN_OR_RETURN(int64_t n, s.Count(static_cast<model::Kind>(k)));
    total += n;
  }
  if (total > 0) {
    return FailedPrecondition(fmt::format(
        "--db {}: the database already holds {} records; generate into a new file (e.g. --db "
        "council2.db) or delete {} first",
        path, total, path));
  }
  return Status::Ok();
}

Status RunGenerate(const GenerateArgs& a, CommandContext& ctx) {
  synth::Options opt;
  opt.children = a.children;
  opt.years = a.years;
  opt.seed = a.seed;
  opt.councils = a.councils;
  opt.la_code = a.la_code;
  Result<Date> as_at = Date::Parse(a.as_at);
  if (!as_at) return as_at.error().WithContext("--as-at: ");
  opt.as_at = *as_at;
  // Check the options before creating a file for them.
  JOURNEY_RETURN_IF_ERROR(synth::CheckOptions(opt));
  JOURNEY_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, store::OpenStore(a.db, *ctx.clock));
  JOURNEY_RETURN_IF_ERROR(CheckEmpty(*s, a.db));
  *ctx.out << fmt::format(
      "Generating {} children in {} council{} with {} years of history to {} (seed {}) into {} "
      "...\n",
      opt.children, opt.councils, opt.councils == 1 ? "" : "s", opt.years, opt.as_at.ToIso(),
      opt.seed, a.db);
  ctx.out->flush();
  synth::Planter planter(a.plant_errors, a.plant_year);
  JOURNEY_ASSIGN_OR_RETURN(synth::LoadReport rep,
                           synth::GenerateIntoStore(opt, *s, a.plant_errors ? &planter : nullptr));
  if (a.plant_errors) {
    const std::string list = a.planted.empty() ? a.db + ".planted.csv" : a.planted;
    std::ofstream f(list, std::ios::binary | std::ios::trunc);
    f << planter.Csv();
    if (!f) return Internal(fmt::format("could not write {}", list));
    *ctx.out << fmt::format("Planted {} known SSDA903 {}/{:02} errors; the list is in {}\n",
                            planter.planted().size(), a.plant_year - 1, a.plant_year % 100, list);
  }
  const double secs = std::max(rep.seconds, 1e-9);
  *ctx.out << fmt::format(
      "Wrote {} records ({} people) in {:.1f} s: {:.0f} records/s.\n"
      "Next: journey stats --db {}\n",
      rep.summary.records, rep.summary.by_kind[static_cast<size_t>(model::Kind::kPerson)], secs,
      static_cast<double>(rep.summary.records) / secs, a.db);
  return Status::Ok();
}

}  // namespace

void RegisterGenerateCommand(CLI::App& app, CommandContext& ctx) {
  auto a = std::make_shared<GenerateArgs>();
  auto* cmd = app.add_subcommand(
      "generate",
      "Generate a deterministic synthetic council (or all of England) into a new database");
  cmd->add_option("--db", a->db,
                  "the database file to create, or a postgresql:// URL (must not hold records)")
      ->required();
  cmd->add_option("--children", a->children,
                  "child population aged 0-17 (England: about 12,000,000)")
      ->capture_default_str();
  cmd->add_option("--years", a->years, "years of history, ending on --as-at")
      ->capture_default_str();
  cmd->add_option("--seed", a->seed, "seed: the same seed gives the same data")
      ->capture_default_str();
  cmd->add_option("--as-at", a->as_at, "the last day of history, YYYY-MM-DD or dd/mm/yyyy")
      ->capture_default_str();
  cmd->add_option("--councils", a->councils,
                  "split the population into this many councils (England: about 150)")
      ->capture_default_str();
  cmd->add_option("--plant-errors", a->plant_errors,
                  "plant this many known SSDA903 errors (each a rule and a child) for testing");
  cmd->add_option("--plant-year", a->plant_year, "the collection year to plant them for")
      ->capture_default_str();
  cmd->add_option("--planted", a->planted, "where to write the list (default DB.planted.csv)");
  cmd->add_option("--la-code", a->la_code,
                  "the first council's 3-digit code (990-999 are unused by the DfE)")
      ->capture_default_str();
  cmd->callback([a, &ctx] {
    Status st = RunGenerate(*a, ctx);
    if (!st.ok()) {
      *ctx.err << "journey generate: " << st.message() << "\n";
      ctx.exit_code = 2;
    }
  });
}

}  // namespace journey::cli
