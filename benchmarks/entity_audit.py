"""List suspicious entities of a build: the junk a reader notices first.

    python benchmarks/entity_audit.py OUTDIR [--examples N] [--json]

Reads ``OUTDIR/papers.jsonl`` (written by ``paperkg build``) and checks every
method, dataset and benchmark entity against shape classes that almost never
name an ML entity: maths or LaTeX debris, single letters and two-letter unit
shapes, ``~``/``\\``/``{`` in names, spans across a sentence break, person-name
and citation-key shapes, "e.g." prefixes, very long names, near-duplicate
names in one type, and one entity carrying two unrelated acronyms. Prints a
count per check (and up to N examples each); exit status 0 either way, the
counts are the result.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

__all__ = ["CHECKS", "audit", "audit_entities", "load_entities"]

_MATH = re.compile(r"[\\^_$]|\b(?:varepsilon|epsilon|Omega|Theta|Delta|sqrt|frac|mathcal|mathbb)\w*|"
                   r"\w\(\w*[\^_]|\d\s*[~<>=]\s*\d")
_BRACES = re.compile(r"[~\\{}]|--")
_SENTENCE_BREAK = re.compile(r"[a-z0-9)]\.[A-Z]")
_CITATION_KEY = re.compile(r"^[A-Z]{2,5}\+?\d{2}[a-z]?$")
_PERSON = re.compile(r"^[A-Z][a-z]+-[A-Z][a-z]+$")
_EG = re.compile(r"^(?:e\.g|i\.e|cf|etc)\b\.?", re.I)
_UNIT_PAIR = re.compile(r"^(?:[a-z][A-Z]|[A-Z]{2}|[A-Z][a-z])$")
_NUMBERISH = re.compile(r"^(?:sub-|over-|under-)?\d|\d[~x×]\d|^[A-Z][a-z]+\d+$")
_ODD_CASE = re.compile(r"^[a-z]+[A-Z][a-z]+[A-Z][a-z]*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,7}s?$")


def _key(name: str) -> str:
    s = unicodedata.normalize("NFKC", name).lower()
    s = re.sub(r"[^a-z0-9+*]+", "", s)
    s = s.replace("isation", "ization").replace("iser", "izer").replace("our", "or")
    return s[:-1] if len(s) > 3 and s.endswith("s") else s


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name)).upper()


CHECKS = {
    "maths/LaTeX debris": lambda e: bool(_MATH.search(e["name"])),
    "~ \\ { -- in name": lambda e: bool(_BRACES.search(e["name"])) or e["name"].endswith("-"),
    "single letter / two-letter unit shape": lambda e: len(e["name"]) == 1 or bool(_UNIT_PAIR.match(e["name"])),
    "span across a sentence break": lambda e: bool(_SENTENCE_BREAK.search(e["name"])),
    "citation key": lambda e: e["kind"] == "method" and bool(_CITATION_KEY.match(e["name"])),
    "person-name shape": lambda e: bool(_PERSON.match(e["name"])) and e["support"] == 1,
    "e.g./i.e. prefix": lambda e: bool(_EG.match(e["name"])),
    "number or size fragment": lambda e: bool(_NUMBERISH.search(e["name"])) and e["kind"] == "method"
    and not re.search(r"[A-Za-z]{3,}", e["name"]),
    "odd internal case": lambda e: bool(_ODD_CASE.match(e["name"])),
    "very long name (> 8 words or 70 chars)": lambda e: len(e["name"].split()) > 8 or len(e["name"]) > 70,
    "plural or dash-variant canonical name": lambda e: bool(re.search(r"[a-z]{3}s$", e["name"]))
    and e["name"][:1].isupper() and " " not in e["name"] and e["name"][:-1] in e["forms"]
    or _plural_of_known(e["name"]),
}


def _plural_of_known(name: str) -> bool:
    """"Vision Transformers", "VQ-VAEs": the plural of a name the word lists know in the singular."""
    from extractors.gazetteer import known_name

    hit = name.endswith("s") and not name.endswith("ss") and known_name(name[:-1])
    return bool(hit) and not hit[1].endswith("s")


def load_entities(outdir: Path) -> list[dict]:
    """One dict per entity of a build: id, kind, name, aliases, support, proposed."""
    ents: dict[str, dict] = {}
    with open(outdir / "papers.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            proposed = {p["id"] for p in rec.get("proposes", [])}
            for kind in ("methods", "datasets", "benchmarks"):
                for item in rec.get(kind, []):
                    e = ents.setdefault(item["id"], {"id": item["id"], "kind": kind[:-1], "name": item["name"],
                                                     "aliases": set(), "support": 0, "proposed": False})
                    e["aliases"].update(item.get("aliases", []))
                    e["support"] += 1
                    e["proposed"] |= item["id"] in proposed
    out = []
    for e in ents.values():
        e["aliases"] = sorted(e["aliases"])
        e["forms"] = {e["name"], *e["aliases"]}
        out.append(e)
    return sorted(out, key=lambda e: e["id"])


def audit_entities(entities: list[dict]) -> dict[str, list[str]]:
    """{check: [entity names]} for every check, near-duplicates and acronym clashes included."""
    found: dict[str, list[str]] = {name: [] for name in CHECKS}
    for e in entities:
        for name, check in CHECKS.items():
            if check(e):
                found[name].append(e["name"])
    by_key: dict[tuple, list[str]] = defaultdict(list)
    for e in entities:
        by_key[(e["kind"], _key(e["name"]))].append(e["name"])
    found["near-duplicate names in one type"] = sorted(
        " / ".join(sorted(names)) for names in by_key.values() if len(names) > 1)
    clashes = []
    for e in entities:
        acronyms = sorted({a.rstrip("s") for a in e["forms"] if _ACRONYM.match(a)})
        if len(acronyms) >= 2:
            initials = {a: set(a) for a in acronyms}
            if any(not (initials[a] & initials[b]) for a in acronyms for b in acronyms if a < b):
                clashes.append(f"{e['name']} ({', '.join(acronyms)})")
    found["two unrelated acronyms"] = clashes
    return found


def audit(outdir: Path) -> dict[str, list[str]]:
    return audit_entities(load_entities(outdir))


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    outdir = Path(argv[0])
    if not (outdir / "papers.jsonl").exists():
        print(f"entity_audit: {outdir}/papers.jsonl not found (run paperkg build first)", file=sys.stderr)
        return 2
    n_examples = int(argv[argv.index("--examples") + 1]) if "--examples" in argv else 8
    entities = load_entities(outdir)
    found = audit_entities(entities)
    if "--json" in argv:
        print(json.dumps({"entities": len(entities), "checks": {k: len(v) for k, v in found.items()},
                          "examples": {k: v[:n_examples] for k, v in found.items()}}, indent=2, ensure_ascii=False))
        return 0
    total = sum(len(v) for v in found.values())
    print(f"{len(entities)} entities, {total} flags")
    for name, hits in found.items():
        shown = "; ".join(hits[:n_examples]) + (" ..." if len(hits) > n_examples else "")
        print(f"{len(hits):>5}  {name}" + (f": {shown}" if hits else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
