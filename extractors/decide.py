"""The decision "does this name the paper's own contribution?", made by a small learned model.

Rules (:mod:`extractors.proposes`, acronyms, the gazetteer, shape cues) generate
candidates; whether a candidate is the paper's own is decided here, once per
paper-level cluster (a name with its acronym and variants), by a logistic
regression over general features of how the name is written and used: which
rule found it, where it stands (title prefix, title, first mention), the cues
around its mentions (first-person trigger verbs, "our <method>, X", namers,
"X, a/the first ..."), whether it is defined as an acronym here or known to the
gazetteer, and what the paper does overall (proves, studies). No feature
looks at the words of a particular name.

The weights are trained by ``scripts/train_decisions.py`` from the labels in
``benchmarks/gold`` (training split) and ``../shared/gold/dev.jsonl``, and
shipped as ``extractors/data/decisions.json``: plain numbers, loaded in
microseconds, deterministic. Without that file the rules' own decision stands.

A few decisions are rules, not weights, because no feature mix should
override them: a whole title that the abstract defines is the paper's own; a
known name no proposal cue or title points at is used, not proposed (it
skips the model); a name between an indefinite article and a head noun only
says what kind of thing is proposed; a name listed right after the paper's
own name, with the same make-up, is its own too; a review (by its title)
proposes no method, only the data it releases.
"""
from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path
from typing import Sequence

from extractors.canonical import canonical_key
from extractors.cues import name_shape
from extractors.terms import METRIC_HEADS
from kg.errors import DataError
from kg.models import Mention, Paper
from kg.schema import DATA_KINDS

__all__ = ["FEATURES", "cluster_features", "decide_proposals", "load_model", "MODEL_PATH", "ProposalCandidate",
           "review_title", "sole_new_names"]

MODEL_PATH = Path(__file__).resolve().parent / "data" / "decisions.json"
#: Set to a list by scripts/train_decisions.py to collect (paper id, candidate, features) while extracting.
RECORD: list | None = None

_TRIGGER = (r"(?:propose[sd]?|proposing|introduce[sd]?|introducing|present(?:s|ed)?|develop(?:s|ed)?|design(?:s|ed)?|"
            r"devise[sd]?|build|builds|construct(?:s|ed)?|release[sd]?|create[sd]?|curate[sd]?|derive[sd]?|"
            r"give|offer[sd]?|contribute[sd]?|establish(?:es|ed)?|formulate[sd]?|put forward|collect(?:s|ed)?)")
#: A first-person trigger before the name in its sentence: "we propose a new X", "this paper introduces X".
_FIRST_PERSON_BEFORE = re.compile(rf"\b(?:we|this (?:paper|work|study|article)|here|our work)\b[^.;]{{0,80}}?"
                                  rf"\b{_TRIGGER}\b[^.;]{{0,80}}$", re.I)
#: The trigger right before the name: "we derive the X", "we give a new X", "this paper introduces X".
#: (the paper itself, not "prior work introduced X")
_NEAR_TRIGGER_BEFORE = re.compile(rf"\b(?:we|(?:this|our|the present) (?:paper|work|study))\s+(?:\w+\s+)?{_TRIGGER}\s+"
                                  rf"(?:[\w-]+\s+){{0,3}}?$", re.I)
#: The abstract says the paper contributes something, anywhere.
_FIRST_PERSON_ANY = re.compile(rf"\b(?:we|this (?:paper|work|study|article)|here)\b[^.;]{{0,60}}?\b{_TRIGGER}\b", re.I)
#: Numbered items of one sentence: the first opens with "(1)", the next one's join ends with "(2)".
_FIRST_ITEM_BEFORE = re.compile(r"\((?:1|i|a)\)\s*(?:the\s+|an?\s+)?$")
_NEXT_ITEM_JOIN = re.compile(r"^[^.;]{0,160}?[,;]?\s*(?:and\s+)?\((?:[2-9]|ii|iii|iv|[b-d])\)\s*(?:the\s+|an?\s+)?$")
#: Joined to another name of the same sentence by a list ("A (AB) and the C (CD)", "A and B", "A, and a B").
_LIST_JOIN = re.compile(r"^(?:\s*\([^()]{1,20}\)|\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+|an?\s+)?$")
#: "a population-based X (XY) framework": the name only says what kind of thing an unnamed proposal is.
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$", re.I)
_HEAD_AFTER = re.compile(r"^(?:\s*\([^()]{1,15}\))?(?:\s+[a-z]+-[a-z]+)?\s+(?:method|algorithm|model|framework|approach|system|technique|"
                         r"architecture|agent|pipeline|strategy|scheme|procedure|paradigm|mechanism|network|"
                         r"based|style|like)\b", re.I)
_OUR_HEAD_BEFORE = re.compile(r"\b(?:our|the proposed|a novel|a new|the new|two (?:novel|new)|"
                              r"newly (?:created|constructed|collected|curated|built|introduced|proposed))\s+"
                              r"(?:[\w-]+\s+){0,3}?"
                              r"(?:method|algorithm|model|framework|approach|system|technique|architecture|agent|"
                              r"benchmark|dataset|pipeline|strategy|module|scheme|procedure|paradigm|mechanism|"
                              r"network|optimizer|loss|tool|suite|corpus|representation|reward|rewards|methods|"
                              r"algorithms|models|quantizer|tokenizer|encoder|decoder|generator|estimator|planner|"
                              r"scheduler|controller|solver|retriever|detector|predictor|simulator|evaluator|verifier|"
                              r"selector|router|sampler|compressor|adapter|regularizer)s?\s*"
                              r"(?:,|:|\(|called|named|dubbed|termed|namely)?\s*(?:the\s+)?$",
                              re.I)
#: The paper's possessive right before the name: "our novel X", "the proposed X", "our X outperforms".
_OUR_BEFORE = re.compile(r"\b(?:our|the proposed)\s+(?:(?:novel|new|proposed)\s+)?$|"
                         r"\bour\s+(?:novel|new|proposed)\s+(?:[\w-]+\s+){0,2}?[a-z]{3,}\s*,\s*$|"  # "our new codec, X"
                         r"^\s*the (?:resulting |proposed )?(?:method|approach|framework|model|algorithm|system|"
                         r"architecture|optimizer|policy)\s*,\s*$", re.I)
_NAMER_BEFORE = re.compile(r"\b(?:(?:called|named|dubbed|termed|coined|denoted|abbreviated)(?: as| by)?|"
                           r"refer(?:red)? to as|known as|namely|i\u00b7e\u00b7,?|calls?(?: (?:it|this|them|the result|"
                           r"(?:this|our|the) (?:approach|method|framework|model|algorithm)))?)\s*[\"'“‘(]?\s*(?:the\s+)?$", re.I)
_APPOSITIVE_AFTER = re.compile(r"^(?:\s*\([^()]{1,90}\))?\s*,\s+(?:a|an|the first|our|which|that)\b", re.I)
_NEW_IN_SENTENCE = re.compile(r"\b(?:novel|new|first|propose[sd]?|introduce[sd]?)\b", re.I)
_STUDY_BEFORE = re.compile(r"\b(?:stud(?:y|ies|ied)|analy[sz]e[sd]?|investigat(?:e|es|ed)|examin(?:e|es|ed)|revisit|"
                           r"understand|explain|characteri[sz]e|identif(?:y|ies|ied)|use|uses|using|apply|applies|"
                           r"applying|adopt|adopts|leverage|leverages|based on|such as|like|e\.g\.|including)\b"
                           r"[^.;]{0,40}$", re.I)
_ANALYSIS = re.compile(r"\b(?:we (?:prove|show that|analy[sz]e|establish|characteri[sz]e|study|investigate)|"
                       r"lower bound|upper bound|regret|convergence rate|theoretical analysis)\b", re.I)
_PROBLEM_AFTER = re.compile(r"^[)\]]*(?:\s*\([^()]{1,15}\))?\s*(?:problem|problems|setting|settings|task|tasks|game|"
                            r"games|bandit|bandits|phenomenon|effect|hypothesis|coefficient|dimension|condition|"
                            r"conditions|attack|attacks|paradigm)\b", re.I)

#: Feature names in model order. All are 0/1 or small counts.
FEATURES = (
    "bias",
    "rule_proposed", "rule_title_colon", "rule_we_propose", "rule_called", "rule_title_head", "rule_x_a_new",
    "title_prefix_unconfirmed", "in_title", "only_title", "abstract_mentions", "defined_acronym",
    "gazetteer", "shape_name", "multiword_capitalised", "lower_case", "first_person_trigger", "our_head_before",
    "namer_before", "appositive_after", "new_in_sentence", "studied_before", "analysis_paper", "problem_after",
    "first_in_abstract", "kind_data", "title_prefix_word_count", "near_trigger", "indefinite_modifier",
    "sole_new_name",
)


class ProposalCandidate:
    """One paper-level cluster: its mentions and the facts the features read."""

    __slots__ = ("key", "mentions", "unconfirmed_title", "title_named")

    def __init__(self, key: str, mentions: list[Mention], unconfirmed_title: bool = False, title_named: bool = False):
        self.key = key
        self.mentions = mentions
        self.unconfirmed_title = unconfirmed_title
        #: the whole title is the name the abstract defines: the paper's own, whatever the features say
        self.title_named = title_named


@functools.lru_cache(maxsize=64)
def _analysis_paper(abstract: str) -> bool:
    """Does the paper prove or analyse? A fact of the paper, searched once, not once per candidate cluster."""
    return bool(_ANALYSIS.search(abstract))


#: "that is": its periods end no sentence, and the cue windows read through it (same length, so offsets hold)
_THAT_IS = re.compile(r"\bi\.e\.", re.I)


def _sentence_before(text: str, start: int) -> str:
    """The part of the mention's sentence before it (at most 200 characters: cues sit close)."""
    lo = max(0, start - 200)
    window = _THAT_IS.sub("i\u00b7e\u00b7", text[lo:start])
    cut = max(window.rfind(". "), window.rfind("; "), -1)
    return window[cut + 1:]


def _new_name(cand: ProposalCandidate, gazetteer_keys) -> bool:
    """Written like a coined name (a defined acronym or several capitalised words) and not a known one."""
    names = {m.text for m in cand.mentions} | {m.long_form for m in cand.mentions if m.long_form}
    if any(canonical_key(n) in gazetteer_keys for n in names):
        return False
    coined = any(m.long_form or m.rule.startswith("acronym") for m in cand.mentions)
    return coined or any(sum(w[:1].isupper() for w in n.split()) >= 2 for n in names)


def sole_new_names(paper: Paper, candidates: Sequence[ProposalCandidate], gazetteer_keys) -> set[str]:
    """The key of the one coined name of a paper whose abstract says it contributes something ("we propose
    ..."), else nothing: such a paper's only new name is most often what it contributes."""
    if not _FIRST_PERSON_ANY.search(paper.abstract or ""):
        return set()
    coined = [c.key for c in candidates if _new_name(c, gazetteer_keys)]
    return set(coined) if len(coined) == 1 else set()


def cluster_features(paper: Paper, cand: ProposalCandidate, gazetteer_keys, title_prefix_span,
                     sole: frozenset | set = frozenset()) -> dict[str, float]:
    """The feature values of one candidate cluster (see :data:`FEATURES`)."""
    ms = cand.mentions
    title, abstract = paper.title or "", paper.abstract or ""
    rules = {m.rule.split("+")[0] for m in ms}
    names = {m.text for m in ms} | {m.long_form for m in ms if m.long_form}
    longest = max(sorted(names), key=len)
    abstract_ms = [m for m in ms if m.field == "abstract"]
    f = dict.fromkeys(FEATURES, 0.0)
    f["bias"] = 1.0
    f["rule_proposed"] = float(any(m.proposed for m in ms))
    f["rule_title_colon"] = float("proposes:title-colon" in rules and not cand.unconfirmed_title)
    f["rule_we_propose"] = float(any(r.startswith("proposes:we-propose") for r in rules))
    f["rule_called"] = float("proposes:called-X" in rules or "proposes:quoted-X" in rules)  # a namer or quotes
    f["rule_title_head"] = float("proposes:title-head" in rules)
    f["rule_x_a_new"] = float("proposes:X-a-new" in rules)
    f["title_prefix_unconfirmed"] = float(cand.unconfirmed_title)
    f["in_title"] = float(any(m.field == "title" for m in ms) or any(
        n.lower() in title.lower() for n in names if len(n) > 2))
    f["only_title"] = float(not abstract_ms and not any(n.lower() in abstract.lower() for n in names if len(n) > 2))
    f["abstract_mentions"] = min(3.0, float(len(abstract_ms)))
    f["defined_acronym"] = float(any(m.long_form for m in ms) or any(m.rule.startswith("acronym") for m in ms))
    f["gazetteer"] = float(any(canonical_key(n) in gazetteer_keys for n in names))
    f["shape_name"] = float(any(name_shape(w) for n in names for w in n.split()))
    words = longest.split()
    f["multiword_capitalised"] = float(len(words) > 1 and sum(w[:1].isupper() for w in words) >= 2)
    f["lower_case"] = float(longest.islower())
    for m in abstract_ms[:4]:  # a name is introduced in its first mentions; later ones only use it
        before = _sentence_before(abstract, m.start)
        after = abstract[m.end:m.end + 60]
        if _FIRST_PERSON_BEFORE.search(before):
            f["first_person_trigger"] = 1.0
        if _NEAR_TRIGGER_BEFORE.search(before[-80:]):
            f["near_trigger"] = 1.0
        if _OUR_HEAD_BEFORE.search(before[-90:]) or _OUR_BEFORE.search(before[-60:]):
            f["our_head_before"] = 1.0
        if _NAMER_BEFORE.search(before[-40:]):
            f["namer_before"] = 1.0
        if _INDEFINITE_BEFORE.search(before[-40:]) and _HEAD_AFTER.match(after):
            f["indefinite_modifier"] = 1.0
        if _APPOSITIVE_AFTER.match(after):
            f["appositive_after"] = 1.0
        if _NEW_IN_SENTENCE.search(m.sentence):
            f["new_in_sentence"] = 1.0
        if _STUDY_BEFORE.search(before[-60:]):
            f["studied_before"] = 1.0
        if _PROBLEM_AFTER.match(after):
            f["problem_after"] = 1.0
    for m in ms:
        if m.field == "title" and _PROBLEM_AFTER.match(title[m.end:m.end + 40]):
            f["problem_after"] = 1.0
    if _PROBLEM_AFTER.match(" " + words[-1]):
        f["problem_after"] = 1.0  # "Dynamical Widget Bandits": the name's own head says it names a problem
    f["analysis_paper"] = float(_analysis_paper(abstract))
    if abstract_ms:
        f["first_in_abstract"] = float(min(m.start for m in abstract_ms) < 0.35 * max(1, len(abstract)))
    f["kind_data"] = float(ms[0].kind in DATA_KINDS)
    f["sole_new_name"] = float(cand.key in sole)
    if title_prefix_span is not None and any(m.field == "title" and (m.start, m.end) == title_prefix_span for m in ms):
        f["title_prefix_word_count"] = min(4.0, float(len(title[title_prefix_span[0]:title_prefix_span[1]].split())))
    return f


@functools.lru_cache(maxsize=1)
def load_model() -> dict:
    """The shipped proposal model ({"features", "weights", "threshold"}).

    A missing or malformed file raises :class:`kg.errors.DataError` (naming the
    file): without the model, extraction would silently fall back on other decisions.
    """
    where = "extractors/data/decisions.json"
    try:
        model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["proposes"]
        features, weights, threshold = model["features"], model["weights"], model["threshold"]
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(where, f"cannot read the proposal model: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise DataError(where, f"not JSON: {exc.msg}", exc.lineno) from exc
    except (KeyError, TypeError) as exc:
        raise DataError(where, f"no proposal model (missing {exc})") from exc
    if tuple(features) != FEATURES:
        raise DataError(where, "features differ from extractors.decide.FEATURES; retrain with scripts/train_decisions.py")
    if len(weights) != len(features) or not all(isinstance(w, (int, float)) for w in (*weights, threshold)):
        raise DataError(where, "weights and threshold must be one number per feature and one number")
    return model


def probability(features: dict[str, float], model: dict) -> float:
    z = sum(w * features[name] for name, w in zip(model["features"], model["weights"]))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def decide_proposals(paper: Paper, candidates: Sequence[ProposalCandidate], gazetteer_keys,
                     title_prefix_span) -> dict[str, bool]:
    """{cluster key: is it the paper's own?} for every candidate; the rules' flags while training records."""
    model = None if RECORD is not None else load_model()  # training sees the rules' candidates only
    out = {}
    title_low = (paper.title or "").lower()
    sole = sole_new_names(paper, candidates, gazetteer_keys)
    review = review_title(paper.title or "")
    for cand in candidates:
        if _plainly_used(cand, title_low, gazetteer_keys):
            out[cand.key] = False
            continue
        if review and cand.mentions[0].kind not in DATA_KINDS:
            out[cand.key] = False  # a survey names the methods it covers; only data it releases is its own
            continue
        if RECORD is not None:
            RECORD.append((paper.id, cand, cluster_features(paper, cand, gazetteer_keys, title_prefix_span, sole)))
        if model is None:
            out[cand.key] = any(m.proposed for m in cand.mentions) and not cand.unconfirmed_title
            continue
        if _only_a_modifier(cand, paper.abstract or ""):
            out[cand.key] = False  # "our CMAES-based optimizer": the name says what the proposal builds on
            continue
        if _earlier_own_work(cand, paper.abstract or ""):
            out[cand.key] = False  # "by extending our Widget Library (WL)": the authors' earlier work
            continue
        if _named_by_us(cand, paper.abstract or ""):
            out[cand.key] = True  # "a detector we call FooNet": the paper names it itself, known name or not
            continue
        if _known_title_prefix(cand, title_prefix_span, gazetteer_keys):
            out[cand.key] = True  # "FooNet: Widgets for ...": a known name heading the title is the paper that made it
            continue
        feats = cluster_features(paper, cand, gazetteer_keys, title_prefix_span, sole)
        passive = any(m.rule == "proposes:X-is-proposed" for m in cand.mentions)  # "a Foo algorithm is proposed"
        out[cand.key] = cand.title_named or ((passive or not _kind_word(feats)) and
                                             probability(feats, model) >= model["threshold"])
    return _own_variants(candidates, _spread_over_lists(paper, candidates, out, gazetteer_keys), gazetteer_keys)


#: The title says the paper is a review ("A Survey of ...", "X: A Comprehensive Review", "SoK: ..."): a whole-paper
#: genre. (A subtitle that only says a prefix names the topic reviewed is extract.py's _SURVEY_AFTER.)
_REVIEW_TITLE = re.compile(
    r"^(?:SoK|Survey|Review)\b|\b(?:a|an)\s+(?:(?:comprehensive|systematic|brief|short|critical|concise|simple|gentle|"
    r"practical|unified|structured|holistic|literature|scoping|technical|empirical|modern|recent|thorough|broad|"
    r"detailed|extensive|new|quick|selective|narrative|general)\s+){0,3}"
    r"(?:survey|review|overview|tutorial|primer|roadmap)\b(?![-\w])", re.I)


def review_title(title: str) -> bool:
    """Is the paper a survey, review, tutorial or roadmap by its title? ("A Benchmark for Peer Review" is not.)

    >>> review_title("Widget Routing: A Comprehensive Survey"), review_title("SoK: Gizmo Leakage")
    (True, True)
    >>> review_title("A Review-Aware Widget Recommender"), review_title("A Benchmark for Peer Review Generation")
    (False, False)
    """
    return bool(_REVIEW_TITLE.search(title))


def _known_title_prefix(cand: ProposalCandidate, title_prefix_span, gazetteer_keys) -> bool:
    """Is the candidate a known name that is the whole name before the title's colon or dash? A title headed by a
    name announces what the paper presents; the name being known says only that the paper became known for it
    (the abstract need not repeat it)."""
    return title_prefix_span is not None and any(
        m.field == "title" and (m.start, m.end) == tuple(title_prefix_span) and canonical_key(m.text) in gazetteer_keys
        for m in cand.mentions)


_MODIFIER_SUFFIX = re.compile(r"-(?:based|like|style|driven|inspired|guided|powered|enhanced|augmented)\b")


#: What the authors made before: "extending our X", "built on our X", "our previous X".
_EARLIER_OWN = re.compile(r"\b(?:(?:extend(?:s|ed|ing)?|build(?:s|ing)? (?:up)?on|built (?:up)?on|based on)\s+our|"
                          r"our\s+(?:previous|prior|earlier|existing|former))\s+(?:[\w-]+\s+){0,2}?$", re.I)


def _earlier_own_work(cand: ProposalCandidate, abstract: str) -> bool:
    """Is the candidate, outside the title, introduced as the authors' earlier work ("extending our X")? Its first
    mention in the abstract says so; a later "based on our X" refers back to what the paper has just proposed."""
    first = min((m.start for m in cand.mentions if m.field == "abstract"), default=None)
    return not cand.title_named and first is not None and \
        _EARLIER_OWN.search(abstract[max(0, first - 60):first]) is not None


def _only_a_modifier(cand: ProposalCandidate, abstract: str) -> bool:
    """Is every mention of the candidate an abstract one glued to a modifier suffix ("X-based")?"""
    return all(m.field == "abstract" and _MODIFIER_SUFFIX.match(abstract, m.end) for m in cand.mentions) \
        and not cand.title_named


def _own_variants(candidates: Sequence[ProposalCandidate], own: dict[str, bool], gazetteer_keys) -> dict[str, bool]:
    """Variants named after the paper's own name are its own too: "FooNet-S and FooNet-L", "Bar-Euler"
    (a hyphen only: "Foo Meets Bar" is no variant of Foo); a known name only when it starts with the base."""
    bases = sorted({m.text for c in candidates if own.get(c.key) for m in c.mentions if len(m.text) >= 3})
    out = dict(own)
    for c in candidates:
        if not out.get(c.key) and any(_variant_of(m.text, b) and (m.text.startswith(b) or
                                                                 canonical_key(m.text) not in gazetteer_keys)
                                      for m in c.mentions for b in bases):
            out[c.key] = True
    return out


#: A size or count after a name's first part: "Foo-100k", "Foo-7B", "Foo-1.5M".
_SIZE_PART = re.compile(r"^\d+(?:\.\d+)?[kKMBT]$")


def _variant_of(name: str, base: str) -> bool:
    """"FooNet-S" of "FooNet"; "Zorb2GoChain" of "Zorb2Go" (a capital glued to a base ending in a small letter or
    digit); not "FOOBar" of "FOO" (capitals run on) or "Foo Meets Bar" (a space). Hyphen parts too: "Foo-Mini-Bench"
    and "Foo-100k" of "Foo-Bench" (its first part kept, a part put in or a size after it), "Bar-Zorb-8B" of "Zorb"
    (the base a whole inner part)."""
    if not name.startswith(base):
        parts, base_parts = name.split("-"), base.split("-")
        if " " in name or parts[-1].lower().rstrip("s") in METRIC_HEADS:
            return False
        if len(base_parts) >= 2 and parts[0] == base_parts[0] and len(parts[0]) >= 2:
            return (len(parts) > len(base_parts) and parts[-1] == base_parts[-1]) or \
                (len(parts) == 2 and bool(_SIZE_PART.match(parts[1])))
        return len(base) >= 4 and len(base_parts) == 1 and base in parts[1:]
    if len(name) <= len(base):
        return False
    if name[len(base):].lstrip("-").lower().rstrip("s") in METRIC_HEADS:
        return False  # "FooNet-Score": a measure named after the method, no variant of it
    nxt = name[len(base)]
    return nxt == "-" or (nxt.isupper() and (base[-1].islower() or base[-1].isdigit()) and len(base) >= 4)


def _kind_word(f: dict[str, float]) -> bool:
    """"a population-based widget search (WS) framework": between an indefinite article and a head noun a
    name only says what kind of thing the unnamed proposal is, unless a title, namer or appositive names it."""
    # a title names the paper's own name, not a known one it builds with ("Bayesian Widgeting for ...")
    # a coined name ("a KP-WIDGET framework", "a novel Foo-Bar Splicing (FBS) strategy") names the proposal itself
    coined = not f["gazetteer"] and (f["shape_name"] or (f["multiword_capitalised"] and f["defined_acronym"]))
    return bool(f["indefinite_modifier"]) and not ((f["in_title"] and not f["gazetteer"]) or f["namer_before"] or
                                                   f["appositive_after"] or coined)


#: The paper naming something itself, right before the name: "we call", "which we term", "we dub it".
_WE_NAME = re.compile(r"\bwe\s+(?:call|name|term|dub|coin)\s+(?:it|them|(?:this|these|the|our)(?:\s+[\w-]+){0,3}?)?\s*"
                      r"[\"'“‘`]*$|"
                      r"\bour\s+(?:novel|new)\s+$", re.I)


def _named_by_us(cand: ProposalCandidate, abstract: str) -> bool:
    """Is a mention of the candidate named by "we call/name/term ..." right before it, or a capitalised one
    introduced as "our novel X", or described right after as "X, our newly curated dataset"?"""
    return any(m.field == "abstract" and (m.rule == "proposes:X-our-new" or (
        (m.proposed and m.rule.startswith("proposes:") or m.text[:1].isupper()) and
        _WE_NAME.search(abstract[max(0, m.start - 40):m.start]) and not _MODIFIER_SUFFIX.match(abstract, m.end)))
        for m in cand.mentions)


def _plainly_used(cand: ProposalCandidate, title_low: str, gazetteer_keys) -> bool:
    """A known name that no proposal rule flagged and the title does not carry is used, not proposed
    (no such candidate in the training data is anyone's own); it skips the model."""
    if cand.title_named or cand.unconfirmed_title or any(m.proposed or m.field == "title" for m in cand.mentions):
        return False
    names = {m.text for m in cand.mentions} | {m.long_form for m in cand.mentions if m.long_form}
    return any(canonical_key(n) in gazetteer_keys for n in names) and \
        not any(len(n) > 2 and n.lower() in title_low for n in names)


def _spread_over_lists(paper: Paper, candidates: Sequence[ProposalCandidate], own: dict[str, bool],
                       gazetteer_keys) -> dict[str, bool]:
    """A name listed right after the paper's own name, with the same make-up, is its own too:
    "two new losses, the A Loss (AL) and the B Loss (BL)". Known (gazetteer) names never are."""
    abstract = paper.abstract or ""
    spans = sorted((m.start, m.end, c.key, bool(m.long_form) or m.rule.startswith("acronym"), c)
                   for c in candidates for m in c.mentions if m.field == "abstract")
    out = dict(own)
    first = {}
    for s, _, k, _, _ in spans:
        first.setdefault(k, s)
    for (s1, e1, k1, def1, c1), (s2, e2, k2, def2, c2) in zip(spans, spans[1:]):
        if out.get(k1) and not out.get(k2) and def1 == def2 and (
                _LIST_JOIN.match(abstract[e1:s2]) or
                # "(1) A (AB), which ..., and (2) B (BC)": items numbered in one sentence are listed together
                (_FIRST_ITEM_BEFORE.search(abstract, max(0, first[k1] - 8), first[k1]) and
                 _NEXT_ITEM_JOIN.match(abstract[e1:s2]))) and \
                not any(canonical_key(m.text) in gazetteer_keys for m in c2.mentions):
            out[k2] = True
    return out
