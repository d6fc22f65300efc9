"""Scripts the tests exercise that are not importable packages (benchmarks/*.py, ../shared/eval/score.py)."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def load_script(path: str | Path, name: str) -> ModuleType:
    """A fresh module run from the file at ``path`` (not registered in sys.modules)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def benchmark(script: str, name: str | None = None) -> ModuleType:
    """``benchmarks/<script>.py`` as a fresh module."""
    return load_script(ROOT / "benchmarks" / f"{script}.py", name or f"paperkg_bench_{script}")
