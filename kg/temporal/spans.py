"""Calendar arithmetic the resolver's rules share: the context of a resolution and day spans.

A rule resolves an expression against a :class:`Ctx` (publication date and tense) and builds its
:class:`~kg.model.TimeSpan` with :func:`timespan`; the helpers pick the occurrence of a weekday,
month or holiday that fits the tense, and read clock times and numeric dates.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from kg.model import Precision, Tense, TimeSpan
from kg.temporal.vocab import TZ

__all__ = ["Ctx", "NeedsDate", "need_published", "timespan", "as_written", "month_end", "add_months", "submod_bounds",
           "pick", "weekday_date", "clock", "slash_date", "year_range", "safe_date", "weekend",
           "unit_bounds", "UNIT_DAYS"]

_D = dt.timedelta


@dataclass(frozen=True)
class Ctx:
    published: dt.date | None
    tense: Tense


class NeedsDate(Exception):
    """A relative expression met an unknown publication date."""


def need_published(ctx: Ctx) -> dt.date:
    if ctx.published is None:
        raise NeedsDate
    return ctx.published


def timespan(start: dt.date, end: dt.date, precision: Precision, basis: str, *,
          vague: bool = False, start_time: dt.time | None = None,
          end_time: dt.time | None = None) -> TimeSpan:
    return TimeSpan(start, end, precision, basis,  # type: ignore[arg-type]
                    start_time=start_time, end_time=end_time,
                    earliest=start if vague else None, latest=end if vague else None)


def as_written(t: TimeSpan) -> TimeSpan:
    """``t`` as the graph writes it and every reader reads it back: a span known to the month or
    the year runs over whole months or years (``xsd:gYearMonth``, ``xsd:gYear``); the part of
    them the span names ("earlier this month", "since November" up to the report) is its
    ``earliest`` and ``latest`` (written as days). The build merges events as a later addition
    will read them."""
    if t.start is None or t.precision not in ("month", "year"):
        return t
    end = t.end or t.start
    if t.precision == "month":
        start, end = t.start.replace(day=1), month_end(end.year, end.month)
    else:
        start, end = dt.date(t.start.year, 1, 1), dt.date(end.year, 12, 31)
    if (start, end) == (t.start, t.end):
        return t
    return replace(t, start=start, end=end, earliest=t.earliest or (t.start if start != t.start else None),
                   latest=t.latest or (t.end if end != t.end else None))


def month_end(y: int, m: int) -> dt.date:
    return (dt.date(y + (m == 12), m % 12 + 1, 1)) - _D(days=1)


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def submod_bounds(mod: str | None, first: dt.date, last: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    """The part of [first, last] that "early", "mid", "late", "the end of" ... designate."""
    if not mod:
        return first, last
    mod = re.sub(r"^the\s+|\s+of$", "", " ".join(mod.lower().split()))
    if unit == "year":
        y = first.year
        table = {"early": (1, 4), "beginning": (1, 3), "start": (1, 3), "mid": (5, 8),
                 "middle": (5, 8), "late": (9, 12), "end": (10, 12), "first half": (1, 6),
                 "second half": (7, 12), "first quarter": (1, 3), "second quarter": (4, 6),
                 "third quarter": (7, 9), "fourth quarter": (10, 12), "last quarter": (10, 12)}
        if mod in table:
            a, b = table[mod]
            return dt.date(y, a, 1), month_end(y, b)
        return first, last
    n = (last - first).days + 1
    if unit == "month":
        table2 = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20),
                  "middle": (11, 20), "late": (21, n), "end": (21, n), "first half": (1, 15),
                  "second half": (16, n)}
        a, b = table2.get(mod, (1, n))
        return first + _D(days=a - 1), first + _D(days=b - 1)
    # a week: early Mon-Wed, mid Wed-Fri, late Thu-Sun, the end Fri-Sun
    table3 = {"early": (0, 2), "beginning": (0, 1), "start": (0, 1), "mid": (2, 4),
              "middle": (2, 4), "late": (3, 6), "end": (4, 6)}
    a, b = table3.get(mod, (0, n - 1))
    return first + _D(days=a), first + _D(days=b)


def pick(cands: list[tuple[dt.date, dt.date]], pub: dt.date, tense: Tense,
          past_slack: int = 7, future_slack: int = 1) -> tuple[dt.date, dt.date] | None:
    """The candidate span nearest ``pub`` that fits the tense (with a little slack)."""
    if not cands:
        return None
    if tense == "past":
        ok = [c for c in cands if c[0] <= pub + _D(days=past_slack)]
        return max(ok) if ok else min(cands)
    if tense == "future":
        ok = [c for c in cands if c[1] >= pub - _D(days=future_slack)]
        return min(ok) if ok else max(cands)

    def dist(c: tuple[dt.date, dt.date]) -> int:
        return 0 if c[0] <= pub <= c[1] else min(abs((c[0] - pub).days), abs((c[1] - pub).days))
    return min(cands, key=dist)


def weekday_date(wd: int, pub: dt.date, tense: Tense, rel: str | None) -> dt.date:
    back = (pub.weekday() - wd) % 7  # days since the latest such weekday (0 = today)
    ahead = (wd - pub.weekday()) % 7
    if rel in {"last", "past", "this past", "the past"}:
        return pub - _D(days=back or 7)
    if rel in {"next", "coming", "this coming", "the coming"}:
        return pub + _D(days=ahead or 7)
    if rel == "this":
        return pub - _D(days=back) if tense == "past" else pub + _D(days=ahead)
    if tense == "past":
        return pub - _D(days=back)
    if tense == "future":
        return pub + _D(days=ahead)
    return pub - _D(days=back) if back <= ahead else pub + _D(days=ahead)


def clock(text: str) -> tuple[dt.time, Precision, bool] | None:
    """(time, precision, is_midnight) for a clock expression such as "6:30 p.m." or "1500 GMT"."""
    t = " ".join(text.lower().split())
    t = re.sub(r"\s*\([^()]*\)", "", t)
    t = re.sub(r"^(?:at|around|about|from|by|until|till)\s+", "", t)
    m = re.fullmatch(r"([01]\d|2[0-3])([0-5]\d)\s*(?:gmt|utc|hrs|hours|z)", t)
    if m:  # military style, "1500 GMT"
        mi = int(m.group(2))
        return dt.time(int(m.group(1)), mi), ("minute" if mi else "hour"), False
    t = re.sub(rf"\s+(?i:{TZ})$", "", t).strip()
    if t == "midnight":
        return dt.time(0, 0), "hour", True
    if t in {"noon", "midday"}:
        return dt.time(12, 0), "hour", False
    m = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\.?", t)
    if m:
        h, mi = int(m.group(1)), int(m.group(2) or 0)
        if not 1 <= h <= 12 or mi > 59:
            return None
        h = h % 12 + (12 if m.group(3) == "p" else 0)
        return dt.time(h, mi), ("minute" if mi else "hour"), False
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?:\s*(?:gmt|utc|hrs|h|z))?", t)
    if m:
        h, mi = int(m.group(1)), int(m.group(2))
        if h > 23 or mi > 59:
            return None
        return dt.time(h, mi), ("minute" if mi else "hour"), False
    return None


def slash_date(text: str) -> dt.date | None:
    """A d/m/y or m/d/y date only when the order cannot matter (a part > 12, or both equal)."""
    a, b, y = (int(x) for x in text.split("/"))
    if a == b or (a > 12 >= b):
        d, m = a, b
    elif b > 12 >= a:
        d, m = b, a
    else:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def year_range(text: str) -> tuple[int, int] | None:
    m = re.fullmatch(r"(\d{4})\s*[-–/]\s*(\d{2}|\d{4})", text.strip())
    if not m:
        return None
    y1 = int(m.group(1))
    y2 = int(m.group(2)) if len(m.group(2)) == 4 else y1 // 100 * 100 + int(m.group(2))
    if not (1800 <= y1 < y2 <= 2100) or y2 - y1 > 100:
        return None
    return y1, y2


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def weekend(pub: dt.date, rel: str | None, tense: Tense) -> tuple[dt.date, dt.date]:
    sat_back = pub - _D(days=(pub.weekday() - 5) % 7)  # latest Saturday on or before pub
    current = (sat_back, sat_back + _D(days=1))
    in_weekend = pub.weekday() >= 5
    nxt = (sat_back + _D(days=7), sat_back + _D(days=8))
    prev = (sat_back - _D(days=7), sat_back - _D(days=6))
    if rel in {"last", "past", "the past"}:
        return prev if in_weekend else current
    if rel in {"next", "coming", "the coming"}:
        return nxt
    if in_weekend:
        if tense == "past" and rel is None and pub.weekday() == 5:
            return current[0], pub  # "over the weekend" in a Saturday report: so far, Saturday
        return current
    if tense == "future" or (rel == "this" and tense == "present"):
        return nxt
    return current


def unit_bounds(unit: str, pub: dt.date, k: int) -> tuple[dt.date, dt.date]:
    """The calendar week/month/year ``k`` units from the one containing ``pub``."""
    if unit == "week":
        monday = pub - _D(days=pub.weekday()) + _D(weeks=k)
        return monday, monday + _D(days=6)
    if unit == "month":
        y, mo = add_months(pub.year, pub.month, k)
        return dt.date(y, mo, 1), month_end(y, mo)
    return dt.date(pub.year + k, 1, 1), dt.date(pub.year + k, 12, 31)


UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}
