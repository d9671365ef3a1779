"""The interactive offline HTML timeline of a knowledge graph, and a static SVG of it for reports.

Events sit on a real time axis (x) in one lane per actor or per country (y). Colour says the
QuadClass, the outline the modality (planned dashed, conditional hollow and dotted, negated
crossed, claimed a diamond), the size how many articles reported it. The HTML page is one file
(kg/export/timeline_page.py builds its data; timeline.js draws it on a canvas with a time axis
that zooms on its own), its Content-Security-Policy allows no request and no script but its own,
and article text reaches it only as JSON shown with ``textContent``, never parsed as HTML. The
pyvis network of :func:`timeline_network` is the notebook view. Where events go is decided in
timeline_layout.py, how they look in timeline_style.py; the SVG is drawn in timeline_svg.py.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.errors import ExportError
from kg.export.timeline_layout import TICK_PX, GroupBy, Layout, layout, ticks
from kg.export.timeline_style import (
    QUAD_COLOURS, colour, group, group_style, plain_title, short, size, write_text,
)
from kg.export.timeline_svg import timeline_svg
from kg.model import Event

if TYPE_CHECKING:
    from pyvis.network import Network

__all__ = ["timeline_network", "write_timeline", "timeline_svg", "QUAD_COLOURS"]


# ----------------------------------------------------------------------------------------------
# vis-network data (through pyvis)


def _vis_options(events: tuple[Event, ...] | list[Event]) -> dict[str, Any]:
    big = len(events) > 1500
    groups = sorted({group(e) for e in events})
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
        "groups": {g: group_style(g) for g in groups},
    }


def _event_node(ev: Event, lay: Layout, notebook: bool) -> dict[str, Any]:
    x, y = lay.pos[ev.id]
    node: dict[str, Any] = {"id": "e:" + ev.id, "eid": ev.id, "kind": "event",
                            "label": short(ev.label, 40), "x": x, "y": y,
                            "group": group(ev), "size": size(ev)}
    if ev.id in lay.span_end:
        node["x2"] = lay.span_end[ev.id]
        node["fill"] = colour(ev)
    if ev.modality == "negated":
        node["negated"] = True
        node["border"] = colour(ev)
    if notebook:
        node["title"] = plain_title(ev)
    return node


def _ghosts(lay: Layout) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A small node where an event meets another actor's lane, and an edge to it."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    colours = {ev.id: colour(ev) for ev in lay.events}
    for i, g in enumerate(lay.ghosts):
        gid = f"g:{i}"
        nodes.append({"id": gid, "eid": g.eid, "kind": "ghost", "shape": "dot", "size": 4,
                      "x": g.x, "y": g.y, "borderWidth": 1, "color": colours[g.eid]})
        edge: dict[str, Any] = {"id": f"r:{i}", "from": "e:" + g.eid, "to": gid, "eid": g.eid,
                                "kind": "role", "role": g.role}
        if g.role == "target":
            edge.update(dashes=[4, 3], arrows="to")
        edges.append(edge)
    return nodes, edges


def _link_edges(lay: Layout, G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The labelled links between two placed events (an attack violates a truce)."""
    edges: list[dict[str, Any]] = []
    for u, v, k in G.edges(keys=True):
        if u[0] == "event" and v[0] == "event" and u[1] in lay.pos and v[1] in lay.pos:
            edges.append({"id": f"l:{len(edges)}", "from": "e:" + u[1], "to": "e:" + v[1],
                          "eid": u[1], "eid2": v[1], "kind": "link", "label": str(k), "width": 2,
                          "arrows": {"to": {"enabled": True, "scaleFactor": 0.7}},
                          "color": {"color": "#2f3b4c", "highlight": "#000000"},
                          "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.3},
                          "font": {"size": 11, "align": "top", "color": "#2f3b4c"}})
    return edges


def _graph_data(lay: Layout, G: nx.MultiDiGraph, *, notebook: bool
                ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network node and edge dicts of one layout.

    Styles live in the groups of :func:`_vis_options`; ``eid`` (the event id), ``kind``,
    ``x2`` (end of the span), ``fill``, ``border`` and ``negated`` are for the page's script.
    For a notebook, nodes get plain-text titles and the meeting points with other actors'
    lanes are nodes and edges; the page draws those itself (half the nodes to build).
    """
    nodes = [_event_node(ev, lay, notebook) for ev in lay.events]
    ghost_nodes, edges = _ghosts(lay) if notebook else ([], [])
    return nodes + ghost_nodes, edges + _link_edges(lay, G)


def _axis_nodes(lay: Layout) -> list[dict[str, Any]]:
    """Lane names and date ticks as text nodes, for the pyvis network (the page draws its own)."""
    out: list[dict[str, Any]] = []
    text = {"shape": "text", "physics": False, "font": {"size": 14, "color": "#4a5568"}}
    for i, lane in enumerate(lay.lanes):
        out.append({"id": f"lane:{i}", "kind": "lane", "label": short(lane.label, 28),
                    "x": -120.0, "y": lane.top + lane.height / 2, **text})
    if lay.d0 is not None:
        _, tick_list = ticks(lay.d0, 0, lay.x_end / lay.ppd, int(lay.x_end / TICK_PX))
        for i, (off, lab) in enumerate(tick_list):
            out.append({"id": f"tick:{i}", "kind": "tick", "label": lab, "x": off * lay.ppd,
                        "y": -30.0, **text})
    if lay.band:
        out.append({"id": "band", "kind": "tick", "label": "undated",
                    "x": sum(lay.band) / 2, "y": -30.0, **text})
    return out


def _new_network(lay: Layout, G: nx.MultiDiGraph) -> Network:
    try:
        from pyvis.network import Network
    except ImportError as e:
        raise ExportError("the timeline needs pyvis: pip install 'pyvis==0.3.2'") from e
    # cdn_resources="in_line": pyvis's "local" would copy a lib/ folder into the working dir
    net = Network(height="750px", width="100%", directed=True, cdn_resources="in_line")
    nodes, edges = _graph_data(lay, G, notebook=True)
    # pyvis's add_node/add_edge scan every node and edge on each call (quadratic at 5,000
    # events), so the finished dicts go into its lists directly.
    for node in (*_axis_nodes(lay), *nodes):
        net.nodes.append(node)
        net.node_ids.append(node["id"])
        net.node_map[node["id"]] = node
    net.edges.extend(edges)
    net.options = _vis_options(lay.events)
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
    return _new_network(layout(G, group_by), G)


# ----------------------------------------------------------------------------------------------
# The HTML page


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
    return write_text(Path(path), text, "timeline")

