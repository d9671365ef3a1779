"""No rule that fits one article: kg/ (code, comments, data tables) holds no run of 8 or more
consecutive words of any development article (shared/eval/dev and dev-real). Words are compared
lower-cased, with punctuation (and underscores) ignored, across line and cell boundaries."""
from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUN = 8  # words in a row that make a phrase an article's own
_WORD = re.compile(r"[^\W_]+")
_ESCAPE = re.compile(r"\\[A-Za-z]")  # \s, \b, \n in code: not words ("held\s+talks" is two)
_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE)


def _shared_eval() -> Path | None:
    for base in (Path(__file__).resolve().parents[2] / "shared", Path("/work/shared")):
        if (base / "eval" / "dev").is_dir():
            return base / "eval"
    return None


SHARED_EVAL = _shared_eval()


def words(text: str) -> list[str]:
    """Lower-case words, accents folded, punctuation and underscores dropped."""
    text = unicodedata.normalize("NFKD", _ESCAPE.sub(" ", text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _WORD.findall(text.casefold())


def _located_words(text: str) -> list[tuple[str, int]]:
    return [(w, n) for n, line in enumerate(text.splitlines(), 1) for w in words(line)]


@dataclass(frozen=True)
class Overlap:
    """A run of words of ``article`` found at ``path``:``line``."""

    path: str
    line: int
    article: str
    words: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {len(self.words)} words of {self.article}: {' '.join(self.words)!r}"


def ngram_index(articles: dict[str, str]) -> dict[tuple[str, ...], str]:
    """Every run of RUN words of every article, to the (first) article it comes from."""
    index: dict[tuple[str, ...], str] = {}
    for name, text in sorted(articles.items()):
        ws = words(text)
        for i in range(len(ws) - RUN + 1):
            index.setdefault(tuple(ws[i:i + RUN]), name)
    return index


def overlaps(path: str, text: str, index: dict[tuple[str, ...], str]) -> list[Overlap]:
    """The maximal runs of ``text`` made of article phrases of RUN words."""
    located = _located_words(text)
    ws = [w for w, _ in located]
    hits = [index.get(tuple(ws[i:i + RUN])) for i in range(len(ws) - RUN + 1)]
    found, i = [], 0
    while i < len(hits):
        if hits[i] is None:
            i += 1
            continue
        j = i
        while j + 1 < len(hits) and hits[j + 1] is not None:
            j += 1
        found.append(Overlap(path, located[i][1], hits[i] or "", tuple(ws[i:j + RUN])))
        i = j + 1
    return found


def _text_files(folder: Path) -> Iterable[tuple[Path, str]]:
    for p in sorted(folder.rglob("*")):
        if not p.is_file() or "__pycache__" in p.parts:
            continue
        try:
            yield p, p.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # images and other binaries hold no rules
            continue


def _article_text(path: Path, text: str) -> str:
    """An article's words: an HTML page's text without its markup, scripts and styles."""
    return html.unescape(_MARKUP.sub(" ", text)) if path.suffix in {".html", ".htm"} else text


def _articles(folders: Sequence[Path]) -> dict[str, str]:
    return {f"{p.parent.parent.name}/{p.name}": _article_text(p, text)
            for folder in folders for p, text in _text_files(folder)}


# --- the finder itself -----------------------------------------------------------------------------

ARTICLE = ("Envoys of the two republics met in the harbour town of Selen on Tuesday, and both "
           "sides agreed to reopen the mountain pass to grain convoys by the end of the month.")


def test_a_run_of_eight_article_words_is_found_whatever_its_case_and_punctuation():
    index = ngram_index({"a": ARTICLE})
    code = ('# handle "met in the harbour town" cases\n'
            'PHRASE = "Both sides AGREED to reopen the mountain-pass to grain convoys"  # why\n')
    (hit,) = overlaps("x.py", code, index)
    assert hit.line == 2 and hit.article == "a"
    assert hit.words == ("both", "sides", "agreed", "to", "reopen", "the", "mountain", "pass", "to",
                         "grain", "convoys")


def test_seven_words_or_words_out_of_order_are_no_overlap():
    index = ngram_index({"a": ARTICLE})
    assert overlaps("x.py", "agreed to reopen the mountain pass to\n", index) == []
    assert overlaps("x.tsv", "town\tharbour\tthe\tin\tmet\trepublics\ttwo\tthe\n", index) == []


def test_escapes_in_code_do_not_hide_a_phrase_and_markup_of_a_page_is_no_phrase():
    index = ngram_index({"a": ARTICLE})
    (hit,) = overlaps("x.py", r'PATTERN = r"sides\s+agreed\s+to\s+reopen\s+the\s+mountain\s+pass\s+to"', index)
    assert hit.words[0] == "sides" and len(hit.words) == 8
    page = _article_text(Path("p.html"), '<html lang="en"><head><meta charset="utf-8"><style>p {}</style>'
                                         f"</head><body><p>{ARTICLE}</p></body></html>")
    assert words(page) == words(ARTICLE)


def test_a_run_across_table_cells_and_lines_is_found():
    index = ngram_index({"a": ARTICLE})
    table = "phrase\tnote\nthe harbour town of\tSelen on Tuesday, and both\n"
    (hit,) = overlaps("x.tsv", table, index)
    assert hit.line == 2 and hit.words[0] == "the" and hit.words[-1] == "both"


# --- kg/ against the development articles --------------------------------------------------------

@pytest.mark.skipif(SHARED_EVAL is None, reason="../shared/eval (the development articles) is absent")
def test_kg_holds_no_phrase_of_a_development_article():
    assert SHARED_EVAL is not None
    index = ngram_index(_articles([SHARED_EVAL / "dev" / "articles", SHARED_EVAL / "dev-real" / "articles"]))
    assert len(index) > 1000, "the development articles were not read"
    found = [o for p, text in _text_files(ROOT / "kg") for o in overlaps(str(p.relative_to(ROOT)), text, index)]
    assert not found, f"{len(found)} phrase(s) of development articles in kg/:\n" + "\n".join(map(str, found))
