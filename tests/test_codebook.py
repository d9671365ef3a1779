"""The CAMEO/PLOVER codebook: the table, lookups, and its SKOS schemes."""
from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, SKOS

from kg.codebook import (CAMEO_SCHEME, PLOVER_SCHEME, ancestors, codes, lookup, plover_categories,
                         plover_category, roots, skos_graph, skos_subset)
from kg.vocab import CAMEO, CKG, PLOVER

# DESIGN.md, "Event types": the root mapping that must hold.
ROOT_TO_PLOVER = {
    "01": None, "02": None, "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
    "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}
PLOVER_2024 = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
               "ASSAULT"}


# Values from the GDELT CAMEO lookup and Goldstein table; modes from CAMEO2PLOVER / DESIGN.md.
@pytest.mark.parametrize("code, words, goldstein, quad, plover, mode", [
    ("0871", "truce", 9.0, 2, "RETREAT", "ceasefire"),
    ("112", "Accuse", -2.0, 3, "ACCUSE", "disapprove"),
    ("190", "conventional military force", -10.0, 4, "ASSAULT", None),
    ("195", "aerial weapons", -10.0, 4, "ASSAULT", "aerial"),
    ("1311", "reduce or stop aid", -5.8, 3, "THREATEN", "relations"),
    ("036", "meet or negotiate", 4.0, 1, "AGREE", None),
    ("041", "telephone", 1.0, 1, "CONSULT", "phone"),
    ("044", "third", 2.5, 1, "CONSULT", "third-party"),
    ("046", "negotiation", 7.0, 1, "CONSULT", None),
    ("057", "Sign formal agreement", 8.0, 1, "SUPPORT", None),
    ("125", "Reject proposal to meet", -5.0, 3, "REJECT", "meet"),
    ("138", "military force", -7.0, 3, "THREATEN", "violence"),
    ("139", "ultimatum", -7.0, 3, "THREATEN", "relations"),
    ("164", "Halt negotiations", -7.0, 4, "SANCTION", "withdraw"),
    ("196", "Violate ceasefire", -9.5, 4, "ASSAULT", None),
    ("0841", "release person", 7.0, 2, "RETREAT", "release"),
    ("0811", "political freedoms", 5.0, 2, "CONCEDE", None),
    ("2042", "nuclear", -10.0, 4, "ASSAULT", "unconventional"),
    ("010", "statement", 0.0, 1, None, None),
    ("0234", "peacekeeping", 3.4, 1, None, None),
])
def test_known_codes_carry_gdelt_values_and_plover(code, words, goldstein, quad, plover, mode):
    c = lookup(code)
    assert words.lower() in c.name.lower()
    assert (c.goldstein, c.quad_class, c.plover, c.plover_mode) == (goldstein, quad, plover, mode)


@pytest.mark.parametrize("root, category", sorted(ROOT_TO_PLOVER.items()))
def test_root_mapping_holds_for_the_root_and_every_code_under_it(root, category):
    assert lookup(root).plover == category
    assert {c.plover for c in codes() if c.root == root} == {category}


@pytest.mark.parametrize("group, category", [
    ("080", "CONCEDE"), ("081", "CONCEDE"), ("082", "CONCEDE"), ("083", "CONCEDE"),
    ("084", "RETREAT"), ("085", "RETREAT"), ("086", "RETREAT"), ("087", "RETREAT"),
])
def test_yield_splits_into_concede_and_retreat(group, category):
    assert {c.plover for c in codes() if c.code.startswith(group)} == {category}


@pytest.mark.parametrize("root, quad", [("01", 1), ("05", 1), ("06", 2), ("09", 2), ("10", 3),
                                         ("14", 3), ("15", 4), ("20", 4)])
def test_quad_class_follows_the_root_as_in_gdelt(root, quad):
    assert {c.quad_class for c in codes() if c.root == root} == {quad}


def test_table_has_every_cameo_code_once():
    all_codes = [c.code for c in codes()]
    assert len(all_codes) == len(set(all_codes))
    assert 290 <= len(all_codes) <= 320
    assert [r.code for r in roots()] == [f"{i:02d}" for i in range(1, 21)]
    assert all(len(c) in (2, 3, 4) and c.isdigit() for c in all_codes)


def test_every_code_has_a_parent_in_the_table_and_a_goldstein_in_range():
    for c in codes():
        assert -10.0 <= c.goldstein <= 10.0, c
        assert c.name and c.name == c.name.strip(), c
        if not c.is_root:
            assert lookup(c.parent).code == c.parent, c
            assert c.code.startswith(c.parent), c


def test_every_mode_is_a_mode_of_its_category():
    for c in codes():
        if c.plover_mode is not None:
            assert c.plover_mode in plover_category(c.plover).mode_names, c


def test_plover_has_the_16_categories_of_the_2024_manual():
    assert {c.name for c in plover_categories()} == PLOVER_2024
    assert {c.plover for c in codes()} - {None} == PLOVER_2024


@pytest.mark.parametrize("category, mode", [("RETREAT", "ceasefire"), ("CONSULT", "third-party"),
                                             ("ASSAULT", "aerial"), ("ASSAULT", "drone")])
def test_design_modes_exist(category, mode):
    assert mode in plover_category(category).mode_names


@pytest.mark.parametrize("code, expected", [
    ("0871", ("087", "08")), ("190", ("19",)), ("19", ()), ("1311", ("131", "13")),
    ("2041", ("204", "20")),
])
def test_ancestors_go_up_to_the_root(code, expected):
    assert ancestors(code) == expected


@pytest.mark.parametrize("code", ["19", "190", " 190 ", "0871"])
def test_lookup_accepts_roots_and_refinements(code):
    assert lookup(code).code == code.strip()


@pytest.mark.parametrize("code, hint", [
    ("999", "not in the CAMEO"), ("0879", "'087'"), ("x19", "2 to 4 digits"), ("", "2 to 4 digits"),
    ("19000", "2 to 4 digits"), ("871", "not in the CAMEO"),
])
def test_lookup_rejects_unknown_codes_with_a_helpful_message(code, hint):
    with pytest.raises(KeyError) as info:
        lookup(code)
    assert hint in info.value.args[0]


def test_plover_category_rejects_unknown_names():
    with pytest.raises(KeyError, match="RETREAT"):
        plover_category("DEMAND")


def test_importing_the_codebook_reads_nothing():
    script = ("import kg.codebook as c; assert c._table.cache_info().currsize == 0; "
              "c.lookup('19'); assert c._table.cache_info().currsize == 1")
    subprocess.run([sys.executable, "-c", script], check=True)


# --- SKOS --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def skos():
    return skos_graph()


def test_every_code_is_a_concept_with_notation_label_and_goldstein(skos):
    for c in codes():
        iri = CAMEO[c.code]
        assert (iri, RDF.type, SKOS.Concept) in skos
        assert (iri, SKOS.inScheme, CAMEO_SCHEME) in skos
        assert skos.value(iri, SKOS.notation) == Literal(c.code)
        assert str(skos.value(iri, SKOS.prefLabel)) == c.name
        assert float(skos.value(iri, CKG.goldstein)) == c.goldstein
        assert int(skos.value(iri, CKG.quadClass)) == c.quad_class


def test_roots_are_top_concepts_and_others_reach_them_by_broader(skos):
    tops = set(skos.objects(CAMEO_SCHEME, SKOS.hasTopConcept))
    assert tops == {CAMEO[r.code] for r in roots()}
    for c in codes():
        node, steps = CAMEO[c.code], 0
        while (node, SKOS.topConceptOf, CAMEO_SCHEME) not in skos:
            node, steps = skos.value(node, SKOS.broader), steps + 1
            assert node is not None and steps <= 3, c
        assert node == CAMEO[c.root]


def test_plover_scheme_has_16_top_concepts_and_modes_below_them(skos):
    tops = set(skos.objects(PLOVER_SCHEME, SKOS.hasTopConcept))
    assert {str(skos.value(t, SKOS.notation)) for t in tops} == PLOVER_2024
    ceasefire = PLOVER["RETREAT-ceasefire"]
    assert str(skos.value(ceasefire, SKOS.notation)) == "RETREAT:ceasefire"
    assert skos.value(ceasefire, SKOS.broader) == PLOVER["RETREAT"]


@pytest.mark.parametrize("code, target", [
    ("0871", "RETREAT-ceasefire"), ("044", "CONSULT-third-party"), ("04", "CONSULT"),
    ("190", "ASSAULT"), ("1311", "THREATEN-relations"),
])
def test_cameo_codes_map_to_their_plover_concept(skos, code, target):
    matches = set(skos.objects(CAMEO[code], SKOS.closeMatch)) | set(
        skos.objects(CAMEO[code], SKOS.broadMatch))
    assert matches == {PLOVER[target]}


def test_statements_and_appeals_have_no_plover_mapping(skos):
    for code in ("01", "010", "02", "0256"):
        assert not set(skos.objects(CAMEO[code], SKOS.closeMatch))
        assert not set(skos.objects(CAMEO[code], SKOS.broadMatch))


def test_skos_subset_is_part_of_the_full_schemes_and_holds_every_ancestor(skos):
    subset = skos_subset(["0871", "195"])
    assert set(subset) <= set(skos)
    for code in ("0871", "087", "08", "195", "19"):
        assert (CAMEO[code], SKOS.notation, Literal(code)) in subset
    assert (PLOVER["ASSAULT-aerial"], SKOS.broader, PLOVER["ASSAULT"]) in subset


def test_skos_graph_binds_only_prefixes_it_uses():
    prefixes = {p for p, _ in skos_graph("plover").namespaces()}
    assert "cameo" not in prefixes and "plover" in prefixes and "owl" not in prefixes
