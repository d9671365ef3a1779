"""kg.query: loading exports into rdflib or Oxigraph, running SPARQL with the same answers from
both, finding cookbook queries, and printing results; every failure is one line naming the
file or query."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_cookbook import story

from kg.errors import InputError, KGError
from kg.export.rdf import to_rdf, write_rdf
from kg.query import (
    ENGINES,
    QueryResult,
    Store,
    cookbook,
    format_result,
    load_store,
    resolve_query,
    run_query,
)

QUERIES = Path(__file__).resolve().parents[1] / "examples" / "queries"
EX = "http://example.org/"

LITERALS_TTL = f"""
@prefix ex: <{EX}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:decimal "1.50"^^xsd:decimal ; ex:whole "-10.0"^^xsd:decimal ; ex:int "007"^^xsd:integer ;
     ex:flag "1"^^xsd:boolean ; ex:day "2025-05-08"^^xsd:date ; ex:name "Kyiv"@en ;
     ex:plain "Pokrovsk" ; ex:link ex:b ; ex:double "1.5E0"^^xsd:double .
ex:b ex:name "Kharkiv" .
"""


@pytest.fixture(scope="module")
def ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_rdf(to_rdf(story()), tmp_path_factory.mktemp("query") / "kg.ttl")


@pytest.fixture(scope="module")
def literals(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("literals") / "literals.ttl"
    path.write_text(LITERALS_TTL, encoding="utf-8")
    return path


def both(paths: list[Path], query: str) -> QueryResult:
    answers = [run_query(load_store(paths, engine=e), query) for e in ENGINES]  # type: ignore
    assert answers[0] == answers[1]
    return answers[0]


def one_line(err: BaseException) -> str:
    text = str(err)
    assert "\n" not in text and "Traceback" not in text
    return text


# --- loading -----------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", ENGINES)
def test_load_store_reads_an_export_with_either_engine(ttl, engine):
    store = load_store([ttl], engine=engine)
    assert isinstance(store, Store) and store.engine == engine and store.files == (ttl,)
    assert len(store) == len(to_rdf(story()))


@pytest.mark.parametrize("fmt, suffix", [("trig", ".trig"), ("nt", ".nt"),
                                         ("json-ld", ".jsonld")])
def test_other_export_formats_answer_like_turtle(ttl, tmp_path, fmt, suffix):
    other = write_rdf(to_rdf(story()), tmp_path / f"kg{suffix}", format=fmt)
    query = resolve_query("evidence")  # articles and evidence live in TriG's named graphs
    assert both([other], query) == both([ttl], query)


def test_a_folder_loads_every_rdf_file_inside(tmp_path):
    events = story()
    write_rdf(to_rdf(events[:5]), tmp_path / "a.ttl")
    write_rdf(to_rdf(events[5:]), tmp_path / "nested" / "b.ttl")
    (tmp_path / "notes.txt").write_text("not RDF")
    (tmp_path / "settings.json").write_text('{"theme": "dark"}')  # JSON, not JSON-LD
    result = both([tmp_path], "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>\n"
                              "SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }")
    assert result.rows == ((str(len(events)),),)


def test_a_build_folder_is_read_once_though_it_holds_the_same_graph_in_four_formats(tmp_path):
    graph = to_rdf(story())
    ttl = write_rdf(graph, tmp_path / "kg.ttl")
    for fmt, name in (("trig", "kg.trig"), ("nt", "kg.nt"), ("json-ld", "kg.jsonld")):
        write_rdf(graph, tmp_path / name, format=fmt)  # what kg build --also writes
    other = write_rdf(to_rdf(story()[:2]), tmp_path / "older" / "kg.trig", format="trig")
    store = load_store([tmp_path])
    assert store.files == (ttl, other)  # a kg.trig with no kg.ttl beside it is read
    assert len(store) == len(graph)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("make, problem", [
    (lambda d: d / "missing.ttl", "no such file"),
    (lambda d: d, "folder holds no RDF file"),
    (lambda d: _write(d / "kg.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b ."),
     "not readable"),
    (lambda d: _write(d / "kg.ttl", "<http://example.org/a> <http://example.org/b> \"x"),
     "not readable"),
    (lambda d: _write(d / "kg.csv", "id,label\n1,truce\n"), "unknown RDF file kind"),
])
def test_unreadable_input_raises_one_line_input_error_naming_the_file(tmp_path, engine, make,
                                                                     problem):
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        load_store([path], engine=engine)
    message = one_line(caught.value)
    assert message.startswith(str(path)) and problem in message


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_no_input_and_unknown_engine_are_refused(ttl):
    with pytest.raises(InputError, match="no RDF file given"):
        load_store([])
    with pytest.raises(KGError, match="rdflib, oxigraph"):
        load_store([ttl], engine="jena")  # type: ignore[arg-type]


# --- running -----------------------------------------------------------------------------------

@pytest.mark.parametrize("variable, lexical", [
    ("decimal", "1.5"),  # rdflib keeps "1.50" as written, Oxigraph prints "1.5"
    ("whole", "-10.0"),
    ("int", "7"),
    ("flag", "true"),
    ("day", "2025-05-08"),
    ("name", "Kyiv"),  # the language tag is not part of the value
    ("plain", "Pokrovsk"),
    ("link", EX + "b"),
    ("double", "1.5"),
])
def test_terms_come_back_as_one_lexical_form_in_both_engines(literals, variable, lexical):
    result = both([literals], f"SELECT ?v WHERE {{ <{EX}a> <{EX}{variable}> ?v }}")
    assert result == QueryResult(("v",), ((lexical,),))


def test_computed_numbers_agree_between_engines(literals):
    decimal = "<http://www.w3.org/2001/XMLSchema#decimal>"
    result = both([literals], f"""SELECT (SUM(?d) AS ?sum) (COUNT(*) AS ?n) (7 / 2 AS ?half)
        WHERE {{ <{EX}a> ?p ?d FILTER(DATATYPE(?d) = {decimal}) }}""")
    assert result.rows == (("-8.5", "2", "3.5"),)


def test_unbound_variables_are_none(literals):
    result = both([literals], f"""SELECT ?s ?name ?missing WHERE {{
        ?s <{EX}name> ?name OPTIONAL {{ ?s <{EX}nothing> ?missing }} }}""")
    assert result.rows == ((EX + "a", "Kyiv", None), (EX + "b", "Kharkiv", None))


@pytest.mark.parametrize("query, ordered", [
    ("SELECT ?n WHERE { ?s <http://example.org/name> ?n } ORDER BY DESC(?n)", True),
    ("SELECT ?n WHERE { ?s <http://example.org/name> ?n }", False),
    # an ORDER BY in a comment, a string or a sub-select does not order the answer
    ("SELECT ?n WHERE { ?s <http://example.org/name> ?n } # ORDER BY DESC(?n)", False),
    ('SELECT ?n WHERE { ?s <http://example.org/name> ?n FILTER(?n != "ORDER BY") }', False),
    (("SELECT ?n WHERE { { SELECT ?n WHERE { ?s <http://example.org/name> ?n } "
      "ORDER BY DESC(?n) LIMIT 5 } }"), False),
    # '#' in an IRI is not a comment
    (("PREFIX x: <http://example.org/x#> SELECT ?n WHERE { ?s <http://example.org/name> ?n } "
      "ORDER BY DESC(?n)"), True),
])
def test_rows_keep_the_query_order_or_are_sorted(literals, query, ordered):
    rows = both([literals], query).rows
    assert rows == ((("Kyiv",), ("Kharkiv",)) if ordered else (("Kharkiv",), ("Kyiv",)))


def test_ask_and_construct_answer_as_rows(literals):
    assert both([literals], f"ASK {{ <{EX}b> ?p ?o }}") == QueryResult(("ask",), (("true",),))
    built = both([literals], f"CONSTRUCT {{ ?s <{EX}label> ?n }} WHERE {{ ?s <{EX}name> ?n }}")
    assert built.variables == ("subject", "predicate", "object")
    assert built.rows == ((EX + "a", EX + "label", "Kyiv"), (EX + "b", EX + "label", "Kharkiv"))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("query", [
    "SELECT ?x WHERE { ?x ?p }",  # syntax
    "SELECT ?x WHERE { ?x sem:hasActor ?y }",  # a prefix nobody declared
    "SELEKT * WHERE { ?s ?p ?o }",
])
def test_a_bad_query_raises_one_line_input_error_naming_it(literals, engine, query):
    store = load_store([literals], engine=engine)
    with pytest.raises(InputError) as caught:
        run_query(store, query, source="my-question.rq")
    message = one_line(caught.value)
    assert message.startswith("my-question.rq: SPARQL query failed in " + engine)
    assert "PREFIX" in message  # says what to do


# --- the cookbook ------------------------------------------------------------------------------

def test_cookbook_lists_every_query_file_with_its_description():
    book = cookbook()
    files = sorted(QUERIES.glob("*.rq"))
    assert list(book) == [f.stem for f in files]
    for f in files:
        assert book[f.stem] == f.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")


def test_cookbook_readme_describes_every_query():
    readme = (QUERIES / "README.md").read_text(encoding="utf-8")
    missing = [name for name in cookbook() if f"`{name}`" not in readme]
    assert not missing


@pytest.mark.parametrize("given", ["truce-lifecycle", "truce-lifecycle.rq"])
def test_resolve_query_finds_a_cookbook_query_by_name(given):
    assert resolve_query(given) == (QUERIES / "truce-lifecycle.rq").read_text(encoding="utf-8")


def test_resolve_query_reads_a_query_file(tmp_path):
    path = _write(tmp_path / "mine.rq", "SELECT * WHERE { ?s ?p ?o }")
    assert resolve_query(str(path)) == "SELECT * WHERE { ?s ?p ?o }"


def test_a_local_file_wins_over_a_cookbook_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "claims.rq", "ASK { ?s ?p ?o }")
    assert resolve_query("claims.rq") == "ASK { ?s ?p ?o }"


def test_resolve_query_passes_query_text_through():
    text = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"
    assert resolve_query(text) == text


@pytest.mark.parametrize("given, problem", [
    ("truce-lifecycel", "not a cookbook query name nor a .rq file"),
    ("queries/nowhere.rq", "no such query file"),
    ("nowhere.rq", "no such query file"),
])
def test_unknown_query_raises_one_line_error_listing_the_cookbook(given, problem):
    with pytest.raises(InputError) as caught:
        resolve_query(given)
    message = one_line(caught.value)
    assert message.startswith(given) and problem in message and "actor-timeline" in message


def test_a_query_file_that_is_not_text_raises_input_error(tmp_path):
    path = tmp_path / "binary.rq"
    path.write_bytes(b"\xff\xfe\x00SELECT")
    with pytest.raises(InputError, match="binary.rq.*UTF-8"):
        resolve_query(str(path))


# --- output ------------------------------------------------------------------------------------

RESULT = QueryResult(
    ("event", "label", "when", "sentence"),
    (("https://w3id.org/conflict-kg/id/event/doha-truce", "Congo and M23 agree a truce",
      "2025-04-24", "Both sides agreed to a truce on Thursday."),
     ("https://w3id.org/conflict-kg/id/event/nangaa", "Nangaa, \"rebel\" leader, rejects talks",
      None, ("Nangaa had earlier rejected an offer of talks with Kinshasa, saying the "
             "government had never honoured a single ceasefire since the war began."))))


def test_csv_output_reads_back_with_empty_cells_for_unbound():
    rows = list(csv.reader(io.StringIO(format_result(RESULT, "csv"))))
    assert rows[0] == list(RESULT.variables)
    assert rows[1:] == [[v or "" for v in row] for row in RESULT.rows]


def test_json_output_reads_back_with_null_for_unbound():
    data = json.loads(format_result(RESULT, "json"))
    assert data["variables"] == list(RESULT.variables)
    assert data["rows"] == [dict(zip(RESULT.variables, row)) for row in RESULT.rows]


def test_table_output_aligns_columns_shortens_iris_and_cuts_long_values():
    lines = format_result(RESULT, "table").splitlines()
    assert lines[0].split() == list(RESULT.variables)
    assert set(lines[1]) == {"-", " "}
    assert "id:event/doha-truce" in lines[2] and "https://" not in lines[2]
    assert lines[3].endswith("\u2026") and "2025" not in lines[3]
    assert lines[2].index("Congo") == lines[3].index("Nangaa")  # columns line up
    assert lines[-1] == "(2 rows)"


def test_empty_result_prints_its_header():
    empty = QueryResult(("event",), ())
    assert format_result(empty, "table").splitlines()[-1] == "(0 rows)"
    assert format_result(empty, "csv") == "event\n"
    assert json.loads(format_result(empty, "json")) == {"variables": ["event"], "rows": []}


def test_unknown_output_format_is_refused():
    with pytest.raises(KGError, match="table, csv, json"):
        format_result(RESULT, "xml")  # type: ignore[arg-type]
