"""Property: any text gives a valid report, or one of resumefit's own errors."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumefit.api import check_resume, check_text
from resumefit.errors import InputError

RESUME_WORDS = st.sampled_from(["Led", "roadmap", "API", "SQL", "launched", "Experience", "Skills", "2019–2023",
                                "• ", "\n", "\n\n", "<script>", "=SUM(A1)", "\u200b", "\x00", "ﬁ", "—", "%PDF-"])
TEXTS = st.one_of(st.text(max_size=2000), st.lists(RESUME_WORDS, max_size=300).map(" ".join))


def _valid(report) -> None:
    data = report.to_dict()
    json.dumps(data)  # serialisable
    assert 0 <= report.score <= 100
    assert len(report.responsibilities) == 23
    assert all(r.status in ("covered", "partial", "missing") for r in report.responsibilities)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_a_report_or_our_error(text):
    try:
        _valid(check_text(text))
    except InputError as exc:
        assert exc.hint


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["r.txt", "r.md", "r.pdf", "r.docx", "r.json", "r.zip"]))
def test_any_bytes_give_a_report_or_our_error(data, name):
    try:
        _valid(check_resume(data, filename=name))
    except InputError as exc:
        assert exc.path == name and exc.hint
