// The framework's parts outside the golden files: the population table, trend periods,
// errors and the registry's checks.
#include <gtest/gtest.h>

#include <string>

#include "engine/indicator_report.h"
#include "engine/population.h"

namespace journey::engine {
namespace {

std::string FullCsv(int count) {
  std::string s = "age,sex,count\n";
  for (int a = 0; a < 18; ++a)
    s += std::to_string(a) + ",M," + std::to_string(count) + "\n" + std::to_string(a) + ",F," +
         std::to_string(count) + "\n";
  return s;
}

TEST(Population, LoadsAllAgesAndSexes) {
  auto p = Population::FromCsv(FullCsv(100), "pop.csv");
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(p->Total(), 3600);
  EXPECT_EQ(p->Ages(1, 4), 800);
  EXPECT_EQ(p->Sex(1), 1800);
  EXPECT_EQ(p->At(18, 0), 0);
}

TEST(Population, ErrorsNameFileLineFieldAndValue) {
  auto missing = Population::FromCsv("age,sex,count\n0,M,1\n", "pop.csv");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message().find("pop.csv: no row for age 0 sex F"), std::string::npos)
      << missing.error().message();
  std::string twice = FullCsv(1) + "3,F,2\n";
  auto dup = Population::FromCsv(twice, "pop.csv");
  ASSERT_FALSE(dup);
  EXPECT_NE(dup.error().message().find("pop.csv line 38: age 3 sex F is given twice (also on "
                                       "line 9)"),
            std::string::npos)
      << dup.error().message();
  auto age = Population::FromCsv("age,sex,count\n18,M,1\n", "pop.csv");
  ASSERT_FALSE(age);
  EXPECT_NE(age.error().message().find("line 2: age \"18\" is not allowed"), std::string::npos);
  auto count = Population::FromCsv("age,sex,count\n1,M,-5\n", "pop.csv");
  ASSERT_FALSE(count);
  EXPECT_NE(count.error().message().find("count \"-5\" is not allowed"), std::string::npos);
  auto header = Population::FromCsv("years,sex,n\n", "pop.csv");
  ASSERT_FALSE(header);
  EXPECT_NE(header.error().message().find("the header must have the columns age, sex and count"),
            std::string::npos);
  EXPECT_FALSE(Population::FromCsv(FullCsv(0), "pop.csv"));  // no one: no rate
}

TEST(Population, EvenSpread) {
  const Population p = Population::Even(36000);
  EXPECT_DOUBLE_EQ(p.Total(), 36000);
  EXPECT_DOUBLE_EQ(p.Age(7), 2000);
  EXPECT_NEAR(p.Sex(0), 18432, 1e-6);
}

TEST(TrendPeriods, WeeklyMonthlyYearly) {
  const Date as_at = Date::FromYmd(2024, 3, 15);
  auto w = TrendPeriods("weekly", as_at);
  ASSERT_TRUE(w);
  ASSERT_EQ(w->size(), 13u);
  EXPECT_EQ(w->back().end, as_at);
  EXPECT_EQ(w->back().start, Date::FromYmd(2024, 3, 9));
  EXPECT_EQ(w->front().start, Date::FromYmd(2023, 12, 16));
  auto m = TrendPeriods("monthly", as_at);
  ASSERT_TRUE(m);
  ASSERT_EQ(m->size(), 12u);
  EXPECT_EQ(m->front().start, Date::FromYmd(2023, 4, 1));
  EXPECT_EQ((*m)[10].end, Date::FromYmd(2024, 2, 29));  // a leap year's February
  EXPECT_EQ(m->back().end, as_at);                      // cut at the as-at date
  auto y = TrendPeriods("yearly", as_at);
  ASSERT_TRUE(y);
  ASSERT_EQ(y->size(), 6u);
  EXPECT_EQ(y->back().label, "2023-24");
  EXPECT_EQ(y->front().start, Date::FromYmd(2018, 4, 1));
  EXPECT_FALSE(TrendPeriods("daily", as_at));
}

TEST(Registry, IdsAreUniqueAndClosestFindsTypos) {
  const IndicatorRegistry& r = Indicators();
  EXPECT_NE(r.Find("rereferrals_12m"), nullptr);
  EXPECT_EQ(r.Closest("rereferals_12m").front(), "rereferrals_12m");
  EXPECT_EQ(r.Closest("icpc_within").front(), "icpc_within_15wd");
  EXPECT_NE(r.FindDimension("age_band"), nullptr);
}

}  // namespace
}  // namespace journey::engine
