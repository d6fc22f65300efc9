"""The JSON record of one paper (``paperkg extract`` / ``outputs/papers.jsonl``)."""
from __future__ import annotations

import re

from kg.models import CorpusExtraction, EntityRef, Mention, Paper, PaperExtraction

from extractors.terms import ADJECTIVE_ENDINGS, NAME_HEAD_NOUNS

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


def _entity_item(ref: EntityRef, corpus: CorpusExtraction) -> dict:
    ent = corpus.entity(ref.entity_id)
    forms = list(ent.aliases)
    for m in ref.mentions:
        forms += [m.text] + ([m.long_form] if m.long_form else [])
    aliases = _aliases(ent.name, forms)
    return {
        "id": ent.id,
        "name": ent.name,
        "aliases": aliases,
        "surface": ref.surface,
        "confidence": max((m.confidence for m in ref.mentions), default=0.0),
        "evidence": [m.evidence() for m in ref.mentions],
    }


def _url_item(m: Mention, repo: bool) -> dict:
    item = {"name": m.url, "url": m.url}
    if repo:
        item["own"] = bool(m.own)
    else:
        item["type"] = m.link_type or "other"
    item["evidence"] = [m.evidence()]
    return item


def _citation_items(citations) -> list[dict]:
    """One item per cited work, in order of first mention, with the evidence of every occurrence."""
    items: dict[str, dict] = {}
    for m in citations:
        item = items.setdefault(m.ref, {"id": m.ref, "url": m.url, "evidence": []})
        item["evidence"].append(m.evidence())
    return list(items.values())


def paper_record(paper: Paper, paper_extraction: PaperExtraction, corpus_extraction: CorpusExtraction) -> dict:
    """Keys in order: id, title, methods, datasets, benchmarks, proposes, repos, links, citations."""
    pe = paper_extraction
    proposes = []
    for eid in pe.proposes:
        ent = corpus_extraction.entity(eid)
        proposes.append({"id": ent.id, "name": ent.name, "kind": ent.kind, "aliases": _aliases(ent.name, ent.aliases)})
    return {
        "id": paper.id,
        "title": paper.title,
        "methods": [_entity_item(r, corpus_extraction) for r in pe.methods],
        "datasets": [_entity_item(r, corpus_extraction) for r in pe.datasets],
        "benchmarks": [_entity_item(r, corpus_extraction) for r in pe.benchmarks],
        "proposes": proposes,
        "repos": [_url_item(m, True) for m in pe.repos],
        "links": [_url_item(m, False) for m in pe.links],
        "citations": _citation_items(pe.citations),
    }
