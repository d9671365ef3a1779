"""Entity mentions in a parsed sentence: named entities, national forces, role nouns, pronouns.

Every mention carries its syntactic role (actor or place) and the noun phrase around it, so the
resolve stage can tell "Moscow said" (an actor) from "talks in Moscow" (a place) and read titles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from kg.lexicon import Lexicon
from kg.model import EntityMention
from kg.words import WordClasses

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["MentionIndex", "index_mentions", "ENTITY_LABELS"]

ENTITY_LABELS = {"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC"}
_ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "appos", "attr", "poss", "oprd"}
_POSSESSIVE = {"its": "it", "their": "they", "his": "he"}  # "her" is already personal


@dataclass
class MentionIndex:
    """Mentions of one article, and which token stands for which mention."""

    mentions: list[EntityMention] = field(default_factory=list)
    by_token: dict[int, EntityMention] = field(default_factory=dict)  # doc token index -> mention

    def add(self, mention: EntityMention, tokens: range) -> EntityMention:
        self.mentions.append(mention)
        for i in tokens:
            self.by_token.setdefault(i, mention)
        return mention


def _role(tok: "Token", words: WordClasses) -> Literal["actor", "place", "unknown"]:
    dep = tok.dep_
    while dep == "conj":
        tok = tok.head
        dep = tok.dep_
    if dep in {"compound", "amod", "nmod"}:
        # "the Cairo round", "Russian forces": the resolver decides by what the name is
        heads = words.union("institution_noun", "force_noun", "role_noun", "member_noun")
        if tok.head.lower_ in heads:
            return "actor"
        # "the al-Asad air base", "the Zamzam camp": a site named after a person is a place; "an
        # Aerospace Force base", "a National Police station": one named by a body is the body's
        if tok.lower_ in words.union("force_noun", "institution_noun"):
            return "actor"
        return "place" if tok.head.lemma_.lower() in words.by_value("place_type") else "unknown"
    if dep in _ACTOR_DEPS:
        return "actor"
    if dep == "pobj":
        prep = tok.head.lower_
        owner = tok.head.head.lower_  # "representatives from X", "officials in X": X takes part
        if prep in {"from", "of"} and owner in words.union("institution_noun", "people_group_noun", "member_noun"):
            return "actor"
        if prep == "of" and (tok.head.head.lemma_.lower() in words["place_noun"] or owner in words["compass_word"]):
            return "place"  # "the town of Tame", "the province of Idlib", "20 km north of Goma"
        if prep in words["loc_prep"]:
            return "place"
        if prep in {"by", "with", "against", "between", "of", "for", "from"}:
            return "actor"
    return "unknown"  # "to London": a destination or an addressee; the resolver decides by the name


def _context(span: "Span", words: WordClasses) -> str:
    """The noun phrase around an entity, with its titles: "Kremlin spokesperson Dmitry Peskov", or
    the place noun it names: "town of Nyanzale"."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words["place_noun"]:
        return f"{head.head.text} of {span.text}"
    left = span.start
    for child in root.lefts:
        if child.dep_ in {"compound", "amod", "poss", "nmod", "case", "det", "punct", "npadvmod"}:
            left = min(left, child.left_edge.i)
    if span.start - left > 8:
        left = span.start
    doc = span.doc
    text = doc[left:span.end].text
    if root.dep_ == "appos" and root.head.i < span.start:  # "the envoy, Amina Kiprotich,"
        head = root.head
        text = doc[head.left_edge.i:head.i + 1].text + " " + span.text
    return text


def index_mentions(sent: "Span", index: MentionIndex, words: WordClasses,
                   ents: "list[Span] | None" = None, lex: Lexicon | None = None) -> None:
    """Add the entity mentions of ``sent`` to ``index``: named entities, then proper nouns the
    NER missed, then pronouns and definite role, group and pair nouns, then unnamed actors.
    ``ents`` are the sentence's entities when the caller has them (``Span.ents`` is costly); with
    ``lex``, the possessor of a nominal event ("its offensive") is a mention too."""
    for ent in sent.ents if ents is None else ents:
        if ent.label_ in ENTITY_LABELS:
            _add_entity(ent, index, words)
    for tok in sent:
        _add_untagged_name(tok, sent, index, words)
    for tok in sent:
        if tok.i not in index.by_token:
            _add_referring(tok, sent, index, words, lex)
    for tok in sent:
        if tok.i not in index.by_token:
            _add_unnamed(tok, sent, index, words)


def _add_entity(ent: "Span", index: MentionIndex, words: WordClasses) -> None:
    doc = ent.doc
    poss = next((t for t in ent[1:] if t.tag_ == "POS"), None)
    if poss is not None:  # title case fools NER: "Putin's Ceasefire" is Putin's
        ent = doc[ent.start:poss.i]
        if ent.root.ent_type_ == "" or len(ent) == 0:
            return
        cut = doc.char_span(ent.start_char, ent.end_char, label=ent.root.ent_type_ or "PERSON")
        if cut is None:
            return
        ent = cut
    text = ent.text
    start, end = ent.start_char, ent.end_char
    if text.lower().startswith("the "):
        text, start = text[4:], start + 4
    # a national modifier of a force noun is a mention of that force: "Russian forces"
    force = _force_head(ent.root, words) if ent.label_ in {"NORP", "GPE"} and \
        ent.root.dep_ in {"amod", "compound", "poss", "conj"} else None
    if force is not None:
        label = force.text if force.text.lower() != "guard" else "coast guard"
        # a state's force is a party wherever it stands ("delegations from Sudan's army")
        m = EntityMention(f"{text} {label}", start, end, ent.label_, "actor", doc[ent.start:force.i + 1].text)
        index.add(m, range(ent.start, ent.end))
        return
    role = _role(ent.root, words)
    if role == "unknown" and ent.root.dep_ in {"poss", "compound", "amod"} \
            and ent.root.head.lower_ in words.union("institution_noun", "force_noun", "member_noun"):
        role = "actor"
    index.add(EntityMention(text, start, end, ent.label_, role, _context(ent, words)), range(ent.start, ent.end))


def _add_untagged_name(tok: "Token", sent: "Span", index: MentionIndex, words: WordClasses) -> None:
    """A proper noun the NER missed, where the syntax makes it a participant ("Zelenskiy wrote")."""
    modifier = tok.dep_ in {"compound", "amod", "nmod"} and tok.head.lower_ in \
        words.union("member_noun", "force_noun", "institution_noun") and tok.head.i not in index.by_token
    common = words.union("armed_member_noun", "civilian_noun", "force_noun")
    if tok.lower_ in common and not any(c.dep_ == "compound" for c in tok.children):
        return  # "Rebels attacked": a common noun at the head of a sentence, no name
    if tok.i in index.by_token or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or \
            (tok.dep_ == "compound" and not modifier) or \
            (tok.dep_ not in _ACTOR_DEPS | {"pobj", "conj"} and not modifier) or \
            (tok.ent_type_ in {"DATE", "TIME"} and _DATE_WORD.search(tok.text)):
        return
    left = tok.i
    while left - 1 >= sent.start and sent.doc[left - 1].dep_ == "compound" and \
            sent.doc[left - 1].pos_ == "PROPN" and sent.doc[left - 1].i not in index.by_token:
        left -= 1
    span = sent.doc[left:tok.i + 1]
    m = EntityMention(span.text, span.start_char, span.end_char, "PROPN", _role(tok, words), _context(span, words))
    index.add(m, range(left, tok.i + 1))


def _add_referring(tok: "Token", sent: "Span", index: MentionIndex, words: WordClasses,
                   lex: Lexicon | None = None) -> None:
    """Pronouns and definite role, group and pair nouns: the resolve stage points them back at
    actors named before, since it knows their types."""
    low = tok.lower_
    at = range(tok.i, tok.i + 1)
    if tok.pos_ == "PRON" and tok.dep_ in {"nsubj", "nsubjpass", "poss"}:
        if low in words["personal_pronoun"] | words["collective_pronoun"] - {"we"}:
            index.add(EntityMention(low, tok.idx, tok.idx + len(tok.text), "PRON", "actor", tok.text), at)
        elif low in _POSSESSIVE and tok.dep_ == "poss" and (
                tok.head.lower_ in words.union("force_noun", "member_noun", "institution_noun") or
                _event_noun(tok.head, lex, words)):
            # "its forces", "their fighters", "his government": acting for whom the pronoun names;
            # "its incursion", "their offensive", "his visit": the possessor of an event carries it out
            bound = _binder(tok, index) if _event_noun(tok.head, lex, words) else None
            if bound is not None:
                index.by_token[tok.i] = bound
                return
            if _event_noun(tok.head, lex, words) and _of_another_noun(tok.head):
                return  # "the anniversary of its invasion": too far from a clause to guess whose
            m = EntityMention(_POSSESSIVE[low], tok.idx, tok.idx + len(tok.text), "PRON", "actor", tok.text)
            index.add(m, at)
        elif low in {"we", "i", "our", "us"}:
            speaker = _speaker(sent, index, words)
            if speaker is not None:
                index.by_token[tok.i] = speaker
    elif tok.pos_ == "NOUN" and low in words.union("role_noun", "group_noun", "pair_noun") \
            and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} \
            and not any(c.ent_type_ or c.i in index.by_token for c in tok.children) and _definite(tok):
        label = "PAIR" if _pair(tok, words) else "GROUP" if low in words["group_noun"] else "ROLE"
        if label == "ROLE" and low not in words["role_noun"]:
            return
        m = EntityMention(f"the {tok.text}", tok.idx, tok.idx + len(tok.text), label, "actor",
                          tok.doc[tok.left_edge.i:tok.i + 1].text)
        index.add(m, at)


def _event_noun(tok: "Token", lex: Lexicon | None, words: WordClasses) -> bool:
    """Is ``tok`` a noun the lexicon makes an event of ("offensive", "visit", "launch"), or a war?"""
    return lex is not None and tok.pos_ == "NOUN" and (
        lex.get(tok.lemma_.lower(), "NOUN") is not None or tok.lemma_.lower() in words["war_noun"])


def _of_another_noun(noun: "Token") -> bool:
    """ "the anniversary of its invasion", "for criticising its launch": an event too far from a
    clause subject, or the object of someone else's act, to guess its possessor by recency."""
    if noun.dep_ == "dobj" and noun.head.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in noun.head.children):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in {"NOUN", "PROPN"}


def _binder(tok: "Token", index: MentionIndex) -> EntityMention | None:
    """The party of its own sentence that a possessive before an event noun stands for: the object
    of "condemned X for its launch", else the subject of the nearest clause above that has one
    ("Y condemned Z for criticising its launch": Y's launch; "X said it had lost ground in its
    offensive": X's offensive). None when that clause names no party of the pronoun's kind, or when
    the event hangs on another noun."""
    person, plural = tok.lower_ == "his", tok.lower_ == "their"

    def fits(m: EntityMention | None) -> bool:
        # "their" is seldom a state's ("the US cited their attacks": the attackers')
        return m is not None and m.role != "place" and (m.label == "PERSON") == person and \
            not (plural and m.label == "GPE")

    noun = tok.head
    if noun.dep_ == "pobj" and noun.head.lower_ in {"for", "over"} and noun.head.head.pos_ == "VERB":
        objs = [index.by_token.get(c.i) for c in noun.head.head.children if c.dep_ == "dobj"]
        if any(fits(m) for m in objs):
            return next(m for m in objs if fits(m))
    cur = noun
    for _ in range(6):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in {"NOUN", "PROPN"}:
            return None  # the event hangs on another noun, no clause of its own
        # the event's own verb ("since its war with X broke out") has the event as subject: go on up
        subj = [c for c in cur.children if c.dep_ == "nsubj" and c.i != noun.i] if cur.pos_ in {"VERB", "AUX"} else []
        if subj:
            m = index.by_token.get(subj[0].i)
            return m if fits(m) else None
    return None


_DATE_WORD = re.compile(r"(?i)\d|day|night|week|month|year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                        r"nov|dec|easter|christmas|ramadan|eid|new year")


def _speaker(sent: "Span", index: MentionIndex, words: WordClasses) -> EntityMention | None:
    """Who speaks for "we" in a quoted sentence: the subject of its reporting verb."""
    for tok in sent:
        if tok.lemma_.lower() in words["report_verb"] and tok.pos_ == "VERB":
            for c in tok.children:
                if c.dep_ == "nsubj" and c.i in index.by_token:
                    return index.by_token[c.i]
    return None


def _definite(tok: "Token") -> bool:
    return any(c.dep_ in {"det", "predet"} and c.lower_ in {"the", "this", "both"} for c in tok.children) or \
        any(c.dep_ == "compound" for c in tok.children)


def _pair(tok: "Token", words: WordClasses) -> bool:
    """ "both governments", "the two sides", "the delegations": the two parties the article is about."""
    if tok.lower_ not in words["pair_noun"]:
        return False
    kids = list(tok.children)
    if any(c.lower_ in {"both", "two"} and c.dep_ in {"det", "predet", "nummod", "amod"} for c in kids):
        return True
    # a bare definite plural of the parties' own bodies: "the delegations met", "the commissions"
    return tok.lower_ in words["body_noun"] and [c.lower_ for c in kids if c.dep_ != "punct"] == ["the"]


def _force_head(tok: "Token", words: WordClasses) -> "Token | None":
    """The force noun a national modifier belongs to ("Russian" -> "forces"), if any."""
    head = tok
    for _ in range(3):
        if head.dep_ not in {"amod", "compound", "poss", "conj", "cc"}:
            return None
        head = head.head
        if head.pos_ in {"NOUN", "PROPN"}:
            low = head.lower_
            if low in words["force_noun"]:
                if low == "guard" and not any(c.lower_ == "coast" for c in head.children):
                    return None
                return head
            if head.dep_ != "compound":
                return None
    return None


_UNNAMED_DEPS = {"nsubj", "nsubjpass", "dobj", "conj", "appos"}
_UNNAMED_PREPS = {"by", "against", "with", "on", "at", "between"}


def _add_unnamed(tok: "Token", sent: "Span", index: MentionIndex, words: WordClasses) -> None:
    """An actor that is no named entity: "gunmen", "the army", "villagers", "masked men". Its
    type comes from its noun; a named modifier ("Houthi fighters") is found by the rules that read
    participants, so only bare ones are added here."""
    if tok.pos_ not in {"NOUN", "PROPN"} or not _actor_slot(tok):
        return  # (a sentence's first word is often tagged a name: "Rebels attacked")
    low, lemma = tok.lower_, tok.lemma_.lower()
    classes = words.union("armed_member_noun", "civilian_noun", "force_noun")
    if low not in classes and lemma not in classes:
        return
    head = tok
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "dobj" and (low in words["force_noun"] or lemma in words["force_noun"]):
        return  # "called up brigades", "sent troops": forces moved are no party of their own
    if any(c.i in index.by_token or c.ent_type_ in ENTITY_LABELS or c.dep_ == "poss" for c in tok.children):
        return  # "Russian forces", "its fighters", "Hamas gunmen": a party the other rules read
    if any(p.i in index.by_token for c in tok.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}
           for p in c.children if p.dep_ == "pobj"):
        return  # "troops from South Africa", "soldiers of the army": the party they come from
    left = min([tok.i] + [c.left_edge.i for c in tok.children if c.dep_ in {"amod", "compound"} and c.i < tok.i])
    span = sent.doc[left:tok.i + 1]
    index.add(EntityMention(span.text, span.start_char, span.end_char, "NOUN", "actor", span.text),
              range(tok.i, tok.i + 1))


def _actor_slot(tok: "Token") -> bool:
    """Subject, object or a party's preposition, also down a quantity ("tens of thousands of
    people gathered": the people)."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in _UNNAMED_DEPS or cur.dep_ == "pobj" and cur.head.lower_ in _UNNAMED_PREPS:
            return True
        if not (cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ in {"NOUN", "NUM"}):
            return False
        cur = cur.head.head
    return False
