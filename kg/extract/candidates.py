"""Pass 1: which tokens of a sentence are event triggers, and with which code.

Verb and noun triggers from the lexicon (with particles, objects and compounds: "call off",
"air raid"), phone calls, firing verbs whose weapon makes the attack, weapons refining a generic
attack, and seizures of territory.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.codebook import Code
from kg.extract.frame import Candidate, SentenceFrame
from kg.extract.sense import in_sense
from kg.extract.syntax import conjuncts_of, event_children, objects_of, prep_objects
from kg.lexicon import Lexicon, Trigger
from kg.model import evolve
from kg.words import WordClasses

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["find_candidates", "trigger_for"]

_TIME_ENTS = {"DATE", "TIME"}
_PARTY_ENTS = {"PERSON", "GPE", "ORG", "NORP"}


def find_candidates(frame: SentenceFrame) -> SentenceFrame:
    """The frame with its trigger candidates, their codes refined by weapon and object."""
    lex, words = frame.res.lexicon, frame.res.words
    cands: dict[int, Candidate] = {}
    for tok in frame.sent:
        t = trigger_for(tok, lex, words)
        if t is not None:
            t = None if _not_a_report(tok, t, words) else in_sense(tok, t, words, lex)
            if t is None:
                continue  # a reference or a sense that is no event
            code = _noun_code(tok, t.cameo, lex) if t.pos == "NOUN" else t.cameo
            cands[tok.i] = Candidate(tok, t, code)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in words["incursion_verb"] and _armed_entry(tok, frame):
            # "RSF fighters entered the neighbourhoods", "troops entered the town": force on the ground
            trig = Trigger(tok.lemma_.lower(), "VERB", Code.CONVENTIONAL_FORCE, "act")
            cands[tok.i] = Candidate(tok, trig, Code.CONVENTIONAL_FORCE)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in words["exit_verb"] and \
                _armed_entry(tok, frame, frozenset({"from"})):
            # "French troops left Niger", "the soldiers abandoned their positions": a withdrawal
            trig = Trigger(tok.lemma_.lower(), "VERB", Code.MILITARY_RETREAT, "act")
            cands[tok.i] = Candidate(tok, trig, Code.MILITARY_RETREAT)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in words["war_noun"] and _dated_outbreak(tok, words):
            # "the war that began on 24 February", "the conflict broke out in April 2023": a state
            # of war is background, but its dated outbreak is an event
            trig = Trigger(tok.lemma_.lower(), "NOUN", Code.CONVENTIONAL_FORCE, "war")
            cands[tok.i] = Candidate(tok, trig, Code.CONVENTIONAL_FORCE)
        elif tok.pos_ == "VERB" and _with_particle(tok) in words["blast_verb"] and _explosive(tok, words):
            # "a car bomb exploded", "militants detonated a roadside bomb": a bombing, by whoever set it
            trig = Trigger(_with_particle(tok), "VERB", Code.BOMBING, "act")
            cands[tok.i] = Candidate(tok, trig, Code.BOMBING)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in words["designate_verb"] and _as_terrorist(tok, words):
            # "designated 22 gangs as terrorist organisations": a restriction imposed on them
            trig = Trigger(tok.lemma_.lower(), "VERB", Code.RESTRICT, "act")
            cands[tok.i] = Candidate(tok, trig, Code.RESTRICT)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in words["fire_verb"]:
            # "launched a ballistic missile at X", "fired a wave of rockets": the weapon makes the attack
            weapons = [w for o in objects_of(tok, words) for w in (o, *prep_objects(o, {"of"}))]
            fired = next((c for c in (_weapon_code(w, lex) for w in weapons) if c), None)
            if fired and not _aimed(tok, words, frame):
                fired = Code.FORCE_DEMONSTRATION  # "fired a missile into the sea": a launch, no strike
            if fired:
                cands[tok.i] = Candidate(tok, Trigger(tok.lemma_.lower(), "VERB", fired, "act"), fired)
    return evolve(frame, candidates={i: _refined(c, frame) for i, c in cands.items()})


def _as_terrorist(verb: "Token", words: WordClasses) -> bool:
    """ "listed the group as a terrorist organisation", "designated them terrorists"."""
    terror = words["terror_word"]
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    named = prep_objects(verb, {"as"}) + [p for o in objs for p in prep_objects(o, {"as"})] + \
        [c for c in verb.children if c.dep_ in {"oprd", "xcomp"}] + objs[1:]
    return any(t.lower_ in terror for n in named for t in n.subtree)


def _with_particle(tok: "Token") -> str:
    """A verb's lemma with its particle: "blow up", "go off"."""
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    return f"{tok.lemma_.lower()} {prt}" if prt else tok.lemma_.lower()


def _explosive(verb: "Token", words: WordClasses) -> bool:
    """Is what blew up, or was set off, an explosive: "a car bomb", "a truck packed with explosives"?"""
    boom = words["explosive_noun"]
    parts = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    if verb.dep_ == "acl":  # "a vehicle with explosives detonated near ...", read as a reduced relative
        parts.append(verb.head)
    return any(t.lemma_.lower() in boom or t.lower_ in boom for c in parts
               for t in (c.subtree if c.head.i == verb.i else (c,)))


def _dated_outbreak(noun: "Token", words: WordClasses) -> bool:
    """Does a war noun begin at a written time: its verb ("the war began in 2022") or relative
    clause ("the conflict that erupted on 15 April") is an outbreak verb with a date of its own?"""
    verbs = [c for c in event_children(noun) if c.dep_ == "relcl"]
    if noun.dep_ == "nsubj":
        verbs.append(noun.head)
    return any(v.lemma_.lower() in words["outbreak_verb"] and
               any(t.ent_type_ == "DATE" for c in v.children if c.dep_ in {"prep", "npadvmod", "advmod"}
                   for t in c.subtree)
               for v in verbs)


def _armed_entry(tok: "Token", frame: SentenceFrame, preps: frozenset[str] = frozenset({"into"})) -> bool:
    """Armed men (forces, fighters, a force named by its state) entering (or leaving) a place."""
    words, index = frame.res.words, frame.index
    armed = words.union("force_noun", "armed_member_noun")
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    side = [t for s in subj for t in conjuncts_of(s)]
    if not any(t.lower_ in armed or t.lemma_.lower() in armed for t in side):
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"] + prep_objects(tok, preps)
    return any(o.lemma_.lower() in words["territory_noun"] or o.lower_ in words["territory_noun"] or
               (o.i in index.by_token and index.by_token[o.i].label in {"GPE", "LOC", "FAC"})
               for o in objs)


def _aimed(tok: "Token", words: WordClasses, frame: SentenceFrame) -> bool:
    """Does a firing verb name what it hit: a party or place aimed at ("at Israel", "on Kyiv"), a
    party as object, or a toll ("..., killing two")?"""
    aim = words["aim_prep"] | {"on"}
    hit = prep_objects(tok, aim) + [p for o in objects_of(tok, words) for p in prep_objects(o, aim)]
    if any(p.ent_type_ not in _TIME_ENTS for p in hit):  # "on Saturday" aims at nothing
        return True
    if any(c.dep_ == "dobj" and c.i in frame.index.by_token for c in tok.children):
        return True
    if _in_reprisal(tok, words):
        return True  # "fired the rockets to retaliate for ...": a reprisal strikes someone
    # "..., killing two", "..., damaging homes": a participle that tells what the fire did; a
    # clause with a subject or a conjunction of its own ("two days after the North threatened
    # ...") tells of another event
    return any(c.dep_ in {"advcl", "conj"} and (c.tag_ == "VBG" or trigger_for(c, frame.res.lexicon, words))
               and not any(k.dep_ in {"nsubj", "nsubjpass", "mark"} for k in c.children)
               for c in tok.children)


def _in_reprisal(tok: "Token", words: WordClasses) -> bool:
    """ "To retaliate for", "to avenge", "in retaliation for", "in revenge": fire as a reprisal."""
    return any(c.dep_ in {"xcomp", "advcl"} and c.lemma_.lower() in words["reprisal_verb"] or
               c.dep_ == "prep" and any(p.lemma_.lower() in words["reprisal_noun"] for p in c.children)
               for c in tok.children)


def _not_a_report(tok: "Token", t: Trigger, words: WordClasses) -> bool:
    if t.pos == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in words["reference_prep"] \
            and not (tok.head.lower_ == "under" and
                     tok.head.head.lemma_.lower() in words["undergo_verb"] | {"be", "remain"}):
        return True  # "under the agreement", "marched against the deal": a reference, not a report
    # "hundreds of rounds": ammunition
    return tok.lemma_.lower() == "round" and any(c.dep_ == "nummod" for c in tok.children) \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _refined(cand: Candidate, frame: SentenceFrame) -> Candidate:
    """A seizure of territory, or a generic attack made specific by what it was carried out with."""
    words, index = frame.res.words, frame.index
    if cand.trigger.lemma in words["seize_verb"] and any(
            o.i in index.by_token and index.by_token[o.i].label in {"GPE", "LOC", "FAC"} or
            o.lemma_.lower() in words["territory_noun"] for o in objects_of(cand.token, words)):
        return evolve(cand, cameo=Code.OCCUPY_TERRITORY)  # "seized the town of X": territory, not property
    if cand.token.pos_ == "VERB" and (cand.cameo in {Code.FIGHT, Code.CONVENTIONAL_FORCE} or
                                      cand.cameo == Code.BOMBING and  # "warplanes bombed": an air strike
                                      cand.trigger.lemma not in words["blast_verb"]):  # "a suicide bomber blew up"
        weapon = _instrument_code(cand.token, frame.res.lexicon, words)
        if weapon and cand.trigger.lemma in words["fire_verb"] and not _aimed(cand.token, words, frame):
            weapon = Code.FORCE_DEMONSTRATION  # "fired missiles into the sea": a launch, no strike
        return evolve(cand, cameo=weapon or cand.cameo)
    if cand.trigger.lemma in words["gathering_verb"] and any(
            c.dep_ == "nsubj" and _crowd(c, words) for c in cand.token.children):
        return evolve(cand, cameo=Code.DEMONSTRATE)  # "protesters gathered outside the embassy"
    return cand


def _crowd(tok: "Token", words: WordClasses) -> bool:
    """ "Protesters", "tens of thousands of people": a crowd, down a chain of "of" quantities."""
    for _ in range(4):
        if tok.lower_ in words["crowd_noun"] or tok.lemma_.lower() in words["crowd_noun"]:
            return True
        nxt = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj"), None)
        if nxt is None:
            return False
        tok = nxt
    return False


def trigger_for(tok: "Token", lex: Lexicon, words: WordClasses) -> Trigger | None:
    """The lexicon entry ``tok`` triggers in its syntax, if any."""
    pos = tok.pos_
    if pos in {"VERB", "AUX"} or (pos == "NOUN" and tok.tag_.startswith("VB")):
        return _verb_trigger(tok, lex, words)
    if pos == "NOUN" and tok.lower_.endswith("ing") and any(c.dep_ == "nsubj" for c in tok.children):
        # "with the US warning it had indications": a gerund with a subject of its own, which
        # the tagger took for a noun, is a verb (a noun has no subject)
        t = _gerund_trigger(tok, lex)
        if t is not None:
            return t
    if pos in {"NOUN", "PROPN"}:
        if tok.dep_ == "compound" and tok.head.pos_ in {"NOUN", "PROPN"}:
            return None  # "ceasefire violations", "air raid alerts": the head noun is the event
        lemma = tok.lemma_.lower()
        for child in tok.children:
            if child.dep_ in {"compound", "amod"}:  # "air strike", "martial law"
                t = lex.get(f"{child.lower_} {lemma}", "NOUN")
                if t:
                    return t
        if pos == "PROPN" and tok.ent_type_ in _TIME_ENTS:
            return None  # "in March", "March 1": a month, not a march
        return lex.get(lemma, "NOUN") or (lex.get(tok.lower_, "NOUN") if pos == "PROPN" else None)
    if pos == "ADJ" and tok.dep_ in {"acomp", "amod", "attr", "ROOT", "conj"}:
        t = lex.get(tok.lemma_.lower(), "ADJ")
        if t and any(c.dep_ in {"prep", "xcomp"} for c in tok.children):
            return t
    return None


def _gerund_trigger(tok: "Token", lex: Lexicon) -> Trigger | None:
    """The verb entry of an "-ing" form: "warning" -> warn, "saying" -> say, "vowing" -> vow,
    "shelling" -> shell, "planning" -> plan."""
    stem = tok.lower_[:-3]
    forms = (stem, stem + "e") + ((stem[:-1],) if len(stem) > 2 and stem[-1] == stem[-2] else ())
    return next((t for t in (lex.get(f, "VERB") for f in forms) if t is not None), None)


def _verb_trigger(tok: "Token", lex: Lexicon, words: WordClasses) -> Trigger | None:
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.i > tok.i and child.dep_ in {"prt", "prep", "advmod", "dobj"}:
            if child.dep_ == "prep" and any(g.ent_type_ in _TIME_ENTS for g in child.children):
                continue  # "called Putin on Monday" is no "call on"
            word = child.lower_ if child.dep_ != "dobj" else child.lemma_.lower()
            t = lex.get(f"{lemma} {word}", "VERB")
            if t:
                return None if t.cameo.startswith("04") and _to_the_press(tok, words) else t
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "ADP" and nxt.dep_ not in {"prep", "prt", "agent"}:
        t = lex.get(f"{lemma} {nxt.lower_}", "VERB")  # "handed over 20 hostages": the parser took
        if t:                                          # the particle for "over 20"
            return t
    if lemma in words["phone_verb"] and _calls_someone(tok):
        return lex.get("phone", "VERB")
    if lemma in {"speak", "talk"} and any(c.dep_ == "prep" and c.lower_ == "by" and any(
            g.lemma_.lower() in words["phone_medium"] for g in c.children) for c in tok.children):
        return lex.get("phone", "VERB")  # "spoke by phone", "speak by hotline"
    t = lex.get(lemma, "VERB")
    if t is not None and t.cameo.startswith("04") and _to_the_press(tok, words):
        return None  # "told reporters", "spoke to state media": a statement, not a meeting
    return t


def _to_the_press(tok: "Token", words: WordClasses) -> bool:
    press = words["press_noun"]
    objs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "with"}
            for p in c.children if p.dep_ == "pobj"] + [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objs) and all(o.lemma_.lower() in press or o.lower_ in press for o in objs)


def _calls_someone(tok: "Token") -> bool:
    """ "Trump called Putin": a phone call; "called it a milestone", "called for": not."""
    kids = list(tok.children)
    if any(c.dep_ in {"oprd", "xcomp", "ccomp", "prt"} and c.pos_ != "VERB" for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"for", "on", "off"} and
           not any(g.ent_type_ in _TIME_ENTS for g in c.children) for c in kids):
        return False
    return any(c.dep_ == "dobj" and (c.ent_type_ in _PARTY_ENTS or c.pos_ == "PROPN") for c in kids)


def _weapon_code(noun: "Token", lex: Lexicon) -> str | None:
    """The attack code a weapon noun implies: "warplanes", "air strike", "artillery shells" -> 195/194."""
    for tok in (noun, *(c for c in noun.children if c.dep_ in {"compound", "amod"})):
        mod = lex.get(tok.lemma_.lower(), "MOD") or lex.get(tok.lower_, "MOD")
        if mod is not None:
            return mod.cameo
    return None


def _noun_code(tok: "Token", code: str, lex: Lexicon) -> str:
    """Refine an attack noun by its weapon: "drone attacks" -> 195, "artillery strikes" -> 194."""
    if code.startswith(Code.FIGHT):
        for child in tok.children:
            mod = _weapon_code(child, lex) if child.dep_ in {"compound", "amod"} else None
            if mod is not None:
                return mod
    return code


def _instrument_code(tok: "Token", lex: Lexicon, words: WordClasses) -> str | None:
    """Refine a generic attack verb by what it was carried out with: its subject ("warplanes struck"),
    passive agent ("hit by drones"), "with" or "from" object or direct object ("fired rockets")."""
    nouns = [c for c in tok.children if c.dep_ in {"nsubj", "dobj"}]
    # "bombed targets from fighter jets", "struck from the air": the platform is the instrument too
    nouns += [p for c in tok.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in {"with", "from"})
              for p in c.children if p.dep_ == "pobj"]
    for n in nouns + [q for n in nouns for q in prep_objects(n, {"of"})]:  # "dozens of rockets"
        code = _weapon_code(n, lex)
        if code is not None:
            return code
    return None
