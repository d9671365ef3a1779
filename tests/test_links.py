"""Lifecycle links hold only within their windows of time, and the indexes that find links and
merge candidates find exactly what comparing every pair would."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.merge as merge
from kg.merge import link_events, merge_events
from kg.merge.links import SCHEDULE_AHEAD, VIOLATION_AFTER, _link, _link_keys, _nearest
from kg.model import Actor, Event, Evidence, TimeSpan

RUSSIA = Actor("russia", "Russia", "country")
UKRAINE = Actor("ukraine", "Ukraine", "country")
FORCES = Actor("russia-armed-forces", "Russian armed forces", "armed_forces", affiliation="russia")
UK = Actor("united-kingdom", "United Kingdom", "country")
BASE = dt.date(2025, 4, 19)


def span(first: int, last: int | None = None, basis: str = "relative") -> TimeSpan:
    return TimeSpan(BASE + dt.timedelta(first), BASE + dt.timedelta(last if last is not None else first),
                    "day", basis)  # type: ignore[arg-type]


def ev(id: str, cameo: str, time: TimeSpan, sources=(), targets=(), *, article: str = "a1",
       modality: str = "asserted", start: int = 0) -> Event:
    evd = Evidence(article, f"sentence {id}", start, start + 10, "trigger", published=BASE)
    return Event(id, cameo, id, time, tuple(sources), tuple(targets), (), modality,  # type: ignore[arg-type]
                 evidence=(evd,), confidence=0.6)


def links_of(events: list[Event]) -> dict[str, tuple]:
    return {e.id: e.links for e in link_events(events)}


TRUCE = ev("truce", "0871", span(0, 1), [RUSSIA], article="a1")


@pytest.mark.parametrize("days_after,linked", [(-2, False), (-1, True), (1, True), (1 + VIOLATION_AFTER, True),
                                               (2 + VIOLATION_AFTER, False), (8 * 365, False)])
def test_a_reported_violation_refers_to_a_truce_only_during_or_soon_after_it(days_after, linked):
    hit = ev("hit", "196", span(days_after), [FORCES], [UKRAINE], article="a2")
    assert (("violates", "truce") in links_of([TRUCE, hit])["hit"]) is linked


def test_fighting_just_after_a_truce_ends_it_and_fighting_weeks_later_does_not():
    soon = ev("soon", "190", span(2), [FORCES], [UKRAINE], article="a2")
    later = ev("later", "190", span(20), [FORCES], [UKRAINE], article="a3")
    links = links_of([TRUCE, soon, later])
    assert links["soon"] == (("ends", "truce"),)
    assert links["later"] == ()


def test_a_violation_violates_the_truce_in_force_not_every_earlier_one():
    old = ev("old", "0871", span(-10, -9), [RUSSIA], article="a0")
    hit = ev("hit", "196", span(1), [FORCES], [UKRAINE], article="a2")
    assert links_of([old, TRUCE, hit])["hit"] == (("violates", "truce"),)


@pytest.mark.parametrize("days_ahead,linked", [(-1, False), (0, True), (SCHEDULE_AHEAD, True),
                                               (SCHEDULE_AHEAD + 1, False), (6 * 365, False)])
def test_an_intent_to_meet_schedules_only_talks_planned_soon_after_it(days_ahead, linked):
    intent = ev("intent", "036", span(0), [UKRAINE], [UK], article="a1")
    talks = ev("talks", "040", span(days_ahead), [UKRAINE], [UK], article="a2", modality="planned")
    assert (("schedules", "talks") in links_of([intent, talks])["intent"]) is linked


def test_an_intent_to_meet_schedules_the_next_talks():
    intent = ev("intent", "036", span(0), [UKRAINE], [UK], article="a1")
    nxt = ev("next", "040", span(4), [UKRAINE], [UK], article="a2", modality="planned")
    after = ev("after", "040", span(30), [UKRAINE], [UK], article="a3", modality="planned")
    assert links_of([intent, nxt, after])["intent"] == (("schedules", "next"),)


def test_an_agreement_is_the_outcome_of_talks_held_the_week_before_only():
    talks = ev("talks", "046", span(0, 2), [UKRAINE], [RUSSIA], article="a1")
    signed = ev("signed", "057", span(5), [UKRAINE], [RUSSIA], article="a2")
    late = ev("late", "057", span(40), [UKRAINE], [RUSSIA], article="a3")
    links = links_of([talks, signed, late])
    assert links["signed"] == (("outcome_of", "talks"),) and links["late"] == ()


# open-ended inputs: events of the linked kinds on random days with random parties and articles
CODES = ["0871", "190", "196", "112", "046", "040", "057", "036", "010"]
PARTIES = [RUSSIA, UKRAINE, FORCES, UK]


@st.composite
def events(draw, max_size: int = 14, days: int = 60, codes: tuple = tuple(CODES)) -> list[Event]:
    out = []
    for n in range(draw(st.integers(1, max_size))):
        first = draw(st.integers(-days, days))
        time = span(first, first + draw(st.integers(0, 3))) if draw(st.booleans()) else TimeSpan.unknown()
        sources = draw(st.lists(st.sampled_from(PARTIES), max_size=2, unique=True))
        targets = draw(st.lists(st.sampled_from(PARTIES), max_size=1, unique=True))
        out.append(ev(f"e{n}", draw(st.sampled_from(codes)), time, sources, targets,
                      article=draw(st.sampled_from(["a1", "a2", "a3"])), start=10 * n,
                      modality=draw(st.sampled_from(["asserted", "planned"]))))
    return out


def _all_pairs(events: list[Event]) -> dict[str, tuple]:
    """Every pair that shares an actor, a state or an article, compared."""
    out = {}
    for a in events:
        found: dict[str, list[int]] = {}
        for m, b in enumerate(events):
            if b.id != a.id and _link_keys(a) & _link_keys(b) and (rel := _link(a, b)):
                found.setdefault(rel, []).append(m)
        out[a.id] = tuple(sorted({(rel, events[m].id) for rel, ms in found.items()
                                  for m in _nearest(rel, ms, events)}))
    return out


@settings(max_examples=80, deadline=None)
@given(events())
def test_the_link_index_finds_what_comparing_every_pair_finds(evs):
    assert links_of(evs) == _all_pairs(evs)


@settings(max_examples=100, deadline=None)
@given(events(days=10, codes=("190", "0871")))
def test_merge_blocking_merges_what_comparing_every_pair_merges(evs):
    blocked = merge_events(evs, keep_actorless=True)
    real = merge._keys
    try:
        merge._keys = lambda ev, slack=None: {("every", 0)}  # type: ignore[assignment]
        every = merge_events(evs, keep_actorless=True)
    finally:
        merge._keys = real
    assert blocked == every


@settings(max_examples=100, deadline=None)
@given(events(max_size=20, days=3, codes=("190", "040", "046")))
def test_a_cluster_probe_is_the_merged_event_as_corefer_sees_it(evs):
    """Building the merged event anew at every join (slow, plainly right) merges the same."""
    fast = merge_events(evs, keep_actorless=True, keep_ids={"e1", "e3"})
    real = merge._Cluster._probe
    try:
        merge._Cluster._probe = lambda self: self.event()  # type: ignore[method-assign]
        slow = merge_events(evs, keep_actorless=True, keep_ids={"e1", "e3"})
    finally:
        merge._Cluster._probe = real  # type: ignore[method-assign]
    assert fast == slow
