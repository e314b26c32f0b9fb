"""Dates written in text: full dates ("January 18, 2024", "18/01/2024", "2024-01-18"), days without
a year ("January 18th", "18 Jan."), days written with their weekday ("Thursday, January 18",
"Sat., Oct. 7") and the names of months and weekdays.

Used by ingestion (publication dates) and by event dating. A pattern finds where a date is written
and dateparser reads it. dateparser's own search is not used: it takes "may", "march" or "sun" for
dates and is too slow to run on every sentence. Nothing here reads the clock: a date without a year
gets its year from a reference date the caller passes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
WEEKDAYS = {name: number for number, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
# Abbreviations only count before a date ("Sat., Oct. 7"): alone, "sun" or "wed" is another word.
WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                         "fri": 4, "sat": 5, "sun": 6}
# A month and day fall on every weekday within twelve consecutive years (29 February excepted).
WEEKDAY_YEARS = 11

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY_NAME = r"(?P<weekday>" + "|".join(sorted([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS], key=len, reverse=True)) + r")\.?"
# "2024-01-18", "18/01/2024", "Jan. 18, 2024", "January 18th", "18 January 2024", "18 Jan.", "16th of
# January", after their weekday or not ("Thursday, January 18", "Sat., Oct. 7", "Tuesday the 16th of January").
# A number before "%" or "percent" is a share, not a day ("in May 5% more").
WRITTEN_DATE = re.compile(
    rf"\b(?:{_WEEKDAY_NAME},?\s+(?:the\s+)?)?"
    rf"(?P<date>{_YEAR}-[01]\d-[0-3]\d"
    rf"|(?P<numeric>[0-3]?\d(?P<separator>[/.])[01]?\d(?P=separator){_YEAR})"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?)"
    r"\b(?!\s*(?:%|percent))", re.IGNORECASE)
# dateparser needs a base for a date without a year; when the caller gives none, only the month and
# day are kept, and a leap year's base reads 29 February.
_ANY_LEAP_YEAR = date(2000, 12, 31)
# A weekday a text names for a day of its own: not "last Tuesday", "next Friday".
_NAMED_WEEKDAY = re.compile(r"\b(?<!last )(?<!next )(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class WrittenDate:
    """A date as a text writes it: where it is, what it says, and the day it names."""
    start: int
    end: int
    month_day: tuple[int, int]
    year_written: bool
    weekday: int | None       # the weekday written with it ("Thursday, January 18"), else None
    day: date | None          # without a written year: the latest on or before the reference, if any


def find_written_dates(text: str, reference: date | None = None) -> list[WrittenDate]:
    """Every date written in text, in text order. A date without a year is dated the latest such day
    on or before `reference` (news reports the past; the reference day itself included), or not at
    all without one."""
    found = []
    for match in WRITTEN_DATE.finditer(text):
        read = read_date(match["date"], bool(match["numeric"]), reference or _ANY_LEAP_YEAR)
        if read is None:
            continue
        day, year_written = read
        weekday = weekday_number(match["weekday"]) if match["weekday"] else None
        found.append(WrittenDate(match.start(), match.end(), (day.month, day.day), year_written, weekday,
                                 day if year_written or reference else None))
    return found


@lru_cache(maxsize=4096)
def read_date(written: str, numeric: bool, reference: date) -> tuple[date, bool] | None:
    """(the day, whether its year is written) of one written date, by dateparser; None when it
    names no real day or is a numeric date whose order is in doubt."""
    # "05/01/2024" is 5 January in London and 1 May in New York: a numeric date is read only when
    # both orders give the same day ("18/01/2024", "01/01/2024"). A month by its name needs no order.
    orders = ("DMY", "MDY") if numeric else ("DMY",)
    readings = {_parse(written, reference, order) for order in orders}
    return readings.pop() if len(readings) == 1 else None


def _parse(written: str, reference: date, order: str) -> tuple[date, bool] | None:
    found = _parser(reference, order).get_date_data(written)
    return (found.date_obj.date(), "year" in found.parts) if found.date_obj else None


@lru_cache(maxsize=64)
def _parser(reference: date, order: str) -> DateDataParser:
    # The pattern found the date: only dateparser's absolute forms are needed (no "2 days ago", no
    # timestamps), in English only (no language detection). A day without its month or day is no date.
    return DateDataParser(languages=["en"], settings={
        "PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month"], "DATE_ORDER": order,
        "PREFER_DATES_FROM": "past", "RELATIVE_BASE": datetime.combine(reference, datetime.min.time())})


def find_full_dates(text: str) -> list[tuple[int, int, date]]:
    """Every explicit date with a year in text, as (start, end, date), in text order."""
    return [(found.start, found.end, found.day) for found in find_written_dates(text) if found.year_written]


def parse_full_date(text: str) -> date | None:
    """The date in a string that holds one full date (with year), e.g. 'January 18, 2024'."""
    found = find_full_dates(text)
    return found[0][2] if found else None


def parse_month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of the first date written in text, e.g. 'Jan 19', 'Feb. 11', '16 January'."""
    found = find_written_dates(text)
    return found[0].month_day if found else None


def weekday_number(name: str) -> int:
    """0 for Monday ... 6 for Sunday, from a full or abbreviated name ('Thursday', 'Thurs.')."""
    name = name.lower().rstrip(".")
    return WEEKDAYS[name] if name in WEEKDAYS else WEEKDAY_ABBREVIATIONS[name]


def latest_on_weekday(month_day: tuple[int, int], weekday: int, not_after: date) -> date | None:
    """The latest date with this month and day that falls on `weekday`, on or before `not_after`,
    searching back WEEKDAY_YEARS years; None when no year fits (a wrong weekday, or 29 February)."""
    for year in range(not_after.year, not_after.year - WEEKDAY_YEARS - 1, -1):
        candidate = day_in_year(year, month_day)
        if candidate and candidate <= not_after and candidate.weekday() == weekday:
            return candidate
    return None


def day_in_year(year: int, month_day: tuple[int, int]) -> date | None:
    """The day with this month and day in a year; None for 29 February outside leap years."""
    try:
        return date(year, *month_day)
    except ValueError:
        return None


def spelled(day: date) -> str:
    """A date as a reader writes it, 'Thursday 18 January 2024', whatever the system's locale."""
    month = next(name for name, number in MONTHS.items() if number == day.month)
    weekday = next(name for name, number in WEEKDAYS.items() if number == day.weekday())
    return f"{weekday.capitalize()} {day.day} {month.capitalize()} {day.year}"


def weekdays_named(text: str) -> dict[int, str]:
    """The weekdays a text names for days of its own, as {weekday number: the word as written}."""
    return {WEEKDAYS[m["weekday"].lower()]: m["weekday"] for m in _NAMED_WEEKDAY.finditer(text)}
