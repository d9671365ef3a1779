"""Short headline-like labels for events, from their participants and CAMEO name."""
from __future__ import annotations

from kg.codebook import lookup
from kg.model import Actor, Place
from kg.text import clean_label

__all__ = ["event_label", "cameo_name"]

_MODALITY_WORDS = {"planned": " (planned)", "conditional": " (conditional)", "negated": " (did not happen)",
                   "asserted": ""}


def cameo_name(code: str) -> str:
    return lookup(code).name


def event_label(code: str, sources: tuple[Actor, ...], targets: tuple[Actor, ...],
                places: tuple[Place, ...], modality: str) -> str:
    what = cameo_name(code).split(",")[0].strip().lower()
    # no "Someone": an event whose source the reports never name says so
    label = f"{_names(sources)}: {what}" if sources else what[:1].upper() + what[1:]
    if targets:
        label += f" \u2192 {_names(targets)}"
    if places:
        label += f" in {places[0].name}"
    label += ("" if sources else " (source not named)") + _MODALITY_WORDS.get(modality, "")
    return clean_label(label)  # names come from article text: no controls, no bidi overrides


def _names(actors: tuple[Actor, ...]) -> str:
    names = [a.name for a in actors]
    if len(names) > 3:
        return ", ".join(names[:3]) + f" +{len(names) - 3}"
    return ", ".join(names)
