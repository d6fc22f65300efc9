"""Query results as text: an aligned table for people, and the SPARQL 1.1 result formats.

json/xml/csv/tsv follow the W3C SPARQL 1.1 Query Results specifications
(graph results use the columns subject, predicate, object); ``nt`` and
``turtle`` serialise CONSTRUCT/DESCRIBE results as RDF.
"""
from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.errors import QueryError
from kg.queries.engine import QueryResult, default_prefixes
from kg.schema import XSD_STRING

__all__ = ["RESULT_FORMATS", "RDF_FORMATS", "MEDIA_TYPES", "format_result"]

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")
RDF_FORMATS = ("turtle", "nt")
MEDIA_TYPES = {
    "table": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "turtle": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
}
_MAX_CELL = 80


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        }}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _json(result: QueryResult) -> str:
    if result.kind == "ask":
        doc = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {c: _json_term(t) for c, t in zip(result.columns, row) if t is not None}
            for row in result.terms
        ]
        doc = {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject>"
                f"<predicate>{_xml_term(term.predicate)}</predicate>"
                f"<object>{_xml_term(term.object)}</object></triple>")
    value = escape(term.value, {"\r": "&#13;"})
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{value}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{value}</literal>"
    return f"<literal>{value}</literal>"


def _xml(result: QueryResult) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    for c in result.columns if result.kind != "ask" else ():
        out.append(f"<variable name={quoteattr(c)}/>")
    out.append("</head>")
    if result.kind == "ask":
        out.append(f"<boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in result.terms:
            out.append("<result>")
            for c, t in zip(result.columns, row):
                if t is not None:
                    out.append(f"<binding name={quoteattr(c)}>{_xml_term(t)}</binding>")
            out.append("</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def _csv(result: QueryResult, delimiter: str = ",") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    if result.kind == "ask":
        w.writerow(["boolean"])
        w.writerow(["true" if result.boolean else "false"])
    else:
        w.writerow(result.columns)
        for row in result.terms:
            w.writerow([_csv_value(t) for t in row])
    return buf.getvalue()


def _tsv(result: QueryResult) -> str:
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join("?" + c for c in result.columns)]
    for row in result.terms:
        # N-Triples term syntax escapes tabs and newlines inside literals.
        lines.append("\t".join("" if t is None else str(t) for t in row))
    return "\n".join(lines) + "\n"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.6g}"
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def _compactor():
    pairs = sorted(((ns, p) for p, ns in default_prefixes().items()), key=lambda x: (-len(x[0]), x[1]))

    def compact(iri: str) -> str:
        for ns, prefix in pairs:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{prefix}:{iri[len(ns):]}"
        return iri

    return compact


def _table(result: QueryResult) -> str:
    """Aligned columns; IRIs shortened with the query prefixes (paper:, method:, pkg:, ...)."""
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    header = list(result.columns)
    compact = _compactor()
    body = [
        [_cell(compact(t.value) if isinstance(t, ox.NamedNode) else v) for t, v in zip(terms, row)]
        for terms, row in zip(result.terms, result.rows)
    ]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]

    def line(cells):
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()

    out = [line(header), line(["-" * w for w in widths])]
    out += [line(r) for r in body]
    n = len(body)
    note = f"({n} row{'s' if n != 1 else ''}{', truncated' if result.truncated else ''})"
    out.append(note)
    return "\n".join(out) + "\n"


def _rdf(result: QueryResult, fmt: str) -> str:
    if result.kind != "graph":
        raise QueryError(f"format {fmt!r} is only for CONSTRUCT/DESCRIBE results; use one of {', '.join(RESULT_FORMATS)}")
    triples = [ox.Triple(*row) for row in result.terms]
    rdf_format = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
    prefixes = None
    if fmt == "turtle":
        prefixes = default_prefixes()
    text = ox.serialize(triples, format=rdf_format, prefixes=prefixes).decode("utf-8")
    if fmt != "turtle":
        return text
    # Oxigraph writes @prefix lines in hash order: sort them for byte-identical output.
    lines = text.splitlines(keepends=True)
    head = [ln for ln in lines if ln.startswith("@prefix ")]
    body = [ln for ln in lines if not ln.startswith("@prefix ")]
    return "".join(sorted(head) + body)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """The result as text in ``fmt``: table, csv, tsv, json, xml (or turtle/nt for graph results)."""
    if fmt == "table":
        return _table(result)
    if fmt == "csv":
        return _csv(result)
    if fmt == "tsv":
        return _tsv(result)
    if fmt == "json":
        return _json(result)
    if fmt == "xml":
        return _xml(result)
    if fmt in RDF_FORMATS:
        return _rdf(result, fmt)
    raise QueryError(f"unknown result format {fmt!r} (choose from {', '.join(RESULT_FORMATS + RDF_FORMATS)})")

