"""Find the input files behind the paths a user gives (files, folders) in a stable order."""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError

__all__ = ["SUFFIXES", "expand_paths"]

SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
            ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}

OnError = Callable[[InputError], None]


def expand_paths(paths: Iterable[str | Path], *, on_error: OnError) -> Iterator[Path]:
    """Yield input files: given files as they are, folders recursively (known suffixes only,
    hidden files and folders skipped, sorted by path). A file reached twice (named and inside a
    named folder, or named twice) is yielded once, where it is first reached. What is not a
    file (a pipe, a device, a symlink loop, a folder we may not read) is named and said."""
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


def _files(path: Path, on_error: OnError) -> list[Path]:
    try:
        mode = path.stat().st_mode
    except OSError as e:
        on_error(_unreachable(path, e))
        return []
    if stat.S_ISDIR(mode):
        found = _walk(path, on_error)
        if not found:
            on_error(InputError(str(path), "folder holds no .txt, .html or .jsonl files",
                                "point at the articles themselves"))
        return found
    if stat.S_ISREG(mode):
        return [path]
    on_error(InputError(str(path), f"is {_kind(mode)}, not a file", "give .txt, .html or .jsonl files"))
    return []


def _walk(top: Path, on_error: OnError) -> list[Path]:
    """Known files under ``top``, sorted; unreadable folders and non-files with a known suffix
    are reported (os.walk does not follow symlinked folders, so a loop cannot trap it)."""
    def unreadable(e: OSError) -> None:
        on_error(InputError(str(e.filename or top), f"cannot read folder ({e.strerror or e}); skipped",
                            "check its permissions"))

    found = []
    for folder, dirs, files in os.walk(top, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            p = Path(folder, name)
            if name.startswith(".") or p.suffix.lower() not in SUFFIXES:
                continue
            try:
                mode = p.stat().st_mode
            except OSError as e:
                on_error(_unreachable(p, e))
                continue
            if stat.S_ISREG(mode):
                found.append(p)
            else:
                on_error(InputError(str(p), f"is {_kind(mode)}, not a file; skipped", "remove it from the folder"))
    return sorted(found)


def _unreachable(path: Path, e: OSError) -> InputError:
    if e.errno == errno.ELOOP:
        return InputError(str(path), "is a symbolic link loop", "point the link at a file")
    if e.errno in (errno.EACCES, errno.EPERM):
        return InputError(str(path), f"cannot be read ({e.strerror})", "check its permissions")
    if e.errno == errno.ENOENT:
        if path.is_symlink():
            return InputError(str(path), "is a symbolic link to nothing", "point the link at a file")
        return InputError(str(path), "no such file or folder", "check the path")
    return InputError(str(path), f"cannot be read ({e.strerror or e})", "check the path")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"
