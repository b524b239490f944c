// Annex A export: each list's window and inclusion rule at its boundaries (the day before,
// the day of, the day after), leap years, open records, and the labels as the template
// writes them.
#include "returns/annex_a_export.h"

#include <gtest/gtest.h>

#include "model/journey_text.h"
#include "returns/ssda903_test_util.h"

namespace journey::returns {
namespace {

// The lists of a hand-written journey as of `date`.
AnnexA Lists(std::string_view text, Date date) {
  auto j = model::ParseJourneyText(text, "test.journey");
  EXPECT_TRUE(j) << j.error().ToString();
  AnnexAContext ctx;
  for (const model::Record& r : j->organisation) {
    if (r.kind == model::Kind::kTeam) ctx.team_names[r.id] = *r.GetString("name");
    if (r.kind == model::Kind::kWorker) ctx.worker_names[r.id] = *r.GetString("name");
    if (r.kind == model::Kind::kAdopterHousehold) ctx.households.push_back(r);
  }
  for (auto& [id, c] : j->children)
    for (const model::Record& a : c.of(model::Kind::kAdoption))
      if (auto h = a.GetInt("household_id")) ctx.household_adoptions[*h].push_back(a);
  AnnexAExporter ex(date, ctx);
  for (auto& [id, c] : j->children) ex.AddChild(c);
  return ex.Finish();
}

std::string Csv(const AnnexA& a, int list) {
  std::string csv = AnnexACsv(a.lists[static_cast<size_t>(list - 1)]);
  return csv.substr(csv.find('\n') + 1);  // the rows, without the header
}

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d); }

constexpr std::string_view kPerson =
    "person 1 la_child_id=C1 sex=F ethnicity=WBRI birth_date=2012-02-29\n";

TEST(AnnexAExportTest, ContactsInTheSixMonthsUpToTheInspectionDay) {
  // Inspection 31/08/2024: the window opens 29/02/2024 (six months back, a leap day).
  const std::string text = std::string(kPerson) +
                           "contact 1 child=1 contact_at=2024-02-28T23:59 source=2A\n"
                           "contact 2 child=1 contact_at=2024-02-29T00:00 source=6\n"
                           "contact 3 child=1 contact_at=2024-08-31T17:00 source=10\n"
                           "contact 4 child=1 contact_at=2024-09-01T09:00 source=1A\n";
  EXPECT_EQ(Csv(Lists(text, D(2024, 8, 31)), 1),
            "C1,b) Female,a) WBRI,29/02/2012,12,29/02/2024,q) 6: Police\n"
            "C1,b) Female,a) WBRI,29/02/2012,12,31/08/2024,u) 10: Unknown\n");
}

TEST(AnnexAExportTest, AgeOnTheInspectionDayWithALeapDayBirthday) {
  // Born 29/02/2012: 12 on 28/02/2025? No: the birthday falls on 1 March in common years.
  const std::string text =
      std::string(kPerson) + "contact 1 child=1 contact_at=2025-01-10T10:00 source=2A\n";
  EXPECT_NE(Csv(Lists(text, D(2025, 2, 28)), 1).find(",29/02/2012,12,"), std::string::npos);
  EXPECT_NE(Csv(Lists(text, D(2025, 3, 1)), 1).find(",29/02/2012,13,"), std::string::npos);
}

TEST(AnnexAExportTest, ReferralsCountTheOthersInTheTwelveMonthsBefore) {
  const std::string text = std::string(kPerson) +
                           "team 5 name=\"Front Door\" service=FRONT_DOOR\n"
                           "worker 7 name=\"Ann Example\" role=SW team_id=5 start_date=2020-01-01\n"
                           "referral 1 child=1 referral_date=2024-05-31 source=2A\n"
                           "referral 2 child=1 referral_date=2024-06-01 source=2A\n"
                           "referral 3 child=1 referral_date=2025-06-01 source=6 nfa=Y "
                           "worker_id=7 team_id=5\n";
  // Referral 3: referral 2 (exactly twelve months before) counts, referral 1 does not.
  EXPECT_EQ(Csv(Lists(text, D(2025, 6, 1)), 3),
            "C1,b) Female,a) WBRI,29/02/2012,13,01/06/2025,q) 6: Police,a) Yes,1,Front Door,"
            "Ann Example\n");
}

TEST(AnnexAExportTest, ProtectionPlansOpenOrEndedInTheWindowOneRowPerChild) {
  const std::string text = std::string(kPerson) +
                           "cp_plan 1 child=1 start_date=2023-01-01 end_date=2024-12-31 "
                           "initial_category=NEG\n"
                           "cp_plan 2 child=1 start_date=2025-01-01 end_date=2025-01-14 "
                           "initial_category=PHY latest_category=EMO\n"
                           "cla_episode 1 child=1 cla_period_id=1 start_date=2025-02-01 "
                           "end_date=2025-02-03 rne=S legal_status=L2\n";
  // Inspection 14/07/2025: the window opens 14/01/2025, the day plan 2 ended.
  EXPECT_EQ(Csv(Lists(text, D(2025, 7, 14)), 7),
            "C1,b) Female,a) WBRI,29/02/2012,13,b) No,01/01/2025,b) Physical abuse,"
            "d) Emotional abuse,,,,14/01/2025,a) Yes,1,,\n");
  // A day later it ended before the window: no row.
  EXPECT_EQ(Csv(Lists(text, D(2025, 7, 15)), 7), "");
}

TEST(AnnexAExportTest, ChildrenInCareOpenOrCeasedInTheWindowShortBreaksLeftOut) {
  const std::string base =
      std::string(kPerson) +
      "cla_period 1 child=1 start_date=2024-01-10 end_date=2024-12-31\n"
      "placement 1 child=1 cla_period_id=1 start_date=2024-01-10 "
      "end_date=2024-12-31 placement_type=U6 provider=PR1 postcode=\"AB1 2CD\" "
      "inside_la=Y placement_la=990\n";
  const std::string text = base +
                           "cla_episode 1 child=1 cla_period_id=1 placement_id=1 "
                           "start_date=2024-01-10 end_date=2024-12-31 rne=S legal_status=C2 "
                           "cin=N1 rec=E4A\n";
  const std::string row =
      "C1,b) Female,a) WBRI,29/02/2012,13,b) No,b) No,10/01/2024,N1 - Abuse or neglect,b) No,"
      "10/01/2024,C2: FCO,,,,,,,1,31/12/2024,e) E4A: Returned home to live with parents or "
      "relatives - part of planning,10/01/2024,f) U6: Foster placement - not FFA,"
      "b) PR1: Own provision,AB1 2CD,,a) In,990,0,0,,,,\n";
  EXPECT_EQ(Csv(Lists(text, D(2025, 6, 30)), 8), row);  // window opens 30/12/2024
  EXPECT_EQ(Csv(Lists(text, D(2025, 7, 1)), 8), "");    // opens 01/01/2025
  // Open on the inspection day: no ceased date even when the record knows a later end.
  auto open = Csv(Lists(text, D(2024, 12, 30)), 8);
  EXPECT_NE(open.find(",1,,,10/01/2024,"), std::string::npos) << open;
  // Short breaks (V3, V4) are not in List 8.
  std::string breaks = text;
  breaks.replace(breaks.find("legal_status=C2"), 15, "legal_status=V3");
  EXPECT_EQ(Csv(Lists(breaks, D(2024, 6, 30)), 8), "");
}

TEST(AnnexAExportTest, CareLeaversUpToTheirTwentySixthBirthday) {
  const std::string text =
      "person 1 la_child_id=L1 sex=M ethnicity=BAFR birth_date=2000-06-15\n"
      "care_leaver_status 1 child=1 status_date=2021-06-15 eligibility=FORMER_RELEVANT "
      "in_touch=YES accommodation=U accommodation_suitable=Y activity=F2\n";
  EXPECT_EQ(Csv(Lists(text, D(2026, 6, 14)), 9),
            "L1,a) Male,o) BAFR,15/06/2000,25,b) No,,,b) Former relevant child,a) Yes,"
            "U: Independent living,a) Suitable,F2: Full time in education other than higher\n");
  EXPECT_EQ(Csv(Lists(text, D(2026, 6, 15)), 9), "");
}

TEST(AnnexAExportTest, AdoptionDecisionsAndOrdersInTheTwelveMonths) {
  const std::string text = std::string(kPerson) +
                           "adopter_household 3 family_ref=F3 enquiry_date=2023-01-05 "
                           "approval_date=2023-09-01 sex_adoptr=MF number_adopters=2\n"
                           "cla_period 1 child=1 start_date=2022-03-01\n"
                           "adoption 1 child=1 cla_period_id=1 decision_date=2022-09-01 "
                           "match_date=2023-10-01 placed_date=2023-11-01 order_date=2024-06-30 "
                           "household_id=3\n";
  const std::string row =
      "C1,F3,b) Female,a) WBRI,29/02/2012,13,b) No,01/03/2022,01/09/2022,,01/10/2023,01/11/2023,"
      "30/06/2024,,,\n";
  EXPECT_EQ(Csv(Lists(text, D(2025, 6, 30)), 10), row);  // order exactly twelve months before
  EXPECT_EQ(Csv(Lists(text, D(2025, 7, 1)), 10), "");
  // Before the order: decided and not yet adopted, so listed, with no order date.
  EXPECT_NE(Csv(Lists(text, D(2024, 6, 29)), 10).find(",01/11/2023,,,,\n"), std::string::npos);
  // List 11: one row per adopter; gender from SEX_ADOPTR; in contact within twelve months.
  EXPECT_EQ(Csv(Lists(text, D(2025, 6, 30)), 11),
            "F3-1,F3,a) Male,t) NOBT,c) Unknown,b) No,05/01/2023,,,,,,01/09/2023,01/10/2023,"
            "01/11/2023,1,30/06/2024,,\n"
            "F3-2,F3,b) Female,t) NOBT,c) Unknown,b) No,05/01/2023,,,,,,01/09/2023,01/10/2023,"
            "01/11/2023,1,30/06/2024,,\n");
  EXPECT_EQ(Csv(Lists(text, D(2025, 7, 1)), 11), "");
}

TEST(AnnexAExportTest, EarlyHelpAssessmentsOpenOrCompletedInTheWindow) {
  const std::string text = std::string(kPerson) +
                           "early_help_episode 1 child=1 start_date=2024-01-01 "
                           "lead_agency=\"Health visiting\"\n"
                           "early_help_assessment 1 child=1 episode_id=1 start_date=2024-01-02 "
                           "completed_date=2024-12-29\n"
                           "early_help_assessment 2 child=1 episode_id=1 start_date=2025-06-01\n";
  // Inspection 30/06/2025 opens the window on 30/12/2024: assessment 1 was completed the
  // day before; assessment 2 is open.
  EXPECT_EQ(Csv(Lists(text, D(2025, 6, 30)), 2),
            "C1,b) Female,a) WBRI,29/02/2012,13,01/06/2025,,Health visiting\n");
  // A day earlier, 1 was completed on the window's first day.
  EXPECT_EQ(Csv(Lists(text, D(2025, 6, 29)), 2),
            "C1,b) Female,a) WBRI,29/02/2012,13,02/01/2024,29/12/2024,Health visiting\n"
            "C1,b) Female,a) WBRI,29/02/2012,13,01/06/2025,,Health visiting\n");
}

TEST(AnnexAExportTest, AssessmentsNeedSupportOnlyOnceAuthorised) {
  const std::string text = std::string(kPerson) +
                           "disability 1 child=1 disability=AUT\n"
                           "assessment 1 child=1 start_date=2025-05-01 authorised_date=2025-06-10 "
                           "child_seen=Y outcome=CIN\n"
                           "assessment 2 child=1 start_date=2025-06-01 authorised_date=2025-06-20 "
                           "child_seen=N outcome=NFA\n";
  // On 15/06/2025 assessment 2 is not yet authorised: its outcome is not shown.
  EXPECT_EQ(Csv(Lists(text, D(2025, 6, 15)), 4),
            "C1,b) Female,a) WBRI,29/02/2012,13,a) Yes,01/05/2025,a) Yes,10/06/2025,a) Yes,,\n"
            "C1,b) Female,a) WBRI,29/02/2012,13,a) Yes,01/06/2025,b) No,,,,\n");
  EXPECT_NE(Csv(Lists(text, D(2025, 6, 20)), 4).find(",01/06/2025,b) No,20/06/2025,b) No,"),
            std::string::npos);
}

TEST(AnnexAExportTest, Section47OpenEnquiriesLeaveTheConferenceQuestionBlank) {
  const std::string text = std::string(kPerson) +
                           "section47_enquiry 1 child=1 start_date=2024-06-01 end_date=2024-06-20 "
                           "icpc_not_required=Y\n"
                           "section47_enquiry 2 child=1 start_date=2025-06-01 end_date=2025-06-12 "
                           "icpc_not_required=N\n"
                           "cp_conference 1 child=1 conference_type=INITIAL s47_id=2 "
                           "conference_date=2025-06-12 outcome=CP_PLAN\n";
  // On 11/06/2025 enquiry 2 is open and its conference not yet held; enquiry 1, twelve
  // months before less ten days, counts.
  EXPECT_EQ(Csv(Lists(text, D(2025, 6, 11)), 5),
            "C1,b) Female,a) WBRI,29/02/2012,13,b) No,01/06/2025,,,,1,0,,\n");
  EXPECT_EQ(Csv(Lists(text, D(2025, 6, 12)), 5),
            "C1,b) Female,a) WBRI,29/02/2012,13,b) No,01/06/2025,b) No,12/06/2025,a) Yes,1,0,,\n");
}

TEST(AnnexAExportTest, ChildInNeedCaseStatusByPrecedence) {
  const std::string base = std::string(kPerson) +
                           "referral 1 child=1 referral_date=2025-01-10 primary_need=N4\n"
                           "visit 1 child=1 visit_type=CIN visit_date=2025-03-01 seen=Y\n"
                           "visit 2 child=1 visit_date=2025-04-01 visit_type=CIN seen=N\n";
  auto status = [&](const std::string& extra, Date d) {
    std::string row = Csv(Lists(base + extra, d), 6);
    return row.substr(0, row.size() - 3);  // without the team and worker
  };
  EXPECT_EQ(status("", D(2025, 6, 30)),
            "C1,b) Female,a) WBRI,29/02/2012,13,b) No,10/01/2025,N4 - Family in acute stress,"
            "01/03/2025,,,c) Child in need plan");
  EXPECT_NE(status("assessment 1 child=1 start_date=2025-06-01\n", D(2025, 6, 30))
                .find("d) Open assessment"),
            std::string::npos);
  EXPECT_NE(status("cp_plan 1 child=1 start_date=2025-02-01 initial_category=NEG\n"
                   "assessment 1 child=1 start_date=2025-06-01\n",
                   D(2025, 6, 30))
                .find("b) Child Protection plan"),
            std::string::npos);
  // Closed by the inspection date: closed, whatever else is open.
  EXPECT_NE(Csv(Lists(std::string(kPerson) +
                          "referral 1 child=1 referral_date=2025-01-10 primary_need=N4 "
                          "closure_date=2025-06-30 closure_reason=RC7\n"
                          "cp_plan 1 child=1 start_date=2025-02-01 initial_category=NEG\n",
                      D(2025, 6, 30)),
                6)
                .find("30/06/2025,\"RC7 - Services ceased for any other reason, including child "
                      "no longer in need\",e) Closed episode"),
            std::string::npos);
  // A referral with no further action is not a child in need.
  EXPECT_EQ(Csv(Lists(std::string(kPerson) + "referral 1 child=1 referral_date=2025-01-10 nfa=Y\n",
                      D(2025, 6, 30)),
                6),
            "");
}

TEST(AnnexAExportTest, EveryListHasTheTemplatesHeaders) {
  AnnexA a = Lists(kPerson, D(2025, 3, 31));
  ASSERT_EQ(a.lists.size(), 11u);
  EXPECT_EQ(AnnexACsv(a.lists[0]),
            "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,"
            "Contact Source\n");
  EXPECT_EQ(a.lists[7].list->columns.size(), 34u);
  EXPECT_EQ(a.lists[10].list->sheet, "List 11");
}

TEST(AnnexAExportTest, StoreExportWritesCsvAndWorkbook) {
  testing::TempStore store;
  store.LoadText(testing::Council());
  auto a = ExportAnnexA(*store, D(2026, 3, 31));
  ASSERT_TRUE(a) << a.error().ToString();
  size_t rows = 0;
  for (const AnnexASheet& s : a->lists) rows += s.rows.size();
  EXPECT_GT(rows, 0u);
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("annex_a_test_" + std::to_string(::getpid())))
          .string();
  ASSERT_TRUE(WriteAnnexACsv(*a, dir).ok());
  ASSERT_TRUE(WriteAnnexAXlsx(*a, dir + "/Annex_A.xlsx").ok());
  EXPECT_EQ(testing::ReadText(dir + "/List 8.csv"), AnnexACsv(a->lists[7]));
  EXPECT_GT(std::filesystem::file_size(dir + "/Annex_A.xlsx"), 1000u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace journey::returns
