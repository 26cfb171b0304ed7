"""HTML report: self-contained, escaped, with the category chart and print styles."""

import re

import pytest

from resumefit.api import check_resume, check_text
from resumefit.report import render
from resumefit.report.html import category_bars, highlight

HOSTILE = """Eve Mallory
eve@example.com

Experience
Senior Technical Product Manager, Acme <script>alert('x')</script> | 2019-2024
- Owned the roadmap for the <img src=x onerror=alert(1)> checkout API used by 3,000 merchants
- Wrote the PRD and acceptance criteria for "payments" & <b>refunds</b>; cut disputes 30%

Skills
SQL, Jira, <svg onload=alert(2)>
"""


@pytest.fixture(scope="module")
def page():
    return render(check_text(HOSTILE, source="<eve's resume>"), "html")


def test_resume_text_is_escaped_and_inert(page):
    assert "<script>alert" not in page
    assert "<img src=x" not in page and "<svg onload" not in page
    assert "onerror=alert(1)>" not in page
    assert "&lt;script&gt;" in page or "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script" not in page  # the single report needs no script at all


def test_self_contained_no_external_urls(page):
    assert not re.search(r"<[a-z][^>]*\s(?:src|href|xlink:href)\s*=", page, re.I)
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page
    assert "@import" not in page and "url(" not in page and "<link" not in page


def test_chart_has_a_bar_per_category_and_print_styles(page):
    report = check_text(HOSTILE)
    svg = re.search(r'<svg[^>]*aria-label="Coverage by category".*?</svg>', page, re.S).group(0)
    for category in report.categories:
        assert f">{category.title}</text>" in svg
    assert "@media print" in page and "break-inside:avoid" in page


def test_category_bars_split_width_by_status():
    report = check_text(HOSTILE)
    for bar, category in zip(category_bars(report.categories, width=100), report.categories):
        assert sum(w for _, _, w, _ in bar.segments) == pytest.approx(100, abs=0.5)
        assert {s for s, *_ in bar.segments} == {s for s in ("covered", "partial", "missing") if getattr(category, s)}


def test_highlight_marks_whole_words_only():
    pieces = highlight("Owned the Roadmap; roadmaps and acceptance  criteria", ["roadmap", "acceptance criteria"])
    assert [p for p, hit in pieces if hit] == ["Roadmap", "acceptance  criteria"]
    assert "".join(p for p, _ in pieces) == "Owned the Roadmap; roadmaps and acceptance  criteria"


def test_evidence_terms_are_marked(page):
    assert re.search(r"<mark>[^<]+</mark>", page)


def test_job_section_lists_terms(tmp_path):
    report = check_resume("fixtures/eval/dev/a-tpm-payments-marisol.txt", job="fixtures/jobs/tpm-payments-platform.txt")
    page = render(report, "html")
    assert "Job match" in page and "PCI DSS" in page and "SOC 2" in page


def test_batch_summary_is_self_contained_ranked_and_escaped():
    from resumefit.report.summary import render_summary

    rows = [
        {"path": "a.pdf", "score": 40, "error": None, "warnings": [], "strategy": 40, "roadmap": "missing", "requirements": "partial"},
        {"path": "b<script>.pdf", "score": 80, "error": None, "warnings": ["two columns"], "strategy": 90,
         "roadmap": "missing", "requirements": "covered"},
        {"path": "c.pdf", "score": None, "error": "no such file <b>", "warnings": []},
    ]
    page = render_summary(rows)
    assert "b<script>" not in page and "b&lt;script&gt;.pdf" in page and "no such file &lt;b&gt;" in page
    assert not re.search(r"<[a-z][^>]*\s(?:src|href)\s*=", page, re.I) and "https://" not in page
    assert page.index("b&lt;script&gt;.pdf") < page.index("a.pdf") < page.index("c.pdf")
    assert "Most common gaps" in page and "2 / 0" in page  # roadmap missing in both scored files
    assert render_summary(rows, top=1).count('class="path"') == 2  # best one plus the failure
