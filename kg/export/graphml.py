"""Write the networkx graph of events as GraphML for Gephi, every record flattened to scalars.

GraphML holds only scalar attributes, so each node's record becomes a few named columns:

- every node: ``label``, ``kind`` (event, actor, place, article), ``iri`` (its IRI in the RDF
  export, to join with SPARQL answers)
- events: ``cameo``, ``cameo_name``, ``plover``, ``plover_mode``, ``quad_class``, ``goldstein``,
  ``start``, ``end`` (ISO dates, or date-times when a clock time is known), ``precision``,
  ``date_basis``, ``time_text``, ``modality``, ``confidence``, ``articles``, and how sure each
  field is where the event has it (``type_confidence``, ``time_confidence``, ``sources_confidence``,
  ``targets_confidence``, ``places_confidence``)
- actors: ``actor_type``, ``aliases`` ("; "-joined), ``affiliation``, ``wikidata``
- places: ``place_type``, ``aliases``, ``country``, ``lat``, ``lon`` (numbers, as Gephi's
  GeoLayout needs), ``geonames``, ``wikidata``
- articles: ``url``, ``published``

Node ids are ``kind:id`` (``event:victory-day-truce``), XML name tokens as the GraphML schema
asks (any other character of an id is written ``_xHH_``, its code point in hex). Edges carry ``relation`` and ``label``
(the networkx edge key: source, target, place, derived_from, violates, ...), and derived_from
edges the ``evidence`` count and the ``sentences``; edge ids are ``e0``, ``e1``... in graph
order, unique as GraphML asks. Unknown values are left out rather than written empty.

Each attribute is declared by a ``<key>`` whose id is unique in the file, as the GraphML
schema requires: ``node.label`` and ``edge.label`` (the column names Gephi shows are the
``attr.name``, ``label`` for both).
"""
from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import ExportError
from kg.export.atomic import atomic_write
from kg.model import Actor, Event, Place

__all__ = ["graphml_graph", "write_graphml"]

Scalar = str | int | float | bool
# XML 1.0 forbids most control characters even when escaped; article text can hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CORE = {"kind", "record", "label", "cameo", "start", "end", "url", "published", "sentences"}


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``G`` (as made by :func:`kg.graph.build_graph`) to ``path`` as GraphML, atomically
    (a reader never sees half a file); missing folders are created. Returns the path.

    Raises ExportError when the file cannot be written or two nodes would get the same id.
    """
    target = Path(path)
    flat = graphml_graph(G)
    try:
        with atomic_write(target, "wb") as fh:
            writer = _UniqueKeyWriter(encoding="utf-8", prettyprint=True)
            writer.add_graph_element(flat)
            writer.dump(fh)
    except OSError as err:
        raise ExportError(f"{target}: cannot write ({err.strerror or err}); check the folder's "
                          f"permissions and free space") from err
    return target


class _UniqueKeyWriter(nx.readwrite.graphml.GraphMLWriter):  # type: ignore[misc]
    """networkx's writer with key ids made of scope and name (``node.label``, ``edge.label``):
    its ``named_key_ids`` gives a node and an edge attribute of the same name the same id,
    which the GraphML schema forbids (key ids are unique in a document)."""

    def get_key(self, name: str, attr_type: str, scope: str, default: Any) -> str:
        keys_key = (name, attr_type, scope)
        if keys_key not in self.keys:
            new_id, taken = f"{scope}.{_key_token(name)}", set(self.keys.values())
            n = 1
            while new_id in taken:  # one name of two types in one scope (a user's attribute)
                n += 1
                new_id = f"{scope}.{_key_token(name)}.{n}"
            self.keys[keys_key] = new_id
            key = self.myElement("key", **{"id": new_id, "for": scope, "attr.name": name,
                                           "attr.type": attr_type})
            if default is not None:
                element = self.myElement("default")
                element.text = str(default)
                key.append(element)
            self.xml.insert(0, key)
        return str(self.keys[keys_key])


def _key_token(name: str) -> str:
    """An attribute name as the XML name token a key id must be."""
    return re.sub(r"[^\w.-]", "_", name) or "_"


def graphml_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` that GraphML can hold: string node ids, scalar attributes only."""
    ids: dict[Hashable, str] = {}
    for node in G:
        ident = _node_id(node)
        if ident in ids.values():
            raise ExportError(f"two nodes of the graph would both be {ident!r} in GraphML; give "
                              f"them distinct (kind, id) keys")
        ids[node] = ident
    nodes = [(ids[n], _node_attrs(n, d)) for n, d in G.nodes(data=True)]
    edges = [(ids[u], ids[v], f"e{i}", _edge_attrs(k, d))
             for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True))]
    _one_type_per_name([a for _, a in nodes])
    _one_type_per_name([a for *_, a in edges])
    H = nx.MultiDiGraph()
    H.add_nodes_from(nodes)
    for u, v, key, attrs in edges:
        H.add_edge(u, v, key=key, **attrs)
    return H


def _node_id(node: Hashable) -> str:
    if isinstance(node, tuple) and len(node) == 2:
        return f"{_nmtoken(str(node[0]))}:{_nmtoken(str(node[1]))}"
    return _nmtoken(str(node), keep=":")


def _nmtoken(text: str, keep: str = "") -> str:
    """``text`` as an XML name token (ASCII letters, digits, ``.-_`` and the ``keep``
    characters), the type GraphML gives node ids: other characters become ``_xHH_``."""
    return re.sub(rf"[^A-Za-z0-9_.\-{re.escape(keep)}]", lambda m: f"_x{ord(m.group()):x}_",
                  _clean(text)) or "_"


def _node_attrs(node: Hashable, data: Mapping[str, Any]) -> dict[str, Scalar]:
    kind = data.get("kind") or (node[0] if isinstance(node, tuple) and node else "")
    record = data.get("record")
    out: dict[str, Any] = {"label": data.get("label"), "kind": kind}
    if isinstance(record, Event):
        out.update(_event_attrs(record))
    elif isinstance(record, Actor):
        out.update(_actor_attrs(record))
    elif isinstance(record, Place):
        out.update(_place_attrs(record))
    elif kind == "event":
        out.update(cameo=data.get("cameo"), start=data.get("start"), end=data.get("end"))
    if kind == "article":
        out.update(url=data.get("url"), published=data.get("published"))
    if "iri" not in out and isinstance(node, tuple) and len(node) == 2:
        out["iri"] = _iri(str(node[0]), str(node[1]))
    for name, value in data.items():  # anything else a user put on the node (layout, groups)
        if name not in _CORE and name not in out and name.isidentifier():
            out[name] = value
    return _flat(out)


def _event_attrs(ev: Event) -> dict[str, Any]:
    from kg.codebook import lookup

    try:
        code = lookup(ev.cameo)
        coded: dict[str, Any] = {
            "cameo": code.code, "cameo_name": code.name, "plover": code.plover or None,
            "plover_mode": code.plover_mode or None, "quad_class": code.quad_class,
            "goldstein": float(code.goldstein)}
    except KeyError:  # a code the codebook does not know still shows as written
        coded = {"cameo": ev.cameo}
    t = ev.time
    start = dt.datetime.combine(t.start, t.start_time) if t.start and t.start_time else t.start
    end = dt.datetime.combine(t.end, t.end_time) if t.end and t.end_time else t.end
    return {**coded, "start": start, "end": end,
            "precision": t.precision if t.start else "unknown",
            "date_basis": t.basis if t.start else "unknown", "time_text": t.text or None,
            "modality": ev.modality, "confidence": float(ev.confidence),
            **{f"{name}_confidence": float(c) for name, c in ev.field_confidence},
            "articles": len(ev.article_ids), "iri": _iri("event", ev.id)}


def _actor_attrs(actor: Actor) -> dict[str, Any]:
    return {"actor_type": actor.type, "aliases": actor.aliases or None,
            "affiliation": actor.affiliation, "wikidata": actor.wikidata,
            "iri": _iri("actor", actor.id)}


def _place_attrs(place: Place) -> dict[str, Any]:
    return {"place_type": place.type, "aliases": place.aliases or None,
            "country": place.country,
            "lat": float(place.lat) if place.lat is not None else None,
            "lon": float(place.lon) if place.lon is not None else None,
            "geonames": place.geonames, "wikidata": place.wikidata,
            "iri": _iri("place", place.id)}


def _iri(kind: str, ident: str) -> str | None:
    from kg.export import rdf

    make = {"event": rdf.event_iri, "actor": rdf.actor_iri, "place": rdf.place_iri,
            "article": rdf.article_iri}.get(kind)
    return str(make(ident)) if make and ident else None


def _edge_attrs(key: Hashable, data: Mapping[str, Any]) -> dict[str, Scalar]:
    relation = str(key)
    out: dict[str, Any] = {"relation": relation, "label": relation}
    sentences = data.get("sentences")
    if sentences:
        out["evidence"] = len(sentences)
        out["sentences"] = "\n".join(str(s) for s in sentences)
    for name, value in data.items():
        if name not in out and name != "sentences" and name.isidentifier():
            out[name] = value
    return _flat(out)


def _flat(attrs: Mapping[str, Any]) -> dict[str, Scalar]:
    """Drop unknown values; dates to ISO text; sequences joined; other objects left out."""
    out: dict[str, Scalar] = {}
    for name, value in attrs.items():
        if isinstance(value, (dt.date, dt.time)):  # dt.datetime is a dt.date
            value = value.isoformat()
        elif isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
            value = "; ".join(str(x) for x in items if x is not None) or None
        if value is None or not isinstance(value, (str, int, float, bool)):
            continue
        if isinstance(value, float) and math.isnan(value):  # GraphML readers choke on NaN
            continue
        out[name] = _clean(value) if isinstance(value, str) else value
    return out


def _one_type_per_name(records: list[dict[str, Scalar]]) -> None:
    """GraphML declares one type per attribute name: a name whose values mix ints and floats
    is written as floats, one that mixes anything else (a user's int here, text there) as
    text everywhere."""
    kinds: dict[str, set[type]] = {}
    for attrs in records:
        for name, value in attrs.items():
            kinds.setdefault(name, set()).add(type(value))
    for name, types in kinds.items():
        if len(types) < 2:
            continue
        cast: type = float if types == {int, float} else str
        for attrs in records:
            if name in attrs:
                attrs[name] = cast(attrs[name])


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)
