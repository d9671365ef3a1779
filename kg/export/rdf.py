"""Export events as RDF that answers the contract of DESIGN.md with no inference (SEM, PROV-O,
SKOS, GeoSPARQL/WGS84 and our ckg: terms), write it atomically, and read an export back.

IRIs come from record ids only (``ID["event/" + id]`` with the id percent-encoded), so the
same input gives the same IRIs on every run. ``events_from_rdf(to_rdf(events))`` gives the
events back with tuples sorted (RDF keeps no order), month/year spans widened to the whole
month/year, and unknown dates with basis ``unknown``.
"""
from __future__ import annotations

import datetime as dt
import math
import os
import re
import warnings
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import get_args
from urllib.parse import quote, unquote, urlsplit

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kg.codebook import lookup, plover_iri, skos_subset
from kg.errors import ExportError
from kg.export.atomic import atomic_write
from kg.model import (BASES, MODALITIES, PRECISIONS, Actor, ActorType, Event, Evidence, Place,
                      PlaceType, TimeSpan)
from kg.vocab import (BASE, CAMEO, CKG, DCTERMS, GEO, ID, OWL, PREFIXES, PROV, RDF, RDFS, SEM,
                      SKOS, WGS84, XSD)

__all__ = ["to_rdf", "write_rdf", "events_from_rdf", "event_iri", "actor_iri", "place_iri",
           "article_iri", "FORMATS", "LINK_RELATIONS"]

FORMATS: tuple[str, ...] = ("turtle", "trig", "json-ld", "nt")
LINK_RELATIONS: tuple[str, ...] = ("violates", "ends", "resumes", "outcomeOf", "schedules",
                                   "claimAbout")
# the property that carries each field's confidence (kg.model.CONFIDENCE_FIELDS)
FIELD_CONFIDENCE = {"type": CKG.typeConfidence, "time": CKG.timeConfidence, "sources": CKG.sourceConfidence,
                    "targets": CKG.targetConfidence, "places": CKG.placeConfidence}
_FORMAT_ALIASES = {"ttl": "turtle", "jsonld": "json-ld", "ntriples": "nt", "n-triples": "nt"}
_ACTOR_TYPE = Namespace(BASE + "actor-type/")
_PLACE_TYPE = Namespace(BASE + "place-type/")
_WIKIDATA = "http://www.wikidata.org/entity/"
_GEONAMES = re.compile(r"https://sws\.geonames\.org/(\d+)/")
_QID = re.compile(r"Q[1-9]\d*")
# Characters an IRI may not hold (RFC 3987): a URL with one of them is kept as a literal.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')
_EXTRA_PREFIXES = {"actortype": str(_ACTOR_TYPE), "placetype": str(_PLACE_TYPE)}


# --- IRIs --------------------------------------------------------------------------------------

def _local(kind: str, ident: str) -> URIRef:
    if not ident:
        raise ExportError(f"empty id for a {kind} IRI: every record needs an id to get a "
                          f"stable IRI")
    return ID[f"{kind}/{quote(ident, safe='')}"]


def event_iri(event_id: str) -> URIRef:
    """The IRI of an event: ``id:event/<percent-encoded id>``."""
    return _local("event", event_id)


def actor_iri(actor_id: str) -> URIRef:
    """The IRI of an actor: ``id:actor/<percent-encoded id>``."""
    return _local("actor", actor_id)


def place_iri(place_id: str) -> URIRef:
    """The IRI of a place: ``id:place/<percent-encoded id>``."""
    return _local("place", place_id)


def article_iri(article_id: str) -> URIRef:
    """The IRI of a source article: ``id:article/<percent-encoded id>``."""
    return _local("article", article_id)


def _evidence_iri(ev: Evidence) -> URIRef:
    tail = f"/{quote(ev.trigger, safe='')}" if ev.trigger else ""
    return ID[f"evidence/{quote(ev.article_id, safe='')}/{ev.start}-{ev.end}{tail}"]


def _id_of(iri: Node | None, kind: str) -> str | None:
    prefix = str(ID) + kind + "/"
    if iri is None or not str(iri).startswith(prefix):
        return None
    return unquote(str(iri)[len(prefix):])


# --- literals ----------------------------------------------------------------------------------

def _decimal(value: float) -> Literal:
    if not math.isfinite(value):
        raise ExportError(f"{value!r} cannot be written as an xsd:decimal: expected a finite "
                          f"number")
    # format "f": xsd:decimal has no exponent, and repr() round-trips the float exactly
    return Literal(format(Decimal(repr(float(value))), "f"), datatype=XSD.decimal)


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
        return URIRef(url)
    return Literal(url)


# --- events -> RDF -----------------------------------------------------------------------------

def to_rdf(events: Iterable[Event]) -> Graph:
    """Return a new Graph describing ``events``, their actors, places, articles, evidence and the
    SKOS concepts of their CAMEO codes (with every ancestor) and PLOVER categories.

    Raises ExportError for an event whose CAMEO code, modality, actor type, place type or link
    relation is not one the contract knows (the message names the event and the valid values).
    """
    g = Graph(bind_namespaces="none")
    actors: dict[str, Actor] = {}
    places: dict[str, Place] = {}
    articles: dict[str, Evidence] = {}
    codes: list[str] = []
    seen: dict[str, Event] = {}
    for ev in events:
        if seen.setdefault(ev.id, ev) != ev:
            raise ExportError(f"two different events share the id {ev.id!r}: merge them or give "
                              f"them distinct ids before exporting")
        codes.append(_add_event(g, ev))
        for actor in (*ev.sources, *ev.targets, *ev.claimed_by):
            actors[actor.id] = _merge_actor(actors.get(actor.id), actor)
        for place in ev.places:
            places[place.id] = _merge_place(places.get(place.id), place)
        for evd in ev.evidence:
            articles[evd.article_id] = _merge_article(articles.get(evd.article_id), evd)
    for actor in actors.values():
        _add_actor(g, actor, actors)
    for place in places.values():
        _add_place(g, place, places)
    for evd in articles.values():
        _add_article(g, evd)
    g += skos_subset(codes)
    _bind_used(g)
    return g


def _add_event(g: Graph, ev: Event) -> str:
    e = event_iri(ev.id)
    try:
        code = lookup(ev.cameo)
    except KeyError as err:
        raise ExportError(f"event {ev.id!r}: {err.args[0]}") from None
    if ev.modality not in MODALITIES:
        raise ExportError(f"event {ev.id!r}: modality {ev.modality!r} is not one of "
                          f"{', '.join(MODALITIES)}")
    g.add((e, RDF.type, SEM.Event))
    g.add((e, RDFS.label, Literal(ev.label if ev.label.strip() else code.name)))
    g.add((e, SEM.eventType, CAMEO[code.code]))
    if code.plover:
        g.add((e, CKG.plover, plover_iri(code.plover)))
        g.add((e, SEM.eventType, plover_iri(code.plover, code.plover_mode)))
    g.add((e, CKG.goldstein, _decimal(code.goldstein)))
    g.add((e, CKG.quadClass, Literal(code.quad_class)))
    _add_time(g, e, ev.time)
    for role, actors in ((CKG.sourceActor, ev.sources), (CKG.targetActor, ev.targets)):
        for actor in actors:
            g.add((e, role, actor_iri(actor.id)))
            g.add((e, SEM.hasActor, actor_iri(actor.id)))
    for place in ev.places:
        g.add((e, SEM.hasPlace, place_iri(place.id)))
    g.add((e, CKG.modality, CKG[ev.modality]))
    g.add((e, CKG.confidence, _decimal(ev.confidence)))
    for name, value in ev.field_confidence:
        if name not in FIELD_CONFIDENCE:
            raise ExportError(f"event {ev.id!r}: confidence field {name!r} is not one of "
                              f"{', '.join(FIELD_CONFIDENCE)}")
        g.add((e, FIELD_CONFIDENCE[name], _decimal(value)))
    if ev.claimed_by:
        view = _local("claim", ev.id)
        g.add((view, RDF.type, SEM.View))
        g.add((view, RDF.type, CKG.Claim))
        g.add((view, CKG.claimAbout, e))
        for actor in ev.claimed_by:
            g.add((view, SEM.accordingTo, actor_iri(actor.id)))
    for evd in ev.evidence:
        node = _evidence_iri(evd)
        g.add((e, PROV.wasDerivedFrom, article_iri(evd.article_id)))
        g.add((e, CKG.evidence, node))
        g.add((node, RDF.type, CKG.Evidence))
        g.add((node, CKG.sentence, Literal(evd.sentence)))
        g.add((node, CKG.startOffset, Literal(evd.start)))
        g.add((node, CKG.endOffset, Literal(evd.end)))
        if evd.trigger:
            g.add((node, CKG.trigger, Literal(evd.trigger)))
        if evd.reason:
            g.add((node, CKG.mergeReason, Literal(evd.reason)))
        g.add((node, CKG.inArticle, article_iri(evd.article_id)))
    g.add((e, CKG.sourceCount, Literal(len(ev.article_ids))))
    for relation, other in ev.links:
        if relation not in LINK_RELATIONS:
            raise ExportError(f"event {ev.id!r}: link relation {relation!r} is not one of "
                              f"{', '.join(LINK_RELATIONS)} (add it to ontology/conflict-kg.ttl "
                              f"and kg/vocab.py first)")
        g.add((e, CKG[relation], event_iri(other)))
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
        return [(SEM.hasTimeStamp, first)]
    return [(SEM.hasBeginTimeStamp, first), (SEM.hasEndTimeStamp, last)]


def _add_time(g: Graph, e: URIRef, t: TimeSpan) -> None:
    if t.start is None:
        precision, basis = "unknown", "unknown"
    else:
        precision, basis = t.precision, t.basis
        for prop, value in _time_stamps(t):
            g.add((e, prop, value))
    if precision not in PRECISIONS or basis not in BASES:
        raise ExportError(f"event {e}: date precision {precision!r} / basis {basis!r} must be "
                          f"one of {', '.join(PRECISIONS)} / {', '.join(BASES)}")
    g.add((e, CKG.datePrecision, CKG[precision]))
    g.add((e, CKG.dateBasis, CKG[basis]))
    if t.earliest:
        g.add((e, SEM.hasEarliestBeginTimeStamp, _date(t.earliest)))
    if t.latest:
        g.add((e, SEM.hasLatestEndTimeStamp, _date(t.latest)))
    if t.text:
        g.add((e, CKG.timeExpression, Literal(t.text)))


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


def _add_type_concept(g: Graph, ns: Namespace, kind: URIRef, value: str, label: str) -> URIRef:
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


def _add_reference(g: Graph, iri: URIRef, kind: URIRef, ident: str) -> None:
    """An affiliation or country that is not itself described still gets a type and a label."""
    g.add((iri, RDF.type, kind))
    g.add((iri, RDFS.label, Literal(_humanize(ident))))


def _add_named(g: Graph, iri: URIRef, what: str, record: Actor | Place, types: tuple[URIRef, ...],
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
    if record.wikidata and _QID.fullmatch(record.wikidata):
        g.add((iri, OWL.sameAs, URIRef(_WIKIDATA + record.wikidata)))


def _add_actor(g: Graph, actor: Actor, known: dict[str, Actor]) -> None:
    a = actor_iri(actor.id)
    _add_named(g, a, "actor", actor, (SEM.Actor,), get_args(ActorType), _ACTOR_TYPE, SEM.ActorType,
               SEM.actorType, "actor types")
    if actor.affiliation and actor.affiliation != actor.id:
        g.add((a, CKG.affiliation, actor_iri(actor.affiliation)))
        if actor.affiliation not in known:
            _add_reference(g, actor_iri(actor.affiliation), SEM.Actor, actor.affiliation)


def _add_place(g: Graph, place: Place, known: dict[str, Place]) -> None:
    p = place_iri(place.id)
    _add_named(g, p, "place", place, (SEM.Place, GEO.Feature), get_args(PlaceType), _PLACE_TYPE,
               SEM.PlaceType, SEM.placeType, "place types")
    if place.country and place.country != place.id:
        g.add((p, CKG.country, place_iri(place.country)))
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
        g.add((p, CKG.geonamesId, Literal(int(place.geonames))))
        g.add((p, OWL.sameAs, URIRef(f"https://sws.geonames.org/{int(place.geonames)}/")))


def _add_article(g: Graph, evd: Evidence) -> None:
    art = article_iri(evd.article_id)
    g.add((art, RDF.type, CKG.Article))
    g.add((art, RDF.type, PROV.Entity))
    if evd.title:
        g.add((art, DCTERMS.title, Literal(evd.title)))
    if evd.url:
        g.add((art, DCTERMS.source, _url_term(evd.url)))
    if evd.published:
        g.add((art, DCTERMS.issued, _date(evd.published)))


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
                                 for e in graph.objects(s, CKG.claimAbout)))
        return set()

    for s, p, o in graph:
        names = targets(s, p, o)
        if not names:
            default.add((s, p, o))
        for name in names:
            ds.graph(name).add((s, p, o))  # type: ignore[arg-type]
    return ds


# --- RDF -> events -----------------------------------------------------------------------------

def events_from_rdf(graph: Graph) -> list[Event]:
    """Read the events of an export (a Graph, or a Dataset read from TriG) back into records,
    sorted by id. Tuples come back sorted; see the module docstring for what is normalized."""
    g = graph
    if isinstance(graph, Dataset):
        g = Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            g.add((s, p, o))
    events = []
    for e in sorted(set(g.subjects(RDF.type, SEM.Event)), key=str):
        event_id = _id_of(e, "event")
        if event_id is not None:
            events.append(_read_event(g, e, event_id))
    return events


def _read_event(g: Graph, e: Node, event_id: str) -> Event:
    cameo = next((str(g.value(t, SKOS.notation) or str(t)[len(str(CAMEO)):])
                  for t in sorted(g.objects(e, SEM.eventType), key=str)
                  if str(t).startswith(str(CAMEO))), "")
    modality = _local_name(g.value(e, CKG.modality)) or "asserted"
    confidence = g.value(e, CKG.confidence)
    claimers = {a for v in g.subjects(CKG.claimAbout, e) if (v, RDF.type, SEM.View) in g
                for a in g.objects(v, SEM.accordingTo)}
    evidence = sorted((_read_evidence(g, n) for n in g.objects(e, CKG.evidence)),
                      key=lambda x: (x.article_id, x.start, x.end, x.trigger))
    links = sorted((rel, other) for rel in LINK_RELATIONS for o in g.objects(e, CKG[rel])
                   if (other := _id_of(o, "event")) is not None)
    return Event(
        id=event_id, cameo=cameo, label=str(g.value(e, RDFS.label) or ""),
        time=_read_time(g, e),
        sources=_actors(g, g.objects(e, CKG.sourceActor)),
        targets=_actors(g, g.objects(e, CKG.targetActor)),
        places=tuple(_read_place(g, p) for p in sorted(set(g.objects(e, SEM.hasPlace)), key=str)),
        modality=modality,  # type: ignore[arg-type]
        claimed_by=_actors(g, claimers),
        confidence=float(confidence.toPython()) if isinstance(confidence, Literal) else 0.5,
        field_confidence=tuple((name, float(v.toPython())) for name, prop in FIELD_CONFIDENCE.items()
                               if isinstance(v := g.value(e, prop), Literal)),
        evidence=tuple(evidence), links=tuple(links),
    )


def _local_name(term: Node | None) -> str | None:
    if term is None or not str(term).startswith(str(CKG._NS)):
        return None
    return str(term)[len(str(CKG._NS)):]


def _read_time(g: Graph, e: Node) -> TimeSpan:
    precision = _local_name(g.value(e, CKG.datePrecision)) or "day"
    basis = _local_name(g.value(e, CKG.dateBasis)) or "explicit"
    text = str(g.value(e, CKG.timeExpression) or "")
    earliest = _read_stamp(g.value(e, SEM.hasEarliestBeginTimeStamp), last=False)[0]
    latest = _read_stamp(g.value(e, SEM.hasLatestEndTimeStamp), last=True)[0]
    single = g.value(e, SEM.hasTimeStamp)
    begin = single if single is not None else g.value(e, SEM.hasBeginTimeStamp)
    end = single if single is not None else g.value(e, SEM.hasEndTimeStamp)
    start, start_time = _read_stamp(begin, last=False)
    stop, end_time = _read_stamp(end if end is not None else begin, last=True)
    if start is None:
        return TimeSpan(None, None, precision, basis, text,  # type: ignore[arg-type]
                        earliest=earliest, latest=latest)
    if single is not None:
        end_time = None  # one stamp with a clock time: the model's one-day span with start_time
    return TimeSpan(start, stop, precision, basis, text, start_time,  # type: ignore[arg-type]
                    end_time, earliest, latest)


def _read_stamp(value: Node | None, last: bool) -> tuple[dt.date | None, dt.time | None]:
    if not isinstance(value, Literal):
        return None, None
    lexical, kind = str(value), value.datatype
    if kind == XSD.dateTime:
        moment = dt.datetime.fromisoformat(lexical.replace("Z", "+00:00"))
        return moment.date(), moment.timetz()
    if kind == XSD.gYearMonth:
        year, month = int(lexical[:4]), int(lexical[5:7])
        if not last:
            return dt.date(year, month, 1), None
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1), None
    if kind == XSD.gYear:
        year = int(lexical[:4])
        return (dt.date(year, 12, 31) if last else dt.date(year, 1, 1)), None
    return dt.date.fromisoformat(lexical[:10]), None


def _actors(g: Graph, iris: Iterable[Node]) -> tuple[Actor, ...]:
    return tuple(_read_actor(g, a) for a in sorted(set(iris), key=str))


def _read_actor(g: Graph, a: Node) -> Actor:
    ident = _id_of(a, "actor") or str(a)
    kind = g.value(a, SEM.actorType)
    same = [str(x) for x in g.objects(a, OWL.sameAs) if str(x).startswith(_WIKIDATA)]
    return Actor(
        id=ident, name=str(g.value(a, RDFS.label) or ident),
        type=_notation(g, kind, "other"),  # type: ignore[arg-type]
        aliases=tuple(sorted(str(x) for x in g.objects(a, SKOS.altLabel))),
        affiliation=_id_of(g.value(a, CKG.affiliation), "actor"),
        wikidata=min(same)[len(_WIKIDATA):] if same else None,
    )


def _read_place(g: Graph, p: Node) -> Place:
    ident = _id_of(p, "place") or str(p)
    kind = g.value(p, SEM.placeType)
    lat, lon = g.value(p, WGS84.lat), g.value(p, WGS84.long)
    geonames = g.value(p, CKG.geonamesId)
    wikidata = [str(x) for x in g.objects(p, OWL.sameAs) if str(x).startswith(_WIKIDATA)]
    if geonames is None:
        found = [m for x in g.objects(p, OWL.sameAs) if (m := _GEONAMES.fullmatch(str(x)))]
        geonames = Literal(int(found[0].group(1))) if found else None
    return Place(
        id=ident, name=str(g.value(p, RDFS.label) or ident),
        type=_notation(g, kind, "other"),  # type: ignore[arg-type]
        aliases=tuple(sorted(str(x) for x in g.objects(p, SKOS.altLabel))),
        country=_id_of(g.value(p, CKG.country), "place"),
        lat=float(lat) if isinstance(lat, Literal) else None,
        lon=float(lon) if isinstance(lon, Literal) else None,
        geonames=int(geonames) if isinstance(geonames, Literal) else None,
        wikidata=min(wikidata)[len(_WIKIDATA):] if wikidata else None,
    )


def _notation(g: Graph, concept: Node | None, default: str) -> str:
    value = g.value(concept, SKOS.notation) if concept is not None else None
    return str(value) if value is not None else default


def _read_evidence(g: Graph, node: Node) -> Evidence:
    art = g.value(node, CKG.inArticle)
    issued = g.value(art, DCTERMS.issued) if art is not None else None
    url = g.value(art, DCTERMS.source) if art is not None else None
    title = g.value(art, DCTERMS.title) if art is not None else None
    start, end = g.value(node, CKG.startOffset), g.value(node, CKG.endOffset)
    return Evidence(
        article_id=_id_of(art, "article") or "", sentence=str(g.value(node, CKG.sentence) or ""),
        start=int(start) if isinstance(start, Literal) else 0,
        end=int(end) if isinstance(end, Literal) else 0,
        trigger=str(g.value(node, CKG.trigger) or ""),
        reason=str(g.value(node, CKG.mergeReason) or ""),
        url=str(url) if url is not None else None,
        title=str(title) if title is not None else None,
        published=dt.date.fromisoformat(str(issued)) if issued is not None else None,
    )
