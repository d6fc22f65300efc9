"""Plain frozen records passed between stages.

Stages never hand each other spaCy objects: these dataclasses carry character
offsets instead, so they pickle across processes (``--jobs``, Dask) and
serialise to JSON without surprises.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

__all__ = [
    "Source",
    "Paper",
    "Mention",
    "Entity",
    "EntityRef",
    "PaperExtraction",
    "CorpusExtraction",
    "CITATION_SCHEMES",
    "MAX_EVIDENCE",
    "evidence_tuple",
    "select_evidence",
]

#: Identifier schemes of a citation (``Mention.ref`` is "<scheme>:<id>").
CITATION_SCHEMES = ("arxiv", "doi")
#: Mentions of one statement (a paper and one entity, repository, link or cited work it mentions)
#: that the outputs keep as evidence: papers.jsonl, the graph (graph.ttl's pkg:Mention nodes, the
#: pages). The number of all of them is stated beside (``mention_count``, ``pkg:mentionCount``).
#: A paper naming one entity thousands of times would otherwise repeat it thousands of times.
MAX_EVIDENCE = 5


@dataclass(frozen=True)
class Source:
    """Where one listing entry came from."""

    file: str
    position: int  # 0-based index of the entry within the file
    line: int | None = None  # 1-based line where the entry starts, when known
    format: str = ""
    # Day heading of a Daily Papers page ("Aug 25") when the year is unknown,
    # as an xsd:gMonthDay "--08-25"; None otherwise.
    listing_day: str | None = None


@dataclass(frozen=True)
class Paper:
    """One distinct paper after ingestion and de-duplication."""

    id: str
    title: str
    abstract: str
    url: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD), or year-month (YYYY-MM) from the arXiv id, when known
    arxiv_id: str | None = None
    github: str | None = None  # repository given by a structured input (e.g. githubRepo)
    project_page: str | None = None
    sources: tuple[Source, ...] = ()
    # where ``date`` came from: one of kg.ingest.dates.DATE_SOURCES, or "listing-day" / "none" when undated
    date_source: str = "none"


@dataclass(frozen=True)
class Mention:
    """One piece of evidence: a span of a title or abstract and what it was read as.

    ``start``/``end`` are character offsets into ``Paper.title`` or
    ``Paper.abstract`` (``field``); ``sentence_start`` is the offset of
    ``sentence`` in the same field.
    """

    kind: str  # method | dataset | benchmark | repo | link | citation | (other kinds an extractor keeps)
    text: str  # surface form exactly as written
    field: str  # "title" | "abstract"
    start: int
    end: int
    sentence: str
    sentence_start: int
    rule: str  # which rule produced it, e.g. "gazetteer", "acronym", "cue:on-the-X-benchmark"
    confidence: float
    proposed: bool = False  # the paper itself introduces this
    long_form: str | None = None  # expansion when the text is an acronym defined in place
    url: str | None = None  # normalised URL (repo/link mentions)
    own: bool | None = None  # repo mentions: the paper's own code?
    link_type: str | None = None  # link mentions: project | video | data | paper | code | demo | other
    ref: str | None = None  # citation mentions: the cited work, "arxiv:<id>" or "doi:<doi>"

    def evidence(self) -> dict:
        return {
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": self.sentence,
            "rule": self.rule,
            "confidence": self.confidence,
        }


def evidence_tuple(m: Mention) -> tuple:
    """``m.evidence()`` as a tuple in its key order: field, start, end, rule, text, sentence, confidence."""
    return (m.field, m.start, m.end, m.rule, m.text, m.sentence, m.confidence)


def select_evidence(items: Iterable[tuple]) -> tuple[list[tuple], int]:
    """(the evidence an output keeps, the number of distinct items) for the ``evidence_tuple`` s of one statement.

    Keeps at most :data:`MAX_EVIDENCE` distinct items: title mentions first, then
    by position; returned in tuple order (field, start, ...), as every output lists them.
    """
    distinct = set(items)
    if len(distinct) <= MAX_EVIDENCE:
        return sorted(distinct), len(distinct)
    kept = sorted(distinct, key=lambda k: (k[0] != "title", k))[:MAX_EVIDENCE]
    return sorted(kept), len(distinct)


@dataclass(frozen=True)
class Entity:
    """A method, dataset or benchmark resolved across the whole corpus."""

    id: str  # stable, e.g. "method/group-relative-policy-optimization"
    name: str  # canonical display name
    kind: str  # one of kg.schema.ENTITY_KINDS
    aliases: tuple[str, ...] = ()  # other surface forms, acronym <-> long form
    support: int = 0  # number of papers mentioning it


@dataclass(frozen=True)
class EntityRef:
    """A paper's link to an entity, with every mention that supports it."""

    entity_id: str
    mentions: tuple[Mention, ...] = ()
    surface: str = ""  # fullest form as written in this paper


@dataclass(frozen=True)
class PaperExtraction:
    """Everything extracted from one paper, after corpus-wide resolution."""

    paper_id: str
    methods: tuple[EntityRef, ...] = ()
    datasets: tuple[EntityRef, ...] = ()
    benchmarks: tuple[EntityRef, ...] = ()
    proposes: tuple[str, ...] = ()  # entity ids the paper introduces
    repos: tuple[Mention, ...] = ()  # kind == "repo", .url = https://HOST/OWNER/NAME, .own set
    links: tuple[Mention, ...] = ()  # kind == "link", .url normalised, .link_type set
    citations: tuple[Mention, ...] = ()  # kind == "citation", one per occurrence, .ref and .url set

    def entity_refs(self) -> Iterator[EntityRef]:
        yield from self.methods
        yield from self.datasets
        yield from self.benchmarks


@dataclass(frozen=True)
class CorpusExtraction:
    """The extraction of a whole corpus: per-paper results plus the entity table."""

    papers: tuple[PaperExtraction, ...] = ()
    entities: tuple[Entity, ...] = ()
    extractor_version: str = ""
    _by_id: dict = field(default_factory=dict, compare=False, repr=False)

    def entity(self, entity_id: str) -> Entity:
        if not self._by_id:
            self._by_id.update({e.id: e for e in self.entities})
        return self._by_id[entity_id]
