"""The README's promises: its commands match CI, and its Python examples run."""
from __future__ import annotations

import re
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
    exec(compile(code, f"README.md python block {index}", "exec"), namespace)
    g = namespace.get("g")
    if g is not None:
        assert g.nx.number_of_nodes() > 0
        assert namespace["grpo"]["name"] == "Group Relative Policy Optimization"
