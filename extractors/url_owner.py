"""The ``kg_urls`` pipeline component: a Doc's repository and link mentions, own or third party.

For every URL span :mod:`extractors.url_spans` finds, the URL is normalised
and classified by :mod:`extractors.urls`, and the URL's sentence (or the
evidence window of a long one, :func:`extractors.url_spans.sentence_window`)
decides two things, read from PhraseMatchers built once on the pipeline's own
vocabulary and tokenizer and run on the Doc's own tokens:

* a repository is the paper's own code when the nearest cue phrase before the
  URL is one of :data:`OWN_CUES` rather than :data:`THIRD_PARTY_CUES` (longer
  phrase wins a tie, so "available from" beats "from"); with no cue before
  it, the nearest cue after it; a URL standing alone as its sentence
  (optionally after a label such as "Code:") is the paper's own, any other
  URL without cues is not;
* a link classified ``other`` takes the type of the first type cue before it
  in its sentence ("project page: URL" -> project, "videos at URL" -> video,
  "code at URL" -> code ...).

The mentions are stored as ``doc._.kg.urls`` (:class:`extractors.docstate.DocState`).
"""
from __future__ import annotations

import re

from kg.models import Mention
from spacy.matcher import PhraseMatcher

from extractors.docstate import state
from extractors.url_spans import find_spans, sentence_window, text_form_matcher
from extractors.urls import classify_url, normalize_url

__all__ = ["UrlComponent", "OWN_CUES", "THIRD_PARTY_CUES", "TYPE_CUES", "MAYBE_URL", "maybe_url"]

#: Cheap pre-check: anything that could be a URL (scheme, www, a domain with a path, code hosts, a TLD).
#: A Doc whose text does not match is not scanned for URLs.
MAYBE_URL = re.compile(
    r"://|www\.|\b[\w-]+\.[a-z]{2,12}/|github|gitlab|bitbucket|huggingface|\\url|\\href|"
    r"\.(?:io|com|org|net|ai|dev|edu|app|page|site|xyz|me|cn|de|uk|fr|jp|html?)\b", re.I)
#: :data:`MAYBE_URL` without its slow alternative ("a domain with a path", which re-scans every word),
#: for lower-cased ASCII text (where re.I means exactly A-Z = a-z); that alternative is checked apart.
_MAYBE_URL_LOWER = re.compile(r"://|www\.|github|gitlab|bitbucket|huggingface|\\url|\\href|"
                              r"\.(?:io|com|org|net|ai|dev|edu|app|page|site|xyz|me|cn|de|uk|fr|jp|html?)\b")
_DOT_PATH = re.compile(r"(?<=[\w-])\.[a-z]{2,12}/")


def maybe_url(text: str) -> bool:
    r"""``MAYBE_URL.search(text) is not None``, several times faster on ASCII text (a property test
    checks they agree). ``\b[\w-]+\.`` matches before a dot exactly when the run of ``[\w-]`` ending
    there holds a word character: the first character before the dot that is not a hyphen is one."""
    if not text.isascii():
        return MAYBE_URL.search(text) is not None
    low = text.lower()
    if _MAYBE_URL_LOWER.search(low):
        return True
    for m in _DOT_PATH.finditer(low):
        k = m.start() - 1
        while k >= 0 and low[k] == "-":
            k -= 1
        if k >= 0 and (low[k].isalnum() or low[k] == "_"):
            return True
    return False


#: A web address written without scheme, "www." or path ("example.com"): the name of a site the text talks about
#: ("evaluated on example.com and example.org") unless words before it present it as an address (below).
_BARE_DOMAIN = re.compile(r"[A-Za-z0-9-]+\.[A-Za-z]{2,12}")
#: What presents a bare domain as an address: "at", "visit", "see", "via", "website", "available on", a colon
#: or an opening bracket right before it.
_ADDRESS_BEFORE = re.compile(r"(?:\b(?:at|visit|see|via|url|link|page|website|homepage|site|demo)|"
                             r"\b(?:available|hosted|released|accessible|found|published|live)\s+(?:on|in|from)|"
                             r"[:(<\[])\s*$", re.I)

# Sentence words that say what an unclassified link is ("project page: URL").
TYPE_CUES = {
    "project": ("project page", "project website", "project webpage", "project site", "homepage",
                "home page", "website", "webpage", "web page", "project"),
    "video": ("video", "videos", "demo video", "demo videos"),
    "code": ("code", "codes", "source code", "implementation", "repository", "repo"),
    "data": ("data", "dataset", "datasets", "benchmark", "checkpoints", "model checkpoints"),
    "demo": ("demo", "demos", "online demo", "interactive demo"),
}

#: Phrases (lowercase, matched on tokens) that present the paper's own code/resources.
OWN_CUES = (
    "our code", "our codes", "our source code", "our implementation", "our project",
    "our project page", "our website", "our homepage", "our data", "our dataset", "our models",
    "our benchmark", "our repository", "our repo",
    "code", "codes", "source code", "implementation", "project page", "project website",
    "project webpage", "homepage", "home page", "website", "webpage", "repo", "repository",
    "available at", "available on", "available in", "available from", "available via",
    "available here", "accessible at", "accessible via", "can be found", "be found at",
    "be found in", "found at", "found in", "released at", "released on", "released in",
    "release", "we release", "we open-source", "open-source", "open-sourced", "open source",
    "opensource", "publicly available", "made available", "made public", "will be available",
    "will be released", "is at", "are at", "visit", "hosted at", "hosted on",
    "provided at", "provided in", "we provide", "we propose", "we introduce", "we present",
    "at this link", "link", "github", "url",
)

#: Phrases that point at somebody else's code (a baseline, a toolkit the paper uses).
THIRD_PARTY_CUES = (
    "build on", "builds on", "built on", "building on", "build upon", "builds upon",
    "built upon", "building upon", "based on", "using", "use", "uses", "used", "from",
    "baseline", "baselines", "toolkit", "toolkits", "library", "libraries", "provided by",
    "released by", "developed by", "maintained by", "adopt", "adopts", "adopted", "adopting",
    "following", "follow", "borrowed", "borrow", "implementation of", "implementations of",
    "evaluate on", "evaluated on", "evaluating on", "compare with", "compared with",
    "compare to", "compared to", "existing", "prior", "previous", "third-party",
    "off-the-shelf", "downloaded", "obtained from", "such as", "leverage", "leverages",
    "leveraging", "official implementation", "extends", "extend", "fork of", "forked from",
)


class UrlComponent:
    """``kg_urls``: URL mentions of a Doc with ownership and link type (see the module doc)."""

    def __init__(self, nlp):
        def phrases(texts):
            return list(nlp.tokenizer.pipe(texts))

        self.cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cues.add("OWN", phrases(OWN_CUES))
        self.cues.add("THIRD", phrases(THIRD_PARTY_CUES))
        self.types = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind, texts in TYPE_CUES.items():
            self.types.add(kind, phrases(texts))
        self.text_form = text_form_matcher(nlp.vocab)
        self.strings = nlp.vocab.strings

    def __call__(self, doc):
        st = state(doc)
        if maybe_url(st.text):  # most abstracts hold no URL: skip the scanner
            st.urls = tuple(self.mentions(doc))
        return doc

    def mentions(self, doc):
        """One repo/link Mention per URL occurrence in ``doc`` (no de-duplication), in text order."""
        st = state(doc)
        text = st.text
        cue_matches = type_matches = None
        for start, end, rule in find_spans(doc, self.text_form):
            surface = text[start:end]
            if rule == "url:github-text-form":
                url = f"https://github.com/{surface}"
                confidence = 0.9
            else:
                url = normalize_url(surface)
                confidence = 1.0
            if url is None:
                continue
            sentence, sent_start = sentence_window(doc, text, start, end)
            window = _window_tokens(doc, sent_start, sent_start + len(sentence))
            kind, link_type = classify_url(url)
            if kind == "repo":
                if cue_matches is None:
                    cue_matches = [(self.strings[m], s, e) for m, s, e in self.cues(doc)]
                yield Mention(kind="repo", text=surface, field=st.field, start=start, end=end,
                              sentence=sentence, sentence_start=sent_start, rule=rule,
                              confidence=confidence, url=url, own=_is_own(doc, window, start, cue_matches))
            else:
                if _BARE_DOMAIN.fullmatch(surface) and \
                        not _ADDRESS_BEFORE.search(text, max(sent_start, start - 40), start):
                    continue  # "evaluated on example.com": a site named, not an address the paper gives
                if link_type == "other":
                    if type_matches is None:
                        type_matches = [(self.strings[m], s, e) for m, s, e in self.types(doc)]
                    link_type = _link_type(doc, window, start, type_matches)
                yield Mention(kind="link", text=surface, field=st.field, start=start, end=end,
                              sentence=sentence, sentence_start=sent_start, rule=rule,
                              confidence=confidence, url=url, link_type=link_type)


def _window_tokens(doc, start_char: int, end_char: int) -> tuple[int, int]:
    """Token range ``[k0, k1)`` of the tokens lying inside chars ``start_char:end_char``."""
    k0 = next((t.i for t in doc if t.idx >= start_char), len(doc))
    k1 = k0
    while k1 < len(doc) and doc[k1].idx + len(doc[k1]) <= end_char:
        k1 += 1
    return k0, k1


def _url_tokens(doc, window: tuple[int, int], start_char: int) -> tuple[int, int]:
    """First and last token (within ``window``) of the whitespace-delimited chunk starting at ``start_char``."""
    k0, k1 = window
    i = next((k for k in range(k0, k1) if doc[k].idx + len(doc[k]) > start_char), k1 - 1)
    j = next((k for k in range(i, k1) if doc[k].whitespace_), k1 - 1)
    return i, j


def _nearest_cue(matches, url_tok: int, url_end_tok: int):
    """Label of the cue closest before the URL (longest on ties), else closest after it."""
    before = [(e, e - s, lab) for lab, s, e in matches if e <= url_tok]
    if before:
        return max(before)[2]
    after = [(s, -(e - s), lab) for lab, s, e in matches if s >= url_end_tok]
    if after:
        return min(after)[2]
    return None


def _is_own(doc, window: tuple[int, int], start_char: int, matches) -> bool:
    """Is the repository at ``start_char`` the paper's own (see the module doc)?"""
    k0, k1 = window
    if k0 >= k1:
        return False
    i, url_end = _url_tokens(doc, window, start_char)
    # cues inside the URL's sentence; the URL's own tokens are not cues
    inside = [(lab, s, e) for lab, s, e in matches if k0 <= s and e <= k1 and (e <= i or s > url_end)]
    label = _nearest_cue(inside, i, url_end + 1)
    if label is not None:
        return label == "OWN"
    rest = [k for k in range(k0, k1) if not (i <= k <= url_end) and not doc[k].is_punct and not doc[k].is_space]
    return not rest


def _link_type(doc, window: tuple[int, int], start_char: int, matches) -> str:
    """The type of an ``other`` link from the first type cue before it in its sentence."""
    k0, k1 = window
    if k0 >= k1:
        return "other"
    i, _j = _url_tokens(doc, window, start_char)
    # the first cue names the subject ("Our project page, with demos, lives at URL")
    before = [(s, -(e - s), lab) for lab, s, e in matches if k0 <= s and e <= k1 and e <= i]
    return min(before)[2] if before else "other"
