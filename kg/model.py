"""The immutable records that flow through the pipeline, one kind per stage.

ingest -> Article; extract -> EventMention (with EntityMention, TimeMention);
resolve -> Event (one per mention, with Actor, Place, TimeSpan); merge -> Event (many evidences).
A change makes a new record (``dataclasses.replace``); nothing is mutated in place.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Literal

__all__ = [
    "Article", "EntityMention", "TimeMention", "EventMention", "Extraction", "TimeSpan", "Actor", "Place",
    "Evidence", "Event", "Modality", "Precision", "Basis", "Tense", "ActorType", "PlaceType",
    "MODALITIES", "PRECISIONS", "BASES", "CONFIDENCE_FIELDS", "evolve",
]

Modality = Literal["asserted", "planned", "conditional", "negated"]
Precision = Literal["minute", "hour", "day", "week", "month", "year", "unknown"]
Basis = Literal["explicit", "relative", "publication", "unknown"]
Tense = Literal["past", "present", "future"]
ActorType = Literal["person", "country", "government", "armed_forces", "armed_group",
                    "organization", "international_organization", "other"]
PlaceType = Literal["city", "region", "country", "sea", "border", "landmark", "other"]

MODALITIES: tuple[str, ...] = ("asserted", "planned", "conditional", "negated")
PRECISIONS: tuple[str, ...] = ("minute", "hour", "day", "week", "month", "year", "unknown")
BASES: tuple[str, ...] = ("explicit", "relative", "publication", "unknown")
CONFIDENCE_FIELDS: tuple[str, ...] = ("type", "time", "sources", "targets", "places")


def evolve(record, /, **changes):  # type: ignore[no-untyped-def]
    """A copy of ``record`` with ``changes``: ``dataclasses.replace`` for the records of the
    pipeline's stages at a sixth of its cost (the extraction passes make some 400 copies an
    article). The records have no ``__post_init__`` to run; an unknown field is an error, as
    with ``dataclasses.replace``."""
    names = _FIELDS.get(type(record))
    if names is None:
        names = _FIELDS[type(record)] = frozenset(f.name for f in fields(record))
    if not names.issuperset(changes):
        raise TypeError(f"{type(record).__name__} has no field {sorted(set(changes) - names)[0]!r}")
    new = object.__new__(type(record))
    d = new.__dict__
    d.update(record.__dict__)
    d.update(changes)
    return new


_FIELDS: dict[type, frozenset[str]] = {}


@dataclass(frozen=True)
class Article:
    """One news report: its text and what is known of where and when it was published."""

    id: str
    text: str
    published: dt.date | None
    url: str | None = None
    title: str | None = None
    origin: str = ""  # the file (and line, for JSONL) it was read from, for messages


@dataclass(frozen=True)
class EntityMention:
    """A named entity (or role noun) as written in one sentence, with its character span.

    ``role`` is what the syntax says it does there: "actor" (subject, agent, object of
    a political verb), "place" (object of in/at/near...), or "unknown".
    """

    text: str
    start: int
    end: int
    label: str  # spaCy label: PERSON, GPE, NORP, ORG, LOC, FAC, or ROLE for "the minister"
    role: Literal["actor", "place", "unknown"] = "unknown"
    context: str = ""  # a few words around it (titles such as "Russian President ...")


@dataclass(frozen=True)
class TimeMention:
    """A time expression as written, with its span in the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class EventMention:
    """One report of an event in one sentence, before any resolution."""

    article_id: str
    cameo: str  # CAMEO code, 2 to 4 digits
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    sources: tuple[EntityMention, ...] = ()
    targets: tuple[EntityMention, ...] = ()
    places: tuple[EntityMention, ...] = ()
    times: tuple[TimeMention, ...] = ()  # the governing expression first
    tense: Tense = "past"
    modality: Modality = "asserted"
    claimed_by: tuple[EntityMention, ...] = ()  # "X accused Y of Z": Z is claimed by X
    confidence: float = 0.5
    duration: str = ""  # "30-hour", "three-day": how long the event lasts, as written
    headline: bool = False  # from a headline or sub-heading: lends actors, never stands alone
    type_confidence: float = 0.7  # how surely the trigger and its syntax give the CAMEO code
    definite: bool = False  # a noun trigger after "the", "this", "that": may name an event told before


@dataclass(frozen=True)
class Extraction:
    """What the extract stage found in one article."""

    article: Article
    events: tuple[EventMention, ...]
    entities: tuple[EntityMention, ...]  # every entity mention, in text order


@dataclass(frozen=True)
class TimeSpan:
    """When something happened, as precisely as the text says and no more.

    ``start``/``end`` are inclusive calendar days (``end == start`` for one day). Where a
    clock time is stated, ``start_time``/``end_time`` carry it and precision is hour/minute.
    ``earliest``/``latest`` bound an uncertain span (a week, "earlier this month").
    """

    start: dt.date | None
    end: dt.date | None
    precision: Precision = "day"
    basis: Basis = "explicit"
    text: str = ""
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None

    @classmethod
    def unknown(cls, text: str = "") -> "TimeSpan":
        return cls(None, None, "unknown", "unknown", text)

    @property
    def is_known(self) -> bool:
        return self.start is not None


@dataclass(frozen=True)
class Actor:
    """A canonical participant: a person, a state or its government, a force, a group."""

    id: str  # stable slug, e.g. "russia", "vladimir-putin"
    name: str
    type: ActorType = "other"
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None  # id of the actor it acts for: a country, or a group for its leaders
    wikidata: str | None = None  # QID, only from a data source


@dataclass(frozen=True)
class Place:
    """A location: a city, region, country, sea or border; coordinates when a gazetteer has them."""

    id: str
    name: str
    type: PlaceType = "other"
    aliases: tuple[str, ...] = ()
    country: str | None = None  # id of the country place it lies in
    lat: float | None = None
    lon: float | None = None
    geonames: int | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where an event was reported: the article and the exact sentence span."""

    article_id: str
    sentence: str
    start: int  # sentence offsets in the article text
    end: int
    trigger: str = ""
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    reason: str = ""  # why the merge stage judged this mention to report its event ("" for the first)


@dataclass(frozen=True)
class Event:
    """A real-world event: what, when (with precision), who, towards whom, where, and the evidence."""

    id: str
    cameo: str
    label: str
    time: TimeSpan
    sources: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    modality: Modality = "asserted"
    claimed_by: tuple[Actor, ...] = ()
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()
    # (relation, other event id); relations: violates, ends, outcome_of, schedules, accusation_about
    links: tuple[tuple[str, str], ...] = field(default=())
    # how sure each field is, for the fields the event has: (("type", 0.8), ("time", 0.4), ...);
    # names from CONFIDENCE_FIELDS. ``confidence`` is the event's as a whole.
    field_confidence: tuple[tuple[str, float], ...] = ()

    def with_confidence(self, **fields: float) -> "Event":
        """A copy with these fields' confidences set, kept in CONFIDENCE_FIELDS order."""
        merged = dict(self.field_confidence) | fields
        return replace(self, field_confidence=tuple((f, merged[f]) for f in CONFIDENCE_FIELDS if f in merged))

    def confidence_of(self, name: str) -> float | None:
        """How sure one field is ("type", "time", "sources", "targets", "places"), or None if the
        event has no such field (no date, no target ...)."""
        if name not in CONFIDENCE_FIELDS:
            raise ValueError(f"{name!r} is not one of {', '.join(CONFIDENCE_FIELDS)}")
        return dict(self.field_confidence).get(name)

    @property
    def actors(self) -> tuple[Actor, ...]:
        seen: dict[str, Actor] = {}
        for a in (*self.sources, *self.targets):
            seen.setdefault(a.id, a)
        return tuple(seen.values())

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.article_id for e in self.evidence))
