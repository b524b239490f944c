// Reference data: the loader's errors, the comparison, and the data files themselves.
#include "engine/benchmarks.h"

#include <gtest/gtest.h>

#include "base/embedded.h"
#include "engine/indicator.h"

namespace journey::engine {
namespace {

const char kHeader[] =
    "indicator,area_code,area_name,area_type,period,value,unit,figure,source,note\n";
const char kCouncils[] =
    "la_code,la_name,region_code,region_name,source\n"
    "901,Alpha,E12000004,East Midlands,test\n902,Beta,E12000004,East Midlands,test\n"
    "903,Gamma,E12000005,West Midlands,test\n";
const char kNeighbours[] = "la_code,rank,neighbour_code,source\n901,2,903,test\n901,1,902,test\n";

IndicatorCheck TestIndicators() {
  return IndicatorCheck{[](std::string_view id) -> std::optional<std::string> {
    if (id == "cp_rate") return "per_10k";
    if (id == "timely") return "percent";
    return std::nullopt;
  }};
}

Benchmarks Loaded(const std::string& rows) {
  Benchmarks b;
  EXPECT_TRUE(b.AddCouncils(kCouncils, "councils.csv").ok());
  EXPECT_TRUE(b.AddNeighbours(kNeighbours, "neighbours.csv").ok());
  const IndicatorCheck check = TestIndicators();
  Status s = b.AddReference(std::string(kHeader) + rows, "ref.csv", &check);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return b;
}

std::string Error(const std::string& rows, bool checked = true) {
  Benchmarks b;
  const IndicatorCheck check = TestIndicators();
  Status s = b.AddReference(std::string(kHeader) + rows, "ref.csv", checked ? &check : nullptr);
  EXPECT_FALSE(s.ok()) << rows;
  EXPECT_TRUE(b.values().empty()) << "a refused file must add nothing";
  return s.message();
}

TEST(ReferencePeriod, YearsAndRanges) {
  auto fy = ParseReferencePeriod("2014-15");
  ASSERT_TRUE(fy);
  EXPECT_EQ(fy->first, Date::FromYmd(2014, 4, 1));
  EXPECT_EQ(fy->second, Date::FromYmd(2015, 3, 31));
  auto cy = ParseReferencePeriod("2015");
  ASSERT_TRUE(cy);
  EXPECT_EQ(cy->second, Date::FromYmd(2015, 12, 31));
  auto r = ParseReferencePeriod("2011-04-01..2014-03-31");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first, Date::FromYmd(2011, 4, 1));
  for (const char* bad :
       {"2014-16", "14-15", "2014/15", "2014-03-31..2011-04-01", "2015-02-29..2015-03-01", ""})
    EXPECT_FALSE(ParseReferencePeriod(bad)) << bad;
}

TEST(ReferenceData, ErrorsNameFileRowColumnValueAndWhatIsAllowed) {
  EXPECT_EQ(Error("cp_rate,E92000001,England,england,2014-15,4x,per_10k,value,Report para 1,\n"),
            "ref.csv row 2, column value: \"4x\" is not allowed (a number of zero or more, with a "
            "point for decimals: 42.9)");
  EXPECT_NE(Error("nope,E92000001,England,england,2014-15,4,per_10k,value,Report para 1,\n")
                .find("row 2, column indicator: \"nope\" is not allowed (the id of a registered"),
            std::string::npos);
  EXPECT_NE(Error("cp_rate,E92000001,England,england,2014-15,4,percent,value,Report para 1,\n")
                .find("column unit: \"percent\" is not allowed (per_10k, the unit of indicator "
                      "cp_rate)"),
            std::string::npos);
  EXPECT_NE(Error("cp_rate,E92000001,England,county,2014-15,4,per_10k,value,Report para 1,\n")
                .find("column area_type: \"county\""),
            std::string::npos);
  EXPECT_NE(Error("cp_rate,E12000004,England,england,2014-15,4,per_10k,value,Report para 1,\n")
                .find("column area_code: \"E12000004\" is not allowed (E92000001 for england)"),
            std::string::npos);
  EXPECT_NE(Error("timely,E92000001,England,england,2014-15,101,percent,value,Report para 1,\n")
                .find("a percentage from 0 to 100"),
            std::string::npos);
  EXPECT_NE(Error("cp_rate,E92000001,England,england,2014-16,4,per_10k,value,Report para 1,\n")
                .find("ref.csv row 2, column period: \"2014-16\" is not a period"),
            std::string::npos);
  EXPECT_NE(Error("cp_rate,E92000001,England,england,2014-15,4,per_10k,goal,Report para 1,\n")
                .find("value, threshold or target"),
            std::string::npos);
  // The second row repeats the first: both rows are refused together.
  EXPECT_NE(Error("cp_rate,E92000001,England,england,2014-15,4,per_10k,value,Report para 1,\n"
                  "cp_rate,E92000001,England,england,2014-15,5,per_10k,value,Report para 2,\n")
                .find("row 3, column indicator"),
            std::string::npos);
  // Without a registry check any id is taken, but its form is still checked.
  EXPECT_NE(
      Error("Bad Id,E92000001,England,england,2014-15,4,per_10k,value,Report para 1,\n", false)
          .find("lower-case letters"),
      std::string::npos);
  Benchmarks b;
  EXPECT_NE(b.AddReference("indicator,area_code\n", "short.csv", nullptr)
                .message()
                .find("short.csv: the header has no column \"area_name\""),
            std::string::npos);
}

TEST(ReferenceData, CouncilBesideEnglandRegionAndNeighbours) {
  Benchmarks b = Loaded(
      "cp_rate,E92000001,England,england,2014-15,42.9,per_10k,value,Report para 25,\n"
      "cp_rate,E92000001,England,england,2013-14,37.9,per_10k,value,Report para 24,\n"
      "cp_rate,E12000004,East Midlands,region,2014-15,38.1,per_10k,value,Release table A,\n"
      "cp_rate,SN-901,Alpha's neighbours,statistical_neighbours,2014-15,41.3,per_10k,value,"
      "Report para 25,\n"
      "cp_rate,902,Beta,local_authority,2014-15,30.0,per_10k,value,Release table B,\n"
      "cp_rate,E92000001,England,england,2014-15,50,per_10k,target,Plan page 3,\n");
  auto c = b.Compare("cp_rate", "901", Date::FromYmd(2014, 4, 1), Date::FromYmd(2015, 3, 31));
  ASSERT_TRUE(c) << c.error().ToString();
  ASSERT_TRUE(c->england);
  EXPECT_EQ(c->england->value, 42.9);
  ASSERT_TRUE(c->region);
  EXPECT_EQ(c->region->value, 38.1);
  ASSERT_TRUE(c->neighbours_average);
  EXPECT_EQ(c->neighbours_average->value, 41.3);
  ASSERT_EQ(c->neighbours.size(), 2u);  // in rank order
  EXPECT_EQ(c->neighbours[0].first.code, "902");
  ASSERT_TRUE(c->neighbours[0].second);
  EXPECT_EQ(c->neighbours[0].second->value, 30.0);
  EXPECT_EQ(c->neighbours[1].first.code, "903");
  EXPECT_FALSE(c->neighbours[1].second);  // none published
  ASSERT_EQ(c->thresholds.size(), 1u);
  EXPECT_EQ(c->thresholds[0].value, 50);

  // A period with no exact figure: the latest published before its end, with its period.
  auto later = b.Compare("cp_rate", "901", Date::FromYmd(2015, 4, 1), Date::FromYmd(2015, 9, 30));
  ASSERT_TRUE(later && later->england);
  EXPECT_EQ(later->england->period, "2014-15");
  // Nothing published by the period's end: nothing shown.
  auto early = b.Compare("cp_rate", "901", Date::FromYmd(2013, 1, 1), Date::FromYmd(2013, 12, 31));
  ASSERT_TRUE(early);
  EXPECT_FALSE(early->england);
  auto unknown = b.Compare("cp_rate", "999", Date::FromYmd(2014, 4, 1), Date::FromYmd(2015, 3, 31));
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message().find("council \"999\" is not in data/councils.csv"),
            std::string::npos);
}

TEST(ReferenceData, NeighbourListsNameKnownCouncils) {
  Benchmarks b;
  ASSERT_TRUE(b.AddCouncils(kCouncils, "councils.csv").ok());
  Status s = b.AddNeighbours("la_code,rank,neighbour_code,source\n901,1,904,test\n", "n.csv");
  EXPECT_EQ(s.message(),
            "n.csv row 2, column neighbour_code: \"904\" is not allowed (a council listed in "
            "data/councils.csv)");
  s = b.AddNeighbours("la_code,rank,neighbour_code,source\n901,1,902,t\n901,1,903,t\n", "n.csv");
  EXPECT_NE(s.message().find("row 3, column rank"), std::string::npos);
}

// The shipped data: every row of data/benchmarks_*.csv (not the pending file) names a
// registered indicator with its unit, and every file loads.
TEST(ReferenceData, ShippedFilesLoadAndNameRegisteredIndicators) {
  auto b = LoadEmbeddedBenchmarks();
  ASSERT_TRUE(b) << b.error().ToString();
  EXPECT_FALSE(b->values().empty());
  for (const ReferenceValue& v : b->values())
    EXPECT_NE(Indicators().Find(v.indicator), nullptr) << v.file << " row " << v.row;
  // Rows waiting for their indicator to be registered: well formed, each with a source.
  auto pending = embedded::Find("data/benchmarks_ofsted_pending.csv");
  ASSERT_TRUE(pending);
  Benchmarks p;
  Status s = p.AddReference(*pending, "data/benchmarks_ofsted_pending.csv", nullptr);
  EXPECT_TRUE(s.ok()) << s.ToString();
  const Council* n = b->FindCouncil("928");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->region_name, "East Midlands");
}

}  // namespace
}  // namespace journey::engine
