#include "cli/report_benchmarks.h"

#include <fmt/format.h>

namespace journey::cli {
namespace {

using engine::ReferenceValue;

// As the report shows the council's own figure: counts whole, the rest to one place.
std::string Figure(double v, engine::Unit unit) {
  return unit == engine::Unit::kCount ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v);
}

std::string Shown(const std::optional<ReferenceValue>& v, engine::Unit unit) {
  return v ? fmt::format("{} ({})", Figure(v->value, unit), v->period) : "-";
}

nlohmann::json ValueJson(const std::optional<ReferenceValue>& v) {
  if (!v) return nullptr;
  return {{"value", v->value},     {"period", v->period},  {"start", v->start.ToIso()},
          {"end", v->end.ToIso()}, {"area", v->area_name}, {"source", v->source}};
}

}  // namespace

Result<ReportBenchmarks> ReportBenchmarks::For(std::string_view la_code, bool given) {
  ReportBenchmarks out;
  if (la_code.empty()) {
    out.note_ = "no benchmarks: the record names no council (give --la CODE)";
    return out;
  }
  out.council_ = engine::Benchmarks::Default().FindCouncil(la_code);
  if (out.council_) return out;
  const std::string why = fmt::format(
      "council \"{}\" is not in data/councils.csv (add its DfE LA code, name and region)", la_code);
  if (given) return Err(NotFound(fmt::format("--la {}: {}", la_code, why)));
  out.note_ = "no benchmarks: " + why;
  return out;
}

std::optional<engine::Benchmarks::Comparison> ReportBenchmarks::Compare(std::string_view indicator,
                                                                        Date start,
                                                                        Date end) const {
  if (!council_) return std::nullopt;
  auto c = engine::Benchmarks::Default().Compare(indicator, council_->code, start, end);
  if (!c) return std::nullopt;  // only an unknown council fails, and For() found it
  return std::move(*c);
}

std::string ReportBenchmarks::Text(const std::optional<engine::Benchmarks::Comparison>& c,
                                   engine::Unit unit) const {
  if (!c || (!c->england && !c->region && !c->neighbours_average)) return "";
  std::string out = fmt::format("England {}; {} {}; neighbours {}", Shown(c->england, unit),
                                council_->region_name, Shown(c->region, unit),
                                Shown(c->neighbours_average, unit));
  for (const auto& [n, v] : c->neighbours)
    if (v) out += fmt::format("; {} {}", n.name, Shown(v, unit));
  return out;
}

const std::vector<std::string>& ReportBenchmarks::CsvHeader() {
  static const std::vector<std::string> h = {
      "england", "england_period", "region", "region_period", "neighbours", "neighbours_period"};
  return h;
}

std::vector<std::string> ReportBenchmarks::Csv(
    const std::optional<engine::Benchmarks::Comparison>& c, engine::Unit unit) const {
  std::vector<std::string> out;
  for (const std::optional<ReferenceValue>* v :
       {c ? &c->england : nullptr, c ? &c->region : nullptr,
        c ? &c->neighbours_average : nullptr}) {
    const bool has = v && v->has_value();
    out.push_back(has ? Figure((*v)->value, unit) : "");
    out.push_back(has ? (*v)->period : "");
  }
  return out;
}

nlohmann::json ReportBenchmarks::Json(const engine::Benchmarks::Comparison& c) const {
  nlohmann::json councils = nlohmann::json::array();
  for (const auto& [n, v] : c.neighbours)
    councils.push_back({{"code", n.code}, {"name", n.name}, {"figure", ValueJson(v)}});
  return {{"england", ValueJson(c.england)},
          {"region", ValueJson(c.region)},
          {"neighbours", ValueJson(c.neighbours_average)},
          {"neighbour_councils", councils}};
}

nlohmann::json ReportBenchmarks::CouncilJson() const {
  if (!council_) return nullptr;
  return {{"code", council_->code},
          {"name", council_->name},
          {"region_code", council_->region_code},
          {"region_name", council_->region_name},
          {"neighbours", council_->neighbours}};
}

}  // namespace journey::cli
