"""Text helpers every stage may use: accent folding, lookup keys, id slugs and reference tables."""
from __future__ import annotations

import csv
import importlib.resources
import re
import unicodedata
from collections.abc import Iterator

__all__ = ["fold", "name_key", "slugify", "read_table", "split_list"]

_DROP = str.maketrans("", "", ".'’‘ʼʻʿʾ`´")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Strip accents (``"Khān Yūnis"`` -> ``"Khan Yunis"``)."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


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
