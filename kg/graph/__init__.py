"""The knowledge graph as a networkx MultiDiGraph, and graph questions as free functions."""
from __future__ import annotations

from kg.graph.build import build_graph, events_of

__all__ = ["build_graph", "events_of"]
