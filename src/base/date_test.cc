#include "base/date.h"

#include <gtest/gtest.h>

#include <string>

namespace journey {
namespace {

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d); }

TEST(DateTest, EpochAndKnownDayNumbers) {
  EXPECT_EQ(D(1970, 1, 1).days(), 0);
  EXPECT_EQ(D(1970, 1, 2).days(), 1);
  EXPECT_EQ(D(1969, 12, 31).days(), -1);
  EXPECT_EQ(D(2000, 1, 1).days(), 10957);
  EXPECT_EQ(D(2000, 3, 1).days(), 11017);
  EXPECT_EQ(D(2024, 2, 29).days(), 19782);
  EXPECT_EQ(D(1800, 1, 1).days(), -62091);
  EXPECT_EQ(D(2200, 12, 31).days(), 84370);
}

TEST(DateTest, RoundTripsEveryDayFrom1800To2200) {
  int32_t expected = D(1800, 1, 1).days();
  for (int y = 1800; y <= 2200; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= DaysInMonth(y, m); ++d) {
        const Date date = D(y, m, d);
        ASSERT_EQ(date.days(), expected) << y << "-" << m << "-" << d;
        const YearMonthDay ymd = date.ToYmd();
        ASSERT_EQ(ymd.year, y);
        ASSERT_EQ(ymd.month, m);
        ASSERT_EQ(ymd.day, d);
        ++expected;
      }
    }
  }
}

TEST(DateTest, Weekdays) {
  EXPECT_EQ(D(1970, 1, 1).weekday(), Weekday::kThursday);
  EXPECT_EQ(D(1969, 12, 29).weekday(), Weekday::kMonday);
  EXPECT_EQ(D(1969, 12, 28).weekday(), Weekday::kSunday);
  EXPECT_EQ(D(1800, 1, 1).weekday(), Weekday::kWednesday);
  EXPECT_EQ(D(2000, 1, 1).weekday(), Weekday::kSaturday);
  EXPECT_EQ(D(2022, 12, 25).weekday(), Weekday::kSunday);
  EXPECT_EQ(D(2024, 2, 29).weekday(), Weekday::kThursday);
  EXPECT_EQ(D(2040, 12, 31).weekday(), Weekday::kMonday);
  // Consecutive days cycle through the week.
  for (int32_t n = -70000; n < 90000; ++n) {
    ASSERT_EQ((static_cast<int>(Date::FromDays(n).weekday()) + 1) % 7,
              static_cast<int>(Date::FromDays(n + 1).weekday()));
  }
}

TEST(DateTest, LeapYears) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2100));
  EXPECT_FALSE(IsLeapYear(2023));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2024, 4), 30);
  EXPECT_EQ(DaysInMonth(2024, 12), 31);
  EXPECT_TRUE(IsValidYmd(2024, 2, 29));
  EXPECT_FALSE(IsValidYmd(2023, 2, 29));
  EXPECT_FALSE(IsValidYmd(2024, 13, 1));
  EXPECT_FALSE(IsValidYmd(2024, 0, 1));
  EXPECT_FALSE(IsValidYmd(2024, 1, 0));

  EXPECT_TRUE(Date::ParseIso("2024-02-29").has_value());
  EXPECT_TRUE(Date::ParseIso("2000-02-29").has_value());
  EXPECT_FALSE(Date::ParseIso("1900-02-29").has_value());
  EXPECT_FALSE(Date::ParseIso("2023-02-29").has_value());
  EXPECT_TRUE(Date::ParseDmy("29/02/2024").has_value());
  EXPECT_FALSE(Date::ParseDmy("29/02/1900").has_value());
}

TEST(DateTest, ParsesBothForms) {
  EXPECT_EQ(*Date::ParseIso("2024-01-31"), D(2024, 1, 31));
  EXPECT_EQ(*Date::ParseDmy("31/01/2024"), D(2024, 1, 31));
  EXPECT_EQ(*Date::Parse("2024-01-31"), D(2024, 1, 31));
  EXPECT_EQ(*Date::Parse("31/01/2024"), D(2024, 1, 31));
  EXPECT_EQ(*Date::ParseIso("1800-01-01"), D(1800, 1, 1));
  EXPECT_EQ(*Date::ParseIso("2200-12-31"), D(2200, 12, 31));
  // ISO only in ParseIso, dd/mm/yyyy only in ParseDmy.
  EXPECT_FALSE(Date::ParseIso("31/01/2024").has_value());
  EXPECT_FALSE(Date::ParseDmy("2024-01-31").has_value());
}

TEST(DateTest, FormatsBothForms) {
  EXPECT_EQ(D(2024, 1, 2).ToIso(), "2024-01-02");
  EXPECT_EQ(D(2024, 1, 2).ToDmy(), "02/01/2024");
  EXPECT_EQ(D(1800, 12, 31).ToIso(), "1800-12-31");
  EXPECT_EQ(D(2200, 1, 1).ToDmy(), "01/01/2200");
}

// Each bad input is refused, and the message names the value and the form expected.
struct BadDate {
  const char* text;
  const char* message;
};

void ExpectRefused(const Result<Date>& r, const BadDate& bad) {
  ASSERT_FALSE(r.has_value()) << bad.text;
  EXPECT_EQ(r.error().message(), bad.message) << bad.text;
  if (*bad.text != '\0') {
    EXPECT_NE(r.error().message().find(std::string("\"") + bad.text + "\""), std::string::npos)
        << r.error().message();
  }
}

TEST(DateTest, RefusesBadIsoDates) {
  const BadDate cases[] = {
      {"", "date is empty (expected YYYY-MM-DD)"},
      {"2023-02-29",
       "date \"2023-02-29\" is not a real date: 2023 is not a leap year, so February has 28 days "
       "(expected YYYY-MM-DD)"},
      {"1900-02-29",
       "date \"1900-02-29\" is not a real date: 1900 is not a leap year, so February has 28 days "
       "(expected YYYY-MM-DD)"},
      {"2024-13-01",
       "date \"2024-13-01\" is not a real date: there is no month 13 (expected "
       "YYYY-MM-DD)"},
      {"2024-00-10",
       "date \"2024-00-10\" is not a real date: there is no month 00 (expected "
       "YYYY-MM-DD)"},
      {"2024-01-00",
       "date \"2024-01-00\" is not a real date: there is no day 00 (expected "
       "YYYY-MM-DD)"},
      {"2024-04-31",
       "date \"2024-04-31\" is not a real date: April has 30 days (expected "
       "YYYY-MM-DD)"},
      {"2024-01-32",
       "date \"2024-01-32\" is not a real date: January has 31 days (expected "
       "YYYY-MM-DD)"},
      {"2024-1-01", "date \"2024-1-01\" is not in the form YYYY-MM-DD"},
      {"2024-01-1", "date \"2024-01-1\" is not in the form YYYY-MM-DD"},
      {"24-01-01", "date \"24-01-01\" is not in the form YYYY-MM-DD"},
      {"2024/01/01", "date \"2024/01/01\" is not in the form YYYY-MM-DD"},
      {"2024.01.01", "date \"2024.01.01\" is not in the form YYYY-MM-DD"},
      {"2024-01-01 ", "date \"2024-01-01 \" is not in the form YYYY-MM-DD"},
      {" 2024-01-01", "date \" 2024-01-01\" is not in the form YYYY-MM-DD"},
      {"2024-01-01T00:00", "date \"2024-01-01T00:00\" is not in the form YYYY-MM-DD"},
      {"2024-0a-01", "date \"2024-0a-01\" is not in the form YYYY-MM-DD"},
      {"+024-01-01", "date \"+024-01-01\" is not in the form YYYY-MM-DD"},
      {"yesterday", "date \"yesterday\" is not in the form YYYY-MM-DD"},
      {"1799-12-31", "date \"1799-12-31\" is outside the years Journey accepts (1800 to 2200)"},
      {"2201-01-01", "date \"2201-01-01\" is outside the years Journey accepts (1800 to 2200)"},
  };
  for (const BadDate& bad : cases) ExpectRefused(Date::ParseIso(bad.text), bad);
}

TEST(DateTest, RefusesBadDmyDates) {
  const BadDate cases[] = {
      {"", "date is empty (expected dd/mm/yyyy)"},
      {"31/04/2024",
       "date \"31/04/2024\" is not a real date: April has 30 days (expected "
       "dd/mm/yyyy)"},
      {"00/01/2020",
       "date \"00/01/2020\" is not a real date: there is no day 00 (expected "
       "dd/mm/yyyy)"},
      {"01/13/2024",
       "date \"01/13/2024\" is not a real date: there is no month 13 (expected "
       "dd/mm/yyyy)"},
      {"29/02/2023",
       "date \"29/02/2023\" is not a real date: 2023 is not a leap year, so February has 28 days "
       "(expected dd/mm/yyyy)"},
      {"30/02/2024",
       "date \"30/02/2024\" is not a real date: February has 29 days (expected "
       "dd/mm/yyyy)"},
      {"1/02/2024", "date \"1/02/2024\" is not in the form dd/mm/yyyy"},
      {"01/2/2024", "date \"01/2/2024\" is not in the form dd/mm/yyyy"},
      {"01/02/24", "date \"01/02/24\" is not in the form dd/mm/yyyy"},
      {"01-02-2024", "date \"01-02-2024\" is not in the form dd/mm/yyyy"},
      {"01.02.2024", "date \"01.02.2024\" is not in the form dd/mm/yyyy"},
      {"01/02/2024x", "date \"01/02/2024x\" is not in the form dd/mm/yyyy"},
      {"ab/cd/efgh", "date \"ab/cd/efgh\" is not in the form dd/mm/yyyy"},
      {"31/12/1799", "date \"31/12/1799\" is outside the years Journey accepts (1800 to 2200)"},
  };
  for (const BadDate& bad : cases) ExpectRefused(Date::ParseDmy(bad.text), bad);
}

TEST(DateTest, ParseTellsFormsApartBySeparator) {
  const BadDate cases[] = {
      {"", "date is empty (expected YYYY-MM-DD or dd/mm/yyyy)"},
      {"1/2/2024", "date \"1/2/2024\" is not in the form YYYY-MM-DD or dd/mm/yyyy"},
      {"20240101", "date \"20240101\" is not in the form YYYY-MM-DD or dd/mm/yyyy"},
      {"next week", "date \"next week\" is not in the form YYYY-MM-DD or dd/mm/yyyy"},
      {"31/04/2024",
       "date \"31/04/2024\" is not a real date: April has 30 days (expected "
       "dd/mm/yyyy)"},
      {"2024-13-01",
       "date \"2024-13-01\" is not a real date: there is no month 13 (expected "
       "YYYY-MM-DD)"},
  };
  for (const BadDate& bad : cases) ExpectRefused(Date::Parse(bad.text), bad);
  EXPECT_EQ(Date::Parse("2024-13-01").error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Date::Parse("1700-01-01").error().code(), StatusCode::kOutOfRange);
}

TEST(DateTest, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(D(2024, 1, 31).AddMonths(1), D(2024, 2, 29));
  EXPECT_EQ(D(2023, 1, 31).AddMonths(1), D(2023, 2, 28));
  EXPECT_EQ(D(2024, 3, 31).AddMonths(1), D(2024, 4, 30));
  EXPECT_EQ(D(2024, 3, 31).AddMonths(-1), D(2024, 2, 29));
  EXPECT_EQ(D(2024, 1, 15).AddMonths(3), D(2024, 4, 15));
  EXPECT_EQ(D(2024, 11, 30).AddMonths(3), D(2025, 2, 28));
  EXPECT_EQ(D(2024, 1, 15).AddMonths(-1), D(2023, 12, 15));
  EXPECT_EQ(D(2024, 1, 15).AddMonths(-13), D(2022, 12, 15));
  EXPECT_EQ(D(2024, 8, 31).AddMonths(6), D(2025, 2, 28));
  EXPECT_EQ(D(2024, 5, 5).AddMonths(0), D(2024, 5, 5));
  EXPECT_EQ(D(2024, 2, 29).AddYears(1), D(2025, 2, 28));
  EXPECT_EQ(D(2024, 2, 29).AddYears(4), D(2028, 2, 29));
  EXPECT_EQ(D(2024, 2, 29).AddYears(-1), D(2023, 2, 28));
  EXPECT_EQ(D(2024, 6, 1).AddDays(30), D(2024, 7, 1));
  EXPECT_EQ(D(2024, 3, 1) - D(2024, 2, 1), 29);
}

TEST(DateTest, AgeInYears) {
  const Date birth = D(2010, 6, 15);
  EXPECT_EQ(AgeInYears(birth, D(2010, 6, 15)), 0);
  EXPECT_EQ(AgeInYears(birth, D(2028, 6, 14)), 17);
  EXPECT_EQ(AgeInYears(birth, D(2028, 6, 15)), 18);
  EXPECT_EQ(AgeInYears(birth, D(2028, 6, 16)), 18);
  EXPECT_EQ(AgeInYears(birth, D(2029, 1, 1)), 18);
  EXPECT_LT(AgeInYears(birth, D(2010, 6, 14)), 0);  // not yet born
  EXPECT_LT(AgeInYears(birth, D(2009, 1, 1)), 0);
}

TEST(DateTest, AgeOn29FebruaryBirthdays) {
  const Date birth = D(2008, 2, 29);
  // Leap year: the birthday itself.
  EXPECT_EQ(AgeInYears(birth, D(2024, 2, 28)), 15);
  EXPECT_EQ(AgeInYears(birth, D(2024, 2, 29)), 16);
  EXPECT_EQ(AgeInYears(birth, D(2024, 3, 1)), 16);
  // Common year: attained on 1 March.
  EXPECT_EQ(AgeInYears(birth, D(2023, 2, 28)), 14);
  EXPECT_EQ(AgeInYears(birth, D(2023, 3, 1)), 15);
  EXPECT_EQ(AgeInYears(birth, D(2026, 2, 28)), 17);
  EXPECT_EQ(AgeInYears(birth, D(2026, 3, 1)), 18);
  EXPECT_EQ(AgeInYears(birth, D(2008, 2, 29)), 0);
  EXPECT_EQ(AgeInYears(birth, D(2009, 2, 28)), 0);
  EXPECT_EQ(AgeInYears(birth, D(2009, 3, 1)), 1);
}

TEST(DateTest, CollectionYears) {
  EXPECT_EQ(CollectionYearOf(D(2025, 3, 31)), 2025);
  EXPECT_EQ(CollectionYearOf(D(2025, 4, 1)), 2026);
  EXPECT_EQ(CollectionYearOf(D(2026, 3, 31)), 2026);
  EXPECT_EQ(CollectionYearOf(D(2026, 4, 1)), 2027);
  EXPECT_EQ(CollectionYearOf(D(2025, 12, 31)), 2026);
  EXPECT_EQ(CollectionYearOf(D(2026, 1, 1)), 2026);
  EXPECT_EQ(CollectionYearStart(2026), D(2025, 4, 1));
  EXPECT_EQ(CollectionYearEnd(2026), D(2026, 3, 31));
  EXPECT_EQ(CollectionYearEnd(2024), D(2024, 3, 31));
  for (int y = 1995; y <= 2040; ++y) {
    EXPECT_EQ(CollectionYearOf(CollectionYearStart(y)), y);
    EXPECT_EQ(CollectionYearOf(CollectionYearEnd(y)), y);
    EXPECT_EQ(CollectionYearOf(CollectionYearStart(y).AddDays(-1)), y - 1);
    EXPECT_EQ(CollectionYearOf(CollectionYearEnd(y).AddDays(1)), y + 1);
    EXPECT_EQ(CollectionYearEnd(y) - CollectionYearStart(y) + 1, IsLeapYear(y) ? 366 : 365);
  }
}

TEST(DateTest, Ordering) {
  EXPECT_LT(D(2024, 1, 1), D(2024, 1, 2));
  EXPECT_EQ(D(2024, 1, 1), *Date::ParseDmy("01/01/2024"));
  EXPECT_GT(D(2024, 1, 1), D(1999, 12, 31));
}

}  // namespace
}  // namespace journey
