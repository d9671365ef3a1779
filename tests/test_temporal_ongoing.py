"""What has held or gone on "since" a time, in a present perfect, runs from then up to the report
("clashes have raged since May 10" in a June 4 report: May 10 to June 4); a past perfect ("had
held since November") or a plain past keeps the starting point only. A long run of that kind is
not the one-day episode the same article tells of inside it."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg import events_from_text
from kg.temporal import resolve_time

D = dt.date.fromisoformat


@pytest.mark.parametrize("sentence, published, start, end", [
    ("Russian forces have shelled the town of Kupiansk since Monday, the Ukrainian army said.",
     "2023-08-03", "2023-07-31", "2023-08-03"),
    ("Gang leader Jimmy Cherizier's fighters have blocked the main fuel terminal of Port-au-Prince since September 12.",
     "2022-10-06", "2022-09-12", "2022-10-06"),
    ("Houthi forces have attacked more than 40 merchant ships in the Red Sea since November.",
     "2024-02-20", "2023-11-01", "2024-02-20"),
    ("Azerbaijani troops have blockaded the Lachin corridor since December 12, Armenia said.",
     "2023-02-15", "2022-12-12", "2023-02-15"),
    ("RSF fighters have attacked the Sudanese city of El Obeid since last week.",
     "2023-05-25", "2023-05-15", "2023-05-25"),
    ("Israeli troops have been fighting Hamas in Khan Younis since December 3.",
     "2024-01-22", "2023-12-03", "2024-01-22"),
    ("M23 rebels have shelled the outskirts of Goma since Sunday, residents said.",
     "2024-02-08", "2024-02-04", "2024-02-08"),
    ("Security forces have detained hundreds of protesters in Tehran since September 17.",
     "2022-10-04", "2022-09-17", "2022-10-04"),
])
def test_present_perfect_since_runs_up_to_the_report(sentence: str, published: str, start: str, end: str) -> None:
    events = [e for e in events_from_text(sentence, D(published)) if e.cameo[:2] in {"17", "18", "19"}]
    assert events, sentence
    # a run known to the month spans whole months, as the graph writes it; its latest day is the report's
    assert any((e.time.start, e.time.latest or e.time.end) == (D(start), D(end)) for e in events), \
        [(e.cameo, e.time.start, e.time.end, e.time.latest) for e in events]


@pytest.mark.parametrize("sentence, published, day", [
    ("The rebels freed two soldiers they had held since November 3.", "2024-01-03", "2023-11-03"),
    ("Police arrested a man who had been wanted since March 2, officials said.", "2024-04-10", "2024-03-02"),
    ("The army retook the hill it had lost since Tuesday.", "2024-04-12", "2024-04-09"),
])
def test_past_perfect_since_keeps_no_run_up_to_the_report(sentence: str, published: str, day: str) -> None:
    for e in events_from_text(sentence, D(published)):
        assert e.time.end is None or e.time.end != D(published) or e.time.start == D(published), e


def test_the_resolver_reads_since_to_date() -> None:
    span = resolve_time("since May 10 to date", D("2024-06-04"))
    assert span is not None and (span.start, span.end, span.precision) == (D("2024-05-10"), D("2024-06-04"), "day")
    month = resolve_time("since April to date", D("2024-04-20"))
    assert month is not None and (month.start, month.end) == (D("2024-04-01"), D("2024-04-20"))


def test_a_run_since_a_day_does_not_swallow_the_episode_of_a_later_day() -> None:
    text = ("Sudanese army and RSF fighters have clashed in El Obeid since March 2. "
            "On Sunday, RSF fighters shelled the army base in El Obeid.")
    events = [e for e in events_from_text(text, D("2024-03-26")) if e.cameo[:2] == "19"]
    starts = sorted(e.time.start for e in events)
    assert D("2024-03-02") in starts and D("2024-03-24") in starts, \
        [(e.cameo, e.time.start, e.time.end) for e in events]


@given(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2035, 12, 31)),
       st.sampled_from(["week", "month", "year"]))
def test_earlier_and_later_this_unit_leave_out_the_day_of_the_report(pub: dt.date, unit: str) -> None:
    earlier = resolve_time(f"earlier this {unit}", pub, tense="past")
    later = resolve_time(f"later this {unit}", pub, tense="future")
    assert earlier is not None and later is not None
    assert earlier.start is not None and earlier.end is not None and later.start is not None
    assert earlier.start <= earlier.end and later.start <= (later.end or later.start)
    if earlier.start < pub:  # not the unit's first day: the window ends before the report
        assert earlier.end < pub
    if later.end is not None and pub < later.end:  # not its last day: it starts after the report
        assert later.start > pub


@given(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2035, 12, 31)),
       st.integers(min_value=0, max_value=400))
def test_since_to_date_runs_from_its_day_to_the_report(pub: dt.date, back: int) -> None:
    day = pub - dt.timedelta(days=back)
    span = resolve_time(f"since {day.strftime('%B')} {day.day}, {day.year} to date", pub)
    assert span is not None and (span.start, span.end) == (day, pub)
