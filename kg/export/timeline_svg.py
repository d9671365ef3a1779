"""A static SVG picture of the timeline, for reports and print, in pure Python.

The same encoding as the HTML page: lanes, a time axis, colours, modality marks, sizes, links
between events and an "undated" band. Every text that comes from an article is escaped.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import networkx as nx

from kg.export.timeline_layout import (
    BAND_GAP, SEP, TICK_PX, UNDATED_COLS, GroupBy, Layout, layout, sorted_events, ticks,
)
from kg.export.timeline_style import (
    QUAD_COLOURS, colour, group, group_style, short, size, when, write_text,
)
from kg.graph.queries import QUAD_CLASSES
from kg.model import Event

__all__ = ["timeline_svg"]

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SVG_LEFT, _SVG_TOP, _SVG_RIGHT = 180.0, 56.0, 24.0


def _x(text: object) -> str:
    """Text or attribute value safe in XML (markup escaped, characters XML forbids removed)."""
    return html.escape(_XML_BAD.sub("", str(text)), quote=True)


def _X(x: float) -> float:
    """Canvas x to SVG x."""
    return _SVG_LEFT + x


def _Y(y: float) -> float:
    """Canvas y to SVG y."""
    return _SVG_TOP + y


def _svg_marker(ev: Event, x: float, y: float, r: float) -> str:
    st = group_style(group(ev))
    fill, stroke = st["color"]["background"], st["color"]["border"]
    dashes = st["shapeProperties"]["borderDashes"]
    dash = f' stroke-dasharray="{",".join(map(str, dashes))}"' if dashes else ""
    common = f'fill="{fill}" stroke="{stroke}" stroke-width="{st["borderWidth"] * 0.75}"{dash}'
    if ev.claimed_by:
        pts = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"
        shape = f'<polygon points="{pts}" {common}/>'
    else:
        shape = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {common}/>'
    if ev.modality == "negated":
        d = r * 0.7
        shape += (f'<path d="M{x - d:.1f},{y - d:.1f}L{x + d:.1f},{y + d:.1f}'
                  f'M{x - d:.1f},{y + d:.1f}L{x + d:.1f},{y - d:.1f}" stroke="{stroke}" '
                  f'stroke-width="1.5"/>')
    return shape


def _svg_legend(x0: float, y0: float) -> tuple[list[str], float]:
    out = [f'<g class="legend" transform="translate({x0:.0f},{y0:.0f})">']
    x = 0.0
    for q in (1, 2, 3, 4):
        out.append(f'<circle cx="{x + 6}" cy="6" r="6" fill="{QUAD_COLOURS[q]}"/>'
                   f'<text x="{x + 16}" y="10">{_x(QUAD_CLASSES[q])}</text>')
        x += 30 + 6.5 * len(QUAD_CLASSES[q])
    out.append(f'<circle cx="{x + 6}" cy="6" r="6" fill="none" stroke="#555" '
               f'stroke-dasharray="6,4"/><text x="{x + 16}" y="10">planned</text>')
    x += 80
    out.append(f'<circle cx="{x + 6}" cy="6" r="6" fill="#fff" stroke="#555" '
               f'stroke-dasharray="2,3"/><text x="{x + 16}" y="10">conditional</text>')
    x += 100
    out.append(f'<circle cx="{x + 6}" cy="6" r="6" fill="#fff" stroke="#555"/>'
               f'<path d="M{x + 2},2L{x + 10},10M{x + 2},10L{x + 10},2" stroke="#555"/>'
               f'<text x="{x + 16}" y="10">negated</text>')
    x += 85
    out.append(f'<polygon points="{x + 6},0 {x + 12},6 {x + 6},12 {x},6" fill="#999"/>'
               f'<text x="{x + 16}" y="10">claimed</text>')
    x += 80
    out.append(f'<text x="{x}" y="10">size: number of reporting articles</text></g>')
    return out, 24.0


def _svg_head(title: str, total_w: float, total_h: float) -> list[str]:
    """The root element, title, arrow marker, white background and caption."""
    return [f'<svg xmlns="http://www.w3.org/2000/svg" width="{total_w:.0f}" '
            f'height="{total_h:.0f}" viewBox="0 0 {total_w:.0f} {total_h:.0f}" '
            f'font-family="system-ui, Helvetica, Arial, sans-serif" font-size="11" '
            f'fill="#1d2430">',
            f"<title>{_x(title)}</title>",
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" '
            'fill="#2f3b4c"/></marker></defs>',
            f'<rect width="{total_w:.0f}" height="{total_h:.0f}" fill="#ffffff"/>',
            f'<text x="12" y="20" font-size="15" font-weight="bold">{_x(title)}</text>']


def _svg_lanes(lay: Layout, total_w: float) -> list[str]:
    """Lane bands, alternately shaded, with their names on the left."""
    out = ['<g class="lanes">']
    for i, lane in enumerate(lay.lanes):
        fill = "#f4f6f8" if i % 2 else "#ffffff"
        out.append(f'<rect x="0" y="{_Y(lane.top):.1f}" width="{total_w:.0f}" '
                   f'height="{lane.height:.1f}" fill="{fill}"/>'
                   f'<text class="lane-label" x="12" y="{_Y(lane.top + lane.height / 2) + 4:.1f}">'
                   f"{_x(short(lane.label, 28))}</text>")
    out.append("</g>")
    return out


def _svg_axis(lay: Layout) -> list[str]:
    """Date ticks with grid lines, and the "undated" band."""
    out: list[str] = []
    if lay.d0 is not None:
        unit, tick_list = ticks(lay.d0, 0, lay.x_end / lay.ppd, int(lay.x_end / TICK_PX))
        out.append(f'<g class="axis" data-unit="{unit}">')
        for off, lab in tick_list:
            x = _X(off * lay.ppd)
            out.append(f'<line class="tick tick-{unit}" x1="{x:.1f}" x2="{x:.1f}" '
                       f'y1="{_SVG_TOP - 8:.1f}" y2="{_Y(lay.height):.1f}" stroke="#dde1e6"/>'
                       f'<text class="tick tick-{unit}" x="{x + 3:.1f}" y="{_SVG_TOP - 12:.1f}">'
                       f"{_x(lab)}</text>")
        out.append("</g>")
    if lay.band:
        bx0, bx1 = lay.band
        out.append(f'<g class="undated"><rect x="{_X(bx0):.1f}" y="{_SVG_TOP - 30:.1f}" '
                   f'width="{bx1 - bx0:.1f}" height="{lay.height + 30:.1f}" fill="#efe9df" '
                   f'opacity="0.7"/><text x="{_X(bx0) + 8:.1f}" y="{_SVG_TOP - 12:.1f}" '
                   f'font-style="italic">undated</text></g>')
    return out


def _svg_links(G: nx.MultiDiGraph, lay: Layout, colours: dict[str, str]) -> list[str]:
    """Spans, lines to the lanes of an event's other actors, and labelled event-event links."""
    out = ['<g class="spans">']
    for eid, x2 in lay.span_end.items():
        x, y = lay.pos[eid]
        out.append(f'<rect x="{_X(x):.1f}" y="{_Y(y) - 4:.1f}" width="{max(x2 - x, 1):.1f}" '
                   f'height="8" rx="4" fill="{colours[eid]}" opacity="0.3"/>')
    out.append('</g><g class="edges">')
    for g in lay.ghosts:
        x, y = lay.pos[g.eid]
        dash = ' stroke-dasharray="4,3"' if g.role == "target" else ""
        out.append(f'<line x1="{_X(x):.1f}" y1="{_Y(y):.1f}" x2="{_X(g.x):.1f}" '
                   f'y2="{_Y(g.y):.1f}" stroke="#8a94a0"{dash}/><circle cx="{_X(g.x):.1f}" '
                   f'cy="{_Y(g.y):.1f}" r="3" fill="{colours[g.eid]}"/>')
    for u, v, k in G.edges(keys=True):
        if u[0] == "event" and v[0] == "event" and u[1] in lay.pos and v[1] in lay.pos:
            (x1, y1), (x2, y2) = lay.pos[u[1]], lay.pos[v[1]]
            mx, my = (x1 + x2) / 2, min(y1, y2) - 30 - abs(x2 - x1) * 0.1
            out.append(f'<path class="link" d="M{_X(x1):.1f},{_Y(y1):.1f} Q{_X(mx):.1f},'
                       f'{_Y(my):.1f} {_X(x2):.1f},{_Y(y2):.1f}" fill="none" stroke="#2f3b4c" '
                       f'stroke-width="1.5" marker-end="url(#arrow)"><title>{_x(k)}</title>'
                       f'</path><text x="{_X(mx):.1f}" y="{_Y(my) + 12:.1f}" '
                       f'text-anchor="middle" font-size="10">{_x(k)}</text>')
    return out  # the edges group is left open: the caller closes it


def _svg_events(events: list[Event], lay: Layout) -> list[str]:
    """One mark per event, with its label and date as a tooltip."""
    out: list[str] = []
    for ev in events:
        x, y = lay.pos[ev.id]
        r = size(ev) * 0.75
        out.append(f'<g class="event modality-{_x(ev.modality)}" data-id="{_x(ev.id)}">'
                   f"<title>{_x(ev.label)} ({_x(when(ev.time))})</title>"
                   f"{_svg_marker(ev, _X(x), _Y(y), r)}</g>")
    return out


def timeline_svg(G: nx.MultiDiGraph, path: str | Path | None = None, *,
                 group_by: GroupBy = "actor", width: int = 1200,
                 title: str = "conflict-kg timeline") -> str:
    """Return (and write, when ``path`` is given) a static SVG picture of the timeline.

    Same encoding as the HTML page (lanes, time axis, colours, modality marks, sizes, links
    between events, an "undated" band), in pure Python, for reports and print.

    Parameters
    ----------
    G : nx.MultiDiGraph
        A graph from :func:`kg.graph.build_graph`; it is not changed.
    path : str or Path, optional
        Where to write the SVG (UTF-8, atomically).
    group_by : {"actor", "country"}
        One lane per actor, or per country.
    width : int
        About how wide the picture is, in pixels.
    title : str
        The caption on top.

    Examples
    --------
    >>> import datetime as dt
    >>> from kg.model import Actor, Event, TimeSpan
    >>> from kg.graph import build_graph
    >>> G = build_graph([Event("e1", "190", "Shelling", TimeSpan(dt.date(2025, 4, 20), None),
    ...                        sources=(Actor("russia", "Russia", "country"),))])
    >>> svg = timeline_svg(G)
    >>> svg.startswith("<svg") and "Shelling" in svg
    True
    """
    events = sorted_events(G)
    n_undated = sum(1 for e in events if e.time.start is None)
    band_room = 80.0 + (UNDATED_COLS - 1) * SEP + BAND_GAP if n_undated else 0.0
    lay = layout(G, group_by, dated_width=max(300.0, width - _SVG_LEFT - _SVG_RIGHT - band_room))
    right = lay.band[1] if lay.band else lay.x_end
    total_w = _SVG_LEFT + right + _SVG_RIGHT
    total_h = _SVG_TOP + lay.height + 50.0
    colours = {e.id: colour(e) for e in events}
    out = [*_svg_head(title, total_w, total_h), *_svg_lanes(lay, total_w), *_svg_axis(lay),
           *_svg_links(G, lay, colours), '</g><g class="events">', *_svg_events(events, lay),
           "</g>", *_svg_legend(12, total_h - 30)[0], "</svg>"]
    svg = "\n".join(out) + "\n"
    if path is not None:
        write_text(Path(path), svg, "timeline SVG")
    return svg
