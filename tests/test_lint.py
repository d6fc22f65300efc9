"""Pyflakes-class checks over the project's own code: unused imports and variables, undefined names.

A leftover import hides which module a name really comes from, and an undefined name is a bug waiting
on a code path the tests do not reach."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _ruff() -> list[str]:
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if exe is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    return [exe]


def test_no_unused_imports_variables_or_undefined_names():
    run = subprocess.run(_ruff() + ["check", "--no-cache", "--select", "F", "--output-format", "concise",
                                    "kg", "extractors", "ontology", "scripts", "benchmarks", "tests"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_check_finds_an_unused_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n")
    run = subprocess.run(_ruff() + ["check", "--no-cache", "--select", "F", str(bad)], capture_output=True, text=True)
    assert run.returncode != 0 and "F401" in run.stdout
