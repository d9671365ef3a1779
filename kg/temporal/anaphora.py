"""Days named by reference to another: "the same day", "the next day", "the day before"."""
from __future__ import annotations

import re

__all__ = ["ANAPHORIC_DAY", "anaphoric_shift"]

# "the same day", "the next day", "the day before": dated by the day the article named last,
# which only the caller knows (kg.resolve keeps it in reading order).
ANAPHORIC_DAY = re.compile(
    r"(?i)\b(?:on |later |earlier )?(?:that same day|the same day|that day|the next day|the following day|"
    r"a day later|the day after|the day before|the previous day|a day earlier)\b")


def anaphoric_shift(expression: str) -> int | None:
    """Days from the last named day: 0 for "the same day", 1 for "the next day", -1 for
    "the day before"; None when the expression is not such a reference.

    >>> anaphoric_shift("the following day"), anaphoric_shift("on Monday")
    (1, None)
    """
    m = ANAPHORIC_DAY.fullmatch(expression.strip())
    if m is None:
        return None
    low = expression.lower()
    if any(w in low for w in ("next", "following", "later", "day after")):
        return 1
    if any(w in low for w in ("before", "previous", "earlier")):
        return -1
    return 0
