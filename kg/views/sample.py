"""Hand-made and synthetic graphs in the docs/CONTRACTS.md NetworkX shape.

They let the views be tested, benchmarked and screenshotted without running
ingestion and extraction.  ``python -m kg.views.sample OUT_DIR --papers 20000``
builds the views for a synthetic corpus and prints how long it took.
"""
from __future__ import annotations

import argparse
import random
import sys
import time

import networkx as nx

from kg.schema import ENTITY_RELATIONS, ENTITY_TYPES, USE_RELATION
from kg.views import write_views

__all__ = ["sample_graph", "synthetic_graph"]

_ENTITIES = [
    ("method/group-relative-policy-optimization", "Method", "Group Relative Policy Optimization", ["GRPO"], 5),
    ("method/proximal-policy-optimization", "Method", "Proximal Policy Optimization", ["PPO"], 4),
    ("method/direct-preference-optimization", "Method", "Direct Preference Optimization", ["DPO"], 3),
    ("method/low-rank-adaptation", "Method", "Low-Rank Adaptation", ["LoRA"], 3),
    ("method/chain-of-thought", "Method", "Chain-of-Thought", ["CoT"], 4),
    ("method/mixture-of-experts", "Method", "Mixture-of-Experts", ["MoE"], 2),
    ("method/diffusion-transformer", "Method", "Diffusion Transformer", ["DiT"], 2),
    ("method/flash-attention", "Method", "FlashAttention", [], 1),
    ("dataset/gsm8k", "Dataset", "GSM8K", [], 4),
    ("dataset/math", "Dataset", "MATH", [], 3),
    ("dataset/imagenet", "Dataset", "ImageNet", ["ImageNet-1K"], 2),
    ("dataset/laion-5b", "Dataset", "LAION-5B", [], 1),
    ("benchmark/mmlu", "Benchmark", "MMLU", ["Massive Multitask Language Understanding"], 3),
    ("benchmark/humaneval", "Benchmark", "HumanEval", [], 2),
    ("benchmark/swe-bench", "Benchmark", "SWE-bench", ["SWE-bench Verified"], 2),
    ("benchmark/aime-2024", "Benchmark", "AIME 2024", ["AIME"], 3),
]

_PAPERS = [
    ("2402.03300", "DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open Language Models",
     "2024-02-05", ["Zhihong Shao", "Peiyi Wang", "Qihao Zhu", "Runxin Xu"],
     {"proposes": ["method/group-relative-policy-optimization"],
      "usesMethod": ["method/proximal-policy-optimization", "method/chain-of-thought"],
      "usesDataset": ["dataset/gsm8k", "dataset/math"], "evaluatesOn": ["benchmark/mmlu"]},
     "https://github.com/deepseek-ai/deepseek-math", "https://deepseek.com/math"),
    ("2501.12948", "DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning",
     "2025-01-22", ["DeepSeek-AI"],
     {"usesMethod": ["method/group-relative-policy-optimization", "method/chain-of-thought",
                     "method/mixture-of-experts"],
      "evaluatesOn": ["benchmark/aime-2024", "benchmark/mmlu", "benchmark/swe-bench"],
      "usesDataset": ["dataset/math"]},
     "https://github.com/deepseek-ai/DeepSeek-R1", None),
    ("1707.06347", "Proximal Policy Optimization Algorithms", "2017-07-20",
     ["John Schulman", "Filip Wolski", "Prafulla Dhariwal", "Alec Radford", "Oleg Klimov"],
     {"proposes": ["method/proximal-policy-optimization"]}, None, None),
    ("2305.18290", "Direct Preference Optimization: Your Language Model is Secretly a Reward Model",
     "2023-05-29", ["Rafael Rafailov", "Archit Sharma", "Eric Mitchell"],
     {"proposes": ["method/direct-preference-optimization"],
      "usesMethod": ["method/proximal-policy-optimization"]}, "https://github.com/eric-mitchell/direct-preference-optimization", None),
    ("2106.09685", "LoRA: Low-Rank Adaptation of Large Language Models", "2021-06-17",
     ["Edward J. Hu", "Yelong Shen", "Phillip Wallis"],
     {"proposes": ["method/low-rank-adaptation"], "evaluatesOn": ["benchmark/mmlu"]},
     "https://github.com/microsoft/LoRA", None),
    ("2503.01111", "Small Reasoners: GRPO with LoRA on a Single GPU", "2025-03-03", ["A. Researcher"],
     {"usesMethod": ["method/group-relative-policy-optimization", "method/low-rank-adaptation",
                     "method/direct-preference-optimization", "method/chain-of-thought"],
      "usesDataset": ["dataset/gsm8k"], "evaluatesOn": ["benchmark/aime-2024"]},
     "https://github.com/example/small-reasoners", "https://example.org/small-reasoners"),
    ("2212.09748", "Scalable Diffusion Models with Transformers", "2022-12-19", ["William Peebles", "Saining Xie"],
     {"proposes": ["method/diffusion-transformer"], "usesDataset": ["dataset/imagenet"]},
     "https://github.com/facebookresearch/DiT", "https://www.wpeebles.com/DiT"),
    ("2504.02222", "Fast Text-to-Image Generation with Sparse Diffusion Transformers", "2025-04-02",
     ["B. Author", "C. Author"],
     {"usesMethod": ["method/diffusion-transformer", "method/mixture-of-experts", "method/flash-attention"],
      "usesDataset": ["dataset/imagenet", "dataset/laion-5b"]}, None, "https://example.org/sparse-dit"),
    ("2505.03333", "Agentic Coding with Verifiable Rewards", "2025-05-05", ["D. Author"],
     {"usesMethod": ["method/group-relative-policy-optimization", "method/proximal-policy-optimization"],
      "evaluatesOn": ["benchmark/swe-bench", "benchmark/humaneval"], "usesDataset": ["dataset/gsm8k"]},
     "https://github.com/example/agentic-coder", None),
    ("2506.04444", "Thinking Longer: Chain-of-Thought Scaling for Math Word Problems", "2025-06-01", ["E. Author"],
     {"usesMethod": ["method/chain-of-thought", "method/group-relative-policy-optimization"],
      "usesDataset": ["dataset/gsm8k", "dataset/math"],
      "evaluatesOn": ["benchmark/aime-2024", "benchmark/humaneval"]}, None, None),
]

_BUILDS_ON = [("2501.12948", "2402.03300", ["method/group-relative-policy-optimization"]),
              ("2402.03300", "1707.06347", ["method/proximal-policy-optimization"]),
              ("2305.18290", "1707.06347", ["method/proximal-policy-optimization"]),
              ("2503.01111", "2106.09685", ["method/low-rank-adaptation"]),
              ("2503.01111", "2402.03300", ["method/group-relative-policy-optimization"]),
              ("2504.02222", "2212.09748", ["method/diffusion-transformer"])]


def _evidence(sentence: str, text: str) -> list[dict]:
    start = max(0, sentence.find(text))
    return [{"field": "abstract", "start": start, "end": start + len(text), "text": text,
             "sentence": sentence, "rule": "sample", "confidence": 0.9}]


def _add_paper(g, pid, title, abstract, date, authors, url=None):
    g.add_node(f"paper/{pid}", type="Paper", label=title, title=title, abstract=abstract, date=date,
               url=url or f"https://arxiv.org/abs/{pid}", authors=list(authors),
               sources=[f"sample.json#{g.number_of_nodes()}"], arxiv_id=pid, iri=f"urn:paper:{pid}")


def _add_repo(g, pkey, url, own=True):
    parts = url.split("/")
    host, owner, name = parts[2], parts[3], parts[4]
    rkey, okey = f"repo/{host}/{owner}/{name}", f"org/{host}/{owner}"
    g.add_node(rkey, type="CodeRepository", label=f"{owner}/{name}", url=url, owner=okey)
    g.add_node(okey, type="Organization", label=owner, url=f"https://{host}/{owner}")
    g.add_edge(pkey, rkey, key="hasCode", relation="hasCode", own=own)
    g.add_edge(rkey, okey, key="ownedBy", relation="ownedBy")


def sample_graph() -> nx.MultiDiGraph:
    """About ten well-known papers with methods, datasets, benchmarks, code and links."""
    g = nx.MultiDiGraph()
    names = {}
    for key, etype, name, aliases, support in _ENTITIES:
        g.add_node(key, type=etype, label=name, name=name, aliases=list(aliases), support=support,
                   iri=f"urn:{key}")
        names[key] = name
    for pid, title, date, authors, rels, code, page in _PAPERS:
        used = [names[e] for rel in rels.values() for e in rel]
        abstract = (f"We study {title.split(':')[0]}. Our approach relies on {', '.join(used[:3])}. "
                    f"Experiments show consistent gains over strong baselines.")
        _add_paper(g, pid, title, abstract, date, authors)
        pkey = f"paper/{pid}"
        for rel in ENTITY_RELATIONS:
            for e in rels.get(rel, []):
                verb = "We propose" if rel == "proposes" else "We use"
                sentence = f"{verb} {names[e]} ({', '.join(g.nodes[e]['aliases']) or names[e]}) in this work."
                g.add_edge(pkey, e, key=rel, relation=rel, evidence=_evidence(sentence, names[e]))
        if code:
            _add_repo(g, pkey, code)
        if page:
            lkey = "link/" + page.split("://", 1)[1]
            g.add_node(lkey, type="WebPage", label=page.split("://", 1)[1], url=page, link_type="project")
            g.add_edge(pkey, lkey, key="hasLink", relation="hasLink")
    for src, dst, via in _BUILDS_ON:
        g.add_edge(f"paper/{src}", f"paper/{dst}", key="buildsOn", relation="buildsOn", via=list(via))
    _add_related(g)
    for key in g.nodes:
        g.nodes[key]["degree"] = g.degree(key)
    return g


def _add_related(g, top_k: int = 3) -> None:
    """relatedTo = Jaccard overlap of entity sets, top_k per paper (like the graph stage)."""
    ents = {p: {v for _, v, k in g.out_edges(p, keys=True) if k in ENTITY_RELATIONS}
            for p in sorted(g.nodes) if g.nodes[p].get("type") == "Paper"}
    for p, mine in ents.items():
        scored = []
        for q, theirs in ents.items():
            if q != p and mine & theirs:
                scored.append((-len(mine & theirs) / len(mine | theirs), q))
        for neg, q in sorted(scored)[:top_k]:
            g.add_edge(p, q, key="relatedTo", relation="relatedTo", weight=round(-neg, 4),
                       shared=sorted(mine & ents[q]))


def synthetic_graph(n_papers: int = 20000, seed: int = 0) -> nx.MultiDiGraph:
    """A large random corpus with a heavy-tailed entity popularity, for scale tests."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    n_entities = max(15, n_papers // 6)
    kinds = ENTITY_TYPES
    ents = []
    for i in range(n_entities):
        kind = kinds[i % 3]
        key = f"{kind.lower()}/entity-{i:05d}"
        g.add_node(key, type=kind, label=f"{kind} {i}", name=f"{kind} {i}", aliases=[f"E{i}"], support=0)
        ents.append(key)
    weights = [1.0 / (i + 1) ** 1.1 for i in range(n_entities)]
    for p in range(n_papers):
        pid = f"{2400 + p // 10000}.{p % 10000:05d}"
        pkey = f"paper/{pid}"
        title = f"Synthetic paper {p} on topic {p % 97}"
        _add_paper(g, pid, title, f"Abstract of synthetic paper {p}. " * 6,
                   f"2024-{1 + p % 12:02d}-{1 + p % 28:02d}", [f"Author {p % 501}", f"Author {p % 307}"])
        chosen = sorted(set(rng.choices(range(n_entities), weights=weights, k=rng.randint(2, 7))))
        for i in chosen:
            e = ents[i]
            rel = "proposes" if rng.random() < 0.03 else USE_RELATION[g.nodes[e]["type"]]
            g.add_edge(pkey, e, key=rel, relation=rel,
                       evidence=_evidence(f"We use {g.nodes[e]['name']} here.", g.nodes[e]["name"]))
            g.nodes[e]["support"] += 1
        if p % 3 == 0:
            _add_repo(g, pkey, f"https://github.com/org{p % 900}/repo{p}")
        if p % 5 == 0:
            lkey = f"link/example.org/p{p}"
            g.add_node(lkey, type="WebPage", label=f"example.org/p{p}", url=f"https://example.org/p{p}",
                       link_type="project")
            g.add_edge(pkey, lkey, key="hasLink", relation="hasLink")
        for _ in range(rng.randint(0, 3) if p else 0):
            q = rng.randrange(p)
            other = f"paper/{2400 + q // 10000}.{q % 10000:05d}"
            if rng.random() < 0.3:
                g.add_edge(pkey, other, key="buildsOn", relation="buildsOn", via=[ents[chosen[0]]])
            else:
                g.add_edge(pkey, other, key="relatedTo", relation="relatedTo",
                           weight=round(rng.random(), 3), shared=[ents[chosen[0]]])
    return g


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.views.sample", description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--papers", type=int, default=0, help="synthetic corpus size (0: the small sample graph)")
    ap.add_argument("--max-nodes", type=int, default=1500)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    g = synthetic_graph(args.papers) if args.papers else sample_graph()
    t1 = time.perf_counter()
    files = write_views(g, args.out_dir, max_nodes=args.max_nodes)
    t2 = time.perf_counter()
    print(f"graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges in {t1 - t0:.1f}s; "
          f"views: {len(files)} files in {t2 - t1:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
