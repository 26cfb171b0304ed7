"""Every real resume in ../shared/corpus extracts with sections found, or fails with one clear error.

Deselect with ``-m "not corpus"``; skipped when the corpus is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resumefit.api import parse_resume
from resumefit.errors import InputError

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FILES = sorted(p for p in CORPUS.glob("*") if p.suffix.lower() in (".pdf", ".docx")) if CORPUS.is_dir() else []

pytestmark = [pytest.mark.corpus, pytest.mark.skipif(not FILES, reason=f"no corpus at {CORPUS}")]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_reads_with_sections_or_one_clear_error(path):
    try:
        resume = parse_resume(path)
    except InputError as exc:
        message = exc.message()
        assert path.name in message and "\n" not in message
        return
    named = [s for s in resume.sections if s.heading]
    assert named, "no section headings found"
    assert sum(len(line.text.split()) for line in resume.lines) >= 40
    text = " ".join(line.text for line in resume.lines)
    assert "(cid:" not in text
    # Words run together by tight LaTeX spacing would show up as long tokens.
    long_tokens = [t for t in text.split() if len(t) > 30 and "/" not in t and "@" not in t and "." not in t]
    assert len(long_tokens) <= 2, long_tokens[:5]
