"""How surely and when an event happens: modality, tense and duration.

Negation (and refusal, denial), conditions and modals, plans (future auxiliaries, "is due to",
present progressives), intentions, and whether an act is hypothetical (a threat, then).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.resolve.temporal import parse_duration
from kg.words import WordClasses

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["is_future", "if_clause", "is_hypothetical", "present_be", "modality_of", "tense_of",
           "duration_of"]


def is_future(tok: "Token", words: WordClasses) -> bool:
    """Is the act planned: a future auxiliary, a present progressive, a control verb of plans
    ("is due to", "agreed to"), or a planned nominal ("the upcoming talks")?"""
    future_aux, control = words["future_aux"], words["future_control_word"]
    cur = tok
    for _ in range(4):
        for c in cur.children:
            if c.dep_ in {"aux", "auxpass"} and c.lower_ in future_aux:
                return True
        if cur.tag_ == "VBG" and present_be(cur, words):
            return True  # "is sending a delegation on Wednesday": a planned act
        if cur.dep_ in {"xcomp", "acl"} and (cur.head.lemma_.lower() in control or
                                              cur.head.lower_ in control):
            return True
        if cur.pos_ in {"NOUN", "PROPN"}:
            if any(c.dep_ == "amod" and c.lower_ in words["planned_adj"] - {"new", "possible", "potential"}
                   for c in cur.children):
                return True
            if any(c.dep_ == "acl" and c.lemma_.lower() in control | {"begin", "start", "open"}
                   for c in cur.children) and any(c.dep_ in {"acl"} and c.tag_ in {"VBN", "VB"}
                                                  for c in cur.children):
                return True
            if any(c.dep_ == "prep" and c.lower_ in {"for"} for c in cur.children) and \
                    any(c.dep_ == "amod" and c.lower_ == "scheduled" for c in cur.children):
                return True
        if cur.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj", "xcomp", "ccomp", "conj", "prep", "pcomp"} \
                and cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ == "VERB" and cur.dep_ not in {"xcomp", "conj"}:
                return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in future_aux for c in cur.children) \
                    or (cur.tag_ == "VBG" and present_be(cur, words)) \
                    or (cur.dep_ in {"xcomp", "acl"} and cur.head.lemma_.lower() in control)
            continue
        break
    return False


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


def present_be(tok: "Token", words: WordClasses) -> bool:
    """ "is sending", "are holding": a present form of "be" as auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ in words["present_be"] for c in tok.children)


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
    if is_future(tok, words):
        return "planned"
    return "asserted"


def tense_of(tok: "Token", modality: str) -> str:
    if modality == "planned":
        return "future"
    if tok.tag_ in {"VBZ", "VBP"} and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        return "present"
    return "past"


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
