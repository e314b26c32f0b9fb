"""Dates: give every event a date or an interval, from the words of its sentence.

- stated:      an explicit date ("on 16 January", "Jan. 26", "January 18, 2024", "in December")
- relative:    resolved against the publication date ("on Tuesday", "yesterday", "last week") or
               against another date of the sentence ("a day after", "two days later"), or of the
               sentence before when the relation opens a sentence ("Pakistan retaliated two days later")
An event after "following", "after", "since" ("convened on Friday following the strikes") came
before the date of its clause: it gets that date as its latest, not as its day.
- publication: no date words: the event happened on or before the article's publication date
- unknown:     no date words and no publication date, or a vague past ("in the past", "in recent years")

Weekdays are resolved by arithmetic, not a date parser, so that "on Friday" in an article published
on a Friday is that same Friday (dateparser's PREFER_DATES_FROM='past' would give the Friday before).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from .datetext import MONTHS, WEEKDAYS, find_full_dates, make_date, DAY_MONTH, MONTH_DAY

DATE_COLUMNS = ["date", "date_earliest", "date_latest", "date_basis", "date_text"]

_WEEKDAY = re.compile(r"\b(?:(?P<last>last|this|past) )?(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:[’']s)?\b",
                      re.IGNORECASE)
_NAMED_DAY = re.compile(r"\b(?P<word>yesterday|today|tonight|this morning|this afternoon|this evening|"
                        r"earlier today|overnight)\b", re.IGNORECASE)
_PERIOD = re.compile(r"\b(?P<which>last|this|earlier this|past|previous) (?P<unit>week|month|year)\b", re.IGNORECASE)
_IN_MONTH = re.compile(r"\b(?:in|since|during|early|late|mid|mid-)\s*(?P<month>" + "|".join(
    name for name in MONTHS if len(name) > 3) + r")(?:,? (?P<year>(?:19|20)\d\d))?\b(?! \d)", re.IGNORECASE)
_IN_YEAR = re.compile(r"\b(?:in|since|during) (?P<year>(?:19|20)\d\d)\b")
_RELATION = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|\d+) (?P<unit>day|days|week|weeks) "
                       r"(?P<direction>after|later|before|earlier)\b|\bthe (?P<next>next|following|previous) day\b|"
                       r"\bthe day (?P<daydir>before|after)\b", re.IGNORECASE)
_VAGUE_PAST = re.compile(r"\b(?:in the past|in recent (?:years|months|decades)|previously|for years|for decades|"
                         r"over the years|historically|in the last (?:few )?(?:years|decades))\b", re.IGNORECASE)
# "following the strikes", "after Iran's raids": the event of the phrase came before the clause's date.
_EARLIER_EVENT = re.compile(r"\b(?:following|after|since|amid|in response to)\s+(?:[\w’'“”\"-]+\s+){0,5}$",
                            re.IGNORECASE)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


@dataclass
class DateSpan:
    """A date expression of a sentence and the interval it denotes."""
    start: int
    end: int
    text: str
    earliest: date | None
    latest: date | None
    basis: str               # stated | relative | unknown
    relation: int | None = None   # days to add to an anchor date ("a day after" -> -1 for the later event)


def most_recent(month: int, day: int, published: date) -> date | None:
    """The date with this month and day on or before publication (news reports the past)."""
    for year in (published.year, published.year - 1):
        candidate = make_date(year, month, day)
        if candidate and candidate <= published:
            return candidate
    return None


def month_interval(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def date_spans(text: str, published: date | None) -> list[DateSpan]:
    """Every date expression of a sentence, each with its interval (None where unresolvable)."""
    spans = [DateSpan(s, e, text[s:e], day, day, "stated") for s, e, day in find_full_dates(text)]
    spans += _month_days(text, published) + _weekdays(text, published) + _named_days(text, published)
    spans += _periods(text, published) + _months(text, published) + _years(text)
    spans += [DateSpan(m.start(), m.end(), m.group(), None, None, "unknown") for m in _VAGUE_PAST.finditer(text)]
    spans += _relations(text)
    kept = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if not any(k.start <= span.start < k.end for k in kept):
            kept.append(span)
    return kept


def _month_days(text, published):
    spans = []
    for pattern in (MONTH_DAY, DAY_MONTH):
        for match in pattern.finditer(text):
            day = most_recent(MONTHS[match["month"].lower()], int(match["day"]), published) if published else None
            if day or not published:
                spans.append(DateSpan(match.start(), match.end(), match.group(), day, day, "stated"))
    return spans


def _weekdays(text, published):
    spans = []
    for match in _WEEKDAY.finditer(text):
        if not published:
            spans.append(DateSpan(match.start(), match.end(), match.group(), None, None, "unknown"))
            continue
        back = (published.weekday() - WEEKDAYS[match["weekday"].lower()]) % 7
        if (match["last"] or "").lower() == "last" and back == 0:
            back = 7
        day = published - timedelta(days=back)
        spans.append(DateSpan(match.start(), match.end(), match.group(), day, day, "relative"))
    return spans


def _named_days(text, published):
    if not published:
        return []
    offsets = {"yesterday": 1}
    return [DateSpan(m.start(), m.end(), m.group(), published - timedelta(days=offsets.get(m["word"].lower(), 0)),
                     published - timedelta(days=offsets.get(m["word"].lower(), 0)), "relative")
            for m in _NAMED_DAY.finditer(text)]


def _periods(text, published):
    if not published:
        return []
    spans = []
    for match in _PERIOD.finditer(text):
        which, unit = match["which"].lower(), match["unit"].lower()
        previous = which in ("last", "past", "previous")
        if unit == "week":
            monday = published - timedelta(days=published.weekday())
            earliest, latest = (monday - timedelta(days=7), monday - timedelta(days=1)) if previous else (monday, published)
        elif unit == "month":
            anchor = published.replace(day=1) - timedelta(days=1) if previous else published
            earliest, latest = month_interval(anchor.year, anchor.month)
            latest = min(latest, published)
        else:
            year = published.year - previous
            earliest, latest = date(year, 1, 1), min(date(year, 12, 31), published)
        spans.append(DateSpan(match.start(), match.end(), match.group(), earliest, latest, "relative"))
    return spans


def _months(text, published):
    spans = []
    for match in _IN_MONTH.finditer(text):
        month = MONTHS[match["month"].lower()]
        if match["year"]:
            year = int(match["year"])
        elif published:
            year = published.year if month <= published.month else published.year - 1
        else:
            continue
        earliest, latest = month_interval(year, month)
        spans.append(DateSpan(match.start(), match.end(), match.group(), earliest, latest, "stated"))
    return spans


def _years(text):
    return [DateSpan(m.start(), m.end(), m.group(), date(int(m["year"]), 1, 1), date(int(m["year"]), 12, 31), "stated")
            for m in _IN_YEAR.finditer(text)]


def _relations(text):
    spans = []
    for match in _RELATION.finditer(text):
        if match["n"]:
            days = _NUMBERS.get(match["n"].lower()) or int(match["n"])
            days *= 7 if match["unit"].lower().startswith("week") else 1
            # "X, a day after Y": Y is a day before the anchor; "Y two days later": after it.
            sign = -1 if match["direction"].lower() in ("after", "earlier") else 1
        else:
            days, sign = 1, (1 if (match["next"] or match["daydir"] or "").lower() in ("next", "following", "after") else -1)
            if match["daydir"]:
                sign = -1 if match["daydir"].lower() == "after" else 1
        spans.append(DateSpan(match.start(), match.end(), match.group(), None, None, "relative", sign * days))
    return spans


def date_for_trigger(spans: list[DateSpan], trigger_start: int, published: date | None, text: str,
                     anchor: DateSpan | None = None) -> dict:
    """The date of the event whose trigger starts at `trigger_start` in a sentence `text`.

    `anchor` is the last single day named by the sentence before, for a relation that opens a
    sentence without one ("Pakistan retaliated two days later").
    """
    related = related_day(spans, trigger_start, text, anchor)
    if related is not None:
        return related
    candidates = [s for s in spans if s.relation is None]
    if not candidates:
        if published:
            return _interval(None, published, "publication", "")
        return _interval(None, None, "unknown", "")
    nearest = min(candidates, key=lambda s: (abs(s.start - trigger_start) if s.start >= trigger_start
                                             else trigger_start - s.end, s.start))
    earlier = _EARLIER_EVENT.search(text[:trigger_start])
    if earlier and nearest.end <= earlier.start() and nearest.latest:
        # "convened the committee on Friday following the strikes": the strikes came before Friday
        return _interval(None, nearest.latest, nearest.basis, f"before {nearest.text}")
    return _interval(nearest.earliest, nearest.latest, nearest.basis, nearest.text)


def related_day(spans: list[DateSpan], trigger_start: int, text: str, anchor: DateSpan | None) -> dict | None:
    """The day of an event told as 'a day after' / 'two days later' than another date, or None.

    The relation dates the event right after it ("a day after the army launched strikes"), not an
    event past the comma that closes its phrase ("On Wednesday, a day after the raid, X struck").
    """
    before = [s for s in spans if s.end <= trigger_start]
    if not before or before[-1].relation is None:
        return None
    relation = before[-1]
    if "," in text[relation.end:trigger_start]:
        return None
    anchors = [s for s in before[:-1] if s.earliest and s.earliest == s.latest]
    anchor = anchors[-1] if anchors else anchor
    if anchor is None:
        return None
    day = anchor.earliest + timedelta(days=relation.relation)
    return _interval(day, day, "relative", f"{anchor.text}, {relation.text}")


def last_single_day(spans: list[DateSpan]) -> DateSpan | None:
    """The last date expression of a sentence that names one day, for the next sentence's relations."""
    days = [s for s in spans if s.relation is None and s.earliest and s.earliest == s.latest]
    return days[-1] if days else None


def _interval(earliest: date | None, latest: date | None, basis: str, text: str) -> dict:
    exact = earliest is not None and earliest == latest
    iso = lambda day: day.isoformat() if day else ""
    return {"date": iso(earliest) if exact else "", "date_earliest": iso(earliest), "date_latest": iso(latest),
            "date_basis": basis if (earliest or latest or basis == "unknown") else "unknown", "date_text": text}


def resolve_dates(events: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The events with date, date_earliest, date_latest, date_basis and date_text filled in."""
    events = events.copy()
    if events.empty:
        for column in DATE_COLUMNS:
            events[column] = ""
        return events
    published = {a: date.fromisoformat(p) if p else None for a, p in zip(articles["article_id"], articles["published"])}
    text = sentences.set_index(["article_id", "sentence_id"])["text"]
    resolved = []
    for event in events.itertuples(index=False):
        sentence = text.loc[(event.article_id, event.sentence_id)]
        day = published.get(event.article_id)
        previous = text.get((event.article_id, event.sentence_id - 1))
        anchor = last_single_day(date_spans(previous, day)) if isinstance(previous, str) else None
        resolved.append(date_for_trigger(date_spans(sentence, day), event.trigger_start, day, sentence, anchor))
    for column in DATE_COLUMNS:
        events[column] = [row[column] for row in resolved]
    return events
