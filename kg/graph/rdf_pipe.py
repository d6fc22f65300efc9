"""Child process of the RDF writer: canonical N-Triples on stdin, Turtle or JSON-LD on stdout.

Run as a script (``python rdf_pipe.py FORMAT PREFIXES_JSON``), not imported:
it needs only pyoxigraph. The parent makes the N-Triples text while this
process parses and serialises it, so the two halves of the RDF stage run on
two cores instead of one after the other. Order is kept: the output is the
same bytes as converting the whole N-Triples file at once. Any failure exits
non-zero, and the parent then writes the file in-process instead.
"""
import json
import sys


def main(argv: list[str]) -> int:
    import pyoxigraph as ox

    formats = {"turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD}
    if len(argv) != 2 or argv[0] not in formats:
        print("usage: rdf_pipe.py turtle|jsonld PREFIXES_JSON", file=sys.stderr)
        return 2
    prefixes = json.loads(argv[1])
    try:
        ox.serialize(ox.parse(input=sys.stdin.buffer, format=ox.RdfFormat.N_TRIPLES), sys.stdout.buffer,
                     formats[argv[0]], prefixes=prefixes)
        sys.stdout.buffer.flush()
    except (SyntaxError, ValueError, OSError) as exc:
        print(" ".join(str(exc).split())[:500], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
