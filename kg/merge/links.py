"""Lifecycle links between merged events: a truce and its violation and end, an accusation and
the event it is about, talks planned and held, and the agreement they produce."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from kg.model import Event

__all__ = ["link_events", "date_from_links"]

_DAY = dt.timedelta(days=1)


def _span(e: Event) -> tuple[dt.date, dt.date] | None:
    if e.time.start is None:
        return None
    return e.time.start, e.time.end or e.time.start


def _related(a: Event, b: Event) -> bool:
    ids_a = {x.id for x in a.actors} | {x.affiliation for x in a.actors if x.affiliation}
    ids_b = {x.id for x in b.actors} | {x.affiliation for x in b.actors if x.affiliation}
    return bool(ids_a & ids_b) or bool(set(a.article_ids) & set(b.article_ids))


def _link(a: Event, b: Event) -> str | None:
    """The relation from ``a`` to ``b``, if the lifecycle of conflict and talks says there is one."""
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None or not _related(a, b):
        return None
    ra, rb = a.cameo[:2], b.cameo[:2]
    if b.cameo.startswith("0871") and a.modality != "conditional":
        if a.cameo == "196" or (ra in {"18", "19", "20"} and sb[0] - _DAY <= sa[0] <= sb[1]):
            return "violates"  # force used while a truce is in force
        if ra in {"18", "19", "20"} and sb[1] <= sa[0] <= sb[1] + 2 * _DAY:
            return "ends"  # fighting that resumes as the truce runs out
    if ra == "11" and a.cameo.startswith("112") and a.evidence and b.evidence and \
            rb in {"18", "19", "20"} and b.claimed_by and \
            {x.id for x in b.claimed_by} & {x.id for x in a.sources} and \
            {(e.article_id, e.start) for e in a.evidence} & {(e.article_id, e.start) for e in b.evidence}:
        return "claimAbout"
    if ra == "05" and a.cameo.startswith("057") and rb == "04" and sb[1] <= sa[0] <= sb[1] + 7 * _DAY:
        return "outcomeOf"
    if ra == "03" and a.cameo.startswith("036") and rb == "04" and b.modality == "planned" and sa[0] <= sb[0]:
        return "schedules"
    return None


def link_events(events: Sequence[Event]) -> list[Event]:
    """Return the events with their lifecycle links (``Event.links``) filled in."""
    by_key: dict[str, list[int]] = {}
    for n, e in enumerate(events):
        for k in _link_keys(e):
            by_key.setdefault(k, []).append(n)
    out = []
    for n, a in enumerate(events):
        links = set(a.links)
        for m in sorted({m for k in _link_keys(a) for m in by_key.get(k, ())}):
            if m == n:
                continue
            rel = _link(a, events[m])
            if rel:
                links.add((rel, events[m].id))
        out.append(replace(a, links=tuple(sorted(links))) if links != set(a.links) else a)
    return out


def date_from_links(events: Sequence[Event]) -> list[Event]:
    """An undated violation of a truce happened while the truce held: give it the truce's span."""
    by_id = {e.id: e for e in events}
    out = []
    for e in events:
        if e.time.basis in {"publication", "unknown"}:
            truce = next((by_id[o] for rel, o in e.links if rel == "violates" and o in by_id
                          and by_id[o].time.basis in {"explicit", "relative"}), None)
            if truce is not None:
                e = replace(e, time=replace(truce.time, text=""))
        out.append(e)
    return out


def _link_keys(e: Event) -> set[str]:
    return ({"a:" + x.id for x in e.actors} | {"a:" + x.affiliation for x in e.actors if x.affiliation}
            | {"d:" + d for d in e.article_ids})
