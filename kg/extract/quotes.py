"""Quotes that run over several sentences: the party named after the closing quote says each of
them ("X bears responsibility for these crimes. We will respond," the president said), so what
each quoted sentence does (blame, a threat, a judgement) is that party's act.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.codebook import SPEECH_ROOTS, Root, has_root
from kg.extract.frame import SentenceFrame
from kg.extract.mentions import event_mention
from kg.extract.speech import quoted_act
from kg.model import EventMention

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["quote_spans", "Pending", "follow_quote"]

_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'
# (opening quote offset, closing quote offset, frames of the sentences quoted so far)
Pending = tuple[int, int, tuple[SentenceFrame, ...]]
# characters between a closing quotation mark and the next sentence ('!" X said': a space)
_GAP = 3


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the quotation marks of each quote closed on its own line."""
    spans: list[tuple[int, int]] = []
    start = None
    for i, ch in enumerate(text):
        if ch == "\n":
            start = None  # a quote left open at a paragraph's end is taken up again by the next
        elif ch == _OPEN or ch == _STRAIGHT and start is None:
            start = i
        elif (ch == _CLOSE or ch == _STRAIGHT) and start is not None:
            spans.append((start, i))
            start = None
    return spans


def follow_quote(sent: "Span", frame: SentenceFrame, found: list[EventMention],
                 quotes: list[tuple[int, int]], pending: Pending | None) -> tuple[Pending | None, list[EventMention]]:
    """The quote still open after ``sent`` (with ``sent`` added to it when it is quoted), and the
    acts of the sentences it quoted, once the statement after its closing mark names who spoke."""
    if pending is not None:
        close = pending[1]
        said = _speaker_after(close, found)
        if sent.start_char <= close < sent.end_char:  # the quote ends in this sentence
            if said is not None:
                return None, _acts(pending[2], said)
            return (pending[0], close, pending[2] + (frame,)), []  # '... retaliation!" | X said.'
        if close < sent.start_char <= close + _GAP:  # the sentence right after the quote
            return None, _acts(pending[2], said) if said is not None else []
    first = sent.start_char + _lead(sent)  # (a span's text is made anew each time it is asked)
    quote = next((q for q in quotes if q[0] <= first and q[1] >= sent.end_char), None)
    if quote is None:
        return None, []
    frames = pending[2] if pending is not None and pending[:2] == quote else ()
    return (quote[0], quote[1], frames + (frame,)), []


def _lead(sent: "Span") -> int:
    """Offset of the sentence's first character that is not white space (blanked furniture)."""
    text = sent.text
    return len(text) - len(text.lstrip())


def _speaker_after(close: int, found: list[EventMention]) -> EventMention | None:
    """The statement whose speaker is named after a quote's closing mark ("..." X said)."""
    return next((em for em in found if em.trigger_start > close and em.sources and
                 (has_root(em.cameo, Root.STATEMENT) or has_root(em.cameo, *SPEECH_ROOTS))), None)


def _acts(frames: tuple[SentenceFrame, ...], said: EventMention) -> list[EventMention]:
    """The acts of the quoted sentences, by the speaker of the statement after the quote."""
    out = []
    for frame in frames:
        typed = quoted_act(frame, said.sources)
        if typed is None:
            continue
        code, targets, clause = typed
        out.append(event_mention(frame.article_id, code, clause, frame.sent, sources=said.sources,
                                 targets=targets, times=said.times, modality=said.modality, anchor=clause,
                                 headline=frame.headline, confidence=0.55))
    return out
