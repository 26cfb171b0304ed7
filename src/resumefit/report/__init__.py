"""Report stage: turn a Report into text. Reporters are chosen by name."""

from __future__ import annotations

from typing import Callable

from ..models import Report

FORMATS = ("terminal", "markdown", "json", "html")
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".html": "html", ".htm": "html", ".txt": "terminal"}


def _renderer(name: str) -> Callable[..., str]:
    # Imported on demand so a JSON run never pays for rich or jinja2.
    if name == "json":
        from .json_report import render
    elif name == "markdown":
        from .markdown import render
    elif name == "html":
        from .html import render
    elif name == "terminal":
        from .terminal import render
    else:
        raise ValueError(f"unknown report format {name!r}; choose one of {', '.join(FORMATS)}")
    return render


def render(report: Report, fmt: str = "terminal", **options) -> str:
    """Render a report as ``terminal`` text, ``markdown``, ``json`` or ``html``."""
    return _renderer(fmt)(report, **options)


def format_for_path(path: str, default: str = "terminal") -> str:
    """Pick a format from an output file's suffix."""
    from pathlib import Path
    return SUFFIXES.get(Path(path).suffix.lower(), default)
