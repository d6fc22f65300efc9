"""Reader for Atom feeds: the arXiv API's and arXiv's own listing feeds (rss.arxiv.org/atom/...).

Parsed with the standard library's ElementTree after refusing any DTD: a
document type declaration is the only way to declare entities, so without one
there is no external-entity fetch and no entity-expansion bomb.

An entry without a title or summary (or with an over-long one) is skipped
into ``errors`` with its line; the feed's other entries are kept.  XML that
is not well-formed cannot be split into entries: one InputError.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from xml.parsers import expat

from kg.errors import InputError
from kg.ingest.records import IngestWarning, make_entry, parse_date, skip_record
from kg.models import Paper, Source

__all__ = ["parse_atom", "ATOM_NS"]

ATOM_NS = "http://www.w3.org/2005/Atom"
_A = f"{{{ATOM_NS}}}"
_DOCTYPE_RE = re.compile(r"<!DOCTYPE", re.IGNORECASE)


def _text(element: ET.Element | None) -> str:
    if element is None:
        return ""
    text = "".join(element.itertext())
    if element.get("type") == "html":
        # the markup and entities arrive escaped, as text ("A <i>Fancy</i> Title &amp; More")
        text = html.unescape(_TAG.sub("", text))
    return text


_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
#: Dublin Core, whose ``<dc:creator>`` lists the authors in arXiv's own feeds (rss.arxiv.org/atom/...).
DC_NS = "http://purl.org/dc/elements/1.1/"
#: How rss.arxiv.org opens a summary: "arXiv:2501.01234v1 Announce Type: new Abstract: ...".
_ANNOUNCED = re.compile(r"^\s*arXiv:\S+\s+Announce Type:\s*(?P<type>[\w-]+)\s+Abstract:\s*", re.IGNORECASE)
_CREATORS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _entry_lines(text: str) -> list[int]:
    """Line of each ``<entry>`` child of the feed, in document order.

    ElementTree keeps no positions, so the (already well-formed) text is
    parsed again with expat, which reports the line of each start tag.
    """
    lines: list[int] = []
    depth = 0
    parser = expat.ParserCreate(namespace_separator="}")

    def start(name, _attrs):
        nonlocal depth
        depth += 1
        if depth == 2 and name == f"{ATOM_NS}}}entry":
            lines.append(parser.CurrentLineNumber)

    def end(_name):
        nonlocal depth
        depth -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(text, True)
    except expat.ExpatError:
        pass
    return lines


def parse_atom(text: str, file: str, warnings: list[IngestWarning] | None = None,
               errors: list[InputError] | None = None) -> list[Paper]:
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
    lines: list[int] | None = None
    for position, entry in enumerate(root.findall(f"{_A}entry")):
        try:
            entries.append(_entry(entry, file, position, warnings))
        except InputError as exc:
            if lines is None:  # positions are only worked out once something is wrong
                lines = _entry_lines(text)
            skip_record(errors, exc, lines[position] if position < len(lines) else None, position)
    if not entries and lines is None and warnings is not None:
        warnings.append(IngestWarning(file, "Atom feed has no entries"))
    return entries


def _entry(entry: ET.Element, file: str, position: int, warnings: list[IngestWarning] | None) -> Paper:
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
    if not authors:  # arXiv's own feeds: "<dc:creator>Alice Zhang, Bob Li</dc:creator>"
        authors = [name.strip() for c in entry.findall(f"{{{DC_NS}}}creator")
                   for name in _CREATORS.split(_text(c)) if name.strip()]
    abstract = _text(summary)
    announced = _ANNOUNCED.match(abstract)
    raw_date = _text(entry.find(f"{_A}published")).strip() or _text(entry.find(f"{_A}updated")).strip()
    if announced is not None:
        abstract = abstract[announced.end():]  # the feed's label, not the authors' abstract
        if announced.group("type").lower().startswith("replace"):
            raw_date = ""  # a revision announced today of an older paper: its id's month dates it, not the feed
    date = parse_date(raw_date) if raw_date else None
    if raw_date and date is None and warnings is not None:
        warnings.append(IngestWarning(file, f"Atom entry at position {position}: date {raw_date!r} ignored"))
    return make_entry(
        source,
        title,
        abstract,
        raw_id=_text(entry.find(f"{_A}id")).strip() or None,
        url=url,
        authors=authors,
        date=date,
    )
