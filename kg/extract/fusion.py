"""Passes that fuse tokens into one event: light verbs and verb+noun combinations ("held talks",
"violated the truce"), verbs that are no trigger but govern one ("sent a delegation"), the toll
of an attack ("the raid killed three"), and what intentions, appeals and threats are about
("threatened to cut aid").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.codebook import ABOUT_ROOTS, SPEECH_ROOTS, Code, Root, has_root, is_violent
from kg.extract.frame import Candidate, SentenceFrame
from kg.extract.sense import standing_state
from kg.extract.syntax import between, conjuncts_of, hops, objects_of, under
from kg.extract.timing import moved_times
from kg.lexicon import Trigger
from kg.model import evolve
from kg.words import WordClasses

if TYPE_CHECKING:
    from collections.abc import Mapping

    from spacy.tokens import Token

__all__ = ["fuse_objects", "fuse_governing_verbs", "fuse_tolls", "fuse_aims", "fuse_about", "echo_followed"]

# Dependency paths from a speech act down to what it is about.
_ABOUT_PATH = {"dobj", "pobj", "prep", "xcomp", "pcomp", "advcl", "ccomp", "acl", "attr", "nsubj", "acomp"}
# Roots whose verbs, with "fighting" as object, speak of fighting: "halt the fighting".
_ABOUT_FIGHTING = {Root.REDUCE_RELATIONS, Root.DEMAND, Root.APPEAL, Root.INTENT}


def fuse_objects(frame: SentenceFrame) -> SentenceFrame:
    """A trigger verb fuses with the nominal event it governs: "launched strikes", "held talks"."""
    lex, words, index = frame.res.lexicon, frame.res.words, frame.index
    cands, absorbed, time_at = dict(frame.candidates), set(frame.absorbed), dict(frame.time_at)
    for i in sorted(cands):
        cand = cands[i]
        tok = cand.token
        if not cand.verbal:
            continue
        lemma = cand.trigger.lemma
        # "hosted Mohamud for talks", "arrested X over protests": with a party as its object, the
        # verb is the event and a prepositional nominal only its purpose or reason
        party_object = cand.trigger.frame != "meet" and any(
            c.dep_ == "dobj" and c.i in index.by_token for c in tok.children)
        for o in [conjuncts_of(obj)[0] for obj in objects_of(tok, words)]:
            if party_object and o.dep_ == "pobj":
                continue
            inner = cands.get(o.i)
            if inner is None or not inner.nominal:
                code = None
                if o.lower_ in words["aid_noun"] or o.lemma_.lower() in words["aid_noun"]:
                    code = lex.combine(lemma, Code.PROVIDE_AID, cand.cameo)
                elif o.lower_ in words["fighting_noun"] and has_root(cand.cameo, *_ABOUT_FIGHTING):
                    code = lex.combine(lemma, Code.CONVENTIONAL_FORCE, cand.cameo)
                if code:
                    cands[i] = evolve(cand, cameo=code)
                    break
                continue
            code = lex.combine(lemma, inner.cameo, cand.cameo)
            if code is None:
                continue
            if time_at.get(o.i) and time_at.get(i) and code == inner.cameo:
                cands[i] = evolve(cand, cameo=code)  # "announced on Dec 20 a truce from Dec 24": two events
                break
            cands[i] = evolve(cand, cameo=code, absorbed=cand.absorbed | {o.i})
            absorbed.add(o.i)
            time_at = moved_times(time_at, i, o.i)
            break
    return evolve(frame, candidates=cands, absorbed=frozenset(absorbed), time_at=time_at)


def fuse_governing_verbs(frame: SentenceFrame) -> SentenceFrame:
    """Verbs that are not triggers but govern nominal events: "sent a delegation", "moved troops"."""
    lex, words = frame.res.lexicon, frame.res.words
    cands, absorbed, time_at = dict(frame.candidates), set(frame.absorbed), dict(frame.time_at)
    for tok in frame.sent:
        if tok.pos_ != "VERB" or tok.i in cands:
            continue
        lemma = tok.lemma_.lower()
        prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
        if prt and (lex.combine(f"{lemma} {prt}", Code.CONVENTIONAL_FORCE, None) is not None or
                    f"{lemma} {prt}" in words["deploy_verb"]):
            lemma = f"{lemma} {prt}"  # "carried out raids", "called off the talks", "called up reservists"
        for o in objects_of(tok, words):
            inner = cands.get(o.i)
            if tok.i in cands:
                break
            if inner is not None and inner.nominal and o.i not in absorbed:
                made = _governed(lemma, inner, frame)
                if made is not None:
                    code, kind = made
                    cands[tok.i] = Candidate(tok, Trigger(lemma, "VERB", code, kind), code, frozenset({o.i}))
                    absorbed.add(o.i)
                    time_at = moved_times(time_at, tok.i, o.i)
            elif o.lower_ in words["force_noun"] | words["deployable_noun"] and lemma in words["deploy_verb"] \
                    and not standing_state(tok):  # "where our forces are stationed": no move
                trig = Trigger(lemma, "VERB", Code.MOBILIZE_FORCES, "act")
                cands[tok.i] = Candidate(tok, trig, Code.MOBILIZE_FORCES)
            elif (o.lower_ in words["force_noun"] or o.lemma_.lower() in words["force_noun"]) and \
                    lemma in words["disband_verb"]:
                # "dismantled the regional forces", "disbanded the militia": demobilisation
                cands[tok.i] = Candidate(tok, Trigger(lemma, "VERB", Code.DEMOBILIZE, "act"), Code.DEMOBILIZE)
    return evolve(frame, candidates=cands, absorbed=frozenset(absorbed), time_at=time_at)


def _governed(lemma: str, inner: Candidate, frame: SentenceFrame) -> tuple[str, str] | None:
    """(code, frame) of a non-trigger verb governing the nominal ``inner``, if they make an event."""
    words = frame.res.words
    code = frame.res.lexicon.combine(lemma, inner.cameo, None)
    if code is None and lemma in words["dispatch_verb"] and has_root(inner.cameo, Root.CONSULT):
        code = inner.cameo
    if code is None and lemma in words["undergo_verb"] and \
            (is_violent(inner.cameo) or has_root(inner.cameo, Root.COERCE)):
        return inner.cameo, "undergo"  # the subject suffers the attack
    return (code, "act") if code else None


def fuse_tolls(frame: SentenceFrame) -> SentenceFrame:
    """ "The raid killed three", "an air strike on a school killed 30", "shelled the town, killing
    five": the verb tells the toll of the attack its subject or head names; one event, the attack's,
    with the verb's victims and time."""
    cands, absorbed, time_at = dict(frame.candidates), set(frame.absorbed), dict(frame.time_at)
    for i in sorted(cands):
        cand = cands[i]
        if i in absorbed or cand.token.pos_ != "VERB" or not is_violent(cand.cameo):
            continue
        for c in cand.token.children:
            noun = cands.get(c.i)
            if c.dep_ == "nsubj" and noun is not None and noun.trigger.pos == "NOUN" and \
                    is_violent(noun.cameo) and c.i not in absorbed:
                cands[c.i] = evolve(noun, absorbed=noun.absorbed | {i})
                absorbed.add(i)
                time_at = moved_times(time_at, c.i, i, only_if_none=True)
                break
            if _participle_toll(c, cands, frame.res.words):
                # "a bomb exploded near the station, killing five": the toll of the same attack
                cands[i] = cand = evolve(cand, absorbed=cand.absorbed | {c.i})
                absorbed.add(c.i)
                time_at = moved_times(time_at, i, c.i, only_if_none=True)
    return evolve(frame, candidates=cands, absorbed=frozenset(absorbed), time_at=time_at)


def fuse_aims(frame: SentenceFrame) -> SentenceFrame:
    """ "sanctions targeting Russia's fleet", "sanctions that target oil exports", "new sanctions hit
    banks", "strikes targeting commanders": said of a nominal event, "target" and "hit" tell whom it
    is aimed at; they are part of it, not an attack of their own."""
    words = frame.res.words
    cands, absorbed, time_at = dict(frame.candidates), set(frame.absorbed), dict(frame.time_at)
    for i in sorted(cands):
        verb = cands[i].token
        if i in absorbed or verb.lemma_.lower() not in words["aim_verb"]:
            continue
        carrier = _carrier(verb)
        if carrier is None:
            continue
        owner = carrier.i if carrier.i in cands and carrier.i not in absorbed else next(
            (j for j, c in cands.items() if carrier.i in c.absorbed and j not in absorbed), None)
        if owner is None or owner == i:
            continue
        cands[owner] = evolve(cands[owner], absorbed=cands[owner].absorbed | {i})
        absorbed.add(i)
        time_at = moved_times(time_at, owner, i, only_if_none=True)
    return evolve(frame, candidates=cands, absorbed=frozenset(absorbed), time_at=time_at)


def _carrier(verb: "Token") -> "Token | None":
    """The noun a verb says something of: its subject, the antecedent of its relative pronoun, or
    the noun a participle hangs on ("sanctions targeting ...")."""
    if verb.dep_ == "acl" or (verb.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.tag_ in {"WDT", "WP"} for c in verb.children)):
        return verb.head if verb.head.pos_ == "NOUN" else None
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    return subj[0] if subj else None


def echo_followed(frame: SentenceFrame) -> SentenceFrame:
    """ "X expelled two diplomats on Monday, followed by Y on Tuesday", "X closed its border,
    followed a day later by soldiers of Z": the party after "followed by" did the same, at the time
    "followed" gives; one more event of the kind the clause before reports."""
    words = frame.res.words
    cands = dict(frame.candidates)
    live = frame.live()
    for tok in frame.sent:
        if tok.i in cands or tok.dep_ not in {"advcl", "conj"} or \
                tok.lemma_.lower() not in words["sequel_verb"] or not any(c.dep_ == "agent" for c in tok.children):
            continue
        before = [c for i, c in live if i < tok.i]
        if not before:
            continue
        done = before[-1]
        cands[tok.i] = Candidate(tok, evolve(done.trigger, pos="VERB", frame="echo"), done.cameo)
    return evolve(frame, candidates=cands)


def _participle_toll(tok: "Token", cands: "Mapping[int, Candidate]", words: WordClasses) -> bool:
    """ "..., killing five", "..., wounding three soldiers": a participle with no subject of its own
    that tells the harm done."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or any(k.dep_ == "nsubj" for k in tok.children):
        return False
    own = cands.get(tok.i)
    if own is not None:
        return own.trigger.pos == "VERB" and own.cameo == Code.CONVENTIONAL_FORCE
    return tok.lemma_.lower() in words["harm_verb"]


def fuse_about(frame: SentenceFrame) -> SentenceFrame:
    """ "Open to talks", "urged a ceasefire", "threatened to cut aid": the inner event has not
    happened; it specifies the outer one, which takes a code for what it is about."""
    lex, sequence = frame.res.lexicon, frame.res.words["sequence_prep"]
    cands, absorbed, time_at = dict(frame.candidates), set(frame.absorbed), dict(frame.time_at)
    for i in sorted(cands):
        if i in absorbed:
            continue
        cand = cands[i]
        about = has_root(cand.cameo, *ABOUT_ROOTS) or cand.cameo == Code.OPTIMISTIC_COMMENT
        inners = sorted((c for c in cands.items() if c[0] != i), key=lambda c: hops(c[1].token, cand.token))
        for i2, inner in inners:
            if i2 in absorbed or inner.trigger.frame == "accuse" or \
                    (inner.token.pos_ == "VERB" and has_root(inner.cameo, *SPEECH_ROOTS)):
                continue  # a speech act of its own ("demanded ..., warning that ...")
            if inner.token.dep_ == "pobj" and inner.token.head.lower_ in sequence:
                continue  # "signed the document after talks hosted by X": the talks came first

            specific = lex.combine(cand.trigger.lemma, inner.cameo, cand.cameo, light=False)
            if not about and specific is None:
                continue
            if time_at.get(i2) and (inner.trigger.pos == "NOUN" and time_at.get(i) or
                                    has_root(inner.cameo, Root.CONSULT) and has_root(cand.cameo, Root.INTENT)):
                continue  # "announced on Dec 20 a truce from Dec 24", "agreed to meet next week": two events
            if under(inner.token, cand.token, _ABOUT_PATH, steps=4) and \
                    not between(inner.token, cand.token, cands, absorbed):
                code = lex.about(cand.trigger.lemma, cand.cameo, inner.cameo, inner.trigger.pos)
                cand = evolve(cand, cameo=code, absorbed=cand.absorbed | {i2} | inner.absorbed)
                cands[i] = cand
                absorbed.add(i2)
                time_at = moved_times(time_at, i, i2, only_if_none=True)
    return evolve(frame, candidates=cands, absorbed=frozenset(absorbed), time_at=time_at)
