"""`kg build --into` through the build's state (.kg-state.sqlite) gives what reading kg.ttl whole
gives: the same IRIs, an isomorphic kg.ttl, the same events.csv; a state that does not describe
the folder's kg.ttl is never used."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.export import load_events, write_exports
from kg.export.rdf import Shared
from kg.export.rdf_read import as_read
from kg.export.state import STATE, State
from kg.merge.incremental import merge_into
from kg.model import Actor, Event, Evidence, Place, TimeSpan
from kg.pipeline import merge_and_link

from articles import ARMENIA, YEMEN

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "examples/easter-truce.txt").read_text(encoding="utf-8")


def _cases() -> list[dict]:
    lines = (ROOT / "tests/data/extraction_cases.jsonl").read_text(encoding="utf-8").splitlines()
    return [{"id": c["id"], "text": c["sentence"], "published": c["published"]}
            for c in map(json.loads, filter(str.strip, lines))]


@pytest.fixture(scope="module")
def batches(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three batches of real reporting: the founding example and other reports first; then the
    example again as other outlets published it (the same day, a day and a week later: its
    events gather reports and links), with reports of the same conflicts; then more."""
    d = tmp_path_factory.mktemp("batches")
    cases = _cases()
    seed = [{"id": f"seed-{n}", "text": SEED, "published": day} for n, day in
            enumerate(["2025-04-21", "2025-04-21", "2025-04-22", "2025-04-28", "2025-05-05"])]
    wire = [{"id": "yemen", "text": YEMEN, "published": "2024-03-04"},
            {"id": "armenia", "text": ARMENIA, "published": "2025-08-09"}]
    groups = [seed[:1] + wire[:1] + cases[:30], seed[1:3] + cases[30:45], seed[3:] + wire[1:] + cases[45:60]]
    paths = []
    for n, rows in enumerate(groups):
        path = d / f"batch-{n}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        paths.append(path)
    return paths


def _build(*args: object) -> str:
    res = CliRunner().invoke(cli, ["build", *map(str, args), "--no-timeline"], prog_name="kg")
    assert res.exit_code == 0, res.output
    return res.output


def _same_exports(a: Path, b: Path) -> None:
    ga, gb = rdflib.Graph().parse(a / "kg.ttl"), rdflib.Graph().parse(b / "kg.ttl")
    assert len(ga) > 1000 and isomorphic(ga, gb)
    assert (a / "events.csv").read_text(encoding="utf-8") == (b / "events.csv").read_text(encoding="utf-8")


def test_adding_through_the_state_gives_what_reading_kg_ttl_gives(batches: list[Path], tmp_path: Path):
    inc, old = tmp_path / "incremental", tmp_path / "whole"
    _build(batches[0], "--out", inc, "-q")
    assert (inc / STATE).is_file()
    shutil.copytree(inc, old)
    for batch in batches[1:]:
        (old / STATE).unlink()  # without a state, --into reads kg.ttl whole (and writes a state)
        said = _build(batch, "--into", inc)
        _build(batch, "--into", old)
        assert "new or changed" in said  # through the state
        _same_exports(inc, old)
    merged = [e for e in load_events([inc]) if len(e.article_ids) > 1]
    assert any(len({a for a in e.article_ids if a.startswith("seed")}) >= 3 for e in merged)
    assert any(e.links for e in merged)


def test_a_state_written_before_its_last_tables_and_columns_is_brought_up_to_date(batches: list[Path],
                                                                                 tmp_path: Path):
    """A state of the same version written before the Turtle of records and reports were kept
    in it, and before occurrences carried their place in the order, gains them on the next
    addition and gives what reading kg.ttl gives."""
    import sqlite3

    out, ref = tmp_path / "out", tmp_path / "ref"
    _build(batches[0], "--out", out, "-q")
    shutil.copytree(out, ref)
    db = sqlite3.connect(out / STATE)
    whole = dict(db.execute("SELECT id, ttl FROM events"))  # such a state kept each event's Turtle whole
    for i, ttl in db.execute("SELECT id, ttl FROM evidence ORDER BY id, key"):
        whole[i] += ttl
    db.executemany("UPDATE events SET ttl = ? WHERE id = ?", [(t, i) for i, t in whole.items()])
    db.commit()
    db.executescript("DROP TABLE tail; DROP TABLE evidence; DROP INDEX occ_first; ALTER TABLE occ DROP COLUMN first;")
    db.close()
    for batch in batches[1:]:
        assert "new or changed" in _build(batch, "--into", out)
        (ref / STATE).unlink()
        _build(batch, "--into", ref)
        _same_exports(out, ref)


def test_a_build_keeps_each_report_apart_and_each_piece_reads_alone(batches: list[Path], tmp_path: Path):
    """A full build keeps, for every event, its own Turtle and that of each of its reports apart,
    so that the first addition that gives an event one more report writes that report only; and
    each piece names the prefixes it uses, so that whatever an addition removes, kg.ttl's header
    still declares every prefix the rest uses."""
    import sqlite3

    from kg.export.rdf_stream import _prefixes, evidence_key

    out = tmp_path / "out"
    _build(batches[0], "--out", out, "-q")
    events = {e.id: e for e in load_events([out])}
    db = sqlite3.connect(out / STATE)
    kept: dict[str, set[str]] = {}
    for i, key in db.execute("SELECT id, key FROM evidence"):
        kept.setdefault(i, set()).add(key)
    assert kept == {i: {evidence_key(r) for r in e.evidence} for i, e in events.items()}
    pieces = [*db.execute("SELECT pfx, ttl FROM events"), *db.execute("SELECT pfx, ttl FROM evidence")]
    for pfx, ttl in pieces:
        head = "".join(f"@prefix {p}: <{_prefixes()[p]}> .\n" for p in pfx.split())
        assert len(rdflib.Graph().parse(data=head + ttl.decode(), format="turtle")) > 0
    db.close()


def test_a_state_that_does_not_describe_kg_ttl_is_not_used(batches: list[Path], tmp_path: Path):
    """A state left from an earlier kg.ttl (a crash between the two commits, a copied folder)
    names a kg.ttl that is not there: the build reads kg.ttl whole."""
    out, ref = tmp_path / "out", tmp_path / "ref"
    _build(batches[0], "--out", out, "-q")
    stale = (out / STATE).read_bytes()
    _build(batches[1], "--into", out)
    shutil.copytree(out, ref)
    (out / STATE).write_bytes(stale)  # describes the first kg.ttl, not this one
    said = _build(batches[2], "--into", out)
    assert "new or changed" not in said
    (ref / STATE).unlink()
    _build(batches[2], "--into", ref)
    _same_exports(out, ref)


def test_a_state_that_others_could_have_written_is_never_read(batches: list[Path], tmp_path: Path):
    """The state's records are pickles, which run code when loaded: a state file writable by
    group or others (planted, or loosened by hand) is ignored like a missing one."""
    out, ref = tmp_path / "out", tmp_path / "ref"
    _build(batches[0], "--out", out, "-q")
    assert (out / STATE).stat().st_mode & 0o777 == 0o644
    shutil.copytree(out, ref, copy_function=shutil.copy2)
    (out / STATE).chmod(0o666)
    said = _build(batches[1], "--into", out)
    assert "new or changed" not in said
    (ref / STATE).unlink()
    _build(batches[1], "--into", ref)
    _same_exports(out, ref)


# --- the merge into a store, on open-ended events ----------------------------------------------

ACTORS = [Actor("russia", "Russia", "country"), Actor("ukraine", "Ukraine", "country"),
          Actor("vladimir-putin", "Vladimir Putin", "person", affiliation="russia"),
          Actor("russia-armed-forces", "Russian armed forces", "armed_forces", affiliation="russia"),
          Actor("united-states", "United States", "country")]
PLACES = [Place("london-gb", "London", "city", country="united-kingdom"),
          Place("pokrovsk-ua", "Pokrovsk", "city", country="ukraine")]
CODES = ["0871", "190", "196", "112", "036", "046", "057", "040"]


@st.composite
def mentions(draw: st.DrawFn, prefix: str) -> list[Event]:
    out = []
    for n in range(draw(st.integers(1, 8))):
        day = dt.date(2025, 4, 1) + dt.timedelta(days=draw(st.integers(0, 40)))
        month = draw(st.booleans())
        time = draw(st.sampled_from([
            TimeSpan(day, day + dt.timedelta(days=draw(st.integers(0, 3))), "day", "explicit"),
            TimeSpan(day, day, "day", "publication"),
            TimeSpan(day.replace(day=1), day.replace(day=1) + dt.timedelta(days=20), "month", "relative"),
        ])) if not month else TimeSpan(None, None, "unknown", "unknown")
        article = f"{prefix}{draw(st.integers(0, 2))}"
        start = draw(st.integers(0, 5)) * 100
        out.append(Event(
            f"{prefix}-{n}", draw(st.sampled_from(CODES)), f"event {prefix}-{n}", time,
            tuple(draw(st.lists(st.sampled_from(ACTORS), max_size=2, unique=True))),
            tuple(draw(st.lists(st.sampled_from(ACTORS), max_size=1))),
            tuple(draw(st.lists(st.sampled_from(PLACES), max_size=1))),
            draw(st.sampled_from(["asserted", "asserted", "planned"])),
            evidence=(Evidence(article, f"sentence {start}", start, start + 50, "trigger",
                               published=dt.date(2025, 4, 21)),),
            confidence=0.6))
    return out


def _state_of(events: list[Event], path: Path) -> tuple[State, Shared]:
    from kg.codebook import lookup

    state = State.create(path)
    shared = Shared()
    for e in events:
        shared.add(e, lookup(e.cameo).code)
        state.put(e, b"", ())
    state.settle(shared)
    return state, shared


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(old=mentions("a"), new=mentions("b"))
def test_merging_into_the_stored_events_is_merging_with_all_of_them(tmp_path: Path, old, new):
    """What a store gives back after ``merge_into`` is what ``merge_and_link`` gives over all
    the stored events as read back and the new mentions: the same events, in the same order."""
    built = merge_and_link(old)
    path = tmp_path / "state.sqlite"
    if path.exists():
        path.unlink()
    state, shared = _state_of(built, path)
    with state:
        merge_into(new, state)
        got = list(state.events())
    read = [as_read(e, shared.actors, shared.places, shared.articles) for e in built]
    assert got == merge_and_link(new, existing=read)


def test_events_as_read_are_what_the_reader_reads_back(seed_events: tuple[Event, ...], tmp_path: Path):
    from kg.codebook import lookup

    write_exports(seed_events, tmp_path, timeline=False)
    shared = Shared()
    for e in seed_events:
        shared.add(e, lookup(e.cameo).code)
    back = {e.id: e for e in load_events([tmp_path])}
    assert [as_read(e, shared.actors, shared.places, shared.articles) for e in seed_events] == \
        [back[e.id] for e in seed_events]


# --- the records the export folds, kept up to date by what an addition changes ----------------

VARIANTS = [Actor("russia", "Russia", "country", ("Moscow",)), Actor("russia", "Russia", "country", ("Kremlin",)),
            Actor("russia", "Russian Federation", "country"), Actor("ukraine", "Ukraine", "country", ("Kyiv",)),
            Actor("ukraine", "Ukraine", "country", ("Kiev",))]


@st.composite
def versions(draw: st.DrawFn) -> tuple[list[Event], list[Event], set[str]]:
    """Stored events, new versions of some of them (other records, reports or days) and new
    events, and the ids an addition merges away."""
    def event(i: str) -> Event:
        day = dt.date(2025, 4, 1) + dt.timedelta(days=draw(st.integers(0, 3)))
        arts = draw(st.lists(st.sampled_from(["p", "q", "r"]), min_size=1, max_size=3, unique=True))
        return Event(i, "190", f"event {i}", TimeSpan(day, day, "day", "explicit"),
                     tuple(draw(st.lists(st.sampled_from(VARIANTS), max_size=3))),
                     tuple(draw(st.lists(st.sampled_from(VARIANTS), max_size=2))),
                     tuple(draw(st.lists(st.sampled_from(PLACES), max_size=1))),
                     evidence=tuple(Evidence(a, "", 0, 0, "", f"https://news.example/{a}",
                                             draw(st.sampled_from([f"Report {a}", f"Report {a}, updated"])),
                                             dt.date(2025, 4, 21)) for a in arts))

    stored = [event(f"e{n}") for n in range(draw(st.integers(1, 6)))]
    ids = [e.id for e in stored]
    changed = [event(i) for i in draw(st.lists(st.sampled_from(ids), unique=True))]
    changed += [event(f"n{n}") for n in range(draw(st.integers(0, 2)))]
    removed = set(draw(st.lists(st.sampled_from(ids), unique=True))) - {e.id for e in changed}
    return stored, changed, removed


def _folded(events: list[Event]) -> Shared:
    from kg.codebook import lookup
    from kg.export.state import _ord

    shared = Shared()
    for e in sorted(events, key=_ord):
        shared.add(e, lookup(e.cameo).code)
    return shared


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=versions())
def test_an_addition_folds_actors_places_and_articles_as_a_build_of_all_would(tmp_path: Path, case):
    """After events are replaced, added or removed, the actors, places and articles the state
    writes into kg.ttl are those a build writing all the events would fold (the first record of
    an id in the export's order wins, aliases pooled in that order)."""
    stored, changed, removed = case
    path = tmp_path / "fold.sqlite"
    if path.exists():
        path.unlink()
    state = State.create(path)
    for e in stored:
        state.put(e, b"", ())
    state.settle(_folded(stored))  # the records as the full build's export folded them
    state.fresh = False  # as the next build opens it
    with state:
        state.replace(changed, removed)
        got = state._shared()
    final = {e.id: e for e in stored if e.id not in removed} | {e.id: e for e in changed}
    want = _folded(list(final.values()))
    assert (got.actors, got.places, got.articles) == (want.actors, want.places, want.articles)


@given(start=st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), days=st.integers(0, 800),
       precision=st.sampled_from(["day", "week", "month", "year"]), vague=st.booleans())
def test_a_span_as_the_build_keeps_it_is_the_span_read_back(start: dt.date, days: int, precision: str,
                                                            vague: bool) -> None:
    """The build gives each event its time as the graph writes it (a span known to the month or
    year over whole months or years, the part it names kept as its earliest and latest days), so
    that what a later addition reads back is what the build merged."""
    from kg.export.rdf_read import _time_as_read
    from kg.temporal.spans import as_written, timespan

    t = as_written(timespan(start, start + dt.timedelta(days=days), precision, "relative", vague=vague))  # type: ignore[arg-type]
    assert _time_as_read(t) == t
    assert t.start is not None and t.end is not None and t.start <= start <= start + dt.timedelta(days=days) <= t.end
    if precision in ("month", "year"):
        assert (t.earliest or t.start, t.latest or t.end) == (start, start + dt.timedelta(days=days))
