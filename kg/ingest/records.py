"""Turning one raw listing record into a pre-de-duplication ``Paper``.

Every reader ends here, so cleaning, id computation and date parsing are the
same whatever the input format.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any, Iterable

from extractors.urls import web_url
from kg.errors import InputError, RecordError
from kg.ingest.dates import arxiv_month
from kg.ingest.ids import arxiv_abs_url, arxiv_id_from, arxiv_id_from_url, paper_id
from kg.ingest.text import clean_text
from kg.models import Paper, Source

__all__ = [
    "IngestWarning",
    "MAX_TITLE_CHARS",
    "MAX_ABSTRACT_CHARS",
    "MAX_WORD_CHARS",
    "make_entry",
    "parse_date",
    "record_to_entry",
    "skip_record",
    "split_authors",
]

#: Longest title accepted (after cleaning). Real titles stay under ~300
#: characters; anything far longer is a broken record, not a title.
MAX_TITLE_CHARS = 2_000
#: Longest abstract accepted (after cleaning); arXiv caps abstracts at 1,920.
#: The cap also keeps every text well under spaCy's 1,000,000-character limit.
MAX_ABSTRACT_CHARS = 100_000
#: Longest run without whitespace accepted in a title or abstract. Real text
#: (long URLs included) stays far below; spaCy's tokenizer takes time
#: quadratic in a run's length (10,000 ")" take ~20 s), so longer runs are refused.
MAX_WORD_CHARS = 1_000

_MONTH_RE = re.compile(r"(\d{4})-(\d{2})")
_DATE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?", re.IGNORECASE)


@dataclass(frozen=True)
class IngestWarning:
    """Something odd but recoverable in an input file (shown, never fatal)."""

    file: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"


def skip_record(errors: list[InputError] | None, exc: InputError, line: int | None = None,
                position: int | None = None) -> None:
    """Report one bad record of a file whose other records are still read.

    ``errors`` collects it as a RecordError (at ``line`` when given, else the
    error's own); with no list (``strict``, or a caller of ``read_file`` that
    wants the old all-or-nothing rule) the first bad record is raised instead.
    """
    err = RecordError(exc.file, exc.reason, line if line is not None else exc.line, position)
    if errors is None:
        raise err
    errors.append(err)


def parse_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or datetime string, ``YYYY-MM`` from a year and month, else None."""
    if not isinstance(value, str):
        return None
    month = _MONTH_RE.fullmatch(value.strip())
    if month is not None:
        return month.group(0) if 1 <= int(month.group(2)) <= 12 else None  # as precise as an arXiv id's month
    m = _DATE_RE.fullmatch(value.strip())
    if not m:
        return None
    try:
        return _dt.date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None


def split_authors(value: str) -> list[str]:
    """Authors from one string: ``;``-separated when any ``;``, else ``,``-separated."""
    sep = ";" if ";" in value else ","
    return [a for a in (clean_text(part) for part in value.split(sep)) if a]


def _clean_url(value: Any) -> str | None:
    """A URL as given, with the same character policy as text (no controls, no lone surrogates)."""
    if not isinstance(value, str):
        return None
    return clean_text(value) or None


def make_entry(
    source: Source,
    title: str,
    abstract: str,
    *,
    raw_id: str | None = None,
    url: str | None = None,
    authors: Iterable[str] = (),
    date: str | None = None,
    github: str | None = None,
    project_page: str | None = None,
    date_source: str | None = None,
) -> Paper:
    """Build one entry; the caller has already checked that ``title`` is present.

    ``date_source`` says where ``date`` came from (kg.ingest.dates; default
    ``record`` when a date is given); without a date, the arXiv id's
    year-month is the date (``arxiv-id``).
    """
    title = clean_text(title)
    abstract = clean_text(abstract)
    if not title:
        raise InputError(source.file, f"entry at position {source.position} has an empty title", source.line)
    for name, value, limit in (("title", title, MAX_TITLE_CHARS), ("abstract", abstract, MAX_ABSTRACT_CHARS)):
        if len(value) > limit:
            raise InputError(
                source.file,
                f"entry at position {source.position}: {name} is {len(value):,} characters long "
                f"(limit {limit:,}); not a paper {name}",
                source.line,
            )
        longest = max(value.split(" "), key=len)  # clean_text leaves single spaces only
        if len(longest) > MAX_WORD_CHARS:
            raise InputError(
                source.file,
                f"entry at position {source.position}: {name} has a {len(longest):,}-character run without "
                f"spaces (limit {MAX_WORD_CHARS:,}), starting {longest[:20]!r}",
                source.line,
            )
    arxiv = arxiv_id_from(raw_id) or arxiv_id_from_url(url)
    # the paper's own page: an absolute http(s) URL as given (javascript:, data:, relative: none)
    url = web_url(_clean_url(url))
    if arxiv and (url is None or ("arxiv.org/" in url and arxiv_id_from_url(url) == arxiv)):
        url = arxiv_abs_url(arxiv)  # "http://arxiv.org/abs/1707.06347v2", ".../pdf/...": one spelling of its page
    if date:
        date_source = date_source or "record"
    else:
        date = arxiv_month(arxiv)
        date_source = "arxiv-id" if date else (date_source or "none")
    seen: set[str] = set()
    names = []
    for name in authors:
        name = clean_text(name)
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            names.append(name)
    return Paper(
        id=paper_id(title, arxiv),
        title=title,
        abstract=abstract,
        url=url,
        authors=tuple(names),
        date=date,
        arxiv_id=arxiv,
        github=_clean_url(github),
        project_page=_clean_url(project_page),
        sources=(source,),
        date_source=date_source,
    )


def _authors_from(value: Any, source: Source) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return split_authors(value)
    if isinstance(value, list):
        names = []
        for item in value:
            if isinstance(item, str):
                names.append(item)
            elif isinstance(item, dict) and isinstance(item.get("name"), str):
                names.append(item["name"])
            elif item is None or (isinstance(item, dict) and "name" in item and item["name"] is None):
                continue  # an author whose name the export left empty: the paper and its other authors stay
            else:
                raise InputError(
                    source.file,
                    f"entry at position {source.position}: authors must be names or {{\"name\": ...}} objects",
                    source.line,
                )
        return names
    raise InputError(source.file, f"entry at position {source.position}: authors must be a list or a string", source.line)


def _first(records: list[dict], *keys: str) -> Any:
    for rec in records:
        for key in keys:
            value = rec.get(key)
            if value is not None and value != "":
                return value
    return None


def record_to_entry(item: Any, source: Source, warnings: list[IngestWarning] | None = None) -> Paper:
    """One JSON/JSONL object: the Hugging Face daily-papers API shape or a flat record.

    API items hold the paper under ``paper``; top-level keys of the item fill
    in what the inner object lacks.  Unknown keys are ignored.
    """
    where = f"entry at position {source.position}"
    if not isinstance(item, dict):
        raise InputError(source.file, f"{where}: expected an object, found {type(item).__name__}", source.line)
    layers = [item]
    if isinstance(item.get("paper"), dict):
        layers = [item["paper"], item]
    title = _first(layers, "title")
    abstract = _first(layers, "abstract", "summary")
    if title is not None and not isinstance(title, str):
        raise InputError(source.file, f"{where}: 'title' must be a string, found {type(title).__name__}", source.line)
    if not isinstance(title, str) or not title.strip():
        raise InputError(source.file, f"{where}: missing or empty 'title'", source.line)
    if abstract is None:
        if not any(("abstract" in layer or "summary" in layer) for layer in layers):
            raise InputError(source.file, f"{where}: missing 'abstract' (or 'summary')", source.line)
        abstract = ""
    if not isinstance(abstract, str):
        raise InputError(source.file, f"{where}: 'abstract' must be a string", source.line)
    raw_id = _first(layers, "arxiv_id", "arxivId", "id")
    if isinstance(raw_id, float):  # 2501.01230 parsed as a number has lost its last digit
        raise InputError(
            source.file,
            f"{where}: id {raw_id!r} is a number; write arXiv ids as strings (\"2501.01230\") so no digits are lost",
            source.line,
        )
    if not isinstance(raw_id, str):
        raw_id = None
    date_value = _first(layers, "date", "publishedAt", "published")
    date = parse_date(date_value)
    if date_value is not None and date is None and warnings is not None:
        warnings.append(IngestWarning(source.file, f"{where}: date {date_value!r} is not an ISO date, ignored", source.line))
    return make_entry(
        source,
        title,
        abstract,
        raw_id=raw_id,
        url=_first(layers, "url"),
        authors=_authors_from(_first(layers, "authors"), source),
        date=date,
        github=_first(layers, "githubRepo", "github"),
        project_page=_first(layers, "projectPage", "project_page"),
    )
