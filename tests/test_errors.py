"""kg.errors: the one-line messages users see."""
from __future__ import annotations

from kg.errors import InputError, NoPapersError, RecordError


def test_no_papers_counts_inputs_not_bad_records():
    one_file = [RecordError("day.jsonl", f"entry at position {i}: missing 'abstract'", i + 1, i) for i in range(4)]
    assert "the input gave no paper, 4 errors" in str(NoPapersError(one_file, 1))
    two_files = [InputError("a.json", "invalid JSON"), InputError("b.json", "invalid JSON")]
    assert "none of the 2 inputs gave a paper, 2 errors" in str(NoPapersError(two_files, 2))
    assert str(NoPapersError([two_files[0]], 1)).startswith("a.json: invalid JSON; no papers to build")
