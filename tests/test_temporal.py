"""Specification of kg.temporal: which time expressions a sentence holds, and what they mean.

Expected spans were worked out by hand from the calendar; publication dates cover every weekday
(Mon 2025-04-21, Tue 2024-10-01, Wed 2023-10-11, Thu 2022-03-03, Fri 2024-06-07,
Sat 2023-07-15, Sun 2025-01-05), year and month boundaries, and leap years.
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import TimeSpan
from kg.temporal import find_time_expressions, parse_duration, resolve_time, with_duration


def D(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


MON, TUE, WED, THU = D("2025-04-21"), D("2024-10-01"), D("2023-10-11"), D("2022-03-03")
FRI, SAT, SUN = D("2024-06-07"), D("2023-07-15"), D("2025-01-05")


def case(expr, pub, tense, start, end, precision, basis="relative", sentence="", id=None):
    return pytest.param(expr, sentence, pub, tense, D(start), D(end), precision, basis,
                        id=id or f"{expr}|{pub}|{tense}")


def check(expr, sentence, pub, tense, start, end, precision, basis):
    span = resolve_time(expr, pub, tense=tense, sentence=sentence)
    assert span is not None, f"{expr!r} should resolve"
    assert (span.start, span.end, span.precision, span.basis) == (start, end, precision, basis)
    assert span.text == expr


# ---------------------------------------------------------------------------------------
# Calendar dates written out in full
# ---------------------------------------------------------------------------------------

EXPLICIT = [
    case("12 February 2023", MON, None, "2023-02-12", "2023-02-12", "day", "explicit"),
    case("February 12, 2023", MON, None, "2023-02-12", "2023-02-12", "day", "explicit"),
    case("2023-02-12", MON, None, "2023-02-12", "2023-02-12", "day", "explicit"),
    case("Feb. 12, 2023", MON, None, "2023-02-12", "2023-02-12", "day", "explicit"),
    case("Feb 12 2023", MON, None, "2023-02-12", "2023-02-12", "day", "explicit"),
    case("Sept. 11, 2001", MON, None, "2001-09-11", "2001-09-11", "day", "explicit"),
    case("the 24th of February 2022", MON, None, "2022-02-24", "2022-02-24", "day", "explicit"),
    case("24 Feb 2022", MON, None, "2022-02-24", "2022-02-24", "day", "explicit"),
    case("Thursday, February 24, 2022", MON, None, "2022-02-24", "2022-02-24", "day", "explicit"),
    case("on October 7, 2023", MON, None, "2023-10-07", "2023-10-07", "day", "explicit"),
    case("on 7 October 2023", MON, "past", "2023-10-07", "2023-10-07", "day", "explicit"),
    case("November 27th, 2024", MON, None, "2024-11-27", "2024-11-27", "day", "explicit"),
    case("2024-02-29", MON, None, "2024-02-29", "2024-02-29", "day", "explicit", id="iso-leap-day"),
    case("29 February 2024", MON, None, "2024-02-29", "2024-02-29", "day", "explicit", id="leap-day"),
    case("24/02/2022", MON, None, "2022-02-24", "2022-02-24", "day", "explicit", id="slash-unambiguous"),
    case("March 3-5, 2024", MON, None, "2024-03-03", "2024-03-05", "day", "explicit"),
    case("3-5 March 2024", MON, None, "2024-03-03", "2024-03-05", "day", "explicit"),
    case("KYIV, Ukraine, Feb 24, 2022", MON, None, "2022-02-24", "2022-02-24", "day", "explicit",
         id="dateline-with-year"),
    case("in February 2021", MON, None, "2021-02-01", "2021-02-28", "month", "explicit"),
    case("February 2024", MON, None, "2024-02-01", "2024-02-29", "month", "explicit", id="leap-month"),
    case("March of 2022", MON, None, "2022-03-01", "2022-03-31", "month", "explicit"),
    case("in 2013", MON, None, "2013-01-01", "2013-12-31", "year", "explicit"),
    case("1902", MON, None, "1902-01-01", "1902-12-31", "year", "explicit"),
    case("since 2014", MON, None, "2014-01-01", "2014-12-31", "year", "explicit"),
    case("the 1990s", MON, None, "1990-01-01", "1999-12-31", "year", "explicit"),
    case("between 2014 and 2022", MON, None, "2014-01-01", "2022-12-31", "year", "explicit"),
    case("2014-2022", MON, None, "2014-01-01", "2022-12-31", "year", "explicit"),
    case("2022-23", MON, None, "2022-01-01", "2023-12-31", "year", "explicit"),
    case("from December 2022 to February 2023", MON, None, "2022-12-01", "2023-02-28", "month", "explicit"),
    case("the summer of 2022", MON, None, "2022-06-01", "2022-08-31", "month", "explicit"),
    case("in the spring of 2021", MON, None, "2021-03-01", "2021-05-31", "month", "explicit"),
    case("the 3rd day of March, 2022", MON, None, "2022-03-03", "2022-03-03", "day", "explicit",
         id="dateparser-fallback"),
]


@pytest.mark.parametrize("expr,sentence,pub,tense,start,end,precision,basis", EXPLICIT)
def test_explicit_dates_resolve_to_their_calendar_span(expr, sentence, pub, tense, start, end, precision, basis):
    check(expr, sentence, pub, tense, start, end, precision, basis)


VAGUE_EXPLICIT = [
    # (expression, start = earliest, end = latest, precision)
    ("early April 2025", "2025-04-01", "2025-04-10", "month"),
    ("mid-March 2022", "2022-03-11", "2022-03-20", "month"),
    ("late February 2022", "2022-02-21", "2022-02-28", "month"),
    ("late February 2024", "2024-02-21", "2024-02-29", "month"),
    ("the end of June 2024", "2024-06-21", "2024-06-30", "month"),
    ("early 2023", "2023-01-01", "2023-04-30", "year"),
    ("mid-2014", "2014-05-01", "2014-08-31", "year"),
    ("late 2019", "2019-09-01", "2019-12-31", "year"),
    ("the first half of 2024", "2024-01-01", "2024-06-30", "year"),
    ("Q1 2025", "2025-01-01", "2025-03-31", "year"),
    ("the late 1980s", "1987-01-01", "1989-12-31", "year"),
]


@pytest.mark.parametrize("expr,start,end,precision", VAGUE_EXPLICIT)
def test_parts_of_months_and_years_keep_the_unit_precision_with_bounds(expr, start, end, precision):
    span = resolve_time(expr, MON)
    assert span is not None
    assert (span.start, span.end, span.precision, span.basis) == (D(start), D(end), precision, "explicit")
    assert (span.earliest, span.latest) == (D(start), D(end))


# ---------------------------------------------------------------------------------------
# Dates without a year: the year comes from the publication date and the tense
# ---------------------------------------------------------------------------------------

YEAR_ROLLOVER = [
    case("December 20", D("2025-01-10"), "past", "2024-12-20", "2024-12-20", "day", "explicit",
         id="december-in-january-is-last-year"),
    case("December 20", D("2025-01-10"), "future", "2025-12-20", "2025-12-20", "day", "explicit",
         id="december-in-january-future-is-this-year"),
    case("20 December", D("2025-01-03"), None, "2024-12-20", "2024-12-20", "day", "explicit"),
    case("on Dec. 31", D("2024-01-02"), "past", "2023-12-31", "2023-12-31", "day", "explicit"),
    case("January 5", D("2024-12-28"), "future", "2025-01-05", "2025-01-05", "day", "explicit"),
    case("January 5", D("2024-12-28"), "past", "2024-01-05", "2024-01-05", "day", "explicit"),
    case("March 12", D("2025-03-12"), None, "2025-03-12", "2025-03-12", "day", "explicit"),
    case("DOHA, March 12 (Reuters) -", D("2025-03-12"), None, "2025-03-12", "2025-03-12", "day",
         "explicit", id="dateline"),
    case("KYIV, Feb 24 (Reuters)", D("2022-02-24"), None, "2022-02-24", "2022-02-24", "day", "explicit"),
    case("February 29", D("2024-03-05"), "past", "2024-02-29", "2024-02-29", "day", "explicit"),
    case("February 29", D("2025-03-05"), "past", "2024-02-29", "2024-02-29", "day", "explicit",
         id="feb-29-in-a-common-year-is-the-last-leap-day"),
    case("May 9", D("2025-05-06"), "future", "2025-05-09", "2025-05-09", "day", "explicit"),
    case("July 4-5", D("2024-07-08"), "past", "2024-07-04", "2024-07-05", "day", "explicit"),
    case("April 25", MON, "past", "2025-04-25", "2025-04-25", "day", "explicit",
         id="a-few-days-ahead-is-still-this-year-in-past-tense"),
    case("Sunday, Dec. 8", D("2024-12-09"), "past", "2024-12-08", "2024-12-08", "day", "explicit"),
    case("early on Sunday, Dec. 8", D("2024-12-09"), "past", "2024-12-08", "2024-12-08", "day", "explicit"),
    case("from March 3 to March 5, 2024", D("2024-03-10"), "past", "2024-03-03", "2024-03-05", "day", "explicit"),
    case("in August", D("2025-02-10"), "past", "2024-08-01", "2024-08-31", "month"),
    case("in August", D("2025-02-10"), "future", "2025-08-01", "2025-08-31", "month"),
    case("in February", D("2025-02-20"), "past", "2025-02-01", "2025-02-28", "month"),
    case("in February", D("2024-02-20"), "future", "2024-02-01", "2024-02-29", "month"),
    case("in December", D("2025-01-15"), "future", "2025-12-01", "2025-12-31", "month"),
    case("in December", D("2025-01-15"), "past", "2024-12-01", "2024-12-31", "month"),
    case("last March", MON, None, "2025-03-01", "2025-03-31", "month"),
    case("last April", MON, None, "2024-04-01", "2024-04-30", "month"),
    case("next March", MON, None, "2026-03-01", "2026-03-31", "month"),
    case("since September", MON, "past", "2024-09-01", "2024-09-30", "month"),
    case("early April", MON, "past", "2025-04-01", "2025-04-10", "month"),
    case("mid-January", MON, "past", "2025-01-11", "2025-01-20", "month"),
    case("late December", D("2025-01-15"), "past", "2024-12-21", "2024-12-31", "month"),
    case("late January", D("2025-02-03"), "past", "2025-01-21", "2025-01-31", "month"),
    case("the end of February", D("2024-01-20"), "future", "2024-02-21", "2024-02-29", "month"),
]


@pytest.mark.parametrize("expr,sentence,pub,tense,start,end,precision,basis", YEAR_ROLLOVER)
def test_dates_without_a_year_take_the_year_that_fits_publication_and_tense(
        expr, sentence, pub, tense, start, end, precision, basis):
    check(expr, sentence, pub, tense, start, end, precision, basis)


# ---------------------------------------------------------------------------------------
# Weekdays: publication on every day of the week, each tense
# ---------------------------------------------------------------------------------------

WEEKDAYS = [
    # Monday 21 April 2025
    case("on Wednesday", MON, "past", "2025-04-16", "2025-04-16", "day"),
    case("on Wednesday", MON, "future", "2025-04-23", "2025-04-23", "day"),
    case("on Wednesday", MON, "present", "2025-04-23", "2025-04-23", "day"),
    case("on Monday", MON, "past", "2025-04-21", "2025-04-21", "day", id="same-weekday-past-is-publication-day"),
    case("on Monday", MON, "present", "2025-04-21", "2025-04-21", "day"),
    case("on Monday", MON, "future", "2025-04-21", "2025-04-21", "day", id="same-weekday-future-is-today"),
    case("on Sunday", MON, "past", "2025-04-20", "2025-04-20", "day"),
    case("Sunday", MON, "future", "2025-04-27", "2025-04-27", "day"),
    case("last Saturday", MON, "future", "2025-04-19", "2025-04-19", "day", id="last-overrides-tense"),
    case("last Monday", MON, None, "2025-04-14", "2025-04-14", "day"),
    case("next Friday", MON, "past", "2025-04-25", "2025-04-25", "day", id="next-overrides-tense"),
    case("this coming Tuesday", MON, None, "2025-04-22", "2025-04-22", "day"),
    case("this Sunday", MON, "future", "2025-04-27", "2025-04-27", "day"),
    case("Monday's", MON, "past", "2025-04-21", "2025-04-21", "day", id="possessive"),
    # Tuesday 1 October 2024
    case("on Tuesday", TUE, "past", "2024-10-01", "2024-10-01", "day"),
    case("on Monday", TUE, "past", "2024-09-30", "2024-09-30", "day", id="previous-month"),
    case("on Thursday", TUE, "future", "2024-10-03", "2024-10-03", "day"),
    case("on Thursday", TUE, "past", "2024-09-26", "2024-09-26", "day"),
    case("on Saturday", TUE, "present", "2024-09-28", "2024-09-28", "day"),
    # Wednesday 11 October 2023
    case("on Saturday", WED, "past", "2023-10-07", "2023-10-07", "day"),
    case("on Wednesday", WED, "present", "2023-10-11", "2023-10-11", "day"),
    case("on Friday", WED, "future", "2023-10-13", "2023-10-13", "day"),
    case("on Sunday", WED, "present", "2023-10-08", "2023-10-08", "day"),
    case("next Wednesday", WED, None, "2023-10-18", "2023-10-18", "day"),
    case("last Wednesday", WED, None, "2023-10-04", "2023-10-04", "day"),
    # Thursday 3 March 2022
    case("on Monday", THU, "past", "2022-02-28", "2022-02-28", "day", id="across-february-common-year"),
    case("on Thursday", THU, "past", "2022-03-03", "2022-03-03", "day"),
    case("on Saturday", THU, "future", "2022-03-05", "2022-03-05", "day"),
    case("on Friday", THU, "past", "2022-02-25", "2022-02-25", "day"),
    # Friday 7 June 2024
    case("on Friday", FRI, "present", "2024-06-07", "2024-06-07", "day"),
    case("on Sunday", FRI, "future", "2024-06-09", "2024-06-09", "day"),
    case("on Tuesday", FRI, "past", "2024-06-04", "2024-06-04", "day"),
    case("on Monday", FRI, "present", "2024-06-10", "2024-06-10", "day"),
    # Saturday 15 July 2023
    case("on Saturday", SAT, "past", "2023-07-15", "2023-07-15", "day"),
    case("on Friday", SAT, "past", "2023-07-14", "2023-07-14", "day"),
    case("on Sunday", SAT, "future", "2023-07-16", "2023-07-16", "day"),
    case("on Saturday", SAT, "future", "2023-07-15", "2023-07-15", "day"),
    case("last Saturday", SAT, None, "2023-07-08", "2023-07-08", "day"),
    # Sunday 5 January 2025
    case("on Sunday", SUN, "past", "2025-01-05", "2025-01-05", "day"),
    case("on Monday", SUN, "future", "2025-01-06", "2025-01-06", "day"),
    case("on Tuesday", SUN, "past", "2024-12-31", "2024-12-31", "day", id="weekday-across-new-year"),
    case("on Thursday", SUN, "past", "2025-01-02", "2025-01-02", "day"),
    case("on Saturday", SUN, "past", "2025-01-04", "2025-01-04", "day"),
    # a leap day
    case("on Thursday", D("2024-03-02"), "past", "2024-02-29", "2024-02-29", "day", id="weekday-on-leap-day"),
]


@pytest.mark.parametrize("expr,sentence,pub,tense,start,end,precision,basis", WEEKDAYS)
def test_weekdays_resolve_by_tense(expr, sentence, pub, tense, start, end, precision, basis):
    check(expr, sentence, pub, tense, start, end, precision, basis)


# ---------------------------------------------------------------------------------------
# Days, nights and parts of days relative to publication
# ---------------------------------------------------------------------------------------

RELATIVE_DAYS = [
    case("yesterday", SUN, None, "2025-01-04", "2025-01-04", "day"),
    case("yesterday", D("2025-01-01"), None, "2024-12-31", "2024-12-31", "day", id="yesterday-across-new-year"),
    case("yesterday", D("2024-03-01"), None, "2024-02-29", "2024-02-29", "day", id="yesterday-leap-day"),
    case("yesterday", D("2023-03-01"), None, "2023-02-28", "2023-02-28", "day"),
    case("today", MON, None, "2025-04-21", "2025-04-21", "day"),
    case("tomorrow", D("2024-02-28"), None, "2024-02-29", "2024-02-29", "day", id="tomorrow-leap-day"),
    case("tomorrow", D("2023-02-28"), None, "2023-03-01", "2023-03-01", "day"),
    case("the day before yesterday", MON, None, "2025-04-19", "2025-04-19", "day"),
    case("the day after tomorrow", D("2024-12-30"), None, "2025-01-01", "2025-01-01", "day"),
    case("this morning", WED, None, "2023-10-11", "2023-10-11", "day"),
    case("yesterday evening", WED, None, "2023-10-10", "2023-10-10", "day"),
    case("late on Tuesday", WED, "past", "2023-10-10", "2023-10-10", "day"),
    case("early Friday", FRI, "past", "2024-06-07", "2024-06-07", "day"),
    case("Saturday morning", MON, "past", "2025-04-19", "2025-04-19", "day"),
    case("on Tuesday night", WED, "past", "2023-10-10", "2023-10-10", "day"),
    case("last night", MON, None, "2025-04-20", "2025-04-20", "day"),
    case("tonight", MON, None, "2025-04-21", "2025-04-21", "day"),
    case("overnight", MON, "past", "2025-04-20", "2025-04-21", "day", id="overnight-is-the-night-before"),
    case("overnight", MON, "future", "2025-04-21", "2025-04-22", "day", id="overnight-future-is-tonight"),
    case("overnight", D("2025-01-01"), "past", "2024-12-31", "2025-01-01", "day"),
    case("overnight into Sunday", MON, "past", "2025-04-19", "2025-04-20", "day"),
    case("overnight on Saturday", SAT, "past", "2023-07-14", "2023-07-15", "day"),
    case("the night of Saturday to Sunday", MON, "past", "2025-04-19", "2025-04-20", "day"),
    case("Friday night into Saturday", MON, "past", "2025-04-18", "2025-04-19", "day"),
    # a day counted from another day (extraction writes these for "two days after X did Y")
    case("two days before on Saturday", MON, "past", "2025-04-17", "2025-04-17", "day"),
    case("a day before today", D("2025-01-01"), "past", "2024-12-31", "2024-12-31", "day"),
    case("3 days after on Friday", FRI, "past", "2024-06-10", "2024-06-10", "day"),
    # a past act "in the early hours" of the day after the dateline: filed from a time zone behind
    case("in the early hours of Wednesday", TUE, "past", "2024-10-02", "2024-10-02", "day",
         id="early-hours-of-tomorrow-is-a-time-zone"),
    case("early Wednesday", TUE, "past", "2024-10-02", "2024-10-02", "day"),
    case("Wednesday", TUE, "past", "2024-09-25", "2024-09-25", "day", id="plain-past-weekday-stays-last-week"),
    case("early Monday", TUE, "past", "2024-09-30", "2024-09-30", "day"),
]


@pytest.mark.parametrize("expr,sentence,pub,tense,start,end,precision,basis", RELATIVE_DAYS)
def test_relative_days_and_nights(expr, sentence, pub, tense, start, end, precision, basis):
    check(expr, sentence, pub, tense, start, end, precision, basis)


def test_a_night_may_run_into_the_next_day():
    span = resolve_time("on Tuesday night", WED, tense="past")
    assert (span.earliest, span.latest) == (D("2023-10-10"), D("2023-10-11"))
    span = resolve_time("overnight", MON, tense="past")
    assert (span.earliest, span.latest) == (D("2025-04-20"), D("2025-04-21"))


# ---------------------------------------------------------------------------------------
# Weekends, weeks, months, years
# ---------------------------------------------------------------------------------------

UNITS = [
    case("over the weekend", MON, "past", "2025-04-19", "2025-04-20", "day"),
    case("over the weekend", WED, "past", "2023-10-07", "2023-10-08", "day"),
    case("over the weekend", SUN, "past", "2025-01-04", "2025-01-05", "day"),
    case("over the weekend", SAT, "past", "2023-07-15", "2023-07-15", "day", id="weekend-so-far-on-saturday"),
    case("over the weekend", FRI, "future", "2024-06-08", "2024-06-09", "day"),
    case("this weekend", FRI, "future", "2024-06-08", "2024-06-09", "day"),
    case("at the weekend", THU, "future", "2022-03-05", "2022-03-06", "day"),
    case("next weekend", MON, None, "2025-04-26", "2025-04-27", "day"),
    case("next weekend", SAT, None, "2023-07-22", "2023-07-23", "day"),
    case("last weekend", SUN, None, "2024-12-28", "2024-12-29", "day"),
    case("last weekend", THU, None, "2022-02-26", "2022-02-27", "day"),
    case("last week", MON, None, "2025-04-14", "2025-04-20", "week"),
    case("last week", THU, None, "2022-02-21", "2022-02-27", "week"),
    case("last week", SUN, None, "2024-12-23", "2024-12-29", "week", id="last-week-across-new-year"),
    case("last week", D("2025-01-01"), None, "2024-12-23", "2024-12-29", "week"),
    case("this week", MON, None, "2025-04-21", "2025-04-27", "week"),
    case("this week", D("2025-01-01"), None, "2024-12-30", "2025-01-05", "week"),
    case("next week", D("2024-12-30"), None, "2025-01-06", "2025-01-12", "week"),
    case("next week", THU, None, "2022-03-07", "2022-03-13", "week"),
    case("earlier this week", THU, None, "2022-02-28", "2022-03-02", "week"),
    case("later this week", MON, None, "2025-04-22", "2025-04-27", "week"),
    # "earlier" is before the day of the report and "later" after it (that day is "today")
    case("earlier this week", D("2024-10-04"), None, "2024-09-30", "2024-10-03", "week"),
    case("earlier this week", D("2021-06-30"), "past", "2021-06-28", "2021-06-29", "week"),
    case("later this week", D("2023-02-20"), "future", "2023-02-21", "2023-02-26", "week"),
    case("later this week", D("2022-09-07"), "future", "2022-09-08", "2022-09-11", "week"),
    case("earlier this month", D("2020-03-26"), "past", "2020-03-01", "2020-03-25", "month"),
    case("later this month", D("2019-01-15"), "future", "2019-01-16", "2019-01-31", "month"),
    case("the rest of the week", D("2024-05-08"), "future", "2024-05-08", "2024-05-12", "week"),
    case("earlier this year", D("2016-02-29"), "past", "2016-01-01", "2016-02-28", "year"),
    case("early next week", FRI, None, "2024-06-10", "2024-06-12", "week"),
    case("late last week", MON, None, "2025-04-17", "2025-04-20", "week"),
    case("the end of the week", WED, None, "2023-10-13", "2023-10-15", "week"),
    case("the past week", MON, None, "2025-04-14", "2025-04-21", "week"),
    case("last month", D("2025-01-15"), None, "2024-12-01", "2024-12-31", "month", id="last-month-across-new-year"),
    case("last month", D("2024-03-10"), None, "2024-02-01", "2024-02-29", "month", id="last-month-leap-february"),
    case("last month", D("2023-03-10"), None, "2023-02-01", "2023-02-28", "month"),
    case("this month", MON, None, "2025-04-01", "2025-04-30", "month"),
    case("next month", D("2024-12-05"), None, "2025-01-01", "2025-01-31", "month"),
    case("next month", MON, None, "2025-05-01", "2025-05-31", "month"),
    case("earlier this month", MON, None, "2025-04-01", "2025-04-20", "month"),
    case("later this month", D("2024-11-10"), None, "2024-11-11", "2024-11-30", "month"),
    case("late last month", D("2025-03-12"), None, "2025-02-21", "2025-02-28", "month"),
    case("the end of the month", MON, None, "2025-04-21", "2025-04-30", "month"),
    case("early next month", D("2024-02-20"), None, "2024-03-01", "2024-03-10", "month"),
    case("last year", SUN, None, "2024-01-01", "2024-12-31", "year"),
    case("this year", SUN, None, "2025-01-01", "2025-12-31", "year"),
    case("next year", D("2024-12-28"), None, "2025-01-01", "2025-12-31", "year"),
    case("earlier this year", SAT, None, "2023-01-01", "2023-07-14", "year"),
    case("later this year", D("2025-05-07"), None, "2025-05-08", "2025-12-31", "year"),
    case("late last year", MON, None, "2024-09-01", "2024-12-31", "year"),
    case("early next year", D("2024-11-28"), None, "2025-01-01", "2025-04-30", "year"),
    case("two days ago", D("2025-01-01"), None, "2024-12-30", "2024-12-30", "day"),
    case("10 days ago", D("2024-03-05"), None, "2024-02-24", "2024-02-24", "day", id="days-ago-across-leap-february"),
    case("a week ago", MON, None, "2025-04-14", "2025-04-20", "week"),
    case("three months ago", MON, None, "2025-01-01", "2025-01-31", "month"),
    case("two months ago", D("2025-01-20"), None, "2024-11-01", "2024-11-30", "month"),
    case("a year ago", MON, None, "2024-01-01", "2024-12-31", "year"),
    case("two years ago", FRI, None, "2022-01-01", "2022-12-31", "year"),
    case("in recent days", MON, None, "2025-04-14", "2025-04-21", "week"),
    case("over the past 24 hours", MON, None, "2025-04-20", "2025-04-21", "day"),
    case("over the past two weeks", MON, None, "2025-04-07", "2025-04-21", "week"),
    case("in the coming days", MON, None, "2025-04-21", "2025-04-28", "week"),
    case("in the coming weeks", MON, None, "2025-04-21", "2025-05-21", "month"),
    case("more than a year ago", MON, None, "2023-04-22", "2024-04-21", "year", id="more-than-ends-before-that-point"),
    case("nearly two years ago", FRI, None, "2022-06-08", "2024-06-07", "year", id="nearly-runs-up-to-publication"),
    case("the past decade", MON, None, "2015-04-22", "2025-04-21", "year"),
    case("earlier in the day", WED, None, "2023-10-11", "2023-10-11", "day"),
    case("in September last year", D("2024-04-08"), None, "2023-09-01", "2023-09-30", "month"),
    case("early January next year", D("2024-11-28"), None, "2025-01-01", "2025-01-10", "month"),
    case("last summer", D("2025-02-10"), None, "2024-06-01", "2024-08-31", "month"),
    case("this spring", D("2025-02-10"), "future", "2025-03-01", "2025-05-31", "month"),
]


@pytest.mark.parametrize("expr,sentence,pub,tense,start,end,precision,basis", UNITS)
def test_weekends_weeks_months_and_years_relative_to_publication(
        expr, sentence, pub, tense, start, end, precision, basis):
    check(expr, sentence, pub, tense, start, end, precision, basis)


@pytest.mark.parametrize("expr,pub", [
    ("earlier this month", MON), ("late last year", MON), ("early next week", FRI),
    ("in recent days", MON), ("the past week", MON), ("later this year", D("2025-05-07")),
])
def test_vague_spans_carry_their_bounds(expr, pub):
    span = resolve_time(expr, pub)
    assert (span.earliest, span.latest) == (span.start, span.end)


@pytest.mark.parametrize("expr,pub", [("last week", MON), ("next month", MON), ("last year", SUN),
                                      ("12 February 2023", MON), ("in 2013", MON)])
def test_whole_units_have_no_vague_bounds(expr, pub):
    span = resolve_time(expr, pub)
    assert (span.earliest, span.latest) == (None, None)


# ---------------------------------------------------------------------------------------
# Holidays
# ---------------------------------------------------------------------------------------

HOLIDAYS = [
    case("Orthodox Easter", MON, "past", "2025-04-20", "2025-04-20", "day"),
    case("Orthodox Easter", D("2025-04-17"), "past", "2025-04-20", "2025-04-20", "day",
         id="truce-declared-days-before-the-feast"),
    case("the Orthodox Easter", D("2023-04-20"), "past", "2023-04-16", "2023-04-16", "day"),
    case("Easter", D("2024-04-02"), "past", "2024-03-31", "2024-03-31", "day"),
    case("Easter", D("2024-03-20"), "future", "2024-03-31", "2024-03-31", "day"),
    case("Orthodox Easter", D("2024-04-02"), "future", "2024-05-05", "2024-05-05", "day"),
    case("Good Friday", D("2024-04-01"), "past", "2024-03-29", "2024-03-29", "day"),
    case("Easter Monday", D("2025-04-23"), "past", "2025-04-21", "2025-04-21", "day"),
    case("Christmas", D("2023-12-27"), "past", "2023-12-25", "2023-12-25", "day"),
    case("Christmas", D("2024-01-10"), "past", "2023-12-25", "2023-12-25", "day", id="christmas-from-january"),
    case("Christmas", D("2023-12-20"), "future", "2023-12-25", "2023-12-25", "day"),
    case("Christmas Eve", D("2022-12-27"), "past", "2022-12-24", "2022-12-24", "day"),
    case("on Christmas Day", D("2022-12-27"), "past", "2022-12-25", "2022-12-25", "day"),
    case("Orthodox Christmas", D("2023-01-05"), "future", "2023-01-07", "2023-01-07", "day"),
    case("Orthodox Christmas", D("2023-01-09"), "past", "2023-01-07", "2023-01-07", "day"),
    case("the eve of Orthodox Christmas", D("2023-01-05"), "future", "2023-01-06", "2023-01-06", "day"),
    case("last Christmas", D("2025-03-01"), None, "2024-12-25", "2024-12-25", "day"),
    case("New Year", D("2024-12-28"), "future", "2025-01-01", "2025-01-01", "day"),
    case("New Year's Eve", D("2024-12-28"), "future", "2024-12-31", "2024-12-31", "day"),
    case("New Year’s Day", D("2025-01-03"), "past", "2025-01-01", "2025-01-01", "day"),
    case("Ramadan", D("2025-03-15"), "present", "2025-03-01", "2025-03-29", "day"),
    case("during Ramadan", D("2024-02-20"), "future", "2024-03-11", "2024-04-09", "day"),
    case("the holy month of Ramadan", D("2024-02-20"), "future", "2024-03-11", "2024-04-09", "day"),
    case("the end of Ramadan", D("2025-03-15"), "future", "2025-03-29", "2025-03-29", "day"),
    case("Eid al-Fitr", D("2018-06-10"), "future", "2018-06-15", "2018-06-15", "day"),
    case("Eid al-Fitr", D("2025-04-02"), "past", "2025-03-30", "2025-03-30", "day"),
    case("Eid", D("2025-04-02"), "past", "2025-03-30", "2025-03-30", "day"),
    case("Eid al-Adha", D("2025-06-01"), "future", "2025-06-06", "2025-06-06", "day"),
    case("Eid ul-Adha", D("2024-06-20"), "past", "2024-06-16", "2024-06-16", "day"),
    case("Ashura", D("2024-07-20"), "past", "2024-07-16", "2024-07-16", "day"),
    case("Nowruz", D("2025-03-25"), "past", "2025-03-21", "2025-03-21", "day"),
    case("Nowruz", D("2024-03-15"), "future", "2024-03-20", "2024-03-20", "day", id="nowruz-on-20-march"),
    case("Passover", D("2024-04-25"), "present", "2024-04-23", "2024-04-29", "day"),
    case("Yom Kippur", D("2023-10-10"), "past", "2023-09-25", "2023-09-25", "day"),
    case("Rosh Hashanah", D("2023-09-10"), "future", "2023-09-16", "2023-09-17", "day"),
    case("Hanukkah", D("2023-12-01"), "future", "2023-12-08", "2023-12-15", "day"),
    case("Victory Day", D("2025-05-05"), "future", "2025-05-09", "2025-05-09", "day"),
    case("Thanksgiving", D("2024-11-20"), "future", "2024-11-28", "2024-11-28", "day"),
    case("Christmas 2022", MON, None, "2022-12-25", "2022-12-25", "day", "explicit"),
    case("Easter 2024", MON, None, "2024-03-31", "2024-03-31", "day", "explicit"),
    case("Orthodox Easter 2024", MON, None, "2024-05-05", "2024-05-05", "day", "explicit"),
    case("Ramadan 2024", MON, None, "2024-03-11", "2024-04-09", "day", "explicit"),
    case("Eid al-Adha 2024", MON, None, "2024-06-16", "2024-06-16", "day", "explicit"),
    case("Nowruz 2024", MON, None, "2024-03-20", "2024-03-20", "day", "explicit"),
    case("Passover 2025", MON, None, "2025-04-13", "2025-04-19", "day", "explicit"),
]


@pytest.mark.parametrize("expr,sentence,pub,tense,start,end,precision,basis", HOLIDAYS)
def test_holidays_resolve_to_the_occurrence_that_fits(expr, sentence, pub, tense, start, end, precision, basis):
    check(expr, sentence, pub, tense, start, end, precision, basis)


def test_islamic_holidays_allow_a_day_for_moon_sighting():
    span = resolve_time("Eid al-Fitr", D("2025-04-02"), tense="past")
    assert (span.earliest, span.latest) == (D("2025-03-29"), D("2025-03-31"))


def test_a_holiday_without_a_calendar_here_is_a_date_of_unknown_day():
    span = resolve_time("Lunar New Year", D("2024-02-01"))
    assert span is not None and not span.is_known and span.precision == "unknown"


# ---------------------------------------------------------------------------------------
# Clock times and ranges
# ---------------------------------------------------------------------------------------

TIMES = [
    # (expression, pub, tense, day, start_time, end day, end_time, precision, basis)
    ("at 6 p.m.", MON, "past", "2025-04-21", "18:00", "2025-04-21", None, "hour", "relative"),
    ("6 p.m. Saturday", MON, "past", "2025-04-19", "18:00", "2025-04-19", None, "hour", "relative"),
    ("Saturday at 6 p.m.", MON, "past", "2025-04-19", "18:00", "2025-04-19", None, "hour", "relative"),
    ("at 6:30 a.m. on Friday", FRI, "past", "2024-06-07", "06:30", "2024-06-07", None, "minute", "relative"),
    ("midnight", MON, "past", "2025-04-21", "00:00", "2025-04-21", None, "hour", "relative"),
    ("at noon on Sunday", SUN, "past", "2025-01-05", "12:00", "2025-01-05", None, "hour", "relative"),
    ("0400 GMT on Tuesday", TUE, "past", "2024-10-01", "04:00", "2024-10-01", None, "hour", "relative"),
    ("at 18:00 local time on Friday", FRI, "future", "2024-06-07", "18:00", "2024-06-07", None, "hour", "relative"),
    ("at 10 a.m. (0800 GMT) on Wednesday", WED, "future", "2023-10-11", "10:00", "2023-10-11", None, "hour",
     "relative"),
    ("at 5 a.m. on February 24, 2022", MON, None, "2022-02-24", "05:00", "2022-02-24", None, "hour", "explicit"),
    ("2022-02-24T05:00", MON, None, "2022-02-24", "05:00", "2022-02-24", None, "hour", "explicit"),
    ("from 6 p.m. Saturday to midnight Sunday", MON, "past", "2025-04-19", "18:00", "2025-04-20", "23:59",
     "hour", "relative"),
    ("from 6 p.m. (1500 GMT) on Saturday to midnight on Sunday", MON, "past", "2025-04-19", "18:00",
     "2025-04-20", "23:59", "hour", "relative"),
    ("from 6 p.m. to midnight", MON, "past", "2025-04-21", "18:00", "2025-04-21", "23:59", "hour", "relative"),
    ("at midnight on Tuesday night", D("2024-04-08"), "future", "2024-04-10", "00:00", "2024-04-10", None, "hour",
     "relative"),
]


@pytest.mark.parametrize("expr,pub,tense,day,start_time,end_day,end_time,precision,basis", TIMES)
def test_clock_times_give_hour_or_minute_precision(expr, pub, tense, day, start_time, end_day, end_time,
                                                    precision, basis):
    span = resolve_time(expr, pub, tense=tense)
    assert span is not None
    assert (span.start, span.end, span.precision, span.basis) == (D(day), D(end_day), precision, basis)
    assert span.start_time == dt.time.fromisoformat(start_time)
    assert span.end_time == (dt.time.fromisoformat(end_time) if end_time else None)


RANGES = [
    case("from Friday to Sunday", MON, "past", "2025-04-18", "2025-04-20", "day"),
    case("from Friday to Sunday", WED, "future", "2023-10-13", "2023-10-15", "day"),
    case("Friday to Sunday", WED, "future", "2023-10-13", "2023-10-15", "day"),
    case("between Monday and Wednesday", THU, "past", "2022-02-28", "2022-03-02", "day"),
    case("Saturday and Sunday", MON, "past", "2025-04-19", "2025-04-20", "day"),
    case("from Thursday through Saturday", SUN, "past", "2025-01-02", "2025-01-04", "day"),
    case("from 2014 to 2022", MON, None, "2014-01-01", "2022-12-31", "year", "explicit"),
    case("between March and May", MON, "past", "2024-03-01", "2024-05-31", "month",
         id="a-past-range-ends-before-publication"),
    case("from late March to early May", MON, "past", "2024-03-21", "2024-05-10", "month"),
    case("from June to August", D("2025-02-10"), "future", "2025-06-01", "2025-08-31", "month"),
    case("from March 30 to April 2, 2024", MON, "future", "2024-03-30", "2024-04-02", "day", "explicit",
         id="the-year-of-the-end-anchors-the-start"),
    case("from April 28 to May 2", MON, "future", "2025-04-28", "2025-05-02", "day", "explicit"),
    case("from April 28 to May 2", MON, "past", "2024-04-28", "2024-05-02", "day", "explicit"),
]


@pytest.mark.parametrize("expr,sentence,pub,tense,start,end,precision,basis", RANGES)
def test_ranges_span_from_the_first_to_the_last_day(expr, sentence, pub, tense, start, end, precision, basis):
    check(expr, sentence, pub, tense, start, end, precision, basis)


# ---------------------------------------------------------------------------------------
# Tense guessed from the sentence when the caller does not give it
# ---------------------------------------------------------------------------------------

GUESSED_TENSE = [
    case("on Wednesday", MON, None, "2025-04-23", "2025-04-23", "day",
         sentence="Ukraine's delegation will travel to London on Wednesday for talks with US, British and "
                  "French officials.", id="will-travel"),
    case("on Wednesday", MON, None, "2025-04-16", "2025-04-16", "day",
         sentence="Russian Foreign Minister Sergei Lavrov said on Wednesday that Moscow was open to talks.",
         id="said-on"),
    case("on Wednesday", MON, None, "2025-04-23", "2025-04-23", "day",
         sentence="He confirmed that Kyiv is sending a delegation to London on Wednesday.", id="is-sending"),
    case("on Friday", MON, None, "2025-04-25", "2025-04-25", "day",
         sentence="Negotiators are due to meet again in Istanbul on Friday.", id="due-to"),
    case("on Thursday", MON, None, "2025-04-24", "2025-04-24", "day",
         sentence="The two sides are expected to resume talks in Riyadh on Thursday, a Saudi official said.",
         id="expected-to"),
    case("on Thursday", MON, None, "2025-04-24", "2025-04-24", "day",
         sentence="The ceasefire is scheduled to take effect at midnight on Thursday.", id="scheduled-to"),
    case("on Tuesday", MON, None, "2025-04-22", "2025-04-22", "day",
         sentence="Turkey's foreign minister is to host the talks on Tuesday.", id="is-to"),
    case("on Tuesday", MON, None, "2025-04-22", "2025-04-22", "day",
         sentence="He said the delegation would fly to Jeddah on Tuesday.", id="would"),
    case("on Monday", MON, None, "2025-04-21", "2025-04-21", "day",
         sentence="Envoys met in Doha on Monday to discuss the hostage deal.", id="met-on-publication-day"),
    case("on Sunday", MON, None, "2025-04-20", "2025-04-20", "day",
         sentence="Hamas said on Sunday it had received a new proposal from Egyptian mediators."),
    case("Sunday", MON, None, "2025-04-20", "2025-04-20", "day",
         sentence="Though Sunday saw a lull in air raid alerts across Ukraine, fighting resumed.",
         id="subject-weekday"),
    case("on Saturday", MON, None, "2025-04-26", "2025-04-26", "day",
         sentence="The talks, which will be held on Saturday in Muscat, are the first since 2018.",
         id="will-be-held"),
    case("on Saturday", MON, None, "2025-04-19", "2025-04-19", "day",
         sentence="The first round of indirect talks was held on Saturday in Muscat.", id="was-held"),
    case("On Friday", MON, None, "2025-04-25", "2025-04-25", "day",
         sentence="On Friday, the foreign ministers will meet in Ankara.", id="fronted-future"),
    case("On Friday", MON, None, "2025-04-18", "2025-04-18", "day",
         sentence="On Friday, the foreign ministers met in Ankara.", id="fronted-past"),
    case("on Thursday", MON, None, "2025-04-24", "2025-04-24", "day",
         sentence="Talks on Thursday will focus on a prisoner exchange.", id="noun-modifier-future"),
    case("on Friday", MON, None, "2025-04-25", "2025-04-25", "day",
         sentence="Israel and Hezbollah agreed to a ceasefire that will take effect on Friday."),
    case("on Monday", MON, None, "2025-04-21", "2025-04-21", "day",
         sentence="Fighting raged around Pokrovsk on Monday, the general staff said."),
    case("in August", D("2025-02-10"), None, "2025-08-01", "2025-08-31", "month",
         sentence="Ethiopia's electoral board plans to hold the vote in August.", id="plans-to"),
    case("in August", D("2025-02-10"), None, "2024-08-01", "2024-08-31", "month",
         sentence="Fighting broke out in the Amhara region in August.", id="broke-out"),
    case("December 20", D("2025-01-10"), None, "2025-12-20", "2025-12-20", "day", "explicit",
         sentence="The rebels will hand over their weapons by December 20, the army said."),
    case("December 20", D("2025-01-10"), None, "2024-12-20", "2024-12-20", "day", "explicit",
         sentence="The rebels handed over their weapons on December 20, the army said."),
    case("Orthodox Easter", D("2025-04-19"), None, "2025-04-20", "2025-04-20", "day",
         sentence="Putin declared a 30-hour truce for Orthodox Easter."),
    case("over the weekend", MON, None, "2025-04-19", "2025-04-20", "day",
         sentence="Trump expressed hope over the weekend that a deal could happen this week."),
    case("this weekend", D("2025-04-23"), None, "2025-04-26", "2025-04-27", "day",
         sentence="Witkoff is expected to travel to Moscow this weekend."),
    case("on Saturday", MON, None, "2025-04-26", "2025-04-26", "day",
         sentence="Iran and the United States won't hold another round on Saturday, Oman said.",
         id="wont"),
    case("May 9", D("2024-04-08"), None, "2024-05-09", "2024-05-09", "day", "explicit",
         sentence="A May 2023 report said the May 9 parade would go ahead.",
         id="a-date-inside-a-noun-phrase-takes-the-verb-after-it"),
]


@pytest.mark.parametrize("expr,sentence,pub,tense,start,end,precision,basis", GUESSED_TENSE)
def test_tense_is_guessed_from_the_sentence(expr, sentence, pub, tense, start, end, precision, basis):
    check(expr, sentence, pub, tense, start, end, precision, basis)


def test_explicit_tense_wins_over_the_sentence():
    s = "Lavrov said on Wednesday that Moscow was open to talks."
    assert resolve_time("on Wednesday", MON, tense="future", sentence=s).start == D("2025-04-23")


# ---------------------------------------------------------------------------------------
# Unknown publication date
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("expr", [
    "on Wednesday", "December 20", "Orthodox Easter", "last week", "yesterday", "in August",
    "6 p.m. Saturday", "over the weekend", "two days ago", "earlier this month", "overnight",
])
def test_relative_expressions_without_publication_date_are_unknown(expr):
    span = resolve_time(expr, None)
    assert span == TimeSpan.unknown(expr)


@pytest.mark.parametrize("expr,start,end,precision", [
    ("12 February 2023", "2023-02-12", "2023-02-12", "day"),
    ("in 2016", "2016-01-01", "2016-12-31", "year"),
    ("Easter 2024", "2024-03-31", "2024-03-31", "day"),
    ("from 2014 to 2022", "2014-01-01", "2022-12-31", "year"),
    ("the 1990s", "1990-01-01", "1999-12-31", "year"),
    ("in February 2021", "2021-02-01", "2021-02-28", "month"),
])
def test_explicit_dates_resolve_without_publication_date(expr, start, end, precision):
    span = resolve_time(expr, None)
    assert (span.start, span.end, span.precision, span.basis) == (D(start), D(end), precision, "explicit")


# ---------------------------------------------------------------------------------------
# Things that are not dates
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("expr", [
    "a 30-hour", "30-hour", "may", "3,000", "3,000 violations", "1,000 prisoners", "Second Thomas Shoal",
    "three-year-old", "740-km", "Resolution 2334", "Flight 17", "F-16", "12/02/2023", "two days",
    "the day", "hours", "30 February 2024", "2023-02-30", "29 February 2023", "Pokrovsk", "",
])
def test_non_dates_resolve_to_none(expr):
    assert resolve_time(expr, MON) is None


# ---------------------------------------------------------------------------------------
# Finding expressions in sentences
# ---------------------------------------------------------------------------------------

FOUND = [
    ("Russia launched 120 drones at Ukraine overnight, the air force said on Tuesday.",
     ["overnight", "on Tuesday"]),
    ("KYIV, Feb 24 (Reuters) - Russian forces pressed their assault on the capital for a second day.",
     ["Feb 24"]),
    ("DOHA, March 12 (Reuters) - Qatari mediators said talks would resume next week.",
     ["March 12", "next week"]),
    ("Putin ordered a 30-hour ceasefire from 6 p.m. Moscow time (1500 GMT) on Saturday to midnight on "
     "Sunday for Orthodox Easter.",
     ["from 6 p.m. Moscow time (1500 GMT) on Saturday to midnight on Sunday", "Orthodox Easter"]),
    ("The talks in Jeddah on Tuesday night ended without agreement.", ["on Tuesday night"]),
    ("Hamas fighters crossed into Israel on 7 October 2023, killing about 1,200 people.",
     ["on 7 October 2023"]),
    ("The Minsk agreements signed in 2014 and 2015 never took hold.", ["in 2014", "2015"]),
    ("The 1902 treaty set the border, and Resolution 2334 was adopted in December 2016.",
     ["1902", "in December 2016"]),
    ("Zelenskiy said the fighting eased over the weekend and a delegation would travel to Washington "
     "next month.", ["over the weekend", "next month"]),
    ("Sudan's army said earlier this month that it had retaken the presidential palace in Khartoum.",
     ["earlier this month"]),
    ("Azerbaijan launched its offensive in Nagorno-Karabakh in September 2023, three years after the "
     "2020 war.", ["in September 2023", "2020"]),
    ("The Taliban announced a three-day ceasefire for Eid al-Fitr, the first since the war began in 2001.",
     ["Eid al-Fitr", "in 2001"]),
    ("Israeli forces struck Rafah during Ramadan and again after Eid al-Adha.",
     ["during Ramadan", "Eid al-Adha"]),
    ("Iranians celebrated Nowruz on March 20 as the talks stalled.", ["Nowruz", "on March 20"]),
    ("The army said fighting raged from Friday to Sunday near Goma.", ["from Friday to Sunday"]),
    ("Envoys will meet in Geneva on Monday, April 28, the U.N. said.", ["on Monday, April 28"]),
    ("The strike hit at about 3 a.m. on Thursday, residents said yesterday.",
     ["3 a.m. on Thursday", "yesterday"]),
    ("Pakistan and India agreed to a ceasefire on May 10, 2025, after four days of fighting.",
     ["on May 10, 2025"]),
    ("The Philippine coast guard said Chinese vessels fired water cannon near Second Thomas Shoal last "
     "Saturday.", ["last Saturday"]),
    ("Myanmar's military seized power in a coup in February 2021 and has since lost large areas.",
     ["in February 2021"]),
    ("Fighting resumed late last year, and the rebels took Goma in late January.",
     ["late last year", "in late January"]),
    ("Talks are due to resume in Cairo tomorrow, two days after Israel rejected the proposal.",
     ["tomorrow"]),
    ("The ceasefire took effect at 4 a.m. local time (0200 GMT) on Wednesday, Nov. 27.",
     ["at 4 a.m. local time (0200 GMT) on Wednesday, Nov. 27"]),
    ("Russia's 2014 annexation of Crimea and the full-scale invasion since 2022 changed Europe.",
     ["2014", "2022"]),
    ("The Houthis said they attacked ships in the Red Sea on Christmas Day and on New Year's Eve.",
     ["on Christmas Day", "on New Year's Eve"]),
    ("The election is scheduled for 2023-12-20, the commission said.", ["2023-12-20"]),
    ("Israel carried out strikes in Lebanon this week, days before Passover.", ["this week", "Passover"]),
    ("The truce, agreed in the 1990s, collapsed during the summer of 2008.",
     ["in the 1990s", "during the summer of 2008"]),
    ("Syrian rebels entered Damascus early on Sunday, Dec. 8, after a lightning offensive.",
     ["early on Sunday, Dec. 8"]),
    ("A drone hit the building shortly after midnight, officials said.", ["midnight"]),
    ("The ceasefire held through Sunday but fighting resumed on Monday morning.",
     ["Sunday", "on Monday morning"]),
    ("Ukraine said it had hit a refinery in Russia's Ryazan region overnight into Sunday.",
     ["overnight into Sunday"]),
    ("The militia has controlled the area for the past two weeks, residents said on Friday.",
     ["for the past two weeks", "on Friday"]),
    ("Russian forces struck Kharkiv Monday, officials said, a week ago.", ["Monday", "a week ago"]),
    ("North Korea fired a missile in mid-2023 and again on 12 February 2024 at 7:15 a.m.",
     ["in mid-2023", "on 12 February 2024 at 7:15 a.m."]),
    ("The ceasefire between Israel and Hezbollah began on Wednesday (Nov. 27).",
     ["on Wednesday (Nov. 27)"]),
    ("Ethiopia and Tigray signed a truce in Pretoria on Nov. 2, 2022, after two years of war.",
     ["on Nov. 2, 2022"]),
    ("Yemen's warring parties agreed to a two-month truce that began at the start of Ramadan.",
     ["at the start of Ramadan"]),
    ("Leaders met on Saturday and Sunday at the summit in Jeddah.", ["on Saturday and Sunday"]),
    ("Fighting peaked between March and May, and again from June to August.",
     ["between March and May", "from June to August"]),
    ("Kim Jong Un visited Russia in September last year.", ["in September last year"]),
    ("Hamas and Israel agreed to a 72-hour truce starting at midnight on Tuesday night.",
     ["at midnight on Tuesday night"]),
    ("The Pentagon said it had sent more than 1,000 troops in the past decade.", ["in the past decade"]),
]


@pytest.mark.parametrize("sentence,expected", FOUND)
def test_find_time_expressions_returns_spans_with_offsets(sentence, expected):
    found = find_time_expressions(sentence)
    assert [m.text for m in found] == expected
    for m in found:
        assert sentence[m.start:m.end] == m.text
    starts = [m.start for m in found]
    assert starts == sorted(starts)


@pytest.mark.parametrize("sentence", [
    "Putin declared a 30-hour truce, but Kyiv said it may not hold.",
    "Zelenskiy reported nearly 3,000 ceasefire violations and the release of 1,000 prisoners.",
    "Chinese coast guard ships blocked a resupply mission to Second Thomas Shoal.",
    "The over three-year-old war has displaced millions along the 740-km front.",
    "The council adopted Resolution 2334, condemning settlements.",
    "Investigators said Flight 17 was downed by a Buk missile; Kyiv asked for more F-16 fighter jets.",
    "The army deployed 2000 troops and 1500 armoured vehicles to the border.",
    "Egypt and Syria attacked Israel at the start of the Yom Kippur War.",
    "The Good Friday Agreement ended decades of violence in Northern Ireland.",
    "Veterans marked Bloody Sunday in Derry with a silent march.",
    "The broadcaster Russia Today was banned across the European Union.",
    "Saudi Arabia's Vision 2030 aims to diversify the economy.",
    "Ukraine wants up to 50 Patriot systems and may ask for more.",
    "The 2000-strong force moved along a 1,200 km front.",
    "The UN envoy met former Iraqi vice president Taha Yassin Ramadan's lawyers.",
    "Troops will march through the city, and the talks may resume.",
    "Macron and May met in Paris to discuss the crisis.",
    "Nearly 2000 Palestinians were freed and some 1900 residents fled.",
])
def test_find_time_expressions_ignores_non_dates(sentence):
    assert find_time_expressions(sentence) == []


@pytest.mark.parametrize("sentence", [s for s, _ in FOUND])
def test_every_found_expression_resolves(sentence):
    for m in find_time_expressions(sentence):
        span = resolve_time(m.text, MON, sentence=sentence)
        assert span is not None and span.is_known, m.text


# ---------------------------------------------------------------------------------------
# Durations
# ---------------------------------------------------------------------------------------

H, DAY = dt.timedelta(hours=1), dt.timedelta(days=1)


@pytest.mark.parametrize("text,expected", [
    ("a 30-hour truce", 30 * H), ("30-hour", 30 * H), ("a 72-hour", 72 * H), ("three-day", 3 * DAY),
    ("two-week", 14 * DAY), ("48 hours", 48 * H), ("for 10 days", 10 * DAY), ("a 90-day truce", 90 * DAY),
    ("a one-month ceasefire", 30 * DAY), ("a year-long siege", 365 * DAY), ("two and a half days", 60 * H),
    ("half an hour", dt.timedelta(minutes=30)), ("twenty-four hours", 24 * H), ("an hour", H),
    ("a fortnight", 14 * DAY), ("a 36-hour Christmas truce", 36 * H),
])
def test_parse_duration(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["3,000 violations", "Monday", "in 2016", "the day", "Flight 17", "today",
                                  "two years ago", "yesterday", ""])
def test_parse_duration_ignores_non_durations(text):
    assert parse_duration(text) is None


def test_duration_from_a_clock_time_ends_at_the_right_hour():
    span = with_duration(resolve_time("6 p.m. Saturday", MON, tense="past"), 30 * H)
    assert (span.start, span.start_time, span.end, span.end_time) == (
        D("2025-04-19"), dt.time(18), D("2025-04-20"), dt.time(23, 59))
    span = with_duration(resolve_time("at 10 a.m. on Wednesday", WED, tense="future"), 2 * H)
    assert (span.end, span.end_time) == (D("2023-10-11"), dt.time(12))


@pytest.mark.parametrize("expr,pub,hours,start,end", [
    ("Orthodox Easter", MON, 30, "2025-04-19", "2025-04-20"),
    ("during the Orthodox Easter", MON, 30, "2025-04-19", "2025-04-20"),
    ("Orthodox Easter", MON, 24, "2025-04-20", "2025-04-20"),
    ("Orthodox Christmas", D("2023-01-05"), 36, "2023-01-06", "2023-01-07"),
    ("Christmas", D("2023-12-20"), 48, "2023-12-24", "2023-12-25"),
])
def test_a_christian_feast_truce_covers_the_vigil_and_ends_with_the_feast(expr, pub, hours, start, end):
    span = with_duration(resolve_time(expr, pub, tense="past" if pub == MON else "future"), hours * H)
    assert (span.start, span.end, span.precision) == (D(start), D(end), "day")
    assert span.start_time is None  # the hour is not in the text: no invented precision


def test_an_eid_truce_starts_on_eid():
    span = with_duration(resolve_time("Eid al-Fitr", D("2018-06-10"), tense="future"), 3 * DAY)
    assert (span.start, span.end) == (D("2018-06-15"), D("2018-06-17"))


def test_whole_days_count_inclusively_and_hours_leave_a_bound():
    span = with_duration(resolve_time("on Monday", D("2024-06-07"), tense="future"), 3 * DAY)
    assert (span.start, span.end) == (D("2024-06-10"), D("2024-06-12"))
    span = with_duration(resolve_time("on Saturday", MON, tense="past"), 30 * H)
    assert (span.start, span.end, span.latest) == (D("2025-04-19"), D("2025-04-20"), D("2025-04-21"))


def test_a_truce_from_midnight_ends_at_the_end_of_its_last_day():
    start = resolve_time("at midnight on Tuesday night", D("2024-04-08"), tense="future")
    span = with_duration(start, 72 * H)
    assert (span.start, span.start_time, span.end, span.end_time) == (
        D("2024-04-10"), dt.time(0), D("2024-04-12"), dt.time(23, 59))


def test_duration_leaves_unknown_spans_alone():
    unknown = TimeSpan.unknown("on Wednesday")
    assert with_duration(unknown, 30 * H) == unknown


# ---------------------------------------------------------------------------------------
# Speed: this runs on every sentence of every article
# ---------------------------------------------------------------------------------------



# ---------------------------------------------------------------------------------------
# Invariants over arbitrary text
# ---------------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    "on in at from to between and the last next this week weekend month year ago Monday Friday "
    "Sunday March May December 12 20 2014 2023 1,000 30-hour p.m. 6 midnight overnight Easter "
    "Orthodox Ramadan Eid al-Fitr night early late mid- , . ( ) 1500 GMT said will truce".split())


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.dates(dt.date(1930, 1, 1), dt.date(2070, 12, 31)),
       st.sampled_from(["past", "present", "future", None]))
def test_any_text_gives_consistent_mentions_and_ordered_spans(words, pub, tense):
    sentence = " ".join(words)
    for m in find_time_expressions(sentence):
        assert sentence[m.start:m.end] == m.text and m.text.strip() == m.text
        span = resolve_time(m.text, pub, tense=tense, sentence=sentence)
        if span is not None and span.is_known:
            assert span.start <= span.end
            if span.earliest and span.latest:
                assert span.earliest <= span.latest
    span = resolve_time(sentence, pub, tense=tense)
    assert span is None or not span.is_known or span.start <= span.end


_MORE_WORDS = st.sampled_from(
    "spring summer autumn fall winter decade hours days weeks months years the past coming few "
    "two 3 04/05/2024 2024-05-04 1990s of early-April mid-2023 Tuesday's today yesterday".split())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, _MORE_WORDS), max_size=14), st.sampled_from([" ", "  ", "-", ", "]))
def test_the_words_a_finder_needs_only_skip_sentences_it_cannot_match(words, sep):
    """A finder is skipped when the sentence lacks the words (or digit) it cannot match without:
    the mentions are the same as running every finder."""
    import kg.temporal.find as find

    sentence = sep.join(words)
    quick = find_time_expressions(sentence)
    needs = dict(find._NEEDS)
    find._NEEDS.clear()
    try:
        assert find_time_expressions(sentence) == quick
    finally:
        find._NEEDS.update(needs)


@pytest.mark.parametrize("sentence", [
    "Two days ago the army said so.", "over the past decade", "in recent hours", "within the last 48 hours",
    "late last spring", "in the summer of 2014", "on Tuesday night",
    "in the early 1990s", "2024-05-04T10:00Z", "the 2014-2016 war", "12 March 2023",
    "March 12, 2023", "in mid-2023", "a few months ago", "earlier in the year", "this weekend",
])
def test_each_finder_still_runs_where_its_words_are(sentence):
    import kg.temporal.find as find

    quick = find_time_expressions(sentence)
    needs = dict(find._NEEDS)
    find._NEEDS.clear()
    try:
        assert quick and find_time_expressions(sentence) == quick
    finally:
        find._NEEDS.update(needs)
