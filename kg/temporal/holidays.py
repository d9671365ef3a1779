"""Named holidays that date events in conflict news, resolved to Gregorian day spans.

Each holiday is a key (``"orthodox_easter"``, ``"eid_al_fitr"`` ...). :func:`occurrences`
lists its occurrences around a date as ``(start, end)`` inclusive day pairs, in order; the
temporal resolver picks the one that fits the publication date and tense.

Calendars: Western and Orthodox Easter from ``dateutil.easter``; Islamic holidays from the
Umm al-Qura calendar (``hijridate``, 1343-1500 AH = 1924-2077); Jewish holidays from the
Hebrew calendar and Nowruz from the astronomical Persian calendar (``convertdate``).
Jewish and Islamic days begin at the previous sunset; a holiday here is its first full day.
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Callable
from functools import lru_cache

__all__ = ["HOLIDAY_PATTERN", "UNRESOLVABLE", "holiday_key", "occurrences", "in_year",
           "is_lunar_sighted", "has_vigil"]

# Surface forms, longest first inside each alternative so the regex prefers "Orthodox Easter
# Sunday" over "Easter". Names are matched case-sensitively by the finder (they are proper
# nouns); the key lookup below is case-insensitive.
_EID = r"Eid(?:[\s-]+(?:al|ul|el|e)[\s-]*|[\s-]+)"
HOLIDAY_PATTERN = (
    r"(?:(?:Orthodox|Catholic|Western|Eastern Orthodox)\s+)?Easter(?:\s+(?:Sunday|Monday|weekend|Day))?"
    r"|(?:Orthodox\s+)?Good\s+Friday(?!\s+Agreement)|Palm\s+Sunday|Holy\s+Saturday"
    r"|(?:Orthodox\s+)?Christmas(?:\s+(?:Eve|Day))?"
    r"|(?:Lunar|Chinese|Jewish|Persian|Kurdish|Orthodox|Iranian)\s+New\s+Year(?:['’]s)?"
    r"|New\s+Year(?:['’]s)?(?:\s+(?:Eve|Day))?"
    r"|(?:the\s+)?(?:(?:Muslim\s+|Islamic\s+)?holy\s+month\s+of\s+)?Ramadh?an"
    r"|" + _EID + r"(?:Fitr|Adha|Azha)|Eid|Kurban\s+Bayram[ıi]?|Eid-?ul-?Fitr|Eid-?ul-?Adha"
    r"|Nowruz|Norouz|Nowrouz|Nauryz|Novruz|Navruz|Newroz|Nawroz"
    r"|Passover|Pesach|Yom\s+Kippur|Rosh\s+Hashanah?|Hanukk?ah|Chanukk?ah|Ashura"
    r"|Victory\s+Day|Thanksgiving(?:\s+Day)?"
)

# Keys the resolver knows are dates but cannot compute without a lunisolar Chinese calendar.
UNRESOLVABLE = frozenset({"lunar_new_year"})

_KEYS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), k) for p, k in (
        (r"(?:eastern\s+)?orthodox\s+easter(?:\s+(?:sunday|day))?", "orthodox_easter"),
        (r"orthodox\s+easter\s+monday", "orthodox_easter_monday"),
        (r"orthodox\s+easter\s+weekend", "orthodox_easter_weekend"),
        (r"(?:catholic\s+|western\s+)?easter(?:\s+(?:sunday|day))?", "easter"),
        (r"(?:catholic\s+|western\s+)?easter\s+monday", "easter_monday"),
        (r"(?:catholic\s+|western\s+)?easter\s+weekend", "easter_weekend"),
        (r"orthodox\s+good\s+friday", "orthodox_good_friday"),
        (r"good\s+friday", "good_friday"),
        (r"palm\s+sunday", "palm_sunday"),
        (r"holy\s+saturday", "holy_saturday"),
        (r"orthodox\s+christmas(?:\s+day)?|orthodox\s+christmas", "orthodox_christmas"),
        (r"orthodox\s+christmas\s+eve", "orthodox_christmas_eve"),
        (r"christmas(?:\s+day)?", "christmas"),
        (r"christmas\s+eve", "christmas_eve"),
        (r"(?:lunar|chinese)\s+new\s+year(?:'s)?", "lunar_new_year"),
        (r"jewish\s+new\s+year(?:'s)?", "rosh_hashanah"),
        (r"(?:persian|iranian)\s+new\s+year(?:'s)?", "nowruz"),
        (r"kurdish\s+new\s+year(?:'s)?", "newroz"),
        (r"orthodox\s+new\s+year(?:'s)?", "orthodox_new_year"),
        (r"new\s+year(?:'s)?(?:\s+day)?", "new_year"),
        (r"new\s+year(?:'s)?\s+eve", "new_years_eve"),
        (r"(?:the\s+)?(?:(?:muslim\s+|islamic\s+)?holy\s+month\s+of\s+)?ramadh?an", "ramadan"),
        (_EID + r"fitr|eid-?ul-?fitr", "eid_al_fitr"),
        (_EID + r"(?:adha|azha)|eid-?ul-?adha|kurban\s+bayram[ıi]?", "eid_al_adha"),
        (r"eid", "eid"),
        (r"nowruz|norouz|nowrouz|nauryz|novruz|navruz|nawroz", "nowruz"),
        (r"newroz", "newroz"),
        (r"passover|pesach", "passover"),
        (r"yom\s+kippur", "yom_kippur"),
        (r"rosh\s+hashanah?", "rosh_hashanah"),
        (r"hanukk?ah|chanukk?ah", "hanukkah"),
        (r"ashura", "ashura"),
        (r"victory\s+day", "victory_day"),
        (r"thanksgiving(?:\s+day)?", "thanksgiving"),
    )
)


def holiday_key(text: str) -> str | None:
    """The holiday key for a surface form ("Orthodox Easter" -> "orthodox_easter"), or None."""
    t = " ".join(text.replace("\u2019", "'").split())
    for pattern, key in _KEYS:
        if pattern.fullmatch(t):
            return key
    return None


def has_vigil(key: str) -> bool:
    """True for feasts kept from the evening before (Easter, Christmas): truces span both."""
    return key.startswith(("easter", "orthodox_easter", "christmas", "orthodox_christmas"))


def is_lunar_sighted(key: str) -> bool:
    """True for Islamic holidays, whose observed day may differ by one from the computed one."""
    return key in {"ramadan", "eid_al_fitr", "eid_al_adha", "eid", "ashura"}


_Span = tuple[dt.date, dt.date]


def _one(d: dt.date, days: int = 1) -> _Span:
    return d, d + dt.timedelta(days=days - 1)


def _easter(year: int, orthodox: bool) -> dt.date:
    from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

    return easter(year, EASTER_ORTHODOX if orthodox else EASTER_WESTERN)


def _gregorian_rule(key: str) -> Callable[[int], _Span] | None:
    """Holidays fixed in the Gregorian year (directly or through Easter): year -> span."""
    td = dt.timedelta
    rules: dict[str, Callable[[int], _Span]] = {
        "easter": lambda y: _one(_easter(y, False)),
        "orthodox_easter": lambda y: _one(_easter(y, True)),
        "easter_monday": lambda y: _one(_easter(y, False) + td(days=1)),
        "orthodox_easter_monday": lambda y: _one(_easter(y, True) + td(days=1)),
        "easter_weekend": lambda y: _one(_easter(y, False) - td(days=1), 2),
        "orthodox_easter_weekend": lambda y: _one(_easter(y, True) - td(days=1), 2),
        "good_friday": lambda y: _one(_easter(y, False) - td(days=2)),
        "orthodox_good_friday": lambda y: _one(_easter(y, True) - td(days=2)),
        "holy_saturday": lambda y: _one(_easter(y, False) - td(days=1)),
        "palm_sunday": lambda y: _one(_easter(y, False) - td(days=7)),
        "christmas": lambda y: _one(dt.date(y, 12, 25)),
        "christmas_eve": lambda y: _one(dt.date(y, 12, 24)),
        # Julian 25 December: 7 January from 1901 to 2099 (13 days' difference).
        "orthodox_christmas": lambda y: _one(_julian(y - 1, 12, 25)),
        "orthodox_christmas_eve": lambda y: _one(_julian(y - 1, 12, 24)),
        "orthodox_new_year": lambda y: _one(_julian(y, 1, 1)),
        "new_year": lambda y: _one(dt.date(y, 1, 1)),
        "new_years_eve": lambda y: _one(dt.date(y, 12, 31)),
        "nowruz": _nowruz,
        "newroz": lambda y: _one(dt.date(y, 3, 21)),  # Kurdish Newroz is kept on 21 March
        "victory_day": lambda y: _one(dt.date(y, 5, 9)),  # the Soviet/Russian date
        "thanksgiving": _thanksgiving,
    }
    return rules.get(key)


def _julian(y: int, m: int, d: int) -> dt.date:
    from convertdate import julian

    return dt.date(*julian.to_gregorian(y, m, d))


def _nowruz(year: int) -> _Span:
    # 1 Farvardin of the astronomical Persian calendar: the day of the March equinox if it
    # falls before noon in Tehran, else the next day (20 or 21 March).
    from convertdate import persian

    return _one(dt.date(*persian.to_gregorian(year - 621, 1, 1)))


def _thanksgiving(year: int) -> _Span:
    first = dt.date(year, 11, 1)
    first_thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7)
    return _one(first_thursday + dt.timedelta(weeks=3))


def _hijri_span(key: str, hyear: int) -> _Span | None:
    from hijridate import Hijri

    try:
        if key == "ramadan":
            first = Hijri(hyear, 9, 1)
            start = first.to_gregorian()
            return dt.date(start.year, start.month, start.day), dt.date(
                start.year, start.month, start.day) + dt.timedelta(days=first.month_length() - 1)
        month, day = {"eid_al_fitr": (10, 1), "eid_al_adha": (12, 10), "ashura": (1, 10)}[key]
        g = Hijri(hyear, month, day).to_gregorian()
        return _one(dt.date(g.year, g.month, g.day))
    except (OverflowError, ValueError):  # outside the Umm al-Qura table (1924-2077)
        return None


def _hebrew(fn: Callable[..., tuple[int, int, int]], *args: int) -> tuple[int, int, int]:
    # convertdate calls its own deprecated month_days() inside; keep that noise out of our logs
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return fn(*args)


def _hebrew_span(key: str, hyear: int) -> _Span:
    from convertdate import hebrew

    month, day, length = {
        "passover": (1, 15, 7),  # 15-21 Nisan, as kept in Israel
        "yom_kippur": (7, 10, 1),
        "rosh_hashanah": (7, 1, 2),
        "hanukkah": (9, 25, 8),
    }[key]
    return _one(dt.date(*_hebrew(hebrew.to_gregorian, hyear, month, day)), length)


@lru_cache(maxsize=2048)
def occurrences(key: str, around: dt.date) -> tuple[_Span, ...]:
    """Occurrences of holiday ``key`` from about a year before ``around`` to a year after it.

    Returns ``(start, end)`` pairs of inclusive days in chronological order; an empty tuple
    for an unknown key or a date outside the calendars' range.
    """
    spans: list[_Span] = []
    rule = _gregorian_rule(key)
    if rule is not None:
        spans = [rule(y) for y in (around.year - 1, around.year, around.year + 1)]
    elif key in {"ramadan", "eid_al_fitr", "eid_al_adha", "ashura", "eid"}:
        from hijridate import Gregorian

        try:
            hy = Gregorian(around.year, around.month, around.day).to_hijri().year
        except (OverflowError, ValueError):
            return ()
        keys = ("eid_al_fitr", "eid_al_adha") if key == "eid" else (key,)
        for k in keys:
            for y in (hy - 1, hy, hy + 1):
                span = _hijri_span(k, y)
                if span is not None:
                    spans.append(span)
    elif key in {"passover", "yom_kippur", "rosh_hashanah", "hanukkah"}:
        from convertdate import hebrew

        hy = _hebrew(hebrew.from_gregorian, around.year, around.month, around.day)[0]
        spans = [_hebrew_span(key, y) for y in (hy - 1, hy, hy + 1)]
    return tuple(sorted(spans))


def in_year(key: str, year: int) -> tuple[_Span, ...]:
    """Occurrences of ``key`` that start in Gregorian ``year`` ("Ramadan 2023", "Easter 2014")."""
    if not 1 <= year <= 9998:
        return ()
    return tuple(s for s in occurrences(key, dt.date(year, 7, 1)) if s[0].year == year)
