"""Speed of the whole pipeline against bare spaCy, side by side in one run.

    python benchmarks/bench_pipeline.py [--articles 300] [--repeat 2] [FILES_OR_FOLDERS...]

Articles come from the given inputs, or are composed from the bundled example and the real-world
sentences of tests/data/extraction_cases.jsonl (a fixed random seed, ~300 words each). Prints
articles/s and words/s for spaCy's own ``nlp.pipe`` over the same texts and model, for the
whole pipeline (ingest records -> extract -> resolve -> merge -> links), their ratio, and the time
spent resolving dates per article.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _compose(n: int, seed: int = 7) -> list[tuple[str, dt.date]]:
    cases = [json.loads(line) for line in (ROOT / "tests/data/extraction_cases.jsonl").open(encoding="utf-8")
             if line.strip()]
    seed_text = (ROOT / "examples/easter-truce.txt").read_text(encoding="utf-8")
    rng = random.Random(seed)
    out = [(seed_text, dt.date(2025, 4, 21))]
    while len(out) < n:
        picked = rng.sample(cases, k=min(len(cases), rng.randint(10, 16)))
        text = "\n".join(c["sentence"] for c in picked)
        out.append((text, dt.date.fromisoformat(picked[0]["published"])))
    return out


def _load(paths: list[str]) -> list[tuple[str, dt.date | None]]:
    from kg.ingest import read_articles

    return [(a.text, a.published) for a in read_articles(paths, on_error=lambda e: None)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=2)
    a = ap.parse_args()

    import kg.resolve as resolve_stage
    from kg.extract import load_nlp
    from kg.ingest import article_from_text
    from kg.pipeline import Settings, build_events

    docs = _load(a.inputs) if a.inputs else _compose(a.articles)
    words = sum(len(t.split()) for t, _ in docs)
    nlp = load_nlp()  # with our line-break component, as the pipeline runs it
    articles = [article_from_text(t, d, id=f"bench-{i}") for i, (t, d) in enumerate(docs)]
    build_events(articles[:3])  # warm up: model, lexicon, gazetteers, codebook

    # time spent on dates, measured by wrapping the resolver the pipeline calls
    spent = [0.0]
    real = resolve_stage.resolve_span

    def timed(*args):
        t0 = time.perf_counter()
        try:
            return real(*args)
        finally:
            spent[0] += time.perf_counter() - t0

    bare, full, dates = [], [], []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe((t for t, _ in docs), batch_size=16):
            pass
        bare.append(time.perf_counter() - t0)
        spent[0] = 0.0
        resolve_stage.resolve_span = timed
        try:
            t0 = time.perf_counter()
            events = build_events(articles, Settings())
            full.append(time.perf_counter() - t0)
        finally:
            resolve_stage.resolve_span = real
        dates.append(spent[0])
    b, f, d = statistics.median(bare), statistics.median(full), statistics.median(dates)
    n = len(docs)
    print(f"{n} articles, {words:,} words, {len(events)} merged events; median of {a.repeat} runs")
    print(f"{'':28}{'seconds':>9}{'articles/s':>12}{'words/s':>10}")
    print(f"{'spaCy nlp.pipe (bare)':28}{b:9.2f}{n / b:12.1f}{words / b:10.0f}")
    print(f"{'conflict-kg pipeline':28}{f:9.2f}{n / f:12.1f}{words / f:10.0f}")
    print(f"pipeline speed = {b / f:.2f}x bare spaCy (goal >= 0.70x)")
    print(f"dates: {d:.3f} s in all, {1000 * d / n:.2f} ms per article, "
          f"{100 * d / f:.1f}% of the pipeline ({1000 * f / n:.1f} ms per article)")


if __name__ == "__main__":
    main()
