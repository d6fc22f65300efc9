"""The extraction plumbing: one entry point per job, one spaCy pipeline, Doc state in one registered extension."""
from __future__ import annotations

import doctest
import importlib.util

import spacy

import extractors
import extractors.corpus
from extractors.docstate import DocState, state
from extractors.pipeline import make_nlp
from kg.models import Paper

URL_PAPER = Paper(id="u", title="ZQNet: Zonal Queries",
                  abstract="We propose ZQNet (Zonal Query Network). Our code is available at https://github.com/a/zq. "
                           "We build on the toolkit at https://github.com/b/tk and evaluate on ImageNet.")


def test_one_entry_point_per_job():
    public = {name for name in extractors.__all__ if name.startswith("extract_")}
    assert public == {"extract_paper", "extract_corpus"}
    assert importlib.util.find_spec("kg.extraction") is None  # the former second path is gone
    one = extractors.extract_paper(URL_PAPER)
    corpus = extractors.extract_corpus([URL_PAPER])
    assert {m.url for m in one if m.kind == "repo"} == {m.url for m in corpus.papers[0].repos}


def test_entry_point_examples_run():
    result = doctest.testmod(extractors.corpus, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 2 and result.failed == 0


def test_one_spacy_pipeline(monkeypatch):
    """Building the pipeline and extracting a paper with code links makes exactly one blank English
    pipeline (the ownership cues used to build a second one)."""
    made = []
    blank = spacy.blank

    def counting_blank(*args, **kwargs):
        made.append(args)
        return blank(*args, **kwargs)

    monkeypatch.setattr(spacy, "blank", counting_blank)
    make_nlp.cache_clear()
    try:
        mentions = extractors.extract_paper(URL_PAPER)
    finally:
        make_nlp.cache_clear()  # later tests build the pipeline again without the counting wrapper
    assert [(m.url, m.own) for m in mentions if m.kind == "repo"] == [("https://github.com/a/zq", True),
                                                                      ("https://github.com/b/tk", False)]
    assert len(made) == 1


def test_components_leave_their_findings_on_the_registered_extension():
    nlp = make_nlp()
    doc = nlp.make_doc(URL_PAPER.abstract)
    state(doc, "abstract")
    doc = nlp(doc)
    st = doc._.kg
    assert isinstance(st, DocState) and state(doc) is st  # the fast path reads the extension's own value
    assert [(ab.short, ab.long) for ab in st.abbrevs] == [("ZQNet", "Zonal Query Network")]
    assert any(label for label, _s, _e in st.gazetteer)  # ImageNet
    assert [m.url for m in st.urls] == ["https://github.com/a/zq", "https://github.com/b/tk"]
    # nothing is passed through ad hoc user_data keys: the only entry is the extension's own
    assert list(doc.user_data) == [("._.", "kg", None, None)]


def test_pipeline_vocabulary_leaves_room_for_the_corpus():
    """Component patterns are not made in the pipeline's Vocab: past 10,000 lexemes spaCy keeps no new
    word and its tokenizer caches no chunk holding one (the pipeline tokenized 3x slower than spaCy's)."""
    make_nlp.cache_clear()
    try:
        nlp = make_nlp()
        assert len(nlp.vocab) < 10_000
        nlp.tokenizer("A zorblefragulation of widgets.")
        assert "zorblefragulation" in nlp.vocab  # a permanent lexeme: the tokenizer can cache its chunk
        # the matchers still match what they matched (the patterns' hashes do not depend on the Vocab)
        doc = nlp("We propose ZQNet and evaluate it on the ImageNet benchmark.")
        assert any(label.endswith("\tImageNet") for label, _s, _e in doc._.kg.gazetteer)
    finally:
        make_nlp.cache_clear()


def test_pipeline_computes_the_lexical_attributes_it_reads():
    """New lexemes get only the attributes the extractors read (the rest cost a third of the tokenizer's time
    on unseen text), and those agree with spaCy's full English set."""
    from spacy.attrs import IDS

    from extractors.pipeline import LEXICAL_ATTRIBUTES

    nlp = make_nlp()
    assert set(nlp.vocab.lex_attr_getters) == {IDS[name] for name in LEXICAL_ATTRIBUTES}
    full = spacy.blank("en")
    text = "Qzorp-7B, QZORPNET and qzorpify reach https://qzorp.example.org/x ; ( QzorpBench )."
    for ours, theirs in zip(nlp.make_doc(text), full.make_doc(text)):
        assert ours.text == theirs.text
        for attr in ("lower_", "is_alpha", "is_lower", "is_upper", "is_title", "is_punct", "is_space", "like_url"):
            assert getattr(ours, attr) == getattr(theirs, attr), (ours.text, attr)
