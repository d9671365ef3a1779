"""The word-class table: every class the code reads exists, every class in the table is read."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.words import WordClasses, load_words

_KG = Path(__file__).resolve().parents[1] / "kg"
_READ = re.compile(r"""words(?:\(\))?\[\s*["']([^"']+)["']\s*\]""")  # words["x"], load_words()["x"]
_READ_MAPPING = re.compile(r"""\.by_value\(\s*["']([^"']+)["']\s*\)""")
_READ_UNION = re.compile(r"""words\.union\(([^)]*)\)""")  # words.union("force_noun", "member_noun")
_QUOTED = re.compile(r"""["']([^"']+)["']""")


def _read(src: str) -> set[str]:
    """The classes ``src`` reads by name: ``words["x"]`` and ``words.union("x", "y")``."""
    return set(_READ.findall(src)) | {c for args in _READ_UNION.findall(src) for c in _QUOTED.findall(args)}


def _source() -> str:
    # kg/words.py itself only shows the pattern in its docstring
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(_KG.rglob("*.py"))
                     if p != _KG / "words.py")


def test_every_class_the_code_reads_is_in_the_table() -> None:
    words = load_words()
    src = _source()
    read = _read(src)
    assert read, "no words[...] reads found: the pattern of this test is out of date"
    missing = sorted(c for c in read if c not in words)
    families = {c.partition(":")[0] for c in words.classes if ":" in c}
    missing += sorted(f for f in set(_READ_MAPPING.findall(src)) if f not in families)
    assert not missing, f"read in kg/ but not in kg/data/words.tsv: {missing}"


def test_every_class_in_the_table_is_read_somewhere() -> None:
    src = _source()
    read = _read(src)
    families = set(_READ_MAPPING.findall(src))
    unread = sorted(c for c in load_words().classes
                    if c not in read and c.partition(":")[0] not in families)
    assert not unread, f"classes in kg/data/words.tsv that no code reads: {unread}"


def test_the_table_is_lower_case_and_sorted_by_class() -> None:
    text = (_KG / "data" / "words.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    assert all(len(r) == 2 and r[1] == r[1].lower().strip() and r[1] for r in rows)
    names = [r[0] for r in rows]
    assert names == sorted(names)


def test_a_mapping_is_one_class_per_value() -> None:
    words = WordClasses.from_text("role_plural:official\tofficials\nrole_plural:official\tdiplomats\n"
                                  "role_plural:envoy\tenvoys\nother\tofficials\n")
    assert words.by_value("role_plural") == {"officials": "official", "diplomats": "official",
                                             "envoys": "envoy"}


def test_a_word_in_two_values_of_one_mapping_is_refused() -> None:
    words = WordClasses.from_text("place_type:city\tport\nplace_type:landmark\tport\n")
    with pytest.raises(ValueError, match="port"):
        words.by_value("place_type")


def test_an_unknown_class_or_mapping_says_which() -> None:
    with pytest.raises(KeyError, match="force_nouns"):
        load_words()["force_nouns"]
    with pytest.raises(KeyError, match="role_plurals"):
        load_words().by_value("role_plurals")
