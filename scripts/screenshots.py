"""Regenerate the README screenshots docs/img/overview.png, docs/img/entity.png and docs/img/rising.png.

overview.png is the map; entity.png the top of the page of the first entity
of the Rising list (else the most supported method), with its papers-per-month
timeline; rising.png the index page's Rising list.

Builds the views for the bundled demo corpus (kg.api.build on
kg.ingest.default_corpus_paths()), or for the hand-made sample graph when the
pipeline is unavailable or --sample is given, and photographs them in headless
Debian Chromium driven by the Python ``playwright`` package (no browser
download: ``--chromium`` points at the system binary).

    python scripts/screenshots.py [--sample] [--out docs/img] [--chromium /usr/bin/chromium]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.atomic import write_bytes  # noqa: E402
from kg.errors import PaperkgError  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def demo_graph(sample: bool):
    """The demo corpus graph, or the sample graph when asked or when the pipeline is missing."""
    from kg.views.sample import sample_graph

    if sample:
        return sample_graph(), "sample graph"
    try:
        from kg.api import build
        from kg.ingest import default_corpus_paths

        return build(default_corpus_paths()), "demo corpus"
    except (ImportError, AttributeError) as exc:
        print(f"pipeline unavailable ({exc}); using the sample graph", file=sys.stderr)
        return sample_graph(), "sample graph"


def pick_entity(site: Path, graph) -> Path:
    """The page of the entity that rose most (its timeline shows the trend), else of the most supported method."""
    from kg.graph.trends import rising
    from kg.views.context import assign_pages, node_support, node_type

    g = getattr(graph, "nx", graph)
    rows = rising(g)
    if rows and rows[0]["entity"] in g:
        return site / assign_pages(g).get(rows[0]["entity"])
    methods = [k for k in g.nodes if node_type(g, k) == "Method"] or \
              [k for k in g.nodes if node_type(g, k) in ("Dataset", "Benchmark")]
    if not methods:
        raise PaperkgError("the graph has no entities to photograph")
    best = min(methods, key=lambda k: (-node_support(g, k), k))
    return site / assign_pages(g).get(best)


def shoot(url: str, dest: Path, chromium: str, width: int = 1400, height: int = 900, full_page: bool = False,
          selector: str | None = None) -> None:
    """A screenshot of the page at ``url`` (of the element ``selector`` only, when given)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(profile, executable_path=chromium, headless=True, args=FLAGS,
                                                    viewport={"width": width, "height": height})
        page = ctx.new_page()
        page.goto(url)
        if selector:  # a part of a page without a graph
            page.wait_for_selector(selector, timeout=60000)
        else:
            page.wait_for_function("document.body.getAttribute('data-first-draw-ms') !== null", timeout=60000)
        page.wait_for_timeout(300)
        png = page.locator(selector).screenshot() if selector else page.screenshot(full_page=full_page)
        ctx.close()
    write_bytes(dest, png)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", action="store_true", help="use the hand-made sample graph")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args(argv)
    if not Path(args.chromium).exists():
        print(f"chromium not found at {args.chromium} (apt-get install -y chromium)", file=sys.stderr)
        return 2
    from kg.views import write_views

    graph, what = demo_graph(args.sample)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        write_views(graph, site, title="paperkg demo")
        shoot((site / "overview.html").as_uri(), args.out / "overview.png", args.chromium, height=1250)
        shoot(pick_entity(site, graph).as_uri(), args.out / "entity.png", args.chromium, height=760)
        shoot((site / "index.html").as_uri(), args.out / "rising.png", args.chromium, selector="#pk-rising")
    print(f"wrote overview.png, entity.png and rising.png in {args.out} from the {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
