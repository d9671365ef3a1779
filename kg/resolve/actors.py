"""Actor lexicon: states, armed forces, organisations, armed groups, seats of power and known people.

Built once (``functools.lru_cache``) from ``kg/data/reference`` and the country tables in
:mod:`kg.resolve.places`; lookups are dictionary accesses. :func:`actor_key` is the spelling-variant
key that makes "Zelenskiy", "Zelensky" and "Zelenskyy" one person across articles.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from kg.model import Actor, ActorType
from kg.resolve.places import Country, country_by_id, country_by_iso, country_for_demonym, country_for_name
from kg.text import fold, name_key, read_table, slugify, split_list

__all__ = [
    "actor_key", "name_tokens", "strip_honorifics", "country_actor", "forces_actor",
    "lookup_org", "lookup_seat", "lookup_person", "reference_people", "RefPerson", "Cue",
    "scan_cues", "title_of", "roles_in", "head_kind", "is_noise", "affiliation_id", "cue_tokens",
    "expand_roles", "primary_role", "reference_by_role", "is_modifier",
]

_HONORIFICS = (
    "mr mrs ms miss dr sir dame lord lady president vice-president prime minister pm premier gen "
    "general lt lieutenant col colonel maj major capt captain adm admiral field marshal sheikh "
    "shaikh emir king queen prince princess crown pope ayatollah grand imam senator sen rep "
    "representative secretary minister chancellor commander brig brigadier senior sgt sergeant "
    "judge justice hon rev father mullah sayyed sayyid mufti cardinal archbishop ambassador envoy "
    "spokesman spokeswoman spokesperson chief mayor governor"
).split()
_HONORIFIC_SET = frozenset(_HONORIFICS)

# Name particles that spelling varies on ("al-Burhan", "Burhan"; "bin Salman").
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "van", "von", "der", "la", "le"})

# Surnames too common to identify a person from the reference list on their own.
_COMMON_SURNAMES = frozenset(
    "johnson smith brown jones miller davis wilson taylor lee kim park choi khan singh ali ahmed "
    "hussein mohammed mohamed muhammad mustafa wang li zhang chen liu nguyen rodriguez garcia "
    "martinez lopez hernandez salman francis hassan ibrahim abdullah sharif".split())


def _variant_fold(token: str) -> str:
    """One name token reduced over the usual transliteration variants."""
    t = token
    for prefix in ("abdel", "abdul", "abdal", "abdol", "abdoul"):
        # "Abdelfattah"/"Abdul Fattah" -> "abd fattah", but "Abdullah" and "Abdallah" stay names.
        rest = t[len(prefix):]
        if t.startswith(prefix) and (not rest or len(rest) >= 4):
            t = f"abd {rest}" if rest else "abd"
            break
    t = (t.replace("ph", "f").replace("dh", "d").replace("ck", "k").replace("q", "k")
         .replace("ou", "u").replace("oo", "u").replace("ee", "i"))
    t = re.sub(r"yy|iy|yi|ii", "i", t)
    # "y" spelling a vowel (Sybiha, Zelensky, Dmitry) becomes "i"; "y" as a consonant (Yahya,
    # Reyes, Raymond) stays, so ids of people outside the reference list stay readable.
    t = re.sub(r"(?<=[^aeiou])y(?=[^aeiou]|$)", "i", t)
    return re.sub(r"(.)\1+", r"\1", t)


def actor_key(name: str) -> str:
    """Normalised key for cross-article identity of a name, robust to transliteration variants.

    Accents, case, punctuation, leading honorifics ("Mr", "President"), the Arabic article
    ("al-", "el-") and the usual spelling variants (y/i, doubled letters, q/k, ou/u, dh/d, ph/f,
    Abdel/Abdul) are folded away.

    >>> actor_key("Zelenskyy") == actor_key("Zelenskiy") == actor_key("Zelensky")
    True
    >>> actor_key("Mr Sybiha") == actor_key("Sibiha")
    True
    """
    words = strip_honorifics(name_key(name).replace("-", " ").split())
    words = [w for i, w in enumerate(words) if not (w in ("al", "el") and i < len(words) - 1)]
    return " ".join(_variant_fold(w) for w in words)


def strip_honorifics(words: list[str]) -> list[str]:
    """Drop leading titles ("president", "mr", "sheikh") from lower-cased name words; keep one word."""
    i = 0
    while i < len(words) - 1 and words[i] in _HONORIFIC_SET:
        i += 1
    return words[i:]


def name_tokens(name: str) -> frozenset[str]:
    """The variant-folded words of a name without particles, for partial-name matching."""
    return frozenset(w for w in actor_key(name).split() if w not in _PARTICLES)


# --- countries, forces, organisations, seats ---------------------------------------------------

def country_actor(country: Country) -> Actor:
    return Actor(country.id, country.name, "country")


def forces_actor(country: Country) -> Actor:
    return Actor(f"{country.id}-armed-forces", f"{country.adjective} armed forces", "armed_forces",
                 affiliation=country.id)


def affiliation_id(code: str) -> str | None:
    """An affiliation cell: an ISO code becomes the country id, anything else is an actor id."""
    if not code:
        return None
    if re.fullmatch(r"[A-Z]{2}", code):
        country = country_by_iso(code)
        return country.id if country else None
    return code


@dataclass(frozen=True)
class _Lexicon:
    orgs: Mapping[str, Actor]  # name_key -> actor
    org_acronyms: Mapping[str, Actor]  # case-sensitive acronym -> actor
    seats: Mapping[str, Actor]
    noise: Mapping[str, str]  # name_key -> kind


def _acronym_of(text: str) -> str | None:
    s = re.sub(r"[.\s]", "", fold(text))
    return s if 1 < len(s) <= 4 and s.isalnum() and s.upper() == s and any(c.isalpha() for c in s) else None


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    orgs: dict[str, Actor] = {}
    acronyms: dict[str, Actor] = {}
    for row in read_table("organizations.tsv"):
        kind: ActorType = row["type"] or "organization"  # type: ignore[assignment]
        aliases = split_list(row["aliases"])
        if kind == "armed_forces":
            country = country_by_iso(row["affiliation"])
            if country is None:
                continue
            base = forces_actor(country)
            actor = Actor(base.id, base.name, "armed_forces", (), base.affiliation)
        else:
            actor = Actor(row["id"], row["name"], kind, (), affiliation_id(row["affiliation"]))
        for alias in (row["name"], *aliases):
            if not alias:
                continue
            acr = _acronym_of(alias)
            if acr:
                acronyms.setdefault(acr, actor)
            else:
                orgs.setdefault(name_key(alias), actor)
    seats: dict[str, Actor] = {}
    for row in read_table("seats.tsv"):
        country = country_by_iso(row["iso2"])
        if country is None:
            continue
        actor = forces_actor(country) if row["target"] == "armed_forces" else country_actor(country)
        acr = _acronym_of(row["name"])
        seats.setdefault(acr if acr else name_key(row["name"]), actor)
    noise = {name_key(r["term"]): r["kind"] for r in read_table("noise.tsv")}
    for month in (*calendar.month_name[1:], *calendar.day_name):
        noise.setdefault(name_key(month), "calendar")
    return _Lexicon(orgs, acronyms, seats, noise)


def lookup_org(text: str) -> Actor | None:
    """An international organisation, armed group, named armed force or known collective."""
    lex = _lexicon()
    acr = _acronym_of(text)
    if acr:
        return lex.org_acronyms.get(acr)
    return lex.orgs.get(name_key(text))


def lookup_seat(text: str) -> Actor | None:
    """The state (or its armed forces) a seat of power stands for: "the Kremlin" -> Russia."""
    lex = _lexicon()
    acr = _acronym_of(text)
    return lex.seats.get(acr) if acr else lex.seats.get(name_key(text))


def is_noise(text: str, label: str) -> bool:
    """True for names that never act or locate an event: news outlets, platforms, feasts, months."""
    if sum(ch.isalnum() for ch in text) < 2 or not any(ch.isalpha() for ch in text):
        return True  # "X" the platform, numbers
    kind = _lexicon().noise.get(name_key(text))
    if kind is None:
        return False
    # "Fars" the province, "Saba" the island: a place label keeps outlets' names as places.
    return not (kind in ("media", "platform") and label in ("GPE", "LOC", "FAC"))


# --- known people -----------------------------------------------------------------------------

@dataclass(frozen=True)
class RefPerson:
    """A person from the reference list."""

    id: str
    name: str
    affiliation: str | None
    roles: frozenset[str]  # canonical roles plus the raw role phrases
    offices: tuple[str, ...]  # the role phrases as the reference table writes them
    aliases: tuple[str, ...]
    tokens: frozenset[str]  # name_tokens over the name and every alias

    def actor(self) -> Actor:
        return Actor(self.id, self.name, "person", self.aliases, self.affiliation)


@dataclass(frozen=True)
class _People:
    by_key: Mapping[str, RefPerson]  # actor_key of name or alias -> person (unique ones only)
    by_last: Mapping[str, tuple[tuple[frozenset[str], RefPerson], ...]]  # last token -> forms
    all: tuple[RefPerson, ...]


@lru_cache(maxsize=1)
def reference_people() -> _People:
    people: list[RefPerson] = []
    for row in read_table("people.tsv"):
        aliases = split_list(row["aliases"])
        roles: set[str] = set()
        for r in split_list(row["roles"]):
            roles.add(name_key(r))
            for phrase in roles_in(r):
                roles.update(_ROLE_PHRASES[phrase])
        forms = (row["name"], *aliases)
        tokens = frozenset().union(*(name_tokens(f) for f in forms))
        people.append(RefPerson(slugify(row["name"]), row["name"], affiliation_id(row["affiliation"]),
                                frozenset(roles), tuple(name_key(r) for r in split_list(row["roles"])),
                                tuple(a for a in aliases if a != row["name"]), tokens))
    owners: dict[str, set[str]] = {}
    surnames: dict[str, set[str]] = {}
    by_id = {p.id: p for p in people}
    for p in people:
        for form in (p.name, *p.aliases):
            owners.setdefault(actor_key(form), set()).add(p.id)
        words = [w for w in actor_key(p.name).split() if w not in _PARTICLES]
        # A surname alone ("Lavrov") names the person when no one else on the list bears it.
        last = words[-1] if len(words) > 1 else ""
        if len(last) >= 3 and not re.fullmatch(r"[ivx]+|jr|sr", last) and last not in _COMMON_SURNAMES:
            surnames.setdefault(last, set()).add(p.id)
    for last, ids in surnames.items():
        owners.setdefault(last, ids)  # an explicit alias beats a derived surname
    by_key = {k: by_id[next(iter(ids))] for k, ids in owners.items() if len(ids) == 1}
    by_last: dict[str, list[tuple[frozenset[str], RefPerson]]] = {}
    for p in people:
        for form in (p.name, *p.aliases):
            toks = name_tokens(form)
            words = [w for w in actor_key(form).split() if w not in _PARTICLES]
            if len(toks) > 1 and words:
                by_last.setdefault(words[-1], []).append((toks, p))
    return _People(by_key, {k: tuple(v) for k, v in by_last.items()}, tuple(people))


def lookup_person(text: str) -> RefPerson | None:
    """The reference person a name denotes: exact name or variant, surname, or a fuller form."""
    ppl = reference_people()
    key = actor_key(text)
    if not key:
        return None
    hit = ppl.by_key.get(key)
    if hit is not None:
        return hit
    words = [w for w in key.split() if w not in _PARTICLES]
    if len(words) < 2:
        return None
    toks = frozenset(words)
    found = {p.id: p for form, p in ppl.by_last.get(words[-1], ()) if form <= toks or toks <= form}
    return next(iter(found.values())) if len(found) == 1 else None


# --- titles and roles ---------------------------------------------------------------------------

_ROLE_PHRASES: dict[str, tuple[str, ...]] = {  # phrase -> (primary role, broader roles)
    k: tuple(v) for k, v in {
        "president": ("president", "leader"),
        "vice president": ("vice president",),
        "prime minister": ("prime minister", "leader"),
        "premier": ("prime minister", "leader"),
        "pm": ("prime minister", "leader"),
        "foreign minister": ("foreign minister", "minister"),
        "foreign affairs minister": ("foreign minister", "minister"),
        "minister of foreign affairs": ("foreign minister", "minister"),
        "external affairs minister": ("foreign minister", "minister"),
        "foreign secretary": ("foreign minister", "foreign secretary", "secretary"),
        "defence minister": ("defence minister", "minister"),
        "defense minister": ("defence minister", "minister"),
        "minister of defence": ("defence minister", "minister"),
        "minister of defense": ("defence minister", "minister"),
        "defence secretary": ("defence minister", "secretary"),
        "defense secretary": ("defence minister", "secretary"),
        "war secretary": ("defence minister", "secretary"),
        "secretary of defense": ("defence minister", "secretary"),
        "secretary of war": ("defence minister", "secretary"),
        "secretary of state": ("secretary of state", "secretary"),
        "minister": ("minister",),
        "spokesperson": ("spokesperson",),
        "spokesman": ("spokesperson",),
        "spokeswoman": ("spokesperson",),
        "press secretary": ("spokesperson",),
        "envoy": ("envoy",),
        "special envoy": ("envoy",),
        "special representative": ("envoy",),
        "emissary": ("envoy",),
        "ambassador": ("ambassador",),
        "negotiator": ("negotiator",),
        "chief negotiator": ("negotiator",),
        "mediator": ("mediator",),
        "commander": ("commander",),
        "commander-in-chief": ("commander", "army chief"),
        "commander in chief": ("commander", "army chief"),
        "army chief": ("army chief", "chief", "commander"),
        "military chief": ("army chief", "chief", "commander"),
        "chief of staff": ("chief of staff", "chief"),
        "chief of the general staff": ("army chief", "chief"),
        "chief of general staff": ("army chief", "chief"),
        "chief": ("chief",),
        "head": ("chief",),
        "leader": ("leader",),
        "supreme leader": ("supreme leader", "leader"),
        "junta leader": ("leader",),
        "junta chief": ("leader",),
        "king": ("king", "leader"),
        "emir": ("emir", "leader"),
        "crown prince": ("crown prince",),
        "chancellor": ("chancellor", "leader"),
        "secretary-general": ("secretary-general", "chief"),
        "secretary general": ("secretary-general", "chief"),
        "general": ("general", "commander"),
        "adviser": ("adviser",),
        "advisor": ("adviser",),
        "aide": ("adviser",),
        "official": ("official",),
        "governor": ("governor",),
        "mayor": ("mayor",),
        "speaker": ("speaker",),
        "prosecutor": ("prosecutor",),
        "ombudsman": ("ombudsman",),
        "director": ("chief",),
        "director-general": ("chief",),
        "director general": ("chief",),
    }.items()
}
_ROLE_PLURALS = {"officials": "official", "ministers": "minister", "envoys": "envoy",
                 "spokespeople": "spokesperson", "leaders": "leader", "commanders": "commander",
                 "negotiators": "negotiator", "mediators": "mediator", "diplomats": "official",
                 "diplomat": "official", "generals": "general", "aides": "aide",
                 "advisers": "adviser", "ambassadors": "ambassador", "sources": "official",
                 "source": "official", "representatives": "envoy"}
_MAX_ROLE_WORDS = 4


def roles_in(text: str) -> list[str]:
    """Role phrases in a title or role noun, left to right, longest first ("foreign minister")."""
    words = re.sub(r"[^a-z0-9 -]+", " ", fold(text).lower()).split()
    found: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(_MAX_ROLE_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            phrase = _ROLE_PLURALS.get(phrase, phrase)
            if phrase in _ROLE_PHRASES:
                found.append(phrase)
                i += n
                break
        else:
            i += 1
    return found


@dataclass(frozen=True)
class Cue:
    """A state or organisation named in a phrase: who a title or a collective noun belongs to."""

    start: int  # token offsets in the scanned text
    end: int
    actor: Actor  # the country, its forces, or the organisation
    country: Country | None  # the state, when the cue is one (or a seat of one)
    via: str  # "country", "demonym", "seat" or "org"


_CUE_TOKEN = re.compile(r"[\w.'’&/-]+")
_MODIFIERS = ("backed", "led", "allied", "aligned", "supported", "sponsored", "funded", "trained",
              "made", "built", "run", "controlled", "occupied", "annexed", "brokered", "mediated",
              "held", "administered", "based", "linked", "affiliated", "friendly", "born",
              "flagged", "owned", "operated", "bound", "inspired", "dominated", "majority")
_MODIFIER_RE = re.compile(r"(\w)-(" + "|".join(_MODIFIERS) + r")\b", re.IGNORECASE)


def is_modifier(token: str) -> bool:
    """True for a split-off "-backed", "-led", "-linked": the name before it only qualifies."""
    return token.startswith("-") and name_key(token) in _MODIFIERS


def cue_tokens(text: str) -> list[str]:
    """Words of a phrase, with "-backed"/"-led" split off their country ("Iran -backed")."""
    return _CUE_TOKEN.findall(_MODIFIER_RE.sub(r"\1 -\2", text))


def _strip_possessive(span: str) -> str:
    return re.sub(r"(?:'s|’s|'|’)$", "", span)


def _cue_for(span: str) -> Cue | None:
    span = _strip_possessive(span.strip(".,;:"))
    if not span or span.split()[0].lower() in ("the", "a", "an"):
        return None  # the scan moves on and matches from the next word
    seat = lookup_seat(span)
    if seat is not None:
        return Cue(0, 0, seat, _country_of_actor(seat), "seat")
    org = lookup_org(span)
    if org is not None:
        return Cue(0, 0, org, _country_of_actor(org) if org.type == "armed_forces" else None, "org")
    country = country_for_name(span)
    if country is not None:
        return Cue(0, 0, country_actor(country), country, "country")
    country = country_for_demonym(span)
    if country is not None:
        return Cue(0, 0, country_actor(country), country, "demonym")
    return None


def _country_of_actor(actor: Actor) -> Country | None:
    cid = actor.affiliation if actor.type == "armed_forces" else actor.id
    return country_by_id(cid) if cid else None


def scan_cues(text: str) -> Iterator[Cue]:
    """States, seats and organisations named in a phrase, left to right, longest match first."""
    tokens = cue_tokens(text)
    i = 0
    while i < len(tokens):
        for n in range(min(6, len(tokens) - i), 0, -1):
            cue = _cue_for(" ".join(tokens[i:i + n]).replace(" -", "-"))
            if cue is not None:
                yield Cue(i, i + n, cue.actor, cue.country, cue.via)
                i += n
                break
        else:
            i += 1


# "envoy to Ukraine", "talks with Russia": a state after these words is not whom the title serves.
_NOT_OWNER = frozenset({"to", "for", "on", "with", "against", "in", "at", "from", "over", "into",
                        "toward", "towards", "between", "about"})


def title_of(prefix: str, suffix: str = "") -> tuple[Cue | None, list[str]]:
    """Owner and role phrases of a title around a name.

    ``prefix`` is the text before the name ("Ukraine's foreign minister"), ``suffix`` an
    apposition after it (", the Kremlin spokesperson").
    """
    # Only the title next to the name counts: "... Putin and Kharkiv governor Oleh Syniehubov".
    near = re.split(r"(?:[,;]|\b(?:and|or|with|as|who|while|after|before|met|told|said)\b)",
                    prefix.rstrip(" ,"))[-1]
    apposition = re.sub(r"^\s*,\s*", "", suffix) if suffix.lstrip().startswith(",") else ""
    for part in (near, re.split(r"[,;]", apposition)[0]):
        if not part.strip():
            continue
        tokens = cue_tokens(part)
        owner = None
        # The last owner wins: in "Russian President Vladimir Putin and Ukrainian President
        # Volodymyr Zelenskiy" the title nearest the name is its own.
        for cue in scan_cues(part):
            before = tokens[cue.start - 1].lower() if cue.start > 0 else ""
            after = tokens[cue.end].lower() if cue.end < len(tokens) else ""
            if before in _NOT_OWNER or before.startswith(("pro-", "anti-")) or after.startswith("-"):
                continue
            owner = cue
        roles = roles_in(part)
        if owner is not None and not roles and owner.via == "country" \
                and not re.search(r"['’]s?\s*$", " ".join(tokens[owner.start:owner.end])):
            owner = None  # "North Korea Mark Ellison": a bare state name is no title
        if owner is not None or roles:
            return owner, roles
    return None, []


# --- what a state's name or demonym heads ------------------------------------------------------

_FORCE_WORDS = frozenset((
    "forces force troops troop soldiers soldier army armies military militaries navy naval "
    "jets jet warplanes warplane aircraft drones drone missiles missile rockets rocket strikes "
    "strike airstrikes airstrike shelling artillery tanks tank warships warship vessels vessel "
    "ships units unit brigade brigades battalion battalions paratroopers marines commandos sailors "
    "pilots servicemen gunboats submarines submarine helicopters bombers bombardment offensive "
    "attacks attack assault assaults fire gunfire raids raid incursion incursions positions "
    "defences defenses soldiers' military's army's command staff"
).split())
_FORCE_PAIRS = {("air", w) for w in ("force", "forces", "strike", "strikes", "defence", "defense",
                                     "defences", "defenses", "raid", "raids", "attack", "attacks")}
_FORCE_PAIRS |= {("coast", "guard"), ("coast", "guards"), ("border", "guards"), ("border", "guard"),
                 ("border", "troops"), ("security", "forces"), ("security", "services"),
                 ("national", "guard"), ("special", "forces"), ("defence", "ministry"),
                 ("defense", "ministry"), ("defence", "forces"), ("defense", "forces"),
                 ("general", "staff"), ("joint", "chiefs"), ("war", "ministry")}
_MEDIA_WORDS = frozenset(("media news agency agencies newspaper newspapers television tv "
                          "broadcaster channel outlet outlets press reporters bloggers blogger "
                          "website daily tabloid commentators").split())
_GOV_WORDS = frozenset((
    "government govt officials official authorities ministry ministries embassy embassies mission "
    "delegation delegations presidency cabinet administration leadership leaders leader diplomats "
    "diplomat diplomacy side regime junta intelligence president presidential office parliament "
    "lawmakers negotiators negotiator foreign affairs of prime minister minister ministers "
    "spokesperson spokesman spokeswoman envoy ambassador people civilians nationals citizens "
    "police security council national counterpart counterparts state interior justice finance "
    "economy health council"
).split())
_SKIP_WORDS = frozenset(("and or state special regular elite senior top own new former "
                         "allied so-called war s".split()))


def head_kind(words: list[str], strict: bool = False) -> str:
    """What a state's name or demonym heads, from the words after it.

    "forces" ("Russian troops", "Israel's military"), "modifier" ("Iranian-backed", "Saudi-led":
    the state is not the actor), "none" ("Russian state media"), "country" otherwise. With
    ``strict`` the words must all be known government or military words ("Russian Foreign
    Ministry"), else "other" ("Russian Orthodox Church" is an organisation).
    """
    ws = [name_key(w) for w in words]
    i = 0
    while i < len(ws):
        w = ws[i]
        nxt = ws[i + 1] if i + 1 < len(ws) else ""
        if not w or w in ("s", "") or words[i] in ("'s", "’s", "'", ","):
            i += 1
            continue
        if words[i].startswith("-"):
            return "modifier" if w in _MODIFIERS else ("other" if strict else "country")
        if (w, nxt) in _FORCE_PAIRS or w in _FORCE_WORDS:
            return "forces"
        if w in _MEDIA_WORDS:
            return "none"
        if w in _SKIP_WORDS or country_for_demonym(words[i]) or country_for_name(words[i]):
            i += 1
            continue
        if strict:
            return "country" if all(x in _GOV_WORDS or x in _SKIP_WORDS for x in ws[i:]) else "other"
        return "country"
    return "country"


def expand_roles(phrases: list[str]) -> set[str]:
    """Every role a list of role phrases implies ("foreign minister" is also a "minister")."""
    out: set[str] = set()
    for p in phrases:
        out.update(_ROLE_PHRASES.get(p, (p,)))
    return out


def primary_role(phrase: str) -> str:
    """The role a phrase names most specifically ("spokesman" -> "spokesperson")."""
    return _ROLE_PHRASES.get(phrase, (phrase,))[0]


def reference_by_role(affiliation: str, role: str, text: str = "") -> RefPerson | None:
    """The one reference person holding a role for a state or organisation, else None.

    A role phrase written out in ``text`` ("Kremlin spokesperson") is tried first, then the
    primary role ("spokesperson"), which must be unambiguous.
    """
    ppl = _people_by_role().get(affiliation, ())
    key = f" {_canonical_words(name_key(text))} "
    tiers = (
        [p for p in ppl for r in p.offices
         if " " in r and f" {_canonical_words(r)} " in key and role in expand_roles(roles_in(r))],
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


_SYNONYMS = {"spokesman": "spokesperson", "spokeswoman": "spokesperson", "defense": "defence",
             "premier": "prime minister", "advisor": "adviser"}


def _canonical_words(key: str) -> str:
    return " ".join(_SYNONYMS.get(w, w) for w in key.split())


@lru_cache(maxsize=1)
def _people_by_role() -> dict[str, tuple[RefPerson, ...]]:
    out: dict[str, list[RefPerson]] = {}
    for p in reference_people().all:
        if p.affiliation and p.roles:
            out.setdefault(p.affiliation, []).append(p)
    return {k: tuple({p.id: p for p in v}.values()) for k, v in out.items()}
