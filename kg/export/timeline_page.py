"""The data and the single HTML file of the interactive timeline (drawn by timeline.js on a canvas).

The page embeds its data once, compactly: events as small records, every evidence sentence and
every article once in shared tables, lanes per grouping as indices. Article text reaches the
page only inside that JSON and is shown with ``textContent`` or drawn as canvas text.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from kg.graph.queries import QUAD_CLASSES, cameo_class
from kg.model import Actor, Event, TimeSpan

__all__ = ["render_page", "page_data", "country_lane"]

_EPOCH = dt.date(1970, 1, 1)
_NO_ACTOR = ""
#: actor types that stand for a country when nothing better is known
_STATE_TYPES = ("country",)
#: actor types that are groups of their own (never presented as a country)
_GROUP_TYPES = ("armed_group", "organization", "international_organization")


@dataclass(frozen=True)
class Lane:
    """One horizontal lane of the page: its key, label and what it stands for."""

    key: str
    label: str
    kind: str  # "country", "group", "actor", "other" or "none"


# ----------------------------------------------------------------------------------------------
# Lanes


def _record(G: nx.MultiDiGraph, actor_id: str) -> Actor | None:
    data = G.nodes.get(("actor", actor_id))
    rec = data.get("record") if data else None
    return rec if isinstance(rec, Actor) else None


def _pretty(slug: str) -> str:
    if slug and slug == slug.lower():
        return " ".join(w.capitalize() for w in re.split(r"[-_\s]+", slug) if w) or slug
    return slug


def _name(G: nx.MultiDiGraph, actor_id: str, known: dict[str, Actor]) -> str:
    rec = known.get(actor_id) or _record(G, actor_id)
    if rec is not None:
        return rec.name
    data = G.nodes.get(("actor", actor_id))
    return _pretty(str(data.get("label") or actor_id) if data else actor_id)


@lru_cache(maxsize=4096)
def _is_country_name(name: str) -> bool:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a dependency of the package
        return False
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


def country_lane(actor: Actor, known: dict[str, Actor]) -> Lane:
    """The lane an actor belongs to when lanes are countries.

    A country is its own lane; a person, force or government goes under the country it acts for
    (following affiliations, e.g. a minister -> government -> country); a group with no country
    keeps a lane of its own marked as a group; anyone else with no country known goes to one
    "other actors" lane.

    Examples
    --------
    >>> ru = Actor("russia", "Russia", "country")
    >>> putin = Actor("vladimir-putin", "Vladimir Putin", "person", affiliation="russia")
    >>> country_lane(putin, {"russia": ru}).label
    'Russia'
    >>> country_lane(Actor("hamas", "Hamas", "armed_group"), {}).kind
    'group'
    >>> country_lane(Actor("john-doe", "John Doe", "person"), {}).kind
    'other'
    """
    seen: set[str] = set()
    cur: Actor | None = actor
    group: Actor | None = None
    while cur is not None and cur.id not in seen:
        seen.add(cur.id)
        if cur.type in _STATE_TYPES:
            return Lane(cur.id, cur.name, "country")
        if cur.type in _GROUP_TYPES:
            group = cur  # the outermost group: a brigade goes with its movement
        if not cur.affiliation:
            break
        nxt = known.get(cur.affiliation)
        if nxt is None:
            # an affiliation with no record: a country when its name is one ("russia")
            label = _pretty(cur.affiliation)
            if _is_country_name(label):
                return Lane(cur.affiliation, label, "country")
            if group is None:
                return Lane(cur.affiliation, label, "group")
            break
        cur = nxt
    if group is not None:
        return Lane(group.id, group.name, "group")
    if actor.type in ("government", "armed_forces") and _is_country_name(actor.name):
        return Lane(actor.id, actor.name, "country")
    return Lane("~other", "Other actors (no country known)", "other")


def _event_actors(ev: Event) -> list[Actor]:
    return list(dict.fromkeys([*ev.sources, *ev.targets]))


def _lanes(G: nx.MultiDiGraph, events: list[Event], known: dict[str, Actor],
           mode: str) -> tuple[list[Lane], list[int], list[list[int]]]:
    """Lanes of one grouping, busiest first; each event's own lane and its other lanes."""
    per_event: list[list[Lane]] = []
    cache: dict[Actor, Lane] = {}

    def lane_of(a: Actor) -> Lane:
        if a not in cache:
            cache[a] = country_lane(a, known)
        return cache[a]

    for ev in events:
        actors = _event_actors(ev)
        if mode == "actor":
            lanes = [Lane(a.id, _name(G, a.id, known), "actor") for a in actors]
        else:
            lanes = [lane_of(a) for a in actors]
        nobody = [Lane(_NO_ACTOR, "(no actor named)", "none")]
        per_event.append(list(dict.fromkeys(lanes)) or nobody)
    count: Counter[Lane] = Counter(ln for lanes in per_event for ln in lanes)
    home: dict[str, str] = {}  # actor mode: lanes of one country sit together
    home_kind: dict[str, str] = {}  # ... countries' first, then groups', then the others
    if mode == "actor":
        for ev in events:
            for a in _event_actors(ev):
                if a.id not in home:
                    lane = lane_of(a)
                    home[a.id], home_kind[a.id] = lane.key, lane.kind
    home_total: Counter[str] = Counter()
    for ln, n in count.items():
        home_total[home.get(ln.key, ln.key)] += n
    kind_rank = {"country": 0, "actor": 0, "group": 1, "other": 2, "none": 3}

    def order(ln: Lane) -> tuple:
        h = home.get(ln.key, ln.key)
        return (kind_rank[home_kind.get(ln.key, ln.kind)], -home_total[h], h, ln.key != h,
                -count[ln], ln.label.lower(), ln.key)

    lanes = sorted(count, key=order)
    index = {ln: i for i, ln in enumerate(lanes)}
    own = [index[ls[0]] for ls in per_event]
    also = [[index[ln] for ln in ls[1:]] for ls in per_event]
    return lanes, own, also


# ----------------------------------------------------------------------------------------------
# Events


def _day(day: dt.date, t: dt.time | None, default: float) -> float:
    frac = (t.hour * 3600 + t.minute * 60 + t.second) / 86400 if t else default
    return round((day - _EPOCH).days + frac, 4)


def _times(t: TimeSpan) -> tuple[float | None, float | None]:
    """Where the mark sits and where its bar ends, in days since 1970 (None when undated)."""
    if t.start is None:
        return None, None
    at = _day(t.start, t.start_time, 0.5)
    end = t.end or t.start
    if end > t.start or (t.end_time and t.start_time and t.end_time > t.start_time):
        return at, _day(end, t.end_time, 1.0)
    return at, None


def _when(t: TimeSpan) -> str:
    from kg.export.timeline_style import when  # one wording for the page and the SVG

    return when(t)


def safe_url(url: str | None) -> str | None:
    """The URL if it may become a link (absolute http/https with no control characters)."""
    if not url:
        return None
    url = url.strip()
    if re.search(r"[\x00-\x20\x7f]", url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _outlet(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host or None


def _trigger_span(sentence: str, trigger: str) -> list[int] | None:
    """Where the trigger word stands in its sentence (first whole-word match), if it does."""
    if not trigger:
        return None
    m = re.search(r"(?<!\w)" + re.escape(trigger) + r"(?!\w)", sentence, re.IGNORECASE)
    if m is None:
        m = re.search(re.escape(trigger), sentence, re.IGNORECASE)
    return [m.start(), m.end()] if m else None


class _Tables:
    """Sentences and articles, each stored once and referred to by index."""

    def __init__(self) -> None:
        self.sentences: dict[str, int] = {}
        self.articles: dict[str, int] = {}
        self.article_rows: list[list[Any]] = []

    def sentence(self, text: str) -> int:
        return self.sentences.setdefault(text, len(self.sentences))

    def article(self, ev_ref: Any) -> int:
        key = ev_ref.article_id
        if key not in self.articles:
            url = safe_url(ev_ref.url)
            self.articles[key] = len(self.article_rows)
            self.article_rows.append([
                key, ev_ref.title or None, _outlet(url),
                ev_ref.published.isoformat() if ev_ref.published else None,
                url, None if url else (ev_ref.url or None)])
        else:  # a later mention may know the title or URL the first did not
            row = self.article_rows[self.articles[key]]
            url = safe_url(ev_ref.url)
            if row[1] is None and ev_ref.title:
                row[1] = ev_ref.title
            if row[4] is None and url:
                row[2], row[4], row[5] = _outlet(url), url, None
        return self.articles[key]


def _event_record(ev: Event, G: nx.MultiDiGraph, index: dict[str, int],
                  tables: _Tables) -> dict[str, Any]:
    t = ev.time
    at, end = _times(t)
    node = ("event", ev.id)
    links = [[str(k), "o", index[v[1]]] for _, v, k in G.out_edges(node, keys=True)
             if v[0] == "event" and v[1] in index]
    links += [[str(k), "i", index[u[1]]] for u, _, k in G.in_edges(node, keys=True)
              if u[0] == "event" and u[1] in index]
    keys = list(dict.fromkeys([a.id for a in ev.actors]
                              + [a.affiliation for a in ev.actors if a.affiliation]))
    rec: dict[str, Any] = {
        "id": ev.id, "label": ev.label, "cameo": ev.cameo, "mod": ev.modality,
        "t": at, "e": end, "when": _when(t), "prec": t.precision, "basis": t.basis,
        "src": [[a.id, a.name] for a in ev.sources], "tgt": [[a.id, a.name] for a in ev.targets],
        "keys": keys, "n": len(ev.article_ids),
        "ev": [[tables.sentence(e.sentence), tables.article(e), e.trigger,
                _trigger_span(e.sentence, e.trigger)] for e in ev.evidence],
    }
    optional = {
        "claimed": [a.name for a in ev.claimed_by], "places": [p.name for p in ev.places],
        "ttext": t.text or None, "links": links,
        "conf": round(ev.confidence, 3) if math.isfinite(ev.confidence) else None,
        "fc": [[str(k), round(v, 3)] for k, v in ev.field_confidence if math.isfinite(v)],
    }
    rec.update({k: v for k, v in optional.items() if v})
    return rec


def _events(G: nx.MultiDiGraph) -> list[Event]:
    evs = [d["record"] for _, d in G.nodes(data=True)
           if d.get("kind") == "event" and isinstance(d.get("record"), Event)]
    return sorted(evs, key=lambda e: (e.time.start or dt.date.max, e.time.start_time or dt.time.min,
                                      e.id))


def _code_info(code: str) -> dict[str, Any]:
    cls = cameo_class(code)
    return {"name": cls.name, "root": cls.root, "root_name": cls.root_name,
            "plover": cls.plover, "plover_mode": cls.plover_mode, "quad": cls.quad_class,
            "quad_name": QUAD_CLASSES.get(cls.quad_class, "unknown"), "goldstein": cls.goldstein}


def _range(dated: list[Event]) -> list[str] | None:
    days = [d for e in dated for d in (e.time.start, e.time.end) if d is not None]
    return [min(days).isoformat(), max(days).isoformat()] if days else None


def page_data(G: nx.MultiDiGraph, title: str, group_by: str) -> dict[str, Any]:
    """Everything the page draws and shows, as one JSON-ready value."""
    from kg.export.timeline_style import MODALITY_NOTES as _MODALITY_NOTES, QUAD_COLOURS

    events = _events(G)
    known: dict[str, Actor] = {}
    for _, d in G.nodes(data=True):
        if isinstance(d.get("record"), Actor):
            known[d["record"].id] = d["record"]
    for ev in events:
        for a in ev.actors:
            known.setdefault(a.id, a)
    index = {e.id: i for i, e in enumerate(events)}
    tables = _Tables()
    records = [_event_record(ev, G, index, tables) for ev in events]
    modes = {}
    for mode in ("actor", "country"):
        lanes, own, also = _lanes(G, events, known, mode)
        modes[mode] = {"lanes": [[ln.label, ln.kind] for ln in lanes], "lane": own,
                       "also": [a if a else 0 for a in also]}
    actor_counts: Counter[str] = Counter()
    root_counts: Counter[str] = Counter()
    for ev in events:
        actor_counts.update(set(records[index[ev.id]]["keys"]))
        root_counts[cameo_class(ev.cameo).root] += 1
    dated = [e for e in events if e.time.start]
    return {
        "title": title, "initial": group_by,
        "range": _range(dated),
        "events": records,
        "sentences": list(tables.sentences),
        "articles": tables.article_rows,
        "modes": modes,
        "actors": sorted(({"id": k, "label": _name(G, k, known), "n": n}
                          for k, n in actor_counts.items()), key=lambda a: a["label"].lower()),
        "roots": [{"root": r, "name": cameo_class(r).name if r else "unknown code",
                   "n": root_counts[r]} for r in sorted(root_counts)],
        "codes": {e.cameo: _code_info(e.cameo) for e in events},
        "colours": {str(q): c for q, c in QUAD_COLOURS.items()},
        "legend": {
            "quad": [{"name": QUAD_CLASSES[q], "color": QUAD_COLOURS[q]} for q in (1, 2, 3, 4)],
            "modality": [{"name": m, "note": _MODALITY_NOTES[m]} for m in _MODALITY_NOTES],
        },
    }


# ----------------------------------------------------------------------------------------------
# The HTML file


def _json_for_html(data: Any) -> str:
    """JSON that cannot end its <script> element or open markup, whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _inline_script(js: str) -> str:
    # "</script" would end the element early and "<!--" changes how the HTML parser reads it
    return re.sub(r"(?i)</(script)", r"<\\/\1", js).replace("<!--", "<\\!--")


def _csp_hash(js: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode() + "'"


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    here = resources.files("kg.export")
    return {
        "APP_JS": _inline_script(here.joinpath("timeline.js").read_text(encoding="utf-8")),
        "APP_CSS": here.joinpath("timeline.css").read_text(encoding="utf-8"),
        "TEMPLATE": here.joinpath("timeline.html").read_text(encoding="utf-8"),
    }


def render_page(G: nx.MultiDiGraph, title: str, group_by: str) -> str:
    """The whole HTML page as text."""
    if group_by not in ("actor", "country"):
        raise ValueError(f"group_by={group_by!r}: use 'actor' or 'country'")
    assets = _assets()
    parts = {
        "TITLE": html.escape(title, quote=True),
        "DATA": _json_for_html(page_data(G, title, group_by)),
        "APP_JS": assets["APP_JS"], "APP_CSS": assets["APP_CSS"],
        "SCRIPT_HASHES": _csp_hash(assets["APP_JS"]),
    }
    # one pass over the template: text put in is never scanned for markers again
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], assets["TEMPLATE"])
