"""Decoding and text normalisation shared by every reader.

Inputs are read as UTF-8 only (with or without a BOM). We deliberately do not
guess Latin-1 or cp1252: a wrong guess silently corrupts names and titles,
while a clear error naming the file and line lets the user re-save the file.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from kg.errors import InputError

__all__ = [
    "decode_bytes",
    "clean_text",
    "normalise_title",
    "title_slug",
]

_BOMS_UNSUPPORTED = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)
_UTF8_BOM = b"\xef\xbb\xbf"
# Invisible characters that only ever get in the way of matching.
_DROP = {"\ufeff", "\u200b", "\u00ad"}
# Control characters that are not whitespace (whitespace ones are collapsed instead),
# plus U+FFFE/U+FFFF, which XML 1.0 (GraphML, GEXF, RDF/XML) cannot carry.
_INVISIBLE_RE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ufeff\u200b\u00ad\ufffe\uffff]")
# Lone surrogates only arrive through JSON escapes ("\\ud800"); they are not text
# and cannot be written as UTF-8, so each becomes U+FFFD REPLACEMENT CHARACTER.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_APOSTROPHES = {"'", "\u2019", "\u2018", "\u02bc", "`", "\u00b4"}
_EXTRA_DASHES = {"\u2212", "\u2043", "\ufe63", "\uff0d"}


def decode_bytes(data: bytes, file: str) -> str:
    """Decode a whole input file to text with ``\\n`` newlines, or raise InputError."""
    if not data:
        raise InputError(file, "empty file")
    for bom, name in _BOMS_UNSUPPORTED:
        if data.startswith(bom):
            raise InputError(file, f"file is {name} encoded; paperkg reads UTF-8 only, re-save it as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(file, "binary file (contains NUL bytes), not a paper listing", data.count(b"\n", 0, nul) + 1)
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            file,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {col}); "
            "paperkg reads UTF-8 only, re-save the file as UTF-8",
            line,
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(file, "empty file")
    return text


def clean_text(value: str) -> str:
    """NFC, drop control/invisible characters, collapse whitespace runs, strip.

    Titles and abstracts both go through this so that the same paper read from
    different formats compares equal and extractor offsets refer to clean text.
    It is also the output-safety policy: what comes out can be written as
    UTF-8 into Turtle, JSON, HTML and XML (no C0/C1 controls, no U+FFFE/U+FFFF,
    lone surrogates replaced by U+FFFD; newlines and tabs become spaces).
    """
    value = _SURROGATE_RE.sub("\ufffd", value)
    value = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", value))
    return " ".join(value.split())  # split() also takes the whitespace control characters


def normalise_title(title: str) -> str:
    """The de-duplication key of a title.

    NFKC, casefold, every dash unified to ``-``, apostrophes removed, other
    punctuation and symbols dropped, whitespace collapsed.  Hyphens are kept
    inside words ("shared-prefix") but not as stand-alone tokens.
    """
    text = "".join(map(_title_char, unicodedata.normalize("NFKC", title).casefold()))
    tokens = (re.sub(r"-{2,}", "-", tok).strip("-") for tok in text.split())
    return " ".join(tok for tok in tokens if tok)


@functools.lru_cache(maxsize=4096)
def _title_char(c: str) -> str:
    if c in _APOSTROPHES or c in _DROP:
        return ""
    cat = unicodedata.category(c)
    if cat == "Pd" or c in _EXTRA_DASHES:
        return "-"
    if cat[0] in "PSZC":
        return " "
    return c


def title_slug(norm_title: str, max_len: int = 60) -> str:
    """ASCII slug of a normalised title, cut at a word boundary near ``max_len``."""
    ascii_text = unicodedata.normalize("NFKD", norm_title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_len:
        cut = slug[: max_len + 1]
        boundary = cut.rfind("-")
        slug = cut[:boundary] if boundary >= max_len // 2 else slug[:max_len]
        slug = slug.strip("-")
    return slug or "paper"
