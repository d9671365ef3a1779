"""The per-user cache of slow reference tables: it saves work, and never changes what is built."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kg.reference import Reference
from kg.reference.cache import cache_dir, cached
from kg.words import load_words


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value
    return calls, build


def test_a_table_is_built_once_and_read_back_after(folder: Path) -> None:
    calls, build = counting({"kyiv": (703448,)})
    assert cached("table", build) == {"kyiv": (703448,)}
    assert cached("table", build) == {"kyiv": (703448,)}
    assert len(calls) == 1
    assert [p.name.split("-")[0] for p in folder.iterdir()] == ["table"]


def test_a_damaged_file_is_built_anew_and_replaced(folder: Path) -> None:
    cached("table", lambda: [1, 2, 3])
    (path,) = folder.glob("table-*.pickle")
    path.write_bytes(b"\x80\x05not a pickle")
    calls, build = counting([1, 2, 3])
    assert cached("table", build) == [1, 2, 3] and calls == [1]
    assert cached("table", build) == [1, 2, 3] and calls == [1]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_file_others_could_have_written_is_not_read(folder: Path) -> None:
    cached("table", lambda: "mine")
    (path,) = folder.glob("table-*.pickle")
    path.chmod(path.stat().st_mode | stat.S_IWOTH)
    assert cached("table", lambda: "built") == "built"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    monkeypatch.setenv("KG_CACHE_DIR", str(locked / "cache"))
    assert cached("table", lambda: 42) == 42


def test_a_folder_that_is_a_file_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cache").write_text("a user's file")
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    assert cached("table", lambda: 42) == 42
    assert (tmp_path / "cache").read_text() == "a user's file"


def test_an_empty_kg_cache_dir_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    calls, build = counting(7)
    cached("table", build), cached("table", build)
    assert cache_dir() is None and len(calls) == 2 and not list(tmp_path.iterdir())


def test_the_cached_gazetteer_is_the_one_built(folder: Path) -> None:
    words = load_words()
    built = Reference(words).gazetteer  # builds and stores
    read = Reference(words).gazetteer  # reads the file back
    assert read is not built and read == built
    assert read.by_name["kyiv"] == built.by_name["kyiv"] and read.refs.keys() == built.refs.keys()


def test_each_city_table_has_its_own_file(folder: Path) -> None:
    words = load_words()
    small = Reference(words, min_city_population=15000).gazetteer
    large = Reference(words).gazetteer
    assert len(small.cities) < len(large.cities)
    assert len(Reference(words, min_city_population=15000).gazetteer.cities) == len(small.cities)
    assert sorted(p.name.split("-")[1] for p in folder.glob("gazetteer-*")) == ["15000", "5000"]
