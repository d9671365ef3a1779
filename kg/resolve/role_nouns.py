"""Role and collective nouns ("the minister", "Hamas officials", "the army", "the government"):
the person or side they stand for in this article, or None where that would be a guess."""
from __future__ import annotations

from kg.model import EntityMention
from kg.resolve.actor_mentions import owner_id
from kg.resolve.actors import country_actor, forces_actor, lookup_org, lookup_seat, primary_role, reference_by_role
from kg.resolve.cues import Cue, title_of
from kg.resolve.state import ArticleState, Ref, around
from kg.text import name_key

__all__ = ["resolve_role"]


def resolve_role(m: EntityMention, text: str, st: ArticleState) -> Ref | None:
    res = st.res
    seat = lookup_seat(text, res)
    if seat is not None:
        return st.add_actor(seat, text)
    org = lookup_org(text, res)
    if org is not None:
        return st.add_actor(org, text)
    words = name_key(text).split()
    if not words or res.words["side_word"] & set(words):
        return None
    # The context is the whole noun phrase ("the Kremlin spokesman") when it ends in the role noun.
    phrase = m.context if name_key(m.context).endswith(words[-1]) else text
    owner, phrases = title_of(phrase, "", res)
    if owner is None:
        prefix, _ = around(m)
        owner, _ = title_of(prefix, "", res)
    said = name_key(phrase).split() or words
    general = said[0] in res.words["indefinite_word"] or said[-1] in res.words.by_value("role_plural")
    if phrases:
        if general:  # "a senior Israeli official", "Hamas officials": the side, not a person
            return _owner_ref(st, owner)
        return _role_person(st, phrase, owner, phrases[-1])
    return _collective(st, words, owner, general)


def _collective(st: ArticleState, words: list[str], owner: Cue | None, general: bool) -> Ref | None:
    """"The army", "the rebels", "the government": the owner named with it, else the latest of its kind."""
    last_two = " ".join(words[-2:])
    head = last_two if last_two in st.res.words["force_role_noun"] else words[-1]
    if head in st.res.words["force_role_noun"]:
        if owner is not None and owner.country is not None:
            return st.add_actor(forces_actor(owner.country))
        if owner is not None:
            return st.add_actor(owner.actor)
        return st.recent_ref("armed_forces")
    if head in st.res.words["armed_group_noun"]:
        if owner is not None and owner.via == "org":
            return st.add_actor(owner.actor)
        return st.recent_ref("armed_group") if owner is None else None
    if head in st.res.words["government_noun"] or last_two in st.res.words["government_noun"]:
        if owner is not None:
            return _owner_ref(st, owner)
        return st.recent_ref("country")
    return _owner_ref(st, owner) if general else None


def _role_person(st: ArticleState, text: str, owner: Cue | None, phrase: str) -> Ref | None:
    res = st.res
    role = primary_role(phrase, res)
    oid = owner_id(owner) if owner is not None else None
    found = [p for p in st.people if role in p.roles and (oid is None or p.affiliation == oid)]
    if len(found) == 1:
        return st.touch(found[0])
    if found:
        return None  # "the minister" with two ministers in the story: do not guess
    if oid is not None:
        ref = reference_by_role(oid, role, res, text)
        if ref is not None:
            return st.add_person(ref.actor(), ref.tokens, set(ref.roles), None)
        return _owner_ref(st, owner)
    return None


def _owner_ref(st: ArticleState, owner: Cue | None) -> Ref | None:
    if owner is None:
        return None
    if owner.country is not None and owner.via in ("country", "demonym", "seat"):
        return st.add_actor(country_actor(owner.country))
    return st.add_actor(owner.actor)
