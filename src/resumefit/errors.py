"""resumefit's exceptions: one base class, one subclass per kind of failure.

The library raises only these; the CLI turns them into one line on stderr,
``resumefit: FILE: reason (what to do)``, and an exit code.
"""

from __future__ import annotations


class ResumefitError(Exception):
    """Base class of every error resumefit raises on purpose."""

    default_hint = ""

    def __init__(self, reason: str, *, path: str | None = None, hint: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.path = path
        self.hint = self.default_hint if hint is None else hint

    def __str__(self) -> str:
        return f"{self.reason} ({self.hint})" if self.hint else self.reason

    def message(self) -> str:
        """One line naming the file, the reason and what to do."""
        return f"{self.path}: {self}" if self.path else str(self)


class TaxonomyError(ResumefitError):
    """The taxonomy file is missing, malformed, or fails validation."""

    default_hint = "fix the taxonomy file or omit --taxonomy to use the built-in one"


class InputError(ResumefitError):
    """An input document could not be read or scored."""


class FileNotReadable(InputError):
    """The path does not exist, is not a regular file, or cannot be opened."""

    default_hint = "check the path and its permissions"


class UnsupportedFormat(InputError):
    """The file is of a format resumefit does not read (.doc, .rtf, images...)."""

    default_hint = "save it as PDF or DOCX and try again"


class CorruptDocument(InputError):
    """The file claims a format it does not hold, or is damaged."""

    default_hint = "re-export it from the original editor as PDF or DOCX"


class EncryptedDocument(InputError):
    """The PDF is password-protected and no working password was given."""

    default_hint = "pass the password with --password, or save an unprotected copy"


class ScannedDocument(InputError):
    """The PDF has no text layer (a scan or photo)."""

    default_hint = "resumefit needs a text PDF; export the resume from its editor instead of scanning it"


class EmptyDocument(InputError):
    """The document holds no readable resume text."""

    default_hint = "check that the file is the resume you meant and that its text can be selected"


class LimitExceeded(InputError):
    """The input is larger or slower than a configured safety limit allows."""


class BatchError(ResumefitError):
    """A batch could not run: no worker could start, or the Dask scheduler is unreachable."""

    default_hint = "check the folder and, with --scheduler, that the Dask cluster is up"


class OutputError(ResumefitError):
    """A report or results file could not be written."""

    default_hint = "check that the output folder exists and is writable"
