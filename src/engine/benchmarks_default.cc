// The embedded reference data, checked against the indicator registry once.
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>

#include "base/embedded.h"
#include "engine/benchmarks.h"
#include "engine/indicator.h"

namespace journey::engine {

IndicatorCheck RegisteredIndicators() {
  return IndicatorCheck{[](std::string_view id) -> std::optional<std::string> {
    const IndicatorDef* d = Indicators().Find(id);
    if (!d) return std::nullopt;
    return std::string(UnitName(d->info.unit));
  }};
}

Result<Benchmarks> LoadEmbeddedBenchmarks() {
  Benchmarks b;
  auto text = [](std::string_view path) -> Result<std::string_view> {
    auto t = embedded::Find(path);
    if (!t) return Err(NotFound(fmt::format("{} is not compiled in", path)));
    return *t;
  };
  JOURNEY_ASSIGN_OR_RETURN(std::string_view councils, text("data/councils.csv"));
  JOURNEY_RETURN_IF_ERROR(b.AddCouncils(councils, "data/councils.csv"));
  JOURNEY_ASSIGN_OR_RETURN(std::string_view neighbours, text("data/statistical_neighbours.csv"));
  JOURNEY_RETURN_IF_ERROR(b.AddNeighbours(neighbours, "data/statistical_neighbours.csv"));
  const IndicatorCheck check = RegisteredIndicators();
  for (std::string_view path : embedded::List()) {
    if (path.rfind("data/benchmarks_", 0) != 0 || path.find("_pending") != std::string_view::npos)
      continue;
    JOURNEY_ASSIGN_OR_RETURN(std::string_view t, text(path));
    JOURNEY_RETURN_IF_ERROR(b.AddReference(t, path, &check));
  }
  return b;
}

const Benchmarks& Benchmarks::Default() {
  // The data is compiled in and tested (benchmarks_test.cc), so a failure here is a build
  // that skipped its tests: say so plainly rather than serve partial figures.
  static const Benchmarks* b = [] {
    auto r = LoadEmbeddedBenchmarks();
    if (!r) {
      std::fprintf(stderr, "journey: the embedded benchmark data is invalid: %s\n",
                   r.error().ToString().c_str());
      std::abort();
    }
    return new Benchmarks(std::move(*r));
  }();
  return *b;
}

}  // namespace journey::engine
