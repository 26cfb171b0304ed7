"""Terminal reporter: rich colour and layout on a terminal, plain ASCII text when piped.

Plain mode (``color=False``, or ``NO_COLOR`` set) writes no escape codes and
only ASCII marks, so the output reads the same in a pipe, a log or an email.
Every line fits the width (80 columns by default).
"""

from __future__ import annotations

import io
import os

from ..models import Report

STYLE = {"covered": "green", "partial": "yellow", "missing": "red"}
MARK = {True: {"covered": "✔", "partial": "◐", "missing": "✘"}, False: {"covered": "[+]", "partial": "[~]", "missing": "[ ]"}}
STEP = {"add": "Add", "rewrite": "Rewrite", "quantify": "Add a result"}


def render(report: Report, *, color: bool | None = None, width: int = 80, steps: int = 5, **_: object) -> str:
    """Render for a terminal; ``color=None`` means colour unless NO_COLOR is set."""
    from rich.console import Console

    if color is None or os.environ.get("NO_COLOR"):
        color = not os.environ.get("NO_COLOR") if color is None or color else False
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, color_system="standard" if color else None,
                      no_color=not color, highlight=False, emoji=False, legacy_windows=False, soft_wrap=False)
    _header(console, report, color)
    _categories(console, report, color, width)
    _next_steps(console, report, steps)
    _responsibilities(console, report, color)
    _rewrites(console, report)
    _job(console, report, color)
    text = buffer.getvalue()
    if not color:
        # Padding fills lines to the width; a pipe wants them trimmed, and ASCII ellipses.
        text = "\n".join(line.rstrip() for line in text.replace("…", "...").splitlines()) + "\n"
    return text


def _bar(value: int, size: int, color: bool) -> str:
    filled = round(size * value / 100)
    return ("█" * filled + "░" * (size - filled)) if color else ("#" * filled + "." * (size - filled))


def _band(score: int) -> str:
    return "green" if score >= 70 else "yellow" if score >= 40 else "red"


def _indented(console, text, indent: int = 4) -> None:
    from rich.padding import Padding
    console.print(Padding(text, (0, 0, 0, indent)), overflow="fold")


def _header(console, report: Report, color: bool) -> None:
    from rich.text import Text

    line = Text.assemble((f"{report.role} fit: ", "bold"), (f"{report.score}/100 ", f"bold {_band(report.score)}"),
                         (_bar(report.score, 20, color), _band(report.score)))
    if report.job is not None:
        line.append(f"   job match {report.job.score}/100", style="bold cyan")
    console.print(line)
    console.print(Text(report.source, style="dim"), overflow="fold")
    for warning in report.warnings:
        console.print(Text(f"! {warning.message}", style="yellow"), overflow="fold")


def _categories(console, report: Report, color: bool, width: int) -> None:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD if color else box.ASCII2, show_header=True, header_style="bold",
                  pad_edge=False, width=min(width, 72))
    table.add_column("Category")
    table.add_column("Score", justify="right")
    table.add_column("", no_wrap=True)
    table.add_column("Cov", justify="right")
    table.add_column("Part", justify="right")
    table.add_column("Miss", justify="right")
    for c in report.categories:
        table.add_row(c.title, str(c.score), f"[{_band(c.score)}]{_bar(c.score, 16, color)}[/]", str(c.covered),
                      str(c.partial), str(c.missing))
    console.print(table)


def _next_steps(console, report: Report, limit: int) -> None:
    from rich.text import Text

    from ..suggest import next_steps

    steps = next_steps(report, limit=limit)
    if not steps:
        return
    console.print(Text("What to do next (biggest gain first)", style="bold underline"))
    for n, step in enumerate(steps, 1):
        head = Text.assemble(f"{n}. ", (f"+{step.gain:.1f} pts ", "bold cyan"), (STEP[step.kind], "bold"),
                             f" - {step.title}")
        if step.stressed:
            head.append(" (the job asks for it)", style="magenta")
        _indented(console, head, 1)
        if step.before:
            _indented(console, Text(f"was: {step.before}", style="dim"), 4)
        _indented(console, Text(step.text, style="cyan"), 4)
    console.print()


def _evidence_text(text: str, terms, prefix: str):
    from rich.text import Text

    from .html import highlight

    out = Text(prefix, style="dim")
    for piece, hit in highlight(text, terms):
        out.append(piece, style="bold" if hit else "")
    return out


def _responsibilities(console, report: Report, color: bool) -> None:
    from rich.text import Text

    marks = MARK[color]
    for category in report.categories:
        console.print(Text(f"{category.title} ({category.score}/100)", style="bold underline"))
        for r in (r for r in report.responsibilities if r.category == category.id):
            head = Text.assemble((f"{marks[r.status]} ", STYLE[r.status]), (f"{r.status:<8}", STYLE[r.status]),
                                 f" {r.score:.2f}  ", (r.title, "bold"))
            _indented(console, head, 1)
            for e in r.evidence:
                _indented(console, _evidence_text(e.text, e.terms, f"{e.section}: "), 6)
            for s in r.suggestions:
                _indented(console, Text(f"+ {s}", style="cyan"), 6)
        console.print()


def _rewrites(console, report: Report) -> None:
    from rich.text import Text

    if not report.rewrites:
        return
    console.print(Text("Stronger wording", style="bold underline"))
    for rw in report.rewrites:
        _indented(console, Text(f"- {rw.text}  ({rw.reason})", style="dim"), 1)
        _indented(console, Text(f"-> {rw.suggestion}", style="cyan"), 4)
    console.print()


def _job(console, report: Report, color: bool) -> None:
    from rich.text import Text

    job = report.job
    if job is None:
        return
    console.print(Text(f"Job match: {job.score}/100  ({job.source})", style="bold underline"), overflow="fold")
    _indented(console, Text.assemble(("in your resume: ", "green"), ", ".join(job.matched_terms) or "none"), 1)
    for term, form in getattr(job, "addable_forms", ()):
        _indented(console, Text.assemble(("say it their way: ", "yellow"), (term, "bold"), f"  (you wrote: {form})"), 1)
    missing = getattr(job, "unsupported_terms", job.missing_terms)
    _indented(console, Text.assemble(("not in your resume (add only if true): ", "red"), ", ".join(missing) or "none"), 1)
    stressed = getattr(job, "stressed", ())
    if stressed:
        _indented(console, Text("the posting stresses: " + ", ".join(f"{s.title} ({s.status})" for s in stressed)), 1)
