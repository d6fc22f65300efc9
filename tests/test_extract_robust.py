"""Pathological inputs: long non-space runs, sentences without full stops, huge texts."""
from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.models import Paper


def test_long_paren_run_tokenizes_to_the_same_text():
    from extractors.pipeline import make_nlp

    text = "We train GRPO on GSM8K " + ")" * 10000 + " and report MMLU."
    doc = make_nlp()(text)
    assert doc.text == text
    assert sum(t.text == ")" for t in doc) == 10000
    assert [t.text for t in doc][-3:] == ["report", "MMLU", "."]


def test_long_latex_run_keeps_names_after_it():
    from extractors import extract_paper

    abstract = "\\url{" * 2000 + " We evaluate GRPO on GSM8K."
    mentions = extract_paper(Paper(id="p", title="A title", abstract=abstract))
    texts = {m.text for m in mentions}
    assert {"GRPO", "GSM8K"} <= texts
    for m in mentions:
        assert abstract[m.start:m.end] == m.text if m.field == "abstract" else True


def test_alnum_token_rule_still_keeps_names_whole():
    from extractors.pipeline import make_nlp

    doc = make_nlp()("GSM8K and Qwen2.5-7B beat a1 on x9y.")
    assert [t.text for t in doc] == ["GSM8K", "and", "Qwen2.5-7B", "beat", "a1", "on", "x9y", "."]


def test_evidence_of_a_sentence_without_full_stops_is_a_window():
    from extractors.docutil import EVIDENCE_MAX
    from extractors import extract_paper

    filler = "word " * 20000
    abstract = filler + "we evaluate on GSM8K " + filler
    mentions = [m for m in extract_paper(Paper(id="p", title="T", abstract=abstract)) if m.text == "GSM8K"]
    assert mentions
    for m in mentions:
        assert len(m.sentence) <= EVIDENCE_MAX
        assert abstract[m.sentence_start:m.sentence_start + len(m.sentence)] == m.sentence
        assert m.sentence_start <= m.start and m.end <= m.sentence_start + len(m.sentence)
        assert not m.sentence.startswith("ord") and not m.sentence.endswith("wor")  # cut at word boundaries


def test_mentions_of_one_long_sentence_share_a_few_windows():
    """A 30,000-character sentence naming an entity every few words: the windows lie on a grid, so
    the distinct evidence texts stay about two per EVIDENCE_MAX characters, not one per mention."""
    from extractors.docutil import EVIDENCE_MAX, evidence_window

    text = "".join(f"we run GRPO and PPO on set{i} with DPO, " for i in range(800))
    spans = [(i, i + 4) for i in range(len(text)) if text.startswith("GRPO", i)]
    windows = {}
    for start, end in spans:
        evidence, offset = evidence_window(text, 0, len(text), start, end)
        assert len(evidence) <= EVIDENCE_MAX
        assert text[offset:offset + len(evidence)] == evidence and offset <= start and end <= offset + len(evidence)
        assert text[offset - 1] == " " and text[offset + len(evidence)] in " ,"  # cut at word boundaries
        windows[offset] = evidence
    assert len(spans) == 800
    assert len(windows) <= 2 * len(text) // EVIDENCE_MAX + 2  # was one window per mention (800)


def test_a_mention_longer_than_half_a_window_still_gets_one():
    from extractors.docutil import evidence_window

    text = "word " * 400 + "X" * 450 + " word" * 400
    start = text.index("X")
    evidence, offset = evidence_window(text, 0, len(text), start, start + 450)
    assert offset <= start and start + 450 <= offset + len(evidence) and len(evidence) <= 600


def test_short_sentence_evidence_is_the_whole_stripped_sentence():
    from extractors.docutil import evidence_window

    text = "  First one.  We use GRPO here.  "
    s = text.index("We")
    assert evidence_window(text, 12, len(text), s + 7, s + 11) == ("We use GRPO here.", s)


def test_text_over_the_limit_is_an_input_error(monkeypatch):
    import extractors.extract as extract

    monkeypatch.setattr(extract, "MAX_TEXT_CHARS", 50)  # patched where extract_batch reads it
    with pytest.raises(InputError, match="at most 50"):
        extract.extract_batch([Paper(id="big", title="T", abstract="x " * 100)])


def test_text_longer_than_spacys_default_limit_is_processed():
    from extractors.pipeline import MAX_TEXT_CHARS, make_nlp

    nlp = make_nlp()
    assert nlp.max_length == MAX_TEXT_CHARS > 1_000_000


def test_extractor_fingerprint_is_stable_and_versioned():
    import extractors
    from extractors.pipeline import EXTRACTOR_VERSION, extractor_fingerprint

    fp = extractors.extractor_fingerprint()
    assert fp == extractor_fingerprint() and len(fp) == 64
    extractor_fingerprint.cache_clear()
    assert extractor_fingerprint() == fp
    assert EXTRACTOR_VERSION != "0.2.0"


def test_display_name_is_the_most_used_form():
    from extractors.resolve import resolve_corpus
    from kg.models import Mention

    def m(text):
        return Mention(kind="method", text=text, field="abstract", start=0, end=len(text), sentence=text,
                       sentence_start=0, rule="gazetteer:x", confidence=0.9)

    corpus = resolve_corpus(["a", "b", "c"], [(m("Chain-of-Thought"),), (m("Chain-of-Thought"),),
                                              (m("chain of thought"),)])
    assert [e.name for e in corpus.entities] == ["Chain-of-Thought"]


def test_general_rules_for_sizes_directions_and_fragments():
    from extractors import extract_paper

    abstract = ("We evaluate on Ruler-128K. Context 4K-2 windows, a 3B-parameter model, English-to-French "
                "translation and Budget-Aware search; ReLU and XOR gates; KL terms.")
    got = {m.text: m.kind for m in extract_paper(Paper(id="p", title="T", abstract=abstract))}
    assert got.get("Ruler-128K") == "benchmark"
    for bad in ("4K-2", "3B-parameter", "English-to-French", "Budget-Aware", "ReLU", "XOR", "KL"):
        assert bad not in got


def test_latex_math_in_title_names_is_normalised():
    from extractors import extract_corpus
    from extractors.canonical import canonical_key, slugify

    assert canonical_key("$\\beta$-DPO") == canonical_key("$β$-DPO") == canonical_key("β-DPO")
    assert slugify("$β$-DPO") == "beta-dpo"
    corpus = extract_corpus([Paper(id="x", title="$β$-DPO: Dynamic Preference Optimization",
                                   abstract="We propose β-DPO, which calibrates beta per batch.")])
    assert corpus.papers[0].proposes == ("method/beta-dpo",)


def test_distinctive_camel_case_names_match_in_title_case():
    from extractors import extract_paper

    got = {m.text for m in extract_paper(
        Paper(id="p", title="T", abstract="Complex tasks in Mujoco. We teach the agent."))}
    assert "Mujoco" in got and "Complex" not in got and "teach" not in got
