"""spaCy components of ours, registered when this module is imported (kg.extract.nlp does so
before it builds a pipeline)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["LINE_BREAKS"]

LINE_BREAKS = "kg_line_breaks"


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """A newline always ends a sentence: headings and paragraphs never run together."""
    after_newline = False
    for tok in doc:
        if after_newline and tok.i:
            tok.is_sent_start = True
        after_newline = "\n" in tok.text_with_ws
    return doc
