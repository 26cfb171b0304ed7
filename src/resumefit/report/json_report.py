"""JSON reporter; its shape is data/report.schema.json."""

from __future__ import annotations

import json

from ..models import Report


def render(report: Report, **_: object) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def schema() -> dict:
    """The JSON Schema the report follows."""
    from importlib import resources
    return json.loads((resources.files("resumefit") / "data" / "report.schema.json").read_text(encoding="utf-8"))
