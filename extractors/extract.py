"""Per-paper extraction: run the pipeline on title and abstract, combine the extractors.

Title and abstract are processed as two Docs, so every Mention's offsets
index ``Paper.title`` / ``Paper.abstract`` exactly. Combination rules: stop
terms and generic acronym definitions are dropped, overlapping candidates
keep the most reliable span (proposal > acronym > gazetteer > shape > Title
Case), forms of one thing (acronym and long form) share one kind.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Iterator, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from kg.errors import InputError
from kg.memory import gc_paused
from kg.models import Mention, Paper
from kg.schema import DATA_KINDS, ENTITY_KINDS

from extractors.acronyms import best_long_form, extract_acronyms
from extractors.canonical import DATA_RESOLUTION, DATA_SPLIT, canonical_key
from extractors.citations import citation_mentions
from extractors.cues import (BENCH_NOUNS, COMPONENT_NOUNS, DATA_NOUNS, EDITION_WORDS, METHOD_NOUNS, PLURAL_DATA_NOUN_KIND,
                             STARTERS,
                             TASK_NOUNS, ends_with_event, extract_cues, hub_ids, population_schemes,
                             surname_techniques,
                             lower_case_data_lists, model_shaped, name_shape, size_word, suffix_kind)
from extractors.decide import ProposalCandidate, decide_proposals
from extractors.docstate import DocState
from extractors.docutil import LATEX_FONT_PREFIX, doc_text, make_mention, new_mention
from extractors.gazetteer import (dictionary_word, english_words, entity_key, gazetteer_names, known_name, spells_known,
                                  word_compound)
from extractors.gazetteer_match import extract_gazetteer
from extractors.links import link_mentions
from extractors.nonnames import ADJECTIVE_COMPOUND, non_name_reason, trim_span
from extractors.pipeline import MAX_TEXT_CHARS, make_nlp
from extractors.proposes import TITLE_SEPARATOR, extract_proposals, review_proposals, title_collections, title_prefix
from extractors.terms import (METRIC_HEADS, listed_stop_category, ends_adjective, is_generic_phrase, is_organisation, lower_method_head,
                              stop_category, stop_first_words)
from extractors.variants import listed_variant_mentions, nothing_counted_after, slash_variant_mentions

__all__ = ["extract_batch", "ENTITY_RULE_PRIORITY"]

ENTITY_RULE_PRIORITY = {"proposes": 5, "acronym": 4, "gazetteer": 3, "gazetteer-variant": 3, "shape": 2, "titlecase": 1}
_FIELD_ORDER = {"metadata": 0, "title": 1, "abstract": 2}
#: Proposal rules that infer a proposal from the title's words rather than from a cue in the sentence itself: on
#: the same span, a sentence cue ("we propose X") wins, so the decision sees the stronger evidence.
_INFERRED_PROPOSAL_RULES = frozenset({"proposes:title-head"})


def _with(m: Mention, **changes) -> Mention:
    """``dataclasses.replace`` without its per-call field introspection or the frozen ``__init__`` (hot path)."""
    if not changes.keys() <= m.__dict__.keys():
        raise TypeError(f"Mention has no field(s) {sorted(changes.keys() - m.__dict__.keys())}")
    return new_mention({**m.__dict__, **changes})


def _priority(m: Mention) -> int:
    base = ENTITY_RULE_PRIORITY.get(m.rule.split(":", 1)[0], 0)
    if base == ENTITY_RULE_PRIORITY["shape"] and (" " in m.text or "/" in m.text):
        return ENTITY_RULE_PRIORITY["gazetteer"]  # "GPT-2 Small", "openai/gsm8k" compete with "GPT-2", "gsm8k" on length
    if m.rule.startswith("titlecase+") and (m.kind in _DATA_KINDS or m.rule.endswith("+typed") or
                                            "+cue:" in m.rule) and \
            " " in m.text and all(w[:1].isupper() for w in m.text.split()):
        # a Title Case run typed as data ("the Foo Widget Corpus", "evaluated on Big Bar Audio") or by its
        # ending ("Step-Wise Foo Policy Optimization") or by a cue ("compared with Parallel FooGAN") competes with
        # a known name inside it on length
        return ENTITY_RULE_PRIORITY["gazetteer"]
    return base


def _gaz_kind(text: str) -> str | None:
    hit = known_name(text)
    return hit[0] if hit else None


def _title_definitions(title: str) -> dict[str, str]:
    """Acronym definitions a "SF: Long Form ..." title makes ("WXPO: Widget Exchange Policy Optimization")."""
    m = re.match(r"^\s*(\S+)\s*:\s*(.+)$", title)
    if not m or not (name_shape(m.group(1)) or m.group(1)[:1].isupper()):
        return {}
    lf = _long_form_for(m.group(1), m.group(2).split())
    return {canonical_key(m.group(1)): lf} if lf else {}


#: An acronym inside a long form: "PTQ" in "PTQ to Foo-Planes".
_NESTED_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z]s?$")


def _title_spelled_long_forms(title: str, defs: dict[str, str]) -> dict[str, str]:
    """{short-form key: the title's spelling of its long form} where the abstract's long form uses another
    acronym the paper defines and the title writes that acronym out: the fullest form of the name."""
    out: dict[str, str] = {}
    if not title:
        return out
    for key, lf in defs.items():
        words = lf.split()
        nested = [canonical_key(w) for w in words if _NESTED_ACRONYM.match(w)]
        if not any(k in defs and k != key for k in nested):
            continue
        full = " ".join(defs[k] if _NESTED_ACRONYM.match(w) and (k := canonical_key(w)) in defs and k != key else w
                        for w in words)
        pattern = r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", full) if part)
        hit = re.search(rf"(?<![\w-]){pattern}(?![\w-])", title, re.I)
        if hit is not None:
            out[key] = hit.group()
    return out


#: Definitions written out in running text: "we propose ABC: Alpha Beta Chain, a ...",
#: "ABC, an abbreviation for Alpha Beta Chain", "ABC (short for Alpha Beta Chain)".
_TEXT_DEFINITION = re.compile(r"(?<![\w-])([A-Za-z][\w-]*[A-Z][\w-]*)(?:\s*:\s*|,?\s+(?:an?\s+)?(?:abbreviation|acronym)"
                              r"\s+(?:for|of)\s+|\s*\(?(?:short\s+for|which\s+stands\s+for|stands\s+for)\s+)"
                              r"((?:[A-Z][\w-]*|of|for|with|and|in|on|to|the|via)(?:\s+(?:[A-Z][\w-]*|of|for|with|and|"
                              r"in|on|to|the|via)){0,9})")
#: What every :data:`_TEXT_DEFINITION` match contains (its separator), case as in the pattern.
_DEFINITION_WORDS = (":", "abbreviation", "acronym", "short", "stands")


def _text_definitions(text: str) -> dict[str, str]:
    """Acronym definitions made with a colon or "an abbreviation for" rather than brackets."""
    out: dict[str, str] = {}
    if not any(word in text for word in _DEFINITION_WORDS):
        return out  # every match holds one of these: skip the regex, which tries every word
    for m in _TEXT_DEFINITION.finditer(text):
        lf = _long_form_for(m.group(1), m.group(2).split())
        if lf:
            out.setdefault(canonical_key(m.group(1)), lf)
    return out


def _subsequence(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(any(c == h for h in it) for c in needle)


#: A dimension ending a short form: "FOO-3D" spelled out as "Fast Object Occupancy ... in 3D".
_DIMENSION_END = re.compile(r"-?([1-4]D)$")


def _long_form_for(sf: str, rest: list[str]) -> str | None:
    """The words at the start of ``rest`` that spell out ``sf``: capitals in order, or every initial."""
    dim = _DIMENSION_END.search(sf)
    if dim is not None and dim.start() >= 2:
        words = [w.rstrip(",;") for w in rest]
        if dim.group(1) in words[:len(sf) + 4]:
            at = words.index(dim.group(1))
            head = _long_form_for(sf[:dim.start()], rest[:at])
            if head is not None and all(w in ("in", "for", "of") for w in rest[len(head.split()):at]):
                return " ".join(rest[:at + 1]).rstrip(",;")  # the dimension ends the long form too
    if rest and rest[0] in ("A", "An", "The"):
        rest = rest[1:]
    upper = [c for c in sf if c.isupper()]
    letters = "".join(c for c in sf.lower() if c.isalpha())
    for k in range(min(len(rest), len(sf) + 3), 0, -1):
        words = rest[:k]
        if not words[-1][:1].isupper():
            continue
        lf = " ".join(words).rstrip(",;")
        caps = [w[0] for part in words for w in part.split("-") if w[:1].isupper()]
        # (one capital spells out nothing: "Zorbia: Scalable, Robust ..." is no definition of Zorbia by "Scalable")
        if len(upper) >= 2 and caps and upper[0] == caps[0] and upper[-1] == caps[-1] and \
                _subsequence(upper, caps) and len(words) <= 2 * len(upper) + 1:
            return lf  # "AB3C, short for Alpha Beta for Cat Curation": capitals in order, first and last anchored
        if best_long_form(sf, lf) != 0:
            continue
        if len(upper) >= 2 and _subsequence(caps, upper):  # every capitalised word's initial is a capital, in order
            return lf
        # "Abcd: Alpha Blending using Cd": the short form's letters are the words' initials, any case
        every = "".join(w[0] for part in words for w in part.split("-") if w[:1].isalpha()).lower()
        if every == letters:
            return lf
    return None


def _select(cands: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions, most reliable first; hints of the losers carried over."""
    order = sorted(cands, key=lambda m: (-_priority(m), -(m.end - m.start), _FIELD_ORDER[m.field], m.start,
                                         m.rule in _INFERRED_PROPOSAL_RULES, m.rule))
    kept: list[Mention] = []
    owner: dict[str, dict[int, int]] = {}  # field -> char offset -> index in kept
    for m in order:
        taken = owner.setdefault(m.field, {})
        hit = next((taken[c] for c in range(m.start, m.end) if c in taken), None)
        if hit is None:
            for c in range(m.start, m.end):
                taken[c] = len(kept)
            kept.append(m)
            continue
        i = hit
        clash = kept[i]
        same = clash.start == m.start and clash.end == m.end
        upd = {}
        if clash.kind == "term" and m.kind != "term" and m.start >= clash.start and m.end <= clash.end:
            upd["kind"] = m.kind
        if same and m.proposed and not clash.proposed:
            upd["proposed"] = True
        if same and m.long_form and not clash.long_form:
            upd["long_form"] = m.long_form
        if upd:
            kept[i] = _with(clash, **upd)
    return kept


def _entity_mentions(paper: Paper, title_doc, abstract_doc) -> tuple[Mention, ...]:
    """Entity mentions of one paper from its processed title and abstract Docs."""
    raw: list[Mention] = []
    for doc in (title_doc, abstract_doc):
        raw.extend(extract_acronyms(doc))
        raw.extend(extract_gazetteer(doc))
        raw.extend(extract_cues(doc))
    spans: dict[int, int] = {}
    for m in raw:
        if m.field == "abstract" and m.end > spans.get(m.start, -1) and not m.rule.startswith("titlecase"):
            spans[m.start] = m.end
    raw.extend(extract_proposals(title_doc))
    raw.extend(title_collections(title_doc))
    raw.extend(extract_proposals(abstract_doc, spans, title_text=paper.title))
    raw.extend(_list_members(paper, raw, abstract_doc))
    raw.extend(lower_case_data_lists(abstract_doc))
    raw.extend(hub_ids(abstract_doc))
    for doc in (title_doc, abstract_doc):
        raw.extend(population_schemes(doc))
        raw.extend(surname_techniques(doc))
    raw = _names_only(paper, raw)
    raw = review_proposals(paper, raw)  # title and abstract together: studied names, known methods

    # the paper's acronym table: short-form key -> long form
    defs: dict[str, str] = {}
    generic_sf: set[str] = set()
    coined = {(m.field, m.long_form) for m in raw if m.rule == "acronym:short" and _coined_for_description(m)}
    if coined:
        raw = [_with(m, long_form=None) if m.rule == "acronym:short" and (m.field, m.long_form) in coined else m
               for m in raw if (m.field, m.text) not in coined]
    for m in raw:
        if m.rule == "acronym:short" and m.long_form:
            key = canonical_key(m.text)
            if _generic_definition(m, raw, paper) or _word_abbreviated(m.long_form):
                generic_sf.add(key)  # "on Indian (IN) languages": a word and its abbreviation name nothing
                generic_sf.add(key[:-1] if key.endswith("s") else key + "s")  # "(KG)" defined, "KGs" used
            else:
                defs.setdefault(key, m.long_form)
    for key, lf in (_title_definitions(paper.title) | _text_definitions(paper.abstract or "")).items():
        if key not in defs and key not in generic_sf and not stop_category(lf):
            defs[key] = lf
    spelled = _title_spelled_long_forms(paper.title or "", defs)
    if spelled:  # "PTQ to Foo-Planes (PTQFP)" under the title "PTQFP: Post-Training Quantization to Foo-Planes"
        written = {canonical_key(defs[key]): full for key, full in spelled.items()}
        raw = [_with(m, long_form=written[k]) if m.field == "abstract" and m.rule.startswith("acronym:") and
               (k := canonical_key(m.long_form if m.rule == "acronym:short" and m.long_form else m.text)) in written
               else m for m in raw]
        defs.update(spelled)
    generic_lf = {canonical_key(m.long_form) for m in raw if m.rule == "acronym:short"
                  and canonical_key(m.text) in generic_sf}
    # where a generic term is spelled out, no part of it is a name ("Expected Widget Shortfall (EWS)")
    generic_spans = [(m.field, m.start, m.end) for m in raw if m.rule == "acronym:long"
                     and canonical_key(m.text) in generic_lf]

    # a name inside the long form a title prefix spells out ("ZBPO: Zero Buffer Policy Optimization", or the
    # long form the abstract gives the prefix) is part of that name, not a mention of its own
    long_forms = list(_title_definitions(paper.title or "").values())
    prefix = title_prefix(paper.title or "")
    if prefix is not None and (lf := defs.get(canonical_key(paper.title[prefix[0]:prefix[1]]))):
        long_forms.append(lf)
    title_long = [(hit.start(), hit.end()) for lf in long_forms
                  if not _gaz_kind(lf) and (hit := re.search(re.escape(lf), paper.title, re.I))]
    if title_long:
        raw = [m for m in raw if not (m.field == "title" and m.rule.startswith(("gazetteer", "shape", "titlecase")) and
                                      any(a <= m.start and m.end <= b and (m.start, m.end) != (a, b)
                                          for a, b in title_long))]
    # "we introduce Widget Leverage (WL), a metric quantifying ...": a measure, never a method or data; "we
    # propose a new task: Widget Diarization (WD)": a task, neither
    metric_keys = {canonical_key(m.long_form or m.text) for m in raw if m.field == "abstract" and
                   (_METRIC_APPOSITIVE.match(paper.abstract, m.end) or
                    _AS_TASK.search(paper.abstract[max(0, m.start - 50):m.start]))}
    if metric_keys:
        raw = [m for m in raw if not ({canonical_key(m.text), canonical_key(m.long_form or ""),
                                       canonical_key(defs.get(canonical_key(m.text), ""))} & metric_keys) and
               not (m.rule.startswith("titlecase") and any(k.endswith(" " + canonical_key(m.text))
                                                           for k in metric_keys))]  # its tail cut off as a run
    # "the operations ADD, UPDATE, DELETE and NOOP": words in capitals listed together are keywords, not names
    keyword_spans = _capital_word_lists(paper.abstract or "")
    if keyword_spans:
        raw = [m for m in raw if not (m.field == "abstract" and not m.proposed and not m.long_form and
                                      any(a <= m.start and m.end <= b for a, b in keyword_spans))]
    abstract_low = paper.abstract.lower()
    # (a leading article and the acronym in brackets are no part of the name: "The Widget Benchmark (WB)")
    title_key = canonical_key(_TITLE_WRAPPING.sub("", paper.title)) if paper.title and ":" not in paper.title else ""
    # "Widget Inversion and Gizmo Refinement for Report Generation": the title's head before its purpose
    head = _TITLE_HEAD.match(paper.title or "") if title_key else None
    title_head_key = canonical_key(head.group(1)) if head is not None and len(head.group(1).split()) >= 3 and \
        head.group(1).split()[-1].lower() not in TASK_NOUNS else ""  # "Widget Relation Extraction with ...": a task
    unconfirmed: set[tuple[str, int, int]] = set()
    title_named: set[str] = set()
    cands: list[Mention] = []
    # names as this paper writes them for its own things: "CoCo" proposed here is not the known "COCO"
    own_names: dict[str, str] = {}  # text -> the kind the paper's own words give it ("term" if none)
    for m in raw:
        if m.proposed and m.field == "abstract" and m.rule.startswith("proposes:") and m.rule != "proposes:title-colon" \
                and own_names.get(m.text, "term") == "term":
            own_names[m.text] = m.kind
    defined = {m.text for m in raw if m.rule == "acronym:short" and m.long_form}
    paper_text = f"{paper.title} {paper.abstract}"
    shouted = _shouted_title(paper.title or "")
    paper_low = paper_text.lower()
    # "FooLM-Coder, BarSeek-Coder and Seed-Coder": a last part two coined names end in (their first parts no words)
    # marks a family of names
    family_tails = Counter(t.rsplit("-", 1)[1].lower() for t in {m.text for m in raw} if
                           "-" in t and " " not in t and len(t.split("-", 1)[0]) >= 3 and not word_compound(t) and
                           not dictionary_word(t.split("-", 1)[0].lower()))
    # "we propose FooScore, a learned evaluation metric": a named metric the paper itself introduces is its
    # contribution, though the stop list keeps it out of the papers that only measure with it
    # (and "we propose KID-PPG, a deep learning model": a coined name that only looks like a metric with a qualifier,
    # not "an AUC-100 metric")
    # ("FooScore: Evaluating ...": a listed metric heading the title is the paper's own too)
    own_metrics = {canonical_key(m.text) for m in raw if m.proposed and (
                   m.field == "abstract" or m.rule == "proposes:title-colon") and
                   m.rule.startswith("proposes:") and (listed_stop_category(m.text) == "metric" or (
                       "-" in m.text and stop_category(m.text) == "metric" and
                       _MODEL_APPOSITIVE.match(paper.abstract or "", m.end)))}
    for m in raw:
        key = canonical_key(m.text)
        if not key or key in generic_sf or key in generic_lf:
            continue
        if m.rule.startswith(("titlecase", "shape")) and \
                any(f == m.field and a < m.end and m.start < b for f, a, b in generic_spans):
            continue
        if stop_category(m.text) and key not in defs and key not in own_metrics:
            continue  # (a local definition overrides the stop list, and so does a metric this paper proposes)
        if key in own_metrics:
            m = _with(m, kind="method")  # a measure computed by a procedure: neither data nor a benchmark
        if _language_and_stop_term(m.text) and not m.rule.startswith("gazetteer"):
            continue  # "an English Automatic Speech Recognition (ASR) system": a language and a task
        if m.rule == "acronym:long" and is_generic_phrase(m.text):
            continue
        if m.rule.startswith("gazetteer") and m.text in _CLASS_NOUN_NAMES and \
                _modified_class_noun(paper.title if m.field == "title" else paper.abstract or "", m.start):
            continue  # "a video latent transformer", "diffusion transformers": a kind of model, not the architecture
        if m.rule.startswith("shape:capcompound") and _hybrid_of_known(m, paper):
            continue  # "a hybrid Transformer-Mamba model": two known names combined, each found on its own
        if m.rule == "proposes:title-colon" and m.kind == "term":
            kind = _title_kind(paper.title[m.end:])
            if kind:
                m = _with(m, kind=kind)
        if m.rule == "proposes:title-head" and (prefix_span := title_prefix(paper.title or "")) is not None and \
                _SURVEY_AFTER.match(paper.title[prefix_span[1]:]) and key not in defs:
            continue  # "Widget Learning: A Framework and Review" repeated in the abstract: the topic surveyed
        if m.rule == "proposes:title-colon" and _SURVEY_AFTER.match(paper.title[m.end:]) and key not in defs and \
                m.kind not in DATA_KINDS:  # "X: A Survey and Benchmark of ...": the benchmark is the name's
            continue  # "Widget Routing: A Review and Analysis": the topic a survey covers, not a name it gives
        if m.rule == "proposes:title-colon" and (gerund := _GERUND_BEFORE.match(m.text)) and \
                _gaz_kind(m.text[gerund.end():]) and key not in defs:
            continue  # "Maintaining MMLU: ...", "Scaling BERT: ...": what the paper does to a known name
        if m.rule == "proposes:title-colon":
            if not _confirm_title_name(m.text, abstract_low, defs, paper.title[m.end:]):
                unconfirmed.add((m.field, m.start, m.end))  # a candidate only: the proposal model decides
            if key in defs:
                m = _with(m, long_form=defs[key])
        if m.rule.startswith("titlecase") and _generic_titlecase(m.text) and \
                not (m.kind in _DATA_KINDS and not stop_category(m.text) and is_organisation(m.text)):
            continue  # (not "the Widget Street Journal dataset": data named after an organisation)
        if not m.proposed and not m.rule.startswith("gazetteer") and _TASK_NAME.match(m.text):
            continue  # "Widget Classification", "Gizmo-Trial Outcome Prediction (GTOP)": a task, not a name
        if m.text.endswith("-") and not m.rule.startswith("gazetteer"):
            continue  # "Tail-Word-* (TW-*) relations", "Foo- and Bar-based": a suspended hyphen ends no name
        if m.rule.startswith("titlecase") and not m.proposed and _cut_before_its_noun(m, paper):
            continue  # "Graph Convolutional layers": a run ending in an adjective is cut off before its noun
        if "-" in m.text and not m.rule.startswith(("gazetteer", "acronym")) and not m.long_form and \
                len(parts := m.text.split("-")) == 2 and all(canonical_key(p) in defs for p in parts):
            continue  # "Foo-BarO" of a paper that defines Foo and BarO: the two used together, no third name
        if "-" in m.text and not m.rule.startswith(("gazetteer", "acronym")) and not m.long_form and \
                m.text not in (paper.title or "") and not _gaz_kind(m.text) and m.kind not in _DATA_KINDS and \
                len(parts := m.text.split("-")) == 2 and all(p.isupper() and (stop_category(p) or canonical_key(p) in
                                                                              generic_sf) for p in parts):
            continue  # "an LLM-KG paradigm": two generic acronyms joined, no name
        if "+" in m.text and not m.rule.startswith(("gazetteer", "acronym")) and _known_combination(m.text):
            cands.extend(_combination_parts(m))  # "SFT+RL", "BERT+CRF": known things used together, each itself
            continue
        if shouted and m.field == "title" and m.rule.startswith("shape") and not _gaz_kind(m.text) and \
                not _written_as_name(m.text, paper.abstract or ""):
            continue  # "TEXT-INDEPENDENT WIDGET VERIFICATION": a title set in capitals, its words no acronyms
        if m.rule.startswith("shape:mixed") and not m.proposed and key not in defs and \
                _backronym_word(m.text, paper_text):
            continue  # "USR, an UnSupervised and Reference-free metric": a word capitalised to spell an acronym
        if _not_a_name(m) and key not in defs:
            continue
        if m.rule.startswith("gazetteer:") and _alias_taken(m, key, defs, own_names, defined, paper_low):
            continue  # "we introduce the Widget Bench (WB)" where WB is also a known name's acronym: this paper's WB
        if m.rule.startswith("gazetteer:") and key in defs and (meant := known_name(defs[key])) is not None and \
                meant[1] != m.rule[len("gazetteer:"):].split("+")[0]:
            # "Grouped Query Attention (GQA)": the paper's definition says which known name its acronym is
            m = _with(m, kind=meant[0])
        text = paper.title if m.field == "title" else paper.abstract
        if m.rule.startswith("acronym") and m.kind in ("term", "method") and not m.proposed and \
                (noun := _DEFINED_DATA_AFTER.match(text, m.end)) is not None:
            # "the Widget Street Journal (WSJ) corpus": a data noun after a definition types both of its forms
            m = _with(m, kind="benchmark" if noun.group(1).lower().startswith(("benchmark", "challenge", "shared"))
                      else "dataset")
        if m.kind == "method" and m.rule.startswith("gazetteer") and not m.proposed and \
                (noun := _THE_X_DATA.match(text, m.end)) and text[max(0, m.start - 4):m.start].lower() == "the ":
            # "the Twins dataset", "the Alpaca corpus": a data noun right after a known model's name makes it the
            # data of that name
            m = _with(m, kind="benchmark" if noun.group(1).lower() in BENCH_NOUNS else "dataset",
                      rule=m.rule + "+cue:X-dataset")
        if m.kind in _DATA_KINDS and m.rule.startswith("gazetteer") and not m.proposed and \
                _THE_X_ALGORITHM.match(text, m.end) and text[max(0, m.start - 4):m.start].lower() == "the ":
            # "the WIDGET algorithm": a method that shares its name with known data
            m = _with(m, kind="method", rule=m.rule + "+cue:X-algorithm")
        if not m.proposed and m.rule.startswith("shape:capcompound") and _RESULT_AFTER.match(text, m.end):
            continue  # "Smith-Jones bounds", "the Doe-Roe inequality": a named result of maths, not a method
        if m.kind in ("method", "term") and not m.proposed and _METRIC_AFTER.match(text, m.end):
            continue  # "a Widget similarity score of 0.8", "the GizNet score": a model used as a metric
        if not m.proposed and (_HARDWARE_AFTER.match(text, m.end) or _HARDWARE_END.search(m.text)):
            continue  # "Hopper GPUs", "A100 GPUs": a chip generation, not the task or model of that name
        if m.rule.startswith("shape"):
            m = _size_variant(m)
        if m.rule.startswith("shape") and not m.rule.startswith("shape:known") and \
                m.text.split()[0].lower() in stop_first_words() and _modifies_stop_term(m, title_doc, abstract_doc):
            continue
        if m.rule == "shape:acronym" and key not in defs and _initials_stop(m.text, paper):
            continue
        if m.rule.startswith("shape:capcompound") and key not in defs and not m.proposed and \
                m.kind not in _DATA_KINDS and word_compound(m.text) and (paper.title + " " + paper.abstract).count(m.text) == 1 \
                and family_tails[m.text.rsplit("-", 1)[1].lower()] < 2:
            continue  # "Teacher-Pupil" once, of two plain words: a description, not a name (unless of a family)
        if m.rule.startswith("shape:acronym") and key not in defs and not m.proposed and \
                sum(c.isalpha() for c in m.text) <= 2 and not (m.kind in _DATA_KINDS and _has_digit(m.text)):
            continue  # an undefined two-letter acronym ("ST", "EV") is a task or a unit far more often than a name
        if m.rule.startswith("shape:acronym") and key not in defs and not m.proposed and \
                _counted_unit(paper.title if m.field == "title" else paper.abstract, m.start, m.end):
            continue  # "at 42 FPS", "a 2.5 dB gain": an undefined acronym after a number is its unit
        if not m.proposed and _names_a_problem(m, paper) and not _EVENT_TAIL.match(text, m.end):
            continue  # (not "the ZMT Metrics shared task": the contest's words after its collection's name)
        edition = _EDITION.match(text, m.end) or (_CODED_EDITION.match(text, m.end) if m.kind in _DATA_KINDS else None)
        if edition is None and m.kind in _DATA_KINDS and m.text.isalpha() and m.text.isupper() and \
                (short := _SHORT_EDITION.match(text, m.end)) is not None and nothing_counted_after(text, short.end()):
            edition = short  # "FOOMT 15": a campaign's edition by the last two digits of its year
        event = len(m.text.split()) >= 2 and ends_with_event(m.text)
        if edition and (name_shape(m.text.split()[-1]) in ("acronym", "mixed", "alnum") or event or
                        m.kind in _DATA_KINDS):
            # "FOO-SET 2022", "BarQA 2019", "the Widget Challenge 2023", "Widget Reviews 2023": an edition
            # year belongs to a name written like one, to an event, or to a collection of data
            m = _with(m, end=edition.end(), text=text[m.start:edition.end()])
        elif m.kind in _DATA_KINDS and m.rule.startswith("gazetteer") and _named_subset(text, m.end):
            # "WidgetNet Sketch", "Big Widget Audio": one more capitalised word names a part of the known data
            sub = _named_subset(text, m.end)
            m = _with(m, end=sub.end(1), text=text[m.start:sub.end(1)])
        elif m.kind in _DATA_KINDS and (pair := _PAIR_AFTER.match(text, m.end)) and \
                stop_category(pair.group(1)) == "language":
            m = _with(m, end=pair.end(), text=text[m.start:pair.end()])  # "WidgetMT14 English-French": a language pair
        elif m.kind in _DATA_KINDS and _DATA_VARIANT.match(text, m.end):
            # "LibriSpeech test-clean", "ImageNet 64x64": a named split or resolution belongs to the data
            variant = _DATA_VARIANT.match(text, m.end)
            m = _with(m, end=variant.end(), text=text[m.start:variant.end()])
        elif event and (start := _event_start(text, m.start)) < m.start:
            m = _with(m, start=start, text=text[start:m.end])  # "the 2006 Widget Competition"
        elif m.kind in ("method", "term") and _NAMED_PAIR.match(m.text) and not word_compound(m.text) and \
                _TECHNIQUE_AFTER.match(text, m.end):
            # "Newton-Gizmo iterations", "Smith-Jones averaging": a pair of surnames names a technique with its head
            end = _TECHNIQUE_AFTER.match(text, m.end).end()
            m = _with(m, end=end, text=text[m.start:end], kind="method")
        elif m.kind in ("method", "term") and m.rule.startswith(("gazetteer", "shape")) and \
                (not m.text[:1].islower() or name_shape(m.text) in ("mixed", "alnum")) and \
                (version_end := _model_version(text, m.end)):  # (also "w2v-Foo 2.0")
            # (not "classifier-free guidance 1.5": a number after a technique in lower case is a setting of it)
            # "CosyNet 2", "WidgetLM 2.0", "Stable Widget 1.4", "Gizmo 3 27B": a version (and size) of a model
            m = _with(m, end=version_end, text=text[m.start:version_end])
        elif _CITATION.match(text[m.end:m.end + 16]):
            continue  # "Katz-Samuels et al.", "Smith 2020": a citation, not a name of a method
        if not m.proposed and not m.rule.startswith("gazetteer") and not _gaz_kind(m.text) and \
                not ends_with_event(m.text) and (contest := _CONTEST_AFTER.match(text, m.end)):
            # "the ZOiCES Challenge 2019 evaluation set", "submitted to the ZQNLP 2019 Shared Task": a contest's
            # name (a known collection keeps its own: "the Widget-1K challenge" uses Widget-1K)
            m = _with(m, end=contest.end(), text=text[m.start:contest.end()],
                      kind=m.kind if m.kind in _DATA_KINDS else "benchmark")
        if (m.kind in _DATA_KINDS or m.kind == "term") and not m.proposed and \
                (_CODED.search(m.text) or name_shape(m.text.split()[0]) in ("acronym", "mixed")) and \
                (event := _EVENT_TAIL.match(text, m.end)) and \
                not any(w.lower() in STARTERS for w in event.group().split()[:-1]):
            # "the ZOCO 2016 keypoints challenge", "the ZMT Metrics shared task": a contest named after the
            # collection it is run on, its lower-case words and all
            start = _event_start(text, m.start)  # "the 2019 ZoxCeleb Widget Recognition Challenge"
            m = _with(m, start=start, end=event.end(), text=text[start:event.end()], kind="benchmark")
        elif (m.kind in _DATA_KINDS or m.kind == "term") and not m.rule.startswith("gazetteer") and \
                not _gaz_kind(m.text) and (_CODED.search(m.text) or name_shape(m.text) == "acronym") and \
                (words := _WORDS_BEFORE_DATA_NOUN.match(text, m.end)) and \
                not any(w.lower() in STARTERS for w in words.group().split()):
            # "the ZQTOS 2019 Blindness Detection dataset": a coded name and the Title Case words of its collection
            noun = text[words.end():words.end() + 12].split()[0].lower()
            kind = m.kind if m.kind in _DATA_KINDS else "dataset" if noun.startswith(("dataset", "corpus")) else \
                "benchmark"
            m = _with(m, end=words.end(), text=text[m.start:words.end()], kind=kind)
        if (trace := _TRACE_PARAMETER.match(text, m.end)) is not None and m.text[-1:].isalnum():
            m = _with(m, end=trace.end(), text=text[m.start:trace.end()])  # "Foo(λ)": the trace-decay variant
        if m.rule.startswith("shape") and key in defs and not m.long_form:
            m = _with(m, long_form=defs[key])
        if title_key and m.field == "title" and m.kind in _DATA_KINDS and \
                m.rule.startswith(("gazetteer", "proposes:title-colon")) and \
                canonical_key(m.text) == title_key and len(m.text.split()) >= (2 if m.rule.startswith("proposes") else 3):
            title_named.add(key)  # a title that is a known data collection's full name: that collection's paper
        if title_key and m.rule.startswith("acronym") and \
                canonical_key(m.long_form or m.text) in (title_key, title_head_key) and not _gaz_kind(m.long_form or m.text):
            title_named.add(key)  # the whole title (or its head before "for ...") names what the abstract defines
        cands.append(m)
    variants = _modified_known_names(cands, paper, defs.values())
    kept = _select(cands + _joined_collections(cands, paper) + variants)
    if "/" in (paper.abstract or "") or "/" in (paper.title or ""):
        # "CIFAR-10/100": after the selection, since each variant's mention overlaps the first's
        for doc in (title_doc, abstract_doc):
            field = "title" if doc is title_doc else "abstract"
            kept += slash_variant_mentions(doc, [(m.start, m.end) for m in kept if m.field == field])
    for doc in (title_doc, abstract_doc):
        field = "title" if doc is title_doc else "abstract"
        # "CIFAR-10 and 100": after the selection, since each listed variant's mention overlaps the name's
        kept += listed_variant_mentions(doc, [m for m in kept if m.field == field and m.text[-1:].isdigit()])
    kept = _share_list_kinds(kept, paper)
    return _decide_proposals(paper, _type_clusters(kept, defs, paper), defs, unconfirmed, title_named)


#: A trace-decay parameter written onto a reinforcement-learning method's name: "Foo(λ)", "Foo($\\lambda$)".
_TRACE_PARAMETER = re.compile(r"\((?:λ|\$\\lambda\$|\\lambda)\)")


#: What words in capitals are listed as, before or after the list: "operations ADD, ...", "... NOOP operations".
_KEYWORD_NOUNS = ("operation", "action", "command", "label", "tag", "keyword", "instruction", "opcode")
_KEYWORD_NOUN = re.compile(rf"\s*(?:{'|'.join(_KEYWORD_NOUNS)})s?\b[\s:(]*(?:such as|like|including)?\s*$|"
                           rf"\s+(?:{'|'.join(_KEYWORD_NOUNS)})s?\b", re.I)
#: Three or more words in capitals listed together: "ADD, UPDATE, DELETE and NOOP".
_CAPITAL_LIST = re.compile(r"(?<![\w-])[A-Z]{2,}(?:\s*,\s*(?:and\s+|or\s+)?[A-Z]{2,}){1,}(?:,?\s+(?:and|or)\s+[A-Z]{2,})?"
                           r"(?![\w-])")


def _capital_word_lists(text: str) -> list[tuple[int, int]]:
    """Spans of lists of three or more capitalised words, two thirds of them dictionary words (commands,
    operations or labels written in capitals, not acronyms)."""
    low = text.lower()
    if not text or not any(noun in low for noun in _KEYWORD_NOUNS):
        return []  # (cheap test first: the list must be said to be operations, actions, ...)
    words = english_words()
    out = []
    for hit in _CAPITAL_LIST.finditer(text):
        items = re.findall(r"[A-Z]{2,}", hit.group())
        if len(items) >= 3 and 3 * sum(w.lower() in words for w in items) >= 2 * len(items) and \
                2 * sum(_gaz_kind(w) is not None for w in items) < len(items) and \
                (_KEYWORD_NOUN.search(text, max(0, hit.start() - 40), hit.start()) or
                 _KEYWORD_NOUN.match(text, hit.end())):  # (not "on MATH, GLUE and SPIDER")
            out.append((hit.start(), hit.end()))
    return out


#: Endings of adjectives that never end a name: "Convolutional", "Adversarial", "Generative", "Invertible" (not the
#: nouns "Journal", "Table", "Archive": "Wall Street Journal data" is a name).
_NAME_CUT_ADJECTIVE = re.compile(r"[a-z](?:ional|ical|ial|ive|ous|ible)$")
_NOUNS_LIKE_ADJECTIVES = frozenset({"archive", "objective", "perspective", "initiative", "executive", "detective",
                                    "directive", "narrative", "representative", "alternative", "derivative"})
_LOWER_WORD_AFTER = re.compile(r"^ [a-z]{3,}\b")


def _cut_before_its_noun(m: Mention, paper: Paper) -> bool:
    """Does a Title Case run end in an adjective with a lower-case noun right after it, "Graph Convolutional
    layers", "Deep Generative models"? Then the run is a name cut off, or no name at all."""
    last = m.text.split()[-1] if m.text.split() else ""
    if not _NAME_CUT_ADJECTIVE.search(last) or last.lower() in _NOUNS_LIKE_ADJECTIVES or known_name(m.text):
        return False
    text = paper.title if m.field == "title" else paper.abstract or ""
    return bool(_LOWER_WORD_AFTER.match(text[m.end:m.end + 30]))


#: A verb in -ing opening a title prefix: "Maintaining X", "Scaling X" (an action on X, not a new name).
_GERUND_BEFORE = re.compile(r"^[A-Z][a-z]{2,}ing\s+")
#: A subtitle that says the paper reviews a topic: "X: A Survey", "X: A Review and Analysis", "X: A Critical Study of".
_SURVEY_AFTER = re.compile(rf"^{TITLE_SEPARATOR}\s*(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){{0,2}}?"
                           r"(?:review|survey|overview|tutorial|primer|examination|roadmap|guide|handbook|"
                           r"(?<!unified )(?<!new )(?<!novel )perspective|retrospective|position paper|recent advance|"
                           r"(?:empirical|systematic|comparative|critical) (?:study|analysis|evaluation|look))s?\b(?!-)",
                           re.I)


#: Capitalised head words that end the name of a collection of data ("... Arrhythmia Database").
_COLLECTION_HEADS = frozenset({"database", "dataset", "corpus", "benchmark", "archive", "challenge", "repository",
                               "collection", "suite"})


_CAPITAL_HEAD = re.compile(r" ([A-Z][a-z]+)\b")


def _joined_collections(cands: list[Mention], paper: Paper) -> list[Mention]:
    """"FOO-BAR Widget Database": a name right before a Title Case run that ends in a collection head is the
    first word of that collection's name (the run alone would drop it)."""
    ends = {(m.field, m.end): m for m in cands if not m.rule.startswith("titlecase")}
    out = []
    for m in cands:
        if not m.rule.startswith("titlecase"):
            continue
        text = paper.title if m.field == "title" else paper.abstract
        head = _CAPITAL_HEAD.match(text, m.end)
        end = head.end(1) if head is not None and head.group(1).lower() in _COLLECTION_HEADS else m.end
        last = text[m.start:end].rsplit(None, 1)[-1].lower()
        left = ends.get((m.field, m.start - 1))
        start = left.start if left is not None and text[m.start - 1] == " " and not left.proposed else None
        owner = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
        if start is None and owner is not None and stop_category(owner.group(1)) == "organisation":
            start = owner.start(1)  # "the Acme Dynamic Widgets Dataset": the maker's name opens the collection's
        if last in _COLLECTION_HEADS and start is not None:
            kind = "benchmark" if last in ("benchmark", "challenge", "suite") else "dataset"
            out.append(_with(m, start=start, end=end, text=text[start:end], kind=kind, rule="titlecase+joined"))
    return out


_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w-]*) $")


#: A capitalised word that can be part of a method's name ("Double", "Optimal-Transport", "Mean-field").
_NAME_MODIFIER = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*")
#: A word of any case that can be part of a method's name when the title names the same phrase.
_ANY_MODIFIER = re.compile(r"[A-Za-z][a-z]*(?:-[A-Za-z][a-z]*)*")
#: Adjectives that praise or place a method rather than name a variant of it ("Efficient Value Iteration").
_EVALUATIVE = frozenset({"efficient", "fast", "faster", "scalable", "simple", "simpler", "robust", "provable",
                         "provably", "practical", "better", "optimal", "vanilla", "standard", "classical", "classic",
                         "original", "modern", "conventional", "traditional", "popular", "naive", "generic", "general",
                         "existing", "recent", "novel", "new", "improving", "towards", "toward", "beyond", "revisiting",
                         "rethinking", "understanding", "on", "when", "why", "how", "what", "is", "does", "do"})


#: Stop-term categories of words that place or measure a method, never name a variant of it ("Google", "GPU").
_NOT_MODIFIER_CATEGORIES = frozenset({"organisation", "venue", "hardware", "place", "programming", "metric", "generic",
                                      "language"})


#: Lower-case words that make a known algorithm a named variant of it ("stochastic Frank-Wolfe", "cyclic coordinate
#: descent", "parallel Thompson sampling"): how it samples, splits, approximates or distributes its work.
_VARIANT_MODIFIERS = frozenset({
    "stochastic", "cyclic", "randomized", "randomised", "accelerated", "optimistic", "proximal", "projected",
    "parallel", "distributed", "asynchronous", "decentralized", "decentralised", "federated", "neural", "kernelized",
    "truncated", "quantile", "categorical", "distributional", "sketched", "subsampled", "inexact", "lazy", "block",
    "preconditioned", "linearized", "zeroth-order", "variance-reduced", "entropy-regularized", "mini-batch",
    "random", "multi-fidelity", "multi-objective", "multi-task", "constrained", "safe", "contextual",
    "batch", "damped", "approximate", "rectified", "implicit",
})


def _modifier_word(word: str, pattern: re.Pattern) -> bool:
    low = word.lower()
    return bool(pattern.fullmatch(word)) and low not in STARTERS and low not in _EVALUATIVE and \
        low not in STOP_WORDS and stop_category(word) not in _NOT_MODIFIER_CATEGORIES and not is_organisation(word)


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$")


def _after_article(text: str, pos: int) -> bool:
    """Does an indefinite article stand right before ``text[pos]`` ("a compact ...": a description follows)?"""
    return bool(_ARTICLE_BEFORE.search(text[max(0, pos - 4):pos]))


def _whole_phrase_in(phrase: str, text: str, described: bool = False) -> bool:
    """Does ``phrase`` occur in ``text`` with no word character or hyphen right before or after it?
    ``described``: not counting occurrences after an indefinite article ("a compact Widget Splatting
    system" describes the proposal with the title's words; it does not name it)."""
    pos = text.find(phrase)
    while pos >= 0:
        end = pos + len(phrase)
        if (pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "_-")) and \
                (end == len(text) or not (text[end].isalnum() or text[end] in "_-")) and \
                not (described and _after_article(text, pos)):
            return True
        pos = text.find(phrase, pos + 1)
    return False


#: Words after which a variant modifier is a verb: "surrogates that approximate X", "to approximate X".
_VERB_OPENERS = frozenset({"that", "which", "who", "to", "can", "may", "will", "could", "would", "should", "must",
                           "cannot", "we", "they", "often", "also"})


def _modified_known_names(cands: list[Mention], paper: Paper, long_forms) -> list[Mention]:
    """"Double Widget Sampling", "mean-field Widget dynamics": words that make a known method into a named
    variant of it belong to the name. Two signals say so: capitalised words right before a Title Case known
    name in running text (not opening the sentence), or the same words before the name in title and abstract
    both (a title that names the variant as a unit)."""
    title, abstract = paper.title or "", paper.abstract or ""
    title_low, abstract_low = title.lower(), abstract.lower()
    out = []
    for m in cands:
        if m.kind != "method" or not m.rule.startswith("gazetteer"):
            continue
        text = title if m.field == "title" else abstract
        if text[m.start - 1:m.start] != " ":
            continue
        other_low = abstract_low if m.field == "title" else title_low
        words = text[max(0, m.start - 60):m.start].split(" ")[:-1]  # "" before the name: one space, nothing else
        start = m.start
        # the same words before the name in the other field: the title names the variant as a unit
        if m.text.lower() in other_low:
            for k in (3, 2, 1):
                if len(words) < k or not all(_modifier_word(w, _ANY_MODIFIER) for w in words[-k:]):
                    continue
                phrase = " ".join(words[-k:]) + " " + m.text
                own_start = m.start - len(phrase) + len(m.text)
                if m.field == "abstract" and _after_article(text, own_start):
                    continue  # "a compact Widget Splatting system": the title's words describe the proposal
                if _whole_phrase_in(phrase.lower(), other_low, described=m.field == "title"):
                    start = m.start - len(phrase) + len(m.text)
                    break
        if start == m.start and m.field == "abstract" and m.text[:1].isupper():
            k = 0
            while k < min(3, len(words)) and _modifier_word(words[-1 - k], _NAME_MODIFIER):
                k += 1
            opened = k < len(words) and words[-1 - k][:1] == "(" and _modifier_word(words[-1 - k][1:], _NAME_MODIFIER)
            if opened:  # "(Widget Flow GRPO)": the bracket opens the name
                start = m.start - len(" ".join(words[-1 - k:]))  # after the bracket
            elif k and len(words) > k and words[-1 - k][-1:] not in (".", ":", "!", "?") and words[-1 - k] != "" \
                    and not words[-1 - k][-1:].isdigit():  # "at 50 Hz HuBERT": a unit after a number
                start = m.start - len(" ".join(words[-k:])) - 1
        if start == m.start and words and words[-1] in _VARIANT_MODIFIERS and m.text[:1].isalpha():
            k = 2 if len(words) >= 2 and words[-2] in _VARIANT_MODIFIERS else 1
            if not (len(words) > k and words[-1 - k].lower() in _VERB_OPENERS):  # "models that approximate X": a verb
                start = m.start - len(" ".join(words[-k:])) - 1  # "stochastic Frank-Wolfe": a variant of the algorithm
        if start < m.start and any(re.search(rf"(?<![\w-]){re.escape(text[start:m.end].lower())}[ -]\w",
                                             long_form.lower()) for long_form in long_forms):
            continue  # part of a longer defined name ("Zorb-Lit Splatting for Night Scenes (ZLS)")
        if start < m.start:
            out.append(_with(m, start=start, text=text[start:m.end], rule="gazetteer:modified"))
    return out


def _decide_proposals(paper: Paper, mentions: tuple[Mention, ...], defs: dict[str, str],
                      unconfirmed: set[tuple[str, int, int]], title_named: set[str]) -> tuple[Mention, ...]:
    """Each cluster's "is it the paper's own?" from the proposal model (:mod:`extractors.decide`);
    an unconfirmed title prefix the model does not take is no name at all."""
    clusters: dict[str, list[Mention]] = {}
    for m in mentions:
        clusters.setdefault(_cluster_key(m, defs), []).append(m)
    candidates = [ProposalCandidate(key, ms, any((m.field, m.start, m.end) in unconfirmed for m in ms),
                                    any(canonical_key(m.text) in title_named for m in ms))
                  for key, ms in sorted(clusters.items())]
    verdict = decide_proposals(paper, candidates, gazetteer_names(), title_prefix(paper.title or ""))
    out = []
    for m in mentions:
        own = verdict[_cluster_key(m, defs)]
        if not own and (m.field, m.start, m.end) in unconfirmed and _gaz_kind(m.text) is None:
            continue  # (a known name the title prefix writes is still a mention of it)
        out.append(m if m.proposed == own else _with(m, proposed=own))
    return tuple(out)


#: What may follow a subtitle's head noun: the end, punctuation, a preposition or conjunction, a participle
#: ("A Dataset for ...", "A Benchmark Suite Covering ..."); another noun means the data word only modifies the head
#: ("A Conversations Generation Method", "A Dataset Distillation Approach").
_HEAD_ENDS = (r"(?=\s*(?:$|[,;:.!?()\u2013\u2014-]|(?:for|of|from|with|in|on|across|about|to|towards?|that|which|where|"
              r"and|or|by|under|over|at|via|beyond|between|among|through|v?\d)\b|[A-Za-z]+(?:ed|ing)\b))")
#: What a title says its prefix is: "FooSet: A Large-Scale Dataset of ...", "BarLab: An Environment for ...".
#: (Not past "of"/"for": "Automatic Generation of Widget Benchmarks" is headed by "Generation".)
_TITLE_KIND = re.compile(rf"^{TITLE_SEPARATOR}\s*(?:(?:a|an|the|towards?)\s+)?(?:(?!(?:of|for)\s)[\w-]+,?\s+){{0,4}}?"
                         r"(dataset|database|corpus|collection|"
                         r"benchmark|suite|environment|testbed|leaderboard|arena|gym|challenge)s?\b" + _HEAD_ENDS + r"|"
                         rf"^{TITLE_SEPARATOR}\s*(benchmarking|evaluating)\b", re.I)


#: A subtitle whose head is a count or description of data items: "FooSet: Ten Thousand Annotated Scans of ...",
#: "BarQA: False-Premise Questions Across ..." (plain modifiers only: no preposition, verb or question before it).
_TITLE_ITEMS = re.compile(rf"^{TITLE_SEPARATOR}\s*(?:an?\s+)?((?:[\w,.-]+\s+){{0,4}}?)"
                          r"(pairs|prompts|examples|samples|images|videos|"
                          r"questions|problems|dialogues|conversations|documents|hours|clips|utterances|"
                          r"trajectories|episodes|sentences|recordings|scans|molecules|articles|photos|"
                          r"sequences|circuits|demonstrations|puzzles|mazes|programs|proofs|captions|tables|"
                          r"charts|meshes)\b" + _HEAD_ENDS, re.I)
_NOT_PLAIN_MODIFIERS = frozenset({"from", "for", "with", "to", "of", "in", "on", "by", "via", "using", "and", "as",
                                  "at", "into", "through", "can", "do", "does", "is", "are", "should", "what", "how",
                                  "why", "when", "which", "who"})


#: Items that are also parts of a method ("Learnable Visual Prompts for ..."): data only when counted.
_COMPONENT_ITEMS = frozenset({"prompts"})
_COUNTED = re.compile(r"^(?:\d[\d,.]*[kKM+]?|hundreds?|thousands?|millions?|ten|twenty|fifty|one|two|three|four|five)$",
                      re.I)


#: Known names that are also the class noun of many models when written in lower case.
_CLASS_NOUN_NAMES = frozenset({"transformer", "transformers"})


def _modified_class_noun(text: str, start: int) -> bool:
    """Is the lower-case class noun at ``start`` modified by a content word ("decoder transformer", "sparse voxel
    transformers")? After a function word or a verb ("using transformers", "train a transformer") it names the
    architecture."""
    before = re.search(r"([A-Za-z][\w-]*)(?:\s*\([^()]{1,12}\))?\s+$", text[max(0, start - 40):start])
    if before is None:
        return False
    word = before.group(1)  # "autoregressive (AR) transformers": the word before the bracketed acronym
    return word.islower() and word not in STOP_WORDS and not word.endswith(("ing", "ed")) and \
        word not in ("vanilla", "standard", "original")


_HYBRID_BEFORE = re.compile(r"\b(?:hybrid|combined|interleaved)\s+(?:[a-z]+\s+)?$", re.I)


def _hybrid_of_known(m: Mention, paper: Paper) -> bool:
    """"hybrid A-B" where A and B are both known names: a combination of the two, not a third name."""
    parts = m.text.split("-")
    text = paper.title if m.field == "title" else paper.abstract or ""
    return len(parts) == 2 and all(known_name(p) for p in parts) and \
        bool(_HYBRID_BEFORE.search(text[max(0, m.start - 30):m.start]))


def _word_abbreviated(long_form: str | None) -> bool:
    """Is a definition's long form one capitalised dictionary word ("Indian (IN)"), no known name?"""
    return bool(long_form) and " " not in long_form and "-" not in long_form and long_form.istitle() and \
        long_form.lower() in english_words() and not _gaz_kind(long_form)


def _title_kind(after_prefix: str) -> str | None:
    items = _TITLE_ITEMS.match(after_prefix)
    if items is not None:
        words = items.group(1).split()
        counted = any(_COUNTED.match(w) for w in words)
        if not (words and words[0].lower().endswith("ing")) and \
                not any(w.lower() in _NOT_PLAIN_MODIFIERS for w in words) and \
                (counted or items.group(2).lower() not in _COMPONENT_ITEMS):
            return "dataset"
    hit = _TITLE_KIND.match(after_prefix)
    if hit is None:
        return None
    word = (hit.group(1) or hit.group(2)).lower()
    return "dataset" if word in ("dataset", "database", "corpus", "collection") else "benchmark"


#: A list of name-like items: "AIME24, MATH500, Zorbix and Olympiad", "Spider and Bird" (items of 1-3 capitalised words).
#: A list member: up to three capitalised words (the first may open with digits: "2WikiQA"); a dot only inside a word ("OpenHermes-2.5", "En.MC"), never
#: before a space (a full stop ends the list: "A and B. Next ..."); "&" inside ("D&D").
_ITEM = r"(?:[A-Z]|\d+[A-Za-z])[\w+'&-]*(?:\.[\w+'&-]+)*(?: [A-Z0-9][\w+&-]*(?:\.[\w+&-]+)*){0,2}"
#: A gloss in brackets after a member, in lower-case words: "A (entity typing), B (relation extraction) and C".
_GLOSS_AFTER = r"(?:\s*\([a-z][a-z -]{0,40}\))?"
_NAME_LIST = re.compile(rf"(?<![\w-])(?:(?:{_ITEM}{_GLOSS_AFTER}\s*,\s*)+(?:{_ITEM}{_GLOSS_AFTER}\s*,?\s*(?:and|or)\s+)?|"
                        rf"{_ITEM}{_GLOSS_AFTER}\s+(?:and|or)\s+)"
                        rf"{_ITEM}(?![\w-])")
_LIST_ITEM = re.compile(_ITEM)
#: The start of the text or of a sentence, right before a position.
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?]\s+)$")
#: Where data is named: "on A and B", "across A, B and C", "from the A and B".
#: "two real-world datasets, A and B": a count, a plural data noun and a comma before the list.
_COUNTED_INTRO = re.compile(r"\b(two|three|four|five|six|seven|eight|[2-9])\s+(?:of\s+the\s+(?:[\w-]+\s+){0,2}?)?"
                            r"(?:[\w-]+\s+){0,2}?"
                            r"(benchmarks|datasets|corpora|environments|suites)\s*,\s*$", re.I)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           **{str(n): n for n in range(2, 10)}}
_COORDINATED = re.compile(r"\s(?:and|or)\s")
_DATA_PREPOSITION = re.compile(r"\b(?:on|across|from|over)\s+(?:the\s+)?$", re.I)
#: A plural data noun right after the list names its members' kind: "the A and B benchmarks".
_NOUN_AFTER = re.compile(_GLOSS_AFTER +  # the last member's gloss: "B (medical advice) datasets"
                         r"(?:\s+(?:[a-z-]+\s+){0,2}?|"
                         # "A, B, and widget gizmo datasets": the list's last member in lower case, then the noun
                         r",?\s+(?:and|or)\s+(?:[a-z][\w-]*\s+){1,3}?)"
                         r"(datasets|data sets|corpora|benchmarks|suites|environments|subsets)\b")
_NOUN_KIND = {**PLURAL_DATA_NOUN_KIND, "subsets": None}
_DATA_KINDS = DATA_KINDS
#: A plural data noun right after a list, at most one plain word between: "the A and B (math) benchmarks".
_PLURAL_NOUN_AFTER = re.compile(r"\s+(?:([a-z-]+)\s+)?(datasets|data sets|corpora|benchmarks|suites|environments|"
                                r"prompts|problems|questions|images|videos|documents|dialogues|conversations|queries|"
                                r"statements)\b")


def _list_members(paper: Paper, raw: list[Mention], abstract_doc) -> list[Mention]:
    """Unfound members of a list of data ("on GSM8K, MATH500, Zorbix and Olympiad", "three datasets: A, B
    and C", "the A and B benchmarks"): each becomes a data candidate of the list's kind. A list is data when
    a type noun introduces or follows it, when two members are known data, or when one is and the list
    follows a preposition data is named after. Lists holding a known method are left alone."""
    text = paper.abstract or ""
    typed = {(m.start, m.end): m.kind for m in raw if m.field == "abstract" and (
        m.rule.startswith(("gazetteer", "acronym")) or (m.kind in _DATA_KINDS and "+cue:" in m.rule))}
    out = []
    for lst in _NAME_LIST.finditer(text):
        items = [(lst.start() + i.start(), lst.start() + i.end()) for i in _LIST_ITEM.finditer(lst.group())]
        first = text[items[0][0]:items[0][1]]
        if _SENTENCE_OPENING.search(text, max(0, items[0][0] - 3), items[0][0]) and first.lower() in english_words():
            continue  # "Traditionally, RL environments run ...": an opening word and its comma, no list
        kinds = [next((k for (a, b), k in typed.items() if a < e and s < b), None) for s, e in items]
        intro = _type_intro(text, lst.start())
        if intro is not None and _lists_other_head(intro, len(items)):
            intro = None
        known_data = sum(k in _DATA_KINDS for k in kinds)
        if "method" in kinds and intro is None and not (known_data >= 2 and known_data > kinds.count("method")):
            # (a list mostly of known data is data though one member matches a method: "A, B, Foo Flow and C")
            if len(items) >= 3 and kinds.count("method") >= max(2, (len(items) + 1) // 2) and \
                    not any(k in _DATA_KINDS for k in kinds):
                # "families including FooLM, BarGPT, Quux and Zorb": mostly known models, the rest are models too
                out.extend(_unknown_members(abstract_doc, text, items, kinds, "method"))
            continue  # a known method in the list, and no type noun introducing it: not a list of data
        data = [k for k in kinds if k in _DATA_KINDS]
        majority = max(sorted(set(data)), key=data.count) if data else None
        after = _NOUN_AFTER.match(text, lst.end())
        counted = _COUNTED_INTRO.search(text, max(0, lst.start() - 60), lst.start())
        if intro is not None:
            kind = _intro_kind(intro)
        elif counted is not None and _COUNTS.get(counted.group(1).lower()) == len(items):
            # "two public datasets, A and B, ...": as many names as the count announced
            kind = _INTRO_KIND[counted.group(2).lower()]
        elif after is not None:
            kind = _NOUN_KIND[after.group(1)] or majority or "dataset"
        elif len(data) >= 2 or (data and _COORDINATED.search(lst.group()) and
                                _DATA_PREPOSITION.search(text, max(0, lst.start() - 20), lst.start())):
            # "on A and B"; not "on A, B reduces ...", where the comma closes a phrase
            kind = majority
        else:
            continue
        out.extend(_unknown_members(abstract_doc, text, items, kinds, kind))
    return out


def _language_and_stop_term(text: str) -> bool:
    """"English Speech Recognition", "Hindi LLMs": a language before a stop term names no entity."""
    first, _, rest = text.partition(" ")
    return bool(rest) and stop_category(first) == "language" and bool(stop_category(rest))


_SIZED = re.compile(r"^\d[\d.]*[KMBT]\s+(.+)$")


def _unknown_members(abstract_doc, text: str, items, kinds, kind: str) -> Iterator[Mention]:
    """Candidates of ``kind`` for the list items no rule typed (not stop terms, organisations, sentence openers;
    a sized model is never data)."""
    for (s, e), k in zip(items, kinds):
        while e > s and text[e - 1] in ".,":
            e -= 1  # the sentence's full stop is no part of the last name
        word = text[s:e]
        sized = _SIZED.match(word)
        if sized is not None and stop_category(sized.group(1)):
            continue  # "2B and 8B VLMs": sizes of a class of models
        if kind == "method" and " " not in word and dictionary_word(word.lower()):
            continue  # "BERT, RoBERTa and Humans": a capitalised common word in a list of models is no model
        if k is None and not stop_category(word) and (kind == "method" or not model_shaped(word)) and \
                word.split()[0].lower() not in STARTERS and not is_organisation(word):
            yield make_mention(abstract_doc, s, e, kind, "cue:list-member", 0.6)


def _has_digit(text: str) -> bool:
    """"Q3R", "X2Y": a short acronym with a digit is a coined code, which a data cue may name."""
    return any(c.isdigit() for c in text)


def _names_only(paper: Paper, raw: list[Mention]) -> list[Mention]:
    """Candidates with artefact edges trimmed and non-names (maths, citations, owners, metrics) dropped."""
    out = []
    owners: set[str] = set()
    # the paper's own name is no organisation, whatever follows it once ("ZorbBot's GUI parser")
    own = {canonical_key(m.text) for m in raw if m.proposed and m.rule.startswith("proposes:")}
    for m in raw:
        text = paper.title if m.field == "title" else paper.abstract
        start, end = trim_span(text, m.start, m.end)
        if end <= start:
            continue
        if (start, end) != (m.start, m.end):
            m = _with(m, start=start, end=end, text=text[start:end])
        if m.long_form:
            lf_start, lf_end = trim_span(m.long_form, 0, len(m.long_form))
            if (lf_start, lf_end) != (0, len(m.long_form)):
                m = _with(m, long_form=m.long_form[lf_start:lf_end])
        reason = non_name_reason(text, start, end, gazetteer=m.rule.startswith("gazetteer"))
        if reason is None or (reason in ("owner", "emphasis") and canonical_key(m.text) in own and " " not in m.text):
            out.append(m)  # "WIDGETful: a benchmark for ...": capitals styling a word the paper names its own thing
        elif reason == "owner":
            owners.add(canonical_key(m.text))
    # an organisation once is an organisation everywhere in the paper ("the Acme group" ... "Acme at X")
    return [m for m in out if m.rule.startswith("gazetteer") or canonical_key(m.text) not in owners] \
        if owners else out


#: "4K-2", "128K", "1.3B": numbers and sizes only; "3B-parameter", "128K-token": size adjectives.
#: A singular data noun right after a name: "the X dataset".
_THE_X_DATA = re.compile(r"\s+((?i:dataset|corpus|database|benchmark))\b(?!-)")
#: A noun of a procedure right after a name: "the X algorithm" (not "the X model": a model trained on data X).
_THE_X_ALGORITHM = re.compile(r"\s+(?:algorithm|method|procedure|technique|approach|optimizer)\b(?!-)")
#: Hardware nouns right after a name, or ending it, make it a chip or its generation: "X GPUs", "X TPU pods".
_HARDWARE_AFTER = re.compile(r"\s+(?:\d{3,4}[A-Za-z]{0,3}\s+)?(?:GPUs?|TPUs?|NPUs?|chips?|processors?|robots?|robotic arms?|arms?|"
                             r"manipulators?|grippers?|quadrupeds?|humanoids?)(?![\w-])")
_HARDWARE_END = re.compile(_HARDWARE_AFTER.pattern + "$")
#: A model named as the scorer of a metric: "X score", "X similarity (score)", "X-Score", "X distance".
_METRIC_AFTER = re.compile(r"[- ](?:[Ss]imilarity(?: [Ss]cores?)?|[Ss]cores?|[Dd]istance)(?![\w-])")
#: Results of maths named after people: "X-Y bounds", "the X-Y inequality".
_RESULT_AFTER = re.compile(r"\s+(?:bounds?|inequalit(?:y|ies)|theorems?|lemmas?|conjectures?|identity|identities)\b")
_NUMBER_FRAGMENT = re.compile(r"^[\d.,]+[KkMmBbTt]?(?:[-–x×][\d.,]+[KkMmBbTt]?)*$")
_SIZE_ADJECTIVE = re.compile(r"^[\d.,]+[KkMmBbTt]?-[a-z]+(?:-[a-z]+)*$")
#: "English-to-French", "Text-to-Image", "2D-to-3D": a direction or task between two plain words or dimensions.
_DIRECTION = re.compile(r"^(?:[A-Z][a-z]+|\d[A-Z])-to-(?:[A-Za-z][a-z]+|\d[A-Z])$")  # also "2D-to-3D"
#: "Budget-Aware", "Reward-Guided": an adjective fragment cut from a longer name.
_ADJECTIVE_FRAGMENT = re.compile(r"-(?:aware|based|guided|driven|free|conditioned|augmented|enhanced|"
                                 r"constrained|efficient|specific|agnostic|invariant|oriented|centric)$|"
                                 r"-[A-Z][a-z]+(?:ian|ean)$", re.I)  # "PAC-Foobian": an adjective of a name
#: A capitalised run of a dimension and adjectives of names only: "3D Gaussian", "Bayesian Riemannian".
_DIMENSION = re.compile(r"^\d[DK]$")
_ADJECTIVES_ONLY = re.compile(r"^(?:\d[DK] )?[A-Z][a-z]+(?:ian|ean)(?: [A-Z][a-z]+(?:ian|ean))*$")
_SIZE_SUFFIX = re.compile(r"^(.+?)-(\d+(?:\.\d+)?[KkMB]?|\d+[x×]\d+)$")
#: A split (and its year) glued to a data name: "WidgetSet-val", "FOOval2017", "Gizmo_test".
_GLUED_SPLIT = re.compile(r"^(.+?)[-_]?(?:train|val|test|dev|minival|test-dev)(?:\d{2,4})?$")


def _not_a_name(m: Mention) -> bool:
    """Number fragments, size adjectives, language directions and adjective fragments name nothing."""
    text = m.text
    if _NUMBER_FRAGMENT.match(text) or _SIZE_ADJECTIVE.match(text):
        return True
    if m.rule.startswith(("gazetteer", "acronym")) or m.proposed:
        return False
    if text.isupper() and text.isalpha() and text.lower() in STOP_WORDS and not m.long_form:
        return True  # "Do NOT ...", "beats ALL": a function word in capitals is emphasis, unless defined
    if m.rule.startswith("titlecase") and _modifiers_only(text):
        return True  # "3D Gaussian ellipsoids", "Vision-Centric 3D occupancy", "Current 3D detectors": modifiers
    return bool(_DIRECTION.match(text)) or (" " not in text and bool(_ADJECTIVE_FRAGMENT.search(text)))


def _modifiers_only(text: str) -> bool:
    """A Title Case run of modifiers only: -ian adjectives ("3D Gaussian"), adjective compounds and dimensions
    ("Vision-Centric 3D"), or a plain word or word compound and a dimension ("Current 3D")."""
    words = text.split()
    return bool(_ADJECTIVES_ONLY.match(text)) or \
        all(_DIMENSION.match(w) or _ADJECTIVE_FRAGMENT.search(w) for w in words) or \
        (len(words) == 2 and bool(_DIMENSION.match(words[1])) and
         (words[0].lower() in english_words() or word_compound(words[0])))  # "High-fidelity 3D"


def _known_combination(text: str) -> bool:
    """Parts joined by "+" that are each a known name or a stop term ("SFT+RL"); "DrivAerNet++" has no parts."""
    parts = text.split("+")
    return len(parts) >= 2 and all(p.strip() and (_gaz_kind(p.strip()) or stop_category(p.strip())) for p in parts)


def _combination_parts(m: Mention) -> list[Mention]:
    """The known names among the parts of a "+" combination, as mentions of their own."""
    parts, pos = [], m.start
    for part in m.text.split("+"):
        hit = known_name(part.strip())
        if hit is not None and hit[0] in ENTITY_KINDS:
            offset = pos + len(part) - len(part.lstrip())
            parts.append(_with(m, start=offset, end=offset + len(part.strip()), text=part.strip(), kind=hit[0],
                               rule=f"gazetteer:{hit[1]}", proposed=False, long_form=None))
        pos += len(part) + 1
    return parts


def _size_variant(m: Mention) -> Mention:
    """"Ruler-128K", "ImageNet-64x64", "FOOval2017": a known dataset/benchmark with a size, length, resolution
    or split suffix is that entity's kind."""
    hit = _SIZE_SUFFIX.match(m.text) or _GLUED_SPLIT.match(m.text)
    if hit is None:
        return m
    kind = _gaz_kind(hit.group(1))
    if kind in _DATA_KINDS:
        return _with(m, kind=kind, rule="gazetteer:size-variant", confidence=max(m.confidence, 0.8))
    return m


#: A plain number right before a name ("42 FPS"); a year is an edition, not a count.
_COUNT_BEFORE = re.compile(r"(?<![\w.-])(\d+(?:[.,]\d+)?)\$?\s+$")  # "42 FPS", "$\$190$ USD"
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w-]*)")
def _counted_unit(text: str, start: int, end: int) -> bool:
    """"at 42 FPS", "2.5 dB": a number, then the acronym, then no noun it would modify ("12 FOO datasets")."""
    count = _COUNT_BEFORE.search(text, max(0, start - 16), start)
    if count is None or _YEAR.match(count.group(1)):
        return False
    after = _NEXT_WORD.match(text, end)
    return after is None or after.group(1).lower() in STOP_WORDS


#: A syllable of a coined short form: a capital and two or more lower-case letters ("Rec" in "GizRec").
_COINED = re.compile(r"[A-Z][a-z]{2,}")


def _coined_for_description(short: Mention) -> bool:
    """"a gizmo network based ranking model (GizRank)": a short form made of syllables, not initials, coins a
    name for a lower-case description; the name stands alone, the description is no name of it."""
    lf = short.long_form or ""
    return lf.islower() and bool(_COINED.search(short.text)) and sum(c.isupper() for c in short.text) >= 2 and \
        lf.split()[-1] in METHOD_NOUNS and not stop_category(short.text) and not _gaz_kind(lf)


#: An acronym with a lower-case letter inside ("OTiS", "GiNN"; not the plural "DNNs"): a coined name.
_COINED_ACRONYM = re.compile(r"^[A-Z]+[a-z][A-Z][A-Za-z]*$")
#: An appositive that says a name is a measure: "X (XY), a metric quantifying ...", "X, a new score for ...".
#: A name introduced as a task: "a new task: X", "a novel problem, X", "a new setting called X".
_AS_TASK = re.compile(r"\b(?:new|novel)\s+(?:[\w-]+\s+)?(?:task|problem|setting)(?:\s*[:,]\s*(?:called|termed|named|"
                      r"dubbed)?|\s+(?:called|termed|named|dubbed))\s*$", re.I)
_METRIC_APPOSITIVE = re.compile(r"(?:\s*\([^()]{1,15}\))?,\s+an?\s+(?:(?:new|novel|simple|unified|principled|general|"
                                r"single|scalar|interpretable|lightweight)\s+)?(?:metric|measure|score|index|indicator)\b")
#: A component noun right after a defined acronym: "... (WASP) module", "... (GRB) blocks".
_COMPONENT_AFTER = re.compile(rf"\)?\s+(?:{'|'.join(COMPONENT_NOUNS)})s?\b")


def _generic_definition(short: Mention, raw: list[Mention], paper: Paper) -> bool:
    """Does this acronym definition name a field, class, organisation, problem or description?

    "large language models (LLMs)", "Fréchet Inception Distance (FID)", "the
    LTHD problem", "demand response (DR)" are not methods; a lower-case long
    form counts only when it ends in a technique noun ("stochastic gradient
    descent"), is a known name, or the paper proposes it.
    """
    lf = short.long_form
    if _gaz_kind(lf) or (_gaz_kind(short.text) and not stop_category(lf) and spells_known(short.text, lf)):
        return False  # a known name ("model predictive control (MPC)") is never a generic definition
    prefix = title_prefix(paper.title or "")
    if prefix is not None and canonical_key(paper.title[prefix[0]:prefix[1]]) == canonical_key(short.text):
        return False  # "ZPETS: ..." titles a paper that defines "a fully parallel widget system (ZPETS)": its name
    text = paper.title if short.field == "title" else paper.abstract
    if is_organisation(lf) and not stop_category(lf) and _DEFINED_DATA_AFTER.match(text or "", short.end):
        return False  # "the Widget Street Journal (WSJ) corpus": data named after an organisation
    if stop_category(lf) or is_organisation(lf):
        return True
    if _COINED_ACRONYM.match(short.text) and not stop_category(short.text) and \
            not any(w[0] in short.text for w in re.findall(r"\b(?:of|on|or|in|to|for|and|at|by)\b", lf)):
        return False  # "open widget model analysis (OWiMA)": capitals picked out of the words coin a name (not
        # "quality of service (QoS)", whose lower-case letter is a function word's)
    if _COMPONENT_AFTER.match(text or "", short.end):
        return False  # "a widget-aware scale prediction (WASP) module": the name of a part, whatever its head
    if _own_definition(short, lf, text or ""):
        return False  # "we propose a heuristic widget-driven tuning method (HW-T)": the paper names its own method
    if is_generic_phrase(lf) or ends_adjective(lf):
        return True
    last = lf.split()[-1]
    if last.islower() and len(last) > 4 and last.endswith("ed"):
        return True  # "cloud-hosted and self-deployed (CHSD)": a participle ends a description, not a name
    if last.lower() in METRIC_HEADS and len(lf.split()) >= 2 and not _is_proposed(raw, lf):
        return True  # "the Mean Gizmo Error (MGE) of GizNet": a metric the paper uses is no method or data
    if _names_a_problem(short, paper):
        return True
    return lf.islower() and not lower_method_head(lf) and not _gaz_kind(lf) and not _gaz_kind(short.text) \
        and not _is_proposed(raw, lf)


#: A data noun after a defined name, past its bracketed short form: "Widget Journal (WJ) corpus", "WJ dataset".
_DEFINED_DATA_AFTER = re.compile(r"(?:\s*\([^()]{1,15}\))?[)\]]?\s+(corpus|corpora|datasets?|data\s+sets?|benchmarks?|"
                                 r"database|treebank|challenge|shared task)\b", re.I)
#: The paper introducing what it defines: "we propose a (novel) ", "this paper presents an ".
#: (up to two modifiers may come between the article and the long form: "a two-stage", "a new, lightweight"; no
#: function word: "a method for X (Y)" names a method for something)
_OWN_DEFINITION_BEFORE = re.compile(r"\b(?:we|this (?:paper|work|study))\s+(?:\w+\s+)?(?:propose|introduce|present|develop|"
                                    r"design|devise)[sd]?\s+(?:an?|the)\s+(?:(?:new|novel|simple|effective|yet)\s+)*"
                                    r"(?:(?!(?:for|of|to|with|using|on|in|by|and|or|that|which|based)\b)[\w-]+,?\s+){0,2}$|"
                                    r"\bwe\s+(?:call|term|name|dub)\s+(?:them\s+|it\s+)?[\"“]?(?:\$?\\(?:textit|emph|textbf)\{)?$",
                                    re.I)  # "a family of losses that we call $\textit{widget losses}$ (WLs)"


def _own_definition(short: Mention, lf: str, text: str) -> bool:
    """A lower-case long form with a coined acronym, right after "we propose a": the paper's own named method,
    whatever its head noun (a known acronym, "a graph neural network (GNN)", stays a class)."""
    if stop_category(short.text) or (_gaz_kind(short.text) and spells_known(short.text, lf)) or len(lf.split()) < 2:
        return False  # (a known acronym's letters given to something else are the paper's: "routing language (GRL)")
    at = text.rfind(lf, max(0, short.start - len(lf) - 12), short.start)
    if at > 0 and _NAMER_PARTICIPLE_BEFORE.search(text, max(0, at - 160), at):
        return True  # "we propose a new training criterion, named widget invariant training (WIT)"
    before = _OWN_DEFINITION_BEFORE.search(text, max(0, at - 80), at) if at > 0 else None
    # three words or more after "we propose a"; two do after "we call" ("that we call widget losses (WLs)") or
    # before a head noun ("we propose a novel widget gate (WG) model")
    return before is not None and (len(lf.split()) >= 3 or
                                   re.match(r"we\s+(?:call|term|name|dub)\b", before.group(), re.I) is not None or
                                   _HEAD_AFTER_DEFINITION.match(text, short.end) is not None)


#: A first-person trigger, then (in the same sentence) a namer participle right before a long form.
_NAMER_PARTICIPLE_BEFORE = re.compile(r"\bwe\s+(?:\w+\s+)?(?:propose|introduce|present|develop|design|devise)[sd]?\b"
                                      r"[^.;]{0,100}?,?\s+(?:named|called|termed|dubbed|coined)\s+$", re.I)
#: A head noun right after a defined acronym: "(WG) model", "(FT2) strategy".
_HEAD_AFTER_DEFINITION = re.compile(r"\)?\s+(?:model|framework|method|network|strategy|mechanism|module|scheme|"
                                    r"algorithm|architecture|approach|technique|loss|layer|block)s?\b")


_CITATION = re.compile(r"\s*(?:et al\b|and colleagues|\(\d{4}\)|,? \d{4}\b)")
#: A name ending in an edition year ("FOO-SET 2022", "Bar Challenge 2021"): a collection or an event of data, not a
#: method (methods carry versions, not years).
_EDITION_END = re.compile(r" (?:19|20)\d\d$")
#: A count of items in thousands ending a name: "Foo-100k", "Bar 250K" (how collections are sized; models are
#: sized in parameters, "7B").
_COUNT_END = re.compile(r"^(.+?)[- ](\d+(?:\.\d+)?)[kK]$")
#: Context lengths: a power of two of thousands ("Foo-128k", "Bar-32K") sizes a model's window, not a collection.
_CONTEXT_SIZES = frozenset({"4", "8", "16", "32", "64", "128", "256", "512"})


def _counted_collection(text: str) -> bool:
    """An untyped name ending in a count of thousands, whose head is no known or sized model ("Foo-4 32k",
    "Bar-8B-Instruct-262k") and whose count is no context length, names a collection of data."""
    count = _COUNT_END.match(text)
    return count is not None and count.group(2) not in _CONTEXT_SIZES and _gaz_kind(count.group(1)) != "method" and \
        not model_shaped(count.group(1))


#: A year right after a name, no comma or bracket between: "X 2022" (an edition, when X is written like a name).
_EDITION = re.compile(r" (?:19|20)\d\d\b(?![.,]\d)")
#: A contest after a name, an edition number or year allowed on either side: "X Challenge 2019", "X 5 Challenge",
#: "X Shared Task".
_CONTEST_AFTER = re.compile(r"(?: \d{1,2})? (?:Challenges?|Shared Task|Competition)(?: (?:19|20)\d\d)?(?![\w-])")
#: A coded name: capitals and digits ("FOO 2019", "BAR-17").
_CODED = re.compile(r"[A-Z]{2,}.*\d|\d.*[A-Z]{2,}")
#: Title Case words between a name and the data noun they belong to: " Blindness Detection" of "X Blindness
#: Detection dataset".
_WORDS_BEFORE_DATA_NOUN = re.compile(r"(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,4}"
                                     r"(?= (?:dataset|benchmark|corpus|challenge|competition)s?\b)")
#: Words between a collection's name and the contest run on it, and the contest: " keypoints challenge" of
#: "ZOCO 2016 keypoints challenge", " Metrics shared task", " Slot Filling challenge".
#: (at least one word between: "the FooBar challenge" is a challenge on FooBar, named by the collection)
_EVENT_TAIL = re.compile(r"(?:(?: [A-Z][A-Za-z]+(?:-[A-Z][a-z]+)?){1,3}(?: [a-z]+){0,2}|(?: [a-z]+){1,2}) "
                         r"(?:[Cc]hallenge|[Ss]hared [Tt]ask)\b")
#: A track or part code and a year after a data name: "X DL 2019", "X QA 2021" (one edition of one part).
_CODED_EDITION = re.compile(r" (?:[A-Z][A-Z0-9]{1,5} ){1,2}(?:19|20)\d\d\b(?![.,]\d)|"
                            r" [A-Z]{2,4}(?:19|20)?[12]\d\b(?![.,]\d)")  # also glued: "X DL20"
#: The last two digits of a year after a data name in capitals, spaced: "FOOMT 15", "BARSLT '14" (an edition).
_SHORT_EDITION = re.compile(r" ['\u2019]?\d\d\b(?![.,]\d|\s*%|-)")
#: Two or three capitalised names joined by hyphens ("Frank-Wolfe", "Bradley-Terry-Luce").
_NAMED_PAIR = re.compile(r"^[A-Z][a-z]+(?:[-\u2013][A-Z][a-z]+){1,2}$")
#: The head noun of a technique right after a name: "... averaging", "... iterations", "... formulas".
_TECHNIQUE_AFTER = re.compile(r" (?:averaging|iterations?|formulas|formulae|algorithm|method|model|scheme|"
                              r"estimator|sampler|transform|solver|heuristic|procedure|update|filter|test)\b")
#: A title's head before the preposition that opens its purpose or setting: "<Head> for ...", "<Head> with ...".
_TITLE_HEAD = re.compile(r"^\s*(.+?)\s+(?:for|with|via|towards?|through|using|in|on)\s+\S")
#: One to three variant parts after a model's name, each a version, a size, a tier or a tuning ("X 2.0", "X 3 27B",
#: "X 4.0 Sonnet", "X 3.5-Medium", "X Large v3", "X Chat V1.5", "X-70B IT"), ending the phrase.
_MODEL_VARIANT_PART = (r"(?:[vV]?\d{1,2}(?:\.\d{1,2}){0,2}(?:-(?i:tiny|base|small|medium|large|mini|nano|lite|pro|ultra|"
                       r"turbo|flash|sonnet|opus|haiku|chat|instruct)\b)?|\d+(?:\.\d+)?[BM]|\d{1,2}x\d{1,3}[BM]|IT|II|III|IV|"
                       r"[RV]\d{1,2}(?:\.\d)?|"  # "Gizmo II", "WidgetSeek R1", "Foo 8x7B"
                       r"(?i:tiny|base|small|medium|large|xl|xxl|mini|nano|lite|pro|ultra|turbo|flash|sonnet|opus|haiku|"
                       r"chat|instruct)(?:-v\d+)?)")
_MODEL_VERSION = re.compile(rf"(?: {_MODEL_VARIANT_PART}|-(?:\d+(?:\.\d+)?[BM]|v\d+(?:\.\d+)*))"
                            rf"(?: {_MODEL_VARIANT_PART}){{0,2}}"
                            r"(?=[,.;:)]?(?:\s|$)|[,;:)]|/\d)")  # "X 3.5/3.7": two versions, the first ends here
#: Words that may follow a model's version: the phrase goes on, no count of something ("X 2 times faster").
_AFTER_VERSION = frozenset({"and", "or", "with", "on", "in", "as", "to", "for", "by", "from", "at", "which", "that",
                            "is", "are", "was", "were", "model", "models", "achieves", "reaches", "outperforms",
                            "but", "while", "than", "under", "via", "using", "series", "family", "variants"})


def _model_version(text: str, end: int) -> int | None:
    """End of a version (and size) right after a model's name, or None."""
    hit = _MODEL_VERSION.match(text, end)
    if hit is None:
        return None
    if hit.group().strip().islower() and re.search(r"\d(?:\.\d+)?[BM]$", text[:end]):
        return None  # "Foo-1.7B base model": a sized model's own description, not another variant
    rest = text[hit.end():hit.end() + 20]
    last = hit.group().rsplit(" ", 1)
    if len(last) == 2 and last[1].islower() and re.match(r"\s+models?\b", rest):
        # "Foo 3.1 base models", "Bar 3 base models": a lower-case tier before "models" describes them
        return end + len(last[0]) if last[0].strip() else None
    if rest[:1] == ")" and text.rfind("(", 0, end) <= text.rfind(")", 0, end):
        return None  # "X 1) cuts ...": an enumeration, not a version
    if rest[:1] in (",", ".", ";", ":", ")") or not rest.strip():
        return hit.end() if not rest[:2] in (".0", ".1", ".2", ".3", ".4", ".5", ".6", ".7", ".8", ".9") else None
    if re.match(r"/\d", rest):
        return hit.end()  # "X 3.5/3.7": the first of two versions
    word = rest.split()[0].lower().rstrip(".,;:") if rest.split() else ""
    if re.search(r"\d(?:\.\d+)?[BM]$", hit.group()):
        return hit.end()  # "Foo 2 9B activations": a size ends the name, whatever follows
    return hit.end() if word in _AFTER_VERSION or word[:1] == "(" else None  # "X 2 (7B)": a note on it


_DATA_VARIANT = re.compile(rf"(?:{DATA_SPLIT}|{DATA_RESOLUTION}| v?\d+\.\d+(?:-[A-Z][a-z]+)?| v\d+|"
                           rf" (?:{'|'.join(EDITION_WORDS)})(?![\w-])|"
                           rf" \d+(?:\.\d+)?[KMB](?= (?:dataset|benchmark|corpus|split|subset|and|or|,)|[,.;:)]))\b(?![.,]\d)")
#: Two words joined by a dash right after a name: a language pair when both are languages or language codes.
_PAIR_AFTER = re.compile(r" ([A-Za-z]+[-\u2013\u2192][A-Za-z]+)(?![\w-])")
#: One to three capitalised words after a known data name, ending the name: "X Sketch", "X Widget Logic", or a task
#: in camel case before "environment", "task", ... ("X DoorKey environment"; not "X Large Scale Visual Recognition
#: Challenge ...").
_SUBSET_WORD = re.compile(r" ((?:[A-Z][a-z]{2,} ){0,2}[A-Z][a-z]{2,}|[A-Z][a-z]{2,}[A-Z][a-z]{2,}(?= (?:environment|task|"
                          r"game|domain|level|map)s?\b))(?=[,.;:)]|\s+[a-z(]|$)")


def _named_subset(text: str, end: int):
    hit = _SUBSET_WORD.match(text, end)
    if hit is None or stop_category(hit.group(1)):
        return None  # "WidgetNet Object Detection": a task on the data, not a part of it
    for word in hit.group(1).split():
        low = word.lower()
        if low in STARTERS or stop_category(word) or low.endswith(("ed", "ing", "ly")) or size_word(low):
            return None
    return hit


_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d $")
#: A year and the venue that held an event, right before the event's name: "2015 MICCAI " of "the 2015 MICCAI
#: Widget Segmentation Challenge".
_YEAR_VENUE_BEFORE = re.compile(r"\b(?:19|20)\d\d ([A-Z][\w-]+) $")


def _event_start(text: str, start: int) -> int:
    """Where an event's name starts, its year and venue before it included: "the FooConf 2018 Widget Challenge",
    "the 2015 MICCAI Widget Challenge", "the 2006 Widget Competition"."""
    year = _YEAR_BEFORE.search(text, max(0, start - 6), start)
    if year is not None:
        venue = _WORD_BEFORE.search(text, max(0, year.start() - 16), year.start())
        if venue is not None and stop_category(venue.group(1)) == "venue":
            return venue.start(1)  # "the FooConf 2018 Widget Challenge": the venue that held it is in its name
        return year.start()
    held = _YEAR_VENUE_BEFORE.search(text, max(0, start - 24), start)
    if held is not None and stop_category(held.group(1)) == "venue":
        return held.start()
    return start
#: The word right before a position: "NeurIPS " before "2018 ...".
_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w-]+) $")
#: The word after a name, past closing brackets and one short parenthesis: "X) problem", "X (SSP) problems".
_WORD_AFTER = re.compile(r"[)\]]*(?:\s*\([^()]{1,15}\))?\s*([A-Za-z]+)")
_PROBLEM_NOUNS = frozenset({
    "problem", "problems", "equation", "equations", "condition", "conditions", "assumption", "assumptions",
    "inequality", "theorem", "lemma", "distance", "divergence", "score", "metric", "metrics", "property",
    "constraint", "constraints", "regime", "phenomenon", "hypothesis", "principle", "ratio", "ratios",
    "coefficient", "coefficients",
})


#: A leading article and a trailing acronym in brackets around a title that is one name.
_TITLE_WRAPPING = re.compile(r"^\s*(?:The|A|An)\s+(?=[A-Z]|[a-z]+[A-Z])|\s*\([A-Za-z0-9-]{2,15}\)\s*$")


#: An appositive that says a name is a model or method: ", a knowledge-informed deep learning model".
_MODEL_APPOSITIVE = re.compile(r"\s*,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?(?:model|method|framework|network|"
                               r"architecture|approach|algorithm|system)\b")


def _shouted_title(title: str) -> bool:
    """Is the title set in capitals ("WHAT MAKES WIDGETS HARD?")? Most of its words of three letters or more are."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", title)]
    return len(words) >= 3 and 3 * sum(w.isupper() for w in words) >= 2 * len(words)


def _written_as_name(text: str, abstract: str) -> bool:
    """Does the abstract write a shouted title word with a capital ("ZORBNET" as "ZorbNet", "ZCASE")? A word
    the abstract writes only in lower case ("widget") is a plain word the title set in capitals."""
    return any(not hit.group().islower() for hit in re.finditer(rf"(?<![\w-]){re.escape(text.split()[0])}(?![\w-])",
                                                               abstract, re.I))


def _backronym_word(text: str, paper_text: str) -> bool:
    """Is a dictionary word written with inner capitals ("UnSupervised", "PersonaLized") only to spell out an
    acronym the paper uses ("USR")? Its capitals, in order, are part of an all-capitals word of the paper."""
    if " " in text or "-" in text or not dictionary_word(text.lower()) or _gaz_kind(text):
        return False
    capitals = "".join(c for c in text if c.isupper())
    return len(capitals) >= 2 and any(capitals in word and word != text
                                      for word in re.findall(r"\b[A-Z]{3,}\b", paper_text))


def _names_a_problem(m: Mention, paper: Paper) -> bool:
    """"the LTHD problem", "(SSP) problems", "PMP conditions": a name used for a problem or a maths object."""
    if m.kind in _DATA_KINDS and (suffix_kind(m.text) in _DATA_KINDS or m.rule.startswith("gazetteer")):
        return False  # "WidgetBench problems", "GizmoEval score", "the GLUE score": a benchmark's problems and score
    text = paper.title if m.field == "title" else paper.abstract
    nxt = _WORD_AFTER.match(text[m.end:m.end + 30])
    return bool(nxt) and nxt.group(1).lower() in _PROBLEM_NOUNS


def _initials_stop(sf: str, paper: Paper) -> bool:
    """An undefined acronym spelled out elsewhere as a stop term ("CL" next to "Continual Learning")."""
    letters = "".join(c.lower() for c in (sf[:-1] if sf.endswith("s") else sf) if c.isalpha())
    if not 2 <= len(letters) <= 6:
        return False
    for text in (paper.title, paper.abstract):
        words, initials = _initials(text)
        pos = initials.find(letters)
        while pos >= 0:
            if stop_category(" ".join(words[pos:pos + len(letters)])):
                return True
            pos = initials.find(letters, pos + 1)
    return False


@functools.lru_cache(maxsize=8)
def _initials(text: str) -> tuple[list[str], str]:
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    return words, "".join(w[0].lower() for w in words)


def _is_proposed(raw: list[Mention], text: str) -> bool:
    return any(m.proposed and m.text == text for m in raw)


def _modifies_stop_term(m: Mention, title_doc, abstract_doc) -> bool:
    """"KL divergence", "I2V diffusion models": a name-shaped modifier of a stop term."""
    text = doc_text(title_doc) if m.field == "title" else doc_text(abstract_doc)
    rest = text[m.end:m.end + 40].split()
    for n in (1, 2, 3):
        if len(rest) >= n and stop_category(" ".join([m.text, *rest[:n]]).rstrip(".,;:)")):
            return True
    return False


#: Text between two members of a list: a comma, "and", "or" or a slash, after an optional bracket (a longer one
#: only when it holds a result: "A (a 30% gain to 67.2 mIoU on 2012), B and C").
#: A plural noun of methods right before a list: "aggregation rules (", "baselines such as", "defenses:".
_METHOD_INTRO = re.compile(r"\b(?:baselines|algorithms|methods|rules|defenses|defences|optimizers|optimisers|"
                           r"architectures|approaches|techniques|attacks|aggregators|estimators|solvers)\s*"
                           r"(?:\(|:|,?\s*(?:such as|including|like|namely|e\.g\.,?))\s*$", re.I)
#: (a number after a slash the name's mention left out may come first, "Foo24/7, Bar", and one capitalised
#: word no rule found may sit between two items: "A, Zordland, B")
#: LaTeX maths and font wrappers around listed names: "$\texttt{A}$", "\textit{B}".
_LATEX_WRAP = re.compile(rf"\$|{LATEX_FONT_PREFIX}|\}}")
_LATEX_OPEN_BEFORE = re.compile(rf"\$?{LATEX_FONT_PREFIX}$")
_LIST_GLUE = re.compile(r"^(?:/\d{1,3})?(?:\s*\((?:[^()]{0,30}|(?=[^()]*\d)[^()]{0,80})\))?"
                        r"(?:\s*,\s*(?:[A-Z][a-z]{3,},\s*)?(?:and\s+|or\s+)?|\s+(?:and|or)\s+|"
                        r"\s*/\s*|\s*(?:\u2192|->|\\to)\s*)$|"
                        # examples in brackets after each item of a list: "... (e.g. A), retrieval (e.g. B and C)"
                        r"^\)\s*,?\s*(?:and\s+|or\s+)?(?:to\s+)?[\w\s-]{0,40}\((?:e\.g\.|i\.e\.|such as|like)\s*,?\s*$")
#: A plural type noun introducing a list a few words later: "two web benchmarks -- A and B", "datasets: A, B".
_TYPE_INTRO = re.compile(r"\b(benchmarks|datasets|data sets|corpora|environments|suites|test sets|games)\b"
                         r"[^.;()]{0,50}?(?:--|—|:|\(|\bnamely|\bincluding|\bsuch as|\blike|\bspecifically|"
                         r"\be\.g\.|\bi\.e\.|\bfor example)\s*,?\s*(?:the\s+)?$|"
                         # "two text simplification corpora, A and B": a plural data noun set off by a comma
                         # (a list of two or more only)
                         r"\b(?P<comma>benchmarks|datasets|data sets|corpora)\s*,\s*$|"
                         # "the standard bug fixing benchmark set, QuixZugs, and": one name in apposition
                         r"\b(?P<single>dataset|benchmark|corpus|benchmark set|test set|data set)\s*,\s*$|"
                         # "the Widget suite (A, B, C)": the members of one named collection, in brackets
                         r"\b(benchmark|suite|collection)\s*\(\s*$|"
                         # "Gizmo locomotion tasks (A, B, C)": the tasks of a known suite, in brackets
                         r"(?-i:\b(?P<suite>[A-Z][\w-]+))\s+(?:[a-z-]+\s+)?(tasks|games)\s*\(\s*$|"
                         # "on the datasets A and B": the plural type noun right before the list, after a
                         # determiner or preposition (not "benchmarks A and B report": a verb's subject)
                         r"\b(?:the|on|across|over|from|of|in|using|two|three|four|five|six|[2-9])\s+"
                         r"(?:[a-z-]+\s+)?(benchmarks|datasets|data sets|corpora|environments|test sets)\s*$", re.I)
#: Every word :data:`_TYPE_INTRO` needs, one of which must be in the text before a list.
_INTRO_NOUNS = ("benchmark", "dataset", "data set", "corpora", "environment", "suite", "test set", "game", "collection",
                "task")
#: A plural noun right before the colon or dash that opens a list: the list's own head.
_OTHER_HEAD_BEFORE_COLON = re.compile(r"\s([a-z]{3,}s)\s*(?:--|—|:)\s*$")
_INTRO_KIND = {"benchmarks": "benchmark", "environments": "benchmark", "suites": "benchmark",
               "dataset": "dataset", "corpus": "dataset", "data set": "dataset", "benchmark set": "benchmark",
               "test set": "benchmark",
               "datasets": "dataset", "data sets": "dataset", "corpora": "dataset", "test sets": "benchmark",
               "benchmark": "benchmark", "suite": "benchmark", "collection": "dataset", "games": "benchmark",
               "tasks": "benchmark"}


def _intro_kind(intro: re.Match) -> str:
    return _INTRO_KIND[next(g for g in intro.groups()[::-1] if g).lower()]


def _type_intro(text: str, start: int) -> re.Match | None:
    """A type noun introducing a list that starts at ``start`` (:data:`_TYPE_INTRO`); the tasks or games of a
    suite count only when the suite is known data ("MuJoCo tasks (...)", not "VQA tasks (...)")."""
    window = text[max(0, start - 80):start].lower()
    if not any(noun in window for noun in _INTRO_NOUNS):
        return None  # (a substring test first: most lists have no type noun before them)
    intro = _TYPE_INTRO.search(text, max(0, start - 80), start)
    if intro is not None and intro.group("suite") and _gaz_kind(intro.group("suite")) not in _DATA_KINDS:
        return None
    return intro


def _lists_other_head(intro: re.Match, items: int) -> bool:
    """"datasets across three dimensions: A, B, C": the plural noun right before the colon, counted as many as the
    list's items, is what the list names (not "three datasets from two domains: A, B, C")."""
    head = _OTHER_HEAD_BEFORE_COLON.search(intro.group())
    if head is None or head.group(1).lower() in _INTRO_KIND:
        return False
    counted = re.search(r"\b(two|three|four|five|six|seven|eight|[2-9])\s+(?:[\w-]+\s+){0,2}?" + re.escape(head.group(1)),
                        intro.group(), re.I)
    return counted is not None and _COUNTS.get(counted.group(1).lower()) == items


_GLOSS = re.compile(r"\s*\([^()]{1,30}\)")
#: Cues that type a name only by where a result was measured ("experiments on X", "accuracy on X").
_MEASURED_ON = ("+cue:evaluated-on-X", "+cue:result-on-X")


def _share_list_kinds(mentions: list[Mention], paper: Paper) -> list[Mention]:
    """Coordinated names ("GSM8K, MATH, and MMLU-STEM") share a data kind found for any of them."""
    ordered = sorted(mentions, key=lambda m: (_FIELD_ORDER[m.field], m.start))
    groups: list[list[int]] = []
    glosses: list[list[int]] = []  # bracketed short forms, each a group of its own that never joins a list
    for i, m in enumerate(ordered):
        if groups:
            prev = ordered[groups[-1][-1]]
            text = paper.title if m.field == "title" else paper.abstract
            glue = text[prev.end:m.start] if prev.field == m.field and prev.end <= m.start else None
            if m.long_form and glue is not None and glue.strip() == "(" and text[m.end:m.end + 1] == ")":
                glosses.append([i])  # "A (AB), C (CD) and E (EF) datasets": the list runs over the long forms
                continue
            if glue and ("\\" in glue or "$" in glue):
                glue = _LATEX_WRAP.sub("", glue)  # "$\texttt{A}$, $\texttt{B}$": the font commands are no glue
            closed = len(groups[-1]) >= 2 and _COORDINATED.search(
                text[ordered[groups[-1][-2]].end:prev.start]) and not _COORDINATED.search(f" {glue} ")
            # "A, B and C, D improves ...": after "and C" the list is closed; a bare comma starts a clause
            if glue is not None and not closed and (_LIST_GLUE.match(glue) or (
                    glue == " to " and text[max(0, prev.start - 5):prev.start] == "from ")):
                groups[-1].append(i)  # "A, B and C", "A→B", "from A to B": one kind of thing
                continue
        groups.append([i])
    out = list(ordered)
    for g in groups + glosses:
        first = ordered[g[0]]
        text = paper.title if first.field == "title" else paper.abstract
        wrap = _LATEX_OPEN_BEFORE.search(text, max(0, first.start - 12), first.start)
        intro = _type_intro(text, wrap.start() if wrap else first.start)
        if intro is None and len(g) >= 2 and _METHOD_INTRO.search(text, max(0, first.start - 40), first.start):
            # "aggregation rules (A, B, C and D)", "baselines such as A and B": the members are methods, whatever
            # a weak cue said of one of them (a known collection keeps its kind)
            for i in g:
                m = ordered[i]
                if not m.proposed and (m.kind == "term" or (m.kind in _DATA_KINDS and not m.rule.startswith(
                        ("gazetteer", "acronym", "proposes")) and not _gaz_kind(m.text))):
                    out[i] = _with(m, kind="method", rule=m.rule + "+cue:list")
            continue
        if intro is not None and first.field == "title" and intro.group(0).rstrip().endswith(":"):
            intro = None  # "Robots in Warehouse Environments: FooPPO for ...": a title's colon introduces its name
        if intro is not None and intro.group("comma") and len(g) < 2:
            intro = None  # "on three datasets, ZorbNet wins": one name after the comma opens a clause
        if intro is not None and intro.group("single") and (len(g) > 1 or not re.match(
                r"\s*(?:\([^()]{1,30}\))?\s*[,.;)]", text[ordered[g[-1]].end:]) or re.search(
                r"\b(?:this|that|each|every|our|same|its|their)\s+(?:[\w-]+\s+){0,2}$",
                text[max(0, intro.start("single") - 40):intro.start("single")], re.I)):
            intro = None  # "on this benchmark, ZorbNet, a small model, wins": a clause, no name set off in apposition
        # rules whose method kind a shared list kind does not override
        protected = ("gazetteer", "acronym", "proposes")
        last_end = ordered[g[-1]].end
        if (gloss := _GLOSS.match(text, last_end)) is not None:
            last_end = gloss.end()  # "A (maths) and B (medicine) datasets": a gloss after each item
        after = _PLURAL_NOUN_AFTER.match(text, last_end) if len(g) >= 2 else None
        if intro is not None:
            kind = _intro_kind(intro)
            # "benchmarks including A, B and C": the type noun outweighs a homonym method in the gazetteer
            protected = ("acronym", "proposes")
        elif after is not None and after.group(1) not in STOP_WORDS:
            kind = _NOUN_KIND.get(after.group(2)) or "dataset"  # "the A, B and C prompts": items of data
            protected = ("acronym", "proposes")  # "the A, B and C benchmarks": the same for a noun after the list
        else:
            if len(g) < 2:
                continue
            kinds = Counter(ordered[i].kind for i in g if ordered[i].kind in _DATA_KINDS)
            known_method = any(ordered[i].kind == "method" and ordered[i].rule.startswith(("gazetteer", "acronym"))
                               for i in g)
            # one typed member types the rest of a real list ("A, B and C", "A and B"), unless it also
            # holds a known method; a bare comma between two names may be a clause boundary
            joined = len(g) >= 3 or re.search(r"\b(?:and|or|to)\b|/|\u2192|->", text[ordered[g[0]].end:ordered[g[1]].start])
            measured = [i for i in g if ordered[i].kind in _DATA_KINDS and ordered[i].rule.endswith(_MEASURED_ON)]
            if known_method and joined and measured and len(measured) == sum(kinds.values()):
                # "experiments on FooGen, Bar-2 and BAZ": beside a known model, names typed only by where results
                # were measured are the models the experiments ran
                for i in measured:
                    if not ordered[i].proposed:
                        out[i] = _with(ordered[i], kind="method", rule=ordered[i].rule + "+cue:list")
                continue
            if not kinds or ((known_method or not joined) and
                             (sum(kinds.values()) < 2 or sum(kinds.values()) * 2 < len(g))):
                continue
            kind = max(sorted(kinds), key=lambda k: kinds[k])
            if sum(kinds.values()) >= 3 and sum(kinds.values()) == len(g) - 1:
                # "on A-Bench, B, C and Alpaca": one known model name among three or more data names is the
                # data of the same name (many datasets share a model's name)
                protected = ("acronym", "proposes")
        for i in g:
            m = ordered[i]
            if m.proposed or (m.long_form and not (m.kind == "term" and m.rule == "acronym:long")):
                continue  # (a long form of no kind yet takes the list's: its cluster then shares it)
            if model_shaped(m.text):
                continue  # "Qwen2.5-7B" in a list of benchmarks is still a model
            if m.kind == "term" or (m.kind == "method" and not m.rule.startswith(protected)):
                out[i] = _with(m, kind=kind, rule=m.rule + "+cue:list")
    return out


#: Words that make a title prefix a sentence about names ("AdaGrad Meets Muon", "GPT-4 vs Claude").
_PREFIX_LINKS = frozenset({"meets", "vs", "vs.", "versus", "and", "or", "with", "for", "is", "are", "as", "beats",
                           "in", "on", "of", "to", "at"})


#: What follows a title's colon when the prefix names a contribution: ": A Bayesian Approach to ...",
#: "): A Benchmark for ...".
_CONTRIBUTION_AFTER = re.compile(r"^\W*(?:A|An)\s+(?:[\w-]+\s+){0,4}?(?:Approach|Benchmark|Framework|Method|Dataset|"
                                 r"Model|Algorithm|Toolkit|System|Library|Suite|Corpus|Architecture|Agent|Pipeline|"
                                 r"Test Set|Testbed|Environment|Simulator)s?\b")


def _noun_phrase_name(text: str) -> bool:
    """Capitalised words (and "of"/"and") with no verb form first and no clause words: "Movie Facts and Fibs",
    not "Watching the Whole Game" or "Talking While Listening"."""
    words = text.split()
    return bool(words) and "," not in text and not words[0].lower().endswith("ing") and \
        all(w[:1].isupper() or w in ("of", "and") or not w[:1].isalpha() for w in words) and \
        not any(w.lower() in _PREFIX_LINKS or w.lower() in ("versus", "while", "before", "after", "across", "the")
                for w in words)


def _confirm_title_name(text: str, abstract_low: str, defs: dict[str, str], after: str = "") -> bool:
    """A title prefix is a name if written like one, if the abstract uses it, or if the rest of the title says
    what kind of contribution it names ("Widget Sampling: A Bayesian Approach to ...")."""
    if _CONTRIBUTION_AFTER.match(after) and _noun_phrase_name(text):
        return True
    words = text.split()
    if len(words) == 1 and (name_shape(text) or text[:1].isupper() or text[:1] == "$"):
        return True
    if any(name_shape(w) and not stop_category(w) for w in words) and len(words) <= 3 and \
            not any(stop_category(w) or w.lower() in _PREFIX_LINKS for w in words):
        return True
    return text.lower() in abstract_low or canonical_key(text) in defs


#: A Title Case phrase of plain words ending in a task noun names a task: "Offline Widget Translation",
#: "Short-term Widget Interaction Anticipation" (a word may carry a lower-case hyphenated part).
_TASK_NAME = re.compile(r"^(?:[A-Z][a-z]+(?:-[a-z]+)?[ -])+(?:" + "|".join(
    sorted(w.capitalize() for w in {*TASK_NOUNS, "reasoning", "understanding", "anticipation", "comprehension"}
           if "-" not in w)) + r")$")


def _generic_titlecase(text: str) -> bool:
    """Title Case runs made only of stop terms ("Large Language Models Reinforcement Learning"), of a stop term
    and modifiers that only place it ("English-centric LLMs", "Arabic Language Models"), of a gerund and a
    stop term ("Enabling LLMs"), or of plain words and a metric ("Test F1")."""
    words = text.split()
    if len(words) > 7:
        return True
    return bool(stop_category(text)) or is_organisation(text) or \
        all(stop_category(w) for w in words if len(w) > 3) or \
        (len(words) > 1 and bool(stop_category(words[-1])) and
         all(ADJECTIVE_COMPOUND.search(w) or stop_category(w) in ("language", "place") for w in words[:-1])) or \
        (len(words) > 1 and words[0].endswith("ing") and dictionary_word(words[0].lower()) and
         bool(stop_category(" ".join(words[1:])))) or \
        (len(words) > 1 and stop_category(words[-1]) == "metric" and
         all(dictionary_word(w.lower()) for w in words[:-1]))  # "Test F1", "Mean Top-1": a split or kind of a metric


def _cluster_key(m: Mention, defs: dict[str, str]) -> str:
    key = canonical_key(m.text)
    if key in defs:
        return canonical_key(defs[key])
    if m.long_form:
        return canonical_key(m.long_form)
    return entity_key(m.text)


#: What a variant adds to a name: a version, a size or one word ("v2", "2.0", "hard", "mini", "core").
_VARIANT_PART = re.compile(r"^(?:v?\d+(?:\.\d+)*|[a-z]+)$")
_VERSION_TAIL = re.compile(r" v?\d+(?:\.\d+)*$")


#: A lower-case "m"/"x" (multilingual, cross-lingual) opening a name written with capitals after it.
_EDITION_PREFIX = re.compile(r"^(?:[mx]-?|[a-z]{2}-)(?=[A-Z])")


#: An edition mark at a name's end: "FooQA+", "FooQAPlus", "FooHQv2" (a version glued on).
_PLUS_END = re.compile(r"(?:\+{1,2}|(?<=[a-z0-9])Plus|(?<=[A-Za-z])[vV]\d+(?:\.\d+)?)$")


def _family_kind(text: str, kinds: dict[str, str | None], defs: dict[str, str]) -> str | None:
    """"FooSet-Hard", "FooSet-Clear", "BarBench 2.0": an untyped name that extends a data name of the same
    paper (or a known one) by a hyphenated part or a version is a variant or subset of that data. The data
    may be named by the acronym the paper defines for it ("Widget Task Bench (WTB)" and "WTB-Hard")."""
    if model_shaped(text):
        return None  # "FooData-Llama-8B": a model trained on the data, sized like a model
    edition = _EDITION_PREFIX.match(text)
    if edition is not None:
        kind = kinds.get(canonical_key(text[edition.end():])) or _gaz_kind(text[edition.end():])
        return kind if kind in _DATA_KINDS else None  # "m-FooQA", "mBarSwag": a language edition of known data
    plus = _PLUS_END.search(text)
    if plus is not None and plus.start() > 2:
        base = text[:plus.start()]
        kind = kinds.get(canonical_key(base)) or _gaz_kind(base)
        if kind in _DATA_KINDS:
            return kind  # "FooQA+", "FooQAPlus", "FooHQv2": an improved edition of the data
    head = text
    words = english_words()
    while True:
        cut = head.rfind("-")
        version = _VERSION_TAIL.search(head)
        if version is not None and version.start() > cut:
            cut = version.start()
        if cut <= 0:
            return None
        head = head[:cut]
        if head.lower() in words:
            return None  # "Mutual-Taught": a word compound, not a variant of data
        key = canonical_key(head)
        kind = kinds.get(key) or kinds.get(canonical_key(defs.get(key, ""))) or _gaz_kind(head)
        if kind in _DATA_KINDS:
            return kind
        if kind is not None:
            return None


def _family_head_kind(key: str, kinds: dict[str, str | None]) -> str | None:
    """"FooSet" beside "FooSet-v2" and "FooSet-Hard": an untyped name whose own variants are data is data."""
    found = {kinds[k] for k in kinds if k.startswith(key) and len(k) > len(key) and k[len(key)] in "- "
             and _VARIANT_PART.match(k[len(key) + 1:]) and kinds[k] is not None}
    return found.pop() if len(found) == 1 and found <= set(_DATA_KINDS) else None


def _nouns(words) -> str:
    return "|".join(sorted(w for w in words if w.isalpha()))


#: "we build a new dataset of ...", "this paper introduces the first benchmark for ...", "our corpus": what the
#: paper says it makes, by the head noun (a first-person maker verb, at most four words before the noun).
_MAKES = (r"\b(?:we|this (?:paper|work)|our (?:work|paper))\s+(?:\w+\s+){0,2}?(?:build|introduce|present|release|"
          r"construct|curate|collect|create|compile|contribute|propose|assemble|develop|design)s?\s+(?:an?|the(?: first)?)\s+"
          r"(?:[\w-]+\s+){0,4}?")
_MAKES_DATA = re.compile(_MAKES + rf"({_nouns(DATA_NOUNS | BENCH_NOUNS)})\b|\bour (?:new )?"
                         rf"({_nouns(DATA_NOUNS | BENCH_NOUNS)})\b")
#: Model classes written as acronyms: "we propose FooVL, a lightweight VLM" makes a model.
_MODEL_CLASS_NOUNS = ("vlms?", "llms?", "mllms?", "lmms?", "slms?", "vlas?", "transformers?")
_MAKES_METHOD = re.compile(_MAKES + rf"(?:{_nouns(METHOD_NOUNS)}|system|pipeline)\b|"
                           rf"\b(?:our|an? (?:novel|new|simple|general|unified|efficient))\s+(?:[\w-]+\s+){{0,2}}?"
                           rf"(?:{_nouns(METHOD_NOUNS)}|system|pipeline)\b|"
                           rf"\b(?:propose|introduce|present)s?\s+[\w.+-]+,\s+an?\s+(?:[\w-]+\s+){{0,4}}?"
                           rf"(?:{_nouns(METHOD_NOUNS)}|system|pipeline|{'|'.join(_MODEL_CLASS_NOUNS)}|"
                           rf"[a-z]{{3,}}(?:er|or)s?(?=\s*(?:[,.;(]|$|\s(?:that|which|for|to|with|trained|designed|"
                           rf"built|capable|based)\b)))\b")  # "X, a pathology Reasoner, ...": an agent noun


def _contribution_kind(paper: Paper, name: str = "") -> str | None:
    """"Name: Rest of Title" with an abstract that makes data and shows no method of its own ("we propose a
    ... framework", "our method", "a novel approach"): the title's name is the data. Not when the abstract
    proposes the name itself in a sentence that says nothing of data ("we propose an interactive Foo-Agent,
    which ..." beside "we also build the BarSet dataset")."""
    text = (paper.abstract or "").lower()
    made = _MAKES_DATA.search(text)
    if made is None or _MAKES_METHOD.search(text):
        return None
    if name:
        named = re.compile(rf"\b(?:propose|introduce|present|develop|design)[sd]?\s+(?:[\w-]+\s+){{0,3}}?"
                           rf"{re.escape(name.lower())}(?![\w-])")
        for sentence in re.split(r"(?<=\.)\s+", text):
            if named.search(sentence) and not any(w in sentence.split() for w in DATA_NOUNS | BENCH_NOUNS):
                return None
    noun = made.group(1) or made.group(2)
    return "benchmark" if noun in BENCH_NOUNS else "dataset"


def _alias_taken(m: Mention, key: str, defs: dict[str, str], own_names: dict[str, str], defined: set[str],
                 paper_low: str) -> bool:
    """A known name's short alias ("WB" of "Widget Boosting") that this paper defines as something else or
    introduces as its own name, written the same way, while the known full name appears nowhere in it: the
    paper's meaning holds. So does a known name the paper introduces as another kind of thing ("a framework
    WB" beside a known dataset WB)."""
    known = m.rule[len("gazetteer:"):].split("+")[0]
    if canonical_key(known) == key:
        own = own_names.get(m.text, "term")  # a dataset the paper calls a benchmark is the same data
        return own != "term" and (own in _DATA_KINDS) != (m.kind in _DATA_KINDS)
    if known.lower() in paper_low:  # the paper's title and abstract in lower case, made once per paper
        return False
    if key in defs and m.text in defined:
        meant = defs[key]
        return canonical_key(meant) != canonical_key(known) and known_name(meant) is None
    return m.text in own_names


def _defining(m: Mention) -> bool:
    """A typed proposal in the abstract ("we propose X, a diffusion model"): the kind is what the paper's own
    sentence says X is. (A title prefix's kind may be only a guess from its shape, "-Net".)"""
    return m.field == "abstract" and m.proposed and m.rule.startswith("proposes:")


def _type_clusters(mentions: list[Mention], defs: dict[str, str], paper: Paper) -> tuple[Mention, ...]:
    """One kind per cluster (acronym + long form): typed evidence wins, then gazetteer, suffix, what the
    abstract says the paper makes (for the title's name), method."""
    clusters: dict[str, list[Mention]] = {}
    for m in mentions:
        clusters.setdefault(_cluster_key(m, defs), []).append(m)
    kinds: dict[str, str | None] = {}
    for key in sorted(clusters):
        group = clusters[key]
        votes: Counter = Counter()
        typed_once: set[str] = set()
        for m in group:
            if m.rule.endswith("+typed"):
                if m.kind in typed_once:
                    continue  # how a name ends ("FooBank") is one piece of evidence, however often it is written
                typed_once.add(m.kind)
            if m.kind != "term":
                # a known name typed by this paper's own words ("the X benchmark") outweighs the list's prior;
                # what the paper says its own name is ("we propose X, a diffusion model") outweighs one cue
                # elsewhere ("samples from X")
                votes[m.kind] += m.confidence + (1.0 if m.rule.startswith("gazetteer") or _defining(m) else 0.0) + \
                    (2.0 if m.rule.startswith("gazetteer") and "+cue:" in m.rule else 0.0)
        if not votes:
            for m in group:
                k = _gaz_kind(m.text) or suffix_kind(m.text) or (suffix_kind(m.long_form) if m.long_form else None)
                if k:
                    votes[k] += 1
        kinds[key] = max(sorted(votes), key=lambda k: votes[k]) if votes else None
    out: list[Mention] = []
    for key in sorted(clusters):
        group = clusters[key]
        defined = any(m.long_form for m in group)  # "Foo Bar Reasoning (FBR)" beside "FBR-Bench": a concept
        kind = kinds[key] or _family_kind(group[0].text, kinds, defs) or \
            (None if defined else _family_head_kind(key, kinds)) or \
            (_contribution_kind(paper, group[0].text) if any(m.rule == "proposes:title-colon" for m in group)
             else None) or \
            ("dataset" if any(_EDITION_END.search(m.text) or _counted_collection(m.text) for m in group) else "method")
        proposed = any(m.proposed for m in group)
        for m in group:
            out.append(_with(m, kind=kind, proposed=proposed))
    out.sort(key=lambda m: (_FIELD_ORDER[m.field], m.start, m.end))
    return tuple(out)


def extract_batch(papers: Sequence[Paper], batch_size: int = 64) -> list[tuple[Mention, ...]]:
    """Mentions of each paper (before corpus resolution), one nlp.pipe pass in this process:
    the worker behind :func:`extractors.corpus.extract_paper` and :func:`extractors.corpus.extract_corpus`.

    A title or abstract longer than ``MAX_TEXT_CHARS`` raises InputError
    (file = the paper id) instead of spaCy's ValueError E088.
    """
    nlp = make_nlp()
    texts: list[tuple[str, str]] = []
    for p in papers:
        for name, text in (("title", p.title or ""), ("abstract", p.abstract or "")):
            if len(text) > MAX_TEXT_CHARS:
                raise InputError(p.id, f"{name} has {len(text):,} characters; the extractor takes at most "
                                       f"{MAX_TEXT_CHARS:,}")
            texts.append((name, text))
    with gc_paused():
        docs = []
        for name, text in texts:
            doc = nlp.tokenizer(text)
            doc._.kg = DocState(text, name)  # spaCy keeps the text exactly; rebuilding it per Doc is slow
            docs.append(doc)
        docs = list(nlp.pipe(docs, batch_size=batch_size))
        out = []
        for i, p in enumerate(papers):
            tdoc, adoc = docs[2 * i], docs[2 * i + 1]
            links = link_mentions(p, tdoc, adoc)
            out.append(_outside(_entity_mentions(p, tdoc, adoc), links) + links + citation_mentions(tdoc, adoc, links))
        # freed here, by reference counts: the collector, back on, then scans only the mentions
        del docs, tdoc, adoc
    return out


def _outside(entities: tuple[Mention, ...], links: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """Entity mentions outside every repository or link span: the owner in "GitHub (WidgetLab/tool)" is part
    of the repository, not a name of its own."""
    if not links:
        return entities
    return tuple(m for m in entities
                 if not any(u.field == m.field and u.start < m.end and m.start < u.end for u in links))



