"""Sense tests: a trigger word used in a sense that is no event ("released a video", "returned home",
"missiles flew 300 km", "posed a threat", "militias opposed to the government").

Each test reads the trigger's arguments, not the word alone: what it acts on (a thing handed over or a
piece of information), whether its subject can act at all, and whether the clause states an act or a
standing state. The word classes are in kg/data/words.tsv.
"""
from __future__ import annotations

from typing import TYPE_CHECKING


from kg.codebook import Code, Root, has_root
from kg.lexicon import Lexicon, Trigger
from kg.model import evolve
from kg.words import WordClasses

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["in_sense", "standing_state"]

# handing over, giving and offering: their object is the thing given
_TRANSFER_ROOTS = (Root.INTENT, Root.AID, Root.YIELD)


def in_sense(tok: "Token", t: Trigger, words: WordClasses, lex: Lexicon) -> Trigger | None:
    """The trigger ``t`` at ``tok`` in the sense its arguments give it: itself, a statement (when
    what it hands over is information), or None when it reports no event."""
    if t.cameo == Code.VIOLATE_CEASEFIRE and _breaks_a_norm(tok, words):
        return None  # "a breach of Security Council resolutions", "a violation of sovereignty"
    if t.pos != "VERB":
        return None if _posed_danger(tok, t, words) else t
    if has_root(t.cameo, *_TRANSFER_ROOTS) and _information_given(tok, words):
        # "released images of the men", "provided the information": a communication
        return evolve(t, cameo=Code.STATEMENT, frame="act")
    if t.lemma in words["theme_verb"] and not _theme(tok):
        return None  # "returned home", "return to the table": coming back, not handing back
    if has_root(t.cameo, Root.CONSULT) and (_inanimate_subject(tok, words, lex) or
                                            _given_not_met(tok, words)):
        return None  # "the missiles flew 370 km", "bases hosting troops", "receiving medical help"
    if t.lemma in words["attendance_verb"] and not _meeting_attended(tok, words, lex):
        return None  # "were attending a music festival": a setting, not a meeting
    if t.lemma in words["stance_verb"] and tok.dep_ == "acl" and tok.tag_ == "VBN":
        return None  # "militias opposed to the government", "farmers backed by gunmen": who they are
    if t.lemma in words["stance_verb"] and any(c.dep_ == "nsubj" and _is(c, words["force_noun"])
                                               for c in tok.children):
        return None  # "artillery supported the ground troops": part of an operation, not an endorsement
    if standing_state(tok) and has_root(t.cameo, Root.FORCE_POSTURE):
        return None
    return t


def standing_state(verb: "Token") -> bool:
    """ "Troops are stationed there", "the forces deployed along the border": a present passive with
    no agent says where forces stand, not that anyone moved them."""
    if verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in verb.children):
        return False
    if verb.dep_ == "acl":  # "troops deployed along the border", unless dated: "sent on Monday"
        return not any(t.ent_type_ in {"DATE", "TIME"} for t in verb.subtree)
    aux = [c for c in verb.children if c.dep_ in {"auxpass", "aux"}]
    return bool(aux) and all(a.dep_ == "auxpass" and a.tag_ in {"VBP", "VBZ"} for a in aux)


def _information_given(verb: "Token", words: WordClasses) -> bool:
    """What is handed over is information: the object ("released images"), or what follows
    "with" when the object is the party given it ("provided Kyiv with the details")."""
    given = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
             for p in c.children if p.dep_ == "pobj"]
    objs = given or [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return bool(objs) and all(_is(o, words["information_noun"]) for o in objs)


def _theme(verb: "Token") -> bool:
    """Does the verb name what is handed over (its object, or its passive subject)?"""
    if any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children):
        return True
    # "the ships were seized and returned": the passive subject is shared
    return verb.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in verb.head.children)


def _inanimate_subject(verb: "Token", words: WordClasses, lex: Lexicon) -> bool:
    """A weapon or a building as the subject of a meeting or visit verb cannot meet anyone."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":  # "the missiles were launched and flew 300 km"
        subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for s in subjects:
        weapon = any(lex.get(f, "MOD") for f in _forms(s))
        if (weapon and not s.ent_type_) or _is(s, words["explosive_noun"] | words["facility_noun"]):
            return True
    # "bases hosting coalition troops"
    return verb.dep_ == "acl" and _is(verb.head, words["facility_noun"])


def _given_not_met(verb: "Token", words: WordClasses) -> bool:
    """ "Receiving medical help", "hosted talks' information": a meeting verb whose object is aid or
    information receives a thing, not a visitor."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    given = words.union("aid_noun", "information_noun")
    return bool(objs) and all(_is(o, given) for o in objs)


_PARTY_ENTS = frozenset({"ORG", "NORP", "GPE", "PERSON"})


def _meeting_attended(verb: "Token", words: WordClasses, lex: Lexicon) -> bool:
    """What is attended is a meeting ("the summit", "talks"), a state ceremony ("the funeral"), or
    names a party ("the NATO gathering"); with no object, or a relative pronoun for one, the verb
    is read as it stands."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if any(o.lower_ in {"that", "which", "what"} for o in objs):
        return True  # "the summit that he will attend": the parser's antecedent is not to be trusted
    for o in objs:
        found = next((f for f in map(lambda w: lex.get(w, "NOUN"), _forms(o)) if f is not None), None)
        if found is not None and has_root(found.cameo, Root.CONSULT) or _is(o, words["ceremony_noun"]):
            return True
        if o.ent_type_ in _PARTY_ENTS or any(c.ent_type_ in _PARTY_ENTS for c in o.children
                                             if c.dep_ in {"compound", "poss", "amod"}):
            return True
    return not objs


def _breaks_a_norm(tok: "Token", words: WordClasses) -> bool:
    """A violation whose object is a law, a resolution or a border's sovereignty, not a truce."""
    broken = [c for c in tok.children if c.dep_ == "dobj"] + \
        [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return bool(broken) and all(_is(b, words["norm_noun"]) for b in broken)


def _posed_danger(noun: "Token", t: Trigger, words: WordClasses) -> bool:
    """ "Villages that posed a threat", "faces the risk of": a danger someone is, not a threat made."""
    return has_root(t.cameo, Root.THREATEN) and noun.dep_ == "dobj" and \
        noun.head.lemma_.lower() in words["danger_verb"]


def _forms(tok: "Token") -> set[str]:
    # the tagger's lemma is not always the noun's ("bases" -> "basis"): try the plain singular too
    low = tok.lower_
    return {tok.lemma_.lower(), low, low[:-1] if low.endswith("s") else low}


def _is(tok: "Token", cls: frozenset[str]) -> bool:
    return not _forms(tok).isdisjoint(cls)
