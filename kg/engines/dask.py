"""The Dask engine: ingest, extraction and resolution on Dask workers, merge and links here.

Input files are split into partitions; a worker reads its partition's files, runs spaCy over
their articles (the model loads once per worker process) and resolves them, and sends back the
articles' events (with the errors and warnings of the files, as values). This process then takes
each article once, in the same order as the local build (so duplicates and clashing ids are
treated alike), and merges and links the events with the same functions: the exports are the
same as the local build's.
"""
from __future__ import annotations

import dataclasses
import functools
import datetime as dt
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import ArticleError, InputError, InputWarning, KGError, NoDateError
from kg.model import Article, Event

if TYPE_CHECKING:
    from distributed import Client

    from kg.pipeline import BuildResult, Settings

__all__ = ["build_dask", "INSTALL_HINT"]

INSTALL_HINT = "the dask engine needs dask.distributed: pip install 'conflict-kg[dask]'"
_FILES_PER_PARTITION = 64
_PROBLEMS = {"InputError": InputError, "NoDateError": NoDateError, "InputWarning": InputWarning,
             "ArticleError": ArticleError}
# spaCy pipelines are not safe to share between threads: one article stream at a time per process
_NLP_LOCK = threading.Lock()

# A partition's result, in file order: a problem (kind, source, problem, hint) or an article with
# its resolved events, or with the problem that kept it from being built.
_Value = tuple[str, str, str, str]
_Item = _Value | tuple[Article, list[Event] | _Value]


def _as_value(err: InputError) -> tuple[str, str, str, str]:
    # exceptions with their own __init__ do not survive pickling; their fields do
    return type(err).__name__, err.source, err.problem, err.hint


def _from_value(value: tuple[str, str, str, str]) -> InputError:
    kind, source, problem, hint = value
    return _PROBLEMS.get(kind, InputError)(source, problem, hint)


def events_of(articles: Sequence[Article], model: str | None, batch_size: int) -> list[list[Event]]:
    """The resolved events of each article (runs on a worker): the local build's own functions."""
    from kg.extract import extract, load_nlp
    from kg.resolve import resolve

    with _NLP_LOCK:
        nlp = load_nlp(model)  # cached: once per worker process
        return [resolve(ex) for ex in extract(articles, nlp=nlp, batch_size=batch_size)]


def events_or_errors(articles: Sequence[Article], model: str | None,
                     batch_size: int) -> list[list[Event] | _Value]:
    """:func:`events_of` with the local build's error boundary: when the batch fails, its
    articles are built one by one, and an article that fails gives its error, not its events."""
    from kg.pipeline import _article_error

    try:
        return list(events_of(articles, model, batch_size))
    except Exception:  # noqa: BLE001 - found again below, article by article
        pass
    done: list[list[Event] | _Value] = []
    for article in articles:
        try:
            done.extend(events_of([article], model, 1))
        except Exception as e:  # noqa: BLE001 - the error boundary of one article
            done.append(_as_value(_article_error(article, e)))
    return done


def read_partition(files: Sequence[str], published: dt.date | None, model: str | None,
                   batch_size: int) -> list[_Item]:
    """Read, extract and resolve one partition of input files (runs on a worker)."""
    from kg.ingest.readers import read_file

    items: list[Any] = []
    for f in files:
        try:
            for item in read_file(Path(f), published=published):
                items.append(_as_value(item) if isinstance(item, InputError) else item)
        except InputError as err:
            items.append(_as_value(err))
    articles = [x for x in items if isinstance(x, Article)]
    found = iter(events_or_errors(articles, model, batch_size))
    return [(x, next(found)) if isinstance(x, Article) else x for x in items]


def _partitions(files: list[Path], workers: int) -> list[list[str]]:
    size = max(1, min(_FILES_PER_PARTITION, len(files) // max(1, 4 * workers)))
    return [[str(f) for f in files[i:i + size]] for i in range(0, len(files), size)]


def _connect(settings: "Settings") -> tuple["Client", Callable[[], None]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise KGError(INSTALL_HINT) from e
    if settings.scheduler:
        try:
            client = Client(settings.scheduler, timeout="30s")
        except (OSError, TimeoutError) as e:
            raise KGError(f"cannot reach the Dask scheduler at {settings.scheduler} ({e}); "
                          "start one with `dask scheduler` or give --workers N instead") from e
        return client, client.close
    cluster = LocalCluster(n_workers=settings.workers or 2, threads_per_worker=1,
                           dashboard_address=None)
    client = Client(cluster)

    def close() -> None:
        client.close()
        cluster.close()
    return client, close


def build_dask(paths: Iterable[str | Path], *, published: dt.date | None, settings: "Settings",
               existing: Iterable[Event] = (), known: Mapping[str, str] | None = None,
               on_error: Callable[[InputError], None] | None = None,
               on_warning: Callable[[InputError], None] | None = None,
               progress: Callable[[Article], None] | None = None) -> "BuildResult":
    """:func:`kg.pipeline.build` with ingest, extraction and resolution on Dask workers
    (``settings.scheduler``'s, or a local cluster of ``settings.workers`` processes)."""
    from kg.pipeline import BuildResult, _against_known, merge_and_link

    problems: list[InputError] = []

    def _problem(err: InputError) -> None:
        problems.append(err)
        if on_error is not None:
            on_error(err)

    old = list(existing)
    client, close = _connect(settings)
    count, unchanged, digests, mentions = 0, 0, {}, []
    try:
        for article, events, digest in _stream(client, paths, published, settings, _problem, on_warning):
            kept = _against_known(article, digest, known or {}, on_warning)
            if kept is None:  # the graph already holds it: nothing changes
                unchanged += 1
                continue
            if kept.id != article.id:
                events = [dataclasses.replace(e, evidence=tuple(
                    dataclasses.replace(v, article_id=kept.id) for v in e.evidence)) for e in events]
            count += 1
            digests[kept.id] = digest
            if progress is not None:
                progress(kept)
            mentions.extend(events)
    finally:
        close()
    merged = merge_and_link(mentions, settings, old)
    failed = sum(isinstance(p, ArticleError) for p in problems)
    return BuildResult(tuple(merged), count, tuple(problems), digests, failed, unchanged)


def _stream(client: "Client", paths: Iterable[str | Path], published: dt.date | None,
            settings: "Settings", on_error: Callable[[InputError], None],
            on_warning: Callable[[InputError], None] | None) -> Iterator[tuple[Article, list[Event], str]]:
    """Each article once with its events and its text's digest (the text itself is dropped), in the
    local build's order; partitions are taken in order as they finish, so only the partitions in
    flight are held."""
    from kg.pipeline import text_digest

    from kg.ingest import _unique  # the local build's rule for duplicates and clashing ids
    from kg.ingest import expand_paths

    warn = on_warning or (lambda err: None)
    files = list(expand_paths(paths, on_error=on_error))
    workers = len(client.scheduler_info().get("workers", {})) or 1
    # partial, not keywords: Client.map keeps ``batch_size`` for itself
    task = functools.partial(read_partition, published=published, model=settings.model,
                             batch_size=settings.batch_size)
    futures = client.map(task, _partitions(files, workers), pure=False)
    seen: dict[str, tuple[str, str]] = {}
    for future in futures:
        for item in future.result():
            if isinstance(item[0], Article):
                article, events = item
                kept = _unique(article, seen, warn)
                if kept is None:
                    continue
                if kept.id != article.id:  # a different text under a taken id: resolve it anew
                    events = client.submit(events_or_errors, [kept], settings.model, 1,
                                           pure=False).result()[0]
                if isinstance(events, tuple):  # it could not be built: the others are
                    on_error(_from_value(events))
                    events = []
                if kept.published is None:
                    warn(NoDateError(kept.origin, "no publication date; relative dates stay unknown",
                                     "give one with --published YYYY-MM-DD"))
                yield dataclasses.replace(kept, text=""), events, text_digest(kept.text)
            else:
                err = _from_value(item)  # type: ignore[arg-type]
                (warn if isinstance(err, InputWarning) else on_error)(err)
        future.release()
