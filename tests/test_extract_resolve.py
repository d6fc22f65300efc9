"""Corpus-wide resolution (extractors.resolve): alias merging, type voting, ids, support."""
from extractors.resolve import alias_table, resolve_corpus
from kg.models import Mention


def m(text, kind="method", long_form=None, rule="shape:acronym", conf=0.5, start=0, proposed=False):
    return Mention(kind=kind, text=text, field="abstract", start=start, end=start + len(text), sentence=text,
                   sentence_start=start, rule=rule, confidence=conf, long_form=long_form, proposed=proposed)


def test_acronym_in_one_paper_long_form_in_another_is_one_entity():
    lf = "Group Relative Policy Optimization"
    papers = [
        (m(lf, long_form=lf, rule="acronym:long"), m("GRPO", long_form=lf, rule="acronym:short", start=40)),
        (m("GRPO"),),
    ]
    corpus = resolve_corpus(["a", "b"], papers)
    grpo = [e for e in corpus.entities if e.name == lf]
    assert len(grpo) == 1
    ent = grpo[0]
    assert ent.id == "method/group-relative-policy-optimization"
    assert "GRPO" in ent.aliases and ent.support == 2
    assert corpus.papers[1].methods[0].entity_id == ent.id


def test_local_definition_beats_corpus_table():
    papers = [
        (m("Actor-Critic", long_form="Actor-Critic", rule="acronym:long"),
         m("AC", long_form="Actor-Critic", rule="acronym:short", start=20)),
        (m("Adaptive Cropping", long_form="Adaptive Cropping", rule="acronym:long"),
         m("AC", long_form="Adaptive Cropping", rule="acronym:short", start=30), m("AC", start=60)),
        (m("Adaptive Cropping", long_form="Adaptive Cropping", rule="acronym:long"),
         m("AC", long_form="Adaptive Cropping", rule="acronym:short", start=30)),
    ]
    assert alias_table(papers)["ac"] == "adaptive cropping"
    corpus = resolve_corpus(["a", "b", "c"], papers)
    ids = [r.entity_id for r in corpus.papers[0].methods]
    assert ids == ["method/actor-critic"]
    assert [r.entity_id for r in corpus.papers[1].methods] == ["method/adaptive-cropping"]


def test_one_kind_per_entity_by_vote():
    papers = [
        (m("ZorpQA", kind="benchmark", rule="shape:mixed+cue:evaluated-on-X", conf=0.75),),
        (m("ZorpQA", kind="benchmark", rule="shape:mixed+cue:evaluated-on-X", conf=0.75),),
        (m("ZorpQA", kind="method", conf=0.5),),
    ]
    corpus = resolve_corpus(["a", "b", "c"], papers)
    (ent,) = corpus.entities
    assert ent.kind == "benchmark" and ent.id == "benchmark/zorpqa" and ent.support == 3
    for pe in corpus.papers:
        assert [r.entity_id for r in pe.benchmarks] == [ent.id] and not pe.methods


def test_case_plural_variants_merge_and_fullest_name_wins():
    papers = [(m("Vision Transformers", rule="titlecase"),), (m("vision-transformer", rule="gazetteer:x"),)]
    corpus = resolve_corpus(["a", "b"], papers)
    assert len(corpus.entities) == 1
    assert corpus.entities[0].support == 2


def test_proposes_and_order():
    papers = [(m("QuuxNet", proposed=True, start=50), m("Adam", rule="gazetteer:Adam", conf=0.9, start=5))]
    corpus = resolve_corpus(["a"], papers)
    pe = corpus.papers[0]
    assert [corpus.entity(r.entity_id).name for r in pe.methods] == ["Adam", "QuuxNet"]
    assert pe.proposes == ("method/quuxnet",)


def test_ids_are_stable_under_paper_order():
    a = (m("ZorbNet"),)
    b = (m("FlimQA", kind="benchmark"),)
    one = resolve_corpus(["a", "b"], [a, b])
    two = resolve_corpus(["b", "a"], [b, a])
    assert one.entities == two.entities


def test_spellings_that_differ_only_in_how_words_are_joined_are_one_entity():
    papers = [(m("Zorb-TasNet", rule="shape:mixed"),), (m("ZorbTasnet", rule="shape:mixed"),),
              (m("Zorb-TasNet", rule="shape:mixed"),), (m("Flim Auto Encoder", rule="acronym:long"),
                                                         m("Flim Autoencoder", rule="acronym:long", start=30)),
              (m("FLIM' 14", kind="dataset", rule="shape:acronym"), m("FLIM14", kind="dataset", rule="shape:alnum",
                                                                       start=20))]
    corpus = resolve_corpus(["a", "b", "c", "d", "e"], papers)
    names = sorted(e.name for e in corpus.entities)
    assert len(names) == 3, names
    tasnet = next(e for e in corpus.entities if "ZorbTasnet" in e.aliases or e.name == "ZorbTasnet")
    assert tasnet.name == "Zorb-TasNet" and tasnet.support == 3  # the spelling more papers use


def test_a_joined_spelling_joins_the_known_name_and_a_method_never_joins_data():
    papers = [(m("Conv-TasNet", rule="gazetteer:Conv-TasNet"),), (m("ConvTasnet", rule="shape:mixed"),),
              (m("Zorb Set", kind="dataset", rule="acronym:long"), m("ZorbSet", kind="method", rule="shape:mixed",
                                                                  start=20))]
    corpus = resolve_corpus(["a", "b", "c"], papers)
    tasnet = next(e for e in corpus.entities if e.name == "Conv-TasNet")
    assert tasnet.support == 2 and "ConvTasnet" in tasnet.aliases
    assert {e.kind for e in corpus.entities if "zorb" in e.name.lower()} == {"dataset", "method"}


def test_a_short_capital_plural_is_the_singular_name():
    from extractors.canonical import canonical_key

    assert canonical_key("ZQ-LMs") == canonical_key("ZQ-LM") and canonical_key("Widget IDs") == "widget id"
    assert canonical_key("GPS") == "gps" and canonical_key("Ms") == "ms"  # a capital S, or too short: no plural
    papers = [(m("ZQ-LMs", rule="shape:mixed"), m("ZQ-LM", rule="shape:mixed", start=30))]
    assert len(resolve_corpus(["a"], papers).entities) == 1


def test_a_camel_case_variant_of_a_known_camel_case_name_is_that_name():
    from extractors.gazetteer import case_clash, entity_key

    assert not case_clash("LLaMa") and entity_key("LLaMa") == entity_key("LLaMA")
    assert case_clash("CoCo") and entity_key("CoCo") != entity_key("COCO")  # an acronym known only in capitals
