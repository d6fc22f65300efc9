"""Stable paper identifiers: the arXiv id when known, else a title slug + hash.

The id must not depend on the run, the machine or the input order, so it is a
pure function of the arXiv id or the normalised title.
"""
from __future__ import annotations

import hashlib
import re

from kg.ingest.text import normalise_title, title_slug

__all__ = ["arxiv_id_from", "arxiv_id_from_url", "paper_id", "arxiv_abs_url", "ARXIV_ID", "canonical_arxiv_id"]

# The one arXiv identifier grammar (ingest, citations in abstracts, named-query lookups):
# new style YYMM.NNNN(N) from April 2007 (0704) on, months 01-12; old style archive[.SC]/YYMMNNN,
# August 1991 to March 2007 (years 91-99, 00-07), months 01-12.
_MONTH = r"(?:0[1-9]|1[0-2])"
# four digits after the dot until December 2014 (1412), five from January 2015 (1501) on
_NEW = rf"(?:(?:07(?:0[4-9]|1[0-2])|(?:0[89]|1[0-4]){_MONTH})\.\d{{4}}|(?:1[5-9]|[2-9]\d){_MONTH}\.\d{{5}})"
_OLD = rf"[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{{2}})?/(?:9[1-9]|0[0-7]){_MONTH}\d{{3}}"
#: An arXiv id (group ``id``, without version) with an optional version suffix, for ``re`` patterns
#: (compile with re.IGNORECASE; the id must not be followed by another digit).
ARXIV_ID = rf"(?P<id>{_NEW}|{_OLD})(?:v\d+)?(?!\d)"
_ID = ARXIV_ID
_BARE_RE = re.compile(rf"(?:oai:arxiv\.org:|arxiv:)?{_ID}", re.IGNORECASE)  # (OAI-PMH: arXiv's own feeds)
_URL_RE = re.compile(
    rf"(?:^|[/.@])(?:(?:export\.|www\.)?arxiv\.org/(?:abs|pdf|html)|huggingface\.co/papers)/{_ID}(?:\.pdf)?(?=$|[/?#\s])",
    re.IGNORECASE,
)


def canonical_arxiv_id(found: str) -> str:
    """The id as arXiv writes it: old-style archive names lower case, subject classes upper case."""
    # Old-style archive names are lower case, subject classes upper case ("math.GT").
    if "/" in found:
        archive, number = found.split("/", 1)
        if "." in archive:
            name, cls = archive.split(".", 1)
            archive = f"{name.lower()}.{cls.upper()}"
        else:
            archive = archive.lower()
        return f"{archive}/{number}"
    return found


def arxiv_id_from(value: str | None) -> str | None:
    """arXiv id (no version) from a bare id ("arXiv:2501.01234v2", "oai:arXiv.org:2501.01234v2") or an arXiv URL."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    m = _BARE_RE.fullmatch(value)
    if m:
        return canonical_arxiv_id(m.group("id"))
    return arxiv_id_from_url(value)


def arxiv_id_from_url(url: str | None) -> str | None:
    """arXiv id from an arxiv.org abs/pdf/html URL or a huggingface.co/papers URL."""
    if not url or not isinstance(url, str):
        return None
    m = _URL_RE.search(url.strip())
    return canonical_arxiv_id(m.group("id")) if m else None


def arxiv_abs_url(arxiv_id: str) -> str:
    return f"https://arxiv.org/abs/{arxiv_id}"


def paper_id(title: str, arxiv_id: str | None = None) -> str:
    """The arXiv id, else ``<slug>-<first 8 hex of sha1(normalised title)>``."""
    if arxiv_id:
        return arxiv_id
    norm = normalise_title(title)
    digest = hashlib.sha1(norm.encode("utf-8")).hexdigest()[:8]
    return f"{title_slug(norm)}-{digest}"
