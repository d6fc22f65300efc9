"""Is a surface form a stop term (field, model class, task, metric, ...)?

The word lists live in :mod:`extractors.gazetteer`; this module adds the
rules around them: canonical-key lookup (case, plural, dashes), and a generic
long form test for acronym definitions ("large language models (LLMs)").
"""
from __future__ import annotations

import functools
import re

from extractors.canonical import canonical_key, singular
from extractors.gazetteer import load_stopterms, stop_acronym_plurals, stop_cased_words

__all__ = ["stop_category", "language_pair_at", "without_language_pair", "is_generic_phrase", "GENERIC_HEADS", "METHOD_HEADS", "METRIC_HEADS",
           "lower_method_head",
           "ORG_WORDS", "is_organisation", "ends_adjective", "ADJECTIVE_ENDINGS", "NAME_HEAD_NOUNS",
           "stop_first_words", "listed_stop_category"]

#: Head nouns that make an all-lower-case phrase a class, field or object
#: rather than a named method ("markov decision process", "neural networks").
GENERIC_HEADS = frozenset({
    "model", "network", "process", "distance", "divergence", "equation", "problem", "task", "system",
    "setting", "function", "space", "metric", "score", "rate", "error", "ratio", "field", "theory", "agent",
    "policy", "game", "environment", "data", "dataset", "benchmark", "domain", "language", "graph",
    "representation", "distribution", "condition", "assumption", "inequality", "bound", "complexity",
    "regime", "paradigm", "scenario", "application", "device", "unit", "hardware", "processor", "chain",
    "intelligence", "vision", "reasoning", "generation", "recognition", "detection", "segmentation",
    "classification", "regression", "translation", "answering", "understanding", "retrieval", "analysis",
    "control", "planning", "prediction", "forecasting", "modeling", "modelling", "estimation", "inference",
    "alignment", "feedback", "interface", "framework", "method", "approach", "algorithm", "technique",
    "program", "programming", "variable", "parameter", "matrix", "operator", "layer", "token", "machine",
})


@functools.lru_cache(maxsize=1)
def _stops() -> dict[str, str]:
    """{canonical key: category} of the bundled stop terms; a malformed row raises GazetteerError."""
    raw = load_stopterms()
    out: dict[str, str] = {}
    for term, cat in sorted(raw.items()):
        out.setdefault(canonical_key(term), cat)
    for key, cat in sorted(out.items()):
        out.setdefault(_prefix_joined(key), cat)
    return out


#: Bound prefixes written with or without a hyphen: "multi-modal" = "multimodal", "pre-trained" = "pretrained".
_BOUND_PREFIX = re.compile(r"\b(multi|pre|post|non|semi|sub|inter|intra|anti) (?=[a-z])")


def _prefix_joined(key: str) -> str:
    """A canonical key with its bound prefixes joined to their word (keys turn hyphens into spaces)."""
    return _BOUND_PREFIX.sub(r"\1", key) if " " in key else key


def listed_stop_category(text: str) -> str | None:
    """The category of ``text`` when the stop list names it as written (no variant, compound or plural):
    "FooScore" listed as a metric, not "AUC-100" read as one."""
    return _stops().get(canonical_key(text))


@functools.lru_cache(maxsize=1 << 16)
def stop_category(text: str) -> str | None:
    """The stop-term category of ``text`` (any case/plural/dash variant), else None."""
    key = canonical_key(text)
    stops = _stops()
    # "GDS" is an acronym of its own, not the plural "GDs" of a listed "GD"
    own_acronym = text.isupper() and text.endswith("S") and key in stop_acronym_plurals()
    hit = None if own_acronym else stops.get(key)
    if hit == "organisation" and len(text) >= 4 and text.isupper() and key in stop_cased_words():
        hit = None  # "APPLE": an acronym spelled like a company written "Apple", not the company
    if hit is None and " " in key:
        hit = stops.get(_prefix_joined(key))
    if hit is None and key.endswith("s") and not own_acronym:
        hit = stops.get(singular(key))
    if hit is None and _metric_compound(text):
        hit = "metric"
    if hit is None and _hardware_compound(text):
        hit = "hardware"
    if hit is None and " " in text.strip():
        hit = _qualified_place_or_language(text)
    if hit is None and (_language_pair(text) or _named_language_pair(text)):
        hit = "language"
    if hit is None and _LICENCE.match(text):
        hit = "generic"
    if hit is None and (_UNIT.match(text) or _COUNTED_UNIT.match(text)):
        hit = "generic"
    return hit


#: A translation direction of two-letter language codes: "En-Zh", "en-de", "EN-JA" (both ISO 639-1 codes;
#: "TT-GP", "WG-KP" are names).
_LANGUAGE_PAIR = re.compile(r"^([A-Z][a-z]|[a-z]{2}|[A-Z]{2})[-\u2192>]([A-Z][a-z]|[a-z]{2}|[A-Z]{2})$")
#: ISO 639-1 language codes.
_ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo
es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg
ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn
no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta
te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split())


#: Languages machine translation and multilingual benchmarks commonly pair: a pair written in capitals ("LU-KV")
#: is a translation direction only between these (rare codes in capitals spell names: "KV" is a key-value cache).
_COMMON_LANGUAGES = frozenset("""
af am ar az be bg bn bs ca cs cy da de el en es et eu fa fi fr ga gl gu ha he hi hr hu hy id ig is it ja jv ka kk km
kn ko ky lo lt lv mk ml mn mr ms mt my ne nl no pa pl ps pt ro ru si sk sl so sq sr sv sw ta te tg th tl tr uk ur uz
vi xh yo zh zu""".split())


def _language_pair(text: str) -> bool:
    hit = _LANGUAGE_PAIR.match(text)
    if not hit:
        return False
    codes = _COMMON_LANGUAGES if text.isupper() else _ISO_639_1
    return hit.group(1).lower() in codes and hit.group(2).lower() in codes
#: A software or content licence, with its version: "Apache-2.0", "GPL-3.0", "CC-BY-NC-4.0", "MIT License".
_LICENCE = re.compile(r"^(?:Apache|A?GPL|LGPL|MPL|BSD|MIT|CC0|CC[- ]BY(?:-(?:NC|SA|ND))*)(?:[- ]?v?\d+(?:\.\d+)*)?"
                      r"(?:[- ](?:Clause|License|Licence|license|licence))*$")


def _named_language_pair(text: str) -> bool:
    """"Hindi-English", "German-French": two natural languages joined by a hyphen are a language pair."""
    parts = text.split("-")
    stops = _stops()
    return len(parts) == 2 and all(p[:1].isupper() and stops.get(canonical_key(p)) == "language" for p in parts)


#: A unit of measurement with an SI prefix ("meV", "GHz", "kWh", "dB", "mAh"): what a value is counted in.
_UNIT = re.compile(r"^(?:[kMGTmnµu]?(?:Hz|eV|Wh|W)|dBm?|mAh|kcal|[kMGT]Hz)$")
#: A count joined to what it counts: "16-DoF", "5-shot", "3-way", "12-layer".
_COUNTED_UNIT = re.compile(r"^\d+(?:\.\d+)?-?(?:DoF|DOF|dof|shot|way|layer|head|step|stage)s?$")


_COMPASS = re.compile(r"^(?:(?:north|south)(?:east|west)?|east|west|central|northern|southern|eastern|western)"
                      r"(?:[ -]|$)", re.I)
#: Adjective endings of peoples and regions ("Brazilian", "Japanese", "British", "Arabic").
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ese|ish|ic|i)$")


def _qualified_place_or_language(text: str) -> str | None:
    """"South Asia", "Southeast Asian", "East Africa": a compass word before a place (or its people's adjective)
    is a place; "American English", "Brazilian Portuguese": a people's adjective before a language is a language."""
    words = text.strip().split()
    if len(words) != 2:
        return None
    first, last = words
    stops = _stops()
    if _COMPASS.match(first):
        for place in (last, last[:-1], last[:-2], last[:-2] + "e"):
            if place and stops.get(canonical_key(place)) == "place":
                return "place"
    if _DEMONYM.match(first) and stops.get(canonical_key(last)) == "language":
        return "language"
    return None


#: A bit width ("2-bit", "4-Bit", "8bit") or a count or memory size joined to hardware ("64-GPU", "A100-80GB",
#: "8xH100"): number formats and machines, not names.
_BIT_WIDTH = re.compile(r"^\d+(?:\.\d+)?-?bits?$", re.I)
_HARDWARE_PART = re.compile(r"^(?:\d+(?:\.\d+)?(?:[KMGT]B)?|\d+x)$", re.I)


def _hardware_compound(text: str) -> bool:
    if _BIT_WIDTH.match(text):
        return True
    if _PREFIXED_MACHINE.match(text) and _stops().get(canonical_key(text[1:])) == "hardware":
        return True  # "mGPU", "vCPU": a mobile or virtual kind of a listed machine
    if " " in text:
        return False
    parts = [p for p in re.split(r"-|(?<=^\d)x|(?<=^\d\d)x|(?<=^\d\d\d)x", text) if p]
    if len(parts) < 2:
        return False
    machines = [p for p in parts if _stops().get(canonical_key(p)) == "hardware"]
    return bool(machines) and all(p in machines or _HARDWARE_PART.match(p) for p in parts)


_PREFIXED_MACHINE = re.compile(r"^[a-z][A-Z]{2,4}$")
_AT_K = re.compile(r"^([^@\s]+)@\d+$")
#: Words that qualify a metric without naming anything: "macro-F1", "top-5", "brier-minFDE".
_METRIC_QUALIFIERS = frozenset({"macro", "micro", "weighted", "balanced", "mean", "avg", "top", "brier"})


def _metric_compound(text: str) -> bool:
    """A metric joined to a qualifier by a hyphen or slash ("PR-AUC", "BLEU-4", "AUC/ROC"): the other parts
    are short all-capital qualifiers or numbers, so the compound measures, it does not name a method."""
    at = _AT_K.match(text)
    if at is not None:  # "Recall@10", "nDCG@5": a metric at a cut-off
        base = at.group(1)
        return _stops().get(canonical_key(base)) == "metric" or _metric_compound(base)
    parts = [p for p in text.replace("/", "-").split("-") if p]
    if len(parts) < 2 or " " in text:
        return False
    metric = [p for p in parts if _stops().get(canonical_key(p)) == "metric"]
    rest = [p for p in parts if p not in metric]
    return bool(metric) and all(p.isdigit() or (p.isupper() and len(p) <= 4) or p.lower() in _METRIC_QUALIFIERS
                                for p in rest)


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


#: Heads of lower-case long forms that do name a technique ("stochastic gradient descent").
METHOD_HEADS = frozenset({
    "descent", "ascent", "optimization", "optimisation", "search", "sampling", "sampler", "attention",
    "regularization", "normalization", "dropout", "memory", "transformer", "autoencoder", "encoder",
    "boosting", "forest", "tree", "filter", "carlo", "thought", "adaptation",
    "augmentation", "decoding", "quantization", "pruning", "splatting",
    "estimator", "iteration", "propagation", "backpropagation", "annealing",
    "machine", "perceptron", "matching", "prompting",
    "aggregation", "interpolant", "mechanism", "method", "algorithm", "optimizer", "policy",
})


#: Head nouns of a measurement: a defined name ending in one names a metric ("Widget Consistency Score").
METRIC_HEADS = frozenset({"score", "index", "distance", "ratio", "error", "metric", "measure", "similarity",
                          "quality", "accuracy", "rate", "coefficient", "divergence"})


def is_generic_phrase(text: str) -> bool:
    """True for lower-case descriptive phrases headed by a generic noun.

    "markov decision process", "deep neural networks" are generic; "long
    short-term memory" or anything written with capitals is not judged here.
    """
    words = text.split()
    if not words:
        return False
    if words[0][:1].isupper() and words[0][1:].islower() and len(words) > 1:
        words = [words[0].lower(), *words[1:]]  # "Dynamical systems": a sentence-initial capital
    # capitals only in acronyms ("I2V diffusion models") still read as descriptive
    if any(any(c.isupper() for c in w) and not _acronym(w) for w in words):
        return False
    if all(_acronym(w) for w in words):
        return False
    head = singular(words[-1].lower().split("-")[-1])
    return head in GENERIC_HEADS


ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ible", "able", "ic", "ate", "ary")
#: Head nouns a name may carry or drop ("Gravity optimizer" = "Gravity", "LOL dataset" = "LOL").
NAME_HEAD_NOUNS = ("algorithm", "method", "framework", "model", "approach", "technique", "optimizer", "architecture",
                   "network", "loss", "strategy", "scheme", "procedure", "system", "pipeline", "dataset", "benchmark",
                   "corpus", "suite")


def ends_adjective(text: str) -> bool:
    """An all-lower-case phrase ending in an adjective ("differentially private") names no thing."""
    words = text.split()
    return bool(words) and text.islower() and words[-1].endswith(ADJECTIVE_ENDINGS) and \
        words[-1] not in METHOD_HEADS


def lower_method_head(text: str) -> bool:
    """True when an all-lower-case phrase ends in a technique noun ("... gradient descent")."""
    words = text.lower().split()
    if words and words[-1].endswith(ADJECTIVE_ENDINGS) and words[-1] not in METHOD_HEADS:
        return False
    return bool(words) and singular(words[-1].split("-")[-1]) in {singular(h) for h in METHOD_HEADS}


#: Words that make a Title Case phrase an organisation, not a method.
ORG_WORDS = frozenset({
    "centre", "center", "institute", "university", "laboratory", "laboratories", "lab", "labs", "foundation",
    "agency", "inc", "inc.", "corporation", "corp", "company", "organization", "organisation", "association",
    "society", "council", "consortium", "academy", "college", "school", "department", "ministry", "office",
    "bureau", "conference", "workshop", "symposium", "proceedings", "journal",
})


def is_organisation(text: str) -> bool:
    """"Northern Institute for Widget Studies", "Example University"."""
    return any(w.lower().strip(",.") in ORG_WORDS for w in text.split())


@functools.lru_cache(maxsize=1)
def stop_first_words() -> frozenset[str]:
    """First words of multi-word stop terms: only a name starting one can modify a stop term."""
    return frozenset(k.split()[0] for k in _stops() if " " in k)


#: A language pair, perhaps after an edition year: "English-German", "2016 English-German", "Vietnamese to
#: English", "en-de", "En→De" (language names from the stop list's "language" rows).
_PAIR = r"(?:(?P<a>[A-Z][a-z]+)(?:\s*(?:-|\u2013|\u2192|->)\s*|\s+to\s+|-to-)(?P<b>[A-Z][a-z]+)|" \
        r"[a-z]{2}-[a-z]{2}|[A-Z][a-z]-[A-Z][a-z]|[A-Z]{2}-[A-Z]{2}|[a-zA-Z]{2}\u2192[a-zA-Z]{2})(?![\w-])"
_PAIR_AT = re.compile(r"(?:[\s'’-]?(?:19|20)?\d\d)?\s+" + _PAIR)
_PAIR_END = re.compile(r"\s+" + _PAIR + r"$")


def _languages(hit: re.Match) -> bool:
    return not hit.group("a") or (stop_category(hit.group("a")) == "language" and
                                  stop_category(hit.group("b")) == "language")


def language_pair_at(text: str, pos: int) -> int:
    """The length of a language pair at ``pos`` (after a translation collection's name), 0 when none."""
    hit = _PAIR_AT.match(text, pos)
    return hit.end() - pos if hit is not None and _languages(hit) else 0


def without_language_pair(name: str) -> str:
    """"FooMT14 English-German" -> "FooMT14": the collection one language pair of it belongs to."""
    hit = _PAIR_END.search(name)
    return name[:hit.start()] if hit is not None and hit.start() > 0 and _languages(hit) else name
