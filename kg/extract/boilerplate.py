"""Recognise page furniture (breadcrumbs, ads, bylines, captions, headings) that reports no event."""
from __future__ import annotations

import re

__all__ = ["is_boilerplate", "is_heading", "dateline_end"]

_FURNITURE = re.compile(
    r"""(?ix)^\W*(
        advertisement | sponsored | scroll\ to\ continue | read\ (more|also|next) | related\b |
        sign\ up | subscribe | newsletter | share\ (this|on) | follow\ us | click\ here |
        (photo|image|picture|video|file\ photo)\b.{0,80}(:|\(|reuters|afp|ap|getty) |
        by\ [A-Z][\w.'-]+(\ [A-Z][\w.'-]+){0,3}(\ (and|in)\ .*)?$ |
        (reporting|writing|editing|additional\ reporting)\ by\b |
        (copyright|©|all\ rights\ reserved) | (updated|published|posted)\s*:? |
        home\s*[>/»›|•]
    )""")
_CRUMB = re.compile(r"^\W*(\w[\w .'-]{0,30})(\s*[>/»›|•]\s*\w[\w .'-]{0,30}){1,}\W*$")
_END = re.compile(r"""[.!?]["'”’)\]]*\s*$""")


def is_boilerplate(line: str) -> bool:
    """True for lines that are page furniture, never reports: ads, bylines, breadcrumbs, captions."""
    s = line.strip()
    if not s:
        return True
    if _FURNITURE.match(s) or _CRUMB.match(s):
        return True
    return s.startswith(("•", "·")) and len(s.split()) < 12


def is_heading(line: str) -> bool:
    """True for a headline or sub-heading: a short line with no sentence-final punctuation."""
    s = line.strip()
    return bool(s) and not _END.search(s) and len(s.split()) <= 25


_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'/-]{1,60}(?:,\s*[A-Z][A-Za-z .'-]{1,30})?,?\s+"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)?"
    r"(?:,?\s+\d{4})?\s*"
    r"\([^)]{2,40}\)\s*[-–—]+\s*")


# a page's date stamp run into its first line ("date 2024-01-10 The army ..."): the day the page
# went up, not when what the sentence tells happened
_STAMP = re.compile(r"^\s*(?:(?i:date|published|updated|posted)\s*:?\s*)?\d{4}-\d{2}-\d{2}"
                    r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\s+(?=\S)")


def dateline_end(line: str) -> int:
    """Length of a wire dateline ("DOHA, March 12 (Reuters) - ") or of a page's date stamp
    ("date 2024-01-10 ") at the start of ``line``, or 0."""
    m = _STAMP.match(line) or _DATELINE.match(line)
    return m.end() if m else 0
