"""The one table from the model to RDF: each record field (and each link relation and field
confidence) and the term that states it, and the IRIs made from record ids.

Python names are snake_case and are the model's own (``Event.sources``, the relation
``"outcome_of"``, the confidence field ``"sources"``); RDF terms are camelCase (``ckg:sourceActor``,
``ckg:outcomeOf``, ``ckg:sourcesConfidence``). kg.export.rdf writes with this table and
kg.export.rdf_read reads back with it; tests/test_terms.py checks that every ``ckg:`` term an
export uses is in it exactly once and that every model field has a row.
"""
from __future__ import annotations

import re
from types import MappingProxyType
from urllib.parse import quote, unquote

from rdflib import Namespace, URIRef
from rdflib.term import Node

from kg.errors import ExportError
from kg.model import Evidence
from kg.vocab import BASE, CKG, DCTERMS, ID, OWL, PROV, RDFS, SEM, SKOS, WGS84

__all__ = ["TERMS", "LINK_TERMS", "CONFIDENCE_TERMS", "LINK_RELATIONS", "term", "event_iri",
           "actor_iri", "place_iri", "article_iri", "evidence_iri", "local_iri", "id_of"]

# "Record.field" (or "Record.field.part" for a field several terms state, or a link relation /
# confidence field name after "Event.links." / "Event.field_confidence.") -> the term.
_TABLE: dict[str, URIRef] = {
    "Event.id": SEM.Event, "Event.label": RDFS.label,
    "Event.cameo": SEM.eventType, "Event.cameo.plover": CKG.plover,
    "Event.cameo.goldstein": CKG.goldstein, "Event.cameo.quad_class": CKG.quadClass,
    "Event.sources": CKG.sourceActor, "Event.targets": CKG.targetActor,
    "Event.sources.actor": SEM.hasActor,  # also stated for every target
    "Event.places": SEM.hasPlace, "Event.modality": CKG.modality,
    "Event.claimed_by": SEM.accordingTo, "Event.claimed_by.claim": CKG.Claim,
    "Event.claimed_by.about": CKG.claimAbout, "Event.claimed_by.view": SEM.View,
    "Event.confidence": CKG.confidence,
    "Event.evidence": CKG.evidence, "Event.evidence.article": PROV.wasDerivedFrom,
    "Event.evidence.article_count": CKG.articleCount,
    "Event.links.violates": CKG.violates, "Event.links.ends": CKG.ends,
    "Event.links.outcome_of": CKG.outcomeOf, "Event.links.schedules": CKG.schedules,
    "Event.links.accusation_about": CKG.accusationAbout,
    "Event.field_confidence.type": CKG.typeConfidence,
    "Event.field_confidence.time": CKG.timeConfidence,
    "Event.field_confidence.sources": CKG.sourcesConfidence,
    "Event.field_confidence.targets": CKG.targetsConfidence,
    "Event.field_confidence.places": CKG.placesConfidence,
    "TimeSpan.start": SEM.hasBeginTimeStamp, "TimeSpan.end": SEM.hasEndTimeStamp,
    "TimeSpan.start.single": SEM.hasTimeStamp,  # start and end on one stamp
    "TimeSpan.start_time": SEM.hasBeginTimeStamp, "TimeSpan.end_time": SEM.hasEndTimeStamp,
    "TimeSpan.precision": CKG.datePrecision, "TimeSpan.basis": CKG.dateBasis,
    "TimeSpan.text": CKG.timeExpression,
    "TimeSpan.earliest": SEM.hasEarliestBeginTimeStamp, "TimeSpan.latest": SEM.hasLatestEndTimeStamp,
    "Actor.id": SEM.Actor, "Actor.name": RDFS.label, "Actor.type": SEM.actorType,
    "Actor.aliases": SKOS.altLabel, "Actor.affiliation": CKG.affiliation, "Actor.wikidata": OWL.sameAs,
    "Place.id": SEM.Place, "Place.name": RDFS.label, "Place.type": SEM.placeType,
    "Place.aliases": SKOS.altLabel, "Place.country": CKG.country, "Place.lat": WGS84.lat,
    "Place.lon": WGS84.long, "Place.geonames": CKG.geonamesId, "Place.wikidata": OWL.sameAs,
    "Evidence": CKG.Evidence, "Evidence.article_id": CKG.inArticle, "Evidence.sentence": CKG.sentence,
    "Evidence.start": CKG.startOffset, "Evidence.end": CKG.endOffset,
    "Evidence.trigger": CKG.trigger, "Evidence.reason": CKG.mergeReason,
    "Evidence.url": DCTERMS.source, "Evidence.title": DCTERMS.title,
    "Evidence.published": DCTERMS.issued, "Evidence.article_id.article": CKG.Article,
}
TERMS: MappingProxyType[str, URIRef] = MappingProxyType(_TABLE)


def _part(prefix: str) -> dict[str, URIRef]:
    return {k[len(prefix):]: v for k, v in _TABLE.items() if k.startswith(prefix)}


# Event.links relation -> its property; Event.field_confidence name -> its property
LINK_TERMS: MappingProxyType[str, URIRef] = MappingProxyType(_part("Event.links."))
CONFIDENCE_TERMS: MappingProxyType[str, URIRef] = MappingProxyType(_part("Event.field_confidence."))
LINK_RELATIONS: tuple[str, ...] = tuple(LINK_TERMS)


def term(key: str) -> URIRef:
    """The term of one table row, e.g. ``term("Event.sources")`` is ``ckg:sourceActor``."""
    return _TABLE[key]


ACTOR_TYPE = Namespace(BASE + "actor-type/")
PLACE_TYPE = Namespace(BASE + "place-type/")
WIKIDATA = "http://www.wikidata.org/entity/"
GEONAMES = re.compile(r"https://sws\.geonames\.org/(\d+)/")
QID = re.compile(r"Q[1-9]\d*")


# --- IRIs --------------------------------------------------------------------------------------

def local_iri(kind: str, ident: str) -> URIRef:
    if not ident:
        raise ExportError(f"empty id for a {kind} IRI: every record needs an id to get a "
                          f"stable IRI")
    return ID[f"{kind}/{quote(ident, safe='')}"]


def event_iri(event_id: str) -> URIRef:
    """The IRI of an event: ``id:event/<percent-encoded id>``."""
    return local_iri("event", event_id)


def actor_iri(actor_id: str) -> URIRef:
    """The IRI of an actor: ``id:actor/<percent-encoded id>``."""
    return local_iri("actor", actor_id)


def place_iri(place_id: str) -> URIRef:
    """The IRI of a place: ``id:place/<percent-encoded id>``."""
    return local_iri("place", place_id)


def article_iri(article_id: str) -> URIRef:
    """The IRI of an article: ``id:article/<percent-encoded id>``."""
    return local_iri("article", article_id)


def evidence_iri(ev: Evidence) -> URIRef:
    tail = f"/{quote(ev.trigger, safe='')}" if ev.trigger else ""
    return ID[f"evidence/{quote(ev.article_id, safe='')}/{ev.start}-{ev.end}{tail}"]


def id_of(iri: Node | None, kind: str) -> str | None:
    prefix = str(ID) + kind + "/"
    if iri is None or not str(iri).startswith(prefix):
        return None
    return unquote(str(iri)[len(prefix):])

