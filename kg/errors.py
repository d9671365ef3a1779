"""One exception tree for conflict-kg; every message says what, where, and what to do.

    KGError
    ├── InputError          an input file or article cannot be read (names the file)
    │   ├── NoDateError     an article has no publication date and none was given
    │   └── InputWarning    read, but the user should know (a cut-off page, a duplicate)
    ├── ModelError          the language model is missing or broken
    ├── ExportError         an output cannot be written
    └── ValidationError     an export breaks the SHACL shapes
"""
from __future__ import annotations

__all__ = ["KGError", "InputError", "NoDateError", "InputWarning", "ModelError", "ExportError", "ValidationError", "parse_problem"]


class KGError(Exception):
    """Root of every error conflict-kg raises on purpose."""


class InputError(KGError):
    """An input cannot be read; ``source`` names the file (and line), ``hint`` what to do."""

    def __init__(self, source: str, problem: str, hint: str = "") -> None:
        self.source, self.problem, self.hint = source, problem, hint
        msg = f"{source}: {problem}"
        super().__init__(f"{msg} ({hint})" if hint else msg)


class NoDateError(InputError):
    """An article carries no publication date; relative dates cannot be anchored."""


class InputWarning(InputError):
    """Not an error: the input was read, but its reader should know something about it
    (a page that looks cut off, the same article given twice)."""


def parse_problem(err: Exception) -> str:
    """One readable line for an RDF parser's error (rdflib's span several lines)."""
    why = getattr(err, "_why", None)
    if why is not None and hasattr(err, "lines"):
        return f"{type(err).__name__}: line {err.lines + 1}: {why}"  # type: ignore[attr-defined]
    return f"{type(err).__name__}: {' '.join(str(err).split())[:160]}"


class ModelError(KGError):
    """The spaCy English pipeline cannot be loaded."""


class ExportError(KGError):
    """An export cannot be written."""


class ValidationError(KGError):
    """An export does not conform to the project's SHACL shapes."""
