"""Profile exports: JSON Resume (jsonresume.org) and LinkedIn's data-export ZIP.

Each becomes headed lines, so it is split and scored like any document.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

from ..errors import CorruptDocument
from ..limits import Limits
from ..models import RawLine


def _heading(title: str) -> RawLine:
    return RawLine(title, heading_hint=True)


def _join(*parts: object, sep: str = ", ") -> str:
    return sep.join(str(p).strip() for p in parts if p and str(p).strip())


def read_json_resume(data: bytes) -> list[RawLine]:
    """Lines of a JSON Resume document."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise CorruptDocument(f"the JSON is not valid ({exc.__class__.__name__})") from None
    if not isinstance(doc, dict):
        raise CorruptDocument("the JSON is not a JSON Resume object", hint="see jsonresume.org/schema")
    basics = doc.get("basics") or {}
    lines = [RawLine(_join(basics.get("name"))), RawLine(_join(basics.get("label"), basics.get("email"), sep=" | ")), RawLine("")]
    if basics.get("summary"):
        lines += [_heading("Summary"), RawLine(str(basics["summary"])), RawLine("")]
    for key, title in (("work", "Experience"), ("volunteer", "Volunteer"), ("projects", "Projects")):
        entries = [e for e in doc.get(key) or [] if isinstance(e, dict)]
        if not entries:
            continue
        lines.append(_heading(title))
        for entry in entries:
            header = _join(entry.get("position") or entry.get("name"), entry.get("name") if entry.get("position") else entry.get("organization"))
            dates = _join(entry.get("startDate"), entry.get("endDate") or ("present" if entry.get("startDate") else ""), sep=" – ")
            lines.append(RawLine(_join(header, dates, sep=" | ")))
            if entry.get("summary") or entry.get("description"):
                lines.append(RawLine(str(entry.get("summary") or entry.get("description"))))
            lines += [RawLine("• " + str(h)) for h in entry.get("highlights") or [] if h]
        lines.append(RawLine(""))
    skills = [s for s in doc.get("skills") or [] if isinstance(s, dict)]
    if skills:
        lines.append(_heading("Skills"))
        lines += [RawLine(_join(s.get("name"), _join(*(s.get("keywords") or [])), sep=": ")) for s in skills]
        lines.append(RawLine(""))
    education = [e for e in doc.get("education") or [] if isinstance(e, dict)]
    if education:
        lines.append(_heading("Education"))
        lines += [RawLine(_join(e.get("studyType"), e.get("area"), e.get("institution"))) for e in education]
        lines.append(RawLine(""))
    certificates = [c for c in doc.get("certificates") or [] if isinstance(c, dict)]
    if certificates:
        lines.append(_heading("Certifications"))
        lines += [RawLine(_join(c.get("name"), c.get("issuer"))) for c in certificates]
    languages = [_join(x.get("language"), x.get("fluency"), sep=" – ") for x in doc.get("languages") or [] if isinstance(x, dict)]
    if any(languages):
        lines += [RawLine(""), _heading("Languages"), *[RawLine(x) for x in languages if x]]
    return lines


def _csv_rows(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    for member in archive.namelist():
        if member.rsplit("/", 1)[-1].lower() == name.lower():
            text = archive.read(member).decode("utf-8-sig", errors="replace")
            # LinkedIn puts a "Notes:" preamble above some tables.
            lines = text.splitlines()
            start = next((i for i, ln in enumerate(lines) if "," in ln and not ln.lower().startswith("notes")), 0)
            return list(csv.DictReader(io.StringIO("\n".join(lines[start:]))))
    return []


def read_linkedin_export(data: bytes, limits: Limits) -> list[RawLine]:
    """Lines of a LinkedIn data-export archive (Profile.csv, Positions.csv, ...)."""
    from .docx import check_archive

    check_archive(data, limits)
    archive = zipfile.ZipFile(io.BytesIO(data))
    lines: list[RawLine] = []
    for row in _csv_rows(archive, "Profile.csv")[:1]:
        lines += [RawLine(_join(row.get("First Name"), row.get("Last Name"), sep=" ")), RawLine(_join(row.get("Headline"))), RawLine("")]
        if row.get("Summary"):
            lines += [_heading("Summary"), *[RawLine(p) for p in row["Summary"].splitlines()], RawLine("")]
    positions = _csv_rows(archive, "Positions.csv")
    if positions:
        lines.append(_heading("Experience"))
        for row in positions:
            dates = _join(row.get("Started On"), row.get("Finished On") or "Present", sep=" – ")
            lines.append(RawLine(_join(_join(row.get("Title"), row.get("Company Name")), dates, sep=" | ")))
            # Each line of a position's description is one achievement, as a
            # bullet in a PDF would be, so both are scored alike.
            for part in (row.get("Description") or "").splitlines():
                if part.strip():
                    lines.append(RawLine("• " + part.strip().lstrip("•-* ")))
        lines.append(RawLine(""))
    projects = _csv_rows(archive, "Projects.csv")
    if projects:
        lines.append(_heading("Projects"))
        for row in projects:
            lines.append(RawLine(_join(row.get("Title"))))
            lines += [RawLine(p) for p in (row.get("Description") or "").splitlines() if p.strip()]
        lines.append(RawLine(""))
    skills = [row.get("Name", "") for row in _csv_rows(archive, "Skills.csv")]
    if skills:
        lines += [_heading("Skills"), RawLine(", ".join(s for s in skills if s)), RawLine("")]
    education = _csv_rows(archive, "Education.csv")
    if education:
        lines.append(_heading("Education"))
        lines += [RawLine(_join(r.get("Degree Name"), r.get("School Name"))) for r in education]
        lines.append(RawLine(""))
    certifications = _csv_rows(archive, "Certifications.csv")
    if certifications:
        lines.append(_heading("Certifications"))
        lines += [RawLine(_join(r.get("Name"), r.get("Authority"))) for r in certifications]
    languages = [_join(r.get("Name"), r.get("Proficiency"), sep=" – ") for r in _csv_rows(archive, "Languages.csv")]
    if any(languages):
        lines += [RawLine(""), _heading("Languages"), *[RawLine(x) for x in languages if x]]
    if not any(line.text for line in lines):
        raise CorruptDocument("the LinkedIn export holds no profile data", hint="export the full archive from LinkedIn's settings, including Profile and Positions")
    return lines
