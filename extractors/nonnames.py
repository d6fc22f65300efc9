"""Candidate spans that are written like names but name no ML entity.

Candidate generators (shape cues, Title Case runs, proposal cues) see only a
span's spelling; these checks read the characters around it and reject
classes of non-names, whatever the paper:

* maths: anything inside a big-O or Omega expression ("O( dT)", "Omega left( mK")
  or carrying LaTeX/maths characters;
* spelled-out Greek letters with numbers ("Delta3.4"), size prefixes ("sub-2B");
* citation keys in brackets ("[AB12]") and author citations ("Smith-Jones and Lee (2021)");
* owners: "X's <Name>" (an organisation owning a model), "X ... group/team/lab";
* metrics: a name right after a number ("91.2% AUC-PR");
* emphasis capitals inside or leading a dictionary word ("geneRAtion", "ARChive", spelling out an acronym);
* adjective compounds ("LLM-powered").

:func:`trim_span` first repairs the edges a LaTeX or scraping artefact leaves
("e.g.~X", "X~", "end.Next") and keeps a name's star ("Q*").
"""
from __future__ import annotations

import re

from extractors.gazetteer import dictionary_word, english_words
from extractors.terms import stop_category

__all__ = ["trim_span", "non_name_reason", "generic_numbered", "ADJECTIVE_COMPOUND"]

_LEAD = re.compile(r"^(?:(?:e\.g|i\.e|cf|viz)(?:\.[~\s]*|[~\s]+)|[~\s]+)", re.I)
_TRAIL = re.compile(r"[~\s]+$")
#: A parameter count before a name: "the 236B Zorb-V2" is Zorb-V2 (the size is said of it, as in "Zorb-V2 236B").
_LEAD_SIZE = re.compile(r"^\d+(?:\.\d+)?[BM]\s+(?=[A-Z])")
#: A parameter count and a variant word only: "(Foo-8B and) 70B Instruct" sizes and tunes a model named before.
_SIZED_VARIANT = re.compile(r"^(?:\d+(?:\.\d+)?[BM]\s+)?(?:Instruct|Chat|Base|Turbo|Preview|Lite|Mini|Large|Small|"
                            r"Medium|Tiny|Nano)$")
#: A sentence glued to the next one by a scraper: "... the function.Next sentence".
_GLUE = re.compile(r"[a-z0-9)]\.(?=[A-Z][a-z])")
#: A capital before a glued sentence break, the next sentence opening with a common first word: "on GPU.The code".
_GLUE_AFTER_CAPITAL = re.compile(r"[A-Z]\.(?=(?:The|This|These|We|Our|It|In|To|For|Code|Experiments|Results|"
                                 r"Moreover|However|Furthermore|Finally)\b)")
#: A plural head noun and a hyphen glued before a name, or a hyphen and a connective after one: a dash written
#: without spaces ("models-FooPlace", "BAZ-consistently", "MLLMs-such").
_DASH_LEAD = re.compile(r"^(?:models|methods|baselines|approaches|datasets|benchmarks|tasks|systems|tools|algorithms|"
                        r"networks|encoders|variants|frameworks|agents|techniques)-(?=[A-Z0-9])")
_DASH_TRAIL = re.compile(r"-(?:[a-z]{3,}ly|such|which|that|and|or|while|where|including)$")
_MATH_CHARS = re.compile(r"[\\^_{}$=<>~]")
#: A snake-case identifier of words ("arc_easy", "mmlu_pro"), unlike a subscript ("d_eff", "x_i", "theta_t").
_SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]{2,}(?:_[a-z0-9]{3,})+$")
#: A name joined by underscores, its first part a word or acronym ("FOOSET_OI", "Widget_XL"), unlike a subscript
#: ("W_Q", "B_crit", "Delta_c").
UNDERSCORE_NAME = re.compile(r"^(?=[^_]*[A-Z])[A-Za-z][A-Za-z0-9]+(?:_[A-Z0-9][A-Za-z0-9]*)+$")
#: An unclosed big-O style opening before the span: "O(", "tilde O(", "Omega left(", "Theta(".
_BIG_O = re.compile(r"(?:\b(?:O|o|Omega|Theta|Ω|Θ)\s*(?:left\s*)?[(\[]|\bleft\s*\()[^()\[\]]*$")
_GREEK_NUMBER = re.compile(r"^(?:[Dd]elta|[Aa]lpha|[Bb]eta|[Gg]amma|[Ee]psilon|[Ss]igma|[Ll]ambda|[Tt]heta|[Oo]mega|"
                           r"[Mm]u|[Ee]ta|[Tt]au|[Pp]hi|[Pp]si|[Rr]ho|[Kk]appa)[\d.,]+%?$")
_SIZE_PREFIX = re.compile(r"^(?:sub|over|under|super|near|pre|post|above|below)-[\d.]+[KkMmBbTt]?$", re.I)
_OPEN_BRACKET = re.compile(r"\[[^\]]{0,40}$")
_CITE_KEY = re.compile(r"^[A-Z][A-Za-z]{0,5}\+?\d{2}[a-z]?$")
#: After a name: "and Lee (2021)", "and Lee, 2021", "et al." (a citation of people).
_AUTHOR_CITE = re.compile(r"^\s*(?:and|&)\s+[A-Z][\w'-]+\s*(?:\(\d{4}[a-z]?\)|,\s*\d{4}\b)")
_OWNER_GROUP = re.compile(r"^(?:\s+[A-Z][\w-]*){0,3}\s+(?:group|team|lab|laboratory|consortium|submission|"
                          r"institute|university|(?:Center|Centre|Institute|University|Foundation|Laboratory)(?![\w-]))\b")
#: An organisation's head word inside a name, followed by what it is for or of.
_ORGANISATION = re.compile(r"\s(?:Centre|Center|Institute|University|Foundation|Laboratory|Laboratories|Agency|"
                           r"Corporation|Academy|Council|Ministry|Department)\s+(?:for|of)\s")
_POSSESSIVE_NAME = re.compile(r"^['’]s\s+(?:[A-Z]\w*|(?=\w*[A-Za-z])\w*\d\w*)")  # not a count: "X's 18 subsets"
_NUMBER_BEFORE = re.compile(r"(?:\d\s*%|\d[.,]\d+)\s*$")
#: A hyphenated adjective ("LLM-powered", "Fourier-based"): it describes a name, it is none.
#: A medical condition: "X's disease", "Y syndrome", "Z disorder".
_CONDITION = re.compile(r"(?:['’]s)?\s(?:disease|syndrome|disorder)s?$", re.I)
ADJECTIVE_COMPOUND = re.compile(r"-(?:powered|based|driven|guided|aware|enabled|assisted|centric|inspired|type|"
                                r"oriented|specific|agnostic|free|friendly|style|like)$", re.I)
#: The same compound with its hyphen lost: "FOOspecific", "LLMbased" (capitals, then the modifier in lower case).
_GLUED_COMPOUND = re.compile(r"^[A-Z]{2,}(?:powered|based|driven|guided|aware|enabled|assisted|centric|inspired|"
                             r"oriented|specific|agnostic|free|friendly|style|like)$")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) without a leading "e.g.~"/"~" or parameter count, a trailing "~", a dash written as a hyphen ("models-X",
    "X-consistently"), or the part before a glued sentence break."""
    span = text[start:end]
    lead = _LEAD.match(span)
    if lead and lead.end() < len(span):
        start += lead.end()
        span = text[start:end]
    size = _LEAD_SIZE.match(span)
    if size and size.end() < len(span) and not _SIZED_VARIANT.match(span):
        start += size.end()
        span = text[start:end]
    if span.endswith(("'s", "’s")) and len(span) > 3:
        end -= 2  # "the Widget Lab's model": the possessive ending is not part of the name
        span = text[start:end]
    trail = _TRAIL.search(span)
    if trail and trail.start() > 0:
        end = start + trail.start()
        span = text[start:end]
    dash = _DASH_LEAD.match(span)
    if dash and dash.end() < len(span):
        start += dash.end()  # "three models-FooPlace, BarPlace and BAZ-consistently ...": a dash written as a hyphen
        span = text[start:end]
    dash = _DASH_TRAIL.search(span)
    if dash and dash.start() > 0:
        end = start + dash.start()
        span = text[start:end]
    capital = _GLUE_AFTER_CAPITAL.search(span)
    if capital is not None:
        end = start + capital.start() + 1  # "GPU.The models": the name ends before the glued sentence
        span = text[start:end]
    glue = None
    for glue in _GLUE.finditer(span):
        pass
    if glue is not None and glue.end() < len(span) - 1:
        start += glue.end()
    if text[end:end + 1] == "*" and not text[end + 1:end + 2].isalnum() and end - start <= 2:
        end += 1  # "Q*", "A*": the star is part of a one- or two-letter name (after a longer one it marks a note)
    return start, end


#: Leading capitals and a lower-case rest: "WIDgeting", "ARChive" (the capitals spell an acronym's letters).
_LEADING_CAPITALS = re.compile(r"^[A-Z]{2,}[a-z]{3,}$")


def _emphasis_capitals(word: str) -> bool:
    """"geneRatiOn", "mixtuRe", "INTerleaved": capitals set into a dictionary word (spelling out an acronym's
    letters)."""
    if _LEADING_CAPITALS.match(word):
        return dictionary_word(word.lower())
    if not word.isalpha() or not word[0].islower() or word[1:].islower():
        return False  # "HiPPO", "LoRA": a capital first letter is how names are written
    inner = sum(c.isupper() for c in word[1:])
    if inner == 1:  # "moDel", "mixtuRe": one capital set into a longer inflected word
        return len(word) >= 5 and dictionary_word(word.lower())
    return inner >= 2 and word.lower() in english_words()


_CAPITAL_WORD = re.compile(r"\b[A-Z]{4,}\b")


def _spells_acronym(word: str, text: str) -> bool:
    """"the MOSt of TAsks" beside "MOSTA": a dictionary word whose capitals are a run of the letters of an
    all-capitals name in the same text is written to spell that name, and names nothing itself."""
    capitals = "".join(c for c in word if c.isupper())
    if not word.isalpha() or len(capitals) < 2 or word.isupper() or word[1:].islower() or \
            not dictionary_word(word.lower()):
        return False
    return any(capitals in acronym and capitals != acronym for acronym in _CAPITAL_WORD.findall(text))


def non_name_reason(text: str, start: int, end: int, gazetteer: bool = False) -> str | None:
    """Why the span ``text[start:end]`` names no ML entity (a short label), or None if it may.

    ``gazetteer``: the span is a known name, so only context checks that hold
    for any spelling (maths, citations, owners) apply.
    """
    span = text[start:end]
    before = text[max(0, start - 40):start]
    after = text[end:end + 60]
    if len(span) <= 12 and ("(" in before or "[" in before) and _BIG_O.search(before):
        return "maths"
    plain = span.replace("$", "") if span.count("$") == 2 else span
    if _SNAKE_CASE.match(plain) or UNDERSCORE_NAME.match(plain):
        plain = plain.replace("_", "")  # "arc_easy", "foo_test": an identifier of words, no subscript
    if not gazetteer and _MATH_CHARS.search(plain):
        return "maths"
    if _GREEK_NUMBER.match(span) or _SIZE_PREFIX.match(span):
        return "number"
    if _SIZED_VARIANT.match(span) and _LEAD_SIZE.match(span):
        return "variant"  # "Foo-8B and 70B Instruct models": the size and variant of a model named before
    if _FOOTNOTE_GLUE.search(span):
        return "footnote"  # "... our method.111Code is at", "222Our code": a scraped footnote mark glued to a sentence
    if "[" in before and _CITE_KEY.match(span) and _OPEN_BRACKET.search(before):
        return "citation"
    if _AUTHOR_CITE.match(after):
        return "citation"
    if gazetteer:
        return None
    if after.startswith(("'s ", "’s ")) and _POSSESSIVE_NAME.match(after):
        return "owner"
    if _OWNER_GROUP.match(after):
        return "owner"
    if _ORGANISATION.search(span):
        return "owner"  # "the Northern Centre for Widget Forecasts", "the Zorb Institute of Science": who, not what
    if _CONDITION.search(span):
        return "condition"  # "Alzheimer's disease", "Widget syndrome": a medical condition is a domain, not a name
    if " " not in span and _NUMBER_BEFORE.search(before[-12:]):
        return "metric"
    if _AT_K.match(after):
        return "metric"  # "Hit@10", "Recall@5": a metric at a cut-off, whatever its first word
    if " " not in span and (_emphasis_capitals(span) or _spells_acronym(span, text)):
        return "emphasis"
    if ADJECTIVE_COMPOUND.search(span.rsplit(" ", 1)[-1]) or _GLUED_COMPOUND.match(span):
        return "adjective"  # "LLM-powered", "Policy Gradient-like", "LLMbased": a modifier, not a name
    if generic_numbered(span):
        return "label"  # "Stage-I", "Phase 2", "Table 3": a numbered part of the paper or its procedure, not a name
    edition = _VENUE_YEAR.match(span)
    if edition is not None and stop_category(edition.group(1)) == "venue" and not _DATA_AFTER.match(after):
        return "venue"  # "ZQCONF23", "ZQCONF 2024", "ZQCONF'24": a conference edition (not "ZQCONF 2017 datasets")
    return None


_AT_K = re.compile(r"@(?:\d|k\b|K\b)")
#: A generic word and its number: "Stage-2", "Track 4", "Table 3", and a step numbered in Roman, "Stage-I", "Part II".
_GENERIC_NUMBERED = re.compile(
    r"^(?:top|stage|phase|step|type|level|system|round|part|class|tier|layer|version|day|task|model|table|"
    r"figure|fig|section|eq|equation|appendix|theorem|lemma|algorithm|group|block|rank|order|degree|"
    r"dimension|case|setting|scenario|experiment|study|week|year|epoch|iteration|turn|hop|shot|track|k)"
    r"[-\s]?\d+(?:\.\d+)?$|^(?:stage|phase|step|round|part|tier)[-\s]?(?:i{1,3}|iv|vi{0,3}|ix|x)$", re.I)


def generic_numbered(text: str) -> bool:
    """"Stage-2", "Track 4", "Table 3", "Stage-I": a generic word and its number label a part, they name nothing."""
    return bool(_GENERIC_NUMBERED.match(text))
#: A footnote mark a page scraper glued between two sentences or before one: "method.111Code", "222Our".
_FOOTNOTE_GLUE = re.compile(r"[a-z]\.\d+[A-Z][a-z]|^\d{2,}[A-Z][a-z]+$")
_DATA_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:datasets?|challenges?|benchmarks?|competitions?|shared tasks?|"
                         r"tracks?|data|corpus|splits?|test sets?)\b", re.I)
#: A name followed by a two- or four-digit year, glued, spaced or after an apostrophe.
_VENUE_YEAR = re.compile(r"^([A-Za-z][A-Za-z-]+?)(?:\s|'|’)?(?:19|20)?\d\d$")
