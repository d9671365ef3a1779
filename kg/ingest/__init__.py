"""Ingest: read .txt, .html and .jsonl files (and folders of them) into Article records.

Articles stream out one at a time; a bad file or line is handed to ``on_error`` as an
:class:`~kg.errors.InputError` (which names it and says what to do) and the rest go on.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ingest.files import SUFFIXES, expand_paths
from kg.ingest.readers import read_file
from kg.model import Article

__all__ = ["read_articles", "expand_paths", "SUFFIXES", "article_from_text"]

ErrorHandler = Callable[[InputError], None]


def _raise(err: InputError) -> None:
    raise err


def read_articles(paths: Iterable[str | Path], *, published: dt.date | None = None,
                  on_error: ErrorHandler | None = None,
                  on_warning: ErrorHandler | None = None) -> Iterator[Article]:
    """Yield the articles in ``paths`` (files or folders), in a stable order.

    ``published`` is used for articles that carry no date of their own. An article with no
    date at all is still read (its relative dates stay unknown) and reported to ``on_warning``.
    """
    handle = on_error or _raise
    for path in expand_paths(paths, on_error=handle):
        try:
            for item in read_file(path, published=published):
                if isinstance(item, InputError):
                    handle(item)
                    continue
                if item.published is None and on_warning is not None:
                    on_warning(InputError(item.source, "no publication date; relative dates stay unknown",
                                          "give one with --published YYYY-MM-DD"))
                yield item
        except InputError as err:
            handle(err)


def article_from_text(text: str, published: dt.date | None, *, id: str | None = None,
                      url: str | None = None, title: str | None = None) -> Article:
    """An Article from a string (for the Python API and tests)."""
    from kg.ingest.readers import make_article
    return make_article(text, published, id=id, url=url, title=title, source=id or "<text>")
