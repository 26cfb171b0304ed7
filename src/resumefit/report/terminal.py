"""Terminal reporter: rich colour and layout on a terminal, plain text when piped."""

from __future__ import annotations

import io
import os

from ..models import Report

STYLE = {"covered": "green", "partial": "yellow", "missing": "red"}
MARK = {"covered": "✔", "partial": "~", "missing": "✘"}


def render(report: Report, *, color: bool | None = None, width: int = 80, **_: object) -> str:
    """Render for a terminal; ``color=None`` decides from NO_COLOR."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    if color is None:
        color = "NO_COLOR" not in os.environ
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, color_system="standard" if color else None,
                      no_color=not color, highlight=False, emoji=False, legacy_windows=False)
    frame = box.ROUNDED if color else box.ASCII
    console.print(Text.assemble((f"{report.role} fit: ", "bold"), (f"{report.score}/100", "bold cyan"), f"   {report.source}"))
    for warning in report.warnings:
        console.print(Text(f"! {warning.message}", style="yellow"))
    categories = Table(box=frame, show_header=True, header_style="bold", pad_edge=False)
    for name, justify in (("Category", "left"), ("Score", "right"), ("Covered", "right"), ("Partial", "right"), ("Missing", "right")):
        categories.add_column(name, justify=justify)
    for c in report.categories:
        categories.add_row(c.title, str(c.score), str(c.covered), str(c.partial), str(c.missing))
    console.print(categories)
    for r in report.responsibilities:
        head = Text.assemble((f"{MARK[r.status]} {r.status:<8}", STYLE[r.status]), f" {r.score:.2f}  ", (r.title, "bold"), f" [{r.id}]")
        console.print(head)
        for e in r.evidence:
            console.print(Text(f"    {e.section}: {e.text}", style="dim" if e.strength != "strong" else ""), overflow="fold")
        for s in r.suggestions:
            console.print(Text(f"    + {s}", style="cyan"), overflow="fold")
    if report.unquantified:
        console.print(Text("\nEvidence lines with no measurable result (add a number):", style="bold"))
        for e in report.unquantified:
            console.print(Text(f"  - {e.text}"), overflow="fold")
    if report.rewrites:
        console.print(Text("\nStronger wording:", style="bold"))
        for rw in report.rewrites:
            console.print(Text(f"  - {rw.text}\n    -> {rw.suggestion}"), overflow="fold")
    if report.job is not None:
        job = report.job
        console.print(Text(f"\nJob match: {job.score}/100", style="bold"))
        console.print(Text("  matched: " + (", ".join(job.matched_terms) or "none")), overflow="fold")
        console.print(Text("  missing: " + (", ".join(job.missing_terms) or "none")), overflow="fold")
    return buffer.getvalue()
