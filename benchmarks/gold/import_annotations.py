"""Store annotator output as paperkg's corpus gold: labels keyed by paper id, split train/sealed.

    python benchmarks/gold/import_annotations.py ANNOTATED.jsonl ... [--sealed 130]
    python benchmarks/gold/import_annotations.py MORE.jsonl ... --add-to-train

Each input line is one annotated paper of ``../shared/corpus`` in the format of
``../shared/gold/GUIDELINES.md`` plus its paperkg ``id``. Titles and abstracts
are not stored (they are joined from ``../shared/corpus`` at evaluation time).
The split is fixed by a hash of the id, never by content: the ``--sealed``
papers with the smallest ``sha1("sealed:" + id)`` form the sealed split.
``--add-to-train`` adds papers annotated later to the training split and
leaves the sealed split exactly as it was (a sealed split never grows or
changes after its scores have been reported).
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = ("methods", "datasets", "benchmarks", "proposes", "acceptable", "repos", "links")


def _read(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as fh:
        return {rec["id"]: rec for rec in map(json.loads, filter(str.strip, fh))}


def main(argv: list[str]) -> int:
    n_sealed = int(argv[argv.index("--sealed") + 1]) if "--sealed" in argv else 130
    files = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--sealed")]
    records: dict[str, dict] = {}
    for name in files:
        with open(name, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                rec = json.loads(line)
                if rec["id"] in records:
                    raise SystemExit(f"{name}:{n}: paper {rec['id']} annotated twice")
                records[rec["id"]] = {"id": rec["id"], **{k: rec.get(k, []) for k in KEYS}}
    if "--add-to-train" in argv:
        existing = {split: _read(HERE / f"corpus-{split}.jsonl") for split in ("sealed", "train")}
        clash = sorted(set(records) & (set(existing["sealed"]) | set(existing["train"])))
        if clash:
            raise SystemExit(f"already annotated: {', '.join(clash[:5])}")
        records.update(existing["sealed"])
        records.update(existing["train"])
        sealed = sorted(existing["sealed"])
        train = sorted(set(records) - set(sealed))
    else:
        order = sorted(records, key=lambda pid: hashlib.sha1(f"sealed:{pid}".encode()).hexdigest())
        sealed, train = sorted(order[:n_sealed]), sorted(order[n_sealed:])
    for split, ids in (("sealed", sealed), ("train", train)):
        path = HERE / f"corpus-{split}.jsonl"
        path.write_text("".join(json.dumps(records[i], ensure_ascii=False) + "\n" for i in ids), encoding="utf-8")
        print(f"wrote {len(ids)} papers to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
