"""The RDF export answers DESIGN.md's contract with no inference, round-trips, writes atomically,
survives any text, and passes the SHACL shapes (a broken export gets readable violations)."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.codebook import lookup
from kg.errors import ExportError, InputError, ValidationError
from kg.export.rdf import (FORMATS, actor_iri, article_iri, event_iri, events_from_rdf, place_iri,
                           to_rdf, write_rdf)
from kg.model import Actor, Event, Evidence, Place, TimeSpan
from kg.validate import validate, validate_files
from kg.vocab import CAMEO, CKG, GEO, ID, PLOVER, SEM, WGS84

D = dt.date
# a plain Namespace: rdflib's XSD warns when pytest probes the test module's attributes
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

# --- hand-built records, in the style of wire reports on several conflicts -------------------

SUDAN = Actor("sudan", "Sudan", "country", ("Khartoum",), wikidata="Q1049")
SAF = Actor("sudanese-armed-forces", "Sudanese Armed Forces", "armed_forces", ("SAF", "the army"),
            affiliation="sudan")
RSF = Actor("rapid-support-forces", "Rapid Support Forces", "armed_group", ("RSF",),
            affiliation="sudan", wikidata="Q7293919")
AZERBAIJAN = Actor("azerbaijan", "Azerbaijan", "country", ("Baku",), wikidata="Q227")
ARMENIA = Actor("armenia", "Armenia", "country", ("Yerevan",), wikidata="Q399")
USA = Actor("united_states", "United States", "country", ("Washington", "the U.S."),
            wikidata="Q30")
NIGER = Actor("niger", "Niger", "country", ("Niamey",))
QATAR = Actor("qatar", "Qatar", "country", ("Doha",), wikidata="Q846")
ISRAEL = Actor("israel", "Israel", "country", ())
HAMAS = Actor("hamas", "Hamas", "armed_group", ())
ELN = Actor("eln", "National Liberation Army", "armed_group", ("ELN",), affiliation="colombia")
COLOMBIA = Actor("colombia", "Colombia", "government", ("Bogota",))

JEDDAH = Place("jeddah", "Jeddah", "city", ("Jiddah",), "saudi-arabia", 21.54238, 39.19797,
               105343, "Q374365")
KHARTOUM = Place("khartoum", "Khartoum", "city", (), "sudan", 15.55177, 32.53241, 379252)
DOHA = Place("doha", "Doha", "city", (), "qatar", 25.28545, 51.53096)
TAVUSH = Place("tavush", "Tavush", "region", ("Tavush province",), "armenia")

A_SUDAN = Evidence("reuters-2023-05-20", "The Sudanese army and the Rapid Support Forces agreed "
                   "to a seven-day ceasefire, Saudi and U.S. mediators said in a statement.",
                   0, 118, "ceasefire", "https://example.com/world/africa/sudan-truce",
                   "Sudan's warring sides agree week-long truce", D(2023, 5, 20))
A_SUDAN_AP = Evidence("ap-sudan-0521", "A week-long truce brokered in Jeddah is due to begin "
                      "on Monday evening.", 412, 480, "truce", "not a url: ap wire #4512",
                      "Truce talks", D(2023, 5, 21))
A_SHELL = Evidence("afp-khartoum-0523", "Artillery fire shook southern Khartoum at 7:30 a.m. "
                   "on Tuesday, residents said, hours into the truce.", 96, 190, "Artillery fire",
                   None, None, D(2023, 5, 23))
A_CAUCASUS = Evidence("caucasus-wire-17", "Baku accused Yerevan of opening fire on its positions "
                      "earlier this month, a charge Armenia denied.", 0, 102, "accused",
                      "https://example.org/caucasus?id=17&lang=en", "Baku, Yerevan trade blame",
                      D(2024, 3, 18))
A_NIGER = Evidence("niger-0316", "Washington last week threatened to halt security assistance "
                   "to Niamey unless it set out a return to civilian rule.", 1200, 1315,
                   "threatened", "https://example.net/niger", "U.S. warns Niger", D(2024, 3, 16))
A_GAZA = Evidence("gaza-talks-9", 'Negotiators "will meet in Doha on Wednesday",\n\tan official '
                  "said <b>on condition</b> of anonymity \u2014 \u00e9l \U0001F54A.", 33, 150,
                  "meet", "https://example.com/mideast/doha?q=\"talks\"", "Doha talks",
                  D(2024, 2, 5))
A_ELN = Evidence("bogota-2023", "The ELN has carried out attacks across the country this year.",
                 5, 66, "attacks", None, "Colombia year in review", D(2023, 12, 30))

TRUCE = Event("sudan-truce-2023-05", "0871", "Sudan's army and RSF agree seven-day truce",
              TimeSpan(D(2023, 5, 22), D(2023, 5, 29), "day", "explicit", "from Monday",
                       dt.time(21, 45), None),
              sources=(RSF, SAF), targets=(), places=(JEDDAH,), confidence=0.9,
              evidence=(A_SUDAN_AP, A_SUDAN))
SHELLING = Event("khartoum-shelling-0523", "196", "Artillery fire in Khartoum breaks truce",
                 TimeSpan(D(2023, 5, 23), D(2023, 5, 23), "minute", "relative", "on Tuesday",
                          dt.time(7, 30)),
                 sources=(SAF,), targets=(RSF,), places=(KHARTOUM,), confidence=0.7,
                 evidence=(A_SHELL,), links=(("violates", "sudan-truce-2023-05"),),
                 field_confidence=(("type", 0.8), ("time", 0.75), ("sources", 0.85),
                                   ("targets", 0.6), ("places", 0.85)))
ACCUSATION = Event("baku-accuses-yerevan", "112", "Azerbaijan accuses Armenia of firing",
                   TimeSpan(D(2024, 3, 18), D(2024, 3, 18), "day", "publication"),
                   sources=(AZERBAIJAN,), targets=(ARMENIA,), evidence=(A_CAUCASUS,),
                   links=(("accusation_about", "tavush-firing-2024-03"),))
FIRING = Event("tavush-firing-2024-03", "190", "Armenian fire on Azerbaijani positions",
               TimeSpan(D(2024, 3, 1), D(2024, 3, 31), "month", "relative", "earlier this month",
                        earliest=D(2024, 3, 1), latest=D(2024, 3, 17)),
               sources=(ARMENIA,), targets=(AZERBAIJAN,), places=(TAVUSH,),
               claimed_by=(AZERBAIJAN,), confidence=0.4, evidence=(A_CAUCASUS,))
THREAT = Event("us-niger-aid-threat", "1311", "U.S. threatens to halt aid to Niger",
               TimeSpan(D(2024, 3, 4), D(2024, 3, 10), "week", "relative", "last week"),
               sources=(USA,), targets=(NIGER,), evidence=(A_NIGER,))
TALKS = Event("doha talks/2024-02-07?", "044", 'Israel-Hamas talks "in Doha" planned',
              TimeSpan(D(2024, 2, 7), D(2024, 2, 7), "day", "relative", "on Wednesday"),
              sources=(ISRAEL,), targets=(HAMAS, QATAR), places=(DOHA,), modality="planned",
              evidence=(A_GAZA,))
ATTACKS = Event("eln-attacks-2023", "19", "ELN attacks across Colombia",
                TimeSpan(D(2023, 1, 1), D(2023, 12, 31), "year", "relative", "this year"),
                sources=(ELN,), targets=(COLOMBIA,), evidence=(A_ELN,))
NO_DEAL = Event("no-peace-deal", "057", "No peace deal signed", TimeSpan.unknown(),
                sources=(ELN,), targets=(COLOMBIA,), modality="negated", evidence=(A_ELN,))

EVENTS = (TRUCE, SHELLING, ACCUSATION, FIRING, THREAT, TALKS, ATTACKS, NO_DEAL)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return to_rdf(EVENTS)


def _one(g: Graph, s, p):
    values = list(g.objects(s, p))
    assert len(values) == 1, (s, p, values)
    return values[0]


# --- events --------------------------------------------------------------------------------------

@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.id)
def test_every_event_is_a_sem_event_with_label_type_and_codes(graph, event):
    e = event_iri(event.id)
    code = lookup(event.cameo)
    assert (e, RDF.type, SEM.Event) in graph
    assert str(_one(graph, e, RDFS.label)) == event.label
    assert (e, SEM.eventType, CAMEO[code.code]) in graph
    assert float(_one(graph, e, CKG.goldstein)) == code.goldstein
    assert _one(graph, e, CKG.goldstein).datatype == XSD.decimal
    assert int(_one(graph, e, CKG.quadClass)) == code.quad_class
    assert str(graph.value(_one(graph, e, CKG.plover), SKOS.notation)) == code.plover
    assert _one(graph, e, CKG.modality) == CKG[event.modality]
    assert float(_one(graph, e, CKG.confidence)) == event.confidence


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.id)
def test_both_roles_are_also_sem_has_actor(graph, event):
    e = event_iri(event.id)
    participants = {actor_iri(a.id) for a in (*event.sources, *event.targets)}
    assert set(graph.objects(e, CKG.sourceActor)) == {actor_iri(a.id) for a in event.sources}
    assert set(graph.objects(e, CKG.targetActor)) == {actor_iri(a.id) for a in event.targets}
    assert set(graph.objects(e, SEM.hasActor)) == participants


CAMEO_ROOT_QUERY = """
SELECT ?event ?notation ?root WHERE {
    ?event a sem:Event ; sem:eventType ?type .
    ?type skos:inScheme cameo:scheme ; skos:notation ?notation ; skos:broader* ?top .
    ?top skos:topConceptOf cameo:scheme ; skos:notation ?root .
}"""


def test_cameo_notation_and_root_are_found_from_the_export_alone(graph):
    rows = {(str(r.event), str(r.notation), str(r.root))
            for r in graph.query(CAMEO_ROOT_QUERY, initNs={"sem": SEM._NS, "skos": SKOS,
                                                           "cameo": CAMEO})}
    assert rows == {(str(event_iri(e.id)), e.cameo, e.cameo[:2]) for e in EVENTS}


def test_every_concept_in_the_export_has_notation_label_and_scheme(graph):
    for concept in set(graph.objects(None, SEM.eventType)) | set(graph.objects(None, SKOS.broader)):
        assert graph.value(concept, SKOS.notation) is not None, concept
        assert graph.value(concept, SKOS.prefLabel) is not None, concept
        assert graph.value(concept, SKOS.inScheme) is not None, concept


@pytest.mark.parametrize("event, concept", [
    (TRUCE, "RETREAT-ceasefire"), (TALKS, "CONSULT-third-party"), (SHELLING, "ASSAULT"),
    (THREAT, "THREATEN-relations"),
])
def test_plover_category_and_mode_are_event_types_too(graph, event, concept):
    assert (event_iri(event.id), SEM.eventType, PLOVER[concept]) in graph
    assert (PLOVER[concept], SKOS.notation, Literal(concept.replace("-", ":", 1))) in graph


# --- time ----------------------------------------------------------------------------------------

def _stamp_event(span: TimeSpan) -> Graph:
    return to_rdf([Event("t", "190", "fighting", span, evidence=(A_SHELL,))])


TIME_TABLE = [
    ("one day", TimeSpan(D(2024, 5, 4), D(2024, 5, 4)),
     {SEM.hasTimeStamp: ("2024-05-04", XSD.date)}),
    ("several days", TimeSpan(D(2024, 5, 4), D(2024, 5, 6)),
     {SEM.hasBeginTimeStamp: ("2024-05-04", XSD.date), SEM.hasEndTimeStamp: ("2024-05-06", XSD.date)}),
    ("a clock time", TimeSpan(D(2024, 5, 4), D(2024, 5, 4), "minute", start_time=dt.time(5, 10)),
     {SEM.hasTimeStamp: ("2024-05-04T05:10:00", XSD.dateTime)}),
    ("two clock times", TimeSpan(D(2024, 5, 4), D(2024, 5, 5), "hour", start_time=dt.time(18),
                                 end_time=dt.time(6)),
     {SEM.hasBeginTimeStamp: ("2024-05-04T18:00:00", XSD.dateTime),
      SEM.hasEndTimeStamp: ("2024-05-05T06:00:00", XSD.dateTime)}),
    ("a week", TimeSpan(D(2024, 4, 29), D(2024, 5, 5), "week"),
     {SEM.hasBeginTimeStamp: ("2024-04-29", XSD.date), SEM.hasEndTimeStamp: ("2024-05-05", XSD.date)}),
    ("a month", TimeSpan(D(2024, 5, 1), D(2024, 5, 31), "month"),
     {SEM.hasTimeStamp: ("2024-05", XSD.gYearMonth)}),
    ("two months", TimeSpan(D(2024, 4, 1), D(2024, 5, 31), "month"),
     {SEM.hasBeginTimeStamp: ("2024-04", XSD.gYearMonth), SEM.hasEndTimeStamp: ("2024-05", XSD.gYearMonth)}),
    ("a year", TimeSpan(D(2022, 1, 1), D(2022, 12, 31), "year"),
     {SEM.hasTimeStamp: ("2022", XSD.gYear)}),
    ("bounds", TimeSpan(D(2024, 5, 1), D(2024, 5, 31), "month", earliest=D(2024, 5, 1),
                        latest=D(2024, 5, 19)),
     {SEM.hasTimeStamp: ("2024-05", XSD.gYearMonth),
      SEM.hasEarliestBeginTimeStamp: ("2024-05-01", XSD.date),
      SEM.hasLatestEndTimeStamp: ("2024-05-19", XSD.date)}),
    ("unknown", TimeSpan.unknown("some time ago"), {}),
]
STAMPS = (SEM.hasTimeStamp, SEM.hasBeginTimeStamp, SEM.hasEndTimeStamp,
          SEM.hasEarliestBeginTimeStamp, SEM.hasLatestEndTimeStamp)


@pytest.mark.parametrize("span, expected", [(s, e) for _, s, e in TIME_TABLE],
                         ids=[n for n, _, _ in TIME_TABLE])
def test_timestamps_are_typed_by_precision(span, expected):
    g = _stamp_event(span)
    e = event_iri("t")
    found = {p: (str(o), o.datatype) for p in STAMPS for o in g.objects(e, p)}
    assert found == expected
    assert _one(g, e, CKG.datePrecision) == CKG[span.precision]


def test_unknown_date_has_basis_unknown_and_keeps_its_expression():
    g = _stamp_event(TimeSpan.unknown("some time ago"))
    e = event_iri("t")
    assert _one(g, e, CKG.dateBasis) == CKG.unknown
    assert str(_one(g, e, CKG.timeExpression)) == "some time ago"


# --- actors and places ---------------------------------------------------------------------------

def test_actors_have_labels_aliases_types_and_affiliation(graph):
    rsf = actor_iri(RSF.id)
    assert (rsf, RDF.type, SEM.Actor) in graph
    assert str(_one(graph, rsf, RDFS.label)) == "Rapid Support Forces"
    assert set(graph.objects(rsf, SKOS.altLabel)) == {Literal("RSF")}
    assert str(graph.value(_one(graph, rsf, SEM.actorType), SKOS.notation)) == "armed_group"
    assert _one(graph, rsf, CKG.affiliation) == actor_iri("sudan")


def test_actor_and_place_type_concepts_are_those_of_the_ontology(graph):
    ontology = Graph().parse(Path(__file__).resolve().parents[1] / "ontology" / "conflict-kg.ttl")
    concepts = set(graph.objects(None, SEM.actorType)) | set(graph.objects(None, SEM.placeType))
    assert len(concepts) >= 5
    for concept in concepts:
        about = set(graph.triples((concept, None, None)))
        assert about <= set(ontology), about - set(ontology)
        for prop in (SKOS.notation, SKOS.prefLabel, SKOS.inScheme):
            assert graph.value(concept, prop) is not None, (concept, prop)
        scheme = graph.value(concept, SKOS.inScheme)
        assert set(graph.triples((scheme, None, None))) <= set(ontology)


def test_same_as_wikidata_only_when_known(graph):
    assert set(graph.objects(actor_iri(RSF.id), OWL.sameAs)) == {
        URIRef("http://www.wikidata.org/entity/Q7293919")}
    assert set(graph.objects(actor_iri(SAF.id), OWL.sameAs)) == set()


def test_an_affiliation_that_is_not_a_participant_still_has_a_label(graph):
    assert (actor_iri("sudan"), RDF.type, SEM.Actor) in graph
    assert graph.value(actor_iri("sudan"), RDFS.label) is not None


def test_places_have_coordinates_wkt_geonames_and_country(graph):
    jeddah = place_iri("jeddah")
    assert (event_iri(TRUCE.id), SEM.hasPlace, jeddah) in graph
    assert (jeddah, RDF.type, SEM.Place) in graph
    assert str(_one(graph, jeddah, RDFS.label)) == "Jeddah"
    assert set(graph.objects(jeddah, SKOS.altLabel)) == {Literal("Jiddah")}
    lat, lon = _one(graph, jeddah, WGS84.lat), _one(graph, jeddah, WGS84.long)
    assert (lat.datatype, lon.datatype) == (XSD.decimal, XSD.decimal)
    assert (float(lat), float(lon)) == (21.54238, 39.19797)
    wkt = _one(graph, _one(graph, jeddah, GEO.hasGeometry), GEO.asWKT)
    assert (str(wkt), wkt.datatype) == ("POINT(39.19797 21.54238)", GEO.wktLiteral)
    assert set(graph.objects(jeddah, OWL.sameAs)) == {
        URIRef("https://sws.geonames.org/105343/"), URIRef("http://www.wikidata.org/entity/Q374365")}
    assert _one(graph, jeddah, CKG.country) == place_iri("saudi-arabia")


def test_places_without_coordinates_or_ids_say_nothing_about_them(graph):
    tavush = place_iri("tavush")
    for prop in (WGS84.lat, WGS84.long, GEO.hasGeometry, OWL.sameAs):
        assert graph.value(tavush, prop) is None


# --- claims, provenance, links -------------------------------------------------------------------

def test_claims_are_views_according_to_the_claimant_and_the_event_stays_asserted(graph):
    e = event_iri(FIRING.id)
    views = [v for v in graph.subjects(CKG.claimAbout, e) if (v, RDF.type, SEM.View) in graph]
    assert len(views) == 1
    assert set(graph.objects(views[0], SEM.accordingTo)) == {actor_iri("azerbaijan")}
    assert (e, RDF.type, SEM.Event) in graph
    assert not [v for v in graph.subjects(RDF.type, SEM.View)
                if (v, CKG.claimAbout, event_iri(TRUCE.id)) in graph]


def test_events_derive_from_their_articles_with_title_date_and_url(graph):
    e = event_iri(TRUCE.id)
    articles = set(graph.objects(e, PROV.wasDerivedFrom))
    assert articles == {article_iri(A_SUDAN.article_id), article_iri(A_SUDAN_AP.article_id)}
    art = article_iri(A_SUDAN.article_id)
    assert (art, RDF.type, CKG.Article) in graph and (art, RDF.type, PROV.Entity) in graph
    assert str(_one(graph, art, DCTERMS.title)) == A_SUDAN.title
    assert _one(graph, art, DCTERMS.issued) == Literal("2023-05-20", datatype=XSD.date)
    assert _one(graph, art, DCTERMS.source) == URIRef(A_SUDAN.url)
    assert int(_one(graph, e, CKG.articleCount)) == 2


@pytest.mark.parametrize("url, kind", [
    ("https://example.com/a?b=1&c=2", URIRef), ("http://example.org/x", URIRef),
    ("not a url: ap wire #4512", Literal), ("ftp://example.org/file", Literal),
    ('https://example.com/doha?q="talks"', Literal), ("https://exa mple.com/", Literal),
    ("javascript:alert(1)", Literal),
])
def test_article_url_is_an_iri_only_when_it_is_a_valid_http_url(url, kind):
    evd = Evidence("art", "A sentence.", 0, 11, url=url)
    g = to_rdf([Event("u", "190", "x", TimeSpan.unknown(), evidence=(evd,))])
    value = _one(g, article_iri("art"), DCTERMS.source)
    assert isinstance(value, kind) and str(value) == url


def test_evidence_keeps_sentence_offsets_trigger_and_article(graph):
    nodes = list(graph.objects(event_iri(SHELLING.id), CKG.evidence))
    assert len(nodes) == 1
    node = nodes[0]
    assert (node, RDF.type, CKG.Evidence) in graph
    assert str(_one(graph, node, CKG.sentence)) == A_SHELL.sentence
    assert (int(_one(graph, node, CKG.startOffset)), int(_one(graph, node, CKG.endOffset))) == (96, 190)
    assert str(_one(graph, node, CKG.trigger)) == "Artillery fire"
    assert _one(graph, node, CKG.inArticle) == article_iri(A_SHELL.article_id)


@pytest.mark.parametrize("event, relation, other", [
    (SHELLING, CKG.violates, TRUCE), (ACCUSATION, CKG.accusationAbout, FIRING),
])
def test_lifecycle_links_point_to_the_other_event(graph, event, relation, other):
    assert (event_iri(event.id), relation, event_iri(other.id)) in graph


# --- IRIs and prefixes ---------------------------------------------------------------------------

def test_iris_are_the_same_on_every_run():
    assert set(to_rdf(EVENTS)) == set(to_rdf(reversed(EVENTS)))


def test_turtle_bytes_are_the_same_across_processes(tmp_path):
    script = ("import sys; sys.path.insert(0, %r); import test_rdf_export as t; "
              "from kg.export.rdf import to_rdf; "
              "sys.stdout.write(to_rdf(t.EVENTS).serialize(format='turtle'))"
              % str(Path(__file__).parent))
    outs = {subprocess.run([sys.executable, "-c", script], check=True, capture_output=True,
                           text=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")}
    assert len(outs) == 1


@pytest.mark.parametrize("ident, tail", [
    ("doha talks/2024-02-07?", "event/doha%20talks%2F2024-02-07%3F"),
    ("e\u00e9<1>", "event/e%C3%A9%3C1%3E"),
    ("a\tb\nc", "event/a%09b%0Ac"),
    ("plain-id_1.2~x", "event/plain-id_1.2~x"),
])
def test_ids_are_percent_encoded_in_iris(ident, tail):
    assert str(event_iri(ident)) == str(ID) + tail


def test_only_used_prefixes_are_bound(graph):
    prefixes = {p for p, _ in graph.namespaces()}
    assert {"sem", "ckg", "skos", "prov", "cameo", "plover", "xsd"} <= prefixes
    assert not prefixes & {"brick", "schema", "foaf", "dcat", "time", "sh", "sosa"}


@pytest.mark.parametrize("bad, message", [
    (Event("x1", "999", "?", TimeSpan.unknown()), "x1"),
    (Event("x2", "190", "?", TimeSpan.unknown(), links=(("precedes", "x1"),)), "precedes"),
    (Event("x3", "190", "?", TimeSpan.unknown(), modality="rumoured"), "rumoured"),  # type: ignore[arg-type]
    (Event("", "190", "?", TimeSpan.unknown()), "empty id"),
    (Event("x4", "190", "?", TimeSpan.unknown(), confidence=float("nan")), "finite"),
    (Event("x5", "190", "?", TimeSpan.unknown(), field_confidence=(("mood", 0.5),)), "mood"),
    (Event("x6", "190", "?", TimeSpan.unknown(), field_confidence=(("type", float("inf")),)), "finite"),
])
def test_records_outside_the_contract_raise_export_error(bad, message):
    with pytest.raises(ExportError, match=message):
        to_rdf([bad])


def test_two_different_events_with_one_id_raise_export_error():
    with pytest.raises(ExportError, match="share the id 'no-peace-deal'"):
        to_rdf([NO_DEAL, Event(**{**NO_DEAL.__dict__, "label": "another"})])
    assert len(to_rdf([NO_DEAL, NO_DEAL])) == len(to_rdf([NO_DEAL]))  # the same record twice is fine


# --- round trip and formats ----------------------------------------------------------------------

def test_round_trip_gives_an_isomorphic_graph(graph):
    assert isomorphic(to_rdf(events_from_rdf(graph)), graph)


def test_round_trip_gives_the_records_back():
    # the fixtures are already in the export's normal form (sorted tuples, whole months)
    back = {e.id: e for e in events_from_rdf(to_rdf(EVENTS))}
    for event in EVENTS:
        expected = event
        if event is TRUCE:
            expected = Event(**{**event.__dict__, "evidence": tuple(sorted(
                event.evidence, key=lambda x: (x.article_id, x.start)))})
        assert back[event.id] == expected


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_parses_back_in_rdflib_and_oxigraph(graph, tmp_path, fmt):
    path = write_rdf(graph, tmp_path / f"export.{fmt}", fmt)
    oxi = {"turtle": pyoxigraph.RdfFormat.TURTLE, "trig": pyoxigraph.RdfFormat.TRIG,
           "json-ld": pyoxigraph.RdfFormat.JSON_LD, "nt": pyoxigraph.RdfFormat.N_TRIPLES}[fmt]
    quads = list(pyoxigraph.parse(path=str(path), format=oxi))
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(graph)
    if fmt == "trig":
        ds = Dataset()
        ds.parse(path, format="trig")
        back = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            back.add((s, p, o))
    else:
        back = Graph().parse(path, format=fmt)
    assert isomorphic(back, graph)


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
@pytest.mark.parametrize("fmt, syntax", [("turtle", "turtle"), ("trig", "trig"),
                                          ("nt", "ntriples")])
def test_rapper_accepts_the_export(graph, tmp_path, fmt, syntax):
    path = write_rdf(graph, tmp_path / f"export.{fmt}", fmt)
    done = subprocess.run(["rapper", "-q", "-i", syntax, "-c", str(path)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr


def test_trig_has_one_named_graph_per_article(graph, tmp_path):
    path = write_rdf(graph, tmp_path / "export.trig", "trig")
    ds = Dataset()
    ds.parse(path, format="trig")
    names = {g.identifier for g in ds.graphs()} - {ds.default_graph.identifier}
    assert names == {article_iri(a.article_id) for e in EVENTS for a in e.evidence}
    sudan = ds.graph(article_iri(A_SUDAN.article_id))
    assert (event_iri(TRUCE.id), RDF.type, SEM.Event) in sudan
    assert (event_iri(SHELLING.id), RDF.type, SEM.Event) not in sudan


# --- writing -------------------------------------------------------------------------------------

def test_write_replaces_the_file_and_leaves_no_temporary_files(graph, tmp_path):
    target = tmp_path / "events.ttl"
    target.write_text("old")
    write_rdf(graph, target)
    assert isomorphic(Graph().parse(target, format="turtle"), graph)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.ttl"]


def test_a_failed_write_keeps_the_old_file(graph, tmp_path, monkeypatch):
    target = tmp_path / "events.ttl"
    target.write_text("old")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="No space left"):
        write_rdf(graph, target)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.ttl"]  # no temporary file left


def test_write_creates_missing_folders(graph, tmp_path):
    path = write_rdf(graph, tmp_path / "out" / "2024" / "events.nt", "nt")
    assert isomorphic(Graph().parse(path, format="nt"), graph)


@pytest.mark.parametrize("where, fmt, message", [
    ("a-file/events.ttl", "turtle", "cannot write"),
    ("events.xyz", "rdf/xml", "unknown RDF format"),
])
def test_write_errors_say_what_to_do(graph, tmp_path, where, fmt, message):
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(ExportError, match=message):
        write_rdf(graph, tmp_path / where, fmt)


# --- any text survives ---------------------------------------------------------------------------

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(label=_TEXT.filter(lambda s: s.strip()), sentence=_TEXT, alias=_TEXT)
def test_any_text_survives_a_turtle_round_trip(label, sentence, alias):
    actor = Actor("x", "X", "person", (alias,))
    event = Event("e", "190", label, TimeSpan.unknown(), sources=(actor,),
                  evidence=(Evidence("a", sentence, 0, len(sentence), title=label),))
    text = to_rdf([event]).serialize(format="turtle")
    back = Graph().parse(data=text, format="turtle")
    assert str(back.value(event_iri("e"), RDFS.label)) == label
    assert {str(o) for o in back.objects(None, CKG.sentence)} == {sentence}
    assert {str(o) for o in back.objects(actor_iri("x"), SKOS.altLabel)} == {alias}
    values = {q.object.value for q in pyoxigraph.parse(text.encode("utf-8"),
                                                      format=pyoxigraph.RdfFormat.TURTLE)
              if isinstance(q.object, pyoxigraph.Literal)}
    assert {label, sentence, alias} <= values


# --- SHACL -------------------------------------------------------------------------------------

def test_a_good_export_conforms(graph):
    report = validate(graph)
    assert report.conforms, report.violations
    assert report.violations == ()


def _broken(change) -> tuple[str, ...]:
    g = to_rdf(EVENTS)
    change(g)
    report = validate(g)
    assert not report.conforms
    return report.violations


@pytest.mark.parametrize("name, change, expected", [
    ("no label", lambda g: g.remove((event_iri(TRUCE.id), RDFS.label, None)),
     "event/sudan-truce-2023-05: missing rdfs:label (EventLabel)"),
    ("role not an actor", lambda g: g.remove((event_iri(SHELLING.id), SEM.hasActor,
                                              actor_iri(RSF.id))),
     "event/khartoum-shelling-0523: ckg:targetActor value actor/rapid-support-forces is not also "
     "a sem:hasActor value (RolesAreActors)"),
    ("second cameo type", lambda g: g.add((event_iri(THREAT.id), SEM.eventType, CAMEO["13"]))
     , "event/us-niger-aid-threat: needs exactly one sem:eventType that is a CAMEO concept"),
    ("no article", lambda g: g.remove((event_iri(ATTACKS.id), PROV.wasDerivedFrom, None)),
     "event/eln-attacks-2023: needs at least one prov:wasDerivedFrom"),
    ("string timestamp", lambda g: g.add((event_iri(NO_DEAL.id), SEM.hasTimeStamp,
                                          Literal("last spring"))),
     "event/no-peace-deal: sem:hasTimeStamp value"),
    ("bad modality", lambda g: g.set((event_iri(TALKS.id), CKG.modality, CKG.unknown)),
     "ckg:modality must be exactly one of"),
    ("latitude", lambda g: g.set((place_iri("jeddah"), WGS84.lat,
                                  Literal("121.5", datatype=XSD.decimal))),
     "place/jeddah: wgs84:lat must be one xsd:decimal from -90 to 90"),
    ("actor label", lambda g: g.remove((actor_iri("niger"), RDFS.label, None)),
     "actor/niger: missing rdfs:label (ActorLabel)"),
    ("field confidence", lambda g: g.set((event_iri(SHELLING.id), CKG.timeConfidence,
                                          Literal("1.5", datatype=XSD.decimal))),
     "ckg:timeConfidence must be at most one xsd:decimal from 0 to 1"),
])
def test_a_broken_export_gets_a_readable_violation(name, change, expected):
    violations = _broken(change)
    assert any(expected in v for v in violations), violations


def test_a_report_with_violations_raises_validation_error_naming_them():
    g = to_rdf(EVENTS)
    g.remove((event_iri(THREAT.id), RDFS.label, None))
    with pytest.raises(ValidationError, match="event/us-niger-aid-threat: missing rdfs:label"):
        validate(g).raise_for_violations("events.ttl")
    validate(to_rdf(EVENTS)).raise_for_violations()  # a good export raises nothing


# --- the documented queries work on an export, in rdflib and in Oxigraph ------------------------

def _readme_queries() -> list[str]:
    text = (Path(__file__).resolve().parents[1] / "ontology" / "README.md").read_text()
    return [block.split("```", 1)[0] for block in text.split("```sparql\n")[1:]]


@pytest.mark.parametrize("query", _readme_queries(), ids=lambda q: q.splitlines()[-2][:30])
def test_readme_queries_answer_on_an_export(graph, query):
    assert len(list(graph.query(query))) > 0
    store = pyoxigraph.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert len(list(store.query(query))) > 0


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
@pytest.mark.parametrize("fmt, syntax", [("turtle", "turtle"), ("trig", "trig"),
                                          ("nt", "ntriples")])
def test_rapper_accepts_control_characters_and_quotes_in_text(tmp_path, fmt, syntax):
    text = 'nul\x00 vt\x0b bell\x07 cr\r lf\n tab\t back\\slash q""" \u2028 \ufeff \U0001F54A'
    event = Event("e", "190", text, TimeSpan.unknown(), sources=(Actor("x", text),),
                  evidence=(Evidence("a", text, 0, 1, title=text),))
    path = write_rdf(to_rdf([event]), tmp_path / f"text.{fmt}", fmt)
    done = subprocess.run(["rapper", "-q", "-i", syntax, "-c", str(path)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nt", "json-ld"])
def test_validate_files_reads_every_export_format(graph, tmp_path, fmt):
    suffix = {"turtle": "ttl", "trig": "trig", "nt": "nt", "json-ld": "jsonld"}[fmt]
    path = write_rdf(graph, tmp_path / f"kg.{suffix}", fmt)
    assert validate_files([path]).conforms


def test_validate_files_names_an_unreadable_file(tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text("<a> <b> .")
    with pytest.raises(InputError, match="broken.ttl"):
        validate_files([bad])
