"""A hand-built six-paper corpus + extraction for the graph tests (no extractor needed).

Designed facts:
- P1 proposes GRPO (entity method/group-relative-policy-optimization, alias "GRPO"); P2
  only writes "GRPO" -> P2 buildsOn P1 (alias-aware through the entity id).
- P3 proposes RareSet; P4 uses RareSet -> P4 buildsOn P3. P4 shares the rare RareSet
  with P3 and the common MMLU with P6; P3 and P6 each have one more entity
  (Transformer) -> P4's top relatedTo is P3.
- P2 cites P1 by "arXiv:2401.00001" (in corpus) and arXiv:2312.99999 (not in corpus).
- P5 links a DOI -> cites a minimal DOI paper; P5 has a project page (given as
  "https://p5.github.io/", normalised by extraction to "https://p5.github.io").
- P1 (own) and P3 (third-party) repos share the owner deepseek-ai.
"""
from __future__ import annotations

from kg.models import CorpusExtraction, Entity, EntityRef, Mention, Paper, PaperExtraction, Source

GRPO = "method/group-relative-policy-optimization"
TRANSFORMER = "method/transformer"
GSM8K = "dataset/gsm8k"
RARESET = "dataset/rareset"
MMLU = "benchmark/mmlu"
MATH500 = "benchmark/math-500"

TEXTS = {
    "p1": ("GRPO: Group Relative Policy Optimization",
           "We propose Group Relative Policy Optimization (GRPO) for reasoning. "
           "GRPO is trained on GSM8K and evaluated on MATH-500. Code: https://github.com/deepseek-ai/grpo"),
    "p2": ("Scaling GRPO further",
           "We apply GRPO to larger models, following arXiv:2401.00001 and arXiv:2312.99999v2. "
           "We train on GSM8K and report MMLU."),
    "p3": ("RareSet: a dataset",
           "We introduce RareSet, a new dataset. A Transformer baseline from "
           "https://github.com/deepseek-ai/other is used."),
    "p4": ("Learning from RareSet",
           "We train on RareSet and evaluate on MMLU."),
    "p5": ("A survey", "We survey MMLU results with GSM8K. See https://doi.org/10.1234/ABC.5 for details."),
    "p6": ("Transformers on MMLU", "A Transformer evaluated on MMLU."),
}
DATES = {"p1": "2024-01-10", "p2": "2024-02-01", "p3": "2024-03-01", "p4": "2024-03-05", "p5": "2024-04-01", "p6": None}


def _m(pid: str, kind: str, text: str, rule: str = "gazetteer", field: str = "abstract", occurrence: int = 0,
       proposed: bool = False, url: str | None = None, own: bool | None = None, link_type: str | None = None,
       ref: str | None = None) -> Mention:
    title, abstract = TEXTS[pid]
    body = abstract if field == "abstract" else title
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    end = start + len(text)
    s0 = body.rfind(". ", 0, start)
    s0 = 0 if s0 < 0 else s0 + 2
    s1 = body.find(". ", end)
    s1 = len(body) if s1 < 0 else s1 + 1
    return Mention(kind=kind, text=text, field=field, start=start, end=end, sentence=body[s0:s1],
                   sentence_start=s0, rule=rule, confidence=0.9, proposed=proposed, url=url, own=own,
                   link_type=link_type, ref=ref)


def make_papers() -> list[Paper]:
    out = []
    for i, pid in enumerate(sorted(TEXTS)):
        title, abstract = TEXTS[pid]
        out.append(Paper(
            id=pid, title=title, abstract=abstract, url=f"https://huggingface.co/papers/{pid}",
            authors=("Ada Lovelace", "Alan Turing") if pid != "p6" else (),
            date=DATES[pid], arxiv_id="2401.00001" if pid == "p1" else None,
            project_page="https://p5.github.io/" if pid == "p5" else None,
            sources=(Source(file="listing.txt", position=i),),
        ))
    return out


def make_extraction() -> CorpusExtraction:
    grpo_p1 = EntityRef(GRPO, (
        _m("p1", "method", "Group Relative Policy Optimization", rule="cue:we-propose", proposed=True),
        _m("p1", "method", "GRPO", rule="acronym", occurrence=1),
    ), surface="Group Relative Policy Optimization")
    papers = (
        PaperExtraction(
            "p1", methods=(grpo_p1,),
            datasets=(EntityRef(GSM8K, (_m("p1", "dataset", "GSM8K"),), "GSM8K"),),
            benchmarks=(EntityRef(MATH500, (_m("p1", "benchmark", "MATH-500"),), "MATH-500"),),
            proposes=(GRPO,),
            repos=(_m("p1", "repo", "https://github.com/deepseek-ai/grpo", rule="url", url="https://github.com/deepseek-ai/grpo", own=True),),
        ),
        PaperExtraction(
            "p2", methods=(EntityRef(GRPO, (_m("p2", "method", "GRPO", rule="alias"),), "GRPO"),),
            datasets=(EntityRef(GSM8K, (_m("p2", "dataset", "GSM8K"),), "GSM8K"),),
            benchmarks=(EntityRef(MMLU, (_m("p2", "benchmark", "MMLU"),), "MMLU"),),
            citations=(
                _m("p2", "citation", "arXiv:2401.00001", rule="regex:arxiv-id",
                   url="https://arxiv.org/abs/2401.00001", ref="arxiv:2401.00001"),
                _m("p2", "citation", "arXiv:2312.99999v2", rule="regex:arxiv-id",
                   url="https://arxiv.org/abs/2312.99999", ref="arxiv:2312.99999"),
            ),
        ),
        PaperExtraction(
            "p3", methods=(EntityRef(TRANSFORMER, (_m("p3", "method", "Transformer"),), "Transformer"),),
            datasets=(EntityRef(RARESET, (_m("p3", "dataset", "RareSet", rule="cue:we-introduce", proposed=True),), "RareSet"),),
            proposes=(RARESET,),
            repos=(_m("p3", "repo", "https://github.com/deepseek-ai/other", rule="url", url="https://github.com/deepseek-ai/other", own=False),),
        ),
        PaperExtraction(
            "p4", datasets=(EntityRef(RARESET, (_m("p4", "dataset", "RareSet"),), "RareSet"),),
            benchmarks=(EntityRef(MMLU, (_m("p4", "benchmark", "MMLU"),), "MMLU"),),
        ),
        PaperExtraction(
            "p5", datasets=(EntityRef(GSM8K, (_m("p5", "dataset", "GSM8K"),), "GSM8K"),),
            benchmarks=(EntityRef(MMLU, (_m("p5", "benchmark", "MMLU"),), "MMLU"),),
            links=(_m("p5", "link", "https://doi.org/10.1234/ABC.5", rule="url", url="https://doi.org/10.1234/ABC.5", link_type="paper"),
                   Mention(kind="link", text="https://p5.github.io", field="metadata", start=0, end=0, sentence="",
                           sentence_start=0, rule="input:projectPage", confidence=1.0, url="https://p5.github.io",
                           link_type="project")),
            citations=(_m("p5", "citation", "https://doi.org/10.1234/ABC.5", rule="url",
                          url="https://doi.org/10.1234/abc.5", ref="doi:10.1234/abc.5"),),
        ),
        PaperExtraction(
            "p6", methods=(EntityRef(TRANSFORMER, (_m("p6", "method", "Transformer"),), "Transformer"),),
            benchmarks=(EntityRef(MMLU, (_m("p6", "benchmark", "MMLU"),), "MMLU"),),
        ),
    )
    entities = (
        Entity(GRPO, "Group Relative Policy Optimization", "method", ("GRPO",), 2),
        Entity(TRANSFORMER, "Transformer", "method", (), 2),
        Entity(GSM8K, "GSM8K", "dataset", (), 3),
        Entity(RARESET, "RareSet", "dataset", (), 2),
        Entity(MMLU, "MMLU", "benchmark", (), 4),
        Entity(MATH500, "MATH-500", "benchmark", (), 1),
    )
    return CorpusExtraction(papers=papers, entities=entities, extractor_version="fixture-1")
