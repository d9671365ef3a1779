"""Query parameters: a cookbook query's VALUES defaults are its parameters; binding rewrites the
text of the query, so rdflib and Oxigraph (and any other store) run the same query and agree."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.query import load_store, run_query
from kg.query_params import Parameter, bind_parameters, parse_assignments, query_parameters

TTL = """
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:russia rdfs:label "Russia" ; ex:rank 1 .
ex:ukraine rdfs:label "Ukraine" ; ex:rank 2 .
"""
HEADER = "# param name: the actor's label\n# param rank: its rank (a whole number)\n"
QUERY = HEADER + """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX ex: <http://example.org/>
SELECT ?actor WHERE {
  VALUES (?name ?rank) { ("Russia" 1) }   # a "comment" with { braces }
  ?actor rdfs:label ?name ; ex:rank ?rank .
}"""


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("params") / "kg.ttl"
    path.write_text(TTL, encoding="utf-8")
    return [load_store([path], engine=e) for e in ("rdflib", "oxigraph")]  # type: ignore[arg-type]


def answers(stores, query: str) -> list[tuple]:
    rdflib_rows, oxigraph_rows = (list(run_query(s, query).rows) for s in stores)
    assert rdflib_rows == oxigraph_rows
    return oxigraph_rows


def test_parameters_are_the_values_variables_with_their_defaults_and_header_lines():
    assert query_parameters(QUERY) == (
        Parameter("name", "Russia", "string", "the actor's label"),
        Parameter("rank", "1", "integer", "its rank (a whole number)"))


def test_the_defaults_answer_as_written_and_bound_values_replace_them(stores):
    assert answers(stores, QUERY) == [("http://example.org/russia",)]
    bound = bind_parameters(QUERY, {"name": "Ukraine", "rank": "2"})
    assert answers(stores, bound) == [("http://example.org/ukraine",)]
    assert bound.count('"Ukraine"') == 1 and '"Russia"' not in bound.split("SELECT")[1]


def test_a_number_parameter_refuses_words():
    with pytest.raises(InputError, match="rank='two' is not a number"):
        bind_parameters(QUERY, {"rank": "two"})


def test_an_unknown_parameter_names_the_query_s_parameters():
    with pytest.raises(InputError, match=r"no variable \?actors.*name, rank"):
        bind_parameters(QUERY, {"actors": "Russia"})


def test_a_variable_without_values_gets_a_values_line_first_in_the_where_group(stores):
    query = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
             "SELECT ?actor WHERE { ?actor rdfs:label ?label }")
    bound = bind_parameters(query, {"label": "Ukraine"})
    assert 'WHERE { VALUES ?label { "Ukraine" }' in bound
    assert answers(stores, bound) == [("http://example.org/ukraine",)]


def test_a_values_block_of_several_rows_is_data_not_a_parameter():
    query = 'SELECT ?x WHERE { VALUES ?x { "a" "b" } }'
    assert query_parameters(query) == ()


@settings(max_examples=40, deadline=None)
@given(value=st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=20))
def test_any_text_is_bound_as_exactly_that_string(stores, value):
    query = 'SELECT ?name WHERE { VALUES ?name { "x" } }'
    assert answers(stores, bind_parameters(query, {"name": value})) == [(value,)]


@pytest.mark.parametrize("items, expected", [
    (["from=2025-01-01", "actor=Russia"], {"from": "2025-01-01", "actor": "Russia"}),
    (["title=a=b"], {"title": "a=b"}),  # only the first '=' separates
    (["?actor=Kyiv"], {"actor": "Kyiv"}),
    (["empty="], {"empty": ""}),
])
def test_assignments_are_name_equals_value(items, expected):
    assert parse_assignments(items) == expected


@pytest.mark.parametrize("item", ["from", "=2025", " =x"])
def test_an_assignment_without_a_name_or_sign_is_refused(item):
    with pytest.raises(InputError, match="NAME=VALUE"):
        parse_assignments([item])
