"""Shape and context cues (extractors.cues) through the real pipeline."""
import pytest

from extractors.cues import name_shape, suffix_kind
from kg.models import Paper


@pytest.mark.parametrize("token", ["LoRA", "DreamBooth", "PPO", "GSM8K", "CIFAR-10", "GPT-4o", "Qwen2.5-7B",
                                   "Llama-3-8B", "ResNet-50", "DeepSeek-R1", "DrivAerNet++", "ERA5", "Kimi-k1.5",
                                   "Metropolis-Hastings", "MT-Bench"])
def test_name_shapes(token):
    assert name_shape(token) is not None


@pytest.mark.parametrize("token", ["the", "Transformer", "2D", "3.5", "GHz", "dB", "L2", "H100", "II", "A",
                                   "state-of-the-art", "10x"])
def test_not_name_shapes(token):
    assert name_shape(token) is None


def test_suffix_kinds():
    assert suffix_kind("CaT-Bench") == "benchmark"
    assert suffix_kind("ScienceQA") == "benchmark"
    assert suffix_kind("ZorbNet") == "method"
    assert suffix_kind("Foo Dataset") == "dataset"
    assert suffix_kind("Zorblax") is None


def kinds(abstract, title="A Study"):
    from extractors import extract_paper

    ms = extract_paper(Paper(id="p", title=title, abstract=abstract))
    return {m.text: m.kind for m in ms if m.kind in ("method", "dataset", "benchmark")}


def test_right_context_dataset_and_benchmark():
    k = kinds("We release results on the QuuxSet dataset and the Flarp-7 benchmark for vision.")
    assert k["QuuxSet"] == "dataset"
    assert k["Flarp-7"] == "benchmark"


def test_left_context_trained_and_evaluated_on():
    k = kinds("Models are pretrained on ZanziCorp. Experiments on BLORP-3 show gains over prior work.")
    assert k["ZanziCorp"] == "dataset"
    assert k["BLORP-3"] == "benchmark"


def test_method_context_and_based_suffix():
    k = kinds("It outperforms SplorFormer and improves GRPQ-based training with the ZinkAdam optimizer.")
    assert k["SplorFormer"] == "method"
    assert k["GRPQ"] == "method"
    assert k["ZinkAdam"] == "method"


def test_coordinated_list_shares_the_data_kind():
    k = kinds("We evaluate on ZorpQA, FlimBench, and QRX-9 to test reasoning.")
    assert k["ZorpQA"] == k["FlimBench"] == k["QRX-9"] == "benchmark"


def test_title_case_run_in_running_text():
    k = kinds("We build on Hamiltonian Zorbl Sampling to draw samples.")
    assert k.get("Hamiltonian Zorbl Sampling") == "method"


def test_capitalised_title_words_are_not_names():
    k = kinds("We study things.", title="Multi-Step Reasoning with Two-Stage Training for Real-Time Control")
    assert not k
