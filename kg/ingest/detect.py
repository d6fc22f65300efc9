"""Input format detection from file content, with the extension as a tie-breaker."""
from __future__ import annotations

import json
import os
from pathlib import Path

from kg.ingest.structured import csv_header_delimiter

__all__ = ["INPUT_FORMATS", "HEAD_BYTES", "detect_format"]

#: Every format name accepted by ``fmt=`` / ``--format``.
INPUT_FORMATS = ("dailypapers", "json", "jsonl", "atom", "csv")
#: How much of a file ``detect_format`` looks at.
HEAD_BYTES = 64 * 1024

_EXT_FORMATS = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".xml": "atom",
    ".atom": "atom",
}


def detect_format(path: str | os.PathLike, head_bytes: bytes) -> str:
    """One of INPUT_FORMATS for a file whose first bytes are ``head_bytes``.

    Content decides (``<`` -> Atom, ``[`` -> JSON, ``{`` -> JSON or JSON Lines,
    a header line with a ``title`` column -> CSV); the extension only breaks
    ties and rescues files whose content matches nothing, so a reader can then
    give a precise error.  Everything else is read as a Daily Papers page dump.
    """
    ext = Path(path).suffix.casefold()
    head = head_bytes.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        return "atom"
    after = head[1:].lstrip(" \t\r\n")
    if head.startswith("[") and (not after or after[0] in "{]"):
        return "json"
    if head.startswith("{") and (not after or after[0] in '"}'):
        first, _, rest = head.partition("\n")
        try:
            obj = json.loads(first)
        except (ValueError, RecursionError):  # (JSONDecodeError is a ValueError)
            # Pretty-printed JSON, or a first line longer than the head.
            return "jsonl" if _EXT_FORMATS.get(ext) == "jsonl" else "json"
        if rest.strip():
            return "jsonl"
        if isinstance(obj, dict) and any(isinstance(obj.get(k), list) for k in ("papers", "items", "data")):
            return "json"
        return "jsonl" if ext != ".json" else "json"
    if csv_header_delimiter(head.replace("\r", "\n").split("\n", 1)[0]) is not None:
        return "csv"
    return _EXT_FORMATS.get(ext, "dailypapers")
