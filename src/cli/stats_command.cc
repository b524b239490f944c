// `journey stats`: what a database holds. Counts every kind of record (including those
// with none), then, for a generated council, the rates it shows beside the published
// figures for England it was calibrated to (synth/targets.cc), with their sources.
//
//   journey stats --db council.db
//   journey stats --db import.db --population 161000 --as-at 2016-03-31
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "cli/command.h"
#include "store/store.h"
#include "synth/rates.h"

namespace journey::cli {
namespace {

struct StatsArgs {
  std::string db;
  int64_t population = 0;  // 0: from the generator's options in the store
  std::string as_at;       // empty: likewise
};

// The kinds the rates are computed from.
constexpr model::Kind kRateKinds[] = {
    model::Kind::kPerson,
    model::Kind::kContact,
    model::Kind::kReferral,
    model::Kind::kAssessment,
    model::Kind::kStrategyDiscussion,
    model::Kind::kSection47Enquiry,
    model::Kind::kCpConference,
    model::Kind::kCpPlan,
    model::Kind::kClaPeriod,
    model::Kind::kClaEpisode,
    model::Kind::kPlacement,
    model::Kind::kImmigrationStatus,
    model::Kind::kCareLeaverStatus,
    model::Kind::kMissingEpisode,
    model::Kind::kReturnInterview,
    model::Kind::kWorker,
    model::Kind::kAllocation,
};

Status PrintCounts(store::Store& s, std::ostream& out) {
  int64_t total = 0;
  out << "Records by kind:\n";
  for (int k = 0; k < model::kKindCount; ++k) {
    const auto kind = static_cast<model::Kind>(k);
    JOURNEY_ASSIGN_OR_RETURN(int64_t n, s.Count(kind));
    total += n;
    out << fmt::format("  {:<30} {:>12}\n", model::KindName(kind), n);
  }
  out << fmt::format("  {:<30} {:>12}\n\n", "total", total);
  return Status::Ok();
}

std::string Tolerance(const synth::Target& t) {
  if (t.value == 0) return "";
  if (t.relative) return fmt::format("±{:.0f}%", t.tolerance * 100);
  return fmt::format("±{:g}", t.tolerance);
}

Status PrintRates(store::Store& s, Date as_at, int64_t population, std::ostream& out) {
  synth::RateCollector rates(as_at, population);
  for (model::Kind k : kRateKinds) {
    JOURNEY_RETURN_IF_ERROR(s.Scan(k, [&](const model::Record& r) {
      rates.Add(r);
      return Status::Ok();
    }));
  }
  out << fmt::format(
      "Rates for the year {} to {} (flows in the year, stocks on its last day), per 10,000 of "
      "{} children; shares in %:\n",
      rates.year_start().ToIso(), rates.year_end().ToIso(), population);
  out << fmt::format("  {:<72} {:>8} {:>10} {:>9} {:>8}  {}\n", "", "unit", "generated", "target",
                     "tolerance", "source");
  std::map<std::string_view, int> sources;
  int outside = 0;
  for (const synth::RateRow& r : rates.Compute()) {
    const synth::Target& t = *r.target;
    auto [it, added] = sources.try_emplace(t.source, static_cast<int>(sources.size()) + 1);
    const bool ok = r.within();
    outside += !ok;
    out << fmt::format("  {:<72} {:>8} {:>10.1f} {:>9} {:>8}  [{}]{}\n", t.label, t.unit, r.value,
                       t.value == 0 ? std::string("-") : fmt::format("{:.1f}", t.value),
                       Tolerance(t), it->second, ok ? "" : "  outside the tolerance");
  }
  out << "\nSources (all targets approximate):\n";
  std::vector<std::string_view> by_number(sources.size());
  for (const auto& [text, n] : sources) by_number[static_cast<size_t>(n - 1)] = text;
  for (size_t i = 0; i < by_number.size(); ++i)
    out << fmt::format("  [{}] {}\n", i + 1, by_number[i]);
  if (outside > 0) out << fmt::format("\n{} rate(s) outside their tolerance.\n", outside);
  return Status::Ok();
}

Status RunStats(const StatsArgs& a, CommandContext& ctx) {
  if (!store::IsDatabaseUrl(a.db) && !std::filesystem::exists(a.db)) {
    return NotFound(fmt::format(
        "--db {}: no such database (create one with `journey generate --db {}`)", a.db, a.db));
  }
  JOURNEY_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, store::OpenStore(a.db, *ctx.clock));
  std::ostream& out = *ctx.out;
  JOURNEY_ASSIGN_OR_RETURN(auto seed, s->GetMeta("generator.seed"));
  JOURNEY_ASSIGN_OR_RETURN(auto children, s->GetMeta("generator.children"));
  JOURNEY_ASSIGN_OR_RETURN(auto years, s->GetMeta("generator.years"));
  JOURNEY_ASSIGN_OR_RETURN(auto as_at_meta, s->GetMeta("generator.as_at"));
  if (seed) {
    out << fmt::format(
        "{}: a synthetic council generated with seed {}, {} children, {} years of history to "
        "{}.\n\n",
        a.db, *seed, children.value_or("?"), years.value_or("?"), as_at_meta.value_or("?"));
  }
  JOURNEY_RETURN_IF_ERROR(PrintCounts(*s, out));
  int64_t population = a.population;
  if (population == 0 && children) population = std::stoll(*children);
  std::string as_at_text = !a.as_at.empty() ? a.as_at : as_at_meta.value_or("");
  if (population <= 0 || as_at_text.empty()) {
    out << "No rates: the database does not say its child population and date (give --population "
           "and --as-at).\n";
    return Status::Ok();
  }
  Result<Date> as_at = Date::Parse(as_at_text);
  if (!as_at) return as_at.error().WithContext("--as-at: ");
  return PrintRates(*s, *as_at, population, out);
}

}  // namespace

void RegisterStatsCommand(CLI::App& app, CommandContext& ctx) {
  auto a = std::make_shared<StatsArgs>();
  auto* cmd = app.add_subcommand(
      "stats", "Count the records by kind, and compare a council's rates with England's");
  cmd->add_option("--db", a->db, "the database file")->required();
  cmd->add_option("--population", a->population,
                  "child population for the rates (default: the generator's, from the database)");
  cmd->add_option("--as-at", a->as_at, "the date the rates are for (default: the generator's)");
  cmd->callback([a, &ctx] {
    Status st = RunStats(*a, ctx);
    if (!st.ok()) {
      *ctx.err << "journey stats: " << st.message() << "\n";
      ctx.exit_code = 2;
    }
  });
}

}  // namespace journey::cli
