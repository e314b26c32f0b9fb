"""Dates written in text: full explicit dates, month-day dates, weekday-dated days ("Thursday,
January 18", "Sat., Oct. 7") and the names of months and weekdays.

Used by ingestion (publication dates) and by event dating. Regular expressions rather than a
free-text date search: they only fire on what is unmistakably a date. Nothing here reads the clock:
a date without a year gets its year from a reference date the caller passes.
"""
from __future__ import annotations

import re
from datetime import date

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

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE)
DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE)
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+(?:19|20)\d\d)(?!\s*(?:%|percent))", re.IGNORECASE)
DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!,?\s+(?:19|20)\d\d)", re.IGNORECASE)
_WEEKDAY_NAME = r"(?P<weekday>" + "|".join(sorted([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS], key=len, reverse=True)) + r")\.?"
# "Thursday, January 18", "on Tuesday 16 January", "Sat., Oct. 7", "Friday, December 29, 2023"
WEEKDAY_MONTH_DAY = re.compile(rf"\b{_WEEKDAY_NAME},?\s+{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?(?!\s*(?:%|percent))",
                               re.IGNORECASE)
WEEKDAY_DAY_MONTH = re.compile(rf"\b{_WEEKDAY_NAME},?\s+(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z])(?:,?\s+{_YEAR}\b)?",
                               re.IGNORECASE)
# A weekday a text names for a day of its own: not "last Tuesday", "next Friday".
_NAMED_WEEKDAY = re.compile(r"\b(?<!last )(?<!next )(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def make_date(year: int, month: int | str, day: int | str) -> date | None:
    """A date from parts (a month may be a name); None when the parts are not a real day."""
    if isinstance(month, str) and not month.isdigit():
        month = MONTHS[month.lower().rstrip(".")]
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_full_date(text: str) -> date | None:
    """The date in a string that holds one full date (with year), e.g. 'January 18, 2024'."""
    found = find_full_dates(text)
    return found[0][2] if found else None


def find_full_dates(text: str) -> list[tuple[int, int, date]]:
    """Every explicit date with a year in text, as (start, end, date), in text order."""
    found = []
    for pattern in (ISO_DATE, MONTH_DAY_YEAR, DAY_MONTH_YEAR):
        for match in pattern.finditer(text):
            day = make_date(match["year"], match["month"], match["day"])
            if day:
                found.append((match.start(), match.end(), day))
    return sorted(found, key=lambda item: item[0])


def parse_month_day(text: str) -> tuple[int, int] | None:
    """(month, day) from a date written without a year, e.g. 'Jan 19', 'Feb. 11', '16 January'."""
    for pattern in (MONTH_DAY, DAY_MONTH):
        match = pattern.search(text)
        if match:
            return MONTHS[match["month"].lower()], int(match["day"])
    return None


def weekday_number(name: str) -> int:
    """0 for Monday ... 6 for Sunday, from a full or abbreviated name ('Thursday', 'Thurs.')."""
    name = name.lower().rstrip(".")
    return WEEKDAYS[name] if name in WEEKDAYS else WEEKDAY_ABBREVIATIONS[name]


def find_weekday_dates(text: str) -> list[tuple[int, int, int, int, int, int | None]]:
    """Every day written with its weekday, as (start, end, weekday, month, day, year or None)."""
    found = []
    for pattern in (WEEKDAY_MONTH_DAY, WEEKDAY_DAY_MONTH):
        for match in pattern.finditer(text):
            year = int(match["year"]) if match["year"] else None
            found.append((match.start(), match.end(), weekday_number(match["weekday"]),
                          MONTHS[match["month"].lower()], int(match["day"]), year))
    return sorted(found)


def latest_on_weekday(month: int, day: int, weekday: int, not_after: date) -> date | None:
    """The latest date with this month and day that falls on `weekday`, on or before `not_after`,
    searching back WEEKDAY_YEARS years; None when no year fits (a wrong weekday, or 29 February)."""
    for year in range(not_after.year, not_after.year - WEEKDAY_YEARS - 1, -1):
        candidate = make_date(year, month, day)
        if candidate and candidate <= not_after and candidate.weekday() == weekday:
            return candidate
    return None


def spelled(day: date) -> str:
    """A date as a reader writes it, 'Thursday 18 January 2024', whatever the system's locale."""
    month = next(name for name, number in MONTHS.items() if number == day.month)
    weekday = next(name for name, number in WEEKDAYS.items() if number == day.weekday())
    return f"{weekday.capitalize()} {day.day} {month.capitalize()} {day.year}"


def weekdays_named(text: str) -> dict[int, str]:
    """The weekdays a text names for days of its own, as {weekday number: the word as written}."""
    return {WEEKDAYS[m["weekday"].lower()]: m["weekday"] for m in _NAMED_WEEKDAY.finditer(text)}
