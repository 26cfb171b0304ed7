"""Job-description mode: key terms, matched/missing/addable terms, stressed responsibilities, score."""

import json

import pytest
from click.testing import CliRunner

from resumefit.api import check_resume, check_text
from resumefit.cli import cli
from resumefit.jobmatch import attach_job, key_terms, match_job, stem

MARISOL = "fixtures/eval/dev/a-tpm-payments-marisol.txt"
PAYMENTS_JOB = "fixtures/jobs/tpm-payments-platform.txt"


@pytest.fixture(scope="module")
def marisol():
    return check_resume(MARISOL, job=PAYMENTS_JOB)


def test_payments_posting_terms(marisol):
    job = marisol.job
    for term in ("PCI DSS", "ISO 8583", "idempotency", "reconciliation", "SQL", "double-entry ledger"):
        assert term in job.matched_terms
    for term in ("SOC 2", "risk models"):
        assert term in job.missing_terms and term in job.unsupported_terms
    assert set(job.matched_terms).isdisjoint(job.missing_terms)


def test_names_and_boilerplate_are_not_key_terms():
    text = open(PAYMENTS_JOB, encoding="utf-8").read()
    terms = {t.term.lower() for t in key_terms(text)}
    assert not {"brightledger", "austin", "dental", "401(k) match", "equity", "experience"} & terms
    assert {"soc 2", "pci dss", "iso 8583", "double-entry ledger"} <= terms
    assert "acceptance criteria" in {t.term.lower() for t in key_terms(text, top=60)}


def test_addable_terms_are_said_another_way(marisol):
    forms = dict(marisol.job.addable_forms)
    assert "authorization rate" in forms and "approval rate" in forms["authorization rate"]
    assert "event-driven architecture" in forms and "event sourcing" in forms["event-driven architecture"]


def test_spacing_variant_and_acronym_are_addable():
    report = check_text("Jo Doe\n\nExperience\nPM, Acme | 2020-2024\n"
                        "- Led the SOC2 audit for the billing platform with 4 engineers\n"
                        "- Wrote product requirements documents for 12 features\n")
    job = match_job("Requirements\n- SOC 2 compliance\n- Write PRDs and SOC 2 controls\n- PRDs for APIs", report)
    addable = set(job.addable_terms)
    assert "SOC 2" in addable and "PRDs" in addable


def test_stressed_responsibilities_weigh_in_next_steps(marisol):
    from resumefit.suggest import next_steps

    stressed = marisol.job.stressed_ids
    assert stressed and all(s in marisol.statuses() for s in stressed)
    steps = next_steps(marisol)
    assert any(s.stressed for s in steps if s.rid in stressed)


def test_matching_resume_scores_higher_than_unrelated():
    nurse = check_resume("fixtures/eval/dev/a-nurse-grace.txt", job=PAYMENTS_JOB)
    tpm = check_resume(MARISOL, job=PAYMENTS_JOB)
    assert tpm.job.score > nurse.job.score + 25


def test_json_has_job_object_and_validates(marisol):
    jsonschema = pytest.importorskip("jsonschema")
    from resumefit.report import render
    from resumefit.report.json_report import schema

    data = json.loads(render(marisol, "json"))
    jsonschema.validate(data, schema())
    assert {"score", "matched_terms", "missing_terms", "addable_terms", "stressed"} <= set(data["job"])


def test_cli_job_json_and_unreadable_job(tmp_path):
    result = CliRunner().invoke(cli, ["check", MARISOL, "--job", PAYMENTS_JOB, "-f", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "PCI DSS" in json.loads(result.output)["job"]["matched_terms"]
    missing = tmp_path / "nope.txt"
    result = CliRunner().invoke(cli, ["check", MARISOL, "--job", str(missing)], catch_exceptions=False)
    assert result.exit_code == 3 and "nope.txt" in result.output and "Traceback" not in result.output


def test_job_from_docx(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in open(PAYMENTS_JOB, encoding="utf-8").read().splitlines():
        document.add_paragraph(line)
    path = tmp_path / "job.docx"
    document.save(path)
    report = attach_job(check_resume(MARISOL), str(path))
    assert "PCI DSS" in report.job.matched_terms


@pytest.mark.parametrize("a, b", [("tests", "testing"), ("criteria", "criteria"), ("integrations", "integration"),
                                  ("planned", "planning")])
def test_stem_joins_inflections(a, b):
    assert stem(a) == stem(b)
