"""The graph's schema, in one place: node types, entity kinds, relations, the
attribute -> property table, prefixes and the ``PKG`` namespace.

The writer (:mod:`kg.graph.ntriples`), the reader (:mod:`kg.graph.rdf`), the
graph build, the views, the Python API and the named queries all import these
tables; none keeps a copy.

``PKG`` is the rdflib ``DefinedNamespace`` generated from
``ontology/paperkg.ttl`` (``python -m ontology.generate``): an undeclared term
is an AttributeError. ``pkg`` is the same namespace giving plain ``str`` IRIs
(rdflib's ``URIRef`` never equals a ``str``, so code comparing or looking up
IRIs as text uses ``pkg``): ``pkg.usesMethod == str(PKG.usesMethod)``.

>>> pkg.usesMethod == NAMESPACE + "usesMethod" == str(PKG.usesMethod)
True
>>> RELATION_OF_FIELD["datasets"], TYPE_OF_KIND["benchmark"]
('usesDataset', 'Benchmark')
"""
from __future__ import annotations

from ontology._namespace import PKG

__all__ = [
    "PKG", "pkg", "NAMESPACE", "ONTOLOGY_IRI", "RDF", "RDFS", "XSD", "XSD_STRING", "OWL", "SKOS", "DCTERMS", "SCHEMA", "VOID",
    "PREFIXES", "DATA_PREFIXES", "all_prefixes",
    "NODE_TYPES", "ENTITY_KINDS", "DATA_KINDS", "ENTITY_TYPES", "TYPE_OF_KIND", "KEY_PREFIX_TYPES",
    "ENTITY_RELATIONS", "USE_RELATION", "RELATION_OF_FIELD", "EVIDENCE_RELATIONS", "PLAIN_RELATIONS", "REIFIED_RELATIONS",
    "RELATIONS", "ATTRIBUTES", "attribute_table",
    "ANALYTICS_ATTRIBUTES", "ANALYTICS_RELATIONS", "ANALYTICS_CLASSES", "OWN_CLASSES", "ANALYTICS_PROPERTIES",
]

#: the pkg: namespace, as written in the ontology (the generated ``PKG`` carries it)
NAMESPACE = str(PKG._NS)
ONTOLOGY_IRI = NAMESPACE.rstrip("#")

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
VOID = "http://rdfs.org/ns/void#"

#: prefix -> namespace of every vocabulary the graph, its queries and its exports use.
PREFIXES = {
    "pkg": NAMESPACE,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "prov": "http://www.w3.org/ns/prov#",
    "cito": "http://purl.org/spar/cito/",
    "fabio": "http://purl.org/spar/fabio/",
    "void": VOID,
}

#: node-key prefixes that get a prefix of their own in Turtle and SPARQL (paper:p1, method:grpo, ...).
DATA_PREFIXES = ("paper", "method", "dataset", "benchmark", "repo", "org", "link", "mention", "sentence", "relatedness",
                 "buildson")


def all_prefixes(base_iri: str) -> dict[str, str]:
    """Vocabulary prefixes plus ``kg:`` (the base IRI) and one prefix per node-key kind.

    >>> all_prefixes("https://example.org/id/")["method"]
    'https://example.org/id/method/'
    """
    out = dict(PREFIXES)
    out["kg"] = base_iri
    for name in DATA_PREFIXES:  # plain ASCII words: kg.graph.iris.node_iri would not encode them either
        out[name] = base_iri + name + "/"
    return out


class _PlainTerms:
    """``PKG`` with plain ``str`` IRIs (each name checked against the ontology on first use, then an attribute)."""

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        iri = str(getattr(PKG, name))  # AttributeError for a term the ontology does not declare
        setattr(self, name, iri)
        return iri

    def __getitem__(self, name: str) -> str:
        return getattr(self, name)


#: ``pkg.X`` / ``pkg["X"]``: the IRI of the declared term X as a plain str.
pkg = _PlainTerms()

#: node ``type`` attribute values, in display order
NODE_TYPES = ("Paper", "Method", "Dataset", "Benchmark", "CodeRepository", "Organization", "WebPage")
#: ``Entity.kind`` values of the extraction, and the node type each becomes
ENTITY_KINDS = ("method", "dataset", "benchmark")
#: the kinds that are data (scored together; a dataset/benchmark swap is a matter of use, not of identity)
DATA_KINDS = ENTITY_KINDS[1:]
ENTITY_TYPES = ("Method", "Dataset", "Benchmark")
TYPE_OF_KIND = dict(zip(ENTITY_KINDS, ENTITY_TYPES))
#: first segment of a node key -> node type (``paper/<id>``, ``method/<slug>``, ``repo/...``)
KEY_PREFIX_TYPES = {"paper": "Paper", "method": "Method", "dataset": "Dataset", "benchmark": "Benchmark",
                    "repo": "CodeRepository", "org": "Organization", "link": "WebPage"}

#: paper -> entity relations (``proposes`` replaces the uses relation of the same pair)
ENTITY_RELATIONS = ("proposes", "usesMethod", "usesDataset", "evaluatesOn")
#: entity type -> the relation of a paper using it
USE_RELATION = dict(zip(ENTITY_TYPES, ENTITY_RELATIONS[1:]))
#: PaperExtraction field -> relation of the paper -> entity edge
RELATION_OF_FIELD = dict(zip(("methods", "datasets", "benchmarks"), ENTITY_RELATIONS[1:]))
#: relations whose edges carry ``evidence`` (one pkg:Mention per item)
EVIDENCE_RELATIONS = ENTITY_RELATIONS + ("hasCode", "hasLink", "cites")
#: relations written as one plain triple
PLAIN_RELATIONS = ("ownedBy",)
#: paper -> paper relations whose attributes are a reified node (pkg:Relatedness, pkg:BuildsOnLink)
REIFIED_RELATIONS = ("buildsOn", "relatedTo")
RELATIONS = ("proposes", "usesMethod", "usesDataset", "evaluatesOn", "hasCode", "hasLink",
             "ownedBy", "buildsOn", "relatedTo", "cites")

# Descriptive data uses the standard term itself (dcterms:title, skos:prefLabel, ...), so that queries
# written with the vocabularies people know match without a reasoner; pkg: terms only where no
# standard term says the same thing.
#: node type (entities: "Entity") -> ((attribute, property IRI, value kind), ...); value kinds:
#: str, int, float, date (xsd:date or xsd:gYearMonth), uri (xsd:anyURI), list (one triple per item)
ATTRIBUTES = {
    "Paper": (("title", DCTERMS + "title", "str"), ("abstract", DCTERMS + "abstract", "str"),
              ("date", DCTERMS + "date", "date"), ("date_source", pkg.dateSource, "str"),
              ("url", SCHEMA + "url", "uri"),
              ("authors", DCTERMS + "creator", "list"), ("sources", DCTERMS + "source", "list"),
              ("arxiv_id", pkg.arxivId, "str"), ("doi", pkg.doi, "str"), ("degree", pkg.degree, "int"),
              ("pagerank", pkg.pagerank, "float"), ("community", pkg.community, "int")),
    "Entity": (("name", SKOS + "prefLabel", "str"), ("aliases", SKOS + "altLabel", "list"),
               ("support", pkg.support, "int"), ("degree", pkg.degree, "int"),
               ("lookup_keys", pkg.lookupKey, "list"), ("support_rank", pkg.supportRank, "int")),
    "CodeRepository": (("url", SCHEMA + "url", "uri"), ("name", SKOS + "prefLabel", "str"),
                       ("degree", pkg.degree, "int")),
    "Organization": (("url", SCHEMA + "url", "uri"), ("name", SKOS + "prefLabel", "str"),
                     ("degree", pkg.degree, "int"), ("lookup_keys", pkg.lookupKey, "list")),
    "WebPage": (("url", SCHEMA + "url", "uri"), ("link_type", pkg.linkType, "str"), ("degree", pkg.degree, "int")),
}


def attribute_table(node_type: str) -> tuple:
    """The ``ATTRIBUTES`` rows of one node type (Method, Dataset and Benchmark share the entity rows)."""
    return ATTRIBUTES["Entity" if node_type in ENTITY_TYPES else node_type]


# The corpus-wide figures: statements that change when any paper is added or removed, even one that
# shares nothing with the subject (PageRank, communities, degrees, supports and their ranks, the
# relatedTo choice and its weights, method pairs, papers per month). A build writes them to
# analytics.ttl beside graph.ttl (kg.layout), which keeps each paper's, entity's, mention's and
# sentence's own statements, so that a new listing leaves the blocks of untouched subjects
# byte-identical. Every loader reads the two files together (the store's default graph is their union).
#: node attributes (kg.schema.ATTRIBUTES rows) that are corpus-wide figures
ANALYTICS_ATTRIBUTES = frozenset({"degree", "pagerank", "community", "support", "support_rank"})
#: relations chosen by corpus-wide weights (the relation triple and its reified node go to the analytics file)
ANALYTICS_RELATIONS = ("relatedTo",)
#: classes whose nodes are corpus-wide figures through and through
ANALYTICS_CLASSES = ("Relatedness", "MethodPair", "Month")
#: classes none of whose statements is a corpus-wide figure (the writer splits no statement of theirs)
OWN_CLASSES = ("Mention", "Sentence", "BuildsOnLink", "Extraction")
#: the property IRIs of ANALYTICS_ATTRIBUTES and ANALYTICS_RELATIONS: a statement of a node of another
#: class belongs to the analytics file exactly when its predicate is one of these
ANALYTICS_PROPERTIES = frozenset(
    {prop for rows in ATTRIBUTES.values() for attr, prop, _ in rows if attr in ANALYTICS_ATTRIBUTES}
    | {pkg[name] for name in ANALYTICS_RELATIONS})
