"""Store invented, annotated paper listings as extra training data for the proposal model.

    python benchmarks/gold/import_invented.py TEXTS.jsonl LABELS.jsonl [TEXTS2 LABELS2 ...] [--heldout]

TEXTS lines are {"id", "title", "abstract"}: listings written for paperkg by
one person (new names, new wording; no sentence taken from ../shared/corpus
or the dev set), so their text may live in the repository. LABELS lines are
another person's annotation of those texts per ../shared/gold/GUIDELINES.md
("n" = the text's id), made by reading title and abstract only. Both are
joined by id into ``invented-train.jsonl`` (sorted by id): training data,
never part of a reported score. With ``--heldout`` they go to
``invented-heldout.jsonl`` instead: never trained on, scored only in
aggregate by ``benchmarks/quality.py`` (the ``heldout`` split).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "invented-train.jsonl"
HELDOUT = HERE / "invented-heldout.jsonl"
KEYS = ("methods", "datasets", "benchmarks", "proposes", "acceptable", "repos", "links")


def _read(path: str, key: str) -> dict[str, dict]:
    out: dict[str, dict] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                rec = json.loads(line)
                if rec[key] in out:
                    raise SystemExit(f"{path}:{n}: {rec[key]} appears twice")
                out[rec[key]] = rec
    return out


def main(argv: list[str]) -> int:
    out = HELDOUT if "--heldout" in argv else OUT
    argv = [a for a in argv if a != "--heldout"]
    if not argv or len(argv) % 2:
        raise SystemExit(__doc__)
    rows: dict[str, dict] = {}
    for texts_path, labels_path in zip(argv[::2], argv[1::2]):
        texts, labels = _read(texts_path, "id"), _read(labels_path, "n")
        missing = sorted(set(texts) ^ set(labels))
        if missing:
            raise SystemExit(f"{labels_path}: texts and labels differ for {', '.join(missing[:5])}")
        for pid, text in texts.items():
            lab = labels[pid]
            rows[pid] = {"id": pid, "title": text["title"], "abstract": text["abstract"],
                         **{k: lab.get(k, []) for k in KEYS}}
    out.write_text("".join(json.dumps(rows[k], ensure_ascii=False) + "\n" for k in sorted(rows)), encoding="utf-8")
    print(f"wrote {len(rows)} invented papers to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
