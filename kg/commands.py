"""``paperkg build`` and ``paperkg extract``: their arguments and the calls into :mod:`kg.pipeline`.

Imported by :mod:`kg.cli` only when one of the two subcommands runs.
"""
from __future__ import annotations

import argparse

from kg.ingest import INPUT_FORMATS
from kg.ingest.dates import check_year
from kg.pipeline import build_job, extract_job

__all__ = ["register_build", "register_extract"]


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", dest="fmt", choices=INPUT_FORMATS, help="input format (default: detected from content)")
    p.add_argument("--strict", action="store_true", help="stop at the first unreadable input")
    p.add_argument("--jobs", "-j", type=_at_least(1), default=1, help="extraction processes (default 1)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    p.add_argument("--year", type=_year, default=None,
                   help="year of Daily Papers day headings written without one (\"Aug 25\"); "
                        "default: inferred from the file's headings that have one")
    p.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run extraction on this Dask scheduler (e.g. tcp://host:8786); needs paperkg[dask]")


def _at_least(low: int):
    """An argparse type: an integer not below ``low`` ("--jobs 0" is refused in one line, not run as one job)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, got {value}")
        return value
    return parse


def _year(text: str) -> int:
    try:
        return check_year(int(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc) if text.strip().lstrip("-").isdigit()
                                         else f"not a year: {text!r}") from None


def _cmd_build(args) -> int:
    result = build_job(
        args.inputs,
        args.output,
        fmt=args.fmt,
        strict=args.strict,
        jobs=args.jobs,
        base_iri=args.base_iri,
        top_k=args.top_k,
        max_nodes=args.max_nodes,
        quiet=args.quiet,
        cache=not args.no_cache,
        store_dir=args.store,
        dask_address=args.dask,
        year=args.year,
        skip_if_current=not args.force,
    )
    return 1 if result.errors else 0


def _cmd_extract(args) -> int:
    result = extract_job(args.inputs, args.output, fmt=args.fmt, strict=args.strict, jobs=args.jobs, quiet=args.quiet,
                         cache_dir=args.cache_dir, dask_address=args.dask, year=args.year)
    return 1 if result.errors else 0


def register_build(b: argparse.ArgumentParser) -> None:
    b.description = ("Read listings (files or folders; none: the bundled demo corpus), extract methods, datasets, "
                     "benchmarks, code and links, and write the graph (graph.ttl, analytics.ttl, void.ttl, papers.jsonl) and "
                     "its HTML views into the output folder. A failed build leaves the previous outputs intact.")
    b.add_argument("inputs", nargs="*", metavar="INPUT", help="listing files or folders (default: the bundled demo corpus)")
    b.add_argument("-o", "--output", default="outputs", help="output folder (default: outputs/)")
    b.add_argument("--base-iri", default=None, help="base IRI for the graph's resources")
    b.add_argument("--top-k", type=_at_least(0), default=10,
                   help="relatedTo edges kept per paper (default 10; 0: none)")
    b.add_argument("--max-nodes", type=_at_least(1), default=1500,
                   help="cap on nodes drawn in the overview (default 1500)")
    b.add_argument("--no-cache", action="store_true",
                   help="do not reuse or keep per-paper extraction results (OUTPUT/.cache)")
    b.add_argument("--store", metavar="DIR", default=None,
                   help="also write the RDF into an on-disk Oxigraph store here (for query/serve --store)")
    b.add_argument("--force", action="store_true",
                   help="build even when OUTPUT already holds the untouched outputs of the same listings, options "
                        "and paperkg (such a build otherwise builds and writes nothing)")
    _add_input_options(b)
    b.set_defaults(func=_cmd_build)


def register_extract(e: argparse.ArgumentParser) -> None:
    e.description = ("Read listings and write one JSON line per distinct paper with its extractions "
                     "(entities, proposes, repos, links, evidence); no graph is built.")
    e.add_argument("inputs", nargs="+", metavar="INPUT", help="listing files or folders")
    e.add_argument("-o", "--output", required=True, help="output JSONL file, or - for stdout")
    e.add_argument("--cache-dir", default=None, help="reuse and keep per-paper extraction results in this folder")
    _add_input_options(e)
    e.set_defaults(func=_cmd_extract)
