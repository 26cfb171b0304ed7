import dataclasses

import pytest

from resumefit import EmptyDocument, Report, Scorer, check_resume, check_text

from conftest import SAMPLES


def test_path_bytes_and_text_give_the_same_verdicts():
    path = SAMPLES / "business-pm.txt"
    by_path = check_resume(path)
    by_bytes = check_resume(path.read_bytes(), filename="business-pm.txt")
    by_text = check_text(path.read_text())
    assert by_path.statuses() == by_bytes.statuses() == by_text.statuses()
    assert by_path.score == by_bytes.score == by_text.score


def test_report_is_frozen_and_serialisable():
    report = check_resume(SAMPLES / "nurse.txt")
    assert isinstance(report, Report)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.score = 100
    data = report.to_dict()
    assert data["score"] == report.score and len(data["responsibilities"]) == 23


def test_scorer_is_reusable():
    scorer = Scorer()
    from resumefit import parse_resume
    resume = parse_resume(SAMPLES / "software-engineer.pdf")
    assert scorer.score(resume).to_dict() == scorer.score(resume).to_dict()


def test_library_raises_its_own_errors():
    with pytest.raises(EmptyDocument):
        check_resume(b"   \n", filename="x.txt")
