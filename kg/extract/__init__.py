"""Extract: sentences, entity mentions and event mentions from articles (spaCy + trigger lexicon).

Articles stream through ``nlp.pipe``; page furniture is blanked out (offsets stay true to the
article text), every line break ends a sentence, and headlines are marked so that they lend
actors to the events they summarise without standing as events of their own.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from kg.extract.arguments import MentionIndex, index_mentions
from kg.extract.boilerplate import dateline_end, is_boilerplate, is_heading
from kg.extract.assemble import sentence_events
from kg.extract.frame import SentenceFrame
from kg.extract.nlp import load_nlp, with_line_breaks
from kg.extract.quotes import follow_quote, quote_spans
from kg.model import Article, EventMention, Extraction, TimeMention, evolve
from kg.resources import Resources, default_resources
from kg.temporal import ANAPHORIC_DAY, find_time_expressions

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

__all__ = ["extract", "extract_doc", "prepare_text", "load_nlp"]

_TIME_LABELS = {"DATE", "TIME"}


def prepare_text(text: str) -> tuple[str, list[tuple[int, int, bool]]]:
    """Blank out furniture lines and datelines; return the text to parse and its kept lines.

    Each kept line is (start, end, is_heading). Blanking keeps every offset of the article.
    """
    out = []
    lines: list[tuple[int, int, bool]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        if is_boilerplate(body):
            out.append(" " * len(body) + line[len(body):])
        else:
            cut = dateline_end(body)
            # the blank ends in a newline so the parser starts the sentence at the first real word
            out.append((" " * (cut - 1) + "\n" if cut else "") + line[cut:])
            lines.append((pos + cut, pos + len(body), is_heading(body)))
        pos += len(line)
    return "".join(out), lines


def extract(articles: Iterable[Article], *, nlp: "Language | None" = None, batch_size: int = 16,
            res: Resources | None = None) -> Iterator[Extraction]:
    """Yield one Extraction per article, streaming through spaCy's ``nlp.pipe``."""
    nlp = with_line_breaks(nlp or load_nlp())
    res = res or default_resources()
    pairs = ((prepare_text(a.text), a) for a in articles)

    def texts() -> Iterator[tuple[str, tuple[Article, list[tuple[int, int, bool]]]]]:
        for (clean, lines), article in pairs:
            yield clean, (article, lines)

    for doc, (article, lines) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        yield extract_doc(doc, article, lines, res)


def extract_doc(doc: "Doc", article: Article, lines: list[tuple[int, int, bool]],
                res: Resources | None = None) -> Extraction:
    """Event and entity mentions of one parsed article."""
    res = res or default_resources()
    index = MentionIndex()
    events: list[EventMention] = []
    heading_at = {start: head for start, _, head in lines}
    line_starts = sorted(heading_at)
    sents = list(doc.sents)
    ents = _entities_by_sentence(doc, sents)  # Span.ents rebuilds the whole list on every call
    quotes, pending = quote_spans(doc.text), None
    for n, sent in enumerate(sents):
        if not sent.text.strip():
            continue
        line = _line_of(sent.start_char, line_starts)
        if line is None:
            continue
        index_mentions(sent, index, res.words, ents[n], res.lexicon)
        times = _time_mentions(sent, ents[n])
        frames: list[SentenceFrame] = []
        found = list(sentence_events(sent, article.id, res, index, times, headline=heading_at.get(line, False),
                                     frames=frames))
        pending, quoted = follow_quote(sent, frames[0], found, quotes, pending)
        events.extend(_definite(em, doc, res.words["definite_determiner"]) for em in found + quoted)
    return Extraction(article, tuple(events), tuple(index.mentions))


def _definite(em: EventMention, doc: "Doc", determiners: frozenset[str]) -> EventMention:
    """Mark a noun trigger with "the", "this" or "that" ("the talks"): resolve (kg.resolve.anaphora)
    points it back at the event the article told of before."""
    span = doc.char_span(em.trigger_start, em.trigger_end)
    if span is None or span.root.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in determiners for c in span.root.children):
        return em
    return evolve(em, definite=True)


def _line_of(offset: int, starts: list[int]) -> int | None:
    i = bisect.bisect_right(starts, offset) - 1
    return starts[i] if i >= 0 else None


def _entities_by_sentence(doc: "Doc", sents: list["Span"]) -> list[list["Span"]]:
    """The document's entities, sorted into its sentences once: linear in the article."""
    starts = [s.start for s in sents]
    out: list[list["Span"]] = [[] for _ in sents]
    for ent in doc.ents:
        i = bisect.bisect_right(starts, ent.start) - 1
        if i >= 0 and ent.end <= sents[i].end:
            out[i].append(ent)
    return out


def _time_mentions(sent, ents: list) -> list[TimeMention]:  # sent: a spaCy Span, ents: its entities
    """Time expressions of a sentence: the temporal finder's, then spaCy's where they don't overlap.

    The finder knows what resolves ("over the weekend", holidays); spaCy adds what it misses.
    """
    base = sent.start_char
    found = [TimeMention(tm.text, tm.start + base, tm.end + base) for tm in find_time_expressions(sent.text)]
    for m in ANAPHORIC_DAY.finditer(sent.text):  # dated later, against the article's last day
        if not any(m.start() + base < t.end and t.start < m.end() + base for t in found):
            found.append(TimeMention(m.group(), m.start() + base, m.end() + base))
    for e in ents:
        if e.label_ in _TIME_LABELS and not any(e.start_char < t.end and t.start < e.end_char for t in found):
            found.append(TimeMention(e.text, e.start_char, e.end_char))
    return sorted(found, key=lambda t: t.start)
