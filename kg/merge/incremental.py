"""Merge and link new mentions into a stored graph, touching only the events they can reach.

A full build merges every mention (:func:`kg.merge.merge_events`), links every event
(:func:`kg.merge.link_events`) and dates undated violations (:func:`kg.merge.date_from_links`).
Adding a few articles to a large graph gives the same result when those steps run over the new
mentions and the stored events they can reach:

- merge: the stored events that share a blocking key (a participant in a week, an article) with a
  new mention, and again under the keys each changed event gained, until no changed event
  reaches a stored event outside the set. A stored event outside it is compared with nothing
  that changed, so it stays as it was; keys are looked up a week wider than the merge's own
  slack, so week boundaries never hide a neighbour. (Under the keys a stored event had, it met
  its neighbours when it was stored: a grown event is not looked up there again.)
- link: every stored event that a changed (or removed) event can be linked from, within the
  window of the relation (:func:`kg.merge.links.link_window`), gets its links again from the
  events it can link to; links are only ever added, as in a full build.
- date: the events whose links changed, and those linking to a changed event, are dated again.

The store (:class:`Store`, the build's state in :mod:`kg.export.state`) answers the look-ups
and takes the result.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from kg import codebook
from kg.merge import _SLACK, _keys, date_from_links, link_events, merge_events
from kg.merge.links import _kind, _link_keys, _wanted, link_window
from kg.model import Event

__all__ = ["Store", "Update", "merge_into", "reads_back_as_written", "merge_keys", "probe_keys", "link_keys", "link_kinds"]


class Store(Protocol):
    """The stored events of a graph, found by the keys through which new mentions reach them."""

    def merge_neighbours(self, keys: set[tuple[str, str, int, int]]) -> list[Event]:
        """The events stored under any of these merge keys (see :func:`merge_keys`)."""
        ...

    def link_neighbours(self, keys: set[str], first: int, last: int, *, kind: str = "",
                        wants: str = "") -> list[Event]:
        """The dated events with any of these link keys whose start (a day ordinal) lies in
        ``first..last`` (for article keys, ``d:...``, whatever their start), and that are
        objects of links as ``kind`` (see :func:`link_kinds`), or link to events of kind
        ``wants``."""
        ...

    def longest(self) -> int:
        """The longest span of a stored event, in days."""
        ...

    def linking_to(self, ids: set[str]) -> list[Event]:
        """The events with a link to any of ``ids``."""
        ...

    def unsettled(self) -> list[Event]:
        """The events whose form as read back differs from the form written in what merging,
        linking and dating look at (see :func:`reads_back_as_written`)."""
        ...

    def get(self, ids: set[str]) -> list[Event]:
        """The events with these ids (those it holds)."""
        ...

    def replace(self, changed: Sequence[Event], removed: set[str]) -> None:
        """Store ``changed`` events (new or replacing those of their ids), drop ``removed``."""
        ...


@dataclass(frozen=True)
class Update:
    """What adding mentions changed: the new and changed events, and the ids merged away."""

    changed: tuple[Event, ...]
    removed: frozenset[str]


def merge_keys(ev: Event) -> set[tuple[str, str, int, int]]:
    """The keys under which an event is stored for merging: its blocking keys (with its
    coreference family: family, key, week, 0) and those its time widened by the merge's slack
    gives (..., 1)."""
    fam = codebook.coreference_family(ev.cameo)
    return {(fam, k, w, 0) for k, w in _keys(ev)} | {(fam, k, w, 1) for k, w in _keys(ev, _SLACK)}


def probe_keys(ev: Event) -> set[tuple[str, str, int, int]]:
    """The stored keys of the events ``ev`` may be compared with while merging, either way
    round: its own blocking keys against the widened ones, its widened ones against theirs."""
    return {(f, k, w, 1 - s) for f, k, w, s in merge_keys(ev)}


def link_keys(ev: Event) -> frozenset[str]:
    """The keys (actor, the state it acts for, article) through which events are linked."""
    return _link_keys(ev)


def link_kinds(ev: Event) -> tuple[str, str]:
    """What an event can be the object of a link as, and the kind of event it can link to
    ("" for none): see :mod:`kg.merge.links`."""
    return _kind(ev.cameo) or "", _wanted(ev.cameo)[0]


def merge_into(mentions: Iterable[Event], store: Store, *, keep_actorless: bool = False) -> Update:
    """Merge, link and date new ``mentions`` with the stored events they can reach, store the
    result and return it; the stored graph then equals a full build over all of them.

    A build reads an export back with month and year spans widened to the whole month or year
    (and a few other normalisations): events that read back otherwise than they were written
    (``store.unsettled()``) may merge or link anew, as a build that read kg.ttl would find, so
    they are merged and linked again with the new mentions."""
    seen = _Seen(store)
    seeds = {e.id: e for e in seen.unsettled()}
    merged, removed = _merge(list(mentions), seeds, seen, keep_actorless)
    linked = _link(merged, removed, seeds, seen)
    latest = {**merged, **linked}
    latest.update(_date(latest, merged, removed, seeds, seen))
    out = tuple(sorted((e for e in latest.values() if seen.stored.get(e.id) != e),
                       key=lambda e: (e.time.start or dt.date.max, e.id)))
    store.replace(out, removed)
    return Update(out, frozenset(removed))


def reads_back_as_written(written: Event, read: Event) -> bool:
    """Whether merging, linking and dating see in an event read back what they saw when it
    was merged: the same as written (the order of its tuples aside), and not a time it was
    given after merging, from the truce it violates (:func:`kg.merge.date_from_links`)."""
    dated = read.time.text == "" and read.time.basis in {"explicit", "relative"} and \
        any(rel == "violates" for rel, _ in read.links)
    return not dated and _view(written) == _view(read)


def _view(ev: Event) -> tuple:
    def actors(xs: tuple) -> frozenset:
        return frozenset((x.id, x.affiliation) for x in xs)

    return (ev.cameo, ev.time, ev.modality, actors(ev.sources), actors(ev.targets), actors(ev.claimed_by),
            frozenset((p.id, p.country) for p in ev.places), frozenset(ev.links),
            frozenset((e.article_id, e.start, e.end, e.published) for e in ev.evidence))


class _Seen:
    """The store, noting the stored form of every event it gives (to tell what changed)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.stored: dict[str, Event] = {}

    def _note(self, events: list[Event]) -> list[Event]:
        for e in events:
            self.stored.setdefault(e.id, e)
        return events

    def merge_neighbours(self, keys: set[tuple[str, str, int, int]]) -> list[Event]:
        return self._note(self.store.merge_neighbours(keys)) if keys else []

    def link_neighbours(self, keys: set[str], first: int, last: int, *, kind: str = "",
                        wants: str = "") -> list[Event]:
        if not keys or not (kind or wants):
            return []
        return self._note(self.store.link_neighbours(keys, first, last, kind=kind, wants=wants))

    def linking_to(self, ids: set[str]) -> list[Event]:
        return self._note(self.store.linking_to(ids)) if ids else []

    def get(self, ids: set[str]) -> list[Event]:
        return self._note(self.store.get(ids)) if ids else []

    def unsettled(self) -> list[Event]:
        return self._note(self.store.unsettled())


def _merge(mentions: list[Event], seeds: dict[str, Event], store: _Seen, keep_actorless: bool
           ) -> tuple[dict[str, Event], set[str]]:
    """The merge over the mentions, the seeds and the stored events they reach, to closure: the
    events that changed (or are new) by id, and the stored ids merged away.

    A stored event that changed is looked up again only under the keys it gained (a new
    article, participant or week): under those it had, it was compared with its stored
    neighbours when it was stored. Looking under all of them would read, for an event reported
    a thousand times, every event of those thousand articles."""
    old: dict[str, Event] = dict(seeds)
    asked: set[tuple[str, str, int, int]] = set()
    keys = {k for ev in [*mentions, *seeds.values()] for k in probe_keys(ev)}
    first = True
    while True:
        keys -= asked
        asked |= keys
        found = [e for e in store.merge_neighbours(keys) if e.id not in old]
        if not first and not found:
            break  # nothing that changed reaches a stored event outside the set: closed
        first = False
        old.update((e.id, e) for e in found)
        result = merge_events([*old.values(), *mentions], keep_actorless=keep_actorless, keep_ids=old,
                              apart=set(old) - set(seeds))
        changed = {e.id: e for e in result if old.get(e.id) != e}
        gone = set(old) - {e.id for e in result}
        # a cluster was compared under the keys of its members as it grew: those merged away too
        keys = {k for i in gone for k in probe_keys(old[i])}
        for e in changed.values():
            keys |= probe_keys(e) - (probe_keys(old[e.id]) if e.id in old and e.id not in seeds else set())
    return changed, set(old) - {e.id for e in result}


def _span_days(ev: Event) -> tuple[int, int] | None:
    if ev.time.start is None:
        return None
    return ev.time.start.toordinal(), (ev.time.end or ev.time.start).toordinal()


def _link(merged: dict[str, Event], removed: set[str], seeds: dict[str, Event], store: _Seen) -> dict[str, Event]:
    """Links again for the changed events and every stored event one of them (in its old or
    new form) may be linked from: those events with their links, by id. Each look-up is by the
    window of the relation (:func:`kg.merge.links.link_window`), through the article alone
    for those that hold within a sentence."""
    def current(evs: Iterable[Event]) -> dict[str, Event]:
        return {e.id: merged.get(e.id, e) for e in evs if e.id not in removed}

    touched = [*merged.values(), *(store.stored[i] for i in (*removed, *merged, *seeds) if i in store.stored)]
    sources = current([*seeds.values(), *merged.values()])
    for b in touched:  # the events that may link to b (as it was or is)
        span, kind = _span_days(b), link_kinds(b)[0]
        if span is not None and kind:
            keys, window = _within(b, kind)
            was = store.stored.get(b.id)
            if b.id in merged and b.id not in seeds and was is not None and _linked_as(was) == _linked_as(b):
                keys -= _within(was, kind)[0]  # as linked to, it only gained keys: look there
            first, last = (span[0] - window[1], span[1] - window[0]) if window else (0, 0)
            sources.update(current(store.link_neighbours(keys, first, last, wants=kind)))
    pool = dict(sources)
    longest = store.store.longest()
    for a in list(sources.values()):  # the events each of those may link to
        span, wants = _span_days(a), link_kinds(a)[1]
        if span is not None and wants:
            keys, window = _within(a, wants)
            first, last = (span[0] + window[0] - longest, span[0] + window[1]) if window else (0, 0)
            pool.update(current(store.link_neighbours(keys, first, last, kind=wants)))
    pool.update(sources)
    return {e.id: e for e in link_events(list(pool.values())) if e.id in sources}


def _linked_as(ev: Event) -> tuple:
    """What decides whether another event links to this one (see ``kg.merge.links._link``),
    beside the keys they share."""
    return ev.cameo, ev.time.start, ev.time.end, ev.modality, frozenset(x.id for x in ev.claimed_by)


def _within(ev: Event, kind: str) -> tuple[set[str], tuple[int, int] | None]:
    """The keys through which ``ev`` meets events linked with events of ``kind``, and the
    relation's window (None: the article's keys alone, whatever the time)."""
    window = link_window(kind)
    keys = set(link_keys(ev))
    return (keys, window) if window else ({k for k in keys if k.startswith("d:")}, None)


def _date(latest: dict[str, Event], merged: dict[str, Event], removed: set[str], seeds: dict[str, Event],
          store: _Seen) -> dict[str, Event]:
    """Undated violations dated again where their links or the truces they link to changed."""
    todo = dict(latest)
    for e in store.linking_to(set(merged) | removed | set(seeds)):
        if e.id not in removed:
            todo.setdefault(e.id, e)
    want = {o for e in todo.values() if e.time.basis in {"publication", "unknown"}
            for rel, o in e.links if rel == "violates"} - set(todo) - removed
    targets = store.get(want)
    dated = date_from_links([*todo.values(), *targets])
    return {e.id: e for e in dated if e.id in todo}
