"""Check an RDF export against the project's SHACL shapes (ontology/shapes.ttl) with pyshacl.

>>> from rdflib import Graph
>>> validate(Graph()).conforms
True
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.errors import parse_problem, InputError, ValidationError
from kg.vocab import ID, PREFIXES, SH

__all__ = ["ValidationReport", "validate", "validate_files", "shapes_graph", "SHAPES_PATH"]

SHAPES_PATH = Path(__file__).resolve().parent / "ontology" / "shapes.ttl"
_FORMAT_BY_SUFFIX = {".ttl": "turtle", ".turtle": "turtle", ".trig": "trig", ".nt": "nt",
                     ".jsonld": "json-ld", ".json": "json-ld"}
_SHAPES_NS = "https://w3id.org/conflict-kg/shapes#"
_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a SHACL run: ``violations`` are readable lines such as
    ``"event/e7: missing rdfs:label (EventLabel)"``, sorted."""

    conforms: bool
    violations: tuple[str, ...] = ()

    def raise_for_violations(self, where: str = "export") -> None:
        """Raise kg.errors.ValidationError listing the first violations, if there are any."""
        if self.conforms:
            return
        shown = "\n  ".join(self.violations[:20])
        more = f"\n  ... and {len(self.violations) - 20} more" if len(self.violations) > 20 else ""
        raise ValidationError(f"{where} breaks the SHACL shapes of ontology/shapes.ttl "
                              f"({len(self.violations)} violations):\n  {shown}{more}")


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes, parsed once."""
    return Graph().parse(SHAPES_PATH, format="turtle")


def validate(data: Graph) -> ValidationReport:
    """Validate ``data`` against ontology/shapes.ttl, without inference (an export must state
    everything itself, and RDFS inference makes pyshacl ~19x slower)."""
    try:
        import pyshacl
    except ImportError as err:  # pragma: no cover - pyshacl is a declared dependency
        raise ImportError("kg.validate needs pyshacl: pip install pyshacl") from err
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=False,
        allow_warnings=False, abort_on_first=False, meta_shacl=False)
    if not isinstance(results, Graph):  # pyshacl reports a broken shapes graph this way
        raise ValidationError(f"{SHAPES_PATH}: pyshacl cannot use the shapes: {results}")
    lines = sorted({_describe(results, r) for r in results.subjects(RDF.type, SH.ValidationResult)})
    return ValidationReport(bool(conforms), tuple(lines))


def validate_files(paths: Iterable[str | Path]) -> ValidationReport:
    """Validate exported files (Turtle, TriG, N-Triples or JSON-LD, told apart by suffix) as
    one graph; InputError names a file that cannot be read."""
    data = Graph()
    for raw in paths:
        path = Path(raw)
        fmt = _FORMAT_BY_SUFFIX.get(path.suffix.lower(), "turtle")
        try:
            if fmt == "trig":
                quads = Dataset()
                quads.parse(path, format="trig")
                for s, p, o, _ in quads.quads((None, None, None, None)):
                    data.add((s, p, o))
            else:
                data.parse(path, format=fmt)
        except OSError as err:
            raise InputError(str(path), f"cannot read ({err.strerror or err})") from err
        except Exception as err:  # rdflib's parsers raise many exception types
            raise InputError(str(path), f"not readable as {fmt} ({parse_problem(err)})",
                             "give a file written by kg build") from err
    return validate(data)


def _describe(results: Graph, r: Node) -> str:
    focus_node = results.value(r, SH.focusNode)
    focus = _short(focus_node)
    message = results.value(r, SH.resultMessage)
    path = results.value(r, SH.resultPath)
    text = str(message) if message is not None else f"violates {_short(path)}"
    # a SPARQL constraint has its own IRI (RolesAreActors); a property shape names itself
    shape = results.value(r, SH.sourceConstraint)
    if not isinstance(shape, URIRef):
        shape = results.value(r, SH.sourceShape)
    name = _short(shape) if isinstance(shape, URIRef) else _short(
        results.value(r, SH.sourceConstraintComponent))
    text = _IRI.sub(lambda m: _short(m.group(0)), text)
    value = results.value(r, SH.value)
    if isinstance(value, Literal) and str(value) not in text:
        text += f" (got {str(value)[:60]!r})"
    if focus_node is not None and str(focus_node).startswith(_SHAPES_NS):
        return f"{text} ({name})"  # a whole-graph check: its message names the node
    return f"{focus}: {text} ({name})"


def _short(term: object) -> str:
    """An IRI as a reader wants it: ``event/xyz`` for our data, ``sem:Event`` for a known
    vocabulary, the shape's local name for our shapes."""
    if term is None:
        return "?"
    text = str(term)
    if text.startswith(str(ID)):
        return text[len(str(ID)):]
    if text.startswith(_SHAPES_NS):
        return text[len(_SHAPES_NS):]
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns) and prefix != "id":
            return f"{prefix}:{text[len(ns):]}"
    if text.startswith(str(SH)):
        return f"sh:{text[len(str(SH)):]}"
    return text
