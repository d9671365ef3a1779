"""The reference tables travel in the Resources value passed to resolve, not in module caches."""
from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import replace

from kg.model import EntityMention
from kg.reference import Reference
from kg.resolve.entities import resolve_entities
from kg.resolve.places import lookup_place
from kg.resources import default_resources


def test_resolve_reads_the_gazetteer_it_is_given() -> None:
    res = default_resources()
    towns = replace(res, reference=Reference(res.words, min_city_population=15_000))
    m = EntityMention("Sudzha", 22, 28, "GPE", "place", "Russian troops retook Sudzha")
    [default] = resolve_entities([m], res)
    [smaller] = resolve_entities([m], towns)
    assert (default.id, default.geonames) == ("sudzha-ru", 486816)  # 5,000 inhabitants and more
    assert (smaller.id, smaller.geonames) == ("sudzha", None)  # a gazetteer of 15,000 and more
    assert lookup_place("Pokrovsk", towns).geonames == lookup_place("Pokrovsk", res).geonames


def test_each_table_is_built_once_per_reference() -> None:
    ref = default_resources().reference
    assert ref.gazetteer is ref.gazetteer and ref.people is ref.people
    assert default_resources() is default_resources()


def test_the_reference_package_is_a_leaf() -> None:
    code = ("import sys, kg.reference as r; r.Reference(__import__('kg.words').words.load_words()).people; "
            "print(sorted(m for m in sys.modules if m.startswith('kg.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    stages = ("kg.ingest", "kg.extract", "kg.resolve", "kg.merge", "kg.graph", "kg.export")
    assert not [m for m in ast.literal_eval(out) if m.startswith(stages)]
