"""Memory checks before a build forks worker processes or starts a stage that cannot fit.

A forked worker shares its parent's pages only until it touches them (and
CPython touches every object it reads: reference counts), so each worker of
a stage that reads the whole graph can grow towards a copy of the parent.
Forking as many workers as ``--jobs`` asks regardless of the memory left
let the kernel's OOM killer end big builds without a word. Before each pool
the build now asks :func:`plan_workers` how many workers fit in the memory
available (fewer, or none: the work then runs in the build process itself),
and a stage that would not fit even there stops with a one-line
:class:`kg.errors.NotEnoughMemoryError` instead.

The estimates are deliberately rough and on the generous side; they only
have to tell "fits" from "clearly does not". Available memory is read with
psutil when installed, else from ``/proc/meminfo`` (``MemAvailable``);
where neither exists nothing is checked.
"""
from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from typing import Iterator

from kg.errors import NotEnoughMemoryError

__all__ = ["available_bytes", "rss_bytes", "plan_workers", "check_fits", "RESERVE_BYTES", "MB", "gc_paused",
           "rare_full_collections", "FULL_COLLECTION_EVERY"]

MB = 1 << 20
#: Memory left to the rest of the machine (and to estimation error) whatever a stage plans.
RESERVE_BYTES = 256 * MB


def available_bytes() -> int | None:
    """Memory available to new allocations without swapping, in bytes; None when unknown."""
    try:
        import psutil

        return int(psutil.virtual_memory().available)
    except Exception:  # no psutil (it is optional), or a platform it cannot read
        pass
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def rss_bytes() -> int | None:
    """Resident memory of this process in bytes; None when unknown."""
    try:
        import psutil

        return int(psutil.Process().memory_info().rss)
    except Exception:
        pass
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def check_fits(stage: str, need: int, available: int | None, reserve: int = RESERVE_BYTES) -> None:
    """Raise NotEnoughMemoryError when ``need`` more bytes for ``stage`` do not fit in ``available``."""
    if available is not None and need + reserve > available:
        raise NotEnoughMemoryError(stage, need + reserve, available)


def plan_workers(stage: str, wanted: int, per_worker: int, in_process: int, available: int | None,
                 reserve: int = RESERVE_BYTES) -> int:
    """How many worker processes ``stage`` may fork: at most ``wanted``; 1 means run in this process.

    ``per_worker``: bytes one forked worker may come to need; ``in_process``:
    bytes the stage needs when run in this process instead; ``available``:
    memory available now (None: unknown, nothing is checked). Workers that do
    not fit are dropped; with fewer than 2 left the stage runs here, and when
    even that does not fit NotEnoughMemoryError names the stage and the sizes.
    """
    wanted = max(1, int(wanted))
    if available is None:
        return wanted
    room = available - reserve
    if wanted > 1 and per_worker > 0:
        fit = min(wanted, room // per_worker)
        if fit >= 2:
            return int(fit)
    check_fits(stage, in_process, available, reserve)
    return 1


#: Young-generation collections between two full ones during a build (CPython's default: 10).
FULL_COLLECTION_EVERY = 1000


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic collector off for one burst of allocation, back on (if it was) afterwards.

    Such a burst (a batch of token tables and mentions, the graph's edges, the similarity rows)
    allocates ~10^5-10^7 containers that hold no reference cycles but keep triggering
    collections that scan the whole heap; whatever cycles it leaves are collected once the
    collector is back.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def rare_full_collections(every: int = FULL_COLLECTION_EVERY) -> Iterator[None]:
    """Full collections ``every`` young-generation collections instead of every 10, for the duration.

    A build holds millions of long-lived, acyclic containers (papers, mentions, the graph's
    dicts) and keeps adding more; each full collection walks all of them (half of entity
    resolution's 12.2 s on 95,000 papers; 10-15 % of a build from the caches). Young cycles (a page render's, a parser's) are still collected
    at once; only the rare cycle that outlives two young collections waits longer. Forked
    workers inherit the setting; the previous thresholds come back afterwards.
    """
    before = gc.get_threshold()
    gc.set_threshold(before[0], before[1], max(before[2], every))
    try:
        yield
    finally:
        gc.set_threshold(*before)
