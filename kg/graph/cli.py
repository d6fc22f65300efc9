"""``paperkg export``: write a built graph in another format (N-Triples, JSON-LD, GraphML, GEXF, Turtle).

N-Triples is the format to bulk-load into a standalone SPARQL server
(docs/performance.md); GraphML/GEXF open in Gephi, Cytoscape or yEd.
"""
from __future__ import annotations

import sys

from kg.graph.export import EXPORT_FORMATS, export_graph
from kg.graph.knowledge import load

__all__ = ["register", "cmd_export"]


def cmd_export(args) -> int:
    fmt = args.format
    graph = load(args.graph)
    path = export_graph(graph, fmt, args.output)
    if not args.quiet:
        print(f"paperkg: wrote {path} ({fmt})", file=sys.stderr)  # the name given is kept, whatever its suffix
    return 0


def register(e) -> None:
    """Arguments of ``paperkg export``."""
    e.description = ("Read the graph of an output folder (or a .ttl/.nt file) and write it in another format. "
                     "Output is sorted, so the same graph gives byte-identical files.")
    e.add_argument("--format", "-f", choices=sorted(EXPORT_FORMATS), default="ntriples", help="output format (default: ntriples)")
    e.add_argument("-o", "--output", required=True, help="file to write")
    e.add_argument("--graph", "-g", default="outputs", help="output folder or graph file (default: outputs/)")
    e.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    e.set_defaults(func=cmd_export)
