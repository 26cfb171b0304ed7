"""Typed records that flow through the pipeline: extract -> sections -> score -> report.

All are frozen dataclasses; ``to_dict()`` gives plain JSON-ready data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

STATUSES = ("covered", "partial", "missing")
SECTIONS = ("header", "summary", "experience", "projects", "skills", "education", "certifications", "other")


@dataclass(frozen=True)
class DocWarning:
    """Something a reader of the report should know about the input.

    Fields: code (stable, e.g. ``two-columns``), message (for people).
    """

    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RawLine:
    """One line of text as extraction found it.

    Fields: text; heading_hint (the source marked it as a heading: bold,
    larger font, a Word heading style, or a structured export's section name).
    """

    text: str
    heading_hint: bool = False


@dataclass(frozen=True)
class RawDocument:
    """The text of one input, in reading order, before sections are found.

    Fields: source (path or label), format (pdf, docx, txt, md, json-resume,
    linkedin-export), lines, warnings, pages (PDF pages read, else None).
    """

    source: str
    format: str
    lines: tuple[RawLine, ...]
    warnings: tuple[DocWarning, ...] = ()
    pages: int | None = None

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True)
class Line:
    """One resume line with the section it belongs to.

    Fields: index (position in the resume), text, section (canonical name,
    one of SECTIONS), kind (``bullet``, ``entry`` for a job/degree header
    line, ``text``), heading (the section's heading as written).
    """

    index: int
    text: str
    section: str
    kind: str = "text"
    heading: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Section:
    """A run of lines under one heading. Fields: name, heading, lines."""

    name: str
    heading: str
    lines: tuple[Line, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "heading": self.heading, "lines": [ln.text for ln in self.lines]}


@dataclass(frozen=True)
class Resume:
    """A resume split into sections. Fields: source, format, sections, warnings, pages."""

    source: str
    format: str
    sections: tuple[Section, ...]
    warnings: tuple[DocWarning, ...] = ()
    pages: int | None = None

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(line for section in self.sections for line in section.lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "pages": self.pages,
            "sections": [s.to_dict() for s in self.sections],
            "warnings": [w.to_dict() for w in self.warnings],
        }


@dataclass(frozen=True)
class Evidence:
    """A resume line that speaks to a responsibility.

    Fields: text, section, line (index), strength (``strong`` an achievement,
    ``mention`` a listing or claim, ``title`` a job title that names it,
    ``similar`` worded like the responsibility, ``cue`` a work line touching
    the topic), score (0-1), terms (the words that matched),
    quantified (the line holds a number, percentage or amount).
    """

    text: str
    section: str
    line: int
    strength: str
    score: float
    terms: tuple[str, ...] = ()
    quantified: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["terms"] = list(self.terms)
        return data


@dataclass(frozen=True)
class ResponsibilityResult:
    """The verdict on one responsibility.

    Fields: id, category, title, status (covered/partial/missing), score (0-1),
    weight, evidence, suggestions (bullets to add).
    """

    id: str
    category: str
    title: str
    status: str
    score: float
    weight: float
    evidence: tuple[Evidence, ...]
    suggestions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "category": self.category,
            "title": self.title,
            "status": self.status,
            "score": round(self.score, 4),
            "weight": self.weight,
            "evidence": [e.to_dict() for e in self.evidence],
            "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True)
class CategoryResult:
    """A category's subscore. Fields: id, title, score (0-100), covered, partial, missing."""

    id: str
    title: str
    score: int
    covered: int
    partial: int
    missing: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Rewrite:
    """A suggested rewrite of a weak evidence line.

    Fields: line, text, reason, suggestion, gain (points of overall score
    the rewrite would add).
    """

    line: int
    text: str
    reason: str
    suggestion: str
    gain: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Report:
    """The full gap report for one resume.

    Fields: source, format, role, score (0-100), categories, responsibilities,
    warnings, unquantified (evidence lines with no measurable result),
    rewrites, job (job-description match, when one was given), resume
    (the structured resume that was scored).
    """

    source: str
    format: str
    role: str
    score: int
    categories: tuple[CategoryResult, ...]
    responsibilities: tuple[ResponsibilityResult, ...]
    warnings: tuple[DocWarning, ...] = ()
    unquantified: tuple[Evidence, ...] = ()
    rewrites: tuple[Rewrite, ...] = ()
    job: Any = None
    resume: Resume | None = field(default=None, compare=False, repr=False)

    SCHEMA_VERSION = "1.0"

    def by_id(self, rid: str) -> ResponsibilityResult:
        for result in self.responsibilities:
            if result.id == rid:
                return result
        raise KeyError(rid)

    def statuses(self) -> dict[str, str]:
        return {r.id: r.status for r in self.responsibilities}

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "schema_version": self.SCHEMA_VERSION,
            "source": self.source,
            "format": self.format,
            "role": self.role,
            "score": self.score,
            "categories": [c.to_dict() for c in self.categories],
            "responsibilities": [r.to_dict() for r in self.responsibilities],
            "warnings": [w.to_dict() for w in self.warnings],
            "unquantified": [e.to_dict() for e in self.unquantified],
            "rewrites": [r.to_dict() for r in self.rewrites],
        }
        if self.job is not None:
            data["job"] = self.job.to_dict()
        return data
