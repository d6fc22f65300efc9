"""End-to-end extraction: evidence offsets, stop terms, records, pickling, jobs."""
import json
import pickle

from extractors import EXTRACTOR_VERSION, extract_corpus, extract_paper, make_nlp, paper_record
from kg.models import Paper

ABSTRACT = (
    "Large language models (LLMs) are trained with reinforcement learning (RL). "
    "Group Relative Policy Optimization (GRPO) enhances policy learning. "
    "We propose Prefix Grouper, an efficient GRPO training algorithm, and evaluate it on GSM8K and MATH. "
    "It outperforms PPO on an NVIDIA GPU, measured by FID. "
    "Code is available at https://github.com/johncaged/PrefixGrouper."
)
PAPER = Paper(id="prefix-grouper", title="Prefix Grouper: Efficient GRPO Training through Shared-Prefix Forward",
              abstract=ABSTRACT, github="https://github.com/johncaged/PrefixGrouper",
              project_page="https://example.github.io/prefix/")


def test_pipeline_is_built_once_and_keeps_hyphenated_names():
    nlp = make_nlp()
    assert nlp is make_nlp()
    assert "DeepSeek-R1" in [t.text for t in nlp("We fine-tune DeepSeek-R1 on GSM8K.")]
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


def test_evidence_offsets_index_the_original_strings():
    ms = extract_paper(PAPER)
    assert ms
    for m in ms:
        if m.field == "metadata":
            assert m.start == m.end == 0 and m.sentence == ""
            continue
        text = PAPER.title if m.field == "title" else PAPER.abstract
        assert text[m.start:m.end] == m.text
        assert text[m.sentence_start:m.sentence_start + len(m.sentence)] == m.sentence
        assert m.sentence_start <= m.start and m.end <= m.sentence_start + len(m.sentence)


def test_stop_terms_and_generic_acronyms_are_not_emitted():
    texts = {m.text.lower() for m in extract_paper(PAPER) if m.kind in ("method", "dataset", "benchmark")}
    for bad in ("large language models", "llms", "reinforcement learning", "rl", "nvidia", "gpu", "fid"):
        assert bad not in texts


def test_record_shape_and_content():
    corpus = extract_corpus([PAPER])
    rec = paper_record(PAPER, corpus.papers[0], corpus)
    assert list(rec) == ["id", "title", "methods", "datasets", "benchmarks", "proposes", "repos", "links", "citations",
                         "sentences"]
    methods = {m["name"]: m for m in rec["methods"]}
    assert "GRPO" in methods["Group Relative Policy Optimization"]["aliases"]
    assert "PPO" in {n for m in rec["methods"] for n in [m["name"], *m["aliases"]]}
    data = {n for k in ("datasets", "benchmarks") for m in rec[k] for n in [m["name"], *m["aliases"]]}
    assert {"GSM8K", "MATH"} <= data
    assert [p["name"] for p in rec["proposes"]] == ["Prefix Grouper"]
    assert list(rec["methods"][0]) == ["id", "name", "aliases", "surface", "confidence", "mention_count", "evidence"]
    for item in (*rec["methods"], *rec["datasets"], *rec["benchmarks"]):  # evidence names its sentence by index
        for ev in item["evidence"]:
            sentence = rec["sentences"][ev["sentence"]]
            assert sentence["field"] == ev["field"] and ev["text"] in sentence["text"]
    assert len({s["text"] for s in rec["sentences"]}) == len(rec["sentences"])  # each sentence once
    # the repo is listed once though written twice (text + githubRepo field)
    assert [r["name"] for r in rec["repos"]] == ["https://github.com/johncaged/PrefixGrouper"]
    assert rec["repos"][0]["own"] is True
    assert [(lk["url"], lk["type"]) for lk in rec["links"]] == [("https://example.github.io/prefix", "project")]
    json.dumps(rec)


def test_outputs_pickle():
    ms = extract_paper(PAPER)
    assert pickle.loads(pickle.dumps(ms)) == ms
    corpus = extract_corpus([PAPER])
    back = pickle.loads(pickle.dumps(corpus))
    assert back.papers == corpus.papers and back.entities == corpus.entities


def test_empty_and_odd_input_does_not_crash():
    corpus = extract_corpus([Paper(id="e", title="", abstract=""), Paper(id="f", title="((( ]]", abstract=")(")])
    assert len(corpus.papers) == 2
    assert not list(corpus.papers[0].entity_refs())


def _papers(n):
    import itertools

    names = ["ZorbNet", "FlimQA", "GRPO", "Adam", "ImageNet", "QuuxFormer-7B"]
    out = []
    for i, combo in zip(range(n), itertools.cycle(itertools.combinations(names, 2))):
        out.append(Paper(id=f"p{i:02d}", title=f"{combo[0]}: Study {i}",
                         abstract=f"We propose {combo[0]} and compare it with {combo[1]} on ImageNet. "
                                  f"Experiments on FlimQA, GSM8K and MATH show gains of {i}%."))
    return out


def test_jobs_two_equals_jobs_one(monkeypatch):
    import extractors.corpus as corpus_mod

    monkeypatch.setattr(corpus_mod, "MIN_PAPERS_FORK", 2)  # a real pool even for a small corpus
    monkeypatch.setattr(corpus_mod, "MIN_PAPERS_SPAWN", 2)
    papers = _papers(20)
    assert corpus_mod.parallel_plan(len(papers), 2)[1] == 2
    one = extract_corpus(papers, jobs=1)
    two = extract_corpus(papers, jobs=2)
    assert one.papers == two.papers
    assert one.entities == two.entities


def test_parallel_plan_small_corpus_stays_in_process():
    import extractors.corpus as corpus_mod

    assert corpus_mod.parallel_plan(10_000, 1) == (None, 1)
    assert corpus_mod.parallel_plan(3, 4) == (None, 1)  # start-up would cost more than the work
    method, workers = corpus_mod.parallel_plan(10_000, 3)
    assert method in ("fork", "spawn") and workers == 3
    sizes = [len(b) for b in corpus_mod._batches(_papers(50), 2)]
    assert sum(sizes) == 50 and len(sizes) == 8  # ~4 batches per worker, contiguous


def test_deterministic_records():
    papers = _papers(8)
    a = extract_corpus(papers)
    b = extract_corpus(list(papers))
    dump = lambda c: [json.dumps(paper_record(p, pe, c)) for p, pe in zip(papers, c.papers)]  # noqa: E731
    assert dump(a) == dump(b)


def test_arbitrary_text_never_crashes_and_offsets_hold():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    words = st.sampled_from(["We", "propose", "GRPO", "(GRPO)", "Group", "Relative", "Policy", "Optimization",
                             "on", "GSM8K", ",", "and", "MATH", "dataset", "called", "LoRA-7B", "ViT:", "{x}",
                             "https://github.com/a/b.", "é", "\u2013", "(", ")", ".", "e.g.", "\n", "  "])
    texts = st.lists(words, max_size=40).map(" ".join)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(title=texts, abstract=texts)
    def check(title, abstract):
        paper = Paper(id="h", title=title, abstract=abstract)
        for m in extract_paper(paper):
            if m.field == "metadata":
                continue
            text = paper.title if m.field == "title" else paper.abstract
            assert text[m.start:m.end] == m.text and m.text

    check()


def test_extract_batch_restores_garbage_collector_state():
    import gc

    from extractors.extract import extract_batch

    paper = Paper(id="gc", title="GRPO: A Study", abstract="We propose GRPO and evaluate it on GSM8K.")
    was = gc.isenabled()
    try:
        gc.enable()
        first = extract_batch([paper])
        assert gc.isenabled()
        gc.disable()
        assert extract_batch([paper]) == first
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        (gc.enable if was else gc.disable)()


def test_token_table_matches_spacy_tokens():
    from extractors.docutil import token_table

    nlp = make_nlp()
    doc = nlp("Prefix Grouper beats DeepSeek-R1 and GPT-4o on GSM8K. See https://github.com/a/b now!")
    table = token_table(doc)
    assert [t.text for t in table] == [t.text for t in doc]
    assert [t.idx for t in table] == [t.idx for t in doc]
    assert [t.whitespace_ for t in table] == [t.whitespace_ for t in doc]
    assert [t.is_sent_start for t in table] == [bool(t.is_sent_start) for t in doc]
    assert [(t.is_lower, t.is_alpha, t.like_url) for t in table] == \
        [(t.is_lower, t.is_alpha, t.like_url) for t in doc]
    assert [t.lower_ for t in table] == [t.text.lower() for t in doc]
    titled = {t.text for t in table if t.is_title}
    assert {"Prefix", "Grouper", "DeepSeek-R1", "See"} <= titled and not {"GSM8K", "and"} & titled
