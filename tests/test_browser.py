"""Open the HTML reports in real headless Chromium (skipped when it is not installed)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from resumefit.api import check_resume
from resumefit.report import render

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="headless chromium not installed")
ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


def _chromium(tmp_path, *args):
    profile = tmp_path / "profile"
    run = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                         capture_output=True, text=True, timeout=90, cwd=tmp_path)
    return run.stdout


@pytest.fixture(scope="module")
def two_column_pdf(tmp_path_factory):
    pytest.importorskip("reportlab")
    sys.path.insert(0, str(ROOT / "fixtures"))
    import render as fixture_render

    out = tmp_path_factory.mktemp("pdf") / "daniel.pdf"
    resume = fixture_render.parse_resume_file(ROOT / "fixtures/eval/dev/a-tpm-ecommerce-daniel.txt")
    fixture_render.render_pdf_two_column(resume, out)
    return out


def test_two_column_pdf_report_renders_with_chart(tmp_path, two_column_pdf):
    page = tmp_path / "report.html"
    page.write_text(render(check_resume(str(two_column_pdf)), "html"), encoding="utf-8")
    shot = tmp_path / "shot.png"
    _chromium(tmp_path, "--window-size=1000,1400", f"--screenshot={shot}", page.as_uri())
    assert shot.exists() and shot.stat().st_size > 20_000
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert "Coverage by category" in dom and dom.count("<rect") >= 5


def test_injected_markup_does_not_run(tmp_path):
    resume = tmp_path / "eve.txt"
    resume.write_text("Eve\n\nExperience\nTPM, Acme | 2020-2024\n"
                      "- Owned the roadmap <img src=x onerror=\"document.title='pwned'\"> for 3 teams\n"
                      "- Led <script>document.title='pwned'</script> sprints for 9 engineers and cut cycle time 20%\n",
                      encoding="utf-8")
    page = tmp_path / "eve.html"
    page.write_text(render(check_resume(str(resume)), "html"), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri())
    title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert "pwned" not in title and "fit" in title


def test_batch_summary_sorts_offline(tmp_path):
    from resumefit.report.summary import render_summary

    rows = [{"path": f"r{i}.pdf", "score": s, "error": None, "warnings": [], "strategy": s, "roadmap": "missing"}
            for i, s in enumerate((40, 90, 10))]
    page = tmp_path / "summary.html"
    page.write_text(render_summary(rows), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert dom.index("r1.pdf") < dom.index("r0.pdf") < dom.index("r2.pdf")
