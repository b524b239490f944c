// The SWEpisodes rules (SW codes): for each, a failing and a passing case at its boundary,
// on full tables (every column present).
#include <gtest/gtest.h>

#include "returns/ssda903_rules_testing.h"

namespace journey::returns {
namespace {

using testing::FindingsOf;
using testing::Row;
using testing::TableRows;
using testing::V;

Row Sw(std::string decom, std::string dec = "", std::string reason = "MANAGE",
       std::string id = "SW1", std::string child = "C1") {
  return {{"CHILD", child},    {"DOB", "10/05/2010"}, {"SW_ID", id},
          {"SW_DECOM", decom}, {"SW_DEC", dec},       {"SW_REASON", reason}};
}
std::vector<TableRows> Sws(std::vector<Row> rows) { return {{"SWEpisodes", std::move(rows)}}; }

TEST(Rules903SocialWorkers, RulesSw01aAndSw01bCompleteEpisodes) {
  // Before 1 April 2023 only SW_ID is needed; from that day SW_REASON too.
  EXPECT_EQ(FindingsOf("SW01aSTG1", 2026, Sws({Sw("31/03/2023", "", "")})), V{});
  EXPECT_EQ(FindingsOf("SW01aSTG1", 2026, Sws({Sw("31/03/2023", "", "", "")})),
            V{"SWEpisodes 2 SW_DECOM"});
  EXPECT_EQ(FindingsOf("SW01aSTG1", 2026, Sws({Sw("01/04/2023", "", "", "")})), V{});
  EXPECT_EQ(FindingsOf("SW01bSTG1", 2026, Sws({Sw("31/03/2023", "", "")})), V{});
  EXPECT_EQ(FindingsOf("SW01bSTG1", 2026, Sws({Sw("01/04/2023", "", "")})),
            V{"SWEpisodes 2 SW_DECOM"});
  EXPECT_EQ(FindingsOf("SW01bSTG1", 2026, Sws({Sw("01/04/2023", "", "MANAGE", "")})),
            V{"SWEpisodes 2 SW_DECOM"});
  EXPECT_EQ(FindingsOf("SW01bSTG1", 2026, Sws({Sw("01/04/2023")})), V{});
  // A blank SW_DECOM is both rules' finding; an unreadable one is SW04STG1's.
  EXPECT_EQ(FindingsOf("SW01aSTG1", 2026, Sws({Sw("")})), V{"SWEpisodes 2 SW_DECOM"});
  EXPECT_EQ(FindingsOf("SW01bSTG1", 2026, Sws({Sw("")})), V{"SWEpisodes 2 SW_DECOM"});
  EXPECT_EQ(FindingsOf("SW01bSTG1", 2026, Sws({Sw("31/04/2025", "", "")})), V{});
  // Not in force before 2024/25.
  EXPECT_EQ(FindingsOf("SW01bSTG1", 2024, Sws({Sw("")})), V{});
}

TEST(Rules903SocialWorkers, RulesSw04AndSw05Dates) {
  EXPECT_EQ(FindingsOf("SW04STG1", 2026, Sws({Sw("29/02/2024")})), V{});
  EXPECT_EQ(FindingsOf("SW04STG1", 2026, Sws({Sw("29/02/2025")})), V{"SWEpisodes 2 SW_DECOM"});
  EXPECT_EQ(FindingsOf("SW04STG1", 2026, Sws({Sw("")})), V{"SWEpisodes 2 SW_DECOM"});
  EXPECT_EQ(FindingsOf("SW05STG1", 2026, Sws({Sw("01/05/2025", "")})), V{});
  EXPECT_EQ(FindingsOf("SW05STG1", 2026, Sws({Sw("01/05/2025", "2025-06-01")})),
            V{"SWEpisodes 2 SW_DEC"});
}

TEST(Rules903SocialWorkers, RulesSw06AndSw07InTheYear) {
  EXPECT_EQ(FindingsOf("SW06STG2", 2026, Sws({Sw("31/03/2026")})), V{});
  EXPECT_EQ(FindingsOf("SW06STG2", 2026, Sws({Sw("01/04/2026")})), V{"SWEpisodes 2 SW_DECOM"});
  // SW_DEC from 1 April 2025 to 31 March 2026 only.
  EXPECT_EQ(FindingsOf("SW07STG2", 2026, Sws({Sw("01/01/2025", "01/04/2025")})), V{});
  EXPECT_EQ(FindingsOf("SW07STG2", 2026, Sws({Sw("01/01/2025", "31/03/2025")})),
            V{"SWEpisodes 2 SW_DEC"});
  EXPECT_EQ(FindingsOf("SW07STG2", 2026, Sws({Sw("01/01/2026", "31/03/2026")})), V{});
  EXPECT_EQ(FindingsOf("SW07STG2", 2026, Sws({Sw("01/01/2026", "01/04/2026")})),
            V{"SWEpisodes 2 SW_DEC"});
}

TEST(Rules903SocialWorkers, RuleSw08EarlierEpisodesEnded) {
  // File order is not date order: the open episode of 1 May is followed by one of 1 June.
  EXPECT_EQ(FindingsOf("SW08STG2", 2026, Sws({Sw("01/06/2025"), Sw("01/05/2025")})),
            V{"SWEpisodes 3 SW_DEC"});
  EXPECT_EQ(FindingsOf("SW08STG2", 2026, Sws({Sw("01/06/2025"), Sw("01/05/2025", "01/06/2025")})),
            V{});
  // Another child's open episode is not this one's.
  EXPECT_EQ(FindingsOf("SW08STG2", 2026,
                       Sws({Sw("01/05/2025"), Sw("01/06/2025", "", "MANAGE", "SW2", "C2")})),
            V{});
}

TEST(Rules903SocialWorkers, RuleSw09AtLeastADay) {
  EXPECT_EQ(FindingsOf("SW09STG2", 2026, Sws({Sw("01/05/2025", "02/05/2025")})), V{});
  EXPECT_EQ(FindingsOf("SW09STG2", 2026, Sws({Sw("01/05/2025", "01/05/2025")})),
            V{"SWEpisodes 2 SW_DEC"});
}

TEST(Rules903SocialWorkers, RuleSw10WithinSevenDays) {
  auto pair = [](std::string next_decom, std::string reason = "MANAGE") {
    return Sws({Sw("01/05/2025", "10/06/2025"), Sw(next_decom, "", reason)});
  };
  EXPECT_EQ(FindingsOf("SW10STG2", 2026, pair("17/06/2025")), V{});
  EXPECT_EQ(FindingsOf("SW10STG2", 2026, pair("18/06/2025")), V{"SWEpisodes 3 SW_DECOM"});
  EXPECT_EQ(FindingsOf("SW10STG2", 2026, pair("03/06/2025")), V{});
  EXPECT_EQ(FindingsOf("SW10STG2", 2026, pair("02/06/2025")), V{"SWEpisodes 3 SW_DECOM"});
  // From 2024/25 a first contact or re-referral may come any time later; not in 2023/24.
  EXPECT_EQ(FindingsOf("SW10STG2", 2026, pair("18/06/2025", "FCONTA")), V{});
  EXPECT_EQ(FindingsOf("SW10STG2", 2024,
                       Sws({Sw("01/05/2023", "10/06/2023"), Sw("18/06/2023", "", "FCONTA")})),
            V{"SWEpisodes 3 SW_DECOM"});
}

}  // namespace
}  // namespace journey::returns
