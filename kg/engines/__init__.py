"""Engines that run the per-article stages (ingest, extract, resolve) somewhere other than this
process; the local build is :func:`kg.pipeline.build` itself."""
from __future__ import annotations

__all__ = ["ENGINES"]

ENGINES: tuple[str, ...] = ("local", "dask")
