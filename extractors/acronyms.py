"""Abbreviation definitions ("Long Form (LF)" and "LF (Long Form)").

Own implementation of the algorithm of Schwartz & Hearst, "A Simple
Algorithm for Identifying Abbreviation Definitions in Biomedical Text",
PSB 2003: find a parenthesised short form, take at most
``min(|SF| + 5, 2 * |SF|)`` words before it, and match the short form's
characters right-to-left against that window, the first character at a word
start. Extensions for ML text: mixed case ("ViT", "LoRA"), a trailing
plural "s" ("LLMs"), trailing digits/version parts missing from the long
form ("S4", "GPT-4"), hyphens, and short forms followed by "; citation".

Works on plain strings so offsets always index the original text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from extractors.docstate import state
from extractors.docutil import make_mention

__all__ = ["Abbreviation", "find_abbreviations", "best_long_form", "is_short_form", "extract_acronyms"]

_PAREN = re.compile(r"\(([^()]{1,120})\)")
#: A LaTeX font group opening before a long form: "\emph{", "\textit{", "{\em ", "{\it ".
_LATEX_FONT_OPEN = re.compile(r"\\[a-z]+\{|\{\\(?:em|it|bf|sc)\s+")
_WORD = re.compile(r"\S+")
_ABBR_LEAD = re.compile(r"^(?:abbr\.?|abbrev\.?|abbreviated(?: as)?|aka|a\.k\.a\.|i\.e\.,?|namely|or|shortly|short|dubbed|called)\s+",
                        re.I)
_CLAUSE_WORDS = {"that", "which", "who", "whose", "is", "are", "was", "were", "we", "our", "has", "have", "can",
                 "will", "be", "been", "this", "these", "it"}
_LEAD_STOP = {"the", "a", "an", "of", "and", "or", "to", "for", "in", "on", "with", "by", "our", "we", "this", "its",
              "their", "called", "named", "dubbed", "termed", "namely", "i.e.", "e.g.", "via", "using", "is", "are"}


#: A count or quantifier before a long form: "over 14 open-weight models (OWMs)" counts, it does not name.
_COUNT_WORD = re.compile(r"^(?:\d[\d,.]*|over|about|around|nearly|approximately|roughly|some|several|many|"
                         r"all|both|each|every|most)$", re.I)


@dataclass(frozen=True)
class Abbreviation:
    """One definition: character offsets of both forms in the searched text."""

    short: str
    short_start: int
    short_end: int
    long: str
    long_start: int
    long_end: int
    reverse: bool = False  # "SF (long form)" order


def is_short_form(s: str) -> bool:
    """Schwartz-Hearst short-form test, tightened: needs an upper-case letter."""
    if not 2 <= len(s) <= 12 or len(s.split()) > 2:
        return False
    if not s[0].isalnum() or not any(c.isalpha() for c in s) or re.search(r"[^\w\-+./ ]|_", s):
        return False
    if not any(c.isupper() for c in s):
        return False
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 or any(c.isdigit() for c in s)


def _match_positions(sf: str, lf: str) -> dict[int, int] | None:
    """{index in ``sf``: index in ``lf``} of each letter or digit of the short form, matched from the right as
    S&H's findBestLongForm matches them (the first one at the start of a word), or None."""
    out: dict[int, int] = {}
    s = len(sf) - 1
    i = len(lf) - 1
    while s >= 0:
        c = sf[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (lf[i].lower() != c or (s == 0 and i > 0 and lf[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        out[s] = i
        i -= 1
        s -= 1
    return out


def _match(sf: str, lf: str) -> int | None:
    """Index in ``lf`` where the best long form starts, or None (S&H findBestLongForm)."""
    positions = _match_positions(sf, lf)
    if positions is None:
        return None
    return lf.rfind(" ", 0, min(positions.values(), default=len(lf))) + 1


def _variants(sf: str) -> list[str]:
    """Short-form variants to try: as is, without plural s, without trailing version."""
    out = [sf]
    if len(sf) > 2 and sf.endswith("s") and sf[-2].isupper():
        out.append(sf[:-1])
    stripped = re.sub(r"[-.]?(?:v?\d+(?:\.\d+)*[a-z]?)$", "", sf)
    if stripped != sf and len([c for c in stripped if c.isalpha()]) >= 2:
        out.append(stripped)
    # a digit inside a short form counts letters ("T2PAM": Test-Time ...), it spells nothing itself
    inner = re.sub(r"(?<=[A-Za-z])\d+(?=[A-Za-z])", "", sf)
    if inner != sf and len([c for c in inner if c.isalpha()]) >= 2:
        out.append(inner)
    return out


def _capitals_in_one_word(sf: str, lf: str) -> bool:
    """Does the character match (:func:`_match`) put all of the short form's capitals inside one word of a long
    form of several words? "LLMs" in "Lalo and Quux series" matches L, L and M within "Lalo": the bracket lists
    examples, it spells nothing out (unlike "ALFRED (Action Learning From ...)", whose capitals start words)."""
    capitals = [k for k, c in enumerate(sf) if c.isupper()]
    words = [w for w in re.split(r"[\s\-/]+", lf) if w and w.lower() not in _MINOR]
    positions = _match_positions(sf, lf)
    if len(capitals) < 2 or len(words) < 2 or positions is None:
        return False
    return len({len(re.findall(r"[\s\-/]+", lf[:positions[k]])) for k in capitals}) == 1


def _listed_examples(lf: str) -> bool:
    """"LLMs (Foo and Bar families)", "VLMs (Foo-VL, Bar-VL models)": names joined by "and" or a comma, closed by a
    lower-case collective noun, are examples of the short form's class, not its spelled-out words (which are all
    capitalised, "Action Learning From ... and Directives", or all lower case)."""
    words = lf.split()
    return len(words) >= 3 and words[0][:1].isupper() and words[-1].islower() and \
        (" and " in lf or ", " in lf or " or " in lf)


def _initials_cover(sf: str, lf: str) -> bool:
    """Are the short form's letters, in order, initials of the long form's word parts ("T2PAM": Test-Time ...)?"""
    initials = iter(p[0].lower() for p in re.split(r"[\s\-/]+", lf) if p and p.lower() not in _MINOR)
    return all(any(c == i for i in initials) for c in (ch.lower() for ch in sf if ch.isalpha()))


def _contains_short(sf: str, lf: str) -> bool:
    """Does the candidate long form contain the short form itself as a word ("4KAgent, a ... system")?"""
    key = sf.lower()
    return any(w.strip(".,;:\"'()[]") == key for w in lf.lower().split())


_MINOR = {"of", "for", "and", "the", "with", "to", "from", "in", "on", "a", "an", "via", "by", "at"}
_LOWER_RUN = re.compile(r"[a-z]{2,}")


def _initials_long_form(sf: str, window: str) -> int | None:
    """Start of the shortest word run whose initials spell ``sf`` ("Proximal Policy Optimization").

    Tried before the character match, which may settle on a shorter run
    ("Policy Optimization" for PPO). Minor words ("of", "for") may be
    skipped; hyphenated parts count as words ("Mixture-of-Experts" = ME).
    """
    letters = [c.lower() for c in re.sub(r"s$", "", sf) if c.isalpha()]
    if len(letters) < 2:
        return None
    words = list(re.finditer(r"[^\s]+", window))
    for k in range(1, min(len(words), len(letters) + 4) + 1):
        run = words[-k:]
        initials = []
        for w in run:
            parts = [p for p in re.split(r"[-/]", w.group()) if p]
            for p in parts:
                if p.lower() in _MINOR:
                    continue
                initials.append(p[0].lower())
        if initials == letters:
            return run[0].start()
        if len(initials) > len(letters):
            break
    return None


def best_long_form(sf: str, window: str) -> int | None:
    """Offset in ``window`` where the long form for ``sf`` starts, or None."""
    for variant in _variants(sf):
        start = _match(variant, window)
        if start is None:
            continue
        lf = window[start:]
        if _contains_short(sf, lf):
            continue
        nwords = len(lf.split())
        if nwords < 1 or (nwords == 1 and len(lf) <= len(sf) + 1):
            continue
        if nwords > min(len(variant) + 5, 2 * len(variant)):
            continue
        if any(c.isdigit() for c in sf) and not any(c.isdigit() for c in variant) and not _initials_cover(variant, lf):
            continue  # without its digits a short form matches loosely: every letter must start a word part
        if len(_LOWER_RUN.findall(variant)) >= 2 and not _initials_cover("".join(filter(str.isupper, variant)), lf):
            continue  # a coined word "ZorbWebLM" matches any long phrase letter by letter: its capitals must be initials
        return start
    return None


def _window(text: str, end: int, sf: str) -> tuple[int, str]:
    """The words before ``end`` (same sentence/clause) Schwartz-Hearst may use."""
    limit = min(len(sf) + 5, 2 * len(sf))
    lo = max(0, end - 16 * limit - 16)  # enough characters for ``limit`` words
    chunk = text[lo:end]
    # stop at a sentence end, colon, semicolon or an earlier parenthesis
    cut = max(chunk.rfind(". "), chunk.rfind("; "), chunk.rfind(": "), chunk.rfind("("), chunk.rfind(")"),
              chunk.rfind("? "), chunk.rfind("\n"))
    if cut >= 0:
        lo, chunk = lo + cut + 1, chunk[cut + 1:]
    font = None
    for font in _LATEX_FONT_OPEN.finditer(chunk):
        pass
    if font is not None:  # "termed \emph{widget flow} (WF)": the long form starts inside the font group
        lo, chunk = lo + font.end(), chunk[font.end():]
    words = list(_WORD.finditer(chunk))[-limit:]
    if not words:
        return end, ""
    start = lo + words[0].start()
    return start, text[start:end]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading function words and surrounding punctuation from a long form."""
    while True:
        seg = text[start:end]
        stripped = seg.lstrip(" \"'“‘`,-{[")
        start += len(seg) - len(stripped)
        m = re.match(r"(\S+)\s+", stripped)
        if m and (m.group(1).lower() in _LEAD_STOP or _COUNT_WORD.match(m.group(1))):
            start += m.end()
            continue
        break
    while end > start and text[end - 1] in " ,;:\"'”’}]$":
        end -= 1  # ("widget losses}$ (WLs)": a LaTeX group and maths closing after the long form)
    return start, end


#: A comma and the space after it: where an all-capital short form set off by a comma ends ("we propose FOO, Fast
#: ... "), its long form following.
_COMMA = re.compile(r",\s+(?=[A-Za-z])")


def _appositive_definitions(text: str) -> Iterator[Abbreviation]:
    """"we propose WIDGE, Widget Inference with moDular Graph Embeddings": an acronym then a comma and words
    whose capitals, in order, spell exactly its letters (initials or capitals set inside words) is defined by
    them. The long form ends at the word holding the last letter; any other capital before that ends the search."""
    for comma in _COMMA.finditer(text):
        k = j = comma.start()
        while j > 0 and k - j <= 10 and (text[j - 1].isupper() and text[j - 1].isascii()):
            j -= 1
        sf = text[j:k]
        if not 3 <= len(sf) <= 10 or (j > 0 and (text[j - 1].isalnum() or text[j - 1] in "-_")):
            continue  # an all-capital word of its own (no digits: "FOO2" is a version, not spelled letters)
        letters = list(sf)
        want = 0
        end = None
        for w in _WORD.finditer(text, comma.end()):
            word = w.group()
            if w.start() - comma.end() > 12 * len(sf) or word[0] in "([\"'":
                break
            core = word.rstrip(",.;:")
            for c in core:
                if c.isupper():
                    if want < len(letters) and c == letters[want]:
                        want += 1
                    else:
                        want = -1
                        break
            if want < 0 or want == 0 and not core[:1].isupper():
                break
            if want == len(letters):
                end = w.start() + len(core)
                break
            if core != word:
                break  # punctuation inside the run: the letters are not all spelled
        if end is None or len(text[comma.end():end].split()) < 2:
            continue
        yield Abbreviation(sf, j, k, text[comma.end():end], comma.end(), end, reverse=True)


#: A short form with two capitals or more.
_CAPITALS_SF = r"([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9-]*)"
#: Capitalised words (with "of", "for", "and" between) ending right before a short form at the end of the searched
#: range: "the Widget Document Retrieval Benchmark WiDoRe".
_JUXTAPOSED_AT = re.compile(r"(?<![\w-])((?:[A-Z][\w-]*\s+(?:(?:of|for|and|on|in)\s+)?){2,8})" + _CAPITALS_SF + "$")
#: A short form right after a capitalised word: where a juxtaposed definition may end (a cheap first pass).
_JUXTAPOSED_END = re.compile(r"[A-Z][\w-]*\s+" + _CAPITALS_SF + r"(?=[\s,.;:)]|$)")
#: Head nouns a long form may end in without a letter of the short form: "Widget Retrieval Benchmark WiRe".
_UNSPELLED_HEADS = frozenset({"benchmark", "dataset", "corpus", "suite", "model", "framework", "method", "algorithm",
                              "system", "network", "challenge", "task", "library", "toolkit"})


def _juxtaposed_definitions(text: str) -> Iterator[Abbreviation]:
    """"we introduce the Widget Document Retrieval Benchmark WiDoRe": capitalised words and, with no bracket,
    a short form whose capitals are exactly their initials (a head noun such as "Benchmark" may go unspelled)."""
    done = -1
    for end in _JUXTAPOSED_END.finditer(text):
        if end.start(1) <= done:
            continue
        m = _JUXTAPOSED_AT.search(text, max(0, end.start(1) - 120), end.end(1))
        if m is None:
            continue
        done = m.end(2)
        sf = m.group(2)
        if not 2 <= len(sf) <= 10:
            continue
        words = m.group(1).split()
        caps = [c for c in sf if c.isupper()]
        initials = [part[0] for w in words if w[:1].isupper() for part in w.split("-") if part[:1].isupper()]
        if initials != caps and not (initials[:-1] == caps and words[-1].lower() in _UNSPELLED_HEADS):
            continue
        long = m.group(1).rstrip()
        yield Abbreviation(sf, m.start(2), m.end(2), long, m.start(1), m.start(1) + len(long), reverse=False)


def find_abbreviations(text: str) -> Iterator[Abbreviation]:
    """Yield every abbreviation definition in ``text`` in order of appearance."""
    found = list(_paren_definitions(text))
    taken = {a.short_start for a in found}
    found += [a for a in _appositive_definitions(text) if a.short_start not in taken]
    taken = {a.short_start for a in found}
    found += [a for a in _juxtaposed_definitions(text) if a.short_start not in taken]
    yield from sorted(found, key=lambda a: (min(a.short_start, a.long_start), a.short_start))


#: A namer inside a long form Schwartz-Hearst reached back over: what it names starts after it.
_NAMER_INSIDE = re.compile(r",?\s+(?:named|called|termed|dubbed|coined)\s+(?=\S)")


def _paren_definitions(text: str) -> Iterator[Abbreviation]:
    for m in _PAREN.finditer(text):
        if text[m.end():m.end() + 1].isalnum():
            continue  # "(T+I)2V", "(x)y": a bracket inside a word defines nothing
        inner = m.group(1)
        # "(LoRA; Hu et al.)" / "(GRPO, ...)": the first segment is the candidate
        seg = re.split(r"[;,]\s", inner, maxsplit=1)[0].strip()
        seg = _ABBR_LEAD.sub("", seg)
        seg_start = m.start(1) + inner.find(seg)
        if is_short_form(seg):
            wstart, window = _window(text, m.start(), seg)
            window_stripped = window.rstrip()
            if not window_stripped:
                continue
            idx = _initials_long_form(seg, window_stripped)
            if idx is None:
                idx = best_long_form(seg, window_stripped)
            if idx is None:
                continue
            ls, le = _trim(text, wstart + idx, wstart + len(window_stripped))
            namer = _NAMER_INSIDE.search(text, ls, le)
            if namer is not None:
                ls = namer.end()  # "a novel method, named Widget Graph Networks (A-WGN)": the name follows the namer
            if le - ls < 3 or any(c in text[ls:le] for c in "()") or _contains_short(seg, text[ls:le]):
                continue
            if any(w.lower() in _CLAUSE_WORDS for w in text[ls:le].split()):
                continue  # "algorithms that learn from ...": a clause, not a name
            yield Abbreviation(seg, seg_start, seg_start + len(seg), text[ls:le], ls, le)
            continue
        # reverse order: "SF (long form words)"
        if len(seg.split()) < 2:
            continue
        before = text[max(0, m.start() - 40):m.start()].rstrip()
        wm = re.search(r"(\S+)$", before)
        if not wm:
            continue
        sf = wm.group(1).strip("\"'“”,")
        if not is_short_form(sf) or sf.lower() == sf:
            continue
        if best_long_form(sf, seg) != 0:
            continue
        if _capitals_in_one_word(sf, seg) or _listed_examples(seg):
            continue  # "LLMs (Foo and Bar series)": examples in brackets, whose first word merely contains L, L, M
        sf_end = m.start() - (len(text[:m.start()]) - len(text[:m.start()].rstrip()))
        sf_start = sf_end - len(wm.group(1))
        sf_start += wm.group(1).find(sf)
        ls, le = _trim(text, seg_start, seg_start + len(seg))
        yield Abbreviation(sf, sf_start, sf_start + len(sf), text[ls:le], ls, le, reverse=True)


def extract_acronyms(doc) -> Iterator:
    """Mentions for both forms of every definition in a processed Doc.

    The component ``kg_acronyms`` stores the definitions on the Doc; both
    mentions carry ``long_form`` so later stages can link the forms.
    """
    for ab in state(doc).abbrevs:
        yield make_mention(doc, ab.long_start, ab.long_end, "term", "acronym:long", 0.7, long_form=ab.long)
        yield make_mention(doc, ab.short_start, ab.short_end, "term", "acronym:short", 0.7, long_form=ab.long)
