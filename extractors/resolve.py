"""Corpus-wide entity resolution.

An alias table built over all papers links acronyms to long forms ("GRPO"
in one abstract, "Group Relative Policy Optimization (GRPO)" in another),
gazetteer aliases to their names, and case/plural/dash variants through
canonical keys. Each resolved entity gets ONE kind by a confidence-weighted
vote over all its mentions, a support count (papers), and a stable id.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import Sequence

from kg.models import ENTITY_KINDS, CorpusExtraction, Entity, EntityRef, Mention, PaperExtraction

from extractors.canonical import canonical_key, entity_id

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
    from extractors.gazetteer_match import gazetteer_names

    return {k: canonical_key(name) for k, (_, name) in gazetteer_names().items()}


def resolve_corpus(paper_ids: Sequence[str], per_paper: Sequence[tuple[Mention, ...]],
                   extractor_version: str = "") -> CorpusExtraction:
    """Resolve per-paper mentions into entities and per-paper references."""
    table = alias_table(per_paper)
    gaz = _gazetteer_keys()

    def resolve_key(m: Mention, local: dict[str, str]) -> str:
        key = canonical_key(m.text)
        if m.long_form:
            key = canonical_key(m.long_form)
        elif key in local:
            key = local[key]
        elif key in table:
            key = table[key]
        return gaz.get(key, key)

    # pass 1: group mentions by resolved key
    groups: dict[str, list[tuple[int, Mention]]] = defaultdict(list)
    paper_keys: list[dict[str, list[Mention]]] = []
    for p, mentions in enumerate(per_paper):
        local = {canonical_key(m.text): canonical_key(m.long_form) for m in mentions
                 if m.long_form and m.kind in ENTITY_KINDS}
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
            for form in (m.text, m.long_form):
                if form:
                    forms[form] += 1
                    first.setdefault(form, (p, _FIELD_ORDER[m.field], m.start))
        kind = min(votes, key=lambda k: (-round(votes[k], 6), _KIND_ORDER[k]))
        name = _display_name(key, forms, first)
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
        ordered = sorted(paper_keys[p].items(), key=lambda kv: min(
            (_FIELD_ORDER[m.field], m.start) for m in kv[1]))
        for key, ms in ordered:
            ent = entities[key]
            ms = sorted(ms, key=lambda m: (_FIELD_ORDER[m.field], m.start, m.end))
            ms = [replace(m, kind=ent.kind) if m.kind != ent.kind else m for m in ms]
            texts = [m.long_form or m.text for m in ms] + [m.text for m in ms]
            surface = max(texts, key=lambda t: (len(t.split()), len(t), -texts.index(t)))
            refs[ent.kind].append(EntityRef(entity_id=ent.id, mentions=tuple(ms), surface=surface))
            if any(m.proposed for m in ms):
                proposes.append(ent.id)
        links = [m for m in per_paper[p] if m.kind in ("repo", "link")]
        papers.append(PaperExtraction(
            paper_id=pid,
            methods=tuple(refs["method"]),
            datasets=tuple(refs["dataset"]),
            benchmarks=tuple(refs["benchmark"]),
            proposes=tuple(proposes),
            repos=tuple(m for m in links if m.kind == "repo"),
            links=tuple(m for m in links if m.kind == "link"),
        ))
    ents = tuple(sorted(entities.values(), key=lambda e: e.id))
    return CorpusExtraction(papers=tuple(papers), entities=ents, extractor_version=extractor_version)


def _display_name(key: str, forms: Counter, first: dict[str, tuple]) -> str:
    """Most used form whose key is the entity key ("Chain-of-Thought" when papers write it so);
    ties: fullest (most words, then longest), then more capitals, then earliest."""
    pool = [f for f in forms if canonical_key(f) == key] or list(forms)

    def score(f: str):
        caps = sum(c.isupper() for c in f)
        return (-forms[f], -len(f.split()), -len(f), -caps, first[f], f)

    return min(pool, key=score)
