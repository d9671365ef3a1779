"""How surely and when an event happens: modality, tense, duration, and implied threats.

Negation (and refusal), conditions and modals, plans (future auxiliaries, "is due to",
present progressives), intentions, and the threat a hypothetical use of force amounts to.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.resolve.temporal import parse_duration

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["is_future", "threat_code", "if_clause", "is_hypothetical", "present_be", "modality_of",
           "tense_of", "duration_of"]

FUTURE_CONTROL = {"due", "set", "scheduled", "expected", "plan", "intend", "prepare", "going",
                   "aim", "hope", "seek", "want", "schedule", "slate", "agree", "decide", "pledge",
                   "promise", "vow"}


NEG_CONTROL = {"refuse", "decline", "fail", "reject"}
# "X denied that its forces had struck ...", "denied carrying out the strike": the speaker says
# the event did not happen; the denial is an event of its own (016), the denied one is negated
DENY_VERBS = {"deny", "refute", "dismiss"}


FUTURE_AUX = {"will", "shall", "'ll", "wo"}


PLANNED_ADJ = {"upcoming", "planned", "proposed", "scheduled", "forthcoming", "next", "expected",
                "future", "possible", "potential", "new"}


def is_future(tok: "Token") -> bool:
    cur = tok
    for _ in range(4):
        for c in cur.children:
            if c.dep_ in {"aux", "auxpass"} and c.lower_ in FUTURE_AUX:
                return True
        if cur.tag_ == "VBG" and present_be(cur):
            return True  # "is sending a delegation on Wednesday": a planned act
        if cur.dep_ in {"xcomp", "acl"} and (cur.head.lemma_.lower() in FUTURE_CONTROL or
                                              cur.head.lower_ in FUTURE_CONTROL):
            return True
        if cur.pos_ in {"NOUN", "PROPN"}:
            if any(c.dep_ == "amod" and c.lower_ in PLANNED_ADJ - {"new", "possible", "potential"}
                   for c in cur.children):
                return True
            if any(c.dep_ == "acl" and c.lemma_.lower() in FUTURE_CONTROL | {"begin", "start", "open"}
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
                return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in FUTURE_AUX for c in cur.children) \
                    or (cur.tag_ == "VBG" and present_be(cur)) \
                    or (cur.dep_ in {"xcomp", "acl"} and cur.head.lemma_.lower() in FUTURE_CONTROL)
            continue
        break
    return False


def threat_code(code: str) -> str | None:
    """The CAMEO threat that a hypothetical act of this code amounts to."""
    if code[:2] in {"15", "18", "19", "20"}:
        return "138"  # threaten with military force
    if code.startswith("164"):
        return "134"  # threaten to halt negotiations
    if code.startswith("163"):
        return "1312"  # threaten with sanctions
    if code.startswith(("162", "161")):
        return "1311" if code.startswith("162") else "1313"
    if code[:2] in {"16", "17"}:
        return "130"
    return None


def if_clause(tok: "Token") -> "Token | None":
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless", "should"} for m in c.children):
            return c
    return None


def is_hypothetical(tok: "Token") -> bool:
    """A modal act under a condition ("would retaliate if ...") or against any future case
    ("would respond with force to any incursion")."""
    modal = any(c.dep_ == "aux" and c.lower_ in {"would", "could", "may", "might", "will", "'d", "'ll"}
                for c in tok.children)
    if not modal:
        return False
    if if_clause(tok) is not None:
        return True
    return any(d.lower_ == "any" and d.dep_ == "det" for d in tok.subtree)


def present_be(tok: "Token") -> bool:
    return any(c.dep_ == "aux" and c.lower_ in {"is", "are", "am", "'s", "'re"} for c in tok.children)


INTENT_CONTROL = {"hope", "seek", "want", "aim", "try", "wish", "strive", "push", "attempt", "propose"}


def modality_of(tok: "Token", has_time: bool) -> str:
    cur = tok
    for step in range(3):
        kids = list(cur.children)
        negated = any(c.dep_ == "neg" for c in kids) or any(c.dep_ == "det" and c.lower_ == "no" for c in kids)
        if negated:
            return "negated"
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in NEG_CONTROL:
            return "negated"
        if cur.dep_ in {"ccomp", "xcomp", "pcomp"} and cur.head.lemma_.lower() in DENY_VERBS:
            return "negated"
        if cur.dep_ in {"xcomp", "advcl"} and cur.head.lemma_.lower() in INTENT_CONTROL:
            return "conditional"  # hoped to agree a ceasefire: not (yet) a fact
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"}
                                         for m in c.children) for c in kids):
            return "conditional"
        modal = [c.lower_ for c in kids if c.dep_ == "aux" and c.tag_ == "MD"]
        if any(m in {"could", "might", "may", "can", "should"} for m in modal):
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
