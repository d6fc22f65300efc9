"""Train the proposal decision model shipped as extractors/data/decisions.json.

    python scripts/train_decisions.py [--check] [--c 1.0]

Labels: the training split of benchmarks/gold (papers of ../shared/corpus,
joined by id) and ../shared/gold/dev.jsonl. The sealed split is never read.
Every candidate cluster the rules produce is a training example, labelled 1
when one of its surface forms is a gold "proposes" name (compared as the
scorer compares names). The model is an L2-regularised logistic regression
fitted with scipy's L-BFGS from a zero start (deterministic); the decision
threshold is the one that maximises F1 over 5-fold cross-validated
probabilities (folds by a hash of the paper id). ``--check`` retrains and
fails if the result differs from the shipped file.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


def norm_forms(s: str) -> set[str]:
    """The scorer's name normalisation: case, dashes, spaces, a trailing plural "s"."""
    n = unicodedata.normalize("NFKC", str(s)).translate(DASHES).lower()
    n = re.sub(r"\s+", " ", n).strip(" .,;:()[]{}\"'")
    out = {n}
    if len(n) > 3 and n.endswith("s") and not n.endswith("ss"):
        out.add(n[:-1])
    return out


def labelled_papers():
    """(papers, {paper id: set of normalised gold proposes names}) for training: corpus train split + dev."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import quality

    papers, gold = [], {}
    dev_papers = quality.load_dev_papers()
    dev_gold = {}
    with open(quality.GOLD, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                dev_gold[rec["title"]] = rec
    for p in dev_papers:
        papers.append(p)
        gold[p.id] = {f for name in dev_gold[p.title]["proposes"] for f in norm_forms(name)}
    by_id = quality._corpus_papers()
    with open(quality.CORPUS_GOLD["train"], encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                papers.append(by_id[rec["id"]])
                gold[rec["id"]] = {f for name in rec["proposes"] for f in norm_forms(name)}
    return papers, gold


def examples(papers, gold):
    import extractors.decide as decide
    from extractors.decide import FEATURES
    from extractors.extract import extract_batch

    decide.RECORD = []
    try:
        extract_batch(papers)
        rows = decide.RECORD
    finally:
        decide.RECORD = None
    X, y, groups = [], [], []
    for pid, cand, feats in rows:
        names = {m.text for m in cand.mentions} | {m.long_form for m in cand.mentions if m.long_form}
        forms = {f for n in names for f in norm_forms(n)}
        X.append([feats[k] for k in FEATURES])
        y.append(1.0 if forms & gold[pid] else 0.0)
        groups.append(int(hashlib.sha1(pid.encode()).hexdigest(), 16) % 5)
    return np.array(X), np.array(y), np.array(groups)


def fit(X: np.ndarray, y: np.ndarray, c: float) -> np.ndarray:
    """Logistic regression weights (bias is feature 0, not penalised)."""
    penalty = np.ones(X.shape[1]) / c
    penalty[0] = 0.0

    def loss(w):
        z = X @ w
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-12
        ll = -np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        grad = X.T @ (p - y) / len(y) + penalty * w / len(y)
        return ll + 0.5 * np.sum(penalty * w * w) / len(y), grad

    res = minimize(loss, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return res.x


def f1_at(prob, y, t):
    pred = prob >= t
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0)))
    fn = float(np.sum(~pred & (y == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def train(c: float = 1.0) -> tuple[dict, str]:
    from extractors.decide import FEATURES

    papers, gold = labelled_papers()
    X, y, groups = examples(papers, gold)
    cv = np.zeros(len(y))
    for k in range(5):
        w = fit(X[groups != k], y[groups != k], c)
        cv[groups == k] = 1.0 / (1.0 + np.exp(-(X[groups == k] @ w)))
    thresholds = [round(t, 2) for t in np.arange(0.2, 0.81, 0.05)]
    best = max(thresholds, key=lambda t: (round(f1_at(cv, y, t)[0], 4), -abs(t - 0.5)))
    f1, p, r = f1_at(cv, y, best)
    w = fit(X, y, c)
    model = {"features": list(FEATURES), "weights": [round(float(v), 6) for v in w], "threshold": best,
             "trained_on": {"papers": len(papers), "candidates": int(len(y)), "positives": int(y.sum())},
             "cv": {"p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3), "c": c}}
    report = (f"{len(papers)} papers, {len(y)} candidates, {int(y.sum())} own names; 5-fold CV at threshold "
              f"{best}: P {p:.3f} R {r:.3f} F1 {f1:.3f} (candidate level)")
    return model, report


def main(argv: list[str]) -> int:
    from extractors.decide import MODEL_PATH

    c = float(argv[argv.index("--c") + 1]) if "--c" in argv else 1.0
    model, report = train(c)
    text = json.dumps({"proposes": model}, indent=1) + "\n"
    print(report)
    for name, weight in sorted(zip(model["features"], model["weights"]), key=lambda t: -abs(t[1])):
        print(f"  {weight:+8.3f}  {name}")
    if "--check" in argv:
        if MODEL_PATH.read_text(encoding="utf-8") != text:
            print(f"{MODEL_PATH} differs from a fresh training run", file=sys.stderr)
            return 1
        print(f"{MODEL_PATH} matches a fresh training run")
        return 0
    MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
