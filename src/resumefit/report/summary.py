"""Batch summary: one self-contained, sortable HTML leaderboard for a folder of resumes.

The table sorts on a header click with a few lines of inline script; without
scripts (or on paper) it stays ranked by score.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..models import STATUSES

FIXED_KEYS = frozenset({"path", "score", "error", "warnings"})


@dataclass(frozen=True)
class Gap:
    """A responsibility folder-wide. Fields: id, title, missing, partial (resumes with that status)."""

    id: str
    title: str
    missing: int
    partial: int


def _titles() -> tuple[dict[str, str], dict[str, str]]:
    """Category and responsibility titles of the built-in taxonomy (ids stand in when unknown)."""
    try:
        from ..taxonomy import load_taxonomy
        taxonomy = load_taxonomy()
    except Exception:  # a summary must render even without a readable taxonomy
        return {}, {}
    return {c.id: c.title for c in taxonomy.categories}, {r.id: r.title for r in taxonomy.responsibilities}


def split_keys(rows: list[dict]) -> tuple[list[str], list[str]]:
    """Tell category keys (numeric subscores) from responsibility keys (status strings), in first-seen order."""
    categories: list[str] = []
    responsibilities: list[str] = []
    for row in rows:
        for key, value in row.items():
            if key in FIXED_KEYS or key in categories or key in responsibilities:
                continue
            if isinstance(value, str) and value in STATUSES:
                responsibilities.append(key)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                categories.append(key)
    return categories, responsibilities


def common_gaps(rows: list[dict], responsibilities: list[str], titles: dict[str, str]) -> list[Gap]:
    """Count, per responsibility, how many scored resumes miss it or show it only in part."""
    missing, partial = Counter(), Counter()
    for row in rows:
        if row.get("error"):
            continue
        for rid in responsibilities:
            if row.get(rid) == "missing":
                missing[rid] += 1
            elif row.get(rid) == "partial":
                partial[rid] += 1
    gaps = [Gap(rid, titles.get(rid, rid), missing[rid], partial[rid]) for rid in responsibilities]
    return sorted((g for g in gaps if g.missing or g.partial), key=lambda g: (-g.missing, -g.partial, g.id))


def _view(row: dict, responsibilities: list[str]) -> dict:
    """A row with its gap count and its warnings as a list of strings, for the template."""
    warnings = row.get("warnings") or []
    if isinstance(warnings, (str, int)):
        warnings = [str(warnings)] if warnings else []
    texts = [w.get("message", str(w)) if isinstance(w, dict) else str(w) for w in warnings]
    return {**row, "_gaps": sum(1 for rid in responsibilities if row.get(rid) == "missing"), "_warnings": texts}


def render_summary(rows: list[dict], top: int | None = None) -> str:
    """Render the batch leaderboard as one self-contained HTML page.

    ``rows``: one dict per file with path, score, error, warnings, a
    subscore per category id and a status per responsibility id. ``top``
    keeps only the best N scored files in the table (gaps count them all).
    """
    from .html import COLORS, environment

    category_titles, titles = _titles()
    categories, responsibilities = split_keys(rows)
    ranked = sorted(rows, key=lambda r: (r.get("error") is not None and bool(r.get("error")), -(r.get("score") or 0),
                                         str(r.get("path", ""))))
    scored = [r for r in ranked if not r.get("error")]
    failed = [r for r in ranked if r.get("error")]
    shown = [_view(r, responsibilities) for r in (scored[:top] if top else scored) + failed]
    gaps = common_gaps(rows, responsibilities, titles)
    counted = max(1, len(scored))
    mean = round(sum(r.get("score") or 0 for r in scored) / len(scored)) if scored else 0
    return environment().get_template("summary.html.j2").render(
        rows=shown, total=len(rows), scored=len(scored), failed=len(failed), mean=mean, top=top,
        categories=[(c, category_titles.get(c.removeprefix("cat:"), c)) for c in categories], gaps=gaps[:10],
        counted=counted,
        responsibilities=responsibilities, status_colors=COLORS)
