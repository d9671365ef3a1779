"""The interactive offline HTML timeline of a knowledge graph, and a static SVG of it for reports.

Events sit on a real time axis (x) in one lane per actor or per country (y). Colour says the
QuadClass, the outline the modality (planned dashed, conditional hollow and dotted, negated
crossed, claimed a diamond), the size how many articles reported it. The HTML page is one file
(kg/export/timeline_page.py builds its data; timeline.js draws it on a canvas with a time axis
that zooms on its own), its Content-Security-Policy allows no request and no script but its own,
and article text reaches it only as JSON shown with ``textContent``, never parsed as HTML. The
pyvis network of :func:`timeline_network` is the notebook view.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

import networkx as nx

from kg.errors import ExportError
from kg.export.atomic import atomic_write
from kg.graph.queries import QUAD_CLASSES, cameo_class
from kg.model import Actor, Event, TimeSpan

if TYPE_CHECKING:
    from pyvis.network import Network

__all__ = ["timeline_network", "write_timeline", "timeline_svg", "QUAD_COLOURS"]

GroupBy = Literal["actor", "country"]

#: QuadClass -> fill colour (Okabe-Ito, readable by colour-blind readers); 0 is "unknown".
QUAD_COLOURS: dict[int, str] = {
    1: "#56B4E9",  # verbal cooperation: sky blue
    2: "#009E73",  # material cooperation: bluish green
    3: "#E69F00",  # verbal conflict: orange
    4: "#D55E00",  # material conflict: vermilion
    0: "#8C8C8C",
}
_MODALITY_NOTES = {
    "asserted": "filled: it happened",
    "planned": "dashed outline, pale: scheduled",
    "conditional": "dotted outline, hollow: may happen",
    "negated": "crossed, hollow: did not happen",
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_NO_ACTOR = ""  # lane key of events that name no actor

# Layout, in vis-network canvas units (= pixels at zoom 1).
_SEP = 34.0  # closest two items may sit on one row of a lane
_SLOT_H = 34.0
_LANE_PAD = 16.0
_MAX_SLOTS = 8  # deeper pile-ups overlap rather than make a lane a screen tall
_BAND_GAP = 140.0
_UNDATED_COLS = 8
_TICK_PX = 110.0  # room one tick label needs


# ----------------------------------------------------------------------------------------------
# Layout


@dataclass(frozen=True)
class _Lane:
    key: str
    label: str
    top: float
    height: float
    count: int


@dataclass(frozen=True)
class _Ghost:
    """Where an event meets the lane of another of its actors."""

    eid: str
    lane: str
    role: str  # "source" or "target"
    x: float
    y: float


@dataclass(frozen=True)
class _Layout:
    group_by: str
    events: tuple[Event, ...]
    lanes: tuple[_Lane, ...]
    pos: dict[str, tuple[float, float]]  # event id -> (x, y)
    span_end: dict[str, float]  # event id -> x where its span ends (multi-day spans only)
    ghosts: tuple[_Ghost, ...]
    d0: dt.date | None  # the day at x = 0
    ppd: float  # canvas units per day
    x_end: float  # right edge of the dated region
    band: tuple[float, float] | None  # x range of the "undated" band
    height: float


def _events(G: nx.MultiDiGraph) -> list[Event]:
    evs = [d["record"] for _, d in G.nodes(data=True)
           if d.get("kind") == "event" and isinstance(d.get("record"), Event)]
    return sorted(evs, key=lambda e: (e.time.start or dt.date.max, e.time.start_time or dt.time.min,
                                      e.id))


def _country_key(actor: Actor) -> str:
    if actor.type == "country" or not actor.affiliation:
        return actor.id
    return actor.affiliation


def _pretty(slug: str) -> str:
    """A readable name for an id with no record ("united-states" -> "United States")."""
    if slug and slug == slug.lower():
        return " ".join(w.capitalize() for w in re.split(r"[-_\s]+", slug) if w) or slug
    return slug


def _actor_name(G: nx.MultiDiGraph, actor_id: str) -> str:
    data = G.nodes.get(("actor", actor_id))
    record = data.get("record") if data else None
    if isinstance(record, Actor):
        return record.name
    return _pretty(str(data.get("label") or actor_id) if data else actor_id)


def _event_lanes(ev: Event, group_by: str) -> list[tuple[str, str]]:
    """(lane key, role) of an event's actors, sources first, each lane once."""
    out: dict[str, str] = {}
    for role, actors in (("source", ev.sources), ("target", ev.targets)):
        for a in actors:
            out.setdefault(a.id if group_by == "actor" else _country_key(a), role)
    return list(out.items()) or [(_NO_ACTOR, "source")]


def _stack(xs: list[float]) -> list[int]:
    """A row (slot) for each x, greedily, so that items on one row are _SEP apart."""
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    last: list[float] = []
    slots = [0] * len(xs)
    for i in order:
        x = xs[i]
        for s, lx in enumerate(last):
            if x - lx >= _SEP:
                break
        else:
            s = len(last) if len(last) < _MAX_SLOTS else min(range(len(last)), key=last.__getitem__)
            if s == len(last):
                last.append(x)
        last[s] = x
        slots[i] = s
    return slots


def _layout(G: nx.MultiDiGraph, group_by: str, dated_width: float | None = None) -> _Layout:
    """Place every event: x from its date (or in the undated band), y in its first actor's lane.

    Lanes are ordered by country (busiest first), a country's own lane before its people and
    forces; items closer than _SEP in one lane stack on rows below each other.
    """
    if group_by not in ("actor", "country"):
        raise ValueError(f"group_by={group_by!r}: use 'actor' or 'country'")
    events = _events(G)
    dated = [e for e in events if e.time.start is not None]
    undated = [e for e in events if e.time.start is None]

    d0: dt.date | None = None
    ppd, x_end = 1.0, 0.0
    if dated:
        # every event in ``dated`` has a start
        d0 = min(cast(dt.date, e.time.start) for e in dated)
        last = max(cast(dt.date, e.time.end or e.time.start) for e in dated)
        last = max(last, max(cast(dt.date, e.time.start) for e in dated))
        span_days = (last - d0).days + 1
        width = dated_width or min(max(900.0 + 8.0 * len(dated), 1200.0), 24000.0)
        ppd = width / span_days
        x_end = span_days * ppd

    def x_of(day: dt.date, t: dt.time | None, default: float) -> float:
        frac = (t.hour * 3600 + t.minute * 60 + t.second) / 86400 if t else default
        return ((day - d0).days + frac) * ppd  # type: ignore[operator]

    # lanes: which events touch each, how they group (people and forces under their country)
    touching: Counter[str] = Counter()
    group_of: dict[str, str] = {}
    for ev in events:
        lanes = _event_lanes(ev, group_by)
        touching.update(k for k, _ in lanes)
        for a in ev.actors:
            key = a.id if group_by == "actor" else _country_key(a)
            group_of.setdefault(key, _country_key(a))
    group_total: Counter[str] = Counter()
    for key, n in touching.items():
        group_total[group_of.get(key, key)] += n
    label = {k: _actor_name(G, k) if k != _NO_ACTOR else "(no actor named)" for k in touching}

    def lane_order(key: str) -> tuple:
        g = group_of.get(key, key)
        return (key == _NO_ACTOR, -group_total[g], _actor_name(G, g).lower(), g, key != g,
                -touching[key], label[key].lower(), key)

    keys = sorted(touching, key=lane_order)

    # x of every item, lane by lane
    pos_x: dict[str, float] = {}
    span_end: dict[str, float] = {}
    for ev in dated:
        t = ev.time
        assert t.start is not None  # ``dated`` holds only events with a start
        pos_x[ev.id] = x_of(t.start, t.start_time, 0.5)
        if t.end and (t.end > t.start or (t.end_time and t.start_time and t.end_time > t.start_time)):
            span_end[ev.id] = x_of(t.end, t.end_time, 1.0)
    band: tuple[float, float] | None = None
    if undated:
        per_lane = Counter(_event_lanes(e, group_by)[0][0] for e in undated)
        cols = max(1, min(_UNDATED_COLS, max(per_lane.values())))
        bx0 = x_end + _BAND_GAP if dated else 0.0
        band = (bx0, bx0 + 80.0 + (cols - 1) * _SEP)
        seen: Counter[str] = Counter()
        for ev in sorted(undated, key=lambda e: (e.label.lower(), e.id)):
            lane = _event_lanes(ev, group_by)[0][0]
            pos_x[ev.id] = bx0 + 40.0 + (seen[lane] % cols) * _SEP
            seen[lane] += 1

    items: dict[str, list[tuple[str, str, str, float]]] = {k: [] for k in keys}
    for ev in events:
        lanes = _event_lanes(ev, group_by)
        x = pos_x[ev.id]
        for i, (key, role) in enumerate(lanes):
            items[key].append((ev.id, "event" if i == 0 else role, key, x))

    lanes_out: list[_Lane] = []
    pos: dict[str, tuple[float, float]] = {}
    ghosts: list[_Ghost] = []
    top = 0.0
    for key in keys:
        row = items[key]
        slots = _stack([it[3] for it in row])
        depth = max(slots) + 1 if slots else 1
        height = 2 * _LANE_PAD + depth * _SLOT_H
        for (eid, what, lane, x), s in zip(row, slots):
            y = round(top + _LANE_PAD + (s + 0.5) * _SLOT_H, 1)
            if what == "event":
                pos[eid] = (round(x, 1), y)
            else:
                ghosts.append(_Ghost(eid, lane, what, round(x, 1), y))
        lanes_out.append(_Lane(key, label[key], top, height, touching[key]))
        top += height
    return _Layout(group_by, tuple(events), tuple(lanes_out), pos,
                   {k: round(v, 1) for k, v in span_end.items()}, tuple(ghosts), d0, ppd,
                   round(x_end, 1), band, top)


# ----------------------------------------------------------------------------------------------
# Time axis ticks (the page's JavaScript does the same as you zoom)

_UNITS: tuple[tuple[str, int, float], ...] = (
    ("hour", 1, 1 / 24), ("hour", 3, 3 / 24), ("hour", 6, 6 / 24), ("hour", 12, 12 / 24),
    ("day", 1, 1), ("day", 2, 2), ("week", 1, 7), ("month", 1, 30.44), ("month", 3, 91.3),
    ("month", 6, 182.6), ("year", 1, 365.25), ("year", 2, 730.5), ("year", 5, 1826.2),
    ("year", 10, 3652.5), ("year", 25, 9131), ("year", 50, 18262), ("year", 100, 36525),
)


def _tick_label(unit: str, t: dt.datetime) -> str:
    if unit == "hour":
        return f"{t.day} {_MONTHS[t.month - 1]} {t.hour:02d}:00"
    if unit in ("day", "week"):
        return f"{t.day} {_MONTHS[t.month - 1]} {t.year}"
    if unit == "month":
        return f"{_MONTHS[t.month - 1]} {t.year}"
    return str(t.year)


def _ticks(d0: dt.date, lo: float, hi: float, max_ticks: int) -> tuple[str, list[tuple[float, str]]]:
    """The tick unit and (day offset from d0, label) of ticks between day offsets lo and hi."""
    span = max(hi - lo, 1e-9)
    unit, n, _ = next((u for u in _UNITS if span / u[2] <= max(max_ticks, 2)), _UNITS[-1])
    base = dt.datetime.combine(d0, dt.time())
    start = base + dt.timedelta(days=lo)
    out: list[tuple[float, str]] = []

    def add(t: dt.datetime) -> bool:
        off = (t - base).total_seconds() / 86400
        if off > hi:
            return False
        if off >= lo:
            out.append((off, _tick_label(unit, t)))
        return True

    if unit in ("hour", "day", "week"):
        if unit == "hour":
            t = start.replace(minute=0, second=0, microsecond=0)
            t = t.replace(hour=t.hour - t.hour % n)
            step = dt.timedelta(hours=n)
        else:
            day = start.date()
            ordinal = day.toordinal()
            ordinal -= day.weekday() if unit == "week" else ordinal % n
            t = dt.datetime.combine(dt.date.fromordinal(ordinal), dt.time())
            step = dt.timedelta(days=7 if unit == "week" else n)
        while add(t):
            t += step
    else:
        months = 12 * n if unit == "year" else n
        index = start.year * 12 + start.month - 1
        index -= index % months
        index = max(index, dt.MINYEAR * 12)  # a 100-year step may round down to year 0
        while index // 12 <= dt.MAXYEAR and add(dt.datetime(index // 12, index % 12 + 1, 1)):
            index += months
    return unit if n == 1 else f"{n}{unit}", out


# ----------------------------------------------------------------------------------------------
# Event details and style


def _when(t: TimeSpan) -> str:
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


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _size(ev: Event) -> float:
    n = max(1, len(ev.article_ids))
    return 7.0 + 3.0 * (min(n, 6) - 1)


def _mix(colour: str, other: str, share: float) -> str:
    a = [int(colour[i: i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i: i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b))


def _group(ev: Event) -> str:
    """The vis-network group of an event: its QuadClass, modality and whether it is claimed."""
    quad = cameo_class(ev.cameo).quad_class
    return f"q{quad}-{ev.modality}" + ("-claimed" if ev.claimed_by else "")


def _group_style(group: str) -> dict[str, Any]:
    """Shape, colours and outline of a group made by :func:`_group`."""
    quad, modality, *claimed = group[1:].split("-")
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


def _colour(ev: Event) -> str:
    return QUAD_COLOURS.get(cameo_class(ev.cameo).quad_class, QUAD_COLOURS[0])


def _plain_title(ev: Event) -> str:
    """A plain-text tooltip for the pyvis network (vis-network shows a string title as text)."""
    cls = cameo_class(ev.cameo)
    lines = [ev.label, f"{_when(ev.time)} ({ev.time.precision})",
             f"CAMEO {ev.cameo} {cls.name}" + (f" / PLOVER {cls.plover}" if cls.plover else ""),
             f"{ev.modality}" + (f", claimed by {', '.join(a.name for a in ev.claimed_by)}"
                                 if ev.claimed_by else "")]
    if ev.actors:
        lines.append("actors: " + ", ".join(a.name for a in ev.actors))
    if ev.places:
        lines.append("places: " + ", ".join(p.name for p in ev.places))
    lines += [f"- {_short(e.sentence, 200)} [{e.url or e.title or e.article_id}]"
              for e in ev.evidence[:5]]
    # pyvis switches to a template that sets innerHTML when a title contains "href"
    return re.sub(r"(?i)h(?=ref)", "h\u200b", "\n".join(lines))


# ----------------------------------------------------------------------------------------------
# vis-network data (through pyvis)


def _vis_options(events: tuple[Event, ...] | list[Event]) -> dict[str, Any]:
    big = len(events) > 1500
    groups = sorted({_group(e) for e in events})
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "hierarchical": {"enabled": False}},
        "interaction": {"hover": True, "dragNodes": False, "tooltipDelay": 120,
                        "hideEdgesOnDrag": big, "hideEdgesOnZoom": big, "multiselect": False,
                        "keyboard": {"enabled": True, "bindToWindow": False}},
        "nodes": {"font": {"size": 12, "face": "system-ui, sans-serif", "color": "#1d2430",
                           "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"smooth": False, "selectionWidth": 1.5, "width": 1,
                  "color": {"color": "#8a94a0", "highlight": "#1d2430", "hover": "#1d2430"},
                  "arrows": {"to": {"enabled": False, "scaleFactor": 0.4}}},
        "groups": {g: _group_style(g) for g in groups},
    }


def _graph_data(layout: _Layout, G: nx.MultiDiGraph, *, notebook: bool
                ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network node and edge dicts of one layout.

    Styles live in the groups of :func:`_vis_options`; ``eid`` (the event id), ``kind``,
    ``x2`` (end of the span), ``fill``, ``border`` and ``negated`` are for the page's script.
    For a notebook, nodes get plain-text titles and the meeting points with other actors'
    lanes are nodes and edges; the page draws those itself (half the nodes to build).
    """
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    for ev in layout.events:
        x, y = layout.pos[ev.id]
        node: dict[str, Any] = {"id": "e:" + ev.id, "eid": ev.id, "kind": "event",
                                "label": _short(ev.label, 40), "x": x, "y": y,
                                "group": _group(ev), "size": _size(ev)}
        if ev.id in layout.span_end:
            node["x2"] = layout.span_end[ev.id]
            node["fill"] = _colour(ev)
        if ev.modality == "negated":
            node["negated"] = True
            node["border"] = _colour(ev)
        if notebook:
            node["title"] = _plain_title(ev)
        nodes.append(node)
    colours = {ev.id: _colour(ev) for ev in layout.events}
    for i, g in enumerate(layout.ghosts if notebook else ()):
        gid = f"g:{i}"
        nodes.append({"id": gid, "eid": g.eid, "kind": "ghost", "shape": "dot", "size": 4,
                      "x": g.x, "y": g.y, "borderWidth": 1, "color": colours[g.eid]})
        edge: dict[str, Any] = {"id": f"r:{i}", "from": "e:" + g.eid, "to": gid, "eid": g.eid,
                                "kind": "role", "role": g.role}
        if g.role == "target":
            edge.update(dashes=[4, 3], arrows="to")
        edges.append(edge)
    n = 0
    for u, v, k in G.edges(keys=True):
        if u[0] == "event" and v[0] == "event" and u[1] in layout.pos and v[1] in layout.pos:
            edges.append({"id": f"l:{n}", "from": "e:" + u[1], "to": "e:" + v[1], "eid": u[1],
                          "eid2": v[1], "kind": "link", "label": str(k), "width": 2,
                          "arrows": {"to": {"enabled": True, "scaleFactor": 0.7}},
                          "color": {"color": "#2f3b4c", "highlight": "#000000"},
                          "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.3},
                          "font": {"size": 11, "align": "top", "color": "#2f3b4c"}})
            n += 1
    return nodes, edges


def _axis_nodes(layout: _Layout) -> list[dict[str, Any]]:
    """Lane names and date ticks as text nodes, for the pyvis network (the page draws its own)."""
    out: list[dict[str, Any]] = []
    text = {"shape": "text", "physics": False, "font": {"size": 14, "color": "#4a5568"}}
    for i, lane in enumerate(layout.lanes):
        out.append({"id": f"lane:{i}", "kind": "lane", "label": _short(lane.label, 28),
                    "x": -120.0, "y": lane.top + lane.height / 2, **text})
    if layout.d0 is not None:
        unit, ticks = _ticks(layout.d0, 0, layout.x_end / layout.ppd,
                             int(layout.x_end / _TICK_PX))
        for i, (off, lab) in enumerate(ticks):
            out.append({"id": f"tick:{i}", "kind": "tick", "label": lab, "x": off * layout.ppd,
                        "y": -30.0, **text})
    if layout.band:
        out.append({"id": "band", "kind": "tick", "label": "undated",
                    "x": sum(layout.band) / 2, "y": -30.0, **text})
    return out


def _new_network(layout: _Layout, G: nx.MultiDiGraph) -> Network:
    try:
        from pyvis.network import Network
    except ImportError as e:
        raise ExportError("the timeline needs pyvis: pip install 'pyvis==0.3.2'") from e
    # cdn_resources="in_line": pyvis's "local" would copy a lib/ folder into the working dir
    net = Network(height="750px", width="100%", directed=True, cdn_resources="in_line")
    nodes, edges = _graph_data(layout, G, notebook=True)
    # pyvis's add_node/add_edge scan every node and edge on each call (quadratic at 5,000
    # events), so the finished dicts go into its lists directly.
    for node in (*_axis_nodes(layout), *nodes):
        net.nodes.append(node)
        net.node_ids.append(node["id"])
        net.node_map[node["id"]] = node
    net.edges.extend(edges)
    net.options = _vis_options(layout.events)
    return net


def timeline_network(G: nx.MultiDiGraph, *, group_by: GroupBy = "actor") -> Network:
    """Return the timeline as a pyvis Network, for notebooks.

    Nodes have fixed positions (x from the date, y the lane) and physics is off; lane names
    and date ticks are text nodes; tooltips are plain text. For a file to share, use
    :func:`write_timeline` (offline, with filters, search and evidence panel).

    Parameters
    ----------
    G : nx.MultiDiGraph
        A graph from :func:`kg.graph.build_graph`; it is not changed.
    group_by : {"actor", "country"}
        One lane per actor, or per country with its people and forces.

    Examples
    --------
    >>> import datetime as dt
    >>> from kg.model import Actor, Event, TimeSpan
    >>> from kg.graph import build_graph
    >>> ru = Actor("russia", "Russia", "country")
    >>> G = build_graph([Event("e1", "0871", "Truce", TimeSpan(dt.date(2025, 4, 19), None),
    ...                        sources=(ru,))])
    >>> net = timeline_network(G)
    >>> [n["label"] for n in net.nodes if n.get("kind") == "event"]
    ['Truce']
    """
    return _new_network(_layout(G, group_by), G)


# ----------------------------------------------------------------------------------------------
# The HTML page


def _write_atomic(path: Path, text: str, what: str) -> Path:
    if not path.parent.is_dir():
        raise ExportError(f"{path}: cannot write the {what}: folder {path.parent} does not exist "
                          f"(create it first)")
    with atomic_write(path) as f:
        f.write(text)
    return path


def write_timeline(G: nx.MultiDiGraph, path: str | Path, *, title: str = "conflict-kg timeline",
                   group_by: GroupBy = "actor") -> Path:
    """Write the timeline as one self-contained, offline UTF-8 HTML file; return its path.

    The page draws events on a time axis that zooms and pans apart from the lanes, with ticks
    from hours to centuries, one lane per actor or per country (a switch in the page); crowded
    stretches of a lane become count marks that open as you zoom in. It has filters by actor,
    event type and dates, a search box, a legend, and a panel showing each event's evidence
    (sentence with its trigger marked, headline, outlet, date, link). It loads nothing from any
    network; the data are embedded once (sentences and articles in shared tables). The file is replaced atomically (a temporary file in the
    same folder, then ``os.replace``).

    Parameters
    ----------
    G : nx.MultiDiGraph
        A graph from :func:`kg.graph.build_graph`; it is not changed.
    path : str or Path
        The HTML file to write; its folder must exist.
    title : str
        The page title (shown as text).
    group_by : {"actor", "country"}
        The lanes the page opens with.

    Raises
    ------
    kg.errors.ExportError
        When the file cannot be written (the previous file, if any, is left as it was).
    """
    from kg.export.timeline_page import render_page

    text = render_page(G, title, group_by)
    return _write_atomic(Path(path), text, "timeline")


# ----------------------------------------------------------------------------------------------
# The static SVG

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SVG_LEFT, _SVG_TOP, _SVG_RIGHT = 180.0, 56.0, 24.0


def _x(text: object) -> str:
    """Text or attribute value safe in XML (markup escaped, characters XML forbids removed)."""
    return html.escape(_XML_BAD.sub("", str(text)), quote=True)


def _svg_marker(ev: Event, x: float, y: float, r: float) -> str:
    st = _group_style(_group(ev))
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
    events = _events(G)
    n_undated = sum(1 for e in events if e.time.start is None)
    band_room = 80.0 + (_UNDATED_COLS - 1) * _SEP + _BAND_GAP if n_undated else 0.0
    lay = _layout(G, group_by, dated_width=max(300.0, width - _SVG_LEFT - _SVG_RIGHT - band_room))
    right = lay.band[1] if lay.band else lay.x_end
    total_w = _SVG_LEFT + right + _SVG_RIGHT
    total_h = _SVG_TOP + lay.height + 50.0
    X = lambda x: _SVG_LEFT + x  # noqa: E731 - canvas x to SVG x
    Y = lambda y: _SVG_TOP + y  # noqa: E731

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{total_w:.0f}" '
           f'height="{total_h:.0f}" viewBox="0 0 {total_w:.0f} {total_h:.0f}" '
           f'font-family="system-ui, Helvetica, Arial, sans-serif" font-size="11" '
           f'fill="#1d2430">',
           f"<title>{_x(title)}</title>",
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" '
           'fill="#2f3b4c"/></marker></defs>',
           f'<rect width="{total_w:.0f}" height="{total_h:.0f}" fill="#ffffff"/>',
           f'<text x="12" y="20" font-size="15" font-weight="bold">{_x(title)}</text>',
           '<g class="lanes">']
    for i, lane in enumerate(lay.lanes):
        fill = "#f4f6f8" if i % 2 else "#ffffff"
        out.append(f'<rect x="0" y="{Y(lane.top):.1f}" width="{total_w:.0f}" '
                   f'height="{lane.height:.1f}" fill="{fill}"/>'
                   f'<text class="lane-label" x="12" y="{Y(lane.top + lane.height / 2) + 4:.1f}">'
                   f"{_x(_short(lane.label, 28))}</text>")
    out.append("</g>")
    if lay.d0 is not None:
        unit, ticks = _ticks(lay.d0, 0, lay.x_end / lay.ppd, int(lay.x_end / _TICK_PX))
        out.append(f'<g class="axis" data-unit="{unit}">')
        for off, lab in ticks:
            x = X(off * lay.ppd)
            out.append(f'<line class="tick tick-{unit}" x1="{x:.1f}" x2="{x:.1f}" '
                       f'y1="{_SVG_TOP - 8:.1f}" y2="{Y(lay.height):.1f}" stroke="#dde1e6"/>'
                       f'<text class="tick tick-{unit}" x="{x + 3:.1f}" y="{_SVG_TOP - 12:.1f}">'
                       f"{_x(lab)}</text>")
        out.append("</g>")
    if lay.band:
        bx0, bx1 = lay.band
        out.append(f'<g class="undated"><rect x="{X(bx0):.1f}" y="{_SVG_TOP - 30:.1f}" '
                   f'width="{bx1 - bx0:.1f}" height="{lay.height + 30:.1f}" fill="#efe9df" '
                   f'opacity="0.7"/><text x="{X(bx0) + 8:.1f}" y="{_SVG_TOP - 12:.1f}" '
                   f'font-style="italic">undated</text></g>')
    colours = {e.id: _colour(e) for e in events}
    out.append('<g class="spans">')
    for eid, x2 in lay.span_end.items():
        x, y = lay.pos[eid]
        out.append(f'<rect x="{X(x):.1f}" y="{Y(y) - 4:.1f}" width="{max(x2 - x, 1):.1f}" '
                   f'height="8" rx="4" fill="{colours[eid]}" opacity="0.3"/>')
    out.append('</g><g class="edges">')
    for g in lay.ghosts:
        x, y = lay.pos[g.eid]
        dash = ' stroke-dasharray="4,3"' if g.role == "target" else ""
        out.append(f'<line x1="{X(x):.1f}" y1="{Y(y):.1f}" x2="{X(g.x):.1f}" y2="{Y(g.y):.1f}" '
                   f'stroke="#8a94a0"{dash}/><circle cx="{X(g.x):.1f}" cy="{Y(g.y):.1f}" r="3" '
                   f'fill="{colours[g.eid]}"/>')
    for u, v, k in G.edges(keys=True):
        if u[0] == "event" and v[0] == "event" and u[1] in lay.pos and v[1] in lay.pos:
            (x1, y1), (x2, y2) = lay.pos[u[1]], lay.pos[v[1]]
            mx, my = (x1 + x2) / 2, min(y1, y2) - 30 - abs(x2 - x1) * 0.1
            out.append(f'<path class="link" d="M{X(x1):.1f},{Y(y1):.1f} Q{X(mx):.1f},'
                       f'{Y(my):.1f} {X(x2):.1f},{Y(y2):.1f}" fill="none" stroke="#2f3b4c" '
                       f'stroke-width="1.5" marker-end="url(#arrow)"><title>{_x(k)}</title>'
                       f'</path><text x="{X(mx):.1f}" y="{Y(my) + 12:.1f}" '
                       f'text-anchor="middle" font-size="10">{_x(k)}</text>')
    out.append('</g><g class="events">')
    for ev in events:
        x, y = lay.pos[ev.id]
        r = _size(ev) * 0.75
        out.append(f'<g class="event modality-{_x(ev.modality)}" data-id="{_x(ev.id)}">'
                   f"<title>{_x(ev.label)} ({_x(_when(ev.time))})</title>"
                   f"{_svg_marker(ev, X(x), Y(y), r)}</g>")
    out.append("</g>")
    legend, _ = _svg_legend(12, total_h - 30)
    out += legend
    out.append("</svg>")
    svg = "\n".join(out) + "\n"
    if path is not None:
        _write_atomic(Path(path), svg, "timeline SVG")
    return svg
