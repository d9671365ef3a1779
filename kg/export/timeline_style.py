"""How the timeline shows an event, shared by the HTML page, the pyvis network and the SVG.

Colour says the QuadClass, the outline the modality (planned dashed, conditional hollow and
dotted, negated crossed, claimed a diamond), the size how many articles reported it; dates are
said in words as precise as they are known.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kg.errors import ExportError
from kg.export.atomic import atomic_write
from kg.graph.queries import cameo_class
from kg.model import Event, TimeSpan

__all__ = ["QUAD_COLOURS", "MODALITY_NOTES", "when", "short", "size", "group", "group_style",
           "colour", "plain_title", "write_text"]

#: QuadClass -> fill colour (Okabe-Ito, readable by colour-blind readers); 0 is "unknown".
QUAD_COLOURS: dict[int, str] = {
    1: "#56B4E9",  # verbal cooperation: sky blue
    2: "#009E73",  # material cooperation: bluish green
    3: "#E69F00",  # verbal conflict: orange
    4: "#D55E00",  # material conflict: vermilion
    0: "#8C8C8C",
}
MODALITY_NOTES = {
    "asserted": "filled: it happened",
    "planned": "dashed outline, pale: scheduled",
    "conditional": "dotted outline, hollow: may happen",
    "negated": "crossed, hollow: did not happen",
}


def when(t: TimeSpan) -> str:
    """How precisely the date is known, in words a reader checks at a glance."""
    if t.start is None:
        return "undated"
    s, e = t.start, t.end or t.start
    if t.precision == "year":
        return str(s.year) if e.year == s.year else f"{s.year} to {e.year}"
    if t.precision == "month":
        a, b = f"{s.year:04d}-{s.month:02d}", f"{e.year:04d}-{e.month:02d}"
        return a if a == b else f"{a} to {b}"
    if t.precision == "week":
        return f"week of {s.isoformat()}" + (f" to {e.isoformat()}" if e != s else "")
    left = s.isoformat() + (f" {t.start_time.strftime('%H:%M')}" if t.start_time else "")
    right = (e.isoformat() if e != s else "") + (
        f" {t.end_time.strftime('%H:%M')}" if t.end_time else "")
    right = right.strip()
    if t.precision == "unknown":
        left += " (approximate)"
    return f"{left} to {right}" if right and right != left else left


def short(text: str, n: int) -> str:
    """``text`` on one line, cut to ``n`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def size(ev: Event) -> float:
    """The radius of an event's mark: larger the more articles reported it (up to six)."""
    n = max(1, len(ev.article_ids))
    return 7.0 + 3.0 * (min(n, 6) - 1)


def _mix(colour: str, other: str, share: float) -> str:
    a = [int(colour[i: i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i: i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b))


def group(ev: Event) -> str:
    """The vis-network group of an event: its QuadClass, modality and whether it is claimed."""
    quad = cameo_class(ev.cameo).quad_class
    return f"q{quad}-{ev.modality}" + ("-claimed" if ev.claimed_by else "")


def group_style(name: str) -> dict[str, Any]:
    """Shape, colours and outline of a group made by :func:`group`."""
    quad, modality, *claimed = name[1:].split("-")
    colour = QUAD_COLOURS.get(int(quad), QUAD_COLOURS[0])
    dark = _mix(colour, "#000000", 0.35)
    dashes: bool | list[int]  # vis-network: False for a solid outline, else a dash pattern
    fill, border, dashes, width = colour, dark, False, 2
    if modality == "planned":
        fill, border, dashes, width = _mix(colour, "#ffffff", 0.6), colour, [6, 4], 3
    elif modality == "conditional":
        fill, border, dashes, width = "#ffffff", colour, [2, 3], 3
    elif modality == "negated":
        fill, border, dashes, width = "#ffffff", colour, False, 3
    return {
        "shape": "diamond" if claimed else "dot",
        "color": {"background": fill, "border": border,
                  "highlight": {"background": fill, "border": "#111111"},
                  "hover": {"background": fill, "border": "#111111"}},
        "borderWidth": width,
        "borderWidthSelected": width + 2,
        "shapeProperties": {"borderDashes": dashes},
    }


def colour(ev: Event) -> str:
    """The fill colour of an event's QuadClass."""
    return QUAD_COLOURS.get(cameo_class(ev.cameo).quad_class, QUAD_COLOURS[0])


def plain_title(ev: Event) -> str:
    """A plain-text tooltip for the pyvis network (vis-network shows a string title as text)."""
    cls = cameo_class(ev.cameo)
    lines = [ev.label, f"{when(ev.time)} ({ev.time.precision})",
             f"CAMEO {ev.cameo} {cls.name}" + (f" / PLOVER {cls.plover}" if cls.plover else ""),
             f"{ev.modality}" + (f", claimed by {', '.join(a.name for a in ev.claimed_by)}"
                                 if ev.claimed_by else "")]
    if ev.actors:
        lines.append("actors: " + ", ".join(a.name for a in ev.actors))
    if ev.places:
        lines.append("places: " + ", ".join(p.name for p in ev.places))
    lines += [f"- {short(e.sentence, 200)} [{e.url or e.title or e.article_id}]"
              for e in ev.evidence[:5]]
    # pyvis switches to a template that sets innerHTML when a title contains "href"
    return re.sub(r"(?i)h(?=ref)", "h\u200b", "\n".join(lines))


def write_text(path: Path, text: str, what: str) -> Path:
    """Write ``text`` to ``path`` atomically; ExportError (naming ``what``) if its folder is missing."""
    if not path.parent.is_dir():
        raise ExportError(f"{path}: cannot write the {what}: folder {path.parent} does not exist "
                          f"(create it first)")
    with atomic_write(path) as f:
        f.write(text)
    return path

