"""Option groups shared by several commands."""

from __future__ import annotations

import functools

import click

from ..limits import CHECK_TIMEOUT, DEFAULT_MAX_PAGES, DEFAULT_MAX_SIZE


def input_options(func=None, *, timeout: float = CHECK_TIMEOUT, timeout_help: str = "Seconds allowed to read the file."):
    """Add --taxonomy, --password, --max-size, --max-pages, --timeout (default ``timeout`` seconds).

    Use bare (``@input_options``) or with the command's own time limit
    (``@input_options(timeout=BATCH_TIMEOUT, timeout_help=...)``).
    """
    if func is None:
        return functools.partial(input_options, timeout=timeout, timeout_help=timeout_help)
    decorators = [
        click.option("--taxonomy", "taxonomy", type=click.Path(dir_okay=False), default=None,
                     help="Score against another taxonomy file of the same shape."),
        click.option("--password", default=None, help="Password of an encrypted PDF."),
        click.option("--max-size", type=click.FloatRange(min=0.001), default=DEFAULT_MAX_SIZE / 1048576, show_default=True,
                     help="Largest input file read, in MB."),
        click.option("--max-pages", type=click.IntRange(min=1), default=DEFAULT_MAX_PAGES, show_default=True,
                     help="Most PDF pages read."),
        click.option("--timeout", type=click.FloatRange(min=0.1), default=timeout, show_default=True,
                     help=timeout_help),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def limits_from(max_size: float, max_pages: int, timeout: float):
    from ..limits import Limits
    return Limits(max_size=int(max_size * 1048576), max_pages=max_pages, timeout=timeout)


def load_taxonomy_or_exit(path):
    """Load the taxonomy, turning a TaxonomyError into a usage error."""
    from ..errors import TaxonomyError
    from ..taxonomy import load_taxonomy
    from . import ExitCode, fail

    try:
        return load_taxonomy(path)
    except TaxonomyError as exc:
        fail(exc, ExitCode.USAGE)
