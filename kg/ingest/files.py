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
    """Yield input files: given files as they are, folders recursively (known suffixes only,
    hidden files and folders skipped, sorted by path). A file reached twice (named and inside a
    named folder, or named twice) is yielded once, where it is first reached."""
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        try:
            found = _files(path, on_error)
        except OSError as e:  # e.g. a folder we may not list
            on_error(InputError(str(path), f"cannot read ({e.strerror or e})", "check its permissions"))
            continue
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                yield f


def _files(path: Path, on_error: Callable[[InputError], None]) -> list[Path]:
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
        if not found:
            on_error(InputError(str(path), "folder holds no .txt, .html or .jsonl files",
                                "point at the articles themselves"))
        return found
    if path.is_file():
        return [path]
    on_error(InputError(str(path), "no such file or folder", "check the path"))
    return []
