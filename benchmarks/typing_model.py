"""Would a learned data-or-method decision type entities better than the rules? (a measurement, not shipped)

    python benchmarks/typing_model.py [--external GOLD.jsonl ... [--half train|held]]

Every entity cluster the extractor outputs for a labelled paper (a name with its acronym and variants) whose
surface forms match exactly one kind of gold entity (method, or dataset/benchmark) is an example. Features: the
type the rules gave, the rules and cues that found its mentions, the gazetteer's kind, the name's suffix kind and
shape, whether it is in the title or proposed, and the words within three of each mention (the words, never the
name). An L2-regularised logistic regression (scripts/train_decisions.fit, deterministic) is scored against the
rules' own type:

* 5-fold cross-validation (folds by paper) on the labels in the repository: the corpus training split, the dev
  set and the invented training listings (scripts/train_decisions.labelled_papers);
* with ``--external``, trained on all of those and scored on other gold files that carry their text (records of
  the dev.jsonl shape with "title" and "abstract"; ``--half`` keeps even or odd lines), aggregate only.

Needs ../shared (the corpus the training split is keyed to); exits 0 with a message without it.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "scripts", ROOT / "benchmarks"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

DATA = ("dataset", "benchmark")
_WORD = re.compile(r"[A-Za-z%][\w%-]*|\d+(?:\.\d+)?")
C_VALUES = (0.1, 0.3, 1.0, 3.0)


def _context(text: str, start: int, end: int, n: int = 3) -> tuple[list[str], list[str]]:
    def norm(w: str) -> str:
        return "<num>" if w[0].isdigit() else w.lower()
    return [norm(w) for w in _WORD.findall(text[max(0, start - 60):start])[-n:]], \
        [norm(w) for w in _WORD.findall(text[end:end + 60])[:n]]


def cluster_features(paper, mentions) -> tuple[dict[str, float], str]:
    """(features, the rules' kind) of one cluster of mentions."""
    from extractors.cues import name_shape, suffix_kind
    from extractors.gazetteer import known_name

    f: Counter = Counter()
    kind = Counter(m.kind for m in mentions).most_common(1)[0][0]
    f["rule_kind_data"] = 1.0 if kind in DATA else 0.0
    for m in mentions:
        for part in m.rule.split("+"):
            pieces = part.split(":")
            f["rule=" + ":".join(pieces[:2] if pieces[0] in ("cue", "proposes") else pieces[:1])] = 1.0
        text = paper.title if m.field == "title" else paper.abstract
        left, right = _context(text or "", m.start, m.end)
        for i, w in enumerate(reversed(left)):
            f[f"L{i + 1}={w}"] += 1.0
            f[f"W={w}"] += 0.5
        for i, w in enumerate(right):
            f[f"R{i + 1}={w}"] += 1.0
            f[f"W={w}"] += 0.5
        f["in_title"] = max(f["in_title"], 1.0 if m.field == "title" else 0.0)
        f["proposed"] = max(f["proposed"], 1.0 if m.proposed else 0.0)
    name = mentions[0].text
    known = known_name(name)
    f["gazetteer=" + (known[0] if known else "none")] = 1.0
    f["suffix=" + str(suffix_kind(name))] = 1.0
    f["shape=" + str(name_shape(name.split()[0]) if name.split() else None)] = 1.0
    f["multiword"] = 1.0 if " " in name else 0.0
    f["digit"] = 1.0 if any(c.isdigit() for c in name) else 0.0
    f["log_mentions"] = math.log1p(len(mentions))
    return {k: min(v, 2.0) for k, v in f.items()}, kind


def examples(papers, gold) -> list[tuple[str, dict, float, str]]:
    """(paper id, features, 1 = data / 0 = method, the rules' kind) for every cluster matching one gold kind."""
    import train_decisions as td
    from extractors.canonical import canonical_key
    from extractors.extract import extract_batch

    rows = []
    for paper, mentions in zip(papers, extract_batch(papers)):
        clusters: dict[str, list] = defaultdict(list)
        for m in mentions:
            if m.kind in ("method", *DATA):
                clusters[canonical_key(m.long_form or m.text)].append(m)
        g = gold[paper.id]
        data_forms = td._forms_of(g.get("datasets", []) + g.get("benchmarks", []))
        method_forms = td._forms_of(g.get("methods", []))
        for key in sorted(clusters):
            ms = clusters[key]
            forms = {x for m in ms for n in (m.text, m.long_form) if n for x in td.norm_forms(n)}
            is_data, is_method = bool(forms & data_forms), bool(forms & method_forms)
            if is_data != is_method:
                feats, kind = cluster_features(paper, ms)
                rows.append((paper.id, feats, 1.0 if is_data else 0.0, kind))
    return rows


def _matrix(rows, vocab):
    import numpy as np

    X = np.zeros((len(rows), len(vocab) + 1))
    X[:, 0] = 1.0
    for i, (_, feats, _, _) in enumerate(rows):
        for k, v in feats.items():
            j = vocab.get(k)
            if j is not None:
                X[i, j] = v
    return X, np.array([r[2] for r in rows])


def _rule_correct(rows):
    import numpy as np

    rule = np.array([1.0 if r[3] in DATA else 0.0 for r in rows])
    return rule == np.array([r[2] for r in rows])


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--external", nargs="*", default=[], help="gold JSONL files with title and abstract")
    ap.add_argument("--half", choices=("train", "held"), help="keep even (train) or odd (held) lines")
    args = ap.parse_args(argv)
    import quality

    if not quality.available():
        print(f"gold set, corpus or scorer not found under {quality.SHARED}: nothing to measure")
        return 0
    import numpy as np
    import train_decisions as td
    from kg.models import Paper

    papers, gold, _ = td.labelled_papers()
    rows = examples(papers, gold)
    vocab: dict[str, int] = {}
    for _, feats, _, _ in rows:
        for k in sorted(feats):
            vocab.setdefault(k, len(vocab) + 1)
    X, y = _matrix(rows, vocab)
    folds = np.array([td.fold_ids(r[0])[0] for r in rows])
    rule_ok = _rule_correct(rows)
    print(f"{len(rows)} clusters of {len(papers)} labelled papers; rules' type right: {rule_ok.mean():.4f}")
    for c in C_VALUES:
        pred = np.zeros(len(rows))
        for k in range(5):
            w = td.fit(X[folds != k], y[folds != k], c)
            pred[folds == k] = X[folds == k] @ w > 0
        print(f"  C={c}: model right (5-fold CV): {(pred == y).mean():.4f}")
    if args.external:
        ext_papers, ext_gold = [], {}
        for path in args.external:
            with open(path, encoding="utf-8") as fh:
                for i, line in enumerate(fh):
                    if not line.strip() or (args.half == "train" and i % 2) or (args.half == "held" and not i % 2):
                        continue
                    rec = json.loads(line)
                    pid = f"{Path(path).name}:{i}"
                    ext_papers.append(Paper(id=pid, title=rec["title"], abstract=rec["abstract"]))
                    ext_gold[pid] = rec
        ext = examples(ext_papers, ext_gold)
        Xe, ye = _matrix(ext, vocab)
        print(f"external: {len(ext)} clusters of {len(ext_papers)} papers; rules' type right: "
              f"{_rule_correct(ext).mean():.4f}")
        for c in C_VALUES:
            w = td.fit(X, y, c)
            print(f"  C={c}: model right: {((Xe @ w > 0) == ye).mean():.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
