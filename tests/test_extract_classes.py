"""The general rules behind the extraction fixes, each pinned on sentences written for the test.

Every case is a class of phrasing (maths debris, citation keys, owners, metrics,
typing cues, resolution variants), not one paper's sentence.
"""
import pytest

from extractors import extract_corpus, paper_record
from extractors import extract_paper
from extractors.nonnames import non_name_reason, trim_span
from kg.models import Mention, Paper


def found(abstract: str, title: str = "A Study") -> dict[str, tuple[str, bool]]:
    """{surface text: (kind, proposed)} of the entity mentions of one paper."""
    out = {}
    for m in extract_paper(Paper(id="t", title=title, abstract=abstract)):
        if m.kind in ("method", "dataset", "benchmark"):
            out[m.text] = (m.kind, m.proposed)
    return out


def records(*papers: tuple[str, str]) -> list[dict]:
    ps = [Paper(id=f"p{i}", title=t, abstract=a) for i, (t, a) in enumerate(papers)]
    corpus = extract_corpus(ps)
    return [paper_record(p, pe, corpus) for p, pe in zip(ps, corpus.papers)]


def names(record: dict, kind: str) -> set[str]:
    return {e["name"] for e in record[kind]}


# --- candidates that are no names --------------------------------------------------------------

@pytest.mark.parametrize("abstract, junk", [
    ("Our bandit method has regret O( dK log T) after T rounds with WidgetNet.", "dK"),
    ("Any learner suffers Omega left( mK + M right) regret, unlike WidgetNet.", "mK"),
    ("WidgetNet improves accuracy (Delta4.2%) over the baseline.", "Delta4.2"),
    ("WidgetNet is the best among sub-3B parameter models.", "sub-3B"),
    ("WidgetNet improves over the tradeoff of [QR21] and nearly matches [ABCD22].", "QR21"),
    ("WidgetNet nearly matches the bound of Smith-Jones and Lee (2021) for pure exploration.", "Smith-Jones"),
    ("We adapt Zorbco's Widget 3 recipe to train WidgetNet.", "Zorbco"),
    ("WidgetNet reaches 91.2% AUC-PR on the held-out pairs.", "AUC-PR"),
    ("We present FLOW, a FLexible graph wOrk scheduler (FLOW) inspired by WidgetNet.", "wOrk"),
    ("The proposed LLM-powered Widget-Maker algorithm saves energy.", "LLM-powered"),
    ("We train it with a Policy Gradient-like update rule and WidgetNet.", "Policy Gradient-like"),
    ("The Zorbco Power Laser's output is shaped by WidgetNet.", "Zorbco Power Laser's"),
])
def test_non_names_are_not_entities(abstract, junk):
    assert junk not in found(abstract)


def test_a_one_off_compound_of_two_plain_words_is_a_description():
    got = found("We adopt a Teacher-Pupil setup to train WidgetNet.")
    assert "Teacher-Pupil" not in got and "WidgetNet" in got


def test_an_owner_once_is_an_owner_in_the_title_too():
    got = found("This paper describes the submission of the ZYXQ Speech group to the shared task.",
                title="Speech Translation with Adapters: ZYXQ at the Shared Task")
    assert "ZYXQ" not in got


def test_emphasis_capitals_rule_keeps_capitalised_names():
    # a capital first letter is how names are written: HiPPO-like names are no emphasis
    assert non_name_reason("We study HoBBit here.", 9, 15) is None
    assert non_name_reason("a grAph geNerAtion method", 8, 18) == "emphasis"


@pytest.mark.parametrize("text, span, expected", [
    ("an optimizer - e.g.~BarOpt - on the model", (15, 26), "BarOpt"),
    ("the Foo Model~(FM) works", (4, 14), "Foo Model"),
    ("the value function.Bar-baz action policies", (10, 33), "Bar-baz action"),
    ("we introduce Z* for planning", (13, 14), "Z*"),
])
def test_trim_span_repairs_artefact_edges(text, span, expected):
    start, end = trim_span(text, *span)
    assert text[start:end] == expected


def test_two_letter_undefined_acronym_is_not_an_entity():
    got = found("After pretraining we fine-tune the system end-to-end on ST with WidgetNet.")
    assert "ST" not in got and "WidgetNet" in got


def test_common_word_in_a_title_is_not_a_dataset_but_the_pile_in_running_text_is():
    got = found("We push objects with a gripper.", title="Learning Object Pile Manipulation")
    assert "Pile" not in got
    got = found("We train a small model on the Pile and evaluate it.")
    assert got.get("Pile", ("",))[0] == "dataset"


# --- proposals --------------------------------------------------------------------------------

@pytest.mark.parametrize("abstract, name", [
    ("We propose a planner called Adaptive Route with Memory (ARM) to solve mazes.", "Adaptive Route with Memory"),
    ("We introduce Z*, a general framework for planning with language models.", "Z*"),
    ("We propose Mirage, the first backdoor attack of its kind.", "Mirage"),
    ("We introduce Prism, a toolkit for probing models.", "Prism"),
    ("We derive the Widget Update with Kernel Smoothing (WUKS) to assign credit.", "Widget Update with Kernel Smoothing"),
])
def test_proposals_reach_the_name(abstract, name):
    got = found(abstract)
    assert got.get(name, ("", False))[1], got


def test_a_capitalised_common_word_is_not_a_proposal_without_anything_naming_it():
    got = found("We propose the Window, the, Door algorithm and prove a bound on its regret.")
    assert not got.get("Window", ("", False))[1]


def test_run_with_a_known_name_inside_takes_the_whole_name():
    got = found("We introduce Microsoft Common Objects in Context (COCO), a large dataset of images.")
    assert got.get("Microsoft Common Objects in Context", ("", False))[1]


def test_second_name_of_a_proposed_pair_is_proposed_too():
    got = found("We propose two new losses, namely the Alpha Margin Loss (AML) and the Beta Margin Loss (BML). "
                "AML and BML both help.")
    assert got.get("Alpha Margin Loss", ("", False))[1] and got.get("Beta Margin Loss", ("", False))[1]


def test_generic_adjective_and_plural_head_in_a_title_is_no_name():
    got = found("We propose efficient widget algorithms that scale.", title="Efficient Widget Algorithms for Sorting")
    assert not got.get("efficient widget algorithms", ("", False))[1]


def test_whole_title_defined_in_the_abstract_is_the_papers_own():
    (rec,) = records(("Zorblat Large Scale Widget Challenge",
                      "The Zorblat Large Scale Widget Challenge (ZLSWC) has run for five years. We describe it."))
    assert [p["name"] for p in rec["proposes"]] == ["Zorblat Large Scale Widget Challenge"]


def test_title_acronym_defined_by_initials_gives_the_long_form_as_alias():
    (rec,) = records(("Plom: Prompt Learning over Mazes", "We present Plom and test it on mazes."))
    forms = {f for p in rec["proposes"] for f in [p["name"], *p["aliases"]]}
    assert {"Plom", "Prompt Learning over Mazes"} <= forms, rec["proposes"]


@pytest.mark.parametrize("abstract, short, long", [
    ("We propose ZRAIL: Zorb-Retrieval Augmented Interactive Learning, a framework for graphs. ZRAIL works.",
     "ZRAIL", "Zorb-Retrieval Augmented Interactive Learning"),
    ("Our method is termed WAS9R, an abbreviation for Widget-Aware Splatting for Static Scene Reconstruction.",
     "WAS9R", "Widget-Aware Splatting for Static Scene Reconstruction"),
])
def test_definitions_written_with_a_colon_or_an_abbreviation_phrase(abstract, short, long):
    (rec,) = records(("A Study", abstract))
    forms = {f for p in rec["proposes"] for f in [p["name"], *p["aliases"]]}
    assert {short, long} <= forms, rec["proposes"]


# --- typing -----------------------------------------------------------------------------------

@pytest.mark.parametrize("abstract, name, kinds", [
    ("We select data from FooCrawl and pretrain a model on it.", "FooCrawl", {"dataset"}),
    ("We evaluate on five FooBar tabular datasets with WidgetNet.", "FooBar", {"dataset"}),
    ("Results on the QuxSet test set show large gains for WidgetNet.", "QuxSet", {"benchmark"}),
    ("WidgetNet gains 33.4 points on QuxEvalSuite over its baseline.", "QuxEvalSuite", {"benchmark"}),
    ("We use two web benchmarks -- AlphaArena and BetaWeb-live -- to test agents.", "BetaWeb-live", {"benchmark"}),
    ("Models reach 71% on the ZXQ23 exam.", "ZXQ23", {"benchmark"}),
    ("We release FooVault, a large corpus of annotated receipts.", "FooVault", {"dataset"}),
    ("Agents are scored on the benchmarks WebQuux and ShopQuux.", "ShopQuux", {"benchmark"}),
    ("It covers classification (e.g. ImageNet), retrieval (e.g. CUB and FooRet) and detection (e.g. COCO).",
     "FooRet", {"dataset", "benchmark"}),
])
def test_data_cues_type_names(abstract, name, kinds):
    got = found(abstract)
    assert got.get(name, ("none",))[0] in kinds, got


@pytest.mark.parametrize("title, kinds", [
    ("ZorbLab: A Differentiable Environment for Widget Control", {"benchmark"}),
    ("ZorbSet: A Large-Scale Dataset of Annotated Widgets", {"dataset"}),
    ("ZorbEval: Benchmarking Language Models on Widgets", {"benchmark"}),
])
def test_the_title_says_what_its_prefix_is(title, kinds):
    got = found("We release it for the community.", title=title)
    assert got.get(title.split(":")[0], ("none",))[0] in kinds, got


def test_a_capitalised_word_before_a_data_noun_is_data_but_describers_are_not():
    got = found("It does well on the Zorbdrop dataset, a Public dataset and the Gran Zorb Sport dataset.")
    assert got.get("Zorbdrop", ("none",))[0] == "dataset"
    assert "Public" not in got and got.get("Gran Zorb Sport", ("none",))[0] == "dataset"


def test_named_variants_and_editions_of_data_keep_their_words():
    got = found("We test on permuted Fashion-MNIST, split CIFAR-10 and the ZORB-SET 2022 challenge data.")
    assert got.get("permuted Fashion-MNIST", ("none",))[0] == "dataset"
    assert got.get("split CIFAR-10", ("none",))[0] == "dataset"
    assert "ZORB-SET 2022" in got


def test_an_author_year_is_still_a_citation():
    got = found("As Smith 2020 showed, WidgetNet works, as in Jones-Lee, 2019.")
    assert "Smith 2020" not in got and "Jones-Lee" not in got


def test_resolution_suffix_keeps_a_known_dataset():
    got = found("We train on ImageNet-64x64 and CIFAR-10.")
    assert got.get("ImageNet-64x64", ("none",))[0] == "dataset"


def test_a_bare_comma_does_not_make_a_list():
    got = found("For example, on GSM8K, Widget Reasoner achieves strong accuracy.", title="Widget Reasoner: Fast Math")
    assert got.get("Widget Reasoner", ("none",))[0] == "method"


def test_unknown_members_of_a_known_data_list_are_data():
    got = found("We evaluate on AIME24, MATH, GSM8K, Zorbix and Olympiad.")
    assert got.get("Zorbix", ("none",))[0] == "benchmark" and got.get("Olympiad", ("none",))[0] == "benchmark"


def test_a_sized_model_in_a_list_of_benchmarks_stays_a_model():
    got = found("Results on GSM8K, MATH and Qwen2.5-7B, Zorbo-8B show gains.")
    assert got.get("Zorbo-8B", ("none",))[0] == "method"


def test_one_typed_member_types_a_joined_list():
    got = found("We report results on GSM8K, FooMath and BarProofs.")
    assert got.get("BarProofs", ("none",))[0] in ("dataset", "benchmark")


# --- known names: lower case, plurals, generic-looking definitions ----------------------------

@pytest.mark.parametrize("abstract, name", [
    ("Methods such as self-consistency rely on sampling.", "self-consistency"),
    ("We fine-tune on chain-of-thought data.", "chain-of-thought"),
    ("Most model predictive control (MPC) methods plan with a learned model.", "model predictive control"),
    ("Reinforcement learning from human feedback (RLHF) aligns models.", "Reinforcement learning from human feedback"),
    ("We compare Vision Transformers with graph attention networks.", "Vision Transformers"),
    ("We compare Vision Transformers with graph attention networks.", "graph attention networks"),
    ("The planner combines tabu search with value iteration.", "tabu search"),
    ("Decoding uses greedy decoding instead of beam search.", "beam search"),
])
def test_known_names_survive_case_plural_and_definition_filters(abstract, name):
    assert found(abstract).get(name, ("none",))[0] == "method"


# --- resolution -------------------------------------------------------------------------------

def test_british_and_american_spellings_are_one_entity():
    a, b = records(("A", "We use Direct Preference Optimisation to align the model."),
                   ("B", "We use Direct Preference Optimization to align the model."))
    assert [e["id"] for e in a["methods"]] == [e["id"] for e in b["methods"]]


def test_all_capitals_plural_s_is_part_of_the_name():
    from extractors.canonical import canonical_key

    assert canonical_key("MOSES") != canonical_key("MOSE")
    assert canonical_key("LLMs") == canonical_key("LLM")


def _mention(text: str, kind: str = "method") -> Mention:
    return Mention(kind=kind, text=text, field="abstract", start=0, end=len(text), sentence=text,
                   sentence_start=0, rule="shape:mixed", confidence=0.5)


def test_generic_head_and_parameter_count_variants_join_the_name():
    from extractors.resolve import resolve_corpus

    corpus = resolve_corpus(["a", "b", "c", "d"], [(_mention("ZephOpt optimizer"),), (_mention("ZephOpt"),),
                                                   (_mention("GPT-3 175B"),), (_mention("GPT-3"),)])
    assert sorted(e.name for e in corpus.entities) == ["GPT-3", "ZephOpt"]


def test_data_sizes_stay_separate_datasets():
    (rec,) = records(("A", "We pretrain on ImageNet-21k and fine-tune on ImageNet."))
    assert len(rec["datasets"]) == 2


def test_typo_long_form_of_a_known_acronym_resolves_to_the_known_name():
    recs = records(("A", "Unlike a Varational AutoEncoder (VAE), our model is exact."),
                   ("B", "We train a VAE on faces."))
    a = {e["id"]: e["name"] for e in recs[0]["methods"]}
    b = {e["id"]: e["name"] for e in recs[1]["methods"]}
    shared = set(a) & set(b)
    assert shared and all(a[i] == "Variational Autoencoder" for i in shared)
    assert "Varational AutoEncoder" not in a.values()  # the typo is an alias, never an entity of its own


def test_dropping_a_head_noun_never_leaves_an_adjective_as_alias():
    (rec,) = records(("A", "We compare with a Generative Adversarial Network (GAN) and the Zorbit optimizer."))
    aliases = {a for e in rec["methods"] for a in e["aliases"]}
    assert "Generative Adversarial" not in aliases


def test_display_names_drop_latex_and_plural_endings():
    recs = records(("A", "We improve Gauss--Newton steps."), ("B", "We compare ResNets of several depths."))
    assert "Gauss-Newton" in names(recs[0], "methods")
    assert "ResNet" in names(recs[1], "methods")


def test_a_type_noun_in_the_name_is_also_dropped_for_an_alias():
    from extractors.record import _aliases

    assert "ZRB" in _aliases("ZRB dataset", [])
    assert "Zorb Faces" in _aliases("Zorb Faces Benchmark", [])


def test_a_known_name_before_an_affix_is_extracted():
    ms = extract_paper(Paper(id="p", title="A Study",
                             abstract="Transformer-based encoders dominate; we train small Llama-type models."))
    assert {m.text for m in ms if m.kind == "method"} >= {"Transformer", "Llama"}


def test_an_unknown_word_before_an_affix_stays_out():
    ms = extract_paper(Paper(id="p", title="A Study", abstract="Widget-based encoders dominate the field."))
    assert not [m for m in ms if m.kind in ("method", "dataset", "benchmark")]


def test_title_case_optimization_names_are_methods_and_beat_a_known_name_inside():
    ms = extract_paper(Paper(id="p", title="A Study",
                             abstract="We compare against Widget Preference Optimization and Gated Proximal Policy "
                                      "Optimization on three tasks."))
    methods = {m.text for m in ms if m.kind == "method"}
    assert {"Widget Preference Optimization", "Gated Proximal Policy Optimization"} <= methods
    assert "Proximal Policy Optimization" not in methods


# --- a known method with the words that make it a named variant ------------------------------------

@pytest.mark.parametrize("abstract, title, variant, bare", [
    # capitalised words right before a Title Case known name in running text
    ("We compare against a greedy baseline and Double Thompson Sampling on synthetic arms.", "A Study",
     "Double Thompson Sampling", "Thompson Sampling"),
    ("Our planner extends Deep Q-Learning to board games.", "A Study",
     "Deep Q-Learning", "Q-Learning"),
    ("The generator is trained with Discrete Flow Matching over molecular graphs.", "A Study",
     "Discrete Flow Matching", "Flow Matching"),
    ("TinyFlow-GRPO (Tiny Flow GRPO) shortens the rollout of image generators.", "A Study",
     "Tiny Flow GRPO", "Flow GRPO"),
    # words of any case before the name in title and abstract both: the title names the variant as a unit
    ("We run mean-field Langevin dynamics on auction markets and bound its error.",
     "Annealed Mean-field Langevin Dynamics for Auctions", "mean-field Langevin dynamics", "Langevin dynamics"),
])
def test_words_that_name_a_variant_of_a_known_method_belong_to_it(abstract, title, variant, bare):
    out = found(abstract, title)
    assert out.get(variant, ("", False))[0] == "method", out
    assert bare not in out


@pytest.mark.parametrize("abstract, title, bare", [
    ("Experiments show that Thompson Sampling is robust. Efficient Thompson Sampling is not our goal.", "A Study",
     "Thompson Sampling"),  # a sentence-initial capital says nothing
    ("We run the popular Thompson Sampling and the efficient value iteration as baselines.", "A Study",
     "Thompson Sampling"),  # praise, not a variant
    ("We use Google Flow Matching code for the baseline.", "A Study", "Flow Matching"),  # an organisation
    ("We analyse noisy value iteration under drift.", "Drifting Planning", "value iteration"),  # no title support
    ("We run efficient value iteration on grid worlds.", "Efficient Value Iteration for Grids", "value iteration"),
])
def test_words_that_place_or_praise_a_known_method_stay_outside_it(abstract, title, bare):
    assert bare in found(abstract, title)


def test_a_known_name_inside_a_longer_defined_name_keeps_to_the_definition():
    out = found("Our renderer, ZLS, an abbreviation for Zorb-Lit Gaussian Splatting for Night Scenes, beats plain "
                "splatting.", "ZLS: Zorb-Lit Gaussian Splatting for Night Scenes")
    assert "Zorb-Lit Gaussian Splatting" not in out, out


def test_a_title_colon_after_a_data_word_does_not_type_the_name_after_it():
    out = found("We train agents with Gizmo-Guided Proximal Policy Optimization (GGPPO) in warehouses.",
                "Robots in Warehouse Environments: Gizmo-Guided Proximal Policy Optimization for Picking")
    assert out["Gizmo-Guided Proximal Policy Optimization"][0] == "method", out


# --- versions, sizes, hardware and number formats ---------------------------------------------------------

@pytest.mark.parametrize("abstract, name", [
    ("We compare with WidgetVoice 2 and GizmoParse 2.0, and erase concepts from WidgetDiff 1.4.", "GizmoParse 2.0"),
    ("We compare with WidgetVoice 2 and GizmoParse 2.0, and erase concepts from WidgetDiff 1.4.", "WidgetDiff 1.4"),
    ("We fine-tune Gemma 3 27B on the new data.", "Gemma 3 27B"),
])
def test_a_version_and_size_after_a_model_name_belong_to_it(abstract, name):
    assert name in found(abstract)


@pytest.mark.parametrize("abstract, name", [
    ("WidgetNet 2 times faster than before.", "WidgetNet"),  # a count, not a version
    ("Two gains follow for WidgetNet 1) fewer steps and 2) less memory.", "WidgetNet"),  # enumeration
])
def test_a_number_that_counts_or_enumerates_stays_outside_the_name(abstract, name):
    assert name in found(abstract)


@pytest.mark.parametrize("abstract, junk", [
    ("We quantize weights to 2-Bit and 4-bit codes.", "2-Bit"),
    ("Training runs on 64-GPU clusters of A100-80GB cards and 8xH100 nodes.", "A100-80GB"),
    ("Training runs on 64-GPU clusters of A100-80GB cards and 8xH100 nodes.", "64-GPU"),
    ("Training 1.4B models on 50B tokens from each pool helps.", "Training 1.4B"),
])
def test_bit_widths_machine_counts_and_verb_forms_before_sizes_are_no_names(abstract, junk):
    assert junk not in found(abstract)


@pytest.mark.parametrize("text, category", [
    ("South Asia", "place"), ("Southeast Asian", "place"), ("Western European", "place"),
    ("American English", "language"), ("Brazilian Portuguese", "language"),
    ("2-Bit", "hardware"), ("64-GPU", "hardware"), ("8xH100", "hardware"),
])
def test_qualified_places_languages_and_machine_counts_are_stop_terms(text, category):
    from extractors.terms import stop_category

    assert stop_category(text) == category


@pytest.mark.parametrize("text", ["South Widget", "East Zorbnet", "Brazilian Zorbnet", "GPT-4", "8x7B"])
def test_names_that_only_start_like_places_or_machines_stay_names(text):
    from extractors.terms import stop_category

    assert stop_category(text) is None


def test_monsoon_rainfall_over_a_region_is_no_entity():
    out = found("We forecast rainfall over South Asia and East Africa with WidgetCast, and compare dialects of "
                "American English.")
    assert set(out) == {"WidgetCast"}, out


@pytest.mark.parametrize("abstract, variants", [
    ("Accuracy improves on ARC-e, ARC-c and OBQA.", {"ARC-Easy", "ARC-Challenge"}),
    ("We forecast on ETTh1, ETTm2 and Electricity.", {"ETTh1", "ETTm2"}),
    ("We compare Gemini 1.5 Pro with Gemini 1.5 Flash.", {"Gemini 1.5 Pro", "Gemini 1.5 Flash"}),
    ("Top-1 accuracy on USPTO-50K and USPTO-MIT improves.", {"USPTO-50K", "USPTO-MIT"}),
])
def test_known_subsets_sizes_and_tiers_are_separate_entities(abstract, variants):
    rec = records(("A Study", abstract))[0]
    all_names = names(rec, "methods") | names(rec, "datasets") | names(rec, "benchmarks")
    assert variants <= all_names, all_names


@pytest.mark.parametrize("text, category", [
    ("En-Zh", "language"), ("en-de", "language"), ("meV", "generic"), ("GHz", "generic"), ("16-DoF", "generic"),
    ("5-shot", "generic"),
])
def test_translation_directions_units_and_counted_units_are_stop_terms(text, category):
    from extractors.terms import stop_category

    assert stop_category(text) == category


def test_a_title_that_is_a_technical_report_names_its_model():
    from extractors.proposes import title_prefix

    title = "Widgetron-3B Technical Report"
    span = title_prefix(title)
    assert span is not None and title[span[0]:span[1]] == "Widgetron-3B"
    assert title_prefix("A Technical Report") is None


@pytest.mark.parametrize("abstract, name", [
    ("We rank nodes with personalized PageRank and fuse lists by reciprocal rank fusion.", "personalized PageRank"),
    ("The top eigenvector is found by power iteration in a few steps.", "power iteration"),
    ("Camera poses are refined with bundle adjustment after matching.", "bundle adjustment"),
    ("Texts are split with byte-pair encoding before training.", "byte-pair encoding"),
])
def test_textbook_algorithms_written_in_lower_case_are_methods(abstract, name):
    assert found(abstract).get(name, ("", False))[0] == "method"


def test_a_pair_of_surnames_names_a_technique_with_its_head_noun():
    out = found("We use Smith-Jonesky averaging and Newton-Gizmo iterations; the Skill-Critic algorithm is a baseline.")
    assert out.get("Smith-Jonesky averaging", ("", False))[0] == "method"
    assert out.get("Newton-Gizmo iterations", ("", False))[0] == "method"
    assert "Skill-Critic algorithm" not in out  # two dictionary words: a coined name, its head noun stays outside
    assert found("Preferences follow a Bradzy-Terrox-Lucey model.").get("Bradzy-Terrox-Lucey model", ("",))[0] == \
        "method"


def test_crowdsourcing_platforms_are_no_methods():
    out = found("Labels were collected on Amazon Mechanical Turk and Prolific, then used to train WidgetNet.")
    assert set(out) == {"WidgetNet"}, out


# --- data: splits, simulators, what a paper makes ----------------------------------------------

def test_a_split_or_resolution_of_known_data_links_to_the_collection():
    rec = records(("A Study", "Error rates on LibriSpeech test-noisy drop by a third, and FID on ImageNet 128x128 "
                              "improves over ImageNet 64x64."),
                  ("Another Study", "We train on LibriSpeech and report results."))
    data = {e["name"]: e["aliases"] for e in rec[0]["datasets"] + rec[0]["benchmarks"]}
    assert "LibriSpeech" in data and "LibriSpeech test-noisy" in data["LibriSpeech"], data
    # a resolution is a benchmark setting of its own
    assert "ImageNet 128x128" in data and "ImageNet 64x64" in data, data
    # both papers use one entity
    assert {e["id"] for e in rec[0]["datasets"]} >= {e["id"] for e in rec[1]["datasets"]}


def test_an_unknown_collection_with_a_split_is_named_without_it():
    rec = records(("A Study", "Navigation success on the GizmoNav-CE val-unseen split rises by 4 points."))
    data = {e["name"]: e["aliases"] for e in rec[0]["datasets"] + rec[0]["benchmarks"]}
    assert "GizmoNav-CE" in data, data


def test_physics_simulators_are_software_not_data():
    out = found("Policies are trained in Isaac Gym with PPO and evaluated in Brax.")
    assert out.get("Isaac Gym", ("",))[0] == "method" and out.get("Brax", ("",))[0] == "method", out


@pytest.mark.parametrize("abstract, name, kind", [
    ("We introduce WIDGE (Wide Image Data Grid Entries), a benchmark of 800 clips with dense labels.",
     "WIDGE", "benchmark"),
    ("We additionally provide WidgetEval-Lite, a 300-task subset for quick checks.", "WidgetEval-Lite", "dataset"),
    ("To test fine reading, we build a small probe set, GizmoProbe, of 1,800 rendered charts.", "GizmoProbe",
     "dataset"),
])
def test_what_a_paper_introduces_takes_the_kind_its_description_names(abstract, name, kind):
    assert found(abstract).get(name) == (kind, True), found(abstract)


def test_a_description_naming_a_method_first_is_no_data():
    out = found("We propose GizmoTune, a method trained on a new dataset of robot logs.")
    assert out.get("GizmoTune", ("",))[0] == "method", out


def test_the_resulting_corpus_names_its_data():
    out = found("A filter removes false statements. The resulting corpus, GizmoProofs, contains 30K statements.")
    assert out.get("GizmoProofs", ("",))[0] == "dataset", out


def test_a_title_name_with_its_long_form_in_brackets():
    from extractors.proposes import title_prefix

    title = "WIDGE (Wide Image Data Grid Entries with Anchors): A Benchmark for Event Boundaries"
    span = title_prefix(title)
    assert title[span[0]:span[1]] == "WIDGE"
    out = found("Models trained with labels from other sets fail on WIDGE.", title=title)
    assert out.get("WIDGE") == ("benchmark", True), out
    assert not any("(" in t for t in out), out  # no name cut inside the brackets


def test_a_lower_case_title_name_described_as_data_in_the_abstract():
    out = found("Most tactile sets hold static presses. We introduce gizmoslide, a dataset of 9,000 sliding "
                "contacts. gizmoslide is split by material.", title="gizmoslide: Sliding Contacts for Touch")
    assert out.get("gizmoslide") == ("dataset", True), out


def test_a_title_name_used_later_without_a_description_keeps_its_kind():
    out = found("We propose Gizmofusion, a general framework for restoration. Gizmofusion reaches strong results "
                "on the RAIN dataset.", title="Gizmofusion: Diffusion Models for Image Restoration")
    assert out.get("Gizmofusion", ("",))[0] == "method", out


@pytest.mark.parametrize("abstract, kind", [
    ("We build a dataset of 2 million question-answer pairs over retinal photographs and fine-tune a model on it.",
     "dataset"),
    ("Our benchmark covers 40 tasks, and every model we test drops by 20 points.", "benchmark"),
    ("We propose a training method and build a dataset of 2 million question-answer pairs.", "method"),
])
def test_a_title_name_is_what_the_abstract_says_the_paper_makes(abstract, kind):
    out = found(abstract, title="Gizmo-QA2M: Million-Scale Question Answering for Retinal Imaging")
    assert out.get("Gizmo-QA2M", ("",))[0] == kind, out


def test_a_known_model_name_among_three_data_names_is_the_data():
    out = found("We report win rates on MMLU, GSM8K, HellaSwag and Alpaca.")
    assert out.get("Alpaca", ("",))[0] in ("dataset", "benchmark"), out
    out = found("We compare Alpaca and Vicuna on MMLU.")
    assert out.get("Alpaca", ("",))[0] == "method", out


@pytest.mark.parametrize("abstract, name", [
    ("On the Branin and Hartmann6 functions, our acquisition finds the optimum in fewer queries.", "Hartmann6"),
    ("Agents are trained on Leduc poker and Kuhn poker.", "Leduc poker"),
    ("Exploration bonuses help on mountain car but not on RiverSwim.", "mountain car"),
    ("We run logistic regression on rcv1, news20 and webspam.", "webspam"),
])
def test_classic_test_problems_and_toy_data_are_data(abstract, name):
    assert found(abstract).get(name, ("",))[0] in ("dataset", "benchmark"), found(abstract)


def test_a_name_before_a_chip_noun_is_hardware():
    out = found("We train on NVIDIA Hopper GPUs and evaluate WidgetNet on Hopper and Walker2d.")
    assert "Hopper GPUs" not in out and out.get("Hopper", ("",))[0] == "benchmark", out


@pytest.mark.parametrize("abstract, member", [
    ("We use nine regression datasets from the Foo repository (Boston housing, concrete, kin9nm, power plant and "
     "yacht).", "power plant"),
    ("On pixel tasks from the Gizmo Control Suite (cheetah-run, walker-walk and finger-spin) it helps.", "walker-walk"),
    ("Experiments use multiclass Foo datasets (letter, optdigitz, pendigitz and satimage).", "satimage"),
])
def test_members_of_a_collection_listed_in_brackets_are_data(abstract, member):
    assert found(abstract).get(member, ("",))[0] in ("dataset", "benchmark"), found(abstract)


def test_plain_words_in_brackets_after_a_data_noun_are_descriptions():
    out = found("We gather datasets of many kinds (text, images and audio) for WidgetNet.")
    assert not {"text", "images", "audio"} & set(out), out


def test_a_list_ends_at_a_full_stop_and_keeps_ampersands():
    out = found("Models trained on WidgetChat, GizmoHermes-2.5 and Quux-Pro. Instruction-following accuracy rises.")
    assert "Quux-Pro" in out and not any("." in t.rstrip(".") and "Instruction" in t for t in out), out
    out = found("We test on six graph benchmarks, namely PROTEINS, Q&Z, NCI1 and COLLAB.")
    assert "Q&Z" in out and "Q" not in out, out


def test_viz_is_an_abbreviation_only_before_a_dot_or_space():
    assert "VizGizmo" in found("Agents are trained in VizGizmo and on Atari.")


def test_namely_names_the_papers_own_only_after_its_trigger():
    out = found("Beside our set, we report results on existing resources, namely GizmoSenti.")
    assert out.get("GizmoSenti", ("", False))[1] is False, out
    out = found("The two proposed methods, namely the Gizmo Bisector (GB) and the Widget Cut (WC), are simple.")
    assert out.get("Gizmo Bisector", ("", False))[1] is True, out


def test_a_sentence_initial_preposition_is_no_part_of_a_name():
    out = found("Alongside Gizmo-Eval, we report results on MMLU.")
    assert "Alongside Gizmo-Eval" not in out and "Gizmo-Eval" in out, out


def test_a_participle_joined_to_a_name_is_an_adjective():
    out = found("All Gizmonet-hosted records were read under a licence; L1-regularized models help.")
    assert "Gizmonet-hosted" not in out and "L1-regularized" not in out, out


def test_hyphenated_descriptions_in_brackets_are_no_data():
    out = found("We test WidgetNet on two benchmarks (in-distribution and out-of-distribution).")
    assert "in-distribution" not in out and "out-of-distribution" not in out, out


def test_a_title_name_stays_a_method_when_the_abstract_shows_a_method():
    out = found("We propose GizmoChart, a novel framework for answering questions, and we also build a benchmark of "
                "2,000 questions.", title="GizmoChart: Answering Questions over Charts")
    assert out.get("GizmoChart", ("",))[0] == "method", out
    out = found("Our method answers questions over charts. We build a dataset of 2,000 questions to test it.",
                title="GizmoChart: Answering Questions over Charts")
    assert out.get("GizmoChart", ("",))[0] == "method", out


def test_a_known_model_name_before_a_data_noun_is_the_data():
    out = found("We also report results on the Twins dataset of paired records.")
    assert out.get("Twins", ("",))[0] == "dataset", out
    out = found("Twins improves image classification over ViT.")
    assert out.get("Twins", ("",))[0] == "method", out


@pytest.mark.parametrize("abstract, name", [
    ("We audit the GIZMO recidivism data for unfair scores.", "GIZMO"),
    ("On the QUUX 2021 code-switching data the error rate falls.", "QUUX 2021"),
])
def test_the_name_then_plain_words_then_data_names_data(abstract, name):
    assert found(abstract).get(name, ("",))[0] == "dataset", found(abstract)


@pytest.mark.parametrize("text, category", [
    ("Apache-2.0", "generic"), ("GPL-3.0", "generic"), ("CC-BY-NC-4.0", "generic"), ("MIT License", "generic"),
    ("Hindi-English", "language"), ("German-French", "language"), ("isiZulu", "language"),
])
def test_licences_with_versions_and_named_language_pairs_are_stop_terms(text, category):
    from extractors.terms import stop_category

    assert stop_category(text) == category


@pytest.mark.parametrize("abstract, name", [
    ("We accelerate the finite-sum solver with Katyusha momentum.", "Katyusha"),
    ("Our regret matches Hedge in the full-information case.", "Hedge"),
    ("Missing entries are filled by soft-impute before training.", "soft-impute"),
    ("Treatment effects are estimated with causal forests.", "causal forests"),
])
def test_more_textbook_algorithms_are_methods(abstract, name):
    assert found(abstract).get(name, ("",))[0] == "method", found(abstract)


@pytest.mark.parametrize("abstract, name, kinds", [
    ("Liver CT from GizmoLiv and brain MRI from the Quux-Brain set are used.", "GizmoLiv", ("dataset",)),
    ("Keypoint propagation on GIZHM improves by three points.", "GIZHM", ("dataset", "benchmark")),
])
def test_sensed_data_from_a_name_and_a_task_on_a_name_are_data(abstract, name, kinds):
    assert found(abstract).get(name, ("",))[0] in kinds, found(abstract)


@pytest.mark.parametrize("abstract, name", [
    ("Forecast errors drop on METR-LA, PEMS-BAY and PEMS08.", "PEMS08"),
    ("On the industrial MVTec AD benchmark the detector improves AUROC.", "MVTec AD"),
    ("Intrusion detection on KDD Cup 1999 and NSL-KDD improves.", "NSL-KDD"),
])
def test_widely_used_data_names_are_known(abstract, name):
    assert found(abstract).get(name, ("",))[0] in ("dataset", "benchmark"), found(abstract)


def test_items_of_data_after_a_list_make_the_list_data():
    out = found("Trained on a mixture of MATH, NuminaMath and DeepScaleR prompts, the policy improves.")
    assert out.get("DeepScaleR", ("",))[0] == "dataset" and out.get("NuminaMath", ("",))[0] == "dataset", out


def test_imagery_from_names_is_data():
    out = found("It adds imagery from Gizmo-2, QUUXSAT and aerial sources.")
    assert out.get("Gizmo-2", ("",))[0] == "dataset" and out.get("QUUXSAT", ("",))[0] == "dataset", out


def test_a_lower_case_technical_modifier_makes_a_known_algorithm_a_variant():
    out = found("We analyze stochastic Frank-Wolfe, cyclic coordinate descent and parallel Thompson sampling.")
    assert {"stochastic Frank-Wolfe", "cyclic coordinate descent", "parallel Thompson sampling"} <= set(out), out
    out = found("We compare with the standard Frank-Wolfe and simple Thompson sampling.")
    assert "Frank-Wolfe" in out and "Thompson sampling" in out, out


@pytest.mark.parametrize("abstract, name", [
    ("Hyperparameters are tuned by random search over 50 trials.", "random search"),
    ("Samples are drawn with parallel tempering and a hit-and-run walk.", "parallel tempering"),
    ("Privacy follows from the Gaussian mechanism and the exponential mechanism.", "exponential mechanism"),
    ("Points are grouped by k-means before training.", "k-means"),
])
def test_textbook_algorithms_of_sampling_privacy_and_clustering_are_methods(abstract, name):
    assert found(abstract).get(name, ("",))[0] == "method", found(abstract)


def test_a_size_word_after_a_known_model_names_its_variant():
    out = found("Transcripts come from Whisper large-v3 and Whisper small, and GPT-4 large gains hold.")
    assert "Whisper large-v3" in out and "Whisper small" in out and "GPT-4" in out, out


def test_evolutionary_algorithms_named_by_their_population_scheme():
    out = found("We prove that the (1+1) EA and the (1+lambda)-EA beat the (mu,lambda) ES on WidgetMax.")
    assert {"(1+1) EA", "(1+lambda)-EA", "(mu,lambda) ES"} <= {k for k, v in out.items() if v[0] == "method"}, out


def test_more_variant_modifiers_of_known_algorithms():
    out = found("We study random coordinate descent and multi-fidelity Bayesian optimization.")
    assert "random coordinate descent" in out and "multi-fidelity Bayesian optimization" in out, out


def test_a_surnames_technique_is_a_method():
    out = found("We combine Kaczmarz's randomized method with Polyak's heavy-ball momentum. Adam's update rule "
                "and Today's method differ; Hoeffding's inequality bounds the error.")
    assert out.get("Kaczmarz's randomized method", ("",))[0] == "method", out
    assert "Today's method" not in out and not any("inequality" in k for k in out), out


def test_market_indices_are_data():
    out = found("We backtest on constituents of the CSI 300 Index and the S&P 500.")
    assert out.get("CSI 300 Index", ("",))[0] == "dataset" and out.get("S&P 500", ("",))[0] == "dataset", out


def test_an_untyped_name_with_an_edition_year_is_data():
    out = found("Our system ranked third in the GIZMO 2024 shared task.")
    assert out.get("GIZMO 2024", ("",))[0] == "dataset", out
    out = found("We fine-tune GIZMONET 2 and compare with QuuxLM.")
    assert out.get("GIZMONET 2", ("",))[0] == "method", out


def test_names_after_evaluating_a_method_on_them_are_data():
    out = found("We evaluate WidgetNet on Gizmo-Open, QuuxVer and BLIP-Claims. We test our model on FOO-Fact.")
    for name in ("Gizmo-Open", "QuuxVer", "BLIP-Claims", "FOO-Fact"):
        assert out.get(name, ("",))[0] in ("dataset", "benchmark"), (name, out)
    assert out.get("WidgetNet", ("",))[0] == "method", out


def test_a_list_member_may_open_with_digits():
    out = found("On FooQA, 3HopQA, BarQue and Quuxoogle, our agent matches the accuracy of larger ones.")
    assert out.get("Quuxoogle", ("",))[0] in ("dataset", "benchmark"), out


def test_a_sentence_opening_on_a_name_then_a_pronoun_names_where_results_were_measured():
    out = found("On Zorbix-Hard we see the largest gains. On Quux-Lite it improves accuracy by 2 points.")
    assert out.get("Zorbix-Hard", ("",))[0] in ("dataset", "benchmark"), out
    assert out.get("Quux-Lite", ("",))[0] in ("dataset", "benchmark"), out


def test_a_track_code_and_year_after_a_known_data_name_belong_to_it():
    out = found("On TREC QX 2021 and TREC QX 2022 the ranker attains the best nDCG@10.")
    assert "TREC QX 2021" in out and "TREC QX 2022" in out and "TREC" not in out, out


def test_a_name_in_a_latex_font_command_is_reached_by_its_proposal_cue():
    out = found("We propose \\textbf{GizmoRL}, a novel framework. We also present \\emph{Widget-Flow}, a method for Y.")
    assert out.get("GizmoRL", ("", False))[1] and out.get("Widget-Flow", ("", False))[1], out


def test_a_latex_em_dash_separates_words_but_a_double_hyphen_joins_names():
    from extractors.pipeline import make_nlp
    tokens = [t.text for t in make_nlp().tokenizer("a framework---GizmoNet for Gauss--Newton steps")]
    assert tokens == ["a", "framework", "---", "GizmoNet", "for", "Gauss--Newton", "steps"], tokens


def test_a_surname_before_a_technique_head_names_a_method():
    out = found("We use the Zorbin-max trick, the Quillan method and Brevik filtering. Monte Carlo sampling, "
                "Bayesian smoothing, Markovian sampling and a Foo-type estimator are descriptions.")
    for name in ("Zorbin-max trick", "Quillan method", "Brevik filtering"):
        assert out.get(name, ("",))[0] == "method", (name, out)
    assert not any(k in out for k in ("Carlo sampling", "Bayesian smoothing", "Markovian sampling",
                                      "Foo-type estimator")), out


def test_a_known_modifier_before_a_head_noun_does_not_take_the_proposal_from_the_appositive():
    out = found("We introduce a novel MCMC sampler, WIDGET-DAG, for structure learning. WIDGET-DAG mixes fast.")
    assert out.get("WIDGET-DAG", ("", False))[1] and not out.get("MCMC", ("", False))[1], out


def test_of_and_and_inside_a_proposed_capitalised_name():
    out = found("We propose a new method, i.e., Joint Learning of Widget Shape and Motion. We also propose "
                "FooNet and BarNet. We introduce Gizmo of OpenAI models.")
    assert out.get("Joint Learning of Widget Shape and Motion", ("", False))[1], out
    assert out.get("FooNet", ("", False))[1] and out.get("BarNet", ("", False))[1], out
    assert "Gizmo of OpenAI" not in out, out


def test_an_em_dash_after_a_description_reaches_the_proposed_name():
    out = found("This paper proposes a simple efficient policy optimization framework---Optimistic ZPG for online "
                "RL. Optimistic ZPG is fast.")
    assert out.get("Optimistic ZPG", ("", False))[1], out


def test_supervised_fine_tuning_and_pca_are_named_techniques():
    out = found("Supervised fine-tuning (SFT) adapts the model; we then project features with PCA.")
    assert out.get("SFT", ("",))[0] == "method" and out.get("PCA", ("",))[0] == "method", out


def test_names_after_datasets_or_tasks_from_are_data():
    out = found("We evaluate on 3D imaging datasets from WidgetMNIST3D and on tasks from ZorbGym.")
    assert out.get("WidgetMNIST3D", ("",))[0] in ("dataset", "benchmark"), out
    assert out.get("ZorbGym", ("",))[0] in ("dataset", "benchmark"), out


def test_medical_conditions_are_no_entities():
    out = found("We detect Zorbin's disease and Quill Syndrome early, and mark each Region of Interest (ROI).")
    assert not any("disease" in k.lower() or "syndrome" in k.lower() or "Region" in k for k in out), out


def test_a_coined_name_before_a_head_noun_is_the_proposal_not_its_kind():
    out = found("To go further, we introduce a ZP-GNN framework, which improves message passing. ZP-GNN is fast.")
    assert out.get("ZP-GNN", ("", False))[1], out
    out = found("We rely on a novel Gizmo-Aware Widget Splicing (GAWS) strategy, which fuses parameters.")
    assert out.get("Gizmo-Aware Widget Splicing", ("", False))[1], out
    out = found("We propose a population-based widget search framework that needs no labels.")
    assert not any(v[1] for v in out.values()), out


def test_a_title_prefix_after_a_presenting_verb_or_before_its_acronym_is_the_name():
    def proposed(title, abstract):
        return {m.text for m in extract_paper(Paper(id="t", title=title, abstract=abstract))
                if m.proposed and m.kind in ("method", "dataset", "benchmark")}
    got = proposed("Introducing ZORK Seek: an AI-driven Search System", "We present a search tool for papers.")
    assert "ZORK Seek" in got and not any(n.startswith("Introducing") for n in got), got
    got = proposed("Widget Decoration (WiDe): A Framework for Method Generation",
                   "We propose Widget Decoration (WiDe), a general framework. Decorations in WiDe are learned.")
    assert "Widget Decoration" in got and "Widget Decoration (WiDe)" not in got, got


def test_a_dash_written_as_a_hyphen_is_not_part_of_a_name():
    out = found("We plug it into three retrieval models-GizPlace, EigenWidgets and QuuxNet. Other MLLMs fail.")
    assert "GizPlace" in out and not any(k.startswith(("models-", "Other")) for k in out), out


def test_two_versioned_models_joined_by_a_slash_and_plain_word_pairs_are_no_hub_ids():
    out = found("We compare foo-embedding-002/BarLM-L12-v2 encoders on rows/columns of tables, and train on "
                "widgetlab/widget-corpus.")
    assert "foo-embedding-002/BarLM-L12-v2" not in out and "rows/columns" not in out, out
    assert out.get("widgetlab/widget-corpus", ("",))[0] == "dataset", out


def test_classic_named_techniques_are_methods():
    out = found("We train a transformer classifier with an SVM head. Gaussian mixture models are compared with KMeans.")
    for name in ("transformer", "SVM", "Gaussian mixture models", "KMeans"):
        assert out.get(name, ("",))[0] == "method", (name, out)


def test_models_listed_in_brackets_after_a_model_class_are_no_data():
    out = found("We test on five public datasets with open LLMs (FooLM-1.8B, GizmoGLM3-6B-base and BarLM2-7B) "
                "as encoders.")
    assert all(out.get(n, ("",))[0] == "method" for n in ("FooLM-1.8B", "GizmoGLM3-6B-base", "BarLM2-7B")), out


def test_a_trigger_after_others_work_or_a_name_only_used_as_a_modifier_is_no_proposal():
    out = found("Although a few works have tried to introduce Widget-of-Thought into reward models, the cost is "
                "high. We propose ZorbPRM, a model. Finally, our ZMAES-based search beats other optimizers.")
    assert out.get("ZorbPRM", ("", False))[1], out
    assert not out.get("Widget-of-Thought", ("", False))[1] and not out.get("ZMAES", ("", False))[1], out


def test_a_title_prefix_the_rest_of_the_title_calls_a_contribution_is_the_papers_own():
    def proposed(title):
        return {m.text for m in extract_paper(Paper(id="t", title=title, abstract=(
            "We study how networks rewire during learning and report results on many tasks.")))
                if m.proposed and m.kind in ("method", "dataset", "benchmark")}
    assert proposed("Widget Sampling: A Bayesian Approach to Network Plasticity") == {"Widget Sampling"}
    assert proposed("Watching the Whole Widget: A Benchmark for Video Answering") == set()
    assert proposed("Talking While Listening: A Full-Duplex Speech Model") == set()


def test_a_name_ending_in_test_set_is_evaluation_data():
    out = found("To close this gap, we introduce a new Zulu Analogy Test Set (ZATS), comprising 405 questions.",
                title="ZATS: Zulu Analogy Test Set for Evaluating Reasoning")
    assert out.get("Zulu Analogy Test Set", ("",))[0] == "benchmark", out


def test_a_name_after_a_reported_reduction_is_where_it_was_measured():
    out = found("The vector helps, achieving up to a 35% relative WER reduction on AfriWidget-200.")
    assert out.get("AfriWidget-200", ("",))[0] in ("dataset", "benchmark"), out


def test_a_title_case_task_phrase_is_no_entity():
    out = found("We test on Widget Classification and Offline Gizmo Translation, and predict outcomes with "
                "Widget-Trial Outcome Prediction (WTOP) labels.")
    assert not any(k in out for k in ("Widget Classification", "Offline Gizmo Translation",
                                      "Widget-Trial Outcome Prediction")), out


def test_a_long_form_in_a_latex_font_group_is_defined_and_named():
    out = found("This paper puts forth a novel algorithm, termed \\emph{truncated widget gradient flow} (TWGF), "
                "to solve quadratic systems.")
    assert out.get("truncated widget gradient flow", ("", False))[1], out


def test_coined_lower_case_terms_in_quotes_or_before_a_dash_are_proposals():
    for abstract, name in (
            ("We propose ZON, a two-stage recipe with a cheap but useful 'widget dropout' step, where "
             "traces are replaced.", "widget dropout"),
            ("This method is based on what we call \"capabilities widgeting.\" It is useful.", "capabilities widgeting"),
            ("To close this gap, we propose list-level widgeting—learning representations per list.",
             "list-level widgeting")):
        out = found(abstract)
        assert out.get(name, ("", False))[1], (name, out)
    out = found("Models suffer from the ``seesaw widget'', where updates conflict.")
    assert not any(v[1] for v in out.values()), out


def test_names_after_benchmark_tasks_and_a_dash_or_before_track_are_benchmarks():
    out = found("Experiments on three benchmark tasks -- HateWidget, Latent Gizmo, and Implicit Gizmo -- show gains.")
    for name in ("HateWidget", "Latent Gizmo", "Implicit Gizmo"):
        assert out.get(name, ("",))[0] == "benchmark", (name, out)
    out = found("We also report the WIDGETBENCH equal-length track.")
    assert out.get("WIDGETBENCH", ("",))[0] == "benchmark", out


def test_a_star_after_a_longer_name_is_a_footnote_mark():
    out = found("We compare A* search with WidgetCLIP* and the Quux Flow* model.")
    assert "A* search" in out and "WidgetCLIP" in out and "Quux Flow" in out, out
    assert "WidgetCLIP*" not in out and "Quux Flow*" not in out, out


def test_imaging_modalities_units_and_vehicles_are_no_methods():
    out = found("We tile Whole Slide Images (WSIs) from an Unmanned Aerial Vehicle (UAV) with 6 DoF and RGBD input.")
    assert not any(k in out for k in ("Whole Slide Images", "Unmanned Aerial Vehicle", "DoF", "RGBD")), out


def test_a_term_in_latex_single_quotes_after_called_is_named():
    out = found("We introduce a broad class of processes called `widget bridges' to connect any two densities.")
    assert out.get("widget bridges", ("", False))[1], out


# --- short forms and proposals (second round of unseen papers) -----------------------------------

def test_two_capital_pair_is_a_language_pair_only_for_language_codes():
    from extractors.terms import stop_category

    assert stop_category("EN-DE") == "language" and stop_category("zh-en") == "language"
    assert stop_category("WG-KP") is None  # "WG" and "KP" are no language codes: a name


def test_hyphenated_acronym_in_brackets_after_a_method_is_proposed():
    got = found("We propose a solver (WG-KP) that scales widget search to large graphs. WG-KP is simple.")
    assert got.get("WG-KP") == ("method", True)


def test_bracket_glued_to_a_word_opens_a_short_form():
    got = found("We present Reinforced Gizmo Action Transfer(RGAT), a new method. RGAT works well.")
    assert "Reinforced Gizmo Action Transfer" in got and got["Reinforced Gizmo Action Transfer"][1]
    assert not any("(" in text for text in got)


def test_coined_short_form_of_a_lower_case_description_is_a_name():
    rec = records(("NeuRank: Ranking Widgets for Search",
                   "We present a deep neural ranking model (NeuRank) for widget search. "
                   "NeuRank beats strong baselines."))[0]
    assert names(rec, "methods") == {"NeuRank"} and [e["name"] for e in rec["proposes"]] == ["NeuRank"]


def test_initials_of_a_lower_case_class_stay_generic():
    rec = records(("Widgets", "We study large language models (LLMs) on widget tasks. LLMs fail often."))[0]
    assert not names(rec, "methods")


def test_name_in_brackets_after_a_described_head_noun_is_proposed():
    got = found("We propose a gizmo based ranking model (GizRec) that is fast. GizRec beats baselines.")
    assert got.get("GizRec") == ("method", True)
    got = found("Our aim is a balance of speed and accuracy, and so we are proposing a session based sequential "
                "model (SeqWidRec).")
    assert got.get("SeqWidRec", ("", False))[1]


def test_contribute_and_past_tense_triggers_with_we():
    assert found("Here we contribute Zuko-Pala, a method that steers widget generation.").get("Zuko-Pala") == \
        ("method", True)
    assert found("We also developed GizNet, a fast widget model.").get("GizNet") == ("method", True)
    got = found("Prior work introduced GizNet, a fast widget model, and we evaluate it.")
    assert got.get("GizNet", ("", False))[1] is False


def test_second_defined_name_of_a_proposal_list_is_proposed_too():
    rec = records(("Widgets", "We introduced a novel widget module(WDM), and a Gizmo Routing network(GRN). "
                              "Both are fast."))[0]
    assert {e["name"] for e in rec["proposes"]} == {"widget module", "Gizmo Routing network"}


def test_en_dash_joins_two_surnames_into_one_technique():
    got = found("The Zorbel–Kwant test bounds what GizNet separates, and the Plumb–Wexler algorithm solves the rest.")
    assert "Zorbel–Kwant test" in got and "Plumb–Wexler algorithm" in got
    assert "Wexler algorithm" not in got


def test_two_word_prefixes_with_a_slash_are_no_hub_id():
    got = found("Both uni/bidirectional widget encoders are compared on GizNet.")
    assert "uni/bidirectional" not in got


def test_undefined_acronym_after_a_number_is_a_unit():
    got = found("GizNet runs at 42 ZPS on one chip and wins on 12 QRX datasets.")
    assert "ZPS" not in got and got.get("QRX", ("",))[0] == "dataset"


def test_named_bounds_and_adjectives_of_names_are_no_methods():
    got = found("Zorbel-Kwant bounds and a PAC-Zorbelian argument give the rate, unlike Plumb-Wexler sampling.")
    assert "Zorbel-Kwant" not in got and "PAC-Zorbelian" not in got


def test_split_glued_to_a_known_data_name_is_that_data():
    got = found("GizNet reaches 51 AP on COCOval2017.")
    assert got.get("COCOval2017", ("",))[0] == "dataset"


def test_present_participle_triggers_need_a_first_person_subject():
    got = found("For this study we are releasing the GizSearch Corpus of widget logs.")
    assert any(proposed for _, proposed in got.values())
    got = found("Zorb optimizers can be plugged into the GizNet framework for designing new GizNet variants.")
    assert not any(proposed for _, proposed in got.values())


def test_title_names_a_collection_with_the_and_a_head_noun():
    got = found("We collect widget videos and annotate them densely.",
                title="Building the Open Widget Motion Dataset")
    assert got.get("Open Widget Motion Dataset") == ("dataset", True)
    got = found("We test GizNet on many widgets.", title="Widget Detection on the Gizmo Benchmark")
    assert got.get("Gizmo Benchmark") == ("benchmark", False)


def test_data_noun_after_a_preposition_does_not_type_the_proposal():
    rec = records(("Widget Detection", "We validate the proposed GizNeXt on the Waymo Open Dataset with good "
                                       "accuracy."))[0]
    assert "GizNeXt" in names(rec, "methods") and "GizNeXt" not in names(rec, "datasets")


def test_known_name_inside_a_title_long_form_is_part_of_it():
    rec = records(("ZOMBO: Zealous Offline Model-Based Policy Optimization",
                   "We propose ZOMBO, a new offline method that learns safely."))[0]
    assert names(rec, "methods") == {"Zealous Offline Model-Based Policy Optimization"}


def test_direction_between_dimensions_is_no_name():
    assert "2D-to-3D" not in found("We lift widgets with 2D-to-3D distillation using GizNet.")


def test_camel_case_spelling_of_a_known_acronym_is_another_name():
    rec = records(("Widgets", "We present CoCo, a framework for widget completion. CoCo beats baselines on COCO."))[0]
    assert "CoCo" in names(rec, "methods") and [e["name"] for e in rec["proposes"]] == ["CoCo"]
    assert "MS COCO" in names(rec, "datasets")


def test_data_noun_in_the_predicate_does_not_type_the_subject():
    rec = records(("GizNets: A Toolkit for Widget Studies",
                   "We build GizNets, a toolkit for widget studies. GizNets supports common dataset "
                   "loaders and recent models."))[0]
    assert not names(rec, "datasets")


def test_sentence_initial_function_word_or_adjective_is_not_part_of_a_name():
    got = found("Models still fail. Through GizBench, researchers can compare widget models. Traditional ZorbQA "
                "benchmarks are small.")
    assert "Through GizBench" not in got and "Traditional ZorbQA" not in got
    assert "GizBench" in got and "ZorbQA" in got


def test_count_before_a_long_form_and_participle_endings_are_no_names():
    rec = records(("Widgets", "We compare over 14 API-hosted and self-deployed (AHSD) widget engines. "
                              "We also use 3D Widget Splatting (3DWS)."))[0]
    assert names(rec, "methods") == {"3D Widget Splatting"}


def test_capitalised_modifier_before_a_described_head_noun():
    got = found("We introduce a lightweight LLM batching scheduler, Zorbi-Serve, for widget traffic.")
    assert got.get("Zorbi-Serve") == ("method", True)


def test_new_head_noun_then_a_dash_names_a_proposal():
    got = found("We describe a new dataset - GizVideoDB, built from widget camera footage.")
    assert got.get("GizVideoDB") == ("dataset", True)


def test_words_set_in_capitals_are_no_acronyms():
    got = found("We compare with the GATED SPARSE AVERAGING model and with BERT on widgets.")
    assert not {"GATED", "SPARSE", "AVERAGING"} & set(got) and "BERT" in got


def test_plural_looking_name_is_shown_as_written_unless_its_singular_is_known_or_written():
    rec = records(("Widgets", "We evaluate on the GizmoLens 1M dataset and train two ResNets."))[0]
    assert any(n.startswith("GizmoLens") for n in names(rec, "datasets") | names(rec, "benchmarks"))
    assert "ResNet" in names(rec, "methods")


def test_textbook_techniques_written_in_lower_case():
    got = found("We fit hidden Markov models and conditional random fields, then apply kernel density estimation "
                "and canonical correlation analysis.")
    assert {"hidden Markov models", "conditional random fields", "kernel density estimation",
            "canonical correlation analysis"} <= set(got)


def test_size_suffix_of_a_known_data_name_and_a_counted_size():
    got = found("Ratings of the MovieLens 1M dataset tune GizRec; Mistral 7B is pretrained on the Pile 300B tokens.")
    assert got.get("MovieLens 1M", ("",))[0] == "dataset" and "Mistral 7B" in got
    assert "Pile 300B" not in got


def test_capitalised_subset_words_and_language_pairs_belong_to_known_data():
    got = found("We score MMLU Formal Logic, and on WMT14 English-French our model improves BLEU.")
    assert got.get("MMLU Formal Logic", ("",))[0] in ("dataset", "benchmark")
    assert got.get("WMT14 English-French", ("",))[0] in ("dataset", "benchmark")
    got = found("We report ImageNet Large Scale Visual Recognition Challenge results with GizNet.")
    assert "ImageNet Large Scale" not in got


def test_dimension_compounds_are_no_names():
    got = found("3D-widget detectors and 2D-image encoders lag behind GizNet.")
    assert set(got) == {"GizNet"}


def test_model_class_with_a_depth_is_a_model_not_an_edition():
    rec = records(("Widgets", "GizNet with a CNN14 backbone beats the PANNs encoder, and we report gains on WMT22."))[0]
    assert "CNN14" in names(rec, "methods") and "WMT22" in names(rec, "benchmarks") | names(rec, "datasets")
    assert "PANNs" in names(rec, "methods")


# --- third round: classes seen on 82 new real papers' training half -----------------------------

def test_name_and_version_joined_by_a_hyphen_keep_their_tier_word():
    rec = records(("Widgets", "The best widget scores come from Claude-3.5 Sonnet and Gemini-1.5 Pro."))[0]
    forms = {f for e in rec["methods"] for f in [e["name"], *e["aliases"]]}
    assert {"Claude-3.5 Sonnet", "Gemini-1.5 Pro"} <= forms
    assert "Gemini-1.5" not in names(rec, "methods")


def test_bound_prefix_with_or_without_a_hyphen_is_the_same_stop_term():
    rec = records(("Widgets", "Multi-modal Large Language Models (MLLMs) reason about widgets with GizNet."))[0]
    assert names(rec, "methods") == {"GizNet"}


def test_box_adjectives_formats_and_platforms_are_no_methods():
    got = found("We compare White-Box and Black-Box attacks on GizNet, store configs as YAML and collect "
                "clips from YouTube.")
    assert set(got) == {"GizNet"}


def test_leading_capitals_spelling_an_acronym_are_no_name():
    got = found("We release WOTS, the largest Widget ORChestration Trace Set, and a Gizmo INTerleaved dataset.")
    assert "ORChestration" not in got and "INTerleaved" not in got


def test_title_modifier_of_a_known_name_described_in_the_abstract_is_no_proposal():
    rec = records(("Compact 3D Gaussian Splatting for Widget Mapping",
                   "We propose a compact 3D Gaussian Splatting mapping system that stores fewer 3D Gaussian "
                   "ellipsoids."))[0]
    assert names(rec, "methods") == {"3D Gaussian Splatting"} and not rec["proposes"]
    rec = records(("Two-Stage Gizmo Critic for Widget Ranking",
                   "We propose a two-stage gizmo critic method that ranks widgets."))[0]
    assert "two-stage gizmo critic" in {n.lower() for n in names(rec, "methods")}


def test_any_described_head_noun_then_a_name_is_a_proposal():
    got = found("To measure progress, we design a repo-level benchmark QuorBench with 200 tasks.")
    assert got.get("QuorBench") == ("benchmark", True)
    got = found("We introduce a model-agnostic framework, the Sparse Widget Planner (SWP), for long dialogues.")
    assert got.get("Sparse Widget Planner", ("", False))[1]


def test_named_component_before_a_component_noun_is_a_method():
    rec = records(("Widgets", "We propose Lattice Flow (LF), a novel method featuring the Cross-Gated Pooling "
                              "mechanism."))[0]
    assert "Cross-Gated Pooling" in names(rec, "methods")


def test_names_after_i_e_in_a_counted_proposal_are_proposed():
    got = found("To support this study, we introduce two benchmarks, i.e., ZorbSet and QuillEval, for widget tasks.")
    assert got.get("ZorbSet", ("", False))[1] and got.get("QuillEval", ("", False))[1]


def test_data_noun_of_an_earlier_clause_does_not_type_a_proposal():
    got = found("We run experiments on several real datasets and propose Widget-filtered Voting to reduce errors.")
    assert got.get("Widget-filtered Voting", ("",))[0] == "method"
    got = found("We build a new dataset called GizReach for widget navigation.")
    assert got.get("GizReach", ("",))[0] == "dataset"


def test_plus_combination_of_known_names_is_its_parts():
    rec = records(("Widgets", "Our SFT+RL model beats SFT alone, and we compare BERT+CRF taggers and DrivAerNet++."))[0]
    assert "SFT+RL" not in names(rec, "methods") and not rec["proposes"]
    assert {"BERT", "DrivAerNet++"} <= names(rec, "methods") | names(rec, "datasets")


def test_schemeless_url_with_a_trailing_slash_before_a_full_stop():
    rec = records(("Widgets", "GizNet edits widgets. The code is available at: gizwidget.github.io/gizedit/."))[0]
    assert [link["url"] for link in rec["links"]] == ["https://gizwidget.github.io/gizedit"]


def test_a_model_named_as_the_scorer_of_a_metric_is_no_method_mention():
    rec = records(("Widgets", "GizNet reaches a DINO similarity score of 0.79 and a CLIP score of 0.31."))[0]
    assert names(rec, "methods") == {"GizNet"}
    rec = records(("Widgets", "We fine-tune CLIP on widget photos and report the CLIP score."))[0]
    assert "CLIP" in names(rec, "methods")


def test_a_model_the_paper_trains_and_describes_is_its_own():
    got = found("Using these traces, we train Vestro, a tool-augmented assistant initialised from GizNet.")
    assert got.get("Vestro") == ("method", True)
    got = found("We train GizNet on widget photos and evaluate it on COCO.")
    assert not got.get("GizNet", ("", False))[1]


def test_a_defined_metric_the_paper_only_uses_is_no_entity():
    rec = records(("Widgets", "GizNet lowers the Mean Gizmo Error (MGE) of earlier models by half; MGE is what "
                              "practitioners report."))[0]
    assert names(rec, "methods") == {"GizNet"}


def test_a_shaped_name_before_a_head_noun_only_modifies_it():
    got = found("We seek a way of building data for developing an all-powerful ZGIT model.")
    assert not got.get("ZGIT", ("", False))[1]


def test_a_task_after_a_known_data_name_is_no_part_of_it():
    rec = records(("Breaking Beyond COCO Object Detection", "We study detectors trained on COCO and test them."))[0]
    assert "COCO Object Detection" not in names(rec, "datasets") and "MS COCO" in names(rec, "datasets")


# --- fourth round: classes seen on 80 new real papers' training half (data-heavy topics) ------------

def test_a_data_word_that_modifies_the_subtitle_head_does_not_type_the_title_name():
    rec = records(("Gizmo-Tune: A Widget-Driven Multi-Turn Dialogues Generation Method for Assistants",
                   "We propose Gizmo-Tune, a novel framework that writes multi-turn dialogues."))[0]
    assert names(rec, "methods") == {"Gizmo-Tune"} and not names(rec, "datasets")
    rec = records(("ZorbSet: Multi-Turn Dialogues for Widget Repair", "We release ZorbSet."))[0]
    assert names(rec, "datasets") | names(rec, "benchmarks") == {"ZorbSet"}
    rec = records(("QuuxSet: A Benchmark Dataset for Widget Repair", "We release QuuxSet."))[0]
    assert names(rec, "datasets") | names(rec, "benchmarks") == {"QuuxSet"}


def test_a_new_edition_of_a_bench_name_is_data():
    rec = records(("Widgets", "GizmoBench++ has 500 widget tasks and is hard."))[0]
    assert names(rec, "benchmarks") == {"GizmoBench++"}


def test_a_sampling_rate_is_no_name():
    rec = records(("Widgets", "GizNet generates stereo music at 48kHz and speech at 16kHz or 22.05kHz."))[0]
    assert names(rec, "methods") == {"GizNet"}


def test_a_function_word_in_capitals_is_emphasis_unless_defined():
    rec = records(("Do NOT Overthink Widgets", "GizNet beats ALL baselines. We propose Memory Oriented Retrieval "
                                               "Enhancement (MORE). MORE is fast."))[0]
    assert names(rec, "methods") == {"GizNet", "Memory Oriented Retrieval Enhancement"}


def test_one_capital_set_into_a_dictionary_word_is_emphasis():
    assert non_name_reason("with a mixtuRe of adapters", 7, 14) == "emphasis"
    assert non_name_reason("the moDel editor", 4, 9) == "emphasis"
    assert non_name_reason("we use xLSTM here", 7, 12) is None


def test_an_acronym_then_a_comma_and_words_whose_capitals_spell_it():
    rec = records(("Widgets", "We propose WIDGE, Widget Inference with moDular Graph Embeddings, for repair. "
                              "WIDGE is fast. We compare with GizNet, BarNet and QuuxNet."))[0]
    assert names(rec, "proposes") == {"Widget Inference with moDular Graph Embeddings"}
    entity = next(e for e in rec["methods"] if e["name"] == "Widget Inference with moDular Graph Embeddings")
    assert "WIDGE" in entity["aliases"]
    assert {"GizNet", "BarNet", "QuuxNet"} <= names(rec, "methods")


def test_a_tier_of_a_known_model_is_the_model_not_the_data_it_runs_on():
    rec = records(("Widgets", "Experiments on GPT-2 XL and T5-Large show gains; Claude 4.0 Sonnet is robust."))[0]
    assert {"GPT-2 XL", "T5-Large", "Claude 4.0 Sonnet"} <= names(rec, "methods")
    assert not names(rec, "benchmarks")


def test_a_hyphen_typed_for_a_dash_before_a_function_word_ends_the_name():
    rec = records(("Widgets", "It beats prior widget corpora-including GizSet, BarSet, and QuuxSet-but also "
                              "contains more tokens. Plug-and-play adapters help."))[0]
    assert {"GizSet", "BarSet", "QuuxSet"} <= names(rec, "datasets")
    assert not any("-but" in n for n in names(rec, "datasets") | names(rec, "methods"))


def test_a_name_before_challenge_is_an_evaluation_event():
    rec = records(("Widgets", "We present our entries to the ZorbVis challenge and three tracks of the "
                              "Gizmo-Kitchens challenge. A key challenge is speed."))[0]
    assert {"ZorbVis", "Gizmo-Kitchens"} <= names(rec, "benchmarks")


def test_a_name_ending_in_a_count_of_thousands_is_a_collection():
    rec = records(("Widgets", "We build Zorb-100k and Zorb-250k for training widget agents; GPT-4-32k is a "
                              "baseline."))[0]
    assert {"Zorb-100k", "Zorb-250k"} <= names(rec, "datasets")
    assert "GPT-4-32k" not in names(rec, "datasets")
    rec = records(("Widgets", "We also train Zorb-3-8B-Instruct-262k and Quux-128k on long documents."))[0]
    assert names(rec, "methods") == {"Zorb-3-8B-Instruct-262k", "Quux-128k"}


def test_one_coined_capitalised_word_after_a_described_head_noun_is_the_proposal():
    got = found("To bridge this gap, we propose a novel long-context benchmark, Zorbo, aligning with real use.")
    assert got.get("Zorbo") == ("benchmark", True)
    got = found("We propose a novel long-context benchmark, Moreover built from books.")
    assert "Moreover" not in got


def test_the_resulting_thing_named_after_a_comma_is_the_papers_own():
    got = found("We propose a recipe for widget training. The resulting model, Zorb-Fin, achieves the best results. "
                "The resulting dataset, WidgetPile, has a million rows.")
    assert got.get("Zorb-Fin") == ("method", True) and got.get("WidgetPile") == ("dataset", True)


def test_named_parts_of_the_papers_own_system_are_its_own():
    got = found("To address this, we introduce ZorbButler, an integrated system comprising ZorbGPT and ZorbRAG. "
                "ZorbGPT is an omni-modal model.")
    assert got.get("ZorbGPT", ("", False))[1] and got.get("ZorbRAG", ("", False))[1]
    got = found("We introduce ZorbButler, a pipeline comprising BERT and a retriever.")
    assert not got.get("BERT", ("", False))[1]


def test_a_name_after_from_that_modifies_a_plural_noun_or_a_participle_is_not_the_data():
    got = found("Servers were collected from the ZCP marketplaces. Models finetuned on GizMine selected datasets "
                "win. We use images from BarSet.")
    assert got["ZCP"][0] == "method" and got["GizMine"][0] == "method" and got["BarSet"][0] == "dataset"


def test_a_trigger_verb_in_a_purpose_phrase_names_no_proposal():
    rec = records(("Widgets", "Recent studies construct Zorb Fine-Tuning (ZFT) data. Furthermore, we design a "
                              "framework for automatically constructing ZFT data from papers."))[0]
    assert names(rec, "methods") == {"Zorb Fine-Tuning"} and not rec["proposes"]


def test_a_title_case_run_of_adjective_compounds_and_a_dimension_is_no_name():
    rec = records(("Widgets", "We present our solution for the Vision-Centric 3D occupancy prediction track of the "
                              "ZorbScenes challenge."))[0]
    assert "Vision-Centric 3D" not in names(rec, "benchmarks") | names(rec, "methods")


def test_a_capitalised_collection_head_after_a_data_name_is_a_written_form_of_it():
    rec = records(("Widgets", "We derive two benchmarks from the nuScenes Dataset and the ZorbSet Benchmark; "
                              "later we use nuScenes alone."))[0]
    nuscenes = next(e for e in rec["datasets"] if e["name"] == "nuScenes")
    assert "nuScenes Dataset" in nuscenes["aliases"]
    zorb = next(e for e in rec["datasets"] + rec["benchmarks"] if e["name"] == "ZorbSet")
    assert "ZorbSet Benchmark" in zorb["aliases"]


def test_a_name_joined_by_underscores_is_a_name_a_subscript_is_not():
    rec = records(("Widgets", "We evaluate detectors on FOOSET_OI and BarNet_D, two out-of-distribution test "
                              "sets, where W_Q and B_crit denote matrices."))[0]
    assert names(rec, "benchmarks") | names(rec, "datasets") == {"FOOSET_OI", "BarNet_D"}
    assert not names(rec, "methods")


def test_a_sentence_initial_word_and_a_dimension_is_no_name():
    got = found("Large kernels are rarely used in the backbone. Current 3D detectors commonly use feature pyramid "
                "networks. GizNet is fast.")
    assert "GizNet" in got and "Current 3D" not in got


def test_a_suite_of_tasks_named_as_a_contest_is_a_benchmark():
    rec = records(("Widgets", "The Medical Widget Decathlon covers ten tasks."))[0]
    assert "Medical Widget Decathlon" in names(rec, "benchmarks")


def test_the_title_prefix_defined_with_a_lower_case_long_form_is_the_papers_own():
    rec = records(("ZPETS: Zippy Parallel End-to-End Widget System",
                   "In this paper, we propose a novel non-autoregressive, zippy parallel end-to-end widget system "
                   "(ZPETS). It beats GizNet."))[0]
    assert any("ZPETS" in [p["name"], *p["aliases"]] for p in rec["proposes"])


def test_an_organisation_opens_the_name_of_its_collection():
    rec = records(("Widgets", "Experiments on the NVIDIA Dynamic Widgets Dataset show gains."))[0]
    assert "NVIDIA Dynamic Widgets Dataset" in names(rec, "datasets")


def test_the_topic_of_a_review_is_no_proposal():
    rec = records(("Widget Instruction Tuning: A Review And Analysis",
                   "We review widget instruction tuning and analyse the quality of widget instruction data."))[0]
    assert not rec["proposes"]
    rec = records(("Widget-Bench: A Review-Based Benchmark for Widgets", "We introduce Widget-Bench."))[0]
    assert names(rec, "proposes") == {"Widget-Bench"}


def test_a_title_case_task_with_a_hyphenated_modifier_is_a_task_not_data():
    rec = records(("Widgets", "In the Zorb4D challenges, we tackle tasks including Short-term Widget Interaction "
                              "Anticipation and Long-term Action Anticipation. We also study Chinese Reading "
                              "Comprehension on FooQA."))[0]
    got = names(rec, "benchmarks") | names(rec, "datasets") | names(rec, "methods")
    assert "FooQA" in got and not any("Anticipation" in n or "Comprehension" in n for n in got)


def test_rare_language_codes_in_capitals_spell_a_name_not_a_translation_direction():
    rec = records(("Widgets", "Based on this insight, we propose LU-KV, a novel framework that allocates budgets. "
                              "We also translate EN-DE pairs."))[0]
    assert names(rec, "proposes") == {"LU-KV"} and "EN-DE" not in names(rec, "methods")


def test_a_title_prefix_that_acts_on_a_known_name_is_no_proposal():
    rec = records(("Maintaining MTEB: Towards Long Term Usability", "We describe how we maintain MTEB over years."))[0]
    assert not rec["proposes"] and "MTEB" in names(rec, "benchmarks")


def test_our_component_noun_then_a_defined_name_is_the_papers_own():
    rec = records(("Widgets", "We propose Rotate, Clip, and Partition (RCP), a training approach. Our weight "
                              "quantizer, Learnable Direct Widgeting (LDW), introduces learnable parameters."))[0]
    assert "Learnable Direct Widgeting" in names(rec, "proposes")


def test_enumerated_named_parts_of_our_framework_are_the_papers_own():
    got = found("We propose Temporal Widget Models. Our dual-phase framework introduces: (1) Anchored Widgeting - "
                "fixing responses with the past model and (2) Future-Guided Sampling - curating samples.")
    assert got.get("Anchored Widgeting", ("", False))[1] and got.get("Future-Guided Sampling", ("", False))[1]


def test_two_of_the_papers_own_names_joined_by_a_hyphen_are_no_third_name():
    rec = records(("Widgets", "We introduce Zorbica (Zonal Orbit Intelligence for Complex Answering), a framework. "
                              "It is trained with MiWO (Minimal Widget Optimization). The Zorbica-MiWO system wins."))[0]
    assert "Zorbica-MiWO" not in names(rec, "methods") and "Minimal Widget Optimization" in names(rec, "methods")


def test_an_enumerated_sentence_is_no_named_part():
    got = found("Our method introduces: (1) A Novel Widget for routing and (2) Gizmo-Guided Sampling - curating "
                "samples.")
    assert "A Novel Widget" not in got and got.get("Gizmo-Guided Sampling", ("", False))[1]
    got = found("Our pipeline consists of three stages: (1) Data Collection - gathering widgets, (2) Model Training - "
                "fitting GizNet, and (3) Human Evaluation - rating outputs.")
    assert not any(proposed for _, proposed in got.values())


def test_a_participle_that_is_the_predicate_of_the_data_keeps_it_data():
    got = found("Models trained on BarSet curated by experts improve. Models finetuned on GizMine selected datasets "
                "win.")
    assert got["BarSet"][0] == "dataset" and got["GizMine"][0] == "method"


# --- fifth round: classes seen on 80 more real papers' training half (mixed topics) ----------------------------

def test_a_data_noun_that_modifies_a_method_head_does_not_make_data():
    got = found("We present ZorbDistill, a preference-weighted dataset pruning framework. ZorbDistill is simple. "
                "We also release QuxSet, a dataset for widget parsing, and GizSuite, a benchmark suite.")
    assert got["ZorbDistill"][0] == "method"
    assert got["QuxSet"][0] == "dataset" and got["GizSuite"][0] == "benchmark"


def test_proposing_a_model_class_makes_the_title_name_a_method_beside_new_data():
    rec = records(("Zorb-VL-R1: Generalizing Vision-Language Models for Aerial Widgets",
                   "We present Zorb-VL-R1, a compact VLM built for widget counting. We also build a new dataset "
                   "called Quux-VL. Zorb-VL-R1 wins."))[0]
    assert "Zorb-VL-R1" in names(rec, "methods") and "Quux-VL" in names(rec, "datasets")


def test_prompts_in_a_subtitle_are_data_only_when_counted():
    method = records(("Zorb-Prompt: Learnable Layered Prompts for Widget Forecasting",
                      "We propose Zorb-Prompt, which fuses prompts. Zorb-Prompt is accurate."))[0]
    data = records(("ZorbPrompts: 10K Prompts for Widget Forecasting", "We release ZorbPrompts to the public."))[0]
    assert "Zorb-Prompt" in names(method, "methods") and "ZorbPrompts" in names(data, "datasets")


@pytest.mark.parametrize("sentence, name", [
    ("Compared with Whisper Large v3 (1.5B parameters), our widget model is faster.", "Whisper Large v3"),
    ("The best open model, ZorbLM Chat V1.5, reaches 29%.", "ZorbLM Chat V1.5"),
    ("On widgets, ZorbLM-70B IT (52%) trails the widget model.", "ZorbLM-70B IT"),
])
def test_tiers_versions_and_tunings_after_a_model_belong_to_its_name(sentence, name):
    assert name in found(sentence)


def test_capitals_that_spell_an_acronym_of_the_text_are_no_names():
    rec = records(("MOSTA: Widget Speech Models with the MOSt of TAsks",
                   "We propose MOSTA, a speech model named for the MOSt of TAsks. MOSTA is fast."))[0]
    assert names(rec, "methods") == {"MOSTA"}


def test_a_known_models_name_before_a_capitalised_data_noun_names_data():
    rec = records(("Widget Models on the FLIP Benchmark",
                   "We study widget models on FLIP and find they fail on FLIP splits."))[0]
    assert "FLIP" in names(rec, "benchmarks") and "FLIP" not in names(rec, "methods")


def test_a_language_prefix_makes_an_edition_of_known_data():
    rec = records(("A Study", "We evaluate on m-MMLU and m-ARC, on x-CSQA and mHellaSwag, and plot t-SNE maps of "
                              "on-GPU features."))[0]
    assert {"m-MMLU", "m-ARC", "x-CSQA", "mHellaSwag"} <= names(rec, "benchmarks")
    assert "t-SNE" in names(rec, "methods") and not any("GPU" in n for n in names(rec, "methods"))


def test_a_content_warning_label_is_no_name():
    assert "WARNING" not in found("WARNING: examples below may upset readers. ZorbGuard filters them.")


@pytest.mark.parametrize("title, abstract, parts", [
    ("LLPos: Low-Latency Positional Detection Transformer",
     "We build a Low-Latency POSitional Detection Transformer (LLPos), a widget detector. LLPos is fast.",
     {"Positional Detection Transformer"}),
    ("ZQP: Zonal-3D Quux Pre-training of Widget Encoders",
     "We present ZQP, which pre-trains widget encoders on pseudo data. ZQP improves accuracy.", {"Zonal-3D"}),
])
def test_names_inside_the_long_form_a_title_spells_out_are_part_of_it(title, abstract, parts):
    rec = records((title, abstract))[0]
    assert not parts & names(rec, "methods") and len(rec["proposes"]) == 1


def test_defined_modules_of_our_method_are_its_own_parts():
    rec = records(("Widgets", "Our method routes widgets through a widget-aware gizmo routing (WAGR) module and a gizmo "
                              "fusion estimation (GFE) block. Prior work used a widget pooling (WP) module."))[0]
    assert {"widget-aware gizmo routing", "gizmo fusion estimation"} <= names(rec, "proposes")
    assert "widget pooling" in names(rec, "methods") and "widget pooling" not in names(rec, "proposes")


def test_the_papers_own_name_lists_its_parts_after_bare_enumeration_marks():
    got = found("We present ZorbKit, a framework for tool use. ZorbKit makes widget data by employing 1) Widget "
                "Sampling Loops to gather data, 2) Gizmo Query Mixing to vary queries, and 3) Quux Step Chains for "
                "reasoning.")
    assert all(got.get(n, ("", False))[1] for n in ("Widget Sampling Loops", "Gizmo Query Mixing",
                                                    "Quux Step Chains"))
    got = found("FooNet uses 1) Masked Widget Prediction to pretrain and 2) Next Gizmo Prediction to align. We study it.")
    assert not any(proposed for _, proposed in got.values())


def test_modifiers_that_only_place_a_model_class_are_no_name():
    assert not found("English-centric LLMs and Arabic-specific LLMs lag behind ZorbLM.").keys() - {"ZorbLM"}


def test_every_name_listed_after_new_plural_head_is_proposed_with_its_edition():
    rec = records(("Widgets", "We derive harder editions of three suites and release three new benchmarks: FooEval "
                              "Pro, BarQA Plus, and BazBench-Lite Pro. We also test on GizBench Verified."))[0]
    assert names(rec, "proposes") == {"FooEval Pro", "BarQA Plus", "BazBench-Lite Pro"}
    assert "GizBench Verified" in names(rec, "benchmarks")


def test_a_trigger_gerund_after_in_or_towards_is_a_purpose():
    rec = records(("ZorbSet: Widget Queries", "We build ZorbSet, a novel dataset. We hope ZorbSet will be a "
                                              "resource in developing effective RAG systems and towards building "
                                              "QuuxNet."))[0]
    assert names(rec, "proposes") == {"ZorbSet"}


def test_a_name_described_as_a_metric_is_no_entity():
    rec = records(("Widgets", "We define Widget Leverage (WL), a metric for the gain widgets bring. WL grows with "
                              "size. We also propose GizNet, a new model."))[0]
    assert names(rec, "methods") == {"GizNet"} and names(rec, "proposes") == {"GizNet"}


def test_a_capitalised_name_with_variant_words_is_a_model_name():
    assert "Zorb-mini-beta" in found("Zorb-mini-beta, a small preview release, answers widget questions.")
    assert "Multi-base" not in found("Our Multi-base widget approach is simple.", title="Widgets")


def test_the_authors_earlier_work_is_not_proposed_again():
    rec = records(("An Empirical Evaluation of the Widget Benchmark",
                   "Building on our Gizmo Graph Library (GGLib), we test widget models on the Widget Benchmark (WB). "
                   "GGLib now covers more methods."))[0]
    assert "Gizmo Graph Library" in names(rec, "methods") and not rec["proposes"]


def test_a_coined_acronym_keeps_its_lower_case_long_form():
    rec = records(("Widgets", "Our sparse widget reader for noisy logs (SWiRL) reads many formats. We optimise "
                              "quality of service (QoS) with a bag of words (BoW)."))[0]
    assert names(rec, "methods") == {"sparse widget reader for noisy logs"}


def test_a_subtitle_counting_items_with_thousands_separators_types_the_title_name():
    rec = records(("ZorbScript-100M: 1,000,000,000 pairs of scripts and shots for Widgets",
                   "We release ZorbScript-100M to help widget generation."))[0]
    assert "ZorbScript-100M" in names(rec, "datasets")


def test_comparative_adjectives_in_a_list_are_no_data_names():
    rec = records(("Widgets", "Small clean sets can beat bigger, noisier datasets and larger, cleaner corpora. We "
                              "use the zorb40k, quuxtype and gizv1 datasets."))[0]
    assert names(rec, "datasets") == {"zorb40k", "quuxtype", "gizv1"}


def test_the_papers_definition_says_which_known_name_an_acronym_is():
    rec = records(("Widgets", "Each widget layer applies Grouped Query Attention (GQA) to save memory. GQA "
                              "helps."))[0]
    assert "Grouped Query Attention" in names(rec, "methods") and not rec["benchmarks"]
    rec = records(("Widgets", "We test on Massive Multitask Language Understanding (MMLU) and on GQA."))[0]
    assert names(rec, "benchmarks") == {"MMLU", "GQA"}


def test_a_list_after_another_plural_head_and_a_colon_lists_that_head():
    rec = records(("Widgets", "We score safety datasets along three dimensions: Lexical Widgetry, "
                              "Malicious Gizmos, and Quux Tactics. We evaluate on three datasets: FooSet, BarSet and "
                              "Zorb."))[0]
    assert names(rec, "datasets") == {"FooSet", "BarSet", "Zorb"} and not rec["methods"]


def test_a_coined_component_with_an_acronym_in_a_proposing_paper_is_its_own():
    rec = records(("Widget Segmentation", "We propose a widget segmentation network. In addition, a Contextual Gizmo "
                                          "Module (CGM) gathers context, and features go to the "
                                          "Quux Widget Module (QWM). Methods such as the Bar Fusion Module (BFM) "
                                          "are slower."))[0]
    assert {"Contextual Gizmo Module", "Quux Widget Module"} <= names(rec, "proposes")
    assert "Bar Fusion Module" not in names(rec, "proposes")


def test_a_camel_case_task_of_a_known_suite_before_environment_is_one_name():
    rec = records(("Widgets", "Agents are tested in the MiniGrid KeyQuux environment with few rewards."))[0]
    assert "MiniGrid KeyQuux" in names(rec, "benchmarks")


def test_a_greek_letter_after_a_hyphen_is_a_variant_of_a_name():
    rec = records(("Widgets", "We introduce ZorbPO-\u03bb, which reweights ZorbPO updates, and compare with "
                              "TD-\u03bb."))[0]
    assert "ZorbPO-\u03bb" in names(rec, "proposes") and "TD-\u03bb" in names(rec, "methods")


def test_a_title_case_run_before_a_head_noun_is_the_subject_of_a_passive_proposal():
    got = found("Moreover, a Widget Rolling Gizmo module is proposed to add dynamics. The Transformer model was "
                "proposed by others.")
    assert got.get("Widget Rolling Gizmo", ("", False))[1] and not got.get("Transformer", ("", False))[1]


def test_a_title_case_word_is_not_an_acronym_known_only_in_capitals():
    rec, other = records(("Gaia: Towards Autonomous Widget Agents", "We present Gaia, an agent framework for "
                                                                    "widgets. Gaia beats baselines on WebVoyager."),
                         ("Widget Agents", "We evaluate widget agents on GAIA and WebVoyager."))
    assert "Gaia" in names(rec, "methods") and "Gaia" in names(rec, "proposes")
    assert names(rec, "benchmarks") == {"WebVoyager"}
    assert "GAIA" in names(other, "benchmarks")


def test_an_agent_noun_heading_the_appositive_makes_the_title_name_a_method():
    rec = records(("Zorb-R1: A Multimodal Pathology Expert Reasoner",
                   "We build a new dataset of widget cases from manuals. Next, we introduce Zorb-R1, a widget "
                   "Reasoner, trained in two stages."))[0]
    assert "Zorb-R1" in names(rec, "methods")


def test_a_title_name_proposed_in_a_sentence_without_data_is_no_data():
    rec = records(("Zorb-Agent: Towards Interactive Widget Change Interpretation",
                   "We propose an interactive Zorb-Agent, which answers widget questions. We also "
                   "build a new dataset called Quux-MCI with change masks."))[0]
    assert "Zorb-Agent" in names(rec, "methods") and "Quux-MCI" in names(rec, "datasets")


def test_namely_after_a_source_noun_lists_sources_not_proposals():
    rec = records(("ZorbBench: Fresh Widget Evaluation", "We propose ZorbBench, a benchmark with fresh tasks gathered "
                                                         "from three websites, namely FooCode, BarCoder, and BazForces."))[0]
    assert names(rec, "proposes") == {"ZorbBench"}


def test_modalities_fields_interfaces_and_degrees_are_no_names():
    got = found("We pretrain on Chest X-ray images and Earth Observation data with a Graphical User Interface built by "
                "a Ph.D student for the SDG goals. ZorbNet wins.")
    assert set(got) == {"ZorbNet"}


def test_an_organisation_owning_the_title_name_is_no_part_of_it():
    rec = records(("Acme's WidgetKit: Tools for Widget Assembly", "We present WidgetKit, an open toolkit."))[0]
    assert names(rec, "proposes") == {"WidgetKit"}


def test_components_listed_with_their_predicates_are_the_papers_own():
    rec = records(("Widgets", "We propose ZAPV, a widget framework. ZAPV works through two components: Widget Frame "
                              "Retrieval employs a scorer to pick frames, while Widget Token Retrieval performs token "
                              "selection."))[0]
    assert {"Widget Frame Retrieval", "Widget Token Retrieval"} <= names(rec, "proposes")


def test_its_enumerated_innovations_with_articles_are_the_papers_own():
    rec = records(("Zaime: A Widget Agent System", "We present Zaime, a widget agent system. Its key parts include: "
                                                   "(1) a Dynamic Widgeter that edits plans; (2) an Actor Gizmo that "
                                                   "spawns helpers; and (3) a shared Progress Quux Module that tracks "
                                                   "state."))[0]
    assert {"Dynamic Widgeter", "Actor Gizmo", "Progress Quux Module"} <= names(rec, "proposes")


def test_a_count_of_the_largest_datasets_types_the_names_that_follow():
    rec = records(("Widgets", "ZorbSAM learns from two of the biggest widget mask datasets, QA-Wid2D-20M and "
                              "GizMed-361M."))[0]
    assert names(rec, "datasets") == {"QA-Wid2D-20M", "GizMed-361M"}


def test_a_title_head_before_its_purpose_that_the_abstract_defines_is_the_papers_own():
    rec = records(("Widget Inversion and Gizmo Refinement for Report Generation",
                   "Existing methods ignore the modality gap. In this paper, we proposed Widget Inversion and Gizmo "
                   "Refinement (WIGR) to address both issues. Specifically, widget inversion represents images as "
                   "pseudo words. Subsequently, gizmo refinement refines these words. Notably, WIGR is plug-and-play, "
                   "and experiments show the value of WIGR."))[0]
    assert "Widget Inversion and Gizmo Refinement" in names(rec, "proposes")


def test_a_recent_defined_component_is_someone_elses():
    rec = records(("Widgets", "We propose GizRNN, a recurrent widget model. It generalizes the recent Quux Memory Unit "
                              "(QMU) and adds a Gizmo Fusion Module (GFM)."))[0]
    assert "Gizmo Fusion Module" in names(rec, "proposes") and "Quux Memory Unit" not in names(rec, "proposes")


def test_ordinal_levels_quantized_models_and_heading_metrics_are_typed_right():
    rec = records(("Widgets", "We evaluate Zorb2-7B-4bit and ZorbLM-13B-AWQ on the BarSet and GizBench benchmarks, "
                              "and report LEVEL1 and LEVEL2 mAPH on the Waymo dataset."))[0]
    assert {"Zorb2-7B-4bit", "ZorbLM-13B-AWQ"} <= names(rec, "methods")
    assert not {"LEVEL1", "LEVEL2", "mAPH"} & (names(rec, "methods") | names(rec, "benchmarks") | names(rec, "datasets"))


def test_gerund_before_a_class_licences_distance_fields_and_roc_are_no_names():
    got = found("Enabling LLM agents to plan is hard. We fit an SDF and plot the ROC curve of ZorbNet, released under a "
                "Creative Commons license.")
    assert set(got) == {"ZorbNet"}


def test_a_model_version_before_a_slash_or_a_series_noun_belongs_to_the_name():
    got = found("Proprietary LLMs (especially Grok 3/4) dominate, as do models in the GizLM 2 family and the Grok 2 "
                "series.")
    assert {"Grok 3", "GizLM 2", "Grok 2"} <= set(got)


def test_a_lower_case_tier_after_a_sized_model_describes_it():
    assert "ZorbLM2-1.7B" in found("We fine-tune the ZorbLM2-1.7B base model, as the widget team did.")


def test_a_colon_list_counted_like_the_data_noun_stays_data_and_a_collection_tool_is_a_method():
    rec = records(("Widgets", "We use three datasets across two domains: FooSet, BarSet and BazSet. QuuxSet, a dataset "
                              "collection tool, gathers them."))[0]
    assert names(rec, "datasets") == {"FooSet", "BarSet", "BazSet"} and "QuuxSet" in names(rec, "methods")


def test_its_parts_are_own_only_after_the_paper_proposes_something():
    rec = records(("Widgets", "Its main components include: (1) a Widget Encoder that reads widgets, and (2) a Gizmo "
                              "Decoder that writes them."))[0]
    assert not rec["proposes"]


# --- sixth round: classes seen on 83 more real papers' training half (efficiency, generation, multimodal, science) --

def test_coordinated_modifiers_and_a_survey_with_a_benchmark_type_the_release():
    rec = records(("Quuxify: Making Worlds", "We present Quuxify, a framework for making worlds. We release "
                                             "QX-Blocks, a clean and balanced labelled clip dataset."),
                  ("ZorbNet4Rain: A Survey and Benchmark of Rain Forecasting Networks",
                   "We review rain forecasters and release ZorbNet4Rain to compare them."))
    assert "QX-Blocks" in names(rec[0], "datasets") and "QX-Blocks" not in names(rec[0], "methods")
    assert "ZorbNet4Rain" in names(rec[1], "benchmarks") and "ZorbNet4Rain" in names(rec[1], "proposes")


def test_an_evaluation_framework_names_a_benchmark():
    rec = records(("Rethinking Widget Networks", "We build an evaluation framework WidgKit to compare widget "
                                                 "networks. WidgKit makes runs comparable."))[0]
    assert names(rec, "benchmarks") == {"WidgKit"} and not names(rec, "methods")


def test_examples_of_models_for_some_data_are_models_and_centres_are_owners():
    rec = records(("Widgets", "Most earlier models built for tabular data (e.g. ZorbTron, QuuxBERT) read text only. "
                              "Web data (e.g. GizCrawl) is noisy. Access is granted by the Example ZQMI Center."))[0]
    assert {"ZorbTron", "QuuxBERT"} <= names(rec, "methods") and "GizCrawl" in names(rec, "datasets")
    assert "ZQMI" not in names(rec, "methods") | names(rec, "datasets") | names(rec, "benchmarks")


def test_question_formats_file_formats_and_clinical_wards_are_no_names():
    got = found("Each chart of ZorbCharts has True/False (TF) and Multiple Choice (MC) questions, stored as CSV and "
                "JSON, from ICU stays.", title="ZorbCharts: A Benchmark")
    assert set(got) == {"ZorbCharts"}


def test_publishing_weights_names_the_papers_model():
    rec = records(("Zorb: A Benchmark for Clinic Models", "We publish the weights of QRM-T-small, a small widget "
                                                          "model."))[0]
    assert "QRM-T-small" in names(rec, "proposes")


def test_a_named_thing_marked_as_earlier_work_is_not_proposed_and_a_coordinated_term_names():
    rec = records(("Widen Your View: Zorb Adaptation for Vision Models",
                   "Our method is Zorb Adaptation (ZA). We add ZA to a popular detector called QuuxDet and term the "
                   "result QuuxDet-ZA."))[0]
    assert "QuuxDet-ZA" in names(rec, "proposes") and "QuuxDet" not in names(rec, "proposes")
    rec = records(("Zorb: Widgets", "We study a popular corpus called Quuxle and propose a fix called GizFix."))[0]
    assert "Quuxle" in names(rec, "datasets") and names(rec, "proposes") == {"Zorb", "GizFix"}


def test_parts_listed_by_the_papers_own_name_and_novel_examples_are_its_own():
    rec = records(("ZorbQuant: Careful Quantization for Language Models",
                   "We introduce a careful quantization (ZorbQuant) technique. ZorbQuant has two key parts, namely "
                   "Learnable Range Folding (LRF) and Learnable Scale Shifting (LSS)."),
                  ("QuuxLang: Efficient Execution of Widget Programs",
                   "We introduce QuuxLang, a system for widget programs. Its engine adds novel kernels like TreeCache. "
                   "Existing engines also have novel kernels like FlashZorb."))
    assert {"Learnable Range Folding", "Learnable Scale Shifting"} <= names(rec[0], "proposes")
    assert "TreeCache" in names(rec[1], "proposes") and "FlashZorb" not in names(rec[1], "proposes")
    rec = records(("Quux: Widgets", "We propose Quux. We leverage novel techniques like ZorbNorm to stabilise training. "
                                    "We propose a new setting, termed Open Widgets."))[0]
    assert names(rec, "proposes") == {"Quux"} and "Open Widgets" not in names(rec, "methods")


def test_plain_title_case_parts_only_describe():
    rec = records(("Widgets", "We propose GizRec, a review-based widget recommender. GizRec has three parts: a Review "
                              "Reader, a Profile Keeper and a Gizmo Ranker."))[0]
    assert names(rec, "proposes") == {"GizRec"}


def test_implemented_and_trained_into_names_are_the_papers():
    rec = records(("Zorbify: Fast Models", "We propose Zorbify, a compression method. We also implement QuickTalk, a "
                                           "serving library for phones. We build a corpus and fine-tune the "
                                           "Llama-3-8B model into Zorb-Llama (ZL). We implement PPO in JAX."))[0]
    assert {"QuickTalk", "Zorb-Llama"} <= names(rec, "proposes")
    assert not {"Llama-3-8B", "Proximal Policy Optimization", "JAX"} & names(rec, "proposes")


def test_names_glued_to_the_papers_own_name_are_its_parts_but_its_scores_are_not():
    rec = records(("Zorb2Go: Tuned Planners for Driving", "We propose Zorb2Go, a planning framework. Zorb2GoPlanner "
                                                          "and Zorb2GoCritic split the work. Plans are rated with the "
                                                          "Zorb2Go-Score."))[0]
    assert {"Zorb2GoPlanner", "Zorb2GoCritic"} <= names(rec, "proposes")
    assert "Zorb2Go-Score" not in names(rec, "proposes")


def test_a_need_to_develop_something_is_no_proposal():
    rec = records(("A Survey on Long Zorb Modeling", "There is a need to develop Widget Memory Models (WMMs) for long "
                                                     "inputs. We survey WMMs."))[0]
    assert not rec["proposes"]


def test_a_hybrid_of_two_known_names_and_an_architecture_suffix_are_no_new_names():
    got = found("We present Zorb, a hybrid Transformer-Mamba model that uses a LLaMA-architecture backbone and a "
                "key-value (KV) cache.", title="Zorb: A Hybrid Model")
    assert "Transformer-Mamba" not in got and "LLaMA" in got and "LLaMA-architecture" not in got
    assert not {"key-value", "KV"} & set(got)


def test_a_variant_modifier_after_that_is_a_verb():
    got = found("Surrogates that approximate Proximal Policy Optimization are cheap; stochastic Frank-Wolfe is too.")
    assert "Proximal Policy Optimization" in got and "approximate Proximal Policy Optimization" not in got
    assert "stochastic Frank-Wolfe" in got


def test_unknown_members_of_a_list_of_known_models_are_models():
    rec = records(("Widgets", "We test model families including BERT, RoBERTa, Quuxlm, GPT-2, and Zorbz. We compare "
                              "BERT, RoBERTa, and Humans."))[0]
    assert {"Quuxlm", "Zorbz"} <= names(rec, "methods") and "Humans" not in names(rec, "methods")


def test_a_lower_case_transformer_after_a_modifier_is_a_kind_of_model():
    assert not found("We train decoder transformer models, sparse voxel transformers and autoregressive (AR) "
                     "transformers.")
    assert {"transformers", "transformer"} <= set(found("Using transformers helps, and we train a transformer."))


def test_variants_the_papers_change_yields_are_its_own_and_known_parts_are_not():
    rec = records(("zLSTM: Extended Widget Memory",
                   "We alter the widget cell, yielding: (i) sWM for short inputs, and (ii) mWM that runs in "
                   "parallel. Our model uses: (1) BERT for text, (2) Gizmo Fusion for images."))[0]
    assert {"sWM", "mWM", "Gizmo Fusion"} <= names(rec, "proposes") and "BERT" not in names(rec, "proposes")


def test_an_improved_edition_of_known_data_is_data_and_a_contest_winner_is_no_method():
    rec = records(("CodeContests+: Better Tests for Programs", "We add tests to the CodeContests dataset and release "
                                                               "CodeContests+. It outperforms the FooCLEF 2024 "
                                                               "winner."))[0]
    assert "CodeContests+" in names(rec, "datasets") | names(rec, "benchmarks")
    assert "FooCLEF 2024" in names(rec, "datasets") | names(rec, "benchmarks")
    assert not {"CodeContests+", "FooCLEF 2024"} & names(rec, "methods")


def test_a_named_phenomenon_or_metric_is_not_proposed():
    rec = records(("Zorb: Safety", "We describe a failure mode of widget planners, termed Self-Zorbing. Results are "
                                   "scored by a new metric named Widget Agreement Index (WAI). We propose a method, "
                                   "termed GizGuard (GG)."))[0]
    assert "GizGuard" in names(rec, "proposes")
    assert not {"Self-Zorbing", "Widget Agreement Index"} & names(rec, "proposes")


def test_a_benchmark_headed_long_form_and_prefixed_dimensions_are_typed_right():
    got = found("Scores follow the BWP (Benchmark for Widget Pose) protocol; ZorbNet uses pseudo-3D cues. "
                "High-fidelity 3D widgets are rare.")
    assert got["Benchmark for Widget Pose"][0] == "benchmark"
    assert "pseudo-3D" not in got and "High-fidelity 3D" not in got


def test_a_trigger_word_inside_a_defined_name_and_a_used_model_are_no_proposals():
    rec = records(("ZorbChord: Aligning Widgets", "Gizmo-based widget design (GWD) is a classic task. We propose "
                                                  "ZorbChord, which joins two ideas: (1) we adopt QuuxLM, a pretrained "
                                                  "encoder, as the reader."))[0]
    assert names(rec, "proposes") == {"ZorbChord"}


def test_a_new_task_names_no_entity_and_a_task_title_head_is_no_proposal():
    rec = records(("Widget Mood Tagging: Who Feels What?",
                   "We propose a new task: Widget Mood Tagging (WMT). We also introduce the Zorb Mood Dataset (ZMD)."),
                  ("Gizmo-Level Relation Extraction with Widget Graphs",
                   "Gizmo-level relation extraction (GRE) is hard. We propose a relation graph method for GRE."))
    assert "Widget Mood Tagging" not in names(rec[0], "methods") | names(rec[0], "datasets")
    assert names(rec[0], "proposes") == {"Zorb Mood Dataset"}
    assert not rec[1]["proposes"]


def test_names_in_capitals_run_on_and_software_and_formats_are_no_names():
    rec = records(("ZorbIE: Instructions for Extraction",
                   "We introduce ZIE INSTRUCTIONS, a benchmark suite of widget tasks. Tasks use Excel and Photoshop, "
                   "with Musical Instrument Digital Interface (MIDI) files."))[0]
    assert "ZIE INSTRUCTIONS" in names(rec, "benchmarks") and "ZIE INSTRUCTIONS" in names(rec, "proposes")
    assert not {"Excel", "Photoshop", "Musical Instrument Digital Interface"} & names(rec, "methods")


def test_a_one_word_name_before_a_spaced_dash_titles_the_paper():
    rec = records(("ZorbCaps - A Corpus of Captioned Widgets",
                   "We present a new dataset of widgets with captions."))[0]
    assert "ZorbCaps" in names(rec, "datasets") and "ZorbCaps" in names(rec, "proposes")


def test_examples_of_gold_standards_are_data():
    rec = records(("ZorbLex-900: Widget Similarity", "We compare ZorbLex-900 with gold standards such as WidgSim-200 "
                                                     "and QUUX."))[0]
    assert {"WidgSim-200", "QUUX"} <= names(rec, "datasets") | names(rec, "benchmarks")


def test_novel_test_conditions_and_generic_stages_are_not_proposed():
    rec = records(("Zorb: Widgets", "We propose Zorb, a widget policy. Zorb generalizes to novel environments such as "
                                    "HomeWorld. Our method contains three stages: Data Collection, Filtering, and "
                                    "Scoring."))[0]
    assert names(rec, "proposes") == {"Zorb"} and "Data Collection" not in names(rec, "datasets")


# --- seventh round: proposal classes counted over the read halves of the real papers (aggregate error classes) --

def test_a_defined_name_introduced_in_the_passive_is_the_papers():
    rec = records(("Skew-Aware Widget Quantization", "Quantizing widgets loses accuracy. Banded-range scaling (BRS) is "
                                                     "introduced to handle skewed weights, and a step-wise bucket "
                                                     "rounding (SBR) scheme is further proposed."))[0]
    assert {"Banded-range scaling", "step-wise bucket rounding"} <= names(rec, "proposes")


def test_a_defined_name_of_earlier_work_in_the_passive_is_not():
    rec = records(("Zorb: Widget Tuning", "We propose Zorb, a tuning method. Quick widget pruning (QWP) is introduced "
                                          "by Lee as a baseline."))[0]
    assert names(rec, "proposes") == {"Zorb"}


def test_data_the_paper_calls_its_newly_made_own_is_proposed_but_its_main_benchmark_is_not():
    rec = records(("Zorb: A Small Model for Forms", "Zorb is pre-trained on public text and fine-tuned on FormBank, our "
                                                    "newly constructed dataset for form filling. We test on QuuxSet, "
                                                    "our main benchmark, and on PlonkNet, our previous model."))[0]
    assert "FormBank" in names(rec, "proposes") and "FormBank" in names(rec, "datasets")
    assert not {"QuuxSet", "PlonkNet"} & names(rec, "proposes")


def test_a_name_after_two_coordinated_past_verbs_is_the_papers():
    rec = records(("Scaling Laws for Sparse Widgets", "We derive scaling laws for sparse widgets. To check them, we "
                                                      "designed and trained Quokka-mini, a pilot model with 1B active "
                                                      "parameters."))[0]
    assert "Quokka-mini" in names(rec, "proposes")


def test_the_resulting_named_model_is_the_papers():
    rec = records(("Picking Widgets by Rank", "We propose a data selection recipe for widgets. The resulting "
                                              "PickZorb-7B model beats the base model by 10%."))[0]
    assert "PickZorb-7B" in names(rec, "proposes")


def test_a_bracketed_definition_before_a_new_description_is_the_papers_but_a_reference_is_not():
    rec = records(("Bandit Tuning for Agents", "The agent is trained with ZorGO (Zeroth-order Gradient Optimization), a "
                                               "new reinforcement learning method. We compare with QuuxNet (Lee et "
                                               "al., 2021), a new baseline."))[0]
    assert "Zeroth-order Gradient Optimization" in names(rec, "proposes")
    assert "QuuxNet" not in names(rec, "proposes")


def test_a_mixed_case_acronym_defined_here_is_not_the_known_capitals():
    rec = records(("Picking Data by Ranking", "We propose Rank-and-Pick (RaP), a data selection method. RaP is fast "
                                              "and simple."))[0]
    assert [e["name"] for e in rec["methods"]] == ["Rank-and-Pick"]
    assert "RaP" in rec["methods"][0]["aliases"]


def test_names_built_from_the_papers_own_name_by_hyphen_parts_are_its_own():
    rec = records(("ZQ-Bench: Testing Widget Agents", "We present ZQ-Bench, a benchmark for widget agents. It has two "
                                                      "tracks, ZQ-Agent-Bench and ZQ-Tool-Bench, and we release the "
                                                      "training sets ZQ-100k and ZQ-250k."),
                  ("Zorblet: Small Widget Models", "We present Zorblet, a recipe for small widget models. Applied "
                                                   "to an open base model, it gives Orbix-Zorblet-8B, which beats "
                                                   "larger models. LLaVA-1.5 is slower."))
    assert {"ZQ-Agent-Bench", "ZQ-Tool-Bench", "ZQ-100k", "ZQ-250k"} <= names(rec[0], "proposes")
    assert "Orbix-Zorblet-8B" in names(rec[1], "proposes") and "LLaVA-1.5" not in names(rec[1], "proposes")


def test_parts_featured_in_the_papers_defined_proposal_are_its_own_but_known_parts_end_the_list():
    rec = records(("ZVX: Fast Widget Video", "We propose Zip Video Xpress (ZVX), a novel method featuring the "
                                             "Frame-Query Pooling mechanism. We also present Zed, a tool incorporating "
                                             "BERT and the Widget Router."))[0]
    assert "Frame-Query Pooling" in names(rec, "proposes")
    assert not {"BERT", "Widget Router"} & names(rec, "proposes")


def test_a_version_glued_to_known_data_keeps_its_kind():
    got = found("We sample faces on AFHQv2 and FFHQv2 and compare with ResNetV2.")
    assert got["AFHQv2"][0] in ("dataset", "benchmark") and got["FFHQv2"][0] in ("dataset", "benchmark")
    assert got["ResNetV2"][0] == "method"


def test_a_word_compound_in_a_family_of_coined_names_is_a_name():
    got = found("It beats similarly sized Zorbq-Coder, Plinkseek-Coder, and Seed-Coder on code. We adopt a "
                "Teacher-Pupil setup and a Goal-Search heuristic.")
    assert "Seed-Coder" in got and "Teacher-Pupil" not in got


# --- eighth round: typing classes seen on the read half of 960 real papers no rule had been written from -------

def test_serially_coordinated_modifiers_reach_the_data_noun():
    got = found("We present ZorbNet, an extensive, clean, and in-the-wild birdsong dataset. To show its value, we "
                "pre-train three models on ZorbNet.", title="ZorbNet: Towards Large-Scale Birdsong Modelling")
    assert got["ZorbNet"][0] == "dataset"  # not the "-Net" of a model's name


def test_what_the_paper_says_its_name_is_outweighs_one_cue_elsewhere():
    got = found("We propose QuuxDiff, an unconditionally trained diffusion model for sensor streams. Forecasters "
                "trained on samples from QuuxDiff beat those trained on real data.")
    assert got["QuuxDiff"] == ("method", True)
    got = found("We introduce ZAVA, a VLM-powered system designed for open-ended video analytics. We also release "
                "ZAVA-100, a benchmark of long videos, where ZAVA reaches 75.8%.")
    assert got["ZAVA"][0] == "method" and got["ZAVA-100"][0] in ("dataset", "benchmark")






def test_a_known_short_alias_the_paper_uses_for_its_own_thing_is_the_papers():
    rec = records(("CRAG -- Contextual Retrieval Audit Gauntlet", "We introduce the Contextual Retrieval Audit Gauntlet "
                   "(CRAG), a factual question answering benchmark of 4,000 pairs. CRAG is hard for current "
                   "systems, and CRAG shows that retrieval helps."))[0]
    assert names(rec, "benchmarks") == {"Contextual Retrieval Audit Gauntlet"}
    assert not names(rec, "methods")
    rec = records(("WoW: Towards a World-omniscient Widget Model", "To test this, we present WoW, a 14-billion-"
                   "parameter generative world model trained on robot trajectories. We evaluate WoW on WoWBench."))[0]
    assert "WoW" in names(rec, "methods") and "Wizard of Wikipedia" not in names(rec, "datasets")
    assert "WoW" in names(rec, "proposes")


def test_variants_of_data_named_by_its_defined_acronym_are_data():
    got = found("We present the Widget Understanding Leaderboard Test Suite (WULTS), a benchmark of widget "
                "questions, and WULTS-Extend, with more than 4,000 extra contexts.")
    assert got["WULTS-Extend"][0] in ("dataset", "benchmark")





def test_conference_editions_alternations_metrics_at_k_and_robots_are_no_names():
    got = found("Our entry won first place at the ZQ challenge held at CVPR23 and at NeurIPS 2024. We use "
                "intra-widget/inter-widget attention. Our score on the Zorbix benchmark (zero-shot, Pass@1) "
                "is 56%, and Hits@10 rises. We realize it on a real-world ZR10 robot.")
    assert not {"CVPR23", "NeurIPS 2024", "intra-widget/inter-widget", "Pass", "Hits", "ZR10"} & set(got)
    assert got["Zorbix"][0] == "benchmark"
    got = found("We cross-validate on the ZQ1 and ISBI 2017 datasets.")
    assert "ISBI 2017" in got  # a venue's year named as data stays


def test_a_sentence_initial_describer_is_not_part_of_a_data_name():
    got = found("Recent Widget Crawl datasets like ZorbWeb filter aggressively.")
    assert "Recent Widget Crawl" not in got


def test_organisations_and_title_words_before_a_size_are_no_names():
    text = "a model built by the Northern Centre for Medium-Range Widget Forecasts with Center Loss"
    org = text.index("Northern")
    assert non_name_reason(text, org, org + len("Northern Centre for Medium-Range Widget Forecasts")) == "owner"
    loss = text.index("Center Loss")
    assert non_name_reason(text, loss, loss + len("Center Loss")) is None
    got = found("We study whether small widget models can beat large ones.",
                title="Can 1B LLM Surpass 405B LLM? Rethinking Widget Scaling")
    assert not {"Can 1B", "Surpass 405B"} & set(got)
    got = found("We study widgets.", title="Zorbo 7B and Falcon 40B on Widgets")
    assert "Zorbo 7B" in got


def test_the_papers_own_name_before_a_possessive_is_no_organisation():
    got = found("We devise and develop ZorbBot in this work, a peripheral widget assistant. An ablation shows the "
                "value of ZorbBot’s GUI parsing design. We compare with Acmeco's Zorbix model.",
                title="ZorbBot: A Peripheral Widget Assistant")
    assert got["ZorbBot"] == ("method", True)
    assert "Acmeco" not in got


def test_a_name_set_after_our_new_thing_is_the_papers():
    rec = records(("Widget Speech Synthesis at Scale", "We propose ZQTS, a novel speech framework built upon our new "
                   "audio codec, ZQDAC. Experiments show ZQTS beats EnCodec and ZQDAC compresses well."))[0]
    assert {"ZQTS", "ZQDAC"} <= names(rec, "proposes") and "EnCodec" not in names(rec, "proposes")


def test_a_title_prefix_before_a_review_subtitle_is_the_topic():
    for title in ("Deep Widget Agents: A Systematic Examination And Roadmap", "Widget Routing: A Practitioner's Handbook",
                  "Widget Retrieval: A Comparative Study of Rankers"):
        rec = records((title, "We review how Deep Widget Agents and Widget Routing systems work and compare BM25 "
                              "with dense retrieval."))[0]
        assert not rec["proposes"], title


def test_sized_members_of_a_data_family_are_models_and_a_problem_set_is_data():
    got = found("We curate ZorbPref, a preference dataset of 80k pairs. Using this curated dataset, we trained the "
                "ZorbPref series -- ZorbPref-Gemma-27B and ZorbPref-Qwen-7B -- which lead the RewardBench "
                "leaderboard.", title="ZorbPref: Tricks for Widget Reward Data")
    assert got["ZorbPref"][0] == "dataset"
    assert got["ZorbPref-Gemma-27B"][0] == "method" and got["ZorbPref-Qwen-7B"][0] == "method"
    got = found("We introduce ZorbBook, a large-scale widget problem set formalized from contest problems.")
    assert got["ZorbBook"][0] == "dataset"


def test_a_coined_camel_case_name_in_brackets_needs_its_capitals_as_initials():
    got = found("Our agents outperform previous state-of-the-art web agents trained on open LLMs (AutoWebGLM) by "
                "10%. We also use Zorbing Web Graph Language Models (ZorbWebGLM).")
    assert not any(name.startswith(("agents", "outperform")) for name in got)
    assert "AutoWebGLM" in got and "Zorbing Web Graph Language Models" in got


def test_names_measured_on_beside_a_known_model_are_models():
    got = found("Extensive experiments on LlamaGen, Open-ZAGVIT2, and ZRAR demonstrate that our method improves "
                "generation. Experiments on Zorbix, Quuxet and ImageNet show gains.")
    assert got["Open-ZAGVIT2"][0] == "method" and got["ZRAR"][0] == "method"
    assert got["Zorbix"][0] == "dataset"


def test_a_known_name_the_paper_introduces_as_another_kind_is_a_homonym():
    rec = records(("Widget Hands", "This paper introduces an end-to-end framework PPI (keyPose and Pointflow "
                                   "Interface), which predicts gripper poses. PPI beats baselines. PPI is fast."),
                  ("Protein Graphs", "We evaluate GraphSAGE on the PPI dataset and on Cora."))
    assert "method/ppi" in {e["id"] for e in rec[0]["methods"]} and not rec[0]["datasets"]
    assert "dataset/ppi" in {e["id"] for e in rec[1]["datasets"]}



def test_a_name_set_off_by_dashes_or_a_latex_tie_is_reached():
    rec = records(("Widget Bias in Judges", "We identify 12 biases and propose a new automated bias quantification "
                                            "framework—Calm—which quantifies each bias. Calm is cheap."),
                  ("Widget Caches", "We propose Widget Attention Guided Eviction~(WAGE), a simple and effective "
                                    "cache eviction method. WAGE keeps accuracy."))
    assert "Calm" in names(rec[0], "proposes")
    assert "Widget Attention Guided Eviction" in names(rec[1], "proposes")
    assert "WAGE" in rec[1]["proposes"][0]["aliases"]


def test_a_list_of_newly_created_datasets_is_the_papers():
    rec = records(("Towards Widget Evaluation for European Languages", "We offer a multilingual evaluation framework "
                   "that includes newly created datasets: EU9-WidgetQA, EU9-ZorbBench and EU9-QuuxMath. We test 30 "
                   "models on them."))[0]
    assert {"EU9-WidgetQA", "EU9-ZorbBench", "EU9-QuuxMath"} <= names(rec, "proposes")



def test_a_method_called_x_stays_a_method_and_a_measure_set_off_by_dashes_is_no_proposal():
    got = found("We propose a simple, effective, and data-efficient method called Step-ZPO, which treats steps as "
                "units. We also build a data pipeline for Step-ZPO, enabling the creation of a high-quality dataset "
                "of 10K pairs.", title="Step-ZPO: Step-wise Widget Optimization")
    assert got["Step-ZPO"] == ("method", True)
    rec = records(("Widget MDPs", "We propose a novel complexity measure -- average-reward widget eluder "
                                  "coefficient (AWEC) -- which captures exploration. We also propose ZLOOP, an "
                                  "algorithm with low regret."))[0]
    assert names(rec, "proposes") == {"ZLOOP"}


def test_a_known_benchmark_its_own_paper_calls_a_dataset_stays_one_entity():
    rec = records(("Training Widget Verifiers", "We introduce GSM8K, a dataset of 8.5K grade school math word "
                                                "problems. Verifiers help on GSM8K."),
                  ("Widget Reasoning", "Our model reaches 80% on GSM8K and MATH."))
    ids = {e["id"] for r in rec for kind in ("datasets", "benchmarks") for e in r[kind] if e["name"] == "GSM8K"}
    assert len(ids) == 1


#: Round ten's typing classes: (sentence, name, the kinds it may get). Each is a class of phrasing.
ROUND_TEN_KINDS = [
    pytest.param("We present Plimso, a personalized embodied agent evaluation framework designed to assess memory "
                 "use.", "Plimso", ("benchmark",), id="head-modifying-a-later-evaluation-framework"),
    pytest.param("We propose Gradeo, an agent evaluation system that integrates judges and tools.", "Gradeo",
                 ("method",), id="head-modifying-a-later-system"),
    pytest.param("Here, we introduce Widgetry, an automated framework designed to rigorously evaluate the widget "
                 "skills of LLMs. We curated 7,000 question-answer pairs.", "Widgetry", ("benchmark",),
                 id="framework-designed-to-evaluate"),
    pytest.param("We introduce Gizmo-Env, a comprehensive toolkit tailored for creating GUI benchmarks on phones.",
                 "Gizmo-Env", ("method",), id="toolkit-for-building-benchmarks"),
    pytest.param("We introduce a novel benchmark, ZedChain, where the context consists entirely of relevant facts, "
                 "requiring the LLM to grasp all of it.", "ZedChain", ("benchmark",), id="later-article-defines-nothing"),
    pytest.param("We present a unified PLM-based framework, ZQ-PLM, which integrates time-aware encoders. Experiments "
                 "on a comprehensive benchmark demonstrate that the ZQ-PLM works.", "ZQ-PLM", ("method",),
                 id="description-ending-in-a-method-head"),
    pytest.param("We build a comprehensive training set ZorbDocs4M to support structure learning.", "ZorbDocs4M",
                 ("dataset",), id="training-set-X"),
    pytest.param("We propose the ZQ-Arm model, along with the comprehensive dataset, ZQData.", "ZQData", ("dataset",),
                 id="closing-appositive-after-a-preposition"),
    pytest.param("We measure the effect of bigram types on the zq15k237 dataset.", "zq15k237", ("dataset",),
                 id="lower-case-identifier-before-a-data-noun"),
    pytest.param("We report perplexity on the wiki40b corpus.", "wiki40b", ("dataset",), id="lower-case-identifier-corpus"),
    pytest.param("We evaluate our model on link prediction on the dataset based on ZORBKB.", "ZORBKB", ("dataset",),
                 id="dataset-based-on-X"),
    pytest.param("Large-scale multilingual evaluations, such as QUUXA, include only a few African languages.", "QUUXA",
                 ("benchmark",), id="evaluations-such-as-X"),
    pytest.param("Recent studies build generalist agents for open-world environments like Zorbcraft. Agents like "
                 "Claude do well.", "Zorbcraft", ("benchmark",), id="environments-like-X"),
    pytest.param("We also test simulators such as Quuxsim.", "Quuxsim", ("benchmark",), id="simulators-such-as-X"),
    pytest.param("We evaluate sycophancy in GPT-4o and Claude across ZAMPS (mathematics) and MedQuux (medical advice) "
                 "datasets.", "MedQuux", ("dataset",), id="gloss-after-each-list-item"),
    pytest.param("We introduce ZorbBook, a large-scale widget problem set formalized from contest problems.",
                 "ZorbBook", ("dataset",), id="problem-set"),
]


@pytest.mark.parametrize("abstract, name, kinds", ROUND_TEN_KINDS)
def test_round_ten_typing_classes(abstract, name, kinds):
    assert found(abstract)[name][0] in kinds


def test_a_contest_after_a_name_is_part_of_it_but_not_after_a_known_collection():
    got = found("Our method beats the baseline on the ZOiCES Challenge 2019 evaluation set. Our system was submitted "
                "to ZQNLP 2019 Shared Task on Widget Recognition and to Track 1 of the ZSVspoof 5 Challenge. We "
                "also train on ImageNet for the ImageNet Challenge.")
    assert {"ZOiCES Challenge 2019", "ZQNLP 2019 Shared Task", "ZSVspoof 5 Challenge"} <= set(got)
    assert "ImageNet Challenge" not in got and got["ImageNet"][0] == "dataset"


# --- round eleven ---------------------------------------------------------------------------------

def test_a_known_model_written_as_a_lower_case_api_id_is_the_model():
    got = found("For instance, gpt-4o-mini reaches 40% accuracy and gpt-3.5-turbo fails, while WidgetNet succeeds.")
    assert got["gpt-4o-mini"][0] == "method" and got["gpt-3.5-turbo"][0] == "method"


def test_a_known_name_that_needs_its_capitals_is_still_no_ordinary_word_in_lower_case():
    got = found("The problem is complex, so WidgetNet is trained in two stages.")
    assert "complex" not in got


@pytest.mark.parametrize("abstract, name", [
    ("We accelerate sampling with Quellmann decoding and a cache.", "Quellmann decoding"),
    ("The Zorbinski decomposition of the kernel gives a low-rank factor.", "Zorbinski decomposition"),
    ("We tighten the bound with the Vostrikov relaxation of the program.", "Vostrikov relaxation"),
])
def test_a_surname_before_a_decoding_or_decomposition_head_names_a_technique(abstract, name):
    assert found(abstract)[name][0] == "method"


def test_a_plain_word_before_a_decomposition_head_is_no_surname():
    assert not any("decomposition" in name for name in found("Our Tensor decomposition beats WidgetNet."))


def test_a_citation_glued_to_a_name_is_not_part_of_it():
    got = found("It is faster than WidgetNet-2(Smith, 2023) and beats ZorbGAN[12] and QuillNet(Lee et al., 2021).")
    assert {"WidgetNet-2", "ZorbGAN", "QuillNet"} <= set(got)


@pytest.mark.parametrize("abstract, name", [
    ("Baselines include Zorbo 3 and Vostra 8x7B, which we prompt zero-shot.", "Zorbo 3"),
    ("Baselines include Zorbo 3 and Vostra 8x7B, which we prompt zero-shot.", "Vostra 8x7B"),
    ("We compare with Kesta 2-13B on the same prompts.", "Kesta 2-13B"),
    ("Our video model beats Quorra 1.6 in human preference.", "Quorra 1.6"),
    ("We report results on Widget Eval 2.0 and on long prompts.", "Widget Eval 2.0"),
])
def test_a_coined_word_and_its_version_name_a_model_or_collection(abstract, name):
    assert name in found(abstract)


@pytest.mark.parametrize("abstract", [
    "As Table 3 shows, WidgetNet is fast.",
    "Spanning 16 domains, our WidgetNet corpus is broad.",
    "WidgetNet was trained by Zorbinski 3 times longer.",
])
def test_a_dictionary_word_or_a_count_before_a_number_is_no_version(abstract):
    assert not any(name[-1].isdigit() for name in found(abstract))


def test_a_parameter_count_before_a_name_is_not_part_of_it():
    got = found("We fine-tune the 236B ZorbSeek-V2.5 and compare it with WidgetNet.")
    assert "ZorbSeek-V2.5" in got and not any(name.startswith("236B") for name in got)


def test_a_footnote_mark_glued_between_sentences_is_no_name():
    got = found("Our results beat previous methods.111Code is available online. 222Our data will be released. "
                "We also use WidgetNet.")
    assert set(got) == {"WidgetNet"}


def test_a_sized_model_of_the_papers_defined_name_is_that_name():
    (rec,) = records(("Zorb Policy Optimization", "We propose Zorb Policy Optimization (ZPO). Our ZPO-7B model "
                                                  "beats baselines on math."))
    assert [p["name"] for p in rec["proposes"]] == ["Zorb Policy Optimization"]
    assert "ZPO-7B" in rec["methods"][0]["aliases"]


def test_the_title_spelling_out_an_acronym_inside_a_long_form_gives_the_fullest_name():
    (rec,) = records(("ZQTP: Zero-Quantile Training to Tri-Planes for Widgets",
                      "Zero-quantile training (ZQ) of widgets is hard. We introduce ZQ to Tri-Planes (ZQTP), a "
                      "framework that decomposes widgets. ZQTP is fast."))
    (own,) = rec["proposes"]
    assert own["name"] == "Zero-Quantile Training to Tri-Planes" and {"ZQ to Tri-Planes", "ZQTP"} <= set(own["aliases"])


def test_a_short_form_ending_in_a_dimension_is_spelled_out_up_to_that_dimension():
    (rec,) = records(("ZORE-3D: Zone-aware Open Retrieval by Embeddings in 3D",
                      "We present ZORE-3D, which maps widgets in scenes. ZORE-3D is fast."))
    (own,) = rec["proposes"]
    assert own["name"] == "Zone-aware Open Retrieval by Embeddings in 3D" and own["aliases"] == ["ZORE-3D"]


def test_the_named_parts_of_two_key_innovations_are_the_papers_across_sentences():
    got = found("Our method rests on two key innovations: 1) Widget Pattern Determination: this component adapts. "
                "2) Gizmo Index Selection: this component picks indices.")
    assert got["Widget Pattern Determination"] == ("method", True)
    assert got["Gizmo Index Selection"] == ("method", True)


def test_a_coined_word_right_after_the_head_noun_of_a_proposal_is_its_name():
    assert found("We introduce a generation framework Zorvana with an attribute module.")["Zorvana"] == \
        ("method", True)


def test_a_dictionary_word_after_the_head_noun_of_a_proposal_is_no_name():
    assert "Better" not in found("We introduce a generation framework Better with an attribute module.")


def test_a_lower_case_definition_the_paper_proposes_is_its_method_whatever_the_head():
    got = found("To address this, we propose a heuristic widget-driven feature tuning method (HW-FT) to improve "
                "learning. HW-FT is fast.")
    assert got["HW-FT"] == ("method", True)


def test_a_known_class_defined_after_we_propose_stays_a_class():
    assert "GNN" not in found("We propose a graph neural network (GNN) for widgets. The GNN is fast.")


@pytest.mark.parametrize("pair", ["English-German", "2016 English-German", "Vietnamese to English", "en-de"])
def test_a_language_pair_after_a_known_translation_collection_is_part_of_its_name(pair):
    assert found(f"We reach 29.8 BLEU on IWSLT {pair} with WidgetNet.")[f"IWSLT {pair}"][0] == "dataset"


def test_a_capitalised_word_after_a_translation_collection_is_no_pair():
    got = found("We train WidgetNet on IWSLT German and Widget data.")
    assert "IWSLT" in got and not any(name.startswith("IWSLT ") for name in got)


def test_the_title_case_words_between_a_coded_name_and_its_data_noun_belong_to_it():
    got = found("Using the ZQTOS 2019 Blindness Detection dataset of retinal images, we train WidgetNet.")
    assert got["ZQTOS 2019 Blindness Detection"][0] == "dataset"


def test_a_known_collection_keeps_its_name_before_title_case_words_and_a_data_noun():
    got = found("We evaluate WidgetNet on the CIFAR-10 Image Classification benchmark.")
    assert "CIFAR-10" in got and not any(name.startswith("CIFAR-10 ") for name in got)


def test_a_title_name_before_a_colon_glued_to_the_subtitle_is_the_papers():
    got = found("We propose a new network that refines widgets for alignment. ZEGNet is fast.",
                title="ZEGNet:Seeds-Enhanced Widget Refinement for Alignment")
    assert got["ZEGNet"] == ("method", True)


def test_a_surname_with_a_particle_before_a_technique_head_names_a_technique():
    got = found("We use LeCun initialization and McQuarrie sampling in WidgetNet.")
    assert got["LeCun initialization"][0] == "method" and got["McQuarrie sampling"][0] == "method"


def test_a_competition_on_a_topic_is_an_evaluation_event():
    got = found("We describe our system for the Competition on Lexical Item Extraction/Entailment (COLIEE) 2021.")
    assert got["COLIEE"][0] == "benchmark"


def test_a_head_noun_written_after_a_method_is_one_of_its_written_forms():
    (rec,) = records(("A", "We stack long short-term memory networks and a ZorbFormer model."))
    aliases = {e["name"]: e["aliases"] for e in rec["methods"]}
    assert "long short-term memory networks" in aliases["long short-term memory"]
    assert "ZorbFormer model" in aliases["ZorbFormer"]


def test_a_language_pair_of_a_known_collection_is_that_collection_with_the_pair_as_written():
    (rec,) = records(("A", "We reach 29.8 BLEU on IWSLT Vietnamese to English with WidgetNet."))
    (data,) = rec["datasets"]
    assert data["name"] == "IWSLT" and "IWSLT Vietnamese to English" in data["aliases"]


@pytest.mark.parametrize("name", ["Zorbformer", "Quellnet", "Vostgan"])
def test_a_coined_word_ending_like_a_model_is_a_model(name):
    assert found(f"We compare {name} with a strong baseline on long inputs.")[name][0] == "method"


@pytest.mark.parametrize("word", ["Planet", "Internet", "Cabinet"])
def test_a_word_ending_in_net_is_no_model(word):
    assert word not in found(f"We study the {word} with WidgetNet.")


def test_a_numbered_part_after_a_namer_is_no_name():
    got = found("This challenge, named as Track 4 in the contest, provides data. We propose the ZPPD system for it.")
    assert "Track" not in got and got["ZPPD"] == ("method", True)


def test_a_so_called_quoted_term_is_in_use_already_not_the_papers():
    got = found("We generate only the violated rows using the so-called “lazy” rows method, and a step we call "
                "“widget folding”.")
    assert "lazy" not in got and got["widget folding"] == ("method", True)


def test_an_acronym_glued_to_a_modifier_is_a_modifier():
    got = found("We show that ZQRspecific encoders and LLMbased tools fail, unlike WidgetNet.")
    assert set(got) == {"WidgetNet"}


def test_a_subtitle_headed_by_a_process_of_benchmarks_types_no_benchmark():
    got = found("We develop the first automatic benchmark generation approach, ZAUTOHALL, that creates widget examples.",
                title="ZAUTOHALL: Automatic Generation of Widget Benchmarks for Vision Models")
    assert got["ZAUTOHALL"][0] == "method"
    assert found("We present ZQBench.", title="ZQBench: A Suite of Widget Benchmarks")["ZQBench"][0] == "benchmark"


def test_a_capitalised_namer_word_inside_a_title_case_name_names_nothing():
    got = found("Recurrent models are the state of the art for Named Widget Recognition (NWR). We present two "
                "innovations to improve these models.")
    assert "Widget Recognition" not in got


# --- round twelve: classes read on a fresh set of papers collected and annotated blind ----------

def test_a_name_in_a_latex_font_inside_maths_is_a_token_and_can_be_proposed():
    got = found(r"We introduce $\mathtt{Zorbix}$, a direct widget method. We reach 41.2% on "
                r"$\text{WidgetEval}_{2.0}$ and on \textsc{GizmoQA}.", title="Zorbix: Faster Widgets")
    assert got["Zorbix"] == ("method", True)
    assert "WidgetEval" in got and "GizmoQA" in got
    assert not any("}" in name or "$" in name for name in got)


def test_an_acronym_ending_in_s_is_not_the_plural_of_a_listed_acronym():
    from extractors.terms import stop_category
    assert stop_category("GDs") == stop_category("GD") == "generic"  # the plural of a listed term
    assert stop_category("GDS") is None  # another acronym
    got = found("Secondly, we introduce GDS, a new distant supervision dataset for relation extraction.")
    assert got["GDS"] == ("dataset", True)


def test_a_capitalised_acronym_spelled_like_a_company_is_a_name():
    from extractors.terms import stop_category
    assert stop_category("Apple") == "organisation"
    assert stop_category("FAIR") == "organisation"  # listed in capitals: the capitals are the organisation
    assert stop_category("APPLE") is None
    got = found("In this work, we propose APPLE, a personalised cross-silo widget framework.")
    assert got["APPLE"] == ("method", True)


def test_the_coined_model_training_is_said_to_obtain_is_the_papers_own():
    got = found("We fine-tune the open-source widget model on GizmoSet to obtain an LLM ZorbLLaMA, and equip it "
                "with a retriever. We then fine-tune BERT to obtain a strong baseline.")
    assert got["ZorbLLaMA"] == ("method", True)
    assert got["BERT"][1] is False


def test_a_title_case_component_designed_or_proposed_in_the_passive_is_the_papers_own():
    got = found("We propose an efficient widget framework. A Rectangular Gizmo Calibration Module is carefully "
                "designed for feature reconstruction. Besides, a lightweight Dynamic Widget Guided head is "
                "proposed to improve classification. The Transformer is designed to scale.")
    assert got["Rectangular Gizmo Calibration Module"] == ("method", True)
    assert got["Dynamic Widget Guided head"][1] is True
    assert got.get("Transformer", ("method", False))[1] is False


def test_the_coined_means_we_solve_a_problem_with_is_the_papers_own():
    got = found("In this paper, we address this problem with ZorbFL, a discrete two-stage widget algorithm. "
                "We tackle the gap using BERT, a pretrained encoder.")
    assert got["ZorbFL"] == ("method", True)
    assert got["BERT"][1] is False


def test_a_size_and_variant_word_alone_name_nothing():
    got = found("The method boosts the accuracy of Zorb-3.1-8B and 70B Instruct models. We compare with Quix 7B Chat.")
    assert "Instruct" not in got and "70B Instruct" not in got
    assert "Quix 7B Chat" in got


def test_a_dictionary_word_glued_to_its_version_takes_the_capitalised_word_before():
    got = found("Our system is 10X faster than Deep Sketch3 and Tacotron2.")
    assert "Deep Sketch3" in got and "Sketch3" not in got


def test_dictionary_words_in_capitals_one_after_another_are_one_name():
    got = found("We use a meta-evaluation benchmark GO SKETCH (Smith et al., 2021). IT IS ALL WE NEED.")
    assert "GO SKETCH" in got and "SKETCH" not in got
    assert not any(" " in name and name.isupper() and name != "GO SKETCH" for name in got)


def test_a_participle_before_a_slash_is_no_hub_owner():
    got = found("It reads tables, code, and printed/handwritten notes. We train on ZorbOrg/widget-edu.")
    assert "printed/handwritten" not in got
    assert got["ZorbOrg/widget-edu"][0] == "dataset"


def test_one_capitalised_word_and_its_abbreviation_name_nothing():
    got = found("Multilingual systems perform poorly on Indian (IN) languages. We use the Transformer (TF).")
    assert "Indian" not in got and "IN" not in got
    assert "Transformer" in got


def test_a_result_in_brackets_after_a_list_member_keeps_the_list():
    got = found("We improve segmentation of PASCAL VOC (a 31% relative gain to 61.2% mean IU on 2011), ZorbDv3, and "
                "GizmoSegX, while inference is fast.")
    assert got["ZorbDv3"][0] == got["GizmoSegX"][0] == "dataset"


def test_a_url_whose_scheme_a_space_split_from_its_slashes_is_one_url():
    from extractors.urls import normalize_url
    assert normalize_url("https: //github.com/zorb/widget.") == "https://github.com/zorb/widget"
    rec = records(("Widgets", "Code: https: //github.com/zorb/widget. Demo at http: //zorb.github.io/demo/ now."))[0]
    assert [r["url"] for r in rec["repos"]] == ["https://github.com/zorb/widget"]
    assert [lk if isinstance(lk, str) else lk["url"] for lk in rec["links"]] == ["https://zorb.github.io/demo"]


def test_a_namer_after_recently_proposed_names_earlier_work():
    got = found("A recently proposed method named Widget Optimization (WiOp) learns prompts. To address its "
                "problem, we propose Gizmo Widget Optimization (GiWiOp), which extends WiOp.")
    assert got["WiOp"][1] is False
    assert got["GiWiOp"][1] is True


def test_a_sentence_glued_after_a_capital_and_a_prefixed_machine_are_no_names():
    got = found("It is slower on CPU but faster on GPU.The models and code are available. It runs faster on a "
                "GTX 1080Ti GPU. We test on CPU, GPU, mCPU, mGPU and an FPGA accelerator.")
    assert got == {}


def test_a_known_model_with_its_tier_glued_on_is_a_model():
    got = found("We reach 78.9% on BERTbase and 79.2% on RoBERTabase.")
    assert got["BERTbase"][0] == got["RoBERTabase"][0] == "method"


def test_names_an_arrow_joins_share_their_kind():
    got = found("It gains 10.8 mIoU for ZQA→Cityscapes and 5.4 mIoU for Zorbthia→Cityscapes. We adapt from QZB to "
                "Cityscapes. It maps Input→Output well.")
    assert {got["ZQA"][0], got["Zorbthia"][0], got["QZB"][0]} <= {"dataset", "benchmark"}
    assert "Input" not in got and "Output" not in got


def test_a_short_form_right_after_the_capitalised_words_it_abbreviates_is_defined_by_them():
    rec = records(("Widgets", "To test retrieval, we introduce the Visual Widget Retrieval Benchmark ViWiRe, made of "
                              "page-level tasks. ViWiRe is hard. We also train a Deep Q Network DQN."))[0]
    bench = {e["name"]: e["aliases"] for e in rec["benchmarks"]}
    assert "ViWiRe" in bench.get("Visual Widget Retrieval Benchmark", [])
    assert not any("ViWiRe" in name for name in bench if name != "Visual Widget Retrieval Benchmark")


def test_an_opening_word_and_its_comma_start_no_list():
    got = found("Benchmarks matter. Traditionally, RL environments run on the CPU. Usually, RL benchmarks are slow.")
    assert "Traditionally" not in got and "Usually" not in got


def test_a_surveyed_topic_repeated_in_the_abstract_is_not_proposed():
    got = found("Widget representation learning has received interest. We propose a widget representation learning "
                "framework that unifies many methods, and we review them.",
                title="Widget Representation Learning: A Framework and Review")
    assert not any(proposed for _, proposed in got.values())


def test_the_defined_means_of_what_the_paper_proposes_to_do_is_its_own():
    got = found("Instead, we propose to pivot through Hypothetical Widget Embeddings~(HyWE). Given a query, HyWE "
                "writes a document. We propose to train with PPO.")
    assert got["Hypothetical Widget Embeddings"] == ("method", True)
    assert got["PPO"][1] is False


def test_a_cued_title_case_run_ending_in_a_name_wins_over_the_name_alone():
    got = found("Compared with Parallel ZorbGAN, another recent vocoder, our model is 6.9x faster.")
    assert "Parallel ZorbGAN" in got and "ZorbGAN" not in got


def test_generic_acronyms_joined_their_plural_and_a_currency_after_a_price_name_nothing():
    got = found("These issues are eased by external widget graphs (WG) in reasoning. We propose a new LLM-WG "
                "integrating paradigm that explores WGs. It costs $\\$190$ USD for a million pages.")
    assert "LLM-WG" not in got and "WGs" not in got and "USD" not in got


def test_a_known_benchmarks_score_keeps_the_benchmark():
    got = found("It pushes the GLUE score to 80.5% and the MMLU score to 70.1%.")
    assert got["GLUE"][0] == got["MMLU"][0] == "benchmark"


def test_data_named_after_an_organisation_is_data():
    got = found("On the Zorbville Street Journal (ZSJ) corpus and LibriSpeech, WER drops. It reaches 5.5% WER on "
                "Quux Street Journal dataset.")
    assert got["Zorbville Street Journal"][0] == got["ZSJ"][0] == "dataset"
    assert got["Quux Street Journal"][0] == "dataset"


def test_a_version_joined_to_its_tier_belongs_to_the_model():
    got = found("We integrate it into Stable Diffusion 3.5-Medium and compare with Claude 3.5-Haiku.")
    assert "Stable Diffusion 3.5-Medium" in got and "Claude 3.5-Haiku" in got
    assert "3.5-Medium" not in got and "3.5-Haiku" not in got


def test_a_bracket_inside_a_word_defines_nothing():
    got = found("Our model achieves coherence on T2V, I2V and (T+I)2V tasks.")
    assert not any("and" in name for name in got)


def test_how_a_name_ends_counts_once_against_what_the_paper_says_it_is():
    got = found("We propose ZorbBank, a novel memory framework that distills strategies. An agent retrieves memories "
                "from ZorbBank. ZorbBank then stores new ones, and ZorbBank outperforms other memories.",
                title="ZorbBank: Scaling Agents with Widget Memory")
    assert got["ZorbBank"] == ("method", True)


def test_a_known_name_the_paper_calls_its_own_is_its_own():
    got = found("We reshape the loss. Our novel Focal Loss focuses training on hard examples. To test it, we design "
                "a simple dense detector we call RetinaNet. Our novel ResNet-based head is small.",
                title="Focal Loss for Dense Object Detection")
    assert got["Focal Loss"][1] is True and got["RetinaNet"][1] is True


def test_the_name_an_appositive_gives_a_designed_family_is_the_proposal():
    got = found("We design a family of ResNet architectures, Zorb-RS, which are 2x faster. We use BERT models, GPT-4, "
                "and T5.")
    assert got["Zorb-RS"] == ("method", True)
    assert not any(proposed for name, (_, proposed) in got.items() if name != "Zorb-RS")


def test_a_capitalised_word_set_off_after_our_head_noun_is_a_name():
    got = found("We build a widget dataset. We trained our model, Zorbito, on it with a curriculum. We thank our "
                "team, Alice, for help.")
    assert got["Zorbito"][0] == "method"
    assert "Alice" not in got


def test_a_lower_case_term_we_call_by_its_acronym_is_a_name():
    got = found("These methods belong to a family of losses that we call $\\textit{widget-aware losses}$ (WALOs). "
                "However, WALOs differ. We propose a simple method (SM).")
    assert "widget-aware losses" in got and "WALOs" in got
    assert "simple method" not in got


def test_capital_keywords_listed_as_operations_and_a_metric_split_name_nothing():
    got = found("The agent learns to perform ADD, UPDATE, DELETE, and NOOP operations. It pushes ZorbQA Test F1 to "
                "93.2. We test on MATH, GLUE and SPIDER.")
    assert not {"ADD", "UPDATE", "DELETE", "NOOP", "Test F1"} & set(got)
    assert {"MATH", "GLUE", "SPIDER"} <= set(got)


def test_coined_names_enumerated_as_the_papers_contributions_are_its_own():
    got = found("Zorb-Gym is powered by two main contributions: 1) ZQGEN: a synthetic data curation recipe that "
                "enables scalable curation. 2) Hybrid Widget Scaling: we provide an in-depth analysis of two axes.",
                title="Zorb-Gym: Widget Environments")
    assert got["ZQGEN"][1] is True and got["Hybrid Widget Scaling"][1] is True


def test_the_venue_that_held_a_challenge_is_in_its_name():
    got = found("Our entry to the NeurIPS 2018 Widget Vision Challenge won. We also entered the 2019 Gizmo "
                "Competition.")
    assert "NeurIPS 2018 Widget Vision Challenge" in got and "2019 Gizmo Competition" in got


def test_counts_gerunds_quantities_and_settings_name_nothing():
    got = found("We propose four widget techniques: (a) a symbolic approach. We propose integrating gizmo modeling -- "
                "known for its accuracy -- into flows. It reaches 4.3 FID with classifier-free guidance 1.5. ZorbKV "
                "estimates the original widgetization (OW) ratio of each layer. We propose widget path sampling, a "
                "simple estimator.")
    assert not {"four widget techniques", "integrating gizmo modeling", "classifier-free guidance 1.5",
                "original widgetization", "OW"} & set(got)
    assert got["widget path sampling"][1] is True


def test_a_lower_case_tier_before_models_is_not_part_of_the_version():
    got = found("We train on Llama 3.1 base models and Qwen 2.5 Instruct.")
    assert "Llama 3.1" in got and "Llama 3.1 base" not in got and "Qwen 2.5 Instruct" in got


def test_the_maker_written_before_a_model_is_an_alias_of_it():
    rec = records(("Widgets", "We compare with OpenAI o1-mini and with Zorb-7B."))[0]
    aliases = {e["name"]: e["aliases"] for e in rec["methods"]}
    assert "OpenAI o1-mini" in aliases["o1-mini"]
    assert aliases["Zorb-7B"] == [] or not any(a.startswith("with") for a in aliases["Zorb-7B"])


def test_a_lower_case_data_head_written_after_a_name_is_an_alias():
    rec = records(("Widgets", "We train on the ZorbQA dataset and test on WidgetNet."))[0]
    data = {e["name"]: e["aliases"] for e in rec["datasets"] + rec["benchmarks"]}
    assert "ZorbQA dataset" in data["ZorbQA"]


def test_net_written_after_a_model_is_an_alias():
    rec = records(("Widgets", "We adapt the ZorbVGG net into a fully convolutional network."))[0]
    aliases = {e["name"]: e["aliases"] for e in rec["methods"]}
    assert "ZorbVGG net" in aliases["ZorbVGG"]


def test_a_known_name_a_title_prefix_writes_stays_a_mention_when_not_proposed():
    got = found("We show that an end-to-end widget approach recognises speech. Key to it is HPC.",
                title="Deep Speech 2: End-to-End Widget Recognition in English")
    assert "Deep Speech 2" in got


# --- round thirteen ------------------------------------------------------------------------------

def test_a_known_method_the_abstract_proposes_in_the_first_person_is_the_papers_own():
    # the paper that introduced a now well-known method: its title names it, its abstract proposes it, and
    # it proves things about it (an analysis verb alone does not make it someone else's)
    title = "Soft Actor-Critic for Continuous Widget Control"
    abstract = ("Widget control is hard. In this paper, we propose soft actor-critic (SAC), an off-policy method "
                "that maximises reward and entropy. We prove that SAC converges and show that it beats gizmo baselines.")
    rec = records((title, abstract))[0]
    assert "Soft Actor-Critic" in {e["name"] for e in rec["proposes"]} | {
        a for e in rec["proposes"] for a in e["aliases"]}


def test_a_known_method_an_analysis_paper_studies_stays_earlier_work():
    title = "Soft Actor-Critic for Continuous Widget Control"
    abstract = ("We study soft actor-critic (SAC) on widget control. We prove that SAC converges under a gizmo "
                "assumption and show that its entropy term matters.")
    assert records((title, abstract))[0]["proposes"] == []


def test_numbered_variants_written_with_slashes_are_each_named():
    rec = records(("Widget Pruning", "We prune ResNet-50/101/152 backbones and test on CIFAR-10/100 and on GizmoSet."))[0]
    data = {e["name"]: e for e in rec["datasets"] + rec["benchmarks"]}
    methods = {e["name"]: e for e in rec["methods"]}
    assert {"CIFAR-10", "CIFAR-100"} <= set(data)
    assert {"ResNet-50", "ResNet-101", "ResNet-152"} <= set(methods)
    # the shorthand is evidence of each variant, not a name of any of them
    assert not any("/" in a for e in rec["datasets"] + rec["methods"] for a in e["aliases"])
    assert {ev["text"] for ev in data["CIFAR-100"]["evidence"]} == {"CIFAR-10/100"}


def test_slash_variant_mentions_point_at_their_own_characters():
    from extractors.variants import variant_name

    abstract = "Results on CIFAR-10/100 follow."
    ms = [m for m in extract_paper(Paper(id="t", title="A Study", abstract=abstract)) if m.rule == "variant:slash"]
    assert [(abstract[m.start:m.end], variant_name(m)) for m in ms] == [("CIFAR-10", "CIFAR-10"),
                                                                           ("CIFAR-10/100", "CIFAR-100")]


@pytest.mark.parametrize("abstract", [
    "The ratio is 26.2/0.96 on average.",
    "See Vol-3017/101 of the proceedings.",
    "Widgets and/or gizmos help.",
    "Zorbnet-10/20 is our own model.",
])
def test_slashes_that_join_no_known_name_make_no_variants(abstract):
    ms = extract_paper(Paper(id="t", title="A Study", abstract=abstract))
    assert not any(m.rule == "variant:slash" for m in ms)


@pytest.mark.parametrize("text, names", [
    ("CIFAR-10/100", ("CIFAR-10", "CIFAR-100")),
    ("GPT-3.5/4", ("GPT-3.5", "GPT-4")),
    ("Zorb1.1/2.0", ("Zorb1.1", "Zorb2.0")),
    ("Zorb-7B/13B", ("Zorb-7B", "Zorb-13B")),
    ("26.243/0.964", ()),
    ("v22/19", ()),
    ("acl-25/2025", ()),
    ("3B/16B", ()),
])
def test_slash_variants_of_a_written_shorthand(text, names):
    from extractors.canonical import slash_variants

    assert slash_variants(text) == names


def test_a_trigger_word_after_a_determiner_is_a_noun_not_the_papers_verb():
    got = found("In this work, we aim to simplify the design of GCN to make it leaner for widget ranking.")
    assert got.get("GCN", ("method", False))[1] is False
    got = found("We aim to simplify the design of GCN for widget ranking. We propose ZorbGCN, which keeps only "
                "neighbour averaging.")
    assert got["ZorbGCN"][1] is True and got.get("GCN", ("method", False))[1] is False


def test_a_known_model_as_the_head_of_what_the_paper_presents_is_a_kind_not_its_name():
    got = found("We present a hierarchical VAE that samples widgets quickly. This work also introduces an efficient "
                "diffusion transformer (EDT) for gizmos.")
    assert not any(proposed for text, (kind, proposed) in got.items() if text in ("VAE", "diffusion transformer"))
    # the name the paper gives after a head noun is still its own, known or not
    got = found("We release a small benchmark GSM8K of grade-school widget problems.")
    assert got["GSM8K"][1] is True


def test_a_gerund_trigger_at_the_end_of_a_list_of_purposes_names_nothing():
    got = found("This work aims to serve readers interested in understanding, applying and further developing "
                "Zorb Matching (ZM).")
    assert not any(proposed for kind, proposed in got.values())
    assert found("We focus on developing ZorbNet, a new widget model.")["ZorbNet"][1] is True


def test_a_trace_decay_parameter_belongs_to_the_methods_name():
    got = found("We propose ZORB(λ), an off-policy widget method, and compare it with GIZMO($\\lambda$) targets.",
                title="ZORB(λ): Widget Values for Cooperative Agents")
    assert got["ZORB(λ)"][1] is True and "ZORB" not in got
    assert "GIZMO($\\lambda$)" in got


def test_a_bare_domain_the_text_names_as_a_site_is_no_link():
    def links(abstract):
        return [m.url for m in extract_paper(Paper(id="t", title="A Study", abstract=abstract)) if m.kind == "link"]

    assert links("Agents trained in WidgetShop transfer when evaluated on zorbmart.com and gizmobay.com.") == []
    assert links("Code and data are available at widgetshop.org.") == ["https://widgetshop.org"]
    assert links("Project page: widgetshop.ai. Our demo (gizmo.io) is live; data is hosted on zorb.org.") == [
        "https://widgetshop.ai", "https://gizmo.io", "https://zorb.org"]
    # an address with a path or a subdomain is one whatever precedes it
    assert links("We compare with zorbmart.com/widgets and widgets.zorbmart.com.") == [
        "https://zorbmart.com/widgets", "https://widgets.zorbmart.com"]


def test_a_trigger_after_a_relative_pronoun_is_still_a_verb():
    # guard for the determiner rule: "that" / "this" before a verb in the third person are pronouns
    got = found("We propose a widget framework that builds ZorbNet from gizmo graphs.")
    assert got["ZorbNet"][1] is True


def test_a_slash_shorthand_whose_last_size_letter_the_tokenizer_split_off_is_read_whole():
    rec = records(("Widget Pretraining", "We pretrain ZorbViT on ImageNet-1K/22K and report accuracy."))[0]
    forms = {f for e in rec["datasets"] + rec["benchmarks"] for f in [e["name"], *e["aliases"]]}
    assert "ImageNet-22K" in forms and "ImageNet-22" not in forms


def test_parameter_counts_written_with_a_slash_are_sizes_of_one_model_not_a_hub_id():
    got = found("We fine-tune Llama-7B/13B on widget data and compare ZorbLM-7B/13B.")
    assert got.get("Llama-7B", ("", False))[0] == "method"
    assert got.get("Llama-7B/13B", ("method", False))[0] == "method"  # the shorthand's second variant, a model
    assert not any(kind in ("dataset", "benchmark") for kind, _ in got.values())


# --- round fourteen ------------------------------------------------------------------------------


def test_an_institutions_initials_before_a_collections_name_are_the_names_first_word():
    got = found("We evaluate on the QRS Street Scenes benchmark, the CUHK Gadget dataset and the XYZ Facades dataset.")
    assert got["QRS Street Scenes"][0] == "benchmark"
    assert got["CUHK Gadget"][0] == "dataset" and got["XYZ Facades"][0] == "dataset"
    assert not {"QRS", "XYZ", "Street Scenes", "Gadget", "Facades"} & set(got)
    # a generic acronym before the capitalised word is no part of a name
    assert "LLM Widget" not in found("We release an LLM Widget benchmark.")


def test_a_plural_type_noun_right_before_a_list_types_its_members():
    got = found("Leakage is common in the datasets Marmot and Panda. Results on the benchmarks Pelican, Osprey and "
                "Heron are reported.")
    assert {k: got[k][0] for k in ("Marmot", "Panda")} == {"Marmot": "dataset", "Panda": "dataset"}
    assert {got[k][0] for k in ("Pelican", "Osprey", "Heron")} == {"benchmark"}


def test_a_list_mostly_of_known_data_is_data_though_one_member_matches_a_method():
    got = found("Our network improves segmentation of PASCAL VOC, ZorbDepth-v2, SIFT Flow, and PASCAL-Context.")
    assert got["ZorbDepth-v2"][0] == "dataset"
    # a list of known models stays a list of models
    assert found("We compare BERT, RoBERTa, Zorbix and ELECTRA on SQuAD and GLUE.")["Zorbix"][0] == "method"


def test_a_question_answering_set_named_with_the_tasks_initials_keeps_qa():
    got = found("We evaluate on XOR-Zorb QA and on the ABC QA benchmark.")
    assert got["XOR-Zorb QA"][0] in ("dataset", "benchmark") and got["ABC QA"][0] == "benchmark"
    assert "XOR-Zorb" not in got and "ABC" not in got


def test_enumerated_parts_followed_by_their_verb_are_the_papers_parts():
    got = found("We present GIZMONet. GIZMONet comprises three designs: 1) Object Aligned Widget Fusion aligns the "
                "features. 2) Object Focused Multi-View Sampling samples more points. 3) Object Informed Query "
                "Enhancement replaces part of the queries.", title="GIZMONet: Object-Centric Widget Transformer")
    for name in ("Object Aligned Widget Fusion", "Object Focused Multi-View Sampling",
                 "Object Informed Query Enhancement"):
        assert got[name][1] is True
    assert "Object Focused Multi" not in got


def test_named_strategies_after_a_colon_are_the_papers_parts():
    got = found("We propose ZORB, a widget replay method. ZORB includes two key strategies: Adaptive Widget "
                "Allocation and Quality-Focused Gizmo Selection.", title="ZORB: Widget Memory for Continual Learning")
    assert got["Adaptive Widget Allocation"][1] is True and got["Quality-Focused Gizmo Selection"][1] is True
    # strategies the paper compares are not its parts
    got = found("We compare two strategies: Random Widget Sampling and Active Gizmo Learning.")
    assert not any(proposed for _, proposed in got.values())


def test_this_framework_introducing_enumerated_parts_after_a_proposal():
    abstract = ("This framework introduces three key components: (1) Frame-based Widget Consistency Blocks (FWC "
                "Blocks) to capture frame features; (2) a Token-based Semantic Widget Module (TSW) to align tokens.")
    got = found("We propose a lightweight widget editing framework. " + abstract)
    assert got["Frame-based Widget Consistency Blocks"][1] is True and got["Token-based Semantic Widget Module"][1]
    # without a proposal before it, "this framework" may be someone else's
    got = found("Prior work built a widget editor. " + abstract.replace("(2) a Token", "(2) the Token"))
    assert not got.get("Frame-based Widget Consistency Blocks", ("", False))[1]


def test_examples_in_brackets_after_a_plural_acronym_are_no_long_form():
    got = found("We evaluate billion-scale LLMs (Llama and Mistral families) and small VLMs (Zorbix, Quuxa models).")
    assert "Llama" in got and "Llama and Mistral families" not in got
    assert not any(name.startswith("Zorbix,") for name in got)
    # a spelled-out reverse definition still defines: capitalised words throughout, or all lower case
    rec = records(("A Study", "We build ZORBED (Zero Order Robust Bayesian Estimation and Design) and use RLHF "
                              "(reinforcement learning from human feedback)."))[0]
    forms = {e["name"]: set(e["aliases"]) for e in rec["methods"]}
    assert "ZORBED" in forms.get("Zero Order Robust Bayesian Estimation and Design", set())
    assert "RLHF" in forms.get("reinforcement learning from human feedback", set())


def test_a_known_name_with_a_curled_apostrophe_is_the_same_name():
    rec = records(("A Study", "Agents explore Montezuma\u2019s Revenge from pixels; Montezuma's Revenge is hard."))[0]
    forms = [{e["name"], *e["aliases"]} for e in rec["benchmarks"] + rec["datasets"]]
    assert {"Montezuma\u2019s Revenge", "Montezuma's Revenge"} in forms  # one entity, both spellings
    rec = records(("A Study", "Agents explore Montezuma\u2019s Revenge from pixels."))[0]
    assert [e["name"].replace("\u2019", "'") for e in rec["benchmarks"]] == ["Montezuma's Revenge"]


def test_a_list_whose_last_member_is_lower_case_before_a_data_noun_is_data():
    got = found("Experiments on real-world Zorb, Quux, Blarg, and bladder widget carcinoma datasets validate it.")
    assert {got[k][0] for k in ("Zorb", "Quux", "Blarg")} == {"dataset"}


def test_list_members_glossed_in_brackets_keep_the_list():
    got = found("It sets the state of the art on five well-known datasets: Open Zorb (entity typing), QUXRED "
                "(relation classification), and Widget-3 (question answering).")
    assert {got[k][0] for k in ("Open Zorb", "QUXRED", "Widget-3")} == {"dataset"}


def test_a_latex_citation_tied_to_a_name_leaves_the_name_whole():
    got = found("Unlike earlier models such as ZorbGPT-4~\\citep{smith2023zorb} and QuuxVA~\\cite{lee2024}, we use "
                "GizmoBind~\\citet{kim2022} as the encoder.")
    assert {"ZorbGPT-4", "QuuxVA", "GizmoBind"} <= set(got)
    assert not any("cite" in name for name in got)


def test_gaussian_processes_are_a_named_method_like_bayesian_optimization():
    got = found("We place Gaussian process priors on the widget response and use Bayesian optimization.")
    assert got.get("Gaussian process", ("", False))[0] == "method"


# --- round fifteen ----------------------------------------------------------------------------------


def test_a_dictionary_word_styled_in_capitals_is_a_name_when_the_paper_names_its_work_so():
    got = found("In this paper, we present SPOONful, a benchmark for widget retrieval. SPOONful has 300 samples.",
                title="SPOONful: A Benchmark for Widget Retrieval")
    assert got.get("SPOONful", ("", False)) == ("benchmark", True)
    # capitals set into a word of someone else's long form still spell letters, not a name
    assert "ORChestration" not in found("We use WOTS, the Widget ORChestration Trace Set, for evaluation.")


def test_three_hyphens_typed_for_a_dash_before_a_name_with_digits_end_the_word_before():
    got = found("It beats earlier agents on two gizmo navigation tasks---Widget2Set and QRXW, advancing the field.")
    assert "Widget2Set" in got and not any("---" in name for name in got)


def test_a_known_name_and_its_number_joined_by_a_space_instead_of_a_hyphen():
    rec = records(("A Study", "We pretrain on Kinetics 700 clips and sample faces from CelebA HQ."))[0]
    forms = [{e["name"], *e["aliases"]} for e in rec["datasets"] + rec["benchmarks"]]
    assert any("Kinetics 700" in f for f in forms) and any("CelebA HQ" in f for f in forms)
    assert not any(f == {"Kinetics"} or f == {"CelebA"} for f in forms)


def test_numbers_listed_after_a_numbered_name_are_more_of_its_variants():
    rec = records(("A Study", "We evaluate on CIFAR-10 and 100, on the ZorbSet 2019, 2020 and 2021 splits, and "
                              "train ResNet-50 and 101 for 90 epochs."))[0]
    data = names(rec, "datasets") | names(rec, "benchmarks")
    assert {"CIFAR-10", "CIFAR-100"} <= data and "ZorbSet 2021" in {n for e in rec["datasets"] + rec["benchmarks"]
                                                                     for n in (e["name"], *e["aliases"])}
    assert {"ResNet-50", "ResNet-101"} <= names(rec, "methods")
    # a number of counted things is no variant: "and 100 classes", "and 90 epochs"
    rec = records(("A Study", "We train ResNet-50 and 90 epochs later test on CIFAR-10 and 100 classes of Zorb."))[0]
    assert "CIFAR-100" not in names(rec, "datasets") and "ResNet-90" not in names(rec, "methods")


def test_an_edition_year_after_an_apostrophe_belongs_to_the_name():
    got = found("We report results on the QRMT'21 and QRMT '22 test sets and on ZEBRAX' 19 clips.")
    assert got.get("QRMT'21", ("",))[0] in ("dataset", "benchmark")
    assert got.get("QRMT '22", ("",))[0] in ("dataset", "benchmark")
    assert "ZEBRAX' 19" in got and "ZEBRAX" not in got
    # a venue's edition is still a venue
    assert not any(name.startswith("STOC") for name in found("The bound of the paper at STOC'20 is tight for WidgetNet."))


def test_an_acronym_in_capitals_ending_in_s_is_no_plural_of_a_mixed_case_stop_term():
    got = found("We evaluated our transcriber on the widely used MAPS and QUORTEX datasets.")
    assert got.get("MAPS", ("",))[0] == "dataset"
    assert "mAPs" not in found("Both detectors reach higher mAPs than WidgetNet on the test set.")


def test_modifiers_between_we_propose_a_and_a_lower_case_long_form_keep_the_definition_the_papers():
    rec = records(("A Study", "We propose a two-stage widget consistency network (WCN) that fills gaps. WCN is fast."))[0]
    assert "widget consistency network" in {p["name"] for p in rec["proposes"]}
    rec = records(("A Study", "We propose a new, lightweight gizmo routing language (GRL) with a small vocabulary."))[0]
    assert "gizmo routing language" in {p["name"] for p in rec["proposes"]}
    # a method for something is not named by the phrase after "for"
    rec = records(("A Study", "We propose a method for widget consistency estimation (WCE) in long videos."))[0]
    assert not rec["proposes"]


def test_sequence_to_sequence_is_a_class_of_models_and_deep_q_learning_a_named_method():
    got = found("We compare a sequence-to-sequence model and a Seq2Seq baseline trained with deep Q-learning.")
    assert not any("sequence" in name.lower() or name.lower() == "seq2seq" for name in got)
    assert got.get("deep Q-learning", ("",))[0] == "method" and "Q-learning" not in got


def test_a_proposal_is_known_by_the_forms_its_entity_item_lists():
    rec = records(("A Study", "In the second step, we introduce a novel Gizmo-Aligned Widget Completion module, which "
                              "aligns the widgets of foreground objects."))[0]
    items = {e["id"]: e for e in rec["methods"]}
    assert rec["proposes"], rec
    for p in rec["proposes"]:
        assert p["aliases"] == items[p["id"]]["aliases"]
    assert "Gizmo-Aligned Widget Completion module" in rec["proposes"][0]["aliases"]


def test_two_digits_of_a_year_after_a_campaign_in_capitals_are_its_edition():
    rec = records(("A Study", "We report BLEU on QRMT 15 and ZOSLT 14 and 15, and nDCG on TREC DL20."))[0]
    data = {n for e in rec["datasets"] + rec["benchmarks"] for n in (e["name"], *e["aliases"])}
    assert {"QRMT 15", "ZOSLT 14", "ZOSLT 15", "TREC DL20"} <= data
    # a count after the name is no edition
    rec = records(("A Study", "Our system covers QRMT 15 language pairs."))[0]
    assert "QRMT 15" not in {n for e in rec["datasets"] + rec["benchmarks"] for n in (e["name"], *e["aliases"])}


def test_proof_assistants_and_verifiers_are_named_systems():
    got = found("Proofs are checked in HOL Light and the programs verified with Dafny and Verus.")
    assert {got.get(k, ("",))[0] for k in ("HOL Light", "Dafny", "Verus")} == {"method"}


def test_fields_and_resource_levels_are_no_methods():
    got = found("Widget glasses for Augmented Reality and Virtual Reality help Low-Resource Languages speakers.")
    assert not {"Augmented Reality", "Virtual Reality", "Low-Resource Languages"} & set(got)


def test_plus_plus_marks_a_hyphenated_name():
    got = found("We propose Co-widget and its extension Co-widget++ for source-free adaptation.")
    assert "Co-widget++" in got


def test_an_occluded_variant_of_known_data_is_its_own_data():
    rec = records(("A Study", "We evaluate WidgetPose on LINEMOD and Occluded LINEMOD."))[0]
    data = {n for e in rec["datasets"] + rec["benchmarks"] for n in (e["name"], *e["aliases"])}
    assert {"LINEMOD", "Occluded LINEMOD"} <= data


def test_the_head_before_a_comma_and_called_types_the_name():
    got = found("To address this, we propose an optimized training approach, called WidgetQA, to improve retrieval.")
    assert got["WidgetQA"][0] == "method"


def test_a_collection_of_networks_is_a_method_and_a_collection_of_datasets_data():
    got = found("We propose Widget Editor Networks (WEN), a collection of small auxiliary editing networks.")
    assert got["Widget Editor Networks"][0] == "method"
    got = found("We release GizmoPile, a collection of twelve image datasets for widget parsing.")
    assert got["GizmoPile"][0] in ("dataset", "benchmark")


def test_the_algorithm_after_a_known_data_name_makes_it_a_method_of_that_name():
    got = found("For example, the ACDC algorithm recovers the circuit of the widget model.")
    assert got["ACDC"][0] == "method"
    # a model named after data is a model trained on it, not a homonym
    assert found("We fine-tune the CIFAR-10 model on the widget data.").get("CIFAR-10", ("dataset",))[0] != "method"


def test_our_long_described_dataset_after_a_name_makes_it_the_papers():
    got = found("The Zorbix models are trained on WidgetInstruct, our meticulously curated instruction tuning dataset.")
    assert got["WidgetInstruct"][1] is True


def test_things_a_paper_presents_listed_after_a_colon_are_its_own():
    got = found("In this work, we present useful tools for widget translation research: WDATA, NLGIZ, and RTQ.")
    assert all(got[k][1] for k in ("WDATA", "NLGIZ", "RTQ"))
    # things evaluated or compared, listed the same way, are not
    got = found("We evaluate three models: GPT-4, Llama 2 and ZorbLM. We compare two methods: QuuxNet and Blarg.")
    assert not any(proposed for _, proposed in got.values())


def test_we_propose_the_described_head_and_its_name():
    got = found("To handle more views, we propose the fast single-stage feed-forward network MV-Zorb3R.")
    assert got["MV-Zorb3R"][1] is True
    assert not any(p for _, p in found("We propose the use of the transformer model BERT for widgets.").values())


@pytest.mark.parametrize("abstract, name", [
    # a bracketed name of several words after a head with an acronym in it
    ("To address this, we propose a novel few-shot indexing-based GR framework (Few-Shot GZ). Few-Shot GZ needs no "
     "training.", "Few-Shot GZ"),
    # a contribution that is the release of a name
    ("Our first contribution is the release of the Zorbian Parallel Corpus Collection (ZPCC), the largest parallel "
     "corpora for widget languages.", "Zorbian Parallel Corpus Collection"),
    # a lettered variant of a name in capitals
    ("We present an automated prover and proof assistant, ZORB-f, for the Widget language. ZORB-f found new short "
     "proofs.", "ZORB-f"),
    # a name in a font command after a head a language's name modifies
    ("To study this task, we create a human-to-human Chinese dialog dataset \\emph{WidRecDial} (about 10k dialogs), "
     "which contains multiple sequential dialogs.", "WidRecDial"),
])
def test_names_the_paper_gives_in_less_common_phrasings_are_its_proposals(abstract, name):
    assert found(abstract).get(name, ("", False))[1] is True


def test_a_version_and_size_after_a_name_end_the_name_whatever_follows():
    got = found("We reach high fidelity on Zorblm 2 9B activations and learn features with w2v-ZERT 2.0.")
    assert "Zorblm 2 9B" in got and "w2v-ZERT 2.0" in got
    # a number of steps is no version
    assert "step 2" not in found("Results hold for step 2 of training WidgetNet.")


def test_based_on_our_x_after_the_paper_proposed_x_is_still_its_own():
    got = found("We propose a training approach, called ZorbQA, to improve widget retrieval. Finally, end-to-end QA "
                "improves based on our ZorbQA retriever.", title="ZorbQA: An Optimized Training Approach to Retrieval")
    assert got["ZorbQA"][1] is True
    # introduced as earlier work, it is not
    got = found("By extending our ZorbKit library, we study widget retrieval on three tasks.")
    assert not got.get("ZorbKit", ("", False))[1]


def test_a_known_name_the_paper_says_it_curated_is_its_own():
    got = found("The Zorbix models are trained on MathInstruct, our newly curated instruction tuning dataset.")
    assert got["MathInstruct"][1] is True


def test_a_count_of_data_items_in_brackets_after_a_name_makes_it_data():
    got = found("Cross-domain validation on PathWNIST (107,180 pathology images, 9 classes) confirms it.")
    assert got["PathWNIST"][0] == "dataset"


def test_a_name_between_on_and_the_task_measured_on_it_is_a_benchmark():
    got = found("WidgetR sets a new state of the art on VoxWidget107 language identification and on VOZ "
                "segmentation tasks.")
    assert got["VoxWidget107"][0] == "benchmark" and got["VOZ"][0] == "benchmark"
    # what a system is built on is no benchmark
    assert found("Our agent is built on FooNet detection pipelines.")["FooNet"][0] == "method"


def test_names_in_brackets_with_a_plural_data_noun_are_data():
    got = found("It surpasses full-shot models on several datasets (e.g., NYZ11-HRL). We also apply it across code "
                "(BugWet and PyTorrenz) datasets.")
    assert {got[k][0] for k in ("NYZ11-HRL", "BugWet", "PyTorrenz")} == {"dataset"}
    got = found("We compare methods (e.g., ZorbNet) and models (QuuxLM and BarLM).")
    assert {got[k][0] for k in ("ZorbNet", "QuuxLM", "BarLM")} == {"method"}


def test_a_namer_after_a_comma_names_the_data_noun_of_its_clause():
    got = found("We build a large-scale preference dataset comprising 40 million preference pairs, named SynPrez-40M.")
    assert got["SynPrez-40M"][0] == "dataset"


def test_empirical_risk_minimization_and_linear_blend_skinning_are_named_techniques():
    got = found("We show that empirical risk minimization (ERM) overfits, and animate the widget with linear blend "
                "skinning.")
    assert got.get("empirical risk minimization", ("",))[0] == "method"
    assert got.get("linear blend skinning", ("",))[0] == "method"


def test_a_known_name_written_with_its_own_final_s_is_no_plural_copy():
    got = found("We use the axioms to guide the design of a new attribution method called Integrated Gradients.")
    assert got["Integrated Gradients"][1] is True
    # a plural of a known name is copies of it, not a new name
    assert not any(p for _, p in found("We add three extra LoRAs to the widget model.").values())


def test_we_have_also_created_names_the_papers_own():
    got = found("Along with these efforts, we have also created WidgetSpot, the first realistic widget grounding "
                "benchmark.")
    assert got["WidgetSpot"][1] is True


# --- round sixteen ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ZorbBench-201", "QuuxQA v2", "FooEval-3"])
def test_a_numbered_edition_of_a_benchmark_shaped_name_is_a_benchmark(name):
    got = found(f"Experiments on widget search spaces, including {name}, show the gains.")
    assert got[name][0] == "benchmark"


def test_a_capitalised_trigger_word_inside_a_title_case_name_is_no_verb():
    got = found("Our runs cover the Widget Design Spaces (WDS) collection and two others.")
    assert "Spaces" not in got and not got["Widget Design Spaces"][1]
    # the verb itself still names the paper's own
    assert found("We Design ZorbNet, a widget detector.")["ZorbNet"][1] is True


def test_a_named_metric_the_paper_proposes_is_its_own_method():
    # (a metric's name the stop list knows, as its origin paper would write it)
    got = found("We propose MAUVE, a learned evaluation metric for widget captioning. MAUVE correlates well with "
                "human judgments.", title="MAUVE: Learning Robust Metrics for Widget Captioning")
    assert got["MAUVE"] == ("method", True)
    # a paper that only measures with a named metric gets no method from it
    assert "ROUGE" not in found("We report BLEU and ROUGE on the widget captions.")


@pytest.mark.parametrize("name", ["zorb2vec", "quux2seq", "zap2zap", "zorb2vec++"])
def test_lower_case_names_coined_like_word2vec_are_names(name):
    got = found(f"We learn node embeddings with {name} and compare it to two baselines.")
    assert got[name][0] == "method"


def test_numbered_proposals_after_a_trigger_are_all_the_papers_own():
    got = found("To this end, we propose (1) Divide and Widget Pooling (DWP) which extracts cues, and (2) Dense "
                "Gizmo Refinement (DGR) which propagates labels.")
    assert got["Divide and Widget Pooling"][1] is True and got["Dense Gizmo Refinement"][1] is True


def test_two_hyphens_before_a_lower_case_word_are_a_dash():
    got = found("Finally, we introduce a simple but very strong baseline Zorb-GNN--which outperforms all previous "
                "models.")
    assert got["Zorb-GNN"][1] is True


def test_a_name_set_off_after_the_head_of_a_definite_description_is_the_papers_own():
    got = found("To scale, we design the widget mini-batch sampling algorithm\u2014WGSampling\u2014for efficient "
                "training.")
    assert got["WGSampling"][1] is True


def test_what_we_combine_parts_into_is_the_papers_own():
    assert found("We combine them into a graph neural network, ZorbGCN, which we use as the base method."
                 )["ZorbGCN"][1] is True
    # a known model integrated into a pipeline is used, not made
    assert not found("We integrate BERT into the widget pipeline.").get("BERT", ("", False))[1]


@pytest.mark.parametrize("sentence", [
    "ZorbKit comprises a Component Widget Module (CWM) and a Swap Gizmo Strategy (SGS).",
    "ZorbKit consists of two novel modules: a Component Widget Module (CWM) and a Swap Gizmo Strategy (SGS).",
])
def test_named_parts_after_comprises_or_an_article_are_the_papers_own(sentence):
    got = found("We propose ZorbKit. " + sentence, title="ZorbKit: Rethinking Widget Unlearning")
    assert got["Component Widget Module"][1] is True and got["Swap Gizmo Strategy"][1] is True


def test_plain_title_case_words_after_an_article_only_describe_a_part():
    got = found("We propose ZorbKit, which consists of two modules: a Review Reader for reviews, and a Profile "
                "Writer for profiles.", title="ZorbKit: Widget Profiles")
    assert not got.get("Review Reader", ("", False))[1]


def test_a_novel_name_with_linking_words_before_a_head_noun_is_the_papers_own():
    got = found("We reveal bias in widget systems using a novel Balanced Widgets In the Wild (BWW) dataset.")
    assert got["Balanced Widgets In the Wild"] == ("dataset", True)


def test_a_defined_name_after_a_head_noun_and_of_is_the_papers_own():
    got = found("Instead, we propose a novel network architecture of Resolution Adaptation and re-Widgeting "
                "Network (RAWN) to match widgets.")
    assert got["Resolution Adaptation and re-Widgeting Network"][1] is True


@pytest.mark.parametrize("sentence, name", [
    ("On one hand, we introduce \u201cgizmo block\u201d which masks the most salient features.", "gizmo block"),
    ("We then propose \\emph{widget attention}, which keeps attention within segments.", "widget attention"),
])
def test_a_quoted_or_emphasised_term_right_after_a_first_person_trigger_is_the_papers_own(sentence, name):
    assert found(sentence)[name] == ("method", True)


def test_lower_case_items_a_trigger_counted_before_namely_are_the_papers_own():
    got = found("In addition, we introduce two effective ways to build hard questions, namely, negative widget "
                "sampling and context gizmo truncation, which help the model.")
    assert got["negative widget sampling"][1] is True and got["context gizmo truncation"][1] is True
    # without a count, or without a trigger, the list is not the paper's
    assert "widget sampling" not in found("We compare baselines, namely widget sampling and gizmo pruning.")


def test_two_sized_model_names_joined_by_a_slash_are_no_hub_id():
    got = found("It surpasses the baselines ZeiT-B/ResZLP-B24 by 0.3% accuracy.")
    assert "ZeiT-B/ResZLP-B24" not in got


def test_latex_wrapped_names_listed_after_a_data_noun_are_data():
    got = found("We present the Widget Graph Suite with four graph learning datasets: $\\texttt{ZorbVOC-SP}$, "
                "$\\texttt{QuuxCO-SP}$ and $\\texttt{PCQM-Widget}$ that need long-range reasoning.")
    assert {got[k][0] for k in ("ZorbVOC-SP", "QuuxCO-SP", "PCQM-Widget")} == {"dataset"}


def test_names_presented_with_a_suite_are_its_own_but_not_where_experiments_ran():
    got = found("We present the Widget Graph Suite (WGS) with five graph learning datasets: ZorbSet-SP, QuuxQA-SP "
                "and FooBank-SP.")
    assert got["ZorbSet-SP"][1] is True
    got = found("We present experiments on three datasets: ZorbSet, QuuxQA and FooBank.")
    assert not any(own for _, own in got.values())


def test_defined_long_forms_listed_before_a_data_noun_are_data():
    got = found("Extensive experiments on Labeled Widgets in the Wild (LWW), Zorbtube Faces (ZTF) and QUARPA Widget "
                "Benchmark A (QWB-A) datasets demonstrate gains.")
    assert got["Zorbtube Faces"][0] == "dataset"


@pytest.mark.parametrize("sentence, names", [
    ("The models were evaluated using multiple datasets, specifically ZORB-Weather-2014, QuuxSign, and GrZL, "
     "each a sign language.", ("ZORB-Weather-2014", "QuuxSign", "GrZL")),
    ("It wins on two large datasets (ZUHK03 and Widget-1501), and a medium-sized data set (ZUHK01).", ("ZUHK01",)),
    ("Our method in the ZSMT17\\toWidget1501 task beats the supervised setting on Widget1501.",
     ("ZSMT17", "Widget1501")),
])
def test_data_introduced_by_specifically_a_data_set_bracket_or_a_latex_arrow(sentence, names):
    got = found(sentence)
    assert all(got[name][0] in ("dataset", "benchmark") for name in names)


@pytest.mark.parametrize("sentence, name", [
    ("Our method placed first in the inaugural ZOCO 2016 keypoints challenge.", "ZOCO 2016 keypoints challenge"),
    ("It leads the last three years of the ZMT Metrics shared task.", "ZMT Metrics shared task"),
    ("Experimentally, on the 2014 ZAC-KBP Slot Filling challenge, our labels win.",
     "2014 ZAC-KBP Slot Filling challenge"),
    ("It attains excellent results on the recent ZOGB Large-Scale Challenge.", "ZOGB Large-Scale Challenge"),
])
def test_a_contest_named_after_a_collection_keeps_its_words(sentence, name):
    assert found(sentence)[name][0] == "benchmark"


def test_capitalised_words_between_an_acronym_and_a_data_noun_belong_to_the_name():
    got = found("It exceeds the state of the art on the ZPII Multi-Person benchmark.")
    assert got["ZPII Multi-Person"][0] == "benchmark" and "ZPII" not in got


def test_names_listed_after_a_plural_noun_of_methods_are_methods():
    got = found("Across client partitions and multiple aggregation rules (FedZvg, Trimmed Zean, MultiZrum, ZLAME and "
                "FilterZL), our triggers achieve high success rates.")
    assert {got[k][0] for k in ("FedZvg", "Trimmed Zean", "MultiZrum", "ZLAME", "FilterZL")} == {"method"}


def test_a_word_capitalised_to_spell_an_acronym_is_no_name():
    got = found("We present USQ, an UnSupervised and Quality-free evaluation metric for dialog. USQ is good.")
    assert "UnSupervised" not in got and "USQ" in got
    # a coined name written with inner capitals stays one
    assert "QLoRA" in found("We fine-tune with QLoRA adapters on GLUE.")


def test_words_of_a_title_set_in_capitals_are_no_acronyms():
    got = found("We propose ZorbNet for widget verification on VoxCeleb.",
                title="TEXT-INDEPENDENT WIDGET VERIFICATION WITH ZORBNET")
    assert "TEXT-INDEPENDENT" not in got and "WIDGET" not in got and "VERIFICATION" not in got
    assert got["ZORBNET"][1] is True  # the abstract writes it as a name


def test_a_contest_named_with_an_acronym_after_its_collection_is_one_name():
    got = found("We study the systems submitted to the ZCASE SELD Challenge.")
    assert got["ZCASE SELD Challenge"][0] == "benchmark" and "ZCASE" not in got


@pytest.mark.parametrize("metric", ["SI-SNRi", "SI-SDRi", "minDCF"])
def test_speech_separation_and_verification_metrics_are_no_methods(metric):
    assert metric not in found(f"Our separator improves {metric} by 2.1 over the baseline on WidgetMix.")


@pytest.mark.parametrize("sentence, name", [
    ("Our method won the 2015 MICCAI Widget Segmentation Challenge out of 13 teams.",
     "2015 MICCAI Widget Segmentation Challenge"),
    ("It leads on the 2019 ZoxCeleb Widget Recognition Challenge.", "2019 ZoxCeleb Widget Recognition Challenge"),
])
def test_the_year_and_venue_before_a_contest_belong_to_its_name(sentence, name):
    assert found(sentence)[name][0] == "benchmark"


def test_a_defined_name_before_challenge_is_a_benchmark():
    got = found("It takes third place in the Colon Widget Identification and Counting (CoWIC) Challenge.")
    assert got["Colon Widget Identification and Counting"][0] == "benchmark"


def test_names_after_a_plural_data_noun_and_a_comma_are_data_when_listed():
    got = found("We create two datasets from two commonly used text simplification corpora, Zewsela and "
                "Quuxpedia.")
    assert got["Zewsela"][0] == "dataset" and got["Quuxpedia"][0] == "dataset"
    assert found("Across three datasets, ZorbNet wins by 2 points.")["ZorbNet"][0] == "method"


def test_an_evaluation_metric_the_paper_proposes_under_a_namer_is_its_own():
    got = found("We propose a composite metric, called RadZliQ, that ranks the quality of reports like radiologists.")
    assert got["RadZliQ"][1] is True
    assert not found("Prior work uses an evaluation metric named ZorbScore.").get("ZorbScore", ("", False))[1]


def test_a_coined_name_before_a_spaced_dash_in_a_title_with_a_colon_is_the_title_prefix():
    got = found("In this paper, we present a simple widget sequence tagger using a Transformer encoder.",
                title="ZECToR -- Grammatical Widget Correction: Tag, Not Rewrite")
    assert got["ZECToR"][1] is True


def test_a_title_that_is_one_name_with_its_article_and_acronym_is_the_papers_own():
    got = found("We report the set-up and results of the Liver Widget Segmentation Benchmark (LiWS), organized "
                "with two conferences.", title="The Liver Widget Segmentation Benchmark (LiWS)")
    assert got["Liver Widget Segmentation Benchmark"] == ("benchmark", True)


def test_a_name_after_an_acronym_of_the_task_and_its_head_noun_is_the_papers_own():
    got = found("In this paper, we propose a text-guided TSE model StyleZSE that uses natural language descriptions.")
    assert got["StyleZSE"][1] is True


@pytest.mark.parametrize("sentence, name", [
    ("We propose a novel training criterion, named permutation invariant widgeting (PIW), for separation.",
     "permutation invariant widgeting"),
    ("We propose a novel widget gate (WG) model for medical imaging that learns to focus on targets.", "widget gate"),
])
def test_a_lower_case_long_form_the_paper_names_or_heads_with_a_noun_is_its_own(sentence, name):
    assert found(sentence)[name] == ("method", True)


def test_a_list_of_data_runs_past_a_slashed_number_and_an_unfound_word():
    got = found("Extensive experiments on standard benchmarks, including Pitts30k, Zokyo24/7, MSLS, Zordland, ZPED, "
                "and AmsterZime, show that our method wins.")
    assert got["ZPED"][0] == "benchmark" and got["AmsterZime"][0] == "benchmark"


def test_one_name_in_apposition_to_a_singular_data_noun_is_data():
    got = found("We evaluate ChatGPT on the standard bug fixing benchmark set, QuixZugs, and compare the results.")
    assert got["QuixZugs"][0] == "benchmark"
    assert found("On this dataset, ZorbNet reaches 90% accuracy.")["ZorbNet"][0] == "method"


def test_names_after_numerical_simulations_on_are_data():
    got = found("Numerical simulations on ZREAM, Lorenz-69, and CausalZime show that our method outperforms baselines.")
    assert {got[k][0] for k in ("ZREAM", "Lorenz-69", "CausalZime")} == {"benchmark"}


def test_a_list_introduced_by_a_data_noun_and_a_colon_may_open_with_an_article():
    got = found("We evaluate the approach on two benchmark datasets: the Zahoo Webscope S5 anomaly dataset and the "
                "ZETR-LA traffic sensor network.")
    assert got["Zahoo Webscope S5"][0] == "dataset"


def test_mri_sequences_tumour_regions_and_a_two_and_a_half_d_prefix_are_no_names():
    got = found("We segment Enhancing Tumor (ET), Tumor Core (TC) and Whole Tumor (WT) from T1ce scans with a 2.5D "
                "ZorbNet.")
    assert not {"Enhancing Tumor", "Tumor Core", "Whole Tumor", "T1ce", "2.5D"} & set(got) and "ZorbNet" in got


def test_chemical_formulas_are_no_names_but_coded_collections_stay():
    got = found("We compute ground states of LiH, BeH2 and CH4 with ZorbQMC and test CoRe on COCO2014 and CUHK01.")
    assert not {"LiH", "BeH2", "CH4"} & set(got) and "CoRe" in got
    assert "ZorbQMC" in got and "COCO2014" in got and "CUHK01" in got


def test_two_capitalised_words_before_a_spaced_dash_and_a_description_are_the_title_prefix():
    got = found("Zatbench Discovery simulates the deployment of ML energy models in a search for stable crystals.",
                title="Zatbench Discovery -- A framework to evaluate machine learning crystal stability predictions")
    assert got["Zatbench Discovery"][1] is True


def test_a_coined_name_that_looks_like_a_metric_with_a_qualifier_is_the_papers_model():
    got = found("We propose KID-PPZ, a knowledge-informed deep learning model that integrates expert knowledge.",
                title="KID-PPZ: Knowledge Informed Deep Learning for Heart Rate")
    assert got["KID-PPZ"] == ("method", True)
    assert "AUC-100" not in found("In addition to raw game-scores, we also develop an AUC-100 metric for Atari.")


# --- round seventeen: classes seen on read pools (invented sentences) ---


def test_a_latex_wrapped_name_right_before_the_sentence_period_is_found():
    got = found(r"We report results on $\text{ZorbSet}$, $\text{QuuxData}$, and $\text{Blip9K}$. Code is public.")
    assert {"ZorbSet", "QuuxData", "Blip9K"} <= set(got)
    assert "Blip9K" in found(r"Models are trained on \textbf{Blip9K}. Code is public.")


def test_a_capitals_name_with_a_coded_lower_case_variant_is_a_name_but_a_modifier_word_is_not():
    got = found("We present the ZQGAT-diff model and compare it with ZORB-md and QUUX-lite.")
    assert {"ZQGAT-diff", "ZORB-md", "QUUX-lite"} <= set(got)
    got = found("We use ZQGAT-guided sampling and a ZORB-based loss on RGB-only inputs.")
    assert not {"ZQGAT-guided", "ZORB-based", "RGB-only"} & set(got)


def test_a_known_name_heading_the_title_is_the_papers_own_even_if_the_abstract_never_repeats_it():
    abstract = "We derive a widget inference algorithm from a functional gradient and prove that it converges."
    got = found(abstract, title="Stein Variational Gradient Descent: A General Purpose Widget Inference Algorithm")
    assert got["Stein Variational Gradient Descent"][1] is True
    got = found("We train widgets with AdaBelief and report faster convergence.",
                title="Faster Widget Training with Adaptive Optimizers")
    assert got["AdaBelief"][1] is False


def test_a_name_the_paper_proposes_outright_is_no_phenomenon_when_it_arises_from_something():
    got = found("Data Zorbley is a framework. In this paper, we propose Beta Zorbley, which is a generalization of "
                "Data Zorbley. Beta Zorbley arises naturally by relaxing one axiom.")
    assert got["Beta Zorbley"] == ("method", True)
    got = found("We identify Widget Starvation, which arises when one feature dominates the gradient.")
    assert got.get("Widget Starvation", ("method", False))[1] is False


def test_we_call_this_new_approach_x_names_the_papers_own():
    got = found("We keep the data on the devices and learn a shared model. We call this decentralized approach "
                "Widget Pooling, and we evaluate it on five model architectures.")
    assert got["Widget Pooling"][1] is True


def test_two_plain_words_joined_by_a_slash_are_alternatives_not_a_hub_id():
    got = found("We build rotation invariant/equivariant widget networks and an online/streaming zorbing method, "
                "trained on zorblab/widgetmix-10k and evaluated on cais/zorbqa.")
    assert not {"invariant/equivariant", "online/streaming"} & set(got)
    assert {"zorblab/widgetmix-10k", "cais/zorbqa"} <= set(got)


def test_a_language_pair_written_with_to_between_hyphens_stays_with_its_collection():
    rec = records(("A Title", "On the WMT 2019 English-to-German widget task, our model reaches 30 BLEU."))[0]
    forms = {f for d in rec["datasets"] + rec["benchmarks"] for f in [d["name"], *d["aliases"]]}
    assert "WMT 2019 English-to-German" in forms


def test_a_capitalised_word_before_an_affix_is_no_known_name_listed_in_another_case():
    got = found("We train a Score-Guided widget and a Pose-Aware zorb with Transformer-based encoders.")
    assert "Score" not in got and "Pose" not in got and "Transformer" in got


def test_a_listed_metric_heading_the_title_is_the_papers_own_but_not_where_it_is_only_used():
    got = found("We validate our new metric, namely BARTScore, on summarization and translation.",
                title="BARTScore: Evaluating Generated Text as Text Generation")
    assert got.get("BARTScore", ("none", False))[1] is True
    assert "BARTScore" not in found("We evaluate the summaries with ROUGE and BARTScore.")


def test_sensing_formats_and_named_metrics_are_no_methods():
    got = found("We compute STFT and MFCC features, store slides as WSI in DICOM, and report SI-SDRi and HD95 for "
                "ZorbNet.")
    assert not {"STFT", "MFCC", "WSI", "DICOM", "SI-SDRi", "HD95"} & set(got) and "ZorbNet" in got


def test_an_established_task_capitalised_in_a_title_is_no_name():
    got = found("We align widget features across domains and propose ZorbAlign, which beats prior methods.",
                title="Source-Free Unsupervised Domain Adaptation with Widget Alignment")
    assert "Source-Free Unsupervised Domain Adaptation" not in got and got["ZorbAlign"][1] is True
    got = found("Recommenders often see only short sessions. We therefore propose a widget-based approach for "
                "session-based recommendations. It beats item-to-item baselines.",
                title="Session-based Recommendations with Recurrent Widget Networks")
    assert not {"session-based recommendations", "Session-based Recommendations"} & set(got)


# round eighteen: "that is" after the paper's head noun, read through by the cue windows


def test_that_is_after_the_papers_head_noun_gives_its_name_as_namely_does():
    got = found("In this paper, we propose a novel widget ranking framework, i.e., Quorbic Attentive Ranking "
                "Machine (QARM), to tackle this problem. QARM beats item baselines.")
    assert got["Quorbic Attentive Ranking Machine"][1] is True
    got = found("We present a simple yet effective defense strategy, i.e. Zintent Review Prompting (ZRP), for "
                "widget agents.")
    assert got["Zintent Review Prompting"][1] is True
    got = found("Our model outperforms much larger widget models, i.e., GPT-4 and Florbformer, at a fraction of "
                "the cost.")
    assert got.get("Florbformer", ("none", False))[1] is False and got.get("GPT-4", ("none", False))[1] is False


def test_an_acronym_plural_that_looks_like_a_word_still_joins_its_known_name():
    rec = records(("A Title", "We compare a zorb recurrent cell with GRUs and LSTMs on widget streams."))[0]
    names = {m["name"]: m["aliases"] for m in rec["methods"]}
    assert "GRUs" in names.get("Gated Recurrent Unit", []) and "GRUs" not in names


def test_a_known_name_written_only_in_the_plural_is_shown_singular():
    rec = records(("A Title", "We fine-tune Vision Transformers and VQ-VAEs on zorb widgets."))[0]
    names = {m["name"] for m in rec["methods"]}
    assert {"Vision Transformer", "VQ-VAE"} <= names and not {"Vision Transformers", "VQ-VAEs"} & names


def test_a_review_proposes_no_method_only_the_data_it_releases():
    got = found("We organise work on gizmo routing into a taxonomy, the Widget Routing Atlas (WRA), compare "
                "ZorbNet with FlimNet, and release QuuxBench, a benchmark of 40 routing tasks.",
                title="Gizmo Routing in Widget Networks: A Comprehensive Survey")
    assert got["Widget Routing Atlas"][1] is False and got["QuuxBench"][1] is True
    got = found("We review attacks on federated widgets and propose the Zorb Leakage Framework (ZLF) to compare them.",
                title="SoK: Gizmo Leakage in Federated Widgets")
    assert "SoK" not in got and got["Zorb Leakage Framework"][1] is False
    got = found("We propose ZorbRec, a review-aware recommender that reads user reviews.",
                title="A Review-Aware Widget Recommender")
    assert got["ZorbRec"][1] is True


def test_a_known_name_joins_its_number_with_a_space_a_hyphen_or_nothing():
    rec = records(("A Title", "We evaluate the zorb tracker on Human 3.6M and Flickr 8k and on UCF 101."))[0]
    names = {d["name"]: d["aliases"] for d in rec["datasets"] + rec["benchmarks"]}
    assert "Human 3.6M" in names.get("Human3.6M", []) and "Flickr 8k" in names.get("Flickr8k", [])
    assert any(n.replace(" ", "").replace("-", "") == "UCF101" for n in names)
    assert not {"Human 3.6M", "Flickr 8k"} & set(names)


def test_one_capital_spells_out_no_long_form_from_the_title_after_its_colon():
    rec = records(("Sorvia: Scalable, Robust, and Hardware-aware Widget Decoding",
                   "We introduce Sorvia, a scalable and robust algorithm for widget decoding."))[0]
    names = {m["name"] for m in rec["methods"]} | {p["name"] if isinstance(p, dict) else p for p in rec["proposes"]}
    assert "Sorvia" in names and "Scalable" not in names
    rec = records(("ZRB: Zero-shot Routing Baselines", "We present ZRB, a suite of widget routing baselines."))[0]
    forms = {f for m in rec["methods"] + rec["benchmarks"] + rec["datasets"] for f in [m["name"], *m["aliases"]]}
    assert "ZRB" in forms and "Zero-shot Routing Baselines" in forms


def test_what_the_papers_own_method_is_built_around_is_its_own():
    assert found("The heart of our approach lies in FlorbMix, a light widget mixer.")["FlorbMix"][1] is True
    got = found("We study long widget generation. At the core of our approach is FlorbFormer, an expressive "
                "autoencoder that compresses widgets.", title="Zorbia: Long Widget Generation")
    assert got["FlorbFormer"][1] is True
    got = found("We present Quster, a novel architecture. Central to Quster is Dot-zattention, a linear-complexity "
                "attention mechanism.", title="Quster: Linear Widget Transformer")
    assert got["Dot-zattention"][1] is True
    got = found("At the core of GPT-4 is the Transformer, which we study here with FlimBench.")
    assert got.get("Transformer", ("none", False))[1] is False


def test_our_contribution_set_off_by_commas_names_the_papers_own():
    got = found("Existing widget evaluation is limited. Our contribution, Zorb Pot, is a widget evaluation suite "
                "that fills this gap.")
    assert got["Zorb Pot"][1] is True
    got = found("Our main contribution, QuuxNet, is a lightweight widget encoder trained on FlimSet.")
    assert got["QuuxNet"][1] is True
    got = found("Our contribution, as in most widget work, is modest; we compare BlimNet with ZarfNet.")
    assert got.get("BlimNet", ("none", False))[1] is False


def test_a_bracketed_name_after_the_papers_new_metric_is_its_own():
    got = found("To tackle this, we propose a novel learning-based automatic evaluation metric (ZMN), which robustly "
                "scores widget dialogues.")
    assert got["ZMN"][1] is True


def test_a_known_name_never_joins_a_shorter_stray_variant_of_it():
    from extractors import extract_corpus
    from kg.models import Paper

    corpus = extract_corpus([
        Paper(id="a", title="Zorb Learning", abstract="We stack Graph Convolutional layers and Graph Convolutional "
                                                     "blocks in a widget model. Graph Convolutional modules help."),
        Paper(id="b", title="Widget Graphs", abstract="We train a Graph Convolutional Network (GCN) on widget graphs."),
    ])
    gcn = next(e for e in corpus.entities if "GCN" in e.aliases)
    assert gcn.name == "Graph Convolutional Network"


def test_a_title_case_run_ending_in_an_adjective_before_its_noun_is_no_name():
    got = found("We stack Zorbic Convolutional layers and Deep Widgetive models, and train on Wall Street Journal "
                "data.")
    assert "Zorbic Convolutional" not in got and "Deep Widgetive" not in got
    assert "Wall Street Journal" in got  # a noun in -al ends a name


def test_a_suspended_hyphen_ends_no_name():
    got = found("We tag word pairs with Next-Zorb-Word (NZW) and Tail-Zorb-Word-* (TZW-*) relations, then decode "
                "with FlimNet.")
    assert not {n for n in got if n.endswith("-")} and "FlimNet" in got


def test_a_numbered_step_of_the_procedure_is_no_name():
    got = found("Training has two stages. In Stage-I we pretrain ZorbNet; Stage-II fine-tunes it and Phase 3 "
                "distills it into FlimNet.")
    assert not {"Stage-I", "Stage-II", "Phase 3"} & set(got) and {"ZorbNet", "FlimNet"} <= set(got)


# --- round nineteen -------------------------------------------------------------------------------

def test_counted_names_listed_after_a_colon_are_the_papers_own():
    rec = records(("Learning Widgets", "Widgets are hard to sort. We propose two estimators for noisy widget labels: "
                                       "Zorbic Widget Mixing (ZWM) and Gizmo Folding Averaging (GFA). ZWM is fast."))[0]
    assert {"Zorbic Widget Mixing", "Gizmo Folding Averaging"} <= {p["name"] for p in rec["proposes"]}
    rec = records(("Learning Widgets", "We construct two variants of widget networks: FlimNet-S and FlimNet-L, and "
                                       "test them."))[0]
    assert {"FlimNet-S", "FlimNet-L"} <= {p["name"] for p in rec["proposes"]}


def test_a_counted_colon_list_without_a_trigger_or_of_known_names_is_no_proposal():
    rec = records(("Learning Widgets", "We evaluate two settings of widget sorting: ZorbQA and FlimBench. We also "
                                       "introduce two baselines for comparison: BERT and RoBERTa."))[0]
    assert not {"ZorbQA", "FlimBench", "BERT", "RoBERTa"} & {p["name"] for p in rec["proposes"]}


def test_a_unified_perspective_subtitle_is_no_survey():
    rec = records(("FlimNet: A Unified Perspective on Learning Widget Representations",
                   "We learn widget representations from many sources. We pretrain a widget encoder on noisy data."))[0]
    assert [p["name"] for p in rec["proposes"]] == ["FlimNet"]
    rec = records(("Widget Routing: A Historical Perspective",
                   "We look back at thirty years of widget routing research and the methods it produced."))[0]
    assert rec["proposes"] == []


@pytest.mark.parametrize("title, kind", [
    ("The zWidget 2031 Challenge Dataset", "datasets"),
    ("ZorbQA Benchmark", "benchmarks"),
    ("The Flim-7 Robustness Challenge", "benchmarks"),
])
def test_a_title_that_is_the_name_of_data_is_the_papers_own_data(title, kind):
    rec = records((title, "Camera traps collect many images. We gather images from many sites and study how "
                          "classifiers cope with new regions."))[0]
    name = title.removeprefix("The ")
    assert [p["name"] for p in rec["proposes"]] == [name]
    assert name in {e["name"] for e in rec[kind]}


@pytest.mark.parametrize("title", ["Large-scale Multiview Hand Pose Dataset", "An LLM Benchmark", "A COVID-19 Dataset",
                                   "The GPU Challenge", "The ImageNet Challenge"])
def test_a_title_of_plain_generic_or_known_words_ending_in_dataset_names_nothing_new(title):
    # no coined word: a description ("An LLM Benchmark"), or a known name's event
    rec = records((title, "We capture hands from many views and annotate their poses with a semi-automatic "
                          "pipeline."))[0]
    assert rec["proposes"] == []


def test_a_sign_language_is_the_language_of_data_not_its_name():
    got = found("We record signers of American Sign Language and British Sign Language and evaluate on the "
                "ZorbSign-200 dataset.")
    assert "American Sign Language" not in got and "British Sign Language" not in got
    assert got["ZorbSign-200"][0] == "dataset"


def test_a_quality_assessment_task_acronym_before_datasets_is_no_data():
    got = found("Existing IQA datasets are small, so we train FlimIQA-Net on the ZorbIQA-10k dataset.")
    assert "IQA" not in got and got["ZorbIQA-10k"][0] == "dataset"


def test_a_known_acronym_defined_as_a_generic_phrase_names_nothing():
    # BC is a known acronym (behavior cloning), but this paper spells its plural out as plain words
    got = found("We solve widget ODEs with optimal boundary conditions (BCs). We analyze the choices of BCs and "
                "train on ZorbSet.")
    assert not {n for n in got if n.startswith("BC") or "boundary" in n.lower()}
    got = found("We pretrain the policy with behavior cloning (BC) and fine-tune it on ZorbSet.")
    assert "BC" in got or "behavior cloning" in got


def test_a_long_form_reached_back_over_a_namer_starts_after_it():
    rec = records(("Widget Sessions", "To this end, we propose a novel method, named Personalized Widget Graph "
                                      "Networks with Attention Mechanism (A-PWGN) for brevity. A-PWGN beats FooNet."))[0]
    assert [p["name"] for p in rec["proposes"]] == ["Personalized Widget Graph Networks with Attention Mechanism"]


def test_a_component_defined_with_the_letters_of_a_known_short_name_is_the_papers_own():
    # SPR is a known name (listed by its short form only); here it is this paper's own module
    rec = records(("ZorbPose: Widget Poses", "We propose ZorbPose for widget poses. Specifically, a Sparse Path "
                                            "Widget (SPR) module turns priors into features, and ZorbPose wins."))[0]
    assert "Sparse Path Widget" in {p["name"] for p in rec["proposes"]}
