"""Durations ("a 30-hour truce", "three-day talks") and the spans they stretch."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from kg.model import TimeSpan
from kg.temporal import holidays as _hol
from kg.temporal.resolve import normalise
from kg.temporal.rules import HOLIDAY_RX
from kg.temporal.vocab import NUM, num

__all__ = ["parse_duration", "with_duration"]

_D = dt.timedelta

_UNIT_DELTA: dict[str, dt.timedelta] = {
    "minute": _D(minutes=1), "hour": _D(hours=1), "day": _D(days=1), "night": _D(days=1),
    "week": _D(weeks=1), "fortnight": _D(weeks=2), "month": _D(days=30), "year": _D(days=365),
}
_P_DURATION = re.compile(
    rf"(?<![\w,.])(?P<n>{NUM}(?:\s+and\s+a\s+half)?|half\s+an?|a\s+half)?[\s-]*"
    r"(?P<unit>minute|hour|day|night|week|fortnight|month|year)s?(?:[\s-](?:long|old))?\b"
    r"(?!\s+ago)", re.I)


def parse_duration(text: str) -> dt.timedelta | None:
    """The first duration in ``text`` ("a 30-hour truce", "for 10 days", "three-day"), or None.

    Months count as 30 days and years as 365: durations in news are round numbers.
    A bare unit counts only when hyphenated or with an article ("day-long", "a week").
    """
    for m in _P_DURATION.finditer(text):
        n_text = (m["n"] or "").strip().lower()
        unit = _UNIT_DELTA[m["unit"].lower()]
        if not n_text:
            # "hour-long", "week-long" count; a bare "day" or "year" is no duration
            if re.search(r"[\s-]long$", m.group(), re.I):
                return unit
            continue
        half = 0.0
        if n_text.endswith("and a half"):
            half, n_text = 0.5, n_text[: -len("and a half")].strip()
        if n_text in {"half a", "half an", "a half"}:
            return unit / 2
        n = num(n_text)
        if n is None or n <= 0:
            continue
        return unit * (n + half)
    return None


def with_duration(span: TimeSpan, duration: dt.timedelta) -> TimeSpan:
    """The span of something that lasts ``duration`` from ``span``'s start.

    * With a clock time ("a 30-hour truce from 6 p.m. Saturday"): end = start + duration,
      with its clock time (an end exactly at midnight is recorded as 23:59 of the day before).
    * Anchored on Easter or Christmas ("a 30-hour truce for Orthodox Easter"): the truce is
      taken to cover the vigil and the feast, ending with the feast day and beginning
      ``duration`` earlier, so a 30-hour Easter truce runs from Saturday evening to the end of
      Easter Sunday (2025: 19-20 April). Other holidays (Eid, Nowruz, New Year, Passover...)
      start the truce on the holiday's first day ("a three-day Eid truce" = Eid and the two
      days after), as the Eid ceasefires in Afghanistan and Yemen did.
    * Otherwise the start time within the start day is unknown: whole days count inclusively
      ("a three-day summit from Monday" = Monday-Wednesday); hours give the day the duration
      ends on if it began at 00:00, with ``latest`` for a start late in the day.
    """
    if not span.is_known or duration <= _D(0):
        return span
    assert span.start is not None and span.end is not None
    if span.start_time is not None:
        start_dt = dt.datetime.combine(span.start, span.start_time)
        end_dt = start_dt + duration
        if end_dt.time() == dt.time(0):
            end_dt -= _D(minutes=1)
        return replace(span, end=end_dt.date(), end_time=end_dt.time().replace(second=0, microsecond=0),
                       latest=None)
    hm = HOLIDAY_RX.fullmatch(normalise(span.text))
    key = _hol.holiday_key(hm["h"]) if hm else None
    if key is not None and _hol.has_vigil(key) and span.precision == "day":
        end_dt = dt.datetime.combine(span.end + _D(days=1), dt.time(0))
        start = min((end_dt - duration).date(), span.start)
        return replace(span, start=start, earliest=start, latest=span.end)
    if span.precision in {"day", "hour", "minute"}:
        if duration % _D(days=1) == _D(0):
            end = span.start + duration - _D(days=1)
            return replace(span, end=max(end, span.end))
        start_dt = dt.datetime.combine(span.start, dt.time(0))
        end = (start_dt + duration - _D(microseconds=1)).date()
        latest = (start_dt + _D(days=1) + duration - _D(microseconds=1)).date()
        return replace(span, end=max(end, span.end), earliest=span.start, latest=max(latest, span.end))
    end = span.start + duration
    return replace(span, end=max(end, span.end), earliest=span.start,
                   latest=max(span.end + duration, span.end))

