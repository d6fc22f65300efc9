"""Numbered variants of a known name written once with slashes ("CIFAR-10/100", "ResNet-50/101").

The tokenizer keeps such a shorthand as one token, so no rule sees the names in
it. Each variant becomes a mention: the first over its own characters
("CIFAR-10"), each later one over the shorthand up to its number
("CIFAR-10/100"), so that the mention's text always ends in the variant it
stands for and :func:`variant_name` can read it back. Only shorthands whose
first variant is a known name, or a parameter count of one ("Foo-7B/13B"), are
read: "Vol-3017/101" is a reference, not two names.
"""
from __future__ import annotations

import re
from typing import Iterator

from extractors.canonical import slash_variants
from extractors.docutil import make_mention
from extractors.gazetteer import known_name
from kg.models import Mention

__all__ = ["SLASH_RULE", "slash_variant_mentions", "variant_name"]

_SIZE_LETTERS = frozenset("KMBkmb")
#: A model name with a parameter count: "Foo-7B", "Foo 2-13b" (group 1 the model).
_SIZED = re.compile(r"(.+?)[- ]?\d+(?:\.\d+)?[BMbm]")

#: The rule of every mention this module makes.
SLASH_RULE = "variant:slash"


def variant_name(m: Mention) -> str:
    """The name a mention stands for: the last variant of a slash shorthand ("CIFAR-10/100" -> "CIFAR-100"),
    else its text."""
    if m.rule != SLASH_RULE:
        return m.text
    return (slash_variants(m.text) or (m.text,))[-1]


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
