"""kg.schema is the one schema: every term written is declared, no module keeps its own copy, no import cycle."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib

from kg import schema
from kg.graph.iris import node_iri
from ontology import SHAPES_PATH
from ontology.generate import declared_terms, ontology_namespace

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("kg", "extractors", "ontology")
SH_PATH = "http://www.w3.org/ns/shacl#path"


def _written_terms(graph_ttl: Path) -> set[str]:
    """Every predicate and every class (rdf:type object) of a written graph."""
    out = set()
    for t in ox.parse(path=str(graph_ttl), format=ox.RdfFormat.TURTLE):
        out.add(t.predicate.value)
        if t.predicate.value == schema.RDF + "type":
            out.add(t.object.value)
    return out


def test_every_term_written_on_the_demo_graph_is_declared(demo_out):
    declared = {schema.NAMESPACE + name for name, _, _ in declared_terms()}
    shape_paths = {t.object.value for t in ox.parse(path=str(SHAPES_PATH), format=ox.RdfFormat.TURTLE)
                   if t.predicate.value == SH_PATH and isinstance(t.object, ox.NamedNode)}
    written = _written_terms(demo_out / "graph.ttl") | _written_terms(demo_out / "analytics.ttl")
    ours = {t for t in written if t.startswith(schema.NAMESPACE)}
    assert len(ours) > 40
    assert ours - declared == set()
    others = written - ours - {schema.RDF + "type"}
    # standard terms: from a declared vocabulary, and constrained by a shape
    assert all(any(t.startswith(ns) for ns in schema.PREFIXES.values()) for t in others), others
    assert others - shape_paths == set()


def test_schema_tables_name_declared_terms():
    declared = {name for name, _, _ in declared_terms()}
    assert set(schema.NODE_TYPES) | set(schema.RELATIONS) <= declared
    assert set(schema.EVIDENCE_RELATIONS) | set(schema.PLAIN_RELATIONS) | set(schema.REIFIED_RELATIONS) \
        == set(schema.RELATIONS)
    for rows in schema.ATTRIBUTES.values():
        for _, prop, kind in rows:
            assert prop.startswith(tuple(schema.PREFIXES.values())), prop
            assert kind in ("str", "int", "float", "date", "uri", "list")
            if prop.startswith(schema.NAMESPACE):
                assert prop[len(schema.NAMESPACE):] in declared


def test_namespace_comes_from_the_ontology_file():
    assert schema.NAMESPACE == ontology_namespace() == str(schema.PKG._NS)
    assert schema.ONTOLOGY_IRI + "#" == schema.NAMESPACE


def test_plain_terms_are_checked_strings():
    assert schema.pkg.usesMethod == str(schema.PKG.usesMethod)
    assert type(schema.pkg.usesMethod) is str and schema.pkg["Paper"] == schema.NAMESPACE + "Paper"
    with pytest.raises(AttributeError):
        schema.pkg.inPaper  # noqa: B018  (removed: never written)
    with pytest.raises(AttributeError):
        schema.pkg.notATerm  # noqa: B018


def test_data_prefixes_are_node_iris():
    base = "https://example.org/id/"
    prefixes = schema.all_prefixes(base)
    for name in schema.DATA_PREFIXES:
        assert prefixes[name] == node_iri(base, name + "/")
    assert prefixes["kg"] == base and prefixes["pkg"] == schema.NAMESPACE


def test_the_namespace_iri_is_typed_in_one_place():
    """Only the ontology file and the namespace generated from it spell the pkg: IRI (docs aside)."""
    iri = schema.NAMESPACE
    hits = sorted(str(p.relative_to(REPO)) for pkg in PACKAGES for p in (REPO / pkg).rglob("*.py")
                  if iri in p.read_text(encoding="utf-8"))
    assert hits == ["ontology/_namespace.py"]


# ------------------------------------------------------------ imports

def _modules() -> dict[str, Path]:
    out = {}
    for pkg in PACKAGES:
        for p in (REPO / pkg).rglob("*.py"):
            parts = p.relative_to(REPO).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            out[name] = p
    return out


def _imports(modules: dict[str, Path]):
    """(module-level import graph, [(module, imported, line) of imports inside functions])."""
    graph = nx.DiGraph()
    inner = []
    for name, path in modules.items():
        graph.add_node(name)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_function = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                       for n in ast.walk(f)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            for target in targets:
                if target in modules and target != name:
                    if id(node) in in_function:
                        inner.append((name, target, node.lineno))
                    else:
                        graph.add_edge(name, target)
    return graph, inner


def test_no_import_cycle_among_project_modules():
    graph, _ = _imports(_modules())
    assert graph.number_of_edges() > 100
    assert list(nx.simple_cycles(graph)) == []


def test_import_graph_covers_kg_extractors_and_ontology():
    """The cycle check sees the imports of all three packages, extractors' pipeline included."""
    graph, _ = _imports(_modules())
    assert {module.split(".")[0] for module, _target in graph.edges} == set(PACKAGES)
    assert graph.has_edge("extractors.pipeline", "extractors.components")  # was imported inside make_nlp
    assert graph.has_edge("extractors.extract", "extractors.pipeline")
    assert graph.has_edge("ontology.generate", "kg.atomic")


def test_import_checker_finds_cycles_and_function_level_imports(tmp_path):
    (tmp_path / "a.py").write_text("from b import f\n\ndef g():\n    import c\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("import a\n\ndef f():\n    pass\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("", encoding="utf-8")
    graph, inner = _imports({name: tmp_path / f"{name}.py" for name in ("a", "b", "c")})
    assert [sorted(cycle) for cycle in nx.simple_cycles(graph)] == [["a", "b"]]
    assert inner == [("a", "c", 4)]


def test_project_modules_import_project_modules_at_module_level():
    """Deferred imports live only in kg._lazy (package __init__ files and CLI subcommands name their targets):
    no module of kg/, extractors/ or ontology/ imports a project module inside a function."""
    modules = _modules()
    assert {name.split(".")[0] for name in modules} == set(PACKAGES)
    _, inner = _imports(modules)
    assert inner == []


#: Exported names no production module uses, kept on purpose: API for tests, benchmarks and users.
_EXPORTED_FOR_USERS = {
    "kg.graph.export": {"sorted_triples"},  # a store's triples in the order the writers use
    "extractors.urls": {"LINK_TYPES"},  # every link_type a link mention can carry
    "kg.schema": {"RELATIONS"},  # every relation of the graph
    "ontology": {"ONTOLOGY_PATH", "SHAPES_PATH"},  # for pyshacl and rdflib users
    "kg.views.pages": {"entity_page", "paper_page"},  # one page's (view, record): tests, benchmarks/page_churn.py
}


def _used_names(modules: dict[str, Path]) -> set[str]:
    """Names, attributes, imported names and ``"module:attribute"`` strings used anywhere in the project code."""
    used = set()
    for path in modules.values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Store):
                used.add(node.id)
            elif isinstance(node, ast.Attribute):
                used.add(node.attr)
            elif isinstance(node, ast.alias):
                used.add(node.name.rpartition(".")[2])
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    re.fullmatch(r"[\w.]+:\w+", node.value):
                used.add(node.value.partition(":")[2])
    return used


def test_every_exported_name_is_used_by_the_project():
    """No dead public names: what a module exports in ``__all__`` is used by kg/, extractors/ or ontology/
    (a spaCy component counts as used: spaCy calls it), or is listed above with its reason."""
    modules = _modules()
    used = _used_names(modules)
    dead = []
    for name, path in sorted(modules.items()):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        registered = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.decorator_list}
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__all__" for t in node.targets):
                exported = [c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant)]
                dead += [f"{name}.{x}" for x in exported if x not in used and x not in registered
                         and x not in _EXPORTED_FOR_USERS.get(name, ())]
    assert dead == []


def test_no_module_keeps_its_own_copy_of_the_schema_tables():
    tuples = {
        "node types": re.compile(r'\(\s*"Paper",\s*"Method",\s*"Dataset"'),
        "entity types": re.compile(r'\(\s*"Method",\s*"Dataset",\s*"Benchmark"\s*\)'),
        "entity kinds": re.compile(r'\(\s*"method",\s*"dataset",\s*"benchmark"\s*\)'),
        "relations": re.compile(r'\(\s*"proposes",\s*"usesMethod"'),
    }
    for what, pattern in tuples.items():
        hits = sorted(str(p.relative_to(REPO)) for p in (REPO / "kg").rglob("*.py")
                      if pattern.search(p.read_text(encoding="utf-8")))
        assert hits == ["kg/schema.py"], (what, hits)


def test_loaded_rdf_equals_parsed_turtle_terms(demo_out):
    import kg

    loaded = set(kg.load(demo_out).rdf)
    parsed = set(rdflib.Graph().parse(demo_out / "graph.ttl", format="turtle")
                 .parse(demo_out / "analytics.ttl", format="turtle"))
    assert loaded == parsed


def test_loading_a_graph_imports_no_extraction_or_notebook_code(demo_out):
    """Module-level imports must not make ``kg.load`` pay for spaCy, IPython or Jinja (views load on use)."""
    import subprocess
    import sys

    code = (f"import sys, kg\ng = kg.load({str(demo_out)!r})\nassert g.query('ASK {{ ?s ?p ?o }}')\n"
            "print(sorted(m for m in ('spacy', 'IPython', 'jinja2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
