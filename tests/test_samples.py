"""The bundled samples: each verdict matches its expected statuses closely, and
a strong TPM ranks above a business PM, a software engineer and a nurse."""

import pytest
import yaml

from resumefit import check_resume

from conftest import SAMPLES

ORDER = ["strong-tpm", "business-pm", "software-engineer", "nurse"]


def expected(name):
    return yaml.safe_load((SAMPLES / f"{name}.expected.yaml").read_text())["labels"]


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
def test_ranking_holds_in_every_format(suffix):
    scores = [check_resume(SAMPLES / f"{name}{suffix}").score for name in ORDER]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 4, scores


@pytest.mark.parametrize("name", ORDER)
@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_verdicts_agree_with_expected_statuses(name, suffix):
    report = check_resume(SAMPLES / f"{name}{suffix}")
    labels = expected(name)
    statuses = report.statuses()
    assert set(statuses) == set(labels)
    # The evaluation's own yardsticks: covered-or-not agreement and gross errors.
    agree = sum((statuses[k] == "covered") == (v == "covered") for k, v in labels.items()) / len(labels)
    gross = [k for k, v in labels.items() if {v, statuses[k]} == {"covered", "missing"}]
    assert agree >= 0.85, (agree, {k: (v, statuses[k]) for k, v in labels.items() if statuses[k] != v})
    assert len(gross) <= 1, gross


def test_pdf_and_docx_give_the_same_verdicts():
    for name in ORDER:
        assert check_resume(SAMPLES / f"{name}.pdf").statuses() == check_resume(SAMPLES / f"{name}.docx").statuses(), name


def test_every_covered_verdict_shows_its_evidence():
    report = check_resume(SAMPLES / "strong-tpm.pdf")
    text = (SAMPLES / "strong-tpm.txt").read_text()
    for result in report.responsibilities:
        if result.status == "covered":
            assert result.evidence and result.evidence[0].strength == "strong"
            assert result.evidence[0].text.split()[0] in text
        else:
            assert result.suggestions
