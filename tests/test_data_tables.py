"""Bundled data tables fail loudly (issue 13, bug 7): a malformed row is a typed error naming file and line,
never a silently disabled list; english-words is imported as the hard dependency it is."""
from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest

from extractors import decide, gazetteer, terms
from kg.errors import DataError, InputError

_BAD_STOPTERMS = "category\tterm\nfield\tinvented field\nnot-a-category\tinvented widget\n"


@pytest.fixture
def clear_caches():
    def clear():
        for fn in (gazetteer._stopterms, terms._stops, terms.stop_category, terms.stop_first_words,
                   decide.load_model):
            fn.cache_clear()
    clear()
    yield
    clear()


def test_malformed_stopterm_row_raises_naming_file_and_line(monkeypatch, clear_caches):
    monkeypatch.setattr(gazetteer, "_read", lambda name: _BAD_STOPTERMS)
    with pytest.raises(DataError) as info:
        terms.stop_category("invented field")
    err = info.value
    assert err.file == "extractors/data/stopterms.tsv" and err.line == 3
    assert "not-a-category" in str(err) and str(err).startswith("extractors/data/stopterms.tsv:3: ")


def test_stop_list_with_a_short_row_is_an_error_not_an_empty_list(monkeypatch, clear_caches):
    monkeypatch.setattr(gazetteer, "_read", lambda name: "category\tterm\nfield\n")
    with pytest.raises(gazetteer.GazetteerError, match=r"stopterms\.tsv:2: expected 2 tab-separated fields"):
        terms.stop_first_words()


def test_bundled_stop_list_loads(clear_caches):
    assert terms.stop_category("reinforcement learning") == "field"
    assert len(terms._stops()) > 1000


def test_data_error_survives_pickling():
    err = gazetteer.GazetteerError("extractors/data/gazetteer.tsv", "empty name", 7)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is gazetteer.GazetteerError and str(back) == str(err)
    assert isinstance(back, DataError) and isinstance(back, InputError)


@pytest.mark.parametrize("content, reason", [
    (None, "cannot read the proposal model"),
    ("{not json", "not JSON"),
    (json.dumps({"other": {}}), "no proposal model"),
    (json.dumps({"proposes": {"features": ["x"], "weights": [1.0], "threshold": 0.5}}), "features differ"),
])
def test_proposal_model_missing_or_malformed_raises(tmp_path, monkeypatch, clear_caches, content, reason):
    path = tmp_path / "decisions.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(decide, "MODEL_PATH", path)
    with pytest.raises(DataError, match=reason) as info:
        decide.load_model()
    assert info.value.file == "extractors/data/decisions.json"


def test_english_words_is_a_hard_import():
    """Without the english-words package the extractor does not import at all (it used to import and
    look the words up later, or not at all on paths that never needed them)."""
    code = ("import sys; sys.modules['english_words'] = None\n"
            "try:\n    import extractors.gazetteer\nexcept ImportError:\n    print('refused')\n"
            "else:\n    print('imported')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "refused"
