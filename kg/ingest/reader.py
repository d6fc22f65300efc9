"""Reading input paths into de-duplicated papers.

``read_inputs`` never loses good papers because of a bad file or a bad
record: a file that cannot be read at all is one InputError, a bad record
(JSON Lines line, CSV row, JSON array entry, Atom entry, Daily Papers pair)
is one RecordError while the file's good records are kept, and the other
files are still read (``strict=True`` raises the first error of either kind
instead).  Warnings are recoverable oddities such as a Daily Papers title
with no abstract; they are reported, never fatal.
"""
from __future__ import annotations

import dataclasses
import importlib.resources
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.errors import InputError, RecordError
from kg.ingest.atom import parse_atom
from kg.ingest.dailypapers import parse_dailypapers
from kg.ingest.dates import DATE_SOURCES, UNDATED_SOURCES, check_year
from kg.ingest.dedup import merge_entries
from kg.ingest.detect import INPUT_FORMATS, HEAD_BYTES, detect_format
from kg.ingest.records import IngestWarning
from kg.ingest.structured import parse_csv, parse_json, parse_jsonl
from kg.ingest.text import decode_bytes
from kg.layout import KNOWN_OUTPUTS, OUTPUT_MARKER, marked_outputs
from kg.models import Paper

__all__ = [
    "IngestResult",
    "read_inputs",
    "read_file",
    "iter_entries",
    "expand_paths",
    "file_label",
    "listing_labels",
    "default_corpus_paths",
    "error_lines",
    "MAX_RECORD_ERRORS_SHOWN",
]

#: Bad records shown per file by ``error_lines``; the rest are counted.
MAX_RECORD_ERRORS_SHOWN = 20

_PARSERS: dict[str, Callable[[str, str, list | None, list | None], list[Paper]]] = {
    "dailypapers": parse_dailypapers,
    "json": parse_json,
    "jsonl": parse_jsonl,
    "atom": parse_atom,
    "csv": parse_csv,
}
_SKIP_NAMES = ("readme", "license", "licence")


@dataclass
class IngestResult:
    """What ``read_inputs`` read: papers plus an account of merges and failures."""

    papers: list[Paper] = field(default_factory=list)
    entries_read: int = 0
    files: list[str] = field(default_factory=list)
    merged: list[dict] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[IngestWarning] = field(default_factory=list)
    #: each listing's name as typed (what errors and warnings say) -> its name in the outputs (listing_labels)
    labels: dict[str, str] = field(default_factory=dict)

    def report(self) -> dict:
        """JSON-ready summary; the same inputs, in any order and however their paths are spelled, give the same
        dict (files named by their output labels)."""
        return {
            "files": sorted(self.files),
            "entries_read": self.entries_read,
            "papers": len(self.papers),
            "merged_count": len(self.merged),
            "merged": [dict(m, sources=list(m["sources"])) for m in self.merged],
            "errors": sorted(self._labelled(e) for e in self.errors),
            "skipped_records": sorted(
                ({"file": self.labels.get(e.file, e.file), "line": e.line, "position": e.position, "reason": e.reason}
                 for e in self.skipped),
                key=lambda r: (r["file"], r["position"] if r["position"] is not None else -1, r["line"] or 0)),
            "warnings": sorted(self._labelled(w) for w in self.warnings),
            "date_sources": self.date_sources(),
        }

    def _labelled(self, problem) -> str:
        """An error's or warning's message with its file named by the output label."""
        text, typed = str(problem), str(getattr(problem, "file", ""))
        label = self.labels.get(typed)
        return label + text[len(typed):] if label is not None and typed and text.startswith(typed) else text

    def date_sources(self) -> dict:
        """Papers per date source (kg.ingest.dates), every source listed, in order of preference."""
        counts = dict.fromkeys(DATE_SOURCES + UNDATED_SOURCES, 0)
        for paper in self.papers:
            counts[paper.date_source] = counts.get(paper.date_source, 0) + 1
        return counts

    @property
    def skipped(self) -> list[RecordError]:
        """The bad records skipped in files whose other records were kept (a subset of ``errors``)."""
        return [e for e in self.errors if isinstance(e, RecordError)]


def error_lines(errors: Iterable[InputError], limit: int = MAX_RECORD_ERRORS_SHOWN) -> list[str]:
    """One message per error, but at most ``limit`` bad records per file, then a count of the rest.

    A file of a million broken lines must not print a million lines.
    """
    errors = list(errors)
    totals: dict[str, int] = {}
    for err in errors:
        if isinstance(err, RecordError):
            totals[err.file] = totals.get(err.file, 0) + 1
    shown: dict[str, int] = {}
    out = []
    for err in errors:
        if isinstance(err, RecordError):
            n = shown[err.file] = shown.get(err.file, 0) + 1
            if n > limit:
                if n == limit + 1:
                    out.append(f"{err.file}: {totals[err.file] - limit} more bad records skipped "
                               f"({totals[err.file]} in all)")
                continue
        out.append(str(err))
    return out


def _demo_dir() -> Path | None:
    root = importlib.resources.files("kg") / "data" / "demo"
    return Path(str(root)) if root.is_dir() else None


def file_label(path: str | os.PathLike) -> str:
    """How a file is named in sources, errors and reports.

    The path as given, except that bundled demo files are ``demo/<name>``, so
    the demo build is byte-identical wherever paperkg is installed.
    """
    path = Path(path)
    return _demo_label(path) or path.as_posix()


def _demo_label(path: Path) -> str | None:
    """``demo/<name>`` for a bundled demo file, else None."""
    demo = _demo_dir()
    if demo is not None and path.is_file():
        try:
            if path.resolve().parent == demo.resolve():
                return f"demo/{path.name}"
        except OSError:
            pass
    return None


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def listing_labels(files: Iterable[Path]) -> dict[Path, str]:
    """How each listing is named in the outputs (a paper's sources, the build report): its path below the folder
    that holds all the listings, led by that folder's own name ("corpus/2025-08-25.txt").

    The path as typed ("../corpus", "/home/me/corpus", "corpus/") would make the graph, every page and the
    build report depend on where the build was started and leak local folders into published files; a re-run
    with the same listings spelled another way would rewrite every page. Bundled demo files stay
    ``demo/<name>`` (:func:`file_label`). Errors still name the file as typed: that is what the user can open.
    """
    files = list(files)
    labels: dict[Path, str] = {}
    others = []
    for path in files:
        demo = _demo_label(path)
        if demo is not None:
            labels[path] = demo
        else:
            others.append(path)
    if not others:
        return labels
    # absolute but not resolved: ".." and "." go, a symlinked listing keeps the name it has in the folder
    absolute = {path: Path(os.path.abspath(path)) for path in others}
    common = Path(os.path.commonpath([str(a.parent) for a in absolute.values()]))
    if common == Path(common.anchor):
        # listings from folders that share nothing but the root ("/tmp/in/a.json", "/data/corpus/b.txt"): each
        # is named by its own folder and name, more folders only where two would be named alike
        parts = {path: where.parts[1:] for path, where in absolute.items()}
        depth = 2
        while True:
            named = {path: "/".join(p[-depth:]) for path, p in parts.items()}
            if len(set(named.values())) == len(set(absolute.values())) or depth >= max(map(len, parts.values())):
                break
            depth += 1
        labels.update(named)
        return labels
    for path, where in absolute.items():
        labels[path] = (Path(common.name) / where.relative_to(common)).as_posix()
    return labels


def _skipped(name: str) -> bool:
    return name.startswith(".") or name.casefold().startswith(_SKIP_NAMES)


#: Files found inside a listings folder that are documents, pictures, code or archives, never a listing: skipped
#: with one warning (notes.md beside the dumps would otherwise become papers). Any other file is read, and
#: reports its own error if it is no listing; named on the command line, any file is read.
NOT_LISTING_SUFFIXES = frozenset({
    ".md", ".markdown", ".rst", ".org", ".html", ".htm", ".pdf", ".doc", ".docx", ".odt", ".rtf", ".ppt", ".pptx",
    ".xls", ".xlsx", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico", ".py", ".ipynb", ".sh", ".js",
    ".css", ".r", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".zip", ".gz", ".bz2", ".xz", ".tar", ".tgz", ".7z",
    ".ttl", ".nt", ".rdf", ".bib", ".tex", ".log",
})


def expand_paths(paths: Iterable[str | os.PathLike], skipped: list[Path] | None = None) -> list[Path]:
    """Files in the order given; a directory becomes its files, recursively, sorted.

    Inside directories, hidden entries, README/LICENSE files and documents, pictures,
    code and archives (:data:`NOT_LISTING_SUFFIXES`; appended to ``skipped``) are skipped, and
    so are paperkg output folders (marked by kg.layout.OUTPUT_MARKER): a build
    of ``.`` must not read its own previous outputs as listings.
    A path that does not exist is kept, so reading it reports the error.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            out.append(path)
            continue
        found = []
        for dirpath, dirnames, filenames in os.walk(path):
            outputs: set[str] = set()
            if OUTPUT_MARKER in filenames:  # a paperkg output folder: its pages and graph are not listings
                if dirpath != str(path):
                    dirnames[:] = []
                    continue
                # the folder given is itself an output folder (``build . -o .``): skip only the outputs
                outputs = (marked_outputs(dirpath) or set()) | KNOWN_OUTPUTS
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in outputs)
            rel = Path(dirpath).relative_to(path)
            for name in sorted(filenames):
                if _skipped(name) or name in outputs or not (Path(dirpath) / name).is_file():  # no FIFOs, devices
                    continue
                if Path(name).suffix.casefold() in NOT_LISTING_SUFFIXES:
                    if skipped is not None:
                        skipped.append(path / rel / name)
                    continue
                found.append((rel / name).as_posix())
        out.extend(path / rel for rel in sorted(found))
        if not found:
            out.append(path)  # read_file reports "directory contains no input files"
    return out


def _check_format(fmt: str | None, file: str) -> None:
    if fmt is not None and fmt not in INPUT_FORMATS:
        raise InputError(file, f"unknown format {fmt!r} (expected one of: {', '.join(INPUT_FORMATS)})")


def _read_one(path: Path, fmt: str | None, warnings: list[IngestWarning] | None,
              errors: list[InputError] | None = None, year: int | None = None) -> list[Paper]:
    file = file_label(path)
    _check_format(fmt, file)
    if path.is_dir():
        raise InputError(file, "directory contains no input files")
    try:
        mode = path.stat().st_mode
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
            raise InputError(file, "not a regular file (a device or socket), not a paper listing")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(file, "no such file") from None
    except OSError as exc:
        raise InputError(file, f"cannot read file: {exc.strerror or exc}") from None
    text = decode_bytes(data, file)
    fmt = fmt or detect_format(path, data[:HEAD_BYTES])
    if fmt == "dailypapers":
        return parse_dailypapers(text, file, warnings, errors, year=year)
    return _PARSERS[fmt](text, file, warnings, errors)


def read_file(path: str | os.PathLike, fmt: str | None = None, warnings: list[IngestWarning] | None = None,
              errors: list[InputError] | None = None, year: int | None = None) -> list[Paper]:
    """Entries of one file, before de-duplication, each with its id computed.

    ``fmt`` overrides content detection; recoverable problems are appended to
    ``warnings`` when a list is given.  Raises InputError for a bad file.
    Bad records are skipped into ``errors`` (RecordError) when a list is
    given; without one the first bad record is raised. ``year``: the year of
    Daily Papers day headings written without one (kg.ingest.dates).
    """
    return _read_one(Path(path), fmt, warnings, errors, check_year(year))


def iter_entries(path: str | os.PathLike, fmt: str | None = None) -> Iterator[Paper]:
    """Iterate over ``read_file(path, fmt)`` (the file is parsed as a whole first)."""
    yield from read_file(path, fmt)


def read_inputs(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    fmt: str | None = None,
    strict: bool = False,
    year: int | None = None,
) -> IngestResult:
    """Read every input, record bad files, and merge duplicate papers across all of them.

    ``year``: the year of Daily Papers day headings written without one
    (else inferred per file; kg.ingest.dates).

    The result does not depend on the order of ``paths``: entries are merged in
    (file, position) order and papers are returned sorted by id.
    """
    year = check_year(year)
    result = IngestResult()
    entries: list[Paper] = []
    seen: set[str] = set()
    not_listings: list[Path] = []
    files = expand_paths(paths, not_listings)
    labels = listing_labels(files)
    if not_listings:
        names = ", ".join(p.name for p in not_listings[:3]) + (", ..." if len(not_listings) > 3 else "")
        folder = str(not_listings[0].parent)
        result.labels[folder] = listing_labels([*files, not_listings[0]])[not_listings[0]].rpartition("/")[0]
        result.warnings.append(IngestWarning(
            folder, f"{len(not_listings)} file(s) that are no listings skipped ({names}); "
            f"name a file on the command line to read it anyway"))
    for path in sorted(files, key=lambda p: labels[p]):  # label order: the same file named twice keeps one name
        key = str(_resolved(path))
        if key in seen:  # the same file named twice would merge every paper with itself
            continue
        seen.add(key)
        label = labels[path]
        result.files.append(label)
        result.labels[file_label(path)] = label
        skipped: list[InputError] | None = None if strict else []
        try:
            found = _read_one(path, fmt, result.warnings, skipped, year)
        except InputError as exc:
            if strict:
                raise
            result.errors.append(exc)  # the file as a whole: records it skipped before are moot
            continue
        result.errors.extend(skipped or ())
        entries.extend(_relabelled(found, label))
    result.entries_read = len(entries)
    # Canonical order, so that listing the same files in another order builds the same graph:
    # entries by (file, position) decide merge ties, papers come out sorted by id.
    entries.sort(key=_entry_order)
    papers, result.merged = merge_entries(entries)
    result.papers = sorted(papers, key=lambda p: p.id)
    return result


def _relabelled(entries: list[Paper], label: str) -> list[Paper]:
    """The entries of one listing with their source named by the listing's output label."""
    return [dataclasses.replace(e, sources=tuple(dataclasses.replace(s, file=label) for s in e.sources))
            if any(s.file != label for s in e.sources) else e for e in entries]


def _entry_order(entry: Paper) -> tuple:
    src = entry.sources[0] if entry.sources else None
    return (src.file, src.position) if src is not None else ("", 0)


def default_corpus_paths() -> list[Path]:
    """The bundled demo corpus (``kg/data/demo``), sorted, without README/hidden files.

    Read through ``read_inputs`` these files are labelled ``demo/<name>``.
    """
    root = _demo_dir()
    if root is None:
        return []
    return sorted((p for p in root.iterdir() if p.is_file() and not _skipped(p.name)), key=lambda p: p.name)
