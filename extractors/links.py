"""Repository and link mentions of one paper, de-duplicated by normalised URL.

URL finding and normalisation belong to :mod:`extractors.urls`; this module
applies it to the title and abstract Docs and adds the structured inputs
(``Paper.github`` as an own repo, ``Paper.project_page`` as a project link),
normalised by the same functions. The graph stage adds nothing to these: a
paper's repositories and links are exactly the mentions made here.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.models import Mention, Paper

from extractors.docutil import FIELD_KEY, doc_text

__all__ = ["link_mentions", "dedupe_urls"]


#: Cheap pre-check: anything that could be a URL (scheme, www, a domain with a path, code hosts, a TLD).
_MAYBE_URL = re.compile(
    r"://|www\.|\b[\w-]+\.[a-z]{2,12}/|github|gitlab|bitbucket|huggingface|\\url|\\href|"
    r"\.(?:io|com|org|net|ai|dev|edu|app|page|site|xyz|me|cn|de|uk|fr|jp|html?)\b", re.I)


def _metadata(kind: str, url: str, rule: str, **extra) -> Mention:
    return Mention(kind=kind, text=url, field="metadata", start=0, end=0, sentence="", sentence_start=0,
                   rule=rule, confidence=1.0, url=url, **extra)


def link_mentions(paper: Paper, title_doc, abstract_doc) -> tuple[Mention, ...]:
    """Repo and link mentions from the text, then from the structured fields."""
    from extractors import urls

    found: list[Mention] = []
    for field, doc in (("title", title_doc), ("abstract", abstract_doc)):
        if not _MAYBE_URL.search(doc_text(doc)):
            continue  # most abstracts hold no URL: skip the URL scanner
        doc.user_data[FIELD_KEY] = field
        for m in urls.extract_urls(doc):
            found.append(m if m.field == field else replace(m, field=field))
    if paper.github:
        repo = urls.github_repo_url(paper.github)
        if repo:
            found.append(_metadata("repo", repo, "input:githubRepo", own=True))
        else:  # a structured "githubRepo" that names no repository is still a link, if it is a web URL
            url = urls.normalize_url(paper.github)
            if url:
                found.append(_metadata("link", url, "input:githubRepo", link_type=urls.classify_url(url)[1]))
    url = urls.normalize_url(paper.project_page) if paper.project_page else None
    if url:
        found.append(_metadata("link", url, "input:projectPage", link_type="project"))
    return dedupe_urls(found)


def dedupe_urls(mentions: list[Mention]) -> tuple[Mention, ...]:
    """One mention per (kind, URL): the first, with ``own`` True if any occurrence is own."""
    first: dict[tuple[str, str], Mention] = {}
    own: dict[tuple[str, str], bool] = {}
    for m in mentions:
        key = (m.kind, m.url or m.text)
        first.setdefault(key, m)
        own[key] = own.get(key, False) or bool(m.own)
    out = []
    for key, m in first.items():
        if m.kind == "repo" and own[key] and not m.own:
            m = replace(m, own=True)
        out.append(m)
    return tuple(out)
