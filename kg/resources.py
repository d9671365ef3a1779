"""Everything the rules read besides the text: one frozen value, built once per build and passed in.

A user can pass their own (a larger gazetteer, extra trigger words) to ``kg.build``; nothing in
extract or resolve loads a table by itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.lexicon import Lexicon, load_lexicon
from kg.words import WordClasses, load_words

__all__ = ["Resources", "default_resources"]


@dataclass(frozen=True)
class Resources:
    """The trigger lexicon and the word classes (reference tables join them here)."""

    lexicon: Lexicon
    words: WordClasses


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    """The package's own resources, read once per process."""
    return Resources(lexicon=load_lexicon(), words=load_words())
