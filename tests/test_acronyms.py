"""Schwartz-Hearst abbreviation detection (extractors.acronyms)."""
import pytest

from extractors.acronyms import find_abbreviations, is_short_form


def pairs(text):
    return [(a.short, a.long) for a in find_abbreviations(text)]


@pytest.mark.parametrize("text,expected", [
    ("we propose Masked Structural Growth (MSG), including", ("MSG", "Masked Structural Growth")),
    ("Group Relative Policy Optimization (GRPO) enhances", ("GRPO", "Group Relative Policy Optimization")),
    ("the Vision Transformer (ViT) is", ("ViT", "Vision Transformer")),
    ("with Low-Rank Adaptation (LoRA; Hu et al., 2021) we", ("LoRA", "Low-Rank Adaptation")),
    ("large language models (LLMs) are", ("LLMs", "large language models")),
    ("layers of Mixture-of-Experts (MoE) models", ("MoE", "Mixture-of-Experts")),
    ("Generative Pre-trained Transformer 4 (GPT-4) is", ("GPT-4", "Generative Pre-trained Transformer 4")),
    ("Selective Object COntrastive learning (SoCo) is", ("SoCo", "Selective Object COntrastive learning")),
    ("the Approximate SAample Perturbation (abbr. ASAP) algorithm", ("ASAP", "Approximate SAample Perturbation")),
    ("feedback, akin to Proximal Policy Optimization (PPO) or sampling",
     ("PPO", "Proximal Policy Optimization")),
    ("Reinforcement Learning algorithms that learn from human feedback (RLHF) need", None),
    ("Step-level Advantage Preference Optimization (Step-APO), which",
     ("Step-APO", "Step-level Advantage Preference Optimization")),
])
def test_long_form_then_short_form(text, expected):
    assert pairs(text) == ([expected] if expected else [])


def test_reverse_order_short_form_then_long_form():
    assert pairs("This work presents OLaPh (Optimal Language Phonemizer), a framework") == [
        ("OLaPh", "Optimal Language Phonemizer")]


def test_offsets_index_the_text():
    text = "Prior work. We use Direct Preference Optimization (DPO) here."
    (ab,) = find_abbreviations(text)
    assert text[ab.short_start:ab.short_end] == "DPO"
    assert text[ab.long_start:ab.long_end] == "Direct Preference Optimization"


@pytest.mark.parametrize("text", [
    "results (see Table 1) are good",
    "a value (e.g. 0.5) works",
    "the loss (which is convex) is",
    "we run experiments (on GPUs) quickly",
    "the weights (W_infty) of",
    "a term (x) in",
])
def test_no_definition(text):
    assert pairs(text) == []


def test_short_form_must_match_long_form_letters():
    assert pairs("we train a convolutional network (RNN) on images") == []


def test_short_form_test():
    assert is_short_form("GRPO") and is_short_form("ViT") and is_short_form("GPT-4")
    assert not is_short_form("see") and not is_short_form("a") and not is_short_form("this is long text")


def test_short_forms_with_inner_digits():
    from extractors.acronyms import find_abbreviations

    got = [(a.long, a.short) for a in find_abbreviations(
        "a new paradigm, Test-Time Policy Adaptation for Multi-Turn Interactions (T2PAM), which")]
    assert got == [("Test-Time Policy Adaptation for Multi-Turn Interactions", "T2PAM")]
    assert [(a.long, a.short) for a in find_abbreviations("a 4K image restoration agent (4KAgent) that")] == \
        [("4K image restoration agent", "4KAgent")]
    # without its digit the short form may not match loosely ("DAS3R" is not "Dynamics-Aware")
    assert list(find_abbreviations("Dynamics-Aware (DAS3R) is")) == []


def test_long_form_may_not_contain_the_short_form():
    from extractors.acronyms import find_abbreviations

    assert list(find_abbreviations("We present 4KAgent, a unified agentic system (4KAgent) that")) == []
