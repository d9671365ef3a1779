"""The RDF vocabularies conflict-kg speaks: standard ones first (SEM, PROV, SKOS, OWL-Time,
GeoSPARQL, WGS84, Dublin Core), and our own few terms, closed so that a typo fails.

Our own terms are defined once, in ontology/conflict-kg.ttl; ``CKG`` below must list exactly
those (tests/test_ontology.py checks both directions).
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD, DefinedNamespace

__all__ = ["SEM", "CKG", "GEO", "WGS84", "PROV", "SKOS", "DCTERMS", "OWL", "RDF", "RDFS", "TIME",
           "XSD", "SH", "BASE", "ID", "CAMEO", "PLOVER", "PREFIXES"]

BASE = "https://w3id.org/conflict-kg/"
ID = Namespace(BASE + "id/")  # data: events, actors, places, articles, evidence
CAMEO = Namespace(BASE + "cameo/")  # SKOS concepts, one per CAMEO code
PLOVER = Namespace(BASE + "plover/")  # SKOS concepts, one per PLOVER category and mode
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
WGS84 = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
SH = Namespace("http://www.w3.org/ns/shacl#")


class SEM(DefinedNamespace):
    """Simple Event Model (van Hage et al. 2011), the terms we use."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True

    Event: URIRef
    Actor: URIRef
    Place: URIRef
    EventType: URIRef
    ActorType: URIRef
    PlaceType: URIRef
    View: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTime: URIRef
    hasTimeStamp: URIRef
    hasBeginTimeStamp: URIRef
    hasEndTimeStamp: URIRef
    hasEarliestBeginTimeStamp: URIRef
    hasLatestBeginTimeStamp: URIRef
    hasEarliestEndTimeStamp: URIRef
    hasLatestEndTimeStamp: URIRef
    eventType: URIRef
    actorType: URIRef
    placeType: URIRef
    hasSubEvent: URIRef
    subEventOf: URIRef
    accordingTo: URIRef
    roleType: URIRef


class CKG(DefinedNamespace):
    """conflict-kg's own terms (ontology/conflict-kg.ttl)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Article: URIRef
    Evidence: URIRef
    Claim: URIRef
    Modality: URIRef
    DateBasis: URIRef
    DatePrecision: URIRef
    # event roles (sub-properties of sem:hasActor)
    sourceActor: URIRef
    targetActor: URIRef
    # event qualities
    modality: URIRef
    dateBasis: URIRef
    datePrecision: URIRef
    timeExpression: URIRef
    confidence: URIRef
    typeConfidence: URIRef
    timeConfidence: URIRef
    sourcesConfidence: URIRef
    targetsConfidence: URIRef
    placesConfidence: URIRef
    plover: URIRef
    quadClass: URIRef
    goldstein: URIRef
    articleCount: URIRef
    # actors and places
    affiliation: URIRef
    country: URIRef
    geonamesId: URIRef
    # evidence
    evidence: URIRef
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    trigger: URIRef
    mergeReason: URIRef
    inArticle: URIRef
    # lifecycle links between events
    violates: URIRef
    ends: URIRef
    outcomeOf: URIRef
    schedules: URIRef
    accusationAbout: URIRef
    # claims
    claimAbout: URIRef
    # modality and basis individuals
    asserted: URIRef
    planned: URIRef
    conditional: URIRef
    negated: URIRef
    explicit: URIRef
    relative: URIRef
    publication: URIRef
    unknown: URIRef  # both a DateBasis and a DatePrecision
    # date precision individuals (ckg:unknown above is shared)
    minute: URIRef
    hour: URIRef
    day: URIRef
    week: URIRef
    month: URIRef
    year: URIRef


PREFIXES: dict[str, str] = {
    "sem": str(SEM._NS), "ckg": str(CKG._NS), "id": str(ID), "cameo": str(CAMEO),
    "plover": str(PLOVER), "prov": str(PROV), "skos": str(SKOS), "dcterms": str(DCTERMS),
    "owl": str(OWL), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "time": str(TIME),
    "geo": str(GEO), "wgs84": str(WGS84),
}
