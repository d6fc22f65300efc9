"""The ontology file, the generated PKG namespace and the SHACL shapes stay in step."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS

from kg.schema import NAMESPACE, PKG
from ontology import ONTOLOGY_PATH, SHAPES_PATH
from ontology.generate import declared_terms, render_namespace


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_PATH, format="turtle")


def _declared(g: rdflib.Graph) -> set[str]:
    out = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for s in g.subjects(RDF.type, kind):
            if str(s).startswith(NAMESPACE):
                out.add(str(s)[len(NAMESPACE):])
    return out


def test_namespace_terms_equal_ttl_terms(onto):
    in_python = {name for name in PKG.__annotations__}
    assert in_python == _declared(onto)
    assert str(PKG.usesMethod) == NAMESPACE + "usesMethod"
    with pytest.raises(AttributeError):
        PKG.notATerm  # noqa: B018  (DefinedNamespace with _fail refuses unknown terms)


def test_generated_namespace_file_is_current():
    from pathlib import Path

    current = (Path(ONTOLOGY_PATH).parent / "_namespace.py").read_text(encoding="utf-8")
    assert current == render_namespace()
    assert [t[0] for t in declared_terms()] == sorted(_declared(rdflib.Graph().parse(ONTOLOGY_PATH)))


def test_every_term_has_label_and_comment(onto):
    for name in _declared(onto):
        term = rdflib.URIRef(NAMESPACE + name)
        assert onto.value(term, RDFS.label) is not None, name
        assert onto.value(term, RDFS.comment) is not None, name


REQUIRED = {
    "Paper", "Method", "Dataset", "Benchmark", "CodeRepository", "WebPage", "Organization", "Mention",
    "proposes", "usesMethod", "usesDataset", "evaluatesOn", "hasCode", "hasOwnCode", "hasThirdPartyCode",
    "hasLink", "mentions", "buildsOn", "relatedTo", "cites", "ownedBy", "support", "weight",
    "field", "start", "end", "sentence", "rule", "confidence",
}


def test_required_terms_present(onto):
    assert REQUIRED <= _declared(onto)


@pytest.mark.parametrize("term, parent, rel", [
    ("Paper", "https://schema.org/ScholarlyArticle", RDFS.subClassOf),
    ("Paper", "http://purl.org/spar/fabio/ResearchPaper", RDFS.subClassOf),
    ("CodeRepository", "https://schema.org/SoftwareSourceCode", RDFS.subClassOf),
    ("Dataset", "https://schema.org/Dataset", RDFS.subClassOf),
    ("Mention", "http://www.w3.org/ns/prov#Entity", RDFS.subClassOf),
    ("usesMethod", "http://purl.org/spar/cito/usesMethodIn", RDFS.subPropertyOf),
    ("usesDataset", "http://purl.org/spar/cito/usesDataFrom", RDFS.subPropertyOf),
    ("evaluatesOn", "http://purl.org/spar/cito/citesAsDataSource", RDFS.subPropertyOf),
    ("cites", "http://purl.org/spar/cito/cites", RDFS.subPropertyOf),
    ("hasCode", "https://schema.org/codeRepository", RDFS.subPropertyOf),
    ("hasOwnCode", NAMESPACE + "hasCode", RDFS.subPropertyOf),
    ("generatedBy", "http://www.w3.org/ns/prov#wasGeneratedBy", RDFS.subPropertyOf),
])
def test_mappings_to_standard_vocabularies(onto, term, parent, rel):
    assert (rdflib.URIRef(NAMESPACE + term), rel, rdflib.URIRef(parent)) in onto


def test_shapes_cover_every_data_class():
    shapes = rdflib.Graph().parse(SHAPES_PATH, format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    targeted = {str(o)[len(NAMESPACE):] for o in shapes.objects(None, sh.targetClass)}
    onto = rdflib.Graph().parse(ONTOLOGY_PATH)
    classes = {str(s)[len(NAMESPACE):] for s in onto.subjects(RDF.type, OWL.Class)}
    # pkg:Entity is abstract (never asserted); its three subclasses are targeted.
    assert targeted == classes - {"Entity"}


def test_ontology_parses_with_oxigraph_too():
    triples = list(ox.parse(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE))
    assert len(triples) > 200
