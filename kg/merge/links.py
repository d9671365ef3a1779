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


def _link(a: Event, b: Event) -> str | None:
    """The relation from ``a`` to ``b`` (two events that share an actor, a state or an article),
    if the lifecycle of conflict and talks says there is one."""
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
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
        return "accusation_about"
    if ra == "05" and a.cameo.startswith("057") and rb == "04" and sb[1] <= sa[0] <= sb[1] + 7 * _DAY:
        return "outcome_of"
    if ra == "03" and a.cameo.startswith("036") and rb == "04" and b.modality == "planned" and sa[0] <= sb[0]:
        return "schedules"
    return None


def _kind(code: str) -> str | None:
    """What an event can be the object of a link as: a truce, a use of force, a consultation."""
    if code.startswith("0871"):
        return "truce"
    if code[:2] in {"18", "19", "20"}:
        return "force"
    if code[:2] == "04":
        return "consult"
    return None


def _wanted(code: str) -> tuple[str, ...]:
    """The kinds of event an event of this code can link to (see ``_link``)."""
    if code[:2] in {"18", "19", "20"}:
        return ("truce",)
    if code.startswith("112"):
        return ("force",)
    if code.startswith(("057", "036")):
        return ("consult",)
    return ()


def link_events(events: Sequence[Event]) -> list[Event]:
    """Return the events with their lifecycle links (``Event.links``) filled in.

    Only events that share an actor, a state or an article are compared, and only for the
    pairs of types the lifecycle knows, so the work grows with the links, not the events squared.
    """
    keys = [_link_keys(e) for e in events]
    by_key: dict[tuple[str, str], list[int]] = {}
    for n, e in enumerate(events):
        kind = _kind(e.cameo)
        if kind:
            for k in keys[n]:
                by_key.setdefault((kind, k), []).append(n)
    out = []
    for n, a in enumerate(events):
        links = set(a.links)
        cands = {m for kind in _wanted(a.cameo) for k in keys[n] for m in by_key.get((kind, k), ())}
        for m in sorted(cands - {n}):
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
                # somewhere in the truce's span, which is less sure than a day the text names
                e = replace(e.with_confidence(time=0.6), time=replace(truce.time, text=""))
        out.append(e)
    return out


def _link_keys(e: Event) -> frozenset[str]:
    return frozenset({"a:" + x.id for x in e.actors} | {"a:" + x.affiliation for x in e.actors if x.affiliation}
            | {"d:" + d for d in e.article_ids})  # actors, the states they act for, articles
