"""The passes that find events a plain trigger lookup misses, on hand-built parses (no statistical
model): the possessor of a nominal event, the time of a "when" clause, the dated outbreak of a
war, demobilisation, bombings and the toll a participle tells."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from kg.extract.arguments import MentionIndex, index_mentions  # noqa: E402
from kg.extract.candidates import find_candidates  # noqa: E402
from kg.extract.frame import SentenceFrame  # noqa: E402
from kg.extract.fusion import fuse_governing_verbs, fuse_tolls  # noqa: E402
from kg.extract.timing import attach_times, find_fallback  # noqa: E402
from kg.model import TimeMention  # noqa: E402
from kg.resources import default_resources  # noqa: E402

RES = default_resources()
VOCAB = spacy.blank("en").vocab


def parse(rows, ents=()) -> Doc:
    words, lemmas, pos, tags, deps, heads = (list(col) for col in zip(*rows))
    labels = ["O"] * len(rows)
    for start, end, label in ents:
        labels[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
    return Doc(VOCAB, words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads, ents=labels)


def frame_of(doc: Doc, times=()) -> SentenceFrame:
    index = MentionIndex()
    index_mentions(doc[:], index, RES.words, None, RES.lexicon)
    return SentenceFrame(doc[:], "a1", RES, index, tuple(times))


def time_of(doc: Doc, start: int, end: int) -> TimeMention:
    span = doc[start:end]
    return TimeMention(span.text, span.start_char, span.end_char)


def W(word, lemma, pos, tag, dep, head):
    return (word, lemma, pos, tag, dep, head)


# "Tensions rose in March when the army arrested Khan"
WHEN = [W("Tensions", "tension", "NOUN", "NNS", "nsubj", 1), W("rose", "rise", "VERB", "VBD", "ROOT", 1),
        W("in", "in", "ADP", "IN", "prep", 1), W("March", "March", "PROPN", "NNP", "pobj", 2),
        W("when", "when", "SCONJ", "WRB", "advmod", 7), W("the", "the", "DET", "DT", "det", 6),
        W("army", "army", "NOUN", "NN", "nsubj", 7), W("arrested", "arrest", "VERB", "VBD", "relcl", 3),
        W("Khan", "Khan", "PROPN", "NNP", "dobj", 7)]


def test_a_when_clause_on_a_time_happens_at_that_time():
    doc = parse(WHEN, [(3, 4, "DATE"), (8, 9, "PERSON")])
    frame = attach_times(find_candidates(frame_of(doc, [time_of(doc, 3, 4)])))
    assert [tm.text for tm in frame.time_at[7]] == ["March"]


def test_a_relative_clause_that_is_not_about_when_takes_no_time():
    rows = list(WHEN)
    rows[4] = W("which", "which", "PRON", "WDT", "dobj", 7)  # "in March, which the army ..."
    doc = parse(rows, [(3, 4, "DATE"), (8, 9, "PERSON")])
    frame = attach_times(find_candidates(frame_of(doc, [time_of(doc, 3, 4)])))
    assert 7 not in frame.time_at


# "the clash on Monday in which soldiers were killed"
IN_WHICH = [W("the", "the", "DET", "DT", "det", 1), W("clash", "clash", "NOUN", "NN", "ROOT", 1),
            W("on", "on", "ADP", "IN", "prep", 1), W("Monday", "Monday", "PROPN", "NNP", "pobj", 2),
            W("in", "in", "ADP", "IN", "prep", 8), W("which", "which", "PRON", "WDT", "pobj", 4),
            W("soldiers", "soldier", "NOUN", "NNS", "nsubjpass", 8), W("were", "be", "AUX", "VBD", "auxpass", 8),
            W("killed", "kill", "VERB", "VBN", "relcl", 1)]


def test_what_happened_in_a_dated_event_shares_its_date():
    doc = parse(IN_WHICH, [(3, 4, "DATE")])
    frame = attach_times(find_candidates(frame_of(doc, [time_of(doc, 3, 4)])))
    assert [tm.text for tm in frame.time_at[8]] == ["Monday"]


# "The war began on Monday" / "The war began"
WAR = [W("The", "the", "DET", "DT", "det", 1), W("war", "war", "NOUN", "NN", "nsubj", 2),
       W("began", "begin", "VERB", "VBD", "ROOT", 2), W("on", "on", "ADP", "IN", "prep", 2),
       W("Monday", "Monday", "PROPN", "NNP", "pobj", 3)]


def test_the_dated_outbreak_of_a_war_is_an_event_and_an_undated_one_is_not():
    dated = find_candidates(frame_of(parse(WAR, [(4, 5, "DATE")])))
    assert {c.token.text: c.cameo for c in dated.candidates.values()} == {"war": "190"}
    undated = find_candidates(frame_of(parse(WAR[:3])))
    assert undated.candidates == {}


@pytest.mark.parametrize("noun, lemma, expected", [("guard", "guard", {2: "0873"}),
                                                    ("brigades", "brigade", {2: "0873"}),
                                                    ("camp", "camp", {})])
def test_disbanding_a_force_is_demobilisation_and_dismantling_a_camp_is_not(noun, lemma, expected):
    # "The junta disbanded the <noun>"
    rows = [W("The", "the", "DET", "DT", "det", 1), W("junta", "junta", "NOUN", "NN", "nsubj", 2),
            W("disbanded", "disband", "VERB", "VBD", "ROOT", 2), W("the", "the", "DET", "DT", "det", 4),
            W(noun, lemma, "NOUN", "NN", "dobj", 2)]
    frame = fuse_governing_verbs(find_candidates(frame_of(parse(rows))))
    assert {i: c.cameo for i, c in frame.candidates.items()} == expected


@pytest.mark.parametrize("subject, expected", [("bomb", {3: "183"}), ("tank", {})])
def test_an_explosive_that_goes_off_is_a_bombing_and_a_tank_that_explodes_is_not(subject, expected):
    # "A car <subject> exploded"
    rows = [W("A", "a", "DET", "DT", "det", 2), W("car", "car", "NOUN", "NN", "compound", 2),
            W(subject, subject, "NOUN", "NN", "nsubj", 3), W("exploded", "explode", "VERB", "VBD", "ROOT", 3)]
    frame = find_candidates(frame_of(parse(rows)))
    assert {i: c.cameo for i, c in frame.candidates.items()} == expected


# "A bomb exploded, wounding three soldiers"
TOLL = [W("A", "a", "DET", "DT", "det", 1), W("bomb", "bomb", "NOUN", "NN", "nsubj", 2),
        W("exploded", "explode", "VERB", "VBD", "ROOT", 2), W(",", ",", "PUNCT", ",", "punct", 2),
        W("wounding", "wound", "VERB", "VBG", "advcl", 2), W("three", "three", "NUM", "CD", "nummod", 6),
        W("soldiers", "soldier", "NOUN", "NNS", "dobj", 4)]


def test_a_participle_that_tells_the_harm_done_is_the_toll_of_the_attack():
    frame = fuse_tolls(find_candidates(frame_of(parse(TOLL))))
    assert frame.candidates[2].absorbed == frozenset({4})


# "Russia defended its offensive" / "X condemned Russia for its offensive"
POSS = [W("Russia", "Russia", "PROPN", "NNP", "nsubj", 1), W("defended", "defend", "VERB", "VBD", "ROOT", 1),
        W("its", "its", "PRON", "PRP$", "poss", 3), W("offensive", "offensive", "NOUN", "NN", "dobj", 1)]
FOR_POSS = [W("Ukraine", "Ukraine", "PROPN", "NNP", "nsubj", 1), W("condemned", "condemn", "VERB", "VBD", "ROOT", 1),
            W("Russia", "Russia", "PROPN", "NNP", "dobj", 1), W("for", "for", "ADP", "IN", "prep", 1),
            W("its", "its", "PRON", "PRP$", "poss", 5), W("offensive", "offensive", "NOUN", "NN", "pobj", 3)]


def test_the_possessor_of_a_nominal_event_is_the_subject_of_its_clause():
    frame = frame_of(parse(POSS, [(0, 1, "GPE")]))
    assert frame.index.by_token[2].text == "Russia"


def test_the_possessor_in_condemned_x_for_its_offensive_is_x():
    frame = frame_of(parse(FOR_POSS, [(0, 1, "GPE"), (2, 3, "GPE")]))
    assert frame.index.by_token[4].text == "Russia"


# "Noboa, who spoke in November, arrested Khan" / "Noboa spoke in November, arrested Khan"
RELATIVE_TIME = [W("Noboa", "Noboa", "PROPN", "NNP", "nsubj", 5), W("who", "who", "PRON", "WP", "nsubj", 2),
                 W("spoke", "speak", "VERB", "VBD", "relcl", 0), W("in", "in", "ADP", "IN", "prep", 2),
                 W("November", "November", "PROPN", "NNP", "pobj", 3),
                 W("arrested", "arrest", "VERB", "VBD", "ROOT", 5), W("Khan", "Khan", "PROPN", "NNP", "dobj", 5)]


@pytest.mark.parametrize("dep, head, dates_the_arrest", [("relcl", 0, False), ("advcl", 5, True)])
def test_a_loose_time_inside_a_relative_clause_does_not_date_the_main_clause(dep, head, dates_the_arrest):
    rows = list(RELATIVE_TIME)
    rows[2] = W("spoke", "speak", "VERB", "VBD", dep, head)
    doc = parse(rows, [(0, 1, "PERSON"), (4, 5, "DATE"), (6, 7, "PERSON")])
    frame = find_fallback(attach_times(find_candidates(frame_of(doc, [time_of(doc, 4, 5)]))))
    assert bool(frame.fallback) == dates_the_arrest


# "Protesters clashed with police when the army arrested Khan on Monday"
WHEN_ADVCL = [W("Protesters", "protester", "NOUN", "NNS", "nsubj", 1), W("clashed", "clash", "VERB", "VBD", "ROOT", 1),
              W("with", "with", "ADP", "IN", "prep", 1), W("police", "police", "NOUN", "NN", "pobj", 2),
              W("when", "when", "SCONJ", "WRB", "advmod", 7), W("the", "the", "DET", "DT", "det", 6),
              W("army", "army", "NOUN", "NN", "nsubj", 7), W("arrested", "arrest", "VERB", "VBD", "advcl", 1),
              W("Khan", "Khan", "PROPN", "NNP", "dobj", 7), W("on", "on", "ADP", "IN", "prep", 7),
              W("Monday", "Monday", "PROPN", "NNP", "pobj", 9)]


@pytest.mark.parametrize("word, dep, dated", [("when", "advmod", True), ("because", "mark", False)])
def test_a_dated_when_clause_dates_the_clause_it_hangs_on(word, dep, dated):
    rows = list(WHEN_ADVCL)
    rows[4] = W(word, word, "SCONJ", "IN", dep, 7)
    doc = parse(rows, [(8, 9, "PERSON"), (10, 11, "DATE")])
    frame = attach_times(find_candidates(frame_of(doc, [time_of(doc, 10, 11)])))
    assert [tm.text for tm in frame.time_at[7]] == ["Monday"]
    assert bool(frame.time_at.get(1)) == dated
