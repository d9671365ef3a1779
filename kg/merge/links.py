"""Lifecycle links between merged events: a truce and its violation and end, an accusation and
the event it is about, talks planned and held, and the agreement they produce.

Each relation holds only within a window of time that makes it plausible (below, in days), and
candidates are found through an index by actor (or article) and start date, so the work and the
number of links grow with the events, not with their square:

- ``violates``: force used from the day before a truce starts to its last day; an event coded as
  a violation of a ceasefire (196) up to ``VIOLATION_AFTER`` days after the truce's last day (a
  ceasefire declared without an end holds until it is broken). Of several truces, the one in
  force is the latest declared.
- ``ends``: fighting that resumes within ``ENDS_AFTER`` days of the truce's last day.
- ``accusation_about``: an accusation and the use of force it reports, in the same sentence.
- ``outcome_of``: an agreement signed within ``OUTCOME_AFTER`` days of the talks' last day.
- ``schedules``: an intent to meet up to ``SCHEDULE_AHEAD`` days before the planned talks; of
  several, the next talks.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from kg.codebook import Code, Root, has_root, is_violent
from kg.model import Event

__all__ = ["link_events", "date_from_links", "link_window", "VIOLATION_AFTER", "ENDS_AFTER", "OUTCOME_AFTER",
           "SCHEDULE_AHEAD"]

_DAY = dt.timedelta(days=1)
VIOLATION_AFTER = 30  # days after a truce's last day that a reported violation (196) may refer to it
ENDS_AFTER = 2  # days after a truce's last day within which resumed fighting ends it
OUTCOME_AFTER = 7  # days after talks end within which an agreement is their outcome
SCHEDULE_AHEAD = 60  # days before planned talks that an intent to meet schedules them
# of several candidates for one relation, keep only the nearest: the truce in force (the latest
# start), the next talks (the earliest start)
_NEAREST = {"violates": max, "schedules": min}


def _span(e: Event) -> tuple[dt.date, dt.date] | None:
    if e.time.start is None:
        return None
    return e.time.start, e.time.end or e.time.start


def _link(a: Event, b: Event) -> str | None:
    """The relation from ``a`` to ``b`` (two events that share an actor, a state or an article),
    if the lifecycle of conflict and talks says there is one within its window of time."""
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return None
    if b.cameo.startswith(Code.DECLARE_TRUCE) and a.modality != "conditional":
        if a.cameo == Code.VIOLATE_CEASEFIRE and sb[0] - _DAY <= sa[0] <= sb[1] + VIOLATION_AFTER * _DAY:
            return "violates"  # a reported violation, during or after the truce
        if is_violent(a.cameo) and sb[0] - _DAY <= sa[0] <= sb[1]:
            return "violates"  # force used while a truce is in force
        if is_violent(a.cameo) and sb[1] <= sa[0] <= sb[1] + ENDS_AFTER * _DAY:
            return "ends"  # fighting that resumes as the truce runs out
    if a.cameo.startswith(Code.ACCUSE) and a.evidence and b.evidence and \
            is_violent(b.cameo) and b.claimed_by and \
            {x.id for x in b.claimed_by} & {x.id for x in a.sources} and \
            {(e.article_id, e.start) for e in a.evidence} & {(e.article_id, e.start) for e in b.evidence}:
        return "accusation_about"
    if a.cameo.startswith(Code.SIGN_AGREEMENT) and has_root(b.cameo, Root.CONSULT) and \
            sb[1] <= sa[0] <= sb[1] + OUTCOME_AFTER * _DAY:
        return "outcome_of"
    if a.cameo.startswith(Code.INTENT_TO_MEET) and has_root(b.cameo, Root.CONSULT) and \
            b.modality == "planned" and \
            sa[0] <= sb[0] <= sa[0] + SCHEDULE_AHEAD * _DAY:
        return "schedules"
    return None


def _kind(code: str) -> str | None:
    """What an event can be the object of a link as: a truce, a use of force, a consultation."""
    if code.startswith(Code.DECLARE_TRUCE):
        return "truce"
    if is_violent(code):
        return "force"
    if has_root(code, Root.CONSULT):
        return "consult"
    return None


def _wanted(code: str) -> tuple[str, int | None, int | None]:
    """The kind of event an event of this code can link to (see ``_link``), and the window of
    that event's start around this one's start, in days (``None`` where the window is not a
    matter of time); the first bound is further back by the longest such event's span."""
    if is_violent(code):
        return "truce", -max(VIOLATION_AFTER, ENDS_AFTER), 1
    if code.startswith(Code.ACCUSE):
        return "force", None, None  # the same sentence: found through the article
    if code.startswith(Code.SIGN_AGREEMENT):
        return "consult", -OUTCOME_AFTER, 0
    if code.startswith(Code.INTENT_TO_MEET):
        return "consult", 0, SCHEDULE_AHEAD
    return "", 0, 0


# each code class's _wanted, by the kind it links to (a code of each class stands for it)
_LINKERS = (Code.VIOLATE_CEASEFIRE, Code.ACCUSE, Code.SIGN_AGREEMENT, Code.INTENT_TO_MEET)


def link_window(kind: str) -> tuple[int, int] | None:
    """The days, around the start of an event that links to an event of ``kind``, in which the
    latter's start may lie, whatever the linking code (the first bound further back by the
    longest span of such events); None: such links are found through the article only."""
    windows = [(lo, hi) for k, lo, hi in map(_wanted, _LINKERS) if k == kind]
    bounded = [(lo, hi) for lo, hi in windows if lo is not None and hi is not None]
    if not windows or len(bounded) < len(windows):
        return None
    return min(lo for lo, _ in bounded), max(hi for _, hi in bounded)


class _Index:
    """Events by (kind, actor or article key), each list sorted by start day."""

    def __init__(self, events: Sequence[Event], keys: list[frozenset[str]]) -> None:
        self.starts: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self.longest: dict[tuple[str, str], int] = {}
        for n, e in enumerate(events):
            kind, span = _kind(e.cameo), _span(e)
            if kind is None or span is None:
                continue
            for k in keys[n]:
                self.starts.setdefault((kind, k), []).append((span[0].toordinal(), n))
                self.longest[(kind, k)] = max(self.longest.get((kind, k), 0), (span[1] - span[0]).days)
        for bucket in self.starts.values():
            bucket.sort()

    def near(self, kind: str, key: str, day: int, lo: int | None, hi: int | None) -> list[int]:
        bucket = self.starts.get((kind, key))
        if not bucket:
            return []
        if lo is None or hi is None:
            return [n for _, n in bucket]
        first = bisect.bisect_left(bucket, (day + lo - self.longest[(kind, key)], -1))
        last = bisect.bisect_left(bucket, (day + hi + 1, -1))
        return [n for _, n in bucket[first:last]]


def _candidates(index: _Index, a: Event, keys: frozenset[str]) -> set[int]:
    kind, lo, hi = _wanted(a.cameo)
    span = _span(a)
    if not kind or span is None:
        return set()
    day = span[0].toordinal()
    if lo is None:
        keys = frozenset(k for k in keys if k.startswith("d:"))
    return {m for k in keys for m in index.near(kind, k, day, lo, hi)}


def link_events(events: Sequence[Event]) -> list[Event]:
    """Return the events with their lifecycle links (``Event.links``) filled in.

    Only events that share an actor, a state or an article, and whose start days fall within the
    relation's window, are compared, so the work grows with the links, not the events squared.
    """
    keys = [_link_keys(e) for e in events]
    index = _Index(events, keys)
    out = []
    for n, a in enumerate(events):
        found: dict[str, list[int]] = {}
        for m in sorted(_candidates(index, a, keys[n]) - {n}):
            rel = _link(a, events[m])
            if rel:
                found.setdefault(rel, []).append(m)
        links = set(a.links)
        for rel, ms in found.items():
            links |= {(rel, events[m].id) for m in _nearest(rel, ms, events)}
        out.append(replace(a, links=tuple(sorted(links))) if links != set(a.links) else a)
    return out


def _nearest(rel: str, ms: list[int], events: Sequence[Event]) -> list[int]:
    """Of the events ``ms`` that ``rel`` links to, those it should: all, or the nearest in time."""
    pick = _NEAREST.get(rel)
    if pick is None or len(ms) < 2:
        return ms
    best = pick(events[m].time.start or dt.date.min for m in ms)
    return [m for m in ms if events[m].time.start == best]


def date_from_links(events: Sequence[Event]) -> list[Event]:
    """An undated violation of a truce happened while the truce held: give it the truce's span."""
    by_id = {e.id: e for e in events}
    out = []
    for e in events:
        if e.time.basis in {"publication", "unknown"}:
            truce = next((by_id[o] for rel, o in e.links if rel == "violates" and o in by_id
                          and by_id[o].time.basis in {"explicit", "relative"}), None)
            if truce is not None:
                # somewhere in the truce's span, which is less sure than a day the text names
                e = replace(e.with_confidence(time=0.6), time=replace(truce.time, text=""))
        out.append(e)
    return out


def _link_keys(e: Event) -> frozenset[str]:
    return frozenset({"a:" + x.id for x in e.actors} | {"a:" + x.affiliation for x in e.actors if x.affiliation}
            | {"d:" + d for d in e.article_ids})  # actors, the states they act for, articles
