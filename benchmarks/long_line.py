"""Cost of one article that is a single line without punctuation, by its length (issue 13).

Usage: .venv/bin/python benchmarks/long_line.py [CHARS ...]

Builds an article of the founding example's words with the punctuation taken out, on one line,
at each length (default 25,000 to 190,000 characters), after one warm-up build, and prints
seconds and peak memory: the cost should grow linearly with the length.
"""
from __future__ import annotations

import datetime as dt
import re
import resource
import sys
import time
from pathlib import Path

from kg.ingest import article_from_text
from kg.pipeline import build_events

SEED = Path(__file__).resolve().parents[1] / "examples" / "easter-truce.txt"


def line_of(chars: int) -> str:
    words = re.sub(r"[^\w\s]", " ", SEED.read_text(encoding="utf-8")).split()
    out, n, i = [], 0, 0
    while n < chars:
        out.append(words[i % len(words)])
        n += len(out[-1]) + 1
        i += 1
    return " ".join(out)[:chars]


def main(lengths: list[int]) -> None:
    day = dt.date(2025, 4, 21)
    build_events([article_from_text(SEED.read_text(encoding="utf-8"), day)])  # load model, gazetteer
    for chars in lengths:
        start = time.perf_counter()
        events = build_events([article_from_text(line_of(chars), day, id=f"line-{chars}")])
        took = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{chars:>8,} chars  {took:6.1f} s  {took / chars * 1e6:6.1f} s per million chars  "
              f"{len(events):>5} events  peak {peak:,.0f} MB", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [25_000, 50_000, 100_000, 190_000])
