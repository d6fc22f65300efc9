"""Readers for structured listings: JSON, JSON Lines and CSV.

A malformed record makes the whole file an InputError (with its line or
position): structured inputs are machine-written, so one bad record usually
means the rest cannot be trusted either.  An empty collection is a warning.
"""
from __future__ import annotations

import csv
import io
import json

from kg.errors import InputError
from kg.ingest.records import IngestWarning, make_entry, parse_date, record_to_entry, split_authors
from kg.models import Paper, Source

__all__ = ["parse_json", "parse_jsonl", "parse_csv", "CONTAINER_KEYS"]

#: Keys under which a JSON object may hold its list of papers.
CONTAINER_KEYS = ("papers", "items", "data")


def _json_error(file: str, exc: json.JSONDecodeError, hint: str = "") -> InputError:
    return InputError(file, f"invalid JSON: {exc.msg} (column {exc.colno}){hint}", exc.lineno)


def parse_json(text: str, file: str, warnings: list[IngestWarning] | None = None) -> list[Paper]:
    """A JSON list of records, or an object holding one under papers/items/data."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        hint = "; this looks like JSON Lines, use format 'jsonl'" if exc.msg == "Extra data" else ""
        raise _json_error(file, exc, hint) from None
    if isinstance(data, dict):
        for key in CONTAINER_KEYS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            if "title" in data or "paper" in data:
                data = [data]
            else:
                raise InputError(
                    file,
                    "JSON object has no list of papers under 'papers', 'items' or 'data' "
                    "(expected a list of paper records)",
                )
    if not isinstance(data, list):
        raise InputError(file, f"expected a JSON list of paper records, found {type(data).__name__}")
    if not data and warnings is not None:
        warnings.append(IngestWarning(file, "no papers in file"))
    return [
        record_to_entry(item, Source(file=file, position=i, line=None, format="json"), warnings)
        for i, item in enumerate(data)
    ]


def parse_jsonl(text: str, file: str, warnings: list[IngestWarning] | None = None) -> list[Paper]:
    """One JSON record per line; blank lines are skipped."""
    entries = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(file, f"invalid JSON: {exc.msg} (column {exc.colno})", number) from None
        source = Source(file=file, position=len(entries), line=number, format="jsonl")
        entries.append(record_to_entry(item, source, warnings))
    if not entries and warnings is not None:
        warnings.append(IngestWarning(file, "no papers in file"))
    return entries


_CSV_COLUMNS = {
    "title": "title",
    "abstract": "abstract",
    "summary": "abstract",
    "id": "id",
    "arxiv_id": "id",
    "url": "url",
    "authors": "authors",
    "date": "date",
    "github": "github",
    "githubrepo": "github",
    "project_page": "project_page",
    "projectpage": "project_page",
}


def csv_header_delimiter(header_line: str) -> str | None:
    """The delimiter (comma, tab, semicolon) under which the line is a header with a title column, else None."""
    for delimiter in (",", "\t", ";"):
        try:
            cells = [c.strip().casefold() for c in next(csv.reader([header_line], delimiter=delimiter), [])]
        except csv.Error:  # e.g. a stray carriage return or NUL: not a CSV header
            return None
        if len(cells) >= 2 and "title" in cells:
            return delimiter
    return None


def parse_csv(text: str, file: str, warnings: list[IngestWarning] | None = None) -> list[Paper]:
    """CSV (or TSV / semicolon-separated) with a header naming title and abstract columns."""
    delimiter = csv_header_delimiter(text.split("\n", 1)[0]) or ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise InputError(file, f"invalid CSV header: {exc}", 1) from None
    names = [h.strip().casefold() for h in header]
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        field = _CSV_COLUMNS.get(name)
        if field and field not in columns:
            columns[field] = index
    missing = [f for f in ("title", "abstract") if f not in columns]
    if missing:
        raise InputError(
            file,
            f"CSV header lacks required column(s) {', '.join(missing)} "
            f"(found: {', '.join(h.strip() for h in header) or 'nothing'}; 'summary' is accepted for abstract)",
            1,
        )
    entries = []
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(file, f"invalid CSV: {exc}", start) from None
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InputError(
                file,
                f"CSV row has {len(row)} fields but the header has {len(header)} "
                "(a field with an unquoted delimiter or newline?)",
                line,
            )

        def get(field: str) -> str:
            return row[columns[field]] if field in columns else ""

        if not get("title").strip():
            raise InputError(file, "CSV row has an empty title", line)
        source = Source(file=file, position=len(entries), line=line, format="csv")
        raw_date = get("date").strip()
        date = parse_date(raw_date) if raw_date else None
        if raw_date and date is None and warnings is not None:
            warnings.append(IngestWarning(file, f"date {raw_date!r} is not an ISO date, ignored", line))
        entries.append(
            make_entry(
                source,
                get("title"),
                get("abstract"),
                raw_id=get("id").strip() or None,
                url=get("url"),
                authors=split_authors(get("authors")),
                date=date,
                github=get("github"),
                project_page=get("project_page"),
            )
        )
    if not entries and warnings is not None:
        warnings.append(IngestWarning(file, "no papers in file"))
    return entries
