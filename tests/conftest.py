"""Shared fixtures: the founding example (examples/easter-truce.txt) built and exported once per
test session, so that tests of exports, queries and the CLI reuse one spaCy run.

``seed_export`` is a folder holding kg.ttl, events.csv and timeline.html written by
``kg.export.write_exports``; treat it as read-only (copy it with ``shutil.copytree`` before
changing anything), since every test in the session shares it.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.model import Event

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "easter-truce.txt"
SEED_PUBLISHED = dt.date(2025, 4, 21)  # Monday 21 April 2025, the day the report appeared


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """examples/easter-truce.txt (it carries no date header: give it SEED_PUBLISHED)."""
    return SEED


@pytest.fixture(scope="session")
def seed_published() -> dt.date:
    """The publication date of the founding example."""
    return SEED_PUBLISHED


@pytest.fixture(scope="session")
def seed_events() -> tuple[Event, ...]:
    """The merged events of the founding example, from ``kg.pipeline.build``."""
    from kg.pipeline import build

    result = build([SEED], published=SEED_PUBLISHED)
    assert result.articles == 1 and not result.problems, result.problems
    return result.events


@pytest.fixture(scope="session")
def seed_export(tmp_path_factory: pytest.TempPathFactory, seed_events: tuple[Event, ...]) -> Path:
    """A folder with the founding example's kg.ttl, events.csv and timeline.html (read-only)."""
    from kg.export import write_exports

    out = tmp_path_factory.mktemp("seed-export")
    write_exports(seed_events, out)
    return out
