"""Main text, title, URL and publication date of an HTML page (via trafilatura)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.errors import InputError

__all__ = ["Page", "extract_html"]


# An article has at least one sentence-long paragraph; a page without one holds only navigation,
# cookie banners or "Advertisement" labels, which trafilatura returns when there is nothing else.
_MIN_PARAGRAPH_WORDS = 8
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Page:
    """What a news page says about itself: main text, title, canonical URL, publication date."""

    text: str
    title: str | None
    url: str | None
    published: dt.date | None


def extract_html(data: bytes, *, source: str) -> Page:
    """The main text and metadata of a page; InputError (naming ``source``) when it has none."""
    try:
        import trafilatura
    except ImportError as e:  # pragma: no cover - a broken install
        raise InputError(source, "cannot read HTML: trafilatura is not installed",
                         "pip install trafilatura lxml_html_clean") from e
    try:
        # extensive_search=False: a page without a date must not borrow one from sidebar links
        doc = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True, date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as e:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(source, f"cannot parse HTML ({type(e).__name__})", "check the page is complete") from e
    if isinstance(doc, dict):  # only with as_dict=True; typed as a union all the same
        doc = None
    text = (doc.text or "") if doc is not None else ""
    if doc is None or not _has_prose(text):
        raise InputError(source, "HTML page has no article text (only menus, ads or nothing)",
                         "save the article page itself, complete")
    published = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(str(doc.date)[:10])
        except ValueError:
            published = None
    return Page(text=text, title=doc.title or None, url=doc.url or None, published=published)


def _has_prose(text: str) -> bool:
    return any(len(_WORD.findall(line)) >= _MIN_PARAGRAPH_WORDS for line in text.splitlines())
