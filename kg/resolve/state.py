"""What resolving one article remembers: the actors, places and people it has named so far."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from kg.model import Actor, EntityMention, Place
from kg.resources import Resources
from kg.text import clean_label

__all__ = ["ArticleState", "Ref", "PLACE_LABELS", "around", "sorted_aliases"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
Ref = tuple[str, str]  # ("actor" | "place", id)


@dataclass
class _Person:
    """A person introduced in the article, for later surnames and role nouns."""

    actor_id: str
    tokens: frozenset[str]
    roles: set[str]
    affiliation: str | None
    last: int


@dataclass
class ArticleState:
    """Resolution state of one article (lives for one call of resolve_entities)."""

    res: Resources
    counts: Counter[str]
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    aliases: dict[Ref, set[str]] = field(default_factory=dict)
    people: list[_Person] = field(default_factory=list)
    recent: dict[str, str] = field(default_factory=dict)  # actor type -> id last named
    index: int = 0

    def add_actor(self, actor: Actor, alias: str | None = None) -> Ref:
        if actor.name != (name := clean_label(actor.name)):
            actor = replace(actor, name=name)
        old = self.actors.get(actor.id)
        if old is None or (old.affiliation is None and actor.affiliation is not None):
            self.actors[actor.id] = actor
        self.recent[actor.type] = actor.id
        self._alias(("actor", actor.id), alias)
        return ("actor", actor.id)

    def add_place(self, place: Place, alias: str | None = None) -> Ref:
        if place.name != (name := clean_label(place.name)):
            place = replace(place, name=name)
        self.places.setdefault(place.id, place)
        self._alias(("place", place.id), alias)
        return ("place", place.id)

    def _alias(self, ref: Ref, alias: str | None) -> None:
        if alias and (alias := clean_label(alias)):
            self.aliases.setdefault(ref, set()).add(alias)

    def find_person(self, text: str) -> _Person | None:
        """The most recent person whose name contains every word of ``text`` ("Sybiha", "Andriy")."""
        countries = self.res.reference.countries
        if countries.for_name(text) or countries.for_demonym(text):
            return None
        toks = self.res.reference.names.tokens(text)
        if not toks:
            return None
        found = [p for p in self.people if toks <= p.tokens]
        return max(found, key=lambda p: p.last) if found else None

    def touch(self, person: _Person, alias: str | None = None, roles: set[str] | None = None) -> Ref:
        person.last = self.index
        person.roles |= roles or set()
        actor = self.actors[person.actor_id]
        self.recent["person"] = actor.id
        self._alias(("actor", actor.id), alias)
        return ("actor", actor.id)

    def add_person(self, actor: Actor, tokens: frozenset[str], roles: set[str],
                   alias: str | None) -> Ref:
        for p in self.people:
            if p.actor_id == actor.id:
                return self.touch(p, alias, roles)
        self.people.append(_Person(actor.id, tokens, set(roles), actor.affiliation, self.index))
        return self.add_actor(actor, alias)

    def recent_ref(self, actor_type: str) -> Ref | None:
        """The actor of this type named last ("the army" -> the forces named before)."""
        aid = self.recent.get(actor_type)
        return ("actor", aid) if aid is not None else None

    def record(self, ref: Ref) -> Actor | Place:
        kind, rid = ref
        rec: Actor | Place = self.actors[rid] if kind == "actor" else self.places[rid]
        names = (self.aliases.get(ref, set()) | set(rec.aliases)) - {rec.name}
        return replace(rec, aliases=sorted_aliases(names))


def around(m: EntityMention) -> tuple[str, str]:
    """The context before and after a mention ("Russian President " / ", the Kremlin said")."""
    i = m.context.find(m.text)
    if i < 0:
        return "", ""
    return m.context[:i], m.context[i + len(m.text):]


def sorted_aliases(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({n for n in names if n}, key=lambda s: (s.casefold(), s)))
