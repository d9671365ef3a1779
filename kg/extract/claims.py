"""Who says so: accusations claim the events they are about ("X accused Y of launching attacks":
the attacks are Y's, claimed by X), and reported speech claims the reported event ("X said Y
had attacked"); saying that another party attacked or broke a truce is itself an accusation,
and what else a statement says types it (kg.extract.speech)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.codebook import SPEECH_ROOTS, Code, has_root, is_violent
from kg.extract.frame import Candidate, Draft, SentenceFrame
from kg.extract.mentions import accusation_from
from kg.extract.roles import accusation, participants_of
from kg.extract.speech import (act_beside, blame_of, clauses_of, content_of, directive, document_issuer, evaluation_of,
                               first_party_before, first_person, future_act, judged_roles, reported_events,
                               reporter_of, same_side, vowed_reprisal, warned_of_other, warning_of)
from kg.extract.syntax import subject_of, under
from kg.extract.views import shared_view
from kg.model import EntityMention, evolve
from kg.text import name_key

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["find_claims", "accused_claims", "reported_claims", "reporter_of", "statement"]

_ACCUSED_PATH = {"pcomp", "pobj", "prep", "dobj", "conj"}


def find_claims(frame: SentenceFrame) -> SentenceFrame:
    """Each candidate under an accusing verb is claimed by that verb's subject."""
    claims: dict[int, "Token"] = {}
    for cand in frame.candidates.values():
        if cand.trigger.frame == "accuse":
            for i2, c2 in frame.candidates.items():
                if c2 is not cand and under(c2.token, cand.token, _ACCUSED_PATH):
                    claims[i2] = cand.token
    return evolve(frame, claims=claims)


def accused_claims(draft: Draft, frame: SentenceFrame) -> Draft:
    """A verb under an accusation ("accused Y of launching attacks") is the accused's, claimed by
    the accuser; if the verb names its own subject, only the claim is added."""
    tok = draft.cand.token
    if tok.i not in frame.claims:
        return draft
    accused, accuser = accusation(frame.claims[tok.i], frame.index, frame.res.words)
    if draft.sources:
        return evolve(draft, claimed_by=tuple(accuser))
    return evolve(draft, sources=tuple(accused), claimed_by=tuple(accuser),
                   targets=draft.targets or tuple(accuser))


def reported_claims(draft: Draft, frame: SentenceFrame) -> Draft:
    """ "X's ministry said Armenian forces had fired on its positions": claimed by X, and an attack
    that names no victim is reported by its victim's side."""
    if draft.claimed_by:
        return draft
    words = frame.res.words
    reporter = reporter_of(draft.cand.token, words)
    if reporter is None:
        return draft
    sources, targets = draft.sources, draft.targets
    claimed_by = tuple(m for m in participants_of(subject_of(reporter)[0], frame.index, words)
                       if m not in sources)
    if not sources and first_person(draft.anchor):  # "'We hold X responsible,' the ministry said"
        return evolve(draft, sources=claimed_by)
    if is_violent(draft.cand.cameo) and sources and not targets and not same_side(sources, claimed_by, frame):
        targets = claimed_by  # "said its forces struck": the speaker is no victim of its own strike
    extra = draft.extra
    if draft.cand.cameo.startswith(Code.VIOLATE_CEASEFIRE) and sources and claimed_by:
        # "X said Y had violated the ceasefire": saying so is accusing Y
        extra += (accusation_from(reporter, claimed_by, sources, frame),)
    return evolve(draft, targets=targets, claimed_by=claimed_by, extra=extra)


def statement(draft: Draft, frame: SentenceFrame) -> Draft:
    """A plain statement ("said", "confirmed", "told") is an event when a party with a public voice
    makes it: a state, an organisation, a named official or spokesperson, not a passer-by. What it
    says types it: saying that another party used force names who is to blame (112); announcing
    one's own future help or force commits (03) or threatens (13); judging an act reckless
    criticises (111); telling a party to act demands (10) (kg.extract.speech)."""
    draft = judged_roles(document_issuer(draft, frame), frame)
    if draft.cand.trigger.frame == "accuse" and not draft.targets:  # "blamed the attack on X"
        return evolve(draft, targets=tuple(accusation(draft.cand.token, frame.index, frame.res.words)[0]))
    if draft.cand.trigger.frame == "speak":
        return directive(vowed_reprisal(warned_of_other(draft, frame), frame), frame)
    if draft.cand.cameo != Code.STATEMENT or draft.cand.trigger.frame != "say":
        return shared_view(draft, frame)
    speakers = tuple(m for m in draft.sources if _public_voice(m, frame) and not _correspondent(m, frame))
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in draft.cand.token.children)
    # "..., it said": a body named before speaks; its words count where they do something
    pronouns = tuple(m for m in draft.sources if m.label == "PRON" and m.text in frame.res.words["collective_pronoun"])
    if not (speakers or pronouns) or passive:  # "Kashmir is claimed by both": no one speaks here
        return evolve(draft, sources=(), targets=())
    tok = draft.cand.token
    reported = list(reported_events(tok, frame))
    if _one_act(tok, reported, speakers or pronouns, frame):
        return evolve(draft, sources=(), targets=())
    clauses = clauses_of(tok)
    if not speakers:
        return _pronoun_statement(draft, clauses, reported, pronouns, frame)
    warned = warning_of(clauses, speakers, frame)  # "said the raid would pose a danger to ...": a warning
    accused = () if warned else _accused_by_report(reported, speakers, frame)
    if accused:
        cand = evolve(draft.cand, cameo=Code.ACCUSE)
        return evolve(draft, cand=cand, sources=speakers, targets=accused)
    typed = warned or content_of(clauses, reported, speakers, frame)
    if typed and len(clauses) > 1:  # says more than this: the statement and the act
        draft = evolve(draft, extra=draft.extra + (act_beside(tok, typed, speakers, frame),))
    elif typed:
        code, targets, _ = typed
        return evolve(draft, cand=evolve(draft.cand, cameo=code), sources=speakers,
                       targets=targets or draft.targets)
    # whom it was said to, where named ("informed Turkey"), or whom it tells to act
    return directive(evolve(draft, sources=speakers), frame)


def _pronoun_statement(draft: Draft, clauses: list["Token"], reported: list[tuple[Candidate, Draft]],
                       speakers: tuple[EntityMention, ...], frame: SentenceFrame) -> Draft:
    """ "..., it said", "they said": a body named before speaks (the resolve stage finds which).
    A plain report from it is no event of its own, but what its words do is: "the jets acted in
    a reckless manner," it said criticises (111), a warning threatens (13)."""
    typed = warning_of(clauses, speakers, frame) or evaluation_of(clauses, speakers, frame) or \
        blame_of(clauses, speakers, frame)
    if typed is None:
        return evolve(draft, sources=(), targets=())
    code, targets, _ = typed
    # "it" after a report names the body that spoke in the sentence before ("X said ... . '...,' it said")
    before = [m for m in first_party_before(frame) if m.label != "PRON"]
    speakers = tuple(before) or speakers
    return evolve(draft, cand=evolve(draft.cand, cameo=code), sources=speakers,
                   targets=tuple(m for m in targets if m not in speakers))


def _one_act(tok: "Token", reported: list[tuple[Candidate, Draft]], speakers: tuple[EntityMention, ...],
             frame: SentenceFrame) -> bool:
    """The speech act the speaker's words make is the event, the saying no second one: "'We hold
    X responsible,' Y said", "Y said it condemned ...", "confirmed the visit, calling it ..."."""
    if any((c.trigger.frame in {"accuse", "judge"} or c.verbal and has_root(c.cameo, *SPEECH_ROOTS))
           and (same_side(inner.sources, speakers, frame) or first_person(c.token))
           and not _told_after(c.token, frame) for c, inner in reported):
        return True
    return any(c.trigger.frame == "judge" and c.token.head.i == tok.i and c.token.dep_ in {"advcl", "conj"}
               for _, c in frame.live())


def _told_after(tok: "Token", frame: SentenceFrame) -> bool:
    """An act the saying reports as done before it ("said it had summoned the ambassador on
    Monday"): an act of its own, not the words of this statement."""
    return tok.i in frame.time_at or any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)


def _public_voice(m: EntityMention, frame: SentenceFrame) -> bool:
    """A state, organisation or role ("the minister"), or a person the article gives a title
    ("Kremlin spokesman Dmitry Peskov", later just "Peskov")."""
    if m.label in {"ORG", "GPE", "NORP", "ROLE", "GROUP", "PAIR"}:
        return True
    if m.label not in {"PERSON", "PROPN"}:
        return False
    if m.text.split()[-1].lower() in frame.res.words.union("institution_noun", "force_noun", "role_noun"):
        return True  # "the Foreign Ministry", tagged as a name
    surname = m.text.split()[-1]
    titled = [p for p in frame.index.mentions
              if p.text.split()[-1] == surname and len(p.context) > len(p.text) + 1 and p.start <= m.start]
    return bool(titled) and not any(_private_title(p, frame) for p in titled)


def _correspondent(m: EntityMention, frame: SentenceFrame) -> bool:
    """ "Al Jazeera's Hamdah Salhut, reporting from Amman, said": a speaker the sentence itself
    shows reporting is the outlet's correspondent, not a party speaking."""
    span = frame.sent.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and any(c.dep_ == "acl" and c.lemma_.lower() in frame.res.words["correspondent_verb"]
                                    for c in span.root.children)


def _private_title(m: EntityMention, frame: SentenceFrame) -> bool:
    """ "Al Jazeera's Sara Firth", "Lalibela resident Aneley": a correspondent titled by the outlet
    she reports for, or a private person titled by where she lives or what she does."""
    prefix = m.context[:max(m.context.find(m.text), 0)].strip()
    words = prefix.replace("'s", "").replace("’s", "").split()
    if any(w.lower() in frame.res.words["private_title"] for w in words):
        return True
    noise = frame.res.reference.organisations.noise
    return any(noise.get(name_key(" ".join(words[i:j]))) == "media"
               for i in range(len(words)) for j in range(i + 1, len(words) + 1))


def _accused_by_report(reported: list[tuple[Candidate, Draft]], speakers: tuple[EntityMention, ...],
                       frame: SentenceFrame) -> tuple[EntityMention, ...]:
    """The parties other than the speaker whom the reported clause says used force."""
    accused: list[EntityMention] = []
    for c, inner in reported:
        # "said Tehran would retaliate" is no report of a deed, "said its forces struck" no blame
        if not is_violent(c.cameo) or future_act(inner.anchor) or same_side(inner.sources, speakers, frame):
            continue
        accused += [m for m in inner.sources if m.label != "PRON" and m not in speakers and m not in accused]
    return tuple(accused)
