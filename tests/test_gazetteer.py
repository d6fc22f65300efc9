"""The bundled word lists parse, stay consistent, and the loader rejects bad rows."""
from __future__ import annotations

import re
from collections import defaultdict
from importlib import resources

import pytest

from extractors.canonical import canonical_key
from extractors.gazetteer import (
    KINDS,
    STOP_CATEGORIES,
    GazetteerEntry,
    GazetteerError,
    case_clash,
    known_name,
    load_gazetteer,
    load_stopterms,
    match_forms,
    parse_gazetteer,
    parse_stopterms,
    surface_forms,
    term_variants,
)
from kg.errors import InputError, PaperkgError


def lookup(text: str) -> GazetteerEntry | None:
    """The entry a whole text names when matched as the pipeline's matchers match (match_forms), else None."""
    norm = " ".join(text.split())
    for entry in load_gazetteer():
        for form, exact in match_forms(entry):
            if form == norm if exact else form.lower() == norm.lower():
                return entry
    return None


def _data_lines(name: str) -> list[str]:
    return resources.files("extractors").joinpath("data", name).read_text(encoding="utf-8").splitlines()


def _sections(name: str) -> list[list[str]]:
    """Data rows (after the header) grouped by '#' comment sections."""
    sections: list[list[str]] = [[]]
    header_seen = False
    for line in _data_lines(name):
        if not line.strip():
            continue
        if line.startswith("#"):
            sections.append([])
            continue
        if not header_seen:
            header_seen = True
            continue
        sections[-1].append(line)
    return [s for s in sections if s]


# --- the bundled files -------------------------------------------------------


def test_gazetteer_parses_with_valid_kinds_and_enough_entries():
    entries = load_gazetteer()
    assert len(entries) >= 1500
    assert all(isinstance(e, GazetteerEntry) for e in entries)
    assert {e.kind for e in entries} == set(KINDS)
    counts = defaultdict(int)
    for e in entries:
        counts[e.kind] += 1
        assert e.name and e.name == e.name.strip()
        assert all(a and a == a.strip() and a != e.name for a in e.aliases)
    assert counts["method"] >= 800 and counts["dataset"] >= 150 and counts["benchmark"] >= 200


def test_stopterms_parse_with_valid_categories_and_enough_terms():
    lines = [l for sec in _sections("stopterms.tsv") for l in sec]
    assert len(lines) >= 500
    stop = load_stopterms()
    assert set(stop.values()) == set(STOP_CATEGORIES)
    assert all(t == t.lower() for t in stop)


def test_files_are_sorted_within_sections_and_tab_separated():
    for name, width in (("gazetteer.tsv", 4), ("stopterms.tsv", 2)):
        for section in _sections(name):
            keys = [line.split("\t")[1].casefold() for line in section]  # name / term column
            assert keys == sorted(keys), f"{name}: section starting {section[0]!r} is not sorted"
            assert all(len(line.split("\t")) == width for line in section)


def test_no_surface_form_belongs_to_two_entries():
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    clashes = []
    for e in load_gazetteer():
        for form, cased in match_forms(e):
            key = (form if cased else form.lower())
            table = exact if cased else folded
            if table.get(key, e.name) != e.name:
                clashes.append((form, table[key], e.name))
            table[key] = e.name
    # A case-insensitive form also matches every spelling of a cased one.
    for form, owner in exact.items():
        other = folded.get(form.lower())
        if other is not None and other != owner:
            clashes.append((form, owner, other))
    assert clashes == []


def test_no_two_entries_of_one_kind_differ_only_in_how_their_words_are_joined():
    # "Image GPT" and "ImageGPT" are one model: two rows would make the resolver keep them apart
    joined = defaultdict(set)
    for e in load_gazetteer():
        joined[(e.kind in ("dataset", "benchmark"), re.sub(r"[\s'’]+", "", canonical_key(e.name)))].add(e.name)
    assert {k: n for k, n in joined.items() if len(n) > 1} == {}


def test_no_name_is_listed_under_two_kinds():
    kinds = defaultdict(set)
    for e in load_gazetteer():
        # Cased names differing in case ("SuperGLUE" vs "SuperGlue") are different names.
        kinds[e.name if e.cased else e.name.casefold()].add(e.kind)
    assert {n: k for n, k in kinds.items() if len(k) > 1} == {}


def test_no_gazetteer_form_is_a_stop_term():
    stop = load_stopterms()
    bad = sorted({f for e in load_gazetteer() for f in surface_forms(e) if f.lower() in stop})
    assert bad == []


@pytest.mark.parametrize(
    "term, category",
    [
        ("reinforcement learning", "field"),
        ("LLMs", "model-class"),
        ("large language models", "model-class"),
        ("diffusion models", "model-class"),
        ("neural networks", "model-class"),
        ("FID", "metric"),
        ("GPU", "hardware"),
        ("OpenAI", "organisation"),
        ("ICML", "venue"),
        ("MDP", "math"),
        ("image super-resolution", "task"),
        ("video generation", "task"),
        ("KL divergence", "math"),
        ("Python", "programming"),
    ],
)
def test_guideline_generic_terms_are_stop_terms(term, category):
    assert load_stopterms()[term.lower()] == category


@pytest.mark.parametrize(
    "text, kind, name",
    [
        ("GRPO", "method", "Group Relative Policy Optimization"),
        ("group relative policy optimization", "method", "Group Relative Policy Optimization"),
        ("AdamW", "method", "AdamW"),
        ("Adam", "method", "Adam"),
        ("LoRA", "method", "Low-Rank Adaptation"),
        ("ViT", "method", "Vision Transformer"),
        ("ResNet-50", "method", "ResNet-50"),
        ("Llama-2", "method", "Llama 2"),
        ("GSM8K", "benchmark", "GSM8K"),
        ("MMLU", "benchmark", "MMLU"),
        ("MATH", "benchmark", "MATH"),
        ("HumanEval", "benchmark", "HumanEval"),
        ("D4RL", "benchmark", "D4RL"),
        ("ImageNet", "dataset", "ImageNet"),
        ("CIFAR-10", "dataset", "CIFAR-10"),
        ("WikiText-103", "dataset", "WikiText-103"),
        ("COCO", "dataset", "MS COCO"),
        # the word list of well-known data across fields (speech, medicine, documents, code, ...)
        ("WHAMR!", "dataset", "WHAMR!"),
        ("libricss", "dataset", "LibriCSS"),
        ("DocLayNet", "dataset", "DocLayNet"),
        ("Sleep-EDF", "dataset", "Sleep-EDF"),
        ("SOTS", "benchmark", "SOTS"),
        # the word list of well-known methods across fields (retrieval, speech, control, vision, ...)
        ("Pyserini", "method", "Pyserini"),
        ("lambdamart", "method", "LambdaMART"),
        ("Wav2Lip", "method", "Wav2Lip"),
        ("SINDy", "method", "SINDy"),
    ],
)
def test_lookup_finds_well_known_names(text, kind, name):
    entry = lookup(text)
    assert entry is not None, text
    assert (entry.kind, entry.name) == (kind, name)


@pytest.mark.parametrize(
    "text", ["math", "adam", "sam", "falcon", "phi", "arc", "pile", "lion", "the", "got", "pot", "tot", "gym", "atari",
             # data named with ordinary words joined by a hyphen match only as written ("Seal-Tools", "LAB-Bench")
             "seal-tools", "seal tools", "lab bench", "nordland", "sots"]
)
def test_lookup_ignores_ordinary_words(text):
    assert lookup(text) is None


def test_acronyms_in_lower_entries_match_case_exactly():
    entry = GazetteerEntry("method", "Segment Anything Model", ("SAM", "LoRA-ish", "ToT", "GPT-4", "Qwen2"), cased=False)
    assert match_forms(entry) == (
        ("Segment Anything Model", False),
        ("SAM", True),
        ("LoRA-ish", False),
        ("ToT", True),
        ("GPT-4", True),
        ("Qwen2", False),
    )
    cased = GazetteerEntry("benchmark", "MATH", (), cased=True)
    assert match_forms(cased) == (("MATH", True),)


def test_loaders_are_cached_and_stopterms_copy_is_safe():
    assert load_gazetteer() is load_gazetteer()
    stop = load_stopterms()
    stop["transformer"] = "generic"
    assert "transformer" not in load_stopterms()


# --- parsing and errors ------------------------------------------------------

_HEADER = "kind\tname\taliases\tmatch\n"


def test_parse_gazetteer_reads_aliases_and_modes():
    text = "# comment\n" + _HEADER + "\n# section\nmethod\tLow-Rank Adaptation\tLoRA|LoRA\tlower\nbenchmark\tMATH\t\tcased\n"
    entries = parse_gazetteer(text, "x.tsv")
    assert entries == (
        GazetteerEntry("method", "Low-Rank Adaptation", ("LoRA",), False),
        GazetteerEntry("benchmark", "MATH", (), True),
    )
    assert surface_forms(entries[0]) == ("Low-Rank Adaptation", "LoRA")


@pytest.mark.parametrize(
    "body, reason, line",
    [
        ("model\tBERT\t\tcased\n", "unknown kind 'model'", 2),
        ("method\tBERT\t\tCASED\n", "unknown match 'CASED'", 2),
        ("method\tBERT\tcased\n", "expected 4 tab-separated fields, got 3", 2),
        ("method\t\tx\tlower\n", "empty name", 2),
        ("method\tBERT\ta||b\tlower\n", "empty alias", 2),
        ("method\tBERT\t\tcased\n\nmethod\tbert\t\tlower\n", "duplicate method 'bert' (first on line 2)", 4),
    ],
)
def test_parse_gazetteer_names_file_and_line_of_a_bad_row(body, reason, line):
    with pytest.raises(GazetteerError) as info:
        parse_gazetteer(_HEADER + body, "data/g.tsv")
    err = info.value
    assert isinstance(err, InputError) and isinstance(err, PaperkgError)
    assert err.file == "data/g.tsv" and err.line == line
    assert reason in err.reason
    assert str(err).startswith(f"data/g.tsv:{line}: ")


def test_parse_rejects_missing_or_wrong_header():
    with pytest.raises(GazetteerError, match="missing header"):
        parse_gazetteer("# only comments\n", "g.tsv")
    with pytest.raises(GazetteerError, match="expected header") as info:
        parse_gazetteer("name\tkind\taliases\tmatch\n", "g.tsv")
    assert info.value.line == 1


def test_parse_stopterms_adds_variants_and_rejects_unknown_category():
    stop = parse_stopterms("category\tterm\nmodel-class\tLLM\nmodel-class\tneural networks\nmetric\tFID\n", "s.tsv")
    assert stop["llm"] == stop["llms"] == "model-class"
    assert stop["neural network"] == stop["neural networks"] == "model-class"
    assert stop["fid"] == "metric"
    assert list(stop) == sorted(stop)
    with pytest.raises(GazetteerError) as info:
        parse_stopterms("category\tterm\nthing\tfoo\n", "s.tsv")
    assert info.value.line == 2 and "unknown category 'thing'" in info.value.reason


@pytest.mark.parametrize(
    "term, expected",
    [
        ("LLM", ("llm", "llms")),
        ("DNNs", ("dnns", "dnn")),
        ("diffusion model", ("diffusion model", "diffusion models")),
        ("neural networks", ("neural networks", "neural network")),
        ("image super-resolution", ("image super-resolution", "image super-resolutions")),
        ("task  strategy", ("task strategy", "task strategies")),
        ("robotics", ("robotics",)),
        ("pass@1", ("pass@1",)),
        ("cross-attention", ("cross-attention", "cross-attentions")),
        ("GPUs", ("gpus", "gpu")),
    ],
)
def test_term_variants(term, expected):
    assert term_variants(term) == expected


def test_file_rows_have_no_stray_whitespace():
    for name in ("gazetteer.tsv", "stopterms.tsv"):
        for line in _data_lines(name):
            if line and not line.startswith("#"):
                assert all(f == f.strip() for f in line.split("\t")), line
                assert not re.search(r"\|\s|\s\|", line), line


def test_a_title_case_word_is_no_known_name_listed_only_in_another_case():
    # "Score" at a title's word is the word, not the cased "SCoRe"; "Pose" is not "PoSE"
    assert case_clash("Score") and case_clash("Pose") and known_name("Score") is None
    assert not case_clash("SCoRe") and known_name("SCoRe") is not None


def test_a_title_case_spelling_of_a_coined_camel_case_name_is_still_that_name():
    assert not case_clash("Mujoco") and known_name("Mujoco") == known_name("MuJoCo")
