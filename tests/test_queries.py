"""kg.queries: named queries, safe parameters, read-only, time limit, formats, CLI."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import InputError, QueryError
from kg.queries import (
    format_result,
    get_named,
    list_named,
    load_store,
    resolve_paper,
    run_named,
    run_query,
)

FIXTURE = Path(__file__).parent / "data" / "queries" / "mini.ttl"
ID = "https://w3id.org/paperkg/id/"
P1, P2, P3 = ID + "paper/2501.00001", ID + "paper/2502.00002", ID + "paper/2503.00003"
GRPO = ID + "method/group-relative-policy-optimization"
REQUIRED = {
    "papers-using-entity", "top-entities", "paper-code", "builds-on", "methods-used-together", "methods-used-with",
    "related-papers", "why", "entity-aliases", "papers-by-repo-owner", "rising-entities", "entity-timeline",
}


@pytest.fixture(scope="module")
def store():
    return load_store(FIXTURE)


def dump(store) -> list[str]:
    return sorted(str(q) for q in store)


def col(result, name):
    i = result.columns.index(name)
    return [row[i] for row in result.rows]


# ---------------------------------------------------------------- catalogue

def test_every_required_named_query_exists_with_a_header():
    names = {q.name for q in list_named()}
    assert REQUIRED <= names
    for q in list_named():
        assert q.description and q.example.startswith("paperkg query --name " + q.name)
        assert q.text.lstrip().startswith("# name: " + q.name)
        for p in q.params:
            assert p.type and p.description
            assert f"?{p.name}" in q.text


def test_named_query_prefixes_are_the_ontology_prefixes():
    """A PREFIX line of a packaged query names the same namespace as ontology.PREFIXES (one table)."""
    import re

    from kg.schema import PREFIXES

    seen = set()
    for q in list_named():
        for prefix, ns in re.findall(r"^PREFIX (\w+): <([^>]*)>", q.text, flags=re.M):
            assert PREFIXES[prefix] == ns, (q.name, prefix)
            seen.add(prefix)
    assert {"pkg", "dcterms", "skos"} <= seen


def test_get_named_unknown_name():
    with pytest.raises(QueryError, match="unknown named query 'nope'"):
        get_named("nope")


# ---------------------------------------------------------- named queries

def test_papers_using_entity_by_alias_case_insensitive(store):
    r = run_named(store, "papers-using-entity", {"entity": "grpo"})
    assert "entity" not in r.columns  # the parameter column is dropped
    assert sorted(zip(col(r, "paper"), col(r, "relation"))) == [
        (P1, "proposes"), (P1, "usesMethod"), (P2, "usesMethod")]
    assert set(col(r, "entityName")) == {"Group Relative Policy Optimization"}


def test_papers_using_entity_by_long_form_alias(store):
    r = run_named(store, "papers-using-entity", {"entity": "PROXIMAL policy optimization"})
    assert sorted(col(r, "paper")) == [P1, P2, P3]


def test_top_entities_sorted_by_support_and_kind_filter(store):
    r = run_named(store, "top-entities")
    assert col(r, "name")[0] == "PPO" and col(r, "support")[0] == 3
    assert col(r, "support") == sorted(col(r, "support"), reverse=True)
    assert len(r.rows) == 5
    m = run_named(store, "top-entities", {"kind": "Method"})
    assert set(col(m, "type")) == {"method"} and len(m.rows) == 3
    d = run_named(store, "top-entities", {"kind": "dataset"})
    assert col(d, "name") == ["The Pile"]


def test_top_entities_rejects_unknown_kind(store):
    with pytest.raises(QueryError, match="kind"):
        run_named(store, "top-entities", {"kind": "paper"})


def test_paper_code_own_and_third_party(store):
    r = run_named(store, "paper-code", {"paper": "2502.00002"})
    got = sorted(zip(col(r, "url"), col(r, "role"), col(r, "owner")))
    assert got == [
        ("https://github.com/deepseek-ai/scale", "own", "deepseek-ai"),
        ("https://github.com/huggingface/trl", "third-party", "huggingface"),
    ]
    links = run_named(store, "paper-code", {"paper": "paper/2501.00001"})
    assert ("link", "https://grpo.github.io", "project") in zip(col(links, "kind"), col(links, "url"), col(links, "role"))


def test_builds_on_with_via_entities(store):
    r = run_named(store, "builds-on", {"paper": "2501.00001"})
    assert col(r, "later") == [P2]
    assert col(r, "via") == ["Group Relative Policy Optimization"]
    assert run_named(store, "builds-on", {"paper": "2503.00003"}).rows == ()


def test_methods_used_together_and_methods_used_with(store):
    r = run_named(store, "methods-used-together")
    pairs = {frozenset(p): n for p, n in zip(zip(col(r, "nameA"), col(r, "nameB")), col(r, "papers"))}
    assert pairs == {
        frozenset({"Group Relative Policy Optimization", "PPO"}): 2,
        frozenset({"LoRA", "PPO"}): 2,
        frozenset({"Group Relative Policy Optimization", "LoRA"}): 1,
    }
    w = run_named(store, "methods-used-with", {"method": "low-rank adaptation"})
    assert set(col(w, "nameA")) == {"LoRA"}
    assert list(zip(col(w, "nameB"), col(w, "papers"))) == [("PPO", 2), ("Group Relative Policy Optimization", 1)]


def test_related_papers_both_directions_with_weight_and_shared(store):
    r = run_named(store, "related-papers", {"paper": "https://w3id.org/paperkg/id/paper/2502.00002"})
    assert col(r, "other") == [P1, P3]
    assert col(r, "weight") == [0.8, 0.35]
    assert set(col(r, "shared")[1].split(" | ")) == {"LoRA", "PPO"}


def test_why_gives_sentence_rule_confidence(store):
    r = run_named(store, "why", {"paper": "2501.00001", "entity": "GRPO"})
    recs = r.records()
    assert [(x["relation"], x["rule"], x["confidence"]) for x in recs] == [
        ("proposes", "cue:we-propose", 0.95), ("usesMethod", "acronym", 0.9)]
    assert recs[1]["sentence"].startswith("We propose Group Relative Policy Optimization")


def test_entity_aliases(store):
    r = run_named(store, "entity-aliases", {"entity": "ppo"})
    assert r.records() == [{"entityIri": ID + "method/ppo", "name": "PPO", "type": "method", "support": 3,
                            "alias": "Proximal Policy Optimization"}]
    every = run_named(store, "entity-aliases")
    assert col(every, "alias") == ["GRPO", "Low-Rank Adaptation", "Proximal Policy Optimization"]


def test_papers_by_repo_owner(store):
    r = run_named(store, "papers-by-repo-owner", {"owner": "DeepSeek-AI"})
    assert list(zip(col(r, "paper"), col(r, "role"))) == [(P1, "own"), (P2, "own")]
    h = run_named(store, "papers-by-repo-owner", {"owner": "huggingface"})
    assert list(zip(col(h, "paper"), col(h, "role"))) == [(P2, "third-party")]


def test_missing_and_unknown_params(store):
    with pytest.raises(QueryError, match="needs parameter 'entity'"):
        run_named(store, "papers-using-entity", {})
    with pytest.raises(QueryError, match="no parameter 'bogus'"):
        run_named(store, "papers-using-entity", {"entity": "x", "bogus": "1"})


def test_unknown_entity_paper_or_owner_says_so_with_the_closest_names(store):
    """An empty result caused by a value that names nothing explains itself (difflib over names and ids)."""
    r = run_named(store, "papers-using-entity", {"entity": "GRPOO"})
    assert r.rows == () and r.notes == ("no entity named 'GRPOO'; did you mean 'GRPO'?",)
    r = run_named(store, "why", {"paper": "2501.0001", "entity": "Proximal Policy Optimisation"})
    assert len(r.notes) == 2 and r.notes[0].startswith("no paper '2501.0001'; did you mean '2501.00001', ")
    assert r.notes[1].startswith("no entity named 'Proximal Policy Optimisation'; did you mean 'Proximal Policy "
                                 "Optimization'")
    r = run_named(store, "papers-by-repo-owner", {"owner": "deepseek"})
    assert r.notes == ("no repository owner named 'deepseek'; did you mean 'deepseek-ai'?",)
    assert run_named(store, "papers-using-entity", {"entity": "zzzz"}).notes == ("no entity named 'zzzz'",)


def test_known_values_without_rows_have_no_note(store):
    r = run_named(store, "builds-on", {"paper": "2503.00003"})  # a paper nothing builds on
    assert r.rows == () and r.notes == ()
    assert run_named(store, "papers-using-entity", {"entity": "grpo"}).notes == ()


def test_cli_prints_the_note_on_stderr(capsys):
    from kg.cli import main

    assert main(["query", "--graph", str(FIXTURE), "--name", "papers-using-entity", "--param", "entity=GRPOO"]) == 0
    out, err = capsys.readouterr()
    assert "(0 rows)" in out
    assert err == "paperkg: no entity named 'GRPOO'; did you mean 'GRPO'?\n"


@pytest.mark.parametrize("sparql, where", [
    ("SELECT ?x WHERE { ?x foo:bar ?y }", "foo: at line 1, column 22"),
    ("SELECT ?x\nWHERE { ?x a pkg:Paper ;\n  ex:y ?z }", "ex: at line 3, column 3"),
    ('PREFIX ex: <http://e/>\nSELECT ?x WHERE { ?x dcterms:title "a:b" ; ex:y <http://x:y> . ?x ?p bad:z } # c:d',
     "bad: at line 2, column 70"),
    ("SELECT ?x WHERE { ?x ?p ?z FILTER(?z = ex:y) }", "ex: at line 1, column 40"),
])
def test_undeclared_prefix_is_named(store, sparql, where):
    with pytest.raises(QueryError) as info:
        run_query(store, sparql)
    msg = str(info.value)
    assert f"unknown prefix {where}" in msg and "\\u{" not in msg and "\n" not in msg


def test_resolve_paper_by_arxiv_url(store):
    assert resolve_paper(store, "https://arxiv.org/abs/2502.00002v3").value == P2
    assert resolve_paper(store, "2502.00002").value == P2


# ----------------------------------------------------------- injection

NASTY = ['"} DROP ALL #', "'><script>alert(1)</script>", 'a\nb"\'\\', '""" } ; CLEAR DEFAULT', "<http://x>", "?entity"]


@pytest.mark.parametrize("value", NASTY)
def test_parameters_are_plain_literal_values(store, value):
    before = dump(store)
    for name, params in (("papers-using-entity", {"entity": value}), ("why", {"paper": value, "entity": value}),
                         ("paper-code", {"paper": value}), ("papers-by-repo-owner", {"owner": value})):
        assert run_named(store, name, params).rows == ()
    assert dump(store) == before


def test_binding_round_trips_exactly(store):
    # The bound literal is returned unchanged: it was never parsed as SPARQL.
    for value in NASTY:
        r = run_query(store, "SELECT ?v WHERE {}", {"v": value})
        assert r.rows == ((value,),)


def test_binding_must_be_projected(store):
    with pytest.raises(QueryError, match="projected"):
        run_query(store, "SELECT ?s WHERE { ?s ?p ?v }", {"v": "x"})


def test_invalid_binding_name(store):
    with pytest.raises(QueryError, match="invalid variable name"):
        run_query(store, "SELECT ?v WHERE {}", {"v x": "1"})


# ------------------------------------------------------- read-only / errors

@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "CLEAR DEFAULT",
    "LOAD <http://example.org/x.ttl>",
    "CREATE GRAPH <http://example.org/g>",
    "PREFIX pkg: <https://w3id.org/paperkg/ontology#>\nDELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
])
def test_updates_are_refused(store, update):
    before = dump(store)
    with pytest.raises(QueryError, match="read-only"):
        run_query(store, update)
    assert dump(store) == before


@pytest.mark.parametrize("bad", ["SELECT ?x WHERE { ?x", "SELEKT * {}", "SELECT * WHERE { ?s nope:p ?o }"])
def test_malformed_query_gives_one_line_parser_message(store, bad):
    with pytest.raises(QueryError) as info:
        run_query(store, bad)
    msg = str(info.value)
    assert msg.startswith("malformed query:") and "\n" not in msg and "read-only" not in msg


def test_empty_query(store):
    with pytest.raises(QueryError, match="empty"):
        run_query(store, "   ")


def test_service_is_refused_but_the_word_in_strings_is_fine(store):
    with pytest.raises(QueryError, match="SERVICE"):
        run_query(store, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="SERVICE"):
        run_query(store, "select * where { service silent <http://127.0.0.1:1/x> { ?s ?p ?o } }")
    r = run_query(store, 'SELECT ?x WHERE { BIND("SERVICE <x>" AS ?x) } # SERVICE')
    assert r.rows == (("SERVICE <x>",),)


# Time limits, memory ceilings and slots: tests/test_query_workers.py (worker processes).


def test_max_rows_truncates(store):
    r = run_query(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", max_rows=4)
    assert len(r.rows) == 4 and r.truncated
    full = run_query(store, "SELECT ?p WHERE { ?s a ?p } LIMIT 3", max_rows=3)
    assert len(full.rows) == 3 and not full.truncated


# ------------------------------------------------------------- results

def test_ask_and_construct(store):
    assert run_query(store, "ASK { ?p a pkg:Paper }").boolean is True
    assert run_query(store, "ASK { ?p a pkg:Nothing }").boolean is False
    g = run_query(store, "CONSTRUCT { ?p dcterms:title ?t } WHERE { ?p dcterms:title ?t }")
    assert g.kind == "graph" and g.columns == ("subject", "predicate", "object") and len(g.rows) == 3
    ttl = format_result(g, "turtle")
    parsed = list(ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE))
    assert len(parsed) == 3
    assert format_result(g, "turtle") == ttl  # prefixes in a stable order
    assert len(format_result(g, "nt").splitlines()) == 3


def test_python_values(store):
    r = run_query(store, "SELECT ?w ?s ?d WHERE { ?r pkg:weight ?w . BIND(3 AS ?s) BIND(true AS ?d) } ORDER BY ?w")
    assert r.rows == ((0.35, 3, True), (0.8, 3, True))


def test_formats(store):
    r = run_query(store, 'SELECT ?p ?t ?x WHERE { ?p dcterms:title ?t FILTER(?p = paper:2501.00001) '
                         'BIND(STRLANG("a,\\"b\\"\\tc", "en") AS ?x) }')
    table = format_result(r, "table").splitlines()
    assert table[0].split() == ["p", "t", "x"] and table[2].startswith("paper:2501.00001 ")
    assert table[-1] == "(1 row)"
    rows = list(csv.reader(io.StringIO(format_result(r, "csv"))))
    assert rows == [["p", "t", "x"], [P1, "GRPO: Group Relative Policy Optimization for Math", 'a,"b"\tc']]
    tsv = format_result(r, "tsv").splitlines()
    assert tsv[0] == "?p\t?t\t?x" and tsv[1].split("\t")[0] == f"<{P1}>" and tsv[1].endswith('"a,\\"b\\"\\tc"@en')
    doc = json.loads(format_result(r, "json"))
    assert doc["head"]["vars"] == ["p", "t", "x"]
    b = doc["results"]["bindings"][0]
    assert b["p"] == {"type": "uri", "value": P1}
    assert b["x"] == {"type": "literal", "value": 'a,"b"\tc', "xml:lang": "en"}
    root = ET.fromstring(format_result(r, "xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert [v.get("name") for v in root.iter(ns + "variable")] == ["p", "t", "x"]
    assert root.find(f"{ns}results/{ns}result/{ns}binding/{ns}uri").text == P1
    ask = run_query(store, "ASK {}")
    assert json.loads(format_result(ask, "json")) == {"head": {}, "boolean": True}
    with pytest.raises(QueryError, match="unknown result format"):
        format_result(r, "yaml")
    with pytest.raises(QueryError, match="only for CONSTRUCT"):
        format_result(r, "turtle")


def test_json_typed_literals_and_unbound(store):
    r = run_query(store, "SELECT ?s ?u WHERE { ?e pkg:support ?s FILTER(?s = 3) OPTIONAL { ?e pkg:nothing ?u } }")
    doc = json.loads(format_result(r, "json"))
    assert doc["results"]["bindings"] == [
        {"s": {"type": "literal", "value": "3", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]


def test_same_query_same_bytes(store):
    for q in list_named():
        params = {p.name: {"paper id": "2502.00002"}.get(p.type, "GRPO") for p in q.params if not p.optional}
        a = format_result(run_named(store, q.name, params), "json")
        b = format_result(run_named(load_store(FIXTURE), q.name, params), "json")
        assert a == b


# ------------------------------------------------------------ loading

def test_load_errors(tmp_path):
    with pytest.raises(InputError, match="no graph.ttl"):
        load_store(tmp_path)
    with pytest.raises(InputError, match="no such"):
        load_store(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="cannot parse"):
        load_store(bad)
    (tmp_path / "graph.ttl").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    assert len(load_store(tmp_path)) == len(load_store(FIXTURE))


# ----------------------------------------------------------------- CLI

def run_cli(capsys, *argv):
    from kg.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_named_query(capsys):
    code, out, err = run_cli(capsys, "query", "--graph", str(FIXTURE), "--name", "papers-using-entity",
                             "--param", "entity=GRPO", "--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:2] == ["paper", "title"] and len(rows) == 4


def test_cli_text_file_and_list(capsys, tmp_path):
    code, out, _ = run_cli(capsys, "query", "--graph", str(FIXTURE), "SELECT (COUNT(*) AS ?n) WHERE { ?p a pkg:Paper }")
    assert code == 0 and out.splitlines()[2].strip() == "3"
    qf = tmp_path / "q.rq"
    qf.write_text("SELECT ?name WHERE { ?e skos:prefLabel ?name } ORDER BY ?name LIMIT 1", encoding="utf-8")
    code, out, _ = run_cli(capsys, "query", "--graph", str(FIXTURE), "--file", str(qf), "--format", "tsv")
    assert code == 0 and out == '?name\n"GRPO"\n'
    code, out, _ = run_cli(capsys, "query", "--list")
    assert code == 0 and all(name in out for name in REQUIRED)


@pytest.mark.parametrize("argv, message", [
    (["--name", "nope"], "unknown named query"),
    (["--name", "why", "--param", "paper=2501.00001"], "needs parameter 'entity'"),
    (["--name", "why", "--param", "paper"], "NAME=VALUE"),
    (["SELECT ?x WHERE { ?x"], "malformed query"),
    (["DROP ALL"], "read-only"),
    ([], "exactly one of"),
])
def test_cli_errors_are_one_line(capsys, argv, message):
    code, out, err = run_cli(capsys, "query", "--graph", str(FIXTURE), *argv)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("paperkg: error:")


def test_cli_missing_graph(capsys, tmp_path):
    code, _, err = run_cli(capsys, "query", "--graph", str(tmp_path), "--name", "top-entities")
    assert code == 1 and "paperkg build" in err


# ------------------------------------------------------ demo corpus graph

@pytest.fixture(scope="module")
def demo_store(demo_out):
    return load_store(demo_out / "graph.ttl")


def test_named_queries_on_demo_corpus(demo_store):
    top = run_named(demo_store, "top-entities", {"kind": "method"})
    assert top.rows, "the demo corpus has methods"
    assert col(top, "support") == sorted(col(top, "support"), reverse=True)
    name = col(top, "name")[0]
    using = run_named(demo_store, "papers-using-entity", {"entity": name.upper()})
    assert len({p for p in col(using, "paper")}) == col(top, "support")[0]
    paper = col(using, "paper")[0]
    why = run_named(demo_store, "why", {"paper": paper, "entity": name})
    assert why.rows and all(0 < c <= 1 for c in col(why, "confidence"))
    for q in list_named():
        params = {p.name: (paper if p.type == "paper id" else name) for p in q.params if not p.optional}
        if "owner" in params:
            params["owner"] = "huggingface"
        run_named(demo_store, q.name, params)


def test_cli_on_disk_store(capsys, tmp_path):
    disk = ox.Store(str(tmp_path / "store"))
    disk.bulk_load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    disk.flush()
    del disk
    code, out, err = run_cli(capsys, "query", "--store", str(tmp_path / "store"), "--format", "csv",
                             "SELECT (COUNT(*) AS ?n) WHERE { ?p a pkg:Paper }")
    assert code == 0, err
    assert out.splitlines() == ["n", "3"]
    code, _, err = run_cli(capsys, "query", "--store", str(tmp_path / "nope"), "ASK {}")
    assert code == 1 and "no such Oxigraph store" in err


def test_mixed_case_names_use_the_lower_cased_lookup_key(store):
    from kg.queries.named import get_named, named_bindings

    b = named_bindings(store, get_named("papers-using-entity"), {"entity": " GrPo "})
    assert b["entity"].value == "GrPo" and b["entityKey"].value == "grpo"
    r = run_named(store, "papers-using-entity", {"entity": "GrPo"})
    assert "entityKey" not in r.columns and sorted(set(col(r, "paper"))) == [P1, P2]
    owner = run_named(store, "papers-by-repo-owner", {"owner": "DeepSeek-AI"})
    assert owner.rows and "ownerKey" not in owner.columns


# ------------------------------------------------------------ structure limits (issue 16)

def _nested(depth: int) -> str:
    return "SELECT * WHERE " + "{" * depth + "}" * depth


@pytest.mark.parametrize("where", ["in-process", "worker"])
def test_structure_limits_are_typed_one_line_errors(store, where):
    from kg.errors import QueryTooComplex
    from kg.queries import QueryPool
    from kg.queries.engine import MAX_NESTING, MAX_TRIPLE_PATTERNS, MAX_UNIONS

    cases = {
        _nested(MAX_NESTING + 1): f"query nesting deeper than {MAX_NESTING}",
        _nested(20_000): f"query nesting deeper than {MAX_NESTING}",
        "ASK { ?s ?p " + "<< ?s ?p " * 100 + "?o" + " >>" * 100 + " }": f"query nesting deeper than {MAX_NESTING}",
        "SELECT * WHERE { {}" + " UNION {}" * (MAX_UNIONS + 1) + " }": f"the limit is {MAX_UNIONS}",
        "SELECT * WHERE { " + " ".join(f"?s{i} ?p ?o{i} ." for i in range(MAX_TRIPLE_PATTERNS + 1)) + " }":
            "too many triple patterns",
        _nested(200_000): "query too long",
    }
    with QueryPool(FIXTURE, size=1) as pool:
        for text, words in cases.items():
            with pytest.raises(QueryTooComplex) as info:
                if where == "worker":
                    pool.run_query(text, timeout=5)
                else:
                    run_query(store, text)
            assert words in str(info.value) and "\n" not in str(info.value)


def test_structure_limits_accept_what_they_allow(store):
    from kg.queries.engine import MAX_NESTING, MAX_UNIONS

    assert run_query(store, _nested(MAX_NESTING)).kind == "select"
    assert run_query(store, "ASK { {}" + " UNION {}" * (MAX_UNIONS - 1) + " }").boolean is True
    # brackets, separators and keywords inside strings, IRIs and comments are not structure
    text = 'SELECT ?x WHERE { BIND("' + "{(" * 500 + ". UNION " * 300 + '" AS ?x) } # ' + "{" * 500
    assert len(run_query(store, text).rows) == 1


def test_cli_refuses_deep_nesting_with_one_line(tmp_path):
    """20,000 nested groups overflowed the query thread's stack and killed the process (no message at all)."""
    proc = subprocess.run([sys.executable, "-m", "kg", "query", _nested(20_000), "--graph", str(FIXTURE)],
                          capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.splitlines() == ["paperkg: error: query nesting deeper than 64 (brackets { ( [ and << nested)"]


def test_cli_evaluates_a_long_operator_chain_on_a_big_stack():
    """50,000 '!' overflow an 8 MiB thread stack; the query thread's QUERY_STACK_BYTES hold them."""
    proc = subprocess.run([sys.executable, "-m", "kg", "query", "ASK { FILTER(" + "!" * 50_000 + "true) }",
                           "--graph", str(FIXTURE), "--format", "json"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert json.loads(proc.stdout)["boolean"] is True
