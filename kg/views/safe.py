"""Escaping and naming helpers: the only places input text meets HTML, JS or the file system."""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from urllib.parse import urlsplit

__all__ = ["json_for_script", "slugify", "PageNames", "safe_url", "excerpt"]

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")
_encode_str = json.encoder.encode_basestring  # what json.dumps(s, ensure_ascii=False) writes for a str


def json_for_script(obj) -> str:
    """JSON that is safe inside a <script> element and byte-stable (sorted keys, no spaces).

    ``<``, ``>``, ``&`` and the JS line separators are written as \\u escapes so
    input text can never close the script element or break a JS parser.
    """
    if type(obj) is str:  # the common case (ids, tooltips): skip building an encoder per call
        text = _encode_str(obj)
    else:
        text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return _JSON_ESCAPE_RE.sub(_escape_match, text)


def _escape_match(m) -> str:
    return _JSON_ESCAPES[m.group(0)]


_SLUG_BAD = re.compile(r"[^a-z0-9._-]+")
_SLUG_DOTS = re.compile(r"\.{2,}")
_SLUG_DASHES = re.compile(r"-{2,}")
_MAX_SLUG = 80


def slugify(text: str) -> str:
    """A file-name-safe slug: ``[a-z0-9._-]``, no leading dot, no ``..``, never empty."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("/", "-")
    text = _SLUG_BAD.sub("-", text)
    text = _SLUG_DOTS.sub(".", text)
    text = _SLUG_DASHES.sub("-", text)
    text = text.strip("-.")[:_MAX_SLUG].strip("-.")
    return text or "x"


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


class PageNames:
    """Assigns each node key a unique, safe page path such as ``entity/method-grpo.html``.

    Names are given in sorted key order so that the same graph always yields
    the same names; a slug that collides (or had to drop characters) gets a
    short hash of the full key appended.
    """

    def __init__(self) -> None:
        self._by_key: dict[str, str] = {}
        self._taken: set[str] = set()

    def assign(self, folder: str, keys, strip_prefix: bool = False) -> None:
        for key in sorted(keys):
            raw = key.split("/", 1)[1] if strip_prefix and "/" in key else key
            slug = slugify(raw)
            name = f"{folder}/{slug}.html"
            n = 0
            while name in self._taken:
                salt = key if n == 0 else f"{key}#{n}"
                name = f"{folder}/{slug[:_MAX_SLUG - 9]}-{_short_hash(salt)}.html"
                n += 1
            self._taken.add(name)
            self._by_key[key] = name

    def get(self, key: str) -> str | None:
        return self._by_key.get(key)

    def items(self):
        return sorted(self._by_key.items())


def safe_url(url) -> str | None:
    """The URL if it is plain http(s) and so safe to put in an href; else None."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if any(ord(c) < 32 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def excerpt(text, limit: int = 240) -> str:
    """First ``limit`` characters of ``text`` on a word boundary, with an ellipsis if cut."""
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(",.;:") + "\u2026"
