#!/usr/bin/env python3
"""Generates data/bank_holidays_england_wales.csv (England and Wales, 1990 to 2040).

How it was used: run once, `python3 scripts/gen_bank_holidays.py > data/bank_holidays_england_wales.csv`,
then the output was checked against the dates published on gov.uk/bank-holidays for the
years announced so far (see src/base/calendar_test.cc for the golden years). The CSV is the
committed source of truth; this script only records how the file was first built. When a new
one-off holiday is announced, edit the CSV (and, if you like, ONE_OFFS below to keep them in
step).

Years after the last announced year are projected by the usual rules (Banking and Financial
Dealings Act 1971 plus the royal proclamations for New Year's Day and the early May holiday),
so they may need a one-off holiday added or a holiday moved when one is announced.
"""

import datetime as dt
import sys

FIRST_YEAR = 1990
LAST_YEAR = 2040

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

# Holidays moved from their usual date: year -> (new date, name) or new date.
MOVED_EARLY_MAY = {
    1995: (dt.date(1995, 5, 8), "Early May bank holiday (VE day)"),
    2020: (dt.date(2020, 5, 8), "Early May bank holiday (VE day)"),
}
MOVED_SPRING = {
    2002: dt.date(2002, 6, 4),
    2012: dt.date(2012, 6, 4),
    2022: dt.date(2022, 6, 2),
}
ONE_OFFS = [
    (dt.date(1999, 12, 31), "Millennium Celebrations"),
    (dt.date(2002, 6, 3), "Golden Jubilee of Queen Elizabeth II"),
    (dt.date(2011, 4, 29), "Wedding of Prince William and Catherine Middleton"),
    (dt.date(2012, 6, 5), "Diamond Jubilee of Queen Elizabeth II"),
    (dt.date(2022, 6, 3), "Platinum Jubilee of Queen Elizabeth II"),
    (dt.date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
    (dt.date(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
]


def easter_sunday(year):
    """Gregorian Easter Sunday (the anonymous Gregorian computus)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def first_monday(year, month):
    d = dt.date(year, month, 1)
    return d + dt.timedelta(days=(MON - d.weekday()) % 7)


def last_monday(year, month):
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    d = nxt - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() - MON) % 7)


def holidays_of(year):
    out = []
    new_year = dt.date(year, 1, 1)
    if new_year.weekday() == SAT:
        out.append((new_year + dt.timedelta(days=2), "New Year's Day (substitute day)"))
    elif new_year.weekday() == SUN:
        out.append((new_year + dt.timedelta(days=1), "New Year's Day (substitute day)"))
    else:
        out.append((new_year, "New Year's Day"))

    easter = easter_sunday(year)
    out.append((easter - dt.timedelta(days=2), "Good Friday"))
    out.append((easter + dt.timedelta(days=1), "Easter Monday"))

    if year in MOVED_EARLY_MAY:
        out.append(MOVED_EARLY_MAY[year])
    else:
        out.append((first_monday(year, 5), "Early May bank holiday"))
    out.append((MOVED_SPRING.get(year, last_monday(year, 5)), "Spring bank holiday"))
    out.append((last_monday(year, 8), "Summer bank holiday"))

    christmas = dt.date(year, 12, 25)
    wd = christmas.weekday()
    if wd == FRI:  # Boxing Day on Saturday
        out.append((christmas, "Christmas Day"))
        out.append((dt.date(year, 12, 28), "Boxing Day (substitute day)"))
    elif wd == SAT:
        out.append((dt.date(year, 12, 27), "Christmas Day (substitute day)"))
        out.append((dt.date(year, 12, 28), "Boxing Day (substitute day)"))
    elif wd == SUN:
        out.append((dt.date(year, 12, 26), "Boxing Day"))
        out.append((dt.date(year, 12, 27), "Christmas Day (substitute day)"))
    else:
        out.append((christmas, "Christmas Day"))
        out.append((dt.date(year, 12, 26), "Boxing Day"))

    out.extend(h for h in ONE_OFFS if h[0].year == year)
    return sorted(out)


def main():
    rows = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        rows.extend(holidays_of(year))
    seen = set()
    for d, name in rows:
        assert d.weekday() < SAT, (d, name)
        assert d not in seen, d
        assert "," not in name and '"' not in name, name
        seen.add(d)
    out = sys.stdout
    out.write("date,name\n")
    for d, name in rows:
        out.write(f"{d.isoformat()},{name}\n")


if __name__ == "__main__":
    main()
