"""``paperkg`` command line: a thin layer over the public functions.

Library errors are typed exceptions (kg.errors); here each becomes one line on
stderr and a non-zero exit. Human messages go to stderr so that ``-o -``
leaves nothing but data on stdout.

Start-up stays cheap: this module imports no graph library, and only the
module of the subcommand being run is imported (``paperkg --help`` lists the
commands from ``COMMANDS`` without loading NetworkX, Oxigraph or rdflib).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Sequence

from kg import __version__
from kg.errors import PaperkgError

__all__ = ["main", "make_parser"]

FORMATS = ("dailypapers", "json", "jsonl", "atom", "csv")


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", dest="fmt", choices=FORMATS, help="input format (default: detected from content)")
    p.add_argument("--strict", action="store_true", help="stop at the first unreadable input")
    p.add_argument("--jobs", "-j", type=int, default=1, help="extraction processes (default 1)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    p.add_argument("--year", type=_year, default=None,
                   help="year of Daily Papers day headings written without one (\"Aug 25\"); "
                        "default: inferred from the file's headings that have one")
    p.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run extraction on this Dask scheduler (e.g. tcp://host:8786); needs paperkg[dask]")


def _year(text: str) -> int:
    from kg.ingest.dates import check_year

    try:
        return check_year(int(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc) if text.strip().lstrip("-").isdigit()
                                         else f"not a year: {text!r}") from None


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
        year=args.year,
    )
    return 1 if result.errors else 0


def _cmd_extract(args) -> int:
    from kg.pipeline import extract_job

    result = extract_job(args.inputs, args.output, fmt=args.fmt, strict=args.strict, jobs=args.jobs, quiet=args.quiet,
                         cache_dir=args.cache_dir, dask_address=args.dask, year=args.year)
    return 1 if result.errors else 0


def _register_build(b: argparse.ArgumentParser) -> None:
    b.description = ("Read listings (files or folders; none: the bundled demo corpus), extract methods, datasets, "
                     "benchmarks, code and links, and write the graph (graph.ttl, void.ttl, papers.jsonl) and "
                     "its HTML views into the output folder. A failed build leaves the previous outputs intact.")
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


def _register_extract(e: argparse.ArgumentParser) -> None:
    e.description = ("Read listings and write one JSON line per distinct paper with its extractions "
                     "(entities, proposes, repos, links, evidence); no graph is built.")
    e.add_argument("inputs", nargs="+", metavar="INPUT", help="listing files or folders")
    e.add_argument("-o", "--output", required=True, help="output JSONL file, or - for stdout")
    e.add_argument("--cache-dir", default=None, help="reuse and keep per-paper extraction results in this folder")
    _add_input_options(e)
    e.set_defaults(func=_cmd_extract)


#: subcommand -> (function adding its arguments to its parser, or "module:function" imported only when that
#: subcommand runs; one-line help shown by ``paperkg --help``)
COMMANDS = {
    "build": (_register_build, "ingest, extract, build the graph and write all outputs"),
    "extract": (_register_extract, "extract entities, code and links; one JSON line per distinct paper"),
    "query": ("kg.queries.cli:register", "run a SPARQL query (text, --file or --name) on a built graph"),
    "serve": ("kg.serve:register",
              "serve the HTML views, a read-only SPARQL endpoint and the named queries on localhost"),
    "export": ("kg.graph.cli:register", "write a built graph as N-Triples, JSON-LD, GraphML, GEXF or Turtle"),
}


def _command_of(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` (the first word that is not an option), if any."""
    return next((a for a in argv if not a.startswith("-")), None)


def make_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser; given ``argv``, only the subcommand it names gets its arguments (and imports)."""
    parser = argparse.ArgumentParser(
        prog="paperkg",
        description="Turn ML paper listings into a knowledge graph (NetworkX, RDF, interactive HTML).",
    )
    parser.add_argument("--version", action="version", version=f"paperkg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    wanted = _command_of(argv) if argv is not None else None
    for name, (register, help_line) in COMMANDS.items():
        p = sub.add_parser(name, help=help_line, description=help_line)
        if argv is None or name == wanted:
            if isinstance(register, str):
                module, _, attr = register.partition(":")
                register = getattr(importlib.import_module(module), attr)
            register(p)
    return parser


def _quiet_broken_pipe() -> int:
    """The reader of stdout went away (``paperkg extract -o - | head``): stop without a word, as Unix tools do.

    stdout is pointed at /dev/null so that the interpreter's final flush does
    not report the broken pipe either; 141 is what a shell reports for a
    process ended by SIGPIPE.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (tests capture it)
        pass
    return 141


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = make_parser(argv)
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
        return _quiet_broken_pipe()


if __name__ == "__main__":
    raise SystemExit(main())
