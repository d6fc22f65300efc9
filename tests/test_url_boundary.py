"""Extraction alone decides what is a repository, a link or nothing (issue 13 bug 4, issue 17 item 8):
only http(s) URLs become links, repository owners and names follow the hosts' rules, structured
inputs (githubRepo, projectPage) are normalised once, and graph.ttl, papers.jsonl and the views
show the same URLs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib

from extractors import extract_corpus, extract_paper
from extractors.urls import classify_url, github_repo_url, normalize_url, repo_parts, web_url
from kg import pipeline
from kg.graph import build_graph
from kg.models import Paper

SCHEMA_URL = rdflib.URIRef("https://schema.org/url")


def _urls(paper: Paper) -> dict[str, set]:
    out: dict[str, set] = {"repo": set(), "link": set()}
    for m in extract_paper(paper):
        if m.kind in out:
            out[m.kind].add(m.url)
    return out


# --------------------------------------------------------------------------- unit rules

@pytest.mark.parametrize("raw", [
    'https://github.com/a/b"onmouseover="alert(1)',
    "https://github.com/a/b<script>",
    "https://github.com/a-/b", "https://github.com/-a/b", "https://github.com/a--b/c",
    "https://github.com/" + "a" * 40 + "/b",
    "https://github.com/a_b/c",  # GitHub owners have no underscore
    "https://github.com/a/b%22x", "https://github.com/a/..",
])
def test_repository_names_follow_the_hosts_rules(raw):
    url = normalize_url(raw)
    assert url is None or classify_url(url)[0] != "repo", url
    assert github_repo_url(raw) is None


@pytest.mark.parametrize("raw, repo", [
    ("https://github.com/" + "a" * 39 + "/b", "https://github.com/" + "a" * 39 + "/b"),
    ("https://github.com/a-b-c/x.y_z-1", "https://github.com/a-b-c/x.y_z-1"),
    ("https://huggingface.co/Some_Org/model.v2", "https://huggingface.co/Some_Org/model.v2"),
    ("https://github.com/foo/bar\\_baz.", "https://github.com/foo/bar_baz"),  # LaTeX escape inside a URL
])
def test_valid_repositories_are_kept(raw, repo):
    assert normalize_url(raw) == repo and classify_url(repo) == ("repo", "code")
    assert repo_parts(repo) == tuple(repo[len("https://"):].split("/"))


@pytest.mark.parametrize("raw", [
    "javascript:alert(1)", "javascript://example.com/%0aalert(1)", "JavaScript://x.org/a",
    "data:text/html,<b>x</b>", "ftp://ftp.example.org/pub/data.tar", "vbscript://x.org/y",
])
def test_only_web_urls_are_urls(raw):
    assert normalize_url(raw) is None
    assert web_url(raw) is None


def test_web_url_keeps_a_paper_url_as_given():
    assert web_url(" http://Example.org/a?b=1 ") == "http://Example.org/a?b=1"
    assert web_url("https://example.org/a paper?q=\"x\"") == "https://example.org/a paper?q=\"x\""
    for bad in ("example.org/a", "/relative/path", "https://", "https://localhost:x/", None, 3):
        assert web_url(bad) is None


def test_repo_parts_refuses_what_extraction_never_writes():
    for url in ("https://gist.github.com/alice/0123abcd", "https://github.com/a/b/tree/main",
                "http://github.com/a/b", "https://raw.githubusercontent.com/a/b/main/x.bin"):
        with pytest.raises(ValueError):
            repo_parts(url)


def test_github_repo_input_forms():
    assert github_repo_url("alice/tool") == "https://github.com/alice/tool"
    assert github_repo_url("https://github.com/alice/tool/tree/main") == "https://github.com/alice/tool"
    assert github_repo_url("github.com/alice/tool.git") == "https://github.com/alice/tool"
    assert github_repo_url("https://gist.github.com/alice/0123abcd") is None
    assert github_repo_url('alice/tool"onclick="x') is None


# --------------------------------------------------------------------------- extraction -> graph

def test_gist_and_raw_links_are_links_in_extraction_and_graph():
    paper = Paper(id="p", title="Gists", abstract=(
        "We study things. Snippets are at https://gist.github.com/alice/0123abcd and weights at "
        "https://raw.githubusercontent.com/alice/repo/main/w.bin for reuse. Our code: https://github.com/alice/tool"))
    found = _urls(paper)
    assert found["repo"] == {"https://github.com/alice/tool"}
    assert found["link"] == {"https://gist.github.com/alice/0123abcd",
                             "https://raw.githubusercontent.com/alice/repo/main/w.bin"}
    G = build_graph([paper], extract_corpus([paper])).nx
    repos = sorted(n for n, t in G.nodes(data="type") if t == "CodeRepository")
    assert repos == ["repo/github.com/alice/tool"]
    links = sorted(n for n, t in G.nodes(data="type") if t == "WebPage")
    assert links == ["link/https://gist.github.com/alice/0123abcd",
                     "link/https://raw.githubusercontent.com/alice/repo/main/w.bin"]
    assert all(G.nodes[n]["link_type"] == "code" for n in links)


def test_quoted_repository_url_in_text_is_no_repository():
    paper = Paper(id="p", title="Quotes", abstract='Code: https://github.com/a/b"onmouseover="alert(1) is here.')
    found = _urls(paper)
    assert not found["repo"] and not found["link"]
    G = build_graph([paper], extract_corpus([paper])).nx
    assert not [n for n, t in G.nodes(data="type") if t in ("CodeRepository", "WebPage")]


# --------------------------------------------------------------------------- whole build

def _build(tmp_path: Path, records: list[dict]) -> Path:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    pipeline.build_job([src], out, quiet=True, cache=False)
    return out


def test_hostile_urls_reach_no_output(tmp_path):
    out = _build(tmp_path, [
        {"id": "2401.00011", "title": "Hostile links", "abstract": "We study things and report results.",
         "url": "javascript:alert(1)", "projectPage": "javascript:alert(2)",
         "githubRepo": 'https://github.com/a/b"onmouseover="alert(3)'},
        {"title": "Relative links", "abstract": "We study other things.", "url": "data:text/html,x",
         "projectPage": "ftp://ftp.example.org/pub"},
    ])
    for path in out.rglob("*"):
        if path.is_file() and not path.name.startswith(("vis-network", "LICENSE", "paperkg.js")):  # fixed assets
            text = path.read_text(encoding="utf-8", errors="replace").lower()
            assert "javascript:" not in text and "onmouseover" not in text and "data:text" not in text, path
            assert "ftp://" not in text, path
    g = rdflib.Graph().parse(out / "graph.ttl")
    urls = {str(o) for o in g.objects(None, SCHEMA_URL)}
    assert "https://arxiv.org/abs/2401.00011" in urls  # the arXiv page replaces the refused url
    assert all(u.startswith("https://") or u.startswith("http://") for u in urls), urls
    records = [json.loads(line) for line in (out / "papers.jsonl").read_text().splitlines()]
    assert all(not r["repos"] and not r["links"] for r in records)


def test_structured_inputs_are_normalised_once(tmp_path):
    out = _build(tmp_path, [
        {"title": "Structured links", "abstract": "We study widgets.", "githubRepo": "bob/widget",
         "projectPage": "HTTP://Bob.Example.org/Widget/?utm_source=feed"},
    ])
    (rec,) = [json.loads(line) for line in (out / "papers.jsonl").read_text().splitlines()]
    assert [(r["url"], r["own"]) for r in rec["repos"]] == [("https://github.com/bob/widget", True)]
    assert [(r["url"], r["type"]) for r in rec["links"]] == [("https://bob.example.org/Widget", "project")]
    g = rdflib.Graph().parse(out / "graph.ttl")
    urls = {str(o) for o in g.objects(None, SCHEMA_URL)}
    assert {"https://github.com/bob/widget", "https://bob.example.org/Widget"} <= urls
    assert not any("Bob.Example" in u or "utm_source" in u for u in urls)  # one form, in both outputs


def test_a_host_split_after_a_dot_by_a_space_is_one_url_and_no_name():
    paper = Paper(id="p", title="A Widget Tracker", abstract=(
        "Code and data are at https://github. com/widget-lab/tracker/). We also host www.widgets. org/demo "
        "and train on quux/widget-set. See https://example. The end."))
    urls = _urls(paper)
    assert urls["repo"] == {"https://github.com/widget-lab/tracker"}, urls
    assert urls["link"] == {"https://www.widgets.org/demo"}, urls
    names = {m.text for m in extract_paper(paper) if m.kind in ("dataset", "benchmark", "method")}
    assert names == {"quux/widget-set"}, names
    assert normalize_url("https://github. com/a/b") == "https://github.com/a/b"
    assert normalize_url("https://github. Com is down") is None


def test_github_text_forms_with_a_bracket_or_colon_are_repositories_and_their_owner_no_name():
    for abstract in ("Our construction is general. Code is available on Github (WidgetLab/LT-widget).",
                     "Code: GitHub: WidgetLab/LT-widget. We compare with FooNet."):
        paper = Paper(id="p", title="A Widget Study", abstract=abstract)
        assert _urls(paper)["repo"] == {"https://github.com/WidgetLab/LT-widget"}, abstract
        names = {m.text for m in extract_paper(paper) if m.kind in ("method", "dataset", "benchmark")}
        assert not any("WidgetLab" in n for n in names), names


@pytest.mark.parametrize("abstract, repos, links", [
    ("Code is at https://github.com/widgetlab/Gizmo-Evalhttps://github.com/widgetlab/Gizmo-Eval.",
     {"https://github.com/widgetlab/Gizmo-Eval"}, set()),
    ("See https://gizmo.github.io/demohttps://github.com/widgetlab/Zorb and more.",
     {"https://github.com/widgetlab/Zorb"}, {"https://gizmo.github.io/demo"}),
])
def test_urls_glued_together_are_two_urls(abstract, repos, links):
    got = _urls(Paper(id="g", title="Widgets", abstract=abstract))
    assert got["repo"] == repos and got["link"] == links
