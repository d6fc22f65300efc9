"""Each paper's best date, and where it came from.

Sources, best first (``DATE_SOURCES``; ``Paper.date_source`` holds one):

``record``
    the record's own ``date`` / ``publishedAt`` / ``published`` field (JSON,
    JSON Lines, CSV, Atom);
``listing``
    a Daily Papers day heading that carries its year ("Aug 25, 2025");
``listing-year-option``
    a day heading without a year ("Aug 25"), the year given by ``--year``;
``listing-year-inferred``
    a day heading without a year, the year taken from the nearest heading of
    the same file that has one (the year that puts the day closest to it);
``arxiv-id``
    the year and month of the arXiv id (``2402.03300`` -> ``2024-02``), the
    fallback: ``Paper.date`` is then ``YYYY-MM`` (xsd:gYearMonth in RDF).

Papers without any of these have ``date`` None and ``date_source``
``listing-day`` (a heading without a year and nothing to infer it from: the
heading stays in ``Source.listing_day``) or ``none``.

A merged paper takes the date of its best source; among entries with equally
good sources, the earliest date.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Iterable, Sequence

__all__ = [
    "DATE_SOURCES",
    "UNDATED_SOURCES",
    "MIN_YEAR",
    "MAX_YEAR",
    "arxiv_month",
    "check_year",
    "infer_years",
    "best_date",
]

DATE_SOURCES = ("record", "listing", "listing-year-option", "listing-year-inferred", "arxiv-id")
UNDATED_SOURCES = ("listing-day", "none")
_RANK = {s: i for i, s in enumerate(DATE_SOURCES + UNDATED_SOURCES)}
MIN_YEAR, MAX_YEAR = 1990, 2100

_NEW_ID = re.compile(r"^(\d{2})(0[1-9]|1[0-2])\.\d{4,5}$")
_OLD_ID = re.compile(r"^[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/(\d{2})(0[1-9]|1[0-2])\d{3}$")


def check_year(year: int | None) -> int | None:
    """``year`` when it is a plausible listing year (MIN_YEAR..MAX_YEAR), else ValueError."""
    if year is None:
        return None
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year must be a whole number from {MIN_YEAR} to {MAX_YEAR}, not {year!r}")
    return year


def arxiv_month(arxiv_id: str | None) -> str | None:
    """``YYYY-MM`` from an arXiv id's YYMM (new ids since 2007, old ``archive/YYMMNNN`` ids from 1991)."""
    if not arxiv_id:
        return None
    m = _NEW_ID.match(arxiv_id) or _OLD_ID.match(arxiv_id)
    if not m:
        return None
    yy, mm = int(m.group(1)), m.group(2)
    year = 1900 + yy if (m.re is _OLD_ID and yy >= 91) else 2000 + yy
    return f"{year:04d}-{mm}"


def _closest_year(month: int, day: int, ref: _dt.date) -> _dt.date | None:
    """The date ``month``-``day`` in the year around ``ref`` that lies closest to it (earlier on ties)."""
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = _dt.date(year, month, day)
        except ValueError:  # Feb 29 outside a leap year
            continue
        if best is None or abs((cand - ref).days) < abs((best - ref).days):
            best = cand
    return best


def infer_years(headings: Sequence[tuple[str | None, str | None]], year: int | None = None
                ) -> list[tuple[str | None, str]]:
    """(date, source) for each day heading of one file, in file order.

    ``headings``: ``(listing_day "--MM-DD" or None, full ISO date or None)``.
    A heading with its year is ``listing``; one without takes ``year`` when
    given (``listing-year-option``), else the year that puts it closest to the
    nearest heading of the file that has a year (``listing-year-inferred``;
    the earlier heading on ties), else stays a listing day.
    """
    dated = [(i, _dt.date.fromisoformat(full)) for i, (_, full) in enumerate(headings) if full]
    out: list[tuple[str | None, str]] = []
    for i, (day, full) in enumerate(headings):
        if full:
            out.append((full, "listing"))
            continue
        if not day:
            out.append((None, "none"))
            continue
        month, dom = int(day[2:4]), int(day[5:7])
        if year is not None:
            try:
                out.append((_dt.date(year, month, dom).isoformat(), "listing-year-option"))
            except ValueError:  # "Feb 29" in a year without one
                out.append((None, "listing-day"))
            continue
        if not dated:
            out.append((None, "listing-day"))
            continue
        _, ref = min(dated, key=lambda item: (abs(item[0] - i), item[0]))
        cand = _closest_year(month, dom, ref)
        out.append((cand.isoformat(), "listing-year-inferred") if cand else (None, "listing-day"))
    return out


def _rank(source: str | None) -> int:
    return _RANK.get(source or "none", len(_RANK))


def best_date(dated: Iterable[tuple[str | None, str | None]]) -> tuple[str | None, str]:
    """The best (date, source) of a paper's entries: best source first, then the earliest date."""
    dated = list(dated)
    found = [(_rank(src), date, src) for date, src in dated if date]
    if found:
        _, date, src = min(found)
        return date, src
    return None, "listing-day" if any(src == "listing-day" for _, src in dated) else "none"
