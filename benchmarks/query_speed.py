"""Time every named query on Oxigraph (pyoxigraph) vs rdflib's default in-memory store.

    python benchmarks/query_speed.py --graph outputs/          # a built graph
    python benchmarks/query_speed.py --papers 2000             # synthetic graph via kg.graph

Both engines get the same Turtle file and the same query text; parameters
are bound with Oxigraph substitutions and rdflib ``initBindings``. Prints the
median milliseconds per engine and the rdflib/Oxigraph ratio.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyoxigraph as ox  # noqa: E402

from kg.queries import list_named, load_store, run_named  # noqa: E402
from kg.queries.loading import find_graph_file  # noqa: E402
from kg.queries.named import named_bindings  # noqa: E402
from kg.schema import PREFIXES  # noqa: E402

__all__ = ["synthetic_graph", "write_synthetic_turtle", "sample_params", "main"]

_WORDS = ("Sparse", "Neural", "Graph", "Vision", "Token", "Diffusion", "Policy", "Reward", "Latent", "Adaptive",
          "Causal", "Hybrid", "Contrastive", "Recurrent", "Quantized", "Mixture", "Retrieval", "Agentic")
_OWNERS = ("openai", "google-research", "facebookresearch", "huggingface", "microsoft", "deepseek-ai", "qwenlm",
           "thudm", "nvlabs", "allenai")


def synthetic_graph(n_papers: int, seed: int = 0):
    """A KnowledgeGraph of ``n_papers`` fake papers built by kg.graph.build_graph (no spaCy)."""
    from kg.graph import build_graph
    from kg.models import CorpusExtraction, Entity, EntityRef, Mention, Paper, PaperExtraction

    rng = random.Random(seed)
    n_entities = max(30, n_papers // 4)
    kinds = ["method"] * 6 + ["dataset"] * 2 + ["benchmark"] * 2
    entities = []
    for i in range(n_entities):
        kind = kinds[i % len(kinds)]
        name = f"{rng.choice(_WORDS)}{rng.choice(_WORDS)}-{i}"
        acronym = "".join(c for c in name if c.isupper()) + str(i)
        entities.append(Entity(f"{kind}/{name.lower()}", name, kind, (acronym,), 0))
    weights = [1.0 / (i + 1) for i in range(n_entities)]  # Zipf-like popularity
    papers, extractions, support = [], [], [0] * n_entities
    for i in range(n_papers):
        pid = f"{2400 + i // 9000 % 100:04d}.{i % 9000 + 10000:05d}"
        chosen = sorted(set(rng.choices(range(n_entities), weights=weights, k=rng.randint(3, 9))))
        title = f"{entities[chosen[0]].name} for {rng.choice(_WORDS)} learning"
        abstract = " ".join(f"We use {entities[j].name} here." for j in chosen)
        refs = {"method": [], "dataset": [], "benchmark": []}
        offset = 0
        for j in chosen:
            e = entities[j]
            support[j] += 1
            sentence = f"We use {e.name} here."
            m = Mention(e.kind, e.name, "abstract", offset + 7, offset + 7 + len(e.name), sentence, offset,
                        "gazetteer", 0.9)
            offset += len(sentence) + 1
            refs[e.kind].append(EntityRef(e.id, (m,), e.name))
        proposes = (entities[chosen[-1]].id,) if rng.random() < 0.3 else ()
        owner = rng.choice(_OWNERS)
        repo = Mention("repo", f"github.com/{owner}/r{i}", "abstract", 0, 1, abstract[:40], 0, "url", 1.0,
                       url=f"https://github.com/{owner}/r{i}", own=rng.random() < 0.7)
        papers.append(Paper(pid, title, abstract, date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", arxiv_id=pid,
                            authors=("A. Author", "B. Author")))
        extractions.append(PaperExtraction(pid, tuple(refs["method"]), tuple(refs["dataset"]),
                                           tuple(refs["benchmark"]), proposes, (repo,), ()))
    entities = tuple(Entity(e.id, e.name, e.kind, e.aliases, support[k]) for k, e in enumerate(entities))
    return build_graph(papers, CorpusExtraction(tuple(extractions), entities, "synthetic"))


def write_synthetic_turtle(n_papers: int, path: Path, seed: int = 0) -> Path:
    kg = synthetic_graph(n_papers, seed)
    ox.serialize((q.triple for q in kg.store), output=str(path), format=ox.RdfFormat.TURTLE)
    return path


def sample_params(store) -> dict[str, dict[str, str]]:
    """Realistic parameters per named query: the top method, the most built-on paper, papers with code and
    with the top method (for paper-code and why), a repo owner."""
    def first(sparql, default):
        for sol in store.query(sparql):
            return sol[0].value
        return default

    pkg = "".join(f"PREFIX {p}: <{ns}> " for p, ns in sorted(PREFIXES.items()))
    method = first(pkg + "SELECT ?n WHERE { ?e a pkg:Method ; pkg:support ?s ; skos:prefLabel ?n } ORDER BY DESC(?s) ?n LIMIT 1", "x")
    paper = first(pkg + "SELECT ?p WHERE { ?x pkg:buildsOn ?p . FILTER EXISTS { ?p pkg:relatedTo ?y } } "
                        "GROUP BY ?p ORDER BY DESC(COUNT(?x)) ?p LIMIT 1", "x")
    # why and paper-code get a paper that has rows for them: one using the top method (with code if any)
    top = first(pkg + "SELECT ?e WHERE { ?e a pkg:Method ; pkg:support ?s ; skos:prefLabel ?n } ORDER BY DESC(?s) ?n LIMIT 1",
                None)
    user = first(pkg + "SELECT ?p WHERE { ?p pkg:usesMethod <%s> } ORDER BY ?p LIMIT 1" % top, paper) if top else paper
    coder = first(pkg + "SELECT ?p WHERE { ?p pkg:hasCode ?c%s } ORDER BY ?p LIMIT 1"
                  % (" ; pkg:usesMethod <%s>" % top if top else ""), None)
    coder = coder or first(pkg + "SELECT ?p WHERE { ?p pkg:hasCode ?c } ORDER BY ?p LIMIT 1", paper)
    per_query = {"why": {"paper": user}, "paper-code": {"paper": coder}}
    owner = first(pkg + "SELECT ?n WHERE { ?o a pkg:Organization ; skos:prefLabel ?n } ORDER BY ?n LIMIT 1", "x")
    values = {"paper id": paper, "repo owner": owner}
    out = {}
    for q in list_named():
        out[q.name] = {p.name: per_query.get(q.name, {}).get(p.name, values.get(p.type, method))
                       for p in q.params if not p.optional}
    return out


def _to_rdflib(term):
    """An Oxigraph term for rdflib's initBindings; plain strings without a datatype, as rdflib parses them."""
    import rdflib
    from oxrdflib._converter import from_ox

    if isinstance(term, ox.Literal) and term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return rdflib.Literal(term.value)
    return from_ox(term)


class _Timeout(Exception):
    pass


def _with_timeout(fn, seconds: int):
    """Run ``fn`` with a wall-clock limit (SIGALRM; rdflib's engine is pure Python, so it is interruptible)."""
    import signal

    if seconds <= 0 or not hasattr(signal, "SIGALRM"):
        return fn
    def run():
        def stop(signum, frame):
            raise _Timeout
        old = signal.signal(signal.SIGALRM, stop)
        signal.alarm(seconds)
        try:
            return fn()
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)
    return run


def _median_ms(fn, repeat: int) -> tuple[float, int]:
    times, n = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", help="output folder or graph file (default: build a synthetic graph)")
    ap.add_argument("--papers", type=int, default=2000, help="synthetic graph size (default 2000)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query on Oxigraph (default 5)")
    ap.add_argument("--repeat-rdflib", type=int, default=3, help="runs per query on rdflib (default 3)")
    ap.add_argument("--no-rdflib", action="store_true", help="time Oxigraph only")
    ap.add_argument("--rdflib-timeout", type=int, default=300,
                    help="seconds per rdflib query run before it is stopped and reported as a lower bound (default 300)")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        if args.graph:
            ttl = find_graph_file(args.graph)
        else:
            t0 = time.perf_counter()
            ttl = write_synthetic_turtle(args.papers, Path(tmp) / "graph.ttl")
            print(f"synthetic graph: {args.papers} papers built in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        store = load_store(ttl)
        print(f"pyoxigraph bulk_load: {len(store)} triples in {(time.perf_counter() - t0) * 1000:.0f} ms")
        graph = None
        if not args.no_rdflib:
            import rdflib

            t0 = time.perf_counter()
            graph = rdflib.Graph()
            graph.parse(str(ttl), format="turtle")
            print(f"rdflib parse:         {len(graph)} triples in {(time.perf_counter() - t0) * 1000:.0f} ms")
        params = sample_params(store)
        print(f"\n{'query':24} {'rows':>6} {'oxigraph ms':>12} {'rdflib ms':>10} {'ratio':>7}")
        for q in list_named():
            p = params[q.name]
            ox_ms, rows = _median_ms(lambda: len(run_named(store, q.name, p).rows), args.repeat)
            line = f"{q.name:24} {rows:>6} {ox_ms:>12.2f}"
            if graph is not None:
                init = {k: _to_rdflib(v) for k, v in named_bindings(store, q, p).items()}
                run = _with_timeout(lambda: len(list(graph.query(q.text, initBindings=init))), args.rdflib_timeout)
                try:
                    rl_ms, rl_rows = _median_ms(run, args.repeat_rdflib)
                except _Timeout:
                    limit = args.rdflib_timeout * 1000
                    line += f" {'>' + str(limit):>10} {'>' + format(limit / max(ox_ms, 1e-6), '.0f'):>6}x  (stopped)"
                else:
                    flag = "" if rl_rows == rows else f"  (rdflib rows: {rl_rows})"
                    line += f" {rl_ms:>10.2f} {rl_ms / max(ox_ms, 1e-6):>6.1f}x{flag}"
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
