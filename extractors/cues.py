"""Shape and context cues: name-like tokens and the words around them.

Shape cues find names by how they are written (mixed case "LoRA",
acronyms "PPO", digits and versions "GPT-4o", "Qwen2.5-7B", "ResNet-50",
Title Case runs "Prefix Grouper" in running text). Context cues (a spaCy
PhraseMatcher over LOWER, built in :mod:`extractors.components`) type them:
"X dataset", "on the X benchmark", "trained on X", "evaluated on X",
"the X optimizer", "outperforms X", "X-based"; coordinated lists
("such as X, Y and Z") share one type.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from itertools import compress
from typing import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from extractors.canonical import SIZED_NUMBER, canonical_key, singular
from extractors.docstate import state
from extractors.docutil import doc_text, field_of, make_mention, sentence_ids, token_columns, token_table
from extractors.gazetteer import dictionary_word, english_words, gazetteer_names, known_name, load_stopterms, word_compound
from extractors.nonnames import UNDERSCORE_NAME, generic_numbered
from extractors.terms import stop_category
from extractors.urls import continues_split_host
from kg.schema import DATA_KINDS

__all__ = [
    "CUE_PATTERNS",
    "TASK_NOUNS",
    "cue_phrases",
    "Candidate",
    "name_shape",
    "noun_data_kind",
    "candidates",
    "extract_cues",
    "suffix_kind",
    "LOWER_COMPOUND",
    "DATA_NOUNS",
    "BENCH_NOUNS",
    "SPLIT_NOUNS",
    "modifies_method_head",
    "EDITION_WORDS",
    "STARTERS",
    "ends_with_event",
    "size_word",
    "METHOD_NOUNS",
    "model_shaped",
    "PLURAL_DATA_NOUN_KIND",
    "counted_kind",
    "lower_case_data_lists",
    "population_schemes",
    "surname_techniques",
]

DATA_NOUNS = frozenset({"dataset", "datasets", "corpus", "corpora", "data-set", "collection", "database",
                        "databases", "archive"})
BENCH_NOUNS = frozenset({"benchmark", "benchmarks", "suite", "suites", "leaderboard", "testbed", "test-bed", "arena"})


def noun_data_kind(noun: str) -> str | None:
    """"dataset" for a data noun ("corpus"), "benchmark" for a benchmark noun ("suite"), else None (lower case in)."""
    return "dataset" if noun in DATA_NOUNS else "benchmark" if noun in BENCH_NOUNS else None
#: Parts of a dataset named after it: "the Heron split", "the Fiqa and Scidocs subsets".
SPLIT_NOUNS = frozenset({"split", "subset", "subsets"})  # not "splits": "X splits the input" is a verb
METHOD_NOUNS = frozenset({
    "optimizer", "optimizers", "optimiser", "algorithm", "algorithms", "architecture", "architectures",
    "method", "methods", "framework", "frameworks", "model", "models", "loss", "backbone", "backbones",
    "network", "networks", "technique", "approach", "objective", "sampler", "scheduler", "policy",
    "encoder", "decoder", "agent", "agents", "baseline", "baselines", "family", "variant", "variants",
    "mechanism", "module", "strategy", "scheme",
})
#: Nouns naming a part of a system after its name or acronym: "the WF module", "a Widget Fusion (WF) block".
COMPONENT_NOUNS = ("module", "block", "layer", "head", "unit", "branch", "component")
#: Heads a data noun may modify without naming data: "a dataset distillation framework", "a benchmark
#: construction pipeline" describe methods and tools.
_TOOL_HEADS = METHOD_NOUNS | {"pipeline", "pipelines", "system", "systems", "tool", "tools", "toolkit", "library",
                              "platform", "engine"}
#: Words that end a noun phrase, so a data noun before them is its head.
_PHRASE_ENDS = frozenset({"for", "of", "from", "with", "in", "on", "across", "about", "to", "toward", "towards", "that",
                          "which", "where", "and", "or", "by", "under", "over", "at", "via", "as", "is", "are", "was",
                          "were", "has", "have", "built", "made"})


def modifies_method_head(toks, k: int) -> bool:
    """The data noun at ``k`` only modifies a method head after it ("a dataset distillation framework"): a run of
    plain lower-case words up to a method or tool noun, with no preposition, verb or punctuation between."""
    for t in toks[k + 1:k + 5]:
        low = t.lower_
        if low in _TOOL_HEADS:
            return True
        if low in DATA_NOUNS or low in BENCH_NOUNS:
            continue  # "a dataset collection tool": the run goes on to its head
        if not t.text.replace("-", "").isalpha() or not t.text.islower() or low in _PHRASE_ENDS or low.endswith("ed"):
            return False
    return False


_TRAIN_ON = ["trained", "pretrained", "pre-trained", "finetuned", "fine-tuned", "fine-tune", "finetune",
             "train", "training", "pretraining", "pre-training", "fine-tuning", "finetuning", "distilled"]
_EVAL_ON = ["evaluated", "evaluate", "evaluating", "evaluation", "evaluations", "experiments", "experiment",
            "results", "tested", "test", "testing", "benchmarked", "accuracy", "performance", "score", "scores",
            "sota", "state-of-the-art", "gains", "improvements", "improves", "achieves", "achieving",
            "validated", "validate", "simulations", "simulation"]  # "numerical simulations on X": a system run
#: Task nouns a place of measurement follows: "semantic segmentation on X", "question answering on Y".
TASK_NOUNS = ["classification", "segmentation", "detection", "recognition", "retrieval", "captioning",
               "translation", "summarization", "summarisation", "answering", "forecasting", "grading",
               "subtyping", "parsing", "tracking", "localization", "localisation", "estimation", "completion",
               "reranking", "re-ranking", "grounding", "propagation", "prediction", "generation", "reconstruction",
               "restoration", "denoising", "registration", "inpainting", "matching", "extraction", "diarization"]
_BEATS = ["outperforms", "outperform", "outperforming", "outperformed", "surpasses", "surpass", "surpassing",
          "beats", "beating", "versus", "vs", "vs."]

#: (label, pattern) for the context Matcher; the label says which side the
#: cued name is on (LEFT: name follows the match, RIGHT: name precedes it) and its kind.
#: Written as Matcher patterns for reading; :func:`cue_phrases` expands them to
#: the fixed phrases the ``kg_cues`` PhraseMatcher looks for.
CUE_PATTERNS: tuple[tuple[str, list], ...] = (
    ("LEFT:dataset:trained-on-X", [{"LOWER": {"IN": _TRAIN_ON}},
                                   {"LOWER": {"IN": ["it", "them", "models", "model", "policies"]}, "OP": "?"},
                                   {"LOWER": "on"}, {"LOWER": "the", "OP": "?"}]),
    ("LEFT:benchmark:evaluated-on-X", [{"LOWER": {"IN": _EVAL_ON}},
                                       {"LOWER": {"IN": ["zero-shot", "few-shot", "extensively", "empirically",
                                                         "also", "further", "directly", "it", "them", "models"]},
                                        "OP": "?"},
                                       {"LOWER": {"IN": ["on", "across"]}},
                                       {"LOWER": {"IN": ["the", "both", "challenging", "popular", "standard"]},
                                        "OP": "?"}]),
    ("LEFT:benchmark:benchmarks-such-as-X", [{"LOWER": {"IN": ["benchmarks", "benchmark", "suites", "tasks",
                                                               "evaluations", "leaderboards", "testbeds",
                                                               "environments", "simulators"]}},
                                             {"LOWER": ",", "OP": "?"},  # "large-scale evaluations, such as X"
                                             {"LOWER": {"IN": ["such", "including", "like", "(", ":", "--", "---",
                                                               "\u2014", "\u2013"]}},
                                             {"LOWER": {"IN": ["as", "e.g.", "e.g", "i.e."]}, "OP": "?"}]),
    ("LEFT:dataset:datasets-such-as-X", [{"LOWER": {"IN": ["datasets", "dataset", "corpora", "corpus", "data",
                                                           "standards", "collections", "testsets"]}},
                                         {"LOWER": {"IN": ["such", "including", "like", "(", ":"]}},
                                         {"LOWER": {"IN": ["as", "e.g.", "e.g", "i.e."]}, "OP": "?"}]),
    ("LEFT:benchmark:benchmark-X", [{"LOWER": {"IN": ["benchmarks", "testbeds", "leaderboards"]}}]),
    ("LEFT:dataset:dataset-X", [{"LOWER": {"IN": ["datasets", "corpora"]}}]),
    ("LEFT:benchmark:task-on-X", [{"LOWER": {"IN": TASK_NOUNS}}, {"LOWER": "on"}, {"LOWER": "the", "OP": "?"}]),
    ("LEFT:benchmark:points-on-X", [{"LOWER": {"IN": ["points", "point", "%", "pp", "percent", "percentage"]}},
                                    {"LOWER": {"IN": ["on", "in"]}}, {"LOWER": "the", "OP": "?"}]),
    ("RIGHT:benchmark:X-test-set", [{"LOWER": {"IN": ["test", "validation", "dev", "evaluation", "held-out",
                                                      "training", "train"]}},
                                    {"LOWER": {"IN": ["set", "sets", "split", "splits"]}}]),
    ("RIGHT:benchmark:X-split", [{"LOWER": {"IN": sorted(SPLIT_NOUNS)}}]),
    ("LEFT:method:outperforms-X", [{"LOWER": {"IN": _BEATS}}, {"LOWER": {"IN": ["the", "strong"]}, "OP": "?"}]),
    ("LEFT:method:compared-with-X", [{"LOWER": {"IN": ["compared", "comparison", "comparisons", "relative"]}},
                                     {"LOWER": {"IN": ["with", "to", "against"]}},
                                     {"LOWER": {"IN": ["the", "standard", "vanilla"]}, "OP": "?"}]),
    ("LEFT:method:baselines-such-as-X", [{"LOWER": {"IN": ["baselines", "methods", "algorithms", "optimizers",
                                                           "models", "architectures", "approaches"]}},
                                         {"LOWER": {"IN": ["such", "including", "like"]}},
                                         {"LOWER": "as", "OP": "?"}]),
    ("LEFT:dataset:data-from-X", [{"LOWER": {"IN": ["data", "samples", "images", "documents", "texts", "text",
                                                     "examples", "collected", "crawled", "sourced", "drawn",
                                                     "sampled", "scraped", "extracted", "video", "videos",
                                                     "recordings", "scans", "clips", "audio", "utterances",
                                                     "questions", "problems", "assembled", "pooled", "gathered",
                                                     "compiled", "aggregated", "curated", "photographs", "hours",
                                                     "programs", "solutions", "posts", "reviews", "instances",
                                                     "imagery", "prompts", "statements", "datasets", "corpora",
                                                     "subsets", "collections"]}},
                                  {"LOWER": "from"}, {"LOWER": "the", "OP": "?"}]),
    ("LEFT:dataset:data-based-on-X", [{"LOWER": {"IN": ["dataset", "datasets", "corpus", "corpora", "benchmark",
                                                          "benchmarks"]}},
                                       {"LOWER": {"IN": ["based", "built", "derived", "constructed", "created"]}},
                                       {"LOWER": {"IN": ["on", "upon", "from"]}}, {"LOWER": "the", "OP": "?"}]),
    ("LEFT:benchmark:tasks-from-X", [{"LOWER": {"IN": ["benchmarks", "tasks", "environments", "games"]}},
                                     {"LOWER": "from"}, {"LOWER": "the", "OP": "?"}]),
    ("LEFT:dataset:subset-of-X", [{"LOWER": {"IN": ["subset", "subsets", "split", "splits", "portion"]}},
                                  {"LOWER": "of"}, {"LOWER": "the", "OP": "?"}]),
    ("RIGHT:dataset:X-dataset", [{"LOWER": {"IN": sorted(DATA_NOUNS)}}]),
    ("RIGHT:benchmark:X-benchmark", [{"LOWER": {"IN": sorted(BENCH_NOUNS)}}]),
    ("RIGHT:benchmark:X-environments", [{"LOWER": {"IN": ["environment", "environments", "games", "tasks",
                                                          "domains", "simulator", "leaderboards", "track",
                                                          "challenge", "challenges", "competition"]}}]),
    ("RIGHT:method:X-optimizer", [{"LOWER": {"IN": sorted(METHOD_NOUNS)}}]),
)

#: Metrics of cost rather than of quality: "a 2x speedup on H100" is measured on hardware, not on data.
_COST_METRICS = frozenset({"compute efficiency", "data efficiency", "flops", "gflops", "latency", "macs",
                           "memory footprint", "parameter count", "return", "sample efficiency", "speedup",
                           "throughput", "time-to-first-token", "tokens per second", "tpot", "training loss",
                           "ttft", "wall-clock time", "cumulative reward", "human preference", "q-value",
                           "validation loss"})


def _metric_phrases() -> list[tuple[str, str]]:
    """"81.2 mAP on X", "FID on the X": a quality metric reported on a name makes it a benchmark.
    The metric words are the stop list's metric category, one fact in one place."""
    metrics = sorted(term for term, cat in load_stopterms().items()
                     if cat == "metric" and term not in _COST_METRICS and singular(term) not in _COST_METRICS)
    return [("LEFT:benchmark:metric-on-X", f"{m} {tail}") for m in metrics for tail in ("on", "on the")]


def _modality_phrases() -> list[tuple[str, str]]:
    """"CT scans from X", "MRI from the X": a kind of sensed data taken from a name makes it a dataset (the
    modality words are the stop list's modality category)."""
    modalities = sorted(term for term, cat in load_stopterms().items() if cat == "modality")
    return [("LEFT:dataset:data-from-X", f"{m} {tail}") for m in modalities for tail in ("from", "from the")]


def cue_phrases() -> list[tuple[str, str]]:
    """(label, phrase) for every word sequence CUE_PATTERNS can match, and the metric cues.

    The patterns only use LOWER values, IN sets and optional tokens, so they
    expand to fixed phrases that a PhraseMatcher finds by hashing, far faster
    than a token-by-token Matcher with set predicates.
    """
    out: list[tuple[str, str]] = _metric_phrases() + _modality_phrases()
    for label, pattern in CUE_PATTERNS:
        variants: list[list[str]] = [[]]
        for tok in pattern:
            value = tok["LOWER"]
            words = value["IN"] if isinstance(value, dict) else [value]
            grown = [v + [w] for v in variants for w in words]
            variants = variants + grown if tok.get("OP") == "?" else grown
        out.extend((label, " ".join(v)) for v in variants)
    return sorted(set(out))


#: A Greek letter (and digits) after a hyphen ending a name: "FooPO-λ", "Bar-α2".
_GREEK_TAIL = re.compile(r"-[α-ωΑ-Ω]\d*$")
#: A one- or two-letter lower-case prefix and a hyphen before a name: "m-FooQA", "x-BarNLI" (multilingual or
#: cross-lingual editions).
_LANGUAGE_PREFIX = re.compile(r"^[a-z]{1,2}-(?=[A-Z0-9])")
#: A capitalised word glued to a version number: "Voice3", "Widget2".
_WORD_VERSION = re.compile(r"^[A-Z][a-z]{2,}\d{1,2}$")
#: Lower-case words that name a variant of a model after a hyphen.
_VARIANT_WORDS = frozenset({"mini", "beta", "alpha", "base", "large", "small", "chat", "instruct", "lite", "pro", "plus",
                            "turbo", "preview", "tiny", "nano", "max", "ultra", "flash", "medium", "xl", "xxl"})
#: Words that make an edition of a named collection after it: "FooEval Pro", "BarQA Plus", "BazBench Verified".
EDITION_WORDS = ("Pro", "Plus", "Lite", "Hard", "Verified", "Live", "Mini", "Max", "Extended", "Ultra")
_SHORT_WORDS = frozenset({"on", "in", "at", "to", "of", "by", "as", "is", "an", "or", "up", "re", "co", "un", "no",
                          "so", "we", "it", "be", "do", "go", "my", "me", "us", "vs", "ex", "de", "pre", "non"})
_PARTS = re.compile(r"[-.\u2013]+")  # an en dash joins two surnames as a hyphen does ("Gauss\u2013Newton")
_MIXED = re.compile(r"[a-z][A-Z]|^[A-Z]{2,}[a-z]|^[a-z]+[A-Z]")
_TWO_DIGITS = re.compile(r"^\d\d$")
_MODEL_SIZE = re.compile(r"^\d+(?:\.\d+)?[BM]$")
#: Capitalised describers that do not name data ("a Public dataset", "the Large benchmark").
_DESCRIPTIVE_WORD = re.compile(r"^(?:\w+(?:al|ic|ive|ous|able|ible|ary|ful|less)|large|small|big|new|real|standard|"
                               r"common|popular|original|full|entire|main|final|open|hard|easy|clean|noisy|"
                               r"recent|existing|current|prior|previous|latest|emerging|leading|"
                               r"several|various|other|multi|single|our|their|this|these|both)$")
#: A model name by its parameter count, possibly followed by a variant word ("Qwen2.5-7B", "Llama 3 70B",
#: "Foo-2-13B-chat", "Bar-8x7B", "Baz-MoE-A2.7B", "Foo-3-8B-Instruct"), or by a chat variant with no size ("Foo-VL-Chat").
#: Counts in millions name collections as often as models ("Foo-10M" clips), so only billions count.
_MODEL_NAME = re.compile(r"[-\s](?:\d+x)?A?\d+(?:\.\d+)?B(?:-(?i:chat|instruct|it|base|hf|sft|dpo|preview|v\d+(?:\.\d+)*))?"
                         r"(?:-(?i:\d{1,2}-?bits?|int[48]|awq|gptq|fp16|bf16|fp8|gguf))?$|"
                         r"[A-Za-z0-9]-Chat$")


#: A tier word after a name (and its version): "Foo-2 XL", "Bar 4.0 Sonnet", "Baz-Large".
_TIER = re.compile(r"(?:[-\s]v?\d+(?:\.\d+)*)?[-\s](?:XL|XXL|Large|Base|Small|Medium|Tiny|Mini|Huge|Giant|Nano|Lite|"
                   r"Turbo|Flash|Sonnet|Opus|Haiku)$")


def model_shaped(text: str) -> bool:
    """A sized or chat-tuned model name, or a tier of a known model ("Foo-2 XL" when Foo-2 is a known model):
    what a method is run as, never the data it is measured on."""
    if _MODEL_NAME.search(text) is not None:
        return True
    glued = _GLUED_TIER.search(text)
    if glued is not None and glued.start() >= 2 and (known := known_name(text[:glued.start()])) is not None and \
            known[0] == "method":
        return True  # "BERTbase": a known model and its tier written without a space
    tier = _TIER.search(text)
    if tier is None or tier.start() == 0:
        return False
    before_tier = text[:len(text) - len(re.split(r"[-\s]", tier.group())[-1]) - 1]  # "Foo-2" of "Foo-2 XL"
    known = known_name(before_tier) or known_name(text[:tier.start()])  # or "Bar" of "Bar 4.0 Sonnet"
    return known is not None and known[0] == "method"
_GLUED_TIER = re.compile(r"(?:base|large|small|tiny|mini|medium|huge)$")
_SIZE = re.compile(r"^(?:\d+(?:\.\d+)?[BMKbmk]|v\d+(?:\.\d+)*|XL|XXL|Small|Base|Large|Tiny|Mini|Instruct|Chat)$")
_VERSION_SUFFIX = re.compile(r"-(?:base|large|small|tiny|mini|medium|huge|xl|xxl|instruct|chat|v\d+(?:\.\d+)*)$",
                             re.I)


def size_word(word: str) -> bool:
    """A model-size or variant word ("Large", "Tiny", "Instruct"): it sizes a name, it does not extend it."""
    return bool(_VERSION_SUFFIX.search("-" + word))


_AFFIX = re.compile(r"-(based|style|like|type|driven|guided|free|aware|augmented|enhanced|tuned|trained|pretrained|derived|labelled|labeled|annotated|"
                    r"generated|only|specific|level|scale|wise|inspired|powered|centric|friendly|architecture|"
                    r"compatible)$", re.I)
#: A lower-case participle joined to a name makes an adjective: "Foo-hosted data", "L1-regularized".
_PARTICIPLE = re.compile(r"-([a-z]{2,}ed)$")
_NOT_NAME = re.compile(
    r"^(?:[kMGTP]?(?:Hz|B|FLOPs?|FLOPS|dB|bps|W|Wh|J|V|eV|px)|[0-9]+(?:\.[0-9]+)?[kMG]?(?:Hz|bps|fps|FPS)|"
    r"[0-9]+[A-Za-z]{0,2}|(?:[a-z]+-)?[1-9](?:\.5)?D(?:-[a-z]+)*|L[0-9p]|[A-Z][0-9]{3,4}|[IVX]{2,5}|[A-Z]\.|[A-Z]|O\(.*|N/A|"
    r"[A-Z][a-z]+|[a-z]+|[A-Z]{2}[a-z]{3,}|[A-Z][0-9]|"
    r"(?i:level|stage|phase|round|step|tier|epoch|layer|block|head|rank)[-_]?[0-9]{1,2})$")  # "LEVEL2": an ordinal
#: Capitalised head words that make an acronym before them the name of a collection ("FOO Gym").
_DATA_HEADS = frozenset({"Gym", "Arena", "Bench", "Suite", "Leaderboard"})
#: "FooBench++" is a new edition, "FooBench-201" or "BarQA v2" a numbered one.
_ENDS_DATA = re.compile(r"(?:Bench|bench|-QA|QA|Eval|Arena|Gym)(?:\+\+)?(?:[-\s]?v?\d+(?:\.\d+)?)?$")
#: Name endings of a collection of data: "FooCorpus", "BarBank", "Baz-DB".
_ENDS_DATASET = re.compile(r"[a-z0-9-](?:Corpus|Dataset|DataSet|Bank|DB)$|[A-Za-z0-9]-(?:Train|Test|Val)$")
_ENDS_METHOD = re.compile(r"(?:Net|Former|former|GAN|BERT|GPT)(?:\+\+)?(?:-?\d+[A-Za-z]?)?$")
_CAP_CONNECT = frozenset({"of", "for", "from", "with", "to", "in", "on", "and"})
STARTERS = frozenset({
    "we", "our", "this", "these", "those", "in", "on", "for", "to", "by", "with", "however", "moreover",
    "furthermore", "finally", "additionally", "experiments", "experimental", "extensive", "results", "using",
    "unlike", "while", "although", "despite", "recently", "specifically", "existing", "most", "many", "such",
    "further", "code", "as", "at", "it", "its", "the", "a", "an", "both", "each", "when", "then", "thus",
    "here", "there", "given", "based", "compared", "inspired", "notably", "importantly", "overall", "first",
    "second", "third", "lastly", "also", "to", "from", "after", "before", "since", "if", "all", "two", "three",
    "empirically", "theoretically", "evaluations", "project", "source", "building", "leveraging",
    "alongside", "beyond", "besides", "across", "among", "amongst", "within", "without", "throughout", "toward",
    "towards", "following", "regarding", "via", "other", "several", "some", "various", "prior", "previous",
})


@dataclass(frozen=True)
class Candidate:
    """A name-like span in token and character coordinates."""

    start: int  # token index
    end: int  # token index (exclusive)
    start_char: int
    end_char: int
    rule: str
    kind: str = "term"  # method | dataset | benchmark | term (untyped yet)
    confidence: float = 0.5


_shape_cache: dict[str, str | None] = {}


#: A capitalised word ending like a model: "Zorbformer", "Quellnet", "Vostgan".
_COINED_MODEL_WORD = re.compile(r"^[A-Z][a-z]{2,}(?:former|net|gan)$")
#: Element symbols, each with an optional count: the make-up of a chemical formula.
_ELEMENTS = ("H|He|Li|Be|B|C|N|O|F|Ne|Na|Mg|Al|Si|P|S|Cl|Ar|K|Ca|Sc|Ti|V|Cr|Mn|Fe|Co|Ni|Cu|Zn|Ga|Ge|As|Se|Br|Kr|Rb|"
             "Sr|Y|Zr|Nb|Mo|Ru|Rh|Pd|Ag|Cd|In|Sn|Sb|Te|I|Xe|Cs|Ba|La|Ce|Nd|Gd|Hf|Ta|W|Re|Os|Ir|Pt|Au|Hg|Tl|Pb|Bi|U")
_FORMULA = re.compile(rf"^(?:(?:{_ELEMENTS})\d*){{2,5}}$")
_METAL_AND_ONE = re.compile(r"^[A-Z][a-z][HBCNOFPSKVWYIU]$")


def _chemical_formula(t: str) -> bool:
    """Is a token a chemical formula ("CO2", "BeH2", "LiH")? Element symbols with one-digit counts, or a metal and a
    one-letter element (so that "CNN", "CUHK01", "COCO2014" and "CoRe" stay names)."""
    if not _FORMULA.match(t) or known_name(t) is not None or re.search(r"\d\d", t):
        return False
    if any(c.isdigit() for c in t):
        return any(c.islower() for c in t) or len(t) <= 4  # "BeH2", "CO2" (not "COCO2014", "CUHK01")
    # no count: a metal and a one-letter element ("LiH", "GaN"); two two-letter symbols are too often a coined
    # name ("CoRe")
    return bool(_METAL_AND_ONE.match(t))


#: A lower-case name coined as "something to vector/sequence" or one word twice around "2".
_TWO_VEC = re.compile(r"^(?:[a-z][a-z0-9]{2,}2(?:vec|seq)|([a-z]{3,})2\1)(?:\+\+)?$")
#: Words ending in "net" that name networks of computers, not models (the dictionary lacks some).
_NETWORK_WORDS = frozenset({"internet", "intranet", "ethernet", "usenet", "extranet"})


def name_shape(text: str) -> str | None:
    """Shape class of one token if it is written like a name, else None.

    Classes: "acronym" (PPO, GSM8K, CIFAR-10), "mixed" (LoRA, DeepSeek-R1,
    GPT-4o), "alnum" (ERA5, Llama-3, Kimi-k1.5), "capcompound"
    (Metropolis-Hastings, Actor-Critic), "plusplus" (DrivAerNet++).
    """
    hit = _shape_cache.get(text)
    if hit is not None or text in _shape_cache:
        return hit
    _shape_cache[text] = result = _classify(text)
    return result


#: A name in capitals (three letters or more) and one lower-case letter after a hyphen.
_ACRONYM_LETTER_VARIANT = re.compile(r"[A-Z][A-Z0-9]{2,}-[a-z]")
#: A name in capitals and a short lower-case code after a hyphen (not "GAN-based": a word is a modifier).
_ACRONYM_CODE_VARIANT = re.compile(r"([A-Z][A-Z0-9]{2,})-([a-z]{2,5})")
_HYPHENED_WORDS = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+")
#: A name and the last two digits of a year after an apostrophe: "FOOMT'21", "Gizmo’19".
_APOSTROPHE_EDITION = re.compile(r"(.*[A-Za-z])['\u2019](\d\d)")


def _classify(t: str) -> str | None:
    if len(t) < 2 or len(t) > 40 or not t[0].isalnum():
        return None
    if _COINED_MODEL_WORD.match(t) and t.lower() not in english_words() and t.lower() not in _NETWORK_WORDS:
        return "mixed"  # "Zorbformer", "Quellnet": a coined model name ends like one (not "Planet", "Informer")
    if _TWO_VEC.match(t):
        return "mixed"  # "zorb2vec", "quux2seq++", "pix2pix": coined in lower case on the pattern of word2vec
    if _chemical_formula(t):
        return None  # "H2O", "LiH", "BeH2": a molecule, not a name
    if not any(c.isupper() for c in t) or _NOT_NAME.match(t):
        return None
    if t.endswith("++") and (t[:-2].isalnum() or _HYPHENED_WORDS.fullmatch(t[:-2])):
        return "plusplus"  # "FooNet++", "Co-widget++": "++" marks a name whatever it is written with
    if "_" in t and UNDERSCORE_NAME.match(t):
        return _classify(t.replace("_", "-"))  # "FOOSET_OI", "Widget_XL": underscores join the parts as hyphens do
    if (edition := _APOSTROPHE_EDITION.fullmatch(t)) is not None:
        return "alnum" if _classify(edition.group(1)) else None  # "FOOMT'21": an edition of a name by its year
    if any(c in t for c in "/()[]{}=<>@:;,'\"\\^*$%&#_|"):
        return None
    if _GREEK_TAIL.search(t):
        return "mixed" if _classify(t[:t.rindex("-")]) else None  # "FooPO-λ", "TD-λ": a variant by its parameter
    if _ACRONYM_LETTER_VARIANT.fullmatch(t):
        return "mixed"  # "GPT-f", "ZORB-x": a lettered variant of a name in capitals
    if (coded := _ACRONYM_CODE_VARIANT.fullmatch(t)) is not None and (
            coded.group(2) in _VARIANT_WORDS or not (dictionary_word(coded.group(2)) or coded.group(2) in _SHORT_WORDS)) \
            and stop_category(coded.group(1)) is None:
        return "mixed"  # "ZORB-md", "QUUX-diff": a name in capitals and a coded variant no dictionary knows
    if _LANGUAGE_PREFIX.match(t):
        if t[:t.index("-")] in _SHORT_WORDS:
            return None  # "on-GPU", "re-LLM": a word or bound prefix joined to a name
        return "mixed" if _classify(t[t.index("-") + 1:]) else None  # "m-FooQA", "x-BarNLI": a variant of a name
    core = t[:-1] if len(t) > 2 and t.endswith("s") and t[-2].isupper() else t
    parts = [p for p in _PARTS.split(core) if p]
    letters = [c for c in core if c.isalpha()]
    if len(letters) < 1:
        return None
    uppers = sum(c.isupper() for c in letters)
    has_digit = any(c.isdigit() for c in core)
    if uppers == len(letters) and (len(letters) >= 2 or has_digit):
        return "acronym"
    for p in parts:
        if _MIXED.search(p):
            return "mixed"
    if has_digit and letters and core[0].isupper():
        return "alnum"
    if uppers >= 2 and len(parts) >= 2 and all(p[0].isupper() for p in parts if p[0].isalpha()):
        return "capcompound"
    if has_digit and uppers:
        return "alnum"
    if len(parts) >= 2 and parts[0][:1].isupper() and parts[0][1:].islower() and \
            parts[0].lower() not in _BOUND_PREFIXES and all(p in _VARIANT_WORDS for p in parts[1:]):
        return "mixed"  # "Zorb-mini-beta", "Quux-plus": a model's name and its variant words
    return None


#: An evaluation campaign or exam of a year: "WMT22", "AIME25", "CASP15".
_YEAR_EDITION = re.compile(r"^[A-Z][A-Za-z]*[A-Z](?:-|\s?['\u2019]\s?)?(?:20)?[12]\d$")  # also "WMT'22", "WMT '22"


#: Two or more capitalised words before "Optimization" name a method ("Direct Foo Optimization").
_NAMED_OPTIMIZATION = re.compile(r"^(?:[A-Z][\w-]*\s+){2,}Optimi[sz]ation$")


#: A Title Case name of an evaluation set: "Widget Analogy Test Set", "Foo Evaluation Set".
_ENDS_TEST_SET = re.compile(r"\s(?:Test|Evaluation|Eval|Validation|Question|Probe) (?:Sets?|Bank)$")


def suffix_kind(text: str) -> str | None:
    """Kind implied by how a name ends: "-Bench"/"QA"/a year's edition -> benchmark, "Net"/"Former" -> method."""
    if _ENDS_DATA.search(text) or _ENDS_TEST_SET.search(text):
        return "benchmark"
    if _YEAR_EDITION.match(text):
        # "CNN14", "GNN-20": a model class and its depth, not an edition
        return "method" if stop_category(text.rstrip("0123456789-")) == "model-class" else "benchmark"
    if _ENDS_DATASET.search(text):
        return "dataset"
    if _ENDS_METHOD.search(text):
        return "method"
    low = text.lower()
    last = low.split()[-1] if low.split() else ""
    if last in DATA_NOUNS:
        return "dataset"
    if last in BENCH_NOUNS or (len(low.split()) >= 2 and ends_with_event(text)):
        return "benchmark"
    if _NAMED_OPTIMIZATION.search(text):
        return "method"  # "Widget Preference Optimization": a Title Case name of an optimisation method
    head = _HEAD_FIRST.match(text)
    if head is not None:  # "Benchmark for Widget Pose Estimation", "Corpus of Gizmo Dialogues", "Competition on ..."
        return "dataset" if head.group(1).lower() in DATA_NOUNS else "benchmark"
    return None


#: A collection noun heading a name before its complement: "Benchmark for ...", "Dataset of ...".
_HEAD_FIRST = re.compile(r"^(Benchmark|Dataset|Corpus|Suite|Challenge|Competition|Database)\s+(?:for|of|on)\s+[A-Z0-9]")


#: Evaluation events: "the Widget Planning Competition", "Gizmo Challenge 2023", "the X Shared Task", "the Widget
#: Decathlon" (a suite of tasks named as a contest).
_EVENT = re.compile(r"(?:^|\s)(?:Competition|Challenge|Olympiad|Cup|Shared Task|Decathlon|Pentathlon)s?"
                    r"(?:\s+(?:19|20)\d\d)?$")


def ends_with_event(text: str) -> bool:
    """Is a Title Case name an evaluation event (competition, challenge, olympiad, shared task)?"""
    return bool(_EVENT.search(text))


#: Plural nouns of collections whose examples ("like X", "such as X", "including X") are named collections.
_COLLECTION_PLURALS = frozenset({"environments", "games", "benchmarks", "datasets", "simulators", "suites", "corpora",
                                 "testbeds"})


def _example_of_collection(toks, i: int) -> bool:
    """Is the word at ``i`` the first example after "<collections> like / such as / including"?"""
    if i >= 3 and toks[i - 1].lower_ == "as" and toks[i - 2].lower_ == "such":
        k = i - 3
    elif i >= 2 and toks[i - 1].lower_ in ("like", "including"):
        k = i - 2
    else:
        return False
    if toks[k].text == ",":
        k -= 1
    return k >= 0 and toks[k].lower_ in _COLLECTION_PLURALS


def _plain_word_before_size(tok) -> bool:
    """"Training 1.4B models", "an End-to-End 1B model": a verb form or a compound of plain words before a
    size describes the model; "Falcon 40B" names one."""
    return tok.lower_.endswith("ing") or word_compound(tok.text)


def _is_title_token(t) -> bool:
    return t.is_title


#: Words after a number that make it a count or a factor ("3 times longer"), not a version.
_TIMES = frozenset({"times", "fold", "more", "fewer", "less", "percent", "points", "orders"})
#: A version or a sized variant after a coined word: "3", "1.6", "R1", "V2", "8x7B", "2-13B" (no year: "Smith 2021").
_VERSION_AFTER_WORD = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})?|[RVrv]\d{1,2}(?:\.\d)?|\d+x\d+(?:\.\d+)?[BM]|"
                                 r"\d{1,2}(?:\.\d)?-\d+(?:\.\d+)?[BM])$")
#: What a size right after a name may count instead of being the model's size.
_COUNTED_NOUNS = frozenset({"tokens", "words", "images", "samples", "examples", "pairs", "documents", "parameters",
                            "params", "videos", "hours", "frames", "sentences", "steps"})


def _capital_word(t) -> bool:
    if not (t.is_alpha and t.text.isupper() and len(t.text) >= 4):
        return False
    low, words = t.lower_, english_words()
    return low in words or any(low.endswith(end) and (low[:-len(end)] in words or low[:-len(end)] + "e" in words)
                               for end in ("ing", "ed", "es", "s"))


def _shouted(toks, i: int) -> bool:
    """A dictionary word in capitals next to another one: a phrase set in capitals."""
    return _capital_word(toks[i]) and ((i > 0 and _capital_word(toks[i - 1])) or
                                       (i + 1 < len(toks) and _capital_word(toks[i + 1])))


def candidates(doc) -> list[Candidate]:
    """Name-like spans: shape tokens (with size/version extensions) and Title Case runs.

    Title Case runs are skipped in titles, where every word is capitalised.
    """
    is_title = field_of(doc) == "title"
    toks = token_table(doc)
    cols = token_columns(doc)
    out: list[Candidate] = []
    n = len(toks)
    covered = [False] * n
    # only tokens with a capital letter can be names, and lower-case coinages like "zorb2vec": visit just those
    visit = list(compress(range(n), map(str.__ne__, cols.text, cols.lower_)))
    coined = [i for i, t in enumerate(cols.text) if "2" in t and _TWO_VEC.match(t)]
    for i in (sorted(visit + coined) if coined else visit):
        if covered[i]:
            continue
        tok = toks[i]
        text = tok.text
        if _shouted(toks, i):
            continue  # "a GATED WIDGET NETWORK": words written in capitals, not acronyms
        cut = _AFFIX.search(text) or _PARTICIPLE.search(text)
        core = text[:cut.start()] if cut else text
        if core.endswith(".") and len(core) > 2:
            core = core.rstrip(".")  # "ARC-C." keeps its period (the tokenizer leaves "X-C." whole)
        shape = name_shape(core) if core else None
        if shape is None and cut and core[:1].isupper() and known_name(core) is not None and \
                stop_category(core) is None:
            shape = "known"  # "Transformer-based", "Llama-type": a known name before an affix
        if shape is None and _VERSION_SUFFIX.search(core) and _is_title_token(tok):
            head = _VERSION_SUFFIX.sub("", core)
            if head and head[0].isupper() and "-" not in head and head.lower() not in _BOUND_PREFIXES:
                shape = "versioned"  # "Foo-large", not "Multi-base"
        if shape == "capcompound" and is_title:
            shape = None  # "Multi-Step", "Two-Stage": every title word is capitalised
        if shape == "capcompound" and i + 1 < n and _is_title_token(toks[i + 1]) and tok.whitespace_:
            shape = None  # "Shared-Prefix Forward": left to the Title Case run
        if shape in ("alnum", "versioned") and generic_numbered(core):
            shape = None  # "Stage-2", "Top-1", "System-1"
        if shape is not None:
            start, end = i, i + 1
            start_char, end_char = tok.idx, tok.idx + len(core)
            if not cut:
                # extend right over size/version tokens: "Mistral 7B", "GPT-2 Small"
                while end < n and _SIZE.match(toks[end].text) and toks[end - 1].whitespace_ and \
                        not (end + 1 < n and toks[end].is_title and toks[end + 1].is_title):
                    # "X Large" is a size, "X Large Scale Challenge" a longer name
                    end_char = toks[end].idx + len(toks[end].text)
                    end += 1
                # "FOOMT '21", "FOOMT' 21": the year of an edition after an apostrophe, spaced on either side
                if end + 1 < n and toks[end].text in ("'", "\u2019") and _TWO_DIGITS.match(toks[end + 1].text) and \
                        bool(toks[end - 1].whitespace_) != bool(toks[end].whitespace_):
                    end_char = toks[end + 1].idx + len(toks[end + 1].text)
                    end += 2
                # "ZIP ZAP GO": dictionary words in capitals, one after another, are one name in capitals
                # (not a sentence in capitals: at most three words, at most one of them a stop word)
                while shape == "acronym" and end < n and end - start < 3 and toks[end - 1].whitespace_ and \
                        toks[end].text.isupper() and toks[end].is_alpha and len(toks[end].text) >= 2 and \
                        toks[end - 1].lower_ in english_words() and toks[end].lower_ in english_words() and \
                        sum(t.lower_ in STOP_WORDS for t in toks[start:end + 1]) <= 1 and \
                        not (end + 1 < n and toks[end + 1].text.isupper() and toks[end + 1].is_alpha) and \
                        not (start > 0 and toks[start - 1].text.isupper() and toks[start - 1].is_alpha):
                    end_char = toks[end].idx + len(toks[end].text)
                    end += 1
                # a name of a collection: "FOO Gym", "BarBaz Arena" (not "LLM Arena": a generic acronym), and a
                # question-answering set named with the task's initials: "Foo-Wiki QA", "XYZ QA"
                if end < n and toks[end - 1].whitespace_ and stop_category(core) is None and (
                        (shape in ("acronym", "mixed") and toks[end].text in _DATA_HEADS) or
                        (end == start + 1 and toks[end].text == "QA")):
                    end_char = toks[end].idx + len(toks[end].text)
                    end += 1
                # extend left over one capitalised word: "Mask R-CNN", "Stable Diffusion XL"
                # "Deep Voice3": a dictionary word glued to its version needs the capitalised word before it
                glued_version = shape == "alnum" and _WORD_VERSION.match(core) is not None and \
                    core.rstrip("0123456789").lower() in english_words()
                if start > 0 and (shape in ("acronym", "mixed") and "-" in text or glued_version) \
                        and not toks[start - 1].is_sent_start \
                        and _is_title_token(toks[start - 1]) and toks[start - 1].whitespace_ \
                        and toks[start - 1].lower_ not in STARTERS and not is_title:
                    start -= 1
                    start_char = toks[start].idx
            kind = "method" if cut and cut.group(1).lower() in ("based", "style", "like") else "term"
            out.append(Candidate(start, end, start_char, end_char, f"shape:{shape}", kind, 0.5))
            for k in range(start, end):
                covered[k] = True
            continue
        # Title Case word followed by a model size: "Mistral 7B"
        if _is_title_token(tok) and i + 1 < n and _MODEL_SIZE.match(toks[i + 1].text) \
                and tok.lower_ not in STARTERS and not _plain_word_before_size(tok) \
                and not (is_title and tok.lower_ in english_words() and canonical_key(tok.text) not in gazetteer_names()) \
                and not (i + 2 < n and toks[i + 2].lower_ in _COUNTED_NOUNS):  # "the Gizmo 300B tokens": a count
            out.append(Candidate(i, i + 2, tok.idx, toks[i + 1].idx + len(toks[i + 1].text), "shape:sized", "method",
                                 0.6))
            covered[i] = covered[i + 1] = True
            continue
        # a coined word and its version: "Zorbo 3", "Quill R1", "Vostra 8x7B" (not "Table 3": a dictionary word)
        if _is_title_token(tok) and i + 1 < n and tok.whitespace_ and _VERSION_AFTER_WORD.match(toks[i + 1].text) \
                and tok.lower_ not in english_words() and tok.lower_ not in STARTERS and len(tok.text) >= 3 \
                and not _plain_word_before_size(tok) and stop_category(tok.text) is None \
                and canonical_key(tok.text) not in gazetteer_names() \
                and not (i + 2 < n and (toks[i + 2].lower_ in _COUNTED_NOUNS or toks[i + 2].lower_ in _TIMES
                                        or toks[i + 2].text in ("%", "/"))):
            start = i
            if i > 0 and not tok.is_sent_start and not covered[i - 1] and _is_title_token(toks[i - 1]) and \
                    toks[i - 1].is_alpha and toks[i - 1].whitespace_ and toks[i - 1].lower_ not in STARTERS:
                start = i - 1  # "Widget Eval 2.0": the coined word's capitalised first word
            out.append(Candidate(start, i + 2, toks[start].idx, toks[i + 1].idx + len(toks[i + 1].text),
                                 "shape:versioned-word", "term", 0.5))
            for k in range(start, i + 2):
                covered[k] = True
    if not is_title:
        # a capitalised word right before a data noun: "the Raindrop dataset", "on Zorb benchmarks"
        nouns = DATA_NOUNS | BENCH_NOUNS | SPLIT_NOUNS
        for i in range(1, n - 1):
            tok = toks[i]
            if not covered[i] and tok.is_title and tok.is_alpha and toks[i + 1].lower_ in nouns and \
                    not tok.is_sent_start and tok.lower_ not in STARTERS and toks[i - 1].text not in (".", ":") \
                    and not toks[i - 1].is_title and not _DESCRIPTIVE_WORD.match(tok.lower_):
                out.append(Candidate(i, i + 1, tok.idx, tok.idx + len(tok.text), "titlecase:cued", "term", 0.5))
                covered[i] = True
            elif not covered[i] and tok.is_title and tok.is_alpha and not tok.is_sent_start and i >= 3 and \
                    toks[i - 1].text == "," and toks[i - 3].lower_ == "our" and \
                    (toks[i - 2].lower_ in METHOD_NOUNS or toks[i - 2].lower_ in DATA_NOUNS or
                     toks[i - 2].lower_ in BENCH_NOUNS) and tok.lower_ not in STARTERS and \
                    toks[i + 1].text in (",", "(", ")", ";", "."):
                # "we trained our model, Zorbito, on ...": the name set off after the paper's own head noun
                head = toks[i - 2].lower_
                kind = "dataset" if head in DATA_NOUNS else "benchmark" if head in BENCH_NOUNS else "method"
                out.append(Candidate(i, i + 1, tok.idx, tok.idx + len(tok.text), "titlecase:cued", kind, 0.6))
                covered[i] = True
            elif not covered[i] and tok.is_title and tok.is_alpha and not tok.is_sent_start and \
                    tok.lower_ not in STARTERS and tok.lower_ not in english_words() and _arrow_pair(toks, i):
                # "Zorbia→Cityscapes": a capitalised word an arrow joins to a name (a transfer between two)
                out.append(Candidate(i, i + 1, tok.idx, tok.idx + len(tok.text), "titlecase:cued", "term", 0.5))
                covered[i] = True
            elif not covered[i] and tok.is_title and tok.is_alpha and not tok.is_sent_start and \
                    tok.lower_ not in STARTERS and _example_of_collection(toks, i) and \
                    (i + 1 >= n or not toks[i + 1].is_title):
                # "open-world environments like Zorbcraft", "benchmarks such as Quux": one capitalised word
                out.append(Candidate(i, i + 1, tok.idx, tok.idx + len(tok.text), "titlecase:cued", "term", 0.5))
                covered[i] = True
        out.extend(_title_runs(doc, toks, covered))
        out = _acronym_before_data_name(out, toks)
    out.sort(key=lambda c: (c.start_char, -c.end_char))
    return out


def _acronym_before_data_name(cands: list[Candidate], toks) -> list[Candidate]:
    """An acronym right before capitalised words that a data noun follows is the name's first word: "the
    QRS Street Scenes dataset" names one dataset, not a method QRS and a dataset Street Scenes (an institution's
    initials before a collection's name). Not a generic acronym ("an LLM Safety benchmark"), not a known name
    ("the FOO-10 Image Classification benchmark" keeps FOO-10)."""
    n = len(toks)
    acronym_at = {c.start: c for c in cands if c.rule == "shape:acronym" and c.end == c.start + 1}
    replaced: dict[int, Candidate] = {}  # id of the acronym's candidate -> the whole name
    dropped: set[int] = set()  # ids of the capitalised words' candidates
    for c in cands:
        if not c.rule.startswith("titlecase") or c.end >= n or c.start == 0:
            continue
        noun = toks[c.end].lower_
        if noun not in DATA_NOUNS and noun not in BENCH_NOUNS:
            continue
        a = acronym_at.get(c.start - 1)
        initials = toks[a.start] if a is not None else None
        if initials is None or not initials.whitespace_ or not initials.is_alpha or \
                canonical_key(initials.text) in gazetteer_names() or \
                stop_category(initials.text) not in (None, "organisation"):
            continue  # an institution's initials belong to the name ("the NYU Depth dataset")
        replaced[id(a)] = Candidate(a.start, c.end, a.start_char, c.end_char, c.rule, c.kind,
                                    max(a.confidence, c.confidence))
        dropped.add(id(c))
    if not replaced:
        return cands
    return [replaced.get(id(c), c) for c in cands if id(c) not in dropped]


_ARROWS = frozenset({"\u2192", "->"})


def _arrow_pair(toks, i: int) -> bool:
    """Is token ``i`` glued by an arrow to a capitalised or name-shaped token ("A→B")?"""
    n = len(toks)
    after = i + 2 < n and toks[i + 1].text in _ARROWS and not toks[i].whitespace_ and \
        (toks[i + 2].is_title or name_shape(toks[i + 2].text) is not None)
    before = i >= 2 and toks[i - 1].text in _ARROWS and not toks[i - 2].whitespace_ and \
        (toks[i - 2].is_title or name_shape(toks[i - 2].text) is not None)
    return after or before


#: Words that put a sentence among those with a link (no Title Case runs there), besides URL-like tokens.
_URL_HOSTS = frozenset({"github", "huggingface"})


def _title_runs(doc, toks, covered: list[bool]) -> Iterator[Candidate]:
    """Runs of Title Case words in running text ("Prefix Grouper", "Hamiltonian Monte Carlo")."""
    n = len(toks)
    cols = token_columns(doc)
    lower_words = set(compress(cols.lower_, cols.is_lower))
    sid = sentence_ids(doc)
    url_sents = set(compress(sid, map(operator.or_, cols.like_url, map(_URL_HOSTS.__contains__, cols.lower_))))
    last = -1
    for i in compress(range(n), cols.is_title):
        if i < last:
            continue  # inside the previous run
        tok = toks[i]
        if covered[i] or sid[i] in url_sents:
            continue
        j = i + 1
        while j < n:
            t = toks[j]
            if not toks[j - 1].whitespace_ and t.text not in ("-",):
                break
            if _is_title_token(t) or (name_shape(t.text) and not covered[j]):
                j += 1
                continue
            if t.lower_ in _CAP_CONNECT and t.lower_ != "and" and j + 1 < n and _is_title_token(toks[j + 1]) \
                    and not tok.is_sent_start:
                j += 2
                continue
            break
        start = i
        if j - i >= 3 and (tok.lower_.endswith("ing") or tok.lower_ in lower_words) and \
                tok.lower_.endswith(("ing", "ed")):
            start = i + 1  # "Training Widget-2.5 Planning"
        elif tok.is_sent_start or tok.lower_ in STARTERS or (i > 0 and toks[i - 1].text in (":", "\u2022")):
            # a sentence-initial capital says nothing: drop a common word
            if tok.lower_ in STARTERS or tok.lower_ in lower_words or j - i < 2 or tok.lower_ in STOP_WORDS or \
                    _DESCRIPTIVE_WORD.match(tok.lower_):
                start = i + 1  # "Through WidgetBench, we ...", "Traditional GizmoQA benchmarks"
        if j - start == 2 and _MODEL_SIZE.match(toks[start + 1].text) and _plain_word_before_size(toks[start]):
            last = j
            continue  # "Training 1.4B models": a verb form and a size, no name
        if j - start >= 2 or (j - start == 1 and "-" in toks[start].text and not toks[start].is_sent_start
                              and sum(p[:1].isupper() for p in toks[start].text.split("-")) >= 2):
            # trim trailing connector words
            end = j
            while end > start and toks[end - 1].lower_ in _CAP_CONNECT:
                end -= 1
            if end > start:
                yield Candidate(start, end, toks[start].idx, toks[end - 1].idx + len(toks[end - 1].text),
                                "titlecase", "term", 0.4)
        last = j


#: Roles in a contest a name can modify: "the FooCLEF winner", "the top Bar Challenge entry".
_CONTEST_ROLES = frozenset({"winner", "winners", "champion", "champions", "submission", "submissions", "entry",
                            "entries", "team", "teams"})


def _contest_role_after(toks, end: int) -> bool:
    """Is the name ending at token ``end`` (an edition year or number allowed after it) followed by a contest
    role ("winner", "team")?"""
    if end < len(toks) and toks[end].text.isdigit():
        end += 1
    return end < len(toks) and toks[end].lower_ in _CONTEST_ROLES


def _cue_hits(doc, cands: list[Candidate]) -> dict[int, tuple[str, str]]:
    """Map candidate index -> (kind, rule) from the context cue matches."""
    matches = state(doc).cues
    by_start = {c.start: k for k, c in enumerate(cands)}
    by_end = {c.end: k for k, c in enumerate(cands)}
    hits: dict[int, tuple[str, str]] = {}
    # the noun right after a name ("X dataset", "the X optimizer") is more specific than what precedes it
    rank = {("RIGHT", "dataset"): 4, ("RIGHT", "benchmark"): 4, ("RIGHT", "method"): 3,
            ("LEFT", "dataset"): 2, ("LEFT", "benchmark"): 2, ("LEFT", "method"): 1}
    toks = token_table(doc)
    best: dict[int, int] = {}
    for label, start, end in matches:
        side, kind, rule = label.split(":", 2)
        k = by_start.get(end) if side == "LEFT" else by_end.get(start)
        r = rank[(side, kind)]
        if k is None and side == "RIGHT" and kind != "method":
            # "X tabular datasets", "X math benchmarks": one or two plain modifiers between name and noun
            for gap in (1, 2):
                between = toks[max(0, start - gap):start]
                if len(between) == gap and all(_plain_modifier(t) for t in between):
                    k = by_end.get(start - gap)
                    if k is not None:
                        r -= 1
                        break
        if k is None or (kind != "method" and model_shaped(doc_text(doc)[cands[k].start_char:cands[k].end_char])):
            continue  # a sized or chat model is what was run, never the data ("speedups on Foo-13B")
        if side == "LEFT" and kind != "method" and _modifies_next(toks, cands[k].end, rule):
            continue  # "trained on Foo-generated data", "collected from the Foo marketplaces": Foo is not the data
        if side == "LEFT" and kind == "method" and _contest_role_after(toks, cands[k].end):
            continue  # "surpasses the FooCLEF 2024 winner": the contest names who won it, the cue is about the winner
        if rule == "datasets-such-as-X" and toks[start].lower_ == "data" and \
                any(t.lower_ == "for" for t in toks[max(0, start - 3):start]):
            continue  # "models built for tabular data (e.g. Foo)": the examples are of what is for the data
        if r > best.get(k, 0):
            best[k] = r
            hits[k] = (kind, f"cue:{rule}")
    sid = sentence_ids(doc)
    for k, c in enumerate(cands):
        if k in hits or model_shaped(doc_text(doc)[c.start_char:c.end_char]):
            continue  # "On Qwen2.5-7B, ...": a sized model is what was run, not what it was measured on
        if _result_on(toks, c.start) or _leading_on_phrase(toks, c.start, c.end, sid) or \
                _clause_on(toks, c.start, c.end) or _score_change(toks, c.end):
            hits[k] = ("benchmark", "cue:result-on-X")
            continue
        noun = _noun_appositive(toks, c.start, c.end, sid)
        if noun is not None:
            hits[k] = (noun, "cue:noun-appositive-X")
        elif _the_x_data(toks, c.start, c.end):
            hits[k] = ("dataset", "cue:the-X-data")
    return hits


#: Participles whose agent a name is when they follow it: "trained on GizNet generated data".
_AGENT_PARTICIPLES = frozenset({"selected", "generated", "filtered", "curated", "synthesized", "synthesised",
                                "labeled", "labelled", "annotated", "produced", "augmented", "rewritten", "distilled",
                                "translated", "written", "created", "scored", "ranked"})
#: Plural nouns that are what data is made of or split into: after a name, the name is still the data.
_DATA_PARTS = frozenset({"questions", "problems", "images", "videos", "documents", "articles", "tasks", "splits",
                         "samples", "examples", "prompts", "pages", "posts", "texts", "records", "scenes", "clips",
                         "recordings", "utterances", "dialogues", "conversations", "instances", "items", "tables",
                         "programs", "repositories", "papers", "subsets", "categories", "classes", "labels",
                         "annotations", "captions", "episodes", "trajectories", "games", "environments", "levels"})
#: Verbs in -s that may follow the data a result was measured on ("evaluation on X shows ...").
_VERBS_S = frozenset({"is", "was", "has", "shows", "demonstrates", "reveals", "indicates", "suggests", "confirms",
                      "highlights", "achieves", "yields", "improves", "outperforms", "contains", "includes",
                      "consists", "comprises", "covers", "provides", "offers", "remains", "becomes", "requires"})


def _modifies_next(toks, end: int, rule: str) -> bool:
    """The name after a data cue modifies the next word: the agent of a participle ("trained on Foo generated
    data"), or, after "from", a plural noun that is not what data is made of ("from the Foo marketplaces")."""
    if end >= len(toks):
        return False
    nxt = toks[end]
    if nxt.lower_ in _AGENT_PARTICIPLES:
        # "Foo generated data": the participle modifies a noun; "FooSet curated by experts": FooSet is the data
        return end + 1 < len(toks) and toks[end + 1].is_lower and toks[end + 1].is_alpha and \
            toks[end + 1].lower_ not in _AFTER_PARTICIPLE
    return rule == "data-from-X" and nxt.is_lower and nxt.is_alpha and nxt.lower_.endswith("s") and \
        len(nxt.lower_) > 3 and nxt.lower_ not in DATA_NOUNS | BENCH_NOUNS | _DATA_PARTS | _VERBS_S


#: Words after a participle that make it a predicate of the name, not a modifier of a later noun.
_AFTER_PARTICIPLE = frozenset({"by", "with", "from", "in", "on", "for", "to", "using", "via", "at", "and", "or", "as",
                               "through", "into", "under", "over", "across", "after", "before"})


#: Words a metric is named with between a name and its score change: "X strict accuracy from 41.0 to 50.3".
_SCORE_WORDS = frozenset({"accuracy", "score", "scores", "pass@1", "pass@k", "f1", "em", "rate", "success"})


_NUMBER = re.compile(r"^\d+(?:\.\d+)?%?$")


def _score_change(toks, end: int) -> bool:
    """"improves Zorbix accuracy from 68.2 to 74.0", "Quux strict score from 36 to 45": a name whose score is
    reported changing, with a metric word among at most three words between, is what was measured."""
    n = len(toks)
    for j in range(end, min(n - 3, end + 4)):
        t = toks[j]
        if t.lower_ == "from":
            between = toks[end:j]
            return any(b.lower_ in _SCORE_WORDS for b in between) and bool(_NUMBER.match(toks[j + 1].text)) and \
                toks[j + 2].lower_ == "to" and bool(_NUMBER.match(toks[j + 3].text))
        if not ((t.is_lower and t.is_alpha) or t.lower_ in _SCORE_WORDS):
            return False
    return False


#: Prepositions that make "<prep> the X benchmark, Name, ..." a place rather than an appositive.
_PLACE_PREPOSITIONS = frozenset({"on", "in", "across", "for", "with", "over", "from", "to", "at", "by", "under"})


def _the_x_data(toks, start: int, end: int) -> bool:
    """"the FOO recidivism data", "the Bar 2021 code-switching data": a name after "the", then at most two
    plain modifiers and the word "data", names that data ("X data" alone may be a model's output)."""
    if start < 1 or toks[start - 1].lower_ != "the":
        return False
    for gap in (0, 1, 2):
        k = end + gap
        if k >= len(toks):
            return False
        if toks[k].lower_ == "data":
            return all(_plain_modifier(t) or ("-" in t.text and t.is_lower) or (t.text.isdigit() and len(t.text) == 4)
                       for t in toks[end:k])
    return False


def _noun_appositive(toks, start: int, end: int, sid: list[int]) -> str | None:
    """"The resulting dataset, Zorbix-400K, contains ...", "a new benchmark, QuuxEval, that": a name set off by
    commas right after a singular data noun is that data's name. Not after a preposition ("On this
    benchmark, FooNet improves ..." names the method run on it)."""
    if start < 2 or end >= len(toks) or toks[start - 1].text != "," or toks[end].text not in (",", "(", "."):
        return None
    noun = toks[start - 2].lower_
    kind = noun_data_kind(noun)
    if kind is None or singular(noun) != noun:  # "corpus" is singular; "datasets, X, ..." lists one of many
        return None
    if toks[end].text == ".":
        return kind  # "..., along with a new dataset, Zorbix.": a name closing the sentence is no clause's subject
    k = start - 3
    while k >= 0 and sid[k] == sid[start] and toks[k].is_alpha and k > start - 7:
        if toks[k].lower_ in _PLACE_PREPOSITIONS:
            return None
        k -= 1
    return kind


#: Words that end a sentence-initial "On A, B and C," phrase before a name: the main clause has begun.
_PHRASE_ENDERS = frozenset({"with", "for", "of", "by", "to", "from", "using", "under", "where", "which", "that",
                            "we", "our", "it", "its", "is", "are", "was", "were", "when", "while", "after", "before"})


def _leading_on_phrase(toks, start: int, end: int, sid: list[int]) -> bool:
    """"On Zorbix, Quuxet and the Blip suite, our method improves ...": names in a sentence-initial "On" /
    "Across" phrase are what results were measured on. The phrase ends at a comma after a common word, and
    a name followed by a verb is the main clause's subject."""
    if end < len(toks) and toks[end].text not in (",", "(") and \
            toks[end].lower_ not in ("and", "or", "it", "we", "they", "our", "its"):
        return False  # "On Zorbix it reaches ...": a pronoun opens the main clause right after the name
    k = start
    while k > 0 and sid[k - 1] == sid[start]:
        k -= 1
    if k >= start or toks[k].lower_ not in ("on", "across"):
        return False
    for j in range(k + 1, start):
        t = toks[j]
        if t.text in (".", ";", ":") or t.lower_ in _PHRASE_ENDERS:
            return False
        if t.text == "," and toks[j - 1].is_lower and toks[j - 1].is_alpha:
            return False
    return True


def _clause_on(toks, start: int, end: int) -> bool:
    """"..., and on Zorbix it reaches 80%": a clause opening with "on X" names where a result was measured."""
    k = start - 1
    if k >= 0 and toks[k].lower_ == "the":
        k -= 1
    if k < 2 or end >= len(toks) or toks[k].lower_ not in ("on", "across"):
        return False
    if toks[k - 1].lower_ != "and" or toks[k - 2].text != ",":
        return False
    return toks[end].text == "," or toks[end].lower_ in ("it", "we", "they", "our", "its", "the")


#: Words that report a result: what follows "on" after them is what it was measured on.
_RESULT_WORDS = frozenset(_BEATS + ["improves", "improve", "improved", "improvement", "improvements", "gains",
                                    "achieves", "achieved", "achieving", "accuracy", "results", "performance", "sota",
                                    "state-of-the-art", "score", "scores", "competitive", "reduction", "reductions",
                                    "gain", "boost", "boosts"])
#: A reported score: a decimal or a percentage ("89.7", "61%", "0.93").
_SCORE = re.compile(r"^\d+\.\d+%?$|^\d+%$")
#: "on" after these is no place of measurement: "based on X", "conditioned on X".
_ON_VERBS = frozenset({"based", "built", "conditioned", "relies", "rely", "relying", "depends", "depend", "focus",
                       "focuses", "focusing", "trained", "pretrained", "pre-trained", "fine-tuned", "finetuned",
                       "runs", "run", "running", "deployed", "implemented", "operates", "acts", "act", "draws",
                       "builds", "improves", "improve"})
#: Verbs of evaluating that may take their object before "on": "we evaluate FooNet on A, B and C".
_EVAL_VERBS = frozenset({"evaluate", "evaluated", "evaluating", "evaluates", "test", "tested", "testing", "tests",
                         "benchmark", "benchmarked", "benchmarking", "validate", "validated", "validating",
                         "assess", "assessed", "assessing", "experiments", "experiment"})


def _result_on(toks, start: int) -> bool:
    """"outperforms GPT-4 on Zorbix-7", "improves accuracy by 3 points on Zorbix", "we evaluate FooNet on
    Zorbix": a name after "on" (or "across") whose clause reports or evaluates a result a few words before."""
    i = start - 1
    if i >= 0 and toks[i].lower_ == "the":
        i -= 1
    if i < 1 or toks[i].lower_ not in ("on", "across") or toks[i - 1].lower_ in _ON_VERBS:
        return False
    if _SCORE.match(toks[i - 1].text):
        return True  # "reaches 89.7 on Zorbix", "and 61% on Quux": a score reported on it
    for t in reversed(toks[max(0, i - 9):i]):
        if t.text in (".", ";", ":") or t.lower_ in ("while", "whereas", "but", "which", "that"):
            return False
        if t.lower_ in _RESULT_WORDS or t.lower_ in _EVAL_VERBS:
            return True
    return False


_NOT_MODIFIERS = frozenset({"and", "or", "of", "on", "in", "for", "with", "to", "the", "a", "an", "new", "our",
                            "their", "its", "these", "this", "other", "from", "by", "as", "two", "three", "all", "across",
                            "over", "under", "at", "into", "via", "through", "against", "among", "between",
                            "within", "without", "than", "diverse", "various", "several", "many", "multiple"})


#: A lower-case hyphen compound: "learning-to-rank", "long-context", "in-the-wild".
LOWER_COMPOUND = re.compile(r"^[a-z]+(?:-[a-z]+)+$")


def _plain_modifier(t) -> bool:
    """A lower-case word that can sit between a name and its data noun ("tabular"), not a verb form."""
    return t.is_lower and (t.is_alpha or bool(LOWER_COMPOUND.match(t.text))) and t.lower_ not in _NOT_MODIFIERS \
        and not t.lower_.endswith(("ed", "ing")) and not _THIRD_PERSON.match(t.lower_)


#: A third-person verb after a name ("X offers common dataset readers"): the predicate, not a modifier.
_THIRD_PERSON = re.compile(r"^(?:[a-z]+(?:[^su]s|[^s]es))$|^(?:has|does|is|was)$")


def _lists(toks, cands: list[Candidate]) -> list[list[int]]:
    """Group candidates coordinated by commas/and/or ("X, Y, and Z")."""
    groups: list[list[int]] = []
    for k, c in enumerate(cands):
        if groups:
            prev = cands[groups[-1][-1]]
            between = [t.text.lower() for t in toks[prev.end:c.start]]
            if prev.end <= c.start and between and len(between) <= 2 and \
                    all(w in (",", "and", "or", "as", "well") for w in between):
                groups[-1].append(k)
                continue
        groups.append([k])
    return groups


#: Units a collection of data is counted in: "X, 40k annotated question-answer pairs".
_DATA_UNITS = frozenset({"pairs", "prompts", "examples", "samples", "images", "videos", "questions", "problems",
                         "instances", "dialogues", "conversations", "documents", "hours", "clips", "utterances",
                         "trajectories", "episodes", "sentences", "tokens", "recordings", "scans", "molecules",
                         "articles", "annotations", "items", "records", "graphs", "photos", "frames", "requests",
                         "queries", "responses", "reports", "transcripts"})
_COUNT = re.compile(r"^(?:\d[\d,.]*[kKM]?|over|about|nearly|roughly|some)$")


def counted_kind(toks, end: int) -> str | None:
    """"X, 40k labelled image pairs", "X (107,180 pathology images, 9 classes)": a name described by a count of
    data items is a dataset."""
    if end + 2 >= len(toks) or toks[end].text not in (",", "(") or not _COUNT.match(toks[end + 1].text):
        return None
    for t in toks[end + 2:end + 7]:
        if t.lower_ in _DATA_UNITS:
            return "dataset"
        if t.text in (",", ".", ";", "(") or t.lower_ in METHOD_NOUNS:
            return None
    return None


_TASK_WORDS = frozenset(TASK_NOUNS) | {"asr", "tasks", "task", "identification", "verification"}
#: Words before "on X" that make X what something is built on, not where it is measured.
_BUILT_ON = frozenset({"based", "built", "build", "builds", "relies", "rely", "relying", "depends", "depend", "focus",
                       "focuses", "focused", "focusing", "conditioned", "run", "runs", "running", "deployed"})


def _task_after(toks, start: int, end: int) -> str | None:
    """"state of the art on X language identification", "on X segmentation and classification tasks": a name
    between "on" and the task measured on it (at most two plain words before the task's noun) is a benchmark."""
    if start < 1 or toks[start - 1].lower_ != "on" or (start >= 2 and toks[start - 2].lower_ in _BUILT_ON):
        return None
    for t in toks[end:end + 3]:
        if t.lower_ in _TASK_WORDS:
            return "benchmark"
        if not (t.is_alpha and t.is_lower) or t.lower_ in STOP_WORDS:
            return None
    return None


_BRACKET_INTROS = frozenset({"e.g.", "e.g.,", "eg", "i.e.", "i.e.,", "such", "as", "including", "like", "namely"})


def _bracketed_with_data_noun(toks, start: int, end: int) -> str | None:
    """A name in brackets that a plural data noun introduces or closes: "on several datasets (e.g., X)", "code (X
    and Y) datasets"."""
    k = start - 1
    while k >= 0 and start - k <= 12 and toks[k].text != "(":
        t = toks[k]
        if t.text in (")", ".", ";", ":") or (t.is_lower and t.is_alpha and t.lower_ not in _BRACKET_INTROS
                                                and t.lower_ not in ("and", "or")):
            return None
        k -= 1
    if k < 1 or toks[k].text != "(":
        return None
    before = PLURAL_DATA_NOUN_KIND.get(toks[k - 1].lower_)
    if before is not None and any(t.lower_ in _BRACKET_INTROS for t in toks[k + 1:start]):
        return before  # "several datasets (e.g., X)": examples of the noun before the bracket
    if start == k + 1 and end < len(toks) and toks[end].text == ")" and \
            (toks[k - 1].lower_ in ("dataset", "corpus", "benchmark") or
             (toks[k - 1].lower_ == "set" and k > 1 and toks[k - 2].lower_ == "data")):
        return "benchmark" if toks[k - 1].lower_ == "benchmark" else "dataset"  # "a data set (X)": its name
    j = end
    while j < len(toks) and j - end <= 12 and toks[j].text != ")":
        t = toks[j]
        if t.text in ("(", ".", ";", ":") or (t.is_lower and t.is_alpha and t.lower_ not in ("and", "or")):
            return None
        j += 1
    if j + 1 < len(toks) and toks[j].text == ")":
        return PLURAL_DATA_NOUN_KIND.get(toks[j + 1].lower_)  # "code (X and Y) datasets"
    return None


def _appositive_kind(toks, end: int) -> str | None:
    """"X, a new benchmark for ...", "X, the largest corpus of ...", "X, 40k labelled image pairs": the kind
    an appositive gives a name."""
    if end + 2 >= len(toks) or toks[end].text != ",":
        return None
    if _COUNT.match(toks[end + 1].text):
        return counted_kind(toks, end)
    if toks[end + 1].lower_ not in ("a", "an", "the"):
        return None
    if end + 4 < len(toks) and toks[end + 2].lower_ in ("set", "collection", "pool") and toks[end + 3].lower_ == "of":
        # "X, a set of 1,000 recorded requests": a collection counted in data items
        for t in toks[end + 4:end + 9]:
            if t.lower_ in _DATA_UNITS:
                return "dataset"
            if t.text in (",", ".", ";", "(") or t.lower_ in METHOD_NOUNS:
                break
    for t in toks[end + 2:end + 7]:
        if (t.lower_ in DATA_NOUNS or t.lower_ in BENCH_NOUNS) and modifies_method_head(toks, t.i):
            return None  # "X, a dataset distillation framework": a method
        if t.lower_ in DATA_NOUNS:
            return "dataset"
        if t.lower_ in BENCH_NOUNS:
            return "benchmark"
        if not (t.is_alpha or "-" in t.text) or t.lower_ in METHOD_NOUNS:
            return None
    return None


def extract_cues(doc) -> Iterator:
    """Mentions for every shape/Title Case candidate, typed by context cues where possible."""
    cands = candidates(doc)
    toks = token_table(doc)
    hits = _cue_hits(doc, cands)
    for group in _lists(toks, cands):
        # a place-of-measurement hit is each name's own (the phrase may end inside a comma list)
        kinds = [hits[k] for k in group if k in hits and hits[k][1] != "cue:result-on-X"]
        strong = [h for h in kinds if h[0] in DATA_KINDS]
        shared = strong[0] if strong else (kinds[0] if kinds else None)
        for k in group:
            c = cands[k]
            kind, rule, conf = c.kind, c.rule, c.confidence
            hit = hits.get(k) or (shared if len(group) > 1 and not model_shaped(
                doc_text(doc)[c.start_char:c.end_char]) else None)  # "Qwen2.5-7B" in a list of benchmarks
            if hit is not None:
                kind, rule, conf = hit[0], f"{c.rule}+{hit[1]}", max(conf, 0.75 if hit[0] != "method" else 0.6)
            elif kind == "term":
                implied = suffix_kind(doc_text(doc)[c.start_char:c.end_char]) or _appositive_kind(toks, c.end) or \
                    counted_kind(toks, c.end) or _task_after(toks, c.start, c.end) or \
                    _bracketed_with_data_noun(toks, c.start, c.end)
                if implied:
                    # typed by how it ends or what describes it: evidence beyond capitals
                    kind, rule, conf = implied, f"{c.rule}+typed", 0.6
            yield make_mention(doc, c.start_char, c.end_char, kind, rule, conf)


#: Plural type nouns and the kind they give the names listed with them ("the benchmarks foo-1, bar and baz",
#: "the A and B datasets").
PLURAL_DATA_NOUN_KIND = {"datasets": "dataset", "corpora": "dataset", "benchmarks": "benchmark",
                         "suites": "benchmark", "environments": "benchmark", "testbeds": "benchmark",
                         "data sets": "dataset"}
#: Words that open an example list after a type noun a few words back: "datasets of the X suite, including ...".
_EXAMPLE_INTROS = frozenset({"including", "namely", ":", "e.g.", "e.g.,", "i.e.", "like"})
_CODE_NAME = re.compile(r"^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$")
_LIST_ENDS = frozenset({",", ".", ";", ")", ":"})


def _lower_item(t) -> bool:
    text = t.text
    return bool(_CODE_NAME.match(text)) and t.lower_ not in STOP_WORDS and stop_category(text) is None and \
        not text.endswith(("ing", "ed", "ly")) and text not in ("data", "tasks", "sets", "splits")


#: Prefixes a dictionary lists only inside words: "multi-speaker", "non-native", "cross-lingual" are descriptions.
_WORD_PREFIXES = frozenset({"multi", "non", "pre", "post", "semi", "sub", "cross", "self", "co", "inter", "intra", "un",
                            "re", "bi", "tri", "mono", "hyper", "meta", "over", "under", "out", "anti", "pseudo",
                            "mid", "long", "short", "high", "low", "fine", "coarse"})
#: Prefixes bound to the word after them: "Multi-base" is a description, not a model.
_BOUND_PREFIXES = _WORD_PREFIXES | {"super", "ultra", "mini", "single", "dual", "full", "half", "open", "closed"}


def _coded(word: str, words) -> bool:
    """Written like an identifier: a digit or underscore, or a part no dictionary has ("rcv1", "kin40k",
    "real-sim" is not: both parts are words; "covtype" is)."""
    if any(c.isdigit() or c == "_" for c in word):
        return True
    return any(p and p not in words and singular(p) not in words and p not in _WORD_PREFIXES and
               not p.endswith(("ed", "ing", "al", "ic", "ive", "ous")) and not _compared(p, words)
               for p in word.split("-"))


def _compared(word: str, words) -> bool:
    """A comparative or superlative of a dictionary adjective ("larger", "noisiest"): a description."""
    for end, adds in (("iest", ("y",)), ("ier", ("y",)), ("est", ("", "e")), ("er", ("", "e"))):
        if word.endswith(end) and len(word) > len(end) + 2:
            stem = word[:-len(end)]
            if any(stem + add in words for add in adds) or (stem[-1:] == stem[-2:-1] and stem[:-1] in words):
                return True  # "bigger": a doubled consonant
    return False


def _known_data_kind(text: str) -> str | None:
    """The gazetteer kind of a known dataset or benchmark name, else None."""
    hit = known_name(text)
    return hit[0] if hit and hit[0] in DATA_KINDS else None


def _list_name(t) -> bool:
    """A capitalised list member a measured list may hold besides lower-case ids ("MMLU", "GSM8K")."""
    return not t.is_lower and (t.is_alpha or bool(name_shape(t.text))) and t.lower_ not in STARTERS


def _result_before(toks, i: int, sid: list[int]) -> bool:
    """Does "on" at ``i`` follow a word that reports or evaluates a result, a few words back in its sentence?"""
    if i < 1 or toks[i - 1].lower_ in _ON_VERBS:
        return False
    for t in reversed(toks[max(0, i - 6):i]):
        if sid[t.i] != sid[i] or t.text in (".", ";", ":"):
            return False
        if t.lower_ in _RESULT_WORDS or t.lower_ in _EVAL_ON:
            return True
    return False


#: A hub id written in running text: "allenai/dolma", "cais/mmlu" (not inside a URL: no "/", ".", ":" before).
_HUB_ID = re.compile(r"(?<![\w/.:@-])([A-Za-z][\w-]{2,38})/([A-Za-z0-9][\w.-]{1,95}[A-Za-z0-9])(?![\w/])")


#: A code or model host right before an owner/name: "GitHub - ", "github.com/", "Hugging Face: ", "GitHub (".
_HOST_BEFORE = re.compile(r"(?:git\w*|hugging\s*face|hf)(?:\.co|\.com|\.org)?\s*[-:/(]?\s*$", re.I)


#: Evolutionary algorithms named by their population scheme: "(1+1) EA", "(1+λ)-EA", "(μ,λ)-ES", "(2+1) GA".
_POPULATION_SCHEME = re.compile(r"\((?:\d+|[μλ]|mu|lambda)\s*[+,]\s*(?:\d+|[μλ]|mu|lambda)\)[- ]?(?:EA|ES|GA)\b")


def population_schemes(doc) -> Iterator:
    """"the (1+1) EA optimizes ...": an evolutionary algorithm named by its parent/offspring scheme; the
    tokenizer splits the brackets and the plus, so no token rule sees the whole name."""
    text = doc_text(doc)
    if "(" not in text:
        return
    for hit in _POPULATION_SCHEME.finditer(text):
        yield make_mention(doc, hit.start(), hit.end(), "method", "shape:population-scheme", 0.8)


#: Head nouns of a technique named after a person.
_TECHNIQUE_HEADS = r"(?:method|algorithm|gradient|smoothing|momentum|acceleration|iterations?|sampling|sampler|scheme|" \
                   r"estimator|update|rule|trick|averaging|filter|filtering|initiali[sz]ation|heuristic|decoding|decomposition|" \
                   r"factori[sz]ation|relaxation|elimination)"
#: "Polyak's heavy-ball momentum", "Kaczmarz's method": a surname's technique.
_SURNAME_TECHNIQUE = re.compile(rf"\b([A-Z][a-z]{{2,}})['’]s ((?:[a-z][a-z-]+ ){{0,2}}{_TECHNIQUE_HEADS})\b")
#: "the Kaczmarz method", "Gumbel-max trick", "Sinkhorn iterations", "LeCun initialization": a surname (with a
#: lower-case part, or a "Mc"/"Le"-style particle) before a technique head, the surname not the last word of a
#: longer capitalised run ("Monte Carlo sampling").
_SURNAME_HEAD = re.compile(rf"(?<![\w'’\u2013-])((?:Mc|Mac|De|Le|La|Van|Von|Di|Du)?[A-Z][a-z]{{2,}})((?:-[a-z]+)? (?:[a-z][a-z-]+ )?"
                           rf"{_TECHNIQUE_HEADS})\b")


def surname_techniques(doc) -> Iterator:
    """A surname with "'s" or right before a technique head names a method ("Kaczmarz's method", "the Sinkhorn
    iterations"); a known name ("Adam's update rule") is that name's own mention, and a common word ("Today's
    method", "Our method") is no surname."""
    text = doc_text(doc)
    words = english_words()
    for pattern in (_SURNAME_TECHNIQUE, _SURNAME_HEAD):
        for hit in pattern.finditer(text):
            surname = hit.group(1)
            if surname.lower() in words or canonical_key(surname) in gazetteer_names() or stop_category(surname) or \
                    _capitalised_before(text, hit.start()) or surname.lower().endswith(_NOT_SURNAME_ENDINGS):
                continue  # "Bayesian smoothing", "Markovian sampling", "Using our method": no surname
            rest = hit.group(2)
            if rest.startswith("-") and rest[1:].split()[0] in _DESCRIPTIVE_PARTS:
                continue  # "Bayes-optimal estimator", "Foo-type estimator": a description
            if canonical_key((surname + rest).rsplit(" ", 1)[0]) in gazetteer_names():
                continue  # "Thompson sampling method", "Thompson-sampling rule": the known name is found on its own
            yield make_mention(doc, hit.start(), hit.end(), "method", "shape:surname-technique", 0.7)


#: Endings of adjectives and verb forms a capitalised word before a technique head may have, which a surname has not.
_NOT_SURNAME_ENDINGS = ("ian", "ic", "al", "ing", "ed", "ive", "ous")
#: Lower-case parts after a hyphen that make "X-part" a description ("Bayes-optimal", "Foo-type").
_DESCRIPTIVE_PARTS = frozenset({"type", "optimal", "like", "based", "style", "free", "aware", "guided", "driven",
                                "inspired", "informed", "regularized", "regularised", "weighted"})


def _capitalised_before(text: str, start: int) -> bool:
    """Is the word right before ``start`` capitalised, i.e. the name part of a longer run ("Monte Carlo")?"""
    before = text[max(0, start - 30):start]
    if not before.endswith(" "):
        return False
    word = before.rstrip().rsplit(" ", 1)[-1]
    return word[:1].isupper() and word.lower() not in STOP_WORDS  # "The Euler method" is no run


#: A version or size part of a name ("-002", "-v2", "-L12"): what an owner on a model hub never carries.
_VERSIONED = re.compile(r"-(?:v?\d+|[A-Z]\d+|[A-Z]{1,2}$)(?![\w])")  # "-2", "-B16", and a size letter: "Foo-B"


#: A size or version alone ("13B", "2.0", "70b"): never the name part of a hub id.
_BARE_SIZE = re.compile(SIZED_NUMBER)


def hub_ids(doc) -> Iterator:
    """"trained on HuggingFaceFW/fineweb-edu", "evaluated on cais/mmlu": an owner/name id is the name of a
    dataset (a benchmark after a result word, a model when sized). Two dictionary words ("input/output",
    "train/test") or stop terms ("CPU/GPU") are no id."""
    text = doc_text(doc)
    if "/" not in text:
        return
    words = english_words()
    toks = token_table(doc)
    sid = sentence_ids(doc)
    starts = {t.idx: t.i for t in toks}
    for hit in _HUB_ID.finditer(text):
        owner, name = hit.group(1), hit.group(2)
        if _HOST_BEFORE.search(text, max(0, hit.start() - 30), hit.start()) or \
                continues_split_host(text, hit.start()):
            continue  # "GitHub - owner/repo", "huggingface.co/owner/name": found by the link rules
        if canonical_key(owner) in gazetteer_names() or (owner.isupper() and name.isupper()):
            continue  # "GPT-4/Claude", "PPO/GRPO", "SFT/RL": alternatives, not an owner and a name
        plain = [all(p in words or singular(p) in words or p.endswith(("ed", "ing", "ly")) for p in part.lower().split("-"))
                 for part in (owner, name)]  # "Double/debiased", "rows/columns": words, not an id
        if owner.lower() in _WORD_PREFIXES or owner.lower() == "uni":
            continue  # "uni/bidirectional", "pre/post-training": two prefixes of one word
        if _VERSIONED.search(owner):
            continue  # "foo-embedding-002/Bar-L12": two versioned models, no owner has a version
        if _BARE_SIZE.fullmatch(name):
            continue  # "Foo-7B/13B", "v1/2": sizes or versions written once, no repository is named by a number
        if "-" in owner and "-" in name and owner.rsplit("-", 1)[1].lower() == name.rsplit("-", 1)[1].lower():
            continue  # "intra-widget/inter-widget", "pre-norm/post-norm": two forms of one word, no id
        if owner.islower() and owner.endswith(("ed", "ing")) and owner.isalpha() and dictionary_word(owner):
            continue  # "printed/handwritten", "rolling/fixed": an owner is never a participle
        if owner.isalpha() and name.isalpha() and owner.islower() and name.islower() and \
                (dictionary_word(owner) or dictionary_word(name)):
            continue  # "invariant/equivariant", "online/streaming": alternatives in plain words, one a dictionary's
        if all(plain) or stop_category(name) or \
                owner.lower() in STOP_WORDS or name.lower() in STOP_WORDS:
            continue
        if model_shaped(name):
            kind = "method"
        else:
            i = starts.get(hit.start())
            kind = "benchmark" if i is not None and any(
                toks[k].lower_ in _RESULT_WORDS or toks[k].lower_ in _EVAL_ON
                for k in range(max(0, i - 6), i) if sid[k] == sid[i]) else "dataset"
        yield make_mention(doc, hit.start(), hit.end(), kind, "shape:hub-id", 0.6)


def lower_case_data_lists(doc) -> Iterator:
    """Lists of lower-case data names right after a plural type noun or an example word that follows one
    ("on the benchmarks foo-small, bar-2 and qux", "three suites, including foo-a and foo-b"). Plain
    words alone are descriptions ("datasets such as images, text and audio"): one member must be written
    like an identifier (a digit, hyphen or underscore, or a word no dictionary has)."""
    lowers = token_columns(doc).lower_
    coded = [i for i, low in enumerate(lowers) if 2 <= i and low in _SINGULAR_DATA_NOUNS and lowers[i - 2] == "the"
             and _LOWER_CODE.match(lowers[i - 1])]
    if coded:
        yield from _coded_before_noun(doc, coded)
    starts = [i for i, low in enumerate(lowers) if low in PLURAL_DATA_NOUN_KIND or low in _EXAMPLE_INTROS
              or low in ("on", "across")]
    if not starts:
        return
    toks = token_table(doc)
    sid = sentence_ids(doc)
    words = english_words()
    yield from _bracketed_members(doc, toks, sid, words, [i for i, low in enumerate(lowers) if low == "("])
    n = len(toks)
    for i in starts:
        tok = toks[i]
        kind = PLURAL_DATA_NOUN_KIND.get(tok.lower_)
        measured = tok.lower_ in ("on", "across")
        if measured:
            if not _result_before(toks, i, sid):
                continue
            kind = "benchmark"  # "accuracy on foo_a, foo_b, bar and MMLU": what a result was measured on
        elif kind is None:
            back = [toks[k] for k in range(max(0, i - 12), i) if sid[k] == sid[i]]
            nouns = [t.lower_ for t in back if t.lower_ in DATA_NOUNS or t.lower_ in BENCH_NOUNS
                     or t.text.endswith(("Bench", "Benchmark"))
                     or (t.text[:1].isupper() and _known_data_kind(t.text) == "dataset")]  # "from GizmoLIB, including"
            if not nouns:
                continue
            kind = "dataset" if nouns[-1] in DATA_NOUNS else "benchmark"
        if kind is None:
            continue
        items: list[int] = []
        named = 0  # capitalised members ("MMLU") of a measured list: they are found by other rules
        j = i + 1
        while j < n and sid[j] == sid[i] and (_lower_item(toks[j]) or (measured and _list_name(toks[j]))):
            if _lower_item(toks[j]):
                items.append(j)
            else:
                named += 1
            j += 1
            if j < n and toks[j].text == ",":
                j += 1
            if j < n and toks[j].lower_ in ("and", "or"):
                j += 1
            elif j < n and toks[j - 1].text != ",":
                break
        last = j - 1
        while last > i and toks[last].text in (",",) or toks[last].lower_ in ("and", "or"):
            last -= 1
        closed = last + 2 < n and toks[last + 1].lower_ in ("and", "or") and toks[last + 2].lower_ in ("the", "a", "an")
        if len(items) < 2 or (last + 1 < n and toks[last + 1].text not in _LIST_ENDS and not closed):
            continue  # "including foo40k, bar and the Baz dataset": a list closed by "and the ..." ends there
        coded = [k for k in items if not toks[k].is_alpha or toks[k].lower_ not in words]
        if not coded or (measured and (len(items) + named < 3 or len(coded) < 2)):
            continue  # after "on", plain words are tasks or domains ("on math, code and chat")
        for k in items:
            yield make_mention(doc, toks[k].idx, toks[k].idx + len(toks[k].text), kind, "cue:lower-list", 0.6)
    nouns = [i for i, low in enumerate(lowers) if low in PLURAL_DATA_NOUN_KIND]
    if nouns:
        yield from _lower_lists_before_noun(doc, toks, sid, words, nouns)


_SINGULAR_DATA_NOUNS = frozenset({"dataset", "corpus", "benchmark", "database"})
#: A lower-case identifier with letters and digits: "wiki40b", "fb15k237", "ogbn-products2" (not "3d", "7b").
_LOWER_CODE = re.compile(r"^(?=[a-z0-9_-]*[a-z]{2})(?=[a-z0-9_-]*\d)[a-z][a-z0-9_-]{3,}$")


def _coded_before_noun(doc, nouns: list[int]) -> Iterator:
    """"on the wiki40b dataset", "the zq2019 benchmark": a lower-case identifier between "the" and a singular
    data noun is that collection's name, written as its files are."""
    toks = token_table(doc)
    for i in nouns:
        t = toks[i - 1]
        if t.text != t.lower_:
            continue
        kind = noun_data_kind(toks[i].lower_)
        yield make_mention(doc, t.idx, t.idx + len(t.text), kind, "cue:the-code-dataset", 0.7)


#: Nouns of a named source of data a bracketed member list may follow: "from the Foo repository (a, b, c)".
_SOURCE_NOUNS = DATA_NOUNS | BENCH_NOUNS | {"repository"}
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12}


#: A plural acronym of a model class right before a bracket: "LLMs", "VLMs", "MLLMs".
_MODEL_CLASS_PLURAL = re.compile(r"^[A-Z]*LMs$")


def _bracketed_members(doc, toks, sid: list[int], words, opens: list[int]) -> Iterator:
    """"nine regression datasets from the Foo repository (alpha, beta2, gamma-red, ...)", "tasks from the Bar
    Suite (cheetah-run, walker-walk)": the members of a collection, listed in brackets right after the
    phrase that names it. Plain words alone are descriptions ("datasets of many kinds (text, images)"):
    one member must be written like an identifier, two joined by hyphens, or the count before must match."""
    n = len(toks)
    for i in opens:
        back = [t for t in toks[max(0, i - 8):i] if sid[t.i] == sid[i]]
        if any(t.text in (")", ";", ":") for t in back):
            continue
        if back and (back[-1].lower_ in METHOD_NOUNS or _MODEL_CLASS_PLURAL.match(back[-1].text)):
            continue  # "datasets using open-source LLMs (A, B and C)": the brackets list the models
        nouns = [t for t in back if t.lower_ in PLURAL_DATA_NOUN_KIND or t.lower_ in _SOURCE_NOUNS]
        if not nouns:
            continue
        plural = [t for t in back if t.lower_ in PLURAL_DATA_NOUN_KIND]
        kind = PLURAL_DATA_NOUN_KIND[plural[-1].lower_] if plural else (
            "dataset" if nouns[-1].lower_ in DATA_NOUNS or nouns[-1].lower_ == "repository" else "benchmark")
        items: list[tuple[int, int]] = []
        j = i + 1
        start = j
        while j < n and sid[j] == sid[i] and toks[j].text != ")":
            if toks[j].text == "," or toks[j].lower_ in ("and", "or"):
                if j > start:
                    items.append((start, j))
                start = j + 1
            j += 1
        if j >= n or toks[j].text != ")" or j - i > 40:
            continue
        if j > start:
            items.append((start, j))
        if len(items) < 2 or any(e - s > 3 or not all(_member_word(toks[k]) for k in range(s, e))
                                 or toks[s].lower_ in STOP_WORDS for s, e in items):
            continue
        single = [toks[s].lower_ for s, e in items if e - s == 1]
        counted = [_COUNT_WORDS.get(t.lower_) or (int(t.text) if t.text.isdigit() else None) for t in back]
        named_source = any(t.text[:1].isupper() and not t.is_sent_start for t in back)  # "the Foo Suite (...)"
        if not (any(_coded(w, words) for w in single) or (named_source and sum("-" in w for w in single) >= 2)
                or len(items) in counted):
            continue
        for s, e in items:
            yield make_mention(doc, toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text), kind, "cue:bracket-list",
                               0.6)


def _member_word(t) -> bool:
    """A word a collection's member name is made of: "kin8nm", "wine-red", "Boston", "housing"."""
    return bool(_CODE_NAME.match(t.lower_)) and stop_category(t.text) is None


def _lower_lists_before_noun(doc, toks, sid: list[int], words, nouns: list[int]) -> Iterator:
    """"with the foo20, url and bar2010 datasets", "the covtype and YearWidget datasets": lower-case ids in a
    list a plural data noun (at the positions ``nouns``) closes; capitalised members are found by other rules."""
    for i in nouns:
        kind = PLURAL_DATA_NOUN_KIND[toks[i].lower_]
        if i < 3:
            continue
        k = i - 1
        items: list[int] = []
        named = 0
        while k >= 0 and sid[k] == sid[i] and (_lower_item(toks[k]) or _list_name(toks[k])):
            if _lower_item(toks[k]):
                items.append(k)
            else:
                named += 1
            k -= 1
            separated = False
            if k >= 0 and toks[k].lower_ in ("and", "or"):
                k -= 1
                separated = True
            if k >= 0 and toks[k].text == ",":
                k -= 1
                separated = True
            if not separated:
                break
        if not items or len(items) + named < 2:
            continue
        marked = any(c.isdigit() or c == "_" for j in items for c in toks[j].text)
        unknown = sum(_coded(toks[j].lower_, words) for j in items)
        if not (marked or unknown >= 2 or (unknown and named)):
            continue  # "the image, text and audio datasets", "email and clinical-note corpora": descriptions
        for j in sorted(items):
            yield make_mention(doc, toks[j].idx, toks[j].idx + len(toks[j].text), kind, "cue:lower-list", 0.6)
