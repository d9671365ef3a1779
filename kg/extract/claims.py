"""Who says so: accusations claim the events they are about ("X accused Y of launching attacks":
the attacks are Y's, claimed by X), and reported speech claims the reported event ("X said Y
had attacked"); saying that another party attacked or broke a truce is itself an accusation."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.codebook import Code, is_violent
from kg.extract.frame import Draft, SentenceFrame
from kg.extract.mentions import accusation_from
from kg.extract.roles import accusation, participants_of
from kg.extract.syntax import subject_of, under
from kg.words import WordClasses

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["find_claims", "accused_claims", "reported_claims", "reporter_of"]

_ACCUSED_PATH = {"pcomp", "pobj", "prep", "dobj", "conj"}
_REPORTED_PATH = {"conj", "xcomp", "aux", "dobj", "pobj", "prep", "nsubj", "nsubjpass"}


def find_claims(frame: SentenceFrame) -> SentenceFrame:
    """Each candidate under an accusing verb is claimed by that verb's subject."""
    claims: dict[int, "Token"] = {}
    for cand in frame.candidates.values():
        if cand.trigger.frame == "accuse":
            for i2, c2 in frame.candidates.items():
                if c2 is not cand and under(c2.token, cand.token, _ACCUSED_PATH):
                    claims[i2] = cand.token
    return replace(frame, claims=claims)


def accused_claims(draft: Draft, frame: SentenceFrame) -> Draft:
    """A verb under an accusation ("accused Y of launching attacks") is the accused's, claimed by
    the accuser; if the verb names its own subject, only the claim is added."""
    tok = draft.cand.token
    if tok.i not in frame.claims:
        return draft
    accused, accuser = accusation(frame.claims[tok.i], frame.index, frame.res.words)
    if draft.sources:
        return replace(draft, claimed_by=tuple(accuser))
    return replace(draft, sources=tuple(accused), claimed_by=tuple(accuser),
                   targets=draft.targets or tuple(accuser))


def reporter_of(tok: "Token", words: WordClasses) -> "Token | None":
    """The reporting verb whose clause holds ``tok`` ("... said [Y had attacked]"), if any."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in {"ccomp", "parataxis"} and cur.head.lemma_.lower() in words["report_verb"]:
            return cur.head
        if cur.dep_ not in _REPORTED_PATH:
            return None
        cur = cur.head
    return None


def reported_claims(draft: Draft, frame: SentenceFrame) -> Draft:
    """ "X's ministry said Armenian forces had fired on its positions": claimed by X, and an attack
    that names no victim is reported by its victim's side."""
    if draft.claimed_by:
        return draft
    words = frame.res.words
    reporter = reporter_of(draft.cand.token, words)
    if reporter is None:
        return draft
    sources, targets = draft.sources, draft.targets
    claimed_by = tuple(m for m in participants_of(subject_of(reporter)[0], frame.index, words)
                       if m not in sources)
    if is_violent(draft.cand.cameo) and sources and not targets:
        targets = claimed_by
    extra = draft.extra
    if draft.cand.cameo.startswith(Code.VIOLATE_CEASEFIRE) and sources and claimed_by:
        # "X said Y had violated the ceasefire": saying so is accusing Y
        extra += (accusation_from(reporter, claimed_by, sources, frame),)
    return replace(draft, targets=targets, claimed_by=claimed_by, extra=extra)
