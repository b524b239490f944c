// File-driven golden tests of the indicators (after DuckDB's sqllogictest): each file in
// testdata/indicators/ is a small hand-written journey in the journey text form, with
// directive lines the runner reads and the journey parser never sees:
//
//   population N            an even population of N children (Population::Even)
//   config KEY=VALUE        a timescale setting (TimescaleConfig::Set)
//   by DIM DIM ...          breakdowns to compute (their cells are compared too)
//   period START END        starts a block: the figures for that period ...
//   as_at DATE              ... as at that date (default: the period's end) ...
//   expect <cell>           ... are exactly these cells, for the indicators named
//
// A cell is written as FormatCell writes it:
//   ID [DIM=LABEL] num=N den=D value=V children=ID,ID in_numerator=ID,ID
// Every cell of every indicator named in a block must be expected (none missing, none
// extra). Each file is also computed from a projection given each child by ReplaceChild
// (twice, and once more then compacted), with the children split over three threads, and
// the straightforward way (ReportRequest::straightforward), which must all give exactly the
// same cells.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/indicator_report.h"
#include "model/journey_text.h"
#include "model/kinds.h"

namespace journey::engine {
namespace {

namespace fs = std::filesystem;

struct Block {
  Period period;
  Date as_at;
  int line = 0;
  std::vector<std::string> expected;
  std::set<std::string> ids;
};

struct Golden {
  std::string journey;
  TimescaleConfig config;
  std::optional<Population> population;
  std::vector<std::string> dims;
  std::vector<Block> blocks;
};

std::string Num(double v) { return fmt::format("{:.6g}", v); }

std::string Ids(const std::vector<int32_t>& ids) {
  return ids.empty() ? "-" : fmt::format("{}", fmt::join(ids, ","));
}

std::string FormatCell(const ReportResult& r, const Cell& c) {
  std::string s(r.indicators[c.indicator]->info.id);
  if (c.dimension >= 0)
    s += fmt::format(" [{}={}]", r.dimensions[static_cast<size_t>(c.dimension)]->id, c.label);
  s += fmt::format(" num={} den={} value={} children={} in_numerator={}", Num(c.numerator),
                   Num(c.denominator), c.value ? fmt::format("{:.1f}", *c.value) : "-",
                   Ids(r.DrillDown(c)), Ids(r.DrillDown(c, true)));
  return s;
}

Result<Golden> ReadGolden(const fs::path& path) {
  std::ifstream in(path);
  if (!in) return Err(NotFound(fmt::format("{}: cannot be read", path.string())));
  Golden g;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    auto where = [&](std::string_view what) {
      return InvalidArgument(fmt::format("{} line {}: {}", path.filename().string(), n, what));
    };
    auto starts = [&](std::string_view word) { return line.rfind(word, 0) == 0; };
    if (starts("population ")) {
      g.population = Population::Even(std::stoll(line.substr(11)));
      line.clear();
    } else if (starts("config ")) {
      const std::string kv = line.substr(7);
      const size_t eq = kv.find('=');
      if (eq == std::string::npos) return Err(where("config needs KEY=VALUE"));
      Status s = g.config.Set(kv.substr(0, eq), kv.substr(eq + 1));
      if (!s.ok()) return Err(where(s.message()));
      line.clear();
    } else if (starts("by ")) {
      std::istringstream words(line.substr(3));
      std::string d;
      while (words >> d) g.dims.push_back(d);
      line.clear();
    } else if (starts("period ")) {
      std::istringstream words(line.substr(7));
      std::string a, b;
      words >> a >> b;
      auto s = Date::ParseIso(a);
      auto e = Date::ParseIso(b);
      if (!s || !e) return Err(where("period needs START END (YYYY-MM-DD)"));
      g.blocks.push_back(Block{Period{*s, *e, ""}, *e, n, {}, {}});
      line.clear();
    } else if (starts("as_at ")) {
      if (g.blocks.empty()) return Err(where("as_at before any period"));
      auto d = Date::ParseIso(line.substr(6));
      if (!d) return Err(where(d.error().message()));
      g.blocks.back().as_at = *d;
      line.clear();
    } else if (starts("expect ")) {
      if (g.blocks.empty()) return Err(where("expect before any period"));
      std::string e = line.substr(7);
      g.blocks.back().ids.insert(e.substr(0, e.find(' ')));
      g.blocks.back().expected.push_back(e);
      line.clear();
    }
    g.journey += line + "\n";
  }
  if (g.blocks.empty())
    return Err(InvalidArgument(fmt::format("{}: no period block", path.string())));
  return g;
}

Result<std::vector<std::string>> Actual(const Projection& p, const Golden& g, const Block& b,
                                        int threads = 1, bool straightforward = false) {
  Timescales ts(g.config);
  ReportRequest req;
  req.threads = threads;
  req.straightforward = straightforward;
  req.indicators.assign(b.ids.begin(), b.ids.end());
  req.dimensions = g.dims;
  req.periods = {b.period};
  req.as_at = b.as_at;
  req.population = g.population ? &*g.population : nullptr;
  JOURNEY_ASSIGN_OR_RETURN(ReportResult r, ComputeIndicators(p, ts, req));
  std::vector<std::string> out;
  for (const Cell& c : r.cells) out.push_back(FormatCell(r, c));
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<fs::path> GoldenFiles() {
  std::vector<fs::path> files;
  for (const auto& e :
       fs::directory_iterator(fs::path(JOURNEY_SOURCE_DIR) / "src/engine/testdata/indicators"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

class GoldenIndicators : public testing::TestWithParam<fs::path> {};

TEST_P(GoldenIndicators, FiguresAsExpected) {
  const fs::path& path = GetParam();
  auto g = ReadGolden(path);
  ASSERT_TRUE(g) << g.error().ToString();
  auto text = model::ParseJourneyText(g->journey, path.filename().string());
  ASSERT_TRUE(text) << text.error().ToString();
  for (const auto& [id, child] : text->children) {
    Status s = model::ValidateChild(child);
    EXPECT_TRUE(s.ok()) << path.filename() << ": the journey is not valid: " << s.ToString();
  }
  auto full = Projection::FromText(*text);
  ASSERT_TRUE(full) << full.error().ToString();

  model::JourneyText bare = *text;
  for (auto& [id, child] : bare.children)
    for (int k = 1; k < model::kKindCount; ++k) child.by_kind[static_cast<size_t>(k)].clear();
  auto incremental = Projection::FromText(bare);
  ASSERT_TRUE(incremental);
  for (int round = 0; round < 2; ++round)
    for (const auto& [id, child] : text->children)
      ASSERT_TRUE(incremental->ReplaceChild(child).ok());
  auto compacted = Projection::FromText(bare);
  ASSERT_TRUE(compacted);
  for (const auto& [id, child] : text->children) ASSERT_TRUE(compacted->ReplaceChild(child).ok());
  compacted->CompactAll();

  for (const Block& b : g->blocks) {
    std::vector<std::string> expected = b.expected;
    std::sort(expected.begin(), expected.end());
    auto actual = Actual(*full, *g, b);
    ASSERT_TRUE(actual) << path.filename().string() << " line " << b.line << ": "
                        << actual.error().ToString();
    EXPECT_EQ(*actual, expected) << path.filename().string() << " line " << b.line
                                 << ": actual cells:\n  "
                                 << fmt::format("{}", fmt::join(*actual, "\n  "));
    // The children split over three threads (shares of one child or none): the same cells.
    auto split = Actual(*full, *g, b, 3);
    ASSERT_TRUE(split);
    EXPECT_EQ(*split, *actual) << path.filename().string() << " line " << b.line
                               << ": differs with the children split over threads";
    auto plain = Actual(*full, *g, b, 1, true);
    ASSERT_TRUE(plain);
    EXPECT_EQ(*plain, *actual) << path.filename().string() << " line " << b.line
                               << ": the fast path differs from the straightforward one";
    auto inc = Actual(*incremental, *g, b);
    ASSERT_TRUE(inc);
    EXPECT_EQ(*inc, *actual) << path.filename().string() << " line " << b.line
                             << ": incremental update differs";
    auto comp = Actual(*compacted, *g, b);
    ASSERT_TRUE(comp);
    EXPECT_EQ(*comp, *actual) << path.filename().string() << " line " << b.line
                              << ": differs after compaction";
  }
}

INSTANTIATE_TEST_SUITE_P(Files, GoldenIndicators, testing::ValuesIn(GoldenFiles()),
                         [](const testing::TestParamInfo<fs::path>& info) {
                           std::string name = info.param.stem().string();
                           for (char& c : name)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(GoldenIndicators, EveryIndicatorHasAGoldenFile) {
  std::string all;
  for (const fs::path& f : GoldenFiles()) {
    std::ifstream in(f);
    all += std::string(std::istreambuf_iterator<char>(in), {});
  }
  for (const IndicatorDef& d : Indicators().indicators()) {
    EXPECT_NE(all.find(fmt::format("expect {} ", d.info.id)), std::string::npos)
        << "no golden test expects a figure of " << d.info.id;
  }
}

// docs/INDICATORS.md's catalogue is generated from the registry (so each definition is
// written once, beside its code): this test fails when it is out of date and writes the
// up-to-date file to the temporary directory (INDICATORS.md) to copy over.
std::string Catalogue() {
  std::vector<std::pair<fs::path, std::string>> files;
  for (const fs::path& f : GoldenFiles()) {
    std::ifstream in(f);
    files.emplace_back(f, std::string(std::istreambuf_iterator<char>(in), {}));
  }
  std::string out;
  std::string_view area;
  for (const IndicatorDef& d : Indicators().indicators()) {
    const IndicatorInfo& i = d.info;
    if (i.area != area) {
      area = i.area;
      out += fmt::format("\n### Area `{}`\n", area);
    }
    std::vector<std::string> golden;
    for (const auto& [path, text] : files)
      if (text.find(fmt::format("expect {} ", i.id)) != std::string::npos)
        golden.push_back(fmt::format("`testdata/indicators/{}`", path.filename().string()));
    out += fmt::format("\n#### `{}`: {}\n\n", i.id, i.title);
    out += fmt::format(
        "- Unit: {}; period rule: {}; records: {}{}.\n", UnitName(i.unit),
        i.period_rule == PeriodRule::kInPeriod ? "in the period" : "at the end of the period",
        model::KindName(i.record_kind),
        i.category_field.empty()
            ? ""
            : fmt::format("; category: {}.{}", model::KindName(i.category_kind), i.category_field));
    out += fmt::format("- Numerator: {}.\n", i.numerator);
    out += fmt::format("- Denominator: {}.\n", i.denominator);
    out += fmt::format("- Source: {}.\n", i.source);
    if (!i.differs.empty()) out += fmt::format("- Differs from common practice: {}\n", i.differs);
    out += fmt::format("- Golden test: {}.\n", fmt::join(golden, ", "));
  }
  return out;
}

TEST(IndicatorDocs, CatalogueUpToDate) {
  constexpr std::string_view kMarker = "<!-- catalogue: generated by indicators_golden_test -->\n";
  const fs::path doc = fs::path(JOURNEY_SOURCE_DIR) / "docs/INDICATORS.md";
  std::ifstream in(doc);
  const std::string text(std::istreambuf_iterator<char>(in), {});
  const size_t at = text.find(kMarker);
  const std::string head = at == std::string::npos ? text + "\n" + std::string(kMarker)
                                                   : text.substr(0, at + kMarker.size());
  const std::string want = head + Catalogue();
  if (text != want) {
    const fs::path out = fs::temp_directory_path() / "INDICATORS.md";
    std::ofstream(out) << want;
    ADD_FAILURE() << "docs/INDICATORS.md's catalogue is out of date: copy " << out.string()
                  << " over it";
  }
}

}  // namespace
}  // namespace journey::engine
