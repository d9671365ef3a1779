"""Graph questions over the knowledge graph: timelines, date windows, who acts with whom."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.graph import build_graph
from kg.graph.queries import (actor_network, actor_timeline, cameo_class, co_participants,
                              ego_network, events_between)
from kg.model import Actor, Event, TimeSpan
from test_timeline import snapshot  # noqa: E402
from timeline_fixtures import truce_events


@pytest.fixture
def G() -> nx.MultiDiGraph:
    return build_graph(truce_events())


def ids(events: list[Event]) -> list[str]:
    return [e.id for e in events]


# ----------------------------------------------------------------------------------------------
# actor_timeline


@pytest.mark.parametrize("actor, expected", [
    # the RSF denial is known only to the month (May), so it opens the army's timeline
    ("sudanese-armed-forces",
     ["denial", "truce", "accusation", "shelling", "sanctions-threat", "talks"]),
    ("antony-blinken", ["sanctions-threat"]),
    ("saudi-arabia", ["truce", "talks", "mediation-rejected"]),  # undated last
    ("sudan", []),  # the country itself takes part in no event
])
def test_actor_timeline_lists_an_actors_events_in_date_order(G, actor, expected):
    assert ids(actor_timeline(G, actor)) == expected


def test_actor_timeline_with_members_gathers_a_countrys_people_and_forces(G):
    got = ids(actor_timeline(G, "sudan", include_members=True))
    assert sorted(got) == sorted(e.id for e in truce_events())
    assert got[-1] == "mediation-rejected"  # Burhan's undated refusal comes last


def test_actor_timeline_accepts_an_actor_record(G):
    blinken = Actor("antony-blinken", "Antony Blinken", "person")
    assert ids(actor_timeline(G, blinken)) == ["sanctions-threat"]


def test_same_day_events_are_ordered_by_clock_time_first():
    a = Actor("a", "Alpha")
    day = dt.date(2024, 2, 2)
    evs = [Event("late", "190", "Evening", TimeSpan(day, day, "hour", start_time=dt.time(20)),
                 sources=(a,)),
           Event("early", "190", "Morning", TimeSpan(day, day, "hour", start_time=dt.time(6)),
                 sources=(a,))]
    assert ids(actor_timeline(build_graph(evs), "a")) == ["early", "late"]


# ----------------------------------------------------------------------------------------------
# events_between


@pytest.mark.parametrize("start, end, within, expected", [
    ("2023-05-23", "2023-05-23", False, ["denial", "truce", "accusation", "shelling"]),
    ("2023-05-23", "2023-05-23", True, ["accusation", "shelling"]),
    (dt.date(2023, 6, 1), None, False, ["talks"]),
    (None, dt.date(2023, 5, 21), False, ["denial"]),
    (dt.datetime(2023, 5, 24, 18, 30), "2023-05-24", False,
     ["denial", "truce", "sanctions-threat"]),
    ("2023-05-22", "2023-06-04", True, ["truce", "accusation", "shelling", "sanctions-threat",
                                        "talks"]),
    ("2024-01-01", "2024-12-31", False, []),
])
def test_events_between_returns_dated_events_meeting_the_window(G, start, end, within, expected):
    assert ids(events_between(G, start, end, within=within)) == expected


def test_events_between_never_returns_undated_events(G):
    assert "mediation-rejected" not in ids(events_between(G, None, None))
    assert len(events_between(G, None, None)) == len(truce_events()) - 1


@pytest.mark.parametrize("start, end, message", [
    ("2023-06-01", "2023-05-01", "after"),
    ("yesterday", None, "not a date"),
    (None, "23/05/2023", "not a date"),
])
def test_events_between_refuses_bad_windows(G, start, end, message):
    with pytest.raises(ValueError, match=message):
        events_between(G, start, end)


# ----------------------------------------------------------------------------------------------
# actor_network, ego_network, co_participants


def test_actor_network_weighs_pairs_by_shared_events(G):
    A = actor_network(G)
    assert A["sudanese-armed-forces"]["rapid-support-forces"]["weight"] == 6
    assert A["saudi-arabia"]["united-states"]["weight"] == 2
    assert A["antony-blinken"]["rapid-support-forces"]["weight"] == 1
    assert not A.has_edge("antony-blinken", "saudi-arabia")


def test_actor_network_signs_pairs_by_cooperation_against_conflict(G):
    A = actor_network(G)
    rivals = A["sudanese-armed-forces"]["rapid-support-forces"]
    # truce and talks cooperate; shelling, accusation, sanctions threat, denied shelling do not
    assert (rivals["cooperation"], rivals["conflict"]) == (2, 4)
    assert rivals["balance"] == -2 and rivals["sign"] == -1 and rivals["goldstein"] < 0
    mediators = A["saudi-arabia"]["united-states"]
    assert mediators["balance"] == 2 and mediators["sign"] == 1 and mediators["goldstein"] > 0


def test_actor_network_can_leave_out_what_did_not_happen(G):
    A = actor_network(G, modalities={"asserted"})
    assert A["sudanese-armed-forces"]["rapid-support-forces"]["events"] == [
        "accusation", "shelling", "truce"]


def test_actor_network_nodes_carry_the_actor(G):
    A = actor_network(G)
    assert A.nodes["antony-blinken"]["name"] == "Antony Blinken"
    assert A.nodes["antony-blinken"]["affiliation"] == "united-states"
    assert A.nodes["sudanese-armed-forces"]["events"] == 6


@pytest.mark.parametrize("radius, expected", [
    (0, {"antony-blinken"}),
    (1, {"antony-blinken", "sudanese-armed-forces", "rapid-support-forces"}),
    (2, {"antony-blinken", "sudanese-armed-forces", "rapid-support-forces", "saudi-arabia",
         "united-states"}),
])
def test_ego_network_follows_co_participation_out_to_the_radius(G, radius, expected):
    assert set(ego_network(G, "antony-blinken", radius=radius)) == expected


def test_ego_network_keeps_the_edge_attributes(G):
    E = ego_network(G, "antony-blinken")
    assert E["sudanese-armed-forces"]["rapid-support-forces"]["weight"] == 6


def test_co_participants_counts_shared_events(G):
    assert co_participants(G, "sudanese-armed-forces") == Counter({
        "rapid-support-forces": 6, "saudi-arabia": 2, "united-states": 2,
        "antony-blinken": 1})


def test_an_actor_on_both_sides_of_one_event_shares_it_once():
    a, b = Actor("a", "Alpha"), Actor("b", "Beta")
    G = build_graph([Event("x", "190", "Clash", TimeSpan(dt.date(2024, 1, 1), None),
                           sources=(a, b), targets=(a, b))])
    assert co_participants(G, "a") == Counter({"b": 1})
    assert actor_network(G)["a"]["b"]["weight"] == 1


@pytest.mark.parametrize("question", [
    lambda G: actor_timeline(G, "nobody"),
    lambda G: ego_network(G, "nobody"),
    lambda G: co_participants(G, "nobody"),
], ids=["actor_timeline", "ego_network", "co_participants"])
def test_an_unknown_actor_is_named_in_the_error(G, question):
    with pytest.raises(nx.NodeNotFound, match="'nobody'"):
        question(G)


@pytest.mark.parametrize("question", [
    lambda G: actor_timeline(G, "sudan", include_members=True),
    lambda G: events_between(G, "2023-05-01", "2023-06-30"),
    lambda G: actor_network(G),
    lambda G: ego_network(G, "sudanese-armed-forces", radius=2),
    lambda G: co_participants(G, "rapid-support-forces"),
], ids=["actor_timeline", "events_between", "actor_network", "ego_network", "co_participants"])
def test_no_question_changes_the_graph(G, question):
    before = snapshot(G)
    question(G)
    assert snapshot(G) == before


# ----------------------------------------------------------------------------------------------
# CAMEO classes, with and without the codebook

CLASSES = [
    # code, QuadClass, PLOVER (DESIGN.md's root mapping; 01/02 have no PLOVER category)
    ("010", 1, None), ("036", 1, "AGREE"), ("046", 1, "CONSULT"), ("057", 1, "SUPPORT"),
    ("073", 2, "AID"), ("0871", 2, "RETREAT"), ("112", 3, "ACCUSE"), ("125", 3, "REJECT"),
    ("1311", 3, "THREATEN"), ("154", 4, "MOBILIZE"), ("173", 4, "COERCE"),
    ("190", 4, "ASSAULT"), ("196", 4, "ASSAULT"),
]


@pytest.mark.parametrize("code, quad, plover", CLASSES)
def test_cameo_class_gives_quad_class_and_plover(code, quad, plover):
    c = cameo_class(code)
    assert (c.root, c.quad_class, c.plover) == (code[:2], quad, plover)
    assert c.cooperation == (1 if quad <= 2 else -1)


@pytest.mark.parametrize("code, known", [("0879", "087"), ("0999", "09"), ("1999", "19")])
def test_a_code_the_codebook_lacks_takes_its_nearest_ancestors_class(code, known):
    c, a = cameo_class(code), cameo_class(known)
    assert (c.root, c.name, c.quad_class, c.plover, c.goldstein) == (a.root, a.name, a.quad_class,
                                                                     a.plover, a.goldstein)
    assert c.root_name and c.goldstein is not None


@pytest.mark.parametrize("code", ["", "xx", "9", "21", "12345", "abc1"])
def test_what_is_not_a_cameo_code_has_no_class(code):
    c = cameo_class(code)
    assert (c.root, c.quad_class, c.plover, c.cooperation) == ("", 0, None, 0)


# ----------------------------------------------------------------------------------------------
# Invariants over random graphs

_ACTORS = [Actor(f"a{i}", f"Actor {i}") for i in range(5)]
_events = st.lists(
    st.tuples(st.lists(st.sampled_from(_ACTORS), min_size=1, max_size=3),
              st.lists(st.sampled_from(_ACTORS), max_size=2),
              st.one_of(st.none(), st.integers(0, 60)),
              st.sampled_from(["036", "0871", "112", "190"])),
    max_size=12)


def _graph(spec) -> nx.MultiDiGraph:
    base = dt.date(2024, 1, 1)
    return build_graph([
        Event(f"e{i}", code, f"Event {i}",
              TimeSpan(base + dt.timedelta(days=d), None) if d is not None else TimeSpan.unknown(),
              sources=tuple(src), targets=tuple(tgt))
        for i, (src, tgt, d, code) in enumerate(spec)])


@settings(max_examples=60, deadline=None)
@given(_events)
def test_network_weights_agree_with_co_participants(spec):
    G = _graph(spec)
    A = actor_network(G)
    for actor in A:
        assert co_participants(G, actor) == Counter({b: d["weight"] for b, d in A[actor].items()})


@settings(max_examples=60, deadline=None)
@given(_events, st.integers(0, 60), st.integers(0, 60))
def test_a_window_holds_exactly_the_dated_events_inside_it(spec, lo, hi):
    G = _graph(spec)
    base = dt.date(2024, 1, 1)
    start, end = sorted((base + dt.timedelta(days=lo), base + dt.timedelta(days=hi)))
    got = events_between(G, start, end)
    expected = {f"e{i}" for i, (_, _, d, _) in enumerate(spec)
                if d is not None and start <= base + dt.timedelta(days=d) <= end}
    assert {e.id for e in got} == expected
    assert [e.time.start for e in got] == sorted(e.time.start for e in got)


def test_a_country_first_met_as_an_affiliation_gets_its_own_record():
    import datetime as dt

    from kg.graph import build_graph
    from kg.model import Actor, Event, TimeSpan

    putin = Actor("vladimir-putin", "Vladimir Putin", "person", affiliation="russia")
    russia = Actor("russia", "Russia", "country", aliases=("Moscow",))
    day = TimeSpan(dt.date(2025, 4, 19), dt.date(2025, 4, 19))
    G = build_graph([Event("e1", "0871", "truce", day, sources=(putin,)),
                     Event("e2", "112", "accusation", day, sources=(russia,))])
    assert G.nodes[("actor", "russia")]["record"] == russia
    assert G.nodes[("actor", "russia")]["label"] == "Russia"
