"""Resolve an article's entity mentions to canonical actors and places, and merge them across articles.

Within one article, surnames, first names and role nouns ("the envoy") resolve to the person
introduced earlier; capitals and seats of power used as actors ("Moscow said", "the Kremlin")
resolve to the state; demonyms heading forces ("Russian troops") to the state's armed forces.
Across articles, ids are stable functions of the name: reference ids for known people, states and
organisations, :func:`actor_key` slugs for other people, GeoNames-based ids for places (see
:mod:`kg.resolve.places` for the place id scheme).

Examples
--------
>>> from kg.model import EntityMention
>>> text = "Russian President Vladimir Putin met Qatar's emir in Moscow. Putin said ..."
>>> ms = [EntityMention("Vladimir Putin", 17, 31, "PERSON", "actor", "Russian President Vladimir Putin"),
...       EntityMention("Moscow", 52, 58, "GPE", "place", "Moscow"),
...       EntityMention("Putin", 60, 65, "PERSON", "actor", "Putin")]
>>> [(r.id, type(r).__name__) for r in resolve_entities(ms)]
[('vladimir-putin', 'Actor'), ('moscow-ru', 'Place'), ('vladimir-putin', 'Actor')]
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from kg.model import Actor, EntityMention, Place
from kg.resolve.actor_mentions import resolve_actor
from kg.resolve.actors import actor_key, is_noise, lookup_org, lookup_seat
from kg.resolve.place_mentions import resolve_place
from kg.resolve.places import country_hint, country_place
from kg.resolve.role_nouns import resolve_role
from kg.resolve.state import PLACE_LABELS, ArticleState, Ref
from kg.resolve.unify import unify_actors, unify_places
from kg.resolve.unnamed import unnamed_actor
from kg.resources import Resources, default_resources

__all__ = ["resolve_entities", "unify_actors", "unify_places", "actor_key", "country_place"]


def resolve_entities(mentions: Sequence[EntityMention], res: Resources | None = None) -> list[Actor | Place | None]:
    """Canonical actors and places for every entity mention of ONE article, in text order.

    Returns a list aligned with ``mentions``: an :class:`~kg.model.Actor`, a
    :class:`~kg.model.Place`, or None for noise (news agencies, platforms, feasts, months,
    "pro-Russian" and other modifiers, unresolvable role nouns). Every record of the same id in
    the result is the same object, carrying all the surface forms the article used as aliases.
    ``res`` holds the word classes and reference tables (the package's own when None).
    """
    res = res or default_resources()
    state = ArticleState(res, _country_counts(mentions, res))
    refs: list[Ref | None] = []
    for i, m in enumerate(mentions):
        state.index = i
        refs.append(_resolve(m, state))
    built: dict[Ref, Actor | Place] = {}
    out: list[Actor | Place | None] = []
    for ref in refs:
        if ref is None:
            out.append(None)
            continue
        if ref not in built:
            built[ref] = state.record(ref)
        out.append(built[ref])
    return out


def _country_counts(mentions: Sequence[EntityMention], res: Resources) -> Counter[str]:
    """How often the article locates something in each country (a country or an unambiguous
    place named as a place). States named as actors do not count: "the U.S. said" in a story
    from Geneva says nothing about which Geneva."""
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.role == "actor" or m.label not in PLACE_LABELS and m.role != "place":
            continue
        iso = country_hint(_clean(m.text), res)
        if iso:
            counts[iso] += 1
    return counts


def _clean(text: str) -> str:
    s = text.strip().strip("\"“”‘’«»()[]")
    s = re.sub(r"(?:'s|’s|'|’)$", "", s).strip()
    return re.sub(r"^(?:the|The)\s+", "", s)


def _resolve(m: EntityMention, st: ArticleState) -> Ref | None:
    text = _clean(m.text)
    if text and m.label == "NOUN":  # "gunmen", "jihadists", "the army": a typed actor the text does not name
        # "RSF fighters", "Hamas gunmen" the recogniser missed: the members of a known group
        org = lookup_org(text.rsplit(" ", 1)[0], st.res) if " " in text else None
        return st.add_actor(org or unnamed_actor(text, st.res.words), text)
    if not text or is_noise(text, m.label, st.res):
        return None
    if m.label == "PROPN" and not text[:1].isupper():
        return None  # "the regional central bank": a common noun the parser took for a name
    if m.label == "ROLE":
        return resolve_role(m, text, st)
    wants_place = m.role == "place" or (m.role == "unknown" and m.label in PLACE_LABELS)
    if wants_place:
        seat = lookup_seat(text, st.res)
        if seat is not None and m.role == "unknown" and m.label != "GPE":
            # "the Kremlin", "the White House": in news they act far more often than they locate.
            return st.add_actor(seat, text)
        return resolve_place(m, text, st)
    return resolve_actor(m, text, st)
