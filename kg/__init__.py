"""conflict-kg: news reports about wars and diplomacy -> a dated knowledge graph.

The public API; everything else is an implementation module. Heavy parts (spaCy, pyvis, rdflib)
load on first use, so ``import kg`` is cheap.

>>> import kg
>>> sorted(kg.__all__)[:3]
['Actor', 'Article', 'BuildResult']
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from kg.errors import ExportError, InputError, KGError, ModelError, NoDateError, ValidationError
from kg.model import Actor, Article, Event, Evidence, Place, TimeSpan

if TYPE_CHECKING:  # pragma: no cover
    from kg.export import load_events, write_exports
    from kg.frame import to_dataframe
    from kg.graph import build_graph
    from kg.ingest import read_articles
    from kg.merge import merge_events
    from kg.pipeline import BuildResult, Settings, build, build_events, events_from_text

__all__ = [
    # records
    "Article", "Event", "Actor", "Place", "TimeSpan", "Evidence",
    # pipeline
    "build", "build_events", "events_from_text", "read_articles", "merge_events", "Settings",
    "BuildResult",
    # graph and exports
    "build_graph", "write_exports", "load_events", "to_dataframe",
    # errors
    "KGError", "InputError", "NoDateError", "ModelError", "ExportError", "ValidationError",
]

_LAZY = {
    "build": "kg.pipeline", "build_events": "kg.pipeline", "events_from_text": "kg.pipeline",
    "Settings": "kg.pipeline", "BuildResult": "kg.pipeline", "read_articles": "kg.ingest",
    "merge_events": "kg.merge", "build_graph": "kg.graph", "write_exports": "kg.export",
    "load_events": "kg.export", "to_dataframe": "kg.frame",
}


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
