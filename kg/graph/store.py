"""A persistent on-disk Oxigraph store of the graph (``paperkg build --store DIR``).

``paperkg query --store DIR`` and ``paperkg serve --store DIR`` open it
read-only and start at once, instead of parsing graph.ttl on every start.
The store is bulk-loaded into a fresh sibling folder (``DIR.tmp-*``) and only
then swapped in for DIR, so a failed or killed build leaves the previous
store usable.
"""
from __future__ import annotations

import contextlib
import gc
import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg.errors import OutputError
from kg.layout import graph_parts

__all__ = ["write_store", "is_store_dir"]

_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}


def is_store_dir(path: Path) -> bool:
    """Does ``path`` look like an Oxigraph (RocksDB) store folder?"""
    return (path / "CURRENT").is_file() and any(path.glob("MANIFEST-*"))


def _check_target(target: Path) -> None:
    """Refuse to replace anything that is not an earlier store: never delete a user's folder."""
    if not target.exists() and not target.is_symlink():
        return
    if target.is_symlink() or not target.is_dir():
        raise OutputError(f"cannot write store {target}: it exists and is not a folder")
    if any(target.iterdir()) and not is_store_dir(target):
        raise OutputError(f"cannot write store {target}: the folder is not empty and is not an Oxigraph store")


def write_store(graph_file: str | os.PathLike, store_dir: str | os.PathLike) -> Path:
    """Bulk-load a Turtle or N-Triples file into a new on-disk store at ``store_dir`` (replacing an older one).

    A build's graph.ttl is loaded with the analytics.ttl beside it (kg.layout.graph_parts)."""
    src = Path(graph_file)
    target = Path(store_dir).absolute()
    fmt = _FORMATS.get(src.suffix.lower())
    if fmt is None:
        raise OutputError(f"cannot load {src} into a store: expected a .ttl or .nt file")
    parts = graph_parts(src)
    _check_target(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f"{target.name}.tmp-", dir=target.parent))
    except OSError as exc:
        raise OutputError(f"cannot write store {target}: {exc.strerror or exc}") from None
    old = None
    try:
        store = ox.Store(str(tmp))
        for part in parts:
            store.bulk_load(path=str(part), format=fmt)
        store.flush()
        store.optimize()
        del store
        gc.collect()  # the RocksDB lock goes with the last reference
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f"{target.name}.old-", dir=target.parent))
            os.replace(target, old / "store")
        os.replace(tmp, target)
    except (OSError, SyntaxError, ValueError) as exc:
        if old is not None and not target.exists():
            with contextlib.suppress(OSError):
                os.replace(old / "store", target)  # put the previous store back
        raise OutputError(f"cannot write store {target}: {' '.join(str(exc).split())}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return target
