"""Output amplification: bytes in vs bytes out for abstracts dense with entity names.

    python benchmarks/amplification.py [--papers 20] [--shape sentences|runon] [--seed 0]
                                       [--keep DIR] [--jobs 1]

writes ``--papers`` JSON Lines records whose abstracts are just under the
ingest length limit (``kg.ingest.records.MAX_ABSTRACT_CHARS``) and made of
known method, dataset and benchmark names (the bundled gazetteer, so nothing
is copied from any corpus), builds them with ``paperkg build`` into a
temporary folder (or ``--keep DIR``) and prints the bytes of the input and of
every part of the output (``papers.jsonl``, ``graph.ttl``, the pages, the
extraction cache, the rest) with the ratio out/in.

Shapes: ``sentences`` writes list sentences of about 550 characters ("We
compare A, B, C and D on E and F."), each naming some 25 entities;
``runon`` writes the same names with no full stop at all, so every mention
sits in one 100,000-character "sentence" and its evidence is a window of it.

Same (papers, shape, seed) -> the same input bytes.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHAPES = ("sentences", "runon")
_OPENERS = ("We compare", "Our study covers", "The experiments use", "We evaluate", "Baselines include")


def _names() -> list[str]:
    from extractors.gazetteer import load_gazetteer

    out = []
    for entry in load_gazetteer():
        name = entry.name
        if 3 <= len(name) <= 40 and name.replace(" ", "").replace("-", "").isalnum():
            out.append(name)
    return sorted(set(out))


def make_records(papers: int = 20, shape: str = "sentences", seed: int = 0) -> list[dict]:
    """``papers`` records {id, title, abstract} with abstracts just under the length limit."""
    from kg.ingest.records import MAX_ABSTRACT_CHARS

    names = _names()
    limit = MAX_ABSTRACT_CHARS - 100  # just under the limit
    records = []
    for i in range(papers):
        rng = random.Random(f"{seed}:{i}")
        parts: list[str] = []
        size = 0
        while True:
            picked = rng.sample(names, 25)
            if shape == "sentences":
                s = f"{rng.choice(_OPENERS)} {', '.join(picked[:-2])} and {picked[-2]} on {picked[-1]}. "
            else:
                s = ", ".join(picked) + ", "
            if size + len(s) > limit:
                break
            parts.append(s)
            size += len(s)
        records.append({"id": f"amp-{i:03d}", "title": f"A dense listing {i} of names",
                        "abstract": "".join(parts).strip()})
    return records


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else (
        path.stat().st_size if path.exists() else 0)


def measure(out: Path) -> dict[str, int]:
    parts = {
        "papers.jsonl": _size(out / "papers.jsonl"),
        "graph.ttl": _size(out / "graph.ttl"),
        "analytics.ttl": _size(out / "analytics.ttl"),
        "paper pages": _size(out / "paper"),
        "entity pages": _size(out / "entity"),
        "cache": _size(out / ".cache"),
    }
    total = _size(out)
    parts["other"] = total - sum(parts.values())
    parts["total"] = total
    return parts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--papers", type=int, default=20)
    ap.add_argument("--shape", choices=SHAPES, default="sentences")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--keep", metavar="DIR", default=None, help="build here and keep the outputs")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="paperkg-amp-") as tmp:
        inp = Path(tmp) / "dense.jsonl"
        with open(inp, "w", encoding="utf-8") as fh:
            for rec in make_records(args.papers, args.shape, args.seed):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        out = Path(args.keep) if args.keep else Path(tmp) / "out"
        cmd = [sys.executable, "-m", "kg", "build", str(inp), "-o", str(out), "-q", "--jobs", str(args.jobs)]
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stderr.strip(), file=sys.stderr)
            return proc.returncode
        bytes_in = inp.stat().st_size
        parts = measure(out)
        print(f"{args.papers} papers, shape {args.shape}: {bytes_in:,} bytes in")
        for name, n in parts.items():
            print(f"  {name:<14} {n:>14,} bytes  {n / bytes_in:8.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
