"""Spelling-variant keys of names: "Zelenskiy", "Zelensky" and "Zelenskyy" are one person."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.text import name_key
from kg.words import WordClasses

__all__ = ["NameRules"]


@dataclass(frozen=True)
class NameRules:
    """The words name keys drop or fold: titles, particles, the Arabic article, "Abdel"-forms."""

    honorifics: frozenset[str]  # "mr", "president", "sheikh": dropped before a name
    particles: frozenset[str]  # "al", "bin", "von": spelling varies on them
    articles: frozenset[str]  # "al", "el": dropped inside a name
    abd_prefixes: frozenset[str]  # "abdel", "abdul": written as "abd"

    @classmethod
    def from_words(cls, words: WordClasses) -> NameRules:
        return cls(words["honorific"], words["name_particle"], words["arabic_article"],
                   words["abd_prefix"])

    def key(self, name: str) -> str:
        """Normalised key for cross-article identity of a name, robust to transliteration variants.

        Accents, case, punctuation, leading honorifics ("Mr", "President"), the Arabic article
        ("al-", "el-") and the usual spelling variants (y/i, doubled letters, q/k, ou/u, dh/d,
        ph/f, Abdel/Abdul) are folded away.
        """
        words = self.strip_honorifics(name_key(name).replace("-", " ").split())
        words = [w for i, w in enumerate(words) if not (w in self.articles and i < len(words) - 1)]
        return " ".join(self._variant_fold(w) for w in words)

    def strip_honorifics(self, words: list[str]) -> list[str]:
        """Drop leading titles ("president", "mr", "sheikh") from lower-cased name words; keep one word."""
        i = 0
        while i < len(words) - 1 and words[i] in self.honorifics:
            i += 1
        return words[i:]

    def tokens(self, name: str) -> frozenset[str]:
        """The variant-folded words of a name without particles, for partial-name matching."""
        return frozenset(w for w in self.key(name).split() if w not in self.particles)

    def words_without_particles(self, name: str) -> list[str]:
        return [w for w in self.key(name).split() if w not in self.particles]

    def _variant_fold(self, token: str) -> str:
        """One name token reduced over the usual transliteration variants."""
        t = token
        for prefix in self.abd_prefixes:
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
