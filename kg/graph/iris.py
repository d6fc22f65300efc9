"""Node keys and IRIs: one reversible mapping between NetworkX keys and RDF IRIs.

A data IRI is ``base_iri`` + the percent-encoded node key, so a loader that
knows the base (recorded on the graph's pkg:Extraction node) recovers every
key exactly.
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, unquote

from extractors.urls import repo_parts
from kg.errors import OutputError

__all__ = [
    "DEFAULT_BASE_IRI",
    "ARXIV_ABS",
    "DOI_BASE",
    "check_base_iri",
    "node_iri",
    "key_from_iri",
    "hashed_key",
    "repo_keys",
    "link_key",
]

DEFAULT_BASE_IRI = "https://w3id.org/paperkg/id/"
ARXIV_ABS = "https://arxiv.org/abs/"
DOI_BASE = "https://doi.org/"

# Characters kept verbatim in the IRI path (everything else is %-encoded, incl. "%").
_SAFE = "/:@!$&'()*+,;=~"
_BASE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://[^\s<>\"{}|\\^`]*[/#]$")


def check_base_iri(base_iri: str) -> str:
    """Refuse a base IRI that would mint invalid or ambiguous node IRIs."""
    if not isinstance(base_iri, str) or not _BASE_RE.match(base_iri):
        raise OutputError(
            f"invalid base IRI {base_iri!r}: must be an absolute IRI ending in '/' or '#', "
            "e.g. https://w3id.org/paperkg/id/"
        )
    return base_iri


def node_iri(base_iri: str, key: str) -> str:
    return base_iri + quote(key, safe=_SAFE)


def key_from_iri(base_iri: str, iri: str) -> str | None:
    """The node key of a data IRI, or None when the IRI is not under ``base_iri``."""
    if not iri.startswith(base_iri):
        return None
    return unquote(iri[len(base_iri):])


def hashed_key(prefix: str, *parts: object) -> str:
    """A short stable key for reification nodes (mentions, relatedness, builds-on links)."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]
    return f"{prefix}/{digest}"


def repo_keys(url: str) -> tuple[str, str, str, str, str]:
    """(repo key, org key, host, owner, name) of a repository URL as extraction wrote it
    (``https://HOST/OWNER/NAME``, :func:`extractors.urls.repo_parts`); ValueError for any other URL.

    Hosts like GitHub treat owner/name case-insensitively: keys are lower-case.
    """
    host, owner, name = repo_parts(url)
    lo, ln = owner.lower(), name.lower()
    return f"repo/{host}/{lo}/{ln}", f"org/{host}/{lo}", host, owner, name


def link_key(url: str) -> str:
    return f"link/{url}"
