"""The README's promises: its commands match CI, and its query examples return rows on the demo graph."""
from __future__ import annotations

import contextlib
import io
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_ci_runs_the_readme_test_command():
    test_command = next(b.strip() for b in _blocks("bash") if "pytest" in b)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci


def test_readme_first_command_builds_the_demo():
    first = _blocks("bash")[0].strip()
    assert first.endswith("paperkg build")
    assert "pip install ." in first


@pytest.fixture(scope="module")
def demo_outputs(tmp_path_factory):
    cwd = tmp_path_factory.mktemp("readme")
    proc = subprocess.run([sys.executable, "-m", "kg", "build", "-q"], cwd=cwd, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return cwd


@pytest.mark.parametrize("index", range(len(_blocks("python"))))
def test_readme_python_examples_run(demo_outputs, index, monkeypatch):
    code = _blocks("python")[index]
    monkeypatch.chdir(demo_outputs)
    namespace: dict = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, f"README.md python block {index}", "exec"), namespace)
    g = namespace.get("g")
    if g is not None:
        assert g.nx.number_of_nodes() > 0
    if "grpo" in namespace:
        assert namespace["grpo"]["name"] == "Group Relative Policy Optimization"
    if "g.rising(" in code:  # the rising example prints the demo's top rising entity and a timeline
        assert "GPT-3 7 of 14 papers, before 2 of 14 (2024-11..2025-01)" in printed.getvalue()
        assert "'month': '2024-12', 'papers': 2" in printed.getvalue()
    if "g.query(" in code:
        # the SPARQL example (dcterms:title, skos:prefLabel) prints the title of the paper proposing GRPO
        assert "DeepSeekMath: Pushing the Limits of Mathematical Reasoning" in printed.getvalue()


def _query_commands() -> list[str]:
    """Every ``paperkg query ...`` line of the README's bash blocks (not --list)."""
    lines = [ln.strip() for b in _blocks("bash") for ln in b.splitlines()]
    return [ln for ln in lines if ln.startswith("paperkg query ") and "--list" not in ln]


def _run_query_cli(argv: list[str]) -> str:
    from kg.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(argv) == 0
    return out.getvalue()


def _row_count(text: str, fmt: str) -> int:
    if fmt == "csv":
        return len(text.splitlines()) - 1  # header line
    m = re.search(r"^\((\d+) rows?", text, flags=re.M)
    assert m, text
    return int(m.group(1))


#: README example -> text its result must show
README_QUERY_ROWS = {
    "papers-using-entity": "paper:2402.03300",
    "why": "Proximal Policy Optimization",
    "dcterms:title": "Proximal Policy Optimization Algorithms",
    "rising-entities": "GPT-3",
    "entity-timeline": "2024-12",
}


@pytest.mark.parametrize("command", _query_commands())
def test_readme_query_examples_return_rows(demo_outputs, command, monkeypatch):
    argv = shlex.split(command.rstrip("\\"), comments=True)[1:]
    monkeypatch.chdir(demo_outputs)
    if "--sparql" in argv:  # the text piped to a standalone server: it must answer the named query's rows there
        from kg.queries import load_store, run_named, run_query

        text = _run_query_cli(argv)
        store = load_store(demo_outputs / "outputs")
        name, params = argv[argv.index("--name") + 1], dict(a.split("=", 1) for a in argv[2:] if "=" in a)
        named = run_named(store, name, params)
        got = run_query(store, text)  # the values are in the text: nothing is bound here
        assert named.rows
        assert [tuple(row[got.columns.index(c)] for c in named.columns) for row in got.terms] == list(named.terms)
        return
    fmt = argv[argv.index("--format") + 1] if "--format" in argv else "table"
    out = _run_query_cli(argv)
    assert _row_count(out, fmt) >= 1, out
    if "LIMIT 5" in command:
        assert _row_count(out, fmt) == 5
    expected = [text for key, text in README_QUERY_ROWS.items() if key in command]
    assert expected and all(text in out for text in expected), (command, out)


def _curl_commands() -> list[str]:
    return [ln.strip() for b in _blocks("bash") for ln in b.splitlines() if ln.startswith("curl ")]


@pytest.mark.parametrize("command", _curl_commands())
def test_readme_curl_examples_return_rows(demo_outputs, command):
    """Each curl example, sent to ``paperkg serve`` on the demo graph, answers with rows."""
    import json
    import threading
    import urllib.parse
    import urllib.request

    from kg.serve import make_server

    args = shlex.split(command, comments=True)[1:]
    url = next(a for a in args if a.startswith("http://"))
    data = [args[i + 1] for i, a in enumerate(args) if a == "--data-urlencode"]
    headers = dict(args[i + 1].split(": ", 1) for i, a in enumerate(args) if a == "-H")
    srv = make_server(demo_outputs / "outputs", "127.0.0.1", 0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        url = url.replace("127.0.0.1:8000", f"127.0.0.1:{srv.server_address[1]}")
        body = "&".join(urllib.parse.quote(k) + "=" + urllib.parse.quote(v)
                        for k, v in (d.split("=", 1) for d in data)).encode() if data else None
        with urllib.request.urlopen(urllib.request.Request(url, data=body, headers=headers), timeout=30) as resp:
            text = resp.read().decode("utf-8")
    finally:
        srv.shutdown()
        srv.server_close()
    if headers.get("Accept") == "text/csv":
        lines = text.splitlines()
        assert lines[0] == "n" and int(lines[1]) > 10_000  # COUNT(*) over the demo graph
    else:
        rows = json.loads(text)["results"]["bindings"]
        assert any("2402.03300" in r["paper"]["value"] for r in rows), text[:500]


def _list_examples() -> list[tuple[str, str]]:
    from kg.queries import list_named

    return [(q.name, q.example) for q in list_named()]


@pytest.mark.parametrize("name, example", _list_examples())
def test_every_named_query_example_returns_rows(demo_outputs, name, example, monkeypatch):
    """``paperkg query --list`` shows one example per query; on the demo graph each gives rows."""
    assert example.startswith(f"paperkg query --name {name}")
    monkeypatch.chdir(demo_outputs)
    out = _run_query_cli(shlex.split(example)[1:])
    assert _row_count(out, "table") >= 1, out
