"""One exception tree for conflict-kg; every message says what, where, and what to do.

    KGError
    ├── InputError          an input file or article cannot be read (names the file)
    │   ├── NoDateError     an article has no publication date and none was given
    │   ├── InputWarning    read, but the user should know (a cut-off page, a duplicate)
    │   └── ArticleError    read, but building it failed unexpectedly (names it, and the sentence)
    ├── ModelError          the language model is missing or broken
    ├── ExportError         an output cannot be written
    │   └── BusyError       another build is writing into the same folder
    └── ValidationError     an export breaks the SHACL shapes
"""
from __future__ import annotations

import re

__all__ = ["KGError", "InputError", "NoDateError", "InputWarning", "ArticleError", "ModelError", "ExportError",
           "BusyError", "ValidationError", "parse_problem", "one_line"]


class KGError(Exception):
    """Root of every error conflict-kg raises on purpose."""


class InputError(KGError):
    """An input cannot be read; ``source`` names the file (and line), ``hint`` what to do."""

    def __init__(self, source: str, problem: str, hint: str = "") -> None:
        self.source, self.problem, self.hint = one_line(source), one_line(problem), one_line(hint)
        msg = f"{self.source}: {self.problem}"
        super().__init__(f"{msg} ({self.hint})" if self.hint else msg)


class NoDateError(InputError):
    """An article carries no publication date; relative dates cannot be anchored."""


class InputWarning(InputError):
    """Not an error: the input was read, but its reader should know something about it
    (a page that looks cut off, the same article given twice)."""


class ArticleError(InputError):
    """An article was read but could not be built: an unexpected error while extracting or
    resolving it. ``sentence`` is the sentence being read when it happened, where known. The
    other articles of the build are built all the same."""

    def __init__(self, source: str, problem: str, hint: str = "", sentence: str | None = None) -> None:
        self.sentence = sentence
        if sentence:
            problem = f"{problem} in the sentence {_clip(sentence)!r}"
        super().__init__(source, problem, hint)


def one_line(text: str) -> str:
    """``text`` safe to print on one terminal line: line breaks, control characters, bidi
    overrides and lone surrogates are escaped (a file name with a newline must not split an
    error in two, nor an ESC sequence or U+202E rewrite what the terminal shows)."""
    return _UNSAFE.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# C0/C1 controls, line and paragraph separators, bidi embeddings/overrides/isolates, surrogates
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e"
                     "\u2066-\u2069\ud800-\udfff]")


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


class BusyError(ExportError):
    """Another build holds the export folder's lock (it is writing into the same folder)."""


class ValidationError(KGError):
    """An export does not conform to the project's SHACL shapes."""
