"""The matching rules of the evaluation: names, dates, types, and the greedy one-to-one pairing.

They are the rules of shared/eval/score.py, so that ``kg evaluate`` gives its figures:

>>> name_match("President Volodymyr Zelenskiy", "Zelenskiy")
True
>>> name_match("Prime Minister", "Foreign Minister")   # titles alone name nobody
False
>>> interval("2025-04")
(datetime.date(2025, 4, 1), datetime.date(2025, 4, 30))
>>> date_ok(interval("2025-04-20"), interval("2025-04-21"))   # a day either way
True
>>> date_ok(interval("2025-04-20"), interval("2025-04"))      # a month cannot stand for a day
False
>>> type_ok("19", {"18"}, lenient=True), type_ok("19", {"18"}, lenient=False)
(True, False)
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Literal

__all__ = ["DaySpan", "Mode", "MODES", "SAME_KIND", "PLOVER_TO_CAMEO", "norm", "name_match",
           "any_match", "interval", "span_of", "date_ok", "type_ok", "greedy"]

DaySpan = tuple[dt.date, dt.date]
# typed: root compatible (same kind counts); strict: the same root; detect: any type
Mode = Literal["typed", "strict", "detect"]
MODES: tuple[Mode, ...] = ("typed", "strict", "detect")

# CAMEO roots close enough to count as the same kind of event in the typed (lenient) match.
SAME_KIND: tuple[frozenset[str], ...] = (
    frozenset({"18", "19", "20"}), frozenset({"16", "17"}), frozenset({"02", "10"}),
    frozenset({"03", "04"}))
# A PLOVER category stands for every CAMEO root it may come from.
PLOVER_TO_CAMEO: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in {
    "AGREE": {"03", "05", "08"}, "CONSULT": {"04"}, "SUPPORT": {"05"}, "CONCEDE": {"08"},
    "COOPERATE": {"05", "06"}, "AID": {"07"}, "RETREAT": {"08"}, "REQUEST": {"02", "10"},
    "ACCUSE": {"11"}, "REJECT": {"12"}, "THREATEN": {"13"}, "PROTEST": {"14"},
    "SANCTION": {"16", "17"}, "MOBILIZE": {"15"}, "COERCE": {"17"}, "ASSAULT": {"18", "19", "20"},
}.items()}
# Words that do not identify anyone on their own: titles, "the", "forces", "government".
_STOP = frozenset({
    "the", "president", "prime", "minister", "foreign", "secretary", "of", "state", "spokesperson",
    "spokesman", "us", "u", "s", "mr", "ms", "general", "chief", "leader", "forces", "government"})
_DAY = dt.timedelta(days=1)
_STAMP = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def norm(s: str) -> str:
    """Lower case ASCII letters and digits, accents dropped, words single-spaced."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]+", " ", s)).strip()


def name_match(system: str, alias: str) -> bool:
    """Equal once normalised, or the words of one (titles aside) are all words of the other."""
    a, b = norm(system), norm(alias)
    if not a or not b:
        return False
    if a == b:
        return True
    ta, tb = set(a.split()) - _STOP, set(b.split()) - _STOP
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def any_match(entities: Iterable[Sequence[str]], aliases: Sequence[str]) -> bool:
    """Whether any name of any of ``entities`` matches any of ``aliases``."""
    return any(name_match(s, a) for names in entities for s in names for a in aliases)


def interval(value: object) -> DaySpan | None:
    """The days a date stamp covers: a date one day, a month its month, a year its year."""
    m = _STAMP.match(str(value).strip())
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        if day:
            return dt.date(year, month, day), dt.date(year, month, day)
        if month:
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def span_of(values: Iterable[object]) -> DaySpan | None:
    """The smallest span covering every readable stamp of ``values``."""
    spans = [s for s in map(interval, values) if s]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def date_ok(gold: DaySpan | None, system: DaySpan | None) -> bool:
    """Overlap within a day, and not vaguer than the gold date; an undated gold event fits all."""
    if gold is None:
        return True
    if system is None:
        return False
    if (system[1] - system[0]) > (gold[1] - gold[0]) + 2 * _DAY:
        return False
    return system[0] <= gold[1] + _DAY and gold[0] - _DAY <= system[1]


def type_ok(gold_root: str, roots: Iterable[str], lenient: bool) -> bool:
    """The gold root among the system's roots, or (lenient) one of the same kind."""
    roots = set(roots)
    if gold_root in roots:
        return True
    return lenient and any(gold_root in kind and roots & kind for kind in SAME_KIND)


def greedy(n_gold: int, n_system: int, fits: Callable[[int, int], bool],
           rank: Callable[[int, int], int]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold, system), taking the candidates that ``fits`` by highest ``rank``;
    ties go to the earlier gold event, then the earlier system event."""
    candidates = sorted((-rank(g, s), g, s) for g in range(n_gold) for s in range(n_system) if fits(g, s))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, g, s in candidates:
        if g not in used_gold and s not in used_system:
            used_gold.add(g)
            used_system.add(s)
            pairs.append((g, s))
    return pairs
