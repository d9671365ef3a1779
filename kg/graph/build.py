"""Build the networkx view of a set of merged events.

Nodes are keyed by kind and id and carry their record:

- ``("event", id)``: ``kind="event"``, ``record=Event``, ``label``, ``cameo``, ``start``/``end`` (date or None)
- ``("actor", id)``: ``kind="actor"``, ``record=Actor``, ``label``
- ``("place", id)``: ``kind="place"``, ``record=Place``, ``label``
- ``("article", id)``: ``kind="article"``, ``label`` (title or id), ``url``, ``published``

Edges (MultiDiGraph, the key names the relation):

- event -> actor, key ``"source"`` or ``"target"``
- event -> place, key ``"place"``
- event -> article, key ``"derived_from"`` (one per article; ``sentences`` lists the evidence)
- event -> event, key the lifecycle relation of ``Event.links`` (``"violates"``, ``"ends"``, ``"outcome_of"``,
  ``"schedules"``, ``"accusation_about"``): every key is snake_case
- actor -> actor, key ``"affiliation"``; place -> place, key ``"in_country"``
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import networkx as nx

from kg.model import Actor, Event, Place

__all__ = ["build_graph", "events_of"]


def build_graph(events: Iterable[Event]) -> nx.MultiDiGraph:
    """Return a new MultiDiGraph of events, actors, places and articles.

    Examples
    --------
    >>> from kg.model import Event, TimeSpan, Actor
    >>> import datetime as dt
    >>> e = Event("e1", "0871", "truce", TimeSpan(dt.date(2025, 4, 19), dt.date(2025, 4, 20)),
    ...           sources=(Actor("russia", "Russia", "country"),))
    >>> G = build_graph([e])
    >>> sorted(G.nodes)
    [('actor', 'russia'), ('event', 'e1')]
    """
    G = nx.MultiDiGraph()
    events = list(events)
    ids = {e.id for e in events}
    for ev in events:
        node = ("event", ev.id)
        G.add_node(node, kind="event", record=ev, label=ev.label, cameo=ev.cameo,
                   start=ev.time.start, end=ev.time.end)
        for role, actors in (("source", ev.sources), ("target", ev.targets)):
            for actor in actors:
                _add_actor(G, actor)
                G.add_edge(node, ("actor", actor.id), key=role)
        for place in ev.places:
            _add_place(G, place)
            G.add_edge(node, ("place", place.id), key="place")
        by_article: dict[str, list[str]] = {}
        for evd in ev.evidence:
            art = ("article", evd.article_id)
            if art not in G:
                G.add_node(art, kind="article", label=evd.title or evd.article_id, url=evd.url,
                           published=evd.published)
            by_article.setdefault(evd.article_id, []).append(evd.sentence)
        for article_id, sentences in by_article.items():
            G.add_edge(node, ("article", article_id), key="derived_from", sentences=sentences)
    for ev in events:
        for relation, other in ev.links:
            if other in ids:
                G.add_edge(("event", ev.id), ("event", other), key=relation)
    return G


def _add_actor(G: nx.MultiDiGraph, actor: Actor) -> None:
    node = ("actor", actor.id)
    if node not in G or G.nodes[node].get("record") is None:
        # a country first met as a member's affiliation is a placeholder until its own record comes
        G.add_node(node, kind="actor", record=actor, label=actor.name)
    if actor.affiliation and actor.affiliation != actor.id:
        aff = ("actor", actor.affiliation)
        if aff not in G:
            G.add_node(aff, kind="actor", record=None, label=actor.affiliation)
        if not G.has_edge(node, aff, key="affiliation"):
            G.add_edge(node, aff, key="affiliation")


def _add_place(G: nx.MultiDiGraph, place: Place) -> None:
    node = ("place", place.id)
    if node not in G or G.nodes[node].get("record") is None:
        G.add_node(node, kind="place", record=place, label=place.name)
    if place.country and place.country != place.id:
        c = ("place", place.country)
        if c not in G:
            G.add_node(c, kind="place", record=None, label=place.country)
        if not G.has_edge(node, c, key="in_country"):
            G.add_edge(node, c, key="in_country")


def events_of(G: nx.MultiDiGraph) -> Iterator[Event]:
    """Yield the Event records of ``G`` in date order (undated last)."""
    evs = [d["record"] for _, d in G.nodes(data=True) if d.get("kind") == "event"]
    far = dt.date.max
    yield from sorted(evs, key=lambda e: (e.time.start or far, e.id))
