"""Turning character spans of a processed Doc into Mention records.

Each Doc is one field (title or abstract) of one paper, so character offsets
in the Doc are offsets into the original string; ``doc._.kg.field``
(:class:`extractors.docstate.DocState`) names the field.
"""
from __future__ import annotations

import bisect
import re
import dataclasses
from itertools import accumulate, compress, repeat
from typing import NamedTuple

from spacy.attrs import IDX, ORTH, SENT_START, SPACY

from kg.models import Mention

from extractors.docstate import state

__all__ = ["LATEX_FONT_PREFIX", "LATEX_FONT_TOKEN", "Tok", "Columns", "token_table", "token_columns", "token_texts", "doc_text", "field_of", "make_mention", "sentence_bounds", "sentence_ids",
           "EVIDENCE_MAX", "evidence_window", "new_mention"]


#: A LaTeX font or style command opening a brace group around a word ("\\textbf{", "\\emph{"): the
#: tokenizer splits it off as a token of its own, so the name inside is a token too.
LATEX_FONT_PREFIX = r"\\(?:textbf|textit|textsc|texttt|textsf|textrm|text|emph|underline|mathbf|mathrm|mathsf|mathit|mathtt|mathcal|operatorname)\{"
LATEX_FONT_TOKEN = re.compile(LATEX_FONT_PREFIX + "$")

#: Longest evidence sentence kept on a Mention: a 100k-char "sentence" (no full stops)
#: is cut to a window around the mention, so evidence stays linear in memory and time.
EVIDENCE_MAX = 600

class Tok(NamedTuple):
    """The token attributes the extractors read, copied once per Doc.

    Creating spaCy Token objects dominates the run time when rules index
    tokens repeatedly; plain tuples built from ``Doc.to_array`` are cheaper.
    """

    i: int
    text: str
    lower_: str
    idx: int
    whitespace_: str
    is_sent_start: bool
    is_lower: bool
    is_alpha: bool
    like_url: bool
    is_title: bool  # capitalised word with lower-case letters ("Prefix", "Actor-Critic")


def token_texts(doc) -> list[str]:
    """The text of every token, sliced from the Doc's text by offset (cached; no Token objects)."""
    st = state(doc)
    texts = st.token_texts
    if texts is None:
        text = st.text
        if len(doc):
            idx, space = doc.to_array([IDX, SPACY]).T.tolist()
            ends = idx[1:] + [len(text)]
            texts = [text[a:e - sp] for a, e, sp in zip(idx, ends, space)]
        else:
            texts = []
        st.token_texts = texts
    return texts


#: orth hash -> (text, lower_, is_lower, is_alpha, like_url, is_title): the per-string half of a Tok,
#: computed once per distinct token string (hashes are stable across Vocabs; cleared when large).
_LEXICAL: dict[int, tuple] = {}
_LEXICAL_MAX = 1_000_000


def _lexical(vocab, orth: int) -> tuple:
    """The per-string Tok attributes of one token string (same values as the Lexeme flags)."""
    lex = vocab[orth]
    t = lex.orth_
    lo = t.lower()
    # "Prefix", "Actor-Critic", "DeepSeek": capitalised and not all capitals
    title = len(t) > 1 and (lex.is_title or (t[0].isupper() and not lex.is_upper and lo != t and t[0].isalpha()))
    return t, lo, lex.is_lower, lex.is_alpha, lex.like_url, title


#: SPACY column value (0 or 1) -> Tok.whitespace_
_WHITESPACE = ("", " ")


class Columns(NamedTuple):
    """The Tok table's per-token attributes column-wise (one tuple per attribute, indexed by token),
    for rules that scan every token: ``compress``/``map`` over a column runs in C, a loop over Tok
    records in Python."""

    text: tuple
    lower_: tuple
    idx: list
    is_sent_start: tuple
    is_lower: tuple
    is_alpha: tuple
    like_url: tuple
    is_title: tuple


def token_table(doc) -> list[Tok]:
    """Tok records of every token of ``doc`` (cached on the Doc).

    Positions come column-wise from ``Doc.to_array``; the per-string half
    (text, lower case, lexeme flags, title shape) is looked up by orth hash in
    a process-wide cache, so each distinct string is inspected once: no
    Token objects and no per-token string work. Every step is a C-level
    ``map``/``zip`` over columns (:func:`token_columns` keeps them).
    """
    st = state(doc)
    table = st.tokens
    if table is None:
        n = len(doc)
        if not n:
            table = []
            st.columns = Columns((), (), [], (), (), (), (), ())
        else:
            orth, idx, space, sent = doc.to_array([ORTH, IDX, SPACY, SENT_START]).T.tolist()
            cache = _LEXICAL
            missing = set(orth).difference(cache)
            if missing:
                if len(cache) + len(missing) > _LEXICAL_MAX:
                    cache.clear()
                    missing = set(orth)
                vocab = doc.vocab
                for o in missing:
                    cache[o] = _lexical(vocab, o)
            sent[0] = 1
            text_, lower_, is_lower, is_alpha, like_url, is_title = zip(*map(cache.__getitem__, orth))
            is_sent_start = tuple(map((1).__eq__, sent))
            table = list(map(tuple.__new__, repeat(Tok),
                             zip(range(n), text_, lower_, idx, map(_WHITESPACE.__getitem__, space),
                                 is_sent_start, is_lower, is_alpha, like_url, is_title)))
            st.columns = Columns(text_, lower_, idx, is_sent_start, is_lower, is_alpha, like_url, is_title)
        st.tokens = table
    return table


def token_columns(doc) -> Columns:
    """The attributes of :func:`token_table` column-wise (cached on the Doc with the table)."""
    st = state(doc)
    if st.columns is None:
        st.tokens = None
        token_table(doc)
    return st.columns


def doc_text(doc) -> str:
    """``doc.text``, kept on the Doc: spaCy rebuilds the string on every access."""
    return state(doc).text


def field_of(doc) -> str:
    """"title" or "abstract": the field the Doc holds."""
    return state(doc).field


def sentence_bounds(doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of every sentence, cached on the Doc (``Span.start_char``/``end_char`` of
    ``doc.sents``, read from the token columns: the first token's offset, the end of the last token)."""
    st = state(doc)
    cached = st.sents
    if cached is None:
        if doc.has_annotation("SENT_START"):
            cols = token_columns(doc)
            n = len(cols.idx)
            firsts = list(compress(range(n), cols.is_sent_start))
            idx, text_ = cols.idx, cols.text
            cached = [(idx[a], idx[b - 1] + len(text_[b - 1])) for a, b in zip(firsts, firsts[1:] + [n])]
        else:
            cached = [(0, len(st.text))]
        st.sents = cached
        st.sent_starts = [s for s, _ in cached]
    return cached


def sentence_ids(doc) -> list[int]:
    """Sentence number of every token, cached on the Doc (``Token.sent`` is slow)."""
    st = state(doc)
    cached = st.sent_ids
    if cached is None:
        cached = list(map(int.__sub__, accumulate(token_columns(doc).is_sent_start), repeat(1)))
        st.sent_ids = cached
    return cached


def _window(text: str, s_start: int, s_end: int, lo: int, hi: int) -> tuple[int, int]:
    """``lo:hi`` inside the sentence, cut at word boundaries (where the window has a space) and stripped."""
    lo, hi = max(s_start, lo), min(s_end, hi)
    if lo > s_start and not text[lo - 1].isspace():
        cut = text.find(" ", lo, hi)
        lo = cut + 1 if cut >= 0 else lo
    if hi < s_end and not text[hi].isspace():
        cut = text.rfind(" ", lo, hi)
        hi = cut if cut > lo else hi
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def evidence_window(text: str, s_start: int, s_end: int, start: int, end: int,
                    limit: int = EVIDENCE_MAX) -> tuple[str, int]:
    """(evidence, its offset in ``text``): the sentence ``s_start:s_end`` stripped, or, when
    longer than ``limit``, a window of it holding ``start:end``, cut at word boundaries.

    The windows of a long sentence lie on a fixed grid (``limit`` wide, every ``limit // 2``
    characters from the sentence start), and a mention gets the grid window it sits most
    centrally in: the mentions of one long sentence share a few windows (about two per
    ``limit`` characters) instead of each carrying its own, so a paper's evidence stays about
    as large as its text. A mention that fits no grid window gets one centred on it.
    """
    if s_end - s_start <= limit:
        lo, hi = _window(text, s_start, s_end, s_start, s_end)
        return text[lo:hi], lo
    step = max(1, limit // 2)
    k0 = (start - s_start) // step
    mid = (start + end) / 2
    best = None
    for k in (k0 - 1, k0):
        if k < 0:
            continue
        lo, hi = _window(text, s_start, s_end, s_start + k * step, s_start + k * step + limit)
        if lo <= start and end <= hi:
            off = abs((lo + hi) / 2 - mid)
            if best is None or off < best[0]:
                best = (off, lo, hi)
    if best is not None:
        return text[best[1]:best[2]], best[1]
    room = max(0, limit - (end - start))
    lo = max(s_start, start - room // 2)
    hi = min(s_end, end + (room - (start - lo)))
    lo = max(s_start, min(lo, start - (room - (hi - end))))
    if lo > s_start and not text[lo - 1].isspace():
        cut = text.find(" ", lo, start)
        lo = cut + 1 if cut >= 0 else lo
    if hi < s_end and not text[hi].isspace():
        cut = text.rfind(" ", end, hi)
        hi = cut if cut >= 0 else hi
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return text[lo:hi], lo


def make_mention(doc, start: int, end: int, kind: str, rule: str, confidence: float, **extra) -> Mention:
    """A Mention for ``text[start:end]`` with its sentence (or a window of it) as evidence."""
    st = state(doc)
    starts = st.sent_starts
    if starts is None:
        sentence_bounds(doc)
        starts = st.sent_starts
    text = st.text
    s_start, s_end = st.sents[max(0, bisect.bisect_right(starts, start) - 1)]
    sentence, sentence_start = evidence_window(text, s_start, s_end, start, end)
    if extra and not extra.keys() <= _MENTION_DEFAULTS.keys():
        raise TypeError(f"Mention has no field(s) {sorted(extra.keys() - _MENTION_DEFAULTS.keys())}")
    return new_mention({"kind": kind, "text": text[start:end], "field": st.field, "start": start, "end": end,
                        "sentence": sentence, "sentence_start": sentence_start, "rule": rule,
                        "confidence": round(float(confidence), 3), **extra})


#: Mention's fields with their defaults (``MISSING`` for the required ones), in declaration order.
_MENTION_DEFAULTS = {f.name: f.default for f in dataclasses.fields(Mention)}


def new_mention(values: dict) -> Mention:
    """``Mention(**values)`` without the frozen dataclass's ``__init__`` (one ``object.__setattr__`` per
    field, 15 of them: 4.2 us against 1.7 us): the instance dict is filled in one step, defaults first.
    Same fields in the same order, so equality, hash, pickles and ``dataclasses.astuple`` are the same.
    For extractor code that passes every required field and only Mention's fields (not checked here:
    :func:`make_mention` and ``extract._with`` check what their callers add)."""
    m = object.__new__(Mention)
    d = m.__dict__
    d.update(_MENTION_DEFAULTS)
    d.update(values)
    return m
