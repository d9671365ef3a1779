"""Who took part in an event and where: participants and places from the dependency parse.

Subjects (through control, coordination and reduced relatives), passive agents, objects and
prepositional partners, the bodies, forces and members that stand for a state or group, and
places down prepositional chains. ``verbal_roles`` and ``nominal_roles`` are the assembly step
that gives an event draft its sources and targets.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.codebook import COERCIVE_ROOTS, Code, Root, has_root, is_violent
from kg.extract.arguments import MentionIndex
from kg.extract.frame import Draft, SentenceFrame
from kg.extract.mentions import accusation_from
from kg.extract.syntax import agent_of, conjuncts_of, objects_of, prep_objects, subject_of
from kg.model import EntityMention, evolve
from kg.words import WordClasses

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["mention_for", "participants_of", "find_places", "verbal_roles", "nominal_roles",
           "accusation", "patient_preps"]

_PARTNER_PREPS = {"with", "between", "against", "on", "to"}
_INNER_TARGET_PREPS = {"against", "on", "with", "to"}


def _head_nouns(words: WordClasses) -> frozenset[str]:
    return words.union("institution_noun", "force_noun", "role_noun", "people_group_noun", "member_noun")


def mention_for(tok: "Token", index: MentionIndex, words: WordClasses) -> list[EntityMention]:
    """The entity mention(s) a participant token stands for."""
    m = index.by_token.get(tok.i)
    if m is not None:
        return [m]
    low, lemma = tok.lower_, tok.lemma_.lower()
    out: list[EntityMention] = []
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return out
    # "Pakistan's foreign office", "Sudanese and Ethiopian troops", "representatives from the US"
    heads = _head_nouns(words)
    head_noun = low in heads or lemma in heads
    for c in tok.children:
        if c.dep_ in {"poss", "compound", "amod", "nmod"} and (head_noun or c.i in index.by_token):
            for q in conjuncts_of(c):
                out.extend(mention_for(q, index, words))
        elif c.dep_ == "prep" and (c.lower_ in {"from", "of"} or c.lower_ == "for" and low in words["role_noun"]) and \
                (low in words.union("people_group_noun", "member_noun") or head_noun):
            # "a spokesman for the Houthis" speaks for them
            for p in c.children:
                if p.dep_ == "pobj":
                    for q in conjuncts_of(p):
                        out.extend(mention_for(q, index, words))
        elif c.dep_ == "appos":
            out.extend(mention_for(c, index, words))
    return out


def participants_of(toks: list["Token"], index: MentionIndex, words: WordClasses) -> list[EntityMention]:
    """The parties that tokens (and their conjuncts) stand for; a place only if it can act."""
    out: list[EntityMention] = []
    for t in toks:
        for c in conjuncts_of(t):
            for m in mention_for(c, index, words):
                if m not in out:
                    out.append(m)
    return [m for m in out if m.role != "place" or m.label in {"GPE", "NORP", "ORG", "PERSON"}]


def find_places(heads: list["Token"], index: MentionIndex, cameo: str, words: WordClasses) -> list[EntityMention]:
    """Places linked to the event by locative prepositions, down prepositional chains
    ("a strike on a house in Rafah", "near the town of Saravena")."""
    out: list[EntityMention] = []
    preps = words["loc_prep"] | ({"to"} if has_root(cameo, Root.CONSULT) else set())
    todo = [(h, 0) for h in heads]
    todo += [(c, 0) for h in heads for c in h.children if c.dep_ in {"dobj", "nsubjpass"}
             and c.lower_ not in words["people_group_noun"]]
    seen: set[int] = set()
    while todo:
        h, depth = todo.pop(0)
        if h.i in seen or depth > 2:
            continue
        seen.add(h.i)
        for c in h.children:
            if c.dep_ == "advmod" and c.lower_ in words["compass_word"]:
                todo.append((c, depth))  # "villages west of Mogadishu": the place is under the direction
                continue
            if c.dep_ not in {"prep", "dative"}:
                continue
            # "attacked the town of X", "30 km north of X"
            place_noun = h.lemma_.lower() in words["place_noun"] or h.lower_ in words["compass_word"]
            if c.lower_ not in preps and not ((depth or place_noun) and c.lower_ == "of"):
                # "summoned the ambassador to the ministry in Manila": look inside, take nothing here
                todo += [(p, depth + 1) for p in c.children if p.dep_ == "pobj"]
                continue
            # "from near Sondok": a preposition may govern another before its object
            objs = [p for p in c.children if p.dep_ == "pobj"] + \
                [g for p in c.children if p.dep_ in {"prep", "pcomp"} for g in p.children if g.dep_ == "pobj"]
            for pobj in objs:
                for q in conjuncts_of(pobj):
                    _add_places(q, index, out)
                    todo.append((q, depth + 1))
    return out


def _add_places(q: "Token", index: MentionIndex, out: list[EntityMention]) -> None:
    for t in [q] + [k for k in q.children if k.dep_ in {"compound", "poss"}]:
        m = index.by_token.get(t.i)
        # the syntax outranks a wrong NER label ("marched through Yerevan" as PERSON)
        if m is not None and m.role != "actor" and m not in out and \
                (m.label in {"GPE", "LOC", "FAC", "PROPN"} or m.role == "place"):
            out.append(m)


def patient_preps(cameo: str) -> set[str]:
    """ "the expulsion of the French ambassador", "the killing of its commander": for a coercive or
    violent nominal, "of" names who undergoes it (an agent comes with "by")."""
    return {"of"} if is_violent(cameo) or has_root(cameo, *COERCIVE_ROOTS) else set()


def accusation(verb: "Token", index: MentionIndex, words: WordClasses) -> tuple[list[EntityMention], list[EntityMention]]:
    """(accused, accuser) of an accusing verb: "X accused Y of ..." -> ([Y], [X])."""
    subj, _ = subject_of(verb)
    accuser = participants_of(subj, index, words)
    objs = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    accused = participants_of(objs, index, words)
    # "blamed the attack on the militia": the act is the object, the accused comes with "on"
    on = prep_objects(verb, {"on"}) + [p for o in objs for p in prep_objects(o, {"on"})]
    return accused or participants_of(on, index, words), accuser


def verbal_roles(draft: Draft, frame: SentenceFrame) -> Draft:
    """Sources and targets of a verb (or adjective) trigger: subject, passive agent, objects,
    partners of fused nominals, what a demand or threat is about, mediated parties."""
    index, words = frame.index, frame.res.words
    cand = draft.cand
    tok, trig = cand.token, cand.trigger

    def P(toks: list["Token"]) -> list[EntityMention]:
        return participants_of(toks, index, words)

    if trig.pos == "ADJ":
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"] if tok.dep_ == "acomp" else \
            [c for c in tok.children if c.dep_ == "nsubj"]
        passive = False
    else:
        subj, passive = subject_of(tok)
    if trig.frame == "echo":  # "..., followed by Y": Y did it; whom to, the clause before says
        return evolve(draft, sources=tuple(P(agent_of(tok))))
    if passive or trig.frame == "undergo":
        sources, targets = P(agent_of(tok)), P(subj)
        if passive:  # "sanctions were imposed on Iran by the US"
            targets += P(prep_objects(tok, words["aim_prep"] | {"on"}))
    else:
        sources = P(subj)
        objs = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
        # "announced sanctions against X": a fused statement takes the measure's targets
        preps = words["target_prep"] if trig.frame != "say" or cand.absorbed else {"to", "with"}
        targets = P(objs) + P(prep_objects(tok, preps))
        for ab in sorted(cand.absorbed):  # "held talks with X": the nominal's partners
            n = tok.doc[ab]
            targets += P(prep_objects(n, _PARTNER_PREPS | patient_preps(cand.cameo)))
            if not sources:
                sources = P([c for c in n.children if c.dep_ == "poss"])
    targets += _inner_targets(draft, frame)
    if cand.cameo.startswith(Code.MEDIATE):
        targets += _mediated(tok, targets, frame)
    if trig.frame == "meet" and len(sources) > 1 and not targets:
        sources, targets = sources[:1], sources[1:]
    return evolve(draft, sources=tuple(sources), targets=tuple(targets))


def _inner_targets(draft: Draft, frame: SentenceFrame) -> list[EntityMention]:
    """ "demanded that Kosovo withdraw", "threatened action against South Korea": whom the
    fused inner events are aimed at."""
    index, words = frame.index, frame.res.words
    targets: list[EntityMention] = []
    for ab in sorted(draft.cand.absorbed):
        inner = draft.cand.token.doc[ab]
        if inner.pos_ in {"VERB", "AUX"}:
            own_subj = [c for c in inner.children if c.dep_ in {"nsubj", "nsubjpass"}]
            targets += participants_of(own_subj, index, words)
            targets += participants_of([c for c in inner.children if c.dep_ in {"dobj", "dative"}], index, words)
            targets += participants_of(prep_objects(inner, words["target_prep"]), index, words)
            for o in objects_of(inner, words):
                targets += participants_of(prep_objects(o, _INNER_TARGET_PREPS), index, words)
        else:
            targets += participants_of(prep_objects(inner, _INNER_TARGET_PREPS | {"between"}), index, words)
    return targets


def _mediated(tok: "Token", targets: list[EntityMention], frame: SentenceFrame) -> list[EntityMention]:
    """The parties a mediator brings together ("mediated between X and Y", "a deal brokered by X")."""
    index, words = frame.index, frame.res.words
    found: list[EntityMention] = []
    for o in objects_of(tok, words):
        found += participants_of(prep_objects(o, {"between", "with"}), index, words)
    if tok.dep_ == "acl" and not (targets or found):  # "a deal brokered by the UAE": the deal's parties
        gov = tok.head.head.head if tok.head.dep_ == "pobj" else tok.head.head
        if gov.pos_ == "VERB":
            found += participants_of(subject_of(gov)[0], index, words)
    return found


def nominal_roles(draft: Draft, frame: SentenceFrame) -> Draft:
    """Sources and targets of a nominal event: "by" agents and possessors, "between" pairs,
    national modifiers ("Russian strikes"), partners and patients, who is accused of it, who
    reports it, and the subject of a verb that joins or makes it."""
    index, words = frame.index, frame.res.words
    cand, tok = draft.cand, draft.cand.token

    def P(toks: list["Token"]) -> list[EntityMention]:
        return participants_of(toks, index, words)

    kids = list(tok.children)
    # "talks of X and Y", "the withdrawal of Russian troops": "of" names who takes part or withdraws
    agent_preps = {"by", "of"} if has_root(cand.cameo, Root.CONSULT) or \
        cand.cameo.startswith(Code.MILITARY_RETREAT) else {"by"}
    by = [p for c in kids if c.dep_ == "prep" and c.lower_ in agent_preps for p in c.children if p.dep_ == "pobj"]
    if tok.dep_ == "nsubjpass":  # "the march was organised by X", "the call was initiated by Y"
        by += agent_of(tok.head)
    # "an attack carried out by jihadists", "strikes conducted by the air force"
    by += [a for c in kids if c.dep_ == "acl" and c.lemma_.lower() in words["perform_verb"] for a in agent_of(c)]
    targets: list[EntityMention] = []
    if draft.anchor.i != tok.i and draft.anchor.dep_ in {"acl", "relcl"}:  # "talks hosted by Switzerland"
        targets += P(agent_of(draft.anchor))
    poss = [c for c in kids if c.dep_ == "poss"]
    sources = P(by + poss)
    between = prep_objects(tok, {"between"})
    if between:
        both, named = P(between), sources
        sources, targets = (named or both[:1]), [m for m in both if m not in named[:1]]
    # "Russian strikes": the modifier acts; "the Ukraine war", "the Syrian conflict": it names the theatre
    mod_m = P([c for c in kids if c.dep_ in {"amod", "compound", "nmod"} and c.i in index.by_token]) \
        if cand.trigger.frame != "war" else []
    if mod_m:
        if sources:
            targets += [m for m in mod_m if m not in sources]
        else:
            sources, targets = mod_m[:1], mod_m[1:] + targets
    targets += P(prep_objects(tok, _PARTNER_PREPS - {"between"} | {"toward", "towards"} | patient_preps(cand.cameo)))
    for ab in sorted(cand.absorbed):  # "the raid killed three Palestinians"
        if tok.doc[ab].pos_ == "VERB":
            targets += P([c for c in tok.doc[ab].children if c.dep_ == "dobj"])
    claimed_by: list[EntityMention] = []
    if tok.i in frame.claims:
        accused, accuser = accusation(frame.claims[tok.i], index, words)
        sources, claimed_by = (sources or accused), accuser
        targets = targets or list(accuser)
    draft = evolve(draft, sources=tuple(sources), targets=tuple(targets), claimed_by=tuple(claimed_by))
    return _nominal_participation(_reported_violence(draft, frame), frame)


def _reported_violence(draft: Draft, frame: SentenceFrame) -> Draft:
    """ "X reported 3,000 violations by Y": the report is an accusation, the violations a claim."""
    tok, words = draft.cand.token, frame.res.words
    head = tok.head if tok.dep_ == "dobj" else None
    if head is None or head.lemma_.lower() not in words["report_verb"] or not is_violent(draft.cand.cameo) \
            or head.i in frame.candidates:
        return draft
    accusers = tuple(participants_of(subject_of(head)[0], frame.index, words))
    if not (accusers and draft.sources):
        return draft
    targets = draft.targets or tuple(m for m in accusers if m not in draft.sources)
    extra = draft.extra + (accusation_from(head, accusers, draft.sources, frame),)
    return evolve(draft, targets=targets, claimed_by=accusers, extra=extra)


def _nominal_participation(draft: Draft, frame: SentenceFrame) -> Draft:
    """Parties of a nominal event that names none: "after three days of talks in Doha, X and Y
    signed ...", "the envoy led the team at the talks", "the ELN announced a truce from ..."."""
    if draft.sources:
        return draft
    index, words, lex = frame.index, frame.res.words, frame.res.lexicon
    tok, cameo = draft.cand.token, draft.cand.cameo
    if not draft.targets and has_root(cameo, Root.CONSULT) and tok.dep_ == "pobj" and \
            tok.head.lower_ in words["sequence_prep"] and tok.head.head.pos_ == "VERB":
        both = participants_of(subject_of(tok.head.head)[0], index, words)
        draft = evolve(draft, sources=tuple(both[:1]), targets=tuple(both[1:]))
        if draft.sources:
            return draft
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.dep_ == "dobj" else None
    # only a verb known to make this kind of event ("announced ... a truce from ...") lends it its
    # subject; a reaction ("condemned the launch") is to someone else's event
    makes = tok.dep_ == "dobj" and verb is not None and lex.combine(verb.lemma_.lower(), cameo, None) is not None
    if verb is not None and (verb.lemma_.lower() in words["join_verb"] or makes):
        subj, passive = subject_of(verb)
        if not passive:
            return evolve(draft, sources=tuple(participants_of(subj, index, words)))
    return draft
