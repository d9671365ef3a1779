"""Walks over the dependency tree that the rules share: objects, subjects, agents, conjuncts,
prepositional objects, and paths between two tokens."""
from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from kg.words import WordClasses

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["objects_of", "conjuncts_of", "subject_of", "agent_of", "prep_objects", "hops", "under",
           "between", "event_children"]

_OBJECT_PREPS = {"of", "to", "for", "on", "from", "in", "into", "out", "with"}


def objects_of(tok: "Token", words: WordClasses) -> list["Token"]:
    """The nominal complements of a verb: direct object, "of"/"to"/"for"/"on" objects, xcomp nouns."""
    out = []
    for c in tok.children:
        if c.dep_ in {"dobj", "attr", "nsubjpass"} or (c.dep_ == "xcomp" and c.tag_ == "VBG"):
            out.append(c)  # a gerund complement too: "stop all firing", "began shelling"
        elif c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS:
            out.extend(p for p in c.children if p.dep_ == "pobj")
            # "pulled out of the deal", "withdrew from under the agreement": a compound preposition
            out.extend(p for q in c.children if q.dep_ == "prep" and q.lower_ in {"of", "from"}
                       for p in q.children if p.dep_ == "pobj")
    # "hundreds of drone attacks": the quantity's complement carries the event
    more: list["Token"] = []
    for o in out:
        if o.lemma_.lower() in words["quantity_noun"]:
            for c in o.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    more.extend(p for p in c.children if p.dep_ == "pobj")
    return out + more


def conjuncts_of(tok: "Token") -> list["Token"]:
    """``tok`` and the tokens coordinated with it, in sentence order."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


# Verbs whose object does not do what they promise: "promised Kyiv to send more air defence".
_SUBJECT_CONTROL = frozenset({"promise", "pledge", "vow", "offer", "threaten"})


def subject_of(tok: "Token") -> tuple[list["Token"], bool]:
    """Subject tokens of a verb, climbing control and coordination; (tokens, passive)."""
    cur = tok
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in {"nsubj", "csubj"}]
        if subj and cur.dep_ == "relcl" and subj[0].tag_ in {"WP", "WDT"}:
            return [cur.head], False  # "Trump, who visited the base": Trump visited
        if subj:
            return subj, False
        pas = [c for c in cur.children if c.dep_ == "nsubjpass"]
        if pas:
            return pas, cur.i == tok.i  # "X is expected to meet": X meets
        if cur.dep_ in {"xcomp", "conj", "advcl", "pcomp", "acl"} and cur.head.i != cur.i:
            controller = [c for c in cur.head.children if c.dep_ == "dobj"] if cur.dep_ == "xcomp" else []
            if controller and cur.head.lemma_.lower() not in _SUBJECT_CONTROL:
                return controller, False  # "told the army to withdraw": the army withdraws
            if cur.dep_ == "pcomp":
                prep = cur.head
                if prep.lower_ in {"of", "for"}:  # "accused X of launching": the accused acts
                    return [], False
                quoted = [c for c in prep.head.children if c.dep_ == "dobj"] if prep.lower_ == "as" else []
                if quoted and cur.tag_ == "VBG":
                    return quoted, False  # "quoted the ministry as saying": the ministry says
                cur = prep.head
                continue
            if cur.dep_ == "acl":
                return _reduced_relative_subject(cur, tok)
            cur = cur.head
            continue
        if cur.dep_ == "relcl":  # "talks which X joined" / "the envoy who met ..."
            return [cur.head], False
        break
    return [], False


def _reduced_relative_subject(cur: "Token", tok: "Token") -> tuple[list["Token"], bool]:
    has_agent = any(c.dep_ == "agent" for c in cur.children)
    if cur.tag_ == "VBN" and has_agent:
        return [cur.head], cur.i == tok.i  # "a deal brokered by the UAE": a passive
    # "Israeli forces arrested 25 people, the society said": the small model reads the main verb
    # as a reduced relative; with an object of its own and no "by", the noun it hangs on is its subject
    if cur.head.dep_ in {"nsubj", "nsubjpass", "ROOT"} and cur.tag_ in {"VBD", "VBN"} and \
            any(c.dep_ == "dobj" for c in cur.children) and not has_agent:
        return [cur.head], False
    return [], False


def agent_of(tok: "Token") -> list["Token"]:
    """The "by" object of a passive verb."""
    for c in tok.children:
        if c.dep_ == "agent":
            return [p for p in c.children if p.dep_ == "pobj"]
    return []


def prep_objects(tok: "Token", preps: Collection[str]) -> list["Token"]:
    """Objects of ``tok``'s prepositions (and datives) among ``preps``."""
    out: list["Token"] = []
    for c in tok.children:
        if c.dep_ in {"prep", "dative"} and c.lower_ in preps:
            out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def hops(tok: "Token", head: "Token") -> int:
    """How many steps up from ``tok`` to ``head`` (99 when ``head`` is not above it)."""
    cur, n = tok, 0
    while cur.i != head.i and cur.head.i != cur.i and n < 9:
        cur, n = cur.head, n + 1
    return n if cur.i == head.i else 99


def under(tok: "Token", head: "Token", via: Collection[str], steps: int = 5) -> bool:
    """Is ``head`` above ``tok`` within ``steps``, through dependencies in ``via`` only?"""
    cur = tok
    for _ in range(steps):
        if cur.head.i == cur.i or cur.dep_ not in via:
            return False
        cur = cur.head
        if cur.i == head.i:
            return True
    return False


def between(tok: "Token", head: "Token", cands: Mapping[int, object], absorbed: Collection[int]) -> bool:
    """Is there another live trigger on the path from ``tok`` up to ``head``? It claims ``tok`` first
    ("demanded progress, warning that it could withdraw support": the warning is about the withdrawal)."""
    cur = tok.head
    while cur.i != head.i and cur.head.i != cur.i:
        if cur.i in cands and cur.i not in absorbed:
            return True
        cur = cur.head
    return False


def event_children(noun: "Token") -> list["Token"]:
    """The children of a nominal event, with the relative clauses the parser hung on its "between"
    parties ("the conflict between X and Y that began in April": the conflict began, not Y)."""
    out = list(noun.children)
    for party in (p for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
                  for p in c.children if p.dep_ == "pobj"):
        out += [c for c in party.children if c.dep_ == "relcl"]
        out += [c for q in party.children if q.dep_ == "conj" for c in q.children if c.dep_ == "relcl"]
    return out
