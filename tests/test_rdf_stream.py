"""kg.ttl and kg.nt written in chunks through Oxigraph (kg.export.rdf_stream) hold the graph of
to_rdf, with the digests and kept triples, and the prefixes rdflib's Turtle would declare."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDFS

from kg.export import write_exports
from kg.export.rdf import article_iri, event_iri, to_rdf, write_rdf
from kg.export.rdf_stream import write_streamed
from kg.model import Actor, Event, Evidence, TimeSpan

ROOT = Path(__file__).resolve().parents[1]


def _keep() -> Graph:
    """Triples of a user's own, as --into keeps them: a blank node, a language tag, a new term."""
    g = Graph()
    note = BNode()
    g.add((article_iri("a1"), URIRef("http://example.org/note"), note))
    g.add((note, RDFS.comment, Literal("checked by hand", lang="en")))
    g.add((URIRef("http://example.org/x"), URIRef("http://example.org/p"), Literal(3)))
    return g


def _expected(events, digests, keep) -> Graph:
    """What write_exports wrote into kg.ttl before it streamed."""
    g = to_rdf(events)
    for article_id, digest in digests.items():
        art = article_iri(article_id)
        if (art, None, None) in g:
            g.add((art, DCTERMS.identifier, Literal(digest)))
    return g + keep


def _prefixes(path: Path) -> set[str]:
    return set(re.findall(r"^@prefix ([\w-]*):", path.read_text(encoding="utf-8"), re.M))


def test_streamed_turtle_and_ntriples_hold_the_graph_rdflib_wrote(tmp_path: Path, seed_events):
    article_ids = sorted({e.article_id for ev in seed_events for e in ev.evidence})
    digests = {a: f"ni:///sha-256;{a}" for a in article_ids} | {"not-an-article": "ni:///x"}
    keep = _keep()
    ttl, nt = tmp_path / "kg.ttl", tmp_path / "kg.nt"
    write_streamed(seed_events, {"turtle": ttl, "nt": nt}, digests=digests, keep=keep)
    want = _expected(seed_events, digests, keep)
    assert isomorphic(Graph().parse(ttl, format="turtle"), want)
    assert isomorphic(Graph().parse(nt, format="nt"), want)
    old = write_rdf(want, tmp_path / "old.ttl")  # rdflib's own Turtle of the same graph
    # rdflib makes up ns1: for the user's own predicates; we write those whole
    assert _prefixes(ttl) == {p for p in _prefixes(old) if not re.fullmatch(r"ns\d+", p)}
    assert {"sem", "ckg", "cameo", "xsd", "dcterms"} <= _prefixes(ttl)
    assert "id" not in _prefixes(ttl)  # event IRIs are written whole, as rdflib writes them


_WRITE = """
import sys
from kg.export import load_events, write_exports
write_exports(load_events([sys.argv[1]]), sys.argv[2], timeline=False)
"""


def test_the_same_events_give_the_same_bytes_whatever_the_hash_seed(tmp_path: Path, seed_export):
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed-{seed}"
        subprocess.run([sys.executable, "-c", _WRITE, str(seed_export / "kg.ttl"), str(out)],
                       check=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed})
        outs.append(((out / "kg.ttl").read_bytes(), (out / "events.csv").read_bytes()))
    assert outs[0] == outs[1]
    ttl = outs[0][0].decode()
    # readable: one subject's statements together, "a" first
    assert re.search(r"^<https://w3id\.org/conflict-kg/id/event/[^>]+> a sem:Event ;$", ttl, re.M)


def test_an_invalid_event_leaves_the_old_export_as_it_was(tmp_path: Path, seed_events):
    out = tmp_path / "out"
    write_exports(seed_events, out, timeline=False)
    before = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    bad = Event("bad", "999", "Nothing", TimeSpan.unknown())
    from kg.errors import ExportError

    with pytest.raises(ExportError, match="bad"):
        write_exports([*seed_events, bad], out, timeline=False)
    after = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    assert after == before


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(label=_TEXT.filter(lambda s: s.strip()), sentence=_TEXT, alias=_TEXT, url=_TEXT)
def test_any_text_survives_the_streamed_turtle(tmp_path: Path, label, sentence, alias, url):
    actor = Actor("x y/é", "X", "person", (alias,))
    event = Event("e/1 %", "190", label, TimeSpan.unknown(), sources=(actor,),
                  evidence=(Evidence("a b", sentence, 0, len(sentence), title=label,
                                     url="https://example.org/" + url),))
    ttl = tmp_path / "kg.ttl"
    write_streamed([event], {"turtle": ttl})
    back = Graph().parse(ttl, format="turtle")
    assert isomorphic(back, to_rdf([event]))
    assert str(back.value(event_iri("e/1 %"), RDFS.label)) == label
