"""``paperkg export``: write a built graph in another format (N-Triples, JSON-LD, GraphML, GEXF, Turtle).

N-Triples is the format to bulk-load into a standalone SPARQL server
(docs/performance.md); GraphML/GEXF open in Gephi, Cytoscape or yEd.
"""
from __future__ import annotations

import sys

__all__ = ["register", "cmd_export"]


def cmd_export(args) -> int:
    from kg.api import load
    from kg.graph.export import FORMATS, export

    fmt = args.format
    graph = load(args.graph)
    path = export(graph, fmt, args.output)
    if not args.quiet:
        print(f"paperkg: wrote {fmt} ({FORMATS[fmt]}) to {path}", file=sys.stderr)
    return 0


def register(e) -> None:
    """Arguments of ``paperkg export``."""
    from kg.graph.export import FORMATS

    e.description = ("Read the graph of an output folder (or a .ttl/.nt file) and write it in another format. "
                     "Output is sorted, so the same graph gives byte-identical files.")
    e.add_argument("--format", "-f", choices=sorted(FORMATS), default="ntriples", help="output format (default: ntriples)")
    e.add_argument("-o", "--output", required=True, help="file to write")
    e.add_argument("--graph", "-g", default="outputs", help="output folder or graph file (default: outputs/)")
    e.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    e.set_defaults(func=cmd_export)
