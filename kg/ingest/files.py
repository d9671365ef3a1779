"""Find the input files behind the paths a user gives (files, folders) in a stable order."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError

__all__ = ["SUFFIXES", "expand_paths"]

SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
            ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def expand_paths(paths: Iterable[str | Path], *,
                 on_error: Callable[[InputError], None]) -> Iterator[Path]:
    """Yield input files: given files as they are, folders recursively (known suffixes only)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                on_error(InputError(str(path), "folder holds no .txt, .html or .jsonl files",
                                    "point at the articles themselves"))
            yield from found
        elif path.is_file():
            yield path
        else:
            on_error(InputError(str(path), "no such file or folder", "check the path"))
