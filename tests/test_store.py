"""``paperkg build --store DIR``: an on-disk Oxigraph store with the same triples as graph.ttl."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.errors import OutputError
from kg.graph.store import is_store_dir, write_store

DEMO = Path(__file__).resolve().parents[1] / "kg" / "data" / "demo" / "daily-2025-01-13.txt"


def _count(store: ox.Store) -> int:
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("store")
    out, store = root / "out", root / "store"
    assert main(["build", str(DEMO), "-o", str(out), "--store", str(store), "-q", "--no-cache"]) == 0
    return out, store


def test_store_has_the_triples_of_graph_ttl(built):
    """The store holds graph.ttl and analytics.ttl: the whole graph."""
    out, store_dir = built
    assert is_store_dir(store_dir)
    ttl = ox.Store()
    ttl.load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    ttl.load(path=str(out / "analytics.ttl"), format=ox.RdfFormat.TURTLE)
    store = ox.Store.read_only(str(store_dir))
    n = _count(store)
    assert n == _count(ttl) > 100
    assert set(store.quads_for_pattern(None, None, None, ox.DefaultGraph())) == set(ttl.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    del store


def test_query_reads_the_store(built, capsys):
    _, store_dir = built
    assert main(["query", "--store", str(store_dir), "--format", "json",
                 "SELECT (COUNT(?p) AS ?n) WHERE { ?p a pkg:Paper }"]) == 0
    assert '"n"' in capsys.readouterr().out


def test_rewrite_replaces_store_and_leaves_no_temp(tmp_path, built):
    out, _ = built
    target = tmp_path / "s"
    write_store(out / "graph.ttl", target)
    small = tmp_path / "small.nt"
    small.write_text('<http://example.org/a> <http://example.org/b> "c" .\n', encoding="utf-8")
    write_store(small, target)
    assert _count(ox.Store.read_only(str(target))) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s", "small.nt"]


def test_refuses_to_replace_a_folder_that_is_not_a_store(tmp_path, built):
    out, _ = built
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError):
        write_store(out / "graph.ttl", target)
    assert (target / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_bad_graph_file_is_an_output_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    with pytest.raises(OutputError):
        write_store(bad, tmp_path / "s")
    assert not (tmp_path / "s").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.ttl"]


def test_export_subcommand_ntriples_matches_graph(built, tmp_path):
    out, _ = built
    nt = tmp_path / "g.nt"
    assert main(["export", "--format", "ntriples", "-o", str(nt), "--graph", str(out), "-q"]) == 0
    again = tmp_path / "g2.nt"
    assert main(["export", "--format", "ntriples", "-o", str(again), "--graph", str(out), "-q"]) == 0
    assert nt.read_bytes() == again.read_bytes()
    ttl = ox.Store()  # the N-Triples hand-off holds the whole graph: both files of the build
    ttl.load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    ttl.load(path=str(out / "analytics.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(nt.read_text(encoding="utf-8").splitlines()) == _count(ttl)
    gml = tmp_path / "g.graphml"
    assert main(["export", "-f", "graphml", "-o", str(gml), "--graph", str(out), "-q"]) == 0
    assert b"<graphml" in gml.read_bytes()[:500]


def test_export_summary_names_the_file_as_given(built, tmp_path, capsys):
    out, _ = built
    target = tmp_path / "g.ntriples"
    assert main(["export", "-o", str(target), "--graph", str(out)]) == 0
    assert target.exists() and not (tmp_path / "g.nt").exists()
    assert capsys.readouterr().err.strip() == f"paperkg: wrote {target} (ntriples)"
