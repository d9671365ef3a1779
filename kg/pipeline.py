"""The whole pipeline, one direction: ingest -> extract -> resolve -> merge -> graph -> export.

One article never takes a build down: an unexpected error while extracting or resolving it
becomes an :class:`~kg.errors.ArticleError` naming it (and, where known, the sentence), handed
to ``on_error`` as spaCy's ``Language.pipe`` hands a bad document to its error handler; the
other articles are built.
"""
from __future__ import annotations

import base64
import contextlib
import datetime as dt
import gc
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from kg.errors import ArticleError, InputError, InputWarning
from kg.model import Article, Event
from kg.resources import Resources, default_resources

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.merge.incremental import Store

__all__ = ["Settings", "BuildResult", "build", "build_events", "merge_and_link", "events_from_text",
           "text_digest"]

ErrorHandler = Callable[[InputError], None]


@dataclass(frozen=True)
class Settings:
    """How a build runs. Passed explicitly; there is no global configuration."""

    model: str | None = None  # spaCy pipeline name; default: en_core_web_sm, else its re-upload
    batch_size: int = 16
    keep_actorless: bool = False  # keep events that name no participant at all
    engine: str = "local"  # "local" (this process) or "dask" (ingest, extract, resolve on Dask workers)
    workers: int | None = None  # dask: size of the local cluster to start (default 2)
    scheduler: str | None = None  # dask: address of a running scheduler, e.g. tcp://host:8786
    # the lexicon, word classes and reference tables (a larger gazetteer, say); the package's own if None
    resources: Resources | None = None

    def __post_init__(self) -> None:
        if self.model is not None and not isinstance(self.model, str):
            raise TypeError(f"Settings.model must be a spaCy pipeline name (str) or None, "
                            f"not {type(self.model).__name__}")
        if isinstance(self.batch_size, bool) or not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise ValueError(f"Settings.batch_size must be a whole number of articles, 1 or more; "
                             f"got {self.batch_size!r}")
        if self.engine not in ("local", "dask"):
            raise ValueError(f"Settings.engine must be 'local' or 'dask', not {self.engine!r}")


@dataclass(frozen=True)
class BuildResult:
    """What a build gives: the merged events, how many articles were read, the input
    problems that were reported and skipped, and a digest of the text of each article built
    (article id -> :func:`text_digest`), which an export keeps so that a later ``--into``
    can tell an article it already holds."""

    events: tuple[Event, ...]
    articles: int
    problems: tuple[InputError, ...]
    digests: Mapping[str, str] = field(default_factory=dict)
    failed: int = 0  # articles read but not built (each is an ArticleError in problems)
    unchanged: int = 0  # articles skipped because the graph already holds them
    total: int | None = None  # added into a stored graph: its events now (``events`` are the new or changed)

    @property
    def built(self) -> int:
        return self.articles - self.failed


def text_digest(text: str) -> str:
    """An article text's digest as a Named Information URI (RFC 6920): ``ni:///sha-256;...``."""
    raw = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    return "ni:///sha-256;" + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def build_events(articles: Iterable[Article], settings: Settings = Settings(),
                 existing: Iterable[Event] = (), *,
                 on_error: ErrorHandler | None = None, store: "Store | None" = None) -> list[Event]:
    """Merged, linked events from articles (extract -> resolve -> merge).

    ``existing`` events (read back from an earlier export) are merged with the new ones and
    keep their ids, so a re-run over more articles keeps every IRI it published. An article
    that fails is handed to ``on_error`` as an ArticleError (without one, it is raised).
    """
    from kg.extract import load_nlp

    if not isinstance(settings, Settings):
        raise TypeError(f"settings must be a kg.Settings, not {type(settings).__name__}")
    nlp = load_nlp(settings.model)
    res = settings.resources or default_resources()  # built once per build, passed to every stage
    with fewer_collections():
        mentions = list(_article_events(articles, nlp, settings.batch_size, on_error or _raise, res))
        return merge_and_link(mentions, settings, existing, store=store)


@contextlib.contextmanager
def fewer_collections(first: int = 20_000) -> Iterator[None]:
    """Python's cycle collector, run every ``first`` allocations instead of every 700 for the
    while (then as before). A build allocates millions of short-lived objects that reference
    counting frees, and each of the collector's passes walks the long-lived ones too (the
    lexicon, the reference tables, the events so far): 3% of a build's time, 1% after this."""
    old = gc.get_threshold()
    gc.set_threshold(max(first, old[0]), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def merge_and_link(mentions: Iterable[Event], settings: Settings = Settings(),
                   existing: Iterable[Event] = (), *, store: "Store | None" = None) -> list[Event]:
    """Resolved mentions (and ``existing`` events, whose ids stay) merged, linked and dated.

    With a ``store`` (the state of an export, :mod:`kg.export.state`), the mentions are merged
    into it instead: only the stored events they can touch are read, the store takes the
    result, and the events returned are those that are new or changed."""
    from kg.merge import date_from_links, link_events, merge_events

    if store is not None:
        from kg.merge.incremental import merge_into

        return list(merge_into(mentions, store, keep_actorless=settings.keep_actorless).changed)

    old = list(existing)
    merged = merge_events([*old, *mentions], keep_actorless=settings.keep_actorless,
                          keep_ids={e.id for e in old})
    dated = date_from_links(link_events(merged))
    return sorted(dated, key=lambda e: (e.time.start or dt.date.max, e.id))  # dating may move events


def _raise(err: InputError) -> None:
    raise err


def _article_events(articles: Iterable[Article], nlp: "Language", batch_size: int,
                    on_error: ErrorHandler, res: Resources | None = None) -> Iterator[Event]:
    """Each article's resolved events, a batch at a time through spaCy; when a batch fails,
    its articles are built one by one so that only the failing one is lost."""
    it = iter(articles)
    while batch := list(islice(it, batch_size)):
        try:
            done = _extract_resolve(batch, nlp, batch_size, res)
        except Exception:  # noqa: BLE001 - found again below, article by article
            done = []
            for article in batch:
                try:
                    done.extend(_extract_resolve([article], nlp, 1, res))
                except Exception as e:  # noqa: BLE001 - the error boundary of one article
                    on_error(_article_error(article, e))
        yield from done


def _extract_resolve(batch: list[Article], nlp: "Language", batch_size: int,
                     res: Resources | None = None) -> list[Event]:
    from kg.extract import extract
    from kg.resolve import resolve

    return [ev for ex in extract(batch, nlp=nlp, batch_size=batch_size, res=res) for ev in resolve(ex, res)]


def _article_error(article: Article, e: BaseException) -> ArticleError:
    what = f"could not be built ({type(e).__name__}: {' '.join(str(e).split())[:100]})"
    err = ArticleError(article.origin or article.id, what,
                       "the other articles were built; please report this article",
                       sentence=_sentence_of(e.__traceback__))
    err.__cause__ = e
    return err


def _sentence_of(tb: TracebackType | None) -> str | None:
    """The sentence the failing code was reading, where its frames tell: the innermost local
    ``sent`` (a spaCy span) or ``em`` (a mention carrying its sentence)."""
    found = None
    while tb is not None:
        local = tb.tb_frame.f_locals
        sent, em = local.get("sent"), local.get("em")
        if hasattr(sent, "text") and hasattr(sent, "start_char"):
            found = str(getattr(sent, "text"))
        elif isinstance(getattr(em, "sentence", None), str):
            found = str(getattr(em, "sentence"))
        tb = tb.tb_next
    return found


def build(paths: str | Path | Iterable[str | Path], *, published: dt.date | None = None,
          settings: Settings = Settings(), existing: Iterable[Event] = (),
          known: Mapping[str, str] | None = None,
          on_error: ErrorHandler | None = None,
          on_warning: ErrorHandler | None = None,
          progress: Callable[[Article], None] | None = None,
          store: "Store | None" = None) -> BuildResult:
    """Read the inputs and return their merged events; bad inputs are reported, not fatal.

    ``paths``: one file or folder, or an iterable of them. ``known`` maps article ids and URLs
    already in a graph to the digests of their texts: an article given again with the same
    text is skipped (reported to ``on_warning``) and changes nothing. With a ``store`` (see
    :func:`merge_and_link`), the result's events are those that are new or changed.
    """
    from kg.ingest import as_date, as_paths, read_articles

    inputs = as_paths(paths, "paths")
    published = as_date(published, "published")
    if not isinstance(settings, Settings):
        raise TypeError(f"settings must be a kg.Settings, not {type(settings).__name__}")
    if settings.engine == "dask":
        from kg.engines.dask import build_dask

        return build_dask(inputs, published=published, settings=settings, existing=existing, known=known,
                          on_error=on_error, on_warning=on_warning, progress=progress, store=store)
    problems: list[InputError] = []

    def _problem(err: InputError) -> None:
        problems.append(err)
        if on_error is not None:
            on_error(err)

    counts = {"read": 0, "unchanged": 0}
    digests: dict[str, str] = {}

    def _counted(arts: Iterable[Article]) -> Iterator[Article]:
        for given in arts:
            digest = text_digest(given.text)
            a = _against_known(given, digest, known or {}, on_warning)
            if a is None:
                counts["unchanged"] += 1
                continue
            counts["read"] += 1
            digests[a.id] = digest
            if progress is not None:
                progress(a)
            yield a

    arts = read_articles(inputs, published=published, on_error=_problem, on_warning=on_warning)
    events = build_events(_counted(arts), settings, existing, on_error=_problem, store=store)
    failed = sum(isinstance(p, ArticleError) for p in problems)
    return BuildResult(tuple(events), counts["read"], tuple(problems), digests, failed, counts["unchanged"])


def _against_known(article: Article, digest: str, known: Mapping[str, str],
                   warn: ErrorHandler | None) -> Article | None:
    """None for an article the graph already holds (same id or URL, same text); an article
    whose id the graph holds with another text gets a new id, so neither is conflated."""
    by_id, by_url = known.get(article.id), known.get(article.url or "")
    if digest in (by_id, by_url):
        if warn is not None:
            warn(InputWarning(article.origin, "already in the graph with the same text; nothing changed"))
        return None
    if by_id is not None:
        new_id = f"{article.id}-{digest.rsplit(';', 1)[-1][:8]}"
        if warn is not None:
            warn(InputWarning(article.origin, f"id {article.id!r} is already in the graph with another "
                                              f"text; this article is {new_id!r}", "give each article its own id"))
        return replace(article, id=new_id)
    return article


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
