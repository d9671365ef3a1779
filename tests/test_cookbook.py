"""The analyst cookbook (examples/queries/*.rq): every query parses, runs as it is, gives the
same rows in rdflib and Oxigraph, and answers what it says, checked against the Event records
the export was made from (never against the RDF itself).

The story is hand-made in the shape of wire reporting (invented details): a holiday truce in
Ukraine declared, violated, ended, with accusations both ways and claims; talks proposed,
planned and held in Istanbul; U.S. threats over aid and sanctions; one declaration reported by
two outlets; fighting around Goma and a truce from Doha talks in eastern Congo; an older
Donbas ceasefire whose violation falls in ISO week 53 of 2020.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib.plugins.sparql import prepareQuery

from kg.codebook import lookup
from kg.export.rdf import (
    actor_iri,
    article_iri,
    event_iri,
    place_iri,
    to_rdf,
    write_rdf,
)
from kg.model import Actor, Event, Evidence, Place, TimeSpan
from kg.query import QueryResult, Store, cookbook, load_store, resolve_query, run_query
from kg.query_params import bind_parameters

D = dt.date
QUERIES = Path(__file__).resolve().parents[1] / "examples" / "queries"

# --- the story ---------------------------------------------------------------------------------

RUSSIA = Actor("russia", "Russia", "country", aliases=("Moscow", "the Kremlin"), wikidata="Q159")
PUTIN = Actor("vladimir-putin", "Vladimir Putin", "person", affiliation="russia")
RU_FORCES = Actor("russian-armed-forces", "Russian Armed Forces", "armed_forces",
                  aliases=("Russian troops",), affiliation="russia")
RU_MOD = Actor("russian-defence-ministry", "Russian Defence Ministry", "government",
               affiliation="russia")
UKRAINE = Actor("ukraine", "Ukraine", "country", aliases=("Kyiv",), wikidata="Q212")
ZELENSKIY = Actor("volodymyr-zelenskiy", "Volodymyr Zelenskiy", "person",
                  aliases=("Zelensky",), affiliation="ukraine")
UA_FORCES = Actor("ukrainian-armed-forces", "Ukrainian Armed Forces", "armed_forces",
                  affiliation="ukraine")
USA = Actor("united-states", "United States", "country", aliases=("Washington", "U.S."))
TURKEY = Actor("turkey", "Turkey", "country", aliases=("Turkiye", "Ankara"))
DRC = Actor("dr-congo", "Democratic Republic of Congo", "country", aliases=("DRC", "Kinshasa"))
M23 = Actor("m23", "M23", "armed_group", aliases=("March 23 Movement",))
# the alliance is never described itself: the export labels it from its id
NANGAA = Actor("corneille-nangaa", "Corneille Nangaa", "person",
               affiliation="congo-river-alliance")
QATAR = Actor("qatar", "Qatar", "country", aliases=("Doha",))
RWANDA = Actor("rwanda", "Rwanda", "country", aliases=("Kigali",))
REFERENCE_LABELS = {"congo-river-alliance": "Congo River Alliance"}

ISTANBUL = Place("istanbul", "Istanbul", "city", country="turkey", lat=41.0082, lon=28.9784)
ANKARA = Place("ankara", "Ankara", "city", country="turkey")
POKROVSK = Place("pokrovsk", "Pokrovsk", "city", country="ukraine", lat=48.282, lon=37.176,
                 geonames=704508)
KHERSON = Place("kherson", "Kherson", "city", country="ukraine", lat=46.6354, lon=32.6169)
NIKOPOL = Place("nikopol", "Nikopol", "city", country="ukraine", lat=47.5667, lon=34.4)
KURSK = Place("kursk-region", "Kursk region", "region", country="russia", lat=51.5, lon=36.0)
AVDIIVKA = Place("avdiivka", "Avdiivka", "city", country="ukraine", lat=48.139, lon=37.7425)
GOMA = Place("goma", "Goma", "city", country="dr-congo", lat=-1.6792, lon=29.2228)
SAKE = Place("sake", "Sake", "city", country="dr-congo")  # no gazetteer coordinates
DOHA = Place("doha", "Doha", "city", country="qatar", lat=25.2854, lon=51.531)

_WIRES = {  # article id -> (url, title, published)
    "wire-truce-0508": ("https://wire.example/world/europe/russia-truce-begins-2025-05-08/",
                        "Russia's three-day truce begins as Kyiv reports attacks", D(2025, 5, 8)),
    "agency-truce-0508": ("http://agency.example/news?id=88123&lang=en",
                          "Kremlin ceasefire for Victory Day takes effect", D(2025, 5, 8)),
    "wire-truce-0511": ("https://wire.example/world/europe/truce-ends-2025-05-11/",
                        "Fighting resumes as truce expires; Putin proposes Istanbul talks",
                        D(2025, 5, 11)),
    "wire-istanbul-0516": ("https://wire.example/world/istanbul-talks-2025-05-16/",
                           "Russian, Ukrainian delegations meet in Istanbul", D(2025, 5, 16)),
    "paper-aid-0513": ("https://daily.example/politics/us-aid-warning",
                       "U.S. warns Kyiv aid depends on progress in talks", D(2025, 5, 13)),
    "wire-goma-0129": ("https://wire.example/africa/goma-fighting-2025-01-29/",
                       "M23 rebels push into Goma as Congo's army retreats", D(2025, 1, 29)),
    "bare-doha-0424": (None, None, D(2025, 4, 24)),  # a pasted text: no URL, no title
    "wire-donbas-0104": ("https://wire.example/archive/donbas-2021-01-04",
                         "Shelling near Avdiivka strains Donbas ceasefire", D(2021, 1, 4)),
    "wire-front-1231": ("https://wire.example/world/europe/year-end-strikes-2024-12-31/",
                        "Russia launches drone barrage at year's end", D(2024, 12, 31)),
}


def said(article: str, paragraph: int, sentence: str, trigger: str) -> Evidence:
    """A sentence of ``article``; paragraphs are 500 characters apart, so offsets differ."""
    url, title, published = _WIRES[article]
    start = 500 * paragraph
    return Evidence(article, sentence, start, start + len(sentence), trigger, url, title,
                    published)


def day(y: int, m: int, d: int, text: str = "", basis: str = "explicit") -> TimeSpan:
    return TimeSpan(D(y, m, d), D(y, m, d), "day", basis, text)  # type: ignore[arg-type]


def story() -> list[Event]:
    """The events of the story, as merge would hand them to the export."""
    return [
        Event("victory-day-truce", "0871", "Putin declares a three-day Victory Day ceasefire",
              TimeSpan(D(2025, 5, 8), D(2025, 5, 10), "day", "explicit", "from May 8 to May 10"),
              sources=(PUTIN,), targets=(UKRAINE,), confidence=0.9, evidence=(
                  said("wire-truce-0508", 0, "A three-day ceasefire declared by President "
                       "Vladimir Putin for the Victory Day commemorations took effect at "
                       "midnight on Thursday.", "ceasefire"),
                  said("agency-truce-0508", 2, "The Kremlin's unilateral truce, running from "
                       "May 8 to May 10, began at midnight Moscow time.", "truce"))),
        Event("pokrovsk-violation", "196", "Russian strikes near Pokrovsk break the truce",
              day(2025, 5, 8, "on Thursday", "relative"), sources=(RU_FORCES,),
              targets=(UA_FORCES,), places=(POKROVSK,), claimed_by=(ZELENSKIY,),
              links=(("violates", "victory-day-truce"),), confidence=0.6, evidence=(
                  said("wire-truce-0508", 3, "Zelenskiy said Russian troops had shelled "
                       "positions near Pokrovsk dozens of times since the truce began.",
                       "shelled"),)),
        Event("zelenskiy-accuses-russia", "112", "Zelenskiy accuses Russia of breaking the truce",
              TimeSpan(D(2025, 5, 8), D(2025, 5, 8), "minute", "explicit", "at 2:30 p.m.",
                       start_time=dt.time(14, 30)),
              sources=(ZELENSKIY,), targets=(RUSSIA,),
              links=(("claimAbout", "pokrovsk-violation"),), evidence=(
                  said("wire-truce-0508", 3, "Zelenskiy said Russian troops had shelled "
                       "positions near Pokrovsk dozens of times since the truce began.",
                       "said"),)),
        Event("kursk-drone-attacks", "195", "Ukrainian drone attacks on the Kursk region",
              day(2025, 5, 9, "on Friday", "relative"), sources=(UA_FORCES,),
              targets=(RUSSIA,), places=(KURSK,), claimed_by=(RU_MOD,),
              links=(("violates", "victory-day-truce"),), confidence=0.4, evidence=(
                  said("wire-truce-0511", 1, "Russia's defence ministry said Ukrainian forces "
                       "had launched drones at the Kursk region on Friday in breach of the "
                       "ceasefire.", "launched drones"),)),
        Event("moscow-counter-accusation", "112", "Moscow accuses Kyiv of violating the truce",
              day(2025, 5, 9, "on Friday", "relative"), sources=(RU_MOD,),
              targets=(UA_FORCES,), links=(("claimAbout", "kursk-drone-attacks"),), evidence=(
                  said("wire-truce-0511", 1, "Russia's defence ministry said Ukrainian forces "
                       "had launched drones at the Kursk region on Friday in breach of the "
                       "ceasefire.", "said"),)),
        Event("front-fighting-resumes", "190", "Fighting resumes along the front as truce ends",
              day(2025, 5, 11, "on Sunday", "relative"), sources=(RU_FORCES, UA_FORCES),
              places=(POKROVSK,), links=(("ends", "victory-day-truce"),), evidence=(
                  said("wire-truce-0511", 0, "Heavy fighting resumed around Pokrovsk on "
                       "Sunday hours after the truce expired, Ukraine's military said.",
                       "fighting resumed"),)),
        Event("kyiv-air-defence", "190", "Ukrainian air defences down Russian drones",
              day(2025, 5, 11, "overnight", "relative"), sources=(UA_FORCES,),
              targets=(RU_FORCES,), evidence=(
                  said("wire-truce-0511", 3, "Ukraine's air force said it had shot down 60 of "
                       "the drones launched overnight.", "shot down"),)),
        Event("kherson-shelling", "190", "Russian shelling of Kherson resumes",
              day(2025, 5, 12, "on Monday", "relative"), sources=(RU_FORCES,),
              targets=(UKRAINE,), places=(KHERSON,), links=(("resumes", "victory-day-truce"),),
              evidence=(said("paper-aid-0513", 4, "Russian artillery resumed shelling "
                             "Kherson on Monday, regional officials said.", "shelling"),)),
        Event("putin-proposes-talks", "036", "Putin proposes direct talks in Istanbul",
              day(2025, 5, 11, "on Sunday", "relative"), sources=(PUTIN,), targets=(UKRAINE,),
              places=(ISTANBUL,), links=(("schedules", "istanbul-talks-planned"),), evidence=(
                  said("wire-truce-0511", 2, "Putin proposed direct talks with Ukraine in "
                       "Istanbul on Thursday.", "proposed"),)),
        Event("istanbul-talks-planned", "046", "Russia-Ukraine talks planned in Istanbul",
              day(2025, 5, 15, "on Thursday", "relative"), sources=(RUSSIA,),
              targets=(UKRAINE,), places=(ISTANBUL,), modality="planned", evidence=(
                  said("wire-truce-0511", 2, "Putin proposed direct talks with Ukraine in "
                       "Istanbul on Thursday.", "talks"),)),
        Event("erdogan-hosts-zelenskiy", "043", "Turkey hosts Zelenskiy in Ankara",
              day(2025, 5, 15), sources=(TURKEY,), targets=(ZELENSKIY,), places=(ANKARA,),
              evidence=(said("wire-istanbul-0516", 5, "Zelenskiy met President Tayyip Erdogan "
                             "in Ankara on Thursday.", "met"),)),
        Event("istanbul-meeting", "044", "Russian and Ukrainian delegations meet in Istanbul",
              day(2025, 5, 16, "on Friday", "relative"), sources=(RUSSIA,),
              targets=(UKRAINE,), places=(ISTANBUL,), confidence=0.8, evidence=(
                  said("wire-istanbul-0516", 0, "Russian and Ukrainian delegations met in "
                       "Istanbul on Friday for their first direct talks in three years.",
                       "met"),)),
        Event("washington-moscow-call", "041", "U.S. and Russian presidents speak by phone",
              TimeSpan(D(2025, 5, 19), D(2025, 5, 19), "hour", "explicit", "Monday afternoon",
                       start_time=dt.time(16)),
              sources=(USA,), targets=(RUSSIA,), modality="planned", evidence=(
                  said("wire-istanbul-0516", 6, "The White House said the two presidents would "
                       "speak by phone on Monday afternoon.", "speak by phone"),)),
        Event("us-aid-threat", "1311", "U.S. threatens to halt aid to Ukraine",
              TimeSpan(D(2025, 5, 12), D(2025, 5, 18), "week", "relative", "this week"),
              sources=(USA,), targets=(UKRAINE,), modality="conditional", evidence=(
                  said("paper-aid-0513", 0, "Washington could stop military aid to Kyiv if "
                       "the talks stall, a senior U.S. official said this week.",
                       "stop military aid"),)),
        Event("us-sanctions-threat", "1312", "U.S. warns Moscow of new sanctions",
              TimeSpan(D(2025, 5, 1), D(2025, 5, 31), "month", "publication", "this month"),
              sources=(USA,), targets=(RUSSIA,), evidence=(
                  said("paper-aid-0513", 2, "U.S. officials this month warned Moscow of new "
                       "sanctions on its oil exports.", "warned"),)),
        Event("nikopol-unverified-shelling", "190",
              "Unverified reports of shelling in Nikopol and Kherson", TimeSpan.unknown(),
              sources=(RU_FORCES,), targets=(UKRAINE,), places=(NIKOPOL, KHERSON),
              confidence=0.2, evidence=(
                  said("paper-aid-0513", 5, "Residents of Nikopol and Kherson have also "
                       "reported shelling that could not be independently verified.",
                       "shelling"),)),
        Event("goma-offensive", "190", "M23 rebels fight Congolese troops around Goma",
              TimeSpan(D(2025, 1, 26), D(2025, 1, 28), "day", "explicit", "from Jan. 26"),
              sources=(M23,), targets=(DRC,), places=(GOMA,), evidence=(
                  said("wire-goma-0129", 0, "M23 fighters battled Congolese troops in and "
                       "around Goma from Jan. 26, hospitals said.", "battled"),)),
        Event("sake-shelling", "195", "Shelling around Sake and Goma",
              TimeSpan(D(2025, 2, 1), D(2025, 2, 28), "month", "relative", "next month"),
              sources=(M23,), targets=(DRC,), places=(SAKE, GOMA), modality="asserted",
              evidence=(said("wire-goma-0129", 3, "Aid groups said mortar fire around Sake "
                             "and Goma would likely continue into next month.",
                             "mortar fire"),)),
        Event("rwanda-denies-fighting", "190", "Rwanda denies its troops fight in Goma",
              day(2025, 1, 29), sources=(RWANDA,), targets=(DRC,), places=(GOMA,),
              modality="negated", evidence=(
                  said("wire-goma-0129", 4, "Kigali denied that Rwandan soldiers were "
                       "fighting alongside M23 in Goma.", "denied"),)),
        Event("doha-talks", "046", "Congo and M23 negotiate in Doha",
              day(2025, 4, 23), sources=(DRC,), targets=(M23,), places=(DOHA,), evidence=(
                  said("bare-doha-0424", 0, "Congolese government envoys and M23 "
                       "representatives negotiated in Doha on Wednesday.", "negotiated"),)),
        Event("doha-truce", "0871", "Congo and M23 agree a truce after Doha talks",
              day(2025, 4, 24), sources=(DRC, M23), places=(DOHA,),
              links=(("outcomeOf", "doha-talks"),), evidence=(
                  said("bare-doha-0424", 1, "Both sides agreed to a truce on Thursday.",
                       "truce"),)),
        Event("qatar-mediation", "045", "Qatar mediates between Kinshasa and M23",
              TimeSpan(D(2025, 1, 1), D(2025, 12, 31), "year", "publication", "this year"),
              sources=(QATAR,), targets=(DRC, M23), evidence=(
                  said("bare-doha-0424", 2, "Qatar has mediated between the two sides this "
                       "year.", "mediated"),)),
        Event("nangaa-rejects-talks", "125", "Nangaa rejected an earlier offer of talks",
              TimeSpan.unknown("earlier"), sources=(NANGAA,), targets=(DRC,), evidence=(
                  said("bare-doha-0424", 3, "Nangaa had earlier rejected an offer of talks "
                       "with Kinshasa.", "rejected"),)),
        Event("donbas-ceasefire", "0871", "Ukraine and Russia agree a Donbas ceasefire",
              day(2020, 7, 27), sources=(UKRAINE, RUSSIA), evidence=(
                  said("wire-donbas-0104", 2, "The ceasefire agreed on July 27 had largely "
                       "held until December.", "ceasefire"),)),
        Event("avdiivka-shelling", "196", "Shelling near Avdiivka breaks the Donbas ceasefire",
              day(2021, 1, 3, "on Sunday", "relative"), sources=(RU_FORCES,),
              targets=(UA_FORCES,), places=(AVDIIVKA,), links=(("violates", "donbas-ceasefire"),),
              evidence=(said("wire-donbas-0104", 0, "Ukrainian positions near Avdiivka came "
                             "under mortar fire on Sunday, the military said.",
                             "mortar fire"),)),
        Event("year-end-drone-barrage", "195", "Russia launches a drone barrage on Kyiv",
              day(2024, 12, 30, "on Monday", "relative"), sources=(RUSSIA,),
              targets=(UKRAINE,), evidence=(
                  said("wire-front-1231", 0, "Russia launched dozens of drones at Kyiv on "
                       "Monday night, the air force said.", "launched"),)),
    ]


# --- the stores --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_rdf(to_rdf(story()), tmp_path_factory.mktemp("cookbook") / "kg.ttl")


@pytest.fixture(scope="module")
def stores(export: Path) -> dict[str, Store]:
    return {engine: load_store([export], engine=engine)  # type: ignore[arg-type]
            for engine in ("rdflib", "oxigraph")}


def run(stores: dict[str, Store], query: str) -> QueryResult:
    """Run on both engines, insist they agree, return the answer."""
    by_rdflib = run_query(stores["rdflib"], query)
    by_oxigraph = run_query(stores["oxigraph"], query)
    assert by_rdflib == by_oxigraph
    return by_oxigraph


def with_params(name: str, **values: object) -> str:
    """The cookbook query ``name`` with parameters bound as ``kg query --param`` binds them."""
    return bind_parameters(resolve_query(name), {k: str(v) for k, v in values.items()})


# --- what the records say ----------------------------------------------------------------------

EVENTS = {e.id: e for e in story()}


def iri(e: Event | str) -> str:
    return str(event_iri(e if isinstance(e, str) else e.id))


def stamp(e: Event) -> str | None:
    """The lexical form of the event's first timestamp, by the contract of ontology/README.md."""
    t = e.time
    if t.start is None:
        return None
    if t.precision == "year":
        return f"{t.start.year:04d}"
    if t.precision == "month":
        return f"{t.start.year:04d}-{t.start.month:02d}"
    if t.start_time is not None:
        return dt.datetime.combine(t.start, t.start_time).isoformat()
    return t.start.isoformat()


def undated_last(e: Event) -> tuple[bool, str]:
    return stamp(e) is None, stamp(e) or ""


def unbound_first(value: str | None) -> tuple[bool, str]:
    return value is not None, value or ""


def all_actors() -> dict[str, str]:
    """actor id -> label, including affiliations the export describes only by reference."""
    names = dict(REFERENCE_LABELS)
    for e in EVENTS.values():
        for a in (*e.sources, *e.targets, *e.claimed_by):
            names[a.id] = a.name
    return names


def named(name: str) -> set[str]:
    """Ids of the actors called ``name``: their label or one of their aliases, as written."""
    found = {i for i, label in REFERENCE_LABELS.items() if label == name}
    for e in EVENTS.values():
        for a in (*e.sources, *e.targets, *e.claimed_by):
            if name in (a.name, *a.aliases):
                found.add(a.id)
    return found


def members(ids: set[str]) -> set[str]:
    """``ids`` and every actor affiliated to one of them, at any depth."""
    parent = {a.id: a.affiliation for e in EVENTS.values()
              for a in (*e.sources, *e.targets, *e.claimed_by) if a.affiliation}
    out = set(ids)
    while True:
        more = {child for child, p in parent.items() if p in out} - out
        if not more:
            return out
        out |= more


def cells(*values: object) -> tuple[str | None, ...]:
    return tuple(None if v is None else str(v) for v in values)


def joined(names: Iterable[str]) -> str:
    """Names as a cookbook query aggregates them: distinct, in first-seen order, "; "-joined
    ("" for none)."""
    return "; ".join(dict.fromkeys(names))


def expect_actor_timeline(name: str = "Russia") -> list[tuple]:
    ids = members(named(name))
    rows = []
    for e in EVENTS.values():
        taking_part = sorted((role, a.name) for role, actors in
                             (("source", e.sources), ("target", e.targets))
                             for a in actors if a.id in ids)
        if taking_part:
            rows.append((e, cells(stamp(e), iri(e), e.label, e.cameo,
                                  joined(r for r, _ in taking_part),
                                  joined(n for _, n in taking_part), e.modality)))
    return [r for _, r in sorted(rows, key=lambda er: (*undated_last(er[0]), er[1][1]))]


def expect_meetings(start: str = "2025-01-01", end: str = "2025-12-31") -> list[tuple]:
    first, last = D.fromisoformat(start), D.fromisoformat(end)
    rows = []
    for e in EVENTS.values():
        if not e.cameo.startswith("04") or e.time.start is None:
            continue
        if e.time.start > last or (e.time.end or e.time.start) < first:
            continue
        rows.append(cells(e.time.start.isoformat(), iri(e), e.label, e.cameo,
                          joined(sorted(a.name for a in e.sources)),
                          joined(sorted(a.name for a in e.targets)),
                          joined(sorted(p.name for p in e.places)), e.modality))
    return sorted(rows, key=lambda r: (r[0], r[1]))


_STEP = {"violates": "violated by", "ends": "ended by", "resumes": "resumed by"}


def expect_truce_lifecycle() -> list[tuple]:
    rows = []
    for truce in (e for e in EVENTS.values() if e.cameo == "0871"):
        steps = [("declared", truce)]
        steps += [("outcome of", EVENTS[o]) for rel, o in truce.links if rel == "outcomeOf"]
        steps += [(_STEP[rel], e) for e in EVENTS.values() for rel, o in e.links
                  if o == truce.id and rel in _STEP]
        for step, e in steps:
            rows.append(((iri(truce), *undated_last(e), step, iri(e)),
                         cells(iri(truce), truce.label, step, stamp(e), iri(e), e.label,
                               e.modality)))
    return [r for _, r in sorted(rows)]


def expect_accusations_against(name: str = "Russia") -> list[tuple]:
    accused = members(named(name))
    rows = []
    for e in EVENTS.values():
        targets = sorted(t.name for t in e.targets if t.id in accused)
        if not e.cameo.startswith("112") or not targets:
            continue
        abouts = [(iri(o), EVENTS[o].label) for rel, o in e.links if rel == "claimAbout"]
        for about, about_label in abouts or [(None, None)]:
            rows.append((e, cells(stamp(e), iri(e), e.label,
                                  joined(sorted(s.name for s in e.sources)), joined(targets),
                                  about, about_label)))
    return [r for _, r in sorted(rows, key=lambda er: (
        *undated_last(er[0]), er[1][1], unbound_first(er[1][5])))]


def expect_planned_events() -> list[tuple]:
    planned = sorted((e for e in EVENTS.values() if e.modality == "planned"),
                     key=lambda e: (*undated_last(e), iri(e)))
    return [cells(stamp(e), iri(e), e.label, e.cameo,
                  e.time.precision if e.time.start else "unknown") for e in planned]


def expect_multi_source_events(minimum: int = 2) -> list[tuple]:
    many = [e for e in EVENTS.values() if len(e.article_ids) >= minimum]
    many.sort(key=lambda e: (-len(e.article_ids), iri(e)))
    return [cells(iri(e), e.label, len(e.article_ids)) for e in many]


def expect_weekly_goldstein(a: str = "Russia", b: str = "Ukraine") -> list[tuple]:
    side_a, side_b = members(named(a)), members(named(b))
    weeks: dict[tuple[int, int], list] = defaultdict(lambda: [Decimal(0), Decimal(0), 0])
    for e in EVENTS.values():
        if e.time.start is None or e.time.precision in ("month", "year"):
            continue
        src, tgt = {x.id for x in e.sources}, {x.id for x in e.targets}
        a_to_b = bool(src & side_a and tgt & side_b)
        b_to_a = bool(src & side_b and tgt & side_a)
        if not (a_to_b or b_to_a):
            continue
        score = Decimal(str(lookup(e.cameo).goldstein))
        iso_year, iso_week, _ = e.time.start.isocalendar()
        week = weeks[(iso_year, iso_week)]
        week[0] += score if a_to_b else 0
        week[1] += score if b_to_a else 0
        week[2] += 1
    return [(year, week, *sums) for (year, week), sums in sorted(weeks.items())]


def expect_fighting_places() -> list[tuple]:
    found: dict[str, tuple[Place, set[str], list[str]]] = {}
    for e in EVENTS.values():
        if not e.cameo.startswith("19") or e.modality != "asserted":
            continue
        for p in e.places:
            if p.lat is None or p.lon is None:
                continue
            _, evs, days = found.setdefault(p.id, (p, set(), []))
            evs.add(e.id)
            if e.time.start is not None:
                days.append(e.time.start.isoformat())
    rows = [(str(place_iri(p.id)), p.name, Decimal(str(p.lat)), Decimal(str(p.lon)), len(evs),
             min(days, default=None), max(days, default=None))
            for p, evs, days in found.values()]
    return sorted(rows, key=lambda r: (-r[4], r[1], r[0]))


def expect_claims() -> list[tuple]:
    rows = [(e, cells(stamp(e), iri(e), e.label, joined(sorted(a.name for a in e.claimed_by)),
                      e.modality))
            for e in EVENTS.values() if e.claimed_by]
    return [r for _, r in sorted(rows, key=lambda er: (*undated_last(er[0]), er[1][1]))]


def expect_evidence() -> list[tuple]:
    rows = []
    for e in EVENTS.values():
        for x in e.evidence:
            rows.append(((iri(e), str(article_iri(x.article_id)), x.start,
                          unbound_first(x.trigger or None), x.sentence),
                         cells(iri(e), e.label, article_iri(x.article_id), x.start,
                               x.trigger or None, x.sentence, x.title,
                               x.published.isoformat() if x.published else None, x.url)))
    return [r for _, r in sorted(rows)]


def expect_co_participation(minimum: int = 2) -> list[tuple]:
    names = all_actors()
    shared: Counter[tuple[str, str]] = Counter()
    for e in EVENTS.values():
        taking_part = sorted({str(actor_iri(a.id)): a.id for a in e.actors}.items())
        for i, (iri_a, a) in enumerate(taking_part):
            for iri_b, b in taking_part[i + 1:]:
                shared[(a, b)] += 1
    rows = [cells(actor_iri(a), names[a], actor_iri(b), names[b], n)
            for (a, b), n in shared.items() if n >= minimum]
    return sorted(rows, key=lambda r: (-int(r[4]), r[0], r[2]))  # type: ignore[arg-type]


def expect_plover_by_month() -> list[tuple]:
    counts: Counter[tuple[str, str]] = Counter()
    for e in EVENTS.values():
        category = lookup(e.cameo).plover
        if category:
            s = stamp(e)
            counts[(s[:7] if s and len(s) >= 7 else "unknown", category)] += 1
    return [cells(month, category, n) for (month, category), n in sorted(counts.items())]


def expect_latest_event_per_actor() -> list[tuple]:
    latest: dict[str, tuple[str, str, Event]] = {}
    for e in EVENTS.values():
        if e.time.start is not None:
            for a in e.actors:
                key = (e.time.start.isoformat(), iri(e), e)
                if a.id not in latest or key[:2] > latest[a.id][:2]:
                    latest[a.id] = key
    names = all_actors()
    rows = sorted((cells(actor_iri(a), names[a], day, event_iri, e.label)
                   for a, (day, event_iri, e) in latest.items()), key=lambda r: r[0])
    return sorted(rows, key=lambda r: r[2], reverse=True)  # stable: DESC(?day) ?actor


def expect_threats() -> list[tuple]:
    rows = [(e, cells(stamp(e), iri(e), e.cameo, lookup(e.cameo).name,
                      joined(sorted(a.name for a in e.sources)),
                      joined(sorted(a.name for a in e.targets)), e.modality))
            for e in EVENTS.values() if e.cameo.startswith("13")]
    return [r for _, r in sorted(rows, key=lambda er: (*undated_last(er[0]), er[1][1]))]


def expect_date_quality() -> list[tuple]:
    counts = Counter((e.time.precision, e.time.basis) if e.time.start else ("unknown", "unknown")
                     for e in EVENTS.values())
    return [cells(p, b, n) for (p, b), n in sorted(counts.items(),
                                                  key=lambda kv: (-kv[1], kv[0]))]


EXPECTED: dict[str, Callable[..., list[tuple]]] = {
    "actor-timeline": expect_actor_timeline,
    "meetings": expect_meetings,
    "truce-lifecycle": expect_truce_lifecycle,
    "accusations-against": expect_accusations_against,
    "planned-events": expect_planned_events,
    "multi-source-events": expect_multi_source_events,
    "weekly-goldstein": expect_weekly_goldstein,
    "fighting-places": expect_fighting_places,
    "claims": expect_claims,
    "evidence": expect_evidence,
    "co-participation": expect_co_participation,
    "plover-by-month": expect_plover_by_month,
    "latest-event-per-actor": expect_latest_event_per_actor,
    "threats": expect_threats,
    "date-quality": expect_date_quality,
}
NAMES = sorted(p.stem for p in QUERIES.glob("*.rq"))


def numeric(rows: Iterable[tuple], columns: Iterable[int]) -> list[tuple]:
    """Rows with the given columns read as numbers (engines may print 0 or 0.0 for a sum)."""
    cols = set(columns)
    return [tuple(Decimal(v) if i in cols and v is not None else v for i, v in enumerate(r))
            for r in rows]


# --- every query -------------------------------------------------------------------------------

def test_the_cookbook_has_at_least_twelve_queries_each_checked_here():
    assert len(NAMES) >= 12
    assert set(NAMES) == set(EXPECTED), "every cookbook query needs an answer check here"
    assert set(cookbook()) == set(NAMES)  # the package sees the same folder


@pytest.mark.parametrize("name", NAMES)
def test_query_starts_with_a_description_and_declares_its_prefixes(name):
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    assert text.startswith("# ") and len(text.splitlines()[0]) > 30
    assert cookbook()[name] == text.splitlines()[0][2:].strip()
    declared = set(re.findall(r"(?m)^PREFIX\s+(\w*):", text))
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    used = set(re.findall(r"(?<![\w<#?])([A-Za-z][\w-]*):[A-Za-z_0-9]", body)) - {"http", "https"}
    assert used <= declared, f"prefixes used without PREFIX: {used - declared}"


@pytest.mark.parametrize("name", NAMES)
def test_query_parses_in_both_engines(name):
    import pyoxigraph

    text = resolve_query(name)
    prepareQuery(text)
    list(pyoxigraph.Store().query(text))


@pytest.mark.parametrize("name", NAMES)
def test_query_runs_as_it_is_and_both_engines_give_the_same_rows(stores, name):
    result = run(stores, resolve_query(name))
    assert result.rows, f"{name} finds nothing in the story with its default parameters"
    assert all(len(row) == len(result.variables) for row in result.rows)


@pytest.mark.parametrize("name", [n for n in NAMES if n not in
                                  {"weekly-goldstein", "fighting-places"}])
def test_query_answer_matches_the_records(stores, name):
    assert list(run(stores, resolve_query(name)).rows) == EXPECTED[name]()


# --- answers with parameters -------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "Russia",
    "the Kremlin",  # an alias: the same actor
    "Kyiv",
    "kyiv",  # names match as written: no rows
    "M23",
    "Congo River Alliance",  # known only as an affiliation: its member's events
    "Zelensky",  # a person: their own events only
    "Atlantis",  # nobody: no rows
])
def test_actor_timeline_follows_the_named_actor_and_its_members(stores, name):
    query = with_params("actor-timeline", actor=name)
    assert list(run(stores, query).rows) == expect_actor_timeline(name)


def test_actor_timeline_puts_undated_events_last_and_months_before_their_days(stores):
    rows = run(stores, with_params("actor-timeline", actor="DRC")).rows
    whens = [r[0] for r in rows]
    assert whens[-1] is None and None not in whens[:-1]
    assert whens.index("2025-02") < whens.index("2025-04-23")


@pytest.mark.parametrize("period", [
    ("2025-01-01", "2025-12-31"),
    ("2025-05-15", "2025-05-15"),  # one day: the visit, the planned talks and Qatar's year
    ("2025-05-16", "2025-05-31"),
    ("2020-01-01", "2024-12-31"),  # before the story's talks: nothing
])
def test_meetings_are_the_consult_family_overlapping_the_period(stores, period):
    query = with_params("meetings", **{"from": period[0], "to": period[1]})
    assert list(run(stores, query).rows) == expect_meetings(*period)


def test_latest_event_breaks_a_same_day_tie_by_the_event_iri(stores):
    rows = {r[0]: r for r in run(stores, resolve_query("latest-event-per-actor")).rows}
    ua_forces = rows[str(actor_iri("ukrainian-armed-forces"))]
    assert ua_forces[2:4] == ("2025-05-11", iri("kyiv-air-defence"))  # after front-fighting-...


def test_truce_lifecycle_lists_violations_and_end_of_the_victory_day_truce(stores):
    rows = run(stores, resolve_query("truce-lifecycle")).rows
    steps = {(r[2], r[4]) for r in rows if r[0] == iri("victory-day-truce")}
    assert steps == {("declared", iri("victory-day-truce")),
                     ("violated by", iri("pokrovsk-violation")),
                     ("violated by", iri("kursk-drone-attacks")),
                     ("ended by", iri("front-fighting-resumes")),
                     ("resumed by", iri("kherson-shelling"))}


@pytest.mark.parametrize("name", ["Russia", "Ukraine", "Kinshasa"])
def test_accusations_against_an_actor(stores, name):
    query = with_params("accusations-against", actor=name)
    assert list(run(stores, query).rows) == expect_accusations_against(name)


@pytest.mark.parametrize("minimum", [1, 2, 3])
def test_multi_source_events_by_minimum_number_of_articles(stores, minimum):
    query = with_params("multi-source-events", minimum=minimum)
    assert list(run(stores, query).rows) == expect_multi_source_events(minimum)


@pytest.mark.parametrize("minimum", [1, 3])
def test_co_participation_keeps_pairs_sharing_at_least_the_minimum(stores, minimum):
    query = with_params("co-participation", minimum=minimum)
    assert list(run(stores, query).rows) == expect_co_participation(minimum)


@pytest.mark.parametrize("pair", [("Russia", "Ukraine"), ("Kyiv", "Moscow"), ("M23", "DRC")])
def test_weekly_goldstein_sums_each_direction_per_iso_week(stores, pair):
    query = with_params("weekly-goldstein", actorA=pair[0], actorB=pair[1])
    result = run(stores, query)
    assert result.variables == ("year", "week", "aToB", "bToA", "events")
    assert numeric(result.rows, range(5)) == expect_weekly_goldstein(*pair)


def test_weekly_goldstein_knows_iso_weeks_across_new_year(stores):
    weeks = {(r[0], r[1]) for r in run(stores, resolve_query("weekly-goldstein")).rows}
    assert ("2020", "53") in weeks  # Sunday 3 January 2021
    assert ("2025", "1") in weeks  # Monday 30 December 2024


def test_fighting_places_count_asserted_fighting_at_places_with_coordinates(stores):
    result = run(stores, resolve_query("fighting-places"))
    assert numeric(result.rows, (2, 3, 4)) == expect_fighting_places()
    names = [r[1] for r in result.rows]
    assert "Sake" not in names  # no coordinates
    assert names[0] == "Goma"  # the negated Rwandan fighting is not counted, the rest is
    assert result.rows[names.index("Nikopol")][5:] == (None, None)  # fighting of unknown date


# --- the engines agree on the edge cases -------------------------------------------------------

def test_ordered_results_keep_the_engines_order_and_unordered_ones_are_sorted(stores):
    unordered = run(stores, "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                            "SELECT ?label WHERE { ?x rdfs:label ?label }")
    assert list(unordered.rows) == sorted(unordered.rows)
    ordered = run(stores, "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                          "SELECT ?label WHERE { ?x rdfs:label ?label } ORDER BY DESC(?label)")
    assert list(ordered.rows) == sorted(ordered.rows, reverse=True)


# --- parameters, named graphs, one row per event -----------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_every_parameter_is_documented_in_the_header_with_its_default_in_values(name):
    from kg.query_params import query_parameters

    text = resolve_query(name)
    params = query_parameters(text)
    documented = set(re.findall(r"(?m)^# param (\w+): \S", text))
    assert documented == {p.name for p in params}
    assert all(p.default is not None for p in params), "a parameter without a VALUES default"


@pytest.fixture(scope="module")
def trig_stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    trig = write_rdf(to_rdf(story()), tmp_path_factory.mktemp("named") / "kg.trig", format="trig")
    return {engine: load_store([trig], engine=engine)  # type: ignore[arg-type]
            for engine in ("rdflib", "oxigraph")}


@pytest.mark.parametrize("name", NAMES)
def test_the_cookbook_gives_the_same_rows_over_trig_as_over_turtle(stores, trig_stores, name):
    # kg.trig holds one named graph per article; kg query reads their union
    assert run(trig_stores, resolve_query(name)) == run(stores, resolve_query(name))


@pytest.mark.parametrize("name, column", [
    ("meetings", "event"), ("threats", "event"), ("claims", "event"),
    ("actor-timeline", "event"), ("planned-events", "event"),
    ("multi-source-events", "event"), ("latest-event-per-actor", "actor"),
])
def test_queries_give_one_row_per_event_with_names_aggregated(stores, name, column):
    result = run(stores, with_params(name, **({"minimum": 1} if "minimum" in
                                              resolve_query(name) else {})))
    keys = [row[result.variables.index(column)] for row in result.rows]
    assert keys and len(keys) == len(set(keys))


def test_a_meeting_with_two_partners_is_one_row_naming_both(stores):
    rows = {r[1]: r for r in run(stores, resolve_query("meetings")).rows}
    qatar = rows[iri("qatar-mediation")]
    assert qatar[4:7] == ("Qatar", "Democratic Republic of Congo; M23", "")


def test_the_london_talks_of_the_founding_example_are_one_row(seed_export):
    store = load_store([seed_export / "kg.ttl"])
    result = run_query(store, with_params("meetings", **{"from": "2025-04-23",
                                                         "to": "2025-04-23"}))
    london = [r for r in result.rows if "London" in (r[6] or "")]
    assert len(london) == 1
    assert set(london[0][5].split("; ")) >= {"United States", "United Kingdom", "France"}
