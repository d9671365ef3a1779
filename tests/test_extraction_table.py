"""Specification table for event extraction: wire-style sentences and the events they report.

The table lives in ``tests/data/extraction_cases.jsonl`` and follows shared/eval/GUIDELINE.md.
One JSON object per line:

``id``            unique, ``<prefix>-<nn>``; one prefix per phenomenon
``phenomenon``    the linguistic phenomenon the case exercises (see ``_PHENOMENA``)
``sentence``      one sentence of wire-style text (two for ``coreference``; a quote of two or
                  three sentences and its speaker for ``speech_quote``)
``published``     ISO publication date that anchors relative dates
``expect``        events that must be produced; ``[]`` means no event at all (then ``note`` says why)
``forbid_roots``  CAMEO roots no produced event may have, whatever its modality
``forbid``        optional finer prohibitions: ``{"root", "modality"?, "source"?, "place"?}``; no
                  produced event may match every field given
``note``          optional remark for the reader

Each expectation must be met by one produced event (one event may meet several expectations):

``root``          two-digit CAMEO root; the event's ``cameo[:2]`` must equal it, or
``alt_roots``     one of these roots that annotators may reasonably choose instead (a diplomatic
                  protest as 11 "complain officially" or 14; an agreement as 05 or 03), or, when
``lenient``       is true, a root of the same kind: {18,19,20}, {16,17}, {02,10}, {03,04}
``fine``          optional finer code the event's ``cameo`` must start with (root then exact)
``source``        a name some source actor must match
``target``        a name some target actor must match
``participants``  names each of which some source or target actor must match (symmetric events:
                  meetings, agreements, exchanges, clashes, where the order of sides is arbitrary)
``claimed_by``    a name some actor in ``claimed_by`` must match (reported speech, accusations)
``modality``      asserted | planned | conditional | negated
``place``         a name some place of the event must match (name, alias or id; "|" alternatives)
``date``          the ISO day (or "YYYY-MM", "YYYY") the event's span begins on

A name matches an actor when one of its ``|``-separated alternatives occurs in the actor's name,
one of its aliases, its affiliation or its id, compared case- and accent-insensitively with
punctuation as spaces, starting at a word boundary ("Russia" matches "Russian armed forces";
"Pakistan" matches an army whose affiliation is "pakistan"). Alternatives of three characters or
fewer must match a whole word, so "EU" does not match "European" nor "UN" "United States".
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from kg.model import MODALITIES

_TABLE = Path(__file__).parent / "data" / "extraction_cases.jsonl"
_GAPS = Path(__file__).parent / "data" / "extraction_known_gaps.tsv"
_DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"

_PHENOMENA: dict[str, str] = {  # phenomenon -> id prefix
    "simple_verb": "verb",
    "nominal": "nom",
    "light_verb": "lv",
    "passive": "pass",
    "phrasal_verb": "phr",
    "negation": "neg",
    "conditional": "cond",
    "planned": "plan",
    "reported_speech": "rep",
    "statement": "stmt",
    "compound_actor": "comp",
    "metonymy": "meto",
    "title_affiliation": "title",
    "mediation": "med",
    "aid_cooperation": "aid",
    "protest_coercion": "coerce",
    "force_posture": "force",
    "mass_violence": "mass",
    "coreference": "coref",
    "no_event": "none",
    "speech_commitment": "vow",
    "speech_judgement": "judge",
    "speech_directive": "dir",
    "speech_warning": "warn",
    "speech_nominal": "sayn",
    "speech_quote": "quote",
    "speech_reprisal": "repr",
    "speech_declaration": "decl",
    "speech_warn_other": "warno",
    "speech_decline": "nocom",
    "speech_issuer": "issuer",
    "place": "place",
    "date": "date",
    "trigger_sense": "sense",
    "absolute_clause": "abs",
}
_ROOTS = frozenset(f"{n:02d}" for n in range(1, 21))
_SAME_KIND = (frozenset({"18", "19", "20"}), frozenset({"16", "17"}),
              frozenset({"02", "10"}), frozenset({"03", "04"}))
_MIN_CASES = 180
_MIN_PER_PHENOMENON = 8
_MIN_PER_MODALITY = 8

_CASE_KEYS = {"id", "phenomenon", "sentence", "published", "expect", "forbid_roots", "forbid", "note"}
_REQUIRED_CASE_KEYS = {"id", "phenomenon", "sentence", "published", "expect", "forbid_roots"}
_EXPECT_KEYS = {"root", "fine", "lenient", "alt_roots", "source", "target", "participants",
                "claimed_by", "modality", "place", "date"}
_FORBID_KEYS = {"root", "modality", "source", "place"}
# A sentence boundary: end punctuation after a lower-case letter, digit, quote or bracket, then a
# capital; "U.S. President" and "Marcos Jr. met" are not boundaries.
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9\")'][.!?])\s+(?=[A-Z\"])")
_DEV_SHINGLE = 8  # words in a row that may not be shared with a dev-set article


@functools.lru_cache(maxsize=1)
def _cases() -> tuple[dict[str, Any], ...]:
    cases = []
    with _TABLE.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                cases.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise AssertionError(f"{_TABLE}:{lineno}: not valid JSON ({e}); fix the line") from e
    return tuple(cases)


def _case_params() -> list[Any]:
    return [pytest.param(c, id=str(c.get("id", f"line-{i}"))) for i, c in enumerate(_cases(), 1)]


def _known_gaps() -> dict[str, str]:
    """Case id -> what the extractor still misses (tests/data/extraction_known_gaps.tsv)."""
    gaps = {}
    for line in _GAPS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            case_id, _, why = line.partition("\t")
            gaps[case_id] = why
    return gaps


def _extraction_params() -> list[Any]:
    gaps = _known_gaps()
    return [pytest.param(c, id=str(c["id"]), marks=pytest.mark.xfail(strict=True, reason=f"known gap: {gaps[c['id']]}"))
            if c.get("id") in gaps else pytest.param(c, id=str(c["id"])) for c in _cases()]


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", text)).strip()


def _alternatives(wanted: str) -> list[str]:
    return [a for a in (_norm(x) for x in wanted.split("|")) if a]


def _name_matches(wanted: str, candidates: Iterable[str]) -> bool:
    names = [_norm(c) for c in candidates if c]
    for alt in _alternatives(wanted):
        whole_word = len(alt) <= 3
        pattern = re.compile(r"(?<![a-z0-9])" + re.escape(alt) + (r"(?![a-z0-9])" if whole_word else ""))
        if any(pattern.search(name) for name in names):
            return True
    return False


def _actor_names(actor: Any) -> list[str]:
    return [actor.name, *actor.aliases, actor.affiliation or "", actor.id]


def _any_actor_matches(wanted: str, actors: Iterable[Any]) -> bool:
    return any(_name_matches(wanted, _actor_names(a)) for a in actors)


def _accepted_roots(exp: dict[str, Any]) -> set[str]:
    roots = {exp["root"], *exp.get("alt_roots", ())}
    if exp.get("lenient"):
        for kind in _SAME_KIND:
            if roots & kind:
                roots |= kind
    return roots


def _meets(event: Any, exp: dict[str, Any]) -> bool:
    if event.cameo[:2] not in _accepted_roots(exp):
        return False
    if "fine" in exp and not event.cameo.startswith(exp["fine"]):
        return False
    if event.modality != exp["modality"]:
        return False
    if "source" in exp and not _any_actor_matches(exp["source"], event.sources):
        return False
    if "target" in exp and not _any_actor_matches(exp["target"], event.targets):
        return False
    both = (*event.sources, *event.targets)
    if any(not _any_actor_matches(p, both) for p in exp.get("participants", ())):
        return False
    if "claimed_by" in exp and not _any_actor_matches(exp["claimed_by"], event.claimed_by):
        return False
    if "place" in exp and not any(_name_matches(exp["place"], [p.name, *p.aliases, p.id]) for p in event.places):
        return False
    return "date" not in exp or _begins_on(event, exp["date"])


def _begins_on(event: Any, date: str) -> bool:
    """The event's span starts on this day, or is this month or year at that precision."""
    t = event.time
    if t.start is None:
        return False
    if len(date) == 10:
        return t.start.isoformat() == date and t.precision in {"day", "hour", "minute"}
    if len(date) == 7:
        return t.start.isoformat()[:7] == date and t.precision == "month"
    return t.start.isoformat()[:4] == date and t.precision == "year"


def _breaks(event: Any, rule: dict[str, Any]) -> bool:
    if event.cameo[:2] != rule["root"]:
        return False
    if "modality" in rule and event.modality != rule["modality"]:
        return False
    if "place" in rule and not any(_name_matches(rule["place"], [p.name, *p.aliases, p.id]) for p in event.places):
        return False
    return "source" not in rule or _any_actor_matches(rule["source"], event.sources)


def _show(events: Iterable[Any]) -> str:
    def names(actors: Iterable[Any]) -> str:
        return ", ".join(a.name for a in actors) or "-"

    lines = [f"  {e.cameo} {e.modality}: [{names(e.sources)}] -> [{names(e.targets)}]"
             + (f" claimed by [{names(e.claimed_by)}]" if e.claimed_by else "")
             for e in events]
    return "\n".join(lines) or "  (no events)"


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_BREAK.split(text.strip()) if s]


def _check_names(where: str, value: Any) -> list[str]:
    if not isinstance(value, str) or not _alternatives(value):
        return [f"{where} must be a non-empty name, '|'-separated alternatives allowed"]
    return []


def _expectation_problems(exp: Any, where: str) -> list[str]:
    if not isinstance(exp, dict):
        return [f"{where} must be an object"]
    problems = [f"{where}: unknown key {k!r}" for k in exp if k not in _EXPECT_KEYS]
    if exp.get("root") not in _ROOTS:
        problems.append(f"{where}: root {exp.get('root')!r} is not a CAMEO root 01-20")
    if exp.get("modality") not in MODALITIES:
        problems.append(f"{where}: modality {exp.get('modality')!r} not in {MODALITIES}")
    if "fine" in exp:
        fine = exp["fine"]
        if not (isinstance(fine, str) and re.fullmatch(r"\d{3,4}", fine) and fine[:2] == exp.get("root")):
            problems.append(f"{where}: fine {fine!r} must be 3-4 digits starting with the root")
        if exp.get("lenient"):
            problems.append(f"{where}: 'fine' pins the root, so it cannot be 'lenient'")
    if "lenient" in exp and not isinstance(exp["lenient"], bool):
        problems.append(f"{where}: lenient must be true or false")
    alt = exp.get("alt_roots", [])
    if not isinstance(alt, list) or any(r not in _ROOTS or r == exp.get("root") for r in alt):
        problems.append(f"{where}: alt_roots must list other CAMEO roots 01-20")
    for key in ("source", "target", "claimed_by", "place"):
        if key in exp:
            problems += _check_names(f"{where}.{key}", exp[key])
    if "date" in exp and not (isinstance(exp["date"], str) and
                              re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", exp["date"])):
        problems.append(f"{where}: date {exp['date']!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    if "participants" in exp:
        parts = exp["participants"]
        if not isinstance(parts, list) or len(parts) < 2:
            problems.append(f"{where}.participants must list at least two names")
        else:
            for i, p in enumerate(parts):
                problems += _check_names(f"{where}.participants[{i}]", p)
    if not any(k in exp for k in ("source", "target", "participants")):
        problems.append(f"{where}: name at least one actor (source, target or participants)")
    return problems


def _forbid_problems(case: dict[str, Any]) -> list[str]:
    problems = []
    roots = case.get("forbid_roots")
    if not isinstance(roots, list) or any(r not in _ROOTS for r in roots):
        problems.append(f"forbid_roots {roots!r} must list CAMEO roots 01-20")
        roots = []
    rules = case.get("forbid", [])
    if not isinstance(rules, list):
        return problems + ["forbid must be a list of objects"]
    for i, rule in enumerate(rules):
        where = f"forbid[{i}]"
        if not isinstance(rule, dict):
            problems.append(f"{where} must be an object")
            continue
        problems += [f"{where}: unknown key {k!r}" for k in rule if k not in _FORBID_KEYS]
        if rule.get("root") not in _ROOTS:
            problems.append(f"{where}: root {rule.get('root')!r} is not a CAMEO root 01-20")
        if "modality" in rule and rule["modality"] not in MODALITIES:
            problems.append(f"{where}: modality {rule['modality']!r} not in {MODALITIES}")
        for key in ("source", "place"):
            if key in rule:
                problems += _check_names(f"{where}.{key}", rule[key])
    # A prohibition must not rule out what the same case expects.
    for j, exp in enumerate(e for e in case.get("expect", []) if isinstance(e, dict) and "root" in e):
        accepted = _accepted_roots(exp)
        clash = accepted & set(roots)
        if clash:
            problems.append(f"expect[{j}] accepts roots {sorted(clash)} that forbid_roots forbids")
        for i, rule in enumerate(r for r in rules if isinstance(r, dict)):
            same_root = rule.get("root") in accepted
            same_modality = rule.get("modality") in (None, exp.get("modality"))
            same_source = ("source" not in rule or ("source" in exp
                           and _alternatives(rule["source"]) == _alternatives(exp["source"])))
            if same_root and same_modality and same_source and "place" not in rule:
                problems.append(f"forbid[{i}] forbids the event expect[{j}] asks for")
    return problems


def _case_problems(case: dict[str, Any]) -> list[str]:
    problems = [f"unknown key {k!r}" for k in case if k not in _CASE_KEYS]
    problems += [f"missing key {k!r}" for k in sorted(_REQUIRED_CASE_KEYS - case.keys())]
    if problems:
        return problems
    phenomenon = case["phenomenon"]
    if phenomenon not in _PHENOMENA:
        problems.append(f"phenomenon {phenomenon!r} not one of {sorted(_PHENOMENA)}")
    elif not re.fullmatch(re.escape(_PHENOMENA[phenomenon]) + r"-\d{2}", str(case["id"])):
        problems.append(f"id {case['id']!r} should look like '{_PHENOMENA[phenomenon]}-01'")
    sentence = case["sentence"]
    if not isinstance(sentence, str) or not sentence.strip() or len(sentence) > 400:
        problems.append("sentence must be non-empty text of at most 400 characters")
    elif phenomenon == "coreference" and len(_sentences(sentence)) != 2:
        problems.append("a coreference case has exactly two sentences")
    elif phenomenon == "speech_quote" and not 2 <= len(_sentences(sentence)) <= 3:
        problems.append("a quote case has two or three sentences: the quote's and its speaker's")
    elif phenomenon in ("place", "date", "speech_issuer") and len(_sentences(sentence)) > 2:
        problems.append("a place, date or issuer case has one sentence, or two when the first lends the second")
    elif phenomenon not in ("coreference", "no_event", "speech_quote", "place", "date", "speech_issuer") \
            and len(_sentences(sentence)) != 1:
        problems.append("a case has one sentence (two for coreference, place and date; a quote for speech_quote)")
    try:
        dt.date.fromisoformat(case["published"])
    except (TypeError, ValueError):
        problems.append(f"published {case['published']!r} is not an ISO date")
    expect = case["expect"]
    if not isinstance(expect, list):
        return problems + ["expect must be a list"]
    if not expect and not str(case.get("note", "")).strip():
        problems.append("a case expecting no event needs a note saying why")
    if phenomenon == "no_event" and expect:
        problems.append("a no_event case expects no event")
    for j, exp in enumerate(expect):
        problems += _expectation_problems(exp, f"expect[{j}]")
    return problems + _forbid_problems(case)


# --------------------------------------------------------------------------- the table itself

def test_table_has_at_least_180_cases() -> None:
    assert len(_cases()) >= _MIN_CASES, f"{_TABLE} has {len(_cases())} cases; write at least {_MIN_CASES}"


def test_case_ids_and_sentences_are_unique() -> None:
    ids = Counter(c.get("id") for c in _cases())
    sentences = Counter(c.get("sentence") for c in _cases())
    assert [i for i, n in ids.items() if n > 1] == []
    assert [s for s, n in sentences.items() if n > 1] == []


def test_every_phenomenon_has_at_least_eight_cases() -> None:
    counts = Counter(c.get("phenomenon") for c in _cases())
    thin = {p: counts.get(p, 0) for p in _PHENOMENA if counts.get(p, 0) < _MIN_PER_PHENOMENON}
    assert thin == {}, f"phenomena with fewer than {_MIN_PER_PHENOMENON} cases: {thin}"


def test_every_modality_is_expected_at_least_eight_times() -> None:
    counts = Counter(e.get("modality") for c in _cases() for e in c.get("expect", []))
    thin = {m: counts.get(m, 0) for m in MODALITIES if counts.get(m, 0) < _MIN_PER_MODALITY}
    assert thin == {}, f"modalities expected fewer than {_MIN_PER_MODALITY} times: {thin}"


def test_every_cameo_root_is_expected_somewhere() -> None:
    expected = {e.get("root") for c in _cases() for e in c.get("expect", [])}
    assert sorted(_ROOTS - expected) == []


@pytest.mark.parametrize("case", _case_params())
def test_case_is_well_formed(case: dict[str, Any]) -> None:
    assert _case_problems(case) == []


def test_no_sentence_shares_a_long_word_run_with_the_dev_set() -> None:
    """The dev set scores the project; the table must be written independently of it."""
    if not _DEV.is_dir():
        pytest.skip(f"dev set not found at {_DEV}")

    def shingles(text: str) -> set[tuple[str, ...]]:
        words = _norm(re.sub(r"<[^>]+>", " ", text)).split()
        return {tuple(words[i:i + _DEV_SHINGLE]) for i in range(len(words) - _DEV_SHINGLE + 1)}

    dev: set[tuple[str, ...]] = set()
    for path in _DEV.rglob("*"):
        if path.is_file() and path.suffix in {".txt", ".html", ".htm", ".json"}:
            dev |= shingles(path.read_text(encoding="utf-8", errors="replace"))
    shared = {c["id"]: " ".join(next(iter(s))) for c in _cases() if (s := shingles(c["sentence"]) & dev)}
    assert shared == {}, "sentences overlapping the dev set; rewrite them in your own words"


# --------------------------------------------------------------------------- the extractor against it

@pytest.mark.parametrize("case", _extraction_params())
def test_extraction_matches_table(case: dict[str, Any]) -> None:
    from kg import events_from_text  # absent until the extractor lands: ImportError fails each case

    events = list(events_from_text(case["sentence"], dt.date.fromisoformat(case["published"])))
    shown = f"{case['sentence']!r} ({case['published']}) gave:\n{_show(events)}"
    if not case["expect"]:
        assert events == [], f"expected no event ({case.get('note', '')}); {shown}"
        return
    missing = [exp for exp in case["expect"] if not any(_meets(e, exp) for e in events)]
    assert missing == [], f"no produced event meets {missing}; {shown}"
    forbidden = [e for e in events if e.cameo[:2] in case["forbid_roots"]]
    forbidden += [e for e in events for rule in case.get("forbid", []) if _breaks(e, rule)]
    assert forbidden == [], f"forbidden events produced:\n{_show(forbidden)}\nfrom {shown}"


def test_every_known_gap_names_a_case_of_the_table() -> None:
    ids = {c["id"] for c in _cases()}
    assert set(_known_gaps()) <= ids
