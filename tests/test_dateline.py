"""Datelines and page date stamps at the head of a line are cut before parsing: they tell when
the page went up, not when what the sentence reports happened."""
from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from kg.extract import prepare_text
from kg.extract.boilerplate import dateline_end


def test_wire_dateline_is_cut() -> None:
    line = "KHARTOUM, June 3 (Reuters) - The army said ..."
    assert line[dateline_end(line):].startswith("The army")


def test_page_stamp_is_cut_with_or_without_label() -> None:
    for line in (" date 2024-01-10 Troops patrol the square.", "date: 2024-01-10 Troops patrol the square.",
                 "2024-01-10T08:15Z Troops patrol the square."):
        assert line[dateline_end(line):] == "Troops patrol the square."


def test_a_date_inside_a_sentence_is_no_stamp() -> None:
    for line in ("The date 2024-01-10 was set for talks.", "2024-01-10", "On 2024-01-10 troops moved in."):
        assert dateline_end(line) == 0


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
       st.sampled_from(["Rebels", "The ministry", "Kenya", "Police"]),
       st.text(alphabet="abcdefghij ,.", min_size=1, max_size=40))
def test_stamp_is_blanked_and_offsets_kept(day: dt.date, first: str, rest: str) -> None:
    text = f"date {day.isoformat()} {first} said{rest}\nMore text."
    clean, lines = prepare_text(text)
    assert len(clean) == len(text)
    assert day.isoformat() not in clean
    assert clean[lines[0][0]:].startswith(first)
