"""Graph questions over the knowledge graph: free functions ``f(G, ...)`` that never mutate ``G``.

``G`` is the MultiDiGraph of :func:`kg.graph.build.build_graph`: events point to their actors
(keys ``"source"``/``"target"``), people and forces point to their country (``"affiliation"``).
Actors are named by their id (``"russia"``, ``"vladimir-putin"``) in arguments and results.
"""
from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Collection, Iterator
from functools import lru_cache
from typing import NamedTuple

import networkx as nx

from kg import codebook
from kg.model import Actor, Event

__all__ = [
    "CameoClass", "QUAD_CLASSES", "cameo_class", "actor_timeline", "events_between",
    "actor_network", "ego_network", "co_participants",
]

#: QuadClass number -> name (GDELT/ICEWS convention); 0 when the code is unknown.
QUAD_CLASSES: dict[int, str] = {0: "unknown", **codebook.QUAD_CLASSES}


class CameoClass(NamedTuple):
    """What a CAMEO code means for drawing and weighing: root, names, QuadClass, PLOVER, Goldstein."""

    code: str
    root: str  # two digits, "" when the code is not CAMEO
    root_name: str
    name: str  # the finest name known (the root's when only the root is known)
    quad_class: int  # 1..4, 0 when unknown
    plover: str | None  # PLOVER category ("RETREAT"); None for roots 01/02 and unknown codes
    plover_mode: str | None  # "ceasefire" in RETREAT:ceasefire, when the codebook gives one
    goldstein: float | None

    @property
    def cooperation(self) -> int:
        """+1 for cooperation (QuadClass 1-2), -1 for conflict (3-4), 0 when unknown."""
        return 1 if self.quad_class in (1, 2) else -1 if self.quad_class in (3, 4) else 0


@lru_cache(maxsize=4096)
def cameo_class(code: str) -> CameoClass:
    """Return the class of a CAMEO code, from :mod:`kg.codebook`.

    A code the codebook lacks takes its nearest known ancestor's class ("0879" -> "087").

    Parameters
    ----------
    code : str
        A CAMEO code of 2 to 4 digits (``"0871"``, ``"19"``).

    Returns
    -------
    CameoClass
        With ``quad_class`` 0, ``plover`` None and ``root`` "" when the code is not CAMEO.

    Examples
    --------
    >>> c = cameo_class("0871")
    >>> c.root, c.quad_class, c.plover
    ('08', 2, 'RETREAT')
    >>> cameo_class("112").quad_class, cameo_class("112").cooperation
    (3, -1)
    >>> cameo_class("xx").quad_class
    0
    """
    code = (code or "").strip()
    entry = codebook.nearest(code)
    if entry is None:
        return CameoClass(code, "", "", "", 0, None, None, None)
    return CameoClass(code, entry.root, codebook.lookup(entry.root).name, entry.name, entry.quad_class,
                      entry.plover, entry.plover_mode, entry.goldstein)


def _events(G: nx.MultiDiGraph) -> Iterator[tuple[object, Event]]:
    for node, data in G.nodes(data=True):
        if data.get("kind") == "event" and isinstance(data.get("record"), Event):
            yield node, data["record"]


def _actor_node(G: nx.MultiDiGraph, actor: str | Actor) -> tuple[str, str]:
    actor_id = actor.id if isinstance(actor, Actor) else actor
    node = ("actor", actor_id)
    if node not in G:
        known = sorted(str(n[1]) for n in G if isinstance(n, tuple) and n[0] == "actor")
        hint = ", ".join(known[:10]) + (", ..." if len(known) > 10 else "")
        raise nx.NodeNotFound(
            f"actor {actor_id!r} is not in the graph; pass an actor id such as: {hint or 'none'}")
    return node


def _date_key(ev: Event) -> tuple:
    t = ev.time
    return (t.start is None, t.start or dt.date.max, t.start_time or dt.time.min,
            t.end or t.start or dt.date.max, ev.id)


def _as_date(value: dt.date | str | None, name: str) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as e:
        raise ValueError(f"{name}={value!r} is not a date; pass a datetime.date or "
                         f"an ISO string such as '2025-04-21'") from e


def actor_timeline(G: nx.MultiDiGraph, actor_id: str | Actor, *,
                   include_members: bool = False) -> list[Event]:
    """Return the events an actor took part in (as source or target), in date order.

    Parameters
    ----------
    G : nx.MultiDiGraph
        A graph from :func:`kg.graph.build_graph`.
    actor_id : str or Actor
        The actor's id (``"ukraine"``).
    include_members : bool, optional
        Also the events of actors affiliated to it (a country's leaders and forces).

    Returns
    -------
    list of Event
        Earliest first (by start date, then clock time); undated events last.

    Raises
    ------
    networkx.NodeNotFound
        When the actor is not in ``G``.

    Examples
    --------
    >>> import datetime as dt
    >>> from kg.model import Actor, Event, TimeSpan
    >>> from kg.graph import build_graph
    >>> ru, ua = Actor("russia", "Russia", "country"), Actor("ukraine", "Ukraine", "country")
    >>> putin = Actor("vladimir-putin", "Vladimir Putin", "person", affiliation="russia")
    >>> G = build_graph([
    ...     Event("talks", "046", "Talks", TimeSpan(dt.date(2025, 4, 23), dt.date(2025, 4, 23)),
    ...           sources=(ua,)),
    ...     Event("truce", "0871", "Truce", TimeSpan(dt.date(2025, 4, 19), dt.date(2025, 4, 20)),
    ...           sources=(putin,), targets=(ua,)),
    ... ])
    >>> [e.id for e in actor_timeline(G, "ukraine")]
    ['truce', 'talks']
    >>> [e.id for e in actor_timeline(G, "russia")], [e.id for e in actor_timeline(
    ...     G, "russia", include_members=True)]
    ([], ['truce'])
    """
    node = _actor_node(G, actor_id)
    actors = {node}
    if include_members:
        actors |= {u for u, _, k in G.in_edges(node, keys=True) if k == "affiliation"}
    found: dict[str, Event] = {}
    for a in actors:
        for u, _, k in G.in_edges(a, keys=True):
            if k in ("source", "target") and G.nodes[u].get("kind") == "event":
                ev = G.nodes[u]["record"]
                found[ev.id] = ev
    return sorted(found.values(), key=_date_key)


def events_between(G: nx.MultiDiGraph, start: dt.date | str | None, end: dt.date | str | None,
                   *, within: bool = False) -> list[Event]:
    """Return the dated events whose time span meets ``[start, end]`` (both days included).

    Parameters
    ----------
    G : nx.MultiDiGraph
        A graph from :func:`kg.graph.build_graph`.
    start, end : datetime.date, ISO string or None
        The first and last day; None leaves that side open.
    within : bool, optional
        Only events whose whole span lies inside (by default any overlap counts, so an event
        known only to the month is returned for any day of that month).

    Returns
    -------
    list of Event
        In date order. Undated events are never returned.

    Raises
    ------
    ValueError
        When a bound is not a date, or ``start`` is after ``end``.

    Examples
    --------
    >>> import datetime as dt
    >>> from kg.model import Event, TimeSpan
    >>> from kg.graph import build_graph
    >>> G = build_graph([
    ...     Event("a", "0871", "Truce", TimeSpan(dt.date(2025, 4, 19), dt.date(2025, 4, 20))),
    ...     Event("b", "046", "Talks", TimeSpan(dt.date(2025, 4, 23), dt.date(2025, 4, 23))),
    ...     Event("c", "112", "Accusation", TimeSpan.unknown()),
    ... ])
    >>> [e.id for e in events_between(G, "2025-04-20", "2025-04-30")]
    ['a', 'b']
    >>> [e.id for e in events_between(G, "2025-04-20", None, within=True)]
    ['b']
    """
    lo, hi = _as_date(start, "start"), _as_date(end, "end")
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"start {lo} is after end {hi}; swap them")
    out = []
    for _, ev in _events(G):
        s = ev.time.start
        if s is None:
            continue
        e = ev.time.end or s
        if within:
            ok = (lo is None or s >= lo) and (hi is None or e <= hi)
        else:
            ok = (lo is None or e >= lo) and (hi is None or s <= hi)
        if ok:
            out.append(ev)
    return sorted(out, key=_date_key)


def actor_network(G: nx.MultiDiGraph, *, modalities: Collection[str] | None = None) -> nx.Graph:
    """Return the graph of actors linked by the events they share.

    Parameters
    ----------
    G : nx.MultiDiGraph
        A graph from :func:`kg.graph.build_graph`.
    modalities : collection of str, optional
        Count only events of these modalities (``{"asserted", "planned"}`` leaves out what
        did not or may not happen); all by default.

    Returns
    -------
    nx.Graph
        Nodes are actor ids with ``name``, ``type``, ``affiliation``, ``record`` and
        ``events`` (how many events the actor is in). Each edge carries ``weight`` (shared
        events), ``events`` (their ids), ``cooperation`` and ``conflict`` (counts by
        QuadClass), ``balance`` (cooperation minus conflict), ``sign`` (+1, -1 or 0) and
        ``goldstein`` (sum of the Goldstein values of the shared events).

    Examples
    --------
    >>> import datetime as dt
    >>> from kg.model import Actor, Event, TimeSpan
    >>> from kg.graph import build_graph
    >>> ru, ua = Actor("russia", "Russia", "country"), Actor("ukraine", "Ukraine", "country")
    >>> day = TimeSpan(dt.date(2025, 4, 20), dt.date(2025, 4, 20))
    >>> G = build_graph([Event("a", "0871", "Truce", day, sources=(ru,), targets=(ua,)),
    ...                  Event("b", "190", "Shelling", day, sources=(ru,), targets=(ua,)),
    ...                  Event("c", "195", "Drone strike", day, sources=(ru,), targets=(ua,))])
    >>> A = actor_network(G)
    >>> A["russia"]["ukraine"]["weight"], A["russia"]["ukraine"]["balance"]
    (3, -1)
    >>> A["russia"]["ukraine"]["sign"]
    -1
    """
    A = nx.Graph()
    for _, ev in _events(G):
        if modalities is not None and ev.modality not in modalities:
            continue
        cls = cameo_class(ev.cameo)
        actors = ev.actors
        for actor in actors:
            if actor.id not in A:
                A.add_node(actor.id, name=actor.name, type=actor.type, affiliation=actor.affiliation,
                           record=actor, events=0)
            A.nodes[actor.id]["events"] += 1
        for a, b in itertools.combinations(sorted(x.id for x in actors), 2):
            if not A.has_edge(a, b):
                A.add_edge(a, b, weight=0, events=[], cooperation=0, conflict=0, balance=0,
                           sign=0, goldstein=0.0)
            d = A[a][b]
            d["weight"] += 1
            d["events"].append(ev.id)
            d["cooperation"] += cls.cooperation > 0
            d["conflict"] += cls.cooperation < 0
            d["balance"] += cls.cooperation
            d["sign"] = (d["balance"] > 0) - (d["balance"] < 0)
            d["goldstein"] += cls.goldstein or 0.0
    for _, _, d in A.edges(data=True):
        d["events"].sort()
    return A


def ego_network(G: nx.MultiDiGraph, actor_id: str | Actor, radius: int = 1) -> nx.Graph:
    """Return the actors within ``radius`` shared-event steps of an actor, with their links.

    Parameters
    ----------
    G : nx.MultiDiGraph
        A graph from :func:`kg.graph.build_graph`.
    actor_id : str or Actor
        The centre.
    radius : int, optional
        How many steps of co-participation to follow (1: its direct counterparts).

    Returns
    -------
    nx.Graph
        A subgraph of :func:`actor_network` (same attributes), a new graph.

    Raises
    ------
    networkx.NodeNotFound
        When the actor is not in ``G``.

    Examples
    --------
    >>> import datetime as dt
    >>> from kg.model import Actor, Event, TimeSpan
    >>> from kg.graph import build_graph
    >>> us, ua, ru = (Actor(i, i.title()) for i in ("us", "ukraine", "russia"))
    >>> day = TimeSpan(dt.date(2025, 4, 23), dt.date(2025, 4, 23))
    >>> G = build_graph([Event("a", "044", "Talks", day, sources=(us,), targets=(ua,)),
    ...                  Event("b", "190", "Attack", day, sources=(ru,), targets=(ua,))])
    >>> sorted(ego_network(G, "us")), sorted(ego_network(G, "us", radius=2))
    (['ukraine', 'us'], ['russia', 'ukraine', 'us'])
    """
    node = _actor_node(G, actor_id)
    if radius < 0:
        raise ValueError(f"radius={radius} must be 0 or more")
    A = actor_network(G)
    if node[1] not in A:  # an affiliation-only actor that takes part in no event
        return nx.Graph()
    return nx.ego_graph(A, node[1], radius=radius).copy()


def co_participants(G: nx.MultiDiGraph, actor_id: str | Actor) -> Counter[str]:
    """Count, for every other actor, the events it shares with ``actor_id``.

    Parameters
    ----------
    G : nx.MultiDiGraph
        A graph from :func:`kg.graph.build_graph`.
    actor_id : str or Actor
        The actor whose counterparts are counted.

    Returns
    -------
    collections.Counter
        Actor id -> number of shared events; ``most_common()`` ranks them.

    Raises
    ------
    networkx.NodeNotFound
        When the actor is not in ``G``.

    Examples
    --------
    >>> import datetime as dt
    >>> from kg.model import Actor, Event, TimeSpan
    >>> from kg.graph import build_graph
    >>> us, ua, ru = (Actor(i, i.title()) for i in ("us", "ukraine", "russia"))
    >>> day = TimeSpan(dt.date(2025, 4, 23), dt.date(2025, 4, 23))
    >>> G = build_graph([Event("a", "044", "Talks", day, sources=(us,), targets=(ua,)),
    ...                  Event("b", "190", "Attack", day, sources=(ru,), targets=(ua,)),
    ...                  Event("c", "195", "Drone strike", day, sources=(ru,), targets=(ua,))])
    >>> co_participants(G, "ukraine").most_common()
    [('russia', 2), ('us', 1)]
    """
    node = _actor_node(G, actor_id)
    me = node[1]
    # a set: an actor that is both source and target of one event shares it once
    events = {u for u, _, k in G.in_edges(node, keys=True)
              if k in ("source", "target") and G.nodes[u].get("kind") == "event"}
    counts: Counter[str] = Counter()
    for u in events:
        counts.update({a.id for a in G.nodes[u]["record"].actors} - {me})
    return counts
