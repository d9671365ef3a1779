"""Text helpers every stage may use: accent folding, lookup keys, id slugs and reference tables."""
from __future__ import annotations

import csv
import importlib.resources
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

__all__ = ["fold", "name_key", "slugify", "read_table", "split_list", "clean_label"]

_DROP = str.maketrans("", "", ".'’‘ʼʻʿʾ`´")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


# What a name or label never holds: C0/C1 controls, line/paragraph separators, bidi marks,
# embeddings, overrides and isolates (U+202E turns "gpj.exe" around on screen), surrogates.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_SPACING = re.compile("[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]+")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean_label(text: str) -> str:
    """``text`` without the characters a name or label must not hold: ESC sequences go whole,
    line breaks and separators become a space, other C0/C1 controls, bidi controls
    (U+200E/F, U+202A-U+202E, U+2066-U+2069) and lone surrogates are dropped.

    >>> clean_label("Kyiv\u202e\x1b[31m Oblast\u2028")
    'Kyiv Oblast'
    """
    if text.isprintable():
        return text  # the common case (controls, separators and bidi marks are not printable)
    out = _CONTROL.sub("", _SPACING.sub(" ", _ANSI.sub("", text)))
    return " ".join(out.split()) if out != text else out


def fold(text: str) -> str:
    """Strip accents (``"Khān Yūnis"`` -> ``"Khan Yunis"``)."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)  # the resolver asks for the same names hundreds of times an article
def name_key(text: str) -> str:
    """Lookup key: accents, case, dots, apostrophes and a leading "the" removed, words single-spaced."""
    s = _NON_ALNUM.sub(" ", fold(text).lower().translate(_DROP)).strip()
    return s[4:] if s.startswith("the ") else s


def slugify(text: str) -> str:
    """Stable id fragment: ``"Côte d'Ivoire"`` -> ``"cote-divoire"``."""
    return name_key(text).replace(" ", "-") or "unnamed"


def read_table(name: str) -> Iterator[dict[str, str]]:
    """Rows of a reference TSV as dicts; ``#`` lines are the source header and are skipped."""
    path = importlib.resources.files("kg") / "data" / "reference" / name
    with path.open(encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        yield {k: (v or "").strip() for k, v in row.items() if k}


def split_list(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())
