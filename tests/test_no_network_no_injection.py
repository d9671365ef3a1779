"""No network, no injection (issue 13, item 6): ``kg query`` calls no SERVICE endpoint unless
told to and stops at ``--timeout``; events.csv cannot run as spreadsheet formulas yet reads back
exactly through ``kg.to_dataframe``; names and labels hold no control or bidi characters, and
``kg explain`` prints what an export holds escaped, one line per line."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import http.server
import multiprocessing
import re
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cookbook import story

from kg.cli import cli
from kg.errors import InputError
from kg.export import write_exports
from kg.export.table import defuse_cell, restore_cell, write_csv
from kg.model import Actor, Place
from kg.query import load_store, run_query
from kg.query_guard import service_endpoints
from kg.resolve.labels import event_label
from kg.text import clean_label

ENGINES = ("oxigraph", "rdflib")
# what no name, label or printed line may hold
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069"
                    "\ud800-\udfff]")
HOSTILE = ["\x1b[31m", "\x1b]0;pwned\x07", "\u202e", "\u2028", "\u2029", "\u200f", "\u2066",
           "\x00", "\x85", "\r", "\n", "\t", "\x7f", "\x9b"]
# text with plenty of the characters above among ordinary ones
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=5)),
                        max_size=8).map("".join)
# the characters a UTF-8 CSV cell can hold at all (no lone surrogates, no NUL)
cell_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                    max_size=40)


def kg(*args: str | Path) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="kg")


# --- labels and names -------------------------------------------------------------------------

@given(hostile_text)
def test_clean_label_leaves_no_control_or_bidi_character(text: str) -> None:
    cleaned = clean_label(text)
    assert not UNSAFE.search(cleaned)
    assert clean_label(cleaned) == cleaned


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_clean_label_keeps_text_without_such_characters(text: str) -> None:
    if not UNSAFE.search(text):
        assert clean_label(text) == text


def test_an_escape_sequence_goes_whole_and_a_line_separator_becomes_a_space() -> None:
    assert clean_label("Kyiv\x1b[2J\x1b[31m Oblast") == "Kyiv Oblast"
    assert clean_label("Vladimir\u2028Putin\u202e") == "Vladimir Putin"


@given(st.lists(hostile_text, min_size=1, max_size=4), st.lists(hostile_text, max_size=3),
       st.lists(hostile_text, max_size=2), st.sampled_from(["asserted", "planned", "negated"]))
def test_event_labels_never_hold_control_or_bidi_characters(
        sources: list[str], targets: list[str], places: list[str], modality: str) -> None:
    label = event_label("0871", tuple(Actor(f"a{i}", n) for i, n in enumerate(sources)),
                        tuple(Actor(f"t{i}", n) for i, n in enumerate(targets)),
                        tuple(Place(f"p{i}", n) for i, n in enumerate(places)), modality)
    assert not UNSAFE.search(label)


def test_names_and_labels_built_from_hostile_article_text_are_clean(seed_path: Path,
                                                                    seed_published: dt.date) -> None:
    """The founding example with an ESC sequence, a bidi override and a line separator glued to
    the names the resolver picks up: the events are still built, and no actor, place, alias or
    label holds those characters."""
    from kg.pipeline import build

    text = seed_path.read_text(encoding="utf-8")
    hostile = (text.replace("Putin", "Putin\u202e").replace("Ukraine", "Ukraine\x1b[31m")
               .replace("Kremlin", "Kremlin\u2028").replace("Russia", "\u2066Russia"))
    assert hostile != text
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "hostile.txt"
        article.write_text(hostile, encoding="utf-8")
        events = build([article], published=seed_published).events
    assert len(events) >= 10
    names = [n for e in events for who in (*e.sources, *e.targets, *e.claimed_by, *e.places)
             for n in (who.name, *who.aliases)]
    assert any("Putin" in n for n in names)
    for text in [e.label for e in events] + names:
        assert not UNSAFE.search(text), text


# --- events.csv -------------------------------------------------------------------------------

@given(cell_text)
def test_a_defused_cell_reads_back_as_written_and_never_starts_a_formula(text: str) -> None:
    cell = defuse_cell(text)
    assert restore_cell(cell) == text
    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r") or re.fullmatch(r"[-+][0-9.]+", cell)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(cell_text, cell_text), min_size=1, max_size=4))
def test_events_csv_defuses_formulas_and_to_dataframe_gives_the_real_text(
        texts: list[tuple[str, str]]) -> None:
    import kg as kg_api

    pd = pytest.importorskip("pandas")
    base = story()[0]
    events = [dataclasses.replace(base, id=f"e{i}", label=label,
                                  sources=(Actor(f"a{i}", name),))
              for i, (label, name) in enumerate(texts)]
    with tempfile.TemporaryDirectory() as folder:
        path = write_csv(events, Path(folder) / "events.csv")
        with path.open(encoding="utf-8", newline="") as fh:
            cells = [c for row in csv.reader(fh) for c in row]
        frame = kg_api.to_dataframe(path)
    for cell in cells:  # a signed number stays a number ("+0", "-10.0"), as defuse_cell says
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r") or re.fullmatch(r"[-+]?[0-9.]+",
                                                                                  cell), cell
    got = {row.id: (row.label, row.sources) for row in frame.itertuples()}
    for i, (label, name) in enumerate(texts):
        want = tuple(None if t == "" else t for t in (label, name))
        assert tuple(None if pd.isna(v) else v for v in got[f"e{i}"]) == want


def test_a_formula_label_is_quoted_in_the_file_and_real_in_the_frame(tmp_path: Path) -> None:
    import kg as kg_api

    pytest.importorskip("pandas")
    event = dataclasses.replace(story()[0], label='=HYPERLINK("http://evil.example","x")')
    path = write_csv([event], tmp_path / "events.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["label"] == "'" + event.label
    assert row["goldstein"].startswith("-") or row["goldstein"][:1].isdigit()  # numbers stay
    assert kg_api.to_dataframe(path).label[0] == event.label


# --- SERVICE ----------------------------------------------------------------------------------

class _Recorder(http.server.BaseHTTPRequestHandler):
    calls: list[str] = []

    def _answer(self) -> None:
        type(self).calls.append(self.path)
        body = b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def endpoint() -> Iterator[tuple[str, list[str]]]:
    """A SPARQL endpoint on 127.0.0.1 that records every request made to it."""
    _Recorder.calls = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", _Recorder.calls
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def small_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("guard") / "g.ttl"
    lines = ["@prefix ex: <http://example.org/> ."]
    lines += [f"ex:s{i} ex:p {i} ." for i in range(300)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ENGINES)
def test_a_service_query_is_refused_and_nothing_is_sent(engine: str, small_graph: Path,
                                                        endpoint: tuple[str, list[str]]) -> None:
    url, calls = endpoint
    store = load_store([small_graph], engine=engine)  # type: ignore[arg-type]
    query = f"SELECT ?s WHERE {{ ?s ?p ?o . OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}"
    with pytest.raises(InputError, match="SERVICE.*--allow-service"):
        run_query(store, query, source="leak.rq")
    assert calls == []
    # the endpoint does record a call: with the flag, the engine reaches it
    try:
        run_query(store, query, source="leak.rq", allow_service=True, timeout=30)
    except InputError:
        pass  # what the engine makes of the recorder's answer does not matter here
    assert calls, "the recorder saw no request even when SERVICE was allowed"


def test_the_word_service_in_a_comment_or_a_string_is_no_service(small_graph: Path) -> None:
    query = ('SELECT ?s WHERE { # SERVICE <http://127.0.0.1:9/> { ?s ?p ?o }\n'
             '  ?s ?p ?o . FILTER(STR(?o) != "SERVICE <http://127.0.0.1:9/> {}") } LIMIT 2')
    assert service_endpoints(query) == []
    for engine in ENGINES:
        result = run_query(load_store([small_graph], engine=engine), query)  # type: ignore[arg-type]
        assert len(result.rows) == 2
    assert service_endpoints("SELECT * { SERVICE SILENT ?where { ?s ?p ?o } }") == ["?where"]
    # SPARQL expands \u escapes before parsing; rdflib does, so the keyword may be spelt so
    assert service_endpoints(r"SELECT * { \u0053ERVICE <http://x.test/> { ?s ?p ?o } }") == [
        "http://x.test/"]
    # a query rdflib cannot parse is refused when a SERVICE keyword is left outside comments
    assert service_endpoints("SELECT * { SERVICE <http://x.test/> { ?s ?p ?o } ") == ["?"]
    assert service_endpoints("SELECT * { ?s ?p ?service # SERVICE\n ") == []


def test_kg_query_refuses_a_service_file_on_one_line(small_graph: Path, tmp_path: Path,
                                                     endpoint: tuple[str, list[str]]) -> None:
    url, calls = endpoint
    rq = tmp_path / "leak.rq"
    rq.write_text(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}\n", encoding="utf-8")
    for engine in ENGINES:
        result = kg("query", small_graph, "-q", rq, "--engine", engine)
        assert result.exit_code == 1, result.output  # type: ignore[attr-defined]
        assert "--allow-service" in result.output  # type: ignore[attr-defined]
        assert len(result.output.strip().splitlines()) == 1  # type: ignore[attr-defined]
    assert calls == []


# --- timeout ----------------------------------------------------------------------------------

CROSS_JOIN = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z . ?d ?t ?w . "
              "FILTER(?x + ?y + ?z + ?w < 0) }")  # 300^4 rows: hours in either engine


@pytest.mark.parametrize("engine", ENGINES)
def test_timeout_stops_a_cross_join_and_its_worker(engine: str, small_graph: Path) -> None:
    store = load_store([small_graph], engine=engine)  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"stopped after 1 s"):
        run_query(store, CROSS_JOIN, source="cross.rq", timeout=1)
    assert multiprocessing.active_children() == []  # the worker was killed and reaped


@pytest.mark.parametrize("engine", ENGINES)
def test_a_query_within_its_timeout_answers_as_without_one(engine: str, small_graph: Path) -> None:
    store = load_store([small_graph], engine=engine)  # type: ignore[arg-type]
    query = "SELECT ?s ?o WHERE { ?s ?p ?o FILTER(?o < 5) }"
    assert run_query(store, query, timeout=60) == run_query(store, query)
    with pytest.raises(InputError, match="SPARQL query failed"):
        run_query(store, "SELECT ?s WHERE { ?s ?p }", timeout=60)  # reported from the worker


def test_kg_query_timeout_is_a_one_line_error(small_graph: Path, tmp_path: Path) -> None:
    rq = tmp_path / "cross.rq"
    rq.write_text(CROSS_JOIN + "\n", encoding="utf-8")
    result = kg("query", small_graph, "-q", rq, "--timeout", "1")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "stopped after 1 s" in result.output  # type: ignore[attr-defined]
    assert kg("query", small_graph, "-q", rq, "--timeout", "0").exit_code == 2  # type: ignore[attr-defined]


# --- kg explain and errors --------------------------------------------------------------------

def test_kg_explain_prints_hostile_export_text_escaped(tmp_path: Path) -> None:
    base = story()[0]
    bad = "\x1b]0;owned\x07\x1b[2J\u202eevil\u2028line"
    evidence = tuple(dataclasses.replace(ev, sentence=ev.sentence + bad, title=bad, url=None)
                     for ev in base.evidence)
    write_exports([dataclasses.replace(base, label="Putin declares truce" + bad,
                                       evidence=evidence)], tmp_path)
    result = kg("explain", tmp_path, "declare")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    out = result.output  # type: ignore[attr-defined]
    assert not UNSAFE.search(out.replace("\n", ""))
    assert "\\x1b" in out and "\\u202e" in out
    # one header line, one for the codes, three per mention
    assert len(out.splitlines()) == 2 + 3 * len(evidence)


def test_an_error_naming_a_file_with_a_newline_stays_on_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "exports\nkg: all good\x1b[2J"
    folder.mkdir()
    (folder / "kg.ttl").write_text("this is not turtle", encoding="utf-8")
    result = kg("explain", folder, "truce")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert len(result.output.strip().splitlines()) == 1, result.output  # type: ignore[attr-defined]
    assert "\x1b" not in result.output  # type: ignore[attr-defined]
