"""Profile exports become the same structured resume a PDF would."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumefit.api import check_resume, parse_resume
from resumefit.errors import CorruptDocument

PROFILES = Path(__file__).resolve().parents[1] / "fixtures" / "profiles"


@pytest.mark.parametrize("name, fmt", [
    ("linkedin-export.zip", "linkedin-export"),
    ("resume.json", "json-resume"),
    ("linkedin-profile.pdf", "pdf"),
])
def test_each_profile_gives_the_same_sections(name, fmt):
    resume = parse_resume(PROFILES / name)
    assert resume.format == fmt
    names = {s.name for s in resume.sections}
    assert {"experience", "skills", "education", "certifications"} <= names
    experience = next(s for s in resume.sections if s.name == "experience")
    assert experience.lines[0].kind == "entry"
    assert "Technical Product Manager" in experience.lines[0].text
    bullets = [ln.text for ln in experience.lines if ln.kind == "bullet"]
    assert any(b.startswith("Owned the roadmap for the shipping-rates API") for b in bullets)


def test_linkedin_pdf_reads_sidebar_before_main_column():
    resume = parse_resume(PROFILES / "linkedin-profile.pdf")
    order = [s.heading for s in resume.sections if s.heading]
    assert order == ["Contact", "Top Skills", "Languages", "Certifications", "Education", "Summary", "Experience"]


def test_profiles_score_alike():
    reports = [check_resume(PROFILES / n) for n in ("linkedin-export.zip", "resume.json")]
    covered = [{(r.id, r.status) for r in report.responsibilities} for report in reports]
    assert any(status != "missing" for _, status in covered[0])
    assert covered[0] == covered[1]


def test_export_without_profile_data_says_so(tmp_path):
    import zipfile

    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Connections.csv", "First Name,Last Name\nA,B\n")
        archive.writestr("Profile.csv", "First Name,Last Name\n")
    with pytest.raises(CorruptDocument, match="no profile data"):
        parse_resume(path)
