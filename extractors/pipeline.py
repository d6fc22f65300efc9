"""THE spaCy pipeline of paperkg, built in one findable place.

``spacy.blank("en")`` (no model download) with a tokenizer that keeps
hyphenated names whole ("DeepSeek-R1", "Bert-base", "VRA-DGT"), the rule
sentencizer (a faster subclass of spaCy's), and our components from :mod:`extractors.components`. Built
once per process and cached.
"""
from __future__ import annotations

import functools
import re

__all__ = ["EXTRACTOR_VERSION", "make_nlp", "PIPE_NAMES"]

#: Bump whenever rules or word lists change: later used as a cache key.
EXTRACTOR_VERSION = "0.2.0"

PIPE_NAMES = ("kg_sentencizer", "kg_acronyms", "kg_gazetteer", "kg_cues")


def _configure_tokenizer(nlp) -> None:
    """Tokenizer rules for ML names: hyphenated names stay whole, "GSM8K" is not split as a unit."""
    import spacy.util
    from spacy.lang.char_classes import ALPHA, HYPHENS

    hyphen_rule = r"(?<=[{a}0-9])(?:{h})(?=[{a}])".format(a=ALPHA, h=HYPHENS)
    infixes = [p for p in nlp.Defaults.infixes if p != hyphen_rule]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    # "MomentumSMoE." / "ARC-C." end a sentence: split a period after a capital or digit
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[A-Z0-9])\."]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    # letters+digits+letters stay whole ("GSM8K", "Qwen2.5-7B"): no unit-suffix split.
    # A compiled pattern's own .match keeps the tokenizer in C (a Python wrapper halves its speed).
    alnum = r"(?=[^\W_]*[A-Za-z])[A-Za-z][\w.+-]*[0-9][\w.+-]*[A-Za-z0-9+]"
    previous = nlp.tokenizer.token_match
    if previous is None:
        nlp.tokenizer.token_match = re.compile(f"^(?:{alnum})$").match
    else:
        prev_pattern = getattr(getattr(previous, "__self__", None), "pattern", None)
        if isinstance(prev_pattern, str):
            nlp.tokenizer.token_match = re.compile(f"^(?:{alnum})$|{prev_pattern}").match


@functools.lru_cache(maxsize=1)
def make_nlp():
    """The extraction pipeline (cached per process)."""
    import spacy

    import extractors.components  # noqa: F401  (registers the factories)
    from extractors import urls

    nlp = spacy.blank("en")
    _configure_tokenizer(nlp)
    if hasattr(urls, "configure_tokenizer"):
        urls.configure_tokenizer(nlp)
    nlp.add_pipe("kg_sentencizer")
    nlp.add_pipe("kg_acronyms")
    nlp.add_pipe("kg_gazetteer")
    nlp.add_pipe("kg_cues")
    return nlp
