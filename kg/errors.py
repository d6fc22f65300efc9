"""Typed exceptions. The CLI turns each into one line on stderr and a non-zero exit."""
from __future__ import annotations

__all__ = ["PaperkgError", "InputError", "DataError", "NoPapersError", "RecordError", "QueryError",
           "QueryTooComplex", "OutputError", "NotEnoughMemoryError", "one_line"]


def one_line(text: str) -> str:
    """``text`` with every non-printable character escaped (``\\n``, ``\\x1b``, ...).

    Error messages quote file names and input text; escaping keeps each error
    on one line and stops terminal control sequences from reaching the user.

    >>> one_line("bad\\nname")
    'bad\\\\nname'
    """
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class PaperkgError(Exception):
    """Base class for every error paperkg reports to a user."""


class InputError(PaperkgError):
    """A listing file that cannot be read or parsed."""

    def __init__(self, file: str, reason: str, line: int | None = None):
        self.file = str(file)
        self.reason = reason
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"

    def __reduce__(self):
        return (type(self), (self.file, self.reason, self.line))


class DataError(InputError):
    """A bundled data file (word list, model weights) that is missing or malformed; names the file and line.

    Never caught to fall back on something else: extraction without its
    tables would silently give other results.
    """


class RecordError(InputError):
    """One record of a listing file that was skipped; the file's other records were kept.

    Its own type so reports can list skipped records apart from unreadable files.
    """

    def __init__(self, file: str, reason: str, line: int | None = None, position: int | None = None):
        self.position = position
        super().__init__(file, reason, line)

    def __reduce__(self):
        return (RecordError, (self.file, self.reason, self.line, self.position))


class QueryError(PaperkgError):
    """A SPARQL query that is malformed, refused (updates) or too slow."""


class QueryTooComplex(QueryError):
    """A query over the size or nesting limits, refused before it reaches the SPARQL parser.

    Oxigraph's parser and evaluator recurse on the query's structure; bounding
    that structure keeps any input from exhausting the stack or the planner.
    """


class OutputError(PaperkgError):
    """An output that cannot be written."""


class NotEnoughMemoryError(PaperkgError):
    """A stage of a build that would not fit in the memory available (checked before it starts).

    Raised instead of letting the operating system kill the build without a word.
    """

    def __init__(self, stage: str, need: int, available: int):
        self.stage, self.need, self.available = stage, int(need), int(available)
        super().__init__(str(self))

    def __str__(self) -> str:
        mb = 1 << 20
        return (f"not enough memory for {self.stage}: about {-(-self.need // mb):,} MB needed, "
                f"{self.available // mb:,} MB available; build a smaller input (or fewer files at a time) "
                "or free memory")

    def __reduce__(self):
        return (NotEnoughMemoryError, (self.stage, self.need, self.available))


class NoPapersError(InputError):
    """No input gave a single paper: building would replace good outputs with an empty graph.

    ``errors`` holds each input's own InputError (empty when the inputs were
    readable but listed no papers).
    """

    def __init__(self, errors=(), inputs: int = 0):
        self.errors = list(errors)
        self.inputs = inputs
        files = len({getattr(e, "file", None) for e in self.errors})
        if len(self.errors) == 1:
            reason = f"{self.errors[0]}; no papers to build, nothing written"
        elif self.errors:
            # (several bad records of one file are not several inputs)
            which = f"none of the {max(files, inputs)} inputs gave a paper" if max(files, inputs) > 1 else \
                "the input gave no paper"
            reason = f"no papers to build, nothing written: {which}, {len(self.errors)} errors (first: {self.errors[0]})"
        else:
            reason = "no papers to build, nothing written: the inputs list no papers"
        super().__init__("", reason)

    def __str__(self) -> str:
        return self.reason

    def __reduce__(self):
        return (NoPapersError, (self.errors, self.inputs))
