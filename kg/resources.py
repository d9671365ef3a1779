"""Everything the rules read besides the text: one frozen value, built once per build and passed in.

A user can pass their own (a larger gazetteer, extra trigger words) to ``kg.build``; nothing in
extract or resolve loads a table by itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.lexicon import Lexicon, load_lexicon
from kg.reference import Reference
from kg.words import WordClasses, load_words

__all__ = ["Resources", "default_resources"]


@dataclass(frozen=True)
class Resources:
    """The trigger lexicon, the word classes and the reference tables (each table built on first use)."""

    lexicon: Lexicon
    words: WordClasses
    reference: Reference


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    """The package's own resources, read once per process."""
    words = load_words()
    return Resources(lexicon=load_lexicon(), words=words, reference=Reference(words))
