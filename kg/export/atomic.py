"""Write a file all at once or not at all (a temp file in the same folder, then os.replace), and
a set of files likewise (a staging folder, then a journal that commits it), under a writer lock."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from kg.errors import BusyError, ExportError

__all__ = ["atomic_write", "export_set", "writer_lock", "current_files", "recover", "Staging",
           "JOURNAL", "LOCK"]


@contextlib.contextmanager
def atomic_write(path: str | Path, mode: str = "w") -> Iterator[IO]:
    """Open a temporary sibling of ``path``; on success it replaces ``path``, on error it vanishes."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise ExportError(f"{path}: cannot write ({e.strerror}); check the folder exists and is writable") from e
    try:
        kwargs: dict[str, Any] = {"encoding": "utf-8", "newline": ""} if "b" not in mode else {}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())  # on disk before it takes the old file's name
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ExportError(f"{path}: cannot write ({e.strerror or e}); "
                          "check the folder is writable and the disk not full") from e
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# --- the export folder as one transaction --------------------------------------------------
#
# POSIX renames one file atomically, never a set. So a build writes its new files into a hidden
# staging folder inside the export folder (same file system), fsyncs them, and then commits by
# writing one small journal atomically: the journal names the staging folder, the files it
# brings and the stale files of ours it removes. Applying the journal (renames, removals) is
# idempotent, so after a kill at any moment the folder is either untouched (no journal: the
# staging folder is garbage) or holds a journal that the next writer completes (roll forward),
# and readers meanwhile read the new set through it. Files in the folder that are not ours are
# never touched. A writer lock (filelock) keeps a second writer out of the folder meanwhile.

JOURNAL = ".kg-journal.json"
LOCK = ".kg.lock"
_STAGING = ".kg-new-"


def writer_lock(folder: str | Path, *, timeout: float = -1,
                on_wait: Callable[[], None] | None = None) -> contextlib.AbstractContextManager:
    """The export folder's writer lock (reentrant in one process). A second writer waits up to
    ``timeout`` seconds (-1: as long as it takes), calling ``on_wait`` once when it has to
    wait, then raises BusyError. Taking the lock completes an interrupted commit."""
    return _Lock(Path(folder), timeout, on_wait)


class _Lock(contextlib.AbstractContextManager):
    def __init__(self, folder: Path, timeout: float, on_wait: Callable[[], None] | None) -> None:
        self.folder, self.timeout, self.on_wait = folder, timeout, on_wait

    def __enter__(self) -> Path:
        from filelock import FileLock, Timeout

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.lock = FileLock(self.folder / LOCK, is_singleton=True)
            try:
                self.lock.acquire(timeout=0)
            except Timeout:
                if self.timeout == 0:
                    raise
                if self.on_wait is not None:
                    self.on_wait()
                self.lock.acquire(timeout=self.timeout)
        except Timeout:
            raise BusyError(f"{self.folder}: another kg build is writing into this folder; "
                            "try again when it is done") from None
        except OSError as e:
            raise ExportError(f"{self.folder}: cannot write ({e.strerror or e}); "
                              "check the folder is writable") from e
        try:
            recover(self.folder)
        except BaseException:
            self.lock.release()
            raise
        return self.folder

    def __exit__(self, *exc: object) -> None:
        self.lock.release()


class Staging:
    """The new files of one export set, written into a hidden folder until the commit."""

    def __init__(self, folder: Path, owned: Iterable[str]) -> None:
        self.folder, self.owned = folder, tuple(owned)
        self.dir = Path(tempfile.mkdtemp(prefix=_STAGING, dir=folder))
        self.names: list[str] = []

    def path(self, name: str) -> Path:
        """Where to write the new ``name``; it takes its place in the folder at the commit."""
        if name not in self.owned or "/" in name:
            raise ValueError(f"{name!r} is not one of the export's files {self.owned}")
        if name not in self.names:
            self.names.append(name)
        return self.dir / name

    def commit(self) -> None:
        for name in self.names:
            if not (self.dir / name).is_file():
                raise ExportError(f"{self.folder / name}: was not written; the folder is unchanged")
        _fsync_dir(self.dir)
        journal = {"staging": self.dir.name, "write": self.names,
                   "remove": [n for n in self.owned if n not in self.names]}
        with atomic_write(self.folder / JOURNAL) as fh:  # the commit point
            json.dump(journal, fh)
        _fsync_dir(self.folder)
        _apply(self.folder, journal)


@contextlib.contextmanager
def export_set(folder: str | Path, owned: Iterable[str], **lock: Any) -> Iterator[Staging]:
    """A transaction over ``folder``'s export files ``owned``: write each new file at
    ``staging.path(name)``; when the block ends without error they replace the old set at
    once, and every other file of ``owned`` is removed; on error the folder is unchanged.
    Holds the writer lock (``lock``: see :func:`writer_lock`) throughout."""
    folder = Path(folder)
    with writer_lock(folder, **lock):
        try:
            staging = Staging(folder, owned)
        except OSError as e:
            raise ExportError(f"{folder}: cannot write ({e.strerror or e}); "
                              "check the folder is writable and the disk not full") from e
        try:
            yield staging
            staging.commit()
        finally:
            shutil.rmtree(staging.dir, ignore_errors=True)


def current_files(folder: str | Path, owned: Iterable[str]) -> dict[str, Path]:
    """Where each export file of ``folder``'s current set is, for readers: through the journal
    while a commit is under way or was interrupted, so a reader never mixes two sets."""
    folder, owned = Path(folder), list(owned)
    journal = _journal(folder)
    if journal is None:
        return {n: folder / n for n in owned if (folder / n).is_file()}
    staged = folder / journal["staging"]
    found = {}
    for n in (n for n in journal["write"] if n in owned):
        for p in (staged / n, folder / n):
            if p.is_file():
                found[n] = p
                break
    return found


def recover(folder: str | Path) -> None:
    """Complete an interrupted commit, and clear what an interrupted build left behind
    (staging folders and temporary files of ours). Call with the writer lock held."""
    folder = Path(folder)
    journal = _journal(folder)
    if journal is not None:
        _apply(folder, journal)
    for p in folder.glob(_STAGING + "*"):
        shutil.rmtree(p, ignore_errors=True)
    for p in folder.glob(f".{JOURNAL}.*.tmp"):
        with contextlib.suppress(OSError):
            p.unlink()


def _journal(folder: Path) -> dict | None:
    try:
        journal = json.loads((folder / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = (isinstance(journal, dict) and isinstance(journal.get("staging"), str)
          and journal["staging"].startswith(_STAGING) and "/" not in journal["staging"]
          and all(isinstance(journal.get(k), list) for k in ("write", "remove")))
    return journal if ok else None


def _apply(folder: Path, journal: dict) -> None:
    """Roll a committed journal forward; running it twice is the same as once."""
    staged = folder / journal["staging"]
    for name in journal["write"]:
        with contextlib.suppress(FileNotFoundError):  # moved already by an earlier attempt
            os.replace(staged / name, folder / name)
    for name in journal["remove"]:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(folder / name)
    _fsync_dir(folder)
    shutil.rmtree(staged, ignore_errors=True)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(folder / JOURNAL)
    _fsync_dir(folder)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a folder be fsynced
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
