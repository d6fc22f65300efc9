"""Repository and link mentions of one paper, de-duplicated by normalised URL.

URL finding and normalisation belong to :mod:`extractors.url_spans` and
:mod:`extractors.urls`, ownership to the ``kg_urls`` component
(:mod:`extractors.url_owner`), which leaves each Doc's URL mentions on
``doc._.kg.urls``; this module collects them from the title and abstract and
adds the structured inputs (``Paper.github`` as an own repo,
``Paper.project_page`` as a project link), normalised by the same functions.
The graph stage adds nothing to these: a paper's repositories and links are
exactly the mentions made here.
"""
from __future__ import annotations

from dataclasses import replace

from kg.models import Mention, Paper

from extractors import urls
from extractors.docstate import state

__all__ = ["link_mentions", "dedupe_urls"]


def _metadata(kind: str, url: str, rule: str, **extra) -> Mention:
    return Mention(kind=kind, text=url, field="metadata", start=0, end=0, sentence="", sentence_start=0,
                   rule=rule, confidence=1.0, url=url, **extra)


def link_mentions(paper: Paper, title_doc, abstract_doc) -> tuple[Mention, ...]:
    """Repo and link mentions from the text, then from the structured fields."""
    found: list[Mention] = []
    for field, doc in (("title", title_doc), ("abstract", abstract_doc)):
        for m in state(doc).urls:
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
