"""Ingestion: listing files (Daily Papers dumps, JSON/JSONL, arXiv Atom, CSV) -> Papers.

``read_inputs(paths)`` reads and de-duplicates; ``read_file(path)`` gives one
file's entries before de-duplication.  See ``kg/ingest/reader.py``.
"""
from __future__ import annotations

from kg.ingest.detect import FORMATS, detect_format
from kg.ingest.ids import arxiv_id_from, paper_id
from kg.ingest.reader import (
    IngestResult,
    default_corpus_paths,
    expand_paths,
    iter_entries,
    read_file,
    read_inputs,
)
from kg.ingest.records import IngestWarning
from kg.ingest.text import normalise_title

__all__ = [
    "FORMATS",
    "IngestResult",
    "IngestWarning",
    "arxiv_id_from",
    "default_corpus_paths",
    "detect_format",
    "expand_paths",
    "iter_entries",
    "normalise_title",
    "paper_id",
    "read_file",
    "read_inputs",
]
