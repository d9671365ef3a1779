"""Word classes the rules use ("report verbs", "force nouns", ...), named once in kg/data/words.tsv.

Each row of the table is ``class<TAB>word``; a class is the set of its words. Rules read a class by
name (``words["report_verb"]``), so a word list is never written in code, and a class is defined in
one place only. A misspelt class name raises at once (and ``tests/test_words.py`` checks that every
class the code reads exists and every class in the table is read).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

__all__ = ["WordClasses", "load_words"]


@dataclass(frozen=True)
class WordClasses:
    """Named, frozen sets of lower-case words and phrases."""

    classes: Mapping[str, frozenset[str]]
    _unions: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _mappings: dict[str, Mapping[str, str]] = field(default_factory=dict, compare=False, repr=False)

    def __getitem__(self, name: str) -> frozenset[str]:
        try:
            return self.classes[name]
        except KeyError:
            raise KeyError(f"no word class {name!r} in kg/data/words.tsv") from None

    def __contains__(self, name: object) -> bool:
        return name in self.classes

    def union(self, *names: str) -> frozenset[str]:
        """The words of several classes together (computed once per combination)."""
        found = self._unions.get(names)
        if found is None:
            found = self._unions[names] = frozenset().union(*(self[n] for n in names))
        return found

    def by_value(self, family: str) -> Mapping[str, str]:
        """A mapping written as one class per value: classes ``family:value`` -> {word: value}.

        ``role_plural:official`` holding "officials" reads as {"officials": "official"} (computed
        once per family).
        """
        found = self._mappings.get(family)
        if found is None:
            found = self._mappings[family] = MappingProxyType(self._mapping(family))
        return found

    def _mapping(self, family: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for name in sorted(self.classes):
            head, sep, value = name.partition(":")
            if not sep or head != family:
                continue
            for word in self.classes[name]:
                if out.setdefault(word, value) != value:
                    raise ValueError(f"words.tsv: {word!r} is in two classes of {family!r}")
        if not out:
            raise KeyError(f"no word classes {family}:... in kg/data/words.tsv")
        return out

    @classmethod
    def from_text(cls, text: str) -> WordClasses:
        """Read ``class<TAB>word`` rows; ``#`` lines are comments."""
        found: dict[str, set[str]] = {}
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, _, word = line.partition("\t")
            if not word.strip():
                raise ValueError(f"words.tsv: row {line!r} has no word after its class")
            found.setdefault(name.strip(), set()).add(word.strip())
        return cls(MappingProxyType({k: frozenset(v) for k, v in found.items()}))


@lru_cache(maxsize=1)
def load_words() -> WordClasses:
    """The package's word classes (read once)."""
    return WordClasses.from_text(resources.files("kg").joinpath("data", "words.tsv").read_text(encoding="utf-8"))
