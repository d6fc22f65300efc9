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
