"""Ask SPARQL questions of exported RDF in rdflib or Oxigraph, with the same answers from both.

>>> from kg.query import cookbook
>>> "actor-timeline" in cookbook()
True

The analyst cookbook is the ``.rq`` files of ``examples/queries`` (shipped in the package as
``kg/data/queries``); :func:`resolve_query` takes a cookbook name or a path to a ``.rq`` file.
Answers are plain strings: IRIs as written, literals as their lexical form (numbers in one
canonical form, so both engines print ``-10.0`` for the same decimal), ``None`` when unbound.
Rows keep the query's order when it has an ``ORDER BY``, and are sorted otherwise.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from kg.errors import InputError, KGError
from kg.query_guard import WorkerError, refuse_service, service_endpoints, within

__all__ = [
    "ENGINES",
    "OUTPUT_FORMATS",
    "Engine",
    "OutputFormat",
    "QueryResult",
    "Store",
    "cookbook",
    "format_result",
    "load_store",
    "resolve_query",
    "run_query",
    "service_endpoints",
]

Engine = Literal["rdflib", "oxigraph"]
OutputFormat = Literal["table", "csv", "json"]
ENGINES: tuple[str, ...] = ("rdflib", "oxigraph")
OUTPUT_FORMATS: tuple[str, ...] = ("table", "csv", "json")

# file suffix -> (rdflib format name, pyoxigraph.RdfFormat attribute)
_RDF_SUFFIXES: dict[str, tuple[str, str]] = {
    ".ttl": ("turtle", "TURTLE"), ".turtle": ("turtle", "TURTLE"), ".nt": ("nt", "N_TRIPLES"),
    ".trig": ("trig", "TRIG"), ".nq": ("nquads", "N_QUADS"), ".jsonld": ("json-ld", "JSON_LD"),
    ".json": ("json-ld", "JSON_LD"), ".rdf": ("xml", "RDF_XML"), ".owl": ("xml", "RDF_XML"),
    ".n3": ("n3", "N3"),
}
_QUAD_FORMATS = {"trig", "nquads", "json-ld"}
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte")}
_FLOATS = {_XSD + "double", _XSD + "float"}
_TABLE_CELL = 72  # characters; longer values (evidence sentences) are cut in the table view


# --- records -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Store:
    """RDF loaded for querying: the engine, its native object (an ``rdflib.Graph`` holding the
    union of every graph read, or a ``pyoxigraph.Store``) and the files read, in order."""

    engine: Engine
    native: Any = field(repr=False, compare=False)
    files: tuple[Path, ...] = ()

    def __len__(self) -> int:
        """The number of statements loaded."""
        return len(self.native)


@dataclass(frozen=True)
class QueryResult:
    """The answer to a query: variable names and rows of strings (``None`` where unbound).

    ASK answers one row ``("true",)`` or ``("false",)`` under the variable ``ask``;
    CONSTRUCT and DESCRIBE answer one row per triple under ``subject``, ``predicate``, ``object``.
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


# --- loading -----------------------------------------------------------------------------------

def load_store(paths: Sequence[str | Path], *,
               engine: Engine = "oxigraph") -> Store:
    """Read RDF files (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML, by suffix) or folders
    of them into a new in-memory store of ``engine``. Named graphs (TriG) are merged into one
    graph, each statement once, so a query needs no ``GRAPH`` clause. In a folder, the copies
    of a kg.ttl that ``kg build --also`` writes beside it are not read again.

    Raises InputError naming the file when it is missing, of an unknown kind, or unreadable,
    and KGError for an unknown engine or a missing pyoxigraph.
    """
    if engine not in ENGINES:
        raise KGError(f"unknown query engine {engine!r}; use one of {', '.join(ENGINES)}")
    files = _rdf_files(paths)
    if engine == "oxigraph":
        return Store("oxigraph", _load_oxigraph(files), files)
    return Store("rdflib", _load_rdflib(files), files)


def _folder_files(folder: Path) -> list[Path]:
    """The RDF files of a folder, hidden ones aside; in an export folder, the current set's
    kg.ttl alone stands for the build's exports (never a half-committed or stale one)."""
    from kg.export import EXPORT_FILES
    from kg.export.atomic import current_files

    # a plain .json in a folder is more likely data of another kind than JSON-LD
    found = sorted(f for f in folder.rglob("*") if f.suffix.lower() in _RDF_SUFFIXES
                   and f.suffix.lower() != ".json" and f.is_file()
                   and not any(part.startswith(".") for part in f.relative_to(folder).parts))
    current = current_files(folder, ["kg.ttl"])
    if not current:
        return found
    return [*current.values(), *(f for f in found if f.parent != folder or f.name not in EXPORT_FILES)]


def _rdf_files(paths: Sequence[str | Path]) -> tuple[Path, ...]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if not paths:
        raise InputError("query", "no RDF file given", "name the Turtle export(s) to query, "
                         "e.g. exports/kg.ttl")
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            inside = _folder_files(p)
            if not inside:
                raise InputError(str(p), "folder holds no RDF file",
                                 f"give .ttl files or a folder holding some "
                                 f"({', '.join(sorted(_RDF_SUFFIXES))})")
            found.extend(_one_serialisation(inside))
        elif not p.exists():
            raise InputError(str(p), "no such file", "give the path of an export written by "
                             "kg build, e.g. exports/kg.ttl")
        elif p.suffix.lower() not in _RDF_SUFFIXES:
            raise InputError(str(p), f"unknown RDF file kind {p.suffix or '(no suffix)'!r}",
                             f"rename it with one of {', '.join(sorted(_RDF_SUFFIXES))}")
        else:
            found.append(p)
    return tuple(found)


_SAME_GRAPH = {"kg.trig", "kg.nt", "kg.nq", "kg.jsonld"}  # what `kg build --also` writes


def _one_serialisation(files: list[Path]) -> list[Path]:
    """Files of a folder without the copies ``kg build --also`` writes of a kg.ttl beside them
    (kg.trig, kg.nt, kg.jsonld hold the same graph: reading them too only costs time)."""
    with_turtle = {f.parent for f in files if f.name == "kg.ttl"}
    return [f for f in files if not (f.name in _SAME_GRAPH and f.parent in with_turtle)]


def _unreadable(path: Path, fmt: str, err: BaseException) -> InputError:
    detail = " ".join(str(err).split())[:160] or type(err).__name__
    if isinstance(err, OSError) and err.strerror:
        return InputError(str(path), f"cannot be read ({err.strerror})",
                          "check the file exists and is readable")
    return InputError(str(path), f"not readable {fmt} ({type(err).__name__}: {detail})",
                      "check the file is an RDF export, e.g. one written by kg build")


def _load_rdflib(files: Iterable[Path]) -> Any:
    import warnings

    from rdflib import Dataset, Graph

    # One plain Graph holds the union: queries over a Dataset make rdflib 7.6 warn on every
    # statement, and our queries need no GRAPH clause.
    graph = Graph(bind_namespaces="none")
    for f in files:
        fmt = _RDF_SUFFIXES[f.suffix.lower()][0]
        try:
            if fmt in _QUAD_FORMATS:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    ds = Dataset()
                    ds.parse(f, format=fmt)
                    for s, p, o, _ in ds.quads((None, None, None, None)):
                        graph.add((s, p, o))
            else:
                graph.parse(f, format=fmt)
        except Exception as err:  # rdflib raises many parser exception types
            raise _unreadable(f, fmt, err) from err
    return graph


def _load_oxigraph(files: Sequence[Path]) -> Any:
    try:
        import pyoxigraph
    except ImportError:
        raise KGError("the oxigraph engine needs pyoxigraph: pip install pyoxigraph, or use the "
                      "rdflib engine") from None
    store = pyoxigraph.Store()
    for f in files:
        fmt = _RDF_SUFFIXES[f.suffix.lower()][1]
        try:
            # bulk_load streams the file; load() would first read all of it into memory
            store.bulk_load(path=str(f), format=getattr(pyoxigraph.RdfFormat, fmt))
        except (SyntaxError, ValueError, OSError) as err:
            raise _unreadable(f, fmt.replace("_", "-").lower(), err) from err
    if any(f.suffix.lower() in (".trig", ".nq", ".jsonld", ".json") for f in files):
        # Oxigraph's union default graph repeats a triple once per named graph holding it (a
        # TriG export states an event in each article's graph); an RDF merge holds it once.
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } ; DROP NAMED")
    return store


# --- querying ----------------------------------------------------------------------------------

def run_query(store: Store, query: str, *, source: str = "query", timeout: float | None = None,
              allow_service: bool = False) -> QueryResult:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) over ``store``.

    ``source`` names the query in error messages (a file or cookbook name). A query that names
    a ``SERVICE`` (which both engines would send over the network) is refused unless
    ``allow_service``. With ``timeout`` (seconds), the query runs in a forked worker process
    that is killed when the time is up (where the platform cannot fork, in a thread that is
    abandoned). Raises InputError for a query that does not parse, cannot be evaluated, names a
    SERVICE or runs out of time.
    """
    if not allow_service:
        refuse_service(query, source)
    if timeout is not None and not timeout > 0:
        raise KGError(f"timeout must be a positive number of seconds, not {timeout!r}")
    try:
        if timeout is None:
            variables, rows = _evaluate(store, query)
        else:
            variables, rows = within(lambda: _evaluate(store, query), timeout, source)
    except KGError:
        raise
    except WorkerError as err:  # the query failed in the worker process
        raise _failed(store, source, err.kind, err.message) from None
    except Exception as err:  # parser and evaluator errors of both engines
        raise _failed(store, source, type(err).__name__, str(err)) from err
    if not _has_order_by(query):
        rows.sort(key=lambda row: tuple((v is None, v or "") for v in row))
    return QueryResult(tuple(variables), tuple(rows))


def _failed(store: Store, source: str, kind: str, message: str) -> InputError:
    detail = " ".join(message.split())[:200] or kind
    return InputError(source, f"SPARQL query failed in {store.engine} ({kind}: {detail})",
                      "fix the query; every prefix it uses needs a PREFIX line")


def _evaluate(store: Store, query: str) -> tuple[list[str], list[tuple[str | None, ...]]]:
    if store.engine == "oxigraph":
        return _run_oxigraph(store.native, query)
    return _run_rdflib(store.native, query)


def _run_rdflib(graph: Any, query: str) -> tuple[list[str], list[tuple[str | None, ...]]]:
    from rdflib import BNode, Literal

    def term(t: Any) -> str | None:
        if t is None:
            return None
        if isinstance(t, Literal):
            return _lexical(str(t), str(t.datatype) if t.datatype else None)
        if isinstance(t, BNode):
            return f"_:{t}"
        return str(t)

    result = graph.query(query)
    if result.type == "ASK":
        return ["ask"], [("true" if result.askAnswer else "false",)]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return (["subject", "predicate", "object"],
                [tuple(map(term, triple)) for triple in result.graph])
    variables = [str(v) for v in result.vars or ()]
    return variables, [tuple(map(term, row)) for row in result]


def _run_oxigraph(store: Any, query: str) -> tuple[list[str], list[tuple[str | None, ...]]]:
    import pyoxigraph

    result = store.query(query)
    if isinstance(result, pyoxigraph.QueryBoolean):
        return ["ask"], [("true" if bool(result) else "false",)]
    term = _ox_converter(pyoxigraph)
    if isinstance(result, pyoxigraph.QueryTriples):
        return (["subject", "predicate", "object"],
                [(term(t.subject), term(t.predicate), term(t.object)) for t in result])
    variables = [v.value for v in result.variables]
    # a solution iterates its values in variable order, None where unbound
    return variables, [tuple(map(term, sol)) for sol in result]


def _ox_converter(pyoxigraph: Any) -> Any:
    """A term -> string function for Oxigraph terms. Made once per query: at 50k rows of nine
    terms, per-term imports and isinstance chains cost a quarter of a second."""
    literal, named, blank = pyoxigraph.Literal, pyoxigraph.NamedNode, pyoxigraph.BlankNode
    plain = {pyoxigraph.NamedNode(_XSD + "string"),
             pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")}

    def term(t: Any) -> str | None:
        kind = type(t)
        if kind is named:
            return t.value  # type: ignore[no-any-return]
        if kind is literal:
            datatype = t.datatype
            return t.value if datatype in plain else _lexical(t.value, datatype.value)
        if t is None:
            return None
        if kind is blank:
            return f"_:{t.value}"
        return str(t)

    return term


def _lexical(lexical: str, datatype: str | None) -> str:
    """One lexical form per number: rdflib keeps ``1.50`` as written, Oxigraph prints ``1.5``."""
    try:
        if datatype in _INTEGERS:
            return str(int(lexical.strip()))
        if datatype == _XSD + "decimal":
            value = Decimal(lexical.strip())
            if not value.is_finite():
                return lexical
            text = format(value.normalize(), "f")
            text = "0" if text in ("-0", "-0.0") else text
            return text if "." in text else text + ".0"
        if datatype in _FLOATS:
            number = float(lexical.strip())
            return repr(number) if math.isfinite(number) else lexical
        if datatype == _XSD + "boolean":
            return {"1": "true", "0": "false"}.get(lexical.strip(), lexical.strip())
    except (ValueError, InvalidOperation):
        pass  # an ill-typed literal keeps the form it was written in
    return lexical


_COMMENT = re.compile(r"(?m)(^|\s)#[^\n]*")
_STRING = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'
                     r"'(?:[^'\\\n]|\\.)*'")
_IRI = re.compile(r"<[^<>\s\"{}|^`\\]*>")
_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)


def _has_order_by(query: str) -> bool:
    """Whether the query itself orders its solutions: an ORDER BY outside every ``{...}`` group
    (one inside a sub-select orders only that sub-select)."""
    text = _IRI.sub("<>", query)  # '#' inside IRIs is not a comment
    text = _COMMENT.sub(" ", _STRING.sub('""', text))
    outside, depth = [], 0
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            outside.append(ch)
    return bool(_ORDER_BY.search("".join(outside)))


# --- the cookbook ------------------------------------------------------------------------------

def _queries_folder() -> Any:
    return resources.files("kg") / "data" / "queries"


def _cookbook_files() -> dict[str, Any]:
    folder = _queries_folder()
    if not folder.is_dir():
        return {}
    return {f.name[:-3]: f for f in sorted(folder.iterdir(), key=lambda f: f.name)
            if f.name.endswith(".rq")}


def cookbook() -> dict[str, str]:
    """The cookbook: query name -> its description (the first comment line), sorted by name."""
    out = {}
    for name, f in _cookbook_files().items():
        first = next((line for line in f.read_text(encoding="utf-8").splitlines()
                      if line.strip()), "")
        out[name] = first.lstrip("#").strip() if first.lstrip().startswith("#") else ""
    return out


def resolve_query(name_or_path: str) -> str:
    """The text of a query given as a path to a ``.rq`` file or as a cookbook name
    (``actor-timeline``); text holding a ``{`` is taken as the query itself.

    Raises InputError naming the file or name and listing the cookbook when neither fits.
    """
    if "{" in name_or_path:
        return name_or_path
    path = Path(name_or_path).expanduser()
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            reason = err.strerror if isinstance(err, OSError) else "not UTF-8 text"
            raise InputError(str(path), f"cannot read the query ({reason})",
                             "give a readable UTF-8 .rq file") from err
    files = _cookbook_files()
    has_folder = len(path.parts) > 1
    name = name_or_path.removesuffix(".rq")
    if name in files and not has_folder:
        return files[name].read_text(encoding="utf-8")
    listing = ", ".join(files) or "none installed"
    if path.suffix == ".rq" or has_folder:
        raise InputError(str(path), "no such query file",
                         f"give a path to a .rq file or a cookbook name: {listing}")
    raise InputError(name_or_path, "not a cookbook query name nor a .rq file",
                     f"use one of: {listing}")


# --- output ------------------------------------------------------------------------------------

def format_result(result: QueryResult, fmt: OutputFormat = "table") -> str:
    """Render a result as an aligned text table (IRIs shortened with the project's prefixes,
    long values cut), as CSV (header row, empty cells for unbound) or as JSON
    (``{"variables": [...], "rows": [{name: value or null}]}``). Ends with a newline."""
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows([["" if v is None else v for v in row] for row in result.rows])
        return buf.getvalue()
    if fmt == "json":
        rows = [dict(zip(result.variables, row)) for row in result.rows]
        return json.dumps({"variables": list(result.variables), "rows": rows},
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        return _table(result)
    raise KGError(f"unknown output format {fmt!r}; use one of {', '.join(OUTPUT_FORMATS)}")


def _table(result: QueryResult) -> str:
    from kg.vocab import PREFIXES

    # longest namespace first, so id: wins over a shorter prefix of the same IRI
    prefixes = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))

    def cell(value: str | None) -> str:
        if value is None:
            return ""
        for prefix, ns in prefixes:
            if value.startswith(ns) and len(value) > len(ns):
                value = f"{prefix}:{value[len(ns):]}"
                break
        value = " ".join(value.split())
        return value if len(value) <= _TABLE_CELL else value[:_TABLE_CELL - 1] + "\u2026"

    header = list(result.variables)
    body = [[cell(v) for v in row] for row in result.rows]
    widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in body]
    n = len(result.rows)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(lines) + "\n"
