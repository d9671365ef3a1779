"""Event mentions of one sentence: the passes over its frame, then the assembly of each event.

Passes (frame -> frame): candidates, time attachment, nominal anchors, fusion (objects,
governing verbs, tolls, what a measure is aimed at, what speech acts are about), what "followed
by" repeats, the loose time, claims. Assembly (draft ->
draft, per live candidate): roles, claims, places, time and modality, implied threats.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from kg.codebook import COERCIVE_ROOTS, has_root, is_violent, threat_code
from kg.extract.arguments import MentionIndex
from kg.extract.candidates import find_candidates
from kg.extract.claims import accused_claims, find_claims, reported_claims, statement
from kg.extract.frame import Draft, SentenceFrame
from kg.extract.fusion import (echo_followed, fuse_about, fuse_aims, fuse_governing_verbs, fuse_objects,
                               fuse_tolls)
from kg.extract.mentions import event_mention
from kg.extract.modality import duration_of, if_clause, is_hypothetical, modality_of
from kg.extract.roles import find_places, nominal_roles, participants_of, verbal_roles
from kg.extract.speech import (drop_given_reprisals, find_declared_states, find_declined_comment, find_evaluations,
                               fuse_told_content)
from kg.extract.syntax import objects_of, prep_objects, subject_of
from kg.extract.timing import anchor_nominals, attach_times, fallback_for, find_fallback, governing_time
from kg.model import EventMention, TimeMention, evolve
from kg.resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["sentence_events", "PASSES", "run_passes", "assemble"]

Pass = Callable[[SentenceFrame], SentenceFrame]
# The order matters: fusion needs times attached, claims need the fused candidates.
PASSES: tuple[Pass, ...] = (find_candidates, attach_times, anchor_nominals, fuse_objects,
                            fuse_governing_verbs, fuse_tolls, fuse_aims, fuse_about, echo_followed,
                            find_fallback, fuse_told_content, find_claims, find_evaluations,
                            find_declared_states, drop_given_reprisals, find_declined_comment)


def sentence_events(sent: "Span", article_id: str, res: Resources, index: MentionIndex,
                    times: list[TimeMention], *, headline: bool = False,
                    frames: list[SentenceFrame] | None = None) -> Iterator[EventMention]:
    """Event mentions of one sentence. ``times`` are the sentence's time expressions (doc offsets);
    the sentence's frame is added to ``frames`` when given (a quote's speaker may come later)."""
    frame = run_passes(SentenceFrame(sent, article_id, res, index, tuple(times), headline))
    if frames is not None:
        frames.append(frame)
    for i, cand in frame.live():
        if not _addresses_reader(cand.token):
            yield from assemble(Draft(cand, frame.anchors.get(i, cand.token)), frame)


def _addresses_reader(tok: "Token") -> bool:
    """ "For the latest updates, visit our page": an imperative heading its sentence (a bare verb
    with no subject, no auxiliary, outside quotation marks) speaks to the reader; no one acts."""
    if tok.dep_ != "ROOT" or tok.tag_ != "VB" or tok.i != tok.sent.root.i:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "aux", "auxpass"} for c in tok.children):
        return False
    return not any(t.tag_ in {"``", "''"} or t.text in _QUOTES for t in tok.sent)


_QUOTES = {'"', "“", "”", "‘", "’"}


def run_passes(frame: SentenceFrame, passes: tuple[Pass, ...] = PASSES) -> SentenceFrame:
    """The frame after each pass in turn. A sentence with no trigger still goes through them all:
    a verb that is none may govern an event ("sent troops into the city")."""
    for step in passes:
        frame = step(frame)
    return frame


def assemble(draft: Draft, frame: SentenceFrame) -> list[EventMention]:
    """The event mention(s) of one live candidate: the event itself and any it implies."""
    if draft.cand.verbal or draft.cand.trigger.pos == "ADJ":
        draft = statement(accused_claims(verbal_roles(draft, frame), frame), frame)
    else:
        draft = nominal_roles(draft, frame)
    draft = _when_and_how(_places(reported_claims(draft, frame), frame), frame)
    draft = _implied_threat(draft, frame)
    if draft.cand.trigger.frame == "say" and not (draft.sources or draft.targets):
        return list(draft.extra)  # the statement itself is only newsworthy for some "say" verbs
    return [_mention(draft, frame), *draft.extra]


def _places(draft: Draft, frame: SentenceFrame) -> Draft:
    """Where: places the trigger, its anchor, fused tokens, a statement's verb ("said in New York")
    or a participial adjunct link to; an attack's aim is a party, not a place."""
    words, index = frame.res.words, frame.index
    cand, tok, anchor = draft.cand, draft.cand.token, draft.anchor
    sources = tuple(m for m in draft.sources if m is not None)
    targets = [m for m in dict.fromkeys(draft.targets) if m is not None and m not in sources]
    said = [c for c in tok.subtree if c.dep_ in {"advcl", "conj", "xcomp"} and c.head.i in {tok.i, anchor.i}
            and c.lemma_.lower() in words["statement_verb"]]
    # "freed two soldiers, handing them to a commission near the town of Tame": the same act
    adjuncts = [c for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i not in frame.candidates]
    heads = [tok, anchor] + [tok.doc[j] for j in sorted(cand.absorbed)] + said + adjuncts
    places = find_places(heads, index, cand.cameo, words)
    if cand.trigger.frame == "accuse":  # "blamed the attack on X": X is accused, not a place
        places = [m for m in places if m not in targets]
    coercive = has_root(cand.cameo, *COERCIVE_ROOTS)
    if is_violent(cand.cameo) or coercive:
        # "fired missiles at Israel", "an offensive against Sudan", "sanctions on Russia": aimed
        # at a party, not a place
        aim = words["aim_prep"] | ({"on"} if coercive else set())
        aimed_at = prep_objects(tok, aim) + [p for o in objects_of(tok, words) for p in prep_objects(o, aim)]
        # "a bomb went off outside the Russian embassy", "near an army base": the facility's owner
        aimed_at += [p for h in (tok, anchor) for p in prep_objects(h, words["loc_prep"])
                     if p.lemma_.lower() in words["facility_noun"]]
        aimed = participants_of(aimed_at, index, words)
        places = [m for m in places if m not in aimed]
        targets += [m for m in aimed if m not in targets and m not in sources]
    return evolve(draft, places=tuple(places), sources=tuple(m for m in sources if m not in places),
                   targets=tuple(m for m in targets if m not in places))


def _when_and_how(draft: Draft, frame: SentenceFrame) -> Draft:
    """The event's governing times (or the sentence's loose one, for a verb) and its modality."""
    tok, anchor = draft.cand.token, draft.anchor
    times = governing_time(tok, frame.time_at) or (fallback_for(tok, frame) if tok.pos_ in {"VERB", "AUX"} else ())
    has_time = bool(frame.time_at.get(tok.i) or frame.time_at.get(anchor.i))
    return evolve(draft, times=tuple(times), modality=modality_of(anchor, has_time, frame.res.words))


def _implied_threat(draft: Draft, frame: SentenceFrame) -> Draft:
    """ "Iran would retaliate if attacked", "X could suspend talks if ...": a named party's
    hypothetical force, sanction or break is itself a threat, aimed at whom the condition names."""
    tok, anchor = draft.cand.token, draft.anchor
    threat = threat_code(draft.cand.cameo)
    if not (threat and draft.sources and tok.pos_ in {"VERB", "AUX"} and is_hypothetical(anchor, frame.res.words)):
        return draft
    condition = if_clause(anchor)
    aimed = draft.targets or (tuple(participants_of(subject_of(condition)[0], frame.index, frame.res.words))
                              if condition is not None else ())
    extra = event_mention(frame.article_id, threat, tok, frame.sent, sources=draft.sources,
                          targets=[m for m in aimed if m not in draft.sources], times=draft.times,
                          modality="asserted", anchor=anchor, headline=frame.headline, confidence=0.55)
    return evolve(draft, modality="conditional", extra=draft.extra + (extra,))


def _mention(draft: Draft, frame: SentenceFrame) -> EventMention:
    cand, trig = draft.cand, draft.cand.trigger
    conf = 0.35 + 0.2 * bool(draft.sources) + 0.1 * bool(draft.targets) + 0.1 * bool(draft.times) + \
        0.1 * (trig.pos == "VERB") + 0.05 * bool(draft.places)
    # how sure the type is: a verb fused with its nominal ("launched strikes") says most, a verb
    # alone a little less, a bare noun or adjective least
    type_conf = 0.9 if cand.absorbed else 0.8 if trig.pos == "VERB" else 0.7
    return event_mention(frame.article_id, cand.cameo, cand.token, frame.sent, sources=draft.sources,
                         targets=draft.targets, places=draft.places, times=draft.times,
                         modality=draft.modality, anchor=draft.anchor, duration=_duration(draft),
                         headline=frame.headline, confidence=conf, claimed_by=draft.claimed_by,
                         type_confidence=type_conf)


def _duration(draft: Draft) -> str:
    """ "a 30-hour truce", "agreed a three-day ceasefire": written on the nominal, or on one fused in."""
    cand = draft.cand
    own = duration_of(cand.token) if cand.trigger.pos == "NOUN" or cand.absorbed else ""
    if own or not cand.absorbed:
        return own
    found = [d for d in (duration_of(cand.token.doc[ab]) for ab in sorted(cand.absorbed)) if d]
    return found[-1] if found else ""
