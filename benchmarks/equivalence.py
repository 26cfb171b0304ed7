#!/usr/bin/env python
"""Check that two versions of resumefit's code give the same reports on the same taxonomy.

Runs every fixture document (eval dev/rendered, layouts, samples, and the
real corpus with --corpus) through ``check_resume`` under each code version
in a subprocess, with the taxonomy of THIS tree passed explicitly to both, so
that edits to ``taxonomy/tpm.yaml`` never show up as differences. Compares
the extracted lines and the full report (statuses, scores, evidence,
suggestions). Exit 1 when anything differs.

    git worktree add --detach /tmp/rf-base <commit>
    python benchmarks/equivalence.py --base /tmp/rf-base/src [--corpus] [--show 5]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ["fixtures/eval/dev", "fixtures/eval/dev-rendered", "fixtures/eval/test-rendered", "fixtures/layouts",
           "fixtures/samples"]
SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".json", ".zip"}
CORPUS = Path("/work/shared/corpus")

# Runs inside the subprocess, with the code version under test first on sys.path.
_SNAPSHOT = r"""
import json, sys
from resumefit.api import score_document
from resumefit.extract import read_document
from resumefit.errors import ResumefitError
taxonomy, paths = sys.argv[1], sys.argv[2:]
out = {}
for path in paths:
    try:
        doc = read_document(path)
        report = score_document(doc, taxonomy=taxonomy).to_dict()
        out[path] = {"lines": [[l.text, l.heading_hint] for l in doc.lines], "report": report}
    except ResumefitError as exc:
        out[path] = {"error": f"{type(exc).__name__}: {exc}"}
json.dump(out, sys.stdout)
"""


def documents(corpus: bool) -> list[str]:
    """Return every fixture document (and the corpus files when asked), sorted."""
    paths = [p for folder in FOLDERS for p in sorted((ROOT / folder).glob("*"))
             if p.suffix.lower() in SUFFIXES and not p.name.endswith(".truth.txt")]
    if corpus and CORPUS.is_dir():
        paths += [p for p in sorted(CORPUS.iterdir()) if p.is_file() and p.suffix != ".csv"]
    return [str(p) for p in paths]


def snapshots(srcs: list[str], taxonomy: str, paths: list[str]) -> list[dict]:
    """Return, per src folder, {path: lines and report} computed by that code (run side by side)."""
    runs = [subprocess.Popen([sys.executable, "-c", _SNAPSHOT, taxonomy, *paths], env={"PYTHONPATH": src},
                             stdout=subprocess.PIPE, text=True) for src in srcs]
    outs = [run.communicate()[0] for run in runs]
    if any(run.returncode for run in runs):
        raise SystemExit("a snapshot run failed")
    return [json.loads(out) for out in outs]


def _strip_timing(value):
    """Drop keys that hold wall times or versions, which may differ between runs."""
    if isinstance(value, dict):
        return {k: _strip_timing(v) for k, v in value.items() if k not in ("seconds", "elapsed", "version")}
    if isinstance(value, list):
        return [_strip_timing(v) for v in value]
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", required=True, help="src folder of the baseline code (e.g. a git worktree's src)")
    parser.add_argument("--new", default=str(ROOT / "src"), help="src folder of the code under test")
    parser.add_argument("--corpus", action="store_true", help=f"also compare the real resumes in {CORPUS}")
    parser.add_argument("--show", type=int, default=5, help="differences to print")
    args = parser.parse_args()
    taxonomy = str(ROOT / "taxonomy" / "tpm.yaml")
    paths = documents(args.corpus)
    old, new = snapshots([args.base, args.new], taxonomy, paths)
    differ = [p for p in paths if _strip_timing(old[p]) != _strip_timing(new[p])]
    lines_differ = [p for p in differ if old[p].get("lines") != new[p].get("lines")]
    print(f"{len(paths)} documents; {len(differ)} differ ({len(lines_differ)} in extracted lines)")
    for path in differ[: args.show]:
        a, b = old[path], new[path]
        print(f"\n{path}")
        if a.get("lines") != b.get("lines"):
            la, lb = a.get("lines") or [], b.get("lines") or []
            for i, (x, y) in enumerate(zip(la, lb)):
                if x != y:
                    print(f"  line {i}: {x!r}\n       -> {y!r}")
                    break
            else:
                print(f"  {len(la)} -> {len(lb)} lines")
        ra, rb = (a.get("report") or {}), (b.get("report") or {})
        if ra.get("score") != rb.get("score") or a.get("error") != b.get("error"):
            print(f"  score {ra.get('score')} -> {rb.get('score')}; error {a.get('error')} -> {b.get('error')}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
