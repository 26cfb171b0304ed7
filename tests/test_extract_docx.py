"""DOCX read in document order: tables, merged cells, text boxes, headers, soft breaks."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from resumefit.api import parse_resume
from resumefit.extract import read_document

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@pytest.mark.parametrize("layout", ["docx-single", "docx-table", "docx-textbox"])
def test_every_true_line_comes_out_whole_and_once(layout):
    doc = read_document(LAYOUTS / f"example-layouts.{layout}.docx")
    stream = " " + " ".join(words(doc.text)) + " "
    truth = (LAYOUTS / f"example-layouts.{layout}.truth.txt").read_text(encoding="utf-8").splitlines()
    for line in truth:
        assert stream.count(" " + " ".join(words(line)) + " ") >= 1, line
    # Text boxes are written twice (DrawingML and VML); they must be read once.
    assert stream.count(" roadmapping prds user research ") == 1


def test_table_dates_join_their_entry():
    resume = parse_resume(LAYOUTS / "example-layouts.docx-table.docx")
    experience = next(s for s in resume.sections if s.name == "experience")
    assert experience.lines[0].text == "Senior Technical Product Manager, Lumenstack — Austin | 2020–Present"


def test_contact_in_page_header_is_read():
    resume = parse_resume(LAYOUTS / "example-layouts.docx-single.docx")
    assert "jordan.castillo@example.com" in resume.sections[0].lines[1].text


def _docx(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_one_paragraph_resume_with_soft_breaks_splits_into_lines():
    text = ("Dana Smith\nSummary\nProduct manager for payments APIs.\nExperience\n"
            "Product Manager, Acme | 2019–2023\nLed the roadmap for the checkout API\nEducation\nBSc Physics, 2015")
    data = _docx(lambda d: _soft(d, text))
    resume = parse_resume(data, filename="cv.docx")
    assert [s.name for s in resume.sections] == ["header", "summary", "experience", "education"]
    assert resume.sections[2].lines[0].kind == "entry"


def _soft(document, text):
    run = document.add_paragraph().add_run()
    for i, part in enumerate(text.split("\n")):
        if i:
            run.add_break()
        run.add_text(part)


def test_merged_and_nested_cells_read_once_in_order():
    def build(d):
        table = d.add_table(rows=2, cols=2)
        merged = table.cell(0, 0).merge(table.cell(1, 0))
        merged.text = "Skills"
        table.cell(0, 1).text = "Python and SQL"
        inner = table.cell(1, 1).add_table(rows=1, cols=2)
        inner.cell(0, 0).text = "Jira"
        inner.cell(0, 1).text = "Figma"
    doc = read_document(_docx(build), filename="t.docx")
    texts = [line.text for line in doc.lines if line.text]
    assert texts == ["Skills", "Python and SQL", "Jira", "Figma"]


def test_numbered_list_paragraphs_become_bullets():
    def build(d):
        d.add_paragraph("Experience", style="Heading 1")
        d.add_paragraph("Shipped the billing service", style="List Number")
    doc = read_document(_docx(build), filename="t.docx")
    assert "• Shipped the billing service" in [line.text for line in doc.lines]


def test_content_controls_and_hyperlinks_are_read():
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

    def build(d):
        body = d.element.body
        body.insert(0, parse_xml(f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>Jordan Castillo</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
        body.insert(1, parse_xml(f'<w:p {w}><w:hyperlink r:id="rId99"><w:r><w:t>linkedin.com/in/jordan</w:t></w:r></w:hyperlink></w:p>'))
    texts = [line.text for line in read_document(_docx(build), filename="t.docx").lines if line.text]
    assert texts[:2] == ["Jordan Castillo", "linkedin.com/in/jordan"]


def test_words_split_by_stray_spaces_are_rejoined():
    line = "I w as r esponsible f or b uilding t he b ackend a nd A PI r edesign"
    data = _docx(lambda d: [d.add_paragraph(line) for _ in range(4)])
    doc = read_document(data, filename="t.docx")
    assert doc.lines[2].text.startswith("I was responsible for building the backend")
    assert "split-letters" in {w.code for w in doc.warnings}


def test_text_only_in_header_is_warned():
    def build(d):
        d.sections[0].header.paragraphs[0].text = "Jordan Castillo, product manager, jordan@example.com"
    doc = read_document(_docx(build), filename="t.docx")
    assert "text-outside-body" in {w.code for w in doc.warnings}
