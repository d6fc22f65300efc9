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
                                                  "Competition by a wide margin. Careful Tuning helps.")
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


def test_chat_and_sized_variants_are_models_in_a_measured_on_phrase():
    got = kinds("On Zorb-2-13B-chat, Zorb-3-8B-Instruct and Quill-VL-Chat with batch size one, our decoder is "
                "three times faster.")
    assert got == {"Zorb-2-13B-chat": "method", "Zorb-3-8B-Instruct": "method", "Quill-VL-Chat": "method"}


def test_acronym_before_a_collection_head_is_one_name():
    got = kinds("We tune optimizers on 30 tasks from WIDGETHPO Gym and the QRS Arena.")
    assert got == {"WIDGETHPO Gym": "benchmark", "QRS Arena": "benchmark"}


def test_generic_acronym_before_a_collection_head_is_not_joined():
    assert "LLM Arena" not in kinds("We compare votes from the LLM Arena with expert ratings.")


def test_lower_case_identifiers_after_a_plural_data_noun_are_data():
    got = kinds("On the heterophilous benchmarks plum-tree, fox-hollow and marshland, the model beats GCN.")
    assert {k for k, v in got.items() if v in DATA} == {"plum-tree", "fox-hollow", "marshland"}


def test_lower_case_identifiers_after_an_example_word_are_data():
    got = kinds("We use four datasets of the Widget Graph Benchmark, including wgb-trade and wgb-review.")
    assert {"wgb-trade", "wgb-review"} <= {k for k, v in got.items() if v in DATA}


def test_plain_dictionary_words_after_a_data_noun_are_descriptions():
    got = kinds("We collect datasets covering images, text and audio, and benchmarks math, code and science.")
    assert not {"images", "text", "audio", "math", "code", "science"} & set(got)


def test_counted_appositive_makes_a_dataset():
    got = kinds("We also release QuillSet-Train, 45K synthetic prompts with checkers, for fine-tuning.")
    assert got.get("QuillSet-Train") == "dataset"
    assert kinds("We release Fizzbot, 40k curated question-answer pairs.") == {"Fizzbot": "dataset"}


def test_train_split_suffix_makes_a_dataset():
    assert kinds("Gorpix-Train contains noisy labels.").get("Gorpix-Train") == "dataset"


def test_clause_opening_on_phrase_is_where_a_result_was_measured():
    got = kinds("Training is stable on QuarrelMark, and on ZibTrack it exceeds much larger systems.")
    assert got.get("ZibTrack") in DATA


def test_plural_data_noun_after_a_list_outweighs_gazetteer_methods():
    got = kinds("On the D-NeRF, Gorble and Flimset benchmarks, our renderer matches prior work.")
    assert got == {"D-NeRF": "benchmark", "Gorble": "benchmark", "Flimset": "benchmark"}


def test_a_list_closed_by_and_does_not_continue_after_a_comma():
    got = kinds("We test on datasets such as Plover and Garnet-ratings, QRX improves GCN backbones.")
    assert got.get("QRX") == "method" and got.get("Plover") in DATA


def test_typed_title_case_run_around_a_known_name_is_the_collection():
    got = kinds("We pretrain on the Faroese Gigaword Corpus and report results.")
    assert got == {"Faroese Gigaword Corpus": "dataset"}


def test_a_connector_word_keeps_the_known_name_apart():
    got = kinds("Scores for Multi-Hop Question Answering on HotpotQA improve by four points.")
    assert got.get("HotpotQA") in DATA and not any(" on " in k for k in got)


def test_a_score_before_on_marks_where_it_was_measured():
    got = kinds("The detector reaches 91.4 on QuolDet and 63% on Zarnix-B.")
    assert got.get("QuolDet") in DATA and got.get("Zarnix-B") in DATA


def test_members_of_a_named_suite_in_brackets_are_data():
    got = kinds("We test on tasks from the Widget suite (Plomb-func, Plomb-struct, Quarx-SP).")
    assert {"Plomb-func", "Plomb-struct", "Quarx-SP"} <= {k for k, v in got.items() if v in DATA}


def test_items_drawn_from_a_name_make_it_data():
    got = kinds("The model reuses video from Surgo80 and questions from QuizBank-2.")
    assert got.get("Surgo80") in DATA and got.get("QuizBank-2") in DATA


def test_derived_and_pretrained_affixes_leave_the_name():
    got = kinds("Unlike ZORB-IV-derived benchmarks, we use an ImageNet-pretrained encoder.")
    assert "ZORB-IV-derived" not in got and "ImageNet-pretrained" not in got


def test_variants_of_data_share_its_kind():
    got = kinds("We introduce FooTrial, a benchmark with three subsets, FooTrial-Core, FooTrial-Tool and "
                "FooTrial-Hands. Agents are weakest on FooTrial-Hands.")
    assert {got[k] for k in ("FooTrial", "FooTrial-Core", "FooTrial-Tool", "FooTrial-Hands")} <= set(DATA)


def test_the_base_of_data_variants_is_data():
    got = kinds("We extend QuillScope with 4,000 new cases; the QuillScope-v2 benchmark is harder.")
    assert got.get("QuillScope") in DATA


def test_a_word_compound_is_no_variant_of_data():
    got = kinds("We train on ZorbSet and propose Mutual-Taught, a co-training scheme.")
    assert got.get("Mutual-Taught") == "method"


def test_a_name_before_a_titled_collection_is_part_of_it():
    got = kinds("We train on the QRX-BIH Arrhythmia Database and the ZZU Widget Learning Repository.")
    assert got == {"QRX-BIH Arrhythmia Database": "dataset", "ZZU Widget Learning Repository": "dataset"}


def test_a_subtitle_of_data_items_makes_the_title_name_a_dataset():
    ms = extract_paper(Paper(id="p", title="Quorlax: Ten Thousand Annotated Sonar Scans of Harbour Floors",
                             abstract="We release Quorlax and train detectors on it."))
    assert {m.kind for m in ms if m.text == "Quorlax"} == {"dataset"}


def test_a_subtitle_of_generated_items_names_a_method():
    ms = extract_paper(Paper(id="p", title="Quorlax: Generating Realistic Videos from Text",
                             abstract="We propose Quorlax, a diffusion model for videos."))
    assert {m.kind for m in ms if m.text == "Quorlax"} == {"method"}


def test_a_count_after_a_possessive_is_no_owner():
    got = kinds("The retriever improves nDCG@10 on QUIRKL's 18 languages.")
    assert got.get("QUIRKL") in DATA


def test_a_task_noun_before_on_names_where_it_was_measured():
    got = kinds("We also report sentiment classification on AfroZent and semantic segmentation on the PlumScape.")
    assert got.get("AfroZent") in DATA and got.get("PlumScape") in DATA


def test_training_set_names_data():
    assert kinds("Tests rarely cover the ZANCO training set.").get("ZANCO") in DATA


def test_items_pooled_from_names_are_data():
    got = kinds("The photographs were pooled from EyeBankX, ORBIS-5K and two hospital archives.")
    assert got.get("EyeBankX") in DATA and got.get("ORBIS-5K") in DATA


def test_mixed_case_name_before_arena_is_one_name():
    assert kinds("It ranks first on the community-run DeepFoo Arena.") == {"DeepFoo Arena": "benchmark"}


def test_versioned_sized_models_are_methods():
    got = kinds("On Zorb-3.1-8B-Instruct and Quill-7B-v0.3, pruning keeps 98% of the accuracy.")
    assert got == {"Zorb-3.1-8B-Instruct": "method", "Quill-7B-v0.3": "method"}


def test_evaluating_subtitle_makes_the_title_name_a_benchmark():
    ms = extract_paper(Paper(id="p", title="PlanSketch-2K: Evaluating Proof Planning in Geometry",
                             abstract="We evaluate ten models on PlanSketch-2K."))
    assert {m.kind for m in ms if m.text == "PlanSketch-2K"} <= set(DATA)


def test_a_subtitle_with_a_comma_before_benchmark_types_the_title_name():
    ms = extract_paper(Paper(id="p", title="Quarrex 2.0: A Harder, Reproducible Benchmark for Hand Skills",
                             abstract="Quarrex 2.0 adds 40 tasks to Quarrex."))
    assert {m.kind for m in ms if m.text.startswith("Quarrex")} <= set(DATA)


def test_a_defined_acronym_before_its_benchmark_stays_a_concept():
    got = kinds("We study Widget-Orthogonal Reasoning (WOR) and release WOR-Bench, a suite of 300 puzzles.")
    assert got.get("WOR-Bench") in DATA and got.get("WOR") not in DATA


def test_sensing_modalities_are_no_entities():
    assert kinds("We pretrain on 1,280 MRI scans, EEG recordings and RGB-D videos.") == {}


def test_countries_are_no_entities():
    assert kinds("We recruited raters in the United States, Kenya and Southeast Asia.") == {}


def test_qualified_metrics_and_metrics_at_a_cutoff_are_no_entities():
    assert kinds("We report macro-F1, brier-minFDE, Recall@10 and nDCG@5 for all systems.") == {}


def test_number_formats_are_no_entities():
    assert kinds("Kernels run in FP16, BF16 and INT8 on the same device.") == {}


def test_labelled_affix_leaves_the_name():
    assert "QuillForge-labelled" not in kinds("We train on 1.4 million QuillForge-labelled steps.")


# --- classes learned from batch I of the invented listings (a realistic daily stream) ----------------

def test_a_short_coded_acronym_before_a_data_noun_is_data():
    assert kinds("We evaluate on the Q3R benchmark and on object erasure tasks.") == {"Q3R": "benchmark"}
    assert "ST" not in kinds("Results on the ST benchmark are mixed.")  # two letters, no digit: still no name


def test_a_name_set_off_after_a_singular_data_noun_is_that_data():
    assert kinds("The resulting dataset, WidgetMath-400K, contains 400K problems.") == \
        {"WidgetMath-400K": "dataset"}
    assert kinds("We build a new benchmark, QuuxEval, that tests planning.") == {"QuuxEval": "benchmark"}


def test_a_name_after_a_data_noun_behind_a_preposition_is_what_ran_on_it():
    assert kinds("On this benchmark, FooNet, a small model, is best.").get("FooNet") == "method"


def test_a_set_of_counted_items_is_a_dataset():
    got = kinds("We release SpokenFoo-1K, a set of 1,000 spoken requests recorded by 40 speakers.")
    assert got == {"SpokenFoo-1K": "dataset"}


def test_a_score_change_names_what_was_measured():
    got = kinds("The final model improves WeZorb strict score from 36.2 to 44.9 and QuuxVista accuracy from 61 to 70.")
    assert got == {"WeZorb": "benchmark", "QuuxVista": "benchmark"}
    assert kinds("Training WidgetNet from 10 to 20 epochs helps.").get("WidgetNet") != "benchmark"  # no metric word


def test_instances_drawn_from_a_name_are_data():
    assert kinds("Heuristics are tested on instances from ZORBLIB and QUUXLIB.") == \
        {"ZORBLIB": "dataset", "QUUXLIB": "dataset"}


def test_lower_case_task_ids_in_a_measured_list_are_benchmarks():
    got = kinds("The pruned model keeps 97% of average accuracy on MMLU, foo_easy, foo_hard, zorbq, quuxswag and "
                "GSM8K, beating merging.")
    assert {k for k, v in got.items() if v == "benchmark"} == {"MMLU", "foo_easy", "foo_hard", "zorbq", "quuxswag",
                                                               "GSM8K"}


def test_plain_words_after_a_result_on_stay_descriptions():
    assert kinds("We report accuracy on math, code and chat, and results on reasoning and planning tasks.") == {}


def test_hub_ids_in_running_text_are_data_or_models():
    got = kinds("We fine-tune on WidgetOrg/fineweb-gizmo and zorblab/dolmax, evaluating on quux/mmlux with "
                "acme/Widget-3.1-8B, using input/output pairs, CPU/GPU offload and train/test splits.")
    assert got == {"WidgetOrg/fineweb-gizmo": "dataset", "zorblab/dolmax": "dataset", "quux/mmlux": "benchmark",
                   "acme/Widget-3.1-8B": "method"}


def test_a_repository_written_as_text_is_no_dataset():
    assert "zorblab/widget-o1" not in kinds("Code: GitHub - zorblab/widget-o1: reasoning models.")


def test_a_data_name_set_off_at_the_end_of_a_sentence():
    assert kinds("We release the resulting dataset, Widgetose-900M.") == {"Widgetose-900M": "dataset"}


def test_a_v_version_after_a_data_name_belongs_to_it():
    assert kinds("We evaluate retrieval on Clotho v2 and report recall.") == {"Clotho v2": "dataset"}


# --- classes from batch M (conference-style papers) ----------------------------------------------------------

def test_lower_case_ids_after_an_example_word_with_a_list_closed_by_and_the():
    got = kinds("On UCI regression benchmarks including kin40x, protein, elevators and the airline delays "
                "dataset, our method wins.")
    assert {"kin40x", "protein", "elevators"} <= {k for k, v in got.items() if v in DATA}


def test_games_and_suite_tasks_in_brackets_are_benchmarks():
    got = kinds("Exploration improves on Atari games including Zorbtezuma's Revenge, Ventura and Private Owl.")
    assert {"Zorbtezuma's Revenge", "Ventura", "Private Owl"} <= {k for k, v in got.items() if v == "benchmark"}
    got = kinds("On MuJoCo locomotion tasks (Hopster, Walkerbot and Antz), our method matches the baseline.")
    assert {"Hopster", "Walkerbot", "Antz"} <= {k for k, v in got.items() if v == "benchmark"}
    got = kinds("On VQA tasks (Captioning, Retrieval), results vary.")  # a task acronym is no known suite
    assert not {"Captioning", "Retrieval"} & set(got)


def test_lower_case_ids_closed_by_a_plural_data_noun():
    assert kinds("Experiments with the zews20, gizmo7 and kdd2031 datasets show speedups.") == \
        {"zews20": "dataset", "gizmo7": "dataset", "kdd2031": "dataset"}
    assert kinds("We collect email and clinical-note corpora and noisy, multi-speaker environments.") == {}


def test_a_list_closed_by_data_sets_written_apart():
    assert kinds("In back-tests on the NYZE, TSX9 and DJIZ data sets, wealth grows.") == \
        {"NYZE": "dataset", "TSX9": "dataset", "DJIZ": "dataset"}


def test_a_hyphenated_modifier_between_a_name_and_its_data_noun():
    assert kinds("Experiments on the WIDGET-WEB10K learning-to-rank dataset show gains.") == \
        {"WIDGET-WEB10K": "dataset"}


def test_known_names_joined_by_a_slash_are_alternatives_not_hub_ids():
    got = kinds("We use GPT-4/Claude judges, compare PPO/GRPO and SFT/RL stages, with Llama-3/Qwen2.5 backbones.")
    assert not any("/" in k for k in got), got


def test_a_hub_id_after_another_hosts_id_is_still_an_id():
    got = kinds("We train on HuggingFaceFW/fineweb-gizmo and zorblab/dolmax.")
    assert got == {"HuggingFaceFW/fineweb-gizmo": "dataset", "zorblab/dolmax": "dataset"}
