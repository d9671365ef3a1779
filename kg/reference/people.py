"""Known people (kg/data/reference/people.tsv): names, spelling variants, offices and affiliation."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from kg.model import Actor
from kg.reference.countries import Countries
from kg.reference.names import NameRules
from kg.reference.organisations import affiliation_id
from kg.reference.roles import Roles
from kg.text import name_key, read_table, slugify, split_list

__all__ = ["RefPerson", "People", "load_people"]


@dataclass(frozen=True)
class RefPerson:
    """A person from the reference list."""

    id: str
    name: str
    affiliation: str | None
    roles: frozenset[str]  # canonical roles plus the raw role phrases
    offices: tuple[str, ...]  # the role phrases as the reference table writes them
    aliases: tuple[str, ...]
    tokens: frozenset[str]  # name tokens over the name and every alias

    def actor(self) -> Actor:
        return Actor(self.id, self.name, "person", self.aliases, self.affiliation)


@dataclass(frozen=True)
class People:
    by_key: Mapping[str, RefPerson]  # name key of name or alias -> person (unique ones only)
    by_last: Mapping[str, tuple[tuple[frozenset[str], RefPerson], ...]]  # last token -> forms
    all: tuple[RefPerson, ...]
    by_affiliation: Mapping[str, tuple[RefPerson, ...]]  # people holding a role, by state or body


def load_people(names: NameRules, roles: Roles, countries: Countries,
                common_surnames: frozenset[str], name_suffixes: frozenset[str]) -> People:
    """The reference people, indexed by name key, by surname and by affiliation.

    A surname alone ("Lavrov") names the person when no one else on the list bears it and it is
    not in ``common_surnames`` nor a suffix (``name_suffixes``, roman numerals).
    """
    people = [_person(row, names, roles, countries) for row in read_table("people.tsv")]
    owners: dict[str, set[str]] = {}
    surnames: dict[str, set[str]] = {}
    by_id = {p.id: p for p in people}
    for p in people:
        for form in (p.name, *p.aliases):
            owners.setdefault(names.key(form), set()).add(p.id)
        words = names.words_without_particles(p.name)
        last = words[-1] if len(words) > 1 else ""
        if len(last) >= 3 and not re.fullmatch(r"[ivx]+", last) and last not in name_suffixes \
                and last not in common_surnames:
            surnames.setdefault(last, set()).add(p.id)
    for last, ids in surnames.items():
        owners.setdefault(last, ids)  # an explicit alias beats a derived surname
    by_key = {k: by_id[next(iter(ids))] for k, ids in owners.items() if len(ids) == 1}
    by_last: dict[str, list[tuple[frozenset[str], RefPerson]]] = {}
    for p in people:
        for form in (p.name, *p.aliases):
            toks = names.tokens(form)
            words = names.words_without_particles(form)
            if len(toks) > 1 and words:
                by_last.setdefault(words[-1], []).append((toks, p))
    return People(by_key, {k: tuple(v) for k, v in by_last.items()}, tuple(people), _by_affiliation(people))


def _person(row: Mapping[str, str], names: NameRules, roles: Roles, countries: Countries) -> RefPerson:
    aliases = split_list(row["aliases"])
    held: set[str] = set()
    for r in split_list(row["roles"]):
        held.add(name_key(r))
        for phrase in roles.find(r):
            held.update(roles.phrases[phrase])
    tokens = frozenset().union(*(names.tokens(f) for f in (row["name"], *aliases)))
    return RefPerson(slugify(row["name"]), row["name"], affiliation_id(row["affiliation"], countries),
                     frozenset(held), tuple(name_key(r) for r in split_list(row["roles"])),
                     tuple(a for a in aliases if a != row["name"]), tokens)


def _by_affiliation(people: list[RefPerson]) -> dict[str, tuple[RefPerson, ...]]:
    out: dict[str, list[RefPerson]] = {}
    for p in people:
        if p.affiliation and p.roles:
            out.setdefault(p.affiliation, []).append(p)
    return {k: tuple({p.id: p for p in v}.values()) for k, v in out.items()}
