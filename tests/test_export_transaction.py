"""The export folder behaves like a database: the files of a build are one transaction (a crash,
a kill -9 or an error at any moment leaves the whole old set or the whole new one), a second
writer waits or is refused, ``--into`` is idempotent and keeps the triples it did not make, and
nothing in the folder that is not ours is touched.
"""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from filelock import FileLock
from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.cli import EXIT_BUSY, cli
from kg.errors import ExportError
from kg.export import EXPORT_FILES, load_events, write_exports
from kg.export.atomic import JOURNAL, LOCK, current_files, writer_lock
from kg.export.state import STATE
from kg.model import Event

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "easter-truce.txt"
KG = [sys.executable, "-m", "kg.cli"]
YEMEN = ("Published: 2024-03-04\n\nADEN, March 4 (AP) - Yemen's Houthi rebels fired two anti-ship "
         "missiles at a Liberian-flagged tanker in the Gulf of Aden on Saturday, the U.S. military's "
         "Central Command said.\n")
ARMENIA = ("Published: 2025-08-09\n\nYEREVAN, Aug 9 (Reuters) - Armenia and Azerbaijan signed a peace "
           "declaration at the White House on Friday, and Armenian Prime Minister Nikol Pashinyan said "
           "the two countries would open their border to trade.\n")


def kg(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="kg")


def snapshot(folder: Path) -> dict[str, bytes]:
    """The export files of the folder's current set, as a reader sees them."""
    return {n: p.read_bytes() for n, p in current_files(folder, EXPORT_FILES).items()}


def raw(folder: Path) -> dict[str, bytes]:
    """Every visible file in the folder, as a user's file manager shows it."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name not in (LOCK, STATE))


@pytest.fixture(scope="module")
def sets(tmp_path_factory: pytest.TempPathFactory, seed_events: tuple[Event, ...]) -> tuple[Path, Path]:
    """Two complete export sets that differ in every file: old (part of the example's events,
    with TriG and N-Triples too) and new (all of them, without the extra formats)."""
    old, new = tmp_path_factory.mktemp("old-set"), tmp_path_factory.mktemp("new-set")
    write_exports(seed_events[:5], old, also=["trig", "nt"])
    write_exports(seed_events, new)
    return old, new


def folder_holding(old: Path, where: Path) -> Path:
    """A copy of the old set, with a file of the user's own beside it."""
    shutil.copytree(old, where)
    (where / "notes.md").write_text("my own notes\n", encoding="utf-8")
    return where


# --- one transaction ----------------------------------------------------------------------------

def test_a_build_over_an_earlier_one_rewrites_or_removes_every_export_and_keeps_the_users_files(
        tmp_path: Path, sets: tuple[Path, Path], seed_events: tuple[Event, ...]):
    old, new = sets
    out = folder_holding(old, tmp_path / "out")
    write_exports(seed_events, out)
    assert not (out / "kg.trig").exists() and not (out / "kg.nt").exists()  # stale: removed
    assert (out / "notes.md").read_text(encoding="utf-8") == "my own notes\n"
    assert snapshot(out) == snapshot(new) and leftovers(out) == []
    assert len(load_events([out])) == len(seed_events)  # readers read one generation


def test_a_build_that_fails_half_way_leaves_the_whole_old_set(
        tmp_path: Path, sets: tuple[Path, Path], seed_events: tuple[Event, ...],
        monkeypatch: pytest.MonkeyPatch):
    import kg.export.timeline as timeline

    old, _ = sets
    out = folder_holding(old, tmp_path / "out")
    before = raw(out)

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ExportError("timeline.html: cannot write (disk full)")

    monkeypatch.setattr(timeline, "write_timeline", broken)
    with pytest.raises(ExportError):
        write_exports(seed_events, out)
    assert raw(out) == before and leftovers(out) == []


CRASH = textwrap.dedent("""
    import os, sys
    from kg.export import load_events, write_exports
    events = load_events([sys.argv[2]])
    real, calls = os.replace, [0]
    def replace(src, dst):
        if calls[0] == int(sys.argv[3]):
            os._exit(9)  # as kill -9: no cleanup, no finally
        calls[0] += 1
        real(src, dst)
    os.replace = replace
    write_exports(events, sys.argv[1])
    print(calls[0])
""")


def test_a_crash_at_every_step_of_the_commit_leaves_the_old_set_or_the_new_one(
        tmp_path: Path, sets: tuple[Path, Path]):
    old, new = sets
    whole = tmp_path / "whole"  # the same write, not interrupted: the new set, and its steps
    steps = int(subprocess.run([sys.executable, "-c", CRASH, str(whole), str(new / "kg.ttl"), "-1"],
                               capture_output=True, text=True, check=True).stdout)
    want_old, want_new = snapshot(old), snapshot(whole)
    assert steps >= 2 * len(want_new)  # a rename into staging and one into place, per file
    seen = set()
    for step in range(steps):
        out = folder_holding(old, tmp_path / f"crash-{step}")
        done = subprocess.run([sys.executable, "-c", CRASH, str(out), str(new / "kg.ttl"), str(step)])
        assert done.returncode == 9
        now = snapshot(out)  # what a reader sees right after the crash
        assert now in (want_old, want_new), f"mixed set after a crash at step {step}"
        seen.add("new" if now == want_new else "old")
        with writer_lock(out):  # the next writer completes or clears the interrupted commit
            pass
        assert {n: b for n, b in raw(out).items() if n != "notes.md"} == now
        assert leftovers(out) == [] and (out / "notes.md").exists()
    assert seen == {"old", "new"}  # the crashes fell both before and after the commit point


def test_kill_9_at_several_moments_of_a_real_build_leaves_the_old_set_or_the_new_one(
        tmp_path: Path, sets: tuple[Path, Path]):
    old, _ = sets
    reference = tmp_path / "reference"
    subprocess.run([*KG, "build", SEED, "--published", "2025-04-21", "--out", reference, "-q"],
                   check=True, timeout=300)
    want_old, want_new = snapshot(old), snapshot(reference)
    deadline = time.monotonic() + 240
    for trial, delay in enumerate([None, 0.0, 0.05, 0.3]):  # None: while it reads and parses
        if time.monotonic() > deadline:
            break
        out = folder_holding(old, tmp_path / f"kill-{trial}")
        proc = subprocess.Popen([*KG, "build", SEED, "--published", "2025-04-21", "--out", out, "-q"])
        if delay is None:
            time.sleep(2.0)
        else:
            while proc.poll() is None and not any(out.glob(".kg-new-*")) and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert snapshot(out) in (want_old, want_new), f"mixed set after kill {trial}"
        with writer_lock(out):
            pass
        assert {n: b for n, b in raw(out).items() if n != "notes.md"} in (want_old, want_new)
        assert leftovers(out) == []


# --- a second writer -----------------------------------------------------------------------------

def test_two_builds_into_one_folder_at_once_keep_both_articles(tmp_path: Path):
    (tmp_path / "yemen.txt").write_text(YEMEN, encoding="utf-8")
    (tmp_path / "armenia.txt").write_text(ARMENIA, encoding="utf-8")
    out = tmp_path / "out"
    procs = [subprocess.Popen([*KG, "build", tmp_path / name, "--into", out, "-q"], stderr=subprocess.PIPE, text=True)
             for name in ("yemen.txt", "armenia.txt")]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs if p.stderr is not None]
    assert [code for code, _ in results] == [0, 0], results
    articles = {a for e in load_events([out]) for a in e.article_ids}
    assert len(articles) == 2, articles  # neither build's article was lost


def test_a_second_writer_told_not_to_wait_is_refused_in_one_line_and_changes_nothing(
        tmp_path: Path, sets: tuple[Path, Path]):
    old, _ = sets
    out = folder_holding(old, tmp_path / "out")
    before = raw(out)
    (tmp_path / "yemen.txt").write_text(YEMEN, encoding="utf-8")
    with FileLock(out / LOCK):  # another build holds the folder
        done = subprocess.run([*KG, "build", tmp_path / "yemen.txt", "--into", out, "--wait", "0", "-q"],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == EXIT_BUSY == 4, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert "another kg build is writing into this folder" in line and str(out) in line
    assert raw(out) == before


# --- --into: idempotent, and keeps what it did not make -----------------------------------------

def test_adding_the_same_article_again_changes_nothing(tmp_path: Path):
    out = tmp_path / "out"
    (tmp_path / "yemen.txt").write_text(YEMEN, encoding="utf-8")
    assert kg("build", tmp_path / "yemen.txt", "--out", out).exit_code == 0
    before = raw(out)
    again = kg("build", tmp_path / "yemen.txt", "--into", out)
    assert again.exit_code == 0, again.output
    assert "already in the graph" in again.stderr and "nothing changed" in again.stderr
    assert raw(out) == before
    copy = tmp_path / "copy.txt"  # the same text under another file name: the same article
    copy.write_text(YEMEN, encoding="utf-8")
    assert kg("build", copy, "--into", out).exit_code == 0
    assert raw(out) == before


def test_adding_an_article_keeps_the_triples_a_user_added_to_kg_ttl(tmp_path: Path):
    out = tmp_path / "out"
    (tmp_path / "yemen.txt").write_text(YEMEN, encoding="utf-8")
    (tmp_path / "armenia.txt").write_text(ARMENIA, encoding="utf-8")
    assert kg("build", tmp_path / "yemen.txt", "--out", out).exit_code == 0
    g = Graph().parse(out / "kg.ttl")
    event = next(iter(g.subjects(RDFS.label, None)))
    mine = [(event, RDFS.comment, Literal("checked against the CENTCOM statement")),
            (URIRef("https://example.org/analyst/ana"), RDFS.label, Literal("Ana"))]
    for t in mine:
        g.add(t)
    (out / "kg.ttl").write_text(g.serialize(format="turtle"), encoding="utf-8")
    added = kg("build", tmp_path / "armenia.txt", "--into", out)
    assert added.exit_code == 0, added.output
    assert "kept 2 triple(s)" in added.stderr
    after = Graph().parse(out / "kg.ttl")
    assert all(t in after for t in mine)
    assert len({a for e in load_events([out]) for a in e.article_ids}) == 2
    plain = tmp_path / "plain"
    assert kg("build", tmp_path / "yemen.txt", tmp_path / "armenia.txt", "--out", plain).exit_code == 0
    for t in mine:
        after.remove(t)
    assert isomorphic(after, Graph().parse(plain / "kg.ttl"))  # and otherwise as one build of both


def test_an_id_already_in_the_graph_with_another_text_becomes_an_article_of_its_own(tmp_path: Path):
    out = tmp_path / "out"
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps({"id": "wire-1", "text": YEMEN.split("\n\n", 1)[1], "published": "2024-03-04"}),
                     encoding="utf-8")
    second.write_text(json.dumps({"id": "wire-1", "text": ARMENIA.split("\n\n", 1)[1], "published": "2025-08-09"}),
                      encoding="utf-8")
    assert kg("build", first, "--out", out).exit_code == 0
    added = kg("build", second, "--into", out)
    assert added.exit_code == 0, added.output
    assert "'wire-1' is already in the graph with another text" in added.stderr
    articles = {a for e in load_events([out]) for a in e.article_ids}
    assert "wire-1" in articles and len(articles) == 2, articles


def test_readers_read_the_new_set_through_an_interrupted_commit(tmp_path: Path, sets: tuple[Path, Path]):
    from kg.query import load_store, run_query

    old, new = sets
    out = folder_holding(old, tmp_path / "out")
    staged = out / ".kg-new-interrupted"
    staged.mkdir()
    for name in ("kg.ttl", "events.csv"):  # kg.ttl not yet renamed into place, events.csv already
        shutil.copy(new / name, staged / name if name == "kg.ttl" else out / name)
    written = ["kg.ttl", "events.csv"]  # as a build with --no-timeline commits them
    (out / JOURNAL).write_text(json.dumps({"staging": staged.name, "write": written,
                                           "remove": [n for n in EXPORT_FILES if n not in written]}),
                               encoding="utf-8")
    count = "SELECT (COUNT(?e) AS ?n) WHERE { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }"
    n_new = len(load_events([new / "kg.ttl"]))
    assert len(load_events([out])) == n_new
    for engine in ("oxigraph", "rdflib"):
        rows = run_query(load_store([out], engine=engine), count).rows  # type: ignore[arg-type]
        assert int(rows[0][0]) == n_new, engine
    with writer_lock(out):  # the next writer rolls it forward
        pass
    assert snapshot(out) == {"kg.ttl": (new / "kg.ttl").read_bytes(), "events.csv": (new / "events.csv").read_bytes()}
    assert leftovers(out) == [] and (out / "notes.md").exists()
