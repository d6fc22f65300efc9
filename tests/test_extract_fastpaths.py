"""The extractor's fast paths give what the slow, obvious code gives (issue 15: same mentions, less time).

Invented sentences only. Each fast path is checked against spaCy's own objects or the dataclass.
"""
import dataclasses
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import make_nlp
from kg.models import Mention

_PIECES = ["Widget", "Zorb-2", "GSM8K", "we", "propose", "the", "on", "and", ",", ".", "!", "?", ":", ";", "e.g.",
           "(", ")", "WXPO", "Foo Bar", "https://github.com/a/b", "\n", "  ", "...", "x.", "Ab.", "3.5", "\u00e9t\u00e9",
           "DeepSeek-R1", "- ", "\u2022"]


def _doc(text: str):
    from extractors.docstate import DocState

    nlp = make_nlp()
    doc = nlp.tokenizer(text)
    doc._.kg = DocState(text, "abstract")
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join))
def test_token_columns_sentences_and_ids_agree_with_spacy(text):
    from extractors.docutil import sentence_bounds, sentence_ids, token_columns, token_table

    doc = _doc(text)
    table = token_table(doc)
    cols = token_columns(doc)
    assert list(cols.text) == [t.text for t in table] == [t.text for t in doc]
    assert list(cols.lower_) == [t.lower_ for t in table]
    assert list(cols.idx) == [t.idx for t in table] == [t.idx for t in doc]
    assert list(cols.is_sent_start) == [t.is_sent_start for t in table]
    assert list(cols.is_title) == [t.is_title for t in table]
    assert [list(c) for c in (cols.is_lower, cols.is_alpha, cols.like_url)] == \
        [[t.is_lower for t in table], [t.is_alpha for t in table], [t.like_url for t in table]]
    if len(doc):
        assert sentence_bounds(doc) == [(s.start_char, s.end_char) for s in doc.sents]
        sents = list(doc.sents)
        assert sentence_ids(doc) == [next(k for k, s in enumerate(sents) if s.start <= t.i < s.end) for t in doc]
    else:
        assert sentence_ids(doc) == []


def test_token_columns_of_an_empty_doc():
    from extractors.docutil import token_columns, token_table

    doc = _doc("")
    assert token_table(doc) == [] and token_columns(doc).text == ()


_VALUES = dict(kind="method", text="Zorb", field="abstract", start=4, end=8, sentence="The Zorb net.", sentence_start=0,
               rule="shape:mixed", confidence=0.5)


@pytest.mark.parametrize("extra", [{}, {"proposed": True, "long_form": "Zero Orbit"},
                                   {"url": "https://github.com/a/b", "own": True, "link_type": "code", "ref": "x"}])
def test_new_mention_is_the_dataclass(extra):
    from extractors.docutil import new_mention

    fast, slow = new_mention({**_VALUES, **extra}), Mention(**_VALUES, **extra)
    assert type(fast) is Mention
    assert fast == slow and hash(fast) == hash(slow)
    assert dataclasses.astuple(fast) == dataclasses.astuple(slow)
    assert list(fast.__dict__) == list(slow.__dict__)
    assert pickle.dumps(fast) == pickle.dumps(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = "other"


def test_fast_constructors_reject_unknown_fields():
    from extractors.docutil import make_mention
    from extractors.extract import _with

    m = Mention(**_VALUES)
    assert _with(m, kind="dataset") == dataclasses.replace(m, kind="dataset")
    with pytest.raises(TypeError, match="colour"):
        _with(m, colour="red")
    doc = _doc("The Zorb net.")
    assert make_mention(doc, 4, 8, "method", "shape:mixed", 0.5) == m
    with pytest.raises(TypeError, match="colour"):
        make_mention(doc, 4, 8, "method", "shape:mixed", 0.5, colour="red")
