"""Time the HTML timeline: Python build seconds and first-draw seconds in headless Chromium.

    .venv/bin/python benchmarks/bench_timeline.py            # 1,000 and 5,000 synthetic events
    .venv/bin/python benchmarks/bench_timeline.py 200 20000 --repeat 3

Targets (DESIGN): 5,000 events build in <= 5 s and first draw in <= 2 s. First draw is the
time from navigation start to vis-network's first finished frame (``kgTimeline.firstDrawMs``).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from timeline_fixtures import synthetic_events  # noqa: E402

from kg.export.timeline import write_timeline  # noqa: E402
from kg.graph import build_graph  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def build(n: int, out: Path) -> tuple[float, float]:
    """Seconds to build the graph and to write the page, for ``n`` synthetic events."""
    events = synthetic_events(n)
    t0 = time.perf_counter()
    G = build_graph(events)
    t1 = time.perf_counter()
    write_timeline(G, out)
    return t1 - t0, time.perf_counter() - t1


def first_draw(pages: list[Path], repeat: int) -> dict[Path, list[float]]:
    """First-draw seconds of each page, ``repeat`` times each, or {} without a browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {}
    if not CHROMIUM.exists():
        return {}
    out: dict[Path, list[float]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for page_path in pages:
            for _ in range(repeat):
                page = browser.new_page(viewport={"width": 1400, "height": 860})
                page.goto(page_path.resolve().as_uri())
                page.wait_for_function("window.kgTimeline && window.kgTimeline.ready",
                                       timeout=60000)
                out.setdefault(page_path, []).append(
                    page.evaluate("kgTimeline.firstDrawMs") / 1000)
                page.close()
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=3, help="browser runs per size")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for n in args.sizes:
            page = Path(tmp) / f"timeline-{n}.html"
            graph_s, write_s = build(n, page)
            rows.append((n, page, graph_s, write_s, page.stat().st_size / 1e6))
        draws = first_draw([r[1] for r in rows], args.repeat)
        print(f"{'events':>8} {'graph s':>8} {'page s':>8} {'build s':>8} {'MB':>6} "
              f"{'first draw s (median)':>22}")
        for n, page, graph_s, write_s, mb in rows:
            draw = (f"{statistics.median(draws[page]):.2f}" if page in draws
                    else "skipped: no chromium/playwright")
            print(f"{n:>8} {graph_s:>8.2f} {write_s:>8.2f} {graph_s + write_s:>8.2f} {mb:>6.1f} "
                  f"{draw:>22}")


if __name__ == "__main__":
    main()
