"""The wheel carries every file the package reads at run time: templates, assets, TSVs, .rq, ontology, demo."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("kg", "extractors", "ontology")


def _package_files() -> set[str]:
    out = set()
    for pkg in PACKAGES:
        for p in (REPO / pkg).rglob("*"):
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
                out.add(p.relative_to(REPO).as_posix())
    return out


def test_wheel_contains_every_package_file(tmp_path):
    # a copy of the source (a build folder in the checkout could hold files deleted since)
    src = tmp_path / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for pkg in PACKAGES:
        shutil.copytree(REPO / pkg, src / pkg, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, src / name)
    # offline: the installed setuptools and wheel build it, nothing is downloaded
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                           "-q", "-w", str(tmp_path / "dist"), str(src)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("paperkg-*.whl")
    names = {n for n in zipfile.ZipFile(wheel).namelist() if not n.startswith("paperkg-")}
    expected = _package_files()
    data = {n for n in expected if not n.endswith(".py")}
    for kind in (".html", ".js", ".css", ".tsv", ".rq", ".ttl", ".json", ".txt"):
        assert any(n.endswith(kind) for n in data), kind  # the check below covers each kind
    assert any(n.startswith("kg/data/demo/") for n in data)
    assert expected - names == set()
    assert names - expected == set()
