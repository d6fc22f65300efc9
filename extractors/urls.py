"""URLs as strings: normalisation and classification (no spaCy).

Abstracts cite their code and project pages in messy ways: ``\\url{...}``,
LaTeX duplicates ``u{u}``, trailing punctuation, ``/tree/...`` suffixes, no
scheme. This module turns one written URL into the form the gold guidelines
use and says what it is; it is the only place that decides repository vs.
link. Finding URLs in a Doc is :mod:`extractors.url_spans`; deciding
whether a repository is the paper's own (and typing an unclassified link from
its sentence) is the pipeline component :mod:`extractors.url_owner`.

Normalisation rules (``normalize_url``):

* strip LaTeX wrappers (``\\url{u}``, ``\\href{u}{text}``, ``u{u}``, ``{u}``)
  Markdown ``u](u)`` pairs and surrounding brackets/quotes, undo LaTeX
  escapes (``\\_`` -> ``_``), then trailing
  ``. , ; : ! ?`` (ASCII, curly quotes and full-width forms) and
  unbalanced closing ``) ] }``; what is left must hold no character a URI
  never holds (space, ``" < > \\ ^ ` { | }``);
* a host split after one of its dots by a space (a text-extraction artefact: ``https://github. com/a/b``)
  is joined again; nothing else may hold a space;
* only web URLs: a scheme other than ``http``/``https`` (``javascript:``,
  ``ftp:``, ``data:``...) is not a URL; ``https://`` is added when the scheme
  is missing; ``http`` becomes ``https``;
* lowercase the host; drop ``www.`` for code hosts only;
* code repositories (github.com, gitlab.com, bitbucket.org, and
  huggingface.co/OWNER/REPO model repos) become ``https://HOST/OWNER/REPO``:
  anything after the repo (``/tree``, ``/blob``, ``/src``...), ``.git``,
  query and fragment are dropped, owner/repo case is kept. Owners and names
  follow the host's rules (GitHub: owner of letters, digits and single
  hyphens, at most 39; name of ``[A-Za-z0-9._-]``, at most 100), so
  ``github.com/a/b"onmouseover="...`` is no repository;
* Hugging Face datasets/spaces become ``https://huggingface.co/KIND/OWNER/NAME``;
* other URLs keep path, query (minus ``utm_*`` tracking) and non-empty
  fragment; a trailing slash is dropped.

Classification rules (``classify_url``), first match wins:

* code repository as above -> ``("repo", "code")``;
* huggingface.co/datasets, zenodo, figshare, kaggle.com/datasets, Google
  Drive, Dropbox, Mendeley Data, PhysioNet -> data;
* huggingface.co/spaces, ``*.hf.space``, gradio.live -> demo;
* youtube.com, youtu.be, vimeo.com, bilibili.com -> video;
* arxiv.org, doi.org, openreview.net, aclanthology.org, huggingface.co/papers,
  proceedings/publisher sites -> paper;
* ``*.github.io``, ``*.gitlab.io``, sites.google.com, ``*.netlify.app``,
  ``*.vercel.app``, ``*.pages.dev``, ``*.notion.site`` -> project;
* anonymous mirrors (anonymous.4open.science), other code hosts (codeberg,
  sourceforge, gitee, gist, raw.githubusercontent, pypi, colab) -> code;
* a code-host page that is not a repository (``github.com/OWNER``,
  ``github.com/orgs/...``) and anything else -> other.

Structured inputs go through the same functions: ``github_repo_url`` reads a
``githubRepo`` value ("owner/name" or a URL), ``web_url`` checks a paper's
own ``url`` (http(s) only, kept as given).

This module is the only place that decides repository vs. link: the graph
stage takes ``Mention.kind`` and ``Mention.url`` as they are
(:func:`repo_parts` splits a repository URL this module wrote).

This module is the only place that decides repository vs. link: the graph
stage takes ``Mention.kind`` and ``Mention.url`` as they are
(:func:`repo_parts` splits a repository URL this module wrote).
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

__all__ = [
    "normalize_url",
    "classify_url",
    "github_repo_url",
    "web_url",
    "repo_parts",
    "is_url_text",
    "unwrap_url",
    "strip_trailing",
    "continues_split_host",
    "SPLIT_HOST_RE",
    "SPLIT_SCHEME_RE",
    "CODE_HOSTS",
    "LINK_TYPES",
    "LINK_TYPE_PREFERENCE",
    "LATEX_CMD_RE",
    "GITHUB_TEXT_RE",
]

#: Hosts whose ``/OWNER/REPO`` paths are code repositories.
CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "huggingface.co")

#: Every ``link_type`` a link mention can carry.
LINK_TYPES = ("project", "video", "data", "paper", "code", "demo", "other")
#: Which type a URL gets when papers give it several (most specific first); every type, "other" last.
LINK_TYPE_PREFERENCE = ("project", "code", "data", "paper", "video", "demo", "other")

# First path segments on code hosts that are site pages, not owners.
_RESERVED_OWNERS = {
    "github.com": {
        "orgs", "topics", "features", "sponsors", "marketplace", "settings", "collections",
        "apps", "about", "pricing", "login", "join", "explore", "trending", "search",
        "notifications", "issues", "pulls", "site", "security", "enterprise", "readme",
        "events", "customer-stories", "team", "codespaces", "users", "new",
    },
    "gitlab.com": {"explore", "users", "help", "dashboard", "groups", "projects", "search", "-"},
    "bitbucket.org": {"product", "account", "dashboard", "repo", "site"},
    "huggingface.co": {
        "datasets", "spaces", "papers", "docs", "blog", "models", "learn", "tasks",
        "collections", "organizations", "join", "login", "pricing", "settings", "posts",
        "chat", "api", "new", "enterprise", "course", "search", "transformers", "support",
        "terms-of-service", "privacy", "inference-api", "inference-endpoints", "hub",
        "welcome", "notifications", "new-dataset", "new-space", "leaderboard", "changelog",
    },
}

# Scheme-less tokens count as URLs only with one of these (lowercase) TLDs: the
# full ccTLD list would turn "model.pt", "README.md" or "setup.py" into URLs.
_BARE_TLDS = frozenset(
    "com org net io ai edu gov mil int dev app page site co ms ly gl cc tv info xyz tech science "
    "website cn uk de fr jp kr ch nl eu ca au ru hk tw sg il es se fi dk pl cz br".split()
)
# Short hosts whose TLD is an English word but which are well known link hosts.
_BARE_HOSTS = frozenset({"youtu.be", "bit.ly", "t.co", "hf.co", "goo.gl", "aka.ms"})

_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_HOST_RE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$|^\d{1,3}(?:\.\d{1,3}){3}$")
LATEX_CMD_RE = re.compile(r"\\(?:url|href)\s*\{")  # use .match(text, pos): no "^" anchor
_TRAIL = ".,;:!?'\"*\u201d\u2019\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u3001\u2026\uff09\u3011\u300d\u300f"
_CLOSE_OPEN = {")": "(", "]": "[", "}": "{", ">": "<"}
#: GitHub's rules: owners are letters, digits and single hyphens (no hyphen first or last), at most
#: 39 characters; repository names are letters, digits, ".", "_" and "-", at most 100.
_GITHUB_OWNER = r"(?=[A-Za-z0-9-]{1,39}(?![A-Za-z0-9-]))[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"
_REPO_NAME = r"(?!\.{1,2}(?![A-Za-z0-9._-]))[A-Za-z0-9._-]{1,100}"
#: Owners on the other code hosts (GitLab, Bitbucket, Hugging Face also allow "." and "_").
_OTHER_OWNER = r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}"
_OWNER_RE = {host: re.compile(_GITHUB_OWNER if host == "github.com" else _OTHER_OWNER) for host in ("github.com", "gitlab.com", "bitbucket.org", "huggingface.co")}
_NAME_RE = re.compile(_REPO_NAME)
GITHUB_TEXT_RE = re.compile(rf"^({_GITHUB_OWNER})/({_REPO_NAME})$")

_PROJECT_SUFFIXES = (".github.io", ".gitlab.io", ".netlify.app", ".vercel.app", ".pages.dev",
                     ".notion.site", ".readthedocs.io")
_VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com", "bilibili.com", "b23.tv")
_PAPER_HOSTS = ("arxiv.org", "doi.org", "openreview.net", "aclanthology.org", "aclweb.org",
                "papers.nips.cc", "proceedings.neurips.cc", "proceedings.mlr.press", "dl.acm.org",
                "ieeexplore.ieee.org", "semanticscholar.org", "openaccess.thecvf.com", "jmlr.org",
                "biorxiv.org", "medrxiv.org", "ojs.aaai.org", "ssrn.com")
_DATA_HOSTS = ("zenodo.org", "figshare.com", "drive.google.com", "dropbox.com", "data.mendeley.com",
               "physionet.org", "dataverse.harvard.edu", "osf.io")
_DEMO_HOSTS = ("hf.space", "gradio.live", "gradio.app")
_OTHER_CODE_HOSTS = ("anonymous.4open.science", "codeberg.org", "sourceforge.net", "gitee.com",
                     "gist.github.com", "raw.githubusercontent.com", "pypi.org", "npmjs.com",
                     "colab.research.google.com", "git.io", "paperswithcode.com")


def _host_is(host: str, names: tuple[str, ...]) -> bool:
    return any(host == n or host.endswith("." + n) for n in names)


# --------------------------------------------------------------------------- normalisation

def unwrap_url(s: str) -> str:
    """Remove LaTeX wrappers and surrounding brackets; keep the first URL of a pair."""
    s = s.strip()
    m = LATEX_CMD_RE.match(s)
    if m:
        s = s[m.end():]
    s = s.lstrip("{([<\"'\u201c\u2018")
    # "u{u}" / "u}{u}": LaTeX duplicates (\href{u}{u} after the command went) keep the first;
    # likewise the Markdown pair "u](u)".
    if "](" in s:
        s = s.split("](", 1)[0]
    if "{" in s:
        s = s.split("{", 1)[0]
    if "}" in s:
        s = s.split("}", 1)[0]
    return s


def strip_trailing(s: str) -> str:
    """Drop trailing sentence punctuation and closing brackets that have no opener in the URL."""
    while s:
        c = s[-1]
        if c in _TRAIL:
            s = s[:-1]
        elif c in _CLOSE_OPEN and s.count(_CLOSE_OPEN[c]) < s.count(c):
            s = s[:-1]
        else:
            break
    return s


#: A host split after a dot by spaces, its last label and a path after: "https://github. com/a/b".
#: A scheme split from its "//" by a space (PDF text): "https: //github.com/a/b".
SPLIT_SCHEME_RE = re.compile(r"^(https?:) +(?=//)", re.I)
SPLIT_HOST_RE = re.compile(r"^((?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.) +(?=[a-z]{2,6}(?:/|$))", re.I)
_SPLIT_HOST_BEFORE = re.compile(r"(?:https?://|www\.)[A-Za-z0-9.-]*\. +$", re.I)


def continues_split_host(text: str, pos: int) -> bool:
    """Does ``text[pos:]`` continue a host split after a dot ("https://github. |com/a/b")? Then what
    starts there is the rest of a URL, not a name."""
    return _SPLIT_HOST_BEFORE.search(text, max(0, pos - 120), pos) is not None


#: LaTeX escapes written inside URLs ("github.com/a/b\\_c"): the character itself.
_LATEX_ESCAPE_RE = re.compile(r"\\([_%&#~$])")
#: Characters a URI never contains (RFC 3986; spaces are checked apart): a chunk holding one is no URL.
_NOT_IN_URI = frozenset('"<>\\^`{|}')


def normalize_url(raw: str) -> str | None:
    """Normalise one URL mention as written; None when it is not a URL (see module doc)."""
    if not isinstance(raw, str):
        return None
    s = unwrap_url(raw)
    if "\\" in s:
        s = _LATEX_ESCAPE_RE.sub(r"\1", s)
    s = SPLIT_HOST_RE.sub(r"\1", SPLIT_SCHEME_RE.sub(r"\1", strip_trailing(s), count=1), count=1)
    if not s or any(ch.isspace() or ch in _NOT_IN_URI for ch in s):
        return None
    m = _SCHEME_RE.match(s)
    if m:
        scheme = m.group(1).lower()
        if scheme not in ("http", "https"):
            return None
        rest = s[m.end():]
    else:
        if "@" in s.split("/", 1)[0]:  # e-mail address or user@host
            return None
        scheme, rest = "https", s
    if scheme == "http":
        scheme = "https"
    try:
        parts = urlsplit(f"{scheme}://{rest}")
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower().rstrip(".")
    if not host or not _HOST_RE.match(host) or "@" in parts.netloc:
        return None
    if not m:
        tld = host.rsplit(".", 1)[-1]
        if host not in _BARE_HOSTS and tld not in _BARE_TLDS:
            return None
    bare = host[4:] if host.startswith("www.") else host
    if bare in CODE_HOSTS:
        host = bare
    netloc = host if port is None else f"{host}:{port}"
    segs = [p for p in parts.path.split("/") if p]

    repo = _repo_parts(host, segs)
    if repo:
        return f"https://{host}/{repo[0]}/{repo[1]}"
    if host == "huggingface.co" and len(segs) >= 3 and segs[0] in ("datasets", "spaces"):
        name = _strip_git(strip_trailing(segs[2]))
        if name:
            return f"https://huggingface.co/{segs[0]}/{segs[1]}/{name}"

    path = parts.path.rstrip("/")
    query = _clean_query(parts.query)
    url = f"{scheme}://{netloc}{path}"
    if query:
        url += "?" + query
    if parts.fragment:
        url += "#" + parts.fragment
    return url


def _strip_git(name: str) -> str:
    return name[:-4] if name.lower().endswith(".git") and len(name) > 4 else name


def _repo_parts(host: str, segs: list[str]) -> tuple[str, str] | None:
    """(owner, repo) when ``host``/``segs`` name a code repository, else None.

    Owner and name must be made of the characters the host allows: anything
    else (a quote, ``<``, ``%``...) is not a repository."""
    if host not in CODE_HOSTS or len(segs) < 2:
        return None
    owner, name = segs[0], _strip_git(strip_trailing(segs[1]))
    if owner.lower() in _RESERVED_OWNERS[host] or name in ("-", ""):
        return None
    if not _OWNER_RE[host].fullmatch(owner) or not _NAME_RE.fullmatch(name):
        return None
    return owner, name


def repo_parts(url: str) -> tuple[str, str, str]:
    """(host, owner, name) of a repository URL as :func:`normalize_url` writes it
    (``https://HOST/OWNER/NAME``); ValueError for anything else."""
    host, sep, path = url.removeprefix("https://").partition("/") if url.startswith("https://") else ("", "", "")
    segs = path.split("/") if sep else []
    if len(segs) != 2 or _repo_parts(host, segs) != (segs[0], segs[1]):
        raise ValueError(f"not a repository URL (https://HOST/OWNER/NAME): {url!r}")
    return host, segs[0], segs[1]


def github_repo_url(value: str) -> str | None:
    """The repository URL of a structured ``githubRepo`` value: "owner/name" (on GitHub) or a URL.

    None when it names no repository on a code host (then :func:`normalize_url`
    decides whether it is a link at all)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if "://" not in value and GITHUB_TEXT_RE.match(value.strip("/")):
        value = "https://github.com/" + value.strip("/")
    url = normalize_url(value)
    return url if url is not None and classify_url(url)[0] == "repo" else None


def web_url(value: str | None) -> str | None:
    """``value`` stripped when it is an absolute http(s) URL with a host name, else None.

    For a paper's own URL from a structured input: kept as given (no
    normalisation), but ``javascript:``, ``data:``, relative and host-less
    values are refused, like everything :func:`normalize_url` refuses."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    m = _SCHEME_RE.match(value)
    if not m or m.group(1).lower() not in ("http", "https"):
        return None
    try:
        host = (urlsplit(value).hostname or "").rstrip(".")
    except ValueError:
        return None
    return value if host and _HOST_RE.match(host.lower()) else None


def _clean_query(query: str) -> str:
    """Keep a meaningful query (``?v=...``), drop tracking parameters."""
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not k.lower().startswith("utm_")]
    if len(kept) == len(pairs):
        return query
    return urlencode(kept)


# --------------------------------------------------------------------------- classification

def classify_url(url: str) -> tuple[str, str]:
    """``("repo", "code")`` for code repositories, else ``("link", link_type)``."""
    norm = normalize_url(url)
    if norm is None:
        return "link", "other"
    parts = urlsplit(norm)
    host = (parts.hostname or "").lower()
    segs = [p for p in parts.path.split("/") if p]
    if _repo_parts(host, segs):
        return "repo", "code"
    first = segs[0].lower() if segs else ""
    if host == "huggingface.co":
        kind = {"datasets": "data", "spaces": "demo", "papers": "paper"}.get(first, "other")
        return "link", kind
    if _host_is(host, _DATA_HOSTS) or (_host_is(host, ("kaggle.com",)) and first == "datasets"):
        return "link", "data"
    if _host_is(host, _DEMO_HOSTS):
        return "link", "demo"
    if _host_is(host, _VIDEO_HOSTS):
        return "link", "video"
    if _host_is(host, _PAPER_HOSTS):
        return "link", "paper"
    if _host_is(host, _OTHER_CODE_HOSTS):
        return "link", "code"
    if host.endswith(_PROJECT_SUFFIXES) or (host == "sites.google.com"):
        return "link", "project"
    return "link", "other"


def is_url_text(text: str) -> bool:
    """Does ``text`` (a chunk as written) hold a URL by itself?"""
    core = unwrap_url(text)
    if not core:
        return False
    return normalize_url(core) is not None and (
        "://" in core or core.lower().startswith("www.") or "." in core
    )
