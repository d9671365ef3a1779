"""Where the timeline puts each event: x from its date on a real time axis, y in an actor's lane.

Shared by the pyvis network (kg/export/timeline.py) and the static SVG
(kg/export/timeline_svg.py); the HTML page lays itself out in timeline.js the same way. Also the
time axis ticks, from hours to centuries, that the page's JavaScript computes as you zoom.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal, cast

import networkx as nx

from kg.model import Actor, Event

__all__ = ["GroupBy", "Lane", "Ghost", "Layout", "layout", "sorted_events", "ticks",
           "SEP", "BAND_GAP", "UNDATED_COLS", "TICK_PX"]

GroupBy = Literal["actor", "country"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_NO_ACTOR = ""  # lane key of events that name no actor

# Layout, in vis-network canvas units (= pixels at zoom 1).
SEP = 34.0  # closest two items may sit on one row of a lane
_SLOT_H = 34.0
_LANE_PAD = 16.0
_MAX_SLOTS = 8  # deeper pile-ups overlap rather than make a lane a screen tall
BAND_GAP = 140.0
UNDATED_COLS = 8
TICK_PX = 110.0  # room one tick label needs


@dataclass(frozen=True)
class Lane:
    key: str
    label: str
    top: float
    height: float
    count: int


@dataclass(frozen=True)
class Ghost:
    """Where an event meets the lane of another of its actors."""

    eid: str
    lane: str
    role: str  # "source" or "target"
    x: float
    y: float


@dataclass(frozen=True)
class Layout:
    group_by: str
    events: tuple[Event, ...]
    lanes: tuple[Lane, ...]
    pos: dict[str, tuple[float, float]]  # event id -> (x, y)
    span_end: dict[str, float]  # event id -> x where its span ends (multi-day spans only)
    ghosts: tuple[Ghost, ...]
    d0: dt.date | None  # the day at x = 0
    ppd: float  # canvas units per day
    x_end: float  # right edge of the dated region
    band: tuple[float, float] | None  # x range of the "undated" band
    height: float


@dataclass(frozen=True)
class _Axis:
    """The dated region: the day at x = 0, canvas units per day, its right edge."""

    d0: dt.date | None
    ppd: float
    x_end: float

    def x(self, day: dt.date, t: dt.time | None, default: float) -> float:
        """The x of a day and (when known) time; ``default`` is the share of the day without one."""
        frac = (t.hour * 3600 + t.minute * 60 + t.second) / 86400 if t else default
        return ((day - self.d0).days + frac) * self.ppd  # type: ignore[operator]


@dataclass(frozen=True)
class _Lanes:
    """The lane keys in display order, how many events touch each, and their labels."""

    keys: list[str]
    touching: Counter[str]
    label: dict[str, str]


def sorted_events(G: nx.MultiDiGraph) -> list[Event]:
    """The event records of ``G`` by start date and time (undated last), then id."""
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
    """A row (slot) for each x, greedily, so that items on one row are SEP apart."""
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    last: list[float] = []
    slots = [0] * len(xs)
    for i in order:
        x = xs[i]
        for s, lx in enumerate(last):
            if x - lx >= SEP:
                break
        else:
            s = len(last) if len(last) < _MAX_SLOTS else min(range(len(last)), key=last.__getitem__)
            if s == len(last):
                last.append(x)
        last[s] = x
        slots[i] = s
    return slots


def _axis(dated: list[Event], dated_width: float | None) -> _Axis:
    """The time axis of the dated events: as wide as asked, else by how many there are."""
    if not dated:
        return _Axis(None, 1.0, 0.0)
    # every event in ``dated`` has a start
    d0 = min(cast(dt.date, e.time.start) for e in dated)
    last = max(cast(dt.date, e.time.end or e.time.start) for e in dated)
    last = max(last, max(cast(dt.date, e.time.start) for e in dated))
    span_days = (last - d0).days + 1
    width = dated_width or min(max(900.0 + 8.0 * len(dated), 1200.0), 24000.0)
    ppd = width / span_days
    return _Axis(d0, ppd, span_days * ppd)


def _lanes(G: nx.MultiDiGraph, events: list[Event], group_by: str) -> _Lanes:
    """Which events touch each lane and the lanes' order: by country (busiest first), a
    country's own lane before its people and forces."""
    touching: Counter[str] = Counter()
    group_of: dict[str, str] = {}
    for ev in events:
        touching.update(k for k, _ in _event_lanes(ev, group_by))
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

    return _Lanes(sorted(touching, key=lane_order), touching, label)


def _dated_xs(dated: list[Event], axis: _Axis) -> tuple[dict[str, float], dict[str, float]]:
    """The x of each dated event, and the x where a span longer than its start ends."""
    pos_x: dict[str, float] = {}
    span_end: dict[str, float] = {}
    for ev in dated:
        t = ev.time
        assert t.start is not None  # ``dated`` holds only events with a start
        pos_x[ev.id] = axis.x(t.start, t.start_time, 0.5)
        if t.end and (t.end > t.start or (t.end_time and t.start_time and t.end_time > t.start_time)):
            span_end[ev.id] = axis.x(t.end, t.end_time, 1.0)
    return pos_x, span_end


def _undated_xs(undated: list[Event], x0: float, group_by: str
                ) -> tuple[dict[str, float], tuple[float, float]]:
    """The x of each undated event in a band from ``x0``, in columns per lane, and the band."""
    per_lane = Counter(_event_lanes(e, group_by)[0][0] for e in undated)
    cols = max(1, min(UNDATED_COLS, max(per_lane.values())))
    band = (x0, x0 + 80.0 + (cols - 1) * SEP)
    pos_x: dict[str, float] = {}
    seen: Counter[str] = Counter()
    for ev in sorted(undated, key=lambda e: (e.label.lower(), e.id)):
        lane = _event_lanes(ev, group_by)[0][0]
        pos_x[ev.id] = x0 + 40.0 + (seen[lane] % cols) * SEP
        seen[lane] += 1
    return pos_x, band


def _stack_lanes(lanes: _Lanes, events: list[Event], pos_x: dict[str, float], group_by: str
                 ) -> tuple[list[Lane], dict[str, tuple[float, float]], list[Ghost], float]:
    """Lanes top to bottom, each as deep as its pile-ups: the lanes, the (x, y) of each event
    in its first lane, the ghosts in its other lanes, and the total height."""
    items: dict[str, list[tuple[str, str, str, float]]] = {k: [] for k in lanes.keys}
    for ev in events:
        x = pos_x[ev.id]
        for i, (key, role) in enumerate(_event_lanes(ev, group_by)):
            items[key].append((ev.id, "event" if i == 0 else role, key, x))
    out: list[Lane] = []
    pos: dict[str, tuple[float, float]] = {}
    ghosts: list[Ghost] = []
    top = 0.0
    for key in lanes.keys:
        row = items[key]
        slots = _stack([it[3] for it in row])
        depth = max(slots) + 1 if slots else 1
        height = 2 * _LANE_PAD + depth * _SLOT_H
        for (eid, what, lane, x), s in zip(row, slots):
            y = round(top + _LANE_PAD + (s + 0.5) * _SLOT_H, 1)
            if what == "event":
                pos[eid] = (round(x, 1), y)
            else:
                ghosts.append(Ghost(eid, lane, what, round(x, 1), y))
        out.append(Lane(key, lanes.label[key], top, height, lanes.touching[key]))
        top += height
    return out, pos, ghosts, top


def layout(G: nx.MultiDiGraph, group_by: str, dated_width: float | None = None) -> Layout:
    """Place every event: x from its date (or in the undated band), y in its first actor's lane.

    Lanes are ordered by country (busiest first), a country's own lane before its people and
    forces; items closer than SEP in one lane stack on rows below each other.
    """
    if group_by not in ("actor", "country"):
        raise ValueError(f"group_by={group_by!r}: use 'actor' or 'country'")
    events = sorted_events(G)
    dated = [e for e in events if e.time.start is not None]
    undated = [e for e in events if e.time.start is None]
    axis = _axis(dated, dated_width)
    lanes = _lanes(G, events, group_by)
    pos_x, span_end = _dated_xs(dated, axis)
    band: tuple[float, float] | None = None
    if undated:
        undated_x, band = _undated_xs(undated, axis.x_end + BAND_GAP if dated else 0.0, group_by)
        pos_x.update(undated_x)
    lanes_out, pos, ghosts, height = _stack_lanes(lanes, events, pos_x, group_by)
    return Layout(group_by, tuple(events), tuple(lanes_out), pos,
                  {k: round(v, 1) for k, v in span_end.items()}, tuple(ghosts), axis.d0, axis.ppd,
                  round(axis.x_end, 1), band, height)


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


def _first_tick(unit: str, n: int, start: dt.datetime) -> tuple[dt.datetime, dt.timedelta]:
    """The first tick at or before ``start`` of an hour, day or week unit, and the step."""
    if unit == "hour":
        t = start.replace(minute=0, second=0, microsecond=0)
        return t.replace(hour=t.hour - t.hour % n), dt.timedelta(hours=n)
    day = start.date()
    ordinal = day.toordinal()
    ordinal -= day.weekday() if unit == "week" else ordinal % n
    t = dt.datetime.combine(dt.date.fromordinal(ordinal), dt.time())
    return t, dt.timedelta(days=7 if unit == "week" else n)


def ticks(d0: dt.date, lo: float, hi: float, max_ticks: int) -> tuple[str, list[tuple[float, str]]]:
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
        t, step = _first_tick(unit, n, start)
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
