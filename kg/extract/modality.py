"""How surely an event happens and how long: modality and duration (tense: kg.temporal.tense).

Negation (and refusal, denial), conditions and modals, plans (future auxiliaries, "is due to",
present progressives), intentions, and whether an act is hypothetical (a threat, then).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.temporal import parse_duration
from kg.temporal.tense import is_future
from kg.words import WordClasses

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["if_clause", "is_hypothetical", "modality_of", "duration_of"]


def if_clause(tok: "Token") -> "Token | None":
    """The "if"/"unless" clause that conditions ``tok``, if any."""
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless", "should"} for m in c.children):
            return c
    return None


def is_hypothetical(tok: "Token", words: WordClasses) -> bool:
    """A modal act under a condition ("would retaliate if ...") or against any future case
    ("would respond with force to any incursion")."""
    modal = any(c.dep_ == "aux" and c.lower_ in words["hypothetical_modal"]
                for c in tok.children)
    if not modal:
        return False
    if if_clause(tok) is not None:
        return True
    return any(d.lower_ == "any" and d.dep_ == "det" for d in tok.subtree)


def modality_of(tok: "Token", has_time: bool, words: WordClasses) -> str:
    """asserted, negated, conditional or planned: read up the control chain from ``tok``."""
    cur = tok
    for step in range(3):
        kids = list(cur.children)
        negated = any(c.dep_ == "neg" for c in kids) or any(c.dep_ == "det" and c.lower_ == "no" for c in kids)
        if negated:
            return "negated"
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in words["negative_control_verb"]:
            return "negated"
        if cur.dep_ in {"ccomp", "xcomp", "pcomp"} and cur.head.lemma_.lower() in words["deny_verb"]:
            return "negated"
        if cur.dep_ in {"xcomp", "advcl"} and cur.head.lemma_.lower() in words["intent_control_verb"]:
            return "conditional"  # hoped to agree a ceasefire: not (yet) a fact
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"}
                                         for m in c.children) for c in kids):
            return "conditional"
        modal = [c.lower_ for c in kids if c.dep_ == "aux" and c.tag_ == "MD"]
        if any(m in words["uncertain_modal"] for m in modal):
            return "conditional"
        if "would" in modal:
            return "planned" if has_time else "conditional"
        if cur.dep_ in {"xcomp", "advcl", "dobj", "pobj", "prep"} and cur.head.i != cur.i:
            cur = cur.head  # a coordinated verb ("did not respond, but kept shelling") has its own
            continue
        break
    if is_future(tok):
        return "planned"
    return "asserted"


def duration_of(tok: "Token") -> str:
    """ "a 30-hour truce", "three-day talks": the duration written as a modifier of the nominal."""
    for c in tok.children:
        if c.dep_ in {"nmod", "amod", "compound", "nummod"}:
            words = [t.text for t in c.subtree]
            text = "".join(w if w == "-" else (" " + w) for w in words).strip().replace(" -", "-")
            # an event lasts hours to months; "three-year-old war" is an age, not a duration
            if any(u in text.lower() for u in ("hour", "day", "week", "month")) and parse_duration(text):
                return text
    return ""
