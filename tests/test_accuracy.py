"""Guard: agreement with the human labels on the dev split must not regress.

Targets from the accuracy issue; the held-out test split is reported in the
issue notes, never tuned on, and not asserted here.
"""

import pytest

from resumefit.evaluate import evaluate

from conftest import EVAL


@pytest.fixture(scope="module")
def dev():
    return evaluate(EVAL / "dev")


def test_dev_split_meets_the_accuracy_targets(dev):
    ours = dev.ours
    assert ours.resumes >= 34
    assert ours.macro_f1 >= 0.80, ours.macro_f1
    assert ours.gross_error_rate <= 0.03, ours.gross_error_rate
    assert ours.spearman >= 0.85, ours.spearman
    assert ours.auc >= 0.95, ours.auc


def test_dev_split_beats_the_naive_baseline(dev):
    assert dev.ours.macro_f1 - dev.baseline.macro_f1 >= 0.15, (dev.ours.macro_f1, dev.baseline.macro_f1)


def test_rendered_documents_score_like_their_text():
    rendered = evaluate(EVAL / "dev-rendered", labels_dir=EVAL / "dev", baseline_dev=EVAL / "dev")
    assert rendered.ours.resumes >= 10
    assert rendered.ours.macro_f1 >= 0.80, rendered.ours.macro_f1
    assert rendered.ours.gross_error_rate <= 0.03, rendered.ours.gross_error_rate
