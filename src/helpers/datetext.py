"""Dates written in text: full explicit dates, month-day dates, and the names of months and weekdays.

Used by ingestion (publication dates) and by event dating. Regular expressions rather than a
free-text date search: they only fire on what is unmistakably a date.
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

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE)
DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE)
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+(?:19|20)\d\d)(?!\s*(?:%|percent))", re.IGNORECASE)
DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!,?\s+(?:19|20)\d\d)", re.IGNORECASE)


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
