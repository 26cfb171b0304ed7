"""Command-line interface: parse arguments, call the library, render, exit.

Heavy modules (pdfplumber, python-docx, rich) are imported inside the
commands that need them, so ``resumefit --help`` starts instantly.
"""

from __future__ import annotations

import os
import sys
from enum import IntEnum

import click

from .. import __version__


class ExitCode(IntEnum):
    """Every exit status resumefit uses."""

    OK = 0  # report written
    BELOW_THRESHOLD = 1  # --fail-under N given and the score is below it
    USAGE = 2  # bad arguments or taxonomy
    INPUT = 3  # an input could not be read (batch: some files failed)
    INTERNAL = 4  # a bug in resumefit


def fail(error, code: ExitCode = ExitCode.INPUT) -> None:
    """Print one line for a library error and exit with its code."""
    click.echo(f"resumefit: {error.message()}", err=True)
    sys.exit(int(code))


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="resumefit")
def cli() -> None:
    """Check a resume against the responsibilities of a Technical Product Manager, offline."""


def _register() -> None:
    from . import batch, check, evaluate, extract, info

    for module in (check, info, extract, batch, evaluate):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Console entry point: no traceback ever reaches the user."""
    import gc

    # One command builds thousands of small objects that live until exit (the
    # compiled taxonomy, its rule index); at the default threshold the garbage
    # collector rescans them all dozens of times: ~25 ms of a 250 ms check.
    gc.set_threshold(10_000, 10, 10)
    try:
        cli.main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("resumefit: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # pragma: no cover - last line of defence
        if os.environ.get("RESUMEFIT_DEBUG"):
            raise
        click.echo(f"resumefit: internal error: {type(exc).__name__}: {exc} (set RESUMEFIT_DEBUG=1 for details and please report it)", err=True)
        sys.exit(int(ExitCode.INTERNAL))
