"""Who a title or noun belongs to: states, seats and organisations named in a phrase ("Russian
President", "Israel's military", "Iranian-backed"), and what a state's name heads."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from kg.model import Actor
from kg.reference import Country
from kg.resolve.actors import country_actor, lookup_org, lookup_seat, roles_in
from kg.resources import Resources
from kg.text import name_key

__all__ = ["Cue", "scan_cues", "cue_tokens", "is_modifier", "title_of", "head_kind", "alternation"]

_CUE_TOKEN = re.compile(r"[\w.'’&/-]+")


@lru_cache(maxsize=64)
def alternation(words: frozenset[str]) -> str:
    """A regex group matching any of ``words`` (escaped, longest first)."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


@dataclass(frozen=True)
class Cue:
    """A state or organisation named in a phrase: who a title or a collective noun belongs to."""

    start: int  # token offsets in the scanned text
    end: int
    actor: Actor  # the country, its forces, or the organisation
    country: Country | None  # the state, when the cue is one (or a seat of one)
    via: str  # "country", "demonym", "seat" or "org"


@lru_cache(maxsize=8)
def _modifier_re(modifiers: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(\w)-(" + alternation(modifiers) + r")\b", re.IGNORECASE)


def is_modifier(token: str, res: Resources) -> bool:
    """True for a split-off "-backed", "-led", "-linked": the name before it only qualifies."""
    return token.startswith("-") and name_key(token) in res.words["modifier"]


def cue_tokens(text: str, res: Resources) -> list[str]:
    """Words of a phrase, with "-backed"/"-led" split off their country ("Iran -backed")."""
    return _CUE_TOKEN.findall(_modifier_re(res.words["modifier"]).sub(r"\1 -\2", text))


def _strip_possessive(span: str) -> str:
    return re.sub(r"(?:'s|’s|'|’)$", "", span)


def _cue_for(span: str, res: Resources) -> Cue | None:
    span = _strip_possessive(span.strip(".,;:"))
    if not span or span.split()[0].lower() in res.words["determiner"]:
        return None  # the scan moves on and matches from the next word
    seat = lookup_seat(span, res)
    if seat is not None:
        return Cue(0, 0, seat, _country_of_actor(seat, res), "seat")
    org = lookup_org(span, res)
    if org is not None:
        return Cue(0, 0, org, _country_of_actor(org, res) if org.type == "armed_forces" else None, "org")
    countries = res.reference.countries
    country = countries.for_name(span)
    if country is not None:
        return Cue(0, 0, country_actor(country), country, "country")
    country = countries.for_demonym(span)
    if country is not None:
        return Cue(0, 0, country_actor(country), country, "demonym")
    return None


def _country_of_actor(actor: Actor, res: Resources) -> Country | None:
    cid = actor.affiliation if actor.type == "armed_forces" else actor.id
    return res.reference.countries.id(cid) if cid else None


def scan_cues(text: str, res: Resources) -> Iterator[Cue]:
    """States, seats and organisations named in a phrase, left to right, longest match first."""
    tokens = cue_tokens(text, res)
    i = 0
    while i < len(tokens):
        for n in range(min(6, len(tokens) - i), 0, -1):
            cue = _cue_for(" ".join(tokens[i:i + n]).replace(" -", "-"), res)
            if cue is not None:
                yield Cue(i, i + n, cue.actor, cue.country, cue.via)
                i += n
                break
        else:
            i += 1


@lru_cache(maxsize=8)
def _near_split(boundaries: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?:[,;]|\b" + alternation(boundaries) + r"\b)")


def title_of(prefix: str, suffix: str, res: Resources) -> tuple[Cue | None, list[str]]:
    """Owner and role phrases of a title around a name.

    ``prefix`` is the text before the name ("Ukraine's foreign minister"), ``suffix`` an
    apposition after it (", the Kremlin spokesperson").
    """
    # Only the title next to the name counts: "... Putin and Kharkiv governor Oleh Syniehubov".
    near = _near_split(res.words["title_boundary"]).split(prefix.rstrip(" ,"))[-1]
    apposition = re.sub(r"^\s*,\s*", "", suffix) if suffix.lstrip().startswith(",") else ""
    for part in (near, re.split(r"[,;]", apposition)[0]):
        if not part.strip():
            continue
        owner = _owner_in(part, res)
        roles = roles_in(part, res)
        if owner is not None and not roles and owner.via == "country" and not re.search(
                r"['’]s?\s*$", " ".join(cue_tokens(part, res)[owner.start:owner.end])):
            owner = None  # "North Korea Mark Ellison": a bare state name is no title
        if owner is not None or roles:
            return owner, roles
    return None, []


def _owner_in(part: str, res: Resources) -> Cue | None:
    """The last owner named in a title: in "Russian President Vladimir Putin and Ukrainian
    President Volodymyr Zelenskiy" the title nearest the name is its own."""
    tokens = cue_tokens(part, res)
    stances = tuple(f"{w}-" for w in sorted(res.words["stance_prefix"]))
    owner = None
    for cue in scan_cues(part, res):
        before = tokens[cue.start - 1].lower() if cue.start > 0 else ""
        after = tokens[cue.end].lower() if cue.end < len(tokens) else ""
        if before in res.words["not_owner_preposition"] or before.startswith(stances) \
                or after.startswith("-"):
            continue
        owner = cue
    return owner


def head_kind(words: list[str], res: Resources, strict: bool = False) -> str:
    """What a state's name or demonym heads, from the words after it.

    "forces" ("Russian troops", "Israel's military"), "modifier" ("Iranian-backed", "Saudi-led":
    the state is not the actor), "none" ("Russian state media"), "country" otherwise. With
    ``strict`` the words must all be known government or military words ("Russian Foreign
    Ministry"), else "other" ("Russian Orthodox Church" is an organisation).
    """
    ws = [name_key(w) for w in words]
    countries = res.reference.countries
    i = 0
    while i < len(ws):
        w = ws[i]
        nxt = ws[i + 1] if i + 1 < len(ws) else ""
        if not w or w in ("s", "") or words[i] in ("'s", "’s", "'", ","):
            i += 1
            continue
        if words[i].startswith("-"):
            return "modifier" if w in res.words["modifier"] else ("other" if strict else "country")
        if f"{w} {nxt}" in res.words["force_pair"] or w in res.words["force_word"]:
            return "forces"
        if w in res.words["media_word"]:
            return "none"
        if w in res.words["head_skip_word"] or countries.for_demonym(words[i]) or countries.for_name(words[i]):
            i += 1
            continue
        if strict:
            known = res.words["government_word"] | res.words["head_skip_word"]
            return "country" if all(x in known for x in ws[i:]) else "other"
        return "country"
    return "country"
