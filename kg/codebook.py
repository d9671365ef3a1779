"""The CAMEO/PLOVER codebook: every CAMEO code with its Goldstein value, QuadClass and PLOVER
category and mode, and the same as SKOS concept schemes (ontology/cameo.ttl, plover.ttl).

The table lives in kg/data/cameo.tsv (its header says where each column comes from) and is read
on first use; PLOVER's categories and modes, with short definitions of our own, are in
kg/data/plover.tsv.

>>> lookup("0871").plover, lookup("0871").plover_mode, lookup("0871").goldstein
('RETREAT', 'ceasefire', 9.0)
>>> ancestors("0871")
('087', '08')
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal as TypingLiteral

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from kg.vocab import CAMEO, CKG, PLOVER, PREFIXES, SEM

__all__ = [
    "CameoCode", "PloverCategory", "lookup", "ancestors", "codes", "roots", "plover_categories",
    "plover_category", "cameo_iri", "plover_iri", "skos_graph", "skos_subset",
    "CAMEO_SCHEME", "PLOVER_SCHEME", "QUAD_CLASSES",
    "Root", "Code", "VIOLENT_ROOTS", "ABOUT_ROOTS", "SPEECH_ROOTS", "COERCIVE_ROOTS", "root_of",
    "is_violent", "has_root", "reference_family", "coreference_family", "threat_code", "nearest",
    "is_visit", "is_mutual", "intent_code",
]

CAMEO_SCHEME = CAMEO["scheme"]
PLOVER_SCHEME = PLOVER["scheme"]
QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation", 2: "material cooperation",
    3: "verbal conflict", 4: "material conflict",
}
_CODE_RE = re.compile(r"\d{2,4}")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code: its name, Goldstein value, QuadClass (1-4) and PLOVER category and mode.

    ``plover`` is None for 01/02 (PLOVER drops statements and appeals); ``plover_mode`` is None
    where the mapping gives no mode; ``parent`` is None for the 20 roots.
    """

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    parent: str | None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def is_root(self) -> bool:
        return self.parent is None


@dataclass(frozen=True)
class PloverCategory:
    """A PLOVER event category, its QuadClass and its modes (name -> short definition)."""

    name: str
    definition: str
    quad_class: int
    modes: tuple[tuple[str, str], ...] = ()

    @property
    def mode_names(self) -> tuple[str, ...]:
        return tuple(m for m, _ in self.modes)


def _data_rows(name: str) -> csv.DictReader:
    """The rows of the tab-separated table kg/data/``name`` (lines starting with # are notes)."""
    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    return csv.DictReader((line for line in text.splitlines() if not line.startswith("#")),
                          delimiter="\t")


@lru_cache(maxsize=1)
def _table() -> dict[str, CameoCode]:
    table: dict[str, CameoCode] = {}
    for row in _data_rows("cameo.tsv"):
        code = row["code"]
        parent = None if len(code) == 2 else code[:-1] if len(code) == 4 else code[:2]
        table[code] = CameoCode(code, row["name"], float(row["goldstein"]), int(row["quad_class"]),
                                row["plover"] or None, row["plover_mode"] or None, parent)
    return table


@lru_cache(maxsize=1)
def _plover() -> tuple[PloverCategory, ...]:
    """PLOVER's categories and modes from kg/data/plover.tsv, in the manual's order."""
    rows: dict[str, tuple[str, int, list[tuple[str, str]]]] = {}
    for row in _data_rows("plover.tsv"):
        name, mode = row["category"], row["mode"]
        if mode:
            rows[name][2].append((mode, row["definition"]))
        else:
            rows[name] = (row["definition"], int(row["quad_class"]), [])
    return tuple(PloverCategory(name, d, q, tuple(modes)) for name, (d, q, modes) in rows.items())


@lru_cache(maxsize=1)
def _plover_table() -> dict[str, PloverCategory]:
    return {c.name: c for c in _plover()}


def lookup(code: str) -> CameoCode:
    """Return the CAMEO code ``code`` ("19", "190", "0871"); KeyError says what is valid.

    >>> lookup("19").name
    'Fight'
    """
    key = str(code).strip()
    table = _table()
    if key in table:
        return table[key]
    if not _CODE_RE.fullmatch(key):
        raise KeyError(f"{code!r} is not a CAMEO code: expected 2 to 4 digits such as '19', "
                       f"'190' or '0871' (CAMEO codes keep their leading zero)")
    known = next((key[:n] for n in (3, 2) if key[:n] in table), None)
    hint = f"; its nearest known ancestor is {known!r} ({table[known].name})" if known else ""
    raise KeyError(f"{code!r} is not in the CAMEO 1.1b3 codebook (kg/data/cameo.tsv){hint}")


def nearest(code: str) -> CameoCode | None:
    """The codebook entry of ``code``, else of its nearest known ancestor ("0879" -> "087");
    None when ``code`` is not a CAMEO code at all ("xx", "21")."""
    key = str(code).strip()
    if not _CODE_RE.fullmatch(key):
        return None
    table = _table()
    return next((table[k] for k in (key, key[:3], key[:2]) if k in table), None)


def ancestors(code: str) -> tuple[str, ...]:
    """The codes above ``code``, nearest first, ending with its root ("0871" -> ("087", "08"))."""
    out: list[str] = []
    parent = lookup(code).parent
    while parent is not None:
        out.append(parent)
        parent = lookup(parent).parent
    return tuple(out)


def codes() -> tuple[CameoCode, ...]:
    """Every CAMEO code, in codebook order (each root followed by its refinements)."""
    return tuple(_table().values())


def roots() -> tuple[CameoCode, ...]:
    """The 20 CAMEO root codes, 01 to 20."""
    return tuple(c for c in _table().values() if c.is_root)


def plover_categories() -> tuple[PloverCategory, ...]:
    """The 16 PLOVER categories in the manual's order, with their modes."""
    return _plover()


def plover_category(name: str) -> PloverCategory:
    """The PLOVER category called ``name`` ("RETREAT"); KeyError lists the valid names."""
    try:
        return _plover_table()[name]
    except KeyError:
        raise KeyError(f"{name!r} is not a PLOVER category; expected one of "
                       f"{', '.join(_plover_table())}") from None


def cameo_iri(code: str) -> URIRef:
    """The SKOS concept of a CAMEO code (validated)."""
    return CAMEO[lookup(code).code]


def plover_iri(category: str, mode: str | None = None) -> URIRef:
    """The SKOS concept of a PLOVER category, or of one of its modes ("RETREAT", "ceasefire")."""
    cat = plover_category(category)
    if mode is None:
        return PLOVER[cat.name]
    if mode not in cat.mode_names:
        raise KeyError(f"{mode!r} is not a mode of PLOVER {cat.name}; expected one of "
                       f"{', '.join(cat.mode_names) or '(none)'}")
    return PLOVER[f"{cat.name}-{mode}"]


def _decimal(value: float) -> Literal:
    return Literal(format(Decimal(repr(value)), "f"), datatype=XSD.decimal)


def _en(text: str) -> Literal:
    return Literal(text, lang="en")


def _scheme_triples(g: Graph, which: str) -> None:
    if which == "cameo":
        g.add((CAMEO_SCHEME, RDF.type, SKOS.ConceptScheme))
        g.add((CAMEO_SCHEME, SKOS.prefLabel, _en("CAMEO event codes")))
        g.add((CAMEO_SCHEME, DCTERMS.source, Literal(
            "CAMEO 1.1b3 (Schrodt 2012) as in the GDELT CAMEO event code and Goldstein tables")))
    else:
        g.add((PLOVER_SCHEME, RDF.type, SKOS.ConceptScheme))
        g.add((PLOVER_SCHEME, SKOS.prefLabel, _en("PLOVER event categories and modes")))
        g.add((PLOVER_SCHEME, DCTERMS.source, Literal(
            "PLOVER (Open Event Data Alliance), categories of the 2024 manual")))


def _add_cameo(g: Graph, c: CameoCode) -> None:
    iri = CAMEO[c.code]
    g.add((iri, RDF.type, SKOS.Concept))
    g.add((iri, RDF.type, SEM.EventType))
    g.add((iri, SKOS.notation, Literal(c.code)))
    g.add((iri, SKOS.prefLabel, _en(c.name)))
    g.add((iri, SKOS.inScheme, CAMEO_SCHEME))
    g.add((iri, CKG.goldstein, _decimal(c.goldstein)))
    g.add((iri, CKG.quadClass, Literal(c.quad_class)))
    if c.parent is None:
        g.add((iri, SKOS.topConceptOf, CAMEO_SCHEME))
        g.add((CAMEO_SCHEME, SKOS.hasTopConcept, iri))
    else:
        g.add((iri, SKOS.broader, CAMEO[c.parent]))
    if c.plover:
        # A root that alone makes up its PLOVER category is a close match; anything finer, or a
        # root sharing its category (09/11 ACCUSE, 18-20 ASSAULT), maps to a broader concept.
        target = plover_iri(c.plover, c.plover_mode)
        close = c.is_root and all(x.plover == c.plover for x in codes() if x.root == c.root) \
            and all(r.plover != c.plover for r in roots() if r.code != c.code)
        g.add((iri, SKOS.closeMatch if close else SKOS.broadMatch, target))


def _add_plover(g: Graph, category: str, mode: str | None = None) -> None:
    cat = plover_category(category)
    iri = plover_iri(cat.name, mode)
    g.add((iri, RDF.type, SKOS.Concept))
    g.add((iri, RDF.type, SEM.EventType))
    g.add((iri, SKOS.inScheme, PLOVER_SCHEME))
    if mode is None:
        g.add((iri, SKOS.notation, Literal(cat.name)))
        g.add((iri, SKOS.prefLabel, _en(cat.name.capitalize())))
        g.add((iri, SKOS.definition, _en(cat.definition)))
        g.add((iri, CKG.quadClass, Literal(cat.quad_class)))
        g.add((iri, SKOS.topConceptOf, PLOVER_SCHEME))
        g.add((PLOVER_SCHEME, SKOS.hasTopConcept, iri))
    else:
        g.add((iri, SKOS.notation, Literal(f"{cat.name}:{mode}")))
        g.add((iri, SKOS.prefLabel, _en(f"{cat.name.capitalize()}: {mode}")))
        g.add((iri, SKOS.definition, _en(dict(cat.modes)[mode])))
        g.add((iri, SKOS.broader, PLOVER[cat.name]))


def _new_graph() -> Graph:
    return Graph(bind_namespaces="none")


def skos_subset(cameo_codes: Iterable[str]) -> Graph:
    """SKOS triples for ``cameo_codes``, all their ancestors, their PLOVER concepts and the
    two schemes: enough for a consumer of an export to find notations and roots with no other
    file. The triples are the same as those of :func:`skos_graph` for these concepts."""
    g = _new_graph()
    wanted: dict[str, None] = {}
    for code in cameo_codes:
        c = lookup(code)
        wanted.setdefault(c.code)
        for a in ancestors(c.code):
            wanted.setdefault(a)
    if wanted:
        _scheme_triples(g, "cameo")
    plover: set[tuple[str, str | None]] = set()
    for code in wanted:
        c = lookup(code)
        _add_cameo(g, c)
        if c.plover:
            plover.add((c.plover, None))
            if c.plover_mode:
                plover.add((c.plover, c.plover_mode))
    if plover:
        _scheme_triples(g, "plover")
    for category, mode in sorted(plover, key=lambda p: (p[0], p[1] or "")):
        _add_plover(g, category, mode)
    _bind_used(g)
    return g


def skos_graph(which: TypingLiteral["cameo", "plover", "both"] = "both") -> Graph:
    """The CAMEO scheme (every code, with Goldstein, QuadClass and its PLOVER mapping) and/or
    the PLOVER scheme (16 categories with their modes as narrower concepts), as a new Graph."""
    if which not in ("cameo", "plover", "both"):
        raise ValueError(f"which={which!r}: expected 'cameo', 'plover' or 'both'")
    g = _new_graph()
    if which in ("cameo", "both"):
        _scheme_triples(g, "cameo")
        for c in codes():
            _add_cameo(g, c)
    if which in ("plover", "both"):
        _scheme_triples(g, "plover")
        for cat in plover_categories():
            _add_plover(g, cat.name)
            for mode in cat.mode_names:
                _add_plover(g, cat.name, mode)
    _bind_used(g)
    return g


def _bind_used(g: Graph) -> None:
    """Bind the project's prefixes that ``g`` uses, and no others (rdflib pre-binds 29)."""
    used = {str(t) for triple in g for t in triple if isinstance(t, URIRef)}
    used |= {str(o.datatype) for o in g.objects() if isinstance(o, Literal) and o.datatype}
    for prefix, ns in PREFIXES.items():
        if any(u.startswith(ns) for u in used):
            g.bind(prefix, ns, replace=True, override=True)


# ---------------------------------------------------------------------------------------------
# CAMEO structure the rules read: the only place where codes are written as literals.
# ---------------------------------------------------------------------------------------------

class Root:
    """CAMEO root codes by name (two digits)."""

    STATEMENT, APPEAL, INTENT, CONSULT, DIPLOMATIC_COOPERATION = "01", "02", "03", "04", "05"
    MATERIAL_COOPERATION, AID, YIELD, INVESTIGATE, DEMAND = "06", "07", "08", "09", "10"
    DISAPPROVE, REJECT, THREATEN, PROTEST, FORCE_POSTURE = "11", "12", "13", "14", "15"
    REDUCE_RELATIONS, COERCE, ASSAULT, FIGHT, MASS_VIOLENCE = "16", "17", "18", "19", "20"


class Code:
    """The specific CAMEO codes that extraction rules produce or test for, by name."""

    STATEMENT = "010"
    DECLINE_COMMENT = "011"
    OPTIMISTIC_COMMENT = "013"
    CLAIM_RESPONSIBILITY = "015"
    DENY_RESPONSIBILITY = "016"
    MEDIATE = "045"
    PROVIDE_AID = "070"
    MAKE_VISIT = "042"
    HOST_VISIT = "043"
    SIGN_AGREEMENT = "057"
    RELEASE_PERSONS = "0841"
    DECLARE_TRUCE = "0871"
    DEMOBILIZE = "0873"
    MILITARY_RETREAT = "0874"
    INTENT_TO_MEET = "036"
    PRAISE = "051"
    DEMAND = "100"
    ADMINISTRATIVE_SANCTIONS = "172"
    EMERGENCY_RULE = "1724"  # impose a state of emergency or martial law
    CRITICIZE = "111"
    THREATEN = "130"
    ACCUSE = "112"
    BOMBING = "183"
    DEMONSTRATE = "141"
    RESTRICT = "172"
    FORCE_DEMONSTRATION = "150"
    MOBILIZE_FORCES = "154"
    HALT_NEGOTIATIONS = "164"
    FIGHT = "19"
    CONVENTIONAL_FORCE = "190"
    OCCUPY_TERRITORY = "192"
    VIOLATE_CEASEFIRE = "196"


# Violence of any kind: assault, fight, unconventional mass violence.
VIOLENT_ROOTS = frozenset({Root.ASSAULT, Root.FIGHT, Root.MASS_VIOLENCE})
# Roots whose events are about another event: "urged a ceasefire", "threatened to cut aid".
ABOUT_ROOTS = frozenset({Root.APPEAL, Root.INTENT, Root.DEMAND, Root.REJECT, Root.THREATEN})
# Roots of speech acts: an event of its own, never folded into another speech act.
SPEECH_ROOTS = frozenset({Root.STATEMENT, Root.APPEAL, Root.DEMAND, Root.DISAPPROVE, Root.REJECT,
                          Root.THREATEN})
# Coercive roots: as violent ones, their nominal's "of" names who undergoes them.
COERCIVE_ROOTS = frozenset({Root.REDUCE_RELATIONS, Root.COERCE})


def root_of(code: str) -> str:
    """The two-digit root of a CAMEO code.

    >>> root_of("0871")
    '08'
    """
    return code[:2]


def is_violent(code: str) -> bool:
    """Assault, fight or mass violence (roots 18, 19, 20)."""
    return code[:2] in VIOLENT_ROOTS


def has_root(code: str, *roots: str) -> bool:
    """Is ``code`` under any of ``roots``?"""
    return code[:2] in roots


def is_visit(code: str) -> bool:
    """Making or hosting a visit (042, 043 and finer)."""
    return code.startswith((Code.MAKE_VISIT, Code.HOST_VISIT))


# Meetings, agreements, cooperation, exchanges and truces: who is named first is an accident.
_MUTUAL = (Root.CONSULT, Code.SIGN_AGREEMENT, Root.MATERIAL_COOPERATION, Code.RELEASE_PERSONS,
           Code.DECLARE_TRUCE)


def is_mutual(code: str) -> bool:
    """A mutual act (consult, sign, cooperate, exchange, truce): it has no direction."""
    return code.startswith(_MUTUAL)


def reference_family(code: str) -> str:
    """The kinds of event a definite noun may point back to: agreements, truces and intents are
    one ("the agreement was reached" after "they agreed to a truce"), else the root.

    >>> reference_family("0871"), reference_family("057"), reference_family("193")
    ('agree', 'agree', '19')
    """
    return "agree" if code[:2] in {Root.INTENT, Root.DIPLOMATIC_COOPERATION} or \
        code.startswith(Code.DECLARE_TRUCE) else code[:2]


def threat_code(code: str) -> str | None:
    """The CAMEO threat that a hypothetical act of this code amounts to.

    >>> threat_code("190"), threat_code("164"), threat_code("042")
    ('138', '134', None)
    """
    if code[:2] in VIOLENT_ROOTS | {Root.FORCE_POSTURE}:
        return "138"  # threaten with military force
    if code.startswith(Code.HALT_NEGOTIATIONS):
        return "134"  # threaten to halt negotiations
    if code.startswith("163"):
        return "1312"  # threaten with sanctions
    if code.startswith(("162", "161")):
        return "1311" if code.startswith("162") else "1313"
    if code[:2] in COERCIVE_ROOTS:
        return "130"
    return None


# A party's own future act of cooperation, help or concession, announced: the intent to do it
# (03). The longest prefix that matches wins.
_INTENT = (("072", "0332"), ("073", "0333"), ("074", "0334"), (Root.AID, "033"),
           (Root.MATERIAL_COOPERATION, "031"), (Code.RELEASE_PERSONS, "0353"), ("085", "035"),
           ("087", "0356"), (Root.YIELD, "035"))


def intent_code(code: str) -> str | None:
    """The CAMEO intent (03) that announcing one's own future act of this code amounts to;
    meetings and agreements are no intent of this kind (a planned meeting is an event of its own).

    >>> intent_code("072"), intent_code("0874"), intent_code("190")
    ('0332', '0356', None)
    """
    return next((intent for prefix, intent in _INTENT if code.startswith(prefix)), None)


# Roots whose mentions may report one real event in different codes: all violence is one.
_COREFERENCE_FAMILY = {Root.ASSAULT: Root.FIGHT, Root.MASS_VIOLENCE: Root.FIGHT}


def coreference_family(code: str) -> str:
    """The family within which two mentions may be the same real event ("shelled" and "the
    attack", 19 and 18, are; a meeting and an accusation are not).

    >>> coreference_family("183"), coreference_family("195"), coreference_family("042")
    ('19', '19', '04')
    """
    return _COREFERENCE_FAMILY.get(code[:2], code[:2])
