"""Dates: give every event a date or an interval, from the words of its sentence and the events
told before it.

- stated:      an explicit date ("on 16 January", "Jan. 26", "January 18, 2024", "in December"), or a
               day with its weekday ("Thursday, January 18", "Sat., Oct. 7"): its year is the latest
               in which that day falls on that weekday, on or before the publication date (up to a
               week after it, for an announced day); when the weekday fits no year within eleven, the
               weekday is ignored and `date_text` says so
- relative:    resolved against the publication date ("on Tuesday", "yesterday", "last week"), or
               counted from another dated happening:
               * a phrase that names its event ("a day after the strikes", "two days after the
                 ambassador was expelled", "hours after Tuesday's attack") counts from a date written
                 in the phrase, else from the latest earlier event of the article of the kind the
                 phrase names (EVENT_FAMILIES: CAMEO codes, or trigger words for codes of no kind
                 listed), preferring one dated to the day; an earlier report of the same act by the
                 same actor (a lead told again) is never the anchor;
               * a phrase that names none ("the following day", "two days later", "two days
                 earlier") counts from a day named before it in its sentence, else from the events of
                 the sentence before, else from the last event of the article dated to the day;
               * the event inside such a phrase ("on Friday, a day after the army launched strikes",
                 "The attack came two days after the IRGC fired") is counted back from the day of the
                 clause before it: a day it names, else the earlier event it names;
               * "hours after", "shortly after", "later that day" are the anchor's day;
               * an event told after "after", "following", "in response to" X with no date of its own
                 happened on or after X's day, and no later than publication.
               `date_text` names the anchor: '"a day after the strikes" (→ 2024-01-16 event e12)'.
An event after "following", "after", "since" ("convened on Friday following the strikes") came
before the date of its clause: it gets that date as its latest, not as its day.
- publication: no date words: the event happened on or before the article's publication date
- unknown:     no date words and no publication date, or a vague past ("in the past", "in recent years")

Written dates ("18 January 2024", "Jan. 18", "18/01/2024") are read by dateparser (datetext.py), a
date without a year as the latest such day on or before publication. Weekdays are resolved by
arithmetic, not by dateparser, so that "on Friday" in an article published on a Friday is that same
Friday (dateparser's PREFER_DATES_FROM='past' would give the Friday before).
Nothing reads the clock: an article without a publication date resolves a weekday-dated day against
the latest year its text states, and leaves the rest undated.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from .datetext import (MONTHS, WEEKDAYS, WEEKDAY_YEARS, WrittenDate, find_full_dates, find_written_dates,
                       latest_on_weekday)

DATE_COLUMNS = ["date", "date_earliest", "date_latest", "date_basis", "date_text"]
# A day written with its weekday may be announced this far ahead of publication ("will meet on
# Thursday, January 18" in a Tuesday article); further ahead, it is read as a past year's.
ANNOUNCED_AHEAD = timedelta(days=7)

_WEEKDAY = re.compile(r"\b(?:(?P<last>last|this|past) )?(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:[’']s)?\b",
                      re.IGNORECASE)
_NAMED_DAY = re.compile(r"\b(?P<word>yesterday|today|tonight|this morning|this afternoon|this evening|"
                        r"earlier today|overnight)\b", re.IGNORECASE)
_PERIOD = re.compile(r"\b(?P<which>last|this|earlier this|past|previous) (?P<unit>week|month|year)\b", re.IGNORECASE)
_IN_MONTH = re.compile(r"\b(?:in|since|during|early|late|mid|mid-)\s*(?P<month>" + "|".join(
    name for name in MONTHS if len(name) > 3) + r")(?:,? (?P<year>(?:19|20)\d\d))?\b(?! \d)", re.IGNORECASE)
_IN_YEAR = re.compile(r"\b(?:in|since|during) (?P<year>(?:19|20)\d\d)\b")
_RELATION = re.compile(
    r"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|\d+) (?P<unit>day|days|week|weeks)"
    r"|(?P<hours>(?:(?:a few|several|some|just|only|mere) )?(?:hours|minutes|moments)|shortly|soon|immediately|just)) "
    r"(?P<direction>after|later|before|earlier)\b"
    r"|\bthe (?P<next>next|following|previous) day\b|\bthe day (?P<daydir>before|after)\b"
    r"|\b(?P<same>later (?:that|the same) day|that same day|the same day)\b", re.IGNORECASE)
_VAGUE_PAST = re.compile(r"\b(?:in the past|in recent (?:years|months|decades)|previously|for years|for decades|"
                         r"over the years|historically|in the last (?:few )?(?:years|decades))\b", re.IGNORECASE)
# "following the strikes", "after Iran's raids": the event of the phrase came before the clause's date.
_EARLIER_EVENT = re.compile(r"\b(?:following|after|since|amid|in response to)\s+(?:[\w’'“”\"-]+\s+){0,5}$",
                            re.IGNORECASE)
# "after the strikes", "in response to the expulsion": what follows happened on or after that event.
_AFTER_EVENT = re.compile(r"\b(?:after|following|since|in (?:response|retaliation) (?:to|for))\s+", re.IGNORECASE)
# Where the words a phrase governs end: a clause break.
_PHRASE_END = re.compile(r"[,;:!?—–]|\.(?=\s+[A-Z“\"]|\s*$)|\s-\s")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

# The events a relative phrase can name, by the words that name them and their CAMEO codes (prefixes).
EVENT_FAMILIES = {
    "violence": (re.compile(r"\b(?:strikes?|struck|attack\w*|raid\w*|bomb\w*|shell(?:ing|ed)|missiles?|drones?|"
                            r"assaults?|offensive|incursions?|clash\w*|fir(?:ed|ing) (?:at|on|into))\b", re.IGNORECASE),
                 ("18", "19", "20")),
    "expulsion": (re.compile(r"\b(?:expel\w*|expulsions?|deport\w*)\b", re.IGNORECASE), ("174", "166")),
    "recall": (re.compile(r"\brecall\w*\b", re.IGNORECASE), ("161",)),
    "talks": (re.compile(r"\b(?:talks|(?:phone|telephone) (?:call|conversation)|call|visit\w*|meeting|met|"
                         r"consultations?|negotiations?)\b", re.IGNORECASE), ("04",)),
    "truce": (re.compile(r"\b(?:ceasefire|cease-fire|truce|armistice)\b", re.IGNORECASE), ("087", "0356", "057")),
    "summons": (re.compile(r"\bsummon\w*\b", re.IGNORECASE), ("114",)),
}


@dataclass
class DateSpan:
    """A date expression of a sentence and the interval it denotes."""
    start: int
    end: int
    text: str
    earliest: date | None
    latest: date | None
    basis: str               # stated | relative | unknown
    offset: int | None = None     # a relation: days from its anchor to the event it dates
    names_anchor: bool = False    # a relation followed by its anchor ("a day after the strikes")
    note: str = ""                # how a date was read, when not plainly


@dataclass(frozen=True)
class Anchor:
    """A dated happening a relation counts from, and where an analyst finds it."""
    earliest: date | None
    latest: date | None
    source: str              # 'event e12', '"Friday"', '"on Jan. 16" (sentence 3)'

    def describe(self) -> str:
        if self.earliest and self.earliest == self.latest:
            when = self.earliest.isoformat()
        else:
            when = f"{_iso(self.earliest)}..{_iso(self.latest)}"
        return f"{when} {self.source}"


# --- date expressions of a sentence -----------------------------------------------------------

def month_interval(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


_DEADLINE = re.compile(r"\b(?:until|till|by|no later than)\s+(?:the\s+)?$", re.IGNORECASE)


def date_spans(text: str, published: date | None, stated_year: int | None = None) -> list[DateSpan]:
    """Every date expression of a sentence, each with its interval (None where unresolvable).

    `stated_year` stands in for a missing publication date when a day is written with its weekday:
    the latest year the article states.
    """
    spans = _written_dates(text, published, stated_year)
    spans += _weekdays(text, published) + _named_days(text, published)
    spans += _periods(text, published) + _months(text, published) + _years(text)
    spans += [DateSpan(m.start(), m.end(), m.group(), None, None, "unknown") for m in _VAGUE_PAST.finditer(text)]
    spans += _relations(text)
    kept = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if not any(k.start <= span.start < k.end for k in kept):
            kept.append(span)
    return kept


def _written_dates(text, published, stated_year):
    spans = []
    for written in find_written_dates(text, published):
        day, note = written.day, ""
        if written.weekday is not None and not written.year_written:
            day, note = weekday_date(written, published, stated_year)
        spans.append(DateSpan(written.start, written.end, text[written.start:written.end], day, day, "stated",
                              note=note))
    return spans


def weekday_date(written: WrittenDate, published: date | None, stated_year: int | None) -> tuple[date | None, str]:
    """(the day, a note on how its year was found) of a day written with its weekday and no year."""
    if published:
        found = latest_on_weekday(written.month_day, written.weekday, published + ANNOUNCED_AHEAD)
        if found:
            return found, ""
        first = published.year - WEEKDAY_YEARS
        return written.day, f"weekday fits no year {first}–{published.year}: read without it"
    if stated_year:
        found = latest_on_weekday(written.month_day, written.weekday, date(stated_year, 12, 31))
        if found:
            return found, f"no publication date: latest fitting year up to {stated_year}, the article's latest"
    return None, "no publication date or stated year to read it against"


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
        offset = relation_offset(match)
        # "two days after the strikes" names its anchor; "two days after," and "two days later" do not.
        names_anchor = (match["direction"] or match["daydir"] or "").lower() in ("after", "before") \
            and bool(re.match(r"\s+[\w’'“\"]", text[match.end():]))
        spans.append(DateSpan(match.start(), match.end(), match.group(), None, None, "relative",
                              offset, names_anchor))
    return spans


def relation_offset(match: re.Match) -> int:
    """Days from a relation's anchor to the event it dates: 'two days later' +2, 'the day before' -1."""
    if match["same"] or match["hours"]:
        return 0   # "hours after", "shortly after": the anchor's day (a night may fall between; rarely)
    if match["n"]:
        days = (_NUMBERS.get(match["n"].lower()) or int(match["n"])) * (7 if match["unit"].lower().startswith("week") else 1)
        return days if match["direction"].lower() in ("after", "later") else -days
    word = (match["next"] or match["daydir"]).lower()
    return 1 if word in ("next", "following", "after") else -1


# --- the date of one event --------------------------------------------------------------------

def date_for_trigger(spans: list[DateSpan], trigger_start: int, published: date | None, text: str,
                     context: Anchor | DateSpan | None = None, earlier: Sequence[dict] = ()) -> dict:
    """The date of the event whose trigger starts at `trigger_start` in a sentence `text`.

    `context` is the day the sentence follows on from (the events of the sentence before), for a
    relation that names no anchor ("Pakistan retaliated two days later"). `earlier` are the
    article's events before this sentence, already dated, for one that does ("a day after the
    strikes"): dicts with event_id, trigger, cameo_code, date, date_earliest, date_latest.
    """
    if isinstance(context, DateSpan):
        context = span_anchor(context)
    relation = governing_relation(spans, trigger_start, text)
    if relation is not None:
        dated = date_by_relation(relation, spans, trigger_start, text, context, earlier, published)
        if dated:
            return dated
    candidates = [s for s in spans if s.offset is None and not is_deadline(s, text)]
    if not candidates:
        after = date_after_named_event(text, trigger_start, earlier, published)
        if after:
            return after
        if published:
            return _interval(None, published, "publication", "")
        return _interval(None, None, "unknown", "")
    nearest = min(candidates, key=lambda s: _distance(s, trigger_start))
    earlier_phrase = _EARLIER_EVENT.search(text[:trigger_start])
    if earlier_phrase and nearest.end <= earlier_phrase.start() and nearest.latest:
        # "convened the committee on Friday following the strikes": the strikes came before Friday
        return _interval(None, nearest.latest, nearest.basis, f"before {nearest.text}")
    return _interval(nearest.earliest, nearest.latest, nearest.basis, _with_note(nearest))


def is_deadline(span: DateSpan, text: str) -> bool:
    """'gave Mali until January 1 to free them', 'must leave by Friday': a deadline, not the act's day."""
    return bool(_DEADLINE.search(text[:span.start]))


def _distance(span: DateSpan, trigger_start: int) -> tuple[int, int]:
    gap = span.start - trigger_start if span.start >= trigger_start else trigger_start - span.end
    return gap, span.start


def governing_relation(spans: list[DateSpan], trigger_start: int, text: str) -> DateSpan | None:
    """The relation that dates an event, when it is the date expression nearest the trigger.

    A relation in apposition to a day ("on Friday, a day after the strikes") dates only the event
    inside it: the event outside takes the day.
    """
    usable = [s for s in spans if s.offset is None or inside_phrase(s, trigger_start, text)
              or not in_apposition(s, spans, text)]
    if not usable:
        return None
    nearest = min(usable, key=lambda s: _distance(s, trigger_start))
    return nearest if nearest.offset is not None else None


def inside_phrase(relation: DateSpan, trigger_start: int, text: str) -> bool:
    """Whether a trigger is among the words a relation names ("a day after [the army launched strikes]")."""
    return relation.names_anchor and relation.end <= trigger_start < phrase_end(text, relation.end)


def in_apposition(relation: DateSpan, spans: list[DateSpan], text: str) -> bool:
    return any(s.offset is None and s.earliest and re.fullmatch(r"\s*,\s*", text[s.end:relation.start])
               for s in spans)


def clause_before(text: str, end: int) -> str:
    """The words before `end` back to the previous clause break."""
    breaks = list(_PHRASE_END.finditer(text, 0, end))
    return text[breaks[-1].end() if breaks else 0:end]


def phrase_end(text: str, start: int) -> int:
    """Where the words from `start` end: the next clause break, or the end of the sentence."""
    found = _PHRASE_END.search(text, start)
    return found.start() if found else len(text)


def date_by_relation(relation: DateSpan, spans: list[DateSpan], trigger_start: int, text: str,
                     context: Anchor | None, earlier: Sequence[dict], published: date | None) -> dict | None:
    """The date a relation gives an event, or None when its anchor is not found."""
    named = text[relation.end:phrase_end(text, relation.end)].strip()
    quoted = f"{relation.text} {shortened(named)}" if relation.names_anchor else relation.text
    if inside_phrase(relation, trigger_start, text):
        # the event the phrase names, counted back from the day of the clause before it: a day it
        # names, or the earlier event it names ("The attack came two days after the IRGC fired ...")
        day = day_before(spans, relation)
        anchor = span_anchor(day) if day else event_named(clause_before(text, relation.start), earlier)
        return _counted(anchor, -relation.offset, quoted, published) if anchor else None
    if relation.names_anchor:
        stated = [s for s in spans if s.offset is None and s.earliest
                  and relation.end <= s.start < phrase_end(text, relation.end)]
        anchor = span_anchor(stated[0]) if stated else event_named(named, earlier)
    else:
        day = day_before(spans, relation)
        anchor = span_anchor(day) if day else context
    return _counted(anchor, relation.offset, quoted, published) if anchor else None


def shortened(words: str, keep: int = 6) -> str:
    """The first words of a phrase, enough to find it in its sentence."""
    split = words.split()
    return " ".join(split[:keep]) + (" …" if len(split) > keep else "")


def day_before(spans: list[DateSpan], relation: DateSpan) -> DateSpan | None:
    """The last date expression naming one day before a relation in its sentence."""
    return last_single_day([s for s in spans if s.end <= relation.start])


def last_single_day(spans: list[DateSpan]) -> DateSpan | None:
    """The last date expression of a sentence that names one day, for the next sentence's relations."""
    days = [s for s in spans if s.offset is None and s.earliest and s.earliest == s.latest]
    return days[-1] if days else None


def span_anchor(span: DateSpan, where: str = "") -> Anchor:
    return Anchor(span.earliest, span.latest, f'"{span.text}"{where}')


def date_after_named_event(text: str, trigger_start: int, earlier: Sequence[dict],
                           published: date | None) -> dict | None:
    """An event told after 'after X' / 'in response to X' with no date: between X's day and publication."""
    for match in _AFTER_EVENT.finditer(text):
        end = phrase_end(text, match.end())
        if match.end() <= trigger_start < end:
            continue   # the event X itself, told again: the phrase says only that it came first
        anchor = event_named(text[match.end():end], earlier)
        if anchor is None:
            continue
        quoted = shortened(text[match.start():end].strip(), keep=8)
        latest = published if published and published >= anchor.earliest else None
        return _interval(anchor.earliest, latest, "relative", f'"{quoted}" (→ {anchor.describe()})')
    return None


def _counted(anchor: Anchor, offset: int, quoted: str, published: date | None) -> dict:
    """The anchor's day or interval moved by `offset` days; a moved interval stays within publication."""
    step = timedelta(days=offset)
    earliest = anchor.earliest + step if anchor.earliest else None
    latest = anchor.latest + step if anchor.latest else None
    if earliest != latest and published and latest and latest > published >= (earliest or published):
        latest = published
    return _interval(earliest, latest, "relative", f'"{quoted}" (→ {anchor.describe()})')


# --- earlier events a phrase names ------------------------------------------------------------

def families_named(phrase: str) -> list[str]:
    """The kinds of event ('violence', 'expulsion', ...) whose words a phrase uses."""
    return [family for family, (words, _) in EVENT_FAMILIES.items() if words.search(phrase)]


def is_of_family(event: dict, family: str) -> bool:
    """Whether an event is of a kind: by its CAMEO code, or by its trigger words when its code is of
    no kind listed (the trigger "condemned the attack" must not make a condemnation an attack)."""
    code = str(event["cameo_code"])
    if any(code.startswith(codes) for _, codes in EVENT_FAMILIES.values()):
        return code.startswith(EVENT_FAMILIES[family][1])
    return bool(EVENT_FAMILIES[family][0].search(str(event["trigger"])))


def event_named(phrase: str, earlier: Sequence[dict]) -> Anchor | None:
    """The latest earlier event of the kind a phrase names, preferring one dated to the day; only
    events with a known earliest day can anchor (a bound by publication says nothing of the order)."""
    families = families_named(phrase)
    matching = [e for e in earlier if e["date_earliest"] and any(is_of_family(e, f) for f in families)]
    by_day = [e for e in matching if e["date"]]
    chosen = (by_day or matching or [None])[-1]
    if chosen is None:
        return None
    return Anchor(_day(chosen["date_earliest"]), _day(chosen["date_latest"]), f"event {chosen['event_id']}")


def same_act(earlier: dict, event) -> bool:
    """Whether an earlier event is the same actor doing the same kind of thing (CAMEO root): a lead
    told again ("Pakistan struck back two days after Iran's strikes" after a lead on Pakistan's
    strikes), which a phrase of this event cannot be counting from."""
    source = str(event.get("source_actor", "") or "")
    return bool(source) and source == str(earlier.get("source_actor", "") or "") \
        and str(earlier["cameo_code"])[:2] == str(event["cameo_code"])[:2]


def context_anchor(previous_events: Sequence[dict], previous_spans: list[DateSpan], earlier: Sequence[dict],
                   previous_sentence_id: int) -> Anchor | None:
    """The day a sentence follows on from: that of the previous sentence's events, else a day it
    names, else that of the last earlier event of the article dated to the day."""
    from_events = last_dated_event(previous_events)
    if from_events:
        return from_events
    day = last_single_day(previous_spans)
    if day:
        return span_anchor(day, f" (sentence {previous_sentence_id})")
    return last_dated_event(earlier)


def last_dated_event(events: Sequence[dict]) -> Anchor | None:
    dated = [e for e in events if e["date"]]
    if not dated:
        return None
    return Anchor(_day(dated[-1]["date"]), _day(dated[-1]["date"]), f"event {dated[-1]['event_id']}")


# --- the table --------------------------------------------------------------------------------

def _day(iso: str) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _with_note(span: DateSpan) -> str:
    return f"{span.text} ({span.note})" if span.note else span.text


def _interval(earliest: date | None, latest: date | None, basis: str, text: str) -> dict:
    exact = earliest is not None and earliest == latest
    return {"date": _iso(earliest) if exact else "", "date_earliest": _iso(earliest), "date_latest": _iso(latest),
            "date_basis": basis if (earliest or latest or basis == "unknown") else "unknown", "date_text": text}


def latest_stated_year(texts) -> int | None:
    """The latest year of the explicit full dates in some texts (an article's sentences), or None."""
    years = [day.year for text in texts for _, _, day in find_full_dates(text)]
    return max(years) if years else None


def date_article_events(events: pd.DataFrame, sentences: pd.Series, published: date | None) -> dict:
    """Date the events of one article, in text order, each relation counting from events dated before it.

    `sentences` maps sentence_id to text. Returns {event index: date columns}.
    """
    stated_year = None if published else latest_stated_year(sentences)
    spans = {sid: date_spans(text, published, stated_year) for sid, text in sentences.items()}
    done: list[dict] = []
    dated = {}
    for index, event in events.iterrows():
        sid = event["sentence_id"]
        before = [e for e in done if e["sentence_id"] < sid]
        context = context_anchor([e for e in before if e["sentence_id"] == sid - 1], spans.get(sid - 1, []),
                                 before, sid - 1)
        nameable = [e for e in before if not same_act(e, event)]
        row = date_for_trigger(spans[sid], int(event["trigger_start"]), published, sentences[sid],
                               context, nameable)
        dated[index] = row
        done.append({"event_id": event["event_id"], "sentence_id": sid, "trigger": event["trigger"],
                     "cameo_code": event["cameo_code"], "source_actor": event.get("source_actor", ""),
                     "target_actor": event.get("target_actor", ""), "index": index, **row})
    return {**dated, **headline_dates(done, min(sentences.index, default=0))}


def headline_dates(done: list[dict], headline_id: int) -> dict:
    """A headline names no day ('Peru expels Mexico's ambassador'); the body tells the same act again
    with its day, and that day is the headline's (data/gold/CODING.md, "Dates")."""
    found = {}
    undated = [e for e in done if e["sentence_id"] == headline_id and not e["date"]
               and e["date_basis"] in {"publication", "unknown"}]
    for event in undated:
        told = next((e for e in done if e["sentence_id"] > headline_id and e["date"] and same_act(e, event)
                     and e["target_actor"] == event["target_actor"]), None)
        if told is not None:
            found[event["index"]] = {"date": told["date"], "date_earliest": told["date_earliest"],
                                     "date_latest": told["date_latest"], "date_basis": told["date_basis"],
                                     "date_text": f"{told['date_text']} (told again in sentence {told['sentence_id']})"}
    return found


def resolve_dates(events: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The events with date, date_earliest, date_latest, date_basis and date_text filled in."""
    events = events.copy()
    if events.empty:
        for column in DATE_COLUMNS:
            events[column] = ""
        return events
    published = {a: _day(p) for a, p in zip(articles["article_id"], articles["published"])}
    dated = {}
    # earlier events first, so that a relation can count from them; keys are row positions
    in_text_order = events.reset_index(drop=True).sort_values(["article_id", "sentence_id", "trigger_start"],
                                                               kind="stable")
    for article_id, article_events in in_text_order.groupby("article_id", sort=False):
        texts = sentences[sentences["article_id"] == article_id].set_index("sentence_id")["text"]
        dated.update(date_article_events(article_events, texts, published.get(article_id)))
    for column in DATE_COLUMNS:
        events[column] = [dated[position][column] for position in range(len(events))]
    return events
