#include "base/calendar.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace journey {
namespace {

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d); }
Date Iso(const char* s) { return *Date::ParseIso(s); }

const WorkingDayCalendar& Cal() { return WorkingDayCalendar::EnglandAndWales(); }

std::vector<std::string> HolidaysIn(int year) {
  std::vector<std::string> out;
  for (const BankHoliday& h : Cal().holidays()) {
    if (h.date.year() == year) out.push_back(h.date.ToIso().substr(5));
  }
  return out;
}

std::string NameOf(Date d) {
  for (const BankHoliday& h : Cal().holidays()) {
    if (h.date == d) return h.name;
  }
  return "";
}

Date Add(Date from, int n) {
  Result<Date> r = Cal().AddWorkingDays(from, n);
  EXPECT_TRUE(r.has_value()) << from.ToIso() << " " << n << ": " << r.error().ToString();
  return r.value_or(Date());
}

int Between(Date from, Date to) {
  Result<int> r = Cal().WorkingDaysBetween(from, to);
  EXPECT_TRUE(r.has_value()) << from.ToIso() << " " << to.ToIso() << ": " << r.error().ToString();
  return r.value_or(-999999);
}

// Working days stepped one calendar day at a time: the slow, obvious definition.
Date NaiveAdd(Date from, int n) {
  Date d = from;
  const int step = n > 0 ? 1 : -1;
  while (n != 0) {
    d = d.AddDays(step);
    if (d.weekday() < Weekday::kSaturday && !Cal().IsBankHoliday(d)) n -= step;
  }
  return d;
}

TEST(CalendarTest, CoversTheEmbeddedYears) {
  EXPECT_EQ(Cal().first_covered(), D(1990, 1, 1));
  EXPECT_EQ(Cal().last_covered(), D(2040, 12, 31));
  EXPECT_TRUE(Cal().Covers(D(1990, 1, 1)));
  EXPECT_TRUE(Cal().Covers(D(2040, 12, 31)));
  EXPECT_FALSE(Cal().Covers(D(1989, 12, 31)));
  EXPECT_FALSE(Cal().Covers(D(2041, 1, 1)));
  EXPECT_EQ(&WorkingDayCalendar::EnglandAndWales(), &Cal());  // built once
}

TEST(CalendarTest, EveryYearLooksRight) {
  std::map<int, int> per_year;
  Date previous = D(1989, 12, 31);
  for (const BankHoliday& h : Cal().holidays()) {
    EXPECT_LT(previous, h.date) << "holidays are sorted and distinct";
    previous = h.date;
    EXPECT_LT(h.date.weekday(), Weekday::kSaturday) << h.date.ToIso();
    EXPECT_FALSE(h.name.empty());
    EXPECT_TRUE(Cal().IsBankHoliday(h.date));
    EXPECT_FALSE(Cal().IsWorkingDay(h.date));
    ++per_year[h.date.year()];
  }
  for (int y = 1990; y <= 2040; ++y) {
    // 8 every year, plus the one-off holidays (1999, 2002, 2011, 2012, 2022 twice, 2023).
    const int one_offs = (y == 1999 || y == 2002 || y == 2011 || y == 2012 || y == 2023) ? 1
                         : y == 2022                                                     ? 2
                                                                                         : 0;
    EXPECT_EQ(per_year[y], 8 + one_offs) << y;
  }
}

TEST(CalendarTest, PublishedYears) {
  using V = std::vector<std::string>;
  EXPECT_EQ(HolidaysIn(2020),
            (V{"01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"}));
  EXPECT_EQ(HolidaysIn(2021),
            (V{"01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"}));
  EXPECT_EQ(HolidaysIn(2022), (V{"01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29",
                                 "09-19", "12-26", "12-27"}));
  EXPECT_EQ(HolidaysIn(2023),
            (V{"01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"}));
  EXPECT_EQ(HolidaysIn(2024),
            (V{"01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"}));
  EXPECT_EQ(HolidaysIn(2025),
            (V{"01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"}));
  EXPECT_EQ(HolidaysIn(2026),
            (V{"01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"}));
  EXPECT_EQ(HolidaysIn(1995),
            (V{"01-02", "04-14", "04-17", "05-08", "05-29", "08-28", "12-25", "12-26"}));
  EXPECT_EQ(HolidaysIn(1999),
            (V{"01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28", "12-31"}));
  EXPECT_EQ(HolidaysIn(2000),
            (V{"01-03", "04-21", "04-24", "05-01", "05-29", "08-28", "12-25", "12-26"}));
  EXPECT_EQ(HolidaysIn(2002),
            (V{"01-01", "03-29", "04-01", "05-06", "06-03", "06-04", "08-26", "12-25", "12-26"}));
  EXPECT_EQ(HolidaysIn(2011),
            (V{"01-03", "04-22", "04-25", "04-29", "05-02", "05-30", "08-29", "12-26", "12-27"}));
  EXPECT_EQ(HolidaysIn(2012),
            (V{"01-02", "04-06", "04-09", "05-07", "06-04", "06-05", "08-27", "12-25", "12-26"}));
}

TEST(CalendarTest, OneOffHolidays) {
  for (const char* d :
       {"1999-12-31", "2002-06-03", "2002-06-04", "2011-04-29", "2012-06-04", "2012-06-05",
        "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08", "1995-05-08", "2020-05-08"}) {
    EXPECT_TRUE(Cal().IsBankHoliday(Iso(d))) << d;
  }
  // The usual dates the moved holidays replaced are ordinary working days.
  for (const char* d : {"1995-05-01", "2020-05-04", "2002-05-27", "2012-05-28", "2022-05-30"}) {
    EXPECT_FALSE(Cal().IsBankHoliday(Iso(d))) << d;
    EXPECT_TRUE(Cal().IsWorkingDay(Iso(d))) << d;
  }
  EXPECT_EQ(NameOf(Iso("2022-09-19")), "Bank Holiday for the State Funeral of Queen Elizabeth II");
  EXPECT_EQ(NameOf(Iso("2023-05-08")), "Bank holiday for the coronation of King Charles III");
  EXPECT_EQ(NameOf(Iso("2020-05-08")), "Early May bank holiday (VE day)");
}

TEST(CalendarTest, EasterHolidays) {
  const char* easter_sundays[] = {"1990-04-15", "1991-03-31", "1995-04-16", "2000-04-23",
                                  "2008-03-23", "2011-04-24", "2013-03-31", "2016-03-27",
                                  "2019-04-21", "2024-03-31", "2025-04-20", "2030-04-21",
                                  "2035-03-25", "2038-04-25", "2040-04-01"};
  for (const char* s : easter_sundays) {
    const Date easter = Iso(s);
    EXPECT_EQ(NameOf(easter.AddDays(-2)), "Good Friday") << s;
    EXPECT_EQ(NameOf(easter.AddDays(1)), "Easter Monday") << s;
    EXPECT_FALSE(Cal().IsBankHoliday(easter.AddDays(-3))) << s;  // Maundy Thursday
    EXPECT_FALSE(Cal().IsBankHoliday(easter.AddDays(2))) << s;
  }
  // Exactly one Good Friday and one Easter Monday a year.
  std::map<int, int> good_fridays, easter_mondays;
  for (const BankHoliday& h : Cal().holidays()) {
    if (h.name == "Good Friday") {
      EXPECT_EQ(h.date.weekday(), Weekday::kFriday);
      ++good_fridays[h.date.year()];
      EXPECT_EQ(NameOf(h.date.AddDays(3)), "Easter Monday") << h.date.ToIso();
    }
    if (h.name == "Easter Monday") ++easter_mondays[h.date.year()];
  }
  for (int y = 1990; y <= 2040; ++y) {
    EXPECT_EQ(good_fridays[y], 1) << y;
    EXPECT_EQ(easter_mondays[y], 1) << y;
  }
}

TEST(CalendarTest, SubstituteDays) {
  for (const char* d : {"2010-12-27", "2010-12-28", "2016-12-26", "2016-12-27", "2021-12-27",
                        "2021-12-28", "2022-01-03", "2022-12-26", "2022-12-27", "2027-12-27",
                        "2027-12-28", "2000-01-03", "2011-01-03", "2017-01-02", "2023-01-02",
                        "2020-12-28", "2026-12-28", "2032-12-27", "2032-12-28"}) {
    EXPECT_TRUE(Cal().IsBankHoliday(Iso(d))) << d;
  }
  EXPECT_EQ(NameOf(Iso("2021-12-27")), "Christmas Day (substitute day)");
  EXPECT_EQ(NameOf(Iso("2021-12-28")), "Boxing Day (substitute day)");
  EXPECT_EQ(NameOf(Iso("2022-01-03")), "New Year's Day (substitute day)");
  // Weekend holidays themselves are not in the file (they are not working days anyway).
  EXPECT_FALSE(Cal().IsBankHoliday(Iso("2021-12-25")));
  EXPECT_FALSE(Cal().IsWorkingDay(Iso("2021-12-25")));
  EXPECT_FALSE(Cal().IsBankHoliday(Iso("2022-01-01")));
}

TEST(CalendarTest, AddWorkingDaysOverWeekendsAndHolidays) {
  // Thu 22 Dec 2022: Fri 23, then Mon 26 and Tue 27 are bank holidays.
  EXPECT_EQ(Add(Iso("2022-12-22"), 1), Iso("2022-12-23"));
  EXPECT_EQ(Add(Iso("2022-12-22"), 2), Iso("2022-12-28"));
  EXPECT_EQ(Add(Iso("2022-12-23"), 1), Iso("2022-12-28"));
  EXPECT_EQ(Add(Iso("2022-12-24"), 1), Iso("2022-12-28"));  // from a Saturday
  EXPECT_EQ(Add(Iso("2022-12-30"), 1), Iso("2023-01-03"));  // over New Year substitute
  EXPECT_EQ(Add(Iso("2020-12-24"), 1), Iso("2020-12-29"));
  EXPECT_EQ(Add(Iso("2024-03-28"), 1), Iso("2024-04-02"));  // Easter
  EXPECT_EQ(Add(Iso("2024-03-29"), 1), Iso("2024-04-02"));  // from Good Friday
  EXPECT_EQ(Add(Iso("2022-06-01"), 1), Iso("2022-06-06"));  // Platinum Jubilee
  EXPECT_EQ(Add(Iso("2022-09-16"), 1), Iso("2022-09-20"));  // State Funeral
  EXPECT_EQ(Add(Iso("2023-05-05"), 1), Iso("2023-05-09"));  // Coronation
  EXPECT_EQ(Add(Iso("2020-05-07"), 1), Iso("2020-05-11"));  // VE day, Friday
  EXPECT_EQ(Add(Iso("2024-06-07"), 1), Iso("2024-06-10"));  // Fri -> Mon
  EXPECT_EQ(Add(Iso("2024-06-08"), 0), Iso("2024-06-08"));  // n = 0: unchanged, even Sat
  // Backwards.
  EXPECT_EQ(Add(Iso("2022-12-28"), -1), Iso("2022-12-23"));
  EXPECT_EQ(Add(Iso("2024-12-31"), -1), Iso("2024-12-30"));
  EXPECT_EQ(Add(Iso("2024-06-10"), -1), Iso("2024-06-07"));
  EXPECT_EQ(Add(Iso("2024-06-09"), -1), Iso("2024-06-07"));  // from a Sunday
}

TEST(CalendarTest, FortyFiveWorkingDaysFromAReferral) {
  // Working Together: a child and family assessment concludes within 45 working days of
  // the referral; the deadline is the 45th working day after the day of referral.
  EXPECT_EQ(Add(Iso("2024-01-08"), 45), Iso("2024-03-11"));  // nine clear weeks
  EXPECT_EQ(Add(Iso("2023-11-20"), 45), Iso("2024-01-25"));  // + Christmas and New Year
  EXPECT_EQ(Between(Iso("2023-11-20"), Iso("2024-01-25")), 45);
  EXPECT_EQ(Between(Iso("2023-11-20"), Iso("2024-01-24")), 44);
  EXPECT_EQ(Between(Iso("2023-11-20"), Iso("2024-01-26")), 46);
  // A referral on a Saturday counts from Monday.
  EXPECT_EQ(Add(Iso("2024-01-06"), 45), Add(Iso("2024-01-05"), 45));
}

TEST(CalendarTest, WorkingDaysBetween) {
  EXPECT_EQ(Between(Iso("2022-12-22"), Iso("2022-12-28")), 2);
  EXPECT_EQ(Between(Iso("2024-06-07"), Iso("2024-06-07")), 0);
  EXPECT_EQ(Between(Iso("2024-06-07"), Iso("2024-06-08")), 0);    // Fri -> Sat
  EXPECT_EQ(Between(Iso("2024-06-07"), Iso("2024-06-10")), 1);    // Fri -> Mon
  EXPECT_EQ(Between(Iso("2024-06-08"), Iso("2024-06-09")), 0);    // Sat -> Sun
  EXPECT_EQ(Between(Iso("2024-01-01"), Iso("2024-12-31")), 254);  // 1 Jan is a holiday
  EXPECT_EQ(Between(Iso("2023-12-31"), Iso("2024-12-31")), 254);  // whole of 2024
  EXPECT_EQ(Between(Iso("2019-12-31"), Iso("2020-12-31")), 254);  // whole of 2020
  EXPECT_EQ(Between(Iso("2021-12-31"), Iso("2022-12-31")), 250);  // 2022: ten holidays
}

TEST(CalendarTest, BackwardsCountIsTheMirrorImage) {
  // Backwards, `from` is excluded and `to` included: 28 Dec back to 22 Dec passes
  // 23 Dec and 22 Dec (the 26th and 27th are holidays).
  EXPECT_EQ(Between(Iso("2022-12-28"), Iso("2022-12-23")), -1);
  EXPECT_EQ(Between(Iso("2022-12-28"), Iso("2022-12-22")), -2);
  EXPECT_EQ(Between(Iso("2024-06-10"), Iso("2024-06-07")), -1);  // Mon -> Fri
  EXPECT_EQ(Between(Iso("2024-06-09"), Iso("2024-06-07")), -1);  // Sun -> Fri
  EXPECT_EQ(Between(Iso("2024-06-09"), Iso("2024-06-08")), 0);   // Sun -> Sat
}

TEST(CalendarTest, BetweenInvertsAdd) {
  std::mt19937 rng(20240229);
  const int32_t first = Cal().first_covered().days() + 200;
  const int32_t span = Cal().last_covered().days() - 200 - first;
  std::uniform_int_distribution<int32_t> day(0, span);
  std::uniform_int_distribution<int> count(-120, 120);
  for (int i = 0; i < 20000; ++i) {
    const Date x = Date::FromDays(first + day(rng));
    const int n = i < 200 ? 0 : count(rng);
    const Date y = Add(x, n);
    ASSERT_EQ(Between(x, y), n) << x.ToIso() << " + " << n;
    if (n != 0) {
      ASSERT_EQ(y, NaiveAdd(x, n)) << x.ToIso() << " + " << n;
      ASSERT_TRUE(Cal().IsWorkingDay(y));
    }
  }
  // Every day of Christmas 2022, weekends and holidays included.
  for (Date x = Iso("2022-12-17"); x <= Iso("2023-01-08"); x = x.AddDays(1)) {
    for (int n = -15; n <= 15; ++n) {
      EXPECT_EQ(Between(x, Add(x, n)), n) << x.ToIso() << " + " << n;
      if (n != 0) {
        EXPECT_EQ(Add(x, n), NaiveAdd(x, n)) << x.ToIso() << " + " << n;
      }
    }
  }
}

TEST(CalendarTest, NextWorkingDayOnOrAfter) {
  EXPECT_EQ(*Cal().NextWorkingDayOnOrAfter(Iso("2022-12-24")), Iso("2022-12-28"));
  EXPECT_EQ(*Cal().NextWorkingDayOnOrAfter(Iso("2022-12-28")), Iso("2022-12-28"));
  EXPECT_EQ(*Cal().NextWorkingDayOnOrAfter(Iso("2023-05-08")), Iso("2023-05-09"));
  EXPECT_EQ(Cal().NextWorkingDayOnOrAfter(Iso("2041-01-01")).error().code(),
            StatusCode::kOutOfRange);
}

TEST(CalendarTest, OutOfRange) {
  const auto add_after = Cal().AddWorkingDays(Iso("2041-01-02"), 1);
  ASSERT_FALSE(add_after.has_value());
  EXPECT_EQ(add_after.error().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(add_after.error().message(),
            "date 2041-01-02 is outside the working-day calendar, which covers 1990-01-01 to "
            "2040-12-31; load a bank-holiday file that covers it");
  EXPECT_FALSE(Cal().AddWorkingDays(Iso("1989-12-29"), 0).has_value());

  const auto past_end = Cal().AddWorkingDays(Iso("2040-12-24"), 10);
  ASSERT_FALSE(past_end.has_value());
  EXPECT_EQ(past_end.error().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(past_end.error().message(),
            "adding 10 working days to 2040-12-24 goes outside the working-day calendar, which "
            "covers 1990-01-01 to 2040-12-31; load a bank-holiday file that covers it");
  const auto before_start = Cal().AddWorkingDays(Iso("1990-01-03"), -2);
  ASSERT_FALSE(before_start.has_value());
  EXPECT_NE(before_start.error().message().find("subtracting 2 working days from 1990-01-03"),
            std::string::npos);
  // The edges themselves are fine.
  EXPECT_EQ(Add(Iso("2040-12-28"), 1), Iso("2040-12-31"));
  EXPECT_EQ(Add(Iso("1990-01-03"), -1), Iso("1990-01-02"));

  const auto between = Cal().WorkingDaysBetween(Iso("2040-12-01"), Iso("2041-01-31"));
  ASSERT_FALSE(between.has_value());
  EXPECT_NE(between.error().message().find("2041-01-31"), std::string::npos);
  EXPECT_FALSE(Cal().WorkingDaysBetween(Iso("1989-12-01"), Iso("1990-01-31")).has_value());
  EXPECT_FALSE(Cal().IsWorkingDay(Iso("2041-01-02")));
  EXPECT_FALSE(Cal().IsBankHoliday(Iso("2041-01-01")));
}

// --- FromCsv / FromFile -------------------------------------------------------------------

std::string CsvError(std::string_view text) {
  Result<WorkingDayCalendar> cal = WorkingDayCalendar::FromCsv(text, "holidays.csv");
  EXPECT_FALSE(cal.has_value());
  return cal.has_value() ? "" : cal.error().message();
}

TEST(CalendarCsvTest, SmallCalendar) {
  Result<WorkingDayCalendar> cal = WorkingDayCalendar::FromCsv(
      "date,name\r\n2031-12-25,Christmas Day\r\n2031-01-01,New Year's Day\r\n"
      "2032-01-01,New Year's Day\r\n",
      "small.csv");
  ASSERT_TRUE(cal.has_value()) << cal.error().ToString();
  EXPECT_EQ(cal->first_covered(), D(2031, 1, 1));
  EXPECT_EQ(cal->last_covered(), D(2032, 12, 31));
  ASSERT_EQ(cal->holidays().size(), 3u);
  EXPECT_EQ(cal->holidays()[0].date, D(2031, 1, 1));  // sorted
  EXPECT_EQ(cal->holidays()[1].name, "Christmas Day");
  EXPECT_EQ(*cal->AddWorkingDays(D(2031, 12, 24), 1), D(2031, 12, 26));
  // Extra columns (e.g. a council's notes) are allowed, in any order.
  EXPECT_TRUE(
      WorkingDayCalendar::FromCsv("name,notes,date\nXmas,,2031-12-25\n", "x.csv").has_value());
}

TEST(CalendarCsvTest, Errors) {
  EXPECT_EQ(CsvError("date,name\n2031-12-25,Christmas Day\n25/12/2031,Christmas Day\n"),
            "holidays.csv line 3, field \"date\": date \"25/12/2031\" is not in the form "
            "YYYY-MM-DD");
  EXPECT_EQ(CsvError("date,name\n2031-02-29,Leap Day\n"),
            "holidays.csv line 2, field \"date\": date \"2031-02-29\" is not a real date: 2031 is "
            "not a leap year, so February has 28 days (expected YYYY-MM-DD)");
  EXPECT_EQ(CsvError("date,name\n2022-12-25,Christmas Day\n"),
            "holidays.csv line 2, field \"date\": 2022-12-25 is a Sunday; a bank holiday is "
            "always a weekday (when a holiday falls at a weekend, list the substitute weekday "
            "instead)");
  EXPECT_EQ(CsvError("date,name\n2031-12-25,Christmas Day\n2031-12-26,Boxing Day\n"
                     "2031-12-25,Christmas again\n"),
            "holidays.csv line 4, field \"date\": 2031-12-25 is listed twice (also on line 2); "
            "list each date once");
  EXPECT_EQ(CsvError("2031-12-25,Christmas Day\n2031-12-26,Boxing Day\n"),
            "holidays.csv line 1: the header must name the columns \"date\" and \"name\" "
            "(\"date,name\"), but it is \"2031-12-25,Christmas Day\"");
  EXPECT_EQ(CsvError("date,title\n2031-12-25,Christmas Day\n"),
            "holidays.csv line 1: the header must name the columns \"date\" and \"name\" "
            "(\"date,name\"), but it is \"date,title\"");
  EXPECT_EQ(CsvError("date,name\n"),
            "holidays.csv has no bank holidays: after the header \"date,name\" it needs one "
            "\"YYYY-MM-DD,Name\" line for each holiday");
  EXPECT_EQ(CsvError("date,name\n2031-12-25,\n"),
            "holidays.csv line 2, field \"name\": the name is empty; give the holiday's name, "
            "e.g. \"Christmas Day\"");
  EXPECT_EQ(CsvError("date,name\n2030-12-25,Christmas Day\n2032-12-27,Christmas Day\n"),
            "holidays.csv lists no bank holidays in 2031, but covers 2030 to 2032; every year in "
            "that range needs its holidays");
  EXPECT_EQ(CsvError("date,name\n2031-12-25,Christmas Day,extra\n"),
            "holidays.csv line 2: found 3 fields, expected 2 (one for each column of the "
            "header)");
  EXPECT_EQ(CsvError(""), "holidays.csv is empty: expected a header line naming the columns");
  // Bad input, whatever the fault: InvalidArgument (HTTP 400).
  for (const char* bad : {"date,name\n2031-12-25,A\n2031-12-25,B\n", "date,name\nx,A\n",
                          "date,name\n2022-12-25,A\n", "d,n\n"}) {
    Result<WorkingDayCalendar> cal = WorkingDayCalendar::FromCsv(bad, "holidays.csv");
    ASSERT_FALSE(cal.has_value()) << bad;
    EXPECT_EQ(cal.error().code(), StatusCode::kInvalidArgument) << bad;
  }
}

TEST(CalendarCsvTest, FromFile) {
  const std::string path = ::testing::TempDir() + "journey_holidays_test.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "date,name\n2041-01-01,New Year's Day\n2041-12-25,Christmas Day\n"
           "2041-12-26,Boxing Day\n";
  }
  Result<WorkingDayCalendar> cal = WorkingDayCalendar::FromFile(path);
  ASSERT_TRUE(cal.has_value()) << cal.error().ToString();
  EXPECT_EQ(cal->last_covered(), D(2041, 12, 31));
  EXPECT_EQ(*cal->AddWorkingDays(D(2041, 12, 24), 1), D(2041, 12, 27));
  std::remove(path.c_str());

  Result<WorkingDayCalendar> missing = WorkingDayCalendar::FromFile("/nonexistent/holidays.csv");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.error().message().find("\"/nonexistent/holidays.csv\""), std::string::npos);
}

TEST(CalendarCsvTest, CommittedFileMatchesEmbeddedCopy) {
  Result<WorkingDayCalendar> cal = WorkingDayCalendar::FromFile(
      std::string(JOURNEY_SOURCE_DIR) + "/data/bank_holidays_england_wales.csv");
  ASSERT_TRUE(cal.has_value()) << cal.error().ToString();
  ASSERT_EQ(cal->holidays().size(), Cal().holidays().size());
  for (size_t i = 0; i < Cal().holidays().size(); ++i) {
    EXPECT_EQ(cal->holidays()[i].date, Cal().holidays()[i].date);
    EXPECT_EQ(cal->holidays()[i].name, Cal().holidays()[i].name);
  }
}

}  // namespace
}  // namespace journey
