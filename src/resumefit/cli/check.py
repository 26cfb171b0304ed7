"""resumefit check FILE"""

from __future__ import annotations

import sys

import click

from ..limits import CHECK_TIMEOUT
from .options import input_options, limits_from, load_taxonomy_or_exit


@click.command()
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=False))
@click.option("-f", "--format", "fmt", type=click.Choice(["terminal", "markdown", "json", "html"]), default=None,
              help="Report format (default: from --output's suffix, else terminal).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write the report to this file.")
@click.option("--fail-under", type=click.IntRange(0, 100), default=None, help="Exit 1 when the score is below N.")
@click.option("--job", type=click.Path(dir_okay=False), default=None, help="Also match against a job posting (.txt/.pdf/.docx).")
@click.option("--color/--no-color", default=None, help="Force colour on or off (default: on for a terminal).")
@input_options(timeout=CHECK_TIMEOUT, timeout_help="Seconds allowed to read FILE; a slower file is refused "
                                                   "(with start-up, any file is answered within 10 s).")
def check(file, fmt, output, fail_under, job, color, taxonomy, password, max_size, max_pages, timeout):
    """Score one resume and print its gap report."""
    from ..api import check_resume
    from ..errors import InputError, OutputError
    from ..outputs import atomic_write_text
    from ..report import format_for_path, render
    from . import ExitCode, fail

    tax = load_taxonomy_or_exit(taxonomy)
    try:
        report = check_resume(file, taxonomy=tax, limits=limits_from(max_size, max_pages, timeout), password=password, job=job)
    except InputError as exc:
        fail(exc)
    fmt = fmt or (format_for_path(output) if output else "terminal")
    if color is None:
        color = output is None and sys.stdout.isatty()
    text = render(report, fmt, color=color)
    if output:
        try:
            atomic_write_text(output, text)
        except OutputError as exc:
            fail(exc)
        click.echo(f"wrote {output} (score {report.score}/100)", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))
    if fail_under is not None and report.score < fail_under:
        sys.exit(int(ExitCode.BELOW_THRESHOLD))


COMMANDS = [check]
