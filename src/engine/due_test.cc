#include "engine/due.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "base/clock.h"
#include "model/journey_text.h"
#include "store/store.h"

namespace journey::engine {
namespace {

// Two workers in two teams. As at Friday 26 January 2024: child 1's assessment (referral
// 20 November) was due yesterday; child 2's decision is due Monday 29 January; child 3's
// assessment is due in March; worker 8's CIN plan visit was due 22 January.
constexpr std::string_view kJourney = R"(
team 3 name="Assessment" service=ASSESSMENT
team 4 name="Children in need" service=CP_CIN
worker 7 name="Ann Example" role=SW team_id=3 start_date=2020-01-06
worker 8 name="Ben Example" role=SW team_id=4 start_date=2020-01-06
supervision 1 supervision_type=STAFF worker_id=7 supervisor_id=8 supervision_date=2024-01-25
supervision 2 supervision_type=STAFF worker_id=8 supervisor_id=7 supervision_date=2024-01-25
person 1 la_child_id=C1 birth_date=2015-03-02
allocation 1 child=1 worker_id=7 role=SW start_date=2023-11-20
referral 1 child=1 referral_date=2023-11-20 decision_at=2023-11-20T12:00
assessment 1 child=1 referral_id=1 start_date=2023-11-22
person 2 la_child_id=C2 birth_date=2016-04-01
allocation 2 child=2 worker_id=7 team_id=3 role=SW start_date=2024-01-26
referral 2 child=2 referral_date=2024-01-26
person 3 la_child_id=C3 birth_date=2012-01-01
allocation 3 child=3 worker_id=8 role=SW start_date=2023-12-01
cin_plan 1 child=3 start_date=2023-12-20
referral 3 child=3 referral_date=2024-01-02 decision_at=2024-01-02T15:00
assessment 3 child=3 referral_id=3 start_date=2024-01-03
)";

model::JourneyText Parse() {
  auto j = model::ParseJourneyText(kJourney, "due_test");
  EXPECT_TRUE(j) << j.error().ToString();
  return *j;
}

std::vector<std::string> Lines(const std::vector<DueItem>& items) {
  std::vector<std::string> out;
  for (const DueItem& i : items)
    out.push_back(std::to_string(i.days_to_due) + " " + FormatObligation(i.obligation));
  return out;
}

TEST(Due, WorkerTeamAndCouncil) {
  auto p = Projection::FromText(Parse());
  ASSERT_TRUE(p);
  Timescales ts;
  DueIndex due(*p, ts, Date::FromYmd(2024, 1, 26));
  EXPECT_EQ(Lines(due.List({DueScope::kWorker, 7, 7})),
            (std::vector<std::string>{
                "-1 ASSESSMENT_45WD child=1 from=assessment:1 start=2023-11-20 due=2024-01-25 "
                "met=- worker=7 team=3",
                "3 REFERRAL_DECISION child=2 from=referral:2 start=2024-01-26 due=2024-01-29 "
                "met=- worker=7 team=3",
            }));
  // Overdue only.
  EXPECT_EQ(due.List({DueScope::kWorker, 7, -1}).size(), 1u);
  // Worker 8: the CIN visit due 22 January (20 working days over Christmas); the
  // assessment due 5 March is beyond 7 days.
  EXPECT_EQ(Lines(due.List({DueScope::kTeam, 4, 7})),
            (std::vector<std::string>{
                "-4 CIN_VISIT child=3 from=cin_plan:1 start=2023-12-20 due=2024-01-22 met=- "
                "worker=8 team=4",
            }));
  // Within 60 days: also the assessment and worker 8's supervision (due 22 February).
  EXPECT_EQ(due.List({DueScope::kTeam, 4, 60}).size(), 3u);
  // The council: both workers' lists, and the supervisions (due 22 February) within 30 days.
  EXPECT_EQ(due.List({DueScope::kCouncil, 0, 7}).size(), 3u);
  EXPECT_EQ(due.List({DueScope::kCouncil, 0, 30}).size(), 5u);
  EXPECT_EQ(due.Workers(), (std::vector<int32_t>{7, 8}));
}

TEST(Due, RefreshAfterAWriteEqualsARebuild) {
  model::JourneyText j = Parse();
  auto p = Projection::FromText(j);
  ASSERT_TRUE(p);
  Timescales ts;
  const Date as_at = Date::FromYmd(2024, 1, 26);
  DueIndex due(*p, ts, as_at);

  // The assessment is authorised, and child 3 moves to worker 7.
  model::ChildRecords c1 = j.children.at(1);
  c1.of(Kind::kAssessment)[0].Set("authorised_date", Date::FromYmd(2024, 1, 26));
  model::ChildRecords c3 = j.children.at(3);
  c3.of(Kind::kAllocation)[0].Set("end_date", Date::FromYmd(2024, 1, 25));
  model::Record a(Kind::kAllocation);
  a.id = 9;
  a.child_id = 3;
  a.Set("worker_id", int64_t{7});
  a.Set("role", std::string("SW"));
  a.Set("start_date", Date::FromYmd(2024, 1, 26));
  c3.of(Kind::kAllocation).push_back(a);
  for (const model::ChildRecords* c : {&c1, &c3}) {
    ASSERT_TRUE(p->ReplaceChild(*c).ok());
    due.Refresh(static_cast<int32_t>(c->child_id));
  }

  j.children[1] = c1;
  j.children[3] = c3;
  auto fresh = Projection::FromText(j);
  ASSERT_TRUE(fresh);
  DueIndex rebuilt(*fresh, ts, as_at);
  for (int32_t w : {0, 7, 8}) {
    EXPECT_EQ(Lines(due.List({DueScope::kWorker, w, 365})),
              Lines(rebuilt.List({DueScope::kWorker, w, 365})))
        << "worker " << w;
  }
  EXPECT_EQ(Lines(due.List({DueScope::kCouncil, 0, 365})),
            Lines(rebuilt.List({DueScope::kCouncil, 0, 365})));
  EXPECT_EQ(due.open_obligations(), rebuilt.open_obligations());
  EXPECT_EQ(due.List({DueScope::kWorker, 8, 365}).size(), 1u);  // only 8's supervision left
}

}  // namespace
}  // namespace journey::engine

namespace journey::engine {
namespace {

// The real write path: a write through the store, the child reread with LoadChild and
// replaced in the projection, its obligations refreshed: the same as loading it all again.
TEST(Due, StoreWriteThenRefreshEqualsAReload) {
  const std::string path = (std::filesystem::temp_directory_path() / "engine_due_test.db").string();
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  FixedClock clock(Date::FromYmd(2024, 1, 26));
  auto store = store::OpenSqliteStore(path, clock);
  ASSERT_TRUE(store) << store.error().ToString();
  model::JourneyText j = Parse();
  auto bulk = (*store)->BeginBulk(store::Actor{"test", "", ""});
  ASSERT_TRUE(bulk);
  for (const model::Record& r : j.organisation) ASSERT_TRUE((*bulk)->Add(r).ok());
  for (auto& [id, c] : j.children) ASSERT_TRUE((*bulk)->AddChild(c).ok());
  ASSERT_TRUE((*bulk)->Commit().ok());

  auto p = Projection::Load(**store);
  ASSERT_TRUE(p) << p.error().ToString();
  Timescales ts;
  const Date as_at = Date::FromYmd(2024, 1, 26);
  DueIndex due(*p, ts, as_at);

  store::WriteBatch b;
  model::Record visit(Kind::kVisit);
  visit.child_id = 3;
  visit.Set("visit_type", std::string("CIN"));
  visit.Set("visit_date", Date::FromYmd(2024, 1, 25));
  visit.Set("seen", true);
  b.Put(visit);
  ASSERT_TRUE((*store)->Write(store::Actor{"sw7", "", ""}, b));
  auto child = (*store)->LoadChild(3);
  ASSERT_TRUE(child);
  ASSERT_TRUE(p->ReplaceChild(*child).ok());
  due.Refresh(3);

  auto reloaded = Projection::Load(**store);
  ASSERT_TRUE(reloaded);
  DueIndex fresh(*reloaded, ts, as_at);
  EXPECT_EQ(Lines(due.List({DueScope::kCouncil, 0, 365})),
            Lines(fresh.List({DueScope::kCouncil, 0, 365})));
  std::vector<std::string> a, f;
  for (const Obligation& o : ts.ForAll(*p, as_at)) a.push_back(FormatObligation(o));
  for (const Obligation& o : ts.ForAll(*reloaded, as_at)) f.push_back(FormatObligation(o));
  EXPECT_EQ(a, f);
  // The visit met the overdue CIN visit; the next is open.
  EXPECT_EQ(due.List({DueScope::kWorker, 8, -1}).size(), 0u);
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
}

}  // namespace
}  // namespace journey::engine
