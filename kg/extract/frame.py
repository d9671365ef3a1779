"""The records extraction passes hand on: one frame per sentence, one draft per event.

A pass is a function from frame to frame (``find_candidates``, ``fuse_*``, ``attach_times``,
``find_claims``); the frame is never changed in place. Then each live candidate becomes a draft
that the assembly steps (roles, claims, places, time, modality) complete into event mentions.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.extract.arguments import MentionIndex
from kg.lexicon import Trigger
from kg.model import EntityMention, TimeMention
from kg.resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Candidate", "SentenceFrame", "Draft"]


@dataclass(frozen=True)
class Candidate:
    """A trigger token with the code it stands for so far and the tokens fused into it."""

    token: "Token"
    trigger: Trigger
    cameo: str
    absorbed: frozenset[int] = frozenset()  # token indices of fused nominals and verbs

    @property
    def nominal(self) -> bool:
        """A nominal event, or a gerund used as one ("stop all firing", "began shelling")."""
        return self.trigger.pos == "NOUN" or self.token.tag_ == "VBG"

    @property
    def verbal(self) -> bool:
        return self.trigger.pos == "VERB" or self.token.pos_ in {"VERB", "AUX"}


@dataclass(frozen=True)
class SentenceFrame:
    """One sentence and what the passes have found in it so far."""

    sent: "Span"
    article_id: str
    res: Resources
    index: MentionIndex  # the article's entity mentions up to and including this sentence
    times: tuple[TimeMention, ...]  # the sentence's time expressions (document offsets)
    headline: bool = False
    candidates: Mapping[int, Candidate] = field(default_factory=dict)  # token index -> candidate
    absorbed: frozenset[int] = frozenset()  # candidates fused into another one
    time_at: Mapping[int, tuple[TimeMention, ...]] = field(default_factory=dict)  # token -> its times
    anchors: Mapping[int, "Token"] = field(default_factory=dict)  # nominal -> the verb that places it
    claims: Mapping[int, "Token"] = field(default_factory=dict)  # claimed candidate -> accusing verb
    fallback: tuple[TimeMention, ...] = ()  # the sentence's one loose time, for events with none

    def live(self) -> list[tuple[int, Candidate]]:
        """Candidates not fused into another one, in sentence order."""
        return [(i, c) for i, c in sorted(self.candidates.items()) if i not in self.absorbed]


@dataclass(frozen=True)
class Draft:
    """An event being assembled from one candidate: roles, claims, places, time, modality."""

    cand: Candidate
    anchor: "Token"  # the trigger, or the verb that says when and how surely a nominal happens
    sources: tuple[EntityMention, ...] = ()
    targets: tuple[EntityMention, ...] = ()
    claimed_by: tuple[EntityMention, ...] = ()
    places: tuple[EntityMention, ...] = ()
    times: tuple[TimeMention, ...] = ()
    modality: str = "asserted"
    extra: tuple = ()  # events inferred beside this one (accusations, threats): EventMentions
