"""Who took part in an event and where: participants and places from the dependency parse.

Subjects (through control, coordination and reduced relatives), passive agents, objects and
prepositional partners, the bodies, forces and members that stand for a state or group, and
places down prepositional chains.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.arguments import (FORCE_NOUNS, INSTITUTION_NOUNS, LOC_PREPS, MEMBER_NOUNS, ROLE_NOUNS,
                                  MentionIndex)
from kg.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["objects_of", "conjuncts_of", "mention_for", "participants_of", "subject_of", "agent_of",
           "prep_objects", "find_places", "ROLE_PREPS_TARGET", "PERSON_GROUP"]

PERSON_GROUP = {"representatives", "officials", "delegates", "envoys", "leaders", "ministers",
                 "negotiators", "delegation", "delegations", "diplomats", "counterparts", "teams",
                 "partners", "allies", "commanders", "mediators", "guarantors"}


HEAD_NOUNS = INSTITUTION_NOUNS | FORCE_NOUNS | ROLE_NOUNS | PERSON_GROUP | MEMBER_NOUNS


ROLE_PREPS_TARGET = {"with", "against", "to", "on", "at", "toward", "towards", "between", "for", "into"}


def objects_of(tok: "Token") -> list["Token"]:
    """The nominal complements of a verb: direct object, "of"/"to"/"for"/"on" objects, xcomp nouns."""
    out = []
    for c in tok.children:
        if c.dep_ in {"dobj", "attr", "nsubjpass"} or (c.dep_ == "xcomp" and c.tag_ == "VBG"):
            out.append(c)  # a gerund complement too: "stop all firing", "began shelling"
        elif c.dep_ == "prep" and c.lower_ in {"of", "to", "for", "on", "from", "in", "into", "out", "with"}:
            out.extend(p for p in c.children if p.dep_ == "pobj")
    # "hundreds of drone attacks": the quantity's complement carries the event
    more: list["Token"] = []
    for o in out:
        if o.lemma_.lower() in {"hundred", "hundreds", "dozens", "dozen", "thousands", "series",
                                "wave", "number", "round", "barrage", "spate", "string"}:
            for c in o.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    more.extend(p for p in c.children if p.dep_ == "pobj")
    return out + more


def conjuncts_of(tok: "Token") -> list["Token"]:
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def mention_for(tok: "Token", index: MentionIndex) -> list[EntityMention]:
    """The entity mention(s) a participant token stands for."""
    m = index.by_token.get(tok.i)
    if m is not None:
        return [m]
    low, lemma = tok.lower_, tok.lemma_.lower()
    out: list[EntityMention] = []
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return out
    # "Pakistan's foreign office", "Sudanese and Ethiopian troops", "representatives from the US"
    head_noun = low in HEAD_NOUNS or lemma in HEAD_NOUNS
    for c in tok.children:
        if c.dep_ in {"poss", "compound", "amod", "nmod"} and (head_noun or c.i in index.by_token):
            for q in conjuncts_of(c):
                out.extend(mention_for(q, index))
        elif c.dep_ == "prep" and c.lower_ in {"from", "of"} and (low in PERSON_GROUP | MEMBER_NOUNS or head_noun):
            for p in c.children:
                if p.dep_ == "pobj":
                    for q in conjuncts_of(p):
                        out.extend(mention_for(q, index))
        elif c.dep_ == "appos":
            out.extend(mention_for(c, index))
    return out


def participants_of(toks: list["Token"], index: MentionIndex) -> list[EntityMention]:
    out: list[EntityMention] = []
    for t in toks:
        for c in conjuncts_of(t):
            for m in mention_for(c, index):
                if m not in out:
                    out.append(m)
    return [m for m in out if m.role != "place" or m.label in {"GPE", "NORP", "ORG", "PERSON"}]


def subject_of(tok: "Token") -> tuple[list["Token"], bool]:
    """Subject tokens of a verb, climbing control and coordination; (tokens, passive)."""
    cur = tok
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in {"nsubj", "csubj"}]
        if subj:
            return subj, False
        pas = [c for c in cur.children if c.dep_ == "nsubjpass"]
        if pas:
            return pas, cur.i == tok.i  # "X is expected to meet": X meets
        if cur.dep_ in {"xcomp", "conj", "advcl", "pcomp", "acl"} and cur.head.i != cur.i:
            if cur.dep_ == "pcomp":
                prep = cur.head
                if prep.lower_ in {"of", "for"}:  # "accused X of launching": the accused acts
                    return [], False
                cur = prep.head
                continue
            if cur.dep_ == "acl" and cur.tag_ == "VBN" and any(c.dep_ == "agent" for c in cur.children):
                return [cur.head], cur.i == tok.i  # "a deal brokered by the UAE": a passive
            if cur.dep_ == "acl":
                # "Israeli forces arrested 25 people, the society said": the small model reads the
                # main verb as a reduced relative; with an object of its own and no "by", the
                # noun it hangs on is its subject
                if cur.head.dep_ in {"nsubj", "nsubjpass", "ROOT"} and cur.tag_ in {"VBD", "VBN"} and \
                        any(c.dep_ == "dobj" for c in cur.children) and not any(c.dep_ == "agent" for c in cur.children):
                    return [cur.head], False
                return [], False
            cur = cur.head
            continue
        if cur.dep_ == "relcl":  # "talks which X joined" / "the envoy who met ..."
            return [cur.head], False
        break
    return [], False


def agent_of(tok: "Token") -> list["Token"]:
    for c in tok.children:
        if c.dep_ == "agent":
            return [p for p in c.children if p.dep_ == "pobj"]
    return []


def prep_objects(tok: "Token", preps: set[str]) -> list["Token"]:
    out: list["Token"] = []
    for c in tok.children:
        if c.dep_ in {"prep", "dative"} and c.lower_ in preps:
            out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def find_places(heads: list["Token"], index: MentionIndex, cameo: str) -> list[EntityMention]:
    """Places linked to the event by locative prepositions, down prepositional chains
    ("a strike on a house in Rafah", "near the town of Saravena")."""
    out: list[EntityMention] = []
    preps = LOC_PREPS | ({"to"} if cameo.startswith("04") else set())
    todo = [(h, 0) for h in heads]
    todo += [(c, 0) for h in heads for c in h.children if c.dep_ in {"dobj", "nsubjpass"}
             and c.lower_ not in PERSON_GROUP]
    seen: set[int] = set()
    while todo:
        h, depth = todo.pop(0)
        if h.i in seen or depth > 2:
            continue
        seen.add(h.i)
        for c in h.children:
            if c.dep_ not in {"prep", "dative"}:
                continue
            if c.lower_ not in preps and not (depth and c.lower_ == "of"):
                # "summoned the ambassador to the ministry in Manila": look inside, take nothing here
                todo += [(p, depth + 1) for p in c.children if p.dep_ == "pobj"]
                continue
            # "from near Sondok": a preposition may govern another before its object
            objs = [p for p in c.children if p.dep_ == "pobj"] + \
                [g for p in c.children if p.dep_ in {"prep", "pcomp"} for g in p.children if g.dep_ == "pobj"]
            for pobj in objs:
                for q in conjuncts_of(pobj):
                    for t in [q] + [k for k in q.children if k.dep_ in {"compound", "poss"}]:
                        m = index.by_token.get(t.i)
                        # the syntax outranks a wrong NER label ("marched through Yerevan" as PERSON)
                        if m is not None and m.role != "actor" and m not in out and \
                                (m.label in {"GPE", "LOC", "FAC", "PROPN"} or m.role == "place"):
                            out.append(m)
                    todo.append((q, depth + 1))
    return out
