"""Parameters of SPARQL queries: read them from a query's header and VALUES lines, and bind
them by rewriting the query text, so every engine (rdflib, Oxigraph, Jena) runs the same query.

A cookbook query declares each parameter twice: a header comment saying what it is, and a
``VALUES`` line giving its default, so the file runs as it is anywhere::

    # param from: the first day of the period, YYYY-MM-DD
    ...
    VALUES (?from ?to) { ("2025-01-01" "2025-12-31") }

>>> q = 'SELECT ?e WHERE { VALUES ?actor { "Russia" } ?e ?p ?actor }'
>>> [(p.name, p.default) for p in query_parameters(q)]
[('actor', 'Russia')]
>>> bind_parameters(q, {"actor": "Ukraine"})
'SELECT ?e WHERE { VALUES ?actor { "Ukraine" } ?e ?p ?actor }'
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from kg.errors import InputError

__all__ = ["Parameter", "query_parameters", "bind_parameters", "parse_assignments"]


@dataclass(frozen=True)
class Parameter:
    """A query parameter: the variable's name (without ``?``), its default value as the user
    would type it (``None`` when the query has no VALUES line for it), the kind of term it
    becomes (``string``, ``integer``, ``decimal``, ``iri``) and what the header says of it."""

    name: str
    default: str | None = None
    kind: str = "string"
    description: str = ""


_HEADER = re.compile(r"(?m)^\s*#\s*param\s+\??([A-Za-z_]\w*)\s*:\s*(.*?)\s*$")
_STRING = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'
                     r"'(?:[^'\\\n]|\\.)*'")
_IRI = re.compile(r"<[^<>\s\"{}|^`\\]*>")
_COMMENT = re.compile(r"#[^\n]*")
_VALUES = re.compile(r"\bVALUES\s*(\?\w+|\((?:\s*\?\w+)+\s*\))\s*\{", re.IGNORECASE)
_TERM = re.compile(r'"(?:[^"\\\n]|\\.)*"(?:@[\w-]+|\^\^\S+)?|<[^>]*>|[^\s(){}]+')
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?\d*\.\d+")


def _masked(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked out, every character kept in place."""
    def blank(m: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", m.group())

    out = []
    pos = 0
    pattern = re.compile(f"{_STRING.pattern}|{_IRI.pattern}|{_COMMENT.pattern}")
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        # keep the quotes and brackets so a VALUES row still shows its terms' places
        out.append(blank(m))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


@dataclass(frozen=True)
class _Block:
    variables: tuple[str, ...]
    row: tuple[tuple[int, int], ...]  # the span of each term of the single row, in the text
    multi: bool  # more than one row: not a parameter default


def _values_blocks(text: str) -> list[_Block]:
    masked = _masked(text)
    blocks = []
    for m in _VALUES.finditer(masked):
        variables = tuple(re.findall(r"\?(\w+)", m.group(1)))
        close = masked.find("}", m.end())
        if close < 0:
            continue
        body = text[m.end():close]
        if m.group(1).startswith("("):
            rows = re.findall(r"\(([^()]*)\)", _masked(body))
            first = re.search(r"\(([^()]*)\)", _masked(body))
            start = m.end() + first.start(1) if first else m.end()
            inner = body[first.start(1):first.end(1)] if first else ""
            multi = len(rows) != 1
        else:
            start, inner = m.end(), body
            multi = len(_TERM.findall(inner)) != 1
        spans = tuple((start + t.start(), start + t.end()) for t in _TERM.finditer(inner))
        blocks.append(_Block(variables, spans if len(spans) == len(variables) else (), multi))
    return blocks


def _kind(term: str) -> str:
    if term.startswith("<"):
        return "iri"
    if _INTEGER.fullmatch(term):
        return "integer"
    if _DECIMAL.fullmatch(term):
        return "decimal"
    return "string"


def _plain(term: str) -> str:
    """A SPARQL term as a user would type it: a string's text, an IRI without brackets."""
    if term.startswith("<") and term.endswith(">"):
        return term[1:-1]
    m = re.fullmatch(r'"((?:[^"\\]|\\.)*)"(?:@[\w-]+|\^\^\S+)?', term)
    if m:
        return re.sub(r"\\(.)", r"\1", m.group(1))
    return term


def query_parameters(text: str) -> tuple[Parameter, ...]:
    """The parameters of a query: the variables of its one-row VALUES lines with their
    defaults, and any ``# param NAME: what it is`` header line, in the order they appear."""
    described = {name: what for name, what in _HEADER.findall(text)}
    found: dict[str, Parameter] = {}
    for block in _values_blocks(text):
        if block.multi or not block.row:
            continue
        for name, (start, end) in zip(block.variables, block.row):
            term = text[start:end]
            found.setdefault(name, Parameter(name, _plain(term), _kind(term),
                                             described.get(name, "")))
    for name, what in described.items():
        found.setdefault(name, Parameter(name, None, "string", what))
    return tuple(found.values())


def _term(value: str, kind: str, name: str, source: str) -> str:
    if kind in ("integer", "decimal"):
        pattern = _INTEGER if kind == "integer" else re.compile(r"[+-]?(\d+\.?\d*|\.\d+)")
        if not pattern.fullmatch(value.strip()):
            raise InputError(source, f"parameter {name}={value!r} is not a number",
                             f"give a number, e.g. --param {name}=2")
        return value.strip()
    if kind == "iri":
        if re.search(r"[<>\s\"{}|^`\\]", value):
            raise InputError(source, f"parameter {name}={value!r} is not an IRI",
                             f"give a full IRI, e.g. --param {name}=https://...")
        return f"<{value}>"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def bind_parameters(text: str, values: Mapping[str, str], *, source: str = "query") -> str:
    """The query with each named parameter bound to a value: its VALUES default replaced, or,
    for a variable the query has no VALUES line for, a ``VALUES ?name { "value" }`` line put
    first in the WHERE group. The value becomes a term of the default's kind (a string is
    quoted, a number checked). Raises InputError for a name the query does not use."""
    params = {p.name: p for p in query_parameters(text)}
    edits: list[tuple[int, int, str]] = []
    spans = {name: span for b in _values_blocks(text) if not b.multi and b.row
             for name, span in zip(b.variables, b.row)}
    used = set(re.findall(r"[?$](\w+)", _masked(text)))
    injected = []
    for name, value in values.items():
        name = name.lstrip("?$")
        if name in spans:
            start, end = spans[name]
            edits.append((start, end, _term(value, params[name].kind, name, source)))
        elif name in used:
            kind = params[name].kind if name in params else (
                "integer" if _INTEGER.fullmatch(value) else "string")
            injected.append(f"VALUES ?{name} {{ {_term(value, kind, name, source)} }}")
        else:
            known = ", ".join(params) or "none"
            raise InputError(source, f"the query has no variable ?{name}",
                             f"its parameters: {known}")
    for start, end, term in sorted(edits, reverse=True):
        text = text[:start] + term + text[end:]
    if injected:
        where = _where_open(text)
        if where < 0:
            raise InputError(source, "cannot find the query's WHERE group to bind "
                             f"{', '.join(values)}", "add a VALUES line for the parameter")
        text = text[:where + 1] + " " + " ".join(injected) + text[where + 1:]
    return text


def _where_open(text: str) -> int:
    """The position of the ``{`` opening the query's WHERE group, -1 when there is none."""
    masked = _masked(text)
    m = re.search(r"\bWHERE\s*\{", masked, re.IGNORECASE)
    if m:
        return m.end() - 1
    m = re.search(r"\b(SELECT|ASK)\b[^{]*\{", masked, re.IGNORECASE)
    return m.end() - 1 if m else -1


def parse_assignments(items: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``["from=2025-01-01", "actor=Russia"]`` as a mapping; InputError for an item without
    ``=`` or with an empty name."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InputError(item, "not a NAME=VALUE parameter",
                             "write it as --param from=2025-01-01")
        out[name.strip().lstrip("?$")] = value
    return out
