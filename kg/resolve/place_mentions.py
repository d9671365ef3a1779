"""A mention read as a place: reference places, gazetteer cities ranked by the countries around
them ("the Lebanese city of Tripoli"), seats as buildings, and places no source knows."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Actor, EntityMention, Place
from kg.reference import Country
from kg.resolve.actors import lookup_org, lookup_seat
from kg.resolve.cues import alternation, cue_tokens, scan_cues
from kg.resolve.places import guess_place_type, lookup_place, lookup_reference, make_place
from kg.resolve.state import PLACE_LABELS, ArticleState, Ref, around
from kg.resources import Resources
from kg.text import slugify

__all__ = ["resolve_place", "country_place_of", "place_in_context", "compass"]


@lru_cache(maxsize=8)
def _compass(words: frozenset[str]) -> str:
    return "(?:" + alternation(words) + r"\s+)?"


def compass(res: Resources) -> str:
    """A regex for an optional direction before a name ("eastern ", "north-western ")."""
    return _compass(res.words["compass_word"])


@lru_cache(maxsize=8)
def _container_of(nouns: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b" + alternation(nouns) + r"s?\s+of\s*(?:the\s*)?$")


def country_place_of(country: Country) -> Place:
    return Place(country.id, country.name, "country", (), None, None, None, country.geonames)


def resolve_place(m: EntityMention, text: str, st: ArticleState) -> Ref | None:
    res = st.res
    org = lookup_org(text, res)
    if org is not None:
        return st.add_actor(org, text)  # "at the UN", "in the EU": an organisation is not a place
    if m.label not in PLACE_LABELS:
        if m.label == "PERSON":
            person = st.find_person(text)
            if person is not None:
                return st.touch(person, text)
        if m.label == "NORP":
            country = res.reference.countries.for_demonym(text)
            if country is not None:
                return st.add_place(country_place_of(country), text)
    seat = lookup_seat(text, res)
    if seat is not None:  # "talks at the White House": the building itself
        return st.add_place(Place(slugify(text), text, "landmark", (), _country_id_of(seat)), text)
    place, strict_cue = _known_place(m, text, st)
    if place is None:
        if countries_demonym(text, res) or _people(text, res):
            # "Ukrainian air defences": a demonym names no place of its own; "US personnel",
            # "Nova festival goers": people, not a place
            return None
        # a word the recogniser did not call a place ("in Years") stays out, unless the text
        # calls it one ("the town of Nyanzale")
        named_as_place = m.role == "place" and guess_place_type(text, m.context, res) != "other"
        if m.label not in PLACE_LABELS and (m.label == "PROPN" or m.role != "place") and not named_as_place:
            return None
        if m.role == "actor" and guess_place_type(text, m.context, res) == "other":
            return None  # "Air Force One said": a name no source knows, acting, is no place
        if not any(c.isupper() for c in text):
            return None  # "off its east coast": a description, not a name
        place = make_place(text, m.context, strict_cue, res)
    return st.add_place(place, text)


def _people(text: str, res: Resources) -> bool:
    """Does the name end in a noun for people ("US personnel", "Gaza residents")?"""
    last = text.lower().split()[-1] if text.split() else ""
    return last in res.words.union("force_noun", "people_group_noun", "member_noun", "civilian_noun")


def countries_demonym(text: str, res: Resources) -> bool:
    """Is the text a demonym ("Ukrainian") rather than a country's name?"""
    countries = res.reference.countries
    return countries.for_name(text) is None and countries.for_demonym(text) is not None


def _known_place(m: EntityMention, text: str, st: ArticleState) -> tuple[Place | None, str | None]:
    """The place a source knows, and the country the context states as its container."""
    res = st.res
    prefix, suffix = around(m)
    cue, strict_cue = _place_cues(prefix, suffix, res)
    state_hint = re.search(r"\bstate of\s*$", prefix, re.IGNORECASE) is not None
    place = place_in_context(m, res) or lookup_place(text, res, cue=cue, counts=st.counts,
                                                     state_hint=state_hint)
    if place is None:
        # "eastern Ukraine", "southern Lebanon": the recogniser kept the direction in the name.
        bare = re.sub("^" + compass(res), "", text, flags=re.IGNORECASE)
        if bare != text:
            inner = lookup_place(bare, res, cue=cue, counts=st.counts)
            if inner is not None and inner.type in ("country", "region"):
                place = inner
    return place, strict_cue


def _place_cues(prefix: str, suffix: str, res: Resources) -> tuple[str | None, str | None]:
    """Countries named around a place: (any nearby, to rank homonyms; stated as its container).

    "the Lebanese city of Tripoli", "Tripoli, Lebanon", "Tripoli in northern Lebanon" state the
    container; "a Russian strike on Kharkiv" only names a country nearby.
    """
    strict = None
    m = re.match(r"\s*(?:,|\bin\b)\s*" + compass(res) + r"([A-Z][\w.'’ -]{1,40})", suffix)
    if m:
        for cue in scan_cues(m.group(1), res):
            if cue.country is not None and cue.start == 0 and cue.via in ("country", "demonym"):
                strict = cue.country.iso2
            break
    tokens = cue_tokens(prefix, res)
    near = None
    container_of = _container_of(res.words["container_noun"])
    for cue in scan_cues(prefix, res):
        if cue.country is not None and len(tokens) - cue.end <= 5:
            near = cue.country.iso2
            rest = " ".join(tokens[cue.end:]).lower()
            if strict is None and container_of.search(rest):
                strict = near
    return strict or near, strict


def place_in_context(m: EntityMention, res: Resources) -> Place | None:
    """A reference place whose longer name in the context covers the mention ("Kashmir" in
    "Pakistan-administered Kashmir")."""
    prefix, suffix = around(m)
    if not prefix.strip() and not suffix.strip():
        return None
    before, words, after = prefix.split(), m.text.split(), suffix.split()
    for total in range(min(len(before) + len(words) + len(after), len(words) + 4), len(words), -1):
        for left in range(max(0, total - len(words) - len(after)), min(len(before), total - len(words)) + 1):
            window = before[len(before) - left:] + words + after[:total - len(words) - left]
            place = lookup_reference(" ".join(window), res)
            if place is not None:
                return place
    return None


def _country_id_of(actor: Actor) -> str | None:
    return actor.affiliation if actor.type == "armed_forces" else actor.id
