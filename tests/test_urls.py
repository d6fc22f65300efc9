"""Tests for the URL extractors: spans (extractors.url_spans), normalisation and classification
(extractors.urls), own-code and link-type cues (the kg_urls component, extractors.url_owner)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from extractors.docstate import state
from extractors.pipeline import make_nlp
from extractors.url_spans import configure_tokenizer, find_spans
from extractors.urls import LINK_TYPES, classify_url, normalize_url

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


@pytest.fixture(scope="module")
def plain_nlp():
    """The stock blank tokenizer: find_spans must cope without configure_tokenizer too."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def extract_urls(doc):
    """The URL mentions the pipeline's ``kg_urls`` component makes of ``doc`` (any tokenizer)."""
    return list(make_nlp().get_pipe("kg_urls").mentions(doc))


def is_own_code(sentence, start):
    """The ``own`` flag of the repository mention at ``start`` of a one-sentence text."""
    doc = make_nlp()(sentence)
    (m,) = [m for m in state(doc).urls if m.start == start]
    return m.own


def mentions(nlp, text, field=None):
    doc = nlp(text)
    if field:
        state(doc).field = field
    return list(extract_urls(doc))


# --------------------------------------------------------------------------- normalize_url

NORMALISE = [
    ("https://github.com/hologerry/SoCo", "https://github.com/hologerry/SoCo"),
    ("https://github.com/hologerry/SoCo.", "https://github.com/hologerry/SoCo"),
    ("https://github.com/a/b,", "https://github.com/a/b"),
    ("https://github.com/a/b;", "https://github.com/a/b"),
    ("https://github.com/a/b)", "https://github.com/a/b"),
    ("https://github.com/a/b}", "https://github.com/a/b"),
    ("https://github.com/a/b]", "https://github.com/a/b"),
    ("https://github.com/a/b).", "https://github.com/a/b"),
    ("(https://github.com/a/b)", "https://github.com/a/b"),
    ("\\url{https://github.com/mukhal/grace.}", "https://github.com/mukhal/grace"),
    ("\\url{http://pr.cs.cornell.edu/coactive}", "https://pr.cs.cornell.edu/coactive"),
    ("https://github.com/x/TreeRPO{https://github.com/x/TreeRPO}", "https://github.com/x/TreeRPO"),
    ("\\href{https://github.com/x/Y}{https://github.com/x/Y}", "https://github.com/x/Y"),
    ("{https://a.github.io/}", "https://a.github.io"),
    ("https://github.com/pagand/model_optimze_vessel/tree/AAAI", "https://github.com/pagand/model_optimze_vessel"),
    ("https://github.com/microsoft/LMOps/tree/main/data_selection", "https://github.com/microsoft/LMOps"),
    ("https://github.com/a/b/blob/main/README.md", "https://github.com/a/b"),
    ("https://bitbucket.org/a/b/src/master/x.py", "https://bitbucket.org/a/b"),
    ("https://gitlab.com/grp/proj/-/tree/main?ref=x#frag", "https://gitlab.com/grp/proj"),
    ("https://github.com/a/b.git", "https://github.com/a/b"),
    ("https://github.com/a/b?tab=readme#usage", "https://github.com/a/b"),
    ("https://github.com/a/b/", "https://github.com/a/b"),
    ("http://github.com/facebookresearch/meta-ot", "https://github.com/facebookresearch/meta-ot"),
    ("http://www.GitHub.com/Owner/Repo", "https://github.com/Owner/Repo"),
    ("github.com/anyasims/edge-of-reach.", "https://github.com/anyasims/edge-of-reach"),
    ("huggingface.co/meta-llama/Llama-2-7b/tree/main", "https://huggingface.co/meta-llama/Llama-2-7b"),
    ("https://huggingface.co/datasets/foo/Bar-1/viewer/default", "https://huggingface.co/datasets/foo/Bar-1"),
    ("https://huggingface.co/spaces/a/b", "https://huggingface.co/spaces/a/b"),
    ("diffusion-ppo.github.io", "https://diffusion-ppo.github.io"),
    ("https://cond-image-leak.github.io/.", "https://cond-image-leak.github.io"),
    ("https://zerg-overmind.github.io/GaussianFlow.github.io/", "https://zerg-overmind.github.io/GaussianFlow.github.io"),
    ("https://agarwalsiddhant10.github.io/projects/psm.html.", "https://agarwalsiddhant10.github.io/projects/psm.html"),
    ("https://sites.google.com/view/box-o-flows/home.", "https://sites.google.com/view/box-o-flows/home"),
    ("https://www.youtube.com/watch?v=ayAzID1_qQk,", "https://www.youtube.com/watch?v=ayAzID1_qQk"),
    ("https://x.org/page?utm_source=tw&id=3", "https://x.org/page?id=3"),
    ("https://x.org/page#", "https://x.org/page"),
    ("https://x.org/doc#section-2", "https://x.org/doc#section-2"),
    ("HTTPS://Example.ORG/Path/", "https://example.org/Path"),
    ("www.example.com/a;", "https://www.example.com/a"),
    ("https://en.wikipedia.org/wiki/Foo_(bar).", "https://en.wikipedia.org/wiki/Foo_(bar)"),
    ("https://example.org:8080/x/", "https://example.org:8080/x"),
    ("youtu.be/abc", "https://youtu.be/abc"),
    ("https://x.org/d](https://x.org/d)", "https://x.org/d"),
    ("\u201chttps://x.org/q\u201d.", "https://x.org/q"),
]


@pytest.mark.parametrize("raw,expected", NORMALISE)
def test_normalize_url_table(raw, expected):
    assert normalize_url(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["e.g.", "i.e.", "Fig.1", "v1.2", "3.5x", "foo@bar.com", "model.pt", "README.md", "setup.py",
     "GPT-3.5", "Llama-3.1", "arXiv:2401.12345", "mailto:a@b.org", "hello", "", "a b.com",
     "javascript:alert(1)", "http://", "U.S.", "results.In"],
)
def test_normalize_url_rejects_non_urls(raw):
    assert normalize_url(raw) is None


@pytest.mark.parametrize("raw,expected", NORMALISE)
def test_normalize_url_is_a_fixed_point(raw, expected):
    assert normalize_url(expected) == expected


@pytest.mark.shared
def test_normalized_urls_are_fixed_points_of_the_scorer():
    score = _load_scorer()
    for _raw, expected in NORMALISE:
        if expected.endswith(")"):
            continue  # the scorer strips a balanced ")" too; both sides of a comparison alike
        assert score.norm_url(expected) == expected.lower(), expected


# --------------------------------------------------------------------------- classify_url

@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://github.com/a/b", ("repo", "code")),
        ("https://gitlab.com/a/b", ("repo", "code")),
        ("https://bitbucket.org/a/b", ("repo", "code")),
        ("https://huggingface.co/meta-llama/Llama-2-7b", ("repo", "code")),
        ("https://github.com/openai", ("link", "other")),
        ("https://github.com/orgs/openai/repositories", ("link", "other")),
        ("https://huggingface.co/datasets/a/b", ("link", "data")),
        ("https://huggingface.co/spaces/a/b", ("link", "demo")),
        ("https://huggingface.co/papers/2401.00001", ("link", "paper")),
        ("https://huggingface.co/docs/transformers", ("link", "other")),
        ("https://kai422.github.io/DAS3R", ("link", "project")),
        ("https://sites.google.com/view/oppo-icml-2023", ("link", "project")),
        ("https://www.youtube.com/watch?v=x", ("link", "video")),
        ("https://youtu.be/x", ("link", "video")),
        ("https://vimeo.com/123", ("link", "video")),
        ("https://www.bilibili.com/video/BV1", ("link", "video")),
        ("https://zenodo.org/records/1", ("link", "data")),
        ("https://www.kaggle.com/datasets/a/b", ("link", "data")),
        ("https://drive.google.com/file/d/1", ("link", "data")),
        ("https://arxiv.org/abs/2401.00001", ("link", "paper")),
        ("https://doi.org/10.1000/xyz", ("link", "paper")),
        ("https://openreview.net/forum?id=x", ("link", "paper")),
        ("https://aclanthology.org/2023.acl-long.1", ("link", "paper")),
        ("https://anonymous.4open.science/r/XYZ-1234", ("link", "code")),
        ("https://codeberg.org/a/b", ("link", "code")),
        ("https://sourceforge.net/projects/x", ("link", "code")),
        ("https://example.org/x", ("link", "other")),
        ("http://www.github.com/a/b.git", ("repo", "code")),
    ],
)
def test_classify_url(url, expected):
    assert classify_url(url) == expected
    assert expected[1] in LINK_TYPES


# --------------------------------------------------------------------------- is_own_code

@pytest.mark.parametrize(
    "sentence,url,own",
    [
        ("Code is available at https://github.com/a/b.", "https://github.com/a/b", True),
        ("Our code is publicly available at https://github.com/a/b.", "https://github.com/a/b", True),
        ("Code and models are released at https://github.com/a/b.", "https://github.com/a/b", True),
        ("We release the benchmark at https://github.com/a/b.", "https://github.com/a/b", True),
        ("Project page: https://github.com/a/b", "https://github.com/a/b", True),
        ("Code: https://github.com/a/b", "https://github.com/a/b", True),
        ("The code will be made available at https://github.com/a/b.", "https://github.com/a/b", True),
        ("Our code can be found at https://github.com/a/b.", "https://github.com/a/b", True),
        ("Our repository is at https://github.com/a/b.", "https://github.com/a/b", True),
        ("https://github.com/a/b", "https://github.com/a/b", True),
        ("We build on LLaVA (https://github.com/a/b).", "https://github.com/a/b", False),
        ("We evaluate with the toolkit at https://github.com/a/b.", "https://github.com/a/b", False),
        ("Baselines are taken from https://github.com/a/b.", "https://github.com/a/b", False),
        ("Our code builds on https://github.com/a/b.", "https://github.com/a/b", False),
        ("We compare against MiniGrid (https://github.com/a/b) and others.", "https://github.com/a/b", False),
        ("Code is available from https://github.com/a/b.", "https://github.com/a/b", True),
    ],
)
def test_is_own_code(sentence, url, own):
    assert is_own_code(sentence, sentence.index(url)) is own


def test_is_own_code_picks_the_cue_nearest_each_url():
    s = "We build on LLaVA (https://github.com/x/llava) and release our code at https://github.com/us/ours."
    assert is_own_code(s, s.index("https://github.com/x/llava")) is False
    assert is_own_code(s, s.index("https://github.com/us/ours")) is True


# --------------------------------------------------------------------------- find_spans / extract_urls

MESSY = [
    # (text, [(surface, normalised url, rule)])
    ("Code is available at https://github.com/hologerry/SoCo. Next sentence.",
     [("https://github.com/hologerry/SoCo", "https://github.com/hologerry/SoCo", "url")]),
    ("Our code can be found at \\url{https://github.com/mukhal/grace.} More text.",
     [("\\url{https://github.com/mukhal/grace.}", "https://github.com/mukhal/grace", "url:latex")]),
    ("Our code will be available at https://github.com/y/TreeRPO{https://github.com/y/TreeRPO}. Then.",
     [("https://github.com/y/TreeRPO{https://github.com/y/TreeRPO}", "https://github.com/y/TreeRPO", "url:latex")]),
    ("Homepage: https://alignhuman.github.io/{https://alignhuman.github.io/} and more.",
     [("https://alignhuman.github.io/{https://alignhuman.github.io/}", "https://alignhuman.github.io", "url:latex")]),
    ("See \\href{https://x.org/c}{https://x.org/c} now.",
     [("\\href{https://x.org/c}{https://x.org/c}", "https://x.org/c", "url:latex")]),
    ("Website with code: diffusion-ppo.github.io",
     [("diffusion-ppo.github.io", "https://diffusion-ppo.github.io", "url")]),
    ("Code open-sourced at: github.com/anyasims/edge-of-reach. Next.",
     [("github.com/anyasims/edge-of-reach", "https://github.com/anyasims/edge-of-reach", "url")]),
    ("It is open-sourced at (https://github.com/Unsigned-Long/eKalibr) now.",
     [("https://github.com/Unsigned-Long/eKalibr", "https://github.com/Unsigned-Long/eKalibr", "url")]),
    ("Our code is at https://github.com/pagand/model_optimze_vessel/tree/AAAI",
     [("https://github.com/pagand/model_optimze_vessel/tree/AAAI", "https://github.com/pagand/model_optimze_vessel", "url")]),
    ("Source code is available at http://github.com/facebookresearch/meta-ot",
     [("http://github.com/facebookresearch/meta-ot", "https://github.com/facebookresearch/meta-ot", "url")]),
    ("The release is at https://github.com/a/b.git, and https://github.com/c/d?tab=x#y; done.",
     [("https://github.com/a/b.git", "https://github.com/a/b", "url"),
      ("https://github.com/c/d?tab=x#y", "https://github.com/c/d", "url")]),
    ("Code at https://github.com/a/b), see also https://github.com/c/d]. Done",
     [("https://github.com/a/b", "https://github.com/a/b", "url"),
      ("https://github.com/c/d", "https://github.com/c/d", "url")]),
    ("Real-world demos are shown in https://www.youtube.com/watch?v=ayAzID1_qQk, and more.",
     [("https://www.youtube.com/watch?v=ayAzID1_qQk", "https://www.youtube.com/watch?v=ayAzID1_qQk", "url")]),
    ("Code:https://github.com/a/Foo.Bar and [code](https://github.com/c/d) here.",
     [("https://github.com/a/Foo.Bar", "https://github.com/a/Foo.Bar", "url"),
      ("https://github.com/c/d", "https://github.com/c/d", "url")]),
    ("Codes are available at GitHub - manglu097/Chiron-o1: Enhancing Step-by-Step Reasoning",
     [("manglu097/Chiron-o1", "https://github.com/manglu097/Chiron-o1", "url:github-text-form")]),
    ("Trained with AdamW, e.g. GPT-3.5 vs. Llama-3.1 at 3.5x speed (Fig.1, v1.2), i.e. faster; "
     "mail foo@bar.com; weights in model.pt and README.md.", []),
    ("GitHub - not a repo here, and the results.In this paper.", []),
    ("Demo: [https://x.org/d](https://x.org/d).",
     [("https://x.org/d](https://x.org/d)", "https://x.org/d", "url:markdown")]),
    ("Our page \u201chttps://x.org/q\u201d, done.",
     [("https://x.org/q", "https://x.org/q", "url")]),
]


@pytest.mark.parametrize("text,expected", MESSY)
def test_messy_forms(nlp, plain_nlp, text, expected):
    for pipeline in (nlp, plain_nlp):
        doc = pipeline(text)
        found = list(extract_urls(doc))
        assert [(m.text, m.url, m.rule) for m in found] == expected
        for m in found:
            assert doc.text[m.start:m.end] == m.text
        assert [(s, e, doc.text[s:e]) for s, e, _rule in find_spans(doc)] == [(m.start, m.end, m.text) for m in found]


def test_latex_duplicate_yields_once(nlp):
    text = "Code: https://github.com/V/DCM{https://github.com/V/DCM}."
    assert len(find_spans(nlp(text))) == 1
    assert [m.url for m in mentions(nlp, text)] == ["https://github.com/V/DCM"]


def test_repeated_urls_are_each_yielded(nlp):
    text = "Code at https://github.com/a/b. Again: https://github.com/a/b."
    found = mentions(nlp, text)
    assert [m.url for m in found] == ["https://github.com/a/b", "https://github.com/a/b"]
    assert found[0].start != found[1].start


def test_mention_fields(nlp):
    text = "We study graphs. The code is available at https://github.com/a/b. Videos: https://vimeo.com/1."
    repo, video = mentions(nlp, text, field="title")
    assert repo.kind == "repo" and repo.own is True and repo.link_type is None
    assert repo.field == "title" and repo.confidence == 1.0
    assert repo.sentence == "The code is available at https://github.com/a/b."
    assert text[repo.sentence_start:repo.sentence_start + len(repo.sentence)] == repo.sentence
    assert video.kind == "link" and video.link_type == "video" and video.own is None
    assert video.url == "https://vimeo.com/1"


def test_default_field_and_text_form_confidence(nlp):
    (m,) = mentions(nlp, "Codes are available at GitHub - owner-x/repo_y.z: a description.")
    assert m.field == "abstract"
    assert m.confidence == 0.9 and m.url == "https://github.com/owner-x/repo_y.z" and m.own is True


def test_url_at_sentence_end_keeps_sentence_split(nlp):
    doc = nlp("Code is at github.com/x/y. We also show results.")
    sents = [s.text for s in doc.sents]
    assert sents == ["Code is at github.com/x/y.", "We also show results."]
    (m,) = list(extract_urls(doc))
    assert m.url == "https://github.com/x/y" and m.sentence == sents[0]


def test_url_split_by_sentencizer_gets_whole_sentence(plain_nlp):
    # the stock tokenizer splits "\url{...Foo.Bar}" at "." so the sentencizer may cut inside it
    text = "Code: \\url{https://github.com/a/Foo.Bar}. Next."
    (m,) = mentions(plain_nlp, text)
    assert m.url == "https://github.com/a/Foo.Bar"
    assert m.sentence.startswith("Code:") and m.text in m.sentence


def test_without_sentence_boundaries_uses_whole_text():
    nlp = spacy.blank("en")
    text = "First. Code at https://github.com/a/b. Last."
    (m,) = list(extract_urls(nlp(text)))
    assert m.sentence == text and m.sentence_start == 0


def test_link_type_refined_from_sentence(nlp):
    (m,) = mentions(nlp, "Our project website with videos is at https://rvl.cs.toronto.edu/blog/2020/x")
    assert m.link_type == "project"
    (m,) = mentions(nlp, "Our code can be found at https://aka.ms/LearningLaw.")
    assert m.link_type == "code"
    (m,) = mentions(nlp, "More at https://example.org/x.")
    assert m.link_type == "other"


def test_configure_tokenizer_keeps_urls_whole_and_is_idempotent():
    nlp = spacy.blank("en")
    configure_tokenizer(nlp)
    configure_tokenizer(nlp)
    words = [t.text for t in nlp("see \\url{https://github.com/a/B.C}. Code:https://x.org/a/b and e.g. U.S. Fig.1")]
    assert words == ["see", "\\url{", "https://github.com/a/B.C", "}", ".", "Code", ":", "https://x.org/a/b",
                     "and", "e.g.", "U.S.", "Fig.1"]


def test_extract_urls_deterministic(nlp):
    text = "Code: https://github.com/a/b and https://a.github.io/x/ and GitHub - c/d: e."
    first = mentions(nlp, text)
    assert first == mentions(nlp, text)
    assert [m.start for m in first] == sorted(m.start for m in first)


# --------------------------------------------------------------------------- gold set

def _load_scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval/score.py not available")
    return load_script(path, "paperkg_gold_score")


@pytest.mark.shared
def test_gold_repos_and_links_exact(nlp):
    gold_path, input_path = SHARED / "gold" / "dev.jsonl", SHARED / "gold" / "dev-input.jsonl"
    if not gold_path.exists() or not input_path.exists():
        pytest.skip("../shared gold set not available")
    score = _load_scorer()
    gold = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            gold[score.norm(rec["title"])] = rec
    mismatches = []
    papers = 0
    for line in input_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        papers += 1
        got = {"repos": set(), "links": set()}
        for field in ("title", "abstract"):
            doc = nlp(rec.get(field) or "")
            state(doc).field = field
            for m in extract_urls(doc):
                got["repos" if m.kind == "repo" else "links"].add(score.norm_url(m.url))
        g = gold[score.norm(rec["title"])]
        for key in ("repos", "links"):
            want = {score.norm_url(u) for u in g.get(key, [])}
            if want != got[key]:
                mismatches.append((rec["title"], key, sorted(want), sorted(got[key])))
    assert papers == len(gold)
    assert mismatches == []


# --------------------------------------------------------------------------- properties

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from script_modules import load_script

_PIECES = st.sampled_from([
    "Code", "is", "available", "at", "our", "we", "build", "on", "e.g.", "Fig.1", "v1.2", "3.5x",
    "foo@bar.com", "model.pt", "(", ")", ".", ",", ";", ":", "{", "}", "GitHub", "-",
    "https://github.com/a/b", "http://www.github.com/A/B.git", "github.com/o/r/tree/main",
    "\\url{https://x.org/p.}", "https://x.org/p{https://x.org/p}", "diffusion-ppo.github.io",
    "https://huggingface.co/datasets/o/d", "owner/repo", "https://x.org/a_(b)",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_PIECES, st.sampled_from(["", " ", " ", "  "])), max_size=25))
def test_spans_are_consistent_on_random_text(pieces):
    text = "".join(p + sep for p, sep in pieces)
    nlp = _property_nlp()
    doc = nlp(text)
    found = list(extract_urls(doc))
    last_end = -1
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end  # never overlapping, never the same occurrence twice
        last_end = m.end
        assert m.url is not None and normalize_url(m.url) == m.url
        assert m.sentence_start <= m.start and m.end <= m.sentence_start + len(m.sentence)
        assert (m.kind == "repo") == (m.own is not None) == (m.link_type is None)


_PROPERTY_NLP = []


def _property_nlp():
    if not _PROPERTY_NLP:
        nlp = spacy.blank("en")
        configure_tokenizer(nlp)
        nlp.add_pipe("sentencizer")
        _PROPERTY_NLP.append(nlp)
    return _PROPERTY_NLP[0]


def test_field_from_doc_state(nlp):
    doc = nlp.make_doc("Code at https://github.com/a/b.")
    state(doc, "title")
    assert [m.field for m in state(nlp(doc)).urls] == ["title"]


def test_one_pipeline_finds_urls_as_a_component(nlp):
    """URL mentions come out of the one pipeline (component kg_urls), with the tokenizer's URL rules."""
    assert "kg_urls" in nlp.pipe_names
    doc = nlp("We build on LLaVA (https://github.com/x/llava) and release our code at https://github.com/us/ours.")
    assert [(m.url, m.own) for m in state(doc).urls] == [("https://github.com/x/llava", False),
                                                         ("https://github.com/us/ours", True)]
    assert state(nlp("No links in this sentence.")).urls == ()


def test_configure_tokenizer_keeps_existing_prefix_rules():
    import re as _re

    nlp = spacy.blank("en")
    nlp.tokenizer.prefix_search = _re.compile(r"^@@|" + nlp.tokenizer.prefix_search.__self__.pattern).search
    configure_tokenizer(nlp)
    assert [t.text for t in nlp("@@x \\url{https://a.org/b}")] == ["@@", "x", "\\url{", "https://a.org/b", "}"]


def test_classify_url_on_garbage_does_not_raise():
    assert classify_url("http://[") == ("link", "other")
    assert classify_url("not a url") == ("link", "other")


_PREFILTER_CHARS = st.sampled_from(list("abcdeghilmnoprstuwxz.-_/:\\ {}GHUW09İıſK") + [
    "github", "GitHub", "www.", "://", ".com", ".io", "--.ab/", "x-.ab/", "\\url", ".html", "é"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PREFILTER_CHARS, max_size=30))
def test_fast_url_prefilter_agrees_with_its_regex(pieces):
    from extractors.url_owner import MAYBE_URL, maybe_url

    text = "".join(pieces)
    assert maybe_url(text) == (MAYBE_URL.search(text) is not None)


@pytest.mark.parametrize("text", ["see x.io", "--.ab/c", "a--.ab/c", "_.ab/", "WWW.X", "GitHub", "no url here.",
                                  "x.abcdefghijklm/", "X.AB/", "-.-.ab/"])
def test_fast_url_prefilter_examples(text):
    from extractors.url_owner import MAYBE_URL, maybe_url

    assert maybe_url(text) == (MAYBE_URL.search(text) is not None)


def test_link_type_preference_orders_every_link_type_once():
    from extractors.urls import LINK_TYPE_PREFERENCE

    assert sorted(LINK_TYPE_PREFERENCE) == sorted(LINK_TYPES) and LINK_TYPE_PREFERENCE[-1] == "other"


def test_a_demo_link_is_preferred_over_other():
    from kg.graph.build import _choose_link_type

    assert _choose_link_type(["other", "demo"]) == "demo"
