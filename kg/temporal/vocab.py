"""The regex vocabulary time expressions are written in: months, weekdays, years, clock times, numbers.

The finder (:mod:`kg.temporal.find`) and the resolver's rules (:mod:`kg.temporal.rules`) build
their patterns from these pieces, so a spelling is added in one place.
"""
from __future__ import annotations

import re

__all__ = ["MONTHS", "WEEKDAYS", "MONTH_FULL", "MONTH_ABBR", "MON", "DAYNUM", "YEAR", "WD", "TZ",
           "CLOCK", "CLOCK_FULL", "PARTS", "SUBMODS", "NUM", "num"]

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MON = rf"(?:(?:{MONTH_FULL})\b|(?:{MONTH_ABBR})(?:\.|\b))"  # with a day number or a year
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TZ = (r"(?:GMT|UTC|EST|EDT|ET|CET|CEST|BST|MSK|EET|EEST|IDT|local\s+time"
       r"|(?:[A-Z][a-z]+)\s+time)")
CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:[aApP]\.\s?[mM]\.?|[aApP][mM]\b)"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])"
    r"|(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC|hrs\b|hours\b|Z\b)"
    r"|(?i:midnight|noon|midday))"
)
CLOCK_FULL = rf"{CLOCK}(?:\s+{TZ})?(?:\s*\([^()]{{1,40}}\))?"
PARTS = r"(?:night|morning|afternoon|evening|overnight|dawn)"
SUBMODS = (r"(?:early|mid|late|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half"
            r"|first\s+quarter|second\s+quarter|third\s+quarter|fourth\s+quarter|last\s+quarter)\s+of"
            r"|end\s+of|beginning\s+of|start\s+of|middle\s+of)")
_NUMWORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
NUM = (r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
        r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
        r"|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|a|an)")


def num(word: str) -> float | None:
    w = word.lower().replace("-", " ").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    parts = w.split()
    if parts and all(p in _NUMWORDS for p in parts):
        return float(sum(_NUMWORDS[p] for p in parts))
    return None

