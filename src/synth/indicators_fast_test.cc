// The engine's fast paths against the straightforward computation on a generated council
// (issue 3: speed work must never change a figure). The projection is streamed from the
// generator (ProjectionSink) and checked against one built from the records held in memory;
// the indicators, with every breakdown, computed the fast way (children skipped per
// indicator, keys memoised per child, children split over threads) and the straightforward
// way (every indicator for every child, every case keyed on its own, one thread) must give
// the same cells, field for field, and the same cases.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "engine/indicator_report.h"
#include "synth/generator.h"
#include "synth/projection_sink.h"

namespace journey::synth {
namespace {

using engine::Case;
using engine::Cell;
using engine::ReportRequest;
using engine::ReportResult;

Options Council() {
  Options opt;
  opt.children = 12000;
  opt.years = 3;
  opt.seed = 7;
  return opt;
}

engine::Projection Streamed() {
  ProjectionSink sink;
  auto summary = Generate(Council(), sink);
  EXPECT_TRUE(summary) << summary.error().ToString();
  auto p = std::move(sink.builder).Finish();
  EXPECT_TRUE(p) << p.error().ToString();
  return std::move(*p);
}

std::vector<std::string> Cells(const ReportResult& r) {
  std::vector<std::string> out;
  for (const Cell& c : r.cells) {
    out.push_back(fmt::format("{} {} {} {} {} {:a} {:a} {} {}", c.indicator, c.period, c.dimension,
                              c.key, c.label, c.numerator, c.denominator,
                              c.value ? fmt::format("{:a}", *c.value) : "-", c.cases));
  }
  return out;
}

// Each indicator's cases with their keys, in a set order (threads may join cases about
// no child in another order).
std::vector<std::string> Cases(const ReportResult& r) {
  std::vector<std::string> out;
  const size_t nd = r.dimensions.size();
  for (size_t i = 0; i < r.cases.size(); ++i)
    for (size_t c = 0; c < r.cases[i].size(); ++c) {
      const Case& x = r.cases[i][c];
      std::string s = fmt::format("{} {} {} {} {} {:a} {} {} {}", i, x.child, x.record, x.day,
                                  x.worker, x.value, x.period, x.category, x.numerator);
      for (size_t d = 0; d < nd; ++d) s += fmt::format(" {}", r.keys[i][c * nd + d]);
      out.push_back(std::move(s));
    }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(IndicatorsFast, SameFiguresAsStraightforwardOnGeneratedCouncil) {
  const engine::Projection p = Streamed();
  ASSERT_GT(p.Stats().records, 50000u);
  engine::Timescales ts;
  const Options opt = Council();
  const engine::Population pop = engine::Population::Even(opt.children);
  for (const char* trend : {"", "monthly"}) {
    ReportRequest req;
    req.as_at = opt.as_at;
    req.periods = *trend ? *engine::TrendPeriods(trend, opt.as_at)
                         : std::vector<engine::Period>{engine::YearTo(opt.as_at)};
    req.population = &pop;
    for (const auto& d : engine::Indicators().dimensions()) req.dimensions.emplace_back(d.id);
    ReportRequest plain = req;
    plain.straightforward = true;
    auto want = engine::ComputeIndicators(p, ts, plain);
    ASSERT_TRUE(want) << want.error().ToString();
    for (int threads : {1, 2, 3}) {
      req.threads = threads;
      auto got = engine::ComputeIndicators(p, ts, req);
      ASSERT_TRUE(got) << got.error().ToString();
      EXPECT_EQ(Cells(*got), Cells(*want)) << trend << " threads " << threads;
      EXPECT_EQ(Cases(*got), Cases(*want)) << trend << " threads " << threads;
    }
  }
}

TEST(IndicatorsFast, StreamedProjectionEqualsOneFromRecords) {
  MemorySink kept;
  ASSERT_TRUE(Generate(Council(), kept));
  model::JourneyText text;
  text.organisation = kept.org;
  for (auto& c : kept.children) text.children.emplace(c.child_id, c);
  auto from_text = engine::Projection::FromText(text);
  ASSERT_TRUE(from_text) << from_text.error().ToString();
  const engine::Projection streamed = Streamed();
  EXPECT_EQ(streamed.Stats().records, from_text->Stats().records);
  engine::Timescales ts;
  ReportRequest req;
  req.as_at = Council().as_at;
  req.periods = {engine::YearTo(req.as_at)};
  for (const auto& d : engine::Indicators().dimensions()) req.dimensions.emplace_back(d.id);
  auto a = engine::ComputeIndicators(streamed, ts, req);
  auto b = engine::ComputeIndicators(*from_text, ts, req);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(Cells(*a), Cells(*b));
  EXPECT_EQ(Cases(*a), Cases(*b));
}

}  // namespace
}  // namespace journey::synth
