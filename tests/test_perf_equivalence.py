"""The fast paths give exactly what the plain ones gave: PDF words, rule matches, lazy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from resumefit.extract.pdf import X_TOLERANCE, Y_TOLERANCE, page_words

ROOT = Path(__file__).resolve().parents[1]
KEYS = ("text", "x0", "x1", "top", "bottom", "upright", "size", "fontname")
FIXTURE_PDFS = sorted((ROOT / "fixtures" / "layouts").glob("*.pdf")) + sorted((ROOT / "fixtures" / "samples").glob("*.pdf"))


def plumber_words(page) -> list[dict]:
    words = page.extract_words(x_tolerance=X_TOLERANCE, y_tolerance=Y_TOLERANCE, keep_blank_chars=False,
                               extra_attrs=["size", "fontname"])
    return [{k: w[k] for k in KEYS} for w in words]


def assert_same_words(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            assert page_words(page) == plumber_words(page), f"{path.name} page {page.page_number}"


@pytest.mark.parametrize("path", FIXTURE_PDFS, ids=lambda p: p.name)
def test_page_words_equal_pdfplumber_extract_words(path):
    assert_same_words(path)


def test_page_words_equal_on_rotated_text_fonts_ligatures_and_tight_gaps(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "odd.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(400, 400))
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(20, 370, "Jane Doe  Product")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(20, 350, "Led the roadmap")
    pdf.setFont("Times-Roman", 10)
    pdf.drawString(98, 350.5, "for payments")  # another font on the same row, half a point lower
    pdf.drawString(20, 330, "e\ufb03cient work\ufb02ow")  # ligature glyphs
    text = pdf.beginText(20, 310)
    text.setCharSpace(1.5)  # gaps just over the tolerance split every letter
    text.textLine("spaced")
    pdf.drawText(text)
    pdf.saveState()
    pdf.translate(380, 40)
    pdf.rotate(90)
    pdf.drawString(0, 0, "Rotated sidebar text 2024")
    pdf.restoreState()
    pdf.showPage()
    pdf.save()
    assert_same_words(path)
    with pdfplumber.open(path) as opened:
        assert any(not w["upright"] for w in page_words(opened.pages[0]))


def test_library_import_stays_light():
    # One `check` pays for every import; scikit-learn, rich and jinja2 are needed only by some paths.
    code = ("import sys, resumefit; from resumefit import check_resume, Limits, Report; "
            "print(sorted(m for m in ('sklearn', 'rich', 'jinja2', 'docx', 'pdfplumber', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_indexed_rule_sets_match_exactly_what_trying_every_rule_matches():
    from resumefit.match import RuleSet, Tokens, all_matches, first_match, tokenize
    from resumefit.taxonomy import load_taxonomy

    lines = [line for path in sorted((ROOT / "fixtures" / "eval" / "dev").glob("*.txt"))[:12]
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines += ["Cut p95 latency by 40% for 3 teams", "w/ security & audit", "roadmapping; OKRs; A/B tests"]
    checked = 0
    for item in load_taxonomy().responsibilities:
        for rules in (item.strong, item.weak, item.excluded, item.held, getattr(item, "cued", ())):
            if not rules:
                continue
            assert isinstance(rules, RuleSet)
            plain = tuple(rules)  # a plain tuple takes the slow path: every rule, in order
            for line in lines:
                tokens = tokenize(line)
                assert isinstance(tokens, Tokens)
                assert all_matches(rules, tokens) == all_matches(plain, list(tokens)), (item.id, line)
                assert first_match(rules, tokens) == first_match(plain, list(tokens)), (item.id, line)
                checked += 1
    assert checked > 10_000


def test_package_names_load_on_first_use_and_star_import_gets_them_all():
    code = ("import sys, resumefit; before = 'resumefit.api' in sys.modules; from resumefit import *; "
            "print(before, check_resume.__module__, sorted(set(resumefit.__all__) - set(globals())))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "resumefit.api", "[]"]
    import resumefit

    with pytest.raises(AttributeError):
        resumefit.no_such_name
