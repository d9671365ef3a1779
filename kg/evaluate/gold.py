"""Gold annotations (the JSON of shared/eval/GUIDELINE.md) read into frozen records."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.evaluate.match import DaySpan, interval

__all__ = ["GoldEntity", "GoldEvent", "GoldArticle", "gold_from_json", "load_gold", "load_gold_dir"]

_WIKIDATA = "http://www.wikidata.org/entity/"
_HINT = "write gold files as in shared/eval/GUIDELINE.md"


@dataclass(frozen=True)
class GoldEntity:
    """An actor or place of a gold article: its names, Wikidata id and (actors) affiliation."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    affiliation: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every name it may be written as, its Wikidata IRI included."""
        iri = (_WIKIDATA + self.wikidata,) if self.wikidata else ()
        return (self.name, *self.aliases, *iri)


@dataclass(frozen=True)
class GoldEvent:
    """One annotated real-world event."""

    id: str
    cameo: str
    label: str = ""
    cameo_fine: str | None = None
    date: str | None = None
    end: str | None = None
    core: bool = False
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    evidence: str = ""

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @property
    def participants(self) -> tuple[str, ...]:
        return self.source + self.target

    @property
    def span(self) -> DaySpan | None:
        """The days it covers: from the first day of ``date`` to the last day of ``end``."""
        if not self.date:
            return None
        first, last = interval(self.date), interval(self.end or self.date)
        return (first[0], last[1]) if first and last else None


@dataclass(frozen=True)
class GoldArticle:
    """A gold file: the article's id, publication date, events, actors and places."""

    id: str
    published: dt.date | None
    events: tuple[GoldEvent, ...]
    actors: Mapping[str, GoldEntity]
    places: Mapping[str, GoldEntity]

    @property
    def core(self) -> tuple[int, ...]:
        """Indices of the core events (the ones recall is counted over)."""
        return tuple(i for i, e in enumerate(self.events) if e.core)

    def actor_names(self, ident: str, *, with_affiliation: bool) -> tuple[str, ...]:
        """The names of actor ``ident``, and of the country it belongs to when asked."""
        ent = self.actors.get(ident)
        if ent is None:
            return ()
        aff = self.actors.get(ent.affiliation) if with_affiliation and ent.affiliation else None
        return ent.names + ((aff.name, *aff.aliases) if aff else ())

    def place_names(self, ident: str) -> tuple[str, ...]:
        ent = self.places.get(ident)
        return ent.names if ent else ()


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


def _entity(raw: Mapping[str, Any]) -> GoldEntity:
    return GoldEntity(str(raw["id"]), str(raw["name"]), _strings(raw.get("aliases")),
                      raw.get("wikidata") or None, raw.get("affiliation") or None)


def _event(raw: Mapping[str, Any]) -> GoldEvent:
    return GoldEvent(
        id=str(raw.get("id", "")), cameo=str(raw["cameo"]), label=str(raw.get("label") or ""),
        cameo_fine=raw.get("cameo_fine") or None, date=raw.get("date") or None,
        end=raw.get("end") or None, core=bool(raw.get("core", False)),
        source=_strings(raw.get("source")), target=_strings(raw.get("target")),
        places=_strings(raw.get("places")), evidence=str(raw.get("evidence") or ""))


def _published(value: Any, source: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(source, f"'published' is {value!r}, not a date", "write it as YYYY-MM-DD") from None


def gold_from_json(raw: Mapping[str, Any], source: str = "gold") -> GoldArticle:
    """A gold article from its parsed JSON; ``source`` names it in errors."""
    try:
        return GoldArticle(
            id=str(raw.get("id") or Path(source).stem), published=_published(raw.get("published"), source),
            events=tuple(_event(e) for e in raw.get("events") or ()),
            actors={e.id: e for e in map(_entity, raw.get("actors") or ())},
            places={e.id: e for e in map(_entity, raw.get("places") or ())})
    except (KeyError, TypeError, AttributeError) as e:
        raise InputError(source, f"is not a gold file (bad or missing field: {e})", _HINT) from e


def load_gold(path: str | Path) -> GoldArticle:
    """Read one gold file; a file that is not gold JSON raises :class:`InputError` naming it."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise InputError(str(path), f"cannot be read ({e.strerror})", "check the path") from e
    except ValueError as e:
        raise InputError(str(path), f"is not JSON ({e})", _HINT) from e
    if not isinstance(raw, dict):
        raise InputError(str(path), "is not a gold file (a JSON object is expected)", _HINT)
    return gold_from_json(raw, str(path))


def load_gold_dir(folder: str | Path) -> list[GoldArticle]:
    """Every ``*.json`` gold file of ``folder``, in file-name order."""
    folder = Path(folder)
    files = sorted(folder.glob("*.json"))
    if not files:
        raise InputError(str(folder), "holds no gold file (*.json)", _HINT)
    return [load_gold(f) for f in files]
