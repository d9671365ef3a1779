"""Time expressions in news sentences: find them, read their tense, and resolve them to dated spans.

A leaf package: it imports only :mod:`kg.model`, the standard library and calendar libraries,
so both extract and resolve use it. Its modules, by concept:

* :mod:`~kg.temporal.vocab`: the regex vocabulary (months, weekdays, clock times, numbers);
* :mod:`~kg.temporal.find`: :func:`find_time_expressions`;
* :mod:`~kg.temporal.tense`: tense, over a parsed token or a sentence string;
* :mod:`~kg.temporal.spans`, :mod:`~kg.temporal.rules`, :mod:`~kg.temporal.resolve`:
  :func:`resolve_time`;
* :mod:`~kg.temporal.duration`: :func:`parse_duration`, :func:`with_duration`;
* :mod:`~kg.temporal.holidays`: named holidays in their calendars;
* :mod:`~kg.temporal.anaphora`: "the same day", "the next day".

The finder and the resolver share one vocabulary of regexes:

* :func:`find_time_expressions` scans a sentence for expressions spaCy's DATE/TIME entities
  miss or get wrong (weekdays, "over the weekend", holidays, datelines, clock times joined to
  their day, ranges). It never calls dateparser: wire copy is regular enough for regexes, and
  ``dateparser.search`` invents dates from "a 30-hour" and the verb "may".
* :func:`resolve_time` turns one expression into a :class:`~kg.model.TimeSpan`, resolving
  relative expressions against the publication date and the tense of the clause (the extractor
  passes it; otherwise :func:`~kg.temporal.tense.guess_tense` reads it from the sentence).
  Common shapes are handled by our own rules; ``dateparser.parse`` (cached, English only) is
  the fallback for odd spellings of a calendar date.

Conventions a reader of the graph should know (each is also pinned by a test):

* ``start``/``end`` are inclusive days; a week, month or year keeps its whole span and its
  precision ("last week" is Monday-Sunday of the previous ISO week, precision "week").
* Vague sub-spans ("early April", "earlier this month", "late last year") carry
  ``earliest``/``latest`` equal to their bounds and keep the precision of the unit. An event
  is given its span as the graph writes it (:func:`kg.temporal.spans.as_written`): one known
  to the month or year runs over whole months or years, the part it names kept in
  ``earliest``/``latest``.
  "Earlier this week/month/year" ends the day before publication, "later this ..." starts the
  day after it (the day itself would be "today"); "the rest of the week" starts on it.
* "since X to date" (extraction writes it for a present perfect: "clashes have raged since
  May 10") runs from the start of X to the publication day; a bare "since X" is X.
* Weekdays follow the tense: past -> the latest such day on or before publication (the
  publication day itself if it is that weekday); future -> the first on or after it (wire
  copy names the day of publication by its weekday: "will meet on Monday" in a Monday report
  is that Monday); present -> the nearest one.
* "overnight" is the night before publication: ``start`` the day before, ``end`` the
  publication day. "overnight on Saturday" / "overnight into Saturday" is the night that ends
  on Saturday morning; "Saturday night" starts on Saturday (``latest`` is the next day).
* A holiday is its occurrence nearest the publication date that fits the tense (up to a week
  ahead still counts for past tense: a truce "declared for Easter" two days before Easter).
  Islamic holidays carry one day either side in ``earliest``/``latest`` (moon sighting).
* "midnight <day>" is 00:00 of that day, except as the end of a range ("from 6 p.m. Saturday
  to midnight Sunday"), where it is the end of that day (recorded as 23:59), and "midnight on
  Tuesday night", which is 00:00 on Wednesday.
* A past-tense range ends on or before publication ("fought between March and May" in an April
  report is last year's); other ranges read their end forwards from their start.
* Clock times are kept as written (local time); a time zone in the text is not converted.
"""
from __future__ import annotations

from kg.temporal.anaphora import ANAPHORIC_DAY, anaphoric_shift
from kg.temporal.duration import parse_duration, with_duration
from kg.temporal.find import find_time_expressions
from kg.temporal.resolve import resolve_time
from kg.temporal.tense import guess_tense, is_future, tense_of

__all__ = ["ANAPHORIC_DAY", "anaphoric_shift", "find_time_expressions", "guess_tense", "is_future",
           "parse_duration", "resolve_time", "tense_of", "with_duration"]
