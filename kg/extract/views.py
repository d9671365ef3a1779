"""Views shared by several parties: "France and Germany agreed the shelling was a war crime"
makes the agreeing parties' common judgement, not an agreement to act."""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.frame import Draft, SentenceFrame
from kg.extract.speech import evaluation_of
from kg.extract.syntax import conjuncts_of, subject_of
from kg.model import evolve
from kg.words import WordClasses

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["shared_view"]


def shared_view(draft: Draft, frame: SentenceFrame) -> Draft:
    """ "agreed the raids did nothing for the talks", "agreed that the strikes were a grave
    mistake": agreeing on a condemnation is making it, a criticism (111) by all who
    agree; "agreed that the troops would withdraw" stays an agreement."""
    tok, words = draft.cand.token, frame.res.words
    if tok.lemma_.lower() not in words["concur_verb"] or not draft.sources or \
            any(c.dep_ in {"xcomp", "dobj", "neg"} for c in tok.children):
        return draft
    clauses = [_past_aside(c, words) for c in tok.children if c.dep_ == "ccomp"]
    typed = evaluation_of([c for clause in clauses for c in conjuncts_of(clause)], draft.sources, frame)
    if typed is None:
        return draft
    code, judged, _ = typed
    # "France and Germany agreed": the frame may have made the second a counterpart
    subjects = [t for s in subject_of(tok)[0] for t in s.subtree]
    agreeing = draft.sources + tuple(m for m in draft.targets if m not in judged and m not in draft.sources and
                                     any(t.idx <= m.start < t.idx + len(t) for t in subjects))
    return evolve(draft, cand=evolve(draft.cand, cameo=code), sources=agreeing,
                   targets=tuple(m for m in judged if m not in agreeing))


def _past_aside(clause: "Token", words: WordClasses) -> "Token":
    """ "agreed [the raids were unlawful], an agency reports": the parser may hang the clause
    on the aside that attributes the whole report; the clause is what was agreed."""
    if clause.lemma_.lower() in words["report_verb"]:
        inner = [c for c in clause.children if c.dep_ == "ccomp" and c.i < clause.i]
        if inner:
            return inner[0]
    return clause
