"""Merging listing entries that are the same paper.

Entries are grouped by arXiv id when known, else by normalised title; an
entry without an id joins the arXiv paper that has the same normalised title
(the first such paper to appear, if several do).  Groups are ordered by first
appearance, so the result depends only on the input order.

The merged paper takes its abstract (and what comes with it) from the entry
with the fullest abstract, but its title from the best-formed of the titles
that differ from that entry's only in case and spacing: an all-lower-case or
all-capitals copy must not replace the original capitalisation just because
it came with the longer abstract.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.ingest.dates import best_date
from kg.ingest.ids import paper_id
from kg.ingest.text import normalise_title
from kg.models import Paper

__all__ = ["merge_entries", "source_label"]


def source_label(paper: Paper, index: int = 0) -> str:
    src = paper.sources[index]
    return f"{src.file}#{src.position}"


def _group_keys(entries: list[Paper]) -> list[str]:
    norms = [normalise_title(e.title) for e in entries]
    title_to_arxiv: dict[str, str] = {}
    for entry, norm in zip(entries, norms):
        if entry.arxiv_id and norm and norm not in title_to_arxiv:
            title_to_arxiv[norm] = entry.arxiv_id
    keys = []
    for entry, norm in zip(entries, norms):
        if entry.arxiv_id:
            keys.append("arxiv:" + entry.arxiv_id)
        elif norm in title_to_arxiv:
            keys.append("arxiv:" + title_to_arxiv[norm])
        else:
            keys.append("title:" + norm if norm else "id:" + entry.id)
    return keys


# A space before closing punctuation, or none after a colon, comma, semicolon, "!" or "?" before a word.
_SPACING_FLAW_RE = re.compile(r"\s[:;,.!?)\]]|[(\[]\s|[:;,!?](?=[^\s\d\])}'\"])")


def _title_key(title: str) -> str:
    """Equal for titles that differ only in case and spacing."""
    return "".join(title.split()).casefold()


def _title_form(title: str) -> tuple[bool, int, int]:
    """Higher is better formed: mixed case, then fewer spacing flaws, then more capitals (Title Case)."""
    upper = sum(c.isupper() for c in title)
    lower = sum(c.islower() for c in title)
    return (upper > 0 and lower > 0, -len(_SPACING_FLAW_RE.findall(title)), upper)


def best_title(group: list[Paper], kept: Paper) -> str:
    """The best-formed title among those equal to ``kept.title`` up to case and spacing (``kept``'s on ties)."""
    key = _title_key(kept.title)
    candidates = [kept.title] + [e.title for e in group if e is not kept and _title_key(e.title) == key]
    return max(candidates, key=_title_form)  # max keeps the first of equals


def _merge_group(group: list[Paper]) -> tuple[Paper, Paper]:
    """(merged paper, entry whose abstract was kept)."""
    # Fullest abstract wins; ties go to the earliest entry (max keeps the first maximum).
    best = max(group, key=lambda e: len(e.abstract))
    title = best_title(group, best)
    arxiv = next((e.arxiv_id for e in group if e.arxiv_id), None)
    seen: set[str] = set()
    authors = []
    for entry in group:
        for name in entry.authors:
            if name.casefold() not in seen:
                seen.add(name.casefold())
                authors.append(name)
    date, date_source = best_date((e.date, e.date_source) for e in group)
    merged = replace(
        best,
        title=title,
        id=paper_id(title, arxiv),
        arxiv_id=arxiv,
        url=best.url or next((e.url for e in group if e.url), None),
        authors=tuple(authors),
        date=date,
        date_source=date_source,
        github=best.github or next((e.github for e in group if e.github), None),
        project_page=best.project_page or next((e.project_page for e in group if e.project_page), None),
        sources=tuple(s for e in group for s in e.sources),
    )
    return merged, best


def merge_entries(entries: list[Paper]) -> tuple[list[Paper], list[dict]]:
    """De-duplicated papers (first-appearance order) and one record per merge."""
    groups: dict[str, list[Paper]] = {}
    for key, entry in zip(_group_keys(entries), entries):
        groups.setdefault(key, []).append(entry)
    papers: list[Paper] = []
    merged: list[dict] = []
    for group in groups.values():  # dicts keep insertion order = first appearance
        if len(group) == 1:
            papers.append(group[0])
            continue
        paper, best = _merge_group(group)
        papers.append(paper)
        merged.append(
            {
                "id": paper.id,
                "title": paper.title,
                "count": len(group),
                "sources": [f"{s.file}#{s.position}" for s in paper.sources],
                "abstract_from": source_label(best),
            }
        )
    return papers, merged
