"""Find event triggers in a parsed sentence and read their participants, time, place and modality.

Mechanisms, all general: verb and noun triggers from the lexicon; light verbs and verb+noun
combinations fuse into one event ("held talks", "violated the truce"); roles come from the
dependency parse (subject, object, passive agent, with/against/to/between, possessives,
conjuncts, nominal modifiers); time and place from the modifiers the syntax links to the
trigger; modality from negation, modal and future auxiliaries, "if" clauses and control verbs.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from kg.extract.arguments import (FORCE_NOUNS, MentionIndex)
from kg.lexicon import Lexicon, Trigger
from kg.extract.modality import duration_of, if_clause, is_hypothetical, modality_of, tense_of, threat_code
from kg.extract.roles import (ROLE_PREPS_TARGET, agent_of, conjuncts_of, find_places, objects_of,
                              participants_of, prep_objects, subject_of)
from kg.model import EntityMention, EventMention, TimeMention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["sentence_events"]

_REPORT_VERBS = {"say", "tell", "report", "state", "claim", "add", "write", "confirm", "note",
                 "announce", "insist", "declare", "stress", "argue", "allege", "according"}
_AID_NOUNS = {"support", "aid", "assistance", "funding", "help", "weapons", "arms", "supplies"}
_FIGHTING_NOUNS = {"firing", "fighting", "hostilities", "hostility", "attacks", "activity", "fire",
                   "shelling", "strikes", "operations", "offensive"}
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
_AIM_PREPS = {"at", "against", "toward", "towards"}
_VIOLENT = {"18", "19", "20"}
_FIRE_VERBS = {"launch", "fire", "shoot", "drop", "lob"}
_UNDERGO = {"come", "face", "suffer", "sustain", "endure", "withstand", "repel", "repulse"}
_STATEMENT_VERBS = {"tell", "say", "speak", "address", "brief", "announce", "add"}
_JOIN_VERBS = {"lead", "attend", "join", "travel", "arrive", "head", "fly", "go", "come", "return",
               "participate", "boycott", "skip", "leave", "quit"}
_REFERENCE_PREPS = {"under", "despite", "amid", "against", "within", "without", "beyond", "per"}
_ABOUT_ROOTS = {"02", "03", "10", "12", "13"}
_ABOUT_PATH = {"dobj", "pobj", "prep", "xcomp", "pcomp", "advcl", "ccomp", "acl", "attr", "nsubj", "acomp"}
_SPEECH_ROOTS = {"01", "02", "10", "11", "12", "13"}


@dataclass
class _Candidate:
    token: "Token"
    trigger: Trigger
    cameo: str
    absorbed: set[int] = field(default_factory=set)  # token indices of fused nominals


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


def _weapon_code(noun: "Token", lex: Lexicon) -> str | None:
    """The attack code a weapon noun implies: "warplanes", "air strike", "artillery shells" -> 195/194."""
    for tok in (noun, *(c for c in noun.children if c.dep_ in {"compound", "amod"})):
        mod = lex.get(tok.lemma_.lower(), "MOD") or lex.get(tok.lower_, "MOD")
        if mod is not None:
            return mod.cameo
    return None


def _noun_code(tok: "Token", code: str, lex: Lexicon) -> str:
    """Refine an attack noun by its weapon: "drone attacks" -> 195, "artillery strikes" -> 194."""
    if code.startswith("19"):
        for child in tok.children:
            mod = _weapon_code(child, lex) if child.dep_ in {"compound", "amod"} else None
            if mod is not None:
                return mod
    return code


def _instrument_code(tok: "Token", lex: Lexicon) -> str | None:
    """Refine a generic attack verb by what it was carried out with: its subject ("warplanes struck"),
    passive agent ("hit by drones"), "with" object or direct object ("fired rockets")."""
    nouns = [c for c in tok.children if c.dep_ in {"nsubj", "dobj"}]
    nouns += [p for c in tok.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "with")
              for p in c.children if p.dep_ == "pobj"]
    for n in nouns + [q for n in nouns for q in prep_objects(n, {"of"})]:  # "dozens of rockets"
        code = _weapon_code(n, lex)
        if code is not None:
            return code
    return None


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
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in _FIRE_VERBS:
            # "launched a ballistic missile at X", "fired a wave of rockets": the weapon makes the attack
            weapons = [w for o in objects_of(tok) for w in (o, *prep_objects(o, {"of"}))]
            code = next((c for c in (_weapon_code(w, lex) for w in weapons) if c), None)
            if code:
                cands[tok.i] = _Candidate(tok, Trigger(tok.lemma_.lower(), "VERB", code, "act"), code)
    if not cands:
        return
    for cand in cands.values():
        if cand.trigger.lemma in _SEIZE_VERBS and any(
                o.i in index.by_token and index.by_token[o.i].label in {"GPE", "LOC", "FAC"} or
                o.lemma_.lower() in _TERRITORY for o in objects_of(cand.token)):
            cand.cameo = "192"  # "seized the town of X": territory, not property
        elif cand.cameo in {"19", "190"} and cand.token.pos_ == "VERB":
            cand.cameo = _instrument_code(cand.token, lex) or cand.cameo
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
        # "hosted Mohamud for talks", "arrested X over protests": with a party as its object, the
        # verb is the event and a prepositional nominal only its purpose or reason
        party_object = cand.trigger.frame != "meet" and any(
            c.dep_ == "dobj" and c.i in index.by_token for c in tok.children)
        for o in [conjuncts_of(obj)[0] for obj in objects_of(tok)]:
            if party_object and o.dep_ == "pobj":
                continue
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
        for o in objects_of(tok):
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
    # "the raid killed three", "an air strike on a school killed 30": the verb tells the toll of
    # the attack its subject names; one event, the attack's, with the verb's victims and time
    for i, cand in sorted(cands.items()):
        if i in absorbed or cand.token.pos_ != "VERB" or cand.cameo[:2] not in _VIOLENT:
            continue
        for c in cand.token.children:
            noun = cands.get(c.i)
            if c.dep_ == "nsubj" and noun is not None and noun.trigger.pos == "NOUN" and \
                    noun.cameo[:2] in _VIOLENT and c.i not in absorbed:
                noun.absorbed.add(i)
                absorbed.add(i)
                time_at.setdefault(c.i, []).extend(time_at.get(i, []) if not time_at.get(c.i) else [])
                break
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
            subj, passive = subject_of(tok)
        if passive or trig.frame == "undergo":
            sources = participants_of(agent_of(tok), index)
            targets = participants_of(subj, index)
            if passive:  # "sanctions were imposed on Iran by the US"
                targets += participants_of(prep_objects(tok, _AIM_PREPS | {"on"}), index)
        else:
            sources = participants_of(subj, index)
            objs = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
            # "announced sanctions against X": a fused statement takes the measure's targets
            preps = ROLE_PREPS_TARGET if frame != "say" or cand.absorbed else {"to", "with"}
            targets = participants_of(objs, index) + participants_of(prep_objects(tok, preps), index)
            for ab in cand.absorbed:  # "held talks with X": the nominal's partners
                n = sent.doc[ab]
                targets += participants_of(prep_objects(n, {"with", "between", "against", "on", "to"} |
                                                        _patient_of(cand.cameo)), index)
                if not sources:
                    sources = participants_of([c for c in n.children if c.dep_ == "poss"], index)
        for ab in sorted(cand.absorbed):
            inner = sent.doc[ab]
            if inner.pos_ in {"VERB", "AUX"}:
                # "demanded that Kosovo withdraw", "threatened action against South Korea"
                own_subj = [c for c in inner.children if c.dep_ in {"nsubj", "nsubjpass"}]
                targets += participants_of(own_subj, index)
                targets += participants_of([c for c in inner.children if c.dep_ in {"dobj", "dative"}], index)
                targets += participants_of(prep_objects(inner, ROLE_PREPS_TARGET), index)
                for o in objects_of(inner):
                    targets += participants_of(prep_objects(o, {"against", "on", "with", "to"}), index)
            else:
                targets += participants_of(prep_objects(inner, {"against", "on", "with", "to", "between"}), index)
        if cand.cameo.startswith("045"):
            for o in objects_of(tok):
                targets += participants_of(prep_objects(o, {"between", "with"}), index)
            if tok.dep_ == "acl" and not targets:  # "a deal brokered by the UAE": the deal's parties
                gov = tok.head.head.head if tok.head.dep_ == "pobj" else tok.head.head
                if gov.pos_ == "VERB":
                    targets += participants_of(subject_of(gov)[0], index)
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
            by += agent_of(tok.head)
        if anchor.i != tok.i and anchor.dep_ in {"acl", "relcl"}:  # "talks hosted by Switzerland"
            targets += participants_of(agent_of(anchor), index)
        poss = [c for c in kids if c.dep_ == "poss"]
        mods = [c for c in kids if c.dep_ in {"amod", "compound", "nmod"} and c.i in index.by_token]
        between = prep_objects(tok, {"between"})
        sources = participants_of(by + poss, index)
        if between:
            both = participants_of(between, index)
            sources, targets = (sources or both[:1]), [m for m in both if m not in sources[:1]]
        mod_m = participants_of(mods, index)
        if mod_m:
            if sources:
                targets += [m for m in mod_m if m not in sources]
            else:
                sources, targets = mod_m[:1], mod_m[1:] + targets
        targets += participants_of(prep_objects(tok, {"with", "against", "on", "to", "toward", "towards"} |
                                                _patient_of(cand.cameo)), index)
        for ab in sorted(cand.absorbed):  # "the raid killed three Palestinians"
            if sent.doc[ab].pos_ == "VERB":
                targets += participants_of([c for c in sent.doc[ab].children if c.dep_ == "dobj"], index)
        if tok.i in claims:
            accused, accuser = _accusation(claims[tok.i], index)
            sources, claimed_by = (sources or accused), accuser
            targets = targets or list(accuser)
        # "X reported 3,000 violations by Y": the report is an accusation, the violations a claim
        head = tok.head if tok.dep_ == "dobj" else None
        if head is not None and head.lemma_.lower() in _REPORT_VERBS and cand.cameo[:2] in _VIOLENT \
                and head.i not in cands:
            accusers = participants_of(subject_of(head)[0], index)
            if accusers and sources:
                claimed_by = accusers
                targets = targets or [m for m in accusers if m not in sources]
                extra.append(_event(
                    article_id, "112", head, sent, accusers, sources, [], _governing_time(head, time_at) or fallback,
                    modality_of(head, bool(time_at.get(head.i))), head, "", headline, 0.6, ()))
        if not sources and not targets and cand.cameo.startswith("04") and tok.dep_ == "pobj" and \
                tok.head.lower_ in {"after", "following", "before", "during", "at"} and tok.head.head.pos_ == "VERB":
            # "after three days of talks in Doha, Congo and M23 signed ...": the same parties met
            both = participants_of(subject_of(tok.head.head)[0], index)
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
                subj, passive = subject_of(verb)
                if not passive:
                    sources = participants_of(subj, index)
    # "X's ministry said Armenian forces had fired on its positions": claimed by X, and an
    # attack that names no victim is reported by its victim's side
    if not claimed_by:
        reporter = _reporter(tok)
        if reporter is not None:
            claimed_by = [m for m in participants_of(subject_of(reporter)[0], index) if m not in sources]
            if cand.cameo[:2] in _VIOLENT and sources and not targets:
                targets = list(claimed_by)
            if cand.cameo.startswith("196") and sources and claimed_by:
                # "X said Y had violated the ceasefire": saying so is accusing Y
                extra.append(_event(article_id, "112", reporter, sent, claimed_by, sources, [],
                                    _governing_time(reporter, time_at) or fallback,
                                    modality_of(reporter, bool(time_at.get(reporter.i))), reporter, "",
                                    headline, 0.6, ()))
    sources = [m for m in sources if m is not None]
    targets = [m for m in targets if m is not None and m not in sources]
    # where a statement was made: "..., telling reporters in Baku", "said in New York"
    said = [c for c in tok.subtree if c.dep_ in {"advcl", "conj", "xcomp"} and c.head.i == tok.i or
            c.dep_ in {"advcl", "conj", "xcomp"} and c.head.i == anchor.i]
    said = [c for c in said if c.lemma_.lower() in _STATEMENT_VERBS]
    # "freed two soldiers, handing them to a commission near the town of Tame": the same act
    adjuncts = [c for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i not in cands]
    places = find_places([tok, anchor] + [sent.doc[j] for j in cand.absorbed] + said + adjuncts, index, cand.cameo)
    if cand.cameo[:2] in _VIOLENT:
        # "fired missiles at Israel", "an offensive against Sudan": aimed at a party, not a place
        aimed_at = prep_objects(tok, _AIM_PREPS) + [p for o in objects_of(tok) for p in prep_objects(o, _AIM_PREPS)]
        aimed = participants_of(aimed_at, index)
        places = [m for m in places if m not in aimed]
        targets += [m for m in aimed if m not in targets and m not in sources]
    sources = [m for m in sources if m not in places]
    targets = [m for m in targets if m not in places]
    times = _governing_time(tok, time_at) or (fallback if tok.pos_ in {"VERB", "AUX"} else [])
    modality = modality_of(anchor, bool(time_at.get(tok.i) or time_at.get(anchor.i)))
    # "Iran would retaliate if attacked", "X could suspend talks if ...": a named party's
    # hypothetical force, sanction or break is itself a threat, aimed at whom the condition names
    threat = threat_code(cand.cameo)
    if threat and sources and tok.pos_ in {"VERB", "AUX"} and is_hypothetical(anchor):
        modality = "conditional"
        condition = if_clause(anchor)
        aimed = targets or (participants_of(subject_of(condition)[0], index) if condition is not None else [])
        extra.append(_event(article_id, threat, tok, sent, sources, [m for m in aimed if m not in sources],
                            [], times, "asserted", anchor, "", headline, 0.55, ()))
    # the statement itself is only newsworthy for some "say" verbs
    if frame == "say" and not (sources or targets):
        return extra or None
    conf = 0.35 + 0.2 * bool(sources) + 0.1 * bool(targets) + 0.1 * bool(times) + \
        0.1 * (trig.pos == "VERB") + 0.05 * bool(places)
    # how sure the type is: a verb fused with its nominal ("launched strikes") says most, a verb
    # alone a little less, a bare noun or adjective least
    type_conf = 0.9 if cand.absorbed else 0.8 if trig.pos == "VERB" else 0.7
    ev = _event(article_id, cand.cameo, tok, sent, sources, targets, places, times, modality, anchor,
                duration_of(tok) if trig.pos == "NOUN" or cand.absorbed else "", headline, conf,
                tuple(claimed_by), type_conf)
    if cand.absorbed and not ev.duration:
        for ab in cand.absorbed:
            d = duration_of(sent.doc[ab])
            if d:
                ev = replace(ev, duration=d)
    return [ev, *extra]


def _patient_of(cameo: str) -> set[str]:
    """ "the expulsion of the French ambassador", "the killing of its commander": for a coercive or
    violent nominal, "of" names who undergoes it (an agent comes with "by")."""
    return {"of"} if cameo[:2] in _VIOLENT | {"16", "17"} else set()


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
    subj, passive = subject_of(verb)
    accuser = participants_of(subj, index)
    objs = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    return participants_of(objs, index), accuser


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
           claimed_by, type_conf: float = 0.6) -> EventMention:
    """An event mention; ``type_conf`` defaults to what an inferred event (a threat read from
    hypothetical force, an accusation read from a report) deserves."""
    # the sentence as evidence: its words only, never the blanked page furniture around it
    raw = sent.text
    s0 = sent.start_char + len(raw) - len(raw.lstrip())
    s1 = sent.end_char - (len(raw) - len(raw.rstrip()))
    return EventMention(
        article_id=article_id, cameo=cameo, trigger=tok.text, trigger_start=tok.idx,
        trigger_end=tok.idx + len(tok.text), sentence=raw.strip(), sentence_start=s0,
        sentence_end=s1, sources=tuple(sources), targets=tuple(targets),
        places=tuple(places), times=tuple(times), tense=tense_of(anchor, modality),  # type: ignore[arg-type]
        modality=modality, claimed_by=tuple(claimed_by), confidence=round(min(conf, 0.95), 2),  # type: ignore[arg-type]
        duration=duration, headline=headline, type_confidence=type_conf)
