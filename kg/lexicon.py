"""The trigger lexicon and verb-noun combinations, loaded once from kg/data/*.tsv."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Trigger", "Lexicon", "load_lexicon"]


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # VERB, NOUN or ADJ
    cameo: str
    frame: str


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[tuple[str, str], Trigger]
    combinations: tuple[tuple[str, str, str], ...]  # (verb, noun code prefix or "*", result)

    def get(self, lemma: str, pos: str) -> Trigger | None:
        return self.triggers.get((lemma, pos))

    def combine(self, verb: str, noun_code: str, verb_code: str | None, *,
                light: bool = True) -> str | None:
        """The code of ``verb`` + a nominal event coded ``noun_code``, or None if they don't fuse.

        With ``light=False``, light-verb rows (any noun, result "*") do not count.
        """
        for v, prefix, result in self.combinations:
            if v == verb and (prefix == "*" or noun_code.startswith(prefix)):
                if prefix == "*" and result == "*" and not light:
                    continue
                if result == "*":
                    return noun_code
                if result == ".":
                    return verb_code
                return result
        return None

    def about(self, outer_lemma: str, outer_code: str, inner_code: str, inner_pos: str) -> str:
        """The code of an intention, appeal, demand, rejection or threat about an inner event.

        ``inner_pos`` matters: pledging to *halt* fighting declares a truce, being ready to
        *achieve a ceasefire* is an intention.
        """
        fused = self.combine(outer_lemma, inner_code, outer_code, light=False)
        if fused is not None:
            return fused
        for key in (f"@{outer_code[:2]}:{inner_pos}", f"@{outer_code[:2]}"):
            fused = self.combine(key, inner_code, outer_code)
            if fused is not None:
                return fused
        return outer_code


def _rows(name: str) -> list[list[str]]:
    text = resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    triggers = {}
    for lemma, pos, cameo, frame in (r[:4] for r in _rows("triggers.tsv")):
        triggers[(lemma, pos)] = Trigger(lemma, pos, cameo, frame)
    combos = tuple((r[0], r[1], r[2]) for r in _rows("combinations.tsv"))
    return Lexicon(triggers, combos)
