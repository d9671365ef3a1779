"""Resolving one time expression to a :class:`~kg.model.TimeSpan`: a day, a range, a day with a clock time.

The expression is normalised (leading prepositions, datelines, restated zones dropped), then
tried against the rules of :mod:`kg.temporal.rules` as a whole, as a day with a clock time, as
a range of two such, and last through ``dateparser.parse`` (cached, English only) for odd
spellings of a calendar date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from kg.model import Tense, TimeSpan
from kg.temporal.rules import HANDLERS
from kg.temporal.spans import Ctx, NeedsDate, clock, month_end, timespan
from kg.temporal.tense import guess_tense
from kg.temporal.vocab import CLOCK_FULL, MONTH_ABBR, MONTH_FULL, WD, YEAR

__all__ = ["resolve_time", "normalise"]

_D = dt.timedelta

_STRIP_LEAD = re.compile(
    r"^(?:on|in|at|over|during|for|around|about|by|since|until|till|before|after|as\s+of|circa|"
    r"c\.|sometime\s+in|some\s+time\s+in|starting(?:\s+(?:on|from|in))?|beginning\s+(?:on|from|in)|"
    r"as\s+early\s+as|as\s+late\s+as|"
    r"throughout|through|into|within)\s+", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,\s*[A-Z][A-Za-z .'’-]+)?,\s*(?=\S)")


def normalise(text: str) -> str:
    t = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'").replace("\xa0", " ")
    t = re.sub(r"\((?:Reuters|AP|AFP|dpa|Xinhua|UPI|IANS|ANI)\)\s*-*\s*$", "", t.strip())
    t = _DATELINE.sub("", t.strip())
    t = " ".join(t.split()).strip(" ,;:-")
    t = re.sub(r"['’]s$", "", t)
    # a parenthetical restates a clock time in another zone ("6 p.m. (1500 GMT)"): drop it;
    # one restating the date ("Sunday (Dec. 8)") is kept without its brackets
    t = re.sub(r"\s*\(([^()]*)\)", lambda m: "" if re.search(r"GMT|UTC|\btime\b|\d{4}|:", m.group(1))
               else " " + m.group(1), t).strip()
    for _ in range(3):
        stripped = _STRIP_LEAD.sub("", t)
        if stripped == t or not stripped:
            break
        t = stripped
    if not re.search(r"\b(?:to|until|till|through|and)\b|\d\s*-\s*\d", t):
        t = re.sub(r"^from\s+", "", t, flags=re.I)
    return t


_DATE_WORDS = re.compile(
    rf"(?:{MONTH_FULL}|{MONTH_ABBR}|{WD}|\d{{1,4}}(?:st|nd|rd|th)?|of|the|on|at|day|a\.m\.|p\.m\.|am|pm"
    r"|[,./:-]|\s)+", re.I)


@lru_cache(maxsize=8)
def _date_parser(prefer: str, base: dt.date | None) -> object:
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False,
        "RETURN_TIME_AS_PERIOD": True, "PREFER_DAY_OF_MONTH": "first",
        "PARSERS": ["absolute-time", "custom-formats"], "DATE_ORDER": "DMY",
    }
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser_fallback(t: str, ctx: Ctx) -> TimeSpan | None:
    """dateparser for odd spellings of a calendar date ("the 3rd day of March, 2022")."""
    if not _DATE_WORDS.fullmatch(t) or not re.search(rf"{MONTH_FULL}|{MONTH_ABBR}", t, re.I) \
            or not re.search(r"\d", t):
        return None
    has_year = re.search(rf"\b{YEAR}\b", t) is not None
    if not has_year and ctx.published is None:
        raise NeedsDate
    prefer = {"past": "past", "future": "future"}.get(ctx.tense, "current_period")
    data = _date_parser(prefer, ctx.published).get_date_data(t)  # type: ignore[attr-defined]
    d = data.date_obj
    if d is None or not 1800 <= d.year <= 2100:
        return None
    period = data.period or "day"
    if period == "time":
        return timespan(d.date(), d.date(), "hour", "explicit", start_time=d.time())
    if period == "month":
        return timespan(d.date().replace(day=1), month_end(d.year, d.month), "month", "explicit")
    if period == "year":
        return timespan(dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "year", "explicit")
    return timespan(d.date(), d.date(), "day", "explicit")


def _atomic(t: str, ctx: Ctx) -> TimeSpan | None:
    for pattern, handler in HANDLERS:
        m = pattern.fullmatch(t)
        if m:
            return handler(m, ctx)
    return None


_RANGE_LEAD = re.compile(r"(?:from|between)\s+", re.I)
_RANGE_SEP = re.compile(r"\s+(?:to|until|till|through|thru|and)\s+|\s*-\s*", re.I)
_TIME_DAY = re.compile(rf"(?P<t>{CLOCK_FULL})(?:\s*,\s*|\s+(?:on|of)\s+|\s+)(?P<d>.+)")
_DAY_TIME = re.compile(rf"(?P<d>.+?)(?:\s*,\s*|\s+)(?:(?:at|from)\s+)?(?P<t>{CLOCK_FULL})")


def _with_clock(t: str, ctx: Ctx, range_end: bool = False) -> TimeSpan | None:
    """A day with a clock time ("6 p.m. Saturday", "Saturday at 6 p.m.", "midnight Sunday")."""
    for rx in (_TIME_DAY, _DAY_TIME):
        m = rx.fullmatch(t)
        if not m:
            continue
        c = clock(m["t"])
        if c is None:
            continue
        day = _atomic(normalise(m["d"]), ctx)
        if day is None or not day.is_known or day.precision not in {"day", "hour", "minute"}:
            continue
        time, prec, midnight = c
        d = day.start
        assert d is not None
        if midnight and range_end:
            return timespan(d, d, "hour", day.basis, start_time=dt.time(23, 59), end_time=dt.time(23, 59))
        if midnight and re.search(r"\bnight\b", m["d"], re.I):
            d += _D(days=1)  # "midnight on Tuesday night" is the midnight that ends Tuesday
        return timespan(d, d, prec, day.basis, start_time=time)
    return None


def _single(t: str, ctx: Ctx, range_end: bool = False) -> TimeSpan | None:
    span = _atomic(t, ctx)
    if span is not None:
        if range_end and span.start_time == dt.time(0) and re.search(r"midnight", t, re.I):
            return replace(span, start_time=dt.time(23, 59))
        return span
    return _with_clock(t, ctx, range_end)


_PREC_ORDER = ("minute", "hour", "day", "week", "month", "year", "unknown")


_DEICTIC = re.compile(r"\b(?:yesterday|today|tonight|tomorrow|last|this|next|ago|week|month|year|weekend|"
                      r"overnight|now)\b", re.I)


def _range_end_first(t: str, ctx: Ctx) -> bool:
    return ctx.tense == "past" or re.search(rf"\b{YEAR}\b", t) is not None


def _range(t: str, ctx: Ctx) -> TimeSpan | None:
    """ "from Friday to Sunday", "between 2014 and 2022", "6 p.m. Saturday to midnight Sunday".

    Calendar names in a range are read from one end: a past range ends on or before
    publication and its start is the latest such day before the end ("from Friday to Sunday"
    in a Monday report); otherwise the start fits the tense and the end is the first such day
    after it. An end with a year anchors the start too ("March 30 to April 2, 2024").
    """
    lead = _RANGE_LEAD.match(t)
    body = t[lead.end():] if lead else t
    for sep in _RANGE_SEP.finditer(body):
        a_text, b_text = normalise(body[:sep.start()]), normalise(body[sep.end():])
        if not a_text or not b_text or (sep.group().strip().lower() == "and" and lead is not None
                                        and lead.group().strip().lower() != "between"):
            continue
        try:
            a, b = _range_ends(a_text, b_text, ctx)
        except NeedsDate:
            continue
        if a is None or b is None or not a.is_known or not b.is_known:
            continue
        assert a.start is not None and b.end is not None
        if b.end < a.start:
            continue
        prec = max(a.precision, b.precision, key=_PREC_ORDER.index)
        basis = "relative" if "relative" in (a.basis, b.basis) else "explicit"
        return TimeSpan(a.start, b.end, prec, basis,  # type: ignore[arg-type]
                        start_time=a.start_time, end_time=b.end_time or b.start_time)
    return None


def _range_ends(a_text: str, b_text: str, ctx: Ctx) -> tuple[TimeSpan | None, TimeSpan | None]:
    if _range_end_first(b_text, ctx):
        b = _single(b_text, ctx, range_end=True)
        if b is None or not b.is_known:
            return None, None
        a_ctx = ctx if _DEICTIC.search(a_text) else Ctx(b.end, "past")
        return _single(a_text, a_ctx), b
    a = _single(a_text, ctx)
    if a is None or not a.is_known:
        return None, None
    b_ctx = ctx if _DEICTIC.search(b_text) else Ctx(a.start, "future")
    return a, _single(b_text, b_ctx, range_end=True)


@lru_cache(maxsize=8192)
def _resolve_cached(t: str, published: dt.date | None, tense: Tense) -> TimeSpan | None:
    ctx = Ctx(published, tense)
    try:
        span = _single(t, ctx)
        if span is None:
            span = _range(t, ctx)
        if span is None:
            span = _dateparser_fallback(t, ctx)
    except NeedsDate:
        return TimeSpan.unknown()
    return span


def resolve_time(expression: str, published: dt.date | None, *, tense: Tense | None = None,
                 sentence: str = "") -> TimeSpan | None:
    """Resolve a time expression to a :class:`TimeSpan`, or None if it is not a date.

    ``published`` anchors relative expressions ("on Wednesday", "last week"); without it
    explicit dates still resolve and relative ones give ``TimeSpan.unknown(expression)``.
    ``tense`` is that of the clause the expression modifies; when None it is guessed from
    ``sentence``. The returned span's ``text`` is ``expression`` as given.
    """
    t = normalise(expression)
    if not t or len(t) > 120:
        return None
    if tense is None:
        tense = guess_tense(sentence, expression) if sentence else "past"
    offset = _offset(expression, published, tense) or _ongoing(expression, published, tense)
    if offset is not None:
        return offset
    span = _resolve_cached(t, published, tense)
    if span is None:
        return None
    return replace(span, text=expression)



# "two days before Monday", "a day after today": a day counted from another day; extraction
# writes these for "X happened on Monday, two days after Y" (Y two days before Monday)
_OFFSET = re.compile(r"(?i)^\s*(?P<n>(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?)"
                     r"\s+(?P<dir>before|after)\s+(?P<rest>.+)$")


def _offset(expression: str, published: dt.date | None, tense: Tense) -> TimeSpan | None:
    from kg.temporal.duration import parse_duration  # duration reads normalise from here

    m = _OFFSET.match(expression)
    if m is None:
        return None
    days = parse_duration(m.group("n"))
    inner = resolve_time(m.group("rest"), published, tense=tense)
    if days is None or inner is None or inner.start is None or inner.precision != "day" \
            or inner.start != inner.end:
        return None
    day = inner.start + (days if m.group("dir").lower() == "after" else -days)
    return TimeSpan(day, day, "day", "relative", expression)


# "since May 10 to date": a state or a run of acts that began then and still holds at the time of
# the report; extraction writes it for "have raged since May 10" (a present perfect)
_ONGOING = re.compile(r"(?i)^\s*since\s+(?P<rest>.+?)\s+to\s+date\s*$")


def _ongoing(expression: str, published: dt.date | None, tense: Tense) -> TimeSpan | None:
    m = _ONGOING.match(expression)
    if m is None:
        return None
    since = resolve_time(m.group("rest"), published, tense="past")
    if since is None or since.start is None or published is None or since.start > published:
        return since
    return replace(since, end=published, end_time=None, text=expression, latest=None)
