"""Time the HTML timeline: page size, build seconds and first draw in headless Chromium.

    .venv/bin/python benchmarks/bench_timeline.py                 # 1k, 5k, 20k and 50k events
    .venv/bin/python benchmarks/bench_timeline.py 17000 --repeat 1 --keep out/
    .venv/bin/python benchmarks/bench_timeline.py 1000 --synthetic   # tests' random generator

Events are the 117 of the 9 dev articles built together (tests/data/dev-articles.ttl.gz),
replicated with new ids, dates shifted by a few weeks to years, renamed actors (12 variants of
each person, force or group; countries stay) and sentences and headlines made distinct per
copy, so that nothing is shared that real reporting would not share. Targets (issue 14): 17,000 events in <= 15 MB with a first draw in
<= 3 s; 50,000 still open. First draw is the time from navigation start to the page's first
finished frame (``kgTimeline.firstDrawMs``). The browser part runs Playwright for Python from
this venv with Debian's /usr/bin/chromium.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from timeline_fixtures import dev_articles_events, synthetic_events  # noqa: E402

from kg.export.timeline import write_timeline  # noqa: E402
from kg.graph import build_graph  # noqa: E402
from kg.model import Actor, Event  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _rename(actor: Actor, k: int) -> Actor:
    v = k % 12
    if v == 0 or actor.type == "country":  # the same countries, other people and groups
        return actor
    aff = f"{actor.affiliation}-v{v}" if actor.affiliation else None
    return dataclasses.replace(actor, id=f"{actor.id}-v{v}", name=f"{actor.name} {v}",
                               affiliation=aff)


def replicated_events(n: int) -> list[Event]:
    """``n`` events: copies of the dev articles' events, each copy its own story."""
    base = [e for e in dev_articles_events()]
    out: list[Event] = []
    k = 0
    while len(out) < n:
        shift = dt.timedelta(days=(k * 41) % 2900 - 1200) if k else dt.timedelta(0)
        ids = {e.id: f"{e.id}-r{k}" if k else e.id for e in base}
        for e in base:
            if len(out) >= n:
                break
            t = e.time
            if t.start is not None:
                t = dataclasses.replace(t, start=t.start + shift,
                                        end=t.end + shift if t.end else None)
            evidence = tuple(dataclasses.replace(
                v, article_id=f"{v.article_id}-r{k}",
                sentence=f"{v.sentence} [{k}]" if k else v.sentence,
                title=f"{v.title} [{k}]" if v.title and k else v.title,
                published=v.published + shift if v.published else None) for v in e.evidence)
            out.append(dataclasses.replace(
                e, id=ids[e.id], time=t, evidence=evidence,
                sources=tuple(_rename(a, k) for a in e.sources),
                targets=tuple(_rename(a, k) for a in e.targets),
                claimed_by=tuple(_rename(a, k) for a in e.claimed_by),
                links=tuple((rel, ids.get(other, other)) for rel, other in e.links)))
        k += 1
    return out


def build(events: list[Event], out: Path) -> tuple[float, float]:
    """Seconds to build the graph and to write the page."""
    t0 = time.perf_counter()
    G = build_graph(events)
    t1 = time.perf_counter()
    write_timeline(G, out, title=f"{len(events):,} events")
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
                page.goto(page_path.resolve().as_uri(), timeout=120000)
                page.wait_for_function("window.kgTimeline && window.kgTimeline.ready",
                                       timeout=120000)
                out.setdefault(page_path, []).append(
                    page.evaluate("kgTimeline.firstDrawMs") / 1000)
                page.close()
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000, 20000, 50000])
    parser.add_argument("--repeat", type=int, default=3, help="browser runs per size")
    parser.add_argument("--synthetic", action="store_true",
                        help="the tests' random generator instead of replicated dev events")
    parser.add_argument("--keep", type=Path, help="a folder to keep the pages in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        rows = []
        for n in args.sizes:
            events = synthetic_events(n) if args.synthetic else replicated_events(n)
            page = folder / f"timeline-{n}.html"
            graph_s, write_s = build(events, page)
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
