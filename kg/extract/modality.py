"""How surely and when an event happens: modality, duration, implied threats (tense: kg.temporal.tense).

Negation (and refusal), conditions and modals, plans (future auxiliaries, "is due to",
present progressives), intentions, and the threat a hypothetical use of force amounts to.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.temporal import parse_duration
from kg.temporal.tense import is_future, present_be, tense_of

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["is_future", "threat_code", "if_clause", "is_hypothetical", "present_be", "modality_of",
           "tense_of", "duration_of"]

NEG_CONTROL = {"refuse", "decline", "fail", "reject"}
# "X denied that its forces had struck ...", "denied carrying out the strike": the speaker says
# the event did not happen; the denial is an event of its own (016), the denied one is negated
DENY_VERBS = {"deny", "refute", "dismiss"}


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
