"""Worker processes a build forks (extraction, tokenizing, pages, the RDF writer).

Ctrl-C reaches every process of the terminal's process group. The build process turns it into one
line ("paperkg: interrupted") and stops its pools; a worker that also raised KeyboardInterrupt would
print its own traceback on the way. So workers ignore SIGINT and are stopped by their parent.
"""
from __future__ import annotations

import signal

__all__ = ["ignore_interrupts"]


def ignore_interrupts() -> None:
    """Pool initializer (or first call of a forked child): leave Ctrl-C to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
