"""One exception tree for conflict-kg; every message says what, where, and what to do.

    KGError
    ├── InputError          an input file or article cannot be read (names the file)
    │   └── NoDateError     an article has no publication date and none was given
    ├── ModelError          the language model is missing or broken
    ├── ExportError         an output cannot be written
    └── ValidationError     an export breaks the SHACL shapes
"""
from __future__ import annotations

__all__ = ["KGError", "InputError", "NoDateError", "ModelError", "ExportError", "ValidationError"]


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


class ModelError(KGError):
    """The spaCy English pipeline cannot be loaded."""


class ExportError(KGError):
    """An export cannot be written."""


class ValidationError(KGError):
    """An export does not conform to the project's SHACL shapes."""
