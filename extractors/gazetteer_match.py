"""Known names from the bundled gazetteer, found with spaCy PhraseMatchers.

Two matchers: attr="LOWER" for case-insensitive rows, attr="ORTH" for
cased rows and all-capitals acronyms (lower-cased they are ordinary words).
The matchers live in the ``kg_gazetteer`` pipeline component
(:mod:`extractors.components`), which stores ``(label, start, end)`` token
matches on the Doc; label is ``"<kind>\\t<canonical name>"``.
"""
from __future__ import annotations

import re
from typing import Iterator

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import PhraseMatcher

from extractors.canonical import number_join_variants, spelling_variants
from extractors.docstate import state
from extractors.docutil import doc_text, make_mention, token_table
from extractors.gazetteer import english_words, listed_spellings, load_gazetteer, match_forms
from extractors.terms import language_pair_at

_MIXED = re.compile(r"[a-z][A-Z]")

__all__ = ["build_matchers", "extract_gazetteer", "distinctive_form", "plural_form"]


#: Words that make a known data set into a named variant of it.
_DATA_VARIANTS = frozenset({"permuted", "rotated", "split", "sequential", "corrupted", "noisy", "colored", "coloured",
                            "imbalanced", "long-tailed", "downsampled", "shuffled", "blurred", "perturbed",
                            "occluded", "occlusion", "truncated"})


def distinctive_form(form: str, words: frozenset[str]) -> bool:
    """A camel-case name no English word spells ("MuJoCo"): safe to match in any case but
    all-lower ("Mujoco", "MUJOCO"); "ComplEx" and "TEACh" are words lower-cased, so stay exact."""
    return bool(_MIXED.search(form)) and len(form) >= 4 and form.lower() not in words and \
        not any(part.lower() in words and len(part) == len(form) for part in re.split(r"[-\s]", form))


def _title_word(toks, i: int, words: frozenset[str]) -> bool:
    """A capitalised dictionary word between other capitalised words of a title."""
    tok = toks[i]
    if not tok.is_title or tok.lower_ not in words:
        return False
    return (i > 0 and toks[i - 1].is_title) or (i + 1 < len(toks) and toks[i + 1].is_title)


def _case_is_the_name(name: str) -> bool:
    """Does the name's spelling need its capitals ("ComplEx", "TEACh", "MATH")? Title-Case words
    joined by hyphens ("Self-Consistency", "Chain-of-Thought") are still the name in lower case."""
    parts = [p for p in re.split(r"[-\s]+", name) if p]
    return any(any(c.isupper() for c in p[1:]) for p in parts)


_OF_NAME = re.compile(r"^([A-Za-z]+)([ -]of[ -].+)$")


def _head_plural(form: str) -> str | None:
    """"Chains of Thought", "Mixtures of Experts": in an "A of B" name the plural is on A."""
    hit = _OF_NAME.match(form)
    if hit is None or hit.group(1).endswith(("s", "x", "z", "sh", "ch")) or hit.group(1).lower() == "y":
        return None
    head = hit.group(1)
    return (head[:-1] + "ies" if head.endswith("y") and head[-2:-1] not in "aeiou" else head + "s") + hit.group(2)


def plural_form(form: str) -> str | None:
    """The plural a text may use for a name ("Vision Transformers", "graph attention networks", "GANs"),
    or None where adding "s" would make another word (single Title-Case words: "Adam" -> "Adams")."""
    last = form.split()[-1] if form.split() else ""
    if not last[-1:].isalpha() or last.endswith(("s", "x", "z", "sh", "ch")):
        return None
    if " " in form or "-" in last:
        return form + "s"
    if sum(c.isupper() for c in last) >= 2 and len(last) >= 3:
        return form + "s"  # "GAN" -> "GANs", "ResNet" -> "ResNets"
    return None


def build_matchers(nlp, entries=None):
    """(lower PhraseMatcher, cased PhraseMatcher) over the gazetteer entries."""
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    cased = PhraseMatcher(nlp.vocab, attr="ORTH")
    lower_forms: dict[str, list[str]] = {}
    cased_forms: dict[str, list[str]] = {}
    words = None
    for entry in (load_gazetteer() if entries is None else entries):
        label = f"{entry.kind}\t{entry.name}"
        for form, exact in match_forms(entry):
            if exact and _MIXED.search(form):
                words = english_words() if words is None else words
                exact = not distinctive_form(form, words)
            target = (cased_forms if exact else lower_forms).setdefault(label, [])
            # a case-free form also matches its other spellings ("mirror-descent", "expectation maximisation")
            numbered = number_join_variants(form)  # "Flickr 8k" of Flickr8k, "UCF101" of UCF-101
            for spelling in (form, *numbered) if exact else (form, *spelling_variants(form), *numbered):
                # typeset text curls the apostrophe ("Foo’s Quest"): the same name
                for typed in (spelling, spelling.replace("'", "\u2019")) if "'" in spelling else (spelling,):
                    target.append(typed)
                    for plural in (plural_form(typed), _head_plural(typed)):
                        if plural:
                            target.append(plural)
    for label in sorted(lower_forms):
        lower.add(label, list(nlp.tokenizer.pipe(lower_forms[label])))
    for label in sorted(cased_forms):
        cased.add(label, list(nlp.tokenizer.pipe(cased_forms[label])))
    return lower, cased


_LAST_JOIN_HYPHEN = re.compile(r"[A-Za-z]{3}-[A-Za-z]{3,}$")
#: A lower-case spelling with a version number and a word ("foo-4x-mini", "barlm-2.5-pro") is a model's id as an
#: API or a file names it, never an ordinary word, even where the name needs its capitals ("FooLM-4x").
_VERSIONED_ID = re.compile(r"(?=.*[a-z]{3})(?=.*\d)")


def _hyphenated_modifier(surface: str, toks, end: int) -> bool:
    """A name found only through a hyphenated spelling of its last join, followed by a lower-case word:
    "flow-matching loss", "mirror-descent steps" use the name as a compound modifier."""
    if not _LAST_JOIN_HYPHEN.search(surface) or surface.lower() in listed_spellings():
        return False
    if end >= len(toks):
        return False
    nxt = toks[end]
    return nxt.is_lower and nxt.is_alpha and nxt.lower_ not in STOP_WORDS


def extract_gazetteer(doc) -> Iterator:
    """Mentions for gazetteer matches (longest match wins where they overlap)."""
    st = state(doc)
    matches = sorted(st.gazetteer, key=lambda m: (m[1], -(m[2] - m[1])))
    if not matches:
        return
    toks = token_table(doc)
    text = doc_text(doc)
    title = st.field == "title"
    words = english_words() if title else frozenset()
    last_end = -1
    for label, start, end in matches:
        if start < last_end:
            continue
        last_end = end
        kind, _, name = label.partition("\t")
        start_char, end_char = toks[start].idx, toks[end - 1].idx + len(toks[end - 1].text)
        surface = text[start_char:end_char]
        if surface.islower() and _case_is_the_name(name) and not _VERSIONED_ID.match(surface):
            continue  # "complex" is not ComplEx, "teach" is not TEACh
        if _hyphenated_modifier(surface, toks, end):
            continue  # "a flow-matching objective": the hyphen makes the name a modifier of the next noun
        if title and kind != "method" and end - start == 1 and _title_word(toks, start, words):
            continue  # "Object Pile Manipulation": in a title every word is capitalised, "Pile" is just a word
        if kind != "method" and (pair := language_pair_at(text, end_char)):
            end_char += pair  # "the FooMT 2016 English-German data", "FooMT Vietnamese to English": one pair's data
        if kind != "method" and start > 0 and toks[start - 1].lower_ in _DATA_VARIANTS and toks[start - 1].whitespace_:
            start_char = toks[start - 1].idx  # "permuted MNIST", "split CIFAR-100": a variant is its own data set
            kind_rule = f"gazetteer-variant:{name}"
        else:
            kind_rule = f"gazetteer:{name}"
        yield make_mention(doc, start_char, end_char, kind, kind_rule, 0.9)
