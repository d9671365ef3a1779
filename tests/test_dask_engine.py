"""The Dask engine builds what the local build builds: the same events, IRIs and exports."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

import kg
from kg.cli import cli
from kg.errors import KGError
from kg.pipeline import Settings

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def scheduler():
    """A small in-process cluster (one worker thread): cheap, and enough to send work through it."""
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """The founding example and real-world sentences as JSONL batches, with a copy read twice, an
    id given to two different texts and a broken line, so partitions must keep the local order."""
    d = tmp_path_factory.mktemp("inputs")
    cases = [json.loads(line) for line in (ROOT / "tests/data/extraction_cases.jsonl").read_text().splitlines()
             if line.strip()][:24]
    rows = [{"id": c["id"], "text": c["sentence"], "published": c["published"]} for c in cases]
    first = [json.dumps(r) for r in rows[:12]] + ["{not json"]
    second = [json.dumps(r) for r in rows[12:]] + [json.dumps(rows[0]),  # the same article again
                                                    json.dumps({**rows[13], "id": rows[1]["id"]})]  # a taken id
    (d / "a.jsonl").write_text("\n".join(first) + "\n", encoding="utf-8")
    (d / "b.jsonl").write_text("\n".join(second) + "\n", encoding="utf-8")
    shutil.copy(ROOT / "examples/easter-truce.txt", d / "c.txt")
    return [d / "a.jsonl", d / "b.jsonl", d / "c.txt"]


def _build(inputs, settings=Settings()):
    import datetime as dt

    warnings = []
    result = kg.build(inputs, published=dt.date(2025, 4, 21), settings=settings, on_warning=warnings.append)
    return result, [str(w) for w in warnings]


def test_a_dask_build_gives_the_local_events_and_reports_the_same_problems(inputs, scheduler):
    local, local_warnings = _build(inputs)
    remote, remote_warnings = _build(inputs, Settings(engine="dask", scheduler=scheduler))
    assert local.events and remote.events == local.events
    assert remote.articles == local.articles == 25 + 1  # 24 + the re-identified one, and the seed
    assert [str(p) for p in remote.problems] == [str(p) for p in local.problems] and local.problems
    assert remote_warnings == local_warnings and any("read once" in w for w in local_warnings)


def test_kg_build_on_dask_writes_the_local_exports(inputs, scheduler, tmp_path):
    runner = CliRunner()
    args = [*map(str, inputs), "--published", "2025-04-21", "--no-timeline", "-q"]
    local = runner.invoke(cli, ["build", *args, "--out", str(tmp_path / "local")])
    res = runner.invoke(cli, ["build", *args, "--out", str(tmp_path / "dask"),
                              "--engine", "dask", "--scheduler", scheduler])
    # the inputs hold a broken line: both builds say some inputs failed (exit status 3)
    assert local.exit_code == res.exit_code == 3, res.output
    graphs = [rdflib.Graph().parse(tmp_path / d / "kg.ttl") for d in ("local", "dask")]
    assert len(graphs[0]) > 500 and isomorphic(*graphs)
    assert (tmp_path / "dask/events.csv").read_bytes() == (tmp_path / "local/events.csv").read_bytes()


def test_without_dask_the_engine_says_what_to_install(inputs, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    with pytest.raises(KGError, match=r"pip install 'conflict-kg\[dask\]'"):
        _build(inputs, Settings(engine="dask"))
    res = CliRunner().invoke(cli, ["build", str(inputs[2]), "--out", "x", "--engine", "dask"])
    assert res.exit_code != 0 and "conflict-kg[dask]" in res.output


def test_cluster_options_go_with_the_dask_engine():
    res = CliRunner().invoke(cli, ["build", "examples/easter-truce.txt", "--out", "x", "--workers", "2"])
    assert res.exit_code == 2 and "--engine dask" in res.output


def test_an_article_that_fails_on_a_worker_loses_only_itself(inputs, scheduler, monkeypatch):
    """The local build's error boundary holds on the workers: the article whose resolution
    raises is reported as an ArticleError naming its file and line, and the others are built."""
    import kg.resolve as resolve
    from kg.errors import ArticleError

    real = resolve.resolve

    def failing(ex, res=None):
        if "Easter" in ex.article.text:  # the founding example breaks; the batches do not
            raise RecursionError("deep")
        return real(ex, res)

    monkeypatch.setattr(resolve, "resolve", failing)  # the cluster runs in this process
    local, _ = _build(inputs)
    remote, _ = _build(inputs, Settings(engine="dask", scheduler=scheduler))
    failed = [p for p in remote.problems if isinstance(p, ArticleError)]
    assert len(failed) == 1 and failed[0].source.endswith("c.txt") and "RecursionError" in str(failed[0])
    assert remote.failed == local.failed == 1
    assert remote.events == local.events and remote.events  # the other 25 articles all built
    assert remote.articles == local.articles
