"""Events as a flat CSV table, one row per event, for pandas and spreadsheets."""
from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from kg.codebook import lookup
from kg.export.atomic import atomic_write
from kg.model import CONFIDENCE_FIELDS, Event

__all__ = ["COLUMNS", "event_rows", "write_csv"]

COLUMNS = ("id", "start", "end", "precision", "basis", "cameo", "cameo_name", "plover", "quad_class",
           "goldstein", "label", "modality", "sources", "targets", "places", "claimed_by",
           "confidence", *(f"{f}_confidence" for f in CONFIDENCE_FIELDS), "source_count", "articles",
           "evidence")


def _codebook(code: str) -> tuple[str, str, str, str]:
    c = lookup(code)
    plover = (c.plover or "") + (f":{c.plover_mode}" if c.plover and c.plover_mode else "")
    return c.name, plover, str(c.quad_class), str(c.goldstein)


def event_rows(events: Iterable[Event]) -> Iterable[dict[str, str]]:
    for e in events:
        name, plover, quad, goldstein = _codebook(e.cameo)
        yield {
            "id": e.id, "start": e.time.start.isoformat() if e.time.start else "",
            "end": e.time.end.isoformat() if e.time.end else "", "precision": e.time.precision,
            "basis": e.time.basis, "cameo": e.cameo, "cameo_name": name, "plover": plover,
            "quad_class": quad, "goldstein": goldstein, "label": e.label, "modality": e.modality,
            "sources": "; ".join(a.name for a in e.sources),
            "targets": "; ".join(a.name for a in e.targets),
            "places": "; ".join(p.name for p in e.places),
            "claimed_by": "; ".join(a.name for a in e.claimed_by),
            "confidence": f"{e.confidence:.2f}",
            **{f"{f}_confidence": "" if (c := e.confidence_of(f)) is None else f"{c:.2f}" for f in CONFIDENCE_FIELDS},
            "source_count": str(len(e.article_ids)),
            "articles": "; ".join(e.article_ids),
            "evidence": " | ".join(ev.sentence.replace("\n", " ") for ev in e.evidence),
        }


def write_csv(events: Iterable[Event], path: str | Path) -> Path:
    with atomic_write(path) as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(event_rows(events))
    return Path(path)
