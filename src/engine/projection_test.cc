#include "engine/projection.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "base/clock.h"
#include "model/journey_text.h"
#include "store/store.h"

namespace journey::engine {
namespace {

using model::ParseJourneyText;

constexpr std::string_view kJourney = R"(
team 3 name="Team A" service=CP_CIN
worker 7 name="Ann Example" role=SW team_id=3 start_date=2020-01-06
person 1 la_child_id=C1 birth_date=2015-03-02 sex=F
person 2 la_child_id=C2 birth_date=2016-05-01 sex=M
visit 2 child=1 visit_type=CP visit_date=2024-02-01 seen=true
visit 1 child=1 visit_type=CP visit_date=2024-01-10 seen=false
visit 3 child=2 visit_type=CIN visit_date=2024-01-05
referral 4 child=2 referral_date=2024-01-02 received_at=2024-01-02T10:00
)";

model::JourneyText Parse(std::string_view text) {
  auto j = ParseJourneyText(text, "test.txt");
  EXPECT_TRUE(j) << j.error().ToString();
  return *j;
}

TEST(Projection, ColumnsHoldDaysCodesRefsAndBools) {
  auto p = Projection::FromText(Parse(kJourney));
  ASSERT_TRUE(p) << p.error().ToString();
  const KindTable& v = p->table(Kind::kVisit);
  const int date = model::FieldOf(Kind::kVisit, "visit_date");
  const int type = model::FieldOf(Kind::kVisit, "visit_type");
  const int seen = model::FieldOf(Kind::kVisit, "seen");
  RowRange r = v.RowsOf(1);
  ASSERT_EQ(r.size(), 2u);
  // Sorted by date within the child, not by id.
  EXPECT_EQ(v.id(r.begin), 1);
  EXPECT_EQ(v.Day(date, r.begin), Date::FromYmd(2024, 1, 10).days());
  EXPECT_EQ(v.Code(type, r.begin), v.CodeValue(type, "CP"));
  EXPECT_EQ(v.CodeText(type, v.Code(type, r.begin)), "CP");
  EXPECT_EQ(v.Bool(seen, r.begin), 0);
  EXPECT_EQ(v.Bool(seen, r.begin + 1), 1);
  EXPECT_EQ(v.Bool(seen, v.RowsOf(2).begin), -1);
  EXPECT_TRUE(v.RowsOf(9).empty());
  EXPECT_EQ(p->WorkerTeam(7), 3);
  const KindTable& ref = p->table(Kind::kReferral);
  const int received = model::FieldOf(Kind::kReferral, "received_at");
  EXPECT_EQ(ref.Minutes(received, ref.RowsOf(2).begin),
            Date::FromYmd(2024, 1, 2).days() * 1440 + 600);
}

TEST(Projection, ReplaceChildAppendsAndTombstones) {
  auto p = Projection::FromText(Parse(kJourney));
  ASSERT_TRUE(p);
  const ProjectionStats before = p->Stats();
  model::JourneyText j = Parse(kJourney);
  model::ChildRecords c = j.children.at(1);
  c.of(Kind::kVisit).pop_back();  // drop visit 1
  model::Record extra(Kind::kVisit);
  extra.id = 9;
  extra.child_id = 1;
  extra.Set("visit_type", std::string("CP"));
  extra.Set("visit_date", Date::FromYmd(2023, 12, 1));
  c.of(Kind::kVisit).push_back(extra);
  ASSERT_TRUE(p->ReplaceChild(c).ok());

  const KindTable& v = p->table(Kind::kVisit);
  RowRange r = v.RowsOf(1);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(v.id(r.begin), 9);
  EXPECT_EQ(v.id(r.begin + 1), 2);
  EXPECT_EQ(v.RowsOf(2).size(), 1u);  // the other child is untouched
  const ProjectionStats after = p->Stats();
  EXPECT_EQ(after.records, before.records);
  EXPECT_GT(after.dead, 0u);

  // Every child is still visited once, in id order, replaced or not.
  std::vector<int32_t> seen;
  p->ForEachChild({Kind::kVisit}, [&](const ChildView& cv) {
    seen.push_back(cv.child);
    EXPECT_EQ(cv.of(Kind::kVisit).size(), cv.child == 1 ? 2u : 1u);
  });
  EXPECT_EQ(seen, (std::vector<int32_t>{1, 2}));
}

TEST(Projection, CompactionKeepsEveryRun) {
  std::string text = "worker 7 name=W role=SW start_date=2020-01-06\n";
  for (int c = 1; c <= 200; ++c) {
    text += fmt::format("person {} la_child_id=C{}\n", c, c);
    text += fmt::format("visit {} child={} visit_type=CIN visit_date=2024-01-05\n", c, c);
  }
  model::JourneyText j = Parse(text);
  auto p = Projection::FromText(j);
  ASSERT_TRUE(p);
  for (int c = 1; c <= 200; c += 2) ASSERT_TRUE(p->ReplaceChild(j.children.at(c)).ok());
  EXPECT_EQ(p->Stats().dead, 200u);  // 100 visits and 100 people tombstoned
  p->CompactIfWorthIt();
  EXPECT_EQ(p->Stats().dead, 0u);
  EXPECT_EQ(p->Stats().records, 401u);
  int n = 0;
  p->ForEachChild({Kind::kVisit}, [&](const ChildView& cv) {
    ++n;
    const KindTable& v = cv.table(Kind::kVisit);
    ASSERT_EQ(cv.of(Kind::kVisit).size(), 1u);
    EXPECT_EQ(v.id(cv.of(Kind::kVisit).begin), cv.child);
  });
  EXPECT_EQ(n, 200);
}

TEST(Projection, UnknownCodeNamesRecordFieldAndList) {
  model::JourneyText j = Parse("person 1 la_child_id=C1\nvisit 4 child=1 visit_type=XX\n");
  auto p = Projection::FromText(j);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().message(),
            "visit 4 (child 1): field visit_type: \"XX\" is not in code list visit_type");
}

TEST(Projection, LoadsFromTheStore) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "engine_projection_test.db").string();
  std::filesystem::remove(path);
  FixedClock clock(Date::FromYmd(2024, 3, 1));
  auto store = store::OpenSqliteStore(path, clock);
  ASSERT_TRUE(store) << store.error().ToString();
  model::JourneyText j = Parse(kJourney);
  auto bulk = (*store)->BeginBulk(store::Actor{"test", "", ""});
  ASSERT_TRUE(bulk);
  for (const model::Record& r : j.organisation) ASSERT_TRUE((*bulk)->Add(r).ok());
  for (auto& [id, c] : j.children) {
    Status s = (*bulk)->AddChild(c);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  ASSERT_TRUE((*bulk)->Commit().ok());
  auto p = Projection::Load(**store);
  ASSERT_TRUE(p) << p.error().ToString();
  auto q = Projection::FromText(j);
  EXPECT_EQ(p->Stats().records, q->Stats().records);
  EXPECT_EQ(p->table(Kind::kVisit).RowsOf(1).size(), 2u);
  EXPECT_EQ(p->WorkerTeam(7), 3);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace journey::engine
