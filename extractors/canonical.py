"""Canonical keys and stable slugs for entity names.

Two surface forms denote the same entity when their keys are equal: case,
dash/space/underscore variants, Unicode dash forms and a trailing plural
collapse ("LLMs" = "LLM", "Vision-Transformer" = "vision transformer"), and
British -ise spellings meet American -ize ones ("Optimisation" = "Optimization").
An all-capitals word keeps a final capital S: "MOSES" is not the plural of "MOSE".
"""
from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["canonical_key", "slugify", "entity_id", "singular", "spelling_variants", "DATA_SPLIT", "DATA_RESOLUTION",
           "data_collection", "slash_variants", "SIZED_NUMBER"]

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_SEP = re.compile(r"[\s\-_/~]+")
_EDGE = " .,;:()[]{}\"'`“”‘’"
_KEEP_S = ("ss", "us", "is", "ics", "sis", "ous")
_MATH = re.compile(r"\$([^$]{1,40})\$")
_GREEK = {n: chr(c) for n, c in zip(
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon "
    "phi chi psi omega".split(), [0x3B1 + i for i in range(17)] + [0x3C3 + i for i in range(7)])}
_GREEK_NAME = {c: n for n, c in _GREEK.items()}
_GREEK.update({"varphi": "φ", "varepsilon": "ε", "vartheta": "θ"})


#: LaTeX accent commands as scraped: "Fr\\'echet", "G\\"{o}del", "\\`a".
_LATEX_ACCENT = re.compile(r"""\\(['"`^~])\{?([A-Za-z])\}?""")
_COMBINING = {"'": "\u0301", '"': "\u0308", "`": "\u0300", "^": "\u0302", "~": "\u0303"}


def _accented(m: re.Match) -> str:
    return unicodedata.normalize("NFC", m.group(2) + _COMBINING[m.group(1)])


def _math_text(m: re.Match) -> str:
    """"$\\beta$" -> "β", "$φ$" -> "φ": inline LaTeX math in a name, as plain text."""
    body = m.group(1).strip().strip("{}")
    return _GREEK.get(body.lstrip("\\"), body) if body.startswith("\\") else body


#: British -isation/-iser spellings, folded to -ization/-izer ("regularisation", "optimiser").
_BRITISH = re.compile(r"(?<=[a-z]{3})is(?=(?:ations?|ers?)\b)")


#: A named split written after a data collection's name ("X test-clean", "X val2017"): a part of that
#: collection, which the graph links to the collection itself.
DATA_SPLIT = r"(?: (?:test|dev|train|val)-[a-z]+| (?:test|dev|train|val)(?:20)?\d\d)"
#: An image resolution after a data name ("X 256x256"): a benchmark setting of its own, kept apart.
DATA_RESOLUTION = r"(?: ?-?\d{2,4} ?[x×] ?\d{2,4})"
_DATA_SPLIT_END = re.compile(DATA_SPLIT + r"$")


def data_collection(text: str) -> str:
    """The collection a data name belongs to: "WidgetSpeech test-noisy" -> "WidgetSpeech" (else the text)."""
    return _DATA_SPLIT_END.sub("", text) or text


#: A number as names carry it, with an optional size letter: "10", "3.5", "22K", "13B".
SIZED_NUMBER = r"\d+(?:\.\d+)?[KMBkmb]?"
#: Numbered variants of one name written once, joined by slashes: "CIFAR-10/100", "ResNet-50/101/152",
#: "GPT-3.5/4", "SQuAD1.1/2.0". The stem ends in a letter or a hyphen; each number may carry a size letter.
_SLASH_VARIANTS = re.compile(rf"(?P<stem>[A-Za-z][A-Za-z0-9.]*?[A-Za-z-])(?P<first>{SIZED_NUMBER})"
                             rf"(?P<rest>(?:/{SIZED_NUMBER})+)")


@functools.lru_cache(maxsize=1 << 12)
def slash_variants(text: str) -> tuple[str, ...]:
    """The names a slash shorthand writes out, in order ("CIFAR-10/100" -> ("CIFAR-10", "CIFAR-100")); ()
    when ``text`` is not one (a ratio, a date or a plain name)."""
    hit = _SLASH_VARIANTS.fullmatch(text)
    if hit is None or not any(c.isupper() for c in hit.group("stem")):
        return ()
    stem = hit.group("stem")
    return (stem + hit.group("first"),) + tuple(stem + n for n in hit.group("rest")[1:].split("/"))


#: A numbered name and further numbers of the same name listed after it: "CIFAR-10 and 100", "PASCAL VOC 2007,
#: 2012", "SQuAD 1.1 and 2.0" (the stem ends in a letter, a hyphen or a space after a letter).
#: What comes between listed numbers: a comma, "and", "or" or "&" (the finder in extractors.variants uses it too).
LISTED_SEPARATOR = r"(?:\s*,\s*(?:and\s+|or\s+)?|,?\s+(?:and|or|&)\s+)"
_LISTED_VARIANTS = re.compile(rf"(?P<stem>.*?[A-Za-z](?:[- ])?)(?P<first>\d+(?:\.\d+)?)"
                              rf"(?:{LISTED_SEPARATOR}(?P<last>\d+(?:\.\d+)?))+")


def listed_variant(text: str) -> str | None:
    """The name a listed number stands for ("CIFAR-10 and 100" -> "CIFAR-100"); None when ``text`` is no
    numbered name followed by listed numbers."""
    hit = _LISTED_VARIANTS.fullmatch(text)
    return None if hit is None else hit.group("stem") + hit.group("last")


def singular(word: str) -> str:
    """Strip one plural suffix from a lower-cased word ("llms" -> "llm", "networks" -> "network")."""
    if len(word) > 3 and word.endswith("ies") and not word.endswith("eies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word


_CAPITAL_PLURAL = re.compile(r"[A-Z]s$")


@functools.lru_cache(maxsize=1 << 16)
def canonical_key(text: str) -> str:
    """Lower-case, dash/space-collapsed, singularised key of a surface form."""
    if "$" in text:
        text = _MATH.sub(_math_text, text)
    if "\\" in text:
        text = _LATEX_ACCENT.sub(_accented, text)
    cased = unicodedata.normalize("NFKC", text).translate(_DASHES).strip(_EDGE)
    if not cased.isascii():  # "Fréchet" = "Frechet", "Tülu" = "Tulu" (Greek letters are kept)
        cased = "".join(c for c in unicodedata.normalize("NFKD", cased) if not unicodedata.combining(c))
    s = cased.lower().replace("’", "'")
    if "is" in s:
        s = _BRITISH.sub("iz", s)
    words = [w for w in _SEP.split(s) if w]
    if not words:
        return ""
    last = cased.split()[-1] if cased.split() else ""
    # a plural "s" is written in lower case: a final capital S is a letter of the name ("LLMS", "GSoS", "MoS")
    if not (last.endswith("S") and len(last) > 2 and any(c.isupper() for c in last[:-1])):
        # "LMs", "IDs", "GPs": a lower-case "s" after a capital is a plural however short the word
        words[-1] = words[-1][:-1] if _CAPITAL_PLURAL.search(last) and len(words[-1]) > 2 else singular(words[-1])
    return " ".join(words)


def slugify(text: str) -> str:
    """URL- and IRI-safe slug of a name; '+' is kept distinct ("DrivAerNet++")."""
    s = canonical_key(text)
    if not s.isascii():  # "β-DPO" -> "beta-dpo", not a clash with "DPO"
        s = "".join(f" {_GREEK_NAME[c]} " if c in _GREEK_NAME else c for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("+", " plus ")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


def entity_id(kind: str, name: str) -> str:
    """Stable id such as ``method/group-relative-policy-optimization``."""
    return f"{kind}/{slugify(name)}"


#: A join of two words of three letters or more, by a space or a hyphen ("mirror descent", "mirror-descent"),
#: or of a name and its version number ("Widget 2.5 Pro", "Widget-2.5 Pro", "Widget 2.5-Pro"), and of a name and
#: its last part, a number of two digits or more or a short suffix in capitals ("Gizmo 400", "Gizmo-400"; "FooA HQ").
_WORD_JOIN = re.compile(r"(?:(?<=[A-Za-z]{3})|(?<=\b[A-Z]{2}))[ -](?=[A-Za-z]{3})|(?<=[A-Za-z]{3})[ -](?=\d+\.\d+\b)|"
                        r"(?<=\b\d\.\d)[ -](?=[A-Z][a-z]{2})|(?<=[A-Za-z]{3})[ -](?=(?:\d{2,}|[A-Z]{2,3})$)")
#: A surname leading a technique's name: "Nesterov momentum" is also written "Nesterov's momentum".
_SURNAME_LEAD = re.compile(r"^([A-Z][a-z]{2,})(?:'s)? (?=[a-z])")
#: American -ization/-izer endings (the other direction of :data:`_BRITISH`).
_AMERICAN = re.compile(r"(?<=[a-z]{3})iz(?=(?:ations?|ers?)\b)")


#: Where a name's letters meet its number: glued ("Flickr8k", "UCF101") or set off by a space or hyphen ("Flickr 8k",
#: "UCF-101"); the letters at least three, so "T5" and "GPT-4o"'s short forms are left alone.
_GLUED_NUMBER = re.compile(r"(?<=[A-Za-z]{3})(?=\d)")
_SET_OFF_NUMBER = re.compile(r"(?<=[A-Za-z]{3})[ -](?=\d)")


def number_join_variants(form: str) -> tuple[str, ...]:
    """The other ways of joining a name's letters to its one number: "Flickr8k" is also written "Flickr 8k" and
    "Flickr-8k", "UCF-101" also "UCF101". These spellings have other :func:`canonical_key` s, so the word lists
    add them as forms of their own; a name with two such joins keeps them as written.

    >>> number_join_variants("Human3.6M"), number_join_variants("UCF-101")
    (('Human 3.6M', 'Human-3.6M'), ('UCF 101', 'UCF101'))
    >>> number_join_variants("T5"), number_join_variants("Zorb2Vec3")
    ((), ())
    """
    glued, set_off = list(_GLUED_NUMBER.finditer(form)), list(_SET_OFF_NUMBER.finditer(form))
    if len(glued) + len(set_off) != 1:
        return ()
    cut = (glued or set_off)[0]
    head, tail = form[:cut.start()], form[cut.end():]
    return tuple(sorted({head + sep + tail for sep in ("", " ", "-")} - {form}))


def spelling_variants(form: str, max_joins: int = 3) -> tuple[str, ...]:
    """Other spellings of a name that share its :func:`canonical_key`: each join of two words written with a
    space or a hyphen ("temporal-difference learning", "Monte-Carlo tree search"), and the -isation/-ization
    spelling ("expectation maximisation"). Names with more than ``max_joins`` joins keep their joins as written."""
    joins = [m.start() for m in _WORD_JOIN.finditer(form)]
    bases = {form}
    if 0 < len(joins) <= max_joins:
        for mask in range(1 << len(joins)):
            chars = list(form)
            for bit, pos in enumerate(joins):
                chars[pos] = "-" if mask >> bit & 1 else " "
            bases.add("".join(chars))
    lead = _SURNAME_LEAD.match(form)
    if lead is not None and not lead.group(1).endswith(("ian", "ic", "al", "ive", "ous")):  # "Bayesian": no surname
        rest = form[lead.end():]
        bases |= {f"{lead.group(1)} {rest}", f"{lead.group(1)}'s {rest}"}
    out = set(bases)
    for base in bases:
        out.add(_AMERICAN.sub("is", base))
        out.add(_BRITISH.sub("iz", base))
    out.discard(form)
    return tuple(sorted(out))
