"""paperkg extraction core: spaCy rules that read methods, datasets, benchmarks,
proposals, repositories, links and citations out of titles and abstracts.

Imports are lazy so ``import extractors`` does no work.
"""
from __future__ import annotations

from kg._lazy import lazy_attributes

__all__ = ["EXTRACTOR_VERSION", "extract_paper", "extract_corpus", "ExtractStats", "paper_record", "make_nlp",
           "extractor_fingerprint"]

_LAZY = {
    "extract_paper": "extractors.corpus:extract_paper",
    "extract_corpus": "extractors.corpus:extract_corpus",
    "ExtractStats": "extractors.corpus:ExtractStats",
    "paper_record": "extractors.record:paper_record",
    "make_nlp": "extractors.pipeline:make_nlp",
    "EXTRACTOR_VERSION": "extractors.pipeline:EXTRACTOR_VERSION",
    "extractor_fingerprint": "extractors.pipeline:extractor_fingerprint",
}
__getattr__, __dir__ = lazy_attributes(__name__, _LAZY)
