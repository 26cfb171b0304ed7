"""resumefit batch DIR"""

from __future__ import annotations

import sys
import time

import click

from ..limits import BATCH_TIMEOUT
from .options import input_options, limits_from, load_taxonomy_or_exit


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--glob", "pattern", default=None, help="Only files matching this pattern (e.g. '*.pdf', '2024/*').")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: every core).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write one row per file to this .csv or .jsonl, as each file finishes.")
@click.option("--format", "row_fmt", type=click.Choice(["csv", "jsonl"]), default=None,
              help="Row format (default: from --output's suffix).")
@click.option("--resume", is_flag=True, help="Skip files already in --output and append the rest.")
@click.option("--overwrite", is_flag=True, help="Replace an --output that already holds rows.")
@click.option("--report-dir", type=click.Path(file_okay=False), default=None, help="Also write each file's full report here.")
@click.option("--report-format", type=click.Choice(["markdown", "json", "html"]), default="markdown", show_default=True)
@click.option("--summary", "summary_path", type=click.Path(dir_okay=False), default=None,
              help="Also write an HTML leaderboard of every row to this file.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Rows in the printed ranking.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run on a Dask cluster, e.g. tcp://host:8786 (pip install 'resumefit[dask]').")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; only errors.")
@input_options(timeout=BATCH_TIMEOUT, timeout_help="Seconds allowed per file; a file over it is stopped and gets an error row.")
def batch(folder, pattern, jobs, output, row_fmt, resume, overwrite, report_dir, report_format, summary_path,
          top, scheduler, quiet, taxonomy, password, max_size, max_pages, timeout):
    """Score every resume under FOLDER in parallel; exit 3 if any file failed."""
    from ..batch import ResultsFile, Summary, row_columns
    from ..errors import ResumefitError
    from . import ExitCode, fail

    if resume and not output:
        raise click.UsageError("--resume continues an --output file; name it with -o")
    tax = load_taxonomy_or_exit(taxonomy)
    summary = Summary(tax, top)
    rows: list[dict] | None = [] if summary_path else None
    started = time.monotonic()
    try:
        results = ResultsFile(output, row_columns(tax), row_fmt, resume=resume, overwrite=overwrite) if output else None
        done = results.done if results else {}
        for row in sorted(done.values(), key=lambda r: r["path"]):
            _keep(row, summary, rows)
        try:
            _run(folder, pattern, jobs, tax, limits_from(max_size, max_pages, timeout), password, report_dir,
                 report_format, scheduler, quiet, done, [p for p in (output, report_dir, summary_path) if p],
                 lambda row: (_keep(row, summary, rows), results and results.write(row)))
        finally:
            if results:
                results.close()
        if summary_path:
            _write_summary(summary_path, sorted(rows, key=lambda r: r["path"]), top)
    except ResumefitError as exc:
        fail(exc)
    except KeyboardInterrupt:
        kept = f"; the finished rows are in {output} (run again with --resume to finish)" if output else ""
        click.echo(f"resumefit: interrupted{kept}", err=True)
        sys.exit(130)
    total = summary.scored + len(summary.failures)
    if total == 0:
        fail(ResumefitError("no resumes found", path=folder, hint="resumefit reads .pdf .docx .txt .md .json .zip; check --glob"),
             ExitCode.USAGE)
    if not quiet:
        click.echo(summary.render())
        click.echo(f"resumefit: {total} file(s) in {time.monotonic() - started:.1f} s"
                   + (f"; rows in {output}" if output else ""), err=True)
    sys.exit(int(ExitCode.INPUT if summary.failures else ExitCode.OK))


def _keep(row: dict, summary, rows: list | None) -> None:
    summary.add(row)
    if rows is not None:
        rows.append(row)


def _run(folder, pattern, jobs, tax, limits, password, report_dir, report_format, scheduler, quiet, done, exclude, emit):
    """Score the folder, calling emit(row) for each file as it finishes."""
    import os

    from ..batch import build_row, check_folder, clean_text, discover, write_report

    if report_dir:
        os.makedirs(report_dir, exist_ok=True)
    results = check_folder(folder, jobs=jobs, glob=pattern, taxonomy=tax, limits=limits, password=password,
                           render_format=report_format if report_dir else None, skip=done, exclude=exclude,
                           scheduler=scheduler, suggest=False)
    progress = None
    if not quiet and sys.stderr.isatty():
        total = sum(1 for rel in discover(folder, pattern, exclude) if clean_text(rel) not in done)
        progress = _progress(total)
    try:
        for result in results:
            if report_dir and result.rendered is not None:
                write_report(report_dir, result.path, result.rendered, report_format)
            emit(build_row(result, tax))
            if progress:
                progress[0].advance(progress[1])
    finally:
        results.close()
        if progress:
            progress[0].stop()


def _progress(total: int):
    # rich is imported only when a person is watching a terminal.
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("scoring"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=Console(stderr=True), transient=True)
    task = bar.add_task("scoring", total=total)
    bar.start()
    return bar, task


def _write_summary(path, rows: list[dict], top: int) -> None:
    from ..outputs import atomic_write_text
    try:
        from ..report.summary import render_summary
    except ImportError:
        from ..errors import OutputError
        raise OutputError("the HTML leaderboard is not available in this version", path=path,
                          hint="drop --summary; the rows are in --output") from None
    atomic_write_text(path, render_summary(rows, top=top))


COMMANDS = [batch]
