"""resumefit: an offline gap checker for Technical Product Manager resumes.

    >>> from resumefit import check_resume
    >>> report = check_resume("resume.pdf")
    >>> report.score, report.by_id("roadmap").status
"""

from .api import check_resume, check_text, get_scorer, parse_resume
from .errors import (CorruptDocument, EmptyDocument, EncryptedDocument, FileNotReadable, InputError,
                     LimitExceeded, OutputError, ResumefitError, ScannedDocument, TaxonomyError, UnsupportedFormat)
from .limits import Limits
from .models import CategoryResult, Evidence, Report, ResponsibilityResult, Resume
from .scoring import Scorer, ScoringSettings
from .taxonomy import Taxonomy, load_taxonomy

__version__ = "0.1.0"

__all__ = [
    "check_resume", "check_text", "parse_resume", "get_scorer", "load_taxonomy", "Scorer", "ScoringSettings",
    "Limits", "Report", "ResponsibilityResult", "CategoryResult", "Evidence", "Resume", "Taxonomy",
    "ResumefitError", "InputError", "TaxonomyError", "FileNotReadable", "UnsupportedFormat", "CorruptDocument",
    "EncryptedDocument", "ScannedDocument", "EmptyDocument", "LimitExceeded", "OutputError", "__version__",
]
