"""Citations: the papers a paper names by identifier.

Three sources, each read by the one parser for it:

* ``arXiv:2401.12345`` (any case, spaces around the colon, a version suffix)
  written in the title or abstract, read with the arXiv grammar of
  :mod:`kg.ingest.ids` (valid years and months only: ``arXiv:2413.12345``,
  month 13, is no citation); rule ``regex:arxiv-id``;
* a link mention (found and normalised by :mod:`extractors.urls`) to an
  arXiv abstract/PDF/HTML page or a Hugging Face paper page
  (:func:`kg.ingest.ids.arxiv_id_from_url`), keeping the link's evidence;
* a link mention to ``doi.org/10.NNNN/...``: the DOI, lower-cased.

Each occurrence is one :class:`kg.models.Mention` of kind ``"citation"``
whose ``ref`` names the cited work as ``"<scheme>:<id>"`` (the schemes of
:data:`kg.models.CITATION_SCHEMES`: ``"arxiv:2401.12345"``, ``"doi:10.1/x"``)
and whose ``url`` is that work's canonical page. They are stored with the
paper's other mentions (extraction cache, ``PaperExtraction.citations``,
``papers.jsonl``); the graph stage turns them into ``cites`` edges as they are.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable
from urllib.parse import urlsplit

from kg.ingest.ids import ARXIV_ID, arxiv_abs_url, arxiv_id_from_url, canonical_arxiv_id
from kg.models import Mention

from extractors.docstate import state
from extractors.docutil import doc_text, make_mention

__all__ = ["citation_mentions", "DOI_BASE"]
#: Canonical page of a DOI.
DOI_BASE = "https://doi.org/"

_ARXIV_TEXT = re.compile(r"\barXiv\s*:\s*" + ARXIV_ID, re.IGNORECASE)
_DOI_HOSTS = ("doi.org", "dx.doi.org", "www.doi.org")
_DOI_PATH = re.compile(r"/(10\.\d{4,9}/\S+)")


def _doi_of(url: str) -> str | None:
    """The DOI of a normalised ``https://doi.org/10.NNNN/...`` link, lower-cased; else None."""
    parts = urlsplit(url)
    if (parts.hostname or "") not in _DOI_HOSTS:
        return None
    m = _DOI_PATH.fullmatch(parts.path)
    return m.group(1).lower() if m else None


def _text_citations(doc, field: str) -> list[Mention]:
    text = doc_text(doc)
    # under re.IGNORECASE only ASCII letters match "arx" (and the dotless i), so this never skips a match
    if "arx" not in text.lower():
        return []
    state(doc, field)
    out = []
    for m in _ARXIV_TEXT.finditer(text):
        ident = canonical_arxiv_id(m.group("id"))
        out.append(make_mention(doc, m.start(), m.end(), "citation", "regex:arxiv-id", 1.0,
                                url=arxiv_abs_url(ident), ref=f"arxiv:{ident}"))
    return out


def citation_mentions(title_doc, abstract_doc, links: Iterable[Mention] = ()) -> tuple[Mention, ...]:
    """Citation mentions of one paper, in order: arXiv ids in the title, then the abstract, then the
    arXiv and DOI links among ``links`` (the paper's repo/link mentions)."""
    out = _text_citations(title_doc, "title") + _text_citations(abstract_doc, "abstract")
    for link in links:
        if link.kind != "link" or not link.url:
            continue
        arxiv = arxiv_id_from_url(link.url)
        if arxiv:
            out.append(replace(link, kind="citation", url=arxiv_abs_url(arxiv), ref=f"arxiv:{arxiv}",
                               link_type=None, own=None))
            continue
        doi = _doi_of(link.url)
        if doi:
            out.append(replace(link, kind="citation", url=DOI_BASE + doi, ref=f"doi:{doi}",
                               link_type=None, own=None))
    return tuple(out)
