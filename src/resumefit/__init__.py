"""resumefit: an offline gap checker for Technical Product Manager resumes.

    >>> from resumefit import check_resume
    >>> report = check_resume("resume.pdf")
    >>> report.score, report.by_id("roadmap").status
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# Public name -> the module that defines it. Loaded on first use, so that
# `import resumefit` (and every CLI command, which imports it for the
# version) pays only for what it touches.
_EXPORTS = {
    "check_resume": "api", "check_text": "api", "get_scorer": "api", "parse_resume": "api",
    "CorruptDocument": "errors", "EmptyDocument": "errors", "EncryptedDocument": "errors",
    "FileNotReadable": "errors", "InputError": "errors", "LimitExceeded": "errors", "OutputError": "errors",
    "ResumefitError": "errors", "ScannedDocument": "errors", "TaxonomyError": "errors", "UnsupportedFormat": "errors",
    "Limits": "limits",
    "CategoryResult": "models", "Evidence": "models", "Report": "models", "ResponsibilityResult": "models",
    "Resume": "models",
    "Scorer": "scoring", "ScoringSettings": "scoring",
    "Taxonomy": "taxonomy", "load_taxonomy": "taxonomy",
}

__all__ = [
    "check_resume", "check_text", "parse_resume", "get_scorer", "load_taxonomy", "Scorer", "ScoringSettings",
    "Limits", "Report", "ResponsibilityResult", "CategoryResult", "Evidence", "Resume", "Taxonomy",
    "ResumefitError", "InputError", "TaxonomyError", "FileNotReadable", "UnsupportedFormat", "CorruptDocument",
    "EncryptedDocument", "ScannedDocument", "EmptyDocument", "LimitExceeded", "OutputError", "__version__",
]

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time __getattr__ loads these
    from .api import check_resume, check_text, get_scorer, parse_resume
    from .errors import (CorruptDocument, EmptyDocument, EncryptedDocument, FileNotReadable, InputError,
                         LimitExceeded, OutputError, ResumefitError, ScannedDocument, TaxonomyError,
                         UnsupportedFormat)
    from .limits import Limits
    from .models import CategoryResult, Evidence, Report, ResponsibilityResult, Resume
    from .scoring import Scorer, ScoringSettings
    from .taxonomy import Taxonomy, load_taxonomy


def __getattr__(name: str):
    """Load a public name's module on first access (PEP 562)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'resumefit' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
