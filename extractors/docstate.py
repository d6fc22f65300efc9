"""What the pipeline's components and the extractors know about one Doc: ``doc._.kg``.

One custom attribute is registered on spaCy's ``Doc`` (``Doc.set_extension``,
here and only here): ``doc._.kg``, a :class:`DocState`. The components of
:func:`extractors.pipeline.make_nlp` write their findings into it and the
extractors read them, so no stage passes anything through ``doc.user_data``.
One attribute holding a slotted record rather than one extension per field:
each ``doc._`` access builds a spaCy ``Underscore`` object (microseconds), and
the extractors read these fields tens of thousands of times per corpus.
"""
from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["DocState", "state", "EXTENSION"]

#: The name of the Doc extension: ``doc._.kg``.
EXTENSION = "kg"


class DocState:
    """Per-Doc state of the extraction pipeline.

    Set before the pipeline runs (:func:`extractors.extract.extract_batch`):

    * ``text``: the field's text exactly as given (spaCy rebuilds ``doc.text`` on every access);
    * ``field``: ``"title"`` or ``"abstract"``: the field of :class:`kg.models.Paper` the Doc holds.

    Written by the components (:mod:`extractors.components`, in pipeline order):

    * ``abbrevs``: Schwartz-Hearst definitions (``kg_acronyms``);
    * ``gazetteer``: ``(label, start token, end token)`` gazetteer matches (``kg_gazetteer``);
    * ``cues``: ``(label, start token, end token)`` context-cue matches (``kg_cues``);
    * ``urls``: repository and link Mentions (``kg_urls``).

    Caches filled on first use by :mod:`extractors.docutil`: ``tokens`` (the
    Tok table), ``columns`` (the same attributes column-wise, :class:`extractors.docutil.Columns`), ``token_texts``, ``sents`` / ``sent_starts`` (sentence
    character bounds), ``sent_ids`` (sentence number per token).
    """

    __slots__ = ("text", "field", "abbrevs", "gazetteer", "cues", "urls", "tokens", "columns", "token_texts", "sents",
                 "sent_starts", "sent_ids")

    def __init__(self, text: str, field: str = "abstract"):
        self.text = text
        self.field = field
        self.abbrevs: tuple = ()
        self.gazetteer: tuple = ()
        self.cues: tuple = ()
        self.urls: tuple = ()
        self.tokens = None
        self.columns = None
        self.token_texts = None
        self.sents = None
        self.sent_starts = None
        self.sent_ids = None


if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)

#: Where spaCy keeps the value of ``doc._.kg`` (``Underscore._get_key``): read directly in
#: :func:`state`, which runs tens of times per Doc (``doc._`` costs ~1 us per access; this ~0.1 us).
_KEY = ("._.", EXTENSION, None, None)


def state(doc, field: str | None = None) -> DocState:
    """``doc._.kg``, made from ``doc.text`` on first use (a Doc that did not come through
    :func:`extractors.extract.extract_batch`); ``field`` sets the field."""
    st = doc.user_data.get(_KEY)
    if st is None:
        st = doc._.kg
    if st is None:
        st = DocState(doc.text, field or "abstract")
        doc._.kg = st
    elif field is not None:
        st.field = field
    return st
