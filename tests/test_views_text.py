"""LaTeX in titles, abstracts and evidence is shown as text in the views; stored text keeps what was written."""
from __future__ import annotations

import json

import pytest

from kg.views.text import readable


@pytest.mark.parametrize("raw, shown", [
    (r"$\beta$-DPO", "β-DPO"),
    (r"robust in $\ell_\infty$", "robust in ℓ∞"),
    (r"reaches 57.70\% accuracy", "reaches 57.70% accuracy"),
    (r"e.g.~the base model", "e.g. the base model"),
    (r"$x^2$ and $O(n \log n)$", "x² and O(n log n)"),
    (r"step $\alpha_{t}$ and $10^{-3}$", "step αₜ and 10⁻³"),
    (r"\textbf{Bold} claim", "Bold claim"),
    (r"\alpha-entmax and \emph{sparse} \ell_1", "α-entmax and sparse ℓ_1"),
    (r"caf\'e", "café"),
    (r'Schr\"odinger and G\"{o}del', "Schrödinger and Gödel"),
    (r"Top-$k$ routing", "Top-k routing"),
])
def test_latex_becomes_text(raw, shown):
    assert readable(raw) == shown


@pytest.mark.parametrize("text", [
    "a 5% gain and 10% more",          # a bare % is a percent, not a LaTeX comment eating the rest
    "costs $5 and $10 per run",        # money, not maths
    "see http://example.org/~user/x",  # a tilde in a URL stays
    "plain text with no markup",
    'Backslash\\Path C:\\new\\table and \\"escaped\\" quote',  # backslash words LaTeX does not know
    r'a \"quoted\" word',  # an escaped quote is no accent
    r"with \backslash and \n \u0041 written literally",  # outside maths only a short list of macros converts
    "",
])
def test_text_that_is_not_latex_is_unchanged(text):
    assert readable(text) == text


def test_views_show_latex_as_text_and_papers_jsonl_keeps_it(tmp_path):
    from kg.cli import main

    title = r"$\beta$-DPO: Preference Optimization under $\ell_\infty$ Noise"
    abstract = (r"We propose $\beta$-DPO, a variant of Direct Preference Optimization (DPO) that reaches "
                r"57.70\% win rate, e.g.~on long prompts, and keeps a 5% margin.")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "2501.99999", "title": title, "abstract": abstract}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "--quiet", "--no-cache"]) == 0
    record = json.loads((out / "papers.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert record["title"] == title  # papers.jsonl has no abstract; its evidence sentences keep the LaTeX
    sentences = [record["sentences"][ev["sentence"]]["text"] for key in ("methods", "proposes")
                 for m in record.get(key) or [] for ev in (m.get("evidence") or []) if isinstance(m, dict)]
    assert any(r"57.70\%" in s or r"$\beta$" in s for s in sentences)
    page = next((out / "paper").glob("*.html")).read_text(encoding="utf-8")
    assert "<h1>β-DPO: Preference Optimization under ℓ∞ Noise</h1>" in page
    assert "57.70% win rate, e.g. on long prompts, and keeps a 5% margin." in page
    assert r"\beta" not in page and "57.70\\%" not in page
    listing = (out / "papers.html").read_text(encoding="utf-8")
    assert "β-DPO: Preference Optimization under ℓ∞ Noise" in listing
