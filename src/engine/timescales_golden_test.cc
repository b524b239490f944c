// File-driven golden tests of the timescale rules (after DuckDB's sqllogictest): each file
// in testdata/timescales/ is a small hand-written journey in the journey text form, with
// directives the runner reads and the journey parser never sees:
//
//   config KEY=VALUE      a local-policy setting (TimescaleConfig::Set)
//   rules CODE CODE ...   compare only these rules' obligations (default: all)
//   as_at YYYY-MM-DD      starts a block: the obligations as at that date ...
//   expect <obligation>   ... are exactly these lines (FormatObligation's form), any order
//   expect none           ... or there are none
//
// Each file is also checked incrementally: a projection loaded without the children's
// records, then given each child by ReplaceChild (twice, and once more then compacted),
// must give exactly the same obligations.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/timescales.h"
#include "model/journey_text.h"

namespace journey::engine {
namespace {

namespace fs = std::filesystem;

struct Block {
  Date as_at;
  int line = 0;
  std::vector<std::string> expected;
};

struct Golden {
  std::string journey;  // the file with directive lines blanked (line numbers kept)
  TimescaleConfig config;
  std::vector<Rule> rules;
  std::vector<Block> blocks;
};

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
    if (starts("config ")) {
      const std::string kv = line.substr(7);
      const size_t eq = kv.find('=');
      if (eq == std::string::npos) return Err(where("config needs KEY=VALUE"));
      Status s = g.config.Set(kv.substr(0, eq), kv.substr(eq + 1));
      if (!s.ok()) return Err(where(s.message()));
      line.clear();
    } else if (starts("rules ")) {
      std::istringstream words(line.substr(6));
      std::string code;
      while (words >> code) {
        auto r = RuleByCode(code);
        if (!r) return Err(where(fmt::format("\"{}\" is not a rule code", code)));
        g.rules.push_back(*r);
      }
      line.clear();
    } else if (starts("as_at ")) {
      auto d = Date::ParseIso(line.substr(6));
      if (!d) return Err(where(d.error().message()));
      g.blocks.push_back(Block{*d, n, {}});
      line.clear();
    } else if (starts("expect ")) {
      if (g.blocks.empty()) return Err(where("expect before any as_at"));
      std::string e = line.substr(7);
      if (e != "none") g.blocks.back().expected.push_back(e);
      line.clear();
    }
    g.journey += line + "\n";
  }
  if (g.blocks.empty())
    return Err(InvalidArgument(fmt::format("{}: no as_at block", path.string())));
  return g;
}

std::vector<std::string> Actual(const Projection& p, const Golden& g, Date as_at) {
  Timescales ts(g.config);
  std::vector<std::string> out;
  for (const Obligation& o : ts.ForAll(p, as_at)) {
    if (!g.rules.empty() && std::find(g.rules.begin(), g.rules.end(), o.rule) == g.rules.end())
      continue;
    out.push_back(FormatObligation(o));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<fs::path> GoldenFiles() {
  std::vector<fs::path> files;
  for (const auto& e :
       fs::directory_iterator(fs::path(JOURNEY_SOURCE_DIR) / "src/engine/testdata/timescales"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

class GoldenTimescales : public testing::TestWithParam<fs::path> {};

TEST_P(GoldenTimescales, ObligationsAsExpected) {
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

  // The same journey, arrived at by replacing each child in a projection that first had
  // only the people and the organisation.
  model::JourneyText bare = *text;
  for (auto& [id, child] : bare.children)
    for (int k = 1; k < model::kKindCount; ++k) child.by_kind[static_cast<size_t>(k)].clear();
  auto incremental = Projection::FromText(bare);
  ASSERT_TRUE(incremental);
  for (const auto& [id, child] : text->children) ASSERT_TRUE(incremental->ReplaceChild(child).ok());
  for (const auto& [id, child] : text->children) ASSERT_TRUE(incremental->ReplaceChild(child).ok());
  // And once more after compacting the tombstones away.
  auto compacted = Projection::FromText(bare);
  ASSERT_TRUE(compacted);
  for (const auto& [id, child] : text->children) ASSERT_TRUE(compacted->ReplaceChild(child).ok());
  compacted->CompactAll();

  for (const Block& b : g->blocks) {
    std::vector<std::string> expected = b.expected;
    std::sort(expected.begin(), expected.end());
    const std::vector<std::string> actual = Actual(*full, *g, b.as_at);
    EXPECT_EQ(actual, expected) << path.filename().string() << " line " << b.line << " (as_at "
                                << b.as_at.ToIso() << "): actual obligations:\n  "
                                << fmt::format("{}", fmt::join(actual, "\n  "));
    EXPECT_EQ(Actual(*incremental, *g, b.as_at), actual)
        << path.filename().string() << " line " << b.line << ": incremental update differs";
    EXPECT_EQ(Actual(*compacted, *g, b.as_at), actual)
        << path.filename().string() << " line " << b.line << ": differs after compaction";
    // Each rule alone, over views holding only the kinds KindsFor names, gives exactly its
    // obligations of the full computation (what indicators asking for a few rules rely on).
    const Timescales ts(g->config);
    const std::vector<Obligation> all = ts.ForAll(*full, b.as_at);
    for (const RuleInfo& info : AllRules()) {
      if (info.rule == Rule::kSupervision) continue;  // not a child's rule
      std::vector<Obligation> alone, want;
      full->ForEachChild(Timescales::KindsFor({info.rule}), [&](const ChildView& v) {
        ts.ForChild(*full, v, b.as_at, &alone, false, {info.rule});
      });
      for (const Obligation& o : all)
        if (o.rule == info.rule && o.child != 0) want.push_back(o);
      std::sort(alone.begin(), alone.end());
      std::sort(want.begin(), want.end());
      EXPECT_EQ(alone, want) << path.filename().string() << " line " << b.line << ": " << info.code
                             << " computed alone differs";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Files, GoldenTimescales, testing::ValuesIn(GoldenFiles()),
                         [](const testing::TestParamInfo<fs::path>& info) {
                           std::string name = info.param.stem().string();
                           for (char& c : name)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(GoldenTimescales, EveryRuleHasAGoldenFile) {
  std::string all;
  for (const fs::path& f : GoldenFiles()) {
    std::ifstream in(f);
    all += std::string(std::istreambuf_iterator<char>(in), {});
  }
  for (const RuleInfo& r : AllRules()) {
    EXPECT_NE(all.find(fmt::format("expect {} ", r.code)), std::string::npos)
        << "no golden test expects an obligation of " << r.code;
  }
}

}  // namespace
}  // namespace journey::engine
