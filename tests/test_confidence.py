"""How sure the graph is of each event, and of each of its fields.

Every event carries ``confidence`` (the event as a whole) and, for each field it has,
``field_confidence``: the CAMEO type, the date, the source and target actors, the places. A field
is as sure as the way it was found: a written date more than the day of publication, a named
party more than a pronoun pointing back. Independent reports that agree raise it.
"""
from __future__ import annotations

import csv
import datetime as dt

import pytest

from kg import events_from_text
from kg.export.rdf import CONFIDENCE_TERMS, event_iri, events_from_rdf, to_rdf
from kg.model import CONFIDENCE_FIELDS, Event, TimeSpan
from kg.vocab import CKG

PUBLISHED = dt.date(2025, 3, 12)


def _one(text: str, root: str, published: dt.date = PUBLISHED) -> Event:
    events = [e for e in events_from_text(text, published) if e.cameo.startswith(root)]
    assert len(events) == 1, [(e.cameo, e.label) for e in events]
    return events[0]


def test_every_event_states_how_sure_its_type_is_and_only_fields_it_has(seed_events):
    for ev in seed_events:
        fields = dict(ev.field_confidence)
        assert "type" in fields, ev.label
        assert set(fields) <= set(CONFIDENCE_FIELDS)
        assert all(0 < v <= 1 for v in fields.values())
        assert ("time" in fields) == ev.time.is_known
        assert ("sources" in fields) == bool(ev.sources)
        assert ("targets" in fields) == bool(ev.targets)
        assert ("places" in fields) == bool(ev.places)


def test_a_written_date_is_surer_than_the_day_of_publication():
    dated = _one("Russian forces shelled the city of Kharkiv on Monday night, the regional "
                 "governor said.", "19")
    undated = _one("Russian forces shelled the city of Kharkiv, the regional governor said.", "19")
    assert dated.time.basis != "publication" and undated.time.basis == "publication"
    assert dated.confidence_of("time") > undated.confidence_of("time")


def test_a_named_party_is_surer_than_a_pronoun_pointing_back():
    named = _one("Hamas fired rockets at Tel Aviv on Monday, the Israeli military said.", "19")
    pointed = _one("Hamas said it had fired rockets at Tel Aviv on Monday.", "19")
    assert [a.name for a in pointed.sources] == [a.name for a in named.sources] == ["Hamas"]
    assert named.confidence_of("sources") > pointed.confidence_of("sources")


@pytest.mark.parametrize("surer, less_sure", [
    ("The Pakistani army carried out raids on militant hideouts in North Waziristan on Thursday.",
     "The Pakistani army raided militant hideouts in North Waziristan on Thursday."),
    ("The Pakistani army raided militant hideouts in North Waziristan on Thursday.",
     "Pakistani army raids on militant hideouts in North Waziristan on Thursday left 11 dead."),
])
def test_a_verb_with_its_event_noun_is_surer_of_the_type_than_a_verb_and_a_verb_than_a_noun(surer, less_sure):
    assert _one(surer, "19").confidence_of("type") > _one(less_sure, "19").confidence_of("type")


def test_a_field_the_event_lacks_has_no_confidence_and_a_wrong_name_is_an_error():
    ev = _one("Azerbaijani border guards arrested a former separatist leader on Wednesday.", "17")
    assert ev.confidence_of("places") is None
    with pytest.raises(ValueError, match="'mood' is not one of type, time"):
        ev.confidence_of("mood")


def test_agreeing_reports_raise_the_confidence_of_what_they_agree_on(tmp_path):
    from kg.pipeline import build

    first = tmp_path / "wire.txt"
    second = tmp_path / "paper.txt"
    first.write_text("Published: 2025-03-12\n\nRussian forces shelled Kharkiv on Tuesday, the "
                     "regional governor Oleh Syniehubov said.\n", encoding="utf-8")
    second.write_text("Published: 2025-03-12\n\nThe regional governor said Russian troops had "
                      "shelled Kharkiv on Tuesday, damaging a hospital.\n", encoding="utf-8")
    alone = [e for e in build([first]).events if e.cameo.startswith("19")]
    both = [e for e in build([first, second]).events if e.cameo.startswith("19")]
    assert len(alone) == 1 and len(both) == 1 and len(both[0].evidence) == 2
    for name in ("type", "time", "sources"):
        assert both[0].confidence_of(name) > alone[0].confidence_of(name), name


def test_each_field_confidence_is_its_own_property_in_the_export_and_reads_back(seed_events):
    graph = to_rdf(seed_events)
    assert set(CONFIDENCE_TERMS) == set(CONFIDENCE_FIELDS)
    for ev in seed_events:
        for name, value in ev.field_confidence:
            assert float(graph.value(event_iri(ev.id), CONFIDENCE_TERMS[name])) == value
    back = {e.id: e for e in events_from_rdf(graph)}
    assert all(back[e.id].field_confidence == e.field_confidence for e in seed_events)
    assert str(CONFIDENCE_TERMS["time"]) == str(CKG.timeConfidence)


def test_the_table_has_a_column_per_field_left_empty_where_the_event_lacks_it(seed_export, seed_events):
    with open(seed_export / "events.csv", newline="", encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    for ev in seed_events:
        for name in CONFIDENCE_FIELDS:
            value = ev.confidence_of(name)
            assert rows[ev.id][f"{name}_confidence"] == ("" if value is None else f"{value:.2f}")


def test_an_undated_event_says_nothing_of_its_time():
    ev = Event("x", "190", "?", TimeSpan.unknown(), field_confidence=(("type", 0.8),))
    assert ev.confidence_of("time") is None
    assert (None, CKG.timeConfidence, None) not in to_rdf([ev])


def test_setting_a_field_confidence_keeps_the_fields_in_their_order_for_a_stable_export():
    ev = Event("x", "190", "?", TimeSpan.unknown(), field_confidence=(("type", 0.8), ("places", 0.85)))
    later = ev.with_confidence(sources=0.5)
    assert later.field_confidence == (("type", 0.8), ("sources", 0.5), ("places", 0.85))
    assert events_from_rdf(to_rdf([later]))[0].field_confidence == later.field_confidence
