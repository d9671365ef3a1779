"""Role phrases of titles and role nouns ("foreign minister", "the envoy") and what they imply."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kg.text import fold, read_table, split_list
from kg.words import WordClasses

__all__ = ["Roles", "load_roles"]

_MAX_ROLE_WORDS = 4


@dataclass(frozen=True)
class Roles:
    """Role phrases (kg/data/reference/roles.tsv) and the words read as one ("officials")."""

    phrases: Mapping[str, tuple[str, ...]]  # phrase -> (primary role, broader roles...)
    aliases: Mapping[str, str]  # plural or synonym -> phrase ("officials" -> "official")

    def find(self, text: str) -> list[str]:
        """Role phrases in a title or role noun, left to right, longest first ("foreign minister")."""
        words = re.sub(r"[^a-z0-9 -]+", " ", fold(text).lower()).split()
        found: list[str] = []
        i = 0
        while i < len(words):
            for n in range(min(_MAX_ROLE_WORDS, len(words) - i), 0, -1):
                phrase = " ".join(words[i:i + n])
                phrase = self.aliases.get(phrase, phrase)
                if phrase in self.phrases:
                    found.append(phrase)
                    i += n
                    break
            else:
                i += 1
        return found

    def expand(self, phrases: Iterable[str]) -> set[str]:
        """Every role a list of role phrases implies ("foreign minister" is also a "minister")."""
        out: set[str] = set()
        for p in phrases:
            out.update(self.phrases.get(p, (p,)))
        return out

    def primary(self, phrase: str) -> str:
        """The role a phrase names most specifically ("spokesman" -> "spokesperson")."""
        return self.phrases.get(phrase, (phrase,))[0]


def load_roles(words: WordClasses) -> Roles:
    phrases = {r["phrase"]: (r["role"], *split_list(r["implies"])) for r in read_table("roles.tsv")}
    aliases = {**words.by_value("role_plural"), **words.by_value("role_alias")}
    return Roles(phrases, aliases)
