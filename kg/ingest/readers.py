"""Readers for each input format; each yields Articles or InputErrors, never raises mid-file."""
from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError, InputWarning
from kg.ingest.files import SUFFIXES
from kg.model import Article

__all__ = ["read_file", "make_article", "parse_date", "check_published", "InputWarning", "MAX_BYTES",
           "MAX_ARTICLE_CHARS", "EARLIEST", "LATEST"]

MAX_BYTES = 20_000_000  # a file larger than this is not a news article (JSONL batches excepted)
# spaCy refuses texts over nlp.max_length (1,000,000) and needs ~1 GB per 250,000 characters
# here (183,000 characters: 0.7 GB, 6 s); the longest long-reads are under 100,000 characters.
MAX_ARTICLE_CHARS = 200_000
# Publication dates the tool dates events against: far enough from date.min and date.max that
# "next year", "in a decade" or the Easter of the year before never leave the calendar.
EARLIEST, LATEST = dt.date(1000, 1, 1), dt.date(2999, 12, 31)
_SURROGATE = re.compile("[\ud800-\udfff]")
_ID_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
# Files people drop into a folder of articles by mistake, told by their first bytes.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF", "a PDF document", "convert it to text first, e.g. pdftotext"),
    (b"PK\x03\x04", "a ZIP archive (a .docx/.odt document?)", "save the article as .txt or .html"),
    (b"\xd0\xcf\x11\xe0", "an old Office document", "save the article as .txt or .html"),
    (b"{\\rtf", "an RTF document", "save the article as .txt"),
    (b"\x1f\x8b", "gzip-compressed", "decompress it first, e.g. gunzip"),
    (b"\x89PNG", "a PNG image", "give the article text, not a picture of it"),
    (b"\xff\xd8\xff", "a JPEG image", "give the article text, not a picture of it"),
    (b"GIF8", "a GIF image", "give the article text, not a picture of it"),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_file(path: Path, *, published: dt.date | None) -> Iterator[Article | InputError]:
    """The articles of one file (or the errors and warnings of its bad parts), in file order."""
    kind = SUFFIXES.get(path.suffix.lower())
    data = _read_bytes(path, limit=None if kind == "jsonl" else MAX_BYTES, whole=kind != "jsonl")
    if kind is None:  # a file named explicitly with an unknown suffix: sniff it
        kind = "html" if data.lstrip()[:1] == b"<" else "text"
    if kind == "jsonl":
        yield from _read_jsonl(path, data, published)
    elif kind == "html":
        yield from _read_html(path, data, published)
    else:
        text = _decode(path, data)
        meta, text = _front_matter(text, str(path))
        date = parse_date(meta["published"], str(path)) if "published" in meta else published
        yield make_article(text, date, url=meta.get("url"), title=meta.get("title"), origin=str(path))


def make_article(text: str, published: dt.date | None, *, id: str | None = None,
                 url: str | None = None, title: str | None = None, origin: str = "") -> Article:
    """An Article with a stable id: the given one made IRI-safe, else a digest of URL and text."""
    text = _SURROGATE.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
    url, title = (v and _SURROGATE.sub("\ufffd", v) for v in (url, title))
    if not text.strip():
        raise InputError(origin, "article text is empty", "remove it or add its text")
    if published is not None:
        check_published(published, origin)
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(origin, f"article text is {len(text):,} characters, over the "
                                 f"{MAX_ARTICLE_CHARS:,} limit for one article",
                         "split it into articles")
    if id:
        ident = _ID_SAFE.sub("-", str(id)).strip("-")[:80] or _digest(str(id))
    else:
        ident = "a" + _digest((url or "") + "\n" + text)
    return Article(id=ident, text=text, published=published, url=url or None,
                   title=(title or "").strip() or None, origin=origin)


_WRITTEN_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y",
                         "%b %d %Y", "%A, %d %B %Y", "%A, %B %d, %Y", "%A %d %B %Y")


def parse_date(value: object, source: str) -> dt.date:
    """A publication date as a header line or JSONL record gives it.

    ISO 8601 (``2025-04-21``, ``2025-04-21T08:15:00Z``: the date as the publisher wrote it,
    whatever its time zone), RFC 2822 as in RSS feeds (``Mon, 21 Apr 2025 08:15:00 GMT``) or
    written out with the month's name (``21 April 2025``, ``April 21, 2025``). Numeric
    orders such as ``04/05/2025`` are ambiguous and refused, as is anything else.
    """
    s = " ".join(str(value).split())
    for parse in (_iso_date, _rfc2822_date, _written_date):
        date = parse(s)
        if date is not None:
            return check_published(date, source)
    raise InputError(source, f"publication date {s[:40]!r} is not a date", "write it as YYYY-MM-DD")


def check_published(date: dt.date, source: str) -> dt.date:
    """``date`` if it lies between :data:`EARLIEST` and :data:`LATEST`, else an InputError."""
    if not EARLIEST <= date <= LATEST:
        raise InputError(source, f"publication date {date.isoformat()} is outside the years "
                                 f"{EARLIEST.year}-{LATEST.year} this tool dates events in",
                         "check the date; write it as YYYY-MM-DD")
    return date


def _iso_date(s: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(s).date()
    except ValueError:
        return None


def _rfc2822_date(s: str) -> dt.date | None:
    if not re.search(r"\d{1,2}:\d{2}", s):  # RFC 2822 always has a clock time; "21 Apr 2025" is written
        return None
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _written_date(s: str) -> dt.date | None:
    s = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", s.replace(".", ""))  # "21st April", "Apr. 21"
    for fmt in _WRITTEN_DATE_FORMATS:
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    return None


_HEADER = re.compile(r"(?i)^(published|date|title|url|source)\s*:\s*(\S.*?)\s*$")
_HEADER_KEYS = {"published": "published", "date": "published", "title": "title", "url": "url",
                "source": "url"}
_MAX_HEADER_LINES = 6


def _front_matter(text: str, source: str) -> tuple[dict[str, str], str]:
    """Leading ``Published: 2024-01-03`` / ``Title:`` / ``URL:`` / ``Source:`` lines of a text
    file, and the text after them. A date header that is not a date is an error: the user
    meant to date the article, and a silently lost date would shift every relative date."""
    meta: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    n = 0
    while n < len(lines) and not lines[n].strip():
        n += 1
    first = n
    while n < min(len(lines), first + _MAX_HEADER_LINES):
        m = _HEADER.match(lines[n].strip())
        if not m:
            break
        key = _HEADER_KEYS[m[1].lower()]
        if key == "published":
            parse_date(m[2], f"{source}:{n + 1}")  # raises, naming the line
        if key != "url" or m[2].startswith(("http://", "https://")):
            meta.setdefault(key, m[2])  # "Source: Reuters" is a header line, but not a URL
        n += 1
    return meta, "".join(lines[n:]) if n > first else text


def _digest(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:12]


def _read_bytes(path: Path, limit: int | None, whole: bool = True) -> bytes:
    """The file's bytes; ``whole`` files (one article) are refused when binary, a JSONL batch is
    judged line by line instead, so one bad line costs that line only."""
    try:
        size = path.stat().st_size
        if limit is not None and size > limit:
            raise InputError(str(path), f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB "
                                        f"limit for one article",
                             "split it, or put many articles in a .jsonl batch")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot read file ({e.strerror or e})", "check its permissions") from e
    if not data.strip():
        raise InputError(str(path), "file is empty", "remove it or add the article text")
    for magic, what, hint in _MAGIC if whole else ():
        if data.startswith(magic):
            raise InputError(str(path), f"file is {what}, not text", hint)
    if whole and b"\x00" in data[:8192] and not data.startswith(_UTF16_BOMS):
        raise InputError(str(path), "file is binary, not text",
                         "give .txt, .html or .jsonl files (convert PDFs and documents to text first)")
    return data


def _decode(path: Path | str, data: bytes) -> str:
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(str(path), f"not UTF-16 text (bad bytes at offset {e.start})",
                             "re-save it as UTF-8") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise InputError(f"{path}:{line}", f"not UTF-8 text (byte 0x{data[e.start]:02x} at column "
                                           f"{column})",
                         "re-save it as UTF-8, e.g. iconv -f latin1 -t utf-8") from None


_CLOSING_TAG = re.compile(rb"</(?:html|body)\s*>", re.IGNORECASE)


def _read_html(path: Path, data: bytes, published: dt.date | None) -> Iterator[Article | InputError]:
    from kg.ingest.html import extract_html
    page = extract_html(data, source=str(path))
    if not _CLOSING_TAG.search(data):
        yield InputWarning(str(path), "page looks cut off (no closing </body> or </html>); "
                                      "read the text it has", "save the whole page again")
    yield make_article(page.text, page.published or published, url=page.url, title=page.title,
                       origin=str(path))


def _jsonl_lines(path: Path, data: bytes) -> Iterator[tuple[int, str | InputError]]:
    """Numbered lines of a JSONL file, decoded one by one so that one badly encoded line
    costs that line only. Split on newlines alone: JSON text may hold a raw U+2028, which
    ``str.splitlines`` would take for a line break."""
    if data.startswith(_UTF16_BOMS) and _objects(_utf16_lines(data)) >= _objects(_utf8_lines(data)):
        # a UTF-16 file (not a UTF-8 one whose first line happens to begin with a BOM's bytes)
        for n, line in enumerate(_decode(path, data).split("\n"), 1):
            yield n, line
        return
    for n, raw in enumerate(data.split(b"\n"), 1):
        try:
            yield n, raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as e:
            yield n, InputError(f"{path}:{n}", f"not UTF-8 text (byte 0x{raw[e.start]:02x} at "
                                               f"column {e.start + 1})",
                                "re-save the file as UTF-8, e.g. iconv -f latin1 -t utf-8")


def _utf16_lines(data: bytes) -> list[str]:
    try:
        return data.decode("utf-16").split("\n")
    except UnicodeDecodeError:
        return []


def _utf8_lines(data: bytes) -> list[str]:
    return [raw.decode("utf-8", "replace") for raw in data.split(b"\n")]


def _objects(lines: list[str]) -> int:
    """How many of ``lines`` read as JSON objects: of two readings of a file, the one that
    makes sense."""
    count = 0
    for line in lines:
        try:
            count += isinstance(json.loads(line), dict)
        except ValueError:
            pass
    return count


def _read_jsonl(path: Path, data: bytes, published: dt.date | None) -> Iterator[Article | InputError]:
    for lineno, line in _jsonl_lines(path, data):
        if isinstance(line, InputError):
            yield line
            continue
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            yield from _jsonl_record(line, where, published)
        except Exception as e:  # noqa: BLE001 - one bad line never costs the others
            yield InputError(where, f"line cannot be read ({type(e).__name__}: {str(e)[:80]})",
                             "check the line is one JSON object with a \"text\"")


def _jsonl_record(line: str, where: str, published: dt.date | None) -> Iterator[Article | InputError]:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        yield InputError(where, f"malformed JSON ({e.msg} at column {e.colno})",
                         "each line must be one JSON object")
        return
    except RecursionError:  # "[[[[..." 100,000 deep: the decoder recurses once per level
        yield InputError(where, "JSON nested too deeply to be an article",
                         'each line must be one flat JSON object: {"text": ..., "published": ...}')
        return
    if not isinstance(rec, dict):
        yield InputError(where, "line is not a JSON object", 'write {"text": ..., "published": ...}')
        return
    body = rec.get("text")
    if not isinstance(body, str) or not body.strip():
        yield InputError(where, "record has no \"text\"", "add the article text as a string")
        return
    fields = {"text": body, "id": _id(rec.get("id")), "url": _str(rec.get("url")),
              "title": _str(rec.get("title"))}
    broken = [k for k, v in fields.items() if v and _SURROGATE.search(v)]
    if broken:  # JSON may escape half a UTF-16 pair ("\ud800"), which no UTF-8 text can hold
        yield InputWarning(where, f"lone surrogate in {', '.join(broken)}; read with U+FFFD in its place",
                           "fix the program that wrote the line")
        fields = {k: v and _SURROGATE.sub("\ufffd", v) for k, v in fields.items()}
    try:
        date = parse_date(rec["published"], where) if rec.get("published") else published
        yield make_article(fields["text"] or "", date, id=fields["id"], url=fields["url"],
                           title=fields["title"], origin=where)
    except InputError as e:
        yield e


def _str(v: object) -> str | None:
    return v if isinstance(v, str) and v.strip() else None


def _id(v: object) -> str | None:
    # 0 is a fine id; True, lists and objects are not ids at all
    return str(v) if isinstance(v, (str, int)) and not isinstance(v, bool) and str(v).strip() else None
