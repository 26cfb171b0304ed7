"""The library's entry points: check a file, bytes or text with one call."""

from __future__ import annotations

import os
from pathlib import Path

from .extract import raw_from_text, read_document
from .limits import Limits
from .models import Report, Resume
from .scoring import Scorer
from .sections import split_sections
from .taxonomy import Taxonomy

_SCORERS: dict[str, Scorer] = {}


def get_scorer(taxonomy: Taxonomy | str | os.PathLike | None = None) -> Scorer:
    """Return a cached Scorer for a taxonomy (the built-in one by default)."""
    if isinstance(taxonomy, Taxonomy):
        return Scorer(taxonomy)
    key = str(taxonomy or "")
    if key not in _SCORERS:
        _SCORERS[key] = Scorer(str(taxonomy) if taxonomy else None)
    return _SCORERS[key]


def parse_resume(source: str | os.PathLike | bytes, *, filename: str | None = None,
                 limits: Limits | dict | None = None, password: str | None = None) -> Resume:
    """Read a file (or its bytes) and split it into sections."""
    return split_sections(read_document(source, filename=filename, limits=limits, password=password))


def check_resume(source: str | os.PathLike | bytes, *, taxonomy=None, filename: str | None = None,
                 limits: Limits | dict | None = None, password: str | None = None,
                 job: str | os.PathLike | None = None) -> Report:
    """Score a resume file, its bytes, or (for a str that is not a path) its text.

    Raises an InputError subclass when the input cannot be read.
    """
    if isinstance(source, str) and ("\n" in source or not Path(source).suffix) and not os.path.exists(source):
        return check_text(source, taxonomy=taxonomy)
    resume = parse_resume(source, filename=filename, limits=limits, password=password)
    report = get_scorer(taxonomy).score(resume)
    if job is not None:
        from .jobmatch import attach_job
        report = attach_job(report, job, limits=limits)
    return report


def check_text(text: str, *, taxonomy=None, source: str = "<text>") -> Report:
    """Score resume text held in memory."""
    return get_scorer(taxonomy).score(split_sections(raw_from_text(text, source)))
