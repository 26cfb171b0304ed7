"""HTML reporter: one self-contained page (inline CSS, inline SVG charts, no scripts, no URLs).

jinja2 autoescapes every value, so resume text can never become markup;
highlighting is done by splitting text into (text, matched) pieces that the
template wraps in ``<mark>``, never by building HTML strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import __version__
from ..models import CategoryResult, Report

COLORS = {"covered": "#1a7f37", "partial": "#b7791f", "missing": "#c53030"}
LABELS = {"covered": "Covered", "partial": "Partial", "missing": "Missing"}


@dataclass(frozen=True)
class Bar:
    """One row of the category chart: label, score and the three status segments (x, width)."""

    title: str
    score: int
    y: int
    segments: tuple[tuple[str, float, float, int], ...]


@lru_cache(maxsize=1)
def environment():
    """The jinja2 environment, autoescaping everything."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("resumefit", "report/templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(colors=COLORS, labels=LABELS, version=__version__)
    env.filters["highlight"] = highlight
    return env


def highlight(text: str, terms) -> list[tuple[str, bool]]:
    """Split text into pieces, marking those that match one of the terms (case-insensitive, whole words)."""
    patterns = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    if not patterns:
        return [(text, False)]
    alternatives = ["[^\\w]+".join(re.escape(w) for w in term.split()) for term in patterns]
    regex = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.I)
    pieces, last = [], 0
    for match in regex.finditer(text):
        if match.start() > last:
            pieces.append((text[last : match.start()], False))
        pieces.append((match.group(0), True))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces


def category_bars(categories: tuple[CategoryResult, ...], width: float = 500.0, row: int = 34) -> list[Bar]:
    """Lay out the category chart: a stacked bar of covered/partial/missing per category."""
    bars = []
    for i, c in enumerate(categories):
        total = c.covered + c.partial + c.missing or 1
        x, segments = 0.0, []
        for status, count in (("covered", c.covered), ("partial", c.partial), ("missing", c.missing)):
            w = width * count / total
            if count:
                segments.append((status, round(x, 1), round(w, 1), count))
            x += w
        bars.append(Bar(c.title, c.score, i * row, tuple(segments)))
    return bars


def render(report: Report, **_: object) -> str:
    """Render the report as one self-contained HTML page."""
    from ..suggest import next_steps

    groups = [(c, [r for r in report.responsibilities if r.category == c.id]) for c in report.categories]
    counts = {s: sum(1 for r in report.responsibilities if r.status == s) for s in COLORS}
    steps = next_steps(report, limit=8)
    return environment().get_template("report.html.j2").render(
        report=report, groups=groups, counts=counts, steps=steps, bars=category_bars(report.categories),
        job=report.job, gauge=gauge(report.score))


def gauge(score: int, radius: int = 52) -> dict:
    """Geometry of the score ring: circumference and the dash for the score."""
    circumference = 2 * 3.14159265 * radius
    color = COLORS["covered"] if score >= 70 else COLORS["partial"] if score >= 40 else COLORS["missing"]
    return {"r": radius, "c": round(circumference, 2), "dash": round(circumference * score / 100, 2), "color": color}
