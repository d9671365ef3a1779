"""Which events are worth keeping: the keep/drop decisions of the merge stage.

Two decisions, both over resolved mentions and events, never over words:
- a plain statement ("X said") that only attributes another party's act to its source
  ("North Korea fired two missiles, South Korea's military said") is the report's source, not
  an event of its own: the reported act is the event, and it is claimed by the speaker;
- an event that names no one who acted stands only with a party it was aimed at and a place of
  its own, or a named party and a date of its own ("a strike hit the market" is background;
  "attacks on civilians last month" names no party at all).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from kg import codebook
from kg.model import Actor, Event

__all__ = ["fold_attributions", "fold_quoted_opinions", "without_speakerless", "worth_keeping"]

# the type confidence extraction gives a verb trigger (0.8) or a verb fused with its noun (0.9);
# a bare noun gets 0.7 (kg.extract.assemble)
_VERBAL_TYPE_CONFIDENCE = 0.8


def _sides(actors: Iterable[Actor]) -> set[str]:
    """The actors and the states or groups they act for."""
    return {x.id for x in actors} | {x.affiliation for x in actors if x.affiliation}


def _concerns(ev: Event, speakers: set[str]) -> bool:
    """Is the speaker a party to the reported event: its author, whom it was aimed at, or the
    state on whose soil it happened (a casualty count given by the victim's side)? A deal or a
    truce is news whoever announces it (a mediator's announcement is an event of its own)."""
    if codebook.is_mutual(ev.cameo) or codebook.reference_family(ev.cameo) == "agree":
        return True
    places = {p.id for p in ev.places} | {p.country for p in ev.places if p.country}
    return bool((_sides(ev.sources) | _sides(ev.targets) | places) & speakers)


def _verbal(ev: Event) -> bool:
    """Told by a verb, alone or with its nominal: extraction gives such a type 0.8 or more."""
    return (ev.confidence_of("type") or 0.0) >= _VERBAL_TYPE_CONFIDENCE


def _reported(statement: Event, sentence: list[Event]) -> list[Event]:
    """The acts the sentence reports with their author named, as this speaker's report (claimed
    by it, or by no one: "X fired missiles, Y said" leaves the act unclaimed); none when one of
    them concerns the speaker."""
    if not any(x.affiliation or x.type != "person" for x in statement.sources):
        return []  # a person the article ties to no side: whose act it is cannot be told
    speakers = _sides(statement.sources)
    # acts told as done by a verb: a bare noun ("a drone that crashed") is too weak a sign of the
    # act reported, and terms ("could lift the measures if ...") are a position of the speaker's
    reported = [e for e in sentence if e is not statement and e.sources and _verbal(e)
                and e.modality == "asserted"
                and not codebook.has_root(e.cameo, codebook.Root.STATEMENT)
                and (not e.claimed_by or _sides(e.claimed_by) & speakers)]
    return [] if any(_concerns(e, speakers) for e in reported) else reported


def fold_attributions(mentions: Iterable[Event], keep: Iterable[str] = ()) -> list[Event]:
    """The mentions without the plain statements (CAMEO 010) that only say who reports another
    party's act in the same sentence; that act is then claimed by the speaker. Only single new
    mentions are judged: an event read back from an export (its id in ``keep``) was kept already."""
    kept = frozenset(keep)
    mentions = list(mentions)
    by_sentence: dict[tuple[str, int], list[Event]] = defaultdict(list)
    for ev in mentions:  # an event merged already stands in each sentence that reports it
        for e in ev.evidence:
            by_sentence[(e.article_id, e.start)].append(ev)
    dropped: set[str] = set()
    claims: dict[str, dict[str, Actor]] = defaultdict(dict)  # act id -> the speakers that report it
    for ev in mentions:
        if ev.cameo != codebook.Code.STATEMENT or len(ev.evidence) != 1 or ev.id in kept:
            continue
        reported = _reported(ev, by_sentence[(ev.evidence[0].article_id, ev.evidence[0].start)])
        if reported:
            dropped.add(ev.id)
            for r in reported:
                if not r.claimed_by:
                    claims[r.id].update((x.id, x) for x in ev.sources)
    return [replace(ev, claimed_by=tuple(x for _, x in sorted(claims[ev.id].items()))) if ev.id in claims else ev
            for ev in mentions if ev.id not in dropped]


_QUOTE_MARKS = "\"\u201c\u201d\u2018\u2019'\u00ab"


def _quoted(ev: Event) -> bool:
    """Told as the speaker's own words in quotation marks, opening its sentence."""
    return ev.evidence[0].sentence.lstrip()[:1] in _QUOTE_MARKS


def fold_quoted_opinions(mentions: Iterable[Event], keep: Iterable[str] = ()) -> list[Event]:
    """The mentions without the plain statements (CAMEO 010) made only of a speaker's quoted words
    when the article already tells an act of that speaker on the same day: the quote is that act's
    colour ("X accused Y of ...", then "'...,' X said"), not a second event."""
    kept = frozenset(keep)
    mentions = list(mentions)
    acts: dict[tuple[str, object], set[str]] = defaultdict(set)  # (article, day) -> who acted
    for ev in mentions:
        if ev.cameo != codebook.Code.STATEMENT:
            for e in ev.evidence:
                acts[(e.article_id, ev.time.start)] |= {x.id for x in ev.sources}
    def colour(ev: Event) -> bool:
        return (ev.cameo == codebook.Code.STATEMENT and len(ev.evidence) == 1 and ev.id not in kept
                and _quoted(ev) and bool(ev.sources)
                and {x.id for x in ev.sources} <= acts[(ev.evidence[0].article_id, ev.time.start)])
    return [ev for ev in mentions if not colour(ev)]


def without_speakerless(mentions: Iterable[Event], keep: Iterable[str] = ()) -> list[Event]:
    """The mentions without plain statements (CAMEO 010) that name no speaker: a statement nobody
    makes is no event, and must not join another party's statement of the same article as a bare
    mention of it ("indictments announced by a department" the resolver could not place)."""
    kept = frozenset(keep)
    return [ev for ev in mentions if ev.sources or ev.cameo != codebook.Code.STATEMENT or ev.id in kept]


def _named(actors: Iterable[Actor]) -> bool:
    """A party with a name ("Rwanda", "the RSF", "Mafa Community"), not a kind of people
    ("civilians", "Several protesters" at the head of a sentence)."""
    return any(x.type != "other" or any(ch.isupper() for ch in x.name[1:]) for x in actors)


def worth_keeping(e: Event) -> bool:
    """An event names who acted; one whose source the reports never name ("a strike hit the
    market") stands only with a party it was aimed at and a place of its own, or a named party
    ("Rwanda", not "civilians") and a date of its own."""
    if e.sources:
        return True
    if not e.targets:
        return False
    return bool(e.places) or (_named(e.targets) and e.time.basis in {"explicit", "relative"})
