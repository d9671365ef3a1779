"""One spelling per concept: every ckg: term an export uses maps to exactly one model field (or
link relation, or field confidence) through kg.export.rdf_terms, every model field has its term,
and the closed CKG namespace, the ontology and that table agree."""
from __future__ import annotations

import dataclasses
import gzip

import pytest
from rdflib import Graph, URIRef

from kg.export.rdf_terms import CONFIDENCE_TERMS, LINK_RELATIONS, LINK_TERMS, TERMS
from kg.model import BASES, CONFIDENCE_FIELDS, MODALITIES, PRECISIONS, Actor, Event, Evidence, Place, TimeSpan
from kg.vocab import CKG
from timeline_fixtures import DEV_ARTICLES

NS = str(CKG._NS)
RECORDS = (Event, TimeSpan, Actor, Place, Evidence)
# the values of Event.modality and TimeSpan.precision/basis, and the classes of those values
VALUE_TERMS = {CKG[v] for v in (*MODALITIES, *PRECISIONS, *BASES)}
VALUE_CLASSES = {CKG.Modality, CKG.DatePrecision, CKG.DateBasis}


def _field(key: str) -> str:
    """"Event.links.outcome_of" -> "Event.links": the record field a table row states."""
    return ".".join(key.split(".")[:2])


def _ckg_terms(graph: Graph) -> set[URIRef]:
    return {t for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(NS)}


def _fields_of(term: URIRef) -> set[str]:
    return {_field(k) for k, v in TERMS.items() if v == term}


@pytest.fixture(scope="module")
def exports(seed_export) -> dict[str, Graph]:
    dev = Graph().parse(data=gzip.decompress(DEV_ARTICLES.read_bytes()).decode("utf-8"), format="turtle")
    return {"easter-truce": Graph().parse(seed_export / "kg.ttl", format="turtle"), "dev-articles": dev}


@pytest.mark.parametrize("name", ["easter-truce", "dev-articles"])
def test_every_ckg_term_an_export_uses_maps_to_exactly_one_model_field(exports, name):
    used = _ckg_terms(exports[name]) - VALUE_TERMS
    assert used, "the export uses no ckg: term"
    problems = {str(t)[len(NS):]: sorted(_fields_of(t)) for t in used if len(_fields_of(t)) != 1}
    assert not problems, f"ckg: terms with no or several model fields: {problems}"


def test_the_founding_example_uses_the_split_claim_and_accusation_terms(exports):
    g = exports["easter-truce"]
    assert (None, CKG.accusationAbout, None) in g  # Zelenskiy's accusation -> the violation
    assert (None, CKG.claimAbout, None) in g  # the claim view -> the violation
    for view, _, event in g.triples((None, CKG.claimAbout, None)):
        assert (view, None, CKG.Claim) in g and (event, CKG.accusationAbout, None) not in g
    for accusation, _, _ in g.triples((None, CKG.accusationAbout, None)):
        assert (accusation, None, CKG.Claim) not in g


def test_no_ckg_term_is_the_term_of_two_rows():
    ckg_rows = [v for v in TERMS.values() if str(v).startswith(NS)]
    assert len(ckg_rows) == len(set(ckg_rows))


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.__name__)
def test_every_model_field_has_its_term(record):
    stated = {_field(k) for k in TERMS}
    missing = [f.name for f in dataclasses.fields(record)
               if f"{record.__name__}.{f.name}" not in stated
               and not (record is Event and f.name == "time")]  # Event.time: the TimeSpan rows
    assert not missing, f"{record.__name__} fields with no term in kg.export.rdf_terms: {missing}"


def test_every_table_row_names_a_real_model_field():
    fields = {f"{r.__name__}.{f.name}" for r in RECORDS for f in dataclasses.fields(r)}
    records = {r.__name__ for r in RECORDS}
    bad = [k for k in TERMS if _field(k) not in fields and k not in records]
    assert not bad


def test_confidence_terms_are_named_after_the_model_fields():
    assert tuple(CONFIDENCE_TERMS) == CONFIDENCE_FIELDS
    for name, term in CONFIDENCE_TERMS.items():
        assert str(term) == NS + name + "Confidence"


def test_link_relations_are_snake_case_and_their_terms_camel_case():
    for relation, term in LINK_TERMS.items():
        assert relation == relation.lower() and " " not in relation
        head, *rest = relation.split("_")
        assert str(term) == NS + head + "".join(w.title() for w in rest)


def test_the_links_the_pipeline_makes_are_the_relations_of_the_table(seed_events):
    made = {rel for e in seed_events for rel, _ in e.links}
    assert "accusation_about" in made  # Zelenskiy accuses Russia of the claimed violation
    assert made <= set(LINK_RELATIONS)


def test_the_closed_ckg_namespace_is_the_table_and_the_enumerations():
    """kg/vocab.py's CKG (which tests/test_ontology.py matches to the ontology both ways) holds
    exactly the table's ckg: terms, the enumeration values and their classes: no term declared
    and never written (as ckg:resumes was)."""
    declared = {CKG[name] for name in CKG.__annotations__}
    in_table = {v for v in TERMS.values() if str(v).startswith(NS)}
    assert declared == in_table | VALUE_TERMS | VALUE_CLASSES
