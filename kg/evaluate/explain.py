"""Event by event: which gold events were found, found with another type, or missed, and which
system events matched no gold event (and what they come closest to)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kg.evaluate.gold import GoldEvent
from kg.evaluate.run import ArticleResult
from kg.evaluate.scoring import fitting, match_events
from kg.evaluate.system import SystemEvent

__all__ = ["GoldVerdict", "Unmatched", "explain_article"]

Status = Literal["found", "other type", "missed"]


@dataclass(frozen=True)
class GoldVerdict:
    """A gold event and what became of it: ``found`` (typed match), ``other type`` (matched only
    when the type is ignored), ``missed``; ``match`` is the system event it was paired with."""

    article: str
    event: GoldEvent
    status: Status
    match: SystemEvent | None = None


@dataclass(frozen=True)
class Unmatched:
    """A system event in no typed pair. ``near`` names the gold event it would match with
    another type, or the one it reports again (already matched by another system event)."""

    article: str
    event: SystemEvent
    near: str = ""


def explain_article(result: ArticleResult) -> tuple[list[GoldVerdict], list[Unmatched]]:
    """The verdict on every gold event of one article, and its unmatched system events."""
    gold, events = result.gold, result.events
    typed = dict(match_events(gold, events, "typed"))
    detect = dict(match_events(gold, events, "detect"))
    verdicts = []
    for g, gev in enumerate(gold.events):
        if g in typed:
            verdicts.append(GoldVerdict(gold.id, gev, "found", events[typed[g]]))
        elif g in detect:
            verdicts.append(GoldVerdict(gold.id, gev, "other type", events[detect[g]]))
        else:
            verdicts.append(GoldVerdict(gold.id, gev, "missed"))
    fits = fitting(gold, events, "typed")
    by_system_detect = {s: g for g, s in detect.items()}
    matched = set(typed.values())
    unmatched = []
    for s, sev in enumerate(events):
        if s in matched:
            continue
        if s in by_system_detect and by_system_detect[s] not in typed:
            near = f"{gold.events[by_system_detect[s]].id} with another type"
        else:
            again = next((gold.events[g].id for g in typed if fits(g, s)), None)
            near = f"another report of {again}" if again else ""
        unmatched.append(Unmatched(gold.id, sev, near))
    return verdicts, unmatched
