"""scripts/add_word_list_rows.py: the check new word-list rows go through before they join the bundled files."""
from __future__ import annotations

from script_modules import ROOT, load_script

rows = load_script(ROOT / "scripts" / "add_word_list_rows.py", "paperkg_add_word_list_rows")


def test_known_names_stop_terms_dictionary_words_and_exclusions_are_dropped():
    vetter = rows.Vetter(exclude={"ZORBX"})
    assert vetter.gazetteer_row(["dataset", "ImageNet", "", "lower"])[0] is None  # a known name
    assert vetter.gazetteer_row(["dataset", "imagenet", "", "lower"])[0] is None  # the same name, other case
    assert vetter.gazetteer_row(["method", "large language models", "", "lower"])[0] is None  # a stop term
    assert vetter.gazetteer_row(["dataset", "Pebbles", "", "lower"])[0] is None  # a dictionary word
    assert vetter.gazetteer_row(["dataset", "ZORBX", "", "cased"])[0] is None  # excluded by hand
    row, notes = vetter.gazetteer_row(["dataset", "Zorbset-9K", "COCO|Zorbset9K|Zorbset9K", "lower"])
    assert row == ["dataset", "Zorbset-9K", "Zorbset9K", "lower"]  # a known alias and a repeat left out
    assert any("COCO" in n for n in notes)
    # a row accepted once is known: the same name later in the file is a duplicate
    assert vetter.gazetteer_row(["benchmark", "Zorbset-9K", "", "lower"])[0] is None


def test_a_name_of_ordinary_words_is_cased_so_only_its_spelling_matches():
    vetter = rows.Vetter()
    assert vetter.gazetteer_row(["dataset", "Pebble-Tools", "", "lower"])[0][3] == "cased"
    assert vetter.gazetteer_row(["dataset", "Quuxbench Tools", "", "lower"])[0][3] == "lower"


def test_stop_terms_are_no_gazetteer_forms_and_keep_their_category():
    vetter = rows.Vetter()
    assert vetter.stop_row(["metric", "ZQ-score@5"])[0] == ["metric", "ZQ-score@5"]
    assert vetter.stop_row(["metric", "ImageNet"])[0] is None  # a known name is never a stop term
    assert vetter.stop_row(["nonsense", "foo bar"])[0] is None


def test_rows_fold_into_their_section_sorted_and_a_missing_section_is_made():
    text = "kind\tname\taliases\tmatch\n\n# dataset: a\ndataset\tBeta\t\tlower\ndataset\tDelta\t\tlower\n\n" \
           "# method: b\nmethod\tEpsilon\t\tlower\n"
    out = rows.fold_in(text, "# dataset: a", ["dataset\tAlpha\t\tlower", "dataset\tgamma\t\tlower"], 1)
    assert out.split("# method: b")[0].split("# dataset: a\n")[1].split() == \
        ["dataset", "Alpha", "lower", "dataset", "Beta", "lower", "dataset", "Delta", "lower", "dataset", "gamma",
         "lower"]
    out = rows.fold_in(text, "# dataset: c", ["dataset\tZeta\t\tlower"], 1)
    assert "dataset\tDelta\t\tlower\n\n# dataset: c\ndataset\tZeta\t\tlower\n\n# method: b" in out
