"""Proposal rules (extractors.proposes) through the real pipeline."""
from extractors.extract import extract_paper_mentions
from extractors.proposes import title_prefix
from kg.models import Paper


def proposed(title, abstract):
    ms = extract_paper_mentions(Paper(id="p", title=title, abstract=abstract))
    return sorted({m.text for m in ms if m.proposed})


def test_title_prefix_span():
    assert title_prefix("Prefix Grouper: Efficient GRPO Training") == (0, 14)
    assert title_prefix("Beyond Reward: Offline Policy Optimization") is None
    assert title_prefix("Why Do We Need Weight Decay?") is None


def test_title_colon_name_written_like_a_name():
    assert "ZorbNet" in proposed("ZorbNet: Fast Things", "We study speed.")


def test_title_colon_multiword_needs_the_abstract():
    assert proposed("Quiet Flow Matching: A Study", "We analyse noise.") == []
    assert "Quiet Flow Matching" in proposed("Quiet Flow Matching: A Study", "We show Quiet Flow Matching works.")


def test_we_propose_with_acronym_definition():
    got = proposed("A Study", "To this end, we propose Masked Zorb Growth (MZG), a new method for growth.")
    assert "Masked Zorb Growth" in got and "MZG" in got


def test_called_and_dubbed():
    assert "FlimFlam" in proposed("A Study", "We design a novel framework called FlimFlam that guides generation.")
    assert "QuuxNet" in proposed("A Study", "Our method, dubbed QuuxNet, is fast.")


def test_namer_wins_over_earlier_noun():
    got = proposed("A Study", "We propose a new family of SMoEs named MomentumZoE.")
    assert got == ["MomentumZoE"]


def test_appositive_new():
    assert "Chiron-x1" in proposed("A Study", "We construct data, and Chiron-x1, a new medical model.")


def test_no_proposal_in_analysis_papers():
    assert proposed("On the Convergence of Adam", "We analyse the convergence of Adam and SGD.") == []
