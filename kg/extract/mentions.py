"""Make an event mention from a trigger token and what the assembly steps found for it."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.codebook import Code
from kg.extract.frame import SentenceFrame
from kg.extract.modality import modality_of
from kg.extract.timing import governing_time
from kg.model import EntityMention, EventMention, TimeMention
from kg.temporal.tense import tense_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["event_mention", "accusation_from"]


def event_mention(article_id: str, cameo: str, tok: "Token", sent: "Span", *,
                  sources: Sequence[EntityMention] = (), targets: Sequence[EntityMention] = (),
                  places: Sequence[EntityMention] = (), times: Sequence[TimeMention] = (),
                  modality: str = "asserted", anchor: "Token | None" = None, duration: str = "",
                  headline: bool = False, confidence: float = 0.6,
                  claimed_by: Sequence[EntityMention] = (), type_confidence: float = 0.6) -> EventMention:
    """An event mention; ``type_confidence`` defaults to what an inferred event (a threat read from
    hypothetical force, an accusation read from a report) deserves."""
    # the sentence as evidence: its words only, never the blanked page furniture around it
    raw = sent.text
    s0 = sent.start_char + len(raw) - len(raw.lstrip())
    s1 = sent.end_char - (len(raw) - len(raw.rstrip()))
    return EventMention(
        article_id=article_id, cameo=cameo, trigger=tok.text, trigger_start=tok.idx,
        trigger_end=tok.idx + len(tok.text), sentence=raw.strip(), sentence_start=s0,
        sentence_end=s1, sources=tuple(sources), targets=tuple(targets),
        places=tuple(places), times=tuple(times),
        tense=tense_of(anchor if anchor is not None else tok, modality),  # type: ignore[arg-type]
        modality=modality, claimed_by=tuple(claimed_by),  # type: ignore[arg-type]
        confidence=round(min(confidence, 0.95), 2), duration=duration, headline=headline,
        type_confidence=type_confidence)


def accusation_from(verb: "Token", accusers: Sequence[EntityMention], accused: Sequence[EntityMention],
                    frame: SentenceFrame) -> EventMention:
    """The accusation (112) that reporting another party's violence amounts to."""
    times = governing_time(verb, frame.time_at) or frame.fallback
    return event_mention(frame.article_id, Code.ACCUSE, verb, frame.sent, sources=accusers,
                         targets=accused, times=times,
                         modality=modality_of(verb, bool(frame.time_at.get(verb.i)), frame.res.words),
                         anchor=verb, headline=frame.headline, confidence=0.6)
