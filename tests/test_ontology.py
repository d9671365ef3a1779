"""ontology/: the OWL terms match kg.vocab.CKG, the SKOS files match the codebook, and every file
parses in rdflib, Oxigraph and (when installed) rapper."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import get_args

import pyoxigraph
import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from kg.codebook import skos_graph
from kg.model import BASES, MODALITIES, PRECISIONS, ActorType, PlaceType
from kg.vocab import BASE, CKG, SEM

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"
FILES = ["conflict-kg.ttl", "cameo.ttl", "plover.ttl", "shapes.ttl"]
NS = str(CKG._NS)


@pytest.fixture(scope="module")
def owl() -> Graph:
    return Graph().parse(ONTOLOGY / "conflict-kg.ttl", format="turtle")


def _ckg_terms(g: Graph) -> set[str]:
    return {str(s)[len(NS):] for s in g.subjects() if str(s).startswith(NS)}


def test_ontology_defines_exactly_the_terms_of_vocab_ckg(owl):
    in_vocab = set(CKG.__annotations__)
    in_ttl = _ckg_terms(owl)
    assert in_vocab - in_ttl == set(), "in kg/vocab.py but not defined in conflict-kg.ttl"
    assert in_ttl - in_vocab == set(), "defined in conflict-kg.ttl but missing from kg/vocab.py"


def test_ontology_uses_no_undefined_ckg_term(owl):
    used = {str(t)[len(NS):] for triple in owl for t in triple
            if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert used <= _ckg_terms(owl)


@pytest.mark.parametrize("term", sorted(CKG.__annotations__))
def test_every_term_has_a_kind_label_and_comment(owl, term):
    iri = CKG[term]
    kinds = set(owl.objects(iri, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
    assert owl.value(iri, RDFS.label) is not None
    assert len(str(owl.value(iri, RDFS.comment) or "")) > 20


@pytest.mark.parametrize("child, parent", [
    (CKG.sourceActor, SEM.hasActor), (CKG.targetActor, SEM.hasActor),
    (CKG.plover, SEM.eventType), (CKG.inArticle, PROV.wasQuotedFrom),
])
def test_roles_and_links_are_subproperties_of_standard_terms(owl, child, parent):
    assert (child, RDFS.subPropertyOf, parent) in owl


@pytest.mark.parametrize("child, parent", [
    (CKG.Article, PROV.Entity), (CKG.Evidence, PROV.Entity), (CKG.Claim, SEM.View),
])
def test_classes_are_aligned(owl, child, parent):
    assert (child, RDFS.subClassOf, parent) in owl


@pytest.mark.parametrize("cls, values", [
    (CKG.Modality, MODALITIES), (CKG.DateBasis, BASES), (CKG.DatePrecision, PRECISIONS),
])
def test_enumerations_hold_exactly_the_model_values(owl, cls, values):
    members = {str(m)[len(NS):] for m in owl.subjects(RDF.type, cls)}
    assert members == set(values)
    one_of = owl.value(cls, OWL.oneOf)
    assert one_of is not None
    assert {str(m)[len(NS):] for m in owl.items(one_of)} == set(values)


@pytest.mark.parametrize("namespace, literal_type, kind", [
    ("actor-type/", ActorType, SEM.ActorType), ("place-type/", PlaceType, SEM.PlaceType),
])
def test_actor_and_place_types_are_concepts_for_every_model_value(owl, namespace, literal_type,
                                                                    kind):
    concepts = {str(owl.value(c, SKOS.notation)) for c in owl.subjects(RDF.type, kind)
                if str(c).startswith(BASE + namespace)}
    assert concepts == set(get_args(literal_type))


@pytest.mark.parametrize("which", ["cameo", "plover"])
def test_generated_skos_files_are_up_to_date(which):
    on_disk = Graph().parse(ONTOLOGY / f"{which}.ttl", format="turtle")
    assert isomorphic(on_disk, skos_graph(which)), (
        f"ontology/{which}.ttl is stale: run python ontology/generate.py")


@pytest.mark.parametrize("name", FILES)
def test_ontology_files_parse_in_oxigraph(name):
    quads = list(pyoxigraph.parse(path=str(ONTOLOGY / name), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(Graph().parse(ONTOLOGY / name, format="turtle"))


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
@pytest.mark.parametrize("name", FILES)
def test_ontology_files_are_accepted_by_rapper(name):
    done = subprocess.run(["rapper", "-q", "-i", "turtle", "-c", str(ONTOLOGY / name)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_shapes_are_valid_shacl():
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")
    # meta-SHACL: pyshacl checks the shapes graph itself against the SHACL-SHACL shapes
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=shapes, meta_shacl=True,
                                         inference="none")
    assert conforms, text
