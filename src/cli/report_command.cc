// `journey report`: indicators for a period and as-at date, broken down, trended and
// drilled down to the child, as a table, CSV or JSON (docs/INDICATORS.md).
//
//   journey report --db council.db --as-at 2026-03-31            # the year to date, all
//   journey report --db council.db --indicators rereferrals_12m --by team,age_band
//   journey report --db council.db --area protection --trend monthly --format csv
//   journey report --list
//
// Each figure is shown beside England's, the region's and the statistical neighbours'
// (report_benchmarks.h), and the record's span applies as in `journey due`: by default as at
// the record's last day, and a period that begins before the record's horizon is flagged
// (or, asked for with --from, refused), since the record lacks what happened before it.
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "base/csv.h"
#include "cli/command.h"
#include "cli/record_span_options.h"
#include "cli/report_benchmarks.h"
#include "engine/indicator_report.h"
#include "engine/projection.h"
#include "engine/timescales.h"
#include "store/db.h"
#include "store/record_span.h"
#include "store/store.h"

namespace journey::cli {
namespace {

struct ReportArgs {
  std::string db;
  std::string from, to, as_at;
  std::vector<std::string> indicators, areas, by, config;
  std::string trend;
  std::string population;
  std::string la;       // empty: the generated council's code in the store, if any
  std::string horizon;  // empty: the store's; "none": no horizon
  std::string format = "table";
  bool children = false;
  bool list = false;
};

Result<Date> ParseOption(std::string_view option, const std::string& text) {
  auto d = Date::Parse(text);
  if (!d) return Err(d.error().WithContext(fmt::format("{}: ", option)));
  return *d;
}

// Counts are whole; every other figure to one decimal place, as the DfE publishes them.
std::string Value(const engine::ReportResult& r, const engine::Cell& c) {
  if (!c.value) return "";
  return r.indicators[c.indicator]->info.unit == engine::Unit::kCount
             ? fmt::format("{:.0f}", *c.value)
             : fmt::format("{:.1f}", *c.value);
}
std::string Number(double v) { return fmt::format("{:.10g}", v); }

std::string Group(const engine::ReportResult& r, const engine::Cell& c) {
  return c.dimension < 0 ? "" : std::string(r.dimensions[static_cast<size_t>(c.dimension)]->id);
}

Status List(const ReportArgs& a, std::ostream& out) {
  const auto& reg = engine::Indicators();
  if (a.format == "json") {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& d : reg.indicators()) {
      const auto& i = d.info;
      rows.push_back(
          {{"id", i.id},
           {"title", i.title},
           {"area", i.area},
           {"unit", engine::UnitName(i.unit)},
           {"period_rule", i.period_rule == engine::PeriodRule::kInPeriod ? "in_period" : "at_end"},
           {"numerator", i.numerator},
           {"denominator", i.denominator},
           {"source", i.source},
           {"differs", i.differs}});
    }
    nlohmann::json dims = nlohmann::json::array();
    for (const auto& d : reg.dimensions()) dims.push_back({{"id", d.id}, {"title", d.title}});
    out << nlohmann::json{{"indicators", rows}, {"breakdowns", dims}}.dump(2) << "\n";
    return Status::Ok();
  }
  if (a.format == "csv") {
    out << "id,area,unit,title\n";
    for (const auto& d : reg.indicators())
      out << CsvLine({std::string(d.info.id), std::string(d.info.area),
                      std::string(engine::UnitName(d.info.unit)), std::string(d.info.title)});
    return Status::Ok();
  }
  out << fmt::format("{:<36} {:<12} {:<12} {}\n", "indicator", "area", "unit", "title");
  for (const auto& d : reg.indicators())
    out << fmt::format("{:<36} {:<12} {:<12} {}\n", d.info.id, d.info.area,
                       engine::UnitName(d.info.unit), d.info.title);
  out << "\nbreakdowns (--by):";
  for (const auto& d : reg.dimensions()) out << " " << d.id;
  out << "\n";
  return Status::Ok();
}

Status RunReport(const ReportArgs& a, CommandContext& ctx) {
  if (a.format != "table" && a.format != "csv" && a.format != "json") {
    return InvalidArgument(
        fmt::format("--format \"{}\" is not a format (allowed: table, csv, json)", a.format));
  }
  if (a.list) return List(a, *ctx.out);
  if (a.db.empty()) return InvalidArgument("--db FILE or URL is required (or --list)");

  engine::TimescaleConfig config;
  for (const std::string& kv : a.config) {
    const size_t eq = kv.find('=');
    if (eq == std::string::npos)
      return InvalidArgument(fmt::format("--config \"{}\": give KEY=VALUE", kv));
    JOURNEY_RETURN_IF_ERROR(config.Set(kv.substr(0, eq), kv.substr(eq + 1)));
  }

  // Indicators: named ones, and every one of the named areas.
  engine::ReportRequest req;
  req.indicators = a.indicators;
  for (const std::string& area : a.areas) {
    bool any = false;
    std::vector<std::string> areas;
    for (const auto& d : engine::Indicators().indicators()) {
      if (d.info.area == area) {
        req.indicators.emplace_back(d.info.id);
        any = true;
      }
      if (std::find(areas.begin(), areas.end(), d.info.area) == areas.end())
        areas.emplace_back(d.info.area);
    }
    if (!any)
      return NotFound(
          fmt::format("--area \"{}\" is not an area (allowed: {})", area, fmt::join(areas, ", ")));
  }
  req.dimensions = a.by;

  auto opened = store::OpenStore(a.db, *ctx.clock, /*must_exist=*/true);
  if (!opened) return opened.error().WithContext("--db ");
  std::unique_ptr<store::Store> s = std::move(*opened);
  JOURNEY_ASSIGN_OR_RETURN(store::RecordSpan span, store::ReadRecordSpan(*s));
  JOURNEY_ASSIGN_OR_RETURN(config.horizon, HorizonOption(span, a.horizon));
  const std::optional<Date> horizon = config.horizon;

  std::string la = a.la;
  if (la.empty()) {
    JOURNEY_ASSIGN_OR_RETURN(auto meta, s->GetMeta("generator.la_code"));
    if (meta) la = *meta;
  }
  JOURNEY_ASSIGN_OR_RETURN(ReportBenchmarks bench, ReportBenchmarks::For(la, !a.la.empty()));

  // The as-at date: given, else the period's end, else the record's last day (or today).
  Date as_at = ctx.clock->Today();
  if (!a.as_at.empty()) {
    JOURNEY_ASSIGN_OR_RETURN(as_at, ParseOption("--as-at", a.as_at));
  } else if (!a.to.empty()) {
    JOURNEY_ASSIGN_OR_RETURN(as_at, ParseOption("--to", a.to));
  } else {
    as_at = DefaultAsAtNoted(span, ctx.clock->Today(), "journey report", a.db, *ctx.err);
  }
  if (!a.trend.empty()) {
    if (!a.from.empty() || !a.to.empty())
      return InvalidArgument("give either --trend or --from/--to, not both");
    JOURNEY_ASSIGN_OR_RETURN(req.periods, engine::TrendPeriods(a.trend, as_at));
  } else {
    engine::Period p = engine::YearTo(as_at);
    if (!a.from.empty()) {
      JOURNEY_ASSIGN_OR_RETURN(p.start, ParseOption("--from", a.from));
    }
    if (!a.to.empty()) {
      JOURNEY_ASSIGN_OR_RETURN(p.end, ParseOption("--to", a.to));
    }
    if (!a.from.empty() || !a.to.empty()) p.label.clear();
    // A period asked for outright may not begin before the record does; one chosen by
    // default (the year to date) is flagged below like a trend's early periods.
    if (horizon && !a.from.empty() && p.start < *horizon) {
      return InvalidArgument(fmt::format(
          "--from {}: the record in {} is complete only from {} (its horizon), so figures "
          "for a period starting earlier would count what it lacks (give --from {} or later, "
          "or --horizon none to report it anyway)",
          p.start.ToIso(), db::Connection::Shown(a.db), horizon->ToIso(), horizon->ToIso()));
    }
    req.periods = {p};
  }
  req.as_at = as_at;
  // Periods that begin before the record's horizon: their figures count only what the
  // record holds from the horizon on.
  auto before_horizon = [&](const engine::Period& per) { return horizon && per.start < *horizon; };

  std::optional<engine::Population> population;
  std::string population_note;
  if (!a.population.empty()) {
    JOURNEY_ASSIGN_OR_RETURN(population, engine::Population::FromFile(a.population));
  } else {
    JOURNEY_ASSIGN_OR_RETURN(auto children, s->GetMeta("generator.children"));
    int64_t n = 0;
    if (children) n = std::strtoll(children->c_str(), nullptr, 10);
    if (n > 0) {
      population = engine::Population::Even(n);
      population_note = fmt::format("population: {} children (the generator's), spread evenly", n);
    } else {
      population_note = "no population: rates show counts only (give --population FILE)";
    }
  }
  req.population = population ? &*population : nullptr;

  JOURNEY_ASSIGN_OR_RETURN(engine::Projection p, engine::Projection::Load(*s));
  engine::Timescales ts(config);
  JOURNEY_ASSIGN_OR_RETURN(engine::ReportResult r, engine::ComputeIndicators(p, ts, req));

  std::ostream& out = *ctx.out;
  auto children_of = [&](const engine::Cell& c) {
    return fmt::format("{}", fmt::join(r.DrillDown(c), " "));
  };
  if (a.format == "json") {
    nlohmann::json periods = nlohmann::json::array();
    for (const auto& per : r.periods)
      periods.push_back({{"label", per.label},
                         {"start", per.start.ToIso()},
                         {"end", per.end.ToIso()},
                         {"before_horizon", before_horizon(per)}});
    nlohmann::json inds = nlohmann::json::array();
    for (const auto* d : r.indicators)
      inds.push_back({{"id", d->info.id},
                      {"title", d->info.title},
                      {"area", d->info.area},
                      {"unit", engine::UnitName(d->info.unit)}});
    nlohmann::json cells = nlohmann::json::array();
    for (const engine::Cell& c : r.cells) {
      nlohmann::json j = {{"indicator", r.indicators[c.indicator]->info.id},
                          {"period", r.periods[c.period].label},
                          {"breakdown", Group(r, c)},
                          {"group", c.label},
                          {"value", c.value ? nlohmann::json(*c.value) : nlohmann::json()},
                          {"numerator", c.numerator},
                          {"denominator", c.denominator},
                          {"cases", c.cases}};
      if (c.dimension < 0) {
        const auto& per = r.periods[c.period];
        auto cmp = bench.Compare(r.indicators[c.indicator]->info.id, per.start, per.end);
        j["benchmarks"] = cmp ? bench.Json(*cmp) : nlohmann::json();
      }
      if (a.children) j["children"] = r.DrillDown(c);
      cells.push_back(std::move(j));
    }
    out << nlohmann::json{{"as_at", r.as_at.ToIso()},
                          {"horizon", horizon ? nlohmann::json(horizon->ToIso()) : nullptr},
                          {"council", bench.CouncilJson()},
                          {"periods", periods},
                          {"indicators", inds},
                          {"cells", cells}}
               .dump(2)
        << "\n";
    return Status::Ok();
  }
  if (a.format == "csv") {
    out << "indicator,unit,period,period_start,period_end,as_at,before_horizon,breakdown,group,"
           "value,numerator,denominator,cases,"
        << fmt::format("{}", fmt::join(ReportBenchmarks::CsvHeader(), ","))
        << (a.children ? ",children\n" : "\n");
    for (const engine::Cell& c : r.cells) {
      const auto& info = r.indicators[c.indicator]->info;
      const auto& per = r.periods[c.period];
      std::vector<std::string> row = {std::string(info.id),
                                      std::string(engine::UnitName(info.unit)),
                                      per.label,
                                      per.start.ToIso(),
                                      per.end.ToIso(),
                                      r.as_at.ToIso(),
                                      before_horizon(per) ? "true" : "false",
                                      Group(r, c),
                                      c.label,
                                      Value(r, c),
                                      Number(c.numerator),
                                      Number(c.denominator),
                                      std::to_string(c.cases)};
      std::optional<engine::Benchmarks::Comparison> cmp;
      if (c.dimension < 0) cmp = bench.Compare(info.id, per.start, per.end);
      for (std::string& f : bench.Csv(cmp, info.unit)) row.push_back(std::move(f));
      if (a.children) row.push_back(children_of(c));
      out << CsvLine(row);
    }
    return Status::Ok();
  }
  out << fmt::format("As at {}; {}.\n", r.as_at.ToIso(),
                     population_note.empty() ? "population from --population" : population_note);
  if (horizon) {
    out << fmt::format("The record is complete from {}", horizon->ToIso());
    bool any = false;
    for (const auto& per : r.periods) any = any || before_horizon(per);
    out << (any ? ": periods marked * begin earlier, and count only what it holds from then.\n"
                : ".\n");
  }
  if (bench.council()) {
    out << fmt::format(
        "Beside each figure: England, {} and {}'s statistical neighbours "
        "(published figures, their period in brackets).\n",
        bench.council()->region_name, bench.council()->name);
  } else {
    out << bench.note() << ".\n";
  }
  uint32_t last = UINT32_MAX;
  for (const engine::Cell& c : r.cells) {
    const auto& info = r.indicators[c.indicator]->info;
    if (c.indicator != last) {
      last = c.indicator;
      out << fmt::format("\n{} ({}): {}\n", info.id, engine::UnitName(info.unit), info.title);
    }
    const std::string group =
        c.dimension < 0 ? "all" : fmt::format("  {}: {}", Group(r, c), c.label);
    const auto& per = r.periods[c.period];
    out << fmt::format("  {:<20} {:<34} {:>9} {:>12} {:>12}",
                       per.label + (before_horizon(per) ? " *" : ""), group,
                       c.value ? Value(r, c) : "-", Number(c.numerator), Number(c.denominator));
    if (c.dimension < 0) {
      const std::string b = bench.Text(bench.Compare(info.id, per.start, per.end), info.unit);
      if (!b.empty()) out << "  " << b;
    }
    if (a.children) out << "  children: " << children_of(c);
    out << "\n";
  }
  return Status::Ok();
}

// "a,b" and repeated options both give a list.
std::vector<std::string> SplitCommas(const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const std::string& s : in) {
    std::stringstream ss(s);
    std::string part;
    while (std::getline(ss, part, ','))
      if (!part.empty()) out.push_back(part);
  }
  return out;
}

}  // namespace

void RegisterReportCommand(CLI::App& app, CommandContext& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "report", "Indicators for a period and as-at date: broken down, trended, drilled down");
  auto a = std::make_shared<ReportArgs>();
  cmd->add_option("--db", a->db, "database file, or postgresql://user@host:port/db");
  cmd->add_option("--from", a->from,
                  "period start, YYYY-MM-DD or dd/mm/yyyy (default: 1 April of the as-at "
                  "date's collection year)");
  cmd->add_option("--to", a->to, "period end (default: the as-at date)");
  cmd->add_option("--as-at", a->as_at,
                  "what is known: nothing dated later is seen (default: --to, else the "
                  "generator's date, else today)");
  cmd->add_option("--indicators", a->indicators, "indicator ids, comma-separated (default: all)");
  cmd->add_option("--area", a->areas, "every indicator of these areas, comma-separated");
  cmd->add_option("--by", a->by,
                  "breakdowns, comma-separated: team, worker, age_band, sex, ethnicity, "
                  "disability, category, ...");
  cmd->add_option("--trend", a->trend, "weekly (13 weeks), monthly (12 months), yearly (6 years)");
  cmd->add_option("--population", a->population,
                  "population CSV (age,sex,count; 36 rows) for rates per 10,000");
  cmd->add_option("--config", a->config, "a timescale setting KEY=VALUE (repeatable)");
  cmd->add_option("--la", a->la,
                  "the council's DfE LA code, for England, region and neighbour figures "
                  "(default: the generated council's)");
  cmd->add_option("--horizon", a->horizon,
                  "the first day the record is complete (default the record's horizon; "
                  "none: no horizon)");
  cmd->add_option("--format", a->format, "table, csv or json (default table)");
  cmd->add_flag("--children", a->children, "list the children behind each figure");
  cmd->add_flag("--list", a->list, "list the indicators and breakdowns");
  cmd->callback([a, &ctx] {
    ReportArgs args = *a;
    args.indicators = SplitCommas(a->indicators);
    args.areas = SplitCommas(a->areas);
    args.by = SplitCommas(a->by);
    Status s = RunReport(args, ctx);
    if (!s.ok()) {
      *ctx.err << "journey report: " << s.message() << "\n";
      ctx.exit_code = s.code() == StatusCode::kInvalidArgument ? 2 : 1;
    }
  });
}

}  // namespace journey::cli
