"""``paperkg`` command line: a thin layer over the public functions.

Library errors are typed exceptions (kg.errors); here each becomes one line on
stderr and a non-zero exit. Human messages go to stderr so that ``-o -``
leaves nothing but data on stdout.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from kg import __version__
from kg.errors import PaperkgError

__all__ = ["main", "make_parser"]

FORMATS = ("dailypapers", "json", "jsonl", "atom", "csv")

#: Modules that add further subcommands with a ``register(subparsers)`` function.
PLUGIN_COMMANDS = ("kg.queries.cli", "kg.serve", "kg.graph.cli")


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", dest="fmt", choices=FORMATS, help="input format (default: detected from content)")
    p.add_argument("--strict", action="store_true", help="stop at the first unreadable input")
    p.add_argument("--jobs", "-j", type=int, default=1, help="extraction processes (default 1)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    p.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run extraction on this Dask scheduler (e.g. tcp://host:8786); needs paperkg[dask]")


def _cmd_build(args) -> int:
    from kg.pipeline import build_job

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
    )
    return 1 if result.errors else 0


def _cmd_extract(args) -> int:
    from kg.pipeline import extract_job

    result = extract_job(args.inputs, args.output, fmt=args.fmt, strict=args.strict, jobs=args.jobs, quiet=args.quiet,
                         cache_dir=args.cache_dir, dask_address=args.dask)
    return 1 if result.errors else 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="paperkg",
        description="Turn ML paper listings into a knowledge graph (NetworkX, RDF, interactive HTML).",
    )
    parser.add_argument("--version", action="version", version=f"paperkg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    b = sub.add_parser("build", help="ingest, extract, build the graph and write all outputs")
    b.add_argument("inputs", nargs="*", metavar="INPUT", help="listing files or folders (default: the bundled demo corpus)")
    b.add_argument("-o", "--output", default="outputs", help="output folder (default: outputs/)")
    b.add_argument("--base-iri", default=None, help="base IRI for the graph's resources")
    b.add_argument("--top-k", type=int, default=10, help="relatedTo edges kept per paper (default 10)")
    b.add_argument("--max-nodes", type=int, default=1500, help="cap on nodes drawn in the overview (default 1500)")
    b.add_argument("--no-cache", action="store_true",
                   help="do not reuse or keep per-paper extraction results (OUTPUT/.cache)")
    b.add_argument("--store", metavar="DIR", default=None,
                   help="also write the RDF into an on-disk Oxigraph store here (for query/serve --store)")
    _add_input_options(b)
    b.set_defaults(func=_cmd_build)

    e = sub.add_parser("extract", help="extract entities, code and links; one JSON line per distinct paper")
    e.add_argument("inputs", nargs="+", metavar="INPUT", help="listing files or folders")
    e.add_argument("-o", "--output", required=True, help="output JSONL file, or - for stdout")
    e.add_argument("--cache-dir", default=None, help="reuse and keep per-paper extraction results in this folder")
    _add_input_options(e)
    e.set_defaults(func=_cmd_extract)

    for name in PLUGIN_COMMANDS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except PaperkgError as exc:
        from kg.pipeline import one_line

        print(f"paperkg: error: {one_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("paperkg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
