"""Named queries as portable SPARQL (``paperkg query --sparql``, kg.queries.engine.bind_as_values): the text
with its parameters written in gives the answers of the bound query, on any store; reasons are joined in order."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.queries import list_named, load_store, run_named, run_query
from kg.queries.engine import bind_as_values
from kg.queries.named import portable_named

FIXTURE = Path(__file__).parent / "data" / "queries" / "mini.ttl"
PARAMS = {"entity": "GRPO", "paper": "2502.00002", "method": "PPO", "owner": "DeepSeek-AI", "kind": "method"}
CASES = [(q.name, {p.name: PARAMS[p.name] for p in q.params if p.name in PARAMS}) for q in list_named()] + [
    ("entity-aliases", {}), ("rising-entities", {"window": "1", "minSupport": "1"}),
    ("papers-using-entity", {"entity": 'x"} } DROP ALL # \\'}), ("entity-aliases", {"entity": "ppo"})]


@pytest.fixture(scope="module")
def store():
    return load_store(FIXTURE)


@pytest.mark.parametrize("name,params", CASES)
def test_portable_text_gives_the_bound_answers(store, name, params):
    local = run_named(store, name, params)
    text = portable_named(store, name, params)
    plain = run_query(store, text)  # no substitutions: the values are in the text
    keep = [plain.columns.index(c) for c in local.columns]
    assert [tuple(row[i] for i in keep) for row in plain.terms] == list(local.terms)
    assert len(store) == len(load_store(FIXTURE))  # nothing was changed


def test_values_are_terms_never_query_text(store):
    text = bind_as_values("SELECT ?x ?n WHERE { FILTER(?x = ?x) BIND(STRLEN(?x) AS ?n) }",
                          {"x": '"} } DROP ALL #\n'})
    assert 'VALUES (?x) { ("\\"} } DROP ALL #\\n") }' in text
    assert run_query(store, text).rows == (('"} } DROP ALL #\n', 16),)
    with pytest.raises(QueryError, match="assigned"):
        bind_as_values("SELECT ?x WHERE { BIND(1 AS ?x) }", {"x": "a"})
    # predeclared prefixes the text uses are declared, so another server parses it
    assert bind_as_values("SELECT ?p WHERE { ?p a pkg:Paper }").startswith("PREFIX pkg: <")


def test_related_reasons_are_joined_in_order_on_every_store(store, tmp_path):
    """GROUP_CONCAT keeps the order rows come in: the in-memory and the on-disk store gave the shared entities
    and words in different orders before the reasons were sorted in the query."""
    disk = ox.Store(str(tmp_path / "db"))
    disk.bulk_load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    disk.flush()
    params = {"paper": "https://w3id.org/paperkg/id/paper/2502.00002"}
    mem = run_named(store, "related-papers", params)
    assert run_named(disk, "related-papers", params).terms == mem.terms
    shared = mem.rows[1][mem.columns.index("shared")]
    assert shared == "LoRA | PPO"


def test_cli_sparql_prints_without_running(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg", "query", "--graph", str(tmp_path / "none"), "--name",
                           "entity-timeline", "--param", "entity=GRPO", "--sparql"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr  # no graph needed when no paper id is resolved
    assert 'VALUES (?entity ?entityKey) { ("GRPO" "grpo") }' in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "kg", "query", "--graph", str(FIXTURE), "--name", "builds-on",
                           "--param", "paper=2502.00002", "--sparql"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "<https://w3id.org/paperkg/id/paper/2502.00002>" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "kg", "query", "--graph", str(FIXTURE), "--name", "why",
                           "--sparql"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "needs parameter" in proc.stderr
