"""Export events as RDF that answers the contract of DESIGN.md with no inference (SEM, PROV-O,
SKOS, GeoSPARQL/WGS84 and our ckg: terms), and write it atomically. Reading an export back is
kg.export.rdf_read (``events_from_rdf``, re-exported here); which term states which model field
is the one table of kg.export.rdf_terms. kg.ttl and kg.nt are written from :func:`describe`
in chunks by kg.export.rdf_stream, with no Graph of the whole export.

IRIs come from record ids only (``ID["event/" + id]`` with the id percent-encoded), so the
same input gives the same IRIs on every run.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Protocol, get_args
from urllib.parse import urlsplit

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kg.codebook import lookup, plover_iri, skos_subset
from kg.errors import ExportError
from kg.export.atomic import atomic_write
from kg.export.rdf_read import events_from_rdf
from kg.export.rdf_terms import (ACTOR_TYPE, CONFIDENCE_TERMS, LINK_RELATIONS, LINK_TERMS,
                                 PLACE_TYPE, QID, WIKIDATA, actor_iri, article_iri, event_iri,
                                 evidence_iri, local_iri, place_iri)
from kg.export.rdf_terms import term as T
from kg.model import (BASES, MODALITIES, PRECISIONS, Actor, ActorType, Event, Evidence, Place,
                      PlaceType, TimeSpan)
from kg.vocab import (CAMEO, CKG, DCTERMS, GEO, OWL, PREFIXES, PROV, RDF, RDFS, SEM, SKOS, WGS84,
                      XSD)

__all__ = ["to_rdf", "describe", "write_rdf", "events_from_rdf", "event_iri", "actor_iri", "place_iri",
           "article_iri", "FORMATS", "LINK_RELATIONS", "CONFIDENCE_TERMS"]

FORMATS: tuple[str, ...] = ("turtle", "trig", "json-ld", "nt")
_FORMAT_ALIASES = {"ttl": "turtle", "jsonld": "json-ld", "ntriples": "nt", "n-triples": "nt"}
# Characters an IRI may not hold (RFC 3987): a URL with one of them is kept as a literal.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')
_EXTRA_PREFIXES = {"actortype": str(ACTOR_TYPE), "placetype": str(PLACE_TYPE)}


class _Sink(Protocol):
    def add(self, triple: tuple[Node, Node, Node]) -> object: ...


# --- literals ----------------------------------------------------------------------------------

@functools.lru_cache(maxsize=4096)  # confidences, Goldstein values and dates repeat: Literal() is slow
def _decimal(value: float) -> Literal:
    if not math.isfinite(value):
        raise ExportError(f"{value!r} cannot be written as an xsd:decimal: expected a finite "
                          f"number")
    # format "f": xsd:decimal has no exponent, and repr() round-trips the float exactly
    return Literal(format(Decimal(repr(float(value))), "f"), datatype=XSD.decimal)


@functools.lru_cache(maxsize=4096)
def _date(d: dt.date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def _datetime(d: dt.date, t: dt.time) -> Literal:
    return Literal(dt.datetime.combine(d, t).isoformat(), datatype=XSD.dateTime)


def _month(d: dt.date) -> Literal:
    return Literal(f"{d.year:04d}-{d.month:02d}", datatype=XSD.gYearMonth)


def _year(d: dt.date) -> Literal:
    return Literal(f"{d.year:04d}", datatype=XSD.gYear)


def _humanize(ident: str) -> str:
    return re.sub(r"[_-]+", " ", ident).strip().title() or ident


def _url_term(url: str) -> Node:
    try:
        parts = urlsplit(url)
    except ValueError:
        return Literal(url)
    if parts.scheme in ("http", "https") and parts.netloc and not _NOT_IN_IRI.search(url):
        return URIRef(url) if _valid_iri(url) else Literal(url)
    return Literal(url)


@functools.lru_cache(maxsize=1024)
def _valid_iri(iri: str) -> bool:
    """Whether Oxigraph (RFC 3987) takes ``iri``: rdflib takes more (U+FFF0, bad %-escapes),
    which would make a file strict readers refuse."""
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(iri)
    except ValueError:
        return False
    return True


# --- events -> RDF -----------------------------------------------------------------------------

def to_rdf(events: Iterable[Event]) -> Graph:
    """Return a new Graph describing ``events``, their actors, places, articles, evidence and the
    SKOS concepts of their CAMEO codes (with every ancestor) and PLOVER categories.

    Raises ExportError for an event whose CAMEO code, modality, actor type, place type or link
    relation is not one the contract knows (the message names the event and the valid values).
    """
    g = Graph(bind_namespaces="none")
    describe(events, g)
    _bind_used(g)
    return g


def describe(events: Iterable[Event], g: _Sink, digests: Mapping[str, str] | None = None,
             after_event: Callable[[], None] | None = None) -> None:
    """Add the triples of :func:`to_rdf` to ``g`` (anything with ``add(triple)``), event by event
    (``after_event`` is called after each one's triples), then actors, places, articles (each
    with its text's digest from ``digests`` as ``dcterms:identifier``) and SKOS concepts."""
    shared = Shared()
    seen: dict[str, Event] = {}
    for ev in events:
        if seen.setdefault(ev.id, ev) != ev:
            raise ExportError(f"two different events share the id {ev.id!r}: merge them or give "
                              f"them distinct ids before exporting")
        shared.add(ev, _add_event(g, ev))
        if after_event is not None:
            after_event()
    shared.describe(g, digests)


class Shared:
    """What the events of an export share, gathered event by event in the export's order: their
    actors, places and articles (the first record of an id wins, aliases pooled) and CAMEO codes."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.places: dict[str, Place] = {}
        self.articles: dict[str, Evidence] = {}
        self.codes: dict[str, None] = {}

    def add(self, ev: Event, code: str) -> None:
        self.codes[code] = None
        for actor in (*ev.sources, *ev.targets, *ev.claimed_by):
            self.add_actor(actor)
        for place in ev.places:
            self.add_place(place)
        for evd in ev.evidence:
            self.add_article(evd)

    def add_actor(self, actor: Actor) -> None:
        self.actors[actor.id] = _merge_actor(self.actors.get(actor.id), actor)

    def add_place(self, place: Place) -> None:
        self.places[place.id] = _merge_place(self.places.get(place.id), place)

    def add_article(self, evd: Evidence) -> None:
        self.articles[evd.article_id] = _merge_article(self.articles.get(evd.article_id), evd)

    def describe(self, g: _Sink, digests: Mapping[str, str] | None = None) -> None:
        for *_, write in self.records(digests):
            write(g)
        for triple in skos_subset(list(self.codes)):
            g.add(triple)

    def records(self, digests: Mapping[str, str] | None = None
                ) -> Iterator[tuple[str, str, tuple, Callable[[_Sink], None]]]:
        """Each actor, place and article as :meth:`describe` writes it: (kind "a", "p" or "r",
        id, all its triples depend on, what writes them), so a writer may keep the triples of
        each and write them again only when what they depend on changed."""
        for actor in self.actors.values():
            yield "a", actor.id, (actor, actor.affiliation in self.actors), \
                functools.partial(_add_actor, actor=actor, known=self.actors)
        for place in self.places.values():
            yield "p", place.id, (place, place.country in self.places), \
                functools.partial(_add_place, place=place, known=self.places)
        for evd in self.articles.values():
            digest = (digests or {}).get(evd.article_id)
            yield "r", evd.article_id, (evd, digest), functools.partial(_add_article, evd=evd, digest=digest)


def _add_event(g: _Sink, ev: Event, kept: Callable[[Evidence], bool] | None = None) -> str:
    """Add the triples of ``ev`` to ``g`` (but those of each evidence node for which ``kept``
    says yes: an addition has them already); return its CAMEO code."""
    e = event_iri(ev.id)
    try:
        code = lookup(ev.cameo)
    except KeyError as err:
        raise ExportError(f"event {ev.id!r}: {err.args[0]}") from None
    if ev.modality not in MODALITIES:
        raise ExportError(f"event {ev.id!r}: modality {ev.modality!r} is not one of "
                          f"{', '.join(MODALITIES)}")
    g.add((e, RDF.type, T("Event.id")))
    g.add((e, T("Event.label"), Literal(ev.label if ev.label.strip() else code.name)))
    g.add((e, T("Event.cameo"), CAMEO[code.code]))
    if code.plover:
        g.add((e, T("Event.cameo.plover"), plover_iri(code.plover)))
        g.add((e, T("Event.cameo"), plover_iri(code.plover, code.plover_mode)))
    g.add((e, T("Event.cameo.goldstein"), _decimal(code.goldstein)))
    g.add((e, T("Event.cameo.quad_class"), Literal(code.quad_class)))
    _add_time(g, e, ev.time)
    for role, actors in ((T("Event.sources"), ev.sources), (T("Event.targets"), ev.targets)):
        for actor in actors:
            g.add((e, role, actor_iri(actor.id)))
            g.add((e, T("Event.sources.actor"), actor_iri(actor.id)))
    for place in ev.places:
        g.add((e, T("Event.places"), place_iri(place.id)))
    g.add((e, T("Event.modality"), CKG[ev.modality]))
    g.add((e, T("Event.confidence"), _decimal(ev.confidence)))
    for name, value in ev.field_confidence:
        if name not in CONFIDENCE_TERMS:
            raise ExportError(f"event {ev.id!r}: confidence field {name!r} is not one of "
                              f"{', '.join(CONFIDENCE_TERMS)}")
        g.add((e, CONFIDENCE_TERMS[name], _decimal(value)))
    if ev.claimed_by:
        view = local_iri("claim", ev.id)
        g.add((view, RDF.type, T("Event.claimed_by.view")))
        g.add((view, RDF.type, T("Event.claimed_by.claim")))
        g.add((view, T("Event.claimed_by.about"), e))
        for actor in ev.claimed_by:
            g.add((view, T("Event.claimed_by"), actor_iri(actor.id)))
    for evd in ev.evidence:
        node = evidence_iri(evd)
        g.add((e, T("Event.evidence.article"), article_iri(evd.article_id)))
        g.add((e, T("Event.evidence"), node))
        if kept is not None and kept(evd):
            continue
        g.add((node, RDF.type, T("Evidence")))
        g.add((node, T("Evidence.sentence"), Literal(evd.sentence)))
        g.add((node, T("Evidence.start"), Literal(evd.start)))
        g.add((node, T("Evidence.end"), Literal(evd.end)))
        if evd.trigger:
            g.add((node, T("Evidence.trigger"), Literal(evd.trigger)))
        if evd.reason:
            g.add((node, T("Evidence.reason"), Literal(evd.reason)))
        g.add((node, T("Evidence.article_id"), article_iri(evd.article_id)))
    g.add((e, T("Event.evidence.article_count"), Literal(len(ev.article_ids))))
    for relation, other in ev.links:
        if relation not in LINK_RELATIONS:
            raise ExportError(f"event {ev.id!r}: link relation {relation!r} is not one of "
                              f"{', '.join(LINK_RELATIONS)} (add it to kg/export/rdf_terms.py, "
                              f"ontology/conflict-kg.ttl and kg/vocab.py first)")
        g.add((e, LINK_TERMS[relation], event_iri(other)))
    return code.code


def _time_stamps(t: TimeSpan) -> list[tuple[URIRef, Literal]]:
    assert t.start is not None
    start, end = t.start, t.end or t.start
    if t.precision == "year":
        first, last = _year(start), _year(end)
    elif t.precision == "month":
        first, last = _month(start), _month(end)
    elif t.precision == "week":
        return [(SEM.hasBeginTimeStamp, _date(start)), (SEM.hasEndTimeStamp, _date(end))]
    else:
        first = _datetime(start, t.start_time) if t.start_time else _date(start)
        last = _datetime(end, t.end_time) if t.end_time else _date(end)
        if start == end and t.end_time is None:
            last = first
    if first == last:
        return [(T("TimeSpan.start.single"), first)]
    return [(SEM.hasBeginTimeStamp, first), (SEM.hasEndTimeStamp, last)]


def _add_time(g: _Sink, e: URIRef, t: TimeSpan) -> None:
    if t.start is None:
        precision, basis = "unknown", "unknown"
    else:
        precision, basis = t.precision, t.basis
        for prop, value in _time_stamps(t):
            g.add((e, prop, value))
    if precision not in PRECISIONS or basis not in BASES:
        raise ExportError(f"event {e}: date precision {precision!r} / basis {basis!r} must be "
                          f"one of {', '.join(PRECISIONS)} / {', '.join(BASES)}")
    g.add((e, T("TimeSpan.precision"), CKG[precision]))
    g.add((e, T("TimeSpan.basis"), CKG[basis]))
    if t.earliest:
        g.add((e, T("TimeSpan.earliest"), _date(t.earliest)))
    if t.latest:
        g.add((e, T("TimeSpan.latest"), _date(t.latest)))
    if t.text:
        g.add((e, T("TimeSpan.text"), Literal(t.text)))


def _merge_actor(old: Actor | None, new: Actor) -> Actor:
    # The first record of an id wins; aliases are pooled so no surface form is lost.
    if old is None:
        return new
    aliases = tuple(dict.fromkeys((*old.aliases, *new.aliases)))
    return Actor(old.id, old.name, old.type, aliases, old.affiliation or new.affiliation,
                 old.wikidata or new.wikidata)


def _merge_place(old: Place | None, new: Place) -> Place:
    if old is None:
        return new
    aliases = tuple(dict.fromkeys((*old.aliases, *new.aliases)))
    coords = (old.lat, old.lon) if old.lat is not None else (new.lat, new.lon)
    return Place(old.id, old.name, old.type, aliases, old.country or new.country, *coords,
                 old.geonames or new.geonames, old.wikidata or new.wikidata)


def _merge_article(old: Evidence | None, new: Evidence) -> Evidence:
    if old is None:
        return new
    return Evidence(old.article_id, old.sentence, old.start, old.end, old.trigger,
                    old.url or new.url, old.title or new.title, old.published or new.published)


def _add_type_concept(g: _Sink, ns: Namespace, kind: URIRef, value: str, label: str) -> URIRef:
    iri = ns[value]
    scheme = URIRef(str(ns))
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, SKOS.prefLabel, Literal(f"conflict-kg {label}", lang="en")))
    g.add((iri, RDF.type, SKOS.Concept))
    g.add((iri, RDF.type, kind))
    g.add((iri, SKOS.notation, Literal(value)))
    g.add((iri, SKOS.prefLabel, Literal(value.replace("_", " "), lang="en")))
    g.add((iri, SKOS.inScheme, scheme))
    return iri


def _add_reference(g: _Sink, iri: URIRef, kind: URIRef, ident: str) -> None:
    """An affiliation or country that is not itself described still gets a type and a label."""
    g.add((iri, RDF.type, kind))
    g.add((iri, RDFS.label, Literal(_humanize(ident))))


def _add_named(g: _Sink, iri: URIRef, what: str, record: Actor | Place, types: tuple[URIRef, ...],
               allowed: tuple[str, ...], type_ns: Namespace, type_class: URIRef, type_prop: URIRef,
               scheme: str) -> None:
    """What actors and places share: classes, a label, aliases, a typed concept, a Wikidata link."""
    if record.type not in allowed:
        raise ExportError(f"{what} {record.id!r}: type {record.type!r} is not one of {', '.join(allowed)}")
    for kind in types:
        g.add((iri, RDF.type, kind))
    g.add((iri, RDFS.label, Literal(record.name if record.name.strip() else _humanize(record.id))))
    for alias in record.aliases:
        g.add((iri, SKOS.altLabel, Literal(alias)))
    g.add((iri, type_prop, _add_type_concept(g, type_ns, type_class, record.type, scheme)))
    if record.wikidata and QID.fullmatch(record.wikidata):
        g.add((iri, OWL.sameAs, URIRef(WIKIDATA + record.wikidata)))


def _add_actor(g: _Sink, actor: Actor, known: dict[str, Actor]) -> None:
    a = actor_iri(actor.id)
    _add_named(g, a, "actor", actor, (SEM.Actor,), get_args(ActorType), ACTOR_TYPE, SEM.ActorType,
               SEM.actorType, "actor types")
    if actor.affiliation and actor.affiliation != actor.id:
        g.add((a, T("Actor.affiliation"), actor_iri(actor.affiliation)))
        if actor.affiliation not in known:
            _add_reference(g, actor_iri(actor.affiliation), SEM.Actor, actor.affiliation)


def _add_place(g: _Sink, place: Place, known: dict[str, Place]) -> None:
    p = place_iri(place.id)
    _add_named(g, p, "place", place, (SEM.Place, GEO.Feature), get_args(PlaceType), PLACE_TYPE,
               SEM.PlaceType, SEM.placeType, "place types")
    if place.country and place.country != place.id:
        g.add((p, T("Place.country"), place_iri(place.country)))
        if place.country not in known:
            _add_reference(g, place_iri(place.country), SEM.Place, place.country)
    if place.lat is not None and place.lon is not None:
        lat, lon = _decimal(place.lat), _decimal(place.lon)
        geom = URIRef(str(p) + "/geometry")
        g.add((p, WGS84.lat, lat))
        g.add((p, WGS84.long, lon))
        g.add((p, GEO.hasGeometry, geom))
        g.add((geom, RDF.type, GEO.Geometry))
        g.add((geom, GEO.asWKT, Literal(f"POINT({lon} {lat})", datatype=GEO.wktLiteral)))
    if place.geonames:
        g.add((p, T("Place.geonames"), Literal(int(place.geonames))))
        g.add((p, OWL.sameAs, URIRef(f"https://sws.geonames.org/{int(place.geonames)}/")))


def _add_article(g: _Sink, evd: Evidence, digest: str | None = None) -> None:
    art = article_iri(evd.article_id)
    if digest:
        g.add((art, DCTERMS.identifier, Literal(digest)))
    g.add((art, RDF.type, T("Evidence.article_id.article")))
    g.add((art, RDF.type, PROV.Entity))
    if evd.title:
        g.add((art, T("Evidence.title"), Literal(evd.title)))
    if evd.url:
        g.add((art, T("Evidence.url"), _url_term(evd.url)))
    if evd.published:
        g.add((art, T("Evidence.published"), _date(evd.published)))


def _bind_used(g: Graph) -> None:
    used = {str(t) for triple in g for t in triple if isinstance(t, URIRef)}
    used |= {str(o.datatype) for o in g.objects() if isinstance(o, Literal) and o.datatype}
    for prefix, ns in {**PREFIXES, **_EXTRA_PREFIXES}.items():
        if any(u.startswith(ns) for u in used):
            g.bind(prefix, ns, replace=True, override=True)


# --- writing -----------------------------------------------------------------------------------

def write_rdf(graph: Graph, path: str | os.PathLike[str], format: str = "turtle") -> Path:
    """Serialize ``graph`` to ``path`` atomically (kg.export.atomic: a temporary file in the same
    folder, then ``os.replace``), so a reader never sees half a file; missing folders are
    created. ``format``: turtle, trig (one named graph per source article, named by the article
    IRI), json-ld or nt. Returns the path."""
    fmt = _FORMAT_ALIASES.get(format, format)
    if fmt not in FORMATS:
        raise ExportError(f"{path}: unknown RDF format {format!r}; use one of {', '.join(FORMATS)}")
    target = Path(path)
    if fmt == "trig":
        with warnings.catch_warnings():
            # rdflib's own TriG serializer calls its deprecated Dataset.default_context
            warnings.simplefilter("ignore", DeprecationWarning)
            data = _by_article(graph).serialize(format="trig", encoding="utf-8")
    elif fmt == "json-ld":
        context = {p: str(ns) for p, ns in graph.namespaces()}
        data = graph.serialize(format="json-ld", context=context, encoding="utf-8")
    else:
        data = graph.serialize(format=fmt, encoding="utf-8")
    try:
        with atomic_write(target, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except OSError as err:
        raise ExportError(f"{target}: cannot write ({err.strerror or err}); check the folder's "
                          f"permissions and free space") from err
    return target


def _by_article(graph: Graph) -> Dataset:
    """Split an export into one named graph per article (what that article says: its events'
    statements, evidence and metadata); actors, places and concepts stay in the default graph.
    The union of all graphs is ``graph``."""
    ds = Dataset()
    ds.namespace_manager = NamespaceManager(ds, bind_namespaces="none")
    for prefix, ns in graph.namespaces():
        ds.bind(prefix, ns, replace=True, override=True)
    default = ds.default_graph
    event_articles = {e: set(graph.objects(e, PROV.wasDerivedFrom))
                      for e in graph.subjects(RDF.type, SEM.Event)}

    def targets(s: Node, p: Node, o: Node) -> set[Node]:
        if s in event_articles:
            if p == PROV.wasDerivedFrom:
                return {o}
            if p == CKG.evidence:
                return set(graph.objects(o, CKG.inArticle))
            return event_articles[s]
        if (s, RDF.type, CKG.Evidence) in graph:
            return set(graph.objects(s, CKG.inArticle))
        if (s, RDF.type, CKG.Article) in graph:
            return {s}
        if (s, RDF.type, SEM.View) in graph:
            return set().union(*(event_articles.get(e, set())
                                 for e in graph.objects(s, T("Event.claimed_by.about"))))
        return set()

    for s, p, o in graph:
        names = targets(s, p, o)
        if not names:
            default.add((s, p, o))
        for name in names:
            ds.graph(name).add((s, p, o))  # type: ignore[arg-type]
    return ds


# --- RDF -> events -----------------------------------------------------------------------------