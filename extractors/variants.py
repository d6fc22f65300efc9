"""Numbered variants of a name written once: with slashes ("CIFAR-10/100", "ResNet-50/101"), or as numbers
listed after it ("CIFAR-10 and 100", "FooSet 2007, 2012").

The tokenizer keeps such a shorthand as one token, so no rule sees the names in
it. Each variant becomes a mention: the first over its own characters
("CIFAR-10"), each later one over the shorthand up to its number
("CIFAR-10/100"), so that the mention's text always ends in the variant it
stands for and :func:`variant_name` can read it back. Only shorthands whose
first variant is a known name, or a parameter count of one ("Foo-7B/13B"), are
read: "Vol-3017/101" is a reference, not two names. A listed number is read the same way (its mention runs from
the name to the number) when it has the form of the name's own number (a whole number, a decimal version, a year)
and nothing counted follows it: "CIFAR-10 and 100 classes" counts classes.
"""
from __future__ import annotations

import re
from typing import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from extractors.canonical import LISTED_SEPARATOR, listed_variant, slash_variants
from extractors.docutil import doc_text, make_mention
from extractors.gazetteer import known_name
from kg.models import Mention

__all__ = ["LISTED_RULE", "SLASH_RULE", "listed_variant_mentions", "nothing_counted_after", "slash_variant_mentions",
           "variant_name"]

_SIZE_LETTERS = frozenset("KMBkmb")
#: A model name with a parameter count: "Foo-7B", "Foo 2-13b" (group 1 the model).
_SIZED = re.compile(r"(.+?)[- ]?\d+(?:\.\d+)?[BMbm]")

#: The rule of every mention this module makes.
SLASH_RULE = "variant:slash"
#: The rule of a number listed after a numbered name.
LISTED_RULE = "variant:listed"


def variant_name(m: Mention) -> str:
    """The name a mention stands for: the last variant of a slash shorthand ("CIFAR-10/100" -> "CIFAR-100"),
    else its text."""
    if m.rule == SLASH_RULE:
        return (slash_variants(m.text) or (m.text,))[-1]
    if m.rule == LISTED_RULE:
        return listed_variant(m.text) or m.text
    return m.text


def slash_variant_mentions(doc, taken=()) -> Iterator[Mention]:
    """A mention per variant of each slash shorthand of ``doc`` whose first variant is a known name.

    ``taken``: (start, end) character spans other mentions already hold; a shorthand inside one is left to it.
    """
    for tok in doc:
        if "/" not in tok.text or len(tok.text) < 4:
            continue
        written = tok.text
        if not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].text in _SIZE_LETTERS:
            written += doc[tok.i + 1].text  # "ImageNet-1K/22K": the tokenizer split the last size letter off
        names = slash_variants(written)
        if not names:
            continue
        first = known_name(names[0])
        if first is None and (sized := _SIZED.fullmatch(names[0])) is not None:
            first = known_name(sized.group(1))  # "Foo-7B/13B": sizes of the known model Foo
        if first is None:
            continue
        start = tok.idx
        if any(a < start + len(written) and start < b for a, b in taken):
            continue
        # each variant's mention ends where its number does: at the next slash, the last at the shorthand's end
        ends = [i for i, c in enumerate(written) if c == "/"] + [len(written)]
        yield make_mention(doc, start, start + ends[0], first[0], SLASH_RULE, 0.8)
        for name, end in zip(names[1:], ends[1:]):
            known = known_name(name)
            yield make_mention(doc, start, start + end, known[0] if known else first[0], SLASH_RULE, 0.8)


#: A name's own number at its end: "CIFAR-10", "FooSet 2007", "SQuAD 1.1" (group 1 the number).
_OWN_NUMBER = re.compile(r"[A-Za-z][- ]?(\d+(?:\.\d+)?)$")
#: One more number of the name: after a comma, "and", "or" or "&" (group 1 the number).
_NEXT_NUMBER = re.compile(rf"{LISTED_SEPARATOR}(\d+(?:\.\d+)?)(?![\w%-]|\.\d)")
#: The word after a listed number, if any.
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")
#: Nouns naming the listed things: "PASCAL VOC 2007 and 2012 datasets".
_LISTED_NOUNS = frozenset({"dataset", "datasets", "benchmark", "benchmarks", "split", "splits", "version", "versions",
                           "task", "tasks", "track", "tracks", "edition", "editions", "challenge", "challenges", "set",
                           "sets", "test", "respectively", "models", "variants"})


def nothing_counted_after(text: str, end: int) -> bool:
    """No counted noun follows the number ("CIFAR-10 and 100 classes", "ResNet-18 and 50 epochs"): what follows is
    punctuation, a function word, a capitalised word or a noun naming the listed things."""
    word = _WORD_AFTER.match(text, end)
    return word is None or not word.group(1).islower() or word.group(1) in STOP_WORDS or word.group(1) in _LISTED_NOUNS


def _same_form(first: str, other: str) -> bool:
    """A decimal version lists decimals, a year years, a whole number whole numbers."""
    if "." in first or "." in other:
        return "." in first and "." in other
    year = len(first) == 4 and first[:2] in ("19", "20")
    return year == (len(other) == 4 and other[:2] in ("19", "20"))


def listed_variant_mentions(doc, mentions) -> Iterator[Mention]:
    """A mention per number listed after a numbered method or data name of ``doc`` ("CIFAR-10 and 100")."""
    if not mentions:
        return
    text = doc_text(doc)
    for m in mentions:
        if m.kind not in ("method", "dataset", "benchmark") or m.rule in (SLASH_RULE, LISTED_RULE):
            continue
        own = _OWN_NUMBER.search(m.text)
        if own is None:
            continue
        pos = m.end
        while (hit := _NEXT_NUMBER.match(text, pos)) is not None and _same_form(own.group(1), hit.group(1)) and \
                nothing_counted_after(text, hit.end()):
            pos = hit.end()
            yield make_mention(doc, m.start, pos, m.kind, LISTED_RULE, 0.8)
