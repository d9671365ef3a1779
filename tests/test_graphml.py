"""GraphML for Gephi: networkx reads back the same nodes and edges, every attribute a scalar."""
from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET

import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cookbook import story

from kg.errors import ExportError
from kg.export.graphml import graphml_graph, write_graphml
from kg.graph import build_graph
from kg.model import Actor, Event, Evidence, Place, TimeSpan

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return build_graph(story())


@pytest.fixture(scope="module")
def back(G: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    path = write_graphml(G, tmp_path_factory.mktemp("gephi") / "kg.graphml")
    return nx.read_graphml(path, force_multigraph=True)


def node_id(node: tuple[str, str]) -> str:
    return f"{node[0]}:{node[1]}"


def test_networkx_reads_back_the_same_nodes(G, back):
    assert set(back.nodes) == {node_id(n) for n in G.nodes}


def test_networkx_reads_back_the_same_edges_with_their_relation(G, back):
    written = sorted((node_id(u), node_id(v), k) for u, v, k in G.edges(keys=True))
    read = sorted((u, v, d["relation"]) for u, v, d in back.edges(data=True))
    assert read == written
    assert back.is_directed() and back.is_multigraph()


def test_edge_ids_are_unique_in_the_file(G, tmp_path):
    root = ET.parse(write_graphml(G, tmp_path / "g.graphml")).getroot()
    ids = [e.get("id") for e in root.iter(f"{GRAPHML}edge")]
    assert len(ids) == G.number_of_edges() == len(set(ids))


@pytest.mark.parametrize("node, expected", [
    ("event:victory-day-truce", {
        "kind": "event", "label": "Putin declares a three-day Victory Day ceasefire",
        "cameo": "0871", "plover": "RETREAT", "plover_mode": "ceasefire", "start": "2025-05-08",
        "end": "2025-05-10", "precision": "day", "modality": "asserted", "articles": 2,
        "goldstein": 9.0, "quad_class": 2}),
    ("event:zelenskiy-accuses-russia", {"start": "2025-05-08T14:30:00", "cameo": "112",
                                         "plover": "ACCUSE", "precision": "minute"}),
    ("event:istanbul-talks-planned", {"modality": "planned", "plover": "CONSULT"}),
    ("event:us-sanctions-threat", {"start": "2025-05-01", "end": "2025-05-31",
                                   "precision": "month", "date_basis": "publication"}),
    ("place:goma", {"kind": "place", "label": "Goma", "lat": -1.6792, "lon": 29.2228,
                    "country": "dr-congo", "place_type": "city"}),
    ("actor:united-states", {"kind": "actor", "label": "United States",
                             "actor_type": "country", "aliases": "Washington; U.S.",
                             "iri": "https://w3id.org/conflict-kg/id/actor/united-states"}),
    ("actor:ukraine", {"wikidata": "Q212", "aliases": "Kyiv"}),
    ("actor:vladimir-putin", {"affiliation": "russia", "actor_type": "person"}),
    ("article:bare-doha-0424", {"kind": "article", "published": "2025-04-24"}),
])
def test_records_are_flattened_to_named_scalar_columns(back, node, expected):
    data = back.nodes[node]
    assert {k: data.get(k) for k in expected} == expected


@pytest.mark.parametrize("node, absent", [
    ("event:nangaa-rejects-talks", {"start", "end"}),  # undated: no empty strings for Gephi
    ("place:sake", {"lat", "lon"}),  # no coordinates known
    ("event:doha-talks", {"time_text"}),
])
def test_unknown_values_are_left_out(back, node, absent):
    assert not absent & back.nodes[node].keys()


def test_every_attribute_is_a_scalar(G):
    flat = graphml_graph(G)
    values = [v for _, d in flat.nodes(data=True) for v in d.values()]
    values += [v for *_, d in flat.edges(data=True) for v in d.values()]
    assert values and all(isinstance(v, (str, int, float, bool)) for v in values)


def test_derived_from_edges_carry_their_evidence_sentences(back):
    truce = next(e for e in story() if e.id == "victory-day-truce")
    edges = {v: d for u, v, d in back.edges(data=True)
             if u == "event:victory-day-truce" and d["relation"] == "derived_from"}
    assert {v: (d["evidence"], d["sentences"]) for v, d in edges.items()} == {
        f"article:{x.article_id}": (1, x.sentence) for x in truce.evidence}


def test_control_characters_from_article_text_do_not_break_the_xml(tmp_path):
    dirty = "Shelling\x00 near\x0b Kherson\x1f \u2014 \u00e9 \U0001F54A <b>&amp;</b>"
    ev = Event("e\x07", "190", dirty, TimeSpan(dt.date(2024, 3, 2), dt.date(2024, 3, 2)),
               sources=(Actor("a", "Side \x08A"),), places=(Place("p", "P\x01"),),
               evidence=(Evidence("art", dirty, 0, len(dirty), "shelling"),))
    back = nx.read_graphml(write_graphml(build_graph([ev]), tmp_path / "x.graphml"),
                           force_multigraph=True)
    assert back.nodes["event:e"]["label"] == \
        "Shelling near Kherson \u2014 \u00e9 \U0001F54A <b>&amp;</b>"


def test_user_attributes_of_mixed_types_become_one_column(G, tmp_path):
    H = G.copy()
    for n, (node, data) in enumerate(H.nodes(data=True)):
        data["community"] = n if n % 2 else f"group-{n}"  # a layout tool's mixed output
        data["weight"] = 1 if n % 2 else 0.5
    back = nx.read_graphml(write_graphml(H, tmp_path / "u.graphml"), force_multigraph=True)
    assert {type(d["community"]) for _, d in back.nodes(data=True)} == {str}
    assert {type(d["weight"]) for _, d in back.nodes(data=True)} == {float}


def test_write_is_atomic_and_creates_folders(G, tmp_path):
    target = tmp_path / "new" / "folder" / "kg.graphml"
    assert write_graphml(G, target) == target
    assert [p.name for p in target.parent.iterdir()] == ["kg.graphml"]  # no temp file left


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder_raises_export_error_naming_the_file(G, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(ExportError, match="locked"):
        write_graphml(G, locked / "kg.graphml")


def test_a_file_in_place_of_the_folder_raises_export_error(G, tmp_path):
    (tmp_path / "blocker").write_text("not a folder")
    with pytest.raises(ExportError, match="blocker"):
        write_graphml(G, tmp_path / "blocker" / "kg.graphml")


def test_node_keys_that_would_share_an_id_are_refused():
    G = nx.MultiDiGraph()
    G.add_node(("event", "a"))
    G.add_node("event:a")
    with pytest.raises(ExportError, match="event:a"):
        graphml_graph(G)


def test_the_same_graph_gives_the_same_bytes(G, tmp_path):
    one = write_graphml(G, tmp_path / "1.graphml").read_bytes()
    two = write_graphml(build_graph(story()), tmp_path / "2.graphml").read_bytes()
    assert one == two


# --- the GraphML schema ------------------------------------------------------------------------

SCHEMA = Path(__file__).parent / "data" / "graphml-rules.xsd"


def schema_errors(path: Path) -> list[str]:
    """What libxml2 (through lxml) finds wrong with ``path`` against the GraphML rules."""
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    ok = schema.validate(etree.parse(str(path)))
    return [] if ok else [f"{e.line}: {e.message}" for e in schema.error_log]


def test_the_export_passes_the_graphml_schema(G, tmp_path):
    assert schema_errors(write_graphml(G, tmp_path / "kg.graphml")) == []


def test_key_ids_are_unique_though_nodes_and_edges_both_have_a_label(G, tmp_path):
    root = ET.parse(write_graphml(G, tmp_path / "k.graphml")).getroot()
    keys = [(k.get("id"), k.get("for"), k.get("attr.name")) for k in root.iter(f"{GRAPHML}key")]
    ids = [k[0] for k in keys]
    assert len(ids) == len(set(ids))
    assert {("node.label", "node", "label"), ("edge.label", "edge", "label")} <= set(keys)


def test_the_schema_check_catches_a_duplicate_key_id(G, tmp_path):
    # the networkx default the export used to write: a node and an edge key both 'label'
    bad = tmp_path / "bad.graphml"
    nx.write_graphml_xml(graphml_graph(G), bad, named_key_ids=True)
    assert any("label" in e for e in schema_errors(bad))


@pytest.mark.skipif(shutil.which("xmllint") is None,
                    reason="xmllint not installed (Debian: libxml2-utils)")
def test_xmllint_validates_the_export_against_the_schema(G, tmp_path):
    path = write_graphml(G, tmp_path / "kg.graphml")
    run = subprocess.run(["xmllint", "--noout", "--schema", str(SCHEMA), str(path)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert "validates" in run.stderr


@settings(max_examples=60, deadline=None)
@given(ids=st.lists(st.text(st.characters(exclude_categories=("Cs", "Cc", "Cn")), min_size=1,
                            max_size=12), min_size=1, max_size=6, unique=True))
def test_any_ids_become_distinct_schema_valid_node_ids(tmp_path_factory, ids):
    G = nx.MultiDiGraph()
    for i in ids:
        G.add_node(("actor", i), label=i)
    for a, b in zip(ids, ids[1:]):
        G.add_edge(("actor", a), ("actor", b), key="ally")
    path = write_graphml(G, tmp_path_factory.mktemp("ids") / "g.graphml")
    assert schema_errors(path) == []
    assert nx.read_graphml(path, force_multigraph=True).number_of_nodes() == len(ids)
