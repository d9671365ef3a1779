"""Find event triggers in a parsed sentence and read their participants, time, place and modality.

Mechanisms, all general: verb and noun triggers from the lexicon; light verbs and verb+noun
combinations fuse into one event ("held talks", "violated the truce"); roles come from the
dependency parse (subject, object, passive agent, with/against/to/between, possessives,
conjuncts, nominal modifiers); time and place from the modifiers the syntax links to the
trigger; modality from negation, modal and future auxiliaries, "if" clauses and control verbs.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.extract.arguments import (FORCE_NOUNS, INSTITUTION_NOUNS, LOC_PREPS, MEMBER_NOUNS, ROLE_NOUNS,
                                  MentionIndex)
from kg.extract.lexicon import Lexicon, Trigger
from kg.model import EntityMention, EventMention, TimeMention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["sentence_events"]

_REPORT_VERBS = {"say", "tell", "report", "state", "claim", "add", "write", "confirm", "note",
                 "announce", "insist", "declare", "stress", "argue", "allege", "according"}
_FUTURE_CONTROL = {"due", "set", "scheduled", "expected", "plan", "intend", "prepare", "going",
                   "aim", "hope", "seek", "want", "schedule", "slate", "agree", "decide", "pledge",
                   "promise", "vow"}
_NEG_CONTROL = {"refuse", "decline", "fail", "reject"}
_MODAL_COND = {"could", "might", "may", "would", "should", "can"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_PLANNED_ADJ = {"upcoming", "planned", "proposed", "scheduled", "forthcoming", "next", "expected",
                "future", "possible", "potential", "new"}
_AID_NOUNS = {"support", "aid", "assistance", "funding", "help", "weapons", "arms", "supplies"}
_FIGHTING_NOUNS = {"firing", "fighting", "hostilities", "hostility", "attacks", "activity", "fire",
                   "shelling", "strikes", "operations", "offensive"}
_PERSON_GROUP = {"representatives", "officials", "delegates", "envoys", "leaders", "ministers",
                 "negotiators", "delegation", "delegations", "diplomats", "counterparts", "teams",
                 "partners", "allies", "commanders", "mediators", "guarantors"}
_HEAD_NOUNS = INSTITUTION_NOUNS | FORCE_NOUNS | ROLE_NOUNS | _PERSON_GROUP | MEMBER_NOUNS
# Verbs that say when or where a nominal event happens: "the round is due to open on Tuesday",
# "talks that ran from Friday to Sunday", "the truce expired at midnight".
_ASPECT_VERBS = {"open", "begin", "start", "take", "resume", "end", "run", "last", "happen", "continue",
                 "collapse", "expire", "convene", "occur", "stall", "conclude", "close", "hold", "come",
                 "go", "break", "enter"}
# Verbs whose agent takes part in the nominal event they modify: "talks hosted by Switzerland"
_PARTICIPATION_VERBS = {"host", "sponsor", "organise", "organize", "chair", "initiate", "lead", "attend",
                        "join"}
_SEIZE_VERBS = {"seize", "capture", "take control", "overrun", "retake", "retook", "recapture", "storm"}
_TERRITORY = {"town", "city", "village", "territory", "area", "base", "airport", "region", "district",
              "hill", "settlement", "settlements", "positions", "position", "province", "border", "crossing",
              "port", "capital", "villages", "towns", "outpost", "island"}
_UNDERGO = {"come", "face", "suffer", "sustain", "endure", "withstand", "repel", "repulse"}
_STATEMENT_VERBS = {"tell", "say", "speak", "address", "brief", "announce", "add"}
_JOIN_VERBS = {"lead", "attend", "join", "travel", "arrive", "head", "fly", "go", "come", "return",
               "participate", "boycott", "skip", "leave", "quit"}
_REFERENCE_PREPS = {"under", "despite", "amid", "against", "within", "without", "beyond", "per"}
_ABOUT_ROOTS = {"02", "03", "10", "12", "13"}
_ABOUT_PATH = {"dobj", "pobj", "prep", "xcomp", "pcomp", "advcl", "ccomp", "acl", "attr", "nsubj", "acomp"}
_SPEECH_ROOTS = {"01", "02", "10", "11", "12", "13"}
_ROLE_PREPS_TARGET = {"with", "against", "to", "on", "at", "toward", "towards", "between", "for", "into"}


@dataclass
class _Candidate:
    token: "Token"
    trigger: Trigger
    cameo: str
    absorbed: set[int] = field(default_factory=set)  # token indices of fused nominals
    time_tokens: list["Token"] = field(default_factory=list)


def _nominal(c: "_Candidate") -> bool:
    """A nominal event, or a gerund used as one ("stop all firing", "began shelling")."""
    return c.trigger.pos == "NOUN" or c.token.tag_ == "VBG"


def _trigger_for(tok: "Token", lex: Lexicon) -> Trigger | None:
    pos = tok.pos_
    lemma = tok.lemma_.lower()
    if pos in {"VERB", "AUX"} or (pos == "NOUN" and tok.tag_.startswith("VB")):
        for child in tok.children:
            if child.i > tok.i and (child.dep_ in {"prt", "prep", "advmod"} or child.dep_ == "dobj"):
                if child.dep_ == "prep" and any(g.ent_type_ in {"DATE", "TIME"} for g in child.children):
                    continue  # "called Putin on Monday" is no "call on"
                word = child.lower_ if child.dep_ != "dobj" else child.lemma_.lower()
                t = lex.get(f"{lemma} {word}", "VERB")
                if t:
                    return None if t.cameo.startswith("04") and _to_the_press(tok) else t
        if lemma in _PHONE_VERBS and _calls_someone(tok):
            return lex.get("phone", "VERB")
        if lemma in {"speak", "talk"} and any(c.dep_ == "prep" and c.lower_ == "by" and any(
                g.lemma_.lower() in {"phone", "telephone", "hotline", "video", "videolink"} for g in c.children)
                for c in tok.children):
            return lex.get("phone", "VERB")  # "spoke by phone", "speak by hotline"
        t = lex.get(lemma, "VERB")
        if t is not None and t.cameo.startswith("04") and _to_the_press(tok):
            return None  # "told reporters", "spoke to state media": a statement, not a meeting
        return t
    if pos in {"NOUN", "PROPN"}:
        if tok.dep_ == "compound" and tok.head.pos_ in {"NOUN", "PROPN"}:
            return None  # "ceasefire violations", "air raid alerts": the head noun is the event
        for child in tok.children:
            if child.dep_ == "compound":
                t = lex.get(f"{child.lower_} {lemma}", "NOUN")
                if t:
                    return t
        return lex.get(lemma, "NOUN") or (lex.get(tok.lower_, "NOUN") if pos == "PROPN" else None)
    if pos == "ADJ" and tok.dep_ in {"acomp", "amod", "attr", "ROOT", "conj"}:
        t = lex.get(lemma, "ADJ")
        if t and any(c.dep_ in {"prep", "xcomp"} for c in tok.children):
            return t
    return None


_PHONE_VERBS = {"call", "ring"}


_PRESS = {"reporters", "journalists", "media", "press", "television", "radio", "agency", "newspaper",
          "broadcaster", "audience", "crowd", "supporters", "parliament", "lawmakers", "nation"}


def _to_the_press(tok: "Token") -> bool:
    objs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "with"}
            for p in c.children if p.dep_ == "pobj"] + [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objs) and all(o.lemma_.lower() in _PRESS or o.lower_ in _PRESS for o in objs)


def _calls_someone(tok: "Token") -> bool:
    """ "Trump called Putin": a phone call; "called it a milestone", "called for": not."""
    kids = list(tok.children)
    if any(c.dep_ in {"oprd", "xcomp", "ccomp", "prt"} and c.pos_ != "VERB" for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"for", "on", "off"} and
           not any(g.ent_type_ in {"DATE", "TIME"} for g in c.children) for c in kids):
        return False
    return any(c.dep_ == "dobj" and (c.ent_type_ in {"PERSON", "GPE", "ORG", "NORP"} or c.pos_ == "PROPN")
               for c in kids)


def _noun_code(tok: "Token", code: str, lex: Lexicon) -> str:
    """Refine an attack noun by its weapon: "drone attacks" -> 195, "artillery strikes" -> 194."""
    if code.startswith("19"):
        for child in tok.children:
            mod = lex.get(child.lower_, "MOD") if child.dep_ in {"compound", "amod"} else None
            if mod is not None:
                return mod.cameo
    return code


def _objects(tok: "Token") -> list["Token"]:
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


def _conjuncts(tok: "Token") -> list["Token"]:
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def _mention_for(tok: "Token", index: MentionIndex) -> list[EntityMention]:
    """The entity mention(s) a participant token stands for."""
    m = index.by_token.get(tok.i)
    if m is not None:
        return [m]
    low, lemma = tok.lower_, tok.lemma_.lower()
    out: list[EntityMention] = []
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return out
    # "Pakistan's foreign office", "Sudanese and Ethiopian troops", "representatives from the US"
    head_noun = low in _HEAD_NOUNS or lemma in _HEAD_NOUNS
    for c in tok.children:
        if c.dep_ in {"poss", "compound", "amod", "nmod"} and (head_noun or c.i in index.by_token):
            for q in _conjuncts(c):
                out.extend(_mention_for(q, index))
        elif c.dep_ == "prep" and c.lower_ in {"from", "of"} and (low in _PERSON_GROUP | MEMBER_NOUNS or head_noun):
            for p in c.children:
                if p.dep_ == "pobj":
                    for q in _conjuncts(p):
                        out.extend(_mention_for(q, index))
        elif c.dep_ == "appos":
            out.extend(_mention_for(c, index))
    return out


def _participants(toks: list["Token"], index: MentionIndex) -> list[EntityMention]:
    out: list[EntityMention] = []
    for t in toks:
        for c in _conjuncts(t):
            for m in _mention_for(c, index):
                if m not in out:
                    out.append(m)
    return [m for m in out if m.role != "place" or m.label in {"GPE", "NORP", "ORG", "PERSON"}]


def _subject(tok: "Token") -> tuple[list["Token"], bool]:
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


def _agent(tok: "Token") -> list["Token"]:
    for c in tok.children:
        if c.dep_ == "agent":
            return [p for p in c.children if p.dep_ == "pobj"]
    return []


def _prep_objects(tok: "Token", preps: set[str]) -> list["Token"]:
    out: list["Token"] = []
    for c in tok.children:
        if c.dep_ in {"prep", "dative"} and c.lower_ in preps:
            out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def _places(heads: list["Token"], index: MentionIndex, cameo: str) -> list[EntityMention]:
    """Places linked to the event by locative prepositions, down prepositional chains
    ("a strike on a house in Rafah", "near the town of Saravena")."""
    out: list[EntityMention] = []
    preps = LOC_PREPS | ({"to"} if cameo.startswith("04") else set())
    todo = [(h, 0) for h in heads]
    todo += [(c, 0) for h in heads for c in h.children if c.dep_ in {"dobj", "nsubjpass"}
             and c.lower_ not in _PERSON_GROUP]
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
                for q in _conjuncts(pobj):
                    for t in [q] + [k for k in q.children if k.dep_ in {"compound", "poss"}]:
                        m = index.by_token.get(t.i)
                        # the syntax outranks a wrong NER label ("marched through Yerevan" as PERSON)
                        if m is not None and m.role != "actor" and m not in out and \
                                (m.label in {"GPE", "LOC", "FAC", "PROPN"} or m.role == "place"):
                            out.append(m)
                    todo.append((q, depth + 1))
    return out


def _anchor(tok: "Token", cands: dict[int, "_Candidate"]) -> "Token":
    """The verb that says when, where and how surely a nominal event happens, or the noun itself."""
    verb = None
    if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_.lower() in _ASPECT_VERBS | {"be"}:
        verb = tok.head
    for c in tok.children:
        if c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in _ASPECT_VERBS | _PARTICIPATION_VERBS:
            return c  # "talks that ran from Friday to Sunday", "talks hosted by Switzerland"
    if verb is None or (verb.i in cands and verb.i != tok.i):
        return tok
    # "is due to open", "is expected to begin": follow the control chain down
    for _ in range(3):
        nxt = [c for c in verb.children if c.dep_ in {"xcomp", "acomp"} and c.i not in cands]
        if not nxt:
            break
        verb = nxt[0]
        if verb.pos_ == "ADJ":
            more = [c for c in verb.children if c.dep_ == "xcomp"]
            if more:
                verb = more[0]
    return verb


def _is_future(tok: "Token") -> bool:
    cur = tok
    for _ in range(4):
        for c in cur.children:
            if c.dep_ in {"aux", "auxpass"} and c.lower_ in _FUTURE_AUX:
                return True
        if cur.tag_ == "VBG" and _present_be(cur):
            return True  # "is sending a delegation on Wednesday": a planned act
        if cur.dep_ in {"xcomp", "acl"} and (cur.head.lemma_.lower() in _FUTURE_CONTROL or
                                              cur.head.lower_ in _FUTURE_CONTROL):
            return True
        if cur.pos_ in {"NOUN", "PROPN"}:
            if any(c.dep_ == "amod" and c.lower_ in _PLANNED_ADJ - {"new", "possible", "potential"}
                   for c in cur.children):
                return True
            if any(c.dep_ == "acl" and c.lemma_.lower() in _FUTURE_CONTROL | {"begin", "start", "open"}
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
                return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _FUTURE_AUX for c in cur.children) \
                    or (cur.tag_ == "VBG" and _present_be(cur)) \
                    or (cur.dep_ in {"xcomp", "acl"} and cur.head.lemma_.lower() in _FUTURE_CONTROL)
            continue
        break
    return False


def _threat_code(code: str) -> str | None:
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


def _if_clause(tok: "Token") -> "Token | None":
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless", "should"} for m in c.children):
            return c
    return None


def _hypothetical(tok: "Token") -> bool:
    """A modal act under a condition ("would retaliate if ...") or against any future case
    ("would respond with force to any incursion")."""
    modal = any(c.dep_ == "aux" and c.lower_ in {"would", "could", "may", "might", "will", "'d", "'ll"}
                for c in tok.children)
    if not modal:
        return False
    if _if_clause(tok) is not None:
        return True
    return any(d.lower_ == "any" and d.dep_ == "det" for d in tok.subtree)


def _present_be(tok: "Token") -> bool:
    return any(c.dep_ == "aux" and c.lower_ in {"is", "are", "am", "'s", "'re"} for c in tok.children)


_INTENT_CONTROL = {"hope", "seek", "want", "aim", "try", "wish", "strive", "push", "attempt", "propose"}


def _modality(tok: "Token", has_time: bool) -> str:
    cur = tok
    for step in range(3):
        kids = list(cur.children)
        negated = any(c.dep_ == "neg" for c in kids) or any(c.dep_ == "det" and c.lower_ == "no" for c in kids)
        if negated:
            return "negated"
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in _NEG_CONTROL:
            return "negated"
        if cur.dep_ in {"xcomp", "advcl"} and cur.head.lemma_.lower() in _INTENT_CONTROL:
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
    if _is_future(tok):
        return "planned"
    return "asserted"


def _tense(tok: "Token", modality: str) -> str:
    if modality == "planned":
        return "future"
    if tok.tag_ in {"VBZ", "VBP"} and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        return "present"
    return "past"


def _duration(tok: "Token") -> str:
    """ "a 30-hour truce", "three-day talks": the duration written as a modifier of the nominal."""
    for c in tok.children:
        if c.dep_ in {"nmod", "amod", "compound", "nummod"}:
            words = [t.text for t in c.subtree]
            text = "".join(w if w == "-" else (" " + w) for w in words).strip().replace(" -", "-")
            if any(u in text.lower() for u in ("hour", "day", "week", "month")) and \
                    any(ch.isdigit() for ch in text) or text.lower().split("-")[0] in {
                        "one", "two", "three", "four", "five", "six", "seven", "ten", "30", "72"}:
                if any(u in text.lower() for u in ("hour", "day", "week", "month")):
                    return text
    return ""


def _time_anchor(tok: "Token", trigger_ids: set[int]) -> "Token | None":
    """The trigger (or verb) that a time expression's head token modifies."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
        if cur.i in trigger_ids or cur.pos_ in {"VERB", "AUX"}:
            return cur
    return None


def sentence_events(sent: "Span", article_id: str, lex: Lexicon, index: MentionIndex,
                    times: list[TimeMention], *, headline: bool = False) -> Iterator[EventMention]:
    """Event mentions of one sentence. ``times`` are the sentence's time expressions (doc offsets)."""
    doc = sent.doc
    cands: dict[int, _Candidate] = {}
    for tok in sent:
        t = _trigger_for(tok, lex)
        if t is not None and t.pos == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in _REFERENCE_PREPS \
                and not (tok.head.lower_ == "under" and tok.head.head.lemma_.lower() in _UNDERGO | {"be", "remain"}):
            continue  # "under the agreement", "marched against the deal": a reference, not a report
        if t is not None and tok.lemma_.lower() == "round" and any(c.dep_ == "nummod" for c in tok.children) \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue  # "hundreds of rounds": ammunition
        if t is not None:
            code: str | None  # reused below for fused codes, which may be None
            code = _noun_code(tok, t.cameo, lex) if t.pos == "NOUN" else t.cameo
            cands[tok.i] = _Candidate(tok, t, code)
    if not cands:
        return
    for cand in cands.values():
        if cand.trigger.lemma in _SEIZE_VERBS and any(
                o.i in index.by_token and index.by_token[o.i].label in {"GPE", "LOC", "FAC"} or
                o.lemma_.lower() in _TERRITORY for o in _objects(cand.token)):
            cand.cameo = "192"  # "seized the town of X": territory, not property
    # time expressions attach to the trigger or verb they modify
    time_at: dict[int, list[TimeMention]] = {}
    for tm in times:
        span = doc.char_span(tm.start, tm.end, alignment_mode="expand")
        if span is None or span.root.i < sent.start or span.root.i >= sent.end:
            continue
        anchor = _time_anchor(span.root, set(cands))
        before = doc[span.start - 1] if span.start > sent.start else None
        if before is not None and before.i in cands and cands[before.i].trigger.pos == "NOUN" and \
                tm.text.lower().startswith(("from ", "until ", "till ", "through ", "for ")):
            anchor = before  # "a truce from December 24 to January 2": the truce's own span
        if anchor is not None:
            time_at.setdefault(anchor.i, []).append(tm)
    # a nominal's time may sit on the verb that says when it happens ("the round is due to open on Tuesday")
    anchors: dict[int, "Token"] = {}
    for i, cand in cands.items():
        if cand.trigger.pos == "NOUN":
            a = _anchor(cand.token, cands)
            if a.i != i:
                anchors[i] = a
                if a.dep_ in {"acl", "relcl"} and a.lemma_.lower() in _PARTICIPATION_VERBS and a.i in cands:
                    cand.absorbed.add(a.i)
                chain = {a.i, a.head.i, cand.token.head.i}
                for j in chain:
                    if j in time_at and j not in cands:
                        time_at.setdefault(i, []).extend(time_at.pop(j))
    # fuse verbs with the nominal events they govern
    absorbed: set[int] = {j for c in cands.values() if c.trigger.pos == "NOUN" for j in c.absorbed}
    for i, cand in sorted(cands.items()):
        tok = cand.token
        if cand.trigger.pos != "VERB" and tok.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = cand.trigger.lemma
        for o in [_conjuncts(obj)[0] for obj in _objects(tok)]:
            inner = cands.get(o.i)
            if inner is None or not _nominal(inner):
                code = None
                if o.lower_ in _AID_NOUNS or o.lemma_.lower() in _AID_NOUNS:
                    code = lex.combine(lemma, "070", cand.cameo)
                elif o.lower_ in _FIGHTING_NOUNS and cand.cameo[:2] in {"16", "10", "02", "03"}:
                    code = lex.combine(lemma, "190", cand.cameo)
                if code:
                    cand.cameo = code
                    break
                continue
            code = lex.combine(lemma, inner.cameo, cand.cameo)
            if code is None:
                continue
            own_time = time_at.get(o.i)
            if own_time and time_at.get(i) and code == inner.cameo:
                cand.cameo = code  # "announced on Dec 20 a truce from Dec 24": two events, both truces
                break
            cand.cameo = code
            cand.absorbed.add(o.i)
            absorbed.add(o.i)
            time_at.setdefault(i, []).extend(own_time or [])
            break
    # verbs that are not triggers but govern nominal events: "sent a delegation", "moved troops"
    for tok in sent:
        if tok.pos_ != "VERB" or tok.i in cands:
            continue
        lemma = tok.lemma_.lower()
        prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
        if prt and lex.combine(f"{lemma} {prt}", "190", None) is not None:
            lemma = f"{lemma} {prt}"  # "carried out raids", "called off the talks"
        for o in _objects(tok):
            inner = cands.get(o.i)
            if tok.i in cands:
                break
            if inner is not None and _nominal(inner) and o.i not in absorbed:
                code = lex.combine(lemma, inner.cameo, None)
                if code is None and lemma in {"send", "dispatch"} and inner.cameo.startswith("04"):
                    code = inner.cameo
                frame = "act"
                if code is None and lemma in _UNDERGO and inner.cameo[:2] in {"17", "18", "19", "20"}:
                    code, frame = inner.cameo, "undergo"  # the subject suffers the attack
                if code:
                    new = _Candidate(tok, Trigger(lemma, "VERB", code, frame), code, {o.i})
                    cands[tok.i] = new
                    absorbed.add(o.i)
                    time_at.setdefault(tok.i, []).extend(time_at.get(o.i, []))
            elif o.lower_ in FORCE_NOUNS | {"vehicles", "tanks", "reinforcements", "warships"} and \
                    lemma in {"send", "move", "deploy", "dispatch", "station", "mass", "amass", "reinforce"}:
                cands[tok.i] = _Candidate(tok, Trigger(lemma, "VERB", "154", "act"), "154")
    # "open to talks", "urged a ceasefire", "threatened to cut aid": the inner event has not
    # happened; it specifies the outer one
    for i, cand in sorted(cands.items()):
        if i in absorbed:
            continue
        about = cand.cameo[:2] in _ABOUT_ROOTS or cand.cameo == "013"
        inners = sorted((c for c in cands.items() if c[0] != i), key=lambda c: _hops(c[1].token, cand.token))
        for i2, inner in inners:
            if i2 in absorbed or inner.trigger.frame == "accuse" or \
                    (inner.token.pos_ == "VERB" and inner.cameo[:2] in _SPEECH_ROOTS):
                continue  # a speech act of its own ("demanded ..., warning that ...")
            specific = lex.combine(cand.trigger.lemma, inner.cameo, cand.cameo, light=False)
            if not about and specific is None:
                continue
            if time_at.get(i2) and (inner.trigger.pos == "NOUN" and time_at.get(i) or
                                    inner.cameo.startswith("04") and cand.cameo[:2] == "03"):
                continue  # "announced on Dec 20 a truce from Dec 24", "agreed to meet next week": two events
            if _under(inner.token, cand.token, _ABOUT_PATH, hops=4) and \
                    not _between(inner.token, cand.token, cands, absorbed):
                cand.cameo = lex.about(cand.trigger.lemma, cand.cameo, inner.cameo, inner.trigger.pos)
                absorbed.add(i2)
                cand.absorbed |= {i2} | inner.absorbed
                time_at.setdefault(i, []).extend(time_at.get(i2, []) if not time_at.get(i) else [])
    # a sentence's only time expression, on a verb that is no event ("Though Sunday saw a lull,
    # X reported ..."), dates the events that have none of their own
    claimed = {id(tm) for i, tms in time_at.items() if i in cands for tm in tms}
    loose = [tm for tms in time_at.values() for tm in tms if id(tm) not in claimed]
    fallback = loose if len(loose) == 1 and len({id(t) for tms in time_at.values() for t in tms}) == 1 else []
    # "X accused Y of launching attacks": the attacks are Y's, claimed by X
    claims: dict[int, "Token"] = {}
    for i, cand in cands.items():
        if cand.trigger.frame == "accuse":
            for i2, c2 in cands.items():
                if c2 is not cand and _under(c2.token, cand.token, {"pcomp", "pobj", "prep", "dobj", "conj"}):
                    claims[i2] = cand.token
    for i, cand in sorted(cands.items()):
        if i in absorbed:
            continue
        ev = _build(cand, sent, article_id, index, time_at, cands, claims, headline,
                    anchors.get(i, cand.token), fallback, lex)
        if ev is not None:
            yield from ev


def _governing_time(tok: "Token", time_at: dict[int, list[TimeMention]]) -> list[TimeMention]:
    if time_at.get(tok.i):
        return time_at[tok.i]
    cur = tok
    for _ in range(5):
        if cur.head.i == cur.i or cur.dep_ in {"relcl"}:
            break
        cur = cur.head
        if time_at.get(cur.i):
            return time_at[cur.i]
    return []


def _build(cand: _Candidate, sent: "Span", article_id: str, index: MentionIndex,
           time_at: dict[int, list[TimeMention]], cands: dict[int, _Candidate],
           claims: dict[int, "Token"], headline: bool, anchor: "Token",
           fallback: list[TimeMention], lex: Lexicon) -> list[EventMention] | None:
    tok, trig = cand.token, cand.trigger
    frame = trig.frame
    sources: list[EntityMention] = []
    targets: list[EntityMention] = []
    claimed_by: list[EntityMention] = []
    extra: list[EventMention] = []
    if trig.pos in {"VERB", "ADJ"} or tok.pos_ in {"VERB", "AUX"}:
        if trig.pos == "ADJ":
            subj = [c for c in tok.head.children if c.dep_ == "nsubj"] if tok.dep_ == "acomp" else \
                [c for c in tok.children if c.dep_ == "nsubj"]
            passive = False
        else:
            subj, passive = _subject(tok)
        if passive or trig.frame == "undergo":
            sources = _participants(_agent(tok), index)
            targets = _participants(subj, index)
        else:
            sources = _participants(subj, index)
            objs = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
            preps = _ROLE_PREPS_TARGET if frame != "say" else {"to", "with"}
            targets = _participants(objs, index) + _participants(_prep_objects(tok, preps), index)
            for ab in cand.absorbed:  # "held talks with X": the nominal's partners
                n = sent.doc[ab]
                targets += _participants(_prep_objects(n, {"with", "between", "against", "on", "to"}), index)
                if not sources:
                    sources = _participants([c for c in n.children if c.dep_ == "poss"], index)
        for ab in sorted(cand.absorbed):
            inner = sent.doc[ab]
            if inner.pos_ in {"VERB", "AUX"}:
                # "demanded that Kosovo withdraw", "threatened action against South Korea"
                own_subj = [c for c in inner.children if c.dep_ in {"nsubj", "nsubjpass"}]
                targets += _participants(own_subj, index)
                targets += _participants([c for c in inner.children if c.dep_ in {"dobj", "dative"}], index)
                targets += _participants(_prep_objects(inner, _ROLE_PREPS_TARGET), index)
                for o in _objects(inner):
                    targets += _participants(_prep_objects(o, {"against", "on", "with", "to"}), index)
            else:
                targets += _participants(_prep_objects(inner, {"against", "on", "with", "to", "between"}), index)
        if cand.cameo.startswith("045"):
            for o in _objects(tok):
                targets += _participants(_prep_objects(o, {"between", "with"}), index)
            if tok.dep_ == "acl" and not targets:  # "a deal brokered by the UAE": the deal's parties
                gov = tok.head.head.head if tok.head.dep_ == "pobj" else tok.head.head
                if gov.pos_ == "VERB":
                    targets += _participants(_subject(gov)[0], index)
        if frame == "meet" and len(sources) > 1 and not targets:
            sources, targets = sources[:1], sources[1:]
        if tok.i in claims:
            accused, accuser = _accusation(claims[tok.i], index)
            if not sources:
                sources, claimed_by = accused, accuser
                targets = targets or list(accuser)
            else:
                claimed_by = accuser
    else:  # a nominal event
        kids = list(tok.children)
        agent_preps = {"by", "of"} if cand.cameo.startswith("04") else {"by"}
        by = [p for c in kids if c.dep_ == "prep" and c.lower_ in agent_preps for p in c.children if p.dep_ == "pobj"]
        if tok.dep_ == "nsubjpass":  # "the march was organised by X", "the call was initiated by Y"
            by += _agent(tok.head)
        if anchor.i != tok.i and anchor.dep_ in {"acl", "relcl"}:  # "talks hosted by Switzerland"
            targets += _participants(_agent(anchor), index)
        poss = [c for c in kids if c.dep_ == "poss"]
        mods = [c for c in kids if c.dep_ in {"amod", "compound", "nmod"} and c.i in index.by_token]
        between = _prep_objects(tok, {"between"})
        sources = _participants(by + poss, index)
        if between:
            both = _participants(between, index)
            sources, targets = (sources or both[:1]), [m for m in both if m not in sources[:1]]
        mod_m = _participants(mods, index)
        if mod_m:
            if sources:
                targets += [m for m in mod_m if m not in sources]
            else:
                sources, targets = mod_m[:1], mod_m[1:] + targets
        targets += _participants(_prep_objects(tok, {"with", "against", "on", "to", "toward", "towards"}), index)
        if tok.i in claims:
            accused, accuser = _accusation(claims[tok.i], index)
            sources, claimed_by = (sources or accused), accuser
            targets = targets or list(accuser)
        # "X reported 3,000 violations by Y": the report is an accusation, the violations a claim
        head = tok.head if tok.dep_ == "dobj" else None
        if head is not None and head.lemma_.lower() in _REPORT_VERBS and cand.cameo[:2] in {"18", "19", "20"} \
                and head.i not in cands:
            accusers = _participants(_subject(head)[0], index)
            if accusers and sources:
                claimed_by = accusers
                targets = targets or [m for m in accusers if m not in sources]
                extra.append(_event(
                    article_id, "112", head, sent, accusers, sources, [], _governing_time(head, time_at) or fallback,
                    _modality(head, bool(time_at.get(head.i))), head, "", headline, 0.6, ()))
        if not sources and not targets and cand.cameo.startswith("04") and tok.dep_ == "pobj" and \
                tok.head.lower_ in {"after", "following", "before", "during", "at"} and tok.head.head.pos_ == "VERB":
            # "after three days of talks in Doha, Congo and M23 signed ...": the same parties met
            both = _participants(_subject(tok.head.head)[0], index)
            sources, targets = both[:1], both[1:]
        if not sources:
            # "the envoy led the team at the talks", "X arrived for talks": X takes part;
            # "the ELN announced ... a truce from December 24": the truce is the ELN's
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.dep_ == "dobj" else None
            # only a verb known to make this kind of event ("announced ... a truce from ...") lends
            # it its subject; a reaction ("condemned the launch") is to someone else's event
            makes = tok.dep_ == "dobj" and verb is not None and \
                lex.combine(verb.lemma_.lower(), cand.cameo, None) is not None
            if verb is not None and (verb.lemma_.lower() in _JOIN_VERBS or makes):
                subj, passive = _subject(verb)
                if not passive:
                    sources = _participants(subj, index)
    # "X's ministry said Armenian forces had fired on its positions": claimed by X, and an
    # attack that names no victim is reported by its victim's side
    if not claimed_by:
        reporter = _reporter(tok)
        if reporter is not None:
            claimed_by = [m for m in _participants(_subject(reporter)[0], index) if m not in sources]
            if cand.cameo[:2] in {"18", "19", "20"} and sources and not targets:
                targets = list(claimed_by)
    sources = [m for m in sources if m is not None]
    targets = [m for m in targets if m is not None and m not in sources]
    # where a statement was made: "..., telling reporters in Baku", "said in New York"
    said = [c for c in tok.subtree if c.dep_ in {"advcl", "conj", "xcomp"} and c.head.i == tok.i or
            c.dep_ in {"advcl", "conj", "xcomp"} and c.head.i == anchor.i]
    said = [c for c in said if c.lemma_.lower() in _STATEMENT_VERBS]
    # "freed two soldiers, handing them to a commission near the town of Tame": the same act
    adjuncts = [c for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i not in cands]
    places = _places([tok, anchor] + [sent.doc[j] for j in cand.absorbed] + said + adjuncts, index, cand.cameo)
    sources = [m for m in sources if m not in places]
    targets = [m for m in targets if m not in places]
    times = _governing_time(tok, time_at) or (fallback if tok.pos_ in {"VERB", "AUX"} else [])
    modality = _modality(anchor, bool(time_at.get(tok.i) or time_at.get(anchor.i)))
    # "Iran would retaliate if attacked", "X could suspend talks if ...": a named party's
    # hypothetical force, sanction or break is itself a threat, aimed at whom the condition names
    threat = _threat_code(cand.cameo)
    if threat and sources and tok.pos_ in {"VERB", "AUX"} and _hypothetical(anchor):
        modality = "conditional"
        condition = _if_clause(anchor)
        aimed = targets or (_participants(_subject(condition)[0], index) if condition is not None else [])
        extra.append(_event(article_id, threat, tok, sent, sources, [m for m in aimed if m not in sources],
                            [], times, "asserted", anchor, "", headline, 0.55, ()))
    # the statement itself is only newsworthy for some "say" verbs
    if frame == "say" and not (sources or targets):
        return extra or None
    conf = 0.35 + 0.2 * bool(sources) + 0.1 * bool(targets) + 0.1 * bool(times) + \
        0.1 * (trig.pos == "VERB") + 0.05 * bool(places)
    ev = _event(article_id, cand.cameo, tok, sent, sources, targets, places, times, modality, anchor,
                _duration(tok) if trig.pos == "NOUN" or cand.absorbed else "", headline, conf,
                tuple(claimed_by))
    if cand.absorbed and not ev.duration:
        for ab in cand.absorbed:
            d = _duration(sent.doc[ab])
            if d:
                from dataclasses import replace
                ev = replace(ev, duration=d)
    return [ev, *extra]


def _reporter(tok: "Token") -> "Token | None":
    """The reporting verb whose clause holds ``tok`` ("... said [Y had attacked]"), if any."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in {"ccomp", "parataxis"} and cur.head.lemma_.lower() in _REPORT_VERBS:
            return cur.head
        if cur.dep_ not in {"conj", "xcomp", "aux", "dobj", "pobj", "prep", "nsubj", "nsubjpass"}:
            return None
        cur = cur.head
    return None


def _accusation(verb: "Token", index: MentionIndex) -> tuple[list[EntityMention], list[EntityMention]]:
    """(accused, accuser) of an accusing verb: "X accused Y of ..." -> ([Y], [X])."""
    subj, passive = _subject(verb)
    accuser = _participants(subj, index)
    objs = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    return _participants(objs, index), accuser


def _between(tok: "Token", head: "Token", cands: dict[int, "_Candidate"], absorbed: set[int]) -> bool:
    """Is there another live trigger on the path from ``tok`` up to ``head``? It claims ``tok`` first
    ("demanded progress, warning that it could withdraw support": the warning is about the withdrawal)."""
    cur = tok.head
    while cur.i != head.i and cur.head.i != cur.i:
        if cur.i in cands and cur.i not in absorbed:
            return True
        cur = cur.head
    return False


def _hops(tok: "Token", head: "Token") -> int:
    cur, n = tok, 0
    while cur.i != head.i and cur.head.i != cur.i and n < 9:
        cur, n = cur.head, n + 1
    return n if cur.i == head.i else 99


def _under(tok: "Token", head: "Token", via: set[str], hops: int = 5) -> bool:
    cur = tok
    for _ in range(hops):
        if cur.head.i == cur.i or cur.dep_ not in via:
            return False
        cur = cur.head
        if cur.i == head.i:
            return True
    return False


def _event(article_id: str, cameo: str, tok: "Token", sent: "Span", sources, targets, places, times,
           modality: str, anchor: "Token", duration: str, headline: bool, conf: float,
           claimed_by) -> EventMention:
    # the sentence as evidence: its words only, never the blanked page furniture around it
    raw = sent.text
    s0 = sent.start_char + len(raw) - len(raw.lstrip())
    s1 = sent.end_char - (len(raw) - len(raw.rstrip()))
    return EventMention(
        article_id=article_id, cameo=cameo, trigger=tok.text, trigger_start=tok.idx,
        trigger_end=tok.idx + len(tok.text), sentence=raw.strip(), sentence_start=s0,
        sentence_end=s1, sources=tuple(sources), targets=tuple(targets),
        places=tuple(places), times=tuple(times), tense=_tense(anchor, modality),  # type: ignore[arg-type]
        modality=modality, claimed_by=tuple(claimed_by), confidence=round(min(conf, 0.95), 2),  # type: ignore[arg-type]
        duration=duration, headline=headline)
