"""Command-line arguments shared by the churn benchmarks (page_churn.py, figure_churn.py): a folder of listings,
how many of the last ones are the new day, the extraction cache and the default year."""
from __future__ import annotations

import argparse
from pathlib import Path


def listing_args(description: str, argv=None) -> tuple[argparse.Namespace, list[Path], list[Path]]:
    """(args, the listings before the new ones, all listings), listings in name order."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("listings", type=Path)
    ap.add_argument("--add", type=int, default=1)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--year", type=int, default=2025)
    args = ap.parse_args(argv)
    files = sorted(p for p in args.listings.iterdir() if p.is_file())
    return args, files[:-args.add], files
