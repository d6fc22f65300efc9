"""Canonical keys and slugs (extractors.canonical)."""
from extractors.canonical import canonical_key, entity_id, slugify


def test_plural_case_dash_collapse():
    assert canonical_key("LLMs") == canonical_key("LLM") == canonical_key("llm")
    assert canonical_key("Vision-Transformer") == canonical_key("Vision Transformer") == "vision transformer"
    assert canonical_key("Mixture\u2013of\u2013Experts") == canonical_key("mixture of experts")
    assert canonical_key("networks") == "network"


def test_keeps_words_that_only_look_plural():
    assert canonical_key("Gaussian Process") == "gaussian process"
    assert canonical_key("analysis") == "analysis"
    assert canonical_key("GSM8K") != canonical_key("GSM8")


def test_distinct_names_stay_distinct():
    assert canonical_key("GPT-4") != canonical_key("GPT-4o")
    assert slugify("DrivAerNet++") != slugify("DrivAerNet")


def test_slug_is_stable_and_iri_safe():
    assert slugify("Group Relative Policy Optimization") == "group-relative-policy-optimization"
    assert slugify("group-relative policy optimizations") == "group-relative-policy-optimization"
    assert slugify("Qwen2.5-7B") == "qwen2-5-7b"
    assert slugify("Fréchet") == "frechet"
    assert entity_id("method", "Group Relative Policy Optimization") == "method/group-relative-policy-optimization"
