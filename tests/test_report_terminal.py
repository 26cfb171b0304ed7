"""Terminal report: colour on a terminal, plain ASCII when piped or NO_COLOR, 80 columns."""

import re

import pytest
from click.testing import CliRunner

from resumefit.api import check_resume
from resumefit.cli import cli
from resumefit.report import render

ANSI = re.compile(r"\x1b\[[0-9;]*m")
RESUME = "fixtures/eval/dev/b-apm-fintech-lucas.txt"
JOB = "fixtures/jobs/tpm-payments-platform.txt"


@pytest.fixture(scope="module")
def report():
    return check_resume(RESUME, job=JOB)


def test_plain_has_no_escape_codes_and_fits_80(report, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    text = render(report, "terminal", color=False)
    assert "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "[+]" in text or "[ ]" in text  # ASCII marks, not glyphs
    assert "What to do next" in text and "Job match" in text


def test_colour_fits_80_too(report, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    text = render(report, "terminal", color=True)
    assert "\x1b[" in text
    assert max(len(ANSI.sub("", line)) for line in text.splitlines()) <= 80


def test_no_color_env_wins(report, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b" not in render(report, "terminal")
    assert "\x1b" not in render(report, "terminal", color=True)


def test_cli_output_is_plain_when_piped(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = CliRunner().invoke(cli, ["check", RESUME], catch_exceptions=False)
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "fit:" in result.output
