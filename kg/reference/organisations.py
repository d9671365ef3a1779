"""Organisations, armed groups, named state forces, seats of power and names that are noise."""
from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass

from kg.model import Actor, ActorType
from kg.reference.countries import Countries, Country
from kg.text import fold, name_key, read_table, split_list

__all__ = ["Organisations", "load_organisations", "country_actor", "forces_actor", "affiliation_id",
           "acronym_of"]


def country_actor(country: Country) -> Actor:
    return Actor(country.id, country.name, "country")


def forces_actor(country: Country) -> Actor:
    return Actor(f"{country.id}-armed-forces", f"{country.adjective} armed forces", "armed_forces",
                 affiliation=country.id)


def affiliation_id(code: str, countries: Countries) -> str | None:
    """An affiliation cell: an ISO code becomes the country id, anything else is an actor id."""
    if not code:
        return None
    if re.fullmatch(r"[A-Z]{2}", code):
        country = countries.iso(code)
        return country.id if country else None
    return code


def acronym_of(text: str) -> str | None:
    """A short all-capital name ("UN", "IDF", "U.S."), without dots and spaces, else None."""
    s = re.sub(r"[.\s]", "", fold(text))
    return s if 1 < len(s) <= 4 and s.isalnum() and s.upper() == s and any(c.isalpha() for c in s) else None


@dataclass(frozen=True)
class Organisations:
    orgs: Mapping[str, Actor]  # name_key -> actor
    org_acronyms: Mapping[str, Actor]  # case-sensitive acronym -> actor
    seats: Mapping[str, Actor]
    noise: Mapping[str, str]  # name_key -> kind


def load_organisations(countries: Countries) -> Organisations:
    orgs, acronyms = _organisations(countries)
    seats: dict[str, Actor] = {}
    for row in read_table("seats.tsv"):
        country = countries.iso(row["iso2"])
        if country is None:
            continue
        actor = forces_actor(country) if row["target"] == "armed_forces" else country_actor(country)
        acr = acronym_of(row["name"])
        seats.setdefault(acr if acr else name_key(row["name"]), actor)
    noise = {name_key(r["term"]): r["kind"] for r in read_table("noise.tsv")}
    for month in (*calendar.month_name[1:], *calendar.day_name):
        noise.setdefault(name_key(month), "calendar")
    return Organisations(orgs, acronyms, seats, noise)


def _organisations(countries: Countries) -> tuple[dict[str, Actor], dict[str, Actor]]:
    orgs: dict[str, Actor] = {}
    acronyms: dict[str, Actor] = {}
    for row in read_table("organizations.tsv"):
        kind: ActorType = row["type"] or "organization"  # type: ignore[assignment]
        aliases = split_list(row["aliases"])
        if kind == "armed_forces":
            country = countries.iso(row["affiliation"])
            if country is None:
                continue
            base = forces_actor(country)
            actor = Actor(base.id, base.name, "armed_forces", (), base.affiliation)
        else:
            actor = Actor(row["id"], row["name"], kind, (), affiliation_id(row["affiliation"], countries))
        for alias in (row["name"], *aliases):
            if not alias:
                continue
            acr = acronym_of(alias)
            if acr:
                acronyms.setdefault(acr, actor)
            else:
                orgs.setdefault(name_key(alias), actor)
    return orgs, acronyms
