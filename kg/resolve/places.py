"""Place lookups: which country, region, US state or GeoNames city a name denotes, and place ids.

The tables come from :mod:`kg.reference` through the ``Resources`` passed in (``res``); each
lookup is a dictionary access.

Place ids (stable across runs and articles):

- a country: the slug of its common English name (``"georgia"``, ``"united-states"``);
- a GeoNames city: ``<slug of its name>-<iso2>`` (``"tripoli-ly"``, ``"tripoli-lb"``); a city
  that is not the most populous of that name in its country gets its GeoNames id appended;
- a US state: ``<slug>-us-state`` (``"georgia-us-state"``);
- a region, sea, border or landmark from the reference table, or a region made from a city name
  ("Kursk region"): the slug of its name (``"gaza-strip"``, ``"kursk-region"``);
- a place no source knows: the slug of the name as written (``"tawila"``).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from kg.model import Place, PlaceType
from kg.reference import Country
from kg.reference.gazetteer import City, RefPlace
from kg.resources import Resources, default_resources
from kg.text import name_key, slugify

__all__ = [
    "lookup_place", "make_place", "capital_country", "place_country_iso", "guess_place_type",
    "country_hint", "lookup_reference", "country_place",
]

# A city in a country the article mentions beats a bigger namesake elsewhere unless the namesake
# is this many times bigger (Tripoli, Lebanon vs Libya: 5.7x, context wins; Geneva, Illinois vs
# Switzerland: 9x, size wins). A national capital is harder to displace. A size gap is not proof, so these
# stay modest: a country mentioned in passing must not move a city abroad.
_CONTEXT_RATIO = 7
_CONTEXT_RATIO_CAPITAL = 6
# GeoNames' alternate names include translations ("Belém" is Bethlehem in Portuguese), so a city
# known by a name only as an alternate must dwarf the cities whose own name it is.
_ALTERNATE_RATIO = 20
_GREAT_CITY = 1_000_000


def _city_place(city: City, res: Resources, name: str | None = None) -> Place:
    g = res.reference.gazetteer
    display = name or city.name
    pid = f"{slugify(display)}-{city.cc.lower()}"
    if name is None and g.primary_rank.get(city.gid, 0):
        pid = f"{pid}-{city.gid}"
    country = res.reference.countries.iso(city.cc)
    return Place(pid, display, "city", (), country.id if country else None,
                 city.lat, city.lon, city.gid)


def _country_place(country: Country) -> Place:
    return Place(country.id, country.name, "country", (), None, None, None, country.geonames)


def country_place(country_id: str, res: Resources | None = None) -> Place | None:
    """The country Place for a country id ("ukraine"), e.g. to add a city's country to an event."""
    country = (res or default_resources()).reference.countries.id(country_id)
    return _country_place(country) if country is not None else None


def _ref_place(ref: RefPlace, res: Resources) -> Place:
    if ref.city is not None:
        return _city_place(ref.city, res, ref.name)
    country = res.reference.countries.iso(ref.cc) if ref.cc else None
    return Place(slugify(ref.name), ref.name, ref.type, (), country.id if country else None)


def _rank_cities(cands: list[City], cue: str | None, counts: Mapping[str, int], res: Resources) -> City:
    """The intended city among homonyms: named in context, then in a mentioned country, then size."""
    caps = res.reference.gazetteer.capitals
    by_size = sorted(cands, key=lambda c: (-c.pop, c.gid))
    top = by_size[0]
    if cue:
        in_cue = [c for c in by_size if c.cc == cue]
        if in_cue:
            return in_cue[0]
    if counts.get(top.cc):
        return top
    mentioned = [c for c in by_size if counts.get(c.cc)]
    if mentioned:
        ratio = _CONTEXT_RATIO_CAPITAL if top.gid in caps else _CONTEXT_RATIO
        if mentioned[0].pop * ratio >= top.pop:
            return mentioned[0]
    return top


def _candidates(key: str, res: Resources, cue: str | None = None,
                counts: Mapping[str, int] | None = None) -> list[City]:
    """Cities a name may denote.

    A city known by the name only as an alternate (a former or foreign name: Engels was once
    Pokrovsk, Bonn is "Boni" in some language) must be much bigger than any city bearing it,
    and, when no city bears it, lie in a country the article names or be a great city ("Kiev").
    """
    g = res.reference.gazetteer
    primary = [g.cities[gid] for gid in g.by_primary.get(key, ())]
    floor = _ALTERNATE_RATIO * max((c.pop for c in primary), default=0)
    ids = {c.gid for c in primary}
    alternates = [g.cities[gid] for gid in g.by_name.get(key, ())
                  if gid not in ids and g.cities[gid].pop >= floor]
    if not primary and counts is not None:
        alternates = [c for c in alternates
                      if c.pop >= _GREAT_CITY or counts.get(c.cc) or c.cc == cue]
    return primary + alternates


def _city_beats_state(city: City | None, cue: str | None, res: Resources) -> bool:
    """A US state's name names a city instead when that city is a capital or a big US city
    ("Washington", "New York"), or when the context names the city's country ("Florida, Uruguay")."""
    if city is None:
        return False
    if city.gid in res.reference.gazetteer.capitals or (city.cc == "US" and city.pop >= 100_000):
        return True
    return cue is not None and cue != "US" and city.cc == cue


def _strip_region_suffix(key: str, res: Resources) -> str | None:
    for word in res.words["region_suffix"]:
        if key.endswith(" " + word):
            return key[: -len(word) - 1]
    return None


def _us_state_place(state: tuple[str, int | None]) -> Place:
    return Place(f"{slugify(state[0])}-us-state", state[0], "region", (), "united-states", None, None, state[1])


def lookup_place(text: str, res: Resources | None = None, *, cue: str | None = None,
                 counts: Mapping[str, int] | None = None, state_hint: bool = False) -> Place | None:
    """The gazetteer place a name denotes, or None when no source knows it.

    ``cue`` is the ISO code of a country named around the mention ("the Lebanese city of
    Tripoli"); ``counts`` how often the article names each country (ISO code -> count);
    ``state_hint`` that the context speaks of a US state ("the state of Georgia").
    """
    res = res or default_resources()
    counts = counts or {}
    key = name_key(text)
    if not key:
        return None
    g = res.reference.gazetteer
    ref = g.refs.get(key)
    if ref is not None:
        return _ref_place(ref, res)
    us_state = g.us_states.get(key)
    if us_state is not None and (state_hint or cue == "US"):
        return _us_state_place(us_state)
    country = res.reference.countries.for_name(text)
    if country is not None:
        return _country_place(country)
    cands = _candidates(key, res, cue, counts)
    best = _rank_cities(cands, cue, counts, res) if cands else None
    if us_state is not None and not _city_beats_state(best, cue, res):
        return _us_state_place(us_state)
    if best is not None:
        return _city_place(best, res)
    cont = g.continents.get(key)
    if cont is not None:
        return Place(slugify(cont[0]), cont[0], "region", (), None, cont[2], cont[3], cont[1])
    return _region_of(key, cue, counts, res)


def _region_of(key: str, cue: str | None, counts: Mapping[str, int], res: Resources) -> Place | None:
    """"Kursk region", "Kherson oblast": the region of a known city or region."""
    base = _strip_region_suffix(key, res)
    if base:
        inner = lookup_place(base, res, cue=cue, counts=counts)
        if inner is not None and inner.type in ("city", "region"):
            name = f"{inner.name} region" if inner.type == "city" else inner.name
            if inner.type == "region":
                return inner
            return Place(slugify(name), name, "region", (), inner.country)
    return None


def country_hint(text: str, res: Resources | None = None) -> str | None:
    """ISO code of the country a name points to without doubt (a country, demonym, capital,
    reference place, or a city name found in one country only), else None."""
    res = res or default_resources()
    countries = res.reference.countries
    country = countries.for_name(text) or countries.for_demonym(text)
    if country is not None:
        return country.iso2
    key = name_key(text)
    ref = res.reference.gazetteer.refs.get(key)
    if ref is not None:
        return ref.cc
    ccs = {c.cc for c in _candidates(key, res)}
    return ccs.pop() if len(ccs) == 1 else None


def lookup_reference(text: str, res: Resources | None = None) -> Place | None:
    """A place from the reference table only (regions, seas, pinned cities), else None."""
    res = res or default_resources()
    ref = res.reference.gazetteer.refs.get(name_key(text))
    return _ref_place(ref, res) if ref is not None else None


@lru_cache(maxsize=8)
def _type_words(region_suffixes: frozenset[str], by_value: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {**dict(by_value), **{w: "region" for w in region_suffixes}}


def _place_type_of(word: str, res: Resources) -> str | None:
    words = res.words
    table = _type_words(words["region_suffix"], tuple(sorted(words.by_value("place_type").items())))
    return table.get(word)


def guess_place_type(text: str, context: str = "", res: Resources | None = None) -> PlaceType:
    """A type for a place no gazetteer knows, from its own words or a noun before it ("town of")."""
    res = res or default_resources()
    words = name_key(text).split()
    kind = _place_type_of(words[-1], res) if words else None
    if kind is not None:
        return kind  # type: ignore[return-value]
    if words and all(w in res.words["compass_word"] for w in re.split(r"[\s-]+", " ".join(words))):
        return "region"  # "the Northeast", "the South": a part of the country the story is about
    m = re.search(r"(\w+)\s+of\s+(?:the\s+)?$", _prefix(context, text).lower())
    kind = _place_type_of(m.group(1), res) if m else None
    return kind or "other"  # type: ignore[return-value]


def _prefix(context: str, text: str) -> str:
    i = context.find(text)
    return context[:i] if i >= 0 else ""


def make_place(text: str, context: str = "", country_iso: str | None = None,
               res: Resources | None = None) -> Place:
    """A place no gazetteer knows: kept with its name, a guessed type and the country if stated."""
    res = res or default_resources()
    name = re.sub(r"^(?:the|The)\s+", "", text.strip())
    country = res.reference.countries.iso(country_iso) if country_iso else None
    return Place(slugify(name), name, guess_place_type(name, context, res), (),
                 country.id if country else None)


def capital_country(place: Place, res: Resources | None = None) -> Country | None:
    """The state whose capital this city is, else None."""
    if place.type != "city" or place.geonames is None:
        return None
    res = res or default_resources()
    iso = res.reference.gazetteer.capitals.get(place.geonames)
    return res.reference.countries.iso(iso) if iso else None


def place_country_iso(place: Place, res: Resources | None = None) -> str | None:
    """ISO code of the country a place is, or lies in."""
    res = res or default_resources()
    cid = place.id if place.type == "country" else place.country
    country = res.reference.countries.id(cid) if cid else None
    return country.iso2 if country else None
