"""Scores of one article's system events against its gold events, and their sums over a set.

An event matches a gold event when its CAMEO root fits (``typed``: the same kind of event;
``strict``: the same root; ``detect``: any), its date overlaps the gold one within a day and is
not vaguer, and one of its actors carries a name of a gold participant or of the country that
participant belongs to. Pairs are one-to-one, taken greedily: core gold events first, then
exact dates. Recall counts core gold events found; precision counts system events that match
any gold event, core or not.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields

from kg.evaluate.gold import GoldArticle
from kg.evaluate.match import MODES, Mode, any_match, date_ok, greedy, type_ok
from kg.evaluate.system import SystemEvent

__all__ = ["Counts", "Figures", "Summary", "RootRow", "fitting", "match_events", "count_article",
           "summarize", "per_root"]


def fitting(gold: GoldArticle, events: Sequence[SystemEvent], mode: Mode) -> Callable[[int, int], bool]:
    """Whether system event ``s`` may match gold event ``g`` under ``mode`` (type, date, actor)."""
    names = [[n for i in ev.participants for n in gold.actor_names(i, with_affiliation=True)]
             for ev in gold.events]
    spans = [ev.span for ev in gold.events]

    def fits(g: int, s: int) -> bool:
        gev, sev = gold.events[g], events[s]
        if mode != "detect" and not type_ok(gev.root, sev.roots, lenient=mode == "typed"):
            return False
        return date_ok(spans[g], sev.span) and any_match(sev.actors, names[g])

    return fits


def match_events(gold: GoldArticle, events: Sequence[SystemEvent], mode: Mode) -> list[tuple[int, int]]:
    """The (gold index, system index) pairs of ``mode``'s one-to-one matching."""
    spans = [ev.span for ev in gold.events]

    def rank(g: int, s: int) -> int:
        return 2 * gold.events[g].core + _exact(spans[g], events[s])

    return greedy(len(gold.events), len(events), fitting(gold, events, mode), rank)


def _exact(gold_span: object, event: SystemEvent) -> bool:
    """The event begins on the gold event's first day."""
    return bool(gold_span and event.begin and event.begin[0] == gold_span[0])  # type: ignore[index]


@dataclass(frozen=True)
class Counts:
    """One article's (or a set's) counts; the field names are score.py's JSON row keys."""

    sys: int = 0
    core: int = 0
    typed_tp_sys: int = 0
    typed_tp_core: int = 0
    strict_tp_sys: int = 0
    strict_tp_core: int = 0
    detect_tp_sys: int = 0
    detect_tp_core: int = 0
    date_exact_core: int = 0
    actor_gold: int = 0
    actor_found: int = 0
    actor_sys: int = 0
    actor_right: int = 0
    place_gold: int = 0
    place_found: int = 0
    place_sys: int = 0
    place_right: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def count_article(gold: GoldArticle, events: Sequence[SystemEvent]) -> Counts:
    """The counts of one article, from its three matchings and its actors and places."""
    core = set(gold.core)
    out: dict[str, int] = {"sys": len(events), "core": len(core)}
    for mode in MODES:
        pairs = match_events(gold, events, mode)
        out[f"{mode}_tp_sys"] = len(pairs)
        out[f"{mode}_tp_core"] = sum(g in core for g, _ in pairs)
        if mode == "typed":
            out["date_exact_core"] = sum(g in core and _exact(gold.events[g].span, events[s])
                                         for g, s in pairs)
    out.update(_entity_counts(gold, events, "actor"))
    out.update(_entity_counts(gold, events, "place"))
    return Counts(**out)


def _entity_counts(gold: GoldArticle, events: Sequence[SystemEvent], key: str) -> dict[str, int]:
    """Recall over the actors (places) of core events; precision over every distinct system
    actor (place), right when it carries a name of any gold actor (place)."""
    if key == "actor":
        wanted = {i for c in gold.core for i in gold.events[c].participants}
        names = lambda i: gold.actor_names(i, with_affiliation=False)  # noqa: E731
        table = gold.actors
    else:
        wanted = {i for c in gold.core for i in gold.events[c].places}
        names, table = gold.place_names, gold.places
    system = {n for ev in events for n in (ev.actors if key == "actor" else ev.places)}
    every = [names(i) for i in table]
    return {f"{key}_gold": len(wanted),
            f"{key}_found": sum(any_match(system, names(i)) for i in wanted),
            f"{key}_sys": len(system),
            f"{key}_right": sum(any(any_match([s], al) for al in every) for s in system)}


@dataclass(frozen=True)
class Figures:
    """Precision, recall and F1, rounded to three places as score.py rounds them."""

    P: float
    R: float
    F1: float

    @classmethod
    def of(cls, right: int, predicted: int, found: int, wanted: int) -> Figures:
        p = right / predicted if predicted else 0.0
        r = found / wanted if wanted else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(round(p, 3), round(r, 3), round(f, 3))


@dataclass(frozen=True)
class Summary:
    """The figures of a set of articles."""

    typed: Figures
    strict: Figures
    detect: Figures
    date_exact_of_matched_core: float
    actor: Figures
    place: Figures
    articles: int
    gold_core_events: int
    system_events: int

    def as_dict(self) -> dict[str, object]:
        """score.py's summary, key for key."""
        out: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = vars(value).copy() if isinstance(value, Figures) else value
        return out


def summarize(rows: Sequence[Counts]) -> Summary:
    """Micro-averaged figures: counts summed over the articles, then divided."""
    t = sum(rows, Counts())
    modes = {m: Figures.of(getattr(t, f"{m}_tp_sys"), t.sys, getattr(t, f"{m}_tp_core"), t.core)
             for m in MODES}
    exact = round(t.date_exact_core / t.typed_tp_core, 3) if t.typed_tp_core else 0.0
    return Summary(**modes, date_exact_of_matched_core=exact,
                   actor=Figures.of(t.actor_right, t.actor_sys, t.actor_found, t.actor_gold),
                   place=Figures.of(t.place_right, t.place_sys, t.place_found, t.place_gold),
                   articles=len(rows), gold_core_events=t.core, system_events=t.sys)


@dataclass(frozen=True)
class RootRow:
    """One CAMEO root: core gold events of it and how many were found (typed), system events
    coded with it and how many matched a gold event."""

    root: str
    gold_core: int = 0
    found: int = 0
    system: int = 0
    right: int = 0

    @property
    def figures(self) -> Figures:
        return Figures.of(self.right, self.system, self.found, self.gold_core)


def per_root(articles: Sequence[tuple[GoldArticle, Sequence[SystemEvent]]]) -> list[RootRow]:
    """The typed matching broken down by CAMEO root, gold events by their root and system
    events by the roots of their own codes."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for gold, events in articles:
        pairs = match_events(gold, events, "typed")
        found, right = {g for g, _ in pairs}, {s for _, s in pairs}
        for g in gold.core:
            row = counts[gold.events[g].root]
            row[0] += 1
            row[1] += g in found
        for s, ev in enumerate(events):
            for root in ev.code_roots:
                counts[root][2] += 1
                counts[root][3] += s in right
    return [RootRow(root, *counts[root]) for root in sorted(counts)]
