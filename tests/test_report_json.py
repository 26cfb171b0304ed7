import json

import jsonschema

from resumefit import check_resume
from resumefit.report import render
from resumefit.report.json_report import schema

from conftest import SAMPLES


def test_json_report_follows_its_schema():
    data = json.loads(render(check_resume(SAMPLES / "strong-tpm.pdf"), "json"))
    jsonschema.validate(data, schema())
    assert data["schema_version"] == "1.0"
    assert len(data["responsibilities"]) == 23
    first = data["responsibilities"][0]
    assert set(first) >= {"id", "category", "title", "status", "score", "evidence", "suggestions"}


def test_schema_rejects_a_broken_report():
    data = json.loads(render(check_resume(SAMPLES / "nurse.txt"), "json"))
    data["responsibilities"][0]["status"] = "great"
    try:
        jsonschema.validate(data, schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("schema accepted an unknown status")


def test_markdown_report_lists_every_responsibility():
    report = check_resume(SAMPLES / "business-pm.txt")
    text = render(report, "markdown")
    assert text.startswith(f"# Technical Product Manager fit: {report.score}/100")
    for result in report.responsibilities:
        assert f"(`{result.id}`)" in text
