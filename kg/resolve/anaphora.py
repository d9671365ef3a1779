"""Anaphora, in one place: what points back at something the article named before.

- a definite event noun ("the talks", "the agreement") takes the participants, and where it names
  none the time, of the event the article told of before (:func:`link_definite`);
- pronouns, "the group" and "both sides" become the latest earlier actors of their kind
  (:func:`with_pronouns`);
- a headline names who did what; a body mention of the same kind naming no actor borrows them
  (:func:`lend_headline_actors`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from kg import codebook
from kg.model import Actor, EntityMention, Event, EventMention
from kg.resolve.labels import event_label

__all__ = ["REFERRING", "link_definite", "with_pronouns", "lend_headline_actors"]

REFERRING = frozenset({"PRON", "GROUP", "PAIR"})  # mention labels that point back at actors named before
_ORGANISED = frozenset({"armed_group", "organization", "international_organization", "government"})
_POINTED_BACK = 0.8  # a definite noun's confidence, relative to a mention naming its participants
_LENT_CONFIDENCE = 0.5  # actors a headline lends to a body mention that names none


def link_definite(mentions: Iterable[EventMention]) -> tuple[EventMention, ...]:
    """Mentions in reading order, each definite event noun naming no actor pointed back.

    "The agreement was reached on Sunday": a definite noun names an event the article told of
    before, of the same family (:func:`kg.codebook.reference_family`: agreements, truces and intents are one).
    """
    out: list[EventMention] = []
    for em in mentions:
        out.append(_point_back(em, out) if em.definite and not (em.sources or em.headline) else em)
    return tuple(out)


def _point_back(em: EventMention, before: list[EventMention]) -> EventMention:
    family = codebook.reference_family(em.cameo)
    prior = [p for p in before if p.sources and not p.headline]
    # the same kind of event first ("the talks" -> earlier talks), told with the same modality
    # and at the same place ("the upcoming talks in London"), then its family
    places = {m.text for m in em.places}

    def fit(p: EventMention) -> tuple[bool, bool, bool]:
        return (codebook.root_of(p.cameo) != codebook.root_of(em.cameo), p.modality != em.modality,
                bool(places) and not places & {m.text for m in p.places})

    for prev in sorted(reversed(prior), key=fit):
        if codebook.reference_family(prev.cameo) == family:
            # the event told before, so its time too where this mention names none ("the raid killed")
            return replace(em, sources=prev.sources, targets=em.targets or prev.targets,
                           times=em.times or prev.times, tense=em.tense if em.times else prev.tense,
                           confidence=round(em.confidence * _POINTED_BACK, 2))
    return em


def with_pronouns(mentions: tuple[EntityMention, ...], resolved: dict,
                  personal: frozenset[str],
                  unnamed: Callable[[EntityMention], Actor] | None = None) -> dict:
    """Point pronouns, "the group" and "both sides" at the latest earlier actors of their kind.

    ``resolved`` maps the named mentions to their records; ``personal`` are the pronouns that
    stand for a person ("he", "her"); ``unnamed`` makes the actor of a group noun that points at
    no group named before. Returns a new mapping that adds the pointing mentions.
    """
    people: list[Actor] = []
    groups: list[Actor] = []
    out = dict(resolved)
    for m in sorted(mentions, key=lambda m: m.start):
        if m.label in REFERRING or (m.label == "ROLE" and resolved.get(m) is None):
            ref = _referent(m, people, groups, personal)
            if ref is None and m.label == "GROUP" and unnamed is not None:
                ref = unnamed(m)  # "the rebels", "the junta" with no group named before: as written
            if ref is not None:
                out[m] = ref
            continue
        r = resolved.get(m)
        if isinstance(r, Actor) and m.role in {"actor", "unknown"}:
            (people if r.type == "person" else groups).append(r)
    return out


def _referent(m: EntityMention, people: list[Actor], groups: list[Actor],
              personal: frozenset[str]) -> Actor | tuple[Actor, Actor] | None:
    if m.label == "PAIR":
        pair = list(dict.fromkeys(a.id for a in reversed(groups)))[:2]
        if len(pair) == 2:
            by_id = {a.id: a for a in groups}
            return (by_id[pair[1]], by_id[pair[0]])
        return None
    if m.label == "GROUP":
        return next((a for a in reversed(groups) if a.type in _ORGANISED), None)
    if m.text in personal:
        return people[-1] if people else None
    if m.label == "PRON":
        return groups[-1] if groups else None
    return None


def lend_headline_actors(events: list[Event], headlines: list[Event]) -> list[Event]:
    """A headline names who did what; a body mention of the same kind with no actor borrows them."""
    out = []
    for ev in events:
        if not ev.sources:
            for h in headlines:
                if codebook.root_of(h.cameo) == codebook.root_of(ev.cameo) and h.sources:
                    ev = replace(ev.with_confidence(sources=_LENT_CONFIDENCE), sources=h.sources,
                                 label=event_label(ev.cameo, h.sources, ev.targets, ev.places, ev.modality))
                    break
        out.append(ev)
    return out
