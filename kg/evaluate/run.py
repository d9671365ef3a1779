"""Run an evaluation: build each gold article on its own (or read earlier exports) and score it."""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ModelError
from kg.evaluate.gold import GoldArticle, load_gold_dir
from kg.evaluate.scoring import Counts, RootRow, Summary, count_article, per_root, summarize
from kg.evaluate.system import SystemEvent, load_export, read_system_events

if TYPE_CHECKING:
    from kg.pipeline import Settings

__all__ = ["ArticleResult", "Evaluation", "evaluate_exports", "evaluate_texts", "find_text"]

_TEXT_SUFFIXES = (".txt", ".html")


@dataclass(frozen=True)
class ArticleResult:
    """One gold article, the system events read from its export, and its counts."""

    gold: GoldArticle
    events: tuple[SystemEvent, ...]
    counts: Counts


@dataclass(frozen=True)
class Evaluation:
    """The results of a gold set; ``failures`` says which articles could not be built or read
    (they are scored with no events, as score.py scores them)."""

    articles: tuple[ArticleResult, ...]
    failures: tuple[str, ...] = ()

    @property
    def summary(self) -> Summary:
        return summarize([a.counts for a in self.articles])

    @property
    def roots(self) -> list[RootRow]:
        return per_root([(a.gold, a.events) for a in self.articles])


def _score(gold: GoldArticle, folder: Path, failures: list[str]) -> ArticleResult:
    from kg.errors import parse_problem

    try:
        events: tuple[SystemEvent, ...] = tuple(read_system_events(load_export(folder)))
    except Exception as exc:  # rdflib raises many parser types; a broken export scores zero
        failures.append(f"{gold.id}: unreadable export: {parse_problem(exc)}")
        events = ()
    return ArticleResult(gold, events, count_article(gold, events))


def evaluate_exports(gold_dir: str | Path, exports: str | Path) -> Evaluation:
    """Score earlier exports: ``exports/<id>/`` holds the Turtle of gold article ``<id>``."""
    failures: list[str] = []
    results = [_score(g, Path(exports) / g.id, failures) for g in load_gold_dir(gold_dir)]
    return Evaluation(tuple(results), tuple(failures))


def find_text(texts: Path, ident: str) -> Path | None:
    """The article ``<id>.txt`` or ``<id>.html`` of ``texts``, else any ``<id>.*``."""
    for suffix in _TEXT_SUFFIXES:
        if (texts / f"{ident}{suffix}").is_file():
            return texts / f"{ident}{suffix}"
    return next(iter(sorted(texts.glob(f"{ident}.*"))), None)


def _build_one(gold: GoldArticle, text: Path, out: Path, settings: Settings) -> list[str]:
    """Build one article on its own and write its exports into ``out``; problems as lines."""
    from kg.export import write_exports
    from kg.pipeline import build

    problems: list[str] = []
    result = build([text], published=gold.published, settings=settings,
                   on_error=lambda err: problems.append(f"{gold.id}: {err}"))
    write_exports(result.events, out, timeline=False)
    return problems


def evaluate_texts(gold_dir: str | Path, texts: str | Path, *, out: str | Path | None = None,
                   settings: Settings | None = None,
                   progress: Callable[[GoldArticle], None] | None = None) -> Evaluation:
    """Build every gold article of ``texts`` on its own (the language model loads once), write
    its exports to ``out/<id>/`` (a temporary folder when ``out`` is None) and score them.

    The exports are those of ``kg build TEXT --published DATE --out out/<id>``, so that
    ``shared/eval/score.py --exports out`` reads the same files and gives the same figures.
    """
    from kg.pipeline import Settings

    golds = load_gold_dir(gold_dir)
    settings = settings or Settings()
    with tempfile.TemporaryDirectory(prefix="kg-evaluate-") as tmp:
        root = Path(out) if out is not None else Path(tmp)
        failures: list[str] = []
        results = []
        for gold in golds:
            if progress is not None:
                progress(gold)
            results.append(_build_and_score(gold, Path(texts), root / gold.id, settings, failures))
        return Evaluation(tuple(results), tuple(failures))


def _build_and_score(gold: GoldArticle, texts: Path, out: Path, settings: Settings,
                     failures: list[str]) -> ArticleResult:
    text = find_text(texts, gold.id)
    if text is None:
        failures.append(f"{gold.id}: no text {gold.id}.txt or {gold.id}.html in {texts}")
        return ArticleResult(gold, (), count_article(gold, ()))
    try:
        failures += _build_one(gold, text, out, settings)
    except ModelError:
        raise  # no article can be built: say so once
    except Exception as exc:  # one article's failure is reported and scored zero, the rest go on
        failures.append(f"{gold.id}: {type(exc).__name__}: {exc}")
        return ArticleResult(gold, (), count_article(gold, ()))
    return _score(gold, out, failures)

