// Golden boundary tests of the shared statutory timescales (model/statutory.h), with the
// due dates worked out by hand from the England and Wales bank holidays.
#include "model/statutory.h"

#include <gtest/gtest.h>

namespace journey::model {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }
Date Due(const char* from) { return *InitialConferenceDue(D(from)); }
int Wd(Date from, Date to) {
  return *WorkingDayCalendar::EnglandAndWales().WorkingDaysBetween(from, to);
}

TEST(InitialConference, FifteenWorkingDaysInAnOrdinaryMonth) {
  // Mon 2 June 2025: three weeks of weekdays, no bank holiday, lands on Mon 23 June.
  EXPECT_EQ(Due("2025-06-02"), D("2025-06-23"));
}

TEST(InitialConference, HeldTheDayBeforeTheDayOfAndTheDayAfter) {
  const Date from = D("2025-06-02"), due = Due("2025-06-02");
  // The day before the due date is within (14), the day itself is the last day within
  // (15), the day after is late (16): the engine's ICPC_15WD and the census agree on this.
  EXPECT_EQ(Wd(from, due.AddDays(-3)), 14);  // Fri 20 June (the weekend sits between)
  EXPECT_EQ(Wd(from, due), kInitialConferenceWorkingDays);
  EXPECT_EQ(Wd(from, due.AddDays(1)), 16);
  EXPECT_LT(due.AddDays(-3), due);
  EXPECT_GT(due.AddDays(1), due);
}

TEST(InitialConference, OverChristmasAndNewYear) {
  // Fri 13 Dec 2024: 25 and 26 December and 1 January are not counted.
  EXPECT_EQ(Due("2024-12-13"), D("2025-01-08"));
  // The day before: three calendar days later than without the holidays.
  EXPECT_EQ(*WorkingDayCalendar::EnglandAndWales().AddWorkingDays(D("2024-12-13"), 14),
            D("2025-01-07"));
}

TEST(InitialConference, OverEaster) {
  // Thu 21 March 2024: Good Friday 29 March and Easter Monday 1 April are skipped.
  EXPECT_EQ(Due("2024-03-21"), D("2024-04-15"));
}

TEST(InitialConference, LeapDay) {
  // Thu 8 Feb 2024 falls due on the leap day itself; from the leap day, Thu 21 March.
  EXPECT_EQ(Due("2024-02-08"), D("2024-02-29"));
  EXPECT_EQ(Due("2024-02-29"), D("2024-03-21"));
}

TEST(InitialConference, FromAWeekendCountsFromTheNextWorkingDay) {
  // A discussion on Sat 7 June 2025: Mon 9 June is the first of the fifteen.
  EXPECT_EQ(Due("2025-06-07"), D("2025-06-27"));
}

TEST(InitialConference, CountsFromTheLinkedStrategyDiscussion) {
  EXPECT_EQ(InitialConferenceCountsFrom(D("2025-06-04"), D("2025-06-02")), D("2025-06-02"));
  EXPECT_EQ(InitialConferenceCountsFrom(D("2025-06-04"), std::nullopt), D("2025-06-04"));
}

TEST(InitialConference, OutsideTheCalendarIsAnErrorNotAGuess) {
  auto r = InitialConferenceDue(D("2041-01-02"));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("2041-01-02"), std::string::npos) << r.error().message();
  // The last date the calendar can count from: 15 working days still fit in 2040.
  EXPECT_TRUE(InitialConferenceDue(D("2040-12-03")));
  EXPECT_FALSE(InitialConferenceDue(D("2040-12-28")));
}

}  // namespace
}  // namespace journey::model
