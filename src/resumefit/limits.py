"""Safety limits applied to every input document."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_SIZE = 10 * 1024 * 1024  # bytes read from one file
DEFAULT_MAX_PAGES = 10  # PDF pages read
# Seconds to read one file. A resume takes well under one. `check` answers
# any hostile file within ten seconds including start-up (issue 6), so a
# single read gets 8 s, which is also the library's default; a batch
# (issue 5) is unattended and gives a slow but real resume 30 s.
CHECK_TIMEOUT = 8.0
BATCH_TIMEOUT = 30.0
DEFAULT_TIMEOUT = CHECK_TIMEOUT
DEFAULT_MAX_UNZIPPED = 64 * 1024 * 1024  # bytes a DOCX may inflate to
DEFAULT_MAX_ZIP_RATIO = 200  # inflated / compressed, per archive member
DEFAULT_MAX_LINES = 5000  # resume lines scored
# python-docx builds an lxml tree of each part whole, at many times its size.
DEFAULT_MAX_XML_PART = 16 * 1024 * 1024
DEFAULT_MAX_CHARS = 100_000  # characters of text scored (a long resume has 20,000)


@dataclass(frozen=True)
class Limits:
    """Bounds on what one document may cost.

    Fields: max_size (bytes), max_pages, timeout (seconds to read one file),
    max_unzipped (bytes a DOCX or PDF's compressed data may inflate to),
    max_zip_ratio, max_lines, max_xml_part (bytes of one DOCX XML part),
    max_chars (characters of text kept).
    """

    max_size: int = DEFAULT_MAX_SIZE
    max_pages: int = DEFAULT_MAX_PAGES
    timeout: float = DEFAULT_TIMEOUT
    max_unzipped: int = DEFAULT_MAX_UNZIPPED
    max_zip_ratio: int = DEFAULT_MAX_ZIP_RATIO
    max_lines: int = DEFAULT_MAX_LINES
    max_xml_part: int = DEFAULT_MAX_XML_PART
    max_chars: int = DEFAULT_MAX_CHARS

    def __post_init__(self) -> None:
        for name in ("max_size", "max_pages", "max_unzipped", "max_zip_ratio", "max_lines", "max_xml_part", "max_chars"):
            if getattr(self, name) <= 0:
                raise ValueError(f"Limits.{name} must be positive, got {getattr(self, name)!r}")
        if self.timeout <= 0:
            raise ValueError(f"Limits.timeout must be positive, got {self.timeout!r}")

    @classmethod
    def resolve(cls, value: "Limits | dict | None") -> "Limits":
        """Accept None (defaults), a dict of overrides, or a Limits."""
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        return cls(**value)
