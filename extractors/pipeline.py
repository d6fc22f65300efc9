"""THE spaCy pipeline of paperkg, built in one findable place.

``spacy.blank("en")`` (no model download) with a tokenizer that keeps
hyphenated names and URLs whole ("DeepSeek-R1", "Bert-base", "VRA-DGT"), then
the components of :mod:`extractors.components` (:data:`~extractors.components.PIPE_NAMES`:
the rule sentencizer, acronyms, gazetteer, context cues, URLs with ownership),
which leave their findings on ``doc._.kg`` (:mod:`extractors.docstate`).
Built once per process and cached; the only ``spacy.blank`` of paperkg's extraction.
"""
from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path
from types import SimpleNamespace

import spacy
from spacy.attrs import IDS, LOWER
from spacy.lang.char_classes import ALPHA, HYPHENS
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
from spacy.vocab import Vocab

from extractors.components import PIPE_NAMES  # registers the factories
from extractors.docutil import LATEX_FONT_PREFIX
from extractors.url_spans import configure_tokenizer

__all__ = ["EXTRACTOR_VERSION", "make_nlp", "LEXICAL_ATTRIBUTES", "RunSafeTokenizer", "RUN_WINDOW", "MAX_TEXT_CHARS",
           "extractor_fingerprint"]

#: Bump whenever rules or word lists change: later used as a cache key.
EXTRACTOR_VERSION = "0.5.0"

#: Non-space runs longer than this are tokenized in windows of this size: spaCy's
#: affix loop re-scans the rest of a token per split, quadratic on ")))..." runs.
RUN_WINDOW = 1000
_LONG_RUN = re.compile(r"\S{%d,}" % (RUN_WINDOW + 1))
#: The longest title/abstract the pipeline takes (spaCy's own limit, 1,000,000,
#: is lifted: the blank pipeline holds no parser and our tokenizer is linear).
MAX_TEXT_CHARS = 20_000_000
#: Suffix rules are anchored at the end: searching only a string's tail is equivalent
#: for every suffix shorter than this (a run of more dots splits into several tokens).
_SUFFIX_TAIL = 64


def _configure_tokenizer(nlp) -> None:
    """Tokenizer rules for ML names: hyphenated names stay whole, "GSM8K" is not split as a unit."""
    hyphen_rule = r"(?<=[{a}0-9])(?:{h})(?=[{a}])".format(a=ALPHA, h=HYPHENS)
    # "framework---WidgetNet", "pooling—widgets": an em dash (or LaTeX's three hyphens; two join names:
    # "Gauss--Newton") separates words
    # "Widget Network(WN)": an opening bracket glued to a lower-case word before a capital opens a short form
    # "datasets-including X, Y and Z-but also": a hyphen typed for a dash before a word that never ends a name
    dash_before_word = r"(?<=[{a}0-9]{{2}})-(?=(?:but|including|which|whereas|while|although|though|namely)$)".format(
        a=ALPHA)
    infixes = [p for p in nlp.Defaults.infixes if p != hyphen_rule] + [r"(?<=[{a}])(?:---|\u2014)(?=[{a}])".format(a=ALPHA),
                                                                       # "FooNet--which": two hyphens before a
                                                                       # lower-case word are a dash
                                                                       r"(?<=[{a}0-9])--(?=[a-z]{{2}})".format(a=ALPHA),
                                                                       r"(?<=[a-z]{2})\((?=[A-Z])", dash_before_word,
                                                                       # "WidgetNet-2(Smith, 2023)", "Foo[12]": a
                                                                       # citation glued to the name it follows
                                                                       r"(?<=[{a}0-9])\((?=[A-Z][a-z]+$)".format(
                                                                           a=ALPHA),
                                                                       r"(?<=[{a}0-9])\[(?=\d+(?:[,\u2013-]\d+)*\]?$)".format(
                                                                           a=ALPHA),
                                                                       # "Foo(λ)": a trace-decay parameter is
                                                                       # split off the method's name
                                                                       r"(?<=[{a}0-9])\((?=(?:λ|\$\\lambda\$|\\lambda)\)?$)".format(
                                                                           a=ALPHA),
                                                                       # "FooSet→BarSet": an arrow between two
                                                                       # names (a transfer) is a token of its own
                                                                       r"(?<=[{a}0-9])(?:\u2192|->|\\to(?=[A-Z0-9]))(?=[{a}0-9])".format(
                                                                           a=ALPHA),
                                                                       # "Widget Eviction~(WE)", "FooNet~\cite{x}":
                                                                       # LaTeX's tie is a space
                                                                       r"(?<=[{a}0-9])~(?=[\(\[\\{a}])".format(a=ALPHA),
                                                                       r"(?<=[{a}0-9]~)[\(\[](?=[{a}0-9])".format(a=ALPHA)]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # "\textbf{WidgetNet}": a LaTeX font command is split off, so the name inside is a token of its own
    nlp.tokenizer.prefix_search = compile_prefix_regex([LATEX_FONT_PREFIX, *nlp.Defaults.prefixes]).search
    # "WidgetNet." / "ARC-C." end a sentence: split a period after a capital or digit, or after the closing
    # brace or maths dollar of a LaTeX-wrapped name ("$\text{WidgetSet}$.")
    # "\mathtt{Widget}$", "\text{WidgetEval}_{2.0}$": the closing brace, a subscript and the maths dollar
    # after a name are tokens of their own
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[A-Z0-9}$])\.", r"(?<=\})\$", r"(?<=\w)\}_\{[\w.]{1,8}\}"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # letters+digits+letters stay whole ("GSM8K", "Qwen2.5-7B"): no unit-suffix split.
    # A compiled pattern's own .match keeps the tokenizer in C (a Python wrapper halves its speed).
    # (written so that a failing match is linear: a digit followed by a name char, then the whole run)
    # ("tasks---Widget2Set", "Widget2Set--which": LaTeX's dashes are no part of a name: the infix rules split them)
    alnum = r"[A-Za-z](?=[\w.+-]*?[0-9][\w.+-])(?:[\w.+]|-(?!--|-[a-z]))*[A-Za-z0-9+]"
    previous = nlp.tokenizer.token_match
    if previous is None:
        nlp.tokenizer.token_match = re.compile(f"^(?:{alnum})$").match
    else:
        prev_pattern = getattr(getattr(previous, "__self__", None), "pattern", None)
        if isinstance(prev_pattern, str):
            nlp.tokenizer.token_match = re.compile(f"^(?:{alnum})$|{prev_pattern}").match


def _bound_affix_search(tokenizer) -> None:
    """Prefix rules are all ``^``-anchored: ``match`` (not ``search``) stops at the first char;
    suffix rules are ``$``-anchored: search the tail only. Both keep spaCy in C for prefixes."""
    prefix = getattr(tokenizer.prefix_search, "__self__", None)
    if isinstance(prefix, re.Pattern):
        tokenizer.prefix_search = prefix.match
    suffix = getattr(tokenizer.suffix_search, "__self__", None)
    if isinstance(suffix, re.Pattern):
        search = suffix.search

        def suffix_search(s: str, _search=search, _tail=_SUFFIX_TAIL):
            return _search(s, len(s) - _tail) if len(s) > _tail else _search(s)

        tokenizer.suffix_search = suffix_search


class RunSafeTokenizer:
    """spaCy's tokenizer, linear on very long non-space runs.

    Texts without a run longer than :data:`RUN_WINDOW` go to the wrapped
    tokenizer unchanged; in others each long run is tokenized in windows (a
    window edge is a token boundary), so the Doc text still equals the input.
    Everything else (``pipe``, ``vocab``, rules) is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)

    def __call__(self, text: str):
        if len(text) <= RUN_WINDOW or _LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []

        def add(piece: str) -> None:
            if not piece:
                return
            for tok in self.tokenizer(piece):
                words.append(tok.text)
                spaces.append(bool(tok.whitespace_))

        pos = 0
        for m in _LONG_RUN.finditer(text):
            end = m.end()
            # a single space after the run belongs to its last token, as the tokenizer would have it
            if text[end:end + 1] == " ":
                end += 1
            add(text[pos:m.start()])
            for w in range(m.start(), end, RUN_WINDOW):
                add(text[w:min(w + RUN_WINDOW, end)])
            pos = end
        add(text[pos:])
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)


@functools.lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """sha256 of EXTRACTOR_VERSION, the word lists, the decision weights and the extractor sources:
    a cache key for extraction output."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(f"extractor {EXTRACTOR_VERSION}\0".encode())
    files = sorted(root.glob("*.py")) + sorted((root / "data").glob("*.tsv")) + sorted((root / "data").glob("*.json"))
    for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


#: The lexical attributes the components and extractors read (lexemes made by this pipeline have
#: only these: the other ~15 of spaCy's English, such as ``shape_``, ``norm_``, ``is_stop``,
#: ``like_num``, are left unset).
LEXICAL_ATTRIBUTES = ("LOWER", "IS_ALPHA", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "LIKE_URL")


def _keep_lexical_attributes(vocab, names) -> None:
    """Compute only ``names`` for new lexemes: spaCy runs every getter (~20 Python functions) for
    each new word, a third of the tokenizer's time on unseen text."""
    keep = {IDS[name] for name in names}
    getters = {attr: f for attr, f in vocab.lex_attr_getters.items() if attr in keep}
    if IDS["LIKE_URL"] in getters:
        getters[IDS["LIKE_URL"]] = _like_url_before_stop(getters[IDS["LIKE_URL"]])
    vocab.lex_attr_getters = getters


def _like_url_before_stop(like_url):
    """spaCy's ``like_url`` is False for a token ending in ".", but its tokenizer keeps a sentence's full stop
    on a URL whose path ends in "/" ("see widget.github.io/demo/."): such a token may start a URL too."""
    def getter(text: str) -> bool:
        return like_url(text) or (text.endswith("/.") and like_url(text[:-1]))
    return getter


def _make_tokenizer(nlp, configure_urls):
    """The pipeline's tokenizer: spaCy's for ``nlp``, with paperkg's rules (:func:`_configure_tokenizer`,
    ``configure_urls``, :func:`_bound_affix_search`), built in one go.

    A spaCy Tokenizer reloads its ~1,350 special cases whenever one of its rule attributes is set;
    the rules are worked out on a stand-in and the Tokenizer is made once (about 2 s less per cold start).
    """
    base = nlp.tokenizer
    draft = SimpleNamespace(prefix_search=base.prefix_search, suffix_search=base.suffix_search,
                            infix_finditer=base.infix_finditer, token_match=base.token_match, url_match=base.url_match)
    stand_in = SimpleNamespace(tokenizer=draft, Defaults=nlp.Defaults)
    _configure_tokenizer(stand_in)
    configure_urls(stand_in)
    _bound_affix_search(draft)
    return Tokenizer(nlp.vocab, rules=base.rules, faster_heuristics=base.faster_heuristics, **vars(draft))


def _pattern_tokenizer(tokenizer):
    """``tokenizer``'s rules over a scratch Vocab (with the same lower-casing), for pattern Docs.

    spaCy's Vocab keeps a new string's lexeme only while it holds fewer than 10,000; past that, the
    lexemes of new words (3+ characters) live and die with their Doc, and the tokenizer never caches a
    chunk holding one (``Tokenizer._save_cached``). Made in the pipeline's vocabulary, the pattern
    Docs took it past 10,000 (10,599), so every common word of every abstract was split by the affix
    regexes again: the pipeline's tokenizer ran at a third of the stock tokenizer's speed. Matchers
    keep only string hashes, which do not depend on the Vocab, so the matches are the same.
    """
    # the matchers read only ORTH and LOWER: the other lexical attributes (~20 Python functions per
    # new string) would only slow the ~11,000 pattern words down
    scratch = Vocab(lex_attr_getters={LOWER: tokenizer.vocab.lex_attr_getters[LOWER]})
    return Tokenizer(scratch, rules=tokenizer.rules, prefix_search=tokenizer.prefix_search,
                     suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,
                     token_match=tokenizer.token_match, url_match=tokenizer.url_match,
                     faster_heuristics=tokenizer.faster_heuristics)


@functools.lru_cache(maxsize=1)
def make_nlp():
    """The extraction pipeline (cached per process)."""
    nlp = spacy.blank("en")
    _keep_lexical_attributes(nlp.vocab, LEXICAL_ATTRIBUTES)
    tokenizer = nlp.tokenizer = _make_tokenizer(nlp, configure_tokenizer)
    # The components tokenize their patterns (~10,000 gazetteer forms) with nlp.tokenizer: give
    # them the same tokenizer over a scratch vocabulary, so that the pipeline's own stays small.
    nlp.tokenizer = _pattern_tokenizer(tokenizer)
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    nlp.tokenizer = RunSafeTokenizer(tokenizer)
    nlp.max_length = MAX_TEXT_CHARS
    return nlp
