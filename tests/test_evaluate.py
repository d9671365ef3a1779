"""`kg evaluate`: the scoring rules on small hand-written gold files and exports, the command on
the founding example, and agreement with shared/eval/score.py (on real exports of dev-real
articles, and on random gold and exports) when ../shared is present."""
from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace

from kg.cli import cli
from kg.errors import InputError
from kg.evaluate import (count_article, evaluate_exports, explain_article, gold_from_json, load_gold,
                         read_system_events)
from kg.evaluate.run import ArticleResult
from kg.evaluate.scoring import match_events, per_root

ROOT = Path(__file__).resolve().parents[1]
SEED_GOLD = ROOT / "tests" / "data" / "evaluate"
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
EX = Namespace("https://example.org/")


def _shared_eval() -> Path | None:
    for base in (Path(__file__).resolve().parents[2] / "shared", Path("/work/shared")):
        if (base / "eval" / "score.py").is_file():
            return base / "eval"
    return None


SHARED_EVAL = _shared_eval()


# --- small hand-written gold and exports ---------------------------------------------------------

def actor(ident: str, name: str, *aliases: str, affiliation: str | None = None) -> dict[str, Any]:
    return {"id": ident, "name": name, "type": "other", "aliases": list(aliases),
            "affiliation": affiliation, "wikidata": None}


def place(ident: str, name: str, *aliases: str) -> dict[str, Any]:
    return {"id": ident, "name": name, "type": "city", "aliases": list(aliases), "country": None,
            "wikidata": None}


def gold_event(ident: str, cameo: str, date: str | None, source: list[str], target: list[str] = (),
               *, core: bool = True, end: str | None = None, places: list[str] = ()) -> dict[str, Any]:
    return {"id": ident, "cameo": cameo[:2], "cameo_fine": cameo if len(cameo) > 2 else None,
            "label": f"{ident} {cameo}", "date": date, "end": end, "modality": "asserted",
            "source": list(source), "target": list(target), "places": list(places),
            "evidence": "", "core": core}


# Our own small world: the Republic of Arland and its president, the Kingdom of Belmar.
ACTORS = [actor("arland", "Arland", "Republic of Arland"),
          actor("voss", "Mira Voss", "President Mira Voss", "Voss", affiliation="arland"),
          actor("belmar", "Belmar", "Kingdom of Belmar")]
PLACES = [place("pl_port", "Port Selen", "Selen"), place("pl_arland", "Arland")]


def gold(*events: dict[str, Any], actors: list[dict[str, Any]] = ACTORS,
         places: list[dict[str, Any]] = PLACES) -> dict[str, Any]:
    return {"id": "a1", "published": "2031-03-12", "actors": actors, "places": places,
            "events": list(events)}


def export(*events: dict[str, Any]) -> Graph:
    """A Turtle-like graph: each event {"codes": [...], "when": [...], "end": [...],
    "actors": [[names]], "places": [[names]]}, read only through SEM/SKOS/RDFS/OWL."""
    g = Graph()
    for n, ev in enumerate(events):
        e = EX[f"event/{n:03d}"]
        g.add((e, RDF.type, SEM.Event))
        g.add((e, RDFS.label, Literal(ev.get("label", f"event {n}"))))
        for code in ev.get("codes", ()):
            g.add((e, SEM.eventType, EX[f"type/{code}"]))
            g.add((EX[f"type/{code}"], SKOS.notation, Literal(code)))
        for stamp in ev.get("when", ()):
            g.add((e, SEM.hasTimeStamp, Literal(stamp)))
        for stamp in ev.get("end", ()):
            g.add((e, SEM.hasEndTimeStamp, Literal(stamp)))
        for prop, kind in ((SEM.hasActor, "actors"), (SEM.hasPlace, "places")):
            for names in ev.get(kind, ()):
                node = EX[f"{kind}/{zlib.crc32('|'.join(names).encode())}"]
                g.add((e, prop, node))
                g.add((node, RDFS.label, Literal(names[0])))
                for alias in names[1:]:
                    g.add((node, SKOS.altLabel, Literal(alias)))
    return g


def counts(g: dict[str, Any], graph: Graph) -> dict[str, int]:
    return count_article(gold_from_json(g), read_system_events(graph)).as_dict()


# --- matching rules ------------------------------------------------------------------------------

@pytest.mark.parametrize("gold_date, end, stamps, fits", [
    ("2031-03-10", None, ["2031-03-10"], True),       # the same day
    ("2031-03-10", None, ["2031-03-11"], True),       # a day later: still the event
    ("2031-03-10", None, ["2031-03-12"], False),      # two days: another event
    ("2031-03-10", None, ["2031-03"], False),         # a month cannot stand for a day
    ("2031-03", None, ["2031-03-20"], True),          # a day inside a gold month
    ("2031-03-09", "2031-03-11", ["2031-03-10"], True),  # inside a gold span
    (None, None, [], True),                           # an undated gold event: any date
    ("2031-03-10", None, [], False),                  # an undated system event: no
    ("2031-03-10", None, ["2031-03-10T06:00:00"], True),  # a time of day reads as its day
])
def test_dates_match_within_a_day_and_no_vaguer(gold_date, end, stamps, fits):
    g = gold(gold_event("e1", "19", gold_date, ["arland"], end=end))
    c = counts(g, export({"codes": ["190"], "when": stamps, "actors": [["Arland"]]}))
    assert c["detect_tp_sys"] == int(fits)


@pytest.mark.parametrize("gold_cameo, codes, typed, strict", [
    ("0871", ["0871"], True, True),
    ("08", ["087"], True, True),           # the root is what counts
    ("19", ["183"], True, False),          # assault for fight: the same kind, not the same root
    ("17", ["163"], True, False),          # reduce relations for coerce
    ("10", ["020"], True, False),          # appeal for demand
    ("04", ["036"], True, False),          # intent to meet for consult
    ("11", ["01"], False, False),          # a statement is not an accusation
    ("19", ["ASSAULT"], True, True),       # a PLOVER category stands for its roots
    ("05", ["AGREE"], True, True),
    ("19", [], False, False),              # no type, no typed match
])
def test_types_match_by_root_with_same_kind_leniency(gold_cameo, codes, typed, strict):
    g = gold(gold_event("e1", gold_cameo, "2031-03-10", ["arland"]))
    c = counts(g, export({"codes": codes, "when": ["2031-03-10"], "actors": [["Arland"]]}))
    assert (c["typed_tp_sys"], c["strict_tp_sys"], c["detect_tp_sys"]) == (int(typed), int(strict), 1)


@pytest.mark.parametrize("names, fits", [
    (["Mira Voss"], True),
    (["President Mira Voss"], True),           # any alias
    (["mira voss"], True),                     # case does not matter
    (["Republic of Arland"], True),            # her country stands for her
    (["Mira"], True),                          # a part of a name: its words are among the alias's
    (["President"], False),                    # a title alone names nobody
    (["Belmar"], False),                       # somebody else
    (["Arland armed forces"], True),           # words of an alias among its words: her country's
    (["Belmar armed forces"], False),
    (["Vöss"], True),                          # accents do not matter
])
def test_actors_match_by_alias_words_ignoring_titles(names, fits):
    g = gold(gold_event("e1", "04", "2031-03-10", ["voss"]))
    c = counts(g, export({"codes": ["040"], "when": ["2031-03-10"], "actors": [names]}))
    assert c["typed_tp_sys"] == int(fits)


def test_a_participants_country_stands_for_it():
    g = gold(gold_event("e1", "13", "2031-03-10", ["voss"], ["belmar"]))
    c = counts(g, export({"codes": ["138"], "when": ["2031-03-10"], "actors": [["Republic of Arland"]]}))
    assert c["typed_tp_core"] == 1


def test_recall_counts_core_events_and_precision_counts_any_match():
    g = gold(gold_event("e1", "19", "2031-03-10", ["arland"]),
             gold_event("e2", "11", "2031-03-10", ["belmar"], ["arland"], core=False),
             gold_event("e3", "04", "2031-03-11", ["voss"], ["belmar"]))
    c = counts(g, export({"codes": ["190"], "when": ["2031-03-10"], "actors": [["Arland"]]},
                         {"codes": ["112"], "when": ["2031-03-10"], "actors": [["Belmar"]]},
                         {"codes": ["010"], "when": ["2031-03-01"], "actors": [["Belmar"]]}))
    assert (c["sys"], c["core"]) == (3, 2)
    assert (c["typed_tp_sys"], c["typed_tp_core"]) == (2, 1)   # e2 is right, but not core


def test_pairs_are_one_to_one_so_a_second_report_counts_against_precision():
    g = gold(gold_event("e1", "19", "2031-03-10", ["arland"]))
    c = counts(g, export({"codes": ["190"], "when": ["2031-03-10"], "actors": [["Arland"]]},
                         {"codes": ["195"], "when": ["2031-03-10"], "actors": [["Arland"]]}))
    assert (c["typed_tp_sys"], c["typed_tp_core"], c["sys"]) == (1, 1, 2)


def test_greedy_pairing_serves_core_events_first_then_exact_dates():
    # one system event fits both gold events: the core one takes it
    g = gold(gold_event("e1", "19", "2031-03-10", ["arland"], core=False),
             gold_event("e2", "19", "2031-03-10", ["arland"]))
    sys_events = read_system_events(export({"codes": ["190"], "when": ["2031-03-10"], "actors": [["Arland"]]}))
    assert match_events(gold_from_json(g), sys_events, "typed") == [(1, 0)]
    # two system events fit one gold event: the one that begins on its day takes it
    g = gold(gold_event("e1", "19", "2031-03-10", ["arland"]))
    sys_events = read_system_events(export(
        {"codes": ["190"], "when": ["2031-03-11"], "actors": [["Arland"]]},
        {"codes": ["190"], "when": ["2031-03-10"], "actors": [["Arland"]]}))
    assert match_events(gold_from_json(g), sys_events, "typed") == [(0, 1)]


def test_date_exactness_counts_matched_core_events_beginning_on_the_gold_day():
    g = gold(gold_event("e1", "19", "2031-03-10", ["arland"]),
             gold_event("e2", "04", "2031-03-10", ["voss"], ["belmar"]))
    c = counts(g, export({"codes": ["190"], "when": ["2031-03-10"], "actors": [["Arland"]]},
                         {"codes": ["040"], "when": ["2031-03-11"], "actors": [["Belmar"]]}))
    assert (c["typed_tp_core"], c["date_exact_core"]) == (2, 1)


def test_actor_and_place_scores_cover_core_participants_and_every_system_entity():
    g = gold(gold_event("e1", "19", "2031-03-10", ["arland"], places=["pl_port", "pl_arland"]),
             gold_event("e2", "01", "2031-03-10", ["belmar"], core=False))
    c = counts(g, export({"codes": ["190"], "when": ["2031-03-10"], "actors": [["Arland"], ["Belmar"]],
                          "places": [["Selen"], ["Ostrava"]]},
                         {"codes": ["010"], "when": ["2031-03-10"], "actors": [["Belmar"]]}))
    # gold: arland (core); system: Arland and Belmar, both right (Belmar is a gold actor)
    assert (c["actor_gold"], c["actor_found"], c["actor_sys"], c["actor_right"]) == (1, 1, 2, 2)
    # gold places of core events: port and arland, one found; Ostrava is no gold place
    assert (c["place_gold"], c["place_found"], c["place_sys"], c["place_right"]) == (2, 1, 2, 1)


def test_explain_says_found_other_type_missed_and_unmatched():
    g = gold(gold_event("e1", "19", "2031-03-10", ["arland"]),
             gold_event("e2", "11", "2031-03-10", ["voss"], ["belmar"]),
             gold_event("e3", "14", "2031-03-10", ["belmar"]),
             gold_event("e4", "19", None, ["arland"], core=False))
    graph = export({"label": "attack", "codes": ["190"], "when": ["2031-03-10"], "actors": [["Arland"]]},
                   {"label": "statement", "codes": ["010"], "when": ["2031-03-10"], "actors": [["Voss"]]},
                   {"label": "second attack", "codes": ["195"], "when": ["2031-03-10"], "actors": [["Arland"]]},
                   {"label": "unrelated", "codes": ["057"], "when": ["2031-02-01"], "actors": [["Nobody"]]})
    ga, events = gold_from_json(g), tuple(read_system_events(graph))
    verdicts, unmatched = explain_article(ArticleResult(ga, events, count_article(ga, events)))
    status = {v.event.id: (v.status, v.match.label if v.match else None) for v in verdicts}
    assert status["e1"][0] == "found" and status["e1"][1] in {"attack", "second attack"}
    assert status["e2"] == ("other type", "statement")
    assert status["e3"] == ("missed", None)
    assert status["e4"][0] == "found"               # undated gold, not core: any date fits
    near = {u.event.label: u.near for u in unmatched}
    assert near == {"statement": "e2 with another type", "unrelated": ""}


def test_per_root_table_counts_gold_by_root_and_system_by_own_code():
    g = gold(gold_event("e1", "19", "2031-03-10", ["arland"]),
             gold_event("e2", "11", "2031-03-10", ["voss"], ["belmar"]))
    events = read_system_events(export(
        {"codes": ["183"], "when": ["2031-03-10"], "actors": [["Arland"]]},
        {"codes": ["112"], "when": ["2031-03-09"], "actors": [["Nobody"]]}))
    rows = {r.root: (r.gold_core, r.found, r.system, r.right) for r in per_root([(gold_from_json(g), events)])}
    assert rows == {"18": (0, 0, 1, 1), "19": (1, 1, 0, 0), "11": (1, 0, 1, 0)}


def test_a_broken_gold_file_is_an_input_error_naming_it(tmp_path: Path):
    bad = tmp_path / "x1.json"
    bad.write_text('{"id": "x1", "events": [{"id": "e1"}]}', encoding="utf-8")  # no cameo
    with pytest.raises(InputError, match="x1.json"):
        load_gold(bad)
    bad.write_text("not json", encoding="utf-8")
    with pytest.raises(InputError, match="not JSON"):
        load_gold(bad)


def test_an_export_that_is_missing_or_broken_scores_zero_and_says_why(tmp_path: Path):
    ann, exports = tmp_path / "ann", tmp_path / "exports"
    ann.mkdir()
    (exports / "a2").mkdir(parents=True)
    (ann / "a1.json").write_text(json.dumps(gold(gold_event("e1", "19", "2031-03-10", ["arland"]))))
    (ann / "a2.json").write_text(json.dumps({**gold(gold_event("e1", "19", "2031-03-10", ["arland"])), "id": "a2"}))
    (exports / "a2" / "kg.ttl").write_text("this is not turtle", encoding="utf-8")
    result = evaluate_exports(ann, exports)
    assert [a.counts.sys for a in result.articles] == [0, 0]
    assert result.summary.gold_core_events == 2 and result.summary.typed.R == 0.0
    assert len(result.failures) == 1 and result.failures[0].startswith("a2: unreadable export")


# --- random gold and exports: the same figures as score.py ----------------------------------------

NAMES = ["Arland", "Republic of Arland", "Mira Voss", "President Mira Voss", "Belmar", "Selen",
         "Port Selen", "Belmar armed forces", "Minister", "Vöss", "Kingdom of Belmar", "the Republic",
         "Voss government", "Arland-Belmar"]
STAMPS = ["2031-03-09", "2031-03-10", "2031-03-11", "2031-03-14", "2031-03", "2031-04", "2031",
          "2031-03-10T08:00:00", "2031-02-31"]
CODES = ["01", "040", "036", "0871", "112", "138", "183", "190", "195", "172", "163", "020",
         "100", "ASSAULT", "AGREE", "SANCTION"]


@st.composite
def gold_and_export(draw: st.DrawFn) -> tuple[dict[str, Any], Graph]:
    ids = ["arland", "voss", "belmar", "ghost"]  # ghost: named by no actor record
    events = [gold_event(f"e{i}", draw(st.sampled_from([c for c in CODES if c[0].isdigit()])),
                         draw(st.sampled_from([None, *STAMPS[:6]])),
                         draw(st.lists(st.sampled_from(ids), max_size=2)),
                         draw(st.lists(st.sampled_from(ids), max_size=2)), core=draw(st.booleans()),
                         end=draw(st.sampled_from([None, "2031-03-12"])),
                         places=draw(st.lists(st.sampled_from(["pl_port", "pl_arland", "pl_x"]), max_size=2)))
              for i in range(draw(st.integers(0, 5)))]
    names = st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True)
    system = [{"codes": draw(st.lists(st.sampled_from(CODES), max_size=2)),
               "when": draw(st.lists(st.sampled_from(STAMPS), max_size=2)),
               "end": draw(st.lists(st.sampled_from(STAMPS), max_size=1)),
               "actors": draw(st.lists(names, max_size=3)), "places": draw(st.lists(names, max_size=2))}
              for _ in range(draw(st.integers(0, 6)))]
    return gold(*events), export(*system)


def _score_py() -> ModuleType:
    assert SHARED_EVAL is not None
    spec = importlib.util.spec_from_file_location("shared_score", SHARED_EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(SHARED_EVAL is None, reason="../shared/eval/score.py is not beside the project")
@settings(max_examples=150, deadline=None)
@given(gold_and_export())
def test_every_article_scores_as_score_py_scores_it(case: tuple[dict[str, Any], Graph]):
    g, graph = case
    score_py = _score_py()
    expected = score_py.score_article(g, score_py.read_events(graph))
    assert {"id": g["id"], **counts(g, graph)} == expected


# --- the command -----------------------------------------------------------------------------------

def kg(*args: str | Path):
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="kg")


def test_evaluate_builds_the_founding_example_and_finds_its_main_events(tmp_path: Path):
    out, report = tmp_path / "exports", tmp_path / "scores.json"
    result = kg("evaluate", "--gold", SEED_GOLD, "--texts", ROOT / "examples", "--out", out,
                "--explain", "--json", report)
    assert result.exit_code == 0, result.output
    assert (out / "easter-truce" / "kg.ttl").is_file()
    for heading in ("typed (same kind of event)", "strict (same CAMEO root)", "detection (any type)",
                    "dates exact on", "CAMEO root", "08 Yield"):
        assert heading in result.stdout, heading
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [r["id"] for r in data["rows"]] == ["easter-truce"]
    assert data["rows"][0]["core"] == sum(e["core"] for e in json.loads(
        (SEED_GOLD / "easter-truce.json").read_text(encoding="utf-8"))["events"])
    status = {e["gold"]: e["status"] for e in data["events"] if e["gold"]}
    assert status["e1"] == "found", "the 30-hour Easter truce"
    assert status["e4"] == "found", "the London talks on Wednesday 23 April"
    assert re.search(r"^\s+found\s+e1\s+0871", result.stdout, re.MULTILINE)
    # the same exports, scored again without building: the same figures
    again = tmp_path / "again.json"
    assert kg("evaluate", "--gold", SEED_GOLD, "--exports", out, "--json", again).exit_code == 0
    assert json.loads(again.read_text(encoding="utf-8"))["summary"] == data["summary"]


@pytest.mark.parametrize("args", [
    [],                                          # neither --texts nor --exports
    ["--texts", "examples", "--exports", "examples"],
    ["--exports", "examples", "--out", "x"],     # nothing is built, so nothing to keep
])
def test_evaluate_wants_exactly_one_source_of_events(args: list[str]):
    result = kg("evaluate", "--gold", SEED_GOLD, *(str(ROOT / a) if a == "examples" else a for a in args))
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_evaluate_reports_a_broken_gold_folder_on_one_line(tmp_path: Path):
    (tmp_path / "x.json").write_text("[1, 2]", encoding="utf-8")
    result = kg("evaluate", "--gold", tmp_path, "--exports", tmp_path)
    assert result.exit_code == 1 and "x.json" in result.output and "Traceback" not in result.output


# --- agreement with score.py on real exports --------------------------------------------------------

AGREEMENT_ARTICLES = ["r05", "r10", "r11", "s08"]  # short dev-real articles, with places and misses


@pytest.mark.skipif(SHARED_EVAL is None, reason="../shared/eval is not beside the project")
def test_figures_agree_with_score_py_on_exports_of_dev_real_articles(tmp_path: Path):
    assert SHARED_EVAL is not None
    ann, out = tmp_path / "ann", tmp_path / "exports"
    ann.mkdir()
    for ident in AGREEMENT_ARTICLES:
        shutil.copy(SHARED_EVAL / "dev-real" / "ann" / f"{ident}.json", ann)
    ours = tmp_path / "ours.json"
    result = kg("evaluate", "--gold", ann, "--texts", SHARED_EVAL / "dev-real" / "articles",
                "--out", out, "--json", ours)
    assert result.exit_code == 0, result.output
    theirs = tmp_path / "theirs.json"
    subprocess.run([sys.executable, SHARED_EVAL / "score.py", "--gold", ann, "--exports", out,
                    "--json", theirs], check=True, capture_output=True)
    ours_data, theirs_data = (json.loads(p.read_text(encoding="utf-8")) for p in (ours, theirs))
    assert ours_data["rows"] == theirs_data["rows"]
    assert ours_data["summary"] == theirs_data["summary"]
    assert ours_data["summary"]["system_events"] > 0 and ours_data["summary"]["typed"]["R"] > 0


def test_readme_documents_kg_evaluate_with_options_that_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line.split("#")[0].split() for line in readme.splitlines() if line.startswith("kg evaluate ")]
    assert lines, "README.md shows no kg evaluate command"
    options = {o for p in cli.commands["evaluate"].params for o in getattr(p, "opts", ())}
    for words in lines:
        assert {w for w in words if w.startswith("--")} <= options, words


def test_a_missing_language_model_stops_the_evaluation_once(tmp_path: Path):
    result = kg("evaluate", "--gold", SEED_GOLD, "--texts", ROOT / "examples", "--model", "no_such_model_xx",
                "--out", tmp_path / "x")
    assert result.exit_code == 1 and "no_such_model_xx" in result.output and "Traceback" not in result.output
