// Governance: the inspection history as loaded matches the reports; each framework's scale
// refuses grades outside it (JR-GOV-1); an improvement action shows its indicator's live
// value against its target; overdue actions.
#include <gtest/gtest.h>

#include <filesystem>

#include "base/clock.h"
#include "engine/projection.h"
#include "engine/timescales.h"
#include "governance/inspections.h"
#include "model/frameworks.h"
#include "model/journey_text.h"

namespace journey::governance {
namespace {

class GovernanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("governance_test_" + std::to_string(::getpid()) + ".db"))
                .string();
    std::filesystem::remove(path_);
    auto s = store::OpenSqliteStore(path_, clock_);
    ASSERT_TRUE(s) << s.error().ToString();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove(path_);
    std::filesystem::remove(path_ + "-wal");
    std::filesystem::remove(path_ + "-shm");
  }
  Result<int64_t> Load(std::string_view text) {
    return LoadOrganisationText(*store_, actor_, text, "test.journey");
  }
  FixedClock clock_{Date::FromYmd(2026, 11, 23)};
  store::Actor actor_{"analyst", "", ""};
  std::string path_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(GovernanceTest, HistoryMatchesTheReports) {
  auto n = LoadOfstedHistory(*store_, actor_);
  ASSERT_TRUE(n) << n.error().ToString();
  EXPECT_GT(*n, 0);
  auto again = LoadOfstedHistory(*store_, actor_);  // loaded once only
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);

  auto history = ReadInspections(*store_);
  ASSERT_TRUE(history) << history.error().ToString();
  ASSERT_EQ(history->size(), 5u);
  const auto& h = *history;
  // Oldest first: the 2007 assessments (26 Nov Northamptonshire, 4 Dec Leicestershire),
  // 2011, 2016, 2021.
  EXPECT_EQ(h[0].council, "Northamptonshire County Council");
  EXPECT_EQ(h[0].framework, "APA");
  EXPECT_EQ(h[1].council, "Leicestershire County Council");
  EXPECT_EQ(h[2].framework, "ACSA");
  EXPECT_EQ(h[3].framework, "SIF");
  EXPECT_EQ(h[4].framework, "MV");

  // Spot checks against the reports' own words.
  ASSERT_EQ(h[0].judgements.size(), 7u);
  EXPECT_EQ(h[0].judgements[0].area, "OVERALL");
  EXPECT_EQ(h[0].judgements[0].grade, "2");  // "an adequate level"
  EXPECT_EQ(h[0].judgements[2].area, "STAYING_SAFE");
  EXPECT_EQ(h[0].judgements[2].grade_label, "Grade 3: good");
  EXPECT_EQ(h[1].judgements[6].area, "CAPACITY_TO_IMPROVE");
  EXPECT_EQ(h[1].judgements[6].grade, "4");
  ASSERT_EQ(h[2].judgements.size(), 1u);
  EXPECT_EQ(h[2].judgements[0].grade_label, "Performs adequately (2)");
  ASSERT_EQ(h[3].judgements.size(), 7u);  // overall, 3 judgements, 2 sub-judgements, LSCB
  for (const JudgementView& j : h[3].judgements) {
    EXPECT_EQ(j.grade, "RI") << j.area;
    EXPECT_EQ(j.rank, 2);
  }
  EXPECT_TRUE(h[4].judgements.empty());  // a monitoring visit grades nothing

  // Recommendation counts: 20 areas for development (2007 Northamptonshire: 4+4+4+3+2+3),
  // 6 (Leicestershire), 3 areas for further improvement (2011), 17 + the LSCB's 4 (2016).
  EXPECT_EQ(h[0].recommendations.size(), 20u);
  EXPECT_EQ(h[1].recommendations.size(), 6u);
  EXPECT_EQ(h[2].recommendations.size(), 3u);
  ASSERT_EQ(h[3].recommendations.size(), 21u);
  EXPECT_EQ(h[3].recommendations[0].number, 1);
  EXPECT_TRUE(h[3].recommendations[0].text.starts_with(
      "Prioritise the recruitment and retention of good-quality permanent social care staff."));
  EXPECT_EQ(h[3].recommendations[20].number, 125);
  EXPECT_EQ(h[3].recommendations[20].area, "LSCB");
  bool conferences = false;  // the 2007 area for development the improvement plan can measure
  for (const auto& r : h[0].recommendations)
    conferences |= r.text ==
                   "Ensure child protection conferences are held within 15 days of "
                   "enquiries.";
  EXPECT_TRUE(conferences);
}

TEST_F(GovernanceTest, EachFrameworkRefusesGradesOutsideItsScale) {
  ASSERT_TRUE(
      Load("inspection 1 framework=SIF council=Test start_date=2016-02-08 title=T\n"
           "inspection 2 framework=APA council=Test start_date=2007-11-26 title=T\n"
           "inspection 3 framework=MV council=Test start_date=2021-11-02 title=T\n"));
  // Inspections already stored: ids 1, 2, 3. A grade from another framework's scale.
  store::WriteBatch b;
  model::Record j;
  j.kind = model::Kind::kJudgement;
  j.values.resize(model::Def(j.kind).fields.size());
  j.Set("inspection_id", int64_t{1});
  j.Set("area", std::string("OVERALL"));
  j.Set("grade", std::string("3"));
  b.Put(j);
  auto w = store_->Write(actor_, b);
  ASSERT_FALSE(w);
  EXPECT_NE(w.error().message().find("field grade value \"3\": not a grade on the SIF "
                                     "framework's scale; its grades are OUTSTANDING, GOOD, RI, "
                                     "INADEQUATE [JR-GOV-1]"),
            std::string::npos)
      << w.error().ToString();

  // The APA scale takes 1-4 and refuses the four-word grades.
  j.Set("inspection_id", int64_t{2});
  EXPECT_TRUE(store_->Write(actor_, [&] {
    store::WriteBatch ok;
    ok.Put(j);
    return ok;
  }()));
  j.Set("grade", std::string("GOOD"));
  store::WriteBatch bad;
  bad.Put(j);
  auto w2 = store_->Write(actor_, bad);
  ASSERT_FALSE(w2);
  EXPECT_NE(w2.error().message().find("its grades are 4, 3, 2, 1 [JR-GOV-1]"), std::string::npos);

  // An area the framework does not judge.
  j.Set("grade", std::string("2"));
  j.Set("area", std::string("LSCB"));
  store::WriteBatch bad_area;
  bad_area.Put(j);
  auto w3 = store_->Write(actor_, bad_area);
  ASSERT_FALSE(w3);
  EXPECT_NE(w3.error().message().find("field area value \"LSCB\": the APA framework does not "
                                      "judge this area"),
            std::string::npos)
      << w3.error().ToString();

  // A monitoring visit makes no graded judgements.
  j.Set("inspection_id", int64_t{3});
  j.Set("area", std::string("OVERALL"));
  store::WriteBatch mv;
  mv.Put(j);
  auto w4 = store_->Write(actor_, mv);
  ASSERT_FALSE(w4);
  EXPECT_NE(w4.error().message().find("it judges no areas"), std::string::npos)
      << w4.error().ToString();

  // Refused writes left nothing behind: one judgement stored.
  auto count = store_->Count(model::Kind::kJudgement);
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 1);
}

TEST_F(GovernanceTest, ATextIsLoadedAllOrNothing) {
  auto bad = Load(
      "inspection 1 framework=SIF council=Test start_date=2016-02-08 title=T\n"
      "judgement 1 inspection_id=1 area=OVERALL grade=RI\n"
      "judgement 2 inspection_id=1 area=OVERALL grade=Excellent\n");
  ASSERT_FALSE(bad);
  auto count = store_->Count(model::Kind::kInspection);
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 0);
  auto child = Load(
      "person 1 la_child_id=C1 birth_date=2015-03-02 sex=M\n"
      "referral 1 child=1 referral_date=2024-01-05 source=2A\n");
  ASSERT_FALSE(child);
  EXPECT_NE(child.error().message().find("only records about no child"), std::string::npos);
}

TEST_F(GovernanceTest, ActionsShowOverdueAndTheirMeasure) {
  ASSERT_TRUE(
      Load("inspection 1 framework=SIF council=Test start_date=2016-02-08 title=T\n"
           "recommendation 1 inspection_id=1 type=RECOMMENDATION number=6 text=\"Improve s47\"\n"
           "improvement_action 1 recommendation_id=1 title=\"Conferences in 15 days\" "
           "start_date=2026-01-05 due_date=2026-06-30 status=ON_TRACK indicator=no_such_indicator\n"
           "improvement_action 2 recommendation_id=1 title=\"Audit s47s\" start_date=2026-01-05 "
           "due_date=2026-11-20 status=DONE completed_date=2026-11-02\n"));
  auto projection = engine::Projection::Load(*store_);
  ASSERT_TRUE(projection) << projection.error().ToString();
  engine::Timescales timescales;
  // The day before the due date, the day of, the day after.
  for (auto [day, overdue, days] :
       {std::tuple{29, false, 0}, std::tuple{30, false, 0}, std::tuple{31, true, 1}}) {
    const Date as_at = day == 31 ? Date::FromYmd(2026, 7, 1) : Date::FromYmd(2026, 6, day);
    auto plan = ReadImprovementPlan(*store_, *projection, timescales, as_at);
    ASSERT_TRUE(plan) << plan.error().ToString();
    ASSERT_EQ(plan->size(), 2u);
    const ActionView& a = (*plan)[overdue ? 0 : 0];
    EXPECT_EQ(a.title, "Conferences in 15 days");
    EXPECT_EQ(a.overdue, overdue) << as_at.ToIso();
    EXPECT_EQ(a.days_overdue, days);
    EXPECT_NE(a.measure_note.find("no indicator \"no_such_indicator\""), std::string::npos);
  }
  // Done actions are never overdue, and count as done on their recommendation.
  auto plan = ReadImprovementPlan(*store_, *projection, timescales, Date::FromYmd(2026, 11, 23));
  ASSERT_TRUE(plan);
  EXPECT_FALSE((*plan)[1].overdue);
  auto history = ReadInspections(*store_);
  ASSERT_TRUE(history);
  EXPECT_EQ((*history)[0].recommendations[0].actions, 2);
  EXPECT_EQ((*history)[0].recommendations[0].actions_done, 1);
}

TEST_F(GovernanceTest, AnActionLinkedToAnIndicatorShowsItsLiveValue) {
  // Child 1's assessment is authorised on its 45th working day from referral (on time),
  // child 2's the day after its due date (late), as in the engine's golden file
  // testdata/indicators/assessment.txt.
  auto children = model::ParseJourneyText(
      "person 1 la_child_id=C1 birth_date=2015-03-02\n"
      "referral 1 child=1 referral_date=2024-01-02\n"
      "assessment 1 child=1 referral_id=1 start_date=2024-01-03 authorised_date=2024-03-05 "
      "outcome=CIN\n"
      "person 2 la_child_id=C2 birth_date=2012-06-30\n"
      "referral 2 child=2 referral_date=2024-11-04\n"
      "assessment 2 child=2 referral_id=2 start_date=2024-11-04 authorised_date=2025-01-10 "
      "outcome=NFA\n",
      "children");
  ASSERT_TRUE(children) << children.error().ToString();
  auto bulk = store_->BeginBulk(actor_);
  ASSERT_TRUE(bulk);
  for (auto& [id, c] : children->children) ASSERT_TRUE((*bulk)->AddChild(c).ok());
  ASSERT_TRUE((*bulk)->Commit().ok());
  ASSERT_TRUE(
      Load("improvement_action 1 title=\"Assessments on time\" start_date=2024-01-01 "
           "status=ON_TRACK indicator=assessments_within_45wd target=90\n"));
  auto projection = engine::Projection::Load(*store_);
  ASSERT_TRUE(projection);
  engine::Timescales timescales;
  auto on = ReadImprovementPlan(*store_, *projection, timescales, Date::FromYmd(2024, 3, 31));
  ASSERT_TRUE(on) << on.error().ToString();
  ASSERT_TRUE((*on)[0].value);
  EXPECT_DOUBLE_EQ(*(*on)[0].value, 100.0);
  EXPECT_FALSE((*on)[0].off_target);
  EXPECT_EQ((*on)[0].measure_note, "on target");
  auto off = ReadImprovementPlan(*store_, *projection, timescales, Date::FromYmd(2025, 3, 31));
  ASSERT_TRUE(off);
  ASSERT_TRUE((*off)[0].value);
  EXPECT_DOUBLE_EQ(*(*off)[0].value, 0.0);
  EXPECT_TRUE((*off)[0].off_target);
}

}  // namespace
}  // namespace journey::governance
