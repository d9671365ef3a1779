"""A mention read as an actor: seats, organisations, known and new people, states and their forces."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Actor, EntityMention
from kg.reference import Country, RefPerson
from kg.resolve.actors import (actor_key, country_actor, expand_roles, forces_actor, lookup_org,
                               lookup_person, lookup_seat, name_tokens, roles_in, strip_honorifics)
from kg.resolve.cues import Cue, alternation, cue_tokens, head_kind, is_modifier, scan_cues, title_of
from kg.resolve.place_mentions import resolve_place
from kg.resolve.places import capital_country, lookup_place
from kg.resolve.state import PLACE_LABELS, ArticleState, Ref, around
from kg.resources import Resources
from kg.text import name_key, slugify

__all__ = ["resolve_actor", "owner_id"]

_NONE = Actor("", "")  # sentinel: the mention is certainly not an actor ("pro-Russian", "Iranian-made")


@lru_cache(maxsize=8)
def _leading_adjectives(words: frozenset[str]) -> re.Pattern[str]:
    # Words a recogniser sweeps into a name at the start of a sentence: "New European Union sanctions".
    return re.compile(r"^(?:" + alternation(words) + r"\s+)+", re.IGNORECASE)


@lru_cache(maxsize=8)
def _org_heads(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"^" + alternation(words) + r"$", re.IGNORECASE)


def resolve_actor(m: EntityMention, text: str, st: ArticleState) -> Ref | None:
    res = st.res
    seat = lookup_seat(text, res)
    if seat is not None:
        return st.add_actor(seat, text)
    org = _org_in_context(m, res)
    if org is not None:
        return st.add_actor(org, text)
    _prefix, suffix = around(m)
    after = cue_tokens(suffix, res)
    if after and is_modifier(after[0], res):
        return None  # "al Qaeda-linked JNIM", "Iranian-backed militias": not the actor named here
    org = lookup_org(text, res) or lookup_org(_leading_adjectives(res.words["leading_adjective"]).sub("", text), res)
    if org is not None:
        return st.add_actor(org, text)
    if m.label in ("PERSON", "ORG", "PROPN"):
        person = st.find_person(text)
        if person is not None:
            return st.touch(person, text, _title_roles(m, text, res))
    if m.label in ("PERSON", "PROPN"):
        ref = lookup_person(text, res)
        if ref is not None:
            return _add_ref_person(st, m, text, ref)
    state_actor, alias = _state_actor(m, text, st)
    if state_actor is _NONE:
        return None
    if state_actor is not None:
        return st.add_actor(state_actor, alias)
    return _by_label(m, text, st)


def _by_label(m: EntityMention, text: str, st: ArticleState) -> Ref | None:
    """What no table knows as an actor, by the recogniser's label."""
    res = st.res
    if m.label == "ORG":
        ref = lookup_person(text, res)  # recognisers often tag a surname as ORG ("Zelenskiy said")
        if ref is not None:
            return _add_ref_person(st, m, text, ref)
        if _org_heads(res.words["organisation_head"]).search(text.split()[-1]):
            return _organisation(m, text, st)  # "Justice Department": a body, not a French département
        place = lookup_place(text, res, counts=st.counts)
        if place is not None and place.type != "city":  # "Nagorno-Karabakh" tagged ORG
            return st.add_place(place, text)
        return _organisation(m, text, st)
    if m.label == "PERSON" or (m.label == "PROPN" and _titled_name(m, text, res)):
        # one unknown word in no actor's slot is more often a headline word than a person
        if len(text.split()) < 2 and m.role != "actor":
            return None
        return _new_person(st, m, text)
    if m.label in PLACE_LABELS:
        return resolve_place(m, text, st)  # a region or town said to act: still a place
    place = lookup_place(text, res, counts=st.counts)
    if place is not None and (m.label == "NORP" or place.type != "city"):
        # "Sderot" tagged NORP, "Tigray" left untagged: a known place all the same; untagged
        # words matching a mere town name ("Hope") are not trusted
        return st.add_place(place, text)
    return None  # an untagged proper noun that names nothing known: headline words, mostly


def _org_in_context(m: EntityMention, res: Resources) -> Actor | None:
    """An organisation whose longer name in the context covers the mention ("Saudi" in "the
    Saudi-led coalition", "Security Council" in "the AU Peace and Security Council")."""
    prefix, _ = around(m)
    if not m.context or not prefix and m.context.strip() == m.text.strip():
        return None
    start = len(cue_tokens(prefix, res))
    end = start + len(cue_tokens(m.text, res))
    for cue in scan_cues(m.context, res):
        if cue.start <= start and cue.end >= end and cue.end - cue.start > end - start \
                and cue.via == "org":
            return cue.actor
        if cue.start > start:
            break
    return None


def _state_actor(m: EntityMention, text: str, st: ArticleState) -> tuple[Actor | None, str | None]:
    """A state or its armed forces from a name, demonym, capital or "<demonym> <body>" phrase."""
    res = st.res
    prefix, suffix = around(m)
    after = cue_tokens(suffix, res)
    country = res.reference.countries.for_name(text)
    via_demonym = False
    if country is None:
        country = res.reference.countries.for_demonym(text)
        via_demonym = country is not None
    if country is not None:
        stance = alternation(res.words["stance_prefix"])
        if via_demonym and re.search(stance + r"-\s*$", prefix, re.IGNORECASE):
            return _NONE, None
        kind = head_kind(after, res)
        if kind in ("modifier", "none"):
            return _NONE, None
        if kind == "forces":
            return forces_actor(country), _forces_alias(country, after, res)
        return country_actor(country), text
    return _state_in_phrase(m, text, prefix, st)


def _state_in_phrase(m: EntityMention, text: str, prefix: str,
                     st: ArticleState) -> tuple[Actor | None, str | None]:
    """"Russian Foreign Ministry", "Israeli army", "Foreign Ministry" after its owner, a capital."""
    res = st.res
    cues = list(scan_cues(text, res))
    words = cue_tokens(text, res)
    if cues and cues[0].start == 0 and cues[0].country is not None and cues[0].end < len(words):
        kind = head_kind(words[cues[0].end:], res, strict=True)
        if kind == "forces":
            return forces_actor(cues[0].country), text
        if kind == "country":
            return country_actor(cues[0].country), text
        if kind in ("modifier", "none"):
            return _NONE, None
    elif m.label == "ORG" and not cues and words:
        # "Foreign Ministry", "Defence Ministry": whose depends on the words before the name.
        kind = head_kind(words, res, strict=True)
        if kind in ("forces", "country"):
            owner, _ = title_of(prefix, "", res)
            if owner is not None and owner.country is not None:
                maker = forces_actor if kind == "forces" else country_actor
                return maker(owner.country), text
            return _NONE, None
    if m.label in PLACE_LABELS or m.label in ("PERSON", "PROPN", "ORG"):
        place = lookup_place(text, res, counts=st.counts)
        capital = capital_country(place, res) if place is not None else None
        if capital is not None:
            return country_actor(capital), text
    return None, None


def _titled_name(m: EntityMention, text: str, res: Resources) -> bool:
    """An untagged "Aysel Gasimova" after "Foreign Ministry spokesperson": a person all the same."""
    words = text.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    prefix, _ = around(m)
    _owner, phrases = title_of(prefix, "", res)
    return bool(phrases)


def _forces_alias(country: Country, after: list[str], res: Resources) -> str:
    """A readable alias from the words that made a state its forces ("Russian troops")."""
    for w in after[:5]:
        if name_key(w) in res.words["force_alias_noun"]:
            return f"{country.adjective} {name_key(w)}"
    return f"{country.adjective} forces"


def _organisation(m: EntityMention, text: str, st: ArticleState) -> Ref | None:
    """An organisation no table knows, when its name says it is one ("Sudan Doctors Network").

    Headline words the recogniser tags as ORG ("Washington Applies Pressure") are dropped.
    """
    res = st.res
    words = text.split()
    heads = _org_heads(res.words["organisation_head"])
    if not (heads.search(words[-1]) or (len(words) == 1 and text.isupper() and len(text) > 1)):
        return None
    if re.search(r"['’]s\b", text):
        return None
    prefix, _ = around(m)
    owner = next(iter(scan_cues(text, res)), None)
    if owner is None:
        owner, _roles = title_of(prefix, "", res)
    return st.add_actor(Actor(slugify(text), text, "organization", (),
                              owner_id(owner) if owner else None), text)


# --- people -------------------------------------------------------------------------------------

def _title_roles(m: EntityMention, text: str, res: Resources) -> set[str]:
    prefix, suffix = around(m)
    _owner, phrases = title_of(prefix, suffix, res)
    return expand_roles(phrases + roles_in(" ".join(_honorifics_of(text, res)), res), res)


def _honorifics_of(text: str, res: Resources) -> list[str]:
    words = text.split()
    kept = strip_honorifics([w.lower().strip(".") for w in words], res)
    return words[: len(words) - len(kept)]


def _add_ref_person(st: ArticleState, m: EntityMention, text: str, ref: RefPerson) -> Ref:
    roles = set(ref.roles) | _title_roles(m, text, st.res)
    return st.add_person(ref.actor(), ref.tokens | name_tokens(text, st.res), roles, text)


def _new_person(st: ArticleState, m: EntityMention, text: str) -> Ref | None:
    res = st.res
    words = text.split()
    name = " ".join(words[len(_honorifics_of(text, res)):]).strip(" ,.")
    key = actor_key(name, res)
    if not key:
        return None
    prefix, suffix = around(m)
    owner, phrases = title_of(prefix, suffix, res)
    actor = Actor(slugify(key), name, "person", (), owner_id(owner) if owner else None)
    roles = expand_roles(phrases + roles_in(" ".join(_honorifics_of(text, res)), res), res)
    return st.add_person(actor, name_tokens(name, res), roles, text)


def owner_id(cue: Cue) -> str:
    """Whom a title serves: the state for a state, seat or national force; else the organisation."""
    if cue.country is not None:
        return cue.country.id
    return cue.actor.id
