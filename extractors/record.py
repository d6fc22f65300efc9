"""The JSON record of one paper (``paperkg extract`` / ``outputs/papers.jsonl``)."""
from __future__ import annotations

import re

from kg.models import CorpusExtraction, EntityRef, Mention, Paper, PaperExtraction, evidence_tuple, select_evidence

from extractors.terms import ADJECTIVE_ENDINGS, NAME_HEAD_NOUNS, stop_category
from extractors.variants import variant_name
from kg.schema import DATA_KINDS

__all__ = ["paper_record"]


_GENERIC_TAIL = re.compile(rf"\s+(?:{'|'.join(NAME_HEAD_NOUNS)})s?$", re.I)


def _strip_generic_noun(form: str) -> str | None:
    """"Metropolis-Hastings algorithm" -> "Metropolis-Hastings" (another way to write the name)."""
    stripped = _GENERIC_TAIL.sub("", form)
    if stripped == form or not stripped.strip():
        return None
    # "Generative Adversarial Network" -> "Generative Adversarial" names nothing: an adjective is left
    return None if stripped.split()[-1].lower().endswith(ADJECTIVE_ENDINGS) else stripped


def _aliases(name: str, forms) -> list[str]:
    """Every other form, each also without a generic head noun ("X framework" -> "X")."""
    aliases: list[str] = []
    for f in (name, *forms):
        for g in (f, _strip_generic_noun(f)):
            if g and g != name and g not in aliases:
                aliases.append(g)
    return aliases


class _Sentences:
    """The record's sentence table: each evidence sentence once, referred to by its index."""

    def __init__(self):
        self.index: dict[tuple[str, str], int] = {}
        self.rows: list[dict] = []

    def evidence(self, mentions) -> tuple[list[dict], int]:
        """(evidence items of the kept mentions, the number of distinct mentions); see kg.models.select_evidence."""
        kept, count = select_evidence(evidence_tuple(m) for m in mentions)
        items = []
        for f, s, e, r, t, sentence, c in kept:
            ref = None
            if sentence:
                ref = self.index.get((f, sentence))
                if ref is None:
                    ref = self.index[(f, sentence)] = len(self.rows)
                    self.rows.append({"field": f, "text": sentence})
            items.append({"field": f, "start": s, "end": e, "text": t, "sentence": ref, "rule": r, "confidence": c})
        return items, count


#: A collection head written right after a data name is part of the name as written: "the Foo Dataset", "the
#: Bar dataset".
_WRITTEN_HEAD = re.compile(r" (Dataset|Benchmark|Corpus|Database|Suite|Challenge|dataset|benchmark|corpus)\b(?![-\w])")
#: A head noun written right after a method's name: "long short-term memory networks", "the Foo model" (the
#: fuller form as this paper writes it).
_WRITTEN_METHOD_HEAD = re.compile(r" (networks?|nets?|models?|architectures?|algorithms?|modules?|mechanisms?)\b(?![-\w])")


#: A capitalised word right before a name: the maker of a model, when it is an organisation ("Widgetco Foo-2").
_MAKER_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w]+) $")


def _entity_item(ref: EntityRef, corpus: CorpusExtraction, sentences: _Sentences, paper: Paper) -> dict:
    ent = corpus.entity(ref.entity_id)
    forms = list(ent.aliases)
    for m in ref.mentions:
        forms += [variant_name(m)] + ([m.long_form] if m.long_form else [])  # ("CIFAR-10/100" stands for one)
        if m.field in ("title", "abstract"):
            written = _WRITTEN_HEAD if m.kind in DATA_KINDS else _WRITTEN_METHOD_HEAD
            head = written.match(paper.title if m.field == "title" else paper.abstract or "", m.end)
            if head is not None:
                forms.append(f"{m.text} {head.group(1)}")
            if m.kind == "method":
                text = paper.title if m.field == "title" else paper.abstract or ""
                maker = _MAKER_BEFORE.search(text, max(0, m.start - 24), m.start)
                if maker is not None and stop_category(maker.group(1)) == "organisation":
                    forms.append(f"{maker.group(1)} {m.text}")  # "OpenAI o1-mini": the maker's name written before
    aliases = _aliases(ent.name, forms)
    evidence, count = sentences.evidence(ref.mentions)
    return {
        "id": ent.id,
        "name": ent.name,
        "aliases": aliases,
        "surface": ref.surface,
        "confidence": max((m.confidence for m in ref.mentions), default=0.0),
        "mention_count": count,
        "evidence": evidence,
    }


def _url_item(m: Mention, repo: bool, sentences: _Sentences) -> dict:
    item = {"name": m.url, "url": m.url}
    if repo:
        item["own"] = bool(m.own)
    else:
        item["type"] = m.link_type or "other"
    item["mention_count"] = 1
    item["evidence"] = sentences.evidence((m,))[0]
    return item


def _citation_items(citations, sentences: _Sentences) -> list[dict]:
    """One item per cited work, in order of first mention, with the evidence of its occurrences."""
    by_ref: dict[str, list[Mention]] = {}
    for m in citations:
        by_ref.setdefault(m.ref, []).append(m)
    items = []
    for ref, ms in by_ref.items():
        evidence, count = sentences.evidence(ms)
        items.append({"id": ref, "url": ms[0].url, "mention_count": count, "evidence": evidence})
    return items


def paper_record(paper: Paper, paper_extraction: PaperExtraction, corpus_extraction: CorpusExtraction) -> dict:
    """Keys in order: id, title, methods, datasets, benchmarks, proposes, repos, links, citations, sentences.

    Each evidence item names its sentence by index into ``sentences`` (``{"field", "text"}``, each
    distinct sentence of the paper once; None for a structured input field); at most
    kg.models.MAX_EVIDENCE items per entity, repository, link or cited work, ``mention_count`` all of them.
    """
    pe = paper_extraction
    sentences = _Sentences()
    items = {kind: [_entity_item(r, corpus_extraction, sentences, paper) for r in refs]
             for kind, refs in (("methods", pe.methods), ("datasets", pe.datasets), ("benchmarks", pe.benchmarks))}
    # a proposal is known by the forms its entity item in this paper lists ("the Widget Fusion module" too)
    written = {item["id"]: item["aliases"] for kind_items in items.values() for item in kind_items}
    proposes = []
    for eid in pe.proposes:
        ent = corpus_extraction.entity(eid)
        aliases = written.get(ent.id)
        proposes.append({"id": ent.id, "name": ent.name, "kind": ent.kind,
                         "aliases": list(aliases) if aliases is not None else _aliases(ent.name, ent.aliases)})
    record = {
        "id": paper.id,
        "title": paper.title,
        **items,
        "proposes": proposes,
        "repos": [_url_item(m, True, sentences) for m in pe.repos],
        "links": [_url_item(m, False, sentences) for m in pe.links],
        "citations": _citation_items(pe.citations, sentences),
    }
    record["sentences"] = sentences.rows
    return record
