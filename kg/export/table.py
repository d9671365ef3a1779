"""Events as a flat CSV table, one row per event, for pandas and spreadsheets.

Columns that hold several values join them with ``"; "`` (``sources``, ``targets``, ``places``,
``claimed_by``, ``articles``, ``urls``) or ``" | "`` (``titles`` and ``evidence``, which may hold
semicolons); ``articles``, ``urls`` and ``titles`` list the reporting articles in one order, an
empty item where an article has no URL or title. ``iri`` is the event's IRI in the Turtle
export, ``when`` its first timestamp as the Turtle writes it (``2025-04``, ``2025-04-19``,
``2025-05-08T14:30:00``: the ``?when`` of the SPARQL cookbook), so rows join with query answers.
:func:`kg.to_dataframe` reads the file back with the right types.

A cell a spreadsheet would run as a formula (one starting with ``=``, ``+``, ``-``, ``@``, a TAB
or a CR, as OWASP's "CSV injection" advice lists) is written with a ``'`` before it, as is a cell
that already starts with ``'`` followed by one of those; numbers (``-10.0``) are left alone.
:func:`kg.to_dataframe` removes that quote again, so its cells are the text of the events.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

from kg.codebook import lookup
from kg.export.atomic import atomic_write
from kg.model import CONFIDENCE_FIELDS, Event, TimeSpan

__all__ = ["COLUMNS", "event_rows", "write_csv", "defuse_cell", "restore_cell"]

COLUMNS = ("id", "iri", "start", "start_time", "end", "end_time", "precision", "when", "basis",
           "cameo", "cameo_name", "plover", "quad_class", "goldstein", "label", "modality",
           "sources", "targets", "places", "claimed_by", "confidence",
           *(f"{f}_confidence" for f in CONFIDENCE_FIELDS), "article_count", "articles", "urls",
           "titles", "evidence")


def _codebook(code: str) -> tuple[str, str, str, str]:
    c = lookup(code)
    plover = (c.plover or "") + (f":{c.plover_mode}" if c.plover and c.plover_mode else "")
    return c.name, plover, str(c.quad_class), str(c.goldstein)


def _when(t: TimeSpan) -> str:
    """The first timestamp of the span, shaped by its precision as the Turtle export writes it."""
    if t.start is None:
        return ""
    if t.precision == "year":
        return f"{t.start.year:04d}"
    if t.precision == "month":
        return f"{t.start.year:04d}-{t.start.month:02d}"
    if t.start_time is not None and t.precision != "week":
        return dt.datetime.combine(t.start, t.start_time).isoformat()
    return t.start.isoformat()


def _articles(e: Event) -> tuple[list[str], list[str]]:
    """The URL and title of each reporting article, in the order of ``e.article_ids``."""
    urls: dict[str, str] = {}
    titles: dict[str, str] = {}
    for ev in e.evidence:
        if ev.url and not urls.get(ev.article_id):
            urls[ev.article_id] = ev.url
        if ev.title and not titles.get(ev.article_id):
            titles[ev.article_id] = " ".join(ev.title.split())
    return ([urls.get(a, "") for a in e.article_ids], [titles.get(a, "") for a in e.article_ids])


def event_rows(events: Iterable[Event]) -> Iterable[dict[str, str]]:
    from kg.export.rdf import event_iri

    for e in events:
        name, plover, quad, goldstein = _codebook(e.cameo)
        urls, titles = _articles(e)
        t = e.time
        yield {
            "id": e.id, "iri": str(event_iri(e.id)),
            "start": t.start.isoformat() if t.start else "",
            "start_time": t.start_time.isoformat() if t.start and t.start_time else "",
            "end": t.end.isoformat() if t.end else "",
            "end_time": t.end_time.isoformat() if t.end and t.end_time else "",
            "precision": t.precision, "when": _when(t),
            "basis": t.basis, "cameo": e.cameo, "cameo_name": name, "plover": plover,
            "quad_class": quad, "goldstein": goldstein, "label": e.label, "modality": e.modality,
            "sources": "; ".join(a.name for a in e.sources),
            "targets": "; ".join(a.name for a in e.targets),
            "places": "; ".join(p.name for p in e.places),
            "claimed_by": "; ".join(a.name for a in e.claimed_by),
            "confidence": f"{e.confidence:.2f}",
            **{f"{f}_confidence": "" if (c := e.confidence_of(f)) is None else f"{c:.2f}" for f in CONFIDENCE_FIELDS},
            "article_count": str(len(e.article_ids)),
            "articles": "; ".join(e.article_ids),
            "urls": "; ".join(urls) if any(urls) else "",
            "titles": " | ".join(titles) if any(titles) else "",
            "evidence": " | ".join(ev.sentence.replace("\n", " ") for ev in e.evidence),
        }


_FORMULA_START = frozenset("=+-@\t\r")
_NUMBER = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")


def _needs_quote(cell: str) -> bool:
    """Whether a spreadsheet could read ``cell`` as a formula (quotes before it looked through,
    so that :func:`restore_cell` can tell a quote we wrote from one of the text)."""
    return cell.lstrip("'")[:1] in _FORMULA_START and not _NUMBER.fullmatch(cell)


def defuse_cell(cell: str) -> str:
    """``cell`` as events.csv writes it: a ``'`` before a cell that starts with ``= + - @``,
    TAB or CR (OWASP's CSV-injection advice), and before one that starts with ``'`` and then
    one of those; a number such as ``-10.0`` stays a number.

    >>> defuse_cell("=HYPERLINK(1)"), defuse_cell("-10.0"), defuse_cell("Kyiv")
    ("'=HYPERLINK(1)", '-10.0', 'Kyiv')
    """
    return "'" + cell if _needs_quote(cell) else cell


def restore_cell(cell: str) -> str:
    """The text :func:`defuse_cell` was given: ``restore_cell(defuse_cell(s)) == s``."""
    return cell[1:] if cell[:1] == "'" and _needs_quote(cell[1:]) else cell


def write_csv(events: Iterable[Event], path: str | Path) -> Path:
    with atomic_write(path) as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows({k: defuse_cell(v) for k, v in row.items()} for row in event_rows(events))
    return Path(path)
