"""Ingestion: listing files (Daily Papers dumps, JSON/JSONL, arXiv Atom, CSV) -> Papers.

``read_inputs(paths)`` reads and de-duplicates; ``read_file(path)`` gives one
file's entries before de-duplication.  See ``kg/ingest/reader.py``.

Text policy (``kg.ingest.text.clean_text``, for every title, abstract, author
and URL): NFC; control characters, U+FFFE/U+FFFF and invisible characters
dropped; lone surrogates -> U+FFFD; whitespace runs (newlines too) -> one
space; everything else kept exactly.  Titles over MAX_TITLE_CHARS (2,000) or
abstracts over MAX_ABSTRACT_CHARS (100,000), or a run of more than
MAX_WORD_CHARS (1,000) characters without a space, make their record a
RecordError: that record is skipped, the file's other records are kept.
"""
from __future__ import annotations

from kg.ingest.detect import INPUT_FORMATS, detect_format
from kg.ingest.ids import arxiv_id_from, paper_id
from kg.ingest.reader import (
    IngestResult,
    default_corpus_paths,
    error_lines,
    expand_paths,
    iter_entries,
    read_file,
    read_inputs,
)
from kg.ingest.records import IngestWarning
from kg.ingest.text import normalise_title

__all__ = [
    "INPUT_FORMATS",
    "IngestResult",
    "IngestWarning",
    "arxiv_id_from",
    "default_corpus_paths",
    "detect_format",
    "error_lines",
    "expand_paths",
    "iter_entries",
    "normalise_title",
    "paper_id",
    "read_file",
    "read_inputs",
]
