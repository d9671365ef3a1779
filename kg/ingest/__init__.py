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
from kg.ingest.readers import read_file
from kg.model import Article

__all__ = ["read_articles", "expand_paths", "SUFFIXES", "article_from_text", "InputWarning"]

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
    return make_article(text, published, id=id, url=url, title=title, origin=id or "<text>")
