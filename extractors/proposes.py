"""What a paper itself introduces.

Rules: the name before the title's colon ("Prefix Grouper: ..."), confirmed
by the abstract unless it is written like a name; "we propose / introduce /
present / develop X" (skipping "a novel framework called"); "called / dubbed
/ named / termed / denoted X"; "Our method, X"; and the title's head phrase
("Two-Stage Widget Actor-Critic for ...") when the abstract proposes it
in other case. Each hit is a Mention with ``proposed=True`` whose span is
the name, and whose kind is read from the noun next to it ("X, a new
benchmark" -> benchmark).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from extractors.canonical import canonical_key
from extractors.cues import (BENCH_NOUNS, COMPONENT_NOUNS, DATA_NOUNS, EDITION_WORDS, LOWER_COMPOUND, METHOD_NOUNS,
                             SPLIT_NOUNS, STARTERS,
                             counted_kind, modifies_method_head, name_shape, noun_data_kind)
from extractors.docutil import LATEX_FONT_PREFIX, LATEX_FONT_TOKEN, doc_text, field_of, make_mention, sentence_ids, token_table
from extractors.gazetteer import dictionary_word, english_words, gazetteer_names, listed_spellings, spells_known
from extractors.nonnames import ADJECTIVE_COMPOUND, generic_numbered
from extractors.terms import ADJECTIVE_ENDINGS, METRIC_HEADS, lower_method_head, stop_category

__all__ = ["title_prefix", "TITLE_SEPARATOR", "title_collections", "extract_proposals", "review_proposals", "TRIGGERS"]

TRIGGERS = frozenset({
    "propose", "proposes", "proposing", "introduce", "introduces", "introducing", "present", "presents",
    "presenting", "develop", "develops", "developing", "release", "releases", "construct", "constructs",
    "design", "designs", "devise", "devises", "build", "builds", "create", "creates", "curate", "curates",
    "provide", "provides", "collect", "collects", "synthesize", "synthesise", "synthesizes",
    "derive", "derives", "give", "gives", "offer", "offers", "formulate", "formulates", "contribute", "contributes",
    # "we are releasing X", "by constructing X": the present participles
    "releasing", "constructing", "designing", "devising", "building", "creating", "curating", "collecting",
    "deriving", "offering", "formulating", "contributing",
    # "we publish a corpus X", "we publish the weights of X"
    "publish", "publishes", "publishing",
})
NAMERS = frozenset({"called", "dubbed", "named", "termed", "denoted", "coined", "abbreviated", "namely", "call",
                    "calls"})
#: What sits between "call" and the name: "which we call it X", "we call this approach X".
_CALL_OBJECTS = frozenset({"it", "this", "them", "these", "the", "result", "resulting", "our", "approach", "method",
                           "framework", "model", "algorithm", "technique", "procedure", "scheme", "strategy",
                           "architecture", "policy", "system", "module", "network", "optimizer", "variant",
                           "pipeline", "objective", "loss", "estimator", "family", "new", "resulting", "result",
                           "final", "enhanced", "improved"})
_SKIP = frozenset({
    "a", "an", "the", "new", "novel", "simple", "general", "principled", "unified", "efficient", "effective",
    "scalable", "practical", "lightweight", "two", "three", "first", "our", "this", "family", "of", "method",
    "methods", "framework", "algorithm", "algorithms", "approach", "model", "models", "technique", "benchmark",
    "dataset", "system", "paradigm", "pipeline", "strategy", "baseline", "suite", "module", "architecture",
    "optimizer", "loss", "objective", "metric", "tool", "toolkit", "library", "agent", "large-scale",
    "comprehensive", "robust", "powerful", "flexible", "fast", "generic", "single-timescale", "-", "—", "–", "---",
    "plug-and-play", "training-free", "adaptive", "alternative", "theoretically", "grounded", "hybrid",
    "datasets", "benchmarks", "i.e.", "viz.", "weights", "checkpoints",
})
_BAD_PREFIX_START = frozenset({
    "beyond", "towards", "toward", "on", "a", "an", "the", "why", "how", "what", "when", "where", "which",
    "rethinking", "revisiting", "understanding", "is", "are", "do", "does", "can", "should", "position",
    "survey", "review", "tutorial", "from", "to", "in", "learning", "not", "no", "all", "one", "more", "less",
    # gerunds of studying what the title names: "Demystifying Widget Debate: ..."
    "demystifying", "analyzing", "analysing", "exploring", "investigating", "unveiling", "dissecting", "probing",
    "unpacking", "uncovering", "examining", "characterizing", "characterising", "interpreting", "explaining",
})
_FIRST_PERSON = frozenset({"we", "paper", "work", "study", "article", "here"})
#: "our key contribution is X", "the main contributions are X and Y": a noun that, with a copula, names.
_CONTRIBUTION = frozenset({"contribution", "contributions", "innovation", "innovations"})
#: "At the core of our method is X", "Central to FooNet is X", "The heart of our approach lies in X": what the
#: paper's own method is built around is its own too (the copula then acts as the trigger).
_CORE_WORDS = frozenset({"core", "heart", "central"})


def _title_name(title: str) -> str:
    """The name before the title's colon ("FooNet" of "FooNet: Widgets at Scale"), or ""."""
    span = title_prefix(title) if title else None
    return title[span[0]:span[1]] if span is not None else ""


def _core_of_ours(toks, i: int, sid, own_title: str) -> int | None:
    """The copula of "at the core of our method is", "the heart of our approach lies in", "central to FooNet is"
    (FooNet the title's name) at ``i``."""
    low = toks[i].lower_
    if low != "central" and (i < 1 or toks[i - 1].lower_ != "the"):
        return None  # "(at) the core of", "the heart of"
    k = i + 1
    if k >= len(toks) or toks[k].lower_ != ("to" if low == "central" else "of"):
        return None
    owner = [t for t in toks[k + 1:k + 6] if sid[t.i] == sid[i]]
    ours = bool(owner) and (owner[0].lower_ == "our" or (own_title and owner[0].text == own_title))
    if not ours:
        return None
    for j in range(k + 2, min(len(toks), k + 7)):
        if sid[j] != sid[i] or toks[j].text in (",", ";", "."):
            return None
        if toks[j].lower_ in ("is", "are", "lies", "lie"):
            return j + 1 if toks[j].lower_ in ("lies", "lie") and j + 1 < len(toks) and toks[j + 1].lower_ == "in" \
                else j
    return None


#: Nouns of making something: "the release of X", "the introduction of X".
_MAKING_NOUNS = frozenset({"release", "introduction", "creation", "construction", "development", "design", "proposal"})
_COPULAS = frozenset({"is", "are", "include", "includes", ":"})
#: Words after which a trigger ("design", "release", "build") is a noun, not the paper's verb.
_DETERMINERS = frozenset({"the", "a", "an", "these", "those", "its", "their", "his", "her", "our", "each", "every",
                          "any"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''"})
#: Participles of a passive proposal: "an algorithm WidgetMix is proposed".
_PASSIVE_TRIGGERS = frozenset({"proposed", "introduced", "presented", "designed", "devised"})
#: "we address this problem with X", "we tackle the issue via X": the paper's means of solving its problem.
_SOLVE_VERBS = frozenset({"address", "tackle", "solve", "overcome", "mitigate", "alleviate", "resolve", "remedy",
                          "fix", "bridge", "close", "fill"})
_SOLVING_MEANS = frozenset({"with", "via", "through", "using", "by"})
#: Adverbs between "is" and the participle of a passive proposal: "a Widget Module is carefully designed".
_PASSIVE_ADVERBS = frozenset({"also", "then", "further", "first", "newly", "additionally", "carefully", "specially",
                              "specifically", "elaborately", "meticulously"})
#: Count words before a plural head noun: "we propose two estimators, A ... and B ...".
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
#: Triggers that also describe what others do ("X formulates Y as", "Z provides W"): only with a first-person subject.
_WEAK_TRIGGERS = frozenset({"formulate", "formulates", "provide", "provides", "give", "gives", "offer", "offers",
                            "derive", "derives", "build", "builds", "create", "creates", "construct", "constructs",
                            "collect", "collects", "curate", "curates", "synthesize", "synthesise", "synthesizes",
                            "contribute", "contributes", "providing", "giving", "offering", "deriving", "building",
                            "creating", "constructing", "collecting", "curating", "formulating", "contributing",
                            "releasing", "designing", "devising", "publish", "publishes", "publishing"})
#: Verbs a trigger is coordinated with before its object: "we propose and test a procedure X".
_SECOND_VERBS = frozenset({"analyze", "analyse", "study", "evaluate", "implement", "test", "validate", "prove",
                           "train", "deploy", "release", "open-source", "benchmark", "apply", "instantiate",
                           # after a past trigger: "we designed and trained X"
                           "analyzed", "analysed", "studied", "evaluated", "implemented", "tested", "validated",
                           "trained", "deployed", "released", "open-sourced", "benchmarked", "applied",
                           "instantiated"})
#: LaTeX font commands left before a name in scraped text: "an algorithm {\\sc Widget}".
_LATEX_FONT = frozenset({"{", "$", "\\sc", "\\em", "\\it", "\\bf"})  # "{\\sc X}", "$\\mathtt{X}$"; "\\textbf{" is LATEX_FONT_TOKEN
#: Counts before a head noun: "we introduce two scores: the A and the B".
_COUNTS = frozenset({"a", "an", "two", "three", "four", "several", "multiple"})
#: Past tenses of triggers, a proposal only right after "we": "we introduced X", "we then developed X".
_PAST_TRIGGERS = frozenset({"proposed", "introduced", "presented", "developed", "designed", "devised", "constructed",
                            "created", "curated", "released", "built", "collected", "contributed"})
#: "that is": after the paper's head noun it gives the name as "namely" does ("a new framework, i.e., X")
_THAT_IS = frozenset({"i.e.", "i.e"})
_CUE_WORDS = TRIGGERS | NAMERS | _CONTRIBUTION | _PAST_TRIGGERS | _THAT_IS | {"resulting"}
#: What "the resulting ..." can name: the paper's made thing, then its name after a comma.
_RESULT_HEADS = METHOD_NOUNS | DATA_NOUNS | BENCH_NOUNS | {"system", "pipeline", "agent", "suite", "toolkit", "library"}
_FUNCTION_WORDS = frozenset({
    "is", "are", "was", "that", "which", "to", "for", "with", "and", "or", "as", "by", "in", "on", "of", "the",
    "a", "an", "can", "achieves", "uses", "leverages", "enables", "allows", "consists", "combines", "based",
    "where", "while", "whose", "through", "via", "from", "into", "at", "also", "not", "outperforms", "improves",
    "learns", "trains", "has", "have", "we",
})
#: Words that end the noun phrase a cue introduces ("a rule fitted using stochastic gradient descent (SGD)").
_PHRASE_BREAKS = frozenset({
    "using", "via", "under", "over", "per", "between", "among", "across", "against", "without", "within", "like",
    "such", "based", "equation", "problem", "called", "named",
})
#: Head nouns a modifier name can precede: "a new RL method, ZORB" names ZORB, not RL.
_HEAD_NOUNS = frozenset({
    "method", "methods", "framework", "algorithm", "algorithms", "approach", "model", "technique", "benchmark",
    "transformer", "estimator", "encoder", "decoder", "planner", "solver", "controller", "detector", "classifier",
    "dataset", "system", "paradigm", "pipeline", "strategy", "module", "architecture", "optimizer", "agent",
    "variant", "scheme", "procedure", "policy", "network", "suite", "corpus", "library", "toolkit",
    "sampler", "scheduler", "tokenizer", "regularizer", "simulator", "generator", "retriever", "reranker",
    "verifier", "loss", "objective", "mechanism", "layer", "operator", "kernel", "protocol", "benchmarks",
    "environment", "engine", "platform", "tool", "heuristic", "extension", "formulation", "metric",
})
_HEAD_SPLIT = re.compile(r"\s+(?:for|via|with|through|using|in|on|as|by|from|to)\s+", re.I)


#: A whole title that names a collection of data: "The Widget-7 Challenge Dataset", "ZorbQA Benchmark".
_DATA_TITLE = re.compile(r"^(?:The\s+|An?\s+)?((?:(?:[A-Z0-9]|[a-z]+[A-Z])[\w.'’+-]*\s+){1,5}"
                         r"(?:Dataset|Benchmark|Corpus|Database|Challenge|Archive|Suite)s?)$")
_REPORT_TAIL = re.compile(r"(?:^|\s+)(?:Technical|Tech\.?|System|Model)\s+(?:Report|Card)$", re.I)


#: A verb that presents the name after it at the start of a title: "Introducing X: ...", "Meet X: ...".
_PRESENTING = re.compile(r"^(?:Introducing|Presenting|Meet|Announcing)\s+")


#: A collection named with "the" in a title: "Annotating the Widget Motion Dataset", "... on the Gizmo Benchmark".
_TITLE_COLLECTION = re.compile(r"(?<![\w-])[Tt]he\s+((?:[A-Z][\w-]*\s+){1,5}(Dataset|Corpus|Database|Benchmark|Suite|"
                               r"Challenge|Leaderboard))(?![\w-])")
#: A title that starts by making something: "Collecting and Annotating the X Dataset".
_TITLE_MAKING = re.compile(r"^(?:Collecting|Annotating|Introducing|Presenting|Building|Constructing|Creating|Curating|"
                           r"Releasing|Designing)\b")


def title_collections(doc) -> Iterator:
    """Named collections of a title: Title Case runs are off in titles (every word is capitalised), but "the"
    and a collection head noun name one; a title that starts by making it proposes it."""
    text = doc_text(doc)
    for hit in _TITLE_COLLECTION.finditer(text):
        kind = "dataset" if hit.group(2) in ("Dataset", "Corpus", "Database") else "benchmark"
        yield make_mention(doc, hit.start(1), hit.end(1), kind, "titlecase:the-X-collection", 0.7,
                           proposed=bool(_TITLE_MAKING.match(text)))


#: What separates a title's name from the rest, after the name: a colon, or a spaced dash after a one-word name
#: ("Widgetron - A Corpus of ..."); a pattern that matches at the start of the title's rest.
TITLE_SEPARATOR = r"\s*(?::|[-\u2013\u2014]{1,2}(?=\s))"
_DASH_TITLE = re.compile(r"^\s*(\S{2,40}?)\s+[-\u2013\u2014]{1,2}\s+\S")
#: "Widget Discovery -- A framework to ...": a name of two or three capitalised words before a spaced dash and an
#: indefinite description.
_DASH_TITLE_WORDS = re.compile(r"^\s*((?:[A-Z][\w.+-]*\s+){1,2}[A-Z][\w.+-]*)\s+[-\u2013\u2014]{1,2}\s+(?:A|An)\s")


def title_prefix(title: str) -> tuple[int, int] | None:
    """Character span of the name before the title's colon (or a one-word name before a spaced dash), if it could
    be one."""
    # (a colon glued to a capital, "ZEG:Seeds-Enhanced ...", is a space a scraper lost)
    m = re.match(r"^\s*([^:]{2,80}?)\s*:(?:\s+\S|[A-Z])", title) or \
        ((_DASH_TITLE.match(title) or _DASH_TITLE_WORDS.match(title)) if ":" not in title else None)
    if not m:
        whole = title.strip()
        report = _REPORT_TAIL.search(whole)
        if report is not None and report.start() > 0 and len(whole[:report.start()].split()) <= 3 and \
                whole.split()[0].lower() not in _BAD_PREFIX_START:
            start = title.index(whole)  # "Foo-3B Technical Report": the model the report is about
            return start, start + report.start()
        data = _DATA_TITLE.match(whole)
        words = data.group(1).split()[:-1] if data is not None else []
        if data is not None and not whole.startswith(("A ", "An ")) and \
                any(name_shape(w) and not stop_category(w) for w in words) and \
                any(not _known_name(canonical_key(w)) and not stop_category(w) for w in words):
            # a coined word names it, with something new ("The Zorb 2031 Challenge Dataset"): not "An LLM
            # Benchmark", "The COVID-19 Dataset" (no coined word), "The ImageNet Challenge" (a known name's own)
            # "The Widget-7 Challenge Dataset": a title that is the name of the data the paper releases
            start = title.index(whole) + data.start(1)
            return start, start + len(data.group(1))
        if whole and " " not in whole and name_shape(whole):
            # a title that is one coined name ("WidgetStitch"): the name of what the paper presents
            start = title.index(whole)
            return start, start + len(whole)
        return None
    prefix = m.group(1)
    begin = m.start(1)
    opener = _PRESENTING.match(prefix)
    if opener is not None and opener.end() < len(prefix):
        prefix = prefix[opener.end():]  # "Introducing Widget ASK: ...": the name follows the presenting verb
        begin += opener.end()
    owner = re.match(r"^[A-Z][\w.-]*['’]s\s+(?=\S)", prefix)
    if owner is not None and len(prefix.split()) >= 2:
        prefix = prefix[owner.end():]  # "Acme's WidgetKit: ...": the organisation owns the name, it is no part of it
        begin += owner.end()
    dashed = re.match(r"^(\S+)\s+(?:--|-|\u2013|\u2014)\s+\S", prefix)
    if dashed is not None and name_shape(dashed.group(1)):
        prefix = dashed.group(1)  # "ZECToR -- Widget Correction: Tag, Not Rewrite": the name before the dash
    bracket = re.match(r"^(.+?)\s*\([^()]+\)$", prefix)
    if bracket is not None:  # "WIDGET (Wide Image Data Grid): ...": the name, its long form in brackets
        prefix = bracket.group(1)
    words = prefix.split()
    if not words or len(words) > 6 or words[0].lower() in _BAD_PREFIX_START:
        return None
    if not (prefix[0].isalnum() or re.match(r"\$[^$]+\$\S", prefix)) or prefix.endswith("?"):
        return None
    report = _REPORT_TAIL.search(prefix)
    if report is not None:  # "Foo-8B Technical Report: ...": the name is what the report is about
        return (begin, begin + report.start()) if report.start() > 0 else None
    return begin, begin + len(prefix)


#: What opens an appositive or a copula after a name: "X, a benchmark", "X is a corpus", "X -- a suite".
_APPOSITIVE_OPENERS = frozenset({",", ":", "is", "are", "was", "were", "-", "--", "---", "—", "–", "a", "an", "the"})


def _kind_after(toks, end_tok: int) -> str | None:
    """Kind named by the appositive after a name: "X, a large benchmark for" -> benchmark,
    "X (Long Form), a corpus of" -> dataset, "X, a 500-item subset" -> dataset; "X, a method
    trained on a new dataset" names a method, so nothing."""
    if end_tok < len(toks) and toks[end_tok].text == "(":  # the long form in brackets is part of the name
        close = next((k for k in range(end_tok + 1, min(len(toks), end_tok + 16)) if toks[k].text == ")"), None)
        if close is not None:
            end_tok = close + 1
    counted = counted_kind(toks, end_tok)
    if counted:
        return counted
    if end_tok < len(toks) and toks[end_tok].lower_ not in _APPOSITIVE_OPENERS and \
            toks[end_tok].lower_ not in DATA_NOUNS | BENCH_NOUNS | SPLIT_NOUNS:
        return None  # "X offers common dataset readers": a data noun in X's predicate does not say what X is
    determined = defines = False
    for t in toks[end_tok:end_tok + 14]:
        low = t.lower_
        if determined and low in ("and", "or") and _joins_modifiers(toks, t.i):
            continue  # "X, a large and diverse video dataset": coordinated modifiers of one head
        if determined and low in _GROUP_NOUNS and t.i + 1 < len(toks) and toks[t.i + 1].lower_ == "of" and \
                (grouped := _kind_of_members(toks, t.i + 2)) is not None:
            return grouped  # "X, a collection of small editing networks": what the members are, X is
        if determined and low == "and" and t.i + 1 < len(toks) and \
                toks[t.i + 1].lower_ in DATA_NOUNS | BENCH_NOUNS and not modifies_method_head(toks, t.i + 1):
            continue  # "X: A Survey and Benchmark of ...": the name is also the collection coordinated with it
        if (low in DATA_NOUNS or low in BENCH_NOUNS) and modifies_method_head(toks, t.i):
            break  # "X, a dataset distillation framework": the data noun modifies a method head
        if low in DATA_NOUNS or (low in SPLIT_NOUNS and determined) or \
                (low in ("set", "sets") and toks[t.i - 1].lower_ in _SET_KINDS):  # "a 500-item subset", "problem set"
            return "dataset"
        if low in ("a", "an", "the") and not determined:
            # only an article opening the appositive ("X, a ...", "X is the ...") starts X's own description;
            # a later one opens another phrase ("X, enabling the creation of a dataset")
            defines = t.i <= end_tok + 1
            if not defines:
                break
        determined = determined or low in ("a", "an", "the")
        if low in BENCH_NOUNS:
            return "benchmark"
        if defines and low in _CONTAINER_HEADS and (toks[t.i - 1].lower_ in _EVALUATING or _evaluates_after(toks, t.i)):
            return "benchmark"  # "X, an agent evaluation framework", "X, a framework designed to evaluate ..."
        if defines and (low in _DEFINING_HEADS or low in METHOD_NOUNS) and _modifies_later_head(toks, t.i):
            continue  # "X, an agent evaluation framework": the later head says what X is
        if defines and low in _DEFINING_HEADS:
            return "method"  # "X, a latent diffusion model for ...": the paper says what X is
        if t.is_sent_start or low in METHOD_NOUNS or low in (".", ";", "which", "that", "to", "for", "by", "and",
                                                               "with", "on", "in", "from", "over", "across",
                                                               "against", "using", "via"):
            break  # "the proposed X on the Y Dataset": the data noun heads another phrase
    return None


#: Heads that, in a name's own appositive ("X, a ... model"), say the name is a method, model or tool. Not
#: "family" / "variant" / "baseline" ("a variant of the Foo corpus" may be data).
_DEFINING_HEADS = frozenset({
    "method", "framework", "algorithm", "approach", "model", "technique", "architecture", "optimizer", "network",
    "system", "pipeline", "toolkit", "library", "package", "tool", "agent", "encoder", "decoder", "sampler",
    "scheduler", "strategy", "scheme", "mechanism", "module", "policy", "paradigm", "procedure", "engine",
    "estimator", "planner", "solver", "controller", "detector", "classifier", "generator", "retriever", "verifier",
    "tokenizer", "transformer", "llm", "vlm", "mllm", "lmm", "slm", "vla",
})


def _modifies_later_head(toks, k: int) -> bool:
    """Does the noun at ``k`` only modify a head a few plain words later ("a model evaluation suite", "a
    diffusion model training framework")? Then that later head says what the name is."""
    for t in toks[k + 1:k + 4]:
        low = t.lower_
        if low in _DEFINING_HEADS or low in DATA_NOUNS or low in BENCH_NOUNS or low in _CONTAINER_HEADS:
            return True
        if not (t.is_alpha and t.is_lower) or low in _PHRASE_BREAKS or low.endswith(("ed", "ing")):
            return False
    return False


_CALLED = frozenset({"called", "named", "dubbed", "termed", "coined"})
#: Nouns of a group whose members say what it is: "a collection of networks", "a suite of benchmarks".
_GROUP_NOUNS = frozenset({"collection", "family", "set", "suite", "series", "ensemble", "group"})


def _kind_of_members(toks, k: int) -> str | None:
    """The kind the plural head a few words after "a collection of" names (None: no such head)."""
    for t in toks[k:k + 6]:
        low = t.lower_
        single = low[:-1] if low.endswith("s") and not low.endswith("ss") else low
        if low in DATA_NOUNS or single in DATA_NOUNS:
            return "dataset"
        if low in BENCH_NOUNS or single in BENCH_NOUNS:
            return "benchmark"
        if single in _DEFINING_HEADS:
            return "method"
        if not (t.is_alpha or "-" in t.text) or low in ("that", "which", "for", "to", "with", "and"):
            return None
    return None


#: Verbs of evaluating that make a framework or toolkit a benchmark: "a framework designed to evaluate ...".
_EVALUATE_VERBS = frozenset({"evaluate", "evaluating", "assess", "assessing", "benchmarking"})


def _evaluates_after(toks, k: int) -> bool:
    """"a framework designed to rigorously evaluate ...", "a toolkit for assessing ...": the head's purpose, a few
    words on, is evaluating (a verb, not the noun of "a toolkit for creating benchmarks")."""
    for t in toks[k + 1:k + 6]:
        if t.lower_ in _EVALUATE_VERBS or (t.lower_ in ("test", "benchmark") and toks[t.i - 1].lower_ == "to"):
            return True
        if t.text in (",", ".", ";", "(") or t.lower_ in ("and", "which", "that"):
            return False
    return False


#: Words after which a noun phrase has ended.
_PHRASE_BREAKS = frozenset({"for", "of", "from", "with", "in", "on", "to", "that", "which", "where", "and", "or",
                            "by", "at", "via", "as", "is", "are", "was", "were", "than", "into", "across"})


def _joins_modifiers(toks, i: int) -> bool:
    """Does the "and" at ``i`` join two lower-case modifiers ("clean and balanced") rather than two phrases
    ("a method and a dataset", "X and the Y corpus")?"""
    if i + 1 >= len(toks) or i < 1:
        return False
    before, after = toks[i - 1], toks[i + 1]
    if before.text == "," and i >= 2:
        before = toks[i - 2]  # "a large, diverse, and open video dataset": the serial comma before "and"
    return after.is_lower and (after.is_alpha or LOWER_COMPOUND.match(after.text) is not None) and \
        after.lower_ not in ("a", "an", "the", "our", "its", "their") and \
        after.lower_ not in METHOD_NOUNS and before.is_lower and before.lower_ not in METHOD_NOUNS


def _title_kind(toks, colon: int) -> str | None:
    """"X: A Benchmark for ...", "X: A Large-Scale Dataset of ...": what the title's rest says X is."""
    if colon + 1 >= len(toks) or toks[colon + 1].lower_ not in ("a", "an", "the"):
        return None
    return _kind_after(toks, colon + 1)


#: Participles of making after a named noun phrase: "a benchmark, X, is constructed from ...".
_MADE = frozenset({"constructed", "built", "collected", "curated", "created", "released", "introduced", "proposed",
                   "developed", "designed", "assembled", "compiled"})


def _made_by_us(toks, k: int, sid: list[int]) -> bool:
    """Does the indefinite description starting at ``k`` end in "we <make>" ("a set of N images we assemble",
    "a subset that we release")? Stops at the sentence's end or a clause break."""
    for j in range(k + 1, min(len(toks) - 1, k + 16)):
        if sid[j] != sid[k] or toks[j].text in (".", ";", ",", "(") or toks[j].lower_ in ("and", "but"):
            return False
        if toks[j].lower_ == "we" and (toks[j + 1].lower_ in TRIGGERS or toks[j + 1].lower_ in _MAKE_MORE):
            return True
    return False


_MAKE_MORE = frozenset({"assemble", "compile", "gather", "annotate", "label", "release", "crawl", "record"})


def _made_passively(toks, i: int, sid: list[int]) -> str | None:
    """"(a|the) <type noun>, X, is/was <made> ...": the kind of a name set off after a noun and followed by a
    passive verb of making, else None."""
    if i < 2 or i + 3 >= len(toks) or toks[i - 1].text != "," or toks[i + 1].text != ",":
        return None
    if toks[i + 2].lower_ not in ("is", "was", "are", "were") or toks[i + 3].lower_ not in _MADE:
        return None
    if i + 4 < len(toks) and toks[i + 4].lower_ in ("by", "in"):
        return None  # "X, was introduced by/in ...": the history of a name, not this paper's work
    noun = toks[i - 2].lower_
    if noun in DATA_NOUNS:
        return "dataset"
    if noun in BENCH_NOUNS:
        return "benchmark"
    return "term" if noun in _HEAD_NOUNS else None


#: Words that make "<word> set" a collection of data: "training set", "test set", "evaluation set".
_SET_KINDS = frozenset({"training", "train", "test", "testing", "evaluation", "validation", "development", "dev",
                        "held-out", "probe", "data", "instruction", "preference", "problem", "question", "image",
                        "prompt"})
#: Heads that name an evaluation suite when "evaluation"/"benchmarking" modifies them.
_CONTAINER_HEADS = frozenset({"framework", "platform", "toolkit", "toolbox", "harness", "library", "protocol"})
_EVALUATING = frozenset({"evaluation", "benchmarking", "assessment"})


def _kind_before(toks, start_tok: int) -> str | None:
    """"a new benchmark X", "a small probe set, X, of ...": a data noun just before the name."""
    if start_tok >= 2 and toks[start_tok - 1].text == "," and toks[start_tok - 2].lower_ == "set":
        return "dataset"  # "set" names data only right before the name it is called
    if start_tok >= 2 and toks[start_tok - 1].lower_ == "set" and toks[start_tok - 2].lower_ in _SET_KINDS:
        return "dataset"  # "a large training set FooDocs-2M", "a held-out test set Bar-Hard"
    if start_tok >= 2 and toks[start_tok - 1].lower_ in _CONTAINER_HEADS and \
            toks[start_tok - 2].lower_ in _EVALUATING:
        return "benchmark"  # "an evaluation framework X", "a benchmarking platform X": what X evaluates with
    head = start_tok - 2 if start_tok >= 2 and toks[start_tok - 1].text == "," else start_tok - 1
    if head >= 2 and toks[head].lower_ in _CALLED:
        head -= 1  # "a simple method called X"
        if head >= 2 and toks[head].text == ",":
            head -= 1  # "a simple method, called X"
            for t in reversed(toks[max(0, head - 8):head + 1]):
                # "a preference dataset comprising 40 million pairs, named X": the noun the namer names
                if t.lower_ in _DEFINING_HEADS or t.lower_ in METHOD_NOUNS:
                    break
                if t.lower_ in DATA_NOUNS or t.lower_ in BENCH_NOUNS:
                    return "dataset" if t.lower_ in DATA_NOUNS else "benchmark"
                if t.lower_ in TRIGGERS or t.text in (".", ";"):
                    break
    if head >= 1 and toks[head].lower_ in _DEFINING_HEADS and toks[head - 1].lower_ not in _EVALUATING:
        return "method"  # "a unified widget-based framework, ZQ-Net,", "the resulting model ZQ-7B"
    for t in reversed(toks[max(0, start_tok - 4):start_tok]):
        if t.lower_ in DATA_NOUNS:
            return "dataset"
        if t.lower_ in BENCH_NOUNS:
            return "benchmark"
        if t.lower_ in TRIGGERS or t.lower_ in _PAST_TRIGGERS:
            return None  # "experiments on two datasets and propose X": the noun belongs to another clause
    return None


#: Subjects that make a trigger report others' work: "prior works introduce X", "researchers proposed Y".
_OTHERS = frozenset({"works", "studies", "researchers", "authors", "they", "others", "literature", "papers",
                     "approaches", "methods", "efforts"})


def _others_subject(toks, i: int, sid: list[int]) -> bool:
    """Is the subject of the trigger at ``i`` other people's work (no "we"/"our"/"this" after it)?"""
    for k in range(i - 1, max(-1, i - 9), -1):
        t = toks[k]
        if sid[k] != sid[i] or t.text in (",", ";", ":", "."):
            return False
        if t.lower_ in ("we", "our", "us", "this", "here"):
            return False
        if t.lower_ in _OTHERS:
            return True
    return False


_EDITION_WORD = re.compile(rf"^(?:{'|'.join(EDITION_WORDS)})$")


#: Head nouns whose "namely" lists the paper's own names: "two modules, namely A and B".
_NAMELY_HEADS = frozenset({"method", "methods", "framework", "frameworks", "algorithm", "algorithms", "approach",
                           "approaches", "model", "models", "technique", "techniques", "benchmark", "benchmarks",
                           "dataset", "datasets", "corpus", "corpora", "module", "modules", "component", "components",
                           "part", "parts", "stage", "stages", "variant", "variants", "version", "versions", "strategy",
                           "strategies", "mechanism", "mechanisms", "network", "networks", "architecture", "system",
                           "systems", "pipeline", "suite", "suites", "task", "tasks", "agent", "agents", "tool",
                           "tools", "loss", "losses", "objective", "objectives", "estimator", "estimators", "block",
                           "blocks", "scheme", "schemes", "policy", "policies", "", "name", "names"})


def _listed_head(toks, i: int) -> str:
    """The word a "namely" list names (before the comma), lower-cased; "" when it is not a plain word."""
    k = i - 1
    if k >= 0 and toks[k].text in (",", ":", "("):
        k -= 1
    return toks[k].lower_ if k >= 0 and toks[k].is_alpha and toks[k].is_lower else ""


#: Prepositions that make a trigger gerund a purpose: "for constructing", "in developing", "towards building".
_PURPOSE_BEFORE = frozenset({"for", "in", "toward", "towards"})
_GERUND_LIST_GLUE = frozenset({"and", "or", ",", "also", "further", "then"})


#: Verbs that put parts together: "we combine them into X", "we integrate these modules into a framework, X".
_COMBINING_VERBS = frozenset({"combine", "integrate", "unify", "incorporate", "assemble", "merge", "consolidate",
                              "fuse", "distill", "distil", "compile", "package", "wrap"})


def _combined_into(toks, i: int, sid) -> bool:
    """Is "into" at i the end of "we <combine> <several things> into"? (Not "we integrate it into X": one thing
    put into an existing one.)"""
    for k in range(i - 1, max(-1, i - 6), -1):
        if sid[k] != sid[i] or toks[k].text in (",", ";", "."):
            return False
        if toks[k].lower_ in _COMBINING_VERBS:
            return k > 0 and toks[k - 1].lower_ == "we" and any(
                t.lower_ in _SEVERAL or (t.is_lower and t.text.endswith("s") and not t.text.endswith("ss"))
                for t in toks[k + 1:i])
    return False


#: Words that make the object of a combining verb several things: "combine them", "unify these".
_SEVERAL = frozenset({"them", "these", "those", "both", "all", "two", "three", "four"})


#: Small words that link the capitalised words of a name: "Widgets in the Wild", "Bag of Gizmos".
_NAME_LINKS = frozenset({"of", "for", "in", "the", "and", "on", "with", "to", "from", "a", "an"})
def _capitalised_name_word(word: str) -> bool:
    """A word of a Title Case name: capitalised ("Widget"), a linking word ("and", "of") or a prefixed capitalised
    word ("re-Widgeting", "de-Noising")."""
    return word[:1].isupper() or word in _NAME_LINKS or ("-" in word and word.split("-", 1)[1][:1].isupper())


def _counted_lower_items(toks, i: int, sid) -> list[tuple[int, int]]:
    """The lower-case items of the list after "namely" at ``i`` when a first-person trigger before it counted
    them ("we introduce two ways to ..., namely A and B"): exactly that many phrases of one to four words."""
    n = len(toks)
    before = [t for t in toks[max(0, i - 16):i] if sid[t.i] == sid[i]]
    trigger = next((k for k, t in enumerate(before) if t.lower_ in TRIGGERS and k > 0 and
                    before[k - 1].lower_ in ("we", "also", "further", "then")), None)
    if trigger is None:
        return []
    wanted = next((_NUMBER_WORDS[t.lower_] for t in before[trigger + 1:trigger + 4] if t.lower_ in _NUMBER_WORDS), 0)
    if not wanted:
        return []
    k = i + 1 + (i + 1 < n and toks[i + 1].text == ",")
    items = []
    while k < n and sid[k] == sid[i] and len(items) < wanted:
        e = k
        while e < n and e - k < 4 and toks[e].is_lower and (toks[e].is_alpha or "-" in toks[e].text) and \
                toks[e].lower_ not in ("and", "or", "which", "that", "to", "for", "with"):
            e += 1
        if e == k:
            return []
        items.append((k, e))
        k = e + (e < n and toks[e].text == ",")
        k += k < n and toks[k].lower_ == "and"
    ends_list = k >= n or sid[k] != sid[i] or toks[k - 1].lower_ != "and" and toks[k].text in (",", ".", ";", "(") or \
        toks[k].lower_ in ("which", "that", "to", "for", "with")
    if len(items) != wanted or not ends_list or any(stop_category(" ".join(t.text for t in toks[a:b]))
                                                    for a, b in items):
        return []
    return items


_ENUMERATOR = re.compile(r"\d|[ivx]{1,3}|[a-d]")


def _enumerator_at(toks, j: int) -> bool:
    """Does an enumerator "(1)", "(ii)", "(b)" open at token j?"""
    return toks[j].text == "(" and j + 2 < len(toks) and toks[j + 2].text == ")" and \
        _ENUMERATOR.fullmatch(toks[j + 1].text) is not None


def _inside_title_case_name(toks, i: int, sid) -> bool:
    """Is a capitalised trigger word the middle of a Title Case run ("Widget Design Spaces") rather than a verb?"""
    if i == 0 or i + 1 >= len(toks) or not toks[i].is_title or toks[i].is_sent_start:
        return False
    before, after = toks[i - 1], toks[i + 1]
    return (sid[i - 1] == sid[i] == sid[i + 1] and before.is_title and before.is_alpha and not before.is_sent_start
            and before.lower_ not in _FIRST_PERSON and after.is_title and after.is_alpha)


def _purpose_gerund(toks, i: int, sid: list[int]) -> bool:
    """Is the -ing trigger at ``i`` what something is for ("for constructing X"), possibly the last of a list of
    gerunds with adverbs ("in understanding, applying and further developing X")?"""
    k = i - 1
    while k >= 0 and sid[k] == sid[i] and (toks[k].lower_ in _GERUND_LIST_GLUE or toks[k].lower_.endswith("ly") or
                                           (k < i - 1 and toks[k].lower_.endswith("ing") and toks[k].is_lower)):
        k -= 1
    return k >= 0 and sid[k] == sid[i] and toks[k].lower_ in _PURPOSE_BEFORE


def _name_at(doc, toks, i: int, spans: dict[int, int]) -> tuple[int, int] | None:
    """Token span of the name starting at token ``i``, if one does."""
    if i >= len(toks):
        return None
    tok = toks[i]
    if tok.idx in spans and (any(c.isupper() for c in doc_text(doc)[tok.idx:spans[tok.idx]]) or "(" in
                             doc_text(doc)[spans[tok.idx]:spans[tok.idx] + 3].lstrip("}")):  # "widget flow} (WF)"
        end_char = spans[tok.idx]
        j = i
        while j < len(toks) and toks[j].idx < end_char:
            j += 1
        while j < len(toks) and toks[j - 1].text.isupper() and toks[j].text.isupper() and toks[j].is_alpha and \
                len(toks[j].text) >= 3:
            j += 1  # "FOO INSTRUCTIONS": a name written in capitals goes on over its capitalised words
        return None if ADJECTIVE_COMPOUND.search(toks[j - 1].text) else (i, j)
    # a run of capitalised or name-shaped words: "Prefix Grouper", "Dynamics-Aware Hybrid ... Learning"
    j = i
    joined_by_of = False
    while j < len(toks) and _run_word(toks[j]):
        end_char = spans.get(toks[j].idx)
        if end_char is not None and j > i:
            # a known name starts inside the run ("Acme Widgets in Context"): the run ends where it does
            while j < len(toks) and toks[j].idx < end_char:
                j += 1
            break
        j += 1
        if _of_continues(toks, i, j, joined_by_of):
            joined_by_of = True
            j += 1  # "Joint Learning of Widget Shape and Motion": "of" (then one "and") inside a name
    while j > i and ADJECTIVE_COMPOUND.search(toks[j - 1].text):
        j -= 1  # "Fourier-transform-based" describes, it does not name
    if j == i:
        return None
    shaped = any(name_shape(t.text) for t in toks[i:j])
    if not shaped and j < len(toks) and toks[j].is_lower and toks[j].is_alpha and \
            toks[j].lower_ not in _FUNCTION_WORDS and not (j - i >= 2 and toks[j].lower_ in _PREDICATES):
        return None  # "a Partial widget Sorting strategy": the capital starts a lower-case phrase (not "Widget
        # Frame Selection performs ...": a name, then its predicate)
    if j - i == 1 and toks[i].is_sent_start and not shaped:
        return None
    if j - i == 1 and j < len(toks) and toks[j].text.isdigit() and generic_numbered(f"{toks[i].text} {toks[j].text}"):
        return None  # "named as Track 4", "called Stage 2": a numbered part, no name
    return i, j


def _name_before_bracket(toks, close: int, ends: dict[int, int], sid: list[int]) -> tuple[int, int] | None:
    """Token span of the name right before the bracket group that ends at token ``close``: a long form found
    before ("Widget Flow Tuning (WFT)", ``ends`` maps a found name's end char to its start char) or one token
    written like a name ("WiFT (Widget Flow Tuning)"); None otherwise."""
    p = close - 1
    while p > 0 and close - p <= 12 and sid[p] == sid[close] and toks[p].text not in ("(", ")"):
        p -= 1
    if p < 1 or toks[p].text != "(" or sid[p - 1] != sid[close] or any(
            t.lower_ in _CITING or (t.text.isdigit() and len(t.text) == 4) for t in toks[p + 1:close]):
        return None  # "BarNet (Lee et al., 2021)": a reference, not a definition
    last = toks[p - 1]
    start_char = ends.get(last.idx + len(last.text))
    if start_char is not None:
        s = p - 1
        while s > 0 and toks[s].idx > start_char:
            s -= 1
        if toks[s].idx == start_char:
            return s, p
    return (p - 1, p) if name_shape(last.text) else None


#: Words of a reference in brackets: "(Lee et al.)", "(see Sec. 2)".
_CITING = frozenset({"et", "al", "al.", "see", "e.g.", "i.e.", "cf.", "ref", "sec.", "section"})
#: Words after "X, our" that make X something older, not this paper's: "X, our previous model".
_OLDER = frozenset({"previous", "earlier", "prior", "original", "old", "baseline", "existing", "preliminary"})


def _our_head_after(toks, k: int, sid: list[int]) -> str | None:
    """The head noun of "our (newly) constructed dataset" starting at token ``k`` ("our"), else None. A word of
    making must come first: "X, our main benchmark" is what the paper uses, not what it makes."""
    made = False
    for j in range(k + 1, min(len(toks), k + 7)):  # "our meticulously curated instruction tuning dataset"
        t = toks[j]
        if sid[j] != sid[k] or not t.is_lower or t.lower_ in _OLDER:
            return None
        if t.lower_ in _MADE or t.lower_ in ("new", "newly", "novel", "own"):
            made = True
        elif t.lower_ in _HEAD_NOUNS or t.lower_ in DATA_NOUNS or t.lower_ in BENCH_NOUNS:
            return t.lower_ if made else None
    return None


def _of_continues(toks, i: int, j: int, joined_by_of: bool) -> bool:
    """Does the capitalised run ``toks[i:j]`` go on over the connector at ``j``? "of" between capitalised
    words does ("Mixture of Gizmo Experts"); "and" only after an "of" and before the phrase ends ("Learning
    of Shape and Motion."), for "A and B" alone are two names."""
    if j + 1 >= len(toks) or j - i < 1 or not _run_word(toks[j + 1]) or name_shape(toks[j + 1].text) == "acronym":
        return False
    low = toks[j].lower_
    if low == "of":
        return stop_category(toks[j + 1].text) != "organisation"  # "GizmoLM of OpenAI": its maker, not its name
    if low != "and" or not joined_by_of:
        return False
    k = j + 1
    while k < len(toks) and _run_word(toks[k]):
        k += 1
    return k >= len(toks) or toks[k].text in (".", ",", ";", ":", "(")


def _bare_word(toks, s: int) -> bool:
    """A one-word candidate that is a plain dictionary word and nothing marks as a name:
    no acronym or reference in brackets, no ", a/an ..." description, no head noun after it."""
    tok = toks[s]
    if not tok.is_title or name_shape(tok.text):
        return False
    if tok.lower_ not in english_words():
        return False
    nxt = toks[s + 1] if s + 1 < len(toks) else None
    after = toks[s + 2] if s + 2 < len(toks) else None
    if nxt is None:
        return True
    if nxt.text in ("(", ":") or nxt.lower_ in _HEAD_NOUNS:
        return False
    if nxt.text in _DASHES and s >= 1 and toks[s - 1].text == nxt.text:
        return False  # "a new framework—Calmly—which": set off by dashes after its description
    third = toks[s + 3] if s + 3 < len(toks) else None
    described = after is not None and (after.lower_ in ("a", "an", "which", "that") or
                                       (after.lower_ == "the" and third is not None and third.is_alpha))
    return not (nxt.text == "," and described)


#: Verbs that open the predicate after a name: "A performs ..., while B employs ...".
_PREDICATES = frozenset({"employs", "performs", "uses", "takes", "computes", "generates", "predicts", "selects",
                         "learns", "produces", "captures", "encodes", "aggregates", "refines", "estimates", "retrieves",
                         "identifies", "applies", "combines", "leverages", "fuses", "extracts", "maps", "handles",
                         "provides", "enables", "ensures", "integrates", "adapts", "converts", "filters", "ranks",
                         "guides", "decomposes", "constructs", "builds", "injects", "replaces", "removes", "prunes"})


def _run_word(t) -> bool:
    return (t.text[:1].isupper() and (t.is_alpha or "-" in t.text)) or bool(name_shape(t.text))


def _name_after_description(doc, toks, j: int, spans: dict[int, int], sid: list[int]) -> tuple[int, int] | None:
    """The name after the first comma of a short description, if it is written like a name."""
    for k in range(j, min(len(toks) - 1, j + 15)):
        t = toks[k]
        if sid[k] != sid[j] or t.text in (".", ";", ":") or t.lower_ in ("which", "that", "where", "to"):
            return None
        if t.text in ("," ,) + _DASHES:
            if toks[k - 1].lower_ in METRIC_HEADS:
                return None  # "a novel complexity measure -- widget eluder coefficient --": a metric, not a method
            if k + 2 < len(toks) and toks[k + 1].lower_ == "the" and sid[k + 1] == sid[j]:
                k += 1  # "a model-agnostic framework, the Widget Planner (WP)": the article opens the name
            hit = _name_at(doc, toks, k + 1, spans)
            if hit is None:
                return None
            s, e = hit
            written = doc_text(doc)[toks[s].idx:toks[e - 1].idx + len(toks[e - 1].text)]
            if name_shape(toks[s].text) or toks[s].idx in spans or len(written.split()) >= 2:
                return hit
            if t.text in _DASHES and e < len(toks) and toks[e].text == t.text and toks[s].is_title:
                return hit  # "a new bias quantification framework—Zalm—which ...": one word set off by dashes
            if e == s + 1 and e < len(toks) and toks[e].text in (",", "(") and toks[s].is_title and \
                    toks[s].is_alpha and not dictionary_word(toks[s].lower_):
                return hit  # "a long-context benchmark, Zorbo, built from ...": one coined capitalised word
            return None
    return None


_DASHES = ("\u2014", "--", "\u2013", "---")
#: A coined term in quotes (one to four words): "'widget dropout'", "“widget encoding”", "``widget caching''",
#: "`widget flows'".
_QUOTED_TERM = re.compile(r"(?:``|[\"'“‘`])([A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,3})[.,]?(?:''|[\"'”’])(?!\w)")
#: A naming verb right before the quote: "what we call", "termed", "dubbed", "which we name".
#: (Not "so-called": it marks a term already in use.)
_QUOTE_NAMER = re.compile(r"\b(?:we (?:call|term|name|dub|coin)|(?:(?<!so-)called|termed|dubbed|named|coined))\s*$")
#: An indefinite description right before the quote: "a cheap but useful", "a novel".
_QUOTE_DESCRIBED = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,4}$")
_HEAD_AFTER_QUOTE = re.compile(r"\s+(?:operation|mechanism|strategy|technique|method|module|loss|objective|trick|"
                               r"scheme|procedure|step|stage|regulari[sz]er|layer|algorithm|architecture|"
                               r"network|framework|attack|block|model|approach)\b")
#: A first-person trigger right before the quote: "we propose a new", "we introduce", "we then present".
_QUOTE_TRIGGERED = re.compile(r"\bwe\s+(?:\w+\s+)?(?:propose|introduce|present|design|develop|devise|coin)\s+"
                              r"(?:(?:a|an|the)\s+)?(?:(?:new|novel|simple)\s+)?$")
#: A coined term set in a LaTeX font right after a trigger: "we propose \emph{widget pooling}".
_FONT_TERM = re.compile(LATEX_FONT_PREFIX + r"([A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,3})\}")


def _bare_phrase_described(toks, j: int, sid: list[int]) -> tuple[int, int] | None:
    """Two to five lower-case words right after a trigger (no article), then ", a/an ...", a dash or colon, or
    its acronym in brackets: the phrase is the proposal's name ("we introduce widget path sampling, a simple
    estimator", "we propose list-level widgeting—learning ...")."""
    k = j
    while k < len(toks) and k - j < 5 and sid[k] == sid[j] and toks[k].is_lower and \
            (toks[k].is_alpha or "-" in toks[k].text) and toks[k].lower_ not in _FUNCTION_WORDS and \
            toks[k].lower_ not in _SKIP and toks[k].lower_ not in _PHRASE_BREAKS:
        k += 1
    if k - j < 2 or k + 2 >= len(toks):
        return None
    first = toks[j].lower_
    if first in _NUMBER_WORDS or first in ("five", "six", "seven", "eight", "several", "multiple", "many", "various") or \
            (first.endswith("ing") and dictionary_word(first)):
        return None  # "we propose four widget techniques: ...", "we propose integrating widget flows -- ...": a
        # count of things or what the paper does, not a name
    if toks[k].text == "," and toks[k + 1].lower_ in ("a", "an"):
        return j, k
    if toks[k].text in ("—", "---", "--", ":") or (toks[k].text == "(" and toks[k + 2].text == ")" and
                                                     name_shape(toks[k + 1].text) == "acronym"):
        return j, k  # "we propose widget pooling—pooling ...", "we introduce widget caching (WC)"
    return None


#: "consists of two components:", "has three parts:": a list of the system's own named parts follows.
_COMPONENT_NOUNS = frozenset({"components", "parts", "modules", "stages", "elements", "ingredients", "pieces",
                              "strategies", "techniques", "innovations", "designs", "mechanisms", "blocks"})
_COMPOSED = frozenset({"consists", "consist", "comprises", "comprise", "composed", "has", "have", "contains",
                       "includes", "of", "via", "through", "with", "uses", "employs", "leverages", "integrates",
                       "introduces", "features", "introducing", "comprising", "incorporates", "incorporating"})


#: Plural heads of what a paper presents as a list: "we release two resources: A and B".
_PRESENTED_PLURALS = frozenset({"tools", "resources", "datasets", "benchmarks", "models", "methods", "libraries",
                                "toolkits", "frameworks", "algorithms", "corpora", "suites", "systems"})
#: Verbs of presenting a paper's own things.
_PRESENTING_VERBS = frozenset({"present", "introduce", "propose", "release", "develop", "build", "provide", "offer"})


def _listed_parts_starts(toks, sid: list[int]) -> Iterator[tuple[int, int]]:
    """(head, first listed token) of each list of the paper's own parts or presented things after a colon: "X
    consists of two modules: ...", "we present three tools for widget research: ..."."""
    n = len(toks)
    for t in toks:
        i = t.i
        if t.lower_ in _COMPONENT_NOUNS and i + 1 < n and toks[i + 1].text == ":" and \
                any(u.lower_ in _COMPOSED for u in toks[max(0, i - 4):i] if sid[u.i] == sid[i]):
            yield i, i + 2
        elif t.text == ":" and i + 1 < n:
            head = next((u.i for u in toks[max(0, i - 6):i] if u.lower_ in _PRESENTED_PLURALS and sid[u.i] == sid[i]),
                        None)
            if head is not None and _we_present_before(toks, head, sid):
                yield head, i + 1


def _we_present_before(toks, i: int, sid: list[int]) -> bool:
    """"we present (useful) tools for X research", "we present the Widget Suite with five datasets" before the
    head at ``i``: "we" and a presenting verb, at most fourteen words back in the head's sentence, whose object
    the head is ("we present experiments on three datasets": the datasets are where the experiments ran)."""
    verb = _first_person_verb(toks, i, sid, _PRESENTING_VERBS, 15)
    return verb is not None and not any(t.lower_ in _PLACE_PREPOSITIONS for t in toks[verb + 1:i])


def _first_person_verb(toks, i: int, sid: list[int], verbs, reach: int) -> int | None:
    """Index of the first of ``verbs`` said by "we" (an adverb between allowed) within ``reach`` tokens before
    ``i`` in its sentence, else None."""
    window = [t for t in toks[max(0, i - reach):i] if sid[t.i] == sid[i]]
    return next((t.i for k, t in enumerate(window) if t.lower_ in verbs and k > 0 and
                 window[k - 1].lower_ in ("we", "also", "further", "then")), None)


#: Prepositions that make a plural noun the setting of what is presented, not the presented thing itself.
_PLACE_PREPOSITIONS = frozenset({"on", "in", "across", "over", "using", "from", "to", "against", "at", "for"})


def _next_part(toks, k: int, sid: list[int]) -> int:
    """Index of the first token after the next part separator ("; ", ", and ", " and ") in the sentence."""
    depth = 0
    j = k + 1
    while j < len(toks) and sid[j] == sid[k]:
        t = toks[j]
        depth += t.text == "("
        depth -= t.text == ")"
        if depth <= 0 and (t.text == ";" or t.lower_ in ("and", "while", "whereas")):
            j += 1
            while j < len(toks) and toks[j].lower_ in ("and", "the", ",", "while", "whereas"):
                j += 1
            return j
        j += 1
    return j


#: Words that can name what follows, in context (see :func:`_naming_verb`).
_NAMING_WORDS = frozenset({"name", "term", "as"})


def _naming_verb(toks, i: int) -> bool:
    """A verb that names what follows it: "(which) we name/term X", "we refer to it as X"."""
    low = toks[i].lower_
    if low in ("name", "term") and i > 0 and toks[i - 1].lower_ == "we":
        return True
    if low in ("name", "term") and i > 1 and toks[i - 1].lower_ == "and" and \
            any(t.lower_ == "we" for t in toks[max(0, i - 14):i - 1]) and \
            toks[i + 1:i + 2] and toks[i + 1].lower_ in ("the", "it", "this", "our", "them"):
        return True  # "we apply A to B and term the result X": the naming verb coordinated with the paper's own
    if low == "as" and i >= 2:
        window = [t.lower_ for t in toks[max(0, i - 6):i]]
        return "to" in window and any(w in ("refer", "refers", "referred") for w in window)
    return False


def _namer_follows(toks, i: int, sid: list[int]) -> bool:
    """Is the trigger's own object named later ("a family of widget models named X"), before the next clause ("and build")?"""
    for t in toks[i + 1:i + 12]:
        if sid[t.i] != sid[i] or t.lower_ in ("and", ";", "while", "which", "that"):
            return False
        if t.lower_ in NAMERS:
            return True
    return False


def _defined_after(doc, toks, j: int, spans: dict[int, int], sid: list[int],
                   named: bool = False) -> tuple[int, int] | None:
    """A long form defined with an acronym a few modifier words after the cue.

    "a novel rule-based checkable widget reward scheme (CWRS)": a
    lower-case phrase is generic, but defining an acronym for it makes it
    the paper's named proposal.
    """
    text = doc_text(doc)
    for k in range(j, min(len(toks), j + 6)):
        t = toks[k]
        if t.lower_ == "of" and k > j and toks[k - 1].lower_ in _HEAD_NOUNS:
            continue  # "a novel network architecture of Widget Adaptation Network (WAN)": the head, then its name
        if sid[k] != sid[j] or not (t.is_alpha or "-" in t.text) or t.lower_ in _FUNCTION_WORDS or \
                t.lower_ in _PHRASE_BREAKS:
            return None
        end_char = spans.get(t.idx)
        if end_char is not None and text[end_char:end_char + 2].lstrip().startswith("("):
            e = k
            while e < len(toks) and toks[e].idx < end_char:
                e += 1
            name = text[t.idx:end_char]
            if toks[e - 1].idx + len(toks[e - 1].text) != end_char or _known_method(canonical_key(name)) or \
                    (not named and not all(_capitalised_name_word(w) for w in name.split()) and
                     not lower_method_head(name)):
                return None  # a known name ("Direct Preference Optimization (DPO)") or a measure, not a method
            return k, e
    return None


def _bracketed_after_head(toks, j: int, sid: list[int]) -> tuple[int, int] | None:
    """A name in brackets right after a lower-case description that ends in a head noun.

    "we propose a gizmo-aware ranking model (GizRank)", "a widget based sequential encoder (WBSE)": the
    description spells out no initials, so no acronym definition links the two, but the bracket names it.
    """
    k = j
    # (an acronym may modify the head: "a few-shot GR framework (Few-Shot GR)")
    while k < len(toks) and k < j + 10 and sid[k] == sid[j] and \
            ((toks[k].is_lower and (toks[k].is_alpha or "-" in toks[k].text)) or
             (toks[k].text.isupper() and toks[k].is_alpha and k + 1 < len(toks) and toks[k + 1].is_lower)) and \
            (toks[k].lower_ == "based" or (toks[k].lower_ not in _FUNCTION_WORDS and toks[k].lower_ not in _PHRASE_BREAKS)):
        k += 1
    if k == j or toks[k - 1].lower_ not in _HEAD_NOUNS or k + 2 >= len(toks) or sid[k + 2] != sid[j]:
        return None
    if toks[k].text != "(":
        return None
    close = next((c for c in range(k + 2, min(len(toks), k + 5)) if toks[c].text == ")"), None)
    if close is None:
        return None
    inside = toks[k + 1:close]
    shapes = [name_shape(t.text) for t in inside]
    if len(inside) == 1 and shapes[0] in ("acronym", "mixed", "alnum"):
        return k + 1, k + 2
    # "(Few-Shot GR)": a name of capitalised words with one written like a name
    if len(inside) > 1 and all(t.text[:1].isupper() for t in inside) and \
            any(sh in ("acronym", "mixed", "alnum", "capcompound") for sh in shapes):
        return k + 1, close
    return None


_PARAM_COUNT = re.compile(r"^\d+(?:\.\d+)?[BM]$")


def _head_follows(toks, k: int) -> bool:
    """A head noun within the next three words, after plain lower-case modifiers ("simple yet effective scheme")."""
    for t in toks[k:k + 4]:
        if t.lower_ in _HEAD_NOUNS:
            return True
        if _PARAM_COUNT.match(t.text):
            continue  # "a 7B model"
        if not (t.is_lower and (t.is_alpha or "-" in t.text)) or t.lower_ in _FUNCTION_WORDS - {"and"}:
            return False
    return False


def _trigger_before(toks, i: int, sid: list[int], triggers: frozenset = TRIGGERS) -> bool:
    """A first-person proposal trigger earlier in the same sentence ("we propose to ...")."""
    k = i
    while k > 0 and sid[k - 1] == sid[i]:
        k -= 1
    words = [t.lower_ for t in toks[k:i]]
    return any(w in triggers for w in words) and any(w in ("we", "our", "paper", "work") for w in words)


#: "we train Widget-LM, a speech model": training a model the sentence then describes is making it.
_TRAIN_VERBS = frozenset({"train", "trains", "pretrain", "pretrains", "pre-train", "fine-tune", "finetune"})
_MAKING_VERBS = TRIGGERS | _TRAIN_VERBS
#: "we implement Gizmo, a serving library ...": implementing a name the sentence then describes makes it.
_IMPLEMENT_VERBS = frozenset({"implement", "implements"})


def _we_before(toks, i: int) -> bool:
    """Is the verb at ``i`` ("train", "fine-tune" split as fine - tune) said by "we", an adverb allowed between?"""
    k = i - 1
    if k >= 1 and toks[k].text == "-":
        k -= 2  # "fine - tune", "pre - train"
    if k >= 0 and toks[k].lower_ in ("also", "then", "further", "first", "additionally", "finally"):
        k -= 1
    if k >= 1 and toks[k].lower_ == "and":  # "we build a dataset and fine-tune ...": a coordinated verb
        return any(t.lower_ == "we" for t in toks[max(0, k - 14):k])
    return k >= 0 and toks[k].lower_ == "we"


#: Verbs after "to" that name what training made: "we fine-tune Foo on X to obtain Bar".
_RESULT_VERBS = frozenset({"obtain", "produce", "get", "yield", "derive", "create", "build"})
#: Words that end the noun phrase of a result: "to obtain a model FooLM based on ...".
_RESULT_STOPS = frozenset({",", ";", ".", ":", "(", "and", "or", "based", "that", "which", "with", "for", "on",
                           "in", "to", "by", "from", "using", "via", "at"})


def _result_name(doc, toks, k: int, sid: list[int]) -> tuple[int, int] | None:
    """The coined name ending the noun phrase that starts at ``k``: "(to obtain) an LLM FooLLaMA",
    "(to produce) a strong baseline model Foo-Coder-7B"; a head word (or acronym) must come before the name."""
    j = k
    while j < len(toks) and j < k + 9 and sid[j] == sid[k] and toks[j].lower_ not in _RESULT_STOPS:
        j += 1
    s = j
    while s > k and name_shape(toks[s - 1].text) and not toks[s - 1].is_sent_start and \
            not stop_category(toks[s - 1].text):  # "an LLM FooLLaMA": a class acronym is the head word
        s -= 1
    if s == j or s == k or toks[s - 1].lower_ in ("a", "an", "the"):
        return None  # no name, or an article right before it: the phrase is the name itself, not described
    written = doc_text(doc)[toks[s].idx:toks[j - 1].idx + len(toks[j - 1].text)]
    return None if _known_name(canonical_key(written)) else (s, j)


def _made_into(doc, toks, i: int, spans: dict[int, int], sid: list[int]) -> tuple[int, int] | None:
    """The coined name after "into" in "we fine-tune the Foo model into Bar", or after "to obtain" in "we train
    Foo on X to obtain a model Bar" (training verb at ``i``)."""
    for k in range(i + 1, min(len(toks) - 1, i + 16)):
        if sid[k] != sid[i] or toks[k].text in (";", ".") or (toks[k].lower_ == "and" and toks[k + 1].lower_ == "we"):
            break
        if toks[k].lower_ == "to" and toks[k + 1].lower_ in _RESULT_VERBS:
            return _result_name(doc, toks, k + 2, sid)
    for k in range(i + 1, min(len(toks) - 1, i + 9)):
        if sid[k] != sid[i] or toks[k].text in (",", ";", ".") or toks[k].lower_ in ("and", "to", "for", "with"):
            return None
        if toks[k].lower_ == "into":
            hit = _name_at(doc, toks, k + 1, spans)
            if hit is None or not name_shape(toks[hit[0]].text):
                return None
            written = doc_text(doc)[toks[hit[0]].idx:toks[hit[1] - 1].idx + len(toks[hit[1] - 1].text)]
            return None if _known_name(canonical_key(written)) else hit
    return None


#: Verbs of using a named thing: "we adopt Foo, a pretrained encoder, as the reader".
_USE_VERBS = frozenset({"leverage", "leverages", "leveraging", "use", "uses", "using", "adopt", "adopts", "employ",
                        "employs", "utilize", "utilizes", "utilise", "utilises", "borrow", "borrows"})
#: Words before a namer that make the named thing someone else's: "a recent detector called X".
_EARLIER_MARKS = frozenset({"recent", "existing", "popular", "prior", "previous", "well-known", "classic",
                            "classical", "standard", "conventional", "traditional", "vanilla", "original",
                            "off-the-shelf", "established", "widely-used", "pretrained", "pre-trained",
                            "recently", "previously", "widely"})  # "a recently proposed method named X"


_NEED_WORDS = frozenset({"important", "necessary", "crucial", "essential", "critical", "vital", "desirable",
                         "need", "needs", "needed", "challenging", "difficult", "hard", "urgent", "imperative"})


def _impersonal_need(toks, i: int, sid: list[int]) -> bool:
    """"it is important to develop X", "there is a need to build X": a trigger after "to" in a sentence whose
    subject is a need, not the paper ("we need to ..." and "we aim to ..." still propose)."""
    if i < 2 or toks[i - 1].lower_ != "to":
        return False
    window = [t for t in toks[max(0, i - 6):i - 1] if sid[t.i] == sid[i]]
    return any(t.lower_ in _NEED_WORDS for t in window) and not any(t.lower_ in ("we", "our") for t in window)


#: Heads whose name is a phenomenon the paper studies or a measure it reports, not a method or data it makes.
_STUDIED_HEADS = frozenset({"phenomenon", "phenomena", "mode", "modes", "behavior", "behaviour", "behaviors",
                            "behaviours", "effect", "effects", "problem", "issue", "bias", "vulnerability",
                            "pathology", "metrics", "criterion"}) | METRIC_HEADS


def _names_what_is_studied(toks, i: int, sid: list[int]) -> bool:
    """Is the namer at ``i`` naming a phenomenon or a measure ("a failure mode in LLMs, termed X", "an evaluation
    metric named Y")? The head is the last noun before the namer, prepositional phrases and a comma skipped."""
    k = i - 1
    if k >= 0 and toks[k].text == ",":
        k -= 1
    if k < 0 or sid[k] != sid[i]:
        return False
    head = k if toks[k].lower_ in _STUDIED_HEADS else None
    for j in range(k - 1, max(0, k - 4), -1):  # one prepositional phrase after the head: "a mode in LLMs, termed"
        if head is not None or sid[j] != sid[i] or toks[j].text in (",", ";", ":", "."):
            break
        if toks[j].lower_ in ("of", "in", "for", "on", "with", "among"):
            head = j - 1 if toks[j - 1].lower_ in _STUDIED_HEADS else None
            break
    if head is None:
        return False
    # "we propose a composite metric, called FooQ": an evaluation metric the paper itself makes is its
    # contribution (a theoretical measure or coefficient is what it analyses with)
    return not (toks[head].lower_ in ("metric", "metrics", "score", "criterion") and
                _we_trigger_before(toks, head, sid))


def _we_trigger_before(toks, i: int, sid: list[int]) -> bool:
    """Is there a first-person trigger ("we propose", "we introduce") before token i in its sentence?"""
    return _first_person_verb(toks, i, sid, TRIGGERS, 10) is not None


def _earlier_thing_named(toks, i: int, sid: list[int]) -> bool:
    """Is the noun phrase before the namer at ``i`` marked as existing work ("a popular MLLM called X")?"""
    for k in range(i - 1, max(-1, i - 6), -1):
        t = toks[k]
        if sid[k] != sid[i] or t.text in (",", ";", ":", "(") or t.lower_ in ("we", "our", "new", "novel", "and") or \
                t.lower_ in NAMERS:
            return False  # the noun phrase ends at a clause break or at another namer
        if t.lower_ in _EARLIER_MARKS:
            return True
    return False


def _counted_colon_list(doc, toks, i: int, spans: dict[int, int], sid: list[int]) -> tuple[int, int] | None:
    """The first coined name listed after a colon that ends the counted plural object of a first-person trigger
    at ``i`` ("we design three modules for ...: A (AB), B and C"); None otherwise."""
    n = len(toks)
    if i + 2 >= n or _NUMBER_WORDS.get(toks[i + 1].lower_, 0) < 2 or \
            not any(t.lower_ in _FIRST_PERSON for t in toks[max(0, i - 3):i] if sid[t.i] == sid[i]):
        return None
    colon = None
    for k in range(i + 2, min(n, i + 22)):
        if sid[k] != sid[i] or toks[k].text in (";", "(", ")") or toks[k].lower_ in TRIGGERS or \
                toks[k].lower_ in NAMERS or toks[k].lower_ in ("which", "that", "where", "we"):
            return None
        if toks[k].text == ":":
            colon = k
            break
    if colon is None or not any(t.is_lower and t.text.endswith("s") for t in toks[i + 2:colon]):
        return None
    m = colon + 1
    if m < n and _enumerator_at(toks, m):
        m += 3
    if m < n and toks[m].lower_ in ("a", "an", "the"):
        m += 1
    hit = _name_at(doc, toks, m, spans) if m < n and sid[m] == sid[i] else None
    if hit is None:
        return None
    s, e = hit
    if not (name_shape(toks[s].text) or (e - s >= 2 and all(t.text[:1].isupper() for t in toks[s:e]) and
                                         _after_definition(toks, e) > e)):
        return None  # "two settings: Offline and Online": plain words, no coined name
    written = doc_text(doc)[toks[s].idx:toks[e - 1].idx + len(toks[e - 1].text)]
    if _known_name(canonical_key(written)) or stop_category(written):
        return None
    return hit


def _after_definition(toks, e: int) -> int:
    """The token after a name's bracketed acronym ("Widget Norm (WN)"), else ``e``."""
    if e + 2 < len(toks) and toks[e].text == "(" and toks[e + 2].text == ")" and name_shape(toks[e + 1].text):
        return e + 3
    return e


def _lower_word(text: str) -> bool:
    """A word or a hyphenated compound of words ("repo-level", "training-free"), no number or symbol."""
    return all(part.isalpha() for part in text.split("-"))


def _name_after_head(doc, toks, j: int, spans: dict[int, int], sid: list[int]) -> tuple[int, int] | None:
    """A name right after the lower-case head noun of a count phrase, optionally after a dash or colon.

    "we design an oracle Widget Oracle", "two scores -- the Widget Norm and
    the Gadget Ratio": the name must be written like one (several
    capitalised words, or a shaped word).
    """
    k = j
    # (a language's name may modify the head: "a Chinese dialog dataset X")
    while k < len(toks) and k < j + 6 and sid[k] == sid[j] and (
            (toks[k].is_lower and _lower_word(toks[k].text) and toks[k].lower_ not in _FUNCTION_WORDS and
             toks[k].lower_ not in _PHRASE_BREAKS) or
            (k > j and toks[k].is_title and k + 1 < len(toks) and toks[k + 1].is_lower and
             stop_category(toks[k].text) == "language") or
            # (and an acronym of the task right before the head: "a text-guided TSE model StyleTSE")
            (k > j and toks[k].text.isupper() and toks[k].is_alpha and k + 2 < len(toks) and
             toks[k + 1].lower_ in _HEAD_NOUNS and name_shape(toks[k + 2].text))):
        k += 1
    if k == j or k >= len(toks) or sid[k] != sid[j]:
        return None
    if toks[k].text in ("--", "---", "—", "–", ":", "-"):
        k += 1
        if k < len(toks) and toks[k].lower_ == "the":
            k += 1
    if k + 1 < len(toks) and LATEX_FONT_TOKEN.match(toks[k].text):
        k += 1  # "a dialog dataset \emph{WidgetDial}": the name in a font command
    if k >= len(toks) or sid[k] != sid[j]:
        return None
    hit = _name_at(doc, toks, k, spans)
    if hit is None:
        return None
    s, e = hit
    coined = e - s == 1 and k > j and toks[k - 1].lower_ in _HEAD_NOUNS and _coined_word(toks[s])
    if not (name_shape(toks[s].text) or coined or (e - s >= 2 and all(t.text[:1].isupper() for t in toks[s:e]))):
        return None
    if _head_follows(toks, _after_definition(toks, e)):
        return None  # "developing an all-powerful WIDG model": the name only modifies a head noun after it
    return hit


def _coined_word(tok) -> bool:
    """"a generation framework Zorvana with ...": one capitalised word no dictionary has, right after a head noun,
    is the thing's name."""
    return tok.is_title and tok.is_alpha and len(tok.text) >= 4 and tok.lower_ not in english_words() and \
        stop_category(tok.text) is None and not tok.is_sent_start


#: Words that open the list of a proposal's named parts: "X, an integrated system comprising A and B".
_PARTS_OPENERS = frozenset({"comprising", "consisting", "composed", "featuring", "incorporating"})


def _named_parts(doc, toks, e: int, spans: dict[int, int], sid: list[int], seen: set[int]) -> Iterator:
    """"we introduce X, a system comprising A and B", "X, a framework consisting of A, B and C", "X, a method
    featuring the A mechanism": the named parts of the paper's own proposal, listed in its appositive, are the
    paper's too."""
    n = len(toks)
    e = _after_definition(toks, e)  # "X (XY), a system comprising ..."
    if e >= n or toks[e].text != ",":
        return
    k = e + 1
    while k < n and k <= e + 10 and sid[k] == sid[e] and toks[k].lower_ not in _PARTS_OPENERS:
        if toks[k].text in (",", ";", ".", "(") or toks[k].lower_ in ("that", "which", "to", "is", "are"):
            return
        k += 1
    if k >= n or toks[k].lower_ not in _PARTS_OPENERS or sid[k] != sid[e]:
        return
    k += 1
    while k < n and toks[k].lower_ in ("of", "two", "three", "four", "main", "key", "components", "modules", ":",
                                       "a", "an", "the", "novel", "new"):
        k += 1
    while k < n and sid[k] == sid[e]:
        part = _name_at(doc, toks, k, spans) if name_shape(toks[k].text) else None
        if part is None or part[0] in seen:
            return
        written = doc_text(doc)[toks[part[0]].idx:toks[part[1] - 1].idx + len(toks[part[1] - 1].text)]
        if _known_name(canonical_key(written)):
            return  # "a pipeline comprising BERT and ...": known parts are used, not made
        seen.add(part[0])
        yield make_mention(doc, toks[part[0]].idx, toks[part[1] - 1].idx + len(toks[part[1] - 1].text),
                           _kind_after(toks, part[1]) or "term", "proposes:parts-of-X", 0.65, proposed=True)
        k = _after_definition(toks, part[1])
        if k >= n or toks[k].lower_ not in (",", "and"):
            return
        k += 1
        if k < n and toks[k].lower_ == "and":
            k += 1


#: "Our framework introduces: (1) ...", "our method consists of two components: (i) ...": the paper's own parts
#: are listed after this, each after an enumeration mark.
_OWN_PARTS_CUE = re.compile(r"\b(?:[Oo]ur|[Ii]ts|[Tt]he proposed|[Tt]his (?:framework|method|model|approach|system|"
                            r"architecture|pipeline)|(?P<name>[A-Z][\w-]*[A-Z][\w-]*))\b[^.;:]{0,60}?"
                            r"\b(?:introduces|introducing|includes?|consists? of|comprises?|comprising|contains?|"
                            r"features?|has|have|involves?|incorporates|incorporating|"
                            r"employs|employing|uses|using|leverages|leveraging|integrates|integrating|"
                            r"(?:two|three|four|five|several)\s+(?:(?:key|main|core|novel|technical)\s+)?"
                            r"(?:innovations|contributions|components|modules|designs|techniques|strategies|mechanisms|"
                            r"stages))"
                            r"\b[^.;:]{0,40}?:?"
                            r"\s*(?=\(?(?:1|i|a)\)\s)")
_ENUMERATED_NAME = re.compile(r"(?:\(|(?<![\w)]))(?:\d|[ivx]{1,3}|[a-d])\)\s+(?:(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,2})?"
                              r"((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*){1,5}|[a-z]+[A-Z][\w-]*|[A-Z][a-z]+[A-Z][\w-]*|"
                              r"[A-Z][A-Z0-9-]{2,}(?=:))"  # "1) FOOGEN: a recipe ..."
                              # what follows the name: a dash, colon, comma or bracket, a relative or a
                              # preposition, or its verb ("1) Widget Fusion aligns the ...")
                              r"(?=\s*(?:[-\u2013\u2014:,(]|\s(?:that|which|to|for|with)\b)|\s[a-z]{2,}(?<!s)s\b)")
#: A sentence that opens with the next enumeration mark.
_NEXT_ITEM = re.compile(r"\s+\(?(?:\d|[ivx]{1,3}|[a-d])\)\s")
#: "we alter the widget cell, yielding: (i) ..., (ii) ...": the variants the paper's own change yields.
_OWN_RESULTS_CUE = re.compile(r"\b[Ww]e\b[^.;:]{0,80}?\b(?:obtaining|yielding)\b\s*:?\s*(?=\(?(?:1|i|a)\)\s)")


#: An acronym in brackets right before a component noun: "a widget-aware router (WAR) module".
_DEFINED_MODULE = re.compile(rf"\(([A-Z][A-Za-z0-9-]{{1,11}})\)\s+(?:{'|'.join(COMPONENT_NOUNS)})s?\b")
#: The paper speaking of its own system in the sentence.
_OWN_SYSTEM = re.compile(r"\b(?:[Oo]ur|[Ww]e|[Tt]he proposed)\b")


#: A coined Title Case component with its acronym: "a Gizmo Refinement Module (GRM)", "the Widget Fusion (WF)
#: block", "a Scene Widget Perceiver (SWP)".
_DEFINED_COMPONENT = re.compile(r"((?:[A-Z][\w-]*\s+){0,5}[A-Z][\w-]*)\s+\(([A-Z][A-Za-z0-9-]{1,9})\)"
                                rf"(\s+(?:{'|'.join(COMPONENT_NOUNS)})s?\b)?")
_COMPONENT_HEADS = frozenset({"module", "modules", "block", "blocks", "layer", "head", "unit", "branch", "component",
                              "mechanism", "encoder", "decoder", "perceiver", "fusion", "aggregator", "aggregation",
                              "adapter", "extractor", "generator", "predictor", "refiner", "selector", "router",
                              "loss"})
#: Words before a definition that make it someone else's: "methods such as the Widget Encoder (WE)".
_USED_BEFORE = re.compile(rf"\b(?:such as|e\.g\.|like|widely used|"
                          rf"{'|'.join(re.escape(w) for w in sorted(_EARLIER_MARKS))})\b[^.;]{{0,30}}$", re.I)
#: The paper proposes something of its own somewhere.
_PROPOSES_ANYWHERE = re.compile(r"\b(?:[Ww]e|[Tt]his (?:paper|work))\s+(?:\w+\s+){0,2}?(?:propose|present|introduce|"
                                r"design|develop|devise|build)[sd]?\b")


def _defined_modules(doc) -> Iterator:
    """Parts the paper defines for its own system: "Our method routes widgets through a widget-aware router (WAR)
    module and a gizmo fusion (GF) block" (a sentence about its own system), or, in a paper that proposes
    something, "a Contextual Widget Module (CWM) is presented" (a coined Title Case component with an acronym,
    no known name and not introduced as someone else's)."""
    text = doc_text(doc)
    if ") " not in text and not text.endswith(")"):
        return
    found: set[int] = set()
    for hit in _DEFINED_MODULE.finditer(text):
        start = max(text.rfind(". ", 0, hit.start()), 0)
        if _OWN_SYSTEM.search(text, start, hit.start()):
            found.add(hit.start(1))
            yield make_mention(doc, hit.start(1), hit.end(1), "term", "proposes:defined-module", 0.6, proposed=True)
    if not _PROPOSES_ANYWHERE.search(text):
        return
    for hit in _DEFINED_COMPONENT.finditer(text):
        words = hit.group(1).split()
        while words and words[0].lower() in STARTERS | STOP_WORDS:
            words = words[1:]  # "While Widget Networks (WNs)": a sentence's first word is no part of the name
        if len(words) < 2 or hit.start(2) in found:
            continue
        long_form = " ".join(words)
        if not hit.group(3) and words[-1].lower() not in _COMPONENT_HEADS:
            continue
        if _known_name(canonical_key(long_form)) or \
                (_known_name(canonical_key(hit.group(2))) and spells_known(hit.group(2), long_form, short_only=False)) or \
                stop_category(long_form) or _USED_BEFORE.search(text[max(0, hit.start() - 60):hit.start()]):
            continue
        yield make_mention(doc, hit.start(2), hit.end(2), "term", "proposes:defined-component", 0.6, proposed=True)


#: The paper's own system listing its named parts without enumeration marks: "Our model has two key parts,
#: namely A (AB) and C (CD)", "X includes modules such as A and B" (a colon list is the components-X rule's).
_PART_PLURALS = tuple(sorted(_COMPONENT_NOUNS | {"techniques", "innovations", "mechanisms", "designs", "strategies",
                                                  "blocks", "branches", "sub-modules", "submodules"}))
_LISTED_PARTS_CUE = re.compile(
    r"\b(?:(?P<own>[Oo]ur|[Ii]ts|[Tt]he proposed)|(?P<name>[A-Z][\w-]*[A-Z][\w-]*))\b[^.;:()]{0,50}?"
    r"\b(?:comprises|consists of|contains|includes|integrates|features|incorporates|has|introduces)\s+"
    r"(?:(?:two|three|four|several|multiple)\s+)?(?:[a-z][\w-]*\s+){0,2}?"
    rf"(?:{'|'.join(_PART_PLURALS)})\s*,?\s*(?:including|such as|namely)\b\s*")  # a colon list: components-X
#: The paper's own system made of named parts, no plural head between: "ZorbNet comprises a Widget Module (WM)
#: and a Gizmo Strategy (GS)", "our framework consists of the A (AB) and the B (BC)".
_COMPOSED_OF_CUE = re.compile(
    r"\b(?:(?P<own>[Oo]ur|[Tt]he proposed)|(?P<name>[A-Z][\w-]*[A-Z][\w-]*))\b[^.;:()]{0,50}?"
    r"\b(?:comprises|comprising|consists of|consisting of|is composed of)\s+(?=(?:an?|the)\s+[A-Z])")
#: "novel kernels like A": examples the paper marks as new, in a paper that proposes something (techniques only:
#: "novel environments such as X" are test conditions, not what the paper made).
_NOVEL_EXAMPLES = re.compile(r"\b(?:novel|new|proposed)\s+(?:[a-z][\w-]*\s+){0,2}?(?:optimizations|optimisations|"
                             r"techniques|kernels|modules|components|mechanisms|designs|strategies|operators|layers|"
                             r"losses|objectives|algorithms)\s+(?:like|such as|including)\s+")


def _own_name(name: str, text: str, before: int, title_text: str) -> bool:
    """Is ``name`` the paper's own: the name before the title's colon, or one it proposes before ``before``?"""
    if name and _title_name(title_text) == name:
        return True
    return re.search(r"\b(?:[Ww]e|[Tt]his (?:paper|work))\s+(?:\w+\s+){0,2}?(?:propose|present|introduce|develop)"
                     r"[sd]?\s+(?:[\w-]+\s+){0,3}?" + re.escape(name) + r"\b", text[:before]) is not None


def _listed_names(doc, toks, k: int, spans: dict[int, int], rule: str) -> Iterator:
    """Names listed from token ``k`` on ("A (AB) and C (CD)", "A, B and C"), stopping at the first item that is
    not a coined name (a known name, a stop term or a plain word ends the list)."""
    n = len(toks)
    sid = sentence_ids(doc)
    first = k
    while k < n and sid[k] == sid[first]:
        if toks[k].lower_ in ("a", "an", "the"):
            k += 1
        hit = _name_at(doc, toks, k, spans) if k < n else None
        if hit is None:
            return
        s, e = hit
        # a coined name: shaped ("sLSTM", "FooNet"), or Title Case words with their acronym ("Widget Folding
        # (WF)"); plain Title Case words ("a Review Reader for ...") only describe a part
        if not (name_shape(toks[s].text) or (e - s >= 2 and all(t.text[:1].isupper() for t in toks[s:e]) and
                                             _after_definition(toks, e) > e)):
            return
        written = doc_text(doc)[toks[s].idx:toks[e - 1].idx + len(toks[e - 1].text)]
        if _known_name(canonical_key(written)) or stop_category(written):
            return
        yield make_mention(doc, toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text),
                           _kind_after(toks, e) or "term", rule, 0.65, proposed=True)
        k = _after_definition(toks, e)
        if k < n and toks[k].text == ",":
            k += 1
        if k < n and toks[k].lower_ == "and":
            k += 1
        elif k < n and toks[k - 1].text != ",":
            return


def _listed_parts(doc, title_text: str, spans: dict[int, int]) -> Iterator:
    """"Our model has two key parts, namely A and B", "X includes modules such as A and B" (X the paper's own
    name), "an engine with novel kernels like A": the parts the paper lists as its own."""
    text = doc_text(doc)
    toks = None
    low = text.lower()
    cues = list(_LISTED_PARTS_CUE.finditer(text)) if any(p in low for p in _PART_PLURALS) else []
    if "compris" in low or "consists of" in low or "composed of" in low:
        cues += _COMPOSED_OF_CUE.finditer(text)
    for cue in cues:
        if cue.group("own") and cue.group("own").lower() == "its" and not _PROPOSES_ANYWHERE.search(text, 0,
                                                                                                  cue.start()):
            continue
        if cue.group("name") and not _own_name(cue.group("name"), text, cue.start(), title_text):
            continue
        toks = toks if toks is not None else token_table(doc)
        k = next((t.i for t in toks if t.idx >= cue.end()), None)
        if k is not None:
            yield from _listed_names(doc, toks, k, spans, "proposes:listed-part")
    if not ("novel" in low or "new" in low or "proposed" in low) or not _PROPOSES_ANYWHERE.search(text):
        return  # (cheap tests first: most abstracts name no novel examples)
    for cue in _NOVEL_EXAMPLES.finditer(text):
        start = max(text.rfind(". ", 0, cue.start()), 0)
        if _USED_BEFORE.search(text[start:cue.start()]) or \
                any(w in _USE_VERBS for w in text[max(start, cue.start() - 30):cue.start()].lower().split()[-3:]):
            continue  # "existing systems with novel kernels like A", "we leverage novel kernels like A": not made
        toks = toks if toks is not None else token_table(doc)
        k = next((t.i for t in toks if t.idx >= cue.end()), None)
        if k is not None:
            yield from _listed_names(doc, toks, k, spans, "proposes:novel-examples")


def _enumerated_parts(doc, title_text: str = "") -> Iterator:
    """"Our framework introduces: (1) Widget Anchoring - ..., and (2) Gizmo-Guided Sampling - ...": Title Case
    names opening the enumerated items of the paper's own method are its named parts."""
    text = doc_text(doc)
    if "1)" not in text and "i)" not in text and "a)" not in text:
        return  # every cue ends before one of these marks: skip the scan
    cues = sorted([*_OWN_PARTS_CUE.finditer(text), *_OWN_RESULTS_CUE.finditer(text)], key=lambda c: c.start())
    for cue in cues:
        if cue.group(0).split(None, 1)[0].lower() in ("its", "this") and \
                not _PROPOSES_ANYWHERE.search(text, 0, cue.start()):
            continue  # "Its components include: (1) ...", "This framework introduces: (1) ...": only after the
            # paper has proposed something
        if cue.re is _OWN_PARTS_CUE and cue.group("name") and \
                not _own_name(cue.group("name"), text, cue.start(), title_text):
            continue  # "FooNet uses (1) ...": only the paper's own name lists its own parts
        end = text.find(".", cue.end())
        while end >= 0 and _NEXT_ITEM.match(text, end + 1):
            end = text.find(".", end + 1)  # "1) A: it adapts. 2) B: it selects.": one item per sentence
        for item in _ENUMERATED_NAME.finditer(text, cue.end(), len(text) if end < 0 else end):
            name = item.group(1)
            first = name.split()[0]
            if first.lower() in STARTERS | STOP_WORDS:
                continue  # "(1) A Novel Widget for ...", "(2) We Show ...": a sentence, not a name
            if stop_category(name) or stop_category(first) == "generic":
                continue  # "(1) Data Collection - ...", "(2) Human Evaluation - ...": a stage, not a name
            if _known_name(canonical_key(name)):
                continue  # "(1) BERT, which ...": a known name is used, not made
            yield make_mention(doc, item.start(1), item.end(1), "term", "proposes:enumerated-part", 0.65, proposed=True)


def extract_proposals(doc, name_spans: dict[int, int] | None = None, title_text: str = "") -> Iterator:
    """Mentions (``proposed=True``) for names this paper introduces.

    ``name_spans`` maps the start char of already found names (acronym long
    forms, gazetteer hits) to their end char, so "we propose Masked
    Structural Growth (MSG)" takes the whole long form.
    """
    spans = name_spans or {}
    ends = {e: s for s, e in spans.items()}
    field = field_of(doc)
    if field == "title":
        span = title_prefix(doc_text(doc))
        if span is not None:
            toks = token_table(doc)
            colon = next((t.i for t in toks if t.idx >= span[1] and (t.text.endswith(":") or  # ":" or "):"
                                                                        t.text in ("-", "--", "\u2013", "\u2014"))),
                         None)
            kind = _title_kind(toks, colon) if colon is not None else None
            if kind is None and span[1] == len(doc_text(doc).rstrip()):
                named = doc_text(doc)[span[0]:span[1]]  # a title naming data: typed as the list knows it, or by its noun
                last = named.split()[-1].lower()
                known = gazetteer_names().get(canonical_key(named))
                kind = known[0] if known else noun_data_kind(last) or ("benchmark" if last.startswith("challenge")
                                                                       else None)
            # typed by the title itself ("X: A Benchmark for ..."): stronger than a default-typed acronym
            yield make_mention(doc, span[0], span[1], kind or "term", "proposes:title-colon", 0.9 if kind else 0.6,
                               proposed=True)
        return
    toks = token_table(doc)
    n = len(toks)
    sid = sentence_ids(doc)
    seen: set[int] = set()
    own_title = _title_name(title_text)
    cores = {t.i: k for t in toks if t.lower_ in _CORE_WORDS and (k := _core_of_ours(toks, t.i, sid, own_title))}
    for i in [t.i for t in toks if t.lower_ in _CUE_WORDS or (t.lower_ in _NAMING_WORDS and _naming_verb(toks, t.i))
              or (t.lower_ == "into" and _combined_into(toks, t.i, sid)) or t.i in cores]:
        tok = toks[i]
        low = tok.lower_
        if low == "into":
            low = "propose"  # "we combine these parts into ZORB": what the parts are combined into is made here
        if i in cores:
            i, low = cores[i], "propose"  # "at the core of our method is X": the copula acts as the trigger
        if low in _THAT_IS:
            low = "namely"  # the same guards: a head noun of the paper's own things, a trigger before, no known name
        if low in NAMERS and tok.text[:1].isupper() and i + 1 < n and toks[i + 1].text[:1].isupper():
            continue  # "Named Widget Recognition (NWR)": a capitalised word of a name, not the verb
        if low not in _CUE_WORDS:
            low = "call"  # "which we name X", "we term this X", "we refer to the result as X"
        if low == "resulting":
            # "The resulting model, Zorb-7B, reaches ...": what the described process produced, named after a comma
            if i > 0 and toks[i - 1].lower_ == "the" and i + 2 < n and toks[i + 1].lower_ in _RESULT_HEADS and \
                    toks[i + 2].text == ",":
                hit = _name_after_description(doc, toks, i + 1, spans, sid)
                if hit is not None and hit[0] not in seen and (name_shape(toks[hit[0]].text) or hit[1] - hit[0] > 1):
                    seen.add(hit[0])
                    s, e = hit
                    head = toks[i + 1].lower_
                    kind = noun_data_kind(head) or "term"
                    yield make_mention(doc, toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text), kind,
                                       "proposes:the-resulting-X", 0.7, proposed=True)
            elif i > 0 and toks[i - 1].lower_ == "the" and i + 2 < n:
                # "the resulting Zorb-7B model", "the resulting widget gate (WG) layer": the name before the head
                hit = _name_at(doc, toks, i + 1, spans)
                if hit is not None and hit[0] not in seen:
                    s, e = hit
                    k = _after_definition(toks, e)
                    written = doc_text(doc)[toks[s].idx:toks[e - 1].idx + len(toks[e - 1].text)]
                    if k < n and sid[k] == sid[i] and (toks[k].lower_ in _RESULT_HEADS or toks[k].lower_ in
                                                       _HEAD_NOUNS) and not _known_name(canonical_key(written)):
                        seen.add(s)
                        head = toks[k].lower_
                        kind = noun_data_kind(head) or "term"
                        yield make_mention(doc, toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text), kind,
                                           "proposes:the-resulting-X", 0.65, proposed=True)
            continue
        if low in _PAST_TRIGGERS and low != "proposed":
            words = [t.lower_ for t in toks[max(0, i - 3):i]]
            words = [w for w in words if not (w.endswith("ly") or w in ("also", "then", "further", "first"))]
            if words[-2:] == ["we", "have"]:
                words = words[:-1]  # "we have (also) created X": the perfect is the past's
            if not (words and words[-1] == "we" and len(toks[max(0, i - 3):i]) - len(words) <= 2):
                continue
            low = "propose"  # "we introduced X", "we then designed X", "we have also created X"
        if low.endswith("ing") and _purpose_gerund(toks, i, sid):
            continue  # "a framework for (automatically) constructing ZIFT data", "a resource in developing Foo
            # systems", "interested in applying and further developing X": a purpose, not this paper's name
        if (low in TRIGGERS or low in NAMERS) and _others_subject(toks, i, sid):
            continue  # "a few works have tried to introduce X", "prior methods called X": someone else's
        if low in TRIGGERS and i + 3 < n and toks[i + 1].text == "(" and toks[i + 3].text == ")" and \
                not _enumerator_at(toks, i + 1):
            continue  # "widget-based gizmo design (WGD)": the trigger word ends a defined name, it is no verb
        if low in TRIGGERS and _inside_title_case_name(toks, i, sid):
            continue  # "the Widget Design Spaces", "a Gizmo Build Kit": a capitalised word inside a name, no verb
        if low in TRIGGERS and i > 0 and (toks[i - 1].lower_ in _DETERMINERS or (
                toks[i - 1].lower_ in ("this", "that") and not low.endswith("s"))):
            # "simplify the design of X", "toward a design of X", "this release": after a determiner the word is
            # a noun (but "a method that builds X", "this introduces X": a pronoun before a verb)
            continue
        if low in TRIGGERS and _impersonal_need(toks, i, sid):
            continue  # "it is important to develop X that ...": what the field needs, not what the paper makes
        if low in NAMERS and _names_what_is_studied(toks, i, sid):
            continue  # "a failure mode, termed X", "a new metric named Y": a phenomenon or a measure, not a method
        # "we apply it to a recent detector called X": the name of what the paper builds on (typed, not proposed)
        earlier = low in NAMERS and _earlier_thing_named(toks, i, sid)
        if low in TRIGGERS and _namer_follows(toks, i, sid):
            continue  # "propose a family of widget models named X": the namer gives the name
        if low in _CONTRIBUTION:
            if i + 2 < n and toks[i + 1].text == "," and sid[i + 1] == sid[i] and \
                    any(t.lower_ == "our" for t in toks[max(0, i - 3):i] if sid[t.i] == sid[i]):
                set_off = _name_at(doc, toks, i + 2, spans)
                if set_off is None or set_off[1] >= n or toks[set_off[1]].text != ",":
                    continue
                i += 1  # "our contribution, X, is a ...": the name set off after the noun
                low = "propose"
            elif i + 2 >= n or toks[i + 1].lower_ not in _COPULAS or sid[i + 1] != sid[i]:
                continue
            else:
                i += 1  # "our main contribution is X": the copula acts as the trigger
                low = "propose"
                k = i + 1 + (i + 1 < n and toks[i + 1].lower_ == "the")
                if k + 1 < n and toks[k].lower_ in _MAKING_NOUNS and toks[k + 1].lower_ == "of":
                    i = k + 1  # "our first contribution is the release of X": what is released is the contribution
        if low == "proposed" and i > 0 and toks[i - 1].lower_ in ("the", "our") and \
                not any(t.lower_ in TRIGGERS for t in toks[max(0, i - 12):i]):
            low = "propose"  # "The proposed Neural SDDP (nu-SDDP)"
        if low in _WEAK_TRIGGERS and not any(t.lower_ in _FIRST_PERSON or t.lower_ in ("our", "this")
                                             for t in toks[max(0, i - 6):i] if sid[t.i] == sid[i]):
            continue  # "Baseline X formulates Y as ...": a weak verb names a proposal only with "we" / "this paper" as subject
        if low in TRIGGERS and i + 2 < n and toks[i + 1].lower_ == "and" and toks[i + 2].lower_ in _SECOND_VERBS:
            i += 2  # "we propose and test a procedure X": the name follows the second verb
        if low in TRIGGERS or low in NAMERS:
            j = i + 1
            steps = 0
            while j < n and steps < 8 and (_enumerator_at(toks, j) or
                                           (toks[j].lower_ in _SKIP and not toks[j].is_title) or
                                           toks[j].text in _LATEX_FONT or LATEX_FONT_TOKEN.match(toks[j].text) or
                                           toks[j].lower_ in NAMERS or toks[j].text in (",", "(") or
                                           ((low in NAMERS or j == i + 1) and (toks[j].text in _QUOTES or
                                                               (toks[j].lower_ == "as" and j == i + 1))) or
                                           (low in ("call", "calls") and toks[j].lower_ in _CALL_OBJECTS)) \
                    and not toks[j].is_sent_start:
                if toks[j].text == "," and low not in NAMERS and toks[j - 1].lower_ not in _SKIP:
                    break
                j += 3 if _enumerator_at(toks, j) else 1  # "we propose (1) X ... and (2) Y"
                steps += 1
            hit = _name_at(doc, toks, j, spans)
            rule = "proposes:called-X" if low in NAMERS else "proposes:we-propose-X"
            indefinite = low in TRIGGERS and i + 1 < n and toks[i + 1].lower_ in _COUNTS
            if hit is not None and indefinite and hit[1] < n and _head_follows(toks, hit[1]):
                # "we introduce a new RL method, ZORB, that", "an efficient LLM serving scheduler, ZORB,": the
                # capitalised word only modifies the head noun
                named = _name_after_description(doc, toks, hit[1], spans, sid)
                if named is None and toks[hit[1]].lower_ in _HEAD_NOUNS and hit[1] + 1 < n and \
                        name_shape(toks[hit[1] + 1].text) and sid[hit[1] + 1] == sid[i]:
                    named = _name_at(doc, toks, hit[1] + 1, spans)  # "a text-guided TSE model StyleTSE that"
                if named is not None:
                    hit, rule = named, "proposes:we-propose-desc-X"
            if hit is None and (low in TRIGGERS or (low in NAMERS and _we_trigger_before(toks, i, sid))):
                # "we propose a novel rule-based checkable widget reward scheme (CWRS)", "we propose a new
                # criterion, named widget invariant training (WIT)": named by the paper, any head will do
                hit = _defined_after(doc, toks, j, spans, sid, named=low in NAMERS)
                rule = "proposes:we-propose-defined-X"
            if hit is None and indefinite:
                # "we propose a gizmo-aware ranking model (GizRank)"
                hit = _bracketed_after_head(toks, j, sid)
                rule = "proposes:we-propose-bracketed-X"
            if hit is None and indefinite:
                # "we propose a novel graph-based approach for widget routing, GRIP (...)"
                hit = _name_after_description(doc, toks, j, spans, sid)
                rule = "proposes:we-propose-desc-X"
            if hit is None and indefinite:
                # "we design an oracle Widget Oracle", "we introduce two scores -- the A Norm and the B Ratio"
                hit = _name_after_head(doc, toks, j, spans, sid)
                rule = "proposes:we-propose-desc-X"
            if hit is None and low in TRIGGERS:
                # "we propose two estimators for noisy labels: Widget Mixing (WM) and GizmoNet": the counted
                # names are listed after a colon
                hit = _counted_colon_list(doc, toks, i, spans, sid)
                rule = "proposes:we-propose-counted-list"
            if hit is None and low in TRIGGERS and i + 2 < n and toks[i + 1].lower_ == "the" and \
                    any(t.lower_ in _FIRST_PERSON for t in toks[max(0, i - 3):i]):
                # "we propose the fast single-stage widget network WN-3": a name right after its head noun
                named = _name_after_head(doc, toks, i + 2, spans, sid)
                if named is not None and toks[named[0] - 1].lower_ in _HEAD_NOUNS:
                    hit, rule = named, "proposes:we-propose-desc-X"
                else:
                    # "we design the widget sampling algorithm, WGSampling, for ...": set off after its head
                    hit = _name_after_description(doc, toks, i + 2, spans, sid)
                    rule = "proposes:we-propose-desc-X"
            if hit is None and low in TRIGGERS and any(t.lower_ in _FIRST_PERSON for t in toks[max(0, i - 3):i]):
                # "we propose widget trajectory distillation, a unified approach": a bare lower-case phrase
                # the trigger's sentence then describes as a kind of thing (the trigger a first-person verb,
                # not the noun of "this design process, a ...")
                hit = _bare_phrase_described(toks, i + 1, sid)
                rule = "proposes:we-propose-lower-X"
            if hit is None and low == "namely":
                # "we develop two kinds of attacks, namely widget attack and gizmo attack": as many lower-case
                # phrases as the trigger counted
                for s, e in _counted_lower_items(toks, i, sid):
                    if s not in seen:
                        seen.add(s)
                        yield make_mention(doc, toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text), "method",
                                           "proposes:we-propose-namely-X", 0.6, proposed=True)
                continue
            if hit is None or hit[0] in seen:
                continue
            s, e = hit
            if low == "namely" and (_known_name(canonical_key(doc_text(doc)[toks[s].idx:toks[e - 1].idx +
                                                                             len(toks[e - 1].text)])) or
                                    not any(t.lower_ in TRIGGERS or t.lower_ in ("proposed", "novel", "new") or
                                            (t.lower_ == "our" and t.i >= i - 4)
                                            for t in toks[max(0, i - 12):i] if sid[t.i] == sid[i])):
                continue  # "baselines, namely A, B and C", "existing resources, namely A": examples, not a new name
            if low == "namely" and _listed_head(toks, i) not in _NAMELY_HEADS:
                continue  # "from three platforms, namely A, B and C": the sources of the paper's data, not its names
            if toks[s].lower_ in ("we", "our", "it", "this"):
                continue
            written = doc_text(doc)[toks[s].idx:toks[e - 1].idx + len(toks[e - 1].text)]
            if written.endswith("s") and not written.endswith("ss") and _known_name(canonical_key(written)) and \
                    written.lower() not in listed_spellings():
                continue  # "we add three extra LoRAs": copies of a known thing, not a new name ("Foo Gradients" is one)
            if indefinite and toks[i + 1].lower_ in ("a", "an") and _known_name(canonical_key(written)) and \
                    all(toks[k].is_lower and toks[k].is_alpha and toks[k].lower_ not in _HEAD_NOUNS and
                        toks[k].lower_ != "of" for k in range(i + 2, s)) and \
                    not (e < n and toks[e].lower_ in _HEAD_NOUNS):
                # "we present a hierarchical Foo-VAE that": a kind of the known model, not its name (but "a small
                # dataset FooK", "a family of Foo architectures, Foo-RS": the known name is the one given)
                continue
            if low not in NAMERS and e - s == 1 and _bare_word(toks, s):
                continue  # "we propose the Window, ...": a capitalised common word with nothing naming it
            if e + 3 < n and toks[e].is_lower and toks[e].text.endswith("s") and toks[e + 1].text == "," and \
                    name_shape(toks[e + 2].text) and sid[e + 2] == sid[s] and \
                    (appositive := _name_at(doc, toks, e + 2, spans)) is not None and \
                    appositive[1] < n and toks[appositive[1]].lower_ in (",", "which", "that", "("):
                # "we design a family of Foo architectures, Foo-RS, which ...": the name the appositive gives
                s, e = appositive
                written = doc_text(doc)[toks[s].idx:toks[e - 1].idx + len(toks[e - 1].text)]
            seen.add(s)
            kind = _kind_after(toks, e) or _kind_before(toks, s) or "term"
            if earlier:
                if kind != "term":  # "a popular dataset called X": what it is, said by the namer's noun
                    yield make_mention(doc, toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text), kind,
                                       "cue:earlier-called-X", 0.7)
                continue
            yield make_mention(doc, toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text), kind, rule, 0.7,
                               proposed=True)
            # "we propose A and B" / "A, B": a coordinated second name
            k = _after_definition(toks, e)
            while k + 1 < n and toks[k].lower_ in ("and", ",") and toks[k].lower_ != ".":
                m = k + 1
                while m < n and m <= k + 2 and toks[m].lower_ in ("and", "the"):
                    m += 1  # "A, and the B"
                nxt = _name_at(doc, toks, m, spans)
                if nxt is None or nxt[0] in seen or not (name_shape(toks[nxt[0]].text) or (
                        nxt[1] - nxt[0] >= 2 and _after_definition(toks, nxt[1]) > nxt[1])):
                    break
                seen.add(nxt[0])
                yield make_mention(doc, toks[nxt[0]].idx, toks[nxt[1] - 1].idx + len(toks[nxt[1] - 1].text),
                                   _kind_after(toks, nxt[1]) or kind, rule, 0.65, proposed=True)
                k = _after_definition(toks, nxt[1])
            yield from _named_parts(doc, toks, e, spans, sid, seen)
            wanted = _NUMBER_WORDS.get(toks[i + 1].lower_, 0) if i + 1 < n else 0
            if wanted >= 2:
                # "we propose two estimators, A for small samples and B for large ones": as many names as counted,
                # each after "and" or a comma further on in the sentence
                found = 1
                for k in range(e, min(n - 1, e + 25)):
                    if sid[k] != sid[i] or found >= wanted:
                        break
                    if toks[k].lower_ in ("and", ",") and k + 1 not in seen and name_shape(toks[k + 1].text):
                        nxt = _name_at(doc, toks, k + 1, spans)
                        if nxt is not None and nxt[0] not in seen:
                            seen.add(nxt[0])
                            found += 1
                            yield make_mention(doc, toks[nxt[0]].idx,
                                               toks[nxt[1] - 1].idx + len(toks[nxt[1] - 1].text),
                                               _kind_after(toks, nxt[1]) or kind, rule, 0.65, proposed=True)
    yield from _enumerated_parts(doc, title_text)
    yield from _defined_modules(doc)
    yield from _listed_parts(doc, title_text, spans)
    # "a sketch-based WidgetMix estimator is proposed": a passive trigger after its subject
    for k in [t.i for t in toks if t.lower_ in _PASSIVE_TRIGGERS]:
        b = k - 1
        if b > 0 and toks[b].lower_ in _PASSIVE_ADVERBS:
            b -= 1
        if b < 2 or toks[b].lower_ not in ("is", "are") or (k + 1 < n and toks[k + 1].lower_ in ("by", "in")):
            continue  # "X was introduced", "X is proposed by/in ...": the history of a name, not this paper's work
        if toks[k].lower_ in ("designed", "devised") and not toks[b - 1].is_title:
            continue  # "the widget is designed to ...": only a Title Case name is the paper's design
        end = b - 1 if toks[b - 1].lower_ in _HEAD_NOUNS or toks[b - 1].lower_ in _COMPONENT_HEADS else b
        start = end - 1
        if toks[start].text == ")":
            # "Widget flow tuning (WFT) is introduced to ...", "a widget gate (WG) module is further proposed"
            hit = _name_before_bracket(toks, start, ends, sid)
            if hit is not None and hit[0] not in seen and sid[hit[0]] == sid[k]:
                s, e = hit
                written = doc_text(doc)[toks[s].idx:toks[e - 1].idx + len(toks[e - 1].text)]
                if not _known_name(canonical_key(written)) and not stop_category(written):
                    seen.add(s)
                    yield make_mention(doc, toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text),
                                       _kind_after(toks, end) or "term", "proposes:X-is-proposed", 0.65, proposed=True)
            continue
        run = start
        while end < b and run > 0 and end - run < 4 and toks[run - 1].is_title and sid[run - 1] == sid[k] and \
                toks[run - 1].lower_ not in STARTERS and toks[run].is_title:
            run -= 1  # "a Widget Rolling strategy is proposed": a Title Case run before the head noun
        if end - run >= 2 and toks[run].is_title and toks[start].is_title:
            # "A Widget Fusion Module is designed": a capitalised head noun is part of the name
            # "a Widget Prototype Guided head is proposed": a name ending in a participle or adjective takes its
            # head noun
            last = end if end < b and (toks[end].is_title or toks[start].lower_.endswith((*ADJECTIVE_ENDINGS, "ed"))) else start
            written = doc_text(doc)[toks[run].idx:toks[last].idx + len(toks[last].text)]
            if run not in seen and not _known_name(canonical_key(written)) and not stop_category(written):
                seen.add(run)
                yield make_mention(doc, toks[run].idx, toks[last].idx + len(toks[last].text),
                                   _kind_after(toks, end) or "term", "proposes:X-is-proposed", 0.65, proposed=True)
            continue
        if start < 0 or sid[start] != sid[k] or start in seen or not name_shape(toks[start].text) or \
                _known_name(canonical_key(toks[start].text)):
            continue
        if end < b and toks[start - 1].lower_ not in ("a", "an", "the") and "-" not in toks[start - 1].text and \
                not toks[start - 1].is_lower:
            continue  # the subject is a plain "A B algorithm is proposed" only after a determiner or modifier
        seen.add(start)
        yield make_mention(doc, toks[start].idx, toks[start].idx + len(toks[start].text),
                           _kind_after(toks, end) or "term", "proposes:X-is-proposed", 0.65, proposed=True)
    # "a new dataset - WidgetDB, built from ...", "a novel benchmark: GizmoEval": "new" and a head noun, then the
    # name after a dash, colon or comma, with no verb to trigger on
    for i in [t.i for t in toks if t.lower_ in ("new", "novel")]:
        k = i + 1
        while k < n and k <= i + 4 and sid[k] == sid[i] and toks[k].lower_ not in _HEAD_NOUNS and toks[k].is_lower:
            k += 1
        if k + 2 >= n or toks[k].lower_ not in _HEAD_NOUNS or toks[k + 1].text not in ("-", "–", "—", "--", ":") or \
                sid[k + 2] != sid[i]:
            continue
        kind = noun_data_kind(toks[k].lower_) or "method"
        at = k + 2
        # a plural head lists every new name: "three new benchmarks: FooEval Pro, BarQA Plus, and BazBench"
        for _ in range(6 if toks[k].lower_.endswith("s") else 1):
            hit = _name_at(doc, toks, at, spans)
            if hit is None or hit[0] in seen or not name_shape(toks[hit[0]].text):
                break
            end = hit[1] + 1 if hit[1] < n and _EDITION_WORD.match(toks[hit[1]].text) else hit[1]
            written = doc_text(doc)[toks[hit[0]].idx:toks[end - 1].idx + len(toks[end - 1].text)]
            if _known_name(canonical_key(written)):
                break
            seen.add(hit[0])
            yield make_mention(doc, toks[hit[0]].idx, toks[end - 1].idx + len(toks[end - 1].text), kind,
                               "proposes:new-head-X", 0.65, proposed=True)
            at = end + (1 if end < n and toks[end].text == "," else 0)
            at += 1 if at < n and toks[at].lower_ == "and" else 0
            if at == end or at >= n or sid[at] != sid[i]:
                break
    # "X consists of two components: A, which ..., and B, ...": the parts of the paper's own system
    # "we present three tools for widget research: A, B and C": what the paper presents, listed after its head
    for i, k in _listed_parts_starts(toks, sid):
        while k < n and sid[k] == sid[i]:
            article = toks[k].lower_ in ("a", "an", "the") and k + 1 < n
            k += article  # "two modules: a Widget Module (WM) and ...": the article opens the part
            hit = _name_at(doc, toks, k, spans)
            written = doc_text(doc)[toks[hit[0]].idx:toks[hit[1] - 1].idx + len(toks[hit[1] - 1].text)] \
                if hit is not None else ""
            # (after an article, plain Title Case words may only describe the part: "a Review Reader for ...";
            # a coined name is shaped or defined with its acronym)
            if hit is not None and hit[0] not in seen and (name_shape(toks[hit[0]].text) or (
                    hit[1] - hit[0] >= 2 and (not article or _after_definition(toks, hit[1]) > hit[1]))) and \
                    not (stop_category(written) or stop_category(toks[hit[0]].text) == "generic" or
                         _known_name(canonical_key(written))):  # "three stages: Data Collection, ...": a step
                seen.add(hit[0])
                yield make_mention(doc, toks[hit[0]].idx, toks[hit[1] - 1].idx + len(toks[hit[1] - 1].text),
                                   _kind_after(toks, hit[1]) or "term", "proposes:components-X", 0.6, proposed=True)
            # the next part starts after "; ", ", and " or " and " at the same depth
            k = _next_part(toks, k, sid)
    # appositive: "..., and Widget-o1, a new medical MLLM"
    for i in [t.i - 1 for t in toks if t.text == "," and 0 < t.i < n - 3]:
        if i in seen:
            continue
        named = _name_before_bracket(toks, i, ends, sid) if toks[i].text == ")" else \
            (i, i + 1) if name_shape(toks[i].text) else None
        if named is not None and named[0] not in seen:
            s, e = named
            written = doc_text(doc)[toks[s].idx:toks[e - 1].idx + len(toks[e - 1].text)]
            head = _our_head_after(toks, i + 2, sid) if toks[i + 2].lower_ == "our" else None
            fresh = toks[i + 2].lower_ in ("a", "an") and toks[i + 3].lower_ in ("new", "novel") and e != i + 1
            # (a known name too, when "our ... curated dataset" says the paper made it: its origin paper)
            if (head is not None or (fresh and not _known_name(canonical_key(written)))) and \
                    not stop_category(written):
                # "trained on WidgetSet, our newly collected dataset", "WiFT (Widget Flow Tuning), a new method"
                seen.add(s)
                kind = (noun_data_kind(head) or "term") if head is not None else _kind_after(toks, i + 1) or "term"
                yield make_mention(doc, toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text), kind,
                                   "proposes:X-our-new" if head is not None else "proposes:X-a-new", 0.6,
                                   proposed=True)
                continue
        if toks[i + 2].lower_ not in ("a", "an"):
            made = _made_passively(toks, i, sid)
            if made is not None and name_shape(toks[i].text):
                # "a localization benchmark, GizmoBench-300, is constructed from ...": named, then made here
                seen.add(i)
                yield make_mention(doc, toks[i].idx, toks[i].idx + len(toks[i].text), made, "proposes:X-is-made",
                                   0.65, proposed=True)
            continue
        if name_shape(toks[i].text) and _made_by_us(toks, i + 2, sid):
            # "results on Gizmo-Lite, a held-out set of 1,200 images we assemble": what the relative clause
            # says this paper makes
            seen.add(i)
            yield make_mention(doc, toks[i].idx, toks[i].idx + len(toks[i].text), _kind_after(toks, i + 1) or "term",
                               "proposes:X-a-we-made", 0.65, proposed=True)
        elif toks[i + 3].lower_ in ("new", "novel") and name_shape(toks[i].text):
            seen.add(i)
            yield make_mention(doc, toks[i].idx, toks[i].idx + len(toks[i].text), _kind_after(toks, i + 1) or "term",
                               "proposes:X-a-new", 0.6, proposed=True)
        elif _head_follows(toks, i + 3) and _trigger_before(toks, i, sid, _MAKING_VERBS) and \
                not any(t.lower_ in _USE_VERBS for t in toks[max(0, i - 3):i]):
            # "we propose to ... by Widget Sampling, a simple scheme that": a capitalised name in the trigger's
            # sentence, described by an indefinite head noun
            s = i
            while s > 0 and s > i - 5 and sid[s - 1] == sid[i] and _run_word(toks[s - 1]):
                s -= 1
            if ((i - s >= 1 and _run_word(toks[i])) or (s == i and name_shape(toks[i].text))) and s not in seen:
                seen.add(s)
                yield make_mention(doc, toks[s].idx, toks[i].idx + len(toks[i].text),
                                   _kind_after(toks, i + 1) or "term", "proposes:X-a-new", 0.6, proposed=True)
    # "what we call 'widget encoding'", "a cheap but useful 'widget dropout' step": a coined term in quotes
    text = doc_text(doc)
    fonts = _FONT_TERM.finditer(text) if "\\" in text else ()
    for hit in itertools.chain(_QUOTED_TERM.finditer(text), fonts):
        before = text[max(0, hit.start() - 60):hit.start()].lower()
        named = _QUOTE_NAMER.search(before) or _QUOTE_TRIGGERED.search(before)
        described = _QUOTE_DESCRIBED.search(before) and _HEAD_AFTER_QUOTE.match(text, hit.end())
        if not (named or described):
            continue
        span = doc.char_span(hit.start(1), hit.end(1), alignment_mode="expand")
        if span is None or span.start in seen or _known_name(canonical_key(hit.group(1))):
            continue
        sent = span.sent.text.lower() if doc.has_annotation("SENT_START") else before
        if not named and not re.search(r"\b(?:we|our)\b", sent):
            continue
        seen.add(span.start)
        yield make_mention(doc, hit.start(1), hit.end(1), "term", "proposes:called-X" if named else "proposes:quoted-X",
                           0.6, proposed=True)
    # "using these traces, we train Gizmo, a widget-aware assistant": a name the paper trains and then describes
    # with an indefinite article is its own model (a trained known model is described with "the" or not at all)
    for i in [t.i for t in toks if t.lower_ in _TRAIN_VERBS or t.lower_ in _IMPLEMENT_VERBS or
              (t.lower_ in ("tune", "train") and t.i > 1 and toks[t.i - 1].text == "-")]:
        training = toks[i].lower_ in _TRAIN_VERBS or toks[i].lower_ == "tune"
        into = _made_into(doc, toks, i, spans, sid) if training and _we_before(toks, i) else None
        if into is not None and into[0] not in seen:
            # "we fine-tune the Foo-7B model into Foo-Med": the name of what training turned the model into
            seen.add(into[0])
            yield make_mention(doc, toks[into[0]].idx, toks[into[1] - 1].idx + len(toks[into[1] - 1].text), "method",
                               "proposes:we-train-into-X", 0.6, proposed=True)
            continue
        if i + 1 >= n or not _we_before(toks, i):
            continue
        hit = _name_at(doc, toks, i + 1, spans)
        if hit is None or hit[0] in seen:
            continue
        s, e = hit
        k = _after_definition(toks, e)
        if k + 1 < n and toks[k].text == "," and toks[k + 1].lower_ in ("a", "an") and sid[k + 1] == sid[s] and \
                not _known_name(canonical_key(doc_text(doc)[toks[s].idx:toks[e - 1].idx + len(toks[e - 1].text)])):
            seen.add(s)
            yield make_mention(doc, toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text), "method",
                               "proposes:we-train-X-a", 0.6, proposed=True)
    # "we address this problem with Gizmo, a two-stage widget algorithm": the means by which the paper solves its
    # problem, described with an indefinite article, is its own (a known method is described with "the")
    # "we propose to route widgets through Gizmo Routing (GR)": the means of what the paper proposes to do,
    # defined right there, is its own
    solving_sentences = {sid[t.i] for t in toks if t.i > 0 and toks[t.i - 1].lower_ == "we" and
                         (t.lower_ in _SOLVE_VERBS or t.lower_ in ("propose", "proposes"))}
    for i in [t.i for t in toks if t.lower_ in _SOLVING_MEANS and sid[t.i] in solving_sentences]:
        window = [t for t in toks[max(0, i - 9):i] if sid[t.i] == sid[i]]
        solving = any(t.lower_ in _SOLVE_VERBS and t.i > 0 and toks[t.i - 1].lower_ == "we" for t in window)
        proposing = any(t.lower_ in ("propose", "proposes") and t.i + 1 < n and toks[t.i + 1].lower_ == "to" and
                        t.i > 0 and toks[t.i - 1].lower_ == "we" for t in window)
        if not (solving or proposing):
            continue
        hit = _name_at(doc, toks, i + 1, spans)
        if hit is None or hit[0] in seen:
            continue
        s, e = hit
        k = _after_definition(toks, e + 1 if e < n and toks[e].text == "~" else e)
        written = doc_text(doc)[toks[s].idx:toks[e - 1].idx + len(toks[e - 1].text)]
        if proposing and k > e + 1 and e - s >= 2 and not stop_category(written):
            seen.add(s)
            yield make_mention(doc, toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text), "method",
                               "proposes:we-propose-to-X", 0.6, proposed=True)
            continue
        if solving and k + 1 < n and toks[k].text == "," and toks[k + 1].lower_ in ("a", "an") and \
                sid[k + 1] == sid[s] and \
                name_shape(toks[s].text) and not _known_name(canonical_key(written)) and not stop_category(written):
            seen.add(s)
            yield make_mention(doc, toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text),
                               _kind_after(toks, k + 1) or "method", "proposes:we-solve-with-X", 0.6, proposed=True)
    # "grounded in a novel Widget-Aware Splicing (WAS) strategy": a coined name between "a novel" and a head noun
    # is the paper's own even with no trigger verb before it
    for i in [t.i for t in toks if t.lower_ in ("novel", "new")]:
        if i == 0 or toks[i - 1].lower_ not in ("a", "an"):
            continue
        hit = _name_at(doc, toks, i + 1, spans)
        if hit is None or hit[0] in seen:
            continue
        s, e = hit
        # (Title Case words, small linking words between them: "Widgets in the Wild")
        coined = name_shape(toks[s].text) or (e - s >= 2 and toks[e - 1].text[:1].isupper() and all(
            t.text[:1].isupper() or t.lower_ in _NAME_LINKS for t in toks[s:e]))
        k = _after_definition(toks, e)
        if coined and k < n and toks[k].lower_ in _HEAD_NOUNS and sid[k] == sid[s] and \
                not _known_name(canonical_key(doc_text(doc)[toks[s].idx:toks[e - 1].idx + len(toks[e - 1].text)])):
            seen.add(s)
            yield make_mention(doc, toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text),
                               _kind_after(toks, e) or "term", "proposes:a-novel-X", 0.6, proposed=True)
    # "We introduce widgetset, a dataset of ...": the title's name described as data where the abstract uses it
    # (a name in lower case has no other rule to find it)
    name = own_title
    if name:
        for s, e in _occurrences(doc_text(doc), name, start_boundary=True):
            first = doc.char_span(s, e, alignment_mode="expand")
            if first is None or first.start in seen:
                continue
            k = first.end
            described = k + 1 < n and ((toks[k].text in (",", "(")) or (
                toks[k].lower_ in ("is", "was") and toks[k + 1].lower_ in ("a", "an", "the")))
            kind = _kind_after(toks, first.end) if described else None
            if kind is not None:
                seen.add(first.start)
                yield make_mention(doc, s, e, kind, "proposes:title-name-described", 0.6, proposed=True)
    # the title's head phrase proposed in the abstract in other case
    head = _title_head(title_text)
    words = head.split()
    # "Efficient Widget Algorithms for ...": a generic adjective before a plural head noun describes a kind
    generic = len(words) >= 2 and words[0].lower() in _SKIP and words[-1].lower() in _HEAD_NOUNS and \
        words[-1].lower().endswith("s")
    if 2 <= len(words) <= 6 and words[0].lower() not in _BAD_PREFIX_START and not generic:
        text = doc_text(doc)
        low_text = text.lower()
        # "Compact Widget Splatting" where Widget Splatting is known: the first words may only describe it
        modifies_known = any(_known_name(canonical_key(" ".join(words[k:]))) for k in (1, 2) if k < len(words))
        pos = low_text.find(head.lower())
        while pos >= 0:
            before = low_text[max(0, pos - 60):pos].split()
            # "we propose a compact widget splatting system": the title's words in lower case after an
            # indefinite article describe the proposal; they do not name it
            described = text[pos].islower() and before[-1:] in (["a"], ["an"]) and modifies_known
            # "our proposed widget flow model": the paper's own thing, written in lower case
            ours = before[-2:] in (["our", "proposed"], ["the", "proposed"])
            if not described and (ours or any(w in TRIGGERS or w in NAMERS for w in before[-6:])):
                yield make_mention(doc, pos, pos + len(head), "term", "proposes:title-head", 0.6, proposed=True)
                break
            pos = low_text.find(head.lower(), pos + 1)


def _title_head(title_text: str) -> str:
    """The phrase of a title that may name the paper's own method: its head before "for ...", "via ..."."""
    if not title_text:
        return ""
    main = title_text.split(":")[0]
    head = _HEAD_SPLIT.split(main, maxsplit=1)[0].strip()
    if head.count("(") > head.count(")") or (head.endswith(")") and "(" in head):
        # "Name (Long Form with ...": the split fell inside brackets; "Widget Decoration (WiDe)": the name's
        # acronym in brackets is not part of it
        head = head[:head.rindex("(")].strip()
    return head


_STUDY_VERBS = (r"stud(?:y|ies|ied)|analy[sz]e[sd]?|investigat(?:e|es|ed)|characteri[sz]e[sd]?|identif(?:y|ies|ied)|"
                r"explain(?:s|ed)?|examin(?:e|es|ed)|formali[sz]e[sd]?|uncover(?:s|ed)?|observe[sd]?|demystif(?:y|ies)|"
                r"understand|quantif(?:y|ies)|diagnose[sd]?|mitigat(?:e|es)|alleviat(?:e|es)|address(?:es)?")
_PHENOMENON_AFTER = r"(?:\s*\([^()]{1,15}\))?,?\s+(?:\w+\s+)?(?:occurs?|arises?|emerges?|happens?|appears?|persists?|" \
                    r"is\s+(?:a|the)\s+(?:\w+\s+)?(?:phenomenon|effect|tendency|failure|pathology|behaviou?r|bias))\b"
_PHENOMENON_NOUNS = r"phenomen(?:on|a)|pathology|failure mode|proclivity|tendency"
_NEW_WORDS = re.compile(r"\b(?:novel|new|first)\b", re.I)
_ANALYSIS = re.compile(r"\b(?:we (?:show|analy[sz]e|establish|derive|study|revisit|investigate)|prove[sd]?|proven|"
                       r"regret|lower bound|upper bound|convergence rate|theoretical analysis|optimality)\b", re.I)


def _sentences_with(text_low: str, name_low: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text_low) if name_low in s]


# The patterns below surround a name that changes with every paper. Compiling one regex per name cost
# about a fifth of extraction time (Python's regex cache holds 512), so each is split in two fixed
# patterns: what must end right before an occurrence of the name, and what must start right after it.
_PROPOSAL_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(TRIGGERS | NAMERS | {'using', 'use', 'proposed'}))})\b(?:\W+[\w-]+){{0,4}}?\W+\Z")
#: "we propose X", "in this work we introduce a new X": the paper itself, as subject, names X (articles and "new"
#: between, no "to use" / "applying": a method applied is not made)
_FIRST_PERSON_PROPOSAL_BEFORE = re.compile(
    r"\b(?:we|this (?:paper|work))\s+(?:(?:also|further|then|first)\s+)?(?:propose|introduce|present|develop)\s+"
    r"(?:(?:a|an|the|novel|new|simple|general)\s+){0,2}\Z")
#: ... followed by what defines it ("X (XX), which", "X, a method", "X: ..."), not by where it is put to use
#: ("we introduce X with a new prior", "into", "to"): the known method applied
_DEFINED_AFTER = re.compile(r"\s*[(,:]|\s+(?:which|that)\b")
#: (a bracket after the name may hold its long form: "X (Widget Gizmo Optimization), a new method")
_NEW_AFTER = re.compile(r"(?:\s*\([^()]{1,90}\))?,\s+(?:a|an)\s+(?:\w+\s+)?(?:novel|new|simple)\b")
_PHENOMENON_AFTER_RE = re.compile(_PHENOMENON_AFTER)
_STUDY_BEFORE = re.compile(rf"\b(?:{_STUDY_VERBS})\b(?:\W+[\w-]+){{0,3}}?\W+\Z")
_PHENOMENON_NOUN_RE = re.compile(rf"\b(?:{_PHENOMENON_NOUNS})\b")


def _is_word(text: str, i: int) -> bool:
    """Is text[i] a regex word character (``\\w``)? False outside the text."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def _occurrences(text: str, name: str, *, start_boundary: bool) -> Iterator[tuple[int, int]]:
    """(start, end) of every occurrence of ``name`` with a word boundary after it (and before it if asked):
    what ``\\b{name}\\b`` or ``{name}\\b`` matches, overlapping occurrences included."""
    i = text.find(name)
    while i != -1:
        j = i + len(name)
        if (_is_word(text, j - 1) != _is_word(text, j)) and \
                (not start_boundary or _is_word(text, i - 1) != _is_word(text, i)):
            yield i, j
        i = text.find(name, i + 1)


def _proposal_cue(abstract_low: str, name_low: str) -> bool:
    """Does the abstract introduce the name ("we propose X", "called X", "X, a new method", "using X")?"""
    for i, j in _occurrences(abstract_low, name_low, start_boundary=False):
        if _PROPOSAL_BEFORE.search(abstract_low, 0, i):
            return True
    return any(_NEW_AFTER.match(abstract_low, j)
               for _, j in _occurrences(abstract_low, name_low, start_boundary=True))


def _proposed_outright(abstract_low: str, name_low: str) -> bool:
    """Does a first-person proposal verb stand right before a mention ("we propose X")? What the paper proposes
    is no phenomenon it observes, whatever verbs ("arises", "emerges") describe it later."""
    return any(_FIRST_PERSON_PROPOSAL_BEFORE.search(abstract_low, 0, i)
               for i, _ in _occurrences(abstract_low, name_low, start_boundary=True))


def _studied(abstract_low: str, name_low: str) -> tuple[bool, bool]:
    """(studied, phenomenon): the abstract studies the name ("we identify X", "X arises when") rather than builds it."""
    if name_low not in abstract_low:  # no sentence or pattern can involve an absent name
        return False, False
    phenomenon = any(_PHENOMENON_AFTER_RE.match(abstract_low, j)
                     for _, j in _occurrences(abstract_low, name_low, start_boundary=True)) or \
        any(_PHENOMENON_NOUN_RE.search(s) for s in _sentences_with(abstract_low, name_low))
    studied = phenomenon or any(_STUDY_BEFORE.search(abstract_low, 0, i)
                                for i, _ in _occurrences(abstract_low, name_low, start_boundary=False))
    return studied, phenomenon


def review_proposals(paper, raw: list) -> list:
    """Mentions with proposals the whole abstract contradicts taken back.

    Runs once per paper on all raw mentions, since it needs the title and
    the abstract together: a title name the abstract studies ("Gradient
    Starvation: ..." + "we identify Gradient Starvation, which arises when")
    is not proposed, and a phenomenon is no method either; a known method in
    an analysis paper's colon-less title ("Optimality of Thompson Sampling
    ...", "we prove") is not the paper's own.
    """
    abstract_low = (paper.abstract or "").lower()
    title = paper.title or ""
    drop: set[str] = set()
    unflag: set[str] = set()
    for m in raw:
        if not m.proposed:
            continue
        key = canonical_key(m.text)
        name_low = m.text.lower()
        if key in drop or key in unflag or name_low not in abstract_low:
            continue
        if not name_shape(m.text) and " " in m.text:
            studied, phenomenon = _studied(abstract_low, name_low)
            if phenomenon and _proposed_outright(abstract_low, name_low):
                phenomenon = studied = False  # "we propose Widget Pooling, ... Widget Pooling arises from ..."
            if phenomenon:
                drop.add(key)
            elif studied and not _proposal_cue(abstract_low, name_low):
                unflag.add(key)
        if m.rule != "proposes:title-colon" and title_prefix(title) is None and m.text.lower() in title.lower() and \
                _known_method(key) and _ANALYSIS.search(abstract_low) and \
                not any(_NEW_WORDS.search(s) for s in _sentences_with(abstract_low, name_low)) and \
                not any(_FIRST_PERSON_PROPOSAL_BEFORE.search(abstract_low, 0, i) and
                        _DEFINED_AFTER.match(abstract_low, j)
                        for i, j in _occurrences(abstract_low, name_low, start_boundary=True)):
            unflag.add(key)
    if not drop and not unflag:
        return raw
    out = []
    for m in raw:
        key = canonical_key(m.text)
        if key in drop and not m.rule.startswith("gazetteer"):
            continue
        if m.proposed and (key in unflag or key in drop):
            m = replace(m, proposed=False)
        out.append(m)
    return out


def _known_name(key: str) -> bool:
    return key in gazetteer_names()


def _known_method(key: str) -> bool:
    hit = gazetteer_names().get(key)
    return bool(hit) and hit[0] == "method"
