"""Ingest: read .txt, .html and .jsonl files (and folders of them) into Article records.

Articles stream out one at a time; a bad file or line is handed to ``on_error`` as an
:class:`~kg.errors.InputError` (which names it and says what to do) and the rest go on.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError, NoDateError
from kg.ingest.files import SUFFIXES, expand_paths
from kg.errors import InputWarning
from kg.ingest.readers import EARLIEST, LATEST, read_file
from kg.model import Article

__all__ = ["read_articles", "expand_paths", "SUFFIXES", "article_from_text", "InputWarning",
           "as_paths", "as_date"]

ErrorHandler = Callable[[InputError], None]


def _raise(err: InputError) -> None:
    raise err


def _ignore(err: InputError) -> None:
    pass


def read_articles(paths: Iterable[str | Path], *, published: dt.date | None = None,
                  on_error: ErrorHandler | None = None,
                  on_warning: ErrorHandler | None = None) -> Iterator[Article]:
    """Yield the articles in ``paths`` (files or folders), in a stable order.

    ``published`` is used for articles that carry no date of their own. An article with no
    date at all is still read (its relative dates stay unknown) and reported to ``on_warning``
    as a :class:`~kg.errors.NoDateError`, as are pages that look cut off and articles read
    twice (the second copy is skipped). Without ``on_error`` the first bad input raises.
    """
    paths = as_paths(paths, "paths")
    published = as_date(published, "published")
    handle = on_error or _raise
    warn = on_warning or _ignore
    seen: dict[str, tuple[str, str]] = {}  # article id -> (digest of its text, where it was read)
    for path in expand_paths(paths, on_error=handle):
        try:
            for item in read_file(path, published=published):
                if isinstance(item, InputWarning):
                    warn(item)
                    continue
                if isinstance(item, InputError):
                    handle(item)
                    continue
                article = _unique(item, seen, warn)
                if article is None:
                    continue
                if article.published is None:
                    warn(NoDateError(article.origin, "no publication date; relative dates stay unknown",
                                     "give one with --published YYYY-MM-DD"))
                yield article
        except InputError as err:
            handle(err)
        except Exception as e:  # noqa: BLE001 - a reader's bug costs this file, not the batch
            handle(InputError(str(path), f"cannot be read ({type(e).__name__}: {str(e)[:80]})",
                              "the other inputs were read; please report this file"))


def as_paths(paths: object, name: str) -> list[Path]:
    """``paths`` as a list of inputs: one str or Path is one input (not its characters)."""
    if isinstance(paths, (str, Path)):
        return [Path(paths)]
    if isinstance(paths, bytes) or not isinstance(paths, Iterable):
        raise TypeError(f"{name} must be a path or an iterable of paths (str or pathlib.Path), "
                        f"not {type(paths).__name__}")
    out = []
    for p in paths:
        if not isinstance(p, (str, Path)):
            raise TypeError(f"{name} must hold str or pathlib.Path items, not {type(p).__name__}")
        out.append(Path(p))
    return out


def as_date(value: object, name: str) -> dt.date | None:
    """``value`` as a publication date: a datetime.date (or an ISO 'YYYY-MM-DD' string), or None."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{name}={value!r} is not a date; give a datetime.date or "
                             "'YYYY-MM-DD'") from None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__}")
    if not EARLIEST <= value <= LATEST:
        raise ValueError(f"{name}={value.isoformat()} is outside the years {EARLIEST.year}-"
                         f"{LATEST.year} this tool dates events in")
    return value


def _unique(article: Article, seen: dict[str, tuple[str, str]], warn: ErrorHandler) -> Article | None:
    """The article once: a second copy of the same text is skipped; a different text under an
    id already taken gets that id plus a digest of its text, so neither is lost or conflated."""
    digest = hashlib.sha1(article.text.encode("utf-8")).hexdigest()
    first = seen.get(article.id)
    if first is None:
        seen[article.id] = (digest, article.origin)
        return article
    if first[0] == digest:
        warn(InputWarning(article.origin, f"same article as {first[1]}; read once"))
        return None
    new_id = f"{article.id}-{digest[:8]}"
    warn(InputWarning(article.origin, f"id {article.id!r} is already used by {first[1]}; "
                                      f"this article is {new_id!r}", "give each article its own id"))
    seen[new_id] = (digest, article.origin)
    return dataclasses.replace(article, id=new_id)


def article_from_text(text: str, published: dt.date | None, *, id: str | None = None,
                      url: str | None = None, title: str | None = None) -> Article:
    """An Article from a string (for the Python API and tests)."""
    from kg.ingest.readers import make_article
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return make_article(text, as_date(published, "published"), id=id, url=url, title=title, origin=id or "<text>")
