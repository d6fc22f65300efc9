"""Corpus-wide entity resolution.

An alias table built over all papers links acronyms to long forms ("GRPO"
in one abstract, "Group Relative Policy Optimization (GRPO)" in another),
gazetteer aliases to their names, and case/plural/dash variants through
canonical keys. Each resolved entity gets ONE kind by a confidence-weighted
vote over all its mentions, a support count (papers), and a stable id.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Sequence

from extractors.canonical import _MATH, _math_text, canonical_key, data_collection, entity_id
from extractors.gazetteer import entity_key, gazetteer_names
from extractors.terms import NAME_HEAD_NOUNS, without_language_pair
from extractors.variants import variant_name
from kg.models import CorpusExtraction, Entity, EntityRef, Mention, PaperExtraction
from kg.schema import DATA_KINDS, ENTITY_KINDS

__all__ = ["resolve_corpus", "alias_table"]

_FIELD_ORDER = {"metadata": 0, "title": 1, "abstract": 2}
_KIND_ORDER = {k: i for i, k in enumerate(ENTITY_KINDS)}


def alias_table(per_paper: Sequence[tuple[Mention, ...]]) -> dict[str, str]:
    """{short-form key: long-form key}, the most frequent definition in the corpus wins."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for mentions in per_paper:
        for m in mentions:
            if m.long_form and m.kind in ENTITY_KINDS:
                sk, lk = canonical_key(m.text), canonical_key(m.long_form)
                if sk != lk:
                    counts[sk][lk] += 1
    table = {}
    for sk in sorted(counts):
        table[sk] = min(counts[sk], key=lambda lk: (-counts[sk][lk], lk))
    return table


def _gazetteer_keys() -> dict[str, str]:
    """{key of any gazetteer surface form: key of its entry name}."""
    return {k: canonical_key(name) for k, (_, name) in gazetteer_names().items()}


#: Generic head nouns that a name may carry or drop ("Gravity optimizer" = "Gravity").
_GENERIC_TAIL = re.compile(rf" (?:{'|'.join(NAME_HEAD_NOUNS)})$")
#: A parameter count before or after a model's name ("GPT-3 175B", "175B GPT-3"); data sizes
#: ("ImageNet-21k", "LAION-400M") name other data sets and are not merged.
_SIZE_WORD = re.compile(r"^\d+(?:\.\d+)?b | \d+(?:\.\d+)?b$")


def _same_long_form(local: str, known_forms: set[str]) -> bool:
    """Is a paper's long form the gazetteer's, up to a typo ("Varational AutoEncoder")?"""
    if local in known_forms:
        return True
    return any(len(f) > 8 and difflib.SequenceMatcher(None, local, f).ratio() >= 0.9 for f in known_forms)


def _variant_target(key: str, keys) -> str | None:
    """The existing key a variant reduces to: generic head noun or model size dropped."""
    for pattern in (_GENERIC_TAIL, _SIZE_WORD):
        short = pattern.sub("", key)
        if short != key and short in keys:
            return short
    return None


def resolve_corpus(paper_ids: Sequence[str], per_paper: Sequence[tuple[Mention, ...]],
                   extractor_version: str = "") -> CorpusExtraction:
    """Resolve per-paper mentions into entities and per-paper references."""
    table = alias_table(per_paper)
    gaz = _gazetteer_keys()
    known_names = _gazetteer_display_names()
    known_kinds = _gazetteer_kinds()
    gaz_forms: dict[str, set[str]] = defaultdict(set)
    for form_key, name_key in gaz.items():
        gaz_forms[name_key].add(form_key)

    def local_definitions(mentions) -> dict[str, str]:
        """{short and long form key: entity key} of the acronyms this paper defines.

        A short form the gazetteer knows keeps the gazetteer's entity when the
        paper spells out the same long form (or a typo of it); another long form
        is another entity ("PPO" defined as something new).
        """
        local: dict[str, str] = {}
        for m in mentions:
            if not m.long_form or m.kind not in ENTITY_KINDS:
                continue
            # the short form keyed as its mentions are: "RaP" defined here is "rap =RaP", not the known "RAP"
            sk, lk = entity_key(m.text), canonical_key(m.long_form)
            if sk == lk:
                continue  # the long form's own mention: its short form decides
            target = gaz.get(lk, lk)
            known = gaz.get(sk)
            if known is not None and target == lk and _same_long_form(lk, gaz_forms[known]):
                target = known
            local.setdefault(sk, target)
            local.setdefault(lk, target)
        used_known: set | None = None  # known names this paper's gazetteer matches use, found once if needed
        for m in mentions:
            if not (m.proposed and m.rule.startswith("proposes:") and m.kind in ENTITY_KINDS):
                continue
            sk = entity_key(m.text)
            known = gaz.get(sk)
            if known is None:
                continue
            if used_known is None:
                used_known = {gaz.get(entity_key(o.text)) for o in mentions if o.rule.startswith("gazetteer")}
            if known in used_known:
                continue  # the paper also uses the known name as known
            if m.rule == "proposes:title-colon" and known != sk:
                # "WB: Widget Boosting for ..." where WB is also a known name's short alias, whose full name
                # this paper never writes: the paper's own WB (or what it defines WB as), not the known one
                local.setdefault(sk, sk)
            elif known_kinds.get(known) is not None and \
                    (known_kinds[known] in DATA_KINDS) != (m.kind in DATA_KINDS):
                # "a framework WB" where WB is also a known dataset: a homonym of another kind (a dataset
                # called a benchmark elsewhere is the same data)
                local.setdefault(sk, f"{sk} ={m.kind}")
        return local

    locals_ = [local_definitions(mentions) for mentions in per_paper]
    # a long form read as a typo of a known name is that name in every paper ("Varational AutoEncoder")
    variants = {k: v for local in locals_ for k, v in sorted(local.items()) if v != k and v in gaz_forms}

    # a surface form keys the same way in every paper: keyed once per (data or not, text)
    form_keys: dict[tuple[bool, str], str] = {}
    collection_forms: dict[str, str] = {}

    def collection_form(m: Mention) -> str:
        """A split, resolution or language pair of a data collection is that collection ("WidgetSpeech test-noisy")."""
        name = variant_name(m)  # "CIFAR-10/100" written for CIFAR-100
        if m.kind not in DATA_KINDS:
            return name
        form = collection_forms.get(name)
        if form is None:
            form = data_collection(name)
            if m.rule.startswith("gazetteer"):
                form = without_language_pair(form)  # "FooMT14 English-German" is a part of FooMT14
            collection_forms[name] = form
        return form

    def form_key(m: Mention) -> str:
        memo = (m.kind in DATA_KINDS, variant_name(m))
        key = form_keys.get(memo)
        if key is None:
            key = form_keys[memo] = entity_key(collection_form(m))
        return key

    def resolve_key(m: Mention, local: dict[str, str]) -> str:
        key = form_key(m)
        if key in local:
            return local[key]
        if m.kind == "method" and (sized := _SIZE_WORD.sub("", key)) != key and sized in local:
            return local[sized]  # "our ZPO-7B model" after "Zorb Policy Optimization (ZPO)": a size of that name
        if key in gaz:  # a known name: the gazetteer before other papers' definitions
            return gaz[key]
        if m.rule.startswith("gazetteer:") and m.text.endswith("s") and \
                gaz.get(canonical_key(m.text[:-1])) == canonical_key(m.rule[len("gazetteer:"):]):
            # the plural the matcher found of a known form whose key keeps the "s" ("GRUs" of GRU: "grus" is a word)
            return gaz[canonical_key(m.text[:-1])]
        if key in variants:
            return variants[key]
        return gaz.get(table.get(key, key), table.get(key, key))

    # pass 1: group mentions by resolved key
    groups: dict[str, list[tuple[int, Mention]]] = defaultdict(list)
    paper_keys: list[dict[str, list[Mention]]] = []
    for p, mentions in enumerate(per_paper):
        local = locals_[p]
        mine: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.kind not in ENTITY_KINDS:
                continue
            key = resolve_key(m, local)
            mine.setdefault(key, []).append(m)
            groups[key].append((p, m))
        paper_keys.append(mine)

    # a capitalised phrase seen once, with nothing else behind it ("Majority Voting"), is not enough
    for key in sorted(groups):
        items = groups[key]
        if len(items) < 2 and all(m.rule == "titlecase" and not m.proposed for _, m in items):
            del groups[key]
            for p, _ in items:
                paper_keys[p].pop(key, None)

    # variants of an existing name join it: "Gravity optimizer" -> "Gravity", "GPT-3 175B" -> "GPT-3"
    # (but a known name never joins a shorter unknown one: a stray "Graph Convolutional" joins the known
    # "Graph Convolutional Network" when that is the one known name it shortens)
    known_keys = set(gaz.values())
    shortened: dict[str, list[str]] = defaultdict(list)
    for key in sorted(groups):
        target = _variant_target(key, groups)
        if key in known_keys and target is not None and target != key and target not in known_keys:
            shortened[target].append(key)
    def merge(key: str, target: str) -> None:
        """The mentions of ``key`` join ``target``'s group, in the corpus and in each paper."""
        moved = groups.pop(key)
        groups[target].extend(moved)
        for p in sorted({p for p, _ in moved}):
            if key in paper_keys[p]:
                paper_keys[p].setdefault(target, []).extend(paper_keys[p].pop(key))

    for stray, known in sorted(shortened.items()):
        if len(known) == 1 and stray in groups:
            merge(stray, known[0])
    for key in sorted(groups):
        target = _variant_target(key, groups)
        if target is None or target == key or (key in known_keys and target not in known_keys):
            continue
        if _SIZE_WORD.search(key) and not all(m.kind == "method" for _, m in groups[key]):
            continue
        merge(key, target)

    # spellings of one name that differ only in how its parts are joined ("Conv-TasNet" / "ConvTasnet", "Masked
    # Auto Encoder" / "Masked Autoencoder", "THUMOS' 14" / "THUMOS14"): one entity, the known name's if one of
    # them is known (two known names stay two: "R-CNN" and "RCNN" are different models)
    for keys in _joined_spellings(groups, known_keys):
        target = next((k for k in keys if k in known_keys), None) or \
            max(keys, key=lambda k: (len({p for p, _ in groups[k]}), len(groups[k]), k.count(" "), k))
        for key in keys:
            if key != target:
                merge(key, target)

    # pass 2: one entity per key: name, aliases, kind vote, support
    entities: dict[str, Entity] = {}
    used_ids: set[str] = set()
    for key in sorted(groups):
        items = groups[key]
        votes: Counter = Counter()
        forms: Counter = Counter()
        first: dict[str, tuple] = {}
        for p, m in items:
            weight = m.confidence + (1.0 if m.rule.startswith("gazetteer") else 0.0)
            votes[m.kind] += weight
            for form in dict.fromkeys((variant_name(m), m.long_form, collection_form(m))):
                if form:
                    forms[form] += 1
                    first.setdefault(form, (p, _FIELD_ORDER[m.field], m.start))
        kind = min(votes, key=lambda k: (-round(votes[k], 6), _KIND_ORDER[k]))
        name = _display_name(key, forms, first, known_names.get(key))
        aliases = tuple(sorted((f for f in forms if f != name), key=lambda f: (canonical_key(f), f)))
        eid = entity_id(kind, name)
        if eid in used_ids:
            n = 2
            while f"{eid}-{n}" in used_ids:
                n += 1
            eid = f"{eid}-{n}"
        used_ids.add(eid)
        support = len({p for p, _ in items})
        entities[key] = Entity(id=eid, name=name, kind=kind, aliases=aliases, support=support)

    papers: list[PaperExtraction] = []
    for p, pid in enumerate(paper_ids):
        refs: dict[str, list[EntityRef]] = {k: [] for k in ENTITY_KINDS}
        proposes: list[str] = []
        # each key's mentions in text order; keys in the order of their first mention (ties: as grouped)
        ordered = sorted(((key, sorted(ms, key=_text_order)) for key, ms in paper_keys[p].items()),
                         key=lambda kv: _text_order(kv[1][0])[:2])
        for key, ms in ordered:
            ent = entities[key]
            kind = ent.kind
            ms = [m if m.kind == kind else replace(m, kind=kind) for m in ms]
            texts = [m.long_form or m.text for m in ms] + [m.text for m in ms]
            surface = max(texts, key=lambda t: (len(t.split()), len(t), -texts.index(t)))
            refs[kind].append(EntityRef(entity_id=ent.id, mentions=tuple(ms), surface=surface))
            for m in ms:
                if m.proposed:
                    proposes.append(ent.id)
                    break
        links = [m for m in per_paper[p] if m.kind in ("repo", "link")]
        papers.append(PaperExtraction(
            paper_id=pid,
            methods=tuple(refs["method"]),
            datasets=tuple(refs["dataset"]),
            benchmarks=tuple(refs["benchmark"]),
            proposes=tuple(proposes),
            repos=tuple(m for m in links if m.kind == "repo"),
            links=tuple(m for m in links if m.kind == "link"),
            citations=tuple(m for m in per_paper[p] if m.kind == "citation"),
        ))
    ents = tuple(sorted(entities.values(), key=lambda e: e.id))
    return CorpusExtraction(papers=tuple(papers), entities=ents, extractor_version=extractor_version)


_JOINS = re.compile(r"[\s'’]+")


def _joined_spellings(groups: dict[str, list], known_keys: set[str]) -> list[list[str]]:
    """Keys of one kind of thing (data or not) that are equal once spaces and apostrophes are dropped, at most
    one of them known; each list sorted. (Keys of a case-clash spelling, "coco =CoCo", stay apart.)"""
    by_joined: dict[tuple[bool, str], list[str]] = defaultdict(list)
    for key in sorted(groups):
        if "=" in key:
            continue
        data = sum(m.kind in DATA_KINDS for _, m in groups[key]) * 2 > len(groups[key])
        by_joined[(data, _JOINS.sub("", key))].append(key)
    return [keys for _, keys in sorted(by_joined.items())
            if len(keys) > 1 and sum(k in known_keys for k in keys) <= 1]


def _gazetteer_kinds() -> dict[str, str]:
    """{key of a gazetteer entry name: its kind}."""
    return {canonical_key(name): kind for kind, name in gazetteer_names().values()}


def _gazetteer_display_names() -> dict[str, str]:
    """{key of a gazetteer entry name: that name as written}."""
    return {canonical_key(name): name for _, name in gazetteer_names().values()}


def _text_order(m: Mention) -> tuple[int, int, int]:
    return _FIELD_ORDER[m.field], m.start, m.end


def _display_name(key: str, forms: Counter, first: dict[str, tuple], known_name: str | None = None) -> str:
    """Most used form whose key is the entity key ("Chain-of-Thought" when papers write it so);
    ties: fullest (most words, then longest), then more capitals, then earliest.

    Forms with LaTeX leftovers ("~", "--") or a plural ending ("ResNets") come last, and a
    plural-only name is shown singular when it is known or its singular is written too."""
    pool = [f for f in forms if canonical_key(f) == key]
    if not pool and known_name:
        return known_name  # every form is a variant of a known name: show the known spelling
    pool = pool or list(forms)

    def score(f: str):
        caps = sum(c.isupper() for c in f)
        return (_LATEX_LEFTOVER.search(f) is not None, _plural_name(f), -forms[f], -len(f.split()), -len(f), -caps,
                first[f], f)

    best = min(pool, key=score)
    if known_name and best != known_name and best.endswith("s") and not known_name.endswith("s") and \
            canonical_key(best[:-1]) == canonical_key(known_name):
        return known_name  # "Vision Transformers", "VQ-VAEs" written only in the plural: the known name, singular
    if _plural_name(best) and best != known_name and \
            (known_name or any(f == best[:-1] or f.startswith(best[:-1] + " ") for f in forms)):
        best = best[:-1]  # "ResNets" beside "ResNet": a plural copy; "GizmoLens" alone is that name as written
    if "$" in best or "--" in best or "~" in best:  # "$\\beta$-DPO" -> "β-DPO", "Gauss--Newton" -> "Gauss-Newton"
        best = _MATH.sub(_math_text, best).replace("--", "-").replace("~", " ")
    return best


_LATEX_LEFTOVER = re.compile(r"~|--|\\")
#: "ResNets", "GPTs", "LLaMAs": a name written in the plural (a final "s" after a capital or a camel-case word).
_PLURAL_NAME = re.compile(r"^(?:[A-Z][A-Za-z0-9]*[A-Z0-9]s|[A-Z][a-z]+[A-Z][A-Za-z]*[a-rt-z]s)$")


def _plural_name(form: str) -> bool:
    return " " not in form and _PLURAL_NAME.match(form) is not None
