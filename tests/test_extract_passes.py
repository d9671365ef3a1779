"""Each extraction pass on hand-built parses: no statistical model, so every test says exactly
which syntax the rule reads. A parse is written as (word, lemma, pos, tag, dep, head) rows, with
the head as the index of the governing word; named entities as (start, end, label)."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from kg.extract.arguments import MentionIndex, index_mentions  # noqa: E402
from kg.extract.assemble import PASSES, assemble, run_passes, sentence_events  # noqa: E402
from kg.extract.candidates import find_candidates  # noqa: E402
from kg.extract.claims import find_claims  # noqa: E402
from kg.extract.frame import Draft, SentenceFrame  # noqa: E402
from kg.extract.fusion import fuse_about, fuse_governing_verbs, fuse_objects, fuse_tolls  # noqa: E402
from kg.extract.timing import anchor_nominals, attach_times  # noqa: E402
from kg.model import TimeMention  # noqa: E402
from kg.resources import default_resources  # noqa: E402

RES = default_resources()
VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case, ...), no model


def parse(rows: list[tuple[str, str, str, str, str, int]], ents=()) -> Doc:
    words, lemmas, pos, tags, deps, heads = (list(col) for col in zip(*rows))
    labels = ["O"] * len(rows)
    for start, end, label in ents:
        labels[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
    return Doc(VOCAB, words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads, ents=labels)


def frame_of(doc: Doc, times: tuple[TimeMention, ...] = ()) -> SentenceFrame:
    sent = doc[:]
    index = MentionIndex()
    index_mentions(sent, index, RES.words)
    return SentenceFrame(sent, "a1", RES, index, times)


def time_of(doc: Doc, start: int, end: int) -> TimeMention:
    span = doc[start:end]
    return TimeMention(span.text, span.start_char, span.end_char)


# "Russia held talks with Ukraine on Monday"
TALKS = [("Russia", "Russia", "PROPN", "NNP", "nsubj", 1), ("held", "hold", "VERB", "VBD", "ROOT", 1),
         ("talks", "talk", "NOUN", "NNS", "dobj", 1), ("with", "with", "ADP", "IN", "prep", 2),
         ("Ukraine", "Ukraine", "PROPN", "NNP", "pobj", 3), ("on", "on", "ADP", "IN", "prep", 1),
         ("Monday", "Monday", "PROPN", "NNP", "pobj", 5)]
TALKS_ENTS = [(0, 1, "GPE"), (4, 5, "GPE"), (6, 7, "DATE")]


def test_a_noun_in_the_lexicon_is_a_candidate_and_a_light_verb_is_not():
    frame = find_candidates(frame_of(parse(TALKS, TALKS_ENTS)))
    assert {c.token.text: c.cameo for c in frame.candidates.values()} == {"talks": "046"}


def test_a_time_attaches_to_the_verb_it_modifies():
    doc = parse(TALKS, TALKS_ENTS)
    frame = attach_times(find_candidates(frame_of(doc, (time_of(doc, 6, 7),))))
    assert [tm.text for tm in frame.time_at[1]] == ["Monday"]


def test_a_governing_light_verb_fuses_with_its_nominal_event_and_takes_it_over():
    doc = parse(TALKS, TALKS_ENTS)
    frame = frame_of(doc, (time_of(doc, 6, 7),))
    for step in (find_candidates, attach_times, anchor_nominals, fuse_objects):
        frame = step(frame)
    frame = fuse_governing_verbs(frame)
    held = frame.candidates[1]
    assert (held.cameo, held.absorbed) == ("046", frozenset({2}))
    assert frame.absorbed == frozenset({2})
    assert [i for i, _ in frame.live()] == [1]


def test_the_talks_are_russias_with_ukraine_on_monday():
    doc = parse(TALKS, TALKS_ENTS)
    (ev,) = sentence_events(doc[:], "a1", RES, frame_of(doc).index, [time_of(doc, 6, 7)])
    assert (ev.cameo, ev.trigger) == ("046", "held")
    assert [m.text for m in ev.sources] == ["Russia"] and [m.text for m in ev.targets] == ["Ukraine"]
    assert [t.text for t in ev.times] == ["Monday"] and ev.modality == "asserted"


def test_passes_make_new_frames_and_never_change_the_one_they_are_given():
    doc = parse(TALKS, TALKS_ENTS)
    start = find_candidates(frame_of(doc, (time_of(doc, 6, 7),)))
    before = (dict(start.candidates), dict(start.time_at), start.absorbed)
    for step in PASSES[1:]:
        step(start)
    assert (dict(start.candidates), dict(start.time_at), start.absorbed) == before


# "The army sent troops"
SENT_TROOPS = [("The", "the", "DET", "DT", "det", 1), ("army", "army", "NOUN", "NN", "nsubj", 2),
               ("sent", "send", "VERB", "VBD", "ROOT", 2), ("troops", "troop", "NOUN", "NNS", "dobj", 2)]


def test_a_verb_that_moves_forces_is_a_mobilisation():
    frame = fuse_governing_verbs(find_candidates(frame_of(parse(SENT_TROOPS))))
    assert frame.candidates[2].cameo == "154"


# "The raid killed three"
RAID = [("The", "the", "DET", "DT", "det", 1), ("raid", "raid", "NOUN", "NN", "nsubj", 2),
        ("killed", "kill", "VERB", "VBD", "ROOT", 2), ("three", "three", "NUM", "CD", "dobj", 2)]


def test_a_violent_verb_whose_subject_is_an_attack_tells_its_toll_and_is_no_event_of_its_own():
    frame = fuse_tolls(find_candidates(frame_of(parse(RAID))))
    assert frame.candidates[1].absorbed == frozenset({2})
    assert [c.token.text for _, c in frame.live()] == ["raid"]


# "Washington threatened to cut aid"
THREAT = [("Washington", "Washington", "PROPN", "NNP", "nsubj", 1),
          ("threatened", "threaten", "VERB", "VBD", "ROOT", 1), ("to", "to", "PART", "TO", "aux", 3),
          ("cut", "cut", "VERB", "VB", "xcomp", 1), ("aid", "aid", "NOUN", "NN", "dobj", 3)]


def test_a_threat_takes_the_code_of_what_it_threatens():
    frame = frame_of(parse(THREAT, [(0, 1, "GPE")]))
    for step in (find_candidates, attach_times, anchor_nominals, fuse_objects, fuse_governing_verbs, fuse_tolls):
        frame = step(frame)
    frame = fuse_about(frame)
    assert [(c.token.text, c.cameo) for _, c in frame.live()] == [("threatened", "1311")]


# "Kyiv accused Moscow of launching attacks"
ACCUSE = [("Kyiv", "Kyiv", "PROPN", "NNP", "nsubj", 1), ("accused", "accuse", "VERB", "VBD", "ROOT", 1),
          ("Moscow", "Moscow", "PROPN", "NNP", "dobj", 1), ("of", "of", "ADP", "IN", "prep", 1),
          ("launching", "launch", "VERB", "VBG", "pcomp", 3), ("attacks", "attack", "NOUN", "NNS", "dobj", 4)]
ACCUSE_ENTS = [(0, 1, "GPE"), (2, 3, "GPE")]


def test_what_an_accusation_is_about_is_claimed_by_the_accuser():
    frame = run_passes(frame_of(parse(ACCUSE, ACCUSE_ENTS)))
    assert set(find_claims(frame).claims) >= {4}
    events = {e.trigger: e for _, c in frame.live() for e in assemble(Draft(c, c.token), frame)}
    assert [m.text for m in events["accused"].sources] == ["Kyiv"]
    launched = events["launching"]
    assert [m.text for m in launched.sources] == ["Moscow"]
    assert [m.text for m in launched.claimed_by] == ["Kyiv"]


# "Iran was attacked by Israel"
PASSIVE = [("Iran", "Iran", "PROPN", "NNP", "nsubjpass", 2), ("was", "be", "AUX", "VBD", "auxpass", 2),
           ("attacked", "attack", "VERB", "VBN", "ROOT", 2), ("by", "by", "ADP", "IN", "agent", 2),
           ("Israel", "Israel", "PROPN", "NNP", "pobj", 3)]


def test_a_passive_agent_is_the_source_and_its_subject_the_target():
    doc = parse(PASSIVE, [(0, 1, "GPE"), (4, 5, "GPE")])
    (ev,) = sentence_events(doc[:], "a1", RES, frame_of(doc).index, [])
    assert ev.cameo == "190"
    assert [m.text for m in ev.sources] == ["Israel"] and [m.text for m in ev.targets] == ["Iran"]


# "Russia could attack Ukraine if it joins the alliance"
HYPOTHETICAL = [("Russia", "Russia", "PROPN", "NNP", "nsubj", 2), ("could", "could", "AUX", "MD", "aux", 2),
                ("attack", "attack", "VERB", "VB", "ROOT", 2), ("Ukraine", "Ukraine", "PROPN", "NNP", "dobj", 2),
                ("if", "if", "SCONJ", "IN", "mark", 6), ("it", "it", "PRON", "PRP", "nsubj", 6),
                ("joins", "join", "VERB", "VBZ", "advcl", 2), ("the", "the", "DET", "DT", "det", 8),
                ("alliance", "alliance", "NOUN", "NN", "dobj", 6)]


def test_a_named_partys_hypothetical_force_is_a_conditional_attack_and_an_asserted_threat():
    doc = parse(HYPOTHETICAL, [(0, 1, "GPE"), (3, 4, "GPE")])
    events = list(sentence_events(doc[:], "a1", RES, frame_of(doc).index, []))
    assert [(e.cameo, e.modality) for e in events] == [("190", "conditional"), ("138", "asserted")]
    assert [m.text for m in events[1].targets] == ["Ukraine"]
