"""Actors that are no named entity ("gunmen", "the army", "villagers"): typed by their noun, kept
under the words the article used, with no identity beyond the article's own phrase."""
from __future__ import annotations

from kg.model import Actor, ActorType
from kg.text import slugify
from kg.words import WordClasses

__all__ = ["unnamed_actor"]


def unnamed_actor(text: str, words: WordClasses) -> Actor:
    """The actor a common-noun phrase names: "masked gunmen" is an armed group, "the army" armed
    forces (of a state the sentence does not name), "villagers" civilians."""
    head = text.split()[-1].lower()
    kind: ActorType = "other"
    if head in words["armed_member_noun"]:
        kind = "armed_group"
    elif head in words["force_noun"]:
        kind = "armed_forces"
    name = text[4:] if text.lower().startswith("the ") else text
    return Actor(slugify(name), name, kind)
