"""The resolver's rules: one pattern and one handler per shape of time expression.

Each handler takes the pattern's match (of a whole, normalised expression) and a
:class:`~kg.temporal.spans.Ctx`, and returns a :class:`~kg.model.TimeSpan` or None.
:data:`HANDLERS` lists them in the order they are tried.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable

from kg.model import Precision, Tense, TimeSpan
from kg.temporal import holidays as _hol
from kg.temporal.spans import (UNIT_DAYS, Ctx, add_months, clock, month_end, need_published, pick,
                               safe_date, slash_date, submod_bounds, timespan, unit_bounds,
                               weekday_date, weekend, year_range)
from kg.temporal.vocab import CLOCK_FULL, DAYNUM, MON, MONTH_FULL, MONTHS, NUM, PARTS, SUBMODS, WD, WEEKDAYS, YEAR, num

__all__ = ["HANDLERS", "HOLIDAY_RX"]

_D = dt.timedelta
_UNIT_PREC: dict[str, Precision] = {"day": "day", "week": "week", "month": "month", "year": "year"}
_COARSER: dict[str, Precision] = {"hour": "day", "day": "week", "week": "month", "month": "year",
                                  "year": "year"}

_Handler = Callable[["re.Match[str]", Ctx], "TimeSpan | None"]
_I = re.I


def _h_iso(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["hh"]:
        h, mi = int(m["hh"]), int(m["mm"])
        if h > 23 or mi > 59:
            return None
        return timespan(d, d, "minute" if mi else "hour", "explicit", start_time=dt.time(h, mi))
    return timespan(d, d, "day", "explicit")


def _h_slash(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    d = slash_date(m.group())
    return timespan(d, d, "day", "explicit") if d else None


def _day_of(s: str) -> int:
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


def _h_date(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    month = MONTHS[m["mon"].lower().rstrip(".")]
    d1 = _day_of(m["d"])
    d2 = _day_of(m["d2"]) if m["d2"] else d1
    if d2 < d1:
        return None
    if m["y"]:
        a, b = safe_date(int(m["y"]), month, d1), safe_date(int(m["y"]), month, d2)
        return timespan(a, b, "day", "explicit") if a and b else None
    pub = need_published(ctx)
    cands = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        a, b = safe_date(y, month, d1), safe_date(y, month, d2)
        if a and b:
            cands.append((a, b))
    picked = pick(cands, pub, ctx.tense, past_slack=7, future_slack=7)
    return timespan(picked[0], picked[1], "day", "explicit") if picked else None


def _h_month_year(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    y, month = int(m["y"]), MONTHS[m["mon"].lower().rstrip(".")]
    first, last = dt.date(y, month, 1), month_end(y, month)
    a, b = submod_bounds(m["mod"], first, last, "month")
    return timespan(a, b, "month", "explicit", vague=bool(m["mod"]))


def _h_month_rel_year(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    pub = need_published(ctx)
    y = pub.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    month = MONTHS[m["mon"].lower()]
    a, b = submod_bounds(m["mod"], dt.date(y, month, 1), month_end(y, month), "month")
    return timespan(a, b, "month", "relative", vague=bool(m["mod"]))


def _h_month(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    if not m["mon"][0].isupper():  # "may" the verb, "march" the verb
        return None
    month = MONTHS[m["mon"].lower()]
    pub = need_published(ctx)
    rel = (m["rel"] or "").lower()
    cands = [(dt.date(y, month, 1), month_end(y, month)) for y in (pub.year - 1, pub.year, pub.year + 1)]
    if rel in {"last", "the past"}:
        picked = max(c for c in cands if c[1] < pub.replace(day=1))
    elif rel in {"next", "the coming"}:
        picked = min(c for c in cands if c[0] > pub)
    else:
        tense = "present" if rel == "this" else ctx.tense
        picked = pick(cands, pub, tense, past_slack=0, future_slack=0)  # type: ignore[assignment]
    assert picked is not None
    a, b = submod_bounds(m["mod"], picked[0], picked[1], "month")
    vague = bool(m["mod"])
    if m["inside"]:  # "earlier in March": a part of the month, bounded by publication
        vague = True
        if m["inside"].lower().startswith("earlier"):
            b = min(b, pub)
        else:
            a = max(a, pub) if a <= pub <= b else a
    return timespan(a, b, "month", "relative", vague=vague)


def _h_quarter(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    y, q = int(m["y"]), int(m["q"])
    return timespan(dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q), "year", "explicit", vague=True)


def _h_year(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    y = int(m["y"])
    a, b = submod_bounds(m["mod"], dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    return timespan(a, b, "year", "explicit", vague=bool(m["mod"]))


def _h_year_range(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    r = year_range(m.group())
    return timespan(dt.date(r[0], 1, 1), dt.date(r[1], 12, 31), "year", "explicit") if r else None


def _h_decade(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    d = int(m["dec"])
    mod = (m["mod"] or "").lower()
    a, b = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(mod, (0, 9))
    return timespan(dt.date(d + a, 1, 1), dt.date(d + b, 12, 31), "year", "explicit", vague=bool(mod))


def _h_relday(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    pub = need_published(ctx)
    w = " ".join(m["w"].lower().split())
    part = (m["part"] or "").lower()
    offset = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tomorrow": 1,
              "the day after tomorrow": 2, "tonight": 0, "last night": -1,
              "this morning": 0, "this afternoon": 0, "this evening": 0,
              "earlier in the day": 0, "later in the day": 0}[w]
    d = pub + _D(days=offset)
    if w in {"tonight", "last night"} or part == "night":
        return TimeSpan(d, d, "day", "relative", latest=d + _D(days=1), earliest=d)
    return timespan(d, d, "day", "relative")


def _h_overnight(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    pub = need_published(ctx)
    if m["wd"]:
        # "overnight into Sunday", "overnight on Sunday": the night that ends on Sunday morning
        end = weekday_date(WEEKDAYS.index(m["wd"].lower()), pub, ctx.tense, None)
        start = end - _D(days=1)
    elif m["wa"] or m["wb"] or m["wc"]:
        first = m["wa"] or m["wb"] or m["wc"]
        start = weekday_date(WEEKDAYS.index(first.lower()), pub, ctx.tense, None)
        end = start + _D(days=1)
    elif ctx.tense == "future":
        start, end = pub, pub + _D(days=1)
    else:
        start, end = pub - _D(days=1), pub
    return timespan(start, end, "day", "relative", vague=True)


def _h_weekday(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    pub = need_published(ctx)
    rel = " ".join((m["rel"] or "").lower().split()) or None
    wd = WEEKDAYS.index(m["wd"].lower())
    d = weekday_date(wd, pub, ctx.tense, rel)
    if m["early"] and rel is None and ctx.tense == "past" and wd == (pub.weekday() + 1) % 7:
        # "struck in the early hours of Wednesday" in a story dated Tuesday: filed from a time
        # zone behind the strike (a week-old act would be "last Wednesday")
        d = pub + _D(days=1)
    part = (m["part"] or "").lower()
    if part == "overnight":
        return timespan(d - _D(days=1), d, "day", "relative", vague=True)
    if part == "night":
        return TimeSpan(d, d, "day", "relative", earliest=d, latest=d + _D(days=1))
    return timespan(d, d, "day", "relative")


def _h_weekend(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    pub = need_published(ctx)
    rel = " ".join((m["rel"] or "").lower().split()) or None
    a, b = weekend(pub, rel, ctx.tense)
    return timespan(a, b, "day", "relative")


def _h_unit(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    pub = need_published(ctx)
    unit = m["unit"].lower()
    rel = " ".join((m["rel"] or "this").lower().split())
    mod = " ".join((m["mod"] or "").lower().split()) or None
    prec = _UNIT_PREC.get(unit, "year")
    if rel in {"the past", "the last", "past"}:
        return timespan(pub - _D(days=math.ceil(UNIT_DAYS[unit])), pub, prec, "relative", vague=True)
    if rel in {"the coming", "coming", "the next"}:
        return timespan(pub, pub + _D(days=math.ceil(UNIT_DAYS[unit])), prec, "relative", vague=True)
    if unit == "decade":
        return None
    k = {"last": -1, "this": 0, "next": 1}[rel]
    first, last = unit_bounds(unit, pub, k)
    # "earlier this week" is before the day of the report, "later this week" after it (the day
    # itself would be "today"); "the rest of the week" starts on it
    if mod in {"earlier", "earlier in"}:
        return timespan(first, max(first, min(last, pub - _D(days=1))), prec, "relative", vague=True)
    if mod in {"later", "later in", "the rest of"}:
        after = pub if mod == "the rest of" else pub + _D(days=1)
        return timespan(min(last, max(first, after)), last, prec, "relative", vague=True)
    if mod:
        a, b = submod_bounds(mod, first, last, unit)
        return timespan(a, b, prec, "relative", vague=True)
    return timespan(first, last, prec, "relative")


def _h_ago(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    pub = need_published(ctx)
    unit = m["unit"].lower()
    nword = " ".join(m["n"].lower().split())
    q = " ".join((m["q"] or "").lower().split())
    n = {"a few": 3, "few": 3, "several": 4, "a couple of": 2, "couple of": 2}.get(nword) or num(nword)
    if n is None:
        return None
    n = int(n)
    prec: Precision = "day" if unit == "hour" else "year" if unit == "decade" else _UNIT_PREC[unit]
    ago = _D(days=math.ceil(n * UNIT_DAYS[unit]))
    if q in {"more than", "just over", "at least", "over"}:  # before that point, not around it
        return timespan(pub - 2 * ago, pub - ago, prec, "relative", vague=True)
    if q in {"less than", "nearly", "almost", "just under"}:  # since that point
        return timespan(pub - ago, pub, prec, "relative", vague=True)
    approx = nword in {"a few", "few", "several", "a couple of", "couple of"} or bool(q)
    if unit == "hour":
        d = (dt.datetime.combine(pub, dt.time(12)) - _D(hours=n)).date()
        return timespan(d, pub, "day", "relative") if d != pub else timespan(pub, pub, "day", "relative")
    if unit == "day":
        d = pub - _D(days=n)
        if approx:
            return timespan(d - _D(days=1), d + _D(days=1), "week", "relative", vague=True)
        return timespan(d, d, "day", "relative")
    if unit == "week":
        a, b = unit_bounds("week", pub, -n)
        return timespan(a, b, "week", "relative", vague=approx)
    if unit == "month":
        a, b = unit_bounds("month", pub, -n)
        return timespan(a, b, "month", "relative", vague=approx)
    years = n * (10 if unit == "decade" else 1)
    y = pub.year - years
    if y <= dt.MINYEAR:  # "2014 years ago" is no date an event of the news has
        return None
    if unit == "decade" or approx:
        return timespan(dt.date(y - 1, 1, 1), dt.date(y + 1, 12, 31), "year", "relative", vague=True)
    return timespan(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "relative")


def _h_recent(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    pub = need_published(ctx)
    unit = m["unit"].lower().rstrip("s")
    nword = (m["n"] or "").lower().strip()
    n = num(nword) if nword and nword not in {"few", "several", "couple of"} else None
    if n is not None:
        size = n * {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}[unit]
        prec: Precision = "day" if unit == "hour" else _UNIT_PREC[unit]
    else:
        size = {"hour": 1, "day": 7, "week": 30, "month": 180, "year": 730}[unit]
        prec = _COARSER[unit]
    days = max(1, math.ceil(size))
    if m["dir"] and m["dir"].lower() in {"coming", "next"}:
        return timespan(pub, pub + _D(days=days), prec, "relative", vague=True)
    return timespan(pub - _D(days=days), pub, prec, "relative", vague=True)


_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _h_season(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    first_month = _SEASON_MONTHS[m["s"].lower()]

    def bounds(y: int) -> tuple[dt.date, dt.date]:
        ey, em = add_months(y, first_month, 2)
        return dt.date(y, first_month, 1), month_end(ey, em)

    mod = (m["mod"] or "").lower() or None
    if m["y"]:
        a, b = bounds(int(m["y"]))
        basis = "explicit"
    else:
        pub = need_published(ctx)
        cands = [bounds(y) for y in (pub.year - 2, pub.year - 1, pub.year, pub.year + 1)]
        rel = " ".join((m["rel"] or "").lower().split())
        if rel in {"last", "the past"}:
            a, b = max(c for c in cands if c[1] < pub)
        elif rel in {"next", "the coming"}:
            a, b = min(c for c in cands if c[0] > pub)
        else:
            tense: Tense = "present" if rel == "this" else ctx.tense
            a, b = pick(cands, pub, tense, past_slack=0, future_slack=0)  # type: ignore[misc]
        basis = "relative"
    if mod:
        thirds = {"early": 0, "mid": 1, "late": 2}[mod]
        y, mo = add_months(a.year, a.month, thirds)
        a, b = dt.date(y, mo, 1), month_end(y, mo)
    return timespan(a, b, "month", basis, vague=True)


_Days = tuple[dt.date, dt.date]


def _holiday_occurrence(key: str, m: re.Match[str], ctx: Ctx) -> tuple[_Days, str] | None:
    """The occurrence of holiday ``key`` meant: of the year written, else the one that fits the
    tense (or "last", "next"), with the basis of the date."""
    if m["y"]:
        spans = _hol.in_year(key, int(m["y"]))
        return (spans[0], "explicit") if spans else None
    pub = need_published(ctx)
    cands = list(_hol.occurrences(key, pub))
    rel = " ".join((m["rel"] or "").lower().split())
    if rel == "last":
        ok = [c for c in cands if c[1] < pub]
        picked = max(ok) if ok else None
    elif rel in {"next", "the coming", "the upcoming", "upcoming"}:
        ok = [c for c in cands if c[0] > pub]
        picked = min(ok) if ok else None
    else:
        picked = pick(cands, pub, "present" if rel == "this" else ctx.tense)
    return (picked, "relative") if picked is not None else None


def _holiday_part(mod: str, start: dt.date, end: dt.date) -> _Days:
    """The days of a holiday that "the eve of", "the start of", "the last days of" ... designate."""
    if mod == "eve":
        return start - _D(days=1), start - _D(days=1)
    if mod in {"start", "beginning", "first day"}:
        return start, start
    if mod in {"end", "last day"}:
        return end, end
    if mod == "first days":
        return start, min(end, start + _D(days=2))
    if mod == "last days":
        return max(start, end - _D(days=2)), end
    return start, end


def _h_holiday(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    key = _hol.holiday_key(m["h"])
    if key is None:
        return None
    if key in _hol.UNRESOLVABLE:
        return TimeSpan.unknown()
    found = _holiday_occurrence(key, m, ctx)
    if found is None:
        return None
    (start, end), basis = found
    start, end = _holiday_part(" ".join((m["mod"] or "").lower().split()), start, end)
    if _hol.is_lunar_sighted(key):
        return TimeSpan(start, end, "day", basis, earliest=start - _D(days=1),  # type: ignore[arg-type]
                        latest=end + _D(days=1))
    return timespan(start, end, "day", basis)


def _h_clock(m: re.Match[str], ctx: Ctx) -> TimeSpan | None:
    c = clock(m.group())
    if c is None:
        return None
    pub = need_published(ctx)
    return timespan(pub, pub, c[1], "relative", start_time=c[0])


HOLIDAY_RX = re.compile(rf"(?:(?P<rel>last|next|this|the\s+coming|the\s+upcoming|upcoming)\s+)?"
                rf"(?:(?:the\s+)?(?P<mod>eve|start|beginning|end|first\s+day|last\s+day|first\s+days|last\s+days)"
                rf"\s+of\s+)?(?:the\s+)?(?P<h>{_hol.HOLIDAY_PATTERN})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?"
                r"(?:\s+(?:holidays?|festival|celebrations?))?", _I)
HANDLERS: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[t ](?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2})?"
                r"(?:z|[+-]\d{2}:?\d{2})?)?", _I), _h_iso),
    (re.compile(r"\d{1,2}/\d{1,2}/\d{4}"), _h_slash),
    (re.compile(rf"(?:(?:early|late)(?:\s+on)?\s+)?(?:{WD},?\s+)?(?:the\s+)?(?P<d>{DAYNUM})(?:\s*-\s*(?P<d2>{DAYNUM}))?\s+(?:of\s+)?"
                rf"(?P<mon>{MON})(?:,?\s+(?P<y>{YEAR}))?", _I), _h_date),
    (re.compile(rf"(?:(?:early|late)(?:\s+on)?\s+)?(?:{WD},?\s+)?(?P<mon>{MON})\s+(?:the\s+)?(?P<d>{DAYNUM})(?:\s*-\s*(?P<d2>{DAYNUM}))?"
                rf"(?:,?\s+(?P<y>{YEAR}))?", _I), _h_date),
    (re.compile(rf"(?:(?P<mod>{SUBMODS})[\s-]+)?(?P<mon>{MON})(?:\s+of)?,?\s+(?P<y>{YEAR})", _I),
     _h_month_year),
    (re.compile(rf"(?:(?P<mod>{SUBMODS})[\s-]+)?(?P<mon>{MONTH_FULL})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year",
                _I), _h_month_rel_year),
    (re.compile(rf"(?:(?P<inside>earlier|later)\s+in\s+)?(?:(?P<rel>last|next|this|the\s+coming|the\s+past)\s+)?"
                rf"(?:(?P<mod>{SUBMODS})[\s-]+)?(?P<mon>{MONTH_FULL})", _I), _h_month),
    (re.compile(rf"(?:(?P<mod>{SUBMODS})[\s-]+)?(?:the\s+year\s+)?(?P<y>{YEAR})", _I), _h_year),
    (re.compile(rf"Q(?P<q>[1-4])\s+(?P<y>{YEAR})", _I), _h_quarter),
    (re.compile(rf"{YEAR}\s*[-/]\s*(?:{YEAR}|\d\d)"), _h_year_range),
    (re.compile(r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dec>(?:1[89]|20)\d0)'?s", _I), _h_decade),
    (re.compile(r"(?:(?:early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after"
                r"\s+tomorrow|yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
                r"|(?:earlier|later)\s+in\s+the\s+day)"
                r"(?:\s+(?P<part>morning|afternoon|evening|night))?", _I), _h_relday),
    (re.compile(rf"overnight\s+(?P<wb>{WD})\s+(?:to|into)\s+{WD}|overnight(?:\s+(?:into|to|on))?\s+(?P<wd>{WD})"
                rf"|(?:the\s+)?night\s+of\s+(?P<wa>{WD})\s+(?:to|into|and)\s+{WD}|(?P<wc>{WD})\s+night\s+into"
                rf"\s+{WD}|overnight", _I), _h_overnight),
    (re.compile(rf"(?:(?P<rel>(?:this\s+)?(?:last|next|coming|past)|this|the\s+coming|the\s+past)\s+)?"
                rf"(?:(?:(?P<early>early(?:\s+on)?|(?:in\s+)?the\s+(?:early|small|wee)\s+hours\s+of)|late(?:\s+on)?)\s+)?"
                rf"(?P<wd>{WD})(?:\s+(?P<part>{PARTS}))?", _I), _h_weekday),
    (re.compile(r"(?:the\s+)?(?:(?P<rel>this|last|next|past|coming|the\s+past|the\s+coming)\s+)?weekend", _I),
     _h_weekend),
    (re.compile(r"(?:(?P<mod>earlier|later|early|late|mid|(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of)"
                r"[\s-]+(?:in\s+)?)?(?P<rel>this|last|next|the\s+past|the\s+last|the\s+coming|the\s+next|past|coming)\s+"
                r"(?P<unit>week|month|year|decade)", _I), _h_unit),
    (re.compile(r"(?P<mod>earlier\s+in|later\s+in|(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of)\s+the\s+"
                r"(?P<unit>week|month|year)(?P<rel>)", _I), _h_unit),
    (re.compile(r"(?:(?P<q>about|some|nearly|almost|more\s+than|less\s+than|over|just\s+over|just\s+under|"
                r"roughly|around|"
                rf"at\s+least)\s+)?(?P<n>a\s+few|a\s+couple\s+of|couple\s+of|several|few|{NUM})\s+"
                r"(?P<unit>hour|day|week|month|year|decade)s?\s+ago", _I), _h_ago),
    (re.compile(r"(?:recent|(?:the\s+)?(?P<dir>past|last|coming|next))\s+(?P<n>few|several|couple\s+of|"
                rf"{NUM})?\s*(?P<unit>hours|days|weeks|months|years)", _I), _h_recent),
    (re.compile(rf"(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<rel>this|last|next|the\s+coming|the\s+past)\s+)?"
                rf"(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:(?:\s+of)?,?\s+(?P<y>{YEAR}))?", _I),
     _h_season),
    (HOLIDAY_RX, _h_holiday),
    (re.compile(CLOCK_FULL), _h_clock),
)
