"""Readers for each input format; each yields Articles or InputErrors, never raises mid-file."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ingest.files import SUFFIXES
from kg.model import Article

__all__ = ["read_file", "make_article", "parse_date", "MAX_BYTES"]

MAX_BYTES = 20_000_000  # a file larger than this is not a news article (JSONL batches excepted)
MAX_ARTICLE_CHARS = 2_000_000
_ID_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def read_file(path: Path, *, published: dt.date | None) -> Iterator[Article | InputError]:
    kind = SUFFIXES.get(path.suffix.lower())
    data = _read_bytes(path, limit=None if kind == "jsonl" else MAX_BYTES)
    if kind is None:  # a file named explicitly with an unknown suffix: sniff it
        kind = "html" if data.lstrip()[:1] == b"<" else "text"
    if kind == "jsonl":
        yield from _read_jsonl(path, data, published)
    elif kind == "html":
        yield _read_html(path, data, published)
    else:
        text = _decode(path, data)
        meta, text = _front_matter(text)
        date = parse_date(meta["published"], str(path)) if "published" in meta else published
        yield make_article(text, date, url=meta.get("url"), title=meta.get("title"), source=str(path))


def make_article(text: str, published: dt.date | None, *, id: str | None = None,
                 url: str | None = None, title: str | None = None, source: str = "") -> Article:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "article text is empty", "remove it or add its text")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(source, f"article text is {len(text):,} characters, over the "
                                 f"{MAX_ARTICLE_CHARS:,} limit", "split it into articles")
    if id:
        ident = _ID_SAFE.sub("-", str(id)).strip("-")[:80] or _digest(str(id))
    else:
        ident = "a" + _digest((url or "") + "\n" + text)
    return Article(id=ident, text=text, published=published, url=url or None,
                   title=(title or "").strip() or None, source=source)


def parse_date(value: object, source: str) -> dt.date:
    """An ISO date (or date-time) from the user or a JSONL record."""
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        raise InputError(source, f"publication date {s!r} is not an ISO date",
                         "write it as YYYY-MM-DD") from None


_HEADER = re.compile(r"(?i)^(published|date|title|url|source)\s*:\s*(\S.*?)\s*$")
_HEADER_KEYS = {"published": "published", "date": "published", "title": "title", "url": "url",
                "source": "url"}


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Leading ``Published: 2024-01-03`` / ``Title:`` / ``URL:`` lines of a text file."""
    meta: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    n = 0
    while n < min(len(lines), 6):
        m = _HEADER.match(lines[n].strip())
        if not m:
            break
        key = _HEADER_KEYS[m[1].lower()]
        if key == "published" and not re.match(r"\d{4}-\d{2}-\d{2}", m[2]):
            break
        if key == "url" and not m[2].startswith(("http://", "https://")):
            break
        meta[key] = m[2]
        n += 1
    return meta, "".join(lines[n:]) if n else text


def _digest(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:12]


def _read_bytes(path: Path, limit: int | None) -> bytes:
    try:
        size = path.stat().st_size
        if limit is not None and size > limit:
            raise InputError(str(path), f"file is {size / 1e6:.1f} MB, too large for one article",
                             "split it, or put many articles in a .jsonl batch")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot read file ({e.strerror})", "check its permissions") from e
    if not data.strip():
        raise InputError(str(path), "file is empty", "remove it or add the article text")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(str(path), "file is binary, not text",
                         "give .txt, .html or .jsonl files (convert PDFs and documents to text first)")
    return data


def _decode(path: Path, data: bytes) -> str:
    for enc in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return data.decode(enc)
        except UnicodeDecodeError as e:
            err = e
    raise InputError(str(path), f"not UTF-8 text (bad byte at offset {err.start})",
                     "re-save it as UTF-8, e.g. iconv -f latin1 -t utf-8")


def _read_html(path: Path, data: bytes, published: dt.date | None) -> Article:
    from kg.ingest.html import extract_html
    page = extract_html(data, source=str(path))
    return make_article(page.text, page.published or published, url=page.url, title=page.title,
                        source=str(path))


def _read_jsonl(path: Path, data: bytes, published: dt.date | None) -> Iterator[Article | InputError]:
    text = _decode(path, data)
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(where, f"malformed JSON ({e.msg} at column {e.colno})",
                             "each line must be one JSON object")
            continue
        if not isinstance(rec, dict):
            yield InputError(where, "line is not a JSON object", 'write {"text": ..., "published": ...}')
            continue
        body = rec.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, "record has no \"text\"", "add the article text as a string")
            continue
        try:
            date = parse_date(rec["published"], where) if rec.get("published") else published
            yield make_article(body, date, id=rec.get("id"), url=_str(rec.get("url")),
                               title=_str(rec.get("title")), source=where)
        except InputError as e:
            yield e


def _str(v: object) -> str | None:
    return v if isinstance(v, str) and v.strip() else None
