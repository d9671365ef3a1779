"""Time expressions in news sentences: find them, and resolve them to dated spans with precision.

Two halves share one vocabulary of regexes:

* :func:`find_time_expressions` scans a sentence for expressions spaCy's DATE/TIME entities
  miss or get wrong (weekdays, "over the weekend", holidays, datelines, clock times joined to
  their day, ranges). It never calls dateparser: wire copy is regular enough for regexes, and
  ``dateparser.search`` invents dates from "a 30-hour" and the verb "may".
* :func:`resolve_time` turns one expression into a :class:`~kg.model.TimeSpan`, resolving
  relative expressions against the publication date and the tense of the clause (the extractor
  passes it; otherwise it is guessed from the sentence). Common shapes are handled by our own
  rules; ``dateparser.parse`` (cached, English only) is the fallback for odd spellings of a
  calendar date.

Conventions a reader of the graph should know (each is also pinned by a test):

* ``start``/``end`` are inclusive days; a week, month or year keeps its whole span and its
  precision ("last week" is Monday-Sunday of the previous ISO week, precision "week").
* Vague sub-spans ("early April", "earlier this month", "late last year") carry
  ``earliest``/``latest`` equal to their bounds and keep the precision of the unit.
* Weekdays follow the tense: past -> the latest such day on or before publication (the
  publication day itself if it is that weekday); future -> the first on or after it (wire
  copy names the day of publication by its weekday: "will meet on Monday" in a Monday report
  is that Monday); present -> the nearest one.
* "overnight" is the night before publication: ``start`` the day before, ``end`` the
  publication day. "overnight on Saturday" / "overnight into Saturday" is the night that ends
  on Saturday morning; "Saturday night" starts on Saturday (``latest`` is the next day).
* A holiday is its occurrence nearest the publication date that fits the tense (up to a week
  ahead still counts for past tense: a truce "declared for Easter" two days before Easter).
  Islamic holidays carry one day either side in ``earliest``/``latest`` (moon sighting).
* "midnight <day>" is 00:00 of that day, except as the end of a range ("from 6 p.m. Saturday
  to midnight Sunday"), where it is the end of that day (recorded as 23:59), and "midnight on
  Tuesday night", which is 00:00 on Wednesday.
* A past-tense range ends on or before publication ("fought between March and May" in an April
  report is last year's); other ranges read their end forwards from their start.
* Clock times are kept as written (local time); a time zone in the text is not converted.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.model import Precision, Tense, TimeMention, TimeSpan
from kg.resolve import holidays as _hol

__all__ = ["ANAPHORIC_DAY", "anaphoric_shift", "find_time_expressions", "resolve_time", "parse_duration", "with_duration"]

# ----------------------------------------------------------------------------------------
# Shared vocabulary
# ----------------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MON = rf"(?:(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})(?:\.|\b))"  # with a day number or a year
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TZ = (r"(?:GMT|UTC|EST|EDT|ET|CET|CEST|BST|MSK|EET|EEST|IDT|local\s+time"
       r"|(?:[A-Z][a-z]+)\s+time)")
_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:[aApP]\.\s?[mM]\.?|[aApP][mM]\b)"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])"
    r"|(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC|hrs\b|hours\b|Z\b)"
    r"|(?i:midnight|noon|midday))"
)
_CLOCK_FULL = rf"{_CLOCK}(?:\s+{_TZ})?(?:\s*\([^()]{{1,40}}\))?"
_PARTS = r"(?:night|morning|afternoon|evening|overnight|dawn)"
_SUBMODS = (r"(?:early|mid|late|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half"
            r"|first\s+quarter|second\s+quarter|third\s+quarter|fourth\s+quarter|last\s+quarter)\s+of"
            r"|end\s+of|beginning\s+of|start\s+of|middle\s+of)")
_NUMWORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_NUM = (r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
        r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
        r"|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|a|an)")

_UNIT_PREC: dict[str, Precision] = {"day": "day", "week": "week", "month": "month", "year": "year"}
_COARSER: dict[str, Precision] = {"hour": "day", "day": "week", "week": "month", "month": "year",
                                  "year": "year"}

_D = dt.timedelta


def _num(word: str) -> float | None:
    w = word.lower().replace("-", " ").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    parts = w.split()
    if parts and all(p in _NUMWORDS for p in parts):
        return float(sum(_NUMWORDS[p] for p in parts))
    return None


# ----------------------------------------------------------------------------------------
# Finding expressions in a sentence
# ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    kind: str  # date month year weekday relday time holiday span, and joined: datetime range


# Capitalised words that may stand before a date word without making it part of a name.
_CAP_OK = frozenset(
    "on in at by since until till from to through during before after over for of the a an "
    "this that last next late early mid and or between around about circa throughout ahead "
    "as also but then while when orthodox catholic western eastern russian ukrainian greek "
    "serbian coptic armenian georgian muslim muslims islamic jewish christian christians shiite "
    "shia sunni kurdish persian iranian afghan iraqi syrian palestinian israeli lebanese "
    "yemeni egyptian turkish".split() + list(_WEEKDAYS) + list(_MONTHS))
# Words that make "<X> Sunday" a name rather than a day: "Bloody Sunday", "Good Friday".
_NAME_ADJ = frozenset("bloody black good super cyber ash maundy holy palm easter red great "
                      "clean shrove low whit trinity mothering giving".split())
# Words that make "<holiday or day> <X>" a name: "Yom Kippur War", "Sunday Times".
_NAME_HEADS = frozenset("War Wars Rising Offensive Island Islands Times Telegraph Mirror Express "
                        "Herald Post Agreement Accord Accords Massacre Uprising Revolution Live "
                        "Club School Edition Show Crisis Bombing Bombings".split())
_NEUTRAL_PREPS = re.compile(r"(?:\b(?:on|in|at|over|during)\s+)$", re.I)
_COUNT_NOUNS = re.compile(
    r"\s*(?:-\s*(?:strong|km|kilometre|kilometer|mile|metre|meter|man|member|page|seat|bed)"
    r"|%|per\s*cent|percent|troops|soldiers|servicemen|people|persons|civilians|fighters|"
    r"militants|prisoners|detainees|hostages|refugees|migrants|residents|men|women|children|"
    r"deaths|dead|killed|wounded|injured|casualties|victims|tanks|drones|missiles|rockets|"
    r"shells|rounds|km|kilometres|kilometers|miles|metres|meters|feet|tons|tonnes|dollars|"
    r"euros|pounds|hectares|sq\b|square|attacks|strikes|violations|homes|houses|buildings|"
    r"vehicles|trucks|police|officers|members|votes|delegates|cases|units|times|GMT|UTC)\b",
    re.I,
)
_QUANTIFIERS = frozenset("nearly almost some approximately roughly than least another estimated "
                         "additional extra total only just".split())
_NUMBER_NAMES = frozenset(
    "no number resolution flight route highway article unit brigade battalion regiment "
    "division bus room code model version type page cop vision agenda horizon plan program "
    "programme operation project protocol paragraph section clause rule law act decree".split())

_P_ISO = re.compile(r"(?<![\w/.-])\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w/-])")
_P_SLASH = re.compile(r"(?<![\w/.,-])\d{1,2}/\d{1,2}/\d{4}(?![\w/])")
_P_DMY = re.compile(
    rf"(?<![\w,.$-])(?:(?i:the)\s+)?{_DAYNUM}(?:\s*[-–]\s*{_DAYNUM})?\s+"
    rf"(?:(?i:of)\s+)?{_MON}(?:,?\s+{_YEAR}(?![\w-]))?")
_P_MDY = re.compile(
    rf"(?<![\w-]){_MON}\s+(?:(?i:the)\s+)?{_DAYNUM}(?:\s*[-–]\s*{_DAYNUM})?"
    rf"(?![\w:,.]\d|[\w-])(?:,?\s+{_YEAR}(?![\w-]))?")
_P_MONTH_YEAR = re.compile(
    rf"(?<![\w-])(?:(?i:{_SUBMODS})[\s-]+)?{_MON}(?:\s+(?i:of))?,?\s+{_YEAR}(?![\w-])")
_P_MONTH_REL_YEAR = re.compile(
    rf"(?<![\w-])(?:(?i:{_SUBMODS})[\s-]+)?(?:{_MONTH_FULL})\s+(?i:of\s+)?(?i:last|this|next)\s+year(?![\w-])")
_P_MONTH = re.compile(
    rf"(?<![\w-])(?P<pre>(?i:in|during|since|by|until|till|through|before|after|from|to|of|between|and|"
    rf"last|next|this|early|mid|late|earlier\s+in|later\s+in|{_SUBMODS})[\s-]+)(?P<mon>{_MONTH_FULL})(?![\w-])")
_P_YEAR = re.compile(
    rf"(?<![\w$€£#+/.,-])(?:(?i:{_SUBMODS})[\s-]+)?(?P<y>{_YEAR})(?![\w/]|-(?!\s*\d)|[.,]\d|:\d)")
_P_YEAR_RANGE = re.compile(rf"(?<![\w$€£#+/.,-]){_YEAR}\s*[-–/]\s*(?:{_YEAR}|\d\d)(?![\w/-])")
_P_DECADE = re.compile(r"(?<![\w-])(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?:1[89]|20)\d0s\b")
_P_RELDAY = re.compile(
    rf"(?<![\w-])(?i:(?:(?:early|late|earlier|later)\s+)?(?:the\s+day\s+before\s+yesterday"
    rf"|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:late\s+)?tonight|last\s+night|this\s+(?:morning|afternoon|evening)|(?:earlier|later)\s+in\s+the\s+day"
    rf"|overnight(?:\s+(?:into|to|on)\s+{_WD}|\s+{_WD}(?:\s+(?:into|to)\s+{_WD})?)?"
    rf"|(?:during\s+|on\s+)?the\s+night\s+of\s+{_WD}\s+(?:to|into|and)\s+{_WD})(?![\w-])")
_P_WEEKDAY = re.compile(
    rf"(?<![\w-])(?:(?i:(?:this\s+)?(?:last|next|coming|past)|this|the\s+coming|the\s+past)\s+)?"
    rf"(?:(?i:early|late)(?:\s+(?i:on))?\s+)?{_WD}(?:\s+(?i:{_PARTS}))?(?![\w-])")
_P_UNIT = re.compile(
    r"(?<![\w-])(?i:(?:(?:earlier|later|early|late|mid|the\s+(?:end|beginning|start|middle|rest)\s+of"
    r"|end\s+of)[\s-]+(?:in\s+)?)?(?:this|last|next|the\s+past|the\s+last|the\s+coming"
    r"|past|coming)\s+(?:week|month|year)|the\s+(?:past|last|coming|next)\s+decade"
    r"|(?:earlier|later)\s+in\s+the\s+(?:week|month|year)"
    r"|the\s+(?:end|beginning|start|middle)\s+of\s+the\s+(?:week|month|year)"
    r"|(?:(?:over|at|during|on)\s+)?the\s+(?:(?:past|last|coming|next)\s+)?weekend"
    r"|(?:this|last|next|past|coming)\s+weekend"
    r"|(?:(?:about|some|nearly|almost|more\s+than|less\s+than|over|just\s+over|just\s+under|roughly|around|"
    r"at\s+least)\s+)?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|a\s+few|"
    r"a\s+couple\s+of|several)\s+(?:hour|day|week|month|year|decade)s?\s+ago"
    r"|(?:in|over|during|within|for)\s+(?:recent|the\s+(?:past|last|coming|next)(?:\s+(?:few|several|couple\s+of"
    r"|\d+|two|three|four|five|six|seven|eight|nine|ten|twelve))?)\s+(?:hours|days|weeks|months))"
    r"(?![\w-])")
_P_SEASON = re.compile(
    rf"(?<![\w-])(?i:(?:(?:early|mid|late)[\s-]+)?(?:(?:this|last|next|the\s+coming|the\s+past)\s+"
    rf"(?:spring|summer|autumn|fall|winter)|(?:the\s+)?(?:spring|summer|autumn|fall|winter)"
    rf"(?:\s+of)?,?\s+{_YEAR}|in\s+the\s+(?:spring|summer|autumn|winter)))(?![\w-])")
_P_CLOCK = re.compile(rf"(?<![\w:.])(?:(?i:at)\s+)?{_CLOCK_FULL}")
_P_HOLIDAY = re.compile(
    rf"(?<![\w-])(?:(?i:last|next|this|the\s+coming|the\s+upcoming|upcoming)\s+)?"
    rf"(?:(?i:the\s+)?(?i:eve|start|beginning|end|first\s+day|last\s+day|first\s+days|last\s+days)\s+of\s+)?"
    rf"(?:{_hol.HOLIDAY_PATTERN})(?:\s+(?i:of\s+)?{_YEAR})?(?![\w-])")


def _prev_word(s: str, i: int) -> tuple[str, str]:
    """The word before position ``i`` and the characters between it and ``i``."""
    m = re.search(r"([A-Za-z][\w.'’]*)([\s,]*)$", s[:i])
    return (m.group(1), m.group(2)) if m else ("", "")


def _at_sentence_start(s: str, i: int) -> bool:
    return not re.search(r"[\w,]", s[:i].rstrip(" \"'“‘(—-:"))


def _capitalised_name_before(s: str, start: int) -> bool:
    """True if a capitalised word that is not a preposition or the like stands right before."""
    pw, gap = _prev_word(s, start)
    if not pw or not pw[0].isupper() or gap.strip() or pw.endswith(("'s", "’s")):
        return False
    if pw.lower().rstrip(".") in _CAP_OK:
        return False
    return not _at_sentence_start(s, start - len(pw) - len(gap))


def _name_head_after(s: str, end: int) -> bool:
    m = re.match(r" ([A-Z][a-z]+)", s[end:])
    return bool(m and m.group(1) in _NAME_HEADS)


def _ok_weekday(s: str, m: re.Match[str]) -> bool:
    pw, gap = _prev_word(s, m.start())
    if pw.lower() in _NAME_ADJ and not gap.strip():
        return False  # "Bloody Sunday", "Good Friday Agreement", "Super Tuesday"
    return not _name_head_after(s, m.end())


def _ok_holiday(s: str, m: re.Match[str]) -> bool:
    if _name_head_after(s, m.end()):
        return False  # "Yom Kippur War", "Easter Rising", "Christmas Island"
    # "Ramadan" is also a surname ("Taha Yassin Ramadan")
    return not (m.group().endswith(("Ramadan", "Ramadhan")) and _capitalised_name_before(s, m.start()))


def _ok_relday(s: str, m: re.Match[str]) -> bool:
    # "Russia Today", "USA Today" are names
    return not (m.group().startswith("Today") and _capitalised_name_before(s, m.start()))


def _ok_year(s: str, m: re.Match[str]) -> bool:
    if _COUNT_NOUNS.match(s, m.end()):
        return False  # "2000 troops", "1800-km"
    pw, gap = _prev_word(s, m.start())
    if pw.lower().rstrip(".") in _NUMBER_NAMES and not gap.strip(" "):
        return False  # "Resolution 2231", "No. 1989"
    if s[:m.start()].rstrip().endswith("#") or (pw.lower() in _QUANTIFIERS and not gap.strip()):
        return False  # "nearly 2000 Palestinians": a count written without a comma
    if _capitalised_name_before(s, m.start()):
        return False  # "Vision 2030", "Euro 2024"
    # "between 1,500 and 2000": a count in a list of counts
    return not re.search(r"\d,\d{3}\s+(?:and|or|to)\s+$", s[:m.start("y")])


_RANGE_START = re.compile(rf"\b(?i:from|between)\s+(?:(?i:early|mid|late)[\s-]+)?(?:{_MONTH_FULL})\s+$")


def _ok_month(s: str, m: re.Match[str]) -> bool:
    pre = m.group("pre").strip().lower()
    if pre in {"and", "to", "through", "until", "till"} and _RANGE_START.search(s, 0, m.start()):
        return True  # the end of "from March to May", "between March and May"
    if pre == "and":
        return False
    # "spoke to May", "a letter from May": Theresa May, not the month
    return not (m.group("mon") == "May" and pre in {"to", "from", "of", "by", "after", "before"})


def _month_span(m: re.Match[str]) -> tuple[int, int]:
    pre = m.group("pre").strip().lower()
    if pre in {"since", "by", "until", "till", "through", "before", "after", "from", "to", "of", "between", "and"}:
        return m.start("mon"), m.end()
    return m.start(), m.end()


_Check = Callable[[str, "re.Match[str]"], bool]
_FINDERS: tuple[tuple[re.Pattern[str], str, _Check | None], ...] = (
    (_P_ISO, "date", None),
    (_P_SLASH, "date", lambda s, m: _slash_date(m.group()) is not None),
    (_P_DMY, "date", None),
    (_P_MDY, "date", None),
    (_P_MONTH_YEAR, "month", None),
    (_P_MONTH, "month", _ok_month),
    (_P_MONTH_REL_YEAR, "month", None),
    (_P_YEAR, "year", _ok_year),
    (_P_YEAR_RANGE, "year", lambda s, m: _year_range(m.group()) is not None
     and not _COUNT_NOUNS.match(s, m.end())),
    (_P_DECADE, "year", None),
    (_P_RELDAY, "relday", _ok_relday),
    (_P_WEEKDAY, "weekday", _ok_weekday),
    (_P_UNIT, "span", None),
    (_P_SEASON, "span", None),
    (_P_CLOCK, "time", None),
    (_P_HOLIDAY, "holiday", _ok_holiday),
)
_DAYISH = frozenset({"date", "weekday", "relday", "holiday", "datetime"})
_GAP_TIME_DAY = re.compile(r"\s*(?:,\s*|\s(?:on|of)\s+|\s)?\s*(?:(?i:on)\s+)?")
_GAP_DAY_TIME = re.compile(r"\s*,?\s*(?:(?i:at|from)\s+)?")
_GAP_RANGE = re.compile(r"\s*(?:to|until|till|through|thru|and|-|–|—)\s*", re.I)


def find_time_expressions(sentence: str) -> list[TimeMention]:
    """Time expressions in ``sentence``, with offsets relative to it, in text order.

    A neutral preposition before an expression is part of it ("on Tuesday night", "in 2016",
    "over the weekend"); "since", "until", "by", "before", "after" are not, because they change
    what the expression means and the caller should see them. Clock times are joined to their
    day ("6 p.m. (1500 GMT) on Saturday") and ranges to one mention ("from Friday to Sunday").
    """
    atoms: list[_Atom] = []
    for pattern, kind, check in _FINDERS:
        for m in pattern.finditer(sentence):
            if check is not None and not check(sentence, m):
                continue
            start, end = _month_span(m) if pattern is _P_MONTH else m.span()
            if end > start:
                atoms.append(_Atom(start, end, kind))
    kept = _longest_first(atoms)
    kept = _join_weekday_dates(sentence, kept)
    kept = _join_times(sentence, kept)
    kept = _join_ranges(sentence, kept)
    out = []
    for a in kept:
        start = a.start
        pm = _NEUTRAL_PREPS.search(sentence, 0, a.start)
        text = sentence[a.start:a.end]
        if pm and pm.end() == a.start and not re.match(r"(?i:on|in|at|over|during|from|between)\b", text) \
                and not sentence.startswith(("'s", "’s"), a.end):
            start = pm.start()
        out.append(TimeMention(sentence[start:a.end], start, a.end))
    return out


def _longest_first(atoms: list[_Atom]) -> list[_Atom]:
    kept: list[_Atom] = []
    for a in sorted(atoms, key=lambda a: (a.start - a.end, a.start)):
        if all(a.end <= k.start or a.start >= k.end for k in kept):
            kept.append(a)
    return sorted(kept, key=lambda a: a.start)


def _join_weekday_dates(s: str, atoms: list[_Atom]) -> list[_Atom]:
    """ "Monday, April 28", "Sunday (Dec. 8)": the weekday restates the date; one mention."""
    out: list[_Atom] = []
    for a in atoms:
        if out and out[-1].kind == "weekday" and a.kind == "date" and re.fullmatch(
                r",?\s*\(?", s[out[-1].end:a.start]):
            end = a.end + 1 if s.startswith(")", a.end) and "(" in s[out[-1].end:a.start] else a.end
            out[-1] = _Atom(out[-1].start, end, "date")
        else:
            out.append(a)
    return out


def _join_times(s: str, atoms: list[_Atom]) -> list[_Atom]:
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None:
            gap = s[a.end:b.start]
            if a.kind == "time" and b.kind in _DAYISH and _GAP_TIME_DAY.fullmatch(gap):
                out.append(_Atom(a.start, b.end, "datetime"))
                i += 2
                continue
            c = atoms[i + 2] if i + 2 < len(atoms) else None
            time_owned_by_next = c is not None and c.kind in _DAYISH and _GAP_TIME_DAY.fullmatch(
                s[b.end:c.start]) and not gap.strip(" ,")
            if a.kind in _DAYISH and b.kind == "time" and _GAP_DAY_TIME.fullmatch(gap) \
                    and not time_owned_by_next:
                out.append(_Atom(a.start, b.end, "datetime"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _range_family(kind: str) -> str:
    return "day" if kind in _DAYISH else kind


def _join_ranges(s: str, atoms: list[_Atom]) -> list[_Atom]:
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and _range_family(a.kind) == _range_family(b.kind) and a.kind != "span":
            gap = s[a.end:b.start]
            lead = re.search(r"(?i:\b(from|between)\s+)$", s[:a.start])
            connective = _GAP_RANGE.fullmatch(gap)
            word = gap.strip().lower()
            if connective and (
                (lead and (word != "and" or lead.group(1).lower() == "between"))
                or (not lead and word in {"to", "through", "thru", "-", "–", "—", "until", "till"}
                    and a.kind == b.kind)
                or (not lead and word == "and" and a.kind == b.kind == "weekday")
            ):
                out.append(_Atom(lead.start() if lead else a.start, b.end, "range"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


# ----------------------------------------------------------------------------------------
# Tense of the clause around an expression
# ----------------------------------------------------------------------------------------

_FUTURE_WORDS = frozenset("will 'll shall would could might should may wo upcoming next "
                          "forthcoming tomorrow".split())
_FUTURE_BEFORE_TO = frozenset("due expected scheduled set slated plans plan planned planning "
                              "intends intend intended going hopes hope aims aim wants want "
                              "agreed agree is are was were poised ready prepared".split())
_PRESENT_AUX = frozenset("is are am".split())
_PAST_AUX = frozenset("was were had has have did".split())
_IRREGULAR_PAST = frozenset(
    "said told met held began struck fought made took gave sent went came spoke saw left broke "
    "won lost ran shot flew led brought thought sought wrote became fell rose kept got found "
    "knew stood drew chose withdrew froze laid paid swept overran shook overtook undertook "
    "underwent forbade sank sold bought heard felt meant dealt stole woke wore".split())
_ADJ_ED = frozenset("armed based united alleged so-called bed red need embed indeed "
                    "speed feed seed hundred wounded".split())
_PRESENT_VERBS = frozenset(
    "says tells warns announces claims insists denies accuses begins starts meets visits "
    "holds travels takes marks opens ends arrives leaves returns continues remains "
    "expects plans".split())
_CONTRACTIONS: dict[str, Tense] = {
    "wo": "future", "would": "future", "could": "future", "should": "future", "might": "future",
    "ca": "present", "is": "present", "are": "present", "do": "present", "does": "present",
    "was": "past", "were": "past", "did": "past", "has": "past", "have": "past", "had": "past",
}
_TOKEN = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*|'ll|[;:\"“”—()]")
_BOUNDARY = frozenset({";", ":", "\"", "“", "”", "—", "(", ")"})


def _cue(tokens: list[str], i: int) -> Tense | None:
    """The tense signalled by ``tokens[i]`` (read with up to three auxiliaries before it)."""
    w = tokens[i].lower().replace("’", "'")
    if w.endswith("'ll"):
        return "future"
    if w.endswith("n't"):
        return _CONTRACTIONS.get(w[:-3])
    if w in _FUTURE_WORDS:
        return "future"
    if w == "to" and i > 0 and tokens[i - 1].lower() in _FUTURE_BEFORE_TO:
        return "future"
    if w in _PRESENT_AUX or w in _PRESENT_VERBS or w in {"can", "now"}:
        return "present"
    if w in _PAST_AUX or w in {"ago", "yesterday", "earlier"}:
        return "past"
    verbish = (w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4 and w not in _ADJ_ED
                                         and tokens[i][0].islower()))
    if verbish or (w.endswith("ing") and len(w) > 4):
        for j in range(i - 1, max(-1, i - 4), -1):
            aux = tokens[j].lower()
            if aux in _FUTURE_WORDS or aux == "to" and j > 0 and tokens[j - 1].lower() in _FUTURE_BEFORE_TO:
                return "future"
            if aux in _PRESENT_AUX:
                return "present"
            if aux in _PAST_AUX:
                return "past"
            if aux not in {"be", "been", "being", "not", "n't", "also", "still", "already",
                           "reportedly", "allegedly", "just", "then", "again", "jointly"}:
                break
        return "past" if verbish else None
    return None


@lru_cache(maxsize=4096)
def _guess_tense(sentence: str, expression: str) -> Tense:
    """The tense of the clause that ``expression`` modifies in ``sentence`` (default past).

    Reads the nearest verbal cue to the left within the clause, then to the right: enough to
    tell "said on Wednesday" from "will travel on Wednesday" and "is sending ... on Wednesday".
    """
    i = sentence.find(expression) if expression else -1
    if i < 0:
        left, right = sentence, ""
    else:
        left, right = sentence[:i], sentence[i + len(expression):]
    left_tokens = _TOKEN.findall(left)
    right_tokens = _TOKEN.findall(right)
    # "the May 9 parade would go ahead": a date inside a noun phrase takes the tense of the
    # verb after it, not of the one before ("said")
    modifier = bool(re.search(r"(?:\b(?:the|a|an|this|that|its|their|his|her)|['’]s)\s*$", left, re.I))
    sides = (("right", "left") if modifier else ("left", "right"))
    for side in sides:
        if side == "left":
            order = range(len(left_tokens) - 1, max(-1, len(left_tokens) - 15), -1)
            tokens = left_tokens
        else:
            order = range(min(len(right_tokens), 10))
            tokens = right_tokens
        for k in order:
            if tokens[k] in _BOUNDARY:
                break
            tense = _cue(tokens, k)
            if tense is not None:
                return tense
    return "past"


# ----------------------------------------------------------------------------------------
# Resolution
# ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Ctx:
    published: dt.date | None
    tense: Tense


class _NeedsDate(Exception):
    """A relative expression met an unknown publication date."""


def _pub(ctx: _Ctx) -> dt.date:
    if ctx.published is None:
        raise _NeedsDate
    return ctx.published


def _span(start: dt.date, end: dt.date, precision: Precision, basis: str, *,
          vague: bool = False, start_time: dt.time | None = None,
          end_time: dt.time | None = None) -> TimeSpan:
    return TimeSpan(start, end, precision, basis,  # type: ignore[arg-type]
                    start_time=start_time, end_time=end_time,
                    earliest=start if vague else None, latest=end if vague else None)


def _month_end(y: int, m: int) -> dt.date:
    return (dt.date(y + (m == 12), m % 12 + 1, 1)) - _D(days=1)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _submod_bounds(mod: str | None, first: dt.date, last: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    """The part of [first, last] that "early", "mid", "late", "the end of" ... designate."""
    if not mod:
        return first, last
    mod = re.sub(r"^the\s+|\s+of$", "", " ".join(mod.lower().split()))
    if unit == "year":
        y = first.year
        table = {"early": (1, 4), "beginning": (1, 3), "start": (1, 3), "mid": (5, 8),
                 "middle": (5, 8), "late": (9, 12), "end": (10, 12), "first half": (1, 6),
                 "second half": (7, 12), "first quarter": (1, 3), "second quarter": (4, 6),
                 "third quarter": (7, 9), "fourth quarter": (10, 12), "last quarter": (10, 12)}
        if mod in table:
            a, b = table[mod]
            return dt.date(y, a, 1), _month_end(y, b)
        return first, last
    n = (last - first).days + 1
    if unit == "month":
        table2 = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20),
                  "middle": (11, 20), "late": (21, n), "end": (21, n), "first half": (1, 15),
                  "second half": (16, n)}
        a, b = table2.get(mod, (1, n))
        return first + _D(days=a - 1), first + _D(days=b - 1)
    # a week: early Mon-Wed, mid Wed-Fri, late Thu-Sun, the end Fri-Sun
    table3 = {"early": (0, 2), "beginning": (0, 1), "start": (0, 1), "mid": (2, 4),
              "middle": (2, 4), "late": (3, 6), "end": (4, 6)}
    a, b = table3.get(mod, (0, n - 1))
    return first + _D(days=a), first + _D(days=b)


def _pick(cands: list[tuple[dt.date, dt.date]], pub: dt.date, tense: Tense,
          past_slack: int = 7, future_slack: int = 1) -> tuple[dt.date, dt.date] | None:
    """The candidate span nearest ``pub`` that fits the tense (with a little slack)."""
    if not cands:
        return None
    if tense == "past":
        ok = [c for c in cands if c[0] <= pub + _D(days=past_slack)]
        return max(ok) if ok else min(cands)
    if tense == "future":
        ok = [c for c in cands if c[1] >= pub - _D(days=future_slack)]
        return min(ok) if ok else max(cands)

    def dist(c: tuple[dt.date, dt.date]) -> int:
        return 0 if c[0] <= pub <= c[1] else min(abs((c[0] - pub).days), abs((c[1] - pub).days))
    return min(cands, key=dist)


def _weekday_date(wd: int, pub: dt.date, tense: Tense, rel: str | None) -> dt.date:
    back = (pub.weekday() - wd) % 7  # days since the latest such weekday (0 = today)
    ahead = (wd - pub.weekday()) % 7
    if rel in {"last", "past", "this past", "the past"}:
        return pub - _D(days=back or 7)
    if rel in {"next", "coming", "this coming", "the coming"}:
        return pub + _D(days=ahead or 7)
    if rel == "this":
        return pub - _D(days=back) if tense == "past" else pub + _D(days=ahead)
    if tense == "past":
        return pub - _D(days=back)
    if tense == "future":
        return pub + _D(days=ahead)
    return pub - _D(days=back) if back <= ahead else pub + _D(days=ahead)


def _clock(text: str) -> tuple[dt.time, Precision, bool] | None:
    """(time, precision, is_midnight) for a clock expression such as "6:30 p.m." or "1500 GMT"."""
    t = " ".join(text.lower().split())
    t = re.sub(r"\s*\([^()]*\)", "", t)
    t = re.sub(r"^(?:at|around|about|from|by|until|till)\s+", "", t)
    m = re.fullmatch(r"([01]\d|2[0-3])([0-5]\d)\s*(?:gmt|utc|hrs|hours|z)", t)
    if m:  # military style, "1500 GMT"
        mi = int(m.group(2))
        return dt.time(int(m.group(1)), mi), ("minute" if mi else "hour"), False
    t = re.sub(rf"\s+(?i:{_TZ})$", "", t).strip()
    if t == "midnight":
        return dt.time(0, 0), "hour", True
    if t in {"noon", "midday"}:
        return dt.time(12, 0), "hour", False
    m = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\.?", t)
    if m:
        h, mi = int(m.group(1)), int(m.group(2) or 0)
        if not 1 <= h <= 12 or mi > 59:
            return None
        h = h % 12 + (12 if m.group(3) == "p" else 0)
        return dt.time(h, mi), ("minute" if mi else "hour"), False
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?:\s*(?:gmt|utc|hrs|h|z))?", t)
    if m:
        h, mi = int(m.group(1)), int(m.group(2))
        if h > 23 or mi > 59:
            return None
        return dt.time(h, mi), ("minute" if mi else "hour"), False
    return None


def _slash_date(text: str) -> dt.date | None:
    """A d/m/y or m/d/y date only when the order cannot matter (a part > 12, or both equal)."""
    a, b, y = (int(x) for x in text.split("/"))
    if a == b or (a > 12 >= b):
        d, m = a, b
    elif b > 12 >= a:
        d, m = b, a
    else:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year_range(text: str) -> tuple[int, int] | None:
    m = re.fullmatch(r"(\d{4})\s*[-–/]\s*(\d{2}|\d{4})", text.strip())
    if not m:
        return None
    y1 = int(m.group(1))
    y2 = int(m.group(2)) if len(m.group(2)) == 4 else y1 // 100 * 100 + int(m.group(2))
    if not (1800 <= y1 < y2 <= 2100) or y2 - y1 > 100:
        return None
    return y1, y2


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# --- handlers: each takes (match, ctx) and returns a TimeSpan or None --------------------

_Handler = Callable[["re.Match[str]", _Ctx], "TimeSpan | None"]
_I = re.I


def _h_iso(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["hh"]:
        h, mi = int(m["hh"]), int(m["mm"])
        if h > 23 or mi > 59:
            return None
        return _span(d, d, "minute" if mi else "hour", "explicit", start_time=dt.time(h, mi))
    return _span(d, d, "day", "explicit")


def _h_slash(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    d = _slash_date(m.group())
    return _span(d, d, "day", "explicit") if d else None


def _day_of(s: str) -> int:
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


def _h_date(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    month = _MONTHS[m["mon"].lower().rstrip(".")]
    d1 = _day_of(m["d"])
    d2 = _day_of(m["d2"]) if m["d2"] else d1
    if d2 < d1:
        return None
    if m["y"]:
        a, b = _safe_date(int(m["y"]), month, d1), _safe_date(int(m["y"]), month, d2)
        return _span(a, b, "day", "explicit") if a and b else None
    pub = _pub(ctx)
    cands = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        a, b = _safe_date(y, month, d1), _safe_date(y, month, d2)
        if a and b:
            cands.append((a, b))
    picked = _pick(cands, pub, ctx.tense, past_slack=7, future_slack=7)
    return _span(picked[0], picked[1], "day", "explicit") if picked else None


def _h_month_year(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    y, month = int(m["y"]), _MONTHS[m["mon"].lower().rstrip(".")]
    first, last = dt.date(y, month, 1), _month_end(y, month)
    a, b = _submod_bounds(m["mod"], first, last, "month")
    return _span(a, b, "month", "explicit", vague=bool(m["mod"]))


def _h_month_rel_year(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    pub = _pub(ctx)
    y = pub.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    month = _MONTHS[m["mon"].lower()]
    a, b = _submod_bounds(m["mod"], dt.date(y, month, 1), _month_end(y, month), "month")
    return _span(a, b, "month", "relative", vague=bool(m["mod"]))


def _h_month(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    if not m["mon"][0].isupper():  # "may" the verb, "march" the verb
        return None
    month = _MONTHS[m["mon"].lower()]
    pub = _pub(ctx)
    rel = (m["rel"] or "").lower()
    cands = [(dt.date(y, month, 1), _month_end(y, month)) for y in (pub.year - 1, pub.year, pub.year + 1)]
    if rel in {"last", "the past"}:
        picked = max(c for c in cands if c[1] < pub.replace(day=1))
    elif rel in {"next", "the coming"}:
        picked = min(c for c in cands if c[0] > pub)
    else:
        tense = "present" if rel == "this" else ctx.tense
        picked = _pick(cands, pub, tense, past_slack=0, future_slack=0)  # type: ignore[assignment]
    assert picked is not None
    a, b = _submod_bounds(m["mod"], picked[0], picked[1], "month")
    vague = bool(m["mod"])
    if m["inside"]:  # "earlier in March": a part of the month, bounded by publication
        vague = True
        if m["inside"].lower().startswith("earlier"):
            b = min(b, pub)
        else:
            a = max(a, pub) if a <= pub <= b else a
    return _span(a, b, "month", "relative", vague=vague)


def _h_quarter(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    y, q = int(m["y"]), int(m["q"])
    return _span(dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "year", "explicit", vague=True)


def _h_year(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    y = int(m["y"])
    a, b = _submod_bounds(m["mod"], dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    return _span(a, b, "year", "explicit", vague=bool(m["mod"]))


def _h_year_range(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    r = _year_range(m.group())
    return _span(dt.date(r[0], 1, 1), dt.date(r[1], 12, 31), "year", "explicit") if r else None


def _h_decade(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    d = int(m["dec"])
    mod = (m["mod"] or "").lower()
    a, b = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(mod, (0, 9))
    return _span(dt.date(d + a, 1, 1), dt.date(d + b, 12, 31), "year", "explicit", vague=bool(mod))


def _h_relday(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    pub = _pub(ctx)
    w = " ".join(m["w"].lower().split())
    part = (m["part"] or "").lower()
    offset = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tomorrow": 1,
              "the day after tomorrow": 2, "tonight": 0, "last night": -1,
              "this morning": 0, "this afternoon": 0, "this evening": 0,
              "earlier in the day": 0, "later in the day": 0}[w]
    d = pub + _D(days=offset)
    if w in {"tonight", "last night"} or part == "night":
        return TimeSpan(d, d, "day", "relative", latest=d + _D(days=1), earliest=d)
    return _span(d, d, "day", "relative")


def _h_overnight(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    pub = _pub(ctx)
    if m["wd"]:
        # "overnight into Sunday", "overnight on Sunday": the night that ends on Sunday morning
        end = _weekday_date(_WEEKDAYS.index(m["wd"].lower()), pub, ctx.tense, None)
        start = end - _D(days=1)
    elif m["wa"] or m["wb"] or m["wc"]:
        first = m["wa"] or m["wb"] or m["wc"]
        start = _weekday_date(_WEEKDAYS.index(first.lower()), pub, ctx.tense, None)
        end = start + _D(days=1)
    elif ctx.tense == "future":
        start, end = pub, pub + _D(days=1)
    else:
        start, end = pub - _D(days=1), pub
    return _span(start, end, "day", "relative", vague=True)


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    pub = _pub(ctx)
    rel = " ".join((m["rel"] or "").lower().split()) or None
    d = _weekday_date(_WEEKDAYS.index(m["wd"].lower()), pub, ctx.tense, rel)
    part = (m["part"] or "").lower()
    if part == "overnight":
        return _span(d - _D(days=1), d, "day", "relative", vague=True)
    if part == "night":
        return TimeSpan(d, d, "day", "relative", earliest=d, latest=d + _D(days=1))
    return _span(d, d, "day", "relative")


def _weekend(pub: dt.date, rel: str | None, tense: Tense) -> tuple[dt.date, dt.date]:
    sat_back = pub - _D(days=(pub.weekday() - 5) % 7)  # latest Saturday on or before pub
    current = (sat_back, sat_back + _D(days=1))
    in_weekend = pub.weekday() >= 5
    nxt = (sat_back + _D(days=7), sat_back + _D(days=8))
    prev = (sat_back - _D(days=7), sat_back - _D(days=6))
    if rel in {"last", "past", "the past"}:
        return prev if in_weekend else current
    if rel in {"next", "coming", "the coming"}:
        return nxt
    if in_weekend:
        if tense == "past" and rel is None and pub.weekday() == 5:
            return current[0], pub  # "over the weekend" in a Saturday report: so far, Saturday
        return current
    if tense == "future" or (rel == "this" and tense == "present"):
        return nxt
    return current


def _h_weekend(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    pub = _pub(ctx)
    rel = " ".join((m["rel"] or "").lower().split()) or None
    a, b = _weekend(pub, rel, ctx.tense)
    return _span(a, b, "day", "relative")


def _unit_bounds(unit: str, pub: dt.date, k: int) -> tuple[dt.date, dt.date]:
    """The calendar week/month/year ``k`` units from the one containing ``pub``."""
    if unit == "week":
        monday = pub - _D(days=pub.weekday()) + _D(weeks=k)
        return monday, monday + _D(days=6)
    if unit == "month":
        y, mo = _add_months(pub.year, pub.month, k)
        return dt.date(y, mo, 1), _month_end(y, mo)
    return dt.date(pub.year + k, 1, 1), dt.date(pub.year + k, 12, 31)


def _h_unit(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    pub = _pub(ctx)
    unit = m["unit"].lower()
    rel = " ".join((m["rel"] or "this").lower().split())
    mod = " ".join((m["mod"] or "").lower().split()) or None
    prec = _UNIT_PREC.get(unit, "year")
    if rel in {"the past", "the last", "past"}:
        return _span(pub - _D(days=math.ceil(_UNIT_DAYS[unit])), pub, prec, "relative", vague=True)
    if rel in {"the coming", "coming", "the next"}:
        return _span(pub, pub + _D(days=math.ceil(_UNIT_DAYS[unit])), prec, "relative", vague=True)
    if unit == "decade":
        return None
    k = {"last": -1, "this": 0, "next": 1}[rel]
    first, last = _unit_bounds(unit, pub, k)
    if mod in {"earlier", "earlier in"}:
        return _span(first, max(first, min(last, pub)), prec, "relative", vague=True)
    if mod in {"later", "later in", "the rest of"}:
        return _span(min(last, max(first, pub)), last, prec, "relative", vague=True)
    if mod:
        a, b = _submod_bounds(mod, first, last, unit)
        return _span(a, b, prec, "relative", vague=True)
    return _span(first, last, prec, "relative")


_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}


def _h_ago(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    pub = _pub(ctx)
    unit = m["unit"].lower()
    nword = " ".join(m["n"].lower().split())
    q = " ".join((m["q"] or "").lower().split())
    n = {"a few": 3, "few": 3, "several": 4, "a couple of": 2, "couple of": 2}.get(nword) or _num(nword)
    if n is None:
        return None
    n = int(n)
    prec: Precision = "day" if unit == "hour" else "year" if unit == "decade" else _UNIT_PREC[unit]
    ago = _D(days=math.ceil(n * _UNIT_DAYS[unit]))
    if q in {"more than", "just over", "at least", "over"}:  # before that point, not around it
        return _span(pub - 2 * ago, pub - ago, prec, "relative", vague=True)
    if q in {"less than", "nearly", "almost", "just under"}:  # since that point
        return _span(pub - ago, pub, prec, "relative", vague=True)
    approx = nword in {"a few", "few", "several", "a couple of", "couple of"} or bool(q)
    if unit == "hour":
        d = (dt.datetime.combine(pub, dt.time(12)) - _D(hours=n)).date()
        return _span(d, pub, "day", "relative") if d != pub else _span(pub, pub, "day", "relative")
    if unit == "day":
        d = pub - _D(days=n)
        if approx:
            return _span(d - _D(days=1), d + _D(days=1), "week", "relative", vague=True)
        return _span(d, d, "day", "relative")
    if unit == "week":
        a, b = _unit_bounds("week", pub, -n)
        return _span(a, b, "week", "relative", vague=approx)
    if unit == "month":
        a, b = _unit_bounds("month", pub, -n)
        return _span(a, b, "month", "relative", vague=approx)
    years = n * (10 if unit == "decade" else 1)
    y = pub.year - years
    if unit == "decade" or approx:
        return _span(dt.date(y - 1, 1, 1), dt.date(y + 1, 12, 31), "year", "relative", vague=True)
    return _span(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "relative")


def _h_recent(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    pub = _pub(ctx)
    unit = m["unit"].lower().rstrip("s")
    nword = (m["n"] or "").lower().strip()
    n = _num(nword) if nword and nword not in {"few", "several", "couple of"} else None
    if n is not None:
        size = n * {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}[unit]
        prec: Precision = "day" if unit == "hour" else _UNIT_PREC[unit]
    else:
        size = {"hour": 1, "day": 7, "week": 30, "month": 180, "year": 730}[unit]
        prec = _COARSER[unit]
    days = max(1, math.ceil(size))
    if m["dir"] and m["dir"].lower() in {"coming", "next"}:
        return _span(pub, pub + _D(days=days), prec, "relative", vague=True)
    return _span(pub - _D(days=days), pub, prec, "relative", vague=True)


_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _h_season(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    first_month = _SEASON_MONTHS[m["s"].lower()]

    def bounds(y: int) -> tuple[dt.date, dt.date]:
        ey, em = _add_months(y, first_month, 2)
        return dt.date(y, first_month, 1), _month_end(ey, em)

    mod = (m["mod"] or "").lower() or None
    if m["y"]:
        a, b = bounds(int(m["y"]))
        basis = "explicit"
    else:
        pub = _pub(ctx)
        cands = [bounds(y) for y in (pub.year - 2, pub.year - 1, pub.year, pub.year + 1)]
        rel = " ".join((m["rel"] or "").lower().split())
        if rel in {"last", "the past"}:
            a, b = max(c for c in cands if c[1] < pub)
        elif rel in {"next", "the coming"}:
            a, b = min(c for c in cands if c[0] > pub)
        else:
            tense: Tense = "present" if rel == "this" else ctx.tense
            a, b = _pick(cands, pub, tense, past_slack=0, future_slack=0)  # type: ignore[misc]
        basis = "relative"
    if mod:
        thirds = {"early": 0, "mid": 1, "late": 2}[mod]
        y, mo = _add_months(a.year, a.month, thirds)
        a, b = dt.date(y, mo, 1), _month_end(y, mo)
    return _span(a, b, "month", basis, vague=True)


def _h_holiday(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    key = _hol.holiday_key(m["h"])
    if key is None:
        return None
    if key in _hol.UNRESOLVABLE:
        return TimeSpan.unknown()
    if m["y"]:
        spans = _hol.in_year(key, int(m["y"]))
        if not spans:
            return None
        start, end = spans[0]
        basis = "explicit"
    else:
        pub = _pub(ctx)
        cands = list(_hol.occurrences(key, pub))
        rel = " ".join((m["rel"] or "").lower().split())
        if rel == "last":
            ok = [c for c in cands if c[1] < pub]
            picked = max(ok) if ok else None
        elif rel in {"next", "the coming", "the upcoming", "upcoming"}:
            ok = [c for c in cands if c[0] > pub]
            picked = min(ok) if ok else None
        else:
            picked = _pick(cands, pub, "present" if rel == "this" else ctx.tense)
        if picked is None:
            return None
        start, end = picked
        basis = "relative"
    mod = " ".join((m["mod"] or "").lower().split())
    if mod == "eve":
        start = end = start - _D(days=1)
    elif mod in {"start", "beginning", "first day"}:
        end = start
    elif mod in {"end", "last day"}:
        start = end
    elif mod == "first days":
        end = min(end, start + _D(days=2))
    elif mod == "last days":
        start = max(start, end - _D(days=2))
    if _hol.is_lunar_sighted(key):
        return TimeSpan(start, end, "day", basis, earliest=start - _D(days=1),  # type: ignore[arg-type]
                        latest=end + _D(days=1))
    return _span(start, end, "day", basis)


def _h_clock(m: re.Match[str], ctx: _Ctx) -> TimeSpan | None:
    c = _clock(m.group())
    if c is None:
        return None
    pub = _pub(ctx)
    return _span(pub, pub, c[1], "relative", start_time=c[0])


_HOLIDAY_RX = re.compile(rf"(?:(?P<rel>last|next|this|the\s+coming|the\s+upcoming|upcoming)\s+)?"
                rf"(?:(?:the\s+)?(?P<mod>eve|start|beginning|end|first\s+day|last\s+day|first\s+days|last\s+days)"
                rf"\s+of\s+)?(?:the\s+)?(?P<h>{_hol.HOLIDAY_PATTERN})(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?"
                r"(?:\s+(?:holidays?|festival|celebrations?))?", _I)
_HANDLERS: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[t ](?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2})?"
                r"(?:z|[+-]\d{2}:?\d{2})?)?", _I), _h_iso),
    (re.compile(r"\d{1,2}/\d{1,2}/\d{4}"), _h_slash),
    (re.compile(rf"(?:(?:early|late)(?:\s+on)?\s+)?(?:{_WD},?\s+)?(?:the\s+)?(?P<d>{_DAYNUM})(?:\s*-\s*(?P<d2>{_DAYNUM}))?\s+(?:of\s+)?"
                rf"(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR}))?", _I), _h_date),
    (re.compile(rf"(?:(?:early|late)(?:\s+on)?\s+)?(?:{_WD},?\s+)?(?P<mon>{_MON})\s+(?:the\s+)?(?P<d>{_DAYNUM})(?:\s*-\s*(?P<d2>{_DAYNUM}))?"
                rf"(?:,?\s+(?P<y>{_YEAR}))?", _I), _h_date),
    (re.compile(rf"(?:(?P<mod>{_SUBMODS})[\s-]+)?(?P<mon>{_MON})(?:\s+of)?,?\s+(?P<y>{_YEAR})", _I),
     _h_month_year),
    (re.compile(rf"(?:(?P<mod>{_SUBMODS})[\s-]+)?(?P<mon>{_MONTH_FULL})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year",
                _I), _h_month_rel_year),
    (re.compile(rf"(?:(?P<inside>earlier|later)\s+in\s+)?(?:(?P<rel>last|next|this|the\s+coming|the\s+past)\s+)?"
                rf"(?:(?P<mod>{_SUBMODS})[\s-]+)?(?P<mon>{_MONTH_FULL})", _I), _h_month),
    (re.compile(rf"(?:(?P<mod>{_SUBMODS})[\s-]+)?(?:the\s+year\s+)?(?P<y>{_YEAR})", _I), _h_year),
    (re.compile(rf"Q(?P<q>[1-4])\s+(?P<y>{_YEAR})", _I), _h_quarter),
    (re.compile(rf"{_YEAR}\s*[-/]\s*(?:{_YEAR}|\d\d)"), _h_year_range),
    (re.compile(r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dec>(?:1[89]|20)\d0)'?s", _I), _h_decade),
    (re.compile(r"(?:(?:early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after"
                r"\s+tomorrow|yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
                r"|(?:earlier|later)\s+in\s+the\s+day)"
                r"(?:\s+(?P<part>morning|afternoon|evening|night))?", _I), _h_relday),
    (re.compile(rf"overnight\s+(?P<wb>{_WD})\s+(?:to|into)\s+{_WD}|overnight(?:\s+(?:into|to|on))?\s+(?P<wd>{_WD})"
                rf"|(?:the\s+)?night\s+of\s+(?P<wa>{_WD})\s+(?:to|into|and)\s+{_WD}|(?P<wc>{_WD})\s+night\s+into"
                rf"\s+{_WD}|overnight", _I), _h_overnight),
    (re.compile(rf"(?:(?P<rel>(?:this\s+)?(?:last|next|coming|past)|this|the\s+coming|the\s+past)\s+)?"
                rf"(?:(?:early|late)(?:\s+on)?\s+)?(?P<wd>{_WD})(?:\s+(?P<part>{_PARTS}))?", _I), _h_weekday),
    (re.compile(r"(?:the\s+)?(?:(?P<rel>this|last|next|past|coming|the\s+past|the\s+coming)\s+)?weekend", _I),
     _h_weekend),
    (re.compile(r"(?:(?P<mod>earlier|later|early|late|mid|(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of)"
                r"[\s-]+(?:in\s+)?)?(?P<rel>this|last|next|the\s+past|the\s+last|the\s+coming|the\s+next|past|coming)\s+"
                r"(?P<unit>week|month|year|decade)", _I), _h_unit),
    (re.compile(r"(?P<mod>earlier\s+in|later\s+in|(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of)\s+the\s+"
                r"(?P<unit>week|month|year)(?P<rel>)", _I), _h_unit),
    (re.compile(r"(?:(?P<q>about|some|nearly|almost|more\s+than|less\s+than|over|just\s+over|just\s+under|"
                r"roughly|around|"
                rf"at\s+least)\s+)?(?P<n>a\s+few|a\s+couple\s+of|couple\s+of|several|few|{_NUM})\s+"
                r"(?P<unit>hour|day|week|month|year|decade)s?\s+ago", _I), _h_ago),
    (re.compile(r"(?:recent|(?:the\s+)?(?P<dir>past|last|coming|next))\s+(?P<n>few|several|couple\s+of|"
                rf"{_NUM})?\s*(?P<unit>hours|days|weeks|months|years)", _I), _h_recent),
    (re.compile(rf"(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<rel>this|last|next|the\s+coming|the\s+past)\s+)?"
                rf"(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:(?:\s+of)?,?\s+(?P<y>{_YEAR}))?", _I),
     _h_season),
    (_HOLIDAY_RX, _h_holiday),
    (re.compile(_CLOCK_FULL), _h_clock),
)

_STRIP_LEAD = re.compile(
    r"^(?:on|in|at|over|during|for|around|about|by|since|until|till|before|after|as\s+of|circa|"
    r"c\.|sometime\s+in|some\s+time\s+in|starting(?:\s+(?:on|from|in))?|beginning\s+(?:on|from|in)|"
    r"as\s+early\s+as|as\s+late\s+as|"
    r"throughout|through|into|within)\s+", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,\s*[A-Z][A-Za-z .'’-]+)?,\s*(?=\S)")


def _normalise(text: str) -> str:
    t = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'").replace("\xa0", " ")
    t = re.sub(r"\((?:Reuters|AP|AFP|dpa|Xinhua|UPI|IANS|ANI)\)\s*-*\s*$", "", t.strip())
    t = _DATELINE.sub("", t.strip())
    t = " ".join(t.split()).strip(" ,;:-")
    t = re.sub(r"['’]s$", "", t)
    # a parenthetical restates a clock time in another zone ("6 p.m. (1500 GMT)"): drop it;
    # one restating the date ("Sunday (Dec. 8)") is kept without its brackets
    t = re.sub(r"\s*\(([^()]*)\)", lambda m: "" if re.search(r"GMT|UTC|\btime\b|\d{4}|:", m.group(1))
               else " " + m.group(1), t).strip()
    for _ in range(3):
        stripped = _STRIP_LEAD.sub("", t)
        if stripped == t or not stripped:
            break
        t = stripped
    if not re.search(r"\b(?:to|until|till|through|and)\b|\d\s*-\s*\d", t):
        t = re.sub(r"^from\s+", "", t, flags=re.I)
    return t


_DATE_WORDS = re.compile(
    rf"(?:{_MONTH_FULL}|{_MONTH_ABBR}|{_WD}|\d{{1,4}}(?:st|nd|rd|th)?|of|the|on|at|day|a\.m\.|p\.m\.|am|pm"
    r"|[,./:-]|\s)+", re.I)


@lru_cache(maxsize=8)
def _date_parser(prefer: str, base: dt.date | None) -> object:
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False,
        "RETURN_TIME_AS_PERIOD": True, "PREFER_DAY_OF_MONTH": "first",
        "PARSERS": ["absolute-time", "custom-formats"], "DATE_ORDER": "DMY",
    }
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser_fallback(t: str, ctx: _Ctx) -> TimeSpan | None:
    """dateparser for odd spellings of a calendar date ("the 3rd day of March, 2022")."""
    if not _DATE_WORDS.fullmatch(t) or not re.search(rf"{_MONTH_FULL}|{_MONTH_ABBR}", t, re.I) \
            or not re.search(r"\d", t):
        return None
    has_year = re.search(rf"\b{_YEAR}\b", t) is not None
    if not has_year and ctx.published is None:
        raise _NeedsDate
    prefer = {"past": "past", "future": "future"}.get(ctx.tense, "current_period")
    data = _date_parser(prefer, ctx.published).get_date_data(t)  # type: ignore[attr-defined]
    d = data.date_obj
    if d is None or not 1800 <= d.year <= 2100:
        return None
    period = data.period or "day"
    if period == "time":
        return _span(d.date(), d.date(), "hour", "explicit", start_time=d.time())
    if period == "month":
        return _span(d.date().replace(day=1), _month_end(d.year, d.month), "month", "explicit")
    if period == "year":
        return _span(dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "year", "explicit")
    return _span(d.date(), d.date(), "day", "explicit")


def _atomic(t: str, ctx: _Ctx) -> TimeSpan | None:
    for pattern, handler in _HANDLERS:
        m = pattern.fullmatch(t)
        if m:
            return handler(m, ctx)
    return None


_RANGE_LEAD = re.compile(r"(?:from|between)\s+", re.I)
_RANGE_SEP = re.compile(r"\s+(?:to|until|till|through|thru|and)\s+|\s*-\s*", re.I)
_TIME_DAY = re.compile(rf"(?P<t>{_CLOCK_FULL})(?:\s*,\s*|\s+(?:on|of)\s+|\s+)(?P<d>.+)")
_DAY_TIME = re.compile(rf"(?P<d>.+?)(?:\s*,\s*|\s+)(?:(?:at|from)\s+)?(?P<t>{_CLOCK_FULL})")


def _with_clock(t: str, ctx: _Ctx, range_end: bool = False) -> TimeSpan | None:
    """A day with a clock time ("6 p.m. Saturday", "Saturday at 6 p.m.", "midnight Sunday")."""
    for rx in (_TIME_DAY, _DAY_TIME):
        m = rx.fullmatch(t)
        if not m:
            continue
        c = _clock(m["t"])
        if c is None:
            continue
        day = _atomic(_normalise(m["d"]), ctx)
        if day is None or not day.is_known or day.precision not in {"day", "hour", "minute"}:
            continue
        time, prec, midnight = c
        d = day.start
        assert d is not None
        if midnight and range_end:
            return _span(d, d, "hour", day.basis, start_time=dt.time(23, 59), end_time=dt.time(23, 59))
        if midnight and re.search(r"\bnight\b", m["d"], re.I):
            d += _D(days=1)  # "midnight on Tuesday night" is the midnight that ends Tuesday
        return _span(d, d, prec, day.basis, start_time=time)
    return None


def _single(t: str, ctx: _Ctx, range_end: bool = False) -> TimeSpan | None:
    span = _atomic(t, ctx)
    if span is not None:
        if range_end and span.start_time == dt.time(0) and re.search(r"midnight", t, re.I):
            return replace(span, start_time=dt.time(23, 59))
        return span
    return _with_clock(t, ctx, range_end)


_PREC_ORDER = ("minute", "hour", "day", "week", "month", "year", "unknown")


_DEICTIC = re.compile(r"\b(?:yesterday|today|tonight|tomorrow|last|this|next|ago|week|month|year|weekend|"
                      r"overnight|now)\b", re.I)


def _range_end_first(t: str, ctx: _Ctx) -> bool:
    return ctx.tense == "past" or re.search(rf"\b{_YEAR}\b", t) is not None


def _range(t: str, ctx: _Ctx) -> TimeSpan | None:
    """ "from Friday to Sunday", "between 2014 and 2022", "6 p.m. Saturday to midnight Sunday".

    Calendar names in a range are read from one end: a past range ends on or before
    publication and its start is the latest such day before the end ("from Friday to Sunday"
    in a Monday report); otherwise the start fits the tense and the end is the first such day
    after it. An end with a year anchors the start too ("March 30 to April 2, 2024").
    """
    lead = _RANGE_LEAD.match(t)
    body = t[lead.end():] if lead else t
    for sep in _RANGE_SEP.finditer(body):
        a_text, b_text = _normalise(body[:sep.start()]), _normalise(body[sep.end():])
        if not a_text or not b_text or (sep.group().strip().lower() == "and" and lead is not None
                                        and lead.group().strip().lower() != "between"):
            continue
        try:
            a, b = _range_ends(a_text, b_text, ctx)
        except _NeedsDate:
            continue
        if a is None or b is None or not a.is_known or not b.is_known:
            continue
        assert a.start is not None and b.end is not None
        if b.end < a.start:
            continue
        prec = max(a.precision, b.precision, key=_PREC_ORDER.index)
        basis = "relative" if "relative" in (a.basis, b.basis) else "explicit"
        return TimeSpan(a.start, b.end, prec, basis,  # type: ignore[arg-type]
                        start_time=a.start_time, end_time=b.end_time or b.start_time)
    return None


def _range_ends(a_text: str, b_text: str, ctx: _Ctx) -> tuple[TimeSpan | None, TimeSpan | None]:
    if _range_end_first(b_text, ctx):
        b = _single(b_text, ctx, range_end=True)
        if b is None or not b.is_known:
            return None, None
        a_ctx = ctx if _DEICTIC.search(a_text) else _Ctx(b.end, "past")
        return _single(a_text, a_ctx), b
    a = _single(a_text, ctx)
    if a is None or not a.is_known:
        return None, None
    b_ctx = ctx if _DEICTIC.search(b_text) else _Ctx(a.start, "future")
    return a, _single(b_text, b_ctx, range_end=True)


@lru_cache(maxsize=8192)
def _resolve_cached(t: str, published: dt.date | None, tense: Tense) -> TimeSpan | None:
    ctx = _Ctx(published, tense)
    try:
        span = _single(t, ctx)
        if span is None:
            span = _range(t, ctx)
        if span is None:
            span = _dateparser_fallback(t, ctx)
    except _NeedsDate:
        return TimeSpan.unknown()
    return span


def resolve_time(expression: str, published: dt.date | None, *, tense: Tense | None = None,
                 sentence: str = "") -> TimeSpan | None:
    """Resolve a time expression to a :class:`TimeSpan`, or None if it is not a date.

    ``published`` anchors relative expressions ("on Wednesday", "last week"); without it
    explicit dates still resolve and relative ones give ``TimeSpan.unknown(expression)``.
    ``tense`` is that of the clause the expression modifies; when None it is guessed from
    ``sentence``. The returned span's ``text`` is ``expression`` as given.
    """
    t = _normalise(expression)
    if not t or len(t) > 120:
        return None
    if tense is None:
        tense = _guess_tense(sentence, expression) if sentence else "past"
    span = _resolve_cached(t, published, tense)
    if span is None:
        return None
    return replace(span, text=expression)


# ----------------------------------------------------------------------------------------
# Durations
# ----------------------------------------------------------------------------------------

_UNIT_DELTA: dict[str, dt.timedelta] = {
    "minute": _D(minutes=1), "hour": _D(hours=1), "day": _D(days=1), "night": _D(days=1),
    "week": _D(weeks=1), "fortnight": _D(weeks=2), "month": _D(days=30), "year": _D(days=365),
}
_P_DURATION = re.compile(
    rf"(?<![\w,.])(?P<n>{_NUM}(?:\s+and\s+a\s+half)?|half\s+an?|a\s+half)?[\s-]*"
    r"(?P<unit>minute|hour|day|night|week|fortnight|month|year)s?(?:[\s-](?:long|old))?\b"
    r"(?!\s+ago)", re.I)


def parse_duration(text: str) -> dt.timedelta | None:
    """The first duration in ``text`` ("a 30-hour truce", "for 10 days", "three-day"), or None.

    Months count as 30 days and years as 365: durations in news are round numbers.
    A bare unit counts only when hyphenated or with an article ("day-long", "a week").
    """
    for m in _P_DURATION.finditer(text):
        n_text = (m["n"] or "").strip().lower()
        unit = _UNIT_DELTA[m["unit"].lower()]
        if not n_text:
            # "hour-long", "week-long" count; a bare "day" or "year" is no duration
            if re.search(r"[\s-]long$", m.group(), re.I):
                return unit
            continue
        half = 0.0
        if n_text.endswith("and a half"):
            half, n_text = 0.5, n_text[: -len("and a half")].strip()
        if n_text in {"half a", "half an", "a half"}:
            return unit / 2
        n = _num(n_text)
        if n is None or n <= 0:
            continue
        return unit * (n + half)
    return None


def with_duration(span: TimeSpan, duration: dt.timedelta) -> TimeSpan:
    """The span of something that lasts ``duration`` from ``span``'s start.

    * With a clock time ("a 30-hour truce from 6 p.m. Saturday"): end = start + duration,
      with its clock time (an end exactly at midnight is recorded as 23:59 of the day before).
    * Anchored on Easter or Christmas ("a 30-hour truce for Orthodox Easter"): the truce is
      taken to cover the vigil and the feast, ending with the feast day and beginning
      ``duration`` earlier, so a 30-hour Easter truce runs from Saturday evening to the end of
      Easter Sunday (2025: 19-20 April). Other holidays (Eid, Nowruz, New Year, Passover...)
      start the truce on the holiday's first day ("a three-day Eid truce" = Eid and the two
      days after), as the Eid ceasefires in Afghanistan and Yemen did.
    * Otherwise the start time within the start day is unknown: whole days count inclusively
      ("a three-day summit from Monday" = Monday-Wednesday); hours give the day the duration
      ends on if it began at 00:00, with ``latest`` for a start late in the day.
    """
    if not span.is_known or duration <= _D(0):
        return span
    assert span.start is not None and span.end is not None
    if span.start_time is not None:
        start_dt = dt.datetime.combine(span.start, span.start_time)
        end_dt = start_dt + duration
        if end_dt.time() == dt.time(0):
            end_dt -= _D(minutes=1)
        return replace(span, end=end_dt.date(), end_time=end_dt.time().replace(second=0, microsecond=0),
                       latest=None)
    hm = _HOLIDAY_RX.fullmatch(_normalise(span.text))
    key = _hol.holiday_key(hm["h"]) if hm else None
    if key is not None and _hol.has_vigil(key) and span.precision == "day":
        end_dt = dt.datetime.combine(span.end + _D(days=1), dt.time(0))
        start = min((end_dt - duration).date(), span.start)
        return replace(span, start=start, earliest=start, latest=span.end)
    if span.precision in {"day", "hour", "minute"}:
        if duration % _D(days=1) == _D(0):
            end = span.start + duration - _D(days=1)
            return replace(span, end=max(end, span.end))
        start_dt = dt.datetime.combine(span.start, dt.time(0))
        end = (start_dt + duration - _D(microseconds=1)).date()
        latest = (start_dt + _D(days=1) + duration - _D(microseconds=1)).date()
        return replace(span, end=max(end, span.end), earliest=span.start, latest=max(latest, span.end))
    end = span.start + duration
    return replace(span, end=max(end, span.end), earliest=span.start,
                   latest=max(span.end + duration, span.end))


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
