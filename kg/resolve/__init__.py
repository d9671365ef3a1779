"""Resolve: turn one article's mentions into events with canonical actors, places and dated spans.

Each event mention becomes an Event of its own here (one evidence); the merge stage then joins
the mentions of one real event, within and across articles.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.model import Actor, EntityMention, Event, EventMention, Evidence, Extraction, Place, TimeSpan
from kg import codebook
from kg.resolve.anaphora import REFERRING, lend_headline_actors, link_definite, with_pronouns
from kg.resolve.entities import resolve_entities
from kg.resolve.labels import event_label
from kg.resolve.places_lent import places_from_anaphora, places_from_sentence, with_countries
from kg.resolve.unnamed import unnamed_actor
from kg.temporal import anaphoric_shift, parse_duration, resolve_time, with_duration
from kg.temporal.spans import as_written
from kg.resources import Resources, default_resources

__all__ = ["resolve", "resolve_all", "resolve_span"]


def resolve_all(extractions: Iterable[Extraction], res: Resources | None = None) -> Iterator[Event]:
    """Events of each article in turn (see :func:`resolve`)."""
    res = res or default_resources()
    for ex in extractions:
        yield from resolve(ex, res)


def resolve(ex: Extraction, res: Resources | None = None) -> list[Event]:
    """Events of one article, before cross-mention merging.

    ``res`` holds the word classes and reference tables (the package's own when None).
    """
    res = res or default_resources()
    mentions = link_definite(ex.events)
    named = [m for m in ex.entities if m.label not in REFERRING]
    resolved = with_pronouns(ex.entities, dict(zip(named, resolve_entities(named, res))),
                             res.words["personal_pronoun"], lambda m: unnamed_actor(m.text, res.words))
    article = ex.article
    events: list[Event] = []
    headlines: list[Event] = []
    last_day: dt.date | None = None  # the latest day the article's text has named, in reading order
    bounds = tuple(sorted(res.words["span_bound_word"]))  # "from Saturday", "until Monday" name no day of their own
    for em in sorted(mentions, key=lambda m: m.trigger_start):
        ev = _event(em, resolved, article.published, article.url, article.title, res, last_day)
        if ev.time.basis in {"explicit", "relative"} and ev.time.precision in {"day", "hour", "minute"} \
                and not ev.time.text.lower().startswith(bounds):
            last_day = ev.time.start
        (headlines if em.headline else events).append(ev)
    events = places_from_anaphora(places_from_sentence(events, named, resolved, res, _on_the_ground),
                                  named, resolved, res, _on_the_ground)
    return lend_headline_actors(_days_from_before(_places_from_before(events, res)), headlines)


def _days_from_before(events: list[Event]) -> list[Event]:
    """ "Violent clashes broke out on Sunday. The army conducted airstrikes on RSF positions": an act
    on the ground told with no date of its own, right after a sentence that dated one, happened
    that day (not on the day of publication)."""
    out: list[Event] = []
    last: tuple[int, int, TimeSpan] | None = None  # the sentence that dated an event to a day, its span
    for ev in events:
        if not ev.evidence:
            out.append(ev)
            continue
        start, end = ev.evidence[0].start, ev.evidence[0].end
        t = ev.time
        if t.basis in {"explicit", "relative"} and t.precision == "day" and t.start == t.end:
            last = (start, end, t)
        elif t.basis == "publication" and ev.modality == "asserted" and last is not None and \
                last[1] < start <= last[1] + 2 and _on_the_ground(ev.cameo):
            day = last[2].start
            ev = replace(ev, time=TimeSpan(day, day, "day", "relative", "")).with_confidence(time=0.6)
        out.append(ev)
    return out


def _places_from_before(events: list[Event], res: Resources) -> list[Event]:
    """ "Clashes raged in El Fasher on Sunday. The army also carried out airstrikes": an act on the
    ground told with no place of its own happened where the sentence before placed one."""
    out: list[Event] = []
    last: tuple[int, int, tuple[Place, ...]] | None = None  # the sentence that placed an event, its places
    for ev in events:
        if not ev.evidence:
            out.append(ev)
            continue
        start, end = ev.evidence[0].start, ev.evidence[0].end
        if ev.places:
            last = (start, end, ev.places)
        elif last is not None and last[0] <= start <= last[1] + 2 and _on_the_ground(ev.cameo):
            ev = replace(ev, places=last[2],
                         label=event_label(ev.cameo, ev.sources, ev.targets, last[2], ev.modality))
            ev = ev.with_confidence(places=0.5)  # lent by the sentence before: less sure than its own
        out.append(ev)
    return out


def _on_the_ground(code: str) -> bool:
    return codebook.is_violent(code) or codebook.has_root(code, codebook.Root.PROTEST,
                                                           codebook.Root.FORCE_POSTURE, codebook.Root.COERCE)


def resolve_span(em: EventMention, published: dt.date | None, last_day: dt.date | None = None) -> TimeSpan:
    """The span of an event mention: its governing time expression, else the publication date.

    "The same day", "the next day" and "the day before" count from ``last_day``, the day the
    article named last.
    """
    span = None
    for tm in em.times:
        shift = anaphoric_shift(tm.text)
        if shift is not None and last_day is not None:
            day = last_day + dt.timedelta(days=shift)
            span = TimeSpan(day, day, "day", "relative", tm.text)
            break
        span = resolve_time(tm.text, published, tense=em.tense, sentence=em.sentence)
        if span is not None:
            span = _refined(span, em, published)
            break
    if span is None:
        if published is None:
            return TimeSpan.unknown()
        span = TimeSpan(published, published, "day", "publication")
    if em.duration:
        d = parse_duration(em.duration)
        if d is not None and span.is_known:
            span = with_duration(span, d)
    return span


def _refined(span: TimeSpan, em: EventMention, published: dt.date | None) -> TimeSpan:
    """The first time of an event, or a later one of the same clause that falls inside it and
    says more: "overnight on Thursday ... on Thursday night", "last week, on Tuesday"."""
    if span.start is None:
        return span
    for tm in em.times[1:]:
        other = resolve_time(tm.text, published, tense=em.tense, sentence=em.sentence)
        if other is None or other.start is None or other == span:
            continue
        lo, hi = span.start, span.end or span.start
        o_lo, o_hi = other.start, other.end or other.start
        if lo <= o_lo and o_hi <= hi and (o_hi - o_lo) < (hi - lo):
            return other
    return span


def _actors(mentions: tuple[EntityMention, ...], resolved: dict) -> tuple[Actor, ...]:
    out: dict[str, Actor] = {}
    for m in mentions:
        r = resolved.get(m)
        for a in (r if isinstance(r, tuple) else (r,)):
            if isinstance(a, Actor):
                out.setdefault(a.id, a)
    return tuple(out.values())


def _first_of_each(actors: tuple[Actor, ...], besides: frozenset[str] | set[str] = frozenset()) -> tuple[Actor, ...]:
    out: dict[str, Actor] = {}
    for a in actors:
        if a.id not in besides:
            out.setdefault(a.id, a)
    return tuple(out.values())


def _countries(mentions: tuple[EntityMention, ...], resolved: dict) -> tuple[Actor, ...]:
    return tuple(Actor(p.id, p.name, "country") for m in mentions
                 if isinstance(p := resolved.get(m), Place) and p.type == "country")


def _places(mentions: tuple[EntityMention, ...], resolved: dict, res: Resources) -> tuple[Place, ...]:
    return with_countries([r for r in map(resolved.get, mentions) if isinstance(r, Place)], res)


def _event(em: EventMention, resolved: dict, published: dt.date | None, url: str | None,
           title: str | None, res: Resources, last_day: dt.date | None = None) -> Event:
    # a country in a participant slot is a party, even where the syntax read it as a place
    # ("fired rockets at northern Israel", "sanctions against U.S. firms")
    sources = _first_of_each(_actors(em.sources, resolved) + _countries(em.sources, resolved))
    targets = _first_of_each(_actors(em.targets, resolved) + _countries(em.targets, resolved),
                             besides={s.id for s in sources})
    # a name in a participant slot that is a place after all ("the Cairo round") places the event
    # (a country there is a party, above, and no place besides)
    places = _places(em.places + tuple(m for m in em.sources + em.targets
                                       if isinstance(p := resolved.get(m), Place) and p.type != "country"),
                     resolved, res)
    hosted = codebook.is_visit(em.cameo) and not targets
    if hosted:
        # a visit's destination country is its host: "paid a visit to Saudi Arabia"
        targets = tuple(Actor(p.id, p.name, "country") for p in places if p.type == "country")
    span = as_written(resolve_span(em, published, last_day))
    # how sure each field is, by how it was found (see _TIME_CONFIDENCE and _MENTION_CONFIDENCE)
    sure: dict[str, float] = {"type": em.type_confidence}
    if span.is_known:
        sure["time"] = _TIME_CONFIDENCE.get(span.basis, _TIME_CONFIDENCE["publication"])
    if sources:
        sure["sources"] = _slot_confidence(em.sources, resolved)
    if targets:  # a visit's host read from its destination is a guess
        sure["targets"] = 0.6 if hosted else _slot_confidence(em.targets, resolved)
    if places:
        sure["places"] = min(0.85 if p.geonames or p.lat is not None else 0.6 for p in places)
    evidence = Evidence(em.article_id, em.sentence, em.sentence_start, em.sentence_end,
                        em.trigger, url, title, published)
    key = f"{em.article_id}|{em.trigger_start}|{em.cameo}"
    return Event(
        id=hashlib.sha1(key.encode()).hexdigest()[:16], cameo=em.cameo,
        label=event_label(em.cameo, sources, targets, places, em.modality), time=span,
        sources=sources, targets=targets, places=places, modality=em.modality,
        claimed_by=_actors(em.claimed_by, resolved), confidence=em.confidence, evidence=(evidence,),
        field_confidence=tuple(sure.items()))


# How sure a field is, by how it was found. A date: written out (explicit), counted from another
# (relative), or only the day of publication. A participant: named, a role noun ("the minister"),
# an untagged proper noun, or a pronoun or "the group" pointing back.
_TIME_CONFIDENCE = {"explicit": 0.9, "relative": 0.75, "publication": 0.4}
_MENTION_CONFIDENCE = {"ROLE": 0.7, "PROPN": 0.65, "PRON": 0.6, "GROUP": 0.6, "PAIR": 0.6}
_NAMED_CONFIDENCE = 0.85


def _slot_confidence(mentions: tuple[EntityMention, ...], resolved: dict) -> float:
    """A slot is as sure as its least sure participant."""
    return min((_MENTION_CONFIDENCE.get(m.label, _NAMED_CONFIDENCE) for m in mentions
                if resolved.get(m) is not None), default=_NAMED_CONFIDENCE)
