"""Export: the merged events as Turtle (and other RDF formats), an HTML timeline, and CSV."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from kg.errors import InputError, parse_problem
from kg.model import Event

__all__ = ["write_exports", "load_events", "EXTRA_FORMATS"]

# Besides kg.ttl and events.csv: the other RDF serialisations, and GraphML for Gephi.
EXTRA_FORMATS = {"trig": "kg.trig", "json-ld": "kg.jsonld", "nt": "kg.nt", "graphml": "kg.graphml"}


def write_exports(events: Sequence[Event], out: str | Path, *, timeline: bool = True,
                  also: Iterable[str] = ()) -> list[Path]:
    """Write ``out/kg.ttl``, ``out/events.csv`` and (unless told not to) the timeline as
    ``out/timeline.html`` (interactive, offline) and ``out/timeline.svg`` (a picture for reports);
    ``also`` names extra formats of :data:`EXTRA_FORMATS` (TriG has a named graph per source)."""
    from kg.export.rdf import to_rdf, write_rdf
    from kg.export.table import write_csv

    out = Path(out)
    graph = to_rdf(events)
    written = [write_rdf(graph, out / "kg.ttl"), write_csv(events, out / "events.csv")]
    for fmt in dict.fromkeys(also):
        if fmt == "graphml":
            from kg.export.graphml import write_graphml
            from kg.graph import build_graph

            written.append(write_graphml(build_graph(events), out / EXTRA_FORMATS[fmt]))
        else:
            written.append(write_rdf(graph, out / EXTRA_FORMATS[fmt], format=fmt))
    if timeline:
        from kg.export.timeline import timeline_svg, write_timeline
        from kg.graph import build_graph

        G = build_graph(events)
        written.append(write_timeline(G, out / "timeline.html"))
        timeline_svg(G, out / "timeline.svg")
        written.append(out / "timeline.svg")
    return [Path(p) for p in written]


def load_events(paths: Iterable[str | Path]) -> list[Event]:
    """Read events back from exported Turtle files (or folders holding ``*.ttl``)."""
    import rdflib

    from kg.export.rdf import events_from_rdf

    g = rdflib.Graph()
    for raw in paths:
        p = Path(raw)
        files = sorted(p.rglob("*.ttl")) if p.is_dir() else [p]
        for f in files:
            try:
                g.parse(f, format="turtle")
            except Exception as e:  # rdflib raises many parser exception types
                raise InputError(str(f), f"not readable Turtle ({parse_problem(e)})",
                                 "give a file written by kg build") from e
    return events_from_rdf(g)
