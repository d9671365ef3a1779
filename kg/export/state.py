"""The build's state beside its exports (``.kg-state.sqlite``, SQLite): each event as a compact
record, indexed by the keys through which new mentions can reach it (merge blocks by participant
and week or article, link windows by actor and start day), with its Turtle chunk and CSV row
cached; the digests of the article texts; the triples of kg.ttl that are not ours. ``kg build
--into`` reads only the events the new articles can touch (:mod:`kg.merge.incremental`) and
writes kg.ttl and events.csv by copying the cached pieces of the others.

The state records which kg.ttl it describes (its inode, size and modification time): when that
file is replaced or edited by anything but a build that also updates the state, the state is
stale and ignored (the build reads kg.ttl instead, and writes a fresh state). Deleting the file
is always safe. Its records are pickles, so a state file that another user owns or could write
is never read (see ``_own``). A full build writes a new state file and moves it into place before its export
set commits; an addition changes the state in one SQLite transaction that commits after the
export set has: a crash between the two leaves a state that names the old kg.ttl, hence stale.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import itertools
import os
import pickle
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from kg.model import Event

__all__ = ["STATE", "State", "open_state", "ttl_stamp"]

STATE = ".kg-state.sqlite"
_VERSION = "3"
_MAX_DAY = dt.date.max.toordinal()
_SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v);
CREATE TABLE events(id TEXT PRIMARY KEY, ord TEXT NOT NULL, code TEXT NOT NULL, pfx TEXT NOT NULL,
                    span INT NOT NULL, csv TEXT NOT NULL, ttl BLOB NOT NULL, data BLOB NOT NULL);
CREATE INDEX events_ord ON events(ord);
CREATE INDEX events_code ON events(code);
CREATE TABLE mkeys(fam TEXT, key TEXT, week INT, slack INT, id TEXT);
CREATE INDEX mkeys_key ON mkeys(fam, key, week, slack);
CREATE INDEX mkeys_id ON mkeys(id);
CREATE TABLE lkeys(key TEXT, start INT, kind TEXT, wants TEXT, id TEXT);
CREATE INDEX lkeys_kind ON lkeys(key, kind, start);
CREATE INDEX lkeys_wants ON lkeys(key, wants, start);
CREATE INDEX lkeys_id ON lkeys(id);
CREATE TABLE links(src TEXT, dst TEXT);
CREATE INDEX links_src ON links(src);
CREATE INDEX links_dst ON links(dst);
CREATE TABLE occ(id TEXT, kind TEXT, pos INT, oid TEXT, rec TEXT, first TEXT);
CREATE INDEX occ_id ON occ(id);
CREATE INDEX occ_oid ON occ(kind, oid);
CREATE INDEX occ_first ON occ(kind, oid, rec, first);
CREATE TABLE recs(h TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE unsettled(id TEXT PRIMARY KEY);
CREATE TABLE fold(kind TEXT, oid TEXT, data BLOB NOT NULL, PRIMARY KEY (kind, oid));
CREATE TABLE digests(article TEXT PRIMARY KEY, digest TEXT NOT NULL, url TEXT);
CREATE TABLE IF NOT EXISTS tail(kind TEXT, oid TEXT, basis TEXT NOT NULL, pfx TEXT NOT NULL,
                               ttl BLOB NOT NULL, PRIMARY KEY (kind, oid));
CREATE TABLE IF NOT EXISTS evidence(id TEXT, key TEXT, pfx TEXT NOT NULL, ttl BLOB NOT NULL,
                                    PRIMARY KEY (id, key));
"""


def ttl_stamp(path: Path) -> str:
    """What tells one kg.ttl from another: inode, size and modification time (ns)."""
    st = path.stat()
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


def _ord(ev: Event) -> str:
    """The event's place in an export: by start day (undated last), then id."""
    day = ev.time.start.toordinal() if ev.time.start else _MAX_DAY
    return f"{day:07d}\x01{ev.id}"


def csv_line(ev: Event) -> str:
    """The event's row of events.csv, as the CSV writer writes it."""
    from kg.export.table import COLUMNS, defuse_cell, event_rows

    buf = io.StringIO()
    row = next(iter(event_rows([ev])))
    csv.writer(buf).writerow([defuse_cell(row[c]) for c in COLUMNS])
    return buf.getvalue()


def csv_header() -> str:
    from kg.export.table import COLUMNS

    buf = io.StringIO()
    csv.writer(buf).writerow(COLUMNS)
    return buf.getvalue()


class State:
    """An open state file. Reads see the changes made since it was opened; nothing is on disk
    for others until :meth:`commit`."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path, self.db = path, db
        self._hashes: dict[Any, str] = {}  # records (actors, places, articles) -> their keys in recs
        self.fresh = False  # a new state, filled once: nothing to replace
        self._longest: int | None = None
        self.dirty: set[str] = set()  # events put since the last settle
        self._fold: dict[str, dict[str, Any]] | None = None
        self.shared: Any = None  # the records the last export written described
        self._loaded: dict[str, Event] = {}  # events read so far, as read back
        self._touched: set[tuple[str, str]] = set()  # actors, places, articles of events put or removed

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path) -> "State":
        """A new, empty state at ``path`` (replacing any file there)."""
        for p in (path, Path(str(path) + "-journal")):
            if p.exists():
                p.unlink()
        db = sqlite3.connect(path, isolation_level=None)
        os.chmod(path, 0o644)  # this user's alone to write, whatever the umask (see _own)
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("BEGIN")
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        state = cls(path, db)
        state.fresh = True
        state._set("version", _VERSION)
        state._set("longest", 0)
        return state

    def _set(self, k: str, v: Any) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (k, v))

    def _get(self, k: str) -> Any:
        row = self.db.execute("SELECT v FROM meta WHERE k = ?", (k,)).fetchone()
        return None if row is None else row[0]

    def stamp(self, ttl: Path) -> None:
        """Record that the state describes ``ttl`` (as it is now)."""
        self._set("ttl", ttl_stamp(ttl))

    def commit(self) -> None:
        """Make the changes durable."""
        self.db.execute("COMMIT")

    def close(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        self.db.close()

    def __enter__(self) -> "State":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------

    def put(self, ev: Event, ttl: bytes, prefixes: Iterable[str], *, whole: bool = True,
            reports: Mapping[str, tuple[bytes, frozenset[str]]] | None = None) -> None:
        """Store ``ev`` as this export writes it, with its Turtle chunk and the prefixes the chunk
        uses (replacing the event of its id); :meth:`settle` then keeps it as the next build
        will read it. ``whole=False``: the record and CSV row come with :meth:`settle` (a full
        build writes its CSV itself). ``reports``: the chunk is the event's own triples
        (:func:`kg.export.rdf_stream.event_pieces`), and these are the chunks of its evidence
        that the state does not hold yet, by key; without, the chunk holds its evidence too."""
        from kg.codebook import lookup

        was: dict[tuple[str, str], tuple[str, ...]] | None = None
        if not self.fresh:
            row = self.db.execute("SELECT ord FROM events WHERE id = ?", (ev.id,)).fetchone()
            if row is not None and row[0] == _ord(ev):  # in its place: only what it gained or lost
                was = _records(self.db.execute("SELECT kind, oid, rec FROM occ WHERE id = ? ORDER BY pos",
                                               (ev.id,)))
            self.remove([ev.id], touch=was is None, replaced=True)
        self._loaded.pop(ev.id, None)
        self.db.execute("INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (ev.id, _ord(ev), lookup(ev.cameo).code, " ".join(sorted(prefixes)), 0,
                         csv_line(ev) if whole else "", ttl, pickle.dumps(ev, 5) if whole else b""))
        rows = self._occurrences(ev)
        self.db.executemany("INSERT INTO occ VALUES (?, ?, ?, ?, ?, ?)", rows)
        # an actor's, place's or article's record as the export folds it changes only where the
        # event, in the same place in the order, holds other records of it or in another order:
        # a report more of an event reported a thousand times folds its new article again, not
        # the thousand
        now = _records((k, o, r) for _, k, _, o, r, _ in rows)
        self._touched.update(k for k in (was or {}).keys() | now.keys() if (was or {}).get(k) != now.get(k))
        self._put_reports(ev, reports)
        self.dirty.add(ev.id)

    def _put_reports(self, ev: Event, reports: Mapping[str, tuple[bytes, frozenset[str]]] | None) -> None:
        from kg.export.rdf_stream import evidence_key

        if not self.fresh:
            keys = {evidence_key(e) for e in ev.evidence} if reports is not None else set()
            gone = {k for (k,) in self.db.execute("SELECT key FROM evidence WHERE id = ?", (ev.id,))} - keys
            self.db.executemany("DELETE FROM evidence WHERE id = ? AND key = ?", [(ev.id, k) for k in gone])
        self.db.executemany("INSERT OR REPLACE INTO evidence VALUES (?, ?, ?, ?)",
                            [(ev.id, k, " ".join(sorted(p)), t) for k, (t, p) in (reports or {}).items()])

    def settle(self, shared: Any, events: Iterable[Event] | None = None) -> None:
        """Keep the events written since the last settle (``events``, or those stored) as the
        next build reads them back (:func:`kg.export.rdf_read.as_read` with the records the
        export described, ``shared``), indexed by their merge and link keys; keep those records."""
        from kg.export.rdf_read import as_read
        from kg.merge.incremental import link_keys, link_kinds, merge_keys, reads_back_as_written

        self._set_fold(shared)
        if events is None:
            events = self._by_ids(self.dirty, raw=True)
        for given in events:
            ev = as_read(given, shared.actors, shared.places, shared.articles)
            if not reads_back_as_written(given, ev):
                self.db.execute("INSERT OR IGNORE INTO unsettled VALUES (?)", (ev.id,))
            if not self.fresh:
                for table, col in (("mkeys", "id"), ("lkeys", "id"), ("links", "src")):
                    self.db.execute(f"DELETE FROM {table} WHERE {col} = ?", (ev.id,))
            span = (ev.time.end - ev.time.start).days if ev.time.start and ev.time.end else 0
            order = _ord(ev)
            if order != _ord(given):  # read back with a wider span: it stands elsewhere in the order
                self.db.execute("UPDATE occ SET first = ? || char(1) || printf('%06d', pos) WHERE id = ?",
                                (order, ev.id))
            self.db.execute("UPDATE events SET ord = ?, span = ?, data = ?, csv = ? WHERE id = ?",
                            (order, span, pickle.dumps(ev, 5), csv_line(ev), ev.id))
            self.db.executemany("INSERT INTO mkeys VALUES (?, ?, ?, ?, ?)",
                                [(*key, ev.id) for key in merge_keys(ev)])
            kind, wants = link_kinds(ev)
            if ev.time.start is not None and (kind or wants):
                start = ev.time.start.toordinal()
                self.db.executemany("INSERT INTO lkeys VALUES (?, ?, ?, ?, ?)",
                                    [(k, start, kind, wants, ev.id) for k in link_keys(ev)])
            self.db.executemany("INSERT INTO links VALUES (?, ?)", [(ev.id, o) for _, o in set(ev.links)])
            if span > self.longest():
                self._longest = span
                self._set("longest", span)
        self.dirty.clear()

    def _set_fold(self, shared: Any) -> None:
        self.db.execute("DELETE FROM fold")
        self.db.executemany("INSERT INTO fold VALUES (?, ?, ?)",
                            [(kind, k, pickle.dumps(rec, 5)) for kind, records in
                             (("a", shared.actors), ("p", shared.places), ("r", shared.articles))
                             for k, rec in records.items()])
        self._fold = None
        self._touched.clear()

    def _occurrences(self, ev: Event) -> list[tuple[str, str, int, str, str, str]]:
        from kg.model import Evidence

        rows, order = [], _ord(ev)
        items: list[tuple[str, Any]] = [("a", x) for x in (*ev.sources, *ev.targets, *ev.claimed_by)]
        items += [("p", x) for x in ev.places]
        items += [("r", Evidence(e.article_id, "", 0, 0, "", e.url, e.title, e.published)) for e in ev.evidence]
        for pos, (kind, rec) in enumerate(items):
            h = self._hashes.get(rec)
            if h is None:
                data = pickle.dumps(rec, 5)
                h = self._hashes[rec] = hashlib.blake2b(data, digest_size=16).hexdigest()
                self.db.execute("INSERT OR IGNORE INTO recs VALUES (?, ?)", (h, data))
            rows.append((ev.id, kind, pos, rec.article_id if kind == "r" else rec.id, h, f"{order}\x01{pos:06d}"))
        return rows

    def remove(self, ids: Iterable[str], *, touch: bool = True, replaced: bool = False) -> None:
        """Drop the events of ``ids`` (``replaced``: their evidence's Turtle stays, for their
        new form to keep what it still holds)."""
        tables = (("events", "id"), ("mkeys", "id"), ("lkeys", "id"), ("links", "src"), ("occ", "id"))
        for i in ids:
            self._loaded.pop(i, None)
            if touch:
                self._touched.update(self.db.execute("SELECT kind, oid FROM occ WHERE id = ?", (i,)))
            for table, col in tables if replaced else (*tables, ("evidence", "id")):
                self.db.execute(f"DELETE FROM {table} WHERE {col} = ?", (i,))

    def set_digests(self, digests: Mapping[str, str], urls: Mapping[str, str] | None = None) -> None:
        self.db.executemany("INSERT OR REPLACE INTO digests VALUES (?, ?, ?)",
                            [(a, d, (urls or {}).get(a)) for a, d in digests.items()])

    def set_foreign(self, nt: str) -> None:
        self._set("foreign", nt)

    # --- reading ---------------------------------------------------------------------------

    def _folded(self) -> dict[str, dict[str, Any]]:
        """The actors, places and articles as the last export described them."""
        if self._fold is None:
            self._fold = {"a": {}, "p": {}, "r": {}}
            for kind, k, data in self.db.execute("SELECT * FROM fold"):
                self._fold[kind][k] = pickle.loads(data)
        return self._fold

    def _events(self, sql: str, args: Sequence[Any], raw: bool = False) -> list[Event]:
        """Events as a build reads them back from the last export (its records of actors,
        places and articles); ``raw``: as stored."""
        from kg.export.rdf_read import as_read

        out = [pickle.loads(d) for (d,) in self.db.execute(sql, args)]
        if raw:
            return out
        fold = self._folded()
        return [as_read(e, fold["a"], fold["p"], fold["r"]) for e in out]

    def _by_ids(self, ids: Iterable[str], raw: bool = False) -> list[Event]:
        """The stored events of these ids (each read once per open state)."""
        ids = set(ids)
        if raw:
            return self._load(sorted(ids), raw=True)
        missing = sorted(ids - self._loaded.keys())
        for ev in self._load(missing):
            self._loaded[ev.id] = ev
        return [self._loaded[i] for i in sorted(ids) if i in self._loaded]

    def _load(self, ids: list[str], raw: bool = False) -> list[Event]:
        out: list[Event] = []
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            out += self._events(f"SELECT data FROM events WHERE id IN ({','.join('?' * len(part))})", part, raw)
        return out

    def get(self, ids: set[str]) -> list[Event]:
        return self._by_ids(ids)

    def merge_neighbours(self, keys: set[tuple[str, str, int, int]]) -> list[Event]:
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS asked(fam TEXT, key TEXT, week INT, slack INT)")
        self.db.execute("DELETE FROM asked")
        self.db.executemany("INSERT INTO asked VALUES (?, ?, ?, ?)", keys)
        found = {i for (i,) in self.db.execute(
            # CROSS JOIN: the few keys asked drive the look-up in the index (the planner, knowing
            # nothing of the temporary table, would scan every stored key)
            "SELECT DISTINCT m.id FROM asked a CROSS JOIN mkeys m ON m.fam = a.fam AND m.key = a.key "
            "AND m.week = a.week AND m.slack = a.slack")}
        return self._by_ids(found)

    def link_neighbours(self, keys: set[str], first: int, last: int, *, kind: str = "",
                        wants: str = "") -> list[Event]:
        col, value = ("kind", kind) if kind else ("wants", wants)
        found: set[str] = set()
        for k in keys:
            if k.startswith("d:"):
                rows = self.db.execute(f"SELECT id FROM lkeys WHERE key = ? AND {col} = ?", (k, value))
            else:
                rows = self.db.execute(f"SELECT id FROM lkeys WHERE key = ? AND start BETWEEN ? AND ? "
                                       f"AND {col} = ?", (k, first, last, value))
            found.update(i for (i,) in rows)
        return self._by_ids(found)

    def longest(self) -> int:
        if self._longest is None:
            self._longest = int(self._get("longest") or 0)
        return self._longest

    def linking_to(self, ids: set[str]) -> list[Event]:
        found: set[str] = set()
        for i in ids:
            found.update(s for (s,) in self.db.execute("SELECT src FROM links WHERE dst = ?", (i,)))
        return self._by_ids(found)

    def unsettled(self) -> list[Event]:
        return self._by_ids(i for (i,) in self.db.execute("SELECT id FROM unsettled"))

    def replace(self, changed: Sequence[Event], removed: set[str]) -> None:
        from kg.export.rdf_stream import event_pieces

        self.db.execute("DELETE FROM unsettled")  # merged and linked again with the new mentions
        self.remove(removed)
        for ev in changed:
            # the Turtle of the evidence it had is kept: an event reported a thousand times is
            # written again as the event and its new reports, not the thousand
            kept = {k for (k,) in self.db.execute("SELECT key FROM evidence WHERE id = ?", (ev.id,))}
            (ttl, prefixes), parts = event_pieces(ev, kept)
            self.put(ev, ttl, prefixes, reports=parts)

    def events(self) -> Iterator[Event]:
        """Every event, in the export's order, as written."""
        from kg.export.rdf_read import as_read

        fold = self._folded()
        for i, d in self.db.execute("SELECT id, data FROM events ORDER BY ord"):
            ev = pickle.loads(d)
            yield ev if i in self.dirty else as_read(ev, fold["a"], fold["p"], fold["r"])

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM events").fetchone()[0])

    def _digests(self) -> Iterator[tuple[str, str, str | None]]:
        # only the articles the graph holds (those of an event), as kg.ttl records them
        yield from self.db.execute("SELECT * FROM digests d WHERE EXISTS "
                                   "(SELECT 1 FROM occ WHERE kind = 'r' AND oid = d.article)")

    def digests(self) -> dict[str, str]:
        return {a: d for a, d, _ in self._digests()}

    def known(self) -> dict[str, str]:
        """Article ids and URLs -> digests of their texts, as :func:`kg.pipeline.build` takes them."""
        out: dict[str, str] = {}
        for a, d, url in self._digests():
            out[a] = d
            if url:
                out[url] = d
        return out

    def foreign(self) -> "Any":
        """The kept triples of kg.ttl that are not ours, as an rdflib Graph (None if none)."""
        nt = self._get("foreign")
        if not nt:
            return None
        import rdflib

        return rdflib.Graph().parse(data=nt, format="nt")

    # --- writing the exports ---------------------------------------------------------------

    def write_csv(self, path: Path) -> None:
        from kg.export.atomic import atomic_write

        with atomic_write(path) as fh:
            fh.write(csv_header())
            for (line,) in self.db.execute("SELECT csv FROM events ORDER BY ord"):
                fh.write(line)

    def write_turtle(self, path: Path, digests: Mapping[str, str], keep: Any = None) -> None:
        """kg.ttl: the cached chunk of each event, then what the events share, then ``keep``."""
        from kg.codebook import skos_subset
        from kg.export.rdf_stream import turtle_pieces, write_turtle

        shared = self.shared = self._shared()
        records, used = self._record_chunks(shared, digests)
        tail: list[Any] = [*skos_subset(list(shared.codes)), *(keep if keep is not None else ())]
        tail_ttl, tail_pfx = turtle_pieces(tail)
        used |= tail_pfx
        for (p,) in self.db.execute("SELECT DISTINCT pfx FROM events UNION SELECT DISTINCT pfx FROM evidence"):
            used.update(p.split())
        chunks = (t for (t,) in self.db.execute("SELECT ttl FROM events ORDER BY ord"))
        reports = (t for (t,) in self.db.execute("SELECT ttl FROM evidence ORDER BY id, key"))
        write_turtle(path, used, itertools.chain(chunks, reports, records, [tail_ttl]))

    def keep_records(self, shared: Any, digests: Mapping[str, str]) -> None:
        """Keep the Turtle of each actor, place and article as an export of ``shared`` (and
        ``digests``) writes it, for the next addition to copy where they did not change."""
        self._record_chunks(shared, digests)

    def _record_chunks(self, shared: Any, digests: Mapping[str, str]) -> tuple[list[bytes], set[str]]:
        """The Turtle of each actor, place and article (kept from the last write where what it
        depends on is the same), and the prefixes they use."""
        from kg.export.rdf_stream import TripleList, content_key, turtle_pieces

        kept = {(k, o): (b, p, t) for k, o, b, p, t in self.db.execute("SELECT * FROM tail")}
        out, used, fresh = [], set(), []
        for kind, oid, basis, write in shared.records(digests):
            key = content_key(basis)
            hit = kept.get((kind, oid))
            if hit is not None and hit[0] == key:
                pfx, ttl = hit[1].split(), hit[2]
            else:
                triples: list[Any] = []
                write(TripleList(triples))
                ttl, pfx = turtle_pieces(triples)
                fresh.append((kind, oid, key, " ".join(sorted(pfx)), ttl))
            out.append(ttl)
            used.update(pfx)
        self.db.executemany("INSERT OR REPLACE INTO tail VALUES (?, ?, ?, ?, ?)", fresh)
        return out, used

    def _shared(self) -> Any:
        """Actors, places and articles folded in the export's order (the first record of an id
        wins, aliases pooled), and the CAMEO codes: the records of the last export, with those
        of the ids that events put or removed since then folded again."""
        from kg.export.rdf import Shared

        shared = Shared()
        add: dict[str, Callable[[Any], Any]] = {"a": shared.add_actor, "p": shared.add_place,
                                                "r": shared.add_article}
        fold = {} if self.fresh else self._folded()
        if not fold or not any(fold.values()):
            rows = self.db.execute("SELECT kind, rec, MIN(first) AS f FROM occ GROUP BY kind, oid, rec "
                                   "ORDER BY f").fetchall()
        else:
            for kind, records in fold.items():
                for oid, rec in records.items():
                    if (kind, oid) not in self._touched:
                        add[kind](rec)
            rows = []
            for kind, oid in sorted(self._touched):
                rows += self.db.execute(_FIRSTS, {"k": kind, "o": oid}).fetchall()
            rows.sort(key=lambda r: r[2])
        recs: dict[str, Any] = {}
        for kind, h, _ in rows:
            if h not in recs:
                recs[h] = pickle.loads(self.db.execute("SELECT data FROM recs WHERE h = ?", (h,)).fetchone()[0])
            add[kind](recs[h])
        for (code,) in self.db.execute("SELECT DISTINCT code FROM events ORDER BY code"):
            shared.codes[code] = None
        return shared


# the distinct records of one actor, place or article (kind :k, id :o), each with its first
# occurrence in the export's order: one look-up in occ_first per record, not a pass over the
# id's occurrences (an actor in every other event has tens of thousands)
_FIRSTS = """
WITH RECURSIVE r(rec) AS (
    SELECT MIN(rec) FROM occ WHERE kind = :k AND oid = :o
    UNION ALL
    SELECT (SELECT MIN(rec) FROM occ WHERE kind = :k AND oid = :o AND rec > r.rec) FROM r
    WHERE r.rec IS NOT NULL)
SELECT :k, rec, (SELECT MIN(first) FROM occ WHERE kind = :k AND oid = :o AND rec = r.rec) FROM r
WHERE rec IS NOT NULL"""


def _records(rows: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], tuple[str, ...]]:
    """(kind, id) -> the distinct records (hashes) of that actor, place or article, in the
    order of first occurrence in ``rows`` (an event's occurrences, by position)."""
    out: dict[tuple[str, str], dict[str, None]] = {}
    for kind, oid, rec in rows:
        out.setdefault((kind, oid), {})[rec] = None
    return {k: tuple(v) for k, v in out.items()}


def _own(path: Path) -> bool:
    """Is the state file this user's own, and writable by no one else? Its records are pickles,
    which run code when loaded: a state someone else could have written is never read (the build
    then reads kg.ttl instead, as for a missing state)."""
    st = path.stat()
    getuid = getattr(os, "getuid", None)
    return (getuid is None or st.st_uid == getuid()) and not st.st_mode & 0o022


def open_state(folder: str | os.PathLike[str]) -> State | None:
    """The folder's state, open for an addition, if it describes the folder's current kg.ttl;
    None when there is none, it is of another version or unreadable, or kg.ttl has changed."""
    from kg.export.atomic import current_files

    folder = Path(folder)
    path = folder / STATE
    ttl = current_files(folder, ["kg.ttl"]).get("kg.ttl")
    if ttl is None or not path.is_file() or not _own(path):
        return None
    try:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA mmap_size = 2147418112")  # an addition reads the Turtle of every event
        db.execute("BEGIN IMMEDIATE")
        state = State(path, db)
        if state._get("version") != _VERSION or state._get("ttl") != ttl_stamp(ttl):
            state.close()
            return None
        for statement in _SCHEMA[_SCHEMA.index("CREATE TABLE IF NOT EXISTS"):].split(";"):
            if statement.strip():
                db.execute(statement)  # the tables an older state lacks
        if "first" not in {row[1] for row in db.execute("PRAGMA table_info(occ)")}:  # an older state
            db.execute("ALTER TABLE occ ADD COLUMN first TEXT")
            db.execute("UPDATE occ SET first = (SELECT ord FROM events e WHERE e.id = occ.id) "
                       "|| char(1) || printf('%06d', pos)")
            db.execute("CREATE INDEX occ_first ON occ(kind, oid, rec, first)")
        return state
    except sqlite3.Error:
        return None
