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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from kg.model import Actor, EntityMention, Place
from kg.resolve.actors import (
    Cue, RefPerson, actor_key, country_actor, cue_tokens, expand_roles, forces_actor, head_kind,
    is_modifier, is_noise, lookup_org, lookup_person, lookup_seat, name_tokens, primary_role,
    reference_by_role, roles_in, scan_cues, strip_honorifics, title_of,
)
from kg.resolve.places import (
    Country, capital_country, country_by_id, country_for_demonym, country_for_name, country_hint,
    lookup_place, lookup_reference, make_place,
)
from kg.text import name_key, slugify

__all__ = ["resolve_entities", "unify_actors", "unify_places", "actor_key", "country_place"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_Ref = tuple[str, str]  # ("actor" | "place", id)

# Words that make a role noun indefinite or plural: it names a side, not a person.
_INDEFINITE = frozenset({"a", "an", "one", "two", "three", "some", "several", "many", "another",
                         "other", "unnamed", "anonymous"})
_PLURAL_ROLES = frozenset({"officials", "ministers", "envoys", "spokespeople", "leaders",
                           "commanders", "negotiators", "mediators", "diplomats", "generals",
                           "aides", "advisers", "ambassadors", "sources", "representatives"})
_FORCE_NOUNS = frozenset({"army", "military", "troops", "forces", "soldiers", "navy", "militaries",
                          "air force", "coast guard"})
_GROUP_NOUNS = frozenset({"rebels", "militants", "insurgents", "militia", "militias", "militiamen",
                          "fighters", "jihadists", "group", "paramilitaries", "paramilitary",
                          "guerrillas", "movement", "gunmen", "insurgency"})
_GOV_NOUNS = frozenset({"government", "authorities", "administration", "junta", "regime",
                        "cabinet", "presidency", "leadership", "ministry", "foreign ministry"})
_PLACE_NOUNS = ("town", "village", "city", "settlement", "hamlet", "region", "province", "district",
                "oblast", "governorate", "state", "county", "area", "port", "camp", "base")
_ORG_HEADS = re.compile(
    r"^(?:ministry|council|network|committee|agency|party|front|army|forces|brigades?|movement|"
    r"group|union|association|organi[sz]ation|bank|court|commission|office|authority|company|"
    r"corporation|institute|foundation|fund|services?|corps|guards?|alliance|coalition|league|"
    r"federation|assembly|parliament|government|society|cent(?:er|re)|programme|program|mission|"
    r"command|police|battalion|regiment|division|initiative|watch|observatory|crescent|cross|"
    r"unit|board|secretariat|tribunal|directorate|bureau|service|congress|senate|legion|"
    r"militia|militias|rooms?|lawyers|doctors|workers|volunteers)$", re.IGNORECASE)
# Words a recogniser sweeps into a name at the start of a sentence: "New European Union sanctions".
_LEADING_ADJECTIVES = re.compile(
    r"^(?:(?:new|former|rival|interim|so-called|self-styled|self-proclaimed|outgoing|incoming|"
    r"powerful|militant|islamist|jihadist|paramilitary|rebel|armed|hardline|exiled|banned)\s+)+",
    re.IGNORECASE)
_CONTAINER_OF = re.compile(r"\b(?:" + "|".join(_PLACE_NOUNS) + r")s?\s+of\s*(?:the\s*)?$")
_COMPASS = r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|" \
           r"north-?western|south-?eastern|south-?western)\s+)?"


@dataclass
class _Person:
    """A person introduced in the article, for later surnames and role nouns."""

    actor_id: str
    tokens: frozenset[str]
    roles: set[str]
    affiliation: str | None
    last: int


@dataclass
class _Article:
    """Resolution state of one article (lives for one call of resolve_entities)."""

    counts: Counter[str]
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    aliases: dict[_Ref, set[str]] = field(default_factory=dict)
    people: list[_Person] = field(default_factory=list)
    recent: dict[str, str] = field(default_factory=dict)  # actor type -> id last named
    index: int = 0

    def add_actor(self, actor: Actor, alias: str | None = None) -> _Ref:
        old = self.actors.get(actor.id)
        if old is None or (old.affiliation is None and actor.affiliation is not None):
            self.actors[actor.id] = actor
        self.recent[actor.type] = actor.id
        self._alias(("actor", actor.id), alias)
        return ("actor", actor.id)

    def add_place(self, place: Place, alias: str | None = None) -> _Ref:
        self.places.setdefault(place.id, place)
        self._alias(("place", place.id), alias)
        return ("place", place.id)

    def _alias(self, ref: _Ref, alias: str | None) -> None:
        if alias:
            self.aliases.setdefault(ref, set()).add(alias)

    def find_person(self, text: str) -> _Person | None:
        """The most recent person whose name contains every word of ``text`` ("Sybiha", "Andriy")."""
        if country_for_name(text) or country_for_demonym(text):
            return None
        toks = name_tokens(text)
        if not toks:
            return None
        found = [p for p in self.people if toks <= p.tokens]
        return max(found, key=lambda p: p.last) if found else None

    def touch(self, person: _Person, alias: str | None = None, roles: set[str] | None = None) -> _Ref:
        person.last = self.index
        person.roles |= roles or set()
        actor = self.actors[person.actor_id]
        self.recent["person"] = actor.id
        self._alias(("actor", actor.id), alias)
        return ("actor", actor.id)

    def add_person(self, actor: Actor, tokens: frozenset[str], roles: set[str],
                   alias: str | None) -> _Ref:
        for p in self.people:
            if p.actor_id == actor.id:
                return self.touch(p, alias, roles)
        self.people.append(_Person(actor.id, tokens, set(roles), actor.affiliation, self.index))
        return self.add_actor(actor, alias)

    def record(self, ref: _Ref) -> Actor | Place:
        kind, rid = ref
        rec: Actor | Place = self.actors[rid] if kind == "actor" else self.places[rid]
        names = (self.aliases.get(ref, set()) | set(rec.aliases)) - {rec.name}
        return replace(rec, aliases=_sorted_aliases(names))


def resolve_entities(mentions: Sequence[EntityMention]) -> list[Actor | Place | None]:
    """Canonical actors and places for every entity mention of ONE article, in text order.

    Returns a list aligned with ``mentions``: an :class:`~kg.model.Actor`, a
    :class:`~kg.model.Place`, or None for noise (news agencies, platforms, feasts, months,
    "pro-Russian" and other modifiers, unresolvable role nouns). Every record of the same id in
    the result is the same object, carrying all the surface forms the article used as aliases.
    """
    state = _Article(_country_counts(mentions))
    refs: list[_Ref | None] = []
    for i, m in enumerate(mentions):
        state.index = i
        refs.append(_resolve(m, state))
    built: dict[_Ref, Actor | Place] = {}
    out: list[Actor | Place | None] = []
    for ref in refs:
        if ref is None:
            out.append(None)
            continue
        if ref not in built:
            built[ref] = state.record(ref)
        out.append(built[ref])
    return out


def _country_counts(mentions: Sequence[EntityMention]) -> Counter[str]:
    """How often the article locates something in each country (a country or an unambiguous
    place named as a place). States named as actors do not count: "the U.S. said" in a story
    from Geneva says nothing about which Geneva."""
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.role == "actor" or m.label not in _PLACE_LABELS and m.role != "place":
            continue
        iso = country_hint(_clean(m.text))
        if iso:
            counts[iso] += 1
    return counts


def _clean(text: str) -> str:
    s = text.strip().strip("\"“”‘’«»()[]")
    s = re.sub(r"(?:'s|’s|'|’)$", "", s).strip()
    return re.sub(r"^(?:the|The)\s+", "", s)


def _resolve(m: EntityMention, st: _Article) -> _Ref | None:
    text = _clean(m.text)
    if not text or is_noise(text, m.label):
        return None
    if m.label == "PROPN" and not text[:1].isupper():
        return None  # "the regional central bank": a common noun the parser took for a name
    if m.label == "ROLE":
        return _resolve_role(m, text, st)
    wants_place = m.role == "place" or (m.role == "unknown" and m.label in _PLACE_LABELS)
    if wants_place:
        seat = lookup_seat(text)
        if seat is not None and m.role == "unknown" and m.label != "GPE":
            # "the Kremlin", "the White House": in news they act far more often than they locate.
            return st.add_actor(seat, text)
        return _resolve_place(m, text, st)
    return _resolve_actor(m, text, st)


# --- places -------------------------------------------------------------------------------------

def _resolve_place(m: EntityMention, text: str, st: _Article) -> _Ref | None:
    org = lookup_org(text)
    if org is not None:
        return st.add_actor(org, text)  # "at the UN", "in the EU": an organisation is not a place
    if m.label not in _PLACE_LABELS:
        if m.label == "PERSON":
            person = st.find_person(text)
            if person is not None:
                return st.touch(person, text)
        if m.label == "NORP":
            country = country_for_demonym(text)
            if country is not None:
                return st.add_place(_country_place(country), text)
    seat = lookup_seat(text)
    if seat is not None:  # "talks at the White House": the building itself
        return st.add_place(Place(slugify(text), text, "landmark", (), _country_id_of(seat)), text)
    prefix, suffix = _around(m)
    cue, strict_cue = _place_cues(prefix, suffix)
    state_hint = re.search(r"\bstate of\s*$", prefix, re.IGNORECASE) is not None
    place = _place_in_context(m) or lookup_place(text, cue=cue, counts=st.counts,
                                                 state_hint=state_hint)
    if place is None:
        # "eastern Ukraine", "southern Lebanon": the recogniser kept the direction in the name.
        bare = re.sub("^" + _COMPASS, "", text, flags=re.IGNORECASE)
        if bare != text:
            inner = lookup_place(bare, cue=cue, counts=st.counts)
            if inner is not None and inner.type in ("country", "region"):
                place = inner
    if place is None:
        if m.label not in _PLACE_LABELS and (m.label == "PROPN" or m.role != "place"):
            return None  # a word the recogniser did not call a place ("in Years") stays out
        place = make_place(text, m.context, strict_cue)
    return st.add_place(place, text)


def _country_place(country: Country) -> Place:
    return Place(country.id, country.name, "country", (), None, None, None, country.geonames)


def country_place(country_id: str) -> Place | None:
    """The country Place for a country id ("ukraine"), e.g. to add a city's country to an event."""
    country = country_by_id(country_id)
    return _country_place(country) if country is not None else None


def _place_cues(prefix: str, suffix: str) -> tuple[str | None, str | None]:
    """Countries named around a place: (any nearby, to rank homonyms; stated as its container).

    "the Lebanese city of Tripoli", "Tripoli, Lebanon", "Tripoli in northern Lebanon" state the
    container; "a Russian strike on Kharkiv" only names a country nearby.
    """
    strict = None
    m = re.match(r"\s*(?:,|\bin\b)\s*" + _COMPASS + r"([A-Z][\w.'’ -]{1,40})", suffix)
    if m:
        for cue in scan_cues(m.group(1)):
            if cue.country is not None and cue.start == 0 and cue.via in ("country", "demonym"):
                strict = cue.country.iso2
            break
    tokens = cue_tokens(prefix)
    near = None
    for cue in scan_cues(prefix):
        if cue.country is not None and len(tokens) - cue.end <= 5:
            near = cue.country.iso2
            rest = " ".join(tokens[cue.end:]).lower()
            if strict is None and _CONTAINER_OF.search(rest):
                strict = near
    return strict or near, strict


# --- actors -------------------------------------------------------------------------------------

_NONE = Actor("", "")  # sentinel: the mention is certainly not an actor ("pro-Russian", "Iranian-made")


def _resolve_actor(m: EntityMention, text: str, st: _Article) -> _Ref | None:
    seat = lookup_seat(text)
    if seat is not None:
        return st.add_actor(seat, text)
    org = _org_in_context(m)
    if org is not None:
        return st.add_actor(org, text)
    _prefix, suffix = _around(m)
    after = cue_tokens(suffix)
    if after and is_modifier(after[0]):
        return None  # "al Qaeda-linked JNIM", "Iranian-backed militias": not the actor named here
    org = lookup_org(text) or lookup_org(_LEADING_ADJECTIVES.sub("", text))
    if org is not None:
        return st.add_actor(org, text)
    if m.label in ("PERSON", "ORG", "PROPN"):
        person = st.find_person(text)
        if person is not None:
            return st.touch(person, text, _title_roles(m, text))
    if m.label in ("PERSON", "PROPN"):
        ref = lookup_person(text)
        if ref is not None:
            return _add_ref_person(st, m, text, ref)
    state_actor, alias = _state_actor(m, text, st)
    if state_actor is _NONE:
        return None
    if state_actor is not None:
        return st.add_actor(state_actor, alias)
    if m.label == "ORG":
        ref = lookup_person(text)  # recognisers often tag a surname as ORG ("Zelenskiy said")
        if ref is not None:
            return _add_ref_person(st, m, text, ref)
        place = lookup_place(text, counts=st.counts)
        if place is not None and place.type != "city":  # "Nagorno-Karabakh" tagged ORG
            return st.add_place(place, text)
        return _organisation(m, text, st)
    if m.label == "PERSON" or (m.label == "PROPN" and _titled_name(m, text)):
        # one unknown word in no actor's slot is more often a headline word than a person
        if len(text.split()) < 2 and m.role != "actor":
            return None
        return _new_person(st, m, text)
    if m.label in _PLACE_LABELS:
        return _resolve_place(m, text, st)  # a region or town said to act: still a place
    place = lookup_place(text, counts=st.counts)
    if place is not None and (m.label == "NORP" or place.type != "city"):
        # "Sderot" tagged NORP, "Tigray" left untagged: a known place all the same; untagged
        # words matching a mere town name ("Hope") are not trusted
        return st.add_place(place, text)
    return None  # an untagged proper noun that names nothing known: headline words, mostly


def _around(m: EntityMention) -> tuple[str, str]:
    i = m.context.find(m.text)
    if i < 0:
        return "", ""
    return m.context[:i], m.context[i + len(m.text):]


def _org_in_context(m: EntityMention) -> Actor | None:
    """An organisation whose longer name in the context covers the mention ("Saudi" in "the
    Saudi-led coalition", "Security Council" in "the AU Peace and Security Council")."""
    prefix, _ = _around(m)
    if not m.context or not prefix and m.context.strip() == m.text.strip():
        return None
    start = len(cue_tokens(prefix))
    end = start + len(cue_tokens(m.text))
    for cue in scan_cues(m.context):
        if cue.start <= start and cue.end >= end and cue.end - cue.start > end - start \
                and cue.via == "org":
            return cue.actor
        if cue.start > start:
            break
    return None


def _place_in_context(m: EntityMention) -> Place | None:
    """A reference place whose longer name in the context covers the mention ("Kashmir" in
    "Pakistan-administered Kashmir")."""
    prefix, suffix = _around(m)
    if not prefix.strip() and not suffix.strip():
        return None
    before, words, after = prefix.split(), m.text.split(), suffix.split()
    for total in range(min(len(before) + len(words) + len(after), len(words) + 4), len(words), -1):
        for left in range(max(0, total - len(words) - len(after)), min(len(before), total - len(words)) + 1):
            window = before[len(before) - left:] + words + after[:total - len(words) - left]
            place = lookup_reference(" ".join(window))
            if place is not None:
                return place
    return None


def _state_actor(m: EntityMention, text: str, st: _Article) -> tuple[Actor | None, str | None]:
    """A state or its armed forces from a name, demonym, capital or "<demonym> <body>" phrase."""
    prefix, suffix = _around(m)
    after = cue_tokens(suffix)
    country = country_for_name(text)
    via_demonym = False
    if country is None:
        country = country_for_demonym(text)
        via_demonym = country is not None
    if country is not None:
        if via_demonym and re.search(r"(?:pro|anti)-\s*$", prefix, re.IGNORECASE):
            return _NONE, None
        kind = head_kind(after)
        if kind in ("modifier", "none"):
            return _NONE, None
        if kind == "forces":
            return forces_actor(country), _forces_alias(country, after)
        return country_actor(country), text
    cues = list(scan_cues(text))
    words = cue_tokens(text)
    if cues and cues[0].start == 0 and cues[0].country is not None and cues[0].end < len(words):
        kind = head_kind(words[cues[0].end:], strict=True)
        if kind == "forces":
            return forces_actor(cues[0].country), text
        if kind == "country":
            return country_actor(cues[0].country), text
        if kind in ("modifier", "none"):
            return _NONE, None
    elif m.label == "ORG" and not cues and words:
        # "Foreign Ministry", "Defence Ministry": whose depends on the words before the name.
        kind = head_kind(words, strict=True)
        if kind in ("forces", "country"):
            owner, _ = title_of(prefix)
            if owner is not None and owner.country is not None:
                maker = forces_actor if kind == "forces" else country_actor
                return maker(owner.country), text
            return _NONE, None
    if m.label in _PLACE_LABELS or m.label in ("PERSON", "PROPN", "ORG"):
        place = lookup_place(text, counts=st.counts)
        capital = capital_country(place) if place is not None else None
        if capital is not None:
            return country_actor(capital), text
    return None, None


def _titled_name(m: EntityMention, text: str) -> bool:
    """An untagged "Aysel Gasimova" after "Foreign Ministry spokesperson": a person all the same."""
    words = text.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    prefix, _ = _around(m)
    _owner, phrases = title_of(prefix)
    return bool(phrases)


def _forces_alias(country: Country, after: list[str]) -> str:
    """A readable alias from the words that made a state its forces ("Russian troops")."""
    for w in after[:5]:
        if name_key(w) in ("forces", "troops", "army", "military", "soldiers", "navy"):
            return f"{country.adjective} {name_key(w)}"
    return f"{country.adjective} forces"


def _organisation(m: EntityMention, text: str, st: _Article) -> _Ref | None:
    """An organisation no table knows, when its name says it is one ("Sudan Doctors Network").

    Headline words the recogniser tags as ORG ("Washington Applies Pressure") are dropped.
    """
    words = text.split()
    if not (_ORG_HEADS.search(words[-1]) or (len(words) == 1 and text.isupper() and len(text) > 1)):
        return None
    if re.search(r"['’]s\b", text):
        return None
    prefix, _ = _around(m)
    owner = next(iter(scan_cues(text)), None)
    if owner is None:
        owner, _roles = title_of(prefix)
    return st.add_actor(Actor(slugify(text), text, "organization", (),
                              _owner_id(owner) if owner else None), text)


# --- people -------------------------------------------------------------------------------------

def _title_roles(m: EntityMention, text: str) -> set[str]:
    prefix, suffix = _around(m)
    _owner, phrases = title_of(prefix, suffix)
    return expand_roles(phrases + roles_in(" ".join(_honorifics_of(text))))


def _honorifics_of(text: str) -> list[str]:
    words = text.split()
    kept = strip_honorifics([w.lower().strip(".") for w in words])
    return words[: len(words) - len(kept)]


def _add_ref_person(st: _Article, m: EntityMention, text: str, ref: RefPerson) -> _Ref:
    roles = set(ref.roles) | _title_roles(m, text)
    return st.add_person(ref.actor(), ref.tokens | name_tokens(text), roles, text)


def _new_person(st: _Article, m: EntityMention, text: str) -> _Ref | None:
    words = text.split()
    name = " ".join(words[len(_honorifics_of(text)):]).strip(" ,.")
    key = actor_key(name)
    if not key:
        return None
    prefix, suffix = _around(m)
    owner, phrases = title_of(prefix, suffix)
    actor = Actor(slugify(key), name, "person", (), _owner_id(owner) if owner else None)
    roles = expand_roles(phrases + roles_in(" ".join(_honorifics_of(text))))
    return st.add_person(actor, name_tokens(name), roles, text)


def _owner_id(cue: Cue) -> str:
    """Whom a title serves: the state for a state, seat or national force; else the organisation."""
    if cue.country is not None:
        return cue.country.id
    return cue.actor.id


# --- role nouns ---------------------------------------------------------------------------------

def _resolve_role(m: EntityMention, text: str, st: _Article) -> _Ref | None:
    seat = lookup_seat(text)
    if seat is not None:
        return st.add_actor(seat, text)
    org = lookup_org(text)
    if org is not None:
        return st.add_actor(org, text)
    words = name_key(text).split()
    if not words or "sides" in words or "side" in words:
        return None
    # The context is the whole noun phrase ("the Kremlin spokesman") when it ends in the role noun.
    phrase = m.context if name_key(m.context).endswith(words[-1]) else text
    owner, phrases = title_of(phrase)
    if owner is None:
        prefix, _ = _around(m)
        owner, _ = title_of(prefix)
    last_two = " ".join(words[-2:])
    head = last_two if last_two in _FORCE_NOUNS else words[-1]
    said = name_key(phrase).split() or words
    general = said[0] in _INDEFINITE or said[-1] in _PLURAL_ROLES
    if phrases:
        if general:  # "a senior Israeli official", "Hamas officials": the side, not a person
            return _owner_ref(st, owner)
        return _role_person(st, phrase, owner, phrases[-1])
    if head in _FORCE_NOUNS:
        if owner is not None and owner.country is not None:
            return st.add_actor(forces_actor(owner.country))
        if owner is not None:
            return st.add_actor(owner.actor)
        return _recent(st, "armed_forces")
    if head in _GROUP_NOUNS:
        if owner is not None and owner.via == "org":
            return st.add_actor(owner.actor)
        return _recent(st, "armed_group") if owner is None else None
    if head in _GOV_NOUNS or last_two in _GOV_NOUNS:
        if owner is not None:
            return _owner_ref(st, owner)
        return _recent(st, "country")
    return _owner_ref(st, owner) if general else None


def _role_person(st: _Article, text: str, owner: Cue | None, phrase: str) -> _Ref | None:
    role = primary_role(phrase)
    owner_id = _owner_id(owner) if owner is not None else None
    found = [p for p in st.people
             if role in p.roles and (owner_id is None or p.affiliation == owner_id)]
    if len(found) == 1:
        return st.touch(found[0])
    if found:
        return None  # "the minister" with two ministers in the story: do not guess
    if owner_id is not None:
        ref = reference_by_role(owner_id, role, text)
        if ref is not None:
            return st.add_person(ref.actor(), ref.tokens, set(ref.roles), None)
        return _owner_ref(st, owner)
    return None


def _owner_ref(st: _Article, owner: Cue | None) -> _Ref | None:
    if owner is None:
        return None
    if owner.country is not None and owner.via in ("country", "demonym", "seat"):
        return st.add_actor(country_actor(owner.country))
    return st.add_actor(owner.actor)


def _recent(st: _Article, actor_type: str) -> _Ref | None:
    aid = st.recent.get(actor_type)
    return ("actor", aid) if aid is not None else None


# --- helpers ------------------------------------------------------------------------------------

def _country_id_of(actor: Actor) -> str | None:
    return actor.affiliation if actor.type == "armed_forces" else actor.id


def _sorted_aliases(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({n for n in names if n}, key=lambda s: (s.casefold(), s)))


# --- across articles ----------------------------------------------------------------------------

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
    counts = Counter(r.name for r in group)
    name = min(counts, key=lambda n: (-counts[n], -len(n), n))
    names = {r.name for r in group} | {a for r in group for a in r.aliases}
    return name, _sorted_aliases(names - {name})


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
