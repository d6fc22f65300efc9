"""Precision and linking rules of the per-paper combination step (extractors.extract)."""
from extractors import extract_paper
from kg.models import Paper


def entity_texts(abstract, title="A Study"):
    ms = extract_paper(Paper(id="p", title=title, abstract=abstract))
    return {m.text: m for m in ms if m.kind in ("method", "dataset", "benchmark")}


def test_organisation_long_forms_are_dropped():
    got = entity_texts("Forecasts of the European Centre for Medium-Range Weather Forecasts (ECMWF) are used.")
    assert "ECMWF" not in got and not any("Centre" in t for t in got)


def test_name_of_a_problem_is_not_a_method():
    got = entity_texts("We solve the Long-Term Hydrothermal Dispatch (LTHD) problem with Zorblax-Net.")
    assert "LTHD" not in got and "Long-Term Hydrothermal Dispatch" not in got
    assert "Zorblax-Net" in got


def test_citations_are_not_names():
    assert "Katz-Samuels" not in entity_texts("Following Katz-Samuels et al., we bound the regret.")


def test_generic_spelled_out_term_hides_its_parts():
    got = entity_texts("We maximize the Conditional Value at Risk (CVaR) with a fixed tolerance.")
    assert not any(t.startswith("Conditional") for t in got)


def test_lowercase_descriptive_long_forms_are_dropped():
    got = entity_texts("Utilities run demand response (DR) programs with real-time pricing (RTP) and "
                       "differentially private (DP) training.")
    assert not ({"DR", "RTP", "DP", "demand response", "real-time pricing", "differentially private"} & set(got))


def test_lowercase_technique_long_form_is_kept():
    got = entity_texts("The weights are updated with stochastic gradient descent (SGD) in each round.")
    assert got["stochastic gradient descent"].kind == "method"
    assert got["SGD"].long_form == "stochastic gradient descent"


def test_local_definition_beats_the_stop_list():
    got = entity_texts("We introduce Feasible Learning (FL), a sample-centric learning paradigm. FL is simple.")
    assert "Feasible Learning" in got and "FL" in got


def test_title_defines_an_acronym():
    ms = extract_paper(Paper(id="p", title="BNPQ: Beta Normalization Policy Quenching",
                                      abstract="We show that BNPQ is stable."))
    assert {m.long_form for m in ms if m.text == "BNPQ"} == {"Beta Normalization Policy Quenching"}
    assert any(m.proposed for m in ms if m.text == "BNPQ")


def test_title_prefix_that_is_a_sentence_is_not_proposed():
    ms = extract_paper(Paper(id="p", title="AdaGrad Meets Muon: Adaptive Stepsizes",
                                      abstract="We combine AdaGrad and Muon."))
    assert not any(m.proposed for m in ms)


def test_environment_cue_types_benchmark():
    got = entity_texts("Our agent is tested on the FlorbWorld environments and DMC-Zork tasks.")
    assert got["FlorbWorld"].kind == "benchmark"
    assert got["DMC-Zork"].kind == "benchmark"


def test_units_and_numbers_are_not_names():
    got = entity_texts("It runs at 3.5 GHz with 2 dB gain on 8 H100 GPUs using 7B parameters.")
    assert not got
