"""The system's events as the evaluation sees them: read from exported RDF through the standard
vocabularies only (SEM, SKOS, RDFS, OWL), as any other coder's export would be read."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.evaluate.match import PLOVER_TO_CAMEO, DaySpan, span_of

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["SystemEvent", "read_system_events", "load_export"]

_SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
_CODE = re.compile(r"\d{2,4}")


@dataclass(frozen=True)
class SystemEvent:
    """One exported event: its IRI, label, days, CAMEO roots, and the names of its actors and
    places (each a tuple of every name the export gives that actor or place)."""

    iri: str
    label: str
    span: DaySpan | None  # every time stamp and bound
    begin: DaySpan | None  # the time stamp or begin stamp: what date exactness compares
    roots: frozenset[str]  # CAMEO roots of its types, PLOVER categories standing for theirs
    codes: tuple[str, ...]  # its CAMEO codes, most specific first
    actors: tuple[tuple[str, ...], ...]
    places: tuple[tuple[str, ...], ...]

    @property
    def code(self) -> str:
        """Its most specific CAMEO code ("" when it has none)."""
        return self.codes[0] if self.codes else ""

    @property
    def code_roots(self) -> frozenset[str]:
        """The roots of its own CAMEO codes (the PLOVER-derived ones when it has no code)."""
        return frozenset(c[:2] for c in self.codes) or self.roots


def _local(node: Node) -> str | None:
    from rdflib import URIRef

    return re.split(r"[/#]", str(node))[-1] if isinstance(node, URIRef) else None


def _names(g: Graph, node: Node) -> tuple[str, ...]:
    from rdflib import OWL, RDFS, SKOS

    out = [str(o) for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) for o in g.objects(node, p)]
    out += [str(o) for o in g.objects(node, OWL.sameAs)]
    local = _local(node)
    return (*out, local.replace("_", " ")) if local is not None else tuple(out)


def _type_notations(g: Graph, concept: Node) -> Iterator[str]:
    """The notations (and IRI local names) of a type concept and all its broader concepts."""
    from rdflib import SKOS

    seen: set[Node] = set()
    todo = [concept]
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.add(c)
        yield from (str(n) for n in g.objects(c, SKOS.notation))
        local = _local(c)
        if local is not None:
            yield local
        todo += list(g.objects(c, SKOS.broader))


def _types(g: Graph, event: Node) -> tuple[frozenset[str], tuple[str, ...]]:
    from rdflib import URIRef

    roots: set[str] = set()
    codes: set[str] = set()
    for t in g.objects(event, URIRef(_SEM + "eventType")):
        for code in _type_notations(g, t):
            if _CODE.fullmatch(code):
                codes.add(code)
                roots.add(code[:2])
            else:
                roots |= PLOVER_TO_CAMEO.get(code.upper(), frozenset())
    return frozenset(roots), tuple(sorted(codes, key=lambda c: (-len(c), c)))


def _stamps(g: Graph, event: Node, *props: str) -> list[Node]:
    from rdflib import URIRef

    return [o for p in props for o in g.objects(event, URIRef(_SEM + p))]


def read_system_events(g: Graph) -> list[SystemEvent]:
    """Every ``sem:Event`` of ``g``, in IRI order (so that ties break the same way every run)."""
    from rdflib import RDF, RDFS, URIRef

    events = []
    for e in sorted(set(g.subjects(RDF.type, URIRef(_SEM + "Event"))), key=str):
        roots, codes = _types(g, e)
        events.append(SystemEvent(
            iri=str(e), label=next((str(o) for o in g.objects(e, RDFS.label)), ""),
            span=span_of(_stamps(g, e, "hasTimeStamp", "hasBeginTimeStamp", "hasEndTimeStamp",
                                 "hasEarliestBeginTimeStamp", "hasLatestEndTimeStamp")),
            begin=span_of(_stamps(g, e, "hasTimeStamp", "hasBeginTimeStamp")),
            roots=roots, codes=codes,
            actors=tuple(_names(g, a) for a in g.objects(e, URIRef(_SEM + "hasActor"))),
            places=tuple(_names(g, p) for p in g.objects(e, URIRef(_SEM + "hasPlace")))))
    return events


def load_export(folder: str | Path) -> Graph:
    """One graph of every ``*.ttl`` under ``folder`` (rdflib's parser errors propagate)."""
    from rdflib import Graph

    g = Graph()
    for ttl in sorted(Path(folder).rglob("*.ttl")):
        g.parse(ttl, format="turtle")
    return g
