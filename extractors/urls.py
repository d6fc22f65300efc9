"""Code-repository and link extraction from titles and abstracts.

Abstracts cite their code and project pages in messy ways: ``\\url{...}``,
LaTeX duplicates ``u{u}``, trailing punctuation, ``/tree/...`` suffixes, no
scheme, and the copied page-title form "GitHub - owner/repo: description".
This module finds those mentions on spaCy tokens, normalises each URL to the
form the gold guidelines use, classifies it (repository vs. link and link
type) and decides whether a repository is the paper's own code.

Normalisation rules (``normalize_url``):

* strip LaTeX wrappers (``\\url{u}``, ``\\href{u}{text}``, ``u{u}``, ``{u}``)
  Markdown ``u](u)`` pairs and surrounding brackets/quotes, undo LaTeX
  escapes (``\\_`` -> ``_``), then trailing
  ``. , ; : ! ?`` (ASCII, curly quotes and full-width forms) and
  unbalanced closing ``) ] }``; what is left must hold no character a URI
  never holds (space, ``" < > \\ ^ ` { | }``);
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

``extract_urls`` refines an ``other`` link from its sentence ("project page:
URL" -> project, "videos at URL" -> video, "code at URL" -> code ...).

Finding (``find_urls``): candidates are tokens with ``like_url`` (or a LaTeX
opener token), read in bulk with ``Doc.to_array``; the text form is found by
a ``Matcher`` on "GitHub" + dash. Bare domains count only with a common web
TLD, so "model.pt", "README.md", "e.g.", "Fig.1", "v1.2" never match. Small
regexes/character scans run only on a candidate's own chunk of text, for
what tokens cannot express: where a scheme starts inside a glued token, and
LaTeX brace nesting. Mention rules: ``url``, ``url:latex`` (``\\url{}``,
``\\href{}{}``, ``u{u}``), ``url:markdown`` (``[u](u)``),
``url:github-text-form``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit

from kg.models import Mention

__all__ = [
    "normalize_url",
    "classify_url",
    "github_repo_url",
    "web_url",
    "repo_parts",
    "find_urls",
    "is_own_code",
    "extract_urls",
    "configure_tokenizer",
    "CODE_HOSTS",
    "OWN_CUES",
    "THIRD_PARTY_CUES",
    "LINK_TYPES",
]

#: Hosts whose ``/OWNER/REPO`` paths are code repositories.
CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "huggingface.co")

#: Every ``link_type`` a link mention can carry.
LINK_TYPES = ("project", "video", "data", "paper", "code", "demo", "other")

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
_LATEX_CMD_RE = re.compile(r"\\(?:url|href)\s*\{")  # use .match(text, pos): no "^" anchor
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
_GITHUB_TEXT_RE = re.compile(rf"^({_GITHUB_OWNER})/({_REPO_NAME})$")

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

def _unwrap(s: str) -> str:
    """Remove LaTeX wrappers and surrounding brackets; keep the first URL of a pair."""
    s = s.strip()
    m = _LATEX_CMD_RE.match(s)
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


def _strip_trailing(s: str) -> str:
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


#: LaTeX escapes written inside URLs ("github.com/a/b\\_c"): the character itself.
_LATEX_ESCAPE_RE = re.compile(r"\\([_%&#~$])")
#: Characters a URI never contains (RFC 3986; spaces are checked apart): a chunk holding one is no URL.
_NOT_IN_URI = frozenset('"<>\\^`{|}')


def normalize_url(raw: str) -> str | None:
    """Normalise one URL mention as written; None when it is not a URL (see module doc)."""
    if not isinstance(raw, str):
        return None
    s = _unwrap(raw)
    if "\\" in s:
        s = _LATEX_ESCAPE_RE.sub(r"\1", s)
    s = _strip_trailing(s)
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
        name = _strip_git(_strip_trailing(segs[2]))
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
    owner, name = segs[0], _strip_git(_strip_trailing(segs[1]))
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
    if "://" not in value and _GITHUB_TEXT_RE.match(value.strip("/")):
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


# Sentence words that say what an unclassified link is ("project page: URL").
_TYPE_CUES = {
    "project": ("project page", "project website", "project webpage", "project site", "homepage",
                "home page", "website", "webpage", "web page", "project"),
    "video": ("video", "videos", "demo video", "demo videos"),
    "code": ("code", "codes", "source code", "implementation", "repository", "repo"),
    "data": ("data", "dataset", "datasets", "benchmark", "checkpoints", "model checkpoints"),
    "demo": ("demo", "demos", "online demo", "interactive demo"),
}

# --------------------------------------------------------------------------- own vs third party

#: Phrases (lowercase, matched on tokens) that present the paper's own code/resources.
OWN_CUES = (
    "our code", "our codes", "our source code", "our implementation", "our project",
    "our project page", "our website", "our homepage", "our data", "our dataset", "our models",
    "our benchmark", "our repository", "our repo",
    "code", "codes", "source code", "implementation", "project page", "project website",
    "project webpage", "homepage", "home page", "website", "webpage", "repo", "repository",
    "available at", "available on", "available in", "available from", "available via",
    "available here", "accessible at", "accessible via", "can be found", "be found at",
    "be found in", "found at", "found in", "released at", "released on", "released in",
    "release", "we release", "we open-source", "open-source", "open-sourced", "open source",
    "opensource", "publicly available", "made available", "made public", "will be available",
    "will be released", "is at", "are at", "visit", "hosted at", "hosted on",
    "provided at", "provided in", "we provide", "we propose", "we introduce", "we present",
    "at this link", "link", "github", "url",
)

#: Phrases that point at somebody else's code (a baseline, a toolkit the paper uses).
THIRD_PARTY_CUES = (
    "build on", "builds on", "built on", "building on", "build upon", "builds upon",
    "built upon", "building upon", "based on", "using", "use", "uses", "used", "from",
    "baseline", "baselines", "toolkit", "toolkits", "library", "libraries", "provided by",
    "released by", "developed by", "maintained by", "adopt", "adopts", "adopted", "adopting",
    "following", "follow", "borrowed", "borrow", "implementation of", "implementations of",
    "evaluate on", "evaluated on", "evaluating on", "compare with", "compared with",
    "compare to", "compared to", "existing", "prior", "previous", "third-party",
    "off-the-shelf", "downloaded", "obtained from", "such as", "leverage", "leverages",
    "leveraging", "official implementation", "extends", "extend", "fork of", "forked from",
)


@lru_cache(maxsize=1)
def _cue_matcher():
    """A blank-English tokenizer plus PhraseMatchers for own/third-party/type cues (built once, lazily)."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    configure_tokenizer(nlp)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("OWN", [nlp.make_doc(p) for p in OWN_CUES])
    matcher.add("THIRD", [nlp.make_doc(p) for p in THIRD_PARTY_CUES])
    types = PhraseMatcher(nlp.vocab, attr="LOWER")
    for kind, phrases in _TYPE_CUES.items():
        types.add(kind, [nlp.make_doc(p) for p in phrases])
    return nlp, matcher, types


def _nearest_cue(matches, url_tok: int, url_end_tok: int):
    """Label of the cue closest before the URL (longest on ties), else closest after it."""
    before = [(e, e - s, lab) for lab, s, e in matches if e <= url_tok]
    if before:
        return max(before)[2]
    after = [(s, -(e - s), lab) for lab, s, e in matches if s >= url_end_tok]
    if after:
        return min(after)[2]
    return None


def _url_tokens(doc, start_char: int) -> tuple[int, int]:
    """First and last token of the whitespace-delimited chunk starting at ``start_char``."""
    i = next((t.i for t in doc if t.idx + len(t) > start_char), len(doc) - 1)
    j = next((t.i for t in doc[i:] if t.whitespace_), len(doc) - 1)
    return i, j


def is_own_code(sentence: str, span_start_in_sentence: int) -> bool:
    """True when the sentence presents the URL at ``span_start_in_sentence`` as the paper's own.

    The nearest cue phrase before the URL decides (``OWN_CUES`` vs
    ``THIRD_PARTY_CUES``; longer phrase wins a tie, so "available from" beats
    "from"); with no cue before it, the nearest cue after it. A URL standing
    alone as its sentence (optionally after a label such as "Code:") is the
    paper's own; any other URL without cues is not.
    """
    if not 0 <= span_start_in_sentence < len(sentence):
        return False
    nlp, matcher, _ = _cue_matcher()
    doc = nlp.make_doc(sentence)
    i, url_end = _url_tokens(doc, span_start_in_sentence)
    # the URL's own tokens are not cues
    matches = [(nlp.vocab.strings[m], s, e) for m, s, e in matcher(doc)
               if e <= i or s > url_end]
    label = _nearest_cue(matches, i, url_end + 1)
    if label is not None:
        return label == "OWN"
    rest = [t for t in doc if not t.is_punct and not t.is_space and not (i <= t.i <= url_end)]
    return not rest


def _refine_link_type(link_type: str, sentence: str, offset: int) -> str:
    """Type an ``other`` link by the first type cue before it in its sentence."""
    if link_type != "other":
        return link_type
    nlp, _, types = _cue_matcher()
    doc = nlp.make_doc(sentence)
    i, _j = _url_tokens(doc, offset)
    # the first cue names the subject ("Our project page, with demos, lives at URL")
    matches = [(s, -(e - s), nlp.vocab.strings[m]) for m, s, e in types(doc) if e <= i]
    if not matches:
        return link_type
    return min(matches)[2]


# --------------------------------------------------------------------------- tokenizer

_LATEX_PREFIX = r"\\(?:url|href)\{"
# A word glued to a URL by ":" or a Markdown "](" ("Code:https://...", "[code](https://...)"):
# split the word off so the rest ("https://...") reaches the tokenizer's url_match whole.
_GLUED_PREFIX = r"[^\s\[\](){}<>:/\\]+(?=(?::|\]\()https?://)"


def configure_tokenizer(nlp) -> None:
    """Keep URLs whole as one token: split LaTeX commands and glued words off as prefixes.

    Without this the blank English tokenizer sees "\\url{https://x.org/a/b",
    "Code:https://x.org/a/b" or "[code](https://x.org/a)" as non-URLs and
    splits them at every "/" (and at "." before a capital, which the
    sentencizer may then take as a sentence end). The rest of the tokenizer
    is unchanged. Idempotent.
    """
    from spacy.util import compile_prefix_regex

    tok = nlp.tokenizer
    current = getattr(tok.prefix_search, "__self__", None)
    pattern = getattr(current, "pattern", None)
    if isinstance(pattern, str) and _LATEX_PREFIX in pattern:
        return
    ours = compile_prefix_regex([_LATEX_PREFIX, _GLUED_PREFIX]).pattern
    if isinstance(pattern, str) and pattern:
        # keep whatever prefix rules the pipeline already has, ours tried first
        tok.prefix_search = re.compile(f"{ours}|{pattern}").match  # all ^-anchored
    else:
        tok.prefix_search = compile_prefix_regex([_LATEX_PREFIX, _GLUED_PREFIX, *nlp.Defaults.prefixes]).match


# --------------------------------------------------------------------------- finding spans

def _is_url_text(text: str) -> bool:
    core = _unwrap(text)
    if not core:
        return False
    return normalize_url(core) is not None and (
        "://" in core or core.lower().startswith("www.") or "." in core
    )


# Brace groups are matched on the raw text rather than on tokens: the tokenizer
# glues "u{u" into one token (url_match accepts "{") but splits the closing "}"
# off, so token boundaries do not follow the LaTeX nesting.
def _match_brace(text: str, open_pos: int) -> int | None:
    """Index just past the ``}`` closing the ``{`` at ``open_pos`` (no whitespace inside), else None."""
    depth = 0
    for k in range(open_pos, min(len(text), open_pos + 2048)):
        c = text[k]
        if c.isspace():
            return None
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return k + 1
    return None


def _extend_braces(text: str, end: int) -> int:
    """Swallow LaTeX duplicate groups ``{...}`` glued to a URL (``u{u}``, ``\\href{u}{u}``)."""
    while end < len(text) and text[end] == "{":
        close = _match_brace(text, end)
        if close is None:
            break
        end = close
    return end


#: "GitHub - " (hyphen, en dash or em dash) before an owner/repo chunk.
_TEXT_FORM_PATTERN = [{"LOWER": "github"}, {"ORTH": {"IN": ["-", "\u2013", "\u2014"]}}]
_TEXT_FORM_HINT = re.compile(r"github\s*[-\u2013\u2014]\s", re.I)
#: Tokens that can open a LaTeX-wrapped URL (besides ``like_url`` tokens).
_OPENER_TOKENS = ("{", "\\url{", "\\href{")


def _text_form_matches(doc, text: str) -> list[tuple[int, int]]:
    """Char spans of "owner/repo" in "GitHub - owner/repo: description" (a copied page title)."""
    from spacy.matcher import Matcher

    if not _TEXT_FORM_HINT.search(text):  # cheap pre-filter: most abstracts have no such form
        return []
    matcher = Matcher(doc.vocab)
    matcher.add("GITHUB_TEXT", [_TEXT_FORM_PATTERN])
    out = []
    for _m, _s, e in matcher(doc):
        if e >= len(doc) or not doc[e - 1].whitespace_:
            continue
        # the owner/repo chunk: following tokens with no whitespace between them
        k = e
        while k + 1 < len(doc) and not doc[k].whitespace_ and doc[k + 1].text != ":":
            k += 1
        start = doc[e].idx
        end = doc[k].idx + len(doc[k])
        chunk = _strip_trailing(text[start:end])
        if _GITHUB_TEXT_RE.match(chunk) and not _is_url_text(chunk):
            out.append((start, start + len(chunk)))
    return out


def _candidate_tokens(doc) -> tuple[list[int], bool]:
    """Indices of tokens that may start a URL (``like_url`` or a LaTeX opener), and
    whether a "github" token occurs (for the text form).

    Read from ``Doc.to_array`` so that abstracts without URLs cost one numpy
    pass instead of a Python loop over every token (or building ``doc.text``).
    """
    import numpy
    from spacy.attrs import LIKE_URL, LOWER, ORTH
    from spacy.strings import get_string_id

    if not len(doc):
        return [], False
    arr = doc.to_array([LIKE_URL, ORTH, LOWER])
    mask = arr[:, 0] != 0
    for opener in _OPENER_TOKENS:
        mask |= arr[:, 1] == numpy.uint64(get_string_id(opener))
    has_github = bool((arr[:, 2] == numpy.uint64(get_string_id("github"))).any())
    return [int(k) for k in numpy.flatnonzero(mask)], has_github


_SCHEME_IN_RE = re.compile(r"https?://|www\.", re.I)


def _url_start_in(token_text: str) -> int | None:
    """Offset where a URL starts inside a token ("code](https://..." -> 6), else None."""
    m = _SCHEME_IN_RE.search(token_text)
    if m:
        return m.start()
    return 0 if _is_url_text(token_text) else None


def _url_extent(doc, text: str, i: int, start: int) -> tuple[int, str | None]:
    """End offset and rule of the URL starting at char ``start`` inside token ``i``.

    Token-level repair: a URL runs to the end of its whitespace-delimited
    chunk, because the tokenizer splits some URLs it fails to recognise
    ("Code:https://x.org/a/b" -> "https://x.org", "/", "a", ...; a closing ")"
    of "Foo_(bar)"). Trailing punctuation is then trimmed; a glued LaTeX
    duplicate ``u{u}`` or Markdown ``[u](u)`` is swallowed whole.
    """
    j = i
    while j + 1 < len(doc) and not doc[j].whitespace_:
        j += 1
    chunk_end = doc[j].idx + len(doc[j])
    raw = text[start:chunk_end]
    cuts = [k for k in (raw.find("{"), raw.find("](")) if k > 0]
    cut = min(cuts) if cuts else -1
    if cut > 0 and raw[cut] == "{":
        if not _is_url_text(raw[:cut]):
            return start, None
        close = _match_brace(text, start + cut)
        end = close if close is not None else start + cut
        return _extend_braces(text, end), "url:latex"
    if cut > 0:  # Markdown "[u](u)": keep the first, swallow the "(u)" duplicate
        if not _is_url_text(raw[:cut]):
            return start, None
        close = raw.find(")", cut)
        end = start + (close + 1 if close > 0 else cut)
        return end, "url:markdown"
    end = start + len(_strip_trailing(raw))
    return (end, "url") if end > start and _is_url_text(text[start:end]) else (start, None)


def _find_spans(doc) -> tuple[list[tuple[int, int, str]], str]:
    """(start, end, rule) for every URL mention, in text order, never overlapping; and doc.text."""
    candidates, has_github = _candidate_tokens(doc)
    if not candidates and not has_github:
        return [], ""
    text = doc.user_data.get("kg_text") if doc.user_data else None
    if text is None:
        text = doc.text
    found: list[tuple[int, int, str]] = []
    consumed = 0
    n = len(doc)
    for i in candidates:
        tok = doc[i]
        if tok.idx < consumed:
            continue
        start = tok.idx
        end = start + len(tok)
        rule = None
        # "\url{" is one token after configure_tokenizer, else glued to the URL: read the raw text
        latex = _LATEX_CMD_RE.match(text, start)
        if latex is not None:
            close = _match_brace(text, latex.end() - 1)
            if close is not None and _is_url_text(text[latex.end():close - 1]):
                end, rule = _extend_braces(text, close), "url:latex"
        elif tok.text == "{" and i + 1 < n and not tok.whitespace_:
            close = _match_brace(text, start)
            if close is not None and _is_url_text(text[start + 1:close - 1]):
                end, rule = _extend_braces(text, close), "url:latex"
        else:
            at = _url_start_in(tok.text)
            if at is not None:
                start = tok.idx + at
                end, rule = _url_extent(doc, text, i, start)
        if rule is not None and end > start:
            found.append((start, end, rule))
            consumed = end
    if has_github:
        for s, e in _text_form_matches(doc, text):
            if not any(s < fe and fs < e for fs, fe, _r in found):
                found.append((s, e, "url:github-text-form"))
    found.sort()
    return found, text


def find_urls(doc) -> Iterator[tuple[int, int, str]]:
    """Character spans ``(start, end, text)`` of URL mentions in ``doc.text``, in text order.

    One span per occurrence: a LaTeX pair ``u{u}`` / ``\\url{u}`` is one span
    covering the whole construct; the text form "GitHub - owner/repo: ..."
    yields the span of "owner/repo".
    """
    spans, text = _find_spans(doc)
    for s, e, _rule in spans:
        yield s, e, text[s:e]


def _sentence_of(doc, text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence(s) holding chars ``start:end`` (the whole text without sentence boundaries),
    cut to a window around the URL when very long (:func:`extractors.docutil.evidence_window`)."""
    from extractors.docutil import evidence_window

    if not doc.has_annotation("SENT_START"):
        return evidence_window(text, 0, len(text), start, end)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return evidence_window(text, 0, len(text), start, end)
    first = span[0].sent
    last = span[-1].sent
    s_char = first.start_char
    e_char = max(first.end_char, last.end_char)
    return evidence_window(text, s_char, e_char, start, end)


# extractors.docutil.FIELD_KEY: the key the extraction core stores the field under
_CORE_FIELD_KEY = "kg_field"


def extract_urls(doc) -> Iterator[Mention]:
    """Yield one repo/link ``Mention`` per URL occurrence in ``doc`` (no de-duplication).

    The field comes from ``doc.user_data["field"]`` (or the core's
    ``"kg_field"``), default "abstract".
    """
    data = doc.user_data or {}
    field = data.get("field") or data.get(_CORE_FIELD_KEY) or "abstract"
    spans, text = _find_spans(doc)
    for start, end, rule in spans:
        surface = text[start:end]
        if rule == "url:github-text-form":
            url = f"https://github.com/{surface}"
            confidence = 0.9
        else:
            url = normalize_url(surface)
            confidence = 1.0
        if url is None:
            continue
        sentence, sent_start = _sentence_of(doc, text, start, end)
        kind, link_type = classify_url(url)
        offset = start - sent_start
        if kind == "repo":
            yield Mention(kind="repo", text=surface, field=field, start=start, end=end,
                          sentence=sentence, sentence_start=sent_start, rule=rule,
                          confidence=confidence, url=url, own=is_own_code(sentence, offset))
        else:
            yield Mention(kind="link", text=surface, field=field, start=start, end=end,
                          sentence=sentence, sentence_start=sent_start, rule=rule,
                          confidence=confidence, url=url,
                          link_type=_refine_link_type(link_type, sentence, offset))
