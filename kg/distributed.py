"""Extraction on a Dask cluster (``paperkg build --dask tcp://scheduler:8786``).

Extraction is the only stage that scales with CPUs; resolution and the graph
need the whole corpus in one place and stay local. Papers go to the workers
in batches (each batch builds the spaCy pipeline once per worker process and
reuses it); results are gathered in submission order, so the output is
identical to a local run. Every worker needs paperkg installed
(``pip install paperkg[dask]``).
"""
from __future__ import annotations

from typing import Sequence

from extractors.corpus import extract_all_mentions
from kg.errors import PaperkgError
from kg.models import Mention, Paper

__all__ = ["DEFAULT_BATCH", "extract_mentions_dask", "mentions_of_batch"]

DEFAULT_BATCH = 256
_CONNECT_TIMEOUT = "30s"


def mentions_of_batch(batch: Sequence[Paper]) -> list[tuple[Mention, ...]]:
    """Worker task: per-paper mentions of one batch, in order."""
    return extract_all_mentions(list(batch), jobs=1, progress=False)


def _client(address):
    try:
        from distributed import Client
    except ImportError:
        raise PaperkgError("--dask needs dask.distributed: pip install 'paperkg[dask]'") from None
    if isinstance(address, Client):
        return address, False
    try:
        return Client(address, timeout=_CONNECT_TIMEOUT, set_as_default=False), True
    except (OSError, TimeoutError, ValueError) as exc:
        raise PaperkgError(f"cannot connect to the Dask scheduler at {address}: {exc}") from None


def extract_mentions_dask(
    papers: Sequence[Paper],
    address,
    batch_size: int = DEFAULT_BATCH,
    progress: bool = False,
) -> list[tuple[Mention, ...]]:
    """Per-paper mentions computed on the Dask cluster at ``address`` (or an open ``Client``), in input order."""
    papers = list(papers)
    if not papers:
        return []
    client, owned = _client(address)
    try:
        batches = [papers[i:i + batch_size] for i in range(0, len(papers), batch_size)]
        futures = client.map(mentions_of_batch, batches, pure=False)
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=len(papers), unit="paper", desc="extract (dask)")
            from distributed import as_completed

            sizes = {fut.key: len(batch) for fut, batch in zip(futures, batches)}
            for fut in as_completed(futures):
                bar.update(sizes[fut.key])
            bar.close()
        try:
            results = client.gather(futures)
        except (OSError, TimeoutError) as exc:
            raise PaperkgError(f"Dask cluster at {address} failed during extraction: {exc}") from None
    finally:
        if owned:
            client.close()
    out: list[tuple[Mention, ...]] = []
    for batch, result in zip(batches, results):
        if len(result) != len(batch):
            raise PaperkgError(f"a Dask worker returned {len(result)} results for {len(batch)} papers")
        out.extend(result)
    return out
