"""Typed exceptions. The CLI turns each into one line on stderr and a non-zero exit."""
from __future__ import annotations

__all__ = ["PaperkgError", "InputError", "QueryError", "OutputError"]


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
        return (InputError, (self.file, self.reason, self.line))


class QueryError(PaperkgError):
    """A SPARQL query that is malformed, refused (updates) or too slow."""


class OutputError(PaperkgError):
    """An output that cannot be written."""
