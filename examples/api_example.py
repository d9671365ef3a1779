"""conflict-kg from Python: build the founding example, ask the graph questions, export it.

    python examples/api_example.py [OUT_DIR]
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import kg
from kg.graph.queries import actor_timeline, co_participants

HERE = Path(__file__).resolve().parent


def main(out: Path) -> None:
    result = kg.build([HERE / "easter-truce.txt"], published=dt.date(2025, 4, 21))
    print(f"{len(result.events)} events from {result.articles} article(s)")

    G = kg.build_graph(result.events)
    print("\nRussia's timeline (with Putin and Russian forces):")
    for e in actor_timeline(G, "russia", include_members=True):
        when = e.time.start.isoformat() if e.time.start else "undated"
        print(f"  {when}  {e.cameo:5} {e.label}")

    print("\nWho Ukraine appears with most:", co_participants(G, "ukraine").most_common(3))

    truce = next(e for e in result.events if e.cameo.startswith("0871"))
    print(f"\nThe truce: {truce.time.start} to {truce.time.end}, said in: {truce.evidence[0].sentence!r}")

    written = kg.write_exports(result.events, out)
    print("\nwrote", ", ".join(str(p) for p in written))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out"))
