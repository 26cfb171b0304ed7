"""Headings found, wrapped lines joined, kinds set."""

from __future__ import annotations

import pytest

from resumefit.models import RawDocument, RawLine
from resumefit.sections import canonical_section, heading_section, split_sections


def split(*lines: str | tuple[str, bool]):
    raw = tuple(RawLine(x) if isinstance(x, str) else RawLine(*x) for x in lines)
    return split_sections(RawDocument("t", "txt", raw))


@pytest.mark.parametrize("heading, name", [
    ("PROFESSIONAL EXPERIENCE", "experience"), ("Where I've worked", "experience"),
    ("Top Skills", "skills"), ("Software", "skills"), ("Toolbox", "skills"),
    ("Licenses & Certifications", "certifications"), ("BAR ADMISSIONS", "certifications"),
    ("The short version", "summary"), ("Education", "education"), ("Languages", "other"),
    ("Senior Product Manager", None), ("Before product", "experience"), ("Earlier", "experience"),
    ("What I do", "summary"), ("Technical Toolkit", "skills"), ("Other", "other"),
])
def test_canonical_section(heading, name):
    assert canonical_section(heading) == name


@pytest.mark.parametrize("text, hint, after_blank, expected", [
    ("Experience", False, True, "experience"),
    ("Experience", False, False, "experience"),  # standard heading, no blank above
    ("Work on the roadmap", False, False, None),
    ("Led the launch of the API.", True, True, None),
    ("Acme Corp | 2019–2021", True, True, None),
    ("VOLUNTEERING", False, True, "projects"),
])
def test_heading_section(text, hint, after_blank, expected):
    assert heading_section(text, hint, after_blank) == expected


def test_line_under_a_heading_is_content_even_if_it_looks_like_one():
    resume = split("Jordan", "", ("Certifications", True), ("Certified Scrum Product Owner", False))
    section = resume.sections[-1]
    assert (section.name, [ln.text for ln in section.lines]) == ("certifications", ["Certified Scrum Product Owner"])


def test_entry_header_wrapped_in_a_narrow_column_is_joined():
    resume = split("", ("Education", True), "BA Communications, Marquette", "University, 2015",
                   "", ("Experience", True), "Senior Site Reliability Engineer, Maplewave —", "Toronto, ON | 2020–2024",
                   "• Defined SLOs and error budgets for 30 services together", "with their owning teams", "• Ran the incident reviews that led", "to the 2022 rebuild.")
    education, experience = resume.sections
    assert [(ln.text, ln.kind) for ln in education.lines] == [("BA Communications, Marquette University, 2015", "entry")]
    assert [ln.kind for ln in experience.lines] == ["entry", "bullet", "bullet"]
    assert experience.lines[0].text == "Senior Site Reliability Engineer, Maplewave — Toronto, ON | 2020–2024"
    assert experience.lines[2].text == "Ran the incident reviews that led to the 2022 rebuild."


def test_all_caps_company_inside_experience_is_not_a_section():
    resume = split("", "EXPERIENCE", "ACME CORP", "Product Manager | 2019–2021", "• Shipped billing")
    assert [s.name for s in resume.sections] == ["experience"]


def test_wrapped_year_tail_stays_with_its_bullet():
    resume = split("EXPERIENCE", "• Wrote the three-year plan; leadership made it the main bet for", "2022.",
                   "• Kept the roadmap")
    texts = [line.text for line in resume.lines]
    assert texts == ["Wrote the three-year plan; leadership made it the main bet for 2022.", "Kept the roadmap"]


def test_short_heading_phrase_needs_no_blank_line_or_bold():
    resume = split("EXPERIENCE", "• Built the API", "Where I've worked", "PM, Acme | 2019-2021", "• Ran the beta")
    assert [s.name for s in resume.sections] == ["experience", "experience"]
    assert resume.sections[1].heading == "Where I've worked"
    # an action verb opens a bullet, not a heading
    assert heading_section("Built the platform", False, False) is None


def test_a_name_in_capitals_is_not_a_heading():
    resume = split("DAGNY ORRELHAUS", "dagny@example.com", "", "PROFILE", "Fraud product manager.")
    assert [s.name for s in resume.sections] == ["header", "summary"]
    assert resume.sections[0].lines[0].text == "DAGNY ORRELHAUS"


def test_wrapped_university_name_is_not_a_heading():
    resume = split("Education", "B.S. Electrical Engineering,", "Oregon State University", "", "Skills", "SQL, Python")
    assert [(s.name, s.heading) for s in resume.sections] == [("education", "Education"), ("skills", "Skills")]


def test_job_entries_after_a_sidebar_section_go_back_to_experience():
    # Page two of a two-column PDF: the main column runs on after the sidebar's Education.
    resume = split("EDUCATION", "B.S. Computer Science, UIUC, 2015",
                   "Product Manager, Corvid Bank — Remote | 2018–2020", "• Tracked two rivals' pricing")
    assert [(s.name, [ln.text for ln in s.lines]) for s in resume.sections] == [
        ("education", ["B.S. Computer Science, UIUC, 2015"]),
        ("experience", ["Product Manager, Corvid Bank — Remote | 2018–2020", "Tracked two rivals' pricing"]),
    ]


def test_plain_heading_paragraph_above_a_dated_job_opens_the_section():
    # Word files often type the heading as a Normal paragraph: no bold, no blank line.
    resume = split(
        ("Profile", True), "Technical Product Manager with seven years in online travel.",
        "Career history",
        "Senior Technical Product Manager, Hotel Search & Pricing — Wayfarer Trips, Edinburgh | Mar 2020 – present",
        "• Set the search team's two-year strategy with the CTO.",
    )
    by_text = {line.text: line for line in resume.lines}
    job = by_text["Senior Technical Product Manager, Hotel Search & Pricing — Wayfarer Trips, Edinburgh | Mar 2020 – present"]
    assert job.section == "experience" and job.kind == "entry"
    assert by_text["Set the search team's two-year strategy with the CTO."].section == "experience"
    # The same phrase as an ordinary sentence in a summary stays text.
    assert split(("Profile", True), "Career history matters to me and my team.").lines[-1].section == "summary"


def test_prose_above_the_first_heading_is_an_untitled_summary():
    resume = split("Jess Tanaka", "jess@example.com", "",
                   "Hey! I'm a growth marketer who loves turning sign-up questions into a test plan.", "",
                   "Where I've worked", "Head of Growth — Tidepool | 2022–now", "- Ran 60 experiments")
    assert _section_of(resume, "Hey! I'm a growth marketer") == "summary"
    assert _section_of(resume, "Ran 60 experiments") == "experience"


def test_a_resume_without_headings_keeps_its_content_as_experience():
    resume = split("Ines Duarte", "ines@example.com", "",
                   "Investigative reporter for ten years; built the paper's database of 14,000 public tenders.")
    assert _section_of(resume, "Investigative reporter") == "experience"


def _section_of(resume, start: str) -> str:
    return next(line.section for line in resume.lines if start in line.text)
