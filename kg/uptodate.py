"""Skip a build whose outputs are already what its inputs would give: ``paperkg build`` with nothing new.

A build is a function of the bytes of its listings (and the names they are read under), its options and
the code and libraries that run it: the same three give the same output bytes, whatever the build history
(``tests/test_incremental.py``). After a successful build with the extraction cache, the build records in
``OUTDIR/.cache/up-to-date.json`` a digest of those three (:func:`build_key`) and the state of every entry
it left in the output folder and in the ``--store`` folder (:func:`tree_state`: path, type, size,
modification time and inode of each). The next build into that folder makes the digest first (it reads
and hashes every listing: about 0.4 s for 120 MB) and, when both it and the state of the folders are
unchanged, parses, extracts and writes nothing: the outputs in place are the bytes it would write. The
warnings and errors the inputs gave are printed again and the exit status is the same. ``paperkg build
--force`` rebuilds anyway.

Anything else is a full build: a listing added, removed, renamed or edited; another option that changes
output; another paperkg or any other installed distribution, or another Python; an output file edited,
touched, replaced or deleted, or a file added under the output folder; a missing, unreadable or malformed
record. The record is written only when the listings hashed after the build are those hashed before it
(a listing edited while the build ran makes no record), and it is the last thing a build writes.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
import sys
from importlib import import_module, metadata
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from kg.atomic import atomic_write
from kg.errors import InputError
from kg.ingest.reader import expand_paths, listing_labels
from kg.layout import CACHE_DIR, LOCK_FILE

__all__ = ["RECORD_NAME", "build_key", "code_fingerprint", "tree_state", "write_record", "current_record",
           "recorded_errors"]

#: The record's file name under ``OUTDIR/.cache``.
RECORD_NAME = "up-to-date.json"
_FORMAT = 1
#: Top-level names of an output folder that are not outputs: the cache (it holds this record) and the lock.
_NOT_OUTPUTS = frozenset({CACHE_DIR, LOCK_FILE})
_PACKAGES = ("kg", "extractors", "ontology")


def _digest() -> "hashlib._Hash":
    return hashlib.blake2b(digest_size=20)


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Digest of paperkg's own files (code, word lists, models, templates, queries, ontology), the Python
    version and every installed distribution's name and version: any of them may change the output."""
    h = _digest()
    h.update(f"python {sys.version}\0".encode())
    for package in _PACKAGES:
        root = Path(import_module(package).__file__).resolve().parent
        files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            h.update(f"{package}/{path.relative_to(root).as_posix()}\0".encode("utf-8", "surrogateescape"))
            h.update(hashlib.blake2b(path.read_bytes(), digest_size=20).digest())
    dists = sorted({(d.metadata["Name"] or "", d.version or "") for d in metadata.distributions()})
    for name, version in dists:
        h.update(f"dist {name}=={version}\0".encode())
    return h.hexdigest()


def build_key(inputs: Sequence[str | os.PathLike], options: Mapping[str, object]) -> str | None:
    """Digest of what a build's outputs are a function of: every listing the reader would read (in the order
    of the names it is reported by, whatever the order typed, with a digest of its bytes), the options that change output
    (JSON-serialisable values) and :func:`code_fingerprint`. None when an input is a pipe or a device
    (``/dev/stdin``, ``<(cmd)``): it can be read once only, by the build, so such a build is never up to date."""
    h = _digest()
    h.update(code_fingerprint().encode() + b"\0")
    h.update(json.dumps(dict(options), sort_keys=True, default=str).encode() + b"\0")
    seen: set[str] = set()
    files = expand_paths(list(inputs))
    labels = listing_labels(files)
    for path in sorted(files, key=lambda p: labels[p]):  # the outputs do not depend on the order inputs are named in
        try:
            resolved = str(path.resolve())
        except OSError:
            resolved = str(path.absolute())
        if resolved in seen:
            continue
        seen.add(resolved)
        h.update(labels[path].encode("utf-8", "surrogateescape") + b"\0")
        try:
            if not stat.S_ISREG(path.stat().st_mode):
                return None
            data = path.read_bytes()
        except OSError as exc:  # the build reports it; the key only has to differ from a readable file's
            h.update(f"unreadable {type(exc).__name__} {exc.errno}\0".encode())
            continue
        h.update(len(data).to_bytes(8, "little") + hashlib.blake2b(data, digest_size=20).digest())
    return h.hexdigest()


def tree_state(folder: str | os.PathLike | None, skip: Iterable[str] = ()) -> str | None:
    """Digest of every entry under ``folder`` (relative path, type, size, mtime in ns, inode; symlinks not
    followed), leaving out the top-level names in ``skip``; None when there is no such folder."""
    if folder is None:
        return None
    root = os.fspath(folder)
    if not os.path.isdir(root):
        return None
    skip = frozenset(skip)
    entries = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        if rel_dir == ".":
            dirnames[:] = [d for d in dirnames if d not in skip]
            filenames = [f for f in filenames if f not in skip]
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            try:
                st = os.lstat(path)
            except OSError:
                return None  # changing under us: not a state to trust
            rel = name if rel_dir == "." else f"{rel_dir}/{name}"
            entries.append(f"{rel}\0{st.st_mode}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}")
    h = _digest()
    for line in sorted(entries):
        h.update(line.encode("utf-8", "surrogateescape") + b"\n")
    return h.hexdigest()


def _record_path(out_dir: Path) -> Path:
    return Path(out_dir) / CACHE_DIR / RECORD_NAME


def write_record(out_dir: str | os.PathLike, key: str, store_dir: str | os.PathLike | None,
                 log_lines: Sequence[str], errors: Sequence[InputError]) -> None:
    """Record that ``out_dir`` (and ``store_dir``) now hold the outputs of ``key``, with the lines the
    inputs made the build print and the errors that set its exit status."""
    out_dir = Path(out_dir)
    record = {
        "format": _FORMAT,
        "key": key,
        "outputs": tree_state(out_dir, _NOT_OUTPUTS),
        "store": None if store_dir is None else os.path.realpath(store_dir),
        "store_state": tree_state(store_dir),
        "log": list(log_lines),
        "errors": [[e.file, e.reason, e.line] for e in errors],
    }
    path = _record_path(out_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path) as fh:
        json.dump(record, fh, indent=1, sort_keys=True)
        fh.write("\n")


def current_record(out_dir: str | os.PathLike, key: str, store_dir: str | os.PathLike | None) -> dict | None:
    """The record of ``out_dir`` when its outputs (and ``store_dir``) are those of ``key`` and untouched
    since; else None (no record, another key, any entry changed, a malformed record)."""
    out_dir = Path(out_dir)
    try:
        record = json.loads(_record_path(out_dir).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("format") != _FORMAT or record.get("key") != key:
        return None
    log, errors = record.get("log"), record.get("errors")
    if not (isinstance(log, list) and all(isinstance(line, str) for line in log)):
        return None
    if not (isinstance(errors, list) and all(_error_row(e) for e in errors)):
        return None
    store = None if store_dir is None else os.path.realpath(store_dir)
    if record.get("store") != store:
        return None
    outputs = tree_state(out_dir, _NOT_OUTPUTS)
    if outputs is None or record.get("outputs") != outputs:
        return None
    if store is not None and (record.get("store_state") is None or record.get("store_state") != tree_state(store)):
        return None
    return record


def _error_row(row) -> bool:
    return (isinstance(row, list) and len(row) == 3 and isinstance(row[0], str) and isinstance(row[1], str)
            and (row[2] is None or (isinstance(row[2], int) and not isinstance(row[2], bool))))


def recorded_errors(record: Mapping) -> list[InputError]:
    """The input errors of the build a record describes (they set the exit status)."""
    return [InputError(file, reason, line) for file, reason, line in record["errors"]]
