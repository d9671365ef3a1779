"""Read an RDF export back into events: ``events_from_rdf(to_rdf(events))`` gives the events
back with tuples sorted (RDF keeps no order), month/year spans widened to the whole month/year,
and unknown dates with basis ``unknown``. Every property is found through the one table of
kg.export.rdf_terms, the same the writer uses.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping

from rdflib import Dataset, Graph, Literal
from rdflib.term import Node

from kg.export.rdf_terms import (CONFIDENCE_TERMS, GEONAMES, LINK_TERMS, WIKIDATA, actor_iri, id_of,
                                 place_iri, term as T)
from kg.model import Actor, Event, Evidence, Place, TimeSpan
from kg.vocab import CAMEO, CKG, RDF, SKOS, XSD

__all__ = ["events_from_rdf", "as_read"]

def events_from_rdf(graph: Graph) -> list[Event]:
    """Read the events of an export (a Graph, or a Dataset read from TriG) back into records,
    sorted by id. Tuples come back sorted; see the module docstring for what is normalized."""
    g = graph
    if isinstance(graph, Dataset):
        g = Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            g.add((s, p, o))
    events = []
    for e in sorted(set(g.subjects(RDF.type, T("Event.id"))), key=str):
        event_id = id_of(e, "event")
        if event_id is not None:
            events.append(_read_event(g, e, event_id))
    return events


def _read_event(g: Graph, e: Node, event_id: str) -> Event:
    cameo = next((str(g.value(t, SKOS.notation) or str(t)[len(str(CAMEO)):])
                  for t in sorted(g.objects(e, T("Event.cameo")), key=str)
                  if str(t).startswith(str(CAMEO))), "")
    modality = _local_name(g.value(e, T("Event.modality"))) or "asserted"
    confidence = g.value(e, T("Event.confidence"))
    claimers = {a for v in g.subjects(T("Event.claimed_by.about"), e)
                if (v, RDF.type, T("Event.claimed_by.view")) in g
                for a in g.objects(v, T("Event.claimed_by"))}
    evidence = sorted((_read_evidence(g, n) for n in g.objects(e, T("Event.evidence"))),
                      key=lambda x: (x.article_id, x.start, x.end, x.trigger))
    links = sorted((rel, other) for rel, prop in LINK_TERMS.items() for o in g.objects(e, prop)
                   if (other := id_of(o, "event")) is not None)
    return Event(
        id=event_id, cameo=cameo, label=str(g.value(e, T("Event.label")) or ""),
        time=_read_time(g, e),
        sources=_actors(g, g.objects(e, T("Event.sources"))),
        targets=_actors(g, g.objects(e, T("Event.targets"))),
        places=tuple(_read_place(g, p) for p in sorted(set(g.objects(e, T("Event.places"))), key=str)),
        modality=modality,  # type: ignore[arg-type]
        claimed_by=_actors(g, claimers),
        confidence=float(confidence.toPython()) if isinstance(confidence, Literal) else 0.5,
        field_confidence=tuple((name, float(v.toPython())) for name, prop in CONFIDENCE_TERMS.items()
                               if isinstance(v := g.value(e, prop), Literal)),
        evidence=tuple(evidence), links=tuple(links),
    )


def _local_name(term: Node | None) -> str | None:
    if term is None or not str(term).startswith(str(CKG._NS)):
        return None
    return str(term)[len(str(CKG._NS)):]


def _read_time(g: Graph, e: Node) -> TimeSpan:
    precision = _local_name(g.value(e, T("TimeSpan.precision"))) or "day"
    basis = _local_name(g.value(e, T("TimeSpan.basis"))) or "explicit"
    text = str(g.value(e, T("TimeSpan.text")) or "")
    earliest = _read_stamp(g.value(e, T("TimeSpan.earliest")), last=False)[0]
    latest = _read_stamp(g.value(e, T("TimeSpan.latest")), last=True)[0]
    single = g.value(e, T("TimeSpan.start.single"))
    begin = single if single is not None else g.value(e, T("TimeSpan.start"))
    end = single if single is not None else g.value(e, T("TimeSpan.end"))
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
    ident = id_of(a, "actor") or str(a)
    kind = g.value(a, T("Actor.type"))
    same = [str(x) for x in g.objects(a, T("Actor.wikidata")) if str(x).startswith(WIKIDATA)]
    return Actor(
        id=ident, name=str(g.value(a, T("Actor.name")) or ident),
        type=_notation(g, kind, "other"),  # type: ignore[arg-type]
        aliases=tuple(sorted(str(x) for x in g.objects(a, T("Actor.aliases")))),
        affiliation=id_of(g.value(a, T("Actor.affiliation")), "actor"),
        wikidata=min(same)[len(WIKIDATA):] if same else None,
    )


def _read_place(g: Graph, p: Node) -> Place:
    ident = id_of(p, "place") or str(p)
    kind = g.value(p, T("Place.type"))
    lat, lon = g.value(p, T("Place.lat")), g.value(p, T("Place.lon"))
    geonames = g.value(p, T("Place.geonames"))
    wikidata = [str(x) for x in g.objects(p, T("Place.wikidata")) if str(x).startswith(WIKIDATA)]
    if geonames is None:
        found = [m for x in g.objects(p, T("Place.wikidata")) if (m := GEONAMES.fullmatch(str(x)))]
        geonames = Literal(int(found[0].group(1))) if found else None
    return Place(
        id=ident, name=str(g.value(p, T("Place.name")) or ident),
        type=_notation(g, kind, "other"),  # type: ignore[arg-type]
        aliases=tuple(sorted(str(x) for x in g.objects(p, T("Place.aliases")))),
        country=id_of(g.value(p, T("Place.country")), "place"),
        lat=float(lat) if isinstance(lat, Literal) else None,
        lon=float(lon) if isinstance(lon, Literal) else None,
        geonames=int(geonames) if isinstance(geonames, Literal) else None,
        wikidata=min(wikidata)[len(WIKIDATA):] if wikidata else None,
    )


def _notation(g: Graph, concept: Node | None, default: str) -> str:
    value = g.value(concept, SKOS.notation) if concept is not None else None
    return str(value) if value is not None else default


def _read_evidence(g: Graph, node: Node) -> Evidence:
    art = g.value(node, T("Evidence.article_id"))
    issued = g.value(art, T("Evidence.published")) if art is not None else None
    url = g.value(art, T("Evidence.url")) if art is not None else None
    title = g.value(art, T("Evidence.title")) if art is not None else None
    start, end = g.value(node, T("Evidence.start")), g.value(node, T("Evidence.end"))
    return Evidence(
        article_id=id_of(art, "article") or "", sentence=str(g.value(node, T("Evidence.sentence")) or ""),
        start=int(start) if isinstance(start, Literal) else 0,
        end=int(end) if isinstance(end, Literal) else 0,
        trigger=str(g.value(node, T("Evidence.trigger")) or ""),
        reason=str(g.value(node, T("Evidence.reason")) or ""),
        url=str(url) if url is not None else None,
        title=str(title) if title is not None else None,
        published=dt.date.fromisoformat(str(issued)) if issued is not None else None,
    )



def as_read(ev: Event, actors: Mapping[str, Actor], places: Mapping[str, Place],
            articles: Mapping[str, Evidence]) -> Event:
    """``ev`` as :func:`events_from_rdf` reads it back from an export whose actors, places and
    articles are described by the records ``actors``, ``places`` and ``articles`` (those the
    writer folded: :class:`kg.export.rdf.Shared`), without writing or parsing any RDF."""
    from kg.codebook import lookup
    from kg.export.rdf import _decimal
    from kg.export.rdf_terms import CONFIDENCE_TERMS, LINK_RELATIONS

    code = lookup(ev.cameo)

    def people(xs: Iterable[Actor]) -> tuple[Actor, ...]:
        found = {_iri_key("actor", x.id): x.id for x in xs}
        return tuple(_actor_as_read(actors[found[k]]) for k in sorted(found))

    found_places = {_iri_key("place", p.id): p.id for p in ev.places}
    # an evidence node's IRI is made of these four, one to one
    evidence = {(e.article_id, e.start, e.end, e.trigger): e for e in ev.evidence}
    names = dict(ev.field_confidence)
    return Event(
        id=ev.id, cameo=code.code, label=ev.label if ev.label.strip() else code.name,
        time=_time_as_read(ev.time),
        sources=people(ev.sources), targets=people(ev.targets),
        places=tuple(_place_as_read(places[found_places[k]]) for k in sorted(found_places)),
        modality=ev.modality, claimed_by=people(ev.claimed_by),
        confidence=float(_decimal(ev.confidence).toPython()),
        field_confidence=tuple((n, float(_decimal(names[n]).toPython())) for n in CONFIDENCE_TERMS if n in names),
        evidence=tuple(sorted((_evidence_as_read(e, articles[e.article_id]) for e in evidence.values()),
                              key=lambda x: (x.article_id, x.start, x.end, x.trigger))),
        links=tuple(sorted({(r, o) for r, o in ev.links if r in LINK_RELATIONS})),
    )


@functools.lru_cache(maxsize=65536)
def _iri_key(kind: str, ident: str) -> str:
    return str(actor_iri(ident) if kind == "actor" else place_iri(ident))


@functools.lru_cache(maxsize=65536)
def _time_as_read(t: TimeSpan) -> TimeSpan:
    from kg.export.rdf import _time_stamps

    if t.start is None:
        return TimeSpan(None, None, "unknown", "unknown", t.text, earliest=t.earliest or None,
                        latest=t.latest or None)
    by = dict(_time_stamps(t))
    single = by.get(T("TimeSpan.start.single"))
    begin = single if single is not None else by.get(T("TimeSpan.start"))
    end = single if single is not None else by.get(T("TimeSpan.end"))
    start, start_time = _read_stamp(begin, last=False)
    stop, end_time = _read_stamp(end if end is not None else begin, last=True)
    if single is not None:
        end_time = None
    return TimeSpan(start, stop, t.precision, t.basis, t.text, start_time, end_time,
                    t.earliest or None, t.latest or None)


@functools.lru_cache(maxsize=65536)
def _actor_as_read(a: Actor) -> Actor:
    from kg.export.rdf import _humanize
    from kg.export.rdf_terms import QID

    return Actor(id=a.id, name=a.name if a.name.strip() else _humanize(a.id), type=a.type,
                 aliases=tuple(sorted(set(a.aliases))),
                 affiliation=a.affiliation if a.affiliation and a.affiliation != a.id else None,
                 wikidata=a.wikidata if a.wikidata and QID.fullmatch(a.wikidata) else None)


@functools.lru_cache(maxsize=65536)
def _place_as_read(p: Place) -> Place:
    from kg.export.rdf import _decimal, _humanize
    from kg.export.rdf_terms import QID

    coords = p.lat is not None and p.lon is not None
    return Place(id=p.id, name=p.name if p.name.strip() else _humanize(p.id), type=p.type,
                 aliases=tuple(sorted(set(p.aliases))),
                 country=p.country if p.country and p.country != p.id else None,
                 lat=float(_decimal(p.lat).toPython()) if coords else None,  # type: ignore[arg-type]
                 lon=float(_decimal(p.lon).toPython()) if coords else None,  # type: ignore[arg-type]
                 geonames=int(p.geonames) if p.geonames else None,
                 wikidata=p.wikidata if p.wikidata and QID.fullmatch(p.wikidata) else None)


@functools.lru_cache(maxsize=65536)
def _evidence_as_read(e: Evidence, article: Evidence) -> Evidence:
    from kg.export.rdf import _url_term

    return Evidence(article_id=e.article_id, sentence=e.sentence, start=e.start, end=e.end,
                    trigger=e.trigger or "", reason=e.reason or "",
                    url=str(_url_term(article.url)) if article.url else None,
                    title=article.title if article.title else None, published=article.published)
