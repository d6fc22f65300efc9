"""Typing classes of data and metric names whose cue is not adjacent (issue 12, classes 3 and 8). Invented sentences."""
from extractors import extract_paper
from kg.models import Paper


def kinds(abstract):
    ms = extract_paper(Paper(id="p", title="A Study", abstract=abstract))
    return {m.text: m.kind for m in ms if m.kind in ("method", "dataset", "benchmark")}


def test_metric_compounds_are_no_entities():
    assert kinds("We report ROC-AUC and PR-AUC on three tasks and BLEU-4 for captions.") == {}


def test_example_after_a_corpus_noun_is_a_dataset():
    assert kinds("We use a large web corpus (e.g. FooCorpus) for pretraining.") == {"FooCorpus": "dataset"}


def test_collection_endings_are_datasets():
    assert kinds("We release WidgetBank and train on Gadget-DB.") == {"WidgetBank": "dataset", "Gadget-DB": "dataset"}


def test_model_sizes_stay_methods():
    assert kinds("We train ResNet-50 and BERT-Large.") == {"ResNet-50": "method", "BERT-Large": "method"}


DATA = ("dataset", "benchmark")


def test_plain_words_listed_after_a_data_noun_are_data():
    got = kinds("We evaluate on three datasets: Quorra, Belmont, and Tirex.")
    assert set(got) == {"Quorra", "Belmont", "Tirex"} and set(got.values()) <= set(DATA)


def test_plain_words_before_a_plural_data_noun_are_data():
    got = kinds("Experiments on the Pelican and Gannet suites show gains.")
    assert got == {"Pelican": "benchmark", "Gannet": "benchmark"}


def test_member_coordinated_with_known_data_after_on_is_data():
    got = kinds("In zero-shot evaluation on Spider and Tarantula, it writes correct SQL.")
    assert got.get("Tarantula") in DATA


def test_comma_after_a_prepositional_phrase_is_no_list():
    got = kinds("For example, on GSM8K, WidgetStep reduces token usage by half.")
    assert got.get("WidgetStep") == "method"


def test_quality_metric_on_a_name_makes_it_a_benchmark():
    got = kinds("It reaches 81.2 mAP on FooDet and 45.0 FID on BarGen-256.")
    assert got == {"FooDet": "benchmark", "BarGen-256": "benchmark"}


def test_cost_metric_on_hardware_is_no_benchmark():
    got = kinds("We measure a large speedup on WidgetChip-9 accelerators.")
    assert got.get("WidgetChip-9") not in DATA


def test_fine_tune_it_on_and_evaluate_zero_shot_on():
    got = kinds("We fine-tune it on Gizmo-Mix and evaluate zero-shot on GizmoHeld.")
    assert got.get("Gizmo-Mix") in DATA and got.get("GizmoHeld") in DATA


def test_named_split_is_data_but_splits_as_a_verb_is_not():
    assert kinds("We report results on the Heron split.") == {"Heron": "benchmark"}
    assert kinds("SplitNet splits the input into patches.").get("SplitNet") == "method"


def test_word_compound_name_with_a_data_cue_is_kept():
    assert kinds("The model is trained on Parrot-Instruct.").get("Parrot-Instruct") in DATA


def test_counted_data_noun_and_comma_before_as_many_names():
    got = kinds("We use two real-world datasets, Quorrax and Belmontia, collected from clinics.")
    assert got.get("Quorrax") in DATA and got.get("Belmontia") in DATA
    # a count that does not match the list says nothing about it
    got = kinds("We use three datasets, and Quorrax and Belmontia are two of them.")
    assert got.get("Quorrax") is None or got.get("Quorrax") not in DATA


def test_name_after_on_in_a_clause_reporting_a_result_is_a_benchmark():
    got = kinds("Our model outperforms Gizmo-LM on Quorrax-7.")
    assert got == {"Gizmo-LM": "method", "Quorrax-7": "benchmark"}
    got = kinds("Our model improves results, based on Gizmo-LM features.")
    assert got.get("Gizmo-LM") == "method"


def test_subset_of_a_name_is_data():
    assert kinds("We hold out a subset of GizmoCorp-2 for testing.").get("GizmoCorp-2") in DATA


def test_evaluation_events_are_benchmarks_with_their_year():
    assert kinds("Our planner solves most tasks of the 2008 International Widget Planning Competition.") == \
        {"2008 International Widget Planning Competition": "benchmark"}
    assert kinds("Our system ranked first in the Gizmo Detection Challenge 2023.") == \
        {"Gizmo Detection Challenge 2023": "benchmark"}


def test_single_title_case_name_typed_by_its_ending_survives_resolution():
    from extractors import extract_corpus, paper_record

    paper = Paper(id="p", title="A Study", abstract="Our planner wins the 2008 International Widget Planning "
                                                  "Competition by a wide margin. Majority Voting helps.")
    corpus = extract_corpus([paper])
    rec = paper_record(paper, corpus.papers[0], corpus)
    assert [e["name"] for e in rec["benchmarks"]] == ["2008 International Widget Planning Competition"]
    assert rec["methods"] == []  # a capitalised phrase seen once, with nothing behind it, is still dropped


def test_type_noun_introducing_a_list_outweighs_a_homonym_method():
    # "Chameleon" is also a known model name; introduced as one of the benchmarks it is data
    got = kinds("On nine graph benchmarks, including Roman-Empire, Widget-Ratings and Chameleon, it wins.")
    assert got.get("Roman-Empire") in DATA and got.get("Widget-Ratings") in DATA and got.get("Chameleon") in DATA


def test_edition_year_joins_a_named_collection_of_data():
    assert "Amazon Reviews 2023" in kinds("We train on Amazon Reviews 2023 and report recall.")


def test_names_in_a_sentence_initial_on_phrase_are_benchmarks():
    got = kinds("On Zorbix-2, QUUX, WADL and the recent Blip suite, WidgetCon improves recall by 4 points.")
    assert {k: v for k, v in got.items() if k != "WidgetCon"} == {
        "Zorbix-2": "benchmark", "QUUX": "benchmark", "WADL": "benchmark", "Blip": "benchmark"}
    assert got["WidgetCon"] == "method"  # the main clause's subject is no place of measurement


def test_sized_model_in_a_leading_on_phrase_stays_a_model():
    got = kinds("On Gizmo-3-8B, WidgetQuant keeps accuracy.")
    assert got == {"Gizmo-3-8B": "method", "WidgetQuant": "method"}


def test_named_split_or_resolution_belongs_to_the_data_name():
    got = kinds("We report WER on LibriSpeech test-clean and FID on ImageNet 64x64.")
    assert got == {"LibriSpeech test-clean": "dataset", "ImageNet 64x64": "dataset"}


def test_database_noun_and_evaluate_them_on():
    assert kinds("We train on reactions from the Open Widget Database.") == {"Open Widget Database": "dataset"}
    assert kinds("We evaluate them on Gizmo-1M and Widget-20K.") == {"Gizmo-1M": "benchmark", "Widget-20K": "benchmark"}


def test_natural_languages_are_no_data_names():
    got = kinds("Reward models trained on English preference data transfer to Swahili and Icelandic.")
    assert not any(k in got for k in ("English", "Swahili", "Icelandic"))


def test_a_benchmarks_problems_and_score_keep_the_benchmark():
    assert kinds("Using WidgetBench problems, we train a solver.") == {"WidgetBench": "benchmark"}
    assert kinds("Distilling it preserves the GizmoEval score within 0.1 points.") == {"GizmoEval": "benchmark"}


def test_version_number_joins_a_data_name():
    got = kinds("We evaluate on CATH 4.2 and SQuAD 2.0.")
    assert got == {"CATH 4.2": "dataset", "SQuAD 2.0": "dataset"}


def test_one_capitalised_word_after_known_data_names_a_part_of_it():
    got = kinds("Results on ImageNet Sketch and ImageNet-R show robustness.")
    assert got == {"ImageNet Sketch": "dataset", "ImageNet-R": "dataset"}
    # a longer Title Case name is not cut after its first word
    got = kinds("We use ImageNet Large Scale Visual Recognition Challenge images.")
    assert "ImageNet Large" not in got


def test_title_that_is_a_known_collections_full_name_proposes_it():
    ms = extract_paper(Paper(id="p", title="ImageNet Large Scale Visual Recognition Challenge",
                             abstract="The challenge has been run annually with widget categories and images."))
    assert any(m.proposed and m.kind == "dataset" for m in ms)
