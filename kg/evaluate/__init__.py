"""Evaluation against gold annotations (shared/eval/GUIDELINE.md): ``kg evaluate``.

Each gold article is built on its own, exported, read back through the standard vocabularies
and scored with the rules of shared/eval/score.py: typed, strict and detection P/R/F1, date
exactness, actor and place scores, per article and per CAMEO root.

Example (gold/ann holds <id>.json files, gold/articles the <id>.txt or .html articles)::

    from kg.evaluate import evaluate_texts, format_report
    print(format_report(evaluate_texts("gold/ann", "gold/articles"), explain=True))
"""
from __future__ import annotations

from kg.evaluate.explain import GoldVerdict, Unmatched, explain_article
from kg.evaluate.gold import GoldArticle, GoldEntity, GoldEvent, gold_from_json, load_gold, load_gold_dir
from kg.evaluate.report import format_report, report_json, write_report_json
from kg.evaluate.run import ArticleResult, Evaluation, evaluate_exports, evaluate_texts
from kg.evaluate.scoring import Counts, Figures, RootRow, Summary, count_article, summarize
from kg.evaluate.system import SystemEvent, load_export, read_system_events

__all__ = [
    "evaluate_texts", "evaluate_exports", "Evaluation", "ArticleResult", "format_report",
    "report_json", "write_report_json", "explain_article", "GoldVerdict", "Unmatched", "gold_from_json", "load_gold", "load_gold_dir",
    "GoldArticle", "GoldEvent", "GoldEntity", "SystemEvent", "read_system_events", "load_export",
    "count_article", "summarize", "Counts", "Figures", "Summary", "RootRow",
]
