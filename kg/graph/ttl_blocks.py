"""graph.ttl from the previous build's Turtle blocks: only subjects whose statements changed are serialised.

Oxigraph writes a subject's Turtle block (``subject p o ; p o , o .``, continuation lines
indented with a tab, newlines inside literals escaped) from that subject's triples and the
prefixes alone, and the file is the ``@prefix`` lines followed by the blocks in canonical
order. So a block is a function of the subject's canonical N-Triples lines: a build keeps,
in ``OUT/.cache/graph-blocks.bin``, the digest of each subject's lines (BLAKE2b, 16 bytes)
with the offset and length of its block in the graph.ttl it wrote. The next build makes
the canonical lines as always (they also give the VoID counts), and hands to the
serialiser only the subjects whose digest is not in that index; the file is then put
together from the previous graph.ttl's blocks and the new ones, in canonical order.
The bytes are those of serialising everything (tests/test_incremental.py,
tests/test_ttl_blocks.py).

The index is used only when its own checksum, the fingerprint (pyoxigraph's version,
the prefixes, FORMAT) and the BLAKE2b digest of the whole previous graph.ttl all match;
otherwise, or when the new blocks cannot be split as expected, every subject is
serialised (same bytes, no reuse). A subject whose statements hold a corpus-wide figure
that changed (a paper's PageRank, an entity's support) has other lines, so other digest:
it is serialised again, never reused stale.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import mmap
import os
import re
from array import array
from pathlib import Path

import numpy as np
import pyoxigraph as ox

from kg.atomic import atomic_write

__all__ = ["INDEX_NAME", "PENDING_NAME", "INDEX_NAMES", "PENDING_NAMES", "FORMAT", "fingerprint", "turtle_header",
           "PreviousBlocks", "BlockPlan", "write_index"]

#: the index file of graph.ttl, in the build's cache folder
INDEX_NAME = "graph-blocks.bin"
#: a build's new index until its outputs are published (kg.pipeline renames it to INDEX_NAME then): a failed
#: build leaves the index of the graph.ttl still in place
PENDING_NAME = "graph-blocks.next"
#: the same per part of the graph: "graph" (graph.ttl) and "analytics" (analytics.ttl, the corpus-wide figures)
INDEX_NAMES = {"graph": INDEX_NAME, "analytics": "analytics-blocks.bin"}
PENDING_NAMES = {"graph": PENDING_NAME, "analytics": "analytics-blocks.next"}
#: bump when the index layout or the way blocks are cut changes
FORMAT = 1
_DIGEST = 16
_MAGIC = b"paperkg-ttl-blocks\n"
#: where a Turtle block ends: a newline not followed by a tab (continuation lines start with one)
_BLOCK_END = re.compile(rb"\n(?!\t)")


#: bytes of a mapped file read at once before its pages are dropped from this process's memory
_WINDOW = 1 << 25
_PAGE = mmap.PAGESIZE


def _drop(buf, start: int, end: int) -> None:
    """Let the kernel drop the pages of a mapped file read so far (they stay in the page cache), so that
    copying a file of gigabytes does not count it all in this process's resident memory."""
    if isinstance(buf, mmap.mmap) and hasattr(mmap, "MADV_DONTNEED"):
        a = start - start % _PAGE
        b = min(end - end % _PAGE, len(buf))
        if b > a:
            with contextlib.suppress(OSError, ValueError):
                buf.madvise(mmap.MADV_DONTNEED, a, b - a)


def _digest(data) -> bytes:
    return hashlib.blake2b(data, digest_size=_DIGEST).digest()


#: the code that makes the statements: blocks of mentions and sentences are keyed by their inputs, not their lines
_STATEMENT_CODE = ("ntriples.py", "iris.py", "../schema.py", "../../ontology/_namespace.py")


def fingerprint(prefixes: dict[str, str]) -> str:
    """What a block's bytes depend on besides its statements (or, for mentions and sentences, their inputs)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(json.dumps({"format": FORMAT, "pyoxigraph": ox.__version__, "prefixes": sorted(prefixes.items())}).encode())
    here = Path(__file__).resolve().parent
    for name in _STATEMENT_CODE:
        try:
            code = (here / name).read_bytes()
        except OSError:  # not a source tree: no block is reused
            code = os.urandom(16)
        h.update(name.encode() + b"\0" + code)
    return h.hexdigest()


def turtle_header(prefixes: dict[str, str]) -> bytes:
    """The ``@prefix`` lines Oxigraph writes before the first block (it writes nothing for no triples)."""
    buf = io.BytesIO()
    t = ox.Triple(ox.NamedNode("urn:paperkg:x"), ox.NamedNode("urn:paperkg:x"), ox.NamedNode("urn:paperkg:x"))
    ox.serialize([t], buf, ox.RdfFormat.TURTLE, prefixes=prefixes)
    data = buf.getvalue()
    return data[:data.index(b"<urn:paperkg:x>")]


def _file_digest(path: Path) -> tuple[int, str]:
    with open(path, "rb") as fh:
        return os.fstat(fh.fileno()).st_size, hashlib.file_digest(fh, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


class PreviousBlocks:
    """The previous graph.ttl's blocks, by digest of their subject's canonical N-Triples lines."""

    def __init__(self, where: dict[bytes, int], offsets: np.ndarray, lengths: np.ndarray, fh, data):
        self._where, self.offsets, self.lengths = where, offsets, lengths
        self._fh, self.data = fh, data

    @classmethod
    def open(cls, index_path: Path, ttl_path: Path, fp: str) -> "PreviousBlocks | None":
        """The blocks, or None when the index is missing, damaged, of another fingerprint or of another file."""
        try:
            raw = Path(index_path).read_bytes()
            if not raw.startswith(_MAGIC):
                return None
            head_end = raw.index(b"\n", len(_MAGIC))
            head = json.loads(raw[len(_MAGIC):head_end])
            body = memoryview(raw)[head_end + 1:]
            n = int(head["count"])
            if (head.get("fingerprint") != fp or len(body) != n * (_DIGEST + 16)
                    or _digest(body) .hex() != head.get("body")):
                return None
            size, digest = _file_digest(Path(ttl_path))
            if size != head.get("size") or digest != head.get("digest"):
                return None
            digests = body[:n * _DIGEST].tobytes()
            offsets = np.frombuffer(body[n * _DIGEST:n * (_DIGEST + 8)], dtype=np.int64)
            lengths = np.frombuffer(body[n * (_DIGEST + 8):], dtype=np.int64)
            where = {digests[i * _DIGEST:(i + 1) * _DIGEST]: i for i in range(n)}
            if len(where) != n or (n and ((offsets < 0).any() or (lengths <= 0).any() or (offsets + lengths > size).any())):
                return None
            fh = open(ttl_path, "rb")
        except (OSError, ValueError, KeyError, TypeError, json.JSONDecodeError):
            return None
        try:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        except (OSError, ValueError):
            fh.close()
            return None
        return cls(where, offsets, lengths, fh, data)

    def find(self, digest: bytes) -> int:
        """Index of the block of that digest, or -1."""
        return self._where.get(digest, -1)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            if isinstance(self.data, mmap.mmap):
                self.data.close()
        self._fh.close()


class BlockPlan:
    """Per subject, in canonical order: its digest and where its block comes from (a previous block or new)."""

    def __init__(self, previous: PreviousBlocks | None):
        self.previous = previous
        self.digests = bytearray()
        self.source = array("q")  # index of the previous block, or -1: serialised now
        self.reused = 0
        self._pending: bytes | None = None  # the inputs key ``known`` did not find, for the next ``select``

    def known(self, subject: str, inputs: str) -> bool:
        """``write_canonical_ntriples``'s ``known`` (mentions, sentences: statements made from their IRI and
        ``inputs``): True, the subject recorded, when the previous file has its block; otherwise its key is
        kept for ``select``, which is called next with the subject's lines."""
        d = _digest(("\x00inputs\x1f" + subject + "\x1f" + inputs).encode("utf-8"))
        i = self.previous.find(d) if self.previous is not None else -1
        if i >= 0:
            self.digests += d
            self.source.append(i)
            self.reused += 1
            return True
        self._pending = d
        return False

    def select(self, text: str) -> bool:
        """``write_canonical_ntriples``'s ``select``: record the subject; True when it must be serialised."""
        d = self._pending
        if d is None:
            d = _digest(text.encode("utf-8"))
        else:
            self._pending = None
        self.digests += d
        i = self.previous.find(d) if self.previous is not None else -1
        self.source.append(i)
        if i >= 0:
            self.reused += 1
            return False
        return True

    def assemble(self, header: bytes, fresh, out) -> tuple[np.ndarray, np.ndarray, str, int] | None:
        """Write the file into ``out``: ``header``, then each block from the previous file or from ``fresh``.

        ``fresh``: what the serialiser wrote for the new subjects (their blocks in order, after the same
        header). Returns the new blocks' offsets and lengths, the file's digest and size; None, having
        written nothing, when ``fresh`` does not hold one block per new subject.
        """
        n_new = len(self.source) - self.reused
        if n_new:
            if not fresh[:len(header)] == header:
                return None
            ends = []
            pos, size = len(header), len(fresh)
            while pos < size:  # in windows, each dropped from memory once scanned
                stop = min(pos + _WINDOW, size)
                ends += [m.end() for m in _BLOCK_END.finditer(fresh, pos, min(stop + 1, size)) if m.start() < stop]
                _drop(fresh, pos, stop)
                pos = stop
            if len(ends) != n_new or ends[-1] != len(fresh):
                return None
        elif len(fresh):
            return None
        else:
            ends = []
        src = np.frombuffer(self.source, dtype=np.int64) if len(self.source) else np.zeros(0, np.int64)
        new = src < 0
        old = ~new
        ends = np.asarray(ends, dtype=np.int64)
        starts = np.empty(len(src), np.int64)  # where each block starts in its buffer
        lengths = np.empty(len(src), np.int64)
        if n_new:
            starts[new] = np.concatenate(([len(header)], ends[:-1]))
            lengths[new] = ends - starts[new]
        if self.reused:
            starts[old] = self.previous.offsets[src[old]]
            lengths[old] = self.previous.lengths[src[old]]
        # runs of consecutive blocks that follow each other in one buffer are written at once
        follows = np.zeros(len(src), bool)
        if len(src) > 1:
            follows[1:] = (new[1:] == new[:-1]) & (starts[1:] == starts[:-1] + lengths[:-1])
        h = hashlib.blake2b(digest_size=16)
        if not len(src):  # no subject at all: Oxigraph writes nothing, not even the prefixes
            header = b""
        out.write(header)
        h.update(header)
        heads = np.flatnonzero(~follows).tolist() + [len(src)]
        for a, b in zip(heads, heads[1:]):
            buf = fresh if new[a] else self.previous.data
            lo, hi = int(starts[a]), int(starts[b - 1] + lengths[b - 1])
            for x in range(lo, hi, _WINDOW):
                y = min(x + _WINDOW, hi)
                with memoryview(buf)[x:y] as piece:
                    out.write(piece)
                    h.update(piece)
                _drop(buf, x, y)
        offsets = len(header) + np.cumsum(lengths) - lengths
        return offsets, lengths, h.hexdigest(), int(len(header) + lengths.sum())


def write_index(path: Path, fp: str, plan: BlockPlan, offsets: np.ndarray, lengths: np.ndarray, digest: str,
                size: int) -> None:
    """Write the index of the graph.ttl just assembled (atomically; callers ignore an OSError: it is a cache)."""
    body = bytes(plan.digests) + offsets.astype(np.int64).tobytes() + lengths.astype(np.int64).tobytes()
    head = {"format": FORMAT, "fingerprint": fp, "count": len(offsets), "size": size, "digest": digest,
            "body": _digest(body).hex()}
    with atomic_write(path, "wb", fsync=False) as fh:
        fh.write(_MAGIC + json.dumps(head, sort_keys=True).encode() + b"\n")
        fh.write(body)
