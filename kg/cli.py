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
import os
import sys
from typing import Sequence

from kg import __version__
from kg._lazy import resolve
from kg.errors import PaperkgError, one_line

__all__ = ["main", "make_parser"]

#: subcommand -> ("module:function" adding its arguments to its parser, imported only when that subcommand
#: runs; one-line help shown by ``paperkg --help``)
COMMANDS = {
    "build": ("kg.commands:register_build", "ingest, extract, build the graph and write all outputs"),
    "extract": ("kg.commands:register_extract", "extract entities, code and links; one JSON line per distinct paper"),
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
            resolve(register)(p)
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
        print(f"paperkg: error: {one_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("paperkg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _quiet_broken_pipe()


if __name__ == "__main__":
    raise SystemExit(main())
