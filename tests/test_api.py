"""The public API: ``kg.__all__`` is a chosen list (a change to it is a decision, made here),
every name in it works, and ``import kg`` stays cheap (spaCy, pyvis and rdflib load on use)."""
from __future__ import annotations

import dataclasses
import importlib
import subprocess
import sys

import pytest

import kg
from kg.errors import KGError

PUBLIC_API = [
    # records
    "Article", "Event", "Actor", "Place", "TimeSpan", "Evidence",
    # pipeline
    "build", "build_events", "events_from_text", "read_articles", "merge_events", "Settings",
    "BuildResult",
    # graph and exports
    "build_graph", "write_exports", "load_events", "to_dataframe",
    # errors
    "KGError", "InputError", "NoDateError", "ModelError", "ExportError", "ValidationError",
]
RECORDS = ["Article", "Event", "Actor", "Place", "TimeSpan", "Evidence", "Settings", "BuildResult"]
ERRORS = ["KGError", "InputError", "NoDateError", "ModelError", "ExportError", "ValidationError"]
HEAVY = ("spacy", "pyvis", "rdflib", "pandas")


def test_public_api_is_exactly_the_pinned_list():
    assert len(kg.__all__) == len(set(kg.__all__)), "a name is listed twice"
    assert sorted(kg.__all__) == sorted(PUBLIC_API)


@pytest.mark.parametrize("name", PUBLIC_API)
def test_every_public_name_resolves_to_its_implementation(name: str):
    obj = getattr(kg, name)
    home = importlib.import_module(obj.__module__)
    assert getattr(home, name) is obj, f"kg.{name} is not {obj.__module__}.{name}"
    assert not obj.__module__.split(".")[-1].startswith("_")


@pytest.mark.parametrize("name", PUBLIC_API)
def test_every_public_name_has_a_docstring(name: str):
    doc = (getattr(kg, name).__doc__ or "").strip()
    # dataclasses write "Name(field: type, ...)" when the class says nothing itself
    assert doc and not doc.startswith(f"{name}("), f"kg.{name} has no docstring"


def test_star_import_gives_every_public_name():
    namespace: dict[str, object] = {}
    exec("from kg import *", namespace)
    assert set(PUBLIC_API) <= set(namespace)


def test_unknown_name_is_an_attribute_error_naming_it():
    with pytest.raises(AttributeError, match="no_such_thing"):
        kg.no_such_thing  # noqa: B018


@pytest.mark.parametrize("name", RECORDS)
def test_records_are_frozen_values(name: str):
    cls = getattr(kg, name)
    assert dataclasses.is_dataclass(cls)
    assert cls.__dataclass_params__.frozen, f"kg.{name} can be changed in place"


@pytest.mark.parametrize("name", ERRORS)
def test_every_error_is_a_kg_error(name: str):
    assert issubclass(getattr(kg, name), KGError)


def test_input_error_says_what_where_and_what_to_do_in_one_line():
    err = kg.InputError("reports/batch.jsonl:12", "publication date 'Tuesday' is not a date",
                        "write it as YYYY-MM-DD")
    text = str(err)
    assert "\n" not in text
    assert text.index("reports/batch.jsonl:12") < text.index("Tuesday") < text.index("YYYY-MM-DD")
    assert (err.source, err.hint) == ("reports/batch.jsonl:12", "write it as YYYY-MM-DD")


def _modules_after(code: str) -> set[str]:
    probe = (f"{code}\nimport sys\n"
             f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r})))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_import_kg_loads_no_heavy_library():
    assert _modules_after("import kg") == set(), "import kg must not load spaCy, pyvis or rdflib"


def test_reading_articles_loads_no_heavy_library():
    # ingest comes before the language model: listing inputs must stay quick
    assert _modules_after("import kg; kg.read_articles; kg.Settings; kg.BuildResult") == set()
