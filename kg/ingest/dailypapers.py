"""Reader for text dumps of the Hugging Face Daily Papers page.

Two layouts occur in practice:

(a) every element in its own blank-line-separated block: page header lines,
    a day heading ("Aug 25"), then title block, abstract block, ...
(b) one title line then one abstract line, no blank lines (or only a few),
    with the header word "Subscribe" glued to the first title.

Titles and abstracts are told apart by a small Viterbi labelling over the
element sequence (title -> abstract pairs), scored by how abstract-like each
element looks (length, final period, sentence breaks).  Position decides when
the text is ambiguous, content decides when position and text disagree.

Decisions: an element left without a partner (a title with no abstract, e.g.
a dump cut off after a title, or a paragraph with no title) is skipped with a
warning naming its line.  A title/abstract pair that is not a paper (an
over-long title or abstract) is skipped into ``errors`` with the title's line.
A file where no title/abstract pair is found, where unpaired elements
outnumber pairs, or with a line longer than any abstract, is not a listing:
InputError.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
import statistics
from dataclasses import dataclass

from kg.errors import InputError
from kg.ingest.dates import infer_years
from kg.ingest.records import MAX_ABSTRACT_CHARS, IngestWarning, make_entry, skip_record
from kg.models import Paper, Source

__all__ = ["parse_dailypapers", "FORMAT"]

FORMAT = "dailypapers"

# Page chrome, compared case-insensitively as whole lines.
_HEADER_LINES = frozenset(
    s.casefold()
    for s in (
        "new",
        "Get trending papers in your email inbox!",
        "Get trending papers in your email inbox once a day!",
        "Subscribe",
        "Daily Papers",
        "byAK and the research community",
    )
)
# Page chrome that a copy-paste can glue onto the next line (case-sensitive prefixes).
_GLUED_PREFIXES = (
    "Get trending papers in your email inbox once a day!",
    "Get trending papers in your email inbox!",
    "byAK and the research community",
    "Daily Papers",
    "Subscribe",
)
_MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_DAY_RE = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:(?:,\s*|\s+)(\d{4}))?")
_SENTENCE_BREAK = re.compile(r"[a-z0-9)\]%][.!?][\"')\]]*\s+[A-Z(\[]")

_ORPHAN_PENALTY = 12.0
_MAX_TITLE = 350
# A real listing's abstracts are paragraphs; a list of short lines is something else.
_MIN_MEDIAN_ABSTRACT = 100


@dataclass(frozen=True)
class _Element:
    text: str
    line: int
    listing_day: str | None
    date: str | None


def _day_heading(line: str) -> tuple[str | None, str | None] | None:
    """(listing_day "--MM-DD", full ISO date) for a day heading line, else None."""
    m = _DAY_RE.fullmatch(line)
    if not m:
        return None
    month = _MONTHS.get(m.group(1).casefold())
    if month is None:
        return None
    day = int(m.group(2))
    year = int(m.group(3)) if m.group(3) else None
    try:
        _dt.date(year or 2000, month, day)  # 2000: leap year, so "Feb 29" is a valid heading
    except ValueError:
        return None
    if year:
        return None, f"{year:04d}-{month:02d}-{day:02d}"
    return f"--{month:02d}-{day:02d}", None


def _strip_glued(line: str) -> str:
    changed = True
    while changed:
        changed = False
        for prefix in _GLUED_PREFIXES:
            if line.startswith(prefix):
                line = line[len(prefix):].lstrip()
                changed = True
    return line


def _elements(text: str) -> list[_Element]:
    """Content elements (titles and abstracts) with their line and day heading."""
    runs: list[list[tuple[str, int]]] = []
    run_days: list[tuple[str | None, str | None]] = []
    current: list[tuple[str, int]] = []
    listing_day = date = None
    after_header = True  # start of file counts as "right after the page header"
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            if current:
                runs.append(current)
                current = []
            continue
        if " ".join(line.split()).casefold() in _HEADER_LINES:
            after_header = True
            if current:
                runs.append(current)
                current = []
            continue
        heading = _day_heading(line)
        if heading is not None:
            listing_day, date = heading
            if current:
                runs.append(current)
                current = []
            after_header = False
            continue
        if after_header:
            line = _strip_glued(line)
            after_header = False
            if not line:
                continue
        if not current:
            run_days.append((listing_day, date))
        current.append((line, number))
    if current:
        runs.append(current)
    singles = sum(1 for run in runs if len(run) == 1)
    elements = []
    if 2 * singles >= len(runs):  # layout (a): one element per block; join wrapped lines
        for run, (day, full) in zip(runs, run_days):
            if _title_and_abstract(run):  # a separating blank line went missing
                elements.extend(_Element(t, n, day, full) for t, n in run)
            else:
                elements.append(_Element(" ".join(t for t, _ in run), run[0][1], day, full))
    else:  # layout (b): one element per line
        for run, (day, full) in zip(runs, run_days):
            elements.extend(_Element(t, n, day, full) for t, n in run)
    return elements


def _title_and_abstract(run: list[tuple[str, int]]) -> bool:
    """A two-line block holding a title line and a whole abstract line (either order).

    Hard-wrapped text does not look like this: its lines are no longer than
    the wrap width, far shorter than a one-line abstract.
    """
    if len(run) != 2:
        return False
    short, long_ = sorted((text for text, _ in run), key=len)
    return (
        len(long_) >= 200
        and len(long_) > 2 * len(short)
        and _abstractness(short) < 0.5
        and _abstractness(long_) >= 0.9
    )


def _abstractness(text: str) -> float:
    """0.0 = surely a title, 1.0 = surely an abstract."""
    p = min(max((len(text) - 40) / 360.0, 0.0), 1.0)
    if text.endswith(".") and not text.endswith(".."):
        p += 0.35
    p += 0.25 * min(len(_SENTENCE_BREAK.findall(text)), 2)
    return min(p, 1.0)


def _label(elements: list[_Element]) -> list[str]:
    """Viterbi labels: "T" (title paired with next), "A" (its abstract), "t"/"a" (unpaired)."""
    n = len(elements)
    if n == 0:
        return []
    p = [_abstractness(e.text) for e in elements]
    inf = float("inf")
    # cost[i][s]: best cost of elements[:i] ending in state s (0 = no open title, 1 = open title)
    cost = [[inf, inf] for _ in range(n + 1)]
    back: list[list[tuple[int, str] | None]] = [[None, None] for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n):
        t_cost, a_cost = 10.0 * p[i], 10.0 * (1.0 - p[i])
        if len(elements[i].text) > _MAX_TITLE or (p[i] >= 1.0 and len(elements[i].text) > 200):
            t_cost = inf  # prose this long is never a title
        for state in (0, 1):
            base = cost[i][state]
            if base == inf:
                continue
            if state == 0:
                options = ((1, base + t_cost, "T"), (0, base + a_cost + _ORPHAN_PENALTY, "a"))
            else:
                options = ((0, base + a_cost, "A"), (1, base + t_cost + _ORPHAN_PENALTY, "t"))
            for nxt, c, lab in options:
                if c < cost[i + 1][nxt]:  # strict: ties keep the earlier option
                    cost[i + 1][nxt] = c
                    back[i + 1][nxt] = (state, lab)
    final_open = cost[n][1] + _ORPHAN_PENALTY
    state = 0 if cost[n][0] <= final_open else 1
    labels = [""] * n
    for i in range(n, 0, -1):
        prev, lab = back[i][state]
        labels[i - 1] = lab
        state = prev
    # "t" marks the *previous* open title as orphaned; re-express per element.
    out: list[str] = []
    for lab in labels:
        if lab == "t":  # the element before was an open title: it is the orphan
            out[-1] = "t"
            out.append("T")
        else:
            out.append(lab)
    if out[-1] == "T":  # file ends on an open title
        out[-1] = "t"
    return out


def parse_dailypapers(text: str, file: str, warnings: list[IngestWarning] | None = None,
                      errors: list[InputError] | None = None, year: int | None = None) -> list[Paper]:
    """Entries of a Daily Papers page dump, in page order.

    Day headings without a year ("Aug 25") take ``year`` when given, else the
    year inferred from the file's headings that have one (kg.ingest.dates).
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_ABSTRACT_CHARS:  # fail fast: no title or abstract is this long
            raise InputError(
                file,
                f"not a Daily Papers listing: line is {len(line):,} characters long "
                f"(no title or abstract is longer than {MAX_ABSTRACT_CHARS:,})",
                number,
            )
    elements = _elements(text)
    if not elements:
        raise InputError(file, "not a Daily Papers listing: only page header lines, no papers")
    labels = _label(elements)
    pairs = [(elements[i], elements[i + 1]) for i, lab in enumerate(labels) if lab == "T"]
    orphans = [(elements[i], lab) for i, lab in enumerate(labels) if lab in ("t", "a")]
    if not pairs or len(orphans) > len(pairs):
        raise InputError(
            file,
            "not a Daily Papers listing: expected paper titles each followed by an abstract "
            f"({len(pairs)} title/abstract pairs, {len(orphans)} unpaired blocks)",
            elements[0].line,
        )
    median = statistics.median(len(a.text) for _, a in pairs)
    if median < _MIN_MEDIAN_ABSTRACT:
        raise InputError(
            file,
            "not a Daily Papers listing: the lines after titles are too short to be abstracts "
            f"(median {median:g} characters)",
            elements[0].line,
        )
    for element, lab in orphans:
        if warnings is not None:
            what = "title without an abstract" if lab == "t" else "paragraph without a title"
            snippet = element.text if len(element.text) <= 60 else element.text[:57] + "..."
            warnings.append(IngestWarning(file, f"{what}, skipped: {snippet!r}", element.line))
    entries = []
    dates = infer_years([(title.listing_day, title.date) for title, _ in pairs], year)
    yearless = [title for (title, _), (_, src) in zip(pairs, dates) if src == "listing-day"]
    if yearless and warnings is not None:
        first = yearless[0]
        day = f"{calendar.month_abbr[int(first.listing_day[2:4])]} {int(first.listing_day[5:7])}"
        why = (f"day headings that do not exist in {year} (first {day!r}): undated" if year is not None else
               f"day headings without a year (first {day!r}) and no heading with a year in the file to infer it "
               "from: undated; pass --year YEAR to date them")
        warnings.append(IngestWarning(file, f"{len(yearless)} paper(s) under {why}", first.line))
    for position, ((title, abstract), (date, date_source)) in enumerate(zip(pairs, dates)):
        source = Source(file=file, position=position, line=title.line, format=FORMAT, listing_day=title.listing_day)
        try:
            entries.append(make_entry(source, title.text, abstract.text, date=date, date_source=date_source))
        except InputError as exc:
            skip_record(errors, exc, title.line, position)
    return entries
