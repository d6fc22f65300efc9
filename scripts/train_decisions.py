"""Train the proposal decision model shipped as extractors/data/decisions.json.

    python scripts/train_decisions.py [--check] [--c 1.0]

Labels: the training split of benchmarks/gold (papers of ../shared/corpus,
joined by id), ../shared/gold/dev.jsonl, and the invented, annotated listings
of benchmarks/gold/invented-train.jsonl. The sealed split and the held-out
invented listings (benchmarks/gold/invented-heldout.jsonl) are never read.
Every candidate cluster the rules produce is an example, labelled 1 when one
of its surface forms is a gold "proposes" name (compared as the scorer
compares names). The model is an L2-regularised logistic regression
fitted with scipy's L-BFGS from a zero start (deterministic); the decision
threshold is the middle of the near-best plateau of the (smoothed) F1 curve
of 5-fold cross-validated probabilities of the real papers' candidates,
averaged over three repeats (folds by a hash of the paper id, salted per
repeat); see pick_threshold. ``--check`` retrains and
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

#: Invented listings with their annotation (benchmarks/gold/import_invented.py); text and labels in the repo.
INVENTED = ROOT / "benchmarks" / "gold" / "invented-train.jsonl"
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


def norm_forms(s: str) -> set[str]:
    """The scorer's name normalisation (case, dashes, spaces, a trailing plural "s"), applied to the
    name as paperkg's records show it: inline maths as text, and also without a generic head noun."""
    from extractors.canonical import _MATH, _math_text
    from extractors.record import _strip_generic_noun

    s = _MATH.sub(_math_text, str(s))
    stripped = _strip_generic_noun(s)
    return _norm_forms(s) | (_norm_forms(stripped) if stripped else set())


def _norm_forms(s: str) -> set[str]:
    n = unicodedata.normalize("NFKC", str(s)).translate(DASHES).lower()
    n = re.sub(r"\s+", " ", n).strip(" .,;:()[]{}\"'")
    out = {n}
    if len(n) > 3 and n.endswith("s") and not n.endswith("ss"):
        out.add(n[:-1])
    return out


def labelled_papers():
    """(papers, {paper id: gold record}, invented ids) for training: corpus train split + dev + invented listings."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import quality

    papers, gold = [], {}
    dev_gold = {}
    with open(quality.GOLD, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                dev_gold[rec["title"]] = rec
    for p in quality.load_dev_papers():
        papers.append(p)
        gold[p.id] = dev_gold[p.title]
    by_id = quality._corpus_papers()
    with open(quality.CORPUS_GOLD["train"], encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                papers.append(by_id[rec["id"]])
                gold[rec["id"]] = rec
    invented: set[str] = set()
    if INVENTED.exists():
        from kg.models import Paper

        with open(INVENTED, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    papers.append(Paper(id=rec["id"], title=rec["title"], abstract=rec["abstract"]))
                    gold[rec["id"]] = rec
                    invented.add(rec["id"])
    return papers, gold, invented


def _forms_of(items) -> set[str]:
    out = set()
    for item in items:
        names = [item] if isinstance(item, str) else [item["name"], *item.get("aliases", [])]
        for n in names:
            out |= norm_forms(n)
    return out


def examples(papers, gold, invented=frozenset()):
    """(X, y, fold, is a real paper) from one extraction pass over the training papers."""
    import extractors.decide as decide
    from extractors.decide import FEATURES
    from extractors.extract import extract_batch

    decide.RECORD = []
    try:
        extract_batch(papers)
        rows = decide.RECORD
    finally:
        decide.RECORD = None
    X, y, g, real = [], [], [], []
    for pid, cand, feats in rows:
        names = {m.text for m in cand.mentions} | {m.long_form for m in cand.mentions if m.long_form}
        forms = {f for n in names for f in norm_forms(n)}
        X.append([feats[k] for k in FEATURES])
        y.append(1.0 if forms & _forms_of(gold[pid]["proposes"]) else 0.0)
        g.append(fold_ids(pid))
        real.append(pid not in invented)
    return np.array(X), np.array(y), np.array(g).T, np.array(real, dtype=bool)


#: Cross-validation repeats, each with its own paper-to-fold assignment: one split's luck moved the
#: threshold a step when a handful of candidates changed; the mean over repeats is steadier.
CV_REPEATS = 3


def fold_ids(pid: str) -> list[int]:
    """The paper's fold (0-4) in each CV repeat, by a hash of its id (repeat 0: of the id alone)."""
    return [int(hashlib.sha1((pid if r == 0 else f"{r}:{pid}").encode()).hexdigest(), 16) % 5
            for r in range(CV_REPEATS)]


def fit(X: np.ndarray, y: np.ndarray, c: float, sw: np.ndarray | None = None) -> np.ndarray:
    """Weighted logistic regression weights (bias is feature 0, not penalised)."""
    penalty = np.ones(X.shape[1]) / c
    penalty[0] = 0.0
    sw = np.ones(len(y)) if sw is None else sw
    total = float(sw.sum())

    def loss(w):
        z = X @ w
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-12
        ll = -np.sum(sw * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))) / total
        grad = X.T @ (sw * (p - y)) / total + penalty * w / total
        return ll + 0.5 * np.sum(penalty * w * w) / total, grad

    res = minimize(loss, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return res.x


def f1_at(prob, y, t, beta: float = 1.0):
    pred = prob >= t
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0)))
    fn = float(np.sum(~pred & (y == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    b2 = beta * beta
    return ((1 + b2) * p * r / (b2 * p + r) if p + r else 0.0), p, r


#: Smoothed cross-validated F1 within this of the best counts as equally good (CV noise is larger).
THRESHOLD_TOLERANCE = 0.005


def pick_threshold(thresholds: list[float], scores: list[float]) -> float:
    """The F1 curve is flat and noisy near its top (0.25 to 0.65 within 0.006 on the real candidates): a
    plain argmax jumped from one end of that plateau to the other when a single candidate changed. Each
    threshold's score is the mean of it and its two neighbours (an end of the grid, with one neighbour, is
    no candidate); every threshold within THRESHOLD_TOLERANCE of the best is equally good, and the middle
    one of those (the lower middle for an even count) is taken, which moves little as the curve wobbles."""
    smooth = {t: float(np.mean(scores[i - 1:i + 2])) for i, t in enumerate(thresholds) if 0 < i < len(scores) - 1}
    best = max(smooth.values())
    band = sorted(t for t, s in smooth.items() if s >= best - THRESHOLD_TOLERANCE)
    return band[(len(band) - 1) // 2]


def train_one(X, y, groups, features, c: float, beta: float = 1.0, real=None) -> tuple[dict, str]:
    """Fit, and pick the threshold maximising cross-validated F-beta (beta < 1 favours precision) on the
    real papers' candidates (invented listings add training examples, not the yardstick)."""
    real = np.ones(len(y), dtype=bool) if real is None else real
    # invented listings add examples but never outweigh the real papers' distribution: their total weight is
    # at most the real candidates' (each weighs min(1, real / invented))
    n_real, n_inv = int(real.sum()), int((~real).sum())
    sw = np.where(real, 1.0, min(1.0, n_real / n_inv) if n_inv else 1.0)
    groups = np.atleast_2d(groups)  # (repeats, candidates): fold of each candidate's paper per repeat
    cvs = []
    for folds in groups:
        cv = np.zeros(len(y))
        for k in range(5):
            w = fit(X[folds != k], y[folds != k], c, sw[folds != k])
            cv[folds == k] = 1.0 / (1.0 + np.exp(-(X[folds == k] @ w)))
        cvs.append(cv[real])
    y_all, y = y, y[real]
    thresholds = [round(t, 2) for t in np.arange(0.2, 0.81, 0.05)]
    best = pick_threshold(thresholds, [float(np.mean([f1_at(cv, y, t, beta)[0] for cv in cvs])) for t in thresholds])
    f1, p, r = (float(np.mean(v)) for v in zip(*(f1_at(cv, y, best) for cv in cvs)))
    w = fit(X, y_all, c, sw)
    model = {"features": list(features), "weights": [round(float(v), 6) for v in w], "threshold": best,
             "trained_on": {"candidates": int(len(y_all)), "positives": int(y_all.sum()),
                            "invented_candidates": int((~real).sum())},
             "cv": {"p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3), "c": c, "beta": beta}}
    report = (f"{len(y_all)} candidates ({int((~real).sum())} from invented listings), {int(y_all.sum())} positive; "
              f"5-fold CV ({len(cvs)} repeats) on the {len(y)} real papers' candidates at threshold {best}: "
              f"P {p:.3f} R {r:.3f} F1 {f1:.3f} (candidate level)")
    return model, report


def train(c: float = 1.0) -> tuple[dict, list[str]]:
    from extractors.decide import FEATURES

    papers, gold, invented = labelled_papers()
    X, y, groups, real = examples(papers, gold, invented)
    model, report = train_one(X, y, groups, FEATURES, c, real=real)
    reports = [f"{len(papers)} training papers (corpus train split + dev + invented)", f"proposes: {report}"]
    for feature, weight in sorted(zip(FEATURES, model["weights"]), key=lambda t: -abs(t[1])):
        reports.append(f"    {weight:+8.3f}  {feature}")
    return {"proposes": model}, reports


def main(argv: list[str]) -> int:
    from extractors.decide import MODEL_PATH

    c = float(argv[argv.index("--c") + 1]) if "--c" in argv else 1.0
    models, reports = train(c)
    text = json.dumps(models, indent=1) + "\n"
    print("\n".join(reports))
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
