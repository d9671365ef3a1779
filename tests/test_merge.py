"""Event identity: when two mentions report one real event, and the laws merging obeys."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.merge import corefer, link_events, merge_events
from kg.model import Actor, Event, Evidence, Place, TimeSpan

RUSSIA = Actor("russia", "Russia", "country")
UKRAINE = Actor("ukraine", "Ukraine", "country")
PUTIN = Actor("vladimir-putin", "Vladimir Putin", "person", affiliation="russia")
FORCES = Actor("russia-armed-forces", "Russian armed forces", "armed_forces", affiliation="russia")
UK = Actor("united-kingdom", "United Kingdom", "country")
USA = Actor("united-states", "United States", "country")
LONDON = Place("london-gb", "London", "city", country="united-kingdom")
GENEVA = Place("geneva-ch", "Geneva", "city", country="switzerland")
UKRAINE_P = Place("ukraine", "Ukraine", "country")
RUSSIA_P = Place("russia", "Russia", "country")
ODESA = Place("odesa-ua", "Odesa", "city", country="ukraine")
BELGOROD = Place("belgorod-ru", "Belgorod", "city", country="russia")
DONETSK = Place("donetsk-oblast", "Donetsk Oblast", "region", country="ukraine")
AIRFIELD = Place("starokostiantyniv-airfield", "Starokostiantyniv airfield", "other")  # no country known
EUROPE = Place("europe", "Europe", "region")  # spans countries
BLACK_SEA = Place("black-sea", "Black Sea", "sea")
UA_FORCES = Actor("ukraine-armed-forces", "Ukrainian armed forces", "armed_forces", affiliation="ukraine")
UA_GENERAL = Actor("oleksandr-syrskyi", "Oleksandr Syrskyi", "person", affiliation="ukraine")
LAVROV = Actor("sergei-lavrov", "Sergei Lavrov", "person", affiliation="russia")


def day(d: int, basis: str = "relative", precision: str = "day") -> TimeSpan:
    return TimeSpan(dt.date(2025, 4, d), dt.date(2025, 4, d), precision, basis)  # type: ignore[arg-type]


def ev(id: str, cameo: str, time: TimeSpan, sources=(), targets=(), *, article: str = "a1", places=(),
       modality: str = "asserted", start: int = 0) -> Event:
    evd = Evidence(article, f"sentence {id}", start, start + 10, "trigger", published=dt.date(2025, 4, 21))
    return Event(id, cameo, id, time, tuple(sources), tuple(targets), tuple(places), modality,  # type: ignore[arg-type]
                 evidence=(evd,), confidence=0.6)


CASES = [
    # (why, a, b, same)
    ("one truce reported by two outlets",
     ev("t1", "0871", day(19), [PUTIN], [UKRAINE], article="a1"),
     ev("t2", "0871", day(19), [RUSSIA], [UKRAINE], article="a2", start=50), True),
    ("a person and the state he speaks for share a side",
     ev("t1", "0871", day(19), [PUTIN], article="a1"),
     ev("t2", "0871", day(20), [RUSSIA], article="a2"), True),
    ("outlets may disagree by a day",
     ev("s1", "190", day(19), [FORCES], [UKRAINE], article="a1"),
     ev("s2", "190", day(20), [FORCES], [UKRAINE], article="a2"), True),
    ("within one article, two dated days are two events",
     ev("s1", "190", day(19), [FORCES], [UKRAINE]),
     ev("s2", "190", day(20), [FORCES], [UKRAINE], start=40), False),
    ("within one article, a run of more than a week is not the one-day episode inside it",
     ev("s1", "190", TimeSpan(dt.date(2025, 4, 2), dt.date(2025, 4, 21), "day", "explicit"), [FORCES], [UKRAINE]),
     ev("s2", "190", day(19), [FORCES], [UKRAINE], start=40), False),
    ("within one article, a run of three days and a day inside it may be one event",
     ev("s1", "190", TimeSpan(dt.date(2025, 4, 18), dt.date(2025, 4, 20), "day", "relative"), [FORCES], [UKRAINE]),
     ev("s2", "190", day(19), [FORCES], [UKRAINE], start=40), True),
    ("accusations in opposite directions are two events",
     ev("c1", "112", day(20), [UKRAINE], [RUSSIA]),
     ev("c2", "112", day(20), [RUSSIA], [UKRAINE], start=40), False),
    ("different types are different events",
     ev("x1", "0871", day(19), [RUSSIA]), ev("x2", "190", day(19), [RUSSIA], start=40), False),
    ("what did not happen never merges with what did",
     ev("m1", "040", day(23), [UKRAINE], [UK], modality="negated", article="a1"),
     ev("m2", "040", day(23), [UKRAINE], [UK], article="a2"), False),
    ("talks in London are not talks in Geneva",
     ev("m1", "046", day(23), [UKRAINE], [UK], places=[LONDON], article="a1"),
     ev("m2", "046", day(23), [UKRAINE], [UK], places=[GENEVA], article="a2"), False),
    ("a planned meeting is the meeting later reported held",
     ev("m1", "040", day(23), [UKRAINE], [USA], modality="planned", article="a1"),
     ev("m2", "040", day(23), [UKRAINE], [USA], article="a2"), True),
    ("a call with Britain is not talks with Russia",
     ev("m1", "046", day(21, "publication"), [RUSSIA], [UKRAINE]),
     ev("m2", "041", day(21, "publication"), [UKRAINE], [UK], start=40), False),
    ("fighting earlier this month is not the clash of the 6th",
     ev("f1", "190", TimeSpan(dt.date(2025, 4, 1), dt.date(2025, 4, 21), "month", "relative",
                              earliest=dt.date(2025, 4, 1), latest=dt.date(2025, 4, 21)), [FORCES]),
     ev("f2", "190", day(6), [FORCES], start=40), False),
    # a place of unknown whereabouts (a site the gazetteer cannot place, a region spanning
    # countries) does not contradict a country or city: it cannot say where it lies
    ("a strike on an airfield nobody placed is the strike on Ukraine that day",
     ev("p1", "195", day(19), [FORCES], [UKRAINE], places=[AIRFIELD]),
     ev("p2", "190", day(19), [FORCES], [UKRAINE], places=[UKRAINE_P], start=40), True),
    ("an unplaced site does not contradict a city either",
     ev("p1", "195", day(19), [FORCES], places=[AIRFIELD]),
     ev("p2", "195", day(19), [FORCES], places=[ODESA], start=40), True),
    ("a region spanning countries does not contradict a country inside it",
     ev("p1", "190", day(19), [FORCES], [UKRAINE], places=[EUROPE]),
     ev("p2", "190", day(19), [FORCES], [UKRAINE], places=[UKRAINE_P], start=40), True),
    ("a region of a known country agrees with that country's city",
     ev("p1", "190", day(19), [FORCES], places=[DONETSK]),
     ev("p2", "190", day(19), [FORCES], places=[ODESA], start=40), True),
    ("a region of one country contradicts a city of another",
     ev("p1", "190", day(19), [FORCES], places=[DONETSK]),
     ev("p2", "190", day(19), [FORCES], places=[BELGOROD], start=40), False),
    ("a sea is a place of its own: a strike at sea is not the strike on a city",
     ev("p1", "195", day(19), [FORCES], places=[BLACK_SEA]),
     ev("p2", "195", day(19), [FORCES], places=[ODESA], start=40), False),
    ("two countries contradict each other even beside an unplaced site",
     ev("p1", "190", day(19), [FORCES], places=[AIRFIELD, RUSSIA_P]),
     ev("p2", "190", day(19), [FORCES], places=[UKRAINE_P], start=40), False),
    ("an unplaced site does not rescue two dated days of one article",
     ev("p1", "190", day(19), [FORCES], places=[AIRFIELD]),
     ev("p2", "190", day(20), [FORCES], places=[UKRAINE_P], start=40), False),
    # a sentence with no date of its own is dated by its article only: within that article it
    # retells the dated act of the same participants, up to a week back
    ("an undated retelling of the article's dated strike is that strike",
     ev("r1", "195", day(18), [FORCES], [UKRAINE]),
     ev("r2", "190", day(21, "publication"), [FORCES], [UKRAINE], start=90), True),
    ("an undated retelling may name the state for its forces",
     ev("r1", "190", day(17, "explicit"), [FORCES], [UKRAINE]),
     ev("r2", "190", day(21, "publication"), [RUSSIA], [UKRAINE], start=90), True),
    ("an undated accusation retells the dated one of the same accuser",
     ev("r1", "112", day(19), [UKRAINE], [RUSSIA]),
     ev("r2", "112", day(21, "publication"), [UKRAINE], [RUSSIA], start=90), True),
    ("more than a week back is not what an undated sentence retells",
     ev("r1", "190", day(3), [FORCES], [UKRAINE]),
     ev("r2", "190", day(21, "publication"), [FORCES], [UKRAINE], start=90), False),
    ("another article's undated sentence is not dated by this one",
     ev("r1", "190", day(17), [FORCES], [UKRAINE], article="a1"),
     ev("r2", "190", day(21, "publication"), [FORCES], [UKRAINE], article="a2"), False),
    ("an undated sentence about other participants is another event",
     ev("r1", "190", day(18), [FORCES], [UKRAINE]),
     ev("r2", "190", day(21, "publication"), [UKRAINE], [RUSSIA], start=90), False),
    ("an undated sentence placed elsewhere is another event",
     ev("r1", "190", day(18), [FORCES], places=[ODESA]),
     ev("r2", "190", day(21, "publication"), [FORCES], places=[BELGOROD], start=90), False),
    ("an undated plan is not the dated act",
     ev("r1", "190", day(18), [FORCES], [UKRAINE]),
     ev("r2", "190", day(21, "publication"), [FORCES], [UKRAINE], modality="planned", start=90), False),
    # within one article, two agents of one state doing one act on one day are one side
    ("the troops that withdrew and the general who withdrew them are one withdrawal",
     ev("w1", "0874", day(17), [UA_FORCES]),
     ev("w2", "0874", day(17), [UA_GENERAL], start=40), True),
    ("two officials of one state accusing the same day make two accusations",
     ev("w1", "112", day(17), [PUTIN], [UKRAINE]),
     ev("w2", "112", day(17), [LAVROV], [UKRAINE], start=40), False),
    ("agents of one state in two articles are not one side on that ground alone",
     ev("w1", "0874", day(17), [UA_FORCES], article="a1"),
     ev("w2", "0874", day(17), [UA_GENERAL], article="a2"), False),
    ("a decision to withdraw, carried out that day, is the withdrawal",
     ev("w1", "0874", day(17), [UA_FORCES]),
     ev("w2", "0874", day(17), [UA_GENERAL], modality="planned", start=40), True),
    ("an undated plan is not the act dated to the publication day",
     ev("w1", "0874", day(21), [UA_FORCES]),
     ev("w2", "0874", day(21, "publication"), [UA_GENERAL], modality="planned", start=40), False),
    ("a decision dated to another day than the act is another event",
     ev("w1", "0874", day(17), [UA_FORCES]),
     ev("w2", "0874", day(18), [UA_GENERAL], modality="planned", start=40), False),
    ("a visit and the meeting planned during it stay two",
     ev("v1", "042", day(20), [USA], [UKRAINE]),
     ev("v2", "040", day(20), [USA], [UKRAINE], modality="planned", start=40), False),
    ("a bare noun of the same article joins the event that names its actors",
     ev("b1", "046", day(23), [UKRAINE], [UK], modality="planned"),
     ev("b2", "046", day(21, "publication"), modality="planned", places=[LONDON], start=90), True),
]


@pytest.mark.parametrize("why,a,b,same", CASES, ids=[c[0] for c in CASES])
def test_coreference_decision(why, a, b, same):
    decision = corefer(a, b)
    assert decision.same is same, decision.reason
    assert decision.reason  # every decision says why
    assert corefer(b, a).same is same  # symmetric


def test_merged_event_keeps_every_mention_and_says_why():
    a, b = CASES[0][1], CASES[0][2]
    (merged,) = merge_events([a, b])
    assert len(merged.evidence) == 2 and set(merged.article_ids) == {"a1", "a2"}
    assert [bool(e.reason) for e in merged.evidence].count(True) == 1


def test_disagreeing_dates_widen_the_bounds():
    (merged,) = merge_events([CASES[2][1], CASES[2][2]])
    assert merged.time.earliest == dt.date(2025, 4, 19) and merged.time.latest == dt.date(2025, 4, 20)


def test_events_that_name_nobody_are_dropped_unless_asked():
    lone = ev("n1", "190", day(19))
    assert merge_events([lone]) == []
    assert merge_events([lone], keep_actorless=True) == [lone]


def test_a_kept_id_survives_a_merge():
    a, b = CASES[0][1], CASES[0][2]
    (merged,) = merge_events([a, b], keep_ids={"t2"})
    assert merged.id == "t2"


def test_a_violation_during_a_truce_is_linked_to_it():
    truce = ev("t", "0871", TimeSpan(dt.date(2025, 4, 19), dt.date(2025, 4, 20), "day", "relative"), [RUSSIA])
    hit = ev("v", "196", day(20), [FORCES], [UKRAINE], start=40)
    linked = {e.id: e for e in link_events([truce, hit])}
    assert ("violates", "t") in linked["v"].links


POOL = [c[1] for c in CASES] + [c[2] for c in CASES]
# ids must be unique in one input
POOL = [e.__class__(**{**e.__dict__, "id": f"{e.id}-{n}"}) for n, e in enumerate(POOL)]


@settings(max_examples=60, deadline=None)
@given(st.permutations(POOL))
def test_merging_does_not_depend_on_input_order(events):
    assert merge_events(events) == merge_events(POOL)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(POOL), unique_by=lambda e: e.id, min_size=1, max_size=12))
def test_merging_is_idempotent(events):
    once = merge_events(events)
    assert merge_events(once) == once


@pytest.mark.parametrize("why, event, kept", [
    ("a named source always stands", ev("s", "190", day(20, "publication"), [FORCES]), True),
    ("no source, but a target and a place", ev("p", "190", day(20, "publication"), [], [UKRAINE],
                                                places=[LONDON]), True),
    ("no source, but a target and a date of its own", ev("d", "190", day(20, "relative"), [], [UKRAINE]), True),
    ("no source, a target, nothing else said of it", ev("n", "190", day(20, "publication"), [], [UKRAINE]), False),
    ("no party at all", ev("e", "190", day(20, "explicit"), places=[LONDON]), False),
])
def test_an_event_whose_source_is_never_named_stands_only_with_a_target_and_a_place_or_date(why, event, kept):
    assert bool(merge_events([event])) is kept, why


def test_the_label_of_an_event_with_no_named_source_says_so():
    from kg.resolve.labels import event_label

    label = event_label("190", (), (UKRAINE,), (), "asserted")
    assert not label.startswith("Someone") and label.startswith("Use conventional military force")
    assert "source not named" in label and "Ukraine" in label


JAPAN = Actor("japan", "Japan", "country")
NORTH_KOREA = Actor("north-korea", "North Korea", "country")
MEDIATOR = Actor("qatar", "Qatar", "country")
CIVILIANS = Actor("civilians", "civilians", "other")


def said(id: str, speaker: Actor, start: int = 0) -> Event:
    return ev(id, "010", day(20), [speaker], start=start)


def act(id: str, cameo: str, sources, targets=(), *, start: int = 0, places=(), claimed=(),
        modality: str = "asserted", type_confidence: float = 0.8) -> Event:
    e = ev(id, cameo, day(20), sources, targets, start=start, places=places, modality=modality)
    return e.__class__(**{**e.__dict__, "claimed_by": tuple(claimed)}).with_confidence(type=type_confidence)


@pytest.mark.parametrize("why, sentence, kept", [
    ("a third party reporting another's launch is only the report's source",
     [said("s", JAPAN), act("a", "150", [NORTH_KOREA])], False),
    ("a party telling of its own act makes a statement of its own",
     [said("s", RUSSIA), act("a", "190", [FORCES], [UKRAINE])], True),
    ("the party an act was aimed at speaks for a party to it",
     [said("s", UKRAINE), act("a", "171", [FORCES], [UKRAINE])], True),
    ("a state on whose soil the act happened is a party to it",
     [said("s", UK), act("a", "154", [FORCES], places=[LONDON])], True),
    ("a mediator announcing a deal is news of its own",
     [said("s", MEDIATOR), act("a", "0871", [RUSSIA], [UKRAINE])], True),
    ("terms are the speaker's position, whoever the condition names",
     [said("s", JAPAN), act("a", "150", [NORTH_KOREA], modality="conditional")], True),
    ("a bare noun is too weak a sign of a reported act",
     [said("s", JAPAN), act("a", "150", [NORTH_KOREA], type_confidence=0.7)], True),
    ("an act claimed by another speaker is that speaker's report",
     [said("s", JAPAN), act("a", "150", [NORTH_KOREA], claimed=[USA])], True),
    ("an act of another sentence is not what this statement reports",
     [said("s", JAPAN), act("a", "150", [NORTH_KOREA], start=90)], True),
])
def test_a_statement_that_only_attributes_another_partys_act_is_not_an_event(why, sentence, kept):
    out = merge_events(sentence)
    assert any(e.cameo == "010" for e in out) is kept, why
    reported = next(e for e in out if e.cameo != "010")
    if not kept:  # the act the statement reported is now claimed by its speaker
        assert reported.claimed_by == sentence[0].sources


def test_a_folded_statement_stays_folded_when_merged_again():
    once = merge_events([said("s", JAPAN), act("a", "150", [NORTH_KOREA]), said("t", RUSSIA, start=40),
                         act("b", "190", [FORCES], [UKRAINE], start=40)])
    assert merge_events(once) == once


@pytest.mark.parametrize("why, event, kept", [
    ("no source, a kind of people and a date", ev("c", "190", day(20, "relative"), [], [CIVILIANS]), False),
    ("no source, a kind of people and a place", ev("c", "190", day(20, "publication"), [], [CIVILIANS],
                                                    places=[LONDON]), True),
    ("no source, a named party and a date", ev("c", "190", day(20, "relative"), [], [UKRAINE, CIVILIANS]), True),
])
def test_an_event_with_no_source_needs_a_named_party_to_stand_on_its_date(why, event, kept):
    assert bool(merge_events([event])) is kept, why


_SPEECH_POOL = [said("s1", JAPAN), said("s2", RUSSIA), said("s3", UKRAINE, start=40), said("s4", MEDIATOR, start=40),
                act("a1", "150", [NORTH_KOREA]), act("a2", "190", [FORCES], [UKRAINE]),
                act("a3", "0871", [RUSSIA], [UKRAINE], start=40), act("a4", "171", [FORCES], start=40),
                act("a5", "150", [NORTH_KOREA], claimed=[USA], start=40)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_SPEECH_POOL), unique_by=lambda e: e.id, min_size=1, max_size=9), st.randoms())
def test_folding_statements_does_not_depend_on_order_and_is_idempotent(events, rnd):
    once = merge_events(events)
    shuffled = list(events)
    rnd.shuffle(shuffled)
    assert merge_events(shuffled) == once
    assert merge_events(once) == once


def test_a_published_statement_is_never_folded_away():
    sentence = [said("s", JAPAN), act("a", "150", [NORTH_KOREA])]
    assert any(e.id == "s" for e in merge_events(sentence, keep_ids={"s"}))


_QUOTE = "\"Our people have waited too long for answers,\" {who} said."


@pytest.mark.parametrize("why, text, statements", [
    ("a speaker's quoted words after the speaker's act that day are that act's colour",
     "Chad's government spokesman Aziz Mahamat Saleh accused Sudan on Tuesday of arming rebels in "
     "the east of the country. " + _QUOTE.format(who="Saleh"), 0),
    ("a quote by a party with no act of its own that day is a statement of its own",
     "Sudan's army shelled rebel positions near the border on Tuesday. "
     + _QUOTE.format(who="Chad's government spokesman Aziz Mahamat Saleh"), 1),
])
def test_a_quote_of_a_speaker_who_acted_that_day_is_no_second_event(why, text, statements):
    from kg import events_from_text

    events = events_from_text(text, dt.date(2024, 3, 5))
    assert len(events) == 1 + statements, why
    assert sum(e.cameo == "010" for e in events) == statements, why


def test_a_statement_nobody_makes_is_no_event_and_joins_no_other():
    """An announcement whose speaker the resolver could not place ("indictments announced by a
    department") is dropped before merging: it never becomes a bare mention of a named party's
    statement in the same article, lending it its date."""
    unknown_speaker = ev("u", "010", day(20), start=0)
    quote = ev("q", "010", TimeSpan(dt.date(2025, 4, 21), dt.date(2025, 4, 21), "day", "publication"),
               [USA], start=40)
    out = merge_events([unknown_speaker, quote])
    assert [(e.id, e.time.start, len(e.evidence)) for e in out] == [("q", dt.date(2025, 4, 21), 1)]
    assert merge_events([unknown_speaker], keep_ids=["u"], keep_actorless=True)  # a published one stays
