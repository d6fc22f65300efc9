"""Word lists for the extraction core: known ML names and terms never to output.

Two bundled UTF-8 TSV files under ``extractors/data`` (read with
``importlib.resources`` so they work from a wheel too):

``gazetteer.tsv`` -- header ``kind  name  aliases  match``
    One named method, dataset or benchmark per row. ``aliases`` is a
    ``|``-separated list of other surface forms. ``match`` is ``cased`` (match
    the exact case: short acronyms and names that are also ordinary words, e.g.
    ``MATH``, ``Adam``, ``Falcon``) or ``lower`` (case-insensitive).
    Even in a ``lower`` row, an acronym-shaped form is matched case-exactly:
    one written entirely in capitals (``SAM``, ``ARC``) or a short mixed-case
    one with two or more capitals (``ToT``, ``GoT``, ``MoE``); lower-cased
    they are usually ordinary words. :func:`match_forms` applies that rule.

``stopterms.tsv`` -- header ``category  term``
    Terms that must never be output as an entity (fields, generic model
    classes, tasks, metrics, maths objects, hardware, organisations, venues,
    generic words, programming languages). :func:`load_stopterms` lower-cases
    them and adds simple singular/plural variants, so the file lists one form.

Lines starting with ``#`` are comments (section headers); blank lines are
ignored. Rows are sorted within each section. Loading is lazy and cached: no
work happens at import time.
"""
from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from importlib import resources

from english_words import get_english_words_set

from kg.errors import DataError
from kg.schema import ENTITY_KINDS

from extractors.canonical import canonical_key, number_join_variants

__all__ = [
    "GAZETTEER_FILE",
    "STOPTERMS_FILE",
    "KINDS",
    "STOP_CATEGORIES",
    "GazetteerEntry",
    "GazetteerError",
    "load_gazetteer",
    "load_stopterms",
    "spells_known",
    "stop_acronym_plurals",
    "stop_cased_words",
    "surface_forms",
    "match_forms",
    "case_clash",
    "listed_spellings",
    "entity_key",
    "known_name",
    "word_compound",
    "parse_gazetteer",
    "parse_stopterms",
    "term_variants",
    "gazetteer_names",
    "english_words",
    "dictionary_word",
]

GAZETTEER_FILE = "gazetteer.tsv"
STOPTERMS_FILE = "stopterms.tsv"

#: Entity kinds a gazetteer row may carry.
KINDS = ENTITY_KINDS

#: Categories a stop term may carry.
STOP_CATEGORIES = (
    "field",
    "model-class",
    "task",
    "metric",
    "math",
    "hardware",
    "modality",
    "place",
    "organisation",
    "venue",
    "generic",
    "programming",
    "language",
)

_GAZ_HEADER = ("kind", "name", "aliases", "match")
_STOP_HEADER = ("category", "term")
_MATCH_MODES = ("cased", "lower")
# An all-capitals acronym (digits and - + / & . allowed): matched case-exactly.
_ACRONYM = re.compile(r"^(?=.*[A-Z])[A-Z0-9\-+/&.]+$")
# A short stylised acronym ("ToT", "GoT", "MoE", "LoRA"): also case-exact.
_SHORT_MIXED = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z0-9]{2,4}$")


class GazetteerError(DataError):
    """A malformed row in a bundled word list (names the file and line)."""


@dataclass(frozen=True)
class GazetteerEntry:
    """One known method, dataset or benchmark and the ways it is written."""

    kind: str  # method | dataset | benchmark
    name: str  # canonical display name
    aliases: tuple[str, ...] = ()
    cased: bool = False  # True: every form matches only with its exact case


def _rows(text: str, file: str, header: tuple[str, ...]):
    """Yield (line number, fields) for data rows; check the header and width."""
    seen_header = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = tuple(f.strip() for f in line.split("\t"))
        if not seen_header:
            if fields != header:
                raise GazetteerError(file, f"expected header {'<TAB>'.join(header)!r}, got {line!r}", lineno)
            seen_header = True
            continue
        if len(fields) != len(header):
            raise GazetteerError(
                file, f"expected {len(header)} tab-separated fields, got {len(fields)}: {line!r}", lineno
            )
        yield lineno, fields
    if not seen_header:
        raise GazetteerError(file, f"missing header {'<TAB>'.join(header)!r}")


def parse_gazetteer(text: str, file: str = GAZETTEER_FILE) -> tuple[GazetteerEntry, ...]:
    """Parse gazetteer TSV text; raise :class:`GazetteerError` on a bad row."""
    entries: list[GazetteerEntry] = []
    names: dict[tuple[str, str], int] = {}
    for lineno, (kind, name, aliases, match) in _rows(text, file, _GAZ_HEADER):
        if kind not in KINDS:
            raise GazetteerError(file, f"unknown kind {kind!r} (expected one of {', '.join(KINDS)})", lineno)
        if not name:
            raise GazetteerError(file, "empty name", lineno)
        if match not in _MATCH_MODES:
            raise GazetteerError(file, f"unknown match {match!r} (expected cased or lower)", lineno)
        alias_list = tuple(a.strip() for a in aliases.split("|")) if aliases else ()
        if any(not a for a in alias_list):
            raise GazetteerError(file, f"empty alias in {aliases!r}", lineno)
        key = (kind, name.casefold())
        if key in names:
            raise GazetteerError(file, f"duplicate {kind} {name!r} (first on line {names[key]})", lineno)
        names[key] = lineno
        # Drop aliases repeating the name or each other, keeping the file's order.
        uniq = tuple(dict.fromkeys(a for a in alias_list if a != name))
        entries.append(GazetteerEntry(kind=kind, name=name, aliases=uniq, cased=match == "cased"))
    return tuple(entries)


def parse_stopterms(text: str, file: str = STOPTERMS_FILE) -> dict[str, str]:
    """Parse stop-term TSV text to {lower-cased term: category}, variants included."""
    out: dict[str, str] = {}
    for lineno, (category, term) in _rows(text, file, _STOP_HEADER):
        if category not in STOP_CATEGORIES:
            raise GazetteerError(
                file, f"unknown category {category!r} (expected one of {', '.join(STOP_CATEGORIES)})", lineno
            )
        if not term:
            raise GazetteerError(file, "empty term", lineno)
        for variant in term_variants(term):
            out.setdefault(variant, category)
    return dict(sorted(out.items()))


def term_variants(term: str) -> tuple[str, ...]:
    """The lower-cased term plus a simple plural or singular of its last word.

    Why: abstracts write "LLMs" and "large language model" alike; listing
    both by hand in the file would double it for nothing.
    """
    low = " ".join(term.lower().split())
    head, _, last = low.rpartition(" ")
    prefix = head + " " if head else ""
    variants = [low]
    if not last or not last[-1].isalpha():
        return tuple(variants)
    acronym = term.split()[-1].rstrip("s").isupper()
    if acronym:
        # "LLM" <-> "LLMs"; "DNNs" -> "DNN".
        if term.split()[-1].endswith("s") and len(last) > 2:
            variants.append(prefix + last[:-1])
        else:
            variants.append(prefix + last + "s")
        return tuple(dict.fromkeys(variants))
    if len(last) < 3:
        return tuple(variants)
    if last.endswith("ies") and len(last) > 4:
        variants.append(prefix + last[:-3] + "y")
    elif last.endswith(("sses", "ches", "shes", "xes")):
        variants.append(prefix + last[:-2])
    elif last.endswith("s") and not last.endswith(("ss", "us", "is", "ics")):
        variants.append(prefix + last[:-1])
    elif last.endswith("y") and last[-2] not in "aeiou":
        variants.append(prefix + last[:-1] + "ies")
    elif last.endswith(("s", "x", "ch", "sh")):
        if not last.endswith(("ics", "is")):
            variants.append(prefix + last + "es")
    else:
        variants.append(prefix + last + "s")
    return tuple(dict.fromkeys(variants))


def _read(filename: str) -> str:
    try:
        return resources.files("extractors").joinpath("data", filename).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"extractors/data/{filename}", f"cannot read word list: {exc}") from exc


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> tuple[GazetteerEntry, ...]:
    """All bundled gazetteer entries, in file order (cached)."""
    return parse_gazetteer(_read(GAZETTEER_FILE), f"extractors/data/{GAZETTEER_FILE}")


@functools.lru_cache(maxsize=1)
def _stopterms() -> dict[str, str]:
    return parse_stopterms(_read(STOPTERMS_FILE), f"extractors/data/{STOPTERMS_FILE}")


@functools.lru_cache(maxsize=1)
def stop_acronym_plurals() -> frozenset[str]:
    """Lower-cased plurals the loader made of listed acronyms ("gds" of "GD", "zaps" of "zAP").

    Why: keys are lower-cased, so the plural "GDs" and another acronym written "GDS" share a key; only the
    first is the listed term.
    """
    listed = _stopterms_listed()
    lowered = {t.lower() for t in listed}
    return frozenset(v for term in listed if sum(c.isupper() for c in term.split()[-1]) >= 2
                     for v in term_variants(term)[1:] if v.endswith("s") and v not in lowered)


@functools.lru_cache(maxsize=1)
def stop_cased_words() -> frozenset[str]:
    """Lower-cased one-word stop terms listed with lower-case letters ("Apple", "Meta"), not in capitals ("FAIR")."""
    return frozenset(term.lower() for term in _stopterms_listed() if " " not in term and not term.isupper())


@functools.lru_cache(maxsize=1)
def _stopterms_listed() -> tuple[str, ...]:
    return tuple(term for _, (_, term) in _rows(_read(STOPTERMS_FILE), f"extractors/data/{STOPTERMS_FILE}",
                                                _STOP_HEADER))


def load_stopterms() -> dict[str, str]:
    """{lower-cased stop term: category}, with plural/singular variants (a fresh copy)."""
    return dict(_stopterms())


def surface_forms(entry: GazetteerEntry) -> tuple[str, ...]:
    """The name followed by its aliases, without repeats."""
    return tuple(dict.fromkeys((entry.name, *entry.aliases)))


def match_forms(entry: GazetteerEntry) -> tuple[tuple[str, bool], ...]:
    """Each surface form with whether it must match case-exactly.

    Cased entries match every form exactly. In a lower entry an acronym
    ("SAM", "ARC", "MATH", "ToT", "GoT") still matches exactly, because its
    lower-case spelling is usually an ordinary word.
    """
    return tuple((form, entry.cased or _is_acronym(form)) for form in surface_forms(entry))


def _is_acronym(form: str) -> bool:
    return bool(_ACRONYM.match(form) or _SHORT_MIXED.match(form))


@functools.lru_cache(maxsize=1)
def listed_spellings() -> frozenset[str]:
    """Every gazetteer form as listed, lower-cased (not the spellings other modules derive from them): "integrated
    gradients" is a listed form, "loras" only a plural of one."""
    return frozenset(form.lower() for entry in load_gazetteer() for form in surface_forms(entry))


@functools.lru_cache(maxsize=1)
def gazetteer_names() -> dict[str, tuple[str, str]]:
    """{canonical key of every surface form: (kind, canonical name)} (cached: one shared dict, never modified)."""
    out: dict[str, tuple[str, str]] = {}
    entries = load_gazetteer()
    for entry in entries:
        for form in surface_forms(entry):
            out.setdefault(canonical_key(form), (entry.kind, entry.name))
    for entry in entries:  # after every listed form: a listed form keeps its own entry
        for form in surface_forms(entry):
            for variant in number_join_variants(form):  # "Flickr 8k" of Flickr8k
                out.setdefault(canonical_key(variant), (entry.kind, entry.name))
    return out


@functools.lru_cache(maxsize=1)
def _exact_forms() -> dict[str, frozenset[str]]:
    """{canonical key: its surface forms} for keys whose every form matches case-exactly only."""
    forms: dict[str, set[str]] = {}
    loose: set[str] = set()
    for entry in load_gazetteer():
        for form, exact in match_forms(entry):
            key = canonical_key(form)
            if exact:
                forms.setdefault(key, set()).add(form)
            else:
                loose.add(key)
    return {k: frozenset(v) for k, v in forms.items() if k not in loose}


_CAMEL_HUMP = re.compile(r"[A-Z][a-z]+[A-Z]")


def case_clash(text: str) -> bool:
    """Is ``text`` a known name's key written in another case than any of its case-exact forms?

    "CoCo" is not "COCO", "Sam" is not "SAM": the gazetteer matches such forms only as written, so neither
    the kind nor the entity of the known name applies to them.
    """
    if text.isalpha() and len(text) >= 3 and text[0].isupper() and text[1:].islower():
        forms = _exact_forms().get(canonical_key(text))
        # "Sam" is not "SAM": a word in title case is not an acronym the list only knows in capitals; "Score" is
        # not "SCoRe": nor a dictionary word the list knows only in another case ("Mujoco" is MuJoCo misspelled)
        return forms is not None and text not in forms and (all(f.isupper() for f in forms) or
                                                            dictionary_word(text.lower()))
    if not _CAMEL_HUMP.search(text):
        return False  # "SAM", "ARC-e": a one-case or suffix spelling is the known name's own
    forms = _exact_forms().get(canonical_key(text))
    if forms is None:
        return False
    bare = text[:-1] if len(text) > 2 and text.endswith("s") else text
    # "CoCo" is not "COCO": a camel-case coinage beside an acronym known only in capitals; but "LLaMa" and
    # "OpenAI gym" are the known camel-case "LLaMA" and "OpenAI Gym" with a letter in another case
    return text not in forms and bare not in forms and all(f.upper() == f for f in forms)


def entity_key(text: str) -> str:
    """The key a mention is grouped by: :func:`canonical_key`, apart for a :func:`case_clash` spelling
    ("CoCo" keys as "coco =CoCo" and "Sam" as "sam =Sam", not as the known "COCO" and "SAM")."""
    key = canonical_key(text)
    return f"{key} ={text}" if case_clash(text) else key


def known_name(text: str) -> tuple[str, str] | None:
    """(kind, canonical name) of the known name ``text`` is a form of, written in a case that names it."""
    hit = gazetteer_names().get(canonical_key(text))
    return None if hit is None or case_clash(text) else hit


def spells_known(short: str, long_form: str, short_only: bool = True) -> bool:
    """Does ``long_form`` spell out the known name ``short`` stands for ("supervised finetuning" for SFT), rather
    than something else with the same letters ("boundary conditions (BCs)" beside the known BC)? ``short_only``
    is the answer when the list knows the short form alone, with nothing to compare against."""
    hit = known_name(short)
    if hit is None or canonical_key(hit[1]) == canonical_key(short):
        return short_only
    joined = (canonical_key(hit[1]).replace(" ", ""), canonical_key(long_form).replace(" ", ""))
    return difflib.SequenceMatcher(None, *joined).ratio() >= 0.8


def word_compound(text: str) -> bool:
    """Every hyphen-joined part is a plain dictionary word ("Reward-Penalty", "End-to-End"; not "Runge-Kutta")."""
    words = english_words()
    parts = text.split("-")
    return len(parts) >= 2 and all(p.isalpha() and p.lower() in words for p in parts)


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-cased English dictionary words (the web2 list of the english-words package, a dependency:
    imported with this module, so a missing package fails at import, never changing extraction)."""
    return frozenset(get_english_words_set(["web2"], lower=True))


def dictionary_word(low: str) -> bool:
    """A lower-case dictionary word, or a regular inflection of one ("interleaved", "routing", "widgets"):
    the word list holds base forms only."""
    words = english_words()
    if low in words:
        return True
    stems = [low[:-1]] if low.endswith("s") else []
    if low.endswith("ed"):
        stems += [low[:-2], low[:-1]]
    if low.endswith("ing"):
        stems += [low[:-3], low[:-3] + "e"]
    return any(len(stem) >= 3 and stem in words for stem in stems)
