"""Actor lookups: names, organisations, armed groups, seats of power, known people and their roles.

The tables come from :mod:`kg.reference` through the ``Resources`` passed in (``res``); lookups are
dictionary accesses. :func:`actor_key` is the spelling-variant key that makes "Zelenskiy",
"Zelensky" and "Zelenskyy" one person across articles.
"""
from __future__ import annotations

from collections.abc import Mapping

from kg.model import Actor
from kg.reference import RefPerson
from kg.reference.organisations import acronym_of, country_actor, forces_actor
from kg.resources import Resources, default_resources
from kg.text import name_key

__all__ = [
    "actor_key", "name_tokens", "strip_honorifics", "country_actor", "forces_actor",
    "lookup_org", "lookup_seat", "lookup_person", "RefPerson", "roles_in", "is_noise",
    "expand_roles", "primary_role", "reference_by_role",
]


def actor_key(name: str, res: Resources | None = None) -> str:
    """Normalised key for cross-article identity of a name, robust to transliteration variants.

    Accents, case, punctuation, leading honorifics ("Mr", "President"), the Arabic article
    ("al-", "el-") and the usual spelling variants (y/i, doubled letters, q/k, ou/u, dh/d, ph/f,
    Abdel/Abdul) are folded away.

    >>> actor_key("Zelenskyy") == actor_key("Zelenskiy") == actor_key("Zelensky")
    True
    >>> actor_key("Mr Sybiha") == actor_key("Sibiha")
    True
    """
    return (res or default_resources()).reference.names.key(name)


def strip_honorifics(words: list[str], res: Resources | None = None) -> list[str]:
    """Drop leading titles ("president", "mr", "sheikh") from lower-cased name words; keep one word."""
    return (res or default_resources()).reference.names.strip_honorifics(words)


def name_tokens(name: str, res: Resources | None = None) -> frozenset[str]:
    """The variant-folded words of a name without particles, for partial-name matching."""
    return (res or default_resources()).reference.names.tokens(name)


def lookup_org(text: str, res: Resources) -> Actor | None:
    """An international organisation, armed group, named armed force or known collective."""
    orgs = res.reference.organisations
    acr = acronym_of(text)
    if acr:
        return orgs.org_acronyms.get(acr)
    return orgs.orgs.get(name_key(text))


def lookup_seat(text: str, res: Resources) -> Actor | None:
    """The state (or its armed forces) a seat of power stands for: "the Kremlin" -> Russia."""
    seats = res.reference.organisations.seats
    acr = acronym_of(text)
    return seats.get(acr) if acr else seats.get(name_key(text))


def is_noise(text: str, label: str, res: Resources) -> bool:
    """True for names that never act or locate an event: news outlets, platforms, feasts, months."""
    if sum(ch.isalnum() for ch in text) < 2 or not any(ch.isalpha() for ch in text):
        return True  # "X" the platform, numbers
    kind = res.reference.organisations.noise.get(name_key(text))
    if kind is None:
        return False
    # "Fars" the province, "Saba" the island: a place label keeps outlets' names as places.
    return not (kind in ("media", "platform") and label in ("GPE", "LOC", "FAC"))


def lookup_person(text: str, res: Resources) -> RefPerson | None:
    """The reference person a name denotes: exact name or variant, surname, or a fuller form."""
    ppl = res.reference.people
    names = res.reference.names
    key = names.key(text)
    if not key:
        return None
    hit = ppl.by_key.get(key)
    if hit is not None:
        return hit
    words = [w for w in key.split() if w not in names.particles]
    if len(words) < 2:
        return None
    toks = frozenset(words)
    found = {p.id: p for form, p in ppl.by_last.get(words[-1], ()) if form <= toks or toks <= form}
    return next(iter(found.values())) if len(found) == 1 else None


# --- titles and roles ---------------------------------------------------------------------------

def roles_in(text: str, res: Resources) -> list[str]:
    """Role phrases in a title or role noun, left to right, longest first ("foreign minister")."""
    return res.reference.roles.find(text)


def expand_roles(phrases: list[str], res: Resources) -> set[str]:
    """Every role a list of role phrases implies ("foreign minister" is also a "minister")."""
    return res.reference.roles.expand(phrases)


def primary_role(phrase: str, res: Resources) -> str:
    """The role a phrase names most specifically ("spokesman" -> "spokesperson")."""
    return res.reference.roles.primary(phrase)


def reference_by_role(affiliation: str, role: str, res: Resources, text: str = "") -> RefPerson | None:
    """The one reference person holding a role for a state or organisation, else None.

    A role phrase written out in ``text`` ("Kremlin spokesperson") is tried first, then the
    primary role ("spokesperson"), which must be unambiguous.
    """
    ppl = res.reference.people.by_affiliation.get(affiliation, ())
    variants = res.words.by_value("word_variant")
    key = f" {_canonical_words(name_key(text), variants)} "
    tiers = (
        [p for p in ppl for r in p.offices
         if " " in r and f" {_canonical_words(r, variants)} " in key
         and role in expand_roles(roles_in(r, res), res)],
        [p for p in ppl if role in p.offices],  # "leader" as written beats "leader" implied by PM
        [p for p in ppl if role in p.roles],
    )
    for tier in tiers:
        found = {p.id: p for p in tier}
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return None
    return None


def _canonical_words(key: str, variants: Mapping[str, str]) -> str:
    return " ".join(variants.get(w, w) for w in key.split())
