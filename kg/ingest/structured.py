"""Readers for structured listings: JSON, JSON Lines and CSV.

One bad record costs one record: a JSON Lines line, a CSV row or an entry of
a JSON array that is malformed or of the wrong shape is skipped and reported
as a RecordError with its line (``skip_record``), and the file's other
records are kept.  A file that cannot be split into records (invalid JSON as
a whole, a CSV header without title and abstract) is one InputError.  An
empty collection is a warning.
"""
from __future__ import annotations

import csv
import io
import json
import re

from kg.errors import InputError
from kg.ingest.records import IngestWarning, make_entry, parse_date, record_to_entry, skip_record, split_authors
from kg.models import Paper, Source

__all__ = ["parse_json", "parse_jsonl", "parse_csv", "CONTAINER_KEYS"]

#: Keys under which a JSON object may hold its list of papers.
CONTAINER_KEYS = ("papers", "items", "data")


def _json_error(file: str, exc: json.JSONDecodeError, hint: str = "") -> InputError:
    return InputError(file, f"invalid JSON: {exc.msg} (column {exc.colno}){hint}", exc.lineno)


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def _item_lines(text: str, key: str | None) -> list[int] | None:
    """Line of each item of the top-level JSON array, or of the array under ``key`` of the top-level object.

    ``json`` keeps no positions, so the (already validated) text is walked
    again with ``JSONDecoder.raw_decode`` for every value; only array and
    object punctuation is stepped over here.  None if the walk fails.
    """
    decoder = json.JSONDecoder()
    space = _JSON_SPACE.match
    try:
        i = space(text, 0).end()
        if key is not None:
            found = None
            i += 1  # "{"
            while True:
                i = space(text, i).end()
                if text[i] == "}":
                    break
                name, i = decoder.raw_decode(text, i)
                i = space(text, i).end() + 1  # ":"
                i = space(text, i).end()
                if name == key:
                    found = i  # json.loads keeps the last of repeated keys
                _, i = decoder.raw_decode(text, i)
                i = space(text, i).end()
                if text[i] == ",":
                    i += 1
            if found is None or text[found] != "[":
                return None
            i = found
        elif text[i] == "{":  # a single record object
            return [text.count("\n", 0, i) + 1]
        lines: list[int] = []
        line, counted = 1, 0
        i += 1  # "["
        while True:
            i = space(text, i).end()
            if text[i] == "]":
                return lines
            line += text.count("\n", counted, i)
            counted = i
            lines.append(line)
            _, i = decoder.raw_decode(text, i)
            i = space(text, i).end()
            if text[i] == ",":
                i += 1
    except (ValueError, IndexError):
        return None


def _unreadable(exc: Exception) -> str:
    """Why Python's JSON reader gave up on text that is JSON in form but not in size."""
    if isinstance(exc, RecursionError):
        return "arrays or objects nested too deeply"
    return "a number too long to read" if "digits" in str(exc) else str(exc).split("\n")[0]


def parse_json(text: str, file: str, warnings: list[IngestWarning] | None = None,
               errors: list[InputError] | None = None) -> list[Paper]:
    """A JSON list of records, or an object holding one under papers/items/data.

    Entries that are not paper records are skipped one by one into ``errors``
    (see ``skip_record``); text that is not valid JSON is an InputError.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        hint = "; this looks like JSON Lines, use format 'jsonl'" if exc.msg == "Extra data" else ""
        raise _json_error(file, exc, hint) from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number, brackets nested thousands deep
        raise InputError(file, f"invalid JSON: {_unreadable(exc)}") from None
    key = None
    if isinstance(data, dict):
        for key in CONTAINER_KEYS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            key = None
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
    entries = []
    lines: list[int] | None = None
    for i, item in enumerate(data):
        try:
            entries.append(record_to_entry(item, Source(file=file, position=i, line=None, format="json"), warnings))
        except InputError as exc:
            if lines is None:  # positions are only worked out once something is wrong
                lines = _item_lines(text, key) or []
            skip_record(errors, exc, lines[i] if i < len(lines) else None, i)
    return entries


def parse_jsonl(text: str, file: str, warnings: list[IngestWarning] | None = None,
                errors: list[InputError] | None = None) -> list[Paper]:
    """One JSON record per line; blank lines are skipped, bad lines are skipped into ``errors``."""
    entries = []
    bad = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        position = len(entries) + bad
        try:
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(file, f"invalid JSON: {exc.msg} (column {exc.colno})", number) from None
            except (ValueError, RecursionError) as exc:
                raise InputError(file, f"invalid JSON: {_unreadable(exc)}", number) from None
            source = Source(file=file, position=position, line=number, format="jsonl")
            entries.append(record_to_entry(item, source, warnings))
        except InputError as exc:
            bad += 1
            skip_record(errors, exc, number, position)
    if not entries and not bad and warnings is not None:
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


def parse_csv(text: str, file: str, warnings: list[IngestWarning] | None = None,
              errors: list[InputError] | None = None) -> list[Paper]:
    """CSV (or TSV / semicolon-separated) with a header naming title and abstract columns.

    A bad row is skipped into ``errors`` with its line; a bad header is an InputError.
    """
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
    bad = 0
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # the reader resumes at the next physical line
            skip_record(errors, InputError(file, f"invalid CSV: {exc}", start), start, len(entries) + bad)
            bad += 1
            start = reader.line_num + 1
            continue
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        position = len(entries) + bad
        try:
            entries.append(_csv_entry(file, row, header, columns, line, position, warnings))
        except InputError as exc:
            skip_record(errors, exc, line, position)
            bad += 1
    if not entries and not bad and warnings is not None:
        warnings.append(IngestWarning(file, "no papers in file"))
    return entries


def _csv_entry(file: str, row: list[str], header: list[str], columns: dict[str, int], line: int, position: int,
               warnings: list[IngestWarning] | None) -> Paper:
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
    source = Source(file=file, position=position, line=line, format="csv")
    raw_date = get("date").strip()
    date = parse_date(raw_date) if raw_date else None
    if raw_date and date is None and warnings is not None:
        warnings.append(IngestWarning(file, f"date {raw_date!r} is not an ISO date, ignored", line))
    return make_entry(
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
