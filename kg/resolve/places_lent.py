"""Places an event's own clause does not give it, lent by the text around it.

The parse links a place to its event through locative prepositions; real copy often puts the
place elsewhere in the sentence ("hostages held in the central Gaza Strip were rescued in a raid",
"clashes on Sunday in Khartoum and El Fasher" where "in" hangs on the date). An event with no place
of its own takes the places its sentence names as places.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from kg.model import EntityMention, Event, Place
from kg.resolve.labels import event_label
from kg.resolve.places import country_place, lookup_reference
from kg.resources import Resources

__all__ = ["places_from_sentence", "places_from_anaphora", "with_countries"]

# "took control of the town", "clashes raged in the city": a definite settlement noun in a
# locative phrase points back at the settlement the article named last ("the city of X" names one)
_THE_SETTLEMENT = re.compile(r"(?i)\b(?:in|of|near|around|over|across|outside|inside|into|at|on|from)\s+"
                             r"the\s+(?:city|town|village)\b(?!\s+of\b|['’]s)")


def with_countries(places: Sequence[Place], res: Resources) -> tuple[Place, ...]:
    """The places, each followed by the country it lies in (a city's country is evident)."""
    out: dict[str, Place] = {}
    for p in places:
        out.setdefault(p.id, p)
        if p.country and p.country != p.id:
            c = country_place(p.country, res)
            if c is not None:
                out.setdefault(c.id, c)
    return tuple(out.values())


def places_from_sentence(events: list[Event], mentions: Sequence[EntityMention], resolved: Mapping,
                         res: Resources, lends_to: Callable[[str], bool]) -> list[Event]:
    """Events with no place of their own take the places their sentence names as places, where
    ``lends_to`` their CAMEO code (acts on the ground happen somewhere; a statement's places are
    mostly what it speaks of)."""
    # a country the sentence names is as often what an act is aimed at ("sanctions on Russia") or
    # its scope as where it happened: only a city, region or site is lent, and only one a source
    # knows or the text calls a place ("the town of X"), not any name after "on" ("on Air Force One")
    placed = [(m.start, r) for m in mentions if m.role == "place" and isinstance(r := resolved.get(m), Place)
              and _lendable(r, res)]
    if not placed:
        return events
    held: dict[int, set[str]] = {}  # sentence start -> places the parse gave to an event there
    for ev in events:
        if ev.evidence:
            held.setdefault(ev.evidence[0].start, set()).update(p.id for p in ev.places)
    out: list[Event] = []
    for ev in events:
        # an act nobody is named doing stands only on a place of its own (kg.merge keeps it then)
        if ev.places or not ev.evidence or not ev.sources or not lends_to(ev.cameo):
            out.append(ev)
            continue
        ed = ev.evidence[0]
        # a place the parse gave to another clause ("talks in Havana") is that clause's
        own = [p for start, p in placed if ed.start <= start < ed.end and p.id not in held[ed.start]]
        if own:
            places = with_countries(own, res)
            ev = replace(ev, places=places,
                         label=event_label(ev.cameo, ev.sources, ev.targets, places, ev.modality))
            ev = ev.with_confidence(places=0.6)  # the sentence's, not the clause's: less sure
        out.append(ev)
    return out


def _lendable(place: Place, res: Resources) -> bool:
    if place.type == "country":
        return False
    return place.type != "other" or lookup_reference(place.name, res) is not None


def places_from_anaphora(events: list[Event], mentions: Sequence[EntityMention], resolved: Mapping,
                         res: Resources, lends_to: Callable[[str], bool]) -> list[Event]:
    """Events with no place whose sentence says "in the city" or "of the town" take the city or
    town the article named last before it."""
    out: list[Event] = []
    for ev in events:
        ed = ev.evidence[0] if ev.evidence else None
        m = _THE_SETTLEMENT.search(ed.sentence) if ed is not None else None
        if ev.places or m is None or not ev.sources or not lends_to(ev.cameo):
            out.append(ev)
            continue
        assert ed is not None  # m was found in its sentence
        city = _last_city(mentions, resolved, ed.start + m.start())
        if city is not None:
            places = with_countries([city], res)
            ev = replace(ev, places=places,
                         label=event_label(ev.cameo, ev.sources, ev.targets, places, ev.modality))
            ev = ev.with_confidence(places=0.5)
        out.append(ev)
    return out


def _last_city(mentions: Sequence[EntityMention], resolved: Mapping, before: int) -> Place | None:
    """The city or town the article named as a place last before offset ``before``."""
    for mention in sorted((m for m in mentions if m.end <= before), key=lambda m: -m.start):
        place = resolved.get(mention)
        if isinstance(place, Place) and place.type == "city":
            return place
    return None
