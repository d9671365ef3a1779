"""Finding time expressions in a sentence, with regexes only (no dateparser).

:func:`find_time_expressions` scans a sentence for expressions spaCy's DATE/TIME entities miss or
get wrong (weekdays, "over the weekend", holidays, datelines, clock times joined to their day,
ranges). It never calls dateparser: wire copy is regular enough for regexes, and
``dateparser.search`` invents dates from "a 30-hour" and the verb "may".
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.model import TimeMention
from kg.temporal import holidays as _hol
from kg.temporal.spans import slash_date, year_range
from kg.temporal.vocab import CLOCK_FULL, DAYNUM, MON, MONTH_FULL, MONTHS, PARTS, SUBMODS, WD, WEEKDAYS, YEAR

__all__ = ["find_time_expressions"]


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
    "yemeni egyptian turkish".split() + list(WEEKDAYS) + list(MONTHS))
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
    rf"(?<![\w,.$-])(?:(?i:the)\s+)?{DAYNUM}(?:\s*[-–]\s*{DAYNUM})?\s+"
    rf"(?:(?i:of)\s+)?{MON}(?:,?\s+{YEAR}(?![\w-]))?")
_P_MDY = re.compile(
    rf"(?<![\w-]){MON}\s+(?:(?i:the)\s+)?{DAYNUM}(?:\s*[-–]\s*{DAYNUM})?"
    rf"(?![\w:,.]\d|[\w-])(?:,?\s+{YEAR}(?![\w-]))?")
_P_MONTH_YEAR = re.compile(
    rf"(?<![\w-])(?:(?i:{SUBMODS})[\s-]+)?{MON}(?:\s+(?i:of))?,?\s+{YEAR}(?![\w-])")
_P_MONTH_REL_YEAR = re.compile(
    rf"(?<![\w-])(?:(?i:{SUBMODS})[\s-]+)?(?:{MONTH_FULL})\s+(?i:of\s+)?(?i:last|this|next)\s+year(?![\w-])")
_P_MONTH = re.compile(
    rf"(?<![\w-])(?P<pre>(?i:in|during|since|by|until|till|through|before|after|from|to|of|between|and|"
    rf"last|next|this|early|mid|late|earlier\s+in|later\s+in|{SUBMODS})[\s-]+)(?P<mon>{MONTH_FULL})(?![\w-])")
_P_YEAR = re.compile(
    rf"(?<![\w$€£#+/.,-])(?:(?i:{SUBMODS})[\s-]+)?(?P<y>{YEAR})(?![\w/]|-(?!\s*\d)|[.,]\d|:\d)")
_P_YEAR_RANGE = re.compile(rf"(?<![\w$€£#+/.,-]){YEAR}\s*[-–/]\s*(?:{YEAR}|\d\d)(?![\w/-])")
_P_DECADE = re.compile(r"(?<![\w-])(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?:1[89]|20)\d0s\b")
_P_RELDAY = re.compile(
    rf"(?<![\w-])(?i:(?:(?:early|late|earlier|later)\s+)?(?:the\s+day\s+before\s+yesterday"
    rf"|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:late\s+)?tonight|last\s+night|this\s+(?:morning|afternoon|evening)|(?:earlier|later)\s+in\s+the\s+day"
    rf"|overnight(?:\s+(?:into|to|on)\s+{WD}|\s+{WD}(?:\s+(?:into|to)\s+{WD})?)?"
    rf"|(?:during\s+|on\s+)?the\s+night\s+of\s+{WD}\s+(?:to|into|and)\s+{WD})(?![\w-])")
_P_WEEKDAY = re.compile(
    rf"(?<![\w-])(?:(?i:(?:this\s+)?(?:last|next|coming|past)|this|the\s+coming|the\s+past)\s+)?"
    rf"(?:(?:(?i:early|late)(?:\s+(?i:on))?|(?i:(?:in\s+)?the\s+(?:early|small|wee)\s+hours\s+of))\s+)?"
    rf"{WD}(?:\s+(?i:{PARTS}))?(?![\w-])")
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
    rf"(?:\s+of)?,?\s+{YEAR}|in\s+the\s+(?:spring|summer|autumn|winter)))(?![\w-])")
_P_CLOCK = re.compile(rf"(?<![\w:.])(?:(?i:at)\s+)?{CLOCK_FULL}")
_P_HOLIDAY = re.compile(
    rf"(?<![\w-])(?:(?i:last|next|this|the\s+coming|the\s+upcoming|upcoming)\s+)?"
    rf"(?:(?i:the\s+)?(?i:eve|start|beginning|end|first\s+day|last\s+day|first\s+days|last\s+days)\s+of\s+)?"
    rf"(?:{_hol.HOLIDAY_PATTERN})(?:\s+(?i:of\s+)?{YEAR})?(?![\w-])")


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


_RANGE_START = re.compile(rf"\b(?i:from|between)\s+(?:(?i:early|mid|late)[\s-]+)?(?:{MONTH_FULL})\s+$")


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
    (_P_SLASH, "date", lambda s, m: slash_date(m.group()) is not None),
    (_P_DMY, "date", None),
    (_P_MDY, "date", None),
    (_P_MONTH_YEAR, "month", None),
    (_P_MONTH, "month", _ok_month),
    (_P_MONTH_REL_YEAR, "month", None),
    (_P_YEAR, "year", _ok_year),
    (_P_YEAR_RANGE, "year", lambda s, m: year_range(m.group()) is not None
     and not _COUNT_NOUNS.match(s, m.end())),
    (_P_DECADE, "year", None),
    (_P_RELDAY, "relday", _ok_relday),
    (_P_WEEKDAY, "weekday", _ok_weekday),
    (_P_UNIT, "span", None),
    (_P_SEASON, "span", None),
    (_P_CLOCK, "time", None),
    (_P_HOLIDAY, "holiday", _ok_holiday),
)
# Words (or a digit) without which a finder cannot match: a sentence without them skips it.
_DIGIT = re.compile(r"\d")
_NEEDS: dict[re.Pattern[str], re.Pattern[str]] = {
    **dict.fromkeys((_P_ISO, _P_SLASH, _P_DMY, _P_MDY, _P_MONTH_YEAR, _P_YEAR, _P_YEAR_RANGE, _P_DECADE), _DIGIT),
    _P_UNIT: re.compile(r"(?i)week|month|year|decade|hour|day"),
    _P_SEASON: re.compile(r"(?i)spring|summer|autumn|fall|winter"),
    _P_WEEKDAY: re.compile(r"day"),
}
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
        need = _NEEDS.get(pattern)
        if need is not None and need.search(sentence) is None:
            continue
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

