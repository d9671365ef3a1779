"""Tense has one reader, kg.temporal.tense: over a parsed token for extraction, over a sentence
string for the resolver, both with the same word lists."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.temporal.tense import guess_tense, is_future, tense_of


@pytest.mark.parametrize(("sentence", "expression", "tense"), [
    ("Ukraine will send a delegation on Wednesday.", "on Wednesday", "future"),
    ("Russia won't attend the talks on Friday.", "on Friday", "future"),
    ("Talks are due to resume on Monday.", "on Monday", "future"),
    ("Zelenskiy said on Wednesday that the truce had failed.", "on Wednesday", "past"),
    ("Ukraine is sending a delegation on Wednesday.", "on Wednesday", "present"),
    ("Putin says on Monday that the truce holds.", "on Monday", "present"),
    ("Shelling had already resumed by Sunday night.", "by Sunday night", "past"),
    # a date inside a noun phrase takes the verb after it
    ("Officials said the May 9 parade would go ahead.", "May 9", "future"),
    # a clause boundary stops the reading; with no cue at all the default is past
    ("He will speak; on Monday, nothing.", "on Monday", "past"),
])
def test_the_string_reader_takes_the_nearest_verbal_cue(sentence: str, expression: str, tense: str):
    assert guess_tense(sentence, expression) == tense


@given(st.text(max_size=80), st.text(max_size=12))
def test_the_string_reader_always_gives_a_tense(sentence: str, expression: str):
    assert guess_tense(sentence, expression) in {"past", "present", "future"}


def _doc(words, heads, deps, pos, tags, lemmas):
    from spacy.lang.en import English  # a blank pipeline: its vocabulary knows lower case
    from spacy.tokens import Doc

    return Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_a_future_auxiliary_makes_a_planned_act():
    doc = _doc(["Ukraine", "will", "send", "a", "delegation"], [2, 2, 2, 4, 2],
               ["nsubj", "aux", "ROOT", "det", "dobj"], ["PROPN", "AUX", "VERB", "DET", "NOUN"],
               ["NNP", "MD", "VB", "DT", "NN"], ["Ukraine", "will", "send", "a", "delegation"])
    assert is_future(doc[2]) and is_future(doc[4])  # the act and its object
    assert tense_of(doc[2], "planned") == "future"


def test_a_present_progressive_is_a_planned_act():
    doc = _doc(["Ukraine", "is", "sending", "a", "delegation"], [2, 2, 2, 4, 2],
               ["nsubj", "aux", "ROOT", "det", "dobj"], ["PROPN", "AUX", "VERB", "DET", "NOUN"],
               ["NNP", "VBZ", "VBG", "DT", "NN"], ["Ukraine", "be", "send", "a", "delegation"])
    assert is_future(doc[2])


def test_a_control_verb_makes_its_complement_planned():
    doc = _doc(["Zelenskiy", "plans", "to", "visit", "London"], [1, 1, 3, 1, 3],
               ["nsubj", "ROOT", "aux", "xcomp", "dobj"], ["PROPN", "VERB", "PART", "VERB", "PROPN"],
               ["NNP", "VBZ", "TO", "VB", "NNP"], ["Zelenskiy", "plan", "to", "visit", "London"])
    assert is_future(doc[3])


@pytest.mark.parametrize(("adjective", "planned"), [("upcoming", True), ("new", False)])
def test_an_adjective_of_plans_makes_a_planned_event(adjective: str, planned: bool):
    doc = _doc(["the", adjective, "talks"], [2, 2, 2], ["det", "amod", "ROOT"], ["DET", "ADJ", "NOUN"],
               ["DT", "JJ", "NNS"], ["the", adjective, "talk"])
    assert is_future(doc[2]) is planned


@pytest.mark.parametrize(("words", "tags", "lemmas", "tense"), [
    (["Russia", "says", "it"], ["NNP", "VBZ", "PRP"], ["Russia", "say", "it"], "present"),
    (["Russia", "struck", "Kyiv"], ["NNP", "VBD", "NNP"], ["Russia", "strike", "Kyiv"], "past"),
])
def test_the_token_reader_tells_present_from_past(words, tags, lemmas, tense):
    doc = _doc(words, [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "PRON"], tags, lemmas)
    assert not is_future(doc[1])
    assert tense_of(doc[1], "asserted") == tense


def test_a_perfect_in_a_present_form_is_past():
    doc = _doc(["they", "have", "agreed"], [2, 2, 2], ["nsubj", "aux", "ROOT"], ["PRON", "AUX", "VERB"],
               ["PRP", "VBP", "VBP"], ["they", "have", "agree"])
    assert tense_of(doc[2], "asserted") == "past"


def test_extraction_reads_tense_through_the_one_reader():
    from kg.extract import mentions, modality
    from kg.temporal import tense

    assert mentions.tense_of is tense.tense_of and modality.is_future is tense.is_future
