"""Reader for arXiv API Atom feeds.

Parsed with the standard library's ElementTree after refusing any DTD: a
document type declaration is the only way to declare entities, so without one
there is no external-entity fetch and no entity-expansion bomb.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kg.errors import InputError
from kg.ingest.records import IngestWarning, make_entry, parse_date
from kg.models import Paper, Source

__all__ = ["parse_atom", "ATOM_NS"]

ATOM_NS = "http://www.w3.org/2005/Atom"
_A = f"{{{ATOM_NS}}}"
_DOCTYPE_RE = re.compile(r"<!DOCTYPE", re.IGNORECASE)


def _text(element: ET.Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""


def parse_atom(text: str, file: str, warnings: list[IngestWarning] | None = None) -> list[Paper]:
    """Entries of an Atom feed; whitespace (line wraps) in fields collapses to one space."""
    doctype = _DOCTYPE_RE.search(text)
    if doctype:
        line = text.count("\n", 0, doctype.start()) + 1
        raise InputError(file, "XML document type declarations (DTDs) are not accepted in Atom input", line)
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, col = exc.position
        reason = str(exc).split(":")[0]
        raise InputError(file, f"not well-formed XML: {reason} (column {col + 1})", line) from None
    if root.tag != f"{_A}feed":
        raise InputError(file, f"not an Atom feed: root element is <{root.tag}>, expected <feed xmlns=\"{ATOM_NS}\">")
    entries = []
    for position, entry in enumerate(root.findall(f"{_A}entry")):
        source = Source(file=file, position=position, line=None, format="atom")
        title = _text(entry.find(f"{_A}title"))
        if not title.strip():
            raise InputError(file, f"Atom entry at position {position} has no <title>")
        summary = entry.find(f"{_A}summary")
        if summary is None:
            summary = entry.find(f"{_A}content")
        if summary is None:
            raise InputError(file, f"Atom entry at position {position} has no <summary>")
        url = None
        for link in entry.findall(f"{_A}link"):
            if link.get("rel", "alternate") == "alternate" and link.get("href"):
                url = link.get("href")
                break
        authors = [_text(a.find(f"{_A}name")) for a in entry.findall(f"{_A}author")]
        raw_date = _text(entry.find(f"{_A}published")).strip() or _text(entry.find(f"{_A}updated")).strip()
        date = parse_date(raw_date) if raw_date else None
        if raw_date and date is None and warnings is not None:
            warnings.append(IngestWarning(file, f"Atom entry at position {position}: date {raw_date!r} ignored"))
        entries.append(
            make_entry(
                source,
                title,
                _text(summary),
                raw_id=_text(entry.find(f"{_A}id")).strip() or None,
                url=url,
                authors=authors,
                date=date,
            )
        )
    if not entries and warnings is not None:
        warnings.append(IngestWarning(file, "Atom feed has no entries"))
    return entries
