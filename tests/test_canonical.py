"""Canonical keys and slugs (extractors.canonical)."""
import pytest

from extractors.canonical import canonical_key, entity_id, slugify, spelling_variants


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


@pytest.mark.parametrize("form, variant", [
    ("mirror descent", "mirror-descent"),
    ("Temporal Difference Learning", "Temporal-Difference Learning"),
    ("Expectation-Maximization", "Expectation Maximisation"),
    ("Widget Preference Optimization", "Widget Preference Optimisation"),
    ("TD learning", "TD-learning"),
    ("Nesterov momentum", "Nesterov's momentum"),
])
def test_spelling_variants_share_the_canonical_key(form, variant):
    variants = spelling_variants(form)
    assert variant in variants
    assert all(canonical_key(v.replace("'s ", " ")) == canonical_key(form.replace("'s ", " ")) for v in variants)
    assert form not in variants


def test_spelling_variants_leave_short_joins_and_long_names_alone():
    assert spelling_variants("Q-learning") == ()  # a one-letter part: "Q learning" is no variant to look for
    assert spelling_variants("alpha beta gamma delta epsilon") == ()  # four joins: 16 spellings, none looked for
    assert not any("'s" in v for v in spelling_variants("Bayesian optimization"))  # an adjective, no surname


@pytest.mark.parametrize("abstract, name", [
    ("We train the critic with temporal-difference learning and a replay buffer.", "temporal-difference learning"),
    ("The inner problem is solved by mirror-descent, which converges fast.", "mirror-descent"),
    ("Parameters are fitted with expectation maximisation.", "expectation maximisation"),
    ("A Monte-Carlo tree search planner picks the moves.", "Monte-Carlo tree search"),
])
def test_known_names_match_in_their_other_spellings(abstract, name):
    from extractors import extract_paper
    from kg.models import Paper

    found = {m.text: m.kind for m in extract_paper(Paper(id="t", title="A Study", abstract=abstract))}
    assert found.get(name) == "method", found


@pytest.mark.parametrize("abstract, name", [
    ("The decoder is trained with a flow-matching objective on latent codes.", "flow-matching"),
    ("Each round takes two mirror-descent steps.", "mirror-descent"),
])
def test_a_hyphenated_spelling_before_a_noun_is_a_modifier_not_a_mention(abstract, name):
    from extractors import extract_paper
    from kg.models import Paper

    assert name not in {m.text for m in extract_paper(Paper(id="t", title="A Study", abstract=abstract))}


def test_a_known_of_name_matches_with_its_head_in_the_plural():
    from extractors import extract_paper
    from kg.models import Paper

    found = {m.text: m.kind for m in extract_paper(Paper(id="t", title="A Study",
                                                         abstract="We shorten long Chains of Thought for speed."))}
    assert found.get("Chains of Thought") == "method", found


def test_a_final_capital_s_is_a_letter_of_the_name_not_a_plural():
    assert canonical_key("GSoS") == "gsos" and canonical_key("WMoS") == "wmos"
    assert canonical_key("LLMs") == "llm" and canonical_key("ResNets") == "resnet"
