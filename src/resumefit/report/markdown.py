"""Markdown reporter."""

from __future__ import annotations

from ..models import Report

ICONS = {"covered": "✅ covered", "partial": "🟡 partial", "missing": "❌ missing"}


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def render(report: Report, **_: object) -> str:
    out = [f"# {report.role} fit: {report.score}/100", "", f"Resume: `{report.source}`", ""]
    if report.warnings:
        out += ["## Warnings", ""] + [f"- {w.message}" for w in report.warnings] + [""]
    from ..suggest import next_steps

    steps = next_steps(report, limit=5)
    if steps:
        out += ["## What to do next", ""]
        out += [f"{n}. **+{s.gain:.1f} pts**, {s.title}: {_escape(s.text)}" for n, s in enumerate(steps, 1)] + [""]
    out += ["## Categories", "", "| Category | Score | Covered | Partial | Missing |", "|---|---:|---:|---:|---:|"]
    out += [f"| {c.title} | {c.score} | {c.covered} | {c.partial} | {c.missing} |" for c in report.categories]
    out += ["", "## Responsibilities", ""]
    for r in report.responsibilities:
        out += [f"### {r.title} (`{r.id}`): {ICONS[r.status]}, {r.score:.2f}", ""]
        for e in r.evidence:
            out.append(f"- {e.section}: \"{_escape(e.text)}\"")
        if r.suggestions:
            out += ["", "Suggested bullets:", ""] + [f"- {_escape(s)}" for s in r.suggestions]
        out.append("")
    if report.unquantified:
        out += ["## Evidence with no measurable result", ""] + [f"- \"{_escape(e.text)}\"" for e in report.unquantified] + [""]
    if report.rewrites:
        out += ["## Stronger wording", ""]
        out += [f"- \"{_escape(r.text)}\" ({r.reason}) → {_escape(r.suggestion)}" for r in report.rewrites] + [""]
    if report.job is not None:
        job = report.job
        out += ["## Job match", "", f"Score: {job.score}/100", "",
                "Matched: " + (", ".join(job.matched_terms) or "none"), "",
                "Missing: " + (", ".join(job.missing_terms) or "none"), ""]
        out += [f"- Say it their way: **{_escape(t)}** (you wrote: \"{_escape(f)}\")" for t, f in
                getattr(job, "addable_forms", ())]
        out.append("")
    return "\n".join(out)
