"""Vet new rows for the bundled word lists and fold the accepted ones in, sorted into a section.

    python scripts/add_word_list_rows.py gazetteer NEW.tsv "# dataset: speech, audio and music data" [--exclude FILE]
    python scripts/add_word_list_rows.py stopterms NEW.tsv [--exclude FILE]

Round seventeen grew the gazetteer and the stop list from rows written from
knowledge of each field's literature; this is the check every such row went
through, kept here so the next additions go through the same one. A row is
dropped (and the reason printed) when its name is already known (any form of
a gazetteer entry, by canonical key), is a stop term (or, for the stop list,
a gazetteer form), is a single dictionary word, is shorter than three
characters, or is listed in ``--exclude`` (one name per line: names with
another common meaning, such as "GAP" or "PET"). An alias that fails the same
checks is dropped from its row. A gazetteer row whose name or alias is made
only of ordinary words joined by spaces or hyphens ("Seal-Tools") becomes
``cased``, so that only its exact spelling matches. ``--dry-run`` prints the
verdicts without writing. The tests in ``tests/test_gazetteer.py`` hold the
written files to their invariants (sorted sections, no form in two entries,
no gazetteer form a stop term).

Gazetteer rows: ``kind<TAB>name<TAB>aliases<TAB>match``; stop-term rows:
``category<TAB>term`` (the category names the section).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.canonical import canonical_key  # noqa: E402
from extractors.gazetteer import (KINDS, STOP_CATEGORIES, dictionary_word, load_gazetteer,  # noqa: E402
                                  load_stopterms, surface_forms, term_variants)

DATA = ROOT / "extractors" / "data"


def ordinary_words(form: str) -> bool:
    """"Seal-Tools", "Foggy Cityscapes": every part a dictionary word (matched loosely, such a name would match
    the words wherever a text uses them)."""
    parts = [p for p in re.split(r"[-\s]+", form) if p]
    return len(parts) >= 2 and all(p.isalpha() and dictionary_word(p.lower()) for p in parts)


def _lone_word(form: str) -> bool:
    """A single dictionary word without inner capitals or digits ("Places", "Nougat"), not an acronym."""
    return " " not in form and "-" not in form and not form.isupper() and dictionary_word(form.lower()) and \
        not re.search(r"[A-Z].*[A-Z]|\d", form[1:])


class Vetter:
    """The known names and stop terms new rows are checked against; accepted rows join them, so a file's own
    duplicates are caught too."""

    def __init__(self, exclude: set[str] = frozenset()):
        self.keys = {canonical_key(f) for e in load_gazetteer() for f in surface_forms(e)}
        self.stop = set(load_stopterms())
        self.exclude = set(exclude)

    def form_problem(self, form: str, *, for_stop_list: bool = False) -> str | None:
        if form in self.exclude:
            return "excluded"
        if len(form) < 3 or not re.search(r"[A-Za-z]", form):
            return "too short"
        if any(v in self.stop for v in term_variants(form)):
            return "a stop term"
        if canonical_key(form) in self.keys:
            return "a known name"
        if not for_stop_list and _lone_word(form):
            return "a dictionary word"
        return None

    def gazetteer_row(self, fields: list[str]) -> tuple[list[str] | None, list[str]]:
        """(the row to write or None, the reasons for what was dropped)."""
        if len(fields) == 3:
            fields = [*fields, "lower"]
        if len(fields) != 4 or fields[0] not in KINDS or fields[3] not in ("cased", "lower"):
            return None, [f"not a gazetteer row: {fields!r}"]
        kind, name, aliases, match = fields
        problem = self.form_problem(name)
        if problem:
            return None, [f"{name}: {problem}"]
        notes, kept = [], []
        for alias in (a.strip() for a in aliases.split("|") if a.strip()):
            problem = self.form_problem(alias) if alias != name and alias not in kept else "repeated"
            if problem:
                notes.append(f"{name}: alias {alias} {problem}")
            else:
                kept.append(alias)
        if match == "lower" and any(ordinary_words(f) for f in (name, *kept)):
            match = "cased"
            notes.append(f"{name}: made of ordinary words, cased")
        self.keys.update(canonical_key(f) for f in (name, *kept))
        return [kind, name, "|".join(kept), match], notes

    def stop_row(self, fields: list[str]) -> tuple[list[str] | None, list[str]]:
        if len(fields) != 2 or fields[0] not in STOP_CATEGORIES:
            return None, [f"not a stop-term row: {fields!r}"]
        problem = self.form_problem(fields[1], for_stop_list=True)
        if problem:
            return None, [f"{fields[1]}: {problem}"]
        self.stop.update(term_variants(fields[1]))
        return fields, []


def fold_in(text: str, section: str, rows: list[str], name_column: int) -> str:
    """The file text with ``rows`` added to ``section`` (created after the last section of the same first word
    when missing), the section sorted case-insensitively by its name column."""
    lines = text.rstrip("\n").split("\n")
    if section not in lines:
        kind = section.split(":")[0]
        last = max((i for i, line in enumerate(lines) if line.startswith(kind)), default=len(lines) - 1)
        end = last + 1
        while end < len(lines) and lines[end].strip() and not lines[end].startswith("#"):
            end += 1
        lines[end:end] = ["", section]
    start = lines.index(section) + 1
    end = start
    while end < len(lines) and lines[end].strip() and not lines[end].startswith("#"):
        end += 1
    block = sorted(lines[start:end] + rows, key=lambda line: line.split("\t")[name_column].casefold())
    lines[start:end] = block
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("gazetteer", "stopterms"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    which, new_file = argv[0], Path(argv[1])
    exclude = set()
    if "--exclude" in argv:
        exclude = {line.strip() for line in Path(argv[argv.index("--exclude") + 1]).read_text().splitlines()
                   if line.strip()}
    vetter = Vetter(exclude)
    accepted: dict[str, list[str]] = {}
    for lineno, raw in enumerate(new_file.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("\t")]
        row, notes = vetter.gazetteer_row(fields) if which == "gazetteer" else vetter.stop_row(fields)
        for note in notes:
            print(f"{new_file}:{lineno}: {note}")
        if row is not None:
            section = argv[2] if which == "gazetteer" else f"# {row[0]}"
            accepted.setdefault(section, []).append("\t".join(row))
    print(f"{sum(map(len, accepted.values()))} rows accepted")
    if "--dry-run" in argv:
        return 0
    path = DATA / ("gazetteer.tsv" if which == "gazetteer" else "stopterms.tsv")
    text = path.read_text(encoding="utf-8")
    for section, rows in accepted.items():
        if which == "stopterms":
            section = next((line for line in text.splitlines() if line.split(" (")[0] == section), section)
        text = fold_in(text, section, rows, 1)
    path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
