"""Turning character spans of a processed Doc into Mention records.

Each Doc is one field (title or abstract) of one paper, so character offsets
in the Doc are offsets into the original string; ``doc.user_data["kg_field"]``
names the field.
"""
from __future__ import annotations

import bisect

from kg.models import Mention

__all__ = ["FIELD_KEY", "doc_text", "field_of", "make_mention", "sentence_bounds", "sentence_ids"]

FIELD_KEY = "kg_field"


def doc_text(doc) -> str:
    """``doc.text``, cached: spaCy rebuilds the string on every access."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def field_of(doc) -> str:
    return doc.user_data.get(FIELD_KEY, "abstract")


def sentence_bounds(doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of every sentence, cached on the Doc."""
    cached = doc.user_data.get("kg_sents")
    if cached is None:
        if doc.has_annotation("SENT_START"):
            cached = [(s.start_char, s.end_char) for s in doc.sents]
        else:
            cached = [(0, len(doc_text(doc)))]
        doc.user_data["kg_sents"] = cached
        doc.user_data["kg_sent_starts"] = [s for s, _ in cached]
    return cached


def sentence_ids(doc) -> list[int]:
    """Sentence number of every token, cached on the Doc (``Token.sent`` is slow)."""
    cached = doc.user_data.get("kg_sent_ids")
    if cached is None:
        cached = []
        current = -1
        for t in doc:
            if t.is_sent_start or current < 0:
                current += 1
            cached.append(current)
        doc.user_data["kg_sent_ids"] = cached
    return cached


def make_mention(doc, start: int, end: int, kind: str, rule: str, confidence: float, **extra) -> Mention:
    """A Mention for ``text[start:end]`` with its sentence as evidence."""
    text = doc_text(doc)
    bounds = sentence_bounds(doc)
    i = max(0, bisect.bisect_right(doc.user_data["kg_sent_starts"], start) - 1)
    s_start, s_end = bounds[i]
    return Mention(
        kind=kind,
        text=text[start:end],
        field=field_of(doc),
        start=start,
        end=end,
        sentence=text[s_start:s_end].strip(),
        sentence_start=s_start + (len(text[s_start:s_end]) - len(text[s_start:s_end].lstrip())),
        rule=rule,
        confidence=round(float(confidence), 3),
        **extra,
    )
