"""Suggestions worth pasting: strong verb, scope from the resume, a result slot, no repeats, ranked by gain."""

from dataclasses import replace
from pathlib import Path

import pytest

from resumefit.api import check_resume, check_text, get_scorer
from resumefit.language import ACTION_VERBS
from resumefit.models import Line
from resumefit.suggest import has_result_placeholder, next_steps, resume_context, similar, strengthen

DEV = sorted(Path("fixtures/eval/dev").glob("*.txt"))


@pytest.fixture(scope="module")
def reports():
    return {p.stem: check_resume(str(p)) for p in DEV}


def _opens_strong(text: str) -> bool:
    first = text.split()[0].lower()
    return first not in ("acted", "served", "took", "helped", "assisted", "supported", "was") and (
        first in ACTION_VERBS or first in ("gave", "co-invented") or (first.endswith("ed") and len(first) > 4))


def test_every_suggestion_is_pasteable(reports):
    for name, report in reports.items():
        existing = [line.text for line in report.resume.lines]
        bullets = [s for r in report.responsibilities for s in r.suggestions]
        for bullet in bullets:
            assert _opens_strong(bullet), (name, bullet)
            assert has_result_placeholder(bullet), (name, bullet)
            assert "{" not in bullet and "the the" not in bullet.lower(), (name, bullet)
            assert not any(similar(bullet, line, 0.6) for line in existing), (name, bullet)
        for i, a in enumerate(bullets):
            for b in bullets[i + 1:]:
                assert not similar(a, b), (name, a, b)


def test_scope_comes_from_the_resume(reports):
    report = reports["a-tpm-payments-marisol"]
    context = resume_context(report.resume)
    assert context.domain == "payments"
    assert "card acquiring product" in context.products
    assert context.team.count() == "three engineering squads"
    text = " ".join(s for r in report.responsibilities for s in r.suggestions)
    assert "card acquiring product" in text or "merchant dashboard" in text
    assert "payments" in text


def test_no_domain_from_a_single_stray_word(reports):
    assert resume_context(reports["a-teacher-changer-marcus"].resume).domain == "[domain]"


@pytest.mark.parametrize("line, expected", [
    ("Helped the PM prepare the quarterly roadmap review", "Prepared the quarterly roadmap review with the PM"),
    ("Responsible for managing the release calendar", "Managed the release calendar"),
    ("Worked on the checkout redesign", "Led the checkout redesign"),
    ("Helped build the API gateway", "Built the API gateway"),
    ("Supported the sales team on RFPs", "Partnered with the sales team on RFPs"),
])
def test_weak_lines_get_a_strong_rewrite(line, expected):
    rewrite = strengthen(line, "delivery", quantified=False)
    assert rewrite.startswith(expected)
    assert has_result_placeholder(rewrite)
    assert strengthen(line, "delivery", quantified=True) == expected


def test_report_carries_rewrites_for_weak_lines(reports):
    rewrites = {r.text: r for r in reports["b-apm-fintech-lucas"].rewrites}
    rw = rewrites["Helped the PM prepare the quarterly roadmap review"]
    assert rw.suggestion.startswith("Prepared the quarterly roadmap review") and rw.gain > 0


def test_steps_are_ranked_by_gain(reports):
    steps = next_steps(reports["b-apm-fintech-lucas"])
    gains = [s.gain for s in steps]
    assert gains == sorted(gains, reverse=True)


def test_top_step_really_raises_the_score(reports):
    # Paste the first suggestion (with numbers filled in) and score again.
    report = reports["b-apm-fintech-lucas"]
    step = next_steps(report)[0]
    bullet = step.text.replace("[X%]", "30%").replace("[N]", "4").replace("[$X]", "$2M")
    resume = report.resume
    experience = next(s for s in resume.sections if s.name == "experience")
    added = Line(len(resume.lines), bullet, "experience", "bullet", experience.heading)
    sections = tuple(replace(s, lines=s.lines + (added,)) if s is experience else s for s in resume.sections)
    after = get_scorer().score(replace(resume, sections=sections))
    assert after.by_id(step.rid).status == "covered"
    assert after.score - report.score >= round(step.gain) - 1


def test_thin_resume_gets_placeholders_not_invented_scope():
    report = check_text("Sam\n\nExperience\nIntern, Shop | 2023\n- Answered emails\n")
    bullets = [s for r in report.responsibilities for s in r.suggestions]
    assert bullets and any("[product]" in b for b in bullets)
