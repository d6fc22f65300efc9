"""Finding URL mentions in a Doc: character spans and the rule that found each.

Candidates are tokens with ``like_url`` (or a LaTeX opener token), read in
bulk with ``Doc.to_array``; the text form "GitHub - owner/repo: description"
(a copied page title) is found by a ``Matcher`` on "GitHub" + dash. Bare
domains count only with a common web TLD (:func:`extractors.urls.normalize_url`),
so "model.pt", "README.md", "e.g.", "Fig.1", "v1.2" never match. Small
regexes/character scans run only on a candidate's own chunk of text, for
what tokens cannot express: where a scheme starts inside a glued token, and
LaTeX brace nesting. Rules: ``url``, ``url:latex`` (``\\url{}``,
``\\href{}{}``, ``u{u}``), ``url:markdown`` (``[u](u)``),
``url:github-text-form``. :func:`configure_tokenizer` adds the tokenizer
rules that keep URLs whole (applied by :func:`extractors.pipeline.make_nlp`).
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import LIKE_URL, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.util import compile_prefix_regex

from extractors.docstate import state
from extractors.docutil import evidence_window
from extractors.urls import GITHUB_TEXT_RE, LATEX_CMD_RE, SPLIT_HOST_RE, is_url_text, strip_trailing

__all__ = ["configure_tokenizer", "find_spans", "text_form_matcher", "sentence_window"]

_LATEX_PREFIX = r"\\(?:url|href)\{"
# A word glued to a URL by ":" or a Markdown "](" ("Code:https://...", "[code](https://...)"):
# split the word off so the rest ("https://...") reaches the tokenizer's url_match whole.
_GLUED_PREFIX = r"[^\s\[\](){}<>:/\\]+(?=(?::|\]\()https?://)"


def configure_tokenizer(nlp) -> None:
    """Keep URLs whole as one token: split LaTeX commands and glued words off as prefixes.

    Without this the blank English tokenizer sees "\\url{https://x.org/a/b",
    "Code:https://x.org/a/b" or "[code](https://x.org/a)" as non-URLs and
    splits them at every "/" (and at "." before a capital, which the
    sentencizer may then take as a sentence end). The rest of the tokenizer
    is unchanged. Idempotent.
    """
    tok = nlp.tokenizer
    current = getattr(tok.prefix_search, "__self__", None)
    pattern = getattr(current, "pattern", None)
    if isinstance(pattern, str) and _LATEX_PREFIX in pattern:
        return
    ours = compile_prefix_regex([_LATEX_PREFIX, _GLUED_PREFIX]).pattern
    if isinstance(pattern, str) and pattern:
        # keep whatever prefix rules the pipeline already has, ours tried first
        tok.prefix_search = re.compile(f"{ours}|{pattern}").match  # all ^-anchored
    else:
        tok.prefix_search = compile_prefix_regex([_LATEX_PREFIX, _GLUED_PREFIX, *nlp.Defaults.prefixes]).match


# --------------------------------------------------------------------------- finding spans

# Brace groups are matched on the raw text rather than on tokens: the tokenizer
# glues "u{u" into one token (url_match accepts "{") but splits the closing "}"
# off, so token boundaries do not follow the LaTeX nesting.
def _match_brace(text: str, open_pos: int) -> int | None:
    """Index just past the ``}`` closing the ``{`` at ``open_pos`` (no whitespace inside), else None."""
    depth = 0
    for k in range(open_pos, min(len(text), open_pos + 2048)):
        c = text[k]
        if c.isspace():
            return None
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return k + 1
    return None


def _extend_braces(text: str, end: int) -> int:
    """Swallow LaTeX duplicate groups ``{...}`` glued to a URL (``u{u}``, ``\\href{u}{u}``)."""
    while end < len(text) and text[end] == "{":
        close = _match_brace(text, end)
        if close is None:
            break
        end = close
    return end


#: "GitHub - ", "GitHub: ", "on GitHub (" (hyphen, en or em dash, colon, bracket) before an owner/repo chunk.
_TEXT_FORM_PATTERN = [{"LOWER": "github"}, {"ORTH": {"IN": ["-", "\u2013", "\u2014", ":", "("]}}]
_TEXT_FORM_HINT = re.compile(r"github\s*(?:[-\u2013\u2014:]\s|\()", re.I)
#: Tokens that can open a LaTeX-wrapped URL (besides ``like_url`` tokens).
_OPENER_TOKENS = ("{", "\\url{", "\\href{")


def text_form_matcher(vocab) -> Matcher:
    """The ``Matcher`` for "GitHub -" (built once per pipeline by the ``kg_urls`` component)."""
    matcher = Matcher(vocab)
    matcher.add("GITHUB_TEXT", [_TEXT_FORM_PATTERN])
    return matcher


def _text_form_matches(doc, text: str, matcher: Matcher | None) -> list[tuple[int, int]]:
    """Char spans of "owner/repo" in "GitHub - owner/repo: description" (a copied page title), "on GitHub
    (owner/repo)" and "GitHub: owner/repo"."""
    if not _TEXT_FORM_HINT.search(text):  # cheap pre-filter: most abstracts have no such form
        return []
    if matcher is None:
        matcher = text_form_matcher(doc.vocab)
    out = []
    for _m, _s, e in matcher(doc):
        if e >= len(doc) or (not doc[e - 1].whitespace_ and doc[e - 1].text != "("):
            continue
        # the owner/repo chunk: following tokens with no whitespace between them
        k = e
        while k + 1 < len(doc) and not doc[k].whitespace_ and doc[k + 1].text != ":":
            k += 1
        start = doc[e].idx
        end = doc[k].idx + len(doc[k])
        chunk = strip_trailing(text[start:end])
        if GITHUB_TEXT_RE.match(chunk) and not is_url_text(chunk):
            out.append((start, start + len(chunk)))
    return out


def _candidate_tokens(doc) -> tuple[list[int], bool]:
    """Indices of tokens that may start a URL (``like_url`` or a LaTeX opener), and
    whether a "github" token occurs (for the text form).

    Read from ``Doc.to_array`` so that abstracts without URLs cost one numpy
    pass instead of a Python loop over every token (or building ``doc.text``).
    """
    if not len(doc):
        return [], False
    arr = doc.to_array([LIKE_URL, ORTH, LOWER])
    mask = arr[:, 0] != 0
    for opener in _OPENER_TOKENS:
        mask |= arr[:, 1] == numpy.uint64(get_string_id(opener))
    has_github = bool((arr[:, 2] == numpy.uint64(get_string_id("github"))).any())
    return [int(k) for k in numpy.flatnonzero(mask)], has_github


_SCHEME_IN_RE = re.compile(r"https?://|www\.", re.I)
#: A scheme split off before a "//" token by a space: "https: //host/path".
_SCHEME_BEFORE = re.compile(r"(?<![\w/])https?: +$", re.I)
_INNER_SCHEME_RE = re.compile(r"(?<=[\w/.-])https?://", re.I)  # glued right on, not after "](" or "{"


def _url_start_in(token_text: str) -> int | None:
    """Offset where a URL starts inside a token ("code](https://..." -> 6), else None."""
    m = _SCHEME_IN_RE.search(token_text)
    if m:
        return m.start()
    return 0 if is_url_text(token_text) else None


def _url_extent(doc, text: str, i: int, start: int) -> tuple[int, str | None]:
    """End offset and rule of the URL starting at char ``start`` inside token ``i``.

    Token-level repair: a URL runs to the end of its whitespace-delimited
    chunk, because the tokenizer splits some URLs it fails to recognise
    ("Code:https://x.org/a/b" -> "https://x.org", "/", "a", ...; a closing ")"
    of "Foo_(bar)"). Trailing punctuation is then trimmed; a glued LaTeX
    duplicate ``u{u}`` or Markdown ``[u](u)`` is swallowed whole.
    """
    j = i
    while j + 1 < len(doc) and not doc[j].whitespace_:
        j += 1
    chunk_end = doc[j].idx + len(doc[j])
    if text[chunk_end - 1:chunk_end] == "." and "/" not in text[start:chunk_end].split("://")[-1]:
        # "https://github. com/a/b": a host split after a dot; its last label and path are the next chunk
        joined = SPLIT_HOST_RE.match(text[start:start + 300])
        if joined is not None and joined.end(1) == chunk_end - start:
            j += 1
            while j + 1 < len(doc) and not doc[j].whitespace_:
                j += 1
            chunk_end = doc[j].idx + len(doc[j])
    raw = text[start:chunk_end]
    glued = _INNER_SCHEME_RE.search(raw, 1)
    if glued is not None:  # "https://a.org/xhttps://b.org/y": two URLs glued (a footnote pasted on): the first ends
        raw = raw[:glued.start()]
    cuts = [k for k in (raw.find("{"), raw.find("](")) if k > 0]
    cut = min(cuts) if cuts else -1
    if cut > 0 and raw[cut] == "{":
        if not is_url_text(raw[:cut]):
            return start, None
        close = _match_brace(text, start + cut)
        end = close if close is not None else start + cut
        return _extend_braces(text, end), "url:latex"
    if cut > 0:  # Markdown "[u](u)": keep the first, swallow the "(u)" duplicate
        if not is_url_text(raw[:cut]):
            return start, None
        close = raw.find(")", cut)
        end = start + (close + 1 if close > 0 else cut)
        return end, "url:markdown"
    end = start + len(strip_trailing(raw))
    return (end, "url") if end > start and is_url_text(text[start:end]) else (start, None)


def find_spans(doc, text_form: Matcher | None = None) -> list[tuple[int, int, str]]:
    """(start, end, rule) for every URL mention, in text order, never overlapping.

    ``text_form``: the pipeline's :func:`text_form_matcher` (made here when None)."""
    candidates, has_github = _candidate_tokens(doc)
    if not candidates and not has_github:
        return []
    text = state(doc).text
    found: list[tuple[int, int, str]] = []
    consumed = 0
    n = len(doc)
    for i in candidates:
        tok = doc[i]
        if tok.idx < consumed:
            continue
        start = tok.idx
        end = start + len(tok)
        rule = None
        # "\url{" is one token after configure_tokenizer, else glued to the URL: read the raw text
        latex = LATEX_CMD_RE.match(text, start)
        if latex is not None:
            close = _match_brace(text, latex.end() - 1)
            if close is not None and is_url_text(text[latex.end():close - 1]):
                end, rule = _extend_braces(text, close), "url:latex"
        elif tok.text == "{" and i + 1 < n and not tok.whitespace_:
            close = _match_brace(text, start)
            if close is not None and is_url_text(text[start + 1:close - 1]):
                end, rule = _extend_braces(text, close), "url:latex"
        else:
            at = _url_start_in(tok.text)
            split = _SCHEME_BEFORE.search(text, max(0, start - 9), start) if tok.text.startswith("//") else None
            if split is not None:  # "https: //github.com/a/b": the scheme before the space opens the URL
                at = split.start() - tok.idx
            if at is not None:
                start = tok.idx + at
                end, rule = _url_extent(doc, text, i, start)
                while rule == "url" and _INNER_SCHEME_RE.match(text, end):  # the next of glued URLs
                    found.append((start, end, rule))
                    start = end
                    end, rule = _url_extent(doc, text, i, start)
        if rule is not None and end > start:
            found.append((start, end, rule))
            consumed = end
    if has_github:
        for s, e in _text_form_matches(doc, text, text_form):
            if not any(s < fe and fs < e for fs, fe, _r in found):
                found.append((s, e, "url:github-text-form"))
    found.sort()
    return found


def sentence_window(doc, text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence(s) holding chars ``start:end`` (the whole text without sentence boundaries),
    cut to a window around the URL when very long (:func:`extractors.docutil.evidence_window`):
    (evidence, its offset in ``text``)."""
    if not doc.has_annotation("SENT_START"):
        return evidence_window(text, 0, len(text), start, end)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return evidence_window(text, 0, len(text), start, end)
    first = span[0].sent
    last = span[-1].sent
    s_char = first.start_char
    e_char = max(first.end_char, last.end_char)
    return evidence_window(text, s_char, e_char, start, end)
