"""The whole pipeline, one direction: ingest -> extract -> resolve -> merge -> graph -> export."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.model import Article, Event

__all__ = ["Settings", "BuildResult", "build", "build_events", "merge_and_link", "events_from_text"]


@dataclass(frozen=True)
class Settings:
    """How a build runs. Passed explicitly; there is no global configuration."""

    model: str | None = None  # spaCy pipeline name; default: en_core_web_sm, else its re-upload
    batch_size: int = 16
    keep_actorless: bool = False  # keep events that name no participant at all
    engine: str = "local"  # "local" (this process) or "dask" (ingest, extract, resolve on Dask workers)
    workers: int | None = None  # dask: size of the local cluster to start (default 2)
    scheduler: str | None = None  # dask: address of a running scheduler, e.g. tcp://host:8786


@dataclass(frozen=True)
class BuildResult:
    """What a build gives: the merged events, how many articles were read, and the input
    problems that were reported and skipped."""

    events: tuple[Event, ...]
    articles: int
    problems: tuple[InputError, ...]


def build_events(articles: Iterable[Article], settings: Settings = Settings(),
                 existing: Iterable[Event] = ()) -> list[Event]:
    """Merged, linked events from articles (extract -> resolve -> merge).

    ``existing`` events (read back from an earlier export) are merged with the new ones and
    keep their ids, so a re-run over more articles keeps every IRI it published.
    """
    from kg.extract import extract, load_nlp
    from kg.resolve import resolve_all

    nlp = load_nlp(settings.model)
    mentions = resolve_all(extract(articles, nlp=nlp, batch_size=settings.batch_size))
    return merge_and_link(mentions, settings, existing)


def merge_and_link(mentions: Iterable[Event], settings: Settings = Settings(),
                   existing: Iterable[Event] = ()) -> list[Event]:
    """Resolved mentions (and ``existing`` events, whose ids stay) merged, linked and dated."""
    from kg.merge import date_from_links, link_events, merge_events

    old = list(existing)
    merged = merge_events([*old, *mentions], keep_actorless=settings.keep_actorless,
                          keep_ids={e.id for e in old})
    dated = date_from_links(link_events(merged))
    return sorted(dated, key=lambda e: (e.time.start or dt.date.max, e.id))  # dating may move events


def build(paths: Iterable[str | Path], *, published: dt.date | None = None,
          settings: Settings = Settings(), existing: Iterable[Event] = (),
          on_error: Callable[[InputError], None] | None = None,
          on_warning: Callable[[InputError], None] | None = None,
          progress: Callable[[Article], None] | None = None) -> BuildResult:
    """Read the inputs and return their merged events; bad inputs are reported, not fatal."""
    from kg.ingest import read_articles

    if settings.engine == "dask":
        from kg.engines.dask import build_dask

        return build_dask(paths, published=published, settings=settings, existing=existing,
                          on_error=on_error, on_warning=on_warning, progress=progress)

    problems: list[InputError] = []

    def _problem(err: InputError) -> None:
        problems.append(err)
        if on_error is not None:
            on_error(err)

    count = 0

    def _counted(arts: Iterable[Article]) -> Iterator[Article]:
        nonlocal count
        for a in arts:
            count += 1
            if progress is not None:
                progress(a)
            yield a

    arts = read_articles(paths, published=published, on_error=_problem, on_warning=on_warning)
    events = build_events(_counted(arts), settings, existing)
    return BuildResult(tuple(events), count, tuple(problems))


def events_from_text(text: str, published: dt.date | None, *, url: str | None = None,
                     title: str | None = None, settings: Settings = Settings()) -> list[Event]:
    """Events of one article given as a string.

    >>> import datetime as dt
    >>> evs = events_from_text("Sudan and Ethiopia signed a border agreement in Addis Ababa on Monday.",
    ...                        dt.date(2021, 6, 10))
    >>> [(e.cameo, e.time.start.isoformat()) for e in evs]
    [('057', '2021-06-07')]
    """
    from kg.ingest import article_from_text

    return build_events([article_from_text(text, published, url=url, title=title)], settings)
