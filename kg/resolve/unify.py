"""Across articles: one record per actor or place id, names and aliases united."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from kg.model import Actor, Place
from kg.resolve.state import sorted_aliases
from kg.text import clean_label

__all__ = ["unify_actors", "unify_places"]


_T = TypeVar("_T", Actor, Place)
_ACTOR_TYPE_ORDER = ("person", "country", "armed_forces", "armed_group", "international_organization",
                     "government", "organization", "other")
_PLACE_TYPE_ORDER = ("country", "city", "region", "sea", "border", "landmark", "other")


def unify_actors(actors: Iterable[Actor]) -> dict[str, Actor]:
    """One record per actor id: names and aliases united, the commonest name and type kept.

    The result does not depend on the order of ``actors``.
    """
    return _unify(actors, _merge_actors)


def unify_places(places: Iterable[Place]) -> dict[str, Place]:
    """One record per place id, as :func:`unify_actors`; coordinates from a gazetteer record."""
    return _unify(places, _merge_places)


def _unify(records: Iterable[_T], merge: Callable[[list[_T]], _T]) -> dict[str, _T]:
    groups: dict[str, list[_T]] = {}
    for r in records:
        groups.setdefault(r.id, []).append(r)
    return {rid: merge(group) for rid, group in sorted(groups.items())}


def _commonest(values: Iterable[object], order: Sequence[object] = ()) -> object:
    """The most frequent non-empty value; ties broken by ``order`` then by sort order."""
    counts = Counter(v for v in values if v not in (None, "", "other"))
    if not counts:
        return None
    rank = {v: i for i, v in enumerate(order)}
    return min(counts, key=lambda v: (-counts[v], rank.get(v, len(rank)), str(v)))


def _merged_names(group: Sequence[Actor | Place]) -> tuple[str, tuple[str, ...]]:
    counts = Counter(clean_label(r.name) for r in group)
    name = min(counts, key=lambda n: (-counts[n], -len(n), n))
    names = {clean_label(n) for r in group for n in (r.name, *r.aliases)} - {""}
    return name, sorted_aliases(names - {name})


def _merge_actors(group: list[Actor]) -> Actor:
    name, aliases = _merged_names(group)
    kind = _commonest((a.type for a in group), _ACTOR_TYPE_ORDER) or "other"
    return Actor(group[0].id, name, kind, aliases,  # type: ignore[arg-type]
                 _commonest(a.affiliation for a in group),  # type: ignore[arg-type]
                 _commonest(a.wikidata for a in group))  # type: ignore[arg-type]


def _merge_places(group: list[Place]) -> Place:
    name, aliases = _merged_names(group)
    kind = _commonest((p.type for p in group), _PLACE_TYPE_ORDER) or "other"
    located = [p for p in group if p.lat is not None and p.lon is not None]
    geo = _commonest((p.geonames, p.lat, p.lon) for p in located) if located else None
    lat, lon = (geo[1], geo[2]) if isinstance(geo, tuple) else (None, None)
    geonames = geo[0] if isinstance(geo, tuple) else _commonest(p.geonames for p in group)
    return Place(group[0].id, name, kind, aliases,  # type: ignore[arg-type]
                 _commonest(p.country for p in group), lat, lon,  # type: ignore[arg-type]
                 geonames, _commonest(p.wikidata for p in group))  # type: ignore[arg-type]
