"""Write kg.ttl (and kg.nt) straight from the events, one event at a time, with no rdflib Graph
of the whole export: each event's triples of :func:`kg.export.rdf.describe` go through Oxigraph's
serializers (Rust, about ten times rdflib's speed) as one Turtle chunk, which the build's state
keeps (:mod:`kg.export.state`) so that a later ``--into`` writes unchanged events by copying
their chunks; then the actors, places, articles and concepts they share. Memory stays bounded by
an event and the time is linear. The file parses back isomorphic to ``to_rdf(events)`` (plus the
digests and kept triples), with the prefixes rdflib's own Turtle would declare.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Container, Iterable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import ExportError
from kg.export.atomic import atomic_write
from kg.model import Event, Evidence
from kg.vocab import ID, PREFIXES, RDF

if TYPE_CHECKING:
    from kg.export.rdf import Shared

__all__ = ["write_streamed", "STREAMED_FORMATS", "event_pieces", "evidence_key", "content_key", "TripleList"]

STREAMED_FORMATS = ("turtle", "nt")
_TYPE = str(RDF.type)
_ID = str(ID)


def _prefixes() -> dict[str, str]:
    from kg.export.rdf import _EXTRA_PREFIXES

    # id: is never a prefix (its IRIs all hold a "/" after it: rdflib's Turtle writes them whole)
    return {p: ns for p, ns in sorted({**PREFIXES, **_EXTRA_PREFIXES}.items()) if p != "id"}


class _Chunks:
    """A sink for :func:`kg.export.rdf.describe` that writes each chunk of triples (sorted by
    subject, duplicates dropped) as a Turtle body and/or N-Triples, and notes the prefixes each
    chunk and all of them use."""

    def __init__(self, body: IO[bytes] | None, nt: IO[bytes] | None) -> None:
        import pyoxigraph as ox

        self.ox, self.body, self.nt = ox, body, nt
        self.prefixes = _prefixes()
        self.last = b""  # the Turtle body of the last chunk written (of its head, when split)
        self.last_used: frozenset[str] = frozenset()  # the prefixes it uses
        self.parts: dict[str, tuple[bytes, frozenset[str]]] = {}  # the split-off parts, by key
        self.used: set[str] = set()  # the prefixes of every chunk
        self.triples: dict[tuple[Node, Node, Node], None] = {}
        self.iris: dict[str, Any] = {}  # our own IRIs (no prefix) of the chunk
        self.vocab: dict[str, tuple[Any, tuple[str, ...]]] = {}  # other IRIs, for the whole export
        self.bnodes: dict[BNode, Any] = {}
        self._chunk_used: set[str] = set()

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        self.triples[triple] = None

    def flush(self, split: Mapping[Node, str] | None = None) -> None:
        """Write the chunk; ``split`` (subject -> key): the triples of those subjects are written
        after the rest as a part each, and kept apart in :attr:`parts` (a Turtle body each)."""
        self.last, self.last_used, self.parts = b"", frozenset(), {}
        if not self.triples:
            return
        order = sorted(self.triples, key=_order)
        self.triples.clear()
        groups: dict[str | None, list[tuple[Node, Node, Node]]] = {None: order}
        if split:
            groups = {None: []}
            for t in order:
                groups.setdefault(split.get(t[0]), []).append(t)
        everything = []
        for key, triples in groups.items():
            self._chunk_used = set()
            chunk = [self.ox.Triple(self._term(s), self._predicate(p), self._term(o)) for s, p, o in triples]
            everything.extend(chunk)
            ttl = b""
            if self.body is not None and chunk:
                ttl = _strip_prefixes(self.ox.serialize(chunk, format=self.ox.RdfFormat.TURTLE,
                                                        prefixes=self.prefixes)) + b"\n"
                self.body.write(ttl)
            used = frozenset(self._chunk_used)
            self.used |= used
            if key is None:
                self.last, self.last_used = ttl, used
            else:
                self.parts[key] = (ttl, used)
        self.iris.clear()
        if self.nt is not None:
            self.ox.serialize(everything, self.nt, format=self.ox.RdfFormat.N_TRIPLES)

    def _iri(self, iri: str) -> Any:
        hit = self.vocab.get(iri)
        if hit is not None:
            self._chunk_used.update(hit[1])
            return hit[0]
        node = self.iris.get(iri)
        if node is None:
            try:
                node = self.ox.NamedNode(iri)
            except ValueError as err:
                raise ExportError(f"<{iri}> is not an IRI ({err}); fix or remove the triples "
                                  f"that hold it") from None
            if iri.startswith(_ID):
                self.iris[iri] = node
            else:
                pfx = tuple(p for p, ns in self.prefixes.items() if iri.startswith(ns))
                self.vocab[iri] = (node, pfx)
                self._chunk_used.update(pfx)
        return node

    def _predicate(self, p: Node) -> Any:
        iri = str(p)
        if iri == _TYPE:  # written "a": no prefix for it
            hit = self.vocab.get(iri)
            if hit is None:
                hit = self.vocab[iri] = (self.ox.NamedNode(iri), ())
            return hit[0]
        return self._iri(iri)

    def _term(self, t: Node) -> Any:
        if isinstance(t, URIRef):
            return self._iri(str(t))
        if isinstance(t, Literal):
            if t.language:
                return self.ox.Literal(str(t), language=t.language)
            if t.datatype is not None:
                return self.ox.Literal(str(t), datatype=self._iri(str(t.datatype)))
            return self.ox.Literal(str(t))
        if isinstance(t, BNode):
            node = self.bnodes.get(t)
            if node is None:
                try:
                    node = self.ox.BlankNode(str(t))
                except ValueError:  # an id Oxigraph does not take: a fresh one, the same each time
                    node = self.ox.BlankNode()
                self.bnodes[t] = node
            return node
        raise ExportError(f"cannot write the RDF term {t!r} ({type(t).__name__})")


def _order(t: tuple[Node, Node, Node]) -> tuple[str, bool, str, bool, str, str]:
    """Subjects, then "a" first and the other predicates, then objects, as rdflib's Turtle has
    them: the same file on every run, each subject's and predicate's lines together."""
    s, p, o = t
    ps = str(p)
    if isinstance(o, Literal):
        return str(s), ps != _TYPE, ps, True, str(o), f"{o.datatype or ''}@{o.language or ''}"
    return str(s), ps != _TYPE, ps, False, str(o), ""


def _strip_prefixes(data: bytes) -> bytes:
    pos = 0
    while data.startswith(b"@prefix ", pos):
        pos = data.index(b"\n", pos) + 1
    return data[pos:]


def write_streamed(events: Iterable[Event], paths: Mapping[str, str | os.PathLike[str]], *,
                   digests: Mapping[str, str] | None = None, keep: Graph | None = None,
                   on_event: Callable[[Event, bytes, frozenset[str], Mapping[str, tuple[bytes, frozenset[str]]]],
                                      None] | None = None,
                   shared: "Shared | None" = None) -> list[Path]:
    """Write the RDF of ``events`` (what :func:`kg.export.rdf.to_rdf` gives, plus each article's
    digest from ``digests`` and the ``keep`` triples) to ``paths`` (format -> path, formats of
    :data:`STREAMED_FORMATS`), each file atomically. Each event's triples are written as its own
    Turtle chunk then one per evidence node (as :func:`event_pieces` makes them), handed with the
    prefixes each uses to ``on_event`` (the build's state keeps them: an addition that gives an
    event one more report writes that report, not the others); ``shared`` gathers the actors,
    places and articles described. Returns the paths written."""
    from kg.export.rdf import Shared, _add_event
    from kg.export.rdf_terms import evidence_iri

    unknown = set(paths) - set(STREAMED_FORMATS)
    if unknown:
        raise ExportError(f"cannot stream the RDF format {sorted(unknown)[0]!r}; use "
                          f"{' or '.join(STREAMED_FORMATS)}")
    with contextlib.ExitStack() as stack:
        body = stack.enter_context(tempfile.TemporaryFile(
            dir=Path(paths.get("turtle") or next(iter(paths.values()))).parent, prefix=".kg-body-"))
        nt = stack.enter_context(atomic_write(Path(paths["nt"]), "wb")) if "nt" in paths else None
        sink = _Chunks(body, nt)
        shared = Shared() if shared is None else shared
        seen: dict[str, Event] = {}
        for ev in events:
            if seen.setdefault(ev.id, ev) != ev:
                raise ExportError(f"two different events share the id {ev.id!r}: merge them or give "
                                  f"them distinct ids before exporting")
            shared.add(ev, _add_event(sink, ev))
            sink.flush({evidence_iri(e): evidence_key(e) for e in ev.evidence} if on_event else None)
            if on_event is not None:
                on_event(ev, sink.last, sink.last_used, sink.parts)
        shared.describe(sink, digests)
        for triple in keep if keep is not None else ():
            sink.add(triple)
        sink.flush()
        if "turtle" in paths:
            body.seek(0)
            write_turtle(Path(paths["turtle"]), sink.used, [body])
    return [Path(p) for p in paths.values()]


def event_pieces(ev: Event, kept: Container[str] = ()) -> tuple[
        tuple[bytes, frozenset[str]], dict[str, tuple[bytes, frozenset[str]]]]:
    """An event's triples as a Turtle chunk of its own (the event, its claim) and one of each
    evidence node, by the evidence's key (:func:`evidence_key`); the chunks of the evidence
    whose key is in ``kept`` are not made (their triples do not depend on the rest of the
    event). Each chunk with the prefixes it uses."""
    from kg.export.rdf import _add_event
    from kg.export.rdf_terms import evidence_iri

    sink = _Chunks(io.BytesIO(), None)
    keys = {e: evidence_key(e) for e in ev.evidence}
    _add_event(sink, ev, kept=lambda e: keys[e] in kept)
    sink.flush({evidence_iri(e): k for e, k in keys.items()})
    return (sink.last, sink.last_used), sink.parts


def evidence_key(evd: Evidence) -> str:
    """What an evidence node's triples depend on, as a short key."""
    return content_key(evd)


def content_key(value: Any) -> str:
    """A short key of a value that a piece of Turtle is written from: kept pieces are written
    again when it changes."""
    return hashlib.blake2b(pickle.dumps(value, 5), digest_size=16).hexdigest()


class TripleList:
    """A sink for :func:`kg.export.rdf.describe` and its parts that keeps the triples in a list."""

    def __init__(self, out: list) -> None:
        self.out = out

    def add(self, triple: Any) -> None:
        self.out.append(triple)


def turtle_pieces(triples: Iterable[tuple[Node, Node, Node]]) -> tuple[bytes, frozenset[str]]:
    """A Turtle body (no prefix lines) of ``triples``, and the prefixes it uses."""
    sink = _Chunks(io.BytesIO(), None)
    for triple in triples:
        sink.add(triple)
    sink.flush()
    return sink.last, sink.last_used


def write_turtle(path: Path, used: Iterable[str], bodies: Iterable[IO[bytes] | bytes]) -> Path:
    """Write ``path`` atomically: the prefix lines of ``used``, then each body (bytes or a file)."""
    used = set(used)
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in _prefixes().items()
                     if p in used).encode() + (b"\n" if used else b"")
    try:
        with atomic_write(path, "wb") as f:
            f.write(header)
            for piece in bodies:
                if isinstance(piece, bytes):
                    f.write(piece)
                else:
                    shutil.copyfileobj(piece, f, 1 << 20)
    except OSError as err:
        raise ExportError(f"{path}: cannot write ({err.strerror or err}); check the "
                          f"folder's permissions and free space") from err
    return path
