"""Growth of a whole `kg build` with the number of articles: time, time per article, peak memory,
events and lifecycle links per event; the Dask engine beside the local one; bare spaCy beside both.

    nice python benchmarks/bench_scale.py [--sizes 1000,3000,10000] [--dask 1000] [--workers 2]
                                          [--articles DIR] [--keep DIR] [--into 10]

The corpus cycles the development articles (default /work/shared/eval/dev/articles, read with
kg's own ingest) with new ids, and publication dates moved on by a week per cycle (so relative
dates move too, while dates written in full stay: those events gather a report per cycle), as
JSONL files of 100 articles. Each build is a separate `kg build` process (peak memory is that process's
maximum resident set; with Dask, the client process's, the workers' excluded); its timeline is
skipped (--timeline keeps it). Bare spaCy is `nlp.pipe` over the same texts in its own process.
Last, ``--into`` new articles (the next of the corpus) are added to the largest export with
`kg build --into`, twice (the first addition after a full build, then the next), each timed
beside a build of the same articles alone with `--out`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-m", "kg.cli"]
LINKS = ("violates", "ends", "resumes", "outcomeOf", "schedules", "claimAbout")
_BARE = """
import json, sys, pathlib
from kg.extract.nlp import load_nlp, with_line_breaks
nlp = with_line_breaks(load_nlp())
texts = (json.loads(l)["text"] for f in sorted(pathlib.Path(sys.argv[1]).glob("*.jsonl")) for l in open(f))
for _ in nlp.pipe(texts, batch_size=16):
    pass
"""


def write_corpus(source: Path, n: int, out: Path, per_file: int = 100, first: int = 0) -> int:
    """``n`` articles cycling those in ``source`` (from the ``first``-th on: a later batch of the
    same stream), as JSONL files in ``out``; returns their words."""
    from kg.ingest import read_articles

    base = list(read_articles([source], on_error=lambda e: None))
    out.mkdir(parents=True, exist_ok=True)
    words, lines = 0, []
    for i in range(first, first + n):
        cycle, a = divmod(i, len(base))
        art = base[a]
        published = (art.published or dt.date(2025, 1, 1)) + dt.timedelta(days=7 * cycle)
        lines.append(json.dumps({"id": f"{art.id}-c{cycle}", "text": art.text, "url": art.url,
                                 "title": art.title, "published": published.isoformat()}))
        words += len(art.text.split())
        if len(lines) == per_file or i == first + n - 1:
            (out / f"part-{i // per_file:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            lines = []
    return words


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall time (s), CPU time (s) and peak resident memory (GB) of one process; on a shared
    machine the CPU time is the steadier measure."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a chatty process never blocks
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        log.seek(0)
        err = log.read().decode(errors="replace")
    if status != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024 / 1024


def count(ttl: Path) -> tuple[int, int, int]:
    """Events, lifecycle links and triples of an export, counted in a process of its own (a
    store of millions of triples in this one would count in the peak memory of each process it
    starts after: a child's maximum resident set includes the parent's image it forked from)."""
    out = subprocess.run([sys.executable, __file__, "--count", str(ttl)], check=True,
                         capture_output=True, text=True).stdout.split()
    return int(out[0]), int(out[1]), int(out[2])


def _count(ttl: Path) -> tuple[int, int, int]:
    import pyoxigraph

    store = pyoxigraph.Store()
    store.bulk_load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
    ckg = "https://w3id.org/conflict-kg/ontology#"
    events = next(iter(store.query("SELECT (COUNT(?e) AS ?n) WHERE "
                                   "{ ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }")))["n"]
    values = " ".join(f"<{ckg}{r}>" for r in LINKS)
    links = next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?p {{ {values} }} ?a ?p ?b }}")))["n"]
    return int(events.value), int(links.value), len(store)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,3000,10000")
    ap.add_argument("--dask", default="1000", help="sizes to build with --engine dask as well ('' for none)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--spacy", default="1000", help="sizes to time bare spaCy on ('' for none)")
    ap.add_argument("--articles", type=Path, default=Path("/work/shared/eval/dev/articles"))
    ap.add_argument("--timeline", action="store_true")
    ap.add_argument("--into", type=int, default=10, help="articles added with --into to the largest export (0: none)")
    ap.add_argument("--keep", type=Path, help="keep corpora and exports here")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",") if s]
    dask_sizes = {int(s) for s in a.dask.split(",") if s}
    spacy_sizes = {int(s) for s in a.spacy.split(",") if s}
    work = a.keep or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    print(f"{'articles':>8} {'engine':>8} {'seconds':>8} {'CPU s':>8} {'CPU ms/article':>14} {'peak GB':>8} "
          f"{'events':>7} {'links':>6} {'links/event':>11} {'triples':>9}", flush=True)
    for n in sizes:
        corpus = work / f"corpus-{n}"
        write_corpus(a.articles, n, corpus)
        if n in spacy_sizes:
            secs, cpu, peak = run([sys.executable, "-c", _BARE, str(corpus)])
            print(f"{n:>8} {'spaCy':>8} {secs:8.1f} {cpu:8.1f} {1000 * cpu / n:14.1f} {peak:8.2f}", flush=True)
        engines = ["local"] + (["dask"] if n in dask_sizes else [])
        for engine in engines:
            out = work / f"out-{n}-{engine}"
            cmd = [*KG, "build", str(corpus), "--out", str(out), "-q"] + ([] if a.timeline else ["--no-timeline"])
            if engine == "dask":
                cmd += ["--engine", "dask", "--workers", str(a.workers)]
            secs, cpu, peak = run(cmd)
            events, links, triples = count(out / "kg.ttl")
            print(f"{n:>8} {engine:>8} {secs:8.1f} {cpu:8.1f} {1000 * cpu / n:14.1f} {peak:8.2f} {events:>7} "
                  f"{links:>6} {links / max(1, events):11.2f} {triples:>9}", flush=True)
    if sizes and a.into:
        into_cost(a, work, max(sizes))


def into_cost(a: argparse.Namespace, work: Path, n: int) -> None:
    """The cost of adding ``a.into`` new articles (the next of the corpus's stream) to the export
    of ``n`` with ``kg build --into``, beside building those articles alone with ``--out``: the
    first addition after the full build (it also keeps, in the state, the Turtle of the records
    and reports it touches), then the next ``a.into``, as a user adding often meets it."""
    skip = [] if a.timeline else ["--no-timeline"]
    for step, what in enumerate(("first", "next")):
        new = work / f"new-{step}-{a.into}"
        write_corpus(a.articles, a.into, new, first=n + step * a.into)
        alone = run([*KG, "build", str(new), "--out", str(work / f"alone-{step}-{a.into}"), "-q", *skip])
        into = run([*KG, "build", str(new), "--into", str(work / f"out-{n}-local"), "-q", *skip])
        print(f"--into, {what} {a.into} articles on {n}: {into[0]:.1f} s, {into[1]:.1f} CPU s, "
              f"{into[2]:.2f} GB peak; the same {a.into} alone: {alone[0]:.1f} s, {alone[1]:.1f} CPU s, "
              f"{alone[2]:.2f} GB peak; difference {into[0] - alone[0]:+.1f} s "
              f"({into[1] - alone[1]:+.1f} CPU s)", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--count"]:
        print(*_count(Path(sys.argv[2])))
    else:
        main()
