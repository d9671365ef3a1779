"""An evaluation as text tables (for the terminal) and as JSON (score.py's keys, and more)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kg.evaluate.explain import GoldVerdict, Unmatched, explain_article
from kg.evaluate.match import DaySpan
from kg.evaluate.run import Evaluation
from kg.evaluate.scoring import Figures, RootRow
from kg.evaluate.system import SystemEvent

__all__ = ["format_report", "report_json", "write_report_json"]


def _fig(f: Figures) -> str:
    return f"{f.P:6.3f} {f.R:6.3f} {f.F1:6.3f}"


def _article_table(ev: Evaluation) -> list[str]:
    lines = [f"{'article':10} {'sys':>4} {'core':>4} {'typed':>5} {'strict':>6} {'detect':>6} "
             f"{'date=':>5} {'actors':>7} {'places':>7}"]
    for a in ev.articles:
        c = a.counts
        lines.append(f"{a.gold.id:10} {c.sys:4} {c.core:4} {c.typed_tp_core:5} {c.strict_tp_core:6} "
                     f"{c.detect_tp_core:6} {c.date_exact_core:5} {f'{c.actor_found}/{c.actor_gold}':>7} "
                     f"{f'{c.place_found}/{c.place_gold}':>7}")
    return lines


def _summary(ev: Evaluation) -> list[str]:
    s = ev.summary
    return [f"{'':31} {'P':>6} {'R':>6} {'F1':>6}",
            f"{'typed (same kind of event)':31} {_fig(s.typed)}",
            f"{'strict (same CAMEO root)':31} {_fig(s.strict)}",
            f"{'detection (any type)':31} {_fig(s.detect)}",
            f"{'actors':31} {_fig(s.actor)}",
            f"{'places':31} {_fig(s.place)}",
            f"dates exact on {s.date_exact_of_matched_core:.3f} of the matched core events",
            f"{s.articles} articles, {s.gold_core_events} gold core events, {s.system_events} system events"]


def _root_name(root: str) -> str:
    from kg.codebook import lookup

    try:
        return lookup(root).name
    except KeyError:
        return "?"


def _root_table(rows: list[RootRow]) -> list[str]:
    lines = [f"{'CAMEO root':38} {'gold':>5} {'found':>5} {'R':>6} {'system':>6} {'right':>5} "
             f"{'P':>6} {'F1':>6}"]
    for r in rows:
        f = r.figures
        lines.append(f"{r.root + ' ' + _root_name(r.root)[:35]:38} {r.gold_core:5} {r.found:5} {f.R:6.3f} "
                     f"{r.system:6} {r.right:5} {f.P:6.3f} {f.F1:6.3f}")
    return lines


def _when(span: DaySpan | None) -> str:
    if span is None:
        return "undated"
    return span[0].isoformat() + ("" if span[0] == span[1] else ".." + span[1].isoformat())


def _system(sev: SystemEvent) -> str:
    return f"{sev.code or '/'.join(sorted(sev.roots)) or '?':5} {_when(sev.begin or sev.span):22} {sev.label}"


def _verdict(v: GoldVerdict) -> list[str]:
    e = v.event
    code = e.cameo_fine or e.cameo
    lines = [f"  {v.status:11} {e.id:4} {code:5} {_when(e.span):22} {e.label}"
             f"{'' if e.core else '  (not core)'}"]
    if v.match is not None:
        lines.append(f"  {'':11} {'<-':4} {_system(v.match)}")
    elif e.evidence:
        lines.append(f"  {'':11} {'':4} \"{e.evidence}\"")
    return lines


def _unmatched(u: Unmatched) -> str:
    return f"  {'unmatched':11} {'':4} {_system(u.event)}" + (f"  ({u.near})" if u.near else "")


def _explanations(ev: Evaluation) -> list[str]:
    lines = []
    for a in ev.articles:
        verdicts, unmatched = explain_article(a)
        lines.append(f"{a.gold.id}")
        for v in verdicts:
            lines += _verdict(v)
        lines += [_unmatched(u) for u in unmatched]
    return lines


def format_report(ev: Evaluation, *, explain: bool = False) -> str:
    """The per-article table, the summary, the per-root table and (asked) event by event."""
    parts = [_article_table(ev), _summary(ev), _root_table(ev.roots)]
    if explain:
        parts.append(_explanations(ev))
    if ev.failures:
        parts.append(["not built or not readable (scored with no events):",
                      *(f"  {f}" for f in ev.failures)])
    return "\n\n".join("\n".join(p) for p in parts)


def _span_json(span: DaySpan | None) -> list[str] | None:
    return [span[0].isoformat(), span[1].isoformat()] if span else None


def _event_json(sev: SystemEvent | None) -> dict[str, Any] | None:
    if sev is None:
        return None
    return {"iri": sev.iri, "label": sev.label, "code": sev.code, "begin": _span_json(sev.begin)}


def report_json(ev: Evaluation) -> dict[str, Any]:
    """``summary`` and ``rows`` as score.py writes them; ``per_root`` and ``events`` besides."""
    events = []
    for a in ev.articles:
        verdicts, unmatched = explain_article(a)
        events += [{"article": v.article, "gold": v.event.id, "status": v.status,
                    "system": _event_json(v.match)} for v in verdicts]
        events += [{"article": u.article, "gold": None, "status": "unmatched",
                    "system": _event_json(u.event), "near": u.near} for u in unmatched]
    return {
        "summary": {**ev.summary.as_dict(), "failures": list(ev.failures)},
        "rows": [{"id": a.gold.id, **a.counts.as_dict()} for a in ev.articles],
        "per_root": [{"root": r.root, "name": _root_name(r.root), "gold_core": r.gold_core,
                      "found": r.found, "system": r.system, "right": r.right, **vars(r.figures)}
                     for r in ev.roots],
        "events": events,
    }


def write_report_json(ev: Evaluation, path: str | Path) -> Path:
    """Write :func:`report_json` to ``path`` (all at once or not at all)."""
    from kg.export.atomic import atomic_write

    with atomic_write(path) as fh:
        json.dump(report_json(ev), fh, indent=1)
    return Path(path)
