"""Anaphora, owned by kg.resolve.anaphora: definite event nouns, pronouns and headline actors."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kg.model import Actor, EntityMention, Event, EventMention, TimeMention, TimeSpan
from kg.resolve.anaphora import lend_headline_actors, link_definite, with_pronouns

_PERSONAL = frozenset({"he", "she", "him", "her"})


def _em(cameo: str, trigger: str, at: int, *, sources: tuple[str, ...] = (), definite: bool = False,
        modality: str = "asserted", places: tuple[str, ...] = (), times: tuple[str, ...] = (),
        headline: bool = False) -> EventMention:
    return EventMention(
        "a1", cameo, trigger, at, at + len(trigger), f"... {trigger} ...", at - 4, at + len(trigger) + 4,
        sources=tuple(EntityMention(s, at - 20, at - 20 + len(s), "GPE", "actor") for s in sources),
        places=tuple(EntityMention(p, at + 20, at + 20 + len(p), "GPE", "place") for p in places),
        times=tuple(TimeMention(t, at + 40, at + 40 + len(t)) for t in times),
        modality=modality, definite=definite, headline=headline, confidence=0.5)  # type: ignore[arg-type]


def test_the_talks_take_the_participants_and_time_of_the_talks_told_before() -> None:
    before = _em("046", "talks", 100, sources=("Ukraine",), times=("on Wednesday",))
    the_talks = _em("046", "talks", 300, definite=True)
    linked = link_definite([before, the_talks])
    assert linked[0] == before
    assert [m.text for m in linked[1].sources] == ["Ukraine"]
    assert [t.text for t in linked[1].times] == ["on Wednesday"]
    assert linked[1].confidence == 0.4  # a pointer is less sure than a named party


def test_an_agreement_points_back_at_a_truce_of_its_family() -> None:
    truce = _em("0871", "ceasefire", 100, sources=("Russia",))
    strike = _em("190", "strike", 200, sources=("Ukraine",))
    agreement = _em("057", "agreement", 300, definite=True)
    assert [m.text for m in link_definite([truce, strike, agreement])[2].sources] == ["Russia"]


def test_the_same_kind_modality_and_place_come_first() -> None:
    planned = _em("046", "talks", 100, sources=("Ukraine",), modality="planned", places=("London",))
    held = _em("046", "talks", 200, sources=("Qatar",), places=("Doha",))
    offer = _em("036", "offer", 250, sources=("Russia",))
    the_talks = _em("046", "talks", 300, definite=True, modality="planned", places=("London",))
    # the latest talks were held in Doha; "the upcoming talks in London" are the planned ones
    assert [m.text for m in link_definite([planned, held, offer, the_talks])[3].sources] == ["Ukraine"]


def test_nothing_points_back_at_a_headline_or_outside_the_family() -> None:
    headline = _em("046", "Talks", 0, sources=("Putin",), headline=True)
    strike = _em("190", "strike", 100, sources=("Russia",))
    the_talks = _em("046", "talks", 300, definite=True)
    assert link_definite([headline, strike, the_talks])[2] == the_talks


_mentions = st.lists(st.builds(
    _em, st.sampled_from(["046", "036", "057", "0871", "190", "112"]), st.just("talks"),
    st.integers(10, 10_000), sources=st.sampled_from([(), ("Russia",), ("Ukraine",)]),
    definite=st.booleans(), modality=st.sampled_from(["asserted", "planned"]),
    headline=st.booleans()), max_size=8)


@given(_mentions)
def test_linking_keeps_order_changes_only_definite_actorless_mentions_and_is_idempotent(
        mentions: list[EventMention]) -> None:
    linked = link_definite(mentions)
    assert len(linked) == len(mentions)
    for old, new in zip(mentions, linked):
        if not old.definite or old.sources or old.headline:
            assert new == old
        else:
            assert (new.cameo, new.trigger_start, new.modality) == (old.cameo, old.trigger_start, old.modality)
    assert link_definite(linked) == linked


# --- pronouns, "the group", "both sides" -----------------------------------------------------

def _m(text: str, start: int, label: str, role: str = "actor") -> EntityMention:
    return EntityMention(text, start, start + len(text), label, role)  # type: ignore[arg-type]


def test_pronouns_point_at_the_latest_person_or_group_of_their_kind() -> None:
    putin, russia, hamas = _m("Putin", 0, "PERSON"), _m("Russia", 20, "GPE"), _m("Hamas", 40, "ORG")
    he, it, group = _m("he", 60, "PRON"), _m("it", 70, "PRON"), _m("the group", 80, "GROUP")
    both = _m("both sides", 90, "PAIR")
    resolved = {putin: Actor("vladimir-putin", "Vladimir Putin", "person"),
                russia: Actor("russia", "Russia", "country"),
                hamas: Actor("hamas", "Hamas", "armed_group")}
    out = with_pronouns((putin, russia, hamas, he, it, group, both), resolved, _PERSONAL)
    assert out[he].id == "vladimir-putin"
    assert out[it].id == "hamas"
    assert out[group].id == "hamas"
    assert tuple(a.id for a in out[both]) == ("russia", "hamas")
    assert all(out[m] is resolved[m] for m in resolved)


def test_a_pronoun_with_nothing_before_it_stays_unresolved() -> None:
    he = _m("he", 0, "PRON")
    assert he not in with_pronouns((he, _m("both sides", 5, "PAIR")), {}, _PERSONAL)


# --- headlines ----------------------------------------------------------------------------------

def _ev(cameo: str, sources: tuple[Actor, ...] = ()) -> Event:
    day = dt.date(2025, 4, 21)
    return Event(f"e{cameo}{len(sources)}", cameo, "x", TimeSpan(day, day), sources=sources)


def test_a_headline_lends_its_actors_to_a_body_mention_of_its_kind_that_names_none() -> None:
    us = Actor("united-states", "United States", "country")
    body, other = _ev("1311"), _ev("046")
    out = lend_headline_actors([body, other], [_ev("13", (us,))])
    assert out[0].sources == (us,) and out[0].confidence_of("sources") == 0.5
    assert out[0].label.startswith("United States")
    assert out[1] == other


# --- on the founding example ---------------------------------------------------------------------

def test_the_upcoming_talks_in_london_point_back_at_the_meeting_kyiv_sends_its_delegation_to() -> None:
    from kg.extract import extract, load_nlp
    from kg.ingest import read_articles

    seed = Path(__file__).resolve().parents[1] / "examples" / "easter-truce.txt"
    ex = next(extract(read_articles([seed], published=dt.date(2025, 4, 21)), nlp=load_nlp()))
    linked = link_definite(ex.events)
    pointed = [(old, new) for old, new in zip(ex.events, linked) if old != new]
    assert len(pointed) == 1
    old, new = pointed[0]
    assert old.definite and not old.sources and old.trigger == "talks"
    assert new.cameo.startswith("04") and [m.text for m in new.sources] == ["Kyiv"]
