"""Why pages change when listings are added: the paper/entity view models of two corpora, field by field.

    python benchmarks/page_churn.py LISTINGS_DIR [--add 1] [--cache DIR] [--year 2025]

Builds the graphs of the first N-``--add`` listings and of all N (extraction through the cache
at ``--cache``, so a folder of an earlier build makes this quick), computes the view model of
every page present in both (kg.views.pages.paper_page / entity_page) and counts, per
top-level field, the pages where it differs, and the pages whose data record (assets/data/XX.js:
the related papers and the relatedTo edges and added nodes of the drawing; the supports, sizes,
weights and the timeline's window are in assets/figures.js) differs, with its fields.
View models hold only local data since the figures moved to the data shards, so "view changed"
is what an incremental build renders; the count "without the drawing and supports" is kept for
comparison with the earlier measurements (it drops the fields that used to carry those figures).
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.corpus import extract_corpus  # noqa: E402
from kg.graph import DEFAULT_BASE_IRI, build_graph  # noqa: E402
from kg.ingest import read_inputs  # noqa: E402
from listings import listing_args  # noqa: E402
from kg.views.context import RenderContext, assign_pages  # noqa: E402
from kg.views.pages import entity_page, paper_page  # noqa: E402

#: Fields that carry corpus-wide figures (or drawings made from them).
CORPUS_WIDE = {"graph", "related", "timeline", "support"}


def _local(view: dict) -> dict:
    """The view without corpus-wide figures: supports dropped from rows, corpus-wide fields removed."""
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in CORPUS_WIDE}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(view)


def _views(files, cache, year):
    ing = read_inputs(files, year=year)
    ex = extract_corpus(ing.papers, cache_dir=cache)
    g = build_graph(ing.papers, ex, base_iri=DEFAULT_BASE_IRI).nx
    ctx = RenderContext(g, assign_pages(g))
    return ctx


def main(argv=None) -> int:
    args, before, files = listing_args(__doc__.split("\n")[0], argv)
    a, b = _views(before, args.cache, args.year), _views(files, args.cache, args.year)
    changed, local_changed, total, data_changed = Counter(), Counter(), Counter(), Counter()
    field_changed: Counter = Counter()
    pages_b = dict(b.names.items())
    for key, page in a.names.items():
        if pages_b.get(key) != page:
            continue
        kind = "paper" if a.tables.type[key] == "Paper" else "entity"
        make = paper_page if kind == "paper" else entity_page
        (va, ra), (vb, rb) = make(a, key), make(b, key)
        data_changed[kind] += ra != rb
        for f in sorted(set(ra) | set(rb)):
            if ra.get(f) != rb.get(f):
                field_changed[(kind, "record." + f)] += 1
        a.trim(), b.trim()
        total[kind] += 1
        if va != vb:
            changed[kind] += 1
            for f in sorted(set(va) | set(vb)):
                if va.get(f) != vb.get(f):
                    field_changed[(kind, f)] += 1
            if _local(va) != _local(vb):
                local_changed[kind] += 1
    for kind in ("paper", "entity"):
        print(f"{kind} pages in both: {total[kind]}; view changed: {changed[kind]} "
              f"({100 * changed[kind] / max(1, total[kind]):.1f} %); without the drawing and supports: "
              f"{local_changed[kind]} ({100 * local_changed[kind] / max(1, total[kind]):.1f} %); data record changed: "
              f"{data_changed[kind]} ({100 * data_changed[kind] / max(1, total[kind]):.1f} %)")
        for (k, f), n in sorted(field_changed.items(), key=lambda x: -x[1]):
            if k == kind:
                print(f"    {f:<16} {n:7d} ({100 * n / max(1, total[kind]):.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
