"""Tense: whether a clause tells of the past, the present or the future. The one owner of tense.

Two readers share these word lists and rules:

* over a parsed token (:func:`is_future`, :func:`tense_of`), for extraction, which has the
  dependency parse: future auxiliaries, present progressives ("is sending"), control verbs
  ("is due to", "plans to"), adjectives of planned events ("the upcoming talks");
* over a sentence string (:func:`guess_tense`), for the resolver when its caller gives no tense:
  the nearest verbal cue to a time expression, within its clause.

A bare string cannot tell a condition from a plan, so the string reader also counts the modals
("would", "may") and words such as "next" and "tomorrow" as future; the token reader leaves
modals to :mod:`kg.extract.modality`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.model import Tense

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["FUTURE_AUX", "FUTURE_CONTROL", "PLANNED_ADJ", "PRESENT_BE", "PAST_AUX",
           "guess_tense", "is_future", "present_be", "tense_of"]

# --- which words mean what (both readers) ---------------------------------------------------

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})  # "wo" is the "won't" of spaCy and of _TOKEN
PRESENT_BE = frozenset({"is", "are", "am"})
_PRESENT_BE_CLITICS = frozenset({"'s", "'re"})  # the parser keeps them as tokens of their own
PAST_AUX = frozenset({"was", "were", "had", "has", "have", "did"})
_PERFECT_LEMMA = "have"  # a perfect ("has struck") tells of the past
# the verbs (lemmas) whose complement is a planned act: "is due to meet", "plans to visit"
FUTURE_CONTROL = frozenset({"due", "set", "scheduled", "expected", "plan", "intend", "prepare", "going",
                            "aim", "hope", "seek", "want", "schedule", "slate", "agree", "decide",
                            "pledge", "promise", "vow"})
# "the upcoming talks": a noun with one of these is a planned event ("new", "possible" and
# "potential" alone do not make it one, see is_future)
PLANNED_ADJ = frozenset({"upcoming", "planned", "proposed", "scheduled", "forthcoming", "next", "expected",
                         "future", "possible", "potential", "new"})

# --- the string reader's further cues -------------------------------------------------------

_MODALS = frozenset({"would", "could", "might", "should", "may"})
_FUTURE_MARKERS = frozenset({"upcoming", "next", "forthcoming", "tomorrow"})
_FUTURE_WORDS = FUTURE_AUX | _MODALS | _FUTURE_MARKERS
# surface forms before an infinitive that make it future ("is to meet", "poised to strike")
_FUTURE_BEFORE_TO = frozenset("due expected scheduled set slated plans plan planned planning "
                              "intends intend intended going hopes hope aims aim wants want "
                              "agreed agree is are was were poised ready prepared".split())
_PRESENT_MARKERS = frozenset({"can", "now"})
_PAST_MARKERS = frozenset({"ago", "yesterday", "earlier"})
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
# words that may stand between an auxiliary and its verb ("had already struck")
_BETWEEN_AUX_AND_VERB = frozenset({"be", "been", "being", "not", "n't", "also", "still", "already",
                                   "reportedly", "allegedly", "just", "then", "again", "jointly"})
_CONTRACTIONS: dict[str, Tense] = {  # the word before "n't"
    "wo": "future", "would": "future", "could": "future", "should": "future", "might": "future",
    "ca": "present", "is": "present", "are": "present", "do": "present", "does": "present",
    "was": "past", "were": "past", "did": "past", "has": "past", "have": "past", "had": "past",
}
_TOKEN = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*|'ll|[;:\"“”—()]")
_BOUNDARY = frozenset({";", ":", "\"", "“", "”", "—", "(", ")"})
_BEFORE_NOUN = re.compile(r"(?:\b(?:the|a|an|this|that|its|their|his|her)|['’]s)\s*$", re.I)


# --- over a parsed token --------------------------------------------------------------------

def present_be(tok: "Token") -> bool:
    """``tok`` has a present form of "be" as its auxiliary ("is sending", "are meeting")."""
    return any(c.dep_ == "aux" and c.lower_ in PRESENT_BE | _PRESENT_BE_CLITICS for c in tok.children)


def _future_aux(tok: "Token") -> bool:
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in FUTURE_AUX for c in tok.children)


def _planned_noun(tok: "Token") -> bool:
    """ "the upcoming talks", "talks set to begin", "a meeting scheduled for Monday"."""
    kids = list(tok.children)
    if any(c.dep_ == "amod" and c.lower_ in PLANNED_ADJ - {"new", "possible", "potential"} for c in kids):
        return True
    if any(c.dep_ == "acl" and c.lemma_.lower() in FUTURE_CONTROL | {"begin", "start", "open"} for c in kids) \
            and any(c.dep_ in {"acl"} and c.tag_ in {"VBN", "VB"} for c in kids):
        return True
    return any(c.dep_ == "prep" and c.lower_ in {"for"} for c in kids) and \
        any(c.dep_ == "amod" and c.lower_ == "scheduled" for c in kids)


def is_future(tok: "Token") -> bool:
    """The act ``tok`` names is still to come: by its auxiliary, its form, or what governs it."""
    cur = tok
    for _ in range(4):
        if _future_aux(cur):
            return True
        if cur.tag_ == "VBG" and present_be(cur):
            return True  # "is sending a delegation on Wednesday": a planned act
        if cur.dep_ in {"xcomp", "acl"} and (cur.head.lemma_.lower() in FUTURE_CONTROL or
                                              cur.head.lower_ in FUTURE_CONTROL):
            return True
        if cur.pos_ in {"NOUN", "PROPN"} and _planned_noun(cur):
            return True
        if cur.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj", "xcomp", "ccomp", "conj", "prep", "pcomp"} \
                and cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ == "VERB" and cur.dep_ not in {"xcomp", "conj"}:
                return _future_aux(cur) \
                    or (cur.tag_ == "VBG" and present_be(cur)) \
                    or (cur.dep_ in {"xcomp", "acl"} and cur.head.lemma_.lower() in FUTURE_CONTROL)
            continue
        break
    return False


def _would_do(tok: "Token") -> bool:
    """ "would" with a bare verb (not "would have"): what was to come when it was said; a noun
    takes its verb's ("would travel to Riyadh for talks")."""
    cur = tok
    for _ in range(3):
        if cur.pos_ not in {"NOUN", "PROPN"} or cur.dep_ not in {"pobj", "dobj", "prep"}:
            break
        cur = cur.head
        while cur.dep_ == "prep":
            cur = cur.head
    aux = {c.lower_ for c in cur.children if c.dep_ in {"aux", "auxpass"}}
    return "would" in aux and not aux & {"have", "'ve"}


def tense_of(tok: "Token", modality: str) -> str:
    """The tense of the clause of trigger ``tok``: future when planned, present for a present
    form (not a perfect), else past."""
    if modality == "planned":
        return "future"
    if _would_do(tok):
        return "future"  # "said the envoy would fly to Doha on Friday": after the saying
    if tok.tag_ in {"VBZ", "VBP"} and not any(c.dep_ == "aux" and c.lemma_ == _PERFECT_LEMMA
                                               for c in tok.children):
        return "present"
    return "past"


# --- over a sentence string -----------------------------------------------------------------

def _future_to(tokens: list[str], i: int) -> bool:
    """``tokens[i]`` is the "to" of a future infinitive ("due to", "plans to")."""
    return tokens[i].lower() == "to" and i > 0 and tokens[i - 1].lower() in _FUTURE_BEFORE_TO


def _word_cue(w: str, tokens: list[str], i: int) -> Tense | None:
    """The tense a word signals by itself (an auxiliary, a marker, a present form)."""
    if w.endswith("'ll"):
        return "future"
    if w.endswith("n't"):
        return _CONTRACTIONS.get(w[:-3])
    if w in _FUTURE_WORDS or (w == "to" and _future_to(tokens, i)):
        return "future"
    if w in PRESENT_BE or w in _PRESENT_VERBS or w in _PRESENT_MARKERS:
        return "present"
    if w in PAST_AUX or w in _PAST_MARKERS:
        return "past"
    return None


def _aux_cue(tokens: list[str], i: int) -> Tense | None:
    """The tense of the auxiliary up to three words before the verb form at ``i``."""
    for j in range(i - 1, max(-1, i - 4), -1):
        aux = tokens[j].lower()
        if aux in _FUTURE_WORDS or _future_to(tokens, j):
            return "future"
        if aux in PRESENT_BE:
            return "present"
        if aux in PAST_AUX:
            return "past"
        if aux not in _BETWEEN_AUX_AND_VERB:
            break
    return None


def _cue(tokens: list[str], i: int) -> Tense | None:
    """The tense signalled by ``tokens[i]`` (read with up to three auxiliaries before it)."""
    w = tokens[i].lower().replace("’", "'")
    word = _word_cue(w, tokens, i)
    if word is not None:
        return word
    verbish = (w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4 and w not in _ADJ_ED
                                         and tokens[i][0].islower()))
    if verbish or (w.endswith("ing") and len(w) > 4):
        aux = _aux_cue(tokens, i)
        if aux is not None:
            return aux
        return "past" if verbish else None
    return None


def _first_cue(tokens: list[str], order: range) -> Tense | None:
    for k in order:
        if tokens[k] in _BOUNDARY:
            break
        tense = _cue(tokens, k)
        if tense is not None:
            return tense
    return None


@lru_cache(maxsize=4096)
def guess_tense(sentence: str, expression: str) -> Tense:
    """The tense of the clause that ``expression`` modifies in ``sentence`` (default past).

    Reads the nearest verbal cue to the left within the clause, then to the right: enough to
    tell "said on Wednesday" from "will travel on Wednesday" and "is sending ... on Wednesday".

    >>> guess_tense("Ukraine will send a delegation on Wednesday.", "on Wednesday")
    'future'
    """
    i = sentence.find(expression) if expression else -1
    if i < 0:
        left, right = sentence, ""
    else:
        left, right = sentence[:i], sentence[i + len(expression):]
    left_tokens = _TOKEN.findall(left)
    right_tokens = _TOKEN.findall(right)
    leftwards = (left_tokens, range(len(left_tokens) - 1, max(-1, len(left_tokens) - 15), -1))
    rightwards = (right_tokens, range(min(len(right_tokens), 10)))
    # "the May 9 parade would go ahead": a date inside a noun phrase takes the tense of the
    # verb after it, not of the one before ("said")
    sides = (rightwards, leftwards) if _BEFORE_NOUN.search(left) else (leftwards, rightwards)
    for tokens, order in sides:
        tense = _first_cue(tokens, order)
        if tense is not None:
            return tense
    return "past"
