"""Export: the merged events as Turtle (and other RDF formats), an HTML timeline, and CSV.

The files of one build are one set, written as one transaction (:mod:`kg.export.atomic`):
readers see the whole old set or the whole new one, never a mix, and no stale file of an
earlier build stays beside them.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from kg.errors import InputError, parse_problem
from kg.model import Event

if TYPE_CHECKING:
    import rdflib

    from kg.export.atomic import Staging
    from kg.export.state import State

__all__ = ["write_exports", "write_update", "load_events", "read_export", "Export", "EXTRA_FORMATS", "EXPORT_FILES"]

# Besides kg.ttl and events.csv: the other RDF serialisations, and GraphML for Gephi.
EXTRA_FORMATS = {"trig": "kg.trig", "json-ld": "kg.jsonld", "nt": "kg.nt", "graphml": "kg.graphml"}
# Every file a build owns in its folder: each build rewrites or removes each of them.
EXPORT_FILES = ("kg.ttl", "events.csv", "timeline.html", "timeline.svg", *EXTRA_FORMATS.values())


@dataclass(frozen=True)
class Export:
    """What an export folder holds for a build ``--into`` it: its events, the triples of
    kg.ttl that its events do not give back (a user's own, or another tool's: kept, never
    dropped), and the digest of each article text it holds: by article id (``digests``) and
    by article id and URL (``known``, as :func:`kg.pipeline.build` takes it)."""

    events: tuple[Event, ...] = ()
    foreign: "rdflib.Graph | None" = None
    digests: Mapping[str, str] = field(default_factory=dict)
    known: Mapping[str, str] = field(default_factory=dict)


def write_exports(events: Sequence[Event], out: str | Path, *, timeline: bool = True,
                  also: Iterable[str] = (), keep: "rdflib.Graph | None" = None,
                  digests: Mapping[str, str] | None = None, **lock: Any) -> list[Path]:
    """Write ``out/kg.ttl``, ``out/events.csv`` and (unless told not to) the timeline as
    ``out/timeline.html`` (interactive, offline) and ``out/timeline.svg`` (a picture for reports);
    ``also`` names extra formats of :data:`EXTRA_FORMATS` (TriG has a named graph per source).

    The set replaces the folder's earlier set in one transaction, under the folder's writer
    lock (``lock``: ``timeout``, ``on_wait``, see :func:`kg.export.atomic.writer_lock`); any
    other export file of an earlier build is removed; files that are not ours are left alone.
    ``keep`` triples are written into the RDF too; ``digests`` (article id -> text digest) are
    recorded as each article's ``dcterms:identifier``. The build's state (:mod:`kg.export.state`)
    is written beside them, for a later build ``--into`` the folder.
    """
    import os

    from kg.export.atomic import atomic_write, export_set
    from kg.export.rdf import Shared
    from kg.export.rdf_stream import STREAMED_FORMATS, write_streamed
    from kg.export.state import STATE, State, csv_header, csv_line

    also = _formats(also)
    out = Path(out)
    with export_set(out, EXPORT_FILES, **lock) as stage:
        state = State.create(stage.dir / STATE)
        try:
            urls: dict[str, str] = {}
            shared = Shared()

            def _keep(ev: Event, ttl: bytes, prefixes: frozenset[str],
                      reports: Mapping[str, tuple[bytes, frozenset[str]]]) -> None:
                table.write(csv_line(ev))
                state.put(ev, ttl, prefixes, whole=False, reports=reports)
                for evd in ev.evidence:
                    if evd.url and evd.article_id not in urls:
                        urls[evd.article_id] = evd.url

            # kg.ttl (and kg.nt) stream from the events; only TriG and JSON-LD need a whole Graph
            streamed = {"turtle": stage.path("kg.ttl")}
            streamed.update({f: stage.path(EXTRA_FORMATS[f]) for f in also if f in STREAMED_FORMATS})
            with atomic_write(stage.path("events.csv")) as table:
                table.write(csv_header())
                write_streamed(events, streamed, digests=digests, keep=keep, on_event=_keep, shared=shared)
            state.settle(shared, events)
            state.keep_records(shared, digests or {})  # so that the first addition serialises what it changes only
            state.set_digests(digests or {}, urls)
            state.set_foreign(_ntriples(keep))
            _write_others(events, stage, also, timeline, keep, digests)
            state.stamp(stage.path("kg.ttl"))
            state.commit()
        finally:
            state.close()
        os.replace(stage.dir / STATE, out / STATE)  # names the staged kg.ttl: stale if the commit fails
        names = list(stage.names)
    return [out / n for n in names]


def write_update(state: "State", out: str | Path, *, timeline: bool = True, also: Iterable[str] = (),
                 **lock: Any) -> list[Path]:
    """Write the export set of ``out`` from its ``state`` after an addition: kg.ttl and
    events.csv from the cached pieces of each event (so the cost is a copy, not a serialisation);
    the timeline and extra formats from all the events. The state's changes commit after the
    export set has."""
    from kg.export.atomic import export_set
    from kg.export.rdf_stream import write_streamed

    also = _formats(also)
    out = Path(out)
    keep, digests = state.foreign(), state.digests()
    with export_set(out, EXPORT_FILES, **lock) as stage:
        state.write_turtle(stage.path("kg.ttl"), digests, keep)
        state.write_csv(stage.path("events.csv"))
        if timeline or also:
            events = list(state.events())
            if "nt" in also:
                write_streamed(events, {"nt": stage.path(EXTRA_FORMATS["nt"])}, digests=digests, keep=keep)
            _write_others(events, stage, also, timeline, keep, digests)
        state.settle(state.shared)
        state.stamp(stage.path("kg.ttl"))
        names = list(stage.names)
    state.commit()
    return [out / n for n in names]


def _ntriples(keep: "rdflib.Graph | None") -> str:
    return "" if keep is None or not len(keep) else keep.serialize(format="nt")


def _write_others(events: Sequence[Event], stage: "Staging", also: list[str], timeline: bool,
                  keep: "rdflib.Graph | None", digests: Mapping[str, str] | None) -> None:
    """The formats that are not streamed (GraphML, TriG, JSON-LD) and the timeline."""
    from kg.export.rdf_stream import STREAMED_FORMATS

    graph = None
    for fmt in also:
        if fmt == "graphml":
            from kg.export.graphml import write_graphml
            from kg.graph import build_graph

            write_graphml(build_graph(events), stage.path(EXTRA_FORMATS[fmt]))
        elif fmt not in STREAMED_FORMATS:
            from kg.export.rdf import to_rdf, write_rdf

            if graph is None:
                graph = _with_digests(to_rdf(events), digests or {})
                if keep is not None:
                    graph += keep
            write_rdf(graph, stage.path(EXTRA_FORMATS[fmt]), format=fmt)
    if timeline:
        from kg.export.timeline import timeline_svg, write_timeline
        from kg.graph import build_graph

        G = build_graph(events)
        write_timeline(G, stage.path("timeline.html"))
        timeline_svg(G, stage.path("timeline.svg"))


def _formats(also: Iterable[str]) -> list[str]:
    if isinstance(also, str):
        also = [also]
    formats = list(dict.fromkeys(also))
    unknown = [f for f in formats if f not in EXTRA_FORMATS]
    if unknown:
        raise ValueError(f"also={unknown[0]!r} is not an export format; use any of {', '.join(EXTRA_FORMATS)}")
    return formats


def _with_digests(graph: "rdflib.Graph", digests: Mapping[str, str]) -> "rdflib.Graph":
    from rdflib import Literal

    from kg.export.rdf import article_iri
    from kg.vocab import CKG, DCTERMS, RDF

    for article_id, digest in digests.items():
        art = article_iri(article_id)
        if (art, RDF.type, CKG.Article) in graph:  # articles that gave events only
            graph.add((art, DCTERMS.identifier, Literal(digest)))
    return graph


def load_events(paths: str | Path | Iterable[str | Path]) -> list[Event]:
    """Read events back from exported Turtle files (or export folders, or folders of ``*.ttl``)."""
    from kg.export.rdf import events_from_rdf

    return events_from_rdf(_parse(_turtle_files(paths)))


def read_export(folder: str | Path) -> Export:
    """What the export ``folder`` holds, for adding articles to it (empty when it holds none)."""
    from kg.export.atomic import current_files
    from kg.export.rdf import events_from_rdf, to_rdf
    from kg.vocab import CKG, DCTERMS, RDF

    ttl = current_files(folder, ["kg.ttl"]).get("kg.ttl")
    if ttl is None:
        return Export()
    g = _parse([ttl])
    events = events_from_rdf(g)
    foreign = g - to_rdf(events)
    digests: dict[str, str] = {}
    known: dict[str, str] = {}
    for art in g.subjects(RDF.type, CKG.Article):
        digest = g.value(art, DCTERMS.identifier)
        if digest is None or not str(digest).startswith("ni:///"):
            continue
        foreign.remove((art, DCTERMS.identifier, digest))  # ours: written again from digests
        article_id = unquote(str(art).rsplit("/", 1)[-1])
        digests[article_id] = known[article_id] = str(digest)
        url = g.value(art, DCTERMS.source)
        if url is not None:
            known[str(url)] = str(digest)
    return Export(tuple(events), foreign if len(foreign) else None, digests, known)


def _turtle_files(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    from kg.export.atomic import current_files
    from kg.ingest import as_paths

    files: list[Path] = []
    for p in as_paths(paths, "paths"):
        if not p.is_dir():
            files.append(p)
            continue
        current = current_files(p, ["kg.ttl"])
        if current:  # an export folder: its current kg.ttl, never a half-committed one
            files.extend(current.values())
        else:
            files.extend(f for f in sorted(p.rglob("*.ttl"))
                         if not any(part.startswith(".") for part in f.relative_to(p).parts))
    return files


def _parse(files: Iterable[Path]) -> "rdflib.Graph":
    import rdflib

    g = rdflib.Graph()
    for f in files:
        try:
            g.parse(f, format="turtle")
        except Exception as e:  # rdflib raises many parser exception types
            raise InputError(str(f), f"not readable Turtle ({parse_problem(e)})",
                             "give a file written by kg build") from e
    return g
