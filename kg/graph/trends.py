"""What is rising: papers per month, per entity and for the whole corpus.

A paper's month is the ``YYYY-MM`` of its date (kg.ingest.dates: a full date
or the arXiv id's year-month). Only papers of the corpus count (not the
minimal nodes of works they cite); a paper counts once per entity whatever
relation links them (proposes, usesMethod, usesDataset, evaluatesOn).

``G.graph["months"]``: one ``[month, papers, papers up to and including it]``
per month from the first dated month to the last, gaps filled with 0. In RDF
these are ``pkg:Month`` nodes (``pkg:month`` xsd:gYearMonth, ``pkg:monthIndex``
= year * 12 + month - 1, ``pkg:paperCount``, ``pkg:papersUpTo``), so the
``rising-entities`` query reads window totals as differences of two
cumulative counts instead of a second aggregation.

Rising (``rising``): with ``window`` months, the latest window is the last
``window`` months up to the latest dated month, the previous window the
``window`` months before it. An entity's share of a window is the papers
mentioning it over all dated papers of the window; it rises by its share now
minus its share before (0 when the previous window has no paper). Listed:
entities with at least ``min_support`` papers in the latest window and a
positive rise, by rise (desc), then papers now (desc), name, key.
"""
from __future__ import annotations

from fractions import Fraction

from kg.schema import ENTITY_RELATIONS, ENTITY_TYPES

__all__ = ["DEFAULT_WINDOW", "DEFAULT_MIN_SUPPORT", "month_index", "month_name", "paper_months",
           "add_months", "months_table", "entity_timeline", "rising"]

DEFAULT_WINDOW = 3  # months
DEFAULT_MIN_SUPPORT = 2  # papers in the latest window


def month_index(date: str | None) -> int | None:
    """year * 12 + month - 1 of an ISO date or year-month, else None."""
    if not date or len(date) < 7 or date[4] != "-":
        return None
    try:
        year, month = int(date[:4]), int(date[5:7])
    except ValueError:
        return None
    return year * 12 + month - 1 if 1 <= month <= 12 else None


def month_name(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def paper_months(G) -> dict[str, int]:
    """{paper key: month index} of the corpus's dated papers."""
    out = {}
    for key, d in G.nodes(data=True):
        if d.get("type") == "Paper" and not d.get("external"):
            m = month_index(d.get("date"))
            if m is not None:
                out[key] = m
    return out


def add_months(G) -> None:
    """``G.graph["months"]`` (see the module docstring)."""
    G.graph["months"] = _count_months(G)


def _count_months(G) -> list:
    months = paper_months(G)
    rows = []
    if months:
        counts: dict[int, int] = {}
        for m in months.values():
            counts[m] = counts.get(m, 0) + 1
        total = 0
        for m in range(min(counts), max(counts) + 1):
            total += counts.get(m, 0)
            rows.append([month_name(m), counts.get(m, 0), total])
    return rows


def months_table(G) -> list:
    """``G.graph["months"]``, or the same rows counted now for a graph built without them (not stored)."""
    table = G.graph.get("months")
    return _count_months(G) if table is None else table


def _entity_papers(G, key: str, months: dict[str, int]) -> dict[str, int]:
    """{paper key: month} of the dated corpus papers linked to the entity."""
    out = {}
    for u, _, rel in G.in_edges(key, keys=True):
        if rel in ENTITY_RELATIONS and u in months:
            out[u] = months[u]
    return out


def entity_timeline(G, key: str, months: dict[str, int] | None = None) -> list[dict]:
    """[{"month", "papers", "total"}] for each month with a paper linked to the entity, in month order.

    ``total``: all dated papers of the corpus that month; ``months``: ``paper_months(G)`` when already made.
    """
    months = paper_months(G) if months is None else months
    totals = {row[0]: row[1] for row in months_table(G)}
    counts: dict[int, int] = {}
    for m in _entity_papers(G, key, months).values():
        counts[m] = counts.get(m, 0) + 1
    return [{"month": month_name(m), "papers": counts[m], "total": totals.get(month_name(m), 0)}
            for m in sorted(counts)]


def rising(G, window: int = DEFAULT_WINDOW, min_support: int = DEFAULT_MIN_SUPPORT) -> list[dict]:
    """Entities whose share of papers grew most in the latest window (see the module docstring).

    Rows: entity (key), name, type, recent, before (papers mentioning it),
    recent_papers, before_papers (all dated papers of each window), growth
    (float, share now minus share before), from, to (the latest window's first
    and last month), previous_from, previous_to.
    """
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        raise ValueError(f"window must be a positive number of months, not {window!r}")
    if isinstance(min_support, bool) or not isinstance(min_support, int) or min_support < 1:
        raise ValueError(f"min_support must be a positive number of papers, not {min_support!r}")
    table = months_table(G)
    if not table:
        return []
    months = paper_months(G)
    last = month_index(table[-1][0])
    cum = {month_index(row[0]): row[2] for row in table}
    first = month_index(table[0][0])

    def up_to(m: int) -> int:
        return cum[m] if m >= first else 0

    recent_total = up_to(last) - up_to(last - window)
    before_total = up_to(last - window) - up_to(last - 2 * window)
    per_entity: dict[str, list[int]] = {}
    for key, d in G.nodes(data=True):
        if d.get("type") not in ENTITY_TYPES:
            continue
        now = before = 0
        for m in _entity_papers(G, key, months).values():
            if m > last - window:
                now += 1
            elif m > last - 2 * window:
                before += 1
        if now >= min_support:
            per_entity[key] = [now, before]
    rows = []
    for key, (now, before) in per_entity.items():
        growth = Fraction(now, recent_total) - (Fraction(before, before_total) if before_total else 0)
        if growth <= 0:
            continue
        d = G.nodes[key]
        rows.append({
            "entity": key, "name": str(d.get("name") or d.get("label") or key), "type": d.get("type"),
            "recent": now, "before": before, "recent_papers": recent_total, "before_papers": before_total,
            "growth": growth, "from": month_name(last - window + 1), "to": month_name(last),
            "previous_from": month_name(last - 2 * window + 1), "previous_to": month_name(last - window),
        })
    rows.sort(key=lambda r: (-r["growth"], -r["recent"], r["name"], r["entity"]))
    for r in rows:
        r["growth"] = round(float(r["growth"]), 6)
    return rows
