"""The spaCy pipeline components of paperkg, registered in one place.

Each component only annotates the Doc (its :class:`extractors.docstate.DocState`,
``doc._.kg``); the extractor functions (``Doc -> Iterator[Mention]``) read those annotations. Matchers are
built when the pipeline is built (``make_nlp``), never at import time.
"""
from __future__ import annotations

from spacy.attrs import IS_PUNCT, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id

from extractors.acronyms import find_abbreviations
from extractors.cues import cue_phrases
from extractors.docstate import state
from extractors.gazetteer_match import build_matchers
from extractors.url_owner import UrlComponent

__all__ = ["FastSentencizer", "acronyms_component", "GazetteerComponent", "CueComponent", "PIPE_NAMES"]

#: The components of :func:`extractors.pipeline.make_nlp`, in pipeline order.
PIPE_NAMES = ("kg_sentencizer", "kg_acronyms", "kg_gazetteer", "kg_cues", "kg_urls")


class FastSentencizer(Sentencizer):
    """spaCy's rule Sentencizer with the same rule, reading token orth hashes from an array.

    The stock ``predict`` builds a Token object per token, which was the
    single largest cost of the pipeline here; the output is identical.
    Token texts are compared as orth hashes (a string's hash is its identity).
    """

    _punct_ids: frozenset | None = None

    def predict(self, docs):
        punct = self._punct_ids
        if punct is None:
            punct = self._punct_ids = frozenset(get_string_id(c) for c in self.punct_chars)
        guesses = []
        for doc in docs:
            n = len(doc)
            doc_guesses = [False] * n
            if n:
                orths, is_punct = doc.to_array([ORTH, IS_PUNCT]).T.tolist()
                start = 0
                seen_period = False
                doc_guesses[0] = True
                for i, orth in enumerate(orths):
                    in_punct_chars = orth in punct
                    if seen_period and not is_punct[i] and not in_punct_chars:
                        doc_guesses[start] = True
                        start = i
                        seen_period = False
                    elif in_punct_chars:
                        seen_period = True
                if start < n:
                    doc_guesses[start] = True
            guesses.append(doc_guesses)
        return guesses


@Language.factory("kg_sentencizer")
def make_sentencizer(nlp, name):
    return FastSentencizer(name)


@Language.component("kg_acronyms")
def acronyms_component(doc):
    """Store Schwartz-Hearst abbreviation definitions as ``doc._.kg.abbrevs``."""
    st = state(doc)
    st.abbrevs = tuple(find_abbreviations(st.text))
    return doc


class GazetteerComponent:
    """PhraseMatcher over the bundled gazetteer (LOWER and ORTH matchers)."""

    def __init__(self, nlp):
        self.lower, self.cased = build_matchers(nlp)
        self.strings = nlp.vocab.strings

    def __call__(self, doc):
        found = [(self.strings[m], s, e) for m, s, e in self.lower(doc)]
        found += [(self.strings[m], s, e) for m, s, e in self.cased(doc)]
        state(doc).gazetteer = tuple(sorted(found, key=lambda x: (x[1], x[2], x[0])))
        return doc


class CueComponent:
    """PhraseMatcher (attr="LOWER") for context cues ("trained on", "X dataset", "outperforms")."""

    def __init__(self, nlp):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        grouped: dict[str, list[str]] = {}
        for label, phrase in cue_phrases():
            grouped.setdefault(label, []).append(phrase)
        for label in sorted(grouped):
            self.matcher.add(label, list(nlp.tokenizer.pipe(grouped[label])))
        self.strings = nlp.vocab.strings

    def __call__(self, doc):
        found = [(self.strings[m], s, e) for m, s, e in self.matcher(doc)]
        state(doc).cues = tuple(sorted(found, key=lambda x: (x[1], x[2], x[0])))
        return doc


@Language.factory("kg_gazetteer")
def make_gazetteer_component(nlp, name):
    return GazetteerComponent(nlp)


@Language.factory("kg_cues")
def make_cue_component(nlp, name):
    return CueComponent(nlp)


@Language.factory("kg_urls")
def make_url_component(nlp, name):
    """Repository and link mentions with ownership (:class:`extractors.url_owner.UrlComponent`)."""
    return UrlComponent(nlp)
